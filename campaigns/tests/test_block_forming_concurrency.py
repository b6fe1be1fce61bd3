"""Stage 6 under repeats: two "form blocks" requests at once never put a lead in two blocks, nor wait."""

import threading
import time
from functools import partial

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, CampaignLead
from conftest import api_client_for
from usdatabiz.core.models import Team
from usdatabiz.core.tests.concurrency import run_at_once

from .factories import MessageTemplateFactory, textable_leads

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


class TeamLockHeld:
    """Hold the team row's lock in another connection, as a request forming a block does, for ``seconds``."""

    def __init__(self, team_id, seconds=3.0):
        self.team_id, self.seconds = team_id, seconds
        self.locked, self.release = threading.Event(), threading.Event()

    def _hold(self):
        try:
            with transaction.atomic():
                list(Team.objects.select_for_update(no_key=True).filter(pk=self.team_id))
                self.locked.set()
                self.release.wait(self.seconds)
        finally:
            connections["default"].close()

    def __enter__(self):
        self.thread = threading.Thread(target=self._hold)
        self.thread.start()
        assert self.locked.wait(10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(10)


def _draft(team, name="Spring"):
    template = MessageTemplateFactory(team=team)
    return services.campaign_create(team=team, name=name, template=template, block_size=3)


def test_a_second_request_while_a_block_forms_is_refused_at_once_with_a_named_error(team):
    # given a team whose block-forming lock is held by another request
    textable_leads(team, 6)
    campaign = _draft(team)
    with TeamLockHeld(team.pk):
        # when LUCI is asked to form a block meanwhile
        started = time.monotonic()
        with pytest.raises(services.CampaignError) as err:
            services.campaign_stage(campaign=campaign)
        waited = time.monotonic() - started

    # then it is refused at once, by name, and nothing was formed
    assert (err.value.code, err.value.http_status) == ("BLOCK_FORMATION_BUSY", 409)
    assert waited < 2
    campaign.refresh_from_db()
    assert (campaign.status, campaign.error_code, campaign.lead_block_id) == ("draft", "", None)
    assert not CampaignLead.objects.filter(campaign=campaign).exists()


def test_the_api_answers_409_and_the_page_shows_the_message_while_a_block_forms(team, operator, client):
    # given a block forming for the team
    textable_leads(team, 6)
    campaign = _draft(team)
    client.force_login(operator)
    with TeamLockHeld(team.pk):
        # when the API and the page ask to stage
        answer = api_client_for(operator).post(f"/api/v1/campaigns/{campaign.pk}/stage/")
        page = client.post(reverse("campaigns:campaign-stage", args=[campaign.pk]), follow=True)

    # then both name the refusal
    assert answer.status_code == 409
    assert answer.json()["code"] == "BLOCK_FORMATION_BUSY"
    assert b"BLOCK_FORMATION_BUSY" in page.content
    assert Campaign.objects.get(pk=campaign.pk).status == "draft"


def test_a_request_holding_a_stale_draft_does_not_touch_the_campaign_staged_meanwhile(team):
    # given a campaign staged by one request while another still holds it as a draft
    textable_leads(team, 6)
    campaign = _draft(team)
    stale = Campaign.objects.get(pk=campaign.pk)
    staged = services.campaign_stage(campaign=campaign)
    assert staged.status == "staged"

    # when the other request goes on
    with pytest.raises(services.IllegalTransition):
        services.campaign_stage(campaign=stale)

    # then the staged campaign keeps its block and no error
    campaign.refresh_from_db()
    assert (campaign.status, campaign.error_code, campaign.lead_block_id) == ("staged", "", staged.lead_block_id)
    assert CampaignLead.objects.filter(campaign=campaign).count() == 3


def test_two_campaigns_forming_at_once_never_share_a_lead(team, monkeypatch):
    # given two drafts of one team and a block formation slow enough for the requests to overlap
    textable_leads(team, 6)
    first, second = _draft(team, "One"), _draft(team, "Two")
    real_form = services._form_block

    def slow_form(campaign, run):
        time.sleep(0.5)
        return real_form(campaign, run)

    monkeypatch.setattr(services, "_form_block", slow_form)
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def request(campaign):
        try:
            start.wait(10)
            outcomes.append(services.campaign_stage(campaign=campaign).status)
        except services.CampaignError as exc:
            outcomes.append(exc.code)
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)
        finally:
            connections["default"].close()

    # when both are staged at once
    run_at_once(partial(request, first), partial(request, second))

    # then one forms its block and the other is told to try again; no lead is in two blocks
    assert errors == []
    assert sorted(outcomes) == ["BLOCK_FORMATION_BUSY", "staged"]
    leads = list(CampaignLead.objects.filter(team=team).values_list("lead_id", flat=True))
    assert len(leads) == len(set(leads)) == 3
