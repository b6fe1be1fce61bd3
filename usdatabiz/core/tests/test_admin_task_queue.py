"""Django admin of the task queue (django-q2): task arguments and results name every team's records, so only
superusers see these pages; a team admin with the models' permissions gets none of them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_q.models import Failure, OrmQ, Schedule, Success
from django_q.signing import SignedPackage

from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

QUEUE_MODELS = [Success, Failure, Schedule, OrmQ]
SECRET_ARGUMENT = "lead_rival_secret_01"


@pytest.fixture
def rows(db):
    """One of each: a success, a failure, a schedule and a queued task, all naming another team's record."""
    now = timezone.now()
    common = {"func": "builtins.str", "args": (SECRET_ARGUMENT,), "kwargs": {}, "started": now,
              "stopped": now}  # fmt: skip
    success = Success.objects.create(id="a" * 32, name="ok-task", result=SECRET_ARGUMENT, success=True, **common)
    failure = Failure.objects.create(id="b" * 32, name="bad-task", result=SECRET_ARGUMENT, success=False, **common)
    schedule = Schedule.objects.create(name="sched", func="leads.tasks.lead_score_task", args=f"'{SECRET_ARGUMENT}'")
    package = SignedPackage.dumps({"id": "c" * 32, "name": "queued-task", "func": "x", "args": (SECRET_ARGUMENT,)})
    queued = OrmQ.objects.create(key="default", payload=package, lock=now)
    return {Success: success, Failure: failure, Schedule: schedule, OrmQ: queued}


@pytest.fixture
def team_admin_staff(team):
    user = UserFactory(username="stan", is_staff=True)
    MembershipFactory(team=team, user=user, role=Membership.Role.ADMIN)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="django_q"))
    return user


def _url(model, view="changelist", *args):
    return reverse(f"admin:django_q_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", QUEUE_MODELS, ids=lambda m: m.__name__)
def test_team_admin_cannot_see_the_task_queue(client, team_admin_staff, rows, model):
    client.force_login(team_admin_staff)

    for url in (_url(model), _url(model, "change", rows[model].pk)):
        response = client.get(url)
        assert response.status_code in (403, 302, 404), url
        assert SECRET_ARGUMENT not in response.content.decode()
    assert "django_q" not in client.get(reverse("admin:index")).content.decode()


def test_team_admin_cannot_resubmit_or_delete_tasks(client, team_admin_staff, rows):
    client.force_login(team_admin_staff)
    tasks_before = (OrmQ.objects.count(), Success.objects.count())

    client.post(_url(Failure), {"action": "resubmit_task", "_selected_action": [rows[Failure].pk]})
    client.post(_url(Schedule, "delete", rows[Schedule].pk), {"post": "yes"})

    assert (OrmQ.objects.count(), Success.objects.count()) == tasks_before  # nothing was run again
    assert Failure.objects.filter(pk=rows[Failure].pk).exists()
    assert Schedule.objects.filter(pk=rows[Schedule].pk).exists()


@pytest.mark.parametrize("model", QUEUE_MODELS, ids=lambda m: m.__name__)
def test_superuser_sees_the_task_queue(client, rows, model):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    assert client.get(_url(model)).status_code == 200
    assert client.get(_url(model, "change", rows[model].pk)).status_code == 200
    assert admin.site.is_registered(model)
