"""What a batch of campaign texts must keep while it reads its checks for many leads at once and records each
acceptance with the next claim: every send-time check and its code, the approval gate, one text per person even
with two workers on one campaign, nothing sent twice after a worker died, and each team's own consent lists."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from campaigns.models import Campaign, CampaignLead
from messaging import services
from messaging.models import Message, OptOutReview, Suppression
from messaging.sms import SandboxSms
from usdatabiz.core.models import StageFailure

from .factories import sending_campaign
from .test_send_batches import CountingSandbox

DAY = "2026-12-01T17:00:00Z"  # 11:00 in Austin


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to(DAY, tick=True)


def _leads(campaign) -> list[CampaignLead]:
    return list(CampaignLead.objects.filter(campaign=campaign).select_related("phone", "lead__persona").order_by("pk"))


def test_the_checks_read_for_the_whole_batch_refuse_each_lead_with_its_own_code(team, operator, settings):
    # given one batch of 7 in which 4 must not be texted, each for a reason the batch reads for every lead at once
    settings.SMS_SEND_BATCH = 50
    campaign = sending_campaign(team, operator, 7)
    leads = _leads(campaign)
    OptOutReview.objects.create(team=team, phone_number=leads[0].phone_number, text="pls no more")
    services.suppression_add(team=team, number=leads[1].phone_number, reason=Suppression.Reason.NOT_TEXTABLE)
    stale = (timezone.now() - timedelta(days=settings.SMS_DNC_SCRUB_MAX_DAYS + 5)).isoformat()
    leads[2].phone.provenance = {"do_not_call": {"at": stale}}
    leads[2].phone.save()
    services.suppression_add(team=team, number=leads[3].phone_number, reason=Suppression.Reason.OPT_OUT)
    provider = CountingSandbox()

    # when the slice is sent
    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=provider)

    # then each refused lead is skipped with its own code, on a blocked text and in the ledger, and the others go
    expected = ["OPT_OUT_REVIEW", "NOT_TEXTABLE", "DNC_SCRUB_STALE", "OPTED_OUT"]
    for cl, code in zip(leads[:4], expected, strict=True):
        cl.refresh_from_db()
        assert (cl.status, cl.skip_code) == ("skipped", code)
        message = Message.objects.get(campaign_lead=cl)
        assert (message.status, message.error_code) == ("blocked", code)
        assert StageFailure.objects.filter(stage=7, code=code, subject_id=message.pk).count() == 1
    assert sorted(provider.texted) == sorted(cl.phone_number for cl in leads[4:])
    assert (counts["skipped"], counts["sent"]) == (4, 3)
    assert set(CampaignLead.objects.filter(pk__in=[cl.pk for cl in leads[4:]]).values_list("status", flat=True)) == {
        "sent"
    }


@pytest.mark.parametrize("gate", ["paused", "no approver"])
def test_a_batch_of_a_campaign_not_sending_with_a_named_approver_texts_nobody(team, operator, gate):
    campaign = sending_campaign(team, operator, 4)
    if gate == "paused":
        Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.PAUSED)
    else:
        Campaign.objects.filter(pk=campaign.pk).update(approved_by=None)
    provider = CountingSandbox()
    cl_ids = [cl.pk for cl in _leads(campaign)]

    outcomes, stop = services._send_campaign_batch(
        cl_ids=cl_ids, provider=provider, cfg=services.messaging_settings_get(team=team), now=timezone.now(), run=None
    )

    assert stop == "stopped"
    assert provider.texted == []
    assert not Message.objects.filter(campaign=campaign).exists()
    assert set(CampaignLead.objects.filter(pk__in=cl_ids).values_list("status", flat=True)) == {"pending"}


def test_at_most_one_text_is_ever_in_flight_so_a_killed_worker_leaves_at_most_one_to_hold(team, operator, settings):
    # given a batch of 6: the provider looks at the database each time it is asked to send
    settings.SMS_SEND_BATCH = 6
    campaign = sending_campaign(team, operator, 6)
    in_flight = []

    class Watching(SandboxSms):
        def send_sms(self, **kwargs):
            in_flight.append(
                list(Message.objects.filter(campaign=campaign, status="sending").values_list("to_number", flat=True))
            )
            return super().send_sms(**kwargs)

    # when the slice is sent
    services.campaign_send_slice(campaign_id=campaign.pk, provider=Watching())

    # then at every provider call the one text being sent was the only one "sending": each acceptance was written
    # with the next text's claim, so a kill at any moment leaves at most that one text of unknown outcome
    assert [len(numbers) for numbers in in_flight] == [1] * 6
    assert Message.objects.filter(campaign=campaign, status="sent").count() == 6


def test_a_worker_failing_mid_batch_records_what_was_accepted_and_the_retry_sends_nothing_twice(
    team, operator, settings
):
    # given a batch of 5 whose worker is stopped (a signal's exception) while the third text is with the provider
    settings.SMS_SEND_BATCH = 5
    campaign = sending_campaign(team, operator, 5)

    class Stopped(BaseException):
        pass

    class Dying(CountingSandbox):
        def send_sms(self, **kwargs):
            if len(self.texted) == 2:
                self.texted.append(kwargs["recipient"])
                raise Stopped
            return super().send_sms(**kwargs)

    dying = Dying()
    with pytest.raises(Stopped):
        services.campaign_send_slice(campaign_id=campaign.pk, provider=dying)

    # then the two accepted texts are recorded as sent, the one caught in flight is still "sending"
    statuses = dict(Message.objects.filter(campaign=campaign).values_list("to_number", "status"))
    assert [statuses[n] for n in dying.texted] == ["sent", "sent", "sending"]

    # when the slice is handed on and sent again
    from messaging.models import SendSlice

    SendSlice.objects.filter(campaign=campaign, state="running").update(state="failed")
    after = CountingSandbox()
    services.campaign_send_slice(campaign_id=campaign.pk, provider=after)

    # then nobody is texted twice: the text in flight is held for review, the two never claimed go out once
    assert not set(after.texted) & set(dying.texted)
    assert len(after.texted) == 2
    held = Message.objects.get(campaign=campaign, status="held")
    assert (held.to_number, held.error_code) == (dying.texted[2], "OUTCOME_UNKNOWN")
    assert Message.objects.filter(campaign=campaign, status="sent").count() == 4
    assert Message.objects.filter(campaign=campaign).count() == 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two workers at once need PostgreSQL's row locks")
def test_two_workers_sending_the_same_batch_at_once_text_each_person_once(team, operator, settings):
    # given a campaign of 12 and a provider that takes a moment per text, shared by two workers
    settings.SMS_SEND_BATCH = 12
    campaign = sending_campaign(team, operator, 12)
    cl_ids = [cl.pk for cl in _leads(campaign)]
    texted: list[str] = []
    lock = threading.Lock()
    first_text = threading.Event()

    class Slow(SandboxSms):
        def send_sms(self, **kwargs):
            with lock:
                texted.append(kwargs["idempotency_key"])
            first_text.set()
            threading.Event().wait(0.02)
            return super().send_sms(**kwargs)

    errors = []

    def worker(wait_for_first: bool):
        try:
            if wait_for_first:  # the second worker comes in while the first is sending (a lease taken over)
                first_text.wait(10)
            services._send_campaign_batch(
                cl_ids=cl_ids, provider=Slow(), cfg=services.messaging_settings_get(team=team), now=timezone.now(),
                run=None,
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    # when both run the same batch at once (one from the start, one while the first is sending)
    threads = [threading.Thread(target=worker, args=(second,)) for second in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    # then every person's text reached the provider once, and there is one text per person
    assert errors == []
    assert len(texted) == len(set(texted)) == 12
    assert Message.objects.filter(campaign=campaign).count() == 12
    assert not Message.objects.filter(campaign=campaign, status__in=["queued", "sending"]).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="another worker's row lock needs PostgreSQL")
def test_a_batch_never_waits_for_a_text_another_worker_is_writing(team, operator, settings):
    # given a batch of 4 whose texts were made by a worker that stopped before its first provider call
    settings.SMS_SEND_BATCH = 4
    campaign = sending_campaign(team, operator, 4)
    leads = _leads(campaign)

    class Stopped(BaseException):
        pass

    class Refusing(SandboxSms):
        def send_sms(self, **kwargs):
            raise Stopped

    with pytest.raises(Stopped):
        services.campaign_send_slice(campaign_id=campaign.pk, provider=Refusing())
    queued = list(Message.objects.filter(campaign=campaign, status="queued").order_by("pk"))
    assert len(queued) == 3
    busy = queued[1]

    # and another worker holding one of the queued texts in its transaction (recording the text before, claiming it)
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        from django.db import transaction

        try:
            with transaction.atomic():
                Message.objects.select_for_update().get(pk=busy.pk)
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=other_worker)
    holder.start()
    assert locked.wait(10)
    provider = CountingSandbox()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '5s'")  # a wait would end the batch with an error, not hang the test
        # when this worker sends the same batch while that lock is held
        counts, stop = services._send_campaign_batch(
            cl_ids=[cl.pk for cl in leads], provider=provider, cfg=services.messaging_settings_get(team=team),
            now=timezone.now(), run=None,
        )  # fmt: skip
    finally:
        release.set()
        holder.join(30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")

    # then it did not wait: the held text's lead is left to the other worker, the two others went out once, and the
    # text caught in flight is held for a person
    assert stop is None
    assert sorted(provider.texted) == sorted(m.to_number for m in queued if m.pk != busy.pk)
    assert Message.objects.get(pk=busy.pk).status == "queued"
    assert CampaignLead.objects.get(pk=busy.campaign_lead_id).status == "pending"
    assert (counts["skipped"], counts["sent"], counts["held"]) == (1, 2, 1)


def test_another_teams_suppression_and_holds_do_not_stop_our_texts_but_our_own_do(team, other_team, operator, outsider):
    # given two teams that hold the same numbers; the other team suppressed one and holds another for review
    ours = sending_campaign(team, operator, 4)
    theirs = sending_campaign(other_team, outsider, 4)
    numbers = [cl.phone_number for cl in _leads(ours)]
    assert sorted(numbers) == sorted(cl.phone_number for cl in _leads(theirs))
    services.suppression_add(team=other_team, number=numbers[0], reason=Suppression.Reason.OPT_OUT)
    OptOutReview.objects.create(team=other_team, phone_number=numbers[1], text="stop?")
    # and our team suppressed a third (the person opted out of our texts) and marked a fourth do-not-contact
    services.suppression_add(team=team, number=numbers[2], reason=Suppression.Reason.OPT_OUT)
    fourth = next(cl for cl in _leads(ours) if cl.phone_number == numbers[3]).lead.persona
    fourth.do_not_contact = True
    fourth.save()
    provider = CountingSandbox()

    # when our campaign sends
    services.campaign_send_slice(campaign_id=ours.pk, provider=provider)

    # then the other team's lists did not stop our texts; ours did, with their codes
    assert sorted(provider.texted) == sorted(numbers[:2])
    codes = dict(CampaignLead.objects.filter(campaign=ours, status="skipped").values_list("phone_number", "skip_code"))
    assert codes == {numbers[2]: "OPTED_OUT", numbers[3]: "DO_NOT_CONTACT"}
    # and their campaign, sent next, honours its own lists and not ours
    other = CountingSandbox()
    services.campaign_send_slice(campaign_id=theirs.pk, provider=other)
    assert sorted(other.texted) == sorted(numbers[2:])
