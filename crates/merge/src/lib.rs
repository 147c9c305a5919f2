//! chronik-merge: event mentions from many reports → real-world events,
//! and many figures → claims side by side with one consolidated number.
//!
//! ```text
//! [MentionRecord] ──cluster──▶ [Event { id, family, kind, date, location, members }]
//! text + mentions + figures ──link_figures──▶ figure → mention
//! [Claim] ──reconcile──▶ Reconciled { acled, latest, low, high }
//! [(country, date)] ──episodes──▶ [Episode]
//! ```
//!
//! Everything here is a pure function over plain data: no I/O, no clock,
//! no globals beyond the embedded cue list. [`cluster()`] depends only on the
//! *set* of mentions it is given, so a store can re-cluster a block of
//! mentions whenever new reports arrive and always reach the state a
//! single run over all reports would reach. Event ids derive from content
//! (family, place, date, earliest report).
//!
//! The merge rules follow EVENTS.md §7 and ACLED's event unit; they are
//! written out in [`cluster`](mod@cluster) and [`family`].
#![deny(missing_docs)]

pub mod claims;
pub mod cluster;
pub mod episode;
pub mod family;
pub mod id;
pub mod place;
pub mod when;

pub use claims::{Claim, Reconciled, link_figures, reconcile};
pub use cluster::{Event, MASS_COUNT, MentionRecord, block_key, cluster, focus};
pub use episode::{EPISODE_GAP_DAYS, Episode, episodes};
pub use family::Family;
pub use id::{fnv1a64, stable_id};
pub use place::{Place, Relation, fold};
