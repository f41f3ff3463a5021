//! `strategiekit templates export DIR`.

use anyhow::Result;

use super::ExitCode;
use crate::cli::TemplatesAction;
use crate::templates::TemplateSet;

/// Runs a `templates` action.
pub fn run(action: &TemplatesAction) -> Result<ExitCode> {
    match action {
        TemplatesAction::Export { dir, force } => {
            let names = TemplateSet::export(dir, *force)?;
            for name in names {
                eprintln!("wrote {}", dir.join(name).display());
            }
            eprintln!("edit them, then: strategiekit build FILE --templates {}", dir.display());
            Ok(ExitCode::Ok)
        }
    }
}
