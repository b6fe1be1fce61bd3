"""Stage 11, copilot-assisted handling: routing, rule templates, failures and the optional LLM engine.

No database and no network: the LLM is an OpenAI-compatible API mocked with ``responses``.
"""

import dataclasses
import json
import logging

import pytest
import requests
import responses

import inbox.copilot as copilot
from campaigns.segments import segment_count, segment_info
from inbox.classification import Classification, classify
from inbox.copilot import (
    ACTIONS,
    CATHY,
    GIANNA,
    SABRINA,
    TEMPLATES,
    CopilotContext,
    LlmClient,
    Suggestion,
    context_gaps,
    draft,
    route_worker,
    suggest,
    suggest_with_llm,
)
from inbox.copilot.rules import REQUIRES, Fill, render

C = Classification
BASE_URL = "https://llm.example.test/v1"
URL = f"{BASE_URL}/chat/completions"
KEY = "sk-test-SECRET-123456"
OPENER = "Hi Ann, Sam with Northwind here. Quick question about Acme Plumbing. Reply STOP to opt out."
KNOWN = dict(first_name="Ann", company="Acme Plumbing", sender_name="Sam", sender_company="Northwind")


def ctx_for(text: str, **overrides) -> CopilotContext:
    """A context as the inbox would build it: stage 9 classifies ``text``; lead/sender known by default."""
    result = classify(text)
    fields = {"last_outbound": OPENER, **KNOWN, **overrides}
    return CopilotContext(result.classification, result.confidence, text, result.extracted, **fields)


def bare(classification: str, confidence: float = 0.9, text: str = "ok", **overrides) -> CopilotContext:
    """A context with a forced classification (no stage 9)."""
    return CopilotContext(classification, confidence, text, {}, **{"last_outbound": OPENER, **KNOWN, **overrides})


def clock(*ticks: float):
    return iter(ticks).__next__


# ------------------------------------------------------------------------------------------ routing
ROUTING = [
    # terminal classes stay with GIANNA, whatever priority or staleness
    ("opt_out", "", None, GIANNA),
    ("opt_out", "hot", 10, GIANNA),
    ("wrong_number", "", None, GIANNA),
    ("wrong_number", "hot", 5, GIANNA),
    ("hostile", "", None, GIANNA),
    ("hostile", "", 30, GIANNA),
    # the nudger
    ("not_interested", "", None, CATHY),
    ("not_interested", "hot", None, CATHY),
    ("out_of_office", "", None, CATHY),
    ("out_of_office", "hot", 1, CATHY),
    # stale conversations (>= 3 days) go to CATHY for every other class
    ("interested", "", 3, CATHY),
    ("interested", "hot", 7, CATHY),
    ("meeting_request", "", 4, CATHY),
    ("question", "", 3, CATHY),
    ("email_capture", "", 10, CATHY),
    ("phone_capture", "", 3, CATHY),
    ("other", "", 3, CATHY),
    # not yet stale
    ("interested", "", 2, GIANNA),
    ("interested", "", 0, GIANNA),
    ("meeting_request", "", 2, SABRINA),
    # the closer
    ("meeting_request", "", None, SABRINA),
    ("meeting_request", "cold", None, SABRINA),
    ("interested", "hot", None, SABRINA),
    ("interested", "HOT", None, SABRINA),
    ("interested", " Hot ", 2, SABRINA),
    # the first responder
    ("interested", "", None, GIANNA),
    ("interested", "warm", None, GIANNA),
    ("question", "", None, GIANNA),
    ("question", "hot", None, GIANNA),
    ("email_capture", "", None, GIANNA),
    ("email_capture", "hot", None, GIANNA),
    ("phone_capture", "", None, GIANNA),
    ("other", "", None, GIANNA),
    ("", "", None, GIANNA),
    ("something_new", "", None, GIANNA),
    ("interested", "", -1, GIANNA),  # a negative age is not stale
]


@pytest.mark.parametrize(("classification", "priority", "days", "worker"), ROUTING)
def test_route_worker(classification, priority, days, worker):
    assert route_worker(classification, priority, days) == worker


def test_route_worker_accepts_the_enum_and_a_custom_stale_threshold():
    assert route_worker(C.MEETING_REQUEST, "", None) == SABRINA
    assert route_worker("interested", "", 5, stale_after_days=7) == GIANNA
    assert route_worker("interested", "", 7, stale_after_days=7) == CATHY


@pytest.mark.parametrize("classification", [c.value for c in C])
def test_every_classification_routes_to_a_worker_and_suggests_a_known_action(classification):
    suggestion = suggest(bare(classification))
    assert suggestion.worker == route_worker(classification, "", None)
    assert suggestion.action in ACTIONS
    assert suggestion.engine == "rules"


# ------------------------------------------------------------------------------------- action paths
# (reply text, context overrides, worker, action, close_reason, words the text must contain ("" = no text))
PATHS = [
    # GIANNA: interested, captures, questions
    ("Yes, I'm interested", {}, GIANNA, "send_reply", "", ["Ann", "Acme Plumbing", "call"]),
    ("Sure, how much?", {}, GIANNA, "send_reply", "", ["Pricing", "call"]),
    ("Send it to ann@acme-plumbing.com", {}, GIANNA, "send_reply", "", ["ann@acme-plumbing.com", "call"]),
    ("You can reach me at 512-555-0143", {}, GIANNA, "call", "", ["(512) 555-0143"]),
    ("Call me at 512-555-0143 tomorrow", {}, GIANNA, "call", "", ["(512) 555-0143", "tomorrow"]),
    ("Who is this?", {}, GIANNA, "send_reply", "", ["this is Sam with Northwind", "STOP"]),
    ("whos this", {}, GIANNA, "send_reply", "", ["Sam", "STOP"]),
    ("What company is this?", {}, GIANNA, "send_reply", "", ["Sam", "Northwind"]),
    ("How did you get my number?", {}, GIANNA, "send_reply", "", ["listed publicly", "business contact", "STOP"]),
    ("Where did you get this number", {}, GIANNA, "send_reply", "", ["listed publicly", "STOP"]),
    ("Is this a scam?", {}, GIANNA, "send_reply", "", ["real message", "STOP"]),
    ("Are you a bot?", {}, GIANNA, "send_reply", "", ["person reads every reply"]),
    ("What is the pricing like?", {}, GIANNA, "send_reply", "", ["Pricing", "call"]),
    ("Do you work weekends?", {}, GIANNA, "review", "", ["Good question"]),
    ("hmm", {}, GIANNA, "review", "", ["tell me a bit more"]),
    ("maybe", {}, GIANNA, "review", "", ["tell me a bit more"]),  # interested at 0.55: low confidence
    # SABRINA: meetings and hot leads
    ("Yes, tomorrow at 3pm works", {}, SABRINA, "book_meeting", "", ["Confirming a quick call tomorrow at 3pm"]),
    ("Can we talk friday at 10am?", {}, SABRINA, "book_meeting", "", ["Friday at 10am"]),
    ("Let's talk next week", {}, SABRINA, "book_meeting", "", ["Next week works"]),
    ("Let's set up a call", {}, SABRINA, "book_meeting", "", ["What day and time"]),
    ("Call me", {}, SABRINA, "call", "", ["quick call"]),
    ("Give me a call", {}, SABRINA, "call", "", ["quick call"]),
    ("call me later", {}, SABRINA, "book_meeting", "", ["What day and time"]),
    ("Yes, interested", {"priority": "hot"}, SABRINA, "book_meeting", "", ["What day and time"]),
    # CATHY: soft no, hard no, out of office, stale
    ("No thanks", {}, CATHY, "send_reply", "", ["Understood", "Acme Plumbing"]),
    ("We're all set", {}, CATHY, "send_reply", "", ["Understood"]),
    ("Not interested, never", {}, CATHY, "close", "not_interested", ""),
    ("No way", {}, CATHY, "close", "not_interested", ""),
    ("Absolutely not", {}, CATHY, "close", "not_interested", ""),
    ("I'm out of the office until Monday", {}, CATHY, "wait", "", ["time away"]),
    ("Yes, interested", {"days_since_last_reply": 5}, CATHY, "send_reply", "", ["following up"]),
    ("Out of office", {"days_since_last_reply": 6}, CATHY, "send_reply", "", ["time away"]),
    # closing classes: no text at all
    ("STOP", {}, GIANNA, "close", "opted_out", ""),
    ("Please remove me from your list", {}, GIANNA, "close", "opted_out", ""),
    ("Wrong number", {}, GIANNA, "close", "wrong_number", ""),
    ("He doesn't work here anymore", {}, GIANNA, "close", "wrong_number", ""),
    ("Go to hell", {}, GIANNA, "close", "hostile", ""),
    ("I'm going to report you to the FCC", {}, GIANNA, "close", "opted_out", ""),  # a threat to report revokes
    ("you people are idiots", {}, GIANNA, "close", "hostile", ""),
]


@pytest.mark.parametrize(("text", "overrides", "worker", "action", "close_reason", "words"), PATHS)
def test_action_paths(text, overrides, worker, action, close_reason, words):
    suggestion = draft(ctx_for(text, **overrides))
    assert (suggestion.worker, suggestion.action, suggestion.close_reason) == (worker, action, close_reason)
    if words == "":
        assert suggestion.text == ""
    for word in words:
        assert word in suggestion.text
    assert 1 <= suggestion.notes.count(".") <= 4  # short analysis, a few sentences
    assert suggestion.failures == []


def test_phone_capture_puts_the_number_in_the_notes():
    suggestion = suggest(ctx_for("Best number is (512) 555-0143"))
    assert suggestion.action == "call"
    assert "(512) 555-0143" in suggestion.notes


def test_email_capture_without_an_address_asks_for_one():
    suggestion = suggest(bare("email_capture", text="my email is ann at acme"))
    assert suggestion.action == "send_reply"
    assert "best email address" in suggestion.text


def test_phone_capture_without_a_number_asks_for_one():
    suggestion = suggest(bare("phone_capture", text="call my cell"))
    assert suggestion.action == "send_reply"
    assert "best number" in suggestion.text


def test_out_of_office_notes_when_they_are_back():
    suggestion = suggest(ctx_for("Out of office until Monday, limited access to email"))
    assert suggestion.action == "wait"
    assert "until Monday" in suggestion.notes


def test_meeting_notes_mention_the_lead_timezone():
    suggestion = suggest(ctx_for("Can we talk tomorrow at 2pm?", timezone_name="America/Chicago"))
    assert "America/Chicago" in suggestion.notes
    assert "America/Chicago" not in suggestion.text


def test_hostile_with_legal_threat_is_flagged_for_a_manager():
    suggestion = suggest(ctx_for("Talk to my lawyer"))
    assert suggestion.action == "close"
    assert "manager" in suggestion.notes


@pytest.mark.parametrize("confidence", [0.99, 0.7, 0.3, 0.0])
def test_opt_out_is_always_closed_without_text(confidence):
    suggestion = draft(bare("opt_out", confidence, text="stop"))
    assert (suggestion.action, suggestion.close_reason, suggestion.text) == ("close", "opted_out", "")
    assert "sent automatically" in suggestion.notes


@pytest.mark.parametrize(("classification", "reason"), [("wrong_number", "wrong_number"), ("hostile", "hostile")])
@pytest.mark.parametrize(("confidence", "action"), [(0.95, "close"), (0.4, "review")])
def test_wrong_number_and_hostile_never_get_text(classification, reason, confidence, action):
    suggestion = draft(bare(classification, confidence, text="whatever"))
    assert (suggestion.action, suggestion.close_reason, suggestion.text) == (action, reason, "")


@pytest.mark.parametrize(
    "classification", ["interested", "question", "meeting_request", "email_capture", "not_interested"]
)
def test_low_confidence_goes_to_review_with_a_cautious_text(classification):
    suggestion = suggest(bare(classification, 0.59))
    assert suggestion.action == "review"
    assert "0.59" in suggestion.notes
    assert suggestion.text.startswith("Thanks for getting back to me, Ann.")
    assert suggestion.confidence <= 0.5


def test_confidence_at_the_threshold_is_not_low():
    assert suggest(bare("interested", 0.6)).action == "send_reply"


def test_no_marketing_after_an_earlier_opt_out():
    history = [("outbound", OPENER), ("inbound", "STOP"), ("outbound", "You are unsubscribed."), ("inbound", "who?")]
    suggestion = draft(ctx_for("Who is this?", history=history))
    assert suggestion.action == "review"
    assert suggestion.text == ""
    assert "opted out earlier" in suggestion.notes


# --------------------------------------------------------------------------- nudges: at most one
def test_not_interested_gets_one_soft_follow_up_then_closes():
    first = suggest(ctx_for("No thanks", history=[("outbound", OPENER), ("inbound", "No thanks")]))
    assert first.action == "send_reply"
    history = [("outbound", OPENER), ("inbound", "No thanks"), ("outbound", first.text), ("inbound", "not interested")]
    second = suggest(ctx_for("not interested", history=history))
    assert (second.action, second.close_reason, second.text) == ("close", "not_interested", "")


def test_stale_conversation_gets_one_nudge_then_closes_as_no_response():
    history = [("out", OPENER), ("in", "Yes, interested"), ("out", "Great to hear, Ann! Would a call work?")]
    nudge = suggest(ctx_for("Yes, interested", history=history, days_since_last_reply=4))
    assert (nudge.worker, nudge.action) == (CATHY, "send_reply")
    assert "4 days" in nudge.notes
    closed = suggest(ctx_for("Yes, interested", history=[*history, ("out", nudge.text)], days_since_last_reply=9))
    assert (closed.worker, closed.action, closed.close_reason, closed.text) == (CATHY, "close", "no_response", "")


def test_stale_never_nudges_an_opt_out():
    suggestion = suggest(ctx_for("STOP", days_since_last_reply=10))
    assert (suggestion.action, suggestion.text) == ("close", "")


# ---------------------------------------------------------------------------------- personalisation
PERSONAL = [
    # (overrides, must contain, must not contain)
    ({}, ["Ann", "Acme Plumbing"], ["your business"]),
    ({"first_name": "", "company": ""}, ["Great to hear!", "your business"], ["Ann", "Acme"]),
    ({"first_name": "ANN", "company": ""}, ["Great to hear, Ann!"], ["ANN"]),
    ({"first_name": "mary-jo"}, ["Mary-Jo"], []),
    ({"first_name": "Ann Marie Smith"}, ["Great to hear, Ann!"], ["Smith"]),
    ({"company": "Acme Plumbing, LLC"}, ["help Acme Plumbing."], ["LLC"]),
    ({"company": "Smith & Sons Inc."}, ["help Smith & Sons."], ["Inc"]),
    ({"first_name": "Zo\u00eb \U0001f600"}, ["Great to hear, Zoe!"], ["\U0001f600", "\u00eb"]),  # stays GSM-7
    # e-acute is GSM-7 already, so it is kept
    ({"first_name": "Jos\u00e9", "company": "Caf\u00e9 Ol\u00e9"}, ["Jos\u00e9", "Caf\u00e9 Ol\u00e9"], []),
    ({"company": "Bob\u2019s Garage"}, ["Bob's Garage"], ["\u2019"]),
]


@pytest.mark.parametrize(("overrides", "present", "absent"), PERSONAL)
def test_personalisation_and_fallbacks(overrides, present, absent):
    text = suggest(ctx_for("Yes, I'm interested", **overrides)).text
    for word in present:
        assert word in text
    for word in absent:
        assert word not in text


def test_a_self_introduced_name_is_used_when_no_first_name_is_on_file():
    text = suggest(ctx_for("This is John, yes interested", first_name="")).text
    assert text.startswith("Great to hear, John!")


def test_a_referral_name_is_noted_not_used():
    suggestion = suggest(ctx_for("Not interested, talk to Mike", first_name=""))
    assert "Mike" not in suggestion.text
    assert "Mike" in suggestion.notes


def test_who_is_this_without_a_sender_name_stays_honest():
    text = suggest(ctx_for("Who is this?", sender_name="", sender_company="")).text
    assert "sorry for the mystery" in text
    assert "STOP" in text
    assert "this is the team at Northwind" in suggest(ctx_for("Who is this?", sender_name="")).text


# --------------------------------------------------------------------------------- length, charset
TYPICAL_FILLS = [
    Fill(name="Ann", company="Acme Plumbing", sender="Sam", sender_company="Northwind"),
    Fill(name="Jennifer", company="Riverside Family Dental", sender="Samantha Lee", sender_company="Northwind Data"),
    Fill(name="Christopher", company="Hill Country Roofing & Gutters", sender="Alexander", sender_company="Lone Star"),
    Fill(),
]
EXTRAS = {
    "email": "jennifer.martinez@riversidedental.com",
    "phone": "(512) 555-0143",
    "meeting_time": "tomorrow at 3pm",
}
ALL_RENDERS = [
    pytest.param(template_id, dataclasses.replace(fill, **EXTRAS), id=f"{template_id}-{i}")
    for template_id in TEMPLATES
    for i, fill in enumerate(TYPICAL_FILLS)
]


@pytest.mark.parametrize(("template_id", "fill"), ALL_RENDERS)
def test_every_template_fits_in_two_segments_of_gsm7(template_id, fill):
    text = render(template_id, fill)
    info = segment_info(text)
    assert info.encoding == "GSM-7", info.non_gsm
    assert 1 <= info.segments <= 2
    assert not any(ch in text for ch in "\u2018\u2019\u201c\u201d\u2014")
    assert "http" not in text
    assert "www." not in text


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_templates_fit_one_segment_with_typical_names(template_id):
    assert segment_count(render(template_id, dataclasses.replace(TYPICAL_FILLS[0], **EXTRAS))) == 1


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_templates_read_well_without_optional_fields(template_id):
    required = {name: EXTRAS[name] for name in REQUIRES.get(template_id, ())}
    text = render(template_id, Fill(**required))
    assert "  " not in text
    assert " ." not in text
    assert " ," not in text
    assert "None" not in text


def test_long_company_is_dropped_to_stay_in_one_segment():
    fill = Fill(name="Ann", company="The Extremely Long Named Regional Plumbing Heating And Cooling Company Of Texas")
    text = render("pricing", fill)
    assert segment_count(text) == 1
    assert "Ann" in text
    assert "Texas" not in text


# ---------------------------------------------------------------------------------- CONTEXT_MISSING
THIN = [
    # (overrides, text, expect CONTEXT_MISSING)
    ({"first_name": "", "company": "", "last_outbound": ""}, "Yes, interested", True),
    ({"first_name": "", "company": "", "last_outbound": "", "history": [("inbound", "yes")]}, "yes", True),
    ({"first_name": "Ann", "company": "", "last_outbound": ""}, "Yes, interested", False),
    ({"first_name": "", "company": "Acme", "last_outbound": ""}, "Yes, interested", False),
    ({"first_name": "", "company": "", "last_outbound": OPENER}, "Yes, interested", False),
    ({"first_name": "", "company": "", "last_outbound": "", "history": [("outbound", OPENER)]}, "Sure", False),
    ({"first_name": "", "company": "", "last_outbound": ""}, "This is John, yes interested", False),
    ({"sender_name": "", "sender_company": ""}, "Who is this?", True),  # cannot say who is texting
    ({"sender_name": ""}, "Who is this?", False),  # "this is the team at Northwind"
    ({"sender_name": "", "sender_company": ""}, "Yes, interested", False),
    ({"first_name": "", "company": "", "last_outbound": ""}, "STOP", False),  # a close needs no context
    ({"first_name": "", "company": "", "last_outbound": ""}, "hmm", True),
]


@pytest.mark.parametrize(("overrides", "text", "missing"), THIN)
def test_context_missing(overrides, text, missing):
    context = ctx_for(text, **overrides)
    suggestion = draft(context)
    assert ("CONTEXT_MISSING" in suggestion.failures) is missing
    assert ("Thin context" in suggestion.notes) is missing
    assert suggestion.action in ACTIONS  # still a safe suggestion
    if missing and not context.first_name:
        assert suggestion.text == "" or "Ann" not in suggestion.text


def test_context_gaps_lists_each_reason():
    context = ctx_for("Who is this?", first_name="", company="", last_outbound="", sender_name="", sender_company="")
    assert len(context_gaps(context)) == 2


# ----------------------------------------------------------------------------------- RESPONSE_DELAY
@pytest.mark.parametrize(
    ("start", "end", "slow_ms", "elapsed", "delayed"),
    [
        (100.0, 100.2, 5000, 200, False),
        (0.0, 5.0, 5000, 5000, False),  # exactly at the SLA is on time
        (0.0, 5.001, 5000, 5001, True),
        (10.0, 41.0, 5000, 31000, True),
        (0.0, 1.5, 1000, 1500, True),
    ],
)
def test_response_delay_is_measured_with_the_injected_clock(start, end, slow_ms, elapsed, delayed):
    suggestion = draft(ctx_for("Yes, interested"), clock=clock(start, end), slow_ms=slow_ms)
    assert suggestion.elapsed_ms == elapsed
    assert ("RESPONSE_DELAY" in suggestion.failures) is delayed


def test_response_delay_and_context_missing_together():
    context = ctx_for("Sure", first_name="", company="", last_outbound="")
    assert draft(context, clock=clock(0.0, 9.0)).failures == ["CONTEXT_MISSING", "RESPONSE_DELAY"]


def test_slow_llm_timeout_is_reported_as_a_delay():
    client = LlmClient(BASE_URL, KEY, "gpt-test", session=requests.Session())
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, URL, body=requests.Timeout("read timed out"))
        suggestion = draft(ctx_for("Yes, interested"), llm=client, clock=clock(0.0, 8.0))
    assert suggestion.engine == "rules"
    assert "LLM unavailable: timeout" in suggestion.notes
    assert suggestion.failures == ["RESPONSE_DELAY"]


# ------------------------------------------------------------------------------------- determinism
@pytest.mark.parametrize("text", [row[0] for row in PATHS])
def test_same_context_same_suggestion(text):
    first = draft(ctx_for(text), clock=clock(0.0, 0.1))
    again = draft(ctx_for(text), clock=clock(5.0, 5.1))
    assert first == again


# ------------------------------------------------------------------------------- data, not sending
def test_suggestions_are_data_and_nothing_can_send():
    names = {name.lower() for module in (copilot, copilot.rules, copilot.engine, copilot.llm) for name in dir(module)}
    assert not [name for name in names if "send" in name and name != "send_reply"]
    suggestion = suggest(ctx_for("Yes"))
    assert not [name for name in dir(suggestion) if "send" in name or "approve" in name]
    with pytest.raises(dataclasses.FrozenInstanceError):
        suggestion.action = "send_reply"


@pytest.mark.parametrize(
    "fields",
    [
        {"worker": "BOB"},
        {"action": "auto_send"},
        {"action": "close", "text": "bye"},
        {"close_reason": "because"},
        {"engine": "magic"},
    ],
)
def test_invalid_suggestions_cannot_be_built(fields):
    valid = {"worker": GIANNA, "action": "send_reply", "text": "Hi", "notes": "n"}
    with pytest.raises(ValueError, match="unknown|no text"):
        Suggestion(**{**valid, **fields})


def test_inbox_fields():
    suggestion = suggest(ctx_for("Call me at 512-555-0143"))
    assert suggestion.inbox_fields() == {
        "suggested_action": "call",
        "ai_notes": suggestion.notes,
        "assigned_sdr_id": GIANNA,
    }


# ---------------------------------------------------------------------------------------- LLM engine
def llm_reply(payload) -> dict:
    content = payload if isinstance(payload, str) else json.dumps(payload)
    return {"id": "x", "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}


@pytest.fixture
def client():
    return LlmClient(BASE_URL + "/", KEY, "gpt-test", timeout=3.0)


@pytest.fixture
def mock():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


def test_llm_success_uses_its_text_and_notes_with_rules_routing(client, mock):
    answer = {"action": "book_meeting", "text": "Great, Ann! Does Thursday at 2pm work?", "notes": "Warm lead."}
    mock.add(responses.POST, URL, json=llm_reply({**answer, "worker": "CATHY"}))
    suggestion = suggest_with_llm(ctx_for("Yes, interested", priority="hot"), client)
    assert suggestion.engine == "llm"
    assert suggestion.worker == SABRINA  # routing is always the rules'
    assert (suggestion.action, suggestion.text, suggestion.notes) == (
        "book_meeting",
        answer["text"],
        answer["notes"],
    )


def test_llm_request_shape_and_headers(client, mock):
    mock.add(responses.POST, URL, json=llm_reply({"action": "send_reply", "text": "Hi Ann!", "notes": "ok"}))
    client.complete("system prompt", "user prompt")
    request = mock.calls[0].request
    assert request.url == URL
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert json.loads(request.body) == {
        "model": "gpt-test",
        "messages": [{"role": "system", "content": "system prompt"}, {"role": "user", "content": "user prompt"}],
        "temperature": 0.2,
    }


def test_llm_prompt_carries_the_context_and_worker_voice(client, mock):
    mock.add(responses.POST, URL, json=llm_reply({"action": "send_reply", "text": "Hi Ann!", "notes": "ok"}))
    suggest_with_llm(ctx_for("No thanks"), client)
    messages = json.loads(mock.calls[0].request.body)["messages"]
    assert "CATHY" in messages[0]["content"]
    assert "JSON" in messages[0]["content"]
    user = json.loads(messages[1]["content"])
    assert user["reply"] == "No thanks"
    assert user["lead"]["first_name"] == "Ann"
    assert user["rules_draft"]["action"] == "send_reply"
    assert KEY not in messages[0]["content"] + messages[1]["content"]


def test_llm_fenced_json_and_curly_quotes_are_accepted_and_cleaned(client, mock):
    content = '```json\n{"action": "send_reply", "text": "Thanks, Ann \u2014 we\u2019re glad", "notes": "ok"}\n```'
    mock.add(responses.POST, URL, json=llm_reply(content))
    suggestion = suggest_with_llm(ctx_for("Yes, interested"), client)
    assert suggestion.engine == "llm"
    assert suggestion.text == "Thanks, Ann - we're glad"


def test_llm_url_present_in_the_context_is_allowed(client, mock):
    text = "Thanks Ann, I see acmeplumbing.com. Would a call this week work?"
    mock.add(responses.POST, URL, json=llm_reply({"action": "send_reply", "text": text, "notes": "ok"}))
    suggestion = suggest_with_llm(ctx_for("Interested, see acmeplumbing.com"), client)
    assert (suggestion.engine, suggestion.text) == ("llm", text)


def test_llm_may_close_with_empty_text(client, mock):
    mock.add(responses.POST, URL, json=llm_reply({"action": "close", "text": "", "notes": "Clear no."}))
    suggestion = suggest_with_llm(ctx_for("No thanks"), client)
    assert (suggestion.engine, suggestion.action, suggestion.close_reason, suggestion.text) == (
        "llm",
        "close",
        "not_interested",
        "",
    )


def test_llm_cannot_lift_a_review(client, mock):
    mock.add(responses.POST, URL, json=llm_reply({"action": "send_reply", "text": "Hi Ann!", "notes": "ok"}))
    suggestion = suggest_with_llm(ctx_for("hmm"), client)
    assert (suggestion.engine, suggestion.action) == ("llm", "review")


FALLBACKS = [
    # (how the mock answers, reason in the note)
    ({"json": llm_reply({"action": "auto_send", "text": "Hi", "notes": "x"})}, "invalid action"),
    ({"json": llm_reply({"text": "Hi", "notes": "x"})}, "invalid action"),
    ({"body": requests.Timeout("slow")}, "timeout"),
    ({"body": requests.ConnectionError("refused")}, "request failed"),
    ({"status": 500, "json": {"error": "boom"}}, "HTTP 500"),
    ({"status": 401, "json": {"error": "bad key"}}, "HTTP 401"),
    ({"status": 429, "body": "slow down"}, "HTTP 429"),
    ({"json": llm_reply("Sure! Here is a reply: Hi Ann")}, "not JSON"),
    ({"json": llm_reply('{"action": "send_reply", "text": "Hi"')}, "not JSON"),
    ({"json": llm_reply(["send_reply", "Hi"])}, "not a JSON object"),
    ({"body": "<html>gateway</html>"}, "unexpected response shape"),
    ({"json": {"choices": []}}, "unexpected response shape"),
    ({"json": {"choices": [{"message": {"content": None}}]}}, "unexpected response shape"),
    ({"json": llm_reply({"action": "send_reply", "text": "x" * 321, "notes": "x"})}, "too long"),
    ({"json": llm_reply({"action": "send_reply", "text": "See https://evil.example", "notes": "x"})}, "URL"),
    ({"json": llm_reply({"action": "send_reply", "text": "Visit bestdeals.com now", "notes": "x"})}, "URL"),
    ({"json": llm_reply({"action": "send_reply", "text": "Mail bob@other.com", "notes": "x"})}, "e-mail"),
    ({"json": llm_reply({"action": "close", "text": "Bye!", "notes": "x"})}, "empty when the action is close"),
    ({"json": llm_reply({"action": "send_reply", "text": "", "notes": "x"})}, "send_reply without text"),
    ({"json": llm_reply({"action": "send_reply", "text": "Great! \U0001f389", "notes": "x"})}, "emoji"),
    ({"json": llm_reply({"action": "send_reply", "text": 42, "notes": "x"})}, "must be strings"),
]


@pytest.mark.parametrize(("answer", "reason"), FALLBACKS)
def test_llm_errors_fall_back_to_the_rules(client, mock, answer, reason):
    mock.add(responses.POST, URL, **answer)
    context = ctx_for("Yes, I'm interested")
    suggestion = suggest_with_llm(context, client)
    rules = suggest(context)
    assert suggestion.engine == "rules"
    assert (suggestion.worker, suggestion.action, suggestion.text) == (rules.worker, rules.action, rules.text)
    assert suggestion.notes.startswith(rules.notes)
    assert "LLM unavailable: " in suggestion.notes
    assert reason in suggestion.notes
    assert len(mock.calls) == 1


@pytest.mark.parametrize("text", ["STOP", "Wrong number", "Go to hell", "Not interested, never"])
def test_llm_is_not_asked_when_the_rules_say_stay_silent(client, mock, text):
    suggestion = suggest_with_llm(ctx_for(text), client)
    assert len(mock.calls) == 0
    assert (suggestion.engine, suggestion.action, suggestion.text) == ("rules", "close", "")


def test_draft_uses_the_llm_when_given(client, mock):
    mock.add(responses.POST, URL, json=llm_reply({"action": "send_reply", "text": "Hi Ann!", "notes": "ok"}))
    suggestion = draft(ctx_for("Yes, interested"), llm=client, clock=clock(0.0, 1.2))
    assert (suggestion.engine, suggestion.elapsed_ms, suggestion.failures) == ("llm", 1200, [])


def test_api_key_never_in_repr_or_logs(client, mock, caplog):
    assert KEY not in repr(client)
    assert KEY not in str(client)
    assert "***" in repr(client)
    mock.add(responses.POST, URL, status=401, json={"error": f"invalid key {KEY[:4]}"})
    with caplog.at_level(logging.DEBUG):
        suggestion = draft(ctx_for("Yes, interested"), llm=client)
    assert "HTTP 401" in caplog.text
    assert KEY not in caplog.text
    assert KEY not in suggestion.notes
    assert KEY not in repr(suggestion)


def test_llm_client_uses_the_given_session_and_timeout(mock):
    session = requests.Session()
    calls = []
    original = session.post

    def spy(*args, **kwargs):
        calls.append(kwargs["timeout"])
        return original(*args, **kwargs)

    session.post = spy
    mock.add(responses.POST, URL, json=llm_reply("{}"))
    LlmClient(BASE_URL, KEY, "m", timeout=2.5, session=session).complete("s", "u")
    assert calls == [2.5]


def test_llm_is_not_asked_after_an_earlier_opt_out(client, mock):
    history = [("outbound", OPENER), ("inbound", "Stop texting me")]
    suggestion = suggest_with_llm(ctx_for("Who is this?", history=history), client)
    assert len(mock.calls) == 0
    assert (suggestion.engine, suggestion.action, suggestion.text) == ("rules", "review", "")
