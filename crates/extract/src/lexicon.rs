//! Language knowledge loaded from `resources/<lang>/*.tsv`.
//!
//! Every file has the same shape, read by [`chronik_table`]: `#` comment
//! lines (source, licence), one `# FORMAT: col<TAB>col…` line that the loader
//! checks, then rows of tab-separated columns; a row may end in a `# e.g. …`
//! comment. The files
//! are embedded at compile time (see [`EMBEDDED`]), so the binary never reads
//! resources at run time; `Lexicon::from_sources` lets tests and tools feed
//! other text.
//!
//! Phrases are sequences of word patterns separated by spaces:
//! `word` matches the token exactly, `stem*` a token starting with `stem`,
//! `*end` a token ending with `end`, `*part*` a token containing `part`,
//! and `...` up to eight arbitrary tokens (for German separable verbs:
//! `setzte* ... ein`). Matching is on lower-cased tokens.

use std::collections::HashMap as StdHashMap;

/// Phrase lookups hash every token several times: a fast, fixed hasher.
type HashMap<K, V> = StdHashMap<K, V, foldhash::fast::FixedState>;

use aho_corasick::AhoCorasick;

use crate::text::Token;

/// One data row with its provenance.
pub use chronik_table::Row;
/// A resource file could not be used; the shared table error (see
/// [`chronik_table`]).
pub use chronik_table::TableError as LexiconError;
/// Parses a TSV resource, checking its FORMAT header and column count.
pub use chronik_table::parse as parse_table;

/// One word position of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPat {
    Exact(String),
    Prefix(String),
    Suffix(String),
    Infix(String),
    /// Skip up to this many tokens.
    Gap(usize),
}

impl WordPat {
    fn parse(w: &str) -> WordPat {
        if w == "..." || w == "…" {
            return WordPat::Gap(7);
        }
        let lw = crate::text::fold(w);
        let (s, e) = (lw.starts_with('*'), lw.ends_with('*') && lw.len() > 1);
        let core = lw.trim_matches('*').to_string();
        match (s, e) {
            (true, true) => WordPat::Infix(core),
            (true, false) => WordPat::Suffix(core),
            (false, true) => WordPat::Prefix(core),
            (false, false) => WordPat::Exact(core),
        }
    }

    fn matches(&self, tok: &str) -> bool {
        match self {
            WordPat::Exact(s) => tok == s,
            WordPat::Prefix(s) => tok.starts_with(s.as_str()),
            WordPat::Suffix(s) => tok.ends_with(s.as_str()),
            WordPat::Infix(s) => tok.contains(s.as_str()),
            WordPat::Gap(_) => true,
        }
    }
}

/// A match of a phrase over tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub end: usize,
    /// Index of the phrase's value in [`PhraseSet::values`].
    pub value: usize,
    /// Number of tokens the phrase names (gaps excluded): its weight.
    pub words: usize,
}

impl PhraseMatch {
    /// The match spans a gap ("hilfe ... anzufordern").
    pub fn gapped(&self) -> bool {
        self.words < self.end - self.first
    }

    /// Token `pos` is one of the phrase's own words: its first, or one of
    /// those at its end (what stands in a gap is not).
    pub fn own_word(&self, pos: usize) -> bool {
        pos == self.first || (self.end - (self.words - 1) <= pos && pos < self.end)
    }
}

/// A set of phrases with values, searched leftmost-longest over tokens.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    phrases: Vec<Vec<WordPat>>,
    values: Vec<V>,
    /// Source line of each phrase (provenance for `--explain`).
    lines: Vec<usize>,
    exact: HashMap<String, Vec<usize>>,
    prefix: HashMap<String, Vec<usize>>,
    suffix: HashMap<String, Vec<usize>>,
    /// The lengths in chars of the prefix and suffix keys: only those are
    /// looked up.
    prefix_lens: Vec<usize>,
    suffix_lens: Vec<usize>,
    infix: Option<(AhoCorasick, Vec<Vec<usize>>)>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            values: Vec::new(),
            lines: Vec::new(),
            exact: HashMap::default(),
            prefix: HashMap::default(),
            suffix: HashMap::default(),
            prefix_lens: Vec::new(),
            suffix_lens: Vec::new(),
            infix: None,
        }
    }
}

impl<V> PhraseSet<V> {
    /// Builds a set from `(phrase, value, line)` entries.
    pub fn new(entries: impl IntoIterator<Item = (String, V, usize)>) -> PhraseSet<V> {
        let mut set = PhraseSet::default();
        let mut infix_keys: Vec<String> = Vec::new();
        let mut infix_ids: Vec<Vec<usize>> = Vec::new();
        for (phrase, value, line) in entries {
            let words: Vec<WordPat> = phrase.split_whitespace().map(WordPat::parse).collect();
            if words.is_empty() || matches!(words[0], WordPat::Gap(_)) {
                continue;
            }
            let id = set.phrases.len();
            match &words[0] {
                WordPat::Exact(s) => set.exact.entry(s.clone()).or_default().push(id),
                WordPat::Prefix(s) => set.prefix.entry(s.clone()).or_default().push(id),
                WordPat::Suffix(s) => set.suffix.entry(s.clone()).or_default().push(id),
                WordPat::Infix(s) => match infix_keys.iter().position(|k| k == s) {
                    Some(p) => infix_ids[p].push(id),
                    None => {
                        infix_keys.push(s.clone());
                        infix_ids.push(vec![id]);
                    }
                },
                WordPat::Gap(_) => unreachable!("checked above"),
            }
            set.phrases.push(words);
            set.values.push(value);
            set.lines.push(line);
        }
        let lens = |m: &HashMap<String, Vec<usize>>| {
            let mut l: Vec<usize> = m.keys().map(|k| k.chars().count()).collect();
            l.sort_unstable();
            l.dedup();
            l
        };
        set.prefix_lens = lens(&set.prefix);
        set.suffix_lens = lens(&set.suffix);
        if !infix_keys.is_empty() {
            // Infix keys are plain strings; building cannot fail for them.
            if let Ok(ac) = AhoCorasick::new(&infix_keys) {
                set.infix = Some((ac, infix_ids));
            }
        }
        set
    }

    /// The values, indexed by [`PhraseMatch::value`].
    pub fn values(&self) -> &[V] {
        &self.values
    }

    /// The value of a match.
    pub fn value(&self, m: &PhraseMatch) -> &V {
        &self.values[m.value]
    }

    /// The resource line of a match.
    pub fn line(&self, m: &PhraseMatch) -> usize {
        self.lines[m.value]
    }

    /// Ids of phrases whose first word matches `tok`.
    fn candidates(&self, tok: &str, out: &mut Vec<usize>) {
        out.clear();
        if let Some(ids) = self.exact.get(tok) {
            out.extend(ids);
        }
        if !self.prefix.is_empty() || !self.suffix.is_empty() {
            // Char boundaries of the token: bounds[n] ends its first n chars.
            let bounds: Vec<usize> = tok
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(tok.len()))
                .collect();
            let chars = bounds.len() - 1;
            for &n in self.prefix_lens.iter().take_while(|&&n| n <= chars) {
                if let Some(ids) = self.prefix.get(&tok[..bounds[n]]) {
                    out.extend(ids);
                }
            }
            for &n in self.suffix_lens.iter().take_while(|&&n| n <= chars) {
                if let Some(ids) = self.suffix.get(&tok[bounds[chars - n]..]) {
                    out.extend(ids);
                }
            }
        }
        if let Some((ac, ids)) = &self.infix {
            for m in ac.find_overlapping_iter(tok) {
                out.extend(&ids[m.pattern().as_usize()]);
            }
        }
    }

    /// Tries phrase `id` at token `i`; returns the end token and word count.
    fn try_at(&self, id: usize, toks: &[Token], i: usize, limit: usize) -> Option<(usize, usize)> {
        fn go(pats: &[WordPat], toks: &[Token], i: usize, limit: usize) -> Option<usize> {
            let Some(p) = pats.first() else {
                return Some(i);
            };
            match p {
                WordPat::Gap(n) => (0..=*n)
                    .filter(|k| i + k <= limit)
                    .find_map(|k| go(&pats[1..], toks, i + k, limit)),
                _ => {
                    if i < limit && p.matches(&toks[i].lower) {
                        go(&pats[1..], toks, i + 1, limit)
                    } else {
                        None
                    }
                }
            }
        }
        let pats = &self.phrases[id];
        let end = go(&pats[1..], toks, i + 1, limit)?;
        let words = pats
            .iter()
            .filter(|p| !matches!(p, WordPat::Gap(_)))
            .count();
        Some((end, words))
    }

    /// All leftmost-longest, non-overlapping matches within `toks[from..to]`.
    pub fn find(&self, toks: &[Token], from: usize, to: usize) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut cands = Vec::new();
        let mut i = from;
        while i < to {
            self.candidates(&toks[i].lower, &mut cands);
            let mut best: Option<PhraseMatch> = None;
            for &id in &cands {
                if let Some((end, words)) = self.try_at(id, toks, i, to) {
                    let better = match best {
                        None => true,
                        Some(b) => words > b.words || (words == b.words && id < b.value),
                    };
                    if better {
                        best = Some(PhraseMatch {
                            first: i,
                            end,
                            value: id,
                            words,
                        });
                    }
                }
            }
            match best {
                Some(m) => {
                    out.push(m);
                    // A gapped phrase consumes only its first word here, so the
                    // tokens in its gap stay available to other phrases.
                    i = if m.gapped() { i + 1 } else { m.end };
                }
                None => i += 1,
            }
        }
        out
    }

    /// True when any phrase matches within `toks[from..to]`.
    pub fn any(&self, toks: &[Token], from: usize, to: usize) -> bool {
        !self.find(toks, from, to).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn set(entries: &[(&str, &str)]) -> PhraseSet<String> {
        PhraseSet::new(
            entries
                .iter()
                .enumerate()
                .map(|(i, (p, v))| (p.to_string(), v.to_string(), i + 1)),
        )
    }

    fn found(s: &PhraseSet<String>, text: &str) -> Vec<String> {
        let toks = tokenize(text);
        s.find(&toks, 0, toks.len())
            .iter()
            .map(|m| s.value(m).clone())
            .collect()
    }

    #[test]
    fn gapped_matches_and_their_own_words_table() {
        let s = set(&[("hilfe ... anzufordern", "fi"), ("tear gas", "cc")]);
        // (text, gapped, own-word positions, positions in the gap)
        let cases: &[(&str, bool, &[usize], &[usize])] = &[
            (
                "Hilfe von einem Militärblock anzufordern",
                true,
                &[0, 4],
                &[1, 2, 3],
            ),
            ("tear gas", false, &[0, 1], &[]),
        ];
        for (text, gapped, own, gap) in cases {
            let toks = tokenize(text);
            let m = s.find(&toks, 0, toks.len())[0];
            assert_eq!(m.gapped(), *gapped, "{text}");
            for &p in *own {
                assert!(m.own_word(p), "{text}: {p}");
            }
            for &p in *gap {
                assert!(!m.own_word(p), "{text}: {p}");
            }
        }
    }

    #[test]
    fn phrase_patterns_table() {
        let s = set(&[
            ("tear gas", "cc"),
            ("*protest*", "demo"),
            ("violent protest*", "riot"),
            ("festgenommen", "arrest"),
            ("setzte* ... ein", "deploy"),
            ("*granaten", "cc"),
        ]);
        let cases: &[(&str, &[&str])] = &[
            ("Police fired tear gas", &["cc"]),
            ("Massenproteste in Almaty", &["demo"]),
            ("violent protests erupted", &["riot"]),
            ("Hunderte wurden festgenommen", &["arrest"]),
            ("Die Regierung setzte das Militär ein", &["deploy"]),
            ("mit Blendgranaten", &["cc"]),
            ("nothing here", &[]),
            ("tear", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&s, text), *want, "text {text:?}");
        }
    }
}
