//! Sentence and clause boundaries over the original text.
//!
//! Sentences end at `.!?…` followed by space and an upper-case letter,
//! digit or opening quote — unless the word before the period is a known
//! abbreviation ("z. B.", "Nr.", "Jan.", "г."), a single initial, or an
//! ordinal before a month name ("am 5. Januar"). Blank lines always end a
//! sentence; a single line break ends one unless the next line goes on in
//! lower case (wrapped text). Clauses split a sentence at `;`, dashes,
//! colons, and at commas before a clause opener of the language ("als",
//! "which", "который"). All boundaries are token ranges, so offsets stay
//! those of the original text.

use std::collections::HashSet;

use crate::lexicon::PhraseSet;
use crate::text::Token;

/// A clause: a token range inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub end: usize,
}

/// A sentence: a token range, its clauses and its paragraph number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub end: usize,
    /// Clauses in order, covering the sentence.
    pub clauses: Vec<Clause>,
    /// Paragraph (blank-line separated block) number, from 0.
    pub paragraph: usize,
}

/// What the segmenter needs to know about a language.
pub struct SegmentRules<'a> {
    /// Lower-case abbreviations that do not end a sentence (without the dot).
    pub abbreviations: &'a HashSet<String>,
    /// Lower-case month names and abbreviations.
    pub months: &'a HashSet<String>,
    /// Phrases that open a new clause after a comma.
    pub clause_openers: &'a PhraseSet<Opener>,
}

/// What a clause opener joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// A coordinating conjunction ("und", "and", "и"): the clause after it
    /// may share the subject of the clause before.
    Conjunction,
    /// A relative pronoun or subordinating conjunction ("die", "which",
    /// "когда").
    Subordinate,
}

const CLOSERS: &[char] = &['"', '\'', '”', '“', '’', '»', '«', ')', ']', '„'];

/// Splits the tokens of `text` into sentences and clauses.
pub fn segment(text: &str, toks: &[Token], rules: &SegmentRules) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    if toks.is_empty() {
        return sentences;
    }
    let mut first = 0;
    let mut paragraph = 0;
    for k in 1..=toks.len() {
        let (brk, blank) = if k == toks.len() {
            (true, false)
        } else {
            boundary_before(text, toks, k, rules)
        };
        if brk {
            sentences.push(Sentence {
                first,
                end: k,
                clauses: clauses(text, toks, first, k, rules),
                paragraph,
            });
            first = k;
            if blank {
                paragraph += 1;
            }
        }
    }
    sentences
}

/// Is there a sentence boundary between token `k-1` and token `k`?
/// Returns (boundary, blank line).
fn boundary_before(text: &str, toks: &[Token], k: usize, rules: &SegmentRules) -> (bool, bool) {
    let prev = &toks[k - 1];
    let next = &toks[k];
    let gap = &text[prev.byte_end..next.byte_start];
    let newlines = gap.matches('\n').count();
    if newlines >= 2 {
        return (true, true);
    }
    let next_first = text[next.byte_start..].chars().next().unwrap_or(' ');
    if newlines == 1 {
        // Wrapped text goes on in lower case on the next line.
        return (!next_first.is_lowercase(), false);
    }
    let Some(p) = gap.find(['.', '!', '?', '…']) else {
        return (false, false);
    };
    let after = &gap[p + gap[p..].chars().next().map_or(1, char::len_utf8)..];
    let rest = after
        .trim_start_matches(['.', '!', '?', '…'])
        .trim_start_matches(CLOSERS);
    if !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
        return (false, false);
    }
    let rest_trim = rest.trim_start();
    let opens_quote = rest_trim.starts_with(['"', '„', '“', '«', '(', '\'', '‘', '-', '–', '—']);
    if !(next_first.is_uppercase() || next_first.is_ascii_digit() || opens_quote) {
        return (false, false);
    }
    if gap[..p].trim().is_empty() && gap.as_bytes()[p] == b'.' {
        // A period right after the word: abbreviation, initial, ordinal?
        let word = &prev.lower;
        let single_letter = word.chars().count() == 1 && !prev.numeric;
        if single_letter || rules.abbreviations.contains(word.as_str()) {
            return (false, false);
        }
        if prev.numeric && word.len() <= 2 && rules.months.contains(next.lower.as_str()) {
            return (false, false);
        }
    }
    (true, false)
}

/// Splits a sentence's tokens into clauses.
fn clauses(
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    rules: &SegmentRules,
) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = first;
    for k in first + 1..end {
        let gap = &text[toks[k - 1].byte_end..toks[k].byte_start];
        let hard = gap.contains(';')
            || gap.contains(" – ")
            || gap.contains(" — ")
            || gap.contains(" - ")
            || (gap.contains(':') && !toks[k - 1].numeric);
        let soft = !hard
            && gap.contains(',')
            && rules
                .clause_openers
                .find(toks, k, (k + 3).min(end))
                .first()
                .is_some_and(|m| m.first == k);
        if (hard || soft) && k > start {
            out.push(Clause {
                first: start,
                end: k,
            });
            start = k;
        }
    }
    out.push(Clause { first: start, end });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<Vec<String>> {
        let abbreviations: HashSet<String> = ["z", "b", "nr", "dr", "ca", "jan", "mr", "г", "тыс"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let months: HashSet<String> = ["januar", "january", "dezember"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let openers = PhraseSet::new(vec![
            ("als".to_string(), Opener::Subordinate, 1),
            ("which".to_string(), Opener::Subordinate, 2),
            ("und".to_string(), Opener::Conjunction, 3),
        ]);
        let rules = SegmentRules {
            abbreviations: &abbreviations,
            months: &months,
            clause_openers: &openers,
        };
        let toks = tokenize(text);
        segment(text, &toks, &rules)
            .iter()
            .map(|s| {
                s.clauses
                    .iter()
                    .map(|c| text[toks[c.first].byte_start..toks[c.end - 1].byte_end].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn segment_sentences_table() {
        let cases: &[(&str, &[&[&str]])] = &[
            (
                "Es kamen ca. 5000 Menschen. Die Polizei griff ein.",
                &[&["Es kamen ca. 5000 Menschen"], &["Die Polizei griff ein"]],
            ),
            (
                "Am 5. Januar wurde gestreikt. Nr. 3 folgte.",
                &[&["Am 5. Januar wurde gestreikt"], &["Nr. 3 folgte"]],
            ),
            ("Es gab z. B. Streiks.", &[&["Es gab z. B. Streiks"]]),
            (
                "„Wir bleiben“, sagte er. „Morgen auch.“ Dann ging er.",
                &[
                    &["Wir bleiben“, sagte er"],
                    &["Morgen auch"],
                    &["Dann ging er"],
                ],
            ),
            (
                "Mr. Smith spoke. Then rallies began",
                &[&["Mr. Smith spoke"], &["Then rallies began"]],
            ),
            (
                "Headline here\nBody starts. More",
                &[&["Headline here"], &["Body starts"], &["More"]],
            ),
            (
                "a line that is\nwrapped here.",
                &[&["a line that is\nwrapped here"]],
            ),
            (
                "First para.\n\nSecond para",
                &[&["First para"], &["Second para"]],
            ),
            (
                "Ten thousand gathered; police fired tear gas.",
                &[&["Ten thousand gathered", "police fired tear gas"]],
            ),
            (
                "Sie protestierten, als die Polizei kam.",
                &[&["Sie protestierten", "als die Polizei kam"]],
            ),
            (
                "Der Text bricht ab mitten im Wo",
                &[&["Der Text bricht ab mitten im Wo"]],
            ),
        ];
        for (text, want) in cases {
            let got = split(text);
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|s| s.iter().map(|c| c.to_string()).collect())
                .collect();
            assert_eq!(got, want, "text {text:?}");
        }
    }

    #[test]
    fn segment_empty_text() {
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
    }
}
