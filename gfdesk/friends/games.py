"""The games a player can say they are in: catalogue, recent ones, search. Qt-free, pure.

"In game" reads "Playing Valorant": the status picker lists the player's recent games
first, then the catalogue, filtered as they type (case-insensitive: names that start
with the text before names that contain it). A game missing from the catalogue can be
typed in; it is then remembered with the recent ones.
"""

from __future__ import annotations

from collections.abc import Iterable

#: How many recent games are remembered.
RECENT_MAX = 8
#: The longest game name kept (the presence meta carries it to everyone).
GAME_MAX_CHARS = 80

CATALOGUE: tuple[str, ...] = (
    "Apex Legends", "Arena Blitz", "Baldur's Gate 3", "Call of Duty: Warzone",
    "Counter-Strike 2", "Dead by Daylight", "Destiny 2", "Diablo IV", "Dota 2",
    "EA Sports FC 25", "Elden Ring", "Escape from Tarkov", "Fall Guys", "Final Fantasy XIV",
    "Fortnite", "Genshin Impact", "Grand Theft Auto V", "Halo Infinite", "Hearthstone",
    "Helldivers 2", "Hollow Crown", "League of Legends", "Lethal Company", "Marvel Rivals",
    "Minecraft", "Monster Hunter Wilds", "Neon Drift", "Overwatch 2", "Palworld",
    "Path of Exile 2", "Pixel Royale", "PUBG: Battlegrounds", "Rainbow Six Siege",
    "Red Dead Redemption 2", "Roblox", "Rocket League", "Rust", "Sea of Thieves",
    "Splitgate", "Starcraft II", "Starfall Tactics", "Street Fighter 6",
    "Super Smash Bros. Ultimate", "Teamfight Tactics", "Tekken 8", "The Finals",
    "Valorant", "Warframe", "World of Warcraft",
)


def clean_game(name: str) -> str:
    """A typed game name as it is kept: one line, trimmed, at most ``GAME_MAX_CHARS``."""
    return " ".join(name.split())[:GAME_MAX_CHARS]


def search_games(query: str, recent: Iterable[str], catalogue: Iterable[str] = CATALOGUE,
                 limit: int = 50) -> list[str]:
    """Games matching ``query``: recent ones first, then the catalogue; each once.

    Within each part, names starting with the query come before names containing it;
    the catalogue keeps its (alphabetical) order otherwise.
    """
    wanted = " ".join(query.split()).casefold()
    seen: set[str] = set()
    result: list[str] = []
    for part in (list(recent), list(catalogue)):
        starts = [g for g in part if g.casefold().startswith(wanted)]
        contains = [g for g in part if wanted in g.casefold() and g not in starts]
        for game in starts + contains:
            folded = game.casefold()
            if folded not in seen:
                seen.add(folded)
                result.append(game)
    return result[:limit]


def remember_game(recent: Iterable[str], game: str, limit: int = RECENT_MAX) -> tuple[str, ...]:
    """``recent`` with ``game`` first (moved up if it was there), at most ``limit``."""
    game = clean_game(game)
    if not game:
        return tuple(recent)[:limit]
    rest = [g for g in recent if g.casefold() != game.casefold()]
    return (game, *rest)[:limit]
