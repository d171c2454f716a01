"""Money: line totals split pro rata to the cent, and amounts as sellers type them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.money import cents, format_amount, parse_amount, pro_rata, pro_rata_after

FAST = settings(max_examples=60, deadline=None)

totals = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c) / 100)
quantities = st.integers(min_value=1, max_value=25)


@st.composite
def line_and_steps(draw: st.DrawFn) -> tuple[Decimal, int, list[int]]:
    """A line total, its quantity, and the units taken in successive steps (all of them)."""
    total = draw(totals)
    quantity = draw(quantities)
    steps: list[int] = []
    left = quantity
    while left:
        step = draw(st.integers(min_value=1, max_value=left))
        steps.append(step)
        left -= step
    return total, quantity, steps


@FAST
@given(line_and_steps())
def test_parts_taken_step_by_step_add_up_to_the_line_total(case):
    total, quantity, steps = case
    taken = 0
    parts = []
    for step in steps:
        parts.append(pro_rata_after(total, quantity, taken, step))
        taken += step
    assert sum(parts) == total
    assert all(part.as_tuple().exponent == -2 for part in parts)
    assert all(part >= 0 for part in parts)


@FAST
@given(totals, quantities, st.data())
def test_taking_units_in_steps_equals_taking_them_at_once(total, quantity, data):
    first = data.draw(st.integers(min_value=0, max_value=quantity))
    second = data.draw(st.integers(min_value=0, max_value=quantity - first))
    at_once = pro_rata(total, quantity, first + second)
    in_steps = pro_rata_after(total, quantity, 0, first) + pro_rata_after(
        total, quantity, first, second
    )
    assert in_steps == at_once


@FAST
@given(totals, st.integers(min_value=2, max_value=25))
def test_each_unit_gets_the_unit_price_rounded_half_up_while_the_line_holds_it(total, quantity):
    unit = (total / quantity).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    left = total
    for taken in range(quantity - 1):
        expected = min(unit, left)
        assert pro_rata_after(total, quantity, taken, 1) == expected
        left -= expected
    assert pro_rata_after(total, quantity, quantity - 1, 1) == left


def test_rounded_up_units_never_take_more_than_the_line():
    # 0.03 for 5 units: 0.01 each until nothing is left, never a negative last unit.
    parts = [pro_rata_after(Decimal("0.03"), 5, taken, 1) for taken in range(5)]
    assert [str(part) for part in parts] == ["0.01", "0.01", "0.01", "0.00", "0.00"]


@pytest.mark.parametrize(
    ("total", "quantity", "expected"),
    [
        ("10.00", 3, ["3.33", "3.33", "3.34"]),
        ("0.05", 2, ["0.03", "0.02"]),  # 0.025 rounds half-up, the last unit takes the rest
        ("29.80", 2, ["14.90", "14.90"]),
        ("0.01", 3, ["0.00", "0.00", "0.01"]),
    ],
)
def test_known_splits(total, quantity, expected):
    parts = [pro_rata_after(Decimal(total), quantity, taken, 1) for taken in range(quantity)]
    assert [str(part) for part in parts] == expected


def test_nothing_taken_is_zero_and_everything_is_the_whole_line():
    assert pro_rata(Decimal("10.00"), 3, 0) == Decimal("0.00")
    assert pro_rata(Decimal("10.00"), 3, 3) == Decimal("10.00")


def test_cents_rounds_half_up_not_to_even():
    assert cents(Decimal("0.125")) == Decimal("0.13")
    assert cents(Decimal("0.135")) == Decimal("0.14")
    assert cents(Decimal("-0.125")) == Decimal("-0.13")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14.90", "14.90"),
        ("14,90", "14.90"),
        (" 14,90 ", "14.90"),
        ("7", "7.00"),
        ("0.005", "0.01"),
        ("1\u00a0234,50", "1234.50"),
        ("-3.10", "-3.10"),
    ],
)
def test_parse_amount_accepts_dot_or_comma(raw, expected):
    value = parse_amount(raw)
    assert isinstance(value, Decimal)
    assert format_amount(value) == expected


@pytest.mark.parametrize(
    "raw", ["", "abc", "14.90 €", "1,234.56", "1.2.3", "NaN", "Infinity", "1,2,3"]
)
def test_parse_amount_refuses_junk(raw):
    with pytest.raises(ValueError):
        parse_amount(raw)


@FAST
@given(st.integers(min_value=-10_000_000, max_value=10_000_000))
def test_format_and_parse_round_trip(cents_value):
    amount = Decimal(cents_value) / 100
    written = format_amount(amount)
    assert written is not None
    assert "." in written and len(written.split(".")[1]) == 2
    assert parse_amount(written) == amount
    assert parse_amount(written.replace(".", ",")) == amount


def test_format_amount_keeps_unknown_as_none():
    assert format_amount(None) is None
