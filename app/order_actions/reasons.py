"""Marketplace reason codes with the labels a seller reads (FORMATS.md §2, §3).

Codes are written to files exactly as the marketplace spells them; labels are
English source text marked for translation.
"""

from __future__ import annotations

import functools

from app.errors import BadInput
from app.text import QT_TRANSLATE_NOOP, Code, Text, text

BUYER_CANCELED = "BuyerCanceled"

# The six the manual cancel menu offers come first, in its order.
CANCELLATION_REASONS: dict[str, str] = {
    "NoInventory": QT_TRANSLATE_NOOP("Reason", "No inventory"),
    "BuyerCanceled": QT_TRANSLATE_NOOP("Reason", "Buyer canceled"),
    "GeneralAdjustment": QT_TRANSLATE_NOOP("Reason", "General adjustment"),
    "PricingError": QT_TRANSLATE_NOOP("Reason", "Pricing error"),
    "ShippingAddressUndeliverable": QT_TRANSLATE_NOOP("Reason", "Shipping address undeliverable"),
    "CustomerExchange": QT_TRANSLATE_NOOP("Reason", "Customer exchange"),
    "CarrierCreditDecision": QT_TRANSLATE_NOOP("Reason", "Carrier credit decision"),
    "RiskAssessmentInformationNotValid": QT_TRANSLATE_NOOP(
        "Reason", "Risk assessment information not valid"
    ),
    "CarrierCoverageFailure": QT_TRANSLATE_NOOP("Reason", "Carrier coverage failure"),
    "CustomerReturn": QT_TRANSLATE_NOOP("Reason", "Customer return"),
    "MerchandiseNotReceived": QT_TRANSLATE_NOOP("Reason", "Merchandise not received"),
    "CannotVerifyInformation": QT_TRANSLATE_NOOP("Reason", "Cannot verify information"),
    "RejectOrder": QT_TRANSLATE_NOOP("Reason", "Reject order"),
    "WeatherDelay": QT_TRANSLATE_NOOP("Reason", "Weather delay"),
}
COMMON_CANCELLATION_REASONS = tuple(list(CANCELLATION_REASONS)[:6])

REFUND_REASONS: dict[str, str] = {
    "NoInventory": QT_TRANSLATE_NOOP("Reason", "No inventory"),
    "CustomerReturn": QT_TRANSLATE_NOOP("Reason", "Customer return"),
    "GeneralAdjustment": QT_TRANSLATE_NOOP("Reason", "General adjustment"),
    "CouldNotShip": QT_TRANSLATE_NOOP("Reason", "Could not ship"),
    "DifferentItem": QT_TRANSLATE_NOOP("Reason", "Different item"),
    "Abandoned": QT_TRANSLATE_NOOP("Reason", "Abandoned"),
    "CustomerCancel": QT_TRANSLATE_NOOP("Reason", "Customer cancel"),
    "PriceError": QT_TRANSLATE_NOOP("Reason", "Price error"),
}


def reason_text(code: str | None) -> Text:
    """The translatable label of a reason code; an unknown code is shown as it is."""
    if code is None:
        return text("Reason", QT_TRANSLATE_NOOP("Reason", "No reason given"))
    label = CANCELLATION_REASONS.get(code) or REFUND_REASONS.get(code)
    return text("Reason", label) if label else text("Reason", "{code}", code=code)


def reason_label(code: str) -> Code:
    """A reason code inside a sentence: the code in English (as the files spell it),
    its label in the window ("motif Rupture de stock", never "motif NoInventory")."""
    return Code(code, reason_text(code))


def _canonical(code: str, known: dict[str, str]) -> str | None:
    wanted = code.strip().replace(" ", "").replace("_", "").lower()
    for candidate in known:
        if candidate.lower() == wanted:
            return candidate
    return None


@functools.lru_cache(maxsize=64)  # a file repeats a few codes thousands of times
def cancellation_reason(code: str) -> str:
    """The marketplace spelling of a cancellation reason code, or BadInput."""
    found = _canonical(code, CANCELLATION_REASONS)
    if found is None:
        raise BadInput(
            text(
                "Reason",
                QT_TRANSLATE_NOOP(
                    "Reason", "Unknown cancellation reason code {code!r}. Known codes: {known}."
                ),
                code=code,
                known=", ".join(CANCELLATION_REASONS),
            )
        )
    return found


def refund_reason(code: str) -> str:
    """The marketplace spelling of an adjustment reason code, or BadInput."""
    found = _canonical(code, REFUND_REASONS)
    if found is None:
        raise BadInput(
            text(
                "Reason",
                QT_TRANSLATE_NOOP(
                    "Reason", "Unknown refund reason code {code!r}. Known codes: {known}."
                ),
                code=code,
                known=", ".join(REFUND_REASONS),
            )
        )
    return found
