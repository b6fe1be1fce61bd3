"""Attach the current team to every request."""

from django.utils.functional import SimpleLazyObject

from . import tenancy


class CurrentTeamMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        def _membership():
            tenancy.attach(request)
            return request.membership

        # Lazy: API requests authenticate later (token auth) and re-attach in the DRF permission.
        request.membership = SimpleLazyObject(_membership)
        request.team = SimpleLazyObject(lambda: request.membership.team if request.membership else None)
        return self.get_response(request)


class KnownHostMiddleware:
    """Answer a request for a host outside ``ALLOWED_HOSTS`` with the plain 400 page, before anything else.

    Django would raise ``DisallowedHost`` later, and with ``DEBUG`` on render its debug page (settings included)
    for it; this never does, whatever ``DEBUG`` says.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.exceptions import DisallowedHost

        try:
            request.get_host()
        except DisallowedHost:
            import logging

            from .views import bad_request

            logging.getLogger("django.security.DisallowedHost").warning(
                "Refused a request for a host not in ALLOWED_HOSTS: %r", request.META.get("HTTP_HOST", "")[:200]
            )
            return bad_request(request, None, unknown_host=True)
        return self.get_response(request)
