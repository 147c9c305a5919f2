//! Figures as claims: which mention a figure belongs to, and one number
//! from many conflicting ones.
//!
//! Every figure is kept as reported, side by side with its source, hedging,
//! qualifier and report date. [`reconcile`] adds, per kind of count:
//!
//! - `acled`: ACLED's consolidated number — the **lowest credible figure**
//!   (ACLED codebook, "Fatalities": when reports differ, the most
//!   conservative estimate is used). Credible means stated in the outlet's
//!   or a named source's voice (not hedged), with a lower bound, and not an
//!   "up to" figure. Vague amounts count with the lower bounds the
//!   extractor gave them (EVENTS.md §3: several 3, dozens 12, hundreds 100,
//!   thousands 1000), and only when no credible report gives a number:
//!   "dozens" must not undercut "40". When no claim is credible, the hedged
//!   ones are used and the result says so.
//! - `latest`: the lowest credible figure among the most recent reports,
//!   because tolls grow as bodies are counted (26 → 164 → 225); a later
//!   count is not a conflict with an earlier one.
//! - `low`/`high`: the full range of everything claimed, hedged or not.

use chronik_model::{CharSpan, FigureWhat, Kind, PartialDate, Qualifier};

use crate::when::bounds;

/// One reported figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// What is counted.
    pub what: FigureWhat,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// How the bounds are given.
    pub qualifier: Qualifier,
    /// The report marks it as uncertain.
    pub hedged: bool,
    /// Who the report attributes it to.
    pub source: Option<String>,
    /// When the report was published.
    pub report_date: Option<PartialDate>,
}

/// One number from many claims of one `what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciled {
    /// The lowest credible figure (ACLED), when any claim gives a number.
    pub acled: Option<u64>,
    /// The lowest credible figure among the latest reports.
    pub latest: Option<u64>,
    /// Lowest lower bound claimed.
    pub low: Option<u64>,
    /// Highest number claimed (upper bound, else lower bound).
    pub high: Option<u64>,
    /// Only hedged claims were available for `acled`.
    pub hedged_only: bool,
    /// The claims give different numbers.
    pub conflicting: bool,
    /// Number of claims.
    pub claims: usize,
}

/// Reconciles claims of one `what` (see the module doc).
pub fn reconcile(claims: &[&Claim]) -> Reconciled {
    let numbered = |c: &&&Claim| c.low.is_some() && c.qualifier != Qualifier::AtMost;
    let pick = |hedged_ok: bool, vague_ok: bool| -> Vec<&Claim> {
        claims
            .iter()
            .filter(numbered)
            .filter(|c| hedged_ok || !c.hedged)
            .filter(|c| vague_ok || c.qualifier != Qualifier::Vague)
            .copied()
            .collect()
    };
    let mut hedged_only = false;
    let mut credible = pick(false, false);
    if credible.is_empty() {
        credible = pick(false, true);
    }
    if credible.is_empty() {
        credible = pick(true, false);
        hedged_only = !credible.is_empty();
    }
    if credible.is_empty() {
        credible = pick(true, true);
        hedged_only = !credible.is_empty();
    }
    let acled = credible.iter().filter_map(|c| c.low).min();
    let latest_date = credible
        .iter()
        .filter_map(|c| c.report_date.map(|d| (bounds(d).1, d)))
        .max();
    let latest = match latest_date {
        Some((_, d)) => credible
            .iter()
            .filter(|c| c.report_date == Some(d))
            .filter_map(|c| c.low)
            .min(),
        None => acled,
    };
    let low = claims.iter().filter_map(|c| c.low).min();
    let high = claims.iter().filter_map(|c| c.high.or(c.low)).max();
    let mut values: Vec<(Option<u64>, Option<u64>)> =
        claims.iter().map(|c| (c.low, c.high)).collect();
    values.sort();
    values.dedup();
    Reconciled {
        acled,
        latest,
        low,
        high,
        hedged_only,
        conflicting: values.len() > 1,
        claims: claims.len(),
    }
}

/// Kinds a figure of `what` can count the victims or participants of, best
/// first.
fn fitting_kinds(what: FigureWhat) -> &'static [Kind] {
    use Kind::*;
    match what {
        FigureWhat::Killed => &[
            Killing,
            Shooting,
            CrowdControl,
            Clash,
            Riot,
            Storming,
            Demonstration,
        ],
        FigureWhat::Injured | FigureWhat::Hospitalized => &[
            CrowdControl,
            Clash,
            Shooting,
            Riot,
            Killing,
            Storming,
            Arson,
            Demonstration,
        ],
        FigureWhat::Arrested => &[Arrest],
        FigureWhat::Participants => &[Demonstration, Strike, Riot, Clash, Storming],
        FigureWhat::Other => &[],
    }
}

/// For each figure of a document, the mention it counts for: a mention of
/// a fitting kind whose evidence overlaps the figure, else the nearest one
/// in the same sentence; None for figures of their own ("the toll rose to
/// 225") — those are claims about the whole episode.
///
/// `text` is the document text; spans are in chars.
pub fn link_figures(
    text: &str,
    mentions: &[(CharSpan, Kind)],
    figures: &[(CharSpan, FigureWhat)],
) -> Vec<Option<usize>> {
    let sentence_starts = sentence_starts(text);
    let sentence_of = |pos: usize| sentence_starts.partition_point(|&s| s <= pos);
    figures
        .iter()
        .map(|&(fspan, what)| {
            let kinds = fitting_kinds(what);
            let fsent = sentence_of(fspan.start);
            mentions
                .iter()
                .enumerate()
                .filter_map(|(i, &(mspan, kind))| {
                    let rank = kinds.iter().position(|k| *k == kind)?;
                    let overlap = mspan.overlap(fspan);
                    let same_sentence = sentence_of(mspan.start) == fsent
                        || sentence_of(mspan.end.saturating_sub(1)) == fsent;
                    if overlap == 0 && !same_sentence {
                        return None;
                    }
                    let gap = if overlap > 0 {
                        0
                    } else if mspan.end <= fspan.start {
                        fspan.start - mspan.end
                    } else {
                        mspan.start.saturating_sub(fspan.end)
                    };
                    Some(((overlap == 0, gap, rank, i), i))
                })
                .min()
                .map(|(_, i)| i)
        })
        .collect()
}

/// Char offsets where sentences start: after `.`, `!`, `?`, `…` followed
/// by whitespace, and after line breaks. Rough (abbreviations split), but
/// it only narrows where a figure's mention is looked for.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut prev_end = false;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            starts.push(i + 1);
            prev_end = false;
            continue;
        }
        if prev_end && c.is_whitespace() {
            starts.push(i + 1);
        }
        prev_end = matches!(c, '.' | '!' | '?' | '…');
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(low: Option<u64>, high: Option<u64>, q: Qualifier, hedged: bool, date: &str) -> Claim {
        Claim {
            what: FigureWhat::Killed,
            low,
            high,
            qualifier: q,
            hedged,
            source: None,
            report_date: PartialDate::parse(date).ok(),
        }
    }

    #[test]
    fn claims_lowest_credible_and_latest() {
        let cs = [
            claim(Some(26), Some(26), Qualifier::Exact, false, "2022-01-06"),
            claim(Some(164), Some(164), Qualifier::Exact, false, "2022-01-09"),
            claim(Some(225), Some(225), Qualifier::Exact, false, "2022-01-15"),
            claim(Some(230), Some(230), Qualifier::Exact, false, "2022-01-15"),
            claim(Some(12), None, Qualifier::Vague, false, "2022-01-16"),
            claim(Some(5), Some(5), Qualifier::Exact, true, "2022-01-16"),
            claim(None, Some(1000), Qualifier::AtMost, false, "2022-01-16"),
        ];
        let refs: Vec<&Claim> = cs.iter().collect();
        let r = reconcile(&refs);
        assert_eq!(r.acled, Some(26));
        assert_eq!(r.latest, Some(225));
        assert_eq!((r.low, r.high), (Some(5), Some(1000)));
        assert!(r.conflicting && !r.hedged_only);
        assert_eq!(r.claims, 7);
    }

    #[test]
    fn claims_vague_and_hedged_fallbacks() {
        let vague = [claim(Some(12), None, Qualifier::Vague, false, "2022-01-06")];
        let r = reconcile(&vague.iter().collect::<Vec<_>>());
        assert_eq!(r.acled, Some(12));
        let hedged = [claim(
            Some(8),
            Some(8),
            Qualifier::Exact,
            true,
            "2022-01-06",
        )];
        let r = reconcile(&hedged.iter().collect::<Vec<_>>());
        assert_eq!(r.acled, Some(8));
        assert!(r.hedged_only);
        let r = reconcile(&[]);
        assert_eq!((r.acled, r.low, r.claims), (None, None, 0));
    }

    #[test]
    fn claims_link_figures_to_mentions() {
        let text =
            "Police fired on the crowd, killing 12 people. 40 were arrested. The toll rose to 225.";
        let killing = (CharSpan::new(0, 44), Kind::Killing);
        let arrest = (CharSpan::new(46, 62), Kind::Arrest);
        let figures = [
            (CharSpan::new(35, 44), FigureWhat::Killed),
            (CharSpan::new(46, 48), FigureWhat::Arrested),
            (CharSpan::new(64, 84), FigureWhat::Killed),
            (CharSpan::new(46, 48), FigureWhat::Killed),
        ];
        assert_eq!(
            link_figures(text, &[killing, arrest], &figures),
            vec![Some(0), Some(1), None, None]
        );
    }
}
