"""A buyer message from a template: pick, edit, copy or e-mail it, and log it on the timeline.

The text comes filled from :func:`app.order_actions.messages.compose` (no buyer data for a
Pending order, S9); the seller edits it freely; what is logged is what was sent.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.order_actions.message_choice import message_language
from app.order_actions.messages import (
    CHANNEL_EMAIL,
    CHANNEL_MESSAGING,
    LANGUAGES,
    TEMPLATES,
    FilledMessage,
    compose,
    log_message,
)
from app.order_views.order_details import order_details
from app.settings import LANGUAGE
from app.settings import get as get_setting
from app.storage.db import Database
from ui.dialogs.order_banner import OrderBanner
from ui.i18n import tr_text


def default_language(db: Database) -> str:
    chosen = get_setting(db, LANGUAGE)
    if chosen in LANGUAGES:
        return chosen
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


class MessageDialog(QDialog):
    message_logged = Signal(str)

    def __init__(
        self,
        db: Database,
        order_id: str,
        template_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self._db = db
        self._order_id = order_id
        self._message: FilledMessage | None = None
        # Tests replace this to see the URL without launching a mail client.
        self.open_url = QDesktopServices.openUrl

        self.template_combo = QComboBox()
        for key, (rule, label) in TEMPLATES.items():
            self.template_combo.addItem(f"{rule} — {self._label(label)}", key)
        if template_key in TEMPLATES:
            self.template_combo.setCurrentIndex(list(TEMPLATES).index(template_key))
        self.language_combo = QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        language = default_language(db)
        with suppress(SellerDeskError):
            # The buyer's language: the order's marketplace (Amazon.fr → French).
            language = message_language(order_details(db, order_id).sales_channel, language)
        self.language_combo.setCurrentIndex(LANGUAGES.index(language))
        self.recipient_label = QLabel()
        self.recipient_label.setWordWrap(True)
        self.subject_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setMinimumSize(560, 300)
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.copy_button = QPushButton()
        self.mail_button = QPushButton()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.mail_button.clicked.connect(self.open_in_mail_client)

        self.form_labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        for label, field in zip(
            self.form_labels,
            (self.template_combo, self.language_combo, self.subject_edit),
            strict=True,
        ):
            self.form.addRow(label, field)
            label.setBuddy(field)
        layout = QVBoxLayout(self)
        self.banner = OrderBanner.of(db, order_id, self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.recipient_label)
        self.body_label = QLabel()
        self.body_label.setBuddy(self.body_edit)
        layout.addWidget(self.body_label)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.log_check)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

        self.template_combo.currentIndexChanged.connect(self.refill)
        self.language_combo.currentIndexChanged.connect(self.refill)
        self.retranslate()
        self.refill()

    def _label(self, source: str) -> str:
        return QCoreApplication.translate("Messages", source)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Message to the buyer — {order}").format(order=self._order_id))
        texts = (self.tr("&Template"), self.tr("&Language"), self.tr("&Subject"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.copy_button.setText(self.tr("&Copy to clipboard"))
        self.mail_button.setText(self.tr("&Open in mail client…"))
        self.log_check.setText(self.tr("Lo&g the message on the order's timeline"))
        self.body_label.setText(self.tr("&Message"))

    # -- filling -------------------------------------------------------------------------

    def template_key(self) -> str:
        return str(self.template_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def refill(self) -> None:
        """Fill the chosen template again (replaces the seller's edits)."""
        try:
            self._message = compose(self._db, self._order_id, self.template_key(), self.language())
        except SellerDeskError as error:
            self._message = None
            self.status_label.setText(tr_text(error.message))
            self.copy_button.setEnabled(False)
            self.mail_button.setEnabled(False)
            return
        self.subject_edit.setText(self._message.subject)
        self.body_edit.setPlainText(self._message.body)
        self.status_label.clear()
        self.copy_button.setEnabled(True)
        if self._message.to:
            self.recipient_label.setText(self.tr("To: {address}").format(address=self._message.to))
            self.mail_button.setEnabled(True)
            self.mail_button.setToolTip("")
        else:
            why = self.tr(
                "Pending order: Amazon gives no buyer contact until payment is verified. "
                "Paste the text in the buyer's message thread, or send the buyer to Amazon "
                "customer service."
            )
            self.recipient_label.setText(why)
            self.mail_button.setEnabled(False)
            self.mail_button.setToolTip(why)

    def edited_message(self) -> FilledMessage | None:
        """The message as the seller has it on screen."""
        if self._message is None:
            return None
        return replace(
            self._message,
            subject=self.subject_edit.text().strip(),
            body=self.body_edit.toPlainText(),
        )

    # -- sending -------------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        message = self.edited_message()
        if message is None:
            return
        QGuiApplication.clipboard().setText(message.body)
        self._log(message, CHANNEL_MESSAGING, self.tr("Copied: paste it in the buyer's messages."))

    def mailto_url(self) -> QUrl:
        message = self.edited_message()
        assert message is not None and message.to
        query = f"subject={quote(message.subject)}&body={quote(message.body)}"
        return QUrl(f"mailto:{quote(message.to, safe='@')}?{query}")

    def open_in_mail_client(self) -> None:
        message = self.edited_message()
        if message is None or not message.to:
            return
        if not self.open_url(self.mailto_url()):
            self.status_label.setText(
                self.tr("No mail client answered. Copy the text to the clipboard instead.")
            )
            return
        self._log(message, CHANNEL_EMAIL, self.tr("Opened in your mail client."))

    def _log(self, message: FilledMessage, channel: str, done: str) -> None:
        if not self.log_check.isChecked():
            self.status_label.setText(done)
            return
        try:
            self.changes |= log_message(self._db, message, channel=channel)
        except SellerDeskError as error:
            self.status_label.setText(tr_text(error.message))
            return
        self.status_label.setText(done + " " + self.tr("Logged on the order's timeline."))
        self.message_logged.emit(message.order_id)
