"""Records with nothing but names and a place: one street address mistyped, a stray space in a name, a ZIP
mistyped beside a record without a street (FEBRL-style corruption of lists that carry no phone or mailbox).

Each table pairs the corruption a rule reads as one place or one name with the real difference it keeps apart.
"""

from dataclasses import replace

import pytest

from identity import resolution
from identity.resolution import gamma, guard, ruled_out, score
from identity.tests.test_resolution import AUTO, _names_model, person

OTHERS = [(f"NAME{i}", 5) for i in range(2000)]  # a team of many names, a few common ones


def _team():
    return _names_model(
        first_name=[("JOHN", 400), ("MARY", 300), ("REECE", 3), ("BAILEE", 3), *OTHERS],
        last_name=[("SMITH", 500), ("MIELS", 3), ("DENT", 3), *OTHERS],
    )


def _resident(pid, first, last, street, zip5, *, building="JINGARA", state="CA", **kw):
    """A record of a list with names and a place only: the building is its Company Name, no phone, no mailbox."""
    return person(
        pid,
        first,
        last,
        state=state,
        zip5=zip5,
        businesses={building} if building else set(),
        addresses=(f"{street}|{zip5}",) if street else (),
        **kw,
    )


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("58 MADDOCKXPLACE", "58 MADDOCK PL", True),  # a space typed as a letter
        ("58 MADDOC K PL", "58 MADDOCK PL", True),  # a space slipped in
        ("3 COXSTREET", "3 COX ST", True),  # a space left out before the type
        ("13 HANN TREET", "13 HANN ST", True),  # a letter lost from the type
        ("24 EDDYCREUSCENT", "24 EDDY CRES", True),
        ("116 ANEMBO S TREET", "116 ANEMBO ST", True),
        ("24 OXLEY ST", "26 OXLEY ST", False),  # a neighbour a few doors down
        ("PLANT RD", "65 PLANT RD", False),  # a street without a number may be any of its buildings
        ("12 MAIN ST", "12 MAIN AVE", False),  # another street of the name
        ("9 ELM ST", "9 ELK AVE", False),
        ("48 SADLIER ST", "48 BUGDEN AVE", False),
    ],
)
def test_one_street_address_written_with_a_slip(a, b, slip):
    a, b = resolution.address_key(a), resolution.address_key(b)
    assert resolution.street_slip(a, b) is slip
    assert resolution.street_slip(b, a) is slip


@pytest.mark.parametrize(
    ("zip_a", "zip_b", "same", "zip_slipped"),
    [
        ("04117", "04117", True, False),
        ("04117", "04171", True, True),  # two digits swapped
        ("03000", "03001", True, True),  # one digit replaced
        ("04117", "04179", False, False),  # two slips: another ZIP
        ("04117", "", False, False),  # a ZIP missing says nothing of the place
    ],
)
def test_one_address_reads_a_mistyped_zip(zip_a, zip_b, same, zip_slipped):
    a = _resident("per_1", "BAILEE", "DENT", "58 MADDOCKXPLACE", zip_a)
    b = _resident("per_2", "BAILEE", "DENT", "58 MADDOC K PL", zip_b)
    assert resolution.one_address(a, b) == (same, zip_slipped)
    levels, _ = gamma(a, b)
    assert (levels["address"] == 2) is same
    assert (levels["location"] == 3) is (same or zip_a == zip_b)


def test_one_name_at_one_building_with_the_street_and_zip_mistyped_is_one_person():
    model = _team()
    a = _resident("per_1", "BAILEE", "DENT", "58 MADDOCKXPLACE", "04117")
    b = _resident("per_2", "BAILEE", "DENT", "58 MADDOC K PL", "04171")
    probability, reasons = score(a, b, model)
    assert reasons["guard"] is None  # not one name at another office of the company (OFFICE_NAME_ONLY)
    assert probability >= AUTO
    # a household member there is still another person
    sister = replace(b, id="per_3", first="HOLLY")
    assert guard(a, sister, gamma(a, sister)[0], model) == "COLLEAGUE_FIRST_NAME"
    # a common name there is one person too, while a neighbour a few doors down in another ZIP is another address,
    # where one common name at two offices of the building's company waits for review
    smith_a, smith_b = (replace(x, first="JOHN", last="SMITH") for x in (a, b))
    assert guard(smith_a, smith_b, gamma(smith_a, smith_b)[0], model) is None
    neighbour = replace(smith_b, id="per_4", addresses=("52 MADDOCK PL|04171",))
    assert gamma(smith_a, neighbour)[0]["address"] == 0
    assert guard(smith_a, neighbour, gamma(smith_a, neighbour)[0], model) == "OFFICE_NAME_ONLY"


@pytest.mark.parametrize(
    ("street_b", "zip_b", "level"),
    [
        ("12 HALFORD CRES", "02431", 1),  # the house number's digits swapped, and the ZIP's: the same street
        ("2 HALFORD CRES", "02413", 1),  # a digit lost
        ("23 HALFORD CRES", "02413", 1),  # a digit replaced (or a neighbour: the street, not the address)
        ("12 HALFORD CRES", "02479", 0),  # the ZIP two keystrokes off: another place
        ("12 HALFORD PL", "02431", 0),  # another street of the name
        ("351 HALFORD CRES", "02431", 0),  # two slips in the number
    ],
)
def test_one_street_with_the_house_number_mistyped(street_b, zip_b, level):
    a = _resident("per_1", "JOHN", "SMITH", "21 HALFORD CRES", "02413", building="SUTTON")
    b = _resident("per_2", "JOHN", "SMITH", street_b, zip_b, building="SUTTON")
    levels, _ = gamma(a, b)
    assert levels["address"] == level
    assert (levels["location"] == 3) is bool(level or zip_b == "02413")
    # one common name on one street of the building's company is not one name at another of its offices
    assert (guard(a, b, levels, _team()) == "OFFICE_NAME_ONLY") is (level == 0)


@pytest.mark.parametrize(
    ("a", "b", "score_"),
    [
        ("GEO RGE", "GEORGE", 1.0),  # a space slipped into a name
        ("JORDAN", "JORD AN", 1.0),
        ("ALEXAROSE", "ALEXA ROSE", 1.0),  # two given names written as one
    ],
)
def test_a_name_with_a_stray_space_is_the_same_name(a, b, score_):
    assert resolution.first_name_score(a, b) == score_
    assert resolution.last_name_score(a, b) == score_


def test_a_first_name_with_a_stray_space_at_one_address_is_no_colleague():
    model = _team()
    a = _resident("per_1", "GEO RGE", "ARTIS", "49 MACFARLAND CRES", "04019")
    b = _resident("per_2", "GEORGE", "ARTIS", "49 MACFARLAND CRES", "04019")
    assert guard(a, b, gamma(a, b)[0], model) is None
    c = _resident("per_3", "RILEY", "H O", "54 DISCOVERY ST", "02011")
    d = _resident("per_4", "RILEY", "HO", "54 DISCOVERY ST", "02011")
    assert guard(c, d, gamma(c, d)[0], model) is None
    # two names apart stay apart (GEORGE and GEORGIA at one address)
    e = replace(b, id="per_5", first="GEORGIA")
    assert guard(a, e, gamma(a, e)[0], model) == "COLLEAGUE_FIRST_NAME"


def test_a_rare_name_in_a_zip_a_keystroke_away_beside_a_record_without_a_street_is_one_person():
    model = _team()
    a = _resident("per_1", "REECE", "MIELS", "", "03101", building="", state="NY")
    b = _resident("per_2", "REECE", "MIELS", "31 WORONORA ST", "03110", building="WANDEARAH", state="NY")
    levels, _ = gamma(a, b)
    assert levels["location"] == 1  # only the state in common
    assert guard(a, b, levels, model) is None
    # the partition keeps the pair for the finishing step, which knows how common the name is
    assert not ruled_out(a, b, levels)


@pytest.mark.parametrize(
    "change",
    [
        {"first": "JOHN", "last": "SMITH"},  # a common name: a namesake in the next ZIP is likely
        {"zip5": "03191"},  # ZIPs two keystrokes apart: another place
        {"state": "VA"},  # another state
        {"addresses": ("8 BANKS ST|03101",)},  # two streets in two ZIPs: two places
    ],
)
def test_namesakes_in_a_neighbouring_zip_stay_apart(change):
    model = _team()
    a = _resident("per_1", "REECE", "MIELS", "", "03101", building="", state="NY")
    b = _resident("per_2", "REECE", "MIELS", "31 WORONORA ST", "03110", building="WANDEARAH", state="NY")
    a = replace(a, **{k: v for k, v in change.items() if k in ("first", "last", "zip5", "state", "addresses")})
    if "first" in change:
        b = replace(b, first=change["first"], last=change["last"])
    assert guard(a, b, gamma(a, b)[0], model) == "NAMESAKE_ELSEWHERE"
