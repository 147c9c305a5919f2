//! Full-text search over the reports with stemming for German, English and
//! Russian.
//!
//! SQLite FTS5 cannot stem German or Russian and rusqlite has no safe API
//! for custom tokenizers, so each report is indexed twice in one FTS5 row:
//! `raw` (the text, unicode61 with diacritics removed) and `stem` (the
//! same words lower-cased and stemmed by `frostem` in the report's
//! language; Cyrillic words always with the Russian stemmer). A query word
//! matches when it occurs as written or when one of its stems (German and
//! English for Latin script, Russian for Cyrillic) occurs in `stem`:
//! "Proteste" finds "Protesten" and "protestierten", "задержаны" finds
//! "задержали".

use frostem::{Algorithm, Stemmer};

/// The three stemmers.
#[derive(Clone, Copy)]
pub struct Stemmers {
    de: Stemmer,
    en: Stemmer,
    ru: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            de: Stemmer::new(Algorithm::German),
            en: Stemmer::new(Algorithm::English),
            ru: Stemmer::new(Algorithm::Russian),
        }
    }
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// The words of `text`: maximal runs of alphanumeric chars, lower-cased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

impl Stemmers {
    /// The stem of one lower-cased word in a report of language `lang`.
    pub fn stem_word(&self, word: &str, lang: Option<&str>) -> String {
        if word.chars().any(|c| c.is_ascii_digit()) {
            return word.to_string();
        }
        if is_cyrillic(word) {
            return self.ru.stem(word).into_owned();
        }
        match lang {
            Some("de") => self.de.stem(word).into_owned(),
            Some("en") | Some("ru") | None => self.en.stem(word).into_owned(),
            _ => word.to_string(),
        }
    }

    /// The `stem` column of a report.
    pub fn stem_text(&self, text: &str, lang: Option<&str>) -> String {
        let mut out = String::with_capacity(text.len());
        for w in words(text) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.stem_word(&w, lang));
        }
        out
    }

    /// The stems a query word may have in any report: Russian for
    /// Cyrillic, German and English for Latin script.
    pub fn query_stems(&self, word: &str) -> Vec<String> {
        let mut stems = if is_cyrillic(word) {
            vec![self.ru.stem(word).into_owned()]
        } else {
            vec![
                self.de.stem(word).into_owned(),
                self.en.stem(word).into_owned(),
            ]
        };
        stems.sort();
        stems.dedup();
        stems
    }
}

/// An FTS5 string literal.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Turns a user query into an FTS5 expression: every word must match, as
/// written (`raw`) or by a stem (`stem`); `"quoted words"` must occur as a
/// phrase in `raw`. Returns None when the query has no words.
pub fn fts_query(stemmers: &Stemmers, query: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase: Vec<String> = words(chunk).collect();
            if !phrase.is_empty() {
                parts.push(format!("raw : {}", quote(&phrase.join(" "))));
            }
            continue;
        }
        for w in words(chunk) {
            let stems: Vec<String> = stemmers.query_stems(&w).iter().map(|s| quote(s)).collect();
            parts.push(format!(
                "(raw : {} OR stem : ({}))",
                quote(&w),
                stems.join(" OR ")
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// Every word of `text` as (byte start, byte end, matches `query`): a word
/// matches as written or by stem, as the index matches.
pub fn match_words(
    stemmers: &Stemmers,
    text: &str,
    lang: Option<&str>,
    query: &str,
) -> Vec<(usize, usize, bool)> {
    let mut wanted: Vec<String> = Vec::new();
    for w in words(query) {
        wanted.extend(stemmers.query_stems(&w));
        wanted.push(w);
    }
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].to_lowercase();
                let hit = wanted.contains(&w) || wanted.contains(&stemmers.stem_word(&w, lang));
                spans.push((s, i, hit));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Words around the first word of `text` matching `query` (as written or
/// by stem), matches marked «like this», on one line.
pub fn snippet(stemmers: &Stemmers, text: &str, lang: Option<&str>, query: &str) -> String {
    const BEFORE: usize = 10;
    const AFTER: usize = 20;
    let spans = match_words(stemmers, text, lang, query);
    let first = spans.iter().position(|s| s.2).unwrap_or(0);
    let lo = first.saturating_sub(BEFORE);
    let hi = (first + AFTER).min(spans.len());
    if lo >= hi {
        return String::new();
    }
    let mut out = String::new();
    if lo > 0 {
        out.push('…');
    }
    let mut pos = spans[lo].0;
    for &(s, e, hit) in &spans[lo..hi] {
        out.push_str(&text[pos..s]);
        if hit {
            out.push('«');
            out.push_str(&text[s..e]);
            out.push('»');
        } else {
            out.push_str(&text[s..e]);
        }
        pos = e;
    }
    if hi < spans.len() {
        out.push('…');
    } else {
        out.push_str(&text[pos..]);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_snippet_marks_stem_matches() {
        let s = Stemmers::default();
        let got = snippet(
            &s,
            "In Almaty protestierten Tausende.\nDie Polizei griff ein.",
            Some("de"),
            "Polizei",
        );
        assert_eq!(
            got,
            "In Almaty protestierten Tausende. Die «Polizei» griff ein."
        );
    }

    #[test]
    fn search_stems_inflections_alike() {
        let s = Stemmers::default();
        assert_eq!(
            s.stem_word("protesten", Some("de")),
            s.stem_word("proteste", Some("de"))
        );
        assert_eq!(
            s.stem_word("задержаны", None),
            s.stem_word("задержан", Some("ru"))
        );
        assert_eq!(
            s.stem_text("Police detained 40 protesters.", Some("en")),
            "polic detain 40 protest"
        );
    }

    #[test]
    fn search_query_syntax() {
        let s = Stemmers::default();
        assert_eq!(fts_query(&s, "  ,. "), None);
        let q = fts_query(&s, "Proteste \"tear gas\"").unwrap();
        assert!(q.starts_with("(raw : \"proteste\" OR stem : ("), "{q}");
        assert!(q.ends_with("AND raw : \"tear gas\""), "{q}");
    }
}
