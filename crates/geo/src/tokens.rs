//! Words with byte offsets into the original text. A word is a run of
//! letters and digits; a hyphen or apostrophe between two letters stays
//! inside it (`Nur-Sultan`, `Алма-Ате`, `Kazakhstan's`), as in the
//! extractor's tokenizer. Gazetteer names are split the same way, so a name
//! matches a sequence of whole words — word boundaries come for free.

use crate::fold::fold_into;

/// A word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Folded form (see [`crate::fold`]).
    pub folded: String,
    /// The first char is upper case.
    pub cap: bool,
    /// Every letter is upper case (and there are at least two).
    pub all_caps: bool,
    /// First word of a sentence (text start, or after `.`, `!`, `?`, `…`,
    /// a line break).
    pub sent_start: bool,
    /// Only spaces (no punctuation) separate it from the previous word.
    pub joined: bool,
    /// The word ends in a possessive `'s` (`Kazakhstan's`).
    pub possessive: bool,
    /// The word contains a digit.
    pub numeric: bool,
    /// For each hyphen-separated part: it starts with an upper-case letter.
    pub parts_cap: Vec<bool>,
}

/// A letter, digit or combining mark (fast paths for ASCII and Russian).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        '\u{0300}'..='\u{036F}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Splits `text` into words.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut sent_start = true;
    let mut joined = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !is_word_char(c) || ('\u{0300}'..='\u{036F}').contains(&c) {
            if matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r') {
                sent_start = true;
            }
            if !c.is_whitespace() {
                joined = false;
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if is_word_char(ch) {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let prev = chars[j - 1].1;
            let joins = match ch {
                '-' | '\u{2010}' | '\u{2011}' => {
                    next.is_some_and(char::is_alphanumeric) && prev.is_alphanumeric()
                }
                '\'' | '\u{2019}' => next.is_some_and(char::is_alphabetic) && prev.is_alphabetic(),
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
        let mut folded = String::with_capacity(word.len());
        fold_into(word, &mut folded);
        let letters = word.chars().filter(|c| c.is_alphabetic());
        let (mut n, mut upper) = (0, 0);
        for l in letters {
            n += 1;
            if l.is_uppercase() {
                upper += 1;
            }
        }
        let lw = word.to_lowercase();
        out.push(Token {
            byte_start: start,
            byte_end: end,
            folded,
            cap: c.is_uppercase(),
            all_caps: n >= 2 && upper == n,
            sent_start,
            joined: joined && !sent_start,
            possessive: lw.ends_with("'s") || lw.ends_with("\u{2019}s"),
            numeric: word.chars().any(|c| c.is_ascii_digit()),
            parts_cap: if word.contains('-') {
                word.split('-')
                    .map(|p| p.chars().next().is_some_and(char::is_uppercase))
                    .collect()
            } else {
                Vec::new()
            },
        });
        sent_start = false;
        joined = true;
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_table() {
        let text = "In Nur-Sultan, Kazakhstan's capital. В Алма-Ате  ALMATY";
        let t = tokenize(text);
        let words: Vec<&str> = t.iter().map(|t| &text[t.byte_start..t.byte_end]).collect();
        assert_eq!(
            words,
            [
                "In",
                "Nur-Sultan",
                "Kazakhstan's",
                "capital",
                "В",
                "Алма-Ате",
                "ALMATY"
            ]
        );
        assert!(t[0].sent_start && !t[1].sent_start && t[4].sent_start);
        assert!(t[1].joined && !t[2].joined && t[3].joined);
        assert!(t[2].possessive && t[6].all_caps && !t[1].all_caps);
        assert_eq!(t[5].folded, "алма-ате");
    }
}
