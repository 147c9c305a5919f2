//! What `places-eval` and `actors-eval` share: the GermEval 2014 reader,
//! the FactRuEval book list and precision / recall / F1 counts.
//! (FactRuEval's object files differ per scored type and stay with each
//! command.)

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// True/false positives and false negatives.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    /// Precision, recall, F1 (0 for empty denominators).
    pub fn prf(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// A GermEval sentence: tokens and their outer labels.
pub struct Sentence {
    pub tokens: Vec<String>,
    pub labels: Vec<String>,
}

/// Reads a GermEval 2014 file (`index TAB token TAB outer TAB inner`,
/// `#` lines open a sentence, blank lines end it).
pub fn read_germeval(path: &Path) -> Result<Vec<Sentence>> {
    let content =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let empty = || Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
    };
    let mut cur = empty();
    for (i, line) in content.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(&mut cur, empty()));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            bail!("{}:{}: expected index, token, label", path.display(), i + 1);
        }
        cur.tokens.push(cols[1].to_string());
        cur.labels.push(cols[2].to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// For every byte offset of `text` (and its end), the char offset: the
/// datasets count chars, the recognisers return bytes.
pub fn char_offsets(text: &str) -> Vec<usize> {
    let mut char_of = vec![0usize; text.len() + 1];
    let mut ci = 0;
    for (b, ch) in text.char_indices() {
        for slot in &mut char_of[b..b + ch.len_utf8()] {
            *slot = ci;
        }
        ci += 1;
    }
    char_of[text.len()] = ci;
    char_of
}

/// The FactRuEval 2016 documents of a folder: every `book_N.txt` that has a
/// `.objects` file beside it, sorted.
pub fn factrueval_books(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut books: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt") && p.with_extension("objects").exists()
        })
        .collect();
    books.sort();
    if books.is_empty() {
        bail!("{}: no book_*.txt with .objects found", dir.display());
    }
    Ok(books)
}

/// A GermEval sentence as text (tokens joined by spaces) and the byte
/// bounds of its tokens.
pub fn sentence_text(s: &Sentence) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(s.tokens.len());
    for t in &s.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        bounds.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    (text, bounds)
}
