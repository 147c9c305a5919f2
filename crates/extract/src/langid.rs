//! Language identification for documents without `lang`.
//!
//! A cascade, cheap and certain first: Kazakh-specific Cyrillic letters →
//! `kk`, Ukrainian-specific letters → `uk`; then `whatlang` trigram models
//! over 69 languages on the first 2,000 characters, reported as ISO 639-1
//! where one exists (ISO 639-3 otherwise). Empty or letterless text is
//! `und` (undetermined). Only de, en and ru are extracted; every other
//! language passes through with no events and is reported as such.

/// ISO 639-1 (or 639-3) code of the text's language, or `und`.
pub fn identify(text: &str) -> String {
    let sample: String = text.chars().take(2000).collect();
    let mut letters = 0usize;
    let mut cyrillic = 0usize;
    let mut kazakh = 0usize;
    let mut ukrainian = 0usize;
    for c in sample.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if ('\u{400}'..='\u{4ff}').contains(&c) {
            cyrillic += 1;
            match c.to_lowercase().next().unwrap_or(c) {
                'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => kazakh += 1,
                'ї' | 'є' | 'ґ' => ukrainian += 1,
                _ => {}
            }
        }
    }
    if letters == 0 {
        return "und".to_string();
    }
    if cyrillic * 2 > letters {
        if kazakh * 100 > cyrillic {
            return "kk".to_string();
        }
        if ukrainian * 200 > cyrillic {
            return "uk".to_string();
        }
    }
    match whatlang::detect_lang(&sample) {
        Some(lang) => iso639_1(lang.code()).unwrap_or(lang.code()).to_string(),
        None => "und".to_string(),
    }
}

/// ISO 639-3 → 639-1 for the languages news usually comes in.
fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "deu" => "de",
        "eng" => "en",
        "rus" => "ru",
        "ukr" => "uk",
        "bel" => "be",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "pol" => "pl",
        "tur" => "tr",
        "ara" => "ar",
        "pes" => "fa",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "ces" => "cs",
        "slk" => "sk",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "srp" => "sr",
        "hrv" => "hr",
        "ell" => "el",
        "heb" => "he",
        "uzb" => "uz",
        "aze" => "az",
        "kat" => "ka",
        "hye" => "hy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identify_table() {
        let cases = [
            (
                "Die Polizei setzte am Abend Tränengas gegen die Demonstranten ein, nachdem Tausende auf die Straße gegangen waren.",
                "de",
            ),
            (
                "Police fired tear gas at the protesters after thousands had taken to the streets of the capital on Tuesday.",
                "en",
            ),
            (
                "Полиция применила слезоточивый газ против демонстрантов, когда тысячи людей вышли на улицы города.",
                "ru",
            ),
            (
                "Алматы қаласында наразылық акциясы өтті, полиция көзден жас ағызатын газ қолданды.",
                "kk",
            ),
            (
                "La police a utilisé des gaz lacrymogènes contre les manifestants dans les rues de la capitale mardi soir.",
                "fr",
            ),
            ("", "und"),
            ("12345 ... !!!", "und"),
        ];
        for (text, want) in cases {
            assert_eq!(identify(text), want, "{text:?}");
        }
    }
}
