"""Commands that write upload files for Seller Central and read a cancellation file."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import limits
from app.cli.common import Command, say, warn
from app.errors import BadInput
from app.marketplace_files import bulk_cancel, exports
from app.marketplace_files.bulk_cancel import CancellationPlan, PlannedRow
from app.marketplace_files.exports import ExportKind
from app.order_actions.orders import check_order_id
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=[kind.value for kind in ExportKind],
        metavar="KIND",
        help="cancellations, adjustments or shipments",
    )
    parser.add_argument("out", metavar="OUT", help="file to write")
    parser.add_argument(
        "--batch", type=int, metavar="N", help="write past batch N again instead of what is new"
    )
    parser.add_argument(
        "--without-reason",
        nargs="+",
        default=[],
        metavar="ORDER_ID",
        help="cancellations only: send these orders, held back because their item codes are "
        "not known yet, as bare order-id rows; their reason is lost and may count in your rate",
    )


def _run_export(args: argparse.Namespace, db: Database) -> int:
    kind = ExportKind(args.kind)
    if args.without_reason and (kind is not ExportKind.CANCELLATIONS or args.batch is not None):
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "--without-reason goes with a new export of cancellations only.",
                ),
            )
        )
    if args.batch is not None:
        if args.batch < 1:
            raise BadInput(text("Cli", QT_TRANSLATE_NOOP("Cli", "--batch must be 1 or more.")))
        if args.batch > limits.MAX_BATCH:
            raise BadInput(
                text(
                    "Cli",
                    QT_TRANSLATE_NOOP("Cli", "There is no batch {batch} in this database."),
                    batch=limits.shown(str(args.batch)),
                )
            )
        result = exports.rewrite_batch(db, kind, args.batch, args.out)
    else:
        without_reason = [check_order_id(order_id) for order_id in args.without_reason]
        result = exports.export_new(db, kind, args.out, without_reason=without_reason)
    for held in result.held_back:
        warn(held.english())
    for lost in result.warnings:
        warn(lost.english())
    say(result.message.english())
    return 0


def _configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="order cancellation file (tab-separated)")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what each line would do and change nothing; the exit status is the one "
        "applying would give (0 all valid, 1 a rule refuses a line, 2 a line is malformed)",
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="apply the valid rows and skip the others (default: all rows or none)",
    )
    parser.add_argument(
        "--reason",
        metavar="CODE",
        help="reason for the rows that give none (order-id-only rows); without it they are "
        "refused, because SellerDesk must know whether each cancellation counts in your rate",
    )


def _describe(row: PlannedRow) -> str:
    where = f"line {row.line}  {row.order_id or '-'}  {row.reason or '-'}"
    if row.item_code:
        where += f"  item {row.item_code}"
    if row.valid:
        assert row.outcome is not None and row.rate_effect is not None
        return f"{where}  → {row.outcome.english()} {row.rate_effect.english()}"
    assert row.problem is not None
    return f"{where}  cannot: {row.problem.english()}"


def _print_plan(plan: CancellationPlan) -> None:
    for row in plan.rows:
        say(_describe(row))
    say(
        f"{len(plan.valid_rows)} row(s) can be applied, {len(plan.invalid_rows)} cannot; "
        f"{plan.counted} would count in your cancellation rate."
    )
    summary = plan.rate_summary()
    if summary is not None:
        say(summary.english())


def _run_import(args: argparse.Namespace, db: Database) -> int:
    data = bulk_cancel.read_file(args.file)
    if args.dry_run:
        plan = bulk_cancel.plan(db, data, default_reason=args.reason)
        _print_plan(plan)
        say("Dry run: nothing was changed.")
        return plan.exit_status
    result = bulk_cancel.apply(
        db,
        data,
        skip_invalid=args.skip_invalid,
        file_name=Path(args.file).name,
        default_reason=args.reason,
    )
    for row in result.applied:
        say(_describe(row))
    for row in result.skipped:
        warn(f"skipped {_describe(row)}")
    say(result.message.english())
    return 0


COMMANDS = [
    Command(
        "export",
        "write an upload file for Seller Central (what is new, or a past batch)",
        _configure_export,
        _run_export,
    ),
    Command(
        "import-cancellations",
        "cancel orders in bulk from an order cancellation file",
        _configure_import,
        _run_import,
    ),
]
