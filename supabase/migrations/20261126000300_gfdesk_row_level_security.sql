-- gfdesk / GamerFlick: row-level security, the same rules as the hub's
-- (gfdesk/hub/policies.py, one block per table there and here).
--
-- - service_role bypasses row-level security (BYPASSRLS on Supabase): it may do anything.
-- - anon has no policy at all: it reads nothing and writes nothing.
-- - authenticated users get the policies below; a command a table has no policy for is
--   refused (no rows for SELECT/UPDATE/DELETE, an error for INSERT).
-- (select auth.uid()) is evaluated once per statement rather than once per row.
--
-- tests/helpers/rulescases.py is the matrix of cases both this file and the hub must
-- pass (tests/integration/postgres/test_rules_postgres.py and
-- tests/integration/hub/test_rules_hub.py).
--
-- Idempotent: drop policy if exists before every create policy.

alter table public.profiles enable row level security;
alter table public.friendships enable row level security;
alter table public.notifications enable row level security;
alter table public.conversations enable row level security;
alter table public.conversation_members enable row level security;
alter table public.messages enable row level security;
alter table public.tournaments enable row level security;
alter table public.tournament_participants enable row level security;
alter table public.tournament_matches enable row level security;
alter table public.tournament_messages enable row level security;
alter table public.calls enable row level security;

-- profiles: everyone signed in reads all; a user creates and edits only their own;
-- nobody deletes one (it goes with its auth user).
drop policy if exists "profiles: read all" on public.profiles;
create policy "profiles: read all" on public.profiles
  for select to authenticated using (true);
drop policy if exists "profiles: create own" on public.profiles;
create policy "profiles: create own" on public.profiles
  for insert to authenticated with check (id = (select auth.uid()));
drop policy if exists "profiles: edit own" on public.profiles;
create policy "profiles: edit own" on public.profiles
  for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- friendships: both sides see the row; the requester creates it pending; the addressee
-- accepts; either side removes it.
drop policy if exists "friendships: both sides read" on public.friendships;
create policy "friendships: both sides read" on public.friendships
  for select to authenticated
  using (user_id = (select auth.uid()) or friend_id = (select auth.uid()));
drop policy if exists "friendships: request as pending" on public.friendships;
create policy "friendships: request as pending" on public.friendships
  for insert to authenticated
  with check (user_id = (select auth.uid()) and status = 'pending');
drop policy if exists "friendships: addressee answers" on public.friendships;
create policy "friendships: addressee answers" on public.friendships
  for update to authenticated
  using (friend_id = (select auth.uid())) with check (friend_id = (select auth.uid()));
drop policy if exists "friendships: either side removes" on public.friendships;
create policy "friendships: either side removes" on public.friendships
  for delete to authenticated
  using (user_id = (select auth.uid()) or friend_id = (select auth.uid()));

-- notifications: only the addressee reads, marks read and deletes; anyone signed in may
-- notify anyone (friend requests, invites) without reading it back.
drop policy if exists "notifications: addressee reads" on public.notifications;
create policy "notifications: addressee reads" on public.notifications
  for select to authenticated using (user_id = (select auth.uid()));
drop policy if exists "notifications: anyone notifies" on public.notifications;
create policy "notifications: anyone notifies" on public.notifications
  for insert to authenticated with check (true);
drop policy if exists "notifications: addressee edits" on public.notifications;
create policy "notifications: addressee edits" on public.notifications
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists "notifications: addressee deletes" on public.notifications;
create policy "notifications: addressee deletes" on public.notifications
  for delete to authenticated using (user_id = (select auth.uid()));

-- conversations: members read and rename; anyone signed in creates one (then adds the
-- members); nobody deletes one.
drop policy if exists "conversations: members read" on public.conversations;
create policy "conversations: members read" on public.conversations
  for select to authenticated using (private.is_conversation_member(id));
drop policy if exists "conversations: anyone creates" on public.conversations;
create policy "conversations: anyone creates" on public.conversations
  for insert to authenticated with check (true);
drop policy if exists "conversations: members rename" on public.conversations;
create policy "conversations: members rename" on public.conversations
  for update to authenticated
  using (private.is_conversation_member(id)) with check (private.is_conversation_member(id));

-- conversation_members: members see the member list; a user adds themselves, a member
-- adds others; a user edits only their own row (last_read_at) and may leave.
drop policy if exists "conversation_members: members read" on public.conversation_members;
create policy "conversation_members: members read" on public.conversation_members
  for select to authenticated using (private.is_conversation_member(conversation_id));
drop policy if exists "conversation_members: join or add" on public.conversation_members;
create policy "conversation_members: join or add" on public.conversation_members
  for insert to authenticated
  with check (user_id = (select auth.uid())
              or private.is_conversation_member(conversation_id));
drop policy if exists "conversation_members: edit own" on public.conversation_members;
create policy "conversation_members: edit own" on public.conversation_members
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists "conversation_members: leave" on public.conversation_members;
create policy "conversation_members: leave" on public.conversation_members
  for delete to authenticated using (user_id = (select auth.uid()));

-- messages: read and write only in one's conversations; send, edit and delete as oneself.
drop policy if exists "messages: members read" on public.messages;
create policy "messages: members read" on public.messages
  for select to authenticated using (private.is_conversation_member(conversation_id));
drop policy if exists "messages: members send" on public.messages;
create policy "messages: members send" on public.messages
  for insert to authenticated
  with check (sender_id = (select auth.uid())
              and private.is_conversation_member(conversation_id));
drop policy if exists "messages: sender edits" on public.messages;
create policy "messages: sender edits" on public.messages
  for update to authenticated
  using (sender_id = (select auth.uid()) and private.is_conversation_member(conversation_id))
  with check (sender_id = (select auth.uid())
              and private.is_conversation_member(conversation_id));
drop policy if exists "messages: sender deletes" on public.messages;
create policy "messages: sender deletes" on public.messages
  for delete to authenticated
  using (sender_id = (select auth.uid()) and private.is_conversation_member(conversation_id));

-- tournaments: everyone signed in reads; the host creates, edits and deletes.
drop policy if exists "tournaments: read all" on public.tournaments;
create policy "tournaments: read all" on public.tournaments
  for select to authenticated using (true);
drop policy if exists "tournaments: host creates" on public.tournaments;
create policy "tournaments: host creates" on public.tournaments
  for insert to authenticated with check (host_id = (select auth.uid()));
drop policy if exists "tournaments: host edits" on public.tournaments;
create policy "tournaments: host edits" on public.tournaments
  for update to authenticated
  using (host_id = (select auth.uid())) with check (host_id = (select auth.uid()));
drop policy if exists "tournaments: host deletes" on public.tournaments;
create policy "tournaments: host deletes" on public.tournaments
  for delete to authenticated using (host_id = (select auth.uid()));

-- tournament_participants: everyone signed in reads; a player joins and leaves; the host
-- seeds and manages.
drop policy if exists "tournament_participants: read all" on public.tournament_participants;
create policy "tournament_participants: read all" on public.tournament_participants
  for select to authenticated using (true);
drop policy if exists "tournament_participants: join or host adds"
  on public.tournament_participants;
create policy "tournament_participants: join or host adds" on public.tournament_participants
  for insert to authenticated
  with check (user_id = (select auth.uid()) or private.is_tournament_host(tournament_id));
drop policy if exists "tournament_participants: host seeds" on public.tournament_participants;
create policy "tournament_participants: host seeds" on public.tournament_participants
  for update to authenticated
  using (private.is_tournament_host(tournament_id))
  with check (private.is_tournament_host(tournament_id));
drop policy if exists "tournament_participants: leave or host removes"
  on public.tournament_participants;
create policy "tournament_participants: leave or host removes"
  on public.tournament_participants
  for delete to authenticated
  using (user_id = (select auth.uid()) or private.is_tournament_host(tournament_id));

-- tournament_matches: everyone signed in reads the bracket; only the host writes it.
drop policy if exists "tournament_matches: read all" on public.tournament_matches;
create policy "tournament_matches: read all" on public.tournament_matches
  for select to authenticated using (true);
drop policy if exists "tournament_matches: host creates" on public.tournament_matches;
create policy "tournament_matches: host creates" on public.tournament_matches
  for insert to authenticated with check (private.is_tournament_host(tournament_id));
drop policy if exists "tournament_matches: host edits" on public.tournament_matches;
create policy "tournament_matches: host edits" on public.tournament_matches
  for update to authenticated
  using (private.is_tournament_host(tournament_id))
  with check (private.is_tournament_host(tournament_id));
drop policy if exists "tournament_matches: host deletes" on public.tournament_matches;
create policy "tournament_matches: host deletes" on public.tournament_matches
  for delete to authenticated using (private.is_tournament_host(tournament_id));

-- tournament_messages: everyone signed in reads the tournament chat and posts, edits and
-- deletes as themselves.
drop policy if exists "tournament_messages: read all" on public.tournament_messages;
create policy "tournament_messages: read all" on public.tournament_messages
  for select to authenticated using (true);
drop policy if exists "tournament_messages: post as oneself" on public.tournament_messages;
create policy "tournament_messages: post as oneself" on public.tournament_messages
  for insert to authenticated with check (sender_id = (select auth.uid()));
drop policy if exists "tournament_messages: sender edits" on public.tournament_messages;
create policy "tournament_messages: sender edits" on public.tournament_messages
  for update to authenticated
  using (sender_id = (select auth.uid())) with check (sender_id = (select auth.uid()));
drop policy if exists "tournament_messages: sender deletes" on public.tournament_messages;
create policy "tournament_messages: sender deletes" on public.tournament_messages
  for delete to authenticated using (sender_id = (select auth.uid()));

-- calls: caller and callee only; the caller places the call; either side updates its
-- status; call rows are history, nobody deletes them.
drop policy if exists "calls: parties read" on public.calls;
create policy "calls: parties read" on public.calls
  for select to authenticated
  using (caller_id = (select auth.uid()) or callee_id = (select auth.uid()));
drop policy if exists "calls: caller places" on public.calls;
create policy "calls: caller places" on public.calls
  for insert to authenticated with check (caller_id = (select auth.uid()));
drop policy if exists "calls: parties update" on public.calls;
create policy "calls: parties update" on public.calls
  for update to authenticated
  using (caller_id = (select auth.uid()) or callee_id = (select auth.uid()))
  with check (caller_id = (select auth.uid()) or callee_id = (select auth.uid()));
