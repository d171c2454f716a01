"""``backup`` and ``restore``: the seller's safety net from the command line.

Neither opens the database through SQLAlchemy: a backup must not upgrade the
file it copies, and restoring must work on a database that no longer opens
(the upgrade message sends the seller here).
"""

from __future__ import annotations

import argparse

from app.cli.common import Command, print_json, say
from app.storage import backups
from app.text import Moment


def _configure_backup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "out",
        nargs="?",
        metavar="OUT",
        help="file to write (default: a new dated file in the backups folder of your data "
        "folder, keeping the latest as many as Preferences say)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _run_backup(args: argparse.Namespace) -> int:
    made = backups.back_up(backups.file_at(args.db), args.out)
    if args.json:
        print_json(
            {
                "path": str(made.path),
                "taken": Moment(made.taken).english(),
                "orders": made.orders,
                "bytes": made.size,
                "removed": [str(path) for path in made.removed],
            }
        )
    else:
        say(made.sentence().english())
    return 0


def _configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a backup SellerDesk made")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _run_restore(args: argparse.Namespace) -> int:
    restored = backups.restore(backups.file_at(args.db), args.file)
    if args.json:
        print_json(
            {
                "restored": str(restored.source),
                "taken": Moment(restored.taken).english(),
                "orders": restored.orders,
                "before": None if restored.before is None else str(restored.before.path),
            }
        )
    else:
        say(restored.sentence().english())
    return 0


def _unused(_args: argparse.Namespace, _db: object) -> int:
    raise AssertionError("run without opening the database")  # pragma: no cover


COMMANDS = [
    Command(
        "backup",
        "back up the database (a checked copy, readable by you only)",
        _configure_backup,
        _unused,
        unopened=_run_backup,
    ),
    Command(
        "restore",
        "replace the database by a backup, backing up the current one first",
        _configure_restore,
        _unused,
        unopened=_run_restore,
    ),
]
