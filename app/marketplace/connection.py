"""The one interface to Seller Central: test, pull, push, poll, sync.

The window, the command line and the tests all use :class:`SellerCentral`. It
reads the seller's choices (:mod:`~app.marketplace.config`) and credentials
(:mod:`~app.marketplace.secrets`), builds the transport only when it is first
needed (so a SellerDesk without the ``marketplace`` extra never imports it) and
records each sync in ``sync_runs``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.changes import ALL_ORDERS, Changes
from app.marketplace import config, errors
from app.marketplace.config import ConnectionSettings
from app.marketplace.errors import ConnectionFailed
from app.marketplace.regions import BY_CODE, REGION_NAMES
from app.marketplace.secrets import SecretStore
from app.marketplace.transport import Retry, Stopped, Transport
from app.storage import private_files
from app.storage.core_tables import sync_runs
from app.storage.db import Database, data_dir
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

# Pulling, pushing, the ledger and the export files (and the ORM under them) load when a
# sync or an export first needs them: the window shows the connection's state at start
# without them.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.marketplace.ledger import RefusedLine, State, SubmissionInfo
    from app.marketplace.pull import Notice, PullResult
    from app.marketplace_files.exports import ExportKind, ExportResult

CTX = "Marketplace"


def every_kind() -> tuple[ExportKind, ...]:
    """The files a push sends when not told which."""
    from app.marketplace_files.exports import ExportKind

    return (ExportKind.SHIPMENTS, ExportKind.CANCELLATIONS, ExportKind.ADJUSTMENTS)


def _grace() -> timedelta:
    from app.marketplace.push import GRACE

    return GRACE


def installed() -> bool:
    """python-amazon-sp-api and keyring are there (the ``marketplace`` extra)."""
    return all(
        importlib.util.find_spec(name) is not None for name in ("sp_api", "keyring", "httpx")
    )


def readiness(db: Database, secrets: SecretStore) -> Text | None:
    """None when a sync can be tried; else why not, in the seller's words."""
    if not installed():
        return errors.NotInstalled().message
    if config.load(db) is None or secrets.load() is None:
        return errors.NotConnected().message
    return None


@dataclass
class Timing:
    """How long to wait between looks at a report or a feed, and how many looks."""

    interval: float = 15.0
    rounds: int = 40  # ten minutes for a report or a feed
    retry: Retry = field(default_factory=Retry)
    # How long a createFeed whose answer was lost may take to show in getFeeds.
    grace: timedelta = field(default_factory=_grace)


@dataclass
class SyncResult:
    pulled: PullResult | None = None
    sent: list[int] = field(default_factory=list)
    states: dict[int, State] = field(default_factory=dict)
    refused_lines: list[RefusedLine] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    offline: bool = False
    problem: Text | None = None
    finished_at: datetime | None = None

    @property
    def changes(self) -> Changes:
        """Orders pulled in, answers on what was sent: any order may have changed."""
        return ALL_ORDERS | Changes(batches=True)

    def summary(self) -> Text:
        if self.problem is not None and self.offline:
            return text(
                CTX, QT_TRANSLATE_NOOP("Marketplace", "Offline: {problem}"), problem=self.problem
            )
        changed = (self.pulled.added + self.pulled.updated) if self.pulled else 0
        return text(
            CTX,
            QT_TRANSLATE_NOOP("Marketplace", "{orders}; {files}; {refused}."),
            orders=plural(
                CTX, QT_TRANSLATE_NOOP("Marketplace", "%n order(s) new or updated"), changed
            ),
            files=plural(CTX, QT_TRANSLATE_NOOP("Marketplace", "%n file(s) sent"), len(self.sent)),
            refused=plural(
                CTX,
                QT_TRANSLATE_NOOP("Marketplace", "%n line(s) refused by the marketplace"),
                len(self.refused_lines),
            ),
        )


@dataclass(frozen=True)
class LastSync:
    finished_at: datetime | None
    offline: bool
    added: int
    updated: int
    batches_sent: int
    lines_refused: int
    problem: str | None


class SellerCentral:
    def __init__(
        self,
        db: Database,
        *,
        secrets: SecretStore | None = None,
        transport: Transport | None = None,
        timing: Timing | None = None,
        outbox: Path | None = None,
        stopped: Callable[[], bool] = lambda: False,
    ) -> None:
        self.db = db
        self.secrets = secrets or SecretStore()
        self.timing = timing or Timing()
        self.stopped = stopped
        self.timing.retry.stopped = stopped
        self._transport = transport
        self.outbox = outbox or data_dir() / "sent-to-seller-central"

    # --- set-up ----------------------------------------------------------------------

    def settings(self) -> ConnectionSettings | None:
        return config.load(self.db)

    def transport(self) -> Transport:
        if self._transport is None:
            if not installed():
                raise errors.NotInstalled()
            chosen = self.settings()
            credentials = self.secrets.load()
            if chosen is None or credentials is None:
                raise errors.NotConnected()
            from app.marketplace.sp_api_transport import SpApiTransport

            self._transport = SpApiTransport(chosen, credentials, self.timing.retry)
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def __enter__(self) -> SellerCentral:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def test(self) -> Text:
        """One line: what worked, or why not (bad secret, missing role, network)."""
        chosen = self.settings()
        self.transport().check()
        assert chosen is not None
        return text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Connected: Seller Central accepted the credentials for {region} ({places}).",
            ),
            region=text(CTX, REGION_NAMES[chosen.region]),
            places=", ".join(BY_CODE[code].domain for code in chosen.marketplaces),
        )

    # --- the work --------------------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        self.timing.retry.wait(seconds)

    def pull(self, progress: Callable[[str], None] = lambda _: None) -> PullResult:
        from app.marketplace import pull

        return pull.pull(
            self.db,
            self.transport(),
            clock.now(),
            wait=self._wait,
            interval=self.timing.interval,
            rounds=self.timing.rounds,
            progress=progress,
        )

    def queue_export(self, kind: ExportKind, path: Path | None = None) -> ExportResult:
        """Write what is new as a batch (the same file ``export`` writes) and queue it."""
        from app.marketplace import ledger
        from app.marketplace_files import exports

        at = clock.now()
        if path is None:
            private_files.private_folder(self.outbox)  # it holds buyers' order ids
            path = self.outbox / f"{kind.value}-{at:%Y%m%dT%H%M%S%fZ}.txt"

        def hook(
            session: Session,
            batch_id: int,
            kind: ExportKind,
            data: bytes,
            columns: list[str],
            rows: list[list[str]],
        ) -> None:
            ledger.queue(session, batch_id, kind, data, columns, rows, at)

        return exports.export_new(self.db, kind, path, at=at, actor=ledger.ACTOR, on_batch=hook)

    def push(
        self, kinds: tuple[ExportKind, ...] | None = None
    ) -> tuple[list[int], dict[int, State]]:
        """Queue what is new (``kinds``, every kind when None), send everything waiting,
        follow what is in flight."""
        from app.marketplace import push
        from app.marketplace.ledger import State

        transport = self.transport()
        for kind in every_kind() if kinds is None else kinds:
            self.queue_export(kind)
        sent: list[int] = []
        for batch_id in push.waiting(self.db):
            if push.send(self.db, transport, batch_id, grace=self.timing.grace) is State.SENT:
                sent.append(batch_id)
        states = self.poll()
        return sent, states

    def poll(self) -> dict[int, State]:
        from app.marketplace import push

        return push.follow(
            self.db,
            self.transport(),
            push.in_flight(self.db),
            wait=self._wait,
            interval=self.timing.interval,
            rounds=self.timing.rounds,
        )

    def sync(
        self,
        *,
        pull_orders: bool = True,
        push_work: bool = True,
        progress: Callable[[str], None] = lambda _: None,
    ) -> SyncResult:
        """Pull and/or push, recorded in ``sync_runs``; offline is a result, not a crash."""
        from app.marketplace import pull, push

        started = clock.now()
        result = SyncResult()
        refused_before = {(line.batch_id, line.record) for line in self.refusals()}
        try:
            # Batches stopped half-way last time go first: resumed by what is recorded.
            if push_work or push.waiting(self.db) or push.in_flight(self.db):
                progress("push")
                result.sent, result.states = self.push(None if push_work else ())
            if pull_orders:
                progress("pull")
                result.pulled = self.pull(progress)
                result.problem = result.pulled.problem
                result.notices = pull.new_notices(self.db, clock.now())
        except ConnectionFailed as failure:
            result.offline = failure.offline
            result.problem = failure.message
            if not failure.offline:
                self._record(started, result, pull_orders, push_work)
                raise
        except Stopped:
            result.problem = text(CTX, QT_TRANSLATE_NOOP("Marketplace", "Stopped by you."))
        result.refused_lines = [
            line for line in self.refusals() if (line.batch_id, line.record) not in refused_before
        ]
        self._record(started, result, pull_orders, push_work)
        return result

    def _record(self, started: datetime, result: SyncResult, pulled: bool, pushed: bool) -> None:
        from app.storage.models import SyncRun

        result.finished_at = clock.now()
        with self.db.transaction() as session:
            session.add(
                SyncRun(
                    started_at=started,
                    finished_at=result.finished_at,
                    pulled=pulled and result.pulled is not None,
                    pushed=pushed,
                    offline=result.offline,
                    added=result.pulled.added if result.pulled else 0,
                    updated=result.pulled.updated if result.pulled else 0,
                    batches_sent=len(result.sent),
                    lines_refused=len(result.refused_lines),
                    orders_updated_until=result.pulled.updated_until if result.pulled else None,
                    problem=None if result.problem is None else result.problem.english(),
                )
            )

    # --- reading ---------------------------------------------------------------------

    def batches(self) -> list[SubmissionInfo]:
        from app.marketplace import ledger

        with self.db.reading() as session:
            return ledger.submissions(session)

    def refusals(self) -> list[RefusedLine]:
        from app.marketplace import ledger

        with self.db.reading() as session:
            return ledger.open_refusals(session)

    def last_sync(self) -> LastSync | None:
        return last_sync(self.db)


def last_sync(db: Database) -> LastSync | None:
    """The latest sync (read with Core: the window's status bar shows it at start)."""
    runs = sync_runs

    with db.connected() as connection:
        run = connection.execute(
            select(
                runs.c.finished_at,
                runs.c.offline,
                runs.c.added,
                runs.c.updated,
                runs.c.batches_sent,
                runs.c.lines_refused,
                runs.c.problem,
            )
            .order_by(runs.c.id.desc())
            .limit(1)
        ).first()
    return None if run is None else LastSync(*run)
