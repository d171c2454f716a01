"""The main window: filters, the order list, the selected order and its actions."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.changes import Changes
from app.errors import SellerDeskError
from app.order_views.order_list import (
    Column,
    FoundElsewhere,
    Interrupted,
    found_elsewhere,
    has_orders,
    refresh_statistics,
    view_counts,
)
from app.order_views.queries import View
from app.storage.db import Database
from ui.actions import ActionRegistry, Menu
from ui.backup_actions import BackupController
from ui.details_pane import DetailsPane
from ui.dialogs.import_dialog import ImportRunner
from ui.elided_label import ElidedLabel
from ui.filter_list import FilterList
from ui.i18n import count, percent, tr_text
from ui.labels import empty_view_text, view_label
from ui.long_lived import keep_for_life
from ui.marketplace_sync import SyncController
from ui.models.order_columns import AT_RISK_COLOUR, CELLS, column_samples
from ui.models.order_table_model import OrderTableModel
from ui.sentence_bar import SentenceBar
from ui.tasks import Task, TaskRunner
from ui.translation import install_translators
from ui.welcome import Welcome

# The dialogs (and what they import) load when first opened: the window's start
# pays only for what its first paint shows.
if TYPE_CHECKING:
    from app.account_health.health import CancellationRate
    from app.order_views.order_details import OrderDetails
    from ui.demo_database import DemoDatabase
    from ui.dialogs.asked_by_message_dialog import AskedByMessageDialog
    from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog
    from ui.dialogs.cancel_dialog import CancelDialog
    from ui.dialogs.cancel_items_dialog import CancelItemsDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.message_dialog import MessageDialog
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.refund_dialog import RefundDialog
    from ui.dialogs.return_dialog import ReturnDialog
    from ui.dialogs.ship_dialog import ShipDialog
    from ui.dialogs.summary_dialog import SummaryDialog
    from ui.health_page import HealthPage


def __getattr__(name: str) -> Any:
    """``order_details`` (the order rules and the ORM under them) loads after the first
    paint (MainWindow._finish_start): it is looked up on this module (``_this``) when used."""
    if name == "order_details":
        from app.order_views.order_details import order_details

        return order_details
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_this = sys.modules[__name__]
SEARCH_DELAY_MS = 250
# The first order's details and what they import wait for the window's first paint; a
# window shown but never painted (minimised) reads them after this long anyway.
FIRST_PAINT_WAIT_MS = 1000
# Opening an order from the health page loads pages of the list up to this many rows
# to find it; beyond, the list searches for the order id instead.
FIND_ROW_LIMIT = 5000
S5_TEMPLATE = "s5_request_cancellation"
# The order actions with a button under the details pane, in this order.
PANE_ACTIONS = (
    "confirm_shipment",
    "cancel_order",
    "cancel_items",
    "refund",
    "record_return",
    "message_buyer",
)
LANGUAGE_CHOICES = (None, "en", "fr")  # None: follow the system
# What a seller must see at laptop size without scrolling, in this order; the other
# columns follow. The details pane gives way before these are cut.
FIRST_COLUMNS = (
    Column.ORDER_ID,
    Column.STATUS,
    Column.SHIP_BY,
    Column.BUYER,
    Column.TOTAL,
    Column.BUYER_REQUESTED,  # the request flag (S4/S5), a narrow column of marks
)
# Always as narrow as their marks, even when a layout saved by an older build had them wide.
MARK_COLUMNS = tuple(column for column, cells in CELLS.items() if cells.mark)
BOLD_COLUMNS = tuple(column for column, cells in CELLS.items() if cells.bold)  # warnings in bold


class OrderDialog(Protocol):
    """The dialog of an order action: ``changes`` says what its action changed once accepted."""

    changes: Changes
    accepted: SignalInstance

    def setAttribute(self, attribute: Qt.WidgetAttribute, on: bool = True) -> None: ...

    def open(self) -> None: ...


# Roomy for the list and the details; never so small that the toolbar hides the search
# box in its overflow menu.
ROOMY = QSize(1600, 900)
SMALLEST = QSize(1100, 700)


def first_start_size(available: QSize | None) -> tuple[QSize, bool]:
    """The window's size the first time it opens on a screen of ``available`` size (None:
    no screen known), and whether it opens maximized.

    A screen that cannot hold the roomy size (a 1366×768 or 1600×900 laptop) gets the
    whole of it: the filter names, the list's first columns and the details pane are
    laid out for 1366 pixels, and a window of 92 % of them cut the longer French filter
    names. The size is then the one it comes back to when the seller restores it down.
    """
    if available is None:
        return ROOMY, False
    small = available.width() < ROOMY.width() or available.height() < ROOMY.height()
    return ROOMY.boundedTo(available * 0.92).expandedTo(SMALLEST), small


class MainWindow(QMainWindow):
    counts_updated = Signal()  # the filter counts and status bar were refreshed
    order_changed = Signal(str)  # an action changed this order

    def __init__(self, db: Database, *, demo: DemoDatabase | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setStatusBar(SentenceBar(self))
        self._db = db
        self._demo = demo
        self._details: OrderDetails | None = None
        self._counts: dict[View, int] = {}
        self._rate: CancellationRate | None = None
        self._counts_generation = 0
        self._counts_task: Task | None = None  # the latest count, told to stop when superseded
        self._statistics_stale = False  # set after an import: re-analyse for the planner
        self._health_stale = True  # the health page recomputes when it is next shown
        self._wanted_selection: str | None = None  # select it once the list's rows arrive
        # The list was read again with no order shown while its rows were still on a
        # worker: open on the first of them once they arrive (_rows_arrived).
        self._first_order_wanted = False
        self._results_wanted = False  # Enter in the search: go to the rows once they arrive
        self._last_row = 0  # where the selected order was, to stay near it when it leaves
        # While the window is being built, the order to show is only noted (None: not
        # started yet, "": no order): its details are read once the rows are painted.
        self._starting = True
        self._started = False
        self._details_after_start: str | None = None
        self.tasks = TaskRunner(self)
        self.registry = ActionRegistry(self)
        self.importer = ImportRunner(db, self.tasks, self)
        self.importer.finished.connect(self._imported)

        # Loaded once, by refresh() below, after the saved sort is applied.
        self.model = OrderTableModel(db, self, load=False)
        self.filters = FilterList(self)
        self.table = QTableView(self)
        self.table.setObjectName("orders")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several orders may be selected (for the printed summary); the details pane
        # and the order actions follow the current one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        # Tab leaves the list for the details pane and its buttons; it never moves the
        # selection to another order behind the seller's back.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for visual, column in enumerate(FIRST_COLUMNS):
            header.moveSection(header.visualIndex(column), visual)
        header.setSortIndicator(Column.PURCHASED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self._health: HealthPage | None = None  # made when first shown (see health)
        # A search that finds nothing in this filter but does in another says where (app
        # decides which) and switches there in one click.
        self.elsewhere = QPushButton(self)
        self.elsewhere.setObjectName("found_elsewhere")
        self.elsewhere.setFlat(True)
        self.elsewhere.setStyleSheet(
            "text-align: left; font-weight: bold; color: palette(link); padding: 4px"
        )
        self.elsewhere.setCursor(Qt.CursorShape.PointingHandCursor)
        self.elsewhere.hide()
        self._elsewhere: FoundElsewhere | None = None
        self.list_area = QWidget(self)
        list_layout = QVBoxLayout(self.list_area)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.elsewhere)
        list_layout.addWidget(self.list_stack, 1)

        self.details = DetailsPane(self)
        for name in PANE_ACTIONS:
            self.details.add_button(self.registry[name])
        self.details.finish_buttons()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.filters)
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([260, 980, 360])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.installEventFilter(self)

        self.welcome = Welcome(self.registry["import_report"], self.registry["try_demo"], self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.shown_label = QLabel(self)
        self.shown_label.setObjectName("orders_shown")
        # The rate sentence is long (French): it gives way, whole in its tooltip, so the
        # sync state beside it stays in the window.
        self.rate_label = ElidedLabel(self)
        self.rate_label.setObjectName("rate")
        self.statusBar().addPermanentWidget(self.shown_label)
        self.statusBar().addPermanentWidget(self.rate_label)
        self.sync = SyncController(self, db, self.tasks)
        self.sync.synced.connect(lambda result: self.apply_changes(result.changes))
        self.backups = BackupController(self, db, self.tasks)
        self.backups.told.connect(self.tell)
        self.backups.restored.connect(self._restored)

        self._build_menus()
        self._build_toolbar()
        self._connect()
        self.retranslate()
        self.restore_settings()
        self.refresh()
        self._starting = False
        QTimer.singleShot(0, self._finish_start_unless_shown)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._finish_start)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self._finish_start)  # once this first paint is on screen
        return super().event(event)

    def _finish_start_unless_shown(self) -> None:
        """A window made but not shown (a test, a script) finishes at once."""
        if not self.isVisible():
            self._finish_start()

    def _finish_start(self) -> None:
        """After the first paint: read the first order's details (the ORM and the order
        rules load here, not before the rows are on screen), then freeze what the window
        keeps for its whole life out of the garbage collector's way (ui.long_lived)."""
        if self._started:
            return
        self._started = True
        wanted, self._details_after_start = self._details_after_start, None
        if wanted is not None:
            self._show_details(wanted or None)
        import app.account_health.rate_effect  # noqa: F401 (the rate's worker needs it: frozen too)

        keep_for_life()

    # -- building ------------------------------------------------------------

    def _build_menus(self) -> None:
        self.menus = {
            Menu.FILE: self.menuBar().addMenu(""),
            Menu.ORDERS: self.menuBar().addMenu(""),
            Menu.VIEW: self.menuBar().addMenu(""),
            Menu.HELP: self.menuBar().addMenu(""),
        }
        for menu, qmenu in self.menus.items():
            qmenu.setObjectName(f"menu_{menu.value}")
            for spec in self.registry.in_menu(menu):
                if spec.separator_before:
                    qmenu.addSeparator()
                qmenu.addAction(self.registry[spec.name])
        # One shortcut per filter: Ctrl+1 … Ctrl+8.
        self.menus[Menu.VIEW].addSeparator()
        self.view_actions = {}
        for number, view in enumerate(View, start=1):
            action = self.menus[Menu.VIEW].addAction("")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, v=view: self.filters.choose(v))
            self.view_actions[view] = action
        self.menus[Menu.VIEW].addSeparator()
        self.language_menu = self.menus[Menu.VIEW].addMenu("")
        self.language_menu.setObjectName("menu_language")
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for language in LANGUAGE_CHOICES:
            action = self.language_menu.addAction("")
            action.setCheckable(True)
            action.setObjectName(f"language_{language or 'system'}")
            action.triggered.connect(lambda _checked=False, lang=language: self.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[language] = action
        self._check_saved_language()

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for spec in self.registry.on_toolbar():
            self.toolbar.addAction(self.registry[spec.name])
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search)
        self.addToolBar(self.toolbar)

    def _connect(self) -> None:
        self.registry.connect("import_report", self.importer.choose_and_start)
        self.registry.connect("try_demo", self.open_demo)
        self.registry.connect("quit", self.close)
        self.registry.connect("confirm_shipment", self.confirm_shipment)
        self.registry.connect("cancel_order", self.cancel_order)
        self.registry.connect("cancel_items", self.cancel_items)
        self.registry.connect("refund", self.refund)
        self.registry.connect("record_return", self.record_return)
        self.registry.connect("message_buyer", self.message_buyer)
        self.registry.connect("note_asked_by_message", self.note_asked_by_message)
        self.registry.connect("export_files", self.export_files)
        self.registry.connect("bulk_cancel", self.bulk_cancel)
        self.registry.connect("sync_now", self.sync.sync_now)
        self.registry.connect("marketplace_connection", self.open_connection_settings)
        self.registry.connect("print_summary", self.print_summary)
        self.registry.connect("show_health", self.filters.choose_health)
        self.registry.connect("copy_order_id", self.copy_order_id)
        self.registry.connect("find", self.focus_search)
        self.registry.connect("show_list", self.table.setFocus)
        self.registry.connect("reload", self.refresh)
        self.registry.connect("about", self.about)
        self.registry.connect("preferences", self.preferences)
        self.registry.connect("back_up_now", self.backups.back_up_now)
        self.registry.connect("restore_backup", self.backups.restore_from_backup)
        self.filters.view_chosen.connect(self._view_chosen)
        self.filters.health_chosen.connect(self._show_health)
        self.details.message_requested.connect(self.message_buyer)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search_now)
        self._search_timer.timeout.connect(self._apply_search_now)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._list_reset)
        self.model.rows_arrived.connect(self._rows_arrived)
        self.model.loading_changed.connect(self._loading_changed)
        self.model.load_failed.connect(self._report)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._orders_menu_at)
        self.elsewhere.clicked.connect(self._switch_to_elsewhere)

    def retranslate(self) -> None:
        self.registry.retranslate()
        self.sync.retranslate()
        self.menus[Menu.FILE].setTitle(self.tr("&File"))
        self.menus[Menu.ORDERS].setTitle(self.tr("&Orders"))
        self.menus[Menu.VIEW].setTitle(self.tr("&View"))
        self.menus[Menu.HELP].setTitle(self.tr("&Help"))
        for view, action in self.view_actions.items():
            action.setText(self.tr("Show {view}").format(view=view_label(view)))
        self.language_menu.setTitle(self.tr("Lan&guage"))
        self.language_actions[None].setText(self.tr("&System language"))
        self.language_actions["en"].setText("&English")  # each language in its own words
        self.language_actions["fr"].setText("&Français")
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        shortcut = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.search.setPlaceholderText(
            self.tr("Search order id, buyer, SKU, product ({shortcut})").format(shortcut=shortcut)
        )
        self.search.setToolTip(
            self.tr("Shows the orders whose id, buyer name, SKU or product name contain every word")
        )
        self.filters.retranslate()
        self._fit_columns()
        self._give_list_room()
        self.details.retranslate()
        self.welcome.retranslate()
        if self._health is not None:
            self._health.retranslate()
        self._update_title()
        self._update_status()
        self._update_empty_state()
        self._update_elsewhere()

    def _fit_columns(self, *, grow_only: bool = False) -> None:
        """Size the columns to their typical widest cell in the current language (a
        warning is drawn bold); ``grow_only`` keeps wider widths the seller chose."""
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        for column, samples in column_samples().items():
            font = bold if column in BOLD_COLUMNS else self.table.font()
            metrics = QFontMetrics(font)
            wanted = max(metrics.horizontalAdvance(sample) for sample in samples) + margin
            wanted = max(wanted, header.sectionSizeHint(column))
            if not grow_only or header.sectionSize(column) < wanted or column in MARK_COLUMNS:
                header.resizeSection(column, wanted)

    def list_needs(self) -> int:
        """The width that shows FIRST_COLUMNS whole, with the scroll bar and frame."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(column) for column in FIRST_COLUMNS)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        return columns + scroll_bar + 2 * self.table.frameWidth() + 2

    def _give_list_room(self) -> None:
        """The filter names and the list's first columns stay whole; the details pane
        narrows first (down to its minimum), then the list gives back what is over."""
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or not self.splitter.isVisible():
            return
        total = sum(sizes)
        list_needs = self.list_needs()
        details_min = self.details.minimumSizeHint().width()
        filters = min(
            self.filters.sizeHint().width(), max(sizes[0], total - list_needs - details_min)
        )
        filters = max(filters, sizes[0])
        orders = max(sizes[1], list_needs)
        details = total - filters - orders
        if details < details_min:
            orders = max(list_needs, orders - (details_min - details))
            details = total - filters - orders
        wanted = [filters, orders, max(details, details_min)]
        if wanted != sizes:
            self.splitter.setSizes(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self._give_list_room)
        if (
            watched is getattr(self, "search", None)  # events come while the window is built
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._search_key(event.key())
        ):
            return True
        return super().eventFilter(watched, event)

    def _search_key(self, key: int) -> bool:
        """Enter or Down go to the results; Escape clears the search. True when handled."""
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self._apply_search_now()
            self.show_results()
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self._apply_search_now()
            return True
        return False

    def show_results(self) -> None:
        """Focus the list on the selected order, or the first one (once a search still
        running on a worker has given its rows)."""
        self._results_wanted = self.model.loading
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            first = self.model.order_id_at(0)
            if first is not None:
                self.select_order(first)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_elsewhere(self) -> None:
        """Say where a search finds what this filter does not, with a way to go there."""
        query = self.model.query
        found = (
            None if self.health_shown() else found_elsewhere(query.view, query.search, self._counts)
        )
        self._elsewhere = found
        if found is None:
            self.elsewhere.hide()
            return
        view = view_label(found.view)
        if found.order_id is not None:
            sentence = self.tr(
                "Order {order} is not in {current}: it is in {view}. Show it there"
            ).format(order=found.order_id, current=view_label(query.view), view=view)
        else:
            sentence = self.tr(
                "No match in {current}; %n order(s) in {view}. Show them", "", found.count
            ).format(current=view_label(query.view), view=view)
        self.elsewhere.setText("➜ " + sentence)
        self.elsewhere.show()

    def _switch_to_elsewhere(self) -> None:
        found = self._elsewhere
        if found is None:
            return
        self.filters.choose(found.view)
        if found.order_id is not None:
            self._find_and_select(found.order_id)

    def _update_title(self) -> None:
        if self._demo is not None:
            where = self.tr("demo data (thrown away when you quit)")
        else:
            where = self._db.location
        self.setWindowTitle(self.tr("SellerDesk — {where}").format(where=where))

    # -- state of the list ---------------------------------------------------

    @property
    def db(self) -> Database:
        return self._db

    @property
    def current_details(self) -> OrderDetails | None:
        return self._details

    def refresh(self) -> None:
        """Read everything again: list, selected order, counts, welcome state."""
        self._reload_list()
        self.refresh_counts()
        self._health_changed()

    def _reload_list(self) -> None:
        """Read the list again, and the order it shows (the first one when none was)."""
        shown = self._details
        self.model.reload()
        self.pages.setCurrentWidget(self.splitter if has_orders(self._db) else self.welcome)
        if self._details is not shown:
            return  # it left the list: the row now in its place was selected and read
        # Open on the first order so the details pane shows what can be done with it.
        order_id = shown.order_id if shown is not None else self.model.order_id_at(0)
        self._first_order_wanted = order_id is None and self.model.loading
        self._show_details(order_id)
        self._select(order_id)

    def apply_changes(self, changes: Changes, done: str | None = None) -> None:
        """Refresh what an action said it changed, and only that; ``done`` confirms it
        in the status bar."""
        if done:
            self.statusBar().showMessage(done, 10000)
        if changes.all_orders:
            self._reload_list()
        else:
            if changes.list_rows and changes.orders:
                # In place; a row that left the filter or moved reloads the list, and
                # when the shown order left, the row then in its place is read (_list_reset).
                self.model.refresh_orders(changes.orders)
            if self._details is not None and self._details.order_id in changes.orders:
                self._show_details(self._details.order_id)
        if changes.counts:
            self.refresh_counts()
        if changes.health:
            self._health_changed()
        for order_id in sorted(changes.orders):
            self.order_changed.emit(order_id)

    def _imported(self, changed: bool) -> None:
        self._statistics_stale = changed
        self.apply_changes(self.importer.changes if changed else Changes())

    def refresh_counts(self) -> None:
        """Count every filter off the GUI thread; the latest request wins.

        The count still running for an earlier search is told to stop, so typing
        does not pile up counts over every order on the workers.
        """
        self._counts_generation += 1
        generation = self._counts_generation
        db = self._db
        search = self.model.query.search
        if self._counts_task is not None:
            self._counts_task.cancel()
        self.model.set_counts(None)  # asked again because the orders or the search changed

        analyse = self._statistics_stale
        self._statistics_stale = False

        def work(task: Task) -> tuple[dict[View, int], CancellationRate]:
            refresh_statistics(db, force=analyse)
            counts = view_counts(db, search, stop=task.cancelled)
            # The rate's modules (and the ORM under them) load once the counts are in: at
            # start, after the first rows are painted.
            from app.account_health.rate_effect import current_rate

            return counts, current_rate(db)

        def done(result: Any) -> None:
            if generation != self._counts_generation:
                return
            self._counts, self._rate = result
            self.filters.set_counts(self._counts)
            self.model.set_counts(self._counts, search)  # an empty filter opens without a query
            self.filters.set_rate(percent(self._rate.percent), self._rate.above_target)
            self._give_list_room()  # the counts may have widened the filter names
            self._update_status()
            self._update_elsewhere()
            self.counts_updated.emit()

        def failed(error: BaseException) -> None:
            if generation != self._counts_generation or isinstance(error, Interrupted):
                return  # superseded by a newer count, or stopped as the window closes
            self._report(error)
            self.counts_updated.emit()

        self._counts_task = self.tasks.start(work, done, failed)

    def _update_status(self) -> None:
        view = self.model.query.view
        if view in self._counts:
            shown = self._counts[view]
            self.shown_label.setText(self.tr("%n order(s) shown", "", shown))
        else:
            self.shown_label.setText(self.tr("Counting orders…"))
        if self._rate is None:
            self.rate_label.clear()
            return
        from app.account_health.health import RATE_TARGET  # loaded with the rate

        sentence = self.tr("7-day cancellation rate {rate} (target < {target})").format(
            rate=percent(self._rate.percent), target=percent(RATE_TARGET)
        )
        if self._rate.above_target:
            self.rate_label.setText("⚠ " + sentence + self.tr(" — above the target"))
            self.rate_label.setStyleSheet(f"color: {AT_RISK_COLOUR.name()}; font-weight: bold")
        else:
            self.rate_label.setText(sentence)
            self.rate_label.setStyleSheet("")
        self.rate_label.setToolTip(
            self.tr(
                "Counted in the cancellation rate: %n of the {orders} orders purchased in the "
                "last 7 days (official buyer requests do not count).",
                "",
                self._rate.seller_cancellations,
            ).format(orders=count(self._rate.orders))
        )

    def _update_empty_state(self) -> None:
        if self.health_shown():
            return  # the list's state is set again when the seller goes back to it
        if self.model.rowCount() == 0:
            self.empty.setText(
                empty_view_text(self.model.query.view, bool(self.model.query.search))
            )
            self.list_stack.setCurrentWidget(self.empty)
            if self._details is not None and not self.model.loading:
                # No order in sight: actions must not reach one the seller cannot see.
                self._show_details(None)
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _list_reset(self) -> None:
        self._update_empty_state()
        self._keep_selection_in_sight()

    def _keep_selection_in_sight(self) -> None:
        """The order the actions apply to is always one the seller sees selected: when it
        leaves the list (another filter, a search, an action), the row now in its place
        is selected instead, or nothing when the list is empty."""
        if self.health_shown() or self.model.loading or self._details is None:
            return
        if self.model.row_of(self._details.order_id) is not None:
            self._select(self._details.order_id)
            return
        if self.model.rowCount() == 0:
            self._show_details(None)
            return
        row = min(self._last_row, self.model.rowCount() - 1)
        self.select_order(self.model.order_id_at(row) or "")

    def _rows_arrived(self) -> None:
        """A page read on a worker is in: select the order the seller was on, or the first
        one when the list was read again with none shown (a slow first page at start)."""
        self._update_empty_state()
        first_wanted, self._first_order_wanted = self._first_order_wanted, False
        if self._wanted_selection is not None:
            wanted, self._wanted_selection = self._wanted_selection, None
            self._find_and_select(wanted)
        elif first_wanted and self._details is None and not self.health_shown():
            first = self.model.order_id_at(0)
            if first is not None:
                self.select_order(first)
        else:
            self._keep_selection_in_sight()
        if self._results_wanted:
            self._results_wanted = False
            self.show_results()

    def _loading_changed(self, loading: bool) -> None:
        searching = self.tr("Searching…")
        if loading:
            self.statusBar().showMessage(searching)
        elif self.statusBar().currentMessage() == searching:
            self.statusBar().clearMessage()

    def _view_chosen(self, view: View) -> None:
        if self.health_shown():
            self.details.show()
            self.list_stack.setCurrentWidget(self.table)
            self._update_empty_state()
        self.model.set_view(view)
        self._update_elsewhere()
        self._keep_selection_in_sight()
        self._present_details()  # the actions come back with the list
        self._update_status()

    # -- account health ------------------------------------------------------

    @property
    def health(self) -> HealthPage:
        """The account health page, made the first time it is needed: its chart and
        history are not what the window's start shows."""
        if self._health is None:
            self._health = self._make_health_page()
        return self._health

    def _make_health_page(self) -> HealthPage:
        from ui.health_page import HealthPage

        page = HealthPage(self._db, self, tasks=self.tasks)
        page.setObjectName("health_page")
        page.order_activated.connect(self.open_order)
        page.told.connect(self.tell)
        page.failed.connect(self._report)
        self.list_stack.addWidget(page)
        keep_for_life()  # the page and its modules are the window's for good, as the start's are
        return page

    def health_shown(self) -> bool:
        return self._health is not None and self.list_stack.currentWidget() is self._health

    def _show_health(self) -> None:
        """The health page takes the place of the list and the details pane."""
        if self._health_stale:
            self._refresh_health()
        self.list_stack.setCurrentWidget(self.health)
        self.details.hide()
        self.elsewhere.hide()
        self.registry.update_for(None)  # order actions need an order in sight

    def _refresh_health(self) -> None:
        self.health.refresh()  # in the background: a failure reaches _report
        self._health_stale = False

    def _health_changed(self) -> None:
        """Something changed: recompute the health page now if it is shown, else when it is."""
        self._health_stale = True
        if self.health_shown():
            self._refresh_health()

    def open_order(self, order_id: str) -> None:
        """Show ``order_id`` in the order list: All orders, no search, selected and in view."""
        self.filters.choose(View.ALL)
        if self.search.text():
            self.search.clear()
            self._apply_search_now()
        self._show_details(order_id)  # read once: selecting it below does not read it again
        self._find_and_select(order_id)

    def _find_and_select(self, order_id: str) -> None:
        """Select ``order_id``, loading pages of the list to reach it; when a page comes
        from a worker, carry on once it has arrived (:meth:`_rows_arrived`)."""
        if self.model.loading:
            self._wanted_selection = order_id
            return
        row = self.model.row_of(order_id)
        while row is None and self.model.canFetchMore() and self.model.rowCount() < FIND_ROW_LIMIT:
            self.model.fetchMore()
            if self.model.loading:
                self._wanted_selection = order_id
                return
            row = self.model.row_of(order_id)
        if row is None and self.model.query.search != order_id:
            # Far down a long list: show it by its id instead.
            self.search.setText(order_id)
            self._apply_search_now()
            if self.model.loading:
                self._wanted_selection = order_id
                return
        self.select_order(order_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_search_now(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        if text.strip() == self.model.query.search:
            return
        selected = self._details.order_id if self._details else None
        self.model.set_search(text)
        self._select(selected)
        self._counts = {}
        self._update_elsewhere()
        self.filters.set_counts({})
        self._update_status()
        self.refresh_counts()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _select(self, order_id: str | None) -> None:
        row = self.model.row_of(order_id) if order_id else None
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_order(self, order_id: str) -> None:
        """Select an order of the list by its id (keyboard users and tests)."""
        if self._details is None or self._details.order_id != order_id:
            self._show_details(order_id)
        self._select(order_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        order_id = self.model.order_id_at(current.row()) if current.isValid() else None
        if order_id is not None:
            self._last_row = current.row()
            # The same order selected again (the list reloaded) is already read: whatever
            # changed it read it again (apply_changes, refresh).
            if self._details is None or self._details.order_id != order_id:
                self._show_details(order_id)

    def _selection_changed(self) -> None:
        """Ctrl+click can unselect the current row: the actions then follow a selected
        row, or no order at all."""
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        if self.model.loading or (current.isValid() and selection.isRowSelected(current.row())):
            return
        rows = selection.selectedRows()
        if rows:
            selection.setCurrentIndex(rows[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        elif self._details is not None and self.model.rowCount() > 0:
            self._show_details(None)

    def _show_details(self, order_id: str | None) -> None:
        """Read ``order_id``'s details (None: no order) and show them with their actions."""
        if self._starting:
            self._details_after_start = order_id or ""
            return
        self._details_after_start = None  # chosen since: the order noted at start is stale
        details = None
        if order_id is not None:
            try:
                details = _this.order_details(self._db, order_id)
            except SellerDeskError:
                details = None
        self._details = details
        self._present_details()

    def _present_details(self) -> None:
        """Show the details read last, and enable their actions (no database read)."""
        details = self._details
        # While the health page hides the list, order actions wait for the seller to come back.
        self.registry.update_for(None if self.health_shown() else details)
        actions = []
        if details is not None:
            for name, spec in self.registry.specs.items():
                if spec.rule is not None:
                    actions.append((self.registry[name], details.decision(spec.rule)))
        self.details.show_order(details, actions)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.registry["confirm_shipment"].isEnabled():
            self.registry["confirm_shipment"].trigger()

    # -- actions -------------------------------------------------------------

    def selected_order_ids(self) -> list[str]:
        """The orders selected in the list, top to bottom."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.order_id_at(row) for row in rows)
        return [order_id for order_id in found if order_id is not None]

    def _order_for(self, action_name: str) -> str | None:
        """The current order, if the rules allow ``action_name`` on it now."""
        if self._details is None or not self.registry[action_name].isEnabled():
            return None
        return self._details.order_id

    def _open_for_order(self, dialog: OrderDialog, order_id: str, done: str | None = None) -> None:
        """Open ``dialog`` window-modal; once accepted, refresh what its action changed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        said = done.format(order=order_id) if done else None
        dialog.accepted.connect(lambda: self.apply_changes(dialog.changes, said))
        dialog.open()

    def confirm_shipment(self) -> ShipDialog | None:
        if self._details is None or not self.registry["confirm_shipment"].isEnabled():
            return None
        order_id = self._details.order_id
        from ui.dialogs.ship_dialog import ShipDialog

        dialog = ShipDialog(self._db, self._details, self)
        self._open_for_order(dialog, order_id, self.tr("Shipment of order {order} confirmed."))
        return dialog

    def cancel_order(self) -> CancelDialog | None:
        if self._details is None or not self.registry["cancel_order"].isEnabled():
            return None
        order_id = self._details.order_id
        from ui.dialogs.cancel_dialog import CancelDialog

        dialog = CancelDialog(self._db, self._details, self)
        dialog.rejected.connect(lambda: self._reply_copied(dialog.copied_reply))
        self._offer_s5_message(dialog)
        self._open_for_order(dialog, order_id, self.tr("Order {order} cancelled."))
        return dialog

    def _offer_s5_message(self, dialog: CancelDialog) -> None:
        """Beside "copy the reply" (S5), the full template, to edit, e-mail and log."""
        button = QPushButton(self.tr("&Write the message from the template…"), dialog.s5_box)
        button.setObjectName("s5_message")
        order_id = self._details.order_id if self._details else ""

        def write() -> None:
            dialog.reject()
            self.message_buyer(S5_TEMPLATE, order_id)

        button.clicked.connect(write)
        layout = dialog.s5_box.layout()
        if layout is not None:
            layout.addWidget(button)

    def cancel_items(self) -> CancelItemsDialog | None:
        order_id = self._order_for("cancel_items")
        if order_id is None:
            return None
        from ui.dialogs.cancel_items_dialog import CancelItemsDialog

        dialog = CancelItemsDialog(self._db, order_id, self)
        self._open_for_order(dialog, order_id, self.tr("Items of order {order} cancelled."))
        return dialog

    def refund(self) -> RefundDialog | None:
        order_id = self._order_for("refund")
        if order_id is None:
            return None
        return self._open_refund(order_id, from_return=False)

    def _open_refund(self, order_id: str, *, from_return: bool) -> RefundDialog:
        from ui.dialogs.refund_dialog import RefundDialog

        dialog = RefundDialog(self._db, order_id, self, from_return=from_return)
        self._open_for_order(dialog, order_id, self.tr("Refund of order {order} recorded."))
        return dialog

    def record_return(self) -> ReturnDialog | None:
        order_id = self._order_for("record_return")
        if order_id is None:
            return None
        from ui.dialogs.return_dialog import ReturnDialog

        dialog = ReturnDialog(self._db, order_id, self)
        self._open_for_order(dialog, order_id)
        dialog.accepted.connect(lambda: self._return_recorded(order_id, dialog.opens_refund))
        return dialog

    def _return_recorded(self, order_id: str, opens_refund: bool) -> None:
        """S3/S16: a received return whose refund is due opens the refund, prefilled."""
        if opens_refund:
            self._open_refund(order_id, from_return=True)

    def message_buyer(
        self, template_key: str | None = None, order_id: str | None = None
    ) -> MessageDialog | None:
        """The message dialog for the current order, on ``template_key`` when given."""
        order_id = order_id or (self._details.order_id if self._details else None)
        if order_id is None:
            return None
        if template_key is None and self._details is not None:
            template_key = self._details.suggested_message  # app/ chose it from the story
        from ui.dialogs.message_dialog import MessageDialog

        dialog = MessageDialog(self._db, order_id, template_key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The message is on the timeline now (the dialog stays open to copy or e-mail it).
        dialog.message_logged.connect(lambda _order_id: self.apply_changes(dialog.changes))
        dialog.open()
        return dialog

    def note_asked_by_message(self) -> AskedByMessageDialog | None:
        """S5: note that the buyer asked by message to cancel; the list flags it."""
        if self._details is None or self._order_for("note_asked_by_message") is None:
            return None
        order_id = self._details.order_id
        from ui.dialogs.asked_by_message_dialog import AskedByMessageDialog

        dialog = AskedByMessageDialog(self._db, self._details, self)
        self._open_for_order(
            dialog, order_id, self.tr("Order {order}: the buyer's request by message is noted.")
        )
        return dialog

    def _orders_menu_at(self, position: QPoint) -> None:
        """Right-click in the list: the Orders menu, for the order under the pointer."""
        index = self.table.indexAt(position)
        if index.isValid():
            order_id = self.model.order_id_at(index.row())
            if order_id is not None and order_id not in self.selected_order_ids():
                self.select_order(order_id)
        self.menus[Menu.ORDERS].popup(self.table.viewport().mapToGlobal(position))

    def export_files(self) -> ExportDialog:
        from ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self._db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.told.connect(self.tell)
        dialog.resize(max(dialog.sizeHint().width(), 860), max(dialog.sizeHint().height(), 600))
        dialog.finished.connect(lambda _result: self.apply_changes(dialog.changes))
        dialog.finished.connect(lambda _result: self.sync.send_waiting())
        dialog.open()
        return dialog

    def open_connection_settings(self) -> PreferencesDialog:
        """File > Marketplace connection: Preferences, on its Marketplace connection tab."""
        dialog = self.preferences()
        from ui.connection_settings import ConnectionSettingsPage

        dialog.tabs.setCurrentWidget(dialog.findChild(ConnectionSettingsPage))
        return dialog

    def bulk_cancel(self) -> BulkCancelDialog:
        from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog

        dialog = BulkCancelDialog(self._db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.apply_changes(dialog.changes))
        dialog.open()
        return dialog

    def print_summary(self) -> SummaryDialog:
        """The summary of the selected orders when several are selected, else of a period."""
        selected = [] if self.health_shown() else self.selected_order_ids()
        from ui.dialogs.summary_dialog import SummaryDialog

        dialog = SummaryDialog(self._db, selected if len(selected) > 1 else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.told.connect(self.tell)
        dialog.open()
        return dialog

    def _reply_copied(self, reply: str | None) -> None:
        if reply:
            self.statusBar().showMessage(
                self.tr(
                    "Reply copied: paste it into Buyer-Seller Messages. The order was not "
                    "cancelled."
                ),
                10000,
            )

    def copy_order_id(self) -> None:
        if self._details is not None:
            QGuiApplication.clipboard().setText(self._details.order_id)
            self.statusBar().showMessage(
                self.tr("Copied {order}").format(order=self._details.order_id), 4000
            )

    def open_demo(self) -> None:
        from ui.demo_database import DemoDatabase

        try:
            demo = DemoDatabase()
        except SellerDeskError as error:
            self._report(error)
            return
        self.switch_database(demo.db, demo)

    def switch_database(self, db: Database, demo: DemoDatabase | None = None) -> None:
        self.tasks.wait()
        old_demo = self._demo
        self._db = db
        self._demo = demo
        self._details = None
        self.importer = ImportRunner(db, self.tasks, self)
        self.importer.finished.connect(self._imported)
        self.model.set_database(db)
        self.sync.switch_database(db)
        self.backups.switch_database(db)
        if self._health is not None:
            self.list_stack.removeWidget(self._health)
            self._health.deleteLater()
            self._health = None
        self._check_saved_language()
        self._update_title()
        self.refresh()
        if old_demo is not None:
            old_demo.close()

    def start_daily_backup(self) -> None:
        """The day's backup of the seller's database (never of demo data), on a worker."""
        if self._demo is None:
            self.backups.start_daily()

    def _restored(self) -> None:
        self._details = None
        self._check_saved_language()
        self.refresh()

    def preferences(self) -> PreferencesDialog:
        from ui.connection_settings import ConnectionSettingsPage
        from ui.dialogs.backups_page import BackupsPage
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        connection = ConnectionSettingsPage(self._db, self.sync.secrets, dialog)
        connection.saved.connect(self.sync.apply_settings)
        dialog.finished.connect(lambda _result: connection.wait())
        dialog.add_page(connection, self.tr("&Marketplace connection"))
        dialog.add_page(BackupsPage(self._db, dialog), self.tr("&Backups"))
        before = settings.get(self._db, settings.LANGUAGE)
        dialog.accepted.connect(lambda: self._preferences_saved(before, dialog.language))
        dialog.open()
        return dialog

    def _preferences_saved(self, before: str | None, language: str | None) -> None:
        if language != before:
            self.set_language(language)  # says so in the status bar
        else:
            self.statusBar().showMessage(self.tr("Preferences saved."), 8000)
        self._show_details(self._details.order_id if self._details else None)

    def about(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    # -- language ------------------------------------------------------------

    def _check_saved_language(self) -> None:
        try:
            saved = settings.get(self._db, settings.LANGUAGE)
        except SellerDeskError:
            saved = None
        self.language_actions.get(saved, self.language_actions[None]).setChecked(True)

    def set_language(self, language: str | None) -> None:
        """Save the interface language (None: the system's) and switch to it now."""
        try:
            settings.put(self._db, settings.LANGUAGE, language)
        except SellerDeskError as error:
            self._report(error)
            self._check_saved_language()
            return
        app = QApplication.instance()
        if app is not None:
            install_translators(app, language)
        self.retranslate()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self.table.viewport().update()
        self.refresh_counts()  # figures in the new language's number format
        self.statusBar().showMessage(
            self.tr("Language saved. Dialogs opened from now on use it too."), 8000
        )

    def _report(self, error: BaseException) -> None:
        if isinstance(error, SellerDeskError):
            message = tr_text(error.message)
        else:
            message = self.tr("Something went wrong: {error}").format(error=error)
        self.tell(message)

    def tell(self, sentence: str) -> None:
        """A sentence in the status bar for 15 s: what an action, a page or a dialog says."""
        self.statusBar().showMessage(sentence, 15000)

    # -- settings ------------------------------------------------------------

    def restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        self.opens_maximized = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # maximized too, if it was
        else:
            screen = self.screen()
            available = None if screen is None else screen.availableGeometry().size()
            size, self.opens_maximized = first_start_size(available)
            self.resize(size)
        for key, restore in (
            ("window/state", self.restoreState),
            ("window/splitter", self.splitter.restoreState),
            ("table/header", self.table.horizontalHeader().restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        self._keep_first_columns()
        self._fit_columns(grow_only=True)  # saved widths may be from another language
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _keep_first_columns(self) -> None:
        """A layout saved by an older build (hidden, moved or squashed columns) never hides
        the columns the list must show without scrolling: id, status, ship-by, buyer, total."""
        header = self.table.horizontalHeader()
        for column in FIRST_COLUMNS:
            header.setSectionHidden(column, False)
            if header.sectionSize(column) < header.minimumSectionSize():
                header.resizeSection(column, header.defaultSectionSize())
        if sorted(header.visualIndex(column) for column in FIRST_COLUMNS) != list(
            range(len(FIRST_COLUMNS))
        ):
            for visual, column in enumerate(FIRST_COLUMNS):
                header.moveSection(header.visualIndex(column), visual)

    def save_settings(self) -> None:
        settings = QSettings()
        changed = False
        for key, value in (
            ("window/geometry", self.saveGeometry()),
            ("window/state", self.saveState()),
            ("window/splitter", self.splitter.saveState()),
            ("table/header", self.table.horizontalHeader().saveState()),
        ):
            # Unchanged, the file is not rewritten: its sync waits for the disk
            # (over a second on a busy machine), which a seller feels at every quit.
            if settings.value(key) != value:
                settings.setValue(key, value)
                changed = True
        if changed:
            settings.sync()

    def shutdown(self) -> None:
        """Wait for background work; close a demo database. Safe to call twice."""
        self.model.wait()
        self.tasks.wait()
        if self._demo is not None:
            self._demo.close()
            self._demo = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.model.wait()
        self.tasks.wait()
        super().closeEvent(event)
