"""Django admin: every model registered; staff who are not superusers see and touch only their teams' rows."""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from identity.models import Business, BusinessOwner, Persona, PersonaEmail, PersonaPhone
from ingestion.models import DataSource
from usdatabiz.core.admin import TeamScopedAdmin
from usdatabiz.core.models import Membership, StageFailure, StageRun, Team, TeamScoped
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

SCOPED_APPS = ("core", "identity", "ingestion")
SCOPED_MODELS = [
    Team,
    Membership,
    StageRun,
    StageFailure,
    Business,
    Persona,
    PersonaPhone,
    PersonaEmail,
    BusinessOwner,
    DataSource,
]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class TeamRows:
    team: Team
    rows: dict  # model -> the team's row of that model


def _rows_for(team: Team, *, tag: str, member) -> TeamRows:
    business = Business.objects.create(
        team=team,
        name=f"{tag} Widgets",
        normalized_name=f"{tag.upper()} WIDGETS",
        zip5="10001",
        source_file=f"{tag}.csv",
        source_record_id=1,
    )
    persona = Persona.objects.create(
        team=team, first_name=f"{tag}first", last_name=f"{tag}last", source_file=f"{tag}.csv", source_record_id=1
    )
    run = StageRun.objects.create(team=team, stage=2, started_at=timezone.now(), subject_id=f"ds_{tag}")
    return TeamRows(
        team,
        {
            Team: team,
            Membership: member,
            StageRun: run,
            StageFailure: StageFailure.objects.create(
                team=team, stage=2, code="INVALID_PHONE", run=run, raw_value=f"{tag}-raw"
            ),
            Business: business,
            Persona: persona,
            PersonaPhone: PersonaPhone.objects.create(
                team=team,
                persona=persona,
                raw="212 555 0100",
                normalized_number="2125550100",
                source_file=f"{tag}.csv",
                source_record_id=1,
            ),
            PersonaEmail: PersonaEmail.objects.create(
                team=team, persona=persona, email=f"{tag}@example.com", source_file=f"{tag}.csv", source_record_id=1
            ),
            BusinessOwner: BusinessOwner.objects.create(
                team=team,
                persona=persona,
                business=business,
                title="Owner",
                source_file=f"{tag}.csv",
                source_record_id=1,
            ),
            DataSource: DataSource.objects.create(team=team, original_name=f"{tag}-list.csv"),
        },
    )


def _staff(username, *, superuser=False):
    user = UserFactory(username=username)
    user.is_staff = True
    user.is_superuser = superuser
    user.save()
    return user


@pytest.fixture
def staff_a(team):
    """A staff member of Acme Sales (not a superuser) with every admin permission on the scoped models."""
    user = _staff("stan")
    membership = MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=SCOPED_APPS, content_type__model__in=[m._meta.model_name for m in SCOPED_MODELS]
        )
    )
    user._membership = membership
    return user


@pytest.fixture
def team_a(team, staff_a):
    return _rows_for(team, tag="acme", member=staff_a._membership)


@pytest.fixture
def team_b(other_team, outsider):
    return _rows_for(other_team, tag="rival", member=Membership.objects.get(user=outsider))


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _object_url(model, pk, view="change"):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[pk])


def _listed_pks(response) -> set[str]:
    return {obj.pk for obj in response.context["cl"].result_list}


PROJECT_APPS = (*SCOPED_APPS, "leads", "campaigns", "messaging", "inbox")


def test_every_model_of_the_project_is_registered_in_the_admin():
    models = [m for label in PROJECT_APPS for m in apps.get_app_config(label).get_models()]

    assert {m.__name__ for m in models} >= {m.__name__ for m in SCOPED_MODELS}
    assert [m.__name__ for m in models if not admin.site.is_registered(m)] == []


def test_every_registered_team_record_uses_the_scoped_admin():
    team_models = [m for m in apps.get_models() if issubclass(m, TeamScoped) and admin.site.is_registered(m)]

    assert len(team_models) >= 8
    assert [m.__name__ for m in team_models if not isinstance(admin.site._registry[m], TeamScopedAdmin)] == []


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m.__name__)
def test_staff_member_sees_only_their_teams_rows_in_the_changelist(client, staff_a, team_a, team_b, model):
    # given rows of both teams, when a staff member of Acme opens the changelist
    client.force_login(staff_a)
    response = client.get(_changelist(model))

    # then only Acme's row is listed, and nothing of Rival appears anywhere on the page (filters included)
    assert response.status_code == 200
    assert _listed_pks(response) == {team_a.rows[model].pk}
    html = response.content.decode()
    assert team_b.rows[model].pk not in html
    assert "Rival Sales" not in html


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m.__name__)
def test_staff_member_opens_their_own_change_page(client, staff_a, team_a, team_b, model):
    client.force_login(staff_a)

    response = client.get(_object_url(model, team_a.rows[model].pk))

    assert response.status_code == 200
    assert "Rival Sales" not in response.content.decode()


@pytest.mark.parametrize("view", ["change", "history", "delete"])
@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m.__name__)
def test_staff_member_cannot_open_another_teams_object(client, staff_a, team_a, team_b, model, view):
    client.force_login(staff_a)
    target = team_b.rows[model]

    response = client.get(_object_url(model, target.pk, view))

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == reverse("admin:index")
    assert target.pk not in response.content.decode()


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m.__name__)
def test_staff_member_cannot_delete_another_teams_object(client, staff_a, team_a, team_b, model):
    client.force_login(staff_a)
    target = team_b.rows[model]

    client.post(_object_url(model, target.pk, "delete"), {"post": "yes"})

    assert model.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize("model", [Business, Persona, StageFailure], ids=lambda m: m.__name__)
def test_bulk_delete_action_cannot_reach_another_teams_rows(client, staff_a, team_a, team_b, model):
    client.force_login(staff_a)

    client.post(
        _changelist(model),
        {
            "action": "delete_selected",
            "_selected_action": [team_b.rows[model].pk],
            "post": "yes",
        },
    )

    assert model.objects.filter(pk=team_b.rows[model].pk).exists()


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m.__name__)
def test_superuser_sees_every_teams_rows(client, team_a, team_b, model):
    client.force_login(_staff("root", superuser=True))

    response = client.get(_changelist(model))

    assert response.status_code == 200
    assert _listed_pks(response) == {team_a.rows[model].pk, team_b.rows[model].pk}
    assert client.get(_object_url(model, team_b.rows[model].pk)).status_code == 200


def test_staff_without_a_team_sees_no_rows(client, team_a, team_b):
    user = _staff("nobody")
    user.user_permissions.set(Permission.objects.filter(codename="view_business"))
    client.force_login(user)

    response = client.get(_changelist(Business))

    assert response.status_code == 200
    assert _listed_pks(response) == set()


def test_add_form_offers_only_the_staff_members_teams(client, staff_a, team_a, team_b):
    client.force_login(staff_a)

    response = client.get(reverse("admin:identity_business_add"))

    assert list(response.context["adminform"].form.fields["team"].queryset) == [team_a.team]


def _phone_form(team, persona):
    return {
        "team": team.pk,
        "persona": persona.pk,
        "raw": "(212) 555-0199",
        "normalized_number": "2125550199",
        "phone_type": "unknown",
        "is_valid": "unknown",
        "is_connected": "unknown",
    }


def test_staff_member_can_add_a_phone_to_their_own_persona(client, staff_a, team_a, team_b):
    client.force_login(staff_a)

    response = client.post(reverse("admin:identity_personaphone_add"), _phone_form(team_a.team, team_a.rows[Persona]))

    assert response.status_code == 302
    assert PersonaPhone.objects.filter(normalized_number="2125550199", persona=team_a.rows[Persona]).count() == 1


def test_staff_member_cannot_link_a_record_to_another_teams_persona(client, staff_a, team_a, team_b):
    # when an Acme staff member types Rival's persona id into the raw-id field
    client.force_login(staff_a)
    response = client.post(reverse("admin:identity_personaphone_add"), _phone_form(team_a.team, team_b.rows[Persona]))

    # then the form refuses it and nothing is created
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["persona"]
    assert PersonaPhone.objects.filter(normalized_number="2125550199").count() == 0


def test_staff_member_cannot_move_a_row_to_another_team(client, staff_a, team_a, team_b):
    client.force_login(staff_a)
    business = team_a.rows[Business]

    response = client.post(
        _object_url(Business, business.pk),
        {"team": team_b.team.pk, "name": business.name, "normalized_name": business.normalized_name},
    )

    assert response.status_code == 200
    assert "team" in response.context["adminform"].form.errors
    business.refresh_from_db()
    assert business.team_id == team_a.team.pk


def test_every_leased_work_admin_shows_its_rows_and_refuses_to_add_or_edit_them(db, rf):
    """Leased work is written by workers and the sweeper: its admin pages list and show, never add or change."""
    from usdatabiz.core.admin import LeasedWorkAdmin
    from usdatabiz.core.leases import LeasedWork

    leased = [model for model in apps.get_models() if issubclass(model, LeasedWork)]
    assert len(leased) >= 7
    superuser = UserFactory(is_staff=True, is_superuser=True)
    request = rf.get("/")
    request.user = superuser
    for model in leased:
        model_admin = admin.site._registry.get(model)
        assert isinstance(model_admin, LeasedWorkAdmin), f"{model.__name__} has no leased-work admin"
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        shown = set(model_admin.get_readonly_fields(request)) | set(model_admin.exclude or ())
        assert shown == {field.name for field in model._meta.fields}, model.__name__
