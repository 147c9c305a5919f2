//! Reading lines with a bounded buffer.
//!
//! `BufRead::read_line` would buffer a line of any length; a corrupt corpus
//! with no newline for gigabytes would then exhaust memory. [`LineReader`]
//! keeps at most `max + 1` bytes of a line and only counts the rest while
//! discarding it, so memory stays bounded by the limit.

use std::io::{self, BufRead};

/// The outcome of reading one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// No more input.
    Eof,
    /// A line is in the buffer, without `\n` or `\r\n`.
    Complete,
    /// The line was over the limit and was discarded; `len` is its length
    /// in bytes without the terminator.
    TooLong {
        /// Length of the discarded line.
        len: u64,
    },
}

/// Splits a byte stream into `\n`-terminated lines of at most `max` bytes.
pub(crate) struct LineReader<R> {
    inner: R,
    max: usize,
}

impl<R: BufRead> LineReader<R> {
    /// A reader that accepts lines of up to `max` bytes.
    pub(crate) fn new(inner: R, max: usize) -> LineReader<R> {
        LineReader { inner, max }
    }

    /// The configured limit in bytes.
    pub(crate) fn max(&self) -> usize {
        self.max
    }

    /// Reads the next line into `buf` (cleared first).
    ///
    /// A final line without a newline is still a line. A trailing `\r` is
    /// removed. On an error the partial line is lost; the caller should stop.
    pub(crate) fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Line> {
        buf.clear();
        // Keep one byte more than the limit so a `\r` before the `\n` can be
        // removed before the length is judged.
        let keep = self.max.saturating_add(1);
        let mut len: u64 = 0;
        let mut any = false;
        let mut ends_with_cr = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(if any {
                    self.finish(buf, len, ends_with_cr)
                } else {
                    Line::Eof
                });
            }
            any = true;
            let newline = available.iter().position(|&b| b == b'\n');
            let chunk = &available[..newline.unwrap_or(available.len())];
            let room = keep.saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            len = len.saturating_add(chunk.len() as u64);
            if let Some(&last) = chunk.last() {
                ends_with_cr = last == b'\r';
            }
            let used = chunk.len() + usize::from(newline.is_some());
            self.inner.consume(used);
            if newline.is_some() {
                return Ok(self.finish(buf, len, ends_with_cr));
            }
        }
    }

    /// Removes a trailing `\r` and judges the length.
    fn finish(&self, buf: &mut Vec<u8>, mut len: u64, ends_with_cr: bool) -> Line {
        if ends_with_cr {
            len -= 1;
        }
        if len > self.max as u64 {
            buf.clear();
            Line::TooLong { len }
        } else {
            // Within the limit the whole line (plus the `\r`) was kept.
            buf.truncate(len as usize);
            Line::Complete
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor, Read};

    /// All lines of `input` read with `max`, as strings or `TooLong(len)`.
    fn lines(input: &[u8], max: usize, capacity: usize) -> Vec<Result<String, u64>> {
        let mut reader =
            LineReader::new(BufReader::with_capacity(capacity, Cursor::new(input)), max);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match reader.next_line(&mut buf).unwrap() {
                Line::Eof => return out,
                Line::Complete => out.push(Ok(String::from_utf8(buf.clone()).unwrap())),
                Line::TooLong { len } => out.push(Err(len)),
            }
        }
    }

    #[test]
    fn line_split_table() {
        type Case = (&'static [u8], usize, Vec<Result<&'static str, u64>>);
        let cases: Vec<Case> = vec![
            (b"", 10, vec![]),
            (b"\n", 10, vec![Ok("")]),
            (b"ab\ncd", 10, vec![Ok("ab"), Ok("cd")]),
            (b"ab\r\ncd\r\n", 10, vec![Ok("ab"), Ok("cd")]),
            (
                b"ab\n\n\ncd\n",
                10,
                vec![Ok("ab"), Ok(""), Ok(""), Ok("cd")],
            ),
            // Exactly at the limit, with and without CR.
            (b"abcd\nabcd\r\n", 4, vec![Ok("abcd"), Ok("abcd")]),
            // One over the limit; the following line is intact.
            (b"abcde\nxy\n", 4, vec![Err(5), Ok("xy")]),
            (b"abcde\r\nxy", 4, vec![Err(5), Ok("xy")]),
            (
                b"0123456789012345678901234567890123456789\nok",
                4,
                vec![Err(40), Ok("ok")],
            ),
            // A lone CR in the middle is content.
            (b"a\rb\n", 10, vec![Ok("a\rb")]),
            // Zero limit: only empty lines pass.
            (b"\nx\n", 0, vec![Ok(""), Err(1)]),
        ];
        for (input, max, want) in cases {
            let want: Vec<Result<String, u64>> =
                want.into_iter().map(|r| r.map(str::to_string)).collect();
            for capacity in [1, 2, 3, 64] {
                assert_eq!(
                    lines(input, max, capacity),
                    want,
                    "input {input:?} capacity {capacity}"
                );
            }
        }
    }

    /// A reader that yields its bytes and then fails.
    struct Failing(Cursor<Vec<u8>>);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn line_error_after_complete_lines() {
        let inner = BufReader::with_capacity(4, Failing(Cursor::new(b"ab\ncd".to_vec())));
        let mut reader = LineReader::new(inner, 10);
        let mut buf = Vec::new();
        assert_eq!(reader.next_line(&mut buf).unwrap(), Line::Complete);
        assert_eq!(buf, b"ab");
        assert!(reader.next_line(&mut buf).is_err());
    }
}
