//! chronik-model: the plain data types that flow through the pipeline.
//!
//! ```text
//! Document ──extract──▶ DocResult { events: [EventMention], figures: [Figure] }
//! ```
//!
//! The shapes follow `../shared/EVENTS.md` field for field. No I/O, no
//! globals; only `serde` for the wire format.
#![deny(missing_docs)]

pub mod date;
pub mod kind;
pub mod record;

pub use date::{DateError, PartialDate};
pub use kind::{ActorRole, EventType, FigureWhat, Kind, Qualifier, SubType, UnknownName};
pub use record::{CharSpan, DocResult, Document, EventMention, Figure, Location};
