"""The ranges a value from outside (a report cell, a command-line value) must be in.

Anything outside is refused with the value named, never rounded, clipped or
let through to fail later with a traceback:

- an amount: ASCII digits, a dot or a comma before at most two decimals, a
  sign for those that may be negative, at most 1,000,000.00 either way per
  line (``1_000.00``, ``1e30``, ``١٢``, ``１２`` and ``12.345`` are refused);
- a quantity: a whole number of units from 0 to 10,000;
- a date: ``YYYY-MM-DD``, optionally with a time and an offset (ISO 8601's
  calendar form only, no week dates), in the years 2000 to 2100;
- a report cell: at most 2,000 characters;
- a batch number: 1 to 1,000,000,000; a window in days: 1 to 3,650.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal

MAX_AMOUNT = Decimal("1000000.00")
MAX_UNITS = 10_000
FIRST_YEAR = 2000
LAST_YEAR = 2100
MAX_CELL = 2_000
MAX_BATCH = 1_000_000_000
MAX_DAYS = 3_650
# How much of a refused value a message repeats.
SHOWN = 60

_AMOUNT = re.compile(r"[+-]?[0-9]{1,7}(?:[.,][0-9]{1,2})?", re.ASCII)
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,7}(?:[.,][0-9]{1,2})?", re.ASCII)
_UNITS = re.compile(r"\+?[0-9]{1,6}", re.ASCII)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?",
    re.ASCII,
)


def amount(raw: str, *, signed: bool = True) -> Decimal:
    """A money amount within ±1,000,000.00 with two decimals at most; ValueError if not."""
    cleaned = raw.strip().replace("\u00a0", "").replace(" ", "")
    if not (_AMOUNT if signed else _PLAIN_AMOUNT).fullmatch(cleaned):
        raise ValueError(raw)
    value = Decimal(cleaned.replace(",", "."))
    if abs(value) > MAX_AMOUNT:
        raise ValueError(raw)
    return value.quantize(Decimal("0.01"))


def units(raw: str) -> int:
    """A whole number of units, 0 to 10,000; ValueError if not."""
    cleaned = raw.strip()
    if not _UNITS.fullmatch(cleaned):
        raise ValueError(raw)
    value = int(cleaned)
    if value > MAX_UNITS:
        raise ValueError(raw)
    return value


def moment(raw: str) -> datetime:
    """A date or date and time (UTC unless it says), years 2000 to 2100; ValueError if not."""
    value = raw.strip()
    if _DAY.fullmatch(value):
        parsed = datetime.combine(date.fromisoformat(value), time(), UTC)
    elif _MOMENT.fullmatch(value):
        if value.endswith(("Z", "z")):
            value = value[:-1] + "+00:00"
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
    else:
        raise ValueError(raw)
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise ValueError(raw)
    return parsed.astimezone(UTC)


def day(raw: str) -> date:
    """A calendar day ``YYYY-MM-DD``, years 2000 to 2100; ValueError if not."""
    value = raw.strip()
    if not _DAY.fullmatch(value):
        raise ValueError(raw)
    parsed = date.fromisoformat(value)
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise ValueError(raw)
    return parsed


def shown(raw: str) -> str:
    """A value as a message repeats it: a long one cut, so a 1 MB cell is not echoed."""
    if len(raw) <= SHOWN:
        return raw
    return f"{raw[:SHOWN]}… ({len(raw):,} characters)"
