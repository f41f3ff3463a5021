//! Shared helpers of the integration tests.
#![allow(dead_code)]

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
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("stdin written");
    child.wait_with_output().expect("the binary ends")
}

/// A temporary directory with `files` written into it.
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("file written");
    }
    dir
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
