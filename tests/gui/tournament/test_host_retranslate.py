"""The host console and the bracket of a tournament we host, on the real hub, re-word
themselves live: German after a switch, English again after switching back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from gfdesk.tournament.bracket import MatchStatus, Section
from gfdesk.tournament.bracketscene import BracketScene
from gfdesk.tournament.feature import TournamentFeature
from gfdesk.tournament.hostview import HostConsoleView
from gfdesk.tournament.page import TournamentPage
from gfdesk.ui.language import Languages
from tests.gui.languages import languages
from tests.gui.tournament.live import feature_for, opened, until
from tests.helpers.tournamentworld import TournamentWorld, sign_up

__all__ = ["languages"]  # the fixture

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


async def hosted_page(world: TournamentWorld, qtbot: QtBot, features: list[TournamentFeature],
                      *, players: int) -> TournamentPage:
    """The page of a new tournament of ``players`` players, opened by its host."""
    host = await world.player("host")
    signed_up = [await sign_up(world.hub, f"p{i}") for i in range(players)]
    tid = await world.tournament(host, players=signed_up)
    feature = await feature_for(host, qtbot, features)
    await opened(feature, tid)
    page = feature.view.page
    assert page is not None and page.console is not None
    return page


def headers(scene: BracketScene) -> set[str]:
    return {item.text() for item in scene.items() if isinstance(item, QGraphicsSimpleTextItem)}


def console_texts(console: HostConsoleView) -> dict[str, str]:
    return {
        "tournament": console.tournament_box.title(),
        "finish": console.finish_button.text(),
        "unstart": console.unstart_button.text(),
        "match_box": console.match_box.title(),
        "title": console.match_title.text(),
        "result": console.result_button.text(),
        "live": console.live_button.text(),
        "tooltip": console.score1.toolTip(),
    }


ENGLISH = {
    "tournament": "Tournament", "finish": "Finish tournament", "unstart": "Take bracket back",
    "match_box": "Match", "title": "Winners round 1 match 1 (W1/1): ready",
    "result": "Report result", "live": "Mark live",
    "tooltip": "The live score: every change is broadcast to viewers",
}
GERMAN = {
    "tournament": "Turnier", "finish": "Turnier beenden", "unstart": "Bracket zurücknehmen",
    "match_box": "Match", "title": "Gewinnerrunde 1, Match 1 (W1/1): bereit",
    "result": "Ergebnis melden", "live": "Als live markieren",
    "tooltip": "Der Live-Spielstand: jede Änderung geht sofort an alle Zuschauer",
}


async def test_host_console_and_bracket_follow_a_live_language_switch(
        tournament_world: TournamentWorld, qtbot: QtBot, languages: Languages,
        features: list[TournamentFeature]) -> None:
    page = await hosted_page(tournament_world, qtbot, features, players=4)
    model = page.model  # live already (``opened``)
    console = page.console
    assert console is not None

    # Before the start: the players box.
    assert console.start_button.text() == "Start tournament"
    languages.apply("de")
    await until(lambda: console.start_button.text() == "Turnier starten")
    assert console.players_box.title() == "Spieler und Setzliste"
    assert console.search.placeholderText() == "Spieler zum Hinzufügen suchen"
    assert console.random_button.text() == "Zufällige Setzliste"
    assert console.forfeit1.text() == "Spieler 1 gibt auf"
    languages.apply("en")
    await until(lambda: console.start_button.text() == "Start tournament")
    assert console.search.placeholderText() == "Find a player to add"

    # Started: a double elimination of four, the first winners match selected.
    qtbot.mouseClick(console.start_button, Qt.MouseButton.LeftButton)
    await until(lambda: model.feed.live.bracket is not None and bool(page.scene.cards),
                model.bracket.rebuilt)
    bracket = model.feed.live.bracket
    assert bracket is not None
    first = next(m for m in bracket.matches
                 if m.bracket is Section.WINNERS and m.round == 1 and m.position == 1)
    assert first.status is MatchStatus.READY
    model.bracket.select(first.id)
    await until(lambda: console_texts(console) == ENGLISH)
    english_headers = headers(page.scene)
    assert {"Winners semi-finals", "Winners final", "Losers final", "Grand final"} \
        <= english_headers
    assert page.scene.cards[first.id].toolTip() == "Winners round 1 match 1"
    assert page.bracket_view.accessibleName() == "Bracket"
    spoken = page.bracket_view.accessibleDescription()
    assert spoken.startswith("Winners round 1 match 1: ")
    name = console.player1.text()
    assert console.forfeit1.text() == f"{name} forfeits"

    languages.apply("de")
    await until(lambda: console_texts(console) == GERMAN)
    german_headers = headers(page.scene)
    assert {"Gewinner-Halbfinale", "Gewinnerfinale", "Verliererfinale", "Grand Final"} \
        <= german_headers
    assert not english_headers & german_headers
    assert page.scene.cards[first.id].toolTip() == "Gewinnerrunde 1, Match 1"
    assert page.bracket_view.accessibleName() == "Turnierbaum"
    assert page.bracket_view.accessibleDescription().startswith("Gewinnerrunde 1, Match 1: ")
    assert console.forfeit1.text() == f"{name} gibt auf"
    assert set(page.scene.cards) == {m.id for m in bracket.matches}  # every card again
    assert page.scene.cards[first.id].selected  # the selection kept
    # A waiting slot names its feeder in German.
    final = next(m for m in bracket.matches
                 if m.bracket is Section.WINNERS and m.round == 2)
    assert page.scene.cards[final.id].card.top.hint == "Sieger aus W1/1"

    # Armed, the finish button asks in the language of the moment.
    qtbot.mouseClick(console.finish_button, Qt.MouseButton.LeftButton)
    assert console.finish_button.text() == \
        "Nochmal klicken zum Beenden: die Ergebnisse sind endgültig"

    languages.apply("en")
    await until(lambda: console.match_title.text() == ENGLISH["title"])
    assert console.finish_button.text() == "Click again to finish: results are final"
    console._disarm()
    assert console_texts(console) == ENGLISH
    assert headers(page.scene) == english_headers
    assert page.scene.cards[final.id].card.top.hint == "Winner of W1/1"
    assert page.bracket_view.accessibleName() == "Bracket"
    assert page.bracket_view.accessibleDescription() == spoken


async def test_a_confirmation_follows_a_live_language_switch(
        tournament_world: TournamentWorld, qtbot: QtBot, languages: Languages,
        features: list[TournamentFeature]) -> None:
    page = await hosted_page(tournament_world, qtbot, features, players=2)
    console = page.console
    assert console is not None
    qtbot.mouseClick(console.start_button, Qt.MouseButton.LeftButton)
    await until(lambda: console.status.text() == "The tournament has started.")
    assert console.status.property("problem") is False

    languages.apply("de")
    await until(lambda: console.start_button.text() == "Turnier starten")
    assert console.status.text() == "Das Turnier hat begonnen."
    languages.apply("pt_BR")
    await until(lambda: console.start_button.text() == "Iniciar torneio")
    assert console.status.text() == "O torneio começou."
    languages.apply("en")
    await until(lambda: console.start_button.text() == "Start tournament")
    assert console.status.text() == "The tournament has started."
