"""Bracket benchmark: a 256-player double elimination (issue 14, "Performance").

Engine figures (``gfdesk.tournament``, pure Python, no Qt, one thread):

- ``generate_ms``: generating the whole bracket (511 matches with the grand-final reset,
  ids, links, first-round byes settled), median of ``--repeats`` runs;
- ``apply_result_ms``: reporting one result with its progression (the returned update
  holds the rows to write), median over every result of ``--playouts`` complete
  tournaments played in a seeded random order (511 or 510 results each); its p95
  and maximum beside it;
- ``correct_result_ms``: correcting a first-round result whose downstream matches
  are not played yet (the winner changes, so both the winner's and the loser's next
  matches are recomputed), median.

View figures (Qt offscreen, the real ``BracketScene``/``BracketView`` fed by the
tournament page's ``TournamentFeed`` and ``BracketModel``):

- ``scene_build_ms``: building the full scene of the 256-player double elimination
  (every card, header and connector) in a shown view and painting it once, median;
- ``update_ms``: one live match update (a ``tournament_matches`` row marking a match
  live, as the channel delivers it) applied to the open view, repaint included,
  median over ``--updates`` different matches;
- ``update_ratio`` = ``update_ms / scene_build_ms`` (target under 0.05: an update
  touches only what changed).

Live score figures (``bench_scores``): a hub on loopback (its own thread and loop), a
host client and a viewer app's page (feed, bracket model, scene, view) in this
process. The host broadcasts ``--scores`` live scores (``score_update`` on the private
``tournament:{id}`` channel, one every ``SCORE_GAP_S``) straight through its service,
the throttle being the console's policy and not the path measured; each is timed from
just before the broadcast to the moment the viewer's card shows it and is repainted:
``score_to_screen_p50_ms`` and ``score_to_screen_p99_ms`` (target p99 under 100 ms).

Usage: python bench/bracket.py [--quick] [--repeats N] [--playouts N] [--updates N]
       [--scores N]
Last line: one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gfdesk.tournament.bracket import (  # noqa: E402
    Bracket,
    Format,
    MatchStatus,
    Participant,
    Result,
    apply_result,
    generate,
)

PLAYERS = 256
TOURNAMENT_ID = str(uuid.UUID("0d9d8a52-3c1e-4f6b-9a57-2b4c6e8f1a03"))

#: Measurements that need the Qt view or the hub (``bench/support/bracketview.py``): each takes
#: the parsed arguments and the generated bracket and returns its figures, which are
#: printed and merged into the JSON line.
VIEW_MEASUREMENTS: list[Callable[[argparse.Namespace, Bracket], dict[str, float]]] = []


def participants(count: int = PLAYERS) -> list[Participant]:
    return [Participant(str(uuid.UUID(int=i)), i) for i in range(1, count + 1)]


def ms(ns: int) -> float:
    return ns / 1e6


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_generate(repeats: int) -> list[float]:
    people = participants()
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter_ns()
        generate(TOURNAMENT_ID, Format.DOUBLE_ELIM, people)
        times.append(ms(time.perf_counter_ns() - start))
    return times


def result_for(bracket: Bracket, rnd: random.Random) -> Result:
    match = rnd.choice([m for m in bracket.matches if m.status is MatchStatus.READY])
    a, b = rnd.choice([(2, 0), (2, 1), (0, 2), (1, 2), (3, 2)])
    return Result(match.id, a, b)


def measure_apply(playouts: int) -> tuple[list[float], int]:
    """Times of every apply_result over ``playouts`` seeded tournaments, and the number
    of rows the updates asked to write in total."""
    times: list[float] = []
    rows = 0
    for seed in range(playouts):
        rnd = random.Random(seed)
        bracket = generate(TOURNAMENT_ID, Format.DOUBLE_ELIM, participants())
        gc.collect()
        while any(m.status is MatchStatus.READY for m in bracket.matches):
            # Choosing the match is the caller's part (the host clicks one): not timed.
            result = result_for(bracket, rnd)
            start = time.perf_counter_ns()
            update = apply_result(bracket, result)
            times.append(ms(time.perf_counter_ns() - start))
            rows += len(update.changed)
            bracket = update.bracket
    return times, rows


def measure_correct(repeats: int) -> list[float]:
    bracket = generate(TOURNAMENT_ID, Format.DOUBLE_ELIM, participants())
    first_round = [m for m in bracket.matches if m.status is MatchStatus.READY][:repeats]
    times = []
    for match in first_round:
        reported = apply_result(bracket, Result(match.id, 2, 0)).bracket
        gc.collect()
        start = time.perf_counter_ns()
        apply_result(reported, Result(match.id, 0, 2))
        times.append(ms(time.perf_counter_ns() - start))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, well under a minute")
    parser.add_argument("--repeats", type=int, default=None,
                        help="generations and corrections timed (default 50, quick 15)")
    parser.add_argument("--playouts", type=int, default=None,
                        help="tournaments played out (default 5, quick 1)")
    parser.add_argument("--updates", type=int, default=None,
                        help="live updates timed in the view (default 60, quick 20)")
    parser.add_argument("--scores", type=int, default=200,
                        help="live scores sent through the hub (default 200)")
    parser.add_argument("--no-view", action="store_true",
                        help="engine figures only (no Qt, no hub)")
    args = parser.parse_args()
    if not args.no_view:
        from support.bracketview import measure_scores, measure_view

        VIEW_MEASUREMENTS.extend([measure_view, measure_scores])
    repeats = args.repeats or (15 if args.quick else 50)
    playouts = args.playouts or (1 if args.quick else 5)

    generated = generate(TOURNAMENT_ID, Format.DOUBLE_ELIM, participants())
    gen = measure_generate(repeats)
    applied, rows = measure_apply(playouts)
    corrected = measure_correct(min(repeats, PLAYERS // 2))
    figures: dict[str, float | int | bool] = {
        "quick": args.quick,
        "players": PLAYERS,
        "matches": len(generated.matches),
        "generate_ms": round(statistics.median(gen), 3),
        "generate_max_ms": round(max(gen), 3),
        "apply_result_ms": round(statistics.median(applied), 3),
        "apply_result_p95_ms": round(percentile(applied, 0.95), 3),
        "apply_result_max_ms": round(max(applied), 3),
        "results_applied": len(applied),
        "rows_per_result": round(rows / len(applied), 2),
        "correct_result_ms": round(statistics.median(corrected), 3),
    }
    print(f"256-player double elimination: {figures['matches']} matches")
    print(f"generate:      {figures['generate_ms']} ms median of {len(gen)} "
          f"(max {figures['generate_max_ms']} ms)")
    print(f"apply_result:  {figures['apply_result_ms']} ms median of {len(applied)} results "
          f"(p95 {figures['apply_result_p95_ms']} ms, max {figures['apply_result_max_ms']} ms, "
          f"{figures['rows_per_result']} rows written per result)")
    print(f"correct:       {figures['correct_result_ms']} ms median of {len(corrected)} "
          "first-round corrections")
    for measure in VIEW_MEASUREMENTS:
        extra = measure(args, generated)
        for name, value in extra.items():
            print(f"{name}: {value}")
        figures.update(extra)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
