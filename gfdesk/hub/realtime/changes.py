"""postgres_changes for the hub: committed row changes to each authorized subscriber. Qt-free.

``ChangeFeed`` is what Supabase Realtime's Postgres CDC extension is for a real project
(spec 5). The channel layer hands it each join's ``config.postgres_changes``
(``subscribe``) and gets back the join reply's bindings with their ids and the
``system`` pushes to send; after that the feed calls each subscription's ``deliver``
with complete ``postgres_changes`` payloads, ``{"ids": [...], "data": {...}}``.

It listens to the store's commits, so it runs synchronously on the hub's loop thread
right after COMMIT, in commit order, and calls ``deliver`` in that order (``deliver``
must not block or await). For each change it:

1. looks only at subscribers with a binding on the change's table, and among those
   with ``col=eq.value`` filters only at the ones the row's values look up
   (``changeindex``);
2. keeps those with a binding for the change's event and, for INSERT/UPDATE, whose row
   rule (``policies.access(...).select``) returns the committed row: one SQL query per
   change evaluates every distinct rule at once (``SELECT (rule1), (rule2) ... FROM t
   WHERE pk``); service_role and always-true rules need none. DELETE is not checked, as
   on the real server;
3. only then runs their filters (INSERT/UPDATE: the new record; DELETE: the old
   identity, primary key only), so a filter never touches a row its subscriber may not
   read, giving each subscriber one message listing all its matching binding ids;
4. serializes ``data`` once per change and splices it into each subscriber's bytes
   (``changepayload``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gfdesk.hub.policies import access
from gfdesk.hub.realtime.changefilter import (
    CHECK_FAILED,
    NOT_PUBLISHED,
    BindingError,
    BindingParams,
    Condition,
    binding_id,
    like_matches,
    parse_binding,
    reply_binding,
)
from gfdesk.hub.realtime.changeindex import TableIndex
from gfdesk.hub.realtime.changepayload import columns_json, data_json, ids_prefix
from gfdesk.hub.realtime.rowmatch import (
    FilterCheckError,
    RowMatcher,
    compile_filter,
    eq_index_key,
)
from gfdesk.hub.schema import PUBLISHED, TABLES
from gfdesk.hub.store import Change, ChangeType, Store
from gfdesk.hub.tables import Predicate, Table, quote_ident
from gfdesk.log import hub as log

PUBLIC_SCHEMA = "public"
EXTENSION = "postgres_changes"
SUBSCRIBED = "Subscribed to PostgreSQL"
#: Row rules evaluated per query (SQLite allows 2000 result columns).
RULES_PER_QUERY = 500
#: Compiled filters kept for reuse across joins (the app's filters repeat per user).
COMPILED_CACHE_MAX = 4096

#: Row rules whose verdict needs no query ("1" is TRUE, "0" is FALSE in tables.py).
_CONSTANT_RULES = {"1": True, "0": False}

#: The rule source: the select rule of a table for a caller's claims.
SelectRule = Callable[[str, Mapping[str, Any]], Predicate]


def _policy_select(table: str, claims: Mapping[str, Any]) -> Predicate:
    return access(table, claims).select


@dataclass(frozen=True)
class ChangeSubscription:
    """One channel join's postgres_changes, as the channel layer hands it over."""

    #: Unique per channel join; ``update_claims``/``unsubscribe`` name it.
    key: object
    #: The join's ``config.postgres_changes``, verbatim (null entries are dropped).
    bindings_config: list[Any]
    #: JWT claims of the join's access token (or of the socket's apikey).
    claims: dict[str, Any]
    #: Called with each complete payload, ``{"ids":[...],"data":{...}}`` as JSON bytes.
    deliver: Callable[[bytes], None]


@dataclass(frozen=True)
class SubscribeResult:
    """What the channel layer sends: the join reply's bindings and ``system`` pushes."""

    #: Each binding as sent plus ``"id"``, in request order (spec 2.7).
    reply_bindings: list[dict[str, Any]]
    #: ``system`` payloads to push after the reply (the caller fills ``channel``).
    system_messages: list[dict[str, Any]]


def system_message(message: str, *, ok: bool) -> dict[str, Any]:
    """A ``system`` push payload of the postgres_changes extension (spec 2.8)."""
    return {"message": message, "status": "ok" if ok else "error",
            "extension": EXTENSION, "channel": ""}


@dataclass(frozen=True)
class _Binding:
    """A binding ready to match: its id, events and per-table matcher."""

    id: int
    events: frozenset[str]
    matcher: RowMatcher
    #: Columns to send (``select`` plus the primary key), or None for all.
    columns: tuple[str, ...] | None
    #: ``(column, value)`` of a lone ``eq`` filter (see ``TableIndex``), else None.
    eq_key: tuple[str, Any] | None = None
    #: ``{"ids":[<id>],"data":`` of a message for this binding alone.
    prefix: bytes = b""

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix", ids_prefix((self.id,)))


@dataclass
class _Subscriber:
    claims: dict[str, Any]
    deliver: Callable[[bytes], None]
    by_table: dict[str, list[_Binding]]
    rules: dict[str, Predicate] = field(default_factory=dict)


class ChangeFeed:
    """Matches committed changes to postgres_changes subscriptions and delivers them."""

    def __init__(self, store: Store, *, tables: Mapping[str, Table] | None = None,
                 select_rule: SelectRule = _policy_select) -> None:
        """Register with ``store`` for its commits.

        Args:
            store: the hub database; rules are evaluated on its connection.
            tables: the published tables (default: the public schema's tables in
                ``schema.PUBLISHED``, Supabase's ``supabase_realtime`` publication); a
                binding that names no published table is refused as the real server
                refuses it.
            select_rule: who may read which rows (default: ``gfdesk.hub.policies``).
        """
        self._store = store
        if tables is None:
            tables = {name: table for name, table in TABLES.items() if name in PUBLISHED}
        self._tables = dict(tables)
        self._select_rule = select_rule
        self._subs: dict[object, _Subscriber] = {}
        self._by_table: dict[str, TableIndex[_Subscriber]] = {}
        self._compiled: dict[tuple[str, tuple[Condition, ...]], RowMatcher] = {}
        self._columns_json: dict[tuple[str, tuple[str, ...] | None], bytes] = {}
        self._listener = self._on_commit
        self._closed = False
        store.add_commit_listener(self._listener)

    # -- subscriptions ------------------------------------------------------------

    def subscribe(self, sub: ChangeSubscription) -> SubscribeResult:
        """Add a join's bindings (replacing an earlier join with the same key).

        Returns:
            The reply bindings (always, as the real server replies before it subscribes)
            and one ``system`` message: ok, or the real server's error text, in which
            case none of this join's bindings receives changes (the server subscribes a
            join's bindings in one transaction). No bindings: no message.
        """
        self.unsubscribe(sub.key)
        entries = [b for b in sub.bindings_config if b is not None]
        reply = [reply_binding(b) for b in entries if isinstance(b, dict)]
        if not entries:
            return SubscribeResult(reply, [])
        try:
            by_table = self._compile_bindings(entries)
        except BindingError as exc:
            log.info("hub realtime: postgres_changes refused: %s", exc)
            return SubscribeResult(reply, [system_message(str(exc), ok=False)])
        subscriber = _Subscriber(dict(sub.claims), sub.deliver, by_table)
        self._subs[sub.key] = subscriber
        for name, bindings in by_table.items():
            index = self._by_table.get(name)
            if index is None:
                index = self._by_table[name] = TableIndex(self._tables[name])
            index.add(sub.key, subscriber, [b.eq_key for b in bindings])
        return SubscribeResult(reply, [system_message(SUBSCRIBED, ok=True)])

    def update_claims(self, key: object, claims: dict[str, Any]) -> None:
        """Use new JWT claims for a live join (an ``access_token`` refresh, spec 2.10).

        The next change is judged with the new claims. The real server re-subscribes
        and pushes a fresh ``system_message(SUBSCRIBED, ok=True)``; sending it is the
        channel layer's choice. Unknown keys are ignored.
        """
        subscriber = self._subs.get(key)
        if subscriber is None:
            return
        subscriber.claims = dict(claims)
        subscriber.rules.clear()

    def unsubscribe(self, key: object) -> None:
        """Forget a join (leave, close, rejoin). Unknown keys are fine."""
        subscriber = self._subs.pop(key, None)
        if subscriber is None:
            return
        for name in subscriber.by_table:
            index = self._by_table.get(name)
            if index is not None:
                index.remove(key)
                if not len(index):
                    del self._by_table[name]

    def close(self) -> None:
        """Stop listening to the store and drop every subscription."""
        if self._closed:
            return
        self._closed = True
        self._store.remove_commit_listener(self._listener)
        self._subs.clear()
        self._by_table.clear()

    @property
    def subscription_count(self) -> int:
        return len(self._subs)

    def _compile_bindings(self, entries: Sequence[Any]) -> dict[str, list[_Binding]]:
        parsed = [(entry, parse_binding(entry)) for entry in entries]
        by_table: dict[str, list[_Binding]] = {}
        for entry, params in parsed:
            tables = self._published(params)
            if not tables:
                raise BindingError(NOT_PUBLISHED.format(params=params.describe()))
            for name in tables:
                binding = self._binding(entry, params, self._tables[name])
                by_table.setdefault(name, []).append(binding)
        return by_table

    def _published(self, params: BindingParams) -> list[str]:
        # The publication holds some of the public schema's tables; the server picks a
        # binding's tables among them with LIKE on schema and table name.
        if not like_matches(params.schema, [PUBLIC_SCHEMA]):
            return []
        return like_matches(params.table, list(self._tables))

    def _binding(self, entry: Any, params: BindingParams, table: Table) -> _Binding:
        key = (table.name, params.conditions)
        matcher = self._compiled.get(key)
        if matcher is None:
            try:
                matcher = compile_filter(table, params.conditions)
            except FilterCheckError as exc:
                raise BindingError(CHECK_FAILED.format(params=params.describe(),
                                                       detail=exc)) from exc
            if len(self._compiled) >= COMPILED_CACHE_MAX:
                self._compiled.clear()
            self._compiled[key] = matcher
        columns = None
        if params.select is not None:
            for name in params.select:
                if table.column(name) is None:
                    raise BindingError(CHECK_FAILED.format(
                        params=params.describe(),
                        detail=f"ERROR P0001 (raise_exception) invalid column for select "
                               f"{name}"))
            wanted = set(params.select) | set(table.primary_key)
            columns = tuple(n for n in table.column_names if n in wanted)
        return _Binding(binding_id(entry), params.events, matcher, columns,
                        eq_index_key(table, params.conditions))

    # -- dispatch -----------------------------------------------------------------

    def _on_commit(self, changes: Sequence[Change]) -> None:
        for change in changes:
            index = self._by_table.get(change.table)
            if index is not None:
                self._dispatch(index, change)

    def _dispatch(self, index: TableIndex[_Subscriber], change: Change) -> None:
        table = index.table
        kind = change.type.value
        row = change.old_record if change.type is ChangeType.DELETE else change.record
        if row is None:
            return
        # Row rule first, filters after: a filter never looks at a row its subscriber
        # may not read, so how long it takes tells nothing about such rows.
        waiting: list[tuple[_Subscriber, list[_Binding]]] = []
        for sub in index.candidates(row):
            bindings = [b for b in sub.by_table[table.name] if kind in b.events]
            if bindings:
                waiting.append((sub, bindings))
        if waiting and change.type is not ChangeType.DELETE:
            waiting = self._visible(table, change, waiting)
        # Identical filters share one compiled matcher: evaluate each once per change.
        verdicts: dict[RowMatcher, bool] = {}
        hits: list[tuple[_Subscriber, list[_Binding]]] = []
        for sub, bindings in waiting:
            matched = []
            for binding in bindings:
                passes = verdicts.get(binding.matcher)
                if passes is None:
                    passes = verdicts[binding.matcher] = binding.matcher(row)
                if passes:
                    matched.append(binding)
            if matched:
                hits.append((sub, matched))
        if not hits:
            return
        data: dict[tuple[str, ...] | None, bytes] = {}
        for sub, matched in hits:
            if len(matched) == 1:
                binding = matched[0]
                messages = [(binding.columns, binding.prefix)]
            else:
                messages = _group(matched)
            # One message per subscriber (one per distinct `select` among its bindings).
            for columns, prefix in messages:
                body = data.get(columns)
                if body is None:
                    body = data[columns] = self._data_json(table, change, columns)
                try:
                    sub.deliver(prefix + body + b"}")
                except Exception:
                    log.exception("hub realtime: postgres_changes delivery failed")

    def _visible(self, table: Table, change: Change,
                 hits: list[tuple[_Subscriber, list[_Binding]]],
                 ) -> list[tuple[_Subscriber, list[_Binding]]]:
        """The hits whose subscriber may SELECT the committed row (spec 5.5)."""
        rules: list[Predicate] = []
        pending: dict[tuple[str, tuple[Any, ...]], int] = {}
        for sub, _ in hits:
            rule = sub.rules.get(table.name)
            if rule is None:
                rule = sub.rules[table.name] = self._select_rule(table.name, sub.claims)
            rules.append(rule)
            if rule.sql not in _CONSTANT_RULES:
                pending.setdefault((rule.sql, rule.params), len(pending))
        verdicts: list[bool] = []
        if pending and change.record is not None:
            distinct = [Predicate(sql, params) for sql, params in pending]
            for start in range(0, len(distinct), RULES_PER_QUERY):
                verdicts += self._evaluate(table, change.record,
                                           distinct[start:start + RULES_PER_QUERY])
        visible = []
        for hit, rule in zip(hits, rules, strict=True):
            ok = _CONSTANT_RULES.get(rule.sql)
            if ok is None:
                ok = bool(verdicts) and verdicts[pending[(rule.sql, rule.params)]]
            if ok:
                visible.append(hit)
        return visible

    def _evaluate(self, table: Table, record: Mapping[str, Any],
                  rules: Sequence[Predicate]) -> list[bool]:
        """Evaluate row rules on the committed row (by primary key) in one query."""
        name = quote_ident(table.name)
        where, key = [], []
        for col in table.primary_key:
            column = table.column(col)
            if column is None or col not in record:
                return [False] * len(rules)
            where.append(f"{name}.{quote_ident(col)} = ?")
            key.append(column.to_db(record[col]))
        select = ", ".join(f"({rule.sql})" for rule in rules)
        params: list[Any] = [p for rule in rules for p in rule.params] + key
        sql = f"SELECT {select} FROM {name} WHERE {' AND '.join(where)}"
        try:
            rows = self._store.query(sql, params)
        except sqlite3.Error:
            # Fail closed: a rule that cannot be evaluated shows the row to nobody.
            log.exception("hub realtime: row rule check failed on %s", table.name)
            return [False] * len(rules)
        if not rows:
            return [False] * len(rules)  # the row is gone again (deleted since)
        return [bool(v) for v in tuple(rows[0])]

    def _data_json(self, table: Table, change: Change,
                   columns: tuple[str, ...] | None) -> bytes:
        cols = self._columns_json.get((table.name, columns))
        if cols is None:
            cols = columns_json(table, columns)
            if len(self._columns_json) >= COMPILED_CACHE_MAX:
                self._columns_json.clear()
            self._columns_json[(table.name, columns)] = cols
        return data_json(table, change, columns, cols)


def _group(matched: Sequence[_Binding]) -> list[tuple[tuple[str, ...] | None, bytes]]:
    """A subscriber's matching bindings as messages: ids grouped by ``select``."""
    groups: dict[tuple[str, ...] | None, list[int]] = {}
    for binding in matched:
        ids = groups.setdefault(binding.columns, [])
        if binding.id not in ids:
            ids.append(binding.id)
    return [(columns, ids_prefix(ids)) for columns, ids in groups.items()]
