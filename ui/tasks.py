"""Work run off the GUI thread, reporting back through signals.

A :class:`Task` wraps a plain function; the window starts it on its
:class:`QThreadPool` and connects ``done``/``failed``/``progress``. The window
never freezes on a long import or a count over a million orders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.storage.db import load_orm_package


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int)


class Task(QRunnable):
    """One piece of work; ``work`` receives the task to report progress or see a cancel."""

    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._cancel = threading.Event()
        self.signals = TaskSignals()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self)
        except Exception as error:  # handed to the GUI thread, which explains it
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a private pool and keeps them alive until they report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._running: set[Task] = set()

    def start(
        self,
        work: Callable[[Task], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Start ``work`` on the pool; its outcome and ``progress(done, total)`` reach the
        GUI thread. Everything is connected before it starts: a report the worker makes
        before a connection is lost (its first ones, on a quick worker)."""
        task = Task(work)
        self._running.add(task)
        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        if progress is not None:
            task.signals.progress.connect(progress)
        task.signals.done.connect(lambda _result: self._running.discard(task))
        task.signals.failed.connect(lambda _error: self._running.discard(task))
        load_orm_package()  # never loaded beside a thread that uses the database
        self._pool.start(task)
        return task

    def wait(self, *, cancel: bool = True) -> None:
        """Block until every started task has finished (on close and in tests).

        ``cancel`` first tells each to stop; without it they run to their end.
        """
        if cancel:
            for task in list(self._running):
                task.cancel()
        self._pool.waitForDone()
