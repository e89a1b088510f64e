-- gfdesk / GamerFlick: the public schema (tables, keys, defaults, checks, indexes).
--
-- One source of truth with the embedded hub: these tables have the same columns, in the
-- same order, with the same types, nullability, defaults and keys as TABLES and
-- PUBLIC_MIGRATIONS in gfdesk/hub/schema.py. tests/integration/postgres/test_schema_drift.py
-- applies this file to a real PostgreSQL and fails when the two drift.
--
-- Idempotent: every statement may run again on a database that already has it.

create table if not exists public.profiles (
  id uuid not null primary key references auth.users (id) on delete cascade,
  username text not null,
  display_name text,
  avatar_url text,
  created_at timestamptz not null default now(),
  constraint profiles_username_key unique (username)
);

create table if not exists public.friendships (
  user_id uuid not null references public.profiles (id) on delete cascade,
  friend_id uuid not null references public.profiles (id) on delete cascade,
  status text not null default 'pending'
    constraint friendships_status_check check (status in ('pending', 'accepted')),
  created_at timestamptz not null default now(),
  primary key (user_id, friend_id),
  constraint friendships_not_self_check check (user_id <> friend_id)
);
-- "Who asked me?": the requester side is covered by the primary key.
create index if not exists friendships_friend_id_idx on public.friendships (friend_id);

create table if not exists public.notifications (
  id uuid not null primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  type text not null,
  title text not null,
  body text,
  data jsonb not null default '{}'::jsonb,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
-- notifications:{user_id} filters on user_id; the inbox pages newest first.
create index if not exists notifications_user_id_created_at_idx
  on public.notifications (user_id, created_at);

create table if not exists public.conversations (
  id uuid not null primary key default gen_random_uuid(),
  kind text not null default 'direct'
    constraint conversations_kind_check check (kind in ('direct', 'group')),
  title text,
  created_at timestamptz not null default now()
);

create table if not exists public.conversation_members (
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  last_read_at timestamptz,
  primary key (conversation_id, user_id)
);
-- "My conversations"; the membership check of the row rules uses the primary key.
create index if not exists conversation_members_user_id_idx
  on public.conversation_members (user_id);

create table if not exists public.messages (
  id uuid not null primary key default gen_random_uuid(),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  sender_id uuid not null references public.profiles (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
-- chat:{conversation_id} filters on conversation_id; history pages by created_at.
create index if not exists messages_conversation_id_created_at_idx
  on public.messages (conversation_id, created_at);

create table if not exists public.tournaments (
  id uuid not null primary key default gen_random_uuid(),
  name text not null,
  game text not null,
  format text not null default 'single_elim'
    constraint tournaments_format_check
    check (format in ('single_elim', 'double_elim', 'round_robin')),
  host_id uuid not null references public.profiles (id) on delete cascade,
  status text not null default 'registration',
  max_participants integer not null default 16,
  starts_at timestamptz,
  created_at timestamptz not null default now()
);
-- "Tournaments I host"; also the host check of the match and participant rules.
create index if not exists tournaments_host_id_idx on public.tournaments (host_id);

create table if not exists public.tournament_participants (
  tournament_id uuid not null references public.tournaments (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  seed integer,
  primary key (tournament_id, user_id)
);

create table if not exists public.tournament_matches (
  id uuid not null primary key default gen_random_uuid(),
  tournament_id uuid not null references public.tournaments (id) on delete cascade,
  bracket text not null default 'winners'
    constraint tournament_matches_bracket_check
    check (bracket in ('winners', 'losers', 'grand_final', 'round_robin')),
  round integer not null,
  position integer not null,
  player1_id uuid references public.profiles (id) on delete set null,
  player2_id uuid references public.profiles (id) on delete set null,
  score1 integer not null default 0,
  score2 integer not null default 0,
  winner_id uuid references public.profiles (id) on delete set null,
  status text not null default 'pending'
    constraint tournament_matches_status_check
    check (status in ('pending', 'ready', 'live', 'done')),
  -- Deferred: a host inserts a whole bracket in one statement, and a match may point at
  -- one that comes later in it.
  next_match_id uuid references public.tournament_matches (id) on delete set null
    deferrable initially deferred,
  next_slot integer
    constraint tournament_matches_next_slot_check check (next_slot in (1, 2)),
  loser_next_match_id uuid references public.tournament_matches (id) on delete set null
    deferrable initially deferred,
  loser_next_slot integer
    constraint tournament_matches_loser_next_slot_check check (loser_next_slot in (1, 2)),
  updated_at timestamptz not null default now(),
  constraint tournament_matches_tournament_id_bracket_round_position_key
    unique (tournament_id, bracket, round, position)
);
-- tournament:{tournament_id} filters on tournament_id (the unique key above leads with it
-- too; this narrower index is the hub's, kept so both sides have the same indexes).
create index if not exists tournament_matches_tournament_id_idx
  on public.tournament_matches (tournament_id);

create table if not exists public.tournament_messages (
  id uuid not null primary key default gen_random_uuid(),
  tournament_id uuid not null references public.tournaments (id) on delete cascade,
  sender_id uuid not null references public.profiles (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now()
);
-- tournament:{tournament_id} filters on tournament_id; the chat pages by created_at.
create index if not exists tournament_messages_tournament_id_created_at_idx
  on public.tournament_messages (tournament_id, created_at);

create table if not exists public.calls (
  id uuid not null primary key default gen_random_uuid(),
  caller_id uuid not null references public.profiles (id) on delete cascade,
  callee_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null default 'audio'
    constraint calls_kind_check check (kind in ('audio', 'video')),
  status text not null default 'ringing'
    constraint calls_status_check
    check (status in ('ringing', 'accepted', 'declined', 'missed', 'ended')),
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  ended_at timestamptz,
  constraint calls_not_self_check check (caller_id <> callee_id)
);
-- calls:{user_id} has two bindings, caller_id=eq and callee_id=eq.
create index if not exists calls_caller_id_idx on public.calls (caller_id);
create index if not exists calls_callee_id_idx on public.calls (callee_id);

-- PostgreSQL only (the hub's SQLite tables are small): foreign keys to profiles without
-- an index of their own, so that deleting an auth user (cascading through these tables)
-- does not scan each of them whole; the last one also serves "my tournaments".
create index if not exists messages_sender_id_idx on public.messages (sender_id);
create index if not exists tournament_messages_sender_id_idx
  on public.tournament_messages (sender_id);
create index if not exists tournament_participants_user_id_idx
  on public.tournament_participants (user_id);

-- The Data API roles, as Supabase grants them by default: row-level security (next
-- migration) does the filtering. Spelled out so the schema does not depend on a
-- project's default privileges.
grant usage on schema public to anon, authenticated, service_role;
grant select, insert, update, delete on
  public.profiles, public.friendships, public.notifications, public.conversations,
  public.conversation_members, public.messages, public.tournaments,
  public.tournament_participants, public.tournament_matches, public.tournament_messages,
  public.calls
  to anon, authenticated, service_role;
