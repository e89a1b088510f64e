"""Sign-ups and the profiles row each must get: the hub's hook and the SQL trigger agree.

``SIGNUPS`` run in order on an empty database (later ones collide with earlier names):
each is an email, the user metadata sent with the sign-up, and the expected
``(username, display_name, avatar_url)`` of the profile made for it. Run by
tests/integration/postgres/test_rules_postgres.py (insert into auth.users) and
tests/integration/hub/test_rules_hub.py (sign-up through the official client). Qt-free.
"""

from __future__ import annotations

from typing import Any

Signup = tuple[str, dict[str, Any], tuple[str, str, str | None]]

LONG = "a" * 40

SIGNUPS: list[Signup] = [
    ("neo@signup.test", {"username": "neo"}, ("neo", "neo", None)),
    ("neo2@signup.test", {"username": "neo"}, ("neo2", "neo2", None)),
    ("neo3@signup.test", {"username": "neo", "display_name": "The One"},
     ("neo3", "The One", None)),
    ("trinity@signup.test", {}, ("trinity", "trinity", None)),
    ("trinity.x@signup.test", {"username": ""}, ("trinity.x", "trinity.x", None)),
    ("morpheus@signup.test", {"username": 42, "display_name": 7},
     ("morpheus", "morpheus", None)),
    ("zoe@signup.test", {"username": "Zoë Ünal!"}, ("Zonal", "Zonal", None)),
    ("bang@signup.test", {"username": "!!!"}, ("player", "player", None)),
    ("bang2@signup.test", {"username": "???"}, ("player2", "player2", None)),
    ("long@signup.test", {"username": LONG}, ("a" * 32, "a" * 32, None)),
    ("long2@signup.test", {"username": LONG}, ("a" * 31 + "2", "a" * 31 + "2", None)),
    ("blank@signup.test", {"username": "blank", "display_name": " \t\u3000\u00a0"},
     ("blank", "blank", None)),
    ("pic@signup.test", {"username": "pic", "display_name": " Pic ", "avatar_url": "https://x/p.png"},
     ("pic", " Pic ", "https://x/p.png")),
    ("nopic@signup.test", {"username": "nopic", "avatar_url": 5}, ("nopic", "nopic", None)),
]
