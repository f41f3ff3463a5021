//! Shared helpers of the test suite: the binary, temporary inputs, strategies.

use std::path::{Path, PathBuf};
use std::process::Output;

/// A strategy that passes `check` with no error and no warning.
pub const CLEAN: &str = r#"schema_version = 1

[municipality]
name = "Musterstadt"
kind = "city"
state = "Baden-Württemberg"

[document]
date = 2026-11-22
review_months = 24

[vision]
vision = "Musterstadt nutzt Digitalisierung für ein gutes Leben aller."

[[goals]]
id = "Z1"
title = "Verwaltung digital"

  [[goals.indicators]]
  name = "Online-Dienste"
  unit = "%"
  baseline = 20
  baseline_year = 2022
  target = 80
  target_year = 2027

[[fields]]
id = "administration"
goals = ["Z1"]

[[measures]]
id = "M1"
title = "Bürgerportal"
field = "administration"
goals = ["Z1"]
lead = "Hauptamt"
budget_eur = 1200000
priority = "high"
quick_win = true
start = 2026
end = 2027

[[actors]]
name = "Ausschuss für Digitalisierung"
group = "politics"
committee = true
"#;

/// The binary under test.
pub fn bin() -> std::process::Command {
    std::process::Command::new(assert_cmd::cargo::cargo_bin!("strategiekit"))
}

/// Runs the binary in `dir` with `args`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

/// Runs the binary with `stdin` as standard input.
pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = bin()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // a command that refuses its arguments exits before it reads: a broken pipe is fine then
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "cannot write stdin: {e}");
    }
    child.wait_with_output().expect("the binary ends")
}

/// A temporary directory with `files` written into it (with their directories).
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("directory created");
        }
        std::fs::write(path, text).expect("file written");
    }
    // an example names its images by paths relative to itself
    if files.iter().any(|(_, text)| text.contains("\"images/")) {
        copy_example_images(dir.path());
    }
    dir
}

/// The folder of the bundled examples.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Copies the bundled examples' images into `dir/images/`.
pub fn copy_example_images(dir: &Path) {
    let images = examples_dir().join("images");
    std::fs::create_dir_all(dir.join("images")).expect("images folder");
    for entry in std::fs::read_dir(&images).expect("examples/images") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join("images").join(path.file_name().expect("name"))).expect("image copied");
    }
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// Files in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The bundled examples.
pub fn examples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("examples/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// `CLEAN` with `from` replaced by `to` (which must occur).
pub fn clean_with(from: &str, to: &str) -> String {
    assert!(CLEAN.contains(from), "CLEAN has no {from:?}");
    CLEAN.replacen(from, to, 1)
}

/// Text a user might paste: markup, HTML, entities, pandoc syntax, controls.
pub const HOSTILE: &str = "<script>alert('x')</script> *a* _b_ `c` [l](http://x) ![i](x.png) | pipe & &amp; # hash {#id} $m$ @cite ^s^ ~t~ \\ end\n- list\n1. one\n> quote\n# heading\n<div>html</div>\u{7}bell\u{1b}[31m";

/// The first line of [`HOSTILE`], as it must read back from the document.
pub const FIRST_LINE: &str = "<script>alert('x')</script> *a* _b_ `c` [l](http://x) ![i](x.png) | pipe & &amp; # hash {#id} $m$ @cite ^s^ ~t~ \\ end";

pub fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A strategy with [`HOSTILE`] in every string it has, and every text item filled.
pub fn hostile_strategy(language: &str) -> String {
    let h = toml_str(HOSTILE);
    let catalogue: toml::Table = toml::from_str(include_str!("../../seeds/outline.toml")).expect("catalogue");
    let items = catalogue["items"].as_array().expect("items");
    let text: String = items
        .iter()
        .filter(|i| i["section"].as_str() != Some("production"))
        .map(|i| format!("{} = {h}\n", i["id"].as_str().unwrap_or_default()))
        .collect();
    let topics: Vec<String> = items
        .iter()
        .filter(|i| i["section"].as_str() == Some("technical"))
        .map(|i| format!("\"{}\"", i["id"].as_str().unwrap_or_default()))
        .collect();
    format!(
        r#"[municipality]
name = {h}
kind = "association"
state = {h}
members = [{h}, {h}]

[document]
title = {h}
subtitle = {h}
version = {h}
authors = [{h}]
contact = {h}
language = "{language}"
date = 2026-11-22
review_months = 12

[text]
{text}
[vision]
vision = {h}
mission = {h}
narrative = {h}
keywords = [{h}, {h}, {h}]
guiding_principles = [{h}]

[[goals]]
id = "Z1"
title = {h}
description = {h}
derived_from = {h}
cross_sector = true

  [[goals.indicators]]
  name = {h}
  unit = {h}
  baseline = 1.5
  baseline_year = 2022
  target = 3
  target_year = 2030
  source = {h}

[[goals]]
id = "Z2"
title = {h}
parent = "Z1"

[[fields]]
id = "f1"
title = {h}
description = {h}
goals = ["Z1"]

[[measures]]
id = "M1"
title = {h}
field = "f1"
goals = ["Z1", "Z2"]
description = {h}
needs = {h}
benefit = {h}
lead = {h}
partners = [{h}]
priority = "high"
quick_win = true
status = "running"
start = 2026
end = 2028
budget_eur = 1200000
funding = {h}
sdgs = [11, 4]
selection = {h}
data_sovereignty = {h}

[technical]
topics = [{topics}]

[[actors]]
name = {h}
group = "politics"
role = {h}
involvement = "co-create"

[[actors]]
name = {h}
group = "civil_society"
committee = true

[[glossary]]
term = {h}
definition = {h}

[production]
graphics = true
notes = {{ graphics = {h} }}
"#,
        topics = topics.join(", ")
    )
}

/// A large city's strategy whose overviews are too wide for one page:
/// twenty goals with two-part ids, long measure ids, budgets in the
/// billions and sixteen years of roadmap.
pub fn wide_strategy() -> String {
    let mut s = String::from(
        "[municipality]\nname = \"Großstadt\"\n[document]\ndate = 2026-11-22\n[[fields]]\nid = \"adm\"\ntitle = \"Verwaltungsdigitalisierung\"\n",
    );
    for n in 1..=20 {
        s.push_str(&format!("[[goals]]\nid = \"Z{n}.{n}\"\ntitle = \"Ziel Nummer {n}\"\n"));
    }
    for n in 1..=3 {
        s.push_str(&format!(
            "[[measures]]\nid = \"MASSNAHME-LANG-{n}\"\ntitle = \"Maßnahme {n}\"\nfield = \"adm\"\ngoals = [\"Z1.1\", \"Z20.20\"]\nstatus = \"done\"\npriority = \"medium\"\nstart = 2020\nend = 2035\nbudget_eur = 123456789012\n"
        ));
    }
    s
}
