//! XML text for WordprocessingML: escaping and the characters XML 1.0 forbids.

use std::borrow::Cow;

use crate::render::LONGEST_UNBROKEN;

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

/// How far apart the break opportunities in a long word are.
const BREAK_EVERY: usize = 50;

/// `s` with a zero-width space (U+200B, a break opportunity that Word and
/// LibreOffice honour and that prints nothing) after every
/// [`BREAK_EVERY`] characters of each word longer than [`LONGEST_UNBROKEN`]:
/// a title of one 3,000-character word otherwise leaves LibreOffice's
/// layout without a place to break the line.
pub fn breakable(s: &str) -> Cow<'_, str> {
    let long = |word: &str| word.len() > LONGEST_UNBROKEN && word.chars().count() > LONGEST_UNBROKEN;
    // a word of more characters has more bytes: most texts end here
    if s.len() <= LONGEST_UNBROKEN || !s.split(char::is_whitespace).any(long) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + s.len() / BREAK_EVERY * 3);
    let mut rest = s;
    while !rest.is_empty() {
        let space = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        if long(word) {
            for (i, c) in word.chars().enumerate() {
                if i > 0 && i % BREAK_EVERY == 0 {
                    out.push('\u{200B}');
                }
                out.push(c);
            }
        } else {
            out.push_str(word);
        }
        rest = &rest[end..];
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_get_break_opportunities_and_short_ones_none() {
        assert!(matches!(breakable("Digitalisierungsstrategie der Stadt"), Cow::Borrowed(_)));
        let word = "x".repeat(3000);
        let text = format!("Titel {word} Ende");
        let broken = breakable(&text);
        assert_eq!(broken.matches('\u{200B}').count(), 59);
        assert_eq!(broken.replace('\u{200B}', ""), format!("Titel {word} Ende"));
        assert!(broken.split('\u{200B}').all(|part| part.chars().count() <= 56), "{broken}");
        let url = format!("https://example.org/{}", "a".repeat(80));
        assert!(matches!(breakable(&url), Cow::Borrowed(_)), "a 100-character word stays whole");
    }

    #[test]
    fn escapes_and_removes_forbidden_characters() {
        assert_eq!(esc("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(esc("bell\u{7}\u{1b}x\u{FFFE}"), "bellx");
    }
}
