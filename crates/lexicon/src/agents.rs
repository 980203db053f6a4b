//! Unnamed group actors ("protesters", "police", "rebels", "officials"), compiled from
//! the Phoenix agents dictionary into `data/lexicon/en/agents.tsv` by
//! `scripts/build-agents.py`. An agent noun stands for the country its sentence gives it.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| crate::words::AGENTS.pairs().iter().copied().collect())
}

/// The Phoenix agent code (`GOV`, `MIL`, `COP`, `OPP`, `REB`, ...) of a lowercase group
/// noun, or `None`.
pub fn agent_code(noun: &str) -> Option<&'static str> {
    table().get(noun).copied()
}

#[cfg(test)]
mod tests {
    use super::agent_code;

    #[test]
    fn group_nouns_have_their_agent_type() {
        assert_eq!(agent_code("protesters"), Some("OPP"));
        assert_eq!(agent_code("police"), Some("COP"));
        assert_eq!(agent_code("rebels"), Some("REB"));
        assert_eq!(agent_code("officials"), Some("GOV"));
        assert_eq!(agent_code("troops"), Some("MIL"));
        // Singular titles and equipment are not group actors.
        assert_eq!(agent_code("president"), None);
        assert_eq!(agent_code("warships"), None);
    }
}
