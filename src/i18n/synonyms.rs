//! German words for the English enumeration values, as people write them
//! ("hoch" for `high`), for `check`'s suggestions. Consulted before the
//! spelling suggestion, which cannot see that "geplant" means `planned`.
//!
//! They come from the catalogues: the German word of every label or word
//! whose key names an enumeration value (`priority_high` → `high`,
//! `involvement_co_create` → `co-create`), and the further German words of
//! `src/i18n/synonyms.toml`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::entry;

/// Key prefixes of the catalogue entries that name an enumeration value.
const ENUMERATIONS: [&str; 8] =
    ["kind_", "doc_status_", "priority_", "status_", "group_", "involvement_", "language_", "funding_kind_"];

/// (German word in lower case, key of its entry without the prefix), in the
/// order of the catalogues: labels, words, then the further synonyms.
static SYNONYMS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    let value = |key: &str| ENUMERATIONS.iter().find_map(|p| key.strip_prefix(p)).map(String::from);
    for text in [include_str!("../../templates/labels.toml"), include_str!("words.toml")] {
        let entries = entry::parse(text).unwrap_or_else(|e| panic!("built-in catalogue is invalid: {e}"));
        out.extend(entries.iter().filter_map(|(key, e)| Some((e.de.to_lowercase(), value(key)?))));
    }
    let further: BTreeMap<String, Vec<String>> = toml::from_str(include_str!("synonyms.toml"))
        .unwrap_or_else(|e| panic!("built-in src/i18n/synonyms.toml is invalid: {e}"));
    for (key, words) in further {
        let value = value(&key).unwrap_or_else(|| panic!("synonyms.toml: `{key}` names no enumeration value"));
        out.extend(words.iter().map(|w| (w.to_lowercase(), value.clone())));
    }
    out
});

/// The allowed value (of `allowed`) that the German `word` means, if any.
pub fn german_synonym<'a>(word: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    let value = SYNONYMS.iter().find(|(de, _)| *de == word).map(|(_, value)| value)?;
    allowed.iter().copied().find(|a| *a == value || a.replace('-', "_") == *value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_labels_and_further_words_name_values() {
        assert_eq!(german_synonym("hoch", &["high", "medium", "low"]), Some("high"));
        assert_eq!(german_synonym(" Gering ", &["high", "medium", "low"]), Some("low"));
        assert_eq!(german_synonym("Mitgestalten", &["inform", "co-create", "consult"]), Some("co-create"));
        assert_eq!(german_synonym("bürgerschaft", &["politics", "civil_society"]), Some("civil_society"));
        assert_eq!(german_synonym("interkommunaler verbund", &["city", "association"]), Some("association"));
        assert_eq!(german_synonym("Deutsch", &["de", "en"]), Some("de"));
        assert_eq!(german_synonym("hoch", &["de", "en"]), None);
        assert_eq!(german_synonym("Kommune", &["city", "municipality"]), Some("municipality"));
    }

    #[test]
    fn every_german_word_means_one_value() {
        let mut seen = BTreeMap::new();
        for (de, value) in SYNONYMS.iter() {
            if let Some(other) = seen.insert(de, value) {
                assert_eq!(other, value, "`{de}` means two values");
            }
        }
        assert!(seen.len() >= 50, "{}", seen.len());
    }
}
