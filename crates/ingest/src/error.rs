//! The typed problems a reader can meet. Each becomes one
//! [`Warning`](crate::Warning) with the reason from [`Problem::reason`] and
//! the message from its `Display`; none of them stops a run.

use std::io;

use crate::item::SkipReason;

/// Something wrong with one line or one file of input.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Problem {
    /// The line is not JSON; the detail is serde_json's message.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// The line is JSON but not an object.
    #[error("expected a JSON object, found {0}")]
    NotAnObject(&'static str),
    /// Bytes that are not UTF-8, at this byte offset of the line or file.
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    /// Nothing but whitespace.
    #[error("empty file")]
    EmptyFile,
    /// A NUL byte near the start.
    #[error("binary file (NUL byte at offset {0})")]
    BinaryFile(usize),
    /// A line over the limit; the rest of it was discarded unread.
    #[error("line of {len} bytes is longer than the limit of {limit} bytes")]
    LineTooLong {
        /// Length of the line without its terminator.
        len: u64,
        /// The configured limit.
        limit: usize,
    },
    /// A whole-file text over the limit.
    #[error("text is longer than the limit of {0} bytes")]
    TextTooLong(usize),
    /// No `text` field, or a null one.
    #[error("no \"text\" field")]
    MissingText,
    /// A `text` field of another JSON type.
    #[error("\"text\" is {0}, not a string")]
    TextNotString(&'static str),
    /// A `text` that is empty or only whitespace.
    #[error("text is empty")]
    EmptyText,
    /// A date that `PartialDate::parse` rejects.
    #[error(
        "bad date {0}: expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 timestamp; date set to null"
    )]
    BadDate(String),
    /// A directory entry that is not a supported format.
    #[error("unsupported file type (expected .jsonl, .json, .txt or their .gz variants)")]
    UnsupportedFile,
    /// A directory entry that is not a regular file (fifo, socket, device).
    #[error("not a regular file")]
    NotRegularFile,
    /// The operating system refused.
    #[error("cannot read: {0}")]
    Io(io::Error),
    /// The gzip stream is corrupt or truncated.
    #[error("bad gzip data: {0}")]
    BadGzip(io::Error),
}

impl Problem {
    /// The reason this problem is counted under.
    pub(crate) fn reason(&self) -> SkipReason {
        match self {
            Problem::InvalidJson(_) => SkipReason::InvalidJson,
            Problem::NotAnObject(_) => SkipReason::NotAnObject,
            Problem::InvalidUtf8(_) => SkipReason::InvalidUtf8,
            Problem::EmptyFile => SkipReason::EmptyFile,
            Problem::BinaryFile(_) => SkipReason::BinaryFile,
            Problem::LineTooLong { .. } | Problem::TextTooLong(_) => SkipReason::LineTooLong,
            Problem::MissingText | Problem::TextNotString(_) => SkipReason::MissingText,
            Problem::EmptyText => SkipReason::EmptyText,
            Problem::BadDate(_) => SkipReason::BadDate,
            Problem::UnsupportedFile | Problem::NotRegularFile => SkipReason::UnsupportedFile,
            Problem::Io(_) => SkipReason::Io,
            Problem::BadGzip(_) => SkipReason::BadGzip,
        }
    }

    /// A read error, classified: errors raised by the gzip decoder are
    /// [`Problem::BadGzip`], everything else is [`Problem::Io`].
    pub(crate) fn read_error(err: io::Error, gzip: bool) -> Problem {
        let from_decoder = matches!(
            err.kind(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
        );
        if gzip && from_decoder {
            Problem::BadGzip(err)
        } else {
            Problem::Io(err)
        }
    }
}

/// The JSON type of a value, for messages ("an array", "a number").
pub(crate) fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_problem_reason_and_message_table() {
        let eof = || io::Error::new(io::ErrorKind::UnexpectedEof, "unexpected end of file");
        let cases = [
            (
                Problem::InvalidJson("x".into()),
                SkipReason::InvalidJson,
                "invalid JSON: x",
            ),
            (
                Problem::NotAnObject("an array"),
                SkipReason::NotAnObject,
                "expected a JSON object, found an array",
            ),
            (
                Problem::InvalidUtf8(4),
                SkipReason::InvalidUtf8,
                "invalid UTF-8 at byte 4",
            ),
            (Problem::EmptyFile, SkipReason::EmptyFile, "empty file"),
            (
                Problem::BinaryFile(0),
                SkipReason::BinaryFile,
                "binary file (NUL byte at offset 0)",
            ),
            (
                Problem::LineTooLong { len: 20, limit: 8 },
                SkipReason::LineTooLong,
                "line of 20 bytes is longer than the limit of 8 bytes",
            ),
            (
                Problem::TextTooLong(8),
                SkipReason::LineTooLong,
                "text is longer than the limit of 8 bytes",
            ),
            (
                Problem::MissingText,
                SkipReason::MissingText,
                "no \"text\" field",
            ),
            (
                Problem::TextNotString("a number"),
                SkipReason::MissingText,
                "\"text\" is a number, not a string",
            ),
            (Problem::EmptyText, SkipReason::EmptyText, "text is empty"),
            (
                Problem::NotRegularFile,
                SkipReason::UnsupportedFile,
                "not a regular file",
            ),
            (
                Problem::read_error(eof(), true),
                SkipReason::BadGzip,
                "bad gzip data: unexpected end of file",
            ),
            (
                Problem::read_error(eof(), false),
                SkipReason::Io,
                "cannot read: unexpected end of file",
            ),
        ];
        for (problem, reason, message) in cases {
            assert_eq!(problem.reason(), reason, "{problem:?}");
            assert_eq!(problem.to_string(), message);
        }
        assert!(
            Problem::BadDate("\"gestern\"".into())
                .to_string()
                .starts_with("bad date \"gestern\": ")
        );
    }
}
