//! Which language an article is written in: from its metadata when that names one, else
//! from stop-word profiles (`data/lexicon/<language>/stopwords.txt`), the commonest
//! function words of each language counted over the first words of the text.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use pw_lexicon::words::{
    DE_STOPWORDS, EN_STOPWORDS, ES_STOPWORDS, FR_STOPWORDS, IT_STOPWORDS, PT_STOPWORDS, WordList,
    with_lowercase,
};

/// The languages extraction reads; any other is stored and reported as not supported.
pub const SUPPORTED: [&str; 2] = ["en", "es"];

/// The profiles, by ISO 639-1 code. English first: it wins ties.
fn profiles() -> [(&'static str, &'static WordList); 6] {
    [
        ("en", &EN_STOPWORDS),
        ("es", &ES_STOPWORDS),
        ("pt", &PT_STOPWORDS),
        ("fr", &FR_STOPWORDS),
        ("it", &IT_STOPWORDS),
        ("de", &DE_STOPWORDS),
    ]
}

/// Every profile word, with a bit per profile that holds it (bit `i`: `profiles()[i]`),
/// so each word of the text is looked up once.
fn profile_words() -> &'static FxHashMap<&'static str, u8> {
    static WORDS: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FxHashMap::default();
        for (index, (_, list)) in profiles().iter().enumerate() {
            for &word in list.list() {
                *words.entry(word).or_insert(0u8) |= 1 << index;
            }
        }
        words
    })
}

/// How many words of the text are looked at: enough for a clear vote, few enough that
/// a huge article costs no more than a short one.
const SAMPLE_WORDS: usize = 2_000;
/// Fewer profile words than this in the sample is no evidence (a name, a table).
const MIN_HITS: usize = 2;

/// The language of `text` by its stop words: the ISO 639-1 code of the profile with the
/// most hits, or `None` when the text has too few function words of any profile to tell.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let profiles = profiles();
    let words = profile_words();
    let mut hits = [0usize; 6];
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(SAMPLE_WORDS)
    {
        let lowercase_already = word
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit());
        let languages = if lowercase_already {
            words.get(word).copied()
        } else {
            with_lowercase(word, |word| words.get(word).copied())
        };
        if let Some(languages) = languages {
            for (index, count) in hits.iter_mut().enumerate() {
                *count += usize::from(languages >> index & 1);
            }
        }
    }
    let (best, &count) = hits
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|&(_, count)| count)?;
    // The winner must stand clear of the runner-up: the profiles share a few words
    // ("de", "que", "a"), and a short text can tie.
    let runner_up = hits
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != best)
        .map(|(_, &count)| count)
        .max()
        .unwrap_or(0);
    let clear = 2 * count >= 3 * runner_up || count >= runner_up + 3;
    (count >= MIN_HITS && clear).then_some(profiles[best].0)
}

/// A language named by metadata (`es`, `es-AR`, `es_MX`, `spa`, `en, fr`) as its ISO 639-1 code,
/// lowercase (the ISO 639-2 codes of the profiled languages are mapped to theirs);
/// `None` when the value is not a language code.
pub fn language_code(tag: &str) -> Option<String> {
    // `Content-Language` may list several; the first is the main one.
    let tag = tag.split([',', ';']).next().unwrap_or_default();
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let code = match primary.as_str() {
        // ISO 639 codes that name no language of the text: undetermined, multiple, no
        // linguistic content, uncoded.
        "" | "und" | "mul" | "zxx" | "mis" => return None,
        "eng" => "en",
        "spa" => "es",
        "por" => "pt",
        "fra" | "fre" => "fr",
        "deu" | "ger" => "de",
        "ita" => "it",
        code if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) => code,
        code if code.len() == 3 && code.chars().all(|c| c.is_ascii_lowercase()) => code,
        _ => return None,
    };
    Some(code.to_string())
}

/// Whether extraction reads `code`.
pub fn is_supported(code: &str) -> bool {
    SUPPORTED.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_spanish() {
        assert_eq!(
            detect_language(
                "Bolivia and Iran signed a memorandum of understanding on defense, the minister said."
            ),
            Some("en")
        );
        assert_eq!(
            detect_language(
                "El ministro de Defensa de Bolivia firmó un memorando de entendimiento con Irán, según la agencia."
            ),
            Some("es")
        );
    }

    #[test]
    fn names_languages_it_does_not_read() {
        assert_eq!(
            detect_language(
                "Le ministre de la Défense de la Bolivie a signé un accord avec le gouvernement \
                 iranien dans la capitale, et il est parti pour Paris avec les drones."
            ),
            Some("fr")
        );
        assert_eq!(
            detect_language(
                "Le ministre a signé un accord avec le gouvernement iranien dans la capitale, et il est parti pour Paris."
            ),
            Some("fr")
        );
        assert_eq!(
            detect_language(
                "O ministro não assinou o acordo com o governo, que foi criticado pela oposição e também pelos militares."
            ),
            Some("pt")
        );
    }

    #[test]
    fn too_little_text_is_no_evidence() {
        assert_eq!(detect_language("Iran Bolivia drones"), None);
        assert_eq!(detect_language("Iran and Bolivia"), None);
        assert_eq!(
            detect_language("La policía rusa detuvo a un periodista estadounidense."),
            Some("es")
        );
        assert_eq!(
            detect_language("Iran and Bolivia signed the deal."),
            Some("en")
        );
        assert_eq!(detect_language(""), None);
    }

    #[test]
    fn metadata_tags_become_codes() {
        assert_eq!(language_code("es-AR").as_deref(), Some("es"));
        assert_eq!(language_code("es_MX").as_deref(), Some("es"));
        assert_eq!(language_code("EN").as_deref(), Some("en"));
        assert_eq!(language_code("spa").as_deref(), Some("es"));
        assert_eq!(language_code("zh-Hans").as_deref(), Some("zh"));
        assert_eq!(language_code("  ").as_deref(), None);
        assert_eq!(language_code("und").as_deref(), None);
        assert_eq!(language_code("en-US, fr").as_deref(), Some("en"));
        assert_eq!(language_code("not a language").as_deref(), None);
        assert!(is_supported("es") && !is_supported("fr"));
    }
}
