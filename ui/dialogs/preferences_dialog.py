"""Preferences: the shop's own settings, one tab per page.

The General page edits the shop name (printed on summaries, signing buyer
messages), the interface language and the restocking-fee ceilings, the carrier
return's own included (DESIGN.md §5). Every value is kept by :mod:`app.settings`
in the database, so each computer sharing it sees the same.

Another page is one line: ``dialog.add_page(page, title)``. A page is any QWidget;
if it has a ``save()`` method, OK calls it (a :class:`SellerDeskError` it raises is
shown and the dialog stays open).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import SellerDeskError
from app.order_actions.restocking import GRADES
from app.settings import CARRIER_ANY, CARRIER_DAMAGED, Preferences
from app.storage.db import Database
from ui.contrast import make_quiet
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.room import make_room
from ui.i18n import number


def _percent_text(value: Decimal) -> str:
    return number(value, 0 if value == value.to_integral() else 2)


class GeneralPage(QWidget):
    """Shop name, language and restocking-fee ceilings."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("general_page")
        self._db = db
        saved = settings.preferences(db)
        self.saved = saved

        self.shop_name = QLineEdit(saved.shop_name, self)
        self.shop_name.setObjectName("shop_name")
        self.shop_name.setPlaceholderText(self.tr("e.g. Atelier Lin & Co"))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), None)
        self.language.addItem("English", "en")  # each language in its own words
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(saved.language)))

        shop = QFormLayout()
        shop.addRow(self.tr("Shop &name:"), self.shop_name)
        shop.addRow(self.tr("&Language:"), self.language)
        signed = QLabel(
            self.tr("Printed on cancellation summaries and signing your buyer messages."), self
        )
        signed.setWordWrap(True)
        make_quiet(signed)
        shop.addRow("", signed)

        self.ceilings: dict[str, QLineEdit] = {}
        grades = QGroupBox(self.tr("Restocking-fee ceilings, % of the item price"), self)
        grade_form = QFormLayout(grades)
        mnemonic = iter("12345")
        for grade, label in GRADES.items():
            edit = self._percent_edit(f"ceiling_{grade}", saved.ceilings[grade])
            self.ceilings[grade] = edit
            name = QCoreApplication.translate("Restocking", label)
            # "&1 New — …:" as one sentence, so French puts its space before the colon.
            row = self.tr("&{number} {condition}:").format(number=next(mnemonic), condition=name)
            grade_form.addRow(row, edit)

        carrier = QGroupBox(self.tr("Parcel brought back by the carrier (S16)"), self)
        carrier_form = QFormLayout(carrier)
        explain = QLabel(
            self.tr(
                "Wrong address or buyer unreachable: a fee is allowed even on an unopened "
                "parcel, up to this share whatever its condition."
            ),
            carrier,
        )
        explain.setWordWrap(True)
        carrier_form.addRow(explain)
        self.carrier_any = self._percent_edit(
            "carrier_any", saved.carrier_return_ceilings[CARRIER_ANY]
        )
        self.carrier_damaged = self._percent_edit(
            "carrier_damaged", saved.carrier_return_ceilings[CARRIER_DAMAGED]
        )
        carrier_form.addRow(self.tr("&Any condition:"), self.carrier_any)
        carrier_form.addRow(self.tr("&Damaged:"), self.carrier_damaged)

        layout = QVBoxLayout(self)
        layout.addLayout(shop)
        layout.addWidget(grades)
        layout.addWidget(carrier)
        layout.addStretch(1)

    def _percent_edit(self, name: str, value: Decimal) -> QLineEdit:
        edit = QLineEdit(_percent_text(value), self)
        edit.setObjectName(name)
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("000,00 %") + 24)
        return edit

    def chosen(self) -> Preferences:
        """What the page says now; BadInput naming the first value that is no percentage."""
        return Preferences(
            shop_name=self.shop_name.text().strip(),
            language=self.language.currentData(),
            ceilings={
                grade: settings.check_percent(edit.text()) for grade, edit in self.ceilings.items()
            },
            carrier_return_ceilings={
                CARRIER_ANY: settings.check_percent(self.carrier_any.text()),
                CARRIER_DAMAGED: settings.check_percent(self.carrier_damaged.text()),
            },
        )

    def save(self) -> None:
        settings.save_preferences(self._db, self.chosen())


class PreferencesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.problem = ProblemLine(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.general = GeneralPage(db, self)
        self.add_page(self.general, self.tr("&General"))
        make_room(self, 520)

    def add_page(self, page: QWidget, title: str) -> None:
        """One more tab; its ``save()``, if it has one, runs when the seller clicks OK."""
        self.tabs.addTab(page, title)

    def pages(self) -> list[QWidget]:
        return [self.tabs.widget(index) for index in range(self.tabs.count())]

    @property
    def language(self) -> str | None:
        """The interface language chosen (None: the system's)."""
        chosen: str | None = self.general.language.currentData()
        return chosen

    def save(self) -> None:
        self.problem.clear()
        for index, page in enumerate(self.pages()):
            save = getattr(page, "save", None)
            if save is None:
                continue
            try:
                save()
            except SellerDeskError as error:
                self.tabs.setCurrentIndex(index)
                self.problem.say_error(error)
                return
        self.accept()
