//! The closed word lists the rules use: titles and roles, organization heads, function
//! words, speech verbs, frame words and modality cues. They are general English and
//! Spanish news vocabulary; nothing here names a particular article.
//!
//! The lists are data files under `data/lexicon/en/` and `data/lexicon/es/` (a Spanish
//! file extends the English list of its name), owned and parsed by
//! `pw_lexicon::words` (see there for the format); this module names the ones the rules
//! of this crate read, so the rules write `words::TITLE_HEADS.contains_folded(word)`, or
//! `doc.is(token, Class::TitleHead)` for the lists asked about the same token many times
//! (`doc::Class`: each is looked up once a token). Lookups are against a lowercase form
//! of the word (`contains_folded` lowercases ASCII and drops a trailing period, so
//! `Sen.` matches `sen`).

pub(crate) use pw_lexicon::words::{
    ACTOR_GROUP_WORDS, ACTOR_LEAD_WORDS, AID_CONTEXT, CLAUSE_OPENERS, CONTINUATION_VERBS,
    DEMONYM_SUFFIXES, FACILITY_NOUNS, FRAME_PREPOSITIONS, GENERIC_EQUIPMENT, GROUP_PRONOUNS,
    LIGHT_VERBS, LOCATIVES, MEDIA_NAME_WORDS, MEDIA_NOUNS, MEDIUM_PREPOSITIONS, MEDIUM_WORDS,
    MILITARY_CONTEXT, MODALITY_CUES, NAME_PARTICLES, NEGATIONS, NEWS_LABELS,
    NOT_DESIGNATION_PREFIXES, NOT_NAMES, NOT_ORG_ACRONYMS, NOT_VERBS_BEFORE_OBJECT,
    NOUN_PHRASE_FILLERS, NOUN_TRIGGER_LEFT_WORDS, OFFICE_HEADS, ORG_CONNECTORS, ORG_HEADS,
    PAIR_NOUNS, PAIR_QUANTIFIERS, PARTITIVE_HEADS, PASSIVE_ADVERBS, PASSIVE_AUXILIARIES,
    PERSON_POSSESSIVES, PERSON_PRONOUNS, RECEIVER_VERBS, ROLE_LEADING_DROPS,
    SHOUTED_FUNCTION_WORDS, SINGLE_WORD_ORGS, SPEECH_VERBS, STATE_NOUNS, TITLE_COMPLEMENTS,
    TITLE_CONTINUATIONS, TITLE_GAP_WORDS, TITLE_HEADS, TITLE_MODIFIERS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case_and_trailing_period() {
        assert!(TITLE_HEADS.contains_folded("Sen."));
        assert!(TITLE_HEADS.contains_folded("Minister"));
        assert!(ORG_HEADS.contains_folded("Ministry"));
        assert!(!ORG_HEADS.contains_folded("Novillo"));
    }

    #[test]
    fn modality_cues_name_known_modalities() {
        for (cue, modality) in MODALITY_CUES.pairs() {
            assert!(
                matches!(
                    *modality,
                    "speculative" | "alleged" | "planned" | "reported"
                ),
                "{cue}: unknown modality {modality:?}"
            );
        }
    }
}
