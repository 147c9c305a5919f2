//! Resource errors name the file and line; malformed resources never panic.

use chronik_geo::{Gazetteer, GeoError, Sources};

fn with_alias(content: &'static str) -> Result<Gazetteer, GeoError> {
    let base = Sources::embedded();
    let aliases: &'static [(&str, &str, &str)] =
        Box::leak(vec![("de", "test/places.tsv", content)].into_boxed_slice());
    Gazetteer::from_sources(&Sources { aliases, ..base })
}

#[test]
fn geo_errors_name_file_and_line() {
    let cases = [
        (
            "# FORMAT: phrase\tkind\tplace\nAlmaty\tname\t1526384\nFoo\tfoo\t-\n",
            "test/places.tsv:3: unknown kind 'foo'",
        ),
        (
            "# FORMAT: phrase\tkind\tplace\nNirgendwo\tname\t999999999\n",
            "test/places.tsv:2: unknown place '999999999'",
        ),
        (
            "# FORMAT: phrase\tkind\tplace\nNeu\tname\tNeu;DE;DE-NW;x;6.4\n",
            "test/places.tsv:2: lat/lon must be numbers",
        ),
        (
            "# FORMAT: phrase\tkind\nA\tname\n",
            "test/places.tsv: expected header '# FORMAT: phrase\tkind\tplace'",
        ),
        (
            "# FORMAT: phrase\tkind\tplace\nA\tname\n",
            "test/places.tsv:2: expected 3 columns: phrase\tkind\tplace",
        ),
    ];
    for (content, want) in cases {
        let err = with_alias(content).err().expect("must fail");
        assert_eq!(err.to_string(), want);
    }
}

#[test]
fn geo_alias_file_adds_places() {
    let g = with_alias(
        "# FORMAT: phrase\tkind\tplace\nNeudorf am See\tname\tNeudorf am See;DE;DE-BY;48.1;11.5;300\n",
    )
    .expect("loads");
    let m = g.find("de", "Proteste in Neudorf am See.");
    assert_eq!(m.len(), 1);
    let p = g.place(m[0].candidates[0]);
    assert_eq!(
        (p.name.as_str(), p.country.as_str()),
        ("Neudorf am See", "DE")
    );
    assert_eq!(p.admin1.as_deref(), Some("Bavaria"));
    assert_eq!(p.geonames_id, None);
}

fn with_nouns(content: &'static str) -> Result<Gazetteer, GeoError> {
    Gazetteer::from_sources(&Sources {
        nouns: content,
        ..Sources::embedded()
    })
}

#[test]
fn geo_noun_list_errors_name_file_and_line() {
    let f = "resources/gazetteer/de-nouns.tsv";
    let cases = [
        (
            "weiler\tn\n",
            format!("{f}: expected header '# FORMAT: word\tclass'"),
        ),
        (
            "# FORMAT: word\tclass\nweiler\tn\nlinden\n",
            format!("{f}:3: expected 2 columns: word<TAB>class"),
        ),
        (
            "# FORMAT: word\tclass\nweiler\tnx\n",
            format!("{f}:2: class letters: n, g, s, p, t"),
        ),
        (
            "# FORMAT: word\tclass\nweiler\t\n",
            format!("{f}:2: expected 2 columns: word<TAB>class"),
        ),
        (
            "# FORMAT: word\tclass\naltes land\tp\n",
            format!("{f}:2: expected one word and its class letters"),
        ),
    ];
    for (content, want) in cases {
        let err = with_nouns(content).err().expect("must fail");
        assert_eq!(err.to_string(), want);
    }
    // an empty list (header only) and CRLF line ends are fine
    assert!(with_nouns("# FORMAT: word\tclass\n").is_ok());
    assert!(with_nouns("# FORMAT: word\tclass\r\nweiler\tn\r\n").is_ok());
}
