"""The three ways an action can fail, as the seller and the command line see them."""

from __future__ import annotations

from app.text import Text


class SellerDeskError(Exception):
    """A failure explained in the seller's words; nothing was changed."""

    exit_status = 2

    def __init__(self, message: Text, details: list[Text] | None = None) -> None:
        super().__init__(message.english())
        self.message = message
        self.details = details or []


class RuleRefused(SellerDeskError):
    """A business rule forbids the action (exit status 1).

    ``rule`` is the stable code of the states × actions rule that refused it
    (``app.order_actions.rules.Rule``), when one did.
    """

    exit_status = 1

    def __init__(
        self, message: Text, details: list[Text] | None = None, rule: str | None = None
    ) -> None:
        super().__init__(message, details)
        self.rule = rule


class BadInput(SellerDeskError):
    """Unknown order, malformed file or value, unknown code (exit status 2)."""

    exit_status = 2


class DatabaseProblem(SellerDeskError):
    """The database cannot be used: locked, corrupt, newer than the app (exit status 2)."""

    exit_status = 2
