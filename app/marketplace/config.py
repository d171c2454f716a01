"""What the seller chose for the connection: region, marketplaces, how often to sync.

Kept in the shop's settings table (no secret ever goes there: see
:mod:`app.marketplace.secrets`). ``SELLERDESK_SPAPI_ENDPOINT`` points every call
(the token service included) at another server; it exists for the tests' local
stand-in and is never needed against the real marketplace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from app import settings
from app.errors import BadInput
from app.marketplace.regions import BY_CODE, ENDPOINTS, LWA_TOKEN_URL, REGION_NAMES
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

CTX = "Marketplace"
ENDPOINT_ENV = "SELLERDESK_SPAPI_ENDPOINT"
REGION_KEY = "marketplace.region"
MARKETPLACES_KEY = "marketplace.marketplaces"
INTERVAL_KEY = "marketplace.sync_minutes"
DEFAULT_INTERVAL = 15
MIN_INTERVAL = 5  # the Reports API allows about one report a minute: no tighter loop


@dataclass(frozen=True)
class ConnectionSettings:
    region: str
    marketplaces: tuple[str, ...]  # codes from app.marketplace.regions
    sync_minutes: int = DEFAULT_INTERVAL

    @property
    def marketplace_ids(self) -> list[str]:
        return [BY_CODE[code].marketplace_id for code in self.marketplaces]


def checked(region: str, marketplaces: list[str], sync_minutes: int) -> ConnectionSettings:
    """The seller's choice, or BadInput saying what is wrong with it."""
    region = region.strip().lower()
    if region not in REGION_NAMES:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Marketplace", "Unknown region {value!r}: choose na, eu or fe."),
                value=region,
            )
        )
    codes = [code.strip().upper() for code in marketplaces if code.strip()]
    codes = ["GB" if code == "UK" else code for code in codes]
    if not codes:
        raise BadInput(
            text(CTX, QT_TRANSLATE_NOOP("Marketplace", "Choose at least one marketplace."))
        )
    for code in codes:
        place = BY_CODE.get(code)
        if place is None or place.region != region:
            raise BadInput(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Marketplace", "{code} is not a marketplace of the region {region}."
                    ),
                    code=code,
                    region=region,
                )
            )
    if sync_minutes < MIN_INTERVAL:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Marketplace", "Sync every {minutes} minutes at the most often."),
                minutes=MIN_INTERVAL,
            )
        )
    return ConnectionSettings(region, tuple(dict.fromkeys(codes)), sync_minutes)


def load(db: Database) -> ConnectionSettings | None:
    """The saved choice, or None when the connection was never set up."""
    with db.connected() as connection:
        region = settings.read(connection, REGION_KEY)
        places = settings.read(connection, MARKETPLACES_KEY)
        minutes = settings.read(connection, INTERVAL_KEY)
    if not region or not places:
        return None
    try:
        return checked(region, places.split(","), int(minutes or DEFAULT_INTERVAL))
    except (BadInput, ValueError):
        return None  # a hand-edited bad value: set it up again


def save(db: Database, chosen: ConnectionSettings) -> None:
    with db.transaction() as session:
        settings.write(session, REGION_KEY, chosen.region)
        settings.write(session, MARKETPLACES_KEY, ",".join(chosen.marketplaces))
        settings.write(session, INTERVAL_KEY, str(chosen.sync_minutes))


def endpoint(region: str) -> str:
    return os.environ.get(ENDPOINT_ENV, "").rstrip("/") or ENDPOINTS[region]


def token_url() -> str:
    override = os.environ.get(ENDPOINT_ENV, "").rstrip("/")
    return f"{override}/auth/o2/token" if override else LWA_TOKEN_URL
