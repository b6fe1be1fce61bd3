"""API building blocks: team-scoped permission, viewset mixin and error format."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import exceptions, permissions, serializers, throttling
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import ValidationError

from . import tenancy
from .ids import id_pattern

SAFE = permissions.SAFE_METHODS


class IsTeamMember(permissions.BasePermission):
    """Authenticated member of a team; writes need the operator or admin role."""

    message = "You are not a member of any team."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            throttle_unauthenticated(request, view)  # DRF throttles run after permissions: count these here
            return False
        # Token auth happens after the middleware: resolve the team for the authenticated user now.
        tenancy.attach(request)
        request._request.membership = request.membership
        request._request.team = request.team
        membership = request.membership
        if membership is None:
            return False
        if request.method in SAFE:
            return True
        required = getattr(view, "write_roles", ("admin", "operator"))
        if membership.role not in required:
            self.message = f"Your role '{membership.role}' cannot change data."
            return False
        return True


class TeamScopedViewSetMixin:
    """Every query goes through ``for_team``: another team's object is a 404, never a 403."""

    def get_queryset(self):
        return super().get_queryset().for_team(self.request.team)


class PatternValidator(RegexValidator):
    """A value matches ``regex`` as a whole, as a schema's ``pattern`` means it (``$`` takes no trailing newline);
    drf-spectacular states the pattern of a field it validates in the schema."""

    def __call__(self, value):
        if not isinstance(value, str) or not self.regex.fullmatch(value):
            raise DjangoValidationError(self.message, code=self.code, params={"value": value})


def _id_message(prefix: str) -> str:
    return f"Give an id of the form {prefix}_ and a ULID (26 symbols), e.g. {prefix}_01JD0Q9M3N8Y3V6S6J1X2K4F7B"


class PrefixedIdField(serializers.CharField):
    """The id of one kind of record (``lead_01J...``), exactly: the schema states its pattern, and a value of
    another shape (another prefix, a NUL byte, a trailing newline) is a 400 naming the field, before any query."""

    def __init__(self, *, prefix: str, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs["trim_whitespace"] = False  # " lead_01J..." is not an id; the schema's pattern says so too
        super().__init__(**kwargs)
        self.validators.append(PatternValidator(id_pattern(prefix), message=_id_message(prefix)))


class TeamObjectField(serializers.PrimaryKeyRelatedField):
    """One of the calling team's objects of ``model``, by its prefixed id. Not a string, or not an id's shape: a
    400 before any query (the database refuses to compare a NUL byte); another team's id or none: "does not exist".
    ``scope`` narrows the team's objects (only active ones, say)."""

    def __init__(self, *, model, **kwargs):
        self.model = model
        self.prefix = model._meta.pk.prefix
        self.id_regex = re.compile(id_pattern(self.prefix))
        super().__init__(**kwargs)

    def scope(self, queryset):
        return queryset

    def get_queryset(self):
        request = self.context.get("request")
        team = getattr(request, "team", None) if request is not None else None
        if team is None:
            return self.model.objects.none()
        return self.scope(self.model.objects.for_team(team))

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not self.id_regex.fullmatch(data):
            raise ValidationError(_id_message(self.prefix), code="invalid")
        return super().to_internal_value(data)


class _TeamObjectFieldSchema(OpenApiSerializerFieldExtension):
    """A team object's id in the schema: a string of its model's id pattern."""

    target_class = TeamObjectField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "pattern": id_pattern(self.target.prefix)}


def exception_handler(exc, context):
    """Render Django validation errors and domain errors as DRF 400s with a ``code``."""
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    from .errors import DomainError

    if isinstance(exc, DomainError):
        from rest_framework.response import Response

        return Response(exc.as_dict(), status=exc.http_status)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        response.data = {"detail": response.data}  # every error body is an object (core/openapi.py ERROR_SCHEMA)
    return response


class _SettingsRateMixin:
    """Rates from ``settings.API_THROTTLE_RATES``, read on each request (so a test or an override takes effect)."""

    def get_rate(self):
        from django.conf import settings

        return settings.API_THROTTLE_RATES[self.scope]


class AnonymousThrottle(_SettingsRateMixin, throttling.AnonRateThrottle):
    """Requests without credentials, counted per client address."""

    scope = "anon"


class TokenThrottle(_SettingsRateMixin, throttling.SimpleRateThrottle):
    """Authenticated requests, counted per API token (per user for a console session)."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        import hashlib

        key = getattr(request.auth, "key", None)
        ident = f"token-{hashlib.sha256(key.encode()).hexdigest()[:32]}" if key else f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _AddressThrottle(AnonymousThrottle):
    """The anonymous count of a client address, also for requests not yet (or never) authenticated."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def throttle_unauthenticated(request, view=None) -> None:
    """Count a request without valid credentials against its address; ``Throttled`` (429) past the anonymous rate."""
    throttle = _AddressThrottle()
    if not throttle.allow_request(request, view):
        raise exceptions.Throttled(throttle.wait())


class ThrottledTokenAuthentication(TokenAuthentication):
    """Token authentication where a wrong token counts against the address: guessing tokens is throttled."""

    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle_unauthenticated(request)
            raise


class IsAuthenticatedThrottled(permissions.IsAuthenticated):
    """A login (token or session) for routes without team data: the schema and its docs."""

    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        throttle_unauthenticated(request, view)
        return False
