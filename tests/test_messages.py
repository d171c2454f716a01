"""Buyer message templates: both languages, every situation, filled and logged."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.errors import BadInput
from app.order_actions.message_choice import Story, first_template
from app.order_actions.messages import (
    LANGUAGES,
    TEMPLATES,
    compose,
    load_template,
    log_message,
    placeholders_in,
    user_templates_dir,
)
from app.storage.models import Event, Message, OrderStatus
from tests.factories import OrderSpec, add_order

ORDER = "405-1234567-1234567"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", list(TEMPLATES))
def test_every_template_fills_completely_in_both_languages(db, key, language):
    add_order(db, OrderSpec(order_id=ORDER))
    message = compose(db, ORDER, key, language)
    assert message.subject and message.body.strip()
    assert not placeholders_in(message.subject) and not placeholders_in(message.body)
    assert "{" not in message.body and "}" not in message.body
    assert ORDER in message.subject + message.body
    greeting = {"fr": "Bonjour Aurélien Garçon,", "en": "Hello Aurélien Garçon,"}[language]
    assert message.body.startswith(greeting)
    assert message.to == "abc@marketplace.amazon.fr"


def test_s5_quotes_the_marketplace_path_exactly(db):
    add_order(db, OrderSpec(order_id=ORDER))
    french = compose(db, ORDER, "s5_request_cancellation", "fr").body
    english = compose(db, ORDER, "S5", "en").body
    assert "«\u00a0Votre compte > Vos commandes > Demander une annulation\u00a0»" in french
    assert "Your Account > Your Orders > Request cancellation" in english


def test_a_pending_order_gives_no_buyer_data(db):
    add_order(db, OrderSpec(order_id=ORDER, status=OrderStatus.PENDING))
    message = compose(db, ORDER, "s9_contact_customer_service", "fr")
    assert message.body.startswith("Bonjour,\n")
    assert "Service client Amazon" in message.body
    assert message.to is None
    assert "Aurélien" not in message.body


def test_a_seller_adapted_template_wins(db):
    add_order(db, OrderSpec(order_id=ORDER))
    own = user_templates_dir() / "fr" / "s8_place_new_order.txt"
    own.parent.mkdir(parents=True)
    own.write_text("Subject: Nouvelle commande\n\n{greeting} repassez commande.\n", "utf-8")
    assert load_template("s8_place_new_order", "fr").path == own
    message = compose(db, ORDER, "s8_place_new_order", "fr")
    assert message.subject == "Nouvelle commande"
    assert message.body == "Bonjour Aurélien Garçon, repassez commande.\n"


def test_unknown_template_placeholder_or_language_is_bad_input(db):
    add_order(db, OrderSpec(order_id=ORDER))
    with pytest.raises(BadInput, match="Unknown message template"):
        compose(db, ORDER, "s99", "fr")
    with pytest.raises(BadInput, match="language"):
        compose(db, ORDER, "s2", "de")
    own = user_templates_dir() / "en" / "s2_cancellation_notice.txt"
    own.parent.mkdir(parents=True)
    own.write_text("Subject: x\n\nDear {first_name}\n", "utf-8")
    with pytest.raises(BadInput, match=r"\{first_name\}"):
        compose(db, ORDER, "s2", "en")


def test_logging_puts_the_message_and_its_event_on_the_timeline(db):
    add_order(db, OrderSpec(order_id=ORDER))
    message = compose(db, ORDER, "s3_parcel_will_arrive", "en")
    log_message(db, message, channel="email")
    with db.reading() as session:
        [row] = session.scalars(select(Message)).all()
        [event] = session.scalars(select(Event).where(Event.kind == "message")).all()
    assert (row.template, row.language, row.channel) == ("s3_parcel_will_arrive", "en", "email")
    assert row.body == message.body
    assert "S3" in event.summary and event.order_pk == row.order_pk


def test_message_command_prints_and_logs(db, cli):
    add_order(db, OrderSpec(order_id=ORDER))
    result = cli("message", ORDER, "s5", "--lang", "fr", "--log")
    assert result.status == 0, result.err
    assert "Demander une annulation" in result.out
    assert "Logged on the timeline" in result.out
    shown = cli("show", ORDER, "--json")
    events = json.loads(shown.out)["events"]
    assert any(event["kind"] == "message" for event in events)


def test_message_command_refuses_an_unknown_order(db, cli):
    result = cli("message", "405-0000000-0000000", "s2")
    assert result.status == 2
    assert "no order" in result.err


@pytest.mark.parametrize(
    ("status", "template"),
    [
        ("Pending", "s9_contact_customer_service"),  # S9: send the buyer to customer service
        ("Unshipped", "s15_cancel_and_reorder"),  # S15: wrong address, not yet shipped
        ("PartiallyShipped", "s15_cancel_and_reorder"),
        ("Canceled", "s2_cancellation_notice"),  # S2
        ("Shipped", "s16_carrier_return"),  # S16: shipped to a wrong address
    ],
)
def test_the_message_an_order_state_calls_for(status, template):
    assert first_template(Story(OrderStatus(status))) == template


def _ship(db, tracking: str | None) -> None:
    from app.marketplace_files.carriers import resolve_carrier
    from app.order_actions.orders import ShipmentRequest, confirm_shipment
    from tests.factories import NOW

    request = ShipmentRequest(resolve_carrier("Colissimo"), tracking, NOW.date())
    confirm_shipment(db, ORDER, request, at=NOW)


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_are_signed_with_the_shop_name_never_a_stand_in(db, language):
    from app import settings

    add_order(db, OrderSpec(order_id=ORDER))
    unsigned = compose(db, ORDER, "s8_place_new_order", language).body
    assert "My shop" not in unsigned and "{" not in unsigned
    closing = {"fr": "Cordialement,", "en": "Kind regards,"}[language]
    assert unsigned.rstrip().endswith(closing)  # no shop line rather than a placeholder
    settings.put(db, settings.SHOP_NAME, "Boutique Garçon")
    signed = compose(db, ORDER, "s8_place_new_order", language).body
    assert signed.rstrip().endswith(f"{closing}\nBoutique Garçon")


@pytest.mark.parametrize("language", LANGUAGES)
def test_s16_names_the_tracking_number_only_when_there_is_one(db, language):
    add_order(db, OrderSpec(order_id=ORDER))
    _ship(db, None)
    without = compose(db, ORDER, "s16_carrier_return", language).body
    assert "(Colissimo)" in without
    assert "suivi" not in without and "tracking" not in without and " )" not in without
    assert {"fr": "frais de restockage", "en": "restocking fee"}[language] in without
    assert {"fr": "partie du prix", "en": "part of the item's price"}[language] in without


def test_s16_with_a_tracking_number(db):
    add_order(db, OrderSpec(order_id=ORDER))
    _ship(db, "6A12345678901")
    body = compose(db, ORDER, "s16_carrier_return", "fr").body
    assert "(Colissimo, numéro de suivi 6A12345678901)" in body


def test_french_templates_read_natively():
    """No « débité(e) », no seller-side jargon for the buyer, French typography, and S5
    names « votre compte Amazon » once."""
    import importlib.util
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "french_typography", root / "scripts" / "french_typography.py"
    )
    assert spec is not None and spec.loader is not None
    typography = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(typography)
    jargon = ("expédition n'avait pas", "confirmée", "débité", "(e)", "(s)", "My shop")
    for key in TEMPLATES:
        template = load_template(key, "fr")
        text = template.subject + "\n" + template.body
        assert not typography.problems(text), (key, typography.problems(text))
        assert not [word for word in jargon if word in text], key
    s5 = load_template("s5_request_cancellation", "fr").body
    assert len(re.findall("votre compte Amazon", s5)) == 1
