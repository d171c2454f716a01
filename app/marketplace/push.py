"""Sending queued batches through the Feeds API without ever sending one twice.

Each step is recorded in the database before and after the call that could
leave the marketplace in a new state, so a run killed anywhere resumes from
what is known rather than starting again:

1. ``queued``: the batch's exact bytes wait in ``feed_submissions``.
2. createFeedDocument → its id is recorded (``document``). A document no feed
   names is never processed, so a run stopped here or during the upload simply
   creates a new document next time.
3. upload (PUT to the document's address) → ``uploaded``.
4. ``submitting`` and the moment are recorded, *then* createFeed is asked.
5. createFeed's feed id is recorded → ``submitted``, state ``sent``.

A batch found in ``submitting`` at the next run was stopped while createFeed was
on its way: the marketplace may or may not have it. It is looked up with
getFeeds (this feed type, created since the recorded moment, not a feed id we
already hold): exactly one found → that is ours, its id is recorded and it is
followed like any other; none found after ``grace`` → it never arrived and
createFeed is asked again with the same document; more than one → the batch is
left as it is with a problem for the seller to check, never re-submitted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.marketplace import ledger
from app.marketplace.ledger import CONTENT_TYPE, State, Step
from app.marketplace.processing_report import parse
from app.marketplace.transport import Transport
from app.storage.db import Database
from app.storage.models import FeedSubmission

# How long a createFeed we lost the answer of may take to show in getFeeds.
GRACE = timedelta(minutes=2)
# Feeds listed a little before the recorded moment count too (clocks differ).
CLOCK_MARGIN = timedelta(minutes=5)
IN_FLIGHT = (State.SENT.value, State.PROCESSING.value)
NOT_SUBMITTED = (Step.QUEUED.value, Step.DOCUMENT.value, Step.UPLOADED.value, Step.SUBMITTING.value)


def _record(db: Database, batch_id: int, **values: object) -> FeedSubmission:
    with db.transaction() as session:
        submission = session.get(FeedSubmission, batch_id)
        assert submission is not None
        for name, value in values.items():
            setattr(submission, name, value)
        submission.updated_at = clock.now()
        return submission


def waiting(db: Database) -> list[int]:
    """Batches not yet known to the marketplace by a feed id, oldest first."""
    with db.reading() as session:
        return list(
            session.scalars(
                select(FeedSubmission.export_batch_id)
                .where(FeedSubmission.step.in_(NOT_SUBMITTED))
                .order_by(FeedSubmission.export_batch_id)
            )
        )


def in_flight(db: Database) -> list[int]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(FeedSubmission.export_batch_id)
                .where(FeedSubmission.state.in_(IN_FLIGHT), FeedSubmission.feed_id.is_not(None))
                .order_by(FeedSubmission.export_batch_id)
            )
        )


def _known_feed_ids(db: Database) -> set[str]:
    with db.reading() as session:
        return set(
            session.scalars(
                select(FeedSubmission.feed_id).where(FeedSubmission.feed_id.is_not(None))
            )
        )


def send(db: Database, transport: Transport, batch_id: int, *, grace: timedelta = GRACE) -> State:
    """Take one batch as far as a recorded feed id; safe to call again after any stop."""
    with db.reading() as session:
        submission = session.get(FeedSubmission, batch_id)
        assert submission is not None
        step = Step(submission.step)
        feed_type = submission.feed_type
        content = submission.content
        document_id = submission.feed_document_id
        since = submission.submitting_since
    if step is Step.SUBMITTING:
        assert since is not None
        ours = [
            feed_id
            for feed_id in transport.feeds_since(feed_type, since - CLOCK_MARGIN)
            if feed_id not in _known_feed_ids(db)
        ]
        if len(ours) == 1:
            _record(
                db,
                batch_id,
                step=Step.SUBMITTED.value,
                feed_id=ours[0],
                state=State.SENT.value,
                problem=None,
            )
            return State.SENT
        if ours:
            _record(
                db,
                batch_id,
                problem="Several feeds of this type reached Seller Central while this batch "
                "was being sent; check its upload history. This batch is not sent again "
                "automatically.",
            )
            return State.WRITTEN
        if clock.now() - since < grace:
            return State.WRITTEN  # maybe not listed yet: look again at the next sync
        step = Step.UPLOADED  # it never arrived: asking again cannot make two
    if step in (Step.QUEUED, Step.DOCUMENT):
        document_id, url = transport.create_feed_document(CONTENT_TYPE)
        _record(db, batch_id, step=Step.DOCUMENT.value, feed_document_id=document_id)
        transport.upload(url, content, CONTENT_TYPE)
        _record(db, batch_id, step=Step.UPLOADED.value)
        step = Step.UPLOADED
    if step is Step.UPLOADED:
        assert document_id is not None
        _record(db, batch_id, step=Step.SUBMITTING.value, submitting_since=clock.now())
        feed_id = transport.create_feed(feed_type, document_id)
        _record(
            db,
            batch_id,
            step=Step.SUBMITTED.value,
            feed_id=feed_id,
            state=State.SENT.value,
            problem=None,
        )
        return State.SENT
    with db.reading() as session:
        found = session.get(FeedSubmission, batch_id)
        assert found is not None
        return State(found.state)


def poll(db: Database, transport: Transport, batch_id: int) -> State:
    """Ask how far the marketplace got with a sent batch; read its report when done."""
    with db.reading() as session:
        submission = session.get(FeedSubmission, batch_id)
        assert submission is not None and submission.feed_id is not None
        feed_id = submission.feed_id
    status, result_document = transport.feed_status(feed_id)
    if status in ("IN_QUEUE", "IN_PROGRESS"):
        _record(db, batch_id, state=State.PROCESSING.value)
        return State.PROCESSING
    refused: dict[int, str] = {}
    report_problem: str | None = None
    if result_document:
        report = parse(transport.feed_result(result_document))
        refused = report.refused
    if status != "DONE":
        report_problem = f"Seller Central could not process the file ({status})."
    at = clock.now()
    with db.transaction() as session:
        submission = session.get(FeedSubmission, batch_id)
        assert submission is not None
        if submission.state not in IN_FLIGHT:
            return State(submission.state)  # another run settled it meanwhile
        if report_problem is not None:
            # Nothing of a failed feed was applied: every line is refused.
            records = ledger.records_of(session, batch_id)
            refused = {record: refused.get(record, report_problem) for record in records}
        accepted, refused_rows = ledger.settle(session, submission, refused, at)
        submission.state = State.FAILED.value if report_problem else State.DONE.value
        submission.step = Step.FINISHED.value
        submission.accepted = accepted
        submission.refused = refused_rows
        submission.problem = report_problem
        submission.updated_at = at
        return State(submission.state)


def follow(
    db: Database,
    transport: Transport,
    batch_ids: list[int],
    *,
    wait: Callable[[float], None],
    interval: float,
    rounds: int,
) -> dict[int, State]:
    """Poll the batches until each is done or failed, or ``rounds`` are over."""
    states: dict[int, State] = {}
    pending = list(batch_ids)
    for round_number in range(rounds):
        still: list[int] = []
        for batch_id in pending:
            state = poll(db, transport, batch_id)
            states[batch_id] = state
            if state in (State.SENT, State.PROCESSING):
                still.append(batch_id)
        pending = still
        if not pending:
            break
        if round_number < rounds - 1:
            wait(interval)
    return states
