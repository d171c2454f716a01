"""The Seller Central connection against the local stand-in (never the real marketplace)."""

from __future__ import annotations

import pytest

pytest.importorskip("sp_api")

from sqlalchemy import select

from app.marketplace import config, push
from app.marketplace.connection import SellerCentral, Timing
from app.marketplace.errors import ConnectionFailed
from app.marketplace.ledger import State, Step
from app.marketplace.pull import ALL_ORDERS, UNSHIPPED
from app.marketplace.secrets import Credentials, SecretStore
from app.marketplace.transport import Retry
from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.exports import ExportKind
from app.order_actions.orders import ShipmentRequest, confirm_shipment
from app.storage.models import Event, FeedSubmission, Order, Shipment
from tests import marketplace_standin as standin_module
from tests.factories import ItemSpec, add_order
from tests.marketplace_standin import StandIn
from tests.reportfiles import ALL_ORDERS_REPORT, UNSHIPPED_REPORT

GOOD = Credentials(
    standin_module.CLIENT_ID, standin_module.CLIENT_SECRET, standin_module.REFRESH_TOKEN
)


OPENED: list[SellerCentral] = []


@pytest.fixture(autouse=True)
def _closed():
    yield
    while OPENED:
        OPENED.pop().close()


@pytest.fixture
def standin(monkeypatch):
    with StandIn() as server:
        monkeypatch.setenv(config.ENDPOINT_ENV, server.url)
        yield server


def connect(db, credentials: Credentials = GOOD, **timing) -> SellerCentral:
    config.save(db, config.checked("eu", ["FR", "DE"], 15))
    secrets = SecretStore(use_system=False)
    secrets.save(credentials)
    fast = Timing(interval=0.01, rounds=30, retry=Retry(attempts=4, backoff=0.01))
    for name, value in timing.items():
        setattr(fast, name, value)
    central = SellerCentral(db, secrets=secrets, timing=fast)
    OPENED.append(central)
    return central


def ship(db, order_id: str, tracking: str = "6A123") -> None:
    confirm_shipment(
        db, order_id, ShipmentRequest(resolve_carrier("Colissimo"), tracking_number=tracking)
    )


def shippable(db, order_id: str, item_id: str) -> None:
    add_order(db, order_id=order_id, items=[ItemSpec(order_item_id=item_id)])


def test_test_connection_says_in_one_line_what_worked_or_why_not(db, standin):
    assert "Connected" in connect(db).test().english()

    wrong = Credentials(GOOD.client_id, "not-the-secret", GOOD.refresh_token)
    with pytest.raises(ConnectionFailed, match="refused the credentials"):
        connect(db, wrong).test()

    standin.missing_role = True
    with pytest.raises(ConnectionFailed, match="lacks a role"):
        connect(db).test()


def test_an_unreachable_marketplace_is_offline_not_a_crash(db, monkeypatch):
    monkeypatch.setenv(config.ENDPOINT_ENV, "http://127.0.0.1:9")  # nothing listens there
    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    result = connect(db).sync()
    assert result.offline and "cannot be reached" in result.summary().english()
    # The batch waits, written: the offline queue.
    [batch] = connect(db).batches()
    assert batch.state is State.WRITTEN


def test_pull_imports_both_reports_gzip_included_with_actor_sync(db, standin):
    standin.reports[ALL_ORDERS] = ALL_ORDERS_REPORT.read_bytes()
    standin.reports[UNSHIPPED] = UNSHIPPED_REPORT.read_bytes()
    standin.fail("POST", "/reports/", "429")
    standin.fail("GET", "/reports/2021-06-30/reports/", "503")
    result = connect(db).sync(push_work=False)
    assert not result.offline, result.problem
    assert result.pulled is not None and result.pulled.added > 0
    with db.reading() as session:
        actors = set(session.scalars(select(Event.actor).where(Event.kind == "imported")))
        orders = session.scalar(select(Order.id).limit(1))
    assert actors == {"sync"} and orders is not None
    assert [request["reportType"] for request in standin.report_requests] == [ALL_ORDERS, UNSHIPPED]
    assert "dataStartTime" in standin.report_requests[0]
    # A second pull starts where the first left off and changes nothing.
    again = connect(db).sync(push_work=False)
    assert again.pulled is not None and (again.pulled.added, again.pulled.updated) == (0, 0)


def test_push_goes_written_sent_processing_done_with_refused_lines(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    shippable(db, "405-2222222-2222222", "50002")
    ship(db, "405-1111111-1111111", "GOOD1")
    ship(db, "405-2222222-2222222", "BAD2")
    standin.refuse = lambda _type, row: (
        "The tracking number is not valid for this carrier."
        if row.get("tracking-number") == "BAD2"
        else None
    )
    seen: list[str] = []
    original = push._record

    def spy(db_, batch_id, **values):
        found = original(db_, batch_id, **values)
        if not seen or seen[-1] != found.state:
            seen.append(found.state)
        return found

    central = connect(db)
    central.queue_export(ExportKind.SHIPMENTS)
    seen.append(central.batches()[0].state.value)
    push._record = spy
    try:
        result = central.sync(pull_orders=False)
    finally:
        push._record = original
    assert seen == ["written", "sent", "processing"]
    [batch] = central.batches()
    assert batch.state is State.DONE and (batch.accepted, batch.refused) == (1, 1)
    assert batch.describe().english() == "done (1 line accepted, 1 line refused)"
    [refused] = result.refused_lines
    assert refused.order_id == "405-2222222-2222222"
    assert "not valid" in refused.message
    with db.reading() as session:
        shipments = {s.order.order_id: s.export_batch_id for s in session.scalars(select(Shipment))}
        timeline = session.scalars(
            select(Event.summary).where(Event.kind == "refused_by_marketplace")
        ).all()
    # The refused shipment is back in what is to send; the accepted one stays sent.
    assert shipments == {"405-1111111-1111111": batch.batch_id, "405-2222222-2222222": None}
    assert any("not valid for this carrier" in line for line in timeline)
    assert [line.order_id for line in central.refusals()] == ["405-2222222-2222222"]

    # Sent again and accepted: the refusal is dealt with, listed no more.
    standin.refuse = lambda _type, _row: None
    central.sync(pull_orders=False)
    assert central.refusals() == []
    rows = [row["order-id"] for _type, row in standin.accepted_rows()]
    assert sorted(rows) == ["405-1111111-1111111", "405-2222222-2222222"]


def test_a_dropped_upload_is_retried_and_sent_once(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    standin.fail("PUT", "/upload/", "drop")
    standin.fail("GET", "/feeds/2021-06-30/feeds/", "500")
    connect(db).sync(pull_orders=False)
    assert len(standin.feeds) == 1
    [batch] = connect(db).batches()
    assert batch.state is State.DONE


def test_killed_after_upload_before_create_feed_answers_is_resumed_not_resent(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    # createFeed reaches the marketplace, but its answer is lost (as if the app died).
    standin.fail("POST", "/feeds/2021-06-30/feeds", "drop-after")
    first = connect(db).sync(pull_orders=False)
    assert first.offline
    with db.reading() as session:
        [submission] = session.scalars(select(FeedSubmission)).all()
        assert (submission.step, submission.feed_id) == (Step.SUBMITTING.value, None)
    assert len(standin.feeds) == 1

    connect(db).sync(pull_orders=False)
    assert len(standin.feeds) == 1  # found by getFeeds, never created again
    [batch] = connect(db).batches()
    assert batch.feed_id == next(iter(standin.feeds)) and batch.state is State.DONE


def test_killed_before_create_feed_reached_the_marketplace_is_sent_after_the_grace(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    standin.fail("POST", "/feeds/2021-06-30/feeds", "drop")  # never arrives
    connect(db).sync(pull_orders=False)
    assert standin.feeds == {}
    central = connect(db)
    [batch_id] = push.waiting(db)
    # Within the grace the app waits rather than risk a second feed...
    assert push.send(db, central.transport(), batch_id) is State.WRITTEN
    assert standin.feeds == {}
    # ...after it, nothing was listed: it never arrived, so it is asked again.
    from datetime import timedelta

    assert push.send(db, central.transport(), batch_id, grace=timedelta(0)) is State.SENT
    assert len(standin.feeds) == 1


def test_a_fatal_feed_fails_the_batch_and_lists_every_line(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    standin.fatal_feeds = True
    result = connect(db).sync(pull_orders=False)
    [batch] = connect(db).batches()
    assert batch.state is State.FAILED
    assert [line.order_id for line in result.refused_lines] == ["405-1111111-1111111"]


def test_cli_connect_reads_secrets_from_stdin_and_keeps_them_out_of_the_database(
    cli, db, standin, monkeypatch
):
    import io

    from app.storage.models import Setting

    secret_lines = f"{GOOD.client_id}\n{GOOD.client_secret}\n{GOOD.refresh_token}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(secret_lines))
    # This machine has no keyring: the command says so and keeps them for this run.
    monkeypatch.setattr("app.marketplace.secrets._keyring", lambda: None)
    done = cli("connect", "--region", "eu", "--marketplace", "FR", "--marketplace", "DE")
    assert done.status == 0, done.err
    assert "Connected" in done.out and "this run only" in done.err
    with db.reading() as session:
        stored = " ".join(row.value for row in session.scalars(select(Setting)))
    assert GOOD.client_secret not in stored and GOOD.refresh_token not in stored
    assert "eu" in stored and "FR,DE" in stored

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    refused = cli("connect", "--marketplace", "FR")
    assert refused.status == 2 and "standard input" in refused.err


def test_cli_sync_and_batches_exit_1_with_the_refused_lines(cli, db, standin, monkeypatch):
    import json

    _credentials_in_environment(monkeypatch)
    config.save(db, config.checked("eu", ["FR"], 15))
    monkeypatch.setattr("app.marketplace.connection.Timing", lambda: _fast_timing())
    shippable(db, "405-2222222-2222222", "50002")
    ship(db, "405-2222222-2222222", "BAD2")
    standin.refuse = lambda _type, _row: "The tracking number is not valid."
    result = cli("sync", "--push", "--json")
    assert result.status == 1, result.err
    shape = json.loads(result.out)
    assert shape["refused"][0]["order_id"] == "405-2222222-2222222"
    assert shape["refused"][0]["message"].startswith("The tracking number is not valid.")
    listed = json.loads(cli("batches", "--json").out)
    assert listed[0]["marketplace_state"] == "done"
    assert (listed[0]["accepted"], listed[0]["refused"]) == (0, 1)
    assert listed[0]["refused_lines"][0]["line"] == 1
    text_out = cli("batches").out
    assert "done (0 lines accepted, 1 line refused)" in text_out and "not valid" in text_out


def _fast_timing() -> Timing:
    return Timing(interval=0.01, rounds=30, retry=Retry(attempts=4, backoff=0.01))


def test_a_process_killed_while_create_feed_is_on_its_way_is_resumed_by_feed_id(
    db, db_location, standin, monkeypatch
):
    """A real kill (SIGKILL) of `sellerdesk sync --push` after the upload, while createFeed
    is at the marketplace and its answer has not come back; the next sync adopts that feed."""
    import os
    import signal
    import subprocess
    import sys

    shippable(db, "405-1111111-1111111", "50001")
    ship(db, "405-1111111-1111111")
    config.save(db, config.checked("eu", ["FR"], 15))
    standin.fail("POST", "/feeds/2021-06-30/feeds", "hang-after")
    environment = {
        **os.environ,
        config.ENDPOINT_ENV: standin.url,
        "SELLERDESK_LWA_CLIENT_ID": GOOD.client_id,
        "SELLERDESK_LWA_CLIENT_SECRET": GOOD.client_secret,
        "SELLERDESK_LWA_REFRESH_TOKEN": GOOD.refresh_token,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "--db", db_location, "sync", "--push"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert standin.hanging.wait(timeout=60), "createFeed never reached the stand-in"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    standin.release.set()
    assert len(standin.feeds) == 1
    with db.reading() as session:
        [submission] = session.scalars(select(FeedSubmission)).all()
        assert submission.step == Step.SUBMITTING.value and submission.feed_id is None

    connect(db).sync(pull_orders=False)
    assert len(standin.feeds) == 1  # adopted by getFeeds, not created again
    [batch] = connect(db).batches()
    assert batch.feed_id == next(iter(standin.feeds))
    assert batch.state is State.DONE and (batch.accepted, batch.refused) == (1, 0)


def test_the_unshipped_report_is_downloaded_with_a_restricted_data_token(db, standin):
    """Its buyers' names and addresses need an RDT for that document; without one, 403."""
    standin.reports[ALL_ORDERS] = ALL_ORDERS_REPORT.read_bytes()
    standin.reports[UNSHIPPED] = UNSHIPPED_REPORT.read_bytes()
    central = connect(db)
    result = central.sync(push_work=False)
    assert result.problem is None and result.pulled is not None
    assert len(result.pulled.reports) == 2
    # One token, asked for the unshipped report's document by its exact path only.
    [asked] = standin.restricted_requests
    [resource] = asked["restrictedResources"]
    assert resource["method"] == "GET"
    assert resource["path"].startswith("/reports/2021-06-30/documents/")
    unshipped_document = resource["path"].rsplit("/", 1)[1]
    with db.reading() as session:
        names = set(session.scalars(select(Order.buyer_name)))
    assert any(names), "the buyers' names came through"

    # The same document asked with the ordinary access token is refused, as the real API does.
    with pytest.raises(ConnectionFailed, match="Unauthorized"):
        central.transport().report_document(unshipped_document, restricted=False)
    assert central.transport().report_document(unshipped_document, restricted=True)


def test_without_the_buyer_data_role_test_and_sync_say_so_in_one_line(
    cli, db, standin, monkeypatch
):
    standin.reports[ALL_ORDERS] = ALL_ORDERS_REPORT.read_bytes()
    standin.reports[UNSHIPPED] = UNSHIPPED_REPORT.read_bytes()
    standin.buyer_data_role = False
    with pytest.raises(ConnectionFailed) as refused:
        connect(db).test()
    line = refused.value.message.english()
    assert "Direct-to-Consumer Shipping" in line and "\n" not in line

    result = connect(db).sync(push_work=False)
    # All Orders still came in; the unshipped report is left out and the sync says why.
    assert not result.offline and result.pulled is not None
    assert ["all-orders" in name for name in result.pulled.reports] == [True]
    assert result.problem is not None
    assert "Direct-to-Consumer Shipping" in result.problem.english()

    _credentials_in_environment(monkeypatch)
    monkeypatch.setattr("app.marketplace.connection.Timing", lambda: _fast_timing())
    done = cli("sync", "--pull")
    assert done.status == 2
    [warning] = [line for line in done.err.splitlines() if "Direct-to-Consumer" in line]
    assert "unshipped-orders report cannot be downloaded" in warning


def _credentials_in_environment(monkeypatch) -> None:
    for name, value in zip(
        (
            "SELLERDESK_LWA_CLIENT_ID",
            "SELLERDESK_LWA_CLIENT_SECRET",
            "SELLERDESK_LWA_REFRESH_TOKEN",
        ),
        (GOOD.client_id, GOOD.client_secret, GOOD.refresh_token),
        strict=True,
    ):
        monkeypatch.setenv(name, value)


def test_work_done_offline_is_queued_and_sent_once_when_the_marketplace_is_back(db, standin):
    shippable(db, "405-1111111-1111111", "50001")
    shippable(db, "405-2222222-2222222", "50002")
    ship(db, "405-1111111-1111111")
    standin.go_down()
    first = connect(db).sync()
    assert first.offline and "cannot be reached" in first.summary().english()
    ship(db, "405-2222222-2222222")  # more work while still offline
    assert connect(db).sync().offline
    assert [batch.state for batch in connect(db).batches()] == [State.WRITTEN, State.WRITTEN]
    assert standin.calls == []  # nothing reached the marketplace

    standin.come_back()
    back = connect(db).sync(pull_orders=False)
    assert not back.offline and len(back.sent) == 2
    assert [batch.state for batch in connect(db).batches()] == [State.DONE, State.DONE]
    rows = sorted(row["order-id"] for _type, row in standin.accepted_rows())
    assert rows == ["405-1111111-1111111", "405-2222222-2222222"]  # each exactly once
    assert len(standin.feeds) == 2
    connect(db).sync(pull_orders=False)
    assert len(standin.feeds) == 2  # and never again


def test_a_refused_line_marked_dealt_with_is_listed_no_more_and_not_sent_again(cli, db, standin):
    import json

    shippable(db, "405-2222222-2222222", "50002")
    ship(db, "405-2222222-2222222", "BAD2")
    standin.refuse = lambda _type, _row: "The tracking number is not valid."
    central = connect(db)
    central.sync(pull_orders=False)
    [refused] = central.refusals()
    before = json.loads(cli("batches", "--json").out)

    done = cli("batches", "--dealt-with", f"{refused.batch_id}:{refused.record}")
    assert done.status == 0, done.err
    assert "405-2222222-2222222: dealt with" in done.out
    assert central.refusals() == []
    with db.reading() as session:
        [shipment] = session.scalars(select(Shipment)).all()
        events = session.scalars(
            select(Event.summary).where(Event.kind == "refusal_dealt_with")
        ).all()
    assert shipment.export_batch_id == refused.batch_id  # not back in what is to send
    assert len(events) == 1 and "not sent again" in events[0]

    standin.refuse = lambda _type, _row: None
    central.sync(pull_orders=False)
    assert len(standin.feeds) == 1 and standin.accepted_rows() == []

    assert "(18028)  (dealt with)" in cli("batches").out
    after = json.loads(cli("batches", "--json").out)
    assert set(before[0]) <= set(after[0])  # the shape is only ever extended
    assert after[0]["refused_lines"][0]["open"] is False
    assert before[0]["refused_lines"][0]["open"] is True

    again = cli("batches", "--dealt-with", f"{refused.batch_id}:{refused.record}")
    assert again.status == 1 and "dealt with already" in again.err
    assert cli("batches", "--dealt-with", "9:9").status == 2
    unreadable = cli("batches", "--dealt-with", "first")
    assert unreadable.status == 2 and "BATCH:LINE" in unreadable.err


def test_a_sync_notices_an_order_entering_its_last_3_days_and_a_buyer_cancellation_once(db):
    from datetime import timedelta

    from app import clock
    from app.marketplace.pull import new_notices

    now = clock.now()
    # Ship-by 5 days ago: 2 days left before the marketplace may cancel it (S11: 7 days).
    add_order(db, order_id="405-1111111-1111111", latest_ship_date=now - timedelta(days=5))
    # Ship-by 2 days ago: 5 days left, not yet in its last 3.
    add_order(db, order_id="405-2222222-2222222", latest_ship_date=now - timedelta(days=2))
    add_order(db, order_id="405-3333333-3333333", buyer_requested_cancel=True)
    found = {(n.order_id, n.buyer_requested, n.days_left) for n in new_notices(db, now)}
    assert found == {
        ("405-1111111-1111111", False, 2),
        ("405-3333333-3333333", True, None),
    }
    assert new_notices(db, now) == []  # told once
    # Two days on, the second order enters its last 3 days: told now, the others not again.
    later = now + timedelta(days=2, hours=1)
    assert [(n.order_id, n.days_left) for n in new_notices(db, later)] == [
        ("405-2222222-2222222", 3)
    ]
