//! Word patterns and phrase lookup over tokens, for the cue tables
//! (titles, organisation words) and the alias gazetteer.
//!
//! A phrase is a sequence of word patterns; hyphens split words like
//! spaces. `word` matches a token with the same match key (so Russian words
//! match every case form), `stem*` a token starting with `stem`, `*end` a
//! longer token ending with `end` (German compounds). Lookup is by the
//! first word's key, so a search costs a hash probe per token plus the
//! (few) affix patterns.

use crate::FastMap;
use crate::text::{Tok, fold, tokenize};

/// One word position of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pat {
    /// The token's match key equals this (or its second key does).
    Exact {
        /// Match key.
        key: String,
        /// The data wrote the word with a capital: the token must be capitalised.
        cap: bool,
        /// The data wrote the word in capitals: the token must be too.
        upper: bool,
    },
    /// The folded token starts with this.
    Prefix(String),
    /// The folded token ends with this and is longer.
    Suffix(String),
}

impl Pat {
    /// True when the token matches this pattern.
    pub(crate) fn matches(&self, t: &Tok) -> bool {
        match self {
            Pat::Exact { key, cap, upper } => {
                (t.key == *key || t.alt.as_deref() == Some(key.as_str()))
                    && (!cap || t.cap)
                    && (!upper || t.upper)
            }
            Pat::Prefix(p) => t.lower.starts_with(p.as_str()),
            Pat::Suffix(s) => t.lower.len() > s.len() && t.lower.ends_with(s.as_str()),
        }
    }
}

/// Parses a phrase into word patterns. With `cased`, capitalised words of
/// the data require capitalised text (aliases); without, case is ignored
/// (cues).
pub(crate) fn parse_phrase(phrase: &str, cased: bool) -> Vec<Pat> {
    let mut out = Vec::new();
    for word in phrase.split(|c: char| c.is_whitespace() || c == '-') {
        if word.is_empty() {
            continue;
        }
        let starred_end = word.len() > 1 && word.ends_with('*');
        let starred_start = word.len() > 1 && word.starts_with('*');
        if starred_start {
            out.push(Pat::Suffix(fold(word.trim_matches('*'))));
            continue;
        }
        if starred_end {
            out.push(Pat::Prefix(fold(word.trim_end_matches('*'))));
            continue;
        }
        // A word may hold several tokens ("RFE/RL", "Vlast.kz" is one).
        for t in tokenize(word) {
            out.push(Pat::Exact {
                key: t.key,
                cap: cased && t.cap,
                upper: cased && t.upper,
            });
        }
    }
    out
}

/// A set of phrases with values, searched longest-first at a token.
#[derive(Debug, Clone)]
pub(crate) struct PhraseIndex<V> {
    phrases: Vec<(Vec<Pat>, V)>,
    exact: FastMap<String, Vec<usize>>,
    affix: Vec<usize>,
}

impl<V> Default for PhraseIndex<V> {
    fn default() -> Self {
        PhraseIndex {
            phrases: Vec::new(),
            exact: FastMap::default(),
            affix: Vec::new(),
        }
    }
}

impl<V> PhraseIndex<V> {
    /// Adds a phrase; empty phrases are ignored.
    pub(crate) fn push(&mut self, pats: Vec<Pat>, value: V) {
        let Some(first) = pats.first() else {
            return;
        };
        let id = self.phrases.len();
        match first {
            Pat::Exact { key, .. } => self.exact.entry(key.clone()).or_default().push(id),
            Pat::Prefix(_) | Pat::Suffix(_) => self.affix.push(id),
        }
        self.phrases.push((pats, value));
    }

    /// Calls `f` with the value of every one-word phrase matching `t`
    /// (exact words first, then affixes, each in data order).
    pub(crate) fn single_word(&self, t: &Tok, mut f: impl FnMut(&V)) {
        let mut visit = |id: usize| {
            let (pats, v) = &self.phrases[id];
            if pats.len() == 1 && pats[0].matches(t) {
                f(v);
            }
        };
        self.exact
            .get(&t.key)
            .into_iter()
            .flatten()
            .for_each(|&id| visit(id));
        if let Some(alt) = &t.alt {
            self.exact
                .get(alt)
                .into_iter()
                .flatten()
                .for_each(|&id| visit(id));
        }
        self.affix.iter().for_each(|&id| visit(id));
    }

    /// The longest phrase accepted by `accept` that starts at token `i`:
    /// its end token and value. Words after the first may not be separated
    /// by punctuation; on equal length the earlier phrase wins.
    pub(crate) fn longest_at(
        &self,
        toks: &[Tok],
        i: usize,
        accept: impl Fn(&V) -> bool,
    ) -> Option<(usize, &V)> {
        let t = toks.get(i)?;
        let mut best: Option<(usize, usize)> = None;
        let mut consider = |id: usize| {
            let (pats, v) = &self.phrases[id];
            if !accept(v) || !pats[0].matches(t) {
                return;
            }
            let end = i + pats.len();
            if end > toks.len() {
                return;
            }
            let rest_ok = pats[1..]
                .iter()
                .zip(&toks[i + 1..end])
                .all(|(p, tok)| !tok.brk && p.matches(tok));
            if rest_ok && best.is_none_or(|(e, b)| end > e || (end == e && id < b)) {
                best = Some((end, id));
            }
        };
        for key in std::iter::once(&t.key).chain(t.alt.as_ref()) {
            if let Some(ids) = self.exact.get(key) {
                ids.iter().for_each(|&id| consider(id));
            }
        }
        self.affix.iter().for_each(|&id| consider(id));
        best.map(|(end, id)| (end, &self.phrases[id].1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(entries: &[(&str, &'static str)], cased: bool) -> PhraseIndex<&'static str> {
        let mut ix = PhraseIndex::default();
        for (p, v) in entries {
            ix.push(parse_phrase(p, cased), *v);
        }
        ix
    }

    fn first_match(ix: &PhraseIndex<&'static str>, text: &str) -> Option<(usize, &'static str)> {
        let toks = tokenize(text);
        (0..toks.len()).find_map(|i| ix.longest_at(&toks, i, |_| true).map(|(e, v)| (e - i, *v)))
    }

    #[test]
    fn phrase_patterns_table() {
        let ix = index(
            &[
                ("президент", "pres"),
                ("премьер-министр", "pm"),
                ("*minister", "min"),
                ("глава МВД", "police"),
                ("бывш*", "former"),
            ],
            false,
        );
        let cases: &[(&str, Option<(usize, &str)>)] = &[
            ("президентом Токаевым", Some((1, "pres"))),
            ("премьер-министра Смаилова", Some((2, "pm"))),
            ("Innenminister Turgumbajew", Some((1, "min"))),
            ("der Minister", None),
            ("главой МВД Ерланом", Some((2, "police"))),
            ("бывшего главы", Some((1, "former"))),
            ("глава, МВД", None),
        ];
        for (text, want) in cases {
            assert_eq!(first_match(&ix, text), *want, "text {text:?}");
        }
    }

    #[test]
    fn phrase_cased_aliases_need_capitals() {
        let ix = index(
            &[("Путин", "putin"), ("TASS", "tass"), ("dpa", "dpa")],
            true,
        );
        assert_eq!(first_match(&ix, "с Путиным"), Some((1, "putin")));
        assert_eq!(first_match(&ix, "путина"), None);
        assert_eq!(first_match(&ix, "Tass"), None);
        assert_eq!(first_match(&ix, "laut DPA"), Some((1, "dpa")));
    }
}
