"""Reading the marketplace's processing report of a flat-file feed, line by line.

The report of a flat-file feed is tab-separated text: a summary ("Number of
records processed", "Number of records successful"), then one row per problem
under a header that starts with ``original-record-number`` (the row's number
among the uploaded file's data rows, from 1), with ``error-type`` Error or
Warning and the marketplace's ``error-message``. A warning does not refuse the
row. JSON processing reports (``issues`` with ``messageId`` and ``severity``)
are read too. Read liberally: headers in any case, unknown columns ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from app.marketplace_files.reports import decode


@dataclass(frozen=True)
class ProcessingReport:
    processed: int | None = None
    successful: int | None = None
    refused: dict[int, str] = field(default_factory=dict)  # record number -> message


def _number(line: str) -> int | None:
    for cell in reversed(line.split("\t")):
        if cell.strip().isdigit():
            return int(cell.strip())
    return None


def _from_json(content: str) -> ProcessingReport | None:
    try:
        found = json.loads(content)
    except ValueError:
        return None
    if not isinstance(found, dict):
        return None
    refused: dict[int, str] = {}
    for issue in found.get("issues") or []:
        if str(issue.get("severity", "")).upper() != "ERROR":
            continue
        record = issue.get("messageId")
        if isinstance(record, int):
            message = str(issue.get("message") or issue.get("code") or "refused")
            refused.setdefault(record, message)
    summary = found.get("summary") or {}
    processed = summary.get("messagesProcessed")
    accepted = summary.get("messagesAccepted")
    return ProcessingReport(
        processed if isinstance(processed, int) else None,
        accepted if isinstance(accepted, int) else None,
        refused,
    )


def parse(data: bytes) -> ProcessingReport:
    content = decode(data, "processing report")
    if content.lstrip().startswith("{"):
        read = _from_json(content)
        if read is not None:
            return read
    processed: int | None = None
    successful: int | None = None
    refused: dict[int, str] = {}
    header: dict[str, int] | None = None
    for raw in content.replace("\r\n", "\n").split("\n"):
        if not raw.strip():
            continue
        lowered = raw.lower()
        if header is None:
            if "records processed" in lowered:
                processed = _number(raw)
            elif "records successful" in lowered:
                successful = _number(raw)
            elif lowered.strip().startswith("original-record-number"):
                cells = [cell.strip().lower() for cell in raw.split("\t")]
                header = {name: position for position, name in enumerate(cells)}
            continue
        cells = raw.split("\t")

        def cell(name: str, cells: list[str] = cells, header: dict[str, int] = header) -> str:
            position = header.get(name)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        record = cell("original-record-number")
        if not record.isdigit():
            continue
        if cell("error-type").lower() == "warning":
            continue
        message = cell("error-message") or cell("error-code") or "refused"
        code = cell("error-code")
        if code and code not in message:
            message = f"{message} ({code})"
        refused.setdefault(int(record), message)
    return ProcessingReport(processed, successful, refused)
