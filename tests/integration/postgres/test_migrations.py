"""supabase/migrations as a whole: idempotent, and published the way Realtime needs.

- Applying every migration once more (the fixture already applied them twice) leaves
  the catalog exactly as it was: tables, columns, constraints, indexes, policies,
  functions, triggers, grants, publication, replica identities.
- What the ``supabase_realtime`` publication streams, decoded from a logical replication
  slot with ``pgoutput`` (the protocol Supabase Realtime consumes): the listened-to tables'
  INSERTs and UPDATEs carry the whole new row, so every ``column=eq.value`` filter of
  DESIGN.md's channels can be evaluated with the DEFAULT replica identity; tables that
  are not published stream nothing. Qt-free.
"""

from __future__ import annotations

import struct
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from tests.helpers import pgcluster
from tests.helpers.pgcluster import apply_migrations

#: The catalog, as rows of text, for the schemas the migrations write to.
FINGERPRINT_QUERIES = {
    "columns": """
        select table_schema, table_name, column_name, ordinal_position, data_type,
               is_nullable, column_default
        from information_schema.columns
        where table_schema in ('public', 'private') order by 1, 2, 4""",
    "constraints": """
        select conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2""",
    "indexes": """
        select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' order by 1, 2""",
    "policies": """
        select schemaname, tablename, policyname, cmd, roles::text, qual, with_check
        from pg_policies where schemaname in ('public', 'realtime') order by 1, 2, 3""",
    "functions": """
        select p.oid::regprocedure::text, p.prosrc, p.provolatile, p.prosecdef,
               p.proconfig::text, p.proacl::text
        from pg_proc p where p.pronamespace = 'private'::regnamespace order by 1""",
    "triggers": """
        select tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) from pg_trigger
        where not tgisinternal order by 1, 2""",
    "grants": """
        select table_schema, table_name, grantee, privilege_type
        from information_schema.role_table_grants
        where table_schema = 'public' order by 1, 2, 3, 4""",
    "tables": """
        select relname, relrowsecurity, relforcerowsecurity, relreplident from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1""",
    "publication": """
        select schemaname, tablename from pg_publication_tables
        where pubname = 'supabase_realtime' order by 1, 2""",
}


def _fingerprint(pg: psycopg.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {name: pg.execute(query).fetchall()  # type: ignore[arg-type]
            for name, query in FINGERPRINT_QUERIES.items()}


def test_applying_the_migrations_again_changes_nothing(pg: psycopg.Connection) -> None:
    before = _fingerprint(pg)
    assert all(before.values()), "every part of the fingerprint should have rows"
    with pg.transaction(force_rollback=True):
        apply_migrations(pg)
        assert _fingerprint(pg) == before


def _cstring(data: bytes, at: int) -> tuple[str, int]:
    end = data.index(b"\0", at)
    return data[at:end].decode(), end + 1


def _tuple(data: bytes, at: int) -> tuple[list[str | None], int]:
    (count,) = struct.unpack_from("!h", data, at)
    at += 2
    values: list[str | None] = []
    for _ in range(count):
        kind = data[at:at + 1]
        at += 1
        if kind == b"t":
            (size,) = struct.unpack_from("!i", data, at)
            values.append(data[at + 4:at + 4 + size].decode())
            at += 4 + size
        else:  # n (null) or u (unchanged TOAST value): no bytes follow
            values.append(None)
    return values, at


def decode_pgoutput(messages: list[bytes]) -> list[tuple[str, str, dict[str, str | None]]]:
    """(operation, table, new row by column name) for each INSERT/UPDATE (protocol v1)."""
    relations: dict[int, tuple[str, list[str]]] = {}
    changes = []
    for data in messages:
        kind = data[:1]
        if kind == b"R":
            (oid,) = struct.unpack_from("!I", data, 1)
            _schema, at = _cstring(data, 5)
            name, at = _cstring(data, at)
            (count,) = struct.unpack_from("!h", data, at + 1)
            at += 3
            columns = []
            for _ in range(count):
                column, at = _cstring(data, at + 1)
                columns.append(column)
                at += 8
            relations[oid] = (name, columns)
        elif kind in (b"I", b"U"):
            (oid,) = struct.unpack_from("!I", data, 1)
            at = 5
            if data[at:at + 1] in (b"K", b"O"):  # old key/row: skipped
                _, at = _tuple(data, at + 1)
            assert data[at:at + 1] == b"N"
            values, _ = _tuple(data, at + 1)
            name, columns = relations[oid]
            op = "INSERT" if kind == b"I" else "UPDATE"
            changes.append((op, name, dict(zip(columns, values, strict=True))))
    return changes


def test_the_publication_streams_whole_new_rows_of_listened_tables(
        pg: psycopg.Connection) -> None:
    host, guest = str(uuid.uuid4()), str(uuid.uuid4())
    tournament, match, slot = str(uuid.uuid4()), str(uuid.uuid4()), "gfdesk_test_slot"
    pg.execute("select pg_create_logical_replication_slot(%s, 'pgoutput')", (slot,))
    try:
        with pg.transaction():
            for uid, email in ((host, "host@decode.test"), (guest, "guest@decode.test")):
                pg.execute("insert into auth.users (id, email, raw_user_meta_data)"
                           " values (%s, %s, %s)", (uid, email, Jsonb({})))
            pg.execute("insert into public.tournaments (id, name, game, host_id)"
                       " values (%s, 'Decode Cup', 'chess', %s)", (tournament, host))
            pg.execute("insert into public.tournament_matches"
                       " (id, tournament_id, round, position, player1_id)"
                       " values (%s, %s, 1, 1, %s)", (match, tournament, guest))
        pg.execute("update public.tournament_matches set score1 = 3 where id = %s", (match,))
        rows = pg.execute(
            "select data from pg_logical_slot_get_binary_changes(%s, null, null,"
            " 'proto_version', '1', 'publication_names', 'supabase_realtime')",
            (slot,)).fetchall()
    finally:
        pg.execute("select pg_drop_replication_slot(%s)", (slot,))
        pg.execute("delete from auth.users where id in (%s, %s)", (host, guest))
        pg.execute("delete from public.tournaments where id = %s", (tournament,))
    changes = decode_pgoutput([bytes(r[0]) for r in rows])
    # profiles and tournaments changed too, but are not published.
    assert [(op, table) for op, table, _ in changes] == [
        ("INSERT", "tournament_matches"), ("UPDATE", "tournament_matches")]
    updated = changes[1][2]
    assert updated["tournament_id"] == tournament  # the channel's filter column
    assert updated["score1"] == "3" and updated["player1_id"] == guest
    assert updated["updated_at"] is not None and None not in (updated["id"], updated["status"])


def test_missing_postgresql_is_a_skip_reason_naming_the_package(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pgcluster, "BIN_GLOB", str(tmp_path / "*" / "bin"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pgcluster.PgUnavailable, match="apt-get install -y postgresql"):
        pgcluster.find_bin_dir()
