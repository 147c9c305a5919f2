//! Tokens and offsets over the original text.
//!
//! Invariant: every `Token` points into the document text by byte offsets;
//! `lower` is a separate, case-folded copy used only for lookups, so
//! normalisation never shifts evidence. `CharIndex` converts byte offsets to
//! the char offsets of the contract in one place.

/// A word or number of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Lower-cased form for lookups (`ё` folded to `е`).
    pub lower: String,
    /// The first char is upper case.
    pub capitalized: bool,
    /// The token starts with a digit.
    pub numeric: bool,
}

/// The lookup form of a word: lower case, `ё` → `е`, typographic
/// apostrophe → `'`. Lexicon patterns and tokens are folded alike.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// Splits `text` into tokens: runs of letters and digits, keeping hyphens
/// and apostrophes between letters ("Nur-Sultan", "Kazakhstan's") and
/// separators between digits ("10.000", "4,400", "10'000", "3,5") inside
/// one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let prev = chars[j - 1].1;
            let joins = match ch {
                '-' | '\u{2010}' | '\u{2011}' => {
                    next.is_some_and(|n| n.is_alphanumeric()) && prev.is_alphanumeric()
                }
                '\'' | '\u{2019}' => {
                    next.is_some_and(|n| n.is_alphabetic()) && prev.is_alphabetic()
                        || next.is_some_and(|n| n.is_ascii_digit()) && prev.is_ascii_digit()
                }
                '.' | ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        let word = &text[start..end];
        let lower = fold(word);
        out.push(Token {
            byte_start: start,
            byte_end: end,
            lower,
            capitalized: c.is_uppercase(),
            numeric: c.is_ascii_digit(),
        });
        i = j;
    }
    out
}

/// Byte offset → char offset, built once per document.
pub struct CharIndex {
    /// For each char, its byte offset; plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The char offset of a byte offset (the next char boundary when the
    /// byte offset falls inside a char).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| text[t.byte_start..t.byte_end].to_string())
            .collect()
    }

    #[test]
    fn tokenize_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mehr als 10.000 Menschen.",
                &["Mehr", "als", "10.000", "Menschen"],
            ),
            (
                "about 4,400 people, 3,5 тыс.",
                &["about", "4,400", "people", "3,5", "тыс"],
            ),
            (
                "in Nur-Sultan und Kazakhstan's",
                &["in", "Nur-Sultan", "und", "Kazakhstan's"],
            ),
            ("rund 10'000 Teilnehmer", &["rund", "10'000", "Teilnehmer"]),
            ("Blend- und Lärmgranaten", &["Blend", "und", "Lärmgranaten"]),
            ("„Führer der Nation“", &["Führer", "der", "Nation"]),
            ("end.", &["end"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn tokenize_lowercases_and_folds_yo() {
        let t = tokenize("Ещё ПОЛИЦИЯ");
        assert_eq!(t[0].lower, "еще");
        assert_eq!(t[1].lower, "полиция");
        assert!(t[1].capitalized);
    }

    #[test]
    fn char_index_maps_bytes() {
        let text = "Tränengas в Алматы";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_of(0), 0);
        assert_eq!(idx.char_of(text.find('n').unwrap()), 3);
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }
}
