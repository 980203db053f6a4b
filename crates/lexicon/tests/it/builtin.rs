//! Tests on the embedded (builtin) lexicon: coverage floors and spot checks.

use pw_lexicon::{EntryKind, Lexicon};
use std::collections::HashSet;

fn lex() -> &'static Lexicon {
    Lexicon::builtin()
}

fn kind_of(surface: &str) -> Option<EntryKind> {
    lex().lookup(surface).map(|id| lex().entry(id).kind)
}

fn canonicals(kind: EntryKind) -> HashSet<&'static str> {
    lex()
        .entries()
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.canonical.as_str())
        .collect()
}

#[test]
fn every_country_is_found_by_name() {
    let l = lex();
    assert!(
        l.countries().len() >= 240,
        "{} countries",
        l.countries().len()
    );
    for c in l.countries() {
        let text = format!("Officials from {} met on Monday.", c.name);
        let hits = l.find_all(&text);
        let found = hits.iter().any(|h| {
            let e = l.entry(h.entry);
            e.kind == EntryKind::Country && e.country.as_deref() == Some(c.iso3.as_str())
        });
        assert!(
            found,
            "{} ({}) not found as a country: {hits:?}",
            c.name, c.iso3
        );
        assert_eq!(
            l.country_by_name(&c.name).map(|x| x.iso3.as_str()),
            Some(c.iso3.as_str()),
            "country_by_name({})",
            c.name
        );
    }
}

#[test]
fn count_floors() {
    assert!(canonicals(EntryKind::Country).len() >= 240);
    let cities = canonicals(EntryKind::City).len() + canonicals(EntryKind::Capital).len();
    assert!(cities >= 5000, "{cities} cities");
    let orgs = canonicals(EntryKind::Organization).len();
    assert!(orgs >= 300, "{orgs} organizations");
    let weapons = canonicals(EntryKind::Equipment).len();
    assert!(weapons >= 300, "{weapons} weapon designations");
    assert!(lex().given_name_count() >= 1000);
    assert!(canonicals(EntryKind::Person).len() >= 1000);
    assert!(canonicals(EntryKind::EquipmentClass).len() >= 60);
    assert!(canonicals(EntryKind::Region).len() >= 50);
}

#[test]
fn spot_checks() {
    let l = lex();
    let m6 = l.lookup("Mohajer-6").expect("Mohajer-6");
    let ansu = l.lookup("ANSU-600").expect("ANSU-600");
    assert_eq!(l.entry(m6).canonical, l.entry(ansu).canonical);
    assert_eq!(
        l.entry(l.lookup("Mohajer 6").expect("Mohajer 6")).canonical,
        "Mohajer-6"
    );
    assert_eq!(
        l.entry(l.lookup("ANSU-100").expect("ANSU-100")).canonical,
        "Mohajer-2"
    );
    assert_eq!(
        l.entry(l.lookup("Geran-2").expect("Geran-2")).canonical,
        "Shahed-136"
    );

    let hz = l.entry(l.lookup("Hezbollah").expect("Hezbollah"));
    assert_eq!(
        (hz.kind, hz.country.as_deref()),
        (EntryKind::Organization, Some("LBN"))
    );
    assert_eq!(
        l.entry(l.lookup("Hizballah").expect("Hizballah")).canonical,
        hz.canonical
    );

    let teh = l.entry(l.lookup("Tehran").expect("Tehran"));
    assert_eq!(
        (teh.kind, teh.country.as_deref()),
        (EntryKind::Capital, Some("IRN"))
    );

    let bo = l.entry(l.lookup("Bolivian").expect("Bolivian"));
    assert_eq!(
        (bo.kind, bo.country.as_deref()),
        (EntryKind::Demonym, Some("BOL"))
    );
    for (s, iso) in [
        ("American", "USA"),
        ("Argentine", "ARG"),
        ("Argentinian", "ARG"),
        ("Iranian", "IRN"),
        ("Persian", "IRN"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Islamic Republic of Iran", "IRN"),
        ("Plurinational State of Bolivia", "BOL"),
    ] {
        assert_eq!(
            l.country_by_name(s).map(|c| c.iso3.as_str()),
            Some(iso),
            "{s}"
        );
    }

    for city in [
        "El Alto",
        "Maracay",
        "St. Petersburg",
        "Saint Petersburg",
        "Buenos Aires",
        "La Paz",
    ] {
        let k = kind_of(city);
        assert!(
            matches!(k, Some(EntryKind::City | EntryKind::Capital)),
            "{city}: {k:?}"
        );
    }
    for org in [
        "United Nations",
        "UN",
        "UN General Assembly",
        "NATO",
        "OAS",
        "EU",
        "African Union",
        "FARC",
        "ELN",
        "Hamas",
        "Houthis",
        "Ansarallah",
        "Islamic State",
        "ISIS",
        "IRGC",
        "Reuters",
        "Associated Press",
        "Xinhua",
        "TASS",
        "Pentagon",
        "Mahan Air",
        "Rosoboronexport",
    ] {
        assert_eq!(kind_of(org), Some(EntryKind::Organization), "{org}");
    }
    for p in [
        "Nicolás Maduro",
        "Nicolas Maduro",
        "Evo Morales",
        "Luis Arce",
        "Vladimir Putin",
        "Recep Tayyip Erdogan",
    ] {
        assert_eq!(kind_of(p), Some(EntryKind::Person), "{p}");
    }
    for c in ["drones", "Drones", "ballistic missiles", "UAV", "artillery"] {
        assert_eq!(kind_of(c), Some(EntryKind::EquipmentClass), "{c}");
    }
    assert!(l.is_given_name("Evo") && l.is_given_name("Mohammed") && l.is_given_name("Nicolás"));
    assert!(!l.is_given_name("Bolivia"));
}

#[test]
fn common_words_are_not_hits() {
    let l = lex();
    for w in [
        "Of", "March", "Mobile", "Split", "Reading", "Most", "Nice", "Date", "Police", "Media",
        "The", "May",
    ] {
        let text = format!("{w} the thing.");
        let hits = l.find_all(&text);
        assert!(
            hits.iter().all(|h| h.start != 0),
            "{w} matched as {:?}",
            hits.iter().map(|h| l.entry(h.entry)).collect::<Vec<_>>()
        );
    }
    // lowercase words are never names
    assert!(
        l.find_all("the police said the date of the march was nice")
            .is_empty()
    );
}

#[test]
fn sentence_with_possessive() {
    let l = lex();
    let text = "Bolivia's government said Iran's Mohajer-6 drones reached El Alto.";
    let got: Vec<&str> = l
        .find_all(text)
        .iter()
        .map(|h| &text[h.start..h.end])
        .collect();
    assert_eq!(got, ["Bolivia", "Iran", "Mohajer-6", "drones", "El Alto"]);
}

#[test]
fn runs_on_a_megabyte() {
    let l = lex();
    let para = "On Monday, the U.S. State Department said Iranian Shahed-136 drones and Mohajer-6 UAVs \
        were delivered to Venezuela's armed forces in Caracas, while Hezbollah and the IRGC denied it. \
        Reuters and AFP reported that Nicolás Maduro met Vladimir Putin in Moscow. ";
    let text = para.repeat(1_000_000 / para.len() + 1);
    let mut out = Vec::new();
    l.find_entries(&text, &mut out);
    let per = l.find_all(para).len();
    assert!(per >= 12, "{per} hits per paragraph");
    assert_eq!(out.len(), per * (1_000_000 / para.len() + 1));
}

#[test]
fn a_surname_names_a_person_only_when_one_bears_it() {
    let gazetteer = "#surface\tkind\tcanonical\tcountry\textra\n\
        Ana Lopez\tperson\tAna Lopez\tMEX\tminister\n\
        Juan Lopez\tperson\tJuan Lopez\tESP\tminister\n\
        Olaf Scholz\tperson\tOlaf Scholz\tDEU\tchancellor\n\
        Chancellor Scholz\tperson\tOlaf Scholz\tDEU\tchancellor\n\
        Madonna\tperson\tMadonna\tUSA\tsinger\n";
    let countries = "#iso3\tiso2\tname\n";
    let lexicon = Lexicon::from_sources(gazetteer, countries, "").expect("valid lexicon");
    let scholz = lexicon.person_by_surname("Scholz").expect("one Scholz");
    assert_eq!(scholz.country.as_deref(), Some("DEU"));
    assert!(
        lexicon.person_by_surname("Lopez").is_none(),
        "two people are Lopez"
    );
    assert!(
        lexicon.person_by_surname("Madonna").is_none(),
        "one word is no surname"
    );
    assert!(lexicon.person_by_surname("Nobody").is_none());
}

#[test]
fn international_organizations_have_no_country() {
    let lexicon = lex();
    assert!(lexicon.is_international_org("United Nations"));
    assert!(lexicon.is_international_org("NATO"));
    assert!(!lexicon.is_international_org("Hezbollah"));
    assert!(!lexicon.is_international_org("Bolivia"));
}
