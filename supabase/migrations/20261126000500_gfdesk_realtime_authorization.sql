-- gfdesk / GamerFlick: Realtime Authorization, the same rules as the hub's
-- (gfdesk/hub/channelrules.py).
--
-- The app's topics are private channels (clients join with config.private = true).
-- Supabase Realtime asks the row-level security of realtime.messages, with
-- realtime.topic() set to the channel's topic, whether a client may join (select:
-- receive broadcasts and presence) and whether it may send (insert: broadcast, track
-- presence). For the app to work, turn off "Allow public access" in the project's
-- Realtime settings, so that no client can join one of these topics publicly.
--
--   topic                          receive                  send
--   notifications:{uid}, calls:{uid}, inbox:{uid}, friends:{uid}
--                                  that user                that user
--   chat:{conversation}            the members              the members
--   call:{call}                    caller and callee        caller and callee
--   tournament:{id}                everyone signed in       the tournament's host
--   presence:online                everyone signed in       everyone signed in
--   anything else                  nobody                   nobody
--
-- These policies see the topic and nothing of a message's payload: they cannot check
-- that a tracked presence meta's user_id is the sender's own (the hub does; see
-- docs/realtime-authorization.md).
--
-- tests/helpers/channelcases.py is the matrix both this file and the hub must pass.
--
-- Idempotent: create or replace, drop policy if exists.

-- The uuid in a topic, or null when that part is not one (a policy must not fail).
create or replace function private.try_uuid(value text)
returns uuid
language plpgsql
immutable
set search_path = ''
as $$
begin
  return value::uuid;
exception when invalid_text_representation then
  return null;
end;
$$;

-- The id part of a topic "<prefix>:<id>" of the given family, as a uuid.
create or replace function private.topic_id(topic text, family text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case when split_part(topic, ':', 1) = family
              then private.try_uuid(substr(topic, length(family) + 2)) end;
$$;

-- May the caller receive on this topic? SECURITY DEFINER: it reads conversation
-- members and calls whatever the caller's own row rules on them say.
create or replace function private.realtime_may_receive(topic text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select auth.uid()) is not null and (
    topic = 'presence:online'
    or private.topic_id(topic, 'notifications') = (select auth.uid())
    or private.topic_id(topic, 'calls') = (select auth.uid())
    or private.topic_id(topic, 'inbox') = (select auth.uid())
    or private.topic_id(topic, 'friends') = (select auth.uid())
    or exists (
      select 1 from public.conversation_members m
      where m.conversation_id = private.topic_id(topic, 'chat')
        and m.user_id = (select auth.uid()))
    or exists (
      select 1 from public.calls c
      where c.id = private.topic_id(topic, 'call')
        and (select auth.uid()) in (c.caller_id, c.callee_id))
    or private.topic_id(topic, 'tournament') is not null
  ), false);
$$;

-- May the caller send on this topic? Tournament channels: the host only.
create or replace function private.realtime_may_send(topic text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when private.topic_id(topic, 'tournament') is not null then exists (
      select 1 from public.tournaments t
      where t.id = private.topic_id(topic, 'tournament')
        and t.host_id = (select auth.uid()))
    when split_part(topic, ':', 1) = 'tournament' then false
    else private.realtime_may_receive(topic)
  end;
$$;

revoke all on function private.realtime_may_receive(text) from public;
revoke all on function private.realtime_may_send(text) from public;
grant execute on function private.try_uuid(text), private.topic_id(text, text),
  private.realtime_may_receive(text), private.realtime_may_send(text)
  to authenticated, service_role;

drop policy if exists "gfdesk: receive on the app's topics" on realtime.messages;
create policy "gfdesk: receive on the app's topics" on realtime.messages
  for select to authenticated
  using (private.realtime_may_receive((select realtime.topic())));
drop policy if exists "gfdesk: send on the app's topics" on realtime.messages;
create policy "gfdesk: send on the app's topics" on realtime.messages
  for insert to authenticated
  with check (private.realtime_may_send((select realtime.topic())));
