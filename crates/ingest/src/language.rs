//! The language of an article: named by metadata (normalized to ISO 639-1 with
//! [`pw_text::language_code`]), else detected from the text
//! ([`pw_text::detect_language`]), else unknown.

use pw_model::LanguageSource;

/// ISO 639 codes that name no language of the text: undetermined, multiple, no
/// linguistic content, uncoded.
const NOT_A_LANGUAGE: [&str; 4] = ["und", "mul", "zxx", "mis"];

/// A metadata tag (`es`, `es-AR`, `es_MX`, `spa`, `en, fr`) as an ISO 639-1 code; `None`
/// for a value that is not a language tag (ignored, never an error).
pub(crate) fn code(tag: &str) -> Option<String> {
    // `Content-Language` may list several; the first is the main one.
    let tag = tag.split([',', ';']).next().unwrap_or_default();
    pw_text::language_code(tag).filter(|code| !NOT_A_LANGUAGE.contains(&code.as_str()))
}

/// The language of an article and how it was known: the first metadata candidate that
/// is a language tag, else the language of the text, else unknown.
pub(crate) fn resolve<'a>(
    candidates: impl IntoIterator<Item = &'a str>,
    text: &str,
) -> (Option<String>, LanguageSource) {
    if let Some(code) = candidates.into_iter().find_map(code) {
        return (Some(code), LanguageSource::Metadata);
    }
    match pw_text::detect_language(text) {
        Some(code) => (Some(code.to_string()), LanguageSource::Detected),
        None => (None, LanguageSource::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_non_tags() {
        assert_eq!(code("es-AR").as_deref(), Some("es"));
        assert_eq!(code("en-US, fr").as_deref(), Some("en"));
        assert_eq!(code("und"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("Español!"), None);
    }

    #[test]
    fn metadata_first_then_text() {
        let (language, from) = resolve(["bad tag", "es_MX"], "The minister said it was a deal.");
        assert_eq!(
            (language.as_deref(), from),
            (Some("es"), LanguageSource::Metadata)
        );
        let (language, from) = resolve([], "Drones");
        assert_eq!((language, from), (None, LanguageSource::Unknown));
    }
}
