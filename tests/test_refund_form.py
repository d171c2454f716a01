"""The refund form's one question to app/: each item's fee limit and the plan, as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import BadInput, RuleRefused
from app.order_actions.refund_form import FeeLimit, TypedItem, refund_form, refund_request
from app.order_actions.refunds import Component
from app.text import text
from tests.test_refund_plan import LAMP, MUG, TOTE, context

D = Decimal
REASON = "CustomerReturn"


def test_nothing_typed_shows_the_limits_and_asks_for_a_choice():
    form = refund_form(context(), [TypedItem("111"), TypedItem("TOTE")], REASON, None)
    assert form.nothing_chosen and form.plan is None and form.problem is None
    # Only charged items have a box; without a condition no fee is allowed yet.
    assert form.fee_limits == {
        "111": FeeLimit(None, None),
        "TOTE": FeeLimit(None, None),
    }


def test_the_limit_follows_the_condition_and_earlier_fees():
    form = refund_form(context(), [TypedItem("111", full=True)], REASON, "used")
    # 50 % of the item price; the tote's 1.00 fee taken before counts against its 6.00.
    assert form.fee_limit("111") == FeeLimit(D("14.90"), D("50"))
    assert form.fee_limit("TOTE") == FeeLimit(D("5.00"), D("50"))
    assert form.plan is not None and form.plan.net == D("40.48")
    (line,) = form.plan.lines
    assert line.fee_limit == form.fee_limit("111").amount  # the plan's own limit, shown


def test_the_return_s_recorded_condition_counts_when_none_is_chosen():
    form = refund_form(context(recorded="damaged"), [TypedItem("TOTE", fee="2")], REASON, None)
    assert form.fee_limit("TOTE") == FeeLimit(D("11.00"), D("100"))
    assert isinstance(form.problem, BadInput)  # a fee alone refunds nothing: say what is missing
    assert "Say what to refund for item TOTE" in form.problem.message.english()


def test_what_is_typed_is_read_as_amounts_and_percentages():
    typed = [
        TypedItem("111", amounts={Component.ITEM_PRICE: " 14,90 ", Component.ITEM_TAX: ""}),
        TypedItem("TOTE", amounts={Component.ITEM_PRICE: "50 %"}, fee=" 10% "),
        TypedItem("333"),
    ]
    request = refund_request(typed, REASON, "used")
    assert [(item.ref, set(item.shares)) for item in request.items] == [
        ("111", {Component.ITEM_PRICE}),
        ("TOTE", {Component.ITEM_PRICE}),
    ]
    assert request.items[0].shares[Component.ITEM_PRICE].amount == D("14.90")
    assert request.items[1].fee is not None and request.items[1].fee.percent == D("10")
    form = refund_form(context(), typed, REASON, "used")
    assert form.plan is not None
    # The tote: 50 % of its 12.00 price is 6.00, minus a 10 % fee of 1.20.
    assert [line.net for line in form.plan.lines] == [D("14.90"), D("4.80")]


def test_a_typo_is_the_forms_problem_and_the_limits_still_show():
    form = refund_form(context(), [TypedItem("111", fee="ten")], REASON, "used")
    assert isinstance(form.problem, BadInput) and form.plan is None
    assert form.fee_limit("111") == FeeLimit(D("14.90"), D("50"))


def test_an_order_that_cannot_be_refunded_says_why_and_nothing_else():
    why = text("Refunds", "Nothing to refund.")
    form = refund_form(context(refused=why), [TypedItem("111", full=True)], REASON, None)
    assert form.refused == why and form.fee_limits == {} and form.plan is None


@pytest.mark.parametrize("item", [MUG, TOTE, LAMP])
def test_every_charged_item_and_only_those_have_a_limit(item):
    form = refund_form(context(), [], REASON, "late")
    assert (item.ref in form.fee_limits) is (item.quantity_shipped > 0)


def test_a_refund_above_what_is_left_is_refused_with_the_rules_words():
    typed = [TypedItem("TOTE", amounts={Component.ITEM_PRICE: "7.01"})]
    form = refund_form(context(), typed, REASON, None)
    assert isinstance(form.problem, RuleRefused | BadInput) and form.plan is None
