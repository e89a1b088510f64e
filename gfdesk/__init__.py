"""gfdesk: the GamerFlick desktop app."""

__version__ = "0.1.0"
