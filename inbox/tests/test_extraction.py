"""Stage 9, extraction: which name, e-mail and phone a reply offers (``inbox.extraction`` through ``classify``).

No database. Each row is a reply as people write it and what a careful person would note down from it.
"""

import re

import pytest

from inbox.classification import classify


def _extracted(text: str, field: str) -> str:
    return classify(text).extracted.get(field, "")


# The person the reply sends us to outranks the sender's own name, which outranks a sign-off.
NAMES = [
    # a referral
    ("Best to ask 4 Marisol at the front counter", "Marisol"),
    ("pls call 303-555-0142 and ask for Mr. Okafor", "Mr. Okafor"),
    ("Reach out to my bookkeeper, Yvonne, at yvonne@hillsidebooks.com", "Yvonne"),
    ("You'll want our general manager Terrence at 512-555-0176", "Terrence"),
    ("text my brother Nico at 415-555-0188, he runs the truck", "Nico"),
    ("Not my area. Wanda handles the advertising, she's in on Fridays", "Wanda"),
    ("I'm just the receptionist. Her name is Gabriela Ortiz, she owns it.", "Gabriela Ortiz"),
    ("The guy you want is Marcus Webb, he does purchasing", "Marcus Webb"),
    ("I don't do the books. He's Bruno. 602-555-0131", "Bruno"),
    ("Send it over to frontdesk@oakdental.com attn Priscilla", "Priscilla"),
    ("this is Pam at reception, talk to our owner, Desmond Hale, about that", "Desmond Hale"),
    ("Hi this is Tara. Lionel handles marketing, try him Monday", "Lionel"),
    ("Mike doesn't work here anymore, talk to our new manager, Tina", "Tina"),
    ("This is Rhonda's Bakery, ask 4 Sheila", "Sheila"),
    # a relative answering for the person
    ("this is marco's wife, he's on a roof all day", "Marco"),
    ("Soy la hija de Ernesto, él no habla inglés", "Ernesto"),
    # Spanish, Portuguese, Tagalog
    ("Llame mañana y pregunte por la Sra. Inés Robles", "Inés Robles"),
    ("Mejor hable con mi socio Joaquín, 956 555 0123", "Joaquín"),
    ("Bom dia, sou o Thiago. Pode ligar depois das 2", "Thiago"),
    ("Opo, si Ramil po ito. Bukas na lang po", "Ramil"),
    # the sender's own name
    ("Sam who? I'm Kevin and I own the place", "Kevin"),
    ("Hi Sam, Dave here. Sure, call me Thursday", "Dave"),
    ("Im Shayla btw, the owner", "Shayla"),
    ("Hey it's Rocco from Rocco's Pizza, what's this about?", "Rocco"),
    ("(602) 555-0119. I'm Hector, call after 4", "Hector"),
    ("DEANDRE HERE. TEXT ME THE DETAILS", "Deandre"),
    ("OK CALL 216 555 0190 ASK FOR BRENDA", "Brenda"),
    ("Hola, soy Martín. Llámeme el lunes", "Martín"),
    # a sign-off, or a signature block's first line
    ("Not right now, maybe in the fall. Thanks, Colleen", "Colleen"),
    ("Sounds good -Trevor", "Trevor"),
    ("Yes, send it.\n\nNadia Park\nPark Family Chiropractic\n(503) 555-0177", "Nadia Park"),
    ("Call me Thursday.\n\nOwen Pratt | Operations Director\nopratt@prattsupply.com", "Owen Pratt"),
    ("Kindly remove my number.\n\nRegards,\nPastor Leon Hill\nHill Street Chapel", "Leon Hill"),
    # a role named with its holder, without "my" or "our"; or the person the sender answers for is away
    ("Gone till Monday. Owner's Lorenzo Baptiste, try him then", "Lorenzo Baptiste"),
    ("not me. manager is Priya, she's in at 8", "Priya"),
    ("Hi, Joel at Summit Glass. Denise Caldwell is out this week, call back Monday", "Denise Caldwell"),
    ("I'm his assistant, Tamsin. Victor is in court until Friday", "Victor"),
    ("I'm the office manager, Colette Byrne. Send the details over", "Colette Byrne"),
    ("Please forward it to our principal's secretary, Odette Marsh", "Odette Marsh"),
    ("email my bookkeeper instead - Farrah - she pays the bills", "Farrah"),
    ("Try the main line and dial extension 418 for Walter Reyes", "Walter Reyes"),
    ("Reception here. Dr. Imani Brooks is seeing patients, try her at noon", "Imani Brooks"),
    ("Please call Mrs. Delgado at the desk, Marisa Delgado, 9 to 11", "Marisa Delgado"),
    ("Hugo's my name, call anytime", "Hugo"),
    ("Reply from Nadine Cho, Clinic Coordinator: yes, send info", "Nadine Cho"),
    # a name closing the message after its last sentence, or heading a signature block under a sentence
    ("Cell is 505-555-0139. Ingrid", "Ingrid"),
    ("I can talk after the lunch rush. Chef Maurice", "Maurice"),
    ("Mornings work. \u2013 Dr. Paloma Reyes, DVM", "Paloma Reyes"),
    ("Yes please.\n(505) 555-0187\nGlen Archer\nArcher Fencing", "Glen Archer"),
    ("Send it over, thanks.\nDr. Ruth Okonkwo\nEastside Pediatrics", "Ruth Okonkwo"),
    ("Remove me please. Thank you,\nOlga Brandt\nBrandt Upholstery", "Olga Brandt"),
    # Italian, Portuguese, Polish, Korean, Chinese, Vietnamese, Haitian Creole
    ("Buonasera, sono Lucia. Mi chiami domani", "Lucia"),
    ("sono la moglie di Bruno, lui \u00e8 fuori", "Bruno"),
    ("Ol\u00e1, aqui \u00e9 o Rafael. Pode ligar amanh\u00e3", "Rafael"),
    ("Dzie\u0144 dobry, m\u00f3wi Tomasz Zielinski", "Tomasz Zielinski"),
    ("\uc800\ub294 Jason Park\uc785\ub2c8\ub2e4. \uc5f0\ub77d \uc8fc\uc138\uc694", "Jason Park"),
    ("\u8bf7\u627e\u738b\u7ecf\u7406 Annie Wang", "Annie Wang"),
    ("G\u1ecdi cho anh Minh sau 5 gi\u1edd", "Minh"),
    ("Se Wilner ki la. Rele m demen", "Wilner"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_name_is_the_contact_the_reply_gives(text, name):
    assert _extracted(text, "name") == name


# Families read since the sixth outside extraction set
MORE_NAMES = [
    # a sign-off line opened with a dash, over a number
    ("the 16th at 9 works for me\n- Gary\n817.555.4410", "Gary"),
    ("Friday is good\n~ Lorna\nlorna@pinecrestfloral.com", "Lorna"),
    # a name line heading a block that ends with a number or an address, under a sentence with no full stop
    ("between 1 and 3 today is fine\nKaren Whitfield\nWhitfield Dental\n(303) 771-4402", "Karen Whitfield"),
    ("March 18 at noon please\nJoan Reyes\n(915) 555-0191", "Joan Reyes"),
    # a sign-off in Vietnamese, Portuguese, Spanish
    ("G\u1ecdi cho t\u00f4i l\u00fac 3 gi\u1edd chi\u1ec1u mai. C\u1ea3m \u01a1n, Linh", "Linh"),
    ("amanh\u00e3 \u00e0s 9, pode ligar no 508 997 2213. Abra\u00e7o, Paulo", "Paulo"),
    ("el martes está bien. Un abrazo, Rocío", "Rocío"),
    # a role holder named after "new", "current"
    ("Dale sold the shop last year. New owner is Marisol, she's in Thurs", "Marisol"),
    ("Not me anymore. The current manager is Bettina", "Bettina"),
    # a courtesy title before a surname alone is kept: the person is called by it
    ("Sure. Thurs 10:30 works. Ask for Mr. Patel at the front desk 609-555-0100", "Mr. Patel"),
    ("Ok call my office (817)555-2231, ask for Mrs. Gonzalez. she's in Friday", "Mrs. Gonzalez"),
    # the number is a person's
    ("Call Mr. Patel's cell 609 555 0125, not the motel desk. at 11", "Mr. Patel"),
    ("text Lydia's cell, she does the ordering", "Lydia"),
    ("Not Luis, this is his brother. Luis is at 956-331-7720 after 5:30", "Luis"),
    ("Wrong guy. Abel can be reached at 915-555-0142", "Abel"),
    # Tagalog "talk to / ask for"
    ("mamayang alas-kwatro po, 808-555-0153, si Nena ang kausapin nyo", "Nena"),
    ("si Rodel po ang hanapin ninyo bukas", "Rodel"),
    # a name in full opening a sentence, then perhaps a business, then the number
    ("Yes. Randy Yoder, Yoder Fence Co., 330-893-4471, call after 6pm, not on sundays", "Randy Yoder"),
    ("Gina Marsh, 614-555-0133. Mornings", "Gina Marsh"),
    # a greeting followed by the sender's own name
    ("Hi, Kevin here. I'm at 614.555.0177 x 9, call in 15 min", "Kevin"),
    ("Hey, Tamara here. yes send it", "Tamara"),
    # a Korean name signed after a dash, a Chinese surname with its courtesy title closing the message
    (
        "\uae08\uc694\uc77c \uc624\uc804 11\uc2dc \uad1c\ucc2e\uc544\uc694 - \uae40\ubbfc\uc218 (213) 555-0145",
        "\uae40\ubbfc\uc218",
    ),
    ("\u660e\u5929\u4e0a\u5348\u5341\u70b9\u6253\u7ed9\u6211 626-288-5501 \u738b\u5148\u751f", "\u738b\u5148\u751f"),
    # a name said not to be the one we want
    ("I'm Dale's assistant. Dale isn't who you want, talk to our office mgr Trish", "Trish"),
    ("this is Ron's wife. Ron is not the one to ask, call our manager Deb", "Deb"),
]


@pytest.mark.parametrize(("text", "name"), MORE_NAMES)
def test_name_from_sign_offs_blocks_titles_and_the_persons_number(text, name):
    assert _extracted(text, "name") == name


# Words where a name would stand that are not a contact's name: a title, a denial, a program, a common word; the
# sign-off after them is the name (a cue read wrongly would outrank it)
NOT_NAMES = [
    ("Hi, this is Dr. Patel's office. Please remove us from your list.", ""),
    ("Please contact Dr. Kim directly at (847) 555-0176", ""),
    ("No soy Javier, se equivocó de número. Gracias, Elena", "Elena"),
    ("Bin bis Freitag im Urlaub. - Klaus", "Klaus"),
    ("I'm on the national Do Not Call Registry. Thanks, Harriet", "Harriet"),
    ("This is a Google Voice number I just got. - Dominic", "Dominic"),
    ("I'm Sunny, the virtual assistant for Ridge Solar. A person will reply soon. -Kendra", "Kendra"),
    # a relative answering for someone who has died: no one to ask for
    ("this is gary's daughter. he passed away in june, please stop", ""),
    # "reply" is asked of us, not a name
    ("Reply here if you want it sooner", ""),
    # days written with a hyphen after a sentence
    ("we open at 8, close at 6. Tues-Sat", ""),
    ("Closed Sundays. Mon-Fri", ""),
    # a Korean thanks after a dash
    ("\uad00\uc2ec \uc5c6\uc2b5\ub2c8\ub2e4 - \uac10\uc0ac\ud574\uc694", ""),
]


@pytest.mark.parametrize(("text", "name"), NOT_NAMES)
def test_no_name_is_taken_from_a_title_a_denial_or_a_program(text, name):
    assert _extracted(text, "name") == name


EMAILS = [
    ("Do not email me at rob@oldshop.com, that inbox is dead. Use rob.k@gmail.com", "rob.k@gmail.com"),
    (
        "Don't email rob@oldshop.com. Write to hello@brightpaws.com (not the old one on the van, brightpaws@aol.com "
        "which we dont use)",
        "hello@brightpaws.com",
    ),
    ("escríbame a ana punto ruiz arroba gmail punto com", "ana.ruiz@gmail.com"),
    ("New email. Don't use kelly1979@aol.com. use kelly.o@icloud.com, the old aol one is dead", "kelly.o@icloud.com"),
    (
        "Not jdoe@work.com, I don't check that. Email me at deleteme2000@yahoo.com (old email lol but I still use it)",
        "deleteme2000@yahoo.com",
    ),
    ("Write to billing@ferncliffvet.com (not hello@, nobody reads that). Thanks", "billing@ferncliffvet.com"),
    ("office@tidewaterhvac.com gets buried, so use marco@tidewaterhvac.com", "marco@tidewaterhvac.com"),
]


@pytest.mark.parametrize(("text", "email"), EMAILS)
def test_email_is_the_address_the_reply_says_to_use(text, email):
    assert _extracted(text, "email") == email


NOT_EMAILS = [
    "How did you get owner@lakeviewdeli.com? I never gave it out",
    "contact is info@ridgeplumbing.com but dont bother, nobody checks it",
    "Our van still says bayareapaint@aol.com which we dont use anymore",
    "We already unsubscribed from your list at frontdesk@lindenyoga.com. Stop.",
    "No me mande nada a mi correo, ventas@panaderialuz.com",
]


@pytest.mark.parametrize("text", NOT_EMAILS)
def test_an_address_the_reply_refuses_is_not_taken(text):
    result = classify(text)
    assert "email" not in result.extracted
    assert "email_capture.valid_email" not in result.matched_rules
    assert "EXTRACTION_ERROR" not in result.failures  # a valid address was read, just not offered


PHONES = [
    ("Office: 512-555-0111\nMobile: 512-555-0145 (mobile is best)", "5125550145"),
    ("cell 303-555-0133, shop 303-555-0190. use the shop one please", "3035550190"),
    ("Don't call 614-555-0120, that's the front desk. Try 614-555-0177", "6145550177"),
    ("Account # 8172234455 - call me at 214 555 0182", "2145550182"),
    ("Yeah call me 337 555 0184 I'm on the boat til 4", "3375550184"),
    ("The store line is 503-555-0160 but nobody answers it, text 503-555-0122", "5035550122"),
    ("503-555-0160 front desk, 503-555-0122 my direct. Use direct", "5035550122"),
    ("Numbers: 503-555-0160 (shop) / 503-555-0122 (mobile, preferred)", "5035550122"),
    ("Dispatch is 503-555-0160 all night. Call him direct 503-555-0122 after 6", "5035550122"),
]


# the number the reply says it used to have, or says is not the one to use; one said to be the line; a label across
# a sentence is the other number's
PHONES += [
    ("not the office line 214-555-0187, use my cell 214 603 9921. after 5 is best", "2146039921"),
    ("my old number was 915-333-2020 its now 915-333-8181. call tomorrow afternoon", "9153338181"),
    ("Previous cell: 602-555-0101, new one 602-555-0188", "6025550188"),
    ("Don't call 512-847-2200, that's the fax. 512-847-2291 is the line", "5128472291"),
    ("The number you have is our fax. Call 920-555-0134", "9205550134"),
    ("Try 702-555-0100 or 702-555-0190. 702-555-0190 is my cell", "7025550190"),
    # a number said in Spanish digit words
    ("S\u00ed, ll\u00e1meme al cinco uno dos, ocho cuatro siete, dos dos nueve uno", "5128472291"),
]


@pytest.mark.parametrize(("text", "phone"), PHONES)
def test_phone_is_the_number_the_reply_says_to_use(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "phone", "extension"),
    [
        ("Main 512-201-3000 ext 12, or my cell 512-201-4488 (cell is better)", "5122014488", None),
        ("Don't call 512-201-4488, use the office 512-201-3000 x 12", "5122013000", "12"),
        # an extension said apart from its number, in words, or before it; of several, the sender's own
        ("12:30 works, 602-555-0139 ask for Jen in billing ext. 305", "6025550139", "305"),
        ("Ok call my office (817)555-2231 extension two oh three, ask for Mrs. Gonzalez", "8175552231", "203"),
        ("Call my direct line, 612.339.8871 extension twelve", "6123398871", "12"),
        ("ext 4 when you call the main line 806-794-3350, that's Lorena", "8067943350", "4"),
        ("Ext 3 is billing, ext 4 is me. Main is (414) 276-8813. -Greg", "4142768813", "4"),
        ("Hi, Kevin here. I'm at 614.555.0177 x 9, call in 15 min", "6145550177", "9"),
        # another number's extension is not the chosen one's
        (
            "Reach me on my mobile at 414.698.3320, my desk line 414.276.1100 x 5512 is never answered",
            "4146983320",
            None,
        ),
    ],
)
def test_the_chosen_numbers_extension_comes_with_it(text, phone, extension):
    extracted = classify(text).extracted
    assert (extracted.get("phone"), extracted.get("phone_extension")) == (phone, extension)


NOT_PHONES = [
    "Do not call 312-555-0171 again. Remove me.",
    "Policy no. 3304412897 - is this the insurance company?",
    "Is this about order # 4155550123?",
    "Fax the forms to 503-555-0160, I don't answer calls",
    "Your order number for us was 5035550160, not interested otherwise",
    "I sent $250 deposit last month, invoice INV-2026-031055. whats going on",
    "Claim CLM-4155550123 is still open",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_a_refused_or_reference_number_is_not_a_phone(text):
    result = classify(text)
    assert "phone" not in result.extracted
    assert "phone_capture.valid_phone" not in result.matched_rules


# A name standing alone beside the number or closing the reply, before a business, in a one-line or vCard
# signature, said in another language, or the person the business passed to.
ALONE_AND_ABROAD_NAMES = [
    # alone beside the number, or closing the reply
    ("Wednesday at 10 works - 330.555.0171 Darrell", "Darrell"),
    ("after lunch today. Hank 406-555-0133", "Hank"),
    ("3/19 @ 2 -Cora 505-555-0148", "Cora"),
    ("sure 11 tmrw Ada Whitfield (918) 555 0167 my cell", "Ada Whitfield"),
    ("CALL ME AFTER LUNCH 254-555-0190 BOBBY JOE", "Bobby Joe"),
    ("Перезвоните после обеда. 718-555-0102, Олег", "Олег"),
    ("Call me Thursday. Wes.", "Wes"),
    ("Sounds good — (520) 555-0144 — Lorna. Anytime after 2", "Lorna"),
    # before the business it runs, on a one-line or vCard signature
    ("noon is best. Darla at Prairie Wind Realty, darla@prairiewind.com", "Darla"),
    ("Best is 2pm. Wanda, Wanda's Cafe, 785-555-0114", "Wanda"),
    ("Boyd Keller | Keller Lawn Care | o: 931.555.0180 | c: 931.555.0181", "Boyd Keller"),
    ("BEGIN:VCARD\nFN:Nadine Pike\nTEL;TYPE=CELL:+19285550122\nEND:VCARD", "Nadine Pike"),
    # said in another language, or with an honorific
    ("Chào chị, tôi là Thảo. Gọi tôi chiều mai", "Thảo"),
    ("안녕하세요 저는 이수진입니다. 내일 전화주세요", "이수진"),
    ("我是陈明，明天打给我", "陈明"),
    ("Salut, c'est Julien. Appelez demain", "Julien"),
    ("Rufen Sie morgen an. Viele Grüße, Dieter", "Dieter"),
    ("مرحبا، أنا كريم. اتصل غدا", "كريم"),
    ("Rele m demen. Se Wilner", "Wilner"),
    ("El dueño es Rogelio Vega, su cel 956-555-0177", "Rogelio Vega"),
    ("Sr. Treviño no está. Llame mañana", "Sr. Treviño"),
    ("Si Kuya Dado po ang may-ari", "Dado"),
    ("Gọi lúc 3 giờ, số 714-555-0139 Chị Hoa", "Hoa"),
    # the person the business passed to, or whose word is passed on
    ("talk to my sister in law Rita Moss, she does the books", "Rita Moss"),
    ("we sold the shop to Leon Park last fall", "Leon Park"),
    ("Father Mike says call the parish office mornings", "Mike"),
]


@pytest.mark.parametrize(("text", "name"), ALONE_AND_ABROAD_NAMES)
def test_name_alone_beside_the_number_in_a_signature_or_another_language(text, name):
    assert _extracted(text, "name") == name


# Words where a name would stand that are no one's.
NO_NAME_ALONE = [
    "Not interested. Appreciate it",
    "Let's do 3 on Thursday. Use 312.555.0104",
    "We're at 4401 Hwy 54, Dodge City",
    "BUSY AT A JOB SITE. CALL ME BACK AT 4 PM",
    "Call me later. Thanks",
    "This is my personal cell. Period.",
    "Did you really think this would work? Pathetic",
    "Don't text me. Ever.",
    "We're at 1200 Main St, Boise ID. Ph 208-555-0190",
]


@pytest.mark.parametrize("text", NO_NAME_ALONE)
def test_no_name_is_taken_from_a_closing_word_a_label_or_a_place(text):
    assert _extracted(text, "name") == ""


# The number to use when the reply says which: the label nearest a number is its own; "don't use" refuses; "<- best".
PHONES_SAID_TO_USE = [
    ("Call my cell not the office. Office 563-555-0131, Cell: 563-555-0132", "5635550132"),
    ("my number changed. old 503-555-0140 don't use. new 503-555-0141", "5035550141"),
    ("Harold Fenske\n(715) 555-0103 (o)\n(715) 555-0177 (c) <- best", "7155550177"),
]


@pytest.mark.parametrize(("text", "phone"), PHONES_SAID_TO_USE)
def test_phone_said_to_use_over_a_refused_or_other_labelled_one(text, phone):
    assert _extracted(text, "phone") == phone


def test_extension_said_with_is():
    assert _extracted("my extension is 2210, main line 414-555-0166", "phone_extension") == "2210"


# What is dialled once the number answers, in the words of many languages or right after the number ("press 2",
# "opt 3", "option 4", "local 12", "peze 2", "bấm số 3", "转 8"); the menu of the number texted is not the number's.
@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("Try the clinic at 973.555.0142, press 2 for scheduling", "2"),
        ("Main office 646.555.0170 and press 1", "1"),
        ("Billing is (505) 555-0116, opt 3", "3"),
        ("Call 773-555-0192 option 4 for the nurse line", "4"),
        ("Tawagan nyo po sa 808-555-0106 local 14", "14"),
        ("Rele biwo a 305-555-0163, peze 5", "5"),
        ("Gọi số tiệm (408) 555-0114, bấm số 6", "6"),
        ("请打 626-555-0135 转 12", "12"),
        ("Liga no 508-555-0155 ramal 7", "7"),
        ("Ligne directe : 504-555-0115 poste 318", "318"),
        ("Numer 847.555.0166 wew. 9", "9"),
        ("Звоните 929 555 0137, добавочный 23", "23"),
        ("رقم المكتب 703-555-0118 تحويلة 4", "4"),
        ("사무실 (201) 555-0128, 내선 31번", "31"),
        ("Llame al 213.555.0176 extensión 45", "45"),
    ],
)
def test_an_extension_said_in_other_words_or_languages(text, extension):
    assert _extracted(text, "phone_extension") == extension


def test_the_menu_of_the_number_texted_is_not_another_numbers_extension():
    text = "You reached the dispatch line. For billing press 2. For the owner call 682-555-0153 after 7pm."
    assert _extracted(text, "phone_extension") == ""


def test_a_policy_number_with_us_is_not_a_phone():
    assert _extracted("Our policy number with you is 4478201953, we're covered", "phone") == ""


# The person to ask for in other languages and after roles; titles kept as written before a surname; sign-offs in
# other languages; a name and the title it holds closing the reply.
EIGHTH_SET_NAMES = [
    # after a role, a possessive or "to"
    ("Not my department. You want Wendy in payroll, 801-555-0177", "Wendy"),
    ("Front desk here. Reps go through Dr. Amin's office manager, Rosalind Hart.", "Rosalind Hart"),
    ("Hi, this is Jo at reception. Ask Dr. Feld's assistant, Priya.", "Priya"),
    ("Secretary to Attorney Gordon Blake here. He can talk Friday.", "Gordon Blake"),
    ("I'm Dr. Ostrowski's scheduler, he has Thursday open", "Dr. Ostrowski"),
    ("This is Mrs. Ferrante's assistant. She is out until Monday.", "Mrs. Ferrante"),
    ("I'm the hygienist, not the owner. Ask for Dr. Lindqvist.", "Dr. Lindqvist"),
    ("I'm the front desk. Dr. Wexler is in surgery today, call tomorrow and ask for him.", "Dr. Wexler"),
    ("Dr. Pruitt is with patients all morning. Try him after 1.", "Dr. Pruitt"),
    ("Dr. Hale is unavailable. Please email the office.", ""),
    ("Mr. Osei is with patients until 2. Try him then.", "Mr. Osei"),
    ("I'm his wife. Ramon's at a job site till 6.", "Ramon"),
    ("You can reach me, Delia, at ext 204 on the main line 702-555-0190.", "Delia"),
    ("Email Mama (Josefina) at the shop, she runs it", "Josefina"),
    # other languages
    ("Tôi là chồng của chị Mai. Chị ấy đang bận.", "Mai"),
    ("Chủ tiệm là anh Phong, thứ Ba gọi lại nhé", "Phong"),
    ("Hello po, ako po yung secretary ni Atty. Reyes.", "Atty. Reyes"),
    ("O gerente, Sr. Barbosa, volta amanhã.", "Sr. Barbosa"),
    ("Pode ligar à tarde. Fala com a Luciana.", "Luciana"),
    ("Bonjou, se madanm li mwen ye. Wilfrid ap travay jodi a.", "Wilfrid"),
    ("Se pitit gason li mwen ye, Fritz. Rele m demen.", "Fritz"),
    ("Rele biwo a, mande pou Madan Pierre.", "Madan Pierre"),
    ("Bonjour, ici l'assistante. Maître Girard peut vous parler lundi.", "Maître Girard"),
    ("Appelez le bureau et demandez Hélène.", "Hélène"),
    ("Dzień dobry, tu żona właściciela. Zbigniew jest w pracy.", "Zbigniew"),
    ("Namaste, main Verma ji ki beti hoon. Papa bahar hain.", "Verma"),
    ("Office ka number yahi hai, Sunil se baat kariye.", "Sunil"),
    ("Звоните в офис, спросите Дмитрия", "Дмитрий"),
    ("Звоните в офис, контакт — Ольга Смирнова", "Ольга Смирнова"),
    ("رقم المكتب 703-555-0118، اسأل عن الأستاذ كريم", "الأستاذ كريم"),
    ("الدكتورة سلمى مشغولة الآن. اتصل بعد الظهر", "الدكتورة سلمى"),
    ("내일 오전에 최영호 실장님 찾으시면 됩니다", "최영호"),
    ("저는 딸인데요, 어머니가 바쁘세요. 정수민, 646-555-0141", "정수민"),
    ("老板李先生不在，明天再打", "李先生"),
    ("他太太说的，找阿明就行。", "阿明"),
    # sign-offs in other languages, a name and its title closing the reply
    ("Envíelo a la oficina, no a mi correo. Atte. Rocío", "Rocío"),
    ("Proszę o maila. Pozdrawiam, Tomasz Nowak", "Tomasz Nowak"),
    ("Merci d'écrire au bureau. Cordialement, Julie Lambert", "Julie Lambert"),
    ("أرسل العرض على البريد — سامي", "سامي"),
    ("이메일로 보내주세요. 한지민 과장", "한지민"),
    ("请发邮件给我们，谢谢。王小明", "王小明"),
    ("Use the office address, not mine. Brenda Holt, Office Manager", "Brenda Holt"),
    ("Пишите на почту офиса. Светлана, офис-менеджер", "Светлана"),
]


@pytest.mark.parametrize(("text", "name"), EIGHTH_SET_NAMES)
def test_name_after_roles_titles_and_sign_offs_in_more_languages(text, name):
    assert _extracted(text, "name") == name


# Roles and words where a name would stand that are no one's: "the front desk", "his wife", "the secretary", "his son",
# "the manager", a contract, "Rele" (call), a verb ending a Korean sentence, a program's maker, a death.
NOT_NAMES_EIGHTH = [
    "你好，我是前台。请明天打。",
    "我是他太太。他不在。",
    "مرحبا، أنا السكرتيرة.",
    "أنا ابنه. والدي مشغول.",
    "كلم المدير على 313-555-0167",
    "ممكن نتكلم بكرة الساعة ١١؟",
    "이 번호로 연락 주세요 469-555-0137",
    "We're happy with our provider. Contract runs through 2028.",
    "Pa rele la a ankò. Rele 954-555-0111 pito.",
    "Hi! I'm Ava, the virtual assistant for Canyon Solar. Reply YES for a quote.",
    "This is his wife. Rick passed away in March. Please take him off your list.",
    "This is her assistant. Should be back in April.",
    "不用了，谢谢",
]


@pytest.mark.parametrize("text", NOT_NAMES_EIGHTH)
def test_a_role_a_word_or_a_death_gives_no_name(text):
    assert _extracted(text, "name") == ""


# The trades: the person to ask for after a courtesy title on a given name ("don Beto": Beto), an engineer's title
# kept with the surname, an article alone ("el Güero", "o Thiago"), the roles of a farm, a crew or a yard in Spanish
# and Portuguese, "talk with" and "ask for" in Punjabi; initials signed after a dash.
NINTH_SET_NAMES = [
    ("Los lunes nomás. Pregunte por don Chema", "Chema"),
    ("Pregunte por doña Licha en la oficina", "Licha"),
    ("Pode falar com a Dona Cida, 617-555-0142", "Cida"),
    ("Pregunte por el ingeniero Salazar en la obra", "ingeniero Salazar"),
    ("Mejor pregunte por el Lic. Ortega", "Lic. Ortega"),
    ("Llame al patio y pregunte por el Chato", "Chato"),
    ("Liga pro meu encarregado, o Edson", "Edson"),
    ("Eso lo ve mi capataz Ramiro, 559-555-0173", "Ramiro"),
    ("Yo nomás manejo, el patrón es Don Rafa", "Rafa"),
    ("Hable con nuestra despachadora Yesenia", "Yesenia"),
    ("Office vich Manpreet naal gal karo, 209-555-0160", "Manpreet"),
    ("Yard te Jaspal nu puchho", "Jaspal"),
    ("Back Thursday. -KC", "KC"),
    ("Not interested at this time. - T. Brannigan, Brannigan Paving", "T. Brannigan"),
    ("call after 3 — J.R. Haynes", "J.R. Haynes"),
]


@pytest.mark.parametrize(("text", "name"), NINTH_SET_NAMES)
def test_name_after_titles_articles_and_trade_roles_or_signed_by_initials(text, name):
    assert _extracted(text, "name") == name


@pytest.mark.parametrize("text", ["Running late, be there ASAP. -FYI", "Call me when you can - OK"])
def test_capitals_after_a_dash_that_are_no_initials(text):
    assert _extracted(text, "name") == ""


# An extension after the desk it reaches ("dispatch is x3"), before or after the number; "2x4" is lumber.
@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("dispatch is x4 on the main line (972) 555-0188", "4"),
        ("Main yard 505-555-0190, billing: x12", "12"),
        ("Call 806-555-0121 and dial x207", "207"),
        ("Shop 806-555-0121, need 2x4 and 4x8 sheets", ""),
    ],
)
def test_an_extension_after_a_desk(text, extension):
    assert _extracted(text, "phone_extension") == extension


# A number said to be old or dead after it ("X is the old one", "ese ya no sirve"), one refused in Spanish before it
# ("No use el X"); an address nobody checks in Spanish or Portuguese.
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("the number on the truck 830-555-0144 is the old one. cell is 830-555-0102", "8305550102"),
        ("817-555-0150 is disconnected, try 817-555-0151", "8175550151"),
        ("El 956-555-0112, ese ya no sirve. Ahora es 956-555-0185", "9565550185"),
        ("No llame al 210-555-0133, mejor al 210-555-0134", "2105550134"),
    ],
)
def test_a_number_said_old_or_refused_in_spanish(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("El correo es info@fletes.example pero no lo revisan, mejor a beto@fletes.example", "beto@fletes.example"),
        ("Tengo admin@granja.example, ya no lo uso. Use mario@granja.example", "mario@granja.example"),
        ("O email contato@obra.example ninguém olha, manda pra ze@obra.example", "ze@obra.example"),
    ],
)
def test_an_address_nobody_checks_in_spanish_or_portuguese(text, email):
    assert _extracted(text, "email") == email


# A signature on one line pasted after the reply's last words, perhaps with a title or credential before its first
# "|"; a name with a credential or the agency it runs closing the reply; the sender and their trade in Spanish;
# "это" (this is) in Russian; the person to ask for or the sender in Hebrew, Korean with a trade, Chinese with where
# the person sits, Vietnamese in three words.
TENTH_SET_NAMES = [
    ("Happy to help. Dana Kessler | Broker | Kessler Realty | dana@kesslerrealty.example", "Dana Kessler"),
    ("Thanks, Paul Ferris, Esq. | Ferris Law | T 312.555.0190 | F 312.555.0191", "Paul Ferris"),
    ("Text me. -- Rita Gomez, NMLS #554120 | Loan Officer | O: 312-555-0100 | M: 312-555-0101", "Rita Gomez"),
    ("Direct line 404-555-0133. Omar Haddad, CPA", "Omar Haddad"),
    ("Office is best. Lena Brooks, Brooks Insurance Agency", "Lena Brooks"),
    ("Soy la abogada Marisa Peña. Llámeme el lunes.", "Marisa Peña"),
    ("Здравствуйте, это Ирина. Позвоните завтра.", "Ирина"),
    ("שלום, מדברת מיכל. תתקשר מחר.", "מיכל"),
    ("תבקשי את אבי, 212-555-0144.", "אבי"),
    ("נדבר ביום שני. - רונית", "רונית"),
    ("박지영 실장입니다. 내일 전화 주세요.", "박지영"),
    ("找前台的王小姐，电话 626-555-0110。", "王小姐"),
    ("Hỏi gặp chị Trần Thị Mai, 714-555-0122.", "Trần Thị Mai"),
]


@pytest.mark.parametrize(("text", "name"), TENTH_SET_NAMES)
def test_name_in_a_pasted_signature_or_said_in_hebrew_korean_chinese_vietnamese_russian(text, name):
    assert _extracted(text, "name") == name


@pytest.mark.parametrize(
    "text",
    [
        "Do not contact me again.\n\nR. Whitfield, Esq.",  # a surname after an initial
        "보험 증권번호 KR-558201 관련이면 본사에 문의하세요. 영업 전화는 사절입니다.",  # "전화는" is no name
        "Это не Светлана, вы ошиблись номером.",
        "תבקש את המנהלת.",  # the manager: a role
    ],
)
def test_no_name_in_a_surname_after_an_initial_a_word_or_a_role(text):
    assert _extracted(text, "name") == ""


# A toll-free queue the sender says not to bother with or not to use; a label with a colon after a number heads the
# next one ("Oficina: X, Fax: Y" is no fax X).
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Toll free 1-866-555-0140 is just the main queue, don't bother with it. Cell is 303-555-0118.", "3035550118"),
        ("Toll Free: 877-555-0120 (please don't use, it's the corporate queue) | Cell: 951-555-0183", "9515550183"),
        ("Oficina: 915-555-0112, Fax: 915-555-0113.", "9155550112"),
        ("Office 915-555-0112, fax 915-555-0113", "9155550112"),
    ],
)
def test_a_queue_not_to_use_and_a_label_that_heads_the_next_number(text, phone):
    assert _extracted(text, "phone") == phone


# An extension in Vietnamese ("máy lẻ 21") and Hebrew ("שלוחה 4").
@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("Gọi số 408-555-0178 máy lẻ 21.", "21"),
        ("516-555-0157 שלוחה 4.", "4"),
    ],
)
def test_an_extension_in_vietnamese_and_hebrew(text, extension):
    assert _extracted(text, "phone_extension") == extension


# The number to use of several: one marked "(best)"; "reach me on my cell" over the office's; the new one after the old
# one said not to be used in Tagalog, Polish, Lebanese Arabic in Latin letters and Hmong; a main line over an
# after-hours or emergency line; none from an emergency line alone or a number to take off the list.
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("shop 765-555-0100 / cell 765-555-0115 (best) / fax 765-555-0101. Randy", "7655550115"),
        ("Office 317-555-0100, cell 317-555-0199 (preferred)", "3175550199"),
        ("Best to reach me on my cell, the office number 615-555-0100 goes to voicemail. Cell: 615-555-0148.",
         "6155550148"),
        ("Huwag po kayong tumawag sa 601-555-0145, luma na po yun. Ang bago po ay 601-555-0110", "6015550110"),
        ("Stary numer 847-555-0180 jest nieaktualny, proszę nie używać. Nowy: 847-555-0112", "8475550112"),
        ("Ra2mna el 2adim 313-555-0190 ma 3ad yishteghil. El jdid 313-555-0111", "3135550111"),
        ("Tsis txhob hu 651-555-0136 ntawd, yog kuv tus qub. Tus tshiab yog 651-555-0120", "6515550120"),
        ("After-hours emergency line is 937-555-0111 but that's for pets only. Call the main line 937-555-0100",
         "9375550100"),
        ("Ang office hours po namin ay 8am-5pm. Main line po 706-555-0150", "7065550150"),
        ("This is the after-hours line. If this is a pet emergency call 888-555-0170.", ""),
        ("We are a daycare. Please remove 501-555-0103 from your list", ""),
    ],
)  # fmt: skip
def test_the_number_marked_best_new_or_for_business_over_an_old_or_emergency_one(text, phone):
    assert _extracted(text, "phone") == phone


# An extension said as "my direct is x117." closing a sentence, the Tagalog "loc. 22", and a menu's keys pressed one
# after the other ("press 4 then 12").
@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("Main line (812) 555-0180, my direct is x117. Joan Pruitt", "117"),
        ("Tumawag po kayo bukas sa 904-555-0118 loc. 22", "22"),
        ("press 4 then 12 when you call 317-555-0100, that gets you to her desk", "412"),
        ("Call 317-555-0100, dial 2 and then 305.", "2305"),
    ],
)
def test_an_extension_after_is_in_tagalog_or_pressed_in_turn(text, extension):
    assert _extracted(text, "phone_extension") == extension


def test_an_address_nobody_reads_in_lebanese_arabic():
    text = "El email info@example.com ma 7ada bi2rah, ib3at 3ala rania@example.com"
    assert _extracted(text, "email") == "rania@example.com"


# A title before a surname, kept as written, where the reply sends us to the person (who handles it, will look at it,
# is its director, whose line or desk it is, what goes to them), and a title before a given name dropped ("Sister
# Carol", "Father Tom", "Pastor James", "pani Kasia", "Hajj Mahmoud"); the person the message is passed to; in
# Spanish, Polish, Tagalog, Hmong and Lebanese Arabic in Latin letters too.
ELEVENTH_SET_REFERRALS = [
    ("Hi, front desk. Dr. Patel handles all the vendor stuff, his direct is 317-555-0113", "Dr. Patel"),
    ("Our clinic director is Dr. Reinholt. Reach her at 608-555-0177", "Dr. Reinholt"),
    ("Send it to office@example.com and Dr. Brandt will look at it", "Dr. Brandt"),
    ("You can email secretary@example.org, Sister Carol checks it Mon/Wed", "Carol"),
    ("Pastor James would be the one to talk to, he's in tomorrow", "James"),
    ("Hello, Father Tom is the pastor here at St. Casimir.", "Tom"),
    ("Business matters go to Deacon Harris, 706-555-0118", "Deacon Harris"),
    ("Dr. Kowalczyk's direct line: 773-555-0161.", "Dr. Kowalczyk"),
    ("press 4 then 12 when you call 317-555-0100, that gets you to Dr. Liang's desk", "Dr. Liang"),
    ("Call Dr. Okafor's cell, NOT the office. 614-555-0101", "Dr. Okafor"),
    ("Ask for ext 204, that's Melanie in scheduling.", "Melanie"),
    ("Email pricing to frontdesk@example.com, attention Tasha", "Tasha"),
    ("Tell me your name and I'll tell Angie.", "Angie"),
    ("Send a text to my wife, she runs the books: Carla 765-555-0102. I'm Dave", "Carla"),
    ("La doctora Gutiérrez puede el martes 17 a las 9:30", "doctora Gutiérrez"),
    ("Proszę pytać o dr Nowak, dzwonić jutro o 15", "dr Nowak"),
    ("Proszę wysłać maila na biuro@example.com, pani Kasia odpowie", "Kasia"),
    ("Si Dr. Santos po ang owner, tumawag po kayo bukas", "Dr. Santos"),
    ("Hu rau 828-555-0170 ext 7, nug Dr. Lor.", "Dr. Lor"),
    ("Dr. Khoury mish hon lyom, ittasil bukra", "Dr. Khoury"),
    ("Yom el khamis, es2al 3an Hajj Mahmoud bel maktab", "Mahmoud"),
]


@pytest.mark.parametrize(("text", "name"), ELEVENTH_SET_REFERRALS)
def test_a_titled_person_the_reply_sends_us_to_and_the_one_told(text, name):
    assert _extracted(text, "name") == name


# The sender a doctor ("This is Dr. Okonkwo", "Dr. Adeyemi. X", "X, Dr. Farris", "-Dr. Kaminski X", "- Dr. Juarez"); a
# sign-off before the business ("- Kim @ Paws & Claws Vet"); a name and business after the last number ("Tom Beckett |
# Beckett Insurance Group"); a name and a role before the business ("Joan Pruitt, Office Mgr Pruitt & Sons
# Insurance"); a name alone after "I'm free" or "mejor por whats"; the name the sender corrects to; a relative
# answering in English, Tagalog, Lebanese Arabic, Hmong and Polish; the sender in Lebanese Arabic and Hmong.
ELEVENTH_SET_SENDERS = [
    ("This is Dr. Okonkwo. My cell is 317-555-0184.", "Dr. Okonkwo"),
    ("Thursday at 10:45 works. Dr. Adeyemi. 470-555-0119", "Dr. Adeyemi"),
    ("call back around 2 pm today, 901-555-0140, Dr. Farris", "Dr. Farris"),
    ("call at 8. -Dr. Kaminski 414-555-0159", "Dr. Kaminski"),
    ("My cell is best 404 555 0165. - Dr. Juarez", "Dr. Juarez"),
    ("before that pls. 502.555.0131 - Kim @ Paws & Claws Vet", "Kim"),
    ("text dont call. -Cody @ Cody's Auto", "Cody"),
    ("Direct: 614.555.0199 | Fax: 614.555.0101 Tom Beckett | Beckett Insurance Group", "Tom Beckett"),
    ("Main line 812-555-0180, my direct is x117. Joan Pruitt, Office Mgr Pruitt & Sons Insurance", "Joan Pruitt"),
    ("Use the text line 678-555-0172. Thursday after 4 I'm free. Coretta", "Coretta"),
    ("mejor por whats, 864-555-0173, despues de las 5 porfa. Yesenia", "Yesenia"),
    ("5 pm works. this is Coach—err I mean Mr. Fields lol. 417-555-0190", "Mr. Fields"),
    ("hi its Marisol's daughter, she doesnt read english texts", "Marisol"),
    ("Anak po ako ni Tita Lorna, siya po may-ari ng salon.", "Lorna"),
    ("Ana marat Hassan, howwe bel shoghol halla2.", "Hassan"),
    ("Kuv yog Tou tus poj niam. Nws tab tom ua hauj lwm", "Tou"),
    ("Tu żona właściciela. Mąż ma na imię Marek, jest w warsztacie.", "Marek"),
    ("Ana Samir, sa7eb el garage.", "Samir"),
    ("Ahlan, ana Rania, mudeerat el ofis. ib3at 3ala rania@example.com", "Rania"),
    ("Nyob zoo, kuv yog Pa Nhia. Hu rau kuv tag kis", "Pa Nhia"),
    ("Xa email rau kuv: kou@example.com. Kuv yog Kou", "Kou"),
]


@pytest.mark.parametrize(("text", "name"), ELEVENTH_SET_SENDERS)
def test_a_doctor_signing_a_signature_after_the_number_and_relatives_in_more_languages(text, name):
    assert _extracted(text, "name") == name


def test_an_automated_reply_names_no_doctor():
    text = "This is an automated reply. The office of Dr. Morgan Ellis DDS is closed this week."
    assert _extracted(text, "name") == ""


def test_a_deacon_called_by_a_surname_keeps_the_title():
    assert _extracted("For the church, call Deacon Williams, 912-555-0133.", "name") == "Deacon Williams"


# Guards for the titles kept above: a titled person away or not taking the matter, or a line only answered for them,
# names the sender or no one.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This is the office manager, Dr. Kim is out on maternity leave until March", ""),
        ("The owner is Dr. Patel and he doesn't do any of this", ""),
        ("Hi, this is Kayla at Bright Smiles, I answer Dr. Patel's line. He asked me to tell you to stop.", "Kayla"),
    ],
)
def test_a_titled_person_away_or_not_taking_it_is_no_contact(text, name):
    assert _extracted(text, "name") == name


# Of two addresses, the one whose owner is said to read theirs sooner; that person is the contact.
@pytest.mark.parametrize(
    ("text", "email", "name"),
    [
        ("Email both of us: dr.hale@example.com and Cindy@Example.com. Cindy reads hers faster", "cindy@example.com",
         "Cindy"),
        ("Send it to info@example.com or marco.r@example.com, Marco checks his more often", "marco.r@example.com",
         "Marco"),
    ],
)  # fmt: skip
def test_the_address_of_the_one_who_reads_it_sooner(text, email, name):
    assert (_extracted(text, "email"), _extracted(text, "name")) == (email, name)


# A number dictated to a phone after its area code, digits heard as words ("for" 4, "to" 2, "won" 1, "ate" 8).
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Hey this is Rick call me at area code 317 for 5 to 9 for 1 to", "3174529412"),
        ("area code 614, ate 5 won 2 2 to 9. ask for Dee", "6148512229"),
    ],
)
def test_a_number_dictated_after_its_area_code(text, phone):
    assert _extracted(text, "phone") == phone


def test_a_count_after_an_area_code_is_no_number():  # a guard for the one above
    assert _extracted("we're in area code 317 for 5 years now", "phone") == ""


def test_a_number_taken_as_the_line_is_not_one_taken_off():  # a guard for "Please take X off."
    assert _extracted("You can take 317-555-0100 as my main line", "phone") == "3175550100"
    assert _extracted("Please take 919 555 0133 off. we get 20 of these a day", "phone") == ""


# The thirteenth outside set: the person sent to by the message left with them or the letter addressed to them, by
# Portuguese "pergunta pela", a French relative or manager ("mon frère Rémy"), Vietnamese "gặp", a relative said to
# run the place ("My brother Rudy's the owner"), "Owner's name is" without "the", and a titled person who will take
# the call ("Dr. Vasquez can do a quick call", Spanish "atiende", Portuguese "pode conversar").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("leave a message with Denise. 843-556-2021, press 0 for the operator", "Denise"),
        ("nobody's here today, leave word with Harold at the front", "Harold"),
        ("Send it to info@example.com but address it to Martha", "Martha"),
        ("Please have it addressed to Leonard in purchasing", "Leonard"),
        ("Pode ligar pra mim, pergunta pela Juliana, amanhã de manhã: 954 318 7720", "Juliana"),
        ("Liga na loja e pergunte pelo Thiago", "Thiago"),
        ("Appelez mon frère Rémy au 337 235 6614 demain après-midi", "Rémy"),
        ("Écrivez à notre gérante, Sophie, elle décide", "Sophie"),
        ("Anh gọi số tiệm 281-495-6673, bấm số 2, gặp Lan", "Lan"),
        ("My brother Rudy's the owner, I'm just the foreman. Reach him at rudy@example.com", "Rudy"),
        ("My wife Carla's the boss here, I just answer the phone", "Carla"),
        ("This is Shirley at the front desk. Owner's name is Mr. Boudreaux, he's only in before 8am", "Mr. Boudreaux"),
        ("Manager's name is Terri, she's in after 2", "Terri"),
        ("Dr. Vasquez can do a quick call Thursday at 12:45 between patients", "Dr. Vasquez"),
        ("Dr. Ahmed can talk Friday after clinic", "Dr. Ahmed"),
        ("Soy la recepcionista. La Dra. Ramírez atiende a los vendedores los miércoles", "Dra. Ramírez"),
        ("A Dra. Fernanda pode conversar sexta à tarde", "Dra. Fernanda"),
    ],
)
def test_the_thirteenth_sets_ways_of_sending_us_to_someone(text, name):
    assert _extracted(text, "name") == name


@pytest.mark.parametrize(
    "text",
    [
        # a message left or a letter addressed, no one named; a relative who does not run it; a doctor who cannot
        "leave a message with the front desk",
        "address it to the office, not to me",
        "my brother Rudy's truck is in the shop",
        "Dr. Vasquez can't do calls, sorry",
        "Counselor can speak next Tuesday at 11:00 AM. Please confirm.",
        "Hẹn gặp lại",
        "Appelez mon bureau demain",
    ],
)
def test_the_thirteenth_sets_near_misses_name_no_one(text):
    assert _extracted(text, "name") == ""


# The thirteenth outside set: an address whose domain is given after a few words or in brackets ("sales@ (our domain
# is X)") or whose mailbox is said with its underscore or dash; a local number and its area code said apart; an
# extension said in tens ("ext forty two"); a number said to be the better one in brackets.
@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Email: sales@ (our domain is pinecrestmotors.com)", "sales@pinecrestmotors.com"),
        ("Send it to info@ but address it to Martha — our domain is mesquitegrillaz.com", "info@mesquitegrillaz.com"),
        ("it's all lowercase: tj underscore bowman at bowmanbros dot biz", "tj_bowman@bowmanbros.biz"),
        ("mary dash ellen at gmail dot com", "mary-ellen@gmail.com"),
        ("a underscore b underscore c at example dot com", "a_b_c@example.com"),
    ],
)
def test_the_thirteenth_sets_addresses(text, email):
    assert _extracted(text, "email") == email


@pytest.mark.parametrize(
    ("text", "email"),
    [
        # a whole address before the site stays as it is; an underscore said with no address after it
        ("bob@shopmail.com, our website is bobsshop.com", "bob@shopmail.com"),
        ("the file is called report underscore final, email it to jo@example.com", "jo@example.com"),
    ],
)
def test_the_thirteenth_sets_addresses_guards(text, email):
    assert _extracted(text, "email") == email


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("call the shop. 926-3310, area code is 225", "2259263310"),
        ("just call the shop 262-1187, area code is 907", "9072621187"),
        ("you can call but dont expect me to buy anything. 405 to start, then 840-2296", "4058402296"),
        ("area code 317, then 555-0142", "3175550142"),
        ("Home: 225-766-3308. Cell: 225-921-4475 (better)", "2259214475"),
        ("214-555-0100 or 214-555-0101 (best one)", "2145550101"),
        ("972-555-0100 or 972-555-0101 (better one)", "9725550101"),
    ],
)
def test_the_thirteenth_sets_numbers(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a count or a price before "to start" is no area code; a number with its own code keeps it
        ("we have 300 to start, then 555-0142 is the shop", ""),
        ("225-766-3308, area code is 225 for the whole parish", "2257663308"),
    ],
)
def test_the_thirteenth_sets_numbers_guards(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("eight oh one, five seven two, four four one nine. ext forty two", "42"),
        ("801-572-4419 extension twenty-five", "25"),
        ("801-572-4419 ext thirty", "30"),
    ],
)
def test_the_thirteenth_sets_extensions_in_tens(text, extension):
    assert _extracted(text, "phone_extension") == extension


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a number taken back as soon as it is said: the one said after it
        ("Best # is 860-882-4410? no sorry that's the fax. 860-882-4400 and press 1", "8608824400"),
        ("Call Marcy at 412-344-9017. no wait call the other one, Donna's 412-344-9020", "4123449020"),
        ("Pat's direct is 617-262-4051. hold on, Pat's out all week. Call me instead, 617.262.4039", "6172624039"),
        ("try 503-771-2290, scratch that, 503-771-2291 is the shop", "5037712291"),
        ("Ewa, 312-767-2210... nie, czekaj, teraz to Kasia, 312-767-2283.", "3127672283"),
        ("번호 847-724-0936. 아 잠깐, 그건 옛날 번호고 지금은 847-724-0963이에요", "8477240963"),
    ],
)
def test_the_fourteenth_sets_numbers_taken_back(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # the extension is what is taken back, not the number; "no" alone takes nothing back; a number said once stays
        ("630.834.5502 x207. no wait thats her old ext, it's 227 now", "6308345502"),
        ("call 503-771-2290. no, I don't have a cell", "5037712290"),
        ("503-771-2290, wait for the beep and leave a message", "5037712290"),
    ],
)
def test_the_fourteenth_sets_numbers_taken_back_guards(text, phone):
    assert _extracted(text, "phone") == phone


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        # an extension taken back: the one said instead
        ("Mary decides that. 630.834.5502 x207. no wait thats her old ext, it's 227 now", "227"),
        ("call the shop 216.883.4471 ext 12, thats Mike's desk. no wait Mike's out til the 20th, do ext 14", "14"),
        ("main line 312-555-0190, ext 31. hold on, make that 33", "33"),
        ("Best # is 860-882-4410? no sorry that's the fax. 860-882-4400 and press 1", "1"),
    ],
)
def test_the_fourteenth_sets_extensions_taken_back(text, extension):
    assert _extracted(text, "phone_extension") == extension


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        # taken back with none said instead: no extension; an extension said once stays
        ("312-555-0190 ext 31. no wait, just ask the front desk", ""),
        ("312-555-0190 ext 31, wait for the menu to finish", "31"),
    ],
)
def test_the_fourteenth_sets_extensions_taken_back_guards(text, extension):
    assert _extracted(text, "phone_extension") == extension


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name taken back: the one said next
        ("Call Marcy at 412-344-9017. no wait call the other one, Donna, Marcy's only part time", "Donna"),
        # a person said to decide or to see to it, or to have taken over
        ("Mary decides that stuff. She's at our Elmhurst office", "Mary"),
        ("our installer Kevin does the marketing stuff lol. 630-209-4418", "Kevin"),
        ("I don't work at the body shop anymore. Try Luis, he took over, 216-631-0947", "Luis"),
        ("Ask my partner. Raymond makes the decisions", "Raymond"),
        # a person named with what they do is no "who?"
        ("ext 110 is me, 111 is Jen who does scheduling. I'd rather you talk to Jen", "Jen"),
        # the person who will call back
        ("Leave your number and I'll have Ron call you", "Ron"),
        ("I'll get Maria to call you back tomorrow", "Maria"),
        # a relative said to own the place, the name after a comma
        ("My dad owns the bakery, Stan. Call between 2 and 3", "Stan"),
        ("my wife runs the office, Carla. 555 is not her number", "Carla"),
        # a lead named
        ("Our team lead is Jason Meyer, jmeyer AT prairiehomesgroup DOT com", "Jason Meyer"),
        # the owner or a relative in Italian, Polish, Ukrainian, Portuguese
        ("Buongiorno, il titolare è Giuseppe. Lo trova in pasticceria domani", "Giuseppe"),
        ("Właściciel to Marek. Niech pan zadzwoni w piątek", "Marek"),
        ("Szefowa nazywa się Krystyna Nowak, to ona prowadzi biuro.", "Krystyna Nowak"),
        ("Доброго дня. Власник — Андрій, вдень він на об'єктах.", "Андрій"),
        ("Boa tarde. O dono é o Sr. Almeida, ele só chega amanhã", "Sr. Almeida"),
        ("Scriva a mia figlia Francesca, si occupa lei del sito", "Francesca"),
    ],
)
def test_the_fourteenth_sets_names(text, name):
    assert _extracted(text, "name") == name


@pytest.mark.parametrize(
    "text",
    [
        # a place not to call; a title or a pronoun in the owner's place; "Sam who?" is still ours; a name said once
        # and not taken back stays (tested above), one taken back with no other is no one
        "We've got 2 offices. Don't call Fargo. Call the Moorhead one",
        "dont call Boston, we moved",
        "I'll have my guy call you",
        "Sam who? never heard of you",
        "il titolare è in ferie",
        "Call Marcy at 412-344-9017. no wait, never mind",
        "My dad owns the bakery, so call there",
    ],
)
def test_the_fourteenth_sets_names_guards(text):
    assert _extracted(text, "name") == ""


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        # the extension's dot spaced as the number's are; "x" opening a sentence after the number's
        ("yes. 208 . 376 . 2290 . ext . 9", "9"),
        ("call 303 . 555 . 0142 . extension . 12", "12"),
        ("Try Wes at (541) 265 8800, he's the owner. x 201. Thursday works for him", "201"),
    ],
)
def test_the_fifteenth_sets_extensions(text, extension):
    assert _extracted(text, "phone_extension") == extension


@pytest.mark.parametrize(
    "text",
    [
        # a word after a spaced "ext ."; "x" inside a word or a sum, or an "x" with no digits
        "Call 541-265-8800. Ext . The one upstairs",
        "Call 541-265-8800. 2x4 lumber only",
        "Call 541-265-8800. x marks the spot",
    ],
)
def test_the_fifteenth_sets_extensions_guards(text):
    assert _extracted(text, "phone_extension") == ""


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # digits dictated in their three groups, the commas spaced
        ("Yea call me 4 3 5 , 7 2 3 , 0 0 8 6", "4357230086"),
        ("cell is 9 1 7 , 4 2 6 , 0 3 8 8 thanks", "9174260388"),
    ],
)
def test_the_fifteenth_sets_phones(text, phone):
    assert _extracted(text, "phone") == phone


def test_the_fifteenth_sets_phones_guard():
    # a group short of its digits is no number
    assert _extracted("call 4 3 5 , 7 2 3 , 0 0 8", "phone") == ""


def test_the_name_patterns_searched_by_their_first_characters_find_what_they_always_found():
    """Each referral and self-introduction pattern is searched through a scan of the characters its matches begin with
    (``usdatabiz.core.regexgate.ScannedRegex``): on every reply of the extraction corpus, as typed and in capitals,
    it finds the same matches, at the same places, as the pattern searched at every position."""
    import csv
    from pathlib import Path

    from inbox import extraction

    with (Path(extraction.__file__).parent / "corpus" / "extract.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    differ = []
    for text in texts + [extraction._capitalised(text.upper()) for text in texts]:
        for pattern in (*extraction._REFERRAL, *extraction._SELF, *extraction._NOT_THEIRS):
            found = [(match.span(), match.groupdict()) for match in extraction._SCANNED[pattern].finditer(text)]
            if found != [(match.span(), match.groupdict()) for match in pattern.finditer(text)]:
                differ.append((pattern.pattern[:40], text))
    assert differ == []


def test_a_name_pattern_cue_is_in_every_reply_the_pattern_matches():
    """Each referral or self-introduction pattern is searched only in a reply holding one of its cue words
    (``extraction._NEEDS``): on every reply of the extraction and classification corpora, as ``contact_name`` is given
    it (masked, its spaces single), a pattern that matches has a cue."""
    import csv
    from pathlib import Path

    from inbox import classification, extraction
    from usdatabiz.core.textmodel import labelled_rows

    corpus = Path(extraction.__file__).parent / "corpus"
    with (corpus / "extract.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    texts += [text for part in ("dev", "test") for text, _ in labelled_rows(corpus / f"{part}.csv")][::7]
    hidden = []
    for text in texts:
        masked = classification._extract(classification._clean(classification.without_signature(text)))[0]
        lowered = masked.lower()
        for pattern in (*extraction._REFERRAL, *extraction._SELF):
            if pattern.search(masked) and not any(cue in lowered for cue in extraction._NEEDS[pattern]):
                hidden.append((pattern.pattern[:40], masked))
            if (
                pattern in extraction._WITH_A_ROLE
                and pattern.search(masked)
                and not any(cue in lowered for cue in extraction._ROLE_CUES)
            ):
                hidden.append(("a role word", masked))
    assert hidden == []


@pytest.mark.parametrize(
    "said",
    [
        "my gérant, Pierre Dubois",
        "notre gérante, Sophie",
        "hable con mi encargada Rosa",
        "our team lead Marcus",
        "la directora es Ana",
        "el patrón es Don Ramiro",
        "my office mgr Denise",
        "mia figlia Francesca",
        "our associée, Chloé",
        "ma sœur Amélie",
    ],
)
def test_each_role_the_patterns_read_has_its_cue(said):
    """The role patterns are searched only beside a role word (``_ROLE_CUES``, read from the roles' own pattern): a role
    written with its optional letters, its letter classes or outside ASCII still opens them."""
    from inbox import extraction

    role = re.compile(rf"(?i:{extraction._ROLE})")
    assert role.search(said)
    assert any(cue in said.lower() for cue in extraction._ROLE_CUES)
    assert extraction._CUE_KEEPER.open(said.lower())[-1] is True
