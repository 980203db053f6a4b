//! Language data: the closed word lists the rules of every stage use (titles and roles,
//! organization heads, function words, speech verbs, modality cues, date words,
//! abbreviations, page-furniture phrases), one list a file under `data/lexicon/<language>/`.
//!
//! A list is plain text so that a linguist can add a word without reading Rust:
//! `<name>.txt` holds one entry a line, `<name>.tsv` one `key<TAB>value` pair a line;
//! lines starting with `#` are comments (every file opens with some saying what the list
//! is for and how it is matched) and blank lines are skipped. The files are embedded with
//! `include_str!` and each is parsed once, on first use, into the form its callers
//! need: a hashed set behind a first-byte and length filter for lookups, and the entries
//! in file order for callers whose order matters (the first match wins, or the callers
//! compile the phrases into an automaton).
//!
//! Every list says how it is compared ([`Case`]); `tests/it/word_lists.rs` checks each
//! file against that (no duplicates, no empty or padded entries, lowercase where the
//! lookups lowercase, a header comment), and `tests/it/no_word_lists_in_code.rs` refuses
//! new word lists in `.rs` files.
//!
//! Two languages exist: English (`en`) and Spanish (`es`). A Spanish file of the same
//! name as an English one extends it: `TITLE_HEADS` holds the entries of
//! `en/title_heads.txt` and then those of `es/title_heads.txt` (each file is also its own
//! static, `ES_TITLE_HEADS`, for the file checks). The closed classes the two languages
//! share a list for (titles, organization heads, speech verbs, modality cues, month
//! names) do not collide, and press in one language quotes names in the other ("the
//! Ministerio de Defensa"), so one list serves both. Lists whose words would collide
//! (Spanish "a" is a preposition, English "a" an article) are Spanish only and read only
//! for documents in Spanish: they are the `ES_` statics no English list points to.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// How the entries of a list are compared with text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Entries are lowercase; callers pass a lowercase word (or use
    /// [`WordList::contains_folded`]).
    Lower,
    /// Entries are compared exactly as written ("Mr", "COVID").
    Exact,
}

/// One word list: the entries of one file, in file order, with a set for lookups.
pub struct WordList {
    path: &'static str,
    text: &'static str,
    case: Case,
    /// The same list in another language: its entries follow this file's.
    also: Option<&'static WordList>,
    index: OnceLock<WordIndex>,
}

/// The entries, their set, and a table of the lengths the entries have for each first
/// byte, which rejects most words before hashing them.
struct WordIndex {
    list: Vec<&'static str>,
    set: HashSet<&'static str>,
    /// Bit `n` of `lengths[b]`: some entry starts with byte `b` and is `n` bytes long
    /// (bit 63: 63 bytes or more).
    lengths: [u64; 256],
}

/// The bit of a length in [`WordIndex::lengths`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl WordIndex {
    /// Whether an entry might be `len` bytes long and start with `first`.
    fn may_hold(&self, first: u8, len: usize) -> bool {
        self.lengths[usize::from(first)] & length_bit(len) != 0
    }
}

impl WordList {
    const fn new(
        path: &'static str,
        text: &'static str,
        case: Case,
        also: Option<&'static WordList>,
    ) -> WordList {
        WordList {
            path,
            text,
            case,
            also,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &WordIndex {
        self.index.get_or_init(|| {
            let mut list: Vec<&'static str> = entries(self.text).collect();
            if let Some(also) = self.also {
                let own: HashSet<&'static str> = list.iter().copied().collect();
                list.extend(entries(also.text).filter(|word| !own.contains(word)));
            }
            let mut lengths = [0u64; 256];
            for word in &list {
                if let Some(&byte) = word.as_bytes().first() {
                    lengths[usize::from(byte)] |= length_bit(word.len());
                }
            }
            WordIndex {
                set: list.iter().copied().collect(),
                lengths,
                list,
            }
        })
    }

    /// Exactly `word`.
    pub fn contains(&self, word: &str) -> bool {
        let index = self.index();
        match word.as_bytes().first() {
            Some(&byte) if index.may_hold(byte, word.len()) => index.set.contains(word),
            _ => false,
        }
    }

    /// `word` in any case, with or without a trailing period ("Sen." = "sen"), in a list
    /// of lowercase entries.
    pub fn contains_folded(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        let index = self.index();
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        // ASCII lowercasing keeps the length: the filter rejects before lowering.
        if word.is_ascii() && !index.may_hold(first.to_ascii_lowercase(), word.len()) {
            return false;
        }
        with_lowercase(word, |lowered| index.set.contains(lowered))
    }

    /// The entries, in file order.
    pub fn list(&self) -> &[&'static str] {
        &self.index().list
    }

    /// The file, relative to `data/lexicon/`.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// The embedded text of the file, comments included.
    pub fn source(&self) -> &'static str {
        self.text
    }

    pub fn case(&self) -> Case {
        self.case
    }
}

/// Calls `f` with `word` in lowercase, for lookups in lowercase lists: an ASCII word of
/// up to 48 bytes is lowered in a buffer on the stack, any other into a new string.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 48];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lowered = &mut buffer[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        // ASCII in, ASCII out.
        if let Ok(lowered) = std::str::from_utf8(lowered) {
            return f(lowered);
        }
    }
    f(&word.to_lowercase())
}

/// A list of `key<TAB>value` pairs, in file order.
pub struct PairList {
    path: &'static str,
    text: &'static str,
    case: Case,
    /// The same table in another language: its pairs follow this file's.
    also: Option<&'static PairList>,
    pairs: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl PairList {
    const fn new(
        path: &'static str,
        text: &'static str,
        case: Case,
        also: Option<&'static PairList>,
    ) -> PairList {
        PairList {
            path,
            text,
            case,
            also,
            pairs: OnceLock::new(),
        }
    }

    /// The pairs, in file order (this file's, then those of the same table in the other
    /// language). A line without a tab is a key with an empty value (the file check
    /// refuses it).
    pub fn pairs(&self) -> &[(&'static str, &'static str)] {
        self.pairs.get_or_init(|| {
            let split = |line: &'static str| line.split_once('\t').unwrap_or((line, ""));
            let mut pairs: Vec<_> = entries(self.text).map(split).collect();
            if let Some(also) = self.also {
                pairs.extend(entries(also.text).map(split));
            }
            pairs
        })
    }

    /// The value of `key` (the first pair that has it).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.pairs()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, value)| value)
    }

    /// The file, relative to `data/lexicon/`.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// The embedded text of the file, comments included.
    pub fn source(&self) -> &'static str {
        self.text
    }

    /// How the keys are compared.
    pub fn case(&self) -> Case {
        self.case
    }
}

/// The entry lines of a list file: neither comments nor blank.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

macro_rules! word_lists {
    ($registry:ident, $dir:literal: $($(#[$doc:meta])* $name:ident: $file:literal, $case:ident $(+ $also:ident)?;)*) => {
        $(
            $(#[$doc])*
            pub static $name: WordList = WordList::new(
                concat!($dir, "/", $file),
                include_str!(concat!("../../../data/lexicon/", $dir, "/", $file)),
                Case::$case,
                also!($($also)?),
            );
        )*
        /// Every list of this language folder, for the file checks.
        pub static $registry: &[&WordList] = &[$(&$name),*];
    };
}

macro_rules! pair_lists {
    ($registry:ident, $dir:literal: $($(#[$doc:meta])* $name:ident: $file:literal, $case:ident $(+ $also:ident)?;)*) => {
        $(
            $(#[$doc])*
            pub static $name: PairList = PairList::new(
                concat!($dir, "/", $file),
                include_str!(concat!("../../../data/lexicon/", $dir, "/", $file)),
                Case::$case,
                also!($($also)?),
            );
        )*
        /// Every table of this language folder, for the file checks.
        pub static $registry: &[&PairList] = &[$(&$name),*];
    };
}

macro_rules! also {
    () => {
        None
    };
    ($also:ident) => {
        Some(&$also)
    };
}

word_lists! { WORD_LISTS, "en":
    // The name tagger (pw-ner).
    /// Lowercase words that join capitalized words inside a name ("Bank of England").
    NER_CONNECTORS: "ner_connectors.txt", Lower;
    /// Capitalized function words that never start a name alone ("The", "In").
    NER_LONE_FUNCTION_WORDS: "ner_lone_function_words.txt", Exact;
    /// Capitalized determiners trimmed from labelled names in training data.
    NER_DETERMINERS: "ner_determiners.txt", Exact;
    /// Capitalized pronouns that are never names in training data.
    NER_PRONOUNS: "ner_pronouns.txt", Exact;
    // Page labels, media and the compilers' inputs.
    /// Labels news pages put before a headline or caption ("BREAKING", "FILE", "VIDEO").
    NEWS_LABELS: "news_labels.txt", Lower;
    /// Words between "on"/"to"/"told"/"with" and a name that make it a medium, not a speaker.
    MEDIUM_WORDS: "medium_words.txt", Lower;
    /// Words that make the name after them a medium or an addressee ("on", "told").
    MEDIUM_PREPOSITIONS: "medium_prepositions.txt", Lower;
    /// Endings of demonyms ("-ern", "-ian"), which a lone tagger name must not have.
    DEMONYM_SUFFIXES: "demonym_suffixes.txt", Lower;
    /// CAMEO verbs too loose to code an event alone (scripts/build-cameo-triggers.py).
    CAMEO_LOOSE_VERBS: "cameo_loose_verbs.txt", Lower;
    /// Function words that never head a CAMEO pattern (scripts/build-cameo-triggers.py).
    CAMEO_STOPWORDS: "cameo_stopwords.txt", Lower;
    /// Phoenix agent nouns that are not actors (scripts/build-agents.py).
    AGENTS_EXCLUDE: "agents_exclude.txt", Lower;
    // Titles, roles and names (pw-extract: names, quotes, events).
    /// Nouns that head a person's title or role ("Defense Minister", "Sen.", "lawmaker").
    TITLE_HEADS: "title_heads.txt", Lower + ES_TITLE_HEADS;
    /// Title heads that mark a public office (a person gets the title's country by default).
    OFFICE_HEADS: "office_heads.txt", Lower;
    /// Words that modify a title ("Deputy Secretary", "Defense Minister", "former President").
    TITLE_MODIFIERS: "title_modifiers.txt", Lower + ES_TITLE_MODIFIERS;
    /// Capitalized words after "of" that complete a title ("Secretary of State").
    TITLE_COMPLEMENTS: "title_complements.txt", Lower + ES_TITLE_COMPLEMENTS;
    /// Words and marks that may continue a title between its head and the name.
    TITLE_CONTINUATIONS: "title_continuations.txt", Exact + ES_TITLE_CONTINUATIONS;
    /// Words between a name and a following title that keep them linked ("Arce, the former president").
    TITLE_GAP_WORDS: "title_gap_words.txt", Lower;
    /// Words dropped from the start of a role ("the former defense minister").
    ROLE_LEADING_DROPS: "role_leading_drops.txt", Lower;
    /// Words that make a capitalized phrase an organization when they occur in it.
    ORG_HEADS: "org_heads.txt", Lower + ES_ORG_HEADS;
    /// Organization heads that name news media (for "the outlet", "the report").
    MEDIA_NOUNS: "media_nouns.txt", Lower;
    /// Words that make an organization name a news outlet ("Tehran Times").
    MEDIA_NAME_WORDS: "media_name_words.txt", Lower;
    /// Lowercase nouns after a capitalized name that make it a place ("El Libertador air base"); the first that matches wins.
    FACILITY_NOUNS: "facility_nouns.txt", Lower;
    /// Capitalized words that are not names by themselves: function words and sentence openers.
    NOT_NAMES: "not_names.txt", Lower + ES_NOT_NAMES;
    /// Particles that may join the parts of a personal name ("Gladys Ruiz de Pecci").
    NAME_PARTICLES: "name_particles.txt", Lower;
    /// Lowercase words allowed inside an organization name between capitalized words.
    ORG_CONNECTORS: "org_connectors.txt", Lower + ES_ORG_CONNECTORS;
    /// Organizations that are one word ("Senate", "Kremlin").
    SINGLE_WORD_ORGS: "single_word_orgs.txt", Lower;
    /// Upper-case words that are not organizations ("COVID", "GDP").
    NOT_ORG_ACRONYMS: "not_org_acronyms.txt", Exact;
    /// Upper-case function words that make a run of capitals a shouted headline.
    SHOUTED_FUNCTION_WORDS: "shouted_function_words.txt", Exact;
    /// Letter heads of "XXX-123" words that are not weapon designations ("COVID-19").
    NOT_DESIGNATION_PREFIXES: "not_designation_prefixes.txt", Exact;
    /// Equipment classes too generic to list as entities of their own.
    GENERIC_EQUIPMENT: "generic_equipment.txt", Lower;
    /// Words that make a following place name a location rather than its government.
    LOCATIVES: "locatives.txt", Lower + ES_LOCATIVES;
    /// Verbs that introduce or attribute speech; at one position the earlier entry wins.
    SPEECH_VERBS: "speech_verbs.txt", Lower + ES_SPEECH_VERBS;
    /// Speech verbs that carry on the speech of the quote before ("added", "agregó").
    CONTINUATION_VERBS: "continuation_verbs.txt", Lower + ES_CONTINUATION_VERBS;
    /// Pronouns that can stand for a speaker who is a person.
    PERSON_PRONOUNS: "person_pronouns.txt", Lower + ES_PERSON_PRONOUNS;
    /// Pronouns that can stand for a speaker that is a group.
    GROUP_PRONOUNS: "group_pronouns.txt", Lower;
    /// Plural nouns that stand for the two countries named last ("the two countries").
    PAIR_NOUNS: "pair_nouns.txt", Lower + ES_PAIR_NOUNS;
    /// The word before a pair noun that makes it a pair ("two", "both").
    PAIR_QUANTIFIERS: "pair_quantifiers.txt", Lower + ES_PAIR_QUANTIFIERS;
    // Event frames and modality (pw-extract: events).
    /// Words that link an actor to a trigger and name its role in the frame.
    FRAME_PREPOSITIONS: "frame_prepositions.txt", Lower;
    /// Determiners and brackets between a frame preposition and its actor.
    ACTOR_LEAD_WORDS: "actor_lead_words.txt", Lower;
    /// Group nouns and modifiers between a frame preposition and a country.
    ACTOR_GROUP_WORDS: "actor_group_words.txt", Lower;
    /// Nouns before "of" whose preposition counts for the group after them.
    PARTITIVE_HEADS: "partitive_heads.txt", Lower + ES_PARTITIVE_HEADS;
    /// Words right before a mention that show it is not a verb's object.
    NOT_VERBS_BEFORE_OBJECT: "not_verbs_before_object.txt", Lower;
    /// Words right before a trigger that show the trigger is a noun.
    NOUN_TRIGGER_LEFT_WORDS: "noun_trigger_left_words.txt", Lower;
    /// Forms of "be" and "get" that make a following trigger passive.
    PASSIVE_AUXILIARIES: "passive_auxiliaries.txt", Lower + ES_PASSIVE_AUXILIARIES;
    /// Words between a passive auxiliary and its participle ("was reportedly signed").
    PASSIVE_ADVERBS: "passive_adverbs.txt", Lower;
    /// Words after a comma or dash that open a new clause.
    CLAUSE_OPENERS: "clause_openers.txt", Lower;
    /// Possessive pronouns of a person ("his visit"), standing for the latest person named.
    PERSON_POSSESSIVES: "person_possessives.txt", Lower;
    /// Lowercase nouns ("the government", "the authorities") that stand for a country's state.
    STATE_NOUNS: "state_nouns.txt", Lower + ES_STATE_NOUNS;
    /// Verbs whose object noun becomes an event ("signed a deal").
    LIGHT_VERBS: "light_verbs.txt", Lower;
    /// Light verbs whose subject receives the act of a following noun ("drew criticism from X").
    RECEIVER_VERBS: "receiver_verbs.txt", Lower;
    /// Determiners and adjectives between a light verb and its noun.
    NOUN_PHRASE_FILLERS: "noun_phrase_fillers.txt", Lower;
    /// Negations that, right before a trigger, make the event denied.
    NEGATIONS: "negations.txt", Lower + ES_NEGATIONS;
    /// Words that refine a cooperation into military cooperation.
    MILITARY_CONTEXT: "military_context.txt", Lower + ES_MILITARY_CONTEXT;
    /// Words that refine support or cooperation into aid.
    AID_CONTEXT: "aid_context.txt", Lower + ES_AID_CONTEXT;
    // Sentences, dates and records (pw-text, pw-dates, pw-ingest, pw-record).
    /// Abbreviations that take a period without ending a sentence ("Gen.", "Inc.").
    ABBREVIATIONS: "abbreviations.txt", Exact + ES_ABBREVIATIONS;
    /// Capitalized words that, after an abbreviation's period, begin a new sentence.
    SENTENCE_STARTERS: "sentence_starters.txt", Exact + ES_SENTENCE_STARTERS;
    /// Month names in calendar order.
    MONTHS: "months.txt", Lower + ES_MONTHS;
    /// Weekday names, Monday first.
    WEEKDAYS: "weekdays.txt", Lower + ES_WEEKDAYS;
    /// Words after a number that show it counts things rather than naming a year.
    COUNT_NOUNS: "count_nouns.txt", Lower + ES_COUNT_NOUNS;
    /// Labels that introduce a publication date at the start of a line, tried in order.
    DATE_LABELS: "date_labels.txt", Lower + ES_DATE_LABELS;
    /// Words that name sections of a news site, for category-tag lines.
    SECTION_WORDS: "section_words.txt", Exact;
    /// Title-case function words: a line holding one is a headline, not a tag list.
    TITLE_CASE_FUNCTION_WORDS: "title_case_function_words.txt", Exact;
    /// Words dropped from loose names: they vary between renderings of one name.
    LOOSE_NAME_STOP_WORDS: "loose_name_stop_words.txt", Lower;
    /// The commonest function words of English, a profile for telling an article's language.
    EN_STOPWORDS: "stopwords.txt", Lower;
}

pair_lists! { PAIR_LISTS, "en":
    /// Unnamed group actors and their Phoenix agent code (generated by scripts/build-agents.py).
    AGENTS: "agents.tsv", Lower;
    /// Group actors written by hand for scripts/build-agents.py.
    AGENTS_EXTRA: "agents_extra.tsv", Lower;
    /// Modality cues before a trigger: phrase and modality (speculative, alleged, planned, reported).
    MODALITY_CUES: "modality_cues.tsv", Lower + ES_MODALITY_CUES;
    /// Month abbreviations and their month number ("sept" = 9).
    MONTH_ABBREVIATIONS: "month_abbreviations.tsv", Lower + ES_MONTH_ABBREVIATIONS;
    /// Relative date words and what they mean to the date finder (a closed set of meanings).
    DATE_WORDS: "date_words.tsv", Lower + ES_DATE_WORDS;
    /// Page-furniture phrases a line may start with, and their kind; the first that matches wins.
    BOILERPLATE_PREFIXES: "boilerplate_prefixes.tsv", Lower;
    /// Lines that are nothing but a furniture word or phrase, and their kind.
    BOILERPLATE_LINES: "boilerplate_lines.tsv", Lower;
}

word_lists! { ES_WORD_LISTS, "es":
    ES_TITLE_HEADS: "title_heads.txt", Lower;
    ES_ORG_HEADS: "org_heads.txt", Lower;
    ES_ORG_CONNECTORS: "org_connectors.txt", Lower;
    ES_STATE_NOUNS: "state_nouns.txt", Lower;
    ES_NOT_NAMES: "not_names.txt", Lower;
    ES_SPEECH_VERBS: "speech_verbs.txt", Lower;
    ES_PERSON_PRONOUNS: "person_pronouns.txt", Lower;
    ES_CONTINUATION_VERBS: "continuation_verbs.txt", Lower;
    ES_PAIR_NOUNS: "pair_nouns.txt", Lower;
    ES_PAIR_QUANTIFIERS: "pair_quantifiers.txt", Lower;
    ES_NEGATIONS: "negations.txt", Lower;
    ES_ABBREVIATIONS: "abbreviations.txt", Exact;
    ES_LOCATIVES: "locatives.txt", Lower;
    ES_TITLE_CONTINUATIONS: "title_continuations.txt", Exact;
    ES_TITLE_COMPLEMENTS: "title_complements.txt", Lower;
    ES_TITLE_MODIFIERS: "title_modifiers.txt", Lower;
    ES_PARTITIVE_HEADS: "partitive_heads.txt", Lower;
    ES_PASSIVE_AUXILIARIES: "passive_auxiliaries.txt", Lower;
    ES_MILITARY_CONTEXT: "military_context.txt", Lower;
    ES_AID_CONTEXT: "aid_context.txt", Lower;
    ES_SENTENCE_STARTERS: "sentence_starters.txt", Exact;
    /// Month names in Spanish, in calendar order (after the English ones in `MONTHS`).
    ES_MONTHS: "months.txt", Lower;
    /// Weekday names in Spanish, Monday first (after the English ones in `WEEKDAYS`).
    ES_WEEKDAYS: "weekdays.txt", Lower;
    ES_COUNT_NOUNS: "count_nouns.txt", Lower;
    ES_DATE_LABELS: "date_labels.txt", Lower;
    /// The commonest function words of Spanish, a profile for telling an article's language.
    ES_STOPWORDS: "stopwords.txt", Lower;
}

pair_lists! { ES_PAIR_LISTS, "es":
    ES_MODALITY_CUES: "modality_cues.tsv", Lower;
    ES_MONTH_ABBREVIATIONS: "month_abbreviations.tsv", Lower;
    ES_DATE_WORDS: "date_words.tsv", Lower;
    /// Other spellings of Spanish month and weekday names ("setiembre") and the name in
    /// `ES_MONTHS` or `ES_WEEKDAYS` each stands for.
    ES_NAME_VARIANTS: "name_variants.tsv", Lower;
    /// Spanish function words and the English structural word the rules read for them
    /// ("con" = "with"), for documents in Spanish only.
    ES_FUNCTION_WORDS: "function_words.tsv", Lower;
}

// Profiles of languages Pactwatch does not extract, so that an article in one of them
// is reported by name rather than read as English.
word_lists! { FR_WORD_LISTS, "fr":
    FR_STOPWORDS: "stopwords.txt", Lower;
}
word_lists! { PT_WORD_LISTS, "pt":
    PT_STOPWORDS: "stopwords.txt", Lower;
}
word_lists! { DE_WORD_LISTS, "de":
    DE_STOPWORDS: "stopwords.txt", Lower;
}
word_lists! { IT_WORD_LISTS, "it":
    IT_STOPWORDS: "stopwords.txt", Lower;
}

/// The word lists of every language folder.
pub fn all_word_lists() -> impl Iterator<Item = &'static WordList> {
    [
        WORD_LISTS,
        ES_WORD_LISTS,
        FR_WORD_LISTS,
        PT_WORD_LISTS,
        DE_WORD_LISTS,
        IT_WORD_LISTS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The pair lists of every language folder.
pub fn all_pair_lists() -> impl Iterator<Item = &'static PairList> {
    [PAIR_LISTS, ES_PAIR_LISTS].into_iter().flatten().copied()
}

/// Files under `data/lexicon/<language>/` that are tables read by their own parsers:
/// the compiled CAMEO triggers (pw-extract's `triggers.rs`), the CAMEO code table of
/// `scripts/build-cameo-triggers.py`, the Spanish gazetteer and its removals (read by
/// [`crate::Lexicon::for_language`]) and the hand tables `scripts/build-es-lexicon.py`
/// compiles into it, and the Spanish event triggers and their hand source (conjugated
/// by `scripts/build-es-triggers.py`).
pub static TABLES: &[&str] = &[
    "en/cameo-events.tsv",
    "en/cameo-types.tsv",
    "es/gazetteer.tsv",
    "es/gazetteer_removed.tsv",
    "es/country_names.tsv",
    "es/demonyms.tsv",
    "es/places.tsv",
    "es/organizations.tsv",
    "es/equipment.tsv",
    "es/events.tsv",
    "es/event_verbs.tsv",
];

#[cfg(test)]
mod tests {
    use super::*;

    static FIXTURE: WordList = WordList::new(
        "en/fixture.txt",
        "# A fixture.\n# Matched lowercase.\n\nsen\nminister\r\nchargé\n",
        Case::Lower,
        None,
    );

    #[test]
    fn lowercase_on_the_stack_and_off_it() {
        assert_eq!(with_lowercase("MINISTER", str::to_string), "minister");
        assert_eq!(with_lowercase("IRÁN", str::to_string), "irán");
        let long = "A".repeat(60);
        assert_eq!(with_lowercase(&long, str::to_string), "a".repeat(60));
        assert_eq!(with_lowercase("", str::len), 0);
    }

    #[test]
    fn lookups_ignore_case_and_trailing_period() {
        assert!(FIXTURE.contains("sen"));
        assert!(!FIXTURE.contains("Sen"));
        assert!(FIXTURE.contains_folded("Sen."));
        assert!(FIXTURE.contains_folded("MINISTER"));
        assert!(FIXTURE.contains_folded("Chargé"));
        assert!(!FIXTURE.contains_folded("Novillo"));
        assert!(!FIXTURE.contains_folded(""));
        assert_eq!(FIXTURE.list(), ["sen", "minister", "chargé"]);
    }

    #[test]
    fn a_list_holds_the_entries_of_both_languages() {
        assert!(TITLE_HEADS.contains_folded("Minister"));
        assert!(TITLE_HEADS.contains_folded("Ministra"));
        assert!(ES_TITLE_HEADS.contains_folded("ministra"));
        assert!(!ES_TITLE_HEADS.contains_folded("minister"));
        let english = entries(TITLE_HEADS.source()).count();
        assert_eq!(
            &TITLE_HEADS.list()[..english],
            entries(TITLE_HEADS.source()).collect::<Vec<_>>()
        );
        assert_eq!(MODALITY_CUES.get("presuntamente"), Some("alleged"));
        assert_eq!(MODALITY_CUES.get("allegedly"), Some("alleged"));
        assert_eq!(ES_FUNCTION_WORDS.get("con"), Some("with"));
        assert_eq!(MODALITY_CUES.get("con"), None);
    }

    #[test]
    fn pairs_split_at_the_first_tab() {
        let pairs = PairList::new(
            "en/p.tsv",
            "# p\nmay\tspeculative\nodd\n",
            Case::Lower,
            None,
        );
        assert_eq!(pairs.pairs(), [("may", "speculative"), ("odd", "")]);
    }
}
