"""The order cancellation file (FORMATS.md §2): written for upload, read for bulk cancel.

SellerDesk writes one row per whole-order cancellation: the order id, the
reason code, the item code left blank (DESIGN.md §8). Reading, it accepts the
file as sellers fill it in a spreadsheet, with or without the template line,
and item-level rows whose item code names one item of the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.flatfiles.tsv import LineProblem, read_table, write_table

TEMPLATE_LINE = (
    "TemplateType=OrderCancellation\tVersion=1.0/1.0.3\t"
    "This row for Amazon.com use only.  Do not modify or delete."
)
TEMPLATE_TYPE = "OrderCancellation"
ORDER_ID = "order-id"
REASON = "cancellation-reason-code"
ITEM_CODE = "amazon-order-item-code"
COLUMNS = (ORDER_ID, REASON, ITEM_CODE)


@dataclass(slots=True)
class CancellationRow:
    order_id: str
    reason: str
    item_code: str = ""


@dataclass(slots=True)
class ReadCancellationRow(CancellationRow):
    line: int = 0


@dataclass(frozen=True)
class CancellationFile:
    rows: list[ReadCancellationRow]
    problems: list[LineProblem]
    had_template: bool


def table_of(rows: Iterable[CancellationRow]) -> tuple[list[str], list[list[str]]]:
    return list(COLUMNS), [[row.order_id, row.reason, row.item_code] for row in rows]


def encode(columns: Sequence[str], cells: Iterable[Sequence[str]]) -> bytes:
    """The file's bytes from :func:`table_of`'s columns and cells, template line first."""
    return write_table(columns, cells, first_line=TEMPLATE_LINE)


def write_cancellation_file(rows: Iterable[CancellationRow]) -> bytes:
    return encode(*table_of(rows))


def read_cancellation_file(data: bytes) -> CancellationFile:
    """Rows as written in the file (values trimmed, not yet checked against the database).

    A template line of another file type refuses the whole file; so does a
    header without ``order-id`` or ``cancellation-reason-code``.
    """
    table = read_table(data, required=(ORDER_ID, REASON), template_type=TEMPLATE_TYPE)
    rows = [
        ReadCancellationRow(
            order_id=row.get(ORDER_ID),
            reason=row.get(REASON),
            item_code=row.get(ITEM_CODE),
            line=row.line,
        )
        for row in table.rows
    ]
    return CancellationFile(rows, table.problems, table.template is not None)
