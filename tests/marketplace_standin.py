"""A local stand-in for Seller Central's Selling Partner API, for tests only.

It listens on 127.0.0.1 only, in a daemon thread, and speaks the documented JSON
of the calls SellerDesk makes: the Login with Amazon token, Reports 2021-06-30
(createReport, getReport, getReportDocument and the document download, gzip
when asked) and Feeds 2021-06-30 (createFeedDocument, the upload, createFeed,
getFeeds, getFeed, getFeedDocument and a flat-file processing report with
refused lines) and Tokens 2021-03-01 (createRestrictedDataToken: the
unshipped-orders report's document, which carries buyers' names and addresses,
is refused with 403 Unauthorized unless asked with a Restricted Data Token
naming its exact path, as the real API does). Faults are queued by the test:
429 with rate headers, 5xx, a connection dropped in the middle of an upload or
before createFeed answers.
Point SellerDesk at it with ``SELLERDESK_SPAPI_ENDPOINT=<StandIn.url>``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

CLIENT_ID = "amzn1.application-oa2-client.standin"
CLIENT_SECRET = "stand-in-secret"
REFRESH_TOKEN = "Atzr|stand-in-refresh"
ACCESS_TOKEN = "Atza|stand-in-access"
# Reports whose documents carry buyers' data (PII): getReportDocument needs an RDT.
RESTRICTED_REPORTS = frozenset({"GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING"})
UNAUTHORIZED = {
    "errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied."}]
}
MAX_BODY = 5_000_000  # bounded: a test never sends more
PROCESSING_HEADER = (
    "original-record-number\torder-id\torder-item-id\terror-code\terror-type\terror-message"
)


@dataclass
class Fault:
    method: str
    path: str  # a prefix of the request path
    kind: str  # "429", "500", "503", "drop", "drop-after" (done, no answer), "hang-after"
    times: int = 1


@dataclass
class Feed:
    feed_id: str
    feed_type: str
    document_id: str
    created: datetime
    polls: int = 0
    result_document: str | None = None
    status: str = "IN_QUEUE"
    accepted_rows: list[dict[str, str]] = field(default_factory=list)


def data_rows(content: bytes) -> list[dict[str, str]]:
    lines = [line for line in content.decode("utf-8").split("\n") if line.strip()]
    if lines and lines[0].startswith("TemplateType"):
        lines = lines[1:]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


class StandIn:
    def __init__(self) -> None:
        self.reports: dict[str, bytes] = {}  # report type -> the report's bytes
        self.gzip_reports = True
        self.report_polls_before_done = 1
        self.feed_polls_before_done = 2
        self.fatal_feeds = False
        # Which rows the marketplace refuses: row -> message, or None to accept it.
        self.refuse: Callable[[str, dict[str, str]], str | None] = lambda _type, _row: None
        self.missing_role = False
        self.buyer_data_role = True  # the Direct-to-Consumer Shipping role (PII)
        self.restricted_tokens: dict[str, set[str]] = {}  # RDT -> the paths it opens
        self.restricted_requests: list[dict[str, Any]] = []
        self.faults: list[Fault] = []
        self.calls: list[tuple[str, str]] = []
        self.feeds: dict[str, Feed] = {}
        self.report_requests: list[dict[str, Any]] = []
        self.uploads: dict[str, bytes] = {}
        self.documents: dict[str, bytes] = {}
        self._reports: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self.lock = threading.Lock()
        self.hanging = threading.Event()  # a "hang-after" request arrived and was carried out
        self.release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.server.timeout = 5
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.release.set()
        if self.thread.is_alive():
            self.go_down()

    def go_down(self) -> None:
        """The marketplace is unreachable: nothing listens on its port any more."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def come_back(self) -> None:
        """Listening again on the same address, with everything it knew."""
        host, port = self.server.server_address[:2]
        self.server = ThreadingHTTPServer((str(host), int(port)), _handler(self))
        self.server.daemon_threads = True
        self.server.timeout = 5
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def fail(self, method: str, path: str, kind: str, times: int = 1) -> None:
        with self.lock:
            self.faults.append(Fault(method, path, kind, times))

    def accepted_rows(self) -> list[tuple[str, dict[str, str]]]:
        with self.lock:
            return [
                (feed.feed_type, row) for feed in self.feeds.values() for row in feed.accepted_rows
            ]

    def _fault(self, method: str, path: str) -> str | None:
        with self.lock:
            for fault in self.faults:
                if fault.method == method and path.startswith(fault.path) and fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        self.faults.remove(fault)
                    return fault.kind
        return None

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids)}"

    # --- the API ---------------------------------------------------------------------

    def token(self, form: dict[str, str]) -> tuple[int, Any]:
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {
                "error": "invalid_client",
                "error_description": "Client authentication failed",
            }
        if form.get("refresh_token") != REFRESH_TOKEN:
            return 400, {
                "error": "invalid_grant",
                "error_description": "The request has an invalid grant parameter",
            }
        return 200, {
            "access_token": ACCESS_TOKEN,
            "refresh_token": REFRESH_TOKEN,
            "token_type": "bearer",
            "expires_in": 3600,
        }

    def restricted_path(self, method: str, path: str) -> bool:
        """getReportDocument of a report with buyers' data: only an RDT opens it."""
        parts = path.strip("/").split("/")
        if method != "GET" or parts[:3] != ["reports", "2021-06-30", "documents"]:
            return False
        with self.lock:
            return any(
                f"D{report_id}" == parts[3] and report["type"] in RESTRICTED_REPORTS
                for report_id, report in self._reports.items()
            )

    def allowed(self, method: str, path: str, token: str | None) -> bool:
        if self.missing_role:
            return False
        with self.lock:
            opens = self.restricted_tokens.get(token or "")
        if self.restricted_path(method, path):
            return opens is not None and path in opens
        return token == ACCESS_TOKEN

    def restricted_token(self, payload: dict[str, Any]) -> tuple[int, Any]:
        self.restricted_requests.append(payload)
        if not self.buyer_data_role:
            return 403, UNAUTHORIZED
        resources = payload.get("restrictedResources") or []
        paths = {str(found["path"]) for found in resources if found.get("method") == "GET"}
        if not paths or any(not path.rsplit("/", 1)[1] for path in paths):
            return 400, {"errors": [{"code": "InvalidInput", "message": "A specific path."}]}
        token = f"Atz.sprdt|{self.next_id('T')}"
        self.restricted_tokens[token] = paths
        return 200, {"restrictedDataToken": token, "expiresIn": 3600}

    def handle(
        self, method: str, path: str, query: dict[str, str], body: bytes, base: str
    ) -> tuple[int, Any]:
        if path == "/auth/o2/token":
            return self.token({key: values[0] for key, values in parse_qs(body.decode()).items()})
        if path.startswith("/download/"):
            return 200, self.documents[path.rsplit("/", 1)[1]]
        if path.startswith("/upload/"):
            self.uploads[path.rsplit("/", 1)[1]] = body
            return 200, b""
        parts = path.strip("/").split("/")
        payload = json.loads(body) if body else {}
        with self.lock:
            if parts[:3] == ["tokens", "2021-03-01", "restrictedDataToken"]:
                return self.restricted_token(payload)
            if parts[:3] == ["reports", "2021-06-30", "reports"]:
                if method == "POST":
                    report_id = self.next_id("R")
                    self.report_requests.append(payload)
                    self._reports[report_id] = {"type": payload["reportType"], "polls": 0}
                    return 202, {"reportId": report_id}
                if method == "GET" and len(parts) == 3:
                    return 200, {"reports": []}
                if method == "GET" and len(parts) == 4:
                    report = self._reports[parts[3]]
                    report["polls"] += 1
                    found: dict[str, Any] = {
                        "reportId": parts[3],
                        "reportType": report["type"],
                        "createdTime": datetime.now(UTC).isoformat(),
                        "processingStatus": "IN_PROGRESS",
                    }
                    if report["polls"] > self.report_polls_before_done:
                        if report["type"] not in self.reports:
                            found["processingStatus"] = "CANCELLED"
                        else:
                            document_id = f"D{parts[3]}"
                            data = self.reports[report["type"]]
                            self.documents[document_id] = (
                                gzip.compress(data) if self.gzip_reports else data
                            )
                            found["processingStatus"] = "DONE"
                            found["reportDocumentId"] = document_id
                    return 200, found
            if parts[:3] == ["reports", "2021-06-30", "documents"]:
                document: dict[str, Any] = {
                    "reportDocumentId": parts[3],
                    "url": f"{base}/download/{parts[3]}",
                }
                if self.gzip_reports:
                    document["compressionAlgorithm"] = "GZIP"
                return 200, document
            if parts[:3] == ["feeds", "2021-06-30", "documents"]:
                if method == "POST":
                    document_id = self.next_id("FD")
                    return 201, {
                        "feedDocumentId": document_id,
                        "url": f"{base}/upload/{document_id}",
                    }
                return 200, {
                    "feedDocumentId": parts[3],
                    "url": f"{base}/download/{parts[3]}",
                    "compressionAlgorithm": "GZIP",
                }
            if parts[:3] == ["feeds", "2021-06-30", "feeds"]:
                if method == "POST":
                    feed = Feed(
                        self.next_id("F"),
                        payload["feedType"],
                        payload["inputFeedDocumentId"],
                        datetime.now(UTC),
                    )
                    self.feeds[feed.feed_id] = feed
                    return 202, {"feedId": feed.feed_id}
                if len(parts) == 3:
                    since = query.get("createdSince")
                    types = set((query.get("feedTypes") or "").split(","))
                    listed = [
                        self._feed_json(feed)
                        for feed in self.feeds.values()
                        if feed.feed_type in types
                        and (since is None or feed.created >= datetime.fromisoformat(since))
                    ]
                    return 200, {"feeds": listed}
                feed = self.feeds[parts[3]]
                feed.polls += 1
                if feed.polls > 1:
                    feed.status = "IN_PROGRESS"
                if feed.polls > self.feed_polls_before_done:
                    self._finish(feed)
                return 200, self._feed_json(feed)
        return 404, {"errors": [{"code": "NotFound", "message": f"{method} {path}"}]}

    def _feed_json(self, feed: Feed) -> dict[str, Any]:
        found: dict[str, Any] = {
            "feedId": feed.feed_id,
            "feedType": feed.feed_type,
            "createdTime": feed.created.isoformat(),
            "processingStatus": feed.status,
        }
        if feed.result_document:
            found["resultFeedDocumentId"] = feed.result_document
        return found

    def _finish(self, feed: Feed) -> None:
        if feed.result_document:
            return
        rows = data_rows(self.uploads.get(feed.document_id, b""))
        feed.result_document = f"RD{feed.feed_id}"
        if self.fatal_feeds:
            feed.status = "FATAL"
            report = "Feed Processing Summary:\n\tNumber of records processed\t\t0\n"
            self.documents[feed.result_document] = gzip.compress(report.encode())
            return
        feed.status = "DONE"
        problems: list[str] = []
        for number, row in enumerate(rows, start=1):
            message = self.refuse(feed.feed_type, row)
            if message is None:
                feed.accepted_rows.append(row)
            else:
                problems.append(
                    f"{number}\t{row.get('order-id', '')}\t{row.get('order-item-id', '')}"
                    f"\t18028\tError\t{message}"
                )
        report = (
            "Feed Processing Summary:\n"
            f"\tNumber of records processed\t\t{len(rows)}\n"
            f"\tNumber of records successful\t\t{len(rows) - len(problems)}\n\n"
            + PROCESSING_HEADER
            + "\n"
            + "".join(f"{line}\n" for line in problems)
        )
        self.documents[feed.result_document] = gzip.compress(report.encode())


def _handler(standin: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: Any) -> None:
            pass  # quiet tests

        def _serve(self, method: str) -> None:
            split = urlsplit(self.path)
            length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
            fault = standin._fault(method, split.path)
            if fault == "drop":
                # Half the body read, then the connection is cut: the client sees an error.
                self.rfile.read(length // 2)
                self.close_connection = True
                self.connection.shutdown(2)
                return
            body = self.rfile.read(length) if length else b""
            standin.calls.append((method, split.path))
            if fault in ("429", "500", "503"):
                status = int(fault)
                headers = {"x-amzn-RateLimit-Limit": "20"} if status == 429 else {}
                if status == 429:
                    data = json.dumps(
                        {
                            "errors": [
                                {
                                    "code": "QuotaExceeded",
                                    "message": "You exceeded your quota for the "
                                    "requested resource.",
                                }
                            ]
                        }
                    ).encode()
                else:
                    data = b"<html>Service Unavailable</html>"
                self._answer(
                    status, data, headers, "application/json" if status == 429 else "text/html"
                )
                return
            if not split.path.startswith(
                ("/auth/", "/download/", "/upload/")
            ) and not standin.allowed(method, split.path, self.headers.get("x-amz-access-token")):
                self._answer(403, json.dumps(UNAUTHORIZED).encode())
                return
            query = {key: values[0] for key, values in parse_qs(split.query).items()}
            status, answer = standin.handle(method, split.path, query, body, standin.url)
            if fault == "hang-after":
                # Done on the marketplace; the answer waits until the test lets it go.
                standin.hanging.set()
                standin.release.wait(timeout=20)
                fault = "drop-after"
            if fault == "drop-after":
                # Done on the marketplace, but the answer never reaches the client.
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if isinstance(answer, bytes):
                self._answer(status, answer, content_type="application/octet-stream")
            else:
                self._answer(status, json.dumps(answer).encode())

        def _answer(
            self,
            status: int,
            data: bytes,
            headers: dict[str, str] | None = None,
            content_type: str = "application/json",
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_PUT(self) -> None:
            self._serve("PUT")

    return Handler
