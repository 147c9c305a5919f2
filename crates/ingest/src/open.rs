//! Opening one input stream: gzip is recognised by its magic bytes, the
//! first 8 KiB are checked for emptiness and NUL bytes, and the format comes
//! from the name (`.jsonl`/`.json` or `.txt`, each optionally `.gz`) or, for
//! stdin and unknown names, from the content (`{` first → JSON Lines, else
//! text, which may be in seed form).
//!
//! Only the first 8 KiB are read up front; JSON Lines then stream line by
//! line, and a text file is read whole (it is one document) up to the limit.

use std::collections::VecDeque;
use std::io::{self, BufReader, Read};

use flate2::read::MultiGzDecoder;

use crate::ReadOptions;
use crate::error::Problem;
use crate::id::strip_suffix_ignore_case;
use crate::item::{Item, Warning};
use crate::jsonl::JsonlReader;
use crate::seed::{BOM, text_document};

/// How many bytes are inspected for NULs and for the format.
const SNIFF_BYTES: usize = 8 * 1024;
/// Buffer size for line reading.
const READ_BUFFER_BYTES: usize = 64 * 1024;
/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The input streams the readers work on.
pub(crate) type Stream = Box<dyn Read + Send>;
/// A JSON Lines reader over a boxed stream.
pub(crate) type StreamReader = JsonlReader<BufReader<Sniffed<Stream>>>;

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One document per file, seed form or plain.
    Text,
    /// Decide from the first non-whitespace byte.
    Detect,
}

/// The format a name implies; `-` and unknown extensions are [`Format::Detect`].
pub(crate) fn format_from_name(name: &str) -> Format {
    let base = strip_suffix_ignore_case(name, ".gz").unwrap_or(name);
    let has = |ext: &str| strip_suffix_ignore_case(base, ext).is_some();
    if has(".jsonl") || has(".json") {
        Format::Jsonl
    } else if has(".txt") {
        Format::Text
    } else {
        Format::Detect
    }
}

/// True for the names read inside directories: `.jsonl`, `.json`, `.txt`
/// and their `.gz` variants.
pub(crate) fn is_supported_name(name: &str) -> bool {
    format_from_name(name) != Format::Detect
}

/// A reader that has read its first bytes ahead. A read error met while
/// reading ahead is kept and returned after those bytes, so whatever came
/// before the error is still used.
pub(crate) struct Sniffed<R> {
    head: Vec<u8>,
    pos: usize,
    err: Option<io::Error>,
    rest: R,
}

impl<R: Read> Sniffed<R> {
    /// Reads up to `n` bytes of `rest` ahead.
    fn new(mut rest: R, n: usize) -> Sniffed<R> {
        let mut head = vec![0; n];
        let mut filled = 0;
        let mut err = None;
        while filled < n {
            match rest.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(k) => filled += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        head.truncate(filled);
        Sniffed {
            head,
            pos: 0,
            err,
            rest,
        }
    }
}

impl<R: Read> Read for Sniffed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = buf.len().min(self.head.len() - self.pos);
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        if let Some(e) = self.err.take() {
            return Err(e);
        }
        self.rest.read(buf)
    }
}

/// Opens `raw` as the input `name`. Whole-file results (a text document,
/// or a warning) are pushed to `out`; a JSON Lines stream is returned to be
/// read lazily.
pub(crate) fn open_stream(
    name: &str,
    raw: Stream,
    format: Format,
    opts: ReadOptions,
    out: &mut VecDeque<Item>,
) -> Option<StreamReader> {
    let warn = |problem| Item::Warning(Warning::new(name, None, problem));
    let raw = Sniffed::new(raw, GZIP_MAGIC.len());
    let gzip = raw.head == GZIP_MAGIC;
    let decoded: Stream = if gzip {
        Box::new(MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let mut input = Sniffed::new(decoded, SNIFF_BYTES);
    if input.head.is_empty() {
        let problem = match input.err.take() {
            Some(e) => Problem::read_error(e, gzip),
            None => Problem::EmptyFile,
        };
        out.push_back(warn(problem));
        return None;
    }
    if let Some(at) = input.head.iter().position(|&b| b == 0) {
        out.push_back(warn(Problem::BinaryFile(at)));
        return None;
    }
    let format = match format {
        Format::Detect => detect(&input.head),
        known => known,
    };
    match format {
        Format::Jsonl => {
            let buffered = BufReader::with_capacity(READ_BUFFER_BYTES, input);
            Some(JsonlReader::new(
                name.to_string(),
                buffered,
                opts.max_line_bytes,
                gzip,
            ))
        }
        Format::Text | Format::Detect => {
            let limit = opts.max_line_bytes;
            let mut bytes = Vec::new();
            let read = input
                .take((limit as u64).saturating_add(1))
                .read_to_end(&mut bytes);
            match read {
                Err(e) => out.push_back(warn(Problem::read_error(e, gzip))),
                Ok(n) if n > limit => out.push_back(warn(Problem::TextTooLong(limit))),
                Ok(_) => text_document(name, bytes, out),
            }
            None
        }
    }
}

/// JSON Lines when the first non-whitespace byte (after a BOM) is `{`.
fn detect(head: &[u8]) -> Format {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    }
}

/// Reads every item of a stream into a vector (for [`crate::read_str`]).
pub(crate) fn read_all(name: &str, raw: Stream, format: Format, opts: ReadOptions) -> Vec<Item> {
    let mut out = VecDeque::new();
    if let Some(mut jsonl) = open_stream(name, raw, format, opts, &mut out) {
        while jsonl.advance(&mut out) {}
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::SkipReason;
    use crate::testutil::gzip;
    use std::io::{Cursor, Write};

    /// (reason or "doc:<id>:<text>", line) for every item.
    fn summary(name: &str, bytes: Vec<u8>, max: usize) -> Vec<(String, Option<usize>)> {
        let opts = ReadOptions {
            max_line_bytes: max,
        };
        read_all(
            name,
            Box::new(Cursor::new(bytes)),
            format_from_name(name),
            opts,
        )
        .into_iter()
        .map(|item| match item {
            Item::Doc(src, doc) => (format!("doc:{}:{}", doc.id, doc.text), src.line),
            Item::Warning(w) => (w.reason.as_str().to_string(), w.line),
        })
        .collect()
    }

    #[test]
    fn open_format_from_name_table() {
        let cases = [
            ("a.jsonl", Format::Jsonl),
            ("a.json", Format::Jsonl),
            ("a.JSONL.GZ", Format::Jsonl),
            ("a.json.gz", Format::Jsonl),
            ("dir/a.txt", Format::Text),
            ("a.txt.gz", Format::Text),
            ("a.gz", Format::Detect),
            ("a.md", Format::Detect),
            ("-", Format::Detect),
            (".txt", Format::Detect),
            ("jsonl", Format::Detect),
        ];
        for (name, want) in cases {
            assert_eq!(format_from_name(name), want, "{name}");
        }
    }

    #[test]
    fn open_stream_table() {
        let s = |a: &str, l: Option<usize>| (a.to_string(), l);
        let jsonl =
            b"{\"id\":\"a\",\"text\":\"Eins.\"}\n{\"id\":\"b\",\"text\":\"Zwei.\"}\n".to_vec();
        let mut binary = b"{\"id\":\"a\",\"text\":\"Eins.\"}\n".to_vec();
        binary.push(0);
        let mut late_nul = vec![b'x'; SNIFF_BYTES];
        late_nul.push(0);
        type Case = (&'static str, Vec<u8>, usize, Vec<(String, Option<usize>)>);
        let cases: Vec<Case> = vec![
            (
                "c.jsonl",
                jsonl.clone(),
                100,
                vec![s("doc:a:Eins.", Some(1)), s("doc:b:Zwei.", Some(2))],
            ),
            (
                "c.jsonl.gz",
                gzip(&jsonl),
                100,
                vec![s("doc:a:Eins.", Some(1)), s("doc:b:Zwei.", Some(2))],
            ),
            // Gzip found by its magic bytes, whatever the name says.
            (
                "c.jsonl",
                gzip(&jsonl),
                100,
                vec![s("doc:a:Eins.", Some(1)), s("doc:b:Zwei.", Some(2))],
            ),
            // Two gzip members in one file.
            (
                "c.jsonl.gz",
                [gzip(&jsonl[..27]), gzip(&jsonl[27..])].concat(),
                100,
                vec![s("doc:a:Eins.", Some(1)), s("doc:b:Zwei.", Some(2))],
            ),
            // A .gz name with plain content is read as plain.
            (
                "c.jsonl.gz",
                jsonl.clone(),
                100,
                vec![s("doc:a:Eins.", Some(1)), s("doc:b:Zwei.", Some(2))],
            ),
            (
                "s.txt.gz",
                gzip(b" date 2022-01 Kalt."),
                100,
                vec![s("doc:s:Kalt.", None)],
            ),
            (
                "s.txt",
                gzip(b" date 2022-01 Kalt."),
                100,
                vec![s("doc:s:Kalt.", None)],
            ),
            (
                "-",
                b"  {\"id\":\"a\",\"text\":\"Eins.\"}".to_vec(),
                100,
                vec![s("doc:a:Eins.", Some(1))],
            ),
            (
                "-",
                b"\ndate 2022 Kalt.".to_vec(),
                100,
                vec![s("doc:stdin:Kalt.", None)],
            ),
            (
                "-",
                b"Kalt.".to_vec(),
                100,
                vec![s("doc:stdin:Kalt.", None)],
            ),
            ("-", gzip(b"Kalt."), 100, vec![s("doc:stdin:Kalt.", None)]),
            ("-", Vec::new(), 100, vec![s("empty_file", None)]),
            (
                "notes.md",
                b"{\"text\":\"Eins.\"}".to_vec(),
                100,
                vec![(
                    format!("doc:{}:Eins.", crate::id::derived_id("Eins.")),
                    Some(1),
                )],
            ),
            // A .txt starting with `{` is still text.
            (
                "t.txt",
                b"{\"text\":\"Eins.\"}".to_vec(),
                100,
                vec![s("doc:t:{\"text\":\"Eins.\"}", None)],
            ),
            ("c.jsonl", Vec::new(), 100, vec![s("empty_file", None)]),
            ("c.jsonl.gz", gzip(b""), 100, vec![s("empty_file", None)]),
            ("c.jsonl", binary, 100, vec![s("binary_file", None)]),
            (
                "t.txt",
                late_nul,
                SNIFF_BYTES * 2,
                vec![(format!("doc:t:{}\0", "x".repeat(SNIFF_BYTES)), None)],
            ),
            (
                "t.txt",
                b"Dieser Text ist zu lang.".to_vec(),
                10,
                vec![s("line_too_long", None)],
            ),
            ("t.txt", b"Kurz.".to_vec(), 5, vec![s("doc:t:Kurz.", None)]),
            (
                "t.txt",
                b"Kurz \xC3(".to_vec(),
                100,
                vec![s("invalid_utf8", None)],
            ),
            ("t.txt.gz", vec![0x1f, 0x8b], 100, vec![s("bad_gzip", None)]),
            (
                "t.txt.gz",
                vec![0x1f, 0x8b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                100,
                vec![s("bad_gzip", None)],
            ),
        ];
        for (name, bytes, max, want) in cases {
            assert_eq!(summary(name, bytes, max), want, "{name}");
        }
    }

    #[test]
    fn open_truncated_gzip_keeps_lines_before_the_cut() {
        let mut jsonl = Vec::new();
        for i in 0..2000 {
            writeln!(
                jsonl,
                "{{\"id\":\"n{i}\",\"text\":\"Satz Nummer {i} über den Regen.\"}}"
            )
            .unwrap();
        }
        let full = gzip(&jsonl);
        for cut in [full.len() - 4, full.len() / 2, 12, 3] {
            let got = summary("c.jsonl.gz", full[..cut].to_vec(), 1000);
            let (last, rest) = got.split_last().unwrap();
            assert_eq!(last.0, "bad_gzip", "cut {cut}");
            for (i, (what, line)) in rest.iter().enumerate() {
                assert_eq!(what, &format!("doc:n{i}:Satz Nummer {i} über den Regen."));
                assert_eq!(*line, Some(i + 1));
            }
            match last.1 {
                Some(line) => assert_eq!(line, rest.len() + 1, "cut {cut}"),
                None => assert!(rest.is_empty(), "cut {cut}"),
            }
            if cut == full.len() / 2 {
                assert!(rest.len() > 100, "lines before the cut are kept");
            }
        }
        let text = gzip("Ein langer Text über das Wetter. ".repeat(500).as_bytes());
        let got = summary("t.txt.gz", text[..text.len() / 2].to_vec(), 1 << 20);
        assert_eq!(got, vec![("bad_gzip".to_string(), None)]);
    }

    #[test]
    fn open_sniffed_replays_head_then_error() {
        struct Once(bool);
        impl Read for Once {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    Err(io::Error::other("gone"))
                } else {
                    let n = buf.len().min(3);
                    buf[..n].copy_from_slice(&b"abc"[..n]);
                    Ok(n)
                }
            }
        }
        let mut s = Sniffed::new(Once(false), 10);
        assert_eq!(s.head, b"abc");
        let mut buf = [0u8; 10];
        assert_eq!(s.read(&mut buf).unwrap(), 3);
        assert_eq!(&buf[..3], b"abc");
        assert!(s.read(&mut buf).is_err());
        let items = read_all(
            "t.txt",
            Box::new(Once(false)),
            Format::Text,
            ReadOptions::default(),
        );
        match &items[..] {
            [Item::Warning(w)] => assert_eq!((w.reason, w.line), (SkipReason::Io, None)),
            other => panic!("unexpected {other:?}"),
        }
    }
}
