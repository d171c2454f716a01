"""The message dialog: filled from the order, editable, copied or mailed, logged."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.storage.models import Event, Message, OrderStatus
from tests.factories import OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs.message_dialog import MessageDialog

ORDER = "405-1234567-1234567"


def _messages(db):
    with db.reading() as session:
        return session.scalars(select(Message)).all(), session.scalars(
            select(Event).where(Event.kind == "message")
        ).all()


def test_edit_copy_and_log_on_the_timeline(qtbot, db):
    add_order(db, OrderSpec(order_id=ORDER))
    dialog = MessageDialog(db, ORDER, "s5_request_cancellation")
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(0)  # Français
    assert (
        "Votre compte > Vos commandes > Demander une annulation" in dialog.body_edit.toPlainText()
    )
    dialog.body_edit.setPlainText(dialog.body_edit.toPlainText() + "\nPS : merci !\n")
    with qtbot.waitSignal(dialog.message_logged) as logged:
        click(qtbot, dialog.copy_button)
    assert logged.args == [ORDER]
    assert QGuiApplication.clipboard().text().endswith("PS : merci !\n")
    [row], [event] = _messages(db)
    assert row.body.endswith("PS : merci !\n") and row.language == "fr"
    assert row.channel == "buyer-seller-messaging"
    assert "Logged" in dialog.status_label.text()
    assert event.order_pk == row.order_pk


def test_mail_client_gets_a_mailto_url(qtbot, db):
    add_order(db, OrderSpec(order_id=ORDER))
    dialog = MessageDialog(db, ORDER, "s8_place_new_order")
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(1)  # English
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    click(qtbot, dialog.mail_button)
    [url] = opened
    assert url.scheme() == "mailto" and url.path() == "abc@marketplace.amazon.fr"
    assert "place%20a%20new%20order" in url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    [row], _events = _messages(db)
    assert row.channel == "email"


def test_no_log_when_unticked(qtbot, db):
    add_order(db, OrderSpec(order_id=ORDER))
    dialog = MessageDialog(db, ORDER, "s2_cancellation_notice")
    qtbot.addWidget(dialog)
    dialog.log_check.setChecked(False)
    click(qtbot, dialog.copy_button)
    assert _messages(db) == ([], [])


def test_pending_order_has_no_mail_button_and_says_why(qtbot, db):
    add_order(db, OrderSpec(order_id=ORDER, status=OrderStatus.PENDING))
    dialog = MessageDialog(db, ORDER, "s9_contact_customer_service")
    qtbot.addWidget(dialog)
    assert not dialog.mail_button.isEnabled()
    assert "customer service" in dialog.mail_button.toolTip()
    assert "Aurélien" not in dialog.body_edit.toPlainText()
