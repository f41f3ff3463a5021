//! The real binary in a pseudo-terminal (rexpect), as a CDO would use it.
//! These need no terminal of their own, so they run in CI too.

use std::path::Path;
use std::time::{Duration, Instant};

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

use crate::util::{bin, code, copy_example_images, examples, run_in, stderr};

/// Starts `strategiekit interview ARGS` in a pseudo-terminal in `dir`, with no editor set.
fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    spawn_with_editor(dir, args, None)
}

/// Like [`spawn`], with `$EDITOR` set to `editor`.
fn spawn_with_editor(dir: &Path, args: &[&str], editor: Option<&Path>) -> PtySession {
    let mut cmd = bin();
    cmd.arg("interview").args(args).current_dir(dir);
    cmd.env("NO_COLOR", "1").env("TERM", "xterm").env("COLUMNS", "120").env("LINES", "40");
    cmd.env_remove("VISUAL").env_remove("EDITOR");
    if let Some(editor) = editor {
        cmd.env("EDITOR", editor);
    }
    spawn_with_options(cmd, Options::new().timeout_ms(Some(60_000)).strip_ansi_escape_codes(false))
        .expect("the binary starts in a pty")
}

/// What the program printed, and how it ended.
struct Run {
    out: String,
    enters: usize,
    code: Option<i32>,
}

/// Reads until the program has been quiet for a moment and sleeps (it waits for a key).
fn drain(p: &mut PtySession, out: &mut String) {
    let mut quiet = Instant::now();
    while quiet.elapsed() < Duration::from_millis(40) || !children_sleep() {
        match p.try_read() {
            Some(c) => {
                out.push(c);
                quiet = Instant::now();
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// Whether no child of this test's thread (the program in the pseudo-terminal)
/// is running or waiting for a CPU or a disk. On a busy machine (all tests
/// share one process and the machine's cores) a program that is not scheduled
/// for a while is quiet too, and an Enter typed then would answer the next
/// question. Linux tells by the state in /proc; elsewhere quiet counts as asleep.
fn children_sleep() -> bool {
    let Ok(children) = std::fs::read_to_string("/proc/thread-self/children") else { return true };
    children.split_whitespace().all(|pid| {
        // every thread of the child (rayon's workers, not only the main thread, which may sleep
        // in a join while they work); a child or thread already gone has no file
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return true };
        tasks.filter_map(Result::ok).all(|task| {
            std::fs::read_to_string(task.path().join("stat")).map_or(true, |stat| {
                // "tid (name) S …": the state follows the last ')'
                let state = stat.rsplit_once(')').map_or("", |(_, rest)| rest.trim_start());
                !state.starts_with(['R', 'D'])
            })
        })
    })
}

fn exited(p: &PtySession) -> Option<i32> {
    match p.process().status() {
        Some(WaitStatus::Exited(_, code)) => Some(code),
        Some(WaitStatus::Signaled(..)) => Some(-1),
        _ => None,
    }
}

/// Presses Enter whenever the program waits, until `until` appears in its
/// output (then stops, without pressing) or it exits.
fn press_enter(p: &mut PtySession, until: Option<&str>) -> Run {
    let start = Instant::now();
    let mut run = Run { out: String::new(), enters: 0, code: None };
    loop {
        drain(p, &mut run.out);
        if let Some(code) = exited(p) {
            drain(p, &mut run.out);
            run.code = Some(code);
            return run;
        }
        if until.is_some_and(|u| strip(&run.out).contains(u)) {
            return run;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "the interview hangs; output:\n{}", strip(&run.out));
        // the pty's reader thread can lag behind a program that already waits
        // (on a loaded machine): what it still brings is read before the Enter
        std::thread::sleep(Duration::from_millis(60));
        if let Some(c) = p.try_read() {
            run.out.push(c);
            continue;
        }
        type_keys(p, "\r");
        run.enters += 1;
    }
}

fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ params final
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() || d == '~' {
                        break;
                    }
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// Types `keys` (unbuffered, as a person would).
fn type_keys(p: &mut PtySession, keys: &str) {
    p.send(keys).expect("send");
    p.flush().expect("flush");
}

fn wait_for(p: &mut PtySession, needle: &str) -> String {
    p.exp_string(needle).unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"))
}

fn model_json(dir: &Path, file: &str) -> serde_json::Value {
    let o = run_in(dir, &["build", file, "--format", "json", "--out", "json", "--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).expect("stem");
    let text = std::fs::read_to_string(dir.join("json").join(format!("{stem}.json"))).expect("json written");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v.as_object_mut().map(|o| o.remove("format"));
    v
}

#[test]
fn a_minimal_interview_typed_from_scratch_passes_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(dir.path(), &["-o", "neu.toml"]);
    wait_for(&mut p, "Name der Kommune");
    type_keys(&mut p, "Neustadt an der Test\r");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let shown = strip(&run.out);
    for part in ["2/7 Einleitung und allgemeine Inhalte", "7/7 Sonstiges", "Geschrieben:", "Abdeckung der Gliederung"] {
        assert!(shown.contains(part), "{part:?} not shown:\n{shown}");
    }
    let o = run_in(dir.path(), &["check", "neu.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("neu.toml")).expect("written");
    assert!(text.contains("name = \"Neustadt an der Test\""), "{text}");
    assert!(!dir.path().join("neu.draft.toml").exists(), "the draft is removed");
    assert!(!dir.path().join("neu.md").exists(), "building is offered, not done, by default");
}

#[test]
fn from_every_example_enter_everywhere_gives_an_equal_model() {
    for example in examples() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::copy(&example, dir.path().join("alt.toml")).expect("copy");
        copy_example_images(dir.path());
        let started = Instant::now();
        let mut p = spawn(dir.path(), &["--from", "alt.toml", "-o", "neu.toml"]);
        let run = press_enter(&mut p, None);
        let name = example.display();
        assert_eq!(run.code, Some(0), "{name}:\n{}", strip(&run.out));
        eprintln!("{name}: {} prompts answered with Enter in {:.1?}", run.enters, started.elapsed());
        assert_eq!(model_json(dir.path(), "neu.toml"), model_json(dir.path(), "alt.toml"), "{name}");
    }
}

/// Starts an interview in `dir` for the municipality `name` and answers with
/// Enter up to the fields of action, a selection list (raw mode, cursor hidden).
fn at_the_fields_of_action(dir: &Path, name: &str) -> PtySession {
    let mut p = spawn(dir, &["-o", "s.toml"]);
    wait_for(&mut p, "Name der Kommune");
    type_keys(&mut p, &format!("{name}\r"));
    let run = press_enter(&mut p, Some("Handlungsfelder (Leertaste"));
    assert_eq!(run.code, None, "{}", strip(&run.out));
    p
}

/// Reads until the program ends (within 20 s); its exit code and what it printed.
fn until_exit(p: &mut PtySession, what: &str) -> (i32, String) {
    let mut rest = String::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(c) = p.try_read() {
            rest.push(c);
            continue;
        }
        if let Some(code) = exited(p) {
            break code;
        }
        assert!(Instant::now() < deadline, "{what} did not end the interview:\n{}", strip(&rest));
        std::thread::sleep(Duration::from_millis(5));
    };
    drain(p, &mut rest);
    (status, rest)
}

#[test]
fn ctrl_c_keeps_the_draft_and_the_next_run_resumes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = at_the_fields_of_action(dir.path(), "Pausenhausen");
    p.send_control('c').expect("ctrl-c");
    let (status, rest) = until_exit(&mut p, "Ctrl-C");
    assert_eq!(status, 130, "{}", strip(&rest));
    assert!(strip(&rest).contains("Unterbrochen"), "{}", strip(&rest));
    assert!(rest.contains("\u{1b}[?25h"), "the cursor is shown again: {rest:?}");
    assert!(!dir.path().join("s.toml").exists());
    let draft = std::fs::read_to_string(dir.path().join("s.draft.toml")).expect("draft kept");
    assert!(draft.starts_with("# strategiekit interview draft; resume at: fields\n# Entwurf von"), "{draft}");
    assert!(draft.contains("bei „Handlungsfelder und Maßnahmen“ fortzusetzen"), "{draft}");
    assert!(draft.contains("name = \"Pausenhausen\""), "{draft}");

    let mut p = spawn(dir.path(), &["-o", "s.toml"]);
    // rexpect reads bytes as Latin-1: the needles are ASCII
    let before = wait_for(&mut p, "). Fortsetzen?");
    assert!(
        before.contains("Entwurf gefunden: s.draft.toml (weiter bei ") && before.contains("Handlungsfelder und Ma")
    );
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let shown = strip(&run.out);
    assert!(!shown.contains("Name der Kommune"), "resumed at the interrupted section:\n{shown}");
    assert!(shown.contains("4/7 Handlungsfelder"), "{shown}");
    let text = std::fs::read_to_string(dir.path().join("s.toml")).expect("written");
    assert!(text.contains("name = \"Pausenhausen\""), "{text}");
    assert!(!dir.path().join("s.draft.toml").exists());
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn without_a_terminal_it_refuses_at_once_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let started = Instant::now();
    let o = bin()
        .args(["interview", "-o", "s.toml"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.starts_with("error: `strategiekit interview` asks questions and needs a terminal"), "{err}");
    assert!(err.contains("strategiekit init strategy.toml") && err.contains("strategiekit build"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(20), "it must not wait for input");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0, "nothing written");
}

#[test]
fn an_answer_that_check_rejects_is_asked_again_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(dir.path(), &["-o", "s.toml", "--lang", "en"]);
    wait_for(&mut p, "Name of the municipality");
    type_keys(&mut p, "Testville\r");
    wait_for(&mut p, "Kind");
    type_keys(&mut p, "\r");
    wait_for(&mut p, "State");
    type_keys(&mut p, "\r");
    wait_for(&mut p, "Population");
    type_keys(&mut p, "many\r");
    wait_for(&mut p, "is not a whole number");
    // the refused answer stands there again, to be corrected, not retyped
    wait_for(&mut p, "Population");
    wait_for(&mut p, "many");
    type_keys(&mut p, "\u{7f}\u{7f}\u{7f}\u{7f}12.500\r");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let text = std::fs::read_to_string(dir.path().join("s.toml")).expect("written");
    assert!(text.contains("population = 12500"), "{text}");
    assert!(text.contains("language = \"en\""), "{text}");
}

#[test]
fn a_long_text_can_be_written_in_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'Aus dem Editor.\\n\\nZweiter Absatz.\\n' > \"$1\"\n").expect("script");
    #[cfg(unix)]
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let mut p = spawn_with_editor(dir.path(), &["-o", "s.toml"], Some(&editor));
    wait_for(&mut p, "Name der Kommune");
    type_keys(&mut p, "Schreibstadt\r");
    press_enter(&mut p, Some("Vorwort"));
    type_keys(&mut p, "e\r");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let echo = "im Editor schreiben): Aus dem Editor."; // ASCII: rexpect reads bytes as Latin-1
    assert!(strip(&run.out).contains(echo), "the editor's text is echoed:\n{}", strip(&run.out));
    let o = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("s.toml")).expect("written");
    assert!(text.contains("foreword = \"\"\"\nAus dem Editor.\n\nZweiter Absatz.\"\"\""), "{text}");
}

#[test]
fn a_directory_as_the_output_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let o = run_in(dir.path(), &["interview", "-o", "out"]);
    assert_eq!(code(&o), 64);
    assert_eq!(stderr(&o), "error: out is a directory; name the file to write, e.g. -o out/strategy.toml\n");
}

#[test]
fn at_the_end_it_builds_markdown_and_docx_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(dir.path(), &["-o", "neu.toml"]);
    wait_for(&mut p, "Name der Kommune");
    type_keys(&mut p, "Baustadt\r");
    let run = press_enter(&mut p, Some("Jetzt Markdown und DOCX bauen?"));
    assert_eq!(run.code, None, "{}", strip(&run.out));
    type_keys(&mut p, "j\r");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    for file in ["neu.toml", "neu.md", "neu.docx"] {
        assert!(dir.path().join(file).is_file(), "{file} missing:\n{}", strip(&run.out));
    }
}

#[test]
fn a_docx_is_not_written_to_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = bin();
    cmd.args(["build", "-", "--format", "docx"]).current_dir(dir.path()).env("NO_COLOR", "1");
    let mut p = spawn_with_options(cmd, Options::new().timeout_ms(Some(30_000))).expect("starts in a pty");
    p.exp_string("a DOCX is binary and would garble the terminal").expect("the refusal");
    match p.process().wait().expect("ends") {
        WaitStatus::Exited(_, code) => assert_eq!(code, 64),
        other => panic!("ended with {other:?}"),
    }
}

#[test]
fn sigterm_in_a_selection_shows_the_cursor_again_and_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = at_the_fields_of_action(dir.path(), "Termhausen");
    p.process_mut().signal(rexpect::process::Signal::SIGTERM).expect("SIGTERM sent");
    let (status, rest) = until_exit(&mut p, "SIGTERM");
    assert_eq!(status, 143, "{}", strip(&rest));
    assert!(rest.contains("\u{1b}[?25h"), "the cursor is shown again: {rest:?}");
    let draft = std::fs::read_to_string(dir.path().join("s.draft.toml")).expect("the draft of the answered sections");
    assert!(draft.contains("name = \"Termhausen\""), "{draft}");
}

#[test]
fn a_measure_entered_earlier_is_changed_from_the_overview_with_arrow_keys() {
    const DOWN: &str = "\x1b[B";
    const UP: &str = "\x1b[A";
    let dir = tempfile::tempdir().expect("tempdir");
    let myk10 = examples().into_iter().find(|e| e.ends_with("myk10.toml")).expect("examples/myk10.toml");
    std::fs::copy(myk10, dir.path().join("alt.toml")).expect("copy");
    let mut p = spawn(dir.path(), &["--from", "alt.toml", "-o", "neu.toml"]);
    // no yearly update this time
    wait_for(&mut p, "Aktualisierung");
    type_keys(&mut p, "n\r");
    // the overview: up twice (round to the end) to "open one measure directly", two down to the third measure
    wait_for(&mut p, "Welcher Abschnitt?");
    let keys = std::cell::Cell::new(0);
    let press = |p: &mut PtySession, key: &str, then: &str| {
        type_keys(p, key);
        keys.set(keys.get() + 1);
        if !then.is_empty() {
            wait_for(p, then);
        }
    };
    press(&mut p, UP, "");
    press(&mut p, UP, "");
    // the pty's bytes are read one per char: needles stay ASCII
    press(&mut p, "\r", "Welche Ma");
    press(&mut p, DOWN, "");
    press(&mut p, DOWN, "");
    press(&mut p, "\r", "ndern?");
    press(&mut p, "\r", "Stand der Umsetzung");
    press(&mut p, DOWN, "");
    press(&mut p, "\r", "Welcher Abschnitt?");
    assert_eq!(keys.get(), 9, "keys from the overview to the changed status");
    // up from the first line is "Fertig", then Enter writes despite the findings, no build
    press(&mut p, UP, "");
    press(&mut p, "\r", "Einen Hinweis beheben oder die Datei schreiben?");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let mut expected = model_json(dir.path(), "alt.toml")["strategy"].take();
    assert_eq!(expected["measures"][2]["status"], "planned");
    expected["measures"][2]["status"] = "running".into();
    assert_eq!(model_json(dir.path(), "neu.toml")["strategy"], expected, "only the status changed");
}

#[test]
fn kill_9_mid_section_leaves_a_draft_that_resumes_at_the_same_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = spawn(dir.path(), &["-o", "s.toml"]);
    wait_for(&mut p, "Name der Kommune");
    type_keys(&mut p, "Absturzhausen\r");
    let run = press_enter(&mut p, Some("Vorwort"));
    assert_eq!(run.code, None, "{}", strip(&run.out));
    let after = strip(&run.out).rsplit("Vorwort").next().unwrap_or_default().to_string();
    if !after.contains("Antwort (Enter:") {
        wait_for(&mut p, "Antwort (Enter:");
    }
    type_keys(&mut p, "Vor dem Absturz geschrieben.\r");
    wait_for(&mut p, "Management Summary");
    p.process_mut().signal(rexpect::process::Signal::SIGKILL).expect("SIGKILL sent");
    let (status, _) = until_exit(&mut p, "SIGKILL");
    assert_eq!(status, -1, "killed by the signal");
    // the draft parses and holds every finished answer
    let draft = std::fs::read_to_string(dir.path().join("s.draft.toml")).expect("draft kept");
    assert!(draft.starts_with("# strategiekit interview draft; resume at: introduction, question 1\n"), "{draft}");
    let o = run_in(dir.path(), &["check", "s.draft.toml"]);
    assert_ne!(code(&o), 1, "the draft passes check (warnings aside): {}", stderr(&o));
    assert!(draft.contains("Vor dem Absturz geschrieben."), "{draft}");
    // resumed, the first question asked is the one that was on screen
    let mut p = spawn(dir.path(), &["-o", "s.toml"]);
    wait_for(&mut p, "). Fortsetzen?");
    type_keys(&mut p, "\r");
    let next = wait_for(&mut p, "Antwort (Enter:");
    let shown = strip(&next);
    assert!(shown.contains("Management Summary") && !shown.contains("Vorwort"), "{shown}");
    let run = press_enter(&mut p, None);
    assert_eq!(run.code, Some(0), "{}", strip(&run.out));
    let text = std::fs::read_to_string(dir.path().join("s.toml")).expect("written");
    assert!(text.contains("Vor dem Absturz geschrieben."), "{text}");
}

#[test]
fn a_yearly_update_of_myk10_takes_one_key_per_value_and_status_question() {
    use strategiekit::model::{CheckOptions, Checked, MeasureStatus};
    let dir = tempfile::tempdir().expect("tempdir");
    let myk10 = examples().into_iter().find(|e| e.ends_with("myk10.toml")).expect("examples/myk10.toml");
    std::fs::copy(&myk10, dir.path().join("alt.toml")).expect("copy");
    // the questions this year: one per indicator within its years, three per measure begun and not done
    let year = strategiekit::interview::today().year;
    let s = Checked::from_path(&myk10, CheckOptions::default()).expect("read").strategy.expect("model");
    let indicators = (s.goals.iter().flat_map(|g| &g.indicators))
        .filter(|i| i.baseline_year.is_none_or(|b| b < year) && i.target_year.is_none_or(|t| t >= year))
        .count();
    let finished =
        |m: &&strategiekit::model::Measure| matches!(m.status, Some(MeasureStatus::Done | MeasureStatus::Cancelled));
    let measures = s.measures.iter().filter(|m| m.start.is_none_or(|st| st <= year) && !finished(m)).count();
    let mut p = spawn(dir.path(), &["--from", "alt.toml", "-o", "neu.toml"]);
    wait_for(&mut p, "Aktualisierung");
    // Enter at the offer, then Enter keeps every value and status, up to the overview
    let run = press_enter(&mut p, Some("Welcher Abschnitt?"));
    assert_eq!(run.code, None, "{}", strip(&run.out));
    eprintln!("myk10's yearly update for {year}: {} keys ({indicators} values, {measures} measures)", run.enters);
    assert_eq!(run.enters, 1 + indicators + 3 * measures, "{}", strip(&run.out));
}
