"""Table tests of messaging.revocation_lexicon: replies in the languages people text in, grouped per language.

Each language has replies that revoke consent ("stop texting me", "delete my number", "take me off your list", "leave
me alone", "I never gave you permission", "I'll report you", a relative's request relayed), which must be decided
"yes", and replies with near words that do not revoke ("don't stop the offers", "send me the price", "remove the old
price from my ad", "who gave you my number?", "wrong number"), which must not be. Some revoking replies were already
decided "yes" before the lexicon; they stay here as guards of that behaviour.
"""

import pytest

from messaging.compliance import _re, opt_out_explain
from messaging.revocation_lexicon import TABLES, revocation_entries
from usdatabiz.core.regexgate import literal_gates

# language -> (revoking replies, replies with near words that do not revoke)
SAMPLES = {
    "Spanish": (
        [
            "Ya no me manden mensajes por favor",
            "no me vuelvan a escribir a este numero",
            "Dejen de mandarme textos, no di permiso",
            "mi mamá dice que ya no le escriban",
            "Sáquenme de su lista de contactos",
            "No me contacten más, esto es acoso y los voy a reportar",
            "bórrenme de su base de datos",
            "Ya basta de mensajes, no quiero recibir nada",
            "No les di permiso de escribirme",
            "mi papa dice q ya no le manden msjs",
            "favor de no enviar mas mensajes a este número",
            "No me textees mas wey",
        ],
        [
            "Mándame el precio por mensaje",
            "quiten el precio viejo de mi anuncio",
            "¿Quién les dio mi número?",
            "número equivocado",
            "paso por la tienda mañana",
        ],
    ),
    "Portuguese": (
        [
            "Não me mandem mais mensagens",
            "nao me mande mais msg por favor",
            "Parem de me enviar mensagens",
            "Me tirem da lista de vocês",
            "apaguem o meu número",
            "Não autorizei vocês a me mandar mensagem",
            "Minha mãe pediu pra vocês pararem de mandar mensagem pra ela",
            "Deixem-me em paz, isto é assédio, vou denunciar",
            "nao quero receber mais mensagens de vcs",
            "Por favor removam o meu contacto da vossa lista",
            "Deixe de me enviar SMS",
        ],
        [
            "Me manda o preço por mensagem",
            "Tira o preço antigo do meu anúncio",
            "Não me liga, me manda mensagem",
            "Quem te deu meu número?",
            "número errado",
        ],
    ),
    "French": (
        [
            "Arrêtez de m'envoyer des messages",
            "arretez de m ecrire svp",
            "Ne m'envoyez plus de SMS",
            "Retirez-moi de votre liste",
            "Supprimez mon numéro s'il vous plaît",
            "Je ne vous ai jamais donné mon accord pour m'écrire",
            "Ma mère dit de ne plus lui écrire",
            "Foutez-moi la paix, c'est du harcèlement, je vais porter plainte",
            "ne me contactez plus jamais",
            "je veux plus recevoir vos textos",
            "Merci de retirer notre cabinet de votre liste d'envoi. Cordialement, Cabinet Tremblay",
        ],
        [
            "Envoyez-moi le prix",
            "Retirez l'ancien prix de mon annonce",
            "Ne m'appelez pas, écrivez-moi par texto",
            "Qui vous a donné mon numéro ?",
            "Mauvais numéro",
        ],
    ),
    "Haitian Creole": (
        [
            "Sispann voye mesaj ban mwen",
            "pa voye mesaj ankò souple",
            "Retire nimewo m nan lis ou a",
            "Efase nimewo mwen",
            "Manman m di pa ekri l ankò",
            "Kite m anpè, m ap rapòte nou",
            "M pa janm ba w pèmisyon ekri m",
            "pa kontakte m ankò",
        ],
        [
            "Voye pri a ban mwen",
            "Pa rele m, ekri m pito",
            "Ki moun ki ba w nimewo mwen?",
            "Move nimewo",
        ],
    ),
    "Italian": (
        [
            "Smettetela di mandarmi messaggi",
            "Non scrivetemi più",
            "non mandatemi piu sms per favore",
            "Cancellate il mio numero",
            "Toglietemi dalla vostra lista",
            "Non vi ho mai dato il permesso di contattarmi",
            "Mia madre dice di non scriverle più",
            "Lasciatemi in pace, è molestia, vi denuncio",
            "non contattatemi mai più",
        ],
        [
            "Mandatemi il prezzo",
            "Togliete il vecchio prezzo dal mio annuncio",
            "Non chiamatemi, scrivetemi un messaggio",
            "Chi vi ha dato il mio numero?",
            "Numero sbagliato",
        ],
    ),
    "German": (
        [
            "Hören Sie auf, mir Nachrichten zu schicken",
            "Bitte keine SMS mehr",
            "schreiben Sie mir nicht mehr",
            "Löschen Sie meine Nummer",
            "Nehmen Sie mich von Ihrer Liste",
            "Ich habe Ihnen nie die Erlaubnis gegeben, mir zu schreiben",
            "Meine Mutter sagt, Sie sollen ihr nicht mehr schreiben",
            "Lasst mich in Ruhe, das ist Belästigung, ich zeige Sie an",
            "kontaktieren Sie mich nie wieder",
            "hoert auf mir zu schreiben",
        ],
        [
            "Hört nicht auf, mir Angebote zu schicken",
            "Schicken Sie mir den Preis",
            "Löschen Sie den alten Preis aus meiner Anzeige",
            "Rufen Sie mich nicht an, schreiben Sie mir lieber",
            "Wer hat Ihnen meine Nummer gegeben?",
            "Falsche Nummer",
        ],
    ),
    "Polish": (
        [
            "Przestańcie do mnie pisać",
            "Nie wysyłajcie mi więcej wiadomości",
            "prosze nie pisac do mnie wiecej",
            "Usuńcie mój numer",
            "Wypiszcie mnie z listy",
            "Nie dawałem zgody na SMS-y",
            "Mama prosi, żebyście przestali do niej pisać",
            "Dajcie mi spokój, to nękanie, zgłoszę to na policję",
            "nie kontaktujcie się ze mną więcej",
            "Cholera jasna, znowu spam. Idioci.",
            "to jest spam",
            "Zgłaszam ten numer jako spam",
        ],
        [
            "Nie przestawajcie wysyłać ofert",
            "Wyślijcie mi cenę",
            "Usuńcie starą cenę z mojego ogłoszenia",
            "Kto wam dał mój numer?",
            "czy to spam?",
            "Pomyłka, zły numer",
        ],
    ),
    "Russian": (
        [
            "Перестаньте мне писать",
            "Не присылайте мне больше сообщения",
            "Удалите мой номер",
            "Уберите меня из вашего списка",
            "Я не давал согласия на рассылку",
            "Мама просит больше ей не писать",
            "Отстаньте от меня, это преследование, я пожалуюсь",
            "ne pishite mne bolshe",
            "udalite moy nomer",
            "bolshe ne zvonite i ne pishite",
        ],
        [
            "Не переставайте присылать предложения",
            "Пришлите мне цену",
            "Не звоните, лучше напишите",
            "Кто вам дал мой номер?",
            "Неправильный номер",
            "Удалите старую цену из моего объявления",
        ],
    ),
    "Ukrainian": (
        [
            "Припиніть мені писати",
            "Не надсилайте мені більше повідомлень",
            "Видаліть мій номер",
            "Приберіть мене зі списку",
            "Я не давав згоди на повідомлення",
            "Мама каже, щоб ви їй більше не писали",
            "Дайте мені спокій, я поскаржуся",
            "ne pyshit meni bilshe",
        ],
        [
            "Не припиняйте надсилати пропозиції",
            "Надішліть мені ціну",
            "Не дзвоніть, краще напишіть",
            "Хто дав вам мій номер?",
            "Неправильний номер",
        ],
    ),
    "Romanian": (
        [
            "Nu-mi mai trimiteți mesaje",
            "nu mai trimiteti mesaje va rog",
            "Ștergeți-mi numărul",
            "Scoateți-mă de pe listă",
            "Nu mai scrieți la numărul ăsta",
            "Nu v-am dat voie să-mi scrieți",
            "Mama zice să nu-i mai scrieți",
            "Lăsați-mă în pace, vă raportez",
        ],
        [
            "Nu vă opriți, trimiteți-mi ofertele",
            "Trimiteți-mi prețul",
            "Nu mă sunați, scrieți-mi mesaj",
            "Cine v-a dat numărul meu?",
            "Număr greșit",
        ],
    ),
    "Serbian/Croatian/Bosnian": (
        [
            "Prestanite mi slati poruke",
            "Nemojte mi više pisati",
            "nemojte mi vise slati poruke",
            "Obrišite moj broj",
            "Izbrišite me sa liste",
            "Skinite me s popisa",
            "Nisam vam dao dozvolu da mi pišete",
            "Mama kaže da joj više ne pišete",
            "Ostavite me na miru, prijavit ću vas",
            "Престаните да ми шаљете поруке",
        ],
        [
            "Nemojte prestati slati ponude",
            "Pošaljite mi cijenu",
            "Nemojte me zvati, pišite mi poruku",
            "Ko vam je dao moj broj?",
            "Pogrešan broj",
        ],
    ),
    "Albanian": (
        [
            "Mos më dërgoni më mesazhe",
            "mos me shkruani me",
            "Fshini numrin tim",
            "Më hiqni nga lista juaj",
            "Ndaloni së dërguari mesazhe",
            "Nuk ju kam dhënë leje të më shkruani",
            "Nëna ime thotë mos i shkruani më",
            "Më lini të qetë, do ju denoncoj",
        ],
        [
            "Mos ndaloni së dërguari ofertat",
            "Më dërgoni çmimin",
            "Kush jua dha numrin tim?",
            "Numër i gabuar",
        ],
    ),
    "Greek": (
        [
            "Σταματήστε να μου στέλνετε μηνύματα",
            "Μη μου στέλνετε άλλα μηνύματα",
            "Διαγράψτε τον αριθμό μου",
            "Βγάλτε με από τη λίστα σας",
            "Δεν σας έδωσα άδεια να μου στέλνετε",
            "Η μητέρα μου λέει να μην της ξαναστείλετε",
            "Αφήστε με ήσυχο, θα σας καταγγείλω",
            "stamatiste na mou stelnete minimata",
            "mi mou ksanasteilete",
        ],
        [
            "Μη σταματήσετε να στέλνετε προσφορές",
            "Στείλτε μου την τιμή",
            "Μη με παίρνετε τηλέφωνο, στείλτε μήνυμα",
            "Ποιος σας έδωσε τον αριθμό μου;",
            "Λάθος αριθμός",
        ],
    ),
    "Armenian": (
        [
            "Դադարեցրեք ինձ հաղորդագրություններ ուղարկել",
            "Այլևս մի գրեք ինձ",
            "Ջնջեք իմ համարը",
            "Հանեք ինձ ձեր ցուցակից",
            "Ես թույլտվություն չեմ տվել",
            "Հանգիստ թողեք ինձ",
            "aylevs mi greq indz",
            "jnjeq im hamary",
        ],
        [
            "Ուղարկեք ինձ գինը",
            "Մի զանգեք, գրեք",
            "Ո՞վ է ձեզ տվել իմ համարը",
            "Սխալ համար",
        ],
    ),
    "Turkish": (
        [
            "Bana mesaj göndermeyi bırakın",
            "Artık mesaj atmayın",
            "bana bir daha yazmayın",
            "Numaramı silin",
            "Beni listenizden çıkarın",
            "Size izin vermedim",
            "Annem artık ona mesaj atmamanızı söylüyor",
            "Beni rahat bırakın, şikayet edeceğim",
            "mesaj atmayin artik",
        ],
        [
            "Kampanya mesajlarını göndermeye devam edin",
            "Bana fiyatı gönderin",
            "Aramayın, mesaj atın",
            "Numaramı kim verdi?",
            "Yanlış numara",
            "İlanımdan eski fiyatı silin",
        ],
    ),
    "Arabic": (
        [
            "توقفوا عن إرسال الرسائل لي",
            "لا ترسلوا لي رسائل مرة أخرى",
            "احذفوا رقمي من قائمتكم",
            "لم أعطكم إذنا بمراسلتي",
            "أمي تقول لا ترسلوا لها رسائل",
            "بطلوا تبعتولي رسايل",
            "ما بدي رسايل بعد اليوم",
            "متبعتليش رسايل تاني",
            "لا ترسلون لي مسجات",
            "شيلوا رقمي",
            "ما تبعثليش ميساجات",
            "اتركوني في حالي، هذا إزعاج وسأبلغ عنكم",
            "ballesh tba3atli rasa2el",
            "em7i ra2mi",
            "khalas ma baddi rasayel",
        ],
        [
            "ابعتلي السعر",
            "ليش ما تبعتلي التفاصيل؟",
            "مين عطاك رقمي؟",
            "رقم غلط",
            "ab3atli el se3r",
        ],
    ),
    "Farsi/Dari": (
        [
            "دیگه به من پیام ندید",
            "لطفا پیام نفرستید",
            "شماره منو پاک کنید",
            "منو از لیستتون حذف کنید",
            "من اجازه ندادم",
            "مزاحم نشید، شکایت می کنم",
            "mamanam mige dige payam nadid",
            "dige payam nade",
            "shomaramo pak konid",
            "دیگر برایم پیام روان نکنید",
        ],
        [
            "قیمت رو برام بفرستید",
            "زنگ نزنید، پیام بدید",
            "کی شماره منو بهتون داده؟",
            "شماره اشتباهه",
        ],
    ),
    "Pashto": (
        [
            "ماته نور پیغامونه مه لیږئ",
            "زما شمیره ړنګه کړئ",
            "ما له لیست نه وباسئ",
            "ما ته مه لیکئ",
            "mata nor paighamoona ma legay",
            "zama number delete kray",
        ],
        [
            "قیمت راته ولیږئ",
            "زنګ مه وهئ، پیغام راکړئ",
            "زما شمیره چا درکړه؟",
            "qeemat rata olegay",
        ],
    ),
    "Urdu": (
        [
            "مجھے مزید میسج نہ بھیجیں",
            "میرا نمبر ڈیلیٹ کریں",
            "مجھے اپنی لسٹ سے نکال دیں",
            "مجھے تنگ نہ کریں، میں شکایت کروں گا",
            "میں نے اجازت نہیں دی",
            "mujhe message mat bhejo",
            "mera number delete karo",
            "ammi keh rahi hain unko message na karein",
        ],
        [
            "مجھے قیمت بھیجیں",
            "کال نہ کریں، میسج کریں",
            "آپ کو میرا نمبر کس نے دیا؟",
            "غلط نمبر",
        ],
    ),
    "Hindi/Hinglish": (
        [
            "मुझे मैसेज मत भेजो",
            "कृपया मुझे और संदेश न भेजें",
            "मेरा नंबर हटा दो",
            "मुझे अपनी लिस्ट से निकालो",
            "मैंने अनुमति नहीं दी",
            "परेशान मत करो, शिकायत करूँगा",
            "mujhe msg mat karo",
            "bhai message bhejna band karo",
            "mera number list se hatao",
            "papa bol rahe hai unko message mat bhejo",
            "Number delete karo warna complaint karunga",
        ],
        [
            "मुझे कीमत भेजो",
            "कॉल मत करो, मैसेज करो",
            "आपको मेरा नंबर किसने दिया?",
            "गलत नंबर",
            "price bhejo",
        ],
    ),
    "Punjabi": (
        [
            "ਮੈਨੂੰ ਮੈਸੇਜ ਨਾ ਭੇਜੋ",
            "ਮੇਰਾ ਨੰਬਰ ਹਟਾ ਦਿਓ",
            "ਮੈਨੂੰ ਤੰਗ ਨਾ ਕਰੋ",
            "menu message na bhejo",
            "mera number hata deo",
            "sanu message karna band karo",
        ],
        [
            "ਮੈਨੂੰ ਕੀਮਤ ਭੇਜੋ",
            "ਕਾਲ ਨਾ ਕਰੋ, ਮੈਸੇਜ ਕਰੋ",
            "ਗਲਤ ਨੰਬਰ",
            "menu rate bhejo",
        ],
    ),
    "Gujarati": (
        [
            "મને મેસેજ ના મોકલો",
            "મારો નંબર કાઢી નાખો",
            "મને હેરાન ન કરો",
            "mane message na moklo",
            "maro number kadhi nakho",
            "have message moklva nahi",
        ],
        [
            "મને ભાવ મોકલો",
            "ફોન ના કરો, મેસેજ કરો",
            "ખોટો નંબર",
            "mane price moklo",
        ],
    ),
    "Bengali": (
        [
            "আমাকে আর মেসেজ পাঠাবেন না",
            "আমার নম্বর মুছে ফেলুন",
            "আমাকে লিস্ট থেকে বাদ দিন",
            "আর বিরক্ত করবেন না",
            "amake ar message pathaben na",
            "amar number muche din",
        ],
        [
            "আমাকে দামটা পাঠান",
            "ফোন করবেন না, মেসেজ করুন",
            "ভুল নম্বর",
            "amake dam ta pathan",
        ],
    ),
    "Nepali": (
        [
            "मलाई म्यासेज नपठाउनुहोस्",
            "मेरो नम्बर हटाउनुहोस्",
            "मलाई दुःख नदिनुहोस्",
            "malai message napathaunu",
            "mero number hataideu",
            "aba dekhi message napathau",
        ],
        [
            "मलाई मूल्य पठाउनुहोस्",
            "फोन नगर्नुहोस्, म्यासेज गर्नुहोस्",
            "गलत नम्बर",
            "malai price pathaunu",
        ],
    ),
    "Tamil": (
        [
            "எனக்கு மெசேஜ் அனுப்ப வேண்டாம்",
            "என் நம்பரை நீக்குங்கள்",
            "தொந்தரவு செய்யாதீர்கள்",
            "enakku message anuppa vendam",
            "en number-ai delete pannunga",
            "inime message anuppatheenga",
        ],
        [
            "விலையை அனுப்புங்கள்",
            "கால் பண்ண வேண்டாம், மெசேஜ் பண்ணுங்க",
            "தவறான நம்பர்",
            "price anuppunga",
        ],
    ),
    "Telugu": (
        [
            "నాకు మెసేజ్ పంపకండి",
            "నా నంబర్ తొలగించండి",
            "ఇబ్బంది పెట్టకండి",
            "naku message pampakandi",
            "na number delete cheyyandi",
            "inka messages pampoddu",
        ],
        [
            "ధర పంపండి",
            "కాల్ చేయకండి, మెసేజ్ చేయండి",
            "రాంగ్ నంబర్",
            "price pampandi",
        ],
    ),
    "Malayalam": (
        [
            "എനിക്ക് മെസേജ് അയക്കരുത്",
            "എന്റെ നമ്പർ ഡിലീറ്റ് ചെയ്യൂ",
            "ശല്യപ്പെടുത്തരുത്",
            "enikku message ayakkaruthu",
            "ente number delete cheyyu",
            "ini message ayakkanda",
        ],
        [
            "വില അയക്കൂ",
            "വിളിക്കരുത്, മെസേജ് അയക്കൂ",
            "തെറ്റായ നമ്പർ",
            "price ayakku",
        ],
    ),
    "Chinese": (
        [
            "请不要再给我发短信",
            "别再发消息给我了",
            "把我的号码删掉",
            "请把我从名单中删除",
            "我没有同意接收你们的短信",
            "不要再联系我",
            "我妈说别再给她发信息了",
            "再发我就举报你们",
            "請不要再傳簡訊給我",
            "bie zai fa duanxin le",
            "buyao zai fa xiaoxi gei wo",
            "唔好再send訊息俾我",
            "唔該刪除我個號碼",
            "m ho zoi send msg bei ngo",
            "垃圾短信，已举报",
        ],
        [
            "把价格发给我",
            "别打电话，发短信给我",
            "谁给你我的号码？",
            "打错了",
            "不要停，继续发优惠",
            "可以发给我报价吗",
        ],
    ),
    "Japanese": (
        [
            "もうメッセージを送らないでください",
            "配信停止してください",
            "連絡しないでください",
            "私の番号を削除してください",
            "リストから外してください",
            "迷惑です、通報します",
            "母がもう送らないでと言っています",
            "mou messeeji okuranaide",
        ],
        [
            "価格を送ってください",
            "電話しないで、メッセージで送ってください",
            "誰が私の番号を教えたんですか？",
            "番号間違いです",
        ],
    ),
    "Korean": (
        [
            "문자 보내지 마세요",
            "더 이상 연락하지 마세요",
            "제 번호 삭제해 주세요",
            "명단에서 빼주세요",
            "동의한 적 없습니다",
            "스팸 신고할게요",
            "엄마가 문자 그만 보내래요",
            "munja bonaeji maseyo",
            "yeollak hajima",
            "je beonho sakje haejuseyo",
        ],
        [
            "가격 보내주세요",
            "전화하지 말고 문자 주세요",
            "누가 제 번호 줬어요?",
            "번호 잘못 아셨어요",
        ],
    ),
    "Vietnamese": (
        [
            "Đừng nhắn tin cho tôi nữa",
            "dung nhan tin nua",
            "Xóa số của tôi đi",
            "Làm ơn ngừng gửi tin nhắn",
            "Đừng liên lạc với tôi nữa",
            "Tôi không cho phép các bạn nhắn tin",
            "Mẹ tôi nói đừng nhắn cho bà nữa",
            "để tôi yên, tôi sẽ báo cáo",
            "bo toi ra khoi danh sach",
            "khong muon nhan tin nhan nua",
        ],
        [
            "Đừng ngừng gửi khuyến mãi",
            "Gửi giá cho tôi",
            "Ai cho bạn số của tôi?",
            "Nhầm số rồi",
        ],
    ),
    "Tagalog/Taglish": (
        [
            "Wag mo na akong i-text",
            "Huwag na po kayong mag-text sa akin",
            "Pakitanggal po ang number ko",
            "Tanggalin nyo ako sa listahan",
            "Tigilan nyo na ako",
            "Di ako pumayag na i-text nyo ako",
            "Sabi ng nanay ko wag na daw kayong mag-text",
            "Stop na po sa pag-text, irereport ko kayo",
            "pls wag nyo na ko itext",
        ],
        [
            "I-text mo sa akin ang presyo",
            "Wag kang tumawag, text na lang",
            "Sino nagbigay ng number ko?",
            "Wrong number po",
            "Tanggalin mo yung lumang presyo sa ad ko",
        ],
    ),
    "Ilocano": (
        [
            "Dika kuma agitext kaniak",
            "Saan mo nga itext kaniak manen",
            "Ikkatem ti numerok",
            "Ikkatennak iti listaan",
            "Dinak kuma riribuken",
            "Saanakon nga i-text",
        ],
        [
            "Itext mo ti presyo",
            "Saan ka nga umawag, itext mo laengen",
            "Siasino ti nangted ti numerok?",
            "Biddut ti numero",
        ],
    ),
    "Thai": (
        [
            "หยุดส่งข้อความมาได้แล้ว",
            "ไม่ต้องส่งข้อความมาอีก",
            "กรุณาลบเบอร์ของฉัน",
            "เอาเบอร์ฉันออกจากรายชื่อ",
            "อย่าติดต่อมาอีก",
            "ไม่ได้อนุญาตให้ส่ง",
            "แม่บอกว่าอย่าส่งมาอีก",
        ],
        [
            "ส่งราคามาให้หน่อย",
            "อย่าส่งพัสดุไปที่อยู่เก่า",
            "อย่าโทร ส่งข้อความมาแทน",
            "ใครให้เบอร์ฉันไป",
            "โทรผิดเบอร์",
        ],
    ),
    "Lao": (
        [
            "ຢຸດສົ່ງຂໍ້ຄວາມມາ",
            "ບໍ່ຕ້ອງສົ່ງຂໍ້ຄວາມມາອີກ",
            "ລຶບເບີຂ້ອຍ",
            "ຢ່າສົ່ງມາອີກ",
            "ຢ່າຕິດຕໍ່ມາອີກ",
            "bor tong song message ma ik",
        ],
        [
            "ສົ່ງລາຄາມາໃຫ້ແດ່",
            "ຢ່າໂທ, ສົ່ງຂໍ້ຄວາມມາ",
            "ເບີຜິດ",
            "ໃຜໃຫ້ເບີຂ້ອຍ?",
        ],
    ),
    "Khmer": (
        [
            "ឈប់ផ្ញើសារមកខ្ញុំ",
            "កុំផ្ញើសារមកទៀត",
            "លុបលេខខ្ញុំចោល",
            "កុំរំខានខ្ញុំ",
            "កុំទាក់ទងខ្ញុំទៀត",
            "kom pnhaer sar mok tiet",
        ],
        [
            "ផ្ញើតម្លៃមកខ្ញុំ",
            "កុំទូរស័ព្ទ ផ្ញើសារមក",
            "ខុសលេខ",
            "អ្នកណាឱ្យលេខខ្ញុំ?",
        ],
    ),
    "Burmese": (
        [
            "မက်ဆေ့ မပို့ပါနဲ့",
            "ကျွန်တော့်ကို စာမပို့ပါနဲ့တော့",
            "ကျွန်မနံပါတ်ကို ဖျက်ပေးပါ",
            "စာရင်းထဲက ဖယ်ပေးပါ",
            "အနှောင့်အယှက်မပေးပါနဲ့",
            "message ma po par nae",
        ],
        [
            "ဈေးနှုန်း ပို့ပေးပါ",
            "ဖုန်းမခေါ်ပါနဲ့ စာပို့ပါ",
            "နံပါတ်မှားနေတယ်",
            "ဘယ်သူ နံပါတ်ပေးတာလဲ",
        ],
    ),
    "Hmong": (
        [
            "Tsis txhob xa xov rau kuv lawm",
            "tsis txhob text kuv ntxiv",
            "Rho kuv tus xov tooj tawm",
            "Tshem kuv tawm ntawm koj daim ntawv",
            "Tsis txhob hu thiab xa xov tuaj lawm",
            "Kuv niam hais tias tsis txhob xa xov rau nws lawm",
            "Cia kuv nyob twj ywm",
        ],
        [
            "Xa tus nqi tuaj rau kuv",
            "Tsis txhob hu, xa xov tuaj xwb",
            "Leej twg muab kuv tus xov tooj rau koj?",
            "Yuam kev xov tooj",
        ],
    ),
    "Indonesian/Malay": (
        [
            "Jangan kirim pesan lagi ke saya",
            "Tolong berhenti kirim SMS",
            "Hapus nomor saya",
            "Keluarkan saya dari daftar",
            "Saya tidak pernah kasih izin",
            "Jangan hubungi saya lagi, ini pelecehan, saya laporkan",
            "jgn sms lg",
            "Ibu saya bilang jangan kirim pesan lagi ke dia",
            "Tolong buang nombor saya dari senarai",
            "jangan mesej saya lagi",
        ],
        [
            "Kirim harganya ke saya",
            "Jangan telepon, kirim pesan saja",
            "Siapa yang kasih nomor saya?",
            "Salah nomor",
        ],
    ),
    "Amharic": (
        [
            "መልዕክት አትላኩልኝ",
            "እባካችሁ መልእክት መላክ አቁሙ",
            "ቁጥሬን አጥፉ",
            "ከዝርዝራችሁ አውጡኝ",
            "አትረብሹኝ",
            "Melikt atlakulign",
            "bakachihu message atlaku",
        ],
        [
            "ዋጋውን ላኩልኝ",
            "አትደውሉ፣ መልዕክት ላኩ",
            "ማን ቁጥሬን ሰጣችሁ?",
            "የተሳሳተ ቁጥር",
        ],
    ),
    "Tigrinya": (
        [
            "መልእኽቲ ኣይትስደዱለይ",
            "ቁጽረይ ደምስሱ",
            "ካብ ዝርዝርኩም ኣውጽኡኒ",
            "ኣይተሸግሩኒ",
            "ደጊምኩም ኣይትጽሓፉለይ",
            "melekti aytsdedulay",
        ],
        [
            "ዋጋ ስደዱለይ",
            "ኣይትደውሉ፣ መልእኽቲ ስደዱ",
            "ጌጋ ቁጽሪ",
            "መን ቁጽረይ ሃበኩም?",
        ],
    ),
    "Somali": (
        [
            "Fariin ha ii soo dirin",
            "Jooji fariimaha",
            "Lambarkayga tirtir",
            "Iga saar liiskiina",
            "Ha ila soo xiriirin mar dambe",
            "Hooyaday waxay leedahay fariin ha u soo dirina",
            "Iga daa, waan idin soo ashtakeyn doonaa",
            "fariimo dambe ha ii soo dirin",
        ],
        [
            "Qiimaha ii soo dir",
            "Ha i soo wicin, fariin ii soo dir",
            "Yaa idin siiyay lambarkayga?",
            "Lambar khaldan",
        ],
    ),
    "Swahili": (
        [
            "Acheni kunitumia ujumbe",
            "Usinitumie meseji tena",
            "Msinitumie SMS tena",
            "Futa namba yangu",
            "Niondoe kwenye orodha yenu",
            "Sikuwapa ruhusa",
            "Niacheni, nitawaripoti",
            "Mama yangu anasema msimtumie ujumbe tena",
        ],
        [
            "Nitumie bei",
            "Usinipigie, nitumie ujumbe",
            "Nani aliwapa namba yangu?",
            "Namba si sahihi",
        ],
    ),
    "Yoruba": (
        [
            "Ẹ dẹkun fifi ọrọ ranṣẹ si mi",
            "Ẹ ma fi atẹjiṣẹ ranṣẹ si mi mọ",
            "e ma fi message ranse si mi mo",
            "Ẹ pa nọmba mi rẹ",
            "Ẹ yọ mi kuro ninu akojọ yin",
            "Ẹ fi mi silẹ",
            "Mama mi ni ki ẹ ma fi ọrọ ranṣẹ si oun mọ",
        ],
        [
            "Ẹ fi owo rẹ ranṣẹ si mi",
            "Ẹ ma pe mi, ẹ fi ọrọ ranṣẹ",
            "Ta ni o fun yin ni nọmba mi?",
            "Nọmba ti ko tọ",
        ],
    ),
    "Igbo": (
        [
            "Kwụsị iziga m ozi",
            "Ezitela m ozi ọzọ",
            "Hichapụ nọmba m",
            "Wepụ m na ndepụta unu",
            "Hapụ m aka",
            "Enyeghị m unu ikike",
            "kwusi izitere m message",
        ],
        [
            "Zitere m ọnụahịa",
            "Akpọla m, zitere m ozi",
            "Onye nyere unu nọmba m?",
            "Nọmba ezighi ezi",
        ],
    ),
    "Hausa": (
        [
            "Ku daina tura min sako",
            "Kar ku sake turo min sako",
            "Ku goge lambata",
            "Ku cire ni daga jerinku",
            "Ku bar ni in huta",
            "Ban ba ku izini ba",
            "ku daina turo min message",
        ],
        [
            "Ku turo min farashin",
            "Kar ku kira ni, ku turo sako",
            "Wa ya ba ku lambata?",
            "Lambar ba daidai ba",
        ],
    ),
    "Twi": (
        [
            "Gyae me message soma",
            "Mma nsoma me nkra bio",
            "Yi me nɔma no fi hɔ",
            "Yi me fi mo list no so",
            "Gyae me ha",
            "Monnsoma me message bio",
        ],
        [
            "Soma me boɔ no",
            "Mfrɛ me, soma me message",
            "Hwan na ɔmaa mo me nɔma?",
            "Nɔma no nyɛ me dea",
        ],
    ),
    "Nigerian Pidgin": (
        [
            "Abeg stop to dey send me message",
            "No dey text me again",
            "Comot my number for your list",
            "Delete my number abeg",
            "Leave me alone abeg, I go report una",
            "I no give una permission to dey text me",
            "My mama talk say make una no dey text am again",
            "make una no send me message again",
        ],
        [
            "Abeg send me the price",
            "No dey call me, just text me",
            "Who give una my number?",
            "Abeg no stop, e dey help my business",
        ],
    ),
    "Jamaican Patois": (
        [
            "Stop sen mi message dem",
            "Nuh sen mi nuh more text",
            "Tek mi number off yuh list",
            "Lef mi alone, mi a go report unu",
            "Mi neva gi unu permission fi text mi",
            "Mi madda seh fi stop text har",
            "Unu stop text mi phone",
            "doh text mi again",
        ],
        [
            "Sen mi di price",
            "Who gi unu mi number?",
            "Wrong number",
        ],
    ),
    "Hebrew": (
        [
            "תפסיקו לשלוח לי הודעות",
            "אל תשלחו לי עוד הודעות",
            "תמחקו את המספר שלי",
            "תורידו אותי מהרשימה",
            "לא נתתי לכם אישור",
            "עזבו אותי בשקט, אני אתלונן",
            "אמא שלי אומרת לא לשלוח לה יותר",
            "al tishlechu li od hodaot",
            "tafsiku lishloach li",
        ],
        [
            "תשלחו לי את המחיר",
            "אל תתקשרו, תשלחו הודעה",
            "מי נתן לכם את המספר שלי?",
            "טעות במספר",
        ],
    ),
    "Yiddish": (
        [
            "הערט אויף צו שיקן מיר מעסעדזשעס",
            "שיקט מיר נישט מער קיין מעסעדזשעס",
            "מעקט אויס מיין נומער",
            "נעמט מיך אראפ פון אייער ליסטע",
            "לאזט מיך צורו",
            "hert oif tsu shiken mir messages",
            "shikt mir nisht mer",
        ],
        [
            "שיקט מיר דעם פרייז",
            "רופט נישט, שיקט א מעסעדזש",
            "ווער האט אייך געגעבן מיין נומער?",
            "shikt mir dem prayz",
        ],
    ),
    "Samoan": (
        [
            "Taofi le auina mai o fe'au",
            "Aua le toe auina mai ni fe'au ia te a'u",
            "Tape lo'u numera",
            "Aveese a'u mai lau lisi",
            "Aua le toe fa'afesoota'i mai",
            "Aua e te fa'alavelave mai",
        ],
        [
            "Auina mai le tau",
            "Aua le vala'au mai, ae text mai",
            "O ai na tu'uina atu lo'u numera?",
            "Sese le numera",
        ],
    ),
    "Tongan": (
        [
            "Tuku hono fekau mai e ngaahi pōpoaki",
            "'Oua toe fekau mai ha pōpoaki",
            "Tamate'i hoku fika",
            "To'o au mei ho'o lisi",
            "'Oua 'e toe fetu'utaki mai",
            "'Oua 'e fakahoha'asi au",
        ],
        [
            "Fekau mai 'a e totongi",
            "Ko hai na'a ne 'oange hoku fika?",
            "Hala 'a e fika",
        ],
    ),
    "Hawaiian Pidgin": (
        [
            "Brah stop texting me already",
            "No text me no more",
            "Take me off da list brah",
            "No text dis numba, cut 'em out",
            "Leave me alone brah, going report you",
            "My madda said no text her no more",
            "Eh no send me dis kine messages",
        ],
        [
            "Send me da price brah",
            "No call me, text me",
            "Who wen give you my numba?",
            "Wrong numba brah",
        ],
    ),
    "Marshallese": (
        [
            "Bōjrak jilkinļok kōjjeļā ñan eō",
            "Jab bar jilkinlok melele",
            "Jolok nōmba eo aō",
            "jab bar text eō",
            "Jab bar kenono ippa",
            "Kwōn jab bar jilkinļok ñan eō",
        ],
        [
            "Jilkinlok wonāān",
            "Jab kūr eō, text eō",
            "Won eo ear lewaj nōmba eo aō?",
            "Bōd nōmba",
        ],
    ),
    "Chamorro": (
        [
            "Påra manna'hånao mensåhi",
            "Chamu na'hånao yo' mensåhi",
            "Chamu texting yo' ta'lo",
            "Na'suha i numeru-hu",
            "Pot fabot, chamu fanmanna'hånao mensåhi",
            "Na'suha yo' gi lista-mu",
        ],
        [
            "Na'hånao yo' i presiu",
            "Chamu ågang yo', text ha' yo'",
            "Hayi numa'i hao ni numeru-hu?",
            "Lachi i numeru",
        ],
    ),
    "Navajo-influenced English": (
        [
            "Stop texting me shí, I don't want these",
            "Ahéhee' but no more texts please",
            "My shimá says quit texting her phone",
            "Take me off, I don't want these no more",
            "Don't be texting me anymore, yáadilah",
            "Dooda, no more messages",
        ],
        [
            "Ahéhee', send me the price",
            "Don't call, just text me",
            "Who gave you my number shí?",
            "Yá'át'ééh, how much is it",
        ],
    ),
    "Cape Verdean Creole": (
        [
            "Para di manda-m mensajen",
            "Ka bu manda-m mas mensajen",
            "Nhos tira nha numeru di lista",
            "Apaga nha numeru",
            "Dexa-m na paz",
            "N ka da-bu autorizason",
            "Nha mai fla pa nhos ka manda-l mas mensajen",
        ],
        [
            "Manda-m présu",
            "Kenha ki da-bu nha numeru?",
            "Numeru eradu",
        ],
    ),
    "Dutch": (
        [
            "Stop met het sturen van berichten",
            "Stuur me geen berichten meer",
            "Verwijder mijn nummer",
            "Haal me van jullie lijst",
            "Ik heb geen toestemming gegeven",
            "Laat me met rust, ik ga jullie aangeven",
            "Mijn moeder zegt dat jullie haar niet meer moeten appen",
            "app me niet meer",
        ],
        [
            "Stuur me de prijs",
            "Bel me niet, app me liever",
            "Wie heeft jullie mijn nummer gegeven?",
            "Verwijder de oude prijs uit mijn advertentie",
        ],
    ),
    "Swedish": (
        [
            "Sluta skicka meddelanden till mig",
            "Skicka inga fler sms",
            "Ta bort mitt nummer",
            "Ta bort mig från er lista",
            "Jag har inte gett er tillåtelse",
            "Lämna mig ifred, jag anmäler er",
            "Min mamma säger att ni ska sluta skriva till henne",
        ],
        [
            "Skicka priset till mig",
            "Vem gav er mitt nummer?",
            "Sluta inte skicka erbjudanden",
        ],
    ),
    "Norwegian": (
        [
            "Slutt å sende meg meldinger",
            "Ikke send meg flere meldinger",
            "Slett nummeret mitt",
            "Fjern meg fra listen",
            "Jeg har ikke gitt dere tillatelse",
            "La meg være i fred, jeg anmelder dere",
        ],
        [
            "Send meg prisen",
            "Ikke ring, send melding",
            "Hvem ga dere nummeret mitt?",
            "Feil nummer",
        ],
    ),
    "Czech": (
        [
            "Přestaňte mi posílat zprávy",
            "Neposílejte mi už žádné SMS",
            "Smažte moje číslo",
            "Vyřaďte mě ze seznamu",
            "Nedal jsem vám souhlas",
            "Nechte mě na pokoji, nahlásím vás",
            "nepiste mi uz",
        ],
        [
            "Pošlete mi cenu",
            "Nevolejte mi, napište SMS",
            "Kdo vám dal moje číslo?",
            "Špatné číslo",
        ],
    ),
    "Slovak": (
        [
            "Prestaňte mi posielať správy",
            "Neposielajte mi už žiadne SMS",
            "Vymažte moje číslo",
            "Vyraďte ma zo zoznamu",
            "Nedal som vám súhlas",
            "Nechajte ma na pokoji",
            "nepiste mi uz viac",
        ],
        [
            "Pošlite mi cenu",
            "Nevolajte mi, napíšte správu",
            "Kto vám dal moje číslo?",
            "Zlé číslo",
        ],
    ),
    "Hungarian": (
        [
            "Ne küldjenek több üzenetet",
            "Hagyják abba az üzenetküldést",
            "Töröljék a számomat",
            "Vegyenek le a listáról",
            "Nem adtam engedélyt",
            "Hagyjanak békén, feljelentem önöket",
            "ne irjatok tobbet",
        ],
        [
            "Küldjék el az árat",
            "Ne hívjanak, írjanak SMS-t",
            "Ki adta meg a számomat?",
            "Rossz szám",
        ],
    ),
    "Lithuanian": (
        [
            "Nustokite man siųsti žinutes",
            "Nebesiųskite man žinučių",
            "Ištrinkite mano numerį",
            "Išbraukite mane iš sąrašo",
            "Nedaviau jums leidimo",
            "Palikite mane ramybėje",
        ],
        [
            "Atsiųskite man kainą",
            "Neskambinkite, parašykite žinutę",
            "Kas jums davė mano numerį?",
            "Neteisingas numeris",
        ],
    ),
    "Latvian": (
        [
            "Beidziet man sūtīt ziņas",
            "Nesūtiet man vairs īsziņas",
            "Izdzēsiet manu numuru",
            "Izņemiet mani no saraksta",
            "Es nedevu atļauju",
            "Lieciet mani mierā",
        ],
        [
            "Atsūtiet man cenu",
            "Nezvaniet, uzrakstiet ziņu",
            "Kas jums iedeva manu numuru?",
            "Nepareizs numurs",
        ],
    ),
}

REVOKING = [
    pytest.param(text, id=f"{language}-{i}") for language, (yes, _) in SAMPLES.items() for i, text in enumerate(yes)
]
NOT_REVOKING = [
    pytest.param(text, id=f"{language}-{i}") for language, (_, no) in SAMPLES.items() for i, text in enumerate(no)
]


@pytest.mark.parametrize("text", REVOKING)
def test_revocation_in_the_language_is_decided_yes(text):
    assert opt_out_explain(text)[0] == "yes", opt_out_explain(text)


@pytest.mark.parametrize("text", NOT_REVOKING)
def test_near_words_that_do_not_revoke_are_not_decided_yes(text):
    assert opt_out_explain(text)[0] != "yes", opt_out_explain(text)


@pytest.mark.parametrize("language", list(TABLES))
def test_every_fragment_is_gated_by_a_literal(language):
    # a fragment without a literal in every alternative would be searched on every reply
    for fragment, guard in TABLES[language]:
        assert guard in {"none", "negation"}
        assert literal_gates(_re(fragment).pattern) is not None, fragment


def test_entries_compile_with_the_given_compiler():
    entries = revocation_entries(_re)
    assert len(entries) == sum(len(table) for table in TABLES.values())
    assert all(
        pattern.pattern == _re(fragment).pattern
        for (pattern, _), (fragment, _) in zip(
            entries, [entry for table in TABLES.values() for entry in table], strict=True
        )
    )
