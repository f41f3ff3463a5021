//! The interview's draft: the answers so far, as an input file beside the
//! output (`strategy.toml` → `strategy.draft.toml`), with the step to resume
//! at in its first line. A draft is a valid input file, so it can also be
//! checked and built.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::flow::steps;
use crate::model::write::to_toml;
use crate::model::{CheckOptions, Checked, Lang, Strategy};
use crate::output::{OutputFile, write_atomic};

const MARK: &str = "# strategiekit interview draft; resume at: ";
const QUESTION: &str = ", question ";

/// Where the draft of `out` lives.
pub fn path_for(out: &Path) -> PathBuf {
    let stem = out.file_stem().map_or_else(|| "strategy".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}.draft.toml"))
}

/// The draft's text: the marker line (read back by [`load`]), a line for
/// people in the interview's language, then the input file.
pub fn text(s: &Strategy, step: usize, question: usize, lang: Lang) -> String {
    let all = steps();
    let name = all.get(step).copied().unwrap_or("end");
    // the question of the section to go on at, counted from 0, when not the first
    let name = if question > 0 { format!("{name}{QUESTION}{question}") } else { name.to_string() };
    let title = super::flow::step_title(step, lang);
    let note = crate::i18n::interview::words().draft_note.fill(lang, &[("title", &title)]);
    format!("{MARK}{name}\n{note}\n{}", to_toml(s, lang))
}

/// Saves the draft atomically, to resume at question `question` of step `step`.
pub fn save(path: &Path, s: &Strategy, step: usize, question: usize, lang: Lang) -> Result<()> {
    write_atomic(&OutputFile { path: path.to_path_buf(), bytes: text(s, step, question, lang).into_bytes() }, true)
}

/// Where an unreadable draft is moved: `ulm.draft.toml.broken`, or when
/// that is taken `ulm.draft.toml.broken-2`, `-3`, …, so that no earlier one
/// is ever replaced.
pub fn aside_path(draft: &Path) -> std::path::PathBuf {
    let first = draft.with_extension("toml.broken");
    let numbered = (2..).map(|n| draft.with_extension(format!("toml.broken-{n}")));
    std::iter::once(first).chain(numbered).find(|p| !p.exists()).unwrap_or_else(|| draft.with_extension("toml.broken"))
}

/// Where a draft goes when the interview starts anew instead of resuming
/// it: `ulm.draft.toml` becomes `ulm.draft-2026-12-01-1315.toml` (with `-2`,
/// `-3`, … when that is taken), so an earlier morning's answers stay.
pub fn backup_path(draft: &Path) -> std::path::PathBuf {
    let now = jiff::Zoned::now();
    let stem = draft.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".toml")).unwrap_or("draft");
    let name = |n: usize| {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        draft.with_file_name(format!("{stem}-{}{suffix}.toml", now.strftime("%Y-%m-%d-%H%M")))
    };
    (1..).map(name).find(|p| !p.exists()).unwrap_or_else(|| name(1))
}

/// A draft read back.
#[derive(Debug)]
pub struct Draft {
    /// The answers so far.
    pub strategy: Strategy,
    /// The step to resume at (an index into [`steps`]).
    pub step: usize,
    /// The question of that step to resume at (0: its first).
    pub question: usize,
}

/// Reads the draft at `path`: `Ok(None)` if there is none, an error if it
/// cannot be read into a model (the message says why).
pub fn load(path: &Path) -> Result<Option<Draft>> {
    if !path.exists() {
        return Ok(None);
    }
    let checked = Checked::from_path(path, CheckOptions::default())?;
    let at = checked.source.lines().next().and_then(|l| l.strip_prefix(MARK)).unwrap_or("").trim();
    let (step_name, question) = match at.split_once(QUESTION) {
        Some((name, n)) => (name, n.trim().parse().unwrap_or(0)),
        None => (at, 0),
    };
    // "end": every step was entered; the interview goes on at the overview
    let all = steps();
    let step = if step_name == "end" { all.len() } else { all.iter().position(|s| *s == step_name).unwrap_or(0) };
    // a draft may hold an entry cut short by Ctrl-C; the interview asks it again
    match checked.strategy {
        Some(strategy) => Ok(Some(Draft { strategy, step, question })),
        None => anyhow::bail!("the draft {} cannot be read:\n{}", path.display(), checked.render(false)),
    }
}
