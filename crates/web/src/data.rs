//! The chronicle as the server reads it: read-only SQLite connections in a
//! small pool, queries run on tokio's blocking threads, and the results of
//! the event and claim queries kept in memory.
//!
//! Why a cache: a filtered event list with its reports and claims costs
//! tens of milliseconds on the dev corpus (one query per event for its
//! reports and claims), and every page of one filter needs the same list.
//! The server never writes, so a result stays valid until the database
//! file changes; the cache is keyed by the normalised filter and dropped
//! whenever the size or modification time of the database or its WAL
//! changes (an ingest running beside the server). Concurrent requests for
//! the same missing entry wait for one computation (`OnceCell`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use chronik_model::{CharSpan, FigureWhat, Kind};
use chronik_store::{Counts, EpisodeClaims, EventRow, Store, StoreError};
use tokio::sync::OnceCell;

use crate::WebError;
use crate::params::FilterKey;

/// Most cached results per kind before the cache starts over.
const CACHE_ENTRIES: usize = 64;
/// Idle connections kept.
const POOL_SIZE: usize = 8;

type Slot<T> = Arc<OnceCell<Arc<T>>>;

/// Claims are asked for by kind of figure and country.
type ClaimsKey = (Option<FigureWhat>, Option<String>);

/// The file state the cached results belong to.
type Generation = [(u64, Option<SystemTime>); 2];

#[derive(Default)]
struct Cache {
    generation: Option<Generation>,
    events: HashMap<FilterKey, Slot<Vec<EventRow>>>,
    claims: HashMap<ClaimsKey, Slot<Vec<EpisodeClaims>>>,
    event_pages: HashMap<String, Slot<Option<EventPage>>>,
}

/// A stored report with its text and mentions.
pub struct DocText {
    /// Document id.
    pub id: String,
    /// The whole text.
    pub text: String,
    /// Every mention of the document: span, kind, event.
    pub mentions: Vec<(CharSpan, Kind, Option<String>)>,
}

/// One event with the texts of its reports, in report order.
pub struct EventPage {
    /// The event with its reports and claims.
    pub event: EventRow,
    /// Each document once.
    pub docs: Vec<DocText>,
}

fn event_page(s: &Store, id: &str) -> Result<Option<EventPage>, StoreError> {
    let Some(event) = s.event(id)? else {
        return Ok(None);
    };
    let mut docs: Vec<DocText> = Vec::new();
    for r in &event.reports {
        if docs.iter().any(|d| d.id == r.id) {
            continue;
        }
        docs.push(DocText {
            id: r.id.clone(),
            text: s.document_text(&r.id)?.unwrap_or_default(),
            mentions: s.document_mentions(&r.id)?,
        });
    }
    Ok(Some(EventPage { event, docs }))
}

/// The chronicle database, opened read-only.
pub struct Chronicle {
    path: PathBuf,
    pool: Mutex<Vec<Store>>,
    cache: Mutex<Cache>,
    counts: Counts,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data; keep serving.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn file_state(path: &Path) -> (u64, Option<SystemTime>) {
    match std::fs::metadata(path) {
        Ok(m) => (m.len(), m.modified().ok()),
        Err(_) => (0, None),
    }
}

impl Chronicle {
    /// Opens an existing database read-only and checks that this build
    /// can read it.
    pub fn open(path: &Path) -> Result<Chronicle, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let store = Store::open_read_only(path)?;
        let version = store.schema_version()?;
        let supported = chronik_store::schema::current_version();
        if version > supported {
            return Err(StoreError::TooNew {
                found: version,
                supported,
            });
        }
        if version < supported {
            return Err(StoreError::Corrupt(format!(
                "schema version {version} is older than {supported}; \
                 run `chronik ingest` on it once to upgrade"
            )));
        }
        let counts = store.counts()?;
        Ok(Chronicle {
            path: path.to_path_buf(),
            pool: Mutex::new(vec![store]),
            cache: Mutex::new(Cache::default()),
            counts,
        })
    }

    /// Row counts when the server started.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// The database path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn generation(&self) -> Generation {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        [file_state(&self.path), file_state(Path::new(&wal))]
    }

    /// The cache, emptied first when the database changed.
    fn cache(&self) -> MutexGuard<'_, Cache> {
        let now = self.generation();
        let mut cache = lock(&self.cache);
        if cache.generation != Some(now) {
            cache.events.clear();
            cache.claims.clear();
            cache.event_pages.clear();
            cache.generation = Some(now);
        }
        cache
    }

    fn checkout(&self) -> Result<Store, StoreError> {
        if let Some(s) = lock(&self.pool).pop() {
            return Ok(s);
        }
        Store::open_read_only(&self.path)
    }

    fn checkin(&self, store: Store) {
        let mut pool = lock(&self.pool);
        if pool.len() < POOL_SIZE {
            pool.push(store);
        }
    }

    /// Runs `f` with a pooled connection on a blocking thread.
    pub async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let me = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = me.checkout()?;
            let out = f(&store);
            // A connection whose query failed is dropped, not reused.
            if out.is_ok() {
                me.checkin(store);
            }
            out
        })
        .await
        .map_err(|e| WebError::Task(e.to_string()))?
        .map_err(WebError::Store)
    }

    /// Events matching `key`, with reports and claims (cached).
    pub async fn events(self: &Arc<Self>, key: &FilterKey) -> Result<Arc<Vec<EventRow>>, WebError> {
        let slot = {
            let mut cache = self.cache();
            if cache.events.len() >= CACHE_ENTRIES && !cache.events.contains_key(key) {
                cache.events.clear();
            }
            Arc::clone(cache.events.entry(key.clone()).or_default())
        };
        let filter = key.clone();
        let rows = slot
            .get_or_try_init(|| async {
                self.with_store(move |s| s.events(&filter))
                    .await
                    .map(Arc::new)
            })
            .await?;
        Ok(Arc::clone(rows))
    }

    /// One event (by id, prefix or ACLED id) with its report texts
    /// (cached).
    pub async fn event_page(
        self: &Arc<Self>,
        id: &str,
    ) -> Result<Arc<Option<EventPage>>, WebError> {
        let slot = {
            let mut cache = self.cache();
            if cache.event_pages.len() >= CACHE_ENTRIES && !cache.event_pages.contains_key(id) {
                cache.event_pages.clear();
            }
            Arc::clone(cache.event_pages.entry(id.to_string()).or_default())
        };
        let id = id.to_string();
        let page = slot
            .get_or_try_init(|| async {
                self.with_store(move |s| event_page(s, &id))
                    .await
                    .map(Arc::new)
            })
            .await?;
        Ok(Arc::clone(page))
    }

    /// Claims per episode (cached).
    pub async fn claims(
        self: &Arc<Self>,
        what: Option<FigureWhat>,
        country: Option<String>,
    ) -> Result<Arc<Vec<EpisodeClaims>>, WebError> {
        let key = (what, country.clone());
        let slot = {
            let mut cache = self.cache();
            if cache.claims.len() >= CACHE_ENTRIES && !cache.claims.contains_key(&key) {
                cache.claims.clear();
            }
            Arc::clone(cache.claims.entry(key).or_default())
        };
        let rows = slot
            .get_or_try_init(|| async {
                self.with_store(move |s| s.claims(what, country.as_deref()))
                    .await
                    .map(Arc::new)
            })
            .await?;
        Ok(Arc::clone(rows))
    }
}
