//! The template set: the files under `templates/`, embedded in the binary,
//! optionally replaced file by file from a directory (`build --templates`).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::i18n::LabelSet;

#[derive(rust_embed::Embed)]
#[folder = "templates/"]
struct Builtin;

/// Name of the labels file inside a template set.
pub const LABELS: &str = "labels.toml";

/// Templates and labels, by path relative to the template directory.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    files: BTreeMap<String, String>,
    labels: LabelSet,
    notes: Vec<String>,
}

impl TemplateSet {
    /// The built-in set.
    pub fn builtin() -> TemplateSet {
        let files = builtin_files();
        let labels = LabelSet::parse(files.get(LABELS).map_or("", String::as_str))
            .unwrap_or_else(|e| panic!("built-in templates/labels.toml is invalid: {e}"));
        TemplateSet { files, labels, notes: Vec::new() }
    }

    /// What reading an override directory found worth telling (labels the
    /// exported file lacks), one message each.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The built-in set with every file found in `dir` replacing its built-in twin.
    pub fn with_overrides(dir: &Path) -> Result<TemplateSet> {
        let mut set = TemplateSet::builtin();
        let mut found = 0;
        for (name, path) in walk(dir)? {
            if !set.files.contains_key(&name) {
                let known: Vec<&str> = set.files.keys().map(String::as_str).collect();
                bail!(
                    "{} is not a template strategiekit knows\n  = help: template files are: {}\n  = help: `strategiekit templates export DIR` writes them all",
                    path.display(),
                    known.join(", ")
                );
            }
            let text =
                std::fs::read_to_string(&path).with_context(|| format!("cannot read template {}", path.display()))?;
            if name == LABELS {
                let builtin = set.files.get(LABELS).map_or("", String::as_str);
                let (labels, missing) = LabelSet::parse_over(&text, builtin).map_err(|e| {
                    anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()).context("invalid labels file")
                })?;
                set.labels = labels;
                if !missing.is_empty() {
                    set.notes.push(format!(
                        "warning: {} lacks {} label(s) of this strategiekit version ({}); the built-in words are used for them\n  = help: `strategiekit templates export NEW_DIR` writes a complete labels.toml to compare with",
                        path.display(),
                        missing.len(),
                        missing.join(", ")
                    ));
                }
            }
            set.files.insert(name, text);
            found += 1;
        }
        if found == 0 {
            bail!(
                "{} holds no template files\n  = help: `strategiekit templates export {}` writes the built-in ones there",
                dir.display(),
                dir.display()
            );
        }
        Ok(set)
    }

    /// Files whose path starts with `prefix` (e.g. `markdown/`), by path.
    pub fn files_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.files.iter().filter(move |(k, _)| k.starts_with(prefix)).map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// One file by path.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }

    /// True when file `name` is present and holds the built-in text.
    pub fn is_builtin(&self, name: &str) -> bool {
        match (self.files.get(name), Builtin::get(name)) {
            (Some(text), Some(file)) => text.as_bytes() == file.data.as_ref(),
            _ => false,
        }
    }

    /// The labels of both languages.
    pub fn labels(&self) -> &LabelSet {
        &self.labels
    }

    /// Writes the built-in files into `dir`; refuses to replace files unless `force`.
    pub fn export(dir: &Path, force: bool) -> Result<Vec<String>> {
        let files = builtin_files();
        if !force {
            let existing: Vec<&str> = files.keys().filter(|n| dir.join(n).exists()).map(String::as_str).collect();
            if !existing.is_empty() {
                bail!("{} already holds {}; use --force to replace them", dir.display(), existing.join(", "));
            }
        }
        for (name, text) in &files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(files.into_keys().collect())
    }
}

fn builtin_files() -> BTreeMap<String, String> {
    Builtin::iter()
        .filter_map(|name| {
            let file = Builtin::get(&name)?;
            let text = String::from_utf8(file.data.into_owned()).ok()?;
            Some((name.replace('\\', "/"), text))
        })
        .collect()
}

/// Every file below `dir`, with its path relative to `dir` using `/`.
fn walk(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .with_context(|| format!("cannot read template directory {}", current.display()))?;
        for entry in entries {
            let path = entry.with_context(|| format!("cannot read {}", current.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.push((name, path));
            }
        }
    }
    out.sort();
    Ok(out)
}
