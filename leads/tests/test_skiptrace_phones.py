"""Phones in skip-trace replies as providers and the lists behind them write them: each form reads as its number.

The number is read by stage 2's reader (``ingestion.normalizers.normalize_phone``, valid by ``core.phones``); the
value as written, extension included, is kept as the phone's ``raw``.
"""

import pytest
import responses

from identity.models import PersonaPhone
from leads.enrichment import skiptrace_job_run, skiptrace_jobs_create
from leads.skiptrace import RealEstateApiClient
from leads.tests.factories import five_leads

BASE = "https://api.test.example"
PERSON = {"first_name": "Ana", "last_name": "Ruiz", "zip": "78701"}

FORMS = [
    pytest.param("512-555-0143 ext. 12", id="extension"),
    pytest.param("(512) 555-0143 x12", id="x-extension"),
    pytest.param("+1 512.555.0143", id="country-code-dots"),
    pytest.param(5125550143.0, id="float"),
    pytest.param("5125550143.0", id="float-text"),
    pytest.param("5.125550143E9", id="scientific"),
    pytest.param(5125550143, id="integer"),
    pytest.param(" tel: 512-555-0143; ", id="label-and-semicolon"),
    pytest.param("'5125550143", id="spreadsheet-text-quote"),
    pytest.param('="5125550143"', id="spreadsheet-formula"),
    pytest.param("512-555-0143 (cell)", id="trailing-note"),
]
INVALID = [
    pytest.param("555-0143", id="seven-digits"),
    pytest.param("123-456-7890", id="area-code-1"),
    pytest.param("5.12555E+09", id="lossy-scientific"),
    pytest.param("+44 20 7946 0958", id="uk"),
    pytest.param("416-555-0143", id="canada"),
    pytest.param("512-555-0143 and more text 9", id="free-text"),
]


@pytest.fixture
def client():
    return RealEstateApiClient(api_key="k", base_url=BASE, per_second=0, sleep=lambda s: None)


def v1_reply(*phones):
    identity = {"phones": [{"phone": p, "phoneType": "mobile"} for p in phones], "emails": []}
    return {"match": True, "output": {"identity": identity}}


@responses.activate
@pytest.mark.parametrize("written", FORMS)
def test_a_v1_phone_reads_as_its_number_and_keeps_what_was_written(client, written):
    responses.post(f"{BASE}/v1/SkipTrace", json=v1_reply(written))

    (phone,) = client.skip_trace(PERSON).phones

    assert (phone.number, phone.phone_type) == ("5125550143", "mobile")
    assert phone.raw == str(written).strip()


@responses.activate
@pytest.mark.parametrize("written", FORMS)
def test_a_v2_batch_phone_reads_as_its_number(client, written):
    item = {"input": PERSON, "data": {"phones": [{"phone": written, "phoneType": "W"}], "emails": []}}
    responses.post(f"{BASE}/v2/SkipTraceBatchAwait", json={"data": [item]})

    ((phone,),) = [outcome.phones for outcome in client.skip_trace_batch([PERSON])]

    assert (phone.number, phone.phone_type) == ("5125550143", "mobile")


@responses.activate
@pytest.mark.parametrize("written", INVALID)
def test_a_phone_that_is_not_a_us_number_is_left_out(client, written):
    responses.post(f"{BASE}/v1/SkipTrace", json=v1_reply(written, "512-555-0199"))

    outcome = client.skip_trace(PERSON)

    assert [p.number for p in outcome.phones] == ["5125550199"]


@responses.activate
def test_one_number_written_two_ways_is_one_phone(client):
    responses.post(f"{BASE}/v1/SkipTrace", json=v1_reply("(512) 555-0143 x12", 5125550143.0))

    assert [(p.number, p.raw) for p in client.skip_trace(PERSON).phones] == [("5125550143", "(512) 555-0143 x12")]


@responses.activate
def test_a_traced_phone_with_an_extension_is_stored_with_it_as_written(team, client):
    # given a lead whose lookup finds a number with an extension
    five_leads(team)
    responses.post(f"{BASE}/v1/SkipTrace", json=v1_reply("512-555-0143 ext. 12"))
    (job,) = skiptrace_jobs_create(team=team, limit=1, start=False)

    # when the job runs
    skiptrace_job_run(job_id=job.pk, provider=client, batch_size=1)

    # then the persona has the number, and the value as written (the extension with it) as the phone's raw
    phone = PersonaPhone.objects.get(team=team, normalized_number="5125550143")
    assert (phone.raw, phone.phone_type) == ("512-555-0143 ext. 12", "mobile")
