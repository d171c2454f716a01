"""SellerDesk core: orders, rules, persistence, report import. No Qt here."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sellerdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
