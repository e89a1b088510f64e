"""Tournaments: the bracket engine (pure), and later the service, models and views.

The engine modules (``matches``, ``seeding``, ``elimination``, ``doubleelim``,
``roundrobin``, ``swiss``, ``progression``, ``results``, ``standings`` and the ``bracket``
facade) are Qt-free and pure; import them directly. This package ``__init__`` stays
empty so importing one of them never loads Qt.
"""
