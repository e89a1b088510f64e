-- gfdesk / GamerFlick: friends and blocks (the hub's migration 3, gfdesk/hub/schema.py
-- _V3, with its rules in gfdesk/hub/policies.py, triggers in gfdesk/hub/triggers.py and
-- function in gfdesk/hub/functions.py).
--
-- - blocks: who blocked whom. A blocked player can no longer send a friend request to,
--   nor write in a direct conversation with, the player who blocked them (nor the other
--   way round); enforced by restrictive policies, so they only ever take away.
-- - Blocking removes every friendship between the two (a trigger).
-- - A pending friendship notifies its addressee (a trigger: clients never insert
--   notifications).
-- - create_conversation (the one way to make a conversation) also refuses a member with
--   a block between them and the caller, and limits a group to 50 members and its
--   title to 100 characters.
-- - messages.body has at most 2,000 characters (bodies stored before are cut).
-- - friendships joins the realtime publication: friends:{user_id} listens with two
--   bindings, user_id=eq and friend_id=eq, like calls:{user_id}.
--
-- Idempotent: if not exists, create or replace, drop ... if exists before create.

create table if not exists public.blocks (
  blocker_id uuid not null references public.profiles (id) on delete cascade,
  blocked_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  constraint blocks_not_self_check check (blocker_id <> blocked_id)
);
-- "Who blocked me?" for the block checks; the blocker side is the primary key.
create index if not exists blocks_blocked_id_idx on public.blocks (blocked_id);

grant select, insert, update, delete on public.blocks to anon, authenticated, service_role;
alter table public.blocks enable row level security;

-- blocks: a user sees, makes and lifts only their own blocks; nothing is edited.
drop policy if exists "blocks: own read" on public.blocks;
create policy "blocks: own read" on public.blocks
  for select to authenticated using (blocker_id = (select auth.uid()));
drop policy if exists "blocks: block as oneself" on public.blocks;
create policy "blocks: block as oneself" on public.blocks
  for insert to authenticated with check (blocker_id = (select auth.uid()));
drop policy if exists "blocks: lift own" on public.blocks;
create policy "blocks: lift own" on public.blocks
  for delete to authenticated using (blocker_id = (select auth.uid()));

-- Row-rule helper: is there a block between a and b, either way? SECURITY DEFINER: the
-- blocked player may not read the blocker's rows, yet the check must see them.
create or replace function private.is_blocked_between(a uuid, b uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.blocks k
    where (k.blocker_id = a and k.blocked_id = b) or (k.blocker_id = b and k.blocked_id = a)
  );
$$;

-- Row-rule helper: is the conversation a direct one whose other member and the sender
-- are separated by a block?
create or replace function private.is_blocked_direct(conversation uuid, sender uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.conversations c
    join public.conversation_members o on o.conversation_id = c.id
    where c.id = conversation and c.kind = 'direct' and o.user_id <> sender
      and private.is_blocked_between(o.user_id, sender)
  );
$$;

revoke all on function private.is_blocked_between(uuid, uuid) from public;
revoke all on function private.is_blocked_direct(uuid, uuid) from public;
grant execute on function private.is_blocked_between(uuid, uuid),
  private.is_blocked_direct(uuid, uuid) to authenticated, service_role;

drop policy if exists "friendships: not between blocked players" on public.friendships;
create policy "friendships: not between blocked players" on public.friendships
  as restrictive for insert to authenticated
  with check (not private.is_blocked_between(user_id, friend_id));
drop policy if exists "messages: not to a blocked direct chat" on public.messages;
create policy "messages: not to a blocked direct chat" on public.messages
  as restrictive for insert to authenticated
  with check (not private.is_blocked_direct(conversation_id, sender_id));

-- A block ends every friendship (and pending request) between the two players.
create or replace function private.end_friendship_on_block()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.friendships f
  where (f.user_id = new.blocker_id and f.friend_id = new.blocked_id)
     or (f.user_id = new.blocked_id and f.friend_id = new.blocker_id);
  return null;
end;
$$;

create or replace trigger blocks_end_friendship
  after insert on public.blocks
  for each row execute function private.end_friendship_on_block();

-- A friend request notifies its addressee, worded as the hub words it.
create or replace function private.notify_friend_request()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  name text;
begin
  select coalesce(nullif(p.display_name, ''), nullif(p.username, ''), 'Someone') into name
  from public.profiles p where p.id = new.user_id;
  insert into public.notifications (user_id, type, title, body, data)
  values (new.friend_id, 'friend_request', 'Friend request',
          coalesce(name, 'Someone') || ' wants to be your friend',
          jsonb_build_object('friend_request_id', new.user_id, 'actor_id', new.user_id));
  return null;
end;
$$;

create or replace trigger friendships_notify_request
  after insert on public.friendships
  for each row when (new.status = 'pending')
  execute function private.notify_friend_request();

revoke all on function private.end_friendship_on_block() from public;
revoke all on function private.notify_friend_request() from public;

-- create_conversation again (20261126000600), now that blocks exist: a blocked player
-- is no friend to make a conversation with; a group has at most 50 members and a title
-- of 1 to 100 characters (gfdesk/hub/functions.py, GROUP_MEMBERS_MAX/GROUP_TITLE_MAX).
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
  title text := case when conversation_kind = 'group' then btrim(conversation_title) end;
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
  if cardinality(others) + 1 > 50 then
    raise exception using errcode = '22023', message = 'a group has at most 50 members';
  end if;
  if conversation_kind = 'group' and coalesce(title, '') = '' then
    raise exception using errcode = '22023', message = 'a group needs a title';
  end if;
  if char_length(coalesce(title, '')) > 100 then
    raise exception using errcode = '22023',
      message = 'a group title has at most 100 characters';
  end if;
  foreach other in array others loop
    if not exists (
      select 1 from public.friendships f
      where f.status = 'accepted'
        and ((f.user_id = me and f.friend_id = other)
             or (f.user_id = other and f.friend_id = me))
    ) or private.is_blocked_between(me, other) then
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
  values (conversation_kind, nullif(title, ''))
  returning id into conversation;
  insert into public.conversation_members (conversation_id, user_id)
  select conversation, u from unnest(array_prepend(me, others)) u;
  return conversation;
end;
$$;
revoke all on function public.create_conversation(text, uuid[], text) from public, anon;
grant execute on function public.create_conversation(text, uuid[], text)
  to authenticated, service_role;

-- Message bodies: at most 2,000 characters (gfdesk/hub/schema.py MESSAGE_BODY_MAX).
do $$
begin
  if not exists (
    select 1 from pg_constraint
    where conname = 'messages_body_length_check' and conrelid = 'public.messages'::regclass
  ) then
    update public.messages set body = left(body, 2000) where char_length(body) > 2000;
    alter table public.messages
      add constraint messages_body_length_check check (char_length(body) <= 2000);
  end if;
end;
$$;

-- friendships in the publication (see 20261126000400_gfdesk_realtime.sql). Its primary
-- key is (user_id, friend_id), so a DELETE's old_record carries both columns and matches
-- the user_id=eq and friend_id=eq bindings with the default replica identity.
do $$
begin
  if not (select puballtables from pg_publication where pubname = 'supabase_realtime')
     and not exists (
       select 1 from pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public'
         and tablename = 'friendships'
     ) then
    alter publication supabase_realtime add table public.friendships;
  end if;
end;
$$;

alter table public.friendships replica identity default;
