"""Pulling the order reports through the Reports API into the same importer.

The two reports SellerDesk already reads are requested (All Orders by last
update, since the last pull; unshipped orders), waited for, downloaded (gzip
included) and imported one by one through :func:`app.marketplace_files.importer.import_reports`:
the same rules and audit events (actor ``sync``), one transaction per report,
moving orders forward only.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app import settings
from app.account_health.health import close_to_auto_cancel, days_before_auto_cancel, late_orders
from app.marketplace import errors
from app.marketplace.ledger import ACTOR
from app.marketplace.transport import Transport
from app.marketplace_files.importer import ImportResult, import_reports
from app.storage.db import Database
from app.storage.models import Order, OrderStatus, SyncRun
from app.text import Text

ALL_ORDERS = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL"
UNSHIPPED = "GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING"
REPORT_NAMES = {ALL_ORDERS: "all-orders-by-last-update", UNSHIPPED: "unshipped-orders"}
# Reports carrying buyers' names and addresses: downloaded with a Restricted Data Token.
WITH_BUYER_DATA = frozenset({UNSHIPPED})
FIRST_PULL_DAYS = 30
OVERLAP = timedelta(hours=1)  # reports lag a little: ask again for the last hour
NOTIFIED_KEY = "marketplace.notified"


@dataclass
class PullResult:
    added: int = 0
    updated: int = 0
    reports: list[str] = field(default_factory=list)
    skipped_lines: list[Text] = field(default_factory=list)
    updated_until: datetime | None = None
    problem: Text | None = None  # a report left out, in one line (no access to buyer data)


@dataclass(frozen=True)
class Notice:
    order_id: str
    buyer_requested: bool  # else: entering its last days before auto-cancellation
    days_left: int | None = None


def _start(db: Database, now: datetime) -> datetime:
    with db.reading() as session:
        last = session.scalar(
            select(SyncRun.orders_updated_until)
            .where(SyncRun.orders_updated_until.is_not(None))
            .order_by(SyncRun.id.desc())
            .limit(1)
        )
    return (last - OVERLAP) if last is not None else now - timedelta(days=FIRST_PULL_DAYS)


def fetch(
    transport: Transport,
    report_type: str,
    start: datetime | None,
    *,
    wait: Callable[[float], None],
    interval: float,
    rounds: int,
) -> bytes | None:
    """The report's bytes, or None when the marketplace had nothing to report."""
    report_id = transport.create_report(report_type, start)
    for round_number in range(rounds):
        status, document_id = transport.report_status(report_id)
        if status == "DONE" and document_id:
            return transport.report_document(document_id, restricted=report_type in WITH_BUYER_DATA)
        if status == "CANCELLED":
            return None  # the marketplace cancels a report with no data in it
        if status == "FATAL":
            raise errors.refused(f"the report {REPORT_NAMES[report_type]} could not be made")
        if round_number < rounds - 1:
            wait(interval)
    raise errors.not_answering(202)


def pull(
    db: Database,
    transport: Transport,
    now: datetime,
    *,
    wait: Callable[[float], None],
    interval: float,
    rounds: int,
    progress: Callable[[str], None] = lambda _: None,
) -> PullResult:
    result = PullResult(updated_until=now)
    start = _start(db, now)
    with tempfile.TemporaryDirectory(prefix="sellerdesk-sync-") as folder:
        for report_type, since in ((ALL_ORDERS, start), (UNSHIPPED, None)):
            progress(REPORT_NAMES[report_type])
            try:
                data = fetch(
                    transport, report_type, since, wait=wait, interval=interval, rounds=rounds
                )
            except errors.NoBuyerData as refused:
                # The other report still counts: say in one line why this one is missing.
                result.problem = refused.message
                continue
            if data is None:
                continue
            name = f"seller-central-{REPORT_NAMES[report_type]}-{now:%Y%m%dT%H%M%SZ}.txt"
            path = Path(folder) / name
            # Buyer data: readable by the owner only, and gone when the import is done.
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
            imported: ImportResult = import_reports(
                db, [path], skip_bad_rows=True, at=now, actor=ACTOR
            )
            result.added += imported.added
            result.updated += imported.updated
            result.reports.append(name)
            result.skipped_lines.extend(imported.refused)
    return result


def new_notices(db: Database, now: datetime) -> list[Notice]:
    """Buyer-requested cancellations and orders in their last days not told before."""
    with db.transaction() as session:
        told = set(json.loads(settings.read(session, NOTIFIED_KEY) or "[]"))
        current: list[Notice] = []
        for order_id in session.scalars(
            select(Order.order_id).where(
                Order.buyer_requested_cancel.is_(True),
                Order.status.in_(
                    [OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.PENDING]
                ),
            )
        ):
            current.append(Notice(order_id, True))
        for order in late_orders(session, now):
            days_left = days_before_auto_cancel(order.days_late)
            if close_to_auto_cancel(order.days_late) and days_left >= 0:
                current.append(Notice(order.order_id, False, days_left))
        keys = {f"{notice.order_id}:{int(notice.buyer_requested)}" for notice in current}
        fresh = [n for n in current if f"{n.order_id}:{int(n.buyer_requested)}" not in told]
        # Only what is still true is remembered, so the list never grows without end.
        settings.write(session, NOTIFIED_KEY, json.dumps(sorted(keys)))
    return fresh
