"""The app as a desktop citizen: one instance per profile, ``gfdesk://`` links, autostart,
streamer mode. The Qt-free modules (``links``, ``instance``, ``autostart``,
``streamerdetect``) are checked by pyproject's import contracts."""
