//! Reading the TSV data files of `resources/entities/`.
//!
//! Every file has the same shape as the language resources: `#` comment
//! lines (what it is, source, licence), one `# FORMAT: col<TAB>col…` line the
//! loader checks, then tab-separated rows; a row may end in a `\t# …`
//! comment. Optional columns are written `[name]` in the FORMAT line. The
//! parsing is [`chronik_table::parse`].

pub(crate) use chronik_table::parse as parse_table;

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
    fn table_column_of_reads_format_line() {
        let c = "# x\n# FORMAT: name\tcountry\taliases\nA\tB\tC\n";
        assert_eq!(column_of(c, "aliases"), Some(2));
        assert_eq!(column_of(c, "missing"), None);
    }
}
