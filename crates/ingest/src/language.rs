//! The language of an article: named by metadata (normalized to ISO 639-1 with
//! [`pw_text::language_code`]), else detected from the text
//! ([`pw_text::detect_language`]), else unknown.

use pw_model::LanguageSource;

/// The language of an article and how it was known: the first metadata candidate that
/// is a language tag, else the language of the text, else unknown.
pub(crate) fn resolve<'a>(
    candidates: impl IntoIterator<Item = &'a str>,
    text: &str,
) -> (Option<String>, LanguageSource) {
    if let Some(code) = candidates.into_iter().find_map(pw_text::language_code) {
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
