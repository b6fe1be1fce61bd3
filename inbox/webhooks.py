"""The providers' webhook endpoint: signed, unauthenticated, answered fast. ``/webhooks/<provider>/``."""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from messaging.sms import ConfigError, provider_spec
from usdatabiz.core.middleware import answered_early

from . import services

logger = logging.getLogger(__name__)


def _declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


@answered_early
@csrf_exempt
@require_POST
def provider_webhook(request, provider: str):
    """Receive delivery reports and replies; the signature is the only credential (``TOKEN_INVALID`` otherwise).

    The body is read up to ``WEBHOOK_MAX_BYTES`` and no further: a larger one answers 413 unread.
    """
    try:
        if provider_spec(provider).webhook is None:
            raise ConfigError(f"{provider} sends no webhooks")
    except ConfigError:
        return JsonResponse({"code": "UNKNOWN_PROVIDER", "detail": f"No webhook for {provider!r}."}, status=404)
    limit = settings.WEBHOOK_MAX_BYTES
    declared = _declared_length(request)
    try:
        if declared is not None and declared > limit:
            status, record = 413, services.webhook_too_large(provider=provider, size=declared)
        else:
            raw_body = request.read(limit + 1)
            status, record = services.webhook_receive(provider=provider, headers=request.headers, raw_body=raw_body)
    except Exception:  # noqa: BLE001 - a broken stream or database: the provider retries a 503, never sees a 500
        logger.exception("webhook from %s not received", provider)
        return JsonResponse({"code": "WEBHOOK_FAILURE", "detail": "Try again."}, status=503)
    body = {"id": record.pk, "status": record.status}
    if record.error_code:
        body["code"] = record.error_code
    return JsonResponse(body, status=status)
