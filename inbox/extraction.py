"""Which name, e-mail and phone a reply gives us to use (stage 9's extraction helpers).

Pure and deterministic, like ``inbox.classification`` that calls them. A reply often holds more than one value of a
kind, and not all of them are offered:

- Name: the person the reply sends us to ("ask for Linda", "my office manager, Denise,", "his name is Carlos
  Mendez", "Dale handles marketing", "Owner's Vinny", a person the sender answers for who is away: "Teresa Alvarez
  is out today") outranks the sender's own name ("this is Pam", "I'm Bethany Cole", "Hector here"), which outranks
  a sign-off ("Thanks, Patricia", a signature block's first line, a name alone after a closing number). A relative
  who answers for the person names that person ("this is kevin's wife": Kevin; "I'm his wife. Tony's on a roof":
  Tony), unless the person has died. A doctor named in full is the contact; a title with a surname alone ("Dr.
  Okafor") is one only where the reply sends us to them, kept as written ("ask for Dr. Halvorsen", "I'm Dr. Levin's
  scheduler", "secretary ni Atty. Santos"); a business ("Rhonda's Bakery"), a role ("我是前台", "أنا السكرتيرة"), a
  common word in capitals and a name the reply greets or asks about ("Sam who?") or says is not the one ("Dale
  isn't who you want") are never names; a courtesy title before a surname alone is kept ("Mr. Patel", "Mesye
  Joseph", "Maître Dubois", "el ingeniero Cárdenas"), one before a given name is not ("don Beto", "Dona Sônia");
  initials sign as written ("-JT", "- R. Delgado, Owner"). A title with a surname is kept too where the person
  handles it, will look at it, heads it or has the line or desk ("Dr. Patel handles all the vendor stuff", "Our
  clinic director is Dr. Reinholt", "Dr. Kowalczyk's direct line", "Business matters go to Deacon Harris"), where
  the sender is the doctor ("This is Dr. Okonkwo", "Dr. Adeyemi. X", "X, Dr. Farris", "- Dr. Juarez"), not where the
  person will not take it ("The owner is Dr. Patel but she doesn't take sales calls") or an automated reply names
  the office's doctor; a religious title before a given name is not ("Sister Carol", "Father Tom", "Pastor James").
  The same holds in the other languages replies come in (Spanish, Portuguese, French, Haitian Creole, Tagalog,
  Vietnamese, Polish, Russian, Hindi and Punjabi in Latin letters, Arabic and Lebanese Arabic in Latin letters ("Ana
  marat Hassan", "es2al 3an Hajj Mahmoud"), Hmong ("Kuv yog Tou tus poj niam", "nug Dr. Lor"), Korean, Chinese).
- E-mail: the first address not refused ("don't email me at X", "X, nobody checks it", "X pero no lo revisan", "X
  gets buried", "X ma 7ada bi2rah", "how did you get X?", "I unsubscribed from your emails at X"), or of several the
  one whose owner reads it sooner ("Email both of us: X and Y. Cindy reads hers faster").
- Phone: the number the reply says to use ("Cell: B (cell is best)", "cell B (best)", "B my direct. Use direct", "B is
  the line", "reach me on my cell") else the first one, never one refused ("do not call X", "X but nobody answers
  it", "not the office line X", "my old number was X", "X is the old one", "No use el X, ese ya no sirve", "Huwag po
  kayong tumawag sa X", "Stary numer X", "Ra2mna el 2adim X", "Tsis txhob hu X"), an after-hours or emergency line, a
  number to take off the list, a fax or one labelled as something else ("Policy no. 3304412897", "invoice
  INV-2026-031055"; not the Tagalog "po"); its extension, said with it or apart from it ("X ask for Jen in billing
  ext. 305", "ext 4 is me", "my direct is x117."), in other languages ("ramal 3", "poste 210", "内线", "loc. 22"),
  after the desk it reaches ("dispatch is x3"), dialled once it answers ("X, press 2", "X opt 3", "X 转 8") or keys
  pressed in turn ("press 4 then 12": 412). A number dictated after its area code is read with the words for digits
  a phone hears ("area code 317 for 5 to 9 for 1 to": 317-452-9412).
"""

from __future__ import annotations

import re

from usdatabiz.core.regexgate import GateKeeper, ScannedRegex, caseless_ascii, lead

# ------------------------------------------------------------------------------------------------ names
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f\u0404\u0406\u0407\u0490"
# (Latin Extended and Vietnamese letters of either case stand inside a word: "Hương"; the Ukrainian letters Є, І, Ї, Ґ
# as well as the Russian ones: "Андрій")
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1ea0-\u1ef9\u0430-\u044f\u0454\u0456\u0457\u0491"
# one word of a name as people type it: "Linda", "O'Neil", "McKay", "Mary-Jo", "Jesús"
_WORD_BODY = rf"[{_UP}](?:'[{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)?"
_LATIN = "0-9_A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff"
_WORD = rf"{_WORD_BODY}(?![{_LATIN}'])"
# the same word before a possessive: "Dr. Grace Hsu's office", "Pat's my name"
_WORD_POSS = rf"{_WORD_BODY}(?![{_LATIN}])"
_NAME = rf"(?P<name>{_WORD}(?:[ ]{_WORD})?)"
# a courtesy title dropped before the name ("la Sra. Beatriz Salinas"); "Dr." is never read as a contact's name
# ("pregunte por don Beto", "a Dona Sônia"; an engineer or a graduate goes by the title with a surname: "el ingeniero
# Cárdenas", "Lic. Ortega"); an article alone before a name ("pregunte por el Güero", "meu encarregado, o Thiago")
_TITLE = (
    r"(?:(?:(?i:el|la|o|a)\s+)?(?:Mr|Mrs|Ms|Miss|Sr|Sra|Srta|(?i:don|do\u00f1a|dona)|[Dd]r|Dra|[Dd]octora?|Deacon|Attorney"
    r"|Atty|Chef|Pastor|Rev|Kuya|Ate|Manong|Manang|Mesye|Madan|Ma\u00eetre|Madame|Monsieur|Hajj|Hajje|Hajji"
    r"|(?i:ingenier[oa]|licenciad[oa]|arquitect[oa]|engenheir[oa])|Ing|Lic|Arq|Eng)\.?\s+"
    rf"|(?:el|la|o)\s+(?=[{_UP}]))?"
)
# a title before which one word is a surname, not a name to address the person by ("Dr. Kim", "Attorney Kessler")
_PROFESSION_TITLE = r"[Ii]ngenier[oa]|[Ll]icenciad[oa]|[Aa]rquitect[oa]|[Ee]ngenheir[oa]|Ing|Lic|Arq|Eng"
_SURNAME_TITLE = re.compile(rf"\b(?:[Dd]r|Dra|[Dd]octora?|Deacon|Attorney|Atty|{_PROFESSION_TITLE})\.?\s+\Z")
# a courtesy title before a surname that the reply may give in full further on ("Mrs. Okafor ... Chinwe Okafor")
_COURTESY_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Sr|Sra|Srta|Mesye|Madan|Ma\u00eetre|Madame|Monsieur)\.?\s+\Z")
# the title as written before a surname kept with it ("Dr. Levin", "Atty. Santos", "Mesye Joseph", "Maître Dubois")
_TITLE_WRITTEN = re.compile(
    r"\b(Mr|Mrs|Ms|Sr|Sra|Srta|[Dd]r|Dra|Atty|Mesye|Madan|Ma\u00eetre|Madame|Monsieur|Attorney|[Dd]octora?|Deacon"
    rf"|{_PROFESSION_TITLE})(\.?)\s+\Z"
)
_ROLE = (
    r"(?:assistant|secretary|receptionist|manager|owner|boss|partner|husband|wife|son|daughter|brother|sister|dad"
    r"|father|mom|mother|uncle|aunt|nephew|niece|cousin|person|guy|gal|lady|coordinator|director|supervisor"
    r"|bookkeeper|accountant|admin|administrator|foreman|dispatcher|tech|technician|associate|colleague|coworker"
    r"|co-worker|rep|representative|contact|hija|hijo|esposa|esposo|marido|mujer|socio|socia|gerente|encargad[oa]"
    r"|secretaria|asistente|hermano|hermana|pap\u00e1|mam\u00e1|filha|filho|s\u00f3cio|s\u00f3cia|irm\u00e3o"
    r"|irm\u00e3|anak|asawa|controller|cfo|coo|gm|mgr|office mgr|agent|broker|pastor|dentist|lawyer|attorney"
    r"|paralegal|principal|hygienist|nurse|scheduler|clerk|treasurer|president|superintendent|estimator|chef"
    r"|team\s+lead|lead"
    r"|administrador|administradora|recepcionista|director[a]?|due\u00f1[oa]|jef[ea]|dono"
    # the trades: a farm's or a crew's foreman, a dispatcher, a driver, the boss ("el patrón")
    r"|mayordomo|capataz|despachador[a]?|chofer|patr\u00f3n|patrona|encarregad[oa]|mestre|supervisora?"
    # French: "appelez mon frère Rémy", "ma fille Chloé", "notre gérante, Sophie"
    r"|fr\u00e8re|s\u0153ur|soeur|fils|fille|femme|mari|patronne|g\u00e9rante?|associ\u00e9e?"
    # Italian: "Scriva a mia figlia Francesca", "mio fratello Marco"
    r"|figli[oa]|moglie|marito|fratello|sorella)"
)
_KIN = (
    r"(?:wife|husband|son|daughter|mom|mother|dad|father|brother|sister|assistant|secretary|partner|nephew|niece"
    r"|scheduler|receptionist|paralegal)"
)
# whose the role is: "my", "our", "o dono", "mia figlia", or a person's ("Dr. Reyes's assistant, Aisha Bello")
_OWNER_WORD = (
    r"(?:(?i:my|our|the|his|her|mi|su|la|el|nuestr[oa]|meu|minha|nosso|nossa|o|mon|ma|notre|mia|mio|nostr[oa])"
    rf"|(?:Dr|Dra|Mr|Mrs|Ms|Atty|Attorney)\.?\s+{_WORD_BODY}'s)"
)

# "my office manager, Denise,", "our principal's secretary, Jenna Moretti", "my assistant instead - Kayla"
_ROLE_NAMED = (
    rf"\b{_OWNER_WORD}\s+(?:[a-z]+(?:'s)?\s+){{0,2}}(?i:{_ROLE})\b(?i:[\s-]in[\s-]law\b)?"
    rf"(?:'s|\s+(?i:is|es))?(?:\s+instead)?\s*[,\-\u2013\u2014]?\s+{_TITLE}{_NAME}"
)

# an Arabic name and the titles said before one (Mr., Ms., Dr., Professor)
_AR_WORD = r"[\u0621-\u064a]{2,12}"
_AR_TITLE = (
    r"(?:\u0627\u0644\u0633\u064a\u062f\u0629?|\u0627\u0644\u062f\u0643\u062a\u0648\u0631\u0629?"
    r"|\u0627\u0644\u0623\u0633\u062a\u0627\u0630\u0629?)"
)

# who the sender is when not a name: the front desk, the boss, a secretary, an assistant, his wife, her husband, his
# son or daughter (Chinese); the secretary, the manager, an employee, an assistant, his son, daughter, wife (Arabic)
_ZH_ROLE = (
    "\u524d\u53f0|\u524d\u6aaf|\u8001\u677f|\u8001\u95c6|\u79d8\u4e66|\u79d8\u66f8|\u52a9\u7406|\u7ecf\u7406"
    "|\u7d93\u7406|\u4f1a\u8ba1|\u6703\u8a08|\u5e97\u5458|\u5e97\u54e1|\u5458\u5de5|\u54e1\u5de5|\u4ed6|\u5979"
)
_AR_ROLE = (
    "\u0627\u0644\u0633\u0643\u0631\u062a\u064a\u0631|\u0633\u0643\u0631\u062a\u064a\u0631|\u0627\u0644\u0645\u062f\u064a\u0631"
    "|\u0645\u062f\u064a\u0631|\u0627\u0644\u0645\u0648\u0638\u0641|\u0645\u0648\u0638\u0641|\u0645\u0633\u0627\u0639\u062f"
    "|\u0627\u0644\u0645\u0633\u0627\u0639\u062f|\u0627\u0628\u0646|\u0632\u0648\u062c"
)
# the Korean surnames most names begin with (Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, ...)
_KO_SURNAMES = (
    "\uae40\uc774\ubc15\ucd5c\uc815\uac15\uc870\uc724\uc7a5\uc784\ud55c\uc624\uc11c\uc2e0\uad8c\ud669\uc548"
    "\uc1a1\ub958\uc804\ud64d\uace0\ubb38\uc591\uc190\ubc30\ubc31\ud5c8\uc720\ub0a8\uc2ec\ub178\ud558\uacfd\uc131"
    "\ucc28\uc8fc\uc6b0\uad6c\ubbfc\uc9c4\ub098"
)
# the Chinese surnames most names begin with (simplified and traditional)
_ZH_SURNAMES = (
    "\u738b\u674e\u5f20\u5f35\u5218\u5289\u9648\u9673\u6768\u694a\u9ec4\u9ec3\u8d75\u8d99\u5434\u5433\u5468"
    "\u5f90\u5b59\u5b6b\u9a6c\u99ac\u6731\u80e1\u90ed\u4f55\u6797\u7f57\u7f85\u9ad8\u90d1\u912d\u6881\u8c22"
    "\u8b1d\u5b8b\u5510\u8bb8\u8a31\u97e9\u97d3\u51af\u99ae\u9093\u9127\u66f9\u5f6d\u66fe\u8096\u7530\u8463"
    "\u6f58\u848b\u8521\u4f59\u53f6\u8449\u7a0b\u82cf\u8607\u5415\u5442\u4e01\u6c88\u59da\u5362\u76e7\u9646"
    "\u9678\u6c6a\u8303\u91d1\u77f3\u5ed6\u590f\u65b9\u767d\u5b54\u4e25\u56b4\u6c5f\u9c81\u9b6f\u94b1\u9322"
)
# A name the reply sends us to, best first within one reply
_REFERRAL = [
    # "ask for Linda", "ask 4 Tony", "pregunte por la Sra. Beatriz Salinas", "attn Bill"
    re.compile(
        rf"(?i:\bask(?:s|ing)?\s+(?:for|4)|\bpregunte?\s+por|\bpreguntar\s+por|\bpregunta\s+por|\bprocure\s+(?:por|o|a)"
        # Portuguese "pergunta pela Juliana", "pergunte pelo Seu João" (the article is in "pela", "pelo")
        rf"|\bpergunt(?:e|a|ar)\s+(?:pel[oa]|por)"
        rf"|\bmande\s+pou|\bdemande[rz]|\battn\b\.?:?|\battention:?"
        # Polish "Proszę pytać o dr Nowak", Lebanese Arabic in Latin letters "es2al 3an Hajj Mahmoud", Hmong "nug Dr.
        # Lor"
        rf"|\bpyta[\u0107c]\s+o|\b(?:es2al|is2al|es2alo|is2alo)\s+3an|\bnug)\s+{_TITLE}{_NAME}"
    ),
    # "this is kevin's wife": the relative speaks for Kevin (typed in any case)
    re.compile(
        rf"(?i:\b(?:this is|i'm|i am|im|it's|its)\s+)(?:(?:Dr|Dra|Mr|Mrs|Ms|Atty|Attorney)\.?\s+)?"
        rf"(?P<name>[{_UP}{_LOW}]+)"
        rf"(?i:'s\s+(?:[a-z]+\s+)?{_KIN})\b",
    ),
    re.compile(
        rf"(?i:\b(?:soy|sou|sono)\s+(?:la|el|a|o|il)\s+(?:esposa|esposo|hija|hijo|mujer|secretaria|asistente|socio|socia|"
        rf"mam\u00e1|pap\u00e1|mulher|filha|filho|moglie|marito|figlia|figlio|segretaria)\s+(?:de|do|da|di)\s+){_NAME}"
    ),
    # "his name is Carlos Mendez", "The person you want is Andre Williams", "He's Tom.", "you want Gary at"
    re.compile(
        rf"(?i:\b(?:his|her|their|(?:the\s+)?(?:owner|manager|boss)'s)\s+name(?:'s|\s+is)|\bse\s+llama"
        rf"|\bma\s+na\s+imi[e\u0119]"  # Polish "Mąż ma na imię Marek" (the husband's name is)
        rf"|\bthe\s+(?:person|guy|lady|man|woman|one|owner|manager|boss|decision maker)\s+(?:you\s+(?:want|need)"
        rf"(?:\s+to\s+(?:talk|speak)\s+(?:to|with))?|to\s+(?:talk|speak)\s+(?:to|with)|to\s+(?:ask\s+for|call|contact"
        rf"|email|reach))\s+is|\byou(?:'ll)?\s+(?:want|need)(?:\s+to\s+(?:talk|speak)\s+(?:to|with))?"
        rf"|\b(?:he|she)(?:'s|\s+is))\s+{_TITLE}{_NAME}"
    ),
    # "my office manager, Denise,", "our practice manager Luis at", "hable con mi hija Daniela"
    # (after "I'm", as in "I'm her assistant, Bethany", it is the sender's own name)
    re.compile(rf"(?<![Ii]'m\s)(?<![Ii]\sam\s)(?<!Im\s){_ROLE_NAMED}"),
    # "talk to Jordan", "call Eddie at", "email Kim", "hable con Daniela"
    re.compile(
        rf"(?<![Nn]ot\s)(?<!NOT\s)(?i:\b(?:talk|speak|speaking|chat)\s+(?:to|with)|\bhable\s+con|\bhablar\s+con|\bhabla\s+con|\bfale\s+com"
        rf"|\bfala(?:r)?\s+com(?:\s+[oa](?=\s))?|\bcontact:?|\breach\s+out\s+to|\breach"
        # ("Don't call Fargo. Call the Moorhead one": a place not to call)
        rf"|(?<!n't\s)(?<!nt\s)(?<!not\s)\bcall|\bemail|\be-mail|\btext|\bsend\s+(?:it|this|that|them|info|"
        rf"everything)\s+to|\bgive\s+it\s+to|\bforward\s+(?:it\s+)?to|\bll[a\u00e1]mele\s+a|\bllame\s+a"
        rf"|\bligue\s+para"
        # the message left with someone or the letter addressed to them: "leave a message with Denise", "address it to
        # Martha"
        rf"|\bleave\s+(?:a\s+)?(?:message|msg|word)\s+(?:with|for)|\baddress(?:ed)?\s+(?:it\s+|them\s+)?to)"
        rf"\s+(?:(?i:my|our|the)\s+(?:(?i:[a-z]+)\s+)?(?i:[a-z]+)\s*,\s+)?{_TITLE}{_NAME}"
    ),
    # "Dale handles marketing", "Joe runs the shop", "Mary decides that stuff", "our installer Kevin does the marketing
    # stuff", "Try Luis, he took over"
    re.compile(
        rf"(?:^|(?<=[.!?;:,]\s)|(?<=\band\s))(?<!Dr\.\s)(?<!Dr\s)(?:[Tt]ry\s+|(?i:my|our)\s+[a-z]+\s+)?{_TITLE}{_NAME}"
        rf"(?:,\s+(?i:he|she))?\s+(?i:handles|runs|does(?!\s+not\b)"
        rf"|takes care of|is in charge|manages|deals with|is the one|is who you want|decides|makes\s+the\s+decisions"
        rf"|calls\s+the\s+shots|took\s+over"
        rf"|is the (?:owner|manager|person|guy|one))\b"
    ),
    # "Owner's Vinny Russo", "Manager is Wei Chen.", "New owner is Marisol", Portuguese "O dono é o Sr. Almeida"
    re.compile(
        rf"(?:^|(?<=[.!?;,]\s))(?i:(?:the|el|la|o|a)\s+)?(?i:(?:new|current|real|actual)\s+)?(?i:{_ROLE})(?:'s|\s+is|\s+es"
        rf"|\s+\u00e9)"
        rf"\s+{_TITLE}{_NAME}"
    ),
    # the person the sender answers for is away: "Teresa Alvarez is out today", "Brad isn't in", "Bob does not text"
    re.compile(
        rf"(?:^|(?<=[.!?;]\s)){_TITLE}{_NAME}\s+(?i:is\s+(?:out|away|off|not\s+in|not\s+available|unavailable"
        rf"|on\s+vacation|in\s+(?:trial|court|surgery|session|a\s+meeting|meetings|depositions?|the\s+field)"
        rf"|with\s+(?:a\s+)?(?:patients?|clients?|customers?)|booked)"
        # French: "Sophie est en congé", "Maître Dubois peut vous parler jeudi"
        rf"|est\s+(?:en\s+cong\u00e9|absente?|en\s+r\u00e9union)|peut\s+vous\s+(?:parler|rappeler|recevoir)"
        rf"|isn't\s+(?:in|here|available)|(?:does\s+not|doesn't)\s+(?:do|read|check|use|answer)"
        rf"|no\s+est[a\u00e1]|sali[o\u00f3]|mish\s+(?:hon|mawjoud|mawjud))\b"
    ),
    # "dial extension 2305 for Harold Minsky"
    re.compile(rf"(?i:\b(?:ext(?:ension)?|x)\.?\s*\d+(?:\s*,\s*that'?s|\s+(?:for|is|to\s+reach)))\s+{_TITLE}{_NAME}"),
    # "找李经理 Kevin Li" (ask for), "gọi cho chị Lan" (call), "Doctor sahab, Dr. Anil Mehta, se baat karni hai"
    re.compile(
        # Vietnamese: "vợ của anh Tuấn" (the wife of), "gửi email cho chị Hoa" (send to), "chủ tiệm là cô Lan" (the
        # owner), "Hỏi gặp anh Phạm Quốc Huy" (ask to see; a Vietnamese name in full has three words)
        rf"(?:\u627e[\u4e00-\u9fff]{{0,4}}\s*|(?i:\bg\u1ecdi\s+cho|\bli\u00ean\s+h\u1ec7(?:\s+v\u1edbi)?"
        rf"|\bh\u1ecfi(?:\s+g\u1eb7p)?|\bg\u1eb7p"  # "bấm số 2, gặp Lan" (ask to see)
        rf"|\b(?:v\u1ee3|ch\u1ed3ng|con|th\u01b0\s+k\u00fd)\s+c\u1ee7a|\bg\u1eedi(?:\s+email)?\s+cho"
        rf"|\bch\u1ee7(?:\s+ti\u1ec7m)?\s+l\u00e0)\s+"
        rf"(?:(?i:anh|ch\u1ecb|em|c\u00f4|ch\u00fa|\u00f4ng|b\u00e0)\s+)?){_TITLE}"
        rf"(?P<name>{_WORD}(?:[ ]{_WORD}){{0,2}})"
    ),
    # a doctor named in full is the one the reply is about ("La Dra. Elena Ram\u00edrez regresa el 20", "Dr. Grace Hsu's
    # office"); a surname alone ("Dr. Kim") is not a name to address them by
    re.compile(rf"\b(?:Dr|Dra|Doctor)\.?\s+(?P<name>{_WORD}[ ]{_WORD_POSS})"),
    # the number is a person's: "Call Mr. Patel's cell", "Luis is at 956-331-7720", "text Linda's cell"
    re.compile(
        rf"(?i:\b(?:call|text|try|reach|ring|use|dial)\s+){_TITLE}(?P<name>{_WORD_POSS})'s\s+"
        rf"(?i:cell|cell\s+phone|phone|number|line|direct|mobile|desk)\b"
    ),
    re.compile(rf"(?:^|(?<=[.!?;,]\s)){_TITLE}{_NAME}\s+(?i:is|can\s+be\s+reached|'s)\s+(?i:at|on)\s+<phone>"),
    # Tagalog: "si Nena ang kausapin nyo" (talk to Nena), "si Nena ang hanapin" (ask for Nena)
    re.compile(
        rf"\b[Ss]i\s+{_TITLE}{_NAME}\s+(?:po\s+)?ang\s+(?i:kausapin|hanapin|tawagan|kontakin|owner|may-ari|manager|amo)\b"
    ),
    # the business passed to someone: "I sold the biz to Kyle Brandt"; a person's word passed on: "Pastor Jim says
    # call the church office", "Mr. Clem Hollis said tell you"
    re.compile(
        rf"(?i:\b(?:sold|handed|passed|turned)\s+(?:it|(?:the|my|our)\s+(?:[a-z]+\s+)?(?:biz|business|company|shop"
        rf"|store|practice|firm|agency|salon|restaurant))(?:\s+over)?\s+to)\s+{_TITLE}{_NAME}"
    ),
    re.compile(rf"(?:^|(?<=[.!?]\s)){_TITLE}{_NAME}\s+(?:says|said)\s+(?i:to\s+)?(?i:call|text|tell|email|reach)\b"),
    # the sender works for the person: "Assistant to Attorney Melissa Grant here", "secretary ni Atty. Santos"
    re.compile(
        rf"(?i:(?<!virtual\s)(?<!automated\s)(?<!digital\s)(?<!ai\s)\b(?:assistant|secretary|scheduler|paralegal"
        rf"|receptionist)\s+(?:to|for|of|ni|de|da|do))\s+{_TITLE}{_NAME}"
    ),
    # a relative answers and the next sentence names the person: "I'm his wife. Tony's on a roof all day", Polish
    # "tu żona właściciela. Marek jest na budowie", Haitian "se madanm li mwen ye. Jean-Baptiste ap travay"
    re.compile(
        rf"(?i:(?:\b(?:i'm|i\s+am|im|this\s+is)\s+(?:his|her|their|the\s+owner's)\s+{_KIN}"
        rf"|\btu\s+(?:\u017cona|m\u0105\u017c|c\u00f3rka|syn|sekretarka)\b[^.!?]{{0,30}}"
        rf"|\bse\s+(?:madanm|mari|pitit(?:\s+(?:fi|gason))?|sekret\u00e8)\s+li\s+mwen\s+ye))[.!]\s+"
        rf"{_TITLE}(?P<name>{_WORD_POSS}(?:[ ]{_WORD})?)(?=['\u2019]s\b|\s)"
    ),
    # Hindi in Latin letters: "main Sharma ji ki beti hoon" (his daughter), "Meena se baat kariye" (talk to Meena)
    re.compile(
        rf"(?i:\bmain\s+){_NAME}(?i:(?:\s+ji)?\s+k[aei]\s+(?:beti|beta|patni|bahu|bhai|behen|wife|secretary)\s+h(?:oo|u)n)"
    ),
    re.compile(
        rf"(?:^|(?<=[.!?,]\s)){_NAME}(?i:\s+se\s+baat\s+(?:kariye|karein|karo|kijiye|karna|karni|kar\s+lijiye))"
    ),
    # Russian: "контакт — Наталья Петрова", "спросите Ольгу"
    re.compile(
        r"(?i:\b(?:\u043a\u043e\u043d\u0442\u0430\u043a\u0442|\u0441\u043f\u0440\u043e\u0441\u0438\u0442\u0435"
        r"|\u043f\u043e\u043f\u0440\u043e\u0441\u0438\u0442\u0435))\s*[\u2014:-]?\s*" + _NAME
    ),
    # Arabic: "اسأل عن السيدة ليلى" (ask for Ms. Layla), "الدكتور حسن مشغول الآن" (Dr. Hassan is busy now)
    re.compile(
        rf"(?<![\u0621-\u064a])(?:\u0627\u0633\u0623\u0644\s+\u0639\u0646|\u0627\u0637\u0644\u0628|\u0643\u0644\u0645)\s+"
        rf"(?P<name>{_AR_TITLE}\s+{_AR_WORD}|(?!{_AR_ROLE}){_AR_WORD})"
    ),
    re.compile(
        rf"(?P<name>{_AR_TITLE}\s+{_AR_WORD})\s+(?:\u0645\u0634\u063a\u0648\u0644\u0629?|\u063a\u064a\u0631\s+\u0645\u0648\u062c\u0648\u062f"
        rf"|\u0644\u064a\u0633\s+\u0647\u0646\u0627|\u0641\u064a\s+\u0627\u062c\u062a\u0645\u0627\u0639)"
    ),
    # Korean "김민수 사장님 찾으시면 됩니다" (ask for President Kim Minsu); Chinese "找阿強" (ask for), "老板王先生"
    # (the boss)
    re.compile(
        r"(?:^|(?<=\s))(?P<name>[\uac00-\ud7a3]{2,3})\s*(?:\uc0ac\uc7a5|\uc2e4\uc7a5|\ubd80\uc7a5|\uacfc\uc7a5"
        r"|\ub300\ud45c|\ud300\uc7a5|\uc6d0\uc7a5|\uc120\uc0dd)?\ub2d8?\s*(?:\uc744|\ub97c)?\s*\ucc3e"
    ),
    re.compile(
        r"\u627e(?![\u6211\u4f60\u4ed6\u5979\u60a8\u8fd9\u90a3\u8c01\u4eba])(?P<name>[\u4e00-\u9fff]{2,3})"
        r"(?=[\uff0c,\u3002.!\uff01\s]|\Z|\u5c31|\u5427)"  # "找阿明就行", "找阿明吧"
    ),
    re.compile(
        r"(?:\u8001\u677f|\u8001\u95c6|\u7ecf\u7406|\u7d93\u7406|\u8d1f\u8d23\u4eba|\u8ca0\u8cac\u4eba)\u662f?\s*"
        r"(?P<name>[\u4e00-\u9fff](?:\u5148\u751f|\u5973\u58eb|\u5c0f\u59d0|\u592a\u592a))"
    ),
    # a relative's name in brackets after what they are called at home: "email Mama (Geraldine)"
    re.compile(
        rf"(?i:\b(?:mama|papa|mom|dad|grandma|grandpa|abuela|abuelo|my\s+(?:wife|husband)))\s*\(\s*{_NAME}\s*\)"
    ),
    # Punjabi in Latin letters: "Dispatch vich Harpreet naal gal karo" (talk with Harpreet), "Jaspal nu puchho" (ask
    # for Jaspal)
    re.compile(
        rf"(?<![{_LATIN}]){_NAME}\s+(?i:(?:naal|nal)\s+(?:gal|gall|baat)\s+kar\w*"
        r"|(?:nu|ko)\s+(?:puchh?o|poochh?o|puchna|poochna|puchhna|poochiye)\b)"
    ),
    # Chinese: a surname and the title the person goes by, asked for after where they sit: "找我们办公室的李经理" (ask
    # for manager Li of our office), "找前台的王小姐"
    re.compile(
        rf"\u627e[^\uff0c\u3002,.!\s]{{0,8}}\u7684(?P<name>[{_ZH_SURNAMES}](?:\u7ecf\u7406|\u7d93\u7406|\u5148\u751f"
        r"|\u5973\u58eb|\u5c0f\u59d0|\u592a\u592a|\u8001\u5e08|\u8001\u5e2b|\u5f8b\u5e08|\u5f8b\u5e2b|\u4e3b\u4efb|\u4f1a\u8ba1"
        r"|\u6703\u8a08))"
    ),
    # Hebrew: "תבקש את רחל" (ask for Rachel), "תשאלי את", "דבר עם יוסי" (talk with); not a role ("המנהלת", the manager)
    re.compile(
        r"(?<![\u05d0-\u05ea])(?:\u05ea?\u05d1\u05e7\u05e9[\u05d5\u05d9]?|\u05ea?\u05e9\u05d0\u05dc[\u05d5\u05d9]?"
        r"|\u05ea?\u05d3\u05d1\u05e8[\u05d5\u05d9]?\s+\u05e2\u05dd)\s+(?:\u05d0\u05ea\s+)?"
        r"(?P<name>(?!\u05d4|\u05d0\u05ea(?![\u05d0-\u05ea]))[\u05d0-\u05ea]{2,10})(?![\u05d0-\u05ea])"
    ),
    # a person, perhaps by a title, who will see to it: "Dr. Brandt will look at it", "Sister Carol checks it Mon/Wed",
    # "Pastor James would be the one to talk to", "Father Tom is the pastor here", "La doctora Gutiérrez puede el
    # martes"
    re.compile(
        rf"(?:^|(?<=[.!?;:,]\s)|(?<=\band\s)){_TITLE}{_NAME}\s+(?i:will\s+(?:look\s+at|review|read|get\s+back|call\s+you)"
        rf"|(?:checks|reads)\s+(?:it|that|this|them|hers|his|the\s+(?:email|inbox))|would\s+be\s+the\s+one"
        rf"|is\s+the\s+one\s+to"
        rf"|is\s+the\s+(?:pastor|priest|rector|director|administrator|principal|dentist|doctor|vet)\b"
        rf"|puede\s+(?:el|la|hoy|ma\u00f1ana|manana|a\s+las)\b)"
    ),
    # the person's own line or desk: "Dr. Kowalczyk's direct line: X", "that gets you to Dr. Liang's desk"
    re.compile(
        rf"(?:(?:^|(?<=[.!?]\s))(?<!Dr\.\s)(?<!Mr\.\s)(?<!Mrs\.\s)(?<!Ms\.\s)"
        rf"|(?i:\b(?:gets?|puts?|takes?)\s+you\s+(?:to|through\s+to)\s+)){_TITLE}"
        rf"(?P<name>{_WORD_POSS})'s\s+(?i:direct\s+line|direct|cell|line|number|phone|desk)\b"
    ),
    # what goes to whom: "Business matters go to Deacon Harris"
    re.compile(
        rf"(?i:\b(?:matters|questions|inquiries|vendors|sales|everything|billing)\s+(?:go(?:es)?|should\s+go)"
        rf"\s+(?:to|through))\s+{_TITLE}{_NAME}"
    ),
    # the message passed on: "Tell me your name and I'll tell Angie"
    re.compile(
        rf"(?i:\bi'?ll\s+(?:tell|let|ask|give\s+(?:it|this|the\s+message)\s+to|pass\s+(?:it|this|that)\s+(?:on\s+)?to))"
        rf"\s+{_TITLE}{_NAME}"
    ),
    # a relative named after a colon: "Send a text to my wife, she runs the books: Carla X"
    re.compile(rf"(?i:\b(?:my|his|her)\s+{_KIN}\b)[^.!?:]{{0,40}}:\s*{_TITLE}{_NAME}"),
    # a relative answering in Tagalog ("Anak po ako ni Tita Lorna", the child of), Lebanese Arabic in Latin letters
    # ("Ana marat Hassan", I'm the wife of) and Hmong ("Kuv yog Tou tus poj niam", I'm Tou's wife); Polish "pani Kasia
    # odpowie" (Ms. Kasia will answer)
    re.compile(
        rf"(?i:\b(?:anak|asawa|apo|pamangkin|kapatid|sekretarya|secretary)\s+(?:po\s+)?(?:ako\s+)?(?:po\s+)?ni)\s+"
        rf"(?:(?:Tita|Tito|Lola|Lolo|Ate|Kuya)\s+)?{_NAME}"
    ),
    re.compile(rf"\b[Aa]na\s+(?i:marat|mart|ibn|bint|ekht|ukht|akh|sekreteirat|secretairet)\s+{_TITLE}{_NAME}"),
    re.compile(rf"\b[Kk]uv\s+yog\s+{_NAME}\s+tus\s+(?i:poj\s+niam|txiv|ntxhais|tub|muam|kwv|tij|niam)\b"),
    re.compile(rf"\b(?i:pani|pan)\s+{_NAME}\s+(?i:odpowie|oddzwoni|odbierze|zadzwoni|odpisze)\b"),
    # a relative named and said to run the place: "My brother Rudy's the owner", "our son Danny is the one to ask"
    re.compile(
        rf"\b(?i:my|our|his|her)\s+(?i:{_KIN})\s+(?P<name>{_WORD_POSS})(?:'s|\s+is)\s+(?i:the\s+)?"
        rf"(?i:owner|boss|manager|one\s+(?:to|you|who)|guy\s+(?:to|you|who)|decision\s+maker)\b"
    ),
    # a person by their title who will take the call: "Dr. Vasquez can do a quick call Thursday", "La Dra. Ramírez
    # atiende a los vendedores los miércoles", "A Dra. Fernanda pode conversar sexta" (a title alone is no one:
    # "Counselor can speak next Tuesday")
    re.compile(
        rf"(?:^|(?<=[.!?;:,]\s)|(?<=\band\s))(?:(?i:el|la|o|a)\s+)?(?:Mr|Mrs|Ms|Sr|Sra|Srta|[Dd]r|Dra|[Dd]octora?"
        rf"|Pastor|Attorney|Atty)\.?\s+{_NAME}\s+(?i:can\s+(?:do|take|jump\s+on)\s+(?:a\s+)?(?:quick\s+|short\s+)?call"
        rf"|can\s+(?:talk|speak)|atiende\s+a|pode\s+(?:conversar|falar|atender))\b"
    ),
    # the person who will call back: "I'll have Ron call you", "I'll get Maria to call you back", "we'll have Tom text
    # you" ("I'll have my guy call you" names no one)
    re.compile(
        rf"(?i:\b(?:i|we|she|he)(?:'ll|\s+will)\s+(?:have|get))\s+{_TITLE}{_NAME}\s+(?i:(?:to\s+)?(?:call|text|email"
        rf"|e-mail|ring|contact|reach\s+out\s+to|get\s+back\s+to|get\s+in\s+touch\s+with)\s+(?:you|u|ya)\b)"
    ),
    # a relative said to own or run the place, the name after a comma: "My dad owns the bakery, Stan", "my wife runs the
    # office, Carla"
    re.compile(
        rf"\b(?i:my|our)\s+(?i:{_KIN})\s+(?i:owns|runs|manages)\s+(?i:the|this|that)\s+(?i:[a-z]+)(?:\s+(?i:[a-z]+))?"
        rf"\s*,\s+{_TITLE}{_NAME}"
    ),
    # the owner or the head named in Italian ("il titolare è Giuseppe"), Polish ("Właściciel to Marek", "Szefowa nazywa
    # się Krystyna Nowak") and Ukrainian ("Власник — Андрій")
    re.compile(
        rf"(?:^|(?<=[.!?;,]\s))(?i:(?:il|la)\s+)?(?i:titolare|proprietari[oa]|responsabile|w\u0142a\u015bciciel(?:ka)?"
        rf"|szef(?:owa)?|kierowni(?:k|czka)|\u0432\u043b\u0430\u0441\u043d\u0438(?:\u043a|\u0446\u044f)"
        rf"|\u043a\u0435\u0440\u0456\u0432\u043d\u0438(?:\u043a|\u0446\u044f))"
        rf"(?:\s+(?:\u00e8|to|nazywa\s+si\u0119)|\s*[\u2014\u2013:])\s+{_TITLE}{_NAME}"
    ),
]
# The sender's own name
_SELF = [
    re.compile(
        rf"(?:\b(?:[Ii]'m|[Ii]\s+am|Im)\s+|"  # not the German "im Urlaub"
        # "Soy el contador Jorge Ruiz" (the sender and their trade); Russian "это Ольга", "меня зовут Ольга"
        rf"(?i:\b(?:this is|my name is|my name's|name's|it's|its|here's|heres|sou(?:\s+[oa])?"
        rf"|soy(?:\s+(?:el|la)\s+(?:contador|contadora|agente|abogad[oa]|gerente|administrador|administradora"
        rf"|encargad[oa]|asistente|secretaria|corredor|corredora|recepcionista|due\u00f1[oa]))?"
        rf"|\u044d\u0442\u043e|\u043c\u0435\u043d\u044f\s+\u0437\u043e\u0432\u0443\u0442"
        rf"|me llamo|mi nombre es|meu nome [e\u00e9]|ako si|ako po si|po si|ito si|ito po si"
        rf"|aqui (?:[e\u00e9]|fala)(?:\s+[oa])?"
        rf"|sono(?:\s+(?:l'|il\s+|la\s+)?(?:avvocato|avvocatessa|dottore|dottoressa|dott\.|ingegnere|architetto))?"
        rf"|m\u00f3wi|nazywam\s+si\u0119|t\u00f4i\s+l\u00e0|t\u00ean\s+(?:t\u00f4i\s+)?l\u00e0|je\s+suis|(?:moi\s+)?c'est)\s+))"
        rf"(?:-\s*)?{_TITLE}{_NAME}"
    ),
    # Tagalog: "si Ramil po ito", "Opo, si Ramil po"
    re.compile(rf"\b[Ss]i\s+{_TITLE}{_NAME}\s+(?:po|ito|nga)\b"),
    # Haitian Creole "Se Jean-Baptiste ki la"; Korean, Chinese, Japanese "I am": "저는 David Kim입니다"
    # (or "Se Jacquelin" closing the reply)
    re.compile(rf"\b[Ss]e\s+{_NAME}(?:\s+ki\s+la\b|[.!\s]*\Z)"),
    re.compile(rf"(?:\uc800\ub294|\u6211\u662f|\u6211\u53eb|\u79c1\u306f)\s*{_NAME}"),
    # ... or in its own script: "저는 박지은입니다", "我是王丽，"; Arabic "أنا سامي."
    re.compile(
        r"(?:\uc800\ub294\s*|\u6211(?:\u662f|\u53eb)|(?<![\u0600-\u06ff])\u0623\u0646\u0627\s+)(?P<name>"
        r"[\uac00-\ud7a3]{2,4}?(?=\uc785\ub2c8\ub2e4|\uc774\uc5d0\uc694|\uc608\uc694)"
        rf"|(?!{_ZH_ROLE})[\u4e00-\u9fff]{{2,3}}?(?=[\uff0c,\u3002.!\uff01\s])"
        rf"|(?!\u0645\u0647\u062a\u0645|\u0645\u0634\u063a\u0648\u0644|\u063a\u064a\u0631|{_AR_ROLE})[\u0621-\u064a]{{2,12}}"
        r"(?=\s*[.,\u060c!]|\s*\Z))"
    ),
    # "I'm the GM, Jessica Park"
    re.compile(rf"(?:\b[Ii]'m\s|\b[Ii]\sam\s|\bIm\s){_ROLE_NAMED}"),
    # "Pat's my name", "Reply from Sandra Kim, Practice Administrator"
    re.compile(rf"(?P<name>{_WORD_POSS})(?:'s|\s+is)\s+(?i:my\s+name)"),
    # (a person's name and then their title; "automated reply from Coastal Bookkeeping." is a business)
    re.compile(rf"(?<![Aa]utomated\s)(?<![Aa]uto-)(?i:\b(?:reply|message)\s+from\s+){_TITLE}{_NAME},"),
    # "Hector here", "JUAN CARLOS HERE"
    # "Yes. Randy Yoder, Yoder Fence Co., 330-893-4471": a name in full, perhaps a business, then the number
    re.compile(rf"(?:^|(?<=[.!?]\s))(?P<name>{_WORD}[ ]{_WORD}),\s+(?:[^,<]{{1,40}},\s+)?<phone>"),
    # "Marlene, Marlene's Diner, 785-625-3340", "Sheila at Big Sky Realty": a name, then the business it runs
    re.compile(rf"(?:^|(?<=[.!?]\s))(?P<name>{_WORD}),\s+(?P=name)'s\s+[^,<]{{1,40}},\s+<(?:phone|email)>"),
    re.compile(
        rf"(?:^|(?<=[.!?]\s)){_NAME}\s+(?:at|@|from|with)\s+(?:[A-Z][\w'&.-]*\s+){{0,3}}(?P<business>[A-Z][\w'&.-]*)"
        rf"(?=\s*[,.]?\s*(?:<phone>|<email>|\Z))"
    ),
    re.compile(
        rf"(?:^|(?<=[.!?;:,]\s)|(?<=[.!?;:,]))(?<!Mr\.\s)(?<!Ms\.\s)(?<!Mrs\.\s)(?<!Dr\.\s)\s*{_NAME}\s+(?i:here)\b(?!\s*(?i:is|are|at|in|on)\b)"
    ),
    # the sender names themself beside "me": "You can talk to me, Carla, at ext 118", "call me, Vanessa, X"; Haitian
    # "Se pitit fi li mwen ye, Nadège" (I'm his daughter, Nadège)
    re.compile(
        rf"(?:(?i:\b(?:to|call|text|email|reach|try)\s+me)"
        rf"|(?i:\bse\s+(?:madanm|mari|pitit(?:\s+(?:fi|gason))?|sekret\u00e8)\s+li\s+mwen\s+ye)),\s+{_NAME}\s*[,.!]"
    ),
    # a Korean name beside the number: "이준호, 646-555-0140" (a common surname first)
    # (not a verb ending as a sentence does: "문자 주세요 X", please text)
    re.compile(
        rf"(?:^|(?<=[\s.,]))(?P<name>[{_KO_SURNAMES}][\uac00-\ud7a3]{{1,2}})(?<![\uc694\ub2e4\uae4c\uc8e0])\s*,?\s*<phone>"
    ),
    # a Korean name and the sender's trade or title before "I am": "김민수 세무사입니다" (tax accountant Kim Minsu),
    # "박지영 실장이에요" (manager Park Jiyoung)
    re.compile(
        rf"(?:^|(?<=[\s.,]))(?P<name>[{_KO_SURNAMES}][\uac00-\ud7a3]{{1,2}})\s+(?:"
        r"\uc138\ubb34\uc0ac|\ud68c\uacc4\uc0ac|\ubcc0\ud638\uc0ac|\ubc95\ubb34\uc0ac"
        r"|\uacf5\uc778\uc911\uac1c\uc0ac|\uc911\uac1c\uc0ac|\uc124\uacc4\uc0ac|\uc2e4\uc7a5|\uc0ac\uc7a5"
        r"|\ubd80\uc7a5|\uacfc\uc7a5|\ucc28\uc7a5|\ub300\ub9ac|\ub300\ud45c|\ud300\uc7a5|\uc6d0\uc7a5"
        r"|\uc774\uc0ac|\ub9e4\ub2c8\uc800|\uc0c1\ub2f4\uc0ac|\ube44\uc11c|\uc5d0\uc774\uc804\ud2b8"
        r")(?:\uc785\ub2c8\ub2e4|\uc774\uc5d0\uc694|\uc608\uc694)"
    ),
    # Hebrew: "מדבר דני" (Danny speaking), "מדברת רחל", "שמי יוסי" (my name is), "קוראים לי" (I am called)
    re.compile(
        r"(?<![\u05d0-\u05ea])(?:\u05de\u05d3\u05d1\u05e8(?:\u05ea)?|\u05e9\u05de\u05d9|\u05e7\u05d5\u05e8\u05d0\u05d9\u05dd"
        r"\s+\u05dc\u05d9)\s+(?P<name>[\u05d0-\u05ea]{2,10})(?![\u05d0-\u05ea])"
    ),
    # the sender corrects the name: "this is Coach—err I mean Mr. Fields"
    re.compile(rf"(?i:\b(?:err|er|uh|um|sorry|oops)\W{{0,3}}\s*i\s+mean)\s+{_TITLE}{_NAME}"),
    # Lebanese Arabic in Latin letters "Ana Samir, sa7eb el garage" (I am; the reply written so: a digit for a letter);
    # Hmong "Kuv yog Pa Nhia" (I am)
    re.compile(rf"(?:^|(?<=[.!?,]\s))[Aa]na\s+{_NAME}\s*,(?=[^\n]*?[a-z][2357][a-z])"),
    re.compile(rf"\b[Kk]uv\s+yog\s+{_TITLE}{_NAME}"),
]
# the person the reply is about has died
_DECEASED = re.compile(r"\b(?:passed|died|deceased|funeral)\b")
# a machine's reply: "This is an automated reply", "auto-reply"
_AUTOMATED = re.compile(r"\b(?:automated|automatic)\s+(?:reply|response|message)\b|\bauto-?reply\b")
# a cue denied: "No soy Javier", "Hindi po ako si Jennifer"
_DENIED = re.compile(r"\b(?i:no|not|n\u00e3o|nao|hindi)\s+(?i:po\s+)?\Z")
# whichever of the patterns above reads a text in capitals (the loose ones would take common words)
_IN_CAPITALS = (_REFERRAL[0], _REFERRAL[1], _REFERRAL[3], _SELF[0], _SELF[11])
# a sign-off closing the message: "Thanks, Patricia", "-- Greg"
_SIGN_TITLE = r"(?:(?P<title>Dr|Dra|Chef|Pastor|Coach|Lic)\.?\s+)?"
# the words a sign-off opens with (read caseless)
_SIGN_OFF_WORDS = (
    r"(?:thanks|thank you|thx|regards|cheers|best|sincerely|gracias|obrigad[oa]|salamat(?: po)?|aloha|mahalo"
    r"|grazie|merci|danke|saludos|atentamente|c\u1ea3m\s+\u01a1n|cam\s+on|abra\u00e7os?|abs|beijos?|un\s+abrazo"
    r"|abrazos|gru(?:\u00df|ss)|gr(?:\u00fc|ue)(?:\u00df|ss)e|viele\s+gr(?:\u00fc|ue)(?:\u00df|ss)e|lg|mfg"
    # Polish, French, Portuguese: "Pozdrawiam, Agnieszka Kowalska", "Cordialement, Claire Martin"
    r"|pozdrawiam|pozdrowienia|z\s+powa\u017caniem|cordialement|bien\s+\u00e0\s+vous|atenciosamente|abra\u00e7o)"
)
_SIGN_OFF = re.compile(
    # (the words behind a look-ahead for their first letters: the forty of them are tried only where one starts)
    rf"(?:(?i:\b{lead(_SIGN_OFF_WORDS, re.IGNORECASE)}{_SIGN_OFF_WORDS})\s*[,!]\s*"
    rf"|(?:^|\s)(?:-{{1,2}}|\u2014|\u2013|~)\s*"
    rf"|(?i:\batte)\.\s*)"  # Spanish "Atte. Lupita" (atentamente)
    # (the business after "@" or "at": "- Kim @ Paws & Claws Vet")
    rf"{_SIGN_TITLE}{_NAME}\s*(?:[|,/].{{0,80}}|\s(?:@|at)\s[^\n]{{1,60}})?[.!]*\s*\Z",
    re.DOTALL,
)
# initials signed after a dash, alone or before a surname: "-JT", "- R. Delgado, Owner", "— J.R. Haynes"
_INITIALS_SIGN_OFF = re.compile(
    rf"(?:^|\s)(?:-{{1,2}}|\u2014|\u2013|~)\s*(?P<name>(?:[A-Z]\.\s?){{1,2}}{_WORD}|[A-Z]{{2,3}}|(?:[A-Z]\.){{2,3}})"
    r"\s*(?:[|,/].{0,80})?[.!]*\s*\Z",
    re.DOTALL,
)
# capitals that close a reply after a dash and are no one's initials
_NOT_INITIALS = frozenset("asap fyi dba usa dot mc po eta tbd na nm idk brb ttyl thx ty pls lmk ok llc inc".split())
# a Korean name signed after a dash (not a word ending as a sentence does: "- 감사해요"), a Chinese surname with its
# courtesy title closing the message: "- 김민수 (213) 555-0145", "626-288-5501 王先生"
# (a Korean name with the title after it: "박지영 실장"; a Chinese name of a common surname after the last sentence:
# "。陈丽丽"; an Arabic or a Hebrew name after a dash: "— عمر", "- יוסי")
_CJK_SIGN_OFF = re.compile(
    r"(?:(?:^|\s)[-\u2014\u2013~]\s*(?P<ko>[\uac00-\ud7a3]{1,3}[\uac00-\ud7a3](?<![\uc694\ub2e4\uae4c\uc8e0]))|(?P<zh>[\u4e00-\u9fff](?:\u5148\u751f|\u5973\u58eb"
    r"|\u5c0f\u59d0|\u592a\u592a))"
    rf"|(?:^|(?<=[\s.)]))(?P<ko_titled>[{_KO_SURNAMES}][\uac00-\ud7a3]{{1,2}})\s*(?:\uc0ac\uc7a5|\uc2e4\uc7a5|\ubd80\uc7a5"
    r"|\uacfc\uc7a5|\ub300\ud45c|\ud300\uc7a5|\uc6d0\uc7a5|\uc774\uc0ac)\ub2d8?"
    rf"|(?<=[\u3002\uff0c\uff01.!,\s])(?P<zh_named>[{_ZH_SURNAMES}](?P<given>[\u4e00-\u9fff]{{1,2}}))"
    r"|(?:^|\s)[-\u2014\u2013~]\s*(?P<ar>[\u0621-\u064a]{2,12}(?:\s[\u0621-\u064a]{2,12})?)"
    r"|(?:^|\s)[-\u2014\u2013~]\s*(?P<he>[\u05d0-\u05ea]{2,10}(?:\s[\u05d0-\u05ea]{2,10})?))"
    r"\s*(?:<phone>)?[\s.!\u3002]*\Z"
)
# every name _CJK_SIGN_OFF reads is written in one of these scripts (Hangul, Chinese, Arabic, Hebrew): a reply with
# none of their letters (most replies outside ASCII hold an emoji or an accent) is not searched
_CJK_LETTER = re.compile("[\uac00-\ud7a3\u4e00-\u9fff\u0621-\u064a\u05d0-\u05ea]")
# a name and the title it holds closing the reply: "... use X. Karen Davis, Office Manager", "Ирина, офис-менеджер";
# a credential ("Ravi Shah, CPA", "Ann Lee, Esq.") or the agency the person runs ("Sam Greer, Greer Insurance Agency");
# not a surname after an initial ("R. Whitfield, Esq.")
_NAME_AND_ROLE = re.compile(
    rf"(?:(?<!\b[A-Z])[.!?)]|\S@\S+)\s+{_NAME},\s+(?:[{_UP}{_LOW}]+[\s-]){{0,2}}"
    r"(?i:manager|mgr|administrator|admin|director|coordinator|owner|bookkeeper|secretary|assistant|president"
    r"|supervisor|accountant|\u043c\u0435\u043d\u0435\u0434\u0436\u0435\u0440|\u0434\u0438\u0440\u0435\u043a\u0442\u043e\u0440"
    r"|\u0431\u0443\u0445\u0433\u0430\u043b\u0442\u0435\u0440|\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c"
    r"|cpa|esq|realtor|broker|cfp|dds|dmd|agency|realty|mortgage)"
    r"(?:\s+[^.!?\n]{1,50})?\s*[.!]?\s*\Z"
)
# a signature on one line: a name in full, perhaps its title or credential, then parts apart with "|", one of them a
# number or an address; at the start of the reply, after a sentence, a sign-off's comma or a dash
_CARD = re.compile(
    rf"(?:\A\s*|(?<=[.!?,])\s+|(?:^|\s)(?:-{{1,2}}|\u2014|\u2013)\s*)(?P<name>{_WORD}[ ]{_WORD})"
    r"(?:\s*,[^|\n]{1,60}?)?\s*\|[^\n]*?(?:(?:\d\D{0,3}){7}|\S@\S)"
)
# ... or a name in full and its business after the last number: "Fax: 614.555.0101 Tom Beckett | Beckett Insurance
# Group"
_CARD_AFTER_NUMBER = re.compile(rf"(?<=\d)\s+(?P<name>{_WORD}[ ]{_WORD})\s*\|\s*[^|\n]{{2,60}}\Z")
_LAST_WORD_CAPITAL = re.compile(r"[.!?]\s+\S*\s?[A-Z][^\s.!?]*\s*\Z")
# a name alone after the last sentence: "Call me Friday, 254-771-3902. Wade", "that's my cell. Tom Riley", "Chef
# Antoine"; one word alone must follow a number ("... 1 star on BBB. Clowns" is no one)
_LAST_WORDS_NAME = re.compile(rf"(?P<end>.)[.!?]\s+{_SIGN_TITLE}{_NAME}\s*\Z")
# a name standing alone beside the number, as its own sentence or after a dash: "Kurt 218-834-6617", "-Gus X",
# "tmrw Joe Birdsong (918) 456 0031"; or closing the reply after the number: "X Ron", "X, Игорь" (a word alone
# after a sentence is as often a verdict as a name: "... Period.", "Pathetic")
_BESIDE_NUMBER = re.compile(
    rf"(?:(?:^|(?<=[.!?,;:]\s)|(?<=[-\u2014\u2013]))(?<!Mr\.\s)(?<!Mrs\.\s)(?<!Ms\.\s)(?<!Dr\.\s)\s*{_NAME}"
    rf"|(?<=[a-z]\s)(?P<full>{_WORD}[ ]{_WORD}))\s+<phone>"
)
_TITLED_BEFORE_NUMBER = re.compile(
    rf"(?:^|(?<=[.!?,]\s)|(?<=[-\u2014\u2013]))\s*(?P<title>Dr|Dra)\.?\s+{_NAME}\s*[.,]?\s*<phone>"
)
_TITLED_AFTER_NUMBER = re.compile(rf"<phone>\s*[-\u2014\u2013,.]?\s*(?P<title>Dr|Dra)\.?\s+{_NAME}\s*[.!]*\s*\Z")
_CLOSING_NAME = re.compile(rf"(?P<end>(?i:<phone>))\s*[-\u2014\u2013,]?\s*{_NAME}\s*[.!]*\s*\Z")
# a name between dashes after the number ("X — Gloria. Anytime after 10:30"); one word alone after the last sentence
# of a reply that asks to be called or reached ("Call me tmrw. Chuck.", "Reach me at X tmrw aft. Ramona")
_DASHED_AFTER_NUMBER = re.compile(rf"(?i:<phone>)\s*[-\u2014\u2013]\s*{_NAME}\s*[.!]\s")
_ASKS_TO_BE_CALLED = re.compile(
    r"(?i:\b(?:call|reach|text|ring|try|give)\s+me\b|\b(?:i'?m|i\s+am)\s+(?:free|available)\b"
    r"|\bmejor\s+por\s+(?:whats|whatsapp|texto|mensaje)|\bll[a\u00e1]m(?:e|ame|eme)\b)"
)
_REFUSES = re.compile(r"(?i:\b(?:no|not|don'?t|dont|never|stop|remove)\b)")  # "Don't text me. Ever."
_LAST_SENTENCE_NAME = re.compile(rf"(?<=[a-z0-9]\.)\s+{_NAME}\s*\.?\s*\Z")
# words that close a reply and are no one's name (compared lower-case)
_CLOSING_WORDS = frozenset(
    """
    appreciate appreciated blessings later whatever unsubscribe unsubscribed blocked reported clowns idiots scammers
    scam scammer jerks losers done pass goodbye nah nevermind cool perfect awesome excellent wonderful noted understood
    confirmed agreed absolutely correct exactly definitely certainly lmk ciao adios peace urgent hurry direct landline
    fax main home personal use ph tel tele mob txt dial remove delete block ee
    \u0437\u0432\u043e\u043d\u0438\u0442\u0435
    \u043f\u043e\u0437\u0432\u043e\u043d\u0438\u0442\u0435 \u0441\u043f\u0440\u043e\u0441\u0438\u0442\u0435
    thankyou tia enjoy congrats welcome lunch dinner weekdays weekends weekend mornings
    afternoons evenings cheers спасибо danke gracias salamat mahalo aloha obrigado merci shalom amen
    """.split()
)
# a line of a signature block that is only a name, with perhaps a title after it ("Greg Thompson | Sales Director")
_NAME_LINE = re.compile(
    rf"^\s*(?:-{{1,2}}|\u2014|\u2013|~)?\s*{_SIGN_TITLE}{_WORD}(?:[ ]{_WORD}){{0,2}}\s*(?:[|,].{{0,60}})?$"
)
# a line of a signature block under the name: a title, a business, a number, an address (no sentence)
_CONTACT_LINE = re.compile(r"(?:\d\D{0,3}){7}|@\S")
_ENDS_STATEMENT = re.compile(r"(?:[.!?)\d]|@\S+)\s*$")
_SIGNATURE_LINE = re.compile(r"^(?!.*[.!?](?:\s|$)).{1,60}$")
_SIGN_OFF_LINE = re.compile(
    r"^\s*(?:-{2,}|\u2014+|_{2,}|(?i:(?:kind |best |warm )?(?:regards|thanks|thank you|sincerely|cheers|best|"
    r"respectfully|gracias|obrigad[oa]))\s*[,.!]?)\s*$"
)
# a name we are asked about or greeted by is ours, not theirs: "Sam who?", "Hi Sam", "no conozco a ningún Sam"
_NOT_THEIRS = (
    re.compile(
        rf"(?i:\b(?:hi|hey|hello|hola|dear|yo|morning|oi|ol[a\u00e1])\s*,?\s+|\bany\s+|\bning[u\u00fa]n\s+){_NAME}"
        rf"(?!\s+(?i:here)\b)"  # "Hi, Kevin here": the sender's own name
    ),
    # "Dale isn't who you want", "Dale is not the one to ask"
    re.compile(
        rf"{_NAME}(?i:\s+(?:isn't|is\s+not|isnt|'s\s+not)\s+(?:who|the\s+(?:one|person|guy|lady)\s+(?:you|to)))"
    ),
    # (not a person named with what they do: "111 is Jen who does scheduling")
    re.compile(
        rf"{_NAME}(?i:\s+who\b)(?!(?i:\s+(?:does|handles|runs|takes\s+care|deals|manages|decides|books|schedules"
        rf"|answers|works|knows))\b)"
    ),
    re.compile(rf"(?i:\bwho(?:'s|\s+is)\s+|\bis\s+this\s+){_NAME}"),
)
# words that stand where a name would and are not one (compared lower-case)
NOT_NAMES = frozenset(
    """
    not the a an me him her them us my your our his their its it this that these those there here who what when
    where why how which someone somebody nobody anybody anyone everyone no one none sales interested great good fine
    ok okay still wrong stop yes yeah yep no nope sure please pls thanks thank today tonight tomorrow yesterday
    morning afternoon evening noon monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec more about spam ridiculous insane crazy busy free available open closed
    off out in on at back away home driving working retired new old just also only really very so and or but if
    then now later soon asap anytime whenever always never maybe probably definitely glad happy sorry afraid going
    looking done owner manager boss office shop cell work mobile phone number email text call calling dr doctor mr
    mrs ms miss sr sra srta don the owner hr it ceo the boss front desk reception service support team info admin
    billing accounts marketing dispatch customer god jesus lord christ lol omg wtf hi hey hello hola dear bro dude
    man sir maam ma'am madam buddy friend boss sam sales interested sounds ready calling texting sending emailing
    tell send contact talk speak ask reach try give let have be do get go see none us our company business
    llc inc co corp ltd group mañana manana hoy ayer tarde noche lunes martes miércoles miercoles jueves viernes
    sábado sabado domingo el la los las un una mi su yo usted ella él que por para con de del sí si no gracias
    bueno buenas hola señor senor señora senora amanhã amanha hoje obrigado obrigada sim não nao o a os as eu
    po ako siya kami sila opo hindi salamat boss ate kuya ma'am sige regards cheers best sincerely respectfully
    warmly thx ty management whoever pastor officer registry list he she they we you i deaf blind disabled retired
    bookkeeper receptionist secretary assistant dispatcher manager foreman accountant controller agent broker
    church office mgr gm staff crew everybody everyone nobody general wife husband son daughter mom dad mother
    father corporate headquarters hq accounting billing notary too all very much automated auto bot vendor vendors
    relations department dept team desk board proposal purchasing procurement operations ops hr compliance legal
    co-op coop reply bye cya sent habla ti\u1ec7m ph\u1edf contract lease warranty papa mama pop pops grandma grandpa
    daddy mommy should would could might must shall m\u0105\u017c \u017cona
    rele voye
    merry christmas easter holidays peace blessings aloha mahalo merci danke grazie counsel
    """.split()
)
_TITLES = frozenset(
    "pastor rev reverend father fr officer deputy sgt sergeant detective captain capt coach judge rabbi imam "
    "professor prof dr dra doctor chef deacon attorney atty lic kuya ate manong manang sister brother "
    "ch\u1ecb c\u00f4 ch\u00fa \u00f4ng b\u00e0".split()
)
# a program's name: "I'm Mia, the virtual assistant for ...", "I'm Kiki, Bella Nails' virtual assistant"
_ASSISTANT = re.compile(r"\W*(?:[^.!?]{0,30}\s)?(?i:virtual|automated|ai|digital)\s+(?i:assistant|receptionist)")
# words that make a line a business or a title rather than a name ("Delaney Roofing & Gutters")
_BUSINESS_WORDS = frozenset(
    """
    llc inc co corp ltd company services service roofing plumbing electric electrical hvac dental law group
    landscaping construction auto repair salon spa studio clinic center centre office sales director manager owner
    president ceo founder realty insurance cleaning movers bakery shop store restaurant cafe bar grill solutions
    partners associates nails bake bakes pizza grooming academy cleaners motors tire tires farm farms supply deli
    market boutique barbershop barber tax realtors bank church ministries chapel hotel motel inn lodge cafe kitchen
    catering trucking transport logistics hardware pharmacy diner corner jewelers renovations hvac
    """.split()
)
# the words each pattern needs (lower case): a reply without them skips its search
_NEEDS = {
    _REFERRAL[0]: ("ask", "attn", "attention", "pregunt", "pergunt", "procure", "mande", "demande", "pyta", "2al",
                   "nug"),
    _REFERRAL[1]: ("'s",),
    _REFERRAL[2]: ("soy", "sou", "sono"),
    # (a cue ends where the pattern has its space: the reply's spaces are single " " once _clean has read it, so
    # "contacting", "texted", "the" cue nothing)
    _REFERRAL[3]: ("name's", "name is", "se llama", "ma na imi", "you want", "you need", "you'll want", "you'll need",
                   "to talk", "to speak", "to ask", "to call", "to contact", "to email", "to reach", "he's", "he is"),
    _REFERRAL[4]: ("my ", "our ", "the ", "his ", "her ", "mi ", "su ", "la ", "el ", "nuestr", "meu ", "minha ",
                   "noss", "o ", "'s ", "mon ", "ma ", "notre ", "mia ", "mio ", "nostr"),
    _REFERRAL[5]: ("talk ", "speak", "chat ", "habl", "fale ", "contact ", "contact:", "reach ", "call ", "mail ",
                   "text ", "send ", "give it", "forward ", "llam", "ligue", "fala", "leave ", "address"),
    _REFERRAL[6]: ("handles", "runs", "does", "takes care", "charge", "manages", "deals with", "is the", "is who",
                   "decides", "decisions", "shots", "took over"),
    _REFERRAL[7]: ("'s ", " is ", " es ", " \u00e9 "),
    _REFERRAL[8]: (" is out", " is away", " is off", " is not in", " is not available", " is unavailable",
                   " is on vacation", " is in ", " is with ", " is booked", " est en", " est absent", " peut vous",
                   " isn't in", " isn't here", " isn't available", " does not ", " doesn't ", " no est", " sali",
                   " mish "),
    _REFERRAL[9]: ("ext", "x"),
    _REFERRAL[10]: ("\u627e", "g\u1ecdi", "li\u00ean", "h\u1ecfi", "c\u1ee7a", "g\u1eedi", "ch\u1ee7", "g\u1eb7p"),
    _REFERRAL[11]: ("dr",),
    _REFERRAL[12]: ("'s cell", "'s phone", "'s number", "'s line", "'s direct", "'s mobile", "'s desk"),
    _REFERRAL[13]: ("<phone>",),
    _REFERRAL[14]: (" ang ",),
    _REFERRAL[15]: ("sold", "handed", "passed", "turned"),
    _REFERRAL[16]: ("says", "said"),
    _REFERRAL[17]: ("assistant", "secretary", "scheduler", "paralegal", "receptionist"),
    _REFERRAL[18]: ("m his ", "m her ", "m their ", "m the owner's ", "s his ", "s her ", "s their ",
                    "s the owner's ", "tu \u017cona", "tu m\u0105\u017c", "tu c\u00f3rka", "tu syn", "tu sekretarka",
                    "se madanm", "se mari", "se pitit", "se sekret\u00e8"),
    _REFERRAL[19]: ("main ",),
    _REFERRAL[20]: (" se baat",),
    _REFERRAL[21]: ("\u043a\u043e\u043d\u0442\u0430\u043a\u0442", "\u0441\u043f\u0440\u043e\u0441",
                    "\u043f\u043e\u043f\u0440\u043e\u0441"),
    _REFERRAL[22]: ("\u0627\u0633\u0623\u0644", "\u0627\u0637\u0644\u0628", "\u0643\u0644\u0645"),
    _REFERRAL[23]: ("\u0627\u0644\u0633\u064a\u062f", "\u0627\u0644\u062f\u0643\u062a\u0648\u0631",
                    "\u0627\u0644\u0623\u0633\u062a\u0627\u0630"),
    _REFERRAL[24]: ("\ucc3e",),
    _REFERRAL[25]: ("\u627e",),
    _REFERRAL[26]: ("\u8001\u677f", "\u8001\u95c6", "\u7ecf\u7406", "\u7d93\u7406", "\u8d1f\u8d23", "\u8ca0\u8cac"),
    _REFERRAL[27]: ("(",),
    _REFERRAL[28]: ("naal", " nal ", " nu ", " ko "),
    _REFERRAL[29]: ("\u627e",),
    _REFERRAL[30]: ("\u05d1\u05e7\u05e9", "\u05e9\u05d0\u05dc", "\u05d3\u05d1\u05e8"),
    _REFERRAL[31]: ("will ", "checks", "reads", "would be", "is the", "puede"),
    _REFERRAL[32]: ("'s",),
    _REFERRAL[33]: (" go",),
    _REFERRAL[34]: ("'ll", "ill "),
    _REFERRAL[35]: (":",),
    _REFERRAL[36]: (" ni ",),
    _REFERRAL[37]: ("ana ",),
    _REFERRAL[38]: ("kuv yog",),
    _REFERRAL[39]: ("pan",),
    _REFERRAL[40]: ("my ", "our ", "his ", "her "),
    _REFERRAL[41]: ("can ", "atiende", "pode "),
    _REFERRAL[42]: ("'ll", " will "),
    _REFERRAL[43]: ("owns", "runs", "manages"),
    _REFERRAL[44]: ("titolare", "propriet", "responsabile", "w\u0142a\u015bciciel", "szef", "kierowni",
                    "\u0432\u043b\u0430\u0441\u043d\u0438", "\u043a\u0435\u0440\u0456\u0432\u043d\u0438"),
    _SELF[0]: ("i'm", "i am", "im", "this is", "name", "it's", "its", "here's", "heres", "soy", "sou", "llamo",
               "nombre", "nome", "si ", "aqui", "sono", "m\u00f3wi", "nazywam", "t\u00f4i", "t\u00ean", "suis",
               "c'est", "\u044d\u0442\u043e", "\u0437\u043e\u0432\u0443\u0442"),
    _SELF[1]: ("si ",),
    _SELF[2]: ("se ",),
    _SELF[3]: ("\uc800\ub294", "\u6211", "\u79c1"),
    _SELF[4]: ("\uc800\ub294", "\u6211", "\u0623\u0646\u0627"),
    _SELF[5]: ("i'm", "i am", "im "),
    _SELF[6]: ("my name",),
    _SELF[7]: ("from",),
    _SELF[8]: ("<phone>",),
    _SELF[9]: ("'s",),
    _SELF[10]: (" at ", "@", " from ", " with "),
    _SELF[11]: ("here",),
    _SELF[12]: ("me,", "mwen ye,"),
    _SELF[13]: ("<phone>",),
    _SELF[14]: ("\uc785\ub2c8\ub2e4", "\uc774\uc5d0\uc694", "\uc608\uc694"),
    _SELF[15]: ("\u05de\u05d3\u05d1\u05e8", "\u05e9\u05de\u05d9", "\u05e7\u05d5\u05e8\u05d0\u05d9\u05dd"),
    _SELF[16]: ("mean",),
    _SELF[17]: ("ana ",),
    _SELF[18]: ("kuv yog",),
}  # fmt: skip


def _role_forms(role: str) -> list[str]:
    """Every way one of the roles' alternatives is written, lower-cased: "encargado" and "encargada" of
    "encargad[oa]", "gérant" and "gérante" of "g\\u00e9rante?", "team lead" of "team\\s+lead" (its spaces single, as
    ``contact_name`` reads a reply)."""
    forms = [""]
    for letters, optional in re.findall(r"(\\u[0-9a-f]{4}|\\s\+|\[[^\]]+\]|[^\\\[?])(\??)", role):
        if letters.startswith("\\u"):
            choices = [chr(int(letters[2:], 16))]
        elif letters == "\\s+":
            choices = [" "]
        else:
            choices = list(letters.strip("[]")) if letters.startswith("[") else [letters]
        forms = [form + choice for form in forms for choice in choices + ([""] if optional else [])]
    return forms


assert "(" not in _ROLE[1:], "the roles are one list of alternatives"
# a role the patterns read is a whole word followed by a space, a comma, an apostrophe or a dash ("manager, Denise",
# "owner's", "sister-in-law"): each form with what may follow it is a cue
_ROLE_CUES = tuple(
    sorted(
        form + after
        for role in _ROLE[3:-1].split("|")
        for form in _role_forms(role)
        for after in (" ", "\n", "\t", ",", "'", "-", "\u2013", "\u2014")
    )
)
# the patterns that name a role ("my office manager, Denise", "Owner's Vinny Russo", "I'm the GM, Jessica Park") are
# searched only when the reply also holds a role word: their cue words ("the ", "'s ", "im ") are in most replies
_WITH_A_ROLE = frozenset((_REFERRAL[4], _REFERRAL[7], _SELF[5]))
# the cue words of every pattern of both lists, found in one scan of the reply (usdatabiz.core.regexgate): a pattern
# is searched only when the reply holds one of its cue words, as ``any(word in reply for word in _NEEDS[pattern])``;
# the last gate is the role words'
_CUE_KEEPER = GateKeeper([*(_NEEDS[p] for p in (*_REFERRAL, *_SELF)), _ROLE_CUES])


_MASK = re.compile(r"<[a-z]+>")  # what _extract put for an address or a number


def _proper(word: str) -> str:
    """A name word as it is written on a card: "LINDA" and "kevin" are "Linda" and "Kevin"."""
    return word if not (word.isupper() or word.islower()) else word[:1].upper() + word[1:].lower()


def _capitalised(text: str) -> str:
    """A text typed in capitals with each word capitalised, so that a name in it reads as one."""
    return re.sub(r"[^\W\d_]+(?:'[^\W\d_]+)?", lambda m: m.group().capitalize(), text)


def _in_capitals(text: str) -> bool:
    """Whether the text is typed in capitals: six letters or more (the masks left out), 80% of them capitals ("CALL
    MIKE <phone>"). The letters are picked and counted in C, not one by one in Python."""
    if "<" in text:
        text = _MASK.sub("", text)
    if text.isascii():  # an ASCII capital is a letter: no list of the letters needed
        letters, capitals = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
        return letters >= 6 and capitals >= 0.8 * letters
    letters = [*filter(str.isalpha, text)]
    return len(letters) >= 6 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _name_of(match: re.Match, refused) -> str:
    """The name ``match`` read, or "" when it is not one; ``refused()`` gives the names that are ours, not theirs."""
    words = match.group("name").split()
    if len(words) > 1 and _business_word(words[1]):
        return ""  # "ask for Dave Roofing", "attn Safety Manager": a business or a desk
    while words and words[-1].lower() in NOT_NAMES:
        words.pop()  # "call Eddie Thursday": the name ends before the day
    if len(words) > 1 and words[0].lower() in _TITLES:
        words.pop(0)  # "Pastor Leon Williams", "Officer Brown"
    elif len(words) == 1 and words[0].lower() in _TITLES:
        return ""  # "this is Coach—err I mean Mr. Fields": a title alone
    if (
        not words
        or words[0].lower() in NOT_NAMES
        or any(part in NOT_NAMES for part in words[0].lower().split("-"))  # "Tues-Sat"
        or _DENIED.search(match.string, max(0, match.start() - 9), match.start())
    ):
        return ""
    if "business" in match.re.groupindex and not _business_word(match["business"]):
        return ""  # "Sheila at Big Sky Realty": the words after "at" must name a business
    rest = match.string[match.end("name") : match.end("name") + 60]
    after = rest[:24].split()
    if (after and after[0].strip(".,;:!?").lower() in _BUSINESS_WORDS) or _ASSISTANT.match(rest):
        return ""  # "ask for Dave Roofing", "Its Danas Bake Shop": a business; "I'm Mia, the virtual assistant"
    if words[0].lower() in refused():
        return ""
    if _TAKEN_BACK_RE.match(rest):
        return ""  # "Call Marcy at X. no wait call the other one, Donna": the name said next
    before = match.string[max(0, match.start("name") - 12) : match.start("name")]
    if len(words) == 1 and _SURNAME_TITLE.search(before):
        if _by_title(match):  # "ask for Dr. Halvorsen", "I'm Dr. Levin's scheduler": the person goes by it
            title = _TITLE_WRITTEN.search(before)
            return f"{title.group(1)}{title.group(2)} {_proper(words[0])}"
        return ""  # "Dr. Kim": a surname
    if len(words) == 1 and _COURTESY_TITLE.search(before):
        # "call Mrs. Okafor at the front office - Chinwe Okafor": the name in full
        full = re.search(rf"{_NAME}(?=[ ]{re.escape(words[0])}\b)", match.string)
        if full and len(full.group("name").split()) == 1 and full.group("name").lower() not in NOT_NAMES:
            words.insert(0, full.group("name"))
        elif title := re.search(r"\b(Mr|Mrs|Ms|Sr|Sra|Srta)\.?\s+\Z", before):
            return f"{title.group(1)}. {_proper(words[0])}"  # "ask for Mr. Patel": a surname, called by it
        elif title := _TITLE_WRITTEN.search(before):
            return f"{title.group(1)} {_proper(words[0])}"  # "mande pou Mesye Joseph", "Maître Dubois"
    if match.re is _REFERRAL[21] and not match.group().lower().startswith("\u043a\u043e\u043d\u0442\u0430\u043a\u0442"):
        words = [_russian_nominative(word) for word in words]  # "спросите Виктора" asks for Виктор
    return " ".join(_proper(word) for word in words)


# "спросите" (ask for) takes the accusative: Виктора, Игоря, Алексея, Дмитрия, Ольгу, Наталью are Виктор, Игорь,
# Алексей, Дмитрий, Ольга, Наталья (a surname too: Петрову is Петрова)
_RUSSIAN_ACCUSATIVE = (
    ("\u0435\u044f", "\u0435\u0439"),
    ("\u0438\u044f", "\u0438\u0439"),
    ("\u0443", "\u0430"),
    ("\u044e", "\u044f"),
    ("\u044f", "\u044c"),
    ("\u0430", ""),
)


def _russian_nominative(word: str) -> str:
    for ending, nominative in _RUSSIAN_ACCUSATIVE:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + nominative
    return word


# the patterns that name a person by a title and a surname when the reply sends us to them ("ask for Dr. Halvorsen",
# "I'm Dr. Levin's scheduler", "secretary ni Atty. Santos"); elsewhere "Dr. Hale is unavailable" names no one to ask
# for, unless the reply then asks for him ("Dr. Abrams is in surgery Tues/Thurs. Call Wednesday and ask for him")
_SENT_TO_THEM = frozenset(
    # (the patterns that send us to the person: "ask for", "this is Dr. Levin's scheduler", "our clinic director is",
    # "handles", "ext 4 for", "call Dr. Okafor's cell", "si ... ang owner", "assistant to", those added
    # with them; the sender's own name, "This is Dr. Okonkwo"; a sign-off, "- Dr. Juarez", "Dr. Adeyemi. X")
    [*(_REFERRAL[i] for i in (0, 1, 4, 6, 9, 12, 14, 17, 31, 32, 33, 34, 35, 41)), _SELF[0], _SELF[16], _SELF[18]]
    + [_SIGN_OFF, _LAST_WORDS_NAME, _TITLED_BEFORE_NUMBER, _TITLED_AFTER_NUMBER]
)
# (Lebanese Arabic in Latin letters: "Dr. Khoury mish hon lyom, ittasil bukra", not here today, call tomorrow)
_ASK_FOR_THEM = re.compile(r"(?i:\b(?:ask\s+for|call|reach|try)\s+(?:him|her)\b|\bittas[ie]l\b)")


# the person said not to take the matter or to be away: "The owner is Dr. Patel but she doesn't take sales calls",
# "the office manager, Dr. Kim is out on maternity leave"
_WONT_TAKE_IT = re.compile(
    r"(?i:[^.!?]{0,20}?\b(?:but|and)\s+(?:she|he|they)\s+(?:doesn'?t|does\s+not|won'?t|will\s+not|never|can'?t|isn'?t)\b"
    r"|\s*(?:is|'s)\s+(?:out|away|off|on\s+(?:\w+\s+)?leave|on\s+vacation|unavailable|not\s+(?:available|in))\b)"
)


def _by_title(match: re.Match) -> bool:
    if match.re in _SENT_TO_THEM:
        return not _WONT_TAKE_IT.match(match.string, match.end())
    if match.re is _REFERRAL[5]:  # "call Deacon Williams" ("Please contact Dr. Kim directly" names no one)
        return bool(re.search(r"\bDeacon\s+\Z", match.string[max(0, match.start("name") - 8) : match.start("name")]))
    return match.re is _REFERRAL[8] and bool(_ASK_FOR_THEM.search(match.string, match.end()))


def _business_word(word: str) -> bool:
    word = word.lower()
    return word in _BUSINESS_WORDS or (len(word) > 5 and word.endswith("ions"))  # "Nowak Renovations"


# each cued pattern (and each of the names that are ours, "Hi Sam") searched by the characters its matches begin with
# ("call", "text", "talk"...: a "c", "t"... at a word's start), not tried whole at every position of the reply
_SCANNED = {pattern: ScannedRegex(pattern) for pattern in (*_REFERRAL, *_SELF, *_NOT_THEIRS)}


def _first_name(patterns, text: str, refused) -> str:
    for pattern in patterns:
        for match in _SCANNED[pattern].finditer(text):
            name = _name_of(match, refused)
            if name:
                return name
    return ""


def _signed_name(whole: str, refused) -> str:
    """The name a sign-off or a signature block closes the message with."""
    # a signature on one line, its parts apart with "|" ("Jolene Haskins | Haskins Pest Control |
    # o: 931.224.8800"), opening the reply or pasted after its last words ("Best to email me. Jessica Noble |
    # REALTOR® | ... | jnoble@...", "Thanks, Deborah Kline, Esq. | Kline & Associates | T 201.555.0158", "-- Michael
    # Ortiz, NMLS #1458823 | Senior Loan Officer | ..."), perhaps a title or a credential before the first "|"
    cards = [*_CARD.finditer(whole), *_CARD_AFTER_NUMBER.finditer(whole.strip())] if "|" in whole else []
    for card in cards:  # (both need a "|")
        if found := _name_of(card, refused):
            return found
    lines = whole.strip().splitlines()
    for i in range(1, len(lines)):
        above = lines[i - 1]
        # under a blank or closing line ("... from this list. Thank you,"); or after a sentence, a number or an address
        # and last or heading more of a signature block ("(469) 287-3304\nKen Hollis\nHollis Heat & Air")
        closes = not above.strip() or _SIGN_OFF_LINE.match(re.split(r"[.!?]\s+", above)[-1])
        # a line opened with a dash signs ("- Gary"); a name line over a block that ends with a number or an address
        # heads it ("Karen Whitfield\nWhitfield Dental\n(303) 771-4402")
        dashed = re.match(r"\s*(?:-{1,2}|\u2014|\u2013|~)\s*\S", lines[i])
        block = lines[i + 1 :]
        over_contact = (
            block and all(_SIGNATURE_LINE.match(line) for line in block) and bool(_CONTACT_LINE.search(block[-1]))
        )
        heads = (
            _ENDS_STATEMENT.search(above) and (i == len(lines) - 1 or _SIGNATURE_LINE.match(lines[i + 1]))
        ) or over_contact
        closes = closes or dashed
        if not (closes or heads) or not _NAME_LINE.match(lines[i]):
            continue
        head = re.split(r"\s*[|,]", lines[i].strip().lstrip("-\u2014\u2013~ "), maxsplit=1)[0].split()
        head = [word for word in head if word.lower().rstrip(".") not in _TITLES] or head
        if any(word.lower() in _BUSINESS_WORDS for word in head):
            continue
        named = re.match(rf"{_NAME}", " ".join(head[:2]))
        found = _name_of(named, refused) if named else ""
        if found:
            return found
    tail = whole.strip()[-120:]
    initials = _INITIALS_SIGN_OFF.search(tail)
    if initials and (found := initials["name"]).lower().strip(".") not in _NOT_INITIALS | NOT_NAMES:
        return found
    match = _SIGN_OFF.search(tail) or _NAME_AND_ROLE.search(tail)
    if match:
        return _name_of(match, refused)
    match = _LAST_WORDS_NAME.search(tail)
    if match and (match["title"] or " " in match["name"] or match["end"].isdigit()):
        return _name_of(match, refused)
    return ""


def contact_name(masked: str, whole: str = "") -> str:
    """The name to address the reply's contact by ("" when it gives none).

    ``masked`` is the reply with its e-mails and phones masked (so "Email: Tanya.Brooks@..." names nobody);
    ``whole`` the reply as received, line breaks and signature included, read for the sign-off.
    """
    lowered = masked.lower()
    capitals = _in_capitals(masked)
    text = _capitalised(masked) if capitals else masked
    theirs_not: list[set[str]] = []

    def refused() -> set[str]:
        if not theirs_not:  # read once, and only when a name is found
            theirs_not.append(
                {m.group("name").split()[0].lower() for p in _NOT_THEIRS for m in _SCANNED[p].finditer(text)}
            )
        return theirs_not[0]

    automated = bool(_AUTOMATED.search(lowered))  # asked once for both lists
    deceased = bool(_DECEASED.search(lowered))
    cues = _CUE_KEEPER.open(lowered)  # one scan for both lists (a reply with no referral is read for the sender)
    role = cues.pop()  # (and for the role words)
    for patterns, listed_cues in ((_REFERRAL, cues[: len(_REFERRAL)]), (_SELF, cues[len(_REFERRAL) :])):
        cued = [p for p, cue in zip(patterns, listed_cues, strict=True) if cue and (role or p not in _WITH_A_ROLE)]
        if automated:  # "This is an automated reply. The office of Dr. Morgan Ellis DDS is closed"
            cued = [p for p in cued if p is not _REFERRAL[11]]
        if deceased:  # "this is Rhonda's husband, she passed": nobody to ask for
            cued = [p for p in cued if p not in (_REFERRAL[1], _REFERRAL[18])]
        name = _first_name([p for p in cued if p in _IN_CAPITALS] if capitals else cued, text, refused)
        if name:
            return name
    if not masked.isascii() and _CJK_LETTER.search(masked) and (signed := _CJK_SIGN_OFF.search(masked)):
        given = signed.group("given") or ""
        if not (given and given[0] == signed.group("zh_named")[0]):  # "谢谢" (thanks) is no one
            return next(found for found in signed.groups() if found)
    signed = ""
    # a vCard's full name (the card's field names are in capitals)
    if "FN:" in whole and (card := re.search(rf"^FN:\s*{_NAME}\s*$", whole, re.MULTILINE)):
        signed = _name_of(card, refused)
    if whole and not signed and not _in_capitals(whole):
        marks = "\n" in whole or any(map(whole.__contains__, ",-\u2014\u2013~|"))
        # no line, no sign-off mark, no capital word after a last sentence: nothing signs it
        if marks or _LAST_WORD_CAPITAL.search(whole):
            signed = _signed_name(whole, refused)
    return signed or _alone_name(text.strip(), capitals, refused)


def _alone_name(text: str, capitals: bool, refused) -> str:
    """A name standing alone beside the number or closing the reply (in capitals, only after a number)."""
    # the patterns beside a number need its mask ("<phone>", "<Phone>" once capitalised): most long replies have none
    phone = "<phone>" in caseless_ascii(text)
    found = []
    if phone and not capitals:
        found += [*_TITLED_BEFORE_NUMBER.finditer(text), *_TITLED_AFTER_NUMBER.finditer(text)]
        found += _BESIDE_NUMBER.finditer(text)
    if phone and (closing := _CLOSING_NAME.search(text)):
        found.append(closing)
    if not capitals:
        if phone:
            found += _DASHED_AFTER_NUMBER.finditer(text)
        # (a name closing the last sentence first: few replies end so, and the others are not asked the rest)
        last = _LAST_SENTENCE_NAME.search(text)
        if last and _ASKS_TO_BE_CALLED.search(text) and not _REFUSES.search(text):
            found.append(last)
    for match in found:
        group = "full" if match.re is _BESIDE_NUMBER and match["full"] else "name"
        words = match[group].lower().split()
        if any(word in NOT_NAMES or word in _CLOSING_WORDS for word in words):
            continue  # "Appreciate it", "Cell 555...": every word must be a name's
        if match.re in (_TITLED_BEFORE_NUMBER, _TITLED_AFTER_NUMBER):
            named = match  # "Dr. Adeyemi. X": read with its title
        else:
            named = re.match(rf"{_NAME}", match[group])
        name = _name_of(named, refused) if named else ""
        if name:
            return name
    return ""


# ------------------------------------------------------------------------------------------------ e-mails
_EMAIL_REFUSED_BEFORE = re.compile(
    r"(?i:\b(?:don'?t|dont|do not|never|please don'?t|pls don'?t)\s+(?:e-?mail|send|write|use|contact)\b[^.?!;]{0,40}"
    r"|\bhow\s+(?:did|do|'d)\s+(?:you|u|ya)\s+get\s+|\bwhere\s+(?:did|do)\s+(?:you|u)\s+get\s+"
    r"|\bnot\s+the\s+old\s+one\b(?:(?!\b(?:use|send|try|new)\b)[^)]){0,60}"
    r"|\bold\s+(?:address|email|e-mail|one)\s*(?:is|was|:|,|-)?\s*"
    # an address once written to or unsubscribed from ("I emailed you guys last year at X")
    r"|\b(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:emailed|e-mailed|unsubscribed)\b[^.?!;]{0,50}"
    r"|\bno\s+(?:me\s+)?(?:escriba|escribas|mande|mandes|env[i\u00ed]e)\b[^.?!;]{0,50})\Z"
)
_EMAIL_REFUSED_AFTER = re.compile(
    # "X, nobody checks it", "X which we dont use", "X but dont bother"
    r"(?i:\A[^.?!;(]{0,45}?(?:(?:nobody|no\s+one)\s+(?:checks|reads|uses)\s+(?:it|that|this)\b"
    r"|(?:which|that)\s+(?:we|i)\s+(?:don'?t|dont|never|no\s+longer)\s+(?:use|check|read)\b"
    r"|(?:we|i)\s+(?:don'?t|dont|never|no\s+longer)\s+(?:use|check|read)\s+(?:it|that|this)\b"
    r"|\bbut\s+(?:don'?t|dont)\s+bother\b"
    # Spanish and Portuguese: "X pero no lo revisan", "X, nadie lo checa", "X, ya no lo uso", "X, ninguém olha"
    r"|(?:\bpero\s+)?(?:\bnadie|\bya\s+no|\bno)\s+(?:lo\s+)?(?:revis|chec|cheque|le[eé]|us[oa]n?\b|sirve\b|funciona\b)"
    r"|\bningu[eé]m\s+(?:olha|l[eê]|abre)\b|\bn[aã]o\s+(?:uso|olho|abro)\s+mais\b"
    # Lebanese Arabic in Latin letters: "X ma 7ada bi2rah" (nobody reads it)
    r"|\bma\s+(?:7ada|hada)\s+bi(?:2r|ifta7|shouf)\w*)"
    # "X, that inbox is dead", "X (it bounces)": said of this address, not of another one further on
    r"|\A\W{0,3}\s*(?:(?:that|this|it|which)(?:\s+(?:inbox|address|email|e-mail|account|one))?\s*)?"
    r"(?:is|'s)?\s*(?:dead|closed|defunct|bounces|no\s+longer\s+(?:works|used|active|checked|monitored)"
    r"|not\s+(?:checked|monitored|used)|(?:is\s+)?not\s+in\s+use|gets\s+(?:buried|lost|ignored)"
    r"|goes\s+(?:to|into)\s+(?:spam|junk))\b)"
)


def email_refused(text: str, start: int, end: int) -> bool:
    """Whether the address at ``text[start:end]`` is one the reply says not to use (or asks how we got)."""
    before = _EMAIL_REFUSED_BEFORE.search(text, max(0, start - 90), start)
    return bool(before or _EMAIL_REFUSED_AFTER.match(text[end : end + 90]))


# of several addresses, the one whose owner reads theirs sooner: "Email both of us: X and Cindy@... Cindy reads hers
# faster"
_READS_FASTER = re.compile(
    rf"(?P<name>{_WORD})\s+(?i:reads|checks|answers|sees)\s+(?i:hers|his|theirs|(?:her|his|their)\s+(?:email|inbox|mail))"
    r"\s+(?i:faster|quicker|sooner|first|more\s+often|more)\b"
)


def email_preferred(text: str, addresses: list[str]) -> str:
    """Of several ``addresses`` (lower case), the one the reply prefers by its owner's name ("" when none)."""
    found = _READS_FASTER.search(text)
    if not found:
        return ""
    name = found.group("name").lower()
    return next((address for address in addresses if address.split("@")[0].startswith(name)), "")


# "rosa punto delgado arroba yahoo punto com": a mailbox said with its dots in Spanish, joined before it is read
_SPOKEN_MAILBOX_PUNTO = re.compile(
    r"\b([a-z0-9]+(?:\s+punto\s+[a-z0-9]+){1,3})(?=\s+arroba\s)",
    re.IGNORECASE,
)


def spoken_mailbox_dots(text: str) -> str:
    """The text with a mailbox said with "punto" joined by dots ("rosa punto delgado arroba ...")."""
    return _SPOKEN_MAILBOX_PUNTO.sub(lambda m: re.sub(r"\s+punto\s+", ".", m.group(1), flags=re.IGNORECASE), text)


# "tj underscore bowman at bowmanbros dot biz": the words before an address read from "bowman at ...", joined to it
# by a spoken underscore or dash ("mary dash ellen", "a underscore b underscore c")
_SPOKEN_MAILBOX_HEAD = re.compile(r"(?i:\b((?:[a-z0-9]+\s+(?:underscore|dash|hyphen)\s+)+)\Z)")


def spoken_mailbox_head(text: str, start: int) -> str:
    """The head of a mailbox said before the address at ``text[start]`` with its underscores or dashes ("tj_")."""
    head = _SPOKEN_MAILBOX_HEAD.search(text, max(0, start - 80), start)
    if not head:
        return ""
    words = head.group(1).lower().split()
    return "".join(word if index % 2 == 0 else "_" if word == "underscore" else "-" for index, word in enumerate(words))


# ------------------------------------------------------------------------------------------------ phones
# what the sender says on taking back a number, an extension or a name just given: "no wait", "no sorry", "wait no",
# "hold on", "scratch that", "never mind that", Polish "nie, czekaj", Korean "아 잠깐" (oh wait); right after it, a few
# marks or words between for an extension ("ext 12, thats Mike's desk. no wait"), none for a number ("X? no sorry")
_TAKEN_BACK_CUE = (
    r"(?:no+\s*,?\s*(?:wait|sorry)|wait\s*,?\s*no|hold\s+on|scratch\s+that"
    r"|never\s*mind\s+that|nie\s*,?\s*czekaj|\uc544\s+\uc7a0\uae50)\b"
)
_TAKEN_BACK = rf"\A[^.!?;]{{0,40}}?[.!?;,\s\u2026]+{_TAKEN_BACK_CUE}"
# a number taken back as soon as it is said: "X? no sorry that's the fax", "X. no wait call the other one", "X. hold on,
# Pat's out all week", Polish "X... nie, czekaj", Korean "X. 아 잠깐, 그건 옛날 번호고" (oh wait, that's the old
# one); not when the number ends with its extension, which is what is taken back ("X x207. no wait thats her old ext")
_NUMBER_TAKEN_BACK = re.compile(rf"(?i:\A\s*[.!?;,\u2026]*\s*{_TAKEN_BACK_CUE})")
_ENDS_WITH_EXTENSION = re.compile(r"(?i:(?:\bx|\bext|\bextension|#)\.?\s*\d{1,5}\s*\Z)")
# a label said of the number before, in the sentence after it: "X? no sorry that's the fax. Y" (Y is no fax)
_LABEL_OF_THE_ONE_BEFORE = re.compile(r"(?i:\b(?:that'?s|thats|that\s+is|it'?s|its)\s+(?:the|my|our)\s+\Z)")
# "Our office # is X but nobody answers it"
_PHONE_REFUSED_AFTER = re.compile(
    r"(?i:\A\s*,?\s*but\s+(?:nobody|no\s+one)\s+(?:ever\s+)?(?:answers|picks\s+up|checks)"
    r"|\A\s*[,(-]?\s*(?:(?:please|pls)\s+)?(?:don'?t|dont|do\s+not)\s+use\b"
    # "Toll free X is just the main queue, don't bother with it"
    r"|\A[^.!?;]{0,40}?\b(?:don'?t|dont|do\s+not)\s+bother\s+(?:with|calling)\s+(?:it|that|this)\b"
    # "X is the old one", "X is dead", "X no longer works"; Spanish "X, ese ya no sirve"; Portuguese "X não funciona
    # mais"
    r"|\A\s*,?\s*(?:(?:is|'s)\s+(?:the\s+|my\s+|our\s+|an\s+)?(?:old|dead|disconnected|out\s+of\s+service)\b"
    r"|(?:no\s+longer|doesn'?t|does\s+not)\s+work|(?:ese|este|that\s+one)?\s*ya\s+no\s+(?:sirve|funciona|es\s+m[ií]o)"
    r"|n[aã]o\s+funciona\s+mais)"
    # the old one in Tagalog "X, luma na po yun", Polish "X jest nieaktualny", Lebanese Arabic "X ma 3ad yishteghil"
    # (no longer works), Hmong "X ntawd, yog kuv tus qub" (that's my old one)
    r"|\A\s*,?\s*(?:luma\s+na|lumang|(?:jest\s+)?nieaktualny|ma\s+3ad\s+(?:yishteghil|yeshteghil|shaghal)"
    r"|(?:ntawd\s*,?\s*)?yog\s+kuv\s+tus\s+qub)\b"
    # a number to take off the list: "Please remove X from your list"
    r"|\A\s*(?:from|off)\s+(?:your|the|ur)\s+(?:(?:calling|call|texting|mailing)\s+)?(?:list|lists|database|system)\b"
    r"|\A\s*off\s*(?:[.!]|\Z)"  # "Please take X off."
    # an after-hours or emergency line: "X but that's for pets only" said after "After-hours emergency line is"
    r"|\A[^.!?;]{0,30}?\b(?:is|'s)\s+(?:only\s+)?for\s+(?:[a-z]+\s+)?emergenc(?:y|ies)\b)"
)
_PHONE_REFUSED_BEFORE = re.compile(
    r"(?i:\b(?:don'?t|dont|do not|never|please don'?t|pls don'?t|stop)\s+(?:call|text|use|dial|ring|phone)(?:ing)?"
    r"\s+(?:me\s+(?:at|on)\s+)?(?:the\s+|my\s+|this\s+)?(?:[a-z]+\s+)?(?:number|line|#)?\s*:?\s*"
    # "not the office line X, use my cell Y"; "my old number was X its now Y"
    # ("Call the office line not this one: X" speaks of the number texted, not of X)
    r"|\bnot\s+(?:the|my|our)\s+(?:[a-z]+\s+)?(?:number|line|#)\s*:?\s*"
    r"|\b(?:old|former|previous)\s+(?:[a-z]+\s+)?(?:number|line|#|cell|phone)\s*(?:is|was|:|,|-)?\s*"
    # Spanish "No use el X", "no llame al X", "no marque a la oficina X"
    r"|\bno\s+(?:use|llame|llamen|marque|marquen)\s+(?:al?|el|este|ese|a\s+la)?\s*(?:n[uú]mero|l[ií]nea|oficina|cel)?"
    r"\s*(?:de\s+la\s+oficina\s*)?:?\s*"
    # Tagalog "Huwag po kayong tumawag sa X" (don't call), Hmong "Tsis txhob hu X" (don't call), Polish "Stary numer X"
    # (the old number), Lebanese Arabic "Ra2mna el 2adim X" (our old number)
    r"|\bhuwag\s+(?:po\s+)?(?:kayong?\s+|nyo\s+(?:po\s+)?)?(?:tumawag|tawagan|gamitin)\s+(?:po\s+)?(?:sa\s+)?"
    r"|\btsis\s+txhob\s+hu\s+(?:rau\s+)?|\bstary\s+(?:numer|nr)\.?\s*:?\s*|\b(?:el\s+)?2adim\s*:?\s*"
    # "please remove X", an after-hours or emergency line ("If this is a pet emergency call X", "After-hours emergency
    # line is X")
    r"|\b(?:remove|delete)\s+(?:my\s+(?:number|#|cell)\s*:?\s*)?"
    r"|\b(?:after[- ]?hours|emergenc(?:y|ies))\b[^.!?<\d]{0,30})\Z"
)
# a number said to be the one to use: "X is the line", "X is my cell", "X is the best number"
_TO_USE_AFTER = re.compile(
    r"(?i:\A\s*(?:is|'s)\s+(?:the|my|our)\s+(?:(?:best|right|real|new|direct|cell|main)\s+)?(?:line|number|#|one|cell)\b"
    # "X (c) <- best", "cell X (best)"
    r"|\A\s*(?:\(\s*[a-z]{1,6}\s*\)\s*)?(?:<-+|\u2190)\s*(?:best|use\s+this|preferred|this\s+one)\b"
    # "X (better)", "X (best one)"
    r"|\A\s*\(\s*(?:(?:best|better|preferred)(?:\s+one)?|use\s+this(?:\s+one)?)\s*\))"
)
# a sentence with words in it between a label and the number: "The number you have is our fax. Call X"
_NEW_SENTENCE = re.compile(r"[.!?]\s+[^\W\d_]")
# a number labelled as something other than a phone: "Policy no. 3304412897", "acct # 5125550143", "Our policy number
# with you guys is 4478201953"
_REFERENCE_BEFORE = re.compile(
    r"(?i:\b(?:policy|order|acct|account|invoice|inv|claim|ref|reference|confirmation|conf|tracking|case|ticket"
    r"|member|license|licence|lic|(?-i:PO)|p\.o\.|po(?=\s*(?:#|no\b|num))|id|serial|vin|loan|customer|routing|permit|job|quote|estimate|receipt"
    r"|p[o\u00f3]liza|pedido|cuenta|factura)\s*(?:no\.?|nbr|num(?:ber)?\.?|#|id)?"
    r"(?:\s+(?:for|with)\s+(?:you(?:\s+guys)?|y'all|us))?\s*(?:is\s+|was\s+)?[:#.]?\s*(?:[a-z]{2,5}-)?)\Z"
)
_LABEL = r"(?:cell|cel|celular|mobile|work|office|shop|home|direct|personal|business|landline|main|desk|fax)"
# (the label nearest the number: "not the landline. Landline X" is labelled by the second "Landline")
_LABEL_BEFORE = re.compile(rf"(?i:\b({_LABEL})\b)(?:(?!(?i:\b{_LABEL}\b))[^\d<]){{0,20}}\Z")
_CLAUSE_BREAK = re.compile(r"[,/;]")
# (a label with a colon after it heads the next number: "Oficina: X, Fax: Y" is no fax X)
_LABEL_AFTER = re.compile(rf"\A\s*(?:\(|-|,|is\s+(?:my\s+|the\s+)?|my\s+)?\s*(?i:({_LABEL})\b)(?!\s*:)")
_PREFERRED = re.compile(
    rf"(?i:\b({_LABEL})(?:\s+(?:one|number|line|#))?\s+(?:is|'s)\s+(?:the\s+)?(?:best|better|preferred)"
    rf"|(?<!n't\s)(?<!nt\s)(?<!not\s)\b(?:use|prefer|try)\s+(?:(?:the|my)\s+)?({_LABEL})\b(?!\s*[:#]?\s*[\d(<])"
    rf"|\b(?:call|text|reach)\s+(?:me|him|her)\s+(?:(?:on|at)\s+(?:my|his|her)\s+)?({_LABEL})\b"
    rf"|\b(?:call|text)\s+(?:my|his|her)\s+({_LABEL})\b"
    rf"|\b({_LABEL})\s*,?\s+(?:first|preferred)\b)"
)


def _label(word: str) -> str:
    word = word.lower()
    return "cell" if word in ("cel", "celular", "mobile") else word


def phone_is_reference(text: str, start: int) -> bool:
    """Whether the number starting at ``text[start]`` is labelled as a policy, order, account... number."""
    return bool(_REFERENCE_BEFORE.search(text, max(0, start - 40), start))


# a signature's one-letter labels, a capital and a colon right before the number: "O: X | M: Y | F: Z"
_LETTER_LABEL = re.compile(r"(?<![\w'])([MCOWFHD])\s*:\s*\Z")
_LETTER_LABELS = {"M": "cell", "C": "cell", "O": "office", "W": "work", "F": "fax", "H": "home", "D": "direct"}


def phone_to_use(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Which of the phones at ``spans`` (in order) the reply offers for calling: the index, or None."""
    usable, labels, previous, to_use = [], {}, 0, None
    for index, (start, end) in enumerate(spans):
        before = _LABEL_BEFORE.search(text, max(previous, start - 30), start)
        said_to_use = _TO_USE_AFTER.match(text[end : end + 40])
        if before and (said_to_use or _NEW_SENTENCE.search(before.group(), len(before.group(1)))):
            before = None  # "our fax. Call X", "that's the fax. X is the line": the label is the other number's
        if (
            before
            and re.search(r"[.!?;]", before.group())
            and _LABEL_OF_THE_ONE_BEFORE.search(text, max(0, before.start() - 20), before.start())
        ):
            before = None  # "X? no sorry that's the fax. Y": the label is X's
        after = _LABEL_AFTER.match(text[end : end + 25])
        # a label before, across a comma, closes the clause before ("X front desk, Y my direct"): the one after wins
        before_closed = before and _CLAUSE_BREAK.search(before.group(), len(before.group(1)))
        label = after if after and (not before or before_closed) else before
        letter = None if label else _LETTER_LABEL.search(text, max(previous, start - 8), start)
        refused = (
            _PHONE_REFUSED_BEFORE.search(text, max(previous, start - 60), start)
            or _PHONE_REFUSED_AFTER.match(text[end : end + 60])
            or (_NUMBER_TAKEN_BACK.match(text[end : end + 30]) and not _ENDS_WITH_EXTENSION.search(text[start:end]))
        )
        # a label after a number is not the next one's ("X main, Y my direct"; "X (home) / Y (cell)")
        previous = end + after.end() if label is after and after else end
        if refused or (label and _label(label.group(1)) == "fax") or (letter and letter.group(1) == "F"):
            continue  # "do not call X", "X but nobody answers it", "Fax the info to X", "F: X"
        usable.append(index)
        if label:
            labels[index] = _label(label.group(1))
        elif letter:
            labels[index] = _LETTER_LABELS[letter.group(1)]
        if said_to_use:
            to_use = index if to_use is None else to_use
    if to_use is not None:
        return to_use  # "Don't call X, that's the fax. Y is the line"
    if len(usable) > 1 and (preferred := _PREFERRED.search(text)):
        word = _label(next(group for group in preferred.groups() if group))
        for index in usable:
            if labels.get(index) == word:
                return index
    return usable[0] if usable else None


# an extension said apart from its number: "X ask for Jen in billing ext. 305", "ext 4 when you call the main line X",
# "X extension two oh three"; "x" only right after the number ("X x 9")
_EXTENSION_NUMBER = (
    r"(?P<n>\d{1,5}(?![\d:/-])|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b[\s-]*){1,5}"
    # the tens said as a word, perhaps before a digit: "ext forty two", "extension twenty-five", "ext thirty"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight"
    r"|nine)\b|\b)"
    r"|ten\b|eleven\b|twelve\b)"
)
# the word for an extension in the languages the replies come in: Spanish "extensión", Portuguese "ramal", French
# "poste", Polish "wew.", Russian "добавочный", Arabic "تحويلة", Korean "내선 15번", Chinese "内线"/"分机", Vietnamese
# "máy lẻ 21", Hebrew "שלוחה 4"
_EXTENSION_WORD = (
    r"ext|extn|extension|loc(?=\.)|extensi\u00f3n|ramal|poste|wew|m\u00e1y\s+l\u1ebb|\u05e9\u05dc\u05d5\u05d7\u05d4"
    r"|\u0434\u043e\u0431\u0430\u0432\u043e\u0447\u043d\u044b\u0439"
    r"|\u0434\u043e\u0431|\u062a\u062d\u0648\u064a\u0644\u0629|\ub0b4\uc120|\u5185\u7ebf|\u5206\u673a"
)
# (its dot may stand apart when every part of the number is: "208 . 376 . 2290 . ext . 9")
_EXTENSION = re.compile(
    rf"(?i:(?:\b|(?<=\d))(?:{_EXTENSION_WORD})\b(?:[ ]?\.)?\s*(?:is\s+)?[#:]?\s*{_EXTENSION_NUMBER})"
)
# "x" and its digits after a desk or a person it reaches: "dispatch is x3", "billing: x12", "Rudy x 4" (not "2x4"), or
# opening a sentence of its own after the number's: "Try Wes at X, he's the owner. x 201."
_EXTENSION_X = re.compile(
    r"(?i:(?:\b(?:dispatch|office|shop|desk|billing|sales|service|parts|accounting|accounts|front|yard|warehouse"
    r"|scheduling|me|mine|i'?m|he'?s|she'?s)\s*(?:is|'s|=|:|-)?|\b(?:is|at|dial))\s*|(?<=[a-z][.!] ))"
    r"x\.?\s?#?(?P<n>\d{1,5})(?![\d:/x-]|\.\d)"
)
# what is dialled once the number answers, said right after it: "X, press 2 for the office", "X and press 1", "X opt 3
# for billing", "X option 4", "X local 12", Haitian "X, peze 2", Vietnamese "X, bấm số 3", Chinese "X 转 8"
# ("For billing press 2. For the owner call X" is the menu of the number texted, not X's)
_EXTENSION_RIGHT_AFTER = re.compile(
    rf"(?i:\A\s*[,;]?\s*(?:(?:and|then|y|e)\s+)?(?:x\.?|press|dial|opt\.?|option|local|peze|marque"
    rf"|b\u1ea5m(?:\s+s\u1ed1)?|\u8f6c|\u8f49)\s*#?\s*{_EXTENSION_NUMBER})"
)
# a menu's keys pressed one after the other reach the desk: "press 4 then 12 when you call X" (4, then 12: "412")
_PRESS_SEQUENCE = re.compile(
    r"(?i:\b(?:press|dial|hit|enter)\s+(?P<first>\d{1,2})\s*,?\s*(?:and\s+)?then\s+(?:press\s+|dial\s+|hit\s+)?"
    r"(?P<then>\d{1,4})\b(?![:.]\d))"
)
_TAKEN_BACK_RE = re.compile(rf"(?i:{_TAKEN_BACK})")
# the extension said instead of one taken back: "no wait thats her old ext, it's 227 now", "no sorry, make that 14"
_EXTENSION_INSTEAD = re.compile(
    rf"(?i:{_TAKEN_BACK}[^.!?;]{{0,40}}?\b(?:it'?s|it\s+is|its|make\s+(?:it|that)|i\s+mean)\s+(?:now\s+)?"
    r"(?P<n>\d{1,5})(?![\d:/-]))"
)
_EXTENSION_MINE = re.compile(r"(?i:\A\s*(?:is\s+(?:me|mine|my\s+(?:desk|line|direct))|for\s+me|that'?s\s+me)\b)")
_SPOKEN_NUMBER = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip


_SPOKEN_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
    "ninety": "9",
}  # fmt: skip


def _extension_digits(spoken: str) -> str:
    words = re.findall(r"[^\W_]+", spoken)
    if words and words[0].lower() in _SPOKEN_TENS:  # "forty two" is 42, "thirty" 30
        return _SPOKEN_TENS[words[0].lower()] + (_SPOKEN_NUMBER[words[1].lower()] if len(words) > 1 else "0")
    return "".join(_SPOKEN_NUMBER.get(word.lower(), word) for word in re.findall(r"\w+", spoken))


def extension_taken_back(text: str, end: int) -> str | None:
    """For a number whose extension ends it at ``text[end]``, the extension said instead when the reply takes that one
    back ("X x207. no wait thats her old ext, it's 227 now": "227"; "X ext 12, thats Mike's desk. no wait ... do ext
    14": "14"; "" when it says none), or None when it does not."""
    if not _TAKEN_BACK_RE.match(text[end : end + 60]):
        return None
    instead = _EXTENSION_INSTEAD.match(text[end : end + 90]) or _EXTENSION.search(text, end)
    return _extension_digits(instead.group("n")) if instead else ""


def extension_given(text: str, phone: tuple[int, int], others: list[tuple[int, int]]) -> str:
    """The extension the reply gives for the phone at ``text[phone[0]:phone[1]]`` apart from it ("" when none, or
    when it gives several and none is said to be the sender's); one inside another number (``others``) is that
    number's."""
    found = [
        match
        for match in sorted(
            [*_EXTENSION.finditer(text), *_EXTENSION_X.finditer(text)], key=lambda match: match.start("n")
        )
        if not any(start <= match.start() < end for start, end in others)
    ]
    # an extension taken back ("ext 12, thats Mike's desk. no wait ... do ext 14"): the one said after it, or the
    # number the taking back gives ("x207. no wait thats her old ext, it's 227 now")
    kept = [match for match in found if not _TAKEN_BACK_RE.match(text[match.end() : match.end() + 60])]
    if len(kept) < len(found) and not kept:
        taken_back = found[-1]
        instead = _EXTENSION_INSTEAD.match(text[taken_back.end() : taken_back.end() + 90])
        return _extension_digits(instead.group("n")) if instead else ""
    found = kept
    if not found and (sequence := _PRESS_SEQUENCE.search(text)):
        return sequence.group("first") + sequence.group("then")
    if not found and (right_after := _EXTENSION_RIGHT_AFTER.match(text[phone[1] : phone[1] + 24])):
        return _extension_digits(right_after.group("n"))
    if len(found) > 1:
        found = [match for match in found if _EXTENSION_MINE.match(text[match.end() : match.end() + 20])]
    return _extension_digits(found[0].group("n")) if len(found) == 1 else ""


# a number dictated to a phone after its area code, the words for digits heard as others ("for" 4, "to" 2, "won" 1,
# "ate" 8): "call me at area code 317 for 5 to 9 for 1 to"; seven single digits after the code, nothing else
_HEARD_DIGITS = {
    "zero": "0", "oh": "0", "one": "1", "won": "1", "two": "2", "to": "2", "too": "2", "three": "3", "four": "4",
    "for": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "ate": "8", "nine": "9",
}  # fmt: skip
_HEARD_DIGIT = rf"(?:\d|{'|'.join(_HEARD_DIGITS)})"
_DICTATED_AFTER_AREA_CODE = re.compile(
    rf"(?i:\barea\s+code\s+(?P<code>\d{{3}})\s*,?\s+(?P<rest>{_HEARD_DIGIT}(?:[\s,.-]+{_HEARD_DIGIT}){{6}})(?![\w-]|[\s,.-]+\d))"
)


def dictated_digits(text: str) -> str:
    """The text with a number dictated after "area code" written in digits ("area code 317 for 5 to 9 ...")."""

    def digits(found: re.Match) -> str:
        rest = "".join(_HEARD_DIGITS.get(part.lower(), part) for part in re.findall(r"\w+", found.group("rest")))
        if not any(part.isalpha() for part in re.findall(r"\w+", found.group("rest"))):
            return found.group()
        return f"{found.group('code')}-{rest[:3]}-{rest[3:]}"

    return _DICTATED_AFTER_AREA_CODE.sub(digits, text)


# a local number and its area code said apart: "926-3310, area code is 225", "405 to start, then 840-2296", "area
# code 317, then 555-0142"; written as one number
_AREA_CODE_APART = re.compile(
    r"(?i:(?<![\d-])(?P<local>[2-9]\d{2}[\s.-]\d{4})(?![\d-])\s*[,;.]?\s*(?:and\s+)?(?:the\s+)?area\s+code\s+"
    r"(?:is\s+|'s\s+|:\s*)?(?P<code>[2-9]\d{2})(?![\d-])"
    r"|(?:\barea\s+code\s+(?:is\s+|'s\s+|:\s*)?(?P<code_first>[2-9]\d{2})|(?<![\d-])(?P<code_start>[2-9]\d{2})\s+"
    r"(?:to\s+start|first))(?![\d-])\s*[,;.]?\s*(?:and\s+)?(?:then\s+)?(?P<local_after>[2-9]\d{2}[\s.-]\d{4})(?![\d-]))"
)


def area_code_apart(text: str) -> list[tuple[str, int, int]]:
    """The local numbers whose area code is said apart, as ten digits with where the local number stands ("926-3310,
    area code is 225" is 2259263310)."""
    found = []
    for apart in _AREA_CODE_APART.finditer(text):
        code = apart.group("code") or apart.group("code_first") or apart.group("code_start")
        local = "local" if apart.group("local") else "local_after"
        found.append((code + re.sub(r"\D", "", apart.group(local)), apart.start(local), apart.end(local)))
    return found


# a number said digit by digit in Spanish: "cinco uno dos, ocho cuatro siete, dos dos nueve uno"
_SPANISH_DIGITS = {
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
    "ocho": "8", "nueve": "9",
}  # fmt: skip
_SPANISH_DIGIT = rf"(?:{'|'.join(_SPANISH_DIGITS)}|\d{{1,4}})"
_SPANISH_NUMBER = re.compile(rf"(?i:(?<![\w-]){_SPANISH_DIGIT}(?:[\s,.-]+{_SPANISH_DIGIT}){{6,12}}(?![\w-]))")


def spanish_digits(text: str) -> str:
    """The text with a US phone said in Spanish digit words written in digits (ten of them, words among them)."""

    def digits(found: re.Match) -> str:
        parts = re.findall(r"\d+|[^\W\d_]+", found.group())
        number = "".join(part if part.isdigit() else _SPANISH_DIGITS[part.lower()] for part in parts)
        if len(number) != 10 or all(part.isdigit() for part in parts):
            return found.group()
        return f" {number} "

    return _SPANISH_NUMBER.sub(digits, text)
