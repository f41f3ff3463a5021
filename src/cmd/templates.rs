//! `strategiekit templates export DIR` and `templates context FILE`.

use anyhow::{Result, bail};

use super::ExitCode;
use crate::cli::TemplatesAction;
use crate::context;
use crate::model::{CheckOptions, Checked};
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
        TemplatesAction::Context { file, profile, templates } => {
            let set = TemplateSet::load(templates.as_deref())?;
            set.notes().iter().for_each(|note| eprintln!("{note}"));
            let checked = Checked::from_path(file, CheckOptions::default())?;
            let Some(strategy) = checked.valid() else {
                eprint!("{}", checked.render_errors(console::Term::stderr().is_term()));
                bail!("{} has {} error(s); `strategiekit check` tells more", checked.name, checked.errors());
            };
            let doc = context::build(strategy, *profile, set.labels().get(strategy.document.language));
            super::to_stdout(serde_json::to_string_pretty(&doc)? + "\n")?;
            Ok(ExitCode::Ok)
        }
    }
}
