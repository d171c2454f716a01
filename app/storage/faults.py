"""Fault injection for the crash tests: die at a chosen database step.

With ``SELLERDESK_TEST_KILL_AT=N`` the process kills itself (SIGKILL, no
clean-up at all) just before its Nth step, where a step is one SQL statement
sent to the driver, one commit, or one file moved into place. ``SELLERDESK_TEST_STEPS=FILE``
appends each step's number and statement to FILE, so a test can choose its
kill points. Neither is set outside the tests; without them nothing is
installed.
"""

from __future__ import annotations

import itertools
import os
import signal
from typing import Any

from sqlalchemy import Connection, Engine, event

KILL_AT = "SELLERDESK_TEST_KILL_AT"
STEPS = "SELLERDESK_TEST_STEPS"
_counter = itertools.count(1)


def install(engine: Engine) -> None:
    if not (os.environ.get(KILL_AT) or os.environ.get(STEPS)):
        return

    def before_statement(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        _step(statement)

    def before_commit(_conn: Connection) -> None:
        _step("COMMIT")

    event.listen(engine, "before_cursor_execute", before_statement)
    event.listen(engine, "commit", before_commit)


def step(what: str) -> None:
    """A step that is not SQL (a file moved into place), for the same kill points."""
    if os.environ.get(KILL_AT) or os.environ.get(STEPS):
        _step(what)


def _step(statement: str) -> None:
    number = next(_counter)
    log = os.environ.get(STEPS)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{number}\t{' '.join(statement.split())[:200]}\n")
    if str(number) == os.environ.get(KILL_AT):
        os.kill(os.getpid(), signal.SIGKILL)
