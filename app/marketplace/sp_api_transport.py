"""The only part that talks HTTP: Reports, Feeds and tokens through python-amazon-sp-api.

The library signs nothing by hand for us (the Selling Partner API needs only the
Login with Amazon token), builds the requests, maps the marketplace's JSON
errors to exceptions and caches the access token. Around it this module adds
what a desktop app needs: one ``httpx`` client with timeouts for every call
(the library's own and the document downloads and uploads), a wait as the
marketplace's rate headers say on 429, retries with backoff on network
errors and 5xx, and plain-words errors (:mod:`app.marketplace.errors`).

The unshipped-orders report carries buyers' names and addresses: its document
is fetched with a Restricted Data Token (Tokens API createRestrictedDataToken
for that one document's path), as the Selling Partner API requires; the
library's own ``restricted_data_token`` client argument carries it.

Calls that must not be repeated blindly (createFeed) are never retried here:
the caller records what it is about to do first (see :mod:`app.marketplace.push`).
Imported only when a connection is opened: it needs the ``marketplace`` extra.
"""

from __future__ import annotations

import functools
import gzip
import ssl
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from sp_api.api import Feeds, Reports, Tokens
from sp_api.auth import AccessTokenClient
from sp_api.auth import access_token_client as token_cache
from sp_api.auth.exceptions import AuthorizationError
from sp_api.base import Marketplaces, SellingApiException, fill_query_params
from sp_api.base._transport_httpx import HttpxTransport

from app.clock import iso
from app.marketplace import config, errors
from app.marketplace.config import ConnectionSettings
from app.marketplace.secrets import Credentials
from app.marketplace.transport import LONGEST_WAIT, Retry, ServerTrouble, Throttled
from app.text import QT_TRANSLATE_NOOP, Text, text

T = TypeVar("T")
CTX = "Marketplace"
FEED_DOCUMENT_PATH = "/feeds/2021-06-30/documents/{}"
REPORT_DOCUMENT_PATH = "/reports/2021-06-30/documents/{}"
# Only asked of the token service by Test connection, to learn whether the application
# may read buyers' data: a specific path as the Tokens API requires, naming no real report.
PROBE_DOCUMENT = "amzn1.spdoc.1.4.eu.00000000-0000-0000-0000-000000000000"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every client of the run: each new one reads the certificate
    store again (about 65 ms), and a sync opens seven of them (the library's clients)."""
    return httpx.create_ssl_context()


def wait_from_headers(headers: httpx.Headers) -> float:
    """Retry-After when given, else one request's worth of x-amzn-RateLimit-Limit."""
    retry_after = headers.get("retry-after")
    if retry_after:
        try:
            return min(LONGEST_WAIT, max(0.0, float(retry_after)))
        except ValueError:
            pass
    rate = headers.get("x-amzn-ratelimit-limit")
    if rate:
        try:
            per_second = float(rate)
            if per_second > 0:
                return min(LONGEST_WAIT, 1.0 / per_second)
        except ValueError:
            pass
    return 1.0


def _check(response: httpx.Response) -> None:
    """Turn 429 and 5xx into exceptions before the library reads the body as JSON."""
    if response.status_code == 429:
        raise Throttled(wait_from_headers(response.headers))
    if response.status_code >= 500:
        raise ServerTrouble(response.status_code)


def _token_client(token_url: str, http: httpx.Client) -> type[AccessTokenClient]:
    parts = urlsplit(token_url)

    class TokenClient(AccessTokenClient):  # type: ignore[misc]
        scheme = f"{parts.scheme}://"
        host = parts.netloc
        path = parts.path

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._transport.close()  # type: ignore[has-type]  # ours has the timeouts
            self._transport = HttpxTransport(client=http)

    return TokenClient


def _detail(error: SellingApiException) -> str:
    message = getattr(error, "message", None)
    code = getattr(error, "amzn_code", None)
    return " — ".join(part for part in (code, message) if part) or type(error).__name__


class SpApiTransport:
    def __init__(
        self, chosen: ConnectionSettings, credentials: Credentials, retry: Retry | None = None
    ) -> None:
        self.retry = retry or Retry()
        self.marketplace_ids = chosen.marketplace_ids
        self.http = httpx.Client(timeout=TIMEOUT, verify=_tls(), event_hooks={"response": [_check]})
        self.endpoint = config.endpoint(chosen.region)
        self.arguments: dict[str, Any] = {
            "marketplace": Marketplaces[chosen.marketplaces[0]],
            "refresh_token": credentials.refresh_token,
            "credentials": {
                "refresh_token": credentials.refresh_token,
                "lwa_app_id": credentials.client_id,
                "lwa_client_secret": credentials.client_secret,
            },
            "auth_token_client_class": _token_client(config.token_url(), self.http),
            "verify": _tls(),
        }
        self.reports = self._client(Reports)
        self.feeds = self._client(Feeds)
        self.tokens = self._client(Tokens)

    def _client(self, kind: type[T], **extra: Any) -> T:
        """One of the library's API clients, on our endpoint and our httpx client."""
        client = kind(**self.arguments, **extra)
        client.endpoint = self.endpoint  # type: ignore[attr-defined]
        client._transport.close()  # type: ignore[attr-defined]
        client._transport = HttpxTransport(client=self.http)  # type: ignore[attr-defined]
        return client

    def close(self) -> None:
        self.http.close()

    # --- retries -------------------------------------------------------------------

    def _call(
        self,
        call: Callable[[], T],
        *,
        repeatable: bool = True,
        denied: Callable[[str], errors.ConnectionFailed] = errors.missing_role,
    ) -> T:
        """One call with the waits and retries the marketplace asks for, or a clear error."""
        delay = self.retry.backoff
        attempt = 0
        while True:
            attempt += 1
            try:
                return call()
            except Throttled as throttled:
                # Throttled requests were not carried out: always safe to send again.
                if attempt >= self.retry.attempts * 2:
                    raise errors.not_answering(429) from None
                self.retry.wait(throttled.seconds)
                continue
            except ServerTrouble as trouble:
                if not repeatable or attempt >= self.retry.attempts:
                    raise errors.not_answering(trouble.status) from None
            except httpx.TransportError as error:
                if not repeatable or attempt >= self.retry.attempts:
                    raise errors.offline(_network_words(error)) from None
            except AuthorizationError as error:
                raise errors.bad_secret(str(error.error_code or error.status_code)) from None
            except SellingApiException as error:
                if error.code in (401, 403):
                    raise denied(_detail(error)) from None
                raise errors.refused(_detail(error)) from None
            self.retry.wait(delay)
            delay *= 2

    # --- the calls -----------------------------------------------------------------

    def check(self) -> None:
        """A fresh token and one cheap Reports call: secrets, roles and network in one go."""
        token_cache.cache.clear()
        self._call(lambda: self.reports.get_reports(reportTypes="GET_FLAT_FILE_ORDERS_DATA"))
        try:
            self._restricted_token(PROBE_DOCUMENT)
        except errors.NoBuyerData:
            raise
        except errors.ConnectionFailed as failure:
            if failure.offline:
                raise
            # Refused for another reason (the probe names no real document): the role is
            # not what was refused, and the real download will say more if it fails.

    def _restricted_token(self, document_id: str) -> str:
        """A Restricted Data Token for downloading one report document with buyers' data."""
        path = fill_query_params(REPORT_DOCUMENT_PATH, document_id)
        # Asking again for a token is harmless: repeatable. dataElements is left out: the
        # Tokens API uses it for the Orders API only, a report document is named by its path.
        found = self._call(
            lambda: self.tokens.create_restricted_data_token(
                restrictedResources=[{"method": "GET", "path": path}]
            ),
            denied=errors.no_buyer_data,
        )
        return str(found.payload["restrictedDataToken"])

    def create_report(self, report_type: str, start: datetime | None) -> str:
        body: dict[str, Any] = {"reportType": report_type, "marketplaceIds": self.marketplace_ids}
        if start is not None:
            body["dataStartTime"] = iso(start)
        # Asking twice for a report costs a little quota and nothing else: repeatable.
        found = self._call(lambda: self.reports.create_report(**body))
        return str(found.payload["reportId"])

    def report_status(self, report_id: str) -> tuple[str, str | None]:
        found = self._call(lambda: self.reports.get_report(report_id))
        return str(found.payload["processingStatus"]), found.payload.get("reportDocumentId")

    def report_document(self, document_id: str, *, restricted: bool = False) -> bytes:
        reports = self.reports
        denied = errors.missing_role
        if restricted:
            token = self._restricted_token(document_id)
            reports = self._client(Reports, restricted_data_token=token)
            denied = errors.no_buyer_data
        found = self._call(lambda: reports.get_report_document(document_id), denied=denied)
        return self._download(found.payload)

    def create_feed_document(self, content_type: str) -> tuple[str, str]:
        # A feed document no feed names is never processed: creating another is harmless.
        found = self._call(lambda: self.feeds.create_feed_document(None, content_type))
        return str(found.payload["feedDocumentId"]), str(found.payload["url"])

    def upload(self, url: str, data: bytes, content_type: str) -> None:
        def put() -> None:
            self.http.put(url, content=data, headers={"Content-Type": content_type})

        self._call(put)  # the same bytes to the same address: repeatable

    def create_feed(self, feed_type: str, document_id: str) -> str:
        found = self._call(
            lambda: self.feeds.create_feed(
                feed_type, document_id, marketplaceIds=self.marketplace_ids
            ),
            repeatable=False,
        )
        return str(found.payload["feedId"])

    def feed_status(self, feed_id: str) -> tuple[str, str | None]:
        found = self._call(lambda: self.feeds.get_feed(feed_id))
        return str(found.payload["processingStatus"]), found.payload.get("resultFeedDocumentId")

    def feeds_since(self, feed_type: str, since: datetime) -> list[str]:
        found = self._call(
            lambda: self.feeds.get_feeds(
                feedTypes=feed_type,
                createdSince=iso(since),
                marketplaceIds=",".join(self.marketplace_ids),
            )
        )
        listed = found.payload.get("feeds") or []
        return [str(feed["feedId"]) for feed in listed if feed.get("feedType") == feed_type]

    def feed_result(self, document_id: str) -> bytes:
        path = fill_query_params(FEED_DOCUMENT_PATH, document_id)
        found = self._call(lambda: self.feeds._request(path, params={}, add_marketplace=False))
        return self._download(found.payload)

    def _download(self, document: dict[str, Any]) -> bytes:
        url = str(document["url"])
        data = self._call(lambda: self.http.get(url).content)
        if document.get("compressionAlgorithm") == "GZIP" or data[:2] == b"\x1f\x8b":
            try:
                return gzip.decompress(data)
            except (OSError, EOFError):
                raise errors.refused("a document could not be unpacked (gzip)") from None
        return data


def _network_words(error: httpx.TransportError) -> Text:
    if isinstance(error, httpx.TimeoutException):
        return text(CTX, QT_TRANSLATE_NOOP("Marketplace", "no answer in time"))
    if isinstance(error, httpx.ConnectError):
        return text(CTX, QT_TRANSLATE_NOOP("Marketplace", "no network or server unreachable"))
    return text(CTX, QT_TRANSLATE_NOOP("Marketplace", "the connection was cut"))
