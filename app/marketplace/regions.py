"""Regions and marketplaces a seller can connect (Selling Partner API endpoints and ids)."""

from __future__ import annotations

from dataclasses import dataclass

from app.text import QT_TRANSLATE_NOOP

# The Login with Amazon token service, the same for every region.
LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"

REGION_NAMES: dict[str, str] = {
    "na": QT_TRANSLATE_NOOP("Marketplace", "North America"),
    "eu": QT_TRANSLATE_NOOP("Marketplace", "Europe"),
    "fe": QT_TRANSLATE_NOOP("Marketplace", "Far East"),
}
ENDPOINTS: dict[str, str] = {
    "na": "https://sellingpartnerapi-na.amazon.com",
    "eu": "https://sellingpartnerapi-eu.amazon.com",
    "fe": "https://sellingpartnerapi-fe.amazon.com",
}


@dataclass(frozen=True)
class Marketplace:
    code: str  # the country code python-amazon-sp-api names it by
    domain: str  # what a seller calls it
    marketplace_id: str
    region: str


MARKETPLACES: tuple[Marketplace, ...] = (
    Marketplace("FR", "Amazon.fr", "A13V1IB3VIYZZH", "eu"),
    Marketplace("DE", "Amazon.de", "A1PA6795UKMFR9", "eu"),
    Marketplace("ES", "Amazon.es", "A1RKKUPIHCS9HS", "eu"),
    Marketplace("IT", "Amazon.it", "APJ6JRA9NG5V4", "eu"),
    Marketplace("GB", "Amazon.co.uk", "A1F83G8C2ARO7P", "eu"),
    Marketplace("NL", "Amazon.nl", "A1805IZSGTT6HS", "eu"),
    Marketplace("BE", "Amazon.com.be", "AMEN7PMS3EDWL", "eu"),
    Marketplace("SE", "Amazon.se", "A2NODRKZP88ZB9", "eu"),
    Marketplace("PL", "Amazon.pl", "A1C3SOZRARQ6R3", "eu"),
    Marketplace("IE", "Amazon.ie", "A28R8C7NBKEWEA", "eu"),
    Marketplace("TR", "Amazon.com.tr", "A33AVAJ2PDY3EV", "eu"),
    Marketplace("AE", "Amazon.ae", "A2VIGQ35RCS4UG", "eu"),
    Marketplace("IN", "Amazon.in", "A21TJRUUN4KGV", "eu"),
    Marketplace("US", "Amazon.com", "ATVPDKIKX0DER", "na"),
    Marketplace("CA", "Amazon.ca", "A2EUQ1WTGCTBG2", "na"),
    Marketplace("MX", "Amazon.com.mx", "A1AM78C64UM0Y8", "na"),
    Marketplace("BR", "Amazon.com.br", "A2Q3Y263D00KWC", "na"),
    Marketplace("JP", "Amazon.co.jp", "A1VC38T7YXB528", "fe"),
    Marketplace("AU", "Amazon.com.au", "A39IBJ37TRP1C6", "fe"),
    Marketplace("SG", "Amazon.sg", "A19VAU5U5O7RUS", "fe"),
)
BY_CODE: dict[str, Marketplace] = {place.code: place for place in MARKETPLACES}


def in_region(region: str) -> list[Marketplace]:
    return [place for place in MARKETPLACES if place.region == region]
