"""Django admin: every model registered; staff who are not superusers see only their teams' rows and act in each as
their team role (a viewer views; an operator changes records, not the team's settings, members, tokens or secrets)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.db import models
from django_q.models import Failure, OrmQ, Schedule, Success
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from .models import (
    Alert,
    AlertSettings,
    JourneyHandover,
    Membership,
    StageFailure,
    StageRun,
    StateTransition,
    Team,
    TeamCredential,
)
from .services import membership_set

# The team roles that change rows in the admin: operators change what they change in the console; the team's
# settings, members, tokens and secrets are a team admin's. A viewer only views, whatever Django permissions say.
OPERATE = (Membership.Role.ADMIN, Membership.Role.OPERATOR)
ADMIN_ONLY = (Membership.Role.ADMIN,)


def staff_team_ids(request, roles=None):
    """The teams of the staff member; with ``roles``, only those where their role is one of them."""
    memberships = Membership.objects.filter(user=request.user)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return list(memberships.values_list("team_id", flat=True))


def staff_may(request, roles, team_id=None) -> bool:
    """Whether the staff member's role allows a change: in team ``team_id``, or (None) in any of their teams.
    Superusers always may; Django's permissions are checked by the admin as well."""
    if request.user.is_superuser:
        return True
    teams = staff_team_ids(request, roles)
    return bool(teams) if team_id is None else team_id in teams


def staff_visible_users(request, users=None):
    """The users (of ``users``, else all) a staff member who is not a superuser may see: members of their teams,
    superusers excepted (their password and rights are not a team admin's business)."""
    users = get_user_model()._default_manager.order_by("username") if users is None else users
    if request.user.is_superuser:
        return users
    members = Membership.objects.filter(team_id__in=staff_team_ids(request)).values("user_id")
    return users.filter(pk__in=members, is_superuser=False)


def staff_owned_users(request, users=None):
    """The visible users (``staff_visible_users``) who belong to none but the teams the staff member is an admin of:
    only theirs may be changed, deleted or have their API token shown, since a password or a token opens every team
    of its user (an operator or a viewer owns nobody)."""
    users = staff_visible_users(request, users)
    if request.user.is_superuser:
        return users
    admin_of = staff_team_ids(request, ADMIN_ONLY)
    if not admin_of:
        return users.none()
    elsewhere = Membership.objects.exclude(team_id__in=admin_of).values("user_id")
    return users.exclude(pk__in=elsewhere)


class TeamScopedAdmin(admin.ModelAdmin):
    """Base admin for team records: queryset, team choices and saves limited to the staff user's teams.

    Rows of every team of the staff member are shown; adding, changing, deleting and actions follow the role in
    the row's team: ``change_roles`` (operators and admins; only admins for a team's settings and secrets)."""

    team_field = "team"
    change_roles = OPERATE
    view_roles = None  # every role of the team sees its rows; a team's secrets narrow this to its admins

    def _team_of(self, obj):
        return getattr(obj, f"{self.team_field}_id", None) if "__" not in self.team_field else None

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and staff_may(request, self.change_roles)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and staff_may(request, self.change_roles, None if obj is None else self._team_of(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and staff_may(request, self.change_roles, None if obj is None else self._team_of(obj))

    def get_actions(self, request):
        return super().get_actions(request) if staff_may(request, self.change_roles) else {}

    def response_action(self, request, queryset):
        # An action reaches only rows of the teams where the role may change them (a viewer's team is left out).
        if not request.user.is_superuser:
            queryset = queryset.filter(**{f"{self.team_field}__in": staff_team_ids(request, self.change_roles)})
        return super().response_action(request, queryset)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.team_field}__in": staff_team_ids(request, self.view_roles)})

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if request.user.is_superuser:
            return filters
        # The plain related filter lists every team in the database; offer only teams of visible rows.
        return [(f, admin.RelatedOnlyFieldListFilter) if f == self.team_field else f for f in filters]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            related = db_field.related_model
            if related is Team:
                kwargs["queryset"] = Team.objects.filter(pk__in=staff_team_ids(request, self.change_roles))
            elif related is get_user_model():
                # A user of another team linked here (a membership) would become this admin's to change.
                kwargs["queryset"] = staff_visible_users(request)
            elif any(f.name == "team" and f.related_model is Team for f in related._meta.concrete_fields):
                # Raw-id and select fields validate against this queryset: no links to another team's rows.
                kwargs["queryset"] = related._default_manager.filter(team_id__in=staff_team_ids(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        return same_team_form(super().get_form(request, obj, **kwargs), self.team_field)


def same_team_form(form, team_field: str):
    """``form`` refusing a link to a row of another team than the row's own (a staff member of two teams is offered
    the rows of both): the field is named and nothing is saved."""

    class SameTeamForm(form):
        def clean(self):
            cleaned = super().clean()
            # the team chosen in the form, else the row's own (a field the page shows read-only)
            team = cleaned[team_field] if team_field in cleaned else getattr(self.instance, f"{team_field}_id", None)
            team_id = getattr(team, "pk", team)
            for name, value in list(cleaned.items()):  # add_error() takes the field out of cleaned
                if name == team_field or not isinstance(value, models.Model) or team_id is None:
                    continue
                if not any(f.name == "team" and f.related_model is Team for f in value._meta.concrete_fields):
                    continue
                if value.team_id != team_id:
                    self.add_error(name, f"This {value._meta.verbose_name} belongs to another team than this record.")
            return cleaned

    SameTeamForm.__name__ = form.__name__
    return SameTeamForm


class LeasedWorkAdmin(TeamScopedAdmin):
    """Leased work (``core.leases``): rows the workers and the sweeper write. Shown, never added or edited here."""

    list_filter = ["state", "error_code", "team"]

    def get_readonly_fields(self, request, obj=None):
        hidden = set(self.exclude or ())
        return [field.name for field in self.model._meta.fields if field.name not in hidden]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "id", "storage_quota_bytes", "created_at"]
    search_fields = ["name", "slug", "id"]
    readonly_fields = ["id", "created_at", "updated_at"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(pk__in=staff_team_ids(request))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and staff_may(request, ADMIN_ONLY)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and staff_may(request, ADMIN_ONLY, None if obj is None else obj.pk)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and staff_may(request, ADMIN_ONLY, None if obj is None else obj.pk)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # the storage quota is the platform's limit on the team, not the team's to raise
        return fields if request.user.is_superuser else [*fields, "storage_quota_bytes"]


@admin.register(Membership)
class MembershipAdmin(TeamScopedAdmin):
    list_display = ["user", "team", "role", "created_at"]
    list_filter = ["role", "team"]
    search_fields = ["user__username", "team__slug"]
    autocomplete_fields = ["user"]
    change_roles = ADMIN_ONLY  # a role is given by a team admin


@admin.register(StageRun)
class StageRunAdmin(TeamScopedAdmin):
    list_display = [
        "id",
        "team",
        "stage",
        "subject_type",
        "subject_id",
        "status",
        "count_in",
        "count_out",
        "started_at",
        "finished_at",
        "run_seconds",
        "delay_seconds",
    ]
    list_filter = ["stage", "status", "team"]
    search_fields = ["id", "subject_id"]
    readonly_fields = [f.name for f in StageRun._meta.fields]
    date_hierarchy = "started_at"


@admin.register(StateTransition)
class StateTransitionAdmin(TeamScopedAdmin):
    """Every state change of a stateful record (``core.transitions``): read only."""

    list_display = ["created_at", "team", "subject_type", "subject_id", "from_state", "to_state", "actor_label"]
    list_filter = ["subject_type", "to_state", "team"]
    search_fields = ["subject_id", "actor_label", "reason"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StageFailure)
class StageFailureAdmin(TeamScopedAdmin):
    list_display = ["id", "team", "stage", "code", "subject_id", "source_row", "field", "raw_value", "created_at"]
    list_filter = ["stage", "code", "team"]
    search_fields = ["id", "subject_id", "raw_value", "detail"]
    readonly_fields = [f.name for f in StageFailure._meta.fields]


@admin.register(JourneyHandover)
class JourneyHandoverAdmin(LeasedWorkAdmin):
    """Each start a stage owed its follower, as leased work: queued when, claimed by whom, done (read-only)."""

    list_display = [
        "id",
        "team",
        "stage",
        "task",
        "subject_id",
        "lane",
        "state",
        "attempts",
        "lease_owner",
        "lease_expires_at",
        "enqueued_at",
        "error_code",
        "finished_at",
    ]
    list_filter = ["state", "stage", "lane", "error_code", "team"]
    search_fields = ["id", "subject_id", "task", "lease_owner"]


@admin.register(TeamCredential)
class TeamCredentialAdmin(TeamScopedAdmin):
    """Teams' own provider secrets: which ones exist and their last four characters, never the value (set them on
    the console's credentials page or the API). Deleting one makes the platform's setting apply again."""

    list_display = ["team", "provider", "name", "last4", "expires_at", "updated_by", "updated_at"]
    list_filter = ["provider", "name", "team"]
    search_fields = ["team__slug", "provider", "name"]
    fields = ["id", "team", "provider", "name", "last4", "expires_at", "updated_by", "created_at", "updated_at"]
    readonly_fields = fields
    change_roles = view_roles = ADMIN_ONLY  # shown to the team's admins only, as on the console

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Alert)
class AlertAdmin(TeamScopedAdmin):
    """SLA breaches and work given up; resolving one here tells the team (email, webhook) as the page does."""

    list_display = ["id", "team", "stage", "code", "status", "measured_seconds", "limit_seconds", "opened_at",
                    "resolved_at", "notified_at"]  # fmt: skip
    list_filter = ["status", "kind", "stage", "code", "team"]
    search_fields = ["id", "detail"]
    readonly_fields = [f.name for f in Alert._meta.fields]
    actions = ["resolve_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Resolve the selected open alerts")
    def resolve_selected(self, request, queryset):
        from .alerts import alert_resolve

        done = 0
        for alert in queryset.filter(status=Alert.Status.OPEN):
            alert_resolve(alert=alert, user=request.user)
            done += 1
        self.message_user(request, f"{done} alert(s) resolved.")


@admin.register(AlertSettings)
class AlertSettingsAdmin(TeamScopedAdmin):
    """Where a team's alerts go (the webhook's signing secret is set on the alerts page; it is never shown)."""

    list_display = ["team", "email_admins", "webhook_url", "updated_at"]
    search_fields = ["team__slug", "webhook_url"]
    change_roles = ADMIN_ONLY


admin.site.unregister(get_user_model())
admin.site.unregister(TokenProxy)


@admin.register(get_user_model())
class TeamUserAdmin(UserAdmin):
    """Users: a staff member who is not a superuser sees only their teams' members (not superusers), changes only
    those who belong to no other team, cannot grant superuser status, groups or permissions, and adds a user
    straight into one of their teams."""

    RIGHTS = ("is_superuser", "groups", "user_permissions")

    def get_queryset(self, request):
        return staff_visible_users(request, super().get_queryset(request))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and staff_may(request, ADMIN_ONLY)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj) and staff_may(request, ADMIN_ONLY)
        return allowed and (obj is None or staff_owned_users(request).filter(pk=obj.pk).exists())

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj) and staff_may(request, ADMIN_ONLY)
        return allowed and (obj is None or staff_owned_users(request).filter(pk=obj.pk).exists())

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.is_superuser:
            fields += [name for name in self.RIGHTS if name not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None and not request.user.is_superuser:
            fieldsets = (*fieldsets, ("Team", {"fields": ("team", "role")}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None or request.user.is_superuser:
            return super().get_form(request, obj, **kwargs)
        fields = kwargs.pop("fields", None) or flatten_fieldsets(self.get_fieldsets(request, obj))
        kwargs["fields"] = [name for name in fields if name not in ("team", "role")]  # not the user's own fields
        form = super().get_form(request, obj, **kwargs)
        teams = Team.objects.filter(pk__in=staff_team_ids(request, ADMIN_ONLY))
        return type(
            form.__name__,
            (form,),
            {
                "team": forms.ModelChoiceField(queryset=teams, help_text="The new user becomes a member of it."),
                "role": forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.OPERATOR),
            },
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and "team" in form.cleaned_data:
            membership_set(team=form.cleaned_data["team"], user=obj, role=form.cleaned_data["role"])


@admin.register(TokenProxy)
class TeamTokenAdmin(TokenAdmin):
    """API tokens: a staff member who is not a superuser sees, adds and deletes only the tokens of the members of
    the teams they are an admin of who belong to no other team (a token opens every team of its user); an operator
    or a viewer sees none."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(user__in=staff_owned_users(request))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and staff_may(request, ADMIN_ONLY)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and staff_may(request, ADMIN_ONLY)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and staff_may(request, ADMIN_ONLY)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = staff_owned_users(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SuperuserOnlyAdmin:
    """Mixed into an admin whose rows belong to no team (django-q2's queue, results and schedules carry every team's
    task arguments; login attempts; permission groups): only superusers see or touch them, whatever permissions a
    staff member was given."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self.has_module_permission(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request) and super().has_delete_permission(request, obj)


def superusers_only(*platform_models):
    """Register each model's current admin again with ``SuperuserOnlyAdmin`` mixed in."""
    for model in platform_models:
        if admin.site.is_registered(model):  # django-q2 registers the queue (OrmQ) only with the ORM broker
            registered = type(admin.site.get_model_admin(model))
            admin.site.unregister(model)
            restricted = type(f"SuperuserOnly{registered.__name__}", (SuperuserOnlyAdmin, registered), {})
            admin.site.register(model, restricted)


superusers_only(Success, Failure, Schedule, OrmQ)
# Login attempts name every team's people and addresses; a group's permissions are the rights of all its members
# (a team admin editing the group they are in would grant themselves anything).
superusers_only(Group, AccessAttempt, AccessLog, AccessFailureLog)
