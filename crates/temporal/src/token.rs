//! Tokens for temporal matching: words, digit runs and single punctuation
//! characters, each with byte offsets into the original text.
//!
//! Unlike the extractor's tokens, digits and letters are split
//! ("1930er" → `1930` `er`, "20th" → `20` `th`) and punctuation is kept
//! ("16." → `16` `.`, "4:45" → `4` `:` `45`), with a flag telling whether
//! whitespace preceded the token. Rules then read "05.01.2022" as five
//! adjacent tokens and "v. Chr." as four. The lower-cased form is a copy;
//! offsets never move.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Number,
    /// One other non-space character.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Lower-cased lookup form (`ё` → `е`, `’` → `'`).
    pub lower: String,
    /// Word, number or punctuation.
    pub kind: TokKind,
    /// The first char is upper case.
    pub cap: bool,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
}

impl Tok {
    /// The digits of a number token as a value (none for over-long runs).
    pub fn number(&self) -> Option<u32> {
        if self.kind == TokKind::Number && self.lower.len() <= 9 {
            self.lower.parse().ok()
        } else {
            None
        }
    }

    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.lower.starts_with(c)
    }
}

fn class_of(c: char) -> Option<TokKind> {
    if c.is_ascii_digit() {
        Some(TokKind::Number)
    } else if c.is_alphabetic() || (c.is_alphanumeric() && !c.is_numeric()) {
        Some(TokKind::Word)
    } else if c.is_whitespace() || c.is_control() || c == '\u{ad}' || c == '\u{200b}' {
        None
    } else if c.is_numeric() {
        // Non-ASCII digits and numerals (², ½): punctuation for our purposes.
        Some(TokKind::Punct)
    } else {
        Some(TokKind::Punct)
    }
}

/// Lower case with `ё` → `е` and typographic apostrophes folded.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect()
}

/// Splits `text` into tokens. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut space = true;
    let mut newline = true;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let Some(kind) = class_of(c) else {
            space = true;
            newline |= c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}';
            continue;
        };
        let mut end = start + c.len_utf8();
        if kind != TokKind::Punct {
            while let Some(&(j, n)) = iter.peek() {
                // Combining marks stay inside words.
                let same = class_of(n) == Some(kind)
                    || (kind == TokKind::Word && is_mark(n) && !n.is_whitespace());
                if !same {
                    break;
                }
                end = j + n.len_utf8();
                iter.next();
            }
        }
        let word = &text[start..end];
        out.push(Tok {
            byte_start: start,
            byte_end: end,
            lower: fold(word),
            kind,
            cap: c.is_uppercase(),
            space_before: space,
            newline_before: newline,
        });
        space = false;
        newline = false;
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn token_splits_digits_letters_and_punctuation() {
        assert_eq!(words("am 16. Dezember"), ["am", "16", ".", "dezember"]);
        assert_eq!(words("1930er-Jahren"), ["1930", "er", "-", "jahren"]);
        assert_eq!(words("4:45 Uhr"), ["4", ":", "45", "uhr"]);
        assert_eq!(words("v. Chr."), ["v", ".", "chr", "."]);
        assert_eq!(words("Всё ещё"), ["все", "еще"]);
        let t = tokenize("a  b\nc");
        assert!(t[1].space_before && !t[1].newline_before);
        assert!(t[2].newline_before);
        let t = tokenize("05.01.2022");
        assert!(t.iter().skip(1).all(|t| !t.space_before));
    }
}
