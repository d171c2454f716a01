"""A dialog's long job shows every progress its worker reports, the first ones included."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from ui.dialogs.working import Job
from ui.tasks import Task


def test_a_report_made_before_the_job_has_started_is_shown(qtbot, monkeypatch) -> None:
    # A quick worker can report before start() has returned to the dialog: that report
    # was lost (the progress was connected too late), and the window showed nothing
    # until the next one; a job held at its first report showed nothing at all.
    parent = QWidget()
    qtbot.addWidget(parent)
    job = Job(parent, minimum_duration=0)
    reported = threading.Event()
    release = threading.Event()

    def work(task: Task) -> str:
        task.report(3, 10)
        reported.set()
        assert release.wait(10)
        return "done"

    real_start = job.runner.start

    def start_once_reported(*args, **kwargs) -> Task:
        task = real_start(*args, **kwargs)
        assert reported.wait(10)  # the worker reported before start() returns
        return task

    monkeypatch.setattr(job.runner, "start", start_once_reported)
    outcome: list[object] = []
    job.start(
        work,
        outcome.append,
        outcome.append,
        describe=lambda done, total: f"{done} of {total}",
        stop_text="Stop",
    )
    progress = job.progress
    assert progress is not None
    try:
        qtbot.waitUntil(lambda: progress.labelText() == "3 of 10", timeout=3000)
    finally:
        release.set()
    job.wait()
    assert outcome == ["done"]
    assert job.progress is None
