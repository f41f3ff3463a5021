//! `check`: every error rule (message, place, exit code, nothing written)
//! and every warning, through the real binary.

use crate::util::*;

/// Checks `toml`; returns (exit code, stderr).
fn check(toml: &str) -> (i32, String) {
    let dir = dir_with(&[("s.toml", toml)]);
    let out = run_in(dir.path(), &["check", "s.toml"]);
    (code(&out), stderr(&out))
}

/// `line:col` (1-based, characters) where `needle` first occurs in `text`.
fn pos(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the input"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("{line}:{col}")
}

/// Asserts one error with `code`, at `line:col`, whose text contains each of `needles`.
fn assert_error(toml: &str, code_name: &str, line_col: &str, needles: &[&str]) {
    let (exit, err) = check(toml);
    assert_eq!(exit, 1, "exit code for {code_name}:\n{err}");
    assert!(err.contains(&format!("error[{code_name}]")), "no error[{code_name}] in:\n{err}");
    assert!(err.contains(&format!("--> s.toml:{line_col}")), "no location s.toml:{line_col} in:\n{err}");
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} missing in:\n{err}");
    }
    // and build writes nothing for it
    let dir = dir_with(&[("s.toml", toml)]);
    let out = run_in(dir.path(), &["build", "s.toml", "--format", "md,json", "--out", "out"]);
    assert_eq!(code(&out), 1);
    assert!(!dir.path().join("out").exists(), "build wrote output for an invalid file");
}

#[test]
fn the_clean_strategy_has_no_findings() {
    let (exit, err) = check(CLEAN);
    assert_eq!(exit, 0, "{err}");
    assert!(err.contains("s.toml: ok: 0 error(s), 0 warning(s)"), "{err}");
}

#[test]
fn syntax_error_names_line_and_column() {
    assert_error("[municipality]\nname = \n", "toml-syntax", "2:8", &["invalid TOML"]);
}

#[test]
fn syntax_errors_say_what_was_meant_on_that_line() {
    let toml =
        "[municipality]\nname = Teststadt\n[document]\ndate = 22.11.2026\n[[measures]]\nbudget_eur = 1.250.000 €\n";
    let (exit, err) = check(toml);
    assert_eq!(exit, 1, "{err}");
    for (at, help) in [
        ("s.toml:2:8", "help: text needs quotes: name = \"Teststadt\""),
        ("s.toml:4:13", "help: TOML writes a date as year-month-day, without quotes: date = 2026-11-22"),
        ("s.toml:6:14", "help: write the number without thousands separators (without \"€\"): budget_eur = 1250000"),
    ] {
        assert!(err.contains(&format!("--> {at}")), "{at} in:\n{err}");
        assert!(err.contains(help), "{help} in:\n{err}");
    }
    // the JSON report names the key of each line
    let dir = dir_with(&[("s.toml", toml)]);
    let out = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let paths: Vec<&str> =
        report["files"][0]["diagnostics"].as_array().expect("list").iter().filter_map(|d| d["path"].as_str()).collect();
    assert_eq!(paths, ["municipality.name", "document.date", "measures[0].budget_eur"]);
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let toml = clean_with("title = \"Bürgerportal\"", "titel = \"Bürgerportal\"");
    assert_error(
        &toml,
        "unknown-key",
        &pos(&toml, "titel"),
        &["unknown key `titel` in `measures[0]`", "did you mean `title`?"],
    );
}

#[test]
fn unknown_text_and_production_keys_suggest_item_ids() {
    let toml = format!("{CLEAN}\n[text]\nforword = \"Hallo\"\n");
    assert_error(
        &toml,
        "unknown-key",
        &pos(&toml, "forword"),
        &["unknown key `forword` in `text`", "did you mean `foreword`?"],
    );
    let toml = format!("{CLEAN}\n[production]\ngrafics = true\n");
    assert_error(&toml, "unknown-key", &pos(&toml, "grafics"), &["did you mean `graphics`?"]);
    let toml = format!("{CLEAN}\n[production]\nnotes = {{ copy_edting = \"x\" }}\n");
    assert_error(&toml, "unknown-key", &pos(&toml, "copy_edting"), &["did you mean `copy_editing`?"]);
    // the German heading of an item names it
    let toml = format!("{CLEAN}\n[text]\nvorwort = \"Hallo\"\n");
    assert_error(&toml, "unknown-key", &pos(&toml, "vorwort"), &["did you mean `foreword`?"]);
    let toml = format!("{CLEAN}\n[technical]\ntopics = [\"KI\"]\n");
    assert_error(&toml, "invalid-value", &pos(&toml, "\"KI\""), &["did you mean `ai`?"]);
}

#[test]
fn unknown_top_level_table_lists_nothing_wrongly() {
    let toml = format!("{CLEAN}\n[visions]\nvision = \"x\"\n");
    assert_error(
        &toml,
        "unknown-key",
        &pos(&toml, "visions"),
        &["unknown key `visions` in the top level", "did you mean `vision`?"],
    );
}

#[test]
fn wrong_types_say_what_is_expected() {
    let toml = clean_with("kind = \"city\"", "kind = \"city\"\npopulation = \"126000\"");
    assert_error(
        &toml,
        "invalid-type",
        &pos(&toml, "\"126000\""),
        &["`municipality.population` must be an integer", "without quotes"],
    );
    let toml = clean_with("date = 2026-11-22", "date = \"2026-11-22\"");
    assert_error(
        &toml,
        "invalid-type",
        &pos(&toml, "\"2026-11-22\""),
        &["must be a date like 2026-11-22", "date = 2026-11-22"],
    );
}

#[test]
fn missing_name_is_reported_at_the_table() {
    let toml = CLEAN.replacen("name = \"Musterstadt\"\n", "", 1);
    assert_error(&toml, "missing-key", "3:1", &["missing required key `name` in `municipality`"]);
}

#[test]
fn missing_municipality_is_reported() {
    assert_error("[document]\nlanguage = \"de\"\n", "missing-key", "1:1", &["missing required key `municipality`"]);
}

#[test]
fn enum_values_list_the_allowed_ones() {
    let cases = [
        ("kind = \"city\"", "kind = \"citty\"", "did you mean `city`?"),
        ("priority = \"high\"", "priority = \"hihg\"", "allowed values: high, medium, low"),
        ("group = \"politics\"", "group = \"politic\"", "did you mean `politics`?"),
        ("review_months = 24", "review_months = 24\nlanguage = \"fr\"", "allowed values: de, en"),
        ("review_months = 24", "review_months = 24\nstatus = \"final\"", "allowed values: draft, adopted"),
        ("quick_win = true", "quick_win = true\nstatus = \"doing\"", "allowed values: idea, planned, running, done"),
        ("committee = true", "committee = true\ninvolvement = \"cocreate\"", "did you mean `co-create`?"),
    ];
    for (from, to, needle) in cases {
        let toml = clean_with(from, to);
        let value = to.rsplit(" = ").next().unwrap_or_default();
        assert_error(&toml, "invalid-value", &pos(&toml, value), &[needle]);
    }
}

#[test]
fn technical_topics_are_outline_ids() {
    let toml = format!("{CLEAN}\n[technical]\ntopics = [\"lorawan\", \"lorawn\"]\n");
    assert_error(
        &toml,
        "invalid-value",
        &pos(&toml, "\"lorawn\""),
        &["`technical.topics[1]` cannot be \"lorawn\"", "did you mean `lorawan`?"],
    );
}

#[test]
fn ids_must_be_unique_and_plain() {
    let toml = format!("{CLEAN}\n[[measures]]\nid = \"M1\"\nfield = \"administration\"\n");
    assert_error(
        &toml,
        "duplicate-id",
        &pos(&toml, "\"M1\"\nfield"),
        &["id \"M1\" is used twice in `measures`", "`measures[0]` already has this id"],
    );
    let toml = clean_with("id = \"M1\"", "id = \"M 1\"");
    assert_error(&toml, "invalid-id", &pos(&toml, "\"M 1\""), &["ASCII letters, digits"]);
}

#[test]
fn references_resolve_or_name_the_closest_id() {
    let toml = clean_with("field = \"administration\"", "field = \"administraton\"");
    assert_error(
        &toml,
        "unresolved-reference",
        &pos(&toml, "\"administraton\""),
        &["refers to field \"administraton\"", "did you mean \"administration\"?"],
    );
    let toml = clean_with("goals = [\"Z1\"]\nlead", "goals = [\"Z2\"]\nlead");
    assert_error(
        &toml,
        "unresolved-reference",
        &pos(&toml, "\"Z2\""),
        &["`measures[0].goals[0]` refers to goal \"Z2\"", "did you mean \"Z1\"?"],
    );
    let toml = clean_with("id = \"administration\"\ngoals = [\"Z1\"]", "id = \"administration\"\ngoals = [\"Z9\"]");
    assert_error(
        &toml,
        "unresolved-reference",
        &pos(&toml, "\"Z9\""),
        &["`fields[0].goals[0]`", "did you mean \"Z1\"?"],
    );
    let toml = clean_with("title = \"Verwaltung digital\"", "title = \"Verwaltung digital\"\nparent = \"Z0\"");
    assert_error(&toml, "unresolved-reference", &pos(&toml, "\"Z0\""), &["`goals[0].parent` refers to goal \"Z0\""]);
}

#[test]
fn goal_cycles_are_errors() {
    let toml = clean_with("title = \"Verwaltung digital\"", "title = \"Verwaltung digital\"\nparent = \"Z2\"")
        + "\n[[goals]]\nid = \"Z2\"\nparent = \"Z1\"\n";
    assert_error(&toml, "goal-cycle", &pos(&toml, "\"Z2\""), &["the goal hierarchy has a cycle: Z1 → Z2 → Z1"]);
}

#[test]
fn ranges_are_enforced() {
    let cases = [
        (
            "quick_win = true",
            "quick_win = true\nsdgs = [11, 18]",
            "18]",
            "`measures[0].sdgs[1]` must be between 1 and 17, found 18",
            "out-of-range",
        ),
        ("start = 2026", "start = 1989", "1989", "must be a year between 1990 and 2100", "out-of-range"),
        ("budget_eur = 1200000", "budget_eur = -1", "-1\n", "must not be negative", "out-of-range"),
        ("end = 2027", "end = 2025", "2025", "ends in 2025 before it starts in 2026", "invalid-period"),
        ("schema_version = 1", "schema_version = 2", "2\n", "must be 1", "out-of-range"),
        (
            "date = 2026-11-22",
            "date = 1970-01-01",
            "1970",
            "`document.date` must be a date in the years 1990 to 2100, found 1970-01-01",
            "out-of-range",
        ),
        (
            "target_year = 2027",
            "target_year = 2020",
            "2020",
            "indicator \"Online-Dienste\" of goal `Z1` is to reach its target in 2020, before its baseline year 2022",
            "invalid-period",
        ),
    ];
    for (from, to, at, needle, code_name) in cases {
        let toml = clean_with(from, to);
        assert_error(&toml, code_name, &pos(&toml, at), &[needle]);
    }
}

#[test]
fn every_error_of_a_file_is_reported() {
    let toml = clean_with("kind = \"city\"", "kind = \"citty\"\npopulaton = 5")
        .replacen("priority = \"high\"", "priority = \"urgent\"", 1)
        .replacen("field = \"administration\"", "field = \"admin\"", 1);
    let (exit, err) = check(&toml);
    assert_eq!(exit, 1);
    assert_eq!(err.matches("error[").count(), 4, "{err}");
    assert!(err.contains("s.toml: invalid: 4 error(s)"), "{err}");
}

#[test]
fn each_warning_carries_its_seed_advice() {
    let cases: Vec<(String, &str, &str)> = vec![
        (CLEAN.replacen("  [[goals.indicators]]", "  [[goals.nothing]]", 1).replacen("[[goals.nothing]]", "#", 1).replace("  name = \"Online-Dienste\"\n  unit = \"%\"\n  baseline = 20\n  baseline_year = 2022\n  target = 80\n  target_year = 2027\n", ""), "goal-without-indicator", "messbare Ziele verankern"),
        (clean_with("goals = [\"Z1\"]\nlead", "lead"), "measure-without-goal", "Wie zählt das Projekt zum Gesamtziel ein?"),
        (clean_with("lead = \"Hauptamt\"\n", ""), "measure-without-lead", "Zuständigkeiten"),
        (clean_with("budget_eur = 1200000\n", ""), "measure-without-budget", "Finanzierungsvorschlag"),
        (clean_with("priority = \"high\"\n", ""), "measure-without-priority", "Priorisierung"),
        (format!("{CLEAN}\n[[fields]]\nid = \"mobility\"\ngoals = [\"Z1\"]\n"), "field-without-measures", "Kapitel pro Handlungsfeld"),
        (clean_with("id = \"administration\"\ngoals = [\"Z1\"]", "id = \"administration\"\ngoals = []"), "measure-field-mismatch", "red thread"),
        (clean_with("quick_win = true", "quick_win = false"), "no-quick-win", "Quick Wins"),
        (clean_with("vision = \"Musterstadt nutzt Digitalisierung für ein gutes Leben aller.\"", ""), "no-vision", "roter Faden"),
        (clean_with("group = \"politics\"", "group = \"administration\""), "no-politics-actor", "Rückhalt in der Politik"),
        (clean_with("review_months = 24", ""), "no-review-date", "12 to 24 months"),
        (clean_with("review_months = 24", "review_months = 24\nadopted_on = 2022-01-31"), "review-date-past", "12 to 24 months"),
        (clean_with("state = \"Baden-Württemberg\"", "state = \"Baden-Würtemberg\""), "unknown-state", "did you mean \"Baden-Württemberg\"?"),
    ];
    for (toml, warning, advice) in cases {
        let (exit, err) = check(&toml);
        assert_eq!(exit, 0, "{warning}: warnings alone exit 0:\n{err}");
        assert_eq!(err.matches("warning[").count(), 1, "exactly one warning expected for {warning}:\n{err}");
        assert!(err.contains(&format!("warning[{warning}]")), "{warning} missing:\n{err}");
        assert!(err.contains(advice), "{warning}: advice {advice:?} missing:\n{err}");
        assert!(err.contains("= note: seeds") || warning == "unknown-state", "{warning}: no seed note:\n{err}");

        let dir = dir_with(&[("s.toml", &toml)]);
        let denied = run_in(dir.path(), &["check", "s.toml", "--deny-warnings"]);
        assert_eq!(code(&denied), 2, "{warning} under --deny-warnings");
    }
}

#[test]
fn min_coverage_warns_below_the_threshold() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    let low = run_in(dir.path(), &["check", "s.toml", "--min-coverage", "50"]);
    assert_eq!(code(&low), 2, "--min-coverage alone is a gate a CI job can rely on");
    assert!(
        stderr(&low)
            .contains("warning[low-coverage]: outline coverage is 18.5% (10 of 54 items), below the required 50%"),
        "{}",
        stderr(&low)
    );
    let denied = run_in(dir.path(), &["check", "s.toml", "--min-coverage", "50", "--deny-warnings"]);
    assert_eq!(code(&denied), 2);
    let ok = run_in(dir.path(), &["check", "s.toml", "--min-coverage", "10", "--deny-warnings"]);
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    let bad = run_in(dir.path(), &["check", "s.toml", "--min-coverage", "150"]);
    assert_eq!(code(&bad), 64);
}

#[test]
fn json_report_is_one_document_for_all_files() {
    let bad = clean_with("kind = \"city\"", "kind = \"citty\"");
    let dir = dir_with(&[("good.toml", CLEAN), ("bad.toml", &bad)]);
    let out = run_in(dir.path(), &["check", "good.toml", "bad.toml", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(report["format"], "strategiekit-check/1");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["files"][0]["file"], "good.toml");
    assert_eq!(report["files"][0]["ok"], true);
    assert_eq!(report["files"][0]["coverage"]["total"], 54);
    let d = &report["files"][1]["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "invalid-value");
    assert_eq!(d["path"], "municipality.kind");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(5), Some(8)));
    assert_eq!(d["help"], "did you mean `city`? allowed values: city, municipality, district, association");
    // the same findings in one list, each naming its file
    let all = report["diagnostics"].as_array().expect("a list");
    let in_files: usize = (0..2).map(|i| report["files"][i]["diagnostics"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(all.len(), in_files);
    assert_eq!(all.iter().find(|x| x["severity"] == "error").map(|x| x["file"].clone()), Some("bad.toml".into()));
    assert!(stderr(&out).is_empty(), "json mode keeps stderr quiet: {}", stderr(&out));
}

#[test]
fn many_files_are_reported_in_the_order_given() {
    // the files are checked in parallel; the report keeps the command line's order
    let bad = clean_with("kind = \"city\"", "kind = \"citty\"");
    let names: Vec<String> = (0..40).map(|i| format!("f{:02}.toml", (i * 7) % 40)).collect();
    let files: Vec<(&str, &str)> =
        names.iter().map(|n| (n.as_str(), if n == "f13.toml" { bad.as_str() } else { CLEAN })).collect();
    let dir = dir_with(&files);
    let mut args = vec!["check"];
    args.extend(names.iter().map(String::as_str));
    let out = run_in(dir.path(), &args);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    let summaries = err.lines().filter(|l| l.contains(": ok: ") || l.contains(": invalid: "));
    let order: Vec<&str> = summaries.filter_map(|l| l.split(':').next()).collect();
    assert_eq!(order, names.iter().map(String::as_str).collect::<Vec<_>>());
    let error_at = err.find("error[invalid-value]").expect("the bad file's error");
    let its_summary = err.find("f13.toml: ").expect("the bad file's summary");
    assert!(error_at < its_summary, "a file's findings come just before its summary line:\n{err}");
    args.extend(["--format", "json"]);
    let json = run_in(dir.path(), &args);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("stdout is JSON");
    let files: Vec<&str> =
        report["files"].as_array().expect("files").iter().filter_map(|f| f["file"].as_str()).collect();
    assert_eq!(files, names.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn unreadable_inputs_are_errors_not_panics() {
    let dir = dir_with(&[("empty.toml", ""), ("bom.toml", "\u{feff}[municipality]\nname = \"X\"\n")]);
    std::fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00, 0x01]).expect("written");
    let out = run_in(dir.path(), &["check", "missing.toml"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("cannot read missing.toml"), "{}", stderr(&out));
    let out = run_in(dir.path(), &["check", "binary.toml"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("binary.toml is not UTF-8 text"), "{}", stderr(&out));
    // Latin-1 text: the place of the byte, and what it likely was
    std::fs::write(dir.path().join("latin1.toml"), b"[municipality]\nname = \"M\xfcnchen\"\n").expect("written");
    let out = run_in(dir.path(), &["check", "latin1.toml"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.starts_with("error[not-utf8]: latin1.toml is not UTF-8 text: byte 0xFC cannot stand here (in Latin-1 or Windows-1252 it is \"ü\")\n --> latin1.toml:2:10"), "{err}");
    assert!(err.contains("help: save the file as UTF-8"), "{err}");
    assert!(err.contains("latin1.toml: invalid: 1 error(s), 0 warning(s)"), "{err}");
    let out = run_in(dir.path(), &["check", "latin1.toml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some("not-utf8"), Some(2), Some(10)));
    let out = run_in(dir.path(), &["check", "empty.toml"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("missing required key `municipality`"));
    let out = run_in(dir.path(), &["check", "bom.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn odd_inputs_never_panic() {
    let inputs = [
        "[municipality]\nname = \"X\"\npopulation = 99999999999999999999\n",
        "[municipality]\nname = \"X\"\n[[measures]]\n",
        "[municipality]\nname = \"X\"\n[[goals]]\nid = \"\"\n",
        "[municipality]\nname = \"X\"\nmembers = \"a\"\n",
        "[municipality]\nname = \"X\"\n[text]\nforeword = 5\n",
        "[municipality]\nname = \"X\"\n[document]\ndate = 2026-11-22T10:00:00\n",
        "[municipality]\nname = \"X\"\n[[goals]]\nid = \"A\"\nparent = \"A\"\n",
        "municipality = 5\n",
        "[municipality]\nname = \"\u{7}\u{1b}[31m\"\n",
        "[[municipality]]\nname = \"X\"\n",
        "[municipality]\nname = \"X\"\n[production]\ngraphics = 1\n",
    ];
    for input in inputs {
        let dir = dir_with(&[("s.toml", input)]);
        let out = run_in(dir.path(), &["build", "s.toml", "--format", "md,json"]);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "panic on {input:?}:\n{err}");
        assert!(matches!(code(&out), 0 | 1), "{input:?}: {err}");
    }
}

/// Runs `check --format json` on `toml`; returns the file's diagnostics.
fn diagnostics(toml: &str) -> Vec<serde_json::Value> {
    let dir = dir_with(&[("s.toml", toml)]);
    let out = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    report["files"][0]["diagnostics"].as_array().cloned().unwrap_or_default()
}

fn codes(diagnostics: &[serde_json::Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{} {}", d["code"].as_str().unwrap_or(""), d["path"].as_str().unwrap_or("")))
        .collect()
}

#[test]
fn a_blank_municipality_name_is_an_error() {
    for blank in ["\"\"", "\"   \"", "\"\\t\\n\""] {
        let toml = clean_with("name = \"Musterstadt\"", &format!("name = {blank}"));
        assert_error(
            &toml,
            "invalid-value",
            &pos(&toml, blank),
            &["`municipality.name` is blank", "help: write the name of the municipality", "name = \"Musterstadt\""],
        );
    }
}

#[test]
fn a_missing_municipality_table_says_how_to_add_it() {
    assert_error(
        "[document]\nlanguage = \"de\"\n",
        "missing-key",
        "1:1",
        &["help: add a [municipality] table with name = \"…\""],
    );
}

#[test]
fn german_enum_words_suggest_the_english_value() {
    let cases = [
        ("kind = \"city\"", "kind = \"Stadt\"", "did you mean `city`?"),
        ("priority = \"high\"", "priority = \"hoch\"", "did you mean `high`?"),
        ("quick_win = true", "quick_win = true\nstatus = \"geplant\"", "did you mean `planned`?"),
        ("group = \"politics\"", "group = \"Politik\"", "did you mean `politics`?"),
        ("committee = true", "committee = true\ninvolvement = \"mitgestalten\"", "did you mean `co-create`?"),
        ("committee = true", "committee = true\ninvolvement = \"Input einholen\"", "did you mean `consult`?"),
        ("review_months = 24", "review_months = 24\nstatus = \"beschlossen\"", "did you mean `adopted`?"),
        ("review_months = 24", "review_months = 24\nlanguage = \"deutsch\"", "did you mean `de`?"),
    ];
    for (from, to, needle) in cases {
        let toml = clean_with(from, to);
        let value = to.rsplit(" = ").next().unwrap_or_default();
        assert_error(&toml, "invalid-value", &pos(&toml, value), &[needle, "the values are English words"]);
    }
}

#[test]
fn no_warning_repeats_an_error_on_the_same_key() {
    // each rejected value is pruned from the model; "has no …" would repeat the error
    let toml = clean_with("priority = \"high\"", "priority = \"hoch\"")
        .replacen("review_months = 24", "review_months = 500", 1)
        .replacen("group = \"politics\"", "group = \"politik\"", 1)
        .replacen("budget_eur = 1200000", "budget_eur = 99999999999999999999", 1)
        .replacen("lead = \"Hauptamt\"", "lead = 5", 1);
    let mut found = codes(&diagnostics(&toml));
    found.sort();
    assert_eq!(
        found,
        [
            "invalid-type measures[0].lead",
            "invalid-value actors[0].group",
            "invalid-value measures[0].priority",
            "out-of-range document.review_months",
            "out-of-range measures[0].budget_eur",
        ],
        "only the errors, no follow-up warnings"
    );
}

#[test]
fn paths_name_the_files_elements_after_one_was_left_out() {
    // measures[0] lacks `field` and is left out of the model; the warnings of the
    // second measure must still name measures[1]
    let toml = clean_with("[[measures]]", "[[measures]]\nid = \"M0\"\n\n[[measures]]");
    let toml = toml.replacen("lead = \"Hauptamt\"\n", "", 1);
    let found = codes(&diagnostics(&toml));
    assert!(found.contains(&"missing-key measures[0].field".to_string()), "{found:?}");
    assert!(found.contains(&"measure-without-lead measures[1]".to_string()), "{found:?}");
}

#[test]
fn huge_integers_are_too_large_not_negative() {
    let toml = clean_with("budget_eur = 1200000", "budget_eur = 99999999999999999999");
    assert_error(
        &toml,
        "out-of-range",
        &pos(&toml, "99999999999999999999"),
        &["`measures[0].budget_eur` is too large, found 99999999999999999999", "TOML integers are 64-bit"],
    );
    let (_, err) = check(&toml);
    assert!(!err.contains("negative"), "{err}");
}

#[test]
fn an_empty_id_is_called_empty() {
    let toml = clean_with("id = \"M1\"", "id = \"\"");
    assert_error(&toml, "invalid-id", &pos(&toml, "\"\"\ntitle"), &["`measures[0].id` is empty", "e.g. id = \"M1\""]);
    let (_, err) = check(&toml);
    assert!(!err.contains("has characters ids cannot have"), "{err}");
}

#[test]
fn production_items_in_text_point_to_production() {
    let toml = format!("{CLEAN}\n[text]\ngraphics = \"Fotos von der Stadtbücherei\"\n");
    assert_error(
        &toml,
        "unknown-key",
        &pos(&toml, "graphics"),
        &["`graphics` is an item of the production checklist", "set it in [production] as graphics = true"],
    );
    let toml = format!("{CLEAN}\n[production]\nforeword = true\n");
    assert_error(&toml, "unknown-key", &pos(&toml, "foreword"), &["write its text in [text] as foreword = \"…\""]);
}

#[test]
fn review_date_past_names_the_date() {
    let toml = clean_with("review_months = 24", "review_months = 24\nadopted_on = 2022-01-31");
    let found = diagnostics(&toml);
    let d = found.iter().find(|d| d["code"] == "review-date-past").expect("review-date-past");
    assert_eq!(d["path"], "document.date");
    let line: Option<u64> = pos(&toml, "2026-11-22").split(':').next().and_then(|l| l.parse().ok());
    assert_eq!(d["line"].as_u64(), line);
}

#[test]
fn ids_that_differ_only_in_case_are_a_warning() {
    let toml = format!("{CLEAN}\n[[goals]]\nid = \"z1\"\n\n  [[goals.indicators]]\n  name = \"x\"\n");
    let (exit, err) = check(&toml);
    assert_eq!(exit, 0, "{err}");
    assert!(err.contains("warning[id-case-clash]: id \"z1\" differs from \"Z1\" (`goals[0]`) only in case"), "{err}");
    assert!(err.contains(&format!("--> s.toml:{}", pos(&toml, "\"z1\""))), "{err}");
}

#[test]
fn indicator_values_must_be_finite() {
    let toml = clean_with("baseline = 20", "baseline = nan");
    assert_error(
        &toml,
        "out-of-range",
        &pos(&toml, "nan"),
        &["`goals[0].indicators[0].baseline` must be a finite number, found nan"],
    );
    let toml = clean_with("target = 80", "target = -inf");
    assert_error(&toml, "out-of-range", &pos(&toml, "-inf"), &["must be a finite number, found -inf"]);
}

#[test]
fn a_quoted_date_gets_the_same_date_without_quotes_as_help() {
    let dir = dir_with(&[("s.toml", &clean_with("date = 2026-11-22", "adopted_on = \"2026-12-03\""))]);
    let o = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    assert_eq!(code(&o), 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let text = report.to_string();
    assert!(text.contains("write the date without quotes: adopted_on = 2026-12-03"), "{text}");
}

#[test]
fn follow_ups_of_a_bad_id_are_not_repeated() {
    let toml = "[municipality]\nname = \"X\"\n[[goals]]\nid = \"Z1\"\ntitle = \"a\"\n[[goals]]\nid = \"Z1\"\ntitle = \"b\"\nparent = \"Z2\"\n[[goals]]\nid = \"\"\ntitle = \"c\"\n";
    let (exit, err) = check(toml);
    assert_eq!(exit, 1, "{err}");
    // the known ids once each, and a goal is not offered as its own parent
    assert!(err.contains("help: known goal ids: Z1; add a [[goals]] entry with id = \"Z2\""), "{err}");
    assert!(!err.contains("did you mean \"Z1\""), "{err}");
    // no advice for entries whose id is in error
    assert_eq!(err.matches("warning[goal-without-indicator]").count(), 1, "{err}");
    assert!(!err.contains("goal \"\" has no measurable indicator"), "{err}");
    // build --quiet shows the errors only
    let dir = dir_with(&[("s.toml", toml)]);
    let out = run_in(dir.path(), &["build", "s.toml", "--quiet", "--out", "out"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("error[duplicate-id]") && !err.contains("warning["), "{err}");
}

#[test]
fn a_document_given_as_input_is_one_error_not_one_per_line() {
    let dir =
        dir_with(&[("ulm.md", "# Strategie\n\nText mit [Link](x) und | Tabelle |\n"), ("ulm.docx", "PK\u{3}\u{4}")]);
    for (file, kind) in [("ulm.md", "Markdown"), ("ulm.docx", "DOCX")] {
        let o = run_in(dir.path(), &["check", file]);
        assert_eq!(code(&o), 1);
        let err = stderr(&o);
        assert_eq!(err.matches("error[").count(), 1, "one error:\n{err}");
        assert!(
            err.contains(&format!(
                "error[not-toml]: {file} is not a strategy file in TOML: its name marks it as {kind}"
            )),
            "{err}"
        );
        assert!(!err.contains("iconv"), "no encoding advice for a document:\n{err}");
    }
    let o = run_in(dir.path(), &["build", "ulm.md"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("error: ulm.md has 1 error(s); nothing was written for it"), "{}", stderr(&o));
}

#[test]
fn many_findings_end_with_a_count_per_kind() {
    let mut source = CLEAN.to_string();
    for n in 2..=12 {
        source.push_str(&format!(
            "\n[[measures]]\nid = \"M{n}\"\ntitle = \"Maßnahme {n}\"\nfield = \"administration\"\ngoals = [\"Z1\"]\nbudget_eur = 1000\npriority = \"low\"\n"
        ));
    }
    let dir = dir_with(&[("s.toml", &source)]);
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with(
            "s.toml findings by kind:\n     11 × warning[measure-without-lead]\ns.toml: ok: 0 error(s), 11 warning(s), outline coverage 18.5% (10 of 54 items)\n"
        ),
        "{}",
        stderr(&o)
    );
    // ten findings need no count
    let ten = source.replacen("\n[[measures]]\nid = \"M12\"", "\n[[measures]]\nlead = \"Amt\"\nid = \"M12\"", 1);
    std::fs::write(dir.path().join("ten.toml"), ten).expect("write");
    let few = run_in(dir.path(), &["check", "ten.toml"]);
    assert!(stderr(&few).contains("10 warning(s)"), "{}", stderr(&few));
    assert!(!stderr(&few).contains("findings by kind"), "{}", stderr(&few));
}

#[test]
fn a_budget_above_the_ceiling_is_an_error_so_sums_stay_exact() {
    let huge = clean_with("budget_eur = 1200000", "budget_eur = 9223372036854775807");
    let dir = dir_with(&[("s.toml", &huge)]);
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains(
            "error[out-of-range]: `measures[0].budget_eur` must be at most 1000000000000, found 9223372036854775807"
        ),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains(" --> s.toml:"), "with line and column:\n{}", stderr(&o));
    let most = clean_with("budget_eur = 1200000", "budget_eur = 1000000000000");
    let dir = dir_with(&[("s.toml", &most)]);
    assert_eq!(code(&run_in(dir.path(), &["check", "s.toml"])), 0, "one trillion is allowed");
}

#[test]
fn an_input_larger_than_the_limit_is_refused_at_once() {
    let big = format!("{}\n[municipality]\nname = \"X\"\n", "# Kommentar\n".repeat(100_000));
    let dir = dir_with(&[("s.toml", &big)]);
    let o = run_in(dir.path(), &["check", "s.toml", "--max-input-mib", "1"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o)
            .contains("error: s.toml is larger than 1 MiB, the most an input may have; a strategy is far smaller"),
        "{}",
        stderr(&o)
    );
    assert_eq!(code(&run_in(dir.path(), &["check", "s.toml", "--max-input-mib", "2"])), 0, "the limit can be raised");
    let o = run_with_stdin(dir.path(), &["build", "-", "--format", "md", "--max-input-mib", "1"], &big);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("error: standard input is larger than 1 MiB"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn a_word_longer_than_a_line_is_a_warning_at_its_value() {
    let word = "Donaudampfschiff".repeat(10);
    let toml = clean_with("title = \"Bürgerportal\"", &format!("title = \"Portal {word}\""));
    let (exit, err) = check(&toml);
    assert_eq!(exit, 0, "{err}");
    assert!(
        err.contains("warning[long-word]: `measures[0].title` holds a word of 160 characters without a space (\"DonaudampfschiffDona…\")"),
        "{err}"
    );
    assert!(err.contains(&format!("--> s.toml:{}", pos(&toml, "\"Portal "))), "{err}");
    assert!(err.contains("= help: add spaces or shorten it; DOCX otherwise breaks it every 50 characters"), "{err}");
    // a web address of 100 characters is no finding
    let url = format!("https://example.org/{}", "a".repeat(80));
    let (_, err) = check(&clean_with("title = \"Bürgerportal\"", &format!("title = \"Portal {url}\"")));
    assert!(!err.contains("long-word"), "{err}");
}
