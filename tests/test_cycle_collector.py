"""The cycle collector's pause (app.cycle_collector): off inside, back when the last
pause ends, never switched on behind the back of whoever switched it off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from app.cycle_collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_back_after_even_on_an_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_nested_pauses_keep_it_off_until_the_outer_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_pauses_overlapping_on_two_threads_keep_it_off_until_both_end() -> None:
    # A worker's import started first and ends while the GUI thread's export still
    # runs: the export must not find the collector back on half-way.
    import_started, export_started, import_done = (threading.Event() for _ in range(3))

    def worker_import() -> None:
        with collector_paused():
            import_started.set()
            export_started.wait(5)
        import_done.set()

    worker = threading.Thread(target=worker_import)
    worker.start()
    import_started.wait(5)
    with collector_paused():
        export_started.set()
        import_done.wait(5)
        on_during_export = gc.isenabled()
    worker.join(5)
    assert on_during_export is False
    assert gc.isenabled()
