"""The Qt and hub figures of ``bench/bracket.py`` (see its docstring): the bracket
scene's build and one live update, and live scores from a host to a viewer's screen.

Not run on its own: ``bench/bracket.py`` imports it unless ``--no-view``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from gfdesk.tournament.bracket import Bracket, MatchStatus  # noqa: E402
from gfdesk.tournament.bracketmodel import BracketModel  # noqa: E402
from gfdesk.tournament.bracketscene import BracketScene  # noqa: E402
from gfdesk.tournament.bracketview import BracketView  # noqa: E402
from gfdesk.tournament.feed import TournamentFeed  # noqa: E402
from gfdesk.tournament.info import Entrant  # noqa: E402
from gfdesk.tournament.service import TournamentService  # noqa: E402

#: Between two live scores the host sends (a busy tournament: several matches live).
SCORE_GAP_S = 0.03
#: The view's size (a 1440-wide window with the sidebar and the chat).
VIEW_W, VIEW_H = 900, 700


def _app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    # Closing a measured view must not end the qasync loop of the score run.
    app.setQuitOnLastWindowClosed(False)
    return app


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _stamped(row: dict[str, Any], n: int) -> dict[str, Any]:
    return {**row, "updated_at": f"2026-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:"
                                 f"{n % 60:02d}.000000+00:00"}


def _feed(bracket: Bracket) -> TournamentFeed:
    """A feed holding ``bracket`` (as a page's feed after loading), names "Player i"."""
    service = TournamentService(None, None, None, bracket.participants[0].id)  # type: ignore[arg-type]
    feed = TournamentFeed(service, bracket.tournament_id, on_matches=lambda _ids: None,
                          on_score=lambda _m, _s: None, on_tournament=lambda _t: None,
                          on_message=lambda _m: None)
    feed.entrants = [Entrant(p.id, p.seed, f"Player {p.seed}") for p in bracket.participants]
    feed.live.load(bracket, [_stamped(r, 0) for r in bracket.to_rows()])
    return feed


def _show(feed: TournamentFeed, *, settle: bool = True
          ) -> tuple[BracketModel, BracketScene, BracketView]:
    """The feed's bracket in a shown, fitted view, painted once (``settle``: the
    pending events processed too; not from inside a running qasync loop)."""
    app = _app()
    model = BracketModel(feed, feed.service.user_id)
    feed._on_matches = model.on_matches  # the page model's wiring
    feed._on_score = model.on_score
    scene = BracketScene(model, app.font())
    view = BracketView(scene)
    view.resize(VIEW_W, VIEW_H)
    view.show()
    view.fit()
    view.viewport().repaint()
    if settle:
        app.processEvents()
    return model, scene, view


def measure_view(args: argparse.Namespace, bracket: Bracket) -> dict[str, float]:
    """``scene_build_ms``, ``update_ms`` and their ratio for ``bracket``."""
    app = _app()
    repeats = 5 if args.quick else 15
    builds = []
    for _ in range(repeats):
        feed = _feed(bracket)
        gc.collect()
        start = time.perf_counter()
        model, scene, view = _show(feed)
        builds.append((time.perf_counter() - start) * 1000)
        view.close()
        view.deleteLater()
        scene.deleteLater()
        app.processEvents()
    feed = _feed(bracket)
    model, scene, view = _show(feed)
    ready = [m for m in bracket.matches if m.status is MatchStatus.READY]
    count = min(len(ready), args.updates or (20 if args.quick else 60))
    updates = []
    for n, match in enumerate(ready[:count], start=1):
        row = _stamped(replace(match, status=MatchStatus.LIVE).to_row(), n)
        app.processEvents()
        gc.collect()
        start = time.perf_counter()
        feed._on_match_row(row)
        # Repaint what the update dirtied, now (the next frame would do the same).
        app.processEvents()
        updates.append((time.perf_counter() - start) * 1000)
        assert scene.cards[match.id].card.live
    view.close()
    build_ms = statistics.median(builds)
    update_ms = statistics.median(updates)
    return {"scene_build_ms": round(build_ms, 2), "scene_items": len(scene.items()),
            "update_ms": round(update_ms, 3), "update_p95_ms": round(
                _percentile(updates, 0.95), 3),
            "update_ratio": round(update_ms / build_ms, 4)}


async def _scores(count: int) -> list[float]:
    from supabase import acreate_client

    from gfdesk.core.backoff import Backoff
    from gfdesk.core.clientfactory import close_client
    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.runner import start_hub_in_thread
    from gfdesk.tournament.bracket import Format, Participant, generate, start_match
    from gfdesk.tournament.scores import LiveScore

    tmp = Path(tempfile.mkdtemp(prefix="gf-bench-bracket-"))
    hub = start_hub_in_thread(HubConfig(data_dir=tmp / "hub"))
    clients: list[Any] = []
    supervisors: list[ConnectionSupervisor] = []
    try:
        people = []
        for name in ("host", "viewer", "p3", "p4"):
            client = await acreate_client(hub.url, hub.anon_key)
            clients.append(client)
            auth = await client.auth.sign_up({"email": f"{name}@bench.local",
                                              "password": "bench-password-1234",
                                              "options": {"data": {"username": name}}})
            assert auth.user is not None
            people.append(auth.user.id)
        host, viewer = clients[0], clients[1]
        tid = str(uuid.uuid4())
        await host.table("tournaments").insert({
            "id": tid, "name": "Bench Cup", "game": "bench", "format": "double_elim",
            "host_id": people[0], "status": "live", "max_participants": 4}).execute()
        await host.table("tournament_participants").insert([
            {"tournament_id": tid, "user_id": u, "seed": i}
            for i, u in enumerate(people, start=1)]).execute()
        bracket = generate(tid, Format.DOUBLE_ELIM, [Participant(u, i) for i, u in
                                                     enumerate(people, start=1)])
        match = next(m for m in bracket.matches if m.status is MatchStatus.READY)
        bracket = start_match(bracket, match.id).bracket
        rows = sorted(bracket.matches, key=lambda m: -bracket.topo_index(m.id))
        await host.table("tournament_matches").insert([m.to_row() for m in rows]).execute()

        services = []
        for client, user in ((host, people[0]), (viewer, people[1])):
            async def token(client: Any = client) -> str | None:
                session = await client.auth.get_session()
                return session.access_token if session else None

            connection = ConnectionSupervisor(client, label="bench", token=token,
                                              backoff=Backoff(base_s=0.1, cap_s=1.0))
            connection.start()
            supervisors.append(connection)
            services.append(TournamentService(client, connection, None, user))  # type: ignore[arg-type]
        host_feed = TournamentFeed(services[0], tid, on_matches=lambda _i: None,
                                   on_score=lambda _m, _s: None,
                                   on_tournament=lambda _t: None, on_message=lambda _m: None)
        await host_feed.load()
        feed = TournamentFeed(services[1], tid, on_matches=lambda _i: None,
                              on_score=lambda _m, _s: None, on_tournament=lambda _t: None,
                              on_message=lambda _m: None)
        await feed.load()
        model, scene, view = _show(feed, settle=False)
        for f in (host_feed, feed):
            await f.live_now()
        card = scene.cards[match.id]
        sent: dict[int, float] = {}
        seen: dict[int, float] = {}
        done = asyncio.Event()

        def on_changed(match_id: str) -> None:
            # Connected after the scene: the card already holds the new score.
            shown = card.card.top.score
            if match_id != match.id or not shown.isdigit():
                return
            n = int(shown)
            if n in sent and n not in seen:
                view.viewport().repaint(view.mapFromScene(card.sceneBoundingRect())
                                        .boundingRect())
                seen[n] = time.perf_counter()
                if len(seen) == count:
                    done.set()

        model.match_changed.connect(on_changed)
        for n in range(1, count + 1):
            sent[n] = time.perf_counter()
            await services[0].send_score(tid, LiveScore(match.id, n, 0))
            await asyncio.sleep(SCORE_GAP_S)
        async with asyncio.timeout(30):
            await done.wait()
        view.close()
        await feed.aclose()
        await host_feed.aclose()
        return [(seen[n] - sent[n]) * 1000 for n in sorted(seen)]
    finally:
        for connection in supervisors:
            await connection.aclose()
        for client in clients:
            await close_client(client)
        hub.stop()


def measure_scores(args: argparse.Namespace, _bracket: Bracket) -> dict[str, float]:
    """``score_to_screen_p50_ms`` and ``_p99_ms`` through a hub on loopback."""
    from gfdesk import bridge

    _app()
    latencies = bridge.run(lambda: _scores(args.scores))
    return {"scores_sent": len(latencies),
            "score_to_screen_p50_ms": round(_percentile(latencies, 0.50), 2),
            "score_to_screen_p99_ms": round(_percentile(latencies, 0.99), 2),
            "score_to_screen_max_ms": round(max(latencies), 2)}
