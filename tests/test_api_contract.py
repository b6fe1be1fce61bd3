"""The API keeps the contract its schema states: every operation of ``/api/schema/``, driven by schemathesis.

Each operation is called with generated valid requests (which must not be refused as invalid) and generated invalid
ones (which must be refused), as the Acme operator with an API token, against the console's WSGI application on the
test database. Every answer must be a documented status, of the documented content type and shape, and never a 500.
Operations on one object are tried both on a real object of the team and on made-up identifiers. No failure is
excused: a generated valid request is only made to keep the rules the schema states in words (real ids of the team
in a body, a future start, min_score not above max_score; ``_valid_by_rules_no_schema_states``).
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


# An id as the schema states it (``core/ids.py``): the kind's prefix, then a ULID.
AN_ID = re.compile(r"([a-z]+)_[0-7][0-9A-HJKMNP-TV-Z]{25}")


def _schema_dict() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _real_ids(team, operator) -> dict[str, str]:
    """Path prefix -> the id of a real object of the team there (operations on one object also try it)."""
    from campaigns.tests.factories import MessageTemplateFactory
    from ingestion.tests.factories import DataSourceFactory

    source = DataSourceFactory(team=team)
    template = MessageTemplateFactory(team=team)
    return {"/api/v1/data-sources/": source.pk, "/api/v1/templates/": template.pk}


def _real_references(team) -> dict[str, list[str]]:
    """Id prefix -> real objects of the team of that kind, for the ids a request body refers to."""
    from campaigns.tests.factories import MessageTemplateFactory, textable_leads
    from messaging.tests.factories import sender_number_for

    templates = [MessageTemplateFactory(team=team).pk for _ in range(7)]  # A, B-D and 3 follow-ups, all different
    return {
        templates[0].split("_")[0]: templates,
        "num": [sender_number_for(team).pk],
        "lead": [lead.pk for lead in textable_leads(team, 2)],
    }


def _valid_by_rules_no_schema_states(case, references: dict[str, list[str]]):
    """Make a generated valid request valid by the rules an OpenAPI schema cannot state, each written in the
    descriptions of the schema. Any other refusal of a valid request still fails the test.

    - An id in a body names a real object of the team (the schema gives the shape, the team the value); different
      made-up ids name different objects (a campaign's variants differ from each other and from its template).
    - Variants need the campaign's template (variant A).
    - A campaign's scheduled start is in the future.
    - ``min_score`` is not above ``max_score`` (the lead filters, and a campaign's criteria).
    """
    chosen: dict[str, str] = {}

    def real(value):
        if isinstance(value, str) and (found := AN_ID.fullmatch(value)) and found.group(1) in references:
            pool = references[found.group(1)]
            if value not in chosen:
                chosen[value] = pool[len([v for v in chosen if v.startswith(found.group(1) + "_")]) % len(pool)]
            return chosen[value]
        if isinstance(value, list):
            return [real(item) for item in value]
        if isinstance(value, dict):
            return {key: real(item) for key, item in value.items()}
        return value

    def ordered(filters):
        low, high = filters.get("min_score"), filters.get("max_score")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            filters["min_score"], filters["max_score"] = high, low

    body = case.body
    if isinstance(body, dict):
        if body.get("variants") and not body.get("template"):
            body["template"] = "tmpl_7" + "Z" * 25  # made up as well: it becomes a real template, not a variant's
        scheduled = body.get("scheduled_at")
        if isinstance(scheduled, str) and _in_the_past(scheduled):
            body["scheduled_at"] = None
        if isinstance(body.get("criteria"), dict):
            ordered(body["criteria"])
    if isinstance(body, dict | list) and (named := real(body)) != body:
        case.body = named  # only a changed body: schemathesis checks a new body against the schema again
    if case.query:
        ordered(case.query)
    return case


def _in_the_past(text: str) -> bool:
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    try:
        when = parse_datetime(text)
    except ValueError:
        return False
    if when is None:
        return False
    return (when if timezone.is_aware(when) else timezone.make_aware(when)) <= timezone.now()


def _can_be_invalid(operation) -> bool:
    """Whether a request can break this operation's schema: a body or a query parameter (a free-form id cannot)."""
    definition = operation.definition.raw
    query = [p for p in definition.get("parameters", []) if p.get("in") == "query"]
    return bool(query or definition.get("requestBody"))


def _failures_of(operation, headers, ids, references) -> list[str]:
    found: list[str] = []
    prefix = next((p for p in ids if operation.path.startswith(p) and "{id}" in operation.path), None)
    modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if _can_be_invalid(operation) else [])
    for mode in modes:
        strategies = [operation.as_strategy(generation_mode=mode)]
        if prefix and mode is GenerationMode.POSITIVE:
            strategies.append(operation.as_strategy(generation_mode=mode, path_parameters={"id": ids[prefix]}))
        if mode is GenerationMode.POSITIVE:
            strategies = [s.map(lambda case: _valid_by_rules_no_schema_states(case, references)) for s in strategies]

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
    references = _real_references(team)
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        failures.extend(_failures_of(operation, headers, ids, references))
    assert operations > 40
    assert not failures, f"{len(failures)} contract failures:\n" + "\n".join(failures)
