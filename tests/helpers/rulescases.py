"""The row-rules matrix: one table of cases that both the hub and supabase/migrations pass.

Each ``Case`` says who acts (user ``a`` or ``b``, ``anon``, ``service``; once ``d``; in a
few cases ``nosub``, a token of role ``authenticated`` without a ``sub``), on
which table, with which operation (select, insert, update, delete), on which rows (the
case's own ``setup`` rows, made with the service role before it acts, on top of
``WORLD``), and what must happen:

- ``allowed``: a select returns the row; a write succeeds and changes the database.
- ``filtered``: a select returns nothing; an update or delete touches no row (no error).
- ``denied``: the write fails with 42501 (row-level security) and changes nothing.

Values that start with ``@`` name users (``@a`` ... ``@d``), world rows (``@conv_ab``) or
rows of the case itself (``@x``, ``@y``, ``@z``, ``@m``: a fresh UUID per run of the
case); ``Names.resolve`` turns them into ids.

The world: users a, b, c and d (d's profile is deleted: it lets a user create their own
profile); conversation conv_ab (members a, b) and conv_bc (members b, c); tournaments t_a
(host a) and t_b (host b); call call_ab (a calls b).

Run by tests/integration/postgres/test_rules_postgres.py (psycopg, ``set local role`` and
``request.jwt.claims``) and tests/integration/hub/test_rules_hub.py (the official client).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ALLOWED = "allowed"
DENIED = "denied"
FILTERED = "filtered"
OPS = ("select", "insert", "update", "delete")
#: Users of the world: handle -> (email, username). ``d`` ends up without a profile.
USERS: dict[str, tuple[str, str]] = {
    "a": ("alice@rules.test", "alice"),
    "b": ("bob@rules.test", "bob"),
    "c": ("carol@rules.test", "carol"),
    "d": ("dave@rules.test", "dave"),
}
NO_PROFILE = "d"
#: The actors the matrix covers against every table and operation.
GRID_ACTORS = ("a", "b", "anon", "service")
#: A token of role authenticated without ``sub``: auth.uid() is NULL, so policies that
#: compare with it fail while ``true`` policies still let it through.
NO_SUB = "nosub"
#: Names a case may use for its own rows.
LOCAL_NAMES = frozenset({"x", "y", "z", "m"})
WORLD_IDS = ("conv_ab", "conv_bc", "t_a", "t_b", "call_ab")

_LETTERS = {"a": ALLOWED, "d": DENIED, "f": FILTERED}
#: Outcomes of select, insert, update, delete (in that order) for anon and service_role
#: on every table: anon sees and writes nothing, service_role bypasses the rules.
ANON_EXPECT = "fdff"
SERVICE_EXPECT = "aaaa"
TS = "2026-11-26T10:00:00+00:00"


@dataclass(frozen=True)
class Row:
    """A row to create with the service role (values may name ids with ``@``)."""

    table: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Case:
    """One actor, one operation on one table, and the outcome both backends must give."""

    name: str
    actor: str
    table: str
    op: str
    expect: str
    setup: tuple[Row, ...] = ()
    #: Equality filters naming the target row (select, update, delete).
    match: Mapping[str, Any] = field(default_factory=dict)
    #: The rows an insert sends, in one statement.
    values: tuple[Mapping[str, Any], ...] = ()
    #: What an update sets.
    patch: Mapping[str, Any] = field(default_factory=dict)
    #: Insert with ``return=representation`` (the new rows must also pass SELECT).
    returning: bool = False
    #: Update with ``return=minimal`` (no RETURNING; rows counted instead).
    minimal: bool = False

    @property
    def id(self) -> str:
        return f"{self.table}-{self.op}-{self.actor}-{self.name}"


class Names:
    """Ids of the world's users and rows, plus fresh ids for one run of a case."""

    def __init__(self, fixed: Mapping[str, str]) -> None:
        self._fixed = dict(fixed)
        self._local: dict[str, str] = {}

    def fresh(self) -> Names:
        """The same world, new ids for the case's own rows."""
        return Names(self._fixed)

    def id(self, name: str) -> str:
        if name in self._fixed:
            return self._fixed[name]
        if name not in LOCAL_NAMES:
            raise KeyError(f"unknown name @{name} in a rules case")
        return self._local.setdefault(name, str(uuid.uuid4()))

    def resolve(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {k: self.id(v[1:]) if isinstance(v, str) and v.startswith("@") else v
                for k, v in values.items()}


def new_world_ids() -> dict[str, str]:
    """Fresh ids for the world's rows (users get theirs from sign-up)."""
    return {name: str(uuid.uuid4()) for name in WORLD_IDS}


#: The world's rows, made with the service role once the users exist.
WORLD: tuple[Row, ...] = (
    Row("conversations", {"id": "@conv_ab", "kind": "direct"}),
    Row("conversation_members", {"conversation_id": "@conv_ab", "user_id": "@a"}),
    Row("conversation_members", {"conversation_id": "@conv_ab", "user_id": "@b"}),
    Row("conversations", {"id": "@conv_bc", "kind": "group", "title": "b and c"}),
    Row("conversation_members", {"conversation_id": "@conv_bc", "user_id": "@b"}),
    Row("conversation_members", {"conversation_id": "@conv_bc", "user_id": "@c"}),
    Row("tournaments", {"id": "@t_a", "name": "A Cup", "game": "chess", "host_id": "@a"}),
    Row("tournaments", {"id": "@t_b", "name": "B Cup", "game": "go", "host_id": "@b"}),
    Row("calls", {"id": "@call_ab", "caller_id": "@a", "callee_id": "@b"}),
)


def _grid(table: str, *, setup: tuple[Row, ...], match: Mapping[str, Any],
          values: tuple[Mapping[str, Any], ...], patch: Mapping[str, Any],
          a: str, b: str) -> list[Case]:
    """Every grid actor x operation on one table; ``a``/``b`` are 4 outcome letters."""
    expects = {"a": a, "b": b, "anon": ANON_EXPECT, "service": SERVICE_EXPECT}
    return [
        Case("grid", actor, table, op, _LETTERS[expects[actor][i]], setup=setup,
             match=match if op != "insert" else {}, values=values if op == "insert" else (),
             patch=patch if op == "update" else {})
        for actor in GRID_ACTORS for i, op in enumerate(OPS)
    ]


def _conv(name: str, *members: str, kind: str = "group") -> tuple[Row, ...]:
    return (Row("conversations", {"id": f"@{name}", "kind": kind}),
            *(Row("conversation_members", {"conversation_id": f"@{name}", "user_id": f"@{m}"})
              for m in members))


def _tournament(name: str, host: str, **values: Any) -> Row:
    return Row("tournaments", {"id": f"@{name}", "name": "Cup", "game": "chess",
                               "host_id": f"@{host}", **values})


_FRIENDS_AB = Row("friendships", {"user_id": "@a", "friend_id": "@b", "status": "pending"})
_FRIENDS_AC = Row("friendships", {"user_id": "@a", "friend_id": "@c"})
_NOTE_A = Row("notifications", {"id": "@x", "user_id": "@a", "type": "friend_request",
                                "title": "bob wants to be friends"})
_MSG_A = Row("messages", {"id": "@m", "conversation_id": "@x", "sender_id": "@a",
                          "body": "hello"})
_MSG_BC = Row("messages", {"id": "@m", "conversation_id": "@conv_bc", "sender_id": "@b",
                           "body": "secret"})
_MATCH = Row("tournament_matches", {"id": "@m", "tournament_id": "@x", "round": 1,
                                    "position": 1, "player1_id": "@b", "player2_id": "@c"})
_ENTRY_B = Row("tournament_participants", {"tournament_id": "@x", "user_id": "@b"})
_CALL_AC = Row("calls", {"id": "@x", "caller_id": "@a", "callee_id": "@c"})
_CALL_AB = Row("calls", {"id": "@x", "caller_id": "@a", "callee_id": "@b"})

GRID: list[Case] = [
    *_grid("profiles", setup=(), match={"id": "@a"},
           values=({"id": "@d", "username": "dee"},), patch={"display_name": "Alice A."},
           a="adaf", b="adff"),
    *_grid("friendships", setup=(_FRIENDS_AB,), match={"user_id": "@a", "friend_id": "@b"},
           values=({"user_id": "@a", "friend_id": "@c"},), patch={"status": "accepted"},
           a="aafa", b="adaa"),
    *_grid("notifications", setup=(_NOTE_A,), match={"id": "@x"},
           values=({"id": "@y", "user_id": "@c", "type": "invite", "title": "join my cup"},),
           patch={"read_at": TS}, a="adaa", b="fdff"),
    *_grid("conversations", setup=_conv("x", "a", "c"), match={"id": "@x"},
           values=({"id": "@y", "kind": "group", "title": "new squad"},),
           patch={"title": "renamed"}, a="adaf", b="fdff"),
    *_grid("conversation_members", setup=_conv("x", "a", "c"),
           match={"conversation_id": "@x", "user_id": "@a"},
           values=({"conversation_id": "@x", "user_id": "@b"},), patch={"last_read_at": TS},
           a="adaa", b="fdff"),
    *_grid("messages", setup=(*_conv("x", "a", "b"), _MSG_A), match={"id": "@m"},
           values=({"id": "@y", "conversation_id": "@x", "sender_id": "@a", "body": "gg"},),
           patch={"body": "edited"}, a="aaaa", b="adff"),
    *_grid("tournaments", setup=(_tournament("x", "a"),), match={"id": "@x"},
           values=({"id": "@y", "name": "Spring Cup", "game": "chess", "host_id": "@a"},),
           patch={"name": "Renamed Cup"}, a="aaaa", b="adff"),
    *_grid("tournament_participants",
           setup=(_tournament("x", "a"),
                  Row("tournament_participants", {"tournament_id": "@x", "user_id": "@c"})),
           match={"tournament_id": "@x", "user_id": "@c"},
           values=({"tournament_id": "@x", "user_id": "@b"},), patch={"seed": 3},
           a="aaaa", b="aaff"),
    *_grid("tournament_matches", setup=(_tournament("x", "a"), _MATCH), match={"id": "@m"},
           values=({"id": "@y", "tournament_id": "@x", "round": 1, "position": 2},),
           patch={"score1": 2, "status": "live"}, a="aaaa", b="adff"),
    *_grid("tournament_messages",
           setup=(_tournament("x", "b"),
                  Row("tournament_messages", {"id": "@m", "tournament_id": "@x",
                                              "sender_id": "@a", "body": "glhf"})),
           match={"id": "@m"},
           values=({"id": "@y", "tournament_id": "@x", "sender_id": "@a", "body": "gg"},),
           patch={"body": "edited"}, a="aaaa", b="adff"),
    *_grid("calls", setup=(_CALL_AC,), match={"id": "@x"},
           values=({"id": "@y", "caller_id": "@a", "callee_id": "@b", "kind": "video"},),
           patch={"status": "accepted"}, a="aaaf", b="fdff"),
]

EDGES: list[Case] = [
    Case("own-profile", "d", "profiles", "insert", ALLOWED,
         values=({"id": "@d", "username": "dee"},)),
    Case("request-as-accepted", "a", "friendships", "insert", DENIED,
         values=({"user_id": "@a", "friend_id": "@c", "status": "accepted"},)),
    Case("others-friendship", "a", "friendships", "select", FILTERED,
         setup=(Row("friendships", {"user_id": "@b", "friend_id": "@c"}),),
         match={"user_id": "@b", "friend_id": "@c"}),
    Case("third-party", "b", "friendships", "update", FILTERED, setup=(_FRIENDS_AC,),
         match={"user_id": "@a", "friend_id": "@c"}, patch={"status": "accepted"}),
    Case("third-party", "b", "friendships", "delete", FILTERED, setup=(_FRIENDS_AC,),
         match={"user_id": "@a", "friend_id": "@c"}),
    Case("addressee-redirects", "b", "friendships", "update", DENIED, setup=(_FRIENDS_AB,),
         match={"user_id": "@a", "friend_id": "@b"}, patch={"friend_id": "@c"}),
    # Issue 13, finding 3: the addressee made C "friends" with B by rewriting user_id.
    Case("addressee-rewrites-requester", "b", "friendships", "update", DENIED,
         setup=(_FRIENDS_AB,), match={"user_id": "@a", "friend_id": "@b"},
         patch={"user_id": "@c", "status": "accepted"}),
    Case("addressee-accepts", "b", "friendships", "update", ALLOWED, setup=(_FRIENDS_AB,),
         match={"user_id": "@a", "friend_id": "@b"}, patch={"status": "accepted"}),
    Case("requester-accepts", "a", "friendships", "update", FILTERED, setup=(_FRIENDS_AB,),
         match={"user_id": "@a", "friend_id": "@b"}, patch={"status": "accepted"}),
    Case("notify-and-read-back", "a", "notifications", "insert", DENIED, returning=True,
         values=({"id": "@y", "user_id": "@c", "type": "invite", "title": "join"},)),
    Case("hand-over", "a", "notifications", "update", DENIED, setup=(_NOTE_A,),
         match={"id": "@x"}, patch={"user_id": "@b"}),
    Case("create-and-read-back", "a", "conversations", "insert", DENIED, returning=True,
         values=({"id": "@y", "kind": "group"},)),
    Case("world-conversation", "a", "conversations", "select", FILTERED,
         match={"id": "@conv_bc"}),
    Case("others-member-list", "a", "conversation_members", "select", FILTERED,
         match={"conversation_id": "@conv_bc", "user_id": "@b"}),
    Case("outsider-adds", "b", "conversation_members", "insert", DENIED,
         setup=_conv("y", "a"), values=({"conversation_id": "@y", "user_id": "@c"},)),
    # Issue 13, finding 3: members come only from create_conversation (RPC_CASES).
    Case("group-me-first", "a", "conversation_members", "insert", DENIED,
         setup=_conv("z"),
         values=({"conversation_id": "@z", "user_id": "@a"},
                 {"conversation_id": "@z", "user_id": "@b"})),
    Case("self-join", "a", "conversation_members", "insert", DENIED,
         values=({"conversation_id": "@conv_bc", "user_id": "@a"},)),
    Case("member-adds-a-third", "b", "conversation_members", "insert", DENIED,
         values=({"conversation_id": "@conv_ab", "user_id": "@c"},)),
    Case("member-renames", "a", "conversations", "update", ALLOWED, setup=_conv("x", "a"),
         match={"id": "@x"}, patch={"title": "squad"}),
    Case("member-retypes", "a", "conversations", "update", DENIED, setup=_conv("x", "a"),
         match={"id": "@x"}, patch={"kind": "direct"}),
    # Read back, the rows must pass SELECT before they are written: a is no member yet.
    Case("group-read-back", "a", "conversation_members", "insert", DENIED, setup=_conv("z"),
         returning=True, values=({"conversation_id": "@z", "user_id": "@a"},)),
    Case("group-me-last", "a", "conversation_members", "insert", DENIED, setup=_conv("z"),
         values=({"conversation_id": "@z", "user_id": "@b"},
                 {"conversation_id": "@z", "user_id": "@a"})),
    Case("outsider-reads", "a", "messages", "select", FILTERED, setup=(_MSG_BC,),
         match={"id": "@m"}),
    Case("outsider-edits", "a", "messages", "update", FILTERED, setup=(_MSG_BC,),
         match={"id": "@m"}, patch={"body": "mine now"}),
    Case("outsider-deletes", "a", "messages", "delete", FILTERED, setup=(_MSG_BC,),
         match={"id": "@m"}),
    Case("outsider-sends", "a", "messages", "insert", DENIED,
         values=({"id": "@y", "conversation_id": "@conv_bc", "sender_id": "@a",
                  "body": "let me in"},)),
    Case("member-sends", "b", "messages", "insert", ALLOWED, setup=_conv("x", "a", "b"),
         values=({"id": "@y", "conversation_id": "@x", "sender_id": "@b", "body": "hi"},)),
    Case("move-own-message", "a", "messages", "update", DENIED,
         setup=(*_conv("x", "a", "b"), _MSG_A), match={"id": "@m"},
         patch={"conversation_id": "@conv_bc"}),
    Case("hand-over", "a", "tournaments", "update", DENIED, setup=(_tournament("x", "a"),),
         match={"id": "@x"}, patch={"host_id": "@b"}),
    Case("leave", "b", "tournament_participants", "delete", ALLOWED,
         setup=(_tournament("x", "a"),
                Row("tournament_participants", {"tournament_id": "@x", "user_id": "@b"})),
         match={"tournament_id": "@x", "user_id": "@b"}),
    Case("enrol-another", "b", "tournament_participants", "insert", DENIED,
         setup=(_tournament("x", "a"),), values=({"tournament_id": "@x", "user_id": "@c"},)),
    # Issue 13, finding 3 (and issue 14): a player set their own seed.
    Case("self-seeded", "b", "tournament_participants", "insert", DENIED,
         setup=(_tournament("x", "a"),),
         values=({"tournament_id": "@x", "user_id": "@b", "seed": 1},)),
    Case("seed-own-row", "b", "tournament_participants", "update", FILTERED,
         setup=(_tournament("x", "a"), _ENTRY_B), match={"tournament_id": "@x",
                                                        "user_id": "@b"}, patch={"seed": 1}),
    Case("host-seeds", "a", "tournament_participants", "update", ALLOWED,
         setup=(_tournament("x", "a"), _ENTRY_B), match={"tournament_id": "@x",
                                                        "user_id": "@b"}, patch={"seed": 1}),
    Case("register-closed", "b", "tournament_participants", "insert", DENIED,
         setup=(_tournament("x", "a", status="live"),),
         values=({"tournament_id": "@x", "user_id": "@b"},)),
    Case("register-full", "b", "tournament_participants", "insert", DENIED,
         setup=(_tournament("x", "a", max_participants=1),
                Row("tournament_participants", {"tournament_id": "@x", "user_id": "@c"})),
         values=({"tournament_id": "@x", "user_id": "@b"},)),
    Case("register-last-place", "b", "tournament_participants", "insert", ALLOWED,
         setup=(_tournament("x", "a", max_participants=2),
                Row("tournament_participants", {"tournament_id": "@x", "user_id": "@c"})),
         values=({"tournament_id": "@x", "user_id": "@b"},)),
    Case("withdraw-closed", "b", "tournament_participants", "delete", FILTERED,
         setup=(_tournament("x", "a", status="live"), _ENTRY_B),
         match={"tournament_id": "@x", "user_id": "@b"}),
    Case("host-adds-when-closed", "a", "tournament_participants", "insert", ALLOWED,
         setup=(_tournament("x", "a", status="live"),),
         values=({"tournament_id": "@x", "user_id": "@b", "seed": 2},)),
    Case("host-removes-when-closed", "a", "tournament_participants", "delete", ALLOWED,
         setup=(_tournament("x", "a", status="live"), _ENTRY_B),
         match={"tournament_id": "@x", "user_id": "@b"}),
    Case("swiss", "a", "tournaments", "insert", ALLOWED,
         values=({"id": "@y", "name": "Swiss Cup", "game": "chess", "host_id": "@a",
                  "format": "swiss"},)),
    Case("non-host-closes", "b", "tournaments", "update", FILTERED,
         setup=(_tournament("x", "a"),), match={"id": "@x"}, patch={"status": "live"}),
    Case("non-host-match", "b", "tournament_matches", "update", FILTERED,
         setup=(_tournament("x", "a"), _MATCH), match={"id": "@m"},
         patch={"score1": 9, "winner_id": "@b"}),
    Case("move-to-other-host", "a", "tournament_matches", "update", DENIED,
         setup=(_tournament("x", "a"), _MATCH), match={"id": "@m"},
         patch={"tournament_id": "@t_b"}),
    Case("bracket-in-one-go", "a", "tournament_matches", "insert", ALLOWED,
         values=({"id": "@y", "tournament_id": "@t_a", "round": 1, "position": 1,
                  "next_match_id": "@z", "next_slot": 1},
                 {"id": "@z", "tournament_id": "@t_a", "round": 2, "position": 1})),
    Case("callee-reads", "b", "calls", "select", ALLOWED, setup=(_CALL_AB,),
         match={"id": "@x"}),
    Case("callee-accepts", "b", "calls", "update", ALLOWED, setup=(_CALL_AB,),
         match={"id": "@x"}, patch={"status": "accepted", "answered_at": TS}),
    Case("caller-ends", "a", "calls", "update", ALLOWED, setup=(_CALL_AB,),
         match={"id": "@x"}, patch={"status": "ended", "ended_at": TS}),
    # Issue 13, finding 3: a party rewrote caller_id and planted a call in C's history.
    Case("party-rewrites-caller", "b", "calls", "update", DENIED, setup=(_CALL_AB,),
         match={"id": "@x"}, patch={"caller_id": "@c"}),
    Case("party-rewrites-callee", "a", "calls", "update", DENIED, setup=(_CALL_AB,),
         match={"id": "@x"}, patch={"callee_id": "@c"}),
    Case("callee-deletes", "b", "calls", "delete", FILTERED, setup=(_CALL_AB,),
         match={"id": "@x"}),
    # PostgreSQL checks a policy's WITH CHECK (and, for rows it returns or an UPDATE with
    # a WHERE, the SELECT policy) on the new row before writing it, so a refused write is
    # 42501 whatever constraint it would also break: a 409 or 400 would tell the user
    # that a row they cannot see exists.
    Case("existing-row-of-others", "a", "conversation_members", "insert", DENIED,
         values=({"conversation_id": "@conv_bc", "user_id": "@b"},)),
    Case("check-constraint-of-others", "b", "calls", "insert", DENIED,
         values=({"id": "@y", "caller_id": "@a", "callee_id": "@a"},)),
    Case("redirect-onto-existing", "b", "friendships", "update", DENIED,
         setup=(_FRIENDS_AB, Row("friendships", {"user_id": "@a", "friend_id": "@c"})),
         match={"user_id": "@a", "friend_id": "@b"}, patch={"friend_id": "@c"}),
    # The SELECT rule of the new row sees the table as it was before the update.
    Case("move-membership", "a", "conversation_members", "update", DENIED,
         setup=_conv("x", "a"), match={"conversation_id": "@x", "user_id": "@a"},
         patch={"conversation_id": "@conv_bc"}),
    # An UPDATE with a WHERE reads the table, so the new row must pass SELECT even when
    # nothing is returned; the UPDATE rule alone (own row) would let it through.
    Case("move-membership-minimal", "a", "conversation_members", "update", DENIED,
         setup=_conv("x", "a"), match={"conversation_id": "@x", "user_id": "@a"},
         patch={"conversation_id": "@conv_bc"}, minimal=True),
    Case("mark-read-minimal", "a", "conversation_members", "update", ALLOWED,
         setup=_conv("x", "a"), match={"conversation_id": "@x", "user_id": "@a"},
         patch={"last_read_at": TS}, minimal=True),
    Case("no-sub", NO_SUB, "profiles", "select", ALLOWED, match={"id": "@a"}),
    Case("no-sub", NO_SUB, "profiles", "update", FILTERED, match={"id": "@a"},
         patch={"display_name": "nobody"}),
    Case("no-sub", NO_SUB, "friendships", "select", FILTERED, setup=(_FRIENDS_AB,),
         match={"user_id": "@a", "friend_id": "@b"}),
    Case("no-sub", NO_SUB, "notifications", "insert", DENIED,
         values=({"id": "@y", "user_id": "@c", "type": "invite", "title": "from nobody"},)),
    Case("no-sub-read-back", NO_SUB, "notifications", "insert", DENIED, returning=True,
         values=({"id": "@y", "user_id": "@c", "type": "invite", "title": "from nobody"},)),
    Case("no-sub", NO_SUB, "conversations", "insert", DENIED,
         values=({"id": "@y", "kind": "group", "title": "nobody's"},)),
    Case("no-sub", NO_SUB, "conversation_members", "insert", DENIED, setup=_conv("z"),
         values=({"conversation_id": "@z", "user_id": "@a"},)),
    Case("no-sub", NO_SUB, "tournaments", "select", ALLOWED, match={"id": "@t_a"}),
    Case("no-sub", NO_SUB, "tournaments", "insert", DENIED,
         values=({"id": "@y", "name": "Cup", "game": "chess", "host_id": "@a"},)),
    Case("no-sub", NO_SUB, "tournament_matches", "update", FILTERED,
         setup=(_tournament("x", "a"), _MATCH), match={"id": "@m"}, patch={"score1": 1}),
    Case("no-sub", NO_SUB, "calls", "select", FILTERED, setup=(_CALL_AB,), match={"id": "@x"}),
]

# Friends and blocks (migration 2 / 20261204000100): a block is private to its maker; a
# blocked player (either way) cannot request the other, nor write in their direct chat.
_BLOCK_AB = Row("blocks", {"blocker_id": "@a", "blocked_id": "@b"})
_BLOCK_BA = Row("blocks", {"blocker_id": "@b", "blocked_id": "@a"})

BLOCK_CASES: list[Case] = [
    *_grid("blocks", setup=(_BLOCK_AB,), match={"blocker_id": "@a", "blocked_id": "@b"},
           values=({"blocker_id": "@a", "blocked_id": "@c"},), patch={"created_at": TS},
           a="aafa", b="fdff"),
    Case("block-for-another", "b", "blocks", "insert", DENIED,
         values=({"blocker_id": "@a", "blocked_id": "@c"},)),
    Case("blocked-requests", "b", "friendships", "insert", DENIED, setup=(_BLOCK_AB,),
         values=({"user_id": "@b", "friend_id": "@a"},)),
    Case("requests-whom-one-blocked", "a", "friendships", "insert", DENIED,
         setup=(_BLOCK_AB,), values=({"user_id": "@a", "friend_id": "@b"},)),
    Case("unblocked-requests", "b", "friendships", "insert", ALLOWED,
         setup=(Row("blocks", {"blocker_id": "@a", "blocked_id": "@c"}),),
         values=({"user_id": "@b", "friend_id": "@a"},)),
    Case("blocked-writes-direct", "b", "messages", "insert", DENIED, setup=(_BLOCK_AB,),
         values=({"id": "@y", "conversation_id": "@conv_ab", "sender_id": "@b",
                  "body": "let me talk"},)),
    Case("writes-to-whom-one-blocked", "a", "messages", "insert", DENIED,
         setup=(_BLOCK_BA,),
         values=({"id": "@y", "conversation_id": "@conv_ab", "sender_id": "@a",
                  "body": "hello?"},)),
    Case("blocked-writes-group", "b", "messages", "insert", ALLOWED,
         setup=(*_conv("x", "a", "b", "c"), _BLOCK_AB),
         values=({"id": "@y", "conversation_id": "@x", "sender_id": "@b", "body": "hi all"},)),
    Case("body-at-limit", "a", "messages", "insert", ALLOWED,
         values=({"id": "@y", "conversation_id": "@conv_ab", "sender_id": "@a",
                  "body": "x" * 2000},)),
]

#: Every case, grid first.
CASES: list[Case] = GRID + EDGES + BLOCK_CASES

INVALID = "invalid"


@dataclass(frozen=True)
class RpcCase:
    """A call of ``create_conversation`` and what must come of it: ``allowed`` (then
    the conversation's members are ``members``, and its id ``returns`` when that names
    an existing one), ``denied`` (42501) or ``invalid`` (22023)."""

    name: str
    actor: str
    args: Mapping[str, Any]
    expect: str
    setup: tuple[Row, ...] = ()
    members: tuple[str, ...] = ()
    returns: str | None = None

    @property
    def id(self) -> str:
        return f"create_conversation-{self.actor}-{self.name}"

    def resolved_args(self, names: Names) -> dict[str, Any]:
        """The arguments with ``@`` names made ids (in ``member_ids`` too)."""
        args = names.resolve(self.args)
        args["member_ids"] = [names.id(m[1:]) for m in self.args.get("member_ids", ())]
        return args


_FRIENDS_AB_ACCEPTED = Row("friendships", {"user_id": "@a", "friend_id": "@b",
                                           "status": "accepted"})
_FRIENDS_CB_ACCEPTED = Row("friendships", {"user_id": "@c", "friend_id": "@b",
                                           "status": "accepted"})


def _direct(*members: str) -> dict[str, Any]:
    return {"conversation_kind": "direct", "member_ids": [f"@{m}" for m in members]}


#: Issue 13, finding 3: anyone who knew a conversation's id added themselves, and a
#: member added anyone. Conversations are now made by create_conversation only.
RPC_CASES: list[RpcCase] = [
    RpcCase("with-a-friend", "a", _direct("c"), ALLOWED,
            (Row("friendships", {"user_id": "@c", "friend_id": "@a", "status": "accepted"}),),
            members=("a", "c")),
    RpcCase("with-a-stranger", "a", _direct("c"), DENIED),
    RpcCase("pending-is-no-friend", "a", _direct("c"), DENIED,
            (Row("friendships", {"user_id": "@a", "friend_id": "@c"}),)),
    # The world's conv_ab is a and b's direct conversation: it is reused.
    RpcCase("again", "b", _direct("a"), ALLOWED, (_FRIENDS_AB_ACCEPTED,),
            members=("a", "b"), returns="conv_ab"),
    RpcCase("with-oneself", "a", _direct("a"), INVALID),
    RpcCase("with-two", "a", _direct("b", "c"), INVALID, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("group-of-friends", "b",
            {"conversation_kind": "group", "member_ids": ["@a", "@c", "@b", "@a"],
             "conversation_title": "squad"}, ALLOWED,
            (_FRIENDS_AB_ACCEPTED, _FRIENDS_CB_ACCEPTED), members=("a", "b", "c")),
    RpcCase("group-with-a-stranger", "a",
            {"conversation_kind": "group", "member_ids": ["@b", "@c"],
             "conversation_title": "squad"}, DENIED, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("group-without-a-title", "a",
            {"conversation_kind": "group", "member_ids": ["@b"], "conversation_title": "  "},
            INVALID, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("unknown-kind", "a", {"conversation_kind": "channel", "member_ids": ["@b"]},
            INVALID, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("anon", "anon", _direct("b"), DENIED, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("no-sub", NO_SUB, _direct("b"), DENIED, (_FRIENDS_AB_ACCEPTED,)),
    RpcCase("service", "service", _direct("b"), DENIED, (_FRIENDS_AB_ACCEPTED,)),
]

#: Cases PostgreSQL passes and the hub does not (none today). The hub side runs these as
#: strict xfails, so fixing the hub shows up as a failure: the case then moves to EDGES.
HUB_DIVERGENCES: list[Case] = []


def claims_for(actor: str, user_ids: Mapping[str, str]) -> dict[str, Any]:
    """The JWT claims a request of ``actor`` carries (as Supabase's keys and sessions)."""
    if actor == "anon":
        return {"role": "anon"}
    if actor == "service":
        return {"role": "service_role"}
    if actor == NO_SUB:
        return {"role": "authenticated", "aud": "authenticated"}
    return {"sub": user_ids[actor], "role": "authenticated", "aud": "authenticated"}


def primary_key(table_pk: tuple[str, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """The primary-key part of resolved row values."""
    return {c: values[c] for c in table_pk}
