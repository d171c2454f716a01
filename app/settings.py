"""The shop's own settings, kept in the database's ``settings`` table.

Small key/value access: the shop name printed on summaries, the interface
language, the restocking-fee ceilings per condition grade (DESIGN.md §5).
Window geometry stays in ``QSettings``; what belongs to the shop lives here so
that every computer sharing the database sees the same values.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from app.db import Database
from app.errors import BadInput
from app.models import Setting
from app.text import QT_TRANSLATE_NOOP, text

SHOP_NAME = "shop_name"
LANGUAGE = "language"  # "fr", "en" or absent: follow the system language
RESTOCKING_CEILING_PREFIX = "restocking_ceiling."

DEFAULT_SHOP_NAME = "My shop"
LANGUAGES = ("fr", "en")
# Percent of the item line's charged price, per return condition grade (DESIGN.md §5).
DEFAULT_RESTOCKING_CEILINGS: dict[str, Decimal] = {
    "new": Decimal("0"),
    "late": Decimal("20"),
    "opened": Decimal("20"),
    "used": Decimal("50"),
    "damaged": Decimal("50"),
}


def read(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Setting, key)
    return default if row is None else row.value


def write(session: Session, key: str, value: str | None) -> None:
    """Set a value inside the caller's transaction; None removes it."""
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def get(db: Database, key: str, default: str | None = None) -> str | None:
    with db.reading() as session:
        return read(session, key, default)


def put(db: Database, key: str, value: str | None) -> None:
    with db.transaction() as session:
        write(session, key, value)


def shop_name(session: Session) -> str:
    name = (read(session, SHOP_NAME) or "").strip()
    return name or DEFAULT_SHOP_NAME


def language(session: Session) -> str | None:
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


def restocking_ceilings(session: Session) -> dict[str, Decimal]:
    """Ceiling percent per condition grade, the defaults overridden by the shop's values."""
    ceilings = dict(DEFAULT_RESTOCKING_CEILINGS)
    for grade in ceilings:
        raw = read(session, RESTOCKING_CEILING_PREFIX + grade)
        if raw is None:
            continue
        try:
            ceilings[grade] = Decimal(raw)
        except InvalidOperation:
            continue  # a hand-edited bad value falls back to the default
    return ceilings
