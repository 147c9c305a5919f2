//! The lenient reading of gold and prediction lines (EVENTS.md §4).
//!
//! Gold and predictions share one shape, [`GoldDoc`], and both are read
//! leniently: labels (`kind`, `type`, `sub_type`, actor roles, `what`,
//! `qualifier`) stay strings, so a prediction with a label the model crate
//! does not know still scores (it just never equals gold); missing fields
//! take neutral defaults; `span` is optional and found later by searching
//! `evidence` in the document text (see [`locate`]). Only a line that is not
//! a JSON object with an `id` is an error.

use std::collections::HashSet;
use std::path::Path;

use chronik_model::{CharSpan, DocResult, EventMention, Figure, Location};
use serde::{Deserialize, Serialize};

use crate::error::EvalError;

/// One document line of a gold or prediction file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "GoldDocWire")]
pub struct GoldDoc {
    /// The document id (matches the corpus `id`).
    pub id: String,
    /// The document reports at least one event mention. When the line has
    /// no `relevant` field, it is true exactly when `events` is not empty.
    pub relevant: bool,
    /// Event mentions.
    pub events: Vec<GoldMention>,
    /// Figures.
    pub figures: Vec<GoldFigure>,
}

/// An event mention as read from gold or predictions (EVENTS.md §2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoldMention {
    /// Fine-grained kind, as written.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub kind: Option<String>,
    /// ACLED event type, as written.
    #[serde(rename = "type", deserialize_with = "lenient::opt_text")]
    pub event_type: Option<String>,
    /// ACLED sub-event type, as written.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub sub_type: Option<String>,
    /// The verbatim words (untrimmed: they are searched in the text).
    #[serde(deserialize_with = "lenient::text")]
    pub evidence: String,
    /// `[start, end)` in chars; absent in some gold lines.
    #[serde(deserialize_with = "lenient::opt_span")]
    pub span: Option<CharSpan>,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (kept as written).
    #[serde(deserialize_with = "lenient::opt_text")]
    pub date: Option<String>,
    /// Where; a location with no field set reads as null.
    #[serde(deserialize_with = "lenient::opt_location")]
    pub location: Option<GoldLocation>,
    /// Who acts, as a role name.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub actor1: Option<String>,
    /// Whom it targets, as a role name.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub actor2: Option<String>,
    /// Marked as uncertain or second-hand.
    #[serde(deserialize_with = "lenient::flag")]
    pub hedged: bool,
    /// Who the claim is attributed to; an empty string reads as null.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub source: Option<String>,
}

/// A location as read from gold or predictions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldLocation {
    /// English GeoNames name, or null.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2, or null.
    pub country: Option<String>,
    /// GeoNames id, when known.
    pub geonames_id: Option<u64>,
}

/// A figure as read from gold or predictions (EVENTS.md §3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoldFigure {
    /// What is counted, as written.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub what: Option<String>,
    /// Lower bound.
    #[serde(deserialize_with = "lenient::opt_count")]
    pub low: Option<u64>,
    /// Upper bound.
    #[serde(deserialize_with = "lenient::opt_count")]
    pub high: Option<u64>,
    /// How the bounds are given, as written.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub qualifier: Option<String>,
    /// The verbatim words (untrimmed).
    #[serde(deserialize_with = "lenient::text")]
    pub evidence: String,
    /// `[start, end)` in chars; absent in some gold lines.
    #[serde(deserialize_with = "lenient::opt_span")]
    pub span: Option<CharSpan>,
    /// Marked as uncertain or second-hand.
    #[serde(deserialize_with = "lenient::flag")]
    pub hedged: bool,
    /// Who the number is attributed to; an empty string reads as null.
    #[serde(deserialize_with = "lenient::opt_text")]
    pub source: Option<String>,
}

/// The wire form of [`GoldDoc`]: `relevant` may be missing.
#[derive(Deserialize)]
struct GoldDocWire {
    #[serde(deserialize_with = "lenient::id")]
    id: String,
    #[serde(default, deserialize_with = "lenient::opt_flag")]
    relevant: Option<bool>,
    #[serde(default, deserialize_with = "lenient::list")]
    events: Vec<GoldMention>,
    #[serde(default, deserialize_with = "lenient::list")]
    figures: Vec<GoldFigure>,
}

impl From<GoldDocWire> for GoldDoc {
    fn from(w: GoldDocWire) -> GoldDoc {
        GoldDoc {
            relevant: w.relevant.unwrap_or(!w.events.is_empty()),
            id: w.id,
            events: w.events,
            figures: w.figures,
        }
    }
}

impl GoldLocation {
    /// True when no field is set, which counts as no location at all.
    pub fn is_blank(&self) -> bool {
        self.name.is_none() && self.country.is_none() && self.geonames_id.is_none()
    }
}

impl From<&DocResult> for GoldDoc {
    fn from(r: &DocResult) -> GoldDoc {
        GoldDoc {
            id: r.id.clone(),
            relevant: r.relevant,
            events: r.events.iter().map(GoldMention::from).collect(),
            figures: r.figures.iter().map(GoldFigure::from).collect(),
        }
    }
}

impl From<&EventMention> for GoldMention {
    fn from(m: &EventMention) -> GoldMention {
        GoldMention {
            kind: Some(m.kind.as_str().to_string()),
            event_type: Some(m.event_type().as_str().to_string()),
            sub_type: Some(m.sub_type.as_str().to_string()),
            evidence: m.evidence.clone(),
            span: Some(m.span),
            date: m.date.map(|d| d.to_string()),
            location: m
                .location
                .as_ref()
                .map(GoldLocation::from)
                .filter(|l| !l.is_blank()),
            actor1: m.actor1.map(|a| a.as_str().to_string()),
            actor2: m.actor2.map(|a| a.as_str().to_string()),
            hedged: m.hedged,
            source: lenient::nonblank(m.source.as_deref()),
        }
    }
}

impl From<&Location> for GoldLocation {
    fn from(l: &Location) -> GoldLocation {
        GoldLocation {
            name: lenient::nonblank(l.name.as_deref()),
            country: lenient::nonblank(l.country.as_deref()),
            geonames_id: l.geonames_id,
        }
    }
}

impl From<&Figure> for GoldFigure {
    fn from(f: &Figure) -> GoldFigure {
        GoldFigure {
            what: Some(f.what.as_str().to_string()),
            low: f.low,
            high: f.high,
            qualifier: Some(f.qualifier.as_str().to_string()),
            evidence: f.evidence.clone(),
            span: Some(f.span),
            hedged: f.hedged,
            source: lenient::nonblank(f.source.as_deref()),
        }
    }
}

/// Reads a gold file (JSON Lines, one [`GoldDoc`] per line).
pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_docs(&text, &path.display().to_string())
}

/// Parses gold lines held in memory.
pub fn parse_gold(jsonl: &str) -> Result<Vec<GoldDoc>, EvalError> {
    parse_docs(jsonl, "gold")
}

/// Parses prediction lines (`chronik extract` output: one `DocResult` per
/// line) into the same lenient shape as gold.
pub fn parse_predictions(jsonl: &str) -> Result<Vec<GoldDoc>, EvalError> {
    parse_docs(jsonl, "predictions")
}

/// Parses document lines; blank lines are skipped, a repeated id is an error.
fn parse_docs(jsonl: &str, origin: &str) -> Result<Vec<GoldDoc>, EvalError> {
    let mut seen = HashSet::new();
    let mut docs = Vec::new();
    for (line, doc) in parse_lines::<GoldDoc>(jsonl, origin)? {
        if !seen.insert(doc.id.clone()) {
            return Err(EvalError::DuplicateId {
                origin: origin.to_string(),
                line,
                id: doc.id,
            });
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Parses each non-blank line as a `T`, with its 1-based line number.
pub(crate) fn parse_lines<T: serde::de::DeserializeOwned>(
    jsonl: &str,
    origin: &str,
) -> Result<Vec<(usize, T)>, EvalError> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map(|v| (i + 1, v))
                .map_err(|source| EvalError::Json {
                    origin: origin.to_string(),
                    line: i + 1,
                    source,
                })
        })
        .collect()
}

/// The char span of the first exact occurrence of `evidence` in `text`, or
/// `None` when there is no text, the evidence is empty or does not occur.
pub fn locate(text: Option<&str>, evidence: &str) -> Option<CharSpan> {
    let text = text?;
    if evidence.is_empty() {
        return None;
    }
    let byte_start = text.find(evidence)?;
    let start = text[..byte_start].chars().count();
    Some(CharSpan::new(start, start + evidence.chars().count()))
}

/// Field readers that accept what a hand-written or foreign file may hold.
mod lenient {
    use chronik_model::CharSpan;
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    use super::GoldLocation;

    /// A trimmed, non-empty string, or `None`.
    pub fn nonblank(s: Option<&str>) -> Option<String> {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    /// Strings trimmed (empty reads as null); numbers and booleans as text.
    fn text_of(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => nonblank(Some(s)),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A non-negative integer from a number or a numeric string.
    fn count_of(v: &Value) -> Option<u64> {
        match v {
            Value::Number(n) => n.as_u64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e18)
                    .map(|f| f as u64)
            }),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn flag_of(v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => Some(n.as_f64().is_some_and(|f| f != 0.0)),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(true),
                "false" | "no" | "0" | "" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(s),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(serde::de::Error::custom(format!(
                "id must be a string, not {other}"
            ))),
        }
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(s) => s,
            other => text_of(&other).unwrap_or_default(),
        })
    }

    pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(text_of(&Value::deserialize(d)?))
    }

    pub fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(count_of(&Value::deserialize(d)?))
    }

    pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        Ok(flag_of(&Value::deserialize(d)?).unwrap_or(false))
    }

    pub fn opt_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(flag_of(&Value::deserialize(d)?))
    }

    /// `[start, end]` with non-negative integers; anything else reads as absent.
    pub fn opt_span<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CharSpan>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Array(a) if a.len() == 2 => {
                let start = count_of(&a[0]).and_then(|n| usize::try_from(n).ok());
                let end = count_of(&a[1]).and_then(|n| usize::try_from(n).ok());
                start.zip(end).map(|(s, e)| CharSpan::new(s, e))
            }
            _ => None,
        })
    }

    /// An object `{name, country, geonames_id}` (a bare string is a name).
    pub fn opt_location<'de, D: Deserializer<'de>>(d: D) -> Result<Option<GoldLocation>, D::Error> {
        let loc = match Value::deserialize(d)? {
            Value::Object(o) => GoldLocation {
                name: o.get("name").and_then(text_of),
                country: o.get("country").and_then(text_of),
                geonames_id: o.get("geonames_id").and_then(count_of),
            },
            Value::String(s) => GoldLocation {
                name: nonblank(Some(&s)),
                ..GoldLocation::default()
            },
            _ => return Ok(None),
        };
        Ok((!loc.is_blank()).then_some(loc))
    }

    /// A list, where null reads as empty.
    pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_parses_leniently() {
        let jsonl = concat!(
            r#"{"id":"a","relevant":true,"events":[{"kind":"teleportation","type":"riot","#,
            r#""evidence":"x","date":2022,"location":{"name":"","country":null},"hedged":null}],"#,
            r#""figures":[{"what":"killed","low":"14","high":14.0,"span":[3,-1]}]}"#,
            "\n\n",
            r#"{"id":7,"events":null}"#,
            "\n",
            r#"{"id":"c","events":[{"kind":"arrest","span":[5,9],"location":"Almaty"}]}"#,
        );
        let docs = parse_gold(jsonl).unwrap();
        assert_eq!(docs.len(), 3);
        let m = &docs[0].events[0];
        assert_eq!(m.kind.as_deref(), Some("teleportation"));
        assert_eq!(m.event_type.as_deref(), Some("riot"));
        assert_eq!(m.sub_type, None);
        assert_eq!(m.date.as_deref(), Some("2022"));
        assert_eq!(m.location, None);
        assert!(!m.hedged);
        assert_eq!(m.span, None);
        let f = &docs[0].figures[0];
        assert_eq!((f.low, f.high, f.span), (Some(14), Some(14), None));
        assert_eq!(docs[1].id, "7");
        assert!(!docs[1].relevant, "no relevant field and no events");
        assert!(docs[2].relevant, "no relevant field but events");
        assert_eq!(docs[2].events[0].span, Some(CharSpan::new(5, 9)));
        assert_eq!(
            docs[2].events[0].location.as_ref().unwrap().name.as_deref(),
            Some("Almaty")
        );
    }

    #[test]
    fn gold_errors_name_the_line() {
        let cases: &[(&str, &str)] = &[
            ("{\"id\":\"a\"}\nnot json", "gold:2:"),
            ("{\"relevant\":true}", "gold:1:"),
            (
                "{\"id\":\"a\"}\n{\"id\":\"a\"}",
                "gold:2: duplicate document id \"a\"",
            ),
            ("{\"id\":\"a\",\"events\":[1]}", "gold:1:"),
        ];
        for (input, want) in cases {
            let err = parse_gold(input).unwrap_err().to_string();
            assert!(err.starts_with(want), "input {input:?}: {err}");
        }
    }

    #[test]
    fn gold_locate_table() {
        let text = "Über Nacht: Polizei räumte den Platz. Polizei räumte";
        type Case<'a> = (Option<&'a str>, &'a str, Option<[usize; 2]>);
        let cases: &[Case] = &[
            (Some(text), "Polizei räumte den Platz", Some([12, 36])),
            (Some(text), "Polizei räumte", Some([12, 26])),
            (Some(text), "Über", Some([0, 4])),
            (Some(text), "polizei", None),
            (Some(text), "", None),
            (None, "Polizei", None),
        ];
        for (text, evidence, want) in cases {
            assert_eq!(
                locate(*text, evidence),
                want.map(CharSpan::from),
                "evidence {evidence:?}"
            );
        }
    }

    #[test]
    fn gold_from_doc_result_round_trips() {
        let line = r#"{"id":"d","relevant":true,"events":[{"kind":"arrest","type":"strategic_development","sub_type":"arrests","evidence":"held","span":[0,4],"date":"2022-01","location":{"name":"Almaty","country":"KZ","geonames_id":1526384},"actor1":"police","actor2":null,"hedged":false,"source":""}],"figures":[{"what":"arrested","low":3,"high":null,"qualifier":"vague","evidence":"several","span":[5,12],"hedged":true,"source":"officials"}]}"#;
        let result: DocResult = serde_json::from_str(line).unwrap();
        let from_model = GoldDoc::from(&result);
        let parsed = parse_predictions(line).unwrap();
        assert_eq!(parsed, vec![from_model.clone()]);
        let back: GoldDoc =
            serde_json::from_str(&serde_json::to_string(&from_model).unwrap()).unwrap();
        assert_eq!(back, from_model);
    }
}
