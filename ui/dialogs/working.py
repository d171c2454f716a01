"""A dialog's long job on a worker thread, with a progress window that can stop it.

The dialog hands :meth:`Job.start` a plain function (run off the GUI thread:
no widget in it) and what to do with its result or its error (run back on the
GUI thread). Meanwhile a window-modal progress dialog tells how far it is and
offers to stop it; the window keeps repainting and answering. A job started
while another runs replaces it: the older one is told to stop and what it
reports later is ignored, so a late answer never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.tasks import Task, TaskRunner

Describe = Callable[[int, int], str]


class Job(QObject):
    """Runs one job at a time for ``parent`` and shows its progress over it."""

    finished = Signal()  # the current job has reported (done, failed or stopped)

    def __init__(
        self, parent: QWidget, *, minimum_duration: int = 400, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        # A window passes its own runner so that closing it waits for this job too.
        self.runner = runner or TaskRunner(self)
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.minimum_duration = minimum_duration  # ms before the progress window appears
        self._describe: Describe | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(
        self,
        work: Callable[[Task], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        title: str = "",
        label: str = "",
        describe: Describe | None = None,
        stop_text: str | None = None,
        show_progress: bool = True,
    ) -> Task:
        """Run ``work(task)`` on a worker; ``done``/``failed`` get its outcome on the GUI thread.

        ``describe(done, total)`` words the progress (``total`` 0: not yet
        known, the bar only shows it is busy); ``stop_text`` labels the button
        that stops the job (none: it cannot be stopped); ``show_progress``
        False runs it without a progress window (the dialog says it is busy).
        """
        self.abandon()
        if show_progress:
            self.progress = self._progress_dialog(title, label, stop_text)
        self._describe = describe

        def finish(task: Task, handler: Callable[[Any], None], outcome: Any) -> None:
            if task is not self.task:
                return  # replaced or abandoned: its answer is no longer wanted
            self.task = None
            self._close_progress()
            handler(outcome)
            self.finished.emit()

        def progress(task: Task, done_count: int, total: int) -> None:
            if task is self.task:
                self._progress(done_count, total)

        # The handlers run on the GUI thread, once this has returned: ``task`` is set.
        task = self.runner.start(
            work,
            lambda result: finish(task, done, result),
            lambda error: finish(task, failed, error),
            lambda count, total: progress(task, count, total),
        )
        self.task = task
        if self.progress is not None:
            self.progress.canceled.connect(task.cancel)
        return task

    def _progress_dialog(self, title: str, label: str, stop_text: str | None) -> QProgressDialog:
        dialog = QProgressDialog(label, stop_text or "", 0, 0, self._parent)
        if stop_text is None:
            dialog.setCancelButton(None)
        dialog.setObjectName("job_progress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.setMinimumDuration(self.minimum_duration)
        dialog.setValue(0)  # starts the clock: without it Qt waits its default 4 s to show it
        return dialog

    def _progress(self, done: int, total: int) -> None:
        dialog = self.progress
        if dialog is None or dialog.wasCanceled():
            return
        if self._describe is not None:
            dialog.setLabelText(self._describe(done, total))
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def abandon(self) -> None:
        """Tell the running job to stop and ignore whatever it reports later."""
        running, self.task = self.task, None
        self._close_progress()
        if running is not None:
            running.cancel()
            self.finished.emit()

    def stop(self) -> None:
        """Abandon the running job and wait for its thread (when the dialog closes)."""
        self.abandon()
        self.runner.wait()

    def wait(self) -> None:
        """Keep the events flowing until the current job has reported (tests, screenshots)."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        try:
            while self.task is not None:
                loop.exec()
        finally:
            self.finished.disconnect(loop.quit)
