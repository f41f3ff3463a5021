//! The progress report (`--profile report`): indicators against their path
//! with the traffic light and its rule, measures by schedule (late ones
//! among them), money planned and spent, charts with text alternatives and
//! their data, the changes `--since` an older version, and the council's
//! Informationsvorlage.

use crate::util::*;

/// A strategy reported on at the end of 2026: one indicator on track, one
/// off track; a measure done, one late, one cancelled, one not yet begun.
const REPORTED: &str = r#"[municipality]
name = "Testhausen"

[document]
date = 2027-02-01

[[goals]]
id = "Z1"
title = "Mehr Verwaltung online"

  [[goals.indicators]]
  name = "Online-Dienste"
  unit = "%"
  baseline = 20.0
  baseline_year = 2022
  target = 70.0
  target_year = 2032

  [[goals.indicators.values]]
  year = 2025
  value = 36.0

  [[goals.indicators.values]]
  year = 2026
  value = 40.0
  note = "neue Zählweise"

  [[goals.indicators]]
  name = "Wartezeit Bürgerbüro"
  unit = "min"
  baseline = 30.0
  baseline_year = 2022
  target = 10.0
  target_year = 2030

  [[goals.indicators.values]]
  year = 2026
  value = 32.0

[[fields]]
id = "verwaltung"
title = "Verwaltung"

[[measures]]
id = "M1"
title = "Online-Antrag"
field = "verwaltung"
start = 2024
end = 2025
status = "running"
costs_eur = { 2024 = 100000, 2025 = 50000 }

  [[measures.progress]]
  year = 2025
  status = "done"
  percent = 100
  spent_eur = 140000

[[measures]]
id = "M2"
title = "Terminbuchung"
field = "verwaltung"
start = 2025
end = 2026
status = "running"
budget_eur = 80000

  [[measures.progress]]
  year = 2026
  percent = 60
  spent_eur = 30000
  note = "Anbieter gewechselt"

[[measures]]
id = "M3"
title = "Chatbot"
field = "verwaltung"
start = 2025
end = 2027
status = "cancelled"
status_reason = "Datenschutz nicht gesichert"

[[measures]]
id = "M4"
title = "Open-Data-Portal"
field = "verwaltung"
start = 2028
end = 2029
status = "planned"
"#;

/// The report of `toml` in `format` (standard output).
fn report(toml: &str, profile: &str, format: &str) -> String {
    let dir = dir_with(&[("s.toml", toml)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--profile", profile, "--format", format, "-o", "-", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn each_indicator_stands_against_its_path_with_the_rule_stated() {
    let md = report(REPORTED, "report", "md");
    assert!(md.contains("title: \"Umsetzungsbericht 2026: Smart-City-Strategie Testhausen\""), "{md}");
    assert!(md.contains("So ist die Ampel bestimmt: Der Pfad führt gleichmäßig vom Ausgangswert zum Zielwert. Der letzte gemessene Wert ist auf Kurs, wenn er mindestens 90\u{a0}% der bis zu seinem Jahr geplanten Veränderung erreicht hat, gefährdet ab 50\u{a0}%"), "{md}");
    // 40 % in 2026 on the path 20 → 70 over 2022–2032: 20 of the 20 planned points, on track
    assert!(md.contains("| Z1 | Online-Dienste | 40\u{a0}% (2026) | 40\u{a0}% | auf Kurs |"), "{md}");
    // waiting time up from 30 to 32 minutes where it should fall: off track
    assert!(md.contains("| Z1 | Wartezeit Bürgerbüro | 32 min (2026) | 20 min | nicht auf Kurs |"), "{md}");
    assert!(
        md.contains("Stand 2026: 40\u{a0}%, auf Kurs. Der Pfad sah 40\u{a0}% vor; Ziel: 70\u{a0}% bis 2032."),
        "{md}"
    );
    // the chart's points as a table: baseline, measured values, target
    assert!(md.contains("| 2022 | 20\u{a0}% | 20\u{a0}% |  | Ausgangswert |\n| 2025 | 36\u{a0}% | 35\u{a0}% | auf Kurs |  |\n| 2026 | 40\u{a0}% | 40\u{a0}% | auf Kurs | neue Zählweise |\n| 2032 |  | 70\u{a0}% |  | Zielwert |"), "{md}");
    assert!(md.contains("- **Indikatoren:** 1 auf Kurs, 0 gefährdet, 1 nicht auf Kurs, 0 keine Daten"), "{md}");
}

#[test]
fn measures_are_done_late_cancelled_or_not_yet_begun_by_the_year_reported_on() {
    let md = report(REPORTED, "report", "md");
    assert!(md.contains("| M1 | Online-Antrag | 2024–2025 | abgeschlossen | 100\u{a0}% |  |"), "{md}");
    // its end year 2026 is the year reported on, and it is not done
    assert!(md.contains("| M2 | Terminbuchung | 2025–2026 | verspätet | 60\u{a0}% | Anbieter gewechselt |"), "{md}");
    assert!(md.contains("| M3 | Chatbot | 2025–2027 | abgebrochen |  | Datenschutz nicht gesichert |"), "{md}");
    assert!(md.contains("| M4 | Open-Data-Portal | 2028–2029 | nicht begonnen |  |  |"), "{md}");
    assert!(md.contains("- **Maßnahmen:** 1 abgeschlossen, 1 verspätet, 1 nicht begonnen, 1 abgebrochen"), "{md}");
    assert!(md.contains("| 1 | Verwaltung | 1 | 0 | 1 | 1 | 1 |"), "the chart's data: {md}");
}

#[test]
fn money_planned_and_spent_add_up_by_year_and_by_field() {
    let md = report(REPORTED, "report", "md");
    // the years with spending reported, 2025 and 2026: M1's 2024 plan had no report to compare with;
    // M2's 80.000 € spread over 2025 and 2026 as an estimate; M3 cancelled plans nothing
    assert!(md.contains("Verglichen werden die Jahre mit gemeldeten Ausgaben: 2025–2026."), "{md}");
    assert!(md.contains("| Jahr | Geplant | Ausgegeben |\n|---|---:|---:|\n| 2025 | 90.000\u{a0}€ | 140.000\u{a0}€ |\n| 2026 | 40.000\u{a0}€ | 30.000\u{a0}€ |\n| Summe | 130.000\u{a0}€ | 170.000\u{a0}€ |"), "{md}");
    assert!(md.contains("## Nach Handlungsfeld, 2025–2026\n\n| Handlungsfeld | Geplant | Ausgegeben |\n|---|---:|---:|\n| Verwaltung | 130.000\u{a0}€ | 170.000\u{a0}€ |"), "{md}");
    assert!(md.contains("- **Geld 2025–2026:** 130.000\u{a0}€ geplant, 170.000\u{a0}€ ausgegeben"), "{md}");
}

#[test]
fn charts_are_vector_in_html_and_png_in_docx_with_text_alternatives_and_the_same_bytes() {
    let html = report(REPORTED, "report", "html");
    assert_eq!(html, report(REPORTED, "report", "html"), "the same input, the same page");
    assert_eq!(html.matches("<img src=\"data:image/svg+xml;base64,").count(), 4, "two indicators, status, money");
    assert!(html.contains("alt=\"Liniendiagramm „Online-Dienste“: gemessene Werte 2025: 36\u{a0}%, 2026: 40\u{a0}%; Pfad von 20\u{a0}% (2022) bis zum Ziel 70\u{a0}% (2032); Ampel: auf Kurs. Die Daten stehen in der Tabelle darunter.\""), "{html}");
    assert!(html.contains("<figcaption>Abbildung 1: Online-Dienste: Werte, Pfad und Ziel</figcaption>"), "{html}");

    // the DOCX: the PNGs as parts, each with its text alternative, the same bytes on a rerun
    let dir = dir_with(&[("s.toml", REPORTED)]);
    let build = || {
        let o = run_in(dir.path(), &["build", "s.toml", "--profile", "report", "--format", "docx", "--force", "-q"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        std::fs::read(dir.path().join("s.report.docx")).expect("docx")
    };
    let docx = build();
    assert_eq!(docx, build(), "byte-identical reruns");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let png = entry(&mut zip, "word/media/image1.png");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let document = String::from_utf8(entry(&mut zip, "word/document.xml")).expect("utf-8");
    assert!(document.contains("descr=\"Liniendiagramm „Online-Dienste“"), "alt text in the drawing");
    assert!(document.contains("Abbildung 3: Maßnahmen nach Stand und Handlungsfeld"), "caption");
    // the report ends with a table: the paragraph after it is one point high, never a page of its own
    assert!(document.ends_with("</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:pPr></w:p><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1134\" w:left=\"1417\" w:header=\"708\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>"), "{}", &document[document.len() - 400..]);
}

/// The bytes of the part `name` of a zip package.
fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(name).expect(name), &mut bytes).expect("read");
    bytes
}

#[test]
fn since_an_older_version_lists_what_changed() {
    let old = REPORTED.replace("title = \"Chatbot\"", "title = \"KI-Chatbot\"");
    let dir = dir_with(&[("s.toml", REPORTED), ("alt.toml", &old)]);
    let args = ["build", "s.toml", "--profile", "report", "--since", "alt.toml", "--format", "md", "-o", "-", "-q"];
    let o = run_in(dir.path(), &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("# Änderungen seit alt.toml"), "{md}");
    assert!(md.contains("## Maßnahmen\n\n- geändert: M3 Chatbot: Titel KI-Chatbot → Chatbot"), "{md}");

    let o = run_in(dir.path(), &["build", "s.toml", "--since", "alt.toml", "-o", "-"]);
    assert_eq!(code(&o), 64, "a usage error");
    assert_eq!(
        stderr(&o),
        "error: --since lists the changes in the progress report; add --profile report (or report_council), or compare with: strategiekit diff alt.toml FILE\n"
    );
    for args in [
        &["build", "s.toml", "alt.toml", "--profile", "report", "--since", "alt.toml"][..],
        &["build", "-", "--profile", "report", "--since", "-"][..],
    ] {
        let o = run_in(dir.path(), args);
        assert_eq!(code(&o), 64, "{args:?}");
        assert_eq!(
            stderr(&o),
            "error: --since compares one file with its previous version; give one FILE and the path of OLD (not -)\n"
        );
    }
    let dir = dir_with(&[("s.toml", REPORTED), ("alt.toml", "[municipality]\n")]);
    let o = run_in(dir.path(), &["build", "s.toml", "--profile", "report", "--since", "alt.toml"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains(
            "error: alt.toml has errors; fix them before reporting the changes since it (strategiekit check alt.toml)"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(files_in(dir.path()), ["alt.toml", "s.toml"], "nothing written");
}

#[test]
fn the_report_reads_in_english_and_as_an_informationsvorlage() {
    let en = report(&REPORTED.replace("[document]\n", "[document]\nlanguage = \"en\"\n"), "report", "md");
    assert!(en.contains("title: \"Progress report 2026: Smart City Strategy Testhausen\""), "{en}");
    assert!(en.contains("| Z1 | Online-Dienste | 40\u{a0}% (2026) | 40\u{a0}% | on track |"), "{en}");
    assert!(en.contains("| M2 | Terminbuchung | 2025–2026 | late | 60\u{a0}% | Anbieter gewechselt |"), "{en}");

    let council = report(REPORTED, "report_council", "md");
    assert!(
        council.contains("title: \"Informationsvorlage: Umsetzungsbericht 2026: Smart-City-Strategie Testhausen\""),
        "{council}"
    );
    assert!(
        council
            .contains("Der Rat nimmt den Umsetzungsbericht 2026 zur „Smart-City-Strategie Testhausen“ zur Kenntnis."),
        "{council}"
    );
    assert!(council.contains("# Sachverhalt\n\n## Auf einen Blick"), "the report under the Sachverhalt: {council}");
    assert!(
        council.contains("# Anlagen\n\n- Umsetzungsbericht 2026 mit Indikatorwerten, Maßnahmenstand und Diagrammen"),
        "{council}"
    );
}

#[test]
fn without_a_year_to_report_on_the_report_says_so_and_judges_no_measure() {
    let plan = "[municipality]\nname = \"Testhausen\"\n[[fields]]\nid = \"f\"\n[[measures]]\nid = \"M1\"\nfield = \"f\"\nstart = 2027\nend = 2028\nstatus = \"running\"\n";
    let md = report(plan, "report", "md");
    assert!(md.contains("title: \"Umsetzungsbericht: Smart-City-Strategie Testhausen\""), "{md}");
    assert!(
        md.contains("Noch ohne Berichtsjahr: Die Datei nennt weder Indikatorwerte noch Fortschritt noch ein Datum."),
        "{md}"
    );
    assert!(!md.contains("nicht begonnen") && !md.contains("# Maßnahmen"), "no schedule without a year: {md}");
    let council = report(plan, "report_council", "md");
    assert!(
        council.contains("Der Rat nimmt den Umsetzungsbericht zur „Smart-City-Strategie Testhausen“ zur Kenntnis."),
        "{council}"
    );
    let json = report(plan, "report", "json");
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json["monitoring"]["year"], serde_json::Value::Null);
    assert_eq!(json["monitoring"]["measures"][0]["schedule"], serde_json::Value::Null);
}

#[test]
fn the_json_gives_each_indicator_s_light_and_each_measure_s_schedule_for_dashboards() {
    let json: serde_json::Value = serde_json::from_str(&report(REPORTED, "report", "json")).expect("json");
    let m = &json["monitoring"];
    assert_eq!(m["year"], 2026);
    assert_eq!(m["indicators"][1]["id"], "Z1.I2");
    assert_eq!(m["indicators"][1]["course"], "off_track");
    assert_eq!(m["indicators"][0]["expected"], 40.0);
    let schedules: Vec<&str> = (0..4).map(|k| m["measures"][k]["schedule"].as_str().expect("schedule")).collect();
    assert_eq!(schedules, ["done", "late", "cancelled", "not_started"]);
    // M1 planned 100.000 € for 2024, before any spending was reported: only its 2025 plan is compared
    assert_eq!(
        (m["measures"][0]["planned_eur"].as_u64(), m["measures"][0]["spent_eur"].as_u64()),
        (Some(50_000), Some(140_000))
    );
}

#[test]
fn charts_take_the_design_s_colours() {
    let design = "[colors]\nheadings = \"#AA0000\"\ntable_border = \"#00AA00\"\n";
    let dir = dir_with(&[("s.toml", REPORTED), ("d.toml", design)]);
    let args = ["build", "s.toml", "--profile", "report", "--design", "d.toml", "--format", "json", "-o", "-", "-q"];
    let o = run_in(dir.path(), &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let blocks = json["document"]["blocks"].as_array().expect("blocks");
    let svg = blocks.iter().find_map(|b| b["image"]["vector_src"].as_str()).expect("a chart");
    let data = svg.strip_prefix("data:image/svg+xml;base64,").expect("a data uri");
    use base64::Engine as _;
    let svg =
        String::from_utf8(base64::engine::general_purpose::STANDARD.decode(data).expect("base64")).expect("utf-8");
    assert!(svg.contains("stroke=\"#AA0000\"") && svg.contains("stroke=\"#00AA00\""), "values and path: {svg}");
    assert!(svg.contains("<title>Liniendiagramm „Online-Dienste“"), "{svg}");
}
