//! JSON Lines corpora: one document object per line (EVENTS.md §1).
//!
//! Fields: `id`, `url`, `date`, `lang`, `text`; any other field is accepted
//! and ignored. A missing, null or empty `id` becomes `doc-<fnv1a64 hex>` of
//! the text. A date that does not parse is reported (`bad_date`) and the
//! document is kept with a null date. `lang` is lowercased. Blank lines are
//! skipped silently; every other defective line gives one warning with its
//! 1-based line number, and reading goes on with the next line.

use std::collections::VecDeque;
use std::io::BufRead;

use chronik_model::{Document, PartialDate};
use serde_json::{Map, Value};

use crate::error::{Problem, json_kind};
use crate::id::derived_id;
use crate::item::{Item, Source, Warning};
use crate::line::{Line, LineReader};
use crate::seed::BOM;

/// Streams the items of one JSON Lines file, a line at a time.
pub(crate) struct JsonlReader<R> {
    /// The file as reported in sources and warnings.
    name: String,
    lines: LineReader<R>,
    /// Reused line buffer.
    buf: Vec<u8>,
    /// 1-based number of the last line read.
    line_no: usize,
    /// Whether any non-blank line was seen (else the file is empty).
    seen_content: bool,
    /// Whether the bytes come through a gzip decoder.
    gzip: bool,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `input`, which should be buffered.
    pub(crate) fn new(name: String, input: R, max_line_bytes: usize, gzip: bool) -> Self {
        JsonlReader {
            name,
            lines: LineReader::new(input, max_line_bytes),
            buf: Vec::new(),
            line_no: 0,
            seen_content: false,
            gzip,
            done: false,
        }
    }

    /// Reads lines until at least one item is pushed to `out`; false once
    /// the file is finished and nothing more will come.
    pub(crate) fn advance(&mut self, out: &mut VecDeque<Item>) -> bool {
        while !self.done {
            let line = match self.lines.next_line(&mut self.buf) {
                Ok(line) => line,
                Err(e) => {
                    self.done = true;
                    let line = Some(self.line_no + 1);
                    out.push_back(self.warning(line, Problem::read_error(e, self.gzip)));
                    return true;
                }
            };
            if line == Line::Eof {
                self.done = true;
                if !self.seen_content {
                    out.push_back(self.warning(None, Problem::EmptyFile));
                    return true;
                }
                return false;
            }
            self.line_no += 1;
            if let Line::TooLong { len } = line {
                self.seen_content = true;
                let problem = Problem::LineTooLong {
                    len,
                    limit: self.lines_max(),
                };
                out.push_back(self.warning(Some(self.line_no), problem));
                return true;
            }
            let mut bytes = &self.buf[..];
            if self.line_no == 1 && bytes.starts_with(BOM) {
                bytes = &bytes[BOM.len()..];
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.seen_content = true;
            let before = out.len();
            match std::str::from_utf8(bytes) {
                Ok(text) => parse_line(&self.name, self.line_no, text, out),
                Err(e) => {
                    let problem = Problem::InvalidUtf8(e.valid_up_to());
                    out.push_back(self.warning(Some(self.line_no), problem));
                }
            }
            if out.len() > before {
                return true;
            }
        }
        false
    }

    fn lines_max(&self) -> usize {
        self.lines.max()
    }

    fn warning(&self, line: Option<usize>, problem: Problem) -> Item {
        Item::Warning(Warning::new(&self.name, line, problem))
    }
}

/// Turns one non-blank JSON line into a document (and perhaps a `bad_date`
/// warning before it), or into one warning.
pub(crate) fn parse_line(file: &str, line: usize, text: &str, out: &mut VecDeque<Item>) {
    let warn = |problem| Item::Warning(Warning::new(file, Some(line), problem));
    let mut object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(other) => return out.push_back(warn(Problem::NotAnObject(json_kind(&other)))),
        // One line at a time, so serde_json's line number is always 1.
        Err(e) => {
            let message = e.to_string().replace(" at line 1 column ", " at column ");
            return out.push_back(warn(Problem::InvalidJson(message)));
        }
    };
    let text = match object.remove("text") {
        None | Some(Value::Null) => return out.push_back(warn(Problem::MissingText)),
        Some(Value::String(s)) if s.trim().is_empty() => {
            return out.push_back(warn(Problem::EmptyText));
        }
        Some(Value::String(s)) => s,
        Some(other) => return out.push_back(warn(Problem::TextNotString(json_kind(&other)))),
    };
    let date = match parse_date(object.get("date")) {
        Ok(date) => date,
        Err(shown) => {
            out.push_back(warn(Problem::BadDate(shown)));
            None
        }
    };
    let id = id_field(&mut object).unwrap_or_else(|| derived_id(&text));
    let url = string_field(&mut object, "url");
    let lang = string_field(&mut object, "lang").map(|l| l.to_lowercase());
    let doc = Document {
        id,
        url,
        date,
        lang,
        text,
    };
    out.push_back(Item::Doc(
        Source {
            file: file.to_string(),
            line: Some(line),
        },
        doc,
    ));
}

/// The `id` as given: a non-blank string, or an integer written in decimal.
/// Anything else means "no id".
fn id_field(object: &mut Map<String, Value>) -> Option<String> {
    match object.remove("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s),
        Value::Number(n) if n.is_u64() || n.is_i64() => Some(n.to_string()),
        _ => None,
    }
}

/// A non-blank string field, trimmed; anything else is `None`.
fn string_field(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Null, missing or blank is no date. A string (or a bare year as a number)
/// must parse; otherwise `Err` holds the value as shown in the warning.
fn parse_date(value: Option<&Value>) -> Result<Option<PartialDate>, String> {
    let text = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) if n.is_u64() => n.to_string(),
        Some(other) => return Err(shorten(&other.to_string())),
    };
    PartialDate::parse(&text)
        .map(Some)
        .map_err(|_| shorten(&format!("{text:?}")))
}

/// At most 60 chars of a value for a message.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::SkipReason;
    use std::io::{BufReader, Cursor};

    fn parse(text: &str) -> Vec<Item> {
        let mut out = VecDeque::new();
        parse_line("c.jsonl", 7, text, &mut out);
        out.into()
    }

    fn only_doc(items: &[Item]) -> &Document {
        match items {
            [Item::Doc(src, doc)] => {
                assert_eq!(
                    src,
                    &Source {
                        file: "c.jsonl".into(),
                        line: Some(7)
                    }
                );
                doc
            }
            other => panic!("expected one document, got {other:?}"),
        }
    }

    #[test]
    fn jsonl_date_forms_table() {
        let cases: &[(&str, Option<&str>, bool)] = &[
            (r#""date": "2022""#, Some("2022"), false),
            (r#""date": "2022-01""#, Some("2022-01"), false),
            (r#""date": "2022-01-06""#, Some("2022-01-06"), false),
            (
                r#""date": "2022-01-06T09:30:00+06:00""#,
                Some("2022-01-06"),
                false,
            ),
            (
                r#""date": "2022-01-06T23:59:59Z""#,
                Some("2022-01-06"),
                false,
            ),
            (r#""date": 2022"#, Some("2022"), false),
            (r#""date": null"#, None, false),
            (r#""date": """#, None, false),
            (r#""x": 1"#, None, false),
            (r#""date": "vorgestern""#, None, true),
            (r#""date": "2022-02-30""#, None, true),
            (r#""date": ["2022"]"#, None, true),
            (r#""date": 20220106"#, None, true),
        ];
        for (field, want, warned) in cases {
            let items = parse(&format!(r#"{{"id": "a", {field}, "text": "Es regnet."}}"#));
            let (warnings, docs): (Vec<&Item>, Vec<&Item>) =
                items.iter().partition(|i| matches!(i, Item::Warning(_)));
            let doc = only_doc(&items[items.len() - 1..]);
            assert_eq!(docs.len(), 1, "{field}");
            assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), *want, "{field}");
            assert_eq!(warnings.len(), usize::from(*warned), "{field}");
            if let [Item::Warning(w)] = warnings[..] {
                assert_eq!(w.reason, SkipReason::BadDate);
                assert!(!w.skipped);
                assert_eq!(w.line, Some(7));
            }
        }
    }

    #[test]
    fn jsonl_fields_table() {
        let derived = derived_id("Es regnet.");
        // (line, id, url, lang)
        let cases: Vec<(&str, String, Option<&str>, Option<&str>)> = vec![
            (
                r#"{"id": "de-1", "url": "https://example.org/a", "lang": "DE", "text": "Es regnet."}"#,
                "de-1".into(),
                Some("https://example.org/a"),
                Some("de"),
            ),
            (r#"{"text": "Es regnet."}"#, derived.clone(), None, None),
            (
                r#"{"id": null, "lang": null, "url": null, "text": "Es regnet."}"#,
                derived.clone(),
                None,
                None,
            ),
            (
                r#"{"id": "", "lang": "", "text": "Es regnet."}"#,
                derived.clone(),
                None,
                None,
            ),
            (
                r#"{"id": 42, "text": "Es regnet."}"#,
                "42".into(),
                None,
                None,
            ),
            (
                r#"{"id": {"k": 1}, "lang": 5, "text": "Es regnet."}"#,
                derived.clone(),
                None,
                None,
            ),
            (
                r#"{"id": "x", "source": "Wire", "tags": [1, {"a": null}], "score": 0.5, "text": "Es regnet."}"#,
                "x".into(),
                None,
                None,
            ),
        ];
        for (line, id, url, lang) in cases {
            let items = parse(line);
            let doc = only_doc(&items);
            assert_eq!(doc.id, id, "{line}");
            assert_eq!(doc.url.as_deref(), url, "{line}");
            assert_eq!(doc.lang.as_deref(), lang, "{line}");
            assert_eq!(doc.text, "Es regnet.");
        }
    }

    #[test]
    fn jsonl_text_is_kept_verbatim() {
        let items = parse(r#"{"text": "  Дождь идёт.\n\n"}"#);
        assert_eq!(only_doc(&items).text, "  Дождь идёт.\n\n");
    }

    #[test]
    fn jsonl_bad_lines_table() {
        let cases: &[(&str, SkipReason, &str)] = &[
            (
                "{",
                SkipReason::InvalidJson,
                "invalid JSON: EOF while parsing an object at column 1",
            ),
            (
                "not json",
                SkipReason::InvalidJson,
                "invalid JSON: expected ident at column 2",
            ),
            (
                r#"{"text": "a"} {}"#,
                SkipReason::InvalidJson,
                "invalid JSON: trailing characters at column 15",
            ),
            (
                "[1, 2]",
                SkipReason::NotAnObject,
                "expected a JSON object, found an array",
            ),
            (
                r#""text""#,
                SkipReason::NotAnObject,
                "expected a JSON object, found a string",
            ),
            (
                "17",
                SkipReason::NotAnObject,
                "expected a JSON object, found a number",
            ),
            (
                r#"{"id": "a"}"#,
                SkipReason::MissingText,
                "no \"text\" field",
            ),
            (
                r#"{"text": null}"#,
                SkipReason::MissingText,
                "no \"text\" field",
            ),
            (
                r#"{"text": 12}"#,
                SkipReason::MissingText,
                "\"text\" is a number, not a string",
            ),
            (
                r#"{"text": ["a"]}"#,
                SkipReason::MissingText,
                "\"text\" is an array, not a string",
            ),
            (r#"{"text": ""}"#, SkipReason::EmptyText, "text is empty"),
            (
                r#"{"text": " \n "}"#,
                SkipReason::EmptyText,
                "text is empty",
            ),
        ];
        for (line, reason, message) in cases {
            match &parse(line)[..] {
                [Item::Warning(w)] => {
                    assert_eq!(
                        (w.reason, w.message.as_str()),
                        (*reason, *message),
                        "{line}"
                    );
                    assert_eq!(
                        (w.file.as_str(), w.line, w.skipped),
                        ("c.jsonl", Some(7), true)
                    );
                }
                other => panic!("{line}: unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn jsonl_deep_nesting_does_not_overflow() {
        let line = format!(
            r#"{{"text": "a", "x": {}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        match &parse(&line)[..] {
            [Item::Warning(w)] => assert_eq!(w.reason, SkipReason::InvalidJson),
            other => panic!("unexpected {other:?}"),
        }
    }

    /// (reason or "doc:<id>", line) for every item of a stream.
    fn stream(input: &[u8], max: usize) -> Vec<(String, Option<usize>)> {
        let reader = BufReader::with_capacity(8, Cursor::new(input.to_vec()));
        let mut jsonl = JsonlReader::new("s.jsonl".into(), reader, max, false);
        let mut out = VecDeque::new();
        while jsonl.advance(&mut out) {}
        out.into_iter()
            .map(|item| match item {
                Item::Doc(src, doc) => (format!("doc:{}", doc.id), src.line),
                Item::Warning(w) => (w.reason.as_str().to_string(), w.line),
            })
            .collect()
    }

    #[test]
    fn jsonl_stream_table() {
        let s = |a: &str, l: Option<usize>| (a.to_string(), l);
        type Case = (&'static [u8], usize, Vec<(String, Option<usize>)>);
        let cases: Vec<Case> = vec![
            (b"", 100, vec![s("empty_file", None)]),
            (b"\n  \n\r\n", 100, vec![s("empty_file", None)]),
            (
                b"{\"id\":\"a\",\"text\":\"Eins.\"}\n{oops\n\n{\"id\":\"b\",\"text\":\"Zwei.\"}",
                100,
                vec![s("doc:a", Some(1)), s("invalid_json", Some(2)), s("doc:b", Some(4))],
            ),
            (
                b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Eins.\"}\r\n{\"id\":\"b\",\"text\":\"Zw\xFFei.\"}\r\n{\"id\":\"c\",\"text\":\"Drei.\"}\r\n",
                100,
                vec![s("doc:a", Some(1)), s("invalid_utf8", Some(2)), s("doc:c", Some(3))],
            ),
            (
                b"{\"id\":\"a\",\"text\":\"Eins.\"}\n{\"id\":\"long\",\"text\":\"Dieser Satz ist viel zu lang.\"}\n{\"id\":\"c\",\"text\":\"Drei.\"}\n",
                30,
                vec![s("doc:a", Some(1)), s("line_too_long", Some(2)), s("doc:c", Some(3))],
            ),
            (
                b"{\"id\":\"a\",\"date\":\"bald\",\"text\":\"Eins.\"}\n",
                100,
                vec![s("bad_date", Some(1)), s("doc:a", Some(1))],
            ),
        ];
        for (input, max, want) in cases {
            assert_eq!(
                stream(input, max),
                want,
                "input {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn jsonl_shorten_cuts_on_char_boundary() {
        let long = "ж".repeat(100);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), 61);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("kurz"), "kurz");
    }
}
