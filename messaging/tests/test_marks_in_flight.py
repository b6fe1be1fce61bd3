"""A number marked do-not-contact or do-not-call (a person's flag, a phone's flag: team-wide marks) while a text to it
is with the provider waits for the provider's answer, like a STOP, and the next text to it is refused with the mark's
code; a write that marks many numbers at once (a skip trace) waits only for its own (``usdatabiz/core/inflight.py``)."""

import threading
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from campaigns.models import CampaignLead
from identity.models import Persona, PersonaPhone
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead
from leads.skiptrace.adapter import PhoneFound, TraceOutcome
from leads.skiptrace.sandbox import SandboxSkipTrace
from messaging import services
from messaging.models import Message
from messaging.sms import SandboxSms
from usdatabiz.core.tests.factories import UserFactory

from .factories import sending_campaign
from .test_send_batches import CountingSandbox
from .test_stop_in_flight import _in_thread, _lock_waiters, _reply, _until, needs_postgresql


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z", tick=True)  # 11:00 in Austin


class _Form(HTMLParser):
    """The values a browser would post from an admin change page (inputs, checked boxes, selected options)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "checkbox"):
            self.data[name] = a.get("value") or ""
        elif tag == "input" and name and "checked" in a:
            self.data[name] = "on"
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _admin_marks(client, model, obj, flag: str):
    """Tick ``flag`` on ``obj``'s admin change page as a person would (the page read first, then posted)."""
    url = reverse(f"admin:identity_{model}_change", args=[obj.pk])
    form = _Form()
    form.feed(client.get(url).content.decode())
    form.data[flag] = "on"

    def post():
        response = client.post(url, form.data)
        assert response.status_code == 302, response.content.decode()[:2000]

    return post


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(username="staffer", is_staff=True, is_superuser=True))
    return client


def _marks(staff_client, phone: PersonaPhone):
    return {
        "DO_NOT_CONTACT": _admin_marks(staff_client, "persona", phone.persona, "do_not_contact"),
        "DNC_BLOCKED": _admin_marks(staff_client, "personaphone", phone, "do_not_call"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["DO_NOT_CONTACT", "DNC_BLOCKED"])
def test_a_number_marked_while_the_batch_sends_is_refused_at_its_claim(team, operator, staff_client, code):
    # given a campaign batch of two texts, whose second number a person marks in the admin while the provider has
    # the first (after the batch checked both)
    campaign = sending_campaign(team, operator, 2)
    first, second = CampaignLead.objects.filter(campaign=campaign).order_by("pk")
    mark = _marks(staff_client, PersonaPhone.objects.get(pk=second.phone_id))[code]

    class MarkingMidBatch(CountingSandbox):
        def send_sms(self, **kwargs):
            if not self.texted:
                mark()
            return super().send_sms(**kwargs)

    # when the batch sends
    provider = MarkingMidBatch()
    services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    # then the second text never reached the provider: it is blocked with the mark's code and its lead skipped
    assert provider.texted == [first.phone_number]
    texted = Message.objects.get(campaign=campaign, to_number=second.phone_number)
    assert (texted.status, texted.error_code) == (Message.Status.BLOCKED, code)
    assert CampaignLead.objects.get(pk=second.pk).skip_code == code


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_mark_in_the_admin_during_a_text_waits_for_the_providers_answer_and_the_next_text_is_refused(
    team, operator, staff_client, settings
):
    # given a campaign text with a slow provider; a person marks the number in the admin while the provider has it,
    # and an operator's reply to the number is sent while the mark is being saved
    settings.SMS_STOP_WAIT_SECONDS = 30  # longer than the test takes: only the answer ends the wait
    campaign = sending_campaign(team, operator, 1)
    cl = CampaignLead.objects.get(campaign=campaign)
    # one page is enough here (a transaction test's flush costs more than the test): the phone's page goes through the
    # same wait, and its mark's refusal at the claim is shown above
    code = "DO_NOT_CONTACT"
    mark = _marks(staff_client, PersonaPhone.objects.get(pk=cl.phone_id))[code]
    order, errors, replied, texted_by_reply = [], [], [], CountingSandbox()
    in_provider, mark_done, reply_may_go, reply_done = (threading.Event() for _ in range(4))

    class SlowProvider(SandboxSms):
        def send_sms(self, **kwargs):
            in_provider.set()
            _until(lambda: _lock_waiters() >= 1 or mark_done.is_set())  # the mark waits (or, unguarded, is saved)
            reply_may_go.set()
            _until(lambda: _lock_waiters() >= 2 or reply_done.is_set())  # the reply queues behind it
            order.append("answered")
            return super().send_sms(**kwargs)

    def marking():
        in_provider.wait(10)
        mark()
        order.append("marked")
        mark_done.set()

    def reply():
        reply_may_go.wait(10)
        replied.append(_reply(team, operator, cl.phone_number, "after-mark", texted_by_reply))
        reply_done.set()

    # when the campaign sends while the mark is saved and the reply is sent
    threads = [_in_thread(marking, errors), _in_thread(reply, errors)]
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SlowProvider())
    for thread in threads:
        thread.join(30)

    # then the text in flight was answered before the mark was saved, and the reply behind it was refused
    assert errors == []
    assert order == ["answered", "marked"]
    assert Message.objects.get(campaign=campaign).status == Message.Status.SENT
    assert texted_by_reply.texted == []
    assert (replied[0].status, replied[0].error_code) == (Message.Status.BLOCKED, code)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_skip_trace_waits_for_the_texts_to_the_numbers_it_marks_and_for_no_other(team, operator, settings):
    # given a campaign text to a person with a slow provider, and a reply to another number that the provider holds
    # until the skip trace is stored; the person's skip trace answers that their number and a new one are on a
    # do-not-call list
    settings.SMS_STOP_WAIT_SECONDS = 30
    campaign = sending_campaign(team, operator, 1)
    cl = CampaignLead.objects.get(campaign=campaign)
    number, new, other = cl.phone_number, "5125550166", "5125550177"
    (job,) = skiptrace_jobs_create(team=team, leads=Lead.objects.filter(pk=cl.lead_id), start=False)
    order, errors, others = [], [], []
    in_provider, other_in_provider, traced = threading.Event(), threading.Event(), threading.Event()

    class SlowProvider(SandboxSms):
        def send_sms(self, **kwargs):
            in_provider.set()
            _until(lambda: _lock_waiters() >= 1 or traced.is_set())  # the skip trace waits (or, unguarded, is done)
            order.append("answered")
            return super().send_sms(**kwargs)

    class HeldProvider(SandboxSms):
        def send_sms(self, **kwargs):
            other_in_provider.set()
            traced.wait(10)
            order.append("other answered")
            return super().send_sms(**kwargs)

    class OnDncLists(SandboxSkipTrace):
        def skip_trace(self, person):
            found = [
                PhoneFound(number=n, phone_type="mobile", is_connected=True, do_not_call=True) for n in (number, new)
            ]
            return TraceOutcome(matched=True, phones=found)

    threads = [
        _in_thread(lambda: services.campaign_send_slice(campaign_id=campaign.pk, provider=SlowProvider()), errors),
        _in_thread(lambda: others.append(_reply(team, operator, other, "other", HeldProvider())), errors),
    ]
    in_provider.wait(10)
    other_in_provider.wait(10)

    # when the skip trace's answer is stored while both texts are with the provider
    skiptrace_job_run(job_id=job.pk, provider=OnDncLists())
    order.append("traced")
    traced.set()
    for thread in threads:
        thread.join(30)

    # then it waited for the text to the person's number, not for the other; the next text to the number is refused
    assert errors == []
    assert order == ["answered", "traced", "other answered"]
    assert set(
        PersonaPhone.objects.filter(team=team, do_not_call=True).values_list("normalized_number", flat=True)
    ) == {
        number,
        new,
    }
    assert (Message.objects.get(campaign=campaign).status, others[0].status) == ("sent", "sent")
    after = _reply(team, operator, number, "after-trace", CountingSandbox())
    assert (after.status, after.error_code) == (Message.Status.BLOCKED, "DNC_BLOCKED")
    assert not Persona.objects.filter(team=team, do_not_contact=True).exists()
