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


def answered_early(view):
    """Mark a view that uses no session, user, CSRF token, message, team or time zone (a provider's signed
    webhook): ``EarlyViewMiddleware`` calls it before the middleware that would set them up."""
    view.answered_early = True
    return view


class EarlyViewMiddleware:
    """Call a view marked ``answered_early`` at once, after the host check and the HTTPS redirect.

    A provider's webhook is signed and stateless: it pays for none of sessions, CSRF, authentication, messages,
    htmx, the current team, the time zone or lockouts, which the rest of the chain would set up and tear down for
    it. Its URL is still resolved by the URLconf (so it is named, reversed and swept like any route); a path the
    URLconf does not match, or a view without the mark, goes down the chain as before.
    """

    PREFIXES = ("/webhooks/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.startswith(self.PREFIXES):
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and getattr(match.func, "answered_early", False):
                request.resolver_match = match
                response = match.func(request, *match.args, **match.kwargs)
                response.headers["Content-Length"] = str(len(response.content))  # as CommonMiddleware would
                return response
        return self.get_response(request)
