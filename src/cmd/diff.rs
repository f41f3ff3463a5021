//! `strategiekit diff`: the change log between two versions of a strategy,
//! in every format `build` writes.

use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::Result;

use super::{ExitCode, UsageError};
use crate::cli::DiffArgs;
use crate::diff::{self, Versions};
use crate::model::{CheckOptions, Checked};
use crate::output::{OutputFile, write_all};
use crate::render::{Format, Input, Renderers, Settings};
use crate::templates::TemplateSet;

/// Runs `diff`: both files must pass `check`; writes the change log to
/// standard output, or into `--out DIR` as `NEW.changes.FORMAT`.
pub fn run(args: &DiffArgs, color: bool) -> Result<ExitCode> {
    let formats = formats(args)?;
    let old = Checked::from_path(&args.old, CheckOptions::default())?;
    let new = Checked::from_path(&args.new, CheckOptions::default())?;
    let (Some(a), Some(b)) = (old.valid(), new.valid()) else {
        for c in [&old, &new].into_iter().filter(|c| c.errors() > 0) {
            eprint!("{}", c.render(color));
            eprintln!("error: {} has errors; fix them before comparing (strategiekit check {})", c.name, c.name);
        }
        return Ok(ExitCode::Error);
    };
    let templates = TemplateSet::load(args.templates.as_deref())?;
    templates.notes().iter().for_each(|note| eprintln!("{note}"));
    let lang = args.lang.unwrap_or(b.document.language);
    let versions = Versions { old: a, new: b, old_name: &old.name, new_name: &new.name };
    let mut document = diff::document(versions, lang, templates.labels().get(lang));
    let look = &args.look;
    document.design =
        std::sync::Arc::new(crate::design::for_build(look.design.as_deref(), look.reference_doc.as_deref())?);
    let settings = Settings { office: args.look.soffice.clone(), design: document.design.clone() };
    let rendered = Renderers::new(templates, &settings)?.render_input(&Input::new(None, &document), &formats)?;
    match &args.out {
        None => super::to_stdout(rendered.into_iter().next().map(|(_, bytes)| bytes).unwrap_or_default())?,
        Some(dir) => write_files(dir, &args.new, rendered, args.force)?,
    }
    Ok(ExitCode::Ok)
}

/// The formats asked for, sorted and without repeats, or why they cannot be written where asked.
fn formats(args: &DiffArgs) -> Result<Vec<Format>> {
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    if let Some(sheet) = formats.iter().find(|f| matches!(f, Format::Xlsx | Format::Ods | Format::Csv)) {
        return Err(UsageError(format!(
            "the change log is a document, not a table; a spreadsheet shows one strategy: strategiekit build NEW --format {}",
            sheet.extension()
        ))
        .into());
    }
    match &args.out {
        None if formats.len() > 1 => Err(UsageError(format!(
            "{} formats are written as files; give the directory with --out DIR (or one --format for standard output)",
            formats.len()
        ))
        .into()),
        None if formats == [Format::Docx] && std::io::stdout().is_terminal() => Err(UsageError(
            "a DOCX is binary and would garble the terminal; give --out DIR or redirect: strategiekit diff OLD NEW --format docx > changes.docx".into(),
        )
        .into()),
        Some(dir) => {
            crate::build::out_directory(dir).map_err(|e| UsageError(e.0))?;
            Ok(formats)
        }
        None => Ok(formats),
    }
}

/// Writes each rendered format as `DIR/NEW.changes.EXT`, all or none if one exists and `force` is off.
fn write_files(dir: &Path, new: &Path, rendered: Vec<(Format, Vec<u8>)>, force: bool) -> Result<()> {
    let stem = new.file_stem().map_or_else(|| "strategy".into(), |s| s.to_string_lossy().into_owned());
    let files: Vec<OutputFile> = rendered
        .into_iter()
        .map(|(format, bytes)| OutputFile { path: dir.join(format!("{stem}.changes.{}", format.extension())), bytes })
        .collect();
    write_all(&files, force)?;
    files.iter().for_each(|file| eprintln!("wrote {}", file.path.display()));
    Ok(())
}
