"""Query parameters of every list are bounded: an absurd limit is clamped, a nonsense one is a 400, never a 500."""

import pytest

from usdatabiz.core.pagination import MAX_LIMIT


@pytest.mark.parametrize("limit", ["1234567890123456789012", "138194335659239136093729529528320", "9" * 5000])
@pytest.mark.parametrize("route", ["/api/v1/data-sources/", "/api/v1/campaigns/", "/api/v1/leads/"])
def test_an_absurd_limit_is_clamped(operator_api, route, limit):
    response = operator_api.get(route, {"limit": limit})
    assert response.status_code == 200
    assert f"limit={MAX_LIMIT}" in (response.json()["next"] or f"limit={MAX_LIMIT}")


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "-3"}, "limit"),
        ({"limit": "false"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "1234567890123456789012"}, "offset"),
        ({"offset": "9" * 5000}, "offset"),
        ({"offset": "1.5"}, "offset"),
    ],
)
def test_a_nonsense_limit_or_offset_is_a_400_naming_it(operator_api, query, named):
    response = operator_api.get("/api/v1/data-sources/", query)
    assert response.status_code == 400
    assert named in response.json()


def test_the_schema_states_the_bounds_and_the_error_answers(operator_api):
    schema = operator_api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    params = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/data-sources/"]["get"]["parameters"]}
    assert params["limit"]["minimum"] == 1
    assert params["offset"] == {"type": "integer", "minimum": 0, "maximum": 2147483647}
    approve = schema["paths"]["/api/v1/campaigns/{id}/approve/"]["post"]["responses"]
    assert {"200", "400", "401", "403", "404", "409", "429"} <= set(approve)
    campaign = schema["components"]["schemas"]["Campaign"]["properties"]
    assert campaign["approved_by"]["nullable"] is True
    assert campaign["lead_block"].get("nullable") is True
    events = schema["paths"]["/api/v1/campaigns/{id}/events/"]["get"]["responses"]["200"]
    assert events["content"]["application/json"]["schema"]["type"] == "array"
