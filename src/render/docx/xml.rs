//! XML text for WordprocessingML: escaping and the characters XML 1.0 forbids.

use std::borrow::Cow;

use crate::render::LONGEST_UNBROKEN;

/// What [`esc_into`] writes for each ASCII byte: `Some(replacement)` for the
/// five characters XML escapes and the carriage return (a reference, which a
/// reader's line-end normalisation keeps, as quick-xml writes it), and
/// `Some("")` for the control characters XML 1.0 forbids (all below U+0020
/// but tab, line feed and carriage return).
const ASCII: [Option<&str>; 128] = {
    let mut table: [Option<&str>; 128] = [None; 128];
    let mut b = 0;
    while b < 0x20 {
        if !matches!(b, 0x09 | 0x0A | 0x0D) {
            table[b] = Some("");
        }
        b += 1;
    }
    table[b'\r' as usize] = Some("&#13;");
    table[b'<' as usize] = Some("&lt;");
    table[b'>' as usize] = Some("&gt;");
    table[b'&' as usize] = Some("&amp;");
    table[b'"' as usize] = Some("&quot;");
    table[b'\'' as usize] = Some("&apos;");
    table
};

/// The next byte of `bytes` at or after `from` that escaping changes: its
/// index, what replaces it, and how many bytes it replaces.
fn next_change(bytes: &[u8], from: usize) -> Option<(usize, &'static str, usize)> {
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if let Some(replacement) = ASCII[usize::from(b)] {
                return Some((i, replacement, 1));
            }
        } else if b == 0xEF && bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) {
            // U+FFFE, U+FFFF: not characters, dropped
            return Some((i, "", 3));
        }
        i += 1;
    }
    None
}

/// Appends `s` to `out`, escaped for XML text or attribute values, without
/// the characters XML 1.0 forbids (the C0 controls but tab, line feed and
/// carriage return; U+FFFE and U+FFFF). One pass over the bytes; the runs
/// between the few bytes that change are copied whole.
pub fn esc_into(out: &mut String, s: &str) {
    let mut copied = 0;
    while let Some((i, replacement, len)) = next_change(s.as_bytes(), copied) {
        out.push_str(&s[copied..i]);
        out.push_str(replacement);
        copied = i + len;
    }
    out.push_str(&s[copied..]);
}

/// `s` escaped for XML text or attribute values, without the characters
/// XML 1.0 forbids (see [`esc_into`]); borrowed when nothing changes.
pub fn esc(s: &str) -> Cow<'_, str> {
    if next_change(s.as_bytes(), 0).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    esc_into(&mut out, s);
    Cow::Owned(out)
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
        assert_eq!(esc("tab\tline\nreturn\r\u{FFFD}\u{FFFF}\u{EFBF}ä"), "tab\tline\nreturn&#13;\u{FFFD}\u{EFBF}ä");
        assert!(matches!(esc("Straße & Co"), Cow::Owned(_)));
        assert!(matches!(esc("Straße und Co \u{FFFD}"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// The one-pass escaping writes what quick-xml's escaping of the
        /// allowed characters writes, byte for byte.
        #[test]
        fn one_pass_escaping_is_quick_xml_s_of_the_allowed_characters(s in "\\PC*|[\\x00-\\x7f\u{FFFE}\u{FFFF}\u{EFBF}]*") {
            let allowed = |c: char| {
                matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
            };
            let cleaned: String = s.chars().filter(|&c| allowed(c)).collect();
            let expected = quick_xml::escape::escape(cleaned.as_str()).into_owned();
            let mut out = String::from("<");
            esc_into(&mut out, &s);
            proptest::prop_assert_eq!(&out[1..], expected.as_str());
            let escaped = esc(&s);
            proptest::prop_assert_eq!(escaped.as_ref(), expected.as_str());
        }
    }
}
