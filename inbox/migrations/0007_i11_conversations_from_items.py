"""Existing inbox items become conversations: one per contact and team, a new one after each closed item; the
texts of each (the items' inbound messages and our texts to the number meanwhile) join it."""

from django.db import migrations

from usdatabiz.core.ids import new_id

CLOSING = {"opt_out": "opted_out", "wrong_number": "wrong_number", "hostile": "hostile"}


def items_to_conversations(apps, schema_editor):
    InboxItem = apps.get_model("inbox", "InboxItem")
    Conversation = apps.get_model("inbox", "Conversation")
    ConversationMessage = apps.get_model("inbox", "ConversationMessage")
    Message = apps.get_model("messaging", "Message")

    current = {}  # (team, number) -> Conversation not closed yet
    items = (
        InboxItem.objects.filter(conversation__isnull=True)
        .select_related("message")
        .order_by("team_id", "phone_number", "received_at", "id")
    )
    touched = []
    for item in items.iterator(chunk_size=2000):
        key = (item.team_id, item.phone_number)
        cnv = current.get(key)
        if cnv is None:
            cnv = Conversation.objects.create(
                id=new_id("cnv"), team_id=item.team_id, contact_number=item.phone_number,
                sender_number=item.message.to_number, persona_id=item.persona_id, lead_id=item.lead_id,
                campaign_id=item.campaign_id, correlation_id=item.correlation_id, status="closed",
            )  # fmt: skip
            cnv._first_at = item.received_at
            current[key] = cnv
            touched.append(cnv)
        item.conversation_id = cnv.pk
        item.save(update_fields=["conversation"])
        cnv.latest_item_id = item.pk
        cnv.last_inbound_at = cnv.last_message_at = item.received_at
        cnv.last_text = (item.response_text or "")[:160]
        cnv.intent = item.classification or cnv.intent
        cnv.intent_confidence = item.classification_confidence
        cnv.priority, cnv.priority_score = item.priority, item.priority_score
        cnv.worker = item.assigned_sdr_id or cnv.worker
        cnv.worker_intent = cnv.intent
        if item.suggestion_status == "pending":
            if cnv.draft_item_id:
                InboxItem.objects.filter(pk=cnv.draft_item_id).update(suggestion_status="set_aside")
            cnv.draft_text, cnv.draft_worker, cnv.draft_status = item.suggested_text, item.assigned_sdr_id, "pending"
            cnv.draft_item_id = item.pk
        if item.status == "processed":
            cnv.status = "closed"
            cnv.disposition = item.disposition or CLOSING.get(item.classification, "other")
            cnv.closed_at, cnv.closed_by_id = item.processed_at or item.received_at, item.processed_by_id
            if cnv.draft_status == "pending":
                cnv.draft_status = "set_aside"
                InboxItem.objects.filter(pk=cnv.draft_item_id).update(suggestion_status="set_aside")
            del current[key]
        else:
            cnv.status = "open"
            cnv.disposition, cnv.closed_at = "", None
        ConversationMessage.objects.get_or_create(
            message_id=item.message_id, defaults={"conversation_id": cnv.pk, "created_at": item.message.created_at}
        )
    by_contact = {}
    for cnv in touched:
        by_contact.setdefault((cnv.team_id, cnv.contact_number), []).append(cnv)
    for (team_id, number), conversations in by_contact.items():
        previous_end = None
        for cnv in conversations:
            outbound = Message.objects.filter(team_id=team_id, direction="outbound", to_number=number)
            if previous_end is not None:
                outbound = outbound.filter(created_at__gt=previous_end)
            if cnv.closed_at is not None:
                outbound = outbound.filter(created_at__lte=cnv.closed_at)
            last_out = None
            for pk, at in outbound.order_by("created_at").values_list("pk", "created_at"):
                ConversationMessage.objects.get_or_create(
                    message_id=pk, defaults={"conversation_id": cnv.pk, "created_at": at}
                )
                last_out = at
            if last_out is not None:
                cnv.last_outbound_at = last_out
                cnv.last_message_at = max(cnv.last_message_at, last_out)
                if cnv.status == "open" and last_out > cnv.last_inbound_at:
                    cnv.status = "waiting"
            previous_end = cnv.closed_at
            cnv.save()


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0006_i11_conversations"),
        ("messaging", "0004_sender_numbers_and_provider_webhooks"),
    ]

    operations = [migrations.RunPython(items_to_conversations, migrations.RunPython.noop)]
