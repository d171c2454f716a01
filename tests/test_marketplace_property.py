"""Property: whatever happens on the way, each local action reaches Seller Central once.

After any interleaving of local actions (shipments, cancellations), syncs and
failures injected in the stand-in (429, 5xx, an upload cut half-way, createFeed
lost before or after it arrived, a feed the marketplace cannot process, no
network at all), refused lines the seller marks dealt with, and a last sync on
a good connection: every action is in exactly one accepted feed line, or is
listed as refused by the marketplace; never both, never neither; an action whose
refusal the seller marked dealt with before it was sent again is neither, and
never sent again.
"""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("sp_api")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import RuleRefused
from app.marketplace import config, ledger
from app.marketplace.connection import SellerCentral, Timing
from app.marketplace.secrets import Credentials, SecretStore
from app.marketplace.transport import Retry
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ShipmentRequest, cancel, confirm_shipment
from app.storage.db import open_database
from tests import marketplace_standin as standin_module
from tests.factories import ItemSpec, add_order
from tests.marketplace_standin import StandIn

ORDERS = [f"405-000000{n}-000000{n}" for n in range(1, 5)]
CANCELLATION_FEED = "POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA"
SHIPMENT_FEED = "POST_FLAT_FILE_FULFILLMENT_DATA"
FAULTS = {
    "throttled": ("POST", "/feeds/2021-06-30/documents", "429"),
    "server error": ("GET", "/feeds/2021-06-30/feeds/", "503"),
    "upload cut": ("PUT", "/upload/", "drop"),
    "createFeed lost on the way": ("POST", "/feeds/2021-06-30/feeds", "drop"),
    "createFeed answer lost": ("POST", "/feeds/2021-06-30/feeds", "drop-after"),
}

step = st.one_of(
    st.tuples(st.just("ship"), st.sampled_from(ORDERS)),
    st.tuples(st.just("cancel"), st.sampled_from(ORDERS)),
    st.tuples(st.just("sync"), st.none()),
    st.tuples(st.just("fault"), st.sampled_from(sorted(FAULTS))),
    st.tuples(st.just("offline sync"), st.none()),
    st.tuples(st.just("fatal"), st.booleans()),
    st.tuples(st.just("dealt with"), st.none()),
)
# The slow run's size: CI bounds it (.ci/run) to what 2 cores do in a few minutes.
SLOW_EXAMPLES = int(os.environ.get("SELLERDESK_PROPERTY_EXAMPLES", "60"))


def _sync(db, secrets: SecretStore, endpoint: str, monkeypatch) -> None:
    monkeypatch.setenv(config.ENDPOINT_ENV, endpoint)
    timing = Timing(
        interval=0.001, rounds=10, retry=Retry(attempts=2, backoff=0.001), grace=timedelta(0)
    )
    with SellerCentral(db, secrets=secrets, timing=timing) as central:
        central.sync(pull_orders=False)


def check(steps, refused_orders, monkeypatch) -> None:
    with tempfile.TemporaryDirectory() as folder, StandIn() as server:
        server.feed_polls_before_done = 1
        server.refuse = lambda _type, row: (
            "Refused by the stand-in." if row.get("order-id") in refused_orders else None
        )
        db = open_database(str(Path(folder) / "shop.sqlite"))
        try:
            for order_id in ORDERS:
                add_order(db, order_id=order_id, items=[ItemSpec(order_item_id=order_id[-7:])])
            config.save(db, config.checked("eu", ["FR"], 15))
            secrets = SecretStore(use_system=False)
            secrets.save(
                Credentials(
                    standin_module.CLIENT_ID,
                    standin_module.CLIENT_SECRET,
                    standin_module.REFRESH_TOKEN,
                )
            )
            actions: dict[str, str] = {}  # order id -> the feed type its action goes in
            dealt_with: set[str] = set()  # refusals marked dealt with while not queued again
            for kind, value in steps:
                if kind == "ship" and value not in actions:
                    confirm_shipment(db, value, ShipmentRequest(resolve_carrier("UPS"), "1Z"))
                    actions[value] = SHIPMENT_FEED
                elif kind == "cancel" and value not in actions:
                    try:
                        cancel(db, value, "NoInventory")
                    except RuleRefused:
                        continue
                    actions[value] = CANCELLATION_FEED
                elif kind == "sync":
                    _sync(db, secrets, server.url, monkeypatch)
                elif kind == "offline sync":
                    _sync(db, secrets, "http://127.0.0.1:9", monkeypatch)
                elif kind == "fault":
                    server.fail(*FAULTS[value])
                elif kind == "fatal":
                    server.fatal_feeds = value
                elif kind == "dealt with":
                    with db.reading() as session:
                        listed_now = ledger.open_refusals(session)
                    if listed_now:
                        first = listed_now[0]
                        queued_again = first.order_id in _to_send_or_queued(db)
                        ledger.mark_dealt_with(db, first.batch_id, first.record)
                        if not queued_again:
                            dealt_with.add(first.order_id)
            # The connection comes back good; feeds may be followed over two syncs.
            server.faults.clear()
            server.fatal_feeds = False
            _sync(db, secrets, server.url, monkeypatch)
            _sync(db, secrets, server.url, monkeypatch)

            with SellerCentral(db, secrets=secrets) as central:
                listed = {line.order_id for line in central.refusals()}
            accepted: dict[str, int] = {}
            for feed_type, row in server.accepted_rows():
                key = row["order-id"]
                assert actions.get(key) == feed_type, (key, feed_type)
                accepted[key] = accepted.get(key, 0) + 1
            for order_id in actions:
                count = accepted.get(order_id, 0)
                refused = order_id in listed
                if order_id in dealt_with:
                    assert (count, refused) == (0, False), (order_id, count, refused, steps)
                    continue
                assert (count == 1) != refused, (order_id, count, refused, steps)
                assert count <= 1
        finally:
            db.dispose()


def _to_send_or_queued(db) -> set[str]:
    """Orders whose refused action already sits in a newer batch (written, not yet done)."""
    from sqlalchemy import select

    from app.storage.models import FeedLine, FeedSubmission, Order

    with db.reading() as session:
        return set(
            session.scalars(
                select(Order.order_id)
                .join(FeedLine, FeedLine.order_pk == Order.id)
                .join(FeedSubmission, FeedSubmission.export_batch_id == FeedLine.export_batch_id)
                .where(FeedSubmission.state.in_(["written", "sent", "processing"]))
            )
        )


PROPERTY = settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(
    steps=st.lists(step, min_size=1, max_size=8),
    refused_orders=st.sets(st.sampled_from(ORDERS), max_size=2),
)
def test_every_action_is_accepted_once_or_listed_as_refused(steps, refused_orders, monkeypatch):
    check(steps, refused_orders, monkeypatch)


@pytest.mark.slow
@settings(
    max_examples=SLOW_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(step, min_size=1, max_size=25),
    refused_orders=st.sets(st.sampled_from(ORDERS), max_size=3),
)
def test_every_action_is_accepted_once_or_listed_as_refused_long(
    steps, refused_orders, monkeypatch
):
    check(steps, refused_orders, monkeypatch)


def test_a_lost_create_feed_answer_then_more_work_still_sends_everything_once(monkeypatch):
    """The interleaving that matters most, spelled out."""
    check(
        [
            ("ship", ORDERS[0]),
            ("fault", "createFeed answer lost"),
            ("sync", None),
            ("ship", ORDERS[1]),
            ("fault", "upload cut"),
            ("sync", None),
            ("cancel", ORDERS[2]),
            ("offline sync", None),
        ],
        {ORDERS[1]},
        monkeypatch,
    )
