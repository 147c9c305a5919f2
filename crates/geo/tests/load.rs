//! Load time and size of the embedded gazetteer: printed, not asserted
//! (`cargo test -p chronik-geo --release --test load -- --nocapture`).

use std::time::Instant;

use chronik_geo::Gazetteer;

#[test]
fn gazetteer_load_time_is_printed() {
    // the best of five loads: the machine may be busy
    let mut ms = f64::MAX;
    let mut gaz = None;
    for _ in 0..5 {
        let t = Instant::now();
        gaz = Some(Gazetteer::embedded().expect("embedded gazetteer loads"));
        ms = ms.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    let gaz = gaz.expect("loaded");
    let s = gaz.stats();
    println!(
        "gazetteer: {} places, {} names, {} words, {} stems, {} stop words; loaded in {ms:.1} ms (best of 5, {})",
        s.places,
        s.names,
        s.words,
        s.stems,
        s.stops,
        if cfg!(debug_assertions) {
            "debug build"
        } else {
            "release build"
        }
    );
    assert!(s.places > 50_000);
}

/// Throughput of `find` + `resolve` on repeated news-like sentences in the
/// three languages: printed, not asserted
/// (`cargo test -p chronik-geo --release --test load -- --nocapture`).
#[test]
fn gazetteer_find_speed_is_printed() {
    let gaz = Gazetteer::embedded().expect("embedded gazetteer loads");
    let docs = [
        (
            "de",
            "Nach schweren Unruhen in Kasachstan hat Präsident Tokajew den Notstand über Almaty und die Region Mangistau verhängt. In der Ölstadt Schanaosen gingen am Sonntag Tausende auf die Straße; auch in Aktau, Atyrau und Nur-Sultan protestierten Menschen gegen die Verdopplung der Gaspreise. Die Polizei setzte Tränengas und Blendgranaten ein, das Internet wurde landesweit abgeschaltet. ",
        ),
        (
            "en",
            "Protests that began in the western oil town of Zhanaozen spread to Almaty, Kazakhstan's largest city, where crowds stormed the mayor's office. Russian-led troops of the CSTO arrived in Nur-Sultan; police in the Mangystau region detained hundreds, and the internet was cut across the country. ",
        ),
        (
            "ru",
            "Акции начались в пятницу у рынка в Жанаозен Мангистауской области и затем распространились на Алматы, Актау и Нур-Султан. В Алма-Ате протестующие захватили здание акимата; полиция применила светошумовые гранаты и слезоточивый газ. ",
        ),
    ];
    let texts: Vec<(&str, String)> = docs.iter().map(|(l, t)| (*l, t.repeat(40))).collect();
    let bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = Instant::now();
        found = 0;
        for (lang, text) in &texts {
            let m = gaz.find(lang, text);
            found += m.len();
            let _ = gaz.resolve(&m, &chronik_geo::GeoContext::default());
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "find + resolve: {:.1} MB/s on {bytes} bytes ({found} mentions; best of 5, {})",
        bytes as f64 / best / 1e6,
        if cfg!(debug_assertions) {
            "debug build"
        } else {
            "release build"
        }
    );
    assert!(found > 100);
}
