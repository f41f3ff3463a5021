//! What a person reads about one input's outcome: its diagnostics, why
//! nothing was written, or the files written.

use super::{Failure, Made, Outcome};

/// The report on `outcome` for standard error: the diagnostics as shown,
/// then what went wrong or, unless `quiet`, a `wrote FILE` line per file.
/// Empty for an input whose clash another input reports.
pub fn report(outcome: &Outcome, quiet: bool) -> String {
    if let Err(Failure::Clash { first: false, .. }) = &outcome.result {
        return String::new();
    }
    let mut out = outcome.shown.clone();
    let name = &outcome.name;
    match &outcome.result {
        Ok(Made::Files(written)) if !quiet => {
            written.iter().for_each(|path| out.push_str(&format!("wrote {}\n", path.display())));
        }
        Ok(_) => {}
        Err(failure) => out.push_str(&format!("{}\n", failure_line(failure, name))),
    }
    out
}

/// One line on why nothing was written for input `name`.
fn failure_line(failure: &Failure, name: &str) -> String {
    match failure {
        Failure::Clash { path, inputs, .. } => {
            let names: Vec<String> = inputs.iter().map(|i| i.display().to_string()).collect();
            let (all, them) = if names.len() == 2 { ("both", "either") } else { ("all", "any of them") };
            format!(
                "error: {} would {all} write {}; nothing was written for {them}; build them into different --out directories",
                names.join(" and "),
                path.display()
            )
        }
        Failure::Unreadable(e) | Failure::Write(e) => format!("error: {e:#}"),
        Failure::Invalid { errors } => format!("error: {name} has {errors} error(s); nothing was written for it"),
        Failure::DeniedWarnings { warnings } => {
            format!("error: {name} has {warnings} warning(s) and --deny-warnings is set; nothing was written for it")
        }
        Failure::Render(e) => format!("error: cannot render {name}: {e:#}"),
    }
}
