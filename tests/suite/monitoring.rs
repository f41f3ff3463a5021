//! The yearly cycle's input: indicator values and measure progress by year,
//! checked with line and column; old files without them pass unchanged.

use crate::util::*;

const TRACKED: &str = r#"[municipality]
name = "Testhausen"

[document]
date = 2026-10-01

[[goals]]
id = "Z1"
title = "Mehr Verwaltung online"

  [[goals.indicators]]
  name = "Online-Dienste"
  unit = "%"
  baseline = 35.0
  baseline_year = 2022
  target = 90.0
  target_year = 2028

  [[goals.indicators.values]]
  year = 2023
  value = 41.0
  note = "neue Zählweise"

  [[goals.indicators.values]]
  year = 2025
  value = 55.5

[[fields]]
id = "mobility"

[[measures]]
id = "M1"
field = "mobility"
start = 2024
end = 2027

  [[measures.progress]]
  year = 2025
  status = "running"
  percent = 40
  spent_eur = 120000
  note = "Ausschreibung abgeschlossen"
"#;

fn check(input: &str) -> (i32, String) {
    let dir = dir_with(&[("s.toml", input)]);
    let o = run_in(dir.path(), &["check", "s.toml", "--deny-warnings"]);
    (code(&o), stdout(&o) + &stderr(&o))
}

#[test]
fn values_and_progress_by_year_pass_and_read_back() {
    let dir = dir_with(&[("s.toml", TRACKED)]);
    let o = run_in(dir.path(), &["check", "s.toml", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o) + &stderr(&o));
    let codes: Vec<String> =
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).expect("json")["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect();
    // a gap between two values is no missing value: the last one is recent (2025 for 2026)
    assert!(!codes.iter().any(|c| c.contains("value") || c.contains("year") || c.contains("start")), "{codes:?}");
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "json", "-o", "-"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_value_outside_the_indicator_s_years_a_year_twice_and_progress_before_the_start_are_errors() {
    let input = TRACKED
        .replace("year = 2023\n  value = 41.0", "year = 2021\n  value = 41.0")
        .replace("year = 2025\n  value = 55.5", "year = 2029\n  value = 55.5")
        .replace("  year = 2025\n  status", "  year = 2023\n  status")
        .replace(
            "  note = \"Ausschreibung abgeschlossen\"\n",
            "  note = \"x\"\n\n  [[measures.progress]]\n  year = 2023\n",
        );
    let (exit, shown) = check(&input);
    assert_eq!(exit, 1, "{shown}");
    for expected in [
        "error[value-before-baseline]: indicator \"Online-Dienste\" has a value for 2021, before its baseline year 2022\n  --> s.toml:20:10",
        "help: a value before 2022 belongs to the baseline: give it as `baseline` or correct the year",
        "error[value-after-target]: indicator \"Online-Dienste\" has a value for 2029, after its target year 2028\n  --> s.toml:25:10",
        "error[progress-before-start]: measure \"M1\" reports progress for 2023 but only starts in 2024\n  --> s.toml:38:10",
        "error[duplicate-year]: `measures[0].progress[1].year`: the year 2023 is already given in entry 1\n  --> s.toml:45:10",
        "help: one entry per year: merge the two or correct one of the years",
    ] {
        assert!(shown.contains(expected), "{expected:?} not in:\n{shown}");
    }
    // nothing is built from a file with errors
    let dir = dir_with(&[("s.toml", &input)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md", "-o", "out"]);
    assert_eq!(code(&o), 1);
    assert!(!dir.path().join("out").exists() || files_in(&dir.path().join("out")).is_empty());
}

#[test]
fn a_value_of_the_wrong_kind_and_a_percent_above_100_name_their_place() {
    let (code, shown) = check(&TRACKED.replace("value = 55.5", "value = \"hoch\""));
    assert_eq!(code, 1, "{shown}");
    let expected = "error[invalid-type]: `goals[0].indicators[0].values[1].value` must be a number, found the string \"hoch\"\n  --> s.toml:26:11";
    assert!(shown.contains(expected), "{shown}");
    let (code, shown) = check(&TRACKED.replace("percent = 40", "percent = 140"));
    assert_eq!(code, 1, "{shown}");
    let expected = "error[out-of-range]: `measures[0].progress[0].percent` must be between 0 and 100, found 140\n  --> s.toml:40:13";
    assert!(shown.contains(expected), "{shown}");
}

#[test]
fn a_year_without_a_value_since_the_last_one_is_a_warning_up_to_the_document_s_year() {
    // the last value is from 2023: 2024 and 2025 have passed by the document's date (2026)
    let input = TRACKED.replace("year = 2025\n  value = 55.5", "year = 2023\n  value = 55.5").replacen(
        "year = 2023\n  value = 55.5",
        "year = 2022\n  value = 55.5",
        1,
    );
    let (code, shown) = check(&input);
    assert_eq!(code, 2, "--deny-warnings: {shown}");
    let expected =
        "warning[missing-value]: indicator \"Online-Dienste\" has no value for 2024, 2025\n  --> s.toml:19:3";
    assert!(shown.contains(expected), "{shown}");
    // a file without any values is a plan, not a report: no such warning
    let plan = TRACKED.split("  [[goals.indicators.values]]").next().unwrap_or_default().to_string()
        + "[[fields]]\nid = \"mobility\"\n";
    let (_, shown) = check(&plan);
    assert!(!shown.contains("missing-value"), "{shown}");
}

#[test]
fn init_update_leaves_slots_for_the_year_that_pass_check_and_become_entries_when_filled() {
    let dir = dir_with(&[("s.toml", TRACKED)]);
    let o = run_in(dir.path(), &["init", "--update", "s.toml", "--year", "2026", "s-2026.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("s-2026.toml")).expect("written");
    let value_slot = "# [[goals.indicators.values]]   # Wert 2026: Zeilen einkommentieren und den Wert eintragen\n# year = 2026\n# value = \n";
    assert!(text.contains(value_slot), "{text}");
    let progress_slot = "# [[measures.progress]]   # Stand 2026: Zeilen einkommentieren und ausfüllen\n# year = 2026\n# percent = \n# spent_eur = \n";
    assert!(text.contains(progress_slot), "{text}");
    let o = run_in(dir.path(), &["check", "s-2026.toml", "--format", "json"]);
    assert_eq!(code(&o), 0, "the file with slots passes as before: {}", stdout(&o));
    // filled in, the slots are this year's entries
    let filled = text
        .replace(value_slot, "[[goals.indicators.values]]\nyear = 2026\nvalue = 61.5\n")
        .replace(progress_slot, "[[measures.progress]]\nyear = 2026\npercent = 70\nspent_eur = 90000\n");
    std::fs::write(dir.path().join("filled.toml"), filled).expect("write");
    let o = run_in(dir.path(), &["build", "filled.toml", "--format", "csv", "-o", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let indicators = std::fs::read_to_string(dir.path().join("out/filled.indicators.csv")).expect("open data");
    assert!(indicators.contains("Z1,Z1.I1,Online-Dienste,%,2026,measured,61.5,"), "{indicators}");
    let progress = std::fs::read_to_string(dir.path().join("out/filled.progress.csv")).expect("open data");
    assert!(progress.contains("M1,,mobility,2026,,70,90000,"), "{progress}");
    // a year already reported leaves no slot; a file with errors is refused
    let o = run_in(dir.path(), &["init", "--update", "filled.toml", "--year", "2026", "again.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let again = std::fs::read_to_string(dir.path().join("again.toml")).expect("written");
    assert!(!again.contains("# year = 2026"), "{again}");
    std::fs::write(dir.path().join("bad.toml"), TRACKED.replace("year = 2023", "year = 2019")).expect("write");
    let o = run_in(dir.path(), &["init", "--update", "bad.toml", "new.toml"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("bad.toml has errors; fix them first (strategiekit check bad.toml)"), "{}", stderr(&o));
    assert!(!dir.path().join("new.toml").exists());
}
