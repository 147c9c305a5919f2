//! The recognition recipe: certain rules first, guesses last.
//!
//! 1. aliases of canonical entities (leftmost-longest);
//! 2. a person alias takes the first names, patronymic and hyphenated
//!    parts before it ("Kassym-Jomart" + "Tokayev");
//! 3. initials with a surname ("K. Tokayev", "Назарбаев Н. А.");
//! 4. title and function cues: the capitalised run after "Präsident",
//!    "Innenminister", "глава МВД" is a person with the cue's role (a
//!    "former"/"ehemalig"/"бывший" before the cue makes it `other`); the
//!    run (or quoted name) after "Nachrichtenagentur", "партия" an
//!    organisation;
//! 5. a first name followed by a surname;
//! 6. organisation head words (compounds, "… Committee", "Ministry of …",
//!    "Министерство …" with genitives);
//! 7. acronyms in capitals ("ФСБ", "FC Nürnberg");
//! 8. a surname or single-word organisation found by a pattern, named
//!    again alone later in the text, with the same role.
//!
//! Each step only claims tokens no earlier step claimed, so mentions never
//! overlap. Every step is a single pass over the tokens with bounded
//! look-around: linear time.

use chronik_model::ActorRole;

use crate::text::{Tok, is_patronymic, tokenize};
use crate::{
    CueKind, Entities, EntityId, EntityKind, EntityMention, FastMap, Lang, OrgPos, OrgWord, Rule,
    Title,
};

/// A mention over token positions.
#[derive(Debug, Clone)]
struct Found {
    first: usize,
    end: usize,
    kind: EntityKind,
    entity: Option<EntityId>,
    role: Option<ActorRole>,
    rule: Rule,
}

/// Longest name found by a pattern, in tokens.
const MAX_NAME: usize = 4;
/// Longest person name after a title, in tokens (particles not counted).
const MAX_PERSON: usize = 3;
/// Words between a cue and the name it introduces ("президент Казахстана
/// X", "министр внутренних дел X").
const MAX_CUE_SKIP: usize = 4;

/// Name particles ("von", "van der", "bin"); `der`/`den`/`de` only after
/// another particle ("von der Leyen", "van der Vaart").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "da", "di", "du", "del", "della", "bin", "ibn", "al", "ter", "le", "фон",
    "ван", "де", "ле", "ла", "аль", "бин", "ибн", "бен",
];
const PARTICLES_AFTER: &[&str] = &["der", "den", "de", "la", "дер", "де"];
/// Words inside organisation names.
const CONNECTORS_EN: &[&str] = &["of", "for", "to", "on", "and", "the", "&"];
const CONNECTORS_DE: &[&str] = &["für", "der", "des", "und", "von"];
/// Words that may follow a leading head word ("Ministry of …").
const HEAD_CONNECTORS: &[&str] = &["of", "for", "to", "on", "für", "der", "des", "von"];
/// Dotted letters that are countries, not initials ("U.S.").
const NOT_INITIALS: &[&str] = &["us", "uk", "eu", "un", "uae", "ussr", "sa"];

struct Doc<'a> {
    e: &'a Entities,
    toks: Vec<Tok>,
    lang: Option<Lang>,
    found: Vec<Found>,
    /// Index into `found` of the mention covering each token.
    cover: Vec<Option<usize>>,
    /// Per token, looked up once: the title cue starting there.
    title: Vec<Option<(usize, Title)>>,
    /// Per token: a stopword (`stop_word`), or one by its ending too (`stop`).
    stop_word: Vec<bool>,
    stop: Vec<bool>,
    /// Per token: the organisation word it is, by position (last, suffix,
    /// first).
    org: Vec<[Option<OrgWord>; 3]>,
}

pub(crate) fn recognize(e: &Entities, text: &str, lang: Option<Lang>) -> Vec<EntityMention> {
    let toks = tokenize(text);
    let n = toks.len();
    let mut d = Doc {
        e,
        toks,
        lang,
        found: Vec::new(),
        cover: vec![None; n],
        title: Vec::new(),
        stop_word: Vec::new(),
        stop: Vec::new(),
        org: Vec::new(),
    };
    d.title = (0..n).map(|i| d.lookup_title(i)).collect();
    d.stop_word = (0..n).map(|i| d.lookup_stop_word(i)).collect();
    d.stop = (0..n)
        .map(|i| d.stop_word[i] || d.lookup_stop_ending(i))
        .collect();
    d.org = (0..n).map(|i| d.lookup_org(i)).collect();
    d.aliases();
    d.extend_persons_left();
    d.initials();
    d.titles();
    d.first_names();
    d.org_words();
    d.acronyms();
    d.repeats();
    d.finish()
}

impl Doc<'_> {
    // --- helpers ---------------------------------------------------------

    fn n(&self) -> usize {
        self.toks.len()
    }

    fn lang_ok(&self, l: Lang) -> bool {
        self.lang.is_none_or(|x| x == l)
    }

    fn covered(&self, i: usize) -> bool {
        self.cover[i].is_some()
    }

    /// A stopword, or a word with a stopword ending (*ung, *heit).
    fn stop(&self, i: usize) -> bool {
        self.stop[i]
    }

    /// A stopword itself; organisation names may hold words with stopword
    /// endings ("Ministerium für Bildung").
    fn stop_word(&self, i: usize) -> bool {
        self.stop_word[i]
    }

    fn lookup_stop_ending(&self, i: usize) -> bool {
        let bits = self.lang.map_or(7, Lang::bit);
        let t = &self.toks[i];
        t.cap
            && self.e.stop_endings.iter().any(|(end, b)| {
                b & bits != 0 && t.lower.len() > end.len() + 2 && t.lower.ends_with(end.as_str())
            })
    }

    fn lookup_stop_word(&self, i: usize) -> bool {
        let bits = self.lang.map_or(7, Lang::bit);
        let t = &self.toks[i];
        if !(t.cap || t.cyrillic) {
            // Lower-case Latin words are never read as names.
            return false;
        }
        let hit = |k: &str| self.e.stopwords.get(k).is_some_and(|b| b & bits != 0);
        hit(&t.key) || (t.cyrillic && hit(&t.lower))
    }

    /// A capitalised word that may be part of an organisation's name.
    fn org_name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap && !t.numeric && !self.stop_word(i) && self.title_at(i).is_none()
    }

    fn place(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap
            && (self.e.places.contains(&t.key)
                || t.alt.as_ref().is_some_and(|a| self.e.places.contains(a)))
    }

    fn first_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap
            && !t.upper
            && (self.e.firstnames.contains(&t.key)
                || t.alt
                    .as_ref()
                    .is_some_and(|a| self.e.firstnames.contains(a)))
    }

    /// A first name by its own form (no genitive reading: "Williams" is a
    /// surname, not William's).
    fn first_name_exact(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap && !t.upper && self.e.firstnames.contains(&t.key)
    }

    fn title_at(&self, i: usize) -> Option<(usize, Title)> {
        self.title[i]
    }

    /// The document's language, or all of them.
    fn langs(&self) -> &'static [Lang] {
        match self.lang {
            Some(Lang::De) => &[Lang::De],
            Some(Lang::En) => &[Lang::En],
            Some(Lang::Ru) => &[Lang::Ru],
            None => &Lang::ALL,
        }
    }

    fn lookup_title(&self, i: usize) -> Option<(usize, Title)> {
        let mut best: Option<(usize, Title)> = None;
        for l in self.langs() {
            if let Some((end, t)) = self.e.titles[l.index()].longest_at(&self.toks, i, |_| true)
                && best.is_none_or(|(e, _)| end > e)
            {
                best = Some((end, *t));
            }
        }
        best
    }

    fn orgword_at(&self, i: usize, pos: OrgPos) -> Option<OrgWord> {
        self.org[i][pos as usize]
    }

    /// Organisation words are capitalised, or Russian ("суд" after
    /// "Верховный").
    fn lookup_org(&self, i: usize) -> [Option<OrgWord>; 3] {
        let t = &self.toks[i];
        let mut out = [None; 3];
        if !(t.cap || t.cyrillic) {
            return out;
        }
        for l in self.langs() {
            self.e.orgwords[l.index()].single_word(t, |w| {
                if out[w.pos as usize].is_none() {
                    out[w.pos as usize] = Some(*w);
                }
            });
        }
        out
    }

    /// A capitalised word that may be part of a name.
    fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap && !t.numeric && !t.upper && !self.stop(i) && self.title_at(i).is_none()
    }

    fn particle(&self, i: usize) -> bool {
        let w = self.toks[i].lower.as_str();
        PARTICLES.contains(&w)
            || (i > 0
                && PARTICLES_AFTER.contains(&w)
                && PARTICLES.contains(&self.toks[i - 1].lower.as_str()))
    }

    /// A surname candidate: a name word of two or more letters that is no
    /// place and no organisation head ("Paris", "School").
    fn surname(&self, i: usize) -> bool {
        self.name_word(i)
            && self.toks[i].letters >= 2
            && !self.place(i)
            && self.orgword_at(i, OrgPos::Last).is_none()
    }

    /// A lower-case Russian word in the genitive (the tail of "министр
    /// внутренних дел", "Министерство обороны").
    fn ru_genitive(&self, i: usize) -> bool {
        const ENDS: &[&str] = &[
            "ого", "его", "ой", "ей", "ых", "их", "ии", "ов", "ев", "ы", "ел", "сти",
        ];
        let t = &self.toks[i];
        t.cyrillic
            && !t.cap
            && t.lower.chars().count() >= 3
            && ENDS.iter().any(|e| t.lower.ends_with(e))
    }

    /// Adds a mention unless it overlaps one found before; true if added.
    fn push(&mut self, f: Found) -> bool {
        if f.end <= f.first || (f.first..f.end).any(|i| self.covered(i)) {
            return false;
        }
        let idx = self.found.len();
        for c in &mut self.cover[f.first..f.end] {
            *c = Some(idx);
        }
        self.found.push(f);
        true
    }

    /// Moves the start of mention `m` back to `first`.
    fn extend_start(&mut self, m: usize, first: usize) {
        let old = self.found[m].first;
        if first >= old || (first..old).any(|i| self.covered(i)) {
            return;
        }
        for c in &mut self.cover[first..old] {
            *c = Some(m);
        }
        self.found[m].first = first;
    }

    fn person(first: usize, end: usize, role: Option<ActorRole>, rule: Rule) -> Found {
        Found {
            first,
            end,
            kind: EntityKind::Person,
            entity: None,
            role,
            rule,
        }
    }

    fn org(first: usize, end: usize, role: Option<ActorRole>, rule: Rule) -> Found {
        Found {
            first,
            end,
            kind: EntityKind::Org,
            entity: None,
            role,
            rule,
        }
    }

    // --- 1. aliases ------------------------------------------------------

    fn aliases(&mut self) {
        let mut i = 0;
        while i < self.n() {
            match self.e.aliases.longest_at(&self.toks, i, |_| true) {
                Some((end, &id)) => {
                    let ent = self.e.get(id);
                    self.push(Found {
                        first: i,
                        end,
                        kind: ent.kind,
                        entity: Some(id),
                        role: ent.role,
                        rule: Rule::Alias,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    // --- 2. given names before a known surname ---------------------------

    fn extend_persons_left(&mut self) {
        for m in 0..self.found.len() {
            if self.found[m].kind != EntityKind::Person {
                continue;
            }
            let start = self.found[m].first;
            let mut k = start;
            while k > 0 && start - k < 3 {
                let p = k - 1;
                let t = &self.toks[p];
                if self.toks[k].brk || self.covered(p) {
                    break;
                }
                let given = self.first_name(p) || is_patronymic(t) || self.toks[k].joined;
                if !(given && t.cap && !t.numeric && !self.stop(p) && self.title_at(p).is_none()) {
                    break;
                }
                k = p;
            }
            self.extend_start(m, k);
        }
    }

    // --- 3. initials -----------------------------------------------------

    fn initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap && t.dot_after && t.lower.chars().count() == 1 && !t.numeric
    }

    fn initials(&mut self) {
        let n = self.n();
        let mut i = 0;
        while i < n {
            if self.covered(i) || !self.initial(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n && self.initial(j) && !self.covered(j) {
                j += 1;
            }
            let letters: String = self.toks[i..j].iter().map(|t| t.lower.as_str()).collect();
            if NOT_INITIALS.contains(&letters.as_str()) {
                i = j;
                continue;
            }
            // Initials then surname: "K. Tokayev".
            if j < n && self.name_word(j) && self.toks[j].lower.chars().count() > 1 {
                if let Some(m) = self.cover[j] {
                    if self.found[m].kind == EntityKind::Person && self.found[m].first == j {
                        self.extend_start(m, i);
                    }
                } else {
                    let mut e = j + 1;
                    while e < n && self.toks[e].joined && self.name_word(e) && !self.covered(e) {
                        e += 1;
                    }
                    self.push(Self::person(i, e, None, Rule::Initials));
                }
                i = j;
                continue;
            }
            // Surname then initials: "Назарбаев Н. А.".
            if i > 0 && !self.toks[i].brk && self.name_word(i - 1) {
                let p = i - 1;
                if self.cover[p].is_none() {
                    self.push(Self::person(p, j, None, Rule::Initials));
                }
            }
            i = j;
        }
    }

    // --- 4. title and function cues -----------------------------------------

    fn titles(&mut self) {
        let mut i = 0;
        while i < self.n() {
            let Some((end, title)) = self.title_at(i) else {
                i += 1;
                continue;
            };
            match title.kind {
                CueKind::Former => {}
                CueKind::Person => {
                    let role = if self.former_before(i) {
                        Some(ActorRole::Other)
                    } else {
                        title.role
                    };
                    self.person_after(end, role);
                }
                CueKind::Org => self.org_after(end, title.role),
            }
            i = end;
        }
    }

    /// A "former" word right before the cue at `i` (one adjective may
    /// stand between: "der ehemalige kasachische Präsident").
    fn former_before(&self, i: usize) -> bool {
        (i.saturating_sub(2)..i).any(|j| {
            (j + 1..=i).all(|k| !self.toks[k].brk)
                && self
                    .title_at(j)
                    .is_some_and(|(end, t)| t.kind == CueKind::Former && end <= i)
        })
    }

    fn person_after(&mut self, from: usize, role: Option<ActorRole>) {
        let n = self.n();
        let mut j = from;
        let mut skipped = 0;
        while j < n
            && skipped < MAX_CUE_SKIP
            && !self.toks[j].brk
            && !self.covered(j)
            && (self.place(j)
                || self.ru_genitive(j)
                || (self.toks[j].cyrillic && self.toks[j].upper))
        {
            j += 1;
            skipped += 1;
        }
        if j >= n || self.toks[j].brk {
            return;
        }
        if let Some(m) = self.cover[j] {
            let f = &mut self.found[m];
            if f.kind == EntityKind::Person && f.first == j && f.role.is_none() {
                f.role = role;
            }
            return;
        }
        let mut start = j;
        let mut k = j;
        let mut words = 0;
        while k < n && words < MAX_PERSON && !self.covered(k) && (k == start || !self.toks[k].brk) {
            if k > start && self.particle(k) && k + 1 < n && self.toks[k + 1].cap {
                k += 1;
                continue;
            }
            if !self.name_word(k) || self.place(k) {
                break;
            }
            k += 1;
            words += 1;
        }
        while k > start && self.particle(k - 1) {
            k -= 1;
        }
        // "глава Роскосмоса Анатолий Перминов": the name starts at the
        // first name.
        if let Some(p) = (start + 1..k).find(|&p| self.first_name_exact(p)) {
            start = p;
        }
        if k == start || self.ru_not_a_name(start, k, role) {
            return;
        }
        match self.cover.get(k).copied().flatten() {
            Some(m) if !self.toks[k].brk && self.found[m].kind == EntityKind::Person => {
                self.extend_start(m, start);
                if self.found[m].role.is_none() {
                    self.found[m].role = role;
                }
            }
            _ => {
                self.push(Self::person(start, k, role, Rule::Title));
            }
        }
    }

    /// A single Russian word after a cue that is not a name: an
    /// organisation in the genitive after a bare function ("глава
    /// Роскосмоса"), or an adjective of a phrase ("председатель Верховного
    /// суда", "губернатор Свердловской области").
    fn ru_not_a_name(&self, start: usize, end: usize, role: Option<ActorRole>) -> bool {
        let t = &self.toks[start];
        // In Russian text a name after a Russian cue is written in Cyrillic
        // ("глава Facebook" names a company).
        if t.cyrillic != self.toks[start.saturating_sub(1)].cyrillic && !t.cyrillic {
            return self.lang == Some(Lang::Ru);
        }
        if end != start + 1 || !t.cyrillic || self.first_name(start) {
            return false;
        }
        let w = t.lower.as_str();
        let genitive = ["а", "я", "ы", "и"].iter().any(|e| w.ends_with(e));
        if role.is_none() && genitive {
            return true;
        }
        let adjective = [
            "ого", "его", "ой", "ей", "ых", "их", "ому", "ему", "ым", "им", "ая", "ое", "ую",
        ]
        .iter()
        .any(|e| w.ends_with(e));
        let next_noun = end < self.n()
            && !self.toks[end].brk
            && self.toks[end].cyrillic
            && !self.toks[end].cap
            && (self.ru_genitive(end)
                || ["а", "я", "ы", "и", "е", "у", "ю"]
                    .iter()
                    .any(|e| self.toks[end].lower.ends_with(e)));
        adjective && next_noun
    }

    fn org_after(&mut self, from: usize, role: Option<ActorRole>) {
        let n = self.n();
        if from >= n || self.covered(from) {
            return;
        }
        let t = &self.toks[from];
        if t.quote_open {
            if !(t.cap || t.upper || t.numeric) {
                return;
            }
            let mut k = from;
            while k < n && k - from < 2 * MAX_NAME && !self.covered(k) {
                if k > from && self.toks[k].brk {
                    return;
                }
                if self.toks[k].quote_close {
                    self.push(Self::org(from, k + 1, role, Rule::Descriptor));
                    return;
                }
                k += 1;
            }
            return;
        }
        if t.brk {
            return;
        }
        let mut k = from;
        while k < n
            && k - from < MAX_NAME
            && !self.covered(k)
            && (k == from || !self.toks[k].brk)
            && (self.name_word(k) || self.toks[k].upper)
            && !self.place(k)
        {
            k += 1;
        }
        if k > from {
            self.push(Self::org(from, k, role, Rule::Descriptor));
        }
    }

    // --- 5. first name + surname -------------------------------------------

    fn first_names(&mut self) {
        let n = self.n();
        let mut i = 0;
        while i < n {
            if self.covered(i) || !self.first_name_exact(i) || self.stop(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            // Hyphenated or second given names: "Jean-Luc", "George Walker".
            while j < n
                && j - i < 3
                && !self.toks[j].brk
                && !self.covered(j)
                && (self.toks[j].joined && self.name_word(j)
                    || self.first_name_exact(j) && j + 1 < n && self.surname(j + 1))
            {
                j += 1;
            }
            let mut patronymic = false;
            if j < n && !self.toks[j].brk && !self.covered(j) && is_patronymic(&self.toks[j]) {
                j += 1;
                patronymic = true;
            }
            while j + 1 < n && !self.toks[j].brk && self.particle(j) && self.toks[j + 1].cap {
                j += 1;
            }
            let surname = j < n && !self.toks[j].brk && self.surname(j);
            if !surname {
                // "Бориса Николаевича": given name and patronymic.
                if patronymic {
                    self.push(Self::person(i, j, None, Rule::FirstName));
                    i = j;
                } else {
                    i += 1;
                }
                continue;
            }
            if let Some(m) = self.cover[j] {
                if self.found[m].kind == EntityKind::Person && self.found[m].first == j {
                    self.extend_start(m, i);
                }
                i = j;
                continue;
            }
            let mut e = j + 1;
            while e < n && self.toks[e].joined && self.name_word(e) && !self.covered(e) {
                e += 1;
            }
            // "Heinrich Gottlob von Miltitz", "van der Vaart".
            let mut p = e;
            while p < n && !self.toks[p].brk && self.particle(p) {
                p += 1;
            }
            if p > e && p < n && !self.toks[p].brk && self.surname(p) && !self.covered(p) {
                e = p + 1;
            }
            self.push(Self::person(i, e, None, Rule::FirstName));
            i = e;
        }
    }

    // --- 6. organisation head words ----------------------------------------

    fn org_words(&mut self) {
        for i in 0..self.n() {
            if self.covered(i) {
                continue;
            }
            let _ = (self.orgword_at(i, OrgPos::Suffix)).is_some_and(|w| self.org_compound(i, w))
                || self.orgword_at(i, OrgPos::First).is_some_and(|w| {
                    if self.toks[i].cyrillic {
                        self.org_ru_head(i, w)
                    } else {
                        self.org_head_first(i, w)
                    }
                })
                || self
                    .orgword_at(i, OrgPos::Last)
                    .is_some_and(|w| self.org_head_last(i, w));
        }
    }

    fn de_adjective(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap
            && !self.stop(i)
            && t.lower.chars().count() >= 4
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|e| t.lower.ends_with(e))
    }

    fn connector(&self, i: usize) -> bool {
        let w = self.toks[i].lower.as_str();
        (self.lang_ok(Lang::En) && CONNECTORS_EN.contains(&w))
            || (self.lang_ok(Lang::De) && CONNECTORS_DE.contains(&w))
    }

    /// "of the", "für die": a connector may follow a connector only so.
    fn article_after(&self, k: usize) -> bool {
        matches!(
            (self.toks[k - 1].lower.as_str(), self.toks[k].lower.as_str()),
            ("of" | "for" | "to", "the") | ("für" | "von", "die" | "den" | "das")
        )
    }

    /// Capitalised words (with connectors inside) from `from`: the end.
    fn cap_run(&self, from: usize) -> usize {
        let n = self.n();
        let mut k = from;
        let mut end = from;
        while k < n && k - from < MAX_NAME + 1 && !self.covered(k) && !self.toks[k].brk {
            if self.org_name_word(k) {
                k += 1;
                end = k;
            } else if k > from && self.connector(k) && (k == end || self.article_after(k)) {
                k += 1;
            } else {
                break;
            }
        }
        end
    }

    /// "Bundesministerium für Bildung und Forschung", "Russische
    /// Verteidigungsministerium", "Amtsgericht Stockholm". A compound alone
    /// ("das Gesundheitsministerium") names a kind of body, not one body.
    fn org_compound(&mut self, i: usize, w: OrgWord) -> bool {
        // "Nachrichtenagentur" introduces a name; it is not one.
        if !self.toks[i].cap || self.stop(i) || self.title_at(i).is_some() {
            return false;
        }
        let mut first = i;
        while first > 0
            && i - first < 2
            && !self.toks[first].brk
            && !self.covered(first - 1)
            && !self.toks[first - 1].sent
            && self.de_adjective(first - 1)
        {
            first -= 1;
        }
        let mut end = i + 1;
        let n = self.n();
        if end + 1 < n && !self.toks[end].brk && self.connector(end) && !self.toks[end + 1].brk {
            let run = self.cap_run(end + 1);
            if run > end + 1 {
                end = run;
            }
        } else if end < n && !self.toks[end].brk && !self.covered(end) && self.place(end) {
            end += 1;
        }
        (first < i || end > i + 1) && self.push(Self::org(first, end, w.role, Rule::OrgWord))
    }

    /// "Ministry of Internal Affairs", "Ministerium für Staatssicherheit".
    fn org_head_first(&mut self, i: usize, w: OrgWord) -> bool {
        let n = self.n();
        let connector = HEAD_CONNECTORS.contains(&self.toks[(i + 1).min(n - 1)].lower.as_str());
        if !self.toks[i].cap || i + 2 >= n || self.toks[i + 1].brk || !connector {
            return false;
        }
        let end = self.cap_run(i + 2);
        end > i + 2 && self.push(Self::org(i, end, w.role, Rule::OrgWord))
    }

    /// "National Security Committee", "Kommunistische Partei",
    /// "Frankfurter Allgemeine".
    fn org_head_last(&mut self, i: usize, w: OrgWord) -> bool {
        if !self.toks[i].cap {
            return false;
        }
        let de = self.lang == Some(Lang::De);
        let mut first = i;
        let mut words = 0;
        while first > 0 && i - first < MAX_NAME + 1 && !self.toks[first].brk {
            let p = first - 1;
            if self.covered(p) {
                break;
            }
            let ok = if de {
                self.de_adjective(p) || self.place(p)
            } else {
                self.name_word(p) || self.toks[p].upper
            };
            if ok {
                first = p;
                words += 1;
            } else if p > 0 && self.connector(p) && !self.toks[p].brk && words > 0 {
                first = p;
            } else {
                break;
            }
        }
        while first < i && self.connector(first) {
            first += 1;
        }
        words > 0 && first < i && self.push(Self::org(first, i + 1, w.role, Rule::OrgWord))
    }

    /// "Министерство обороны", "Комитет национальной безопасности",
    /// "Верховный суд", "Госдума".
    fn org_ru_head(&mut self, i: usize, w: OrgWord) -> bool {
        let n = self.n();
        let mut end = i + 1;
        while end < n
            && end - i <= MAX_NAME
            && !self.toks[end].brk
            && !self.covered(end)
            && !self.stop(end)
            && (self.ru_genitive(end) || self.toks[end].upper || self.place(end))
        {
            end += 1;
        }
        let mut first = i;
        if i > 0 && !self.toks[i].brk && !self.covered(i - 1) {
            let t = &self.toks[i - 1];
            let adjective = ["ая", "ый", "ий", "ое", "ой", "ого", "ую", "ым"]
                .iter()
                .any(|e| t.lower.ends_with(e));
            if t.cap && t.cyrillic && adjective && !self.stop(i - 1) {
                first = i - 1;
            }
        }
        // A lower-case head ("суда", "организации") is a common noun.
        let head = &self.toks[i];
        let named = (head.cap && (end > i + 1 || !head.sent)) || first < i;
        named && self.push(Self::org(first, end, w.role, Rule::OrgWord))
    }

    // --- 7. acronyms ---------------------------------------------------------

    /// "KNB", "ФСБ", "SPD", "AfD" (capitals, at most one small letter).
    fn acronym(&self, i: usize) -> bool {
        let t = &self.toks[i];
        !t.numeric
            && t.letters <= 6
            && t.letters >= 2
            && t.caps >= 2
            && t.letters - t.caps <= 1
            && t.cap
            && t.lower.chars().all(char::is_alphabetic)
    }

    fn acronyms(&mut self) {
        let n = self.n();
        for i in 0..n {
            if self.covered(i) || !self.acronym(i) || self.stop(i) || self.place(i) {
                continue;
            }
            // A headline in capitals is not a row of acronyms.
            let caps_prev = i > 0 && self.toks[i - 1].upper && self.toks[i - 1].letters > 1;
            let caps_next = i + 1 < n && self.toks[i + 1].upper && self.toks[i + 1].letters > 1;
            if caps_prev && caps_next {
                continue;
            }
            // Units and codes stand next to numbers ("32 KB", "CHF 7").
            let number = |k: usize| self.toks[k].numeric && !self.toks[k].brk;
            if (i > 0 && self.toks[i - 1].numeric && !self.toks[i].brk)
                || (i + 1 < n && number(i + 1))
            {
                continue;
            }
            // "FC Nürnberg", "VfL Osnabrück", "МЧС России".
            let mut end = i + 1;
            while end < n
                && end - i <= 2
                && !self.toks[end].brk
                && !self.toks[end].joined
                && !self.covered(end)
                && self.toks[end].letters >= 2
                && (self.name_word(end) || self.place(end))
            {
                end += 1;
            }
            self.push(Self::org(i, end, None, Rule::Acronym));
        }
    }

    // --- 8. names again ----------------------------------------------------

    fn repeats(&mut self) {
        let mut known: FastMap<String, (EntityKind, Option<ActorRole>)> = FastMap::default();
        for f in &self.found {
            let single = f.end == f.first + 1;
            let learn = match (f.kind, f.rule) {
                (_, Rule::Alias | Rule::Acronym | Rule::Repeat) => false,
                (EntityKind::Person, _) => !single,
                (EntityKind::Org, Rule::Descriptor) => single,
                _ => false,
            };
            if learn {
                let last = &self.toks[f.end - 1];
                if last.letters >= 3 {
                    known.entry(last.key.clone()).or_insert((f.kind, f.role));
                }
            }
        }
        if known.is_empty() {
            return;
        }
        for i in 0..self.n() {
            let t = &self.toks[i];
            if self.covered(i) || !t.cap || t.upper || self.stop(i) {
                continue;
            }
            let hit = known
                .get(&t.key)
                .or_else(|| t.alt.as_ref().and_then(|a| known.get(a)));
            if let Some(&(kind, role)) = hit {
                self.push(Found {
                    first: i,
                    end: i + 1,
                    kind,
                    entity: None,
                    role,
                    rule: Rule::Repeat,
                });
            }
        }
    }

    // --- result ---------------------------------------------------------------

    fn finish(mut self) -> Vec<EntityMention> {
        self.found.sort_by_key(|f| f.first);
        self.found
            .iter()
            .map(|f| EntityMention {
                byte_start: self.toks[f.first].byte_start,
                byte_end: self.toks[f.end - 1].byte_end,
                kind: f.kind,
                entity: f.entity,
                role: f.role,
                rule: f.rule,
            })
            .collect()
    }
}
