"""The names shown for a person gfdesk cannot name ("Unknown", "Someone") and an untitled
group's title ("Just you", "… and 2 more") are worded by the Qt-free services in the
user's language, and follow a switch."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from gfdesk import fallbacknames
from gfdesk.calls.service import CallService
from gfdesk.chat.conversations import ConversationKind, conversation_title
from gfdesk.chat.service import ChatService
from gfdesk.hub.runner import RunningHub
from gfdesk.tournament.bracket import Format, generate
from gfdesk.tournament.cards import card
from gfdesk.tournament.service import TournamentService
from gfdesk.ui.language import Languages
from tests.gui.languages import languages
from tests.gui.tournament.handfed import TID, people
from tests.helpers.hubfixture import close_client, user_client

__all__ = ["languages"]  # the fixture


def _tournament_names() -> list[str]:
    service = TournamentService(None, None, None, "me")  # type: ignore[arg-type]
    bracket = generate(TID, Format.SINGLE_ELIM, people(2))
    (match,) = bracket.matches
    shown = card(bracket, match, names={}, seeds={}, me=None)
    return [service.name_of("nobody"), shown.top.name, shown.bottom.name]


def _chat_names() -> list[str]:
    service = ChatService(None, None, None, "me")  # type: ignore[arg-type]
    return [service.name_of("nobody"),
            conversation_title(ConversationKind.DIRECT, None, ["me", "nobody"], "me", {})]


def _group_titles() -> list[str]:
    """An untitled group of one (just the user) and of five others."""
    names = {f"p{i}": f"P{i}" for i in range(5)}
    return [conversation_title(ConversationKind.GROUP, None, ["me"], "me", {}),
            conversation_title(ConversationKind.GROUP, None, ["me", *names], "me", names)]


async def _caller_name() -> str:
    # No client: reading the profile fails, and the call goes on with the fallback.
    service = CallService(None, None, "me")  # type: ignore[arg-type]
    return await service.name_of("nobody")


async def test_unknown_and_someone_are_german_after_a_switch(qtbot: QtBot,
                                                            languages: Languages) -> None:
    assert _tournament_names() == ["Unknown"] * 3
    assert _chat_names() == ["Unknown"] * 2
    assert _group_titles() == ["Just you", "P0, P1, P2 and 2 more"]
    assert await _caller_name() == "Someone"

    languages.apply("de")
    assert (fallbacknames.unknown(), fallbacknames.someone()) == ("Unbekannt", "Jemand")
    assert _tournament_names() == ["Unbekannt"] * 3
    assert _chat_names() == ["Unbekannt"] * 2
    assert _group_titles() == ["Nur du", "P0, P1, P2 und 2 weitere"]
    assert await _caller_name() == "Jemand"

    languages.apply("pt_BR")
    assert _tournament_names() == ["Desconhecido"] * 3
    assert _group_titles() == ["Só você", "P0, P1, P2 e mais 2"]
    assert await _caller_name() == "Alguém"


async def test_a_fallback_already_cached_follows_a_switch(
        qtbot: QtBot, languages: Languages, hub: RunningHub) -> None:
    # A caller whose profile the user cannot read, asked for before the switch: the
    # cache keeps what was read, and the fallback is worded when it is asked for.
    client = await user_client(hub, "ada@example.com")
    try:
        calls = CallService(client, None, "me")  # type: ignore[arg-type]
        nobody = str(uuid.uuid4())
        assert await calls.name_of(nobody) == "Someone"
        assert calls.cached_name(nobody) is None
        tournaments = TournamentService(None, None, None, "me")  # type: ignore[arg-type]
        read = tournaments._remember({"id": "nameless"})  # a row as the server sends it
        assert read.name == tournaments.name_of("nameless") == "Unknown"

        languages.apply("de")
        assert await calls.name_of(nobody) == "Jemand"
        assert tournaments.name_of("nameless") == "Unbekannt"
    finally:
        await close_client(client)
