"""The demo's tournament host bot: it plays the running double elimination live. Qt-free.

PixelPaladin hosts the Neon Clash Cup the way a host client would: a ready match goes
live (its row is updated), its score climbs by ``score_update`` broadcasts on the
private ``tournament:{id}`` channel every few seconds, then the result lands with its
progression (the engine's changed rows, each an UPDATE that postgres_changes
reports). One match is played at a time. Once a champion is crowned the bracket
stays up for a while, then starts over with the seeds shuffled (same match ids, so
viewers see every card change, no rebuild), so a demo left running always has
something live.
"""

from __future__ import annotations

import json
import random

from gfdesk.hub.demo import world as demo
from gfdesk.hub.demo.botworld import Bot, BotWorld
from gfdesk.hub.demo.tournamentseed import WINS_NEEDED
from gfdesk.hub.realtime.channels import TOPIC_PREFIX
from gfdesk.hub.schema import TABLES, now_timestamp
from gfdesk.hub.store import ChangeType
from gfdesk.log import hub as log
from gfdesk.tournament.bracket import (
    Bracket,
    Format,
    Match,
    MatchStatus,
    Participant,
    Result,
    apply_result,
    champion,
    generate,
    start_match,
)

#: Between two live score broadcasts of a match (seconds, before the clock's speed-up).
SCORE_EVERY_S = (2.5, 4.5)
#: Between a result and the next match going live.
BETWEEN_MATCHES_S = (3.0, 6.0)
#: How long a decided bracket stays up before it starts over.
CHAMPION_PAUSE_S = 60.0
#: When the bracket cannot be read (someone changed it by hand), look again after this.
RETRY_S = 10.0


class TournamentBots(Bot):
    """The host bot of the running demo tournament."""

    def __init__(self) -> None:
        self._world: BotWorld | None = None
        self._tournament: str | None = None

    def start(self, world: BotWorld) -> None:
        self._world = world
        rows = world.store.query(
            "SELECT id FROM tournaments WHERE name = ? AND status = 'live'"
            " ORDER BY created_at LIMIT 1", (demo.TOURNAMENT_NAME,))
        if not rows:
            log.info("hub bots: no running demo tournament, its host bot idles")
            return
        self._tournament = str(rows[0][0])
        world.spawn(self._host(), "tournament-host")

    # -- reading and writing, as the host's client would -----------------------------------

    def bracket(self) -> Bracket:
        """The running tournament's bracket as stored."""
        assert self._world is not None and self._tournament is not None
        store, tid = self._world.store, self._tournament
        people = [Participant(str(uid), int(seed)) for uid, seed in store.query(
            "SELECT user_id, seed FROM tournament_participants WHERE tournament_id = ?"
            " AND seed IS NOT NULL", (tid,))]
        names = TABLES["tournament_matches"].column_names
        rows = [TABLES["tournament_matches"].row_to_json(tuple(r)) for r in store.query(
            f"SELECT {', '.join(names)} FROM tournament_matches WHERE tournament_id = ?",
            (tid,))]
        return Bracket.from_rows(tid, Format.DOUBLE_ELIM, people, rows)

    def write(self, matches: tuple[Match, ...]) -> None:
        """Update these rows in one transaction (subscribers see each UPDATE)."""
        assert self._world is not None
        table = TABLES["tournament_matches"]
        names = table.column_names
        with self._world.store.transaction() as tx:
            for match in matches:
                values = {k: v for k, v in match.to_row().items()
                          if k not in ("id", "tournament_id")}
                values["updated_at"] = now_timestamp()
                tx.conn.execute(
                    f"UPDATE tournament_matches SET {', '.join(f'{k} = ?' for k in values)}"
                    " WHERE id = ?", [*values.values(), match.id])
                stored = tx.conn.execute(
                    f"SELECT {', '.join(names)} FROM tournament_matches WHERE id = ?",
                    (match.id,)).fetchone()
                tx.record("tournament_matches", ChangeType.UPDATE,
                          table.row_to_json(tuple(stored)), {"id": match.id})

    def broadcast_score(self, match_id: str, score1: int, score2: int) -> None:
        """``score_update`` on the private tournament channel."""
        assert self._world is not None
        message = {"type": "broadcast", "event": "score_update", "payload": {
            "match_id": match_id, "score1": score1, "score2": score2,
            "sent_at": now_timestamp()}}
        self._world.registry.broadcast(f"{TOPIC_PREFIX}tournament:{self._tournament}", True,
                                       json.dumps(message, separators=(",", ":")))

    # -- playing ----------------------------------------------------------------------------

    async def _host(self) -> None:
        assert self._world is not None
        clock = self._world.clock
        while True:
            try:
                bracket = self.bracket()
            except Exception as exc:
                log.info("hub bots: the demo bracket cannot be read (%s)", exc)
                await clock.sleep(RETRY_S)
                continue
            if champion(bracket) is not None:
                await clock.sleep(CHAMPION_PAUSE_S)
                self.start_over(bracket, clock.random)
                continue
            match = self.next_match(bracket)
            if match is None:
                await clock.sleep(RETRY_S)
                continue
            await self.play(bracket, match)
            await clock.pause(BETWEEN_MATCHES_S)

    @staticmethod
    def next_match(bracket: Bracket) -> Match | None:
        """The live match, else the earliest ready one."""
        live = [m for m in bracket.matches if m.status is MatchStatus.LIVE]
        ready = [m for m in bracket.matches if m.status is MatchStatus.READY]
        return min(live or ready, key=lambda m: bracket.topo_index(m.id), default=None)

    async def play(self, bracket: Bracket, match: Match) -> None:
        """Play ``match``: live, a score broadcast per game, then the result."""
        assert self._world is not None
        clock = self._world.clock
        if match.status is MatchStatus.READY:
            update = start_match(bracket, match.id)
            self.write(update.changed)
            bracket = update.bracket
        scores = [0, 0]
        while max(scores) < WINS_NEEDED:
            await clock.pause(SCORE_EVERY_S)
            scores[0 if clock.random.random() < 0.5 else 1] += 1
            self.broadcast_score(match.id, *scores)
        await clock.pause(SCORE_EVERY_S)
        try:
            current = self.bracket()
        except Exception:
            return
        if current.get(match.id) != bracket.get(match.id):
            return  # changed meanwhile (by hand): look again
        self.write(apply_result(current, Result(match.id, scores[0], scores[1])).changed)

    def start_over(self, bracket: Bracket, rnd: random.Random) -> None:
        """The same players, shuffled seeds, a fresh bracket in the same rows."""
        assert self._world is not None and self._tournament is not None
        ids = [p.id for p in bracket.participants]
        rnd.shuffle(ids)
        people = [Participant(pid, seed) for seed, pid in enumerate(ids, start=1)]
        with self._world.store.transaction() as tx:
            for person in people:
                tx.conn.execute("UPDATE tournament_participants SET seed = ? WHERE"
                                " tournament_id = ? AND user_id = ?",
                                (person.seed, self._tournament, person.id))
        fresh = generate(self._tournament, Format.DOUBLE_ELIM, people)
        self.write(fresh.matches)
        log.info("hub bots: the demo tournament starts over")
