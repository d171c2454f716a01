"""The program's entry point, above app/ and ui/: ``sellerdesk`` and the desktop bundle.

With no command it opens the window; otherwise it hands the arguments to app/'s command
line, giving it what only the window's code can do (draw the summary PDF). Qt is imported
only when one of those is used, so every other command starts without it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import main as command_line

if TYPE_CHECKING:
    from app.account_health.summary import Summary


def open_window(*, database: str | None, demo: bool) -> int:
    from ui.application import run

    global _window_opened
    _window_opened = True
    return run(database=database, demo=demo)


_window_opened = False


def print_summary(summary: Summary, path: Path, language: str | None = None) -> int:
    # With no display (a server, a script over SSH) Qt draws offscreen.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.printing.output import summary_to_pdf

    return summary_to_pdf(summary, path, language=language)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sellerdesk`` with ``argv``; None: the program's own arguments, and the process
    ends when this returns (the console script, ``python -m ui.launcher``)."""
    status = command_line.main(argv, open_window=open_window, print_summary=print_summary)
    if argv is None and not _window_opened:
        _end_without_collecting()
    return status


def _end_without_collecting() -> None:
    """A command done, its process about to end: leave every object to the exit as it is.

    The interpreter's exit otherwise runs the garbage collector over everything
    SQLAlchemy and the database driver built (a tenth of a second, a quarter of
    `sellerdesk list` on a small shop, bench_start.py); the operating system frees
    the memory anyway. Every file and connection is closed by then (the command's
    ``with`` blocks, ``Database.dispose``); exit handlers still run. Not after the
    window: Qt's objects are left to be torn down as Qt expects.
    """
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
