"""What a person may see of one request, and the admin's list of users."""

from __future__ import annotations

import pytest

from core import workflow
from core.browse import all_users
from core.errors import PermissionDenied
from core.request_views import cart_summary, customer_of, timeline
from tests.conftest import NOW
from tests.factories import make_request, make_user


def test_the_customer_and_staff_see_the_cart_history_and_customer_of_a_request(session):
    customer = make_user(session, now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    workflow.fire(session=session, request_id=req.id, event="approve", actor=officer, now=NOW)
    for actor in (customer, officer):
        [(dataset, variables, row_filter)] = cart_summary(session=session, request_id=req.id, actor=actor)
        assert (dataset.title, variables, row_filter) == ("Dataset Uji", ["R101", "R405"], "")
        assert [e.event for e in timeline(session=session, request_id=req.id, actor=actor)] == ["approve"]
        assert customer_of(session=session, request_id=req.id, actor=actor).id == customer.id


def test_another_customer_sees_none_of_it(session):
    customer = make_user(session, now=NOW)
    stranger = make_user(session, now=NOW)
    req = make_request(session, customer=customer, status="submitted", now=NOW)
    for view in (cart_summary, timeline, customer_of):
        with pytest.raises(PermissionDenied):
            view(session=session, request_id=req.id, actor=stranger)


def test_only_an_admin_lists_the_users(session):
    admin = make_user(session, role="admin", now=NOW)
    officer = make_user(session, role="officer", now=NOW)
    assert [u.username for u in all_users(session=session, actor=admin)] == [admin.username, officer.username]
    with pytest.raises(PermissionDenied):
        all_users(session=session, actor=officer)
