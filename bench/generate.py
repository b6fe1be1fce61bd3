"""Synthetic USDataBiz business-contact lists for benchmarks, demos and entity-resolution tests.

Output is deterministic for a seed and generated as a stream: every row is assembled from pools built
once at import, and only a bounded window of recent people is remembered (to draw the near-duplicates,
colleagues and namesakes from), so memory stays flat whatever the row count.

What the rows contain, roughly per 100 rows:

* ~84 new people, each at a new business;
* ~10 near-duplicates of an earlier person (same entity id): a nickname (Bob / Robert), a typo in the
  last name, the same number in another format or another number, another case of the title, another
  legal suffix of the company;
* ~4 colleagues of an earlier person: same company, address and office phone, another person (new entity);
* ~1.5 namesakes: the same first and last name as an earlier person, another business and state (new entity);
* ~2 bad rows on top of that: an invalid phone, an unknown state or a missing SIC code.

Command line::

    python bench/generate.py OUT.csv --rows 1000000 [--seed 7] [--truth truth.csv]
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import NamedTuple

HEADER = [
    "Company Name",
    "DBA",
    "First Name",
    "Last Name",
    "Title",
    "Email",
    "Phone Number",
    "Street Address",
    "City",
    "State",
    "ZIP Code",
    "Employees",
    "Annual Revenue",
    "Year Founded",
    "SIC Code",
    "Website",
]
TRUTH_HEADER = ["source_record_id", "entity_id"]

# Share of rows of each kind (the rest are new people at new businesses) and of bad rows laid over them.
NEAR_DUPLICATE_RATE = 0.10
COLLEAGUE_RATE = 0.04
NAMESAKE_RATE = 0.015
BAD_ROW_RATE = 0.02
# How many earlier people a near-duplicate, colleague or namesake is drawn from (bounds memory).
WINDOW = 50_000
BATCH_ROWS = 10_000
# Addresses and (employees, revenue, year) are drawn from pools of this size, built once per seed.
POOL_SIZE = 1 << 15


def _words(text: str) -> list[str]:
    """Split a whitespace-separated list, dropping repeats but keeping the first-seen order."""
    return list(dict.fromkeys(text.split()))


# ---------------------------------------------------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------------------------------------------------

# Data tables keep their compact hand layout.
# fmt: off

MALE_FIRST_NAMES = _words("""
    James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
    Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary
    Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond
    Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian
    Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Bruce Gabriel
    Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Harry
    Howard Fred Victor Martin Ernest Phillip Todd Craig Curtis Stanley Leonard Dale Manuel Rodney Mitchell Nathaniel
    Theodore Francis Luis Carlos Miguel Antonio Rafael Marcus Derek Trevor Wesley Travis Shane Glenn Calvin Clarence
    Darrell Troy Leroy Hector Omar Rahul Wei Hiroshi Ahmed Frederick Jeffery Kurt Neil Ross Dwight Lloyd Marvin
    Lance Grant Spencer Garrett Colin Malik Andre Darnell Reggie Tomas Diego Javier Ricardo Sergio Ivan Dmitri
""")
FEMALE_FIRST_NAMES = _words("""
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley
    Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia
    Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel
    Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina
    Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn
    Janice Jean Abigail Alice Julia Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa
    Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Valerie Allison Suzanne Tiffany Monica Erica Yolanda
    Rosa Carmen Lucia Priya Mei Yuki Fatima Colleen Renee Tamara Wendy Vanessa Leslie Holly Gina Rhonda Sheila
    Tracy Paula Robin Jill Dana Kristen Courtney Lindsey Erin Tanya Bridget Molly Hillary Naomi Leah Ingrid
""")
FIRST_NAMES = MALE_FIRST_NAMES + [name for name in FEMALE_FIRST_NAMES if name not in MALE_FIRST_NAMES]

LAST_NAMES = _words("""
    Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
    Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
    Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
    Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales
    Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
    Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long
    Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher
    Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes
    Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
    McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson
    Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson
    Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver
    Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley
    Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins
    Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios
    Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin
    Carlson Austin Dominguez Carr Lawson Jacobs O'Brien O'Connor McCarthy MacKenzie Schultz Novak Kowalski Nakamura
    Yamamoto Wong Chang Singh Shah Ali Khan Goldberg Friedman Russo Romano Costa Byrne Gallagher Doyle Fitzgerald
    Schneider Weber Becker Zimmerman Johansson Nielsen Jensen Larsen Sorensen Petrov Ivanov Kaur Reddy Rao Pham Vu
    Hoang Park Choi Kang Tanaka Suzuki Sato Okafor Adeyemi Mensah Haddad Nasser Kaplan Levy Cohen Katz Rossi Bianchi
    Moretti Esposito Fontaine Dubois Laurent Moreau Thibodeaux Boudreaux Hebert LeBlanc Landry Guidry Broussard
""")

# Formal first name -> the short forms people put on a second form. Both directions are used.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Robert": ("Bob", "Rob", "Bobby"),
    "William": ("Bill", "Will", "Billy"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "Katherine": ("Kate", "Kathy", "Katie"),
    "Kathleen": ("Kathy", "Kate"),
    "Catherine": ("Cathy", "Cate"),
    "Elizabeth": ("Liz", "Beth", "Betsy"),
    "Michael": ("Mike", "Mick"),
    "Richard": ("Rick", "Rich", "Dick"),
    "Thomas": ("Tom", "Tommy"),
    "Joseph": ("Joe", "Joey"),
    "Charles": ("Chuck", "Charlie"),
    "Christopher": ("Chris",),
    "Daniel": ("Dan", "Danny"),
    "Matthew": ("Matt",),
    "Anthony": ("Tony",),
    "Steven": ("Steve",),
    "Stephen": ("Steve",),
    "Edward": ("Ed", "Eddie", "Ted"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Jennifer": ("Jen", "Jenny"),
    "Patricia": ("Pat", "Trish", "Patty"),
    "Susan": ("Sue", "Susie"),
    "Deborah": ("Deb", "Debbie"),
    "Rebecca": ("Becky",),
    "Samantha": ("Sam",),
    "Alexander": ("Alex",),
    "Benjamin": ("Ben",),
    "Nicholas": ("Nick",),
    "Jonathan": ("Jon",),
    "Timothy": ("Tim",),
    "Gregory": ("Greg",),
    "Kenneth": ("Ken", "Kenny"),
    "Ronald": ("Ron", "Ronnie"),
    "Donald": ("Don", "Donnie"),
    "Andrew": ("Andy", "Drew"),
    "Joshua": ("Josh",),
    "Zachary": ("Zach",),
    "Victoria": ("Vicky", "Tori"),
    "Jessica": ("Jess", "Jessie"),
    "Abigail": ("Abby",),
    "Christine": ("Chris", "Chrissy"),
    "Cynthia": ("Cindy",),
    "Barbara": ("Barb",),
    "Dorothy": ("Dot", "Dottie"),
    "Frederick": ("Fred", "Freddie"),
    "Gerald": ("Jerry",),
    "Harold": ("Harry", "Hal"),
    "Lawrence": ("Larry",),
    "Leonard": ("Len", "Lenny"),
    "Raymond": ("Ray",),
    "Samuel": ("Sam", "Sammy"),
    "Stanley": ("Stan",),
    "Theodore": ("Ted", "Teddy", "Theo"),
    "Walter": ("Walt",),
    "Vincent": ("Vince",),
    "Douglas": ("Doug",),
    "Jeffrey": ("Jeff",),
    "Phillip": ("Phil",),
    "Philip": ("Phil",),
    "Eugene": ("Gene",),
    "Albert": ("Al",),
    "Pamela": ("Pam",),
    "Kimberly": ("Kim",),
    "Melissa": ("Missy", "Mel"),
    "Stephanie": ("Steph",),
    "Suzanne": ("Suzy", "Sue"),
    "Teresa": ("Terri", "Tess"),
    "Valerie": ("Val",),
    "Judith": ("Judy",),
    "Patrick": ("Pat",),
    "Nathaniel": ("Nate", "Nat"),
    "Jacob": ("Jake",),
    "Gabriel": ("Gabe",),
    "Mitchell": ("Mitch",),
    "Francis": ("Frank",),
    "Frances": ("Fran",),
    "Virginia": ("Ginny",),
    "Jacqueline": ("Jackie",),
    "Allison": ("Ally",),
    "Natalie": ("Nat",),
    "Isabella": ("Bella", "Izzy"),
    "Olivia": ("Liv",),
    "Madison": ("Maddie",),
    "Courtney": ("Court",),
}
# Short form -> the formal names it stands for (a near-duplicate may spell out what the first row shortened).
FORMAL_NAMES: dict[str, tuple[str, ...]] = {}
for _formal, _shorts in NICKNAMES.items():
    for _short in _shorts:
        FORMAL_NAMES[_short] = (*FORMAL_NAMES.get(_short, ()), _formal)
del _formal, _shorts, _short
# A few people are listed under their short name to begin with.
SHORT_FIRST_NAMES = ["Bob", "Bill", "Jim", "Kate", "Mike", "Tom", "Joe", "Chris", "Dan", "Tony", "Steve", "Liz", "Pat",
                     "Sue", "Ken", "Ron", "Don", "Andy", "Jeff", "Larry", "Jerry", "Ted", "Kathy", "Becky", "Sam"]

TITLES = [
    "Owner", "Owner", "Owner", "President", "President", "CEO", "Chief Executive Officer", "Vice President",
    "VP of Sales", "VP Operations", "General Manager", "General Manager", "Office Manager", "Office Manager",
    "Managing Partner", "Partner", "Director of Operations", "Operations Manager", "Founder", "Co-Founder",
    "Principal", "CFO", "Chief Financial Officer", "Controller", "Marketing Director", "Sales Manager",
    "Administrator", "Executive Director", "Managing Member", "Secretary", "Treasurer", "Store Manager",
    "Branch Manager", "Owner/Operator", "President & CEO", "Director", "Manager", "Purchasing Manager",
    "IT Director", "HR Manager", "Managing Director", "Project Manager",
]
# Titles that only make sense in some trades, keyed by the SIC code of the business.
TRADE_TITLES: dict[str, tuple[str, ...]] = {
    "8021": ("Dentist", "DDS", "Practice Manager", "Office Manager"),
    "8011": ("Physician", "MD", "Practice Manager", "Medical Director"),
    "8041": ("Chiropractor", "DC", "Practice Manager"),
    "8042": ("Optometrist", "OD", "Practice Manager"),
    "0742": ("Veterinarian", "DVM", "Practice Manager"),
    "8111": ("Attorney", "Partner", "Managing Partner", "Paralegal"),
    "8721": ("CPA", "Partner", "Tax Manager"),
    "6411": ("Agent", "Agency Owner", "Account Manager"),
    "6531": ("Broker", "Realtor", "Property Manager"),
    "6162": ("Loan Officer", "Branch Manager", "Mortgage Broker"),
    "1711": ("Master Plumber", "Service Manager", "Estimator"),
    "1731": ("Master Electrician", "Estimator", "Project Manager"),
    "5812": ("Chef", "Owner/Chef", "Restaurant Manager"),
    "8712": ("Architect", "Principal Architect"),
    "8711": ("Engineer", "PE", "Principal Engineer"),
}

# ---------------------------------------------------------------------------------------------------------------------
# businesses
# ---------------------------------------------------------------------------------------------------------------------

# (name part, domain part, 4-digit SIC code)
INDUSTRIES: list[tuple[str, str, str]] = [
    ("Plumbing", "plumbing", "1711"), ("Heating & Air", "heatingair", "1711"), ("Roofing", "roofing", "1761"),
    ("Electric", "electric", "1731"), ("Construction", "construction", "1521"), ("Builders", "builders", "1531"),
    ("Landscaping", "landscaping", "0782"), ("Lawn Care", "lawncare", "0782"), ("Auto Repair", "autorepair", "7538"),
    ("Auto Sales", "autosales", "5521"), ("Auto Body", "autobody", "7532"), ("Tire & Auto", "tireauto", "5531"),
    ("Dental", "dental", "8021"), ("Family Dentistry", "familydentistry", "8021"), ("Chiropractic", "chiro", "8041"),
    ("Medical Group", "medical", "8011"), ("Veterinary Clinic", "vetclinic", "0742"), ("Law Group", "law", "8111"),
    ("Law Offices", "lawoffices", "8111"), ("Accounting", "cpa", "8721"), ("Tax Service", "tax", "7291"),
    ("Insurance Agency", "insurance", "6411"), ("Realty", "realty", "6531"), ("Property Management", "properties",
    "6531"), ("Mortgage", "mortgage", "6162"), ("Financial Advisors", "financial", "6282"), ("Consulting",
    "consulting", "8742"), ("Marketing", "marketing", "8742"), ("Staffing", "staffing", "7363"), ("IT Solutions",
    "itsolutions", "7373"), ("Software", "software", "7372"), ("Printing", "printing", "2752"), ("Signs", "signs",
    "3993"), ("Bakery", "bakery", "5461"), ("Restaurant", "restaurant", "5812"), ("Grill", "grill", "5812"),
    ("Pizza", "pizza", "5812"), ("Catering", "catering", "5812"), ("Coffee", "coffee", "5812"), ("Florist",
    "florist", "5992"), ("Hardware", "hardware", "5251"), ("Furniture", "furniture", "5712"), ("Jewelers",
    "jewelers", "5944"), ("Pharmacy", "pharmacy", "5912"), ("Salon", "salon", "7231"), ("Barber Shop", "barber",
    "7241"), ("Fitness", "fitness", "7991"), ("Cleaning Services", "cleaning", "7349"), ("Pest Control", "pest",
    "7342"), ("Trucking", "trucking", "4213"), ("Logistics", "logistics", "4731"), ("Moving & Storage", "moving",
    "4214"), ("Travel", "travel", "4724"), ("Photography", "photo", "7221"), ("Architects", "architects", "8712"),
    ("Engineering", "engineering", "8711"), ("Machine Works", "machine", "3599"), ("Welding", "welding", "7692"),
    ("Pool Service", "pools", "7389"), ("Daycare", "daycare", "8351"), ("Glass", "glass", "1793"), ("Flooring",
    "flooring", "1752"), ("Painting", "painting", "1721"), ("Fence", "fence", "1799"), ("Concrete", "concrete",
    "1771"), ("Home Health", "homehealth", "8082"), ("Pet Grooming", "petgrooming", "0752"), ("Car Wash",
    "carwash", "7542"), ("Self Storage", "storage", "4225"), ("Optometry", "eyecare", "8042"), ("Title",
    "title", "6361"), ("Sporting Goods", "sports", "5941"), ("Liquor", "liquor", "5921"), ("Tailors", "tailors",
    "7219"),
]
NAME_PREFIXES = _words("""
    Pioneer Summit Evergreen Cornerstone Apex Liberty Keystone Heritage Frontier Premier Allied American National
    Coastal Riverside Lakeside Northstar Sunrise Sunset Eagle Falcon Patriot Capitol Metro Urban Harbor Bayside
    Prairie Granite Precision Quality Reliable Superior Elite Integrity Trinity Victory Legacy Pinnacle Crossroads
    Benchmark Horizon Highland Valley Magnolia Sterling Guardian Beacon Compass Anchor Arrow Atlas Bluebird Cardinal
    Redwood Sequoia Willow Juniper Cypress Ironwood Oakmont Brookside Meadowbrook Fairway Hometown Neighborhood
""") + ["Lone Star", "Blue Ridge", "Golden State", "Mountain View", "Red Rock", "Silver Creek", "Oak Hill",
        "Cedar Park", "Pine Valley", "Iron Horse", "Blue Sky", "Bright Star", "First Choice", "Twin Oaks", "All Pro",
        "Green Valley", "Tri-County", "Five Star", "A-1", "AAA", "J&R", "B & G"]
KIN = [("Brothers", "bros"), ("& Sons", "sons"), ("Family", "family"), ("and Daughters", "daughters"),
       ("Bros.", "bros")]
# Legal suffixes, grouped by family: a near-duplicate may swap within a family ("Inc" -> ", Inc.").
SUFFIX_FAMILIES: list[tuple[str, ...]] = [
    (" Inc", " Inc.", ", Inc.", ", Inc", " Incorporated"),
    (" LLC", " L.L.C.", ", LLC", " Llc"),
    (" Co", " Co.", " Company"),
    (" Corp", " Corp.", " Corporation"),
    (" Ltd", " Ltd."),
]
SUFFIX_CHOICES: list[tuple[int, int]] = (
    [(0, 0)] * 8 + [(0, 1)] * 6 + [(0, 2)] * 4 + [(0, 3)] + [(0, 4)] + [(1, 0)] * 12 + [(1, 1)] * 2 + [(1, 2)] * 2
    + [(1, 3)] + [(2, 0)] * 2 + [(2, 1)] * 2 + [(2, 2)] * 2 + [(3, 0)] * 2 + [(3, 1)] + [(3, 2)] * 2 + [(4, 0)]
    + [(4, 1)] + [(-1, 0)] * 20
)
STREET_NAMES = _words("""
    Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Church High Center Market Union Mill River Spring Sunset
    Highland Ridge Forest Meadow Lincoln Jefferson Madison Franklin Commerce Industrial Airport College Congress
    Lamar Peachtree Magnolia Walnut Chestnut Willow Jackson Adams Monroe Grand Central Lakeview Valley Railroad Bridge
    Cherry Dogwood Hickory Sycamore Birch Poplar Laurel Cypress Juniper Technology Corporate Enterprise Executive
    Research Gateway Northwest Broad Front Water Canal Harbor Bay Ocean Mission Vista Canyon Mesa Prairie Orchard
""") + ["Martin Luther King Jr", "Old Mill", "Country Club", "1st", "2nd", "3rd", "5th", "7th", "10th", "42nd"]
STREET_TYPES = ["St", "St", "St.", "Street", "Ave", "Ave", "Ave.", "Avenue", "Blvd", "Boulevard", "Rd", "Rd", "Road",
                "Dr", "Dr", "Drive", "Ln", "Lane", "Way", "Pkwy", "Parkway", "Ct", "Hwy", "Pl", "Cir"]
STREET_DIRECTIONS = [""] * 12 + ["N ", "S ", "E ", "W ", "NW ", "SE ", "North ", "West "]
ADDRESS_UNITS = [""] * 14 + [" Suite 100", " Suite 200", " Ste 210", " Ste. 300", " #4", " #12", " Unit B", " Fl 3",
                             " Suite 1500", " Bldg 2"]

# State code | name | weight | city:zip3:area code, ...   (ZIP3 prefixes and area codes match the city.)
_STATE_TABLE = """
AL|Alabama|1|Birmingham:352:205,Montgomery:361:334,Mobile:366:251,Huntsville:358:256
AK|Alaska|1|Anchorage:995:907,Fairbanks:997:907,Juneau:998:907
AZ|Arizona|2|Phoenix:850:602,Tucson:857:520,Mesa:852:480,Scottsdale:852:480,Flagstaff:860:928
AR|Arkansas|1|Little Rock:722:501,Fayetteville:727:479,Fort Smith:729:479,Jonesboro:724:870
CA|California|12|Los Angeles:900:213,San Diego:921:619,San Francisco:941:415,San Jose:951:408,Sacramento:958:916,\
Fresno:937:559,Oakland:946:510,Irvine:926:949
CO|Colorado|2|Denver:802:303,Colorado Springs:809:719,Boulder:803:303,Fort Collins:805:970
CT|Connecticut|1|Hartford:061:860,New Haven:065:203,Stamford:069:203,Bridgeport:066:203
DE|Delaware|1|Wilmington:198:302,Dover:199:302,Newark:197:302
DC|District of Columbia|1|Washington:200:202
FL|Florida|7|Miami:331:305,Orlando:328:407,Tampa:336:813,Jacksonville:322:904,Tallahassee:323:850,\
Fort Lauderdale:333:954
GA|Georgia|3|Atlanta:303:404,Savannah:314:912,Augusta:309:706,Macon:312:478
HI|Hawaii|1|Honolulu:968:808,Hilo:967:808
ID|Idaho|1|Boise:837:208,Idaho Falls:834:208,Coeur d'Alene:838:208
IL|Illinois|4|Chicago:606:312,Springfield:627:217,Naperville:605:630,Peoria:616:309,Rockford:611:815
IN|Indiana|2|Indianapolis:462:317,Fort Wayne:468:260,Evansville:477:812,South Bend:466:574
IA|Iowa|1|Des Moines:503:515,Cedar Rapids:524:319,Davenport:528:563
KS|Kansas|1|Wichita:672:316,Topeka:666:785,Overland Park:662:913
KY|Kentucky|1|Louisville:402:502,Lexington:405:859,Bowling Green:421:270
LA|Louisiana|1|New Orleans:701:504,Baton Rouge:708:225,Shreveport:711:318,Lafayette:705:337
ME|Maine|1|Portland:041:207,Bangor:044:207,Augusta:043:207
MD|Maryland|2|Baltimore:212:410,Annapolis:214:410,Rockville:208:301,Frederick:217:301
MA|Massachusetts|2|Boston:021:617,Worcester:016:508,Springfield:011:413,Cambridge:021:617,Lowell:018:978
MI|Michigan|3|Detroit:482:313,Grand Rapids:495:616,Lansing:489:517,Ann Arbor:481:734
MN|Minnesota|2|Minneapolis:554:612,Saint Paul:551:651,Duluth:558:218,Rochester:559:507
MS|Mississippi|1|Jackson:392:601,Gulfport:395:228,Hattiesburg:394:601
MO|Missouri|2|Kansas City:641:816,St. Louis:631:314,Springfield:658:417,Columbia:652:573
MT|Montana|1|Billings:591:406,Missoula:598:406,Bozeman:597:406
NE|Nebraska|1|Omaha:681:402,Lincoln:685:402
NV|Nevada|1|Las Vegas:891:702,Reno:895:775,Henderson:890:702
NH|New Hampshire|1|Manchester:031:603,Nashua:030:603,Concord:033:603
NJ|New Jersey|3|Newark:071:973,Jersey City:073:201,Trenton:086:609,Princeton:085:609,Paterson:075:973
NM|New Mexico|1|Albuquerque:871:505,Santa Fe:875:505,Las Cruces:880:575
NY|New York|6|New York:100:212,Brooklyn:112:718,Buffalo:142:716,Rochester:146:585,Albany:122:518,\
Syracuse:132:315
NC|North Carolina|3|Charlotte:282:704,Raleigh:276:919,Greensboro:274:336,Durham:277:919,Asheville:288:828
ND|North Dakota|1|Fargo:581:701,Bismarck:585:701
OH|Ohio|4|Columbus:432:614,Cleveland:441:216,Cincinnati:452:513,Toledo:436:419,Dayton:454:937
OK|Oklahoma|1|Oklahoma City:731:405,Tulsa:741:918,Norman:730:405
OR|Oregon|1|Portland:972:503,Eugene:974:541,Salem:973:503,Bend:977:541
PA|Pennsylvania|4|Philadelphia:191:215,Pittsburgh:152:412,Harrisburg:171:717,Allentown:181:610,Erie:165:814
RI|Rhode Island|1|Providence:029:401,Warwick:028:401,Newport:028:401
SC|South Carolina|2|Columbia:292:803,Charleston:294:843,Greenville:296:864
SD|South Dakota|1|Sioux Falls:571:605,Rapid City:577:605
TN|Tennessee|2|Nashville:372:615,Memphis:381:901,Knoxville:379:865,Chattanooga:374:423
TX|Texas|9|Austin:787:512,Houston:770:713,Dallas:752:214,San Antonio:782:210,Fort Worth:761:817,El Paso:799:915,\
Plano:750:972
UT|Utah|1|Salt Lake City:841:801,Provo:846:801,Ogden:844:801
VT|Vermont|1|Burlington:054:802,Montpelier:056:802
VA|Virginia|3|Richmond:232:804,Virginia Beach:234:757,Arlington:222:703,Norfolk:235:757,Roanoke:240:540
WA|Washington|2|Seattle:981:206,Spokane:992:509,Tacoma:984:253,Bellevue:980:425
WV|West Virginia|1|Charleston:253:304,Huntington:257:304,Morgantown:265:304
WI|Wisconsin|2|Milwaukee:532:414,Madison:537:608,Green Bay:543:920
WY|Wyoming|1|Cheyenne:820:307,Casper:826:307
"""


class City(NamedTuple):
    name: str
    state: str  # USPS code
    spellings: tuple[str, ...]  # how lists write the state, weighted: mostly the code, some names, mixed case
    zip3: str
    area_code: str


class Business(NamedTuple):
    core: str  # name without legal suffix
    suffix_family: int  # index in SUFFIX_FAMILIES, -1 for none
    suffix_index: int
    dba: str
    address: str
    city: City
    zip5: str
    zip4: str
    office_phone: str  # 10 digits
    employees: str
    revenue: str
    year_founded: str
    sic: str
    website: str
    domain: str
    trade_titles: tuple[str, ...]


class Person(NamedTuple):
    entity: str
    first: str
    last: str
    title: str
    email: str
    phone: str  # 10 digits
    phone_format: int
    business: Business


def _cities() -> list[City]:
    """Parse the state table into city entries, each state's cities repeated by its weight."""
    weighted: list[City] = []
    for line in _STATE_TABLE.replace("\\\n", "").strip().splitlines():
        code, name, weight, cities = line.split("|")
        # Mostly the code; sometimes the name; some lower- and upper-case spellings.
        spellings = (code,) * 11 + (name,) * 5 + (code.lower(),) * 2 + (name.upper(), name.lower())
        entries = []
        for city in cities.split(","):
            city_name, zip3, area = city.split(":")
            entries.append(City(city_name, code, spellings, zip3, area))
        weighted.extend(entries * int(weight))
    return weighted


CITIES = _cities()

EMPLOYEE_COUNTS = (
    [str(x) for x in (1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 10, 12, 15, 15, 18, 20, 22, 25, 30, 35, 40)]
    + [str(x) for x in (45, 50, 60, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000, 1200, 2500)]
)
EMPLOYEE_RANGES = ["1-4"] * 6 + ["5-9"] * 5 + ["10-19"] * 4 + ["20-49"] * 3 + ["50-99"] * 2 + [
    "100-249", "250-499", "500-999", "1,000-4,999", "1 to 4", "5 to 9"]
REVENUE_BUCKETS = [
    (500_000, "Less than $500,000"), (1_000_000, "$500,000 to $1 Million"), (2_500_000, "1-2.5 Million"),
    (5_000_000, "2.5-5 Million"), (10_000_000, "5-10 Million"), (20_000_000, "10-20 Million"),
    (50_000_000, "20-50 Million"), (10**12, "50-100 Million"),
]
YEARS = [str(1950 + int(75 * (i / 400) ** 0.6)) for i in range(400)]  # skewed toward recent years
WEBSITE_FORMATS = ["www.{}", "www.{}", "http://www.{}", "https://www.{}", "https://{}", "{}", "", ""]
TLDS = [".com"] * 7 + [".net", ".biz", ".us", ".co"]
FREE_MAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com",
             "icloud.com", "att.net", "comcast.net"]
GENERIC_MAILBOXES = ["info", "office", "contact", "sales", "admin"]
# fmt: on

# Phone formats: (512) 555-0143 | 512.555.0143 | 512-555-0143 | +1 512 555 0143 | 5125550143 | 512 555 0143 x12
PHONE_FORMATS = [0] * 35 + [1] * 10 + [2] * 30 + [3] * 8 + [4] * 10 + [5] * 7
# Exchanges are NXX and never N11.
EXCHANGES = [str(x) for x in range(200, 1000) if x % 100 != 11]

BAD_PHONES = ["123", "555-CALL-NOW-X", "000-000-0000", "12345", "(111) 111-1111", "call office", "555-1234"]
BAD_STATES = ["Tejas", "XX", "ZZ", "Texass", "Cali", "N.A.", "Ontario", "Unknown"]

_SLUG_DELETE = str.maketrans("", "", " '.-&")


def _slug(text: str) -> str:
    return text.lower().translate(_SLUG_DELETE)


FIRST_SLUGS = {name: _slug(name) for name in FIRST_NAMES + SHORT_FIRST_NAMES + list(FORMAL_NAMES)}
LAST_SLUGS = {name: _slug(name) for name in LAST_NAMES}
PREFIX_SLUGS = {name: _slug(name) for name in NAME_PREFIXES}
CITY_SLUGS = {city.name: _slug(city.name) for city in CITIES}
TITLE_CASES = [str.upper, str.lower, str.title]


def _address_pool(rng: random.Random, size: int) -> list[str]:
    """Street addresses to draw businesses' addresses from (a pool: building one per row is slow)."""
    r = rng.random

    def pick(seq):
        return seq[int(r() * len(seq))]

    return [
        f"{int(r() * 9899) + 100} {pick(STREET_DIRECTIONS)}{pick(STREET_NAMES)} {pick(STREET_TYPES)}"
        f"{pick(ADDRESS_UNITS)}"
        for _ in range(size)
    ]


def _facts_pool(rng: random.Random, size: int) -> list[tuple[str, str, str]]:
    """(employees, annual revenue, year founded) as lists write them: numbers, ranges, shorthands, blanks."""
    r = rng.random
    out = []
    for _ in range(size):
        employees = (
            EMPLOYEE_COUNTS[int(r() * len(EMPLOYEE_COUNTS))]
            if r() < 0.55
            else EMPLOYEE_RANGES[int(r() * len(EMPLOYEE_RANGES))]
        )
        value = int(10 ** (5 + r() * 2.7))  # $100K .. $50M, log-uniform
        shape = r()
        if shape < 0.3:
            revenue = f"${value:,}"
        elif shape < 0.55:
            revenue = str(value // 1000 * 1000)
        elif shape < 0.7:
            revenue = f"${value / 1e6:.1f}M" if value >= 1_000_000 else f"${value // 1000}K"
        elif shape < 0.95:
            revenue = next(label for limit, label in REVENUE_BUCKETS if value < limit)
        else:
            revenue = ""
        year = YEARS[int(r() * len(YEARS))] if r() < 0.96 else ""
        out.append((employees, revenue, year))
    return out


def format_phone(digits: str, fmt: int, ext: str = "12") -> str:
    """Write a 10-digit number in one of the PHONE_FORMATS."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    if fmt == 0:
        return f"({a}) {b}-{c}"
    if fmt == 1:
        return f"{a}.{b}.{c}"
    if fmt == 2:
        return f"{a}-{b}-{c}"
    if fmt == 3:
        return f"+1 {a} {b} {c}"
    if fmt == 4:
        return digits
    return f"{a} {b} {c} x{ext}"


def typo(name: str, x: float) -> str:
    """Return ``name`` with one keyboard slip (swap, drop or double a letter), keeping the first letter."""
    size = len(name)
    if size < 3:
        return name + name[-1:]
    i = 1 + int(x * (size - 2))
    op = int(x * 997) % 3
    if op == 0:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :] if name[i] != name[i + 1] else name[:i] + name[i + 1 :]
    if op == 1:
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def generate_rows(n: int, seed: int = 7) -> Iterator[tuple[list[str], str]]:
    """Yield ``n`` rows as (cells in HEADER order, true entity id); the same seed gives the same rows."""
    rng = random.Random(seed)
    r = rng.random
    first_names, last_names, short_names = FIRST_NAMES, LAST_NAMES, SHORT_FIRST_NAMES
    titles, industries, prefixes, cities = TITLES, INDUSTRIES, NAME_PREFIXES, CITIES
    suffix_families, suffix_choices = SUFFIX_FAMILIES, SUFFIX_CHOICES
    exchanges, phone_formats, tlds = EXCHANGES, PHONE_FORMATS, TLDS
    free_mail, generic = FREE_MAIL, GENERIC_MAILBOXES
    first_slugs, last_slugs, prefix_slugs, city_slugs = FIRST_SLUGS, LAST_SLUGS, PREFIX_SLUGS, CITY_SLUGS
    nicknames, formal_names, title_cases, trade_titles = NICKNAMES, FORMAL_NAMES, TITLE_CASES, TRADE_TITLES
    n_exchanges = len(exchanges)
    dup_cut = NEAR_DUPLICATE_RATE
    colleague_cut = dup_cut + COLLEAGUE_RATE
    namesake_cut = colleague_cut + NAMESAKE_RATE
    addresses, facts = _address_pool(rng, POOL_SIZE), _facts_pool(rng, POOL_SIZE)
    n_pool = POOL_SIZE
    zip_tails = [f"{i:02d}" for i in range(1, 99)]
    zip4s = [f"{i:04d}" for i in range(1, 9999)]
    websites = WEBSITE_FORMATS
    window: list[Person] = []  # earlier people that near-duplicates, colleagues and namesakes are drawn from
    next_entity = 0

    def pick(seq):
        return seq[int(r() * len(seq))]

    def new_phone(area: str) -> str:
        return f"{area}{exchanges[int(r() * n_exchanges)]}{int(r() * 10000):04d}"

    def new_business(city: City) -> Business:
        industry, industry_slug, industry_sic = industries[int(r() * len(industries))]
        last = last_names[int(r() * len(last_names))]
        shape = r()
        if shape < 0.34:
            core, slug = f"{last} {industry}", last_slugs[last] + industry_slug
        elif shape < 0.48:
            other = last_names[int(r() * len(last_names))]
            core, slug = f"{last} & {other} {industry}", last_slugs[last] + last_slugs[other]
        elif shape < 0.66:
            prefix = prefixes[int(r() * len(prefixes))]
            core, slug = f"{prefix} {industry}", prefix_slugs[prefix] + industry_slug
        elif shape < 0.76:
            core, slug = f"{city.name} {industry}", city_slugs[city.name] + industry_slug
        elif shape < 0.86:
            prefix = prefixes[int(r() * len(prefixes))]
            core, slug = f"{prefix} {last} {industry}", prefix_slugs[prefix] + last_slugs[last]
        elif shape < 0.93:
            kin, kin_slug = pick(KIN)
            core, slug = f"{last} {kin} {industry}", last_slugs[last] + kin_slug
        else:
            first = first_names[int(r() * len(first_names))]
            core, slug = f"{first} {last} {industry}", first_slugs[first][:1] + last_slugs[last] + industry_slug
        family, index = suffix_choices[int(r() * len(suffix_choices))]
        domain = slug[:28] + tlds[int(r() * len(tlds))]
        dba = ""
        if r() < 0.12:
            dba = f"{pick(prefixes)} {industry}" if r() < 0.7 else "".join(w[0] for w in core.split() if w[0].isalpha())
        employees, revenue, year = facts[int(r() * n_pool)]
        website = websites[int(r() * len(websites))]
        return Business(  # positional: this runs for most rows
            core,
            family,
            index,
            dba,
            addresses[int(r() * n_pool)],
            city,
            city.zip3 + zip_tails[int(r() * 98)],
            zip4s[int(r() * 9998)],
            new_phone(city.area_code),
            employees,
            revenue,
            year,
            "" if r() < 0.015 else industry_sic,  # a few lists leave the SIC code blank
            website.format(domain) if website else "",
            domain,
            trade_titles.get(industry_sic, ()),
        )

    def email_for(first: str, last: str, domain: str) -> str:
        f, la = first_slugs.get(first) or _slug(first), last_slugs.get(last) or _slug(last)
        shape = r()
        if shape < 0.30:
            return f"{f}.{la}@{domain}"
        if shape < 0.50:
            return f"{f[:1]}{la}@{domain}"
        if shape < 0.62:
            return f"{f}@{domain}"
        if shape < 0.70:
            return f"{f}{la[:1]}@{domain}"
        if shape < 0.80:
            return f"{f}{la}{int(r() * 99) if r() < 0.5 else ''}@{free_mail[int(r() * len(free_mail))]}"
        if shape < 0.88:
            return f"{generic[int(r() * len(generic))]}@{domain}"
        return ""

    def new_person_name() -> tuple[str, str]:
        first = short_names[int(r() * len(short_names))] if r() < 0.04 else first_names[int(r() * len(first_names))]
        return first, last_names[int(r() * len(last_names))]

    def company_name(business: Business, suffix_index: int) -> str:
        if business.suffix_family < 0:
            return business.core
        names = suffix_families[business.suffix_family]
        return business.core + names[suffix_index % len(names)]

    def zip_text(business: Business) -> str:
        zip5 = business.zip5
        shape = r()
        if shape < 0.15:
            return f"{zip5}-{business.zip4}"
        if zip5[0] == "0" and shape < 0.45:
            return zip5[1:]  # a spreadsheet dropped the leading zero
        return zip5

    for _ in range(n):
        u = r() if window else 1.0
        if u < dup_cut:
            # The same person again, written a little differently.
            entity, first, last, title, email, phone, phone_format, business = window[int(r() * len(window))]
            shape = r()
            if first in nicknames and shape < 0.6:
                first = pick(nicknames[first])
            elif first in formal_names and shape < 0.6:
                first = pick(formal_names[first])
            if r() < 0.35:
                last = typo(last, r())
            shape = r()
            if shape < 0.55:  # the same number in another format
                phone_format = (phone_format + 1 + int(r() * 5)) % 6
            elif shape > 0.8:  # another number, same area
                phone = new_phone(business.city.area_code)
                phone_format = phone_formats[int(r() * 100)]
            shape = r()
            if shape < 0.5:  # upper, lower or title case
                title = title_cases[int(shape * 6)](title)
            elif shape < 0.6:
                title = pick(titles)
            shape = r()
            if shape < 0.15:
                email = ""
            elif shape < 0.3:
                email = email_for(first, last, business.domain)
            suffix_index = business.suffix_index
            if r() < 0.5:  # another spelling of the same legal suffix
                suffix_index = int(r() * 5)
            company = company_name(business, suffix_index)
        else:
            if u < colleague_cut:
                # Another person at the same business: same company, address and office phone.
                business = window[int(r() * len(window))].business
                first, last = new_person_name()
            elif u < namesake_cut:
                # Same name as an earlier person, somewhere else.
                earlier = window[int(r() * len(window))]
                first, last = earlier.first, earlier.last
                city = cities[int(r() * len(cities))]
                while city.state == earlier.business.city.state:
                    city = cities[int(r() * len(cities))]
                business = new_business(city)
            else:
                business = new_business(cities[int(r() * len(cities))])
                first, last = new_person_name()
            phone, phone_format = business.office_phone, phone_formats[int(r() * 100)]
            if u >= colleague_cut and r() < 0.3:  # a direct line rather than the office number
                phone = new_phone(business.city.area_code)
            next_entity += 1
            entity = f"E{next_entity:07d}"
            trade = business.trade_titles
            title = trade[int(r() * len(trade))] if trade and r() < 0.4 else titles[int(r() * len(titles))]
            email = email_for(first, last, business.domain)
            person = Person(entity, first, last, title, email, phone, phone_format, business)
            if len(window) < WINDOW:
                window.append(person)
            else:
                window[int(r() * WINDOW)] = person
            company = company_name(business, business.suffix_index)

        city = business.city
        spellings = city.spellings
        if phone_format == 5:
            phone_text = format_phone(phone, 5, str(int(r() * 990) + 10))
        else:
            phone_text = format_phone(phone, phone_format)
        state = spellings[int(r() * len(spellings))]
        sic = business.sic
        if r() < BAD_ROW_RATE:
            kind = r()
            if kind < 0.4:
                phone_text = pick(BAD_PHONES)
            elif kind < 0.7:
                state = pick(BAD_STATES)
            else:
                sic = ""
        cells = [
            company,
            business.dba,
            first,
            last,
            title,
            email,
            phone_text,
            business.address,
            city.name,
            state,
            zip_text(business),
            business.employees,
            business.revenue,
            business.year_founded,
            sic,
            business.website,
        ]
        yield cells, entity


def write_csv(path, n: int, seed: int = 7, truth_path=None) -> int:
    """Write ``n`` rows (plus the HEADER) to ``path``; with ``truth_path`` also write source_record_id,entity_id."""
    # Rows hold no reference cycles; the cyclic collector would only keep re-walking the window of earlier people.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ExitStack() as files:
            writer = csv.writer(files.enter_context(open(path, "w", newline="", encoding="utf-8")), lineterminator="\n")
            writer.writerow(HEADER)
            truth = None
            if truth_path:
                truth = csv.writer(
                    files.enter_context(open(truth_path, "w", newline="", encoding="utf-8")), lineterminator="\n"
                )
                truth.writerow(TRUTH_HEADER)
            rows: list[list[str]] = []
            entities: list[tuple[int, str]] = []
            written = 0
            for cells, entity in generate_rows(n, seed):
                rows.append(cells)
                written += 1
                if truth is not None:
                    entities.append((written, entity))
                if len(rows) >= BATCH_ROWS:
                    writer.writerows(rows)
                    rows.clear()
                    if truth is not None:
                        truth.writerows(entities)
                        entities.clear()
            writer.writerows(rows)
            if truth is not None:
                truth.writerows(entities)
    finally:
        if collecting:
            gc.enable()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic USDataBiz CSV list (deterministic by seed).")
    parser.add_argument("out", type=Path, help="CSV file to write")
    parser.add_argument("--rows", type=int, required=True, help="number of data rows")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--truth", type=Path, default=None, help="also write source_record_id,entity_id here")
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("--rows must be >= 0")
    started = time.perf_counter()
    written = write_csv(args.out, args.rows, seed=args.seed, truth_path=args.truth)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size
    print(f"wrote {written:,} rows ({size / 1e6:.1f} MB) to {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
