"""Matching rules of stage 3, without the database: blocking keys, EM, term frequencies, guards, clusters."""

import math
from collections import Counter
from dataclasses import replace

import pytest

from identity import resolution
from identity.resolution import (
    FIELDS,
    PersonaView,
    address_key,
    blocking_keys,
    candidate_pairs,
    compare,
    default_model,
    em_train,
    explain,
    gamma,
    guard,
    names_agree,
    plan,
    score,
    soundex,
    term_frequencies,
    tf_adjustment,
)

AUTO, REVIEW = 0.9, 0.5


def person(pid, first, last, *, state="TX", zip5="78701", phones=(), emails=(), businesses=(), new=True, **kw):
    return PersonaView(
        pid, first, last, state, zip5, frozenset(phones), frozenset(emails), frozenset(businesses), new, **kw
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [("ROBERT", "R163"), ("RUPERT", "R163"), ("ASHCRAFT", "A261"), ("TYMCZAK", "T522"), ("LEE", "L000"), ("", "")],
)
def test_soundex(name, code):
    assert soundex(name) == code


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (("ROBERT", "SMITH"), ("BOB", "SMITH"), True),
        (("J", "MILLER"), ("JAMES", "MILLER"), True),
        (("JONATHAN", "JOHNSON"), ("JONATHAN", "JONSON"), True),
        (("JOHN", "SMITH"), ("JANE", "SMITH"), False),
        (("MARIA", "GARCIA"), ("MARIA", "LOPEZ"), False),
        (("BRETT", "BEAUMAN"), ("BEAUMAN", "BRETT"), True),  # swapped first and last
        (("", "SMITH"), ("JOHN", "SMITH"), True),  # a missing first name does not disagree
        (("", ""), ("JOHN", "SMITH"), False),
    ],
)
def test_names_agree(a, b, agree):
    assert names_agree(person("per_a", *a), person("per_b", *b)) is agree


# --- blocking keys: one test per kind -------------------------------------------------------------------


def _share_key(a, b, kind):
    keys_a = {k for k in blocking_keys(a) if k[0] == kind}
    return bool(keys_a & {k for k in blocking_keys(b) if k[0] == kind})


def test_company_key_pairs_people_of_one_business_whatever_their_names():
    a = person("per_1", "BRETT", "BEAUMAN", businesses={"ACME PLUMBING"})
    b = person("per_2", "BRTET", "BAEUMAN", businesses={"ACME PLUMBING"}, zip5="78702")
    assert _share_key(a, b, "c")
    assert not _share_key(a, person("per_3", "X", "Y", businesses={"ZENITH"}), "c")


def test_swapped_names_share_the_unordered_name_key():
    a = person("per_1", "BRETT", "BEAUMAN", state="TX")
    b = person("per_2", "BEAUMAN", "BRETT", state="OH", zip5="44101")
    assert _share_key(a, b, "nm")
    assert not _share_key(a, b, "fls")


def test_phonetic_keys_on_both_names_catch_spelling_variants():
    a = person("per_1", "STEPHEN", "BEAUMAN")
    b = person("per_2", "STEVEN", "BOWMAN", zip5="78799")
    assert _share_key(a, b, "mp")  # Metaphone: STFN/STFN, BMN/BMN
    assert _share_key(person("per_3", "KATHERINE", "SMYTHE"), person("per_4", "KATHERINE", "SMITH"), "sx2")


def test_address_and_zip_key_pairs_people_at_one_street_address():
    a = person("per_1", "JON", "DOE", addresses=(f"{address_key('12 Main Street, Suite 4')}|78701",))
    b = person("per_2", "JOHN", "DOE", addresses=(f"{address_key('12 MAIN ST STE 4')}|78701",))
    assert _share_key(a, b, "a")
    c = person("per_3", "JOHN", "DOE", addresses=(f"{address_key('12 Main Street, Suite 4')}|90210",))
    assert not _share_key(a, c, "a")


def test_email_key_ignores_role_mailboxes():
    a = person("per_1", "BRETT", "BEAUMAN", emails={"brett@acme.com", "info@acme.com"})
    b = person("per_2", "XBRT", "QQQ", emails={"brett@acme.com"})
    c = person("per_3", "MARY", "JONES", emails={"info@acme.com"})
    assert _share_key(a, b, "e")
    assert not _share_key(a, c, "e")


def test_first_name_and_zip_key_catches_a_missing_last_name():
    assert _share_key(person("per_1", "BRETT", ""), person("per_2", "BRETT", "BEAUMAN"), "fz")


def test_oversized_blocks_are_compared_in_a_bounded_window():
    people = [person(f"per_{i:04d}", f"NAME{i:04d}", f"LAST{i:04d}", businesses={"MEGACORP"}) for i in range(300)]
    pairs, windowed = candidate_pairs(people)
    assert windowed >= 1  # the company block (and the phonetic ones: digits have no sound)
    assert len(pairs) <= windowed * 300 * resolution.WINDOW  # not 300 * 299 / 2 = 44,850
    assert len(pairs) >= 300 * resolution.WINDOW - resolution.WINDOW * (resolution.WINDOW + 1)


def test_candidates_need_a_new_persona():
    a = person("per_01", "ROBERT", "SMITH", phones={"5125550143"}, new=False)
    b = person("per_02", "BOB", "SMITH", phones={"5125550143"}, new=False)
    assert plan([a, b], auto_threshold=AUTO, review_threshold=REVIEW).pairs_compared == 0


# --- EM and term frequencies ----------------------------------------------------------------------------


def _pattern(**levels):
    return tuple(levels.get(name, -1) for name in FIELDS)


FIXED = Counter(
    {
        # 300 duplicates: names agree, mostly phone and location too
        _pattern(first_name=3, last_name=3, phone=1, location=3): 200,
        _pattern(first_name=3, last_name=2, phone=0, location=3): 60,
        _pattern(first_name=2, last_name=3, phone=1, location=2): 40,
        # 700 non-matches that share a blocking key: a name or a place, rarely both
        _pattern(first_name=0, last_name=3, phone=0, location=1): 300,
        _pattern(first_name=3, last_name=0, phone=0, location=0): 200,
        _pattern(first_name=0, last_name=0, phone=0, location=3): 150,
        _pattern(first_name=0, last_name=1, phone=1, location=3): 50,
    }
)


def test_em_recovers_match_share_and_weights_on_a_fixed_data_set():
    model = em_train(FIXED)
    assert 0.25 <= model.prior <= 0.40  # 300 of 1,000 pairs are duplicates
    # full agreement is evidence for a match, disagreement against, for every field seen
    for name in ("first_name", "last_name", "phone", "location"):
        assert model.weight(name, len(model.m[name]) - 1) > 0
        assert model.weight(name, 0) < 0
    # a first-name disagreement is never seen among the duplicates: a clearly negative weight
    assert model.weight("first_name", 0) < -2
    # m of a full phone agreement: 240 of 300 duplicates
    assert model.m["phone"][1] == pytest.approx(0.8, abs=0.05)


# Candidate pairs at offices: every duplicate kept its phone, street and ZIP, and so did every colleague.
OFFICES = Counter(
    {
        _pattern(first_name=3, last_name=3, phone=1, business=2, address=2, location=3): 300,
        _pattern(first_name=0, last_name=0, phone=1, business=2, address=2, location=3): 500,
        _pattern(first_name=3, last_name=3, phone=0, business=0, address=0, location=0): 100,
    }
)


def test_a_changed_phone_or_address_never_rules_a_match_out():
    model = em_train(OFFICES)
    # nothing in the data shows a duplicate with another phone, street or place, yet people move and change numbers
    for name, level in (("phone", 0), ("address", 0), ("location", 1), ("location", 2)):
        assert model.m[name][level] >= resolution.CHANGE_FLOOR[name][level] * 0.9, (name, level)
    # a move within the city costs a few bits, not the -9 to -13 it cost as "never seen among duplicates"
    assert model.weight("address", 0) > -6
    assert model.weight("location", 2) > -3
    # and still counts against a match
    assert model.weight("address", 0) < 0
    assert model.weight("phone", 0) < 0


def _at(pid, first, last, *, business, street, zip5, city, phone, **kw):
    return person(
        pid,
        first,
        last,
        zip5=zip5,
        phones={phone},
        businesses={business},
        addresses=(f"{street}|{zip5}",),
        cities=(city,),
        **kw,
    )


# m and u as EM estimated them on a 5,000-row list of offices (rounded): duplicates and colleagues share the office,
# so "same street and ZIP" is what the match class learnt, and names count for little beside the guards.
OFFICE_MODEL = {
    "first_name": ([0.103, 0.041, 0.046, 0.810], [0.301, 0.076, 0.035, 0.589]),
    "last_name": ([0.102, 0.027, 0.140, 0.731], [0.322, 0.049, 0.054, 0.575]),
    "phone": ([0.272, 0.728], [0.995, 0.005]),
    "email": ([0.483, 0.017, 0.075, 0.425], [0.9997, 0.0001, 0.0001, 0.0001]),
    "business": ([0.0001, 0.012, 0.988], [0.795, 0.0001, 0.205]),
    "address": ([0.002, 0.014, 0.984], [0.9998, 0.0001, 0.0001]),
    "location": ([0.0001, 0.0001, 0.015, 0.985], [0.876, 0.052, 0.057, 0.015]),
}


def _names_model(**names):
    model = resolution.Model(
        m={f: m for f, (m, _) in OFFICE_MODEL.items()}, u={f: u for f, (_, u) in OFFICE_MODEL.items()}, prior=0.65
    )
    for name, counts in names.items():
        model.tf[name], model.tf_mean[name] = term_frequencies(counts)
    return model


def _two_offices():
    """One rare name at two offices of one company: other street, ZIP, city and phone."""
    austin = _at(
        "per_1",
        "OTIS",
        "BEAUMAN",
        business="ACME",
        street="12 MAIN ST",
        zip5="78701",
        city="AUSTIN",
        phone="5125550100",
    )
    dallas = _at(
        "per_2", "OTIS", "BEAUMAN", business="ACME", street="9 ELM ST", zip5="75201", city="DALLAS", phone="2145550100"
    )
    return austin, dallas


def test_one_person_at_another_office_of_the_company_is_not_ruled_out_by_the_place():
    # the model of a list where duplicates always shared the office: another street and ZIP weigh heavily against
    others = [(f"NAME{i}", 5) for i in range(2000)]  # a team of many names, a few common ones
    model = _names_model(
        first_name=[("JOHN", 400), ("MARY", 300), ("OTIS", 2), *others],
        last_name=[("SMITH", 500), ("BEAUMAN", 2), *others],
    )
    austin, dallas = _two_offices()
    probability, reasons = score(austin, dallas, model)
    assert probability >= AUTO
    assert reasons["guard"] is None
    for field in ("address", "location"):
        assert reasons["fields"][field]["weight"] == 0.0
        assert reasons["fields"][field]["not_counted"] == "another office of the same company"
    assert explain(reasons)["rows"][5]["not_counted"] == "another office of the same company"
    # the same name at another company is a namesake: the place counts, and no merge
    other = replace(dallas, businesses=frozenset({"GLOBEX"}))
    assert score(austin, other, model)[0] < REVIEW
    # a common name at two offices of one company may be two people: frequency keeps it from a merge
    smith_a = replace(austin, first="JOHN", last="SMITH")
    smith_b = replace(dallas, first="JOHN", last="SMITH")
    assert score(smith_a, smith_b, model)[0] < AUTO
    # two colleagues at the other office are still two people
    mary = replace(dallas, first="MARY")
    levels, _ = gamma(austin, mary)
    assert not resolution.moved_within_company(levels)


@pytest.mark.parametrize(
    ("first_b", "last_b"),
    [("", "BEAUMAN"), ("OTIS", ""), ("OTSI", "BEAMUN"), ("OTIS", "BEAUMN")],  # a name lost, or both garbled
)
def test_one_persons_work_mailbox_at_another_office_of_the_company_keeps_the_place_from_counting(first_b, last_b):
    model = _names_model()
    austin, dallas = _two_offices()
    austin = replace(austin, emails=frozenset({"otisb@acme.com"}))
    dallas = replace(dallas, first=first_b, last=last_b, emails=frozenset({"otisb@acme.com"}))
    probability, reasons = score(austin, dallas, model)
    assert reasons["guard"] is None
    assert probability >= AUTO
    assert reasons["office_proof"] == "e-mail"
    for field in ("address", "location", "phone"):
        assert reasons["fields"][field]["weight"] == 0.0
        assert reasons["fields"][field]["not_counted"]
    # without the mailbox, the place counts: no merge
    assert score(replace(austin, emails=frozenset()), replace(dallas, emails=frozenset()), model)[0] < AUTO


def test_two_colleagues_on_one_guessed_work_mailbox_at_two_offices_stay_apart():
    model = _names_model()
    austin, dallas = _two_offices()
    larry = replace(austin, first="LARRY", last="NICHOLS", emails=frozenset({"lnichols@acme.com"}))
    luis = replace(dallas, first="LUIS", last="NICHOLS", emails=frozenset({"lnichols@acme.com"}))
    assert score(larry, luis, model)[1]["guard"] == "COLLEAGUE_FIRST_NAME"
    # and a role mailbox is no one employee's: the place still counts
    info_a = replace(austin, last="", emails=frozenset({"info@acme.com"}))
    info_b = replace(dallas, emails=frozenset({"info@acme.com"}))
    assert not resolution.other_office(info_a, info_b, gamma(info_a, info_b)[0])


def test_em_is_deterministic_and_serialisable():
    a, b = em_train(FIXED), em_train(FIXED)
    assert a.m == b.m
    assert a.u == b.u
    assert a.prior == b.prior
    again = resolution.Model.from_json(a.to_json())
    assert again.weight("phone", 1) == pytest.approx(a.weight("phone", 1))


def test_a_shared_rare_name_weighs_more_than_a_shared_common_one():
    shares, mean = term_frequencies([("SMITH", 500), ("BEAUMAN", 2), ("JONES", 300), ("LEE", 198)])
    model = default_model()
    model.tf["last_name"], model.tf_mean["last_name"] = shares, mean
    assert tf_adjustment(model, "last_name", "BEAUMAN") > 0 > tf_adjustment(model, "last_name", "SMITH")
    smith = compare(person("per_1", "JOHN", "SMITH"), person("per_2", "JOHN", "SMITH"), model)
    beauman = compare(person("per_3", "JOHN", "BEAUMAN"), person("per_4", "JOHN", "BEAUMAN"), model)
    assert beauman[0] > smith[0]
    assert beauman[1]["fields"]["last_name"]["tf_adjustment"] > 0


def test_explanation_weights_add_up_and_show_the_values_compared():
    a = person("per_1", "ROBERT", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    b = person("per_2", "BOB", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    probability, reasons = compare(a, b)
    total = reasons["prior_weight"] + sum(f["weight"] for f in reasons["fields"].values())
    assert total == pytest.approx(reasons["match_weight"], abs=0.01)
    assert probability == pytest.approx(1 / (1 + 2 ** -reasons["match_weight"]), abs=1e-3)
    phone = reasons["fields"]["phone"]
    assert phone["a"] == phone["b"] == ["5125550143"]
    assert phone["level"] == "shared"
    assert phone["weight"] > 0
    rows = {row["name"]: row for row in explain(reasons)["rows"]}
    assert rows["phone"]["a"] == rows["phone"]["b"] == "5125550143"
    assert rows["first name"]["level"].startswith("same")
    assert rows["email"]["level"] == "missing"
    assert rows["email"]["weight"] == 0


# --- guards ---------------------------------------------------------------------------------------------

OFFICE = {"5125550100"}


def _guard(a, b):
    levels, _ = gamma(a, b)
    return guard(a, b, levels)


def test_colleagues_whose_first_names_disagree_never_merge():
    a = person("per_1", "JOHN", "SMITH", phones=OFFICE, emails={"info@acme.com"}, businesses={"ACME"})
    b = person("per_2", "MARY", "SMITH", phones=OFFICE, emails={"info@acme.com"}, businesses={"ACME"})
    assert _guard(a, b) == "COLLEAGUE_FIRST_NAME"
    result = plan([a, b], auto_threshold=AUTO, review_threshold=0.0)
    assert result.merges == []
    assert result.reviews == []
    assert result.guarded == 1


def test_colleagues_whose_last_names_disagree_never_merge():
    a = person("per_1", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"})
    b = person("per_2", "JOHN", "GARCIA", phones=OFFICE, businesses={"ACME"})
    assert _guard(a, b) == "COLLEAGUE_LAST_NAME"


def test_a_one_letter_typo_in_a_long_name_is_not_another_colleague():
    a = person("per_1", "JONATHAN", "SMITH", phones=OFFICE, businesses={"ACME"})
    b = person("per_2", "JONATHNA", "SMITH", phones=OFFICE, businesses={"ACME"})
    assert _guard(a, b) is None
    # JOHN and JOAN are one letter apart too, but short names: two people
    assert _guard(person("per_3", "JOHN", "SMITH", phones=OFFICE), person("per_4", "JOAN", "SMITH", phones=OFFICE))


def test_a_colleague_without_a_first_name_merges_only_on_a_shared_personal_email():
    a = person("per_1", "JOHN", "SMITH", phones=OFFICE, emails={"john@acme.com"}, businesses={"ACME"})
    b = person("per_2", "", "SMITH", phones=OFFICE, businesses={"ACME"})
    assert _guard(a, b) == "COLLEAGUE_NAME_MISSING"
    c = person("per_3", "", "SMITH", phones=OFFICE, emails={"john@acme.com"}, businesses={"ACME"})
    assert _guard(a, c) is None


def test_same_name_colleagues_with_their_own_phone_and_email_go_to_review_not_merge():
    a = person("per_1", "CHRISTIAN", "COSTA", phones={"2128292127"}, emails={"cc@black.com"}, businesses={"BLACK"})
    b = person("per_2", "CHRISTIAN", "COSTA", phones={"2126492299"}, emails={"cco@black.com"}, businesses={"BLACK"})
    assert _guard(a, b) == "COLLEAGUE_OWN_CONTACTS"
    result = plan([a, b], auto_threshold=AUTO, review_threshold=0.0)
    assert result.merges == []
    assert [(r[0], r[1]) for r in result.reviews] == [("per_1", "per_2")]


def test_namesakes_in_another_state_never_merge():
    a = person("per_1", "JOHN", "SMITH", state="TX", zip5="78701", phones={"5125550143"}, businesses={"ACME"})
    b = person("per_2", "JOHN", "SMITH", state="OH", zip5="44101", phones={"2165550143"}, businesses={"ZENITH"})
    assert _guard(a, b) == "NAMESAKE_ELSEWHERE"
    assert plan([a, b], auto_threshold=0.0, review_threshold=0.0).merges == []
    # the same person who moved keeps an e-mail: no guard
    c = person("per_3", "JOHN", "SMITH", state="OH", zip5="44101", emails={"js@smith.com"})
    d = person("per_4", "JOHN", "SMITH", state="TX", zip5="78701", emails={"js@smith.com"})
    assert _guard(c, d) is None


def test_plan_merges_duplicates_into_the_oldest_persona_with_an_explanation():
    a = person("per_01", "ROBERT", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    b = person("per_02", "BOB", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    result = plan([b, a], auto_threshold=AUTO, review_threshold=REVIEW)
    assert [(m[0], m[1]) for m in result.merges] == [("per_01", "per_02")]
    assert result.merges[0][3]["model"] == "fellegi-sunter"
    assert result.reviews == []


def test_plan_skips_rejected_pairs():
    a = person("per_01", "ROBERT", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    b = person("per_02", "BOB", "SMITH", phones={"5125550143"}, businesses={"ACME"})
    result = plan([a, b], auto_threshold=AUTO, review_threshold=REVIEW, rejected=[("per_02", "per_01")])
    assert result.merges == []
    assert result.reviews == []


def test_plan_never_chains_people_whose_names_disagree():
    # A ~ B (initial J matches JOHN and JANE), B ~ C, but A (JOHN) and C (JANE) are different people.
    shared = {"5125550143"}
    a = person("per_01", "JOHN", "SMITH", phones=shared, emails={"j.smith@acme.com"}, businesses={"ACME"})
    b = person("per_02", "J", "SMITH", phones=shared, emails={"j.smith@acme.com"}, businesses={"ACME"})
    c = person("per_03", "JANE", "SMITH", phones=shared, emails={"j.smith@acme.com"}, businesses={"ACME"})
    result = plan([a, b, c], auto_threshold=0.0, review_threshold=0.0)
    groups: dict[str, set] = {}
    for survivor, merged, _, _ in result.merges:
        groups.setdefault(survivor, {survivor}).add(merged)
    assert result.merges  # B joined one of them
    for group in groups.values():
        assert not {"per_01", "per_03"} <= group


def test_probability_is_a_logistic_of_the_weight():
    _, reasons = compare(person("per_1", "A", "B"), person("per_2", "C", "D"))
    assert math.isfinite(reasons["match_weight"])


# --- slips of the keyboard and of OCR: one person, not two colleagues -----------------------------------


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("MARK", "AMRK", True),  # two neighbouring letters swapped, in a short name
        ("COX", "CXO", True),
        ("SAMUEL", "SARNUEL", True),  # OCR: rn read for m
        ("ROBINSON", "R0BINSON", True),  # OCR: zero read for O
        ("NOAH", "OAH", True),  # the first letter dropped
        ("LARRY", "LARY", True),  # a doubled letter written once
        ("RANDY", "RAND", False),  # a letter dropped at the end of a short name: CARL/CARLA look the same
        ("JONATHAN", "JONATHNA", True),
        ("JOHN", "JOAN", False),  # two short names one letter apart are two names
        ("CARL", "CARLA", False),
        ("MICHAEL", "MICHELE", False),
        ("ANNA", "NAN", False),
        ("ANN", "AN", False),  # too short for a dropped letter
        ("SMITH", "SMITH", False),  # the same name is not a slip
        ("", "SMITH", False),
    ],
)
def test_name_slip(a, b, slip):
    assert resolution.name_slip(a, b) is slip
    assert resolution.name_slip(b, a) is slip


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("LONG", "LNNG", True),  # one edit from four letters
        ("COX", "CXO", True),
        ("COOPER", "KOOPR", True),  # two edits from five letters
        ("BERRY", "CBRRY", True),
        ("LONG", "LUNA", False),  # two edits in a short name
        ("LI", "LE", False),  # too short to tell
        ("MILLER", "GARCIA", False),
    ],
)
def test_surname_slip(a, b, slip):
    assert resolution.surname_slip(a, b) is slip


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # the same first name and a surname slip at one office: one person
        (("ELIJAH", "COOPER"), ("ELIJAH", "KOOPR"), None),
        (("MASON", "COX"), ("MASON", "CXO"), None),
        # a slip in the first name beside the same surname
        (("MARK", "NAKAMURA"), ("AMRK", "NAKAMURA"), None),
        (("SAMUEL", "RODRIGUEZ"), ("SARNUEL", "RODRIGUEZ"), None),
        # two people: another first name, or another surname beside the same first name
        (("JOHN", "SMITH"), ("JOAN", "SMITH"), "COLLEAGUE_FIRST_NAME"),
        (("MICHAEL", "LEE"), ("MICHELE", "LEE"), "COLLEAGUE_FIRST_NAME"),
        (("JOHN", "SMITH"), ("JOHN", "GARCIA"), "COLLEAGUE_LAST_NAME"),
        (("JOHN", "LONG"), ("JOHN", "LUNA"), "COLLEAGUE_LAST_NAME"),
    ],
)
def test_colleague_guard_tells_slips_from_other_people(a, b, code):
    x = person("per_1", *a, phones=OFFICE, businesses={"ACME"})
    y = person("per_2", *b, phones=OFFICE, businesses={"ACME"})
    assert _guard(x, y) == code


# --- a shared personal key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "a", "b", "nobody"),
    [
        ("p7535316@gmail.com", ("BROOKE", "MCCRACKEN"), ("DAVID", "MCCRACKEN"), True),  # a handle
        ("hoopsfan77@gmail.com", ("BROOKE", "MCCRACKEN"), ("DAVID", "MCCRACKEN"), True),
        ("j.smith@acme.com", ("JOHN", "SMITH"), ("JANE", "SMITH"), False),  # initial + surname: either of them
        ("john.smith@gmail.com", ("JOHN", "SMITH"), ("MARY", "SMITH"), False),  # names one of them
        ("thesmiths@gmail.com", ("JOHN", "SMITH"), ("MARY", "SMITH"), False),  # a household's
        ("mary@gmail.com", ("MARY", "JONES"), ("MARY", "SMITH"), False),
    ],
)
def test_mailbox_names_nobody(email, a, b, nobody):
    assert resolution.mailbox_names_nobody(email, person("per_1", *a), person("per_2", *b)) is nobody


def test_a_first_name_both_share_may_appear_in_the_mailbox_of_a_name_change():
    a, b = person("per_1", "MARY", "JONES"), person("per_2", "MARY", "SMITH")
    assert resolution.mailbox_names_nobody("mary@gmail.com", a, b, keep_first=True)
    assert not resolution.mailbox_names_nobody("mary.jones@gmail.com", a, b, keep_first=True)


@pytest.mark.parametrize(
    ("a", "b", "key", "code"),
    [
        # a replaced first name beside the same surname and one person's own mailbox, same place
        (
            dict(first="BROOKE", last="MCCRACKEN", emails={"p9195151@gmail.com"}),
            dict(first="DAVID", last="MCCRACKEN", emails={"p9195151@gmail.com"}),
            "first",
            None,
        ),
        # ... also at one office (they look like colleagues, but colleagues never share a personal mailbox)
        (
            dict(first="SAMUEL", last="BURNELL", emails={"p9639692@gmail.com"}, phones=OFFICE, businesses={"GRETA"}),
            dict(first="JAKE", last="BURNELL", emails={"p9639692@gmail.com"}, phones=OFFICE, businesses={"GRETA"}),
            "first",
            None,
        ),
        # a surname changed, beside the same first name
        (
            dict(first="AMBER", last="WHITE", emails={"p7925975@gmail.com"}),
            dict(first="AMBER", last="BRANGWEN", emails={"p7925975@gmail.com"}),
            "last",
            None,
        ),
        # ... also beside a close first name (a slip in it)
        (
            dict(first="JORD AN", last="BLAKE", emails={"p6981185@gmail.com"}),
            dict(first="JORDAN", last="THABA", emails={"p6981185@gmail.com"}),
            "last",
            None,
        ),
        # a record with no name at all is the mailbox owner's
        (
            dict(first="", last="", emails={"p7902006@gmail.com"}, zip5="05048"),
            dict(first="MAXIN", last="HEWSON", emails={"p7902006@gmail.com"}, zip5="05048"),
            "names",
            None,
        ),
        # a household's mailbox (it names them): two people
        (
            dict(first="JOHN", last="SMITH", emails={"j.smith@acme.com"}, phones=OFFICE, businesses={"ACME"}),
            dict(first="JANE", last="SMITH", emails={"j.smith@acme.com"}, phones=OFFICE, businesses={"ACME"}),
            None,
            "COLLEAGUE_FIRST_NAME",
        ),
        # a role mailbox is nobody's key
        (
            dict(first="JOHN", last="SMITH", emails={"info@acme.com"}),
            dict(first="MARY", last="SMITH", emails={"info@acme.com"}),
            None,
            "NAMES_DISAGREE",
        ),
        # in another state the key alone is not enough
        (
            dict(first="BROOKE", last="MCCRACKEN", emails={"p9195151@gmail.com"}),
            dict(first="DAVID", last="MCCRACKEN", emails={"p9195151@gmail.com"}, state="OH", zip5="44101"),
            None,
            "NAMES_DISAGREE",
        ),
        # both names disagree: no key outweighs that
        (
            dict(first="TRAVIS", last="WHITE", emails={"p4769955@gmail.com"}),
            dict(first="NICHOLAS", last="JIANG", emails={"p4769955@gmail.com"}),
            None,
            "NAMES_DISAGREE",
        ),
    ],
)
def test_a_shared_personal_key_outweighs_one_disagreeing_name(a, b, key, code):
    x = person("per_1", a.pop("first"), a.pop("last"), **a)
    y = person("per_2", b.pop("first"), b.pop("last"), **b)
    levels, _ = gamma(x, y)
    assert resolution.personal_key(x, y, levels) == key
    assert guard(x, y, levels) == code


def test_a_nameless_record_without_a_personal_key_stays_apart():
    a = person("per_1", "", "", emails={"info@acme.com"}, phones=OFFICE)
    b = person("per_2", "MAXIN", "HEWSON", emails={"info@acme.com"}, phones=OFFICE)
    assert _guard(a, b) == "COLLEAGUE_NAME_MISSING"
    c = person("per_3", "", "", emails={"maxin.hewson@gmail.com"})
    d = person("per_4", "MAXIN", "HEWSON", emails={"maxin.hewson@gmail.com"})
    assert _guard(c, d) == "NAMES_DISAGREE"  # a mailbox that names someone may be a household's


def test_a_shared_role_mailbox_neither_agrees_nor_disagrees():
    a = person("per_1", "LOUIS", "WATKINS", phones={"5598185009"}, emails={"office@westlaw.com"})
    b = person("per_2", "LOUIS", "WATKINS", phones={"5593218710"}, emails={"office@westlaw.com"})
    assert gamma(a, b)[0]["email"] is None
    c = person("per_3", "LOUIS", "WATKINS", emails={"louis@westlaw.com"})
    assert gamma(a, c)[0]["email"] is None  # a role mailbox against a personal one: nothing to compare
    d = person("per_4", "LOUIS", "WATKINS", emails={"lwatkins@westlaw.com"})
    assert gamma(c, d)[0]["email"] == 0


@pytest.mark.parametrize(
    ("b", "code"),
    [
        (dict(first="JOHN", last="SMITH", state="OH", zip5="44101"), "NAMESAKE_ELSEWHERE"),
        (dict(first="JOHN", last="SMITHE", state="OH", zip5="44101"), "NAMESAKE_ELSEWHERE"),  # close, elsewhere
        (dict(first="JOHN", last="SMITHE", state="TX", zip5="75001"), None),  # close, same state: the model decides
        (dict(first="JOHN", last="SMITHE", state="OH", zip5="44101", emails={"p1@gmail.com"}), None),
    ],
)
def test_namesakes_and_near_namesakes_elsewhere_never_merge(b, code):
    a = person("per_1", "JOHN", "SMITH", state="TX", zip5="78701", emails={"p1@gmail.com"})
    y = person("per_2", b.pop("first"), b.pop("last"), **b)
    assert _guard(a, y) == code


# --- joining groups: certain links --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "certain"),
    [
        (dict(first="JOHN", last="SMITH", phones=OFFICE), dict(first="JOHN", last="SMITH", phones=OFFICE), True),
        (dict(first="BOB", last="SMITH", zip5="78701"), dict(first="ROBERT", last="SMITH", zip5="78701"), True),
        # names alone, in different ZIP codes: not certain
        (dict(first="JOHN", last="SMITH", zip5="78701"), dict(first="JOHN", last="SMITH", zip5="78702"), False),
        # each with a personal mailbox of their own: maybe namesakes
        (
            dict(first="JOHN", last="SMITH", phones=OFFICE, emails={"p1@gmail.com"}),
            dict(first="JOHN", last="SMITH", phones=OFFICE, emails={"p2@gmail.com"}),
            False,
        ),
        (dict(first="J", last="SMITH", phones=OFFICE), dict(first="JOHN", last="SMITH", phones=OFFICE), False),
        (
            dict(first="BROOKE", last="MCCRACKEN", emails={"p9195151@gmail.com"}),
            dict(first="DAVID", last="MCCRACKEN", emails={"p9195151@gmail.com"}),
            True,
        ),
        # one employee's work mailbox beside the same first name and a garbled surname
        (
            dict(first="GRANT", last="FOX", phones=OFFICE, emails={"gfox@raoherrera.com"}),
            dict(first="GRANT", last="FX", phones=OFFICE, emails={"gfox@raoherrera.com"}),
            True,
        ),
        # an initial (J.SMITH@ fits JOHN and JANE), a record without a surname, or free mail: not certain
        (
            dict(first="JOHN", last="SMITH", phones=OFFICE, emails={"j.smith@acme.com"}),
            dict(first="J", last="SMITH", phones=OFFICE, emails={"j.smith@acme.com"}),
            False,
        ),
        (
            dict(first="GRANT", last="FOX", phones=OFFICE, emails={"gfox@raoherrera.com"}),
            dict(first="GRANT", last="", phones=OFFICE, emails={"gfox@raoherrera.com"}),
            False,
        ),
        (
            dict(first="GRANT", last="FOX", phones=OFFICE, emails={"gfox@gmail.com"}),
            dict(first="GRANT", last="FX", phones=OFFICE, emails={"gfox@gmail.com"}),
            False,
        ),
    ],
)
def test_certain_link(a, b, certain):
    x = person("per_1", a.pop("first"), a.pop("last"), **a)
    y = person("per_2", b.pop("first"), b.pop("last"), **b)
    assert resolution.certain_link(x, y) is certain


def test_a_certain_link_joins_a_person_whose_copies_disagree_among_themselves():
    # B and C are corrupted copies of A (a garbled first name, a garbled surname): they disagree with each
    # other, but each is certainly A, so the three are one person.
    key = {"p5071854@gmail.com"}
    a = person("per_01", "AMALIA", "MADIGAN", emails=key, businesses={"EVERGREEN"})
    b = person("per_02", "DEMIE", "MADIGAN", emails=key, businesses={"EVERGREEN"})
    c = person("per_03", "AMALIA", "BRANGWEN", emails=key, businesses={"EVERGREEN"})
    assert _guard(b, c) == "COLLEAGUE_FIRST_NAME"
    result = plan([a, b, c], auto_threshold=0.5, review_threshold=0.1)
    assert sorted(m[1] for m in result.merges) == ["per_02", "per_03"]
    assert {m[0] for m in result.merges} == {"per_01"}


def test_a_namesake_elsewhere_is_never_brought_in_by_a_certain_link():
    # A and B are one person (same name, same office phone); C, the same name in another state with nothing in
    # common with A, would join only through B's e-mail: never, since A and C are namesakes elsewhere.
    a = person("per_01", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"})
    b = person("per_02", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"}, emails={"p1@gmail.com"})
    c = person("per_03", "JOHN", "SMITH", state="OH", zip5="44101", emails={"p1@gmail.com"})
    assert _guard(a, c) == "NAMESAKE_ELSEWHERE"
    assert _guard(b, c) is None
    result = plan([a, b, c], auto_threshold=0.0, review_threshold=0.0)
    groups: dict[str, set] = {}
    for survivor, merged, _, _ in result.merges:
        groups.setdefault(survivor, {survivor}).add(merged)
    assert not any({"per_01", "per_03"} <= group for group in groups.values())


def test_a_group_joins_when_most_of_its_members_agree():
    # B and C are copies of A; C's first name was replaced. D (a nickname, the same e-mail as A and B) agrees
    # with three of the four members it is compared with when the groups meet: one person.
    key = {"lkhan@acme.com"}
    a = person("per_01", "LAURA", "KHAN", phones=OFFICE, emails=key, businesses={"ACME"})
    b = person("per_02", "LAURA", "KHAN", phones=OFFICE, businesses={"ACME"})
    d = person("per_04", "LAURIE", "KHAN", phones=OFFICE, emails=key, businesses={"ACME"})
    e = person("per_05", "LAURA", "KAHN", phones=OFFICE, emails=key, businesses={"ACME"})
    c = person("per_03", "ZOE", "KHAN", phones=OFFICE, businesses={"ACME"})
    result = plan([a, b, c, d, e], auto_threshold=0.0, review_threshold=0.0)
    merged = {m[1] for m in result.merges}
    assert {"per_02", "per_04", "per_05"} <= merged
    assert "per_03" not in merged  # ZOE is a colleague: she disagrees with everyone


@pytest.mark.parametrize(
    ("b", "code"),
    [
        # the same name, each their own personal mailbox, no place or contact in common: maybe namesakes
        (dict(state="", zip5="04113", emails={"p8175207@gmail.com"}), "NAMESAKE_OWN_MAILBOX"),
        (dict(state="", zip5="", emails={"p8175207@gmail.com"}), "NAMESAKE_OWN_MAILBOX"),
        # the same ZIP, or a shared phone, or no mailbox to tell them apart: the model decides
        (dict(state="TX", zip5="78701", emails={"p8175207@gmail.com"}), None),
        (dict(state="", zip5="04113", emails={"p8175207@gmail.com"}, phones={"5125550143"}), None),
        (dict(state="", zip5="04113"), None),
    ],
)
def test_namesakes_with_their_own_mailboxes_go_to_review(b, code):
    a = person("per_1", "BRIDGET", "SINGLETON", zip5="78701", emails={"p7378011@gmail.com"}, phones={"5125550143"})
    y = person("per_2", "BRIDGET", "SINGLETON", **b)
    assert _guard(a, y) == code
    assert code not in resolution.NEVER_SAME


@pytest.mark.parametrize(
    ("a", "b", "levels"),
    [
        # a swapped record that lost its surname: VANESSA sits in the surname column
        (("", "VANESSA"), ("VANESSA", "DOMINGUEZ"), (3, None)),
        (("VANESSA", "DOMINGUEZ"), ("", "VANESSA"), (3, None)),
        (("", "BOB"), ("ROBERT", "PRICE"), (3, None)),  # a nickname is the same first name
        # a swapped record that lost its first name: the surname sits in the first-name column
        (("DOMINGUEZ", ""), ("VANESSA", "DOMINGUEZ"), (None, 3)),
        # a lone name in its own column is read as it stands
        (("", "DOMINGUEZ"), ("VANESSA", "DOMINGUEZ"), (None, 3)),
        (("", "VANESA"), ("VANESSA", "DOMINGUEZ"), (None, 0)),  # not exact: no crosswise reading
    ],
)
def test_a_lone_name_in_the_other_column_is_read_crosswise(a, b, levels):
    x, y = person("per_1", *a), person("per_2", *b)
    found, shown = gamma(x, y)
    assert (found["first_name"], found["last_name"]) == levels
    if levels[0] == 3:  # the explanation shows the two names that were compared, the lone one on its own side
        lone, full = (a, b) if not a[0] else (b, a)
        expected = (lone[1], full[0]) if lone is a else (full[0], lone[1])
        assert shown["first_name"] == (*expected, 1.0)


# --- garbled first names at one office, slips beside a personal key, mistyped ZIPs ----------------------


@pytest.mark.parametrize(
    ("a", "b", "garbled"),
    [
        ("JACOB", "JKAE", True),  # JAKE, two letters swapped
        ("JERRY", "GERALY", True),  # GERALD, one letter off
        ("ALAN", "ALAQ", True),
        ("GEORGE", "GCIRGE", True),  # two misreadings in a longer name
        ("VINCENT", "INCE", True),  # VINCE without its first letter
        ("RUTH", "YUTLI", True),  # YUTH as scanned (li read for h): one letter from RUTH
        ("CHRISTOPHER", "CLIRFSTOPHER", True),  # CLI read as C + LI (h), not CL (d) + I
        ("JOHN", "JOAN", False),  # two real names, however close
        ("CARL", "CARLA", False),
        ("MICHAEL", "MICHELE", False),
        ("TIMOTHY", "JIM", False),  # JIM is a name (JAMES), not a garbled TIM
        ("ALAN", "ZQXWV", False),  # not a spelling of ALAN at all
        ("AL", "AQ", False),  # too short to tell
        ("JKAE", "ALAQ", False),  # neither is a name: nothing to be a spelling of
    ],
)
def test_garbled_name(a, b, garbled):
    assert resolution.garbled_name(a, b) is garbled
    assert resolution.garbled_name(b, a) is garbled


def test_a_garbled_first_name_at_one_office_is_not_another_colleague():
    # JKAE is no given name, and a near spelling of JAKE (JACOB): one person's record, not a colleague
    a = person("per_1", "JACOB", "PETERS", phones=OFFICE, businesses={"HORIZON"})
    b = person("per_2", "JKAE", "PETERS", phones=OFFICE, businesses={"HORIZON"})
    assert _guard(a, b) is None
    assert [m[1] for m in plan([a, b], auto_threshold=0.0, review_threshold=0.0).merges] == ["per_2"]
    # a close surname garbled as well is still one person; ALAQ beside ALAN too
    c = person("per_3", "STANLEY", "CARROLL", phones=OFFICE, businesses={"HORIZON"})
    d = person("per_4", "ZTAGN", "CAROR1L", phones=OFFICE, businesses={"HORIZON"})
    assert _guard(c, d) is None


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # colleagues with real first names stay two people, however close the names
        (("JOHN", "SMITH"), ("JOAN", "SMITH"), "COLLEAGUE_FIRST_NAME"),
        (("MICHAEL", "LEE"), ("MICHELE", "LEE"), "COLLEAGUE_FIRST_NAME"),
        (("TIMOTHY", "MORRISON"), ("JIM", "MORRISON"), "COLLEAGUE_FIRST_NAME"),
        # a garbled first name (JKAE: a slip of JAKE, JACOB's nickname) beside another surname is another colleague
        (("JACOB", "PETERS"), ("JKAE", "GARCIA"), "COLLEAGUE_LAST_NAME"),
    ],
)
def test_colleagues_with_real_names_stay_apart_beside_garbled_ones(a, b, code):
    x = person("per_1", *a, phones=OFFICE, businesses={"ACME"})
    y = person("per_2", *b, phones=OFFICE, businesses={"ACME"})
    assert _guard(x, y) == code
    assert plan([x, y], auto_threshold=0.0, review_threshold=0.0).merges == []


def test_a_garbled_first_name_excuses_nothing_away_from_the_office():
    # the same surname in the same ZIP and nothing else in common: JKAE may be anyone
    a = person("per_1", "JACOB", "PETERS", phones={"5125550143"})
    b = person("per_2", "JKAE", "PETERS", phones={"5125550199"})
    assert _guard(a, b) == "NAMES_DISAGREE"


def test_a_slip_in_the_first_name_beside_a_shared_personal_key_outweighs_a_changed_surname():
    key = {"p4783085@gmail.com"}
    a = person("per_1", "KYLEE", "STEPHENSON", state="VA", zip5="04226", emails=key)
    b = person("per_2", "KYKEE", "TURALE", state="VA", zip5="04226", emails=key)
    assert _guard(a, b) is None
    # another first name (not a slip) and another surname: two people, whatever they share
    c = person("per_3", "KATIE", "TURALE", state="VA", zip5="04226", emails=key)
    assert _guard(a, c) == "NAMES_DISAGREE"
    # a mailbox that names one of them can be a household's
    home = {"kylee.stephenson@gmail.com"}
    d = person("per_4", "KYLEE", "STEPHENSON", state="VA", zip5="04226", emails=home)
    e = person("per_5", "KYKEE", "TURALE", state="VA", zip5="04226", emails=home)
    assert _guard(d, e) == "NAMES_DISAGREE"


@pytest.mark.parametrize(
    ("b", "code"),
    [
        # a nickname and a surname that merely resembles, in another ZIP, nothing in common: two people
        (dict(first="JACOB", last="RYAN", zip5="75001"), "NAMES_RESEMBLE_ELSEWHERE"),
        (dict(first="JACOB", last="RYAN", state="OH", zip5="44101"), "NAMES_RESEMBLE_ELSEWHERE"),
        # a slip of the surname is the same name: close names in the same state are for the model
        (dict(first="JAKE", last="RHYNES", zip5="75001"), None),
        # the same ZIP, or a shared phone: the model decides
        (dict(first="JACOB", last="RYAN", zip5="78701"), None),
    ],
)
def test_names_that_merely_resemble_elsewhere_never_merge(b, code):
    a = person("per_1", "JAKE", "RHYNE", zip5="78701", emails={"p2471300@gmail.com"}, phones={"5125550143"})
    y = person("per_2", b.pop("first"), b.pop("last"), emails={"p9826543@gmail.com"}, **b)
    assert _guard(a, y) == code
    if code:
        assert code in resolution.NEVER_SAME
        assert code in resolution.LINK_BREAKERS


def test_a_certain_link_backed_by_most_members_outweighs_a_copy_with_a_mistyped_zip():
    # A, B and D are one person sharing a personal mailbox; B's ZIP is mistyped. C has the same name in A's
    # and D's ZIP: certainly them, though beside B alone C would look like a namesake in another city.
    key = {"p5181141@gmail.com"}
    a = person("per_01", "CHRISTOPHER", "VILUMS", state="SC", zip5="04754", emails=key)
    b = person("per_02", "CHRISTOPHER", "VILUMS", state="SC", zip5="07454", emails=key)
    d = person("per_04", "CHRISTOPHER", "VILUMS", state="SC", zip5="04754", emails=key)
    c = person("per_03", "CHRISTOPHER", "VILUMS", state="SC", zip5="04754")
    assert _guard(b, c) == "NAMESAKE_ELSEWHERE"
    assert resolution.certain_link(a, c)
    result = plan([a, b, c, d], auto_threshold=0.5, review_threshold=0.1)
    assert sorted(m[1] for m in result.merges) == ["per_02", "per_03", "per_04"]


def test_a_namesake_elsewhere_who_agrees_with_few_members_stays_apart():
    # A, B and E are one person at one office; C, the same name in another state, shares B's personal mailbox
    # (a certain link) but is a namesake elsewhere of A and E: the minority that agrees brings nobody in.
    a = person("per_01", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"})
    b = person("per_02", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"}, emails={"p1@gmail.com"})
    e = person("per_04", "JOHN", "SMITH", phones=OFFICE, businesses={"ACME"})
    c = person("per_03", "JOHN", "SMITH", state="OH", zip5="44101", emails={"p1@gmail.com"})
    assert resolution.certain_link(b, c)
    result = plan([a, b, c, e], auto_threshold=0.0, review_threshold=0.0)
    assert "per_03" not in {m[1] for m in result.merges}
    assert sorted(m[1] for m in result.merges) == ["per_02", "per_04"]


def _groups(result) -> list[set]:
    groups: dict[str, set] = {}
    for survivor, merged, _, _ in result.merges:
        groups.setdefault(survivor, {survivor}).add(merged)
    return list(groups.values())


def test_a_record_most_copies_agree_with_joins_despite_one_copy_in_a_mistyped_state():
    # A1-A3 and A4 are one person (one mailbox); A4's state was mistyped. C, at the same company with a mailbox
    # of its own, agrees with three of the four and looks like a namesake elsewhere only beside A4.
    key = {"p2472763@gmail.com"}
    copies = [
        person(f"per_0{n}", "ALEC", "CLARKE", state="VA", zip5="02204", emails=key, businesses={"BORDER PARK"})
        for n in (1, 2, 3)
    ]
    a4 = person("per_04", "ALEC", "CLARKE", state="SC", zip5="02204", emails=key)
    c = person(
        "per_05", "ALEC", "CLARKE", state="VA", zip5="02201", emails={"p2419013@gmail.com"}, businesses={"BORDER PARK"}
    )
    assert _guard(c, a4) == "NAMESAKE_ELSEWHERE"
    assert not resolution.certain_link(c, copies[0])
    result = plan([*copies, a4, c], auto_threshold=0.0, review_threshold=0.0)
    assert _groups(result) == [{"per_01", "per_02", "per_03", "per_04", "per_05"}]


def test_a_near_namesake_with_nothing_in_common_stays_out_however_many_copies_it_resembles():
    # JACK HASSELL resembles three copies of JACOB HASSALL (a nickname, a close surname, the same state) but shares
    # no mailbox, company, address or ZIP with any: another person, though no single pair of them is guarded.
    key = {"p6010042@gmail.com"}
    place = {"zip5": "03623", "emails": key, "businesses": {"TORBANLEA"}}
    group = [person(f"per_0{n}", "JACOB", "HASSALL", state="NY", **place) for n in (1, 2, 3)]
    moved = person("per_04", "JACOB", "HASSALL", state="OH", **place)  # a copy with a mistyped state
    c = person("per_05", "JACK", "HASSELL", state="NY", zip5="04812", emails={"p4503596@gmail.com"})
    assert [_guard(c, g) for g in group] == [None, None, None]
    assert _guard(c, moved) == "NAMESAKE_ELSEWHERE"
    assert not resolution.common_ground(c, group[0])
    result = plan([*group, moved, c], auto_threshold=0.0, review_threshold=0.0)
    assert _groups(result) == [{"per_01", "per_02", "per_03", "per_04"}]


# --- a personal key with one slip, a garbled first name beside a missing surname ----------------------------------


@pytest.mark.parametrize(
    ("x", "y", "slip"),
    [
        ("p1644253@gmail.com", "p1644235@gmail.com", True),  # two neighbours swapped
        ("p1480351@gmail.com", "p1480251@gmail.com", True),  # one digit replaced
        ("p5850163@gmail.com", "p585163@gmail.com", True),  # one dropped
        ("p1480351@gmail.com", "p1480351@yahoo.com", False),  # another domain: another mailbox
        ("p1480351@gmail.com", "p1480251@gmial.com", False),
        ("ann1@x.com", "ann2@x.com", False),  # short mailboxes one apart are often two people's
        ("p1644253@gmail.com", "p1644532@gmail.com", False),  # two edits
        ("p1644253@gmail.com", "p1644253@gmail.com", False),  # the same: shared, not slipped
    ],
)
def test_mailbox_slip(x, y, slip):
    assert resolution.mailbox_slip(x, y) is slip


def test_a_mailbox_one_slip_apart_is_its_own_agreement_level_only_for_a_handle_that_names_nobody():
    a = person("per_1", "ADRIANA", "BEADLE", emails={"p1644253@gmail.com"})
    b = person("per_2", "ADRIANA", "BEADLE", emails={"p1644235@gmail.com"})
    assert resolution.LEVELS["email"][gamma(a, b)[0]["email"]] == "one slip apart"
    # a mailbox built from a name is no key: JOHN.SMITH@ and JOAN.SMITH@ are two colleagues one letter apart
    c = person("per_3", "JOHN", "SMITH", emails={"john.smith@acme.com"}, phones=OFFICE, businesses={"ACME"})
    d = person("per_4", "JOAN", "SMITH", emails={"joan.smith@acme.com"}, phones=OFFICE, businesses={"ACME"})
    assert gamma(c, d)[0]["email"] == 0
    assert _guard(c, d) == "COLLEAGUE_FIRST_NAME"


def test_a_personal_key_with_one_slip_outweighs_a_changed_surname_and_a_mistyped_zip():
    # the same first name at one address, a mailbox mistyped by one digit: the surname changed, one person
    a = person("per_1", "BENEDICT", "COLEMAN", state="WA", zip5="04560", emails={"p1480351@gmail.com"})
    b = person("per_2", "BENEDICT", "WHITE", state="WA", zip5="04560", emails={"p1480251@gmail.com"})
    levels, _ = gamma(a, b)
    assert resolution.personal_key(a, b, levels) == "last"
    assert guard(a, b, levels) is None
    # the same name in another ZIP of the state: not namesakes when their keys are one slip apart
    c = person("per_3", "ADRIANA", "BEADLE", state="VA", zip5="04679", emails={"p1644253@gmail.com"})
    d = person("per_4", "ADRIANA", "BEADLE", state="VA", zip5="04670", emails={"p1644235@gmail.com"})
    assert _guard(c, d) is None
    e = person("per_5", "ADRIANA", "BEADLE", state="VA", zip5="04670", emails={"p7302911@gmail.com"})
    assert _guard(c, e) == "NAMESAKE_ELSEWHERE"
    # another first name and a slipped key at an office: still two colleagues unless the surnames agree
    f = person("per_6", "BENEDICT", "COLEMAN", phones=OFFICE, businesses={"ACME"}, emails={"p1480351@gmail.com"})
    g = person("per_7", "MARY", "GARCIA", phones=OFFICE, businesses={"ACME"}, emails={"p1480251@gmail.com"})
    assert _guard(f, g) == "COLLEAGUE_FIRST_NAME"


def _colleague(pid, first, last, *, new=True, **kw):
    return person(pid, first, last, phones=OFFICE, businesses={"NASHVILLE SALON"}, new=new, **kw)


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        (("PETER", "CHEN"), ("PETR", ""), None),  # a garbled first name counts as the same first name
        (("LARRY", "HICKS"), ("LARRE", ""), None),
        (("JONATHAN", "HICKS"), ("JONATHNA", ""), None),  # one slip in a long name
        (("PETER", "CHEN"), ("PETER", ""), None),
        (("JOHN", "SMITH"), ("JOAN", ""), "COLLEAGUE_FIRST_NAME"),  # two real names stay two colleagues
        (("PETER", "CHEN"), ("PAUL", ""), "COLLEAGUE_FIRST_NAME"),
        (("PETER", "CHEN"), ("", "CHEN"), "COLLEAGUE_NAME_MISSING"),  # a relative's record or his: review
    ],
)
def test_a_first_name_slip_beside_a_missing_surname_counts_as_the_same_first_name(a, b, code):
    assert _guard(_colleague("per_1", *a, emails={"pchen@sdfa.com"}), _colleague("per_2", *b)) == code


def test_a_stored_model_from_before_a_field_gained_a_level_starts_that_field_again():
    stored = default_model().to_json()
    stored["m"]["email"], stored["u"]["email"] = [0.1, 0.3, 0.6], [0.6, 0.3, 0.1]  # three levels, as stored before
    stored["m"]["phone"], stored["u"]["phone"] = [0.2, 0.8], [0.9, 0.1]
    model = resolution.Model.from_json(stored)
    assert model.m["email"] == default_model().m["email"]
    assert model.m["phone"] == [0.2, 0.8]


def test_one_employees_work_mailbox_outweighs_a_garbled_surname_beside_the_same_first_name():
    a = _colleague("per_1", "FRANK", "DIAZ", emails={"fdiaz@americansoftware.com"})
    b = _colleague("per_2", "FRANK", "DZI", emails={"fdiaz@americansoftware.com"})
    assert _guard(a, b) is None
    # another first name on the mailbox: a couple at a family business may share one
    c = _colleague("per_3", "FLORA", "DZI", emails={"fdiaz@americansoftware.com"})
    assert _guard(a, c) == "COLLEAGUE_FIRST_NAME"
    # a free-mail address that names them can be a household's
    d = _colleague("per_4", "FRANK", "DIAZ", emails={"fdiaz@gmail.com"})
    e = _colleague("per_5", "FRANK", "DZI", emails={"fdiaz@gmail.com"})
    assert _guard(d, e) == "COLLEAGUE_LAST_NAME"
    assert not resolution.work_mailbox(d, e, gamma(d, e)[0])


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        # one name-built mailbox mistyped: the slip broke the name, so only one of them still names the person
        (("AMY", "DUNCAN", "aduncan@greentitle.com"), ("AMY", "DUNCAN", "aducnan@greentitle.com"), 1),
        (("INGRID", "MUNOZ", "ingrid.munoz@grill.net"), ("INGRID", "MNIZ", "ingrid.mnoz@grill.net"), 1),
        (("LARRY", "KELLEY", "lkelley@hoang.com"), ("LARRY", "KELLEY", "lkeliley@hoang.com"), 1),
        (("BEVERLY", "HENDERSON", "beverlyh@nm.co"), ("BEVERLY", "HENDERSON", "beverolyh@nm.co"), 1),
        # two mailboxes one letter apart that each name their own person: two colleagues
        (("JOHN", "SMITH", "john.smith@acme.com"), ("JOAN", "SMITH", "joan.smith@acme.com"), 0),
        (("JOHN", "SMITH", "jsmith1@acme.com"), ("JOHN", "SMITH", "jsmith2@acme.com"), 0),
        (("JOHN", "SMITH", "jsmith@acme.com"), ("JANE", "SMIT", "jsmit@acme.com"), 0),
        # another domain is another mailbox
        (("AMY", "DUNCAN", "aduncan@greentitle.com"), ("AMY", "DUNCAN", "aducnan@gmail.com"), 0),
    ],
)
def test_a_mistyped_name_built_mailbox_is_one_slip_apart(a, b, level):
    x = _colleague("per_1", a[0], a[1], emails={a[2]})
    y = _colleague("per_2", b[0], b[1], emails={b[2]})
    assert gamma(x, y)[0]["email"] == level


@pytest.mark.parametrize(
    ("email_a", "email_b", "code"),
    [
        # one person's mailboxes in two shapes, or a work and a home address: the same person
        ("anna@legacy.com", "anna.khan@legacy.com", None),
        ("akhan@legacy.com", "annakhan7@yahoo.com", None),
        ("anna.khan@legacy.com", "annakhan89@yahoo.com", None),  # a number at another domain: a home address
        ("anna.khan@legacy.com", "annakhan@legacy.com", None),  # punctuation is no series
        # a numbered or marked series is how a company tells two employees of one name apart
        ("akhan1@legacy.com", "akhan2@legacy.com", "COLLEAGUE_OWN_CONTACTS"),
        ("anna.khan@legacy.com", "anna.khan2@legacy.com", "COLLEAGUE_OWN_CONTACTS"),
        ("anna@legacy.com", "annajr@legacy.com", "GENERATIONS"),  # a Jr.'s own mailbox: a daughter of one name
        # a mailbox that names nobody may be a desk's: it says nothing of whose record it is
        ("anna@legacy.com", "frontdesk@legacy.com", "COLLEAGUE_OWN_CONTACTS"),
    ],
)
def test_same_name_colleagues_with_their_own_contacts_merge_only_on_one_persons_mailboxes(email_a, email_b, code):
    a = person("per_1", "ANNA", "KHAN", phones={"8156035502"}, emails={email_a}, businesses={"LEGACY STAFFING"})
    b = person("per_2", "ANNA", "KHAN", phones={"8154178020"}, emails={email_b}, businesses={"LEGACY STAFFING"})
    assert _guard(a, b) == code


@pytest.mark.parametrize(
    ("title_a", "title_b", "code"),
    [
        ("BOOKKEEPER", "MANAGER", "COLLEAGUE_OWN_CONTACTS"),  # a job of their own each: father and son, two people
        ("OWNER", "ESTIMATOR", "COLLEAGUE_OWN_CONTACTS"),
        ("MANAGER SALES", "MANAGER", None),  # a word in common: a promotion, one person
        ("OWNER", "OWNER", None),
        ("OWNER", "", None),  # a missing title says nothing
    ],
)
def test_same_name_colleagues_with_their_own_contacts_and_jobs_wait_for_review(title_a, title_b, code):
    a = person(
        "per_1", "ROY", "CHASE", phones={"4176803667"}, emails={"roy.chase@premiergrill.com"},
        businesses={"PREMIER GRILL"}, titles=frozenset({title_a}),
    )  # fmt: skip
    b = person(
        "per_2", "ROY", "CHASE", phones={"4174455251"}, emails={"roy@premiergrill.com"},
        businesses={"PREMIER GRILL"}, titles=frozenset({title_b}),
    )  # fmt: skip
    assert _guard(a, b) == code


@pytest.mark.parametrize(
    ("raw", "generation"),
    [
        ("Ellison Jr", "JR"), ("Ellison JR.", "JR"), ("Larson II", "II"), ("Li III", "III"), ("Collins, Sr.", "SR"),
        ("Ellison", ""), ("Jr", ""), ("", ""), ("Van Sickle", ""), ("Iv", ""),
    ],
)  # fmt: skip
def test_the_generation_a_list_writes_after_a_last_name(raw, generation):
    assert resolution.name_generation(raw) == generation


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # the list wrote JR after one of the two names (the match key drops it): father and son
        (dict(generation="JR"), dict(), "GENERATIONS"),
        (dict(generation="JR"), dict(generation="SR"), "GENERATIONS"),
        (dict(generation="II"), dict(generation="II"), None),
        # the son's own mailbox says it
        (dict(emails={"kevin.watkinsjr@aol.com"}), dict(emails={"kevin.watkins@mes.com"}), "GENERATIONS"),
        (dict(emails={"kwatkinsjr1964@outlook.com"}), dict(), "GENERATIONS"),
        (dict(emails={"kevin_watkins_sr@aol.com"}), dict(emails={"kevinwatkinsjr@aol.com"}), "GENERATIONS"),
        # one mailbox on both records is one person, whatever it spells
        (dict(emails={"kevin.watkinsjr@aol.com"}), dict(emails={"kevin.watkinsjr@aol.com"}), None),
        (dict(generation="JR", emails={"kwatkins@mes.com"}), dict(emails={"kwatkins@mes.com"}), None),
        # a mailbox that only ends in the letters of a generation (NASR@, TSIV@) is none
        (dict(emails={"kevin.nasr@mes.com"}), dict(), None),
        (dict(emails={"kevintsiv@mes.com"}), dict(), None),
    ],
)
def test_two_generations_of_one_name_at_the_office_wait_for_review(a, b, code):
    x = _colleague("per_1", "KEVIN", "WATKINS", **a)
    y = _colleague("per_2", "KEVIN", "WATKINS", **b)
    assert _guard(x, y) == code
    if code:
        assert code not in resolution.NEVER_SAME
        assert code in resolution.LINK_BREAKERS


def test_a_juniors_copy_never_links_his_group_with_his_fathers():
    """KEVIN WATKINS JR and his copy merge; his father at the office, same name and office phone, stays apart."""
    father = _colleague("per_1", "KEVIN", "WATKINS", emails={"kevin@mes.com"})
    son = _colleague("per_2", "KEVIN", "WATKINS", generation="JR", emails={"kwatkinsjr@gmail.com"})
    copy = _colleague("per_3", "KEVIN", "WATKINS", generation="JR", emails={"kwatkinsjr@gmail.com"})
    result = plan([father, son, copy], auto_threshold=AUTO, review_threshold=REVIEW)
    merged = {frozenset((survivor, other)) for survivor, other, _, _ in result.merges}
    assert merged == {frozenset(("per_2", "per_3"))}


@pytest.mark.parametrize(
    ("first", "email", "code"),
    [
        ("REBECCA", "becky.singh@torres.biz", None),  # a nickname
        ("JAMES", "jaems@torres.biz", None),  # a slip of the name
        ("BRENDA", "brenda.singh@torres.biz", None),
        ("BRENDA", "brendaandkaren@gmail.com", "COLLEAGUE_NAME_MISSING"),  # free mail: maybe a household's
        ("BRENDA", "karen.singh@torres.biz", "COLLEAGUE_NAME_MISSING"),  # a relative's own mailbox
        ("FRED", "fsingh@torres.biz", "COLLEAGUE_NAME_MISSING"),  # an initial fits every relative of that initial
        ("FRED", "", "COLLEAGUE_NAME_MISSING"),
    ],
)
def test_a_nameless_record_whose_own_mailbox_spells_the_first_name_is_that_persons(first, email, code):
    named = _colleague("per_1", first, "SINGH")
    nameless = _colleague("per_2", "", "SINGH", emails={email} if email else ())
    assert _guard(named, nameless) == code
    assert _guard(nameless, named) == code


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("KHAN", "BKAHN", True),  # a letter added and two swapped
        ("CRUUZ", "CRZU", True),
        ("MUNOZ", "MNIZ", True),  # a letter dropped and one replaced
        ("COOK", "C0K", True),  # OCR: zero read for O, then one letter dropped
        ("BELL", "BCLL", True),  # OCR: c read for e
        ("BELL", "BE1L", True),  # OCR: one read for l (the digit is read before the letters)
        ("FOX", "PHOOX", True),  # written by ear (PH for F), then a letter doubled
        ("SHAW", "KSAW", True),  # a letter moved: one added, one dropped
        ("COLLE", "CLOE", True),  # read as written, not as CL (d): CLOE is no DOE
        ("LONG", "LUNA", False),  # two letters replaced in a short surname: another surname
        ("KING", "KANG", True),  # one edit from three letters, as ``surname_slip``
        ("COX", "CX", False),  # too short to tell
        ("SMITH", "GARCIA", False),
    ],
)
def test_office_surname_slip(a, b, slip):
    assert resolution.office_surname_slip(a, b) is slip
    assert resolution.office_surname_slip(b, a) is slip


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # the same first name at one office, a surname garbled by a hand or a scanner: one person
        (("LORI", "KHAN"), ("LORI", "BKAHN"), None),
        (("JACKIE", "CRUUZ"), ("JACQUELINE", "CRZU"), None),
        (("JUSTIN", "KAUR"), ("JUSIN", "KTUR"), None),  # a first name garbled too, into no name at all
        # two colleagues: the same first name beside another real surname, or two real first names
        (("JOHN", "LONG"), ("JOHN", "LUNA"), "COLLEAGUE_LAST_NAME"),
        # both names one slip apart: one record slipped twice; relatives share the surname exactly
        (("COLLEEN", "RUSSO"), ("COLLEN", "RUZO"), None),
        # two given names one letter apart are two names: siblings or a couple at a family business
        (("MARIA", "GARCIA"), ("MARIO", "GARCIA"), "COLLEAGUE_FIRST_NAME"),
        (("DANIEL", "GARCIA"), ("DANIELA", "GARZA"), "COLLEAGUE_FIRST_NAME"),
        (("FRANCIS", "KAUR"), ("FRANCES", "KTUR"), "COLLEAGUE_FIRST_NAME"),
        (("JOHN", "SMITH"), ("JOAN", "SMYTH"), "COLLEAGUE_FIRST_NAME"),  # short names one letter apart: two
        (("DAVID", "RIVERA"), ("DANIEL", "RIVERA"), "COLLEAGUE_FIRST_NAME"),
        (("CHRISTIAN", "WILLIAMS"), ("CHRISTINA", "WILLIAMS"), "COLLEAGUE_FIRST_NAME"),
    ],
)
def test_a_garbled_surname_beside_the_same_first_name_at_one_office(a, b, code):
    assert _guard(_colleague("per_1", *a), _colleague("per_2", *b)) == code


def test_a_garbled_surname_is_not_excused_away_from_the_office():
    a = person("per_1", "LORI", "KHAN", phones={"5125550143"})
    b = person("per_2", "LORI", "BKAHN", phones={"5125550199"})
    assert _guard(a, b) == "NAMES_DISAGREE"


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("TIMOTHY", "TIRN", True),  # TIM read by OCR
        ("JACOB", "JKAE", True),  # JAKE with two letters swapped
        ("CHRISTINE", "CRISTINE", True),  # a slip of the name itself
        ("HENRY", "LARRY", False),  # LARRY is a name, not HARRY mistyped
        ("MARIA", "MARIO", False),  # two given names one letter apart
        ("COLLEEN", "COLLEN", True),  # one name, a doubled letter written once
        ("TIMOTHY", "JIM", False),
        ("JOHN", "JOAN", False),
        # two given names a misreading and an edit apart, or with their endings swapped, are two names
        ("DAVID", "DANIEL", False),
        ("CHRISTIAN", "CHRISTINA", False),
        ("MICHAEL", "MICHEAL", True),  # two letters swapped inside the name: one MICHAEL
    ],
)
def test_first_name_slip(a, b, slip):
    assert resolution.first_name_slip(a, b) is slip
    assert resolution.first_name_slip(b, a) is slip


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # a swapped record is compared the way its names were read: LUIZ beside LUIS is a slip
        (("LUIS", "FERNANDEZ"), ("FERNANDEZ", "LUIZ"), None),
        (("VANESSA", "HERRERA"), ("HERERA", "VANESSA"), None),
        # a swapped record of another first name is another colleague
        (("LUIS", "FERNANDEZ"), ("FERNANDEZ", "MARIA"), "COLLEAGUE_FIRST_NAME"),
    ],
)
def test_the_guard_reads_a_swapped_record_the_way_its_levels_were_read(a, b, code):
    x = _colleague("per_1", a[0], a[1], emails={"office@acme.com"})
    y = _colleague("per_2", b[0], b[1])
    assert _guard(x, y) == code


@pytest.mark.parametrize(
    ("email", "code"),
    [
        ("brenda.dunn@guardian.com", None),  # one employee's work mailbox
        ("p7535316@gmail.com", None),  # a handle that names nobody: one person's key
        ("brendadunn@yahoo.com", "COLLEAGUE_NAME_MISSING"),  # the household's: a spouse holds it too
    ],
)
def test_a_nameless_record_at_the_office_merges_on_one_persons_mailbox_not_a_households(email, code):
    brenda = _colleague("per_1", "BRENDA", "DUNN", emails={email})
    nameless = _colleague("per_2", "", "DUNN", emails={email})
    assert _guard(brenda, nameless) == code


@pytest.mark.parametrize(
    ("a", "b", "email", "code"),
    [
        # spouses at one address on their household's mailbox: close first names stay two people
        (("JOHN", "SMITH"), ("JOAN", "SMITH"), "jsmith@yahoo.com", "COLLEAGUE_FIRST_NAME"),
        (("DANIEL", "SMITH"), ("DANIELLE", "SMITH"), "thesmiths@aol.com", "COLLEAGUE_FIRST_NAME"),
        # the same close first names on a work mailbox, or a handle naming nobody: one person's record
        (("JOHN", "SMITH"), ("JOAN", "SMITH"), "p7535316@gmail.com", None),
    ],
)
def test_a_household_mailbox_excuses_no_name_at_one_address(a, b, email, code):
    x = person("per_1", *a, emails={email}, addresses={"12 MAIN ST|78701"})
    y = person("per_2", *b, emails={email}, addresses={"12 MAIN ST|78701"})
    assert _guard(x, y) == code


def _smiths(**names):
    """A team where JOHN and SMITH are common: the same full name at two offices may be two people."""
    others = [(f"NAME{i}", 5) for i in range(2000)]
    return _names_model(
        first_name=[("JOHN", 400), ("MARY", 300), ("OTIS", 2), *others],
        last_name=[("SMITH", 500), ("BEAUMAN", 2), *others],
    )


def _offices(first="JOHN", last="SMITH", *, emails_a=(), emails_b=(), phone_b="2145550100"):
    austin, dallas = _two_offices()
    austin = replace(austin, first=first, last=last, emails=frozenset(emails_a))
    dallas = replace(dallas, first=first, last=last, emails=frozenset(emails_b))
    if phone_b is None:
        dallas = replace(dallas, phones=frozenset())
    return austin, dallas


def test_a_common_name_at_another_office_with_the_same_mailbox_merges_and_a_new_phone_is_not_counted():
    austin, dallas = _offices(emails_a={"john.smith@acme.com"}, emails_b={"john.smith@acme.com"})
    probability, reasons = score(austin, dallas, _smiths())
    assert probability >= AUTO
    assert reasons["guard"] is None
    assert reasons["office_proof"] == "e-mail"
    assert reasons["fields"]["phone"]["weight"] == 0.0
    assert reasons["fields"]["phone"]["not_counted"] == resolution.PROVEN_NOT_COUNTED["phone"]
    assert reasons["fields"]["address"]["not_counted"] == resolution.OFFICE_NOT_COUNTED
    assert explain(reasons)["office_proof"] == "e-mail"


@pytest.mark.parametrize(
    ("emails_a", "emails_b"),
    [
        # another shape of the name at the company: how a chain tells its second MICHAEL KIM apart
        ({"jsmith@acme.com"}, {"john.smith@acme.com"}),
        ({"john.smith@acme.com"}, {"john_smith@acme.com"}),
        # a work mailbox and a free-mail one of their own: a home address is anyone's
        ({"jsmith@acme.com"}, {"johnsmith29@outlook.com"}),
        # JSMITH1@ and JSMITH2@: the company told two JOHN SMITHs apart
        ({"jsmith1@acme.com"}, {"jsmith2@acme.com"}),
    ],
)
def test_a_mailbox_of_their_own_at_each_office_is_no_proof_and_the_pair_waits_for_review(emails_a, emails_b):
    austin, dallas = _offices(emails_a=emails_a, emails_b=emails_b)
    probability, reasons = score(austin, dallas, _smiths())
    assert reasons["guard"] in ("OFFICE_NAME_ONLY", "COLLEAGUE_OWN_CONTACTS")
    assert reasons["guard"] not in resolution.NEVER_SAME
    assert "office_proof" not in reasons
    # the same mailbox at both offices is the person who moved
    austin, dallas = _offices(emails_a=emails_a, emails_b=emails_a)
    assert score(austin, dallas, _smiths())[1]["office_proof"] == "e-mail"


def test_a_chains_two_employees_of_one_name_at_two_branches_are_not_merged_in_a_run():
    """MICHAEL KIM at the Richmond and the Arlington branch, each with a phone and a mailbox of his own."""
    richmond = person(
        "per_1", "MICHAEL", "KIM", state="VA", zip5="23220", phones={"8045821978"},
        emails={"michael.kim@goldenstate.com"}, businesses={"GOLDEN STATE SYSTEMS"},
        addresses={"677 LAMAR BLVD|23220"}, cities={"RICHMOND"},
    )  # fmt: skip
    arlington = person(
        "per_2", "MICHAEL", "KIM", state="VA", zip5="22202", phones={"5715077152"},
        emails={"michaelk@goldenstate.com"}, businesses={"GOLDEN STATE SYSTEMS"},
        addresses={"33 HIGHLAND RD|22202"}, cities={"ARLINGTON"},
    )  # fmt: skip
    result = plan([richmond, arlington], auto_threshold=AUTO, review_threshold=REVIEW)
    assert result.merges == []


def test_a_rare_surname_at_another_office_is_a_proof():
    austin, dallas = _offices(first="OTIS", last="BEAUMAN")
    probability, reasons = score(austin, dallas, _smiths())
    assert reasons["office_proof"] == "rare surname"
    assert reasons["guard"] is None
    assert probability >= AUTO


def test_a_common_name_at_another_office_without_a_mailbox_never_merges_but_waits_for_review():
    model = _smiths()
    # another phone: two JOHN SMITHs of one company, or one who moved; nothing personal says which
    austin, dallas = _offices()
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) == "OFFICE_NAME_ONLY"
    assert "OFFICE_NAME_ONLY" not in resolution.NEVER_SAME
    # no phone on one record: the names and the company alone score high, and still the pair goes to review
    austin, dallas = _offices(phone_b=None)
    probability, reasons = score(austin, dallas, model)
    assert reasons["guard"] == "OFFICE_NAME_ONLY"
    result = resolution.plan_pairs([austin, dallas], [(0, 1)], auto_threshold=0.5, review_threshold=0.01, model=model)
    assert result.merges == []
    assert [(a, b) for a, b, _, _ in result.reviews] == [("per_1", "per_2")]
    # a mailbox on one record only says where it works, which the company says already: no proof
    austin, dallas = _offices(emails_a={"jsmith@acme.com"}, phone_b=None)
    assert score(austin, dallas, model)[1]["guard"] == "OFFICE_NAME_ONLY"


def test_a_slipped_name_beside_a_shared_mailbox_at_another_office_merges():
    austin, dallas = _offices(emails_a={"jjordan@acme.com"}, emails_b={"jjordan@acme.com"})
    austin = replace(austin, first="JOAN", last="JORDAN")
    dallas = replace(dallas, first="COAN", last="JORDAN")
    levels, _ = gamma(austin, dallas)
    assert resolution.other_office(austin, dallas, levels)
    probability, reasons = score(austin, dallas, _smiths())
    assert reasons["guard"] is None
    assert reasons["office_proof"] == "e-mail"
    assert probability >= AUTO


def test_colleagues_at_another_office_and_namesakes_elsewhere_never_merge():
    model = _smiths()
    # another first name at another office of the company, each with a mailbox of their own
    austin, dallas = _offices(emails_a={"john.smith@acme.com"}, emails_b={"mary.smith@acme.com"})
    dallas = replace(dallas, first="MARY")
    levels, _ = gamma(austin, dallas)
    assert guard(austin, dallas, levels, model) in resolution.NEVER_SAME
    assert not resolution.other_office(austin, dallas, levels)
    # the same common name at another company in another city, a mailbox of their own there
    austin, dallas = _offices(emails_a={"john.smith@acme.com"}, emails_b={"jsmith@globex.com"})
    dallas = replace(dallas, businesses=frozenset({"GLOBEX"}))
    probability, reasons = score(austin, dallas, model)
    assert probability < REVIEW
    assert "office_proof" not in reasons


def test_a_moved_person_and_an_office_namesake_never_chain():
    model = _smiths()
    austin, dallas = _offices(emails_a={"john.smith@acme.com"}, emails_b={"john.smith@acme.com"})
    # another JOHN SMITH at a third office, twice (the same phone), with no mailbox
    houston = replace(dallas, id="per_3", emails=frozenset(), phones=frozenset({"7135550100"}))
    houston = replace(houston, addresses=("4 OAK ST|77002",), zip5="77002", cities=("HOUSTON",))
    again = replace(houston, id="per_4")
    people = [austin, dallas, houston, again]
    pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    result = resolution.plan_pairs(people, pairs, auto_threshold=AUTO, review_threshold=REVIEW, model=model)
    merged = {frozenset((a, b)) for a, b, _, _ in result.merges}
    assert merged == {frozenset(("per_1", "per_2")), frozenset(("per_3", "per_4"))}


def _job_change(first_b="MARIA", last_b="AGUILAR", phone_b="2123857148"):
    realty = person(
        "per_1", "MARIA", "AGUILAR", state="NY", zip5="10011", phones={"2123857148"},
        emails={"mariaa@nyrealestate.com"}, businesses={"NEW YORK REAL ESTATE"},
        addresses={"680 S SYCAMORE ST|10011"}, cities={"NEW YORK"},
    )  # fmt: skip
    plumbing = person(
        "per_2", first_b, last_b, state="NY", zip5="10018", phones={phone_b},
        businesses={"HERITAGE PLUMBING"}, addresses={"29654 HICKORY ST|10018"}, cities={"NEW YORK"},
    )  # fmt: skip
    return realty, plumbing


def test_one_name_on_one_phone_at_another_company_is_a_person_who_changed_jobs():
    """MARIA AGUILAR kept her mobile when she moved from the realty office to the plumbing company."""
    realty, plumbing = _job_change()
    levels, _ = gamma(realty, plumbing)
    assert resolution.new_employer(levels)
    model = _names_model(first_name=[("MARIA", 40)], last_name=[("AGUILAR", 5)])
    probability, reasons = score(realty, plumbing, model)
    assert reasons["guard"] is None
    assert probability >= AUTO
    for name in ("business", "address", "location"):
        assert reasons["fields"][name]["weight"] == 0.0
        assert reasons["fields"][name]["not_counted"] == resolution.EMPLOYER_NOT_COUNTED[name]
    # a slip in the surname still reads as her; another first name on that phone is someone else
    assert score(*_job_change(last_b="AGULLAR"), model)[0] >= AUTO
    other, plumbing = _job_change(first_b="ROSA")
    assert not resolution.new_employer(gamma(other, plumbing)[0])
    # her namesake at the plumbing company on a phone of her own is another person: nothing is lifted
    realty, namesake = _job_change(phone_b="2125550199")
    levels, _ = gamma(realty, namesake)
    assert not resolution.new_employer(levels)
    assert score(realty, namesake, model)[0] < REVIEW


@pytest.mark.parametrize(
    ("mailbox", "lifted"),
    [
        ("mariaaguilar1986@yahoo.com", True),  # a number she chose: nobody guesses it
        ("maria_aguilar682@hotmail.com", True),
        ("maguilar@gmail.com", False),  # what a list vendor writes for every M. Aguilar
        ("maria.aguilar@gmail.com", False),
    ],
)
def test_a_numbered_personal_mailbox_at_another_company_is_a_person_who_changed_jobs(mailbox, lifted):
    realty, plumbing = _job_change(phone_b="2125550199")
    realty = replace(realty, emails=frozenset({mailbox}))
    plumbing = replace(plumbing, emails=frozenset({mailbox}))
    levels, _ = gamma(realty, plumbing)
    assert resolution.new_employer(levels, realty, plumbing) is lifted


@pytest.mark.parametrize(
    ("first_b", "last_a", "last_b", "lifted"),
    [
        ("NARIA", "AGUILAR", "AGUILAR", True),  # a first name garbled into no name, the surname alike
        ("MARIA", "WARD", "WARCL", True),  # the surname scanned (D read as CL), the first name alike
        ("ROSA", "AGUILAR", "AGUILAR", False),  # another given name on her phone: someone else
        ("MARIA", "KIM", "KIN", False),  # two surnames, not a slip of one
    ],
)
def test_a_garbled_name_on_one_phone_at_another_company_is_a_person_who_changed_jobs(first_b, last_a, last_b, lifted):
    # given MARIA at the realty office and a record on her phone at the plumbing company, one name garbled
    realty, plumbing = _job_change(first_b=first_b)
    realty, plumbing = replace(realty, last=last_a), replace(plumbing, last=last_b)
    levels, _ = gamma(realty, plumbing)
    assert min(levels["first_name"], levels["last_name"]) < 2
    # when the pair is read for a job change, then a garble beside the other name alike is still her
    assert resolution.new_employer(levels, realty, plumbing) is lifted


@pytest.mark.parametrize(
    ("mailbox", "phone_counted"),
    [
        ("mariaaguilar1986@yahoo.com", False),  # her own key: the new employer's line says nothing against her
        ("maria_aguilar682@hotmail.com", False),
        ("maguilar@gmail.com", True),  # anyone's guess: the other phone still counts
    ],
)
def test_a_numbered_personal_mailbox_at_another_company_does_not_count_the_new_line_against_her(mailbox, phone_counted):
    # given MARIA AGUILAR at the realty office and at the plumbing company, on another phone, one mailbox on both
    realty, plumbing = _job_change(phone_b="2125550199")
    realty = replace(realty, emails=frozenset({mailbox}))
    plumbing = replace(plumbing, emails=frozenset({mailbox}))
    model = _names_model(first_name=[("MARIA", 40)], last_name=[("AGUILAR", 5)])
    # when the pair is scored
    probability, reasons = score(realty, plumbing, model)
    # then the phone that changed with the job is not counted beside a numbered mailbox, and she merges
    phone = reasons["fields"]["phone"]
    assert (phone["weight"] < 0) is phone_counted
    assert ("not_counted" in phone) is not phone_counted
    if not phone_counted:
        assert phone["not_counted"] == resolution.EMPLOYER_NOT_COUNTED["phone"]
        assert probability >= AUTO
    # one phone on both records still counts for her
    assert score(*_job_change(), model)[1]["fields"]["phone"]["weight"] > 0
