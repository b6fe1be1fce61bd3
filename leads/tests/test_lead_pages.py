"""Lead list selection, paused jobs and the team's LUCY settings: pages, API and admin."""

import json
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from identity.tests.factories import BusinessFactory, person_with_contacts
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.models import Lead, LeadSettings, SkipTraceJob
from leads.services import leads_prepare
from leads.skiptrace import SandboxSkipTrace
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def leads(team):
    business = BusinessFactory(team=team, name="Acme", normalized_name="ACME", state="TX", zip5="78701",
                               sic_code="1711", employees=20)  # fmt: skip
    for i, (first, last) in enumerate([("Ann", "Lee"), ("Bo", "Diaz"), ("Cy", "Fox")]):
        person_with_contacts(team, first, last, phone=f"51255500{i:02d}", business=business)
    leads_prepare(team=team)
    return list(Lead.objects.for_team(team).order_by("pk"))


@pytest.fixture
def admin_client(client, team_admin):
    client.force_login(team_admin)
    return client


def test_the_list_offers_a_checkbox_per_lead_to_operators(operator_client, leads):
    page = operator_client.get(reverse("leads:lead-list")).content.decode()
    for lead in leads:
        assert f'name="lead" value="{lead.pk}" form="enrich-form"' in page
    assert 'data-testid="enrich-selected"' in page


def test_a_viewer_sees_no_checkboxes(client, viewer, leads):
    client.force_login(viewer)
    page = client.get(reverse("leads:lead-list")).content.decode()
    assert 'name="lead"' not in page
    assert "enrich-form" not in page


def test_skip_tracing_the_selected_leads_traces_only_those(operator_client, team, leads):
    chosen = [leads[0].pk, leads[2].pk]

    response = operator_client.post(reverse("leads:lead-enrich"), {"scope": "selected", "lead": chosen})

    job = SkipTraceJob.objects.get(team=team)
    assert response.url == reverse("leads:job-detail", args=[job.pk])
    assert sorted(job.lead_ids) == sorted(chosen)
    assert Lead.objects.get(pk=leads[1].pk).traced_at is None


def test_selected_with_nothing_ticked_is_a_named_error_and_starts_nothing(operator_client, team, leads):
    response = operator_client.post(reverse("leads:lead-enrich"), {"scope": "selected"}, follow=True)

    assert b"NOTHING_SELECTED" in response.content
    assert not SkipTraceJob.objects.filter(team=team).exists()


def test_another_teams_lead_cannot_be_slipped_into_a_selection(operator_client, team, other_team, leads):
    person_with_contacts(other_team, "Zed", "Zee", phone="5125550999")
    leads_prepare(team=other_team)
    theirs = Lead.objects.get(team=other_team)

    operator_client.post(reverse("leads:lead-enrich"), {"scope": "selected", "lead": [theirs.pk, leads[0].pk]})

    job = SkipTraceJob.objects.get(team=team)
    assert job.lead_ids == [leads[0].pk]
    assert Lead.objects.get(pk=theirs.pk).traced_at is None


@pytest.fixture
def paused_job(team, leads):
    (job,) = skiptrace_jobs_create(team=team, start=False)
    return skiptrace_job_run(
        job_id=job.pk, provider=SandboxSkipTrace(fail_every=2, failure="daily_limit"), batch_size=1
    )


def test_a_paused_job_page_says_when_it_goes_on_and_can_be_resumed(operator_client, team, paused_job):
    assert (paused_job.status, paused_job.done) == ("paused", 1)
    url = reverse("leads:job-detail", args=[paused_job.pk])
    page = operator_client.get(url).content.decode()
    assert 'data-testid="job-paused"' in page
    # midnight UTC, read on the operator's clock (the team's default, New York) in the console's one format
    local = paused_job.resume_at.astimezone(ZoneInfo("America/New_York"))
    assert local.hour in (19, 20)  # 7 pm EST or 8 pm EDT the evening before
    shown = f"{local:%b} {local.day}, {local.hour - 12}:00 PM {local:%Z}"
    assert f'goes on by itself at <b data-testid="resume-at">{shown}</b>' in page
    assert "the provider's daily lookup limit resets (midnight UTC)" in page
    assert "Resume now" in page

    response = operator_client.post(reverse("leads:job-resume", args=[paused_job.pk]))

    assert response.url == url
    paused_job.refresh_from_db()
    assert (paused_job.status, paused_job.done) == ("completed", 3)  # the sandbox in settings has no limit
    assert not Schedule.objects.filter(name=f"resume {paused_job.pk}").exists()


def test_resuming_a_job_that_is_not_paused_is_refused(operator_client, operator_api, team, leads):
    (job,) = skiptrace_jobs_create(team=team, start=False)
    skiptrace_job_run(job_id=job.pk, provider=SandboxSkipTrace())

    page = operator_client.post(reverse("leads:job-resume", args=[job.pk]), follow=True)
    api = operator_api.post(f"/api/v1/skiptrace-jobs/{job.pk}/resume/")

    assert b"NOT_PAUSED" in page.content
    assert api.status_code == 409
    assert api.json()["code"] == "NOT_PAUSED"


def test_the_api_resumes_a_paused_job_and_shows_resume_at(operator_api, paused_job):
    detail = operator_api.get(f"/api/v1/skiptrace-jobs/{paused_job.pk}/").json()
    assert (detail["status"], detail["error_code"]) == ("paused", "RATE_LIMIT")
    assert detail["resume_at"].startswith(paused_job.resume_at.strftime("%Y-%m-%dT00:00:00"))

    response = operator_api.post(f"/api/v1/skiptrace-jobs/{paused_job.pk}/resume/")

    assert response.status_code == 202
    assert response.json()["status"] == "completed"


def _rules(*rows) -> dict:
    """The tag-rule rows of the settings form, as a browser posts them."""
    body = {"rules-TOTAL_FORMS": str(len(rows)), "rules-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        body.update({f"rules-{i}-{name}": value for name, value in row.items()})
    return body


def test_an_admin_saves_weights_and_rules_and_every_lead_is_rescored(admin_client, team, leads):
    before = {lead.pk: lead.score for lead in leads}
    rules = [
        {"tag": "segment:hvac", "when": {"sic_prefix": "17"}},
        {"tag": "region:south", "when": {"states": ["TX", "OK"], "min_score": 10}},
    ]

    response = admin_client.post(
        reverse("leads:settings-edit"),
        {
            "weight_industry": "0",
            "weight_completeness": "0",
            "daily_trace_cap": 7,
            **_rules(
                {"tag": "segment:hvac", "sic_prefix": "17"},
                {"tag": "region:south", "states": "Texas, OK", "min_score": "10"},
                {"tag": ""},
            ),
        },
    )

    assert response.status_code == 302
    row = LeadSettings.objects.get(team=team)
    assert (row.weights, row.tag_rules, row.daily_trace_cap) == ({"industry": 0, "completeness": 0}, rules, 7)
    page = admin_client.get(reverse("leads:settings-edit")).content.decode()
    assert 'value="segment:hvac"' in page
    assert 'value="TX, OK"' in page
    for lead in Lead.objects.for_team(team):
        assert "segment:hvac" in lead.tags
        assert lead.score_breakdown["industry"] == 0
        assert lead.score != before[lead.pk]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("rules", {"tag": "nocolon"}, "must look like"),
        ("rules", {"tag": "a:b", "states": "Texass"}, "Unknown state"),
        ("rules", {"tag": "", "sic_prefix": "17"}, "Name the tag this rule adds."),
        ("rules", {"tag": "a:b", "min_score": "abc"}, "Enter a whole number."),
        ("weight_industry", "-1", "greater than or equal to 0"),
        ("weight_revenue", "lots", "Enter a number."),
    ],
)
def test_a_bad_setting_is_named_on_the_page_and_nothing_changes(admin_client, team, leads, field, value, error):
    body = {"daily_trace_cap": "", **_rules()}
    if field == "rules":
        body.update(_rules(value))
    else:
        body[field] = value
    scores = sorted(Lead.objects.for_team(team).values_list("pk", "score", "tags"))

    response = admin_client.post(reverse("leads:settings-edit"), body)

    assert response.status_code == 400
    assert 'data-testid="field-error"' in response.content.decode()
    assert error in response.content.decode()
    assert LeadSettings.objects.get(team=team).tag_rules == []
    assert sorted(Lead.objects.for_team(team).values_list("pk", "score", "tags")) == scores


def test_an_operator_reads_the_settings_but_cannot_save_them(operator_client, team, leads):
    page = operator_client.get(reverse("leads:settings-edit"))
    assert page.status_code == 200
    assert b"Only a team admin can change these." in page.content
    refused = operator_client.post(reverse("leads:settings-edit"), _rules())
    assert refused.status_code == 403


def test_the_settings_api_reads_validates_and_saves(team, team_admin, operator, leads):
    from conftest import api_client_for

    admin_api = api_client_for(team_admin)
    assert admin_api.get("/api/v1/lead-settings/").json()["tag_rules"] == []
    bad = admin_api.put("/api/v1/lead-settings/", {"tag_rules": [{"tag": "x"}]}, format="json")
    assert bad.status_code == 400
    assert "must look like" in json.dumps(bad.json())
    good = admin_api.put("/api/v1/lead-settings/", {"tag_rules": [{"tag": "team:all"}]}, format="json")
    assert good.status_code == 200
    assert all("team:all" in lead.tags for lead in Lead.objects.for_team(team))
    assert api_client_for(operator).put("/api/v1/lead-settings/", {"tag_rules": []}, format="json").status_code == 403


def test_the_admin_form_refuses_a_bad_rule(client, team):
    staff = UserFactory(username="lsstaff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="leads"))
    client.force_login(staff)

    response = client.post(
        reverse("admin:leads_leadsettings_add"),
        {"team": team.pk, "weights": "{}", "tag_rules": '[{"tag": "a:b", "when": {"sic_prefix": 17}}]'},
    )

    assert response.status_code == 200
    assert "must be a string or a list of strings" in response.content.decode()
    assert not LeadSettings.objects.filter(team=team).exists()


def test_resume_at_is_next_midnight():
    from datetime import UTC, datetime

    from leads.enrichment import next_utc_midnight

    assert next_utc_midnight(datetime(2026, 12, 1, 23, 59, 59, tzinfo=UTC)) == datetime(2026, 12, 2, tzinfo=UTC)
    assert next_utc_midnight(datetime(2026, 12, 31, 0, 0, 0, tzinfo=UTC)) == datetime(2027, 1, 1, tzinfo=UTC)
    assert next_utc_midnight(timezone.now()) > timezone.now()
