//! Tokens for name recognition, with byte offsets into the original text.
//!
//! Invariant: a [`Tok`] points into the text by byte offsets; the folded
//! form and the match key are separate copies, so spans never drift.
//!
//! Words are runs of letters and digits; an apostrophe between letters
//! ("Tokayev's", "O'Brien") and a dot before a lower-case letter
//! ("Vlast.kz", "Lenta.ru") stay inside a word, a hyphen splits words
//! ("Kassym-Jomart" is two tokens, the second `joined`), so hyphenated
//! titles and compounds match word by word ("премьер-министр",
//! "OVKS-Truppen").
//!
//! The match key makes case forms meet: Cyrillic words lose one case
//! ending (Токаев, Токаева, Токаевым → `токаев`), Latin words keep their
//! folded form and offer a second key without a possessive `'s` or a
//! German genitive `-s` (Tokayev's, Tokajews).

/// A word of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Folded form: lower case, `ё` → `е`, typographic apostrophe → `'`.
    pub lower: String,
    /// Match key: the folded form, for Cyrillic words without case ending.
    pub key: String,
    /// A second key for Latin words: without `'s` or genitive `-s`.
    pub alt: Option<String>,
    /// The first char is upper case.
    pub cap: bool,
    /// Two or more letters, all upper case ("KNB", "ОДКБ").
    pub upper: bool,
    /// Number of letters.
    pub letters: usize,
    /// Number of upper-case letters.
    pub caps: usize,
    /// Written in Cyrillic.
    pub cyrillic: bool,
    /// The token starts with a digit.
    pub numeric: bool,
    /// Attached to the previous token by a hyphen ("Kassym-|Jomart").
    pub joined: bool,
    /// Punctuation other than a hyphen, slash or ampersand, or a blank
    /// line, separates it from the previous token (names never span it).
    pub brk: bool,
    /// First token of a sentence (text start, or `.`, `!`, `?`, line break
    /// before it).
    pub sent: bool,
    /// An opening quote stands right before it.
    pub quote_open: bool,
    /// A closing quote follows right after it.
    pub quote_close: bool,
    /// A full stop follows right after it ("K. Tokayev").
    pub dot_after: bool,
}

/// The lookup form of a word: lower case, `ё` → `е`, typographic
/// apostrophe → `'`.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '\u{2019}' | '\u{02bc}' => '\'',
            c => c,
        })
        .collect()
}

/// Russian case endings, longest first. Removing one ending from alias and
/// text alike makes the case forms of a name meet; nominative -ий/-ия/-ие
/// nouns meet their other forms because a stem's final `и` goes too.
const RU_ENDINGS: &[&str] = &[
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый", "ая", "яя",
    "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ом", "ем", "ах", "ях", "ам", "ям", "ых", "их",
    "ью", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й",
];

/// The shortest stem (in chars) a case ending may leave.
const RU_MIN_STEM: usize = 3;

/// The match key of a folded Russian word.
pub(crate) fn ru_stem(lower: &str) -> String {
    let long_enough = |s: &str| s.chars().count() >= RU_MIN_STEM;
    let mut stem = lower;
    for e in RU_ENDINGS {
        if let Some(s) = lower.strip_suffix(e)
            && long_enough(s)
        {
            stem = s;
            break;
        }
    }
    if let Some(s) = stem.strip_suffix('и')
        && long_enough(s)
    {
        stem = s;
    }
    stem.to_string()
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// The match key of one word (any script).
pub(crate) fn word_key(word: &str) -> String {
    let lower = fold(word);
    if lower.chars().any(is_cyrillic) {
        ru_stem(&lower)
    } else {
        lower
    }
}

/// The second key of a Latin word: possessive or genitive -s removed.
fn latin_alt(lower: &str, cap: bool) -> Option<String> {
    if let Some(s) = lower.strip_suffix("'s") {
        return (!s.is_empty()).then(|| s.to_string());
    }
    let s = lower.strip_suffix('s')?;
    (cap && s.chars().count() >= 4 && !s.ends_with('s')).then(|| s.to_string())
}

const OPENING_QUOTES: &[char] = &['«', '„', '“', '"', '‚', '‹', '\''];
const CLOSING_QUOTES: &[char] = &['»', '“', '”', '"', '‘', '’', '›', '\''];

/// A letter or digit; ASCII and basic Cyrillic without table lookups.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0410}'..='\u{044F}' | 'ё' | 'Ё')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// A letter; ASCII and basic Cyrillic without table lookups.
fn letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{0410}'..='\u{044F}' | 'ё' | 'Ё')
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Splits `text` into tokens (see the module documentation).
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev_end = 0;
    while let Some((start, c)) = chars.next() {
        if !word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut last = c;
        while let Some(&(b, ch)) = chars.peek() {
            if word_char(ch) {
                end = b + ch.len_utf8();
                last = ch;
                chars.next();
                continue;
            }
            let next = text[b + ch.len_utf8()..].chars().next();
            let joins = match ch {
                '\'' | '\u{2019}' => last.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                '.' => last.is_alphanumeric() && next.is_some_and(char::is_lowercase),
                _ => false,
            };
            if !joins {
                break;
            }
            chars.next();
        }
        let word = &text[start..end];
        let gap = &text[prev_end..start];
        out.push(make_token(word, start, end, gap, out.is_empty()));
        if let Some(prev) = out.len().checked_sub(2).map(|i| &mut out[i]) {
            let first = gap.chars().next();
            prev.quote_close = first.is_some_and(|q| CLOSING_QUOTES.contains(&q));
            prev.dot_after = first == Some('.');
        }
        prev_end = end;
    }
    if let Some(last) = out.last_mut() {
        let first = text[prev_end..].chars().next();
        last.quote_close = first.is_some_and(|q| CLOSING_QUOTES.contains(&q));
        last.dot_after = first == Some('.');
    }
    out
}

fn make_token(word: &str, start: usize, end: usize, gap: &str, first: bool) -> Tok {
    let lower = fold(word);
    // Case counts ignore a possessive: "RL's" is in capitals.
    let base = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word);
    let (mut letters, mut caps, mut cyrillic) = (0, 0, false);
    for c in base.chars() {
        if letter(c) {
            letters += 1;
            caps += usize::from(c.is_uppercase());
            cyrillic |= is_cyrillic(c);
        }
    }
    let cap = word.chars().next().is_some_and(char::is_uppercase);
    let upper = letters >= 2 && caps == letters;
    let (key, alt) = if cyrillic {
        (ru_stem(&lower), None)
    } else {
        let alt = latin_alt(&lower, cap);
        (lower.clone(), alt)
    };
    let gap = Gap::of(gap);
    Tok {
        byte_start: start,
        byte_end: end,
        numeric: word.starts_with(|c: char| c.is_ascii_digit()),
        lower,
        key,
        alt,
        cap,
        upper,
        letters,
        caps,
        cyrillic,
        joined: gap.hyphens_only,
        brk: gap.punctuation || gap.newlines >= 2,
        sent: first || gap.sentence_end || gap.newlines > 0,
        quote_open: gap.ends_with_opening_quote,
        quote_close: false,
        dot_after: false,
    }
}

/// What stands between two tokens, read in one pass.
struct Gap {
    /// Only hyphens ("Kassym-Jomart").
    hyphens_only: bool,
    /// Punctuation other than hyphen, slash, ampersand.
    punctuation: bool,
    /// Line breaks.
    newlines: usize,
    /// `.`, `!` or `?`.
    sentence_end: bool,
    /// The gap's last char is an opening quote, right before the token.
    ends_with_opening_quote: bool,
}

impl Gap {
    fn of(gap: &str) -> Gap {
        let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
        let mut g = Gap {
            hyphens_only: !gap.is_empty(),
            punctuation: false,
            newlines: 0,
            sentence_end: false,
            ends_with_opening_quote: false,
        };
        let mut last = None;
        for c in gap.chars() {
            g.hyphens_only &= hyphen(c);
            g.punctuation |= !(c.is_whitespace() || hyphen(c) || c == '/' || c == '&');
            g.newlines += usize::from(c == '\n');
            g.sentence_end |= matches!(c, '.' | '!' | '?');
            last = Some(c);
        }
        g.ends_with_opening_quote = last.is_some_and(|q| OPENING_QUOTES.contains(&q));
        g
    }
}

/// True when a token is a Russian patronymic ("Кемелевич", "Ивановна") or
/// its Latin transliteration.
pub(crate) fn is_patronymic(t: &Tok) -> bool {
    const ENDS: &[&str] = &[
        "вич",
        "вича",
        "вичу",
        "вичем",
        "вне",
        "вна",
        "вны",
        "вну",
        "вной",
        "ична",
        "ичны",
        "ичне",
        "ovich",
        "evich",
        "ovna",
        "evna",
        "ovitch",
        "owitsch",
        "ewitsch",
        "owna",
        "ewna",
    ];
    t.cap && ENDS.iter().any(|e| t.lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.byte_start..t.byte_end])
            .collect()
    }

    #[test]
    fn text_tokenize_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Kassym-Jomart Tokayev's decree",
                &["Kassym", "Jomart", "Tokayev's", "decree"],
            ),
            (
                "laut Vlast.kz und Lenta.ru.",
                &["laut", "Vlast.kz", "und", "Lenta.ru"],
            ),
            (
                "премьер-министр «Интерфакс»",
                &["премьер", "министр", "Интерфакс"],
            ),
            ("RFE/RL reported", &["RFE", "RL", "reported"]),
            ("", &[]),
            ("...", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn text_flags_gaps_quotes_and_dots() {
        let t = tokenize("Die Agentur „Kaztag“ meldete. K. Tokajew, OVKS-Truppen");
        let by = |w: &str| t.iter().find(|x| x.lower == w).unwrap();
        assert!(by("kaztag").quote_open && by("kaztag").quote_close);
        assert!(by("k").dot_after && by("k").sent);
        // The dot of an initial looks like a sentence end; rules that
        // read initials do not rely on `sent`.
        assert!(by("tokajew").brk && by("tokajew").sent);
        assert!(!by("meldete").quote_open && by("meldete").brk);
        assert!(by("truppen").joined && !by("truppen").brk);
        assert!(by("ovks").upper && by("ovks").brk);
    }

    #[test]
    fn text_russian_case_forms_share_a_key() {
        let groups: &[&[&str]] = &[
            &["Токаев", "Токаева", "Токаеву", "Токаевым", "Токаеве"],
            &["Смаилов", "Смаилова", "Смаиловым"],
            &["Кремль", "Кремля", "Кремлём", "Кремлем"],
            &["Дмитрий", "Дмитрия", "Дмитрию", "Дмитрием"],
            &["Россия", "России", "Россией", "Россию"],
            &[
                "правительство",
                "правительства",
                "правительством",
                "правительстве",
            ],
            &["Генпрокуратура", "Генпрокуратуры", "Генпрокуратурой"],
            &["Зеленский", "Зеленского", "Зеленскому"],
            &["Лукашенко"],
        ];
        for g in groups {
            let keys: Vec<String> = g.iter().map(|w| word_key(w)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{g:?} -> {keys:?}");
        }
        assert_eq!(word_key("КНБ"), "кнб");
        assert_eq!(word_key("Ёлка"), word_key("елка"));
    }

    #[test]
    fn text_latin_alt_key_strips_possessive_and_genitive() {
        let t = tokenize("Tokayev's Tokajews Reuters bus");
        assert_eq!(t[0].alt.as_deref(), Some("tokayev"));
        assert_eq!(t[1].alt.as_deref(), Some("tokajew"));
        assert_eq!(t[2].alt.as_deref(), Some("reuter"));
        assert_eq!(t[3].alt, None);
    }
}
