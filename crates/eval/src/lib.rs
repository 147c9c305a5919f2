//! chronik-eval: scores `chronik extract` output against gold exactly as
//! EVENTS.md §5 says.
//!
//! ```text
//! load_gold(gold.jsonl) ─┐
//! parse_predictions(..) ─┼─ score ──▶ Report ──▶ to_markdown / to_text / JSON
//! load_corpus(..) ───────┘                 └──▶ ratchet(now, baseline, tolerance)
//! ```
//!
//! - Gold and predictions are read leniently into one shape, [`GoldDoc`]:
//!   labels stay strings, so an unknown kind still scores; a gold item
//!   without a span is located by searching its `evidence` in the corpus
//!   text (first exact occurrence, in chars).
//! - [`score()`] computes relevance, event mention P/R/F1 (lenient, typed and
//!   kind, each a separate greedy one-to-one matching by span overlap),
//!   attribute accuracies, figure P/R/F1 and accuracies, per group ("all",
//!   each language, "de+en"), per kind, and the commonest kind confusions.
//! - The headline numbers, as JSON paths in the serialised [`Report`]:
//!   `groups.<g>.typed.f1`, `groups.<g>.kind.f1`, `groups.<g>.figures.f1`
//!   (watched by [`ratchet()`]), plus `groups.<g>.events.{precision,recall,f1}`
//!   and `groups.<g>.relevance.f1`.
//!
//! No number in a report is NaN: a ratio with a zero denominator is 0.
#![deny(missing_docs)]

mod corpus;
mod error;
mod fold;
mod gold;
mod matching;
mod ratchet;
mod report;
mod score;

pub use corpus::{CorpusDoc, load_corpus, parse_corpus};
pub use error::EvalError;
pub use fold::fold_name;
pub use gold::{
    GoldDoc, GoldFigure, GoldLocation, GoldMention, load_gold, locate, parse_gold,
    parse_predictions,
};
pub use ratchet::{RATCHET_GROUPS, RATCHET_METRICS, Ratchet, ratchet};
pub use report::{
    Accuracy, Confusion, EventAttributes, FigureAttributes, GroupScores, KindScores, Prf, Report,
    Totals,
};
pub use score::{date_correct, location_correct, score};

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn lib_report_json_round_trip() {
        let corpus = parse_corpus(concat!(
            r#"{"id":"a","lang":"de","text":"Tausende marschierten, die Polizei setzte Tränengas ein."}"#,
            "\n",
            r#"{"id":"b","lang":"ru","text":"Ничего не случилось."}"#,
        ))
        .unwrap();
        let gold = parse_gold(concat!(
            r#"{"id":"a","relevant":true,"events":["#,
            r#"{"kind":"demonstration","type":"protest","sub_type":"peaceful_protest","evidence":"Tausende marschierten","date":"2022-01","location":{"name":"Ostdorf","country":"KZ","geonames_id":null}},"#,
            r#"{"kind":"crowd_control","type":"protest","evidence":"die Polizei setzte Tränengas ein"}],"#,
            r#""figures":[{"what":"participants","low":1000,"high":null,"qualifier":"vague","evidence":"Tausende"}]}"#,
            "\n",
            r#"{"id":"b","relevant":false,"events":[],"figures":[]}"#,
        ))
        .unwrap();
        let pred = parse_predictions(concat!(
            r#"{"id":"a","relevant":true,"events":["#,
            r#"{"kind":"riot","type":"riot","sub_type":"violent_demonstration","evidence":"Tausende marschierten, die Polizei","span":[0,34],"date":"2022-01-03","location":{"name":"ostdorf","country":"KZ"}}],"#,
            r#""figures":[{"what":"participants","low":1000,"high":null,"qualifier":"vague","span":[0,8]}]}"#,
            "\n",
            r#"{"id":"b","relevant":true,"events":[],"figures":[]}"#,
        ))
        .unwrap();
        let report = score(&corpus, &gold, &pred);
        let all = &report.groups["all"];
        assert_eq!(all.relevance, Prf::new(1, 1, 0));
        assert_eq!(all.events, Prf::new(1, 0, 1));
        assert_eq!(all.typed.tp, 0);
        assert_eq!(all.figures.f1, 1.0);
        assert_eq!(all.event_attributes.date.accuracy, 1.0);
        assert_eq!(all.event_attributes.location.accuracy, 1.0);
        assert_eq!(report.confusions.len(), 1);

        let json = serde_json::to_string_pretty(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["groups"]["all"]["typed"]["f1"], 0.0);
        assert_eq!(v["groups"]["de+en"]["figures"]["f1"], 1.0);
        assert_eq!(v["groups"]["all"]["events"]["fn"], 1);
        assert_eq!(v["groups"]["ru"]["relevance"]["fp"], 1);
        assert!(v["groups"]["de"]["event_attributes"]["location_given"]["accuracy"].is_number());

        let md = report.to_markdown("Dev");
        assert!(md.starts_with("# Dev\n"));
        assert!(md.contains("| all | 2 | 0.667 | 1.000 | 0.500 | 0.667 | 0.000 | 0.000 | 1.000 | 1.000 | 1.000 |"), "{md}");
        assert!(md.contains("- demonstration → riot: 1"));
        assert!(md.contains("## Attributes: de+en"));
        let text = report.to_text();
        assert!(
            text.lines().nth(1).is_some_and(|l| l.starts_with("all ")),
            "{text}"
        );

        // An older baseline with fewer fields still reads.
        let old: Report =
            serde_json::from_str(r#"{"groups":{"all":{"typed":{"f1":0.5}}}}"#).unwrap();
        assert_eq!(old.groups["all"].typed.f1, 0.5);
        assert!(
            ratchet(&report, &old, 0.0)
                .iter()
                .any(|r| r.metric == "typed_f1")
        );
    }

    /// Sanity check on the real dev gold: scored against itself, every F1
    /// and every accuracy with items is 1. Run with `-- --ignored`.
    #[test]
    #[ignore = "reads /work/shared; run by hand"]
    fn lib_dev_gold_against_itself() {
        let shared = Path::new("/work/shared");
        let pairs = [
            ("gold/dev.jsonl", "corpus/dev.jsonl"),
            ("gold/seeds.jsonl", "corpus/seeds.jsonl"),
        ];
        for (gold_file, corpus_file) in pairs {
            let (gold_path, corpus_path) = (shared.join(gold_file), shared.join(corpus_file));
            if !gold_path.exists() || !corpus_path.exists() {
                eprintln!("skipping {gold_file}: not found");
                continue;
            }
            let gold = load_gold(&gold_path).unwrap();
            let corpus = load_corpus(&corpus_path).unwrap();
            let report = score(&corpus, &gold, &gold);
            eprintln!("{gold_file}\n{}", report.to_text());
            assert_eq!(report.counts.unlocatable_gold_mentions, 0, "{gold_file}");
            assert_eq!(report.counts.docs_without_corpus, 0, "{gold_file}");
            assert!(report.confusions.is_empty());
            for (name, g) in &report.groups {
                for m in ["event_f1", "typed_f1", "kind_f1"] {
                    assert_eq!(g.metric(m), Some(1.0), "{gold_file} {name} {m}");
                }
                if g.relevance.tp > 0 {
                    assert_eq!(g.relevance.f1, 1.0, "{gold_file} {name} relevance");
                }
                if g.figures.tp > 0 {
                    assert_eq!(g.figures.f1, 1.0, "{gold_file} {name} figures");
                }
                let accs = g
                    .event_attributes
                    .named()
                    .into_iter()
                    .chain(g.figure_attributes.named());
                for (attr, a) in accs {
                    assert!(
                        a.total == 0 || a.accuracy == 1.0,
                        "{gold_file} {name} {attr}: {a:?}"
                    );
                }
            }
        }
    }
}
