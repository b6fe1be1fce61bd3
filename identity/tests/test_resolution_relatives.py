"""Relatives and colleagues at one office who look like one person's copies: a father and son each in his own post,
a household's free-mail handle, a mailbox spelling only an initial, a two-word surname in a mailbox."""

from dataclasses import replace

import pytest

from identity.resolution import gamma, guard, mailbox_names_nobody, plan, title_key
from identity.tests.test_resolution import AUTO, _at


def _office(pid, first, last, *, phone="2175370566", emails=(), title="", **kw):
    return _at(
        pid, first, last, business="PINNACLE BUILDERS", street="1503 FRONT AVE", zip5="62704", city="SPRINGFIELD",
        phone=phone, emails=frozenset(emails), titles=(title_key(title),) if title else (), **kw,
    )  # fmt: skip


def _guard(a, b):
    levels, _ = gamma(a, b)
    return guard(a, b, levels)


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
