"""API building blocks: team-scoped permission, viewset mixin and error format."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions
from rest_framework.exceptions import ValidationError

from . import tenancy

SAFE = permissions.SAFE_METHODS


class IsTeamMember(permissions.BasePermission):
    """Authenticated member of a team; writes need the operator or admin role."""

    message = "You are not a member of any team."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
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
    return drf_exception_handler(exc, context)
