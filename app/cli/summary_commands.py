"""``summary`` (a printed cancellation summary as PDF) and ``message`` (a buyer message).

The PDF is drawn by the window's own document builder, which the launcher above
app/ hands over as ``args.print_summary`` (see :class:`app.cli.common.PrintSummary`).
"""

from __future__ import annotations

import argparse
from datetime import date

from app import limits, settings
from app.cli.common import Command, PrintSummary, say
from app.errors import BadInput
from app.order_actions.messages import (
    CHANNEL_EMAIL,
    CHANNELS,
    LANGUAGES,
    TEMPLATES,
    compose,
    log_message,
)
from app.storage import files
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text


def _day(raw: str | None, option: str) -> date | None:
    if raw is None:
        return None
    try:
        return limits.day(raw)
    except ValueError:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "{option} {raw!r} is not a date from 2000 to 2100: use YYYY-MM-DD."
                ),
                option=option,
                raw=limits.shown(raw),
            )
        ) from None


def _configure_summary(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day, included")
    parser.add_argument(
        "--order",
        action="append",
        metavar="ID",
        help="only this order's cancellations; repeat for several",
    )
    parser.add_argument("--pdf", required=True, metavar="OUT", help="PDF file to write")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the document")


def _run_summary(args: argparse.Namespace, db: Database) -> int:
    from app.account_health.summary import summary  # loaded by this command only

    out = files.check_target(args.pdf)
    data = summary(
        db,
        start=_day(args.start, "--from"),
        end=_day(args.end, "--to"),
        order_ids=args.order,
    )
    if not out.parent.exists():
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "The folder {folder} does not exist."),
                folder=str(out.parent),
            )
        )
    print_summary: PrintSummary | None = args.print_summary
    if print_summary is None:
        # A caller bug, not the seller's: only the launcher runs commands for a seller.
        raise RuntimeError("summary needs print_summary: run it through ui.launcher.main")
    print_summary(data, out, language=args.lang)
    say(
        f"Summary written to {out}: {len(data.lines)} cancellation(s) from "
        f"{data.start.isoformat()} to {data.end.isoformat()}; 7-day cancellation rate at the "
        f"end of the period {data.rate_after.percent:.2f} %."
    )
    return 0


def _configure_message(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument(
        "template",
        metavar="TEMPLATE",
        help="one of " + ", ".join(TEMPLATES) + " (or its rule: S2, S5…)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="fr", help="language (default fr)")
    parser.add_argument(
        "--log", action="store_true", help="record the message on the order's timeline"
    )
    parser.add_argument(
        "--channel",
        choices=CHANNELS,
        default=CHANNELS[0],
        help="how it is sent, for --log (default buyer-seller messaging)",
    )


def _run_message(args: argparse.Namespace, db: Database) -> int:
    message = compose(db, args.order_id, args.template, args.lang)
    if message.to and args.channel == CHANNEL_EMAIL:
        say(f"To: {message.to}")
    say(f"Subject: {message.subject}")
    say()
    print(message.body, end="")
    if args.log:
        log_message(db, message, channel=args.channel)
        say()
        say(f"Logged on the timeline of order {message.order_id}.")
    return 0


SETTABLE = {
    "shop-name": settings.SHOP_NAME,
    "language": settings.LANGUAGE,
    "backups-keep": settings.BACKUPS_KEEP,
}


def _configure_setting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", metavar="KEY", nargs="?", choices=sorted(SETTABLE))
    parser.add_argument("value", metavar="VALUE", nargs="?", help="new value; '' to reset")


def _run_setting(args: argparse.Namespace, db: Database) -> int:
    if args.key is None:
        with db.reading() as session:
            say(f"shop-name: {settings.shop_name(session)}")
            say(f"language: {settings.language(session) or 'system'}")
            say(f"backups-keep: {settings.backups_keep(session)}")
        return 0
    key = SETTABLE[args.key]
    if args.value is None:
        say(str(settings.get(db, key) or ""))
        return 0
    value = args.value.strip() or None
    if value is not None and key == settings.LANGUAGE:
        value = settings.check_language(value)
    if value is not None and key == settings.BACKUPS_KEEP:
        value = str(settings.check_backups_keep(value))
    settings.put(db, key, value)
    say(f"{args.key}: {value if value is not None else '(default)'}")
    return 0


COMMANDS = [
    Command(
        "summary",
        "print a cancellation summary for a period or orders to PDF",
        _configure_summary,
        _run_summary,
    ),
    Command(
        "message", "fill a buyer message template for an order", _configure_message, _run_message
    ),
    Command(
        "setting",
        "show or set the shop name (printed on summaries), the interface language and how "
        "many backups to keep",
        _configure_setting,
        _run_setting,
    ),
]
