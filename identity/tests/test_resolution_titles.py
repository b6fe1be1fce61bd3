"""Job titles as evidence for one name at two offices of a company (``identity.resolution``)."""

import io
from dataclasses import replace

import pytest
from django.core.management import call_command

from identity import resolution
from identity.models import MatchReview, Persona, PersonaMergeHistory
from identity.resolution import explain, gamma, guard, score, title_key
from identity.tests.factories import BusinessFactory, BusinessOwnerFactory, person_with_contacts
from identity.tests.test_resolution import AUTO, _names_model, _two_offices

# A team of many names and titles: SMITH is common, MORGAN as common as a typical surname, BEAUMAN rare; OWNER is a
# fifth of the team, CONTROLLER one in 200.
_OTHER_NAMES = [(f"NAME{i}", 5) for i in range(2000)]
_TITLES = [
    ("OWNER", 2000),
    ("CONTROLLER", 50),
    ("DENTIST", 50),
    ("VETERINARIAN", 50),
    ("MANAGER OFFICE", 50),
    *[(f"TITLE{i}", 20) for i in range(400)],
]


def _team_model():
    return _names_model(
        first_name=[("JOHN", 400), ("OTIS", 2), *_OTHER_NAMES],
        last_name=[("SMITH", 500), ("MORGAN", 20), ("BEAUMAN", 2), *_OTHER_NAMES],
        title=_TITLES,
    )


def _offices(title_a, title_b, *, first="JOHN", last="MORGAN", trade=""):
    """The same name at two offices of one company, another phone each, no e-mail: the job titles given."""
    austin, dallas = _two_offices()
    trades = (trade,) if trade else ()
    austin = replace(austin, first=first, last=last, titles=(title_key(title_a),) if title_a else (), trades=trades)
    dallas = replace(dallas, first=first, last=last, titles=(title_key(title_b),) if title_b else (), trades=trades)
    return austin, dallas


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("VP of Sales", "Vice President, Sales"),
        ("Sales V.P.", "VICE PRESIDENT - SALES"),
        ("Office Mgr", "office manager"),
        ("Dir. of Operations", "Director, Operations"),
        ("CEO", "Chief Executive Officer"),
        ("President & CEO", "President and Chief Executive Officer"),
        ("Owner/Operator", "Owner - Operator"),
    ],
)
def test_title_key_reads_abbreviations_and_word_order_as_one_title(a, b):
    assert title_key(a) == title_key(b) != ""


@pytest.mark.parametrize(
    ("a", "b"),
    [("Vice President", "President"), ("Office Manager", "Operations Manager"), ("Director", "Managing Director")],
)
def test_title_key_keeps_other_titles_apart(a, b):
    assert title_key(a) != title_key(b)


def test_a_rare_shared_title_at_another_office_is_a_proof_and_counts_a_few_bits():
    model = _team_model()
    austin, dallas = _offices("Controller", "CONTROLLER")
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) is None
    probability, reasons = score(austin, dallas, model)
    assert reasons["office_proof"] == "rare title"
    assert probability >= AUTO
    title = reasons["fields"]["title"]
    assert title["level"] == "same"
    assert 0 < title["weight"] <= resolution.RARE_TITLE_BITS
    assert explain(reasons)["office_proof"] == "rare title"
    assert [row["name"] for row in explain(reasons)["rows"]][-1] == "title"


def test_a_common_title_or_none_at_another_office_is_no_proof():
    model = _team_model()
    assert resolution.tf_adjustment(model, "last_name", "MORGAN") >= 0  # no commoner than a typical surname
    for a, b in (("Owner", "Owner"), ("Controller", ""), ("", "")):
        austin, dallas = _offices(a, b)
        levels, _ = gamma(austin, dallas)
        assert guard(austin, dallas, levels, model) == "OFFICE_NAME_ONLY", (a, b)
        assert "office_proof" not in score(austin, dallas, model)[1]


def test_a_rare_title_beside_a_common_surname_is_no_proof():
    # two JOHN SMITHs at one company are likely enough that one title in common happens
    model = _team_model()
    austin, dallas = _offices("Controller", "Controller", last="SMITH")
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) == "OFFICE_NAME_ONLY"
    reasons = score(austin, dallas, model)[1]
    assert "office_proof" not in reasons
    assert reasons["fields"]["title"]["weight"] > 0  # still evidence, shown, but the pair waits for review


def test_a_title_common_in_the_companys_trade_is_no_proof_though_rare_in_the_team():
    model = _team_model()
    # at veterinary clinics (SIC 0742) 12 people of 41 are veterinarians: rare in the team, common in the trade
    counts = {("0742", "VETERINARIAN"): 12, ("0742", "OWNER"): 28, ("0742", "CONTROLLER"): 1}
    model.tf["trade_title"] = resolution.trade_title_counts(counts)
    austin, dallas = _offices("Veterinarian", "Veterinarian", trade="0742")
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) == "OFFICE_NAME_ONLY"
    assert "office_proof" not in score(austin, dallas, model)[1]
    # a controller is rare at a clinic too; and a veterinarian's title at a company of no known trade is the team's
    austin, dallas = _offices("Controller", "Controller", trade="0742")
    assert score(austin, dallas, model)[1]["office_proof"] == "rare title"
    austin, dallas = _offices("Veterinarian", "Veterinarian")
    assert score(austin, dallas, model)[1]["office_proof"] == "rare title"


def test_another_title_at_another_office_is_not_counted_and_is_no_proof():
    model = _team_model()
    austin, dallas = _offices("Controller", "Dentist")
    probability, reasons = score(austin, dallas, model)
    assert reasons["guard"] == "OFFICE_NAME_ONLY"
    assert reasons["fields"]["title"]["weight"] == 0.0
    assert reasons["fields"]["title"]["not_counted"]
    # the same pair without titles scores the same: a promotion is not held against a person who moved
    without = score(replace(austin, titles=()), replace(dallas, titles=()), model)[0]
    assert probability == without


def test_titles_are_not_compared_away_from_another_office():
    model = _team_model()
    austin, dallas = _offices("Controller", "Controller")
    dallas = replace(dallas, businesses=frozenset({"GLOBEX"}))  # another company: a namesake elsewhere
    reasons = score(austin, dallas, model)[1]
    assert "title" not in reasons["fields"]
    assert "office_proof" not in reasons


def test_conflicting_specific_titles_cancel_a_rare_surname_proof():
    model = _team_model()
    austin, dallas = _offices("Dentist", "Controller", first="OTIS", last="BEAUMAN")
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) == "OFFICE_NAME_ONLY"
    assert "office_proof" not in score(austin, dallas, model)[1]
    # the same rare surname with one title common (an owner who is also the dentist), a word in common (a
    # promotion) or one title missing stays proven
    for a, b in (("Dentist", "Owner"), ("Office Manager", "Controller"), ("Dentist", "")):
        austin, dallas = _offices(a, b, first="OTIS", last="BEAUMAN")
        if a == "Office Manager":
            dallas = replace(dallas, titles=(title_key("Controller Manager"),))
        assert score(austin, dallas, model)[1]["office_proof"] == "rare surname", (a, b)


def _at_office(team, first, last, title, business, phone):
    persona = person_with_contacts(
        team, first, last, phone=phone, title=title, state=business.state, zip5=business.zip5
    )
    BusinessOwnerFactory(persona=persona, team=team, business=business, title=title)
    return persona


def test_resolve_merges_one_person_at_a_new_office_by_a_rare_title_and_keeps_namesakes_of_other_titles_apart(team):
    # given a team of owners whose surnames are held by three people each (a typical surname is shared)
    for i in range(20):
        shop = BusinessFactory(team=team, name=f"Shop {i} LLC", address=f"{i + 1} Elm St", zip5=f"787{i:02d}")
        for n, first in enumerate(("Alan", "Beth", "Carl")):
            _at_office(team, first, f"Filler{i}", "Owner", shop, f"51255{i:03d}{n:02d}")
    austin = BusinessFactory(
        team=team, name="Acme Roofing LLC", address="12 Main St", city="Austin", state="TX", zip5="78701"
    )
    denver = BusinessFactory(
        team=team, name="Acme Roofing Inc", normalized_name="ACME ROOFING", address="9 Oak Ave", city="Denver",
        state="CO", zip5="80202",
    )  # fmt: skip
    # one person who moved to the Denver office: a new address, a new phone, the same job written another way
    before = _at_office(team, "Dana", "Morgan", "VP of Finance", austin, "5125550100")
    after = _at_office(team, "Dana", "Morgan", "Vice President, Finance", denver, "3035550100")
    # two employees of one name at the two offices, each in a job of their own
    estimator = _at_office(team, "Lee", "Harper", "Estimator", austin, "5125550101")
    paralegal = _at_office(team, "Lee", "Harper", "Paralegal", denver, "3035550101")

    call_command("resolve", team=team.slug, stdout=io.StringIO())

    after.refresh_from_db()
    assert after.is_merged
    assert after.merged_into_id == before.pk
    reasons = PersonaMergeHistory.objects.get(team=team, action="merge", merged=after).reasons
    assert reasons["office_proof"] == "rare title"
    assert reasons["fields"]["title"]["level"] == "same"
    assert reasons["fields"]["address"]["not_counted"]
    assert not Persona.objects.get(pk=paralegal.pk).is_merged
    assert not Persona.objects.get(pk=estimator.pk).is_merged
    review = MatchReview.objects.get(team=team, persona_a_id=min(estimator.pk, paralegal.pk))
    assert review.persona_b_id == max(estimator.pk, paralegal.pk)
    assert review.reasons["guard"] == "OFFICE_NAME_ONLY"
    assert review.reasons["fields"]["title"]["level"] == "different"


def test_the_moved_probe_keeps_most_titles_promotes_some_and_gives_hard_negatives_titles_of_their_own():
    from bench.corrupt import PROMOTED_TOP, PROMOTIONS, TITLE, corrupted_rows

    probes: dict[int, str] = {}
    rows = list(corrupted_rows(5000, 11, moved=0.1, probes=probes))
    first_title = {}
    for cells, entity in rows:
        first_title.setdefault(entity, cells[TITLE])
    kept = promoted = 0
    moved = [(rows[n - 1][0][TITLE], first_title[rows[n - 1][1]]) for n, label in probes.items() if label == "moved"]
    for title, first in moved:
        promotions = {title_key(PROMOTIONS.get(first.upper(), "")), *map(title_key, PROMOTED_TOP)}
        kept += title_key(title) == title_key(first)
        promoted += title_key(title) != title_key(first) and title_key(title) in promotions
    assert kept / len(moved) >= 0.7
    assert 0.03 <= promoted / len(moved) <= 0.3
    # a colleague or namesake at another office is another employee: the same title only by chance
    others = [
        (rows[n - 1][0][TITLE], first_title[label.partition(":")[2]])
        for n, label in probes.items()
        if label.startswith(("colleague:", "office_namesake:"))
    ]
    same = sum(title_key(a) == title_key(b) for a, b in others)
    assert len(others) >= 40
    assert same / len(others) < 0.2


def _one_office(first_a, last_a, first_b, last_b, title_a, title_b):
    """Two records at one office of one company (its phone, street and ZIP), no e-mail: the names and titles given."""
    austin, _ = _two_offices()
    a = replace(austin, first=first_a, last=last_a, titles=(title_key(title_a),) if title_a else ())
    b = replace(austin, id="per_2", first=first_b, last=last_b, titles=(title_key(title_b),) if title_b else ())
    return a, b


@pytest.mark.parametrize(
    ("first_a", "last_a", "first_b", "last_b"),
    [
        ("GLORIA", "WOODS", "GLORIA", "GOAS"),  # two errors in a short surname
        ("NATHAN", "HILL", "NATHAN", "HIO"),
        ("JUSTIN", "KAUR", "JUSIN", "KTYR"),  # both names garbled
        ("DOUGLAS", "TORRES", "DOUGLAS", "GUORRS"),
    ],
)
def test_a_surname_garbled_twice_beside_the_same_first_name_and_a_rare_title_at_one_office_is_one_person(
    first_a, last_a, first_b, last_b
):
    model = _team_model()
    a, b = _one_office(first_a, last_a, first_b, last_b, "Controller", "CONTROLLER")
    levels, _ = gamma(a, b)
    assert levels["last_name"] < 2
    assert guard(a, b, levels, model) is None
    assert score(a, b, model)[0] >= AUTO
    # without the title, or with a common one, they are two colleagues of one first name
    for title in ("", "Owner"):
        a, b = _one_office(first_a, last_a, first_b, last_b, title, title)
        assert guard(a, b, gamma(a, b)[0], model) in {"COLLEAGUE_LAST_NAME", "NAMES_DISAGREE"}, title


@pytest.mark.parametrize(
    ("first_a", "last_a", "first_b", "last_b", "code"),
    [
        ("ALICE", "PORTER", "ALICE", "VU", "COLLEAGUE_LAST_NAME"),  # surnames with nothing in common
        ("ALICE", "WOODS", "CARLA", "GOAS", "COLLEAGUE_FIRST_NAME"),  # another first name
        ("", "WOODS", "GLORIA", "GOAS", "COLLEAGUE_LAST_NAME"),  # a missing first name: a relative shares the surname
    ],
)
def test_a_rare_title_at_one_office_does_not_join_colleagues_of_other_names(first_a, last_a, first_b, last_b, code):
    model = _team_model()
    a, b = _one_office(first_a, last_a, first_b, last_b, "Controller", "Controller")
    assert guard(a, b, gamma(a, b)[0], model) == code


@pytest.mark.parametrize(("last_a", "last_b"), [("MORGAN", "MORGAN"), ("MORGAN", "MORGN"), ("DUBOIS", "CLUBOIS")])
def test_a_record_without_a_first_name_in_the_same_rare_post_at_one_office_is_one_persons(last_a, last_b):
    model = _team_model()
    a, b = _one_office("CRAIG", last_a, "", last_b, "Controller", "CONTROLLER")
    levels, _ = gamma(a, b)
    assert levels["first_name"] is None
    assert guard(a, b, levels, model) is None
    assert score(a, b, model)[0] >= AUTO


@pytest.mark.parametrize(
    ("last_b", "title_a", "title_b", "code"),
    [
        ("MORGAN", "Controller", "Dentist", "COLLEAGUE_NAME_MISSING"),  # a relative with a job of their own
        ("MORGAN", "Owner", "Owner", "COLLEAGUE_NAME_MISSING"),  # a title most hold: a couple owning the business
        ("MORGAN", "", "", "COLLEAGUE_NAME_MISSING"),
        ("PORTER", "Controller", "Controller", "COLLEAGUE_LAST_NAME"),  # another surname: another colleague
    ],
)
def test_a_record_without_a_first_name_in_another_or_a_common_post_still_waits_for_review(
    last_b, title_a, title_b, code
):
    model = _team_model()
    a, b = _one_office("CRAIG", "MORGAN", "", last_b, title_a, title_b)
    assert guard(a, b, gamma(a, b)[0], model) == code


def test_a_relative_at_the_family_company_holds_a_job_title_of_their_own():
    from bench.corrupt import FIRST, LAST, TITLE, corrupted_rows

    rows = list(corrupted_rows(5000, 11))
    first_row = {}
    for cells, entity in rows:
        first_row.setdefault(entity, cells)
    relatives = [
        (cells[TITLE], earlier[TITLE])
        for cells, entity in rows
        if entity.startswith("X")
        for earlier in [next((r for r in first_row.values() if r[LAST] == cells[LAST] and r[0] == cells[0]), None)]
        if earlier is not None and earlier[FIRST] != cells[FIRST]
    ]
    assert len(relatives) >= 50
    assert sum(title_key(a) == title_key(b) for a, b in relatives) / len(relatives) < 0.2


def test_a_lone_name_in_the_first_column_reads_as_the_surname_of_a_record_in_the_same_rare_post():
    model = _team_model()
    a, b = _one_office("ETHAN", "MORGAN", "MORGAN", "", "Controller", "Controller")  # swapped, then lost a name
    levels, _ = gamma(a, b)
    assert levels["first_name"] is None
    assert levels["last_name"] == 3
    assert guard(a, b, levels, model) is None
    a, b = _one_office("ETHAN", "MORGAN", "MORGAN", "", "Controller", "Dentist")
    assert guard(a, b, gamma(a, b)[0], model) == "COLLEAGUE_NAME_MISSING"


@pytest.mark.parametrize(
    ("first_a", "last_a", "first_b", "last_b"),
    [
        ("NOAH", "MORALES", "LAH", "MORAEZ"),  # a first name garbled beyond a slip, no given name of its own
        ("MARVIN", "BECKER", "MRVI", "BCKSER"),
        ("KURT", "MENDOZA", "KRHT", "MENDOZA"),
        ("MALIK", "WELLS", "HAIK", "WELSL"),
    ],
)
def test_a_first_name_garbled_beyond_a_slip_in_the_same_rare_post_at_one_office_is_one_persons(
    first_a, last_a, first_b, last_b
):
    model = _team_model()
    a, b = _one_office(first_a, last_a, first_b, last_b, "Controller", "Controller")
    levels, _ = gamma(a, b)
    assert levels["first_name"] < 2
    assert guard(a, b, levels, model) is None
    assert score(a, b, model)[0] >= AUTO
    for title in ("", "Owner"):
        a, b = _one_office(first_a, last_a, first_b, last_b, title, title)
        assert guard(a, b, gamma(a, b)[0], model) in {"COLLEAGUE_FIRST_NAME", "NAMES_DISAGREE"}, title


@pytest.mark.parametrize(
    ("first_a", "first_b", "last_b"),
    [
        ("JOHN", "JANE", "MORGAN"),  # two given names: two colleagues in one post
        ("ALBERT", "AK", "MORGAN"),  # too little of the name left to tell
        ("NOAH", "LAH", "PORTER"),  # another surname
    ],
)
def test_a_first_name_in_the_same_rare_post_stays_another_colleagues_when_it_is_a_name(first_a, first_b, last_b):
    model = _team_model()
    a, b = _one_office(first_a, "MORGAN", first_b, last_b, "Controller", "Controller")
    assert guard(a, b, gamma(a, b)[0], model) in {"COLLEAGUE_FIRST_NAME", "COLLEAGUE_LAST_NAME", "NAMES_DISAGREE"}


def test_resolve_reads_the_post_both_records_hold_at_one_office_after_the_partitions(team):
    # given a team of owners (a typical surname is shared), and one office where a person's records are garbled
    for i in range(20):
        shop = BusinessFactory(team=team, name=f"Shop {i} LLC", address=f"{i + 1} Elm St", zip5=f"787{i:02d}")
        for n, first in enumerate(("Alan", "Beth", "Carl")):
            _at_office(team, first, f"Filler{i}", "Owner", shop, f"51255{i:03d}{n:02d}")
    office = BusinessFactory(team=team, name="Acme Roofing LLC", address="12 Main St", city="Austin", zip5="78701")
    gloria = _at_office(team, "Gloria", "Woods", "Controller", office, "5125550100")
    goas = _at_office(team, "Gloria", "Goas", "Controller", office, "5125550100")  # the surname garbled twice
    noah = _at_office(team, "Noah", "Morales", "Estimator", office, "5125550100")
    lah = _at_office(team, "Lah", "Moraez", "Estimator", office, "5125550100")  # the first name garbled further
    relative = _at_office(team, "Karen", "Woods", "Office Manager", office, "5125550100")  # a job of her own

    call_command("resolve", team=team.slug, stdout=io.StringIO())

    assert Persona.objects.get(pk=max(gloria.pk, goas.pk)).merged_into_id == min(gloria.pk, goas.pk)
    assert Persona.objects.get(pk=max(noah.pk, lah.pk)).merged_into_id == min(noah.pk, lah.pk)
    assert not Persona.objects.get(pk=relative.pk).is_merged
