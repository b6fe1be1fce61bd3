"""Every admin page, swept: what a team admin (staff, not superuser) can filter by or pick in a form never offers
another team's rows, a user shared with another team is not theirs to change, and platform limits stay the
platform's."""

import pytest
from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from inbox.models import OperatorSettings
from usdatabiz.core.models import Membership, Team
from usdatabiz.core.services import token_for
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

User = get_user_model()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def stan(team):
    """Acme's team admin with every permission there is, but not a superuser."""
    user = UserFactory(username="stan", is_staff=True)
    MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    user.user_permissions.set(Permission.objects.all())
    return User.objects.get(pk=user.pk)  # permissions are cached on the instance


@pytest.fixture
def stan_request(rf, stan):
    request = rf.get("/admin/")
    request.user = stan
    return request


def _team_data(model) -> bool:
    """Whether rows of ``model`` belong to teams (or are people): what a team admin must not see of another team."""
    if model in (Team, User):
        return True
    return any(f.name == "team" and f.related_model is Team for f in model._meta.concrete_fields)


def _registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def test_no_list_filter_offers_another_teams_related_rows(stan_request):
    leaks = []
    for model, model_admin in _registered():
        if not model_admin.has_view_or_change_permission(stan_request):
            continue
        for spec in model_admin.get_list_filter(stan_request):
            path, filter_class = spec if isinstance(spec, tuple) else (spec, None)
            if not isinstance(path, str):
                continue  # a filter class of its own
            if "__" in path:
                leaks.append(f"{model.__name__}.{path}: a filter across a relation lists every team's values")
                continue
            field = model._meta.get_field(path)
            if field.is_relation and _team_data(field.related_model):
                if filter_class is None or not issubclass(filter_class, RelatedOnlyFieldListFilter):
                    leaks.append(f"{model.__name__}.{path}: lists every {field.related_model.__name__}")
    assert leaks == []


def test_no_form_offers_another_teams_rows_or_people(stan_request, team, other_team, outsider):
    # given another team with an admin, when each admin page builds the choices of each relation a form could edit
    leaks = []
    for model, model_admin in _registered():
        if not (model_admin.has_add_permission(stan_request) or model_admin.has_change_permission(stan_request)):
            continue
        for field in model._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or not _team_data(field.related_model):
                continue
            formfield = model_admin.formfield_for_foreignkey(field, stan_request)
            if formfield is None:
                continue
            choices = formfield.queryset
            label = f"{model.__name__}.{field.name}"
            if field.related_model is User:
                if choices.filter(pk=outsider.pk).exists():
                    leaks.append(f"{label}: another team's people can be picked")
            elif field.related_model is Team:
                if choices.filter(pk=other_team.pk).exists():
                    leaks.append(f"{label}: another team can be picked")
            elif not choices.query.where:
                leaks.append(f"{label}: every team's {field.related_model.__name__} can be picked")
    assert leaks == []


def test_operator_settings_offer_only_the_staff_member_themselves(client, stan, operator, outsider):
    OperatorSettings.objects.create(user=stan, time_zone="America/Chicago")
    OperatorSettings.objects.create(user=outsider, time_zone="America/Denver")
    client.force_login(stan)

    form = client.get(reverse("admin:inbox_operatorsettings_add")).context["adminform"].form
    response = client.post(reverse("admin:inbox_operatorsettings_add"), {"user": outsider.pk, "time_zone": "UTC"})

    assert list(form.fields["user"].queryset) == [stan]
    assert response.status_code == 200
    assert OperatorSettings.objects.get(user=outsider).time_zone == "America/Denver"


@pytest.fixture
def shared(team, other_team):
    """Sam works for both Acme and Rival: his password and his token open Rival too."""
    sam = UserFactory(username="sam")
    MembershipFactory(team=team, user=sam, role=Membership.Role.OPERATOR)
    MembershipFactory(team=other_team, user=sam, role=Membership.Role.OPERATOR)
    token_for(user=sam)
    return sam


def test_team_admin_cannot_change_a_user_who_also_belongs_to_another_team(client, stan, shared):
    client.force_login(stan)
    new_password = {"password1": "new-pass-word-9", "password2": "new-pass-word-9", "usable_password": "true"}

    password_page = client.post(reverse("admin:auth_user_password_change", args=[shared.pk]), new_password)
    client.post(reverse("admin:auth_user_delete", args=[shared.pk]), {"post": "yes"})
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [shared.pk], "post": "yes"},
    )

    assert password_page.status_code == 403
    shared.refresh_from_db()
    assert shared.check_password("pass-word-123")
    assert User.objects.filter(pk=shared.pk).exists()


def test_team_admin_does_not_see_the_token_of_a_user_who_also_belongs_to_another_team(client, stan, shared):
    client.force_login(stan)
    key = Token.objects.get(user=shared).key

    listed = client.get(reverse("admin:authtoken_tokenproxy_changelist"))
    opened = client.get(reverse("admin:authtoken_tokenproxy_change", args=[shared.pk]))

    assert key not in listed.content.decode()
    assert opened.status_code in (302, 404)
    assert key not in opened.content.decode()


def test_team_admin_cannot_raise_their_teams_storage_quota(client, stan, team):
    client.force_login(stan)

    client.post(
        reverse("admin:core_team_change", args=[team.pk]),
        {"name": team.name, "slug": team.slug, "storage_quota_bytes": 10**15},
    )

    team.refresh_from_db()
    assert team.storage_quota_bytes is None


@pytest.fixture
def platform_rows(outsider):
    """Rows of no team: a permission group, and login attempts that name another team's admin and address."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    now = timezone.now()
    attempt = {"username": "mallory", "ip_address": "203.0.113.9", "user_agent": "rival-browser"}
    return {
        Group: Group.objects.create(name="mallory-helpers"),
        AccessAttempt: AccessAttempt.objects.create(failures_since_start=3, attempt_time=now, **attempt),
        AccessLog: AccessLog.objects.create(attempt_time=now, **attempt),
        AccessFailureLog: AccessFailureLog.objects.create(attempt_time=now, locked_out=False, **attempt),
    }


def test_platform_pages_are_for_superusers_only(client, stan, platform_rows):
    """Login attempts name every team's people and addresses; a group's permissions are every member's rights, so
    a team admin who could edit the group they are in could grant themselves anything."""
    client.force_login(stan)
    for model, row in platform_rows.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        for url in (reverse(f"{prefix}_changelist"), reverse(f"{prefix}_change", args=[row.pk])):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), url
            assert "mallory" not in response.content.decode()
    group = platform_rows[Group]
    stan.groups.add(group)
    client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": group.name, "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )
    assert group.permissions.count() == 0


def test_superuser_opens_the_platform_pages(client, platform_rows):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    for model, row in platform_rows.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
        assert client.get(reverse(f"{prefix}_change", args=[row.pk])).status_code == 200


def test_a_staff_member_of_two_teams_cannot_link_one_teams_row_to_the_others(client, stan, team):
    # given stan admins Acme and Beta, and a persona of Beta
    from identity.models import Persona, PersonaPhone
    from usdatabiz.core.tests.factories import TeamFactory

    beta = TeamFactory(slug="beta", name="Beta Sales")
    MembershipFactory(team=beta, user=stan, role=Membership.Role.ADMIN)
    betas = Persona.objects.create(team=beta, first_name="Bo", last_name="B", source_file="b.csv", source_record_id=1)
    client.force_login(stan)

    # when he adds an Acme phone to Beta's persona
    response = client.post(
        reverse("admin:identity_personaphone_add"),
        {"team": team.pk, "persona": betas.pk, "raw": "(212) 555-0199", "normalized_number": "2125550199",
         "phone_type": "unknown", "is_valid": "unknown", "is_connected": "unknown"},
    )  # fmt: skip

    # then the form names the field and nothing is created
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["persona"]
    assert not PersonaPhone.objects.filter(normalized_number="2125550199").exists()
