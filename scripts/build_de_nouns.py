#!/usr/bin/env python3
"""Build resources/gazetteer/de-nouns.tsv: German word forms by class.

    pip download --no-deps german-nouns==1.2.5        # the wheel, by the ordinary client
    python3 scripts/build_de_nouns.py german_nouns-1.2.5-py3-none-any.whl
    python3 scripts/build_de_nouns.py path/to/nouns.csv   # or the unpacked CSV
    # with the US Census given names (PyPI names 0.3.0, public domain data):
    pip download --no-deps names==0.3.0
    python3 scripts/build_de_nouns.py german_nouns-1.2.5-py3-none-any.whl \
        --given-names names-0.3.0.tar.gz

Input: the PyPI package `german-nouns` 1.2.5 (Gregor Weichbrodt; ~100,000
German nouns with all inflected forms, compiled from the German Wiktionary;
CC BY-SA 4.0), its file german_nouns/nouns.csv. The output is a derived
work and therefore also CC BY-SA 4.0 (see resources/gazetteer/README.md and
NOTICE).

Output rows `word<TAB>class`, sorted, one row per distinct folded form:

    word   the form folded as crates/geo/src/fold.rs folds text (lower case,
           Latin diacritics removed, ß -> ss, apostrophes dropped), only
           letters a-z and inner hyphens (one word of text)
    class  the letters of the classes the form has, in this order:
           n  a common noun (pos `Substantiv` without any name tag; also
              nouns of adjectival declension: `Abgeordneter`)
           g  a given name (`Vorname`)
           s  a surname (`Nachname`)
           p  a toponym (`Toponym`: towns, rivers, mountains, regions,
              landscapes, countries)
           t  a street or square name (`Straßenname`)

With `--given-names`, the first names of the US Census 1990 name files
(`dist.male.first`, `dist.female.first` of the PyPI package `names` 0.3.0;
the data are public domain) get the class `g` too, except those that are
German common nouns (`August`, `Mark`, `Art`), shorter than three letters
or German function words (`In`, `Dann`: `NOT_GIVEN`): press text names many
English-speaking people (`Wayne Rooney`) whose given names are also towns.

Compound common nouns whose last part is a listed common noun (at least
four letters, after at least three: `Kinderwagen` = `Kinder` + `Wagen`)
are left out; chronik recognises them by that rule (crates/geo/src/words.rs)
(three quarters of the rows). Only single words are kept: the place tagger's features look at one word
at a time (multi-word toponyms such as `Altes Land` were tried as extra
place names and lost; see eval/reports/places.md). Entries tagged as
abbreviations, letters, affixes or bound lexemes and other proper names
(`Eigenname` without one of the tags above: brands, gods, works) are left
out. Same input => byte-identical output.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer" / "de-nouns.tsv"
VERSION = "1.2.5"
NAMES_VERSION = "0.3.0"
NAMES_FILES = ("names/dist.male.first", "names/dist.female.first")
# census first names that are German function words, verbs or adjectives
# (capitalised at a sentence start: "In Leoben", "Dann Berlin"); names of
# one or two letters are left out too
NOT_GIVEN = {
    "allen", "also", "dann", "darin", "dem", "den", "der", "des", "die", "ein", "eine",
    "hat", "ist", "jene", "jung", "kam", "lang", "man", "nun", "ohne", "rund", "sind",
    "solange", "von", "wann", "wen", "wer", "will", "wird",
}
CLASS_ORDER = "ngspt"

# crates/geo/src/fold.rs, latin_base: lower-case Latin letters with
# diacritics -> base letter
LATIN_BASE = {}
for chars, base in [
    ("àáâãäåāăąǎ", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"),
    ("ĝğġģǧ", "g"), ("ĥħḩḥ", "h"), ("ìíîïĩīĭįıǐ", "i"), ("ĵ", "j"), ("ķḳ", "k"),
    ("ĺļľŀł", "l"), ("ñńņň", "n"), ("òóôõöøōŏőǒ", "o"), ("ŕŗř", "r"),
    ("śŝşšșṣ", "s"), ("ţťŧțṭ", "t"), ("ùúûüũūŭůűųǔ", "u"), ("ŵ", "w"),
    ("ýÿŷ", "y"), ("źżžẓẕ", "z"),
]:
    for c in chars:
        LATIN_BASE[c] = base
SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe"}
APOSTROPHES = set("'`\u2019\u2018\u02bc\u02b9\u00b4")
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def fold(word: str) -> str:
    """The folded form, as crates/geo/src/fold.rs (Latin script only)."""
    out = []
    for c in word:
        if c in APOSTROPHES:
            continue
        for l in c.lower():
            out.append(SPECIAL.get(l) or LATIN_BASE.get(l, l))
    return "".join(out)


def fold_word(form: str) -> str | None:
    """The folded form, or None when it is not one word of letters with
    inner hyphens (spaces, digits, parentheses, dots ...)."""
    w = fold(form)
    return w if WORD.match(w) else None


def read_csv(path: Path) -> list[dict]:
    if path.suffix == ".whl" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            name = "german_nouns/nouns.csv"
            if name not in z.namelist():
                sys.exit(f"build_de_nouns: {name} not in {path}")
            text = z.read(name).decode("utf-8")
        return list(csv.DictReader(io.StringIO(text)))
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_given_names(path: Path) -> list[str]:
    """First names of the census files (first column, upper case) in the
    sdist `names-0.3.0.tar.gz` or an unpacked folder of it."""
    texts = []
    if path.is_dir():
        for f in NAMES_FILES:
            texts.append((path / f).read_text(encoding="utf-8"))
    else:
        import tarfile
        with tarfile.open(path) as t:
            for f in NAMES_FILES:
                m = t.getmember(f"names-{NAMES_VERSION}/{f}")
                data = t.extractfile(m)
                if data is None:
                    sys.exit(f"build_de_nouns: {f} not in {path}")
                texts.append(data.read().decode("utf-8"))
    out = []
    for text in texts:
        for line in text.splitlines():
            cols = line.split()
            if cols:
                out.append(cols[0].capitalize())
    return out


def classes_of(pos: set[str]) -> str:
    """The classes of an entry by its `pos` tags ('' = left out)."""
    if pos & {"Abkürzung", "Buchstabe", "Affix", "Gebundenes Lexem", "Symbol"}:
        return ""
    c = ""
    if "Vorname" in pos:
        c += "g"
    if "Nachname" in pos:
        c += "s"
    if "Toponym" in pos:
        c += "p"
    if "Straßenname" in pos:
        c += "t"
    if not c and "Eigenname" not in pos and "Substantiv" in pos:
        c = "n"
    return c


def build(rows: list[dict], given: list[str]) -> tuple[list[str], dict[str, int]]:
    form_cols = [k for k in rows[0] if k not in ("lemma", "pos") and not k.startswith("genus")]
    classes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        pos = set((row.get("pos") or "").split(","))
        cls = classes_of(pos)
        if not cls:
            continue
        forms = {row["lemma"]} | {row[k] for k in form_cols if row.get(k)}
        for form in forms:
            w = fold_word(form.strip())
            if w is None or len(w) < 2:
                continue
            classes[w].update(cls)
    # census given names that are no German common noun
    census = 0
    for name in given:
        w = fold_word(name)
        if (w is None or len(w) < 3 or w in NOT_GIVEN
                or "n" in classes.get(w, set()) or "g" in classes.get(w, set())):
            continue
        classes[w].add("g")
        census += 1
    # compounds are derived at run time (crates/geo/src/words.rs,
    # compound_noun): a pure common noun that ends in another common noun
    # of at least four letters after at least three letters is left out
    # (Kinderwagen: Wagen). Dropping one never hides another: a shorter
    # head of it is a head of the longer word too.
    nouns = {w for w, cs in classes.items() if "n" in cs}
    dropped = 0
    for w in sorted(classes):
        if classes[w] == {"n"} and any(w[k:] in nouns for k in range(3, len(w) - 3)):
            del classes[w]
            dropped += 1
    lines = []
    counts: dict[str, int] = defaultdict(int)
    counts["compounds"] = dropped
    counts["census"] = census
    for w in sorted(classes):
        cs = "".join(c for c in CLASS_ORDER if c in classes[w])
        for c in cs:
            counts[c] += 1
        lines.append(f"{w}\t{cs}")
    return lines, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("source", type=Path,
                    help=f"german_nouns-{VERSION}-py3-none-any.whl or its german_nouns/nouns.csv")
    ap.add_argument("--given-names", type=Path,
                    help=f"names-{NAMES_VERSION}.tar.gz (PyPI names) or its unpacked folder")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if not a.source.exists():
        sys.exit(f"build_de_nouns: {a.source} not found")
    if VERSION not in a.source.name and a.source.suffix == ".whl":
        print(f"build_de_nouns: warning: expected german-nouns {VERSION}, got {a.source.name}",
              file=sys.stderr)
    rows = read_csv(a.source)
    given = read_given_names(a.given_names) if a.given_names else []
    if a.given_names and NAMES_VERSION not in a.given_names.name:
        print(f"build_de_nouns: warning: expected names {NAMES_VERSION}, got {a.given_names.name}",
              file=sys.stderr)
    lines, counts = build(rows, given)
    header = [
        "# chronik German word classes: folded word forms (crates/geo/src/fold.rs) of common nouns,",
        "# given names, surnames, toponyms and street names; read by crates/geo (features of the",
        "# German place tagger). Generated by scripts/build_de_nouns.py; do not edit.",
        f"# Source: PyPI package german-nouns {VERSION} (Gregor Weichbrodt,",
        "# https://github.com/gambolputty/german-nouns), compiled from the German Wiktionary",
        "# (https://de.wiktionary.org). Licence: CC BY-SA 4.0",
        "# (https://creativecommons.org/licenses/by-sa/4.0/); this derived file is CC BY-SA 4.0 too.",
        "# class letters: n common noun, g given name, s surname, p toponym, t street name.",
    ] + ([
        f"# Given names also from the US Census 1990 first-name files of the PyPI package names",
        f"# {NAMES_VERSION} (https://github.com/treyhunner/names; the data are public domain):",
        f"# {counts['census']} forms that are no German common noun got class g.",
    ] if given else []) + [
        "# rows: " + ", ".join(f"{c} {counts[c]}" for c in CLASS_ORDER) + f"; {len(lines)} forms",
        f"# left out: {counts['compounds']} compound common nouns whose last part (4+ letters, after",
        "# 3+ letters) is a listed common noun (Kinderwagen: Wagen); chronik derives them.",
        "# FORMAT: word\tclass",
    ]
    a.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    size = a.out.stat().st_size
    print(f"build_de_nouns: wrote {a.out} ({len(lines)} forms, {size / 1e6:.2f} MB): "
          + ", ".join(f"{c} {counts[c]}" for c in CLASS_ORDER), file=sys.stderr)


if __name__ == "__main__":
    main()
