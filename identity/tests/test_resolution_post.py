"""One person in one post at one office: two mailboxes, a mistyped phone, a garbled first name."""

from dataclasses import replace

import pytest

from identity import resolution
from identity.resolution import gamma, guard, one_post, phone_slip, score, title_key
from identity.tests.test_resolution import AUTO, _at, _offices, _smiths

# m and u as EM estimated them on a list of offices where colleagues share the office line and each has a mailbox
# of their own (rounded): two different mailboxes weigh about -4 bits, a shared phone and the office little.
PROBE_MODEL = {
    "first_name": ([0.02, 0.05, 0.10, 0.83], [0.60, 0.01, 0.01, 0.38]),
    "last_name": ([0.02, 0.05, 0.10, 0.83], [0.60, 0.20, 0.10, 0.10]),
    "phone": ([0.40, 0.60], [0.63, 0.37]),
    "email": ([0.06, 0.05, 0.20, 0.69], [0.99, 0.0002, 0.009, 0.0008]),
    "business": ([0.03, 0.05, 0.92], [0.22, 0.01, 0.77]),
    "address": ([0.05, 0.05, 0.90], [0.68, 0.02, 0.30]),
    "location": ([0.01, 0.04, 0.05, 0.90], [0.16, 0.04, 0.05, 0.75]),
}


def _model():
    return resolution.Model(
        m={f: m for f, (m, _) in PROBE_MODEL.items()}, u={f: u for f, (_, u) in PROBE_MODEL.items()}, prior=0.2
    )


def _pair(email_a, email_b, *, title_a="Chief Financial Officer", title_b="Chief Financial Officer", **changes):
    """LISA ALLEN twice at one office on one phone, in the titles and with the mailboxes given."""
    a = _at(
        "per_1", "LISA", "ALLEN", business="COOPER INSURANCE", street="70 OAK RD", zip5="32819", city="ORLANDO",
        phone="4072924494", emails=frozenset(e for e in (email_a,) if e),
        titles=(title_key(title_a),) if title_a else (),
    )  # fmt: skip
    b = replace(
        a, id="per_2", emails=frozenset(e for e in (email_b,) if e), titles=(title_key(title_b),) if title_b else ()
    )
    return a, replace(b, **changes)


ONE_PERSON = [
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {}),  # a work and a home address
    ("lisa.allen@cooperinsurance.com", "lisa.allen@outlook.com", {}),
    ("lisa421@gmail.com", "lisaallen421@yahoo.com", {}),  # two free-mail addresses
    ("lisa@cooperinsurance.com", "lisa.allen@cooperinsurance.com", {}),  # two shapes at one domain
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"title_b": "Senior Chief Financial Officer"}),  # promoted
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"first": "LJSA"}),  # a first name garbled (no name)
]

TWO_PEOPLE_OR_NOT_THIS_RULE = [
    # another post: a father and son of one name at the family company, each in his own
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"title_b": "Sales Representative"}),
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"title_b": ""}),  # a post unknown
    ("lallen1@cooperinsurance.com", "lallen2@cooperinsurance.com", {}),  # numbered apart by the company
    ("lallen@cooperinsurance.com", "lisaallenjr@gmail.com", {}),  # a generation on one mailbox
    ("lallen@cooperinsurance.com", "bluebird77@gmail.com", {}),  # a mailbox naming nobody
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"phones": frozenset({"4075550199"})}),  # another phone
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"addresses": ("9 ELM ST|32819",)}),  # another street
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"first": "LIZA"}),  # another given name
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"last": "ALLAN"}),  # another surname
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"phones": frozenset({"4072944492"})}),  # two digits off
    ("lallen@cooperinsurance.com", "allenl80@gmail.com", {"generation": "JR"}),
]


@pytest.mark.parametrize(("email_a", "email_b", "changes"), ONE_PERSON)
def test_one_name_in_one_post_at_one_office_on_one_phone_with_two_mailboxes_is_one_person(email_a, email_b, changes):
    a, b = _pair(email_a, email_b, **dict(changes))
    levels, _ = gamma(a, b)
    assert levels["email"] == 0
    assert one_post(a, b, levels)
    assert guard(a, b, levels, _model()) is None
    probability, reasons = score(a, b, _model())
    assert reasons["fields"]["email"]["not_counted"] == resolution.POST_NOT_COUNTED["email"]
    assert reasons["fields"]["email"]["weight"] == 0.0
    assert probability >= AUTO


@pytest.mark.parametrize(("email_a", "email_b", "changes"), TWO_PEOPLE_OR_NOT_THIS_RULE)
def test_another_post_phone_street_spelling_or_a_numbered_or_marked_mailbox_is_not_one_post(email_a, email_b, changes):
    title_b = changes.pop("title_b", "Chief Financial Officer")
    a, b = _pair(email_a, email_b, title_b=title_b, **changes)
    levels, _ = gamma(a, b)
    assert not one_post(a, b, levels)
    _, reasons = score(a, b, _model())
    assert "not_counted" not in reasons["fields"]["email"]


def test_two_mailboxes_in_another_post_still_weigh_against_one_person():
    a, b = _pair("lallen@cooperinsurance.com", "allenl80@gmail.com", title_b="Sales Representative")
    probability, reasons = score(a, b, _model())
    assert reasons["fields"]["email"]["weight"] < -3
    assert probability < AUTO


@pytest.mark.parametrize(
    ("x", "y", "slip"),
    [
        ("4072924494", "4072924495", True),  # one digit replaced
        ("4072924494", "4072924944", True),  # two neighbours swapped
        ("4072924494", "4072944492", False),  # two digits swapped, not neighbours
        ("4072924494", "4072925595", False),  # two digits replaced
        ("4072924494", "4072924494", False),  # the same number is no slip
        ("4072924494", "072924494", False),
    ],
)
def test_phone_slip_is_one_keystroke(x, y, slip):
    assert phone_slip({x}, {y}) is slip


@pytest.mark.parametrize(("phone_b", "email_b"), [("4072924484", ""), ("4072924484", "allenl80@gmail.com")])
def test_a_mistyped_phone_in_one_post_at_one_office_is_not_counted(phone_b, email_b):
    a, b = _pair("lallen@cooperinsurance.com", email_b, phones=frozenset({phone_b}))
    levels, _ = gamma(a, b)
    assert levels["phone"] == 0
    assert one_post(a, b, levels)
    probability, reasons = score(a, b, _model())
    assert reasons["fields"]["phone"]["not_counted"] == resolution.POST_NOT_COUNTED["phone"]
    assert reasons["fields"]["phone"]["weight"] == 0.0
    assert probability >= AUTO


def test_the_post_counts_its_rarity_only_when_no_mailbox_was_excused():
    model = _model()
    model.tf["title"] = {title_key("Chief Financial Officer"): 0.01, title_key("Owner"): 0.3}
    a, b = _pair("lallen@cooperinsurance.com", "")
    _, reasons = score(a, b, model)
    assert reasons["fields"]["title"]["level"] == "same"
    assert reasons["fields"]["title"]["weight"] > 0
    a, b = _pair("lallen@cooperinsurance.com", "allenl80@gmail.com")
    assert "title" not in score(a, b, model)[1]["fields"]  # the post already excused the two mailboxes


@pytest.mark.parametrize(
    ("title_a", "title_b", "proof"),
    [
        ("Estimator", "Estimator", "e-mail"),
        ("Sales Manager", "Regional Sales Manager", "e-mail"),  # a promotion keeps a word
        ("Estimator", "", "e-mail"),  # a title unknown
        ("Estimator", "General Manager", None),  # two jobs on one guessed work mailbox: a chain's namesakes
        ("Partner", "Account Executive", None),
    ],
)
def test_one_work_mailbox_at_two_offices_is_no_proof_beside_two_jobs(title_a, title_b, proof):
    austin, dallas = _offices(emails_a={"john.smith@acme.com"}, emails_b={"john.smith@acme.com"})
    austin = replace(austin, titles=(title_key(title_a),) if title_a else ())
    dallas = replace(dallas, titles=(title_key(title_b),) if title_b else ())
    levels, _ = gamma(austin, dallas)
    assert levels["email"] == 3
    assert resolution.office_proof(austin, dallas, levels, _smiths()) == proof
    _, reasons = score(austin, dallas, _smiths())
    assert reasons["guard"] == (None if proof else "OFFICE_NAME_ONLY")


def test_one_free_mail_mailbox_at_two_offices_stays_a_proof_beside_two_jobs():
    austin, dallas = _offices(emails_a={"johnsmith1961@gmail.com"}, emails_b={"johnsmith1961@gmail.com"})
    austin = replace(austin, titles=(title_key("Estimator"),))
    dallas = replace(dallas, titles=(title_key("General Manager"),))
    levels, _ = gamma(austin, dallas)
    assert resolution.office_proof(austin, dallas, levels, _smiths()) == "e-mail"


@pytest.mark.parametrize(("last", "proof"), [("SMITH", None), ("BEAUMAN", "e-mail"), ("NAME7", "e-mail")])
def test_one_work_mailbox_at_two_offices_beside_two_jobs_stays_a_proof_for_a_surname_not_common(last, proof):
    austin, dallas = _offices(first="OTIS", last=last, emails_a={"otis@acme.com"}, emails_b={"otis@acme.com"})
    austin = replace(austin, titles=(title_key("Estimator"),))
    dallas = replace(dallas, titles=(title_key("General Manager"),))
    levels, _ = gamma(austin, dallas)
    assert resolution.office_proof(austin, dallas, levels, _smiths()) == proof
