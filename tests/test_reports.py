"""Reading report files: layouts, encodings, line ends, headers, bad rows."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.errors import BadInput
from app.marketplace_files import reports
from app.marketplace_files.reports import Layout, check_file, parse_report, read_report
from app.storage.models import OrderStatus
from tests.reportfiles import (
    ALL_ORDERS_COLUMNS,
    ALL_ORDERS_REPORT,
    ORDERS_REPORT,
    UNSHIPPED_REPORT,
    all_orders_line,
    order_line,
    render,
    report,
    table,
    write,
)


def _parsed(report_obj):
    """What a report says, without line numbers (variants may move lines)."""
    return [
        (
            row.order_id,
            row.status,
            row.order,
            row.contact,
            row.item,
            row.quantity_shipped,
            row.buyer_requested_cancel,
            row.buyer_cancel_reason,
        )
        for row in report_obj.rows
    ]


@pytest.mark.parametrize(
    ("path", "layout", "lines"),
    [
        (ORDERS_REPORT, Layout.ORDERS, 60),
        (UNSHIPPED_REPORT, Layout.UNSHIPPED, 53),
        (ALL_ORDERS_REPORT, Layout.ALL_ORDERS, 80),
    ],
)
def test_the_three_sample_layouts_are_recognised_and_read_whole(path, layout, lines) -> None:
    result = read_report(path)
    assert result.layout is layout
    assert len(result.rows) == lines
    assert result.problems == []


def test_a_line_becomes_typed_fields() -> None:
    first = read_report(ORDERS_REPORT).rows[0]
    assert first.order_id == "237-4878104-3115934"
    assert first.line == 2
    assert first.order["purchase_date"] == datetime(2026, 11, 10, 1, 18, tzinfo=UTC)
    assert first.order["latest_ship_date"] == datetime(2026, 11, 11, 1, 18, tzinfo=UTC)
    assert first.order["is_prime"] is False
    assert first.item["item_price"] == Decimal("9.50")
    assert first.item["quantity"] == 1
    assert first.item["title"] == "Carnet A5 pointillé — couverture liège"
    assert first.contact["ship_city"] == "Clermont-Ferrand"
    assert first.buyer_requested_cancel is False
    # An empty cell is unknown, not an empty value.
    assert "ship_address_3" not in first.contact


def _shuffled(header: list[str], rows: list[list[str]]) -> str:
    order = list(range(len(header)))
    random.Random(3).shuffle(order)
    return render([header[i] for i in order], ([row[i] for i in order] for row in rows))


def _without(header: list[str], rows: list[list[str]], dropped: set[str]) -> str:
    keep = [i for i, name in enumerate(header) if name not in dropped]
    return render([header[i] for i in keep], ([row[i] for i in keep] for row in rows))


VARIANTS = {
    "windows-1252": lambda h, r: (render(h, r), "cp1252"),
    "utf-8 with BOM": lambda h, r: (render(h, r), "utf-8-sig"),
    "CRLF": lambda h, r: (render(h, r, "\r\n"), "utf-8"),
    "shuffled columns": lambda h, r: (_shuffled(h, r), "utf-8"),
    "upper-case headers with spaces": lambda h, r: (
        render([f" {name.upper()} " for name in h], r),
        "utf-8",
    ),
    "cancelation spelling": lambda h, r: (
        render(
            [
                "is-buyer-requested-cancelation" if n == "is-buyer-requested-cancellation" else n
                for n in h
            ],
            r,
        ),
        "utf-8",
    ),
    "extra unknown column": lambda h, r: (
        render([*h, "gift-message"], [[*x, "Bon"] for x in r]),
        "utf-8",
    ),
    "blank lines": lambda h, r: (render(h, [r[0], [""], *r[1:], [" "]]), "utf-8"),
    # A spreadsheet told to quote every cell (header too).
    "every cell in double quotes": lambda h, r: (
        render([f'"{name}"' for name in h], ([f'"{cell}"' for cell in x] for x in r)),
        "utf-8",
    ),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_of_a_report_reads_the_same(tmp_path: Path, variant: str) -> None:
    header, rows = table(ORDERS_REPORT)
    content, encoding = VARIANTS[variant](header, rows)
    path = write(tmp_path / "variant.txt", content, encoding)
    assert _parsed(read_report(path)) == _parsed(read_report(ORDERS_REPORT))


def test_a_title_a_spreadsheet_quoted_is_read_as_the_seller_typed_it(tmp_path: Path) -> None:
    header, rows = table(ORDERS_REPORT)
    title = header.index("product-name")
    rows[0][title] = '"Carnet ""A5"", pointillé"'  # a comma and quotes in the title
    rows[1][title] = 'Bougie 12" lavande'  # a quote inside a cell is the seller's
    path = write(tmp_path / "saved.txt", render(header, rows), "cp1252")
    for read in (read_report(path), parse_report(path.read_bytes(), "saved.txt")):
        assert read.problems == []
        assert read.rows[0].item["title"] == 'Carnet "A5", pointillé'
        assert read.rows[1].item["title"] == 'Bougie 12" lavande'


def test_a_windows_1252_file_keeps_its_accents(tmp_path: Path) -> None:
    header, rows = table(UNSHIPPED_REPORT)
    path = write(tmp_path / "cp1252.txt", render(header, rows), "cp1252")
    assert read_report(path).rows[0].contact["buyer_name"] == "Jérôme Müller"


def test_missing_optional_columns_are_unknown(tmp_path: Path) -> None:
    header, rows = table(ORDERS_REPORT)
    optional = {"order-item-id", "item-price", "buyer-name", "ship-city", "promise-date"}
    path = write(tmp_path / "fewer.txt", _without(header, rows, optional))
    first = read_report(path).rows[0]
    assert "item_price" not in first.item
    assert "order_item_id" not in first.item
    assert "buyer_name" not in first.contact
    assert "latest_ship_date" not in first.order
    assert first.item["sku"] == "CARNET-A5-PTS"


def test_the_both_buyer_cancel_spellings_set_the_flag(tmp_path: Path) -> None:
    for spelling in ("is-buyer-requested-cancellation", "is-buyer-requested-cancelation"):
        columns = [
            spelling if n == "is-buyer-requested-cancellation" else n
            for n in table(ORDERS_REPORT)[0]
        ]
        line = order_line(buyer_requested_cancel_reason="Changed my mind")
        line[spelling] = "TRUE"
        row = read_report(report(tmp_path / f"{spelling}.txt", [line], columns)).rows[0]
        assert row.buyer_requested_cancel is True
        assert row.buyer_cancel_reason == "Changed my mind"


def test_missing_required_columns_refuse_the_file_naming_each(tmp_path: Path) -> None:
    header, rows = table(ORDERS_REPORT)
    path = write(
        tmp_path / "cut.txt", _without(header, rows, {"order-id", "sku", "quantity-purchased"})
    )
    with pytest.raises(BadInput) as refused:
        read_report(path)
    message = refused.value.message.english()
    assert "cut.txt" in message
    for column in ("order-id", "sku", "quantity-purchased"):
        assert column in message
    assert "purchase-date" not in message


def test_the_all_orders_report_requires_its_status(tmp_path: Path) -> None:
    columns = [name for name in ALL_ORDERS_COLUMNS if name != "order-status"]
    path = report(tmp_path / "all.txt", [all_orders_line()], columns)
    # Without order-status it is still recognised by amazon-order-id, and refused.
    with pytest.raises(BadInput, match="order-status"):
        read_report(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"\r\n  \n", "is empty"),
        (b"\xef\xbb\xbf", "is empty"),
        (b"order-id\tsku\x00\x00\x01\x02", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 20, "binary"),
    ],
)
def test_junk_and_empty_files_get_one_clear_line(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(content)
    with pytest.raises(BadInput) as refused:
        read_report(path)
    message = refused.value.message.english()
    assert words in message and "junk.txt" in message
    assert "\n" not in message


@pytest.mark.parametrize("undefined", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_a_byte_windows_1252_leaves_undefined_refuses_the_file_wherever_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, undefined: bytes
) -> None:
    # Small blocks: the byte is in a later block than the first non-UTF-8 one.
    monkeypatch.setattr(reports, "BLOCK", 64)
    header, rows = table(UNSHIPPED_REPORT)
    content = render(header, rows).encode("cp1252")
    good = write(tmp_path / "good.txt", content.decode("cp1252"), "cp1252")
    assert check_file(good).encoding == "cp1252"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content + b"note\t" + undefined + b"\n")
    with pytest.raises(BadInput, match="binary"):
        check_file(bad)


def test_the_windows_1252_check_refuses_exactly_what_the_decoder_refuses() -> None:
    for value in range(256):
        byte = bytes([value])
        try:
            byte.decode("cp1252")
        except UnicodeDecodeError:
            with pytest.raises(UnicodeDecodeError):
                reports._Windows1252Check().decode(b"abc" + byte)
        else:
            reports._Windows1252Check().decode(b"abc" + byte)


def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no file"):
        read_report(tmp_path / "nowhere.txt")


def test_a_header_without_rows_is_an_empty_report(tmp_path: Path) -> None:
    path = report(tmp_path / "header.txt", [])
    assert read_report(path).rows == []


BAD_CELLS = [
    ({"purchase_date": "2026-13-01"}, 'purchase-date "2026-13-01" is not a date'),
    ({"promise_date": "tomorrow"}, 'promise-date "tomorrow" is not a date'),
    ({"item_price": "12,50,00"}, 'item-price "12,50,00" is not an amount'),
    ({"shipping_tax": "NaN"}, 'shipping-tax "NaN" is not an amount'),
    ({"quantity_purchased": "two"}, 'quantity-purchased "two" is not a whole number of units'),
    ({"quantity_purchased": "-1"}, 'quantity-purchased "-1" is not a whole number of units'),
    ({"quantity_purchased": "0"}, "quantity-purchased is 0"),
    ({"quantity_shipped": "1.5"}, 'quantity-shipped "1.5" is not a whole number of units'),
    ({"order_id": "405-123-1"}, 'order-id "405-123-1" is not an order id'),
    ({"order_id": ""}, "order-id is empty"),
    ({"sku": ""}, "sku is empty"),
    ({"is_prime": "maybe"}, 'is-prime "maybe" is not true or false'),
]


@pytest.mark.parametrize(("cells", "problem"), BAD_CELLS)
def test_each_bad_cell_is_reported_with_its_line(tmp_path: Path, cells, problem) -> None:
    bad = order_line(**{"order_id": "405-7654321-7654321", **cells})
    result = read_report(report(tmp_path / "bad.txt", [order_line(), bad]))
    assert [row.line for row in result.rows] == [2]
    assert [p.line for p in result.problems] == [3]
    assert result.problems[0].text.english().startswith(f"line 3: {problem}")


def test_every_bad_row_is_listed_and_line_numbers_count_blank_lines(tmp_path: Path) -> None:
    header, rows = table(ORDERS_REPORT)
    rows[2][2] = "not a date"
    rows[9][12] = "x"
    content = render(header, [rows[0], [""], *rows[1:]])
    result = read_report(write(tmp_path / "bad.txt", content))
    # header = line 1, rows[0] = line 2, blank = line 3, rows[1] = line 4 …
    assert sorted(problem.line for problem in result.problems) == [5, 12]
    assert len(result.rows) == len(rows) - 2


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Pending", OrderStatus.PENDING),
        ("InvoiceUnconfirmed", OrderStatus.PENDING),
        ("PendingAvailability", OrderStatus.PENDING),
        ("Unshipped", OrderStatus.UNSHIPPED),
        ("PartiallyShipped", OrderStatus.PARTIALLY_SHIPPED),
        ("shipped", OrderStatus.SHIPPED),
        ("Canceled", OrderStatus.CANCELED),
        ("Cancelled", OrderStatus.CANCELED),
    ],
)
def test_report_statuses(tmp_path: Path, word: str, status: OrderStatus) -> None:
    path = report(tmp_path / "all.txt", [all_orders_line(order_status=word)], ALL_ORDERS_COLUMNS)
    assert read_report(path).rows[0].status is status


def test_an_unknown_status_is_a_bad_row(tmp_path: Path) -> None:
    path = report(
        tmp_path / "all.txt", [all_orders_line(order_status="Unfulfillable")], ALL_ORDERS_COLUMNS
    )
    (problem,) = read_report(path).problems
    assert (
        problem.text.english()
        == 'line 2: order-status "Unfulfillable" is not a status SellerDesk knows'
    )


def test_a_cancelled_line_may_have_no_units(tmp_path: Path) -> None:
    line = all_orders_line(order_status="Cancelled", quantity="0")
    path = report(tmp_path / "all.txt", [line], ALL_ORDERS_COLUMNS)
    assert read_report(path).rows[0].item["quantity"] == 0


def test_amounts_with_a_comma_are_read_exactly_and_a_third_decimal_is_refused(
    tmp_path: Path,
) -> None:
    path = report(tmp_path / "comma.txt", [order_line(item_price="14,9", item_tax="2,48")])
    item = read_report(path).rows[0].item
    assert item["item_price"] == Decimal("14.90")
    assert item["item_tax"] == Decimal("2.48")
    path = report(tmp_path / "cents.txt", [order_line(item_tax="2.475")])
    [problem] = read_report(path).problems
    assert "item-tax" in problem.text.english()  # refused, never rounded


def test_parse_report_names_the_file_in_problems() -> None:
    content = render(
        ["order-id", "purchase-date", "sku", "quantity-purchased"], [["x", "y", "z", "1"]]
    )
    result = parse_report(content.encode(), "mine.txt")
    assert {problem.text.args["file"] for problem in result.problems} == {"mine.txt"}
