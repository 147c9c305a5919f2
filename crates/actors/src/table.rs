//! Reading the TSV data files of `resources/entities/`.
//!
//! Every file has the same shape as the language resources: `#` comment
//! lines (what it is, source, licence), one `# FORMAT: col<TAB>col…` line the
//! loader checks, then tab-separated rows; a row may end in a `\t# …`
//! comment. Optional columns are written `[name]` in the FORMAT line.

use crate::Error;

/// One data row with its provenance.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// 1-based line in the file.
    pub line: usize,
    /// The tab-separated columns, trimmed.
    pub cols: Vec<String>,
}

/// Parses a table, checking its FORMAT header and the column count.
pub(crate) fn parse_table(file: &str, content: &str, format: &str) -> Result<Vec<Row>, Error> {
    let want_cols = format.split('\t').filter(|c| !c.starts_with('[')).count();
    let max_cols = format.split('\t').count();
    let format_error = || Error::Format {
        file: file.to_string(),
        expected: format.to_string(),
    };
    let mut saw_format = false;
    let mut rows = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if let Some(f) = trimmed.strip_prefix("# FORMAT:") {
            if f.trim() != format {
                return Err(format_error());
            }
            saw_format = true;
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !saw_format {
            return Err(format_error());
        }
        let data = raw.find("\t#").map_or(raw, |p| &raw[..p]);
        let cols: Vec<String> = data.split('\t').map(|c| c.trim().to_string()).collect();
        if cols.len() < want_cols || cols.len() > max_cols || cols[0].is_empty() {
            return Err(Error::Row {
                file: file.to_string(),
                line,
                message: format!("expected {want_cols}..={max_cols} columns: {format}"),
            });
        }
        rows.push(Row { line, cols });
    }
    if !saw_format {
        return Err(format_error());
    }
    Ok(rows)
}

/// The column index of `name` in a FORMAT line found in `content`, for
/// tables this crate reads but does not own (the place table).
pub(crate) fn column_of(content: &str, name: &str) -> Option<usize> {
    content
        .lines()
        .find_map(|l| l.trim().strip_prefix("# FORMAT:"))
        .and_then(|f| {
            f.trim()
                .split('\t')
                .position(|c| c.trim_matches(['[', ']']) == name)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_checks_format_and_columns() {
        let ok = "# src\n# FORMAT: a\tb\t[c]\nfoo\tbar\nbaz\tqux\tx\t# e.g. y\n";
        let rows = parse_table("t.tsv", ok, "a\tb\t[c]").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].cols, vec!["baz", "qux", "x"]);
        assert_eq!(rows[1].line, 4);
        assert!(matches!(
            parse_table("t.tsv", "foo\tbar\n", "a\tb"),
            Err(Error::Format { .. })
        ));
        let err = parse_table("t.tsv", "# FORMAT: a\tb\nonly\n", "a\tb").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: expected 2..=2 columns: a\tb");
    }

    #[test]
    fn table_column_of_reads_format_line() {
        let c = "# x\n# FORMAT: name\tcountry\taliases\nA\tB\tC\n";
        assert_eq!(column_of(c, "aliases"), Some(2));
        assert_eq!(column_of(c, "missing"), None);
    }
}
