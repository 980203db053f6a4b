//! Tests of the Spanish lexicon (`Lexicon::for_language("es")`): Spanish names,
//! gentilicios, exonyms and organizations resolve to the entries of the English
//! gazetteer they translate, and the English lexicon is unchanged.

use pw_lexicon::{Entry, EntryKind, Lexicon};
use std::collections::{HashMap, HashSet};

const SPANISH_GAZETTEER: &str = include_str!("../../../../data/lexicon/es/gazetteer.tsv");
const SPANISH_REMOVED: &str = include_str!("../../../../data/lexicon/es/gazetteer_removed.tsv");
const COUNTRIES: &str = include_str!("../../../../data/lexicon/countries.tsv");

fn es() -> &'static Lexicon {
    Lexicon::for_language("es")
}

/// The entries found in `text`, as (surface, entry).
fn found<'a>(lex: &'a Lexicon, text: &'a str) -> Vec<(&'a str, &'a Entry)> {
    lex.find_all(text)
        .into_iter()
        .map(|h| (&text[h.start..h.end], lex.entry(h.entry)))
        .collect()
}

/// The entry matched for exactly `surface` in `text`; panics when there is none.
fn hit<'a>(lex: &'a Lexicon, text: &'a str, surface: &str) -> &'a Entry {
    let hits = found(lex, text);
    match hits.iter().find(|(s, _)| *s == surface) {
        Some((_, e)) => e,
        None => panic!("{surface:?} not found in {text:?}: {hits:?}"),
    }
}

fn assert_entry(e: &Entry, kind: EntryKind, canonical: &str, country: Option<&str>) {
    assert_eq!(
        (e.kind, e.canonical.as_str(), e.country.as_deref()),
        (kind, canonical, country),
        "{e:?}"
    );
}

#[test]
fn spanish_country_names_resolve_to_the_english_countries() {
    let text = "Irán respondió el lunes a las sanciones de Estados Unidos.";
    assert_entry(
        hit(es(), text, "Irán"),
        EntryKind::Country,
        "Iran",
        Some("IRN"),
    );
    assert_eq!(
        hit(es(), text, "Estados Unidos").country.as_deref(),
        Some("USA")
    );
    let text = "El Gobierno de EE. UU. anunció nuevas medidas contra Venezuela.";
    assert_entry(
        hit(es(), text, "EE. UU."),
        EntryKind::Country,
        "United States",
        Some("USA"),
    );
    for (text, surface, iso3) in [
        ("La presidenta dijo que EU no intervendrá.", "EU", "USA"),
        ("Los aranceles de EE.UU. afectan a México.", "México", "MEX"),
        ("El canal de Panamá y el Perú firmaron.", "Perú", "PER"),
        ("Tropas en Afganistán y Pakistán.", "Pakistán", "PAK"),
        (
            "Japón y Kazajistán firmaron un acuerdo.",
            "Kazajistán",
            "KAZ",
        ),
        ("La ayuda llegó a Haití por mar.", "Haití", "HTI"),
        ("La RD Congo denunció a Ruanda.", "RD Congo", "COD"),
    ] {
        let e = hit(es(), text, surface);
        assert_eq!(
            (e.kind, e.country.as_deref()),
            (EntryKind::Country, Some(iso3)),
            "{surface}: {e:?}"
        );
    }
}

#[test]
fn the_european_union_is_ue_in_spanish_and_eu_in_english() {
    let text = "La UE y la OTAN se reunieron en Bruselas.";
    assert_entry(
        hit(es(), text, "UE"),
        EntryKind::Organization,
        "European Union",
        None,
    );
    assert_entry(
        hit(es(), text, "OTAN"),
        EntryKind::Organization,
        "North Atlantic Treaty Organization",
        None,
    );
    for english in [Lexicon::builtin(), Lexicon::for_language("en")] {
        let text = "The EU and the U.S. disagreed.";
        let e = hit(english, text, "EU");
        assert_eq!(e.canonical, "European Union");
        assert_ne!(e.country.as_deref(), Some("USA"));
    }
    assert!(std::ptr::eq(
        Lexicon::for_language("en"),
        Lexicon::builtin()
    ));
    assert!(std::ptr::eq(
        Lexicon::for_language("fr"),
        Lexicon::builtin()
    ));
    assert!(std::ptr::eq(
        Lexicon::for_language("es-MX"),
        Lexicon::for_language("es")
    ));
}

#[test]
fn gentilicios_are_demonyms_in_every_gender_and_number() {
    let text = "Las autoridades bolivianas detuvieron a dos ciudadanos iraníes.";
    assert_entry(
        hit(es(), text, "bolivianas"),
        EntryKind::Demonym,
        "Bolivian",
        Some("BOL"),
    );
    assert_eq!(hit(es(), text, "iraníes").country.as_deref(), Some("IRN"));
    for (surface, iso3) in [
        ("boliviano", "BOL"),
        ("iraní", "IRN"),
        ("iranís", "IRN"),
        ("estadounidense", "USA"),
        ("estadounidenses", "USA"),
        ("norteamericanos", "USA"),
        ("rusa", "RUS"),
        ("chinos", "CHN"),
        ("israelíes", "ISR"),
        ("española", "ESP"),
        ("españoles", "ESP"),
        ("francesa", "FRA"),
        ("franceses", "FRA"),
        ("alemanas", "DEU"),
        ("nicaragüense", "NIC"),
        ("saudíes", "SAU"),
        ("belgas", "BEL"),
        ("letona", "LVA"),
        ("brasileros", "BRA"),
        ("Venezolanos", "VEN"),
    ] {
        let id = es()
            .lookup(surface)
            .unwrap_or_else(|| panic!("{surface} missing"));
        let e = es().entry(id);
        assert_eq!(
            (e.kind, e.country.as_deref()),
            (EntryKind::Demonym, Some(iso3)),
            "{surface}: {e:?}"
        );
        assert_eq!(
            es().country_by_name(surface).map(|c| c.iso3.as_str()),
            Some(iso3)
        );
    }
    let countries: HashSet<&str> = es()
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Demonym && e.extra.contains("gender="))
        .filter_map(|e| e.country.as_deref())
        .collect();
    assert!(
        countries.len() >= 120,
        "gentilicios of {} countries",
        countries.len()
    );
}

#[test]
fn exonyms_and_organizations_share_the_english_canonical_names() {
    let text = "Desde Teherán, Moscú y Pekín llegaron delegaciones a Ginebra.";
    for (surface, canonical, iso3) in [
        ("Teherán", "Tehran", "IRN"),
        ("Moscú", "Moscow", "RUS"),
        ("Pekín", "Beijing", "CHN"),
    ] {
        assert_entry(
            hit(es(), text, surface),
            EntryKind::Capital,
            canonical,
            Some(iso3),
        );
        let english = Lexicon::builtin().lookup(canonical).expect(canonical);
        assert_eq!(Lexicon::builtin().entry(english).canonical, canonical);
    }
    assert_eq!(hit(es(), text, "Ginebra").canonical, "Geneva");
    let text = "El Comando Sur atacó una lancha; Hamás y los hutíes respondieron.";
    assert_entry(
        hit(es(), text, "Comando Sur"),
        EntryKind::Organization,
        "U.S. Southern Command",
        Some("USA"),
    );
    assert_entry(
        hit(es(), text, "Hamás"),
        EntryKind::Organization,
        "Hamas",
        Some("PSE"),
    );
    assert_eq!(hit(es(), text, "hutíes").canonical, "Houthis");
    let text = "La Casa Blanca, el Pentágono y el Departamento de Estado callaron.";
    assert_eq!(hit(es(), text, "Casa Blanca").canonical, "White House");
    assert_eq!(hit(es(), text, "Pentágono").canonical, "Pentagon");
    assert_eq!(
        hit(es(), text, "Departamento de Estado").canonical,
        "State Department"
    );
    let text = "Según el Instituto para el Estudio de la Guerra, la ONU calla.";
    assert_eq!(
        hit(es(), text, "Instituto para el Estudio de la Guerra").canonical,
        "Institute for the Study of War"
    );
    assert_eq!(hit(es(), text, "ONU").canonical, "United Nations");
    let text = "Las Fuerzas Armadas Revolucionarias de Colombia (Farc) y el ELN.";
    assert_eq!(
        hit(es(), text, "Fuerzas Armadas Revolucionarias de Colombia").canonical,
        "FARC"
    );
    assert_eq!(hit(es(), text, "Farc").canonical, "FARC");
}

#[test]
fn common_words_and_given_names_are_not_places_in_spanish() {
    let text = "Mauricio y Rafael dijeron en la Reunión que la Paz de mayo fue una Victoria.";
    let hits = found(es(), text);
    assert!(
        hits.iter().all(
            |(s, _)| !["Mauricio", "Rafael", "Reunión", "Victoria", "Paz", "Mayo"].contains(s)
        ),
        "{hits:?}"
    );
    // Every removal names an English entry (none is stale) that Spanish does not match.
    for line in SPANISH_REMOVED
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let surface = line.split('\t').next().unwrap_or_default();
        assert!(Lexicon::builtin().lookup(surface).is_some(), "{surface}");
        assert_eq!(es().lookup(surface), None, "{surface}");
    }
}

#[test]
fn every_spanish_entry_names_an_english_entity() {
    let spanish =
        Lexicon::from_sources(SPANISH_GAZETTEER, COUNTRIES, "").expect("es/gazetteer.tsv");
    assert!(spanish.len() >= 1000, "{} Spanish entries", spanish.len());
    let english = Lexicon::builtin();
    let mut english_canonicals: HashMap<EntryKind, HashSet<&str>> = HashMap::new();
    for e in english.entries() {
        english_canonicals
            .entry(e.kind)
            .or_default()
            .insert(e.canonical.as_str());
    }
    let mut problems = Vec::new();
    for e in spanish.entries() {
        if let Some(iso3) = &e.country
            && english.country(iso3).is_none()
        {
            problems.push(format!(
                "{}: country {iso3} is not in countries.tsv",
                e.surface
            ));
        }
        // A gentilicio of a country without an English demonym entry takes the
        // country's name (togolés → Togo).
        let kinds: &[EntryKind] = match e.kind {
            EntryKind::Demonym => &[EntryKind::Demonym, EntryKind::Country],
            kind => &[kind][..],
        };
        let known = kinds.iter().any(|kind| {
            english_canonicals
                .get(kind)
                .is_some_and(|c| c.contains(e.canonical.as_str()))
        });
        if !known {
            problems.push(format!(
                "{}: no English {} is named {:?}",
                e.surface, e.kind, e.canonical
            ));
        }
        let merged = es().entry(es().lookup(&e.surface).expect("in the Spanish lexicon"));
        if merged != e {
            problems.push(format!(
                "{}: the Spanish lexicon holds {merged:?}",
                e.surface
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(english.lookup("Irán"), None);
    assert!(es().len() > english.len());
}
