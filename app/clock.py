"""Timezone-aware time: everything is stored in UTC and compared aware."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def now() -> datetime:
    return datetime.now(UTC)


def parse_timestamp(raw: str) -> datetime:
    """Parse an ISO-8601 timestamp from a report or the command line.

    ``Z`` and offsets are honoured; a bare date means midnight UTC; a
    timestamp without offset is taken as UTC (reports are in UTC).
    Raises ValueError on anything else.
    """
    value = raw.strip()
    if not value:
        raise ValueError(raw)
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    if len(value) == 10:
        day = date.fromisoformat(value)
        return datetime.combine(day, time(), UTC)
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    return None if value is None else as_utc(value).isoformat()


def whole_days(later: datetime, earlier: datetime) -> int:
    """Whole days elapsed between two moments (floor, never rounded up)."""
    return (as_utc(later) - as_utc(earlier)).days
