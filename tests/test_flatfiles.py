"""The upload files byte for byte, and reading cancellation files as sellers save them."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import BadInput
from app.marketplace_files.flatfiles.adjustment_file import (
    AdjustmentRow,
    read_adjustment_file,
    write_adjustment_file,
)
from app.marketplace_files.flatfiles.cancellation_file import (
    TEMPLATE_LINE,
    CancellationRow,
    ReasonWithoutItem,
    read_cancellation_file,
    write_cancellation_file,
)
from app.marketplace_files.flatfiles.shipping_file import (
    ShippingRow,
    read_shipping_file,
    write_shipping_file,
)

GOLDEN = Path(__file__).with_name("golden")
ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
TEMPLATE_BYTES = (
    b"TemplateType=OrderCancellation\tVersion=1.0/1.0.3\t"
    b"This row for Amazon.com use only.  Do not modify or delete."
)

REFUND = AdjustmentRow(
    "405-1234567-1234567",
    "11111111111111",
    "CustomerReturn",
    "EUR",
    item_price=Decimal("11.92"),
    item_tax=Decimal("2.48"),
    shipping_price=Decimal("4.90"),
    shipping_tax=Decimal("0.82"),
)
PARTIAL = AdjustmentRow(
    "171-0000001-0000002",
    "22222222222222",
    "NoInventory",
    "EUR",
    item_price=Decimal("10"),
    item_tax=Decimal("2"),
    quantity_cancelled=2,
)


def lines(data: bytes) -> list[list[str]]:
    return [line.split("\t") for line in data.decode("utf-8").split("\n")[:-1]]


# --- writing -------------------------------------------------------------------------


def test_cancellation_file_matches_the_golden_bytes():
    # A two-item whole-order cancellation is one row per item: reason and item code together.
    data = write_cancellation_file(
        [
            CancellationRow("405-1234567-1234567", "NoInventory", "11111111111111"),
            CancellationRow("405-1234567-1234567", "NoInventory", "11111111111112"),
            CancellationRow("171-0000001-0000002", "BuyerCanceled", "22222222222222"),
        ]
    )
    assert data == (GOLDEN / "cancellations.txt").read_bytes()


@pytest.mark.parametrize(
    "row",
    [
        CancellationRow("405-1234567-1234567", "NoInventory"),
        CancellationRow("405-1234567-1234567", "", "11111111111111"),
    ],
)
def test_a_reason_is_never_written_without_its_item_code_nor_the_reverse(row):
    with pytest.raises(ReasonWithoutItem):
        write_cancellation_file([row])


def test_an_order_id_alone_is_a_whole_order_row_without_reason():
    data = write_cancellation_file([CancellationRow("405-1234567-1234567", "")])
    assert data.split(b"\n")[2] == b"405-1234567-1234567\t\t"


def test_template_line_is_byte_exact_with_its_two_spaces():
    data = write_cancellation_file(
        [CancellationRow("405-1234567-1234567", "NoInventory", "11111111111111")]
    )
    assert data.split(b"\n")[0] == TEMPLATE_BYTES
    assert TEMPLATE_LINE.encode() == TEMPLATE_BYTES
    assert b"only.  Do not" in data


def test_files_are_utf8_with_lf_and_no_bom():
    data = write_shipping_file(
        [ShippingRow("405-1234567-1234567", "1", 1, date(2026, 11, 20), "Other", "Poste é")]
    )
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert "Poste é".encode() in data


def test_refund_only_adjustment_file_has_quantity_cancelled_zero_and_no_promotion_columns():
    data = write_adjustment_file([REFUND])
    assert data == (GOLDEN / "adjustments-refund.txt").read_bytes()
    header, row = lines(data)
    assert header[-1] == "quantity-cancelled" and row[-1] == "0"
    assert not [name for name in header if "promotion" in name]


def test_quantity_column_appears_with_a_partial_cancellation_and_refunds_carry_zero():
    data = write_adjustment_file([REFUND, PARTIAL])
    assert data == (GOLDEN / "adjustments-partial.txt").read_bytes()
    rows = lines(data)
    assert rows[0][-1] == "quantity-cancelled"
    assert rows[1][-1] == "0"
    assert rows[2][-1] == "2"


def test_promotion_columns_only_when_a_row_uses_them_and_never_empty():
    promoted = AdjustmentRow(
        "405-1234567-1234567",
        "1",
        "PriceError",
        "EUR",
        item_price=Decimal("5"),
        item_promotion=Decimal("-1.50"),
        item_promotion_id="PROMO-1",
    )
    data = write_adjustment_file([promoted])
    header, row = lines(data)
    assert "item-promotion-adj" in header and "item-promotion-id" in header
    assert "ship-promotion-adj" not in header
    cells = dict(zip(header, row, strict=True))
    assert cells["item-promotion-adj"] == "-1.50"
    assert cells["item-promotion-id"] == "PROMO-1"
    assert all(cell for name, cell in cells.items() if "promotion" in name)


def test_shipping_file_matches_the_golden_bytes():
    rows = [
        ShippingRow(
            "405-1234567-1234567", "11111111111111", 1, date(2026, 11, 20), "UPS", "", "1Z999"
        ),
        ShippingRow(
            "405-1234567-1234567", "11111111111112", 2, date(2026, 11, 20), "UPS", "", "1Z999"
        ),
        ShippingRow(
            "171-0000001-0000002",
            "22222222222222",
            1,
            date(2026, 11, 19),
            "Other",
            "Colissimo",
            "6A123",
            "Standard",
        ),
    ]
    data = write_shipping_file(rows)
    assert data == (GOLDEN / "shipments.txt").read_bytes()
    assert read_shipping_file(data) == rows


def test_a_tab_or_line_break_in_a_value_cannot_break_the_row():
    data = write_shipping_file(
        [ShippingRow("405-1234567-1234567", "1", 1, date(2026, 11, 20), "Other", "A\tB\nC")]
    )
    assert [len(row) for row in lines(data)] == [8, 8]


cents = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c) / 100)
order_ids = st.builds(
    "{:03d}-{:07d}-{:07d}".format,
    st.integers(0, 999),
    st.integers(0, 9_999_999),
    st.integers(0, 9_999_999),
)
# Cheap strategies and no deadline: the suite runs on busy two-core machines.
quick = settings(max_examples=60, deadline=None)


@quick
@given(
    st.lists(
        st.builds(
            AdjustmentRow,
            order_id=order_ids,
            order_item_id=st.integers(0, 10**14 - 1).map("{:014d}".format),
            reason=st.sampled_from(["CustomerReturn", "NoInventory", "CustomerCancel"]),
            currency=st.sampled_from(["EUR", "GBP"]),
            item_price=cents,
            item_tax=cents,
            shipping_price=cents,
            shipping_tax=cents,
            quantity_cancelled=st.one_of(st.none(), st.integers(1, 99)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_adjustment_round_trip_keeps_every_row_and_writes_two_decimals(rows):
    data = write_adjustment_file(rows)
    assert read_adjustment_file(data) == rows
    header, *body = lines(data)
    for row in body:
        cells = dict(zip(header, row, strict=True))
        assert ORDER_ID.match(cells["order-id"])
        for name, cell in cells.items():
            if name.endswith("-adj"):
                assert AMOUNT.match(cell), (name, cell)


@quick
@given(
    st.lists(
        st.builds(
            CancellationRow,
            order_id=order_ids,
            reason=st.sampled_from(["NoInventory", "BuyerCanceled", "PricingError"]),
            item_code=st.from_regex(r"\A[0-9]{14}\Z"),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_cancellation_round_trip_keeps_order_ids_in_their_3_7_7_form(rows):
    read = read_cancellation_file(write_cancellation_file(rows))
    assert read.had_template
    assert [CancellationRow(r.order_id, r.reason, r.item_code) for r in read.rows] == rows
    assert all(ORDER_ID.match(r.order_id) for r in read.rows)


# --- reading as sellers save it ------------------------------------------------------


def test_reads_a_spreadsheet_saved_file_cp1252_crlf_blank_lines_upper_case_no_template():
    data = (
        "ORDER-ID\tCancellation-Reason-Code\tAmazon-Order-Item-Code\tNote\r\n"
        "\r\n"
        '"405-1234567-1234567"\tNoInventory\t\tcafé\r\n'
        "\t\t\t\r\n"
        "171-0000001-0000002\tBuyerCanceled\t22222222222222\tdéjà\r\n"
    ).encode("cp1252")
    read = read_cancellation_file(data)
    assert not read.had_template
    assert read.problems == []
    assert [(r.line, r.order_id, r.reason, r.item_code) for r in read.rows] == [
        (3, "405-1234567-1234567", "NoInventory", ""),
        (5, "171-0000001-0000002", "BuyerCanceled", "22222222222222"),
    ]


def test_reads_utf8_with_bom_and_the_template_line():
    data = b"\xef\xbb\xbf" + (GOLDEN / "cancellations.txt").read_bytes().replace(b"\n", b"\r\n")
    read = read_cancellation_file(data)
    assert read.had_template
    assert [(r.order_id, r.item_code) for r in read.rows] == [
        ("405-1234567-1234567", "11111111111111"),
        ("405-1234567-1234567", "11111111111112"),
        ("171-0000001-0000002", "22222222222222"),
    ]


def test_wrong_template_is_refused_whole():
    data = b"TemplateType=PriceInventory\tVersion=2.0\nsku\tprice\nA\t1\n"
    with pytest.raises(BadInput, match="PriceInventory; it needs TemplateType=OrderCancellation"):
        read_cancellation_file(data)


def test_missing_columns_are_named():
    with pytest.raises(BadInput, match="order-id"):
        read_cancellation_file(b"amazon-order-id\tsku\n405-1234567-1234567\tX\n")


def test_a_line_in_another_encoding_is_reported_by_number():
    data = (
        b"order-id\tcancellation-reason-code\tnote\n"
        + "405-1234567-1234567\tNoInventory\tcafé\n".encode()
        + "171-0000001-0000002\tNoInventory\tcafé\n".encode("cp1252")
    )
    read = read_cancellation_file(data)
    assert [r.line for r in read.rows] == [2]
    assert [p.line for p in read.problems] == [3]
    assert "mixed encodings" in read.problems[0].message.english()
