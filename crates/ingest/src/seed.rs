//! Whole-file text documents: the seed form (`date 2022-01 Text …`) and
//! plain text.
//!
//! Seed form is optional whitespace, the word `date`, whitespace, a date
//! token, whitespace, then the text. The text is everything after the
//! whitespace that follows the date, byte for byte: the end is not trimmed
//! and nothing is normalised, because character offsets are computed on it.
//! A date token that starts like a year (`2022-13`) but does not parse keeps
//! the seed form with a `bad_date` warning and a null date. Anything else is
//! plain text: the whole file is the text, with no date.

use std::collections::VecDeque;

use chronik_model::{Document, PartialDate};

use crate::error::Problem;
use crate::id::file_id;
use crate::item::{Item, Source, Warning};

/// The UTF-8 byte order mark, an encoding marker rather than text.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The parts of a seed-form text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SeedForm<'a> {
    /// The parsed date, or the token that failed to parse.
    pub(crate) date: Result<PartialDate, &'a str>,
    /// Byte offset where the text starts.
    pub(crate) text_start: usize,
}

/// Recognises the seed form; `None` means plain text.
pub(crate) fn parse_seed(s: &str) -> Option<SeedForm<'_>> {
    let rest = s.trim_start().strip_prefix("date")?;
    let after_word = rest.trim_start();
    if after_word.len() == rest.len() {
        return None; // "dated …", "date:" — not the keyword.
    }
    let token_len = after_word
        .find(char::is_whitespace)
        .unwrap_or(after_word.len());
    let token = &after_word[..token_len];
    let date = match PartialDate::parse(token) {
        Ok(date) => Ok(date),
        Err(_) if looks_like_a_date(token) => Err(token),
        Err(_) => return None,
    };
    let text = after_word[token_len..].trim_start();
    Some(SeedForm {
        date,
        text_start: s.len() - text.len(),
    })
}

/// A token that was meant as a date: four digits, then the end or `-`.
fn looks_like_a_date(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && (b.len() == 4 || b[4] == b'-')
}

/// Turns the bytes of a whole file into a document (or warnings).
///
/// `name` is the file as reported and the source of the id.
pub(crate) fn text_document(name: &str, mut bytes: Vec<u8>, out: &mut VecDeque<Item>) {
    let warn = |problem| Item::Warning(Warning::new(name, None, problem));
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    bytes.drain(..bom);
    let mut content = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            return out.push_back(warn(Problem::InvalidUtf8(
                bom + e.utf8_error().valid_up_to(),
            )));
        }
    };
    if content.trim().is_empty() {
        return out.push_back(warn(Problem::EmptyFile));
    }
    let mut date = None;
    if let Some(seed) = parse_seed(&content) {
        match seed.date {
            Ok(d) => date = Some(d),
            Err(token) => out.push_back(warn(Problem::BadDate(format!("{token:?}")))),
        }
        let text_start = seed.text_start;
        if content[text_start..].is_empty() {
            return out.push_back(warn(Problem::EmptyText));
        }
        content.drain(..text_start);
    }
    let doc = Document {
        id: file_id(name),
        url: None,
        date,
        lang: None,
        text: content,
    };
    out.push_back(Item::Doc(
        Source {
            file: name.to_string(),
            line: None,
        },
        doc,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::SkipReason;

    #[test]
    fn seed_parse_table() {
        let day = PartialDate::Day(2021, 3, 4);
        // (input, expected date and text) — None for plain text.
        type Case = (
            &'static str,
            Option<(Result<PartialDate, &'static str>, &'static str)>,
        );
        let cases: &[Case] = &[
            (
                "date 2022 Es schneit.",
                Some((Ok(PartialDate::Year(2022)), "Es schneit.")),
            ),
            (
                " date 2022-01 Es schneit.",
                Some((Ok(PartialDate::Month(2022, 1)), "Es schneit.")),
            ),
            (
                "date 2021-03-04 Snow fell.\n",
                Some((Ok(day), "Snow fell.\n")),
            ),
            (
                "\n\n  \tdate\t2021-03-04\n\nSnow fell.  ",
                Some((Ok(day), "Snow fell.  ")),
            ),
            ("date 2021-03-04T08:00:00Z Снег.", Some((Ok(day), "Снег."))),
            (
                "date 2022-13 Es schneit.",
                Some((Err("2022-13"), "Es schneit.")),
            ),
            (
                "date 2023-02-29 Es schneit.",
                Some((Err("2023-02-29"), "Es schneit.")),
            ),
            ("date 2022-01", Some((Ok(PartialDate::Month(2022, 1)), ""))),
            (
                "date 2022-01   ",
                Some((Ok(PartialDate::Month(2022, 1)), "")),
            ),
            (
                "date\u{a0}2022 Text",
                Some((Ok(PartialDate::Year(2022)), "Text")),
            ),
            ("Es schneit.", None),
            ("dated 2022 text", None),
            ("date: 2022 text", None),
            ("date2022 text", None),
            ("date January text", None),
            ("date 2022er Jahre", None),
            ("date", None),
            ("date   ", None),
            ("Date 2022 text", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = parse_seed(input).map(|s| (s.date, &input[s.text_start..]));
            assert_eq!(got, *want, "input {input:?}");
        }
    }

    fn one(name: &str, bytes: &[u8]) -> Vec<Item> {
        let mut out = VecDeque::new();
        text_document(name, bytes.to_vec(), &mut out);
        out.into()
    }

    #[test]
    fn seed_text_document_table() {
        // (bytes, expected (id, date, text) of the document, expected warning reasons)
        type Case = (
            &'static [u8],
            Option<(&'static str, Option<&'static str>, &'static str)>,
            Vec<SkipReason>,
        );
        let cases: Vec<Case> = vec![
            (
                b" date 2022-01 Die Post kam.",
                Some(("d", Some("2022-01"), "Die Post kam.")),
                vec![],
            ),
            (
                b"Die Post kam.\n",
                Some(("d", None, "Die Post kam.\n")),
                vec![],
            ),
            (
                b"\xEF\xBB\xBFdate 2022 Post.",
                Some(("d", Some("2022"), "Post.")),
                vec![],
            ),
            (
                b"date 2022-99 Post.",
                Some(("d", None, "Post.")),
                vec![SkipReason::BadDate],
            ),
            (b"date 2022-01 ", None, vec![SkipReason::EmptyText]),
            (b"", None, vec![SkipReason::EmptyFile]),
            (b" \n\t ", None, vec![SkipReason::EmptyFile]),
            (b"Post \xFF kam.", None, vec![SkipReason::InvalidUtf8]),
        ];
        for (bytes, want_doc, want_warnings) in cases {
            let items = one("dir/d.txt", bytes);
            let reasons: Vec<SkipReason> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Warning(w) => Some(w.reason),
                    Item::Doc(..) => None,
                })
                .collect();
            assert_eq!(reasons, want_warnings, "input {bytes:?}");
            let docs: Vec<(String, Option<String>, String)> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Doc(src, d) => {
                        assert_eq!(
                            src,
                            &Source {
                                file: "dir/d.txt".into(),
                                line: None
                            }
                        );
                        Some((d.id.clone(), d.date.map(|d| d.to_string()), d.text.clone()))
                    }
                    Item::Warning(_) => None,
                })
                .collect();
            let want_docs: Vec<(String, Option<String>, String)> = want_doc
                .into_iter()
                .map(|(id, date, text)| (id.into(), date.map(Into::into), text.into()))
                .collect();
            assert_eq!(docs, want_docs, "input {bytes:?}");
        }
    }

    #[test]
    fn seed_invalid_utf8_offset_counts_the_bom() {
        let items = one("x.txt", b"\xEF\xBB\xBFab\xC3");
        match &items[..] {
            [Item::Warning(w)] => assert_eq!(w.message, "invalid UTF-8 at byte 5"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
