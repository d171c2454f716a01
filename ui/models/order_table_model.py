"""The order list as a Qt table model: keys and cells, fetched lazily in pages.

Only the rows scrolled into view are loaded, a page at a time
(``canFetchMore``/``fetchMore``); sorting and filtering re-run the query in
the database (:mod:`app.order_views.order_list`), never in a proxy model.

The GUI thread never waits long for the database: each page is first asked
for with a small budget of database work (``budget_ms``, 25 ms). A page
found within it (an index walk: opening, filters, sorts, most searches) is
shown at once; a query over budget (a rare word searched across a million
orders) is stopped and run again on a worker thread, the list keeping its
rows and saying ``loading`` until the page arrives (``rows_arrived``). Every
new request takes a new generation: an older answer still on its way is
dropped, and its query is interrupted so the worker is free for the new one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from datetime import datetime
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app import clock
from app.order_views.order_list import (
    PAGE_SIZE,
    Column,
    Interrupted,
    ListQuery,
    OrderRow,
    can_interrupt,
    known_empty,
    page,
    rows_of,
    within,
)
from app.order_views.queries import View
from app.storage.db import Database
from ui.models.order_columns import CELLS, column_title, column_tooltip, sort_value
from ui.tasks import Task, TaskRunner

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the order id of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value a column sorts on
EMPHASIS_ROLE = Qt.ItemDataRole.UserRole + 3  # DeadlineKind of the row

# How long the database may look for a page on the GUI thread before the
# query moves to a worker: short enough that typing never stutters.
GUI_BUDGET_MS = 25.0


class _Budget(Enum):
    DEFAULT = auto()  # GUI_BUDGET_MS as it is when the model is made


class OrderTableModel(QAbstractTableModel):
    """Rows of :class:`OrderRow` for one :class:`ListQuery`, loaded page by page."""

    query_changed = Signal()
    loading_changed = Signal(bool)  # a page is being looked for on a worker thread
    rows_arrived = Signal()  # a page looked for on a worker is now in the list
    load_failed = Signal(object)  # the exception a worker met (a SellerDeskError to explain)

    def __init__(
        self,
        db: Database,
        parent: Any = None,
        *,
        budget_ms: float | _Budget | None = _Budget.DEFAULT,
        budget_steps: int | None = None,
        load: bool = True,
    ) -> None:
        """``budget_ms``/``budget_steps``: the GUI thread's budget per page (time or
        SQLite steps, whichever runs out first); both None: no limit, every page
        on the GUI thread; either 0: every page on a worker. ``load`` False: the
        list stays empty until :meth:`reload` (the window sets its sort first, then
        loads the first page once)."""
        super().__init__(parent)
        self._db = db
        self._query = ListQuery()
        self._rows: list[OrderRow] = []
        self._exhausted = True
        self._as_of: datetime = clock.now()
        self._budget_ms = GUI_BUDGET_MS if budget_ms is _Budget.DEFAULT else budget_ms
        self._budget_steps = budget_steps
        self._tasks = TaskRunner(self)
        self._generation = 0  # the request whose answer the list waits for
        self._pending: Task | None = None
        self._loaded = False  # no page asked for yet: a new sort or filter only waits
        # The filters the latest counts found empty, for the search they were counted
        # with (see set_counts); forgotten whenever the orders may have changed.
        self._empty: tuple[frozenset[View], str] = (frozenset(), "")
        if load:
            self.reload()

    # -- what the list shows -------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """Whether a page is on its way from a worker (show "Searching…")."""
        return self._pending is not None

    def set_counts(self, counts: Mapping[View, int] | None, search: str = "") -> None:
        """What the filter list counted for ``search``: a filter found empty (and not one
        that changes with the clock) then shows its empty list without a query. None: the
        orders may have changed, ask the database again."""
        self._empty = (known_empty(counts or {}), search.strip())

    def _known_empty(self, query: ListQuery) -> bool:
        views, search = self._empty
        return query.view in views and query.search.strip() == search

    def set_database(self, db: Database) -> None:
        self._forget_pending()
        self._tasks.wait()  # nothing still reads the old database
        self._db = db
        self.reload()

    def wait(self) -> None:
        """Stop looking for pages in the background and wait until the workers are done."""
        self._forget_pending()
        self._tasks.wait()

    def set_view(self, view: View) -> None:
        if view != self._query.view:
            self._set_query(
                ListQuery(view, self._query.search, self._query.sort, self._query.descending)
            )

    def set_search(self, search: str) -> None:
        if search.strip() != self._query.search.strip():
            self._set_query(
                ListQuery(
                    self._query.view, search.strip(), self._query.sort, self._query.descending
                )
            )

    def _set_query(self, query: ListQuery) -> None:
        self._query = query
        self._as_of = clock.now()
        if self._loaded:
            self._request(0, PAGE_SIZE)  # a new list starts from its first page
        self.query_changed.emit()

    def reload(self) -> None:
        """Re-run the query, keeping as many rows loaded as before (at least a page)."""
        self.set_counts(None)  # a reload follows a change: the counts may be stale
        self._loaded = True
        self._as_of = clock.now()
        self._request(0, max(PAGE_SIZE, len(self._rows)))

    def refresh_orders(self, order_ids: Collection[str]) -> bool:
        """Read again the rows of ``order_ids`` (an action changed them) and update them
        in place. When one is not among the rows loaded, has left the filter or the
        search, or moved in the sort, the list reloads instead. True: updated in place."""
        self.set_counts(None)  # the orders changed: the counts may be stale
        where = {row.order_id: number for number, row in enumerate(self._rows)}
        if self._pending is not None or any(order_id not in where for order_id in order_ids):
            self.reload()
            return False
        found = rows_of(self._db, self._query, order_ids, self._as_of)
        fresh = {row.order_id: row for row in found}
        if any(
            order_id not in fresh or fresh[order_id].cursor != self._rows[where[order_id]].cursor
            for order_id in order_ids
        ):
            self.reload()
            return False
        last = self.columnCount() - 1
        for order_id, row in fresh.items():
            number = where[order_id]
            self._rows[number] = row
            self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        return True

    # -- loading pages -------------------------------------------------------

    def _request(self, offset: int, limit: int) -> None:
        """Ask for rows from ``offset``: replace the list (offset 0) or append to it."""
        was_loading = self._pending is not None
        self._forget_pending(announce=False)
        self._generation += 1
        generation = self._generation
        db, as_of = self._db, self._as_of
        query = self._next_page() if offset else self._query
        if offset == 0 and self._known_empty(query):
            self._put([], offset, limit)  # counted empty a moment ago: nothing to ask
            if was_loading:
                self.loading_changed.emit(False)
            return
        limits = (self._budget_ms, self._budget_steps)
        unlimited = limits == (None, None)
        on_worker = 0 in limits
        # Only a query that can be stopped is tried on the GUI thread with a
        # budget; on other databases a search goes straight to a worker.
        if unlimited or (not on_worker and (can_interrupt(db) or not query.search)):
            stop = None
            if not unlimited and can_interrupt(db):
                stop = within(steps=self._budget_steps, ms=self._budget_ms)
            try:
                rows = page(db, query, offset, limit, as_of=as_of, stop=stop)
            except Interrupted:
                pass  # over budget: the worker below takes it over
            else:
                self._put(rows, offset, limit)
                if was_loading:
                    self.loading_changed.emit(False)
                return

        # A search that did not answer within the budget is most likely a rare word.
        looked_for = dataclasses.replace(query, search_first=True)

        def work(task: Task) -> list[OrderRow]:
            return page(db, looked_for, offset, limit, as_of=as_of, stop=task.cancelled)

        def done(rows: Any) -> None:
            if generation == self._generation:
                self._pending = None
                self._put(rows, offset, limit)
                self.loading_changed.emit(False)
                self.rows_arrived.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation and not isinstance(error, Interrupted):
                self._pending = None
                self.loading_changed.emit(False)
                self.load_failed.emit(error)

        self._pending = self._tasks.start(work, done, failed)
        if not was_loading:
            self.loading_changed.emit(True)

    def _forget_pending(self, *, announce: bool = True) -> None:
        """Drop the answer on its way (a newer request replaces it) and stop its query."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
            self._generation += 1
            if announce:
                self.loading_changed.emit(False)

    def _put(self, rows: list[OrderRow], offset: int, limit: int) -> None:
        self._exhausted = len(rows) < limit
        if offset == 0:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def row_of(self, order_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.order_id == order_id:
                return number
        return None

    def order_id_at(self, row: int) -> str | None:
        return self._rows[row].order_id if 0 <= row < len(self._rows) else None

    # -- Qt model interface --------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._pending is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._pending is not None:
            return
        self._request(len(self._rows), PAGE_SIZE)

    def _next_page(self) -> ListQuery:
        """The query for the rows after the last one shown (keyset, not OFFSET)."""
        cursor = self._rows[-1].cursor if self._rows else None
        return dataclasses.replace(self._query, after=cursor)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        query = ListQuery(
            self._query.view,
            self._query.search,
            Column(column),
            order == Qt.SortOrder.DescendingOrder,
        )
        if query != self._query:
            self._set_query(query)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tooltip(Column(section))
        return None

    def column_title(self, column: Column) -> str:
        return column_title(column)

    def column_tooltip(self, column: Column) -> str:
        return column_tooltip(column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        cells = CELLS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.text(row)
        if role == KEY_ROLE:
            return row.order_id
        if role == SORT_ROLE:
            return sort_value(row, column)
        if role == EMPHASIS_ROLE:
            return row.deadline.kind.value
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return cells.foreground(row)
        if role == Qt.ItemDataRole.FontRole:
            return cells.font(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cells.right_aligned:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
