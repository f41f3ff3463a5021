//! Whole-output snapshots (insta): the bundled examples' Markdown and HTML
//! in every profile, and what `check` reports, for people and as JSON, on
//! every example and on a few broken inputs.
//! Review changes with `cargo insta review`.

use std::path::{Path, PathBuf};
use std::process::Output;

use strategiekit::catalogue::Profile;
use strategiekit::model::{CheckOptions, Checked};
use strategiekit::render::Format;
use strategiekit::render::{Renderers, Settings};
use strategiekit::templates::TemplateSet;

use crate::util::*;

const PROFILES: [Profile; 3] = [Profile::Full, Profile::Summary, Profile::Council];

/// Renders every example in every profile as `format`, and hands each
/// (file stem, profile, text) to `snapshot`.
fn each_example_rendered(format: Format, mut snapshot: impl FnMut(&str, Profile, String)) {
    let renderers = Renderers::new(TemplateSet::builtin(), &Settings::default()).expect("templates compile");
    let names = examples();
    assert!(names.len() >= 4, "at least four examples");
    for path in names {
        let checked = Checked::from_path(&path, CheckOptions::default()).expect("readable");
        let strategy =
            checked.valid().unwrap_or_else(|| panic!("{} has errors:\n{}", path.display(), checked.render(false)));
        let stem = path.file_stem().expect("stem").to_string_lossy().into_owned();
        for profile in PROFILES {
            let out = renderers.render(strategy, profile, &[format]).expect("renders");
            snapshot(&stem, profile, shorten_images(&String::from_utf8(out[0].1.clone()).expect("UTF-8")));
        }
    }
}

/// `text` with each embedded image's base64 data replaced by its length,
/// so the snapshots show where images stand, not their bytes (which the
/// image tests check).
fn shorten_images(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(";base64,") {
        let data = &rest[at + 8..];
        let end = data.find(|c: char| !(c.is_ascii_alphanumeric() || "+/=".contains(c))).unwrap_or(data.len());
        out.push_str(&rest[..at + 8]);
        out.push_str(&format!("[{end} characters]"));
        rest = &data[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn examples_render_as_before() {
    each_example_rendered(Format::Md, |stem, profile, md| {
        insta::assert_snapshot!(format!("{stem}.{}", profile.as_str()), md);
    });
}

#[test]
fn examples_render_as_html_as_before() {
    each_example_rendered(Format::Html, |stem, profile, html| {
        insta::assert_snapshot!(format!("{stem}.{}.html", profile.as_str()), html);
    });
}

/// Broken inputs, each [`CLEAN`] with one mistake, by file stem.
fn bad_inputs() -> Vec<(&'static str, String)> {
    vec![
        // text without quotes: a TOML syntax error
        ("bad-syntax", clean_with("name = \"Musterstadt\"", "name = Musterstadt")),
        // a German word where the schema wants an English enum value
        ("bad-enum", clean_with("priority = \"high\"", "priority = \"hoch\"")),
        // a measure in a field that does not exist
        ("bad-reference", clean_with("field = \"administration\"", "field = \"verwaltung\"")),
        // the municipality without its required name
        ("bad-missing-key", clean_with("name = \"Musterstadt\"\n", "")),
    ]
}

/// The bundled examples' file names and directory.
fn example_files() -> (PathBuf, Vec<String>) {
    let files = examples();
    assert!(files.len() >= 4, "at least four examples");
    let dir = files[0].parent().expect("examples/").to_path_buf();
    let names = files.iter().map(|p| p.file_name().expect("name").to_string_lossy().into_owned()).collect();
    (dir, names)
}

/// What a user sees from one run: the command, exit code, stderr and stdout.
fn transcript(args: &[&str], out: &Output) -> String {
    let stream = |name: &str, text: String| {
        if text.is_empty() { format!("--- {name}: (empty)\n") } else { format!("--- {name}:\n{text}") }
    };
    format!(
        "$ strategiekit {}\nexit code: {}\n{}{}",
        args.join(" "),
        code(out),
        stream("stderr", stderr(out)),
        stream("stdout", stdout(out))
    )
}

/// Runs `strategiekit args` in `dir`, as a transcript.
fn run_transcript(dir: &Path, args: &[&str]) -> String {
    transcript(args, &run_in(dir, args))
}

#[test]
fn check_reports_on_every_example_as_before() {
    let (dir, files) = example_files();
    for file in files {
        let stem = file.trim_end_matches(".toml");
        let human = run_transcript(&dir, &["check", "--color", "never", &file]);
        insta::assert_snapshot!(format!("{stem}.check"), human);
        let json = run_transcript(&dir, &["check", "--format", "json", &file]);
        insta::assert_snapshot!(format!("{stem}.check.json"), json);
    }
}

#[test]
fn check_reports_on_bad_inputs_as_before() {
    for (stem, toml) in bad_inputs() {
        let file = format!("{stem}.toml");
        let dir = dir_with(&[(&file, &toml)]);
        let human = run_transcript(dir.path(), &["check", "--color", "never", &file]);
        assert!(human.contains("\nexit code: 1\n"), "{stem} must be an error:\n{human}");
        insta::assert_snapshot!(format!("{stem}.check"), human);
        let json = run_transcript(dir.path(), &["check", "--format", "json", &file]);
        assert!(json.contains("\nexit code: 1\n"), "{stem} must be an error:\n{json}");
        insta::assert_snapshot!(format!("{stem}.check.json"), json);
    }
}
