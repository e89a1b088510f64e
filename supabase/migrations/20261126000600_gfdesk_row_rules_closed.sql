-- gfdesk / GamerFlick: the row rules closed (issue 13) and tournament registration
-- (issue 14), the same as the hub's (gfdesk/hub/policies.py, gfdesk/hub/functions.py,
-- gfdesk/hub/schema.py). They replace policies of ..._gfdesk_row_level_security.sql:
--
-- - conversations and their members are made by public.create_conversation only,
--   which adds the caller and chosen users who are the caller's accepted friends
--   (nobody adds themselves to a conversation, nobody adds a stranger);
-- - a friendship update changes only its status, and only the addressee's;
-- - a call update changes only status, answered_at and ended_at;
-- - a member's update changes only their last_read_at; a conversation's only its title;
-- - notifications are written by the service role (and functions) only;
-- - a player registers only themselves, unseeded, while the tournament is open
--   (status 'registration') and not full, and withdraws while it is open; the host
--   seeds, manages participants and writes matches at any time;
-- - tournaments.format may be 'swiss'.
--
-- "Changes only X" is a column privilege (a row rule cannot compare a row with its
-- old self): updating another column is 42501 "permission denied for table ...".
--
-- tests/helpers/rulescases.py is the matrix of cases both this file and the hub pass.
--
-- Idempotent: drop ... if exists, create or replace, revoke before grant.

alter table public.tournaments drop constraint if exists tournaments_format_check;
alter table public.tournaments add constraint tournaments_format_check
  check (format in ('single_elim', 'double_elim', 'round_robin', 'swiss'));

-- Column privileges of the signed-in role (the service role keeps every column).
revoke update on public.friendships, public.calls, public.conversation_members,
  public.conversations from authenticated;
grant update (status) on public.friendships to authenticated;
grant update (status, answered_at, ended_at) on public.calls to authenticated;
grant update (last_read_at) on public.conversation_members to authenticated;
grant update (title) on public.conversations to authenticated;

-- notifications: the service role writes them; the addressee reads, marks read,
-- deletes.
drop policy if exists "notifications: anyone notifies" on public.notifications;

-- conversations and members: no direct insert (create_conversation makes them).
drop policy if exists "conversations: anyone creates" on public.conversations;
drop policy if exists "conversation_members: join or add" on public.conversation_members;

-- Does the tournament take registrations (and, with room, is it not full)?
-- SECURITY DEFINER: it counts participants whatever the caller's rules, and a policy
-- on tournament_participants must not query its own table under its own policy.
-- VOLATILE on purpose, like private.is_conversation_member: a registration sees the
-- rows its own statement inserted before it, as on the hub.
create or replace function private.tournament_open(tournament uuid, with_room boolean)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tournaments t
    where t.id = tournament and t.status = 'registration'
      and (not with_room or (select count(*) from public.tournament_participants p
                             where p.tournament_id = t.id) < t.max_participants)
  );
$$;
revoke all on function private.tournament_open(uuid, boolean) from public;
grant execute on function private.tournament_open(uuid, boolean) to authenticated, service_role;

drop policy if exists "tournament_participants: join or host adds"
  on public.tournament_participants;
drop policy if exists "tournament_participants: register or host adds"
  on public.tournament_participants;
create policy "tournament_participants: register or host adds"
  on public.tournament_participants
  for insert to authenticated
  with check ((user_id = (select auth.uid()) and seed is null
               and private.tournament_open(tournament_id, true))
              or private.is_tournament_host(tournament_id));
drop policy if exists "tournament_participants: leave or host removes"
  on public.tournament_participants;
drop policy if exists "tournament_participants: withdraw or host removes"
  on public.tournament_participants;
create policy "tournament_participants: withdraw or host removes"
  on public.tournament_participants
  for delete to authenticated
  using ((user_id = (select auth.uid()) and private.tournament_open(tournament_id, false))
         or private.is_tournament_host(tournament_id));

-- The one way a signed-in user makes a conversation. SECURITY DEFINER: it writes rows
-- the caller's own rules do not let them write, after its own checks.
create or replace function public.create_conversation(
  conversation_kind text, member_ids uuid[], conversation_title text default null)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  others uuid[];
  other uuid;
  conversation uuid;
begin
  if me is null then
    raise exception using errcode = '42501',
      message = 'create_conversation needs a signed-in user';
  end if;
  if conversation_kind is null or conversation_kind not in ('direct', 'group') then
    raise exception using errcode = '22023',
      message = 'conversation_kind must be direct or group';
  end if;
  -- The chosen members without the caller, each once, in the order given.
  select coalesce(array_agg(m order by first_at), '{}') into others
  from (select m, min(n) as first_at from unnest(member_ids) with ordinality as u(m, n)
        where m is not null and m <> me group by m) chosen;
  if conversation_kind = 'direct' and cardinality(others) <> 1 then
    raise exception using errcode = '22023',
      message = 'a direct conversation has exactly one other member';
  end if;
  if conversation_kind = 'group' and cardinality(others) = 0 then
    raise exception using errcode = '22023',
      message = 'a group conversation needs another member';
  end if;
  foreach other in array others loop
    if not exists (
      select 1 from public.friendships f
      where f.status = 'accepted'
        and ((f.user_id = me and f.friend_id = other)
             or (f.user_id = other and f.friend_id = me))
    ) then
      raise exception using errcode = '42501',
        message = 'only friends can be added to a conversation';
    end if;
  end loop;
  if conversation_kind = 'direct' then
    select c.id into conversation
    from public.conversations c
    where c.kind = 'direct'
      and exists (select 1 from public.conversation_members m
                  where m.conversation_id = c.id and m.user_id = me)
      and exists (select 1 from public.conversation_members m
                  where m.conversation_id = c.id and m.user_id = others[1])
      and (select count(*) from public.conversation_members m
           where m.conversation_id = c.id) = 2
    order by c.created_at, c.id
    limit 1;
    if conversation is not null then
      return conversation;
    end if;
  end if;
  insert into public.conversations (kind, title)
  values (conversation_kind,
          case when conversation_kind = 'group' then conversation_title end)
  returning id into conversation;
  insert into public.conversation_members (conversation_id, user_id)
  select conversation, u from unnest(array_prepend(me, others)) u;
  return conversation;
end;
$$;
revoke all on function public.create_conversation(text, uuid[], text) from public, anon;
grant execute on function public.create_conversation(text, uuid[], text)
  to authenticated, service_role;
