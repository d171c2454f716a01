"""``sellerdesk demo``: fill the database with realistic demo orders."""

from __future__ import annotations

import argparse

from app.cli.common import Command, say
from app.errors import BadInput
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

MAX_ORDERS = 1_000_000


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orders", type=int, default=200, metavar="N", help="how many orders (default 200)"
    )
    parser.add_argument(
        "--seed", type=int, default=1, metavar="S", help="same seed, same orders (default 1)"
    )


def _run(args: argparse.Namespace, db: Database) -> int:
    if not 1 <= args.orders <= MAX_ORDERS:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "--orders must be between 1 and {most}."),
                most=MAX_ORDERS,
            )
        )
    from app.demo import fill_demo  # only this command needs the demo data (slow to import)

    added = fill_demo(db, orders=args.orders, seed=args.seed)
    say(f"Added {added} demo orders to {db.location}.")
    return 0


COMMANDS = [Command("demo", "fill the database with demo orders", _configure, _run)]
