//! The records of EVENTS.md: documents (§1), event mentions (§2), figures
//! (§3) and the per-document result line (§4).

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::kind::{ActorRole, EventType, FigureWhat, Kind, Qualifier, SubType};

/// A news report. `text` is never modified after reading: every span in the
/// output points into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier (given, file name, or derived from the content).
    pub id: String,
    /// Where the report was published, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date at the precision the source gives.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// ISO 639-1 language code, when given or identified.
    #[serde(default)]
    pub lang: Option<String>,
    /// The article text, unchanged.
    pub text: String,
}

/// `[start, end)` in Unicode scalar values (chars) of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct CharSpan {
    /// First char, inclusive.
    pub start: usize,
    /// Last char, exclusive.
    pub end: usize,
}

impl CharSpan {
    /// A span; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> CharSpan {
        CharSpan {
            start,
            end: end.max(start),
        }
    }

    /// Number of chars two spans share.
    pub fn overlap(self, other: CharSpan) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Length in chars.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

impl From<[usize; 2]> for CharSpan {
    fn from(a: [usize; 2]) -> CharSpan {
        CharSpan::new(a[0], a[1])
    }
}

impl From<CharSpan> for [usize; 2] {
    fn from(s: CharSpan) -> [usize; 2] {
        [s.start, s.end]
    }
}

/// Where a happening took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// English GeoNames name of the most specific place named, or null.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// GeoNames id, when known.
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// First-level administrative division (GeoNames admin1 name), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude in degrees, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// ACLED geo_precision: 1 the town itself, 2 near a town or part of a
    /// region, 3 a region or larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_precision: Option<u8>,
}

impl Location {
    /// A location known only by its country.
    pub fn country_only(country: &str) -> Location {
        Location {
            name: None,
            country: Some(country.to_string()),
            geonames_id: None,
            admin1: None,
            lat: None,
            lon: None,
            geo_precision: None,
        }
    }
}

/// One clause that asserts a concrete happening (EVENTS.md §2).
///
/// `type` is derived from `sub_type` on output, so the two never disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// The fine-grained happening.
    pub kind: Kind,
    /// ACLED sub-event type.
    pub sub_type: SubType,
    /// Verbatim words of the text asserting the happening.
    pub evidence: String,
    /// Where `evidence` stands in the text.
    pub span: CharSpan,
    /// When, as precisely as the text allows.
    pub date: Option<PartialDate>,
    /// Where.
    pub location: Option<Location>,
    /// Who acts.
    pub actor1: Option<ActorRole>,
    /// Whom it targets.
    pub actor2: Option<ActorRole>,
    /// The text marks the claim as uncertain or second-hand.
    pub hedged: bool,
    /// Who the text attributes the claim to.
    pub source: Option<String>,
}

impl EventMention {
    /// The ACLED event type.
    pub fn event_type(&self) -> EventType {
        self.sub_type.event_type()
    }
}

/// The wire shape of [`EventMention`], field for field as EVENTS.md §2.
#[derive(Serialize, Deserialize)]
struct EventMentionWire {
    kind: Kind,
    #[serde(rename = "type")]
    event_type: EventType,
    sub_type: SubType,
    evidence: String,
    span: CharSpan,
    date: Option<PartialDate>,
    location: Option<Location>,
    actor1: Option<ActorRole>,
    actor2: Option<ActorRole>,
    hedged: bool,
    source: Option<String>,
}

impl Serialize for EventMention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        EventMentionWire {
            kind: self.kind,
            event_type: self.event_type(),
            sub_type: self.sub_type,
            evidence: self.evidence.clone(),
            span: self.span,
            date: self.date,
            location: self.location.clone(),
            actor1: self.actor1,
            actor2: self.actor2,
            hedged: self.hedged,
            source: self.source.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for EventMention {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = EventMentionWire::deserialize(d)?;
        if w.sub_type.event_type() != w.event_type {
            return Err(serde::de::Error::custom(format!(
                "sub_type {} does not belong to type {}",
                w.sub_type, w.event_type
            )));
        }
        Ok(EventMention {
            kind: w.kind,
            sub_type: w.sub_type,
            evidence: w.evidence,
            span: w.span,
            date: w.date,
            location: w.location,
            actor1: w.actor1,
            actor2: w.actor2,
            hedged: w.hedged,
            source: w.source,
        })
    }
}

/// A number the text claims about people killed, injured, ... (EVENTS.md §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What is counted.
    pub what: FigureWhat,
    /// Lower bound, when the words give one.
    pub low: Option<u64>,
    /// Upper bound, when the words give one.
    pub high: Option<u64>,
    /// How the bounds are given.
    pub qualifier: Qualifier,
    /// Verbatim words of the figure.
    pub evidence: String,
    /// Where `evidence` stands in the text.
    pub span: CharSpan,
    /// The text marks the claim as uncertain or second-hand.
    pub hedged: bool,
    /// Who the text attributes the number to.
    pub source: Option<String>,
}

/// One line of `chronik extract` output (EVENTS.md §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocResult {
    /// The document id.
    pub id: String,
    /// The language the document was processed as (given or identified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// True when at least one event mention was found.
    pub relevant: bool,
    /// Event mentions in text order.
    pub events: Vec<EventMention>,
    /// Figures in text order.
    pub figures: Vec<Figure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_wire_shape() {
        let m = EventMention {
            kind: Kind::Storming,
            sub_type: SubType::ViolentDemonstration,
            evidence: "stormed the city hall".into(),
            span: CharSpan::new(4, 25),
            date: Some(PartialDate::Month(2022, 1)),
            location: None,
            actor1: Some(ActorRole::Protesters),
            actor2: None,
            hedged: false,
            source: None,
        };
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["type"], "riot");
        assert_eq!(v["sub_type"], "violent_demonstration");
        assert_eq!(v["span"], serde_json::json!([4, 25]));
        assert_eq!(v["date"], "2022-01");
        let back: EventMention = serde_json::from_value(v).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn mention_rejects_inconsistent_type() {
        let v = serde_json::json!({"kind":"arrest","type":"protest","sub_type":"arrests",
            "evidence":"x","span":[0,1],"date":null,"location":null,"actor1":null,
            "actor2":null,"hedged":false,"source":null});
        assert!(serde_json::from_value::<EventMention>(v).is_err());
    }

    #[test]
    fn span_overlap() {
        let a = CharSpan::new(0, 10);
        assert_eq!(a.overlap(CharSpan::new(5, 20)), 5);
        assert_eq!(a.overlap(CharSpan::new(10, 20)), 0);
        assert_eq!(a.overlap(CharSpan::new(2, 3)), 1);
    }
}
