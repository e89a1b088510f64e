"""A throwaway PostgreSQL cluster with the pieces of Supabase gfdesk's migrations use.

``PgCluster.start()`` finds Debian's PostgreSQL binaries (``/usr/lib/postgresql/*/bin``),
runs ``initdb`` into a fresh directory under /tmp and starts ``postgres`` on a free port
of 127.0.0.1 (its unix socket stays in that directory). As root, PostgreSQL refuses to
run, so the binaries run as the ``postgres`` user that Debian's package creates, through
``runuser``. ``SUPABASE_STUB`` then creates what a Supabase project has before any
migration: the ``auth`` schema with ``auth.users`` and ``auth.uid()``/``role()``/``jwt()``
reading ``request.jwt.claims``, the ``anon``/``authenticated``/``service_role`` roles
(``service_role`` with BYPASSRLS), the grants Supabase gives them, and the
``supabase_realtime`` publication, GoTrue's ``supabase_auth_admin`` owning
``auth.users``, and Realtime Authorization's ``realtime.messages`` with
``realtime.topic()``. Qt-free.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg

#: Where Debian's postgresql-NN packages put the server binaries.
BIN_GLOB = "/usr/lib/postgresql/*/bin"
#: The unprivileged user the server runs as when the tests run as root.
RUN_AS = "postgres"
START_TIMEOUT_S = 30

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "supabase" / "migrations"

#: The parts of a Supabase project the migrations rely on, as Supabase defines them.
SUPABASE_STUB = r"""
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
-- GoTrue's role: it owns auth.users and inserts the new users (firing the sign-up trigger).
create role supabase_auth_admin noinherit;

create schema auth;
create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

alter table auth.users owner to supabase_auth_admin;
grant usage on schema auth to supabase_auth_admin;

create function auth.uid() returns uuid language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
create function auth.role() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.uid(), auth.role(), auth.jwt()
  to anon, authenticated, service_role;

grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public
  grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public
  grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public
  grant all on sequences to anon, authenticated, service_role;

create publication supabase_realtime;

-- Realtime Authorization's table and topic, as Supabase Realtime creates them: the
-- server sets realtime.topic for the join it checks and asks the policies.
create schema realtime;
create table realtime.messages (
  id uuid not null default gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
create function realtime.topic() returns text language sql stable as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;
grant usage on schema realtime to anon, authenticated, service_role;
grant select, insert on realtime.messages to anon, authenticated, service_role;
grant execute on function realtime.topic() to anon, authenticated, service_role;
"""


class PgUnavailable(RuntimeError):
    """PostgreSQL is not installed here (the reason says what is missing)."""


def find_bin_dir() -> Path:
    """The newest Debian-installed PostgreSQL's bin directory, else the one on PATH.

    Raises:
        PgUnavailable: no ``initdb``/``pg_ctl`` under ``/usr/lib/postgresql``.
    """
    found = [Path(p) for p in glob.glob(BIN_GLOB)
             if (Path(p) / "initdb").exists() and (Path(p) / "pg_ctl").exists()]
    on_path = shutil.which("pg_ctl")
    if not found and on_path and (Path(on_path).parent / "initdb").exists():
        return Path(on_path).parent  # Homebrew, Fedora and others put them on PATH
    if not found:
        raise PgUnavailable(
            f"PostgreSQL server binaries not found ({BIN_GLOB}/initdb); "
            "install them with `apt-get install -y postgresql`")
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgCluster:
    """A running throwaway cluster; ``stop()`` removes it."""

    bin_dir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as is not None:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                timeout=START_TIMEOUT_S)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}):\n"
                               f"{result.stdout}{result.stderr}{tail}")
        return result

    @classmethod
    def start(cls) -> PgCluster:
        """initdb, then start the server on a free port; waits until it accepts.

        Raises:
            PgUnavailable: the binaries, or the unprivileged user root needs, are missing.
        """
        bin_dir = find_bin_dir()
        run_as: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(RUN_AS)
            except KeyError:
                raise PgUnavailable(
                    f"running as root and there is no {RUN_AS!r} user to run PostgreSQL as"
                ) from None
            run_as = RUN_AS
        root = Path(tempfile.mkdtemp(prefix="gfdesk-pg-"))
        if run_as is not None:
            shutil.chown(root, user=run_as)
        cluster = cls(bin_dir, root, _free_port(), run_as)
        try:
            cluster._run(str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "postgres",
                         "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
            options = (f"-p {cluster.port} -k {root} -c listen_addresses=127.0.0.1"
                       " -c fsync=off -c full_page_writes=off"
                       " -c wal_level=logical -c timezone=UTC")
            cluster._run(str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-o", options,
                         "-l", str(root / "server.log"), "-w", "-t", str(START_TIMEOUT_S),
                         "start")
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        return cluster

    def stop(self) -> None:
        """Stop the server at once and delete its files."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"),
                      "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def connect(self) -> psycopg.Connection:
        """A superuser connection in autocommit mode."""
        return psycopg.connect(self.conninfo, autocommit=True)


def migration_files() -> list[Path]:
    """``supabase/migrations/*.sql`` in the order the Supabase CLI applies them."""
    return sorted(MIGRATIONS_DIR.glob("*.sql"))


def apply_migrations(conn: psycopg.Connection) -> None:
    """Apply every migration, each in its own transaction, as ``supabase db push`` does."""
    for path in migration_files():
        with conn.transaction():
            conn.execute(path.read_text())  # type: ignore[arg-type]
