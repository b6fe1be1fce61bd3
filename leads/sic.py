"""The US Standard Industrial Classification (SIC, 1987): divisions and two-digit major groups.

A SIC code of 4, 6 or 8 digits starts with its two-digit major group ("1731" -> "17"); the major group
falls in exactly one division (A-J, plus K for 99 "Nonclassifiable Establishments"). Major groups that
the 1987 manual does not define (03-06, 11, 18, 19, 66, 68, 69, 71, 74, 77, 85, 90, 98) are unknown here.
"""

import re

DIVISIONS: dict[str, tuple[str, range]] = {
    "A": ("Agriculture, Forestry, and Fishing", range(1, 10)),
    "B": ("Mining", range(10, 15)),
    "C": ("Construction", range(15, 18)),
    "D": ("Manufacturing", range(20, 40)),
    "E": ("Transportation, Communications, Electric, Gas, and Sanitary Services", range(40, 50)),
    "F": ("Wholesale Trade", range(50, 52)),
    "G": ("Retail Trade", range(52, 60)),
    "H": ("Finance, Insurance, and Real Estate", range(60, 68)),
    "I": ("Services", range(70, 90)),
    "J": ("Public Administration", range(91, 98)),
    "K": ("Nonclassifiable", range(99, 100)),
}

MAJOR_GROUPS: dict[str, str] = {
    "01": "Agricultural Production - Crops",
    "02": "Agricultural Production - Livestock and Animal Specialties",
    "07": "Agricultural Services",
    "08": "Forestry",
    "09": "Fishing, Hunting, and Trapping",
    "10": "Metal Mining",
    "12": "Coal Mining",
    "13": "Oil and Gas Extraction",
    "14": "Mining and Quarrying of Nonmetallic Minerals, Except Fuels",
    "15": "Building Construction General Contractors and Operative Builders",
    "16": "Heavy Construction Other Than Building Construction Contractors",
    "17": "Construction Special Trade Contractors",
    "20": "Food and Kindred Products",
    "21": "Tobacco Products",
    "22": "Textile Mill Products",
    "23": "Apparel and Other Finished Products Made from Fabrics and Similar Materials",
    "24": "Lumber and Wood Products, Except Furniture",
    "25": "Furniture and Fixtures",
    "26": "Paper and Allied Products",
    "27": "Printing, Publishing, and Allied Industries",
    "28": "Chemicals and Allied Products",
    "29": "Petroleum Refining and Related Industries",
    "30": "Rubber and Miscellaneous Plastics Products",
    "31": "Leather and Leather Products",
    "32": "Stone, Clay, Glass, and Concrete Products",
    "33": "Primary Metal Industries",
    "34": "Fabricated Metal Products, Except Machinery and Transportation Equipment",
    "35": "Industrial and Commercial Machinery and Computer Equipment",
    "36": "Electronic and Other Electrical Equipment and Components, Except Computer Equipment",
    "37": "Transportation Equipment",
    "38": (
        "Measuring, Analyzing, and Controlling Instruments; Photographic, Medical and Optical Goods; Watches and Clocks"
    ),
    "39": "Miscellaneous Manufacturing Industries",
    "40": "Railroad Transportation",
    "41": "Local and Suburban Transit and Interurban Highway Passenger Transportation",
    "42": "Motor Freight Transportation and Warehousing",
    "43": "United States Postal Service",
    "44": "Water Transportation",
    "45": "Transportation by Air",
    "46": "Pipelines, Except Natural Gas",
    "47": "Transportation Services",
    "48": "Communications",
    "49": "Electric, Gas, and Sanitary Services",
    "50": "Wholesale Trade - Durable Goods",
    "51": "Wholesale Trade - Nondurable Goods",
    "52": "Building Materials, Hardware, Garden Supply, and Mobile Home Dealers",
    "53": "General Merchandise Stores",
    "54": "Food Stores",
    "55": "Automotive Dealers and Gasoline Service Stations",
    "56": "Apparel and Accessory Stores",
    "57": "Home Furniture, Furnishings, and Equipment Stores",
    "58": "Eating and Drinking Places",
    "59": "Miscellaneous Retail",
    "60": "Depository Institutions",
    "61": "Nondepository Credit Institutions",
    "62": "Security and Commodity Brokers, Dealers, Exchanges, and Services",
    "63": "Insurance Carriers",
    "64": "Insurance Agents, Brokers, and Service",
    "65": "Real Estate",
    "67": "Holding and Other Investment Offices",
    "70": "Hotels, Rooming Houses, Camps, and Other Lodging Places",
    "72": "Personal Services",
    "73": "Business Services",
    "75": "Automotive Repair, Services, and Parking",
    "76": "Miscellaneous Repair Services",
    "78": "Motion Pictures",
    "79": "Amusement and Recreation Services",
    "80": "Health Services",
    "81": "Legal Services",
    "82": "Educational Services",
    "83": "Social Services",
    "84": "Museums, Art Galleries, and Botanical and Zoological Gardens",
    "86": "Membership Organizations",
    "87": "Engineering, Accounting, Research, Management, and Related Services",
    "88": "Private Households",
    "89": "Miscellaneous Services",
    "91": "Executive, Legislative, and General Government, Except Finance",
    "92": "Justice, Public Order, and Safety",
    "93": "Public Finance, Taxation, and Monetary Policy",
    "94": "Administration of Human Resource Programs",
    "95": "Administration of Environmental Quality and Housing Programs",
    "96": "Administration of Economic Programs",
    "97": "National Security and International Affairs",
    "99": "Nonclassifiable Establishments",
}

# Short tag slugs where the official name is long or awkward; the rest are derived from the name.
_SHORT_SLUGS: dict[str, str] = {
    "01": "crop-production",
    "02": "livestock-production",
    "09": "fishing-hunting-trapping",
    "14": "nonmetallic-mining",
    "15": "general-building-contractors",
    "16": "heavy-construction",
    "17": "special-trade-contractors",
    "20": "food-products",
    "23": "apparel-manufacturing",
    "24": "lumber-and-wood-products",
    "27": "printing-and-publishing",
    "28": "chemicals",
    "29": "petroleum-refining",
    "30": "rubber-and-plastics",
    "32": "stone-clay-glass-concrete",
    "34": "fabricated-metal-products",
    "35": "industrial-machinery",
    "36": "electronic-equipment",
    "38": "instruments",
    "39": "misc-manufacturing",
    "41": "passenger-transit",
    "42": "trucking-and-warehousing",
    "43": "postal-service",
    "45": "air-transportation",
    "46": "pipelines",
    "49": "utilities",
    "50": "wholesale-durable-goods",
    "51": "wholesale-nondurable-goods",
    "52": "building-materials-and-garden",
    "55": "auto-dealers-and-gas-stations",
    "56": "apparel-stores",
    "57": "home-furnishings-stores",
    "58": "eating-and-drinking-places",
    "59": "misc-retail",
    "60": "banks",
    "61": "credit-institutions",
    "62": "securities-brokers",
    "64": "insurance-agents",
    "67": "investment-offices",
    "70": "lodging",
    "75": "auto-repair-and-parking",
    "76": "repair-services",
    "79": "amusement-and-recreation",
    "80": "health-services",
    "84": "museums-and-gardens",
    "87": "professional-services",
    "89": "misc-services",
    "91": "general-government",
    "92": "public-safety",
    "93": "public-finance",
    "94": "human-resource-programs",
    "95": "environmental-and-housing-programs",
    "96": "economic-programs",
    "97": "national-security",
    "99": "nonclassifiable",
}

_CODE_RE = re.compile(r"^[0-9]{2}(?:[0-9]{2}){0,3}$")


def _slugify(name: str) -> str:
    """Lowercase a name and join its alphanumeric words with hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def major_group_of(sic_code: str | None) -> str | None:
    """Return the known two-digit major group of a 2/4/6/8-digit SIC code, else None."""
    if not sic_code:
        return None
    code = str(sic_code).strip()
    if not _CODE_RE.match(code):
        return None
    group = code[:2]
    return group if group in MAJOR_GROUPS else None


def division_of(major_group: str) -> tuple[str, str] | None:
    """Return (letter, name) of the division containing a two-digit major group, else None."""
    if not (len(major_group) == 2 and major_group.isdigit()):
        return None
    number = int(major_group)
    for letter, (name, groups) in DIVISIONS.items():
        if number in groups:
            return letter, name
    return None


def industry_of(sic_code: str | None) -> tuple[str, str] | None:
    """Return (division name, major group name) for a SIC code, or None if empty or unknown."""
    group = major_group_of(sic_code)
    if group is None:
        return None
    division = division_of(group)
    if division is None:
        return None
    return division[1], MAJOR_GROUPS[group]


def industry_slug(sic_code: str | None) -> str | None:
    """Return a short lowercase hyphenated slug of the code's major group, or None if unknown."""
    group = major_group_of(sic_code)
    if group is None:
        return None
    return _SHORT_SLUGS.get(group) or _slugify(MAJOR_GROUPS[group])
