import logging
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction

from ingestion.models import DataSource
from ingestion.selectors import data_source_summary
from ingestion.services import data_source_create, data_source_process
from messaging.services import sender_number_first_free
from usdatabiz.core.models import Membership, Team
from usdatabiz.core.services import membership_set, team_create, token_for

# The console's own apps: the demo user (staff, a team admin) may view and change their rows in the admin, which
# shows a staff user who is not a superuser only their own teams' rows.
ADMIN_APPS = ["core", "identity", "ingestion", "leads", "campaigns", "messaging", "inbox"]

SAMPLE = Path(__file__).resolve().parents[3] / "ingestion" / "samples" / "usdatabiz-sample.csv"


DEMO_REPLIES = [
    "Sounds good, tell me more",
    "Yes! Call me tomorrow at 3pm",
    "Sure, email me at owner@example.com",
    "who is this?",
    "Not interested, thanks",
    "STOP",
    "wrong number",
    "I'm out of the office until Monday",
]


class Command(BaseCommand):
    help = (
        "Create the demo team and user (idempotent) and carry the bundled sample list through the whole journey: "
        "ingest, resolve, score, skip-trace (sandbox), a staged campaign awaiting approval, an approved one sent "
        "through the SMS sandbox, and simulated replies classified, prioritized and drafted for."
    )

    def add_arguments(self, parser):
        parser.add_argument("--team", default="demo")
        parser.add_argument("--username", default="demo")
        parser.add_argument("--password", default="demo-pass-2026")
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="the address the console is served on")
        parser.add_argument("--queued", action="store_true", help="leave stage tasks to the qcluster")

    def handle(self, *args, team, username, password, queued=False, url="http://127.0.0.1:8000/", **options):
        if not queued:
            self._run_inline()
        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
            if created:
                user.set_password(password)
                user.save()
            user.user_permissions.add(
                *Permission.objects.filter(content_type__app_label__in=ADMIN_APPS, codename__regex=r"^(view|change)_")
            )
            team_obj = Team.objects.filter(slug=team).first() or team_create(slug=team, name="Demo Sales Team")
            membership_set(team=team_obj, user=user, role=Membership.Role.ADMIN)
        token = token_for(user=user)
        # the demo team's own number: a fictional 555-01XX one no other team holds
        sender = sender_number_first_free(
            team=team_obj, candidates=[f"5125550{tail}" for tail in range(100, 200)], label="Demo line", user=user
        )
        if not DataSource.objects.for_team(team_obj).filter(original_name=SAMPLE.name).exists():
            with SAMPLE.open("rb") as handle:
                data_source = data_source_create(team=team_obj, file=File(handle, name=SAMPLE.name), start=False)
            data_source = data_source_process(data_source_id=data_source.pk)
            summary = data_source_summary(data_source=data_source)
            self.stdout.write(
                f"Ingested {SAMPLE.name}: {summary['status']}, {summary['record_count']} rows, "
                f"{summary['businesses']} businesses, {summary['personas']} personas, failures {summary['failures']}"
            )
            if not queued:
                self._journey(team_obj, user)
        self.stdout.write("")
        self.stdout.write(f"Console:  {url}   log in as '{username}' / '{password}'")
        self.stdout.write(f"Team:     {team_obj.slug} ({team_obj.pk})")
        self.stdout.write(f"API:      Authorization: Token {token.key}   (docs at /api/docs/)")
        where = sender.formatted if sender else "no number (see Messages → Sending settings)"
        self.stdout.write(f"Texts from: {where}")

    def _run_inline(self):
        """Run every stage task in this process, as the qcluster would, so the demo is complete on return."""
        from django.conf import settings
        from django_q.conf import Conf

        Conf.SYNC = True
        settings.Q_CLUSTER["sync"] = True
        logging.getLogger("django-q").setLevel(logging.WARNING)  # one line per inline task is noise here

    def _journey(self, team, user):
        """Stages 6-11 on the demo data: the rest of the journey, each step through its service."""
        from campaigns import services as campaigns
        from campaigns.models import Campaign
        from inbox.models import InboxItem
        from inbox.services import sandbox_reply
        from leads.models import Lead
        from messaging import sms
        from messaging.models import Message, MessagingSettings

        if sms.active_provider_name() == "sandbox":
            # Sandbox only: the demo team's sending window is the whole day, so the simulated people answer at any
            # hour and the inbox is never empty on a first run. A real team keeps 8am-9pm in the recipient's time.
            MessagingSettings.objects.update_or_create(
                team=team, defaults={"quiet_start_hour": 0, "quiet_end_hour": 24}
            )
            self.stdout.write(
                "Sending window: the demo team (sandbox) may text at any hour, so its inbox fills whatever the time; "
                "real teams keep 8am-9pm in each recipient's time zone (Messages → Sending settings)."
            )
        leads = Lead.objects.for_team(team)
        self.stdout.write(
            f"Leads: {leads.count()} scored; skip trace: {leads.filter(enrichment_status='completed').count()} "
            f"completed, {leads.filter(enrichment_status='no_results').count()} no results (sandbox)"
        )
        template = campaigns.template_create(
            team=team,
            name="Opener",
            body="Hi {first_name}, this is {sender_name}. Could we help {company} with more customers this season? "
            "Reply STOP to opt out.",
            user=user,
        )
        sent = campaigns.campaign_stage(
            campaign=campaigns.campaign_create(
                team=team, name="Demo: sent", template=template, block_size=40, allow_partial_block=True,
                sender_name="Sam", user=user,
            ),
            actor=user,
        )  # fmt: skip
        if sent.status == Campaign.Status.STAGED:
            campaigns.campaign_approve(campaign=sent, user=user, note="demo")
        waiting = campaigns.campaign_stage(
            campaign=campaigns.campaign_create(
                team=team, name="Demo: awaiting approval", template=template, block_size=60,
                allow_partial_block=True, sender_name="Sam", user=user,
            ),
            actor=user,
        )  # fmt: skip
        sent.refresh_from_db()
        outbound = Message.objects.filter(campaign=sent, status__in=["sent", "delivered"]).order_by("pk")
        self.stdout.write(
            f"Campaigns: '{sent.name}' {sent.status} ({outbound.count()} sent; sends outside a recipient's "
            f"8am-9pm wait for their morning), '{waiting.name}' {waiting.status}"
        )
        for message, text in zip(outbound, DEMO_REPLIES, strict=False):
            sandbox_reply(team=team, from_number=message.to_number, text=text)
        from inbox.models import Conversation

        items = InboxItem.objects.for_team(team)
        conversations = Conversation.objects.for_team(team)
        self.stdout.write(
            f"Inbox: {items.count()} simulated replies in {conversations.count()} conversations "
            f"({conversations.filter(status='open').count()} waiting on us, "
            f"{conversations.filter(status='closed').count()} closed by themselves), "
            f"{items.filter(priority='hot').count()} hot, "
            f"{conversations.filter(draft_status='pending').count()} drafts awaiting approval "
            "- open /inbox/conversations/"
        )
