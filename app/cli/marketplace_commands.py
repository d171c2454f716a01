"""Commands of the Seller Central connection: connect, sync, batches.

Secrets never come as arguments (they would sit in the shell history and the
process list): ``connect`` reads them from the environment
(SELLERDESK_LWA_CLIENT_ID, SELLERDESK_LWA_CLIENT_SECRET,
SELLERDESK_LWA_REFRESH_TOKEN) or from standard input, one per line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from app.cli.common import Command, print_json, say, warn
from app.clock import iso
from app.errors import BadInput
from app.marketplace import config
from app.marketplace.errors import NotInstalled
from app.marketplace.ledger import RefusedLine, SubmissionInfo
from app.marketplace.secrets import Credentials, SecretStore, from_environment
from app.marketplace_files import exports
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

if TYPE_CHECKING:  # the connection (HTTP client, SP-API) loads only for connect and sync
    from app.marketplace.connection import SyncResult


def _configure_connect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", default="eu", help="na, eu (default) or fe")
    parser.add_argument(
        "--marketplace",
        action="append",
        metavar="CODE",
        help="a marketplace you sell on (FR, DE, ES, IT, GB, …); repeat for several",
    )
    parser.add_argument(
        "--every",
        type=int,
        default=config.DEFAULT_INTERVAL,
        metavar="MINUTES",
        help="how often the open window syncs (default 15)",
    )
    parser.add_argument("--no-test", action="store_true", help="save without trying the connection")


def _read_credentials() -> Credentials:
    found = from_environment()
    if found is not None:
        return found
    if sys.stdin.isatty():
        values = (
            input("Client id: ").strip(),
            getpass.getpass("Client secret: ").strip(),
            getpass.getpass("Refresh token: ").strip(),
        )
    else:
        lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
        values = tuple([*lines, "", "", ""][:3])  # type: ignore[assignment]
    credentials = Credentials(*values)
    if not credentials.complete:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Give the client id, client secret and refresh token on standard input, "
                    "one per line, or in SELLERDESK_LWA_CLIENT_ID, SELLERDESK_LWA_CLIENT_SECRET "
                    "and SELLERDESK_LWA_REFRESH_TOKEN.",
                ),
            )
        )
    return credentials


def _run_connect(args: argparse.Namespace, db: Database) -> int:
    from app.marketplace.connection import SellerCentral, installed

    chosen = config.checked(args.region, args.marketplace or [], args.every)
    credentials = _read_credentials()
    config.save(db, chosen)
    secrets = SecretStore()
    if secrets.save(credentials):
        say("Credentials saved in the system keyring.")
    elif from_environment() is None:
        warn(
            "no system keyring is available: the credentials are kept for this run only; "
            "give them in SELLERDESK_LWA_* environment variables to each sync."
        )
    if not installed():
        raise NotInstalled()
    if args.no_test:
        say("Connection saved.")
        return 0
    with SellerCentral(db, secrets=secrets) as central:
        say(central.test().english())
    return 0


def _configure_sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pull", action="store_true", help="only download and import orders")
    parser.add_argument("--push", action="store_true", help="only send what is to send")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def _line_json(line: RefusedLine) -> dict[str, Any]:
    return {
        "batch": line.batch_id,
        "line": line.record,
        "order_id": line.order_id,
        "action": line.action,
        "message": line.message,
        "open": line.still_open,
    }


def _sync_json(result: SyncResult) -> dict[str, Any]:
    pulled = result.pulled
    return {
        "offline": result.offline,
        "problem": None if result.problem is None else result.problem.english(),
        "finished_at": iso(result.finished_at),
        "added": pulled.added if pulled else 0,
        "updated": pulled.updated if pulled else 0,
        "reports": pulled.reports if pulled else [],
        "sent": result.sent,
        "batches": {str(batch): state.value for batch, state in result.states.items()},
        "refused": [_line_json(line) for line in result.refused_lines],
        "notices": [
            {
                "order_id": notice.order_id,
                "buyer_requested_cancel": notice.buyer_requested,
                "days_left": notice.days_left,
            }
            for notice in result.notices
        ],
    }


def _run_sync(args: argparse.Namespace, db: Database) -> int:
    from app.marketplace.connection import SellerCentral

    both = not args.pull and not args.push
    with SellerCentral(db) as central:
        result = central.sync(pull_orders=both or args.pull, push_work=both or args.push)
    if args.json:
        print_json(_sync_json(result))
    else:
        say(result.summary().english())
        for line in result.refused_lines:
            where = f"refused: batch {line.batch_id} line {line.record}"
            say(f"{where}  {line.order_id}  {line.message}")
    if result.problem is not None and not args.json:
        warn(result.problem.english())
    if result.offline or result.problem is not None:
        return 2
    return 1 if result.refused_lines else 0


def _configure_batches(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--dealt-with",
        action="append",
        metavar="BATCH:LINE",
        help="a refused line you dealt with on Seller Central: listed no more, not sent again "
        "(repeat for several)",
    )


def _refused_line(raw: str) -> tuple[int, int]:
    batch, _, line = raw.partition(":")
    if not (batch.isascii() and batch.isdigit() and line.isascii() and line.isdigit()):
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Name a refused line as BATCH:LINE, e.g. 12:3, not {given}."
                ),
                given=repr(raw),
            )
        )
    return int(batch), int(line)


def _mark_dealt_with(db: Database, given: list[str], *, quiet: bool) -> None:
    from app.marketplace import ledger

    for batch_id, record in [_refused_line(raw) for raw in given]:
        done = ledger.mark_dealt_with(db, batch_id, record)
        if not quiet:  # --json: the array says it ("open": false)
            say(f"batch {batch_id} line {record}  {done.order_id}: dealt with, not sent again")


def _run_batches(args: argparse.Namespace, db: Database) -> int:
    if args.dealt_with:
        _mark_dealt_with(db, args.dealt_with, quiet=args.json)
    with db.reading() as session:
        from app.marketplace import ledger

        sent: dict[int, SubmissionInfo] = {s.batch_id: s for s in ledger.submissions(session)}
    listed: list[dict[str, Any]] = []
    for batch in exports.batches(db):
        submission = sent.get(batch.id)
        listed.append(
            {
                "batch": batch.id,
                "kind": batch.kind.value,
                "created_at": iso(batch.created_at),
                "rows": batch.row_count,
                "file": batch.file_name,
                "marketplace_state": submission.state.value if submission else None,
                "feed_id": submission.feed_id if submission else None,
                "accepted": submission.accepted if submission else None,
                "refused": submission.refused if submission else None,
                "problem": submission.problem if submission else None,
                "refused_lines": [_line_json(line) for line in submission.refused_lines]
                if submission
                else [],
            }
        )
    if args.json:
        print_json(listed)
        return 0
    if args.dealt_with:
        return 0
    if not listed:
        say("No batch was written yet.")
    for entry, batch in zip(listed, exports.batches(db), strict=True):
        submission = sent.get(batch.id)
        state = submission.describe().english() if submission else "file only (upload it yourself)"
        say(f"batch {batch.id}  {batch.kind.value}  {batch.row_count} row(s)  {state}")
        if submission and submission.problem:
            say(f"  {submission.problem}")
        for line in entry["refused_lines"]:
            settled = "" if line["open"] else "  (dealt with)"
            say(f"  line {line['line']}  {line['order_id']}  {line['message']}{settled}")
    return 0


COMMANDS = [
    Command(
        "connect",
        "set up the Seller Central connection (secrets from standard input or the environment)",
        _configure_connect,
        _run_connect,
    ),
    Command(
        "sync",
        "pull orders from and send what is to send to Seller Central",
        _configure_sync,
        _run_sync,
    ),
    Command(
        "batches",
        "list the upload batches and what Seller Central made of them",
        _configure_batches,
        _run_batches,
    ),
]
