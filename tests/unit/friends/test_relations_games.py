"""Pure friend logic: relations from friendships rows (both-asked, accepted wins,
incoming before outgoing), what each change concerned; game search and recent games;
player search text and ranking."""

from __future__ import annotations

import pytest

from gfdesk.friends.friendships import Friend, rank_matches, search_text
from gfdesk.friends.games import RECENT_MAX, clean_game, remember_game, search_games
from gfdesk.friends.relations import (
    Friendship,
    FriendshipBook,
    Relation,
    friendship_from_row,
)
from gfdesk.userstatus import CHOOSABLE, OFFLINE, Status, StatusInfo, status_text


def test_relations_follow_each_change_and_say_whom_it_concerned() -> None:
    book = FriendshipBook("me")
    assert book.replace([Friendship("me", "a", "pending", "t1"),
                         Friendship("b", "me", "pending", "t2"),
                         Friendship("c", "me", "accepted", "t0"),
                         Friendship("x", "y", "accepted")]) == {"a", "b", "c"}
    assert [book.relation(o) for o in "abcxy"] == [
        Relation.OUTGOING, Relation.INCOMING, Relation.FRIEND, Relation.NONE, Relation.NONE]
    # Both asked: answering settles it, so the incoming request is what shows.
    assert book.upsert(Friendship("a", "me", "pending", "t3")) == {"a"}
    assert book.relation("a") is Relation.INCOMING and book.since("a") == "t3"
    assert book.upsert(Friendship("a", "me", "accepted", "t3")) == {"a"}
    assert book.relation("a") is Relation.FRIEND
    assert book.upsert(Friendship("a", "me", "accepted", "t3")) == set()  # no news
    # Our own pending row to them still stands once their accepted one goes.
    assert book.remove("a", "me") == {"a"} and book.relation("a") is Relation.OUTGOING
    assert book.remove("me", "a") == {"a"} and book.relation("a") is Relation.NONE
    assert book.remove("nobody", "me") == set()
    assert sorted(book.others(Relation.FRIEND)) == ["c"]


def test_rows_without_both_ids_are_not_friendships() -> None:
    assert friendship_from_row({"user_id": "a"}) is None
    assert friendship_from_row({"user_id": "a", "friend_id": "b"}) == Friendship(
        "a", "b", "pending", "")


def test_game_search_puts_recent_first_then_starts_then_contains() -> None:
    catalogue = ("Apex Legends", "Arena Blitz", "Valorant", "Star Arena")
    assert search_games("ar", ["Star Arena"], catalogue) == ["Star Arena", "Arena Blitz"]
    assert search_games("", [], catalogue) == list(catalogue)
    assert search_games("  arena  ", ["arena blitz"], catalogue) == ["arena blitz",
                                                                     "Star Arena"]


def test_recent_games_move_up_and_stay_bounded() -> None:
    recent: tuple[str, ...] = ()
    for n in range(RECENT_MAX + 3):
        recent = remember_game(recent, f"Game {n}")
    assert len(recent) == RECENT_MAX and recent[0] == f"Game {RECENT_MAX + 2}"
    recent = remember_game(recent, "game 5")
    assert recent[0] == "game 5" and sum(g.casefold() == "game 5" for g in recent) == 1
    assert clean_game("  Star\n  Arena " + "x" * 200) == ("Star Arena " + "x" * 200)[:80]


@pytest.mark.parametrize(("query", "sent"), [
    ("ca", "ca"), ("c", ""), ("car,ol)", "carol"), ("a*%_b", "a_b"), ("  nova  strike ",
                                                                    "nova strike"),
    ("x" * 50, "x" * 32),
])
def test_search_text_never_sends_filter_syntax(query: str, sent: str) -> None:
    assert search_text(query) == sent


def test_exact_usernames_rank_first() -> None:
    players = [Friend("1", "novastrike2", "NovaStrike"), Friend("2", "supernova", "S"),
               Friend("3", "nova", "Nova Prime")]
    assert [p.user_id for p in rank_matches(players, "nova")] == ["3", "1", "2"]


def test_status_words_and_colours_are_one_vocabulary() -> None:
    assert status_text(Status.IN_GAME, "Valorant") == "Playing Valorant"
    assert status_text(Status.IN_GAME) == "In game"
    assert StatusInfo(Status.BUSY).text == "Do not disturb"
    assert not StatusInfo(Status.INVISIBLE).online and not OFFLINE.online
    assert Status.OFFLINE not in CHOOSABLE and Status.INVISIBLE in CHOOSABLE
    assert len({s.color for s in (Status.ONLINE, Status.AWAY, Status.BUSY,
                                  Status.IN_GAME)}) == 4
