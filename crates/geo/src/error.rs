//! Errors of loading the gazetteer. Every error names the resource file and,
//! for a bad row, its line.

/// A gazetteer resource could not be used: the header is missing or wrong,
/// or a row is malformed or refers to a place that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct GeoError(#[from] pub chronik_table::TableError);
