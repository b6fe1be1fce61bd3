"""The operator workspace: conversations on the left, the selected thread in the middle, the contact on the right.

Server-rendered with htmx: the list and the open thread's texts poll for changes; every action posts a form and
gets the thread back. Keyboard shortcuts live in ``static/js/workspace.js``.
"""

from datetime import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from identity.models import PersonaPhone
from messaging.models import Suppression
from usdatabiz.core import times
from usdatabiz.core.errors import DomainError
from usdatabiz.core.mixins import TeamMemberRequiredMixin
from usdatabiz.core.pagination import InvalidCursor, keyset_page

from . import selectors, services
from .classification import Classification
from .models import Conversation, InboxSettings, OperatorSettings, SavedReply
from .services.conversations import conversation_callback

PAGE_SIZE = 50


class WorkspaceFilterForm(forms.Form):
    bucket = forms.ChoiceField(required=False, choices=list(selectors.CONVERSATION_BUCKETS.items()))
    assignee = forms.CharField(required=False, max_length=150)
    intent = forms.ChoiceField(
        required=False, choices=[("", "any intent")] + [(c.value, c.label) for c in Classification]
    )
    campaign = forms.CharField(required=False, max_length=40)
    q = forms.CharField(required=False, max_length=80, label="Search")


def _filters(request) -> tuple[WorkspaceFilterForm, dict]:
    form = WorkspaceFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    filters = {k: v for k, v in data.items() if v}
    filters.setdefault("bucket", "open")
    return form, filters


def _list_context(request, team) -> dict:
    form, filters = _filters(request)
    conversations = selectors.conversation_list(team=team, user=request.user, **filters)
    cursor = request.GET.get("cursor") or None
    page = keyset_page(conversations, field="last_message_at", cursor=cursor, size=PAGE_SIZE)
    counts = selectors.conversation_counts(team=team, user=request.user)
    query = request.GET.copy()
    for key in ("c", "page", "cursor"):
        query.pop(key, None)
    return {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "cursor": cursor or "",
        "counts": counts,
        "buckets": selectors.CONVERSATION_BUCKETS,
        "query": query.urlencode(),
        "selected": request.GET.get("c", ""),
        # reversed once, not three times a row: a thread is ``<workspace>/<id>/`` (inbox/urls.py)
        "workspace_url": reverse("inbox:workspace"),
    }


class WorkspaceView(TeamMemberRequiredMixin, TemplateView):
    """The whole workspace; ``?c=<id>`` opens a conversation."""

    template_name = "inbox/workspace.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except InvalidCursor as exc:
            return _bad_cursor(exc)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(_list_context(self.request, self.team))
        context["members"] = _members(self.team)
        context["campaigns"] = Campaign.objects.for_team(self.team).order_by("-created_at").values("pk", "name")[:50]
        selected = self.kwargs.get("pk") or self.request.GET.get("c")
        if selected:
            try:
                conversation = selectors.conversation_get(team=self.team, pk=selected)
            except Conversation.DoesNotExist as exc:
                raise Http404("No such conversation.") from exc
            context.update(_thread_context(self.request, conversation), selected=conversation.pk)
        return context


class WorkspaceListView(TeamMemberRequiredMixin, View):
    """The list alone (htmx polls it); it carries the unread count for the page title."""

    def get(self, request, *args, **kwargs):
        try:
            context = _list_context(request, self.team)
        except InvalidCursor as exc:
            return _bad_cursor(exc)
        return render(request, "inbox/_conversation_list.html", context)


def _bad_cursor(exc: InvalidCursor) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(f"{exc.code}: {exc.message}", content_type="text/plain; charset=utf-8")


def _members(team):
    return get_user_model().objects.filter(memberships__team=team).order_by("username").only("pk", "username")


def _conversation(view) -> Conversation:
    try:
        return selectors.conversation_get(team=view.team, pk=view.kwargs["pk"])
    except Conversation.DoesNotExist as exc:
        raise Http404("No such conversation.") from exc


def _merge_fields(conversation: Conversation) -> dict:
    lead = conversation.lead
    persona = lead.persona if lead else None
    business = lead.business if lead else None
    campaign = conversation.campaign
    return {
        "first_name": (persona.first_name if persona else "") or "there",
        "last_name": persona.last_name if persona else "",
        "company": ((business.dba or business.name) if business else "") or "your business",
        "sender_name": campaign.sender_name if campaign else "",
        "team": conversation.team.name,
    }


def fill(text: str, fields: dict) -> str:
    """Fill ``{first_name}``-style merge fields; an unknown field stays as written."""

    class _Keep(dict):
        def __missing__(self, key):
            return "{" + key + "}"

    try:
        return text.format_map(_Keep(fields))
    except (ValueError, IndexError):
        return text


def _contact(conversation: Conversation) -> dict:
    lead = conversation.lead
    persona = lead.persona if lead else None
    business = lead.business if lead else None
    phones = []
    if persona is not None:
        suppressed = set(
            Suppression.objects.for_team(conversation.team_id)
            .filter(lifted_at__isnull=True)  # a lifted entry (START, or a person's lift) is history, not a badge
            .filter(phone_number__in=PersonaPhone.objects.filter(persona=persona).values("normalized_number"))
            .values_list("phone_number", flat=True)
        )
        for phone in PersonaPhone.objects.filter(persona=persona).order_by("id"):
            number = phone.normalized_number or ""
            phones.append(
                {"number": number, "type": phone.phone_type or "unknown", "dnc": phone.do_not_call,
                 "opted_out": number in suppressed, "valid": phone.is_valid}
            )  # fmt: skip
    return {"lead": lead, "persona": persona, "business": business, "phones": phones}


def thread_state(conversation: Conversation) -> str:
    """What the open thread's header and boxes show: when it changes (another person closed or assigned it, a new
    draft came, STOP closed it), the polling thread reloads itself."""
    return ":".join(
        str(v or "")
        for v in (
            conversation.status, conversation.assignee_id, conversation.intent, conversation.worker,
            conversation.disposition, conversation.draft_status, conversation.draft_item_id, conversation.snoozed_until,
        )
    )  # fmt: skip


def _thread_context(request, conversation: Conversation) -> dict:
    services.conversation_mark_read(conversation=conversation)
    fields = _merge_fields(conversation)
    saved = [
        {"title": r.title, "text": fill(r.text, fields)}
        for r in SavedReply.objects.for_team(conversation.team_id).order_by("title")
    ]
    return {
        "conversation": conversation,
        "thread": selectors.conversation_messages(conversation=conversation),
        "notes": conversation.events.filter(action="note").select_related("actor"),
        "contact": _contact(conversation),
        "timeline": selectors.contact_timeline(conversation=conversation),
        "saved_replies": saved,
        "members": _members(conversation.team_id),
        "dispositions": list(services.DISPOSITIONS),
        "calls": conversation.latest_item.call_entry if _has_call(conversation) else None,
        "state": thread_state(conversation),
    }


def _has_call(conversation) -> bool:
    item = conversation.latest_item
    return item is not None and hasattr(item, "call_entry")


class ThreadView(TeamMemberRequiredMixin, View):
    """The selected thread (htmx swaps it in; a plain visit gets the whole workspace)."""

    def get(self, request, *args, **kwargs):
        conversation = _conversation(self)
        if not request.headers.get("HX-Request"):  # a link opened on its own: the whole workspace
            return WorkspaceView.as_view()(request, pk=conversation.pk)
        return render(request, "inbox/_thread.html", _thread_context(request, conversation))


class ThreadMessagesView(TeamMemberRequiredMixin, View):
    """The texts of the open thread alone (htmx polls them while the thread is open). When the conversation's state
    moved on from the ``state`` the page shows, the answer says so (``HX-Trigger: thread-changed``) and the page
    reloads the thread, unless the person is typing in it."""

    def get(self, request, *args, **kwargs):
        conversation = _conversation(self)
        services.conversation_mark_read(conversation=conversation)
        response = render(
            request,
            "inbox/_thread_messages.html",
            {"conversation": conversation, "thread": selectors.conversation_messages(conversation=conversation)},
        )
        shown = request.GET.get("state")
        if shown is not None and shown != thread_state(conversation):
            response["HX-Trigger"] = "thread-changed"
        return response


def _when(value: str) -> datetime | None:
    """A time from a ``datetime-local`` field, on the person's own clock."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, timezone.get_current_timezone())


class ConversationActionView(TeamMemberRequiredMixin, View):
    """POST one action on a conversation; htmx gets the thread back, a plain form a redirect."""

    actions = ("assign", "assign-me", "snooze", "note", "reply", "approve-draft", "close", "reopen", "callback")
    action_name = ""

    def post(self, request, *args, **kwargs):
        conversation = _conversation(self)
        name = self.action_name
        data, user = request.POST, request.user
        try:
            done = self._do(name, conversation, data, user)
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
            status = exc.http_status
        else:
            messages.success(request, done)
            status = 200
        if not request.headers.get("HX-Request"):
            return redirect(f"{reverse('inbox:workspace')}?c={conversation.pk}")
        conversation = selectors.conversation_get(team=self.team, pk=conversation.pk)
        response = render(request, "inbox/_thread.html", _thread_context(request, conversation))
        response.status_code = 200 if status < 500 else status
        response["HX-Trigger"] = "conversation-changed"
        return response

    def _do(self, name, conversation, data, user) -> str:
        if name == "assign-me":
            services.conversation_assign(conversation=conversation, user=user, assignee=user)
            return "Assigned to you."
        if name == "assign":
            username = (data.get("assignee") or "").strip()
            assignee = None
            if username:
                assignee = _members(conversation.team_id).filter(username=username).first()
                if assignee is None:
                    raise services.InboxError("NOT_A_MEMBER", f"No one called {username!r} is in this team.")
            services.conversation_assign(conversation=conversation, user=user, assignee=assignee)
            return f"Assigned to {username}." if username else "Unassigned."
        if name == "snooze":
            until = _when(data.get("until", ""))
            services.conversation_snooze(conversation=conversation, user=user, until=until)
            return f"Snoozed until {times.when(until)}."
        if name == "note":
            services.conversation_note(conversation=conversation, user=user, text=data.get("text", ""))
            return "Note added."
        if name == "reply":
            sent = services.conversation_reply(conversation=conversation, user=user, text=data.get("text", ""))
            return _sent(sent)
        if name == "approve-draft":
            sent = services.conversation_reply(
                conversation=conversation, user=user, text=data.get("text", ""), from_draft=True
            )
            return _sent(sent)
        if name == "close":
            services.conversation_close(
                conversation=conversation, user=user, disposition=data.get("disposition", ""),
                notes=data.get("notes", ""),
            )  # fmt: skip
            return "Closed."
        if name == "reopen":
            services.conversation_reopen(conversation=conversation, user=user, reason=data.get("reason", ""))
            return "Reopened."
        entry = conversation_callback(conversation=conversation, user=user, when=data.get("when", ""))
        return f"Call back {times.when(entry.callback_at)} (your time); it is in the call queue."


def _sent(message) -> str:
    if message.status in ("sent", "delivered", "queued", "sending"):
        return "Reply sent."
    raise DomainError(message.error_code or "NOT_SENT", message.error_detail or f"The reply is {message.status}.")


class SavedReplyForm(forms.ModelForm):
    class Meta:
        model = SavedReply
        fields = ["title", "text"]


class WorkspaceSettingsView(TeamMemberRequiredMixin, TemplateView):
    """The person's time zone; the team's saved replies, round-robin and time zone (operators and admins)."""

    template_name = "inbox/workspace_settings.html"
    write_roles = ("admin", "operator", "viewer")  # everyone sets their own time zone; the team's need an operator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = OperatorSettings.objects.filter(user=self.request.user).first()
        team_settings = InboxSettings.objects.filter(team=self.team).first()
        context.update(
            own_zone=own.time_zone if own else "",
            team_settings=team_settings,
            team_zone=team_settings.time_zone if team_settings else "America/New_York",
            saved_replies=SavedReply.objects.for_team(self.team),
            saved_form=kwargs.get("saved_form") or SavedReplyForm(),
            zones=ZONES,
        )
        return context

    def post(self, request, *args, **kwargs):
        from .middleware import remember_time_zone

        what = request.POST.get("what")
        membership = getattr(request, "membership", None)
        operator = bool(membership and membership.can_operate)
        if what == "own_zone":
            zone = request.POST.get("time_zone", "")
            if zone and zone not in ZONES:
                messages.error(request, "INVALID_TIME_ZONE: choose one of the listed zones.")
            else:
                OperatorSettings.objects.update_or_create(user=request.user, defaults={"time_zone": zone})
                from .middleware import user_time_zone

                remember_time_zone(request, user_time_zone(user=request.user, team_id=self.team.pk))
                messages.success(request, "Your time zone is saved.")
            return redirect("inbox:workspace-settings")
        if not operator:
            raise PermissionDenied("NOT_AN_OPERATOR: only operators and admins change the team's settings.")
        if what == "team":
            zone = request.POST.get("time_zone", "America/New_York")
            if zone not in ZONES:
                messages.error(request, "INVALID_TIME_ZONE: choose one of the listed zones.")
                return redirect("inbox:workspace-settings")
            InboxSettings.objects.update_or_create(
                team=self.team, defaults={"round_robin": request.POST.get("round_robin") == "on", "time_zone": zone}
            )
            request.session.pop("console_tz", None)
            messages.success(request, "Team settings saved.")
        elif what == "saved_reply":
            form = SavedReplyForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(saved_form=form))
            if SavedReply.objects.for_team(self.team).filter(title=form.cleaned_data["title"]).exists():
                messages.error(request, "DUPLICATE_TITLE: a saved reply already has this title.")
            else:
                SavedReply.objects.create(team=self.team, **form.cleaned_data)
                messages.success(request, "Saved reply added.")
        elif what == "delete_reply":
            SavedReply.objects.for_team(self.team).filter(pk=request.POST.get("pk", "")).delete()
            messages.success(request, "Saved reply removed.")
        return redirect("inbox:workspace-settings")


ZONES = [
    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu", "UTC",
]  # fmt: skip
