import RedflagCore
import RedflagJournal

// The built-in lexicon. Weights: 0.9 = the phrase alone settles it ("still unpaid", "соврал");
// 0.75-0.85 = clear in a client note; 0.55-0.7 = likely; 0.35-0.5 = a hint that needs company.
// Phrases are written to generalise (stems, alternatives), not to fit particular sentences.

extension IncidentLexicon {
    /// The built-in English and Russian lexicon for the nine text-detectable signs.
    public static let standard = IncidentLexicon(
        cues: [
            "abuse": ["en": abuseEnglish, "ru": abuseRussian],
            "lie": ["en": lieEnglish, "ru": lieRussian],
            "unreasonable": ["en": unreasonableEnglish, "ru": unreasonableRussian],
            "late": ["en": lateEnglish, "ru": lateRussian],
            "dispute": ["en": disputeEnglish, "ru": disputeRussian],
            "changed-mind": ["en": changedMindEnglish, "ru": changedMindRussian],
            "ignored-advice": ["en": ignoredAdviceEnglish, "ru": ignoredAdviceRussian],
            "competitor": ["en": competitorEnglish, "ru": competitorRussian],
            "legal": ["en": legalEnglish, "ru": legalRussian],
        ],
        exclusions: standardExclusions,
        counterEvidence: standardCounterEvidence,
        precedence: [
            // Using a rival's price to pay less is the competitor sign, not a plain dispute; legal threats
            // use abusive verbs; ignored advice comes with urgent fix-it demands and reversals.
            "competitor": ["dispute", "abuse", "unreasonable"],
            "legal": ["abuse", "lie", "late"],
            "ignored-advice": ["unreasonable", "changed-mind", "legal"],
        ],
        personal: ["abuse", "lie", "unreasonable", "late", "dispute", "changed-mind", "competitor"]
    )

    private static func cues(_ weight: Double, _ patterns: [String]) -> [IncidentCue] {
        patterns.map { IncidentCue($0, weight: weight) }
    }

    // MARK: abuse

    static let abuseEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "yelled|yelling|yells|yell at", "shouted|shouting|shouts at", "screamed|screaming|screams at",
                "swore|swearing|cursed|cussed|cursing at",
                "called me ... idiot*|stupid|moron*|incompetent|useless|names|lazy|clown|amateur|dumb",
                "sexist|racist|misogyn*|homophob*|xenophob*", "harass*", "pushed|shoved|grabbed|hit|punched|kicked me",
                "threw ... at me", "lost ... temper", "raised ... voice", "people like you",
                "called ... garbage|trash|crap|rubbish|shit|joke|fraud|pathetic",
                "this clown|idiot|moron|amateur|imbecile; what|such a|an clown|idiot|moron|amateur|imbecile",
                "never work ... again; make sure i|you|we never",
            ])
        + cues(
            0.8,
            [
                "yell*|shout*|scream*", "insult*", "tantrum*", "meltdown", "blew up at", "went off on", "flipped out",
                "belittl*", "condescend*", "patroniz*|patronis*", "demean*", "humiliat*", "mocked|mocking|mocks",
                "ridicul*", "abusive|abused",
                "slammed|slamming|slams|banged|banging|pounded|pounding|smashed|punched|kicked ... door|table|desk|fist|laptop|phone|wall|glass|window|chair",
                "about my looks|appearance|age|gender|accent|weight|body|outfit|clothes|hair|voice|race|skin|religion",
                "stomp*", "rage|raging|raged",
                "threaten* me|us|physically|violence; threaten* to hurt|hit|beat|punch|kill", "intimidat*",
                "aggressive|aggressively|aggression", "got|gets|getting ... loud|aggressive|nasty|personal",
                "verbal abuse", "bully*|bullied", "profanit*", "made|makes|making fun of",
                "laughed|laughing at me|us|my",
                "berat*; chewed me out; tore|tears into; dressed me down", "exploded|barked|snarled|lashed out at",
                "personal attack*|insulting|degrading|put downs",
                "inappropriate|creepy|sexual ... comment*|touch*|advances|jokes",
                "went ballistic|nuclear; got in my face",
                "blew|blows|blowing a|his|her|their fuse|gasket|top; flew|flies off the handle; hit the roof",
                "shut up; told me to shut",
                "a|my child|kid|toddler|monkey|chimp|schoolkid ... wrote|drew|scribbled|designed",
                "trash talk*; bad mouth*; badmouth*|sneer*|scoff*",
            ])
        + cues(
            0.65,
            [
                "rude|rudely|rudeness", "hostile", "nasty", "disrespect*", "idiot*|moron*",
                "sweetie|honey|darling|sweetheart",
                "little girl", "threw|throwing|throws", "hung up on me", "snapped at", "insult", "cursing|swearing",
            ])
        + cues(
            0.45, ["stupid|dumb|useless|incompetent|pathetic", "tone", "threaten*", "called me a|an", "called my work"])

    static let abuseRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "наорал*|наорала|орал*|орет|орут|орать|накричал*", "оскорбил*|оскорбля*|оскорблени*",
                "обозвал*|обзыва*", "нахамил*", "унизил*|унижа*|унизительн*", "сексист*|расист*",
                "ударил*|толкнул*|схватил* меня", "швырнул*|швыря*|швырял*", "кинул*|бросил* ... в меня",
                "матом|обматерил*|материл*|материт*|материть|матерят|матерится|матерился|матерясь",
            ])
        + cues(
            0.8,
            [
                "кричал*|кричит|кричат|кричать|вопил*|визжал*", "хамит|хамил*|хамств*|хамка|хам|хамло",
                "угрож*|пригрозил*|грозил*|грозит* физическ*|расправ*|побить|ударить|мне|нам",
                "истерик*|истерил*|истерит|истерич*", "издева*|высмеял*|насмеха*|глумил*", "внешност*|фигур*",
                "грубил*|грубит|нагрубил*|грубость|грубо", "наехал*|наезжа*", "сорвал* на мне; сорвал* меня", "оскорб*",
                "снисходительн*|свысока", "агресси*", "хлопнул* дверью|дверь", "стучал* кулаком; стучал* по столу",
                "обругал*|отчитал*|отчитыва*|ругал* меня|нас", "до слез", "посмеял*|смеял*|смеются над",
                "пошл* шут*|домогательств*|приставал*",
                "переходит|перешел|перешла на личности",
                "назвал*|называ*|обозвал* ... мусор*|позор*|отстой*|убожеств*|хлам*|дилетант*|бездар*|говн*|помой*",
                "f word|words|bomb|bombs; expletive*|obscenit*",
                "дилетант*", "lucky anyone|anybody|someone|somebody",
                "заорал*|разорал*|наорет|накричит|рявкнул*|гаркнул*", "на повышенных тонах; повысил* голос",
                "вышел|вышла из себя; психанул*|взбесил*|бесился|бесилась",
                "послал* ... подальше|нафиг; послал* ... к черту; послал* ... на три буквы",
                "стукнул*|ударил*|колотил*|хлопнул* ... по столу; стукнул*|ударил*|колотил* кулаком; стукнул*|ударил*|колотил* ... по стене|двери",
                "грубиян*|хамск*",
                "будто|словно ... ребенок|школьник|школьниц*|обезьяна|первоклашк*",
            ])
        + cues(
            0.6,
            [
                "угрож*|пригрозил*|грозил*|грозит*|грозится|грозятся",
                "дура|дурак|идиот*|тупая|тупой|тупица|бездар*|криворук*|бестолоч*|балбес*|никчемн*|лентяй*",
                "девочка|деточка|милочка|дорогуша|дорогая",
                "нецензурн*",
            ])

    // MARK: lie

    static let lieEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "lied|liar|liars", "untrue", "fabricat*", "dishonest*", "misled|misleading|mislead*",
                "deceiv*|deceit*|deception",
                "made ... up", "caught ... lying|lie", "@lied to", "doctored|photoshopped|forged",
            ])
        + cues(
            0.8,
            [
                "lying", "not|wasn't|isn't|never true", "false claim*|promise*|info*|statement*|excuse*|story",
                "denied|denies|deny ... ever|saying|agreeing|approving|signing|receiving|getting|that",
                "turned|turns out ...8 never|not|wasn't|weren't|didn't|hadn't|no|nothing|fake|false|isn't|aren't|doesn't|don't|nobody|none",
                "~neg add up", "claimed|claims|swore|swears|insisted|insists ... already|never|sent|paid|transferred",
                "said|says ... sent|paid|transferred|approved ... never|nothing|no|wasn't|but", "bullshit|bs|bogus",
                "fake receipt*|screenshot*|confirmation*|invoice*|excuse*|transfer*|payment*",
            ])
        + cues(
            0.65,
            [
                "lie|lies", "pretend*|pretending", "fake|faked", "not what ... said|told|promised", "made up",
                "invented|inventing",
                "swore|swears", "never happened|existed|executed|scheduled|signed|sent",
                "doesn't|didn't|does not|did not exist",
                "admitted|admits ... never|not|didn't|hadn't|wasn't",
                "wasn't the case; no such; not what happened; contrary to",
                "cover|covering|covered up", "stringing|strung|string ... along",
                "says|said|claims|claimed ... never got|received|saw|asked|ordered|agreed|approved",
                "never went|reached|made it ... to", "two different stories|versions; story keeps changing",
                "told|tells|telling|said|says|claimed|claims|blamed ...8 was|were|is my fault",
                "altered|tampered|doctored ... date|dates|amount|amounts|figures|numbers|invoice|receipt",
            ])
        + cues(0.6, ["now says|claims|insists; suddenly says|claims"])
        + cues(
            0.4,
            [
                "actually", "supposedly", "allegedly", "claims|claimed|swore|insists|assured|assures|assuring",
                "there was|were never; there was|were no; no such thing", "turns|turned out",
                "told|tells|telling|said|says|claimed|claims ...8 was|were|is my idea|mistake",
                "never heard of|seen|received|got", "в глаза не видел*",
                "впервые слыш*|слышал*|видит|видел*", "@i|we never agreed|said|promised|offered|did",
                "can't|cannot|couldn't|won't show|produce|send|forward ... receipt|proof|confirmation|screenshot",
                "показать|прислать|предъявить не может|могут|смог*",
                "says|said|say ... nobody|noone ever",
                "telling|told|tells ... team|board|everyone|boss|investors|partners ...8 i|we ... missed|failed|didn't|broke|delayed|caused",
                "claim|claims|claimed|pass|passes|passed|present* ... as their|his|her own; as in house",
                "сам|сама|сами делал*|сделал*|придумал*; он|она|они сам|сама|сами",
                "i have|got|kept ... email|emails|brief|thread|message|messages|screenshot*|receipt|recording|timestamp",
                "log|logs|records|history|timestamp|thread ... shows|show|proves|says",
                "it's|its|it is in ... thread|email|contract|quote|brief|chat",
            ])

    static let lieRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "соврал*|врет|врут|врал*|врать|наврал*|навр*|солгал*|лжет|лгут|лгал*|лжец*|лгун*",
                "вранье|вранья|враньем|ложь|лжи",
                "обманул*|обманыва*|обман|обмана|обманом", "неправд*", "не правда", "поддел*|подделал*|липов*",
            ])
        + cues(
            0.8,
            [
                "оказалось ... не|никто|ничего|никакого|никакой|никаких|нет|фейк*|липов*",
                "сказал*|говорил*|утвержда*|уверял*|клялся|клялась|клянется|божился ... самом деле|оказалось",
                "отрица*|отпира*", "выдумал*|выдумыва*; придумал* отговорк*", "ложн*", "фейк*",
                "брехн*|брешет|набрехал*",
                "не соответств* действительност*", "утвержда*|заявля*|уверя* что не", "хотя ... сам|сама|сами",
                "говорит|говорил*|утвержда* что не ... получал*|просил*|видел*|заказывал*|согласовывал*|обещал*",
                "говорит|говорил*|утвержда*|заявля* что я|мы не ... присылал*|отправлял*|сдавал*|предупреждал*|писал*|говорил*",
                "выдал*|выдает|выдают|выдавал* ... за сво*",
                "выяснилось|обнаружилось ...8 не|никто|ничего|никакого|никакой|никаких|нет|фейк*|липов*",
            ])
        + cues(
            0.7,
            [
                "подправ*|подчист*|подрисова*|исправлен* ... сумм*|дат*|цифр*|счет*|скрин*|чек*",
                "уверя*|клялся|клялась|клянется|божился|рассказыва*|утвержда* что ...8 а|но|хотя|оказалось|выяснилось",
            ])
        + cues(0.6, ["говорил*|говорила|сказал*|сказала что ...8 а ... не|никто|ничего|нет"])
        + cues(0.6, ["приврал*|сочинил*|лукав*|прикрыва*", "признал*|призналась ... не|никто|ничего"])
        + cues(
            0.45,
            [
                "на самом деле; на деле; по факту; выяснилось", "якобы", "уверял*|клялся|клялась|клянется|божился",
                "отмаз*|сказк*",
            ])
        + cues(
            0.4,
            [
                "сказал*|говорит|говорил*|утвержда*|заявил*", "хотя ... в переписке|письме|чате|договоре|почте",
                "есть ... скрин*|переписк*|письмо|запись", "в логах|по логам",
            ])

    // MARK: unreasonable

    static let unreasonableEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "call*|text*|messag*|email*|ping*|phon*|rang|ring*|woke|wake|wakes|woken ... ~night",
                "in the middle of the night", "24 7", "round|around the clock", "for exposure|equity",
            ])
        + cues(
            0.8,
            [
                "~night", "1|2|3|4|5 am", "unpaid test|trial|spec|work|overtime|extra*", "spec work",
                "for free; free of charge",
                "at no cost|charge|extra; no extra charge; without extra pay; without paying",
                "free revision*|work|extras|labor|labour|redesign|fixes", "same price|budget|fee|rate",
                "call*|text*|messag*|email*|demand*|expect*|want*|insist* ... sunday|saturday|weekend|weekends|holiday|holidays|christmas|vacation|pto|off",
                "while ... on vacation|holiday|leave|honeymoon", "unlimited revision*|changes|rounds",
                "expects|expected|expecting|demands|demanded|wants|wanted ... within|immediately|instantly|tonight|overnight|asap|eod; expects|expected|expecting|demands|demanded|wants|wanted ... by tomorrow|morning; expects|expected|expecting|demands|demanded|wants|wanted ... same day",
                "reply|respond|answer ... within ~num minutes|mins|min",
                "expects|expected|wants|wanted|demands|demanded|needs ... within the|an|one hour|minute; expects|expected|wants|wanted|demands|demanded ... within minutes",
                "out of scope; outside|beyond ... scope; @not in ... scope; beyond the contract",
                "scope creep",
                "unrealistic|impossible|absurd|insane|ridiculous|crazy deadline*|request*|demand*|ask*|timeline*",
                "personal errand*; babysit*", "extra pages|features|screens|work ... no|same|free",
                "no|without extra budget|pay|charge|cost|money|fee; without any|a rate|pay change|increase",
                "through|over the holidays|weekend|night|nights|weekends", "for the price of",
                "any time of day|night; at all hours; any hour",
                "during|on my ... birthday|wedding|funeral|vacation|holiday|honeymoon|party; during|on my ... day off; during|on my ... sick leave",
                "on standby|call ... during|while|weekend|holiday|night",
                "call*|text*|messag*|email*|ping*|write*|writes ... every night|evening|weekend|sunday|saturday",
                "expects|expected|wants|wanted|asks|asked|asking ... me|us ...8 unpaid; expects|expected|wants|wanted|asks|asked|asking ... me|us ...8 for free",
                "pick|picking|fetch|collect|walk ... his|her|their ... dry|laundry|kids|groceries|dog|car|lunch|coffee",
                "as a favour|favor; quick favour|favor ... unpaid|free|rebuild|redo|build",
            ])
        + cues(
            0.6,
            [
                "demands|demanded|demand", "at night", "unrealistic|absurd|ridiculous|insane", "overnight",
                "weekend|weekends|sunday|saturday|sundays|saturdays",
                "on call", "always ... available; available 24",
            ])
        + cues(
            0.4,
            [
                "while i|i'm|i was ... sick|ill|hospital|off|away", "insist*", "asap|urgent|urgently",
                "by monday morning; by monday; first thing monday",
                "friday ... evening|night|~night|7pm|8pm|9pm|10pm|11pm", "6am|7am; 6|7 am",
                "~num hour|hours|h retainer|budget|package|contract",
                "daily|every ... report*|call*|update*|standup*|meeting*",
                "full|entire|whole|complete ... in|within ~num days|hours; full|entire|whole|complete ... in|within a|one week|day|weekend",
                "budget|price|cost of a|one|single", "upset|angry|annoyed|mad|furious if|when i|we",
                "tomorrow morning", "by tomorrow; tonight", "unpaid|unbilled", "demanding",
            ])

    static let unreasonableRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "звон*|позвонил*|пиш*|написал*|сообщени*|будил*|разбудил* ... ночи|ночью|полночь|полуночи|~night",
                "передел*|доработ*|правк*|правок|исправ* ... бесплатно|даром; передел*|доработ*|правк*|правок|исправ* ... за свой счет; передел*|доработ*|правк*|правок|исправ* ... без оплаты",
                "круглосуточно; 24 7", "за те же деньги", "за отзыв|портфолио|опыт",
            ])
        + cues(
            0.8,
            [
                "бесплатно|даром; за спасибо", "ночи|ночью|полночь|полуночи",
                "звон*|позвонил*|пиш*|написал*|требу*|ждет|ждут|хочет ... выходн*|воскресень*|суббот*|праздник*|отпуск*|больничн*",
                "требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... к утру|завтра*; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... до утра; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... за ночь|час|сутки; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... за два|пару часов; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... сегодня же; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... немедленно|вчера; требует|требуют|требовал*|потребовал*|хочет|хотят|ждет|ждут|просит|просят|попросил* ... через час",
                "вне|сверх тз|договора|рамок; @не входит в тз|договор|смету; за рамками",
                "бесконечн*|безлимитн*|неограниченн* правк*|правок; правки без конца", "неадекват*", "личн* поручени*",
                "всегда|был|была|быть на связи",
                "тестов* задани* ... бесплатн*", "@без доплаты; @без доп оплаты", "в любое время; любое время суток",
                "за цену; по цене; по стоимости", "в течение ~num минут|мин", "@не было|нет в договоре|тз|смете",
                "за цену|стоимость|бюджет|деньги одного|одной|одних",
                "полн*|цел*|весь|всю ... за ~num|один|два|три|пару дн*|дня|день|недел*|ночь",
            ])
        + cues(
            0.55,
            [
                "в день рождения; на больничном; в отпуске; на свадьбе; на похоронах",
                "к утру|завтра; до утра; за ночь", "требует|требуют|требовал*|потребовал*|требовани*",
                "в|на|за выходные|выходных|воскресенье|субботу", "в подарок|бонусом", "срочно|немедленно",
                "нереальн*|невыполнимо",
            ])

    // MARK: late

    static let lateEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "still unpaid|outstanding|overdue|owed|owes",
                "still no payment|money; @still nothing; still waiting; @still not|hasn't|haven't paid",
                "%money ... overdue; overdue %money", "past due",
                "~neg seen|received|got ... cent|penny|dime|dollar|euro|pound; not a cent|penny|dime",
                "ни рубля|копейки|цента|гроша",
                "~num days|weeks|months|d|w behind; %money ... behind",
                "~num days|day|weeks|week|months|d|w|wks late|over|overdue|past",
                "~num over|late",
                "never paid",
                "hasn't|haven't|didn't|hasnt|havent|didnt paid|pay|transferred|wired|settled|sent; has|have|did|still not paid|pay|transferred|wired|settled; not yet paid|transferred|wired|settled",
                "@not|haven't|hasn't|havent|hasnt been paid", "not paid yet", "no payment yet; no payment as of",
                "late payment|payments", "paid|pays|paying late", "late with|on|again ... payment|paying|invoice|pay",
                "payment|invoice|money ... delayed|late|pushed|postponed|overdue|missing|slipped",
                "pushed|moved|postponed|delayed|delaying|delays ... payment|payday|transfer; pushed|moved|postponed|delayed ... pay day",
                "cheque|check|payment ... in the mail", "slow payer|paying; slow to pay", "bounced",
            ])
        + cues(
            0.8,
            [
                "%money ... unpaid; unpaid %money", "owes|owed|owing",
                "promised|promises|promise ... pay|payment|transfer|wire",
                "will pay ... next|tomorrow|monday|friday|soon",
                "awaiting payment", "waiting ... for|on ... payment|money|transfer|funds", "no payment|money|transfer",
                "reminder*", "debt|collections", "late fee*", "missed ... payment; missed ... due date",
                "nudge*|nudged ... invoice|payment", "excuse* ... payment|pay|paying",
                "~num days|weeks|months after ... due|deadline|invoice|invoicing|delivery|handover",
                "forgetting|forgot|forgets ... to pay|approve|transfer|wire|sign off ... %money|invoice|payment|me|us",
                "%money ... promised|promises|promising",
                "%money ... never arrived|came|landed|cleared|showed; %money ... still sitting|pending|stuck|open|waiting",
                "every time ... ask|chase|remind|mention ... %money|paid|pay",
                "follow* up ... %money|payment|paid|unpaid",
            ])
        + cues(
            0.6,
            [
                "outstanding", "unpaid", "overdue", "net ~num ... turned|became|now|over|ignored",
                "invoice ~num ... still|again|over", "was|were due", "lost the invoice; payment eta",
                "%money ... обещал*|обещают",
            ])
        + cues(0.5, ["late"])
        + cues(0.4, ["тишина|молчат|молчит; не отвечают|отвечает", "no reply|answer|response|word"])
        + cues(
            0.45,
            [
                "nothing yet; not yet; still nothing", "due date", "chasing|chased",
                // A to-do such as "- chase invoice 1441" is work, not yet a late payment: a hint.
                "chas* ... %money|them|him|her",
                "accounts|ap|finance|accounting|payroll|bookkeeper* ... will|promised|promises|sort|sorting",
                "~num|two|three|four|five|six|seven|eight|nine|ten days|weeks|months since ... handover|delivery|invoice|invoicing|launch",
                "in the queue", "weeks|times|months|fridays|mondays in a row",
                "open since; outstanding since; unpaid since",
                "it's|its been ~num|two|three|four|five|six weeks|months; it has been ~num|two|three|four|five|six weeks|months",
                "nothing|silence from ... finance|accounts|ap|accounting|bookkeeper*|them; no word from ... finance|accounts|ap|accounting|bookkeeper*|them",
                "sent ~num|two|three|four|five emails|reminders|messages",
                "%money ... processing|pending|approval; на согласовании",
                "stopped|stop answering|responding|replying; gone quiet|silent; went quiet|silent",
                "month|week ~num|two|three|four|five|six now",
                "since january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|last",
            ])

    static let lateRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "просроч*", "не плат*|заплат*|оплат*|оплач*|перевел*|перевели|перечисл*|рассчит*|скинул*|скинули",
                "опозда* с оплат*|платеж*|деньг*|денег|перевод*",
                "задерж* оплат*|платеж*|деньг*|денег|перевод*|выплат*|гонорар*",
                "оплат*|платеж*|деньг*|денег|перевод*|выплат* ... задерж*|нет|перенес*|перенос*|отлож*|сдвин*; оплат*|платеж*|деньг*|денег|перевод*|выплат* ... не пришл*|пришел|поступ*|поступал*",
                "перенес*|перенос*|отлож*|сдвинул*|сдвига*|тянут|тянет|затягива* ... оплат*|платеж*|деньг*|денег|перевод*",
                "тян* с оплат*|деньг*|денег|платеж*", "плат*|оплат*|заплат*|платят ... с задержк*|с опоздани*",
                "неоплач*",
                "задолж*", "кормит|кормят|кормил* ... завтрак*|обещани*|завтра",
                "после срока|дедлайна оплаты",
                "не пришл*|пришел|поступ* ... %money",
                "%money ... не пришл*|пришел|поступ*|оплат*|заплат*|дошл*|дошел|дошли",
            ])
        + cues(
            0.8,
            [
                "долг|долга|долги|долгу|долгом", "должен|должны|должна ... денег|деньги|мне|нам|за",
                "жд* оплат*|деньг*|денег|платеж*|перевод*",
                "обеща* ... заплатить|оплатить|перевести|скинуть|рассчитаться|оплату|деньги",
                "напомина*|напомнил*|напомнила", "счет висит; висит счет", "пени|неустойк*",
                "~num дн*|недел* ... просроч*|сверху; ~num дн*|недел* ... после срока|дедлайна",
            ])
        + cues(0.6, ["опозда*|опаздыва*", "висит", "до сих пор ... нет|не", "с задержкой"])
        + cues(
            0.45,
            [
                "бухгалтер*|бухгалтери*|финансист*|финотдел* ... говор*|обеща*|сказал*|разбер*",
                "до сих пор; все еще; так и не; вот вот",
                "с января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|прошлого",
            ])

    // MARK: dispute

    static let disputeEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "disput*", "chargeback; charged|charge back",
                "refus* to pay; won't|wouldn't|wont pay; will|would not pay; not paying; not going to pay; refus* payment",
                "only pay ... half|part|portion|~num; pay only ... half|part|portion|~num",
                "will|would only pay; only pays|paid", "knock*|knocked ... off", "haggl*",
                "nickel and dim*; nickel dim*", "lowball*",
                "short paid|pay*; underpaid|shortchang*", "cheapen*", "chipping away",
            ])
        + cues(
            0.8,
            [
                "contest*|challeng*|question*|queried|querying|argu*|pushback|complain* ... invoice|bill|charge*|hours|hour|fee|fees|item*|timesheet*|price|cost|rate|total|expense*|travel|costs|line*|receipt*|mileage; pushing|pushed back ... invoice|bill|charge*|hours|fee|fees|item*|timesheet*|price|cost|rate|total",
                "asks|asked|wants|wanted|demand*|pushing|begging ... discount|refund|reduction; asks|asked|wants|wanted|demand* ... lower price",
                "cut|cutting|lower*|reduce*|slash*|shave*|trim* ... price|fee|rate|budget|invoice|cost|bill|total|hours",
                "overcharg*", "renegotiat*",
                "withhold*|withheld ... payment|money|final|balance|~num; holding back ... payment|money|final|balance|~num",
                "deduct*",
                "refund", "reversed|reverse the payment", "not worth ... paying|price|money|invoice", "partial payment",
                "after ... agreed|signed|approved ... price|fee|rate|quote|discount|cheaper|less",
                "padding|padded", "refus*|rejected|rejects ... invoice|bill|payment", "not what we|they paid for",
                "quibbl*|nitpick*", "paid ~num ... remaining|rest|balance|review",
                "pay only for; only pay for; pay just for",
                "after|now|once ... delivered|delivery|launch|handover ... discount|reduction|refund|cut|less|lower|cheaper",
                "shouldn't|won't|wouldn't|doesn't|don't ... billed|billable|charged|chargeable",
                "не хоч*|хочет|хотят ... оплачивать|платить|оплатить",
                "пересчитать|пересчет*|пересчита* ... счет*|сумм*|час*|стоимост*",
                "contest*|disputing|challeng*|question* ... every|each|all ... hour|hours|item|line|charge|expense*",
            ])
        + cues(
            0.55,
            [
                "discount", "too expensive|much|high; overpriced", "half", "~num off",
                "not|isn't|wasn't justified; unjustified",
                "paid ~num of", "only worth; it's|its worth; it is worth",
            ])
        + cues(0.6, ["pay|paying ... less|part|portion; pay me|us less"])
        + cues(0.6, ["rest|balance|remainder|remaining|payment ... depends|depending on"])
        + cues(
            0.45,
            ["more than i|we expected|thought; way more; too much; that much", "много|слишком|столько ... часов|денег"])
        + cues(0.45, ["instalment*|installment*|tranches; in parts", "add|adds|adding up to ~num", "the difference"])

    static let disputeRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "оспор*|оспарива*", "торгуется|торгуются|торговался|торговалась|торговались|торговаться|сторговать",
                "чарджбек*|чарджбэк*",
                "сбить|сбивает|сбивают|сбил* ... цен*|стоимост*|ценник|прайс|сумм*", "удешев*",
                "не буд* платить|оплачивать", "не станет|станут платить|оплачивать",
                "отказ* ... оплат*|платить|оплачивать",
                "не соглас* ... счет*|сумм*|час*|цен*|стоимост*|итог*",
            ])
        + cues(
            0.8,
            [
                "проси*|просят|хоч*|требу*|выпрашива*|выбива* ... скидк*|скидок|возврат*; проси*|просят|хоч*|требу* ... вернуть деньги|предоплату|аванс",
                "снизить|снизил*|срезать|срезал*|урезать|урезал*|уменьш*|скинуть ... цен*|стоимост*|бюджет*|сумм*|оплат*|гонорар*|счет*|ставк*|ставок",
                "только половин*|часть; половину суммы|счета; частично",
                "претензи* ... счет*|сумм*|час*|стоимост*|цен*",
                "спор*|поспорил* ... счет*|цен*|сумм*|оплат*|час*", "придира* ... счет*|строк*|час*|пункт*",
                "пересмотр* цен*|стоимост*|договоренност*|смет*", "вычесть|вычел|вычли|вычет*", "урезал*|урежет",
                "торг", "не заплат* за", "вернуть|вернул* ... част*|деньг*|денег|предоплат*",
                "скидк*|скидок|скинуть|скинул*|сниз*|урез* ...8 после сдачи|приемки|запуска; после сдачи|приемки|запуска ... скидк*|скидок|сниз*|урез*|вернуть|оспар*|торг*",
            ])
        + cues(0.55, ["скидк*|скидок", "дорого|дороговато", "не стоит таких денег; не стоит столько"])
        + cues(0.45, ["рассрочк*|частями|по частям", "в сумме|итого ... ~num"])

    // MARK: changed-mind

    static let changedMindEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "chang* ... mind|minds", "change of heart", "flip flop*; flipflop*", "moving|moved|move ... goalpost*",
                "goalpost*",
                "u turn", "backtrack*", "second guess*",
            ])
        + cues(
            0.8,
            [
                "went back on; went|goes|going|go back to", "back to ... original|old|first|previous|initial|v1|square",
                "revert* ... original|old|first|previous|initial|v1|back",
                "wants|want|wanted ... back|old; like|as before",
                "approved|signoff ... now|then|wants|redo|scrap*|new|different|changed|change|rewrit*|rework*|redone; signed|sign off ... now|then|wants|redo|scrap*|new|different|changed|change",
                "after approving|approval|signoff; after sign|signing off", "keeps|keep|kept|constantly changing",
                "changing|changed|changes ... requirements|brief|spec|scope|direction|plan|color*|colour*|logo|layout|priorities|again",
                "requirements|brief|spec|specs|scope ... changed|moved|shifted", "new brief",
                "different|new direction",
                "completely|totally|entirely|something different", "no longer wants",
                "yet another change|round|version|revision",
                "scrap*|ditch*|toss* ... approved|again|everything; scrap*|ditch*|toss* ...8 signed|agreed|approved",
                "start|starting over; from scratch", "reversed|reverses|reversing", "contradict*",
                "again changed; changed again",
                "undo|undid|undoing", "actually wants",
                "decided ... instead|against; decided ...8 after all; decided ... not to",
                "drop|dropped|dropping|kill|killed|scrap ... now|instead|months|weeks|into", "for the ~num time",
                "each|every time ... final",
                "was never an option; was never the plan",
                "then back to; back and forth; and back again",
                "signed|signs ... off ...8 now|then|wants|redo|scrap*|new|different|change*|must",
                "swapped|switched|changed|replaced|flipped|moved ...8 after ... final|finalised|finalized|locked|approved|signed|signoff",
                "redo*|redone|redid|rewrit*|rework*|redesign* ... twice|again|times",
                "first|initially|originally ...8 now|today ... wants|want|says|asks|asked|prefers",
            ])
        + cues(0.55, ["now wants; now they|he|she want|wants", "another round", "cancel*"])
        + cues(
            0.4,
            [
                "then ... then|again|today|now", "chose|picked|approved|agreed|signed ... then|later|today|now",
                "yesterday ... today|now", "last week|month|time ...8 today|now",
                "from round|draft|version|option ~num", "keep ... kill|drop|remove|scrap|cut",
                "want|wants|wanted ... again",
                "switched|swapped|changed ... at their|his|her request", "after all",
                "approved|signed|agreed|chose ...8 wants|want|asks|asked",
            ])
        + cues(0.3, ["instead"])

    static let changedMindRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "передумал*|передумыва*", "семь пятниц", "переигра*", "то одно ... то другое", "туда сюда",
                "поменял*|меняет|меняют|изменил*|сменил*|поменяли ... решени*|мнени*|концепци*|видени*|тз|задани*|требовани*|направлени*",
            ])
        + cues(
            0.8,
            [
                "верну* ... как было; верну* ... стар*|прежн*|первоначальн*|исходн*|перв*",
                "утвердил*|согласовал*|одобрил*|утверждённ*|утвержденн*|согласованн* ... теперь|потом|передел*|поменять|другой|другое|хочет|снова|заново|отменил*|переиграл*",
                "хочет|хотят|захотел* ... иначе|другой|другое|другую|другие; хочет|хотят|захотел* ... по другому",
                "по другому",
                "новое|новые тз|требования|видение|вводные", "с нуля",
                "опять|снова ... поменял*|меняет|меняют|изменил*|сменил*|передел*|переиграл*",
                "в очередной раз ... поменял*|меняет|изменил*|передел*", "заново",
                "вместо ... теперь; теперь ... вместо",
                "после утверждения|согласования|подписания ... измен*|поменял*|передел*|нов*|друг*",
                "отменил* ... решени*|утвержд*|согласован*",
                "вместо ... хочет|хотят|решил*; на другой|другую ... хочет|хотят|решил*",
                "решил* ... все таки; решил* ... в итоге; решил* ... наоборот",
                "сначала|сперва|изначально ...8 теперь|потом|сейчас|а ... хочет|хотят|просит|просят|решил*|говорит",
                "совсем|абсолютно|полностью|принципиально|совершенно друг*|нов*",
                "обратно|назад ... на|к ... стар*|прежн*|первоначальн*|исходн*|перв*",
            ])
        + cues(0.8, ["третий|четвертый|пятый|десятый раз ... передел*|меня*|правк*|правок|переписыва*|перерисов*"])
        + cues(
            0.45,
            [
                "вчера ...8 сегодня|теперь", "опять|снова ... правк*|правок|передел*", "опять|снова ... не так|не то",
                "в третий|четвертый|пятый|десятый раз", "теперь хочет|хотят",
            ])
        + cues(
            0.4,
            [
                "согласовали|утвердили|выбрали ... через|потом|теперь|сегодня",
                "решил* перенести|поменять|заменить|убрать|переделать",
            ])

    // MARK: ignored-advice

    static let ignoredAdviceEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "ignor*|disregard*|dismiss* ... %advice; brushed off ... %advice",
                "%advice ... dismissed|ignored|rejected|brushed|disregarded",
                "against ... advice|recommendation*|warning*",
                "despite ... advice|warning*|recommendation*", "pick up the pieces", "clean up ... mess",
                "as i|we ... predicted|warned|said|advised|told", "told you so",
                "~neg listen*|listened; refus* to listen; did|would not listen*",
            ])
        + cues(
            0.8,
            [
                "expects|expected|wants|wanted|asks|asked|needs ... me|us ... fix|rescue|salvage|sort|clean|save|bail",
                "anyway", "their|his|her own way", "overr*",
                "told|warned|advised|recommended|suggested ... not|against|bad|wouldn't|won't ... now|anyway|broke|crash*|fix|failed|down|hacked",
                "skipped|refused|declined|rejected|vetoed|ignored ... backup*|test|testing|tests|qa|staging|security|update*|audit|review|freeze|check*|my|our",
                "i|we warned; i|we told them|him|her; i|we said it",
                "now blam* me|us", "after|despite i|we said|told|warned|advised",
                "proposed|recommended|suggested|advised|flagged ...8 they|nobody ... anyway|instead|went|chose|did|failed|didn't|never|refused|skipped|ignored|launched|shipped|published|kept",
                "recommended|suggested|proposed|advised ...8 said no|refused|declined|rejected|passed|skipped",
                "blames|blamed me|us",
                "begged|urged|pleaded|told|reminded them|him|her ... to ...8 they|he|she didn't|refused|wouldn't|ignored|skipped; begged|urged|pleaded|told|reminded them|him|her ... to ...8 they|he|she did not",
                "said no to ...8 recommended|suggested|proposed|advised|insisted; turned down|rejected|declined|vetoed|refused ...8 recommended|suggested|proposed|advised|insisted",
            ])
        + cues(0.55, ["told|warned|advised ... not to"])
        + cues(
            0.4,
            [
                "warned", "insisted|insists on", "went ahead", "advised|recommended|warned|argued against",
                "advice|advised|recommended|suggested|proposed",
                // the fallout and the ask, told as a story
                "broke|broken|crashed|died|failed|hacked|tanked; white screened; went down; fell over",
                "now ... want|wants|expect|expects|asking|asks|needs ... me|us ... fix|handle|sort|clean|rescue|redo|online|on call",
                "want|wants|expect|expects|asking|asks me|us to fix|rescue|salvage|recover|clean",
                "told|warned them|him|her ... would|will|won't|wouldn't",
                "called|calling|phoned|texted|pinged me|us ... to fix|rescue|sort|clean|recover",
                "my job|problem|fault to|now ... fix|clean|sort|mop|handle", "mess|chaos|fallout",
                "now it's|its|it is my problem|fault|job|mess",
                "i|we said|told|warned ... need*|needed|should|must|would", "it did; and it did; on the hook",
            ])

    static let ignoredAdviceRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "не послушал*|слушает|слушают|слушал*|прислушал*; не стал* слушать",
                "игнор*|проигнорировал* ... совет*|рекомендац*|предупрежден*",
                "вопреки ... совет*|рекомендац*|предупрежден*; несмотря на ... совет*|рекомендац*|предупрежден*",
                "как я|мы и ... говорил*|предупреждал*|советовал*|предсказывал*",
            ])
        + cues(
            0.8,
            [
                "проигнорировал*|игнорирует|игнорируют|игнорировал*",
                "предупреждал*|говорил*|советовал*|объяснял*|рекомендовал* ...8 теперь|сломал*|упал*|лежит|лег|легла|слетел*|рухнул*|чинить|исправ*|разгреб*|итоге|звонят",
                "по своему; как хотел*", "сделал* ... сам*",
                "теперь ... просит|хочет|требует|ждет ... починить|исправить|разгрести|спасти|переделать|вытащить|чинить",
                "разгреба*|разгрести", "отмахнул*|отмахива*", "говорил*|советовал*|предупреждал*|просил* не",
                "настоял* на",
                "отказал*|отказались ... бэкап*|резервн*|тестир*|обновлен*|моего|нашего",
                "виноват* ... я|меня|мы|нас",
                "советовал*|рекомендовал*|предлагал* ... запустили|сделали|поставили|отказались|без",
                "предлагал*|советовал*|рекомендовал*|просил* ...8 отказал*|отказались; предлагал*|советовал*|рекомендовал*|просил* ...8 не стали|захотели",
            ])
        + cues(
            0.4,
            [
                "предупреждал*|предупредил*|советовал*|предлагал*|говорил*", "совет*|рекомендац*",
                "слетел*|упал*|упала|сломал*|лег|легла|лежит|трещин*|испорчен*|посыпал*|взломал*",
                "теперь ... просят|хотят|требуют|ждут|звонят ... я|мне|меня|чинить|исправ*|решал|разбира*|переделать",
                "теперь|в итоге ... чиним|чинить|разгреба*|исправля*|переделыва*|хаос|бардак", "я|мы виноват*|виноваты",
                "винят|винит|обвиня* меня|нас",
            ])

    // MARK: competitor

    static let competitorEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "competitor*|competition|rival|rivals|rival's ...8 cheap*|price*|pricing|proposal*|bid*|quote*|rate*|less|lower|half|faster|match|discount*|offer*|charges|cut|reduce|drop",
                "found ... someone|somebody|guy|agency|freelancer ... cheaper", "undercut*",
                "match ... their|his|her|competitor*|other|that ... price|quote|rate|offer",
            ])
        + cues(
            0.8,
            [
                "other|another|different ... agency|agencies|freelancer*|dev|devs|developer*|designer*|studio*|vendor*|shop|firm|guy|contractor*|team ... cheaper|less|half|lower|quoted|charges|would|will|offered|only",
                "someone|somebody ... else ... cheaper|less|half|for|would|will",
                "fiverr|upwork|offshore|outsource* ... cheaper|for|would|will|less|half",
                "cheaper ... elsewhere|somewhere|agency|guy|freelancer",
                "quot*|offer*|bid* ... lower|less|cheaper|half|beat", "%rival ...8 %cheaper", "%cheaper ...8 %rival",
                "overseas|offshore|abroad|foreign ... team|teams|agency|devs|dev|studio|company|outfit ... quoted|charges|cheaper|fifth|quarter|third|half",
                "other|another|cheaper team|guy|person", "a third|fraction|half of my|our price|rate|quote",
            ])
        + cues(0.55, ["cheaper", "fiverr|upwork", "elsewhere", "match this|that|it|their"])
        + cues(
            0.55,
            [
                "nephew|niece|cousin|cousin's|son|daughter|friend|friend's|brother|sister|intern ...8 would|could|can|will do ... cheaper|less|remaining|rest|instead",
                "template|templates|marketplace|themeforest|canva|wix|squarespace|chatgpt|ai ... price|prices|cheaper|costs",
                "compete|competing with",
                "знаком*|студент*|племянник*|друг|сосед*|сын|дочь ... сделает|сделают ... дешевле|бесплатно|даром|копейки|бесценок|полцены|тысяч*",
            ])
        + cues(0.55, ["for peanuts|pennies; for a fraction; for next to nothing"])
        + cues(0.45, ["beat it|this|that|their"])
        + cues(0.35, ["competitor*|competition|rival*"])

    static let competitorRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "конкурент* ...8 дешевл*|цен*|ставк*|ставок|быстрее|предлож*|полцены|меньше|скидк*|скидок|расценк*|урез*|сниз*",
                "у других|другого|остальных ... дешевл*|меньше|быстрее", "нашл* ... дешевл*|полцены", "перебил* цену",
            ])
        + cues(
            0.8,
            [
                "друг*|второй|второго ... подрядчик*|фрилансер*|агентств*|студи*|исполнител*|разработчик*|дизайнер*|программист*|команд* ... дешевл*|меньше|полцены|сделает|сделают|предлож*|готов*|берет|берут",
                "дешевле", "за полцены", "кворк*|фриланс*|авито ... дешевл*|за|сделают|сделает", "демпинг*",
                "сравни*|сравнива* ... цен*|ставк*|ставок|конкурент*|бюро|студи*|агентств*",
                "другие берут|делают|сделают",
                "%rival ...8 %cheaper",
                "%cheaper ...8 %rival", "%rival ...8 столько же",
            ])
        + cues(0.35, ["конкурент*", "друг* студи*|команд*|подрядчик*|агентств*|фрилансер*"])

    // MARK: legal

    static let legalEnglish: [IncidentCue] =
        cues(
            0.9,
            [
                "sued|suing|lawsuit*|litigat*", "to|will|would|could|might|gonna|threaten*|threatens ... sue",
                "sue me|us|them|him|her|you",
                "legal action|threat*|trouble|risk*|issue*|problem*|exposure|letter|liability|grey|gray|claim",
                "cease and desist", "small claims", "illegal*|unlawful*|unlicen*",
                "fraud*|scam*|launder*|embezzl*|brib*|kickback*",
                "tax evasion; evade|evading tax*", "off the books", "under the table", "infring*", "pirat*",
                "counterfeit*|knockoff*; knock offs",
                "lawyer* up; lawyered", "false advertising; misleading claims", "fake reviews|testimonials",
                "fake|false|bogus|misleading ... claims|reviews|testimonials|certificates|names|accounts", "backdat*",
                "made up ... customers|clients|reviews|testimonials|quotes|users; invented|fictional|imaginary ... customers|clients|reviews|testimonials|quotes|users; testimonials|reviews ... made up|fake|invented",
                "задним числом",
                "lawyer*|attorney*|solicitor* ... letter|threat*|claim*|demand*|damages|notice|action",
                "take me|us|them to court",
                "fake|false|bogus ... logos|badges|awards|certificat*|approval*|endorsement*",
                "fda|ftc ... approv*|claim*|warning", "guaranteed ... returns|return|profit*|income|~num",
                "fake*|forge*|forging|photoshop*|doctor* ... permit*|license*|licence*|certificat*|document*|ids|passport*|signature*|diploma*",
                "hide*|hiding|conceal* ... from the|their|his|her ... bank|tax|authorities|investors|buyer|auditor*|regulator*|partner*|shareholder*|cofounder*|co founder*",
                "unregistered|no registration",
                "no|without insurance; uninsured; says|claims ... insured|certified|licensed",
            ])
        + cues(
            0.8,
            [
                "badge|badges|label|labels|seal|seals|certificat*|certified|certification*|award* ...8 they|we|he|she|it don't|doesn't|didn't ... have|hold|own",
                "proven|certified|approved|guaranteed|tested ...8 no|without ... study|studies|evidence|proof|data|test*|certificat*|trials",
                "hid*|hiding|conceal* ... revenue|income|profit*|assets|owner|owners|earnings",
                "copy|copying|clone|cloning|plagiari* ... competitor*|rival*|someone|somebody|another|other ... site|website|design|text*|photos|logo|content|app; rip|ripping off ... competitor*|rival*|someone|somebody|another|other ... site|website|design|text*|photos|logo|content|app",
                "cracked copy|version|license|licence|software|photoshop|plugin|plugins|theme|fonts; nulled|warez",
                "remove|removing|removed|strip|stripping|crop|cropping|erase ... watermark*",
                "claim*|say|says|saying|promise* ... cure|cures|heal|heals|treat|treats|prevent|prevents|reverses",
                "collect*|harvest*|scrap*|track*|record* ... contacts|emails|location|data|calls ...8 without|secretly",
            ])
        + cues(
            0.8,
            ["celebrity|celebrities|influencer*|someone|people ...8 without|never ... consent|permission|agreed|asked"])
        + cues(0.45, ["real|true|actual|beneficial owner*", "as seen on|in"])
        + cues(
            0.8,
            [
                "liab*", "damages", "scrap* ... email*|data|contacts|profiles|personal", "cutting|cut corners",
                "police|cops|fbi|irs|regulator*|investigat*|raid*|subpoena*|indict*|arrest*",
                "without ... license|licence|permit*|consent", "copyright*|trademark*|stolen|stole",
                "gdpr|hipaa|ccpa; data breach; breach of",
                "shoddy|unsafe; code|safety violation*; @not up to code; fire hazard", "violat*", "sanction*",
                "sketchy|shady|dodgy",
                "personal|customer data ... sold|sell|leak*|scrap*",
            ])
        + cues(
            0.5,
            [
                "compliance", "indemn*", "spam*", "contract breach", "legal",
                "@no|without invoice|receipt; @without an invoice",
            ])
        + cues(0.4, ["court|courts", "lawyer*|attorney*|solicitor*"])

    static let legalRussian: [IncidentCue] =
        cues(
            0.9,
            [
                "суд|суда|суде|суду|судом|суды|судов|судиться|судится|засуд*|судебн*|досудеб*",
                "иск|иска|иске|иском|исков*",
                "незаконн*|нелегал*|противозаконн*; нарушени*|нарушает закон*", "мошенн*|мошенник*|афер*",
                "взятк*|откат", "сер* схем*; в черную; черн* нал*; обнал*; мимо кассы",
                "пиратск*|контрафакт*|краден*|ворован*|нелицензи*; @без лицензии",
                "уголовн*; административн* ответствен*",
                "нарушени*|нарушает авторск*; авторск* прав*",
            ])
        + cues(
            0.8,
            [
                "юрист*|адвокат* ... претензи*|требу*|письм*|иск*|угрож*", "претензи* от|официальн*", "без согласия",
                "налог*", "полици*|прокурат*|следовател*|обыск*|мвд|фнс|роскомнадзор*|фас",
                "без договора ... налог*|чек*", "поддельн*; подделк* документ*", "штраф*",
                "персональн* данн* ... без|продал*|слив*|утечк*",
                "ответственност*", "некачественн*|опасн*|снип*; с нарушениями; нарушени* норм*",
                "не платить ... налог*|ндс|взнос*; уйти|уход|уклон* от ... налог*|ндс|взнос*; обойти ... налог*|ндс|взнос*",
                "чуж* сертификат*|фото*|фотографи*|отзыв*|текст*|лицензи*|логотип*|дипломы",
                "скрыть|скрыва* ... от банка|налогов*|инвестор*|покупател*|проверк*|аудитор*",
                "завышенн*|заниженн*|подправлен*|нарисованн* ... цифр*|данн*|отчет*|сумм*|показател*",
                "не светить|скрыть|спрятать|утаить ... доход*|выручк*|прибыл*|деньг*|денег|оборот*",
                "нарисовать|нарисуй|приписать|завысить|накрутить ... выручк*|прибыл*|цифр*|показател*|доход*|оборот*",
                "из чужого|чужих|чужой ... инстаграм*|сайт*|аккаунт*|канал*|групп*",
                "провести|оформить ... как ... консультац*|услуг*|подарок|заем|займ",
                "в конверте|конвертах; серую зарплат*",
                "нет|без допуска|лицензии|аккредитации|сро|квалификац*",
            ])
        + cues(
            0.6,
            [
                "без бумажек|чеков; без официального оформления", "от имени другой|чужой компании|фирмы|организации",
                "без разрешения|спроса|ведома",
                "никто не заметит|узнает|проверяет", "наличк*|наличными|налом ... без",
            ])
        + cues(0.6, ["договор* ... нарушил*|нарушени*"])
        + cues(0.45, ["претензи*"])
        + cues(0.4, ["юрист*|адвокат*"])

    // MARK: counter-evidence

    static let standardCounterEvidence: [String: [String: [String]]] = [
        "late": [
            "en": [
                "paid in full; paid ... early|upfront|promptly|already; paid on time; before the due date; ahead of time|schedule",
                "told|warned|notified|informed us|me in advance; gave us|me a heads up; gave us|me notice",
            ],
            "ru": ["оплатил*|заплатил*|оплачен*|оплатили ... вовремя|досрочно|заранее|полностью; в срок"],
        ],
        "dispute": [
            "en": [
                "agreed on|agreed a|offered|offer|gave ... discount; discount upfront; before signing|contract|signature; before we|they signed; before the contract; no complaints; all clear; without negotiation",
                // A fair question about a wrong invoice (the freelancer's own mistake) is not a dispute.
                "my mistake|error|fault|typo|oversight; i made a mistake|an error|a typo; i|i'd had|used|put|billed|charged|entered|typed|sent|added|counted|invoiced ...2 wrong|twice|double; by mistake|accident; corrected|fixed|reissued|resent|amended ... invoice|bill|total; corrected|amended invoice|bill; credit note",
            ],
            "ru": [
                "до подписания; без споров; без торга; все понятно",
                "моя ошибка|вина; по моей ошибке|вине; ошибся|ошиблась в счете|счёте|сумме; исправил*|перевыставил* ... счет|счёт",
            ],
        ],
        "unreasonable": [
            "en": [
                "nobody|no one asked; i wanted to; my choice; double|extra|weekend|overtime|holiday|night|rush rate; paid extra; agreed in advance; my suggestion|idea|request",
                "booked|scheduled in advance|ahead; prepaid; as agreed; as planned",
            ],
            "ru": [
                "двойн*|повышенн* ставк*|ставок; за доплату; с доплатой; договорились заранее; по моей просьбе|инициативе"
            ],
        ],
        "ignored-advice": [
            "en": ["accepted|followed|took ... %advice; good call|advice"],
            "ru": ["послушали|послушал*|прислушал*|приняли ... %advice; по моей|нашей рекомендации|совету"],
        ],
        "legal": [
            "en": ["do|doing|done it properly|right|legally; by the book; above board; fully compliant"],
            "ru": ["по закону; все официально; по правилам; легально"],
        ],
        "changed-mind": [
            "en": [
                "my request|idea|suggestion|mistake|initiative; my own; good call; after|on|per my ... analysis|advice|recommendation|audit|review|research"
            ],
            "ru": ["по моей просьбе|инициативе|ошибке; после моего|моих ... анализа|аудита|совета|рекомендаци*"],
        ],
        "competitor": [
            "en": [
                "for the|their|our|a ... deck|presentation|pitch|research|analysis|report|benchmark; competitive|competitor analysis|research|landscape|audit",
                // Quotes compared before an agreement are fair (SIGNS.md, sign 9), not this sign.
                "before we|they|he|she|you ...3 signed|agreed|hired|booked|chose|decided|committed|started; before signing|agreeing|hiring|booking|choosing|deciding|committing|kickoff|starting; before the contract|deal|project; shopping around; but|still|and then|anyway chose|picked|hired|booked me|us; went with me|us",
            ],
            "ru": [
                "для ... презентаци*|исследовани*|анализа|отчета|питча; анализ* конкурентов|рынка",
                "до подписания|договора|старта|начала; перед тем как подписать|выбрать|нанять|договориться; выбрали|выбрал* меня|нас",
            ],
        ],
    ]

    // MARK: exclusions

    static let standardExclusions: [String: [String: [String]]] = [
        "lie": [
            "en": [
                "lie|lay of the land", "lie|lies|lying ... down|low|dormant|ahead|around|flat",
                "lies|lie in|with|within|behind|ahead",
                "white lie", "the lie", "lie detector",
            ],
            "ru": ["ложь во спасение"],
        ],
        "late": [
            "en": [
                "late night|afternoon|evening|morning|golden|lunch|dinner|breakfast|shift|start|summer|spring|autumn|fall|winter|season; late in the day; late ... to|for ... call|meeting|standup|sync|demo|zoom|workshop|session",
                "stayed|worked|working|staying late", "late stage",
                "outstanding work|job|result*|quality|design|team|service",
                "late fee clause|policy|terms|section", "unpaid test|trial|spec|work|overtime|extra*|internship",
                "reminder for|about ... call|meeting|sync|demo", "reminder to self|myself; note to self",
                "reminder|reminders ... scheduled|set|calendar|app|automatic|automated",
            ],
            "ru": [
                "не плат*|платят|заплатил* ... налог*|ндс|взнос*|пошлин*|штраф*", "поздно вечером|ночью",
                "опоздал*|опаздыва* на созвон|звонок|встречу|митинг|колл|планерку|~num|пять|десять|полчаса",
            ],
        ],
        "abuse": [
            "en": [
                "threaten* ... sue|lawsuit|legal|lawyer*|court|police", "threw in; threw a bonus|party",
                "tone of voice; brand|copy tone; tone of the copy",
                "rude awakening", "shouted|shout out; shoutout", "yelled for joy",
            ],
            "ru": ["угрож*|пригрозил*|грозит*|грозил* ... суд*|иск*|юрист*|адвокат*|полици*|претензи*"],
        ],
        "unreasonable": ["en": ["weekend plans", "free trial", "free tier"], "ru": ["бесплатн* консультац*"]],
        "dispute": [
            "en": [
                "no dispute", "refund policy", "discount code|codes|coupon*|banner*|field*|module",
                // An offer called too expensive is a no, not a dispute of an invoice.
                // (Not "quote": a signed quote called too expensive afterwards is a dispute.)
                "offer|offers|proposal|proposals|estimate|estimates|pitch ...8 too expensive|pricey",
            ],
            "ru": [
                "без торга",
                "предложени*|кп|смет*|оценк* ...8 дорого|дороговато",
            ],
        ],
        "legal": [
            "en": [
                "food|tennis|basketball|squash court", "courtyard; court yard",
                "legal approved|reviewed|signed|cleared|checked|team|department|dept|ok|okayed",
                "legal ...8 approved|signed|cleared|okayed|reviewed|checked|fine",
                "clause|section|paragraph|term|terms on|about|for|covering ... liability|copyright|ip|indemn*|court|courts|lawsuit*|damages|jurisdiction",
                "stolen the show", "stole the show", "me a fraud|scammer|crook",
                "flagged|marked|shows|showing|shown as unsafe|insecure; not secure",
            ],
            "ru": [
                "юрист* ... одобрил*|согласовал*|проверил*|посмотрел*|утвердил*",
                "пункт*|раздел*|условие|условия|параграф* про|об|о|по ... авторск*|ответствен*|штраф*|налог*|неустойк*|суд*|подсудност*",
                "статья|статью ... блог*|сайт*|хабр*",
            ],
        ],
        "changed-mind": [
            "en": ["reversed|reverse the payment|charge", "approved change request|requests|order|orders"]
        ],
        "ignored-advice": ["en": ["anyway thanks; thanks anyway"]],
        "competitor": [
            "en": [
                "nice|for|as reference; as a reference",
                "dev|devs|developer*|design|designer* timesheet*|hours|time|invoice*|log|logs",
            ],
            "ru": ["референс*"],
        ],
    ]
}
