//! Scoring predictions against gold exactly as EVENTS.md §5.
//!
//! Recipe, per gold document (predicted documents absent from gold are not
//! scored; a gold document without a prediction line is scored as "not
//! relevant, nothing found"):
//! 1. resolve spans: a mention or figure without a span gets the first
//!    exact occurrence of its `evidence` in the corpus text;
//! 2. relevance: gold `relevant` against predicted `relevant`;
//! 3. events: three separate greedy one-to-one matchings
//!    ([`crate::matching`]), each admitting a pair only when the spans
//!    overlap by at least one char, and additionally
//!    - lenient: nothing more;
//!    - typed: equal `type`;
//!    - kind: equal `kind`.
//!
//!    So a typed (or kind) match may pair a prediction with another gold
//!    mention than the lenient matching does: "counts a match only when
//!    `type` is equal too" is read as "matches only pairs with equal type";
//! 4. attribute accuracies on the lenient pairs;
//! 5. figures: one matching over pairs with equal `what`, `low` and `high`,
//!    ordered by span overlap, then gold and prediction order; then
//!    accuracies of `qualifier`, `hedged` and source presence.
//!
//! Per-document scores are summed into the groups "all", the corpus
//! language, and "de+en"; per-kind scores and confusions are over all
//! documents.

use std::collections::{BTreeMap, HashMap, HashSet};

use chronik_model::{CharSpan, PartialDate};

use crate::corpus::CorpusDoc;
use crate::fold::fold_name;
use crate::gold::{GoldDoc, GoldFigure, GoldLocation, GoldMention, locate};
use crate::matching::{match_spans, match_values};
use crate::report::{Confusion, GroupScores, KindScores, Prf, Report, Totals};

/// How many confusions the report lists.
const MAX_CONFUSIONS: usize = 15;

/// The label of a mention without a kind, in per-kind tables and confusions.
const NO_KIND: &str = "(none)";

/// The combined group of German and English documents.
const DE_EN: &str = "de+en";

/// Scores `pred` against `gold`; `corpus` supplies the text (to locate gold
/// evidence without a span) and the language of each document.
///
/// When an id repeats in `corpus`, `gold` or `pred`, its first occurrence
/// is used and the others are ignored.
pub fn score(corpus: &[CorpusDoc], gold: &[GoldDoc], pred: &[GoldDoc]) -> Report {
    let mut corpus_by_id: HashMap<&str, &CorpusDoc> = HashMap::new();
    for d in corpus {
        corpus_by_id.entry(d.id.as_str()).or_insert(d);
    }
    let mut pred_by_id: HashMap<&str, &GoldDoc> = HashMap::new();
    for d in pred {
        pred_by_id.entry(d.id.as_str()).or_insert(d);
    }

    let mut acc = Accumulator::default();
    acc.groups.insert("all".to_string(), GroupScores::default());
    let mut gold_ids = HashSet::new();
    for g in gold {
        if !gold_ids.insert(g.id.as_str()) {
            continue;
        }
        let doc = corpus_by_id.get(g.id.as_str()).copied();
        let p = pred_by_id.get(g.id.as_str()).copied();
        acc.totals.docs += 1;
        if doc.is_none() {
            acc.totals.docs_without_corpus += 1;
        }
        if p.is_none() {
            acc.totals.missing_prediction_docs += 1;
        }
        let scores = acc.score_doc(g, p, doc.map(|d| d.text.as_str()));
        for key in group_keys(doc.and_then(CorpusDoc::lang_key)) {
            *acc.groups.entry(key).or_default() += &scores;
        }
    }
    acc.totals.ignored_prediction_docs = pred_by_id
        .keys()
        .filter(|id| !gold_ids.contains(*id))
        .count();
    acc.finish()
}

/// The groups a document of language `lang` counts in.
fn group_keys(lang: Option<String>) -> Vec<String> {
    let mut keys = vec!["all".to_string()];
    if let Some(lang) = lang {
        let de_en = lang == "de" || lang == "en";
        keys.push(lang);
        if de_en {
            keys.push(DE_EN.to_string());
        }
    }
    keys
}

/// Per-kind counts before the ratios.
#[derive(Default)]
struct KindTally {
    gold: usize,
    predicted: usize,
    lenient_matched: usize,
    kind_matched: usize,
}

/// Everything summed over the documents.
#[derive(Default)]
struct Accumulator {
    groups: BTreeMap<String, GroupScores>,
    kinds: BTreeMap<String, KindTally>,
    confusions: BTreeMap<(String, String), usize>,
    totals: Totals,
}

impl Accumulator {
    /// Scores one gold document against its prediction (if any).
    fn score_doc(&mut self, g: &GoldDoc, p: Option<&GoldDoc>, text: Option<&str>) -> GroupScores {
        let (p_relevant, p_events, p_figures): (bool, &[GoldMention], &[GoldFigure]) = match p {
            Some(p) => (p.relevant, &p.events, &p.figures),
            None => (false, &[], &[]),
        };
        let mut s = GroupScores {
            docs: 1,
            ..GroupScores::default()
        };
        s.relevance = Prf::new(
            usize::from(g.relevant && p_relevant),
            usize::from(!g.relevant && p_relevant),
            usize::from(g.relevant && !p_relevant),
        );

        // Events.
        let g_spans: Vec<Option<CharSpan>> = g
            .events
            .iter()
            .map(|m| m.span.or_else(|| locate(text, &m.evidence)))
            .collect();
        let p_spans: Vec<Option<CharSpan>> = p_events
            .iter()
            .map(|m| m.span.or_else(|| locate(text, &m.evidence)))
            .collect();
        self.totals.gold_mentions += g.events.len();
        self.totals.predicted_mentions += p_events.len();
        self.totals.unlocatable_gold_mentions += g_spans.iter().filter(|s| s.is_none()).count();
        self.totals.unlocatable_predicted_mentions +=
            p_spans.iter().filter(|s| s.is_none()).count();

        let lenient = match_spans(&g_spans, &p_spans, |_, _| true);
        let typed = match_spans(&g_spans, &p_spans, |gi, pi| {
            g.events[gi].event_type == p_events[pi].event_type
        });
        let kind = match_spans(&g_spans, &p_spans, |gi, pi| {
            g.events[gi].kind == p_events[pi].kind
        });
        let (n_gold, n_pred) = (g.events.len(), p_events.len());
        s.events = Prf::from_matching(lenient.len(), n_gold, n_pred);
        s.typed = Prf::from_matching(typed.len(), n_gold, n_pred);
        s.kind = Prf::from_matching(kind.len(), n_gold, n_pred);

        for m in &g.events {
            self.kind_tally(&m.kind).gold += 1;
        }
        for m in p_events {
            self.kind_tally(&m.kind).predicted += 1;
        }
        for &(gi, _) in &kind {
            self.kind_tally(&g.events[gi].kind).kind_matched += 1;
        }
        for &(gi, pi) in &lenient {
            let (gm, pm) = (&g.events[gi], &p_events[pi]);
            self.kind_tally(&gm.kind).lenient_matched += 1;
            if gm.kind != pm.kind {
                *self
                    .confusions
                    .entry((kind_label(&gm.kind), kind_label(&pm.kind)))
                    .or_default() += 1;
            }
            let a = &mut s.event_attributes;
            a.event_type.record(gm.event_type == pm.event_type);
            a.kind.record(gm.kind == pm.kind);
            a.sub_type.record(gm.sub_type == pm.sub_type);
            let date_ok = date_correct(gm.date.as_deref(), pm.date.as_deref());
            a.date.record(date_ok);
            if gm.date.is_some() {
                a.date_given.record(date_ok);
            }
            let location_ok = location_correct(gm.location.as_ref(), pm.location.as_ref());
            a.location.record(location_ok);
            if present(gm.location.as_ref()).is_some() {
                a.location_given.record(location_ok);
            }
            a.actor1.record(gm.actor1 == pm.actor1);
            a.hedged.record(gm.hedged == pm.hedged);
        }

        // Figures.
        let g_spans: Vec<Option<CharSpan>> = g
            .figures
            .iter()
            .map(|f| f.span.or_else(|| locate(text, &f.evidence)))
            .collect();
        let p_spans: Vec<Option<CharSpan>> = p_figures
            .iter()
            .map(|f| f.span.or_else(|| locate(text, &f.evidence)))
            .collect();
        self.totals.gold_figures += g.figures.len();
        self.totals.predicted_figures += p_figures.len();
        self.totals.unlocatable_gold_figures += g_spans.iter().filter(|s| s.is_none()).count();
        let figures = match_values(&g_spans, &p_spans, |gi, pi| {
            let (gf, pf) = (&g.figures[gi], &p_figures[pi]);
            gf.what == pf.what && gf.low == pf.low && gf.high == pf.high
        });
        s.figures = Prf::from_matching(figures.len(), g.figures.len(), p_figures.len());
        for &(gi, pi) in &figures {
            let (gf, pf) = (&g.figures[gi], &p_figures[pi]);
            let a = &mut s.figure_attributes;
            a.qualifier.record(gf.qualifier == pf.qualifier);
            a.hedged.record(gf.hedged == pf.hedged);
            a.source.record(gf.source.is_some() == pf.source.is_some());
        }
        s
    }

    fn kind_tally(&mut self, kind: &Option<String>) -> &mut KindTally {
        self.kinds.entry(kind_label(kind)).or_default()
    }

    fn finish(self) -> Report {
        let per_kind = self
            .kinds
            .into_iter()
            .map(|(kind, t)| {
                let scores = KindScores {
                    gold: t.gold,
                    predicted: t.predicted,
                    lenient_matched: t.lenient_matched,
                    lenient_recall: Prf::from_matching(t.lenient_matched, t.gold, 0).recall,
                    kind: Prf::from_matching(t.kind_matched, t.gold, t.predicted),
                };
                (kind, scores)
            })
            .collect();
        let mut confusions: Vec<Confusion> = self
            .confusions
            .into_iter()
            .map(|((gold, predicted), count)| Confusion {
                gold,
                predicted,
                count,
            })
            .collect();
        // Stable sort over the BTreeMap order: ties stay alphabetical.
        confusions.sort_by_key(|c| std::cmp::Reverse(c.count));
        confusions.truncate(MAX_CONFUSIONS);
        Report {
            groups: self.groups,
            per_kind,
            confusions,
            counts: self.totals,
        }
    }
}

fn kind_label(kind: &Option<String>) -> String {
    kind.clone().unwrap_or_else(|| NO_KIND.to_string())
}

/// Date rule: equal, or the prediction refines the gold date (gold
/// `2022-01`, predicted `2022-01-05`); gold null only against null. Dates
/// that do not parse are compared as written.
pub fn date_correct(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => match (PartialDate::parse(g), PartialDate::parse(p)) {
            (Ok(g), Ok(p)) => p.refines(g),
            _ => g.trim() == p.trim(),
        },
        _ => false,
    }
}

/// A location, unless it is absent or has no field set.
fn present(l: Option<&GoldLocation>) -> Option<&GoldLocation> {
    l.filter(|l| !l.is_blank())
}

/// Location rule: gold null only against null; otherwise the same country
/// (case-insensitive) and the same place: equal `geonames_id` when both
/// have one, else equal names after case and diacritic folding (two null
/// names are equal).
pub fn location_correct(gold: Option<&GoldLocation>, pred: Option<&GoldLocation>) -> bool {
    match (present(gold), present(pred)) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let country = |l: &GoldLocation| l.country.as_deref().map(fold_name);
            let same_place = match (g.geonames_id, p.geonames_id) {
                (Some(a), Some(b)) => a == b,
                _ => g.name.as_deref().map(fold_name) == p.name.as_deref().map(fold_name),
            };
            country(g) == country(p) && same_place
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::{parse_gold, parse_predictions};

    const TEXT_DE: &str = "Am Montag zogen Hunderte durch Ostdorf. Die Polizei nahm 12 Leute fest.";

    fn corpus(docs: &[(&str, &str, &str)]) -> Vec<CorpusDoc> {
        docs.iter()
            .map(|(id, lang, text)| CorpusDoc {
                id: id.to_string(),
                lang: Some(lang.to_string()),
                text: text.to_string(),
            })
            .collect()
    }

    fn mention(kind: &str, ty: &str, span: [usize; 2]) -> GoldMention {
        GoldMention {
            kind: Some(kind.to_string()),
            event_type: Some(ty.to_string()),
            span: Some(CharSpan::from(span)),
            ..GoldMention::default()
        }
    }

    fn doc(id: &str, events: Vec<GoldMention>, figures: Vec<GoldFigure>) -> GoldDoc {
        GoldDoc {
            id: id.to_string(),
            relevant: !events.is_empty(),
            events,
            figures,
        }
    }

    fn figure(what: &str, low: Option<u64>, high: Option<u64>) -> GoldFigure {
        GoldFigure {
            what: Some(what.to_string()),
            low,
            high,
            ..GoldFigure::default()
        }
    }

    fn all(r: &Report) -> &GroupScores {
        &r.groups["all"]
    }

    #[test]
    fn score_long_prediction_matches_one_gold() {
        let g = doc(
            "a",
            vec![
                mention("demonstration", "protest", [0, 10]),
                mention("arrest", "x", [12, 40]),
            ],
            vec![],
        );
        let p = doc(
            "a",
            vec![mention("demonstration", "protest", [0, 40])],
            vec![],
        );
        let r = score(&[], &[g], &[p]);
        assert_eq!(all(&r).events, Prf::new(1, 0, 1));
        // The largest overlap (gold 1) wins the lenient match, so the kind
        // confusion is arrest → demonstration ...
        assert_eq!(
            r.confusions,
            vec![Confusion {
                gold: "arrest".into(),
                predicted: "demonstration".into(),
                count: 1
            }]
        );
        // ... while the kind matching pairs it with gold 0 on its own.
        assert_eq!(all(&r).kind, Prf::new(1, 0, 1));
        assert_eq!(all(&r).typed, Prf::new(1, 0, 1));
        assert_eq!(all(&r).event_attributes.kind.accuracy, 0.0);
    }

    #[test]
    fn score_typed_and_kind_table() {
        // Gold: 0 [0,10) riot/riot, 1 [8,20) protest/demonstration.
        // One prediction [0,12), overlapping gold 0 by 10 and gold 1 by 4.
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            (usize, usize, usize),
        );
        let cases: &[Case] = &[
            // (pred kind, pred type, name, (events tp, typed tp, kind tp))
            ("riot", "riot", "agrees with the best overlap", (1, 1, 1)),
            (
                "demonstration",
                "protest",
                "agrees with the other gold",
                (1, 1, 1),
            ),
            (
                "demonstration",
                "riot",
                "type of one, kind of the other",
                (1, 1, 1),
            ),
            ("arson", "riot", "kind of neither", (1, 1, 0)),
            ("arson", "battle", "nothing but overlap", (1, 0, 0)),
        ];
        let gold = doc(
            "a",
            vec![
                mention("riot", "riot", [0, 10]),
                mention("demonstration", "protest", [8, 20]),
            ],
            vec![],
        );
        for &(kind, ty, name, (ev, typed, kinded)) in cases {
            let pred = doc("a", vec![mention(kind, ty, [0, 12])], vec![]);
            let r = score(&[], std::slice::from_ref(&gold), &[pred]);
            let a = all(&r);
            assert_eq!(
                (a.events.tp, a.typed.tp, a.kind.tp),
                (ev, typed, kinded),
                "{name}"
            );
            assert_eq!(a.events.fn_ + a.events.tp, 2, "{name}");
        }
    }

    #[test]
    fn score_date_table() {
        let cases: &[(Option<&str>, Option<&str>, bool)] = &[
            (Some("2022-01"), Some("2022-01-05"), true),
            (Some("2022-01"), Some("2022-01"), true),
            (Some("2022"), Some("2022-01-05"), true),
            (Some("2022-01-05"), Some("2022-01"), false),
            (Some("2022-01-05"), Some("2022-01-06"), false),
            (Some("2022-01"), Some("2021-01-05"), false),
            (None, None, true),
            (None, Some("2022-01"), false),
            (Some("2022-01"), None, false),
            (Some("Jan 2022"), Some("Jan 2022"), true),
            (Some("2022-01"), Some("soon"), false),
        ];
        for &(g, p, want) in cases {
            assert_eq!(date_correct(g, p), want, "gold {g:?} pred {p:?}");
        }
    }

    #[test]
    fn score_location_table() {
        fn loc(name: Option<&str>, country: Option<&str>, id: Option<u64>) -> GoldLocation {
            GoldLocation {
                name: name.map(str::to_string),
                country: country.map(str::to_string),
                geonames_id: id,
            }
        }
        type Case = (
            Option<GoldLocation>,
            Option<GoldLocation>,
            bool,
            &'static str,
        );
        let cases: Vec<Case> = vec![
            (
                Some(loc(Some("Almaty"), Some("KZ"), None)),
                Some(loc(Some("almaty"), Some("KZ"), None)),
                true,
                "case folding",
            ),
            (
                Some(loc(Some("Zhanaözen"), Some("KZ"), None)),
                Some(loc(Some("Zhanaozen"), Some("kz"), None)),
                true,
                "diacritic folding",
            ),
            (
                Some(loc(Some("Almaty"), Some("KZ"), Some(1))),
                Some(loc(Some("Alma-Ata"), Some("KZ"), Some(1))),
                true,
                "ids decide over names",
            ),
            (
                Some(loc(Some("Almaty"), Some("KZ"), Some(1))),
                Some(loc(Some("Almaty"), Some("KZ"), Some(2))),
                false,
                "different ids",
            ),
            (
                Some(loc(Some("Almaty"), Some("KZ"), Some(1))),
                Some(loc(Some("Almaty"), Some("KZ"), None)),
                true,
                "one id: names decide",
            ),
            (
                Some(loc(Some("Almaty"), Some("KZ"), None)),
                Some(loc(Some("Almaty"), Some("KG"), None)),
                false,
                "different country",
            ),
            (
                Some(loc(None, Some("KZ"), None)),
                Some(loc(None, Some("KZ"), None)),
                true,
                "country only on both sides",
            ),
            (
                Some(loc(None, Some("KZ"), None)),
                Some(loc(Some("Almaty"), Some("KZ"), None)),
                false,
                "prediction more specific",
            ),
            (None, None, true, "null against null"),
            (None, Some(loc(None, Some("KZ"), None)), false, "gold null"),
            (
                Some(loc(None, Some("KZ"), None)),
                None,
                false,
                "prediction null",
            ),
            (
                Some(loc(None, None, None)),
                None,
                true,
                "blank location is null",
            ),
        ];
        for (g, p, want, name) in cases {
            assert_eq!(location_correct(g.as_ref(), p.as_ref()), want, "{name}");
        }
    }

    #[test]
    fn score_attributes_given() {
        let mut g0 = mention("arrest", "strategic_development", [0, 5]);
        g0.date = Some("2022-01".into());
        g0.location = Some(GoldLocation {
            country: Some("KZ".into()),
            ..GoldLocation::default()
        });
        let g1 = mention("arrest", "strategic_development", [10, 15]);
        let mut p0 = g0.clone();
        p0.date = Some("2022-01-05".into());
        let mut p1 = g1.clone();
        p1.date = Some("2022-01-05".into());
        p1.hedged = true;
        let r = score(
            &[],
            &[doc("a", vec![g0, g1], vec![])],
            &[doc("a", vec![p0, p1], vec![])],
        );
        let a = &all(&r).event_attributes;
        assert_eq!((a.date.correct, a.date.total), (1, 2));
        assert_eq!((a.date_given.correct, a.date_given.total), (1, 1));
        assert_eq!((a.location.correct, a.location.total), (2, 2));
        assert_eq!((a.location_given.correct, a.location_given.total), (1, 1));
        assert_eq!((a.hedged.correct, a.hedged.total), (1, 2));
        assert_eq!(a.event_type.accuracy, 1.0);
    }

    #[test]
    fn score_figure_table() {
        type Case = (&'static str, GoldFigure, GoldFigure, bool);
        let cases: Vec<Case> = vec![
            (
                "equal",
                figure("killed", Some(14), Some(14)),
                figure("killed", Some(14), Some(14)),
                true,
            ),
            (
                "open high on both",
                figure("injured", Some(400), None),
                figure("injured", Some(400), None),
                true,
            ),
            (
                "null low on both",
                figure("arrested", None, Some(50)),
                figure("arrested", None, Some(50)),
                true,
            ),
            (
                "high null vs given",
                figure("killed", Some(14), None),
                figure("killed", Some(14), Some(14)),
                false,
            ),
            (
                "other what",
                figure("killed", Some(14), Some(14)),
                figure("injured", Some(14), Some(14)),
                false,
            ),
            (
                "other low",
                figure("killed", Some(13), Some(14)),
                figure("killed", Some(14), Some(14)),
                false,
            ),
        ];
        for (name, g, p, want) in cases {
            let r = score(
                &[],
                &[doc("a", vec![], vec![g])],
                &[doc("a", vec![], vec![p])],
            );
            assert_eq!(all(&r).figures.tp == 1, want, "{name}");
        }
    }

    #[test]
    fn score_figures_one_to_one_with_attributes() {
        let mut g0 = figure("killed", Some(3), None);
        g0.span = Some(CharSpan::new(0, 5));
        g0.qualifier = Some("vague".into());
        let mut g1 = g0.clone();
        g1.span = Some(CharSpan::new(20, 25));
        g1.source = Some("ministry".into());
        // One prediction sits on gold 1: it takes gold 1 despite gold 0
        // coming first; the second prediction takes gold 0.
        let mut p0 = g1.clone();
        p0.source = Some("Ministerium".into());
        p0.hedged = true;
        let mut p1 = g0.clone();
        p1.span = None;
        p1.qualifier = Some("at_least".into());
        let p2 = figure("killed", Some(3), None);
        let r = score(
            &[],
            &[doc("a", vec![], vec![g0, g1])],
            &[doc("a", vec![], vec![p0, p1, p2])],
        );
        let a = all(&r);
        assert_eq!(a.figures, Prf::new(2, 1, 0));
        let fa = &a.figure_attributes;
        assert_eq!((fa.qualifier.correct, fa.qualifier.total), (1, 2));
        assert_eq!((fa.hedged.correct, fa.hedged.total), (1, 2));
        assert_eq!((fa.source.correct, fa.source.total), (2, 2));
    }

    #[test]
    fn score_gold_evidence_located_by_search() {
        let gold = parse_gold(concat!(
            r#"{"id":"a","relevant":true,"events":["#,
            r#"{"kind":"arrest","type":"strategic_development","evidence":"Die Polizei nahm 12 Leute fest"},"#,
            r#"{"kind":"demonstration","type":"protest","evidence":"not in the text"}],"#,
            r#""figures":[{"what":"arrested","low":12,"high":12,"evidence":"12 Leute"}]}"#
        ))
        .unwrap();
        let pred = parse_predictions(concat!(
            r#"{"id":"a","relevant":true,"events":["#,
            r#"{"kind":"arrest","type":"strategic_development","evidence":"Polizei","span":[44,51]},"#,
            r#"{"kind":"demonstration","type":"protest","evidence":"Hunderte","span":[16,24]}],"#,
            r#""figures":[{"what":"arrested","low":12,"high":12,"span":[57,65]}]}"#
        ))
        .unwrap();
        assert_eq!(
            TEXT_DE.chars().skip(44).take(7).collect::<String>(),
            "Polizei"
        );
        let r = score(&corpus(&[("a", "de", TEXT_DE)]), &gold, &pred);
        let a = all(&r);
        assert_eq!(a.events, Prf::new(1, 1, 1));
        assert_eq!(a.figures, Prf::new(1, 0, 0));
        assert_eq!(r.counts.unlocatable_gold_mentions, 1);
        assert_eq!(r.counts.unlocatable_gold_figures, 0);
        assert_eq!(r.counts.gold_mentions, 2);
    }

    #[test]
    fn score_missing_prediction_doc() {
        let gold = vec![
            doc(
                "a",
                vec![mention("arrest", "strategic_development", [0, 5])],
                vec![figure("killed", Some(1), Some(1))],
            ),
            doc("b", vec![], vec![]),
        ];
        let pred = vec![doc("zzz", vec![mention("arrest", "x", [0, 5])], vec![])];
        let r = score(&[], &gold, &pred);
        let a = all(&r);
        assert_eq!(a.docs, 2);
        assert_eq!(a.relevance, Prf::new(0, 0, 1));
        assert_eq!(a.events, Prf::new(0, 0, 1));
        assert_eq!(a.figures, Prf::new(0, 0, 1));
        assert_eq!(r.counts.missing_prediction_docs, 2);
        assert_eq!(r.counts.ignored_prediction_docs, 1);
        assert_eq!(r.counts.predicted_mentions, 0);
    }

    #[test]
    fn score_relevance_table() {
        // (gold relevant, predicted relevant or absent) → (tp, fp, fn)
        type Case = (bool, Option<bool>, (usize, usize, usize));
        let cases: &[Case] = &[
            (true, Some(true), (1, 0, 0)),
            (false, Some(true), (0, 1, 0)),
            (true, Some(false), (0, 0, 1)),
            (false, Some(false), (0, 0, 0)),
            (true, None, (0, 0, 1)),
            (false, None, (0, 0, 0)),
        ];
        for &(g, p, (tp, fp, fn_)) in cases {
            let gold = GoldDoc {
                id: "a".into(),
                relevant: g,
                ..GoldDoc::default()
            };
            let pred: Vec<GoldDoc> = p
                .map(|p| GoldDoc {
                    id: "a".into(),
                    relevant: p,
                    ..GoldDoc::default()
                })
                .into_iter()
                .collect();
            let r = score(&[], &[gold], &pred);
            assert_eq!(
                all(&r).relevance,
                Prf::new(tp, fp, fn_),
                "gold {g} pred {p:?}"
            );
        }
    }

    #[test]
    fn score_zero_denominators_are_zero() {
        let inputs: Vec<(Vec<GoldDoc>, Vec<GoldDoc>)> = vec![
            (vec![], vec![]),
            (vec![doc("a", vec![], vec![])], vec![]),
            (
                vec![doc("a", vec![], vec![])],
                vec![doc("a", vec![], vec![])],
            ),
        ];
        for (gold, pred) in inputs {
            let r = score(&[], &gold, &pred);
            let json = serde_json::to_string(&r).unwrap();
            assert!(!json.contains("null"), "no NaN in {json}");
            let a = all(&r);
            for m in GroupScores::METRICS {
                let v = a.metric(m).unwrap();
                assert!(v.is_finite() && v == 0.0, "{m} = {v}");
            }
            for (_, acc) in a.event_attributes.named() {
                assert_eq!((acc.total, acc.accuracy), (0, 0.0));
            }
            assert!(r.to_markdown("t").contains("| all |"));
        }
    }

    #[test]
    fn score_groups_by_language() {
        let c = corpus(&[("d", "de", "x"), ("e", "EN", "x"), ("r", "ru", "x")]);
        let m = || vec![mention("arrest", "strategic_development", [0, 1])];
        let gold = vec![
            doc("d", m(), vec![]),
            doc("e", m(), vec![]),
            doc("r", m(), vec![]),
            doc("u", m(), vec![]),
        ];
        let pred = vec![doc("d", m(), vec![]), doc("r", m(), vec![])];
        let r = score(&c, &gold, &pred);
        let keys: Vec<&str> = r.groups.keys().map(String::as_str).collect();
        assert_eq!(keys, vec!["all", "de", "de+en", "en", "ru"]);
        let tps = |k: &str| {
            (
                r.groups[k].docs,
                r.groups[k].events.tp,
                r.groups[k].events.fn_,
            )
        };
        assert_eq!(tps("all"), (4, 2, 2));
        assert_eq!(tps("de"), (1, 1, 0));
        assert_eq!(tps("en"), (1, 0, 1));
        assert_eq!(tps("de+en"), (2, 1, 1));
        assert_eq!(tps("ru"), (1, 1, 0));
        assert_eq!(r.counts.docs_without_corpus, 1);
    }

    #[test]
    fn score_per_kind_and_confusions() {
        let gold = doc(
            "a",
            vec![
                mention("riot", "riot", [0, 10]),
                mention("riot", "riot", [20, 30]),
                mention("arrest", "strategic_development", [40, 50]),
            ],
            vec![],
        );
        let pred = doc(
            "a",
            vec![
                mention("riot", "riot", [0, 10]),
                mention("clash", "riot", [20, 30]),
                mention("clash", "riot", [60, 70]),
            ],
            vec![],
        );
        let r = score(&[], &[gold], &[pred]);
        let riot = r.per_kind["riot"];
        assert_eq!((riot.gold, riot.predicted, riot.lenient_matched), (2, 1, 2));
        assert_eq!(riot.lenient_recall, 1.0);
        assert_eq!(riot.kind, Prf::new(1, 0, 1));
        let clash = r.per_kind["clash"];
        assert_eq!((clash.gold, clash.predicted), (0, 2));
        assert_eq!(clash.kind, Prf::new(0, 2, 0));
        assert_eq!(r.per_kind["arrest"].lenient_recall, 0.0);
        assert_eq!(
            r.confusions,
            vec![Confusion {
                gold: "riot".into(),
                predicted: "clash".into(),
                count: 1
            }]
        );
    }

    #[test]
    fn score_confusions_capped_and_sorted() {
        let kinds = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
        ];
        let mut gold = Vec::new();
        let mut pred = Vec::new();
        for (i, k) in kinds.iter().enumerate() {
            let span = [i * 10, i * 10 + 5];
            gold.push(mention(k, "t", span));
            pred.push(mention("z", "t", span));
        }
        gold.push(mention("q", "t", [500, 505]));
        pred.push(mention("z", "t", [500, 505]));
        let r = score(&[], &[doc("a", gold, vec![])], &[doc("a", pred, vec![])]);
        assert_eq!(r.confusions.len(), MAX_CONFUSIONS);
        assert_eq!(
            (r.confusions[0].gold.as_str(), r.confusions[0].count),
            ("q", 2)
        );
        assert_eq!(r.confusions[1].gold, "a");
    }

    #[test]
    fn score_unknown_prediction_labels_still_score() {
        let gold =
            parse_gold(r#"{"id":"a","events":[{"kind":"riot","type":"riot","span":[0,4]}]}"#)
                .unwrap();
        let pred = parse_predictions(
            r#"{"id":"a","relevant":true,"events":[{"kind":"uproar","type":"riot","span":[2,6]}]}"#,
        )
        .unwrap();
        let r = score(&[], &gold, &pred);
        assert_eq!(
            (all(&r).events.tp, all(&r).typed.tp, all(&r).kind.tp),
            (1, 1, 0)
        );
        assert_eq!(r.per_kind["uproar"].predicted, 1);
    }
}
