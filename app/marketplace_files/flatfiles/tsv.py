"""Tab-separated flat files: liberal reading, exact writing (FORMATS.md, general rules).

Reading accepts what sellers' spreadsheets produce: UTF-8 with or without a
byte-order mark, Windows-1252, CRLF or LF, blank lines, header names in any
case, extra columns, cells a spreadsheet wrapped in double quotes. A line whose
bytes are not in the file's encoding (a file mixing UTF-8 and Windows-1252) is
reported by its number instead of being guessed at. Writing is exact: UTF-8
without BOM, LF, one header line, amounts with a dot and two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.errors import BadInput
from app.money import CENT
from app.text import QT_TRANSLATE_NOOP, Text, plural, text

CTX = "FlatFiles"
BOM = b"\xef\xbb\xbf"
TEMPLATE_PREFIX = "templatetype="


@dataclass(frozen=True)
class LineProblem:
    """Why one line of a file cannot be used, by its line number (1 = first line)."""

    line: int
    message: Text


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass(frozen=True)
class Table:
    """A file read by header name: its optional template line, rows and bad lines."""

    columns: list[str]
    rows: list[Row]
    template: str | None = None
    problems: list[LineProblem] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    number: int
    content: str
    readable: bool = True


def _decode(data: bytes) -> list[_Line]:
    """Split into numbered lines and decode them, marking lines in a foreign encoding."""
    had_bom = data.startswith(BOM)
    if had_bom:
        data = data[len(BOM) :]
    raw_lines = data.splitlines()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return [_Line(n, raw.decode("utf-8")) for n, raw in enumerate(raw_lines, start=1)]
    lines: list[_Line] = []
    utf8_seen = had_bom
    for raw in raw_lines:
        if not raw.isascii():
            try:
                raw.decode("utf-8")
                utf8_seen = True
            except UnicodeDecodeError:
                pass
    for number, raw in enumerate(raw_lines, start=1):
        if utf8_seen:
            # The file is UTF-8: a line that is not cannot be read safely.
            try:
                lines.append(_Line(number, raw.decode("utf-8")))
            except UnicodeDecodeError:
                lines.append(_Line(number, raw.decode("cp1252", errors="replace"), False))
        else:
            try:
                lines.append(_Line(number, raw.decode("cp1252")))
            except UnicodeDecodeError:
                lines.append(_Line(number, raw.decode("cp1252", errors="replace"), False))
    return lines


def unquote(cell: str) -> str:
    """A cell as the seller typed it: a spreadsheet wraps some in double quotes (and
    doubles the quotes inside)."""
    cell = cell.strip()
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        return cell[1:-1].replace('""', '"')
    return cell


def unquote_cells(line: str) -> str:
    """A line's quoted cells as the seller typed them, the others left as they are (a
    line of a report: its reader strips each cell it reads). Only the cells with a quote
    pay for :func:`unquote`: a report a spreadsheet saved is read nearly as fast as
    another."""
    return "\t".join([unquote(cell) if '"' in cell else cell for cell in line.split("\t")])


def _blank(content: str) -> bool:
    return not content.replace("\t", "").strip()


def _check_template(line: _Line, expected: str | None) -> None:
    # Other tools separate the template line's parts by runs of spaces instead of tabs.
    kind = line.content.split(None, 1)[0].split("=", 1)[1].strip()
    if expected is not None and kind.lower() != expected.lower():
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "FlatFiles",
                    "Line {line}: this file's template is {kind}; it needs "
                    "TemplateType={expected}. Nothing was read.",
                ),
                line=line.number,
                kind=kind or "?",
                expected=expected,
            )
        )


def read_table(data: bytes, *, required: Sequence[str], template_type: str | None = None) -> Table:
    """Read a flat file by header name; BadInput when it has no header or lacks columns.

    A first line ``TemplateType=...`` is an upload template's; with
    ``template_type`` given, a template of another type refuses the file.
    """
    lines = [line for line in _decode(data) if not _blank(line.content)]
    template: str | None = None
    if lines and lines[0].content.strip().lower().startswith(TEMPLATE_PREFIX):
        _check_template(lines[0], template_type)
        template = lines[0].content.strip()
        lines = lines[1:]
    if not lines:
        raise BadInput(
            text(CTX, QT_TRANSLATE_NOOP("FlatFiles", "The file is empty: it has no header line."))
        )
    header, body = lines[0], lines[1:]
    if not header.readable:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "FlatFiles",
                    "Line {line}: the header line cannot be read. Save the file as UTF-8 "
                    "and try again.",
                ),
                line=header.number,
            )
        )
    columns = [unquote(name).lower() for name in header.content.split("\t")]
    missing = [name for name in required if name not in columns]
    if missing:
        raise BadInput(
            plural(
                CTX,
                QT_TRANSLATE_NOOP(
                    "FlatFiles",
                    "Line {line}: the header lacks %n column(s): {missing}; nothing was read.",
                ),
                len(missing),
                line=header.number,
                missing=", ".join(missing),
            )
        )
    rows: list[Row] = []
    problems: list[LineProblem] = []
    for line in body:
        if not line.readable:
            problems.append(
                LineProblem(
                    line.number,
                    text(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "FlatFiles",
                            "Line {line} is not written in UTF-8 like the rest of the file "
                            "(mixed encodings); save the file as UTF-8 and open it again.",
                        ),
                        line=line.number,
                    ),
                )
            )
            continue
        values = [unquote(value) for value in line.content.split("\t")]
        cells = {name: value for name, value in zip(columns, values, strict=False) if name}
        rows.append(Row(line.number, cells))
    return Table(columns, rows, template, problems)


def clean(value: str | None) -> str:
    """A cell as written: no tab or line break may break the row apart."""
    if value is None:
        return ""
    return " ".join(value.replace("\t", " ").splitlines()).strip()


def amount(value: Decimal | None) -> str:
    """Dot, exactly two decimals, no grouping; a missing amount is 0.00.

    The same text as :func:`app.money.format_amount` (half-up to the cent),
    done without its checks because a 10,000-row file formats 100,000 amounts;
    a quantized Decimal never prints in scientific notation.
    """
    if value is None:
        return "0.00"
    written = str(value.quantize(CENT, rounding=ROUND_HALF_UP))
    return "0.00" if written == "-0.00" else written


def write_table(
    columns: Sequence[str], rows: Iterable[Sequence[str]], *, first_line: str | None = None
) -> bytes:
    """UTF-8 without BOM, LF after every line, cells joined by tabs."""
    lines = [] if first_line is None else [first_line]
    lines.append("\t".join(columns))
    for row in rows:
        line = "\t".join(row)
        if "\n" in line or "\r" in line or line.count("\t") != len(row) - 1:
            line = "\t".join(clean(cell) for cell in row)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")
