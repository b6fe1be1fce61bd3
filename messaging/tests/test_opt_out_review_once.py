"""One open opt-out review per team and number, even when two unclear replies are held at the same moment."""

import threading

import pytest
from django.db import connection, transaction

from messaging.models import OptOutReview
from messaging.opt_out_reviews import opt_out_review_hold
from usdatabiz.core.tests.concurrency import run_at_once

NUMBER = "5125550042"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two transactions at once need PostgreSQL")
def test_two_unclear_replies_held_at_once_make_one_open_review(team):
    # given two replies held in two transactions that overlap (the first commits after the second began)
    first_held, second_started = threading.Event(), threading.Event()
    made, errors = [], []

    def first():
        try:
            with transaction.atomic():
                made.append(opt_out_review_hold(team=team.pk, number=NUMBER, text="why do I keep getting these"))
                first_held.set()
                second_started.wait(10)
                threading.Event().wait(0.3)  # the second is inside its hold now
        except Exception as exc:  # noqa: BLE001 - reported in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    def second():
        try:
            first_held.wait(10)
            second_started.set()
            with transaction.atomic():
                made.append(opt_out_review_hold(team=team.pk, number=NUMBER, text="how did you get this number"))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    run_at_once(first, second, timeout=30)

    # then both got the same one open review
    assert errors == []
    assert OptOutReview.objects.filter(team=team, phone_number=NUMBER, status="held").count() == 1
    assert made[0].pk == made[1].pk


def test_a_number_held_by_another_team_gets_its_own_review(team, other_team):
    ours = opt_out_review_hold(team=team, number=NUMBER, text="stop?")
    theirs = opt_out_review_hold(team=other_team, number=NUMBER, text="stop?")

    assert ours.pk != theirs.pk
    assert OptOutReview.objects.filter(phone_number=NUMBER, status="held").count() == 2
