"""1:1 video and audio calls: signalling over Realtime, aiortc peers, media, rendering.

Layers, each importing only the ones below it:

- pure values and rules: ``states`` (row statuses, call states, end reasons, the
  ``calls`` row), ``signals`` (signalling messages and their validation), ``testpattern``
  (the synthetic picture and its frame counter), ``callstats`` (the quality figures);
- Qt-free engine: ``signaling`` (the base class and the Realtime implementation),
  ``peerthread`` (aiortc's own loop and thread), ``peer`` (one RTCPeerConnection),
  ``media``/``camera``/``sinks`` (sources and consumers of frames), ``engine`` (one
  account's calls), ``cli`` (``gfdesk call``);
- Qt: ``render`` (``av.VideoFrame`` -> a Qt surface) and ``audio`` (speaker and
  microphone through QtMultimedia).

aiortc and av are heavy: only ``peer``, ``media``, ``camera`` and ``render``'s
converters import them, and the engine imports those when the first call starts, so
start-up never pays for them. This package's ``__init__`` imports nothing.
"""
