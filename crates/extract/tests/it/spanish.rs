//! Spanish rule families, each from plain sentences: roles and titles, double surnames,
//! event frames (the triggers are covered type by type in `plover.rs`), modality, dates
//! resolved against the publication date, and quotes with their speakers.

use pw_extract::Extractor;
use pw_model::{Document, Extraction, Modality, PartialDate};

fn extract(text: &str) -> Extraction {
    let mut document = Document {
        text: text.to_string(),
        ..Document::default()
    };
    document.meta.language = Some("es".to_string());
    document.meta.published = "2023-07-24".parse::<PartialDate>().ok();
    Extractor::new().extract(&document)
}

fn name(extraction: &Extraction, id: pw_model::EntityId) -> String {
    extraction
        .entity(id)
        .map_or_else(String::new, |entity| entity.name.clone())
}

/// Every event as `type source->target modality date`.
fn events(extraction: &Extraction) -> Vec<String> {
    extraction
        .events
        .iter()
        .map(|event| {
            let side = |ids: &[pw_model::EntityId]| {
                ids.iter()
                    .map(|&id| name(extraction, id))
                    .collect::<Vec<_>>()
                    .join("+")
            };
            format!(
                "{} {}->{} {:?} {}",
                event.event_type.as_str(),
                side(&event.source),
                side(&event.target),
                event.modality,
                event
                    .date
                    .as_ref()
                    .map_or("undated".to_string(), |date| date.to_string())
            )
        })
        .collect()
}

fn has_event(extraction: &Extraction, wanted: &str) {
    let found = events(extraction);
    assert!(
        found.iter().any(|event| event.starts_with(wanted)),
        "wanted {wanted:?}, got {found:?}"
    );
}

#[test]
fn titles_before_a_name_are_roles() {
    let extraction =
        extract("El viceministro de Defensa de Bolivia, Juan Pérez, viajó a Moscú el lunes.");
    let person = extraction
        .entities
        .iter()
        .find(|entity| entity.name == "Juan Pérez")
        .expect("the person");
    assert_eq!(person.roles, ["viceministro de Defensa de Bolivia"]);
    assert_eq!(person.country.as_deref(), Some("BOL"));
}

#[test]
fn a_surname_alone_is_the_same_person() {
    let extraction = extract(
        "El ministro de Defensa, Edmundo Novillo Aguilar, llegó a Teherán. Novillo se reunió \
         con su homólogo iraní.",
    );
    let people: Vec<&pw_model::Entity> = extraction
        .entities
        .iter()
        .filter(|entity| entity.kind == pw_model::EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(people[0].aliases.iter().any(|alias| alias == "Novillo"));
}

#[test]
fn demonyms_after_their_noun_are_the_country() {
    has_event(
        &extract("La policía rusa detuvo a un periodista estadounidense en Moscú."),
        "seize Russia->United States",
    );
    has_event(
        &extract("El gobierno boliviano criticó a Estados Unidos por las sanciones."),
        "criticize Bolivia->United States",
    );
}

#[test]
fn frames_read_spanish_prepositions() {
    // "a" is the receiver of a sale and the seller of a purchase.
    has_event(
        &extract("Irán vendió drones a Bolivia el año pasado."),
        "transfer_arms Iran->Bolivia",
    );
    has_event(
        &extract("Bolivia compró drones a Irán el año pasado."),
        "transfer_arms Iran->Bolivia",
    );
    // "por" is the agent of a passive.
    has_event(
        &extract("Un ciudadano colombiano fue arrestado por la policía de Panamá."),
        "arrest Panama->Colombia",
    );
    // Time and place between the verb and its object.
    has_event(
        &extract("Bolivia firmó el jueves en Teherán un memorando de entendimiento con Irán."),
        "agree Bolivia->Iran",
    );
}

#[test]
fn modality_from_spanish_cues_and_tenses() {
    let modality = |text: &str| extract(text).events.first().map(|event| event.modality);
    assert_eq!(
        modality(
            "Según la agencia estatal, Bolivia habría firmado un acuerdo de defensa con Irán."
        ),
        Some(Modality::Alleged)
    );
    assert_eq!(
        modality("Bolivia firmará un acuerdo de defensa con Irán, según el gobierno."),
        Some(Modality::Planned)
    );
    assert_eq!(
        modality("Irán no entregó drones a Bolivia, según el diario."),
        Some(Modality::Denied)
    );
    assert_eq!(
        modality("Bolivia supuestamente compró drones a Irán, según el diario."),
        Some(Modality::Alleged)
    );
}

#[test]
fn dates_resolve_against_the_publication_day() {
    // Published Monday 2023-07-24.
    has_event(
        &extract("Bolivia firmó el 20 de julio de 2023 un memorando con Irán."),
        "agree Bolivia->Iran Asserted 2023-07-20",
    );
    has_event(
        &extract("Bolivia firmó el jueves pasado un memorando de entendimiento con Irán."),
        "agree Bolivia->Iran Asserted 2023-07-20",
    );
}

#[test]
fn quotes_take_their_speaker_after_before_or_from_the_dropped_subject() {
    let extraction = extract(
        "«Es un acuerdo histórico para la defensa», dijo el ministro de Defensa, Edmundo \
         Novillo. Luego agregó que «no hay armas en el acuerdo con Irán».\n\nSegún el \
         canciller venezolano, Yván Gil, \"Estados Unidos busca una excusa para atacar\".",
    );
    let speakers: Vec<(String, String)> = extraction
        .quotes
        .iter()
        .map(|quote| {
            (
                quote.text.chars().take(12).collect(),
                quote
                    .speaker
                    .map_or_else(String::new, |id| name(&extraction, id)),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Es un acuerd".to_string(), "Edmundo Novillo".to_string()),
            ("no hay armas".to_string(), "Edmundo Novillo".to_string()),
            ("Estados Unid".to_string(), "Yván Gil".to_string()),
        ]
    );
}

/// Every quote as (its first twelve characters, its speaker's name).
fn speakers(extraction: &Extraction) -> Vec<(String, String)> {
    extraction
        .quotes
        .iter()
        .map(|quote| {
            (
                quote.text.chars().take(12).collect(),
                quote
                    .speaker
                    .map_or_else(String::new, |id| name(extraction, id)),
            )
        })
        .collect()
}

#[test]
fn a_continued_speech_keeps_its_speaker() {
    // A verb joined by "y" introduces the next quote; a place after "en" is not a
    // speaker; "añadió" carries on the speaker before; a name inside a quote is not
    // who speaks next.
    let extraction = extract(
        "El ministro del Interior de Venezuela, Tareck El Aissami, calificó hoy como \
         \"mentiras\" las denuncias del vicepresidente colombiano, Francisco Santos.\n\n\
         \"Desmentimos absolutamente esas acusaciones\", añadió.\n\n\
         El Aissami señaló que \"nadie conoce qué armas\" fueron las incautadas en \
         Colombia y agregó que \"todo parece una película barata del gobierno de Hugo \
         Chávez\".\n\nIgualmente, dijo que \"en su debido momento emitirá un comunicado\".",
    );
    let aissami = "Tareck El Aissami".to_string();
    assert_eq!(
        speakers(&extraction),
        [
            ("mentiras".to_string(), aissami.clone()),
            ("Desmentimos ".to_string(), aissami.clone()),
            ("nadie conoce".to_string(), aissami.clone()),
            ("todo parece ".to_string(), aissami.clone()),
            ("en su debido".to_string(), aissami),
        ]
    );
}

#[test]
fn the_dash_of_dialogue_is_a_quote() {
    let extraction = extract(
        "El ministro de Defensa, Edmundo Novillo, habló con la prensa en La Paz.\n\n\
         —Es un acuerdo histórico para nuestras Fuerzas Armadas —dijo Novillo—. Lo \
         cumpliremos con todos nuestros socios de la región.",
    );
    let quotes: Vec<(String, String)> = extraction
        .quotes
        .iter()
        .map(|quote| {
            (
                quote.text.clone(),
                quote
                    .speaker
                    .map_or_else(String::new, |id| name(&extraction, id)),
            )
        })
        .collect();
    assert_eq!(
        quotes[0],
        (
            "Es un acuerdo histórico para nuestras Fuerzas Armadas".to_string(),
            "Edmundo Novillo".to_string()
        ),
        "{quotes:?}"
    );
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(quotes[1].0.contains("Lo cumpliremos"), "{quotes:?}");
    assert_eq!(quotes[1].1, "Edmundo Novillo", "{quotes:?}");
}
