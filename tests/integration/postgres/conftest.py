"""Fixtures for the tests of supabase/migrations on a real PostgreSQL.

``pg`` (session scope): one throwaway cluster per test session (tests/helpers/pgcluster.py)
with Supabase's pieces stubbed and every migration applied twice, as the issue's "applies
cleanly twice in a row" demands; a superuser connection in autocommit mode. Tests that use
it are skipped, with the reason, only where PostgreSQL is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from tests.helpers.pgcluster import SUPABASE_STUB, PgCluster, PgUnavailable, apply_migrations


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    try:
        cluster = PgCluster.start()
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL is not installed: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg(pg_cluster: PgCluster) -> Iterator[psycopg.Connection]:
    conn = pg_cluster.connect()
    try:
        conn.execute(SUPABASE_STUB)  # type: ignore[arg-type]
        apply_migrations(conn)
        apply_migrations(conn)
        yield conn
    finally:
        conn.close()
