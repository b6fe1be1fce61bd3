"""Stage 3 rules for records corrupted the way record-linkage benchmarks corrupt them (GeCo / FEBRL style).

Each table pairs the corruption a rule reads as one person with the real difference it keeps apart.
"""

import pytest

from identity import nicknames, resolution
from identity.resolution import gamma, guard
from identity.tests.test_resolution import OFFICE, person


def _guard(a, b):
    levels, _ = gamma(a, b)
    return guard(a, b, levels)


def _colleague(pid, first, last, *, phones=OFFICE, **kw):
    return person(pid, first, last, phones=phones, businesses={"HILL GRILL"}, **kw)


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("8EVERLY", "BEVERLY", True),  # OCR: 8 for B
        ("K1M", "KIM", True),  # 1 for I
        ("C1ARK", "CLARK", True),  # 1 for L
        ("M0RENO", "MORENO", True),
        ("5ARAH", "SARAH", True),
        ("2OE", "ZOE", True),
        ("6REG", "GREG", True),
        ("KIM", "KAM", False),  # a letter is not a digit misread
        ("BILL", "HILL", False),
    ],
)
def test_ocr_digits_are_read_as_the_letters_they_resemble(a, b, slip):
    assert resolution.name_slip(a, b) is slip


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("KATHLEEN", "CATHLEEN", True),  # one name spelled by ear
        ("WENDY", "WENDI", True),
        ("CURTIS", "KURTIS", True),
        ("FRANCES", "PHRABCES", True),  # by ear and a slip besides
        ("HANNAH", "HANNA", True),  # a silent ending
        ("VALERIE", "VALERY", True),
        ("KELLIE", "KELLY", True),
        ("MARIE", "MARY", False),  # a short name with another ending is another name
        ("LARRY", "HARRY", False),  # two given names that differ in their first letter
        ("BILLY", "WILLY", False),
        ("MARIA", "MARIO", False),  # ... or in their ending
        ("DANIEL", "DANIELA", False),
    ],
)
def test_first_names_spelled_by_ear(a, b, slip):
    assert resolution.first_name_slip(a, b) is slip
    assert resolution.first_name_slip(b, a) is slip


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("COOPER", "KOUPR", True),  # C/K by ear and a vowel lost
        ("KIM", "KYMM", True),  # Y/I by ear, a letter doubled
        ("BROOKS", "BOOKD", True),  # X/KS folding leaves a KS alone
        ("FOX", "PHOKS", True),
        ("COX", "CX", False),  # too short to tell, however spelled
        ("LONG", "LUNA", False),
        ("SMITH", "GARCIA", False),
    ],
)
def test_office_surname_slip_by_ear(a, b, slip):
    assert resolution.office_surname_slip(a, b) is slip


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        (("DALE", "ROSE"), ("DALZE", "ROEZ"), None),  # both names garbled: one record slipped twice
        (("JOHN", "ROSE"), ("JOAN", "ROEZ"), "COLLEAGUE_FIRST_NAME"),  # two real names
        (("LARRY", "SMITH"), ("HARRY", "SMITH"), "COLLEAGUE_FIRST_NAME"),  # brothers at the family business
        (("KATHLEEN", "PRICE"), ("CATHLEEN", "PIRCE"), None),
        (("ELIJAH", "COOPER"), ("ELIJAH", "KOUPR"), None),
        (("ELIJAH", "COOPER"), ("ELIJAH", "KNAPP"), "COLLEAGUE_LAST_NAME"),
    ],
)
def test_colleagues_garbled_twice_or_by_ear(a, b, code):
    assert _guard(_colleague("per_1", *a), _colleague("per_2", *b)) == code


@pytest.mark.parametrize(
    ("owner", "other", "owner_emails", "other_emails", "code"),
    [
        # a first name that is no name, on the other's work mailbox (shared or its own)
        (("JEAN", "GARCIA"), ("JAM", "GARCIA"), {"jean.garcia@hillgrill.com"}, {"jean.garcia@hillgrill.com"}, None),
        (("JACK", "ANDERSON"), ("AJCU", "ANDERSON"), {"janderson@hillgrill.com"}, {"janderson@hillgrill.com"}, None),
        (("THOMAS", "CARR"), ("GOF", "CARR"), {"admin@hillgrill.com"}, {"tom@hillgrill.com"}, None),
        # a real name one slip from the owner's, on a mailbox spelling the owner's
        (("RENEE", "COOK"), ("RENEA", "COOK"), set(), {"renee@hillgrill.com"}, None),
        # without the mailbox, RENEA is a name of its own
        (("RENEE", "COOK"), ("RENEA", "COOK"), set(), set(), "COLLEAGUE_FIRST_NAME"),
        # a real name on another's mailbox stays another colleague
        (
            ("IVAN", "BOUDREAUX"),
            ("IDA", "BOUDREAUX"),
            {"ivanb@hillgrill.com"},
            {"ivanb@hillgrill.com"},
            "COLLEAGUE_FIRST_NAME",
        ),
        # a free-mail address may be a household's
        (("JEAN", "GARCIA"), ("JAM", "GARCIA"), set(), {"jeangarcia@gmail.com"}, "COLLEAGUE_FIRST_NAME"),
        # a mailbox spelling the garbled record's own name says nothing of the other
        (("JEAN", "GARCIA"), ("JAM", "GARCIA"), set(), {"jam@hillgrill.com"}, "COLLEAGUE_FIRST_NAME"),
    ],
)
def test_a_garbled_first_name_on_the_others_work_mailbox(owner, other, owner_emails, other_emails, code):
    a = _colleague("per_1", *owner, emails=owner_emails)
    b = _colleague("per_2", *other, emails=other_emails)
    assert _guard(a, b) == code
    assert _guard(b, a) == code


@pytest.mark.parametrize(
    ("a", "b", "email", "code"),
    [
        # a mailbox spelling the first name both records bear: the surname is the record's error
        (("GREGORY", "RAO"), ("GREG", "ORA"), "gregoryrao@gmail.com", None),
        (("KIMBERLY", "KIM"), ("KIM", "LGM"), "kimberlykim@yahoo.com", None),
        # a spouse on the household's mailbox keeps her own first name: two people
        (("GREGORY", "RAO"), ("MARY", "ORA"), "gregoryrao@gmail.com", "COLLEAGUE_FIRST_NAME"),
        # a mailbox that spells no first name excuses no surname
        (("GREGORY", "RAO"), ("GREGORY", "ORA"), "rao.family@gmail.com", "COLLEAGUE_LAST_NAME"),
    ],
)
def test_a_mailbox_spelling_the_shared_first_name_outweighs_a_garbled_surname(a, b, email, code):
    assert _guard(_colleague("per_1", *a, emails={email}), _colleague("per_2", *b, emails={email})) == code


@pytest.mark.parametrize(
    ("a", "b", "code"),
    [
        # a swapped record garbled besides: its first-name column holds the surname, so ANNA / ANNA are the first names
        (("SANODVAL", "ANNA"), ("ANNA", "ANDOVAL"), None),
        (("REEYES", "JOE"), ("JOE", "RYES"), None),
        # the same reading keeps two colleagues apart: another first name is still another person
        (("SANODVAL", "MARY"), ("ANNA", "ANDOVAL"), "COLLEAGUE_FIRST_NAME"),
        (("REEYES", "JOE"), ("JANE", "RYES"), "COLLEAGUE_FIRST_NAME"),
    ],
)
def test_a_swapped_record_is_read_with_its_first_name_column_holding_the_surname(a, b, code):
    x, y = _colleague("per_1", *a), _colleague("per_2", *b)
    assert _guard(x, y) == code
    assert _guard(y, x) == code


@pytest.mark.parametrize(
    ("a", "b", "email", "code"),
    [
        # two DAVIDs at one company on its DAVID@ mailbox: it tells no DAVID from the other
        (("DAVID", "GARZA"), ("DAVID", "JOHNSON"), "david@lshawplumbing.net", "COLLEAGUE_LAST_NAME"),
        (("DAVID", "GARAZ"), ("DAVE", "JOHNON"), "dave@lshawplumbing.net", "COLLEAGUE_LAST_NAME"),
        (("DAVID", "GARZA"), ("DAVID", "JOHNSON"), "david@gmail.com", "COLLEAGUE_LAST_NAME"),
        # beside a surname it may be garbled from, it is still that employee's mailbox
        (("SHARON", "KIM"), ("SHARON", "KS"), "sharon@hillgrill.com", None),
        (("DAVID", "GARZA"), ("DAVID", "GRZAA"), "david@lshawplumbing.net", None),
        # a mailbox naming the surname, or nobody, still tells one DAVID from another
        (("DAVID", "GARZA"), ("DAVID", "JOHNSON"), "dgarza@lshawplumbing.net", None),
        (("DAVID", "GARZA"), ("DAVID", "JOHNSON"), "p1644253@gmail.com", None),
    ],
)
def test_a_mailbox_of_the_first_name_alone_tells_no_two_people_of_that_name_apart(a, b, email, code):
    x, y = _colleague("per_1", *a, emails={email}), _colleague("per_2", *b, emails={email})
    assert _guard(x, y) == code
    assert _guard(y, x) == code


@pytest.mark.parametrize(
    ("email", "slip"),
    [
        ("ivfo@acme.com", True),
        ("infoo@acme.com", True),
        ("adimn@acme.com", True),
        ("contcat@acme.com", True),
        ("info@acme.com", False),  # the role mailbox itself
        ("sam@acme.com", False),  # too short to tell
        ("kevin@acme.com", False),
        ("dina@acme.com", False),
    ],
)
def test_role_mailbox_slip(email, slip):
    assert resolution.role_mailbox_slip(email) is slip


def test_a_mistyped_role_mailbox_is_no_mailbox_of_ones_own():
    sean = _colleague("per_1", "SEAN", "NGUYEN", phones={"6195280002"}, emails={"sean@hillgrill.com"})
    copy = _colleague("per_2", "SEAN", "NGUYEN", phones={"6196294785"}, emails={"ivfo@hillgrill.com"})
    assert gamma(sean, copy)[0]["email"] is None
    assert _guard(sean, copy) is None
    # a desk mailbox that names nobody still marks a namesake with contacts of their own
    other = _colleague("per_3", "SEAN", "NGUYEN", phones={"6196294785"}, emails={"frontdesk@hillgrill.com"})
    assert _guard(sean, other) == "COLLEAGUE_OWN_CONTACTS"


@pytest.mark.parametrize(
    ("name", "x", "y", "level"),
    [
        (("KEITH", "WEBB"), "kwebb@hillgrill.com", "kweb@hillgrill.com", 1),  # four letters, one still names him
        (("KIMBERLY", "GOMEZ"), "kgomez@hillgrill.com", "komez@hillgrill.com", 1),
        (("ANN", "WEBB"), "ann1@hillgrill.com", "ann2@hillgrill.com", 0),  # both name ANN: two people
        (("KEITH", "WEBB"), "kwebb@hillgrill.com", "kwel@hillgrill.com", 0),  # two slips
    ],
)
def test_a_short_mistyped_name_built_mailbox(name, x, y, level):
    named = person("per_1", *name, emails={x})
    copy = person("per_2", "", name[1], emails={y})
    assert gamma(named, copy)[0]["email"] == level


@pytest.mark.parametrize(
    ("a", "b", "b_zip", "email", "code"),
    [
        # one handle in one ZIP: a replaced first name beside a lost surname, or two records that lost each a name
        (("EBPONY", ""), ("JOSHUA", "WHITE"), "06630", "p7166687@gmail.com", None),
        (("JASMY", ""), ("", "SEEHUSESN"), "06630", "p7166687@gmail.com", None),
        (("", "ARVANITAKIS"), ("LOCHLAN", "MALOR"), "06630", "p7166687@gmail.com", None),
        # another ZIP: nothing but the handle
        (("EBPONY", ""), ("JOSHUA", "WHITE"), "06637", "p7166687@gmail.com", "NAMES_DISAGREE"),
        # a mailbox that names one of them may be a household's
        (("EBPONY", ""), ("JOSHUA", "WHITE"), "06630", "joshuawhite@gmail.com", "NAMES_DISAGREE"),
    ],
)
def test_a_handle_in_one_zip_outweighs_names_a_record_lost(a, b, b_zip, email, code):
    x = person("per_1", *a, state="NY", zip5="06630", emails={email})
    y = person("per_2", *b, state="NY", zip5=b_zip, emails={email})
    assert _guard(x, y) == code


@pytest.mark.parametrize(
    ("email", "code"),
    [
        # NADRE is two letters from NATE (NATHAN), but the record's own mailbox names an A. GREENE: another colleague
        ("agreene@gomezwelding.com", "COLLEAGUE_FIRST_NAME"),
        ("andre@gomezwelding.com", "COLLEAGUE_FIRST_NAME"),
        # a mailbox that fits NATHAN, or a free-mail one (maybe a household's), leaves the garbled name his
        ("ngreene@gomezwelding.com", None),
        ("nate@gomezwelding.com", None),
        ("agreene@gmail.com", None),
    ],
)
def test_a_garbled_first_name_is_not_the_others_when_its_own_mailbox_names_someone_else(email, code):
    nathan = _colleague("per_1", "NATHAN", "GREENE")
    garbled = _colleague("per_2", "NADRE", "GREENE", phones={"9499303389"}, emails={email})
    assert _guard(nathan, garbled) == code
    assert _guard(garbled, nathan) == code


@pytest.mark.parametrize(
    ("a", "b", "key"),
    [
        ("MOLLY", "MARY", "MOLLY"),
        ("SALLY", "SARAH", "SALLY"),
        ("MANDY", "AMANDA", "MIRANDA"),  # MANDY's key stays the one its first group (MIRANDA) gives it
        ("PACO", "FRANCISCO", "PACO"),
        ("RANDY", "RANDALL", "RANDY"),
    ],
)
def test_more_nicknames_count_when_names_are_compared_not_in_blocking_keys(a, b, key):
    assert nicknames.equivalent(a, b)
    assert resolution.first_name_score(a, b) == 1.0
    # a name's blocking key is stored with resolved personas: the new groups leave it as it was
    assert nicknames.canonical(a) == key
    assert nicknames.canonical(b) == b
    x = _colleague("per_1", a, "SMITH")
    y = _colleague("per_2", b, "SMITH")
    assert _guard(x, y) is None
    # the same pair in another state with nothing in common stays two namesakes
    far = person("per_3", b, "SMITH", state="CA", zip5="94110")
    assert _guard(person("per_1", a, "SMITH"), far) == "NAMESAKE_ELSEWHERE"
    assert not nicknames.equivalent(a, "JOHN")
