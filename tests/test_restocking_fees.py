"""A restocking fee as the seller types it, the grade it depends on and its ceiling.

Pure rules, no database (DESIGN.md §5, FORMATS.md §5, S16): every expected amount,
percentage and message is written out here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import BadInput
from app.order_actions.restocking import (
    GRADES,
    Share,
    ceiling_percent,
    condition_grade,
    condition_label,
    fee_ceiling,
    needs_photo,
)

BY_GRADE = {
    "new": Decimal("0"),
    "late": Decimal("20"),
    "opened": Decimal("20"),
    "used": Decimal("50"),
    "damaged": Decimal("70"),
}
CARRIER = {"any": Decimal("15"), "damaged": Decimal("45")}


def refused(raw: str) -> str:
    with pytest.raises(BadInput) as error:
        Share.parse(raw)
    return error.value.message.english()


@pytest.mark.parametrize(
    ("typed", "amount", "percent"),
    [
        ("14.90", Decimal("14.90"), None),
        ("14,90", Decimal("14.90"), None),
        (" 3 ", Decimal("3.00"), None),
        ("0", Decimal("0.00"), None),
        ("20%", None, Decimal("20.00")),
        ("12,5 %", None, Decimal("12.50")),
    ],
)
def test_a_fee_is_typed_as_an_amount_or_a_percentage(typed, amount, percent):
    share = Share.parse(typed)
    assert (share.amount, share.percent, share.everything) == (amount, percent, False)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("abc", "'abc' is not an amount: write 14.90 or a percentage like 20%."),
        ("%", "'%' is not an amount: write 14.90 or a percentage like 20%."),
        ("15X", "'15X' is not an amount: write 14.90 or a percentage like 20%."),
        ("15X%", "'15X%' is not an amount: write 14.90 or a percentage like 20%."),
        ("", "'' is not an amount: write 14.90 or a percentage like 20%."),
        ("-2", "'-2': an amount cannot be negative."),
        ("-5%", "'-5%': an amount cannot be negative."),
        ("14.905", "'14.905': amounts have at most two decimals."),
        ("2.555%", "'2.555%': amounts have at most two decimals."),
    ],
)
def test_a_fee_that_is_not_an_amount_is_refused_in_words(typed, says):
    assert refused(typed) == says


def test_a_fee_message_is_looked_up_under_its_context():
    with pytest.raises(BadInput) as error:
        Share.parse("abc")
    assert error.value.message.context == "Restocking"


@pytest.mark.parametrize(
    ("share", "amount"),
    [
        (Share(everything=True), Decimal("7.13")),  # what is left, to the cent
        (Share(percent=Decimal("20")), Decimal("5.96")),  # of what was charged, not of what is left
        (Share(percent=Decimal("12.5")), Decimal("3.73")),  # 3.725 rounded half-up
        (Share(amount=Decimal("4.005")), Decimal("4.01")),
        (Share(), Decimal("0.00")),
    ],
)
def test_a_share_names_an_amount_of_what_was_charged_or_of_what_is_left(share, amount):
    assert share.resolve(charged=Decimal("29.80"), left=Decimal("7.125")) == amount


@pytest.mark.parametrize(
    ("share", "label"),
    [
        (Share(everything=True), "all"),
        (Share(percent=Decimal("20.00")), "20%"),
        (Share(percent=Decimal("12.50")), "12.5%"),
        (Share(amount=Decimal("4")), "4.00"),
        (Share(), "0.00"),
    ],
)
def test_a_share_is_written_back_as_the_seller_would_type_it(share, label):
    assert share.label() == label


@pytest.mark.parametrize(
    ("typed", "grade"), [("used", "used"), (" Damaged ", "damaged"), ("NEW", "new")]
)
def test_a_condition_grade_is_read_whatever_its_case(typed, grade):
    assert condition_grade(typed) == grade


def test_an_unknown_condition_grade_lists_the_grades():
    with pytest.raises(BadInput) as error:
        condition_grade("mint")
    assert error.value.message.english() == (
        "Unknown condition grade 'mint'. Grades: new, late, opened, used, damaged."
    )
    assert error.value.message.context == "Restocking"


def test_the_grades_are_offered_in_order_with_their_labels():
    assert GRADES == {
        "new": "New — returned as new within policy",
        "late": "Late — unopened, returned after the deadline",
        "opened": "Opened",
        "used": "Used",
        "damaged": "Damaged",
    }


@pytest.mark.parametrize("grade", ["new", "late", "opened", "used", "damaged"])
def test_a_grade_inside_a_sentence_is_its_word(grade):
    label = condition_label(grade)
    assert label.english() == grade
    assert (label.label.context, label.label.english()) == ("Condition", grade)


def test_an_unknown_grade_inside_a_sentence_is_written_as_it_is():
    assert condition_label("mint").label.english() == "mint"


@pytest.mark.parametrize(
    ("grade", "carrier_return", "ceiling"),
    [
        ("new", False, Decimal("0")),
        ("used", False, Decimal("50")),
        ("damaged", False, Decimal("70")),
        ("new", True, Decimal("15")),  # S16: a fee even on an unopened parcel
        ("used", True, Decimal("15")),
        ("damaged", True, Decimal("45")),
    ],
)
def test_the_ceiling_is_the_grades_or_for_a_carrier_return_the_carriers(
    grade, carrier_return, ceiling
):
    assert ceiling_percent(grade, carrier_return, BY_GRADE, CARRIER) == ceiling


@pytest.mark.parametrize(
    ("price", "percent", "ceiling"),
    [
        (Decimal("29.80"), Decimal("20"), Decimal("5.96")),
        (Decimal("9.99"), Decimal("50"), Decimal("5.00")),  # 4.995 rounded half-up
        (Decimal("9.99"), Decimal("0"), Decimal("0.00")),
    ],
)
def test_the_fee_ceiling_is_a_rounded_share_of_the_item_price(price, percent, ceiling):
    assert fee_ceiling(price, percent) == ceiling


@pytest.mark.parametrize(
    ("fee", "photo"),
    [
        (Decimal("0.00"), False),
        (Decimal("5.95"), False),  # just under 20 % of 29.80
        (Decimal("5.96"), True),  # exactly 20 %
        (Decimal("29.80"), True),
    ],
)
def test_a_fee_of_a_fifth_of_the_item_price_or_more_needs_a_photo(fee, photo):
    assert needs_photo(fee, Decimal("29.80")) is photo


def test_a_fee_under_one_euro_on_a_cheap_item_needs_a_photo_too():
    assert needs_photo(Decimal("0.50"), Decimal("2.00")) is True  # 25 %
    assert needs_photo(Decimal("0.39"), Decimal("2.00")) is False  # 19.5 %


def test_no_fee_needs_no_photo_even_on_a_free_item():
    assert needs_photo(Decimal("0.00"), Decimal("0.00")) is False
