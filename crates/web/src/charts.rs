//! Server-side SVG charts: the timeline (events per day — or month, or
//! year, when the range is long — stacked by kind) and the development of
//! a figure over time per source. Output is deterministic, every label is
//! escaped, and colours are SVG presentation attributes (no inline style,
//! which the CSP forbids).

use std::collections::BTreeMap;
use std::fmt::Write;

use chronik_merge::when::{bounds, civil};
use chronik_model::{Kind, PartialDate};

use crate::html::esc;

/// Viewbox width of every chart.
pub const WIDTH: f64 = 960.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 36.0;

/// Distinguishable colours (Tableau 20 order, then three darker ones).
const PALETTE: [&str; 23] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#aec7e8", "#393b79", "#637939", "#8c6d31",
];

/// The colour of a kind (`other` is grey).
pub fn kind_colour(kind: Kind) -> &'static str {
    if kind == Kind::Other {
        return "#7f7f7f";
    }
    let i = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    PALETTE[i % PALETTE.len()]
}

/// The colour of the `i`-th series.
pub fn series_colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A small square of colour for legends.
pub fn swatch(out: &mut String, colour: &str) {
    let _ = write!(
        out,
        r#"<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="{colour}"/></svg>"#
    );
}

/// "Nice" tick step for values up to `max` (about four ticks).
fn tick_step(max: f64) -> f64 {
    if max <= 4.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

fn y_axis(out: &mut String, max: f64, height: f64) -> f64 {
    let step = tick_step(max);
    let top = (max / step).ceil().max(1.0) * step;
    let plot = height - TOP - BOTTOM;
    let mut v = 0.0;
    out.push_str(r#"<g class="axis y">"#);
    while v <= top + 1e-9 {
        let y = TOP + plot - v / top * plot;
        let _ = write!(
            out,
            r#"<line x1="{LEFT}" x2="{x2}" y1="{y:.1}" y2="{y:.1}"/><text x="{tx}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
            x2 = WIDTH - RIGHT,
            tx = LEFT - 6.0,
            ty = y + 4.0,
            label = fmt_count(v as u64)
        );
        v += step;
    }
    out.push_str("</g>");
    top
}

/// "12", "3,400", "1.2M".
pub fn fmt_count(n: u64) -> String {
    if n >= 10_000_000 {
        return format!("{:.1}M", n as f64 / 1e6);
    }
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The width of a timeline bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One day.
    Day,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
}

impl Unit {
    /// "day", "month", "year".
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The finest unit with at most 400 bars over `lo..=hi` (day numbers).
    pub fn for_range(lo: i64, hi: i64) -> Unit {
        let (a, b) = (civil(lo), civil(hi));
        let months = (b.year() - a.year()) as i64 * 12 + b.month().unwrap_or(1) as i64
            - a.month().unwrap_or(1) as i64
            + 1;
        if hi - lo < 400 {
            Unit::Day
        } else if months <= 400 {
            Unit::Month
        } else {
            Unit::Year
        }
    }
}

/// One bar of the timeline.
#[derive(Debug, Clone)]
pub struct Bin {
    /// First day (day number).
    pub lo: i64,
    /// Last day (day number).
    pub hi: i64,
    /// The bin as a date at its unit's precision.
    pub date: PartialDate,
    /// Events per kind.
    pub counts: BTreeMap<Kind, usize>,
}

impl Bin {
    fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

/// The bins covering `lo..=hi` (day numbers).
pub fn bins(lo: i64, hi: i64, unit: Unit) -> Vec<Bin> {
    let mut out = Vec::new();
    let mut day = lo;
    while day <= hi {
        let d = civil(day);
        let date = match unit {
            Unit::Day => d,
            Unit::Month => PartialDate::Month(d.year(), d.month().unwrap_or(1)),
            Unit::Year => PartialDate::Year(d.year()),
        };
        let (blo, bhi) = bounds(date);
        out.push(Bin {
            lo: blo,
            hi: bhi,
            date,
            counts: BTreeMap::new(),
        });
        day = bhi + 1;
    }
    out
}

/// Counts `date` of `kind` into the bin holding all of it; false when it
/// is too imprecise for the bins or outside them.
pub fn place(bins: &mut [Bin], date: PartialDate, kind: Kind) -> bool {
    let (lo, hi) = bounds(date);
    let i = bins.partition_point(|b| b.hi < lo);
    match bins.get_mut(i) {
        Some(b) if b.lo <= lo && hi <= b.hi => {
            *b.counts.entry(kind).or_default() += 1;
            true
        }
        _ => false,
    }
}

/// A timeline chart: one stacked bar per bin. Each bar links to `href` of
/// its range and carries `data-from`/`data-to` and its x extent for the
/// brush in `app.js`; `selected` (day numbers) is shaded.
pub fn timeline_svg(
    bins: &[Bin],
    unit: Unit,
    selected: Option<(i64, i64)>,
    href: &dyn Fn(PartialDate, PartialDate) -> String,
    label: &str,
) -> String {
    const HEIGHT: f64 = 230.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" data-brush="1">"#,
        label = esc(label)
    );
    let max = bins.iter().map(Bin::total).max().unwrap_or(0).max(1) as f64;
    let top = y_axis(&mut out, max, HEIGHT);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = bins.len().max(1) as f64;
    let bw = plot_w / n;
    let gap = if bw > 4.0 { 1.0 } else { 0.0 };
    if let (Some((slo, shi)), Some(first), Some(last)) = (selected, bins.first(), bins.last()) {
        // Shade the selected bins.
        let a = bins.partition_point(|b| b.hi < slo);
        let b = bins.partition_point(|b| b.lo <= shi);
        if a < b && slo <= last.hi && shi >= first.lo {
            let _ = write!(
                out,
                r#"<rect class="selected" x="{x:.2}" y="{TOP}" width="{w:.2}" height="{plot_h}"/>"#,
                x = LEFT + a as f64 * bw,
                w = (b - a) as f64 * bw
            );
        }
    }
    out.push_str(r#"<g class="bars">"#);
    for (i, bin) in bins.iter().enumerate() {
        let x = LEFT + i as f64 * bw;
        let (from, to) = (civil(bin.lo), civil(bin.hi));
        let total = bin.total();
        let mut tip = format!("{}: {} event{}", bin.date, total, plural(total));
        for (k, c) in &bin.counts {
            let _ = write!(tip, "\n{k}: {c}");
        }
        let _ = write!(
            out,
            r#"<g class="bin" data-from="{from}" data-to="{to}" data-x="{x:.2}" data-w="{bw:.2}"><a href="{href}"><title>{tip}</title><rect class="hit" x="{x:.2}" y="{TOP}" width="{bw:.2}" height="{plot_h}" fill="transparent"/>"#,
            href = esc(&href(from, to)),
            tip = esc(&tip),
        );
        let mut y = TOP + plot_h;
        for (k, c) in &bin.counts {
            let h = *c as f64 / top * plot_h;
            y -= h;
            let _ = write!(
                out,
                r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" fill="{colour}"/>"#,
                w = (bw - gap).max(0.5),
                colour = kind_colour(*k)
            );
        }
        out.push_str("</a></g>");
    }
    out.push_str("</g>");
    // X labels: at most eight, on bin starts.
    let every = (bins.len() as f64 / 8.0).ceil().max(1.0) as usize;
    out.push_str(r#"<g class="axis x">"#);
    for (i, bin) in bins.iter().enumerate().step_by(every) {
        let x = LEFT + i as f64 * bw;
        let text = match unit {
            Unit::Day => civil(bin.lo).to_string(),
            _ => bin.date.to_string(),
        };
        let _ = write!(
            out,
            r#"<line x1="{x:.2}" x2="{x:.2}" y1="{y1}" y2="{y2}"/><text x="{x:.2}" y="{ty}">{text}</text>"#,
            y1 = TOP + plot_h,
            y2 = TOP + plot_h + 4.0,
            ty = TOP + plot_h + 18.0,
        );
    }
    out.push_str("</g>");
    let _ = write!(
        out,
        r#"<rect class="brush" x="0" y="{TOP}" width="0" height="{plot_h}"/></svg>"#
    );
    out
}

/// One claimed figure, for [`claims_svg`].
pub struct Point {
    /// Report date.
    pub date: PartialDate,
    /// Lower bound.
    pub low: u64,
    /// Upper bound (equal to `low` for one number).
    pub high: u64,
    /// Hedged in the report.
    pub hedged: bool,
    /// Tooltip.
    pub tip: String,
}

/// How a figure developed: x the report date, y the number; one colour
/// and line per source, ranges as vertical bars, hedged claims hollow.
pub fn claims_svg(series: &[(String, Vec<Point>)], label: &str) -> String {
    const HEIGHT: f64 = 220.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="chart claims" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">"#,
        label = esc(label)
    );
    let all = || series.iter().flat_map(|(_, ps)| ps.iter());
    let max = all().map(|p| p.high.max(p.low)).max().unwrap_or(1).max(1) as f64;
    let lo = all().map(|p| bounds(p.date).0).min().unwrap_or(0);
    let hi = all().map(|p| bounds(p.date).1).max().unwrap_or(0);
    // Pad one day each side so single dates sit inside the plot.
    let (lo, hi) = (lo - 1, hi + 1);
    let top = y_axis(&mut out, max, HEIGHT);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let xs = |p: &Point| {
        let (a, b) = bounds(p.date);
        let mid = (a + b) as f64 / 2.0;
        LEFT + (mid - lo as f64) / (hi - lo) as f64 * plot_w
    };
    let ys = |v: u64| TOP + plot_h - v as f64 / top * plot_h;
    // X labels: first, last and a few between, by day.
    out.push_str(r#"<g class="axis x">"#);
    let ticks = 6.min((hi - lo) as usize);
    for t in 0..=ticks {
        let day = lo + (hi - lo) * t as i64 / ticks.max(1) as i64;
        let x = LEFT + (day - lo) as f64 / (hi - lo) as f64 * plot_w;
        // The last label ends at its tick, so it stays inside the chart.
        let anchor = if t == ticks && t > 0 {
            r#" class="end""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" x2="{x:.1}" y1="{y1}" y2="{y2}"/><text x="{x:.1}" y="{ty}"{anchor}>{d}</text>"#,
            y1 = TOP + plot_h,
            y2 = TOP + plot_h + 4.0,
            ty = TOP + plot_h + 18.0,
            d = civil(day)
        );
    }
    out.push_str("</g>");
    for (i, (name, points)) in series.iter().enumerate() {
        let colour = series_colour(i);
        let _ = write!(out, r#"<g class="series"><title>{}</title>"#, esc(name));
        if points.len() > 1 {
            let pts: Vec<String> = points
                .iter()
                .map(|p| format!("{:.1},{:.1}", xs(p), ys(p.low)))
                .collect();
            let _ = write!(
                out,
                r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
                pts.join(" ")
            );
        }
        for p in points {
            let (x, y) = (xs(p), ys(p.low));
            if p.high > p.low {
                let _ = write!(
                    out,
                    r#"<line x1="{x:.1}" x2="{x:.1}" y1="{y:.1}" y2="{y2:.1}" stroke="{colour}" stroke-width="4" stroke-opacity="0.5"/>"#,
                    y2 = ys(p.high)
                );
            }
            let fill = if p.hedged { "white" } else { colour };
            let _ = write!(
                out,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="{fill}" stroke="{colour}" stroke-width="2"><title>{}</title></circle>"#,
                esc(&p.tip)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// "" or "s".
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronik_merge::when::day_number;

    #[test]
    fn charts_units_by_range() {
        let d = |y, m, dd| day_number(y, m, dd);
        assert_eq!(Unit::for_range(d(2022, 1, 1), d(2022, 1, 31)), Unit::Day);
        assert_eq!(Unit::for_range(d(2019, 1, 1), d(2024, 12, 31)), Unit::Month);
        assert_eq!(Unit::for_range(d(1920, 1, 1), d(2024, 12, 31)), Unit::Year);
    }

    #[test]
    fn charts_bins_hold_events_of_their_precision() {
        let lo = day_number(2022, 1, 1);
        let hi = day_number(2022, 3, 31);
        let mut days = bins(lo, hi, Unit::Day);
        assert_eq!(days.len(), 90);
        assert!(place(&mut days, PartialDate::Day(2022, 1, 5), Kind::Riot));
        assert!(!place(&mut days, PartialDate::Month(2022, 1), Kind::Riot));
        assert!(!place(&mut days, PartialDate::Day(2023, 1, 5), Kind::Riot));
        let mut months = bins(lo, hi, Unit::Month);
        assert_eq!(months.len(), 3);
        assert!(place(&mut months, PartialDate::Month(2022, 2), Kind::Riot));
        assert_eq!(months[1].total(), 1);
    }

    #[test]
    fn charts_ticks_and_counts() {
        assert_eq!(tick_step(3.0), 1.0);
        assert_eq!(tick_step(37.0), 10.0);
        assert_eq!(tick_step(230.0), 100.0);
        assert_eq!(fmt_count(1234567), "1,234,567");
        assert_eq!(fmt_count(12), "12");
    }

    #[test]
    fn charts_timeline_escapes_and_links() {
        let lo = day_number(2022, 1, 5);
        let mut b = bins(lo, lo + 1, Unit::Day);
        place(&mut b, PartialDate::Day(2022, 1, 5), Kind::Demonstration);
        let svg = timeline_svg(
            &b,
            Unit::Day,
            Some((lo, lo)),
            &|f, t| format!("/?from={f}&to={t}"),
            "<x>",
        );
        assert!(
            svg.contains(r#"href="/?from=2022-01-05&amp;to=2022-01-05""#),
            "{svg}"
        );
        assert!(svg.contains(r#"aria-label="&lt;x&gt;""#));
        assert!(svg.contains(r#"class="selected""#));
    }
}
