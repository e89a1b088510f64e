"""The client's pure tournament modules: rows, live scores and the throttle, layout,
placements and CSV."""

from __future__ import annotations

import csv
import io

import pytest

from gfdesk.tournament.bracket import Format, Section, describe, generate
from gfdesk.tournament.export import placements, safe_cell, standings_csv
from gfdesk.tournament.info import (
    Entrant,
    Tournament,
    TournamentStatus,
    seeded,
    tournament_row,
)
from gfdesk.tournament.layout import CARD_H, layout, round_title, slot_hint
from gfdesk.tournament.scores import LiveScore, ScoreThrottle, count_from_payload
from tests.unit.tournament.play import TID, at, finished, players, win


@pytest.mark.parametrize(("text", "status"), [
    ("registration", TournamentStatus.REGISTRATION), ("live", TournamentStatus.LIVE),
    ("finished", TournamentStatus.FINISHED), ("open", TournamentStatus.REGISTRATION),
    ("completed", TournamentStatus.FINISHED), ("in_progress", TournamentStatus.LIVE),
    (None, TournamentStatus.LIVE),
])
def test_statuses_of_other_clients_are_read_sensibly(text: str | None,
                                                     status: TournamentStatus) -> None:
    assert TournamentStatus.parse(text) is status


def test_a_tournament_row_round_trips_and_bad_fields_are_refused() -> None:
    row = tournament_row(TID, "h", " Cup ", "Chess", Format.SWISS, 16, None)
    t = Tournament.from_row({**row, "created_at": "2026-01-01T00:00:00+00:00"}, 3)
    assert (t.name, t.format, t.status, t.participant_count) == (
        "Cup", Format.SWISS, TournamentStatus.REGISTRATION, 3)
    assert t.is_open and t.players_text() == "3 / 16 players"
    assert not t.with_count(16).is_open
    with pytest.raises(ValueError, match="name"):
        tournament_row(TID, "h", "  ", "Chess", Format.SWISS, 16, None)
    with pytest.raises(ValueError, match="2 to 1024"):
        tournament_row(TID, "h", "Cup", "Chess", Format.SWISS, 1, None)
    with pytest.raises(ValueError):
        Tournament.from_row({**row, "format": "ladder", "created_at": row["id"]})


def test_unseeded_entrants_come_after_the_seeded_ones() -> None:
    entrants = [Entrant("c", None, "C"), Entrant("a", 2, "A"), Entrant("b", 1, "B"),
                Entrant("d", None, "D")]
    assert [(p.id, p.seed) for p in seeded(entrants)] == [("b", 1), ("a", 2), ("c", 3),
                                                          ("d", 4)]


@pytest.mark.parametrize(("payload", "score"), [
    ({"match_id": "m", "score1": 2, "score2": 1}, LiveScore("m", 2, 1)),
    ({"match_id": "m", "score1": 2.0, "score2": 0}, LiveScore("m", 2, 0)),
    ({"match_id": "m", "score1": -1, "score2": 0}, None),
    ({"match_id": "m", "score1": True, "score2": 0}, None),
    ({"match_id": "", "score1": 1, "score2": 0}, None),
    ({"score1": 1, "score2": 0}, None),
    ({"match_id": "m", "score1": "1", "score2": 0}, None),
])
def test_score_payloads_are_read_whole_or_not_at_all(payload: dict[str, object],
                                                     score: LiveScore | None) -> None:
    assert LiveScore.from_payload(payload) == score


def test_counts() -> None:
    assert count_from_payload({"count": 5}) == 5
    assert count_from_payload({"count": "5"}) is None
    assert count_from_payload({}) is None


def test_the_throttle_lets_the_newest_score_of_a_burst_out_at_the_end() -> None:
    throttle = ScoreThrottle(0.25)
    assert throttle.offer(LiveScore("m", 1, 0), 10.0) == LiveScore("m", 1, 0)
    assert throttle.offer(LiveScore("m", 2, 0), 10.05) is None
    assert throttle.offer(LiveScore("m", 3, 0), 10.1) is None
    assert throttle.offer(LiveScore("x", 0, 1), 10.1) == LiveScore("x", 0, 1)
    assert throttle.next_due() == pytest.approx(10.25)
    assert throttle.due(10.2) == []
    assert throttle.due(10.25) == [LiveScore("m", 3, 0)]
    assert throttle.next_due() is None
    throttle.offer(LiveScore("m", 4, 0), 10.3)
    throttle.forget("m")
    assert throttle.next_due() is None
    # Over any second, at most 1/interval broadcasts of one match.
    throttle = ScoreThrottle(0.25)
    sent = [t / 100 for t in range(0, 200) if throttle.offer(LiveScore("m", t, 0), t / 100)]
    assert len(sent) == 8


def test_round_titles() -> None:
    single = generate(TID, Format.SINGLE_ELIM, players(8))
    assert [round_title(single, Section.WINNERS, r) for r in (1, 2, 3)] == [
        "Quarter-finals", "Semi-finals", "Final"]
    double = generate(TID, Format.DOUBLE_ELIM, players(16))
    assert round_title(double, Section.WINNERS, 1) == "Winners round 1"
    assert round_title(double, Section.WINNERS, 4) == "Winners final"
    assert round_title(double, Section.LOSERS, 6) == "Losers final"
    assert round_title(double, Section.GRAND_FINAL, 2) == "Grand final reset"


@pytest.mark.parametrize("count", [2, 3, 5, 8, 13, 64, 256])
def test_every_match_has_a_card_and_no_two_cards_overlap(count: int) -> None:
    for fmt in Format:
        bracket = generate(TID, fmt, players(count), third_place=True)
        placed = layout(bracket)
        assert set(placed.cards) == {m.id for m in bracket.matches}
        boxes = sorted((b.x, b.y) for b in placed.cards.values())
        for (x1, y1), (x2, y2) in zip(boxes, boxes[1:], strict=False):
            assert x1 != x2 or y2 - y1 >= CARD_H
        for box in placed.cards.values():
            assert 0 <= box.x and 0 <= box.y
            assert box.y + CARD_H <= placed.height


def test_winners_are_drawn_between_the_matches_that_feed_them() -> None:
    bracket = generate(TID, Format.DOUBLE_ELIM, players(16))
    placed = layout(bracket)
    for m in bracket.matches:
        if m.bracket is Section.WINNERS and m.round > 1:
            feeders = [bracket.feeder(m.id, s) for s in (1, 2)]
            ys = [placed.cards[f.match_id].y for f in feeders if f is not None]
            assert placed.cards[m.id].y == pytest.approx(sum(ys) / 2)
    # Every connector ends at a card's left edge.
    lefts = {b.x for b in placed.cards.values()}
    assert all(c.points[-1][0] in lefts for c in placed.connectors)
    assert len(placed.connectors) == sum(
        1 for m in bracket.matches if m.next_match_id is not None)


def test_empty_slots_say_what_they_wait_for() -> None:
    bracket = generate(TID, Format.DOUBLE_ELIM, players(8))
    losers_first = bracket.match(at(bracket, "L1/1"))
    assert slot_hint(bracket, losers_first, 1) == "Loser of W1/1"
    semi = bracket.match(at(bracket, "W2/1"))
    assert slot_hint(bracket, semi, 2) == "Winner of W1/2"


def test_placements_of_a_finished_double_elimination() -> None:
    bracket = finished(Format.DOUBLE_ELIM, 8, seed=3)
    places = placements(bracket, describe)
    assert [p.place for p in places][:2] == [1, 2]
    assert sorted(p.participant_id for p in places) == sorted(p.id for p in players(8))
    assert places[0].losses <= 1 and places[-1].losses == 2
    # Shared places: the two who went out in losers round 1 share 7th.
    assert [p.place for p in places][-2:] == [7, 7]


def test_third_place_match_decides_third_and_fourth() -> None:
    bracket = generate(TID, Format.SINGLE_ELIM, players(4), third_place=True)
    for tag_, winner in (("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p2"), ("W2/2", "p4")):
        bracket = win(bracket, tag_, winner)
    assert [(p.place, p.participant_id) for p in placements(bracket, describe)] == [
        (1, "p2"), (2, "p1"), (3, "p4"), (4, "p3")]


def test_csv_never_runs_a_name_as_a_formula() -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and safe_cell("Ada") == "Ada"
    bracket = finished(Format.ROUND_ROBIN, 4, seed=1)
    names = {"p1": "=cmd", "p2": "Bob", "p3": "+1", "p4": "Dee"}
    rows = list(csv.reader(io.StringIO(standings_csv(bracket, names.__getitem__, describe))))
    assert rows[0][:3] == ["rank", "player", "seed"]
    assert {r[1] for r in rows[1:]} == {"'=cmd", "Bob", "'+1", "Dee"}
    elimination = standings_csv(finished(Format.SINGLE_ELIM, 5), str, describe)
    assert elimination.splitlines()[0] == "place,player,seed,wins,losses,out_in"
