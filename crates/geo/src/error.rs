//! Errors of loading the gazetteer. Every error names the resource file and,
//! for a bad row, its line.

/// A gazetteer resource could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// The `# FORMAT:` header is missing or differs from the expected one.
    #[error("{file}: expected header '# FORMAT: {expected}'")]
    Format {
        /// Resource file.
        file: String,
        /// The FORMAT the loader expects.
        expected: String,
    },
    /// A row is malformed or refers to a place that does not exist.
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
