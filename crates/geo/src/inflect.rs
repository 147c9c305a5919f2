//! Base-form candidates of a text word, so that inflected place names match
//! the gazetteer's base forms: Russian case endings (`Москве` → `москва`,
//! `Казахстане` → `казахстан`, `Мангистауской области` → `мангистауская
//! область`, `Алма-Ате` → `алма-ата`), German genitive and dative (`Almatys`,
//! `Kasachstans`) and the English possessive
//! (`Kazakhstan's`). The candidates are only looked up, never trusted: a
//! candidate that is no gazetteer word is ignored.

use crate::Lang;
use crate::tokens::Token;

/// Russian endings and the base-form endings they may stand for (nouns,
/// adjectives, plurals). Longer endings first; every rule that applies is
/// tried.
const RU_ENDINGS: &[(&str, &[&str])] = &[
    ("ами", &["ы", "и"]),
    ("ями", &["и"]),
    ("ого", &["ый", "ий", "ой"]),
    ("его", &["ий", "ый"]),
    ("ому", &["ый", "ий", "ой"]),
    ("ему", &["ий"]),
    ("ыми", &["ые"]),
    ("ими", &["ие"]),
    ("ией", &["ия"]),
    ("ых", &["ые"]),
    ("их", &["ие"]),
    ("ым", &["ый", "ые"]),
    ("им", &["ий", "ие"]),
    ("ой", &["ая", "ый", "а", "ой"]),
    ("ей", &["яя", "я", "а", "ь"]),
    ("ую", &["ая"]),
    ("юю", &["яя"]),
    ("ах", &["ы", "и"]),
    ("ях", &["и", "ь"]),
    ("ам", &["ы", "и"]),
    ("ям", &["и", "ь"]),
    ("ов", &["ы", ""]),
    ("ев", &["и", "ь"]),
    ("ом", &["", "о", "ий", "ый", "ой"]),
    ("ем", &["ь", "й", "", "ий"]),
    ("ью", &["ь", "ье"]),
    ("ья", &["ье"]),
    ("ьем", &["ье"]),
    ("ии", &["ия", "ий"]),
    ("ию", &["ия"]),
    ("ые", &["ые"]),
    ("ы", &["а", ""]),
    ("и", &["а", "я", "ь", "й"]),
    ("е", &["а", "я", "", "ь", "й", "о"]),
    ("у", &["а", ""]),
    ("ю", &["я", "ь", "й"]),
    ("а", &["", "ь", "о"]),
    ("я", &["ь", "й"]),
];

/// Appends base-form candidates of `tok` (not the folded word itself).
pub(crate) fn base_forms(lang: Lang, tok: &Token, out: &mut Vec<String>) {
    let w = tok.folded.as_str();
    match lang {
        Lang::Ru => ru_forms(w, out),
        Lang::De => {
            // genitive -s (Kasachstans, Almatys); other endings are written
            // out in the alias file (Niederlanden, Vereinigten Staaten)
            if w.chars().count() >= 4 {
                if let Some(s) = w.strip_suffix('s') {
                    out.push(s.to_string());
                }
                if let Some(s) = w.strip_suffix("es") {
                    out.push(s.to_string()); // Griechenlandes
                }
            }
        }
        Lang::En | Lang::Other => {
            if tok.possessive
                && let Some(s) = w.strip_suffix('s')
            {
                out.push(s.to_string());
            }
        }
    }
}

fn ru_forms(w: &str, out: &mut Vec<String>) {
    // X-на-Y (Ростова-на-Дону): only X declines
    if let Some(p) = w.find("-на-") {
        let (head, tail) = (&w[..p], &w[p..]);
        let mut heads = Vec::new();
        ru_forms(head, &mut heads);
        out.extend(heads.into_iter().map(|h| format!("{h}{tail}")));
        return;
    }
    for (end, bases) in RU_ENDINGS {
        if let Some(stem) = w.strip_suffix(end) {
            if stem.chars().count() < 2 {
                continue;
            }
            for b in *bases {
                out.push(format!("{stem}{b}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn forms(lang: Lang, w: &str) -> Vec<String> {
        let t = &tokenize(w)[0];
        let mut out = Vec::new();
        base_forms(lang, t, &mut out);
        out
    }

    #[test]
    fn inflect_table() {
        let cases: &[(Lang, &str, &str)] = &[
            (Lang::Ru, "Москве", "москва"),
            (Lang::Ru, "Москвой", "москва"),
            (Lang::Ru, "Казахстане", "казахстан"),
            (Lang::Ru, "Казахстаном", "казахстан"),
            (Lang::Ru, "России", "россия"),
            (Lang::Ru, "Алма-Ате", "алма-ата"),
            (Lang::Ru, "Мангистауской", "мангистауская"),
            (Lang::Ru, "области", "область"),
            (Lang::Ru, "Нижнего", "нижний"),
            (Lang::Ru, "Ставропольском", "ставропольский"),
            (Lang::Ru, "Нижнем", "нижний"),
            (Lang::Ru, "крае", "край"),
            (Lang::Ru, "Приморья", "приморье"),
            (Lang::Ru, "Китае", "китай"),
            (Lang::Ru, "Ярославля", "ярославль"),
            (Lang::Ru, "Казанью", "казань"),
            (Lang::Ru, "Штатах", "штаты"),
            (Lang::Ru, "Ростова-на-Дону", "ростов-на-дону"),
            (Lang::De, "Kasachstans", "kasachstan"),
            (Lang::De, "Almatys", "almaty"),
            (Lang::En, "Kazakhstan's", "kazakhstan"),
        ];
        for (lang, w, want) in cases {
            let f = forms(*lang, w);
            assert!(f.iter().any(|x| x == want), "{w}: {want} not in {f:?}");
        }
        assert!(forms(Lang::En, "Paris").is_empty());
    }
}
