//! The scores: [`Report`] and its parts, their JSON shape (what the CI
//! ratchet and the committed `baseline.json` read), and the Markdown and
//! terminal renderings.
//!
//! Invariant: no number is NaN or infinite. A ratio with a zero denominator
//! is 0 (precision with no predictions, recall with no gold, F1 when
//! precision + recall is 0, an accuracy over no items), and the raw counts
//! beside it tell the cases apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

/// Precision, recall and F1 with the counts they come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prf {
    /// True positives (matched pairs).
    pub tp: usize,
    /// False positives (unmatched predictions).
    pub fp: usize,
    /// False negatives (unmatched gold items).
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp), or 0.
    pub precision: f64,
    /// tp / (tp + fn), or 0.
    pub recall: f64,
    /// Harmonic mean of precision and recall, or 0.
    pub f1: f64,
}

impl Prf {
    /// Scores from counts.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }

    /// Scores of a matching: `matched` pairs out of `gold` and `predicted`
    /// items.
    pub fn from_matching(matched: usize, gold: usize, predicted: usize) -> Prf {
        Prf::new(
            matched,
            predicted.saturating_sub(matched),
            gold.saturating_sub(matched),
        )
    }
}

impl AddAssign<Prf> for Prf {
    fn add_assign(&mut self, o: Prf) {
        *self = Prf::new(self.tp + o.tp, self.fp + o.fp, self.fn_ + o.fn_);
    }
}

/// An accuracy with its counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Accuracy {
    /// Items judged correct.
    pub correct: usize,
    /// Items judged.
    pub total: usize,
    /// correct / total, or 0 when total is 0.
    pub accuracy: f64,
}

impl Accuracy {
    /// An accuracy from counts.
    pub fn new(correct: usize, total: usize) -> Accuracy {
        Accuracy {
            correct,
            total,
            accuracy: ratio(correct, total),
        }
    }

    /// Records one judged item.
    pub fn record(&mut self, correct: bool) {
        *self = Accuracy::new(self.correct + usize::from(correct), self.total + 1);
    }
}

impl AddAssign<Accuracy> for Accuracy {
    fn add_assign(&mut self, o: Accuracy) {
        *self = Accuracy::new(self.correct + o.correct, self.total + o.total);
    }
}

/// Attribute accuracies over the lenient matched event pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventAttributes {
    /// ACLED type equal.
    #[serde(rename = "type")]
    pub event_type: Accuracy,
    /// Kind equal.
    pub kind: Accuracy,
    /// ACLED sub-type equal.
    pub sub_type: Accuracy,
    /// Date equal or refined by the prediction; gold null only against null.
    pub date: Accuracy,
    /// `date` over the pairs whose gold date is not null.
    pub date_given: Accuracy,
    /// Same country and place; gold null only against null.
    pub location: Accuracy,
    /// `location` over the pairs whose gold location is not null.
    pub location_given: Accuracy,
    /// actor1 equal.
    pub actor1: Accuracy,
    /// hedged equal.
    pub hedged: Accuracy,
}

impl EventAttributes {
    /// The attributes with their JSON names, in report order.
    pub fn named(&self) -> [(&'static str, Accuracy); 9] {
        [
            ("type", self.event_type),
            ("kind", self.kind),
            ("sub_type", self.sub_type),
            ("date", self.date),
            ("date_given", self.date_given),
            ("location", self.location),
            ("location_given", self.location_given),
            ("actor1", self.actor1),
            ("hedged", self.hedged),
        ]
    }
}

impl AddAssign<EventAttributes> for EventAttributes {
    fn add_assign(&mut self, o: EventAttributes) {
        self.event_type += o.event_type;
        self.kind += o.kind;
        self.sub_type += o.sub_type;
        self.date += o.date;
        self.date_given += o.date_given;
        self.location += o.location;
        self.location_given += o.location_given;
        self.actor1 += o.actor1;
        self.hedged += o.hedged;
    }
}

/// Attribute accuracies over the matched figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FigureAttributes {
    /// Qualifier equal.
    pub qualifier: Accuracy,
    /// hedged equal.
    pub hedged: Accuracy,
    /// Both have a source or neither has.
    pub source: Accuracy,
}

impl FigureAttributes {
    /// The attributes with their JSON names, in report order.
    pub fn named(&self) -> [(&'static str, Accuracy); 3] {
        [
            ("qualifier", self.qualifier),
            ("hedged", self.hedged),
            ("source", self.source),
        ]
    }
}

impl AddAssign<FigureAttributes> for FigureAttributes {
    fn add_assign(&mut self, o: FigureAttributes) {
        self.qualifier += o.qualifier;
        self.hedged += o.hedged;
        self.source += o.source;
    }
}

/// The scores of one group of documents ("all", a language, "de+en").
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupScores {
    /// Gold documents in the group.
    pub docs: usize,
    /// `relevant` of each gold document.
    pub relevance: Prf,
    /// Event mentions, lenient matching (span overlap only).
    pub events: Prf,
    /// Event mentions matched by span overlap and equal `type` (a matching
    /// of its own). Headline metric: `typed.f1`.
    pub typed: Prf,
    /// Event mentions matched by span overlap and equal `kind` (a matching
    /// of its own). Headline metric: `kind.f1`.
    pub kind: Prf,
    /// Figures matched on equal `what`, `low`, `high`. Headline metric:
    /// `figures.f1`.
    pub figures: Prf,
    /// Accuracies over the lenient event matches.
    pub event_attributes: EventAttributes,
    /// Accuracies over the figure matches.
    pub figure_attributes: FigureAttributes,
}

impl GroupScores {
    /// The metric names [`GroupScores::metric`] knows.
    pub const METRICS: &'static [&'static str] = &[
        "relevance_f1",
        "event_precision",
        "event_recall",
        "event_f1",
        "typed_f1",
        "kind_f1",
        "figure_precision",
        "figure_recall",
        "figure_f1",
    ];

    /// A headline number by name (see [`GroupScores::METRICS`]).
    pub fn metric(&self, name: &str) -> Option<f64> {
        Some(match name {
            "relevance_f1" => self.relevance.f1,
            "event_precision" => self.events.precision,
            "event_recall" => self.events.recall,
            "event_f1" => self.events.f1,
            "typed_f1" => self.typed.f1,
            "kind_f1" => self.kind.f1,
            "figure_precision" => self.figures.precision,
            "figure_recall" => self.figures.recall,
            "figure_f1" => self.figures.f1,
            _ => return None,
        })
    }
}

impl AddAssign<&GroupScores> for GroupScores {
    fn add_assign(&mut self, o: &GroupScores) {
        self.docs += o.docs;
        self.relevance += o.relevance;
        self.events += o.events;
        self.typed += o.typed;
        self.kind += o.kind;
        self.figures += o.figures;
        self.event_attributes += o.event_attributes;
        self.figure_attributes += o.figure_attributes;
    }
}

/// Scores of one kind over all documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KindScores {
    /// Gold mentions of this kind.
    pub gold: usize,
    /// Predicted mentions of this kind.
    pub predicted: usize,
    /// Gold mentions of this kind matched by the lenient matching.
    pub lenient_matched: usize,
    /// lenient_matched / gold, or 0.
    pub lenient_recall: f64,
    /// The kind matching restricted to this kind: recall over the gold
    /// mentions of this kind, precision over the predictions of this kind.
    pub kind: Prf,
}

/// How often a gold kind was predicted as another kind (lenient matches).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Gold kind.
    pub gold: String,
    /// Predicted kind.
    pub predicted: String,
    /// Lenient matched pairs with these kinds.
    pub count: usize,
}

/// Sizes of the input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Totals {
    /// Gold documents scored.
    pub docs: usize,
    /// Gold event mentions.
    pub gold_mentions: usize,
    /// Predicted event mentions (in gold documents).
    pub predicted_mentions: usize,
    /// Gold figures.
    pub gold_figures: usize,
    /// Predicted figures (in gold documents).
    pub predicted_figures: usize,
    /// Gold mentions without a span whose evidence is not in the text:
    /// counted as gold, never matched.
    pub unlocatable_gold_mentions: usize,
    /// Gold figures without a span whose evidence is not in the text: they
    /// still match on values, but without overlap to order them.
    pub unlocatable_gold_figures: usize,
    /// Predicted mentions without a usable span or findable evidence.
    pub unlocatable_predicted_mentions: usize,
    /// Gold documents with no prediction line (scored as not relevant,
    /// nothing found).
    pub missing_prediction_docs: usize,
    /// Prediction lines for documents not in gold (not scored).
    pub ignored_prediction_docs: usize,
    /// Gold documents not in the corpus (no language, no text to search).
    pub docs_without_corpus: usize,
}

/// The result of [`crate::score()`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    /// Keyed "all", each corpus language present ("de", "en", "ru", ...),
    /// and "de+en" when German or English documents are present.
    pub groups: BTreeMap<String, GroupScores>,
    /// Per kind (gold or predicted), over all documents.
    pub per_kind: BTreeMap<String, KindScores>,
    /// The commonest (gold kind → predicted kind) differences among the
    /// lenient matches, most frequent first, at most 15.
    pub confusions: Vec<Confusion>,
    /// Sizes of the input.
    pub counts: Totals,
}

impl Report {
    /// The group names in display order: "all", single languages, then
    /// combined groups.
    pub fn group_order(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.groups.keys().map(String::as_str).collect();
        names.sort_by_key(|n| (*n != "all", n.contains('+'), *n));
        names
    }

    /// A Markdown report: headline table, attribute tables per group,
    /// per-kind table, confusions and input sizes.
    pub fn to_markdown(&self, title: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# {title}\n");
        let _ = writeln!(s, "## Headline\n");
        let _ = writeln!(
            s,
            "| group | docs | relevance F1 | event P | event R | event F1 | typed F1 | kind F1 | figure P | figure R | figure F1 |"
        );
        let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for name in self.group_order() {
            let Some(g) = self.groups.get(name) else {
                continue;
            };
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                g.docs,
                f3(g.relevance.f1),
                f3(g.events.precision),
                f3(g.events.recall),
                f3(g.events.f1),
                f3(g.typed.f1),
                f3(g.kind.f1),
                f3(g.figures.precision),
                f3(g.figures.recall),
                f3(g.figures.f1),
            );
        }
        for name in self.group_order() {
            let Some(g) = self.groups.get(name) else {
                continue;
            };
            let _ = writeln!(s, "\n## Attributes: {name}\n");
            let _ = writeln!(s, "| attribute | correct | total | accuracy |");
            let _ = writeln!(s, "|---|--:|--:|--:|");
            let events = g
                .event_attributes
                .named()
                .map(|(n, a)| (format!("event {n}"), a));
            let figures = g
                .figure_attributes
                .named()
                .map(|(n, a)| (format!("figure {n}"), a));
            for (attr, a) in events.iter().chain(figures.iter()) {
                let _ = writeln!(
                    s,
                    "| {attr} | {} | {} | {} |",
                    a.correct,
                    a.total,
                    f3(a.accuracy)
                );
            }
        }
        let _ = writeln!(s, "\n## Per kind (all documents)\n");
        let _ = writeln!(
            s,
            "| kind | gold | predicted | lenient R | kind P | kind R | kind F1 |"
        );
        let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|");
        for (kind, k) in &self.per_kind {
            let _ = writeln!(
                s,
                "| {kind} | {} | {} | {} | {} | {} | {} |",
                k.gold,
                k.predicted,
                f3(k.lenient_recall),
                f3(k.kind.precision),
                f3(k.kind.recall),
                f3(k.kind.f1),
            );
        }
        let _ = writeln!(
            s,
            "\n## Kind confusions (gold → predicted, lenient matches)\n"
        );
        if self.confusions.is_empty() {
            let _ = writeln!(s, "None.");
        }
        for c in &self.confusions {
            let _ = writeln!(s, "- {} → {}: {}", c.gold, c.predicted, c.count);
        }
        let c = &self.counts;
        let _ = writeln!(s, "\n## Input\n");
        let _ = writeln!(
            s,
            "- documents: {} ({} without prediction, {} not in the corpus; {} predicted documents not in gold)",
            c.docs, c.missing_prediction_docs, c.docs_without_corpus, c.ignored_prediction_docs
        );
        let _ = writeln!(
            s,
            "- event mentions: {} gold ({} with unlocatable evidence), {} predicted ({} without a span)",
            c.gold_mentions,
            c.unlocatable_gold_mentions,
            c.predicted_mentions,
            c.unlocatable_predicted_mentions
        );
        let _ = writeln!(
            s,
            "- figures: {} gold ({} with unlocatable evidence), {} predicted",
            c.gold_figures, c.unlocatable_gold_figures, c.predicted_figures
        );
        s
    }

    /// A compact table for the terminal: headline numbers per group, then
    /// the attribute accuracies of "all".
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "group",
            "docs",
            "rel",
            "ev.P",
            "ev.R",
            "ev.F1",
            "typed",
            "kind",
            "fig.P",
            "fig.R",
            "fig.F1"
        );
        for name in self.group_order() {
            let Some(g) = self.groups.get(name) else {
                continue;
            };
            let _ = writeln!(
                s,
                "{:<8} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                name,
                g.docs,
                f3(g.relevance.f1),
                f3(g.events.precision),
                f3(g.events.recall),
                f3(g.events.f1),
                f3(g.typed.f1),
                f3(g.kind.f1),
                f3(g.figures.precision),
                f3(g.figures.recall),
                f3(g.figures.f1),
            );
        }
        if let Some(all) = self.groups.get("all") {
            let events: Vec<String> = all
                .event_attributes
                .named()
                .iter()
                .map(|(n, a)| format!("{n} {}", f3(a.accuracy)))
                .collect();
            let figures: Vec<String> = all
                .figure_attributes
                .named()
                .iter()
                .map(|(n, a)| format!("{n} {}", f3(a.accuracy)))
                .collect();
            let _ = writeln!(s, "event attributes (all): {}", events.join(", "));
            let _ = writeln!(s, "figure attributes (all): {}", figures.join(", "));
        }
        let c = &self.counts;
        let _ = writeln!(
            s,
            "docs {} | mentions gold {} pred {} | figures gold {} pred {} | unlocatable gold evidence {}",
            c.docs,
            c.gold_mentions,
            c.predicted_mentions,
            c.gold_figures,
            c.predicted_figures,
            c.unlocatable_gold_mentions + c.unlocatable_gold_figures
        );
        s
    }
}

/// `num / den`, or 0 when `den` is 0.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Three decimals.
fn f3(x: f64) -> String {
    format!("{x:.3}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_prf_table() {
        // (tp, fp, fn) → (precision, recall, f1)
        type Case = ((usize, usize, usize), (f64, f64, f64));
        let cases: &[Case] = &[
            ((0, 0, 0), (0.0, 0.0, 0.0)),
            ((0, 3, 0), (0.0, 0.0, 0.0)),
            ((0, 0, 3), (0.0, 0.0, 0.0)),
            ((2, 2, 0), (0.5, 1.0, 2.0 / 3.0)),
            ((3, 1, 2), (0.75, 0.6, 2.0 * 0.75 * 0.6 / 1.35)),
            ((4, 0, 0), (1.0, 1.0, 1.0)),
        ];
        for &((tp, fp, fn_), (p, r, f)) in cases {
            let prf = Prf::new(tp, fp, fn_);
            assert!((prf.precision - p).abs() < 1e-12, "{prf:?}");
            assert!((prf.recall - r).abs() < 1e-12, "{prf:?}");
            assert!((prf.f1 - f).abs() < 1e-12, "{prf:?}");
        }
        assert_eq!(Prf::from_matching(2, 3, 5), Prf::new(2, 3, 1));
        let mut a = Accuracy::default();
        assert_eq!(a.accuracy, 0.0);
        a.record(true);
        a.record(false);
        assert_eq!(a, Accuracy::new(1, 2));
        assert_eq!(a.accuracy, 0.5);
    }

    #[test]
    fn report_prf_serializes_fn() {
        let v = serde_json::to_value(Prf::new(1, 2, 3)).unwrap();
        assert_eq!(v["fn"], 3);
        assert!(v.get("fn_").is_none());
        let v = serde_json::to_value(EventAttributes::default()).unwrap();
        assert!(v.get("type").is_some());
    }

    #[test]
    fn report_group_order() {
        let mut r = Report::default();
        for g in ["ru", "de+en", "en", "all", "de"] {
            r.groups.insert(g.to_string(), GroupScores::default());
        }
        assert_eq!(r.group_order(), vec!["all", "de", "en", "ru", "de+en"]);
    }
}
