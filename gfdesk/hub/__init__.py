"""The hub: an embedded server that speaks Supabase's Auth, REST and Realtime protocols.

It runs in-process for ``--demo`` and tests, and as ``gfdesk hub`` for a LAN. Only
``gfdesk.app`` imports it; it imports nothing of the client (no Qt, no core).
"""
