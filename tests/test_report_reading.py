"""The quick reading of report lines gives exactly what the careful reading gives.

A report's good lines are read by code written for its header
(``reports._quick_reader``); any line it cannot vouch for goes to the careful,
cell-by-cell reader, which says what is wrong. These tests hold the two to
the same rows on the samples, their variants and generated lines, and the
quick parts (timestamps by day and time of day, lines read a block at a time)
to the rules they stand in for.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import limits
from app.errors import BadInput
from app.marketplace_files import reports
from app.marketplace_files.reports import LineProblem, ReportRow, ReportStream
from tests.reportfiles import ALL_ORDERS_COLUMNS, ORDERS_COLUMNS, REPORTS

SAMPLES = sorted(REPORTS.glob("*.txt"))


def _readers(header: str) -> tuple[reports.QuickRead, Any]:
    stream = ReportStream("r.txt", iter([(1, header)]))
    return reports._quick_reader(stream._reader), stream._reader.read


def _fields(row: ReportRow) -> list[Any]:
    """Every field, the dicts' keys in their order and the values' types and zones."""
    found: list[Any] = []
    for name in ReportRow.__slots__:
        value = getattr(row, name)
        if isinstance(value, dict):
            found.append(
                [
                    (key, item, type(item), getattr(item, "tzinfo", None))
                    for key, item in value.items()
                ]
            )
        else:
            found.append((value, type(value)))
    return found


def _same(quick: reports.QuickRead, careful: Any, number: int, raw: str) -> bool:
    """Whether the quick reader read the line (else it left it to the careful one)."""
    read = quick(number, raw)
    expected: ReportRow | list[LineProblem] = careful(number, raw.split("\t"))
    if read is None:
        return False
    assert isinstance(expected, ReportRow), (raw, expected)
    assert _fields(read) == _fields(expected)
    return True


def _text(path: Path) -> str:
    data = path.read_bytes()
    return reports.decode(data, path.name)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_every_good_line_of_the_samples_is_read_quickly_and_the_same(path: Path) -> None:
    lines = [line for line in _text(path).splitlines() if line.strip()]
    quick, careful = _readers(lines[0])
    read = [_same(quick, careful, number, raw) for number, raw in enumerate(lines[1:], start=2)]
    good = [isinstance(careful(n, raw.split("\t")), ReportRow) for n, raw in enumerate(lines[1:])]
    assert read == good  # every good line took the quick way


# Cells a report may hold, good and bad: the quick reader must read the good
# ones as the careful one does and leave every doubtful line to it.
CELLS = [
    "",
    " ",
    "\u00a0",
    "\u2003x\u2003",
    "\x0b1\x0c",
    "0",
    "1",
    " 2 ",
    "+5",
    "10000",
    "10001",
    "-1",
    "٣",
    "1.5",
    "14,90",
    "1 000,50",
    "\u00a014.90\u00a0",
    "12.345",
    "1e3",
    "NaN",
    "-2.48",
    "true",
    "FALSE",
    "yes",
    "maybe",
    "Merchant",
    "afn",
    "Pending",
    "Unshipped",
    "Shipped",
    "Cancelled",
    "shipped - Delivered to Buyer",
    "Unfulfillable",
    "2026-11-20T09:15:00+00:00",
    "2026-11-20T09:15:00Z",
    "2026-11-20T09:15:00-05:00",
    "2026-11-20 09:15",
    "2026-11-20",
    "2026-11-20T09:15:00.5+02:00",
    "2026-11-20T09:15:00+0200",
    "2026-11-20t09:15:00+00:00",
    "2026-11-20T25:15:00+00:00",
    "2026-13-20T09:15:00+00:00",
    "1999-12-31T23:00:00+00:00",
    "2100-12-31T23:00:00-05:00",
    "2026-W47-1T09:15:00+00:00",
    "20261120T091500+0000",
    "2026-11-20T09:15:00+00:00:30",
    "２０２６-11-20T09:15:00+00:00",
    " 2026-11-20T09:15:00+00:00",
    "405-1234567-1234567",
    " 405-1234567-1234567 ",
    "405-123-1",
    "MUG-CERAM-01",
    "Mug céramique « Café crème »",
    "x" * 2_001,
]


def _lines(columns: list[str]) -> st.SearchStrategy[str]:
    cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=8))
    return st.lists(cell, min_size=len(columns) - 3, max_size=len(columns) + 2).map("\t".join)


def _good_line(columns: list[str], changes: dict[int, str]) -> str:
    """A good line of the first sample with that header, some cells changed."""
    header = "\t".join(columns)
    path = next(path for path in SAMPLES if _text(path).startswith(header))
    cells = _text(path).splitlines()[1].split("\t")
    for position, value in changes.items():
        if position < len(cells):
            cells[position] = value
    return "\t".join(cells)


ORDERS = _readers("\t".join(ORDERS_COLUMNS))
ALL_ORDERS = _readers("\t".join(ALL_ORDERS_COLUMNS))


@settings(max_examples=300, deadline=None)
@given(
    columns=st.sampled_from(["orders", "all-orders"]),
    changes=st.dictionaries(
        st.integers(0, 40), st.one_of(st.sampled_from(CELLS), st.text(max_size=6)), max_size=4
    ),
)
def test_a_line_with_any_cells_changed_reads_the_same_either_way(
    columns: str, changes: dict[int, str]
) -> None:
    header = ORDERS_COLUMNS if columns == "orders" else ALL_ORDERS_COLUMNS
    quick, careful = ORDERS if columns == "orders" else ALL_ORDERS
    _same(quick, careful, 7, _good_line(header, changes))


@settings(max_examples=200, deadline=None)
@given(raw=_lines(ORDERS_COLUMNS))
def test_any_line_reads_the_same_either_way(raw: str) -> None:
    _same(*ORDERS, 3, raw)


def test_the_quick_reader_leaves_doubtful_lines_to_the_careful_one() -> None:
    quick, careful = ORDERS
    position = ORDERS_COLUMNS.index
    for cells in (
        {position("sku"): ""},
        {position("quantity-purchased"): "0"},
        {position("purchase-date"): "2026-13-01"},
        {position("item-price"): "12.345"},
        {position("product-name"): "x" * 2_001},
        {position("order-id"): "405-123-1"},
    ):
        raw = _good_line(ORDERS_COLUMNS, cells)
        assert quick(5, raw) is None
        assert not isinstance(careful(5, raw.split("\t")), ReportRow)
    assert quick(5, _good_line(ORDERS_COLUMNS, {})) is not None


TIMESTAMPS = st.one_of(
    st.sampled_from([cell for cell in CELLS if cell[:1].isdigit() or cell[:1] in " ２"]),
    st.builds(
        "{}-{:02d}-{:02d}{}{:02d}:{:02d}{}{}".format,
        st.integers(1990, 2110),
        st.integers(0, 13),
        st.integers(0, 32),
        st.sampled_from(["T", " ", "t", "X"]),
        st.integers(0, 25),
        st.integers(0, 61),
        st.sampled_from(["", ":00", ":59", ":07.5", ":07.123456", ",5"]),
        st.sampled_from(["", "Z", "z", "+00:00", "-00:00", "+05:30", "-1200", "+23:59", "+24:00"]),
    ),
    st.text(alphabet="0123456789-T:+Z. ", max_size=28),
)


@settings(max_examples=500, deadline=None)
@given(raw=TIMESTAMPS)
def test_timestamps_read_by_day_and_time_of_day_follow_the_limits(raw: str) -> None:
    moments = reports._Moments()
    for _ in range(2):  # learnt, then remembered
        try:
            expected = limits.moment(raw)
        except ValueError:
            with pytest.raises(ValueError):
                moments[raw]
            continue
        found = moments[raw]
        assert found == expected
        assert found.tzinfo is UTC and found.fold == expected.fold


def _lines_by_readline(content: io.TextIOWrapper, name: str) -> Iterator[tuple[int, str]]:
    """The lines as SellerDesk read them one ``readline`` at a time (the reference)."""
    number = 0
    while raw := content.readline(reports.MAX_LINE + 1):
        number += 1
        if raw[-1] == "\n":
            raw = raw[:-1]
        elif len(raw) > reports.MAX_LINE:
            raise reports._too_long(name, number)
        yield number, raw


def _read_all(lines: Iterator[tuple[int, str]]) -> tuple[list[tuple[int, str]], str | None]:
    read: list[tuple[int, str]] = []
    try:
        for line in lines:
            read.append(line)
    except BadInput as refused:
        return read, refused.message.english()
    return read, None


@settings(max_examples=300, deadline=None)
@given(
    content=st.text(alphabet="ab\r\n\t é", max_size=60),
    block=st.integers(1, 9),
    longest=st.integers(1, 12),
)
def test_lines_read_a_block_at_a_time_are_the_lines_read_one_by_one(
    content: str, block: int, longest: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reports, "TEXT_BLOCK", block)
        patch.setattr(reports, "MAX_LINE", longest)

        def wrapped() -> io.TextIOWrapper:
            return io.TextIOWrapper(io.BytesIO(content.encode()), encoding="utf-8", newline=None)

        assert _read_all(reports._file_lines(wrapped(), "r.txt")) == _read_all(
            _lines_by_readline(wrapped(), "r.txt")
        )
