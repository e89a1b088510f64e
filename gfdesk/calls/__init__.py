"""1:1 video and audio calls: signalling over Realtime, aiortc peers, media, rendering.

Layers, each importing only the ones below it:

- pure values and rules: ``states`` (row statuses, call states, end reasons, the
  ``calls`` row), ``signals`` (signalling messages and their validation), ``testpattern``
  (the synthetic picture and its frame counter), ``callstats`` (the quality figures),
  ``wording`` (what the call windows say), ``sinks`` (newest-frame slot, PCM buffer,
  frame meter), ``planes`` (PyAV plane bytes);
- Qt-free engine: ``signaling`` (the base class and the Realtime implementation),
  ``peerthread`` (aiortc's own loop and thread), ``receivehold`` (pictures released at
  their last packet), ``peer`` (one RTCPeerConnection), ``callmedia`` (what a call sends
  and where its frames go), ``media``/``camera`` (sources), ``engine`` (one account's
  calls);
- Qt-free, above the engine: ``service`` (the app's calls: engine, names, settings per
  call), ``demobot`` (the demo's calling friend), ``cli`` (``gfdesk call``);
- Qt: ``render`` (``av.VideoFrame`` -> a Qt surface) and ``audio`` (speaker and
  microphone through QtMultimedia), ``model`` (the call for the windows), ``ringer``,
  ``videoviews`` (self-view, avatar, pop-out), ``callwindow``, ``incomingwindow``, and
  ``feature`` (``CallsFeature``, what the account flow builds).

aiortc and av are heavy: only ``peer``, ``receivehold``, ``media`` and ``camera`` import
them (``render`` and ``audio`` only for type hints and on first use), and the engine
imports those when the first call starts, so start-up never pays for them. This
package's ``__init__`` imports nothing.
"""
