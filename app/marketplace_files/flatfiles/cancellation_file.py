"""The order cancellation file (FORMATS.md §2): written for upload, read for bulk cancel.

Writing, a reason code and an item code go together (public clients of the
feed refuse one without the other): a whole-order cancellation with a reason
is one row per item, ``order-id, reason, item code``; a row with the order id
alone cancels the whole order with no reason (DESIGN.md §8, updated).

Reading, it accepts what sellers, other tools and the marketplace's template
produce: with or without the template line (tabs or runs of spaces between its
parts, versions 1.0/1.0.1 to 1.0/1.0.3), an optional ``merchant-order-id``
column, per-item rows, whole-order rows with a reason and no item code (older
SellerDesk files) and order-id-only rows, which have no reason column at all
in some files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.marketplace_files.flatfiles.tsv import LineProblem, read_table, write_table

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


class ReasonWithoutItem(ValueError):
    """A row to write with a reason and no item code, or the reverse: the feed refuses it."""


@dataclass(slots=True)
class ReadCancellationRow(CancellationRow):
    line: int = 0


@dataclass(frozen=True)
class CancellationFile:
    rows: list[ReadCancellationRow]
    problems: list[LineProblem]
    had_template: bool


def table_of(
    rows: Iterable[CancellationRow], *, legacy: bool = False
) -> tuple[list[str], list[list[str]]]:
    """Columns and cells as written; ``legacy`` lets a reason go without its item code,
    only to write a batch again as SellerDesk wrote it before reasons took item codes."""
    cells = []
    for row in rows:
        if not legacy and bool(row.reason) != bool(row.item_code):
            raise ReasonWithoutItem(row.order_id)
        cells.append([row.order_id, row.reason, row.item_code])
    return list(COLUMNS), cells


def encode(columns: Sequence[str], cells: Iterable[Sequence[str]]) -> bytes:
    """The file's bytes from :func:`table_of`'s columns and cells, template line first."""
    return write_table(columns, cells, first_line=TEMPLATE_LINE)


def write_cancellation_file(rows: Iterable[CancellationRow]) -> bytes:
    return encode(*table_of(rows))


def read_cancellation_file(data: bytes) -> CancellationFile:
    """Rows as written in the file (values trimmed, not yet checked against the database).

    A template line of another file type refuses the whole file; so does a
    header without ``order-id``.
    """
    table = read_table(data, required=(ORDER_ID,), template_type=TEMPLATE_TYPE)
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
