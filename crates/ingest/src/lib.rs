//! chronik-ingest: reads news reports into [`chronik_model::Document`]s.
//!
//! ```text
//! paths / stdin ──read_paths──▶ Item::Doc(Source, Document) | Item::Warning(Warning)
//! ```
//!
//! # Formats
//!
//! - **Seed text** (`.txt`): optional whitespace, the word `date`,
//!   whitespace, a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), whitespace, then
//!   the text — e.g. ` date 2022-01 Heute schneit es …`. The text is
//!   everything after the whitespace that follows the date, verbatim (its
//!   end is not trimmed); the id is the file name without extension.
//! - **Plain text** (`.txt` not in seed form): the whole file is the text,
//!   with no date; the id is the file name without extension.
//! - **JSON Lines** (`.jsonl`, or `.json` holding JSON lines): one object
//!   per line with `id`, `url`, `date`, `lang`, `text` (EVENTS.md §1); other
//!   fields are ignored. A missing, null or empty `id` becomes `doc-` + 16
//!   hex digits of [`fnv1a64`] of the text. `date` may be null, `YYYY`,
//!   `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 timestamp; any other date gives
//!   a `bad_date` warning and the document is kept with a null date. `lang`
//!   is lowercased. Blank lines are ignored.
//! - **gzip**: any of the above compressed (`.gz`, one or more members),
//!   recognised by the magic bytes `1f 8b` whatever the name.
//! - **Directories** are walked recursively in sorted path order; files
//!   named `.jsonl`, `.json`, `.txt` (optionally `.gz`) are read, other files
//!   give an `unsupported_file` warning, hidden names (`.x`) are ignored.
//! - **`-`** is standard input, with the format taken from the content: `{`
//!   first → JSON Lines, `date` + a date → seed form, else plain text; the
//!   id of a text document from stdin is `stdin`. A path given explicitly
//!   with an unknown extension is detected the same way.
//!
//! A leading UTF-8 byte order mark is dropped; nothing else in a text is
//! changed, because character offsets are computed on it later.
//!
//! # Bad input
//!
//! Reading never stops and never panics on input. Each defect — invalid
//! JSON or UTF-8, an empty or binary file (a NUL in the first 8 KiB), a
//! line over [`ReadOptions::max_line_bytes`], a missing or empty `text`, a
//! non-object line, an unreadable path, corrupt gzip — yields one
//! [`Warning`] naming the file and 1-based line, and reading goes on with
//! the next line or file. A [`Summary`] counts documents and warnings.
//!
//! # Memory
//!
//! [`read_paths`] is lazy: files are opened as they are reached and JSON
//! Lines are read one line at a time with a bounded buffer, so a corpus of
//! any size streams through. A text file is one document and is read whole,
//! up to the same limit.
#![deny(missing_docs)]

mod error;
mod id;
mod item;
mod jsonl;
mod line;
mod open;
mod reader;
mod seed;

use std::io::Cursor;
use std::path::PathBuf;

pub use id::fnv1a64;
pub use item::{Item, SkipReason, Source, Summary, Warning};

/// The default for [`ReadOptions::max_line_bytes`]: 16 MiB.
pub const DEFAULT_MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// How to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The longest JSON line accepted, in bytes without the line terminator;
    /// longer lines are skipped (`line_too_long`) without being buffered.
    /// Also the largest whole-file text document.
    pub max_line_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        }
    }
}

/// Reads `paths` in order (files, directories, `-` for stdin), yielding
/// documents and warnings lazily.
///
/// The iterator opens one file at a time and never panics on bad input.
pub fn read_paths(paths: &[PathBuf], opts: ReadOptions) -> impl Iterator<Item = Item> + Send {
    reader::Items::new(paths, opts)
}

/// Reads `content` as if it were a file called `name` (`-` for stdin), with
/// the default options. The format comes from the name's extension, or from
/// the content when the extension is unknown. Meant for tests and small
/// inputs.
pub fn read_str(name: &str, content: &str) -> Vec<Item> {
    let stream = Box::new(Cursor::new(content.as_bytes().to_vec()));
    let format = if name == "-" {
        open::Format::Detect
    } else {
        open::format_from_name(name)
    };
    open::read_all(name, stream, format, ReadOptions::default())
}

#[cfg(test)]
pub(crate) mod testutil {
    //! A temporary directory and a gzip helper for tests.

    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    use flate2::Compression;
    use flate2::write::GzEncoder;

    /// A fresh directory under the system temp dir, removed on drop.
    pub(crate) struct TempDir(PathBuf);

    impl TempDir {
        pub(crate) fn new(tag: &str) -> TempDir {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!(
                "chronik-ingest-{tag}-{}-{n}-{nanos}",
                std::process::id()
            ));
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        pub(crate) fn path(&self) -> &Path {
            &self.0
        }

        /// Writes `bytes` to `rel`, creating parent directories.
        pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
            let path = self.0.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap();
            }
            std::fs::write(&path, bytes).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// `bytes` gzip-compressed.
    pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronik_model::PartialDate;
    use testutil::{TempDir, gzip};

    /// (what, line) for every item: `doc:<id>:<date>:<text>` or the reason.
    fn brief(items: impl IntoIterator<Item = Item>) -> Vec<(String, Option<usize>)> {
        items
            .into_iter()
            .map(|item| match item {
                Item::Doc(src, d) => {
                    let date = d.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
                    (format!("doc:{}:{}:{}", d.id, date, d.text), src.line)
                }
                Item::Warning(w) => (w.reason.as_str().to_string(), w.line),
            })
            .collect()
    }

    fn owned(want: &[(&str, Option<usize>)]) -> Vec<(String, Option<usize>)> {
        want.iter().map(|(w, l)| (w.to_string(), *l)).collect()
    }

    #[test]
    fn ingest_read_str_table() {
        // (name, content, expected items)
        type Case = (
            &'static str,
            &'static str,
            &'static [(&'static str, Option<usize>)],
        );
        let cases: &[Case] = &[
            (
                "s.txt",
                "date 2022 Der Winter war kalt.",
                &[("doc:s:2022:Der Winter war kalt.", None)],
            ),
            (
                "s.txt",
                " date 2022-01 Der Winter war kalt.",
                &[("doc:s:2022-01:Der Winter war kalt.", None)],
            ),
            (
                "s.txt",
                "\n\n date 2022-01-07 Der Winter war kalt.\n",
                &[("doc:s:2022-01-07:Der Winter war kalt.\n", None)],
            ),
            (
                "p.txt",
                "Зима была холодной.",
                &[("doc:p:-:Зима была холодной.", None)],
            ),
            (
                "-",
                "Зима была холодной.",
                &[("doc:stdin:-:Зима была холодной.", None)],
            ),
            (
                "-",
                "date 2021 Winter.",
                &[("doc:stdin:2021:Winter.", None)],
            ),
            (
                "-",
                "\n{\"id\":\"en-1\",\"date\":\"2022-01-05T06:00:00Z\",\"text\":\"Cold winter.\"}\n",
                &[("doc:en-1:2022-01-05:Cold winter.", Some(2))],
            ),
            (
                "c.jsonl",
                "{\"id\":\"a\",\"text\":\"Eins.\"}\n{broken\n{\"id\":\"c\",\"date\":\"Mai\",\"text\":\"Drei.\"}\n[]\n",
                &[
                    ("doc:a:-:Eins.", Some(1)),
                    ("invalid_json", Some(2)),
                    ("bad_date", Some(3)),
                    ("doc:c:-:Drei.", Some(3)),
                    ("not_an_object", Some(4)),
                ],
            ),
            (
                "c.json",
                "{\"id\":\"j\",\"date\":null,\"text\":\"Json.\"}",
                &[("doc:j:-:Json.", Some(1))],
            ),
            ("c.jsonl", "", &[("empty_file", None)]),
            ("c.txt", "   \n", &[("empty_file", None)]),
            ("c.txt", "a\0b", &[("binary_file", None)]),
        ];
        for (name, content, want) in cases {
            assert_eq!(
                brief(read_str(name, content)),
                owned(want),
                "{name}: {content:?}"
            );
        }
    }

    #[test]
    fn ingest_derived_id_is_stable_across_files() {
        let line = "{\"lang\":\"RU\",\"text\":\"Снег идёт.\"}\n";
        let ids: Vec<String> = [read_str("a.jsonl", line), read_str("b.jsonl", line)]
            .into_iter()
            .flatten()
            .map(|item| match item {
                Item::Doc(_, d) => {
                    assert_eq!(d.lang.as_deref(), Some("ru"));
                    d.id
                }
                Item::Warning(w) => panic!("{w}"),
            })
            .collect();
        assert_eq!(ids[0], ids[1]);
        assert_eq!(
            ids[0],
            format!("doc-{:016x}", fnv1a64("Снег идёт.".as_bytes()))
        );
    }

    #[test]
    fn ingest_read_paths_mixed_inputs() {
        let tmp = TempDir::new("mixed");
        let jsonl = "{\"id\":\"k1\",\"date\":\"2022-01\",\"lang\":\"de\",\"text\":\"Es ist ruhig.\"}\n\
                     {\"id\":\"k2\",\"text\":\"Es ist laut, und dieser Satz ist viel zu lang für die Grenze.\"}\n\
                     {\"id\":\"k3\",\"text\":\"Still.\"}\n";
        let files = [
            tmp.write("a.jsonl.gz", &gzip(jsonl.as_bytes())),
            tmp.write("b.txt", b"\xFF\xFE kaputt"),
            tmp.write("c.jsonl", b"{\"id\":\"u\",\"text\":\"Gut.\"}\n\xC3\x28\n{\"id\":\"v\",\"text\":\"Auch gut.\"}\n"),
            tmp.write("d.bin", b"\x00\x01\x02"),
            tmp.write("e.jsonl", b"{\"id\":\"w\"}\n{\"text\":12}\n{\"text\":\"\"}\n"),
            tmp.path().join("fehlt.txt"),
            tmp.write("g.gz", &gzip(b"date 2020-02-29 Schaltjahr.")),
            tmp.write("h.jsonl.gz", &gzip(jsonl.as_bytes())[..20]),
        ];
        let opts = ReadOptions { max_line_bytes: 70 };
        let mut summary = Summary::default();
        let items: Vec<Item> = read_paths(&files, opts)
            .inspect(|i| summary.record(i))
            .collect();
        let got = brief(items.clone());
        let want = owned(&[
            ("doc:k1:2022-01:Es ist ruhig.", Some(1)),
            ("line_too_long", Some(2)),
            ("doc:k3:-:Still.", Some(3)),
            ("invalid_utf8", None),
            ("doc:u:-:Gut.", Some(1)),
            ("invalid_utf8", Some(2)),
            ("doc:v:-:Auch gut.", Some(3)),
            ("binary_file", None),
            ("missing_text", Some(1)),
            ("missing_text", Some(2)),
            ("empty_text", Some(3)),
            ("io", None),
            ("doc:g:2020-02-29:Schaltjahr.", None),
            // Cut inside the first block: nothing decodes, the whole file is bad.
            ("bad_gzip", None),
        ]);
        assert_eq!(got, want);
        let k1 = items.iter().find_map(|i| match i {
            Item::Doc(_, d) if d.id == "k1" => Some(d),
            _ => None,
        });
        assert_eq!(k1.and_then(|d| d.date), Some(PartialDate::Month(2022, 1)));
        assert_eq!(k1.and_then(|d| d.lang.as_deref()), Some("de"));
        assert_eq!((summary.read, summary.skipped, summary.warnings), (5, 9, 9));
        assert_eq!(
            summary.to_string(),
            "read 5 documents, skipped 9 (bad_gzip 1, binary_file 1, empty_text 1, invalid_utf8 2, \
             io 1, line_too_long 1, missing_text 2)"
        );
        let first_warning = items.iter().find_map(|i| match i {
            Item::Warning(w) => Some(w.to_string()),
            Item::Doc(..) => None,
        });
        assert_eq!(
            first_warning.unwrap(),
            format!(
                "{}:2: line of 83 bytes is longer than the limit of 70 bytes (line skipped)",
                files[0].display()
            )
        );
    }

    #[test]
    fn ingest_read_paths_is_send() {
        fn is_send<T: Send>(_: &T) {}
        is_send(&read_paths(&[], ReadOptions::default()));
    }

    #[test]
    fn ingest_never_panics_on_garbage() {
        // Every prefix of a tricky input, as text, JSON Lines and stdin.
        let input = "\u{feff} date 2022-0\u{a0}{\"text\":\"\\ud800\"}\r\n\0ß{\"id\":[],\"text\":\"x\"}\n\u{2028}date";
        let bytes = input.as_bytes();
        for cut in 0..=bytes.len() {
            let Ok(prefix) = std::str::from_utf8(&bytes[..cut]) else {
                continue;
            };
            for name in ["a.txt", "a.jsonl", "-", "a"] {
                let _ = read_str(name, prefix);
            }
        }
        let gz = gzip(bytes);
        for cut in 0..=gz.len() {
            let stream = Box::new(Cursor::new(gz[..cut].to_vec()));
            let _ = open::read_all("x.gz", stream, open::Format::Detect, ReadOptions::default());
        }
    }
}
