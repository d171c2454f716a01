"""Commands for refunds (S13) and returns (S3, S16)."""

from __future__ import annotations

import argparse

from app.cli.common import Command, say, warn
from app.errors import BadInput
from app.money import format_amount
from app.order_actions.refunds import Component, ItemRefund, RefundPlan, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import (
    Outcome,
    ReturnResult,
    ReturnStep,
    receive_return,
    request_return,
)
from app.storage.db import Database
from app.text import QT_TRANSLATE_NOOP, text

COMPONENT_OPTIONS = {
    Component.ITEM_PRICE: "item_price",
    Component.ITEM_TAX: "item_tax",
    Component.SHIPPING_PRICE: "shipping",
    Component.SHIPPING_TAX: "shipping_tax",
}


def _configure_refund(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument(
        "--item",
        action="append",
        required=True,
        metavar="ITEM_ID",
        help="order-item id or SKU; repeat for several items with --full",
    )
    parser.add_argument("--item-price", metavar="X", help="item price to refund (or N%%)")
    parser.add_argument("--item-tax", metavar="X", help="item tax to refund (or N%%)")
    parser.add_argument("--shipping", metavar="X", help="shipping to refund (or N%%)")
    parser.add_argument("--shipping-tax", metavar="X", help="shipping tax to refund (or N%%)")
    parser.add_argument(
        "--full", action="store_true", help="refund everything still refundable on the item(s)"
    )
    parser.add_argument(
        "--restocking-fee",
        metavar="X|N%",
        help="deducted from the item-price refund: an amount or a percentage of the item price",
    )
    parser.add_argument("--condition", metavar="GRADE", help="new, late, opened, used or damaged")
    parser.add_argument("--reason", required=True, help="adjustment reason code")


def _bad(source: str, **args: object) -> BadInput:
    return BadInput(text("Cli", source, **args))


def refund_request(args: argparse.Namespace) -> RefundRequest:
    """The refund the command line asks for, before any rule is checked."""
    shares = {
        component: Share.parse(raw)
        for component, option in COMPONENT_OPTIONS.items()
        if (raw := getattr(args, option)) is not None
    }
    fee = Share.parse(args.restocking_fee) if args.restocking_fee is not None else None
    if args.full and shares:
        raise _bad(
            QT_TRANSLATE_NOOP("Cli", "Give either --full or amounts per component, not both.")
        )
    if not args.full and not shares:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Say what to refund: --item-price, --item-tax, --shipping, --shipping-tax "
                "(an amount or N%), or --full for everything still refundable.",
            )
        )
    if len(args.item) > 1 and not args.full:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Cli", "Amounts apply to one item: name one --item, or use --full for several."
            )
        )
    if len(args.item) > 1 and fee is not None and fee.amount is not None:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Cli",
                "With several items give the restocking fee as a percentage (e.g. 20%), "
                "or refund the items one at a time.",
            )
        )
    items = tuple(
        ItemRefund.full(ref, fee) if args.full else ItemRefund(ref, shares, fee)
        for ref in args.item
    )
    return RefundRequest(items, args.reason, args.condition)


def describe_plan(plan: RefundPlan) -> list[str]:
    """One line per item and the total, as the command line prints a refund."""
    currency = f" {plan.currency}" if plan.currency else ""
    lines = []
    for line in plan.lines:
        parts = ", ".join(
            f"{label} {format_amount(line.refund.get(component))}"
            for component, label in (
                (Component.ITEM_PRICE, "item price"),
                (Component.ITEM_TAX, "item tax"),
                (Component.SHIPPING_PRICE, "shipping"),
                (Component.SHIPPING_TAX, "shipping tax"),
            )
            if line.refund.get(component)
        )
        fee = f", minus restocking fee {format_amount(line.fee)}" if line.fee else ""
        lines.append(
            f"  {line.item.ref} ({line.item.sku}): {parts}{fee} → {format_amount(line.net)}"
        )
    lines.append(f"  the buyer gets back {format_amount(plan.net)}{currency}")
    return lines


def _run_refund(args: argparse.Namespace, db: Database) -> int:
    plan = refund(db, args.order_id, refund_request(args))
    say(f"Refund recorded for {plan.order_id} (reason {plan.reason}):")
    for line in describe_plan(plan):
        say(line)
    for note in plan.notes():
        warn(note.english())
    return 0


def _configure_return(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument("step", choices=[step.value for step in ReturnStep])
    parser.add_argument(
        "--condition", metavar="GRADE", help="new, late, opened, used or damaged (received)"
    )
    parser.add_argument(
        "--carrier-return",
        action="store_true",
        help="the carrier brings the parcel back (wrong address, buyer unreachable)",
    )


def _suggested_commands(result: ReturnResult) -> list[str]:
    """The refund command(s) that do the suggested refund: one per item when fees differ."""
    request, plan = result.suggestion, result.suggested_plan
    if request is None or plan is None:
        return []
    tail = ["--full"]
    if request.condition:
        tail += ["--condition", request.condition]
    tail += ["--reason", request.reason]
    head = ["sellerdesk", "refund", result.order_id]
    if not plan.total_fee:
        items = [word for line in plan.lines for word in ("--item", line.item.ref)]
        return [" ".join([*head, *items, *tail])]
    commands = []
    for line in plan.lines:
        fee = ["--restocking-fee", f"{line.fee:.2f}"] if line.fee else []
        commands.append(" ".join([*head, "--item", line.item.ref, *fee, *tail]))
    return commands


def _run_return(args: argparse.Namespace, db: Database) -> int:
    step = ReturnStep(args.step)
    if step is ReturnStep.REQUESTED:
        if args.condition:
            warn("the condition is recorded when the return is received; ignored here.")
        result = request_return(db, args.order_id, carrier_return=args.carrier_return)
    else:
        result = receive_return(
            db, args.order_id, args.condition, carrier_return=args.carrier_return
        )
    assert result.outlook.message is not None
    say(f"{result.order_id}: {result.outlook.message.english()}")
    if result.outlook.outcome is Outcome.ORDER_CANCELLED and result.cancellation:
        say(f"  the order is now {result.cancellation.status.value}.")
        if result.cancellation.effect.counts:
            warn(result.cancellation.effect.why.english())
    if result.suggested_plan is not None:
        say("Suggested refund (full refund minus the restocking fee the condition allows):")
        for line in describe_plan(result.suggested_plan):
            say(line)
        for note in result.suggested_plan.notes():
            warn(note.english())
        for command in _suggested_commands(result):
            say(f"  to do it: {command}")
    return 0


COMMANDS = [
    Command(
        "refund",
        "refund all or part of an item's charges (minus a restocking fee)",
        _configure_refund,
        _run_refund,
    ),
    Command(
        "return",
        "record a return: requested (parcel coming back) or received (with its condition)",
        _configure_return,
        _run_return,
    ),
]
