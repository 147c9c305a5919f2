//! The token view the rules read: tokens, their lexicon matches, and small
//! typed readers ("a day number here?", "a month name here?") that return
//! the value and the token after it.
//!
//! Readers never look further than a few tokens ahead, so the rules built
//! on them keep tagging linear in the length of the text.

use crate::expr::{Anchor, DayPart, Part, Season, Unit, YearSpec};
use crate::lexicon::{Ann, Anns, Clock, Flags, Lexicon, Link, Word};
use crate::token::{Tok, TokKind};

/// How a day number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayStyle {
    /// "16." (German ordinal).
    Dot,
    /// "16th".
    Suffix,
    /// "16".
    Plain,
}

/// Tokens, matches and the lexicon of one text.
pub struct Scan<'a> {
    /// The tokens.
    pub toks: &'a [Tok],
    /// Lexicon matches by first token.
    pub anns: &'a Anns,
    /// The lexicon.
    pub lex: &'a Lexicon,
}

impl<'a> Scan<'a> {
    /// Token `i`, if any.
    pub fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// Token `i` exists and continues the line (no line break before it).
    pub fn cont(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.newline_before)
    }

    /// Token `i` follows the previous one without whitespace.
    pub fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Token `i` is the punctuation `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn anns_at(&self, i: usize) -> &'a [Ann] {
        self.anns.at(i)
    }

    /// The longest match at `i` that `f` accepts, with the token after it.
    /// (Hits that cross a line break are dropped by the tagger.)
    pub fn word<T>(&self, i: usize, f: impl Fn(Word, &Flags) -> Option<T>) -> Option<(T, usize)> {
        let mut best: Option<(T, usize)> = None;
        for a in self.anns_at(i) {
            let e = &self.lex.entries[a.entry as usize];
            if let Some(t) = f(e.word, &e.flags) {
                let end = a.end as usize;
                if best.as_ref().is_none_or(|(_, b)| end > *b) {
                    best = Some((t, end));
                }
            }
        }
        best
    }

    /// True when some match at `i` satisfies `f`.
    pub fn has(&self, i: usize, f: impl Fn(Word, &Flags) -> bool) -> bool {
        self.anns_at(i).iter().any(|a| {
            let e = &self.lex.entries[a.entry as usize];
            f(e.word, &e.flags)
        })
    }

    /// True when token `i` has no lexicon match at all.
    pub fn unknown(&self, i: usize) -> bool {
        self.anns_at(i).is_empty()
    }

    /// The token before `i` (same line) satisfies `f`.
    pub fn prev_has(&self, i: usize, f: impl Fn(Word, &Flags) -> bool) -> bool {
        i > 0 && self.cont(i) && self.has(i - 1, f)
    }

    /// A phrase ending right before `i` (same line) satisfies `f`.
    pub fn phrase_before(&self, i: usize, f: impl Fn(Word, &Flags) -> bool) -> bool {
        (i.saturating_sub(4)..i).any(|k| {
            (k + 1..=i).all(|x| self.cont(x))
                && self.anns_at(k).iter().any(|a| {
                    let e = &self.lex.entries[a.entry as usize];
                    a.end as usize == i && f(e.word, &e.flags)
                })
        })
    }

    /// A preposition, article, link, part or direction word before `i`:
    /// the context ambiguous words ("may", "Morgen", "fall") need.
    pub fn context_before(&self, i: usize) -> bool {
        self.prev_has(i, |w, _| {
            matches!(
                w,
                Word::Prep
                    | Word::Det
                    | Word::Link(_)
                    | Word::Part(_)
                    | Word::Dir(_)
                    | Word::DurPrep
            )
        })
    }

    /// A link word of the given kind at `i`.
    pub fn link(&self, i: usize, kind: Link) -> Option<usize> {
        self.word(i, |w, _| (w == Word::Link(kind)).then_some(()))
            .map(|(_, e)| e)
    }

    /// Skips articles and genitive links ("des", "of the") at `i`, at most two.
    pub fn skip_det(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            match self.word(i, |w, _| {
                matches!(w, Word::Det | Word::Link(Link::Of)).then_some(())
            }) {
                Some((_, e)) => i = e,
                None => break,
            }
        }
        i
    }

    /// Skips articles only ("den", "the") at `i`.
    pub fn skip_article(&self, i: usize) -> usize {
        self.word(i, |w, _| (w == Word::Det).then_some(()))
            .map_or(i, |(_, e)| e)
    }

    /// A number written in digits at `i` (not part of "1.500", "10,000",
    /// "3,5", "4:45").
    pub fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Number {
            return None;
        }
        if i > 0
            && self.adjacent(i)
            && self
                .toks
                .get(i - 1)
                .is_some_and(|p| p.is_punct('.') || p.is_punct(','))
        {
            // The tail of "1.500" or "10,5".
            if i > 1 && self.adjacent(i - 1) && self.toks[i - 2].kind == TokKind::Number {
                return None;
            }
        }
        if (self.punct(i + 1, '.') || self.punct(i + 1, ',') || self.punct(i + 1, ':'))
            && self.adjacent(i + 1)
            && self.adjacent(i + 2)
            && self.tok(i + 2).is_some_and(|n| n.kind == TokKind::Number)
        {
            return None;
        }
        Some((t.number()?, i + 1))
    }

    /// A number (digits or words, with a fraction word: "drei dreiviertel",
    /// "ein halbes", "anderthalb") at `i`; `weak` for "ein", "a".
    pub fn number(&self, i: usize) -> Option<(f64, bool, usize)> {
        if let Some((v, e)) = self.digits(i) {
            // "154-tägig", "90-Tage": the caller reads the hyphen.
            return Some((f64::from(v), false, e));
        }
        let frac = |j: usize| {
            self.word(j, |w, f| match w {
                Word::Number(v) if f.frac => Some(v),
                _ => None,
            })
        };
        if let Some(((v, weak), end)) = self.word(i, |w, f| match w {
            Word::Number(v) if !f.frac => Some((v, f.weak)),
            _ => None,
        }) {
            if let Some((fr, e2)) = frac(end) {
                let v = if weak && v == 1.0 { fr } else { v + fr };
                return Some((v, false, e2));
            }
            return Some((v, weak, end));
        }
        // "halben Stunde", "halbes Jahr" alone.
        frac(i).map(|(v, e)| (v, false, e))
    }

    /// A day of the month at `i`: "16." (de), "16th" (en), "16".
    pub fn day(&self, i: usize) -> Option<(u8, usize, DayStyle)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Number || t.lower.len() > 2 {
            return None;
        }
        let d = t.number()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let next_num_adjacent =
            |j: usize| self.adjacent(j) && self.tok(j).is_some_and(|n| n.kind == TokKind::Number);
        if self.punct(i + 1, '.') && self.adjacent(i + 1) {
            if next_num_adjacent(i + 2) {
                return None;
            }
            // "to 5. Police …": a sentence end, not an ordinal.
            let sentence_end = !self.cont(i + 2)
                || self
                    .tok(i + 2)
                    .is_some_and(|n| n.kind == TokKind::Word && n.cap)
                    && !self.has(i + 2, |w, _| {
                        matches!(
                            w,
                            Word::Month(_)
                                | Word::Weekday(_)
                                | Word::Unit(_)
                                | Word::Season(_)
                                | Word::Holiday(..)
                                | Word::DayPart(_)
                        )
                    });
            if !sentence_end {
                return Some((d as u8, i + 2, DayStyle::Dot));
            }
        }
        if self.adjacent(i + 1)
            && let Some((_, e)) = self.word(i + 1, |w, _| (w == Word::OrdSuffix).then_some(()))
        {
            return Some((d as u8, e, DayStyle::Suffix));
        }
        if self.adjacent(i + 1)
            && self
                .tok(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word || n.is_punct(':') || n.is_punct(','))
            && !self.punct(i + 1, ',')
        {
            return None;
        }
        if (self.punct(i + 1, ',') || self.punct(i + 1, '.')) && next_num_adjacent(i + 2) {
            return None;
        }
        Some((d as u8, i + 1, DayStyle::Plain))
    }

    /// A month name at `i`, with a following abbreviation period when a
    /// number follows ("Jan. 5"); `ctx` for ambiguous names ("may").
    pub fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let (m, mut end) = self.word(i, |w, _| match w {
            Word::Month(m) => Some(m),
            _ => None,
        })?;
        let ctx = self.has(i, |w, f| matches!(w, Word::Month(_)) && f.ctx);
        if self.punct(end, '.')
            && self.adjacent(end)
            && self
                .tok(end + 1)
                .is_some_and(|n| n.kind == TokKind::Number && !n.newline_before)
        {
            end += 1;
        }
        Some((m, end, ctx))
    }

    /// A four-digit year 1000–2199 at `i`.
    pub fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.lower.len() != 4 {
            return None;
        }
        let (y, e) = self.digits(i)?;
        (1000..=2199).contains(&y).then_some((y as i32, e))
    }

    /// An era marker ("v. Chr.", "BC") at `i`: true for BC.
    pub fn era(&self, i: usize) -> Option<(bool, usize)> {
        self.word(i, |w, _| match w {
            Word::Era(bc) => Some(bc),
            _ => None,
        })
    }

    /// A year word after a year ("2011 года", "2011 г.").
    pub fn year_word_after(&self, i: usize) -> usize {
        match self.word(i, |w, _| (w == Word::YearMarker).then_some(())) {
            Some((_, e)) if self.tok(i).is_some_and(|t| !t.cap) => {
                if self.punct(e, '.')
                    && self.adjacent(e)
                    && self.tok(i).is_some_and(|t| t.lower.len() <= 2)
                {
                    e + 1
                } else {
                    e
                }
            }
            _ => i,
        }
    }

    /// A written year at `i`: "1986", "490 v. Chr.", "2011 года".
    pub fn year_full(&self, i: usize) -> Option<(YearSpec, usize)> {
        if let Some((y, e)) = self.year4(i) {
            if let Some((bc, e2)) = self.era(e) {
                return Some((YearSpec::Full(if bc { 1 - y } else { y }), e2));
            }
            return Some((YearSpec::Full(y), self.year_word_after(e)));
        }
        let t = self.tok(i)?;
        if t.lower.len() <= 4 {
            let (v, e) = self.digits(i)?;
            if v >= 1
                && let Some((bc, e2)) = self.era(e)
            {
                let v = v as i32;
                return Some((YearSpec::Full(if bc { 1 - v } else { v }), e2));
            }
        }
        None
    }

    /// A direction word at `i`: (offset, counts from the narrative, end).
    pub fn dir(&self, i: usize) -> Option<(i32, bool, usize)> {
        self.word(i, |w, f| match w {
            Word::Dir(d) => Some((d, f.ana)),
            _ => None,
        })
        .map(|((d, a), e)| (d, a, e))
    }

    /// A unit word at `i`: (unit, plural, end).
    pub fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        self.word(i, |w, f| match w {
            Word::Unit(u) => Some((u, f.pl)),
            _ => None,
        })
        .map(|((u, p), e)| (u, p, e))
    }

    /// A part word at `i` ("Anfang", "early").
    pub fn part(&self, i: usize) -> Option<(Part, usize)> {
        self.word(i, |w, _| match w {
            Word::Part(p) => Some(p),
            _ => None,
        })
    }

    /// A part-of-day word at `i`: (part, usable alone, end).
    pub fn daypart(&self, i: usize) -> Option<(DayPart, bool, usize)> {
        self.word(i, |w, f| match w {
            Word::DayPart(p) => Some((p, f.adv)),
            _ => None,
        })
        .map(|((p, a), e)| (p, a, e))
    }

    /// A season word at `i`: (season, part carried by the word, needs context, end).
    pub fn season(&self, i: usize) -> Option<(Season, Option<Part>, bool, usize)> {
        self.word(i, |w, f| match w {
            Word::Season(s) => Some((s, f.part, f.ctx)),
            _ => None,
        })
        .map(|((s, p, c), e)| (s, p, c, e))
    }

    /// A weekday at `i`.
    pub fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        self.word(i, |w, _| match w {
            Word::Weekday(d) => Some(d),
            _ => None,
        })
    }

    /// An ordinal at `i`: "20." (de), "20th" (en), "XX" (Roman, upper
    /// case), "zwanzigsten".
    pub fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Number && t.lower.len() <= 3 {
            let v = t.number()?;
            if self.punct(i + 1, '.') && self.adjacent(i + 1) && !self.adjacent(i + 2) {
                return Some((v, i + 2));
            }
            if self.adjacent(i + 1)
                && let Some((_, e)) = self.word(i + 1, |w, _| (w == Word::OrdSuffix).then_some(()))
            {
                return Some((v, e));
            }
            return None;
        }
        if t.kind == TokKind::Word && t.cap && t.lower.len() <= 6 {
            let raw_upper = t
                .lower
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'));
            if raw_upper && let Some(v) = roman(&t.lower) {
                return Some((v, i + 1));
            }
        }
        self.word(i, |w, _| match w {
            Word::Ordinal(n) => Some(n),
            _ => None,
        })
    }

    /// The year as the text gives it after a month, season or part:
    /// "1918", "des Jahres 1918", "desselben Jahres", "des folgenden
    /// Jahres", "того же года", "of the same year".
    pub fn year_ref(&self, i: usize) -> Option<(YearSpec, usize)> {
        if let Some(r) = self.year_full(i) {
            return Some(r);
        }
        let j = self.skip_det(i);
        let (dir, j) = match self.dir(j) {
            Some((d, ana, e)) => (Some((d, ana)), e),
            None => (None, j),
        };
        let (unit, plural, e) = self.unit(j)?;
        if unit != Unit::Year || plural {
            return None;
        }
        if let Some(r) = self.year_full(e) {
            return Some(r);
        }
        let spec = match dir {
            Some((d, ana)) => YearSpec::Relative {
                offset: d,
                anchor: if ana {
                    Anchor::Narrative
                } else {
                    Anchor::Speech
                },
            },
            // "des Jahres" alone: the year in view.
            None => YearSpec::Relative {
                offset: 0,
                anchor: Anchor::Speech,
            },
        };
        Some((spec, e))
    }

    /// A clock word at `i`.
    pub fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        self.word(i, |w, _| match w {
            Word::Clock(c) => Some(c),
            _ => None,
        })
    }
}

/// Value of a Roman numeral (lower case), 1–3999.
fn roman(s: &str) -> Option<u32> {
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        _ => 0,
    };
    let digits: Vec<u32> = s.chars().map(val).collect();
    if digits.is_empty() || digits.contains(&0) {
        return None;
    }
    let mut total = 0;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    (1..=3999).contains(&total).then_some(total as u32)
}
