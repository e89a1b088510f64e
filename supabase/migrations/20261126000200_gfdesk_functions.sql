-- gfdesk / GamerFlick: helper functions and triggers.
--
-- They live in the schema "private", which the Data API does not expose, because the
-- two row-rule helpers are SECURITY DEFINER (Supabase's advice: never put such a
-- function in an exposed schema).
--
-- Idempotent: create ... if not exists, create or replace.

create schema if not exists private;
grant usage on schema private to authenticated, service_role;

-- Row-rule helper: is the caller a member of the conversation?
-- SECURITY DEFINER so that a policy on conversation_members may ask about
-- conversation_members without recursing into its own policy; the hub evaluates the same
-- sub-query without rules. VOLATILE (the default) on purpose: a volatile function sees
-- the rows its calling statement inserted before the row being checked, so inserting
-- [me, a friend] into a new conversation in one statement passes for the friend, as on
-- the hub (a STABLE one would see the statement's starting snapshot and refuse it).
create or replace function private.is_conversation_member(conversation uuid)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.conversation_members m
    where m.conversation_id = conversation and m.user_id = (select auth.uid())
  );
$$;

-- Row-rule helper: does the caller host the tournament?
create or replace function private.is_tournament_host(tournament uuid)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tournaments t
    where t.id = tournament and t.host_id = (select auth.uid())
  );
$$;

revoke all on function private.is_conversation_member(uuid) from public;
revoke all on function private.is_tournament_host(uuid) from public;
grant execute on function private.is_conversation_member(uuid) to authenticated, service_role;
grant execute on function private.is_tournament_host(uuid) to authenticated, service_role;

-- tournament_matches.updated_at follows every change of the row, unless the statement
-- sets it itself (as the hub does: gfdesk/hub/schema.py AUTO_UPDATED).
create or replace function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.updated_at is not distinct from old.updated_at then
    new.updated_at := now();
  end if;
  return new;
end;
$$;

create or replace trigger tournament_matches_touch_updated_at
  before update on public.tournament_matches
  for each row execute function private.touch_updated_at();

-- The profiles row of a new auth user, in the sign-up transaction, exactly as the hub's
-- on_user_created (gfdesk/hub/schema.py):
-- - username: the metadata "username" if it is a non-empty string, else the email's local
--   part; characters outside [A-Za-z0-9_.-] removed; at most 32 characters; "player" if
--   nothing is left; made unique by appending 2, 3, ... (cut to stay within 32);
-- - display_name: the metadata "display_name" if it is a string with a non-space
--   character (Python's str.isspace set), else the username;
-- - avatar_url: the metadata "avatar_url" if it is a string.
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  -- Python's whitespace (str.strip), so "  " is no display name on either side.
  spaces constant text := E'\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680'
    || E'\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a'
    || E'\u2028\u2029\u202f\u205f\u3000';
  wanted text;
  base text;
  candidate text;
  n integer := 1;
  display text;
  avatar text;
  violated text;
begin
  if jsonb_typeof(meta -> 'username') = 'string' then
    wanted := nullif(meta ->> 'username', '');
  end if;
  wanted := coalesce(wanted, split_part(coalesce(new.email, ''), '@', 1));
  base := coalesce(
    nullif(left(regexp_replace(wanted, '[^A-Za-z0-9_.-]+', '', 'g'), 32), ''), 'player');
  if jsonb_typeof(meta -> 'display_name') = 'string'
      and btrim(meta ->> 'display_name', spaces) <> '' then
    display := meta ->> 'display_name';
  end if;
  if jsonb_typeof(meta -> 'avatar_url') = 'string' then
    avatar := meta ->> 'avatar_url';
  end if;
  candidate := base;
  loop
    if not exists (select 1 from public.profiles p where p.username = candidate) then
      begin
        insert into public.profiles (id, username, display_name, avatar_url)
        values (new.id, candidate, coalesce(display, candidate), avatar);
        return new;
      exception when unique_violation then
        -- Another sign-up took the name between the check and the insert: try the next.
        get stacked diagnostics violated = constraint_name;
        if violated is distinct from 'profiles_username_key' then
          raise;
        end if;
      end;
    end if;
    n := n + 1;
    candidate := left(base, 32 - length(n::text)) || n::text;
  end loop;
end;
$$;

revoke all on function private.handle_new_user() from public;
revoke all on function private.touch_updated_at() from public;

create or replace trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();
