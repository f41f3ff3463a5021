//! `strategiekit diff`: the change log between two versions of a strategy.

use anyhow::Result;

use super::ExitCode;
use crate::cli::DiffArgs;
use crate::model::{CheckOptions, Checked};

/// Runs `diff`: both files must pass `check`; prints Markdown to stdout.
pub fn run(args: &DiffArgs, color: bool) -> Result<ExitCode> {
    let old = Checked::from_path(&args.old, CheckOptions::default())?;
    let new = Checked::from_path(&args.new, CheckOptions::default())?;
    let (Some(a), Some(b)) = (old.valid(), new.valid()) else {
        for c in [&old, &new].into_iter().filter(|c| c.errors() > 0) {
            eprint!("{}", c.render(color));
            eprintln!("error: {} has errors; fix them before comparing (strategiekit check {})", c.name, c.name);
        }
        return Ok(ExitCode::Error);
    };
    let lang = args.lang.unwrap_or(b.document.language);
    super::to_stdout(crate::diff::markdown(a, b, &old.name, &new.name, lang))?;
    Ok(ExitCode::Ok)
}
