//! The store's errors.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer chronik.
    #[error("database schema version {found} is newer than this chronik supports ({supported})")]
    TooNew {
        /// Version found in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },
    /// The database file does not exist (queries never create one).
    #[error("no database at {0} (run `chronik ingest` first)")]
    Missing(String),
    /// A stored value is not what this build expects.
    #[error("corrupt value in the database: {0}")]
    Corrupt(String),
    /// Writing an export failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing JSON failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}
