"""The widget kit: small Qt pieces every feature and the shell share (icons, avatars,
badges, derived fonts, an elided label, named timers).

The kit imports neither the shell (``gfdesk.ui``), nor a feature, nor ``gfdesk.core``:
it knows widgets and paint, never the account, the network or a window's layout.
"""
