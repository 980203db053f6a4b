//! Unit tests with small fixtures for parsing, matching and lookup.

use super::*;

const GAZ: &str = "#surface\tkind\tcanonical\tcountry\textra
Bolivia\tcountry\tBolivia\tBOL\t
Bolivian\tdemonym\tBolivian\tBOL\t
U.S.\tcountry\tUnited States\tUSA\t
United States\tcountry\tUnited States\tUSA\t
La Paz\tcapital\tLa Paz\tBOL\t
El Alto\tcity\tEl Alto\tBOL\tpop=900000
New York\tcity\tNew York City\tUSA\tpop=8000000
New York City\tcity\tNew York City\tUSA\tpop=8000000
Chávez\tperson\tHugo Chávez\tVEN\tPresident
Chavez\tperson\tHugo Chávez\tVEN\tPresident
Mohajer-6\tequipment\tMohajer-6\tIRN\tarmed UAV
ANSU-600\tequipment\tMohajer-6\tIRN\tarmed UAV
Iran\tcountry\tIran\tIRN\t
Iranian\tdemonym\tIranian\tIRN\t
drones\tequipment_class\tdrone\t\t
Drones\tequipment_class\tdrone\t\t
Hezbollah\torganization\tHezbollah\tLBN\tarmed_group
";

const COUNTRIES: &str = "#iso3\tiso2\tname\tcapital\tdemonyms\tregion
BOL\tBO\tBolivia\tSucre\tBolivian\tSouth America
IRN\tIR\tIran\tTehran\tIranian|Persian\tSouthern Asia
USA\tUS\tUnited States\tWashington D.C.\tAmerican\tNorth America
";

fn lex() -> Lexicon {
    Lexicon::from_sources(GAZ, COUNTRIES, "Evo\nLuis\n# comment\n").expect("fixture parses")
}

fn hits(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
    lex.find_all(text)
        .into_iter()
        .map(|h| {
            (
                text[h.start..h.end].to_owned(),
                lex.entry(h.entry).canonical.clone(),
            )
        })
        .collect()
}

#[test]
fn parses_entries_and_countries() {
    let l = lex();
    assert_eq!(l.len(), 17);
    assert_eq!(l.countries().len(), 3);
    let bol = l.country("BOL").expect("BOL");
    assert_eq!(bol.capital.as_deref(), Some("Sucre"));
    assert_eq!(l.country("IRN").map(|c| c.demonyms.len()), Some(2));
    let id = l.lookup("Hezbollah").expect("Hezbollah");
    assert_eq!(l.entry(id).kind, EntryKind::Organization);
    assert_eq!(l.entry(id).subkind(), "armed_group");
    assert_eq!(
        l.entry(l.lookup("El Alto").expect("El Alto")).population(),
        Some(900000)
    );
}

#[test]
fn rejects_malformed_lines() {
    let err = Lexicon::from_sources("Bolivia\tcountry\n", "", "").unwrap_err();
    assert!(
        matches!(err, LexiconError::BadLine { line: 1, .. }),
        "{err}"
    );
    let err = Lexicon::from_sources("X\tplanet\tX\t\t\n", "", "").unwrap_err();
    assert!(err.to_string().contains("unknown kind"));
    assert!(Lexicon::from_sources("", "BOLIVIA\tBO\n", "").is_err());
}

#[test]
fn word_boundaries_are_required() {
    let l = lex();
    assert!(hits(&l, "Bolivias and XBolivia and Bolivia2").is_empty());
    assert_eq!(
        hits(&l, "(Bolivia), Bolivia."),
        vec![
            ("Bolivia".into(), "Bolivia".into()),
            ("Bolivia".into(), "Bolivia".into())
        ]
    );
    // non-ASCII letters count as word characters
    assert!(hits(&l, "ÉBolivia").is_empty());
}

#[test]
fn possessive_is_allowed_and_excluded() {
    let l = lex();
    let text = "Bolivia's army and Iran’s drones";
    let found = l.find_all(text);
    assert_eq!(found.len(), 3);
    assert_eq!(&text[found[0].start..found[0].end], "Bolivia");
    assert_eq!(&text[found[1].start..found[1].end], "Iran");
    assert_eq!(&text[found[2].start..found[2].end], "drones");
}

#[test]
fn longest_match_wins_and_falls_back_to_shorter() {
    let l = lex();
    assert_eq!(
        hits(&l, "in New York City today"),
        vec![("New York City".into(), "New York City".into())]
    );
    // "New York City" is not a word-bounded hit in "New York Cityscape": fall back.
    assert_eq!(
        hits(&l, "New York Cityscape"),
        vec![("New York".into(), "New York City".into())]
    );
    // Iranian is longer than Iran
    assert_eq!(hits(&l, "Iranian drones")[0].0, "Iranian");
    // a failed longer hit does not hide later ones
    assert_eq!(hits(&l, "Iranians, Iran").len(), 1);
}

#[test]
fn hits_are_sorted_and_non_overlapping() {
    let l = lex();
    let text = "The U.S. said Bolivian officials in La Paz and El Alto bought Mohajer-6 and ANSU-600 drones from Iran.";
    let found = l.find_all(text);
    let surfaces: Vec<&str> = found.iter().map(|h| &text[h.start..h.end]).collect();
    assert_eq!(
        surfaces,
        [
            "U.S.",
            "Bolivian",
            "La Paz",
            "El Alto",
            "Mohajer-6",
            "ANSU-600",
            "drones",
            "Iran"
        ]
    );
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    let canon: Vec<&str> = found
        .iter()
        .map(|h| l.entry(h.entry).canonical.as_str())
        .collect();
    assert_eq!(canon[4], canon[5]);
}

#[test]
fn case_sensitive_matching() {
    let l = lex();
    assert!(hits(&l, "bolivia BOLIVIA").is_empty());
    assert_eq!(hits(&l, "Drones hit").len(), 1);
}

#[test]
fn folded_and_accent_free_forms() {
    let l = lex();
    assert_eq!(hits(&l, "Chavez and Chávez").len(), 2);
    let a = l.lookup_folded("CHÁVEZ").expect("folded");
    assert_eq!(l.entry(a).canonical, "Hugo Chávez");
    assert!(l.lookup("chavez").is_none());
    assert!(l.lookup_folded("new york city").is_some());
}

#[test]
fn lookup_and_country_by_name() {
    let l = lex();
    assert!(l.lookup("Bolivia").is_some());
    assert!(l.lookup("Boliv").is_none());
    assert_eq!(
        l.country_by_name("Bolivian").map(|c| c.iso3.as_str()),
        Some("BOL")
    );
    assert_eq!(
        l.country_by_name("U.S.").map(|c| c.iso3.as_str()),
        Some("USA")
    );
    assert_eq!(
        l.country_by_name("the United States")
            .map(|c| c.iso3.as_str()),
        Some("USA")
    );
    assert_eq!(
        l.country_by_name("bolivia").map(|c| c.iso3.as_str()),
        Some("BOL")
    );
    assert_eq!(
        l.country_by_name("IRN").map(|c| c.name.as_str()),
        Some("Iran")
    );
    assert!(l.country_by_name("La Paz").is_none());
    assert!(l.country_by_name("Hezbollah").is_none());
}

#[test]
fn given_names() {
    let l = lex();
    assert!(l.is_given_name("Evo"));
    assert!(l.is_given_name("EVO"));
    assert!(!l.is_given_name("evo"));
    assert!(!l.is_given_name("Bolivia"));
    assert!(!l.is_given_name(""));
    assert_eq!(l.given_name_count(), 2);
}

#[test]
fn empty_and_edge_texts() {
    let l = lex();
    assert!(l.find_all("").is_empty());
    assert!(l.find_all("'s ’s -- ..").is_empty());
    // appends to the caller's vector
    let mut out = vec![GazetteerHit {
        start: 0,
        end: 0,
        entry: EntryId(0),
    }];
    l.find_entries("Iran", &mut out);
    assert_eq!(out.len(), 2);
}
