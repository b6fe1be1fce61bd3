"""The OpenAPI schema integrators read is generated without a warning (names, bodies, enums all resolve)."""

import io

from django.core.management import call_command


def test_the_schema_validates_without_warnings(db):
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    schema = out.getvalue()
    for path in (
        "/api/v1/campaigns/{id}/approve/",
        "/api/v1/inbox-items/{id}/reply/",
        "/api/v1/messages/{id}/release/",
        "/api/v1/sender-numbers/{id}/retire/",
        "/api/v1/credentials/",
        "/api/v1/sms-webhook/rotate-secret/",
    ):
        assert path in schema
