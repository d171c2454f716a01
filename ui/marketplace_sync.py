"""Syncing with Seller Central while the window is open: Sync now, every N minutes.

The sync itself is :meth:`app.marketplace.connection.SellerCentral.sync`, run on
a worker (the window never freezes). "Sync now" shows its progress with a Stop
button; the periodic sync runs quietly. The status bar says when the last sync
finished and what it changed, or "offline". A new buyer-requested cancellation
or an order entering its last days before auto-cancellation raises a desktop
notification (the tray icon's message where the desktop has one, else the
status bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStyle, QSystemTrayIcon

from app.errors import SellerDeskError
from app.marketplace import config
from app.marketplace.connection import SellerCentral, SyncResult, installed, last_sync, readiness
from app.marketplace.secrets import SecretStore
from app.storage.db import Database
from ui.dialogs.working import Job
from ui.i18n import date_time, time_of_day, tr_text
from ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from app.marketplace.pull import Notice

STEPS = {"push": 1, "pull": 2, "all-orders-by-last-update": 2, "unshipped-orders": 3}
# Offline: what waits is tried again soon, then less often, never less than the sync's N.
FIRST_RETRY_MS = 60_000
_SESSION_SECRETS: SecretStore | None = None


def session_secrets() -> SecretStore:
    """One store for the whole run, so credentials kept "for this run only" stay known."""
    global _SESSION_SECRETS
    if _SESSION_SECRETS is None:
        _SESSION_SECRETS = SecretStore()
    return _SESSION_SECRETS


class SyncController(QObject):
    synced = Signal(object)  # the SyncResult, once a sync has reported

    def __init__(self, window: QMainWindow, db: Database, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self.secrets = session_secrets()
        self.job = Job(window, runner=runner)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        # While offline, work done meanwhile is sent as soon as Seller Central answers again.
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(lambda: self.sync_now(quiet=True))
        self._retry_ms = FIRST_RETRY_MS
        self.status = QLabel(window)
        self.status.setObjectName("sync_status")
        window.statusBar().addPermanentWidget(self.status)
        self.tray: QSystemTrayIcon | None = None
        self.notified: list[str] = []  # what was told, for the tests
        self.last: SyncResult | None = None
        self.apply_settings()

    def switch_database(self, db: Database) -> None:
        self.job.abandon()
        self.retry.stop()
        self._db = db
        self.last = None
        self.apply_settings()

    def apply_settings(self) -> None:
        """Start or stop the periodic sync as the saved connection says."""
        chosen = config.load(self._db)
        if chosen is not None and installed():
            self.timer.start(chosen.sync_minutes * 60_000)
            # Batches stopped half-way by a crash are resumed by their feed id.
            QTimer.singleShot(0, lambda: self.sync_now(quiet=True, resume_only=True))
        else:
            self.timer.stop()
            self.retry.stop()
        self.retranslate()

    def retranslate(self) -> None:
        self.status.setText(self._status_text())
        self.status.setToolTip(self._status_detail())

    def _status_detail(self) -> str:
        found = last_sync(self._db)
        if found is None or found.finished_at is None:
            return ""
        lines = [
            self.tr("Last sync: {moment}").format(moment=date_time(found.finished_at)),
            self.tr("%n new order(s)", "", found.added),
            self.tr("%n order(s) updated", "", found.updated),
            self.tr("%n file(s) sent", "", found.batches_sent),
            self.tr("%n line(s) refused by the marketplace", "", found.lines_refused),
        ]
        return "\n".join(lines)

    def _status_text(self) -> str:
        if self.job.busy:
            return self.tr("Seller Central: syncing…")
        if config.load(self._db) is None:
            return ""  # not set up: the offline file workflow says nothing
        found = last_sync(self._db)
        if found is None or found.finished_at is None:
            return self.tr("Seller Central: not synced yet")
        if found.offline:
            return self.tr("Seller Central: offline (last try {moment})").format(
                moment=time_of_day(found.finished_at)
            )
        return self.tr(
            "Synced {moment}: %n order(s) new or changed", "", found.added + found.updated
        ).format(moment=time_of_day(found.finished_at))

    def sync_now(self, *, quiet: bool = False, resume_only: bool = False) -> Task | None:
        if self.job.busy:
            return None
        why_not = readiness(self._db, self.secrets)
        if why_not is not None:
            if not quiet:
                self._window.statusBar().showMessage(tr_text(why_not), 15000)
            return None
        db, secrets = self._db, self.secrets

        def work(task: Task) -> SyncResult:
            def step(name: str) -> None:
                task.report(STEPS.get(name, 0), 3)

            with SellerCentral(db, secrets=secrets, stopped=task.cancelled) as central:
                if resume_only:
                    return central.sync(pull_orders=False, push_work=False, progress=step)
                return central.sync(progress=step)

        task = self.job.start(
            work,
            self._done,
            self._failed,
            title=self.tr("Sync with Seller Central"),
            label=self.tr("Connecting to Seller Central…"),
            describe=self._describe,
            stop_text=self.tr("Stop"),
            show_progress=not quiet,
        )
        self.retranslate()
        return task

    def send_waiting(self) -> Task | None:
        """Batches left written (the export dialog's Send while offline) go out now, or on
        the offline retries."""
        from app.marketplace import push

        if readiness(self._db, self.secrets) is not None or not push.waiting(self._db):
            return None
        return self.sync_now(quiet=True, resume_only=True)

    def _describe(self, done: int, _total: int) -> str:
        return {
            1: self.tr("Sending what is to send and following the batches…"),
            2: self.tr("Downloading and importing All Orders (by last update)…"),
            3: self.tr("Downloading and importing unshipped orders…"),
        }.get(done, self.tr("Connecting to Seller Central…"))

    def _done(self, outcome: Any) -> None:
        result: SyncResult = outcome
        self.last = result
        self._retry_when_back(result.offline)
        self.retranslate()
        if result.problem is not None:
            self._window.statusBar().showMessage(tr_text(result.problem), 15000)
        for notice in result.notices:
            self.notify(notice)
        self.synced.emit(result)

    def _retry_when_back(self, offline: bool) -> None:
        chosen = config.load(self._db)
        if not offline or chosen is None:
            self.retry.stop()
            self._retry_ms = FIRST_RETRY_MS
            return
        self.retry.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, chosen.sync_minutes * 60_000)

    def _failed(self, error: BaseException) -> None:
        self.retranslate()
        if isinstance(error, SellerDeskError):
            message = tr_text(error.message)
        else:
            message = self.tr("The sync failed unexpectedly ({error}).").format(
                error=type(error).__name__
            )
        self._window.statusBar().showMessage(message, 15000)

    def notify(self, notice: Notice) -> None:
        if notice.buyer_requested:
            line = self.tr("Order {order}: the buyer asked to cancel it.").format(
                order=notice.order_id
            )
        else:
            line = self.tr(
                "Order {order}: %n day(s) left before the marketplace may cancel it.",
                "",
                notice.days_left or 0,
            ).format(order=notice.order_id)
        self.notified.append(line)
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self._window)
                style = QApplication.style()
                self.tray.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                self.tray.show()
            self.tray.showMessage(self.tr("SellerDesk"), line)
        else:
            self._window.statusBar().showMessage(line, 30000)
