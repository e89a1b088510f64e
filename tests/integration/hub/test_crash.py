"""Acknowledged means stored: SIGKILL the hub process under write load, restart it on the
same data dir, and every row whose insert was answered is there."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from postgrest.types import ReturnMethod

from tests.helpers.hubfixture import close_client
from tests.helpers.logfail import ExpectedLogs
from tests.integration.hub.hubprocess import start_hub_process, stop_hub_process

WRITERS = 4
KILL_AFTER_ACKS = 120


@pytest.mark.slow
async def test_acknowledged_rows_survive_sigkill(tmp_path: Path,
                                                 expected_logs: ExpectedLogs) -> None:
    from supabase import acreate_client

    # A SIGCHLD handler of Qt's (a Qt test earlier in this process) may reap the killed
    # hub before asyncio reads its status; asyncio then says so.
    expected_logs.allow("asyncio", "Unknown child process")
    data = tmp_path / "data"
    hub = await start_hub_process(data)
    acknowledged: list[str] = []
    enough = asyncio.Event()
    client = await acreate_client(hub.url, hub.service_role_key)

    async def writer(n: int) -> None:
        while True:
            row_id = str(uuid.uuid4())
            try:
                await client.table("conversations").insert(
                    {"id": row_id, "kind": "group", "title": f"w{n}"},
                    returning=ReturnMethod.minimal).execute()
            except Exception:
                return  # the hub died under this request: not acknowledged
            acknowledged.append(row_id)
            if len(acknowledged) >= KILL_AFTER_ACKS:
                enough.set()

    writers = [asyncio.create_task(writer(n)) for n in range(WRITERS)]
    try:
        await asyncio.wait_for(enough.wait(), 60)
        hub.proc.kill()  # mid-load: the other writers have requests in flight
        await asyncio.gather(*writers)
    finally:
        for task in writers:
            task.cancel()
        await stop_hub_process(hub.proc, kill=True)
        await close_client(client)
    assert hub.proc.returncode in (-9, 255)  # killed, not stopped (255: reaped, see above)

    restarted = await start_hub_process(data)
    reader = await acreate_client(restarted.url, restarted.service_role_key)
    try:
        stored: set[str] = set()
        page = 0
        while True:
            rows = (await reader.table("conversations").select("id").order("id").range(
                page, page + 499).execute()).data
            stored.update(r["id"] for r in rows)
            if len(rows) < 500:
                break
            page += 500
    finally:
        await close_client(reader)
        status, _ = await stop_hub_process(restarted.proc)
    assert status == 0
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged rows lost"
    assert len(acknowledged) >= KILL_AFTER_ACKS
