"""The window's actions, created in one place (Frescobaldi's action collection).

Each action is an :class:`ActionSpec`: its name, menu, shortcut, toolbar
place and, for actions on the selected order, the :class:`app.order_actions.rules.Action`
whose decision enables it. The window only connects ``triggered``. Adding an
action (Refund…, Return…, Print…) is one spec here plus one handler::

    registry.add(ActionSpec("refund", QT_TRANSLATE_NOOP("Actions", "&Refund…"), ...))
    registry.connect("refund", window.refund)
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from app.order_actions.rules import Action
from app.text import QT_TRANSLATE_NOOP
from ui.i18n import tr_text

if TYPE_CHECKING:
    from app.order_views.order_details import OrderDetails

CTX = "Actions"


class Menu(enum.StrEnum):
    FILE = "file"
    ORDERS = "orders"
    VIEW = "view"
    HELP = "help"


Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    name: str
    label: str | Callable[[], str]  # QT_TRANSLATE_NOOP("Actions", ...) or a translating function
    tip: str | Callable[[], str]
    menu: Menu
    shortcut: Shortcut = None
    rule: Action | None = (
        None  # enabled only when app.order_actions.rules allows it for the selected order
    )
    toolbar: bool = False
    icon: QStyle.StandardPixmap | None = None
    separator_before: bool = False
    needs_order: bool = False  # enabled only while an order is selected (no rule to ask)


def _translate(value: str | Callable[[], str]) -> str:
    return value() if callable(value) else QCoreApplication.translate(CTX, value)


STANDARD_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "import_report",
        QT_TRANSLATE_NOOP("Actions", "&Import order report…"),
        QT_TRANSLATE_NOOP("Actions", "Read an order report downloaded from Seller Central"),
        Menu.FILE,
        "Ctrl+I",
        toolbar=True,
        icon=QStyle.StandardPixmap.SP_DialogOpenButton,
    ),
    ActionSpec(
        "try_demo",
        QT_TRANSLATE_NOOP("Actions", "Try &demo data"),
        QT_TRANSLATE_NOOP(
            "Actions", "Open a throw-away database filled with demo orders; your data stays as is"
        ),
        Menu.FILE,
        "Ctrl+Shift+D",
    ),
    ActionSpec(
        "export_files",
        QT_TRANSLATE_NOOP("Actions", "&Export upload files…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Write the cancellation, adjustment and shipping confirmation files for Seller Central",
        ),
        Menu.FILE,
        "Ctrl+E",
        icon=QStyle.StandardPixmap.SP_DialogSaveButton,
        separator_before=True,
    ),
    ActionSpec(
        "bulk_cancel",
        QT_TRANSLATE_NOOP("Actions", "Cancel orders from a &file…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Read an order cancellation file, check every row, then apply the valid ones"
        ),
        Menu.FILE,
        "Ctrl+Shift+B",
    ),
    ActionSpec(
        "sync_now",
        QT_TRANSLATE_NOOP("Actions", "S&ync with Seller Central"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Download the order reports and send what is to send through the Seller Central "
            "connection",
        ),
        Menu.FILE,
        "Ctrl+Shift+Y",
        separator_before=True,
    ),
    ActionSpec(
        "marketplace_connection",
        QT_TRANSLATE_NOOP("Actions", "&Marketplace connection…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Set up the connection to Seller Central: region, marketplaces, credentials"
        ),
        Menu.FILE,
    ),
    ActionSpec(
        "print_summary",
        QT_TRANSLATE_NOOP("Actions", "&Print cancellation summary…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Print or save as PDF the cancellations of a period, or of the orders selected "
            "in the list when you select several",
        ),
        Menu.FILE,
        QKeySequence.StandardKey.Print,
        separator_before=True,
    ),
    ActionSpec(
        "back_up_now",
        QT_TRANSLATE_NOOP("Actions", "&Back up now…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Save a checked copy of the database in the backups folder, readable by you"
        ),
        Menu.FILE,
        separator_before=True,
    ),
    ActionSpec(
        "restore_backup",
        QT_TRANSLATE_NOOP("Actions", "Res&tore from backup…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Replace the database by a backup; the current database is backed up first",
        ),
        Menu.FILE,
    ),
    ActionSpec(
        "preferences",
        QT_TRANSLATE_NOOP("Actions", "P&references…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Shop name, language and restocking-fee ceilings, and other settings"
        ),
        Menu.FILE,
        "Ctrl+,",
        separator_before=True,
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close SellerDesk"),
        Menu.FILE,
        QKeySequence.StandardKey.Quit,
        separator_before=True,
    ),
    ActionSpec(
        "confirm_shipment",
        QT_TRANSLATE_NOOP("Actions", "Confirm &shipment…"),
        QT_TRANSLATE_NOOP("Actions", "Record that the order (or some of its items) has left"),
        Menu.ORDERS,
        "Ctrl+Shift+S",
        rule=Action.CONFIRM_SHIPMENT,
        toolbar=True,
        icon=QStyle.StandardPixmap.SP_DialogApplyButton,
    ),
    ActionSpec(
        "cancel_order",
        QT_TRANSLATE_NOOP("Actions", "&Cancel order…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Cancel the order, or what is left to ship of it, with a reason"
        ),
        Menu.ORDERS,
        "Ctrl+Shift+X",
        rule=Action.CANCEL_ORDER,
        toolbar=True,
        icon=QStyle.StandardPixmap.SP_DialogCancelButton,
    ),
    ActionSpec(
        "cancel_items",
        QT_TRANSLATE_NOOP("Actions", "Cancel &items…"),
        QT_TRANSLATE_NOOP("Actions", "Cancel some items of the order; the rest stays to ship"),
        Menu.ORDERS,
        "Ctrl+Shift+I",
        rule=Action.CANCEL_ITEMS,
    ),
    ActionSpec(
        "refund",
        QT_TRANSLATE_NOOP("Actions", "&Refund…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Refund all or part of what the buyer was charged, minus a restocking fee"
        ),
        Menu.ORDERS,
        "Ctrl+Shift+R",
        rule=Action.REFUND,
        toolbar=True,
        icon=QStyle.StandardPixmap.SP_ArrowBack,
        separator_before=True,
    ),
    ActionSpec(
        "record_return",
        QT_TRANSLATE_NOOP("Actions", "Re&turn…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Record that the parcel is coming back, or that it is back and in what state"
        ),
        Menu.ORDERS,
        "Ctrl+Shift+T",
        rule=Action.RETURN_REQUESTED,
    ),
    ActionSpec(
        "message_buyer",
        QT_TRANSLATE_NOOP("Actions", "&Message buyer…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Write to the buyer from a template, copy or e-mail it, keep it on the timeline",
        ),
        Menu.ORDERS,
        "Ctrl+Shift+M",
        needs_order=True,
        separator_before=True,
    ),
    ActionSpec(
        "note_asked_by_message",
        QT_TRANSLATE_NOOP("Actions", "Buyer &asked to cancel by message…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Note that the buyer wrote asking to cancel: the order is flagged and the reply "
            "asking for the official request is one click away",
        ),
        Menu.ORDERS,
        "Ctrl+Shift+K",
        rule=Action.RECORD_ASKED_BY_MESSAGE,
    ),
    ActionSpec(
        "copy_order_id",
        QT_TRANSLATE_NOOP("Actions", "Copy order i&d"),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected order's id to the clipboard"),
        Menu.ORDERS,
        "Ctrl+Shift+C",
        needs_order=True,
    ),
    ActionSpec(
        "show_health",
        QT_TRANSLATE_NOOP("Actions", "Account &health"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Cancellation rate, late shipments, orders at risk and refunds due, at a glance",
        ),
        Menu.VIEW,
        "Ctrl+H",
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Search orders"),
        QT_TRANSLATE_NOOP("Actions", "Search by order id, buyer name, SKU or product name"),
        Menu.VIEW,
        QKeySequence.StandardKey.Find,
    ),
    ActionSpec(
        "show_list",
        QT_TRANSLATE_NOOP("Actions", "Go to the order &list"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the order list"),
        Menu.VIEW,
        "Ctrl+L",
    ),
    ActionSpec(
        "reload",
        QT_TRANSLATE_NOOP("Actions", "&Reload"),
        QT_TRANSLATE_NOOP("Actions", "Read the orders and counts again from the database"),
        Menu.VIEW,
        QKeySequence.StandardKey.Refresh,
        separator_before=True,
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About SellerDesk"),
        QT_TRANSLATE_NOOP("Actions", "Version and licence"),
        Menu.HELP,
    ),
)


class ActionRegistry(QObject):
    """Creates the QActions, translates them and enables them from the rules."""

    def __init__(self, window: QWidget, specs: tuple[ActionSpec, ...] = STANDARD_ACTIONS) -> None:
        super().__init__(window)
        self._window = window
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}
        self._details: OrderDetails | None = None
        for spec in specs:
            self.add(spec)

    def add(self, spec: ActionSpec) -> QAction:
        action = QAction(self._window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(QApplication.style().standardIcon(spec.icon))
        self._window.addAction(action)
        self.specs[spec.name] = spec
        self.actions[spec.name] = action
        self._translate(spec, action)
        if spec.rule is not None:
            self._apply_rule(spec, action)
        elif spec.needs_order:
            self._apply_needs_order(spec, action)
        return action

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def connect(self, name: str, handler: Callable[[], object]) -> None:
        self.actions[name].triggered.connect(lambda _checked=False: handler())

    def in_menu(self, menu: Menu) -> list[ActionSpec]:
        return [spec for spec in self.specs.values() if spec.menu is menu]

    def on_toolbar(self) -> list[ActionSpec]:
        return [spec for spec in self.specs.values() if spec.toolbar]

    def retranslate(self) -> None:
        for name, spec in self.specs.items():
            self._translate(spec, self.actions[name])
        self.update_for(self._details)

    def _translate(self, spec: ActionSpec, action: QAction) -> None:
        action.setText(_translate(spec.label))
        tip = _translate(spec.tip)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def update_for(self, details: OrderDetails | None) -> None:
        """Enable the order actions the rules allow for ``details``; say why not otherwise."""
        self._details = details
        for name, spec in self.specs.items():
            if spec.rule is not None:
                self._apply_rule(spec, self.actions[name])
            elif spec.needs_order:
                self._apply_needs_order(spec, self.actions[name])

    def _apply_needs_order(self, spec: ActionSpec, action: QAction) -> None:
        action.setEnabled(self._details is not None)
        if self._details is None:
            action.setToolTip(QCoreApplication.translate(CTX, "Select an order first."))
        else:
            self._translate(spec, action)

    def _apply_rule(self, spec: ActionSpec, action: QAction) -> None:
        assert spec.rule is not None
        if self._details is None:
            action.setEnabled(False)
            action.setToolTip(QCoreApplication.translate(CTX, "Select an order first."))
            return
        decision = self._details.decision(spec.rule)
        action.setEnabled(decision.allowed)
        if decision.allowed or decision.reason is None:
            self._translate(spec, action)
        else:
            action.setToolTip(tr_text(decision.reason))
            action.setStatusTip(tr_text(decision.reason))
