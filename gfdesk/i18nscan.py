"""Find user-visible strings that escape Qt's translation: a static check. Qt-free.

Walks the syntax tree of the Qt code and reports string literals (and f-strings) passed
straight to the calls that put text on screen (``setText``, ``setWindowTitle``,
``QLabel(...)``, ``addTab``, ``setToolTip``...). A literal inside ``tr(...)``,
``translate(...)`` or a ``QT_TRANSLATE_NOOP`` marker is fine: those are what
``pyside6-lupdate`` extracts. Strings without a letter ("—", "…", " · ") are not words
and are let through, and so are the texts of a line marked ``# i18n: verbatim`` (a brand name).

``tests/unit/test_i18n_coverage.py`` runs it over the package; run it by hand with
``python -m gfdesk.i18nscan``.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Methods whose first text argument is shown to the user.
TEXT_METHODS = frozenset({
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip",
    "setWhatsThis", "setTitle", "setTabText", "setTabToolTip", "setLabelText",
    "setInformativeText", "setDetailedText", "setSpecialValueText", "setPrefix",
    "setSuffix", "showMessage", "setAccessibleName", "setAccessibleDescription",
    "setHeaderLabels", "setWindowIconText", "setButtonText", "show_error",
})
#: Signals whose first argument is a message shown to the user (``self.notice.emit(...)``).
NOTICE_SIGNALS = frozenset({"notice", "failed", "problem"})
#: Methods whose text is their last string argument (after a widget or an icon).
TRAILING_TEXT_METHODS = frozenset({"addTab", "insertTab", "addAction", "addButton", "addItem",
                                   "addRow", "insertItem", "addSection"})
#: Constructors whose first string argument is shown.
TEXT_CLASSES = frozenset({
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QListWidgetItem", "QCommandLinkButton", "QMessageBox",
})
#: Static QMessageBox helpers: (parent, title, text, ...).
MESSAGE_BOX = frozenset({"information", "warning", "critical", "question", "about"})
#: Calls whose string arguments are translated (or marked for translation).
TRANSLATING = frozenset({"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP",
                         "QT_TRANSLATE_NOOP3", "qsTr"})
NOQA = "i18n: verbatim"
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@dataclass(frozen=True, slots=True)
class Escape:
    """A visible string not passed through the translation."""

    path: Path
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _literal_text(node: ast.expr) -> str | None:
    """The text of a literal (or an f-string's literal parts) holding a letter, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values
                       if isinstance(part, ast.Constant) and isinstance(part.value, str))
    else:
        return None
    # Markup is not words: f"<qt>{text}</qt>" shows only what it wraps.
    return text if any(ch.isalpha() for ch in _TAG.sub("", text)) else None


#: Methods of a string whose result keeps its words and its arguments' (``"{n} x".format``,
#: ``" · ".join``), and those that keep only its own (``"Hi".upper()``).
_JOINING_METHODS = frozenset({"format", "join"})
_STRING_METHODS = frozenset({"strip", "rstrip", "lstrip", "upper", "lower", "title",
                             "capitalize", "replace", "casefold"})
_Values = dict[str, list[ast.expr]]


@dataclass(slots=True, eq=False)
class _Module:
    path: Path
    tree: ast.Module
    lines: list[str]
    shown: bool  # its calls are checked (a library module only lends helpers)
    dotted: str  # "gfdesk.calls.wording"
    names: _Values  # module-level names: tables of labels
    imported: dict[str, str]  # a name imported from a module -> that module's dotted name
    functions: dict[str, list[_Function]]


@dataclass(slots=True, eq=False)
class _Function:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    module: _Module
    positional: list[str]  # as the caller passes them (``self`` left out of a method)
    params: set[str]
    names: _Values  # what each local name (or a parameter's default) may hold
    returns: list[ast.expr]
    text_params: set[str]  # the parameters it shows on screen, learnt


def _bind(target: ast.expr, value: ast.expr, into: _Values) -> None:
    """Record that ``target`` takes ``value`` (a tuple element by element)."""
    if isinstance(target, ast.Name):
        into.setdefault(target.id, []).append(value)
    elif (isinstance(target, ast.Tuple | ast.List) and isinstance(value, ast.Tuple | ast.List)
          and len(value.elts) == len(target.elts)):
        for sub_target, sub_value in zip(target.elts, value.elts, strict=True):
            _bind(sub_target, sub_value, into)


def _bind_loop(target: ast.expr, iterable: ast.expr, into: _Values) -> None:
    """``for target in iterable`` over a literal table: each row binds ``target``."""
    if isinstance(iterable, ast.Tuple | ast.List | ast.Set):
        for row in iterable.elts:
            _bind(target, row, into)
    elif (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute)
          and isinstance(iterable.func.value, ast.Dict)):
        table = iterable.func.value
        if iterable.func.attr == "values":
            for value in table.values:
                _bind(target, value, into)
        elif iterable.func.attr == "items":
            for key, value in zip(table.keys, table.values, strict=True):
                if key is not None:
                    _bind(target, ast.Tuple(elts=[key, value]), into)


def _local(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of ``body``, not descending into nested functions or classes."""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


def _assignments(body: list[ast.stmt]) -> _Values:
    """Every value a name takes in ``body``."""
    found: _Values = {}
    for node in _local(body):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                _bind(target, node.value, found)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
            _bind(node.target, node.value, found)
        elif isinstance(node, ast.NamedExpr):
            _bind(node.target, node.value, found)
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            _bind_loop(node.target, node.iter, found)
    return found


def _function(node: ast.FunctionDef | ast.AsyncFunctionDef, module: _Module,
              method: bool) -> _Function:
    arguments = node.args
    every = arguments.posonlyargs + arguments.args
    positional = [a.arg for a in every]
    if method and not any(isinstance(d, ast.Name) and d.id == "staticmethod"
                          for d in node.decorator_list):
        positional = positional[1:]
    names = _assignments(node.body)
    for param, default in zip(every[len(every) - len(arguments.defaults):],
                              arguments.defaults, strict=True):
        names.setdefault(param.arg, []).append(default)
    for param, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if kw_default is not None:
            names.setdefault(param.arg, []).append(kw_default)
    returns = [n.value for n in _local(node.body)
               if isinstance(n, ast.Return) and n.value is not None]
    return _Function(node, module, positional,
                     {a.arg for a in every + arguments.kwonlyargs}, names, returns, set())


def _dotted(path: Path) -> str:
    """The module name of ``path``, from the outermost package holding it."""
    parts = [] if path.stem == "__init__" else [path.stem]
    folder = path.resolve().parent
    while (folder / "__init__.py").exists():
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts)


def _load(path: Path, shown: bool) -> _Module:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    dotted = _dotted(path)
    module = _Module(path, tree, source.splitlines(), shown, dotted, _assignments(tree.body),
                     {}, {})
    package = dotted.split(".") if path.stem == "__init__" else dotted.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            source_module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                module.imported[alias.asname or alias.name] = source_module
        if isinstance(node, ast.Module | ast.ClassDef):
            for child in node.body:
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                    module.functions.setdefault(child.name, []).append(
                        _function(child, module, isinstance(node, ast.ClassDef)))
    return module


_Found = list[tuple[_Module, ast.expr]]


class _Scan:
    """Follows text from literals to the calls that show it, across modules.

    A literal reaches the screen straight (``setText("Hi")``); through a local name, or a
    loop over a literal table (``for text, kind in (("Video call", "video"), ...)``);
    through a module's table of labels (``LABELS[kind]``, ``LABELS.get(kind)``); through
    a helper whose parameter it shows (``self._button("mute", "Mute")`` where ``_button``
    calls ``setToolTip(tip)``, learnt transitively); through what a function returns; and
    inside ``x if c else y``, ``a or b``, ``a + b``, ``"%s" % x``, ``.format()`` and
    ``" · ".join(...)``.
    """

    def __init__(self, modules: list[_Module]) -> None:
        self.modules = modules
        self.by_name: dict[str, list[_Function]] = {}
        for module in modules:
            for name, functions in module.functions.items():
                self.by_name.setdefault(name, []).extend(functions)

    def resolve(self, call: ast.Call, module: _Module) -> list[_Function]:
        """The functions ``call`` may run: its own module's of that name first, else an
        imported one (a plain call) or the only one of that name (a method call)."""
        name = _call_name(call)
        if not name or name in TRANSLATING:
            return []
        if name in module.functions:
            return module.functions[name]
        candidates = self.by_name.get(name, [])
        if isinstance(call.func, ast.Name):
            origin = module.imported.get(name)
            return [f for f in candidates if f.module.dotted == origin]
        return candidates if len(candidates) == 1 else []

    def flow(self, node: ast.expr, function: _Function | None, module: _Module,
             seen: set[int] | None = None) -> tuple[_Found, set[str]]:
        """The wordy literals that may become ``node``'s value, and the parameters of
        ``function`` it may come from."""
        seen = set() if seen is None else seen
        literals: _Found = []
        params: set[str] = set()
        if id(node) in seen:
            return literals, params
        seen.add(id(node))

        def follow(*children: ast.expr | None, inside: _Function | None = function,
                   where: _Module = module) -> None:
            for child in children:
                if child is not None:
                    found, from_params = self.flow(child, inside, where, seen)
                    literals.extend(found)
                    if inside is function:
                        params.update(from_params)

        if isinstance(node, ast.Constant | ast.JoinedStr) and _literal_text(node) is not None:
            literals.append((module, node))
        if isinstance(node, ast.JoinedStr):
            follow(*(p.value for p in node.values if isinstance(p, ast.FormattedValue)))
        elif isinstance(node, ast.IfExp):
            follow(node.body, node.orelse)
        elif isinstance(node, ast.BoolOp):
            follow(*node.values)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            follow(node.left, node.right)
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            follow(*node.elts)
        elif isinstance(node, ast.Dict):
            follow(*node.values)
        elif isinstance(node, ast.GeneratorExp | ast.ListComp | ast.SetComp):
            follow(node.elt)
        elif isinstance(node, ast.Starred | ast.Subscript):
            follow(node.value)
        elif isinstance(node, ast.Name):
            local = function.names.get(node.id) if function is not None else None
            follow(*(local or []))
            if function is not None and node.id in function.params:
                params.add(node.id)
            elif local is None:
                follow(*module.names.get(node.id, []))
        elif isinstance(node, ast.Call) and _call_name(node) not in TRANSLATING:
            name = _call_name(node)
            if isinstance(node.func, ast.Attribute) and name in _JOINING_METHODS:
                follow(node.func.value, *node.args, *(k.value for k in node.keywords))
            elif isinstance(node.func, ast.Attribute) and name in _STRING_METHODS:
                follow(node.func.value)
            elif isinstance(node.func, ast.Attribute) and name == "get":
                follow(node.func.value, *node.args[1:])
            else:
                # What another module's method returns is followed only when imported by
                # name: a method name alone says too little about which class runs.
                for callee in self.resolve(node, module):
                    if callee.module is module or isinstance(node.func, ast.Name):
                        follow(*callee.returns, inside=callee, where=callee.module)
        return literals, params

    def shown(self, call: ast.Call, function: _Function | None,
              module: _Module) -> list[ast.expr]:
        """The arguments of ``call`` that end up on screen."""
        def carries(arg: ast.expr) -> bool:
            if isinstance(arg, ast.Call) and _call_name(arg) in TRANSLATING:
                return True
            literals, params = self.flow(arg, function, module)
            return bool(literals or params)

        shown = _text_arguments(call, carries)
        for callee in self.resolve(call, module):
            if callee.text_params:
                shown.extend(arg for arg, param in zip(call.args, callee.positional,
                                                       strict=False)
                             if param in callee.text_params)
                shown.extend(k.value for k in call.keywords if k.arg in callee.text_params)
        return shown

    def calls(self) -> Iterator[tuple[ast.Call, _Function | None, _Module]]:
        """Every call not translating, with the function (if any) it is written in."""
        for module in self.modules:
            inside: dict[int, _Function] = {}
            for functions in module.functions.values():
                for function in functions:
                    for node in ast.walk(function.node):
                        inside[id(node)] = function
            for node in ast.walk(module.tree):
                if isinstance(node, ast.Call) and _call_name(node) not in TRANSLATING:
                    yield node, inside.get(id(node)), module

    def learn_helpers(self) -> None:
        """Mark the parameters each function shows, until no more are found."""
        calls = [(c, f, m) for c, f, m in self.calls() if f is not None]
        changed = True
        while changed:
            changed = False
            for call, function, module in calls:
                assert function is not None
                for arg in self.shown(call, function, module):
                    new = self.flow(arg, function, module)[1] - function.text_params
                    if new:
                        function.text_params |= new
                        changed = True

    def escapes(self) -> Iterator[Escape]:
        reported: set[tuple[Path, int, int]] = set()
        for call, function, module in self.calls():
            if not module.shown:
                continue
            for arg in self.shown(call, function, module):
                for owner, literal in self.flow(arg, function, module)[0]:
                    key = (owner.path, literal.lineno, literal.col_offset)
                    if key in reported or NOQA in owner.lines[literal.lineno - 1] or (
                            NOQA in module.lines[call.lineno - 1]):
                        continue
                    reported.add(key)
                    yield Escape(owner.path, literal.lineno, _call_name(call),
                                 _literal_text(literal) or "")


def _text_arguments(node: ast.Call, carries: Callable[[ast.expr], bool]) -> list[ast.expr]:
    """The arguments a Qt call shows; ``carries(arg)``: ``arg`` may hold text."""
    name = _call_name(node)
    args = list(node.args)
    if name in TEXT_METHODS:
        if name == "setHeaderLabels" and args and isinstance(args[0], ast.List | ast.Tuple):
            return list(args[0].elts)
        return args[:1]
    if name in TRAILING_TEXT_METHODS:
        strings = [a for a in args if carries(a)]
        return strings[-1:] if name != "addItem" else strings[:1]
    if name in TEXT_CLASSES:
        texts = [a for a in args if carries(a)]
        return texts[:1] if name != "QMessageBox" else texts
    if (name == "emit" and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in NOTICE_SIGNALS):
        return args[:1]
    if name in MESSAGE_BOX and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id == "QMessageBox":
            return args[1:3]
    return []


def _files(roots: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        found.extend([root] if root.is_file() else sorted(root.rglob("*.py")))
    return found


def scan_file(path: Path) -> list[Escape]:
    """The escapes in one Python file."""
    return scan([path])


def scan(paths: list[Path], library: list[Path] | None = None) -> list[Escape]:
    """The escapes in every ``.py`` file under ``paths``. Helpers and tables defined in
    ``library`` (modules that show nothing themselves: ``gfdesk.calls.wording``) are
    followed too, and their literals reported when a call under ``paths`` shows them."""
    shown = _files(paths)
    modules = [_load(file, True) for file in shown]
    modules += [_load(file, False) for file in _files(library or []) if file not in shown]
    scanner = _Scan(modules)
    scanner.learn_helpers()
    return sorted(scanner.escapes(), key=lambda e: (str(e.path), e.line))


def _sources(package: Path) -> list[Path]:
    return [file for file in sorted(package.rglob("*.py"))
            if "hub" not in file.relative_to(package).parts]


def qt_sources(package: Path) -> list[Path]:
    """The package's modules that import Qt widgets or GUI (the ones that show text)."""
    return [file for file in _sources(package)
            if "PySide6" in file.read_text(encoding="utf-8")]


def library_sources(package: Path) -> list[Path]:
    """The package's Qt-free modules (outside the hub): their helpers, tables and
    returned texts reach the screen through the Qt ones."""
    qt = set(qt_sources(package))
    return [file for file in _sources(package) if file not in qt]


def main() -> int:
    package = Path(__file__).resolve().parent
    escapes = scan(qt_sources(package), library_sources(package))
    for escape in escapes:
        print(escape)
    return 1 if escapes else 0


if __name__ == "__main__":
    sys.exit(main())
