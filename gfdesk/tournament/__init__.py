"""Tournaments: the bracket engine, the live bracket, the host console, the section.

Inside: the pure engine (``matches``, ``seeding``, ``elimination``, ``doubleelim``,
``roundrobin``, ``swiss``, ``progression``, ``results``, ``standings``, the ``bracket``
facade) and the client's pure modules (``info``, ``livebracket``, ``scores``,
``layout``, ``cards``, ``export``) -> the Qt-free ``service``, ``feed`` and ``host`` ->
the Qt models (``model``, ``pagemodel``, ``bracketmodel``, ``hostmodel``,
``standingsmodel``, ``chatmodel``, ``listmodel``) -> the views. ``TournamentFeature``
(Qt, in ``feature``) is imported lazily, so importing the Qt-free modules never loads Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["TournamentFeature"]


def __getattr__(name: str) -> Any:
    if name == "TournamentFeature":
        from gfdesk.tournament.feature import TournamentFeature

        return TournamentFeature
    raise AttributeError(name)
