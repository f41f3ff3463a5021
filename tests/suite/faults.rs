//! Faults from outside a build: a signal while files are staged, a second
//! build into the same directory at the same time.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::*;

/// Starts `build s.toml` in `dir` with md, docx and html into `out/`, pausing
/// `pause_ms` between staging its files and renaming them.
fn slow_build(dir: &Path, pause_ms: u32) -> std::process::Child {
    bin()
        .current_dir(dir)
        .args(["build", "s.toml", "--format", "md,docx,html", "--out", "out", "--force", "-q"])
        .env("STRATEGIEKIT_TEST_PAUSE_MS", pause_ms.to_string())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("build starts")
}

/// Waits until `dir/out` holds `n` staged temporary files.
fn wait_for_staged(dir: &Path, n: usize) {
    let start = Instant::now();
    loop {
        let staged = std::fs::read_dir(dir.join("out"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().starts_with(".strategiekit-"))
                    .count()
            })
            .unwrap_or(0);
        if staged == n {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the build never staged {n} files");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
#[cfg(unix)]
fn a_signal_while_files_are_staged_removes_them_and_leaves_no_target() {
    for (signal, exit) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let dir = dir_with(&[("s.toml", CLEAN)]);
        let child = slow_build(dir.path(), 30_000);
        wait_for_staged(dir.path(), 3);
        let killed = std::process::Command::new("kill").args([format!("-{signal}"), child.id().to_string()]).status();
        assert!(killed.is_ok_and(|s| s.success()), "kill -{signal}");
        let out = child.wait_with_output().expect("build ends");
        assert_eq!(out.status.code(), Some(exit), "SIG{signal}: {}", stderr(&out));
        assert_eq!(files_in(dir.path()), ["s.toml"], "SIG{signal}: nothing stays, not even the directory it made");
    }
}

#[test]
fn a_second_build_into_the_same_directory_waits_for_the_first() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    let first = slow_build(dir.path(), 1_500);
    wait_for_staged(dir.path(), 3);
    let second = run_in(dir.path(), &["build", "s.toml", "--format", "md,docx,html", "--out", "out", "--force"]);
    assert_eq!(code(&second), 0, "{}", stderr(&second));
    assert!(
        stderr(&second).contains("note: waiting for another strategiekit build writing into ")
            && stderr(&second).contains("/out\n"),
        "{}",
        stderr(&second)
    );
    let first = first.wait_with_output().expect("first build ends");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(files_in(&dir.path().join("out")), ["s.docx", "s.html", "s.md"]);
}

#[test]
fn a_build_that_fails_leaves_no_directory_it_made() {
    let dir = dir_with(&[("s.toml", "x = [")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--out", "a/b"]);
    assert_eq!(code(&out), 1);
    assert_eq!(files_in(dir.path()), ["s.toml"]);
}
