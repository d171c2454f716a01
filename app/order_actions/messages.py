"""Buyer messages: templates a seller can adapt, filled with an order's data, logged.

A template is a text file ``<lang>/<key>.txt``: a first line ``Subject: …``, a
blank line, then the body. Placeholders in braces are filled from the order
(:data:`PLACEHOLDERS`). The seller's own copy in ``<data folder>/messages/``
wins over the one shipped in ``resources/messages/``. A Pending order gives no
buyer data at all (S9): the greeting stays generic and no e-mail is offered.
Logging a message stores it on the order's timeline with its audit event, in
one transaction.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.changes import Changes, order_story
from app.errors import BadInput
from app.order_actions.orders import find_order
from app.order_actions.rules import buyer_disclosed
from app.settings import SHOP_NAME, read
from app.storage import audit
from app.storage.db import Database, data_dir
from app.storage.models import Message, Order
from app.text import QT_TRANSLATE_NOOP, text

CTX = "Messages"
LANGUAGES = ("fr", "en")

# Template key -> (seed rule, English label shown to the seller, translatable).
TEMPLATES: dict[str, tuple[str, str]] = {
    "s2_cancellation_notice": ("S2", QT_TRANSLATE_NOOP("Messages", "Cancellation notice")),
    "s3_parcel_will_arrive": (
        "S3",
        QT_TRANSLATE_NOOP("Messages", "Parcel will arrive: please send it back"),
    ),
    "s5_request_cancellation": (
        "S5",
        QT_TRANSLATE_NOOP("Messages", "Please request the cancellation from your account"),
    ),
    "s8_place_new_order": ("S8", QT_TRANSLATE_NOOP("Messages", "Please place a new order")),
    "s9_contact_customer_service": (
        "S9",
        QT_TRANSLATE_NOOP("Messages", "Contact Amazon customer service (payment being verified)"),
    ),
    "s15_cancel_and_reorder": (
        "S15",
        QT_TRANSLATE_NOOP("Messages", "Cancel and re-order with the right address"),
    ),
    "s16_carrier_return": (
        "S16",
        QT_TRANSLATE_NOOP("Messages", "Carrier is returning the parcel"),
    ),
}

PLACEHOLDERS = (
    "order_id",
    "greeting",
    "buyer_name",
    "items",
    "purchase_date",
    "shop_name",
    "carrier",
    "tracking_number",
    "carrier_details",
)

GREETINGS = {
    "fr": ("Bonjour {name},", "Bonjour,"),
    "en": ("Hello {name},", "Hello,"),
}
# The carrier and, when there is one, the tracking number, in brackets (S16).
CARRIER_DETAILS = {
    "fr": (" ({carrier})", " ({carrier}, numéro de suivi {tracking})"),
    "en": (" ({carrier})", " ({carrier}, tracking number {tracking})"),
}
# What stands for the buyer's name when there is none to give (Pending, S9).
NO_NAME = {"fr": "Madame, Monsieur", "en": "customer"}
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

CHANNEL_MESSAGING = "buyer-seller-messaging"
CHANNEL_EMAIL = "email"
CHANNELS = (CHANNEL_MESSAGING, CHANNEL_EMAIL)


@dataclass(frozen=True)
class Template:
    key: str
    language: str
    subject: str
    body: str
    path: Path | None


@dataclass(frozen=True)
class FilledMessage:
    order_id: str
    template: str
    language: str
    subject: str
    body: str
    to: str | None  # the buyer's e-mail; None for a Pending order (S9)


def _bad_language(language: str) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Messages", "Unknown message language {language!r}: use fr or en."),
            language=language,
        )
    )


def check_template_key(key: str) -> str:
    key = key.strip()
    if key in TEMPLATES:
        return key
    # Let a seller type the seed rule (s5, S5) instead of the full key.
    for full, (rule, _label) in TEMPLATES.items():
        if key.lower() == rule.lower():
            return full
    raise BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Messages", "Unknown message template {key!r}. Templates: {known}."),
            key=key,
            known=", ".join(TEMPLATES),
        )
    )


def user_templates_dir() -> Path:
    return data_dir() / "messages"


def _parse(raw: str, key: str, language: str, path: Path | None) -> Template:
    lines = raw.replace("\r\n", "\n").split("\n")
    subject = ""
    if lines and lines[0].lower().startswith("subject:"):
        subject = lines[0].split(":", 1)[1].strip()
        lines = lines[1:]
        if lines and not lines[0].strip():
            lines = lines[1:]
    return Template(key, language, subject, "\n".join(lines).rstrip() + "\n", path)


def load_template(key: str, language: str) -> Template:
    """The seller's adapted template if there is one, else the one shipped with SellerDesk."""
    key = check_template_key(key)
    if language not in LANGUAGES:
        raise _bad_language(language)
    name = f"{key}.txt"
    own = user_templates_dir() / language / name
    if own.is_file():
        return _parse(own.read_text(encoding="utf-8"), key, language, own)
    shipped = files("resources").joinpath("messages", language, name)
    return _parse(shipped.read_text(encoding="utf-8"), key, language, None)


def _date(value: datetime, language: str) -> str:
    day = value.date()
    if language == "fr":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _items(order: Order) -> str:
    lines = []
    for item in order.items:
        title = item.title or item.sku
        lines.append(f"- {title} ({item.sku}) × {item.quantity}")
    return "\n".join(lines)


def values_for(session: Session, order: Order, language: str) -> dict[str, str]:
    """What each placeholder becomes for this order; no buyer data while Pending (S9)."""
    name = ((order.buyer_name or "").strip() or None) if buyer_disclosed(order.status) else None
    greeting_named, greeting_plain = GREETINGS[language]
    last_shipment = order.shipments[-1] if order.shipments else None
    carrier = (
        (last_shipment.carrier_name or last_shipment.carrier_code) if last_shipment else ""
    ) or ""
    tracking = ((last_shipment.tracking_number or "") if last_shipment else "").strip()
    without_tracking, with_tracking = CARRIER_DETAILS[language]
    details = with_tracking if tracking else without_tracking
    return {
        "order_id": order.order_id,
        "greeting": greeting_named.format(name=name) if name else greeting_plain,
        "buyer_name": name or NO_NAME[language],
        "items": _items(order),
        "purchase_date": _date(order.purchase_date, language),
        # The seller's own shop name, never a stand-in: without one the message is
        # signed without a shop line.
        "shop_name": (read(session, SHOP_NAME) or "").strip(),
        "carrier": carrier,
        "tracking_number": tracking,
        "carrier_details": details.format(carrier=carrier, tracking=tracking) if carrier else "",
    }


def placeholders_in(template_text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template_text) if name}


def fill(template: Template, values: dict[str, str]) -> tuple[str, str]:
    """Subject and body with every placeholder filled, or BadInput naming the unknown ones."""
    unknown = (placeholders_in(template.subject) | placeholders_in(template.body)) - set(values)
    if unknown:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The template {key} ({language}) uses unknown placeholders: {unknown}. "
                    "Known: {known}.",
                ),
                key=template.key,
                language=template.language,
                unknown=", ".join("{" + name + "}" for name in sorted(unknown)),
                known=", ".join("{" + name + "}" for name in PLACEHOLDERS),
            )
        )
    return template.subject.format(**values), _filled_body(template.body, values)


def _filled_body(body: str, values: dict[str, str]) -> str:
    """The body filled in; a line holding only a placeholder that is empty (no shop
    name set) goes away rather than leave a blank or a stand-in."""
    lines = []
    for line in body.split("\n"):
        alone = line.strip()
        name = alone[1:-1] if alone.startswith("{") and alone.endswith("}") else None
        if name in values and not values[name].strip():
            continue
        lines.append(line.format(**values))
    return "\n".join(lines).rstrip() + ("\n" if body.endswith("\n") else "")


def compose(db: Database, order_id: str, key: str, language: str) -> FilledMessage:
    """The template filled with the order's data, ready to show for editing."""
    template = load_template(key, language)
    with db.reading() as session:
        order = find_order(session, order_id)
        subject, body = fill(template, values_for(session, order, language))
        return FilledMessage(
            order_id=order.order_id,
            template=template.key,
            language=language,
            subject=subject,
            body=body,
            to=order.buyer_email if buyer_disclosed(order.status) else None,
        )


def log_message(
    db: Database,
    message: FilledMessage,
    *,
    channel: str = CHANNEL_MESSAGING,
    at: datetime | None = None,
    actor: str = "seller",
) -> Changes:
    """Put the message (as sent, after the seller's edits) on the order's timeline."""
    if channel not in CHANNELS:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP("Messages", "Unknown channel {channel!r}: use {known}."),
                channel=channel,
                known=", ".join(CHANNELS),
            )
        )
    if not message.body.strip():
        raise BadInput(text(CTX, QT_TRANSLATE_NOOP("Messages", "The message is empty.")))
    at = at or clock.now()
    with db.transaction() as session:
        order = find_order(session, message.order_id)
        session.add(
            Message(
                order_pk=order.id,
                created_at=at,
                template=message.template,
                language=message.language,
                channel=channel,
                subject=message.subject or None,
                body=message.body,
            )
        )
        rule, label = TEMPLATES[message.template]
        audit.record(
            session,
            order,
            kind="message",
            summary=text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Message to the buyer ({rule}, {template}, {language}, {channel}): {subject}",
                ),
                rule=rule,
                template=text(CTX, label),
                language=message.language,
                channel=channel,
                subject=message.subject or message.body.splitlines()[0],
            ),
            at=at,
            actor=actor,
        )
    return order_story(message.order_id)
