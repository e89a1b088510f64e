-- gfdesk / GamerFlick: the tables whose changes the apps listen to (DESIGN.md, channels):
--   notifications        INSERT  notifications:{user_id}   user_id=eq
--   messages             INSERT  chat:{conversation_id}    conversation_id=eq
--   tournament_matches   UPDATE  tournament:{id}           tournament_id=eq
--   tournament_messages  INSERT  tournament:{id}           tournament_id=eq
--   calls                INSERT, UPDATE  calls:{user_id}   callee_id=eq, caller_id=eq
--
-- Replica identity stays DEFAULT (the primary key). The apps read only the new row
-- (payload.newRecord) of INSERTs and UPDATEs, which the WAL carries whole whatever the
-- replica identity, and every filter above is on a column of that new row. FULL would
-- only add old values to UPDATE/DELETE payloads, which the apps do not read, at the
-- cost of writing every old row to the WAL.
--
-- Idempotent: a table already in the publication is not added again, and nothing is
-- added to a publication that is FOR ALL TABLES.

do $$
declare
  tbl text;
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
  if (select puballtables from pg_publication where pubname = 'supabase_realtime') then
    return;
  end if;
  foreach tbl in array array[
    'notifications', 'messages', 'tournament_matches', 'tournament_messages', 'calls'
  ] loop
    if not exists (
      select 1 from pg_publication_tables
      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = tbl
    ) then
      execute format('alter publication supabase_realtime add table public.%I', tbl);
    end if;
  end loop;
end;
$$;

alter table public.notifications replica identity default;
alter table public.messages replica identity default;
alter table public.tournament_matches replica identity default;
alter table public.tournament_messages replica identity default;
alter table public.calls replica identity default;
