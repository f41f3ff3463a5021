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

    /// The set a `--templates DIR` option names: the built-in one, with the
    /// files of `dir` replacing their twins when a directory is given.
    pub fn load(dir: Option<&Path>) -> Result<TemplateSet> {
        dir.map_or_else(|| Ok(TemplateSet::builtin()), TemplateSet::with_overrides)
    }

    /// The built-in set with every file found in `dir` replacing its built-in twin.
    pub fn with_overrides(dir: &Path) -> Result<TemplateSet> {
        let mut set = TemplateSet::builtin();
        let mut found = 0;
        for (name, path) in walk(dir)? {
            let text = read_template(&path)?;
            set.replace_file(&name, text, &path)?;
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

    /// Replaces the built-in file `name` with `text`, as if read from a
    /// template directory (the fuzz targets use it).
    pub fn replace(&mut self, name: &str, text: String) -> Result<()> {
        self.replace_file(name, text, Path::new(name))
    }

    /// Replaces the built-in file `name` with `text`, read from `path`
    /// (which the messages name).
    fn replace_file(&mut self, name: &str, text: String, path: &Path) -> Result<()> {
        if !self.files.contains_key(name) {
            let known: Vec<&str> = self.files.keys().map(String::as_str).collect();
            bail!(
                "{} is not a template strategiekit knows\n  = help: template files are: {}\n  = help: `strategiekit templates export DIR` writes them all",
                path.display(),
                known.join(", ")
            );
        }
        if name == LABELS {
            let builtin = self.files.get(LABELS).map_or("", String::as_str);
            let (labels, missing) = LabelSet::parse_over(&text, builtin).map_err(|e| {
                anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()).context("invalid labels file")
            })?;
            self.labels = labels;
            if !missing.is_empty() {
                self.notes.push(format!(
                    "warning: {} lacks {} label(s) of this strategiekit version ({}); the built-in words are used for them\n  = help: `strategiekit templates export NEW_DIR` writes a complete labels.toml to compare with",
                    path.display(),
                    missing.len(),
                    missing.join(", ")
                ));
            }
        }
        self.files.insert(name.to_string(), text);
        Ok(())
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

/// The most a template file may hold: the largest built-in one is a few KiB.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Reads a template file of at most [`MAX_TEMPLATE_BYTES`].
fn read_template(path: &Path) -> Result<String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).with_context(|| format!("cannot read template {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_TEMPLATE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read template {}", path.display()))?;
    if bytes.len() as u64 > MAX_TEMPLATE_BYTES {
        bail!(
            "{} is larger than {} MiB; a template file may hold at most that much",
            path.display(),
            MAX_TEMPLATE_BYTES / 1024 / 1024
        );
    }
    String::from_utf8(bytes).with_context(|| format!("cannot read template {}: it is not UTF-8", path.display()))
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

/// The files under `dir` by their path relative to it (`markdown/block.md.hbs`),
/// sorted. Links are not followed, so a link loop cannot trap the walk; a
/// link or any other entry that is neither a directory nor a regular file is
/// an error naming it.
fn walk(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read template directory {}", dir.display()))?;
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            bail!(
                "{} is not a regular file; a template directory holds plain files (copy the file instead of linking it)",
                entry.path().display()
            );
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        out.push((name, entry.into_path()));
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_link_loop_in_the_template_directory_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("markdown")).expect("dir");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("markdown/loop")).expect("link");
        let e = TemplateSet::with_overrides(dir.path()).expect_err("a link is refused");
        assert!(e.to_string().ends_with("markdown/loop is not a regular file; a template directory holds plain files (copy the file instead of linking it)"), "{e}");
    }

    #[test]
    fn a_template_file_larger_than_the_limit_is_refused_before_it_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("markdown")).expect("dir");
        let file = std::fs::File::create(dir.path().join("markdown/document.md.hbs")).expect("create");
        file.set_len(MAX_TEMPLATE_BYTES + 1).expect("sparse file");
        let e = TemplateSet::with_overrides(dir.path()).expect_err("too large");
        assert!(
            e.to_string()
                .ends_with("markdown/document.md.hbs is larger than 1 MiB; a template file may hold at most that much"),
            "{e}"
        );
    }

    #[test]
    fn files_are_named_by_their_path_below_the_directory() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("html")).expect("dir");
        std::fs::write(dir.path().join("html/style.css.hbs"), "x").expect("write");
        std::fs::write(dir.path().join("labels.toml"), "").expect("write");
        let names: Vec<String> = walk(dir.path()).expect("walks").into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["html/style.css.hbs", "labels.toml"]);
    }
}
