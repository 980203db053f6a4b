//! XML text escaping for the graph writers. XML 1.0 cannot carry most control
//! characters even as references, so they are dropped; line breaks and tabs in
//! attributes are written as references so that parsers do not normalize them to spaces.

use std::fmt::Write as _;

/// `text` escaped for element content or a double-quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\n' | '\r' | '\t' => {
                // Writing into a String cannot fail.
                let _ = write!(escaped, "&#{};", u32::from(character));
            }
            character if allowed(character) => escaped.push(character),
            _ => {}
        }
    }
    escaped
}

/// The characters XML 1.0 allows (its `Char` production), less the ones escaped above.
fn allowed(character: char) -> bool {
    matches!(character,
        '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("<a & \"b\" 'c'>\u{0}\u{1b}"),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
        );
        assert_eq!(escape("one\ntwo"), "one&#10;two");
        assert_eq!(escape("Łódź 北京"), "Łódź 北京");
    }
}
