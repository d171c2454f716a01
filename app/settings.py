"""The shop's own settings, kept in the database's ``settings`` table.

Small key/value access: the shop name printed on summaries, the interface
language, the restocking-fee ceilings per condition grade (DESIGN.md §5).
Window geometry stays in ``QSettings``; what belongs to the shop lives here so
that every computer sharing the database sees the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update

from app.errors import BadInput
from app.storage.core_tables import settings as table
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

SHOP_NAME = "shop_name"
LANGUAGE = "language"  # "fr", "en" or absent: follow the system language
RESTOCKING_CEILING_PREFIX = "restocking_ceiling."
CARRIER_RETURN_CEILING_PREFIX = "carrier_return_ceiling."
BACKUPS_KEEP = "backups.keep"  # how many of the latest backups app.storage.backups keeps

DEFAULT_SHOP_NAME = "My shop"
DEFAULT_BACKUPS_KEEP = 7  # a week of daily backups
MAX_BACKUPS_KEEP = 365
LANGUAGES = ("fr", "en")
# Percent of the item line's charged price, per return condition grade (DESIGN.md §5).
DEFAULT_RESTOCKING_CEILINGS: dict[str, Decimal] = {
    "new": Decimal("0"),
    "late": Decimal("20"),
    "opened": Decimal("20"),
    "used": Decimal("50"),
    "damaged": Decimal("50"),
}
# (updated) A carrier return (S16) has its own ceiling, whatever the grade, and a
# higher one when the parcel came back damaged (DESIGN.md §5).
CARRIER_ANY = "any"
CARRIER_DAMAGED = "damaged"
DEFAULT_CARRIER_RETURN_CEILINGS: dict[str, Decimal] = {
    CARRIER_ANY: Decimal("20"),
    CARRIER_DAMAGED: Decimal("50"),
}


# Settings are read and written with Core statements (in an ORM session or on a plain
# connection alike): the window's start and every command read one without loading the ORM.


def read(session: Session | Connection, key: str, default: str | None = None) -> str | None:
    value = session.execute(select(table.c.value).where(table.c.key == key)).scalar()
    return default if value is None else value


def write(session: Session | Connection, key: str, value: str | None) -> None:
    """Set a value inside the caller's transaction; None removes it."""
    if value is None:
        session.execute(delete(table).where(table.c.key == key))
        return
    if read(session, key) is None:
        session.execute(insert(table).values(key=key, value=value))
    else:
        session.execute(update(table).where(table.c.key == key).values(value=value))


def get(db: Database, key: str, default: str | None = None) -> str | None:
    with db.connected() as connection:
        return read(connection, key, default)


def put(db: Database, key: str, value: str | None) -> None:
    with db.transaction() as session:
        write(session, key, value)


def shop_name(session: Session | Connection) -> str:
    name = (read(session, SHOP_NAME) or "").strip()
    return name or DEFAULT_SHOP_NAME


def language(session: Session | Connection) -> str | None:
    """The chosen interface language, or None to follow the system."""
    value = read(session, LANGUAGE)
    return value if value in LANGUAGES else None


def check_language(value: str) -> str:
    value = value.strip().lower()
    if value not in LANGUAGES:
        raise BadInput(
            text(
                "Settings",
                QT_TRANSLATE_NOOP("Settings", "Unknown language {value!r}: choose fr or en."),
                value=value,
            )
        )
    return value


def backups_keep(session: Session | Connection) -> int:
    """How many backups to keep."""
    return backups_keep_from(read(session, BACKUPS_KEEP))


def backups_keep_from(raw: str | None) -> int:
    """The stored value; absent or hand-edited into nonsense, the default."""
    try:
        return check_backups_keep(raw or "")
    except BadInput:
        return DEFAULT_BACKUPS_KEEP


def check_backups_keep(raw: str) -> int:
    """A number of backups to keep as typed: 1 to MAX_BACKUPS_KEEP, or BadInput."""
    cleaned = raw.strip()
    if cleaned.isascii() and cleaned.isdecimal() and 1 <= int(cleaned) <= MAX_BACKUPS_KEEP:
        return int(cleaned)
    raise BadInput(
        text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "{value!r} is not a number of backups: write a number from 1 to {most}."
            ),
            value=raw[:40],
            most=MAX_BACKUPS_KEEP,
        )
    )


def _percentages(
    session: Session | Connection, prefix: str, defaults: dict[str, Decimal]
) -> dict[str, Decimal]:
    values = dict(defaults)
    for key in values:
        raw = read(session, prefix + key)
        if raw is None:
            continue
        try:
            values[key] = Decimal(raw)
        except InvalidOperation:
            continue  # a hand-edited bad value falls back to the default
    return values


def restocking_ceilings(session: Session | Connection) -> dict[str, Decimal]:
    """Ceiling percent per condition grade, the defaults overridden by the shop's values."""
    return _percentages(session, RESTOCKING_CEILING_PREFIX, DEFAULT_RESTOCKING_CEILINGS)


def carrier_return_ceilings(session: Session | Connection) -> dict[str, Decimal]:
    """A carrier return's ceiling percent (``any`` grade, ``damaged``), overridable."""
    return _percentages(session, CARRIER_RETURN_CEILING_PREFIX, DEFAULT_CARRIER_RETURN_CEILINGS)


def check_percent(raw: str) -> Decimal:
    """A ceiling as typed (``20``, ``12,5``, ``20 %``): 0 to 100, or BadInput."""
    cleaned = raw.strip().rstrip("%").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        raise BadInput(
            text(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings", "{value!r} is not a percentage: write a number from 0 to 100."
                ),
                value=raw,
            )
        )
    return value


@dataclass(frozen=True)
class Preferences:
    """What the Preferences dialog edits, all saved together."""

    shop_name: str
    language: str | None  # None: follow the system
    ceilings: dict[str, Decimal]
    carrier_return_ceilings: dict[str, Decimal]


def preferences(db: Database) -> Preferences:
    with db.reading() as session:
        return Preferences(
            shop_name=(read(session, SHOP_NAME) or "").strip(),
            language=language(session),
            ceilings=restocking_ceilings(session),
            carrier_return_ceilings=carrier_return_ceilings(session),
        )


def save_preferences(db: Database, chosen: Preferences) -> None:
    """Save every preference in one transaction; a value equal to its default is stored
    anyway, so a later change of default does not move the shop's own choice."""
    for value in (*chosen.ceilings.values(), *chosen.carrier_return_ceilings.values()):
        check_percent(str(value))
    with db.transaction() as session:
        write(session, SHOP_NAME, chosen.shop_name.strip() or None)
        write(session, LANGUAGE, check_language(chosen.language) if chosen.language else None)
        for grade, value in chosen.ceilings.items():
            write(session, RESTOCKING_CEILING_PREFIX + grade, str(value))
        for key, value in chosen.carrier_return_ceilings.items():
            write(session, CARRIER_RETURN_CEILING_PREFIX + key, str(value))
