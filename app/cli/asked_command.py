"""``buyer-asked-to-cancel``: note that a buyer asked to cancel by message (S5)."""

from __future__ import annotations

import argparse

from app.cli.common import Command, parse_moment, print_json, say
from app.clock import iso
from app.order_actions.asked_by_message import record_asked_by_message
from app.storage.db import Database


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument("--at", metavar="ISO", help="when the buyer wrote (default now)")
    parser.add_argument("--note", metavar="TEXT", help="what the buyer wrote")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def _run(args: argparse.Namespace, db: Database) -> int:
    at = parse_moment(args.at) if args.at is not None else None
    noted = record_asked_by_message(db, args.order_id, at=at, note=args.note)
    if args.json:
        print_json({"order_id": noted.order_id, "asked_at": iso(noted.at)})
        return 0
    say(
        f"Noted: the buyer of {noted.order_id} asked by message to cancel. Cancelling it now "
        "would count in your cancellation rate: reply with the S5 message "
        f"(sellerdesk message {noted.order_id} S5) so they request it "
        "officially."
    )
    return 0


COMMANDS = [
    Command(
        "buyer-asked-to-cancel",
        "note that the buyer asked by message to cancel (S5)",
        _configure,
        _run,
    ),
]
