//! The lazy iterator behind [`crate::read_paths`]: a queue of inputs
//! (paths, directory entries, stdin) worked off in order.
//!
//! Directories are expanded when they are reached: their entries, sorted by
//! path, go to the front of the queue, so the walk is depth-first in sorted
//! order and deterministic. Hidden entries (`.name`) are ignored. Only one
//! file is open at a time, and JSON Lines are read one line per step.

use std::collections::{HashSet, VecDeque};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::ReadOptions;
use crate::error::Problem;
use crate::item::{Item, Warning};
use crate::open::{Format, StreamReader, format_from_name, is_supported_name, open_stream};

/// Something still to read.
#[derive(Debug)]
enum Input {
    /// A path as given by the caller: any file type is read, `-` is stdin.
    Given(PathBuf),
    /// A path found in a directory: only supported regular files are read.
    Entry(PathBuf),
}

/// Yields the items of many inputs in order.
pub(crate) struct Items {
    queue: VecDeque<Input>,
    /// The JSON Lines file being read, if any.
    current: Option<StreamReader>,
    /// Items produced but not yet yielded.
    pending: VecDeque<Item>,
    opts: ReadOptions,
    /// Canonical directories already walked, so symlink cycles end.
    visited: HashSet<PathBuf>,
}

impl Items {
    /// An iterator over `paths`; nothing is opened yet.
    pub(crate) fn new(paths: &[PathBuf], opts: ReadOptions) -> Items {
        Items {
            queue: paths.iter().cloned().map(Input::Given).collect(),
            current: None,
            pending: VecDeque::new(),
            opts,
            visited: HashSet::new(),
        }
    }

    /// Starts one input: pushes whole-file items, sets `current` for a JSON
    /// Lines file, or queues a directory's entries.
    fn start(&mut self, input: Input) {
        let (path, given) = match input {
            Input::Given(path) => (path, true),
            Input::Entry(path) => (path, false),
        };
        let name = path.to_string_lossy().into_owned();
        if given && name == "-" {
            self.open("-", Box::new(io::stdin()));
            return;
        }
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.warn(&name, Problem::Io(e)),
        };
        if meta.is_dir() {
            return self.expand(&path, &name);
        }
        if !given {
            // A fifo or device inside a directory could block forever.
            if !meta.is_file() {
                return self.warn(&name, Problem::NotRegularFile);
            }
            if !is_supported_name(&name) {
                return self.warn(&name, Problem::UnsupportedFile);
            }
        }
        match File::open(&path) {
            Ok(file) => self.open(&name, Box::new(file)),
            Err(e) => self.warn(&name, Problem::Io(e)),
        }
    }

    fn open(&mut self, name: &str, stream: crate::open::Stream) {
        let format = if name == "-" {
            Format::Detect
        } else {
            format_from_name(name)
        };
        self.current = open_stream(name, stream, format, self.opts, &mut self.pending);
    }

    /// Queues the entries of a directory, sorted, ahead of everything else.
    fn expand(&mut self, dir: &Path, name: &str) {
        if let Ok(canonical) = fs::canonicalize(dir)
            && !self.visited.insert(canonical)
        {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.warn(name, Problem::Io(e)),
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) if entry.file_name().to_string_lossy().starts_with('.') => {}
                Ok(entry) => paths.push(entry.path()),
                Err(e) => self.warn(name, Problem::Io(e)),
            }
        }
        paths.sort();
        for path in paths.into_iter().rev() {
            self.queue.push_front(Input::Entry(path));
        }
    }

    fn warn(&mut self, name: &str, problem: Problem) {
        self.pending
            .push_back(Item::Warning(Warning::new(name, None, problem)));
    }
}

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(current) = &mut self.current {
                if !current.advance(&mut self.pending) {
                    self.current = None;
                }
                continue;
            }
            let input = self.queue.pop_front()?;
            self.start(input);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::SkipReason;
    use crate::testutil::TempDir;

    /// (reason or "doc:<id>", file, line).
    type Seen = (String, String, Option<usize>);

    /// What every item of a walk was.
    fn walk(paths: &[PathBuf], opts: ReadOptions) -> Vec<Seen> {
        Items::new(paths, opts)
            .map(|item| match item {
                Item::Doc(src, doc) => (format!("doc:{}", doc.id), src.file, src.line),
                Item::Warning(w) => (w.reason.as_str().to_string(), w.file, w.line),
            })
            .collect()
    }

    #[test]
    fn reader_directory_walk_is_sorted_and_recursive() {
        let tmp = TempDir::new("walk");
        tmp.write("b.txt", b"date 2022 Zweiter Bericht.");
        tmp.write("a/z.txt", b"Bericht aus dem Unterordner.");
        tmp.write(
            "a/m.jsonl",
            b"{\"id\":\"m1\",\"text\":\"Erster.\"}\n{\"id\":\"m2\",\"text\":\"Zweiter.\"}\n",
        );
        tmp.write("a.txt", b"Bericht vor dem Ordner a.");
        tmp.write("c/d/e.json", b"{\"id\":\"e1\",\"text\":\"Tief.\"}\n");
        tmp.write("c/notes.pdf", b"%PDF-1.4");
        tmp.write("c/.hidden.txt", b"Versteckt.");
        tmp.write(".git/config", b"[core]");
        tmp.write("c/x.txt.gz", &crate::testutil::gzip(b"Gepackt."));
        let root = tmp.path().to_string_lossy().into_owned();
        let f = |rel: &str| format!("{root}/{rel}");
        let got = walk(&[tmp.path().to_path_buf()], ReadOptions::default());
        let want = vec![
            ("doc:m1".to_string(), f("a/m.jsonl"), Some(1)),
            ("doc:m2".to_string(), f("a/m.jsonl"), Some(2)),
            ("doc:z".to_string(), f("a/z.txt"), None),
            ("doc:a".to_string(), f("a.txt"), None),
            ("doc:b".to_string(), f("b.txt"), None),
            ("doc:e1".to_string(), f("c/d/e.json"), Some(1)),
            ("unsupported_file".to_string(), f("c/notes.pdf"), None),
            ("doc:x".to_string(), f("c/x.txt.gz"), None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn reader_given_paths_table() {
        let tmp = TempDir::new("given");
        tmp.write("one.jsonl", b"{\"id\":\"o\",\"text\":\"Eins.\"}\n");
        tmp.write("readme.md", b"Ein Bericht in Markdown.");
        tmp.write(".versteckt.txt", b"Ausdruecklich genannt.");
        tmp.write("leer.txt", b"");
        let p = |rel: &str| tmp.path().join(rel);
        let name = |rel: &str| p(rel).to_string_lossy().into_owned();
        let cases: Vec<(Vec<PathBuf>, Vec<Seen>)> = vec![
            (
                vec![p("missing.jsonl"), p("one.jsonl")],
                vec![
                    ("io".into(), name("missing.jsonl"), None),
                    ("doc:o".into(), name("one.jsonl"), Some(1)),
                ],
            ),
            // Explicit paths are read whatever their name.
            (
                vec![p("readme.md")],
                vec![("doc:readme".into(), name("readme.md"), None)],
            ),
            (
                vec![p(".versteckt.txt")],
                vec![("doc:.versteckt".into(), name(".versteckt.txt"), None)],
            ),
            (
                vec![p("leer.txt"), p("one.jsonl"), p("one.jsonl")],
                vec![
                    ("empty_file".into(), name("leer.txt"), None),
                    ("doc:o".into(), name("one.jsonl"), Some(1)),
                    ("doc:o".into(), name("one.jsonl"), Some(1)),
                ],
            ),
            (vec![], vec![]),
        ];
        for (paths, want) in cases {
            assert_eq!(walk(&paths, ReadOptions::default()), want, "{paths:?}");
        }
    }

    #[test]
    fn reader_is_lazy() {
        let tmp = TempDir::new("lazy");
        tmp.write(
            "a.jsonl",
            b"{\"id\":\"a1\",\"text\":\"Eins.\"}\n{\"id\":\"a2\",\"text\":\"Zwei.\"}\n",
        );
        let mut items = Items::new(
            &[tmp.path().join("a.jsonl"), tmp.path().join("b.jsonl")],
            ReadOptions::default(),
        );
        assert!(matches!(items.next(), Some(Item::Doc(_, d)) if d.id == "a1"));
        // b.jsonl does not exist yet when a.jsonl is being read.
        tmp.write("b.jsonl", b"{\"id\":\"b1\",\"text\":\"Drei.\"}\n");
        let rest: Vec<String> = items
            .map(|i| match i {
                Item::Doc(_, d) => d.id,
                Item::Warning(w) => w.reason.as_str().to_string(),
            })
            .collect();
        assert_eq!(rest, ["a2", "b1"]);
    }

    #[cfg(unix)]
    #[test]
    fn reader_symlink_cycle_ends() {
        let tmp = TempDir::new("cycle");
        tmp.write("d/a.txt", b"Ein Bericht.");
        std::os::unix::fs::symlink(tmp.path().join("d"), tmp.path().join("d/loop")).unwrap();
        let got = walk(&[tmp.path().join("d")], ReadOptions::default());
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "doc:a");
    }

    #[test]
    fn reader_unreadable_directory_entry_is_io() {
        let tmp = TempDir::new("dangling");
        tmp.write("d/a.txt", b"Ein Bericht.");
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("nowhere.txt"), tmp.path().join("d/b.txt"))
            .unwrap();
        let got = walk(&[tmp.path().join("d")], ReadOptions::default());
        assert_eq!(got[0].0, "doc:a");
        #[cfg(unix)]
        assert_eq!(got[1].0, SkipReason::Io.as_str());
    }
}
