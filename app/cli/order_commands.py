"""Commands that look at orders and move them through their life.

The order actions and the order views are imported by the commands that use
them: ``list`` on a small shop should start about as fast as SQLAlchemy itself
(bench_start.py). ``health`` has its own module (app/cli/health_command.py).
"""

from __future__ import annotations

import argparse
from datetime import date

from sqlalchemy import select

from app import clock
from app.cli.common import Command, print_json, say, warn
from app.errors import BadInput
from app.order_actions.message_choice import asked_only_by_message_condition
from app.order_views.queries import OLDEST_FIRST, OrderFilter, conditions, filtered_orders
from app.storage.db import Database
from app.storage.order_table import FulfilledBy, OrderStatus, orders
from app.text import QT_TRANSLATE_NOOP, text

STATUSES = [status.value for status in OrderStatus]
FULFILLERS = [fulfiller.value for fulfiller in FulfilledBy]


def _configure_list(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=STATUSES, help="only orders in this status")
    parser.add_argument(
        "--buyer-requested",
        action="store_true",
        help="only orders the buyer asked to cancel (officially, or by message while open)",
    )
    parser.add_argument("--late", action="store_true", help="only orders past their ship-by date")
    parser.add_argument(
        "--fulfilled-by",
        choices=FULFILLERS,
        help="only orders you ship (seller) or Amazon ships from its warehouse (marketplace)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def _run_list(args: argparse.Namespace, db: Database) -> int:
    criteria = OrderFilter(
        status=OrderStatus(args.status) if args.status else None,
        buyer_requested=args.buyer_requested,
        late_as_of=clock.now() if args.late else None,
        fulfilled_by=FulfilledBy(args.fulfilled_by) if args.fulfilled_by else None,
    )
    if args.json:
        return _print_list_json(db, criteria)
    # A line names a few columns of the order: read with Core, without loading the ORM.
    with db.connected() as connection:
        found = connection.execute(
            select(
                orders.c.order_id,
                orders.c.purchase_date,
                orders.c.latest_ship_date,
                orders.c.status,
                orders.c.item_count,
                orders.c.skus,
                orders.c.buyer_requested_cancel,
                asked_only_by_message_condition().label("asked_only_by_message"),
                orders.c.fulfilled_by,
            )
            .where(*conditions(criteria))
            .order_by(*OLDEST_FIRST)
        ).all()
    if not found:
        say("No orders match.")
        return 0
    for order in found:
        ship_by = order.latest_ship_date.date().isoformat() if order.latest_ship_date else "-"
        flag = "  buyer requested cancellation" if order.buyer_requested_cancel else ""
        if order.asked_only_by_message:
            flag += "  buyer asked to cancel by message"
        if order.fulfilled_by is FulfilledBy.MARKETPLACE:
            flag += "  fulfilled by Amazon"
        say(
            f"{order.order_id}  {order.purchase_date.date().isoformat()}  ship by {ship_by}  "
            f"{order.status.value:<16} {order.item_count:>3} unit(s)  {order.skus}{flag}"
        )
    say(f"{len(found)} order(s)")
    return 0


def _print_list_json(db: Database, criteria: OrderFilter) -> int:
    from sqlalchemy.orm import selectinload

    from app.order_views.views import order_json
    from app.storage.models import Order

    with db.reading() as session:
        query = filtered_orders(criteria).options(selectinload(Order.items))
        print_json([order_json(order) for order in session.scalars(query).all()])
    return 0


def _configure_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def _run_show(args: argparse.Namespace, db: Database) -> int:
    from app.order_actions.orders import find_order
    from app.order_views.views import order_detail_json

    with db.reading() as session:
        order = find_order(session, args.order_id)
        data = order_detail_json(session, order)
    if args.json:
        print_json(data)
        return 0
    say(f"Order {data['order_id']} — {data['status']}")
    say(f"  purchased {data['purchase_date']}, ship by {data['latest_ship_date'] or '-'}")
    if data["fulfilled_by"] == FulfilledBy.MARKETPLACE:
        say("  fulfilled by Amazon: Amazon ships, cancels and refunds it (read-only here)")
    if data["buyer_requested_cancel"]:
        say(f"  buyer requested cancellation: {data['buyer_cancel_reason'] or 'no reason given'}")
    if data["asked_to_cancel_by_message"]:
        say("  buyer asked to cancel by message only: reply with the S5 message (see 'message')")
    if data["buyer"] is None:
        say("  buyer and address: hidden until payment is verified")
    else:
        address = data["address"]
        lines = [address[key] for key in ("recipient_name", "address_1", "address_2", "address_3")]
        place = " ".join(v for v in (address["postal_code"], address["city"]) if v)
        say(f"  buyer: {data['buyer']['name'] or '-'} <{data['buyer']['email'] or '-'}>")
        say("  ship to: " + ", ".join(v for v in [*lines, place, address["country"]] if v))
    say("  items:")
    for item in data["items"]:
        say(
            f"    {item['order_item_id'] or item['sku']}  {item['sku']}  "
            f"qty {item['quantity']} (shipped {item['quantity_shipped']}, "
            f"cancelled {item['quantity_cancelled']})  price {item['item_price'] or '-'} "
            f"{data['currency'] or ''}  {item['title'] or ''}"
        )
    for shipment in data["shipments"]:
        carrier = shipment["carrier_name"] or shipment["carrier_code"]
        say(f"  shipped {shipment['ship_date']} via {carrier} {shipment['tracking_number'] or ''}")
    for cancellation in data["cancellations"]:
        counted = "counts" if cancellation["counts_in_rate"] else "does not count"
        say(f"  cancelled {cancellation['created_at']} ({cancellation['reason']}, {counted})")
    money = data["money"]
    say(
        f"  money ({money['currency'] or '-'}): charged {money['charged']}, cancelled "
        f"{money['cancelled']}, refunded {money['refunded']}, net {money['net']}"
    )
    say("  timeline:")
    for event in data["events"]:
        say(f"    {event['at']}  {event['summary']}")
    return 0


def _configure_order_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")


def _run_verify(args: argparse.Namespace, db: Database) -> int:
    from app.order_actions.orders import verify_payment

    verify_payment(db, args.order_id)
    say(f"Payment verified: {args.order_id} is now Unshipped and must be shipped.")
    return 0


def _ship_date(raw: str | None) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadInput(
            text(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "{raw!r} is not a date: use YYYY-MM-DD."),
                raw=raw,
            )
        ) from None


def _configure_ship(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument("--carrier", required=True, help="carrier code, or Other")
    parser.add_argument("--carrier-name", help="carrier name (with Other)")
    parser.add_argument("--tracking", help="tracking number")
    parser.add_argument("--date", help="ship date YYYY-MM-DD (default today)")
    parser.add_argument("--method", help="shipping method")
    parser.add_argument(
        "--item",
        action="append",
        metavar="ITEM_ID[:QTY]",
        help="ship only this item (all its units unless :QTY); repeat for several",
    )


def _run_ship(args: argparse.Namespace, db: Database) -> int:
    from app.marketplace_files.carriers import resolve_carrier
    from app.order_actions.orders import ItemQuantity, ShipmentRequest, confirm_shipment, find_order

    request = ShipmentRequest(
        carrier=resolve_carrier(args.carrier, args.carrier_name),
        tracking_number=args.tracking,
        ship_date=_ship_date(args.date),
        ship_method=args.method,
        items=[ItemQuantity.parse(raw) for raw in args.item] if args.item else None,
    )
    confirm_shipment(db, args.order_id, request)
    with db.reading() as session:
        status = find_order(session, args.order_id).status
    say(f"Shipment confirmed: {args.order_id} is now {status.value}.")
    return 0


def _configure_cancel(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("order_id", metavar="ORDER_ID")
    parser.add_argument("--reason", required=True, help="cancellation reason code")
    parser.add_argument(
        "--item",
        action="append",
        metavar="ITEM_ID[:QTY]",
        help="cancel only this item (all its open units unless :QTY); repeat for several",
    )


def _run_cancel(args: argparse.Namespace, db: Database) -> int:
    from app.order_actions.orders import ItemQuantity, cancel

    items = [ItemQuantity.parse(raw) for raw in args.item] if args.item else None
    result = cancel(db, args.order_id, args.reason, items=items)
    if result.effect.counts:
        warn(result.effect.why.english())
    what = "Order cancelled" if result.whole_order else "Items cancelled"
    say(f"{what}: {result.order_id} is now {result.status.value}. {result.effect.why.english()}")
    return 0


COMMANDS = [
    Command("list", "list orders", _configure_list, _run_list),
    Command("show", "show one order", _configure_show, _run_show),
    Command("verify-payment", "Pending → Unshipped", _configure_order_id, _run_verify),
    Command("ship", "confirm shipment of all or some items", _configure_ship, _run_ship),
    Command("cancel", "cancel an order or some of its items", _configure_cancel, _run_cancel),
]
