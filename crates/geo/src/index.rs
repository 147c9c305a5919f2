//! The name index. Every gazetteer name is split into folded words; a name
//! is identified by a 64-bit hash chained over its words' hashes. Loading
//! only hashes and sorts (no hash-table inserts: fast and cache friendly);
//! lookups go through a directory on the hash's top bits to a handful of
//! sorted keys. Matching walks from each text word with all base forms of
//! the following words at once, so inflected multi-word names
//! (`Нижнего Новгорода`, `Мангистауской области`) cost no more than exact
//! ones, and the whole scan is linear in the text.
//!
//! Hashes stand in for strings: a false match needs a 64-bit collision
//! (about one in 10^14 lookups); the test `index_has_no_collisions` checks
//! that the embedded names hash apart.

/// A place a name may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cand {
    /// Index of the place record.
    pub place: u32,
    /// How much the name is worth: 0 a GeoNames alternate name or a
    /// romanisation, 1 the place's own, localized or curated name, 2 a name
    /// of an alias file (it overrides the gazetteer).
    pub rank: u8,
}

/// The places of a name: usually one, kept inline.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cands {
    first: Option<Cand>,
    rest: Vec<Cand>,
}

impl Cands {
    /// All candidates, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Cand> {
        self.first.iter().chain(self.rest.iter())
    }

    /// No candidate.
    pub fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    /// Adds `place`, or raises its rank when present.
    pub fn add(&mut self, place: u32, rank: u8) {
        let empty = self.first.is_none();
        let found = self
            .first
            .iter_mut()
            .chain(self.rest.iter_mut())
            .find(|c| c.place == place);
        match found {
            Some(c) => c.rank = c.rank.max(rank),
            None if empty => self.first = Some(Cand { place, rank }),
            None => self.rest.push(Cand { place, rank }),
        }
    }
}

/// What a name means. Masks are per language ([`crate::Lang::mask`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    /// Places with this name (in all languages).
    pub cands: Cands,
    /// Not a place in these languages (a blocker: `Nursultan Nasarbajew`).
    pub stop: u8,
    /// A given name: not a place when a capitalised word follows, and a
    /// place name right after it is a surname.
    pub person: u8,
    /// A title or office (`Präsident`, `Herr`, `Minister`): the capitalised
    /// word after it is a person's name.
    pub title: u8,
    /// A region word (`Region`, `Provinz`, `область`).
    pub region_word: u8,
    /// A nearness cue (`bei`, `near`, `под`).
    pub near: u8,
    /// A word of organisation names (`FC`, `Universität`, `Times`): a place
    /// name next to it is part of an organisation's name.
    pub org_word: u8,
    /// A landmark word (`Straße`, `See`, `Dreieck`): with a capitalised
    /// adjective before it, an area (`Tegeler See`).
    pub landmark: u8,
    /// A word that heads an area name (`St.`, `Lido`, `Cerro`).
    pub area_head: u8,
    /// A word that ends an area name (`River`, `Hall`, `Avenue`).
    pub area_tail: u8,
    /// A district word of hyphenated names (`Berlin-Mitte`).
    pub district: u8,
    /// A geographic area without an event location (seas, rivers,
    /// mountains, historic states).
    pub area: u8,
    /// Listed in that language's alias file: generated stop words do not
    /// apply.
    pub curated: u8,
}

/// What an [`Item`] adds to its name's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Add {
    /// A candidate place with the rank of the name ([`Cand::rank`]).
    Place {
        place: u32,
        rank: u8,
    },
    /// Flags for the languages of the mask.
    Stop,
    Person,
    Title,
    RegionWord,
    Near,
    OrgWord,
    Landmark,
    AreaHead,
    AreaTail,
    District,
    Area,
    Curated,
}

/// One name (or alias-file phrase) while loading.
#[derive(Debug, Clone, Copy)]
struct Item {
    hash: u64,
    add: Add,
    mask: u8,
}

/// Sorted 64-bit keys with a directory on their top bits.
#[derive(Debug, Default)]
pub(crate) struct Sorted {
    keys: Vec<u64>,
    dir: Vec<u32>,
}

const DIR_BITS: u32 = 16;

impl Sorted {
    /// From sorted, deduplicated keys.
    pub(crate) fn new(keys: Vec<u64>) -> Sorted {
        let mut dir = Vec::with_capacity((1 << DIR_BITS) + 1);
        let mut k = 0usize;
        for bucket in 0..=(1u64 << DIR_BITS) {
            while k < keys.len() && (keys[k] >> (64 - DIR_BITS)) < bucket {
                k += 1;
            }
            dir.push(k as u32);
        }
        Sorted { keys, dir }
    }

    pub(crate) fn find(&self, h: u64) -> Option<usize> {
        let b = (h >> (64 - DIR_BITS)) as usize;
        let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
        self.keys[lo..hi]
            .iter()
            .position(|&k| k == h)
            .map(|p| lo + p)
    }
}

/// The murmur3 64-bit finaliser.
fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Hash of a folded word.
pub(crate) fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let b = w.as_bytes();
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(x)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fmix(h ^ b.len() as u64)
}

/// The hash of the empty name (start of a chain).
pub(crate) const START: u64 = 0x9e37_79b9_7f4a_7c15;

/// Extends a name's hash by one word's hash.
pub(crate) fn chain(h: u64, w: u64) -> u64 {
    fmix(h.rotate_left(23) ^ w)
}

/// Collects names while loading; [`Builder::build`] sorts them into an
/// [`Index`].
#[derive(Default)]
pub(crate) struct Builder {
    items: Vec<Item>,
    words: Vec<u64>,
    prefixes: Vec<u64>,
    max_words: usize,
}

impl Builder {
    pub fn reserve(&mut self, names: usize) {
        self.items.reserve(names);
        self.words.reserve(names * 2);
    }

    /// Adds a name given as folded words.
    pub fn add<'w>(&mut self, words: impl IntoIterator<Item = &'w str>, add: Add, mask: u8) {
        let mut h = START;
        let mut n = 0;
        for w in words {
            if n > 0 {
                self.prefixes.push(h);
            }
            let wh = word_hash(w);
            self.words.push(wh);
            h = chain(h, wh);
            n += 1;
        }
        if n == 0 {
            return;
        }
        self.max_words = self.max_words.max(n);
        self.items.push(Item { hash: h, add, mask });
    }

    pub fn build(mut self) -> Index {
        self.items.sort_unstable_by_key(|i| i.hash);
        let mut keys = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        for it in &self.items {
            if keys.last() != Some(&it.hash) {
                keys.push(it.hash);
                entries.push(Entry::default());
            }
            let e = entries.last_mut().expect("pushed above");
            match it.add {
                Add::Place { place, rank } => e.cands.add(place, rank),
                Add::Stop => e.stop |= it.mask,
                Add::Person => e.person |= it.mask,
                Add::Title => e.title |= it.mask,
                Add::RegionWord => e.region_word |= it.mask,
                Add::Near => e.near |= it.mask,
                Add::OrgWord => e.org_word |= it.mask,
                Add::Landmark => e.landmark |= it.mask,
                Add::AreaHead => e.area_head |= it.mask,
                Add::AreaTail => e.area_tail |= it.mask,
                Add::District => e.district |= it.mask,
                Add::Area => e.area |= it.mask,
                Add::Curated => e.curated |= it.mask,
            }
        }
        // Candidates in load order (the sort is unstable).
        for e in &mut entries {
            if !e.cands.rest.is_empty() {
                let mut all: Vec<Cand> = e.cands.iter().copied().collect();
                all.sort_by_key(|c| c.place);
                e.cands.first = all.first().copied();
                e.cands.rest = all[1..].to_vec();
            }
        }
        self.words.sort_unstable();
        self.words.dedup();
        self.prefixes.sort_unstable();
        self.prefixes.dedup();
        Index {
            names: Sorted::new(keys),
            entries,
            words: Sorted::new(self.words),
            prefixes: Sorted::new(self.prefixes),
            max_words: self.max_words,
        }
    }
}

/// Names, their entries, and the words they consist of.
#[derive(Debug, Default)]
pub(crate) struct Index {
    names: Sorted,
    pub entries: Vec<Entry>,
    words: Sorted,
    prefixes: Sorted,
    /// Longest name in words.
    pub max_words: usize,
}

impl Index {
    /// True when some name contains the word (by hash).
    pub fn has_word(&self, wh: u64) -> bool {
        self.words.find(wh).is_some()
    }

    /// The entry of the name with chained hash `h`.
    pub fn entry(&self, h: u64) -> Option<usize> {
        self.names.find(h)
    }

    /// True when some longer name starts with the words of hash `h`.
    pub fn is_prefix(&self, h: u64) -> bool {
        self.prefixes.find(h).is_some()
    }

    /// Number of distinct words.
    pub fn words(&self) -> usize {
        self.words.keys.len()
    }
}
