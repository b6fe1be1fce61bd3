"""A STOP (or a possible opt-out held for review) that comes while a text to that number is with the provider waits
for the provider's answer (``SMS_STOP_WAIT_SECONDS`` at most), so no text leaves after consent was withdrawn, and
the next text to the number is refused; texts to other people never wait for it (``usdatabiz/core/inflight.py``)."""

import threading
import time

import pytest
from django.db import connection

from campaigns.models import CampaignLead
from messaging import services
from messaging.models import Message, Suppression
from messaging.opt_out_reviews import opt_out_review_hold
from messaging.sms import OutcomeUnknown, SandboxSms

from .factories import sender_number_for, sending_campaign
from .test_send_batches import CountingSandbox

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a sender and a STOP at once need two connections; SQLite has one writer at a time, nothing to wait for",
)


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)  # 11:00 in Austin


def _until(condition, limit: float = 10) -> None:
    """Poll ``condition`` until it holds (``limit`` seconds at most, so that a broken lock fails instead of hanging)."""
    end = time.monotonic() + limit
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)


def _lock_waiters() -> int:
    """Sessions of this database waiting for an in-flight lock (read on the calling thread's connection)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return cursor.fetchone()[0]


def _in_thread(target, errors: list) -> threading.Thread:
    def run():
        try:
            target()
        except Exception as exc:  # noqa: BLE001 - reported by the test's thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _reply(team, operator, number: str, key: str, provider) -> Message:
    return services.message_send(
        team=team.pk, to_number=number, body="Thanks, talk soon", kind=Message.Kind.REPLY, key=key,
        approved_by=operator, provider=provider,
    )  # fmt: skip


def _stop(team, number):
    return services.suppression_add(team=team.pk, number=number, reason=Suppression.Reason.OPT_OUT, note="STOP")


def _review(team, number):
    return opt_out_review_hold(team=team.pk, number=number, text="why do I keep getting these")


@needs_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("write", "code"), [(_stop, "OPTED_OUT"), (_review, "OPT_OUT_REVIEW")])
def test_a_stop_during_a_text_waits_for_the_providers_answer_and_the_next_text_is_refused(
    team, operator, settings, write, code
):
    # given a campaign text to a number with a slow provider; a STOP from that number comes while the provider has
    # it, and an operator's reply to the number is sent while the STOP is being recorded
    settings.SMS_STOP_WAIT_SECONDS = 30  # longer than the test takes: only the answer ends the wait
    campaign = sending_campaign(team, operator, 1)
    number = CampaignLead.objects.get(campaign=campaign).phone_number
    order, errors = [], []
    in_provider, stop_done, reply_may_go, reply_done = (threading.Event() for _ in range(4))

    class SlowProvider(SandboxSms):
        def send_sms(self, **kwargs):
            in_provider.set()
            _until(lambda: _lock_waiters() >= 1 or stop_done.is_set())  # the STOP waits (or, unguarded, is done)
            reply_may_go.set()
            _until(lambda: _lock_waiters() >= 2 or reply_done.is_set())  # the reply queues behind it
            order.append("answered")
            return super().send_sms(**kwargs)

    def stop():
        in_provider.wait(10)
        write(team, number)
        order.append("consent recorded")
        stop_done.set()

    replied, texted_by_reply = [], CountingSandbox()

    def reply():
        reply_may_go.wait(10)
        replied.append(_reply(team, operator, number, "after-stop", texted_by_reply))
        reply_done.set()

    # when the campaign sends while the STOP and the reply come in
    threads = [_in_thread(stop, errors), _in_thread(reply, errors)]
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SlowProvider())
    for thread in threads:
        thread.join(30)

    # then the text in flight was answered before consent was recorded, and the reply behind it was refused
    assert errors == []
    assert order == ["answered", "consent recorded"]
    assert Message.objects.get(campaign=campaign).status == Message.Status.SENT
    assert texted_by_reply.texted == []
    assert (replied[0].status, replied[0].error_code) == (Message.Status.BLOCKED, code)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_stop_waits_no_longer_than_the_setting_when_the_provider_hangs(team, operator, settings):
    # given a reply to a number whose provider call hangs
    settings.SMS_STOP_WAIT_SECONDS = 0.05
    sender_number_for(team)
    number, errors, sent = "5125550188", [], []
    in_provider, hang_over = threading.Event(), threading.Event()

    class HungProvider(SandboxSms):
        def send_sms(self, **kwargs):
            in_provider.set()
            hang_over.wait(30)
            return super().send_sms(**kwargs)

    sender = _in_thread(lambda: sent.append(_reply(team, operator, number, "hung", HungProvider())), errors)
    in_provider.wait(10)
    try:
        # when the person's STOP comes while the provider still has the text
        entry = _stop(team, number)

        # then the STOP returned while the text is still in flight, and the number is suppressed
        assert Suppression.objects.filter(pk=entry.pk, team=team, phone_number=number, lifted_at=None).exists()
        assert sender.is_alive()
    finally:
        hang_over.set()
        sender.join(30)
    assert errors == []


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_texts_to_other_numbers_do_not_wait_for_a_stop_that_waits(team, operator, settings):
    # given a campaign text to one number that the provider holds, and a STOP from that number waiting for it
    settings.SMS_STOP_WAIT_SECONDS = 30
    campaign = sending_campaign(team, operator, 1)
    number = CampaignLead.objects.get(campaign=campaign).phone_number
    errors = []
    in_provider, stop_done, hang_over = threading.Event(), threading.Event(), threading.Event()

    class HeldProvider(SandboxSms):
        def send_sms(self, **kwargs):
            in_provider.set()
            hang_over.wait(30)
            return super().send_sms(**kwargs)

    def stop():
        in_provider.wait(10)
        _stop(team, number)
        stop_done.set()

    sender = _in_thread(lambda: services.campaign_send_slice(campaign_id=campaign.pk, provider=HeldProvider()), errors)
    stopper = _in_thread(stop, errors)
    try:
        in_provider.wait(10)
        _until(lambda: _lock_waiters() >= 1)

        # when an operator's reply to another person is sent meanwhile
        provider = CountingSandbox()
        other = _reply(team, operator, "5125550177", "other", provider)

        # then it went out while the STOP still waits
        assert (other.status, provider.texted) == (Message.Status.SENT, ["5125550177"])
        assert not stop_done.is_set()
    finally:
        hang_over.set()
        sender.join(30)
        stopper.join(30)
    assert errors == []
    assert stop_done.is_set()


def _in_flight_locks_held() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the in-flight locks are PostgreSQL's; SQLite takes none")
def test_the_lock_is_released_when_the_provider_raises(team, operator, settings):
    # given providers that raise in the middle of a reply and of a campaign batch (a bug, a worker being stopped)
    class Broken(SandboxSms):
        def send_sms(self, **kwargs):
            raise RuntimeError("the provider's client broke")

    class Stopped(BaseException):
        pass

    class Killed(SandboxSms):
        def send_sms(self, **kwargs):
            raise Stopped

    class Unknown(SandboxSms):
        def send_sms(self, **kwargs):
            raise OutcomeUnknown("no answer in time")

    campaign = sending_campaign(team, operator, 2)
    held = _reply(team, operator, "5125550155", "unknown", Unknown())
    assert held.status == Message.Status.HELD

    # when each raises: a reply, a campaign batch and a person's release of a held text
    with pytest.raises(RuntimeError):
        _reply(team, operator, "5125550166", "broken", Broken())
    with pytest.raises(Stopped):
        services.campaign_send_slice(campaign_id=campaign.pk, provider=Killed())
    with pytest.raises(RuntimeError):
        services.message_release(message=held, user=operator, provider=Broken())

    # then this connection holds no in-flight lock: a STOP for those numbers would not wait
    assert _in_flight_locks_held() == 0
