"""Demo data: a French shop's orders in every state, made through the real actions.

``fill_demo`` inserts orders as the marketplace's reports would bring them,
then walks each one through its life with the same actions a seller uses
(:func:`app.order_actions.orders.verify_payment`, :func:`app.order_actions.orders.confirm_shipment`,
:func:`app.order_actions.orders.cancel`, returns of :mod:`app.order_actions.returns` and refunds of
:mod:`app.order_actions.refunds`) at moments in the past, so the timelines, audit events,
refund history and health figures (refunds overdue too) look like a real
shop's. Everything is added in one transaction: either all the demo orders are
there or none.

The same seed, moment and database give the same orders; order ids already in
the database are never reused.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.marketplace_files.carriers import resolve_carrier
from app.money import cents
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel_in_session,
    confirm_shipment_in_session,
    refresh_summary,
    verify_payment_in_session,
)
from app.order_actions.reasons import BUYER_CANCELED
from app.order_actions.refunds import (
    Component,
    ItemRefund,
    RefundRequest,
    plan_refund,
    record_refund,
    refund_context,
    suggested_refund,
)
from app.order_actions.restocking import Share
from app.order_actions.returns import receive_return_in_session, request_return_in_session
from app.storage import audit
from app.storage.db import Database
from app.storage.models import Order, OrderItem, OrderStatus
from app.text import QT_TRANSLATE_NOOP, text

CTX = "Demo"

ZERO = Decimal("0.00")
RECENT_COUNTING_SHARE = Decimal("0.03")  # ~3 % of last week's orders cancelled in a counting way
RATE_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Product:
    sku: str
    title: str
    unit_price: Decimal  # VAT included, as the reports give it
    asin: str


# The first six are the shop of ../shared/samples/orders-report.txt.
CATALOGUE: tuple[Product, ...] = (
    Product("MUG-CERAM-01", "Mug céramique « Café crème » 350 ml", Decimal("14.90"), "B0CMUG0001"),
    Product(
        "CARNET-A5-PTS", "Carnet A5 pointillé — couverture liège", Decimal("9.50"), "B0CCAR0002"
    ),
    Product("TOTE-LIN-NAT", "Sac cabas en lin naturel", Decimal("22.40"), "B0CTOT0003"),
    Product("PLAID-LAINE-XL", "Plaid en laine mérinos 150×200 cm", Decimal("89.00"), "B0CPLA0004"),
    Product("THE-VERT-100", "Thé vert sencha bio, sachet 100 g", Decimal("7.95"), "B0CTHE0005"),
    Product("BOUGIE-LAV-200", "Bougie parfumée lavande, 200 g", Decimal("18.00"), "B0CBOU0006"),
    Product(
        "SAVON-MARS-100",
        "Savon de Marseille à l'huile d'olive, 100 g",
        Decimal("4.50"),
        "B0CSAV0007",
    ),
    Product("TORCHON-LIN-2", "Lot de 2 torchons en lin brodés", Decimal("16.90"), "B0CTOR0008"),
    Product(
        "COUSSIN-VEL-40",
        "Housse de coussin velours côtelé 40×40 cm",
        Decimal("19.90"),
        "B0CCOU0009",
    ),
    Product("CAFE-ETH-250", "Café d'Éthiopie moulu, paquet 250 g", Decimal("11.50"), "B0CCAF0010"),
    Product(
        "CAHIER-KRAFT-3", "Lot de 3 cahiers kraft A5 « Écolier »", Decimal("12.00"), "B0CCAH0011"
    ),
    Product("PLATEAU-CHENE", "Plateau de service en chêne massif", Decimal("34.90"), "B0CPLT0012"),
)

FIRST_NAMES = (
    "Aurélien", "Noël", "Gaëtan", "Inès", "Hélène", "Ségolène", "Jérôme", "Anaïs", "Mathilde",
    "François", "Loïc", "Chloé", "Élodie", "Zoé", "Raphaël", "Cécile", "Benoît", "Maëlle",
    "Frédéric", "Léa", "Joël", "Béatrice", "Thérèse", "Amélie", "Clément", "Océane",
)  # fmt: skip
LAST_NAMES = (
    "Garçon", "Faure", "Lebœuf", "Dupré", "Bénard", "Giraud", "Lemaître", "Côté", "Müller",
    "Lefèvre", "Mercier", "Rivière", "Chevalier", "Févre", "Noël", "Desprès", "Lagarde",
    "Boucher", "Hébert", "Gérard", "Perrin", "Barbier", "Leroy", "Évrard",
)  # fmt: skip
STREETS = (
    "place du Marché", "allée des Tilleuls", "avenue des Châtaigniers", "boulevard Saint-Michel",
    "chemin des Écoliers", "rue de l'Église", "rue Émile-Zola", "impasse des Peupliers",
    "quai de la Saône", "rue du Général-de-Gaulle", "avenue Jean-Jaurès", "rue des Forgerons",
)  # fmt: skip
STREET_EXTRAS = ("", "", "", "Appartement 4", "Bâtiment B", "Résidence Les Érables", "3e étage")
PLACES = (  # city, département, postal code
    ("Clermont-Ferrand", "Puy-de-Dôme", "63000"),
    ("Saint-Étienne", "Loire", "42000"),
    ("Orléans", "Loiret", "45000"),
    ("Nîmes", "Gard", "30000"),
    ("Besançon", "Doubs", "25000"),
    ("Angoulême", "Charente", "16000"),
    ("Lyon", "Rhône", "69003"),
    ("Aix-en-Provence", "Bouches-du-Rhône", "13100"),
    ("Sète", "Hérault", "34200"),
    ("Créteil", "Val-de-Marne", "94000"),
    ("Châlons-en-Champagne", "Marne", "51000"),
    ("Périgueux", "Dordogne", "24000"),
    ("Évry-Courcouronnes", "Essonne", "91000"),
    ("Nantes", "Loire-Atlantique", "44000"),
    ("Brest", "Finistère", "29200"),
    ("Paris", "Paris", "75011"),
)
# The carriers a French shop uses; those not on the marketplace list go as Other + name.
CARRIERS = ("Colissimo", "Colissimo", "Colissimo", "La Poste", "Chronopost", "Mondial Relay",
            "UPS", "DPD", "GLS")  # fmt: skip
BUYER_REASONS = (
    "Délai de livraison trop long",
    "Trouvé moins cher ailleurs",
    "Commandé par erreur",
    "Adresse de livraison erronée",
)
BUYER_MESSAGES = (
    "Bonjour, je me suis trompé de couleur, pouvez-vous annuler ma commande ?",
    "Bonjour, pourriez-vous annuler ma commande ? Je l'ai trouvée en magasin.",
    "Je n'en ai plus besoin, merci d'annuler. Cordialement.",
    "Bonjour, j'ai commandé deux fois par erreur, merci d'annuler celle-ci.",
)
SELLER_REASONS = ("NoInventory", "NoInventory", "ShippingAddressUndeliverable", "PricingError")


class Story(enum.Enum):
    """What happens to a demo order."""

    PENDING = "pending"
    PENDING_TOO_LONG = "pending over 21 days"
    ON_TIME = "unshipped, on time"
    LATE = "unshipped, late"
    AT_RISK = "unshipped, close to or past the auto-cancellation"
    OFFICIAL_REQUEST = "buyer requested cancellation, still open"
    MESSAGE_REQUEST = "buyer asked by message, still open"
    PARTIALLY_SHIPPED = "partially shipped"
    SHIPPED = "shipped"
    SHIPPED_IN_TWO = "shipped in two parcels"
    ITEM_CANCELLED_REST_SHIPPED = "one item out of stock, the rest shipped"
    CANCELLED_BY_SELLER = "cancelled by the seller"
    CANCELLED_AFTER_MESSAGE = "cancelled as Buyer Canceled after a message only"
    CANCELLED_ON_REQUEST = "cancelled on the buyer's official request"
    SHIPPING_REFUNDED = "shipped, shipping refunded as a goodwill gesture"
    RETURN_EXPECTED = "shipped, the buyer is sending it back (S3)"
    CARRIER_RETURN_REFUNDED = "back with the carrier (S16), opened, refunded minus 20 %"
    RETURN_REFUND_OVERDUE = "return received days ago, refund overdue"
    RETURN_REFUND_DUE_SOON = "return received today, refund due soon"


MULTI_ITEM = {Story.PARTIALLY_SHIPPED, Story.SHIPPED_IN_TWO, Story.ITEM_CANCELLED_REST_SHIPPED}
COUNTING = {
    Story.CANCELLED_BY_SELLER,
    Story.CANCELLED_AFTER_MESSAGE,
    Story.ITEM_CANCELLED_REST_SHIPPED,
}
AFTER_SHIPPING = {
    Story.SHIPPING_REFUNDED,
    Story.RETURN_EXPECTED,
    Story.CARRIER_RETURN_REFUNDED,
    Story.RETURN_REFUND_OVERDUE,
    Story.RETURN_REFUND_DUE_SOON,
}
# Percent of the orders each story gets; every story appears at least once.
WEIGHTS: dict[Story, float] = {
    Story.PENDING: 4,
    Story.PENDING_TOO_LONG: 1,
    Story.ON_TIME: 12,
    Story.LATE: 3,
    Story.AT_RISK: 2,
    Story.OFFICIAL_REQUEST: 2,
    Story.MESSAGE_REQUEST: 1.5,
    Story.PARTIALLY_SHIPPED: 4,
    Story.SHIPPED: 55,
    Story.SHIPPED_IN_TWO: 3,
    Story.ITEM_CANCELLED_REST_SHIPPED: 1.5,
    Story.CANCELLED_BY_SELLER: 2,
    Story.CANCELLED_AFTER_MESSAGE: 1,
    Story.CANCELLED_ON_REQUEST: 3,
    Story.SHIPPING_REFUNDED: 1.5,
    Story.RETURN_EXPECTED: 1,
    Story.CARRIER_RETURN_REFUNDED: 1,
    Story.RETURN_REFUND_OVERDUE: 1,
    Story.RETURN_REFUND_DUE_SOON: 1,
}


@dataclass
class Plan:
    story: Story
    order_id: str
    purchase: datetime
    handling_days: int
    items: list[tuple[Product, int, str]] = field(default_factory=list)  # product, qty, item id

    @property
    def ship_by(self) -> datetime:
        return self.purchase + timedelta(days=self.handling_days)


Step = Callable[[Session, Order], None]


def fill_demo(db: Database, orders: int = 200, seed: int = 1, now: datetime | None = None) -> int:
    """Add ``orders`` demo orders to ``db``; returns how many were added."""
    if orders <= 0:
        return 0
    now = clock.as_utc(now) if now else clock.now()
    now = now.replace(second=0, microsecond=0)
    rng = random.Random(seed)
    with db.transaction() as session:
        plans = _plan(rng, session, orders, now)
        rows = [_order_row(rng, plan) for plan in plans]
        session.add_all(rows)
        session.flush()
        for row in rows:
            audit.record(
                session,
                row,
                kind="order-received",
                summary=text(
                    CTX, QT_TRANSLATE_NOOP("Demo", "Order received from the marketplace.")
                ),
                at=row.purchase_date,
                actor="marketplace",
            )
        for plan, row in zip(plans, rows, strict=True):
            for step in _steps(rng, plan, now):
                step(session, row)
    return len(plans)


# --- planning ---------------------------------------------------------------------------


def _stories(rng: random.Random, count: int) -> list[Story]:
    """``count`` stories in the proportions of WEIGHTS, each at least once when it fits."""
    every = list(Story)
    total = sum(WEIGHTS.values())
    floor = 1 if count >= len(every) else 0
    shares = {story: max(floor, int(count * WEIGHTS[story] / total)) for story in every}
    # Hand out what rounding left over by weight, or take back from the commonest story.
    by_weight = sorted(every, key=lambda story: -WEIGHTS[story])
    index = 0
    while sum(shares.values()) < count:
        shares[by_weight[index % len(by_weight)]] += 1
        index += 1
    while sum(shares.values()) > count:
        commonest = max(every, key=lambda story: shares[story])
        shares[commonest] -= 1
    chosen = [story for story in every for _ in range(shares[story])]
    rng.shuffle(chosen)
    return chosen


def _age(rng: random.Random, story: Story, handling: int) -> timedelta:
    """How long before ``now`` the order was placed, so that its story fits."""
    days = rng.uniform
    match story:
        case Story.PENDING:
            return timedelta(hours=days(1, 30))
        case Story.PENDING_TOO_LONG:
            return timedelta(days=days(21.5, 28))
        case Story.ON_TIME | Story.OFFICIAL_REQUEST | Story.MESSAGE_REQUEST:
            return timedelta(days=days(0.1, handling - 0.1))
        case Story.LATE:
            return timedelta(days=handling + days(0.2, 3.9))
        case Story.AT_RISK:
            return timedelta(days=handling + days(4.1, 9))
        case Story.PARTIALLY_SHIPPED:
            return timedelta(days=days(1.2, handling + 3))
        # Old enough for the parcel to be shipped, then to come back, by ``now``.
        case Story.SHIPPING_REFUNDED:
            return timedelta(days=days(4, 30))
        case Story.RETURN_EXPECTED:
            return timedelta(days=days(6, 20))
        case Story.RETURN_REFUND_DUE_SOON:
            return timedelta(days=days(8, 20))
        case Story.RETURN_REFUND_OVERDUE:
            return timedelta(days=days(14, 28))
        case Story.CARRIER_RETURN_REFUNDED:
            return timedelta(days=days(15, 30))
        case _ if story in COUNTING:
            # Counting cancellations are placed before last week; _recent_counting adds those.
            return timedelta(days=days(7.5, 35))
        case _:
            return timedelta(days=days(1, 35))


def _plan(rng: random.Random, session: Session, count: int, now: datetime) -> list[Plan]:
    stories = _stories(rng, count)
    order_ids = _fresh_order_ids(rng, session, count)
    plans = []
    for story, order_id in zip(stories, order_ids, strict=True):
        handling = rng.choice((1, 2, 2, 3))
        purchase = (now - _age(rng, story, handling)).replace(second=0, microsecond=0)
        plan = Plan(story, order_id, purchase, handling)
        lines = 1
        if story in MULTI_ITEM:
            lines = rng.choice((2, 2, 3))
        elif rng.random() < 0.22:
            lines = rng.choice((2, 2, 2, 3))
        for product in rng.sample(CATALOGUE, lines):
            quantity = rng.choices((1, 2, 3), weights=(80, 15, 5))[0]
            plan.items.append((product, quantity, str(rng.randint(10**13, 10**14 - 1))))
        plans.append(plan)
    _recent_counting(rng, plans, now)
    return plans


def _recent_counting(rng: random.Random, plans: list[Plan], now: datetime) -> None:
    """Turn ~3 % of last week's shipped orders into counting cancellations."""
    recent = [plan for plan in plans if plan.purchase > now - RATE_WINDOW]
    wanted = int(
        (Decimal(len(recent)) * RECENT_COUNTING_SHARE).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    candidates = [
        plan
        for plan in recent
        if plan.story is Story.SHIPPED and now - plan.purchase > timedelta(hours=6)
    ]
    for plan in rng.sample(candidates, min(wanted, len(candidates))):
        plan.story = rng.choice((Story.CANCELLED_BY_SELLER, Story.CANCELLED_AFTER_MESSAGE))


def _random_order_id(rng: random.Random) -> str:
    return (
        f"{rng.randint(100, 499)}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 9_999_999):07d}"
    )


def _fresh_order_ids(rng: random.Random, session: Session, count: int) -> list[str]:
    """``count`` new order ids, none already in the database nor repeated."""
    chosen: list[str] = []
    taken: set[str] = set()
    while len(chosen) < count:
        candidates: list[str] = []
        while len(candidates) < count - len(chosen):
            order_id = _random_order_id(rng)
            if order_id not in taken:
                taken.add(order_id)
                candidates.append(order_id)
        existing: set[str] = set()
        for start in range(0, len(candidates), 500):
            chunk = candidates[start : start + 500]
            existing.update(
                session.scalars(select(Order.order_id).where(Order.order_id.in_(chunk)))
            )
        chosen.extend(order_id for order_id in candidates if order_id not in existing)
    return chosen


# --- the order as the reports bring it --------------------------------------------------


def _tax(amount: Decimal) -> Decimal:
    """French VAT at 20 % included in the price, as in the sample reports."""
    return cents(amount / 6)


def _order_row(rng: random.Random, plan: Plan) -> Order:
    pending = plan.story in (Story.PENDING, Story.PENDING_TOO_LONG)
    expedited = rng.random() < 0.3
    shipping = Decimal("6.90") if expedited else Decimal("4.90")
    order = Order(
        order_id=plan.order_id,
        status=OrderStatus.PENDING,
        purchase_date=plan.purchase,
        earliest_ship_date=plan.purchase,
        latest_ship_date=plan.ship_by,
        currency="EUR",
        sales_channel="Amazon.fr",
        ship_service_level="Expedited" if expedited else "Standard",
        is_business_order=False,
        is_prime=rng.random() < 0.25,
        created_at=plan.purchase,
        updated_at=plan.purchase,
        shipments=[],
        cancellations=[],
    )
    if not pending:  # a pending order has no buyer contact nor address yet (S9)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        city, department, postal_code = rng.choice(PLACES)
        order.buyer_name = f"{first} {last}"
        order.buyer_email = f"{rng.randbytes(5).hex()}@marketplace.amazon.fr"
        order.buyer_phone = "+33 6 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
        order.recipient_name = order.buyer_name
        number = rng.choice((str(rng.randint(1, 240)), f"{rng.randint(1, 60)} bis"))
        order.ship_address_1 = f"{number} {rng.choice(STREETS)}"
        order.ship_address_2 = rng.choice(STREET_EXTRAS) or None
        order.ship_city = city
        order.ship_state = department
        order.ship_postal_code = postal_code
        order.ship_country = "FR"
    for index, (product, quantity, item_id) in enumerate(plan.items):
        line = product.unit_price * quantity
        line_shipping = shipping if index == 0 else ZERO
        order.items.append(
            OrderItem(
                order_item_id=item_id,
                sku=product.sku,
                title=product.title,
                asin=product.asin,
                quantity=quantity,
                item_price=line,
                item_tax=_tax(line),
                shipping_price=line_shipping,
                shipping_tax=_tax(line_shipping),
            )
        )
    refresh_summary(order)
    return order


# --- what happens to it afterwards ------------------------------------------------------


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A moment in [start, end], to the minute, never after ``end``."""
    if end <= start:
        return start
    moment = start + (end - start) * rng.random()
    return max(start, moment.replace(second=0, microsecond=0))


def _tracking(rng: random.Random, carrier: str) -> str:
    def digits(count: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(count))

    match carrier:
        case "Colissimo":
            return "6A" + digits(11)
        case "La Poste":
            return "1K" + digits(11)
        case "Chronopost":
            return "XR" + digits(9) + "FR"
        case "UPS":
            return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(16))
        case "Mondial Relay":
            return digits(8)
        case _:
            return digits(14)


def _verify(at: datetime) -> Step:
    return lambda session, order: verify_payment_in_session(session, order, at=at)


def _ship(
    rng: random.Random, plan: Plan, at: datetime, items: Sequence[ItemQuantity] | None
) -> Step:
    carrier = rng.choice(CARRIERS)
    request = ShipmentRequest(
        carrier=resolve_carrier(carrier),
        tracking_number=_tracking(rng, carrier),
        ship_date=at.date(),
        items=list(items) if items else None,
    )
    return lambda session, order: confirm_shipment_in_session(session, order, request, at=at)


def _cancel(reason: str, at: datetime, items: list[ItemQuantity] | None = None) -> Step:
    def step(session: Session, order: Order) -> None:
        cancel_in_session(
            session, order, reason, items=items, at=at, actor="seller", source="local"
        )

    return step


def _buyer_requests(rng: random.Random, plan: Plan, at: datetime) -> Step:
    """The official Request cancellation (S4), as the next report shows it."""
    reason = rng.choice(BUYER_REASONS)

    def step(session: Session, order: Order) -> None:
        order.buyer_requested_cancel = True
        order.buyer_cancel_reason = reason
        order.buyer_cancel_seen_at = at
        audit.record(
            session,
            order,
            kind="buyer-requested-cancel",
            summary=text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Demo", "Buyer requested cancellation through the marketplace: {reason}."
                ),
                reason=reason,
            ),
            at=at,
            actor="marketplace",
        )

    return step


def _buyer_writes(rng: random.Random, plan: Plan, at: datetime) -> Step:
    """The buyer only wrote a message (S5): no flag, so cancelling would count."""
    message = rng.choice(BUYER_MESSAGES)

    def step(session: Session, order: Order) -> None:
        audit.record(
            session,
            order,
            kind="buyer-message",
            summary=text(
                CTX,
                QT_TRANSLATE_NOOP("Demo", "Buyer asked by message to cancel: « {message} »"),
                message=message,
            ),
            at=at,
            actor="buyer",
        )

    return step


def _steps(rng: random.Random, plan: Plan, now: datetime) -> list[Step]:
    story = plan.story
    if story in (Story.PENDING, Story.PENDING_TOO_LONG):
        return []
    verified = _between(
        rng, plan.purchase + timedelta(minutes=2), plan.purchase + timedelta(hours=2)
    )
    verified = min(verified, now)
    steps = [_verify(verified)]
    # The seller usually ships before the ship-by date, never after now.
    ship_at = _between(rng, verified, min(now, plan.ship_by - timedelta(hours=1)))
    first = plan.items[0]
    rest = [ItemQuantity(item_id) for _, _, item_id in plan.items[1:]]
    match story:
        case Story.ON_TIME | Story.LATE | Story.AT_RISK:
            pass
        case Story.OFFICIAL_REQUEST:
            steps.append(_buyer_requests(rng, plan, _between(rng, verified, now)))
        case Story.MESSAGE_REQUEST:
            steps.append(_buyer_writes(rng, plan, _between(rng, verified, now)))
        case Story.PARTIALLY_SHIPPED:
            _, quantity, item_id = first
            part = rng.randint(1, quantity - 1) if quantity > 1 else 1
            steps.append(_ship(rng, plan, ship_at, [ItemQuantity(item_id, part)]))
        case Story.SHIPPED:
            steps.append(_ship(rng, plan, ship_at, None))
        case Story.SHIPPED_IN_TWO:
            later = _between(rng, ship_at, min(now, ship_at + timedelta(days=2)))
            steps.append(_ship(rng, plan, ship_at, [ItemQuantity(first[2])]))
            steps.append(_ship(rng, plan, later, rest))
        case Story.ITEM_CANCELLED_REST_SHIPPED:
            cancelled_at = _between(rng, verified, ship_at)
            steps.append(_cancel("NoInventory", cancelled_at, [ItemQuantity(first[2])]))
            steps.append(_ship(rng, plan, ship_at, rest))
        case Story.CANCELLED_BY_SELLER:
            steps.append(_cancel(rng.choice(SELLER_REASONS), ship_at))
        case Story.CANCELLED_AFTER_MESSAGE:
            asked = _between(rng, verified, ship_at)
            steps.append(_buyer_writes(rng, plan, asked))
            steps.append(_cancel(BUYER_CANCELED, _between(rng, asked, ship_at)))
        case Story.CANCELLED_ON_REQUEST:
            asked = _between(rng, verified, ship_at)
            steps.append(_buyer_requests(rng, plan, asked))
            steps.append(_cancel(BUYER_CANCELED, _between(rng, asked, ship_at)))
        case _ if story in AFTER_SHIPPING:
            steps.append(_ship(rng, plan, ship_at, None))
            steps.extend(_after_shipping(rng, story, ship_at, now))
    return steps


def _after_shipping(
    rng: random.Random, story: Story, shipped: datetime, now: datetime
) -> list[Step]:
    """Refund and return stories; _age made the order old enough for each step to be past."""
    day = timedelta(days=1)
    if story is Story.SHIPPING_REFUNDED:
        return [_refund_shipping(_between(rng, shipped + day, now))]
    if story is Story.RETURN_EXPECTED:
        return [_return_requested(_between(rng, shipped + day, now), carrier=False)]
    if story is Story.CARRIER_RETURN_REFUNDED:
        requested = _between(rng, shipped + day, shipped + 3 * day)
        received = _between(rng, requested + 2 * day, requested + 5 * day)
        return [
            _return_requested(requested, carrier=True),
            _return_received(received, "opened"),
            _refund_as_suggested(_between(rng, received + timedelta(hours=2), received + day)),
        ]
    if story is Story.RETURN_REFUND_OVERDUE:
        # Two business days are at most four calendar days: received six or more days ago,
        # the refund was due before today.
        received = _between(rng, now - 8 * day, now - 6 * day)
    else:  # RETURN_REFUND_DUE_SOON: back today, due in two business days
        received = _between(rng, now.replace(hour=0, minute=0), now)
    # The buyer announced it a few days before; _age shipped it well before that.
    requested = _between(rng, max(shipped + day, received - 6 * day), received - day)
    grade = rng.choice(("new", "opened", "used"))
    return [_return_requested(requested, carrier=False), _return_received(received, grade)]


def _return_requested(at: datetime, *, carrier: bool) -> Step:
    def step(session: Session, order: Order) -> None:
        request_return_in_session(session, order, carrier_return=carrier, at=at)

    return step


def _return_received(at: datetime, grade: str) -> Step:
    def step(session: Session, order: Order) -> None:
        receive_return_in_session(session, order, grade, at=at)

    return step


def _refund(request: Callable[[Session, Order], RefundRequest], at: datetime) -> Step:
    def step(session: Session, order: Order) -> None:
        context = refund_context(session, order)
        plan = plan_refund(context, request(session, order))
        record_refund(session, order, context, plan, at=at, actor="seller")

    return step


def _refund_as_suggested(at: datetime) -> Step:
    """What the refund dialog suggests after a received return: all, minus the fee allowed."""
    return _refund(lambda session, order: suggested_refund(refund_context(session, order)), at)


def _refund_shipping(at: datetime) -> Step:
    """A late parcel: the seller gives the shipping back (GeneralAdjustment), not the item."""

    def request(session: Session, order: Order) -> RefundRequest:
        context = refund_context(session, order)
        item = next(i for i in context.charged_items if i.charged.shipping_price > ZERO)
        everything = Share(everything=True)
        shares = {Component.SHIPPING_PRICE: everything, Component.SHIPPING_TAX: everything}
        return RefundRequest((ItemRefund(item.ref, shares),), "GeneralAdjustment")

    return _refund(request, at)
