"""Carrier codes the marketplace knows (FORMATS.md §4), kept in resources/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from app.errors import BadInput
from app.text import QT_TRANSLATE_NOOP, text

OTHER = "Other"

# Carriers French sellers use daily; those not on the marketplace list go as Other + name.
USUAL_CARRIERS: tuple[str, ...] = (
    "La Poste",
    "Colissimo",
    "Chronopost",
    "Mondial Relay",
    "DPD",
    "GLS",
    "UPS",
    "DHL",
    "FedEx",
    "TNT",
)


@cache
def marketplace_carrier_codes() -> tuple[str, ...]:
    """Every code of resources/carrier-codes.txt (its first column; ``#`` lines say why)."""
    raw = files("resources").joinpath("carrier-codes.txt").read_text(encoding="utf-8")
    return tuple(
        line.split("\t", 1)[0].strip()
        for line in raw.splitlines()
        if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str | None  # required with Other

    @property
    def label(self) -> str:
        return self.name if self.code == OTHER and self.name else self.code


def resolve_carrier(code_or_name: str, name: str | None = None) -> Carrier:
    """A marketplace carrier code, or Other with the carrier's name.

    A carrier that is not on the marketplace list (Colissimo, Mondial Relay…)
    becomes Other with its name, as the shipping confirmation file wants.
    """
    wanted = code_or_name.strip()
    name = (name or "").strip() or None
    if not wanted:
        raise BadInput(text("Carrier", QT_TRANSLATE_NOOP("Carrier", "Choose a carrier.")))
    if wanted.lower() == OTHER.lower():
        if not name:
            raise BadInput(
                text(
                    "Carrier",
                    QT_TRANSLATE_NOOP("Carrier", "With carrier Other, give the carrier's name."),
                )
            )
        return Carrier(OTHER, _checked_name(name))
    for code in marketplace_carrier_codes():
        if code.lower() == wanted.lower():
            return Carrier(code, None)
    return Carrier(OTHER, _checked_name(name or wanted))


def _checked_name(name: str) -> str:
    if len(name) > 50:
        raise BadInput(
            text(
                "Carrier",
                QT_TRANSLATE_NOOP("Carrier", "A carrier name has at most 50 characters."),
            )
        )
    return name
