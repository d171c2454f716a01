"""Bad input from outside is one clear line, exit status 2, and changes nothing.

Report cells and command-line values have documented ranges (app.limits); a
value outside is refused by line, never rounded or let through to a traceback.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import limits
from app.errors import BadInput
from app.marketplace_files.exports import batches
from app.marketplace_files.reports import parse_report
from app.order_actions.orders import cancel
from tests.factories import add_order
from tests.reportfiles import ORDERS_COLUMNS, order_line, render
from ui.launcher import main

COLUMNS_READ = [*ORDERS_COLUMNS, "item-promotion-discount"]


def one_line_report(**cells: str) -> bytes:
    line = order_line(**cells)
    return render(COLUMNS_READ, [[line.get(name, "") for name in COLUMNS_READ]]).encode()


def problems_of(**cells: str) -> list[str]:
    result = parse_report(one_line_report(**cells), "r.txt")
    return [problem.text.english() for problem in result.problems]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("item-price", "1e308"),
        ("item-price", "1e30"),
        ("item-price", "9" * 400),
        ("item-price", "92233720368547758.07"),
        ("item-price", "1000000.01"),
        ("item-price", "12.345"),
        ("item-price", "1_000.00"),
        ("item-price", "١٢.٣٤"),  # Arabic-Indic digits
        ("item-price", "１２.３４"),  # full-width digits
        ("item-price", "-3.00"),  # a price is never negative
        ("item-price", "NaN"),
        ("item-price", "Infinity"),
        ("item-promotion-discount", "-1000000.01"),
        ("quantity-purchased", "9223372036854775807"),
        ("quantity-purchased", "10001"),
        ("quantity-purchased", "١"),
        ("purchase-date", "0001-01-01T00:00:00+01:00"),
        ("purchase-date", "9999-12-31T23:59:59-05:00"),
        ("purchase-date", "1999-12-31"),
        ("purchase-date", "2026-W48-2"),  # ISO week date
        ("purchase-date", "20261120"),
        ("purchase-date", "２０２６-11-20"),
        ("order-id", "405-１２３４５６７-1234567"),
        ("order-id", "٤٠٥-1234567-1234567"),
    ],
)
def test_a_cell_out_of_range_is_refused_by_line(column, value):
    found = problems_of(**{column.replace("-", "_"): value})
    assert len(found) == 1, found
    assert found[0].startswith("line 2:") and column in found[0]


def test_in_range_values_are_read_exactly():
    result = parse_report(
        one_line_report(
            item_price="1000000.00", item_promotion_discount="-1.5", quantity_purchased="10000"
        ),
        "r.txt",
    )
    assert result.problems == []
    [row] = result.rows
    assert str(row.item["item_price"]) == "1000000.00"
    assert str(row.item["item_promotion_discount"]) == "-1.50"
    assert row.item["quantity"] == 10000


def test_a_huge_cell_is_refused_and_not_echoed_whole():
    [message] = problems_of(item_price="9" * 1_000_000)
    assert len(message) < 300 and "1,000,000 characters" in message
    [long_name] = problems_of(product_name="x" * (limits.MAX_CELL + 1))
    assert "product-name" in long_name and len(long_name) < 300


# --- the command line --------------------------------------------------------------------


BAD_COMMANDS = [
    ["health", "--as-of", "0001-01-01"],
    ["health", "--as-of", "9999-12-31T23:00:00-05:00"],
    ["health", "--days", "1000000000"],
    ["health", "--days", "0"],
    ["summary", "--from", "0001-01-01", "--pdf", "{tmp}/s.pdf"],
    ["summary", "--to", "9999-12-31", "--pdf", "{tmp}/s.pdf"],
    ["summary", "--pdf", "{tmp}"],
    ["export", "cancellations", ""],
    ["export", "cancellations", "{tmp}/c.txt", "--batch", "99999999999999999999"],
    ["import", "/dev/zero"],
    ["import", "{tmp}"],
    ["import-cancellations", "/dev/zero"],
]


@pytest.mark.parametrize("command", BAD_COMMANDS, ids=" ".join)
def test_a_bad_command_line_value_is_one_line_exit_2_nothing_written(
    command, db, db_location, tmp_path, capsys
):
    add_order(db)
    cancel(db, "405-1234567-1234567", "NoInventory")
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    capsys.readouterr()
    status = main(["--db", db_location, *args])
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.count("\n") == 1 and err.startswith("sellerdesk: "), err
    assert (
        batches(db) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["shop.sqlite"]
    ) or (not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.txt")))


def test_the_same_new_order_added_by_two_imports_at_once_is_said_in_words():
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from app.storage.db import explain_database_error

    driver = sqlite3.connect(":memory:")
    driver.execute("CREATE TABLE orders (order_id TEXT UNIQUE)")
    driver.execute("INSERT INTO orders VALUES ('405-1234567-1234567')")
    try:
        driver.execute("INSERT INTO orders VALUES ('405-1234567-1234567')")
    except sqlite3.IntegrityError as raw:  # the driver's own, with its error code
        error = DBAPIError.instance("INSERT", {}, raw, sqlite3.Error)
    message = explain_database_error(error).message.english()
    assert "UNIQUE" not in message and "at the same moment" in message


# --- fuzzers ------------------------------------------------------------------------------

CELL = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.digits + ".,-+eE_ ", max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
)
COLUMNS = [
    "item-price",
    "item-tax",
    "item-promotion-discount",
    "quantity-purchased",
    "purchase-date",
    "payments-date",
    "promise-date",
    "order-id",
    "is-prime",
    "sku",
]


def _read_or_refused(column, value):
    value = value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    try:
        result = parse_report(one_line_report(**{column.replace("-", "_"): value}), "r.txt")
    except BadInput:
        assert "\x00" in value  # a NUL makes it binary: the whole file is refused in one line
        return
    assert len(result.rows) + len({p.line for p in result.problems}) == 1
    for row in result.rows:
        for amount in ("item_price", "item_tax", "item_promotion_discount"):
            if amount in row.item:
                assert abs(row.item[amount]) <= limits.MAX_AMOUNT
                assert row.item[amount].as_tuple().exponent == -2


@settings(max_examples=150, deadline=None)
@given(column=st.sampled_from(COLUMNS), value=CELL)
def test_any_cell_is_read_or_refused_by_line_never_a_traceback(column, value):
    _read_or_refused(column, value)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None)
@given(column=st.sampled_from(COLUMNS), value=CELL)
def test_many_more_cells_are_read_or_refused_by_line(column, value):
    _read_or_refused(column, value)


CLI_VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
)
COMMANDS = [
    ["health", "--as-of", "{v}"],
    ["health", "--days", "{v}"],
    ["summary", "--from", "{v}", "--pdf", "{tmp}/s.pdf"],
    ["export", "cancellations", "{tmp}/c.txt", "--batch", "{v}"],
    ["show", "{v}"],
    ["list", "--status", "{v}"],
]


def _done_or_one_line(command, value, db_location, tmp_path, capsys):
    if value.startswith("-") or "\x00" in value:
        value = " " + value.replace("\x00", "")  # argparse would read it as an option
    args = [part.replace("{v}", value).replace("{tmp}", str(tmp_path)) for part in command]
    capsys.readouterr()
    try:
        status = main(["--db", db_location, *args])
    except SystemExit as stop:  # argparse's own usage error
        status = stop.code
    err = capsys.readouterr().err
    assert status in (0, 1, 2), err
    assert "Traceback" not in err
    if status != 0 and "usage:" not in err:
        assert err.count("\n") == 1 or err.startswith("sellerdesk: "), err


FIXTURES_REUSED = [HealthCheck.function_scoped_fixture]


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES_REUSED)
@given(command=st.sampled_from(COMMANDS), value=CLI_VALUES)
def test_any_command_line_value_is_done_or_one_line_never_a_traceback(
    command, value, db, db_location, tmp_path, capsys
):
    _done_or_one_line(command, value, db_location, tmp_path, capsys)


@pytest.mark.slow
@settings(max_examples=600, deadline=None, suppress_health_check=FIXTURES_REUSED)
@given(command=st.sampled_from(COMMANDS), value=CLI_VALUES)
def test_many_more_command_line_values_are_done_or_one_line(
    command, value, db, db_location, tmp_path, capsys
):
    _done_or_one_line(command, value, db_location, tmp_path, capsys)
