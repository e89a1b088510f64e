-- gfdesk / GamerFlick: a call can be answered "busy" (the hub's migration 4,
-- gfdesk/hub/schema.py _V4): the callee's app writes it when its user is in another
-- call already, so the caller's app ends the call with that reason at once instead of
-- ringing for 30 seconds. The row rules on calls stay as they are (the callee changes
-- only status and the times).
--
-- Idempotent: the constraint is dropped if it exists and made again.

alter table public.calls drop constraint if exists calls_status_check;
alter table public.calls add constraint calls_status_check
  check (status in ('ringing', 'accepted', 'declined', 'missed', 'busy', 'ended'));
