"""One rule of US phone validity: stage 2, the skip-trace adapter and the SMS adapter agree on every case."""

import phonenumbers
import pytest

from ingestion.normalizers import normalize_phone as stage2_phone
from leads.skiptrace.adapter import normalize_phone as skiptrace_phone
from messaging.sms.numbers import ten_digits as sms_phone
from usdatabiz.core.phones import US_AREA_CODES, US_REGIONS, us_phone, valid_us_digits

CASES = [
    ("5125550143", "5125550143"),
    ("(512) 555-0143", "5125550143"),
    ("512.555.0143", "5125550143"),
    ("+1 512 555 0143", "5125550143"),
    ("1-512-555-0143", "5125550143"),
    ("787-555-0143", "7875550143"),  # Puerto Rico
    ("671 555 0143", "6715550143"),  # Guam
    ("800-555-0143", "8005550143"),  # toll-free
    ("416-555-0143", None),  # Toronto: country code 1, not the US
    ("876-555-0143", None),  # Jamaica
    ("911-555-0143", None),  # N11 area code
    ("112-555-0143", None),  # area code starting 1
    ("512-155-0143", None),  # exchange starting 1
    ("2222222222", None),  # ten times the same digit
    ("512555014", None),  # 9 digits
    ("251255501430", None),  # 12 digits
    ("", None),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_one_rule_for_stage_2_skip_trace_and_sms(raw, expected):
    assert us_phone(raw) == expected
    assert stage2_phone(raw) == expected
    assert skiptrace_phone(raw) == expected
    assert sms_phone(raw) == expected


def test_the_area_codes_are_those_the_phone_library_places_in_the_us_and_its_territories():
    found = set()
    for npa in range(200, 1000):
        code = str(npa)
        if code[1:] == "11":
            continue
        for exchange in ("555", "234", "456", "789", "867", "321"):
            number = phonenumbers.parse(f"+1{code}{exchange}0143")
            if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) in US_REGIONS:
                found.add(code)
    assert found == set(US_AREA_CODES)


def test_none_and_booleans_are_not_phones():
    assert us_phone(None) is None
    assert us_phone(True) is None
    assert valid_us_digits("15125550143") == "5125550143"
