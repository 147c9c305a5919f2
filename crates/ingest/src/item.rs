//! What the readers yield: documents with their [`Source`], and
//! [`Warning`]s for input that was skipped (or kept with a defect), plus a
//! [`Summary`] that counts both.
//!
//! Every warning names the file and, for line-based formats, the 1-based
//! line. `skipped` is false only for warnings whose document is still
//! yielded (a bad date, which becomes null).

use std::collections::BTreeMap;
use std::fmt;

use chronik_model::Document;

use crate::error::Problem;

/// One step of reading: a document or a warning, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document and where it came from.
    Doc(Source, Document),
    /// Something in the input that was skipped or repaired.
    Warning(Warning),
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    /// The path as given or found while walking a directory; `-` for stdin.
    pub file: String,
    /// 1-based line for JSON Lines input; `None` for whole-file documents.
    pub line: Option<usize>,
}

/// Why input was skipped (or, for [`SkipReason::BadDate`], repaired).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// A line that is not valid JSON.
    InvalidJson,
    /// A JSON line whose value is not an object.
    NotAnObject,
    /// A line or file that is not valid UTF-8.
    InvalidUtf8,
    /// A file with no content (or only whitespace).
    EmptyFile,
    /// A file with a NUL byte in its first 8 KiB.
    BinaryFile,
    /// A line (or whole text document) longer than the configured limit.
    LineTooLong,
    /// A JSON object without a string `text`.
    MissingText,
    /// A document whose text is empty or only whitespace.
    EmptyText,
    /// A date that does not parse; the document is kept with a null date.
    BadDate,
    /// A file in a directory that is not a supported format.
    UnsupportedFile,
    /// A path that cannot be opened or read.
    Io,
    /// Corrupt or truncated gzip data.
    BadGzip,
}

impl SkipReason {
    /// Every reason, in declaration order.
    pub const ALL: &'static [SkipReason] = &[
        SkipReason::InvalidJson,
        SkipReason::NotAnObject,
        SkipReason::InvalidUtf8,
        SkipReason::EmptyFile,
        SkipReason::BinaryFile,
        SkipReason::LineTooLong,
        SkipReason::MissingText,
        SkipReason::EmptyText,
        SkipReason::BadDate,
        SkipReason::UnsupportedFile,
        SkipReason::Io,
        SkipReason::BadGzip,
    ];

    /// The snake_case name used in summaries and machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::InvalidJson => "invalid_json",
            SkipReason::NotAnObject => "not_an_object",
            SkipReason::InvalidUtf8 => "invalid_utf8",
            SkipReason::EmptyFile => "empty_file",
            SkipReason::BinaryFile => "binary_file",
            SkipReason::LineTooLong => "line_too_long",
            SkipReason::MissingText => "missing_text",
            SkipReason::EmptyText => "empty_text",
            SkipReason::BadDate => "bad_date",
            SkipReason::UnsupportedFile => "unsupported_file",
            SkipReason::Io => "io",
            SkipReason::BadGzip => "bad_gzip",
        }
    }

    /// True when input with this problem is dropped; false when the
    /// document is kept (only [`SkipReason::BadDate`]).
    pub fn skips(self) -> bool {
        self != SkipReason::BadDate
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem found in the input, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    /// The path as given or found; `-` for stdin.
    pub file: String,
    /// 1-based line, or `None` for whole-file problems.
    pub line: Option<usize>,
    /// The kind of problem.
    pub reason: SkipReason,
    /// Human-readable detail, without the place (e.g. `invalid JSON:
    /// expected value at column 1`).
    pub message: String,
    /// False only when the document was kept (bad date).
    pub skipped: bool,
}

impl Warning {
    /// A warning for `problem` at `file` and `line`.
    pub(crate) fn new(file: &str, line: Option<usize>, problem: Problem) -> Warning {
        let reason = problem.reason();
        Warning {
            file: file.to_string(),
            line,
            reason,
            message: problem.to_string(),
            skipped: reason.skips(),
        }
    }

    /// What happened to the input, for the end of the display line.
    fn outcome(&self) -> &'static str {
        match (self.skipped, self.line, self.reason) {
            (false, _, _) => "document kept",
            (true, None, _) => "file skipped",
            // A read error inside a stream ends that file.
            (true, Some(_), SkipReason::Io | SkipReason::BadGzip) => "rest of file skipped",
            (true, Some(_), _) => "line skipped",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: ", self.file, line)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{} ({})", self.message, self.outcome())
    }
}

/// Counts of what a run read and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents yielded.
    pub read: usize,
    /// Warnings whose input was dropped.
    pub skipped: usize,
    /// All warnings, including those whose document was kept.
    pub warnings: usize,
    /// Warnings by [`SkipReason::as_str`].
    pub by_reason: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Counts one item.
    pub fn record(&mut self, item: &Item) {
        match item {
            Item::Doc(..) => self.read += 1,
            Item::Warning(w) => {
                self.warnings += 1;
                if w.skipped {
                    self.skipped += 1;
                }
                *self.by_reason.entry(w.reason.as_str()).or_insert(0) += 1;
            }
        }
    }
}

/// Writes `name count` pairs separated by commas.
fn write_reasons<'a>(
    f: &mut fmt::Formatter<'_>,
    reasons: impl Iterator<Item = (&'a &'static str, &'a usize)>,
) -> fmt::Result {
    for (i, (name, count)) in reasons.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{name} {count}")?;
    }
    Ok(())
}

impl fmt::Display for Summary {
    /// `read 338 documents, skipped 2 (invalid_json 1, missing_text 1)`, and
    /// `, kept 1 with warnings (bad_date 1)` when some documents were repaired.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.read == 1 {
            "document"
        } else {
            "documents"
        };
        write!(f, "read {} {noun}, skipped {}", self.read, self.skipped)?;
        let kept = SkipReason::BadDate.as_str();
        let mut dropped = self
            .by_reason
            .iter()
            .filter(|(name, _)| **name != kept)
            .peekable();
        if dropped.peek().is_some() {
            f.write_str(" (")?;
            write_reasons(f, dropped)?;
            f.write_str(")")?;
        }
        let kept_count = self.warnings - self.skipped.min(self.warnings);
        if kept_count > 0 {
            write!(f, ", kept {kept_count} with warnings (")?;
            write_reasons(f, self.by_reason.iter().filter(|(name, _)| **name == kept))?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(line: Option<usize>, reason: SkipReason, message: &str) -> Warning {
        Warning {
            file: "corpus.jsonl".to_string(),
            line,
            reason,
            message: message.to_string(),
            skipped: reason.skips(),
        }
    }

    fn doc() -> Item {
        let source = Source {
            file: "a.txt".to_string(),
            line: None,
        };
        let doc = Document {
            id: "a".to_string(),
            url: None,
            date: None,
            lang: None,
            text: "Es regnet.".to_string(),
        };
        Item::Doc(source, doc)
    }

    #[test]
    fn item_reason_names_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for r in SkipReason::ALL {
            let name = r.as_str();
            assert!(seen.insert(name), "duplicate {name}");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
            );
            assert_eq!(r.to_string(), name);
        }
        assert_eq!(seen.len(), 12);
    }

    #[test]
    fn item_warning_display_table() {
        let cases = [
            (
                warning(
                    Some(17),
                    SkipReason::InvalidJson,
                    "invalid JSON: expected value at column 1",
                ),
                "corpus.jsonl:17: invalid JSON: expected value at column 1 (line skipped)",
            ),
            (
                warning(None, SkipReason::EmptyFile, "empty file"),
                "corpus.jsonl: empty file (file skipped)",
            ),
            (
                warning(Some(3), SkipReason::BadDate, "bad date \"gestern\""),
                "corpus.jsonl:3: bad date \"gestern\" (document kept)",
            ),
            (
                warning(Some(9), SkipReason::BadGzip, "bad gzip data: eof"),
                "corpus.jsonl:9: bad gzip data: eof (rest of file skipped)",
            ),
        ];
        for (w, want) in cases {
            assert_eq!(w.to_string(), want);
        }
    }

    #[test]
    fn item_summary_counts_and_display() {
        let cases: Vec<(Vec<Item>, &str)> = vec![
            (vec![], "read 0 documents, skipped 0"),
            (vec![doc()], "read 1 document, skipped 0"),
            (
                vec![
                    doc(),
                    Item::Warning(warning(Some(2), SkipReason::MissingText, "m")),
                    doc(),
                    Item::Warning(warning(Some(4), SkipReason::InvalidJson, "j")),
                ],
                "read 2 documents, skipped 2 (invalid_json 1, missing_text 1)",
            ),
            (
                vec![
                    Item::Warning(warning(Some(1), SkipReason::BadDate, "d")),
                    doc(),
                    Item::Warning(warning(Some(2), SkipReason::BadDate, "d")),
                    doc(),
                    Item::Warning(warning(Some(3), SkipReason::InvalidJson, "j")),
                ],
                "read 2 documents, skipped 1 (invalid_json 1), kept 2 with warnings (bad_date 2)",
            ),
        ];
        for (items, want) in cases {
            let mut summary = Summary::default();
            for item in &items {
                summary.record(item);
            }
            assert_eq!(summary.to_string(), want);
            let warnings = items
                .iter()
                .filter(|i| matches!(i, Item::Warning(_)))
                .count();
            assert_eq!(summary.warnings, warnings);
            assert_eq!(summary.by_reason.values().sum::<usize>(), warnings);
        }
    }
}
