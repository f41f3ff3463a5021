//! The words of the interview and of the input file it writes
//! (`src/i18n/interview.toml`), one field per entry.

interview_keys!(
    crate::catalogue,
    /// Every word of the interview and of the input file it writes, in both languages.
    InterviewWords,
    words,
    "interview.toml",
);
