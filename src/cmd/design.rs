//! `strategiekit design export [FILE]` and `design check FILE`.

use anyhow::{Context as _, Result, bail};

use super::ExitCode;
use crate::cli::DesignAction;
use crate::design::{self, DEFAULT_TOML};

/// Runs a `design` action.
pub fn run(action: &DesignAction) -> Result<ExitCode> {
    match action {
        DesignAction::Export { file, force } => {
            if file.as_os_str() == "-" {
                super::to_stdout(DEFAULT_TOML)?;
                return Ok(ExitCode::Ok);
            }
            if file.exists() && !force {
                bail!("{} exists; give --force to replace it", file.display());
            }
            std::fs::write(file, DEFAULT_TOML).with_context(|| format!("cannot write {}", file.display()))?;
            eprintln!("wrote {}", file.display());
            eprintln!("edit it, then: strategiekit build FILE --design {} --format docx,odt,pdf,html", file.display());
            Ok(ExitCode::Ok)
        }
        DesignAction::Check { file } => {
            design::load(file)?;
            eprintln!("{}: ok", file.display());
            Ok(ExitCode::Ok)
        }
    }
}
