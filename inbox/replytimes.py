"""The time a reply asks to be called at ("call me tmrw after lunch", "Thurs @ 9:15am", "el lunes a las 10"), on the
sender's own clock.

``callback_in_reply(text, zone=..., now=...)`` reads only what a person proposes: a day (today, tomorrow, a weekday,
"next Tuesday", "this weekend", "3/16", "the 17th", "March 19"; Spanish, Portuguese, French, Vietnamese, Tagalog,
Hebrew, Lebanese Arabic in Latin letters ("bukra ba3d el dohr") and Hmong ("tag kis thaum 2 teev") day words too), a
time ("2pm", "8 AM", "at 9", "2ish", "10h30", "a las 3 de la tarde", "half past 4", "a quarter to four", "at 4 30",
"alas-diyes", "十点", "в половине третьего", "9 tonight", "noon") or a part of the day ("tomorrow morning", "after
lunch", "EOD", "this afternoon"), a range's start ("between 2 and 4", "9-11"), a delay ("in an hour", "in 20 min",
"give it an hour", "ek ghante baad", "en 20 minutos", "через час", "call me in 20"), or the end of a busy stretch the
call is asked for after ("out on a job til 6. call him then", "out till the 16th. Call then, around 10am", "back
Friday. call then", "don't call before 11", "open house until 4, free after that", "call after the closing. Probably
done by noon", "in court til 3 ... I'll call you when I'm out"), an hour before closing ("we close at 5:30 so before
that": 16:30), or the moment of the reply ("Free right now"). It does not read what is no proposal: phone numbers,
sums, counts, addresses, years, "24/7", opening hours ("we're open 9-5", "we close at 5 on Fridays", "reach me
Tues-Sat", "the clinic reopens at 7:30am") or a shift ("I'm on the 6am-6pm shift", "trabajo de 6 a 6"), the past ("I
was busy at 3 when you called", "ya les dije"), the date of a job ("our move on 3/21 is $2,450"), of a card charged or
an appointment confirmed, or a month or week with no day ("next week", "in April"). A bare hour is read as the working
day means it (8-11 in the morning, 12-7 in the afternoon and evening; 7 in the morning when the morning is meant:
"first thing, like 7", "6:45 before we roll"); an hour already past today with no day named is tomorrow's. A day with
no time is that day at ``DAY_ONLY_HOUR``. A zone the sender names ("Friday at 10 MT", "Alaska time") is the clock
used. A weekday in the plural is the next one ("she's in after 2 on thursdays"), a time may be four digits ("1500 wed
works"), and a day may be a week on ("A week from today, 11am").

Dates are worked out from the text alone (no parsing library guesses): what it cannot read it leaves alone, so a
callback is never set from a phone number or an invoice total.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

DAY_ONLY_HOUR = 9  # "call me Friday": the start of the working day

_ZONES = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "alaska": "America/Anchorage", "akst": "America/Anchorage",
    "hawaii": "Pacific/Honolulu", "hst": "Pacific/Honolulu", "arizona": "America/Phoenix",
    "este": "America/New_York", "centro": "America/Chicago", "montana": "America/Denver",
    "pacifico": "America/Los_Angeles",
}  # fmt: skip
_ZONE_AFTER_TIME = re.compile(
    r"(?<=[\dm])\s*\b(et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|akst|hst|eastern|central|mountain|pacific)\b"
)
_ZONE_WORD = re.compile(
    r"\b(eastern|central|mountain|pacific|alaska|hawaii|arizona)\s+time\b"
    # Spanish: "a las 3 hora del centro", "10am tiempo del Pacífico" (accents folded)
    r"|\b(?:hora|tiempo)\s+(?:del?\s+(?:la\s+)?)?(este|centro|montana|pacifico)\b"
)

_WEEKDAYS = {
    # English, with the ways people shorten them
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "thrs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    # the plural is the next one when someone is in or free then ("she's in after 2 on thursdays"; see _named_days)
    "mondays": 0, "tuesdays": 1, "wednesdays": 2, "thursdays": 3, "fridays": 4, "saturdays": 5, "sundays": 6,
    # Spanish and Portuguese (accents are folded away before matching), Tagalog
    "lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4, "sabado": 5, "domingo": 6,
    "segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4,
    "miyerkules": 2, "huwebes": 3, "biyernes": 4, "linggo": 6,
    "lendi": 0, "madi": 1, "mekredi": 2, "jedi": 3, "vandredi": 4, "samdi": 5, "dimanch": 6,
    # Italian, Polish, Russian (Cyrillic, as said after "v": "v chetverg"), Hindi in Latin letters
    "lunedi": 0, "martedi": 1, "mercoledi": 2, "giovedi": 3, "venerdi": 4, "domenica": 6,
    "poniedzialek": 0, "wtorek": 1, "sroda": 2, "srode": 2, "czwartek": 3, "piatek": 4, "sobota": 5, "sobote": 5,
    "niedziela": 6, "niedziele": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
    # French
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    # German
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    # Hindi and Punjabi in Latin letters, with "v" or "w": "guruvar", "Veerwar nu" (Thursday), "shukarvar"
    "somvar": 0, "mangalvar": 1, "budhvar": 2, "guruvar": 3, "shukravar": 4, "shanivar": 5, "ravivar": 6,
    "somwar": 0, "mangalwar": 1, "budhwar": 2, "guruwar": 3, "shukrawar": 4, "shaniwar": 5, "raviwar": 6,
    "veervar": 3, "veerwar": 3, "virvar": 3, "shukarvar": 4, "shukarwar": 4, "sanivar": 5, "saniwar": 5,
    "etvar": 6, "aitvar": 6, "aitwar": 6, "itwar": 6,
    "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
    "الاحد": 6,
    # Lebanese Arabic in Latin letters: "yom el khamis" (Thursday); ("talata" and "arba3a" are also three and four)
    "itnein": 0, "tanein": 0, "khamis": 3, "jem3a": 4, "jum3a": 4, "sabt": 5, "a7ad": 6,
    # Hebrew: "יום חמישי" (Thursday)
    "יום ראשון": 6, "יום שני": 0, "יום שלישי": 1, "יום רביעי": 2, "יום חמישי": 3, "יום שישי": 4,
}  # fmt: skip
_VI_WEEKDAYS = {"thu hai": 0, "thu ba": 1, "thu tu": 2, "thu nam": 3, "thu sau": 4, "thu bay": 5, "chu nhat": 6}
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_TODAY = (
    r"today|tonight|tonite|this (?:morning|afternoon|evening)|later today|hoy|hoje|hom nay|ngayon|mamaya|mamayang|"
    r"chieu nay|sang nay|toi nay|jodi a|jodia|oggi|dzisiaj|dzis|сегодня|aaj|اليوم|היום|"
    # Hmong "hmo no" (tonight), "hnub no" (today)
    r"hmo no|hnub no"
)
# "manana" is tomorrow unless it is "la manana", the morning
_TOMORROW = (
    r"tomorrow|tmrw|tmrrw|tmr|tmw|tomm?orow|2morrow|2moro|(?<!la )manana|amanha|ngay mai|bukas|demen|demain|domani|"
    r"jutro|berri|(?<!guten )morgen|"
    r"завтра|kal|غدا|غدًا|بكرة|بكره|מחר|"
    # Lebanese Arabic in Latin letters "bukra", Hmong "tag kis"
    r"bukra|bokra|tag kis|tagkis"
)
_TOMORROW_VI = r"(?:chieu|sang|toi)\s+mai"
_AFTER_TOMORROW = r"day after tomorrow|pasado manana|depois de amanha|parso|parson|apres-demain|apres demain"
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DAY_RE = re.compile(
    # "A week from today, 11am", "a week from Thursday": that day a week on
    rf"\b(?:a|one)\s+week\s+from\s+(?P<weekfrom>today|tomorrow|tmrw|{_WEEKDAY_WORDS})\b"
    rf"|\b(?P<after>{_AFTER_TOMORROW})\b|\b(?P<today>{_TODAY})\b|\b(?P<tomorrow>{_TOMORROW}|{_TOMORROW_VI})\b"
    rf"|\b(?P<viweekday>{'|'.join(_VI_WEEKDAYS)})\b"
    r"|\b(?:this|the|over the|on the)\s+(?P<weekend>weekend)\b"
    rf"|\b(?:(?P<next>next|this|coming|el|la|este|esta|proximo|proxima)\s+)?(?P<weekday>{_WEEKDAY_WORDS})\b\.?"
    # (French "mon adresse", "mon numéro": "my", not Monday)
    r"(?!\s+(?:adresse|numero|mail|e-mail|courriel|bureau|portable|mari|fils|pere|frere|collegue|patron)\b)"
    r"(?P<coming>\s+que\s+viene\b)?"
)
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?:20)?\d\d)?\b(?!/)"
    rf"|\b(?P<month>{_MONTH_WORDS})\.?\s+(?P<md>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    rf"|\b(?P<dm>3[01]|[12]\d|0?[1-9])\s+de\s+(?P<esmonth>{_MONTH_WORDS})\b"
    rf"|\b(?:the\s+)?(?P<dofm>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<ofmonth>{_MONTH_WORDS})\b"
    r"|\bthe\s+(?P<nth>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
    # French "rappelez le 20": the 20th; Spanish "regresa el 20, llámela ese día"
    r"|\b(?:rappelez|appelez|rappeler|appeler|rappelle)\s+le\s+(?P<le>3[01]|[12]\d|0?[1-9])\b(?!\s*(?:h\b|h\d|:|heure))"
    r"|\b(?:regresa|vuelve|llega|llame\w*|marque\w*)\s+el\s+(?P<el>3[01]|[12]\d|0?[1-9])\b(?!\s*(?:de\b|h\b|:|%))"
)

# an hour said in words: "a quarter to four"
_HOUR_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}  # fmt: skip
_HOUR_WORDS = "|".join(sorted(_HOUR_NUMBERS, key=len, reverse=True))
_CLOCK = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?"
_TIME_RE = re.compile(
    r"\b(?:in|give\s+(?:it|me|us|him|her))\s+(?P<delay>an?|one|a couple(?:\s+of)?|a few|\d+|half an)\s+"
    r"(?P<unit>hours?|hrs?|minutes?|mins?)\b"
    r"|\b(?P<half>half\s+past|(?:a\s+)?quarter\s+past|(?:a\s+)?quarter\s+(?:to|til|till|of))\s+"
    rf"(?P<hh>1[0-2]|[1-9]|{_HOUR_WORDS})\b"
    r"|\b(?P<noon>noon|noonish|midday|mediodia|tanghali)\b"
    r"|(?:(?<![\w@])(?P<prep>at|@|around|about|by|after|before|b4|from|between|b/w|till|until|a las|a la|as|alas|luc|"
    r"um|tipo|como a las|como las|antes de las|antes de la|antes das|antes da|de las|las|entre las|entre|try|say|"
    # Portuguese "Quarta depois das 4", "a partir das 3" (after, from)
    r"depois das|depois da|depois de|a partir das|a partir da|"
    r"like|so|maybe|how about|or|vers|alle|verso|o|po|"
    r"'?round|'?bout|"
    # Russian "в четверг к 4" (by 4 on Thursday)
    r"okolo|в|после|около|к|"
    r"الساعة|אחרי|ב-|בשעה|ba3d el|ba3d|el sa3a|sa3a)\s*)?"
    rf"\b{_CLOCK}\s*(?P<ap>a\.?m\.?|p\.?m\.?|[ap]\b|h(?:rs)?(?:(?P<hmin>[0-5]\d)\b|\b)|gio\b|o'?clock\b|ish\b|baje\b|vaje\b"
    r"|uhr\b|teev\b|e\b(?=\s*[.,!]|\s*\Z))?"
    r"(?:\s*\by\s+(?P<esmin>media|cuarto))?"
    r"(?P<zoned>(?=\s*(?:et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|eastern|central|mountain|pacific)\b))?"
    r"(?:\s*(?:-|to|and|y|or|a|til)\s*(?P<h2>1[0-2]|[1-9]|noon)(?::[0-5]\d)?\s*(?P<ap2>a\.?m\.?|p\.?m\.?)?)?"
)
# early in a week or a month is no time of day: "early next week", "first thing next week", "early April"
_OF_A_WEEK = rf"(?!\s+(?:next|this|in\s+the)\s+(?:week|month)\b|\s+(?:in\s+)?(?:{_MONTH_WORDS})\b)"
_PARTS = [
    (re.compile(rf"\b(?:early|temprano|cedo|ng maaga|rano)\b{_OF_A_WEEK}"), 8),
    (
        re.compile(
            rf"\b(?:first thing{_OF_A_WEEK}|morning|de la manana|en la manana|por la manana|de manha|pela manha|sang|"
            r"umaga|maten|matin|mattina|subah|утром|صباحا|الصباح|בבוקר|el sob7|sob7|sawv ntxov)\b"
        ),
        9,
    ),
    (
        re.compile(
            # Spanish "después de la comida", Russian "после обеда", Punjabi "lunch ton baad", Hindi "lunch ke baad"
            r"\b(?:after lunch|despues del almuerzo|despues de la comida|despues de comer|despues del lonche"
            r"|depois do almoco|dopo pranzo|apres le dejeuner|после обеда|lunch (?:ton|toh|ke|de) baad)\b|بعد الغداء"
        ),
        13,
    ),
    (re.compile(r"\b(?:lunch(?:time)?|almuerzo|lonche|pranzo|בצהריים)\b"), 12),
    (
        re.compile(
            r"\b(?:afternoon|aft|de la tarde|en la tarde|por la tarde|a tarde|de tarde|chieu|hapon|apremidi|pomeriggio|"
            r"po poludniu|dopahar|apres-midi|днем|днём|بعد الظهر|אחרי הצהריים|ba3d e[lz] [dz]oh?r|yav tav su|tav su)\b"
        ),
        14,
    ),
    (re.compile(r"\b(?:end of (?:the )?day|eod|cob|close of business|end of business)\b"), 17),
    (
        re.compile(
            r"\b(?:evenings?|after work|de la noche|en la noche|a noite|de noite|buoi toi|toi nay|gabi|aswe|sera|"
            # (Hindi in Latin letters "sham ko call karna", in the evening; not "a sham")
            r"wieczorem|shaam|sham ko|вечером|مساء|المساء|בערב|tsaus ntuj)\b"
        ),
        18,
    ),
    (re.compile(r"\b(?:tonight|tonite|hmo no)\b"), 19),
]
_PM_WORDS = re.compile(
    r"\b(?:afternoons|evenings|nights|afternoon|aft|evening|tonight|tonite|after lunch|de la tarde|en la tarde|"
    r"despues de la comida|после обеда|"
    r"de la noche|en la noche|tarde|noite|"
    r"chieu|buoi toi|toi nay|hapon|gabi|apremidi|apres-midi|soir|aswe|pomeriggio|sera|po poludniu|wieczorem|shaam|"
    r"sham ko|dopahar|днем|днём|"
    r"вечером|بعد الظهر|مساء|אחרי הצהריים|בערב|בצהריים|ba3d e[lz] [dz]oh?r|yav tav su|tav su|tsaus ntuj|hmo no)\b"
)
_AM_WORDS = re.compile(
    r"\b(?:morning|de la manana|en la manana|por la manana|de manha|sang|umaga|maten|matin|mattina|rano|subah|утром"
    r"|صباحا|בבוקר|sob7|sawv ntxov"
    # before the day's work starts: "6:45 before we roll", "before the crew heads out", "antes de salir"
    r"|before\s+(?:we|i|the\s+crew|the\s+guys|the\s+trucks)\s+(?:roll|head|leave|load|go|start)\w*"
    r"|before\s+work|antes\s+de\s+salir)\b"
)
_NEXT_WEEK = re.compile(r"\b(?:next week|la semana que viene|la proxima semana|semana que vem|tuan sau)\b")

# What is no proposal: the sender's hours, the past, and dates with no call in them
_HOURS = re.compile(
    # ("we're closed then so I have time" speaks of the time proposed; "after we close at 6" proposes one)
    r"(?<!after we )(?<!after i )(?<!after they )(?<!once we )"
    r"\b(?:open|opens|opening|reopens?|reopening|closed?(?!\s+then\b)|closes|closing|hours|hrs of operation"
    r"|business hours|m-f|mon-fri|"
    r"mon-sat|tues-sat|7 days|24/7|abiert[oa]s?|abrimos|cerrad[oa]s?|cerramos|horario|aberto|fechado"
    # Vietnamese "mở cửa" (open), "giờ làm việc" (working hours)
    r"|mo cua|gio lam viec"
    # Portuguese and Spanish "a loja abre depois das 9" (opens after 9), "abrimos as 8", "fechamos as 6"
    r"|abre|abrimos|fechamos"
    # Hmong "qhib" (open); a lunch break's hours ("Lunch break is 12-1")
    r"|qhib|lunch\s+(?:break|hour)\s+is\s+(?:from\s+)?\d{1,2})\b|营业|營業|영업"
    # the sender's shift: "I'm on the 6am-6pm shift", "I work 6 to 6", "trabajo de 6 a 6"
    r"|\b(?:shift|turno)\b|\b(?:i\s+work|we\s+work|work(?:ing)?\s+from|trabajo\s+de|trabajamos\s+de)\s+\d"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*\s*-\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*\b"
)
_PAST = re.compile(
    # ("after my last client around 4" is today's last client, not the past)
    r"\b(?:was|were|yesterday|ayer|ontem|hom qua|ago|(?<!after my )(?<!after our )(?<!after the )last|called|texted"
    r"|missed|did|had|since|founded|hace"
    # a card charged or a bill paid on a date ("charged my card $89.99 on 2/14"); Lebanese Arabic in Latin letters
    # "mbere7" (yesterday), "ittasalt" (you called); Hmong "nag hmo" (yesterday)
    r"|charged|billed|debited|mbere7|mbare7|ittasalt|nag hmo"
    # "back in 1998", "back in the 90s", not "I'll be back in the office then" or "call me back in 45"
    r"|back in(?=\s+(?:\d{4}\b|the day|the\s+'?\d0s|'\d0s))"
    # Spanish said of a call that happened: "ya les dije que no", "me llamaron", "hablé con ustedes" ("hable con
    # ustedes" is no request: the sender speaks to us)
    r"|(?:ya\s+)?(?:les|le)\s+dije|me\s+(?:llamaron|habian\s+llamado)|hable\s+con\s+ustedes|ya\s+hablamos)\b"
)
# the sender away or busy then, or a time not to call: no proposal ("out til Monday", "tomorrow I'm slammed")
_NOT_THEN = re.compile(
    r"\b(?:out (?:til|till|until|thru|through)|away (?:til|till|until)|gone (?:til|till|until)|"
    # ("he's back Friday": the day to call the person the reply sends us to)
    r"(?<!call )(?<!he's )(?<!she's )(?<!he is )(?<!she is )"
    r"back (?:on|monday|tuesday|wednesday|thursday|friday|tomorrow|next)|babalik|"
    # ("Llame el lunes, él regresa ese día": the day he is back is the day to call)
    r"regresa(?!\s+ese\s+dia)|"
    # ("will be back in the office tomorrow after 10": the time to call)
    r"will be back(?![^.!?;]{0,40}\b(?:after|at|around|by|from)\s+\d)|"
    r"vuelve(?!\s+ese\s+dia)|volta|(?<!not )(?:slammed|swamped|busy)|"
    r"booked|ocupad[oa]|can'?t|cannot|not available|no (?:puedo|estoy)|don'?t call|do not call|dont call|"
    r"don'?t (?:stop|come|swing) by|"
    r"no (?:me )?llame|never|isn'?t in|is not in|not in (?:today|the office)|off today|out today|week of|"
    # a day off ("I'm off Fridays"); a day said to be a bad time ("April 15 is not a great time to call")
    r"off (?:on )?(?:mon|tue|wed|thu|fri|sat|sun)\w*|not (?:a )?(?:good|great) (?:time|day)|"
    r"isn'?t (?:a )?(?:good|great) (?:time|day)|(?:a )?bad (?:time|day)|no good|"
    r"in court|in trial|in surgery|in depositions?|in a meeting|in meetings|on a job|on site|"
    # ("call tomorrow at lunch", "Thursday at lunch?", "call at lunch tmrw 12:15": a lunch asked for is the time)
    r"(?<!tomorrow )(?<!tmrw )(?<!today )(?<!day )(?<!call )(?<!call me )(?<!call him )(?<!call her )(?<!try me )"
    r"(?<!catch me )at lunch(?!\s+(?:is|works))|not then|jk|j/k|"
    r"just kidding|wala|"
    r"(?:thru|through|until|till|til|hasta|до) (?:next |the )?(?:mon|tue|wed|thu|fri|sat|sun|the \d|\d|tomorrow|noon|"
    r"march|april|may|june|четверг|понедел|вторник|сред|пятниц)\w*|занят\w*|zajet\w*|mashghul|مشغول)\b"
)
_CALL_CUE = re.compile(
    r"\b(?:call|calls|calling|ring|buzz|phone|reach|try|text|txt|talk|chat|meet|meeting|zoom|visit|stop by|come by|"
    r"free|available|avail|works?|good|ok|okay|fine|best|can do|let'?s|schedule|book|appointment|appt|"
    r"llam\w*|marque\w*|habl\w*|ligar|liga|ligue|goi|como a las?|tawag\w*|tumawag|pwede|puede|podemos|rappel\w*|"
    r"appel\w*|dzwon\w*|"
    r"звон\w*|baje|despues|depois|"
    r"disponible|libre|bien|nha|nhe|po|sure|yes|si|sim|any|anytime|whenever|rele|rufen|anrufen|wac|ittas\w*|hu"
    # Hebrew: call (to a man, to a woman), to call, suits
    r"|תתקשר|תתקשרי|להתקשר|מתאים|מתאימה)\b|전화|연락|打|电话|電話|找"
    # the person in or free then: "he's in after 1", "she's home after", "the only day I'm not slammed"
    # (one day, not a schedule: "she's in Tues/Wed/Thurs")
    # ("she's home after the kids get off the bus around 4": home, back at the desk from then)
    r"|\b(?:he'?s|she'?s|he is|she is|i'?m|i am)\s+(?:in|home|back\s+at\s+(?:my|the|his|her)\s+(?:desk|office|shop))"
    r"\s+(?:after|from|by)\b|\bnot\s+(?:busy|slammed|swamped|booked)\b"
    # ... or only in the office on one day: "I'm only in the office on the 20th", "he's only in on Fridays"
    r"|\b(?:he'?s|she'?s|he is|she is|i'?m|i am)\s+(?:only\s+)?in\s+(?:the\s+(?:office|shop|store|clinic)\s+)?"
    r"(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|the\s+\d)"
    r"(?!\s*[/,&-]|\s+(?:and|or|thru|through)\b)"
)
_NOT_TIME_NUMBERS = [
    # a date a card was charged or a bill paid ("charged my card $89.99 on 2/14"); an appointment confirmation or
    # reminder, its own date ("Appt confirmation #A55120 for Thurs 3/12 at 2pm. Reply C to confirm")
    re.compile(r"\b(?:charged|billed|debited)\b[^!?\n]{0,40}?\bon\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?"),
    re.compile(
        r"\b(?:appt|appointment|reservation|booking)\s+(?:confirmation|confirmed|reminder)\b(?:[^.!?\n]|\.(?=\S))*"
    ),
    re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+"),
    re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\b|\b\d{7,}\b"),  # phones, long ids
    re.compile(r"\b(?:\d[\s.()-]{0,3}){9,}\d\b"),  # a number typed digit by digit: "2 0 6 - 7 1 8 - 4 4 0 2"
    # ... or begun so and left off: "reach me at 8-0-4... never mind" (not a run of hours, "call 2-4")
    re.compile(r"(?<![\d-])\d(?:-\d){2,}(?![\d:])"),
    re.compile(
        r"\b(?:good|buenos|buenas|bom|boa)\s+(?:morning|afternoon|evening|dias|tardes|noches|dia|tarde|noite)\b"
    ),
    re.compile(r"\b\d+\s+for\s+\d+\b|\bmy\s+\d{1,2}(?::\d\d)?\s*(?:o'?clock|appointment|appt|meeting)\b"),
    re.compile(
        r"(?:ext\.?|extension|x|#|(?<![a-z])(?:press|opt\.?|option|bam so|bam|peze|ramal|poste|local|wew\.?|добавочн\w*"
        r"|доб\.?)|تحويلة|내선|内线|分机|转|轉)\s*\d+(?:\b|(?=번))"
    ),
    re.compile(r"\$\s?[\d,.]+\s*(?:k|m|mm|million|thousand|mil)?\b|\b[\d,.]+\s*(?:k|mm|million|dollars|bucks)\b"),
    re.compile(r"\b\d+\s*/\s*7\b|\b\d+\s*%"),
    re.compile(
        # (not a time with its zone: "after 3pm ct")
        r"\b(?!\d+\s*[ap]\.?m\b)\d+[\w-]*\s+(?:[nsew]\.?\s+)?(?:[a-z]+\s+){0,2}(?:st|street|ave|avenue|rd|road|blvd|dr|drive|ln|lane|way|"
        r"ct|court|pl|place|hwy|highway|pkwy|parkway|broadway|cir|circle|trl|trail)\b\.?"
    ),
    re.compile(
        r"\b(?:suite|ste|unit|apt|room|rm|route|rte|hwy|highway|i|us|exit|building|bldg|floor|model|no|acct|order|"
        r"invoice|policy|p\.?o\.? box|box)\.?\s*[-#]?\s*\d+\w*\b"
    ),
    re.compile(
        r"(?<![:.])\b\d+(?:\s*(?:-|to)\s*\d+)?\s+(?:employees?|people|persons?|techs?|trucks?|vans?|locations?|stores?|shops?|"
        r"units?|crews?|guys|signings?|years?|yrs?|months?|weeks?|days?|times?|calls?|jobs?|doors?|beds?|chairs?|"
        r"seats?|rooms?|acres?|head|cows?|horses?|clients?|customers?|patients?|members?|kids?)\b"
    ),
    re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:time|floor|building|street|st|ave|avenue|location|generation|grade|and)\b"),
    re.compile(r"\b(?:19|20)\d\d\b(?!\s*(?:am|pm|hrs|h\b))"),  # a year
    re.compile(
        r"\b(?:the\s+)?(?:1st|2nd|3rd|4th|first|second|third|fourth|last|every|each)(?:\s+and\s+\w+)?\s+"
        r"(?:mon|tue|wed|thu|fri|sat|sun)\w*\b(?:\s+of\s+(?:the|each|every)\s+month)?"
    ),  # a day that recurs is no day to call
]
# sentences, "but ...", and a comma before a new request ("busy today, call me tomorrow at 8")
_CLAUSES = re.compile(
    r"(?<=[.!?;\n])\s+|(?<=[\u3002\uff01\uff1f])|\s+(?:but|pero|mas)\s+"
    r"|,\s+(?=(?:call|try|text|ring|llam\w*|ligue|me ligue|marque\w*|hableme|hablame|tawag\w*|a las \d)\b)"
)


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)  # "الساعة ١١": 11


def _fold(text: str) -> str:
    """Lower-case ASCII: accents folded away (MAÑANA -> manana, chiều -> chieu), Vietnamese d-bar as d."""
    text = text.lower().replace("đ", "d").replace("ł", "l").replace("’", "'").translate(_ARABIC_DIGITS)
    # Hangul syllables stay whole (NFKD would split them into letters the Korean patterns do not spell)
    return "".join(
        ch
        if "\uac00" <= ch <= "\ud7a3"
        else "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        for ch in text
    )


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_SPOKEN_DIGITS = re.compile(
    r"\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d+)[\s-]+){3,}(?:zero|oh|one|two|three|four|five|six|"
    r"seven|eight|nine|\d+)\b"
)


def _digits_spoken(found: re.Match) -> str:
    """ "720 three nine one 4478": a phone number said partly in words, written in digits so it is masked whole."""
    words = re.split(r"[\s-]+", found.group())
    digits = "".join(_DIGIT_WORDS.get(w, w) for w in words)
    return digits if len(digits) >= 7 and digits.isdigit() else found.group()


# an hour said in Tagalog or Spanish words ("alas-diyes", "a las tres") or in Chinese numerals ("十点"), in digits
_SPOKEN_HOURS = {
    "una": 1, "dos": 2, "tres": 3, "kwatro": 4, "kuwatro": 4, "cuatro": 4, "singko": 5, "sinko": 5, "cinco": 5,
    "sais": 6, "seis": 6, "siyete": 7, "syete": 7, "siete": 7, "otso": 8, "ocho": 8, "nuwebe": 9, "nueve": 9,
    "diyes": 10, "dyis": 10, "diez": 10, "onse": 11, "once": 11, "dose": 12, "doce": 12,
}  # fmt: skip
_SPOKEN_HOUR = re.compile(rf"\b(alas|a las)[\s-]+({'|'.join(sorted(_SPOKEN_HOURS, key=len, reverse=True))})\b")
_ZH_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_HOUR = re.compile(r"(十[一二]?|[一二两三四五六七八九])(?=\s*(?:点|點))")


def _zh_hour(found: re.Match) -> str:
    numeral = found.group(1)
    if numeral.startswith("十"):
        return str(10 + (_ZH_NUMERALS[numeral[1]] if len(numeral) > 1 else 0))
    return str(_ZH_NUMERALS[numeral])


# a time said with its minutes apart or in words after a word that makes it one: "call me at 4 30", "after three
# thirty"
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty five": 45, "fortyfive": 45}
_SPOKEN_CLOCK = re.compile(
    rf"\b(at|after|around|by|before|about|@)\s+({_HOUR_WORDS}|1[0-2]|[1-9])[\s-]+"
    r"(fifteen|thirty|forty[\s-]?five|[0-5]\d)\b(?![\s:.-]*\d)"
)


def _spoken_clock(found: re.Match) -> str:
    hour = _HOUR_NUMBERS.get(found.group(2)) or int(found.group(2))
    minutes = found.group(3)
    minute = int(minutes) if minutes.isdigit() else _MINUTE_WORDS[re.sub(r"[\s-]+", " ", minutes)]
    return f"{found.group(1)} {hour}:{minute:02d}"


# the half hour before an hour said as an ordinal: Russian "в половине третьего" (in the half of the third: 2:30),
# Polish "o wpół do dziesiątej" (half to the tenth: 9:30); written as a clock ("at 2:30")
_ORDINAL_HOURS = {
    "первого": 1, "второго": 2, "третьего": 3, "четвертого": 4, "пятого": 5, "шестого": 6, "седьмого": 7,
    "восьмого": 8, "девятого": 9, "десятого": 10, "одиннадцатого": 11, "двенадцатого": 12,
    "pierwszej": 1, "drugiej": 2, "trzeciej": 3, "czwartej": 4, "piatej": 5, "szostej": 6, "siodmej": 7,
    "osmej": 8, "dziewiatej": 9, "dziesiatej": 10, "jedenastej": 11, "dwunastej": 12,
}  # fmt: skip
_HALF_BEFORE = re.compile(
    rf"(?:\bв\s+)?(?:половине|пол)\s+({'|'.join(_ORDINAL_HOURS)})|\b(?:o\s+)?wp[oó][lł]\s+do\s+({'|'.join(_ORDINAL_HOURS)})"
)
# a delay in Hindi: "ek ghante baad" (after an hour), "20 minute mein"
_HINDI_DELAY = re.compile(r"\b(ek|do|teen|aadhe|\d+)\s+(ghante|ghanta|ghanton|minute|minat|min)\s+(?:baad|mein|me)\b")
_HINDI_NUMBERS = {"ek": "1", "do": "2", "teen": "3", "aadhe": "half an"}
# a delay in Spanish, Portuguese and Russian: "en 20 minutos", "como en una hora", "daqui 20 minutos", "через час",
# "через 20 минут"; and minutes left unsaid after a request: "call me in 20"
_OTHER_DELAY = re.compile(
    r"\b(?:en|dentro\s+de|daqui(?:\s+a)?|em)\s+(?P<n>\d{1,3}|una|uma|media|meia)\s+(?P<unit>horas?|minutos?|mins?)\b"
    r"|(?<![\w])через\s+(?P<ru_n>\d{1,3}\s+|пол)?(?P<ru_unit>час\w*|минут\w*)"
    r"|\b(?P<verb>(?:call|text|ring|try|hit)\s+(?:me|us|him|her|back)(?:\s+back)?\s+in)\s+(?P<bare>[1-9]\d?)(?=\s*(?:[.!,;]|\Z))"
)
_OTHER_DELAY_NUMBERS = {"una": "an", "uma": "an", "media": "half an", "meia": "half an"}


def _half_before(found: re.Match) -> str:
    hour = _ORDINAL_HOURS[found.group(1) or found.group(2)] - 1
    return f" at {hour or 12}:30"


def _hindi_delay(found: re.Match) -> str:
    unit = "hours" if found.group(2).startswith("gh") else "minutes"
    return f"in {_HINDI_NUMBERS.get(found.group(1), found.group(1))} {unit}"


def _other_delay(found: re.Match) -> str:
    if found.group("bare"):
        return f"{found.group('verb')} {found.group('bare')} minutes"
    if found.group("ru_unit"):
        amount = (found.group("ru_n") or "an").strip()
        amount = "half an" if amount == "пол" else amount
        return f"in {amount} {'hours' if found.group('ru_unit').startswith('час') else 'minutes'}"
    amount = _OTHER_DELAY_NUMBERS.get(found.group("n"), found.group("n"))
    return f"in {amount} {'hours' if found.group('unit').startswith('hora') else 'minutes'}"


# a time in four digits, typed together or apart, beside its day or a word that makes it one: "1500 wed works",
# "tomorrow 1030 works", "Call at 1 2 3 0 tomorrow", "at 1430"; written as a clock ("15:00"). Read after the masks, so
# a year ("2019"), an address ("1415 Broadway"), an extension ("x 2218") or a sum is gone by then
_DAY_NEAR_CLOCK = r"today|tonight|tomorrow|tmrw|tmr|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_FOUR_DIGIT_CLOCK = re.compile(
    rf"(?P<before>\b(?:(?:{_DAY_NEAR_CLOCK})\s+(?:at\s+|@\s*)?|(?:at|@|after|before|by|around|about|like)\s+))?"
    # (not the end of a seven-digit number: "call 555 0134 tomorrow")
    r"(?<![\d:.,/$#-])(?<!\d\s)(?<!\d-)(?<!\d\.)"
    r"\b(?:(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)|(?P<sh>[01] \d|2 [0-3]) (?P<sm>[0-5] \d))(?:\b|(?=ish\b))(?![\d:.,/-])"
    rf"(?P<after>(?=\s*(?:(?:at\s+)?(?:{_DAY_NEAR_CLOCK})\b|works?\b|is\s+(?:good|fine|best|better)\b|hrs\b"
    r"|hours\b|ish\b)))?"
)


def _four_digit_clock(found: re.Match) -> str:
    if found.group("before") is None and found.group("after") is None:
        return found.group()
    hour = (found.group("h") or found.group("sh")).replace(" ", "")
    minute = (found.group("m") or found.group("sm")).replace(" ", "")
    return f"{found.group('before') or ''}{hour}:{minute}"


# the opening hour something is asked before: "before we open at 11" is "before 11" (not the shop's hours)
_BEFORE_OPENING = re.compile(
    r"\b(before|b4)\s+(?:we|they|i|the\s+(?:shop|office|store|clinic|salon))\s+opens?\s+(?:at\s+)?(?=\d)"
)


def _mask(text: str) -> str:
    text = _BEFORE_OPENING.sub(r"\1 ", text)
    text = _HALF_BEFORE.sub(_half_before, text)
    text = _HINDI_DELAY.sub(_hindi_delay, text)
    text = _OTHER_DELAY.sub(_other_delay, text)
    text = _SPOKEN_HOUR.sub(lambda found: f"{found.group(1)} {_SPOKEN_HOURS[found.group(2)]}", text)
    text = _ZH_HOUR.sub(_zh_hour, text)
    text = _SPOKEN_DIGITS.sub(_digits_spoken, text)
    text = _SPOKEN_CLOCK.sub(_spoken_clock, text)
    for pattern in _NOT_TIME_NUMBERS:
        text = pattern.sub(" ; ", text)
    return _FOUR_DIGIT_CLOCK.sub(_four_digit_clock, text)


def _zone_named(text: str) -> str | None:
    found = _ZONE_WORD.search(text) or _ZONE_AFTER_TIME.search(text)
    return _ZONES[next(group for group in found.groups() if group)] if found else None


def _nearest(matches: list[re.Match], near: int | None) -> re.Match | None:
    """The match nearest to position ``near`` (the time named), else the last one: "busy today, call me tomorrow
    at 8" names tomorrow."""
    if not matches:
        return None
    if near is None:
        return matches[-1]
    return min(matches, key=lambda m: min(abs(m.start() - near), abs(m.end() - near)))


_EXCLUDED = re.compile(r"(?:except|but not|not on|not|no|excepto|menos|sauf)\s+(?:on\s+)?$")
_OR_BETWEEN = re.compile(r"^\s*(?:or|o|ou|/|,)\s*(?:maybe\s+)?$")


# a run of days, the days someone is open or in ("reach me Tues-Sat", "Lunes hanggang Biyernes"): no one day
_DAY_RANGE = re.compile(
    rf"\b(?:{_WEEKDAY_WORDS})\.?\s*(?:-|\u2013|thru|through|to|hanggang|a)\s*(?:{_WEEKDAY_WORDS})\b"
)


# a weekday in the plural is a habit ("Trivia Tuesdays", "Mary checks it Fridays", "Thursdays are dead for us"); the
# next one is proposed only when someone is in, free or to be called then ("she's in after 2 on thursdays",
# "Wednesdays are best for me", "I quit at the shop around 4 on Fridays, call me then")
_PLURAL_DAY_CUE = re.compile(
    r"(?:'s|'m|\bis|\bam|\bare|\bcomes?|\bbe)\s+(?:usually\s+|only\s+)?in\b"
    r"|\b(?:best|better|good|works|work for|free|available|call\w*|try|reach|catch|meet|come by|stop by|swing by)\b"
)


def _named_days(clause: str) -> list[re.Match]:
    """The days a clause names, less those it excludes ("any time after 3 except Thursday") or gives as a run of days
    ("Tues-Sat"), and a weekday in the plural said of a habit."""
    runs = [found.span() for found in _DAY_RANGE.finditer(clause)]
    return [
        m
        for m in _DAY_RE.finditer(clause)
        if not _EXCLUDED.search(clause[: m.start()])
        and not any(start <= m.start() < end for start, end in runs)
        and not ((m.group("weekday") or "").endswith("days") and not _PLURAL_DAY_CUE.search(clause))
    ]


def _first_of_alternatives(matches: list[re.Match], chosen: re.Match, clause: str) -> re.Match:
    """ "Thurs or Fri morning", "Monday or Tuesday afternoon": the first day offered."""
    index = matches.index(chosen)
    while index > 0 and _OR_BETWEEN.match(clause[matches[index - 1].end() : matches[index].start()]):
        index -= 1
    return matches[index]


def _day(clause: str, today: datetime, near: int | None = None) -> tuple[datetime | None, bool]:
    """The day a clause names and whether it was named as a weekday said on that weekday ("Tuesday" on a Tuesday)."""
    date = _nearest(list(_DATE_RE.finditer(clause)), near)
    if date:
        if date.group("m"):
            month, day = int(date.group("m")), int(date.group("d"))
        elif date.group("month"):
            month, day = _MONTHS[date.group("month")], int(date.group("md"))
        elif date.group("esmonth"):
            month, day = _MONTHS[date.group("esmonth")], int(date.group("dm"))
        elif date.group("ofmonth"):
            month, day = _MONTHS[date.group("ofmonth")], int(date.group("dofm"))
        else:
            month, day = today.month, int(date.group("nth") or date.group("le") or date.group("el"))
            try:
                candidate = today.replace(day=day)
            except ValueError:
                return None, False
            if candidate.date() < today.date():
                month = today.month % 12 + 1
                year = today.year + (today.month == 12)
                try:
                    return today.replace(year=year, month=month, day=day), False
                except ValueError:
                    return None, False
            return candidate, False
        try:
            candidate = today.replace(month=month, day=day)
        except ValueError:
            return None, False
        if candidate.date() < today.date():
            candidate = candidate.replace(year=today.year + 1)
        return candidate, False
    days = _named_days(clause)
    named = _nearest(days, near)
    if not named:
        return _cjk_day(clause, today)
    named = _first_of_alternatives(days, named, clause)
    if named.group("weekfrom"):
        base, _ = _day(named.group("weekfrom"), today)
        return (base + timedelta(days=7) if base else None), False
    if named.group("after"):
        return today + timedelta(days=2), False
    if named.group("weekend"):  # "this weekend": its Saturday
        return today + timedelta(days=(5 - today.weekday()) % 7), False
    if named.group("today"):
        return today, False
    if named.group("tomorrow"):
        return today + timedelta(days=1), False
    weekday = _WEEKDAYS[named.group("weekday")] if named.group("weekday") else _VI_WEEKDAYS[named.group("viweekday")]
    ahead = (weekday - today.weekday()) % 7
    if _NEXT_WEEK.search(clause):  # "next week, Wednesday at 11": the Wednesday of next week
        ahead += 7 if ahead < 7 - today.weekday() else 0
    if ahead == 0:
        # "next Tuesday", "el martes que viene" said on a Tuesday: the Tuesday of next week
        coming = named.group("next") in ("next", "proximo", "proxima") or bool(named.group("coming"))
        return today + timedelta(days=7 if coming else 0), not coming
    return today + timedelta(days=ahead), False


# Korean and Chinese write days and hours without spaces: no word boundaries
_CJK_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_JA_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
# (Japanese: "明日の午前中に" tomorrow in the morning, "今日" today, "明後日" the day after tomorrow, a weekday with
# "曜日" or "曜": "今週の木曜日" this Thursday, "来週月曜日" next Monday)
_CJK_DAY = re.compile(
    r"(?P<today>오늘|今天|今日)|(?P<after>모레|后天|明後日)|(?P<tomorrow>내일|明天|明日)|(?P<ko>[월화수목금토일])요일"
    r"|(?:星期|周|週|礼拜|禮拜)(?P<zh>[一二三四五六日天])|(?P<ja>[月火水木金土日])曜日?"
)
# a day the person is away or busy ("今天不在": not in today; Japanese "月曜日は休みです": Monday is our day off) is
# not the day proposed
_CJK_NOT_THEN = re.compile(r"\s*(?:不在|没空|沒空|很忙|忙|(?:は|も)?\s*(?:お?休み|定休日|いません|忙しい))")
_CJK_TIME = re.compile(
    r"(?P<h>[01]?\d|2[0-3])\s*(?:시|点|點|時)(?:\s*(?P<half>반|半)|\s*(?P<min>[0-5]?\d)\s*(?:분|分))?"
)
_CJK_PM = re.compile(r"오후|저녁|下午|晚上|午後|夕方")
_CJK_PARTS = [(re.compile(r"오전|아침|上午|早上|午前|朝"), 9), (re.compile(r"中午|昼"), 12),
              (re.compile(r"오후|下午|午後"), 14), (re.compile(r"저녁|晚上|夕方"), 18)]  # fmt: skip


def _cjk_day(clause: str, today: datetime) -> tuple[datetime | None, bool]:
    found = next((m for m in _CJK_DAY.finditer(clause) if not _CJK_NOT_THEN.match(clause, m.end())), None)
    if not found:
        return None, False
    if found.group("today"):
        return today, False
    if found.group("tomorrow"):
        return today + timedelta(days=1), False
    if found.group("after"):
        return today + timedelta(days=2), False
    if found.group("ja"):
        weekday = _JA_WEEKDAYS[found.group("ja")]
    else:
        weekday = _CJK_WEEKDAYS[found.group("ko")] if found.group("ko") else _ZH_WEEKDAYS[found.group("zh")]
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead), ahead == 0


def _cjk_time(clause: str) -> tuple[tuple[int, int] | None, int | None]:
    found = _CJK_TIME.search(clause)
    if found:
        hour = int(found.group("h"))
        minute = 30 if found.group("half") else int(found.group("min") or 0)
        if _CJK_PM.search(clause) and hour < 12:
            hour += 12
        elif not re.search(r"오전|아침|上午|早上|午前", clause) and 1 <= hour <= 6:
            hour += 12
        return (hour, minute), found.start()
    for pattern, hour in _CJK_PARTS:
        part = pattern.search(clause)
        if part:
            return (hour, 0), part.start()
    return None, None


# a bare hour asked about or offered: "Is 4 ok? today I mean", "would 3 work?", "4 is better"
_HOUR_OFFERED = re.compile(r"\s*(?:ok|okay|work|works|would work|is (?:ok|okay|good|fine|better|best))\b")
_HOUR_OFFERED_AFTER = re.compile(r"(?:^|[,;:?!]|\b(?:so|or))\s*(?:(?:is|would|does|will|how'?s|maybe)\s+)?$")
_MINUTES_AFTER = re.compile(r"\s*(?:min|mins|minutes?)\b")
_ROUGHLY = ("like", "say", "maybe", "around", "'round", "round", "about", "'bout", "bout", "tipo")
_DAY_AFTER_HOUR = re.compile(r"\s*(?:tonight|tonite|tomorrow|tmrw|today|this (?:morning|afternoon|evening))\b")
_EARLY = re.compile(r"\b(?:early|temprano|cedo|first thing|breakfast|coffee|desayuno)\b")


def _hour(value: int, minute: int, meridiem: str, clause: str) -> tuple[int, int] | None:
    """A clock time as the clause means it: an explicit am/pm, else the part of the day named, else the working day."""
    if meridiem.startswith("p") and value < 12:
        value += 12
    elif meridiem.startswith("a") and value == 12:
        value = 0
    elif not meridiem.startswith(("a", "p")) and value <= 12:
        if _PM_WORDS.search(clause) and value < 12:
            value += 12
        elif _AM_WORDS.search(clause):
            pass
        elif 1 <= value <= 6 or (value == 7 and not minute and not _EARLY.search(clause)):
            value += 12  # "at 2": two in the afternoon; "call at 7": seven in the evening ("first thing, like 7": not)
    if not (0 <= value <= 23):
        return None
    return value, minute


def _time(clause: str, now: datetime) -> tuple[tuple[int, int] | None, timedelta | None, int | None]:
    """The time of day a clause names (hour, minute), or a delay from now ("in an hour"), and where it stands."""
    hours_told = bool(_HOURS.search(clause))
    verb = _CALL_VERB.search(clause)
    matches = list(_TIME_RE.finditer(clause))
    if verb:  # "service is at 7 so call him Wed after 2": the time the call is asked for
        matches.sort(key=lambda m: m.start() < verb.start())
    for found in matches:
        if found.group("delay"):
            amount = {"a": 1, "an": 1, "one": 1, "a few": 3, "half an": 0.5}.get(found.group("delay"))
            if amount is None:
                amount = 2 if found.group("delay").startswith("a couple") else int(found.group("delay"))
            unit = found.group("unit")
            return None, timedelta(hours=amount) if unit.startswith("h") else timedelta(minutes=amount), found.start()
        if found.group("half"):
            hour = _HOUR_NUMBERS.get(found.group("hh")) or int(found.group("hh"))
            phrase = re.sub(r"^a\s+", "", found.group("half"))
            minute = 30 if phrase.startswith("half") else 15
            if phrase.startswith("quarter") and not phrase.endswith("past"):
                hour, minute = hour - 1, 45
            return _hour(hour, minute, "", clause), None, found.start()
        if found.group("noon"):
            return (12, 0), None, found.start()
        if _MINUTES_AFTER.match(clause, found.end()):
            continue  # "I have maybe 10 min around 12:15": a length, not a time
        meridiem = (found.group("ap") or "").replace(".", "")
        prep = found.group("prep") or ""
        # a bare number is a time only after a word that makes it one, with its minutes, or with am/pm/h/o'clock, or
        # before the day it is on ("9 tonight", "10 tomorrow")
        if not (
            prep
            or found.group("min")
            or meridiem
            or found.group("h2")
            or found.group("zoned") is not None
            or _DAY_AFTER_HOUR.match(clause, found.end())
            or (_HOUR_OFFERED.match(clause, found.end()) and _HOUR_OFFERED_AFTER.search(clause[: found.start()]))
        ):
            continue
        if hours_told and found.group("h2"):
            continue  # "we're open 6am-2pm, come by at 2:15": the opening hours are no time to call
        if meridiem == "ish" and not (prep or found.group("min")):
            meridiem = ""
        hour, minute = int(found.group("h")), int(found.group("min") or found.group("hmin") or 0)
        ap2 = (found.group("ap2") or "").replace(".", "")
        if not meridiem and ap2 and found.group("h2") != "noon" and hour <= int(found.group("h2")):
            meridiem = ap2  # "between 7 and 8 am": both in the morning
        if found.group("esmin"):
            minute = 30 if found.group("esmin") == "media" else 15
        if meridiem.startswith("h") or meridiem in ("gio", "oclock", "o'clock", "ish", "baje", "vaje", "teev", "e"):
            meridiem = "" if hour <= 12 else meridiem
        if hour > 12 and meridiem.startswith(("a", "p")):
            continue
        if found.group("h2") and not (meridiem or prep):
            end = 12 if found.group("h2") == "noon" else int(found.group("h2"))
            if end - hour >= 6 or (hour >= 7 and end <= 6):
                continue  # "9-5", "8-4": working hours, not a time to call
        if prep in ("before", "b4") or prep.startswith("antes "):
            at = _hour(hour, minute, meridiem, clause)
            if at and re.search(r"\bnot\s+\Z", clause[: found.start()]):
                return at, None, found.start()  # "call me tmrw, not before 10": from 10
            # "tmrw b4 9 pls, like 8:30", "before we open at 11, so like 10:30": the time said after it
            roughly = next((m for m in matches if m.start() > found.start() and m.group("prep") in _ROUGHLY), None)
            if at and roughly:
                said, _, _ = _time(clause[roughly.start() :], now)
                if said and said < at:
                    return said, None, roughly.start()
            part = next((hour for pattern, hour in _PARTS if pattern.search(clause)), None)
            if part is None and re.search(r"\bmornings\b", clause):
                part = 9
            if at and part is not None and part < at[0]:
                return (part, 0), None, found.start()  # "mornings before 11": the morning's start
            return ((at[0] - 1, at[1]) if at else None), None, found.start()
        return _hour(hour, minute, meridiem, clause), None, found.start()
    for pattern, hour in _PARTS:
        part = pattern.search(clause)
        if part:
            return (hour, 0), None, part.start()
    clock, where = _cjk_time(clause)
    return clock, None, where


# a clause about e-mail or papers, with no call or meeting in it: "send a proposal and I'll look at it Thurs"
_NOT_A_CALL = re.compile(r"\b(?:e-?mail|send|look at|look over|i'?ll look|take a look|review|read|mail)\b")
_CALL_VERB = re.compile(
    r"\b(?:call|ring|phone|talk|speak|chat|meets?|zoom|visit|come by|stop by|llam\w*|lig\w*|zadzwon\w*|chiami)\b"
)


def _first_time_word(clause: str) -> int:
    """Where the clause's first day or time word stands (its length when none)."""
    starts = [m.start() for m in (_DAY_RE.search(clause), _DATE_RE.search(clause)) if m]
    starts += [m.start() for pattern, _ in _PARTS if (m := pattern.search(clause))]
    starts += [m.start() for m in _TIME_RE.finditer(clause) if m.group("prep") or m.group("ap") or m.group("min")]
    return min(starts, default=len(clause))


# a date said of a job or an order, not of a call: "Our move on 3/21 is $2,450 flat", "the pour for the 12th"
_DATE_OF_A_JOB = re.compile(
    r"\b(?:our|the|your|my|his|her|their)\s+[a-z]+\s+(?:is\s+|was\s+)?(?:on|for)\s+(?:the\s+)?\d{1,2}(?:/\d|st|nd|rd|th)"
)


def _proposal(clause: str, has_day: bool, has_time: bool) -> bool:
    """Whether a clause proposes a time (not the sender's hours, the past, or a date mentioned in passing)."""
    if _DATE_OF_A_JOB.search(clause) and not _CALL_CUE.search(clause):
        return False
    if _HOURS.search(clause) and not re.search(
        r"\b(?:call|try|reach|ring|come by|stop by|how about|what about|works?|free|llam\w*)\b", clause
    ):
        return False
    if _PAST.search(clause) or _NOT_THEN.search(clause):
        return False
    papers = _NOT_A_CALL.search(clause)
    if papers and not _CALL_VERB.search(clause) and papers.start() < _first_time_word(clause):
        return False  # "email me tonight and I'll look": the time is for the e-mail, not a call
    if _CALL_CUE.search(clause) or (has_day and has_time):
        return True
    words = re.findall(r"[a-z0-9']+", clause)
    return len(words) <= 6 or clause.rstrip().endswith("?")


_RETRACTED = re.compile(r"\s*(?:lol\s+|haha\s+|lmao\s+)?(?:jk|j/k|just kidding|kidding)\b")
_TRAILING_TIME = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:any ?time\s+)?(?:after|at|around|by|from|@)\s*\d")


# a day said alone after the time, as a correction: "Is 4 ok? today I mean", "morning works. tomorrow. 8:45?"
_NOT_THE_DAY = re.compile(r"\b(?:i|mean|meant|sorry|lol|pls)\b|[^\w\s]")


def _day_alone(clause: str) -> bool:
    rest = " ".join(_NOT_THE_DAY.sub(" ", clause).split())
    return bool(rest and _DAY_RE.fullmatch(rest))


def _clauses(masked: str) -> list[str]:
    """The reply's clauses, a fragment of three words or fewer joined to the one before ("Tuesday works. The 24th.
    10:00." is one proposal), and a day said alone joined to the time before it ("Is 4 ok? today I mean")."""
    out: list[str] = []
    for clause in _CLAUSES.split(masked):
        previous = out[-1] if out else ""
        if (
            previous
            and len(re.findall(r"[^\W_]+", clause)) <= 3
            and (_DATE_RE.search(clause) or _DAY_RE.search(clause) or re.search(r"\d", clause))
            and (
                _DAY_RE.search(previous)
                or _DATE_RE.search(previous)
                # (after the sentence's end: "after 3:30 any day but Thursday" excludes it)
                or (_day_alone(clause) and previous.rstrip()[-1:] in ".?!" and _time(previous, None)[0] is not None)
            )
            and not (_NOT_THEN.search(previous) or _PAST.search(previous) or _HOURS.search(previous))
        ):
            out[-1] = f"{previous} {clause}"
        else:
            out.append(clause)
    return out


# a refusal and a preference in one clause: "I can't do tomorrow, Thursday at 10 is better", "End of day is best, I'm
# in surgery til 4"; the preferred piece is the proposal, with a day said before it that is not refused ("Call
# tomorrow evening, my son's game runs until 6 so 6:30 is better")
_PREFERRED = re.compile(
    r"\b(?:is|are|'s|would be)\s+(?:best|better|good|fine|open|perfect)\b|\bworks\s+better\b"
    # "Thursday is no good, how about Friday 2ish"
    r"|\b(?:how about|what about|instead)\b"
)
_PIECES = re.compile(r",\s*|\s+so\s+")


def _preferred_piece(clause: str) -> str | None:
    if not _NOT_THEN.search(clause):
        return None
    pieces = _PIECES.split(clause)
    kept = [piece for piece in pieces if not (_NOT_THEN.search(piece) or _PAST.search(piece))]
    if len(kept) == len(pieces):
        return None  # no piece alone refuses: the clause is read whole
    for index, piece in enumerate(kept):
        if _PREFERRED.search(piece) and (
            _time(piece, None)[0] is not None or _DAY_RE.search(piece) or _DATE_RE.search(piece)
        ):
            return " ".join(kept[: index + 1])
    return None


# busy now, which a delay works around: "in an hour pls, in a meeting"
_BUSY_NOW = re.compile(
    r"in a meeting|in meetings|busy|slammed|swamped|on a job|on site|in court|in trial|in surgery|ocupad[oa]"
)


def _not_then_for_delay(clause: str) -> bool:
    return any(not _BUSY_NOW.fullmatch(found.group()) for found in _NOT_THEN.finditer(clause))


# the end of a busy stretch, then a call asked for after it: "out on a job til 6. call him then", "busy til 2, after
# that is fine", "booked solid until the 20th. Try me then", "i get off at 5:30 call after that"
# ... or a day: "in the shop til Thurs. talk then", "back Friday. call then", "sometime Thursday, I'm out on a job
# till then", "Out of office until Monday 3/16. Text me then"; an event's end and the sender free after it ("at the
# open house until 4, free after that", "at a closing at 11, should be wrapped by 12:30. Call me after that"), or the
# call asked for after the event, then its end ("call after the closing. Probably done by noon")
_UNTIL_THEN = re.compile(
    r"\b(?:(?:til|till|until|'til|get off at|off at|done at|done by|wrapped(?:\s+up)?\s+by|finished\s+by)\s+"
    r"(?P<when>(?:the\s+)?\d{1,2}(?:[:.][0-5]\d)?(?:st|nd|rd|th)?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|noon(?:ish)?)"
    rf"|(?:til|till|until|'til|back(?:\s+on)?)\s+(?P<day>{_WEEKDAY_WORDS}|tomorrow|tmrw)\b(?:\s+\d{{1,2}}/\d{{1,2}}\b)?\.?)"
    # ("out til the 19th. Can you call back then?", "in court til 3. Text X and I'll call you when I'm out")
    # ("with patients until 4. You could try back after that")
    r"\s*[.,;!]?\s+(?:(?:(?:can|could|would)\s+(?:you|u|ya)\s+|(?:you|u|ya)\s+(?:can|could|may)\s+|(?:please|pls)\s+)?"
    r"(?:call|try|text|ring|reach|talk|holler)\s+(?:(?:me|him|her|us|back)\s+)?"
    r"|(?:i'?m\s+|i\s+am\s+)?(?:free|available)\s+)?"
    r"(?:(?:around|about|right)\s+then|then|after that|afterwards?|after(?=\s*(?:[.,;!]|\Z))"
    r"|[^.!?]{0,60}?\b(?:when|once)\s+(?:i'?m|i\s+am|i\s+get|he'?s|she'?s|he\s+is|she\s+is)\s+"
    r"(?:out|done|free|back|finished|off)\b)"
    rf"|\b(?P<day_first>{_WEEKDAY_WORDS})\b[^.!?;]{{0,60}}\b(?:til|till|until)\s+then\b"
    r"|\b(?:call|try|text|ring)\s+(?:me\s+)?after\s+(?:the|my|that|it)\b[^.!?;]{0,30}[.!?;]\s+"
    r"(?:(?:probably|prob|should\s+be|i'?ll\s+be|i\s+should\s+be)\s+)?(?:done|finished|wrapped(?:\s+up)?|free)\s+"
    r"(?:by|around|at)\s+(?P<when_end>\d{1,2}(?:[:.][0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|noon)"
)
# the sender free this moment: "Free right now actually", "I'm available now, call me", "call me now" (not "not free
# right now", "can't talk now", "busy now")
_FREE_NOW = re.compile(
    r"(?<!not )(?<!n't )(?<!never )\b(?:free|available|call me|you can call me)\s+(?:right\s+)?now\b"
    r"(?!\s*[,.]?\s*but\b)"
)
# a time not to call before, with no end and no other way preferred: "don't call before 11, I'm with clients"
_NOT_BEFORE = re.compile(
    r"\b(?:don'?t|do not)\s+(?:call|ring|text|phone)\s+(?:(?:me|us|him|her)\s+)?(?:before|b4)\s+"
    r"(?P<when>\d{1,2}(?::[0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)(?!\s*(?:or|and|nor)\s+after)(?![\d:])"
)
# a closing time and a call asked for before it: "we close at 5:30 so before that pls" (an hour before, as "before 8am"
# is 7:00); "We close at 6. Swing by or call before then" offers the whole day
_BEFORE_CLOSING = re.compile(
    r"\b(?:we|i|they|the\s+(?:shop|office|clinic|store|salon))\s+(?:close|closes|leave|get\s+off)\s+at\s+"
    r"(?P<when>\d{1,2}(?::[0-5]\d)?(?:\s*(?:am|pm))?)\s*[,.;]?\s*so\s+(?:(?:call|text|try|reach)\s+(?:me\s+|us\s+)?)?"
    r"before\s+(?:that|then)\b"
)
_OTHER_WAY_BETTER = re.compile(r"\b(?:e-?mail|text(?:ing)?|txt)\s+(?:is|works)\s+(?:better|best)\b")


def _from_until(masked: str, today: datetime, local_now: datetime) -> datetime | None:
    """The end of a busy stretch the reply asks to be called after (see ``_UNTIL_THEN``, ``_NOT_BEFORE``)."""
    found = _UNTIL_THEN.search(masked)
    if found is None:
        found = _NOT_BEFORE.search(masked)
        if found is None or _OTHER_WAY_BETTER.search(masked):
            return None
    if day_word := found.groupdict().get("day") or found.groupdict().get("day_first"):
        day, same_weekday = _day(day_word, today)
        if day is None:
            return None
        hour, minute = DAY_ONLY_HOUR, 0
        if found.group("day_first"):  # "EOD Friday is best, we're buried until then": the time said with the day
            clock, _, _ = _time(masked[max(0, found.start() - 20) : found.end("day_first")], local_now)
            hour, minute = clock if clock else (hour, minute)
        return day.replace(hour=hour, minute=minute) + timedelta(days=7 if same_weekday else 0)
    when = found.group("when") or found.group("when_end")
    if when.startswith("the ") or re.search(r"\d(?:st|nd|rd|th)$", when):
        day, _ = _day(when if when.startswith("the ") else f"the {when}", today)
        # "out till the 16th. Call then, around 10am": the time said with it
        clock, _, _ = _time(masked[found.end() : found.end() + 30].split(".")[0], local_now)
        hour, minute = clock if clock else (DAY_ONLY_HOUR, 0)
        return day.replace(hour=hour, minute=minute) if day is not None else None
    clock, _, _ = _time(f"at {when}", local_now)
    if clock is None:
        return None
    # the day said before it in its sentence: "Tomorrow I'm at a closing at 10, should be done by noon. Call after"
    said = re.split(r"[.!?;]\s", masked[: found.start()])[-1]
    day, _ = _day(said, today) if said.strip() else (None, False)
    if day is not None and day.date() > today.date():
        return day.replace(hour=clock[0], minute=clock[1])
    at = today.replace(hour=clock[0], minute=clock[1])
    return at if at > local_now else at + timedelta(days=1)


# a day said before, the one to call on: "regresa el 20, llámela ese día", "I'm back on the 20th, call me that day"
_THAT_DAY = re.compile(r"\b(?:that day|that same day|the same day|ese dia|ese mismo dia|el mismo dia)\b")


def callback_in_reply(text: str, *, zone: str, now: datetime) -> datetime | None:
    """The moment a reply asks to be called at, on the sender's clock (``zone``, or the zone they name); None when
    it proposes none, or one already past."""
    folded = _fold(text or "")
    if not folded.strip():
        return None
    tz = ZoneInfo(_zone_named(folded) or zone)
    local_now = now.astimezone(tz)
    today = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    masked = _mask(folded)
    after_busy = _from_until(masked, today, local_now) if _UNTIL_THEN.search(masked) else None
    if after_busy is not None:
        return after_busy
    if _FREE_NOW.search(masked):
        return local_now  # "Free right now actually": the moment of the reply
    if closing := _BEFORE_CLOSING.search(masked):
        clock, _, _ = _time(f"before {closing.group('when')}", local_now)
        if clock is not None:
            at = today.replace(hour=clock[0], minute=clock[1])
            return at if at > local_now else at + timedelta(days=1)
    pending_day = None  # a day named before the time: "Let's talk on the 19th. Anytime after 10."
    said_clock = None  # a time named before, for "same time" ("missed ur call at 9. try again tmrw same time")
    clauses = _clauses(masked)
    for index, clause in enumerate(clauses):
        if index + 1 < len(clauses) and _RETRACTED.match(clauses[index + 1]):
            continue  # "Sat morning at the lake? lol jk."
        clause = _preferred_piece(clause) or clause
        clock, delay, where = _time(clause, local_now)
        if clock is None and said_clock is not None and re.search(r"\bsame time\b", clause):
            clock = said_clock
        said_clock = clock or said_clock
        day, same_weekday = _day(clause, today, where)
        if delay is not None and not (_PAST.search(clause) or _not_then_for_delay(clause)):
            return local_now + delay  # "in a couple hours": its "hours" are no opening hours
        if day is None and clock is None:
            if pending_day is None or not _THAT_DAY.search(clause):
                continue
            day, same_weekday = pending_day  # "regresa el 20, llámela ese día": the day he is back
        if day is None and pending_day is not None:
            day, same_weekday = pending_day
        if not _proposal(clause, day is not None, clock is not None):
            # "in court at 9 tomorrow but free by 11": the day stays named for the time that follows
            pending_day = (day, same_weekday) if day is not None and _NOT_THEN.search(clause) else None
            continue
        if clock is None and day is not None and _TRAILING_TIME.search(masked[masked.find(clause) + len(clause) :]):
            pending_day = (day, same_weekday)
            continue
        if day is None:
            at = today.replace(hour=clock[0], minute=clock[1])
            if at <= local_now:
                at += timedelta(days=1)  # "at 9" said at 10:15: tomorrow's
            return at
        hour, minute = clock if clock else (DAY_ONLY_HOUR, 0)
        at = day.replace(hour=hour, minute=minute)
        if at <= local_now:
            if same_weekday:
                at += timedelta(days=7)  # "Tuesday at 9" said on Tuesday at 10:15: next week's
            elif clock is None and day.date() == today.date():
                at = local_now + timedelta(hours=1)  # "later today": within the day
            else:
                return None
        return at
    return _from_until(masked, today, local_now)
