"""Heuristics for quote extraction, kept as data: one :class:`QuoteRules` per language.

Everything language-specific that :mod:`newsthread.quotes` needs lives here so a new
language (or a missing verb form) is a data change, not a code change. Lists are
deliberately small and hand-written; entries are lowercase unless said otherwise.

Multi-word verbs ("la til", "lagt til") match with up to one adverb between the words
("la imidlertid til"), see :func:`newsthread.quotes` for how they are compiled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Paragraph-opening dashes used for direct speech (hyphen, en dash, em dash).
DASHES: tuple[str, ...] = ("-", "–", "—")

# Opening mark -> closing marks it may pair with. Typographic styles differ by
# language and by sloppy editing, so each opener accepts a few closers.
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "«": ("»",),
    "»": ("«", "»"),  # Swedish/Danish reversed guillemets
    "“": ("”", "“"),
    "”": ("”",),  # Swedish/Finnish style: same mark both ends
    "„": ("“", "”"),
    "‚": ("‘", "’"),
    "‘": ("’",),
    '"': ('"',),
    "’": ("’",),  # Danish web copy uses the right single mark at both ends
    "'": ("'",),  # plain single marks in agency and web copy ('Vi har en trup ...', sagde han)
}

# Particles that may sit inside a personal name ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
NAME_PARTICLES: frozenset[str] = frozenset(
    ["von", "van", "der", "den", "de", "di", "da", "du", "del", "della", "des", "la", "le", "af", "av", "bin", "ibn", "ben", "al", "el", "zu", "ten", "ter", "y"]
)

# Abbreviated first or middle names written with a full stop inside a person's name
# ("Lars Chr. Lilleholt", "Henrik Th. Hansen"); single capital initials ("Jens O.
# Hansen", "J. P. Morgan") count too. Case-sensitive: these are written capitalised.
NAME_ABBREVIATIONS: frozenset[str] = frozenset(
    ["Chr", "Fr", "Th", "Ths", "Joh", "Jac", "Jak", "Kr", "Ph", "Wm", "Edv", "Vilh", "Aug", "Mich", "Gh", "Wl"]
)

# Places, organisations and media that are capitalised like names but never persons.
# Small on purpose: the name finder also needs person-like context, this only removes
# the frequent false friends in Nordic news.
NON_PERSONS: frozenset[str] = frozenset(
    ["nato", "fn", "eu", "usa", "un", "uk", "ukraine", "ukraina", "rusland", "russland", "ryssland", "danmark", "norge", "noreg", "sverige", "finland", "island", "tyskland", "frankrig", "frankrike", "storbritannien", "england", "kina", "japan", "indien", "iran", "irak", "syrien", "syria", "israel", "gaza", "europa", "europe", "vesten", "amerika", "afrika", "asien", "asia", "bruxelles", "brussel", "københavn", "oslo", "stockholm", "helsingfors", "helsinki", "aarhus", "bergen", "göteborg", "malmö", "moskva", "moscow", "kyiv", "kiev", "kijev", "washington", "london", "paris", "berlin", "genève", "geneve", "new", "york", "krim", "kreml", "kremlin", "reuters", "ritzau", "bbc", "cnn", "abc", "nrk", "dr", "tv2", "svt", "afp", "ap", "ntb", "tt", "facebook", "twitter", "google", "apple", "microsoft", "folketinget", "stortinget", "riksdagen", "regeringen", "regjeringen", "regeringen", "kommissionen", "white", "house", "hvide", "hus", "hvite", "hus", "pentagon", "politiet", "politi", "polisen", "det", "den", "de", "gud", "god", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tisdag", "tysdag", "fredag", "lördag", "söndag", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december", "mars", "mai", "desember", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "june", "july", "october"]
)

# Heads of role nouns: a token whose (lowercased, de-hyphenated) tail is one of these,
# optionally followed by a definite suffix, is a role ("udenrigsministeren",
# "Nato-sjefen", "afdelingslæge"). Shared by all languages because news borrows titles.
ROLE_HEADS: tuple[str, ...] = ("minister", "statsminister", "premierminister", "generalsekretær", "generalsekretær", "generalsekreterare", "sekretær", "sekreterare", "præsident", "president", "presidenten", "formand", "formann", "forkvinde", "ordförande", "ordførar", "ordfører", "direktør", "direktör", "chef", "sjef", "leder", "ledar", "leiar", "boss", "talsperson", "talsmand", "talsmann", "talskvinde", "talskvinne", "talesperson", "taleperson", "talesmann", "talskvinna", "pressetalsmand", "pressechef", "pressesjef", "professor", "lektor", "forsker", "forskar", "ekspert", "expert", "analytiker", "analytikar", "økonom", "ekonom", "læge", "lege", "läkare", "overlæge", "advokat", "dommer", "domar", "domare", "borgmester", "borgermester", "ordfører", "kommunaldirektør", "politimester", "politiinspektør", "vagtchef", "vakthavende", "politiadvokat", "anklager", "aktor", "kommandør", "general", "admiral", "officer", "oberst", "kaptajn", "kaptein", "kapten", "kansler", "kommissær", "kommissær", "ambassadør", "ambassadør", "ambassadör", "korrespondent", "redaktør", "redaktör", "journalist", "træner", "trener", "trenar", "tränare", "kaptajn", "spiller", "spelare", "rådmand", "rådmann", "kommunalråd", "biskop", "præst", "prest", "präst", "konge", "kung", "dronning", "drottning", "prins", "prinsesse", "sekretariatschef", "stifter", "grundlægger", "grunnlegger", "medlem", "ordfører", "folketingsmedlem", "stortingsrepresentant", "riksdagsledamot", "politiker", "politikar", "partileder", "partiledare", "borgmästare", "spokesman", "spokeswoman", "spokesperson", "secretary", "chairman", "chairwoman", "chief", "director", "governor", "guvernør", "guvernör", "mayor", "senator", "ceo", "commander", "leader", "economist", "analyst", "scientist", "researcher",
    # occupations: compounds match by their tail ("tillidsrepræsentant", "hovedtillitsvalgt",
    # "sosialbyråd", "kommunikasjonsrådgiver", "efterforsker" via "forsker")
    "repræsentant", "representant", "tillitsvalgt", "tillitsvald", "byråd", "rådgiver", "rådgivar", "rådgivare",
    "konsulent", "koordinator", "inspektør", "inspektör", "rektor", "lærer", "lærar", "lärare", "psykolog", "jurist",
    "historiker", "historikar", "kommentator", "forfatter", "författare", "ombudsmand", "ombudsmann", "tillidsmand",
    "tillitsmann", "sygeplejerske", "sykepleier", "sjuksköterska", "hjelpepleier", "hjelpepleiar", "helsefagarbeider",
    "undersköterska", "jordemoder", "jordmor", "betjent", "anfører",
    "anförare", "medarbejder", "medarbeider", "medarbetare", "sagsbehandler", "saksbehandler", "ordstyrer",
    "fagdirektør", "overlege", "klinikchef", "skoleleder", "landsformand", "næstformand", "nestleder",
    "hovedkasserer", "kasserer", "producent", "produsent", "instruktør", "regissør", "ambassadør", "diplomat",
    "official", "representative", "adviser", "advisor", "minister", "prosecutor", "lawyer", "attorney", "executive",
    "olog", "kritiker", "tekniker", "musiker", "akademiker", "statistiker", "fotograf", "koreograf",
    "forsvarer", "forsvarar", "försvarare", "åklagare", "kirurg", "surgeon", "megler", "mægler", "meklar", "helsesøster", "sykesøster",
    "mäklare", "broker",
    # military ranks and church titles used before a surname ("Sersjant Johansen mener"); not "major",
    # which is also a surname
    "sersjant", "sergent", "sergeant", "løjtnant", "løytnant", "löjtnant", "lieutenant", "korporal", "pave", "påve",
    "pope", "maskinist", "statsråd", "anmelder", "anmeldar", "recensent",
    # candidates ("Frps ordførerkandidat i Trondheim, X", "statsministerkandidat")
    "kandidat", "candidate")

# Court roles an article introduces under one title and refers to under another: "Statsadvokat X ...
# sa aktor", "anklager X ... sagde anklageren". A role noun on the left matches a person whose role
# holds a word ending in one of the titles on the right.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "aktor": ("aktor", "statsadvokat", "politiadvokat", "anklager", "påtalejurist"),
    "anklager": ("anklager", "aktor", "statsadvokat", "politiadvokat", "anklagerfuldmægtig"),
    "åklagare": ("åklagare", "kammaråklagare", "chefsåklagare"),
    "forsvarer": ("forsvarer", "forsvarsadvokat", "forsvarar"),
    "forsvarar": ("forsvarer", "forsvarsadvokat", "forsvarar"),
    # "Energiminister X ... sier statsråden": a Norwegian cabinet member is a "statsråd"
    "statsråd": ("statsråd", "minister", "ministar"),
}

# Nouns for a person that are no title ("kvinden", "naboen", "eleven", "a witness"): an
# attribution "siger kvinden" names no one the article introduced, so the quote's speaker
# stays unknown instead of being taken from the context. Only matched on lower-case words
# in an agent slot (never used to trim names: "Mann", "Elev" may be surnames).
PERSON_NOUNS: tuple[str, ...] = (
    "mand", "kvinde", "mann", "kvinne", "kvinna", "woman", "pige", "dreng", "jente", "gutt", "flicka", "pojke",
    "girl", "boy", "elev", "nabo", "granne", "vidne", "vitne", "vittne", "passager", "passasjer", "passagerare",
    "passenger", "beboer", "bebuar", "innbygger", "innbyggjar", "invånare", "borger", "forælder", "forelder",
    "förälder", "parent", "mor", "far", "mother", "father", "søster", "søster", "syster", "sister", "bror",
    "brother", "datter", "dotter", "daughter", "søn", "sønn", "deltager", "deltaker", "deltakar", "deltagare",
    "tilskuer", "tilskodar", "åskådare", "ansat", "ansatt", "tilsett", "anställd", "employee", "kunde", "kund",
    "customer", "patient", "pasient", "offer", "victim", "overlevende", "survivor", "turist", "tourist", "kilde",
    "kjelde", "källa", "source", "witness", "resident", "bonde", "landmand", "fisker", "fiskar", "studerende",
    "student", "pensionist", "pensjonist", "pensjonær", "mamma", "pappa", "ven", "venn", "vän", "friend",
    "kollega", "colleague", "chauffør", "sjåfør", "chaufför", "driver", "fører", "pilot", "ejer", "eier", "ägare",
    "owner", "bruger", "bruker", "brukar", "användare", "user", "forbruger", "forbruker", "konsument",
    "cyklist", "syklist", "bilist", "fodgænger", "fotgjenger", "fotgängare", "arbejder", "arbeider", "arbetare",
    "soldat", "soldier", "flygtning", "flyktning", "refugee",
    # family, as features name people ("kona Kari", "bestemor Ingrid", "hustrun Anna")
    "kone", "kona", "hustru", "hustrun", "ektemand", "ektemann", "maken", "wife", "husband", "kæreste", "kjæreste",
    "samboer", "sambo",
    "bedstemor", "bedstefar", "farmor", "mormor", "farfar", "morfar", "bestemor", "bestefar",
    "grandmother", "grandfather", "barnebarn", "barnbarn", "tante", "moster", "faster", "onkel", "morbror", "farbror",
    "aunt", "uncle", "fætter", "kusine", "fetter", "kusine", "cousin",
    # couples ("siger parret samstemmende"): the pair, not one of them
    "parret", "paret", "ægtepar", "ektepar", "couple",
    # parties to a court case that reports leave unnamed ("Den tiltalte ...", "Dørvakten, som er 31 år, ...")
    "tiltalt", "tiltalte", "sigtet", "sigtede", "fornærmede", "forurettede", "åtalad", "misstänkt", "defendant",
    "vakt", "vagt", "vekter", "dørmand")

# Family and partner nouns that introduce one person ("Barnebarnet X", "Xs søster, Y", "samboeren"): a
# later "ifølge barnebarnet" / "sa søsteren" means the person introduced with the noun.
FAMILY_NOUNS: frozenset[str] = frozenset(
    ["mor", "far", "søster", "syster", "bror", "datter", "dotter", "søn", "sønn", "mamma", "pappa", "kone", "kona",
     "hustru", "ektemand", "ektemann", "maken", "bedstemor", "bedstefar", "farmor", "mormor", "farfar", "morfar",
     "bestemor", "bestefar", "barnebarn", "barnbarn", "tante", "moster", "faster", "onkel", "morbror", "farbror",
     "fætter", "kusine", "fetter", "kæreste", "kjæreste", "samboer", "sambo", "husband", "wife", "daughter", "son",
     "sister", "brother"])

# Partner nouns: "samboeren" after "X og Y ..., sier Y" is X (``_partner``).
PARTNER_NOUNS: frozenset[str] = frozenset(
    ["kæreste", "kjæreste", "samboer", "sambo", "ektemand", "ektemann", "maken", "kone", "kona", "hustru",
     "husband", "wife", "partner"])

# Words that name two people named together as one couple ("Paret har ...", "ekteparet", "De to
# samboerne"), as word endings: a compound ending in one counts too (``_partner``).
COUPLE_WORD_ENDINGS: tuple[str, ...] = ("par", "parret", "paret", "parets", "parrets", "samboerne", "couple")

# The gender a plain person noun gives a pronoun that refers back to it ("En kvinde ... siger hun").
PERSON_NOUN_GENDER: dict[str, str] = {
    **dict.fromkeys(["kvinde", "kvinne", "kvinna", "woman", "pige", "jente", "flicka", "girl", "mor", "mother",
                     "datter", "dotter", "daughter", "søster", "syster", "sister", "mamma"], "f"),
    **dict.fromkeys(["mand", "mann", "man", "dreng", "gutt", "pojke", "boy", "far", "father", "søn", "sønn", "son",
                     "bror", "brother", "pappa"], "m"),
}

# Capitalised function words inside a capitalised run make it an organisation's name, not a
# person's ("Leger Uten Grenser", "Save The Children"). Matched on the inner words of a run only.
ORG_CONNECTORS: frozenset[str] = frozenset(
    ["uden", "uten", "utan", "without", "mod", "mot", "against", "og", "och", "and", "of", "for", "til", "till",
     "med", "with"])

# Capitalised prepositions that end a person's name when a typo capitalised them ("Karen Holt Fra
# Venstre"); no name particles (af, av, de, von) here.
NAME_BREAKERS: frozenset[str] = ORG_CONNECTORS | frozenset(["fra", "frå", "från", "from", "hos"])

# Nationality adjectives (stem without -e/-a) and the countries whose genitive means the same:
# "den amerikanske præsident" is the person introduced as "USA's præsident" or "amerikanske
# præsident", never "Ruslands præsident".
NATIONALITIES: dict[str, tuple[str, ...]] = {
    "dansk": ("danmark",), "danish": ("danmark", "denmark"), "norsk": ("norge", "noreg"), "norwegian": ("norway",),
    "svensk": ("sverige",), "swedish": ("sweden",), "finsk": ("finland",), "islandsk": ("island",),
    "tysk": ("tyskland",), "german": ("germany",), "fransk": ("frankrig", "frankrike"), "french": ("france",),
    "britisk": ("storbritannien", "storbritannia", "england"), "british": ("britain", "uk"),
    "engelsk": ("england",), "amerikansk": ("usa", "amerika"), "american": ("usa", "us", "america"),
    "russisk": ("rusland", "russland", "ryssland"), "rysk": ("ryssland",), "russian": ("russia",),
    "ukrainsk": ("ukraine", "ukraina"), "ukrainian": ("ukraine",), "kinesisk": ("kina",), "chinese": ("china",),
    "japansk": ("japan",), "indisk": ("indien", "india"), "iransk": ("iran",), "israelsk": ("israel",),
    "palæstinensisk": ("palæstina",), "palestinsk": ("palestina",), "tyrkisk": ("tyrkiet", "tyrkia"),
    "turkisk": ("turkiet",), "græsk": ("grækenland",), "gresk": ("hellas",), "grekisk": ("grekland",),
    "italiensk": ("italien", "italia"), "spansk": ("spanien", "spania"), "polsk": ("polen",),
    "hollandsk": ("holland",), "nederlandsk": ("nederland", "nederlandene"), "belgisk": ("belgien", "belgia"),
    "canadisk": ("canada",), "kanadensisk": ("kanada",), "mexicansk": ("mexico",), "brasiliansk": ("brasilien", "brasil"),
    "syrisk": ("syrien", "syria"), "egyptisk": ("egypten",), "saudiarabisk": ("saudi-arabien", "saudi-arabia"),
    "nordkoreansk": ("nordkorea",), "sydkoreansk": ("sydkorea",), "sørkoreansk": ("sør-korea",),
    "ungarsk": ("ungarn",), "østrigsk": ("østrig",), "østerriksk": ("østerrike",), "schweizisk": ("schweiz",),
    "sveitsisk": ("sveits",), "estisk": ("estland",), "lettisk": ("letland", "latvia"), "litauisk": ("litauen",),
    "hviderussisk": ("hviderusland",), "belarusisk": ("belarus",), "afghansk": ("afghanistan",),
    "irakisk": ("irak",), "libanesisk": ("libanon",), "venezuelansk": ("venezuela",), "argentinsk": ("argentina",),
}

# Definite nouns for a person of a nationality ("sa svensken til TV4", "siger franskmanden") and the
# nationality adjective's stem (a key of NATIONALITIES): the person the article introduced with that
# adjective in front of the name ("svenske Elsa Berg") or a role of that country.
DEMONYMS: dict[str, str] = {
    "svensken": "svensk", "svenskeren": "svensk", "dansken": "dansk", "danskeren": "dansk", "nordmanden": "norsk",
    "nordmannen": "norsk", "norrmannen": "norsk", "finnen": "finsk", "finländaren": "finsk", "tyskeren": "tysk",
    "tysken": "tysk", "amerikaneren": "amerikansk", "amerikanen": "amerikansk", "russeren": "russisk",
    "ryssen": "russisk", "briten": "britisk", "britten": "britisk", "franskmanden": "fransk",
    "franskmannen": "fransk", "fransmannen": "fransk", "islændingen": "islandsk", "islendingen": "islandsk",
    "italieneren": "italiensk", "italienaren": "italiensk", "spanieren": "spansk", "spanjolen": "spansk",
    "polakken": "polsk", "kineseren": "kinesisk", "japaneren": "japansk", "ukraineren": "ukrainsk",
    "hollænderen": "hollandsk", "nederlenderen": "nederlandsk", "østrigeren": "østrigsk",
    "østerrikeren": "østerriksk", "canadieren": "canadisk",
}

# Definite and genitive endings a role head may carry ("-en", "-n", "-et", "-a", "-s").
ROLE_SUFFIXES: tuple[str, ...] = ("", "en", "n", "et", "a", "s", "ens", "ns", "ets")

# Lower-case nouns for an organisation ("oplyser flyselskabet", "bekrefter selskapet",
# "the company said", "Hamborgs politi"). A definite one names no one the article
# introduced: the quote keeps it as its role and stays without a speaker.
ORG_NOUNS: tuple[str, ...] = (
    "selskab", "selskap", "selskap", "bolag", "company", "firma", "firm", "virksomhed", "virksomhet", "verksamhet",
    "koncern", "konsern", "group", "organisation", "organisasjon", "organisasjon", "organization", "organisation",
    "forbund", "forening", "forening", "förening", "förbund", "union", "klub", "klubb", "club", "parti", "party",
    "politi", "polis", "police", "ministerium", "ministerie", "departement", "departementet", "ministry",
    "kommune", "kommun", "region", "styrelse", "direktorat", "myndighed", "myndighet", "authority", "regering",
    "regjering", "government", "hospital", "sykehus", "sjukhus", "sjukehus", "universitet", "university", "skole",
    "skule", "skola", "school", "bank", "fond", "institut", "institutt", "institute", "agency", "etat", "byrå",
    "bureau", "domstol", "court", "ret", "rett", "tingrett", "lagmannsrett", "hovedstyrelse", "ledelse", "leiing",
    "ledning", "management", "rederi", "reederi", "avis", "avisen", "tidning", "newspaper", "kanal", "channel",
    "ambassade", "ambassad", "embassy", "kontor", "office", "sekretariat", "hær", "hær", "armé", "army", "forsvar",
    "militær", "military", "brandvæsen", "brannvesen", "räddningstjänst", "beredskab", "beredskap",
    # agencies named by a genitive or adjective in front: "Statens vegvesen", "Innlandet politidistrikt",
    # "Statens kartverk", "Arbeidstilsynet", "Ankenævnet"
    "vesen", "væsen", "distrikt", "tilsyn", "nævn", "nemnd", "verk", "værk",
    # centres: "Forsvarets Operationscenter", "Joint Rescue Coordination Centre", "Hovedredningssentralen"
    "center", "centre", "centrum", "senter", "sentral", "central", "centralen",
    # councils: "Bransjerådet for X", "Forbrugerrådet", "Sikkerhetsrådet"
    "råd", "ombud")
# Organisation nouns that follow a place or owner in a public body's name which entity extraction
# often misses: "Østfold politidistrikt", "Oslo kommune", "Statens vegvesen", "Innlandet fylkeskommune"
NAMED_BODY_NOUNS: frozenset[str] = frozenset(["politi", "polis", "distrikt", "kommune", "kommun", "vesen", "væsen",
                                              "etat", "direktorat", "tilsyn"])
# Association nouns after a country's genitive that name a national body entity extraction misses
# (lower-case compound): "Norges idrettsforbund", "Danmarks skakforening"
NATIONAL_ASSOCIATION_NOUNS: frozenset[str] = frozenset(["forbund", "förbund", "forening", "förening", "foreining"])

# Organisation nouns under four letters that may still end a compound ("Bransjerådet", "Forbrukerrådet")
SHORT_COMPOUND_ORG_NOUNS: frozenset[str] = frozenset(["råd"])
ORG_SUFFIXES: tuple[str, ...] = ("", "et", "en", "a", "n", "s", "ets", "ens", "t")

# Organisation nouns whose definite compound names one public body: a sentence-initial
# "Udenrigsministeriet oplyser" / "Arbeidstilsynet opplyser" keeps that word as the speaker
# when no organisation named in the article resolves it (unlike "Flyselskabet": any airline).
PUBLIC_BODIES: frozenset[str] = frozenset(
    ["ministerium", "ministerie", "departement", "direktorat", "styrelse", "myndighed", "myndighet", "politi",
     "polis", "tilsyn", "vesen", "væsen", "nævn", "nemnd", "etat", "domstol", "tingrett", "lagmannsrett",
     "ambassade", "ambassad", "brandvæsen", "brannvesen", "räddningstjänst", "beredskab", "beredskap", "forsvar",
     "råd", "ombud"])

# Role heads that also name an office as an institution: a capitalised compound ("Forbrugerombudsmanden",
# "Børneombudsmanden") that the article ties to no person is that body, the speaker as written.
INSTITUTION_ROLE_HEADS: frozenset[str] = frozenset(["ombudsmand", "ombudsmann", "ombudsman"])

# Organisation nouns that may refer to the organisation the last sentences were about
# ("Danske Seniorer er positive. «...», skriver foreningen"); specific ones ("politiet",
# "ministeriet") only resolve to a name that holds them.
GENERIC_ORG_NOUNS: frozenset[str] = frozenset(
    ["organisation", "organisasjon", "organization", "forening", "förening", "forbund", "förbund", "selskab",
     "selskap", "bolag", "company", "firm", "firma", "koncern", "konsern", "group", "virksomhed", "virksomhet",
     "verksamhet", "klub", "klubb", "club", "union", "parti", "party"])
# Finite verbs after a sentence-initial subject that make it a subject ("Danske Seniorer er mere positive").
SUBJECT_VERBS: frozenset[str] = frozenset(
    ["er", "var", "är", "is", "was", "har", "havde", "hadde", "hade", "has", "had", "vil", "ville", "kan", "kunne",
     "skal", "skulle", "ska", "må", "will", "would", "can", "could", "must", "should"])

# Organisation nouns for a news medium: "ifølge avisen" is never the organisation the article is about.
MEDIA_NOUNS: frozenset[str] = frozenset(["avis", "avisen", "tidning", "newspaper", "kanal", "channel"])

# News media and platforms: a source of a report, never what "selskapet" refers to.
MEDIA: frozenset[str] = frozenset(
    ["reuters", "ritzau", "bbc", "cnn", "nrk", "dr", "tv2", "tv 2", "tv 2 fyn", "svt", "afp", "ap", "ntb", "tt", "dpa",
     "politiken", "berlingske", "jyllands-posten", "information", "ekstra bladet", "bt", "aftenposten", "vg",
     "dagbladet", "dagens næringsliv", "dagens nyheter", "svenska dagbladet", "expressen", "aftonbladet",
     "die welt", "der spiegel", "the guardian", "new york times", "the new york times", "washington post",
     "bloomberg", "x", "facebook", "twitter", "instagram", "tiktok", "youtube", "linkedin"]
)

# Role heads meaning "the leader of <org>": "Nato-chefen" matches a person whose role
# mentions Nato with any leading title (generalsekretær, formand, direktør ...).
LEADER_HEADS: frozenset[str] = frozenset(["chef", "sjef", "leder", "ledar", "leiar", "boss", "chief", "head"])
LEADER_TITLES: frozenset[str] = frozenset(
    ["generalsekretær", "generalsekreterare", "præsident", "president", "formand", "formann", "ordförande", "direktør", "direktör", "chef", "sjef", "leder", "ledar", "leiar", "secretary", "chairman", "director", "ceo", "kansler"]
)

# First names whose lowercase form is also a common word or frequent in running text,
# with the gender the pronoun resolver may use. Not a census: unknown names stay neutral.
MALE_NAMES: frozenset[str] = frozenset(
    ["per", "hans", "jens", "john", "lars", "mads", "kim", "jan", "tom", "finn", "bo", "dan", "bent", "dag", "even", "stein", "max", "frank", "mark", "ole", "erik", "arne", "leif", "tor", "tore", "sune", "otto", "kurt", "karl", "carl", "alf", "ib", "uffe", "ulf", "björn", "bjørn", "jonas", "jakob", "jacob", "peter", "anders", "henrik", "søren", "niels", "morten", "thomas", "martin", "michael", "mikkel", "christian", "kristian", "jesper", "rasmus", "frederik", "adam", "david", "daniel", "donald", "joe", "joseph", "emmanuel", "vladimir", "sergej", "sergei", "olaf", "boris", "jeppe", "palle", "poul", "paul", "kasper", "casper", "rune", "magnus", "emil", "oliver", "william", "noah", "lukas", "mattias", "johan", "gustav", "oskar", "oscar", "viktor", "victor", "olav", "jonas", "jens-otto", "jørgen", "jørn", "knut", "kjell", "svein", "terje", "geir", "trond", "øystein", "espen", "håkon", "jonas", "stefan", "stephen", "james", "robert", "richard", "charles", "george"]
)
FEMALE_NAMES: frozenset[str] = frozenset(
    ["anne", "anna", "mette", "marie", "inge", "helle", "lis", "karen", "lone", "pia", "eva", "ida", "maja", "vera", "liv", "sol", "stine", "tina", "rita", "rose", "ruth", "lise", "signe", "ester", "nina", "kirsten", "hanne", "susanne", "birgitte", "camilla", "charlotte", "louise", "julie", "sofie", "sophie", "emma", "ellen", "ingrid", "kari", "astrid", "sigrid", "solveig", "siv", "erna", "magdalena", "ursula", "angela", "kamala", "hillary", "theresa", "margrethe", "mette-marit", "ulla", "ebba", "elin", "karin", "kristina", "annika", "lena", "linda", "sara", "sarah", "maria", "katrine", "trine", "pernille", "line", "lene", "dorthe", "diana", "erica", "cecilia", "jacinda"]
)
# First-name endings that in Nordic and many European languages signal a woman.
FEMALE_NAME_ENDINGS: tuple[str, ...] = ("a", "ine", "ette", "rid", "borg", "bjørg", "björg", "veig", "hild")
MALE_NAME_EXCEPTIONS: frozenset[str] = frozenset(["ola", "nikola", "luca", "andrea", "joshua", "ilja", "kostja", "sasha", "mikola", "nikita",
    # Slavic, Arabic, Somali, Italian and other male names that end in -a
    "mykola", "mykyta", "ilya", "illia", "misha", "grisha", "pasha", "dima", "kolya", "vanya", "yura",
    "vova", "tolya", "foma", "kuzma", "musa", "mustafa", "mostafa", "hamza", "osama", "usama", "oussama",
    "yahya", "zakaria", "zakariya", "taha", "luka", "gianluca", "mattia", "elia", "attila",
    "jona"])


# "Hos Danske Regioner lyder det, at ...", "Fra klubben heter det at ...": a source named by a preposition,
# then an impersonal speech phrase; the source is the speaker of the clause after the complementiser.
SOURCE_PREPOSITIONS: frozenset[str] = frozenset(["hos", "fra", "frå", "från"])
IMPERSONAL_SPEECH: tuple[str, ...] = ("lyder det", "lød det", "lyder det også", "lød det også", "hed det",
                                      "heter det", "het det", "heiter det", "heitte det", "lydde det", "låter det",
                                      "lät det", "hette det")

# Words that open an unnamed plural or vague subject of reported speech ("Flere medier har skrevet at",
# "Kilder med kendskab til sagen siger, at"): the quote is kept, the speaker stays unknown.
UNNAMED_SUBJECT_OPENERS: frozenset[str] = frozenset(
    ["flere", "mange", "nogle", "noen", "andre", "kilder", "kilde", "medier", "eksperter", "experter", "källor",
     "flera", "många", "kjelder", "fleire", "somme", "sources", "several", "many", "experts"])
# Copulas and passive auxiliaries: a speech-verb form right after one is a participle ("er forsikret for
# fem millioner", "blev meldt savnet"), no speech cue for a quotation in the sentence
PASSIVE_AUXILIARIES: tuple[str, ...] = ("er", "var", "blir", "ble", "bliver", "blev", "vart", "vert", "är", "blivit")
# A single source the article does not name, after an indefinite article: "En kilde tæt på sagen oplyser, at"
ANONYMOUS_SOURCE_NOUNS: frozenset[str] = frozenset(["kilde", "kjelde", "källa", "source"])

# Past participles among the speech verbs: a speech cue only right after a perfect auxiliary ("har
# tidligere skrevet at"), never in the passive ("Der er skrevet meget om ...") and with no agent after them
# ("har fortalt Røde Kors om ..." names whom they told).
PARTICIPLE_VERBS: frozenset[str] = frozenset(["skrevet", "fortalt", "oplyst", "opplyst", "bekræftet", "bekreftet",
                                              "afvist", "avvist", "meddelt", "forklart"])

# Object forms of the third-person pronouns, with gender: "ifølge ham", "ifølge hende", "enligt honom"
OBJECT_PRONOUNS: dict[str, str] = {"ham": "m", "hende": "f", "henne": "f", "honom": "m", "him": "m", "her": "f",
                                   "hinnar": "f"}

# Pronouns that tell an interviewer's dash question ("- Er du bekymret?") from a speaker's own
# rhetorical one ("- Hvad skal vi gøre?"): all languages together, casefolded.
# Words that open an answer to a yes/no question ("- Ja, ...", "- Nei.", "- Jo, ...").
ANSWER_WORDS = frozenset(["ja", "nej", "nei", "jo", "nja", "tja", "yes", "no", "javisst", "absolut", "absolutt",
                          "selvfølgelig", "selvsagt", "självklart", "definitivt", "overhovedet", "overhodet"])
FIRST_PERSON = frozenset(["jeg", "vi", "eg", "me", "jag", "we", "my", "our", "mig", "mej", "meg", "os", "oss"])
SECOND_PERSON = frozenset(["du", "dig", "deg", "dykk", "dere", "jer", "you", "your", "din", "dit", "dine", "ditt", "dina", "di", "dykkar"])


# Third-person possessives with the owner's gender ("Hendes mand, X, ..." is described through a woman).
POSSESSIVES: dict[str, str] = {"hendes": "f", "hennes": "f", "hennar": "f", "hans": "m"}

# Framing verbs that frame a quote only through "som": "præsenterer desserten som «det, køkkenet er stolt
# af»", "presenterer seg som en ’frustrert rockestjerne’"; not "præsenterer kor i ’Dagens sang’".
AS_FRAMING_VERBS: frozenset[str] = frozenset(["præsenterer", "præsenterede", "presenterer", "presenterte"])

# Words joining two titles of one person ("Overlæge og ledende kirurg på X, Y"): both are that person's roles.
# Infinitives right after "at" that make it the infinitive marker, not a complementiser ("forventer at
# kunne åbne"): modal and auxiliary infinitives only, since they cannot open a finite clause.
INFINITIVES: frozenset[str] = frozenset(["kunne", "kunna", "blive", "bli", "bliva", "være", "vere", "vara", "få",
                                         "skulle", "ville", "måtte", "burde", "have", "ha", "gøre", "gjøre"])

# Plural pronouns after a speech verb ("sier de", "sa de to"): several speakers, none named as one.
PLURAL_PRONOUNS: frozenset[str] = frozenset(["de", "dei", "they"])
PLURAL_QUANTIFIERS: frozenset[str] = frozenset(["to", "tre", "fire", "begge", "båda", "both", "two", "alle", "selv",
                                                "sjølv", "själva", "tvo"])

# Focus particles that may open a sentence in front of its subject ("Også Mona Berg (H) engasjerte seg").
FOCUS_PARTICLES: frozenset[str] = frozenset(["også", "ogsaa", "selv", "især", "særlig", "særleg", "spesielt",
                                             "heller", "kun", "bare", "berre", "endog", "även", "också"])
TITLE_COORDINATORS = frozenset(["og", "og", "och", "and", "eller"])

# Auxiliaries of the perfect tense: "Naboen har i retten forklaret, at ...", the subject stands before them.
AUXILIARIES: frozenset[str] = frozenset(["har", "havde", "hadde", "hade", "has", "had", "have"])

# Verbs of expectation ("DMI venter, at ...", "Vegvesenet reknar med at ...") report speech only
# with the complementiser right after them: "venter på, at bussen kommer" is waiting, not speech.
IMMEDIATE_COMPLEMENT_VERBS = frozenset(
    ["venter", "ventede", "ventar", "regner med", "regnede med", "regnet med", "reknar med", "rekna med",
     "räknar med", "räknade med", "klager over", "klagede over", "klaget over",
     # a demand is reported speech only with its "at" clause ("krævede, at EU frigiver ...";
     # not "krævede seks års fængsel", not "det kræver planlægning at ..."); da/nb/nn only: the
     # Swedish annotated article leaves "kräver att" out
     "kræver", "krævede", "krever", "krevde", "krev", "kravde",
     # "Hun viser også til at ...": a reference is speech with its "at" clause, not "viser til rapporten"
     "viser til", "viste til"]
)
# Demand verbs: their subject must be a person or an organisation ("Demokrati krever at ..." is no speech).
DEMAND_VERBS = frozenset(["kræver", "krævede", "krever", "krevde", "krev", "kravde"])
# Words opening a prepositional phrase between a speech verb and its complementiser ("siger til den
# peruvianske avis El Comercio, at ...", "skriver i en e-post til NTB at ..."): a longer gap is allowed.
# Verb-second order: a clause opened by one of these adverbs, or by a phrase opened by one of these
# prepositions, has its subject right after the finite verb ("Samtidig skriver X", "Hos Røde Kors
# anerkender X"); da/nb/nn/sv only (English keeps subject-verb order).
V2_ADVERBS = frozenset(["samtidig", "derfor", "dermed", "desuden", "dessuden", "også", "ofte", "nu", "nå", "her", "siden",
                        "senere", "tidligere", "alligevel", "likevel", "imidlertid", "dog", "især", "særlig", "først",
                        "bagefter", "etterpå", "efterfølgende", "igår", "idag", "derefter", "deretter", "därför",
                        "samtidigt", "också", "nu", "sedan", "senare", "tidigare", "ändå", "dessutom"])
V2_PREPOSITIONS = frozenset(["hos", "i", "på", "efter", "etter", "under", "ved", "vid", "blandt", "blant", "bland",
                             "til", "till", "med", "om", "fra", "frå", "från", "af", "av", "for", "før", "inden",
                             "innen", "innan", "over", "mellem", "mellom", "mellan"])
GAP_PREPOSITIONS = frozenset(["til", "till", "to", "i", "in", "på", "overfor", "over", "for", "før", "vid", "ved"])


@dataclass(frozen=True)
class QuoteRules:
    """The heuristics for one language. See the module docstring for conventions."""

    language: str
    # Verbs that attribute speech, in every tense and voice a newspaper uses.
    speech_verbs: tuple[str, ...]
    # Pronoun -> "m", "f" or "" (either). Only third-person singular: quotes are by persons.
    pronouns: dict[str, str]
    # Complementisers opening reported speech ("siger, at ...").
    complementizers: tuple[str, ...]
    # Markers before the source: "ifølge X", "according to X".
    according_to: tuple[str, ...]
    # Phrases after a dash quote that put the speaker after them: "..., lød det fra X".
    from_phrases: tuple[str, ...]
    # Verbs that frame a partial quote as someone's wording: "kalder det for 'farlig'".
    framing_verbs: tuple[str, ...]
    # Words that are never a person even when capitalised in a name position.
    determiners: tuple[str, ...] = ()
    # Sentences like "Det siger X" name the speaker of the paragraph before/after.
    this_says: tuple[str, ...] = ()
    # Words that end an agent's tail: "siger X til Reuters", "sa X på en pressekonferanse".
    tail_words: tuple[str, ...] = ()
    # Say-verbs that may introduce reported speech without a complementiser ("sier Nato tar ...").
    bare_report_verbs: tuple[str, ...] = ()
    # "Sådan lyder reaktionen fra X": (lead phrases, prepositions); any noun may stand between.
    reaction: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


_DA_VERBS = ["kræver", "krævede", "forventer", "forventede", "venter", "ventede", "anslår", "anslog", "siger", "sagde", "sagt", "sige", "udtaler", "udtalte", "udtalt", "tilføjer", "tilføjede", "tilføjet", "fortsætter", "fortsatte", "pointerer", "pointerede", "understreger", "understregede", "understreget", "påpeger", "påpegede", "påpeget", "skriver", "skrev", "fortæller", "fortalte", "forklarer", "forklarede", "forklaret", "mener", "mente", "uddyber", "uddybede", "oplyser", "oplyste", "erkender", "erkendte", "konstaterer", "konstaterede", "vurderer", "vurderede", "advarer", "advarede", "lover", "lovede", "svarer", "svarede", "spørger", "spurgte", "understreger", "slår", "fast", "slog", "fast", "medgiver", "indrømmer", "indrømmede", "fastslår", "fastslog", "betoner", "betonede", "meddeler", "meddelte", "forsikrer", "forsikrede", "siges", "råber", "råbte", "hævder", "hævdede", "argumenterer", "argumenterede", "beretter", "berettede", "melder", "meldte", "erklærer", "erklærede", "afviser", "afviste", "bekræfter", "bekræftede", "henviser", "henviste", "tilføjede", "supplerer", "supplerede", "gentager", "gentog", "indvender", "indvendte", "præciserer", "præciserede", "bemærker", "bemærkede", "fremhæver", "fremhævede", "konkluderer", "konkluderede", "opsummerer", "opsummerede", "replicerer", "replicerede", "varsler", "varslede", "tror", "troede",
             "skrevet", "fortalt", "oplyst", "bekræftet", "afvist", "meddelt"]

_NB_VERBS = ["krever", "krevde", "forventer", "forventet", "venter", "anslår", "anslo", "sier", "sa", "sagt", "si", "uttaler", "uttalte", "uttalt", "legger", "til", "la", "til", "lagt", "til", "fortsetter", "fortsatte", "påpeker", "påpekte", "understreker", "understrekte", "understreket", "forteller", "fortalte", "forklarer", "forklarte", "skriver", "skrev", "mener", "mente", "opplyser", "opplyste", "erkjenner", "erkjente", "konstaterer", "konstaterte", "vurderer", "vurderte", "advarer", "advarte", "lover", "lovte", "svarer", "svarte", "spør", "spurte", "slår", "fast", "slo", "fast", "innrømmer", "innrømmet", "fastslår", "fastslo", "hevder", "hevdet", "melder", "meldte", "erklærer", "erklærte", "avviser", "avviste", "bekrefter", "bekreftet", "utdyper", "utdypet", "argumenterer", "argumenterte", "tilføyer", "tilføyde", "varsler", "varslet", "forsikrer", "forsikret", "supplerer", "supplerte", "gjentar", "gjentok", "innvender", "innvendte", "presiserer", "presiserte", "bemerker", "bemerket", "fremhever", "fremhevet", "konkluderer", "konkluderte", "oppsummerer", "oppsummerte", "replikerer", "replikerte", "tror", "trodde",
             "skrevet", "fortalt", "opplyst", "bekreftet", "avvist", "forklart"]

_NN_VERBS = ["krev", "kravde", "forventar", "forventa", "ventar", "anslår", "anslo", "seier", "sa", "sagt", "seie", "uttaler", "uttalte", "uttalar", "uttala", "legg", "til", "la", "til", "lagt", "til", "held", "fram", "heldt", "fram", "fortset", "fortsette", "påpeikar", "påpeika", "påpeiker", "understrekar", "understreka", "understreker", "fortel", "fortalde", "forklarar", "forklarte", "skriv", "skreiv", "meiner", "meinte", "opplyser", "opplyste", "konstaterer", "konstaterte", "vurderer", "åtvarar", "åtvara", "lovar", "lova", "svarar", "svara", "spør", "spurde", "slår", "fast", "slo", "fast", "innrømmer", "hevdar", "hevda", "melder", "stadfestar", "stadfesta", "avviser", "vurderar", "vurderte", "varslar", "varsla", "stadfester", "presiserer", "presiserar", "presiserte", "vedgår", "vedgjekk", "erkjenner", "kunngjer", "kunngjorde", "forklarer", "kommenterer", "bekreftar", "bekrefta", "avviste", "meldte", "konkluderer", "konkluderte"]

_SV_VERBS = ["tycker", "tyckte", "förväntar", "uppskattar", "säger", "sade", "sa", "sagt", "säga", "uttalar", "uttalade", "uttalat", "tillägger", "tillade", "tillagt", "fortsätter", "fortsatte", "påpekar", "påpekade", "understryker", "underströk", "understrukit", "berättar", "berättade", "förklarar", "förklarade", "skriver", "skrev", "menar", "menade", "konstaterar", "konstaterade", "bedömer", "varnar", "varnade", "lovar", "lovade", "svarar", "svarade", "frågar", "frågade", "slår", "fast", "slog", "fast", "medger", "medgav", "erkänner", "erkände", "hävdar", "hävdade", "meddelar", "meddelade", "bekräftar", "bekräftade", "försäkrar", "försäkrade", "avfärdar", "avfärdade", "betonar", "betonade", "uppger", "uppgav"]

_EN_VERBS = ["said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "continued", "continues", "explained", "explains", "wrote", "writes", "noted", "notes", "warned", "warns", "insisted", "insists", "argued", "argues", "claimed", "claims", "asked", "asks", "replied", "replies", "answered", "answers", "confirmed", "confirms", "announced", "announces", "declared", "declares", "admitted", "admits", "emphasised", "emphasized", "emphasises", "emphasizes", "pointed", "out", "points", "out", "acknowledged", "acknowledges", "suggested", "suggests", "recalled", "recalls", "urged", "urges", "assured", "assures"]


def _phrases(text: str) -> tuple[str, ...]:
    """Split a '|'-separated list of phrases (phrases may contain spaces)."""
    return tuple(p.strip() for p in text.split("|") if p.strip())


_DA_MULTI = _phrases("slår fast|slog fast|peger på|pegede på|regner med|regnede med|lægger vægt på|lagde vægt på|gør gældende|gjorde gældende|klager over|klagede over|viser til|viste til")
_NB_MULTI = _phrases("legger til|la til|lagt til|slår fast|slo fast|peker på|pekte på|regner med|regnet med|legger vekt på|la vekt på|klager over|klaget over|viser til|viste til")
_NN_MULTI = _phrases("legg til|la til|lagt til|held fram|heldt fram|slår fast|slo fast|reknar med|rekna med|"
                     "peikar på|peika på|viser til|viste til")
_SV_MULTI = _phrases("slår fast|slog fast|pekar på|pekade på|lägger till|lade till|räknar med|räknade med")
_EN_MULTI = _phrases("pointed out|points out")


# Nouns for a message that, with "om at", introduce a partial quote of the person named before them:
# "reiste hjem med beskjed om at partene «står langt fra hverandre»"
MESSAGE_NOUNS: tuple[str, ...] = ("beskjed", "beskjeden", "besked", "beskeden", "budskap", "budskapet", "budskab",
                                  "budskabet", "melding", "meldingen", "meddelelse", "meddelelsen")
# Directional particles that may not stand inside a two-word speech verb ("legger opp til" is planning,
# "la imidlertid til" is speech)
PHRASE_GAP_PARTICLES: frozenset[str] = frozenset(["opp", "op", "ned", "ut", "ud", "inn", "ind", "fram", "frem", "bort",
                                                  "upp", "ner", "in", "up", "down", "out"])
# Particles of two-word speech verbs that may stand after a subject pronoun at the end of an
# attribution: "- ..., legger han til." / "slår hun fast." / "lägger hon till."
SPLIT_PARTICLES: frozenset[str] = frozenset(["til", "till", "fast"])


def _verbs(words: list[str], multi: tuple[str, ...]) -> tuple[str, ...]:
    """Single verbs minus the halves of multi-word ones, plus the multi-word phrases."""
    halves = {w for phrase in multi for w in phrase.split()}
    singles = [w for w in dict.fromkeys(words) if w not in halves]
    return tuple(multi) + tuple(singles)


_SCANDI_PRONOUNS_DA = {"han": "m", "hun": "f", "hen": ""}
_SCANDI_PRONOUNS_NB = {"han": "m", "hun": "f", "hen": ""}
_SCANDI_PRONOUNS_NN = {"han": "m", "ho": "f", "hen": "", "hun": "f"}
_SCANDI_PRONOUNS_SV = {"han": "m", "hon": "f", "hen": ""}

RULES: dict[str, QuoteRules] = {
    "da": QuoteRules(
        language="da",
        speech_verbs=_verbs(_DA_VERBS, _DA_MULTI),
        pronouns=_SCANDI_PRONOUNS_DA,
        complementizers=("at",),
        according_to=("ifølge",),
        from_phrases=_phrases("lød det fra|lyder det fra|lød meldingen fra|lyder meldingen fra|hed det fra|"
                              "lød beskeden fra|lyder beskeden fra|siges det fra|er rådet fra|var rådet fra|"
                              "er beskeden fra|var beskeden fra|er opfordringen fra|var opfordringen fra"),
        framing_verbs=_phrases("kalder|kaldte|betegner|betegnede|beskriver|beskrev|omtaler|omtalte|advarer|"
                               "advarede|anklager|anklagede|beskylder|beskyldte|kritiserer|kritiserede|"
                               "henviser|henviste|varsler|varslede|præsenterer|præsenterede|at kalde|at betegne"),
        determiners=_phrases("den|det|de|en|et"),
        this_says=_phrases("det siger|det sagde|det oplyser|det oplyste|det skriver|det skrev|det fortæller|"
                           "det fortalte|det mener|det vurderer|det understreger|det forklarer|det udtaler|"
                           "sådan lyder det fra|det lyder fra|sådan siger|det melder|det meddeler|det bekræfter"),
        tail_words=_phrases("til|på|i|ifølge|under|efter|om|ved|med|fra|over|og|men|da|mens|onsdag|torsdag|"
                            "mandag|tirsdag|fredag|lørdag|søndag|dog|også|blandt|igen"),
        bare_report_verbs=(),
        reaction=(_phrases("sådan lyder|sådan lød|således lyder|således lød|så klart lyder"), ("fra",)),
    ),
    "nb": QuoteRules(
        language="nb",
        speech_verbs=_verbs(_NB_VERBS, _NB_MULTI),
        pronouns=_SCANDI_PRONOUNS_NB,
        complementizers=("at",),
        according_to=("ifølge",),
        from_phrases=_phrases("lød det fra|lyder det fra|het det fra|heter det fra|var meldingen fra|"
                              "lyder meldingen fra|lød beskjeden fra|er rådet fra|var rådet fra|er beskjeden fra|"
                              "var beskjeden fra|er oppfordringen fra|var oppfordringen fra|er meldingen fra"),
        framing_verbs=_phrases("kaller|kalte|betegner|betegnet|beskriver|beskrev|omtaler|omtalte|advarer|"
                               "advarte|anklager|anklaget|beskylder|beskyldte|kritiserer|kritiserte|"
                               "viser til|varsler|varslet|presenterer|presenterte|å kalle|å betegne"),
        determiners=_phrases("den|det|de|en|et|ei"),
        this_says=_phrases("det sier|det sa|det opplyser|det opplyste|det skriver|det skrev|det forteller|"
                           "det fortalte|det mener|det understreker|det forklarer|det uttaler|"
                           "slik lyder det fra|det melder|det bekrefter"),
        tail_words=_phrases("til|på|i|ifølge|under|etter|om|ved|med|fra|over|og|men|da|mens|onsdag|torsdag|"
                            "mandag|tirsdag|fredag|lørdag|søndag|dog|også|blant|igjen"),
        bare_report_verbs=_phrases("sier|sa|mener|mente|tror|trodde|forteller|fortalte|skriver|skrev|understreker|"
                                   "understrekte|påpeker|påpekte"),
        reaction=(_phrases("slik lyder|slik lød|sånn lyder|sånn lød"), ("fra",)),
    ),
    "nn": QuoteRules(
        language="nn",
        speech_verbs=_verbs(_NN_VERBS, _NN_MULTI),
        pronouns=_SCANDI_PRONOUNS_NN,
        complementizers=("at",),
        according_to=("ifølgje", "ifølge"),
        from_phrases=_phrases("lydde det frå|lyder det frå|heitte det frå|heiter det frå|lød det fra|er rådet frå|"
                              "var rådet frå|er bodskapen frå|var bodskapen frå"),
        framing_verbs=_phrases("kallar|kalla|kaller|omtalar|omtala|skildrar|skildra|åtvarar|åtvara|"
                               "skuldar|skulda|kritiserer|kritiserte|viser til"),
        determiners=_phrases("den|det|dei|ein|eit|ei"),
        this_says=_phrases("det seier|det sa|det opplyser|det skriv|det skreiv|det fortel|det meiner|"
                           "det understrekar"),
        tail_words=_phrases("til|på|i|ifølgje|under|etter|om|ved|med|frå|over|og|men|då|medan|onsdag|"
                            "torsdag|måndag|tysdag|fredag|laurdag|søndag|òg|også|igjen"),
        bare_report_verbs=_phrases("seier|sa|meiner|meinte|fortel|fortalde|skriv|skreiv|understrekar"),
        reaction=(_phrases("slik lyder|slik lydde|slik lyd|slik lød"), ("frå", "fra")),
    ),
    "sv": QuoteRules(
        language="sv",
        speech_verbs=_verbs(_SV_VERBS, _SV_MULTI),
        pronouns=_SCANDI_PRONOUNS_SV,
        complementizers=("att",),
        according_to=("enligt",),
        from_phrases=_phrases("löd det från|lyder det från|hette det från|heter det från|lät det från|är rådet från|"
                              "var rådet från|är beskedet från|var beskedet från"),
        framing_verbs=_phrases("kallar|kallade|betecknar|betecknade|beskriver|beskrev|varnar|varnade|"
                               "anklagar|anklagade|kritiserar|kritiserade|hänvisar|hänvisade"),
        determiners=_phrases("den|det|de|en|ett"),
        this_says=_phrases("det säger|det sade|det sa|det uppger|det uppgav|det skriver|det skrev|"
                           "det berättar|det berättade|det menar|det meddelar|det bekräftar"),
        tail_words=_phrases("till|på|i|enligt|under|efter|om|vid|med|från|över|och|men|då|medan|onsdag|"
                            "torsdag|måndag|tisdag|fredag|lördag|söndag|dock|också|igen"),
        bare_report_verbs=_phrases("säger|sade|sa|menar|menade|berättar|berättade|skriver|skrev|uppger|"
                                   "uppgav"),
        reaction=(_phrases("så lyder|så löd|så låter|så lät"), ("från",)),
    ),
    "en": QuoteRules(
        language="en",
        speech_verbs=_verbs(_EN_VERBS, _EN_MULTI),
        pronouns={"he": "m", "she": "f"},
        complementizers=("that",),
        according_to=("according to",),
        from_phrases=(),
        framing_verbs=_phrases("calls|called|call|describes|described|describe|dubbed|dubs|labelled|labeled|"
                               "warned|warns|accused|accuses|criticised|criticized|branded|brands"),
        determiners=_phrases("the|a|an"),
        this_says=(),
        tail_words=_phrases("to|at|in|on|during|after|about|by|with|from|over|and|but|while|when|as|"
                            "monday|tuesday|wednesday|thursday|friday|saturday|sunday|also|again|"
                            "yesterday|today|earlier|later|told|reporters|journalists|the|a|an|us|me|him|her|them"),
        bare_report_verbs=_phrases("says|said|told|tells|argued|argues|claimed|claims|believes|believed"),
    ),
}
RULES["no"] = RULES["nb"]


def rules_for(language: str) -> QuoteRules:
    """The rules for ``language`` (ISO 639-1); other languages get the English rules (best effort)."""
    return RULES.get((language or "").lower().split("-")[0], RULES["en"])
