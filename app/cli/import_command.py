"""``sellerdesk import FILE... [--skip-bad-rows] [--json]``: merge order reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import Command, print_json, say
from app.errors import BadInput
from app.storage.db import Database
from app.text import Text

if TYPE_CHECKING:  # the importer is loaded by the import command only (slow to import)
    from app.marketplace_files.importer import ImportResult


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="order report files")
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the orders whose lines are all good and list the others",
    )
    parser.add_argument("--json", action="store_true", help="print the counts as a JSON object")


def _line(problem: Text, several_files: bool) -> str:
    """``line 7: …``, prefixed with the file's name when several files were given."""
    file = problem.args.get("file")
    return f"{file}, {problem.english()}" if several_files and file else problem.english()


def _counts(added: int, updated: int, unchanged: int) -> str:
    return f"{added} added, {updated} updated, {unchanged} unchanged"


def _print(result: ImportResult, as_json: bool) -> None:
    several = len(result.files) > 1
    refused = [_line(problem, several) for problem in result.refused]
    if as_json:
        print_json(
            {
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "refused": refused,
                "files": [
                    {
                        "file": entry.name,
                        "added": entry.added,
                        "updated": entry.updated,
                        "unchanged": entry.unchanged,
                    }
                    for entry in result.by_file
                ],
            }
        )
    else:
        for entry in result.by_file:
            say(f"{entry.name}: {_counts(entry.added, entry.updated, entry.unchanged)}")
        say(f"total: {_counts(result.added, result.updated, result.unchanged)} orders")
    if refused:
        print(f"{len(refused)} line(s) left out:", file=sys.stderr)
        for line in refused:
            print(f"  {line}", file=sys.stderr)


def _run(args: argparse.Namespace, db: Database) -> int:
    from app.marketplace_files.importer import import_reports

    try:
        result = import_reports(db, args.files, skip_bad_rows=args.skip_bad_rows)
    except BadInput as error:
        several = len(args.files) > 1
        print(f"sellerdesk: {error.message.english()}", file=sys.stderr)
        for detail in error.details:
            print(f"  {_line(detail, several)}", file=sys.stderr)
        if error.details:
            print("  (use --skip-bad-rows to import the other orders)", file=sys.stderr)
        return error.exit_status
    _print(result, args.json)
    return 0


COMMANDS = [
    Command("import", "import order reports (added / updated / unchanged)", _configure, _run)
]
