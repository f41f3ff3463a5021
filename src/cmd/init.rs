//! `strategiekit init`: a commented starter file, or a bundled example.

use anyhow::{Context as _, Result, anyhow};
use handlebars::Handlebars;
use serde_json::json;

use super::ExitCode;
use crate::catalogue::{Catalogue, section_ids};
use crate::cli::InitArgs;
use crate::model::Lang;
use crate::output::{OutputFile, write_atomic};
use crate::templates::TemplateSet;

/// The bundled example strategies (not the example design in `examples/design/`).
#[derive(rust_embed::Embed)]
#[folder = "examples/"]
#[exclude = "design/*"]
struct Examples;

/// Names of the bundled examples (file stems of `examples/*.toml`).
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = Examples::iter().filter_map(|n| n.strip_suffix(".toml").map(str::to_string)).collect();
    names.sort();
    names
}

/// clap's parser for `--example`.
pub fn example_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(names())
}

/// The text of a bundled example.
pub fn example(name: &str) -> Option<String> {
    Examples::get(&format!("{name}.toml")).and_then(|f| String::from_utf8(f.data.into_owned()).ok())
}

/// The images a bundled example names (`images/…`), to be written beside
/// `file` as the example has them; an image already there with the same
/// bytes is left as it is.
pub(crate) fn example_images(text: &str, file: &std::path::Path) -> Result<Vec<OutputFile>> {
    let checked = crate::model::Checked::from_source("example", text.to_string(), Default::default());
    let Some(strategy) = &checked.strategy else { return Ok(Vec::new()) };
    let dir = file.parent().unwrap_or(std::path::Path::new(""));
    let mut out = Vec::new();
    for entry in crate::model::images::entries(strategy) {
        let bytes = Examples::get(entry.file)
            .ok_or_else(|| anyhow!("the bundled example names {}, which is not bundled", entry.file))?
            .data
            .into_owned();
        let path = dir.join(entry.file);
        if std::fs::read(&path).is_ok_and(|there| there == bytes) {
            continue;
        }
        out.push(OutputFile { path, bytes });
    }
    Ok(out)
}

/// The starter file in `lang` (comments, headings, sample values), naming
/// `file` in its comments.
pub fn starter(templates: &TemplateSet, file: &str, lang: Lang) -> Result<String> {
    let catalogue = Catalogue::get();
    let pad = |id: &str, width: usize| " ".repeat(width.saturating_sub(id.len()).max(1));
    let sections: Vec<_> = catalogue
        .sections
        .iter()
        .filter(|s| s.id != section_ids::PRODUCTION)
        .map(|s| {
            let items: Vec<_> = catalogue
                .items_of(&s.id)
                .map(|i| json!({ "id": i.id, "heading": i.title(lang), "pad": pad(&i.id, 24) }))
                .collect();
            json!({ "title": s.title(lang), "items": items })
        })
        .collect();
    let production: Vec<_> = catalogue
        .items_of(section_ids::PRODUCTION)
        .map(|i| json!({ "id": i.id, "heading": i.title(lang), "pad": pad(&i.id, 16) }))
        .collect();
    let field_ids: Vec<&str> = catalogue.fields.iter().map(|f| f.id.as_str()).collect();
    let topic_ids: Vec<&str> = catalogue.items_of(section_ids::TECHNICAL).map(|i| i.id.as_str()).collect();
    let data = json!({
        "file": file,
        "sections": sections,
        "production": production,
        "field_ids": field_ids.join(", "),
        "topic_ids": topic_ids.join(", "),
    });
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    let name = starter_template(lang);
    let template = templates.get(name).ok_or_else(|| anyhow!("template {name} is missing"))?;
    hb.render_template(template, &data).with_context(|| format!("cannot render the starter template {name}"))
}

/// The template of the starter in `lang`.
pub fn starter_template(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "starter.toml.hbs",
        Lang::En => "starter.en.toml.hbs",
    }
}

/// The file the starter's `#:schema` line names, beside the starter.
pub const SCHEMA_FILE: &str = "strategiekit.schema.json";

/// Writes the input's JSON Schema beside `file`, which the starter's
/// `#:schema` line names, so that editors complete keys at once. An existing
/// schema is replaced only with `force`.
fn write_schema(file: &std::path::Path, force: bool) -> Result<()> {
    let path = file.parent().unwrap_or(std::path::Path::new("")).join(SCHEMA_FILE);
    if path.exists() && !force {
        eprintln!("kept {}; refresh it with: strategiekit schema > {}", path.display(), path.display());
        return Ok(());
    }
    let schema = serde_json::to_string_pretty(crate::model::schema::input_schema())? + "\n";
    write_atomic(&OutputFile { path: path.clone(), bytes: schema.into_bytes() }, force)?;
    eprintln!("wrote {} (for completion in editors that read the #:schema line)", path.display());
    Ok(())
}

/// `LAST` written again with slots for `year` (default: this year), its
/// images' paths rebased to start from the folder of `file`. `LAST` must pass `check`.
fn with_slots(last: &std::path::Path, file: &std::path::Path, year: Option<u16>) -> Result<String> {
    let checked = crate::model::Checked::from_path(last, Default::default())?;
    let Some(s) = checked.valid() else {
        anyhow::bail!(
            "{} has errors; fix them first (strategiekit check {}):\n{}",
            last.display(),
            last.display(),
            checked.render(false).trim_end()
        );
    };
    let mut s = s.clone();
    let parent = |p: &std::path::Path| p.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    crate::model::images::rebase(&mut s, &parent(last), &parent(file));
    let year = year.unwrap_or_else(|| crate::interview::today().year);
    Ok(crate::model::write::to_toml_with_slots(&s, s.document.language, year))
}

/// Runs `init`.
pub fn run(args: &InitArgs) -> Result<ExitCode> {
    let to_stdout = args.file.as_os_str() == "-";
    let shown = if to_stdout { "strategy.toml".to_string() } else { args.file.display().to_string() };
    let text = match (&args.example, &args.update) {
        (Some(name), _) => {
            example(name).ok_or_else(|| anyhow!("no bundled example named {name}; known: {}", names().join(", ")))?
        }
        (None, Some(last)) => with_slots(last, &args.file, args.year)?,
        (None, None) => starter(&TemplateSet::builtin(), &shown, args.lang.unwrap_or_default())?,
    };
    if to_stdout {
        if let Some(name) = &args.example
            && example_images(&text, std::path::Path::new("")).is_ok_and(|i| !i.is_empty())
        {
            eprintln!(
                "note: the example names images, which standard output cannot carry; to get them too: strategiekit init --example {name} {name}.toml"
            );
        }
        super::to_stdout(text)?;
        return Ok(ExitCode::Ok);
    }
    let images = match &args.example {
        Some(_) => example_images(&text, &args.file)?,
        None => Vec::new(),
    };
    let mut files = vec![OutputFile { path: args.file.clone(), bytes: text.into_bytes() }];
    files.extend(images);
    crate::output::write_all(&files, args.force)?;
    for file in &files {
        eprintln!("wrote {}", file.path.display());
    }
    if args.example.is_none() && args.update.is_none() {
        write_schema(&args.file, args.force)?;
    }
    eprintln!("next: strategiekit check {shown}   then: strategiekit build {shown} --format md");
    Ok(ExitCode::Ok)
}
