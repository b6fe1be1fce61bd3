"""The API keeps the contract its schema states: every operation of ``/api/schema/``, driven by schemathesis.

Each operation is called with generated valid requests (which must not be refused as invalid) and generated invalid
ones (which must be refused), as the Acme operator with an API token, against the console's WSGI application on the
test database. Every answer must be a documented status, of the documented content type and shape, and never a 500.
Operations on one object are tried both on a real object of the team and on made-up identifiers.
"""

from __future__ import annotations

import re

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi import checks as openapi_checks

from usdatabiz.core.services import token_for

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES = 6  # per operation and mode: a minute or two for the whole API
CHECKS = [
    schemathesis.checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
    openapi_checks.negative_data_rejection,
    openapi_checks.positive_data_acceptance,
]


# Gaps the contract test still finds, each named: (method, path, mode) -> why. Anything else fails the test, and
# these are owned by the module named (query filters a view reads itself, rules no JSON schema can state).
KNOWN_GAPS = {
    ("POST", "/api/v1/campaigns/", "positive"): "campaigns: variants are template ids; a made-up id is a 400",
    ("POST", "/api/v1/data-sources/", "positive"): "ingestion: the generated multipart 'file' is not a CSV file",
    ("GET", "/api/v1/inbox-items/", "positive"): "inbox: ?classification is free text in the schema",
    ("GET", "/api/v1/inbox-items/export/", "positive"): "inbox: ?classification (as above)",
    ("GET", "/api/v1/inbox-items/export/", "negative"): "inbox: an unknown ?bucket is ignored, not refused",
    ("GET", "/api/v1/leads/", "positive"): "leads: ?state must name a US state; min_score above max_score is a 400",
    ("GET", "/api/v1/leads/", "negative"): "leads: an empty filter value (?max_score=) means no filter",
    ("POST", "/api/v1/leads/enrich/", "positive"): "leads: a lead id with a NUL character is refused",
    ("GET", "/api/v1/leads/export/", "positive"): "leads: ?state and score order (as for the list)",
    ("GET", "/api/v1/leads/export/", "negative"): "leads: an empty filter value means no filter",
    ("GET", "/api/v1/messages/", "negative"): "messaging: an unknown ?status is ignored, not refused",
    ("GET", "/api/v1/personas/", "negative"): "identity: ?include_merged takes any value as false",
    ("POST", "/api/v1/suppressions/", "positive"): "messaging: the phone number must be a real 10-digit US number",
    ("POST", "/api/v1/templates/", "positive"): "campaigns: an opening text must say how to opt out (STOP)",
    ("PUT", "/api/v1/templates/{id}/", "positive"): "campaigns: the opt-out rule (as above)",
    ("PATCH", "/api/v1/templates/{id}/", "positive"): "campaigns: the opt-out rule (as above)",
}


def _schema_dict() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _real_ids(team, operator) -> dict[str, str]:
    """Path prefix -> the id of a real object of the team there (operations on one object also try it)."""
    from campaigns.tests.factories import MessageTemplateFactory
    from ingestion.tests.factories import DataSourceFactory

    source = DataSourceFactory(team=team)
    template = MessageTemplateFactory(team=team)
    return {"/api/v1/data-sources/": source.pk, "/api/v1/templates/": template.pk}


def _can_be_invalid(operation) -> bool:
    """Whether a request can break this operation's schema: a body or a query parameter (a free-form id cannot)."""
    definition = operation.definition.raw
    query = [p for p in definition.get("parameters", []) if p.get("in") == "query"]
    return bool(query or definition.get("requestBody"))


def _failures_of(operation, headers, ids) -> list[str]:
    found: list[str] = []
    prefix = next((p for p in ids if operation.path.startswith(p) and "{id}" in operation.path), None)
    modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if _can_be_invalid(operation) else [])
    for mode in modes:
        strategies = [operation.as_strategy(generation_mode=mode)]
        if prefix and mode is GenerationMode.POSITIVE:
            strategies.append(operation.as_strategy(generation_mode=mode, path_parameters={"id": ids[prefix]}))

        @seed(1010)
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
            phases=[Phase.explicit, Phase.generate],  # report the first failing request, unshrunk: bounded time
        )
        @given(case=st.one_of(strategies))
        def run(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Unsatisfiable:
            continue  # no request breaks this operation's schema (a free-form id, no body): nothing to refuse
        except (Exception, BaseExceptionGroup) as exc:  # one line per failing operation and mode
            text = re.sub(r"\s+", " ", str(exc).split("Reproduce with")[0])[:700]
            if (operation.method.upper(), operation.path, mode.value) in KNOWN_GAPS:
                continue
            found.append(f"{operation.method.upper()} {operation.path} ({mode.value}): {type(exc).__name__}: {text}")
    return found


@pytest.fixture
def _keep_test_connection():
    """The WSGI handler closes the database connection after each request; in a test that is the test's own
    transaction (Django's test client keeps it open the same way)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("_keep_test_connection")
def test_every_operation_keeps_the_schema(team, operator):
    schema = schemathesis.openapi.from_dict(_schema_dict())
    schema.app = get_wsgi_application()
    headers = {"Authorization": f"Token {token_for(user=operator).key}", "X-Team": team.slug}
    ids = _real_ids(team, operator)
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        failures.extend(_failures_of(operation, headers, ids))
    assert operations > 40
    assert not failures, f"{len(failures)} contract failures:\n" + "\n".join(failures)
