"""The provider's webhook endpoint: signed, unauthenticated, answered fast."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services


@csrf_exempt
@require_POST
def signalhouse_webhook(request):
    """Receive delivery reports and replies; the signature is the only credential (TOKEN_INVALID otherwise)."""
    status, record = services.webhook_receive(headers=request.headers, raw_body=request.body)
    body = {"id": record.pk, "status": record.status}
    if record.error_code:
        body["code"] = record.error_code
    return JsonResponse(body, status=status)
