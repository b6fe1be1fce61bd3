"""One rule of US phone validity, used by stage 2 (normalization), the skip-trace adapter and the SMS adapter.

A US phone is 10 digits (a leading country code 1 is dropped) of a NANP number whose area code belongs to the US
or its territories (PR, VI, GU, AS, MP): area code and exchange start 2-9, the area code is not N11, and the
number is not ten times the same digit. Canadian and Caribbean area codes share country code 1 and are refused.

``US_AREA_CODES`` is the set of area codes that libphonenumber 9.0.43 places in those regions (geographic,
toll-free and non-geographic); ``tests/test_phones.py`` checks it against the installed library.
"""

from __future__ import annotations

import re
from typing import Any

US_REGIONS = frozenset({"US", "PR", "VI", "GU", "AS", "MP"})

US_AREA_CODES = frozenset(
    (
        "201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 220 223 224 225 227 228 229 231 234 235 "
        "239 240 248 251 252 253 254 256 260 262 267 269 270 272 274 276 279 281 283 301 302 303 304 305 307 308 309 "
        "310 312 313 314 315 316 317 318 319 320 321 323 324 325 326 327 329 330 331 332 334 336 337 339 340 341 346 "
        "347 350 351 352 353 360 361 363 364 369 380 385 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 "
        "419 423 424 425 430 432 434 435 440 442 443 445 447 448 458 463 464 469 470 472 475 478 479 480 484 500 501 "
        "502 503 504 505 507 508 509 510 512 513 515 516 517 518 520 521 522 523 524 525 526 527 528 529 530 531 532 "
        "533 534 539 540 541 544 551 557 559 561 562 563 564 566 567 570 571 572 573 574 575 577 580 582 585 586 588 "
        "601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 628 629 630 631 636 640 641 645 "
        "646 650 651 656 657 659 660 661 662 667 669 670 671 678 680 681 682 686 689 701 702 703 704 706 707 708 712 "
        "713 714 715 716 717 718 719 720 724 725 726 727 728 730 731 732 734 737 738 740 743 747 748 754 757 760 762 "
        "763 765 769 770 771 772 773 774 775 779 781 785 786 787 800 801 802 803 804 805 806 808 810 812 813 814 815 "
        "816 817 818 820 821 826 828 830 831 832 833 835 838 839 840 843 844 845 847 848 850 854 855 856 857 858 859 "
        "860 862 863 864 865 866 870 872 877 878 888 900 901 903 904 906 907 908 909 910 912 913 914 915 916 917 918 "
        "919 920 925 928 929 930 931 934 936 937 938 939 940 941 943 945 947 948 949 951 952 954 956 959 970 971 972 "
        "973 975 978 979 980 983 984 985 986 989 "
    ).split()
)


def _written_pattern() -> str:
    """The rule as a regular expression over how a number is written (ECMAScript-compatible, for a schema)."""
    areas = "|".join(sorted(US_AREA_CODES))
    sep = "[-. ]?"
    same = "|".join(  # ten times the same digit, in an area code that exists (888)
        rf"\(?{code}\)?{sep}{code}{sep}{code[0] * 4}" for code in sorted(US_AREA_CODES) if len(set(code)) == 1
    )
    country = r"(?:\+?1" + sep + ")?"
    area = rf"(?:\((?:{areas})\)|(?:{areas}))"
    refuse = rf"(?!{country}(?:{same})$)" if same else ""
    return rf"^{refuse}{country}{area}{sep}[2-9][0-9]{{2}}{sep}[0-9]{{4}}$"


# The written forms the API takes: 10 digits, optionally led by 1 or +1, grouped by "-", "." or " ", the area code
# optionally in parentheses. Whatever matches is a number ``us_phone`` accepts (``tests/test_phones.py``).
US_PHONE_PATTERN = _written_pattern()

_NANP = re.compile(r"[2-9](?!11)\d\d[2-9]\d{6}")
_NON_DIGITS = re.compile(r"\D+")


def valid_us_digits(digits: str) -> str | None:
    """Return the 10-digit US number from a string of digits (optionally led by 1), or None when it is not one."""
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10 or not _NANP.fullmatch(digits) or digits.count(digits[0]) == 10:
        return None
    return digits if digits[:3] in US_AREA_CODES else None


def us_phone(value: Any) -> str | None:
    """Return the 10-digit US number of a value with any formatting (spaces, dots, dashes, +1), or None."""
    if value is None or isinstance(value, bool):
        return None
    return valid_us_digits(_NON_DIGITS.sub("", str(value)))
