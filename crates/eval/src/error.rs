//! Errors of the scorer. Scoring itself cannot fail; only reading and
//! parsing the gold, prediction and corpus files can.

use std::path::PathBuf;

/// Why a gold, prediction or corpus file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A line is not a JSON object of the expected shape.
    #[error("{origin}:{line}: not a document line: {source}")]
    Json {
        /// The file (or "gold", "predictions", "corpus" for in-memory input).
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What the JSON parser said.
        #[source]
        source: serde_json::Error,
    },
    /// Two lines of one gold or prediction file carry the same document id.
    #[error("{origin}:{line}: duplicate document id {id:?}")]
    DuplicateId {
        /// The file (or "gold", "predictions", "corpus" for in-memory input).
        origin: String,
        /// 1-based line number of the second occurrence.
        line: usize,
        /// The repeated id.
        id: String,
    },
}
