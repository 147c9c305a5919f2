//! The CI ratchet: a headline number may not drop more than an agreed
//! tolerance below the committed baseline report. Moving the baseline is a
//! reviewed commit.

use serde::{Deserialize, Serialize};

use crate::report::Report;

/// The groups the ratchet watches.
pub const RATCHET_GROUPS: &[&str] = &["all", "de+en"];

/// The metrics the ratchet watches, by [`crate::GroupScores::metric`] name:
/// `typed_f1` is `groups.<g>.typed.f1`, `kind_f1` is `groups.<g>.kind.f1`,
/// `figure_f1` is `groups.<g>.figures.f1`.
pub const RATCHET_METRICS: &[&str] = &["typed_f1", "kind_f1", "figure_f1"];

/// One regression: a watched metric below baseline minus tolerance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ratchet {
    /// Metric name (one of [`RATCHET_METRICS`]).
    pub metric: String,
    /// Group name (one of [`RATCHET_GROUPS`]).
    pub group: String,
    /// The baseline value.
    pub baseline: f64,
    /// The current value.
    pub now: f64,
}

/// Returns the regressions of `now` against `baseline`: every watched
/// metric of every watched group where `now < baseline - tolerance`.
///
/// A group missing from the baseline is not watched; a group present in
/// the baseline but missing now counts as 0.
pub fn ratchet(now: &Report, baseline: &Report, tolerance: f64) -> Vec<Ratchet> {
    let mut regressions = Vec::new();
    for group in RATCHET_GROUPS {
        let Some(base) = baseline.groups.get(*group) else {
            continue;
        };
        let current = now.groups.get(*group);
        for metric in RATCHET_METRICS {
            let b = base.metric(metric).unwrap_or(0.0);
            let n = current.and_then(|g| g.metric(metric)).unwrap_or(0.0);
            if n < b - tolerance {
                regressions.push(Ratchet {
                    metric: metric.to_string(),
                    group: group.to_string(),
                    baseline: b,
                    now: n,
                });
            }
        }
    }
    regressions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{GroupScores, Prf};

    /// (group, typed, kind, figures), each as (tp, fn).
    type Row<'a> = (&'a str, (usize, usize), (usize, usize), (usize, usize));

    fn report(groups: &[Row]) -> Report {
        // Each pair is (tp, fn) with no false positives, so F1 = 2tp/(2tp+fn).
        let mut r = Report::default();
        for &(name, typed, kind, figures) in groups {
            let g = GroupScores {
                typed: Prf::new(typed.0, 0, typed.1),
                kind: Prf::new(kind.0, 0, kind.1),
                figures: Prf::new(figures.0, 0, figures.1),
                ..GroupScores::default()
            };
            r.groups.insert(name.to_string(), g);
        }
        r
    }

    #[test]
    fn ratchet_table() {
        let base = report(&[
            ("all", (50, 0), (50, 0), (50, 0)),
            ("de+en", (50, 0), (50, 0), (50, 0)),
        ]);
        type Case = (&'static str, Report, f64, Vec<(&'static str, &'static str)>);
        let cases: Vec<Case> = vec![
            ("identical", base.clone(), 0.01, vec![]),
            (
                "small drop within tolerance (F1 0.990)",
                report(&[
                    ("all", (50, 1), (50, 0), (50, 0)),
                    ("de+en", (50, 0), (50, 0), (50, 0)),
                ]),
                0.02,
                vec![],
            ),
            (
                "drop beyond tolerance (F1 0.909)",
                report(&[
                    ("all", (50, 10), (50, 0), (50, 0)),
                    ("de+en", (50, 0), (50, 0), (50, 10)),
                ]),
                0.02,
                vec![("all", "typed_f1"), ("de+en", "figure_f1")],
            ),
            (
                "improvement",
                report(&[
                    ("all", (60, 0), (60, 0), (60, 0)),
                    ("de+en", (50, 0), (50, 0), (50, 0)),
                ]),
                0.0,
                vec![],
            ),
            (
                "group gone counts as 0",
                report(&[("all", (50, 0), (50, 0), (50, 0))]),
                0.02,
                vec![
                    ("de+en", "typed_f1"),
                    ("de+en", "kind_f1"),
                    ("de+en", "figure_f1"),
                ],
            ),
        ];
        for (name, now, tol, want) in cases {
            let got: Vec<(String, String)> = ratchet(&now, &base, tol)
                .into_iter()
                .map(|r| (r.group, r.metric))
                .collect();
            let want: Vec<(String, String)> = want
                .into_iter()
                .map(|(g, m)| (g.to_string(), m.to_string()))
                .collect();
            assert_eq!(got, want, "{name}");
        }
        // A group absent from the baseline is not watched.
        let only_all = report(&[("all", (50, 0), (50, 0), (50, 0))]);
        assert!(ratchet(&only_all, &only_all, 0.0).is_empty());
    }

    #[test]
    fn ratchet_reports_values() {
        let base = report(&[("all", (50, 0), (50, 0), (50, 0))]);
        let now = report(&[("all", (50, 0), (0, 10), (50, 0))]);
        let r = ratchet(&now, &base, 0.05);
        assert_eq!(
            r,
            vec![Ratchet {
                metric: "kind_f1".into(),
                group: "all".into(),
                baseline: 1.0,
                now: 0.0
            }]
        );
    }
}
