"""An independent probe for stage 3 (identity resolution): a corrupted contact list with its truth.

    python bench/geco_probe.py OUT.csv --rows 5000 [--seed 21] [--truth truth.csv] [--dup-share 0.25]
    python bench/geco_probe.py --check [--rows 5000] [--seed 21]

Writes a USDataBiz-style CSV of business contacts and, with ``--truth``, a truth file
``source_record_id,entity_id,probe`` (the data row's 1-based number, the real person, and a hard-negative tag
or ""). It is built the way public record-linkage benchmarks are built (FEBRL, and the GeCo generator and
corruptor of Christen and Vatsalan), without reading the project's own generators or matching rules:

- Originals: businesses of 1-12 contacts (most have one to three) in real US cities with real ZIP codes and
  area codes; the office line is shared by colleagues, a quarter of the contacts give their own mobile instead.
  Names follow skewed frequencies (Faker's en_US tables carry US census weights; Hispanic and Asian surnames
  are weighted by hand so that GARCIA, HERNANDEZ, NGUYEN, KIM and PATEL are common), with two-word and
  hyphenated surnames, JR/SR/III in the last name, middle initials and two-word Hispanic first names.
  E-mail is a work address at the company's domain, a free-mail address, or empty.
- Duplicates (``--dup-share`` of the rows): 1-3 copies of an earlier person, each with 1-3 corruptions drawn
  independently: keyboard typos, OCR confusions and phonetic variants of a name, missing cells, first and last
  name swapped, an initial or a nickname for the first name, e-mail and phone variants (new provider, work
  instead of personal, new mobile, digit typo, another format, an extension), address variants (abbreviations,
  a move, ZIP+4, a ZIP typo, the state in full, a city typo), company variants (legal suffix, punctuation,
  "The", abbreviations, a typo) or a new employer, a promotion, an ALL CAPS or lower-case row, stray spaces.
  Copies never sit next to a row of the same person.
- Hard negatives (about 10% of the rows), each a different person tagged with the person it must not be merged
  with: ``colleague:<entity>`` (same business, office phone and address; same initial, a close name such as
  CHRISTIAN/CHRISTINA, a relative with the same surname, or a son with the father's full name with or without
  JR and his own mobile and e-mail), ``namesake:<entity>`` (the same or nearly the same full name at a
  business in another city), ``household:<entity>`` (a spouse or relative at the same home address with the
  same surname, sometimes the same free-mail box) and ``officemate:<entity>`` (the same full name at another
  branch of the same chain, sharing its name and web domain). Copies of a hard negative keep its tag.

Every phone number is a valid NANP number (real area code, exchange 2-9, never 555), so the importer keeps
every row; ``--check`` verifies that with the ``phonenumbers`` package.

What it does NOT model (read the figures with this in mind):
- No rows the importer rejects (bad phones, empty rows, broken CSV quoting); that is stage 2's test.
- Names are Latin-script ASCII: no accents (JOSÉ), no non-Latin names, no name order other than first/last,
  no maiden-name changes after marriage; a nickname is taken from one fixed table (ALEX may stand for
  ALEXANDER or ALEXANDRA), and gender is only used to pick first names, fathers and spouses.
- Corruptions are independent draws; real lists have correlated errors (a whole vendor file in capitals, one
  clerk's habits) and duplicates from the same source tend to share them.
- Cities come from a fixed table of about 60 real cities; streets and companies are invented from word lists,
  so street numbers and names do not exist at those ZIPs. The ZIP is real for the city, not for the street.
- No twins, no two unrelated people with the same name at the same address, no shared role mailboxes
  (info@, sales@) used by several people, no person with two jobs at once; a hard negative has exactly one
  target even where it resembles others by chance (common names make accidental namesakes, which the truth
  correctly keeps apart but does not tag).
- A household that shares a free-mail box gets it on both people's records, so the target's own e-mail is
  replaced by the family box; the same holds for its copies.
- Rates are plausible guesses, not measured on real USDataBiz files; name frequencies are skewed the right
  way (SMITH, JOHNSON, GARCIA first; MICHAEL, DAVID, JOSE, MARIA first) but not calibrated to the census,
  and namesakes and officemates copy common names on purpose, which makes those names commoner still.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import itertools
import random
import re
import string
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from faker.providers.person.en_US import Provider as UsNames
from faker.providers.person.es_MX import Provider as MxNames

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import HEADER  # noqa: E402  (the USDataBiz columns, in their order)

TRUTH_HEADER = ["source_record_id", "entity_id", "probe"]
COLUMN = {name: i for i, name in enumerate(HEADER)}

HARD_NEGATIVE_SHARE = 0.10
HARD_NEGATIVE_KINDS = {"colleague": 0.40, "namesake": 0.28, "household": 0.17, "officemate": 0.15}

# ---------------------------------------------------------------------------------------------------------------
# Places: real cities with real ZIP codes and area codes, weighted roughly by the size of their business base.
# (city, state, weight, area codes, ZIP codes)
CITIES = [
    ("New York", "NY", 9, ("212", "646", "917"), ("10001", "10011", "10016", "10018", "10022", "10036")),
    ("Brooklyn", "NY", 4, ("718", "347"), ("11201", "11211", "11215", "11220")),
    ("Los Angeles", "CA", 8, ("213", "310", "323"), ("90012", "90017", "90024", "90036", "90045")),
    ("Chicago", "IL", 7, ("312", "773", "872"), ("60601", "60606", "60611", "60614", "60622")),
    ("Houston", "TX", 6, ("713", "281", "832"), ("77002", "77006", "77019", "77056", "77098")),
    ("Phoenix", "AZ", 4, ("602", "480", "623"), ("85003", "85004", "85012", "85016")),
    ("Philadelphia", "PA", 4, ("215", "267"), ("19103", "19106", "19107", "19147")),
    ("San Antonio", "TX", 4, ("210",), ("78205", "78209", "78216")),
    ("San Diego", "CA", 4, ("619", "858"), ("92101", "92103", "92108", "92121")),
    ("Dallas", "TX", 5, ("214", "469", "972"), ("75201", "75204", "75219", "75225")),
    ("Austin", "TX", 4, ("512", "737"), ("78701", "78702", "78704", "78731", "78758")),
    ("San Jose", "CA", 3, ("408", "669"), ("95110", "95113", "95125")),
    ("Jacksonville", "FL", 3, ("904",), ("32202", "32207", "32256")),
    ("Columbus", "OH", 3, ("614",), ("43215", "43201", "43214")),
    ("Columbus", "GA", 1, ("706",), ("31901", "31904")),
    ("Charlotte", "NC", 3, ("704", "980"), ("28202", "28203", "28277")),
    ("Indianapolis", "IN", 3, ("317",), ("46204", "46220", "46240")),
    ("Seattle", "WA", 4, ("206",), ("98101", "98104", "98109", "98121")),
    ("Denver", "CO", 4, ("303", "720"), ("80202", "80203", "80206", "80231")),
    ("Nashville", "TN", 3, ("615", "629"), ("37201", "37203", "37211")),
    ("Boston", "MA", 4, ("617", "857"), ("02108", "02110", "02116", "02210")),
    ("Portland", "OR", 3, ("503", "971"), ("97201", "97204", "97209", "97232")),
    ("Portland", "ME", 1, ("207",), ("04101", "04102")),
    ("Las Vegas", "NV", 3, ("702",), ("89101", "89109", "89117", "89123")),
    ("Atlanta", "GA", 5, ("404", "470", "678"), ("30303", "30305", "30309", "30326")),
    ("Miami", "FL", 4, ("786",), ("33130", "33131", "33137", "33156")),
    ("Minneapolis", "MN", 3, ("612",), ("55401", "55402", "55408", "55414")),
    ("Kansas City", "MO", 2, ("816",), ("64105", "64106", "64111")),
    ("Omaha", "NE", 2, ("402",), ("68102", "68114", "68124")),
    ("Raleigh", "NC", 2, ("919", "984"), ("27601", "27603", "27609", "27615")),
    ("Tampa", "FL", 3, ("813",), ("33602", "33606", "33609")),
    ("Orlando", "FL", 3, ("407", "321"), ("32801", "32803", "32819")),
    ("Salt Lake City", "UT", 2, ("801", "385"), ("84101", "84102", "84111")),
    ("Milwaukee", "WI", 2, ("414",), ("53202", "53203", "53211")),
    ("Louisville", "KY", 2, ("502",), ("40202", "40204", "40207")),
    ("Oklahoma City", "OK", 2, ("405",), ("73102", "73103", "73112")),
    ("Detroit", "MI", 2, ("313",), ("48201", "48207", "48226")),
    ("Pittsburgh", "PA", 2, ("412",), ("15213", "15219", "15222")),
    ("St. Louis", "MO", 2, ("314",), ("63101", "63103", "63110")),
    ("Sacramento", "CA", 2, ("916",), ("95814", "95816", "95825")),
    ("New Orleans", "LA", 2, ("504",), ("70112", "70115", "70130")),
    ("Boise", "ID", 1, ("208",), ("83702", "83706")),
    ("Birmingham", "AL", 1, ("205",), ("35203", "35205", "35209")),
    ("Springfield", "IL", 1, ("217",), ("62701", "62702", "62704")),
    ("Springfield", "MO", 1, ("417",), ("65802", "65804", "65806")),
    ("Fresno", "CA", 1, ("559",), ("93721", "93704", "93710")),
    ("El Paso", "TX", 2, ("915",), ("79901", "79902", "79912")),
    ("Tucson", "AZ", 2, ("520",), ("85701", "85705", "85719")),
    ("Richmond", "VA", 2, ("804",), ("23219", "23220", "23230")),
    ("Hartford", "CT", 1, ("860",), ("06103", "06105", "06106")),
    ("Newark", "NJ", 2, ("973", "862"), ("07102", "07104", "07105")),
    ("Baltimore", "MD", 2, ("410", "443"), ("21201", "21202", "21224")),
    ("Cleveland", "OH", 2, ("216",), ("44113", "44114", "44115")),
    ("Cincinnati", "OH", 2, ("513",), ("45202", "45206", "45219")),
    ("Honolulu", "HI", 1, ("808",), ("96813", "96814", "96815")),
    ("Fort Worth", "TX", 2, ("817", "682"), ("76102", "76107", "76109")),
    ("Arlington", "TX", 1, ("817",), ("76010", "76011", "76013")),
    ("Arlington", "VA", 1, ("703", "571"), ("22201", "22202", "22209")),
    ("Scottsdale", "AZ", 1, ("480",), ("85251", "85254", "85260")),
    ("Irvine", "CA", 1, ("949",), ("92602", "92612", "92618")),
]
CITY_WEIGHTS = list(itertools.accumulate(c[2] for c in CITIES))

STATE_NAMES = {
    "AL": "Alabama", "AZ": "Arizona", "CA": "California", "CO": "Colorado", "CT": "Connecticut",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "KY": "Kentucky", "LA": "Louisiana", "MA": "Massachusetts", "MD": "Maryland", "ME": "Maine",
    "MI": "Michigan", "MN": "Minnesota", "MO": "Missouri", "NC": "North Carolina", "NE": "Nebraska",
    "NJ": "New Jersey", "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia", "WA": "Washington",
    "WI": "Wisconsin",
}  # fmt: skip

STREET_NAMES = [
    "Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Park", "Lake", "Hill", "Pine", "Church", "Market",
    "Broad", "First", "Second", "Third", "Fourth", "Fifth", "Madison", "Jefferson", "Lincoln", "Franklin",
    "Congress", "Commerce", "Industrial", "Airport", "Sunset", "Mission", "Cypress", "Spring", "Highland",
    "Ridge", "Walnut", "Chestnut", "Jackson", "Center", "Union", "Grand", "Front", "River", "College",
    "University", "Peachtree", "Colonial", "Meridian", "Lamar", "Kirby", "Westheimer", "Wilshire", "Michigan",
    "Ventura", "Preston", "Magnolia", "Willow", "Dogwood", "Cherry", "Sycamore", "Hickory", "Adams", "Monroe",
    "Martin Luther King Jr", "Cesar Chavez", "Camino Real", "Old Mill", "Tech Ridge", "Research",
]  # fmt: skip
# Full form -> short forms seen in lists.
STREET_TYPES = {
    "Street": ("St", "St."), "Avenue": ("Ave", "Ave.", "Av"), "Boulevard": ("Blvd", "Blvd."),
    "Road": ("Rd", "Rd."), "Drive": ("Dr", "Dr."), "Lane": ("Ln",), "Parkway": ("Pkwy",), "Way": ("Wy",),
    "Court": ("Ct",), "Place": ("Pl",), "Highway": ("Hwy",), "Circle": ("Cir",),
}  # fmt: skip
STREET_TYPE_WEIGHTS = [30, 22, 10, 12, 12, 3, 4, 3, 2, 2, 3, 1]
DIRECTIONS = {"North": "N", "South": "S", "East": "E", "West": "W"}
UNIT_WORDS = {"Suite": ("Ste", "Ste.", "#", "STE"), "Unit": ("#",), "Floor": ("Fl",)}

# SIC code, words for a company name, typical titles beyond the common ones.
INDUSTRIES = [
    ("1731", ("Electric", "Electrical Contractors", "Electrical Services"), ("Estimator", "Master Electrician")),
    ("1711", ("Plumbing", "Heating & Air", "Mechanical"), ("Service Manager", "Dispatcher")),
    ("1521", ("Construction", "Builders", "Homes", "Contracting"), ("Project Manager", "Superintendent")),
    ("5812", ("Grill", "Cafe", "Kitchen", "Restaurant", "Bistro"), ("General Manager", "Chef")),
    ("6531", ("Realty", "Properties", "Real Estate", "Property Management"), ("Broker", "Realtor")),
    ("8111", ("Law Group", "Law Offices", "Legal", "Attorneys"), ("Partner", "Paralegal", "Attorney")),
    ("8021", ("Dental", "Family Dentistry", "Dental Care"), ("Dentist", "Practice Manager")),
    ("8011", ("Medical Group", "Family Medicine", "Clinic", "Health"), ("Physician", "Practice Manager")),
    ("7371", ("Software", "Technologies", "Systems", "Digital", "Labs"), ("CTO", "Software Engineer")),
    ("8721", ("CPA", "Accounting", "Tax Services", "Bookkeeping"), ("CPA", "Tax Manager")),
    ("7538", ("Auto Repair", "Automotive", "Collision", "Auto Service"), ("Service Manager", "Technician")),
    ("6411", ("Insurance Agency", "Insurance", "Insurance Services"), ("Agent", "Account Manager")),
    ("4213", ("Trucking", "Logistics", "Freight", "Transport"), ("Dispatcher", "Fleet Manager")),
    ("7349", ("Cleaning Services", "Janitorial", "Maintenance"), ("Supervisor", "Account Manager")),
    ("0782", ("Landscaping", "Lawn Care", "Tree Service"), ("Crew Leader", "Estimator")),
    ("8742", ("Consulting", "Advisors", "Partners", "Associates"), ("Principal", "Senior Consultant")),
    ("5411", ("Market", "Foods", "Grocery"), ("Store Manager", "Buyer")),
    ("7231", ("Salon", "Beauty", "Hair Studio"), ("Stylist", "Salon Manager")),
    ("3599", ("Machine Works", "Manufacturing", "Fabrication", "Industries"), ("Plant Manager", "Engineer")),
    ("5087", ("Supply", "Distributors", "Wholesale"), ("Purchasing Manager", "Buyer")),
    ("8712", ("Architects", "Design Group", "Architecture"), ("Architect", "Principal")),
    ("7011", ("Hotel", "Inn", "Suites"), ("General Manager", "Front Desk Manager")),
]
COMMON_TITLES = [
    ("Owner", 14), ("President", 10), ("CEO", 5), ("Vice President", 5), ("General Manager", 5),
    ("Office Manager", 7), ("Operations Manager", 5), ("Sales Manager", 5), ("Account Executive", 4),
    ("Controller", 2), ("CFO", 2), ("Marketing Director", 3), ("HR Manager", 3), ("Project Manager", 3),
    ("Bookkeeper", 3), ("Administrative Assistant", 4), ("Sales Representative", 5), ("Director of Operations", 2),
    ("IT Manager", 2), ("Purchasing Manager", 2), ("Partner", 2), ("Manager", 3), ("", 4),
]  # fmt: skip
PROMOTIONS = {
    "Sales Representative": "Sales Manager", "Sales Manager": "Director of Sales",
    "Account Executive": "Senior Account Executive", "Account Manager": "Senior Account Manager",
    "Project Manager": "Senior Project Manager", "Operations Manager": "Director of Operations",
    "Director of Operations": "COO", "Vice President": "President", "Office Manager": "Operations Manager",
    "Administrative Assistant": "Office Manager", "Bookkeeper": "Controller", "Controller": "CFO",
    "Manager": "General Manager", "General Manager": "Vice President", "Estimator": "Chief Estimator",
    "Technician": "Lead Technician", "Software Engineer": "Senior Software Engineer", "Agent": "Agency Owner",
    "Partner": "Managing Partner", "Associate": "Partner", "Realtor": "Broker", "Paralegal": "Office Manager",
}  # fmt: skip

COMPANY_SUFFIXES = ["Inc", "Inc.", "LLC", "Corp", "Co.", "Company", "Group", "LLP", "PC", "PLLC", ""]
COMPANY_SUFFIX_WEIGHTS = [16, 8, 22, 4, 3, 3, 3, 1, 1, 1, 20]
SUFFIX_VARIANTS = [
    ("Inc", "Inc.", "Incorporated", "INC", ""), ("LLC", "L.L.C.", "Llc", ""), ("Corp", "Corp.", "Corporation", ""),
    ("Co.", "Co", "Company", ""), ("Company", "Co.", "Co", ""), ("LLP", "L.L.P."), ("PC", "P.C."),
    ("PLLC", "P.L.L.C."),
]  # fmt: skip
WORD_ABBREVIATIONS = {
    "Associates": "Assoc.", "Services": "Svcs", "International": "Intl", "Manufacturing": "Mfg",
    "Brothers": "Bros", "Construction": "Constr.", "Management": "Mgmt", "Incorporated": "Inc",
    "Distributors": "Dist.", "Technologies": "Tech", "Corporation": "Corp", "Company": "Co",
    "Mountain": "Mtn", "National": "Natl", "Saint": "St.", "Center": "Ctr", "Medical": "Med.",
}  # fmt: skip
COMPANY_WORDS = [
    "Summit", "Pinnacle", "Heritage", "Liberty", "Eagle", "Pioneer", "Frontier", "Keystone", "Cornerstone",
    "Premier", "Allied", "United", "Legacy", "Horizon", "Evergreen", "Blue Ridge", "Lone Star", "Golden State",
    "Gulf Coast", "Midwest", "Patriot", "Apex", "Sterling", "Atlas", "Beacon", "Coastal", "Capital", "Metro",
    "Precision", "Quality", "Reliable", "Superior", "Advanced", "American", "National", "First Choice",
]  # fmt: skip
TLDS = ["com"] * 14 + ["net", "net", "biz", "us", "co", "org"]
FREE_MAIL = [("gmail.com", 40), ("yahoo.com", 22), ("hotmail.com", 10), ("aol.com", 8), ("outlook.com", 8),
             ("icloud.com", 5), ("comcast.net", 3), ("att.net", 2), ("sbcglobal.net", 2)]  # fmt: skip

# Hispanic and Asian names with hand-set weights (the es_MX tables have none; Asian names are rare in en_US).
HISPANIC_LAST = {
    "Garcia": 60, "Rodriguez": 52, "Martinez": 50, "Hernandez": 50, "Lopez": 45, "Gonzalez": 44, "Perez": 32,
    "Sanchez": 31, "Ramirez": 29, "Torres": 25, "Flores": 24, "Rivera": 24, "Gomez": 22, "Diaz": 21,
    "Reyes": 18, "Morales": 17, "Cruz": 16, "Ortiz": 15, "Gutierrez": 15, "Chavez": 14, "Ramos": 13,
    "Ruiz": 12, "Mendoza": 12, "Alvarez": 12, "Castillo": 11, "Jimenez": 11, "Vasquez": 10, "Moreno": 10,
    "Romero": 10, "Herrera": 10, "Medina": 9, "Aguilar": 9, "Vargas": 9, "Guzman": 8, "De La Cruz": 6,
    "De La Rosa": 4, "De Leon": 5, "Del Rio": 3, "De Jesus": 4, "Villanueva": 4, "Espinoza": 6, "Salazar": 6,
}  # fmt: skip
HISPANIC_FIRST_MALE = {
    "Jose": 45, "Juan": 35, "Luis": 30, "Carlos": 30, "Jorge": 20, "Miguel": 20, "Francisco": 18, "Antonio": 18,
    "Jesus": 16, "Alejandro": 12, "Manuel": 12, "Pedro": 10, "Ricardo": 9, "Roberto": 9, "Eduardo": 9,
    "Fernando": 8, "Javier": 8, "Raul": 7, "Oscar": 7, "Ignacio": 4, "Enrique": 6, "Mario": 7, "Rafael": 6,
    "Jose Luis": 8, "Juan Carlos": 7, "Miguel Angel": 5, "Gabriel": 6, "Guillermo": 4, "Hector": 6,
}  # fmt: skip
HISPANIC_FIRST_FEMALE = {
    "Maria": 42, "Ana": 20, "Rosa": 14, "Guadalupe": 12, "Carmen": 12, "Patricia": 10, "Laura": 10,
    "Claudia": 8, "Veronica": 8, "Gabriela": 7, "Adriana": 7, "Leticia": 6, "Martha": 6, "Elena": 5,
    "Maria Elena": 6, "Maria Guadalupe": 4, "Ana Maria": 4, "Dolores": 3, "Consuelo": 2, "Mercedes": 3,
    "Yolanda": 5, "Silvia": 5, "Alejandra": 6, "Daniela": 6, "Sofia": 4, "Antonia": 3, "Francisca": 2,
}  # fmt: skip
ASIAN_LAST = {
    "Nguyen": 14, "Tran": 10, "Le": 10, "Pham": 10, "Kim": 16, "Lee": 14, "Park": 12, "Patel": 18, "Shah": 8,
    "Chen": 18, "Wang": 15, "Li": 12, "Zhang": 8, "Liu": 8, "Huang": 7, "Wong": 9, "Singh": 12, "Kumar": 7,
    "Choi": 5, "Yang": 6, "Wu": 6, "Chang": 6, "Lin": 6, "Tanaka": 2, "Nakamura": 2, "Vo": 4, "Hoang": 4,
}  # fmt: skip
ASIAN_FIRST = {
    "David": 10, "Michael": 10, "Jennifer": 8, "Kevin": 8, "Linda": 5, "Tony": 4, "Minh": 6, "Thanh": 4,
    "Hoa": 3, "Anh": 4, "Wei": 5, "Jian": 2, "Li": 2, "Priya": 4, "Raj": 4, "Sanjay": 3, "Amit": 3,
    "Neha": 3, "Ji-Hoon": 2, "Soo": 2, "Hyun": 2, "Jason": 6, "Grace": 5, "Amy": 6, "Vivian": 3,
}  # fmt: skip
OTHER_LAST = {
    "O'Brien": 6, "O'Connor": 5, "McDonald": 6, "McCarthy": 4, "Van Buren": 1, "Van Dyke": 2, "St. John": 2,
    "MacKenzie": 2, "D'Angelo": 2, "Smith-Jones": 1, "Johnson-Lee": 1, "Garcia-Lopez": 2, "Dubois": 1,
    "O'Neil": 3, "McCoy": 3, "McKenzie": 2, "DiMaggio": 1, "LaFleur": 1, "Van Der Berg": 1, "LeBlanc": 3,
    "St. Clair": 1, "De Luca": 1, "Del Toro": 1, "McLaughlin": 2, "O'Donnell": 2, "DeMarco": 1, "Van Horn": 1,
    "MacDonald": 2, "Fitzgerald": 3, "D'Souza": 1, "Al-Hassan": 1, "Ben-David": 1, "Mc Cann": 1,
}  # fmt: skip
NAME_SUFFIXES = ["Jr", "Jr.", "Sr", "II", "III"]

NICKNAMES = {
    "Robert": ("Bob", "Rob", "Bobby"), "William": ("Bill", "Will", "Billy"), "Elizabeth": ("Liz", "Beth", "Betty"),
    "Jose": ("Pepe", "Chepe"), "Richard": ("Rick", "Rich", "Dick"), "James": ("Jim", "Jimmy", "Jamie"),
    "John": ("Jack", "Johnny"), "Michael": ("Mike",), "Thomas": ("Tom", "Tommy"), "Joseph": ("Joe", "Joey"),
    "Charles": ("Chuck", "Charlie"), "Christopher": ("Chris",), "Daniel": ("Dan", "Danny"), "Matthew": ("Matt",),
    "Anthony": ("Tony",), "Donald": ("Don",), "Steven": ("Steve",), "Stephen": ("Steve",),
    "Edward": ("Ed", "Eddie", "Ted"), "Kenneth": ("Ken", "Kenny"), "Ronald": ("Ron",), "Timothy": ("Tim",),
    "Jeffrey": ("Jeff",), "Joshua": ("Josh",), "Andrew": ("Andy", "Drew"), "Benjamin": ("Ben",),
    "Samuel": ("Sam",), "Nicholas": ("Nick",), "Alexander": ("Alex",), "Jonathan": ("Jon",),
    "Gregory": ("Greg",), "Raymond": ("Ray",), "Patrick": ("Pat",), "Frederick": ("Fred",),
    "Lawrence": ("Larry",), "Gerald": ("Jerry",), "Douglas": ("Doug",), "Philip": ("Phil",), "Peter": ("Pete",),
    "Francisco": ("Paco", "Pancho"), "Jesus": ("Chuy",), "Guadalupe": ("Lupe",), "Ignacio": ("Nacho",),
    "Alejandro": ("Alex",), "Eduardo": ("Lalo",), "Enrique": ("Kike",), "Margaret": ("Peggy", "Maggie", "Meg"),
    "Katherine": ("Kate", "Kathy", "Katie"), "Catherine": ("Cathy", "Cate"), "Jennifer": ("Jenny", "Jen"),
    "Patricia": ("Pat", "Patty", "Trish"), "Susan": ("Sue", "Susie"), "Deborah": ("Deb", "Debbie"),
    "Rebecca": ("Becky",), "Kimberly": ("Kim",), "Jessica": ("Jess",), "Victoria": ("Vicky", "Tori"),
    "Christina": ("Tina",), "Cynthia": ("Cindy",), "Pamela": ("Pam",), "Barbara": ("Barb",),
    "Dorothy": ("Dot",), "Virginia": ("Ginny",), "Abigail": ("Abby",), "Samantha": ("Sam",),
    "Alexandra": ("Alex", "Sandy"), "Theresa": ("Terri", "Tess"), "Melissa": ("Missy",), "Judith": ("Judy",),
    "Dolores": ("Lola",), "Consuelo": ("Chelo",), "Mercedes": ("Meche",), "Rosario": ("Chayo",),
    "Gabriela": ("Gaby",), "Manuel": ("Manny",), "Roberto": ("Beto",), "Alberto": ("Beto",),
    "Guillermo": ("Memo",), "Ricardo": ("Ricky",), "Zachary": ("Zach",), "Nathaniel": ("Nate",),
    "Frances": ("Fran",), "Jacqueline": ("Jackie",), "Stephanie": ("Steph",), "Kathleen": ("Kathy",),
}  # fmt: skip
NICKNAME_OF = {nick: formal for formal, nicks in NICKNAMES.items() for nick in nicks}

# Different people whose first names differ by a letter or two (for colleagues).
CLOSE_NAMES = [
    ("Christian", "Christina"), ("Daniel", "Danielle"), ("Michael", "Michelle"), ("Eric", "Erica"),
    ("Paul", "Paula"), ("Joseph", "Josephine"), ("Robert", "Roberta"), ("Gabriel", "Gabriela"),
    ("Francisco", "Francisca"), ("Julian", "Juliana"), ("Carl", "Carla"), ("Adrian", "Adriana"),
    ("Antonio", "Antonia"), ("Mario", "Maria"), ("Dean", "Deana"), ("Francis", "Frances"), ("Gene", "Jean"),
    ("Jesse", "Jessie"), ("Marc", "Marco"), ("Brian", "Brianna"), ("Alexander", "Alexandra"), ("Joel", "Noel"),
]  # fmt: skip
CLOSE_NAME_OF = {a: b for a, b in CLOSE_NAMES} | {b: a for a, b in CLOSE_NAMES}
# The same name written another way (for namesakes that are nearly identical).
SPELLINGS = [
    ("Steven", "Stephen"), ("Jon", "John"), ("Sara", "Sarah"), ("Catherine", "Katherine"), ("Jeffrey", "Geoffrey"),
    ("Brian", "Bryan"), ("Eric", "Erik"), ("Ann", "Anne"), ("Carl", "Karl"), ("Philip", "Phillip"),
    ("Allen", "Alan"), ("Teresa", "Theresa"), ("Smith", "Smyth"), ("Thompson", "Thomson"),
    ("Peterson", "Petersen"), ("Gray", "Grey"), ("Reid", "Reed"), ("Myers", "Meyers"), ("Hansen", "Hanson"),
    ("Gonzalez", "Gonzales"), ("Rodriguez", "Rodrigues"), ("Nguyen", "Nguyễn"),
]  # fmt: skip
SPELLING_OF = {a: b for a, b in SPELLINGS if b.isascii()} | {b: a for a, b in SPELLINGS if b.isascii()}

QWERTY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
KEY_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(QWERTY_ROWS):
    for _c, _key in enumerate(_row):
        _near = [_row[i] for i in (_c - 1, _c + 1) if 0 <= i < len(_row)]
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(QWERTY_ROWS):
                _near += [QWERTY_ROWS[_other][i] for i in (_c - 1, _c, _c + 1) if 0 <= i < len(QWERTY_ROWS[_other])]
        KEY_NEIGHBOURS[_key] = "".join(_near)

# Optical confusions (both directions) and sound-alike spellings, as (seen, written instead).
OCR_PAIRS = [("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("w", "vv"), ("l", "1"), ("i", "l"),
             ("l", "I"), ("o", "0"), ("s", "5"), ("b", "8"), ("e", "c"), ("h", "b"), ("n", "ri"),
             ("g", "q")]  # fmt: skip
PHONETIC_PAIRS = [
    ("ph", "f"), ("f", "ph"), ("ck", "k"), ("k", "ck"), ("c", "k"), ("k", "c"), ("s", "z"), ("z", "s"),
    ("ie", "y"), ("y", "ie"), ("ey", "y"), ("kn", "n"), ("wr", "r"), ("gh", ""), ("th", "t"), ("ll", "l"),
    ("l", "ll"), ("tt", "t"), ("t", "tt"), ("nn", "n"), ("n", "nn"), ("ss", "s"), ("r", "rr"), ("rr", "r"),
    ("son", "sen"), ("sen", "son"), ("ei", "ie"), ("ie", "ei"), ("ou", "ow"), ("ch", "sh"), ("v", "b"),
    ("b", "v"), ("j", "h"), ("ll", "y"), ("qu", "k"), ("x", "ks"), ("ee", "ea"), ("ai", "ay"),
]  # fmt: skip

CORRUPTIONS = {
    # kind: weight of being drawn for one corruption of a copy
    "name_typo": 14, "name_ocr": 4, "name_phonetic": 7, "missing": 12, "name_swap": 3, "first_initial": 4,
    "nickname": 8, "email": 9, "phone": 10, "address": 10, "company": 9, "new_employer": 4, "title": 5,
    "case": 5, "whitespace": 4,
}  # fmt: skip
CORRUPTION_KINDS = list(CORRUPTIONS)
CORRUPTION_CUM = list(itertools.accumulate(CORRUPTIONS.values()))


# ---------------------------------------------------------------------------------------------------------------
@dataclass
class Business:
    name: str
    dba: str
    office: tuple[str, str, str]  # area, exchange, line
    street: str
    city_index: int
    zip: str
    domain: str
    website: str
    employees: str
    revenue: str
    founded: str
    sic: str
    industry: int
    phone_style: int
    contacts: list[Person] = field(default_factory=list)
    branches: int = 0


@dataclass
class Person:
    entity: str
    first: str
    last: str
    title: str
    business: Business
    email: str = ""
    personal_email: str = ""
    mobile: tuple[str, str, str] | None = None
    uses_mobile: bool = False
    probe: str = ""
    kind: str = "original"
    male: bool = True
    home: tuple[str, int, str] | None = None  # street, city index, zip when it is not the business address


@dataclass
class Probe:
    """The generated list: data rows in file order, and what each is."""

    rows: list[list[str]]
    entities: list[str]
    probes: list[str]
    kinds: list[str]  # original | duplicate | hard:<kind>
    counts: Counter


def _weighted_table(table: dict[str, float]) -> tuple[list[str], list[float]]:
    names = list(table)
    return names, list(itertools.accumulate(table.values()))


US_FIRST_MALE = _weighted_table(UsNames.first_names_male)
US_FIRST_FEMALE = _weighted_table(UsNames.first_names_female)
US_LAST = _weighted_table(UsNames.last_names)
HISPANIC_LAST_T = _weighted_table(
    HISPANIC_LAST | {n: 2.0 for n in MxNames.last_names if n.isascii() and n not in HISPANIC_LAST}
)
HISPANIC_MALE_T = _weighted_table(
    HISPANIC_FIRST_MALE | {n: 1.5 for n in MxNames.first_names_male if n.isascii() and " " not in n}
)
HISPANIC_FEMALE_T = _weighted_table(
    HISPANIC_FIRST_FEMALE | {n: 1.5 for n in MxNames.first_names_female if n.isascii() and " " not in n}
)
ASIAN_LAST_T = _weighted_table(ASIAN_LAST)
ASIAN_FIRST_T = _weighted_table(ASIAN_FIRST)
OTHER_LAST_T = _weighted_table(OTHER_LAST)
COMMON_LAST = (
    {n for n, _ in itertools.islice(UsNames.last_names.items(), 40)}
    | {n for n, w in HISPANIC_LAST.items() if w >= 20}
    | {"Nguyen", "Kim", "Lee", "Patel"}
)
COMMON_FIRST = {"John", "James", "Michael", "Robert", "David", "William", "Mary", "Jennifer", "Maria", "Jose",
                "Juan", "Linda", "Patricia", "Elizabeth", "Richard", "Joseph", "Thomas", "Charles",
                "Susan"}  # fmt: skip


def _pick(rng: random.Random, table: tuple[list[str], list[float]]) -> str:
    names, cum = table
    return names[bisect.bisect_right(cum, rng.random() * cum[-1])]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _recase(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    if original.islower():
        return new.lower()
    if original[:1].isupper() and new:
        return new[0].upper() + new[1:]
    return new


def format_phone(number: tuple[str, str, str], style: int, extension: str = "") -> str:
    a, e, line = number
    text = [
        f"({a}) {e}-{line}", f"{a}-{e}-{line}", f"{a}.{e}.{line}", f"{a}{e}{line}", f"+1 {a} {e} {line}",
        f"1-{a}-{e}-{line}", f"+1 ({a}) {e}-{line}", f"{a} {e} {line}", f"+1{a}{e}{line}",
    ][style]  # fmt: skip
    return f"{text} x{extension}" if extension else text


PHONE_STYLE_WEIGHTS = list(itertools.accumulate([34, 26, 10, 10, 6, 4, 4, 4, 2]))


class _Maker:
    """Holds the random source and the people made so far; every choice goes through ``self.rng``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.next_entity = 0
        self.used_domains: set[str] = set()
        self.used_numbers: set[tuple[str, str, str]] = set()

    # -- small draws -------------------------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def city(self) -> int:
        return bisect.bisect_right(CITY_WEIGHTS, self.rng.random() * CITY_WEIGHTS[-1])

    def other_city(self, index: int, same_state: bool = False) -> int:
        for _ in range(50):
            other = self.city()
            if other != index and (not same_state or CITIES[other][1] == CITIES[index][1]):
                return other
        return (index + 1) % len(CITIES)

    def phone_style(self) -> int:
        return bisect.bisect_right(PHONE_STYLE_WEIGHTS, self.rng.random() * PHONE_STYLE_WEIGHTS[-1])

    def number(self, city_index: int, roaming: float = 0.0) -> tuple[str, str, str]:
        rng = self.rng
        if rng.random() < roaming:
            city_index = self.city()
        while True:
            area = rng.choice(CITIES[city_index][3])
            exchange = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
            if exchange[1:] == "11" or exchange in ("555", "950", "958", "959", "976"):
                continue
            number = (area, exchange, f"{rng.randint(0, 9999):04d}")
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def street(self) -> str:
        rng = self.rng
        number = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                                 rng.randint(10000, 29999)]))  # fmt: skip
        parts = [number]
        if rng.random() < 0.15:
            parts.append(rng.choice(list(DIRECTIONS)))
        parts.append(rng.choice(STREET_NAMES))
        street_type = rng.choices(list(STREET_TYPES), STREET_TYPE_WEIGHTS)[0]
        parts.append(street_type if rng.random() < 0.55 else STREET_TYPES[street_type][0])
        text = " ".join(parts)
        roll = rng.random()
        if roll < 0.22:
            text += f", Suite {rng.choice([rng.randint(100, 950), rng.randint(1, 40)])}"
        elif roll < 0.27:
            text += f" Ste {rng.randint(100, 500)}"
        elif roll < 0.30:
            text += f" #{rng.randint(1, 300)}"
        return text

    def entity(self) -> str:
        self.next_entity += 1
        return f"E{self.next_entity:06d}"

    # -- names -------------------------------------------------------------------------------------------------
    def name(self) -> tuple[str, str, bool]:
        """(first, last, male) with US frequencies."""
        rng = self.rng
        male = rng.random() < 0.52
        roll = rng.random()
        if roll < 0.68:
            first = _pick(rng, US_FIRST_MALE if male else US_FIRST_FEMALE)
            last = _pick(rng, US_LAST)
        elif roll < 0.87:
            first = _pick(rng, HISPANIC_MALE_T if male else HISPANIC_FEMALE_T)
            last = _pick(rng, HISPANIC_LAST_T)
            if rng.random() < 0.06:
                last = f"{last} {_pick(rng, HISPANIC_LAST_T)}"
            elif rng.random() < 0.03:
                last = f"{last}-{_pick(rng, HISPANIC_LAST_T)}"
        elif roll < 0.94:
            first = _pick(rng, ASIAN_FIRST_T)
            last = _pick(rng, ASIAN_LAST_T)
            male = first in ("David", "Michael", "Kevin", "Tony", "Minh", "Wei", "Jian", "Raj", "Sanjay", "Amit",
                             "Ji-Hoon", "Hyun", "Jason")  # fmt: skip
        else:
            first = _pick(rng, US_FIRST_MALE if male else US_FIRST_FEMALE)
            last = _pick(rng, OTHER_LAST_T)
            if rng.random() < 0.45:
                last = f"{_pick(rng, US_LAST)}-{_pick(rng, US_LAST)}"
        roll = rng.random()
        if roll < 0.05:
            first = f"{first} {rng.choice(string.ascii_uppercase)}{rng.choice(['', '.'])}"
        elif roll < 0.06:
            first = f"{first[0]}. {_pick(rng, US_FIRST_MALE if male else US_FIRST_FEMALE)}"
        if male and rng.random() < 0.035:
            last = f"{last} {rng.choice(NAME_SUFFIXES)}"
        return first, last, male

    def first_name(self, male: bool) -> str:
        return _pick(self.rng, US_FIRST_MALE if male else US_FIRST_FEMALE)

    # -- businesses --------------------------------------------------------------------------------------------
    def business(self, city_index: int | None = None, size: int | None = None) -> Business:
        rng = self.rng
        if city_index is None:
            city_index = self.city()
        industry = rng.randrange(len(INDUSTRIES))
        sic, words, _ = INDUSTRIES[industry]
        word = rng.choice(words)
        surname = _pick(rng, US_LAST) if rng.random() < 0.75 else _pick(rng, HISPANIC_LAST_T)
        city = CITIES[city_index][0]
        roll = rng.random()
        if roll < 0.30:
            base = f"{surname} {word}"
        elif roll < 0.42:
            base = f"{surname} & {_pick(rng, US_LAST)}"
            if rng.random() < 0.5:
                base += f" {word}"
        elif roll < 0.60:
            base = f"{rng.choice(COMPANY_WORDS)} {word}"
        elif roll < 0.72:
            base = f"{city} {word}"
        elif roll < 0.78:
            base = f"The {surname} Group"
        elif roll < 0.82:
            base = f"{surname} Brothers {word}"
        elif roll < 0.86:
            base = f"{rng.choice(COMPANY_WORDS)} {word} Services"
        elif roll < 0.90:
            base = f"{surname} and Associates"
        else:
            initials = "".join(rng.choice("ABCDEGHJKLMPRST") for _ in range(rng.choice([2, 3])))
            base = f"{initials} {word}"
        suffix = rng.choices(COMPANY_SUFFIXES, COMPANY_SUFFIX_WEIGHTS)[0]
        if suffix == "Group" and "Group" in base:
            suffix = ""
        name = f"{base}, {suffix}" if suffix and rng.random() < 0.3 else f"{base} {suffix}".strip()
        slug = _slug(base.replace("The ", "").replace("&", "and"))[:24]
        domain = f"{slug}.{rng.choice(TLDS)}"
        n = 2
        while domain in self.used_domains:
            domain = f"{slug}{city.lower().replace(' ', '').replace('.', '')[: n + 2]}.com"
            n += 1
        self.used_domains.add(domain)
        website = rng.choice([f"www.{domain}", f"www.{domain}", domain, f"http://www.{domain}", f"https://{domain}",
                              ""])  # fmt: skip
        if size is None:
            size = rng.choices(range(1, 13), [40, 22, 13, 8, 5, 3.5, 2.5, 2, 1.5, 1, 0.8, 0.7])[0]
        employees = max(size, int(size * rng.choice([1, 1.5, 2, 3, 5, 10])))
        revenue = employees * rng.randint(60, 240) * 1000
        dba = ""
        if rng.random() < 0.12:
            dba = f"{surname} {rng.choice(words)}" if rng.random() < 0.5 else f"{city} {rng.choice(words)}"
        return Business(
            name=name,
            dba=dba,
            office=self.number(city_index),
            street=self.street(),
            city_index=city_index,
            zip=rng.choice(CITIES[city_index][4]),
            domain=domain,
            website=website,
            employees=str(employees) if rng.random() < 0.85 else "",
            revenue=(f"{revenue}" if rng.random() < 0.5 else f"${revenue:,}") if rng.random() < 0.75 else "",
            founded=str(rng.randint(1948, 2023)) if rng.random() < 0.7 else "",
            sic=sic if rng.random() < 0.9 else "",
            industry=industry,
            phone_style=self.phone_style(),
        )

    def title(self, business: Business) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return rng.choice(INDUSTRIES[business.industry][2])
        return rng.choices([t for t, _ in COMMON_TITLES], [w for _, w in COMMON_TITLES])[0]

    # -- e-mail ------------------------------------------------------------------------------------------------
    def work_email(self, first: str, last: str, domain: str, avoid: set[str] = frozenset()) -> str:
        f, la = _slug(first.split()[0]), _slug(last.split()[0]) or _slug(last)
        f = f or "x"
        for box in (
            self.rng.choice([f"{f}.{la}", f"{f}.{la}", f"{f[0]}{la}", f"{f}", f"{f}{la[:1]}", f"{f}_{la}"]),
            f"{f}.{la}",
            f"{f[0]}{la}",
            f"{f}{la}",
            f"{f}.{la}{self.rng.randint(2, 9)}",
        ):
            address = f"{box}@{domain}"
            if address not in avoid:
                return address
        return f"{f}.{la}{self.rng.randint(10, 99)}@{domain}"

    def free_email(self, first: str, last: str) -> str:
        rng = self.rng
        f, la = _slug(first.split()[0]) or "x", _slug(last)
        box = rng.choice([
            f"{f}.{la}", f"{f}{la}", f"{f[0]}{la}", f"{f}.{la}{rng.randint(1, 99)}",
            f"{f}{la}{rng.randint(1950, 2004)}",
            f"{f}_{la}{rng.randint(1, 999)}", f"{la}{f[0]}{rng.randint(1, 99)}", f"{f}{rng.randint(100, 9999)}",
        ])  # fmt: skip
        provider = rng.choices([p for p, _ in FREE_MAIL], [w for _, w in FREE_MAIL])[0]
        return f"{box}@{provider}"

    def person(self, business: Business, first: str, last: str, male: bool, kind: str = "original") -> Person:
        rng = self.rng
        p = Person(entity=self.entity(), first=first, last=last, title=self.title(business), business=business,
                   kind=kind, male=male)  # fmt: skip
        taken = {c.email for c in business.contacts}
        roll = rng.random()
        if roll < 0.55:
            p.email = self.work_email(first, last, business.domain, taken)
        elif roll < 0.80:
            p.personal_email = self.free_email(first, last)
            p.email = p.personal_email
        if rng.random() < 0.25:
            p.personal_email = p.personal_email or self.free_email(first, last)
        if rng.random() < 0.35:
            p.mobile = self.number(business.city_index, roaming=0.15)
            p.uses_mobile = rng.random() < 0.7 or not business.contacts
        business.contacts.append(p)
        return p

    # -- rendering ---------------------------------------------------------------------------------------------
    def render(self, p: Person) -> list[str]:
        b = p.business
        street, city_index, zip_code = p.home or (b.street, b.city_index, b.zip)
        city, state = CITIES[city_index][0], CITIES[city_index][1]
        if p.uses_mobile and p.mobile:
            phone = format_phone(p.mobile, b.phone_style if self.chance(0.5) else self.phone_style())
        else:
            phone = format_phone(b.office, b.phone_style, str(self.rng.randint(10, 350)) if self.chance(0.03) else "")
        return [b.name, b.dba, p.first, p.last, p.title, p.email, phone, street, city, state, zip_code, b.employees,
                b.revenue, b.founded, b.sic, b.website]  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# Corruptions of one copy. Each takes the maker, the row being corrupted and the person, and returns the kind it
# applied (which may differ from the one drawn when that one does not apply to this row).


def _typo(rng: random.Random, text: str) -> str:
    """One keyboard slip (insert, delete, substitute with a neighbouring key, transpose); keeps a leading capital."""
    new = _slip(rng, text)
    if text[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    return new


def _slip(rng: random.Random, text: str) -> str:
    if len(text) < 2:
        return text + rng.choice(string.ascii_lowercase) if text else text
    i = rng.randrange(len(text))
    ch = text[i]
    op = rng.choices(["insert", "delete", "substitute", "transpose"], [2, 3, 4, 3])[0]
    near = KEY_NEIGHBOURS.get(ch.lower(), string.ascii_lowercase)
    key = rng.choice(near)
    key = key.upper() if ch.isupper() else key
    if op == "insert":
        return text[: i + 1] + key + text[i + 1 :]
    if op == "delete" and len(text) > 2:
        return text[:i] + text[i + 1 :]
    if op == "transpose" and i + 1 < len(text) and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + key + text[i + 1 :]


def _replace_one(rng: random.Random, text: str, pairs: list[tuple[str, str]]) -> str | None:
    lower = text.lower()
    options = [(m.start(), seen, written) for seen, written in pairs for m in re.finditer(re.escape(seen), lower)]
    if not options:
        return None
    start, seen, written = rng.choice(options)
    if text[start : start + len(seen)].isupper() and written:
        written = written.upper() if len(seen) > 1 or start == 0 else written
    if start == 0 and written and text[:1].isupper():
        written = written[0].upper() + written[1:]
    return text[:start] + written + text[start + len(seen) :]


def _name_field(rng: random.Random, row: list[str]) -> int:
    first, last = COLUMN["First Name"], COLUMN["Last Name"]
    if not row[first]:
        return last
    if not row[last]:
        return first
    return last if rng.random() < 0.55 else first


def corrupt_name_typo(m: _Maker, row: list[str], p: Person) -> str:
    i = _name_field(m.rng, row)
    row[i] = _typo(m.rng, row[i])
    return "name_typo"


def corrupt_name_ocr(m: _Maker, row: list[str], p: Person) -> str:
    i = _name_field(m.rng, row)
    new = _replace_one(m.rng, row[i], OCR_PAIRS)
    if new is None:
        return corrupt_name_typo(m, row, p)
    row[i] = new
    return "name_ocr"


def corrupt_name_phonetic(m: _Maker, row: list[str], p: Person) -> str:
    i = _name_field(m.rng, row)
    new = _replace_one(m.rng, row[i], PHONETIC_PAIRS)
    if new is None or new == row[i]:
        return corrupt_name_typo(m, row, p)
    row[i] = new
    return "name_phonetic"


MISSING_FIELDS = ["Email", "Phone Number", "Street Address", "ZIP Code", "First Name", "Last Name"]
MISSING_WEIGHTS = [5, 3, 3, 3, 1.2, 0.6]


def corrupt_missing(m: _Maker, row: list[str], p: Person) -> str:
    column = m.rng.choices(MISSING_FIELDS, MISSING_WEIGHTS)[0]
    # Never both names: a row with no name is not a person for the importer.
    other = {"First Name": "Last Name", "Last Name": "First Name"}.get(column)
    if other and not row[COLUMN[other]]:
        column = "Email"
    row[COLUMN[column]] = ""
    return "missing"


def corrupt_name_swap(m: _Maker, row: list[str], p: Person) -> str:
    f, la = COLUMN["First Name"], COLUMN["Last Name"]
    row[f], row[la] = row[la], row[f]
    return "name_swap"


def corrupt_first_initial(m: _Maker, row: list[str], p: Person) -> str:
    f = COLUMN["First Name"]
    if not row[f]:
        return corrupt_missing(m, row, p)
    row[f] = row[f][0] + ("." if m.chance(0.4) else "")
    return "first_initial"


def corrupt_nickname(m: _Maker, row: list[str], p: Person) -> str:
    f = COLUMN["First Name"]
    head = p.first.split()[0]
    if head in NICKNAMES:
        row[f] = m.rng.choice(NICKNAMES[head])
    elif head in NICKNAME_OF:
        row[f] = NICKNAME_OF[head]
    else:
        return corrupt_name_phonetic(m, row, p)
    return "nickname"


def corrupt_email(m: _Maker, row: list[str], p: Person) -> str:
    rng, e = m.rng, COLUMN["Email"]
    current = row[e]
    if not current:
        row[e] = p.personal_email or m.work_email(p.first, p.last, p.business.domain)
        return "email"
    box, _, domain = current.partition("@")
    roll = rng.random()
    free = any(domain.lower() == d for d, _ in FREE_MAIL)
    if roll < 0.25:
        row[e] = rng.choice([current.upper(), current.capitalize(), ".".join(s.capitalize() for s in box.split("."))
                             + "@" + domain])  # fmt: skip
    elif roll < 0.50:
        row[e] = _typo(rng, box) + "@" + domain
    elif roll < 0.70 and free:
        others = [d for d, _ in FREE_MAIL if d != domain.lower()]
        row[e] = f"{box}@{rng.choice(others)}"
    elif free:
        row[e] = m.work_email(p.first, p.last, p.business.domain)
    else:
        row[e] = p.personal_email or m.free_email(p.first, p.last)
    return "email"


def corrupt_phone(m: _Maker, row: list[str], p: Person) -> str:
    rng, ph = m.rng, COLUMN["Phone Number"]
    number = p.mobile if p.uses_mobile and p.mobile else p.business.office
    roll = rng.random()
    extension = ""
    if roll < 0.25:
        number = m.number(p.business.city_index, roaming=0.2)  # a new mobile
    elif roll < 0.50:
        line = list(number[2])
        i = rng.randrange(4)
        line[i] = rng.choice([d for d in string.digits if d != line[i]])
        number = (number[0], number[1], "".join(line))
    elif roll < 0.65 and not p.uses_mobile:
        extension = str(rng.choice([rng.randint(10, 99), rng.randint(100, 450)]))
    row[ph] = format_phone(number, m.phone_style(), extension)
    return "phone"


def _toggle_abbreviation(rng: random.Random, street: str) -> str | None:
    options: list[tuple[str, str]] = []
    for full, shorts in STREET_TYPES.items():
        for short in shorts:
            options.append((rf"\b{full}\b", short))
            options.append((rf"\b{re.escape(short)}(?=\s|,|$)", full))
    for full, short in DIRECTIONS.items():
        options.append((rf"\b{full}\b", short))
    for full, shorts in UNIT_WORDS.items():
        for short in shorts:
            options.append((rf",? {full} ", f" {short} " if short != "#" else " #"))
    options.append((r",? (?:Ste\.?|#)\s?(\d+)", r", Suite \1"))
    applicable = [(pattern, repl) for pattern, repl in options if re.search(pattern, street)]
    if not applicable:
        return None
    pattern, repl = rng.choice(applicable)
    return re.sub(pattern, repl, street, count=1)


def corrupt_address(m: _Maker, row: list[str], p: Person) -> str:
    rng = m.rng
    st, ci, sa, z = COLUMN["Street Address"], COLUMN["City"], COLUMN["State"], COLUMN["ZIP Code"]
    roll = rng.random()
    if roll < 0.30 and row[st]:
        new = _toggle_abbreviation(rng, row[st])
        row[st] = new if new else row[st] + rng.choice([" Ste 100", ", Suite 2", " #4"])
    elif roll < 0.45:
        row[st] = m.street()
        if rng.random() < 0.4:
            index = m.other_city(p.business.city_index, same_state=rng.random() < 0.5)
            row[ci], row[sa], row[z] = CITIES[index][0], CITIES[index][1], rng.choice(CITIES[index][4])
        else:
            row[z] = rng.choice(CITIES[p.business.city_index][4])
    elif roll < 0.60 and row[z]:
        row[z] = f"{row[z][:5]}-{rng.randint(1, 9999):04d}"
    elif roll < 0.72 and row[z]:
        digits = list(row[z][:5])
        i = rng.randrange(1, 5)
        digits[i] = rng.choice([d for d in string.digits if d != digits[i]])
        row[z] = "".join(digits) + row[z][5:]
    elif roll < 0.86:
        row[sa] = STATE_NAMES.get(row[sa], row[sa])
    else:
        row[ci] = _typo(rng, row[ci])
    return "address"


def _company_variant(rng: random.Random, name: str) -> str:
    for _ in range(4):
        roll = rng.random()
        new = name
        if roll < 0.40:
            for variants in SUFFIX_VARIANTS:
                for v in variants:
                    if v and re.search(rf",? {re.escape(v)}$", name):
                        replacement = rng.choice([x for x in variants if x != v])
                        new = re.sub(rf",? {re.escape(v)}$", f" {replacement}" if replacement else "", name)
                        break
                if new != name:
                    break
            else:
                new = f"{name} {rng.choice(['Inc', 'LLC', 'Co.'])}"
        elif roll < 0.55:
            new = name.replace(" & ", " and ") if " & " in name else name.replace(" and ", " & ")
        elif roll < 0.65:
            new = name[4:] if name.startswith("The ") else name.replace(",", "")
        elif roll < 0.80:
            words = [w for w in WORD_ABBREVIATIONS if w in name]
            if words:
                w = rng.choice(words)
                new = name.replace(w, WORD_ABBREVIATIONS[w])
        else:
            new = _typo(rng, name)
        if new != name:
            return new
    return _typo(rng, name)


def corrupt_company(m: _Maker, row: list[str], p: Person) -> str:
    c = COLUMN["Company Name"]
    row[c] = _company_variant(m.rng, row[c])
    return "company"


def corrupt_new_employer(m: _Maker, row: list[str], p: Person) -> str:
    rng = m.rng
    same_city = rng.random() < 0.6
    new = m.business(p.business.city_index if same_city else None, size=1)
    if p.personal_email and rng.random() < 0.8:
        email = p.personal_email
    elif rng.random() < 0.7:
        email = m.work_email(p.first, p.last, new.domain)
    else:
        email = ""
    phone = format_phone(p.mobile, m.phone_style()) if p.mobile else format_phone(new.office, new.phone_style)
    city, state = CITIES[new.city_index][0], CITIES[new.city_index][1]
    row[:] = [new.name, new.dba, row[COLUMN["First Name"]], row[COLUMN["Last Name"]], m.title(new), email, phone,
              new.street, city, state, new.zip, new.employees, new.revenue, new.founded, new.sic,
              new.website]  # fmt: skip
    return "new_employer"


def corrupt_title(m: _Maker, row: list[str], p: Person) -> str:
    t = COLUMN["Title"]
    title = row[t]
    if title in PROMOTIONS:
        row[t] = PROMOTIONS[title]
    elif title and m.chance(0.5):
        row[t] = f"Senior {title}" if not title.startswith("Senior") else title[7:]
    else:
        row[t] = m.title(p.business)
    return "title"


TEXT_COLUMNS = [COLUMN[c] for c in ("Company Name", "DBA", "First Name", "Last Name", "Title", "Email",
                                    "Street Address", "City", "Website")]  # fmt: skip


def corrupt_case(m: _Maker, row: list[str], p: Person) -> str:
    upper = m.chance(0.7)
    for i in TEXT_COLUMNS:
        row[i] = row[i].upper() if upper else row[i].lower()
    return "case"


def corrupt_whitespace(m: _Maker, row: list[str], p: Person) -> str:
    rng = m.rng
    for i in rng.sample(TEXT_COLUMNS[:5] + [COLUMN["Street Address"]], rng.randint(1, 3)):
        if not row[i]:
            continue
        roll = rng.random()
        if roll < 0.4:
            row[i] = " " + row[i] if rng.random() < 0.5 else row[i] + " "
        elif roll < 0.7 and " " in row[i]:
            row[i] = row[i].replace(" ", "  ", 1)
        else:
            row[i] = f"  {row[i]}  "
    return "whitespace"


CORRUPTORS = {
    "name_typo": corrupt_name_typo, "name_ocr": corrupt_name_ocr, "name_phonetic": corrupt_name_phonetic,
    "missing": corrupt_missing, "name_swap": corrupt_name_swap, "first_initial": corrupt_first_initial,
    "nickname": corrupt_nickname, "email": corrupt_email, "phone": corrupt_phone, "address": corrupt_address,
    "company": corrupt_company, "new_employer": corrupt_new_employer, "title": corrupt_title,
    "case": corrupt_case, "whitespace": corrupt_whitespace,
}  # fmt: skip
# Applied after the others so that a capitals row stays in capitals and stray spaces survive.
LATE_KINDS = ("case", "whitespace")
# A new employer replaces the business cells; it runs first so that later corruptions can still touch them.
EARLY_KINDS = ("new_employer",)


# ---------------------------------------------------------------------------------------------------------------
# Hard negatives.


def _target(m: _Maker, people: list[Person], test, tries: int = 60) -> Person | None:
    for _ in range(tries):
        p = m.rng.choice(people)
        if test(p):
            return p
    return None


def _is_common(p: Person) -> bool:
    return p.last in COMMON_LAST and p.first.split()[0] in COMMON_FIRST


def hard_colleague(m: _Maker, people: list[Person]) -> tuple[Person, Person, str]:
    rng = m.rng
    roll = rng.random()
    if roll < 0.25:
        target = _target(m, people, lambda p: p.first in CLOSE_NAME_OF and p.kind == "original")
        if target:
            first = CLOSE_NAME_OF[target.first]
            last = target.last if rng.random() < 0.6 else m.name()[1]
            other = m.person(target.business, first, last, not target.male, kind="hard")
            other.uses_mobile = other.uses_mobile and rng.random() < 0.15
            return other, target, "close_name"
    if roll < 0.45:
        target = _target(m, people, lambda p: p.male and " " not in p.last and p.first.isalpha())
        if target:
            # A son who carries his father's full name, with or without JR, with his own mobile and e-mail.
            last = target.last if rng.random() < 0.5 else f"{target.last} {rng.choice(['Jr', 'Jr.', 'JR', 'II'])}"
            son = m.person(target.business, target.first, last, True, kind="hard")
            son.mobile = m.number(target.business.city_index)
            son.uses_mobile = True
            son.personal_email = m.free_email(target.first, f"{target.last}jr" if rng.random() < 0.5 else target.last)
            taken = {c.email for c in target.business.contacts}
            if rng.random() < 0.7:
                son.email = son.personal_email
            else:
                son.email = m.work_email(target.first, target.last, target.business.domain, taken)
            while son.email == target.email or son.personal_email == target.personal_email:
                son.personal_email = son.email = m.free_email(target.first, target.last)
            son.title = m.title(target.business)
            return son, target, "father_son"
    target = rng.choice(people)
    initial = target.first[0]
    if roll < 0.75:
        for _ in range(40):
            male = rng.random() < 0.5
            first = m.first_name(male)
            if (
                first[0] == initial
                and first != target.first
                and first not in NICKNAME_OF
                and first != (NICKNAME_OF.get(target.first))
            ):
                break
        else:
            male = rng.random() < 0.5
            first = m.first_name(male)
        kind = "same_initial"
    else:
        male = rng.random() < 0.5
        first = m.first_name(male)
        while first == target.first.split()[0]:
            first = m.first_name(male)
        kind = "relative"
    last = target.last if (kind == "relative" or rng.random() < 0.6) else m.name()[1]
    other = m.person(target.business, first, last, male, kind="hard")
    other.uses_mobile = other.uses_mobile and rng.random() < 0.15  # colleagues mostly give the office line
    if rng.random() < 0.3:
        other.email = ""
    return other, target, kind


def hard_namesake(m: _Maker, people: list[Person]) -> tuple[Person, Person, str]:
    rng = m.rng
    target = _target(m, people, _is_common) if rng.random() < 0.7 else None
    target = target or rng.choice(people)
    first, last = target.first, target.last
    kind = "same_name"
    if rng.random() < 0.3:
        kind = "near_name"
        head = first.split()[0]
        if head in SPELLING_OF:
            first = first.replace(head, SPELLING_OF[head], 1)
        elif last in SPELLING_OF:
            last = SPELLING_OF[last]
        elif " " in first:
            first = head
        else:
            first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}"
    city = m.other_city(target.business.city_index, same_state=rng.random() < 0.3)
    business = m.business(city)
    other = m.person(business, first, last, target.male, kind="hard")
    if other.email and other.email.split("@")[0] == target.email.split("@")[0]:
        other.email = m.work_email(first, last, business.domain) if rng.random() < 0.5 else other.email
    while other.email and other.email == target.email:
        other.email = m.free_email(first, last)
    return other, target, kind


def hard_household(m: _Maker, people: list[Person]) -> tuple[Person, Person, str]:
    rng = m.rng
    target = _target(m, people, lambda p: len(p.business.contacts) <= 2 and p.kind == "original" and not p.home)
    target = target or rng.choice(people)
    male = rng.random() < 0.5
    first = m.first_name(male)
    while first == target.first.split()[0]:
        first = m.first_name(male)
    last = target.last.split(" Jr")[0].split(" Sr")[0].split(" II")[0]
    if rng.random() < 0.08:
        last = f"{m.name()[1]}-{last}"
    home = target.home or (target.business.street, target.business.city_index, target.business.zip)
    if rng.random() < 0.55:
        # A home-based business of their own at the same address.
        business = m.business(home[1], size=1)
        business.street, business.zip = home[0], home[2]
        kind = "own_business"
    else:
        business = target.business
        kind = "same_business"
    other = m.person(business, first, last, male, kind="hard")
    other.home = home
    if rng.random() < 0.35:
        family = m.free_email("the", last) if rng.random() < 0.5 else m.free_email(target.first, last)
        target.personal_email = target.email = family
        other.personal_email = other.email = family
        kind += "+shared_email"
    else:
        while other.email and other.email in (target.email, target.personal_email):
            other.email = m.free_email(first, last)
    if not other.mobile or rng.random() < 0.5:
        other.mobile = m.number(home[1])
    other.uses_mobile = kind.startswith("same_business") or rng.random() < 0.4
    return other, target, kind


def hard_officemate(m: _Maker, people: list[Person]) -> tuple[Person, Person, str]:
    rng = m.rng
    target = _target(m, people, _is_common) or rng.choice(people)
    head = target.business
    city = m.other_city(head.city_index, same_state=rng.random() < 0.5)
    branch = m.business(city)
    head.branches += 1
    branch.name, branch.domain, branch.website, branch.sic = head.name, head.domain, head.website, head.sic
    branch.industry, branch.employees, branch.revenue, branch.founded = (
        head.industry, head.employees, head.revenue, head.founded
    )  # fmt: skip
    branch.dba = f"{head.name.split(',')[0]} - {CITIES[city][0]}" if rng.random() < 0.3 else head.dba
    taken = {c.email for c in head.contacts}
    other = m.person(branch, target.first, target.last, target.male, kind="hard")
    other.email = m.work_email(target.first, target.last, head.domain, taken | {target.email})
    if rng.random() < 0.25:
        other.email = ""
    other.title = m.title(branch)
    return other, target, "same_name"


HARD_MAKERS = {"colleague": hard_colleague, "namesake": hard_namesake, "household": hard_household,
               "officemate": hard_officemate}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------


def build(n: int, seed: int = 21, dup_share: float = 0.25) -> Probe:
    """Make the list in memory: ``n`` rows, about ``dup_share`` of them copies of an earlier person."""
    if n < 20:
        raise ValueError("the probe needs at least 20 rows")
    m = _Maker(seed)
    rng = m.rng
    counts: Counter = Counter()
    n_dup = round(n * dup_share)
    n_hard = round(n * HARD_NEGATIVE_SHARE)
    n_orig = n - n_dup - n_hard

    people: list[Person] = []
    while len(people) < n_orig:
        business = m.business()
        size = min(int(business.employees or 1), rng.choices(range(1, 13), [40, 22, 13, 8, 5, 3.5, 2.5, 2, 1.5, 1,
                                                                           0.8, 0.7])[0])  # fmt: skip
        for _ in range(min(size, n_orig - len(people))):
            first, last, male = m.name()
            people.append(m.person(business, first, last, male))
    counts["originals"] = len(people)
    originals = list(people)

    kinds, weights = list(HARD_NEGATIVE_KINDS), list(HARD_NEGATIVE_KINDS.values())
    for _ in range(n_hard):
        kind = rng.choices(kinds, weights)[0]
        other, target, sub = HARD_MAKERS[kind](m, originals)
        other.probe = f"{kind}:{target.entity}"
        people.append(other)
        counts[f"hard:{kind}"] += 1
        counts[f"hard:{kind}:{sub}"] += 1

    # Copies: 1-3 per duplicated person, drawn from everyone made so far (hard negatives included).
    rendered: list[tuple[list[str], Person, str]] = [(m.render(p), p, "original" if p.kind == "original" else
                                                      "hard") for p in people]  # fmt: skip
    copies: list[tuple[list[str], Person, str]] = []
    while len(copies) < n_dup:
        source_row, p, _ = rng.choice(rendered)
        for _ in range(min(rng.choices([1, 2, 3], [70, 20, 10])[0], n_dup - len(copies))):
            row = m.render(p) if rng.random() < 0.5 else list(source_row)
            drawn = [
                CORRUPTION_KINDS[bisect.bisect_right(CORRUPTION_CUM, rng.random() * CORRUPTION_CUM[-1])]
                for _ in range(rng.choices([1, 2, 3], [50, 35, 15])[0])
            ]
            drawn.sort(key=lambda k: (k not in EARLY_KINDS, k in LATE_KINDS))
            for kind in drawn:
                counts[f"corruption:{CORRUPTORS[kind](m, row, p)}"] += 1
            if row == source_row:  # a corruption that changed nothing: make sure the copy differs
                counts[f"corruption:{corrupt_name_typo(m, row, p)}"] += 1
            counts[f"copies_with_{len(drawn)}_corruptions"] += 1
            copies.append((row, p, "duplicate"))
    counts["duplicates"] = len(copies)
    counts["duplicated_people"] = len({id(p) for _, p, _ in copies})

    everything = rendered + copies
    rng.shuffle(everything)
    _spread(rng, everything)
    return Probe(
        rows=[row for row, _, _ in everything],
        entities=[p.entity for _, p, _ in everything],
        probes=[p.probe for _, p, _ in everything],
        kinds=[kind if kind != "hard" else f"hard:{p.probe.split(':')[0]}" for _, p, kind in everything],
        counts=counts,
    )


def _spread(rng: random.Random, rows: list) -> None:
    """Move rows so that no two neighbours belong to the same person."""
    n = len(rows)
    for _ in range(20):
        moved = False
        for i in range(n - 1):
            if rows[i][1] is rows[i + 1][1]:
                for _ in range(100):
                    j = rng.randrange(n)
                    if all(
                        rows[k][1] is not rows[i + 1][1] for k in (j - 1, j + 1) if 0 <= k < n and k != i + 1
                    ) and all(rows[k][1] is not rows[j][1] for k in (i, i + 2) if 0 <= k < n and k != j):
                        rows[i + 1], rows[j] = rows[j], rows[i + 1]
                        moved = True
                        break
        if not moved:
            return


def write_csv(path, n: int, seed: int = 21, truth_path=None, dup_share: float = 0.25) -> int:
    """Write ``n`` data rows (and a header) to ``path``, and the truth to ``truth_path``; return ``n``."""
    probe = build(n, seed, dup_share)
    _write(path, probe, truth_path)
    return len(probe.rows)


def _write(path, probe: Probe, truth_path=None) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(probe.rows)
    if truth_path:
        with open(truth_path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(TRUTH_HEADER)
            for number, (entity, tag) in enumerate(zip(probe.entities, probe.probes, strict=True), start=1):
                writer.writerow([number, entity, tag])


def print_counts(probe: Probe) -> None:
    c = probe.counts
    n = len(probe.rows)
    hard = sum(v for k, v in c.items() if k.count(":") == 1 and k.startswith("hard:"))
    print(f"rows {n}: originals {c['originals']}, duplicates {c['duplicates']} ({c['duplicates'] / n:.1%}) "
          f"of {c['duplicated_people']} people, hard negatives {hard} ({hard / n:.1%})")  # fmt: skip
    print("  copies by number of corruptions: " + ", ".join(f"{k}: {c[f'copies_with_{k}_corruptions']}"
                                                              for k in (1, 2, 3)))  # fmt: skip
    print("  corruptions applied by kind:")
    for kind in CORRUPTION_KINDS:
        print(f"    {kind:<14} {c['corruption:' + kind]}")
    print("  hard negatives by kind:")
    for kind in HARD_NEGATIVE_KINDS:
        subs = ", ".join(f"{k.split(':')[2]} {v}" for k, v in sorted(c.items()) if k.startswith(f"hard:{kind}:"))
        print(f"    {kind:<11} {c['hard:' + kind]:>5}  ({subs})")


# ---------------------------------------------------------------------------------------------------------------


def self_check(n: int, seed: int) -> None:
    """Assert what the truth promises; raises AssertionError on the first broken promise."""
    import phonenumbers

    with tempfile.TemporaryDirectory() as tmp:
        data, truth = Path(tmp, "a.csv"), Path(tmp, "a_truth.csv")
        assert write_csv(data, n, seed, truth) == n
        with open(data, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        with open(truth, newline="", encoding="utf-8") as handle:
            truths = list(csv.reader(handle))
        assert rows[0] == HEADER, rows[0]
        assert truths[0] == TRUTH_HEADER, truths[0]
        rows, truths = rows[1:], truths[1:]
        assert len(rows) == len(truths) == n, (len(rows), len(truths))
        assert all(len(r) == len(HEADER) for r in rows)
        assert [int(t[0]) for t in truths] == list(range(1, n + 1))
        entities = Counter(t[1] for t in truths)

        # Determinism: the same seed gives the same bytes, another seed does not.
        again, again_truth = Path(tmp, "b.csv"), Path(tmp, "b_truth.csv")
        write_csv(again, n, seed, again_truth)
        assert _digest(data) == _digest(again), "the data is not deterministic"
        assert _digest(truth) == _digest(again_truth), "the truth is not deterministic"
        write_csv(again, n, seed + 1, again_truth)
        assert _digest(data) != _digest(again), "the seed changes nothing"

    probe = build(n, seed)
    assert probe.rows == rows
    assert probe.entities == [t[1] for t in truths]
    originals = [i for i, k in enumerate(probe.kinds) if k != "duplicate"]
    duplicates = [i for i, k in enumerate(probe.kinds) if k == "duplicate"]
    # Every person appears once as a made record; every copy belongs to such a person.
    made = Counter(probe.entities[i] for i in originals)
    assert all(v == 1 for v in made.values()), "a person was made twice"
    assert all(probe.entities[i] in made for i in duplicates), "a copy of nobody"
    assert sum(entities.values()) - len(entities) == len(duplicates)
    # Hard negatives point at another, existing person.
    for i, tag in enumerate(probe.probes):
        if tag:
            kind, target = tag.split(":")
            assert kind in HARD_NEGATIVE_KINDS, tag
            assert target in made, f"row {i + 1}: target {target} does not exist"
            assert target != probe.entities[i], f"row {i + 1}: a hard negative aimed at itself"
    hard = sum(1 for i in originals if probe.probes[i])
    assert 0.08 <= hard / n <= 0.12, hard / n
    # Copies never next to a row of the same person.
    assert all(probe.entities[i] != probe.entities[i + 1] for i in range(n - 1)), "a copy sits next to its person"
    # Every phone the list carries is a valid US number (originals and copies alike).
    column = COLUMN["Phone Number"]
    bad = []
    for i, row in enumerate(probe.rows):
        if not row[column]:
            continue
        number = phonenumbers.parse(row[column], "US")
        if not phonenumbers.is_valid_number(number) or number.country_code != 1:
            bad.append((i + 1, probe.kinds[i], row[column]))
    assert not [b for b in bad if b[1] != "duplicate"], f"invalid phones in made records: {bad[:5]}"
    assert not bad, f"invalid phones in copies: {bad[:5]}"
    assert all(re.fullmatch(r"\d{5}", probe.rows[i][COLUMN["ZIP Code"]]) for i in originals)
    assert all(probe.rows[i][COLUMN["First Name"]] or probe.rows[i][COLUMN["Last Name"]] for i in range(n))
    print(f"check passed: {n} rows, seed {seed}, {len(duplicates)} copies, {hard} hard negatives, phones valid")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="the data CSV to write")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--truth", help="where to write the truth CSV")
    parser.add_argument("--dup-share", type=float, default=0.25)
    parser.add_argument("--check", action="store_true", help="verify the promises of the truth and exit")
    args = parser.parse_args(argv)
    if args.check:
        self_check(args.rows, args.seed)
        return 0
    if not args.out:
        parser.error("OUT.csv is required unless --check")
    probe = build(args.rows, args.seed, args.dup_share)
    _write(args.out, probe, args.truth)
    print_counts(probe)
    return 0


if __name__ == "__main__":
    sys.exit(main())
