//! One-to-one greedy matching of predicted items to gold items of one
//! document (EVENTS.md §5).
//!
//! The caller lists every admissible (gold, prediction) pair with a weight
//! (the span overlap in chars); pairs are taken largest weight first, ties
//! broken by gold index and then prediction index, and a pair is kept when
//! neither side is taken yet. The result is deterministic for a given input
//! order.

use chronik_model::CharSpan;

/// An admissible pair: gold index, prediction index, weight.
pub(crate) type Candidate = (usize, usize, usize);

/// Greedy one-to-one matching; returns the kept (gold, prediction) pairs in
/// the order they were taken.
pub(crate) fn greedy(
    mut candidates: Vec<Candidate>,
    n_gold: usize,
    n_pred: usize,
) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut gold_taken = vec![false; n_gold];
    let mut pred_taken = vec![false; n_pred];
    let mut pairs = Vec::new();
    for (g, p, _) in candidates {
        let (Some(gt), Some(pt)) = (gold_taken.get(g), pred_taken.get(p)) else {
            continue;
        };
        if *gt || *pt {
            continue;
        }
        gold_taken[g] = true;
        pred_taken[p] = true;
        pairs.push((g, p));
    }
    pairs
}

/// Matches event mentions: a pair is admissible when both spans are known,
/// they overlap by at least one char and `admit(gold, pred)` holds. The
/// lenient, typed and kind matchings are separate runs of this function
/// with different `admit` filters.
pub(crate) fn match_spans(
    gold: &[Option<CharSpan>],
    pred: &[Option<CharSpan>],
    admit: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    match_pairs(gold, pred, |g, p, overlap| overlap >= 1 && admit(g, p))
}

/// Matches figures: a pair is admissible when `admit(gold, pred)` holds
/// (equal `what`, `low`, `high`); the span overlap (0 when unknown) only
/// orders the pairs, then gold and prediction order.
pub(crate) fn match_values(
    gold: &[Option<CharSpan>],
    pred: &[Option<CharSpan>],
    admit: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    match_pairs(gold, pred, |g, p, _| admit(g, p))
}

/// Greedy one-to-one matching over the pairs `admit(gold, pred, overlap)`
/// accepts, largest overlap first (0 when a span is unknown).
fn match_pairs(
    gold: &[Option<CharSpan>],
    pred: &[Option<CharSpan>],
    admit: impl Fn(usize, usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in pred.iter().enumerate() {
            let overlap = match (gs, ps) {
                (Some(a), Some(b)) => a.overlap(*b),
                _ => 0,
            };
            if admit(g, p, overlap) {
                candidates.push((g, p, overlap));
            }
        }
    }
    greedy(candidates, gold.len(), pred.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &[Option<[usize; 2]>]) -> Vec<Option<CharSpan>> {
        s.iter().map(|o| o.map(CharSpan::from)).collect()
    }

    #[test]
    fn matching_span_table() {
        type Case = (
            &'static str,
            Vec<Option<[usize; 2]>>,
            Vec<Option<[usize; 2]>>,
            Vec<(usize, usize)>,
        );
        let cases: Vec<Case> = vec![
            (
                "one long prediction, two gold: larger overlap wins",
                vec![Some([0, 10]), Some([12, 40])],
                vec![Some([0, 40])],
                vec![(1, 0)],
            ),
            (
                "touching spans do not overlap",
                vec![Some([0, 10])],
                vec![Some([10, 20])],
                vec![],
            ),
            (
                "one char is enough",
                vec![Some([0, 10])],
                vec![Some([9, 20])],
                vec![(0, 0)],
            ),
            (
                "tie broken by gold index",
                vec![Some([0, 10]), Some([10, 20])],
                vec![Some([5, 15])],
                vec![(0, 0)],
            ),
            (
                "tie broken by prediction index",
                vec![Some([5, 15])],
                vec![Some([0, 10]), Some([10, 20])],
                vec![(0, 0)],
            ),
            (
                "greedy takes the best pair, the other gold takes the rest",
                vec![Some([0, 10]), Some([8, 30])],
                vec![Some([0, 12]), Some([9, 11])],
                vec![(0, 0), (1, 1)],
            ),
            (
                "unknown spans never match",
                vec![None],
                vec![Some([0, 10])],
                vec![],
            ),
            (
                "empty spans never match",
                vec![Some([3, 3])],
                vec![Some([0, 10])],
                vec![],
            ),
        ];
        for (name, gold, pred, want) in cases {
            assert_eq!(
                match_spans(&spans(&gold), &spans(&pred), |_, _| true),
                want,
                "{name}"
            );
        }
    }

    #[test]
    fn matching_filter_changes_partner() {
        // Lenient pairs the prediction with gold 0 (overlap 10); a filter
        // that only admits gold 1 pairs it with gold 1 instead.
        let gold = spans(&[Some([0, 10]), Some([8, 20])]);
        let pred = spans(&[Some([0, 12])]);
        assert_eq!(match_spans(&gold, &pred, |_, _| true), vec![(0, 0)]);
        assert_eq!(match_spans(&gold, &pred, |g, _| g == 1), vec![(1, 0)]);
        assert_eq!(match_spans(&gold, &pred, |_, _| false), vec![]);
    }

    #[test]
    fn matching_values_prefers_overlap_then_order() {
        let gold = spans(&[Some([0, 5]), Some([20, 25])]);
        let pred = spans(&[Some([20, 25]), None]);
        assert_eq!(
            match_values(&gold, &pred, |_, _| true),
            vec![(1, 0), (0, 1)]
        );
        let pred = spans(&[None, None]);
        assert_eq!(
            match_values(&gold, &pred, |_, _| true),
            vec![(0, 0), (1, 1)]
        );
    }
}
