//! The words of diagnostics (`src/i18n/diagnostics.toml`), one field per
//! entry; [`crate::model::messages`] fills them in.

diagnostic_keys!(
    crate::catalogue,
    /// Every text of `check`'s findings, in both languages.
    DiagnosticWords,
    words,
    "diagnostics.toml",
);
