//! Spreadsheets for the Kämmerei: the XLSX has its three sheets with frozen
//! header rows, money as numbers and sums as formulas that carry the plan's
//! results; the CSV opens in a German Excel by double-click; both are the
//! same bytes on every run. (LibreOffice opening the XLSX is an interop test.)

use std::io::Read as _;

use crate::interop::tool;
use crate::util::*;

/// Builds example `name` as `formats` and returns the folder.
fn build(name: &str, formats: &str) -> tempfile::TempDir {
    let text = std::fs::read_to_string(examples_dir().join(format!("{name}.toml"))).expect("example");
    let dir = dir_with(&[("s.toml", &text)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", formats, "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    dir
}

fn entry(zip: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_string(&mut text).expect("UTF-8");
    text
}

/// The records of a CSV with `;` between fields and `"` around quoted ones.
fn records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.trim_start_matches('\u{feff}').chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (';', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    records
}

/// The finance plan of an example as `build --format json` computes it.
fn plan(dir: &std::path::Path) -> serde_json::Value {
    let o = run_in(dir, &["build", "s.toml", "--format", "json", "-o", "-", "-q"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    json["figures"]["finance"].clone()
}

#[test]
fn the_workbook_has_its_sheets_frozen_headers_numbers_and_sums_as_formulas() {
    let dir = build("ulm", "xlsx");
    let xlsx = std::fs::read(dir.path().join("s.xlsx")).expect("xlsx");
    let book = entry(&xlsx, "xl/workbook.xml");
    assert!(book.contains(r#"<sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/><sheet name="Kosten- und Finanzierungsplan" sheetId="2" r:id="rId2"/><sheet name="Indikatoren" sheetId="3" r:id="rId3"/></sheets>"#), "{book}");
    for n in 1..=3 {
        let sheet = entry(&xlsx, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "sheet {n}"
        );
    }
    // the plan: each row's total and each year's sum are formulas with the plan's result
    let plan = plan(dir.path());
    let sheet = entry(&xlsx, "xl/worksheets/sheet2.xml");
    let total = plan["total"].as_u64().expect("total");
    let lines = plan["lines"].as_array().expect("lines").len();
    let years = plan["years"].as_array().expect("years").len();
    let (last_col, last_row) = ((b'A' + 2 + years as u8) as char, lines + 2);
    let grand = format!(r#"<c r="{last_col}{last_row}" s=""#);
    let at = sheet.find(&grand).unwrap_or_else(|| panic!("no cell {last_col}{last_row}:\n{sheet}"));
    let cell = &sheet[at..at + sheet[at..].find("</c>").expect("end")];
    assert!(cell.contains(&format!("<f>SUM({last_col}2:{last_col}{})</f><v>{total}</v>", last_row - 1)), "{cell}");
    // an amount is a number in the cell, not text
    let first = plan["lines"][0]["by_year"]
        .as_array()
        .expect("years")
        .iter()
        .find(|v| v.as_u64() > Some(0))
        .expect("an amount");
    assert!(sheet.contains(&format!("<v>{first}</v>")), "{first} as a number");
    // money is shown with the euro sign, in the reader's thousands separators
    let styles = entry(&xlsx, "xl/styles.xml");
    assert!(styles.contains(r##"formatCode="#,##0 &quot;€&quot;""##), "{styles}");
    // the measures sheet: one row per measure below the header, then the sums
    let measures = entry(&xlsx, "xl/worksheets/sheet1.xml");
    assert_eq!(measures.matches("<row ").count(), 27 + 2);
}

#[test]
fn the_csv_opens_in_german_excel_and_lists_every_measure_with_its_money() {
    let dir = build("ulm", "csv");
    let bytes = std::fs::read(dir.path().join("s.csv")).expect("csv");
    assert!(bytes.starts_with("\u{feff}Nr.;Titel;Handlungsfeld;".as_bytes()), "BOM and `;`");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\r'), "CRLF line ends");
    let rows = records(&text);
    assert_eq!(rows.len(), 1 + 27, "a header and one line per measure");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "every line has every field");
    let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let first = &rows[1];
    assert_eq!((first[at("Nr.")].as_str(), first[at("Budget")].as_str()), ("MOB-01", "1450000"));
    assert_eq!(first[at("Kosten je Jahr 2023")], "218000");
    assert_eq!(first[at("Stellen (VZÄ)")], "1");
    // the costs by year of all measures add up to the plan's costs of each year
    let plan = plan(dir.path());
    for (i, year) in plan["years"].as_array().expect("years").iter().enumerate() {
        let column = at(&format!("Kosten je Jahr {year}"));
        let sum: u64 = rows[1..].iter().filter_map(|r| r[column].parse::<u64>().ok()).sum();
        assert_eq!(sum, plan["costs_by_year"][i].as_u64().expect("cost"), "{year}");
    }
}

#[test]
fn spreadsheets_are_the_same_bytes_on_every_run() {
    for example in ["ulm", "bitburg-pruem-en"] {
        let a = build(example, "xlsx,ods,csv");
        let b = build(example, "xlsx,ods,csv");
        for ext in ["xlsx", "ods", "csv"] {
            let name = format!("s.{ext}");
            assert_eq!(
                std::fs::read(a.path().join(&name)).expect("a"),
                std::fs::read(b.path().join(&name)).expect("b"),
                "{example}.{ext}"
            );
        }
    }
    // an English document: `,` between fields, a decimal point
    let dir = build("bitburg-pruem-en", "csv");
    let text = std::fs::read_to_string(dir.path().join("s.csv")).expect("csv");
    assert!(text.starts_with("\u{feff}No.,Title,Field of action,"), "{}", &text[..80]);
}

#[test]
fn the_change_log_is_no_spreadsheet() {
    let dir = build("ulm", "json");
    std::fs::copy(dir.path().join("s.toml"), dir.path().join("t.toml")).expect("copy");
    let o = run_in(dir.path(), &["diff", "s.toml", "t.toml", "--format", "csv"]);
    assert_eq!(code(&o), 64);
    assert_eq!(
        stderr(&o),
        "error: the change log is a document, not a table; a spreadsheet shows one strategy: strategiekit build NEW --format csv\n"
    );
}

/// Every sheet of `workbook` as CSV, by LibreOffice Calc: `;`, UTF-8, values unformatted, all sheets.
fn calc_csv(dir: &std::path::Path, workbook: &str) -> Vec<(String, String)> {
    let installation = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1";
    let out = format!("lo-{workbook}");
    tool("soffice", &[installation.as_str(), "--headless", "--convert-to", filter, "--outdir", &out, workbook], dir);
    files_in(&dir.join(&out))
        .into_iter()
        .map(|name| (name.clone(), std::fs::read_to_string(dir.join(&out).join(&name)).expect("csv")))
        .collect()
}

#[test]
#[cfg_attr(not(interop), ignore = "needs LibreOffice Calc and xmllint; set STRATEGIEKIT_INTEROP=1 to run it")]
fn interop_libreoffice_calc_opens_every_workbook_and_reads_the_plan_s_numbers() {
    let schemas = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/odf-1.3");
    for example in examples() {
        let stem = example.file_stem().expect("stem").to_string_lossy().into_owned();
        let dir = build(&stem, "xlsx,ods,json");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("s.json")).expect("json")).expect("valid");
        let plan = &json["figures"]["finance"];
        let mut expected_total: Vec<u64> =
            plan["costs_by_year"].as_array().expect("costs").iter().map(|v| v.as_u64().expect("euros")).collect();
        expected_total.push(plan["total"].as_u64().expect("total"));
        for workbook in ["s.xlsx", "s.ods"] {
            let sheets = calc_csv(dir.path(), workbook);
            assert_eq!(sheets.len(), 3, "{stem} {workbook}: {sheets:?}");
            let (_, text) = sheets
                .iter()
                .find(|(n, _)| n.contains("Finanzierungsplan") || n.contains("financing plan"))
                .expect("plan");
            let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(';').collect()).collect();
            let lines = plan["lines"].as_array().expect("lines");
            assert_eq!(rows.len(), 1 + lines.len() + 1, "{stem} {workbook}: header, lines, total");
            for (row, line) in rows[1..].iter().zip(lines) {
                let cells: Vec<u64> = row[2..].iter().map(|c| c.parse().expect("a number")).collect();
                let expected: Vec<u64> =
                    line["by_year"].as_array().expect("years").iter().map(|v| v.as_u64().expect("euros")).collect();
                assert_eq!(
                    (&cells[..cells.len() - 1], cells[cells.len() - 1]),
                    (expected.as_slice(), line["total"].as_u64().expect("total")),
                    "{stem} {workbook}: {row:?}"
                );
            }
            // the sums Calc computes from the formulas are the plan's
            let sums: Vec<u64> =
                rows.last().expect("total row")[2..].iter().map(|c| c.parse().expect("a number")).collect();
            assert_eq!(sums, expected_total, "{stem} {workbook}: the total row");
        }
        // and the ODS is valid ODF 1.3
        let parts = dir.path().join("ods-parts");
        let ods = std::fs::read(dir.path().join("s.ods")).expect("ods");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(ods)).expect("zip");
        zip.extract(&parts).expect("unpack");
        for part in ["content.xml", "meta.xml", "settings.xml"] {
            let out =
                tool("xmllint", &["--noout", "--relaxng", &schemas.join("schema.rng").to_string_lossy(), part], &parts);
            assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{part} validates")), "{stem} {part}");
        }
        tool(
            "xmllint",
            &["--noout", "--relaxng", &schemas.join("manifest-schema.rng").to_string_lossy(), "META-INF/manifest.xml"],
            &parts,
        );
    }
}

#[test]
fn the_ods_has_its_sheets_header_rows_currency_and_sums() {
    let dir = build("ulm", "ods");
    let ods = std::fs::read(dir.path().join("s.ods")).expect("ods");
    assert_eq!(&ods[30..38], b"mimetype");
    assert_eq!(&ods[38..84], b"application/vnd.oasis.opendocument.spreadsheet");
    let content = entry(&ods, "content.xml");
    for name in ["Maßnahmen", "Kosten- und Finanzierungsplan", "Indikatoren"] {
        assert!(content.contains(&format!(r#"<table:table table:name="{name}">"#)), "{name}");
    }
    assert_eq!(content.matches("<table:table-header-rows>").count(), 3, "header rows repeat when printed");
    assert!(content.contains(
        r#"office:value-type="currency" office:currency="EUR" office:value="1450000"><text:p>1.450.000 €</text:p>"#
    ));
    let total = plan(dir.path())["total"].as_u64().expect("total");
    assert!(content.contains(&format!(r#"office:value="{total}"><text:p>"#)), "the plan's total as a value");
    assert!(content.contains(r#"table:formula="of:=SUM([.C2:.C"#), "sums as OpenFormula");
    let settings = entry(&ods, "settings.xml");
    assert_eq!(
        settings
            .matches(
                r#"<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>"#
            )
            .count(),
        3,
        "frozen first rows"
    );
}

#[test]
fn a_workbook_without_costs_sums_nothing_and_the_budget_as_entered_is_not_summed() {
    let toml = "[municipality]\nname = \"Leer\"\n[[fields]]\nid = \"f\"\n[[measures]]\nid = \"M1\"\nfield = \"f\"\nstatus = \"cancelled\"\nstatus_reason = \"verworfen\"\nbudget_eur = 400000\n";
    let dir = dir_with(&[("s.toml", toml)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "xlsx,ods", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let xlsx = std::fs::read(dir.path().join("s.xlsx")).expect("xlsx");
    // the plan has no rows: its sums are 0, not a formula that sums itself
    let plan = entry(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(!plan.contains("<f>"), "{plan}");
    // the cancelled measure's budget stands in its row but not in the sums
    let measures = entry(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(measures.contains("<v>400000</v>"));
    assert!(!measures.contains("SUM(P2:P2)"), "the budget column (P) is not summed");
    let ods = std::fs::read(dir.path().join("s.ods")).expect("ods");
    assert!(!entry(&ods, "content.xml").contains("SUM([.C2:.C2])"));
}
