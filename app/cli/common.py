"""What every command shares: its declaration, output and warnings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app import clock, limits
from app.errors import BadInput
from app.json_text import json_writer
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

if TYPE_CHECKING:
    from app.account_health.summary import Summary

Handler = Callable[[argparse.Namespace, Database], int]
Unopened = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Handler
    # A command that must not open (and so upgrade) the database runs this instead.
    unopened: Unopened | None = None


class OpenWindow(Protocol):
    """What ``sellerdesk`` with no command does: opens the window, returns the exit status."""

    def __call__(self, *, database: str | None, demo: bool) -> int: ...


class PrintSummary(Protocol):
    """Writes a cancellation summary to a PDF file; returns its number of pages.

    The document is drawn by the window's printing code, so the launcher above app/
    hands it to the command line (app/ draws nothing itself).
    """

    def __call__(self, summary: Summary, path: Path, language: str | None = None) -> int: ...


def print_json(value: Any) -> None:
    """Indented JSON, except that a flat object inside a list takes one line.

    Same values and shapes as ``json.dump(indent=2)``; a list of 100,000 late
    orders is written by the C encoder one line each (a second, not twenty).
    """
    sys.stdout.writelines(_json_lines(value, ""))
    sys.stdout.write("\n")


class Encoded(list[str]):
    """A list whose entries are already written as one-line JSON (``one_line`` of each).

    :func:`print_json` writes it as it writes a list of flat objects: a command with
    100,000 entries of a few shapes builds each line from cached pieces instead. A
    subclass may keep its entries otherwise: it says whether it has any (``bool``)
    and writes them one after another (:meth:`written`)."""

    def written(self, separator: str) -> Iterator[str]:
        """The entries' text, ``separator`` between each two, in pieces to write in turn."""
        yield separator.join(self)


def _flat(value: Any) -> bool:
    return isinstance(value, dict) and not any(isinstance(v, dict | list) for v in value.values())


def _json_lines(value: Any, pad: str) -> Iterator[str]:
    inner = pad + "  "
    if isinstance(value, Encoded) and value:
        # In pieces: the entries' text (tens of megabytes) is not copied again.
        yield "[\n" + inner
        yield from value.written(",\n" + inner)
        yield "\n" + pad + "]"
    elif isinstance(value, Encoded):
        yield "[]"
    elif isinstance(value, dict) and value:
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("\n" if number == 0 else ",\n") + inner + one_line(key) + ": "
            yield from _json_lines(item, inner)
        yield "\n" + pad + "}"
    elif isinstance(value, list) and value and _flat(value[0]):
        # A list holds one kind of entry: the first one decides the layout.
        yield "[\n" + inner + (",\n" + inner).join(map(one_line, value)) + "\n" + pad + "]"
    elif isinstance(value, list) and value:
        yield "["
        for number, item in enumerate(value):
            yield ("\n" if number == 0 else ",\n") + inner
            yield from _json_lines(item, inner)
        yield "\n" + pad + "]"
    else:
        yield one_line(value)


_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


# A value as one line of JSON, as print_json writes a flat list's entry. Its C encoder
# made once (app/json_text.py): half the time of writing 200,000 flat entries went to
# making one per value.
one_line = json_writer(_ONE_LINE)


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
