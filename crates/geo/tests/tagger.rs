//! The German place tagger with the embedded model, on invented sentences:
//! it finds streets, hamlets and landmarks, and together with the rules
//! ([`Gazetteer::find`]) it drops common nouns that are also town names.

use std::time::Instant;

use chronik_geo::{Gazetteer, MentionKind, Tagger};

fn gazetteer() -> Gazetteer {
    Gazetteer::embedded().expect("embedded gazetteer and tagger load")
}

#[test]
fn tagger_model_loads_quickly() {
    let mut ms = f64::MAX;
    let mut tagger = None;
    for _ in 0..3 {
        let t = Instant::now();
        tagger = Some(Tagger::embedded().expect("embedded tagger loads"));
        ms = ms.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    let tagger = tagger.expect("loaded");
    println!(
        "tagger: {} features, loaded in {ms:.1} ms",
        tagger.features()
    );
    assert!(tagger.features() > 1_000);
    assert!(gazetteer().tagger().is_some());
}

#[test]
fn tagger_finds_streets_hamlets_landmarks() {
    let gaz = gazetteer();
    let tagger = gaz.tagger().expect("embedded tagger");
    // (sentence, a place name the tagger must tag as one span)
    let cases = [
        (
            "Die Kundgebung begann am Vormittag in der Lessingstraße vor dem Rathaus.",
            "Lessingstraße",
        ),
        (
            "Der alte Bauer wohnt seit Jahren in Oberkrummbach.",
            "Oberkrummbach",
        ),
        (
            "Das Dorf Kleinmachnowitz hat kaum dreihundert Einwohner.",
            "Kleinmachnowitz",
        ),
        (
            "Tausende Menschen versammelten sich am Abend am Brandenburger Tor.",
            "Brandenburger Tor",
        ),
        (
            "Der Unfall geschah auf der Lindenallee in Bergheimerfeld.",
            "Bergheimerfeld",
        ),
    ];
    for (text, name) in cases {
        let spans: Vec<&str> = tagger
            .spans(&gaz, text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert!(spans.contains(&name), "{text}: {spans:?}");
        // and the recogniser reports it (without candidates: unresolved)
        assert!(
            gaz.find("de", text)
                .iter()
                .any(|m| &text[m.byte_start..m.byte_end] == name),
            "{text}"
        );
    }
}

#[test]
fn tagger_drops_common_nouns_that_are_town_names() {
    let gaz = gazetteer();
    // (sentence, a word the rules take for a place and the tagger drops)
    let cases = [
        ("Das Haus hat einen großen Garten mit Linden.", "Linden"),
        ("Der Wald brannte die ganze Nacht lichterloh.", "Der Wald"),
        // common nouns of the German Wiktionary (de-nouns.tsv)
        (
            "Die Kinder spielten den ganzen Tag mit Steinen am Ufer.",
            "Steinen",
        ),
    ];
    for (text, word) in cases {
        let said = |ms: &[chronik_geo::PlaceMention]| {
            ms.iter().any(|m| &text[m.byte_start..m.byte_end] == word)
        };
        assert!(said(&gaz.find_rules("de", text)), "rules: {text}");
        assert!(!said(&gaz.find("de", text)), "rules + tagger: {text}");
    }
    // real places in the same kind of sentence stay
    let text = "Der Bus aus Ansbach erreichte Nürnberg mit Verspätung.";
    let names: Vec<&str> = gaz
        .find("de", text)
        .iter()
        .filter(|m| m.kind == MentionKind::Name)
        .map(|m| &text[m.byte_start..m.byte_end])
        .collect();
    assert_eq!(names, ["Ansbach", "Nürnberg"]);
}

#[test]
fn tagger_leaves_other_languages_alone() {
    let gaz = gazetteer();
    let text = "Protesters gathered in Almaty and Aktau.";
    assert_eq!(gaz.find("en", text), gaz.find_rules("en", text));
    assert!(gaz.find("de", "").is_empty());
}

#[test]
fn rules_read_a_town_name_after_an_article_as_the_noun() {
    let gaz = gazetteer();
    // (sentence, words the rules take for places)
    let cases: &[(&str, &[&str])] = &[
        (
            "Der Bauer wohnt im Weiler Oberkrummbach bei Ansbach.",
            &["Oberkrummbach", "Ansbach"],
        ),
        (
            "Die Demonstranten stiegen in den Zug nach Berlin.",
            &["Berlin"],
        ),
        ("Die Polizei räumte am Abend die Halle.", &[]),
        // without an article the town stays
        ("Proteste gab es am Montag in Zug.", &["Zug"]),
        // countries take articles
        ("Die Demonstranten zogen in die Schweiz.", &["Schweiz"]),
    ];
    for (text, want) in cases {
        let got: Vec<&str> = gaz
            .find_rules("de", text)
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| &text[m.byte_start..m.byte_end])
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}
