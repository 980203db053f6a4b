//! ISO 3166-1 alpha-3 → alpha-2, from the lexicon's country table (embedded, so nothing is
//! read at run time). FollowTheMoney writes countries as lowercase alpha-2.

use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../../../data/lexicon/countries.tsv");

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        COUNTRIES_TSV
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let alpha3 = fields.next()?;
                let alpha2 = fields.next()?;
                (alpha3.len() == 3 && alpha2.len() == 2).then_some((alpha3, alpha2))
            })
            .collect()
    })
}

/// The alpha-2 code (uppercase, as the table has it) of an alpha-3 code, if known.
/// Codes are matched case-insensitively.
pub fn alpha2(alpha3: &str) -> Option<&'static str> {
    if alpha3.len() != 3 {
        return None;
    }
    table().get(alpha3.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_convert() {
        assert_eq!(alpha2("USA"), Some("US"));
        assert_eq!(alpha2("irn"), Some("IR"));
        assert_eq!(alpha2("RUS"), Some("RU"));
        assert_eq!(alpha2("XXX"), None);
        assert_eq!(alpha2("US"), None);
        assert!(table().len() > 240);
    }
}
