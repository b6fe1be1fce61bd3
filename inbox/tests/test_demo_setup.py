"""``manage.py demo_setup`` (run by ``make demo``) carries the sample through every stage, and is idempotent."""

import io

from django.core.management import call_command

from campaigns.models import Campaign
from inbox.models import InboxItem
from leads.models import Lead
from messaging.models import Message
from usdatabiz.core.models import StageRun, Team


def test_the_demo_walks_the_whole_journey_once(db, time_machine):
    time_machine.move_to("2026-12-01T18:00:00Z")  # a weekday noon in the middle of the country
    out = io.StringIO()

    call_command("demo_setup", stdout=out)
    call_command("demo_setup", stdout=io.StringIO())  # again: nothing is duplicated

    team = Team.objects.get(slug="demo")
    assert Lead.objects.for_team(team).exclude(enrichment_status="pending").count() > 300
    campaigns = dict(Campaign.objects.for_team(team).values_list("name", "status"))
    assert campaigns == {"Demo: sent": "completed", "Demo: awaiting approval": "staged"}
    assert Message.objects.for_team(team).filter(kind="campaign", status="sent").count() > 20
    items = InboxItem.objects.for_team(team)
    assert items.count() == 8
    assert items.filter(suggestion_status="pending").exists()
    assert set(items.values_list("classification", flat=True)) >= {"opt_out", "meeting_request", "email_capture"}
    ran = set(StageRun.objects.filter(team=team, status="succeeded").values_list("stage", flat=True))
    assert ran >= set(range(1, 12))
    assert "log in as 'demo'" in out.getvalue()


def test_the_demo_inbox_is_populated_at_night_and_says_why(db, time_machine):
    from inbox.models import Conversation

    time_machine.move_to("2026-12-01T07:30:00Z")  # 1:30 am in Chicago: outside every US sending window
    out = io.StringIO()

    call_command("demo_setup", stdout=out)

    team = Team.objects.get(slug="demo")
    assert Conversation.objects.for_team(team).filter(status="open").count() >= 3
    assert InboxItem.objects.for_team(team).count() == 8
    assert "may text at any hour" in out.getvalue()
    assert "/inbox/conversations/" in out.getvalue()


def test_the_demo_user_sees_the_demo_team_in_the_admin(db, client, time_machine):
    from django.contrib.auth import get_user_model

    time_machine.move_to("2026-12-01T18:00:00Z")
    call_command("demo_setup", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="demo"))

    index = client.get("/admin/")
    sources = client.get("/admin/ingestion/datasource/")

    assert index.status_code == 200
    assert "permission to view or edit anything" not in index.content.decode()
    assert sources.status_code == 200
    assert "usdatabiz-sample.csv" in sources.content.decode()


def test_the_demo_prints_the_address_it_is_served_on(db, time_machine):
    time_machine.move_to("2026-12-01T18:00:00Z")
    out = io.StringIO()

    call_command("demo_setup", "--url", "http://127.0.0.1:8123/", stdout=out)

    assert "Console:  http://127.0.0.1:8123/   log in as 'demo'" in out.getvalue()
    assert ":8000" not in out.getvalue()
