//! The general text pass every format goes through: line endings, BOM, trailing
//! spaces, blank-line runs, and removal of page-furniture lines.
//!
//! # Boilerplate rules
//!
//! A line is dropped when, after trimming (and dropping a leading bullet or arrow), it
//! is short and matches one of the rules below. The rules describe kinds of page
//! furniture, never particular articles:
//!
//! The phrases and words are English language data in `data/lexicon/en/`
//! (`boilerplate_prefixes.tsv`, `boilerplate_lines.tsv`, `section_words.txt`,
//! `title_case_function_words.txt`), read through `pw_lexicon::words`.
//!
//! - [`prefix_rules`]: lines that *start* with a furniture phrase, compared without
//!   regard to ASCII case, for lines of at most [`MAX_PREFIX_LINE`] bytes
//!   ("Read more: ...", "You can also read: ...", "Home » ...", cookie notices,
//!   comment-form prompts, "Follow us on ...", "Subscribe to our newsletter").
//! - [`exact_rules`]: lines that *are* a furniture word or phrase, ignoring case and
//!   trailing `:`/`.`/`»`/`›`/`…` ("Advertisement", "Read more", "Share", "Related").
//! - Category-tag lines ([`is_category_line`]): 4 to 16 capitalized words, no
//!   punctuation or digits, no function words (which headlines in title case have),
//!   and at least 60% of the words from `section_words.txt`, as in
//!   "Bolivia Defence Featured Global News Government National Security News Politics".
//!
//! Each document that loses lines gets one `boilerplate_removed` info diagnostic that
//! counts them by kind. Attribution lines such as `Source: Times of Israel` are kept
//! in the text (they are content: they name the outlet, which ingest also reads from them).

use pw_lexicon::words::{self, PairList};
use pw_model::Diagnostic;
use std::sync::OnceLock;

/// Lines longer than this are prose, never furniture matched by a prefix.
pub const MAX_PREFIX_LINE: usize = 240;
/// Lines longer than this are never category-tag lines.
const MAX_CATEGORY_LINE: usize = 160;

/// The kinds of furniture, for the diagnostic's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    CrossLink,
    CommentForm,
    Share,
    Newsletter,
    Cookie,
    Breadcrumb,
    CategoryTags,
    Navigation,
    Advertisement,
}

impl Kind {
    const ALL: [Kind; 9] = [
        Kind::CrossLink,
        Kind::CommentForm,
        Kind::Share,
        Kind::Newsletter,
        Kind::Cookie,
        Kind::Breadcrumb,
        Kind::CategoryTags,
        Kind::Navigation,
        Kind::Advertisement,
    ];

    /// The kind as the rule files under `data/lexicon/` name it.
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "cross-link" => Kind::CrossLink,
            "comment-form" => Kind::CommentForm,
            "share" => Kind::Share,
            "newsletter" => Kind::Newsletter,
            "cookie" => Kind::Cookie,
            "breadcrumb" => Kind::Breadcrumb,
            "category-tags" => Kind::CategoryTags,
            "navigation" => Kind::Navigation,
            "advertisement" => Kind::Advertisement,
            _ => return None,
        })
    }

    fn label(self) -> &'static str {
        match self {
            Kind::CrossLink => "cross-links",
            Kind::CommentForm => "comment form",
            Kind::Share => "share/follow",
            Kind::Newsletter => "newsletter",
            Kind::Cookie => "cookie notice",
            Kind::Breadcrumb => "breadcrumb",
            Kind::CategoryTags => "category tags",
            Kind::Navigation => "navigation",
            Kind::Advertisement => "advertisement",
        }
    }
}

/// Furniture phrases a line may start with, and their kind, in file order
/// (`data/lexicon/en/boilerplate_prefixes.tsv`; lowercase ASCII, compared
/// case-insensitively; the first that matches wins).
pub fn prefix_rules() -> &'static [(&'static str, Kind)] {
    static RULES: OnceLock<Vec<(&'static str, Kind)>> = OnceLock::new();
    RULES.get_or_init(|| rules(&words::BOILERPLATE_PREFIXES))
}

/// Lines that are nothing but one of these phrases (`data/lexicon/en/boilerplate_lines.tsv`;
/// lowercase, compared case-insensitively after dropping trailing `:`, `.`, `»`, `›`,
/// `…`, `>` and spaces).
pub fn exact_rules() -> &'static [(&'static str, Kind)] {
    static RULES: OnceLock<Vec<(&'static str, Kind)>> = OnceLock::new();
    RULES.get_or_init(|| rules(&words::BOILERPLATE_LINES))
}

/// The phrases of a rule file with the kinds they name (a row with an unknown kind is
/// left out; a test keeps the files free of them).
fn rules(list: &'static PairList) -> Vec<(&'static str, Kind)> {
    list.pairs()
        .iter()
        .filter_map(|(phrase, kind)| Some((*phrase, Kind::from_name(kind)?)))
        .collect()
}

/// Which rule, if any, makes `line` page furniture.
pub fn furniture_kind(line: &str) -> Option<Kind> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_PREFIX_LINE {
        return None;
    }
    let line = line
        .trim_start_matches(['•', '·', '»', '›', '→', '▶', '►', '*', '-', '–', '—'])
        .trim_start();
    let bytes = line.as_bytes();
    for (prefix, kind) in prefix_rules() {
        if bytes.len() >= prefix.len()
            && bytes[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        {
            return Some(*kind);
        }
    }
    let bare = line.trim_end_matches([':', '.', '»', '›', '…', '>', ' ', '|']);
    if bare.len() <= 24 {
        for (phrase, kind) in exact_rules() {
            if bare.eq_ignore_ascii_case(phrase) {
                return Some(*kind);
            }
        }
    }
    is_category_line(line).then_some(Kind::CategoryTags)
}

/// A lone line of capitalized section words ("World News Politics Defence Featured").
pub fn is_category_line(line: &str) -> bool {
    if line.len() > MAX_CATEGORY_LINE {
        return false;
    }
    let mut words = 0usize;
    let mut section = 0usize;
    for word in line.split_whitespace() {
        if word == "&" {
            continue;
        }
        if !word.chars().next().is_some_and(char::is_uppercase)
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
            || words::TITLE_CASE_FUNCTION_WORDS.contains(word)
        {
            return false;
        }
        words += 1;
        section += usize::from(words::SECTION_WORDS.contains(word));
    }
    (4..=16).contains(&words) && section * 10 >= words * 6
}

/// Runs the general text pass: strips a BOM, turns `\r\n` and `\r` into `\n`, trims
/// trailing whitespace on every line (and leading whitespace of the document), drops
/// furniture lines, collapses runs of blank lines to one, and trims blank lines at
/// both ends. Returns the text and at most one `boilerplate_removed` diagnostic.
pub fn clean_text(input: &str) -> (String, Vec<Diagnostic>) {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = String::with_capacity(input.len());
    let mut counts = [0usize; Kind::ALL.len()];
    let mut blank_run = 0usize;
    let mut rest = input;
    while !rest.is_empty() {
        let (line, next) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let skip =
                    if rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        rest = next;
        let line = line.trim_end();
        let line = if out.is_empty() {
            line.trim_start()
        } else {
            line
        };
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if line.len() <= MAX_PREFIX_LINE
            && let Some(kind) = furniture_kind(line)
        {
            counts[kind as usize] += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    let unwrapped = unwrap_hard_wrapped(&mut out);
    let removed: usize = counts.iter().sum();
    let mut diagnostics = Vec::new();
    if unwrapped > 0 {
        diagnostics.push(Diagnostic::info(
            "hard_wrap_joined",
            format!("joined {unwrapped} hard-wrapped line breaks inside paragraphs"),
        ));
    }
    if removed > 0 {
        let detail: Vec<String> = Kind::ALL
            .iter()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .map(|(kind, count)| format!("{} {count}", kind.label()))
            .collect();
        diagnostics.push(Diagnostic::info(
            "boilerplate_removed",
            format!(
                "removed {removed} boilerplate line{} ({})",
                if removed == 1 { "" } else { "s" },
                detail.join(", ")
            ),
        ));
    }
    (out, diagnostics)
}

/// Wire copy and old pages wrap lines at a fixed width inside paragraphs, which are
/// then separated by blank lines ("spokesman Richard\nBoucher"). When a text looks
/// like that (blank-line paragraphs, every line at most 100 characters, and most lines
/// continued by the next one), a line break inside a paragraph becomes a space. The
/// text keeps its length, so nothing after it moves. Returns how many breaks were joined.
fn unwrap_hard_wrapped(text: &mut String) -> usize {
    let lines: Vec<&str> = text.split('\n').collect();
    let nonempty = lines.iter().filter(|line| !line.is_empty()).count();
    if nonempty < 6 || lines.iter().any(|line| line.chars().count() > 100) {
        return 0;
    }
    let blank = lines.len() - nonempty;
    let continued = lines
        .windows(2)
        .filter(|pair| !pair[0].is_empty() && !pair[1].is_empty())
        .count();
    let long = lines
        .iter()
        .filter(|line| line.chars().count() >= 50)
        .count();
    if blank == 0 || continued * 2 < nonempty || long * 2 < nonempty {
        return 0;
    }
    let mut joined = 0;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (index, ch) in text.char_indices() {
        let inside = ch == '\n'
            && index > 0
            && bytes[index - 1] != b'\n'
            && bytes.get(index + 1).is_some_and(|&next| next != b'\n');
        if inside {
            out.push(' ');
            joined += 1;
        } else {
            out.push(ch);
        }
    }
    *text = out;
    joined
}

/// The outlet named by an attribution line among the last three lines:
/// `Source: Times of Israel`, `Source: Reuters.`
pub fn source_line_outlet(text: &str) -> Option<String> {
    for line in text.trim_end().rsplit('\n').take(3) {
        let line = line.trim();
        let Some(rest) = line
            .get(..7)
            .filter(|head| head.eq_ignore_ascii_case("source:"))
            .map(|_| line[7..].trim())
        else {
            continue;
        };
        let name = rest.trim_end_matches('.').trim();
        if !name.is_empty()
            && name.len() <= 80
            && name.split_whitespace().count() <= 8
            && !name.contains("://")
        {
            return Some(name.to_string());
        }
    }
    None
}

/// The agency of a wire dateline near the start: `WASHINGTON (Reuters) — ...`.
pub fn wire_outlet(text: &str) -> Option<String> {
    let head = crate::prefix(text, 200);
    let first = head.lines().find(|line| !line.trim().is_empty())?.trim();
    let open = first.find(" (")?;
    let place = &first[..open];
    if place.len() < 2
        || !place
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b',' | b'.' | b'-' | b'\''))
    {
        return None;
    }
    let rest = &first[open + 2..];
    let close = rest.find(')')?;
    let agency = rest[..close].trim();
    let after = rest[close + 1..].trim_start();
    let ok = (2..=30).contains(&agency.len())
        && agency.chars().next().is_some_and(char::is_uppercase)
        && agency
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-'))
        && after.starts_with(['—', '–', '-', ':']);
    ok.then(|| agency.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_known_kind() {
        for list in [&words::BOILERPLATE_PREFIXES, &words::BOILERPLATE_LINES] {
            for (phrase, kind) in list.pairs() {
                assert!(
                    Kind::from_name(kind).is_some(),
                    "{}: {phrase:?} has an unknown kind {kind:?}",
                    list.path()
                );
            }
        }
        assert_eq!(
            prefix_rules().len(),
            words::BOILERPLATE_PREFIXES.pairs().len()
        );
        assert_eq!(exact_rules().len(), words::BOILERPLATE_LINES.pairs().len());
    }

    #[test]
    fn joins_hard_wrapped_paragraphs_only() {
        let wrapped = "The other groups added to the list are Asbat al-Ansar and the Salafist\n\
            Group for Call and Combat, said State Department spokesman Richard\n\
            Boucher on Wednesday at the regular briefing in Washington today.\n\
            \n\
            \"The Salafist Group for Call and Combat is an Algerian armed group\n\
            dedicated to the overthrow of the Algerian government and the\n\
            imposition of fundamentalist Muslim theocracy,\" he said during the\n\
            regular State Department briefing in Washington on Wednesday.";
        let (text, diagnostics) = clean_text(wrapped);
        assert_eq!(text.len(), wrapped.len());
        assert!(text.contains("spokesman Richard Boucher on"));
        assert!(text.contains("today.\n\n\"The Salafist"));
        assert!(diagnostics.iter().any(|d| d.code == "hard_wrap_joined"));
        // One paragraph a line, as most pages give it: untouched.
        let lines = "Iran and Bolivia signed a pact.\nThe minister said so.\nArgentina asked.\n\
            It was in July.\nThe opposition objected.\nNothing more was said.";
        assert_eq!(clean_text(lines).0, lines);
    }

    #[test]
    fn normalizes_whitespace_and_line_endings() {
        let (text, diagnostics) =
            clean_text("\u{feff}  Title  \r\nline two\t\r\r\n\n\n\n\nlast \n\n");
        assert_eq!(text, "Title\nline two\n\nlast");
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn drops_furniture_and_counts_it() {
        let input = "Home » Bolivia facing questions over shadowy defense pact with Iran\n\
            Bolivia Defence Featured Global News Government National Security News Politics\n\
            \n\
            Bolivia facing questions over shadowy defense pact with Iran\n\
            Iran and Bolivia signed a pact.\n\
            You can also read: Iran drones in Venezuela\n\
            Read more: Another story\n\
            Advertisement\n\
            Please enter your comment!\n\
            Please enter your name here\n\
            Source: Times of Israel\n";
        let (text, diagnostics) = clean_text(input);
        assert_eq!(
            text,
            "Bolivia facing questions over shadowy defense pact with Iran\n\
             Iran and Bolivia signed a pact.\n\
             Source: Times of Israel"
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "boilerplate_removed");
        assert_eq!(
            diagnostics[0].message,
            "removed 7 boilerplate lines (cross-links 2, comment form 2, breadcrumb 1, category tags 1, advertisement 1)"
        );
    }

    #[test]
    fn headlines_and_prose_survive() {
        for line in [
            "Iran Russia Sign Defense Pact",
            "Bolivia Facing Questions Over Shadowy Defense Pact With Iran",
            "Venezuela Iran Drone Factory",
            "National Security News",
            "Read more about the agreement in the annex, the minister said.",
            "Follow the money, investigators said.",
            "Share prices fell.",
            "Related parties were not named.",
            "Searching for answers",
        ] {
            assert_eq!(furniture_kind(line), None, "{line}");
        }
        let long = format!("Read more: {}", "word ".repeat(60));
        assert_eq!(furniture_kind(&long), None);
    }

    #[test]
    fn attribution_lines() {
        assert_eq!(
            source_line_outlet("Body.\n\nSource: Times of Israel\n").as_deref(),
            Some("Times of Israel")
        );
        assert_eq!(
            source_line_outlet("Body.\nSource: Reuters.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(source_line_outlet("Source: a\nb\nc\nd"), None);
        assert_eq!(
            wire_outlet("WASHINGTON (Reuters) - The Pentagon said").as_deref(),
            Some("Reuters")
        );
        assert_eq!(wire_outlet("The (big) - deal"), None);
    }
}
