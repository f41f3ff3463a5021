//! A strict handlebars registry that names template files in its errors.

use std::collections::HashMap;

use anyhow::{Result, anyhow};
use handlebars::{Handlebars, RenderError, RenderErrorReason};

use crate::templates::TemplateSet;

/// Strict handlebars templates that remember which file each came from, so
/// an error names `markdown/block.md.hbs`, not the registry's `block`.
pub struct Registry {
    /// The compiled templates and helpers.
    pub hb: Handlebars<'static>,
    /// Template name → file path in the template set.
    paths: HashMap<String, String>,
}

impl Registry {
    /// The file of template `name`, for messages: `template markdown/block.md.hbs`.
    pub fn place(&self, name: &str) -> String {
        format!("template {}", self.paths.get(name).map_or(name, String::as_str))
    }

    /// One sentence for a render error: the template's file, line and column, and what is wrong.
    pub fn describe(&self, e: &RenderError, name: &str) -> anyhow::Error {
        let template = e.template_name.as_deref().unwrap_or(name);
        let path = self.paths.get(template).map_or(template, String::as_str);
        let place = match (e.line_no, e.column_no) {
            (Some(line), Some(column)) => format!("template {path}, line {line}, column {column}"),
            _ => format!("template {path}"),
        };
        let what = match e.reason() {
            RenderErrorReason::MissingVariable(Some(variable)) => format!(
                "there is no variable `{variable}` here (templates are strict; `strategiekit templates context FILE` prints what they see)"
            ),
            RenderErrorReason::MissingVariable(None) => {
                "a variable used here does not exist (templates are strict)".to_string()
            }
            RenderErrorReason::IOError(e) => e.to_string(),
            other => other.to_string(),
        };
        anyhow!("{place}: {what}")
    }

    /// Registers `text` as template `name`, read from `path` (named in errors).
    pub fn add(&mut self, name: &str, text: &str, path: &str) -> Result<()> {
        self.hb.register_template_string(name, text).map_err(|e| {
            let place = match e.pos() {
                Some((line, column)) => format!("template {path}, line {line}, column {column}"),
                None => format!("template {path}"),
            };
            anyhow!("{place}: {}", e.reason())
        })?;
        self.paths.insert(name.to_string(), path.to_string());
        Ok(())
    }
}

/// Builds a strict handlebars registry from the files under `prefix`, with
/// `escape` as the escape function; file `prefix/x.ext.hbs` becomes template `x`.
pub fn registry(templates: &TemplateSet, prefix: &str, escape: fn(&str) -> String) -> Result<Registry> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape);
    let mut reg = Registry { hb, paths: HashMap::new() };
    for (path, text) in templates.files_under(prefix) {
        let name = path.trim_start_matches(prefix).split('.').next().unwrap_or_default().to_string();
        reg.add(&name, text, path)?;
    }
    super::partials::check(&reg)?;
    Ok(reg)
}
