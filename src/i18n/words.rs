//! Words read outside the documents, the interview and the diagnostics
//! (`src/i18n/words.toml`): language names and `outline`'s notes.

word_keys!(
    crate::catalogue,
    /// Every word of `src/i18n/words.toml`, in both languages.
    Words,
    words,
    "words.toml",
);
