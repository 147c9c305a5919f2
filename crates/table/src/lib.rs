//! chronik-table: the TSV resource files of chronik.
//!
//! Every resource table has the same shape: `#` comment lines (what it is,
//! source, licence), one `# FORMAT: col<TAB>col…` line that the loader
//! checks against the columns it expects, then rows of tab-separated
//! columns. A row may end in a `<TAB># …` comment; blank lines are skipped.
//! Optional columns are written `[name]` in the FORMAT line. Every error
//! names the file and, for a bad row, its 1-based line.
//!
//! ```
//! let content = "# source: …\n# FORMAT: phrase\tkind\t[flags]\nriot\triot\t# e.g. …\n";
//! let rows = chronik_table::parse("triggers.tsv", content, "phrase\tkind\t[flags]").unwrap();
//! assert_eq!(rows[0].line, 3);
//! assert_eq!(rows[0].cols, ["riot", "riot"]);
//!
//! let err = chronik_table::parse("triggers.tsv", "# FORMAT: a\tb\nonly\n", "a\tb").unwrap_err();
//! assert_eq!(err.to_string(), "triggers.tsv:2: expected 2..=2 columns: a\tb");
//! ```
#![deny(missing_docs)]

/// A resource table could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// The `# FORMAT:` header is missing or differs from the expected one.
    #[error("{file}: expected header '# FORMAT: {expected}'")]
    Format {
        /// Resource file.
        file: String,
        /// The FORMAT the loader expects.
        expected: String,
    },
    /// A row is malformed (or, reported by a loader, its content is wrong).
    #[error("{file}:{line}: {message}")]
    Row {
        /// Resource file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl TableError {
    /// A [`TableError::Row`] error: what is wrong with line `line` of `file`.
    pub fn row(file: impl Into<String>, line: usize, message: impl Into<String>) -> TableError {
        TableError::Row {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// A [`TableError::Format`] error: `file` lacks the header `# FORMAT: expected`.
    pub fn format(file: impl Into<String>, expected: impl Into<String>) -> TableError {
        TableError::Format {
            file: file.into(),
            expected: expected.into(),
        }
    }
}

/// One data row with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the file.
    pub line: usize,
    /// The tab-separated columns, trimmed (trailing empty columns kept
    /// unless [`Options::drop_trailing_empty`]).
    pub cols: Vec<String>,
}

/// How [`parse_with`] reads a table; the default is what [`parse`] does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Drop empty columns at the end of a row before counting them, so
    /// `a<TAB>b<TAB>` is two columns rather than three.
    pub drop_trailing_empty: bool,
    /// When the FORMAT has no optional columns, word a wrong column count
    /// as `expected N columns` rather than `expected N..=N columns`.
    pub plain_count: bool,
}

/// Parses a TSV resource, checking its FORMAT header and column count.
///
/// The FORMAT line must equal `format` (optional columns written `[name]`)
/// and come before the first row; each row must have at least the required
/// and at most all columns, and a non-empty first column.
pub fn parse(file: &str, content: &str, format: &str) -> Result<Vec<Row>, TableError> {
    parse_with(file, content, format, Options::default())
}

/// [`parse`] with [`Options`].
pub fn parse_with(
    file: &str,
    content: &str,
    format: &str,
    options: Options,
) -> Result<Vec<Row>, TableError> {
    let min = format.split('\t').filter(|c| !c.starts_with('[')).count();
    let max = format.split('\t').count();
    let mut saw_format = false;
    let mut rows = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if let Some(f) = trimmed.strip_prefix("# FORMAT:") {
            if f.trim() != format {
                return Err(TableError::format(file, format));
            }
            saw_format = true;
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !saw_format {
            return Err(TableError::format(file, format));
        }
        let data = raw.find("\t#").map_or(raw, |p| &raw[..p]);
        let mut cols: Vec<String> = data.split('\t').map(|c| c.trim().to_string()).collect();
        if options.drop_trailing_empty {
            let keep = cols
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |l| l + 1);
            cols.truncate(keep);
        }
        if cols.len() < min || cols.len() > max || cols.first().is_none_or(String::is_empty) {
            let message = if options.plain_count && min == max {
                format!("expected {max} columns: {format}")
            } else {
                format!("expected {min}..={max} columns: {format}")
            };
            return Err(TableError::row(file, line, message));
        }
        rows.push(Row { line, cols });
    }
    if !saw_format {
        return Err(TableError::format(file, format));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_checks_format_and_columns() {
        let ok = "# src\n# FORMAT: phrase\tkind\t[flags]\nfoo\tbar\nbaz\tqux\tweak\t# e.g. x\n";
        let rows = parse("t.tsv", ok, "phrase\tkind\t[flags]").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].cols, vec!["baz", "qux", "weak"]);
        assert_eq!(rows[1].line, 4);
        let missing = "foo\tbar\n";
        assert!(matches!(
            parse("t.tsv", missing, "a\tb"),
            Err(TableError::Format { .. })
        ));
        let short = "# FORMAT: a\tb\nonly\n";
        let err = parse("t.tsv", short, "a\tb").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: expected 2..=2 columns: a\tb");
    }

    #[test]
    fn table_rows_table() {
        const F: &str = "a\tb\t[c]";
        /// The columns of each row, or the error message.
        type Want = Result<&'static [&'static [&'static str]], &'static str>;
        let cases: &[(&str, Want)] = &[
            ("# FORMAT: a\tb\t[c]\nx\ty\n", Ok(&[&["x", "y"]])),
            (
                "# FORMAT: a\tb\t[c]\n x \t y \t z \n",
                Ok(&[&["x", "y", "z"]]),
            ),
            ("# FORMAT: a\tb\t[c]\nx\ty\t# note\n", Ok(&[&["x", "y"]])),
            ("# FORMAT: a\tb\t[c]\nx\ty\t\n", Ok(&[&["x", "y", ""]])),
            (
                "  # FORMAT: a\tb\t[c]  \n\n  # note\nx\ty\n",
                Ok(&[&["x", "y"]]),
            ),
            ("# only comments\n# FORMAT: a\tb\t[c]\n", Ok(&[])),
            (
                "# FORMAT: a\tb\t[c]\nx\ty\tz\tw\n",
                Err("t.tsv:2: expected 2..=3 columns: a\tb\t[c]"),
            ),
            (
                "# FORMAT: a\tb\t[c]\n\ty\tz\n",
                Err("t.tsv:2: expected 2..=3 columns: a\tb\t[c]"),
            ),
            (
                "# FORMAT: a\tb\nx\ty\n",
                Err("t.tsv: expected header '# FORMAT: a\tb\t[c]'"),
            ),
            (
                "x\ty\n# FORMAT: a\tb\t[c]\n",
                Err("t.tsv: expected header '# FORMAT: a\tb\t[c]'"),
            ),
            (
                "# no format\n",
                Err("t.tsv: expected header '# FORMAT: a\tb\t[c]'"),
            ),
        ];
        for (content, want) in cases {
            let got = parse("t.tsv", content, F)
                .map(|rows| rows.into_iter().map(|r| r.cols).collect::<Vec<_>>())
                .map_err(|e| e.to_string());
            let want = want
                .map(|rows| {
                    rows.iter()
                        .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
                        .collect::<Vec<_>>()
                })
                .map_err(str::to_string);
            assert_eq!(got, want, "content {content:?}");
        }
    }

    #[test]
    fn table_options() {
        let drop = Options {
            drop_trailing_empty: true,
            ..Options::default()
        };
        let rows = parse_with(
            "t.tsv",
            "# FORMAT: a\tb\t[c]\nx\ty\t\t\n",
            "a\tb\t[c]",
            drop,
        );
        assert_eq!(rows.unwrap()[0].cols, vec!["x", "y"]);
        let err = parse("t.tsv", "# FORMAT: a\tb\t[c]\nx\ty\t\t\n", "a\tb\t[c]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: expected 2..=3 columns: a\tb\t[c]"
        );

        let plain = Options {
            plain_count: true,
            ..Options::default()
        };
        let err = parse_with("t.tsv", "# FORMAT: a\tb\tc\nx\ty\n", "a\tb\tc", plain).unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: expected 3 columns: a\tb\tc");
        let err = parse_with("t.tsv", "# FORMAT: a\t[b]\nx\ty\tz\n", "a\t[b]", plain).unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: expected 1..=2 columns: a\t[b]");
    }

    #[test]
    fn table_error_helpers() {
        assert_eq!(
            TableError::row("f.tsv", 7, "bad").to_string(),
            "f.tsv:7: bad"
        );
        assert_eq!(
            TableError::format("f.tsv", "a\tb"),
            TableError::Format {
                file: "f.tsv".into(),
                expected: "a\tb".into()
            }
        );
    }
}
