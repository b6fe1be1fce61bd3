"""Admins see only their own teams' leads, settings, jobs and results."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from identity.tests.factories import person_with_contacts
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, LeadSettings, SkipTraceJob, SkipTraceResult
from leads.services import lead_settings_get, leads_prepare
from leads.skiptrace import SandboxSkipTrace
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory


def _rows(team):
    person_with_contacts(team, "Ann", "Lee", phone="5125550001")
    leads_prepare(team=team)
    lead_settings_get(team=team)
    (job,) = skiptrace_jobs_create(team=team, start=False)
    skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace())
    return {
        Lead: Lead.objects.get(team=team),
        LeadSettings: LeadSettings.objects.get(team=team),
        SkipTraceJob: job,
        SkipTraceResult: SkipTraceResult.objects.get(team=team),
    }


@pytest.mark.parametrize("model", [Lead, LeadSettings, SkipTraceJob, SkipTraceResult], ids=lambda m: m.__name__)
def test_admin_lists_and_pages_are_scoped_to_the_staff_users_teams(client, team, other_team, model):
    mine, theirs = _rows(team)[model], _rows(other_team)[model]
    staff = UserFactory(username="leadstaff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="leads"))
    client.force_login(staff)
    name = model._meta.model_name
    changelist = client.get(reverse(f"admin:leads_{name}_changelist"))
    assert changelist.status_code == 200
    assert mine.pk.encode() in changelist.content
    assert theirs.pk.encode() not in changelist.content
    assert client.get(reverse(f"admin:leads_{name}_change", args=[theirs.pk])).status_code in (302, 404)
