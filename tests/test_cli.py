"""The command line through its real entry point: exit statuses, JSON shapes, messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.storage.db import open_database
from app.storage.models import Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

PENDING = "405-1111111-1111111"
UNSHIPPED = "405-2222222-2222222"
REQUESTED = "405-3333333-3333333"
UNKNOWN = "405-9999999-9999999"

ORDER_FIELDS = {
    "order_id",
    "status",
    "purchase_date",
    "latest_ship_date",
    "buyer_requested_cancel",
    "buyer_cancel_reason",
    "currency",
    "items",
}
ITEM_FIELDS = {
    "order_item_id",
    "sku",
    "title",
    "quantity",
    "quantity_shipped",
    "quantity_cancelled",
    "item_price",
    "item_tax",
    "shipping_price",
    "shipping_tax",
}
HEALTH_FIELDS = {
    "as_of",
    "window_days",
    "orders",
    "seller_cancellations",
    "cancellation_rate",
    "late",
    "at_risk_of_auto_cancel",
    "pending_over_21_days",
}


@pytest.fixture
def shop(db):
    """A pending order, an unshipped late one, and one the buyer asked to cancel officially."""
    add_order(db, OrderSpec(order_id=PENDING, status=OrderStatus.PENDING))
    add_order(
        db,
        OrderSpec(
            order_id=UNSHIPPED,
            latest_ship_date=NOW - timedelta(days=2),
            items=[
                ItemSpec(order_item_id="11111111111111", quantity=2),
                ItemSpec(sku="TOTE-LIN-NAT", order_item_id="22222222222222", shipping_price=None),
            ],
        ),
    )
    add_order(db, OrderSpec(order_id=REQUESTED, buyer_requested_cancel=True))
    return db


def sellerdesk() -> str:
    found = shutil.which("sellerdesk", path=str(Path(sys.executable).parent))
    assert found, "the sellerdesk command is installed beside the test interpreter"
    return found


def run_installed(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sellerdesk(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


# --- the installed executable -----------------------------------------------------------


def test_installed_command_lists_json_and_exits_0(shop, db_path):
    result = run_installed("--db", str(db_path), "list", "--json")
    assert result.returncode == 0, result.stderr
    orders = json.loads(result.stdout)
    # Oldest purchase first, then by order id (all three were bought at the same moment).
    assert [o["order_id"] for o in orders] == [PENDING, UNSHIPPED, REQUESTED]
    assert all(set(o) >= ORDER_FIELDS for o in orders)


def test_installed_command_refusal_exits_1_with_the_reason(shop, db_path):
    result = run_installed("--db", str(db_path), "ship", PENDING, "--carrier", "UPS")
    assert result.returncode == 1
    assert "verifying the buyer's payment" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_installed_command_bad_input_exits_2_and_reads_sellerdesk_db(shop, db_path):
    result = run_installed("show", UNKNOWN, env={"SELLERDESK_DB": str(db_path)})
    assert result.returncode == 2
    assert result.stderr.strip() == f"sellerdesk: There is no order {UNKNOWN} in this database."


def test_installed_demo_says_how_many_and_where(tmp_path):
    target = tmp_path / "demo.sqlite"
    result = run_installed("--db", str(target), "demo", "--orders", "30", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Added 30 demo orders to {target}."


def test_output_cut_short_by_the_reader_is_not_a_traceback(tmp_path):
    target = tmp_path / "demo.sqlite"
    assert run_installed("--db", str(target), "demo", "--orders", "300").returncode == 0
    with subprocess.Popen(
        [sellerdesk(), "--db", str(target), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `sellerdesk list | head -0`
        err = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert status == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


# --- in process -------------------------------------------------------------------------


def test_list_json_shape(shop, cli):
    result = cli("list", "--json")
    assert result.status == 0
    orders = json.loads(result.out)
    assert len(orders) == 3
    for order in orders:
        assert set(order) >= ORDER_FIELDS
        for item in order["items"]:
            assert set(item) >= ITEM_FIELDS
    unshipped = next(o for o in orders if o["order_id"] == UNSHIPPED)
    assert unshipped["items"][0]["item_price"] == "14.90"
    assert unshipped["items"][1]["shipping_price"] is None
    assert unshipped["purchase_date"] == (NOW - timedelta(days=2)).isoformat()
    assert next(o for o in orders if o["order_id"] == REQUESTED)["buyer_requested_cancel"] is True


def test_list_filters(shop, cli):
    def ids(*args: str) -> set[str]:
        return {o["order_id"] for o in json.loads(cli("list", "--json", *args).out)}

    assert ids("--status", "Pending") == {PENDING}
    assert ids("--buyer-requested") == {REQUESTED}
    assert UNSHIPPED in ids("--late") and PENDING not in ids("--late")
    with pytest.raises(SystemExit) as exited:  # argparse's own usage error
        cli("list", "--status", "Lost")
    assert exited.value.code == 2


def test_show_json_shape_and_pending_hides_the_buyer(shop, cli):
    shown = json.loads(cli("show", UNSHIPPED, "--json").out)
    assert ORDER_FIELDS | {"buyer", "address", "shipments", "cancellations", "events"} <= set(shown)
    assert shown["buyer"]["name"] == "Aurélien Garçon"
    assert shown["address"]["city"] == "Clermont-Ferrand"
    pending = cli("show", PENDING, "--json")
    data = json.loads(pending.out)
    assert data["buyer"] is None and data["address"] is None
    # The pending order's own text says why, and never the name or street.
    text = cli("show", PENDING).out
    assert "hidden until payment is verified" in text
    assert (
        "Garçon" not in text and "place du Marché" not in text and "marketplace.amazon" not in text
    )


def test_pending_buyer_stays_hidden_even_if_a_report_gave_it(db, cli):
    add_order(db, OrderSpec(order_id=PENDING, status=OrderStatus.PENDING))
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == PENDING)).one()
        order.buyer_name, order.ship_address_1 = "Zoé Lefèvre", "12 rue Émile-Zola"
    for args in (("show", PENDING), ("show", PENDING, "--json"), ("list",), ("list", "--json")):
        out = cli(*args).out
        assert "Zoé" not in out and "Émile-Zola" not in out, args


def test_verify_ship_and_show_through_the_commands(shop, cli):
    assert cli("verify-payment", PENDING).status == 0
    assert cli("verify-payment", PENDING).status == 1
    shipped = cli(
        "ship",
        UNSHIPPED,
        "--carrier",
        "Colissimo",
        "--tracking",
        "6A1",
        "--item",
        "11111111111111:1",
    )
    assert shipped.status == 0, shipped.err
    assert "PartiallyShipped" in shipped.out
    data = json.loads(cli("show", UNSHIPPED, "--json").out)
    assert data["shipments"][0]["carrier_code"] == "Other"
    assert data["shipments"][0]["carrier_name"] == "Colissimo"
    assert data["shipments"][0]["items"] == [
        {"order_item_id": "11111111111111", "sku": "MUG-CERAM-01", "quantity": 1}
    ]
    assert [e["kind"] for e in data["events"]] == ["shipment-confirmed"]


def test_cancel_that_counts_warns_on_stderr(shop, cli):
    result = cli("cancel", UNSHIPPED, "--reason", "BuyerCanceled")
    assert result.status == 0
    assert result.err.startswith("warning: Counts in your cancellation rate")
    assert "Request cancellation" in result.err
    assert "Canceled" in result.out


def test_official_buyer_canceled_does_not_warn(shop, cli):
    result = cli("cancel", REQUESTED, "--reason", "BuyerCanceled")
    assert result.status == 0
    assert result.err == ""
    assert "Does not count" in result.out
    data = json.loads(cli("health", "--json").out)
    assert data["seller_cancellations"] == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("show", UNKNOWN), "There is no order"),
        (("show", "not-an-id"), "is not an order id"),
        (("cancel", UNSHIPPED, "--reason", "Whim"), "Unknown cancellation reason code"),
        (("ship", UNSHIPPED, "--carrier", "Other"), "give the carrier's name"),
        (("ship", UNSHIPPED, "--carrier", "UPS", "--date", "20/11/2026"), "is not a date"),
        (("ship", UNSHIPPED, "--carrier", "UPS", "--item", "NOPE"), "has no item NOPE"),
        (("health", "--as-of", "yesterday"), "is not a date or time"),
        (("health", "--days", "0"), "--days must be 1 or more"),
        (("demo", "--orders", "0"), "--orders must be between"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(shop, cli, args, fragment):
    before = cli("list", "--json").out
    result = cli(*args)
    assert result.status == 2
    assert fragment in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert cli("list", "--json").out == before


@pytest.mark.parametrize(
    "args",
    [
        ("ship", PENDING, "--carrier", "UPS"),
        ("cancel", PENDING, "--reason", "NoInventory"),
        ("ship", UNSHIPPED, "--carrier", "UPS", "--item", "22222222222222:5"),
    ],
)
def test_rule_refusals_exit_1_and_change_nothing(shop, cli, args):
    before = cli("list", "--json").out
    result = cli(*args)
    assert result.status == 1
    assert result.err.startswith("sellerdesk: ")
    assert cli("list", "--json").out == before


def test_usage_errors_exit_2(cli):
    with pytest.raises(SystemExit) as exited:
        cli("ship")
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        cli("no-such-command")
    assert exited.value.code == 2


def test_health_json_shape(shop, cli):
    result = cli("health", "--as-of", NOW.isoformat(), "--json")
    assert result.status == 0
    data = json.loads(result.out)
    assert set(data) >= HEALTH_FIELDS
    assert data["as_of"] == NOW.isoformat()
    assert data["window_days"] == 7 and data["orders"] == 3
    assert data["cancellation_rate"] == "0.00"
    late = {
        "order_id": UNSHIPPED,
        "status": "Unshipped",
        "latest_ship_date": "2026-11-18T12:00:00+00:00",
        "days_late": 2,
    }
    assert data["late"] == [late]
    assert data["at_risk_of_auto_cancel"] == [
        {**late, "days_left": 5, "auto_cancel_from": "2026-11-25T12:00:00+00:00"}
    ]
    assert data["pending_over_21_days"] == []  # the pending order is two days old
    assert data["canceled_on_marketplace"] == data["overdue_refunds"] == []
    assert (data["seller_cancellations"], data["above_target"]) == (0, False)
    text = cli("health", "--as-of", "2026-11-20").out
    assert "cancellation rate: 0.00 %" in text


def test_health_text_says_an_order_past_its_seventh_late_day_may_be_cancelled_now(db, cli):
    add_order(db, OrderSpec(order_id=UNSHIPPED, latest_ship_date=NOW - timedelta(days=9)))
    text = cli("health", "--as-of", NOW.isoformat()).out
    assert f"{UNSHIPPED}  9 day(s) late, the marketplace may cancel it now" in text
    assert "-2 day(s)" not in text


def test_db_option_takes_a_path_or_a_url(tmp_path, capsys):
    path = tmp_path / "by-url.sqlite"
    db = open_database(str(path))
    add_order(db, OrderSpec(order_id=UNSHIPPED))
    db.dispose()
    for location in (str(path), f"sqlite:///{path}"):
        assert main(["--db", location, "list", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)[0]["order_id"] == UNSHIPPED


def test_sellerdesk_db_environment_variable(tmp_path, monkeypatch, capsys):
    path = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("SELLERDESK_DB", str(path))
    assert main(["demo", "--orders", "3"]) == 0
    assert str(path) in capsys.readouterr().out
    assert path.exists()


def test_a_database_that_is_not_sellerdesks_exits_2(tmp_path, capsys):
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"shopping list: milk, eggs\n")
    assert main(["--db", str(junk), "list"]) == 2
    err = capsys.readouterr().err
    assert "not a SellerDesk database" in err and "Traceback" not in err
    assert junk.read_bytes() == b"shopping list: milk, eggs\n"


def test_each_command_is_found_in_the_module_the_start_table_names() -> None:
    from app.cli.main import COMMAND_MODULES, commands

    # The table lets a command import only its own module; a command missing from
    # it, or named under the wrong module, would be unknown to `sellerdesk`.
    for module, names in COMMAND_MODULES.items():
        assert tuple(c.name for c in __import__(module, fromlist=["_"]).COMMANDS) == names
    assert [c.name for c in commands("refund")] == ["refund", "return"]
    assert len(commands()) == sum(len(names) for names in COMMAND_MODULES.values())


def test_help_lists_every_command_and_an_unknown_one_is_bad_usage(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("list", "import-cancellations", "backup", "sync"))
    with pytest.raises(SystemExit) as exited:
        main(["--db", "list", "frobnicate"])
    assert exited.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err
