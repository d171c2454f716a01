"""The Marketplace connection settings page: region, marketplaces, credentials, test.

A tab of the Preferences dialog (File > Marketplace connection opens Preferences
on it): OK saves it with the other pages, Test connection saves it and tries
it. Without the ``marketplace`` extra it says what to install. It asks :mod:`app.marketplace` for
everything: the regions and marketplaces, whether the extra is installed,
whether the choice is valid, and what "Test connection" found. Secrets go to
the shared :class:`~app.marketplace.secrets.SecretStore` (the system keyring,
or this run only), never to the database or the settings file; the fields are
left empty once saved and an empty field keeps what is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import SellerDeskError
from app.marketplace import config
from app.marketplace.connection import SellerCentral, installed
from app.marketplace.errors import NotInstalled
from app.marketplace.regions import REGION_NAMES, in_region
from app.marketplace.secrets import Credentials, SecretStore
from app.storage.db import Database
from ui.i18n import tr_text
from ui.tasks import TaskRunner

CODE_ROLE = Qt.ItemDataRole.UserRole


class ConnectionSettingsPage(QWidget):
    saved = Signal()  # the choice was saved: the window re-reads its sync interval
    tested = Signal(str)  # the one-line result of Test connection

    def __init__(self, db: Database, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection_settings")
        self._db = db
        self._secrets = secrets
        self._tasks = TaskRunner(self)
        self._testing = False

        self.install_note = QLabel(self)
        self.install_note.setObjectName("install_note")
        self.install_note.setWordWrap(True)
        self.install_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.region = QComboBox(self)
        self.region.setObjectName("region")
        for code in REGION_NAMES:
            self.region.addItem("", code)
        self.marketplaces = QListWidget(self)
        self.marketplaces.setObjectName("marketplaces")
        self.marketplaces.setMaximumHeight(140)
        self.every = QSpinBox(self)
        self.every.setObjectName("every")
        self.every.setRange(config.MIN_INTERVAL, 24 * 60)
        self.every.setValue(config.DEFAULT_INTERVAL)
        self.client_id = QLineEdit(self)
        self.client_id.setObjectName("client_id")
        self.client_secret = QLineEdit(self)
        self.client_secret.setObjectName("client_secret")
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.refresh_token = QLineEdit(self)
        self.refresh_token.setObjectName("refresh_token")
        self.refresh_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.where = QLabel(self)
        self.where.setObjectName("where")
        self.where.setWordWrap(True)

        self.test_button = QPushButton(self)
        self.test_button.setObjectName("test_connection")
        self.result = QLabel(self)
        self.result.setObjectName("test_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self._labels: dict[QWidget, QLabel] = {}
        for field in (
            self.region,
            self.marketplaces,
            self.every,
            self.client_id,
            self.client_secret,
            self.refresh_token,
        ):
            self._labels[field] = QLabel(self)
            self._labels[field].setBuddy(field)
            self.form.addRow(self._labels[field], field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.install_note)
        layout.addLayout(self.form)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self.region.currentIndexChanged.connect(self._fill_marketplaces)
        self.test_button.clicked.connect(self.test)
        self._load()
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------

    def _label(self, field: QWidget) -> QLabel:
        return self._labels[field]

    def retranslate(self) -> None:
        for index in range(self.region.count()):
            code = self.region.itemData(index)
            self.region.setItemText(
                index, QCoreApplication.translate("Marketplace", REGION_NAMES[code])
            )
        self._label(self.region).setText(self.tr("&Region:"))
        self._label(self.marketplaces).setText(self.tr("Market&places you sell on:"))
        self._label(self.every).setText(self.tr("S&ync while open, every:"))
        self.every.setSuffix(self.tr(" min"))
        self._label(self.client_id).setText(self.tr("Client &id:"))
        self._label(self.client_secret).setText(self.tr("Client s&ecret:"))
        self._label(self.refresh_token).setText(self.tr("Refresh t&oken:"))
        stored = self.tr("stored: leave empty to keep it")
        for field in (self.client_id, self.client_secret, self.refresh_token):
            field.setPlaceholderText(stored if self._secrets.load() is not None else "")
        self.test_button.setText(self.tr("Te&st connection"))
        if self._secrets.has_keyring:
            self.where.setText(
                self.tr(
                    "The client secret and refresh token go to your system's keyring, never "
                    "into SellerDesk's database or settings."
                )
            )
        else:
            self.where.setText(
                self.tr(
                    "No system keyring is available: the credentials are kept for this run "
                    "only and asked again next time."
                )
            )
        if installed():
            self.install_note.hide()
        else:
            self.install_note.setText(tr_text(NotInstalled().message))
            self.install_note.show()
        self.test_button.setEnabled(installed() and not self._testing)

    # -- data ----------------------------------------------------------------------------

    def _load(self) -> None:
        chosen = config.load(self._db)
        if chosen is not None:
            self.region.setCurrentIndex(max(0, self.region.findData(chosen.region)))
            self.every.setValue(chosen.sync_minutes)
        else:
            self.region.setCurrentIndex(self.region.findData("eu"))
        self._fill_marketplaces()
        if chosen is not None:
            for index in range(self.marketplaces.count()):
                item = self.marketplaces.item(index)
                checked = item.data(CODE_ROLE) in chosen.marketplaces
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _fill_marketplaces(self) -> None:
        self.marketplaces.clear()
        for place in in_region(str(self.region.currentData())):
            item = QListWidgetItem(place.domain)  # a domain name: never translated
            item.setData(CODE_ROLE, place.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.marketplaces.addItem(item)

    def chosen_codes(self) -> list[str]:
        return [
            str(self.marketplaces.item(index).data(CODE_ROLE))
            for index in range(self.marketplaces.count())
            if self.marketplaces.item(index).checkState() == Qt.CheckState.Checked
        ]

    def check_marketplace(self, code: str) -> None:
        for index in range(self.marketplaces.count()):
            item = self.marketplaces.item(index)
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked)

    def _typed(self) -> Credentials:
        stored = self._secrets.load()
        return Credentials(
            self.client_id.text().strip() or (stored.client_id if stored else ""),
            self.client_secret.text().strip() or (stored.client_secret if stored else ""),
            self.refresh_token.text().strip() or (stored.refresh_token if stored else ""),
        )

    def untouched(self) -> bool:
        """Never set up and nothing chosen or typed: OK has nothing to save here."""
        typed = any(
            f.text().strip() for f in (self.client_id, self.client_secret, self.refresh_token)
        )
        return config.load(self._db) is None and not self.chosen_codes() and not typed

    def save(self) -> None:
        """Keep the choice and the typed secrets; BadInput (nothing saved) if not valid."""
        if self.untouched():
            return
        chosen = config.checked(
            str(self.region.currentData()), self.chosen_codes(), self.every.value()
        )
        typed = self._typed()
        config.save(self._db, chosen)
        if typed.complete and typed != self._secrets.load():
            self._secrets.save(typed)
        for field in (self.client_id, self.client_secret, self.refresh_token):
            field.clear()
        self.retranslate()
        self.saved.emit()

    def test(self) -> None:
        """Save, then try the connection on a worker; the answer is one line."""
        if self._testing:
            return
        try:
            config.checked(str(self.region.currentData()), self.chosen_codes(), self.every.value())
            self.save()
        except SellerDeskError as error:
            self._say(tr_text(error.message))
            return
        self._testing = True
        self.test_button.setEnabled(False)
        self._say(self.tr("Trying Seller Central…"))
        db, secrets = self._db, self._secrets

        def work(_task: Any) -> str:
            with SellerCentral(db, secrets=secrets) as central:
                return tr_text(central.test())

        self._tasks.start(work, self._tested, self._not_tested)

    def _tested(self, line: Any) -> None:
        self._testing = False
        self._say(str(line))
        self.retranslate()

    def _not_tested(self, error: BaseException) -> None:
        self._testing = False
        if isinstance(error, SellerDeskError):
            self._say(tr_text(error.message))
        else:
            self._say(
                self.tr("The test failed unexpectedly ({error}).").format(
                    error=type(error).__name__
                )
            )
        self.retranslate()

    def _say(self, line: str) -> None:
        self.result.setText(line)
        self.tested.emit(line)

    def wait(self) -> None:
        self._tasks.wait(cancel=False)
