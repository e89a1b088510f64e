"""What the demo world contains: people, friendships, chats, a tournament. Qt-free, pure data.

Names are fixed so screenshots and tests can rely on them; times are offsets (minutes
before the seeding moment).
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_EMAIL = "demo@gamerflick.local"
#: The public demo account's password (a demo, not a secret).
DEMO_PASSWORD = "gamerflick-demo"
DEMO_USERNAME = "demo"
DEMO_DISPLAY_NAME = "Demo Player"
BOT_EMAIL_DOMAIN = "bots.gamerflick.local"


@dataclass(frozen=True)
class Bot:
    """A bot friend: signs in with ``email`` and ``DEMO_PASSWORD``."""

    username: str
    display_name: str

    @property
    def email(self) -> str:
        return f"{self.username}@{BOT_EMAIL_DOMAIN}"


BOTS: tuple[Bot, ...] = (
    Bot("novastrike", "NovaStrike"),
    Bot("pixelpaladin", "PixelPaladin"),
    Bot("frostbyte", "FrostByte"),
    Bot("vipervex", "ViperVex"),
    Bot("rookrush", "RookRush"),
    Bot("echoblitz", "EchoBlitz"),
    Bot("lunalag", "LunaLag"),
)

#: (user, friend, status): "demo" stands for the demo user.
FRIENDSHIPS: tuple[tuple[str, str, str], ...] = (
    ("demo", "novastrike", "accepted"),
    ("pixelpaladin", "demo", "accepted"),
    ("demo", "frostbyte", "accepted"),
    ("vipervex", "demo", "accepted"),
    ("rookrush", "demo", "pending"),
    ("demo", "echoblitz", "pending"),
    ("novastrike", "pixelpaladin", "accepted"),
)

DIRECT_WITH = "novastrike"
DIRECT_CHAT: tuple[tuple[str, str], ...] = (
    ("novastrike", "you up for ranked tonight?"),
    ("demo", "yeah, after dinner. 8ish?"),
    ("novastrike", "perfect. I'll grab pixel too"),
    ("demo", "did you see the patch notes? they nerfed the railgun again"),
    ("novastrike", "RIP my loadout"),
    ("novastrike", "honestly the shotgun meta is back"),
    ("demo", "time to practice flicks then"),
    ("novastrike", "gg last night btw, that clutch in round 12 was insane"),
    ("demo", "pure luck lol"),
    ("novastrike", "luck is a skill"),
    ("demo", "are you entering the Neon Clash Cup?"),
    ("novastrike", "already signed up, you?"),
    ("demo", "just joined. see you in the bracket"),
    ("novastrike", "don't cry when I knock you out"),
    ("demo", "big words for someone who died to fall damage yesterday"),
    ("novastrike", "we don't talk about that"),
    ("novastrike", "warmup in 10?"),
    ("demo", "omw"),
)

GROUP_TITLE = "Friday Squad"
GROUP_MEMBERS = ("demo", "novastrike", "pixelpaladin", "frostbyte")
GROUP_CHAT: tuple[tuple[str, str], ...] = (
    ("pixelpaladin", "squad check: who's in for friday?"),
    ("frostbyte", "me"),
    ("novastrike", "me, if my internet survives"),
    ("demo", "count me in"),
    ("pixelpaladin", "nice, full stack"),
    ("frostbyte", "I'll bring snacks. virtually."),
    ("pixelpaladin", "new map or old rotation?"),
    ("novastrike", "new map, I want to learn the callouts"),
    ("demo", "I made a callout sheet, sharing it tonight"),
    ("frostbyte", "legend"),
    ("pixelpaladin", "reminder: I'm hosting the Neon Clash Cup, bracket is up"),
    ("frostbyte", "first round vs viper, wish me luck"),
    ("demo", "you got this"),
    ("novastrike", "viper plays so aggressive, just hold angles"),
    ("frostbyte", "noted"),
    ("pixelpaladin", "scores update live in the app btw"),
    ("demo", "the desktop client shows the bracket too, it's slick"),
    ("frostbyte", "ok I won 3-1 LET'S GO"),
    ("novastrike", "huge"),
    ("pixelpaladin", "gg"),
)

TOURNAMENT_NAME = "Neon Clash Cup"
TOURNAMENT_GAME = "Arena Blitz"
TOURNAMENT_HOST = "pixelpaladin"
TOURNAMENT_CHAT: tuple[tuple[str, str], ...] = (
    ("pixelpaladin", "Welcome to the Neon Clash Cup! Best of 5, double elimination."),
    ("vipervex", "let's gooo"),
    ("lunalag", "my ping is 180, pray for me"),
    ("pixelpaladin", "Round 1 is done, losers bracket is live. Scores update as we play."),
    ("echoblitz", "good luck everyone"),
)

#: (type, title, body, minutes ago, read)
NOTIFICATIONS: tuple[tuple[str, str, str, int, bool], ...] = (
    ("friend_request", "Friend request", "RookRush wants to be your friend", 95, False),
    ("tournament", "Neon Clash Cup is live", "Your first-round match is ready", 40, False),
    ("message", "New message", "NovaStrike: warmup in 10?", 12, False),
    ("friend_accepted", "FrostByte accepted", "You and FrostByte are now friends", 2880, True),
)
