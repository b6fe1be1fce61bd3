"""Relatives and colleagues at one office who look like one person's copies: a father and son each in his own post,
a household's free-mail handle, a mailbox spelling only an initial, a two-word surname in a mailbox."""

from dataclasses import replace

import pytest

from identity.resolution import gamma, guard, mailbox_names_nobody, office_proof, plan, title_key
from identity.tests.test_resolution import AUTO, _at, _offices, _smiths


def _office(pid, first, last, *, phone="2175370566", emails=(), title="", **kw):
    return _at(
        pid, first, last, business="PINNACLE BUILDERS", street="1503 FRONT AVE", zip5="62704", city="SPRINGFIELD",
        phone=phone, emails=frozenset(emails), titles=(title_key(title),) if title else (), **kw,
    )  # fmt: skip


def _guard(a, b):
    levels, _ = gamma(a, b)
    return guard(a, b, levels)


# ADAM HARDY on the office line, and a record of the same name on a mobile with a mailbox.
OWN_PHONE_AND_POST = [
    # (title a, title b, mobile b, mailbox b, mailbox a, guard)
    ("Owner", "Director of Operations", "2173489865", "adam.hardy@pinnacle.com", "", "COLLEAGUE_OWN_POST"),
    ("Administrative Assistant", "Project Manager", "2173489865", "ahardy77@gmail.com", "", "COLLEAGUE_OWN_POST"),
    # two mailboxes of one person's shapes, but two posts with only MANAGER in common (Project / Practice)
    ("Project Manager", "Practice Manager", "2173489865", "ahardy@pin.com", "adam.hardy@pin.com", "COLLEAGUE_OWN_POST"),
    # one post kept: the same title, a promotion keeping its words, or a title unknown on one record
    ("Owner", "Owner", "2173489865", "adam.hardy@pinnacle.com", "", None),
    ("Vice President", "President", "2173489865", "adam.hardy@pinnacle.com", "", None),
    ("Owner", "", "2173489865", "adam.hardy@pinnacle.com", "", None),
    # a digit mistyped is the same phone; the office line shared is a colleague's or the same person's
    ("Owner", "Director of Operations", "2175370567", "adam.hardy@pinnacle.com", "", None),
    ("Owner", "Director of Operations", "2175370566", "adam.hardy@pinnacle.com", "", None),
    # no mailbox on either record: nothing but a phone and a title to go by
    ("Owner", "Director of Operations", "2173489865", "", "", None),
]


@pytest.mark.parametrize(
    ("zip_b", "street_b", "expected"),
    [
        ("", "1503 FRONT AVE", "COLLEAGUE_OWN_POST"),  # the office written without its ZIP is the same office
        ("62704", "1503 FRONT AVE", "COLLEAGUE_OWN_POST"),
        ("", "88 MILL RD", "OFFICE_NAME_ONLY"),  # another street: the other-office rules decide
    ],
)
def test_one_name_with_a_post_of_its_own_at_the_office_written_without_its_zip(zip_b, street_b, expected):
    # given ALDO CARRILLO, sales representative with his mailbox, and a manager of his name on another phone
    rep = _office("per_1", "ALDO", "CARRILLO", emails=["aldo@montenegro.com"], title="Sales Representative")
    manager = _office("per_2", "ALDO", "CARRILLO", phone="2173489865", title="Manager")
    manager = replace(manager, zip5=zip_b, addresses=(f"{street_b}|{zip_b}",))
    # when the guards judge the pair, then the ZIP missing from one record does not hide the office they share
    assert _guard(rep, manager) == expected
    assert _guard(manager, rep) == expected


@pytest.mark.parametrize(("title_a", "title_b", "phone_b", "email_b", "email_a", "expected"), OWN_PHONE_AND_POST)
def test_one_name_at_one_office_with_a_phone_and_a_post_of_its_own_waits_for_review(
    title_a, title_b, phone_b, email_b, email_a, expected
):
    # given ADAM HARDY at one office, and a second record of his name with the phone, post and mailbox given
    father = _office("per_1", "ADAM", "HARDY", emails=[email_a] if email_a else (), title=title_a)
    son = _office("per_2", "ADAM", "HARDY", phone=phone_b, emails=[email_b] if email_b else (), title=title_b)
    # when the guards judge the pair, then a father and son each in his own post are not merged automatically
    assert _guard(father, son) == expected
    assert _guard(son, father) == expected


def test_a_father_and_son_in_posts_of_their_own_go_to_review_not_merged():
    # given a father on the office line and a son of his name on his own mobile and mailbox, in another post
    father = _office("per_1", "ADAM", "HARDY", title="Owner")
    son = _office("per_2", "ADAM", "HARDY", phone="2173489865", emails=["adam.hardy@pinnacle.com"], title="Estimator")
    # when a run plans them, then they wait for a person with the guard named
    result = plan([father, son], auto_threshold=0.0, review_threshold=0.0)
    assert result.merges == []
    assert [reasons["guard"] for *_, reasons in result.reviews] == ["COLLEAGUE_OWN_POST"]


FAMILY_HANDLE = [
    # (first b, phone b, shared mailbox, guard)
    ("KATHLEEN", "9738619429", "the4539@gmail.com", "COLLEAGUE_FIRST_NAME"),  # a household's handle, two given names
    ("KATHLEEN", "8629200215", "the4539@gmail.com", None),  # the same phone besides: one person's key
    ("KSTHQN", "9738619429", "the4539@gmail.com", None),  # a first name garbled into no name: the key holds
    ("KATHLEEN", "9738619429", "the4539@bakerclinic.com", None),  # a company's mailbox is one person's
]


@pytest.mark.parametrize(("first_b", "phone_b", "email", "expected"), FAMILY_HANDLE)
def test_a_free_mail_handle_shared_by_two_given_names_at_one_office_is_a_households(first_b, phone_b, email, expected):
    # given JOSHUA BAKER and a record of another first name at his office on one handle naming nobody
    a = _office("per_1", "JOSHUA", "BAKER", phone="8629200215", emails=[email], title="Physician")
    b = _office("per_2", first_b, "BAKER", phone=phone_b, emails=[email], title="Physician")
    # when the guards judge the pair, then two given names on a family's handle stay two people
    assert _guard(a, b) == expected


INITIAL_MAILBOX = [
    # (first a, first b, shared mailbox, guard)
    ("MICHAEL", "MICHELLE", "mbrown@sacauto.com", "COLLEAGUE_FIRST_NAME"),  # fits both: two given names
    ("MICHAEL", "MICHELLE", "michelle.brown@sacauto.com", None),  # her own mailbox: a record's error
    ("MICHAEL", "M", "mbrown@sacauto.com", None),  # an initial fits the mailbox's owner
]


@pytest.mark.parametrize(("first_a", "first_b", "email", "expected"), INITIAL_MAILBOX)
def test_a_mailbox_spelling_an_initial_excuses_no_close_spelling_of_another_name(first_a, first_b, email, expected):
    # given two BROWNs at one office on one phone and one work mailbox
    a = _office("per_1", first_a, "BROWN", emails=[email], title="Service Manager")
    b = _office("per_2", first_b, "BROWN", emails=[email], title="Chief Executive Officer")
    # when the guards judge the pair, then MBROWN@ does not make MICHAEL and MICHELLE one person
    assert _guard(a, b) == expected


INITIAL_NAMES_ANOTHER = [
    # (mailbox of the initial's record, guard)
    ("gabriela_oliver@americanfab.com", "COLLEAGUE_FIRST_NAME"),  # GABRIELA is not GABRIEL
    ("gabriel.oliver@americanfab.com", None),  # his own mailbox
    ("gabe@americanfab.com", None),  # a nickname of his
    ("goliver@americanfab.com", None),  # an initial says nothing
    ("gabriela_oliver@gmail.com", None),  # a free-mail mailbox may be a household's
]


@pytest.mark.parametrize(("email", "expected"), INITIAL_NAMES_ANOTHER)
def test_an_initial_on_a_work_mailbox_naming_another_given_name_is_not_the_colleague(email, expected):
    # given GABRIEL OLIVER on the office line, and G / OLIVER on the same line with a work mailbox of its own
    gabriel = _office("per_1", "GABRIEL", "OLIVER", emails=["gabriel@americanfab.com"], title="Owner")
    initial = _office("per_2", "G", "OLIVER", emails=[email], title="Owner")
    # when the guards judge the pair, then a mailbox spelling GABRIELA tells the record from GABRIEL's
    assert _guard(gabriel, initial) == expected
    assert _guard(initial, gabriel) == expected


@pytest.mark.parametrize(
    ("email", "names_nobody"),
    [
        ("mvandyke@aol.com", False),
        ("the.vandyke12@aol.com", False),
        ("vandykefam@aol.com", False),
        ("p7535@aol.com", True),
    ],
)
def test_a_mailbox_holding_a_two_word_surname_without_its_space_names_the_person(email, names_nobody):
    # given MELISSA VAN DYKE and JORDAN VAN DYKE
    a = _office("per_1", "MELISSA", "VAN DYKE")
    b = replace(a, id="per_2", first="JORDAN")
    # when a mailbox is read for names, then VANDYKE in it is their surname
    assert mailbox_names_nobody(email, a, b) is names_nobody


def test_a_couple_on_a_mailbox_spelling_a_two_word_surname_stays_two_people():
    # given a couple at one office on one free-mail mailbox built from the wife's name, each on a phone of their own
    a = _office("per_1", "MELISSA", "VAN DYKE", phone="3136824447", emails=["mvandyke@aol.com"], title="Controller")
    b = _office("per_2", "JORDAN", "VAN DYKE", phone="3136356114", emails=["mvandyke@aol.com"], title="Controller")
    # when the guards judge the pair, then the mailbox is no key that outweighs two first names
    assert _guard(a, b) == "COLLEAGUE_FIRST_NAME"
    assert plan([a, b], auto_threshold=AUTO, review_threshold=0.0).merges == []


OWN_SPELLING_AND_POST = [
    # (first b, mailbox b, title b, guard)
    ("SARAH", "swilliamsnelson@metrosupply.com", "Owner", "COLLEAGUE_OWN_POST"),  # two spellings, two posts
    ("SARAH", "swilliamsnelson@metrosupply.com", "Office Manager", None),  # one post: a copy's spelling
    ("SARA", "swilliamsnelson@metrosupply.com", "Owner", None),  # one spelling: the copy changed mailbox and post
    ("SARAH", "sara@metrosupply.com", "Owner", None),  # one mailbox
]


@pytest.mark.parametrize(("first_b", "email_b", "title_b", "expected"), OWN_SPELLING_AND_POST)
def test_two_spellings_of_a_first_name_each_with_a_mailbox_and_post_of_its_own_wait_for_review(
    first_b, email_b, title_b, expected
):
    # given SARA WILLIAMS NELSON, office manager on the office line with her mailbox at the company
    a = _office("per_1", "SARA", "WILLIAMS NELSON", emails=["sara@metrosupply.com"], title="Office Manager")
    b = _office("per_2", first_b, "WILLIAMS NELSON", emails=[email_b], title=title_b)
    # when the guards judge the pair, then SARAH with a mailbox and a post of her own is another colleague
    assert _guard(a, b) == expected


def test_a_nickname_with_its_own_mailbox_and_post_is_left_to_the_model():
    # given KENNETH PATEL and KENNY PATEL on the office line, each with a mailbox and a title (a copy may write either)
    a = _office("per_1", "KENNETH", "PATEL", emails=["kenneth.patel@sandoval.com"], title="Managing Partner")
    b = _office("per_2", "KENNY", "PATEL", emails=["kpatel@sandoval.com"], title="Project Manager")
    # when the guards judge the pair, then no guard holds them apart
    assert _guard(a, b) is None


def test_a_name_slipped_beside_another_phone_and_post_is_left_to_the_model():
    # given DONNA LEBLANC and a record of DONNA LBLANC at her office on another phone, in another post
    a = _office("per_1", "DONNA", "LEBLANC", emails=["donna.leblanc@pioneer.com"], title="Co-Founder")
    b = _office("per_2", "DONNA", "LBLANC", phone="6019632243", title="Controller")
    # when the guards judge the pair, then a record slipped in its name is a copy by hand: no post guard holds it
    assert _guard(a, b) is None


SHORT_NAME_NAMES_ANOTHER = [
    # (first of the short record, its mailbox, guard)
    ("SANDY", "alexandra.del@lthfreight.com", "COLLEAGUE_FIRST_NAME"),  # SANDY stands for ALEXANDRA here
    ("SANDY", "alexander.del@lthfreight.com", None),  # his own mailbox
    ("SANDY", "sandy@lthfreight.com", None),  # the nickname itself says nothing more
    ("SANDY", "adeltoro@lthfreight.com", None),  # an initial and the surname fit both
    ("ALEX", "alexandra.del@lthfreight.com", "COLLEAGUE_FIRST_NAME"),  # another nickname of both
    ("SANDY", "alexandra.del@gmail.com", None),  # a free-mail mailbox beside one post may be a household's
]


@pytest.mark.parametrize(("first", "email", "expected"), SHORT_NAME_NAMES_ANOTHER)
def test_a_nickname_of_two_names_on_a_mailbox_spelling_the_other_is_not_the_colleague(first, email, expected):
    # given ALEXANDER DEL TORO on the office line, and a record holding a nickname and a mailbox of its own
    alexander = _office("per_1", "ALEXANDER", "DEL TORO", title="President")
    short = _office("per_2", first, "DEL TORO", emails=[email], title="President")
    # when the guards judge the pair, then the mailbox reads the nickname as the given name it spells
    assert _guard(alexander, short) == expected
    assert _guard(short, alexander) == expected


OWN_HOME_MAILBOX = [
    # (mailbox of the initial's record, title of the initial's record, mailbox of KELLY, guard)
    ("kenneth.vega@comcast.net", "Operations Manager", "kvega@gmail.com", "COLLEAGUE_FIRST_NAME"),
    ("kenneth.vega@comcast.net", "Project Manager", "kvega@gmail.com", None),  # one post: maybe a household's box
    ("kenneth.vega@comcast.net", "Operations Manager", "", None),  # KELLY holds no mailbox of her own
    ("kenneth4068@comcast.net", "Operations Manager", "kvega@gmail.com", None),  # no surname: a family's handle
    ("kelly.vega@comcast.net", "Operations Manager", "kvega@gmail.com", None),  # her own name
]


@pytest.mark.parametrize(("email", "title", "email_kelly", "expected"), OWN_HOME_MAILBOX)
def test_an_initial_on_a_home_mailbox_spelling_another_whole_name_beside_another_post(
    email, title, email_kelly, expected
):
    # given KELLY VEGA, project manager on the office line, and K / VEGA on the same line with a home mailbox
    kelly = _office("per_1", "KELLY", "VEGA", emails=[email_kelly] if email_kelly else (), title="Project Manager")
    initial = _office("per_2", "K", "VEGA", emails=[email], title=title)
    # when the guards judge the pair, then a home mailbox spelling KENNETH VEGA in another post is not KELLY's record
    assert _guard(kelly, initial) == expected
    assert _guard(initial, kelly) == expected


GARBLED_ON_ANOTHER_NAME = [
    # (mailbox of the garbled record, guard)
    ("christina.davis@torresplumbing.com", "COLLEAGUE_FIRST_NAME"),  # CHRISTINA is not CHRISTIAN, a letter apart
    ("christian.davis@torresplumbing.com", None),  # his own mailbox: his record garbled
    ("cdavis@torresplumbing.com", None),  # an initial fits both
]


@pytest.mark.parametrize(("email", "expected"), GARBLED_ON_ANOTHER_NAME)
def test_a_garbled_first_name_on_a_mailbox_spelling_a_name_a_letter_from_the_colleagues(email, expected):
    # given CHRISTIAN DAVIS on the office line with a home mailbox, and CHIRSTINA DAVIS with a work mailbox
    christian = _office("per_1", "CHRISTIAN", "DAVIS", emails=["cdavis@gmail.com"], title="Chief Financial Officer")
    garbled = _office("per_2", "CHIRSTINA", "DAVIS", emails=[email], title="Manager")
    # when the guards judge the pair, then the mailbox reads CHIRSTINA as CHRISTINA, another given name
    assert _guard(christian, garbled) == expected
    assert _guard(garbled, christian) == expected


FAMILY_HANDLE_READ = [
    # (first a, first b, shared handle, guard)
    ("M", "STACEY", "michael4068@gmail.com", "COLLEAGUE_FIRST_NAME"),  # M is the MICHAEL the handle spells
    ("PAULL", "JONATHAN", "the7504@gmail.com", "COLLEAGUE_FIRST_NAME"),  # PAULL is PAUL with a letter doubled
    ("M", "STACEY", "the7504@gmail.com", None),  # an initial beside a handle naming nobody: anyone's
    ("PXQLL", "JONATHAN", "the7504@gmail.com", None),  # garbled beyond a letter: maybe the handle owner's
]


@pytest.mark.parametrize(("first_a", "first_b", "email", "expected"), FAMILY_HANDLE_READ)
def test_a_family_handle_reads_an_initial_or_a_doubled_letter_as_a_given_name(first_a, first_b, email, expected):
    # given two DIMAGGIOs at one office, each on a phone of their own, on one free-mail handle
    a = _office("per_1", first_a, "DIMAGGIO", phone="9044696040", emails=[email], title="Attorney")
    b = _office("per_2", first_b, "DIMAGGIO", phone="9043903514", emails=[email], title="Office Manager")
    # when the guards judge the pair, then the handle is the household's and outweighs no first name
    assert _guard(a, b) == expected
    assert _guard(b, a) == expected


OWN_WORK_MAILBOXES = [
    # (mailbox at the first office, mailbox at the second, proof)
    ("otis.beauman@acme.com", "obeauman@acme.com", None),  # a mailbox of their own each: a second OTIS BEAUMAN
    ("otis.beauman@acme.com", "otis.beauman@acme.com", "e-mail"),  # one mailbox kept through a move
    ("otis.beauman@acme.com", "", "rare surname"),  # a mailbox on one record only says where it works
    ("otis.beauman@acme.com", "otis.beuman@acme.com", "e-mail"),  # one slip of the same mailbox
    ("otis.beauman@acme.com", "toisb@acme.com", "rare surname"),  # a garbled mailbox naming nobody
    ("otis.beauman@acme.com", "obeauman@gmail.com", "rare surname"),  # a home mailbox is anyone's
]


@pytest.mark.parametrize(("email_a", "email_b", "proof"), OWN_WORK_MAILBOXES)
def test_a_work_mailbox_of_their_own_at_each_office_outweighs_a_rare_surname(email_a, email_b, proof):
    # given OTIS BEAUMAN, a rare name, at two offices of one company with the mailboxes given
    austin, dallas = _offices(first="OTIS", last="BEAUMAN", emails_a={email_a}, emails_b={email_b} if email_b else ())
    # when the other-office proof is read, then two work mailboxes of their own make two employees of the name
    levels, _ = gamma(austin, dallas)
    assert office_proof(austin, dallas, levels, _smiths()) == proof


@pytest.mark.parametrize(
    ("email_b", "proof"),
    [
        ("jenniferb@acme.com", None),  # the surname's initial added: the company's second JENNIFER BEAUMAN
        ("bjennifer@acme.com", None),  # the initial before the name
        ("jenniferx@acme.com", "e-mail"),  # another letter added is a slip of her mailbox
        ("jennifer@acme.com", "e-mail"),  # her mailbox kept through a move
    ],
)
def test_a_first_name_mailbox_and_the_same_with_the_surnames_initial_are_two_employees_at_two_offices(email_b, proof):
    # given JENNIFER H BEAUMAN on jennifer@ at one office, and her name at another office with the mailbox given
    austin, dallas = _offices(first="JENNIFER H", last="BEAUMAN", emails_a={"jennifer@acme.com"}, emails_b={email_b})
    # when the other-office proof is read, then JENNIFERB@ is no slip of JENNIFER@ but a second employee's mailbox
    levels, _ = gamma(austin, dallas)
    assert office_proof(austin, dallas, levels, _smiths()) == proof
