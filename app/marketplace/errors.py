"""How the connection fails, in the seller's words (never a traceback, never a secret)."""

from __future__ import annotations

from app.errors import BadInput, SellerDeskError
from app.text import QT_TRANSLATE_NOOP, Text, text

CTX = "Marketplace"
INSTALL_HINT = "pip install 'sellerdesk[marketplace]'"


class NotInstalled(BadInput):
    """python-amazon-sp-api or keyring is missing: the offline workflow still works."""

    def __init__(self) -> None:
        super().__init__(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Marketplace",
                    "The Seller Central connection needs two more packages: install them "
                    "with {command}. Everything else works without them.",
                ),
                command=INSTALL_HINT,
            )
        )


class NotConnected(BadInput):
    def __init__(self) -> None:
        super().__init__(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Marketplace",
                    "No Seller Central connection is set up yet: run sellerdesk connect, or "
                    "open Marketplace connection in the window.",
                ),
            )
        )


class ConnectionFailed(SellerDeskError):
    """The marketplace could not be used: offline, refused access, or not answering."""

    exit_status = 2

    def __init__(self, message: Text, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


def offline(detail: Text | str) -> ConnectionFailed:
    return ConnectionFailed(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Seller Central cannot be reached ({detail}): working offline; what is "
                "waiting will be sent when the connection is back.",
            ),
            detail=detail,
        ),
        offline=True,
    )


def not_answering(status: int) -> ConnectionFailed:
    return ConnectionFailed(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Seller Central is not answering properly (error {status}) even after "
                "several tries: working offline; what is waiting will be sent later.",
            ),
            status=status,
        ),
        offline=True,
    )


def bad_secret(detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Seller Central refused the credentials ({detail}): check the client id, "
                "client secret and refresh token of your private application.",
            ),
            detail=detail,
        )
    )


def missing_role(detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Seller Central refused the request ({detail}): the private application "
                "probably lacks a role (Inventory and Order Tracking, Direct-to-Consumer "
                "Shipping); add it and authorise the application again.",
            ),
            detail=detail,
        )
    )


class NoBuyerData(ConnectionFailed):
    """The application may not read buyers' names and addresses (no Restricted Data Token)."""


def no_buyer_data(detail: str) -> NoBuyerData:
    return NoBuyerData(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Marketplace",
                "Seller Central refused access to buyers' names and addresses ({detail}): "
                "the private application lacks the Direct-to-Consumer Shipping role, so the "
                "unshipped-orders report cannot be downloaded; add the role and authorise "
                "the application again.",
            ),
            detail=detail,
        )
    )


def refused(detail: str) -> ConnectionFailed:
    return ConnectionFailed(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Marketplace", "Seller Central refused the request: {detail}"),
            detail=detail,
        )
    )
