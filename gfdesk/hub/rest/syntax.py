"""A hand-written parser for the values of PostgREST query parameters. Qt-free, pure.

Follows PostgREST's own grammar (``ApiRequest/QueryParams.hs``: field names, operator
expressions, ``in`` lists with quoted elements, logic trees, order terms) for the subset
of spec 7.2, and reports errors the way PostgREST does: PGRST100 with the message
``"failed to parse filter (v)" (line 1, column N)`` and the reason in ``details``.

Two deliberate differences: features PostgREST has but the hub lacks (embedding, casts,
aliases, JSON paths, range/array/full-text operators, quantifiers) are rejected with a
PGRST100 that says so, and trailing text after a complete ``in``/``is`` value is an error
rather than silently dropped, because a filter that is half-read on an UPDATE or DELETE
would change more rows than the caller meant.
"""

from __future__ import annotations

from .errors import RestError
from .model import IS_VALUES, BoolGroup, Condition, Filter, Order

WHITESPACE = " \t"
SCALAR_OPERATORS = frozenset({"eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike"})
#: PostgREST operators the hub does not implement.
UNSUPPORTED_OPERATORS = frozenset(
    {"cs", "cd", "ov", "sl", "sr", "nxr", "nxl", "adj", "match", "imatch",
     "fts", "plfts", "phfts", "wfts"}
)
#: Deepest nesting of and/or groups accepted (keeps recursion and SQL depth bounded).
MAX_LOGIC_DEPTH = 32
EXPECT_OPERATOR = '"not" or operator (eq, gt, ...)'
EXPECT_FIELD = "field name (* or [a..z0..9_$])"
UNSUPPORTED = "is not supported by this server"


class Cursor:
    """A position in one parameter value, with PostgREST-style error reporting."""

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.pos = 0
        self.source = source

    @property
    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix, self.pos)

    def skip_ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in WHITESPACE:
            self.pos += 1

    def error(self, details: str, pos: int | None = None) -> RestError:
        where = self.pos if pos is None else pos
        return RestError.parse(self.source, where + 1, details)

    def unexpected(self, expecting: str, pos: int | None = None) -> RestError:
        where = self.pos if pos is None else pos
        found = (
            f'unexpected "{self.text[where]}"' if where < len(self.text)
            else "unexpected end of input"
        )
        return self.error(f"{found} expecting {expecting}", where)

    def unsupported(self, what: str, pos: int | None = None) -> RestError:
        return self.error(f"{what} {UNSUPPORTED}", pos)

    def expect(self, char: str, expecting: str | None = None) -> None:
        if self.peek() != char:
            raise self.unexpected(expecting or f'"{char}"')
        self.pos += 1

    def expect_end(self) -> None:
        self.skip_ws()
        if not self.at_end:
            raise self.unexpected("end of input")


def _is_ident_char(char: str) -> bool:
    return char.isalpha() or char.isdigit() or char in "_ $"


def quoted(cur: Cursor) -> str:
    """A ``"..."`` value; a backslash takes the next character literally."""
    cur.expect('"')
    out: list[str] = []
    while True:
        char = cur.peek()
        if not char:
            raise cur.unexpected('"\\"" (closing quote)')
        cur.pos += 1
        if char == '"':
            return "".join(out)
        if char == "\\":
            escaped = cur.peek()
            if not escaped:
                raise cur.unexpected("any character after \\")
            cur.pos += 1
            out.append(escaped)
        else:
            out.append(char)


def field_name(cur: Cursor) -> str:
    """PostgREST ``pFieldName``: a quoted name, or identifiers joined by ``-``."""
    cur.skip_ws()
    if cur.peek() == '"':
        name = quoted(cur)
        cur.skip_ws()
        return name
    parts: list[str] = []
    while True:
        start = cur.pos
        while cur.pos < len(cur.text) and _is_ident_char(cur.text[cur.pos]):
            cur.pos += 1
        if cur.pos == start:
            raise cur.unexpected(EXPECT_FIELD)
        parts.append(cur.text[start:cur.pos].strip(WHITESPACE))
        if cur.startswith("-") and not cur.startswith("->"):
            cur.pos += 1
            continue
        return "-".join(parts)


def _reject_field_suffix(cur: Cursor) -> None:
    """Raise for syntax after a column name that PostgREST has and the hub does not."""
    if cur.startswith("->"):
        raise cur.unsupported("JSON path (->, ->>)")
    if cur.startswith("::"):
        raise cur.unsupported("casting (::)")


def list_value(cur: Cursor) -> tuple[str, ...]:
    """``(a,"b,c",d)``; ``()`` is the empty list."""
    cur.skip_ws()
    cur.expect("(")
    cur.skip_ws()
    items: list[str] = []
    if cur.peek() == ")":
        cur.pos += 1
        cur.skip_ws()
        return ()
    while True:
        items.append(_element(cur))
        if cur.peek() == ",":
            cur.pos += 1
            continue
        cur.skip_ws()
        cur.expect(")", '"," or ")"')
        cur.skip_ws()
        break
    return tuple(items)


def _element(cur: Cursor) -> str:
    """A list or logic-tree value: quoted if it is followed by ``,``/``)``, else raw."""
    if cur.peek() == '"':
        start = cur.pos
        try:
            value = quoted(cur)
        except RestError:
            value = None
        if value is not None and cur.peek() in (",", ")"):
            return value
        cur.pos = start
    start = cur.pos
    while cur.pos < len(cur.text) and cur.text[cur.pos] not in ",)":
        cur.pos += 1
    return cur.text[start:cur.pos]


def _logic_value(cur: Cursor) -> str:
    """PostgREST ``pLogicSingleVal``: a quoted value, a ``{...}`` array, or raw text."""
    if cur.peek() == "{":
        end = cur.text.find("}", cur.pos)
        inner = cur.text[cur.pos + 1:end] if end >= 0 else ""
        if end >= 0 and "{" not in inner:
            value = cur.text[cur.pos:end + 1]
            cur.pos = end + 1
            return value
    return _element(cur)


def op_expr(cur: Cursor, column: str, in_logic: bool) -> Filter:
    """``[not.]op.value`` for ``column``; in a logic tree the value stops at ``,``/``)``."""
    negated = False
    if cur.startswith("not."):
        negated = True
        cur.pos += 4
    start = cur.pos
    while cur.pos < len(cur.text) and cur.text[cur.pos] not in ".(":
        cur.pos += 1
    op = cur.text[start:cur.pos]
    if op in UNSUPPORTED_OPERATORS:
        raise cur.unsupported(f"operator {op}", start)
    if op not in SCALAR_OPERATORS | {"in", "is", "isdistinct"}:
        raise cur.unexpected(EXPECT_OPERATOR, start)
    if cur.peek() == "(":
        raise cur.unsupported("quantifier (any, all)")
    cur.expect(".", "delimiter (.)")
    if op == "in":
        value: str | tuple[str, ...] = list_value(cur)
    elif op == "is":
        value = _is_value(cur)
    elif in_logic:
        value = _logic_value(cur)
    else:
        value = cur.text[cur.pos:]
        cur.pos = len(cur.text)
    if in_logic:
        cur.skip_ws()
        if cur.peek() not in (",", ")"):
            raise cur.unexpected('"," or ")"')
    else:
        cur.expect_end()
    return Filter(column, op, negated, value)


def _is_value(cur: Cursor) -> str:
    start = cur.pos
    while cur.pos < len(cur.text) and (cur.text[cur.pos].isalpha() or cur.text[cur.pos] == "_"):
        cur.pos += 1
    word = cur.text[start:cur.pos].lower()
    if word not in IS_VALUES:
        raise cur.unexpected("isVal: (null, not_null, true, false, unknown)", start)
    return word


def filter_param(key: str, value: str) -> Filter:
    """A top-level ``key=value`` filter."""
    key_cur = Cursor(key, f"failed to parse tree path ({key})")
    column = field_name(key_cur)
    _reject_field_suffix(key_cur)
    if key_cur.peek() == ".":
        raise key_cur.unsupported("filtering on an embedded resource")
    key_cur.expect_end()
    return op_expr(Cursor(value, f"failed to parse filter ({value})"), column, in_logic=False)


def logic_param(op: str, negated: bool, value: str) -> BoolGroup:
    """``or=(...)``/``and=(...)``, with ``not.`` already read from the key."""
    cur = Cursor(value, f"failed to parse logic tree ({value})")
    group = _logic_group(cur, op, negated, 1)
    cur.expect_end()
    return group


def _logic_group(cur: Cursor, op: str, negated: bool, depth: int) -> BoolGroup:
    if depth > MAX_LOGIC_DEPTH:
        raise cur.error(f"logic trees nested more than {MAX_LOGIC_DEPTH} deep {UNSUPPORTED}")
    cur.skip_ws()
    cur.expect("(")
    items: list[Condition] = []
    while True:
        cur.skip_ws()
        items.append(_logic_item(cur, depth))
        cur.skip_ws()
        if cur.peek() == ",":
            cur.pos += 1
            continue
        cur.expect(")", '"," or ")"')
        break
    return BoolGroup("and" if op == "and" else "or", negated, tuple(items))


def _logic_item(cur: Cursor, depth: int) -> Condition:
    for prefix, negated in (("not.", True), ("", False)):
        for op in ("and", "or"):
            if cur.startswith(f"{prefix}{op}("):
                cur.pos += len(prefix) + len(op)
                return _logic_group(cur, op, negated, depth + 1)
    if cur.at_end or cur.peek() in ",)":
        raise cur.unexpected(f"{EXPECT_FIELD}, negation operator (not) or logic operator (and, or)")
    column = field_name(cur)
    _reject_field_suffix(cur)
    cur.expect(".", "delimiter (.)")
    return op_expr(cur, column, in_logic=True)


def order_param(value: str) -> tuple[Order, ...]:
    """``col[.asc|.desc][.nullsfirst|.nullslast][,...]``."""
    cur = Cursor(value, f"failed to parse order ({value})")
    terms: list[Order] = []
    while True:
        column = field_name(cur)
        _reject_field_suffix(cur)
        if cur.peek() == "(":
            raise cur.unsupported("ordering by an embedded resource")
        descending = False
        nulls_first: bool | None = None
        if cur.startswith(".asc") or cur.startswith(".desc"):
            descending = cur.startswith(".desc")
            cur.pos += 5 if descending else 4
        elif cur.peek() == "." and not (
            cur.startswith(".nullsfirst") or cur.startswith(".nullslast")
        ):
            raise cur.unexpected('"asc", "desc", "nullsfirst" or "nullslast"', cur.pos + 1)
        if cur.startswith(".nullsfirst") or cur.startswith(".nullslast"):
            nulls_first = cur.startswith(".nullsfirst")
            cur.pos += 11 if nulls_first else 10
        elif cur.peek() == ".":
            raise cur.unexpected('"nullsfirst" or "nullslast"', cur.pos + 1)
        cur.skip_ws()
        terms.append(Order(column, descending, nulls_first))
        if cur.peek() == ",":
            cur.pos += 1
            continue
        if not cur.at_end:
            raise cur.unexpected('delimiter (.), "," or end of input')
        return tuple(terms)


def select_param(value: str) -> tuple[str, ...] | None:
    """``*`` or column names; None when ``*`` is among them."""
    cur = Cursor(value, f"failed to parse select parameter ({value})")
    names: list[str] = []
    star = False
    while True:
        cur.skip_ws()
        if cur.peek() == "*":
            cur.pos += 1
            star = True
        elif cur.startswith(".."):
            raise cur.unsupported("spreading an embedded resource (..)")
        else:
            names.append(field_name(cur))
            _reject_field_suffix(cur)
            if cur.peek() == "(":
                raise cur.unsupported("resource embedding or aggregates")
            if cur.peek() == ":":
                raise cur.unsupported("aliasing (alias:column)")
            if cur.peek() == "!":
                raise cur.unsupported("embedding hints (!)")
        cur.skip_ws()
        if cur.peek() == ",":
            cur.pos += 1
            continue
        if not cur.at_end:
            raise cur.unexpected('"," or end of input')
        return None if star else tuple(names)


def names_param(name: str, value: str) -> tuple[str, ...]:
    """``columns=`` / ``on_conflict=``: a comma-separated list of (quoted) column names."""
    cur = Cursor(value, f"failed to parse {name} parameter ({value})")
    names: list[str] = []
    while True:
        names.append(field_name(cur))
        cur.skip_ws()
        if cur.peek() == ",":
            cur.pos += 1
            continue
        if not cur.at_end:
            raise cur.unexpected('"," or end of input')
        return tuple(names)
