"""What every command shares: its declaration, output and warnings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import clock, limits
from app.db import Database
from app.errors import BadInput
from app.text import QT_TRANSLATE_NOOP, text

Handler = Callable[[argparse.Namespace, Database], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Handler


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(line: str = "") -> None:
    print(line)


def warn(line: str) -> None:
    print(f"warning: {line}", file=sys.stderr)


def parse_moment(raw: str | None) -> datetime:
    """``--as-of`` and friends: an ISO-8601 date or datetime, now when absent."""
    if raw is None:
        return clock.now()
    try:
        return limits.moment(raw)
    except ValueError:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "{raw!r} is not a date or time from 2000 to 2100: use 2026-11-20 or "
                    "2026-11-20T12:00:00Z.",
                ),
                raw=limits.shown(raw),
            )
        ) from None
