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
