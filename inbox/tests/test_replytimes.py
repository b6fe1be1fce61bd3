"""The time a reply proposes, read on the sender's clock; and what in a reply is no time to call."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from inbox.replytimes import callback_in_reply

CHICAGO = "America/Chicago"
NOW = datetime(2026, 3, 10, 10, 15, tzinfo=ZoneInfo(CHICAGO))  # a Tuesday, 10:15 in Chicago


def _read(text: str) -> str:
    found = callback_in_reply(text, zone=CHICAGO, now=NOW)
    return found.strftime("%Y-%m-%d %H:%M %Z") if found else ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and a time, as people write them
        ("Call me tomorrow at 2pm", "2026-03-11 14:00 CDT"),
        ("K. wed 11am", "2026-03-11 11:00 CDT"),
        ("Can we do Monday the 16th at 9:30am?", "2026-03-16 09:30 CDT"),
        ("Monday 3/16 at 10 works", "2026-03-16 10:00 CDT"),
        ("the 17th at 1pm?", "2026-03-17 13:00 CDT"),
        ("March 19 @ 3:15 works. Zoom or phone?", "2026-03-19 15:15 CDT"),
        ("8 AM sharp tmrw or I'm on the road.", "2026-03-11 08:00 CDT"),
        ("Lets talk tmrw afternoon, 2ish?", "2026-03-11 14:00 CDT"),
        # a bare hour is the working day's; one already past today is tomorrow's
        ("ok call me at 9", "2026-03-11 09:00 CDT"),
        ("Call me at 10:30", "2026-03-10 10:30 CDT"),
        ("sure, call me at 2", "2026-03-10 14:00 CDT"),
        # a part of the day, a range's start, a delay
        ("Call me after lunch tomorrow", "2026-03-11 13:00 CDT"),
        ("Friday EOD works for me", "2026-03-13 17:00 CDT"),
        ("Call me between 2 and 4 today", "2026-03-10 14:00 CDT"),
        ("Call Thursday 9-11, I'm at the office then", "2026-03-12 09:00 CDT"),
        ("call me in an hour", "2026-03-10 11:15 CDT"),
        ("at half past 4 tomorrow", "2026-03-11 16:30 CDT"),
        # a weekday said on that weekday, "next Tuesday", a day offered first, a day excluded
        ("Tomorrow I'm slammed. Next Tuesday morning?", "2026-03-17 09:00 CDT"),
        ("Thurs or Fri morning.", "2026-03-12 09:00 CDT"),
        ("Any time after 3 except Thursday works", "2026-03-10 15:00 CDT"),
        ("Next week, Wednesday at 11", "2026-03-18 11:00 CDT"),
        # a day without a time: the start of the working day
        ("try him thurs", "2026-03-12 09:00 CDT"),
        # busy today, a new request after the comma
        ("Estoy ocupado hoy, llámeme mañana temprano, como a las 7:30", "2026-03-11 07:30 CDT"),
        # the zone the sender names is the clock
        ("Call me Friday at 10 MT", "2026-03-13 10:00 MDT"),
        # Spanish, Portuguese, Vietnamese, Tagalog, Korean, Chinese, Haitian Creole
        ("Mañana a las 3 de la tarde está bien", "2026-03-11 15:00 CDT"),
        ("el lunes a las 10 por favor", "2026-03-16 10:00 CDT"),
        ("hoy a las 4 y media?", "2026-03-10 16:30 CDT"),
        ("Pode me ligar amanhã às 10h", "2026-03-11 10:00 CDT"),
        ("Tôi bận rồi. Thứ Sáu 10 giờ sáng gọi lại nha.", "2026-03-13 10:00 CDT"),
        ("Sige po, tawagan nyo na lang po ako bukas ng umaga", "2026-03-11 09:00 CDT"),
        ("내일 오후 2시에 전화 주세요", "2026-03-11 14:00 CDT"),
        ("可以，请明天上午打我手机", "2026-03-11 09:00 CDT"),
        ("Wi, rele m demen apremidi", "2026-03-11 14:00 CDT"),
        ("Mi chiami venerdì alle 10", "2026-03-13 10:00 CDT"),
        ("Proszę zadzwonić jutro po 14:00", "2026-03-11 14:00 CDT"),
        ("Я занят до четверга. Позвоните в четверг в 11", "2026-03-12 11:00 CDT"),
        ("Kal shaam 5 baje call karna", "2026-03-11 17:00 CDT"),
        ("اتصل بي غدا بعد الظهر", "2026-03-11 14:00 CDT"),
        ("Llámeme el lunes 16 a las 10 de la mañana", "2026-03-16 10:00 CDT"),
        ("Llámelo después de las 6", "2026-03-10 18:00 CDT"),
        # the day named before the time, in the clause before or in fragments after it
        ("I'm in court at 9 tomorrow but free by 11. Call my paralegal", "2026-03-11 11:00 CDT"),
        ("Received. Let's talk on the 19th. Anytime after 10.", "2026-03-19 10:00 CDT"),
        ("Tuesday works. The 24th. 10:00.", "2026-03-24 10:00 CDT"),
        ("Text me on the 16th of April and we'll see", "2026-04-16 09:00 CDT"),
        ("This afternoon is good, or email me", "2026-03-10 14:00 CDT"),
        # Southern idiom, a range to noon, evenings, the time asked for after the call word
        ("We're fixin to head to the sale barn. Holler at me round 4", "2026-03-10 16:00 CDT"),
        ("Try me at the house, evenings after 7", "2026-03-10 19:00 CDT"),
        ("he'll be at the co-op 8 to noon tomorrow, catch him there", "2026-03-11 08:00 CDT"),
        ("Wednesday night service is at 7 so call him Wed after 2", "2026-03-11 14:00 CDT"),
        ("Sat morning at the lake? lol jk. Monday 3/16 at 10?", "2026-03-16 10:00 CDT"),
    ],
)
def test_a_proposed_time_is_read_as_the_sender_means_it(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delay, the sender busy now
        ("in an hour pls, in a meeting. 737-202-9910", "2026-03-10 11:15 CDT"),
        ("Give it an hour. 701-555-0132", "2026-03-10 11:15 CDT"),
        ("give me 20 minutes", "2026-03-10 10:35 CDT"),
        # the weekend: its Saturday
        ("Can you call me this weekend? 832-555-7140", "2026-03-14 09:00 CDT"),
        ("over the weekend works", "2026-03-14 09:00 CDT"),
        # the end of a busy stretch, then a call asked for after it
        ("I'm the wife, he's out on a job til 6. call him then 5047712284", "2026-03-10 18:00 CDT"),
        ("busy til 2, after that is fine 210 555 8812", "2026-03-10 14:00 CDT"),
        ("i get off at 5:30 call after that, 3375550159", "2026-03-10 17:30 CDT"),
        ("im out until the 2nd. call after that 505-555-0115", "2026-04-02 09:00 CDT"),
        ("We're booked solid until the 20th. Try me then.", "2026-03-20 09:00 CDT"),
        # a time not to call before: from then, today if still ahead, else tomorrow; "not before" likewise
        ("don't call before 11, I'm with clients. 480 915 3367", "2026-03-10 11:00 CDT"),
        ("dont call me before 10am pls. 512 555 0166", "2026-03-11 10:00 CDT"),
        ("Don't call before 9, I'm driving the kids.", "2026-03-11 09:00 CDT"),
        ("call me tmrw, not before 10. 502 555 0114", "2026-03-11 10:00 CDT"),
        # the morning, before an hour: the morning's start
        ("Yes interested. Best # is 409 656 7719. Mornings before 11", "2026-03-11 09:00 CDT"),
        # the shop closed then, or after it closes; the person in then; a day they are not busy
        ("Saturday morning, we're closed then so I have time. 615-902-3384", "2026-03-14 09:00 CDT"),
        ("after we close at 6. 541.555.0109", "2026-03-10 18:00 CDT"),
        ("Office: 423-802-6600 x117. Ask for Denny, he's in after 1", "2026-03-10 13:00 CDT"),
        ("New owner is Marisol, she's in Thurs", "2026-03-12 09:00 CDT"),
        ("Sunday is the only day I'm not slammed lol", "2026-03-15 09:00 CDT"),
        # a bare 7 is the evening's, unless the morning is meant
        ("Call at 7 on 631-555-0172", "2026-03-10 19:00 CDT"),
        ("holler at me first thing tomorrow, like 7", "2026-03-11 07:00 CDT"),
        # hours with minutes apart or in words; lunchtime; the sender at lunch before the time asked
        ("My nmber is 512 847 22 91 call me at 4 30", "2026-03-10 16:30 CDT"),
        ("call me at 9 one 9 4 5 5 7 2 1 8 after three thirty", "2026-03-10 15:30 CDT"),
        ("could you call back at a quarter to four. 609-555-0189", "2026-03-10 15:45 CDT"),
        ("lunchtime tmrw. ask for Cheryl 228-555-0111", "2026-03-11 12:00 CDT"),
        ("I'm at lunch 12-1, call around 1:15. office 850-555-0168 x 42", "2026-03-10 13:15 CDT"),
        # French "demain", Tagalog and Spanish hour words, Chinese numerals
        ("demain \u00e0 14h svp, 617-555-0158", "2026-03-11 14:00 CDT"),
        ("Tawagan mo ako bukas ng alas-diyes ng umaga. 808-392-1174", "2026-03-11 10:00 CDT"),
        ("mamayang alas-kwatro po, 808-555-0153", "2026-03-10 16:00 CDT"),
        ("ll\u00e1meme ma\u00f1ana a las once", "2026-03-11 11:00 CDT"),
        ("\u660e\u5929\u4e0a\u5348\u5341\u70b9\u6253\u7ed9\u6211 626-288-5501", "2026-03-11 10:00 CDT"),
    ],
)
def test_more_ways_of_proposing_a_time_are_read(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # numbers that are no times: phones (also typed digit by digit or half in words), sums, counts, addresses
        "My husband runs the shop, his name is Carlos Mendez. His number is 956 273 4480",
        "Sure. +1 303 291 8846, ask for Jenna",
        "Yeah ok, my cell 2 0 6 - 7 1 8 - 4 4 0 2",
        "call me at 720 three nine one 4478",
        "We spent $2,500 with the last marketing company and got nothing. Pass.",
        "How much does it cost? We only have 3-5 employees so we're small",
        "We're at 4410 N Broadway Ste 210, Chicago IL 60640",
        "Policy no. 3304412897 - is this the insurance company?",
        "We're 24/7 for emergencies but this isn't one lol. Who is this?",
        "We have 2 locations, 14 trucks, about $1.2M a year. What exactly do you do?",
        # opening hours, the past, a time not to call, the sender away
        "We're open 9-5 M-F if you want to stop by sometime",
        "Estamos abiertos de 8 a 6 de lunes a sábado.",
        "I was busy at 3 when you guys called yesterday. What do you want?",
        "Don't call before 9, I'm driving the kids. Email is better anyway",
        "Dont call before 9 or after 5",
        "Ask for Rhonda Pierce in scheduling, she's in Tues/Wed/Thurs. 412-621-4470",
        "Interested but swamped. Shoot me an email - dlee@leelandscape.biz - and I'll look this weekend",
        "In a meeting until 11:30, can't talk in an hour either",
        "the owner is out til Monday.",
        "Si boss po si Ramon, bukas pa po siya babalik.",
        "我们一周七天营业，11点到10点。不需要，谢谢。",
        # a month, a week, a greeting, a date in passing
        "Not now, maybe next month.",
        "I'm free next week sometime, send me something first",
        "Not a good time, we're mid-season. Try me in April",
        "Good morning! This is Kayla at Northside Urgent Care.",
        "Is this about the 03/14/2026 inspection? If not, not interested",
        # a time for the e-mail or the papers, a day that recurs, a week, office hours by day range
        "Ok send a proposal and I'll look at it Thurs.",
        "email me tonight and I'll look.",
        "She only meets reps on the 1st Wednesday of the month.",
        "You may try him the week of the 23rd.",
        "Her office line is (414) 643-2219, Tues-Thurs 9-2.",
        "I'm in depositions thru Thursday",
        "I'll be at the Farm Bureau meeting at 7 tonight, so not then.",
    ],
)
def test_what_is_no_proposal_sets_no_callback(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German, Somali and Spanish day words; "um 11 Uhr"
        ("Rufen Sie Freitag um 10 Uhr an", "2026-03-13 10:00 CDT"),
        ("Igu soo wac berri", "2026-03-11 09:00 CDT"),
        ("El martes que viene a las 4", "2026-03-17 16:00 CDT"),
        # a range said "b/w", "tmrw aft", a time with its zone after am/pm
        ("Tammy's Cuts, 316-555-0143. b/w 11 and 1", "2026-03-10 11:00 CDT"),
        ("call me tmrw aft", "2026-03-11 14:00 CDT"),
        ("After 4pm ct. 417-555-0110", "2026-03-10 16:00 CDT"),
        # the end of a busy stretch, then "call after"; the day the contact is back; "same time" as named before
        ("I'm at the auction till 3, call after. 660-555-0119", "2026-03-10 15:00 CDT"),
        ("Ask for Mrs. Beam, she's back Thursday", "2026-03-12 09:00 CDT"),
        ("sorry I missed your call this morning at 8. try me tmrw same time", "2026-03-11 08:00 CDT"),
    ],
)
def test_more_ways_to_name_a_day_or_a_time(text, expected):
    assert _read(text) == expected


def test_a_missed_call_at_a_time_proposes_nothing():
    assert _read("Sorry I missed your call at 9") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vietnamese, Chinese (traditional "週"; a day the person is not in is not the day), Tagalog ("wala ... ngayon":
        # not in today), Russian and Polish half hours said with the next hour, Hindi "parso" and a delay, French
        ("Gọi số (408) 555-0119, bấm số 2. Chiều thứ Năm nha.", "2026-03-12 14:00 CDT"),
        ("週三下午打給我", "2026-03-11 14:00 CDT"),
        ("他今天不在，明天上午打", "2026-03-11 09:00 CDT"),
        ("Wala po siya ngayon, tawagan nyo po sa Huwebes", "2026-03-12 09:00 CDT"),
        ("Звоните в четверг в половине пятого", "2026-03-12 16:30 CDT"),
        ("Proszę dzwonić w piątek o wpół do jedenastej", "2026-03-13 10:30 CDT"),
        ("Parso 4 baje call kijiye", "2026-03-12 16:00 CDT"),
        ("Meeting mein hoon, do ghante baad call karo", "2026-03-10 12:15 CDT"),
        ("Appelez-moi vendredi à 14h", "2026-03-13 14:00 CDT"),
        ("Rappelez le 24 s'il vous plaît", "2026-03-24 09:00 CDT"),
        ("Appelez demain vers 10h15", "2026-03-11 10:15 CDT"),
        ("Appelez lundi après-midi", "2026-03-16 14:00 CDT"),
        # Arabic digits, "after lunch"; Haitian "a 3è"; Spanish "después de las 5"
        ("اتصل يوم الجمعة الساعة ١٠", "2026-03-13 10:00 CDT"),
        ("اتصل غدا بعد الغداء", "2026-03-11 13:00 CDT"),
        ("Rele m vandredi a 3è", "2026-03-13 15:00 CDT"),
        ("Después de las 5 de la tarde.", "2026-03-10 17:00 CDT"),
        ("Hábleme a las 5 de la tarde al 408-555-0177.", "2026-03-10 17:00 CDT"),
        # an hour before the day it is on; a time said after "then" once the person is back; 1:45 after a date
        ("Is 8 tonight ok?", "2026-03-10 20:00 CDT"),
        ("He's out till the 20th. Call then, around 11am.", "2026-03-20 11:00 CDT"),
        ("Try me the 19th at 2:30, I'll be back in the shop then", "2026-03-19 14:30 CDT"),
    ],
)
def test_a_time_in_more_languages_and_after_a_day(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the number dialled after the line is no hour ("bấm số 3": press 3); French "mon" is "my", not Monday
        "Call the office, (408) 555-0114, then press 3",
        "Gọi số tiệm 714-555-0166, bấm số 3",
        "Gọi số tiệm, bấm số 4, hỏi anh Minh",
        "Envoyez-le à mon adresse perso",
    ],
)
def test_an_extension_or_a_possessive_is_no_time(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a delay in words or with its minutes unsaid, busy now ("Ocupado") being what it works around
        ("Stuck at the weigh station, call me back in 45", "2026-03-10 11:00 CDT"),
        ("Ocupada, en 30 minutos", "2026-03-10 10:45 CDT"),
        ("Llámeme como en una hora", "2026-03-10 11:15 CDT"),
        ("Tô dirigindo, me liga daqui 15 minutos", "2026-03-10 10:30 CDT"),
        ("Я за рулём, позвоните через 40 минут", "2026-03-10 10:55 CDT"),
        ("Перезвоните через полчаса", "2026-03-10 10:45 CDT"),
        # a day the sender is away until, then "call then"; or the day first and "till then"
        ("Running a load to El Paso, back Thursday. call then", "2026-03-12 09:00 CDT"),
        ("Rig's in the shop til Mon. talk then", "2026-03-16 09:00 CDT"),
        ("sometime Wed, out on a job in Odessa till then", "2026-03-11 09:00 CDT"),
        # the sender's shift or working hours are not the time proposed; the request after them is
        ("I work 7 to 7, text after 8pm", "2026-03-10 20:00 CDT"),
        ("On the 5am-5pm shift today. Call after 5:30pm", "2026-03-10 17:30 CDT"),
        ("Trabajo de 7 a 5, márqueme después de las 6 de la tarde", "2026-03-10 18:00 CDT"),
        # an hour before the day's work starts is in the morning; "antes de las 8" is 7:00, as "before 8" is
        ("Call tomorrow 6:15 before the crew heads out", "2026-03-11 06:15 CDT"),
        ("mañana antes de las 9", "2026-03-11 08:00 CDT"),
        # "about at" in Spanish, a request after a comma, lunch in Spanglish, a zone said in Spanish
        ("Ando en el tráiler, márqueme como a las 4", "2026-03-10 16:00 CDT"),
        ("A la hora del lonche", "2026-03-10 12:00 CDT"),
        ("Estoy cargando, a las 2 hora del centro", "2026-03-10 14:00 CDT"),
        ("el jueves a las 9am tiempo del Pacífico", "2026-03-12 09:00 PDT"),
        # after lunch in Spanish, Russian and Punjabi; Punjabi weekdays and "vaje" (o'clock)
        ("El viernes después de la comida", "2026-03-13 13:00 CDT"),
        ("В пятницу после обеда", "2026-03-13 13:00 CDT"),
        ("Shukarvar nu lunch ton baad call karo", "2026-03-13 13:00 CDT"),
        ("Budhwar nu 11 vaje call karna", "2026-03-11 11:00 CDT"),
        ("Shaam nu 8 vaje call karo", "2026-03-10 20:00 CDT"),
    ],
)
def test_the_trades_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a call that happened, in Spanish; a date said of a job or an order, not of a call
        "Hablé con ustedes a las 10 y ya les dije que no",
        "Ya me llamaron a las 3, no gracias",
        "Our move on 4/2 is $1,900 flat",
        "Our delivery on the 18th is $380",
    ],
)
def test_a_call_that_happened_or_a_jobs_date_is_no_proposal(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event's end and the sender free after it, or the call asked for after it and then its end
        ("I'm at the open house on 12 Elm St until 4, free after that.", "2026-03-10 16:00 CDT"),
        ("At a closing at 11, should be wrapped by 12:30. Call me after that.", "2026-03-10 12:30 CDT"),
        ("Signing at 11 today, call after the signing. Probably done by 1.", "2026-03-10 13:00 CDT"),
        ("Out of office until Friday 3/13. Text me then.", "2026-03-13 09:00 CDT"),
        # the time said with the day, then "until then"
        ("EOD Thursday is best, we're buried in returns until then.", "2026-03-12 17:00 CDT"),
        # the moment of the reply
        ("Free right now actually.", "2026-03-10 10:15 CDT"),
        # Hebrew: tomorrow morning, after 2 today, Thursday at 12 noon
        ("תתקשר מחר בבוקר.", "2026-03-11 09:00 CDT"),
        ("אחרי 2 היום.", "2026-03-10 14:00 CDT"),
        ("יום חמישי ב-12 בצהריים מתאים.", "2026-03-12 12:00 CDT"),
    ],
)
def test_after_an_event_the_moment_now_and_hebrew(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Not free right now, try next month.",
        # Vietnamese opening hours and a call that happened yesterday
        "Văn phòng mở cửa từ 9 giờ sáng đến 5 giờ chiều, thứ Hai đến thứ Sáu.",
        "Hôm qua anh gọi lúc 3 giờ rồi mà.",
    ],
)
def test_not_free_now_opening_hours_and_yesterday_in_vietnamese(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing time and a call asked for before it: an hour before, as "before 8am" is 7:00
        ("we close at 5:30 so before that pls", "2026-03-10 16:30 CDT"),
        ("The shop closes at 6, so call before then.", "2026-03-10 17:00 CDT"),
        # the end of the sender's last appointment is today's, not the past
        ("after my last client around 4 I'm free", "2026-03-10 16:00 CDT"),
        ("Call me after my last patient, around 5:15.", "2026-03-10 17:15 CDT"),
        # the end of a busy stretch, then the call asked for
        ("She's out til the 19th. Can you call back then?", "2026-03-19 09:00 CDT"),
        ("In court til 3. Text me and I'll call you when I'm out.", "2026-03-10 15:00 CDT"),
        ("w/ patients til noon, call back 12:30", "2026-03-10 12:30 CDT"),
        ("Pastor will be back in the office tomorrow after 10", "2026-03-11 10:00 CDT"),
        # a part of the day said with "at", a range whose end carries am or pm
        ("Tomorrow at lunch is ok.", "2026-03-11 12:00 CDT"),
        ("He prefers calls between 7 and 8 am before clinic", "2026-03-11 07:00 CDT"),
        ("between 6 and 7 am tomorrow", "2026-03-11 06:00 CDT"),
        ("Lunch break is 12-1. Call at 12:15 or I'll miss it.", "2026-03-10 12:15 CDT"),
        # Lebanese Arabic in Latin letters: tomorrow afternoon, after 5, at 3 o'clock, Thursday morning after 10
        ("ittasil bukra ba3d el dohr", "2026-03-11 14:00 CDT"),
        ("Ittasil fi ba3d el 5", "2026-03-10 17:00 CDT"),
        ("Ittasil fiyye el sa3a 3", "2026-03-10 15:00 CDT"),
        ("Yom el khamis el sob7 ba3d el 10", "2026-03-12 10:00 CDT"),
        # Hmong: tomorrow at 2 in the afternoon, after 5 o'clock, tonight around 7, Monday morning
        ("Hu rau kuv tag kis thaum 2 teev yav tav su.", "2026-03-11 14:00 CDT"),
        ("hu rau nws tom qab 5 teev", "2026-03-10 17:00 CDT"),
        ("Hmo no li 7 teev koj hu tau.", "2026-03-10 19:00 CDT"),
        # Polish, its "ł" read as the letter it is: Thursday afternoon, tomorrow afternoon
        ("W czwartek po południu, numer bezpośredni", "2026-03-12 14:00 CDT"),
        ("Jutro po południu proszę dzwonić", "2026-03-11 14:00 CDT"),
    ],
)
def test_the_eleventh_sets_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an appointment confirmation's own date, a reminder's
        "Appt confirmation #A55120 for Thurs 3/12 at 2pm. Reply C to confirm, R to reschedule",
        "Appointment reminder: Friday 3/13 at 9:30am with Dr. Lee.",
        # a run of days someone is open or in
        "we are closed Mondays. reach me Tues-Sat",
        "Try me Tues-Fri.",
        "reach me Mon-Thu at the shop",
        # an office reopening
        "The clinic reopens at 7:30am. Please call back during business hours",
        "We will reopen Monday March 16 at 8:00 AM.",
        # the date a card was charged
        "Not interested. Also your company charged my card $89.99 on 2/14 without permission",
        "They billed us $120 on 3/12 for nothing",
    ],
)
def test_the_eleventh_sets_times_that_are_no_proposal(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    "text",
    [
        # now that Lebanese Arabic and Hmong hours and days are read, a call that happened and opening hours still
        # give none: "you called at 3 yesterday", "you called me yesterday at 3", "we open 9 in the morning to 6"
        "Enta ittasalt el sa3a 3 mbere7 w ma trakt risale",
        "Koj hu rau kuv nag hmo thaum 3 teev. Kuv tsis xav tau",
        "Peb qhib 9 teev sawv ntxov txog 6 teev tsaus ntuj.",
    ],
)
def test_the_past_and_opening_hours_in_lebanese_arabic_and_hmong_stay_no_proposal(text):
    assert _read(text) == ""


# The thirteenth outside set: Portuguese "depois das 4", Hindi "sham ko" (in the evening), Japanese "明日の午前中"
# (tomorrow morning), a busy stretch and "you could try back after that".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Liga pro meu celular (561) 609-2744, esse número aqui é da loja. Quarta depois das 4",
            "2026-03-11 16:00 CDT",
        ),
        ("Pode ligar amanhã a partir das 3", "2026-03-11 15:00 CDT"),
        ("Papa hi motel ke owner hain. Unka number 423 265 0091 hai, sham ko call karna", "2026-03-10 18:00 CDT"),
        ("社長は今おりません。明日の午前中にお店へお電話ください。", "2026-03-11 09:00 CDT"),
        ("明日の午後3時にお電話ください", "2026-03-11 15:00 CDT"),
        (
            "I'm the receptionist. Dr. Brandt is with patients until 4. You could try back after that",
            "2026-03-10 16:00 CDT",
        ),
        ("on a roof till 2, you can call after that", "2026-03-10 14:00 CDT"),
    ],
)
def test_the_thirteenth_sets_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a number begun digit by digit and left off; "a sham" is no evening; opening hours in Portuguese
        "best way to reach me is 8-0-4... never mind, that's my old Virginia number. it's 864-271-0935",
        "call 2-1-0 and ask, I don't know the rest",
        "this whole offer is a sham",
        "A loja abre depois das 9",
    ],
)
def test_the_thirteenth_sets_near_misses_propose_nothing(text):
    assert _read(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person home or back at the desk from a time; the day said before the end of a busy stretch
        ("she's home after the kids get off the bus around 4", "2026-03-10 16:00 CDT"),
        ("he's home after 5 when the kids are done with practice", "2026-03-10 17:00 CDT"),
        ("I'm back at my desk by 3:45", "2026-03-10 15:45 CDT"),
        ("Tomorrow I'm at a closing at 10, should be done by noon. Call after", "2026-03-11 12:00 CDT"),
        ("Thursday I'm on a job till 3, call after that", "2026-03-12 15:00 CDT"),
    ],
)
def test_the_fourteenth_sets_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # home or back with no time; a busy stretch with no day before it stays today's
        ("she's home with the kids", ""),
        ("I'm back at my desk now", ""),
        ("I'm at a closing at 10, should be done by noon. Call after", "2026-03-10 12:00 CDT"),
    ],
)
def test_the_fourteenth_sets_near_misses(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Japanese weekday ("木曜日", "金曜"), this week's or next week's
        ("今週の木曜日の午後3時にお電話ください。番号は 310-327-6654 です。", "2026-03-12 15:00 CDT"),
        ("来週月曜日の午前10時以降でしたら大丈夫です。", "2026-03-16 10:00 CDT"),
        ("金曜の午後2時にお電話ください", "2026-03-13 14:00 CDT"),
        # a day's lunch is the time proposed
        ("Can you call tomorrow at lunch? (307) 733 – 5128", "2026-03-11 12:00 CDT"),
        ("Thursday at lunch? 602-845-7731", "2026-03-12 12:00 CDT"),
        ("call me friday at lunch", "2026-03-13 12:00 CDT"),
        # Russian "к 4" (by 4)
        ("Заходите в четверг к 4, адрес на сайте.", "2026-03-12 16:00 CDT"),
        ("Позвоните в пятницу, к 3 часам буду свободен", "2026-03-13 15:00 CDT"),
    ],
)
def test_the_fifteenth_sets_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a Japanese weekday off or away; the sender at lunch now, or at lunch on a day that is busy
        "月曜日は休みです",
        "水曜日はいません",
        "I'm at lunch, call me back",
        "tomorrow I'm at lunch with a client all afternoon",
    ],
)
def test_the_fifteenth_sets_near_misses(text):
    assert _read(text) == ""


# The sixteenth outside set: a refusal beside a preference, four-digit times, a bare hour asked about with its day said
# after, a week on, one day in the office, a Spanish return day, a lunch asked for, a time before the opening hour, a
# weekday in the plural.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal and a preference in one clause: the preferred piece, with a day before it that is not refused
        ("End of day is best, I'm in surgery til 4. -Dr. Kim", "2026-03-10 17:00 CDT"),
        ("I can't do tomorrow, Thursday at 10 is better", "2026-03-12 10:00 CDT"),
        ("I can't do tomorrow, 4 is better", "2026-03-10 16:00 CDT"),
        ("Call tomorrow evening, my son's game runs until 6 so 6:30 is better.", "2026-03-11 18:30 CDT"),
        # a time in four digits, typed together or apart
        ("1500 wed works. -Ray", "2026-03-11 15:00 CDT"),
        ("ok. tomorrow 1030 works, cell (916)-502-7743", "2026-03-11 10:30 CDT"),
        ("Call at 1 2 3 0 tomorrow", "2026-03-11 12:30 CDT"),
        ("give me a call at lunch 1130ish", "2026-03-10 11:30 CDT"),
        # a bare hour asked about; the day said alone after it
        ("Is 4 ok? today I mean", "2026-03-10 16:00 CDT"),
        ("Is 4 ok? tomorrow I mean", "2026-03-11 16:00 CDT"),
        ("Free Thursday morning, does 10 work?", "2026-03-12 10:00 CDT"),
        ("morning works. tomorrow. 8:45? 916-730-1212", "2026-03-11 08:45 CDT"),
        # a week on
        ("A week from today, 11am", "2026-03-17 11:00 CDT"),
        ("a week from Thursday", "2026-03-19 09:00 CDT"),
        # only in the office on one day
        ("I'm only in the office on the 20th", "2026-03-20 09:00 CDT"),
        ("he's only in on Fridays", "2026-03-13 09:00 CDT"),
        # the day someone is back, the day to call ("ese día", "that day")
        ("El dueño no está. Llame el lunes, él regresa ese día", "2026-03-16 09:00 CDT"),
        (
            "Soy la recepcionista. La Dra. Elena Ramírez regresa el 20, llámela ese día por favor.",
            "2026-03-20 09:00 CDT",
        ),
        ("I'm back on the 20th, call me that day", "2026-03-20 09:00 CDT"),
        ("llame el 20 a las 3", "2026-03-20 15:00 CDT"),
        # a lunch asked for
        ("call at lunch tmrw 12:15", "2026-03-11 12:15 CDT"),
        ("call me at lunch", "2026-03-10 12:00 CDT"),
        ("ok call me at lunch, like 1230", "2026-03-10 12:30 CDT"),
        # before the opening hour, the time said after it
        ("Best to catch me before we open at 11, so like 10:30 tmrw", "2026-03-11 10:30 CDT"),
        ("Tmrw before we open at 10, like 9:30", "2026-03-11 09:30 CDT"),
        ("tmrw b4 9 pls, like 8:30. on a job site after that", "2026-03-11 08:30 CDT"),
        ("call me tomorrow before we open at 11", "2026-03-11 10:00 CDT"),
        # a weekday in the plural: the next one
        (
            "Not me, I just answer the phone here. The person u want is the owner Mrs Delgado, she's in after 2 on "
            "thursdays",
            "2026-03-12 14:00 CDT",
        ),
        ("She comes in Saturdays around 10, you can catch her then", "2026-03-14 10:00 CDT"),
        ("Wednesdays are best for me.", "2026-03-11 09:00 CDT"),
        # a length is no time: "maybe 10 min around 12:15"
        ("Between patients I have maybe 10 min around 12:15. Tomorrow?", "2026-03-11 12:15 CDT"),
    ],
)
def test_the_sixteenth_sets_ways_of_proposing_a_time(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or a time said to be bad, a day off, a week or a month with no day
        ("Maybe after tax season lol. April 15 is not a great time to call an accountant", ""),
        ("Tomorrow isn't a good time", ""),
        ("I'm off Friday", ""),
        ("I'm off Fridays", ""),
        ("early next week", ""),
        ("first thing next week", ""),
        ("early April works", ""),
        ("early next month. we end the fiscal year on the 30th and I'll have budget after", ""),
        ("call me early tomorrow", "2026-03-11 08:00 CDT"),
        ("Not a good time we're doing inventory. Maybe the 18th?", "2026-03-18 09:00 CDT"),
        ("Thursday is no good, how about Friday 2ish", "2026-03-13 14:00 CDT"),
        # a refusal with no time preferred beside it
        ("I'm in court til 3, email is best", ""),
        ("Tomorrow's no good, I'm in court", ""),
        # four digits that are a phone's, an address's, an extension's or a year
        ("can you call 555 0134 tomorrow at 10", "2026-03-11 10:00 CDT"),
        ("I'm at 1420 County Rd 212, come by tomorrow", "2026-03-11 09:00 CDT"),
        ("The ext is 2231, call tomorrow", "2026-03-11 09:00 CDT"),
        ("Is this the same Sam from the 2024 trade show in Vegas?", ""),
        # a bare number that is no hour; a day that is excluded, or says something of its own, after the time
        ("my daughter is 4 ok", ""),
        ("plan 2 works for us", ""),
        ("after 3:30 any day but Thursday. 316-555-0128", "2026-03-10 15:30 CDT"),
        ("Call me at 3. Tomorrow I'm out", "2026-03-10 15:00 CDT"),
        # not in that day, or in only at an hour; a return with no call asked for
        ("I'm not in the office on the 20th", ""),
        ("he's only in the office before 8am. Better to email: office@boudreauxelectric.com", ""),
        ("El dueño regresa el lunes", ""),
        ("I'm busy that day", ""),
        ("llámeme el 12 de marzo a las 7 de la mañana", "2026-03-12 07:00 CDT"),
        # the sender at lunch; the opening hour alone
        ("I'm at lunch, call me back", ""),
        ("we open at 11", ""),
        # a weekday in the plural said of a habit
        ("Trivia Tuesdays", ""),
        ("yes please, Thursdays are dead for us", ""),
        ("This is my work phone, I only check it Mondays.", ""),
        ("Don't stop by the shop before 11am on Saturdays, we open late!", ""),
        ("we are closed mondays", ""),
    ],
)
def test_the_sixteenth_sets_near_misses(text, expected):
    assert _read(text) == expected
