//! One catalogue entry: a word or sentence in both languages, and the
//! `catalogue!` macro that gives a catalogue file a struct with one field per
//! entry, so a misspelt key is a compile error and a missing entry or
//! language fails the catalogue's test.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// A word or sentence in German and English. Both are required: a catalogue
/// entry lacking one does not parse.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Entry {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang` with its `{key}` placeholders filled.
    pub fn fill(&self, lang: Lang, pairs: &[(&str, &str)]) -> String {
        super::fill(self.get(lang), pairs)
    }
}

/// Parses a catalogue file into its entries by key.
pub fn parse(text: &str) -> Result<BTreeMap<String, Entry>, toml::de::Error> {
    toml::from_str(text)
}

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort_unstable();
    out
}

/// What is wrong with a catalogue file's entries: an empty text, or
/// placeholders that differ between the languages; one line each.
pub fn problems(text: &str) -> Result<Vec<String>, toml::de::Error> {
    let mut out = Vec::new();
    for (key, entry) in parse(text)? {
        for (lang, words) in [("de", &entry.de), ("en", &entry.en)] {
            if words.trim().is_empty() {
                out.push(format!("`{key}`: empty `{lang}` text"));
            }
        }
        let (de, en) = (placeholders(&entry.de), placeholders(&entry.en));
        if de != en {
            out.push(format!("`{key}`: placeholders differ: de {de:?}, en {en:?}"));
        }
    }
    Ok(out)
}

/// A struct with one [`Entry`] per key of an embedded catalogue file (a path
/// relative to the invoking module, which lives in `src/i18n/`), read
/// once: `catalogue!(Words, words, "words.toml", [yes, no])` gives
/// `words().yes.get(lang)`. The keys come from the file itself, through
/// the `*_keys!` macros build.rs writes, so a new word is one entry.
#[macro_export]
macro_rules! catalogue {
    ($(#[$doc:meta])* $name:ident, $getter:ident, $file:literal, [$($key:ident),* $(,)?]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(missing_docs)]
        pub struct $name { $(pub $key: $crate::i18n::Entry,)* }

        /// The embedded catalogue, parsed on first use.
        pub fn $getter() -> &'static $name {
            static CATALOGUE: std::sync::LazyLock<$name> = std::sync::LazyLock::new(|| {
                toml::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/", $file)))
                    .unwrap_or_else(|e| panic!("built-in catalogue {} is invalid: {e}", $file))
            });
            &CATALOGUE
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_needs_both_languages() {
        assert!(parse("[a]\nde = \"x\"\nen = \"y\"\n").is_ok());
        let err = parse("[a]\nde = \"x\"\n").expect_err("en is missing").to_string();
        assert!(err.contains("missing field `en`"), "{err}");
        let err = parse("[a]\nde = \"x\"\nen = \"y\"\nfr = \"z\"\n").expect_err("fr is unknown").to_string();
        assert!(err.contains("unknown field `fr`"), "{err}");
    }

    #[test]
    fn problems_name_empty_texts_and_differing_placeholders() {
        let text = "[a]\nde = \"{name} x\"\nen = \"{title} y\"\n[b]\nde = \"\"\nen = \"b\"\n[c]\nde = \"{n}\"\nen = \"{n}.\"\n";
        let found = problems(text).expect("parses");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("`a`: placeholders differ"), "{found:?}");
        assert_eq!(found[1], "`b`: empty `de` text");
    }
}
