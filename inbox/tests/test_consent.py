"""Consent from every entry point: unclear replies hold the number (OPT_OUT_REVIEW) until a person decides on
the inbox page, in the admin or through the API; auto-replies saying "no texts" mark it NOT_TEXTABLE; every
reclassification is kept and exported in the corpus format."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from conftest import api_client_for
from inbox.models import ClassificationCorrection
from inbox.services import inbox_item_reclassify, inbox_item_reply
from inbox.tests.factories import replied_item
from messaging import services as messaging
from messaging.models import ConsentMark, Message, OptOutReview, Suppression
from usdatabiz.core.tests.factories import UserFactory

# a complaint the rules place as a question, so the conversation stays open whatever the reply model learns
UNCLEAR = "how many times do I have to get these"


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")  # 11:00 in Austin: sends are allowed


@pytest.fixture
def held(team, operator):
    return replied_item(team, operator, UNCLEAR)


def _reply_blocked_code(item, user) -> str:
    sent = inbox_item_reply(item=item, user=user, text="Thanks, we will not bother you.")
    return Message.objects.get(pk=sent.pk).error_code


# -- the task path: an unclear reply arrives through the webhook --------------------------------------


def test_an_unclear_reply_holds_the_number_and_no_text_goes_to_it(held, team, operator):
    review = OptOutReview.objects.get(team=team)
    assert (review.phone_number, review.status, review.text) == (held.phone_number, "held", UNCLEAR)
    assert review.inbox_item_id == held.pk
    assert review.source_message_id == held.message_id
    assert review.reason == "a complaint about the texts"
    assert not Suppression.objects.filter(team=team, phone_number=held.phone_number).exists()
    assert not Message.objects.filter(team=team, kind="compliance").exists()  # no STOP confirmation for a maybe
    assert _reply_blocked_code(held, operator) == "OPT_OUT_REVIEW"


def test_a_clear_opt_out_suppresses_without_a_hold(team, operator):
    item = replied_item(team, operator, "I'm reporting this as spam")
    assert Suppression.objects.filter(team=team, phone_number=item.phone_number, reason="opt_out").exists()
    assert not OptOutReview.objects.filter(team=team).exists()
    assert item.classification == "opt_out"


def test_a_second_unclear_reply_keeps_one_hold(held, team):
    from messaging.opt_out_reviews import opt_out_review_hold

    again = opt_out_review_hold(team=team, number=held.phone_number, text="so annoying")
    assert OptOutReview.objects.filter(team=team, status="held").count() == 1
    assert again.text == UNCLEAR


# -- the inbox page -----------------------------------------------------------------------------------


def test_the_hold_is_shown_at_the_top_of_the_inbox_and_decided_there(held, operator_client, operator, team):
    page = operator_client.get(reverse("inbox:item-list")).content.decode()
    assert 'data-testid="opt-out-reviews"' in page
    assert page.index('data-testid="opt-out-reviews"') < page.index('data-testid="inbox-table"')
    assert UNCLEAR in page
    review = OptOutReview.objects.get(team=team)

    response = operator_client.post(
        reverse("messaging:opt-out-review-decide", args=[review.pk]), {"decision": "opt_out"}, follow=True
    )

    assert b"will not be texted again" in response.content
    review.refresh_from_db()
    assert (review.status, review.decision, review.decided_by) == ("decided", "opt_out", operator)
    entry = Suppression.objects.get(team=team, phone_number=held.phone_number, lifted_at__isnull=True)
    assert entry.reason == "opt_out"
    assert 'data-testid="opt-out-reviews"' not in operator_client.get(reverse("inbox:item-list")).content.decode()
    again = operator_client.post(
        reverse("messaging:opt-out-review-decide", args=[review.pk]), {"decision": "not_opt_out"}, follow=True
    )
    assert b"NOT_HELD" in again.content


def test_a_page_decision_needs_a_known_decision_a_writer_and_the_same_team(
    held, operator_client, client, viewer, outsider, team
):
    review = OptOutReview.objects.get(team=team)
    url = reverse("messaging:opt-out-review-decide", args=[review.pk])
    assert b"INVALID_DECISION" in operator_client.post(url, {"decision": "maybe"}, follow=True).content
    client.force_login(viewer)
    assert client.post(url, {"decision": "opt_out"}).status_code == 403
    client.force_login(outsider)
    assert client.post(url, {"decision": "opt_out"}).status_code == 404
    assert UNCLEAR not in client.get(reverse("inbox:item-list")).content.decode()
    review.refresh_from_db()
    assert review.status == "held"


# -- the API ------------------------------------------------------------------------------------------


def test_the_api_lists_holds_and_releases_a_number(held, operator_api, outsider_api, team, operator):
    listed = operator_api.get("/api/v1/opt-out-reviews/", {"status": "held"}).json()
    assert [row["phone_number"] for row in listed["results"]] == [held.phone_number]
    review_id = listed["results"][0]["id"]
    assert outsider_api.get(f"/api/v1/opt-out-reviews/{review_id}/").status_code == 404
    assert outsider_api.post(f"/api/v1/opt-out-reviews/{review_id}/decide/", {"decision": "opt_out"}).status_code == 404

    bad = operator_api.post(f"/api/v1/opt-out-reviews/{review_id}/decide/", {"decision": "perhaps"}, format="json")
    assert bad.status_code == 400
    response = operator_api.post(
        f"/api/v1/opt-out-reviews/{review_id}/decide/", {"decision": "not_opt_out"}, format="json"
    )

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["decision"]) == ("decided", "not_opt_out")
    assert not Suppression.objects.filter(team=team, phone_number=held.phone_number).exists()
    sent = inbox_item_reply(item=held, user=operator, text="Sorry about that, we'll text less.")
    assert Message.objects.get(pk=sent.pk).status == "sent"
    twice = operator_api.post(f"/api/v1/opt-out-reviews/{review_id}/decide/", {"decision": "opt_out"}, format="json")
    assert twice.status_code == 409


def test_a_viewer_cannot_decide_through_the_api(held, viewer, team):
    review = OptOutReview.objects.get(team=team)
    response = api_client_for(viewer).post(
        f"/api/v1/opt-out-reviews/{review.pk}/decide/", {"decision": "opt_out"}, format="json"
    )
    assert response.status_code == 403


# -- the admin ----------------------------------------------------------------------------------------


def test_the_admin_decides_a_hold_as_an_opt_out(held, client, team):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    review = OptOutReview.objects.get(team=team)
    listing = client.get(reverse("admin:messaging_optoutreview_changelist"))
    assert UNCLEAR in listing.content.decode()

    client.post(
        reverse("admin:messaging_optoutreview_changelist"),
        {"action": "decide_opt_out", "_selected_action": [review.pk]},
    )

    review.refresh_from_db()
    assert (review.status, review.decision) == ("decided", "opt_out")
    assert messaging.is_suppressed(team=team, number=held.phone_number)


# -- not textable -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[Automated] This number does not accept text messages",
        "This is a landline and cannot receive text messages",
        "Sorry, this number can't receive SMS.",
    ],
)
def test_an_auto_reply_saying_no_texts_marks_the_number_not_textable(team, operator, text):
    item = replied_item(team, operator, text)

    assert item.classification == "auto_reply"
    entry = Suppression.objects.get(team=team, phone_number=item.phone_number, lifted_at__isnull=True)
    assert entry.reason == "not_textable"
    assert _reply_blocked_code(item, operator) == "NOT_TEXTABLE"


def test_an_out_of_office_auto_reply_does_not_stop_texts(team, operator):
    item = replied_item(team, operator, "Auto-reply: I'm out of the office until Monday.")
    assert item.classification == "auto_reply"
    assert not messaging.is_suppressed(team=team, number=item.phone_number)


# -- corrections --------------------------------------------------------------------------------------


def test_every_reclassification_is_kept_and_exported_in_the_corpus_format(team, operator, other_team, tmp_path):
    item = replied_item(team, operator, "k")
    assert item.classification == "other"
    inbox_item_reclassify(item=item, classification="interested", user=operator)
    correction = ClassificationCorrection.objects.get(team=team)
    assert (correction.text, correction.predicted, correction.corrected) == ("k", "other", "interested")
    assert correction.corrected_by == operator
    ClassificationCorrection.objects.create(team=other_team, text="secret", predicted="other", corrected="question")

    out = io.StringIO()
    call_command("export_corrections", "--team", team.slug, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["text"], r["label"], r["predicted"]) for r in rows] == [("k", "interested", "other")]

    path = tmp_path / "corrections.csv"
    call_command("export_corrections", "--team", team.slug, "--output", str(path), stderr=io.StringIO())
    assert list(csv.DictReader(path.open(encoding="utf-8")))[0]["label"] == "interested"
    with pytest.raises(CommandError, match="TEAM_NOT_FOUND"):
        call_command("export_corrections", "--team", "no-such-team")


def test_a_correction_through_the_api_is_kept(team, operator, operator_api):
    item = replied_item(team, operator, "How much?")
    response = operator_api.post(
        f"/api/v1/inbox-items/{item.pk}/reclassify/", {"classification": "interested"}, format="json"
    )
    assert response.status_code == 200
    assert ClassificationCorrection.objects.filter(team=team, inbox_item=item, corrected="interested").exists()


# -- a person's reclassification to opt_out -------------------------------------------------------------

NOT_NOW = "Not interested right now, thanks"


def _suppressed_by(item):
    return Suppression.objects.get(team=item.team, phone_number=item.phone_number, lifted_at__isnull=True)


def _campaign_send_refused(team, number) -> str:
    check = messaging.send_check(
        team_id=team.pk, number=number, kind=Message.Kind.CAMPAIGN, cfg=messaging.messaging_settings_get(team=team),
        now=timezone.now(), state="TX",
    )  # fmt: skip
    return check.code


def _approved_reply_refused(item, user) -> str:
    sent = messaging.message_send(
        team=item.team_id, to_number=item.phone_number, body="One more thing", kind=Message.Kind.REPLY,
        key=f"test:{item.pk}", approved_by=user, reply_to=item.message,
    )  # fmt: skip
    return Message.objects.get(pk=sent.pk).error_code


@pytest.fixture
def declined(team, operator):
    item = replied_item(team, operator, NOT_NOW)
    assert item.classification != "opt_out"
    assert not messaging.is_suppressed(team=team, number=item.phone_number)
    return item


def _reclassify_by_service(item, user, **_):
    inbox_item_reclassify(item=item, classification="opt_out", user=user)


def _reclassify_on_the_page(item, user, *, operator_client, **_):
    url = reverse("inbox:item-reclassify", args=[item.pk])
    response = operator_client.post(url, {"classification": "opt_out"}, follow=True)
    assert b"will not be texted again" in response.content


def _reclassify_through_the_api(item, user, *, operator_api, **_):
    response = operator_api.post(
        f"/api/v1/inbox-items/{item.pk}/reclassify/", {"classification": "opt_out"}, format="json"
    )
    assert response.status_code == 200


@pytest.mark.parametrize("reclassify", [_reclassify_by_service, _reclassify_on_the_page, _reclassify_through_the_api])
def test_a_reply_reclassified_as_opt_out_suppresses_the_number(
    declined, team, operator, operator_client, operator_api, reclassify
):
    reclassify(declined, operator, operator_client=operator_client, operator_api=operator_api)

    entry = _suppressed_by(declined)
    assert (entry.reason, entry.source_message_id, entry.created_by) == ("opt_out", declined.message_id, operator)
    mark = ConsentMark.objects.get(team=team, phone_number=declined.phone_number)
    assert mark.keyword == "stop"
    assert _approved_reply_refused(declined, operator) == "OPTED_OUT"
    assert _campaign_send_refused(team, declined.phone_number) == "OPTED_OUT"


def test_a_reclassified_opt_out_decides_the_numbers_open_hold(held, team, operator):
    inbox_item_reclassify(item=held, classification="opt_out", user=operator)

    review = OptOutReview.objects.get(team=team)
    assert (review.status, review.decision, review.decided_by) == ("decided", "opt_out", operator)
    assert _suppressed_by(held).reason == "opt_out"


@pytest.mark.parametrize("text", ["STOP", "I'm reporting this as spam"])
def test_reclassifying_an_opt_out_as_something_else_gives_no_consent_back(team, operator, text):
    item = replied_item(team, operator, text)
    entry = _suppressed_by(item)

    inbox_item_reclassify(item=item, classification="interested", user=operator)

    assert _suppressed_by(item).pk == entry.pk
    assert ConsentMark.objects.get(team=team, phone_number=item.phone_number).keyword == "stop"
    assert _approved_reply_refused(item, operator) == "OPTED_OUT"


def test_reclassifying_back_from_a_reclassified_opt_out_keeps_the_number_suppressed(declined, team, operator):
    inbox_item_reclassify(item=declined, classification="opt_out", user=operator)

    inbox_item_reclassify(item=declined, classification="not_interested", user=operator)

    assert _suppressed_by(declined).reason == "opt_out"
    assert _campaign_send_refused(team, declined.phone_number) == "OPTED_OUT"
