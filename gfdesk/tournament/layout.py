"""Where each match card, column header and connector line of a bracket goes. Qt-free,
pure (plain numbers; the view turns them into scene items).

Elimination brackets are drawn as bands of columns, one column per round:

- the winners bracket on top: round ``r`` has ``size / 2**r`` places, each match
  centred between the two it is fed by, so the tree's lines are straight elbows;
- the losers bracket below it: rounds 1 and 2 have ``size / 4`` places, then every
  odd round halves (two survivors meet) and every even round keeps the count (a
  survivor meets a player dropping from the winners bracket); a match that was not
  created (two byes) leaves its place empty;
- the grand final (and its reset) to the right of the widest band, between the two
  bands' finals; a third-place match under the final.

Connectors join a match to the match its winner goes to, ending at the slot it fills.
Losers dropping from the winners bracket are not drawn as lines (they would cross
the whole picture); the empty slot names where its player comes from instead
(``slot_hint``). Round robin and Swiss matches are columns of pairings per round.

A bracket's layout depends only on its structure (places and links), never on
results: a result moves nothing, so a live update repaints one card. Its headers are
words in the user's language of the moment (a language switch lays it out again).
"""

from __future__ import annotations

from dataclasses import dataclass

from gfdesk.i18nmark import translate
from gfdesk.tournament.graph import Bracket, Feed
from gfdesk.tournament.matches import Match, MatchStatus, Section, is_third_place

CARD_W = 224.0
CARD_H = 60.0
COL_GAP = 56.0
ROW_GAP = 14.0
HEADER_H = 40.0
BAND_GAP = 48.0
MARGIN = 24.0

# Bracket notation ("W2/3", "GF1"), the same in every language the way start.gg and
# Challonge print it.
_TAG = {Section.WINNERS: "W", Section.LOSERS: "L",  # i18n: verbatim
        Section.GRAND_FINAL: "GF", Section.ROUND_ROBIN: "R"}  # i18n: verbatim


@dataclass(frozen=True, slots=True)
class CardBox:
    """A match card's top-left corner."""

    match_id: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Header:
    """A column header: its text and top-left corner (it is ``CARD_W`` wide)."""

    title: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Connector:
    """A line from a match to the slot its winner fills, as a polyline."""

    source_id: str
    target_id: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Layout:
    """Everything placed, and the size of the whole picture."""

    cards: dict[str, CardBox]
    headers: tuple[Header, ...]
    connectors: tuple[Connector, ...]
    width: float
    height: float


def tag(match: Match) -> str:
    """A short name for a match: ``"W2/3"``, ``"L4/1"``, ``"GF1"``, ``"R3/2"``."""
    if match.bracket is Section.GRAND_FINAL:
        return f"GF{match.round}"  # i18n: verbatim
    return f"{_TAG[match.bracket]}{match.round}/{match.position}"


def round_title(bracket: Bracket, section: Section, round_: int) -> str:
    """The header of a column ("Semi-finals", "Losers round 3", "Grand final"), in the
    user's language."""
    if section is Section.GRAND_FINAL:
        return (translate("bracket", "Grand final") if round_ == 1
                else translate("bracket", "Grand final reset"))
    if section is Section.ROUND_ROBIN:
        return translate("bracket", "Round {round}").format(round=round_)
    last = bracket.last_round(section)
    if section is Section.LOSERS:
        return (translate("bracket", "Losers final") if round_ == last
                else translate("bracket", "Losers round {round}").format(round=round_))
    from_end = last - round_
    # Whole phrases (not a "Winners " prefix) so that each language orders its own words.
    if bracket.section(Section.GRAND_FINAL):  # double elimination: its winners bracket
        if from_end == 0:
            return translate("bracket", "Winners final")
        if from_end == 1:
            return translate("bracket", "Winners semi-finals")
        if from_end == 2:
            return translate("bracket", "Winners quarter-finals")
        return translate("bracket", "Winners round {round}").format(round=round_)
    if from_end == 0:
        return translate("bracket", "Final")
    if from_end == 1:
        return translate("bracket", "Semi-finals")
    if from_end == 2:
        return translate("bracket", "Quarter-finals")
    return translate("bracket", "Round {round}").format(round=round_)


def match_name(match: Match) -> str:
    """A match's name on its card and in the host console ("Winners round 1 match 2",
    "Grand final"), in the user's language (``matches.describe`` is the English one of
    errors and logs)."""
    if match.bracket is Section.GRAND_FINAL:
        return (translate("bracket", "Grand final") if match.round == 1
                else translate("bracket", "Grand final reset"))
    if match.bracket is Section.WINNERS:
        text = translate("bracket", "Winners round {round} match {position}")
    elif match.bracket is Section.LOSERS:
        text = translate("bracket", "Losers round {round} match {position}")
    else:
        text = translate("bracket", "Round {round} match {position}")
    return text.format(round=match.round, position=match.position)


def slot_source(bracket: Bracket, match: Match, slot: int) -> tuple[Feed, Match] | None:
    """The match whose winner (or loser) will fill an empty slot, or None: a bye (no
    player will come)."""
    feeder = bracket.feeder(match.id, slot)
    if feeder is None:
        return None
    source = bracket.match(feeder.match_id)
    if source.status is MatchStatus.DONE:
        return None
    return feeder.feed, source


def slot_hint(bracket: Bracket, match: Match, slot: int) -> str:
    """What an empty slot waits for ("Winner of W1/2", "Loser of W3/1"), or "Bye", in the
    user's language."""
    source = slot_source(bracket, match, slot)
    if source is None:
        return translate("bracket", "Bye")
    feed, feeder = source
    if feed is Feed.WINNER:
        return translate("bracket", "Winner of {match}").format(match=tag(feeder))
    return translate("bracket", "Loser of {match}").format(match=tag(feeder))


def _losers_places(size: int, round_: int) -> int:
    """How many places losers round ``round_`` has in a bracket of ``size`` slots."""
    if round_ <= 2:
        return max(1, size // 4)
    j = round_ // 2
    places: int = size // 2 ** (j + 1) if round_ % 2 == 0 else size // 2 ** (j + 2)
    return max(1, places)


def layout(bracket: Bracket) -> Layout:
    """Place every match of ``bracket``."""
    if bracket.format.is_league:
        return _league(bracket)
    return _elimination(bracket)


def _column_x(column: int) -> float:
    return MARGIN + column * (CARD_W + COL_GAP)


def _band(matches: tuple[Match, ...], top: float, places: dict[int, int], height: float,
          cards: dict[str, CardBox], skip: set[str]) -> None:
    for m in matches:
        if m.id in skip:
            continue
        span = height / places[m.round]
        cards[m.id] = CardBox(m.id, _column_x(m.round - 1),
                              top + (m.position - 1) * span + (span - CARD_H) / 2)


def _elimination(bracket: Bracket) -> Layout:
    pitch = CARD_H + ROW_GAP
    winners = bracket.section(Section.WINNERS)
    w_rounds = bracket.last_round(Section.WINNERS)
    size = 2 * sum(1 for m in winners if m.round == 1)
    w_top = MARGIN + HEADER_H
    w_height = (size // 2) * pitch
    cards: dict[str, CardBox] = {}
    headers: list[Header] = []
    third = {m.id for m in winners if is_third_place(m, w_rounds)}
    _band(winners, w_top, {r: max(1, size // 2 ** r) for r in range(1, w_rounds + 1)},
          w_height, cards, third)
    headers += [Header(round_title(bracket, Section.WINNERS, r), _column_x(r - 1), MARGIN)
                for r in range(1, w_rounds + 1)]
    bottom = w_top + w_height
    final = next((m for m in winners if m.round == w_rounds and m.position == 1), None)
    for m in winners:
        if m.id in third and final is not None:
            y = cards[final.id].y + CARD_H + ROW_GAP + HEADER_H
            headers.append(Header(translate("bracket", "Third place"), cards[final.id].x,
                                  y - HEADER_H + 8))
            cards[m.id] = CardBox(m.id, cards[final.id].x, y)
            bottom = max(bottom, y + CARD_H)
    losers = bracket.section(Section.LOSERS)
    l_rounds = bracket.last_round(Section.LOSERS)
    l_top = l_height = 0.0
    if losers:
        l_top = bottom + BAND_GAP + HEADER_H
        l_height = max(1, size // 4) * pitch
        _band(losers, l_top, {r: _losers_places(size, r) for r in range(1, l_rounds + 1)},
              l_height, cards, set())
        headers += [Header(round_title(bracket, Section.LOSERS, r), _column_x(r - 1),
                           l_top - HEADER_H) for r in range(1, l_rounds + 1)]
        bottom = l_top + l_height
    finals = bracket.section(Section.GRAND_FINAL)
    columns = max(w_rounds, l_rounds)
    if finals:
        w_final = cards[final.id].y if final is not None else w_top
        l_final = next((cards[m.id].y for m in losers if m.round == l_rounds), w_final)
        y = (w_final + l_final) / 2
        for m in finals:
            x = _column_x(columns + m.round - 1)
            cards[m.id] = CardBox(m.id, x, y)
            headers.append(Header(round_title(bracket, Section.GRAND_FINAL, m.round), x,
                                  y - HEADER_H))
        columns += len(finals)
    connectors = tuple(_connectors(bracket, cards))
    return Layout(cards, tuple(headers), connectors, _column_x(columns) - COL_GAP + MARGIN,
                  bottom + MARGIN)


def _connectors(bracket: Bracket, cards: dict[str, CardBox]) -> list[Connector]:
    out = []
    for m in bracket.matches:
        if m.next_match_id is None or m.next_slot is None or m.id not in cards:
            continue
        target = cards.get(m.next_match_id)
        if target is None:
            continue
        source = cards[m.id]
        x1, y1 = source.x + CARD_W, source.y + CARD_H / 2
        x2 = target.x
        y2 = target.y + CARD_H * (0.3 if m.next_slot == 1 else 0.7)
        if abs(y1 - y2) < 0.5:
            points: tuple[tuple[float, float], ...] = ((x1, y1), (x2, y2))
        else:
            mid = x2 - COL_GAP / 2
            points = ((x1, y1), (mid, y1), (mid, y2), (x2, y2))
        out.append(Connector(m.id, m.next_match_id, points))
    return out


def _league(bracket: Bracket) -> Layout:
    pitch = CARD_H + ROW_GAP
    rounds = bracket.last_round(Section.ROUND_ROBIN)
    cards = {m.id: CardBox(m.id, _column_x(m.round - 1),
                           MARGIN + HEADER_H + (m.position - 1) * pitch)
             for m in bracket.matches}
    headers = tuple(Header(round_title(bracket, Section.ROUND_ROBIN, r), _column_x(r - 1),
                           MARGIN) for r in range(1, rounds + 1))
    deepest = max((m.position for m in bracket.matches), default=1)
    return Layout(cards, headers, (), _column_x(max(rounds, 1)) - COL_GAP + MARGIN,
                  MARGIN + HEADER_H + deepest * pitch + MARGIN)
