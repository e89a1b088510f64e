"""PostgREST's table endpoints on ``/rest/v1/{table}``: read, insert, upsert, update, delete.
Qt-free.

Each request: claims (gateway) -> table -> parsed query (grammar) -> row rules
(policies) -> SQL (sqlbuild) on the hub's single SQLite connection -> PostgREST's status,
headers and JSON (spec 7.3-7.5). Writes run in one store transaction; a row that fails
a rule's check, or a constraint, rolls back the whole statement. As in PostgreSQL the
check is evaluated on the new row before it is written, so a refused write is 42501
even when it would also break a constraint. Every written row is
recorded on the transaction so Realtime publishes it after COMMIT.

A request's SQL never runs on the hub's loop, whatever its filters cost: reads run on a
reader thread (``Store.read``), writes on the writer thread (``Store.write``), both
under the configured statement time limit, whose expiry is PostgreSQL's 57014.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from gfdesk.hub import policies
from gfdesk.hub.context import CONFIG, STORE
from gfdesk.hub.gateway import JSON_CONTENT_TYPE, Handler, rest_claims
from gfdesk.hub.rest import grammar, sqlbuild
from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.integrity import integrity_error
from gfdesk.hub.rest.rowcheck import (
    assert_rows_pass,
    candidates_pass,
    column_defaults,
    existing_conflicts,
    fk_violations,
    pk_of,
)
from gfdesk.hub.schema import AUTO_UPDATED, DEFERRED_FK_COLUMNS, TABLES, now_timestamp
from gfdesk.hub.store import ChangeType, Transaction
from gfdesk.hub.tables import FALSE, TRUE, Predicate, Table
from gfdesk.hub.timelimit import StatementTimeout
from gfdesk.log import hub as log

OBJECT_CONTENT_TYPE = "application/vnd.pgrst.object+json; charset=utf-8"
SCHEMA = "public"
PROFILE_HEADERS = ("Accept-Profile", "Content-Profile")
RETURN_REPRESENTATION = "representation"
COLUMN_NAMES = {name: table.column_names for name, table in TABLES.items()}


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def error_response(error: RestError, headers: dict[str, str] | None = None) -> web.Response:
    """The PostgREST error JSON for ``error``."""
    return web.Response(status=error.status, body=_dump(error.body()),
                        headers={"Content-Type": JSON_CONTENT_TYPE, **(headers or {})})


def _to_json(table: Table, raw: Sequence[Any]) -> dict[str, Any]:
    return table.row_to_json(raw, COLUMN_NAMES[table.name])


def _project(q: grammar.RestQuery, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The columns and nulls of whole JSON rows that the query asks for."""
    if q.select is not None:
        rows = [{c: row[c] for c in q.select} for row in rows]
    if q.strip_nulls:
        rows = [{k: v for k, v in row.items() if v is not None} for row in rows]
    return rows


def _body(q: grammar.RestQuery, rows: list[dict[str, Any]]) -> tuple[bytes, str]:
    if q.single_object:
        if len(rows) != 1:
            raise RestError.singular(len(rows))
        return _dump(rows[0]), OBJECT_CONTENT_TYPE
    return _dump(rows), JSON_CONTENT_TYPE


def _check_profile(request: web.Request) -> None:
    for header in PROFILE_HEADERS:
        profile = request.headers.get(header)
        if profile is not None and profile != SCHEMA:
            raise RestError(406, "PGRST106",
                            f"The schema must be one of the following: {SCHEMA}")


def _check_select(table: Table, q: grammar.RestQuery) -> None:
    # sqlbuild checks the select list too; a write checks it here, before parsing its body.
    for name in q.select or ():
        if table.column(name) is None:
            raise RestError.unknown_column(table.name, name)


def _forbidden(table: Table, claims: dict[str, Any]) -> RestError:
    status = 401 if policies.role_of(claims) == policies.ANON else 403
    return RestError(status, "42501",
                     f'new row violates row-level security policy for table "{table.name}"')


def _check_update_columns(table: Table, rules: policies.Access, claims: dict[str, Any],
                          columns: set[str]) -> None:
    """PostgreSQL's column privileges: an UPDATE may set only the granted columns."""
    if rules.update_columns is not None and columns - rules.update_columns:
        status = 401 if policies.role_of(claims) == policies.ANON else 403
        raise RestError(status, "42501", f"permission denied for table {table.name}")


async def handle_table(request: web.Request) -> web.StreamResponse:
    """Entry point for every method on ``/rest/v1/{table}``."""
    name = request.match_info["table"]
    try:
        claims = rest_claims(request)
        table = TABLES.get(name)
        if table is None:
            raise RestError.unknown_table(name)
        _check_profile(request)
        method = request.method
        if method in ("GET", "HEAD"):
            return await _read(request, table, claims)
        if method not in ("POST", "PATCH", "DELETE"):
            raise RestError.unsupported_method(method)
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise RestError(413, "PGRST102", "Request body too large") from None
        return await _write(request, table, claims, raw)
    except StatementTimeout:
        log.info("hub rest: %s %s stopped at the statement time limit", request.method,
                 request.path)
        return error_response(RestError.statement_timeout())
    except RestError as exc:
        return error_response(exc)
    except web.HTTPException:
        raise
    except ConnectionResetError:
        # The client went away mid-request: nothing to answer, nothing went wrong here.
        log.debug("hub rest: %s %s: client disconnected", request.method, request.path)
        return error_response(RestError(400, "PGRST102", "Client disconnected"))
    except Exception:
        log.exception("hub rest: %s %s failed", request.method, request.path)
        return error_response(RestError(500, "XX000", "internal server error"))


async def _read(request: web.Request, table: Table, claims: dict[str, Any]
                ) -> web.Response:
    q = grammar.parse_query(table.name, request.method, list(request.query.items()),
                            request.headers)
    visible = policies.access(table.name, claims).select
    stmt = sqlbuild.select(table, q, visible)
    counted = sqlbuild.count(table, q, visible) if q.prefer.count is not None else None

    def run(conn: sqlite3.Connection) -> tuple[list[dict[str, Any]], int | None]:
        rows = [_to_json(table, r) for r in conn.execute(stmt.sql, stmt.params).fetchall()]
        total = None if counted is None else int(
            conn.execute(counted.sql, counted.params).fetchone()[0])
        return _project(q, rows), total

    store = request.config_dict[STORE]
    rows, total = await store.read(run, time_limit=request.config_dict[CONFIG]
                                   .statement_timeout_s)
    status = 200
    total_text = "*" if total is None else str(total)
    if rows:
        content_range = f"{q.offset}-{q.offset + len(rows) - 1}/{total_text}"
    else:
        content_range = f"*/{total_text}"
    if total is not None:
        if q.offset > total:
            raise RestError.offset_out_of_bounds(q.offset, total)
        if len(rows) < total:
            status = 206
    body, content_type = _body(q, rows)
    headers = {"Content-Type": content_type, "Content-Range": content_range}
    if request.method == "HEAD":
        return web.Response(status=status, headers=headers)
    return web.Response(status=status, body=body, headers=headers)


async def _write(request: web.Request, table: Table, claims: dict[str, Any], raw: bytes
                 ) -> web.Response:
    method = request.method
    q = grammar.parse_query(table.name, method, list(request.query.items()), request.headers)
    _check_select(table, q)
    rules = policies.access(table.name, claims)
    store = request.config_dict[STORE]
    representation = q.prefer.return_ == RETURN_REPRESENTATION
    rows_in = grammar.parse_body(raw, method, q)
    keys = {k for row in rows_in for k in row}

    def run(tx: Transaction) -> web.Response:
        return _write_in_transaction(tx, method, table, q, rules, claims, rows_in, keys,
                                     representation)

    try:
        return await store.write(run, time_limit=request.config_dict[CONFIG]
                                 .statement_timeout_s)
    except sqlite3.IntegrityError as exc:
        # Only a deferred constraint can fail at COMMIT; the store has rolled back.
        raise integrity_error(exc, table, None) from None


def _write_in_transaction(tx: Transaction, method: str, table: Table, q: grammar.RestQuery,
                          rules: policies.Access, claims: dict[str, Any],
                          rows_in: list[dict[str, Any]], keys: set[str],
                          representation: bool) -> web.Response:
    if method == "POST":
        written, status = _insert(tx, table, q, rules, claims, rows_in, representation)
    elif method == "PATCH":
        written, status = _update(tx, table, q, rules, claims, rows_in[0], representation)
    else:
        written, status = _delete(tx, table, q, rules)
    if q.prefer.max_affected is not None and q.prefer.handling == "strict" \
            and len(written) > q.prefer.max_affected:
        raise RestError.max_affected(len(written))
    if written and method != "DELETE" and keys & DEFERRED_FK_COLUMNS.get(table.name, set()):
        violation = fk_violations(tx.conn, table)
        if violation:
            raise RestError(409, "23503", violation)
    body, content_type = _body(q, _project(q, written)) \
        if representation or q.single_object else (b"", JSON_CONTENT_TYPE)
    headers = {"Content-Type": content_type}
    count = f"*/{len(written)}" if q.prefer.count is not None else "*/*"
    if method == "PATCH" and written:
        count = f"0-{len(written) - 1}/{len(written) if q.prefer.count else '*'}"
    headers["Content-Range"] = count
    if not representation:
        return web.Response(status=201 if method == "POST" else 204, headers=headers)
    return web.Response(status=status, body=body, headers=headers)


def _run(tx: Transaction, table: Table, stmt: sqlbuild.Statement,
         row: dict[str, Any] | None) -> list[sqlite3.Row]:
    try:
        return tx.conn.execute(stmt.sql, stmt.params).fetchall()
    except sqlite3.IntegrityError as exc:
        raise integrity_error(exc, table, row) from None
    except (sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:
        raise RestError(400, "22P02", f"invalid input value: {exc}") from None
    except sqlite3.OperationalError as exc:
        if "ON CONFLICT clause does not match" in str(exc):
            raise RestError.no_conflict_target() from None
        raise


def _insert(tx: Transaction, table: Table, q: grammar.RestQuery, rules: policies.Access,
            claims: dict[str, Any], rows: list[dict[str, Any]], representation: bool
            ) -> tuple[list[dict[str, Any]], int]:
    # Row by row, as PostgreSQL: the WITH CHECK of INSERT (with SELECT's, when the rows
    # are returned) on the proposed row, even one an upsert turns into an update, before
    # any constraint; it sees the rows of the statement written so far.
    check = rules.insert_check.and_(rules.select) if representation else rules.insert_check
    update_check = rules.update_check.and_(rules.select) if representation \
        else rules.update_check
    upsert = q.prefer.resolution is not None
    if table.column("created_at") is not None:
        # The column default (SQLite's strftime) has milliseconds; PostgreSQL's now()
        # has microseconds, and two quick sends must not tie. One value per statement,
        # as now() is one value per transaction.
        created = now_timestamp()
        rows = [row if "created_at" in row else {**row, "created_at": created}
                for row in rows]
    auto = AUTO_UPDATED.get(table.name)
    if upsert and auto and q.prefer.resolution == "merge-duplicates":
        # An upsert that updates is an update: it refreshes updated_at like PATCH does.
        stamp = now_timestamp()
        rows = [row if auto in row else {**row, auto: stamp} for row in rows]
    target = q.on_conflict or table.primary_key
    if upsert and q.prefer.resolution == "merge-duplicates" and rows:
        # ON CONFLICT DO UPDATE needs UPDATE on the columns it sets, conflict or not.
        _check_update_columns(table, rules, claims, set(rows[0]) - set(target))
    statements = sqlbuild.insert(table, q, rows)
    written: list[dict[str, Any]] = []
    any_inserted = False
    for row, stmt in zip(rows, statements, strict=True):
        if not _candidate_passes(tx, table, stmt, check):
            raise _forbidden(table, claims)
        existed: set[tuple[Any, ...]] = set()
        if upsert:
            existed, hidden = existing_conflicts(tx.conn, table, target, row, rules.update_using)
            if hidden and q.prefer.resolution == "merge-duplicates":
                raise _forbidden(table, claims)
        for result in _run(tx, table, stmt, row):
            key = pk_of(table, result)
            new = _to_json(table, result)
            if key in existed:
                if not assert_rows_pass(tx.conn, table, [result], update_check):
                    raise _forbidden(table, claims)
                tx.record(table.name, ChangeType.UPDATE, new,
                          dict(zip(table.primary_key, key, strict=True)))
            else:
                any_inserted = True
                tx.record(table.name, ChangeType.INSERT, new, None)
            written.append(new)
    status = 200 if upsert and written and not any_inserted else 201
    return written, status


def _candidate_passes(tx: Transaction, table: Table, insert: sqlbuild.Statement,
                      check: Predicate) -> bool:
    if check is TRUE or check.sql == "1":
        return True
    if check is FALSE or check.sql == "0":
        return False
    stmt = sqlbuild.insert_candidate(table, insert, column_defaults(tx.conn, table), check)
    return candidates_pass(tx.conn, stmt)


def _update(tx: Transaction, table: Table, q: grammar.RestQuery, rules: policies.Access,
            claims: dict[str, Any], values: dict[str, Any], representation: bool
            ) -> tuple[list[dict[str, Any]], int]:
    if not values:
        return [], 200
    _check_update_columns(table, rules, claims, set(values))
    auto = AUTO_UPDATED.get(table.name)
    if auto and auto not in values:
        values = {**values, auto: now_timestamp()}
    using = rules.update_using.and_(rules.select)
    # PostgreSQL adds the SELECT rule to the check of the new rows whenever the statement
    # needs SELECT on the table: rows are returned, or a WHERE (filters, or the limited
    # sub-select) reads its columns, even with return=minimal.
    reads = bool(q.where) or q.limit is not None or bool(q.offset)
    check = rules.update_check.and_(rules.select) if representation or reads \
        else rules.update_check
    # The WITH CHECK is evaluated on the new rows before they are written (PostgreSQL
    # order: before unique and foreign-key constraints, and without the rows' own
    # change visible to the rule's sub-queries).
    if check is not TRUE and check.sql != "1" and not candidates_pass(
            tx.conn, sqlbuild.update_candidates(table, q, values, using, check)):
        raise _forbidden(table, claims)
    written: list[dict[str, Any]] = []
    for result in _run(tx, table, sqlbuild.update(table, q, values, using), values):
        key = pk_of(table, result)
        new = _to_json(table, result)
        tx.record(table.name, ChangeType.UPDATE, new,
                  dict(zip(table.primary_key, key, strict=True)))
        written.append(new)
    return written, 200


def _delete(tx: Transaction, table: Table, q: grammar.RestQuery, rules: policies.Access
            ) -> tuple[list[dict[str, Any]], int]:
    # PostgreSQL applies SELECT policies to the rows a DELETE reads, so a row one cannot
    # see is never deleted (and never returned).
    using = rules.delete_using.and_(rules.select)
    removed = _run(tx, table, sqlbuild.delete(table, q, using), None)
    for result in removed:
        key = pk_of(table, result)
        tx.record(table.name, ChangeType.DELETE, None,
                  dict(zip(table.primary_key, key, strict=True)))
    return [_to_json(table, r) for r in removed], 200


#: aiohttp's own refusals under /rest/v1, as PostgREST codes.
HTTP_ERROR_CODES = {404: "PGRST125", 405: "PGRST117", 413: "PGRST102"}


@web.middleware
async def postgrest_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Give aiohttp's own errors (unroutable path, body too large) PostgREST's JSON shape."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or exc.content_type == "application/json":
            raise
        code = HTTP_ERROR_CODES.get(exc.status, str(exc.status))
        message = "Invalid path specified in request URL" if exc.status == 404 else exc.reason
        return error_response(RestError(exc.status, code, message))


async def handle_root(request: web.Request) -> web.StreamResponse:
    """``/rest/v1/`` and other paths that name no table."""
    return error_response(RestError(404, "PGRST125", "Invalid path specified in request URL"))
