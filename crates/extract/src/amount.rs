//! Amounts: numbers in digits of every national style ("4.400", "4,400",
//! "4 400", "10'000", "3,5 тыс."), in words ("zwölf", "two hundred",
//! "zweihundert"), vague amounts ("Dutzende" → 12), with the qualifier that
//! precedes them ("mehr als", "at least", "около") and ranges ("zwischen 20
//! und 30", "8,000 to 10,000").

use std::collections::HashMap;

use chronik_model::Qualifier;

use crate::lexicon::PhraseSet;
use crate::text::Token;

/// What a number word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumWord {
    /// A plain number ("zwölf" → 12).
    Num(u64),
    /// A number only after a qualifier ("mindestens ein"): an article otherwise.
    WeakNum(u64),
    /// A multiplier ("hundred", "тысяч", "Mio").
    Mult(u64),
    /// A vague amount with its conventional lower bound ("Dutzende" → 12).
    Vague(u64),
}

/// What a quantifier phrase does to the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    /// A qualifier of the following number.
    Qualifier(Qualifier),
    /// Opens a range ("zwischen", "between", "от").
    RangeStart,
    /// Joins the two ends of a range ("bis", "to", "und" after "zwischen").
    RangeJoin,
}

/// A recognised amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// First token (the qualifier's, when there is one).
    pub first: usize,
    /// First token of the number itself.
    pub number_first: usize,
    /// After the last token.
    pub end: usize,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
    /// How the bounds are given.
    pub qualifier: Qualifier,
}

/// The number knowledge of one language.
pub struct NumberLexicon {
    /// Number words by lower-case form.
    pub words: HashMap<String, NumWord>,
    /// Qualifiers and range words.
    pub quants: PhraseSet<Quant>,
    /// German-style compounds ("zweihundertfünfzig") are parsed from parts.
    pub compounds: bool,
}

impl NumberLexicon {
    /// The value of a single number word, parsing compounds when enabled.
    fn word(&self, w: &str) -> Option<NumWord> {
        if let Some(v) = self.words.get(w) {
            return Some(*v);
        }
        if self.compounds {
            self.compound(w).map(NumWord::Num)
        } else {
            None
        }
    }

    /// "zweihundertfünfzig", "dreitausend", "einundzwanzig".
    fn compound(&self, w: &str) -> Option<u64> {
        if w.len() < 6 {
            return None;
        }
        let mut total = 0u64;
        let mut current = 0u64;
        let mut rest = w;
        let mut parts = 0;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("und")
                && parts > 0
            {
                rest = r;
                continue;
            }
            // Longest known prefix.
            let mut found = None;
            for (b, _) in rest
                .char_indices()
                .skip(1)
                .chain(std::iter::once((rest.len(), ' ')))
            {
                if let Some(NumWord::Num(v) | NumWord::WeakNum(v) | NumWord::Mult(v)) =
                    self.words.get(&rest[..b])
                {
                    found = Some((
                        b,
                        *v,
                        matches!(self.words.get(&rest[..b]), Some(NumWord::Mult(_))),
                    ));
                }
            }
            let (b, v, mult) = found?;
            if mult {
                if v >= 1000 {
                    total += current.max(1) * v;
                    current = 0;
                } else {
                    current = current.max(1) * v;
                }
            } else {
                current += v;
            }
            parts += 1;
            rest = &rest[b..];
        }
        (parts >= 2).then_some(total + current)
    }
}

/// Parses a digit token: "10.000", "4,400", "10'000", "3,5", "2022".
/// Returns the value and whether it had a decimal part.
pub fn parse_digits(tok: &str) -> Option<(f64, bool)> {
    if !tok
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',' || b == b'\'')
    {
        return None;
    }
    let groups: Vec<&str> = tok.split(['.', ',', '\'']).collect();
    if groups.len() == 1 {
        return tok.parse::<f64>().ok().map(|v| (v, false));
    }
    let thousands =
        groups[1..].iter().all(|g| g.len() == 3) && !groups[0].is_empty() && groups[0].len() <= 3;
    if thousands {
        let joined: String = groups.concat();
        return joined.parse::<f64>().ok().map(|v| (v, false));
    }
    if groups.len() == 2 {
        let s = format!("{}.{}", groups[0], groups[1]);
        return s.parse::<f64>().ok().map(|v| (v, true));
    }
    None
}

/// Finds the amounts in `toks[from..to]`.
pub fn find_amounts(
    text: &str,
    toks: &[Token],
    from: usize,
    to: usize,
    lex: &NumberLexicon,
) -> Vec<Amount> {
    let quants = lex.quants.find(toks, from, to);
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let Some((value, vague, end)) = number_at(text, toks, i, to, lex) else {
            i += 1;
            continue;
        };
        // The qualifier or range opener that ends right before the number.
        let before = quants.iter().rev().find(|m| m.end == i);
        let mut first = i;
        let mut qualifier = if vague {
            Qualifier::Vague
        } else {
            Qualifier::Exact
        };
        let mut range_open = false;
        if let Some(m) = before {
            match lex.quants.value(m) {
                Quant::Qualifier(q) if !vague => {
                    qualifier = *q;
                    first = m.first;
                }
                Quant::RangeStart if !vague => {
                    range_open = true;
                    first = m.first;
                }
                _ => {}
            }
        }
        if is_weak(toks, i, lex) && first == i {
            i += 1;
            continue;
        }
        // A range: "A bis B", "between A and B", "8,000 to 10,000", "20-30".
        let mut end = end;
        let mut high_of_range = None;
        if !vague {
            let join = quants
                .iter()
                .find(|m| m.first == end && matches!(lex.quants.value(m), Quant::RangeJoin));
            let dash = end < to
                && matches!(
                    text[toks[end - 1].byte_end..toks[end].byte_start].trim(),
                    "-" | "–"
                );
            let after = match join {
                Some(m) => Some(m.end),
                None if dash => Some(end),
                None => None,
            };
            if let Some(b) = after {
                let and_only = join.is_some_and(|m| {
                    toks[m.first].lower == "und"
                        || toks[m.first].lower == "and"
                        || toks[m.first].lower == "и"
                });
                if (!and_only || range_open)
                    && let Some((v2, false, e2)) = number_at(text, toks, b, to, lex)
                    && v2 > value
                {
                    high_of_range = Some(v2);
                    end = e2;
                }
            }
        }
        let (low, high, qualifier) = match (high_of_range, qualifier) {
            (Some(h), _) => (Some(value), Some(h), Qualifier::Range),
            (None, Qualifier::Exact | Qualifier::About) => (Some(value), Some(value), qualifier),
            (None, Qualifier::AtMost) => (None, Some(value), qualifier),
            (None, q) => (Some(value), None, q),
        };
        out.push(Amount {
            first,
            number_first: i,
            end,
            low,
            high,
            qualifier,
        });
        i = end;
    }
    out
}

/// A weak number word ("ein", "one") counts only after a qualifier.
fn is_weak(toks: &[Token], i: usize, lex: &NumberLexicon) -> bool {
    matches!(lex.words.get(&toks[i].lower), Some(NumWord::WeakNum(_)))
}

/// Parses one number starting at token `i`: value, vague?, end token.
fn number_at(
    text: &str,
    toks: &[Token],
    i: usize,
    to: usize,
    lex: &NumberLexicon,
) -> Option<(u64, bool, usize)> {
    let t = toks.get(i).filter(|_| i < to)?;
    let mut end = i + 1;
    let mut value: f64;
    let mut decimal = false;
    if t.numeric {
        let (v, d) = parse_digits(&t.lower)?;
        value = v;
        decimal = d;
        // "100 000": groups of three digits after a space.
        while end < to && !decimal && value < 1000.0 {
            let gap = &text[toks[end - 1].byte_end..toks[end].byte_start];
            let nt = &toks[end].lower;
            if (gap == " " || gap == "\u{a0}" || gap == "\u{202f}" || gap == "\u{2009}")
                && nt.len() == 3
                && nt.bytes().all(|b| b.is_ascii_digit())
            {
                value = value * 1000.0 + nt.parse::<f64>().ok()?;
                end += 1;
            } else {
                break;
            }
        }
    } else {
        match lex.word(&t.lower)? {
            NumWord::Vague(v) => {
                // "tens of thousands", "десятки тысяч": a vague word then a multiplier.
                let mut v = v;
                let mut e = end;
                if e < to && matches!(toks[e].lower.as_str(), "of" | "von") {
                    e += 1;
                }
                if e < to
                    && let Some(NumWord::Mult(m) | NumWord::Vague(m)) =
                        lex.words.get(&toks[e].lower)
                    && *m >= 1000
                    && v < 1000
                {
                    v = if v >= 100 { v * m } else { 10 * m };
                    end = e + 1;
                }
                return Some((v, true, end));
            }
            NumWord::Mult(m) => {
                // "hundred" alone is not an amount; "a hundred" is handled by "a".
                if i > 0 && matches!(toks[i - 1].lower.as_str(), "a" | "ein" | "one") {
                    value = m as f64;
                } else {
                    return None;
                }
            }
            NumWord::Num(v) | NumWord::WeakNum(v) => value = v as f64,
        }
    }
    // Words that follow: "two hundred", "3,5 тыс.", "1,2 Millionen", "twenty-five".
    let mut total = 0.0;
    let mut current = value;
    while end < to {
        match lex.words.get(&toks[end].lower) {
            Some(NumWord::Mult(m)) => {
                let m = *m as f64;
                if m >= 1000.0 {
                    total += current * m;
                    current = 0.0;
                } else {
                    current *= m;
                }
                end += 1;
            }
            Some(NumWord::Num(v))
                if !t.numeric && *v < 100 && current >= 20.0 && current % 10.0 == 0.0 =>
            {
                current += *v as f64;
                end += 1;
            }
            Some(NumWord::Num(v)) if !t.numeric && current >= 100.0 && *v < 100 => {
                current += *v as f64;
                end += 1;
            }
            _ => break,
        }
    }
    let v = total + current;
    if decimal && v.fract() != 0.0 {
        return None;
    }
    (0.0..1e13)
        .contains(&v)
        .then_some((v.round() as u64, false, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn lex() -> NumberLexicon {
        let words: HashMap<String, NumWord> = [
            ("zwölf", NumWord::Num(12)),
            ("zwei", NumWord::Num(2)),
            ("fünfzig", NumWord::Num(50)),
            ("zwanzig", NumWord::Num(20)),
            ("ein", NumWord::WeakNum(1)),
            ("two", NumWord::Num(2)),
            ("twenty", NumWord::Num(20)),
            ("five", NumWord::Num(5)),
            ("hundert", NumWord::Mult(100)),
            ("tausend", NumWord::Mult(1000)),
            ("hundred", NumWord::Mult(100)),
            ("thousand", NumWord::Mult(1000)),
            ("тыс", NumWord::Mult(1000)),
            ("тысяч", NumWord::Mult(1000)),
            ("dutzende", NumWord::Vague(12)),
            ("tausende", NumWord::Vague(1000)),
            ("tens", NumWord::Vague(10)),
            ("thousands", NumWord::Vague(1000)),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
        let quants = PhraseSet::new(
            [
                ("mehr als", Quant::Qualifier(Qualifier::MoreThan)),
                ("mindestens", Quant::Qualifier(Qualifier::AtLeast)),
                ("bis zu", Quant::Qualifier(Qualifier::AtMost)),
                ("nearly", Quant::Qualifier(Qualifier::About)),
                ("zwischen", Quant::RangeStart),
                ("und", Quant::RangeJoin),
                ("to", Quant::RangeJoin),
                ("около", Quant::Qualifier(Qualifier::About)),
            ]
            .iter()
            .enumerate()
            .map(|(i, (p, q))| (p.to_string(), *q, i + 1)),
        );
        NumberLexicon {
            words,
            quants,
            compounds: true,
        }
    }

    fn amounts(text: &str) -> Vec<(Option<u64>, Option<u64>, Qualifier)> {
        let toks = tokenize(text);
        find_amounts(text, &toks, 0, toks.len(), &lex())
            .iter()
            .map(|a| (a.low, a.high, a.qualifier))
            .collect()
    }

    #[test]
    fn amount_table() {
        use Qualifier::*;
        type Bounds = (Option<u64>, Option<u64>, Qualifier);
        let cases: &[(&str, &[Bounds])] = &[
            ("14 Arbeiter", &[(Some(14), Some(14), Exact)]),
            ("mehr als 1.000 Menschen", &[(Some(1000), None, MoreThan)]),
            ("more than 4,400 people", &[(Some(4400), Some(4400), Exact)]),
            (
                "Mehr als 100 000 Menschen",
                &[(Some(100000), None, MoreThan)],
            ),
            (
                "rund 10'000 Teilnehmer",
                &[(Some(10000), Some(10000), Exact)],
            ),
            ("около 3,5 тыс. человек", &[(Some(3500), Some(3500), About)]),
            ("20 тысяч бандитов", &[(Some(20000), Some(20000), Exact)]),
            ("zwölf Personen", &[(Some(12), Some(12), Exact)]),
            ("two hundred people", &[(Some(200), Some(200), Exact)]),
            ("twenty five people", &[(Some(25), Some(25), Exact)]),
            (
                "zweihundertfünfzig Menschen",
                &[(Some(250), Some(250), Exact)],
            ),
            ("mindestens ein Deutscher", &[(Some(1), None, AtLeast)]),
            ("ein Deutscher", &[]),
            ("bis zu 50 Menschen", &[(None, Some(50), AtMost)]),
            ("zwischen 20 und 30 Toten", &[(Some(20), Some(30), Range)]),
            (
                "20 und 30",
                &[(Some(20), Some(20), Exact), (Some(30), Some(30), Exact)],
            ),
            ("at 8,000 to 10,000", &[(Some(8000), Some(10000), Range)]),
            ("nearly 10,000", &[(Some(10000), Some(10000), About)]),
            ("Dutzende Menschen", &[(Some(12), None, Vague)]),
            ("mehr als Tausende", &[(Some(1000), None, Vague)]),
            ("tens of thousands of people", &[(Some(10000), None, Vague)]),
            ("hundred", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(amounts(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn parse_digits_table() {
        let cases = [
            ("10.000", Some((10000.0, false))),
            ("4,400", Some((4400.0, false))),
            ("1.234.567", Some((1234567.0, false))),
            ("3,5", Some((3.5, true))),
            ("2022", Some((2022.0, false))),
            ("12a", None),
            ("1,2,3", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_digits(s), want, "{s}");
        }
    }
}
