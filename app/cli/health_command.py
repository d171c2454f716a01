"""``sellerdesk health``: the account's health figures, as text or JSON.

A module of its own: the command imports the health report and the tables it
reads, not the order views and actions the other order commands need.
"""

from __future__ import annotations

import argparse
import gc

from app import limits
from app.account_health.health import RATE_TARGET, health, health_facts
from app.cli.common import Command, parse_moment, print_json, say
from app.cli.health_output import health_json
from app.errors import BadInput
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text


def _configure_health(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", help="ISO date or datetime (default now)")
    parser.add_argument("--days", type=int, default=7, help="cancellation-rate window in days")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def _run_health(args: argparse.Namespace, db: Database) -> int:
    if args.days < 1:
        raise BadInput(text("Cli", QT_TRANSLATE_NOOP("Cli", "--days must be 1 or more.")))
    if args.days > limits.MAX_DAYS:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "--days must be {most} or less."),
                most=limits.MAX_DAYS,
            )
        )
    # What the process holds by now (SQLAlchemy, the tables, about 50,000 objects)
    # lives until it ends: frozen, as the window freezes its own (ui/long_lived.py),
    # it is walked neither by the full collection that reading 100,000 late orders
    # sets off nor by the interpreter's last collections at exit (0.1 s at 1M). The
    # young generations' garbage is freed first: frozen, it would never be.
    gc.collect(1)
    gc.freeze()
    if args.json:
        print_json(health_json(health_facts(db, parse_moment(args.as_of), args.days)))
        return 0
    report = health(db, parse_moment(args.as_of), args.days)
    data = report.to_json()
    mark = "above" if report.rate.above_target else "below"
    say(f"Account health as of {data['as_of']}")
    say(
        f"  {args.days}-day cancellation rate: {data['cancellation_rate']} % "
        f"({data['seller_cancellations']} of {data['orders']} orders; "
        f"{mark} the {RATE_TARGET} % target)"
    )
    say(f"  late orders: {len(report.late)}")
    for entry in report.at_risk_of_auto_cancel:
        if entry["days_left"] > 0:
            countdown = f"{entry['days_left']} day(s) before the marketplace may cancel it"
        else:  # S11: from the seventh day past ship-by it may cancel at any time
            countdown = "the marketplace may cancel it now"
        say(f"    {entry['order_id']}  {entry['days_late']} day(s) late, {countdown}")
    say(f"  pending for more than 21 days: {len(report.pending_over_21_days)}")
    for entry in report.pending_over_21_days:
        say(f"    {entry['order_id']}  pending for {entry['age_days']} days")
    say(f"  refunds overdue after a received return: {len(report.overdue_refunds)}")
    for entry in report.overdue_refunds:
        say(
            f"    {entry['order_id']}  refund was due {entry['due']} "
            f"({entry['days_overdue']} day(s) overdue)"
        )
    return 0


COMMANDS = [Command("health", "account health figures", _configure_health, _run_health)]
