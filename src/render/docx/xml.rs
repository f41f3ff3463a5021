//! XML text for WordprocessingML: escaping and the characters XML 1.0 forbids.

use std::borrow::Cow;

/// True for characters XML 1.0 allows in text.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes `s` for XML text or attribute values, removing forbidden characters.
pub fn esc(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        quick_xml::escape::escape(s)
    } else {
        let cleaned: String = s.chars().filter(|c| allowed(*c)).collect();
        Cow::Owned(quick_xml::escape::escape(cleaned.as_str()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_removes_forbidden_characters() {
        assert_eq!(esc("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(esc("bell\u{7}\u{1b}x\u{FFFE}"), "bellx");
    }
}
