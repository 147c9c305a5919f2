//! When: which temporal expression governs an event mention, and its date.
//!
//! Recognition and resolution are `chronik-temporal`'s; this module only
//! attaches: the expression in the mention's own clause segment, else in
//! its sentence, else the scene an earlier sentence of the paragraph set
//! (a date inside the document date, never a historical one), else the
//! document date at its precision. Durations and sets are never dates, a
//! date from an unrelated clause is never taken, and an expression that
//! cannot be resolved leaves the choice to the next rule (fail safe).

use chronik_model::PartialDate;
use chronik_temporal::{Reference, Resolved, Tagger, Timex, resolve};

use crate::segment::Sentence;
use crate::text::Token;

/// A temporal expression of the document, mapped to tokens.
#[derive(Debug, Clone)]
struct Found {
    /// First token.
    first: usize,
    /// After the last token.
    end: usize,
    /// What the tagger recognised.
    timex: Timex,
    /// Resolved against the document date, when that works.
    resolved: Option<Resolved>,
}

/// A mention's date with the words and the reasoning behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateChoice {
    /// The date, or null.
    pub date: Option<PartialDate>,
    /// The temporal expression used, as written (None: document date).
    pub expression: Option<String>,
    /// One line saying how the date was reached.
    pub reasoning: String,
}

/// The temporal expressions of one document, resolved once.
pub struct When {
    found: Vec<Found>,
    doc_date: Option<PartialDate>,
}

/// Maps a byte range to the tokens inside it.
fn token_range(toks: &[Token], byte_start: usize, byte_end: usize) -> (usize, usize) {
    let first = toks.partition_point(|t| t.byte_end <= byte_start);
    let end = toks.partition_point(|t| t.byte_start < byte_end);
    (first, end.max(first))
}

impl When {
    /// Tags and resolves the document's temporal expressions. Without a
    /// document date, a publication line in the first 300 bytes (a full
    /// date with its year) stands in for it (EVENTS.md §6).
    pub fn new(
        tagger: &Tagger,
        lang: &str,
        text: &str,
        toks: &[Token],
        doc_date: Option<PartialDate>,
    ) -> When {
        let timexes = tagger.tag(lang, text);
        let doc_date = doc_date.or_else(|| {
            timexes
                .iter()
                .filter(|t| t.byte_start < 300)
                .filter_map(|t| resolve(&t.expr, Reference::None))
                .find(|r| r.is_point && matches!(r.date, Some(PartialDate::Day(..))))
                .and_then(|r| r.date)
        });
        let reference = doc_date.map_or(Reference::None, Reference::Document);
        let found = timexes
            .into_iter()
            .map(|timex| {
                let (first, end) = token_range(toks, timex.byte_start, timex.byte_end);
                let resolved =
                    resolve(&timex.expr, reference).filter(|r| r.is_point && r.date.is_some());
                Found {
                    first,
                    end,
                    timex,
                    resolved,
                }
            })
            .collect();
        When { found, doc_date }
    }

    /// The document date used: given, or read from a publication line.
    pub fn doc_date(&self) -> Option<PartialDate> {
        self.doc_date
    }

    /// The first resolvable point expression inside `toks[from..to]`; an
    /// expression counted from an earlier event ("zwei Tage später") is
    /// resolved against the scene.
    fn first_in(
        &self,
        text: &str,
        from: usize,
        to: usize,
        scene: Option<PartialDate>,
    ) -> Option<DateChoice> {
        self.found
            .iter()
            .filter(|f| f.first >= from && f.end <= to && f.end > f.first)
            .find_map(|f| {
                let r = f.resolved.clone().or_else(|| {
                    scene
                        .and_then(|s| resolve(&f.timex.expr, Reference::Narrative(s)))
                        .filter(|r| r.is_point && r.date.is_some())
                })?;
                Some(DateChoice {
                    date: r.date,
                    expression: Some(text[f.timex.byte_start..f.timex.byte_end].to_string()),
                    reasoning: r.reasoning,
                })
            })
    }

    /// The date of a mention spanning tokens `first..end` of sentence `s`.
    pub fn for_mention(
        &self,
        text: &str,
        s: &Sentence,
        first: usize,
        end: usize,
        scene: Option<PartialDate>,
    ) -> DateChoice {
        if let Some(c) = self.first_in(text, first, end, scene) {
            return c;
        }
        if let Some(c) = self.first_in(text, s.first, s.end, scene) {
            return DateChoice {
                reasoning: format!("{} (same sentence)", c.reasoning),
                ..c
            };
        }
        if let Some(d) = scene {
            return DateChoice {
                date: Some(d),
                expression: None,
                reasoning: format!("scene set earlier in the paragraph: {d}"),
            };
        }
        match self.doc_date {
            Some(d) => DateChoice {
                date: Some(d),
                expression: None,
                reasoning: format!("document date {d}"),
            },
            None => DateChoice {
                date: None,
                expression: None,
                reasoning: "no date in the text and no document date".into(),
            },
        }
    }

    /// The scene sentence `s` sets for the sentences after it: its first
    /// resolved date when that lies inside the document date.
    pub fn scene_of(&self, s: &Sentence) -> Option<PartialDate> {
        let doc = self.doc_date?;
        let d = self
            .found
            .iter()
            .filter(|f| f.first >= s.first && f.end <= s.end)
            .find_map(|f| f.resolved.as_ref().and_then(|r| r.date))?;
        (d.refines(doc) && d != doc).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn token_range_table() {
        let text = "Am 5. Januar protestierten viele.";
        let toks = tokenize(text);
        let cases = [
            ((3, 12), (1, 3)),
            ((0, 2), (0, 1)),
            ((13, 26), (3, 4)),
            ((40, 50), (5, 5)),
        ];
        for ((a, b), want) in cases {
            assert_eq!(token_range(&toks, a, b), want, "{a}..{b}");
        }
    }
}
