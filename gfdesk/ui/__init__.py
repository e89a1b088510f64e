"""The shell: main window, sidebar, status bar, settings, tray and theme.

Views here hold no state of their own beyond widgets; the composition root
(``gfdesk.app``) creates them and wires them to models and services.
"""
