"""API building blocks: team-scoped permission, viewset mixin and error format."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, permissions, throttling
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import ValidationError

from . import tenancy

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
