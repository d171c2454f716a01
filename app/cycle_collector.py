"""Python's cycle collector, paused while a long piece of work builds many objects.

An import, a bulk cancel or an export makes hundreds of thousands of short-lived
rows, dicts and texts that form no cycles: reference counting frees them anyway,
and the collector would only walk them again and again (a fifth to a third of
the work's time). The pause is process-wide, so it is counted: pauses may nest
or overlap on different threads (the window imports on a worker while the GUI
thread exports), and the collector is back, if it was on, when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.was_enabled = False


_pauses = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (reference counting frees as usual)."""
    with _pauses.lock:
        if _pauses.count == 0:
            _pauses.was_enabled = gc.isenabled()
            gc.disable()
        _pauses.count += 1
    try:
        yield
    finally:
        with _pauses.lock:
            _pauses.count -= 1
            if _pauses.count == 0 and _pauses.was_enabled:
                gc.enable()
