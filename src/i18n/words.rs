//! Words read outside the documents, the interview and the diagnostics
//! (`src/i18n/words.toml`): language names and `outline`'s notes.

crate::catalogue!(
    /// Every word of `src/i18n/words.toml`, in both languages.
    Words,
    words,
    "words.toml",
    [language_de, language_en, outline_technical_note, outline_production_note, outline_generated_note]
);
