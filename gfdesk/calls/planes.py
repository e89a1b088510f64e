"""The bytes of a PyAV frame's plane, read without PyAV's buffer protocol. Qt-free.

PyAV 18's ``Plane.__getbuffer__`` (Cython) fills the view with ``PyBuffer_FillInfo``
over the ``None`` Cython put into ``view.obj``, so every ``memoryview(plane)`` or
``bytes(plane)`` leaks one reference to ``None``: three per picture, 180 a second per
video stream. ``plane_view`` makes the view from the plane's address and size through
ctypes instead: no copy, no leak.

The view borrows the frame's memory: keep the frame alive while it is used (the
functions here use it within one call).
"""

from __future__ import annotations

import ctypes
from typing import Any


def plane_view(plane: Any) -> memoryview:
    """A writable byte view of ``plane`` (an ``av`` video or audio plane)."""
    size = plane.buffer_size
    if size == 0:
        return memoryview(b"")
    array = (ctypes.c_ubyte * size).from_address(plane.buffer_ptr)
    return memoryview(array).cast("B")
