"""Revocations in the languages people text US businesses in, one table a language.

The FCC revocation rule honours a revocation made by any reasonable means, in any language. Each table below lists
the families of a revocation in one language: "stop sending", "don't send/write/contact again", "delete my number",
"take me off your list", "leave me alone", "I never gave you permission", "I'll report you", a relative's request
relayed. Every entry is ``(fragment, guard)``: a raw-string regular-expression fragment, written accent-free the way
replies are read (``compliance.folded``: "numero" not "número", "nao" not "não"; scripts without combining marks are
kept), and the guard ``compliance._phrase_hit`` applies ("none": an explicit request; "negation": an English
negation or "don't stop" just before it inverts it).

Every alternative of a fragment holds a literal word (three letters or more, or a letter of another script), so
``compliance._gated_phrases`` only searches replies that contain one of them. The module imports nothing from
``compliance``: ``revocation_entries`` takes its compiler (``compliance._re``) as an argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Entry = tuple[re.Pattern[str], str]

PORTUGUESE = (
    # "Não autorizei vocês a me mandar mensagem" (I did not authorise you to text me)
    (
        r"\b(?:nao|nunca)\s+(?:lhes?\s+|te\s+|vos\s+)?(?:autorizei|autorizamos|dei\s+(?:permissao|autorizacao"
        r"|consentimento))\b(?=[^.!?]{0,40}\b(?:mand|envi|mensag|contat|contact|sms|escrev|ligar|msg))",
        "none",
    ),
    # "pediu pra vocês pararem de mandar mensagem" (asked you to stop sending messages)
    (r"\b(?:voces|vcs|vc|voce)\s+pararem?\s+de\s+(?:me\s+|lhe\s+|nos\s+)?(?:mandar|enviar|escrever)\b", "none"),
    # "Deixem-me em paz", "me deixa em paz" (leave me in peace); "isto é assédio" (this is harassment)
    (r"\b(?:deixem|deixe|deixa)[\s-]*(?:me|nos)\s+em\s+paz\b|\b(?:me|nos)\s+deix(?:em|e|a)\s+em\s+paz\b", "none"),
    (r"\b(?:isto|isso)\s+e\s+assedio\b", "none"),
    # "removam o meu contacto da vossa lista" (remove my contact from your list), Portugal's "contacto", "telemóvel"
    (
        r"\b(?:removam|remova|retirem|retire|tirem|tire|apaguem|apague|excluam|exclua)\s+(?:o\s+)?(?:meu|nosso)\s+"
        r"(?:contacto|contato|telemovel|telefone|numero)\b",
        "none",
    ),
    (
        r"\b(?:removam|remova|retirem|retire|tirem|tire|tira)[\s-]*(?:me|nos)\s+(?:da|das|de)\s+(?:\w+\s+)?listas?\b",
        "none",
    ),
)

FRENCH = (
    # "Je ne vous ai jamais donné mon accord pour m'écrire" (I never gave you my consent to write to me)
    (
        r"\bai\s+(?:jamais|pas)\s+donne\s+(?:mon\s+|ma\s+|d'?)?(?:accord|autorisation|permission|consentement)\b"
        r"(?=\s*(?:[.!,;]|$)|[^.!?]{0,30}\b(?:ecri|contact|envoy|messag|texto|sms|numero))",
        "none",
    ),
    # "Foutez-moi la paix", "laissez-moi tranquille" (leave me alone); "c'est du harcèlement" (it's harassment)
    (
        r"\b(?:foutez|fichez|laissez|fous|fiche|laisse)[\s-]*(?:moi|nous)\s+(?:la\s+paix|tranquilles?)\b"
        r"|\bc'?est\s+du\s+harcelement\b",
        "none",
    ),
    # "Merci de retirer notre cabinet de votre liste d'envoi" (please take our office off your mailing list); not
    # "retirez l'ancien prix de mon annonce"
    (
        r"\b(?:retirer|retirez|retire|enlever|enlevez|supprimer|supprimez|rayer|rayez)[\s-]+(?:moi|nous|(?:notre|nos|mon|ma"
        r"|mes)\s+(?:[\w'-]+\s+){0,2}?)?(?:de|des)\s+(?:votre|vos|la|cette|ta|tes)\s+(?:liste|listes|fichier|base)\b",
        "negation",
    ),
    # "je (ne) veux plus recevoir vos textos" (I no longer want your texts)
    (
        r"\b(?:veux|voulons|souhaite|souhaitons)\s+plus\s+(?:jamais\s+)?(?:recevoir|avoir)\s+(?:vos|de|des|ces)\s+"
        r"(?:textos?|sms|messages?|textes?)\b",
        "none",
    ),
)

HAITIAN_CREOLE = (
    # "Kite m anpè" (leave me in peace); "m ap rapòte nou" (I'll report you)
    (r"\bkite\s+(?:m|mwen|nou)\s+an\s*pe\b|\b(?:m|mwen)\s+(?:ap|pral|pra|va)\s+rapote\s+(?:nou|ou|w|yo)\b", "none"),
    # "M pa janm ba w pèmisyon" (I never gave you permission)
    (r"\bpa\s+(?:janm\s+)?(?:ba|bay|te\s+ba)\s*(?:w|ou|nou)\s+(?:pemisyon|otorizasyon)\b", "none"),
    # "pa kontakte m ankò" (don't contact me again)
    (r"\bpa\s+(?:janm\s+)?(?:kontakte|tekste)\s+(?:m|mwen|nou|li|l)\b", "none"),
)

ITALIAN = (
    # "Non vi ho mai dato il permesso" (I never gave you permission)
    (
        r"\bho\s+mai\s+dato\s+(?:il\s+)?(?:permesso|consenso|autorizzazione)\b"
        r"|\bnon\s+(?:vi|ti|le|gli)\s+ho\s+dato\s+(?:il\s+)?(?:permesso|consenso|autorizzazione)\b",
        "none",
    ),
    # "Lasciatemi in pace" (leave me in peace); "vi denuncio" (I'll report you)
    (r"\blasciate?(?:mi|ci)\s+in\s+pace\b|\b(?:mi|ci)\s+lasci(?:ate)?\s+in\s+pace\b|\bvi\s+denuncio\b", "none"),
    # "non contattatemi mai più" (never contact me again)
    (r"\bnon\s+(?:mi\s+)?contatta(?:temi|teci|rmi|rci|te)\b", "none"),
)

GERMAN = (
    # "Hören Sie auf, mir Nachrichten zu schicken" (stop sending me messages)
    (r"\b(?:horen|hort|hoeren|hoert|hor)\s+(?:sie\s+|ihr\s+)?(?:endlich\s+)?auf\W+(?:mir|uns)\b", "none"),
    # "Nehmen Sie mich von Ihrer Liste" (take me off your list)
    (
        r"\b(?:nehmen|nehmt|nimm|streichen|streicht)\s+(?:sie\s+)?(?:mich|uns)\s+(?:von|aus)\s+"
        r"(?:ihrer|eurer|der|deiner)\s+(?:liste|verteiler)",
        "none",
    ),
    # "Ich habe Ihnen nie die Erlaubnis gegeben" (I never gave you permission)
    (
        r"\b(?:nie|keine)\s+(?:die\s+|meine\s+)?(?:erlaubnis|einwilligung|zustimmung)\s+(?:gegeben|erteilt)\b"
        r"|\bhabe\s+(?:ihnen|euch|dir)\s+(?:nie|nicht|keine)\s+(?:die\s+|meine\s+)?(?:erlaubnis|einwilligung"
        r"|zustimmung)\b",
        "none",
    ),
    # "Lasst mich in Ruhe" (leave me alone); "das ist Belästigung" (this is harassment)
    (r"\b(?:lasst|lassen\s+sie|lass)\s+(?:mich|uns)\s+(?:endlich\s+)?in\s+ruhe\b|\bdas\s+ist\s+belastigung\b", "none"),
    # "kontaktieren Sie mich nie wieder" (never contact me again)
    (r"\bkontaktier\w*\s+(?:sie\s+|ihr\s+)?(?:mich|uns)\s+(?:nie|nicht)\s+(?:wieder|mehr)\b", "none"),
)

POLISH = (
    # "Nie dawałem zgody na SMS-y" (I never consented to texts); "ł" has no accent to drop
    (
        r"\bnie\s+(?:dawa[lł](?:em|am)|da[lł](?:em|am)|wyrazi[lł](?:em|am))\s+(?:wam\s+|panstwu\s+)?(?:zgody|pozwolenia)\b",
        "none",
    ),
    # "żebyście przestali do niej pisać" (that you stop writing to her)
    (r"\b(?:zebyscie|zeby\s+(?:pan|pani|panstwo)|byscie)\s+przesta(?:li|[lł]y|[lł]i|[lł])\b", "none"),
    # "znowu spam" (spam again), "to jest spam" (this is spam), "kolejny spam" (another spam), "zgłaszam jako spam"
    # (I'm reporting it as spam): spam said of our text; not "czy to spam?" (is this spam?), a question, nor a bare "to
    # spam", which is English's "to spam my own customers"
    (
        r"\b(?:znowu|znow|kolejny|kolejna|jakis|ciagle|ciagly)\s+spam\b"
        r"|(?<!czy\s)\bto\s+(?:jest\s+(?:zwykly\s+|kolejny\s+)?|zwykly\s+|kolejny\s+)spam\b(?!\s*\?)"
        r"|\bzg[lł]asza(?:m|my)\s+(?:[\w-]+\s+){0,3}?jako\s+spam\b",
        "none",
    ),
)

RUSSIAN = (
    # "Не присылайте" (don't send), "не беспокойте" (don't bother me); not "не звоните" (calls only)
    (r"\bне\s+(?:присылайте|присылай|отправляйте|отправляй|шлите|шли|беспокойте|беспокой|тревожьте)\b", "none"),
    # "Уберите меня из вашего списка" (take me off your list), "исключите мой номер" (remove my number)
    (r"\b(?:уберите|удалите|исключите|вычеркните)\s+(?:меня|мой\s+номер|наш\s+номер)\b", "none"),
    # "Я не давал согласия" (I did not consent)
    (r"\bне\s+давал[аи]?\s+(?:вам\s+)?(?:согласи[яе]|разрешени[яе])\b", "none"),
    # "больше ей не писать" (not to write to her any more), "чтобы ей больше ничего не присылали" (that nothing more be
    # sent to her), "больше не пишите"
    (
        r"\bбольше\s+(?:(?:ей|ему|нам|мне|им)\s+)?(?:ничего\s+)?не\s+(?:писать|присылать|отправлять|беспокоить|присылал\w*"
        r"|присылайте|пишите|писали|отправля\w*)\b",
        "none",
    ),
    # "Отстаньте от меня", "оставьте меня в покое" (leave me alone)
    (r"\bотстаньте\b|\bоставьте\s+(?:меня|нас)\s+в\s+покое\b", "none"),
)

UKRAINIAN = (
    # "Приберіть мене зі списку" (take me off the list), "видаліть мій номер" (delete my number)
    (r"\b(?:приберіть|видаліть|виключіть|викресліть)\s+(?:мене|мій\s+номер)\b", "none"),
    # "Я не давав згоди" (I did not consent)
    (r"\bне\s+дава(?:в|ла|ли)\s+(?:вам\s+)?(?:згоди|дозволу)\b", "none"),
    # "щоб ви їй більше не писали" (that you stop writing to her)
    (r"\bбільше\s+(?:(?:їй|йому|нам|мені|їм)\s+)?не\s+(?:писали|писати|надсилали|надсилати|турбували)\b", "none"),
    # "Дайте мені спокій" (leave me in peace)
    (r"\bдайте\s+(?:мені|нам)\s+спокій\b", "none"),
)

ROMANIAN = (
    # "Nu v-am dat voie să-mi scrieți" (I did not allow you to write to me)
    (r"\bnu\s+v-?\s*am\s+dat\s+(?:voie|permisiunea|acordul)\b", "none"),
    # "să nu-i mai scrieți" (not to write to her again)
    (r"\bsa\s+nu(?:-?(?:mi|i|ne))?\s+mai\s+(?:scrieti|trimiteti|contactati)\b", "none"),
    # "Lăsați-mă în pace" (leave me in peace); "vă raportez" (I'll report you)
    (r"\blasati-?\s*ma\s+in\s+pace\b|\bva\s+raportez\b", "none"),
)

SERBO_CROATIAN = (
    # "Nisam vam dao dozvolu" (I did not give you permission)
    (r"\bnisam\s+(?:vam\s+|ti\s+)?(?:dao|dala|dal)\s+(?:dozvolu|pristanak|saglasnost|suglasnost|odobrenje)\b", "none"),
    # "da joj više ne pišete" (that you no longer write to her)
    (r"\bvise\s+(?:(?:joj|mu|nam|mi|im)\s+)?ne\s+(?:pisete|saljete|pisite)\b", "none"),
    # "Ostavite me na miru" (leave me alone); "prijavit ću vas" (I'll report you)
    (r"\bostavi(?:te)?\s+(?:me|nas)\s+na\s+miru\b|\bprijavi(?:t|ti)?\s*cu\s+vas\b|\bprijavicu\s+vas\b", "none"),
)

ALBANIAN = (
    # "Më hiqni nga lista" (take me off the list)
    (r"\b(?:me|na)\s+hiq(?:ni|e)\s+nga\b|\bhiq(?:ni|e)\s+numrin\b", "none"),
    # "Ndaloni së dërguari mesazhe" (stop sending messages), not after "mos" (don't stop)
    (r"(?<!\bmos\s)\bndalo(?:ni)?\s+(?:se\s+)?(?:derguari|shkruari|dergimin)\b", "none"),
    # "Nuk ju kam dhënë leje" (I did not give you permission)
    (r"\bnuk\s+(?:ju|te)\s+kam\s+dhene\s+(?:leje|pelqim)\b", "none"),
    # "mos i shkruani më" (don't write to her again)
    (r"\bmos\s+(?:i|na)\s+(?:shkruani|dergoni|shqetesoni)\b", "none"),
    # "Më lini të qetë" (leave me alone); "do ju denoncoj" (I'll report you)
    (r"\b(?:me|na)\s+lini\s+(?:te\s+)?qete\b|\bdo\s+(?:t'?)?ju\s+denoncoj\b", "none"),
)

GREEK = (
    # "Βγάλτε με από τη λίστα" (take me off the list); final sigma is read as "σ" (casefolded)
    (r"\b(?:βγαλτε|βγαλε|διαγραψτε|αφαιρεστε)\s+(?:με|μασ)\b", "none"),
    # "Δεν σας έδωσα άδεια" (I did not give you permission)
    (r"\bδεν\s+(?:σασ\s+)?(?:εδωσα|δωσαμε|εδωσαμε)\s+(?:αδεια|συγκαταθεση)\b", "none"),
    # "να μην της ξαναστείλετε" (not to send to her again)
    (r"\bμην?\s+(?:\w+\s+)?ξαναστ(?:ειλ|ελν)\w*", "none"),
    # "Αφήστε με ήσυχο" (leave me alone); "θα σας καταγγείλω" (I'll report you)
    (r"\bαφηστε\s+(?:με|μασ)\s+(?:ησυχ\w*|στην\s+ησυχια)|\bθα\s+σασ\s+καταγγειλω\b", "none"),
    # Greeklish "stamatiste na mou stelnete" (stop sending me)
    (r"\bstamat(?:iste|a|hste)\s+na\s+(?:mou|mas)\s+(?:stelnete|grafete|stelneis)\b", "none"),
)

ARMENIAN = (
    # "Հանեք ինձ" (take me off), "ցուցակից հանեք" (remove from the list)
    (r"հանեք\s+(?:ինձ|մեզ)|ցուցակից\s+հանեք", "none"),
    # "թույլտվություն չեմ տվել" (I did not give permission)
    (r"թույլտվություն\s+չեմ\s+տվել|չեմ\s+տվել\s+թույլտվություն", "none"),
    # "Հանգիստ թողեք ինձ" (leave me alone)
    (r"հանգիստ\s+թողեք|թողեք\s+(?:ինձ|մեզ)\s+հանգիստ", "none"),
    # romanised "jnjeq im hamary" (delete my number), "mi greq indz" (don't write to me)
    (r"\bjnjeq\s+(?:im|mer)\s+hamar\w*|\bmi\s+greq\s+(?:indz|mez)\b|\bhaneq\s+(?:indz|mez)\b", "none"),
)

TURKISH = (
    # "bir daha yazmayın" (don't write again), "mesaj atmayın" (don't text); not "aramayın" (calls only)
    (r"\b(?:yazmay[iı]n|yazmay[iı]n[iı]z|gondermey[iı]n)\b", "none"),
    # "Size izin vermedim" (I did not give you permission)
    (r"\bizin\s+vermedi(?:m|k)\b", "none"),
    # "mesaj atmamanızı söylüyor" (says you are not to text)
    (r"\b(?:atmaman[iı]z[iı]|gondermemeniz[iı]|yazmaman[iı]z[iı])\b", "none"),
    # "Beni rahat bırakın" (leave me alone); "şikayet edeceğim" (I'll complain)
    (r"\bbeni\s+rahat\s+b[iı]rak\w*|\bsikayet\s+edece(?:gim|giz)\b", "none"),
)

ARABIC = (
    # "لم أعطكم إذنا" (I did not give you permission), Gulf and Levantine "ما عطيتكم إذن"
    (r"لم\s+(?:أعطكم|أعطيكم|أعطك)\s+إذن|ما\s+(?:عطيتكم|أعطيتكم|عطيتك)\s+إذن", "none"),
    # Levantine "ما بدي رسايل", Egyptian "مش عايز رسايل", Gulf "ما أبي مسجات" (I don't want messages)
    (
        r"(?:ما|مش|مو)\s+(?:بدي|بدنا|عايز|عاوز|أبي|أبغى|بغيت|بغيتش)\s+(?:رسايل|رسائل|مسجات|ميساجات|رسالة)",
        "none",
    ),
    # Egyptian "متبعتليش", Maghrebi "ما تبعثليش" (don't send me), "لا تبعتلي رسايل" (don't send me messages); not
    # "ليش ما تبعتلي التفاصيل؟" (why don't you send me the details?)
    (
        r"(?:متبع[تث]|ما\s+تبع[تث])(?:لي|ولي)ش|لا\s+تبع[تث](?:لي|ولي)\s+(?:رسايل|رسائل|مسجات|ميساجات|تاني|ثاني)",
        "none",
    ),
    # "اتركوني في حالي", Egyptian "سيبوني في حالي", Gulf "خلوني في حالي" (leave me alone);
    # "سأبلغ عنكم" (I'll report you)
    (r"(?:اتركو?ني|سيبو?ني|خلو?ني)\s+(?:في|ف|فى)\s+حالي|(?:سأبلغ|سوف\s+أبلغ|هبلغ)\s+عنكم", "none"),
    # Arabizi "ballesh tba3atli" (stop sending me), "em7i ra2mi" (delete my number)
    (r"\b(?:ballesh|balesh|balash|ballash|blash|bala4)\s+t[a-z0-9]*", "none"),
    (r"\b(?:em7i|im7i|im7o|em7o|imsa7|shil|sheel|shilo|sheelo)\s+(?:ra2mi|raqmi|rakmi|nemrti|nmrti)\b", "none"),
)

FARSI_DARI = (
    # "منو از لیستتون حذف کنید" (remove me from your list)
    (r"(?:منو|مرا|منرو|من\s+رو)\s+(?:از\s+\S+\s+)?(?:حذف|پاک|خارج)\s+(?:کنید|کن|کنین|بکنید)", "none"),
    # "من اجازه ندادم" (I did not give permission); "مزاحم نشید" (don't bother me)
    (r"اجازه\s+(?:ندادم|ندادیم|نداده\s*ام)|مزاحم\w*\s+(?:نشید|نشو|نشین|نشوید)", "none"),
    # romanised "shomaramo pak konid" (delete my number), "payam nadid" (don't message)
    (
        r"\b(?:shomaramo|shomare\s+mano|shomareye\s+mano|shomaram\s+ro)\s+(?:pak|hazf)\s+(?:kon|konid|konin)\b"
        r"|\bpayam\s+(?:nadid|nadin|nafrestid|nafrestin|nafres)\b",
        "none",
    ),
)

PASHTO = (
    # "زما شمیره ړنګه کړئ" (delete my number); "له لیست نه وباسئ" (take off the list)
    (r"شمیره\s+(?:ړنګه|پاکه|ورکه|حذف)|(?:لیست|لست)\s+(?:نه|څخه)\s+(?:وباسئ|وباسه|وباسي)", "none"),
    # "ما ته مه لیکئ" (don't write to me), "مه لیږئ" (don't send); not "زنګ مه وهئ" (calls only)
    (r"مه\s+(?:لیکئ|لیکه|لیږئ|لیږه|رالیږئ|رالیږه)", "none"),
    # romanised "ma legay" (don't send), "zama number delete kray" (delete my number)
    (r"\bma\s+(?:legay|legai|lege|lekay|lekai|raleg\w*)\b", "none"),
    (r"\b(?:zama|zma)\s+(?:number|numbar|shmera|shmira)\s+(?:delete|pak|hazf|rang)\w*", "none"),
)

SOUTH_ASIAN_ROMANISED = (
    # Hinglish, Urdu, Punjabi, Gujarati, Bengali, Tamil, Malayalam: "mera number delete karo", "mera number hata deo",
    # "maro number kadhi nakho", "amar number muche din", "en number-ai delete pannunga" (delete my number)
    (
        r"\b(?:mera|mere|hamara|humara|sada|saada|maro|amaro|amar|amader|en|enga|ente|mero)\s+"
        r"(?:number|nmbr|nambar|nombor|nomber)(?:-?ai|-?a)?\s+(?:delete|remove|hata\w*|kat|kaat|mita\w*|kadhi"
        r"|kadho|muche|muchhe|neekku|nikku|kalay\w*|pak)\b",
        "none",
    ),
    # Hinglish with no "my": "Number delete karo", "number hata do" (delete the number), "bas karo ... message" (enough
    # with the messages)
    (
        r"\b(?:number|nmbr|nambar)\s+(?:delete|remove|hata|hatao|mita)\s+(?:karo|kro|kar\s+do|kardo|karein|kijiye|do|deo)\b"
        r"|\bbas\s+(?:karo|kro|kijiye)\b[^.!?]{0,30}\b(?:message|messages|msg|sms)\b",
        "none",
    ),
    # Hinglish "pareshan mat karo", "tang na karo" (don't bother me)
    (r"\b(?:pareshan|paresan|tang)\s+(?:mat|na|naa)\s+(?:karo|kro|karein|karen|kijiye)\b", "none"),
    # Gujarati "moklva nahi" (not to send); Bengali "pathaben na" (don't send)
    (r"\bmokl(?:va|sho|so)\s+(?:nahi|nai|na)\b|\bpatha(?:ben|bi|bo|io|iyo|be)\s+na\b", "none"),
    # Tamil "message anuppa vendam", "anuppatheenga" (don't send)
    (
        r"\b(?:message|messages|msg|sms)\s+(?:anuppa|anupa|panna)\s+(?:vendam|vendaam|venam|venaam)\b"
        r"|\banupp?a(?:theenga|thinga|dheenga|dhinga|theengal)\b",
        "none",
    ),
    # Telugu "pampoddu", "pampakandi" (don't send); Malayalam "ayakkaruthu", "ayakkanda" (don't send)
    (r"\bpamp(?:oddu|akandi|akundi|avaddu|akkandi|odhu)\b|\bayakk?a(?:ruthu?|ruthe|nda|nde)\b", "none"),
)

SOUTH_ASIAN_SCRIPTS = (
    # Urdu "تنگ نہ کریں" (don't bother me), "اجازت نہیں دی" (did not give permission)
    (r"تنگ\s+(?:نہ|مت)\s+(?:کریں|کرو|کیجیے|کیجئے)|اجازت\s+نہیں\s+دی", "none"),
    # Hindi "अनुमति नहीं दी" (did not give permission), "परेशान मत करो" (don't bother me)
    (r"(?:अनुमति|इजाज़त|इजाजत|परमिशन)\s+नहीं\s+दी|(?:परेशान|तंग)\s+(?:मत|न)\s+(?:करो|करें|करिए|कीजिए)", "none"),
    # Punjabi "ਨੰਬਰ ਹਟਾ ਦਿਓ" (remove the number), "ਤੰਗ ਨਾ ਕਰੋ" (don't bother me)
    (r"ਨੰਬਰ\s+(?:ਹਟਾ|ਕੱਟ|ਡਿਲੀਟ|ਮਿਟਾ)|ਤੰਗ\s+(?:ਨਾ|ਨ)\s+(?:ਕਰੋ|ਕਰਿਓ)", "none"),
    # Gujarati "હેરાન ન કરો" (don't bother me)
    (r"હેરાન\s+(?:ન|ના|નહીં)\s+(?:કરો|કરશો)", "none"),
    # Bengali "আর বিরক্ত করবেন না" (don't bother me any more); alone, after "who?", it is held for a person
    (r"আর\s+(?:\S+\s+)?বিরক্ত\s+(?:করবেন|কোরো|করো|করিস)\s+না", "none"),
    # Nepali "दुःख नदिनुहोस्", "दिक्क नगर्नुहोस्" (don't bother me)
    (r"(?:दुःख|दु:ख|दिक्क|हैरान)\s+(?:नदिनु|नदेउ|नदिनुस|नगर्नु|नगर)", "none"),
    # Tamil "நம்பரை நீக்குங்கள்" (delete the number), "தொந்தரவு செய்யாதீர்கள்" (don't bother me)
    (
        r"(?:நம்பரை|எண்ணை|நம்பர)\s*(?:நீக்கு|டிலீட்|அழி)"
        r"|தொந்தரவு\s+(?:செய்யாத|பண்ணாத|செய்ய\s+வேண்டாம்|பண்ண\s+வேண்டாம்)",
        "none",
    ),
    # Telugu "నంబర్ తొలగించండి" (delete the number), "ఇబ్బంది పెట్టకండి" (don't bother me)
    (r"నంబర్\s+(?:తొలగించ|డిలీట్|తీసేయ)|ఇబ్బంది\s+పెట్ట(?:కండి|కు|వద్దు)", "none"),
    # Malayalam "മെസേജ് അയക്കരുത്" (don't send messages), "നമ്പർ ഡിലീറ്റ്" (delete the number), "ശല്യപ്പെടുത്തരുത്" (don't bother)
    (
        r"(?:മെസേജ്|മെസ്സേജ്|സന്ദേശം|മെസേജുകൾ)\s+(?:അയക്കരുത്|അയയ്ക്കരുത്|അയക്കണ്ട)"
        r"|നമ്പർ\s+(?:ഡിലീറ്റ്|നീക്ക|കളയ)|ശല്യപ്പെടുത്ത(?:രുത്|ല്ലേ)|ശല്യം\s+ചെയ്യരുത്",
        "none",
    ),
)

CHINESE = (
    # "我没有同意接收你们的短信" (I never agreed to receive your texts), "未经我同意" (without my consent)
    (
        r"没有?同意(?:接收|收|你们|你|给)|沒有?同意(?:接收|收|你們|你|給)|未经(?:我|本人)?的?(?:同意|允许)|未經(?:我|本人)?的?(?:同意|允許)",
        "none",
    ),
    # "不要再联系我", "别再联系", Cantonese "唔好再搵我" (don't contact me again)
    (r"不要再?联系我|别再联系|不要再?聯絡|別再聯絡|唔好再(?:搵|联络|聯絡)", "none"),
    # "举报你们", "投诉你们" (I'll report you); "垃圾短信，已举报" (spam texts, reported; not "垃圾短信" alone,
    # an insult, nor a question whether something was reported)
    (
        r"举报你们|舉報你們|投诉你们|投訴你們|已(?:经)?举报(?!了?吗|\s*[?？])|已(?:經)?舉報(?!了?嗎|\s*[?？])",
        "none",
    ),
    # Jyutping "m ho zoi send" (don't send again)
    (r"\bm\s*(?:ho|hou)\s+(?:zoi|joi|zai)\s+(?:send|sen|fat|faat)\b", "none"),
)

JAPANESE = (
    # "リストから外してください" (take me off the list); "通報します" (I'll report you); "迷惑です" (this is a nuisance)
    (r"(?:リスト|名簿)から(?:外し|削除|消し|抜い)|通報します|迷惑です", "none"),
    # romanised "okuranaide" (don't send), "renraku shinaide" (don't contact)
    (r"\bokuranai(?:de|dekudasai)\b|\brenraku\s+shinaide\b", "none"),
)

KOREAN = (
    # "명단에서 빼주세요" (take me off the list); "동의한 적 없습니다" (I never agreed); "신고할게요" (I'll report you)
    (
        r"(?:명단|목록|리스트)에서\s*(?:빼|삭제|제외)|동의한\s*적\s*(?:없|이\s*없)|신고\s*(?:할게|하겠|할거|할\s*거)",
        "none",
    ),
    # romanised "beonho sakje" (delete the number)
    (r"\b(?:beonho|bunho)\s+sakje\b", "none"),
)

VIETNAMESE = (
    # "Tôi không cho phép các bạn nhắn tin" (I don't allow you to text)
    (r"\bkhong\s+(?:he\s+)?cho\s+phep\s+(?:\w+\s+){0,3}(?:nhan\s+tin|gui|lien\s+lac)\b", "none"),
    # "để tôi yên" (leave me alone); "tôi sẽ báo cáo" (I will report it)
    (r"\b(?:đe|de)\s+(?:toi|tui|em|anh|chi)\s+yen\b|\btoi\s+se\s+bao\s+cao\b", "none"),
)

TAGALOG = (
    # "Tanggalin nyo ako sa listahan" (take me off the list), "alisin number ko" (remove my number)
    (
        r"\b(?:tanggalin|alisin|burahin)\s+(?:(?:nyo|niyo|mo|na|po)\s+)*(?:ako|kami|number\s+ko|numero\s+ko)\b",
        "none",
    ),
    # "Di ako pumayag" (I did not agree)
    (r"\b(?:di|hindi)\s+(?:ako|kami)\s+(?:pumayag|nagbigay\s+ng\s+(?:permiso|pahintulot))\b", "none"),
    # "wag na daw kayong mag-text", "wag nyo na ko itext" (don't text me any more)
    (
        r"\b(?:wag|huwag|hwag)\s+(?:(?:na|po|daw|raw|nyo|niyo|mo|kayo|kayong|kang|ka|ako|akong|ko|kami|kaming)\s+){0,5}"
        r"(?:mag[\s-]?|i[\s-]?)?(?:text|txt|message|mensahe|chat)\w*\b",
        "none",
    ),
)

ILOCANO = (
    # "Dika kuma agitext kaniak" (don't text me), "Saan mo nga itext kaniak" (don't text me)
    (
        r"\b(?:dika|dikay|dikayo|saan\s+mo|saan\s+kayo)\s+(?:(?:kuma|nga|kadi)\s+)*(?:ag)?(?:i[\s-]?)?"
        r"(?:text|txt|mensahe|message)\w*\s+(?:kaniak|kadakami)\b",
        "none",
    ),
    # "Saanakon nga i-text" (don't text me any more); "Dinak kuma riribuken" (don't bother me)
    (r"\bsaanak(?:on)?\s+nga\s+(?:i[\s-]?)?text|\bdinak\s+(?:kuma\s+)?(?:riribuken|riribok|buybuyaen)\b", "none"),
    # "Ikkatennak iti listaan" (take me off the list)
    (r"\bikkaten(?:nak|dak|nakami)\b", "none"),
)

THAI_LAO_KHMER_BURMESE = (
    # Thai "เอาเบอร์ฉันออก" (take my number off), "ออกจากรายชื่อ" (off the list)
    (r"เอา(?:เบอร์|ชื่อ)\S{0,8}ออก|ออกจาก(?:รายชื่อ|ลิสต์)", "none"),
    # Thai "อย่าติดต่อ" (don't contact), "อย่าส่งมา" (don't send it here); not "อย่าโทร" (calls only) nor
    # "อย่าส่งพัสดุไปที่อยู่เก่า" (don't send the parcel to the old address)
    (r"อย่า(?:ติดต่อ|ทัก|แชท|ส่ง(?:มา|ข้อความ|แชท|sms))", "none"),
    # Thai "ไม่ได้อนุญาต" (I did not allow it)
    (r"ไม่ได้(?:อนุญาต|ยินยอม)", "none"),
    # Lao "ບໍ່ຕ້ອງສົ່ງ" (no need to send), "ຢ່າສົ່ງ" (don't send), "ຢ່າຕິດຕໍ່" (don't contact)
    (r"ບໍ່ຕ້ອງ(?:ສົ່ງ|ຕິດຕໍ່)|ຢ່າ(?:ຕິດຕໍ່|ສົ່ງ(?:ມາ|ຂໍ້ຄວາມ))", "none"),
    (r"\bbor?\s+tong\s+song\b", "none"),
    # Khmer "លុបលេខ" (delete the number), "កុំផ្ញើ" (don't send), "កុំទាក់ទង" (don't contact), "កុំរំខាន" (don't bother)
    (r"លុប(?:លេខ|ឈ្មោះ)|កុំ(?:ផ្ញើ|ទាក់ទង|រំខាន)", "none"),
    (r"\bkom\s+(?:pnhaer|pnhae|phnhae|phnhaer|pnha)\b", "none"),
    # Burmese "နံပါတ်ကို ဖျက်" (delete the number), "စာရင်းထဲက ဖယ်" (take off the list), "အနှောင့်အယှက်မပေး" (don't bother)
    (r"(?:နံပါတ်|နံပတ်)\S*\s*ဖျက်|စာရင်း\S*\s*(?:ဖယ်|ထုတ်)|အနှောင့်အယှက်\s*မပေး", "none"),
    # romanised Burmese "ma po par nae" (don't send)
    (r"\bma\s?(?:po|poh|pho)\s+(?:par|pa)\s+nae\b", "none"),
)

HMONG = (
    # "tsis txhob text kuv", "tsis txhob hu thiab xa xov" (don't call or text); not "tsis txhob hu," (calls only)
    (
        r"\btsis\s+txhob\s+(?:(?:hu|thiab|tuaj|rau|kuv)\s+){0,4}(?:xa\s+xov|text|sau\s+ntawv)\b",
        "none",
    ),
    # "Rho kuv tus xov tooj tawm" (remove my number), "Tshem kuv tawm" (take me off)
    (r"\b(?:rho|tshem|lwv)\s+kuv\s+(?:tus\s+xov\s+tooj|npe|tawm)\b", "none"),
    # "Cia kuv nyob twj ywm" (leave me in peace)
    (r"\bcia\s+kuv\s+nyob\s+(?:twj\s+ywm|ntsiag\s+to)\b", "none"),
)

INDONESIAN_MALAY = (
    # "Keluarkan saya dari daftar" (take me off the list); Malay "buang nombor saya" (throw away my number)
    (r"\bkeluarkan\s+(?:saya|aku|kami|nomor\s+saya)\s+dari\b|\bbuang\s+(?:nombor|nomor)\s+(?:saya|aku)\b", "none"),
    # "Saya tidak pernah kasih izin" (I never gave permission); Malay "kebenaran"
    (
        r"\b(?:tidak|tak|gak|nggak|ndak)\s+(?:pernah\s+)?(?:kasih|memberi|bagi|beri)\s+(?:izin|kebenaran|persetujuan)\b",
        "none",
    ),
    # "jgn sms lg" (don't text again), Malay "jangan mesej saya" (don't message me)
    (r"\b(?:jangan|jgn|usah)\s+(?:(?:lagi|kirim|kirimi|hantar)\s+)?(?:sms|pesan|mesej|msg|chat)\b", "none"),
)

HORN_OF_AFRICA = (
    # Amharic "አትረብሹኝ" (don't bother me); Tigrinya "ኣይትሸግሩኒ" (don't bother me), "ኣይትጽሓፉለይ" (don't write to me)
    (r"አትረብሹ|[አኣ]ይ(?:ት|ተ)?ሸግሩኒ|[አኣ]ይትረብሹ|[አኣ]ይትጽ(?:ሓ|ሕ)ፉ", "none"),
    # romanised Amharic "atlaku" (don't send); Tigrinya "aytsdedulay" (don't send me)
    (r"\batlak(?:u|ulign|ulgn|ubign|ilign)\b|\baytsded\w*|\baytsihaf\w*", "none"),
    # Somali "Ha ila soo xiriirin" (don't contact me), "ha u soo dirina" (don't send her); not "ha i soo wicin" (calls)
    (r"\bha\s+(?:ila|i|ii|u|noo|ina)\s+(?:soo\s+)?(?:xiriirin|dirin|dirina|qorin)\b", "none"),
    # Somali "Lambarkayga tirtir" (delete my number), "Iga daa" (leave me alone)
    (
        r"\b(?:lambarkayga|nambarkayga|numberkayga)\s+(?:tirtir|ka\s+saar|masax)\w*|\btirtir\w*\s+lambarkayga\b"
        r"|\biga\s+daa\b",
        "none",
    ),
)

WEST_AND_EAST_AFRICAN = (
    # Swahili "Futa namba yangu" (delete my number), "Sikuwapa ruhusa" (I did not give you permission)
    (r"\bfuta\s+(?:namba|nambari|number)\s+(?:yangu|yetu)\b|\bsiku(?:wapa|kupa)\s+ruhusa\b", "none"),
    # Swahili "nitawaripoti" (I'll report you), "msimtumie" (don't send her)
    (r"\bnitawa?ripoti\b|\b(?:u|m)si(?:m|tu|wa)tumie\b", "none"),
    # Yoruba "dẹkun fifi" (stop sending), "ma fi ... ranṣẹ si mi mọ" (don't send to me any more)
    (
        r"\bdekun\s+(?:fifi|ifiranse|ranse|pipe)\w*|\bma\s+fi\s+\S+(?:\s+\S+)?\s+ranse\s+si\s+(?:mi|oun|wa)\s+mo\b",
        "none",
    ),
    # Yoruba "pa nọmba mi rẹ" (delete my number), "yọ mi kuro" (remove me), "fi mi silẹ" (leave me alone)
    (
        r"\bpa\s+(?:nomba|number)\s+(?:mi|wa)\s+re\b|\byo\s+(?:mi|wa|nomba\s+mi)\s+kuro\b|\bfi\s+(?:mi|wa)\s+sile\b",
        "none",
    ),
    # Igbo "kwụsị iziga" (stop sending), "ezitela m" (don't send me), "hichapụ nọmba" (delete the number)
    (
        r"\bkwusi\s+(?:iziga|izite|izitere|iziteri|izi)\w*|\bezitela\s+(?:m|anyi)\b|\bhichapu\s+(?:nomba|number)\b",
        "none",
    ),
    # Igbo "wepụ m" (remove me), "hapụ m aka" (leave me alone), "enyeghị m unu ikike" (I did not give you permission)
    (r"\bwepu\s+(?:m|anyi)\b|\bhapu\s+m\s+aka\b|\benyeghi\s+m\s+(?:unu|gi)\s+ikike\b", "none"),
    # Hausa "ku daina tura min" (stop sending me), "kar ku sake turo" (don't send again)
    (r"\bdaina\s+(?:tura|turo|aiko|aika|rubuta)\w*\s+(?:min|mani|mana|masa|mata)\b", "none"),
    (r"\b(?:kar|kada)\s+(?:ku\s+|ka\s+)?(?:sake\s+)?(?:tura|turo|aiko|aika)\w*\s+(?:min|mani|mana)\b", "none"),
    # Hausa "goge lambata" (delete my number), "cire ni daga" (remove me from), "bar ni in huta" (let me rest),
    # "ban ba ku izini ba" (I did not give you permission)
    (
        r"\bgoge\s+lamba\w*|\bcire\s+(?:ni|mu|lambata)\s+daga\b|\bbar\s+ni\s+in\s+huta\b|\bban\s+ba\s+ku\s+izini\b",
        "none",
    ),
    # Twi "mma nsoma" / "monnsoma" (don't send), "yi me nɔma" (remove my number), "yi me fi mo list" (take me off your
    # list), "gyae me ha" (stop bothering me)
    (
        r"\bmma\s+n?soma\b|\bmonn?soma\b|\byi\s+me\s+(?:nɔma|noma|number|nomba)\b|\byi\s+me\s+fi\s+mo\s+list\b"
        r"|\bgyae\s+me\s+ha\b",
        "none",
    ),
)

CARIBBEAN_AND_PACIFIC_ENGLISH = (
    # Nigerian Pidgin "No dey text me" (stop texting me), "make una no send me" (don't send me)
    (
        r"\bno\s+dey\s+(?:text|send|message|disturb)\w*|\bmake\s+(?:una|you|u)\s+no\s+(?:dey\s+)?(?:text|send|message|disturb)\w*",
        "negation",
    ),
    # Nigerian Pidgin "I no give una permission", Patois "Mi neva gi unu permission" (I never gave you permission)
    (
        r"\bno\s+give\s+(?:una|you|u)\s+permission\b|\bneva\s+(?:gi|give|gave)\s+(?:unu|yuh|you|u)\s+(?:no\s+)?permission\b",
        "none",
    ),
    # Patois "Nuh sen mi" (don't send me), "doh text mi" (don't text me); not "nuh call mi" (calls only)
    (r"\b(?:nuh|doh|noh)\s+(?:sen|send|text|tex)\s+(?:mi|me)\b", "negation"),
    # Patois "Lef mi alone" (leave me alone), "mi a go report unu" (I'm going to report you)
    (r"\blef\s+(?:mi|me)\s+alone\b|\b(?:a|ago|a\s+go)\s+report\s+unu\b", "negation"),
    # Hawaiian Pidgin "No text dis numba" (don't text this number), "no send me dis kine messages"
    (
        r"\bno\s+(?:text|txt|send|message)\s+(?:dis|dat)\s+(?:numba|number|phone)\b"
        r"|\bno\s+send\s+(?:me|us)\s+(?:dis|dat|da)\s+(?:kine\s+)?(?:messages|texts|stuff)\b",
        "negation",
    ),
)

SEMITIC = (
    # Hebrew "תמחקו את המספר" (delete the number), "לא נתתי אישור" (I did not give permission), "עזבו אותי" (leave me)
    (r"(?:תמחקו|תמחק|מחקו|תמחקי)\s+(?:את\s+)?(?:המספר|אותי)|לא\s+נתתי\s+(?:לכם\s+|לך\s+)?(?:אישור|רשות|הסכמה)", "none"),
    (r"(?:עזבו|תעזבו|עזוב|תעזוב)\s+אותי|לא\s+לשלוח\s+(?:\S+\s+)?(?:יותר|עוד)", "none"),
    # romanised Hebrew "al tishlechu" (don't send), "tafsiku lishloach" (stop sending)
    (r"\bal\s+tishl\w*|\btafsik(?:u|i)?\s+lishloa(?:ch|h)\b", "none"),
    # Yiddish "שיקט מיר נישט" (don't send me), "מעקט אויס" (erase), "נעמט מיך אראפ" (take me off),
    # "לאזט מיך צורו" (leave me alone)
    (r"(?:שיקט|שרייבט)\s+מיר\s+נישט|מעקט\s+אויס\s+מיין|נעמט\s+מיך\s+אראפ|לאזט\s+מיך\s+(?:צורו|אפ|אין\s+רו)", "none"),
    # romanised Yiddish "shikt mir nisht" (don't send me), "hert oif tsu" (stop)
    (r"\bshikt\s+mir\s+nisht\b|\bhert\s+oif\s+(?:tsu|zu)\s+(?:shiken|shreiben|shraybn)\b", "none"),
)

POLYNESIAN_MICRONESIAN = (
    # Samoan "Taofi le auina" (stop sending), "Tape lo'u numera" (delete my number), "Aveese a'u" (remove me),
    # "Aua e te fa'alavelave" (don't bother me)
    (
        r"\btaofi\s+(?:le\s+)?(?:auina|lafo|tusi)\b|\btape\s+(?:lo'?u|lo\s+matou)\s+numera\b|\baveese\s+(?:a'?u|matou"
        r"|lo'?u)\b|\baua\s+(?:e\s+te\s+|le\s+)?(?:toe\s+)?fa'?alavelave\b",
        "none",
    ),
    # Tongan "Tuku hono fekau" (stop sending), "Tamate'i hoku fika" (delete my number), "To'o au mei" (remove me
    # from), "'Oua 'e fakahoha'asi au" (don't bother me)
    (
        r"\btuku\s+(?:hono|ho'?o)\s+(?:fekau|tohi|text)\b|\btamate'?i\s+hoku\s+fika\b|\bto'?o\s+(?:au|kimautolu"
        r"|hoku\s+fika)\s+mei\b|\boua\s+(?:'?e\s+)?(?:toe\s+)?fakahoha'?a\w*",
        "none",
    ),
    # Marshallese "Bōjrak jilkinļok" (stop sending), "Jab bar jilkinlok" (don't send again), "Jolok nōmba" (throw away
    # the number); not "jab kūr" (don't call)
    (
        r"\bbojrak\s+(?:jilkin|kenono|text)\w*|\bjab\s+(?:bar\s+)?(?:jilkin|kenono)\w*|\bjolok\s+(?:nomba|number)\b",
        "none",
    ),
    # Chamorro "Påra manna'hånao" (stop sending), "Chamu na'hånao yo'" (don't send me), "Na'suha yo'" (remove me)
    (
        r"\bpara\s+(?:man|fan)*na'?hanao\b|\bchamu\s+(?:fan|man)*(?:na'?hanao|texting|texti)\w*"
        r"|\bna'?suha\s+(?:yo'?|i\s+numeru)",
        "none",
    ),
)

CAPE_VERDEAN = (
    # "Nhos tira nha numeru" (take my number), "Dexa-m na paz" (leave me in peace)
    (
        r"\b(?:tira|apaga|borra)\s+(?:nha|nos)\s+(?:numeru|numero|nomi)\b|\bdexa[\s-]?(?:m|nu|nos)\s+(?:na|em)\s+paz\b",
        "none",
    ),
    # "N ka da-bu autorizason" (I did not give you permission), "ka manda-l mas mensajen" (not send her more messages)
    (
        r"\bka\s+da[\s-]?(?:bu|nhos|u)\s+(?:autorizason|permison|lisensa)\b"
        r"|\bka\s+manda[\s-]?\w*\s+mas\s+(?:mensajen|mensagem|sms|txt|text)",
        "none",
    ),
)

NORTH_EUROPEAN = (
    # Dutch "Haal me van jullie lijst" (take me off your list), "geen toestemming gegeven" (gave no permission)
    (r"\bhaal\s+(?:me|mij|ons)\s+(?:van|uit)\b|\bgeen\s+toestemming\s+(?:gegeven|verleend)\b", "none"),
    # Dutch "Laat me met rust" (leave me alone), "ik ga jullie aangeven" (I'll report you), "niet meer appen"
    (
        r"\blaat\s+(?:me|mij|ons)\s+(?:met\s+rust|gerust)\b|\bik\s+ga\s+(?:jullie|u)\s+aangeven\b"
        r"|\b(?:niet|nooit)\s+meer\s+(?:\w+\s+)?(?:appen|sms'?en|texten)\b",
        "none",
    ),
    # Swedish "Ta bort mig" (remove me), Swedish and Norwegian "inte gett er tillåtelse" (gave no permission)
    (
        r"\bta\s+bort\s+(?:mig|oss)\b|\b(?:inte|ikke|aldrig|aldri)\s+(?:gett|givit|gitt)\s+(?:(?:er|dig|dere|deg)\s+)?"
        r"(?:min\s+)?(?:tillatelse|tillstand|samtycke|lov)\b",
        "none",
    ),
    # Swedish "Lämna mig ifred" (leave me alone), Norwegian "La meg være i fred"; "sluta skriva till henne"
    (
        r"\blamna\s+(?:mig|oss)\s+i\s*fred\b|\bla\s+(?:meg|oss)\s+(?:være|vaere|vare)\s+i\s*fred\b"
        r"|\bsluta\s+(?:skriva|skicka|sms)\w*\s+till\s+(?:mig|henne|honom|oss)\b",
        "none",
    ),
    # Czech "Neposílejte mi", Slovak "Neposielajte mi" (don't send me); "Prestaňte mi posielať" (stop sending me)
    (r"\bnepos(?:i|ie)l(?:ejte|ajte|ej|aj)\b|\bprestan(?:te)?\s+(?:mi|nam)\s+(?:posielat|pisat|posilat)\b", "none"),
    # Czech "Vyřaďte mě" (remove me), "Nedal jsem vám souhlas" (I did not consent), "Nechte mě na pokoji" (leave me)
    (
        r"\bvyra(?:dte|dit)\s+(?:me|ma|nas)\b|\bnedal[ai]?\s+(?:jsem|som)\s+(?:vam|ti)\s+(?:souhlas|suhlas|svoleni"
        r"|povolenie)\b|\bnech(?:te|ajte|aj|ej)\s+(?:me|mna|ma|nas)\s+na\s+pokoji\b",
        "none",
    ),
    # Hungarian "Hagyják abba az üzenetküldést" (stop the messaging), "Vegyenek le a listáról" (take me off the list)
    (
        r"\bhagyj(?:ak|atok|on|al)\s+abba\s+(?:az?\s+)?(?:uzenet|sms|irogat)\w*|\bvegye(?:nek|n|tek)\s+le\s+(?:a\s+)?"
        r"(?:listarol|listajukrol)\b",
        "none",
    ),
    # Hungarian "Nem adtam engedélyt" (I gave no permission), "Hagyjanak békén" (leave me alone),
    # "ne írjatok" (don't write)
    (
        r"\bnem\s+adtam\s+(?:(?:maguknak|nektek|onoknek)\s+)?(?:engedelyt|hozzajarulast)\b"
        r"|\bhagyj(?:anak|atok|on|al)\s+(?:engem\s+)?beken\b|\bne\s+(?:irjatok|irjanak|irjon|kuldjetek|kuldjenek"
        r"|kuldjon)\b",
        "none",
    ),
    # Lithuanian "Nustokite man siųsti" (stop sending me), "Išbraukite mane" (strike me off), "Nedaviau leidimo"
    (
        r"\bnustok(?:ite|it)?\s+(?:man|mums)\s+(?:siusti|rasyti)\b|\b(?:isbraukite|istrinkite|pasalinkite)\s+(?:mane"
        r"|mus|mano\s+numeri)\b|\bnedaviau\s+(?:jums\s+)?(?:leidimo|sutikimo)\b",
        "none",
    ),
    # Lithuanian "Palikite mane ramybėje" (leave me alone), "Nebesiųskite" (don't send any more)
    (r"\bpalikite\s+(?:mane|mus)\s+ramybeje\b|\bnebesiusk\w*|\bnesiuskite\b|\bnerasykite\b", "none"),
    # Latvian "Beidziet man sūtīt" (stop sending me), "Nesūtiet man" (don't send me), "Izņemiet mani" (take me off)
    (
        r"\bbeidz(?:iet)?\s+(?:man|mums)\s+(?:sutit|rakstit)\b|\bnesut(?:iet|i)\s+(?:man|mums)\b"
        r"|\bnerakstiet\s+(?:man|mums)\b|\bizn?emiet\s+(?:mani|mus)\b|\bizdzesiet\s+(?:manu|mani)\b",
        "none",
    ),
    # Latvian "Es nedevu atļauju" (I gave no permission), "Lieciet mani mierā" (leave me alone)
    (r"\bnedevu\s+(?:jums\s+)?(?:atlauju|piekrisanu)\b|\bliec(?:iet)?\s+(?:mani|mus)\s+miera\b", "none"),
)

# Every table, in the order its entries are added to ``compliance._MORE_PHRASES``.
TABLES = {
    "Portuguese": PORTUGUESE,
    "French": FRENCH,
    "Haitian Creole": HAITIAN_CREOLE,
    "Italian": ITALIAN,
    "German": GERMAN,
    "Polish": POLISH,
    "Russian": RUSSIAN,
    "Ukrainian": UKRAINIAN,
    "Romanian": ROMANIAN,
    "Serbian/Croatian/Bosnian": SERBO_CROATIAN,
    "Albanian": ALBANIAN,
    "Greek": GREEK,
    "Armenian": ARMENIAN,
    "Turkish": TURKISH,
    "Arabic": ARABIC,
    "Farsi/Dari": FARSI_DARI,
    "Pashto": PASHTO,
    "South Asian (romanised)": SOUTH_ASIAN_ROMANISED,
    "South Asian (scripts)": SOUTH_ASIAN_SCRIPTS,
    "Chinese": CHINESE,
    "Japanese": JAPANESE,
    "Korean": KOREAN,
    "Vietnamese": VIETNAMESE,
    "Tagalog": TAGALOG,
    "Ilocano": ILOCANO,
    "Thai, Lao, Khmer, Burmese": THAI_LAO_KHMER_BURMESE,
    "Hmong": HMONG,
    "Indonesian/Malay": INDONESIAN_MALAY,
    "Amharic, Tigrinya, Somali": HORN_OF_AFRICA,
    "Swahili, Yoruba, Igbo, Hausa, Twi": WEST_AND_EAST_AFRICAN,
    "Pidgins and Patois": CARIBBEAN_AND_PACIFIC_ENGLISH,
    "Hebrew, Yiddish": SEMITIC,
    "Samoan, Tongan, Marshallese, Chamorro": POLYNESIAN_MICRONESIAN,
    "Cape Verdean Creole": CAPE_VERDEAN,
    "Dutch, Nordic, Czech, Slovak, Hungarian, Baltic": NORTH_EUROPEAN,
}


def revocation_entries(compile_: Callable[[str], re.Pattern[str]]) -> list[Entry]:
    """Every table's ``(pattern, guard)`` entries, each fragment compiled with ``compile_`` (``compliance._re``)."""
    return [(compile_(fragment), guard) for table in TABLES.values() for fragment, guard in table]
