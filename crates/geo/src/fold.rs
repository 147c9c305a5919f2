//! The lookup form of words: lower case, Latin diacritics removed
//! (`Schangaösen` = `Schangaosen`, `Saint-Étienne` = `Saint-Etienne`),
//! `ß` → `ss`, `ё` → `е`, apostrophes dropped (`Homyel'` = `Homyel`,
//! `Kazakhstan's` = `kazakhstans`). Gazetteer names and text tokens are
//! folded alike; offsets always refer to the original text.

/// Appends the folded form of `word` to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, out);
    }
}

/// Appends the folded form of one char to `out`.
#[inline]
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c != '\'' && c != '`' {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    // Russian letters without the Unicode tables (most names are Cyrillic)
    match c {
        'А'..='Я' => return out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'а'..='я' => return out.push(c),
        'ё' | 'Ё' => return out.push('е'),
        _ => {}
    }
    if matches!(
        c,
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '\u{00B4}'
    ) || ('\u{0300}'..='\u{036F}').contains(&c)
    {
        return; // apostrophes; combining marks of decomposed text
    }
    for l in c.to_lowercase() {
        match l {
            'ё' => out.push('е'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c if c.is_ascii() => out.push(c),
            c => out.push(latin_base(c).unwrap_or(c)),
        }
    }
}

/// The folded form of `word`.
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// The base letter of a lower-case Latin letter with diacritics.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => 'g',
        'ĥ' | 'ħ' | 'ḩ' | 'ḥ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' | 'ḳ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' | 'ẕ' => 'z',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("Schangaösen", "schangaosen"),
            ("Saint-Étienne", "saint-etienne"),
            ("Straße", "strasse"),
            ("Алма-Ате", "алма-ате"),
            ("Орёл", "орел"),
            ("Homyel'", "homyel"),
            ("Kazakhstan’s", "kazakhstans"),
            ("Aqtöbe", "aqtobe"),
            ("Жаңаөзен", "жаңаөзен"),
            ("ALMATY", "almaty"),
        ];
        for (w, want) in cases {
            assert_eq!(fold(w), want, "{w}");
        }
    }
}
