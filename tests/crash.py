"""Run the real ``sellerdesk`` in a child process and kill it (SIGKILL) at a chosen step.

A step is one SQL statement sent to the database or one commit (app.storage.faults).
``steps()`` runs a command once to list its steps, so a test can kill it just
before each one, or before the ones that matter.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.storage import faults


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str

    @property
    def killed(self) -> bool:
        return self.status == -signal.SIGKILL


def sellerdesk(*args: str, kill_at: int | None = None, steps_log: Path | None = None) -> Run:
    env = dict(os.environ)
    env.pop(faults.KILL_AT, None)
    env.pop(faults.STEPS, None)
    if kill_at is not None:
        env[faults.KILL_AT] = str(kill_at)
    if steps_log is not None:
        env[faults.STEPS] = str(steps_log)
    done = subprocess.run(
        [sys.executable, "-m", "app.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def steps(tmp: Path, *args: str) -> list[str]:
    """The statements ``sellerdesk ARGS`` sends, in order (step n is ``steps[n - 1]``)."""
    log = tmp / "steps.log"
    log.unlink(missing_ok=True)
    run = sellerdesk(*args, steps_log=log)
    assert run.status == 0, run.err
    return [line.split("\t", 1)[1] for line in log.read_text(encoding="utf-8").splitlines()]
