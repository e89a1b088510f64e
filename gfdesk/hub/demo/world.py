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

#: (user, friend, status, minutes ago): "demo" stands for the demo user. RookRush asked
#: the demo user (the inbox shows that request), the demo user asked EchoBlitz; LunaLag
#: is a stranger, who may ask later (``presencebots.NotificationBots``).
FRIENDSHIPS: tuple[tuple[str, str, str, int], ...] = (
    ("demo", "novastrike", "accepted", 40 * 24 * 60),
    ("pixelpaladin", "demo", "accepted", 30 * 24 * 60),
    ("demo", "frostbyte", "accepted", 2 * 24 * 60 + 5),
    ("vipervex", "demo", "accepted", 9 * 24 * 60),
    ("rookrush", "demo", "pending", 95),
    ("demo", "echoblitz", "pending", 26 * 60),
    ("novastrike", "pixelpaladin", "accepted", 60 * 24 * 60),
)

#: A chat line: (sender, text, minutes ago). Lines come in sessions, a minute or two
#: apart, the way people talk; the newest lines are the ones the inbox talks about.
Line = tuple[str, str, float]

DIRECT_WITH = "novastrike"
DIRECT_CHAT: tuple[Line, ...] = (
    # Yesterday evening.
    ("novastrike", "you up for ranked tonight?", 22 * 60 + 40),
    ("demo", "yeah, after dinner. 8ish?", 22 * 60 + 38),
    ("novastrike", "perfect. I'll grab pixel too", 22 * 60 + 37),
    ("demo", "did you see the patch notes? they nerfed the railgun again", 22 * 60 + 20),
    ("novastrike", "RIP my loadout", 22 * 60 + 19),
    ("novastrike", "honestly the shotgun meta is back", 22 * 60 + 19),
    ("demo", "time to practice flicks then", 22 * 60 + 17),
    # This morning.
    ("novastrike", "gg last night btw, that clutch in round 12 was insane", 5 * 60 + 12),
    ("demo", "pure luck lol", 5 * 60 + 3),
    ("novastrike", "luck is a skill", 5 * 60 + 2),
    ("demo", "are you entering the Neon Clash Cup?", 4 * 60 + 30),
    ("novastrike", "already signed up, you?", 4 * 60 + 29),
    ("demo", "just joined. see you in the bracket", 4 * 60 + 27),
    ("novastrike", "don't cry when I knock you out", 4 * 60 + 26),
    ("demo", "big words for someone who died to fall damage yesterday", 4 * 60 + 25),
    ("novastrike", "we don't talk about that", 4 * 60 + 24),
    # Just now: the inbox's "New message" is the last line.
    ("novastrike", "hex beat me 3-0 in round 1, losers bracket vs drift for me now", 14),
    ("novastrike", "unlucky vs blaze! come back through the losers bracket", 12),
)
#: The demo user read the direct chat up to here (minutes ago): the two newest lines
#: are unread, as the inbox says.
DIRECT_READ_AGO = 4 * 60 + 20

GROUP_TITLE = "Friday Squad"
GROUP_MEMBERS = ("demo", "novastrike", "pixelpaladin", "frostbyte")
GROUP_CHAT: tuple[Line, ...] = (
    # Yesterday.
    ("pixelpaladin", "squad check: who's in for friday?", 26 * 60),
    ("frostbyte", "me", 25 * 60 + 58),
    ("novastrike", "me, if my internet survives", 25 * 60 + 57),
    ("demo", "count me in", 25 * 60 + 55),
    ("pixelpaladin", "nice, full stack", 25 * 60 + 54),
    ("frostbyte", "I'll bring snacks. virtually.", 25 * 60 + 53),
    ("pixelpaladin", "new map or old rotation?", 25 * 60 + 40),
    ("novastrike", "new map, I want to learn the callouts", 25 * 60 + 39),
    ("demo", "I made a callout sheet, sharing it tonight", 25 * 60 + 36),
    ("frostbyte", "legend", 25 * 60 + 35),
    # Today: the cup.
    ("pixelpaladin", "reminder: I'm hosting the Neon Clash Cup, bracket is up", 100),
    ("frostbyte", "first round vs luna, wish me luck", 88),
    ("demo", "you got this", 87),
    ("novastrike", "luna plays so aggressive, just hold angles", 86),
    ("frostbyte", "noted", 85),
    ("pixelpaladin", "scores update live in the app btw", 70),
    ("demo", "the desktop client shows the bracket too, it's slick", 69),
    ("demo", "won mine 3-1 vs echo", 58),
    ("frostbyte", "ok I won 3-1 LET'S GO", 45),
    ("novastrike", "huge", 44),
    ("demo", "blaze got me 3-1 in round 2, off to the losers bracket", 40),
    ("pixelpaladin", "@demo losers round 2 for you, vs the winner of arc and rook. ready when"
     " you are", 35),
)
#: The demo user read the group up to here: the last line (which mentions them) is new.
GROUP_READ_AGO = 36

TOURNAMENT_NAME = "Neon Clash Cup"
TOURNAMENT_GAME = "Arena Blitz"
TOURNAMENT_HOST = "pixelpaladin"
TOURNAMENT_CHAT: tuple[tuple[str, str], ...] = (
    ("pixelpaladin", "Welcome to the Neon Clash Cup! Best of 5, double elimination."),
    ("vipervex", "let's gooo"),
    ("lunalag", "my ping is 180, pray for me"),
    ("pixelpaladin", "Round 1 is done, round 3 is live. The losers bracket starts next."),
    ("echoblitz", "good luck everyone"),
)

#: The inbox: (type, title, body, minutes ago, read, about, actor). ``about`` names what
#: a click opens: "direct" / "group" (a conversation), "cup" (the tournament); the
#: pending request from RookRush comes with its own notification (``seed``), worded as
#: the database trigger words it.
NOTIFICATIONS: tuple[tuple[str, str, str, int, bool, str, str], ...] = (
    ("friend_accepted", "FrostByte accepted your request", "You and FrostByte are now friends",
     2 * 24 * 60, True, "", "frostbyte"),
    ("match_ready", "Neon Clash Cup: losers round 2 next",
     "You play the winner of ArcLight vs RookRush", 39, False, "cup", "pixelpaladin"),
    ("mention", "PixelPaladin mentioned you",
     "@demo losers round 2 for you, vs the winner of arc and rook. ready when you are", 35,
     False, "group", "pixelpaladin"),
    ("message", "New message", "NovaStrike: unlucky vs blaze! come back through the losers"
     " bracket", 12, False, "direct", "novastrike"),
)
