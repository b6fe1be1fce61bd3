"""The whole journey of the seed, stage by stage, through the entry points people and integrations use.

A CSV is uploaded; the pipeline runs stages 1-5 by itself (tasks run inline in tests); an operator stages
a campaign and approves it; the sandbox sends; a person replies by signed webhook; the reply is classified,
prioritized and drafted for; the operator approves the draft and closes the conversation. Every stage leaves
its run in the ledger and every record carries the traceability fields of the seed.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from campaigns.models import Campaign, CampaignLead, MessageTemplate
from identity.models import Persona, PersonaPhone
from inbox.models import InboxItem
from ingestion.models import DataSource
from leads.models import Lead
from messaging.models import Message
from messaging.signalhouse import sandbox_inbound_event
from messaging.sms import webhook_secrets
from usdatabiz.core.models import StageRun

CSV = (
    b"Company Name,First Name,Last Name,Title,Phone,Email,Street Address,City,State,ZIP Code,SIC Code,"
    b"Employees,Annual Revenue,Year Founded\r\n"
    b"Bluebonnet Plumbing Inc.,Henrietta,Okonkwo,Owner,(512) 555-0143,henrietta@bluebonnet.example,1 Main St,"
    b"Austin,TX,78701,1711,12,1500000,2004\r\n"
    b"Pecan Street Electric LLC,Marcus,Delacroix,President,512.555.0187,marcus@pecan.example,9 Oak Ave,"
    b"Austin,TX,78702,1731,30,4000000,1998\r\n"
    b"Pecan Street Electric LLC,Marcus,Delacroix,President,512.555.0187,,9 Oak Ave,Austin,TX,78702,1731,30,"
    b"4000000,1998\r\n"
    b"Lone Star Roofing Co,Priya,Venkataraman,Manager,214-555-0111,priya@lonestar.example,3 Elm Rd,Dallas,TX,"
    b"75201,1761,8,800000,2015\r\n"
)


@pytest.fixture(autouse=True)
def _austin_morning(time_machine):
    time_machine.move_to("2026-12-01T16:00:00Z")  # 10:00 in Texas


def test_a_list_goes_from_upload_to_a_closed_conversation(operator_client, operator, team, team_admin):
    # 1-5: upload; normalization, resolution, LUCY and the sandbox skip trace follow by themselves
    operator_client.post(reverse("ingestion:data-source-list"), {"file": SimpleUploadedFile("list.csv", CSV)})
    source = DataSource.objects.get(team=team)
    assert (source.status, source.record_count) == ("completed", 4)
    assert Persona.objects.filter(team=team, is_merged=False).count() == 3  # Marcus twice is one person
    leads = Lead.objects.filter(team=team)
    assert leads.count() == 3
    assert all(lead.score > 0 and lead.tags for lead in leads)
    assert set(leads.values_list("enrichment_status", flat=True)) <= {"completed", "no_results"}

    # the sandbox's skip trace is deterministic but may find a landline: give everyone a textable mobile
    for i, persona in enumerate(Persona.objects.filter(team=team, is_merged=False).order_by("pk")):
        PersonaPhone.objects.create(
            team=team, persona=persona, raw=f"51255501{50 + i}", normalized_number=f"51255501{50 + i}",
            phone_type="mobile", is_valid=True, is_connected=True,
        )  # fmt: skip

    # 6: a template, a campaign staged by LUCI, approved by the operator
    operator_client.post(
        reverse("campaigns:template-list"),
        {"name": "Opener", "body": "Hi {first_name}, quick question about {company}? Reply STOP to opt out.",
         "worker": "GIANNA"},
    )  # fmt: skip
    template = MessageTemplate.objects.get(team=team)
    operator_client.post(
        reverse("campaigns:campaign-create"),
        {"name": "Texas trades", "template": template.pk, "block_size": 2000, "allow_partial_block": "on",
         "sender_name": "Sam"},
    )  # fmt: skip
    campaign = Campaign.objects.get(team=team)
    refused = operator_client.post(reverse("campaigns:campaign-stage", args=[campaign.pk]), follow=True)
    assert "NO_SENDER_NUMBER" in refused.content.decode()  # the team has no number of its own yet
    admin = Client()
    admin.force_login(team_admin)
    admin.post(reverse("messaging:sender-number-create"), {"number": "(512) 555-0100", "status": "active"})
    operator_client.post(reverse("campaigns:campaign-stage", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == "staged"
    assert campaign.lead_block.lead_count == 3

    # 7: approval starts the sends (sandbox), each with its provider id
    operator_client.post(reverse("messaging:campaign-approve", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == "completed"
    sent = Message.objects.filter(campaign=campaign, direction="outbound")
    assert sent.count() == 3
    assert all(m.external_id and m.correlation_id == campaign.correlation_id for m in sent)
    assert set(CampaignLead.objects.filter(campaign=campaign).values_list("status", flat=True)) == {"sent"}

    # 8: Henrietta replies by signed webhook
    henrietta = sent.get(persona__first_name="Henrietta")
    headers, body = sandbox_inbound_event(
        henrietta.to_number, henrietta.from_number, "Yes, call me tomorrow at 3pm", webhook_secrets("signalhouse")[0]
    )
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k.lower() != "content-type"}
    webhook = operator_client.post(reverse("webhook-signalhouse"), data=body, content_type="application/json", **extra)
    assert webhook.status_code == 200

    # 9-11: classified, prioritized into the call queue, drafted for by SABRINA
    item = InboxItem.objects.get(team=team)
    assert (item.lead_id, item.campaign_id, item.correlation_id) == (
        henrietta.lead_id,
        campaign.pk,
        campaign.correlation_id,
    )
    assert item.external_id == item.message.external_id
    assert (item.classification, item.priority, item.assigned_sdr_id) == ("meeting_request", "hot", "SABRINA")
    assert item.call_entry.status == "waiting"
    assert item.suggestion_status == "pending"

    # 11-12: the operator approves the draft, then closes with a disposition
    operator_client.post(
        reverse("inbox:item-reply", args=[item.pk]), {"text": item.suggested_text, "from_suggestion": "on"}
    )
    operator_client.post(reverse("inbox:item-close", args=[item.pk]), {"disposition": "booked", "notes": "Wed 3pm"})
    item.refresh_from_db()
    assert (item.status, item.processed_by, item.disposition) == ("processed", operator, "booked")
    lead = Lead.objects.get(pk=item.lead_id)
    assert (lead.status, lead.close_reason) == ("converted", "booked")
    reply = Message.objects.get(kind="reply")
    assert (reply.approved_by, reply.status) == (operator, "sent")
    lead_page = operator_client.get(lead.get_absolute_url()).content.decode()
    assert "converted (booked)" in lead_page
    assert "Yes, call me tomorrow at 3pm" in lead_page
    assert reply.body[:40] in lead_page

    # the ledger holds a successful run of every stage of the journey
    stages = set(StageRun.objects.filter(team=team, status="succeeded").values_list("stage", flat=True))
    assert stages == set(range(1, 13))
    dashboard = operator_client.get(reverse("core:dashboard")).content.decode()
    assert "Manual escalation / closeout" in dashboard
