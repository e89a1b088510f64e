"""The bracket view: every match drawn, a live update repaints one card, zoom, pan, fit,
selection, and names painted as plain text."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.tournament.bracket import Format, MatchStatus, Section
from gfdesk.tournament.bracketmodel import BracketModel
from gfdesk.tournament.bracketscene import BracketScene
from gfdesk.tournament.bracketview import MAX_ZOOM, MIN_ZOOM, BracketView
from gfdesk.tournament.cards import LineState
from gfdesk.tournament.info import Entrant
from gfdesk.tournament.scores import LiveScore
from tests.gui.tournament.handfed import fed, stamped

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def shown(qtbot: QtBot, count: int, fmt: Format = Format.DOUBLE_ELIM, **kw: object
          ) -> tuple[BracketModel, BracketScene, BracketView]:
    feed = fed(count, fmt, **kw)  # type: ignore[arg-type]
    model = BracketModel(feed, feed.service.user_id)
    feed._on_matches = model.on_matches  # the page model's wiring, by hand
    feed._on_score = model.on_score
    scene = BracketScene(model, QApplication.font())
    view = BracketView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.fit()
    QApplication.processEvents()
    return model, scene, view


def test_every_match_of_a_64_player_double_elimination_is_drawn(qtbot: QtBot) -> None:
    model, scene, view = shown(qtbot, 64)
    bracket = model.bracket
    assert bracket is not None and len(bracket.matches) == 127
    assert set(scene.cards) == {m.id for m in bracket.matches}
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.sceneRect())  # fitted: the whole bracket on screen
    QApplication.processEvents()
    assert all(card.paints >= 1 for card in scene.cards.values())
    # Each card shows its own match: first-round cards name both seeded players.
    first = next(m for m in bracket.matches if m.bracket is Section.WINNERS and m.round == 1)
    card = scene.cards[first.id].card
    assert (card.top.name, card.bottom.name) == ("Player 1", "Player 64")
    headers = {i.text() for i in scene.items() if hasattr(i, "text")}
    assert {"Winners round 1", "Winners final", "Losers final", "Grand final"} <= headers


def test_a_live_update_repaints_only_that_matchs_card(qtbot: QtBot) -> None:
    model, scene, view = shown(qtbot, 64)
    feed = model._feed
    bracket = model.bracket
    assert bracket is not None
    QApplication.processEvents()
    for card in scene.cards.values():
        card.paints = 0
    target = next(m for m in bracket.matches if m.status is MatchStatus.READY)
    rebuilt: list[bool] = []
    model.rebuilt.connect(lambda: rebuilt.append(True))
    feed._on_match_row(stamped(replace(target, status=MatchStatus.LIVE).to_row(), 5))
    feed._on_score_broadcast(LiveScore(target.id, 2, 1))
    QApplication.processEvents()
    painted = {mid for mid, card in scene.cards.items() if card.paints}
    assert painted == {target.id}
    assert not rebuilt
    card = scene.cards[target.id].card
    assert card.live and card.live_score and (card.top.score, card.bottom.score) == ("2", "1")


def test_a_result_moves_the_winner_on_and_marks_winner_and_loser(qtbot: QtBot) -> None:
    model, scene, _view = shown(qtbot, 8, Format.SINGLE_ELIM, me=8)
    feed = model._feed
    from gfdesk.tournament.bracket import Result, apply_result

    bracket = model.bracket
    assert bracket is not None
    first = bracket.matches[0]
    update = apply_result(bracket, Result(first.id, 2, 0))
    for n, match in enumerate(update.changed, start=1):
        feed._on_match_row(stamped(match.to_row(), n))
    card = scene.cards[first.id].card
    assert (card.top.state, card.bottom.state) == (LineState.WINNER, LineState.LOSER)
    assert card.mine  # seed 8 plays seed 1 in the first match
    following = scene.cards[first.next_match_id].card  # type: ignore[index]
    assert following.top.name == "Player 1" and following.bottom.state is LineState.WAITING
    assert following.bottom.hint == "Winner of W1/2"


def test_zoom_with_keys_and_wheel_stays_within_limits_and_fit_shows_all(
        qtbot: QtBot) -> None:
    _model, scene, view = shown(qtbot, 16)
    start = view.zoom
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom > start
    for _ in range(60):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(MAX_ZOOM)
    for _ in range(120):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(MIN_ZOOM)
    qtbot.keyClick(view, Qt.Key.Key_0)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.sceneRect())


def test_a_click_selects_a_card_and_a_drag_pans(qtbot: QtBot) -> None:
    model, scene, view = shown(qtbot, 16)
    view.zoom_by(2.0)
    clicked: list[str] = []
    view.match_clicked.connect(clicked.append)
    match_id, card = next(iter(scene.cards.items()))
    view.centerOn(card)
    QApplication.processEvents()
    point = view.mapFromScene(card.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked == [match_id]
    before = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), point - QPoint(step * 30, step * 20))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       pos=point - QPoint(150, 100))
    after = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    assert after != before and clicked == [match_id]
    model.select(match_id)
    assert scene.cards[match_id].selected


def test_names_are_plain_text(qtbot: QtBot) -> None:
    model, scene, _view = shown(qtbot, 4, Format.SINGLE_ELIM)
    feed = model._feed
    feed.entrants = [Entrant(e.user_id, e.seed, "<b>Bold</b> & <i>x</i>")
                     for e in feed.entrants]
    model.on_matches(())
    card = next(iter(scene.cards.values())).card
    assert card.top.name == "<b>Bold</b> & <i>x</i>"  # painted with drawText as is
