"""The message thread of a request."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.errors import PermissionDenied, UserError
from core.messages import post_message, thread
from tests.conftest import NOW
from tests.factories import make_request, make_user


def test_customer_and_officer_write_in_one_thread_in_order(session):
    customer = make_user(session, now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    post_message(session=session, request_id=req.id, actor=customer, body=" Kapan data siap? ", now=NOW)
    post_message(
        session=session, request_id=req.id, actor=officer, body="Besok.", now=NOW + timedelta(hours=1)
    )
    seen_by_customer = [
        (m.body, name) for m, name in thread(session=session, request_id=req.id, actor=customer)
    ]
    assert seen_by_customer == [("Kapan data siap?", customer.name), ("Besok.", officer.name)]


def test_a_stranger_can_neither_read_nor_write_the_thread(session):
    customer = make_user(session, now=NOW)
    stranger = make_user(session, now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    with pytest.raises(PermissionDenied):
        post_message(session=session, request_id=req.id, actor=stranger, body="halo", now=NOW)
    with pytest.raises(PermissionDenied):
        thread(session=session, request_id=req.id, actor=stranger)


def test_a_manager_reads_but_does_not_write(session):
    customer = make_user(session, now=NOW)
    manager = make_user(session, role="manager", now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    assert thread(session=session, request_id=req.id, actor=manager) == []
    with pytest.raises(PermissionDenied):
        post_message(session=session, request_id=req.id, actor=manager, body="catatan", now=NOW)


@pytest.mark.parametrize(("body", "message"), [("   ", "Pesan kosong."), ("x" * 4001, "terlalu panjang")])
def test_an_empty_or_overlong_message_is_refused(session, body, message):
    customer = make_user(session, now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    with pytest.raises(UserError, match=message):
        post_message(session=session, request_id=req.id, actor=customer, body=body, now=NOW)
