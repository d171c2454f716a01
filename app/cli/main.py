"""The command line: parses ``sellerdesk``'s arguments and runs one command.

The program's entry point is above app/ and ui/ (``ui/launcher.py``): it calls
:func:`main` with what only the window's code can do (open the window, draw a PDF),
so app/ never imports ui/ or Qt. Run alone (``python -m app.cli.main``, as the
tests' subprocesses do) every command works but ``summary``, and no command is
refused instead of opening the window.

Exit status: 0 done; 1 refused by a business rule; 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import app
from app.cli.common import Command, OpenWindow, PrintSummary
from app.errors import SellerDeskError
from app.storage.db import open_database

# Each command module and the commands it declares. Only the module of the command
# being run is imported: importing them all (exports, backups, the marketplace...)
# cost a third of a small command's start. tests/test_cli.py checks this list.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "app.cli.order_commands": ("list", "show", "verify-payment", "ship", "cancel"),
    "app.cli.health_command": ("health",),
    "app.cli.demo_command": ("demo",),
    "app.cli.refund_commands": ("refund", "return"),
    "app.cli.import_command": ("import",),
    "app.cli.summary_commands": ("summary", "message", "setting"),
    "app.cli.export_commands": ("export", "import-cancellations"),
    "app.cli.marketplace_commands": ("connect", "sync", "batches"),
    "app.cli.backup_commands": ("backup", "restore"),
    "app.cli.asked_command": ("buyer-asked-to-cancel",),
}
# Global options that take a value (the command name is the first word after them).
VALUED_OPTIONS = ("--db",)


def commands(named: str | None = None) -> list[Command]:
    """Every command, or only those of the module declaring the command ``named``."""
    wanted = [module for module, names in COMMAND_MODULES.items() if named in names]
    return [
        command
        for module in wanted or COMMAND_MODULES
        for command in importlib.import_module(module).COMMANDS
    ]


def _command_named(argv: Sequence[str]) -> str | None:
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in VALUED_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked (it is slow to find)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"SellerDesk {app.__version__}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``argv``, only the named command's module is loaded."""
    parser = argparse.ArgumentParser(
        prog="sellerdesk",
        description="SellerDesk: orders, cancellations, refunds and returns for "
        "marketplace sellers. Without a command, opens the window.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: SELLERDESK_DB, "
        "else sellerdesk.sqlite in your data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a fresh demo database in a temporary folder",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = None if argv is None else _command_named(argv)
    # The window (no command) needs no command module, unless the seller asks for help.
    window_only = argv is not None and named is None and not {"-h", "--help"} & set(argv)
    for command in [] if window_only else commands(named):
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(handler=command.run, unopened=command.unopened)
    return parser


def report_error(error: SellerDeskError) -> None:
    print(f"sellerdesk: {error.message.english()}", file=sys.stderr)
    for detail in error.details:
        print(f"  {detail.english()}", file=sys.stderr)


def main(
    argv: Sequence[str] | None = None,
    *,
    open_window: OpenWindow | None = None,
    print_summary: PrintSummary | None = None,
) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        if open_window is None:
            parser.error("a COMMAND is needed: the window opens from the sellerdesk launcher")
        return open_window(database=args.db, demo=args.demo)
    args.print_summary = print_summary
    if args.unopened is not None:
        return _run_unopened(args)
    try:
        db = open_database(args.db)
    except SellerDeskError as error:
        report_error(error)
        return error.exit_status
    try:
        return int(args.handler(args, db))
    except SellerDeskError as error:
        report_error(error)
        return error.exit_status
    except KeyboardInterrupt:
        print("sellerdesk: interrupted; the last action was not saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`sellerdesk list | head`): what it wanted was printed.
        _silence_stdout()
        return 0
    finally:
        db.dispose()


def _run_unopened(args: argparse.Namespace) -> int:
    try:
        return int(args.unopened(args))
    except SellerDeskError as error:
        report_error(error)
        return error.exit_status
    except KeyboardInterrupt:
        print("sellerdesk: interrupted; nothing was changed.", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured output): nothing will be flushed to a pipe


if __name__ == "__main__":
    sys.exit(main())
