"""Admins see only their teams' inbox items, calls, events and webhook records; nothing is edited there."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from inbox.models import CallQueueEntry, InboxEvent, InboxItem, WebhookEvent
from usdatabiz.core.models import Membership
from usdatabiz.core.tests.factories import MembershipFactory, UserFactory

from .factories import replied_item


@pytest.fixture(autouse=True)
def _daytime(time_machine):
    time_machine.move_to("2026-12-01T17:00:00Z")


@pytest.fixture
def staff_client(client, team):
    staff = UserFactory(username="inboxstaff", is_staff=True)
    MembershipFactory(team=team, user=staff, role=Membership.Role.ADMIN)
    staff.user_permissions.add(*Permission.objects.filter(content_type__app_label="inbox"))
    client.force_login(staff)
    return client


def test_inbox_admin_lists_are_scoped_and_read_only(staff_client, team, other_team, operator, outsider):
    mine = replied_item(team, operator, "Yes! Call me tomorrow at 3pm")
    theirs = replied_item(other_team, outsider, "Yes! Call me tomorrow at 3pm", start=50)
    pairs = [
        (InboxItem, mine.pk, theirs.pk),
        (CallQueueEntry, CallQueueEntry.objects.get(item=mine).pk, CallQueueEntry.objects.get(item=theirs).pk),
        (
            InboxEvent,
            InboxEvent.objects.filter(item=mine).first().pk,
            InboxEvent.objects.filter(item=theirs).first().pk,
        ),
        (WebhookEvent, WebhookEvent.objects.get(team=team).pk, WebhookEvent.objects.get(team=other_team).pk),
    ]
    for model, own, foreign in pairs:
        name = model._meta.model_name
        page = staff_client.get(reverse(f"admin:inbox_{name}_changelist")).content.decode()
        assert own in page, name
        assert foreign not in page, name
        assert staff_client.get(reverse(f"admin:inbox_{name}_add")).status_code == 403, name
    unmatched = WebhookEvent.objects.create(status="unmatched", error_code="NO_LEAD_MATCH")
    assert unmatched.pk not in staff_client.get(reverse("admin:inbox_webhookevent_changelist")).content.decode()
