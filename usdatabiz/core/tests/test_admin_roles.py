"""The Django admin follows the team role, not only Django's permissions: staff who are not superusers and hold
every permission still act as their role in each team. A viewer views; an operator changes what operators change
in the console (records, campaigns, suppressions added) but not the team's settings, members, tokens or secrets;
a team admin changes those too. A member of two teams acts in each as that team's role. Superusers are unchanged
(``test_admin_scoping.py``, ``test_admin_users_tokens.py``)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from identity.models import ResolutionSettings
from inbox.models import SavedReply
from leads.models import LeadSettings
from messaging.models import MessagingSettings, SenderNumber, Suppression
from messaging.tests.factories import sender_number_for
from usdatabiz.core.models import AlertSettings, Membership, Team
from usdatabiz.core.services import token_for
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _staff(username: str, **roles) -> object:
    """A staff member (not a superuser) with every Django permission and ``roles`` as {team: role}."""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.set(Permission.objects.all())
    for team, role in roles.items():
        MembershipFactory(team=Team.objects.get(slug=team), user=user, role=role)
    return user


def _url(obj_or_model, view: str = "change"):
    meta = obj_or_model._meta
    name = f"admin:{meta.app_label}_{meta.model_name}_{view}"
    return reverse(name) if view in ("add", "changelist") else reverse(name, args=[obj_or_model.pk])


def _reply(team, name="Acme Widgets") -> SavedReply:
    """A record operators change on the console."""
    return SavedReply.objects.create(team=team, title=name, text="Thanks, talk soon.")


def _reply_form(reply, title) -> dict:
    return {"team": reply.team_id, "title": title, "text": "Thanks, talk soon."}


def _settings_rows(team) -> list:
    return [
        team,
        Membership.objects.filter(team=team).first(),
        MessagingSettings.objects.create(team=team),
        sender_number_for(team, "5125550100"),
        LeadSettings.objects.create(team=team),
        AlertSettings.objects.create(team=team),
        ResolutionSettings.objects.create(team=team),
    ]


@pytest.fixture
def vera(team):
    return _staff("vera-staff", acme=Membership.Role.VIEWER)


@pytest.fixture
def olivia(team):
    return _staff("olivia-staff", acme=Membership.Role.OPERATOR)


# --- viewer -----------------------------------------------------------------------------------------------------


def test_a_viewer_opens_a_record_read_only_and_cannot_add_change_or_delete(client, team, vera):
    reply = _reply(team)
    client.force_login(vera)

    page = client.get(_url(reply))
    changed = client.post(_url(reply), _reply_form(reply, "Renamed"))
    added = client.get(_url(SavedReply, "add"))
    deleted = client.post(_url(reply, "delete"), {"post": "yes"})

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert (changed.status_code, added.status_code, deleted.status_code) == (403, 403, 403)
    reply.refresh_from_db()
    assert reply.title == "Acme Widgets"


def test_a_viewer_is_offered_no_actions_and_a_posted_one_does_nothing(client, team, vera):
    reply = _reply(team)
    client.force_login(vera)

    listing = client.get(_url(SavedReply, "changelist"))
    client.post(
        _url(SavedReply, "changelist"), {"action": "delete_selected", "_selected_action": [reply.pk], "post": "yes"}
    )

    assert listing.status_code == 200
    assert listing.context["action_form"] is None
    assert SavedReply.objects.filter(pk=reply.pk).exists()


def test_a_viewer_cannot_resolve_an_alert_from_the_admin(client, team, vera):
    from usdatabiz.core.models import Alert

    alert = Alert.objects.create(team=team, stage=7, code="SLA_BREACH", detail="late", opened_at=timezone.now())
    client.force_login(vera)

    client.post(_url(Alert, "changelist"), {"action": "resolve_selected", "_selected_action": [alert.pk]})

    alert.refresh_from_db()
    assert alert.status == Alert.Status.OPEN


# --- operator ---------------------------------------------------------------------------------------------------


def test_an_operator_changes_adds_and_deletes_the_teams_records(client, team, olivia):
    reply = _reply(team)
    client.force_login(olivia)

    changed = client.post(_url(reply), _reply_form(reply, "Renamed"))
    added = client.post(_url(SavedReply, "add"), _reply_form(reply, "Other Co"))
    deleted = client.post(_url(reply, "delete"), {"post": "yes"})

    assert (changed.status_code, added.status_code, deleted.status_code) == (302, 302, 302)
    assert list(SavedReply.objects.filter(team=team).values_list("title", flat=True)) == ["Other Co"]


def test_an_operator_sees_the_teams_settings_members_and_numbers_read_only(client, team, olivia):
    client.force_login(olivia)

    for row in _settings_rows(team):
        page = client.get(_url(row))
        assert page.status_code == 200, type(row).__name__
        assert page.context["has_change_permission"] is False, type(row).__name__
        assert client.post(_url(row, "delete"), {"post": "yes"}).status_code == 403, type(row).__name__
        assert type(row).objects.filter(pk=row.pk).exists()
    for model in (Membership, MessagingSettings, SenderNumber, AlertSettings):
        assert client.get(_url(model, "add")).status_code == 403, model.__name__


def test_an_operator_cannot_give_a_role_or_change_a_teammate(client, team, olivia, operator):
    client.force_login(olivia)
    mine = Membership.objects.get(user=olivia)

    client.post(_url(mine), {"team": team.pk, "user": olivia.pk, "role": Membership.Role.ADMIN})
    user_page = client.get(reverse("admin:auth_user_change", args=[operator.pk]))
    added = client.get(reverse("admin:auth_user_add"))

    mine.refresh_from_db()
    assert mine.role == Membership.Role.OPERATOR
    assert user_page.status_code == 200
    assert user_page.context["has_change_permission"] is False
    assert added.status_code == 403


@pytest.mark.parametrize("role", [Membership.Role.OPERATOR, Membership.Role.VIEWER])
def test_operators_and_viewers_see_no_api_tokens(client, team, operator, role):
    token_for(user=operator)
    user = _staff("someone", acme=role)
    token_for(user=user)
    client.force_login(user)

    listing = client.get(reverse("admin:authtoken_tokenproxy_changelist"))

    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == []
    assert client.get(reverse("admin:authtoken_tokenproxy_add")).status_code == 403


@pytest.mark.parametrize("role", [Membership.Role.OPERATOR, Membership.Role.VIEWER])
def test_operators_and_viewers_see_no_provider_secrets_or_webhook(client, team, role):
    from messaging.models import ProviderWebhook
    from usdatabiz.core.models import TeamCredential

    credential = TeamCredential.objects.create(team=team, provider="signalhouse", name="api_key", last4="1234")
    hook = ProviderWebhook.objects.create(team=team, provider="signalhouse", group_id="grp-1")
    client.force_login(_staff("someone", acme=role))

    listings = [client.get(_url(model, "changelist")) for model in (TeamCredential, ProviderWebhook)]

    assert [list(page.context["cl"].result_list) for page in listings] == [[], []]
    assert client.get(_url(credential)).status_code == 302  # the admin's "does not exist" answer
    assert client.get(_url(hook)).status_code == 302


def test_a_team_admin_sees_the_teams_credentials_and_webhook(client, team):
    from messaging.models import ProviderWebhook
    from usdatabiz.core.models import TeamCredential

    TeamCredential.objects.create(team=team, provider="signalhouse", name="api_key", last4="1234")
    ProviderWebhook.objects.create(team=team, provider="signalhouse", group_id="grp-1")
    client.force_login(_staff("adam-staff", acme=Membership.Role.ADMIN))

    listings = [client.get(_url(model, "changelist")) for model in (TeamCredential, ProviderWebhook)]

    assert [len(page.context["cl"].result_list) for page in listings] == [1, 1]


def test_an_operator_adds_a_suppression_but_cannot_lift_edit_or_delete_one(client, team, olivia):
    client.force_login(olivia)
    kept = Suppression.objects.create(team=team, phone_number="5125550111", reason=Suppression.Reason.OPT_OUT)

    added = client.post(
        _url(Suppression, "add"), {"team": team.pk, "phone_number": "5125550122", "reason": "manual", "note": ""}
    )
    page = client.get(_url(kept))
    deleted = client.post(_url(kept, "delete"), {"post": "yes"})

    assert added.status_code == 302
    assert Suppression.objects.filter(team=team, phone_number="5125550122", lifted_at__isnull=True).exists()
    assert page.context["has_change_permission"] is False
    assert deleted.status_code == 403
    assert Suppression.objects.filter(pk=kept.pk).exists()


# --- admin and two teams ----------------------------------------------------------------------------------------


def test_a_team_admin_still_changes_the_teams_settings(client, team):
    user = _staff("adam-staff", acme=Membership.Role.ADMIN)
    client.force_login(user)

    for row in _settings_rows(team):
        assert client.get(_url(row)).context["has_change_permission"] is True, type(row).__name__


def test_a_member_of_two_teams_acts_as_each_teams_role(client, team, other_team):
    user = _staff("dual", acme=Membership.Role.OPERATOR, rival=Membership.Role.VIEWER)
    ours, theirs = _reply(team, "Ours Co"), _reply(other_team, "Theirs Co")
    client.force_login(user)

    assert client.post(_url(ours), _reply_form(ours, "Ours Renamed")).status_code == 302
    assert client.post(_url(theirs), _reply_form(theirs, "Theirs Renamed")).status_code == 403
    assert client.get(_url(theirs)).status_code == 200
    add_form = client.get(_url(SavedReply, "add")).context["adminform"].form
    client.post(
        _url(SavedReply, "changelist"), {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"}
    )

    assert list(add_form.fields["team"].queryset) == [team]
    assert SavedReply.objects.filter(pk=theirs.pk, title="Theirs Co").exists()
