"""The demo world's tournaments, written into the hub once. Qt-free.

- ``Neon Clash Cup`` (``world.TOURNAMENT_NAME``): a 16-player double elimination,
  live, hosted by PixelPaladin, the demo user among the players; its winners round 1
  and part of the losers bracket are played, one match is live. The host bot
  (``tournamentbots``) plays it on from there.
- ``Sunday League``: a finished six-player round robin.
- ``Rookie Rumble``: a single elimination open for registration (the demo user can
  join; five players are in already).

Brackets come from the tournament engine (pure, deterministic: the same ids and links
a host client writes), played with a seeded random source, so every start seeds the
same world. Eight tournament-only players fill the double elimination; they sign in
like the bots (``DEMO_PASSWORD``).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence

from gfdesk.hub.demo import world
from gfdesk.hub.schema import now_timestamp
from gfdesk.hub.store import Transaction
from gfdesk.tournament.bracket import (
    Bracket,
    Format,
    MatchStatus,
    Participant,
    Result,
    Section,
    apply_result,
    generate,
    start_match,
)

#: Tournament-only players: (username, display name).
EXTRA_PLAYERS: tuple[tuple[str, str], ...] = (
    ("arclight", "ArcLight"), ("blazerunner", "BlazeRunner"), ("cinderfox", "CinderFox"),
    ("driftking", "DriftKing"), ("emberjay", "EmberJay"), ("fluxqueen", "FluxQueen"),
    ("glitchgoblin", "GlitchGoblin"), ("hexhound", "HexHound"),
)
#: The double elimination's players in seed order ("demo" is the demo user).
RUNNING_SEEDS: tuple[str, ...] = (
    "novastrike", "arclight", "frostbyte", "blazerunner", "demo", "vipervex", "cinderfox",
    "pixelpaladin", "driftking", "rookrush", "emberjay", "echoblitz", "fluxqueen",
    "lunalag", "glitchgoblin", "hexhound",
)
#: Results played before the demo starts: winners round 1 and this many more.
RUNNING_PLAYED_AFTER_ROUND_1 = 5
#: Best of five: the first to three wins a match.
WINS_NEEDED = 3

LEAGUE_NAME, LEAGUE_GAME, LEAGUE_HOST = "Sunday League", "Rocket Rally", "frostbyte"
LEAGUE_PLAYERS = ("frostbyte", "demo", "novastrike", "vipervex", "echoblitz", "lunalag")
LEAGUE_CHAT: tuple[tuple[str, str], ...] = (
    ("frostbyte", "Final standings are in. GG everyone!"),
    ("novastrike", "that last round was a coin flip"),
    ("demo", "gg, see you next sunday"),
)
OPEN_NAME, OPEN_GAME, OPEN_HOST = "Rookie Rumble", "Arena Blitz", "novastrike"
OPEN_SIZE = 16
OPEN_PLAYERS = ("rookrush", "lunalag", "arclight", "emberjay", "hexhound")

#: Makes a user (username, display name) and returns their id.
MakeUser = Callable[[str, str], str]


def _ago(now: dt.datetime, minutes: float) -> str:
    return now_timestamp(now - dt.timedelta(minutes=minutes))


def best_of_five(rnd: random.Random) -> tuple[int, int]:
    """A finished best-of-five score (player 1's first)."""
    loser = rnd.randint(0, WINS_NEEDED - 1)
    return (WINS_NEEDED, loser) if rnd.random() < 0.55 else (loser, WINS_NEEDED)


def play(bracket: Bracket, rnd: random.Random, count: int,
         pick: Callable[[list[str]], str] | None = None) -> Bracket:
    """``bracket`` with ``count`` more ready matches played (earliest rounds first)."""
    for _ in range(count):
        ready = sorted((m for m in bracket.matches if m.status is MatchStatus.READY),
                       key=lambda m: bracket.topo_index(m.id))
        if not ready:
            break
        match = ready[0]
        bracket = apply_result(bracket, Result(match.id, *best_of_five(rnd))).bracket
    return bracket


def _tournament(tx: Transaction, *, name: str, game: str, format: Format, host: str,
                status: str, size: int, starts: str, created: str) -> str:
    tournament_id = str(uuid.uuid4())
    tx.conn.execute(
        "INSERT INTO tournaments (id, name, game, format, host_id, status, max_participants,"
        " starts_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (tournament_id, name, game, format.value, host, status, size, starts, created))
    return tournament_id


def _participants(tx: Transaction, tournament_id: str, players: Sequence[str],
                  seeded: bool) -> list[Participant]:
    out = []
    for seed, player in enumerate(players, start=1):
        tx.conn.execute(
            "INSERT INTO tournament_participants (tournament_id, user_id, seed)"
            " VALUES (?, ?, ?)", (tournament_id, player, seed if seeded else None))
        out.append(Participant(player, seed))
    return out


def write_matches(tx: Transaction, bracket: Bracket, now: dt.datetime) -> None:
    """Every match of ``bracket`` as a row (successors first, as a host writes them)."""
    order = sorted(bracket.matches, key=lambda m: -bracket.topo_index(m.id))
    for age, match in enumerate(order):
        row = match.to_row()
        columns = [*row, "updated_at"]
        tx.conn.execute(
            f"INSERT INTO tournament_matches ({', '.join(columns)}) VALUES"
            f" ({', '.join('?' for _ in columns)})",
            [*row.values(), _ago(now, 60 - age * 0.05)])


def _chat(tx: Transaction, tournament_id: str, ids: dict[str, str],
          lines: Sequence[tuple[str, str]], span_min: float, now: dt.datetime) -> None:
    for n, (sender, body) in enumerate(lines):
        tx.conn.execute(
            "INSERT INTO tournament_messages (id, tournament_id, sender_id, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), tournament_id, ids[sender], body,
             _ago(now, span_min - n * span_min / max(len(lines), 1))))


def seed_tournaments(tx: Transaction, ids: dict[str, str], now: dt.datetime,
                     make_user: MakeUser) -> str:
    """Write the three demo tournaments (``ids``: username -> user id, "demo" for the
    demo user; extra players are made with ``make_user``); returns the running cup's id
    (the inbox's notifications point at it)."""
    for username, display in EXTRA_PLAYERS:
        ids[username] = make_user(username, display)
    rnd = random.Random(14)

    running = _tournament(tx, name=world.TOURNAMENT_NAME, game=world.TOURNAMENT_GAME,
                          format=Format.DOUBLE_ELIM, host=ids[world.TOURNAMENT_HOST],
                          status="live", size=16, starts=_ago(now, 90),
                          created=_ago(now, 3 * 24 * 60))
    people = _participants(tx, running, [ids[p] for p in RUNNING_SEEDS], seeded=True)
    bracket = generate(running, Format.DOUBLE_ELIM, people)
    first_round = sum(1 for m in bracket.matches if m.bracket is Section.WINNERS
                      and m.round == 1)
    bracket = play(bracket, rnd, first_round + RUNNING_PLAYED_AFTER_ROUND_1)
    live = min((m for m in bracket.matches if m.status is MatchStatus.READY),
               key=lambda m: bracket.topo_index(m.id))
    bracket = start_match(bracket, live.id).bracket
    write_matches(tx, bracket, now)
    _chat(tx, running, ids, world.TOURNAMENT_CHAT, 90, now)

    league = _tournament(tx, name=LEAGUE_NAME, game=LEAGUE_GAME, format=Format.ROUND_ROBIN,
                         host=ids[LEAGUE_HOST], status="finished", size=8,
                         starts=_ago(now, 6 * 24 * 60), created=_ago(now, 9 * 24 * 60))
    people = _participants(tx, league, [ids[p] for p in LEAGUE_PLAYERS], seeded=True)
    table = generate(league, Format.ROUND_ROBIN, people)
    table = play(table, rnd, len(table.matches))
    write_matches(tx, table, now - dt.timedelta(days=5))
    _chat(tx, league, ids, LEAGUE_CHAT, 60 * 24 * 5, now)

    upcoming = _tournament(tx, name=OPEN_NAME, game=OPEN_GAME, format=Format.SINGLE_ELIM,
                           host=ids[OPEN_HOST], status="registration", size=OPEN_SIZE,
                           starts=now_timestamp(now + dt.timedelta(days=2)),
                           created=_ago(now, 60))
    _participants(tx, upcoming, [ids[p] for p in OPEN_PLAYERS], seeded=False)
    return running
