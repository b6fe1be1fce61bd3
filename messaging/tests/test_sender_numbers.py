"""A team's own numbers: added by its admins (page, API, admin), one team per number (409 ``NUMBER_TAKEN`` without
saying whose), required to stage a campaign (``NO_SENDER_NUMBER`` wherever staging is refused), and a contact
always hears from the same one while it stays active."""

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.urls import reverse

from campaigns import services as campaign_services
from campaigns.models import Campaign
from campaigns.tests.factories import MessageTemplateFactory, textable_leads
from conftest import api_client_for
from messaging import services
from messaging.models import ContactSender, Message, SenderNumber
from messaging.sms import SandboxSms
from usdatabiz.core.models import Membership, StageFailure
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import sender_number_for, sending_campaign


@pytest.fixture
def admin_client(client, team_admin):
    client.force_login(team_admin)
    return client


@pytest.fixture
def draft(team):
    textable_leads(team, 3, start=10)
    return campaign_services.campaign_create(
        team=team, name="Spring", template=MessageTemplateFactory(team=team), allow_partial_block=True
    )


# -- adding numbers ----------------------------------------------------------------------------------------


def test_an_admin_adds_a_number_on_the_sending_settings_page(admin_client, team, team_admin):
    response = admin_client.post(
        reverse("messaging:sender-number-create"),
        {"number": "+1 (512) 555-0101", "label": "Austin line", "status": "active", "campaign_id_10dlc": "C7QX2A"},
    )

    assert response.status_code == 302
    number = SenderNumber.objects.get(team=team)
    assert (number.number, number.label, number.status, number.provider) == (
        "5125550101", "Austin line", "active", "sandbox",
    )  # fmt: skip
    assert (number.campaign_id_10dlc, number.created_by) == ("C7QX2A", team_admin)
    page = admin_client.get(reverse("messaging:settings-edit")).content.decode()
    assert "(512) 555-0101" in page
    assert 'data-testid="no-sender-number"' not in page


@pytest.mark.parametrize(
    ("number", "says"),
    [("555", "10 digits"), ("(416) 555-0101", "not a US number"), ("512-555-01O1", "not a phone number")],
)
def test_a_number_that_is_not_a_us_number_is_named_on_the_page(admin_client, team, number, says):
    response = admin_client.post(reverse("messaging:sender-number-create"), {"number": number, "status": "active"})

    assert response.status_code == 400
    assert says in response.content.decode()
    assert not SenderNumber.objects.exists()


def test_the_api_adds_a_number_for_the_callers_team_and_refuses_another_teams_with_409(team, other_team, outsider):
    sender_number_for(other_team, "5125550101")
    admin = UserFactory(username="numbers-admin")
    MembershipFactory(team=team, user=admin, role=Membership.Role.ADMIN)
    api = api_client_for(admin)

    taken = api.post("/api/v1/sender-numbers/", {"number": "5125550101"}, format="json")
    mine = api.post("/api/v1/sender-numbers/", {"number": "(512) 555-0102", "label": "Main"}, format="json")
    again = api.post("/api/v1/sender-numbers/", {"number": "5125550102"}, format="json")

    assert taken.status_code == 409
    assert taken.json()["code"] == "NUMBER_TAKEN"
    text = taken.content.decode()
    assert "another team" in text
    assert not any(secret in text for secret in (other_team.name, other_team.slug, other_team.pk, "rival"))
    assert mine.status_code == 201
    assert (mine.json()["number"], mine.json()["status"], mine.json()["label"]) == ("5125550102", "active", "Main")
    assert (again.status_code, again.json()["code"]) == (409, "NUMBER_TAKEN")
    assert list(SenderNumber.objects.filter(team=team).values_list("number", flat=True)) == ["5125550102"]
    assert SenderNumber.objects.get(number="5125550101").team == other_team


def test_the_database_holds_a_number_for_one_team_only(team, other_team):
    sender_number_for(team, "5125550101")

    with pytest.raises(IntegrityError):
        SenderNumber.objects.create(team=other_team, number="5125550101", provider="sandbox")


def test_the_api_renames_retires_and_activates_a_number(team, team_admin, operator):
    number = sender_number_for(team, "5125550101")
    api = api_client_for(team_admin)

    renamed = api.patch(f"/api/v1/sender-numbers/{number.pk}/", {"label": "Dallas"}, format="json")
    retired = api.post(f"/api/v1/sender-numbers/{number.pk}/retire/")
    again = api.post(f"/api/v1/sender-numbers/{number.pk}/retire/")
    activated = api.post(f"/api/v1/sender-numbers/{number.pk}/activate/")
    by_operator = api_client_for(operator).post(f"/api/v1/sender-numbers/{number.pk}/retire/")

    assert (renamed.status_code, renamed.json()["label"]) == (200, "Dallas")
    assert retired.json()["status"] == "retired"
    assert (again.status_code, again.json()["code"]) == (409, "ILLEGAL_TRANSITION")
    assert activated.json()["status"] == "active"
    assert by_operator.status_code == 403
    assert api_client_for(operator).get("/api/v1/sender-numbers/").json()["results"][0]["number"] == "5125550101"


def _staff(team, app_label="messaging"):
    staff = UserFactory(username="numbers-staff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label=app_label))
    return staff


def test_the_admin_adds_and_retires_numbers_and_refuses_one_another_team_holds(client, team, other_team):
    sender_number_for(other_team, "5125550101")
    client.force_login(_staff(team))
    add = reverse("admin:messaging_sendernumber_add")
    body = {"team": team.pk, "number": "5125550101", "provider": "sandbox", "label": "", "campaign_id_10dlc": ""}

    refused = client.post(add, body)
    added = client.post(add, {**body, "number": "5125550102"})

    assert refused.status_code == 200  # the form again, with the error
    assert "already exists" in refused.content.decode()
    assert added.status_code == 302
    mine = SenderNumber.objects.get(team=team)
    assert (mine.number, mine.status) == ("5125550102", "active")
    changelist = reverse("admin:messaging_sendernumber_changelist")
    client.post(changelist, {"action": "retire_selected", "_selected_action": [mine.pk]})
    mine.refresh_from_db()
    assert mine.status == "retired"
    assert "5125550101" not in client.get(changelist).content.decode()  # another team's number is not listed


# -- no active number: no campaign ----------------------------------------------------------------------------


def test_staging_without_an_active_number_is_refused_on_the_page(operator_client, team, draft):
    sender_number_for(team, "5125550101", status=SenderNumber.Status.PENDING)  # pending numbers do not send

    response = operator_client.post(reverse("campaigns:campaign-stage", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "NO_SENDER_NUMBER" in response.content.decode()
    assert draft.error_code == "NO_SENDER_NUMBER"
    assert StageFailure.objects.filter(team=team, stage=6, code="NO_SENDER_NUMBER", subject_id=draft.pk).exists()
    assert draft.lead_block is None


def test_staging_without_an_active_number_is_refused_by_the_api_and_the_admin_action(client, operator, team, draft):
    api = api_client_for(operator).post(f"/api/v1/campaigns/{draft.pk}/stage/")
    assert (api.status_code, api.json()["code"]) == (409, "NO_SENDER_NUMBER")

    client.force_login(_staff(team, "campaigns"))
    admin = client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "stage_selected", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "NO_SENDER_NUMBER" in admin.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"

    sender_number_for(team, "5125550101")
    client.post(
        reverse("admin:campaigns_campaign_changelist"), {"action": "stage_selected", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == "staged"


def test_a_sending_campaign_whose_numbers_were_all_retired_pauses_without_sending(team, operator, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    campaign = sending_campaign(team, operator, 2)
    SenderNumber.objects.filter(team=team).update(status=SenderNumber.Status.RETIRED)

    counts = services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())

    campaign.refresh_from_db()
    assert counts["sent"] == 0
    assert campaign.status == Campaign.Status.PAUSED
    assert "NO_SENDER_NUMBER" in campaign.status_note
    assert not Message.objects.filter(campaign=campaign).exists()


# -- sticky per contact ----------------------------------------------------------------------------------------


def test_each_contact_always_hears_from_the_same_number_and_contacts_spread(team):
    first, second = sender_number_for(team, "5125550101"), sender_number_for(team, "5125550102")
    contacts = [f"21255501{i:02d}" for i in range(20)]

    given = {c: services.sender_for_contact(team=team, contact_number=c) for c in contacts}
    again = {c: services.sender_for_contact(team=team, contact_number=c) for c in reversed(contacts)}

    assert given == again
    assert {n.pk for n in given.values()} == {first.pk, second.pk}  # both numbers carry contacts
    assert ContactSender.objects.filter(team=team).count() == 20


def test_a_retired_number_hands_its_contacts_to_an_active_one_for_good(team):
    first = sender_number_for(team, "5125550101")
    assert services.sender_for_contact(team=team, contact_number="2125550150") == first
    second = sender_number_for(team, "5125550102")
    assert services.sender_for_contact(team=team, contact_number="2125550150") == first  # still its number

    services.sender_number_transition(sender=first, to=SenderNumber.Status.RETIRED)
    services.sender_number_transition(sender=first, to=SenderNumber.Status.ACTIVE)  # and back: the contact stays
    services.sender_number_transition(sender=first, to=SenderNumber.Status.RETIRED)

    assert services.sender_for_contact(team=team, contact_number="2125550150") == second
    services.sender_number_transition(sender=first, to=SenderNumber.Status.ACTIVE)
    assert services.sender_for_contact(team=team, contact_number="2125550150") == second


def test_the_same_contact_hears_from_the_team_s_number_in_every_campaign(team, operator, time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")
    sender_number_for(team, "5125550101")
    sender_number_for(team, "5125550102")
    campaign = sending_campaign(team, operator, 6)
    services.campaign_send_slice(campaign_id=campaign.pk, provider=SandboxSms())
    openers = {m.to_number: m.from_number for m in Message.objects.filter(campaign=campaign)}

    for to_number, from_number in openers.items():
        reply = services.message_send(
            team=team, to_number=to_number, body="Thanks", kind="reply", key=f"r:{to_number}", approved_by=operator,
            provider=SandboxSms(),
        )  # fmt: skip
        assert reply.from_number == from_number
    assert set(openers.values()) <= {"5125550101", "5125550102"}


# -- the numbers teams had in their sending settings --------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_each_teams_settings_number_into_its_own_sender_number():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("messaging", "0003_message_to_number_index"), ("core", "0003_team_credentials")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Team, Settings = old.get_model("core", "Team"), old.get_model("messaging", "MessagingSettings")
    for slug, number in (("one", "5125550101"), ("two", "5125550101"), ("three", ""), ("four", "5125550104")):
        team = Team.objects.create(id=f"team_{slug}", slug=slug, name=slug)
        Settings.objects.create(id=f"mset_{slug}", team=team, sender_number=number)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    rows = sorted(SenderNumber.objects.values_list("team_id", "number", "status"))
    assert rows == [("team_four", "5125550104", "active"), ("team_one", "5125550101", "active")]


def test_a_batch_gives_each_contact_the_number_it_would_get_one_by_one_and_keeps_it(team, other_team):
    first, second = sender_number_for(team, "5125550101"), sender_number_for(team, "5125550102")
    theirs = sender_number_for(other_team, "5125550109")
    known = [f"21255501{i:02d}" for i in range(10)]
    fresh = [f"21255502{i:02d}" for i in range(10)]
    alone = {c: services.sender_for_contact(team=team, contact_number=c) for c in known}
    services.sender_for_contact(team=other_team, contact_number=fresh[0])  # another team's link is not ours

    with transaction.atomic():
        batch = services.senders_for_contacts(team=team, contact_numbers=known + fresh)

    assert {c: batch[c] for c in known} == alone  # a contact keeps the number it has
    assert {n.pk for n in batch.values()} == {first.pk, second.pk}
    assert theirs.pk not in {n.pk for n in batch.values()}
    assert ContactSender.objects.filter(team=team).count() == 20
    assert {c: services.sender_for_contact(team=team, contact_number=c) for c in fresh} == {c: batch[c] for c in fresh}

    # when a number is retired, the batch moves its contacts to the other one, for good
    services.sender_number_transition(sender=first, to=SenderNumber.Status.RETIRED)
    with transaction.atomic():
        moved = services.senders_for_contacts(team=team, contact_numbers=known + fresh)
    assert {n.pk for n in moved.values()} == {second.pk}
    services.sender_number_transition(sender=first, to=SenderNumber.Status.ACTIVE)
    assert {services.sender_for_contact(team=team, contact_number=c).pk for c in known + fresh} == {second.pk}
