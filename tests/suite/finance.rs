//! Money that adds up: in every example's documents (every profile), every
//! table with a total row or a total column adds up, and the finance plan's
//! total is what the input's measures cost, summed here on their own from
//! the TOML (costs by year, else the budget; cancelled measures left out).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::util::*;

/// The tables of a Markdown text, each as rows of cell texts (the header first).
fn tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let (mut tables, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut cell).trim().to_string()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut rows)),
            Event::Text(t) | Event::Code(t) => cell.push_str(&t),
            _ => {}
        }
    }
    tables
}

/// A number as a document writes it (`1.450.000 €`, `€1,450,000`, `1,5`), or
/// `None` for text; `german` says which marks separate thousands and decimals.
fn number(cell: &str, german: bool) -> Option<f64> {
    let t: String = cell.chars().filter(|c| !matches!(c, '€' | '\u{a0}' | ' ' | '\u{202f}')).collect();
    let t = if german { t.replace('.', "").replace(',', ".") } else { t.replace(',', "") };
    t.parse().ok()
}

const TOTALS: [&str; 4] = ["Summe", "Gesamtkosten", "Total", "Total costs"];

/// Checks the total row and the total column of one table; returns how many sums it checked.
fn check_table(table: &[Vec<String>], german: bool, what: &str) -> usize {
    let mut checked = 0;
    let (header, body) = (&table[0], &table[1..]);
    let (last, rest) = body.split_last().expect("rows");
    if TOTALS.contains(&last[0].as_str()) {
        for c in 1..header.len() {
            let cells: Option<Vec<f64>> = rest.iter().map(|r| number(&r[c], german)).collect();
            let (Some(cells), Some(total)) = (cells, number(&last[c], german)) else { continue };
            if rest.iter().any(|r| r[c].ends_with('%')) {
                continue; // shares are rounded, each on its own
            }
            let sum: f64 = cells.iter().sum();
            assert!(
                (sum - total).abs() < 0.005,
                "{what}: column {:?} adds up to {sum}, total row says {total}",
                header[c]
            );
            checked += 1;
        }
    }
    if TOTALS.contains(&header[header.len() - 1].as_str()) {
        for row in body {
            let cells: Option<Vec<f64>> = row[1..row.len() - 1].iter().map(|c| number(c, german)).collect();
            let (Some(cells), Some(total)) = (cells, number(&row[row.len() - 1], german)) else { continue };
            let sum: f64 = cells.iter().sum();
            assert!((sum - total).abs() < 0.005, "{what}: row {:?} adds up to {sum}, its total says {total}", row[0]);
            checked += 1;
        }
    }
    checked
}

/// What the input's measures cost, from the TOML alone.
fn input_costs(toml_text: &str) -> u64 {
    let value: toml::Table = toml::from_str(toml_text).expect("TOML");
    let measures = value.get("measures").and_then(|m| m.as_array()).cloned().unwrap_or_default();
    measures
        .iter()
        .filter(|m| m.get("status").and_then(|s| s.as_str()) != Some("cancelled"))
        .map(|m| match m.get("costs_eur").and_then(|c| c.as_table()) {
            Some(by_year) => by_year.values().map(|a| a.as_integer().expect("euros") as u64).sum(),
            None => m.get("budget_eur").and_then(|b| b.as_integer()).unwrap_or(0) as u64,
        })
        .sum()
}

#[test]
fn every_sum_in_every_example_s_documents_adds_up_and_matches_the_input() {
    for example in examples() {
        let text = std::fs::read_to_string(&example).expect("example");
        let german = !text.contains("language = \"en\"");
        let dir = dir_with(&[("s.toml", &text)]);
        let mut checked = 0;
        for profile in ["full", "summary", "council"] {
            let o = run_in(dir.path(), &["build", "s.toml", "--format", "md", "--profile", profile, "-o", "-", "-q"]);
            assert_eq!(code(&o), 0, "{}", stderr(&o));
            let md = stdout(&o);
            for (i, table) in tables(&md).iter().enumerate() {
                checked += check_table(table, german, &format!("{} {profile} table {i}", example.display()));
            }
            // the plan's grand total is what the measures cost
            let plan = tables(&md)
                .into_iter()
                .find(|t| t.last().is_some_and(|r| r[0] == "Gesamtkosten" || r[0] == "Total costs"));
            if let Some(plan) = plan.filter(|t| t[0].len() > 3) {
                let total = number(plan.last().and_then(|r| r.last()).expect("cell"), german).expect("number");
                assert_eq!(total as u64, input_costs(&text), "{} {profile}: the plan's total", example.display());
                checked += 1;
            }
        }
        assert!(checked >= 20, "{}: only {checked} sums found", example.display());
        eprintln!("{}: {checked} sums checked", example.display());
    }
}

#[test]
fn a_stopped_measure_says_why_and_costs_nothing() {
    let ulm = std::fs::read_to_string(examples_dir().join("ulm.toml")).expect("ulm");
    let dir = dir_with(&[("s.toml", &ulm)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md", "-o", "-", "-q"]);
    let md = stdout(&o);
    assert!(
        md.contains("| Status | gestoppt – Die Hochschulen betreiben seit 2025 eine gemeinsame Transferplattform"),
        "{md}"
    );
    assert!(md.contains("Gestoppte Maßnahmen sind nicht enthalten."));
    let json = run_in(dir.path(), &["build", "s.toml", "--format", "json", "-o", "-", "-q"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    let total = json["figures"]["finance"]["total"].as_u64().expect("total");
    assert_eq!(total, input_costs(&ulm));
    assert_eq!(json["figures"]["by_status"]["cancelled"], 1);
}

#[test]
#[should_panic(expected = "adds up to 3, total row says 4")]
fn a_total_that_its_cells_do_not_give_is_found() {
    let table = |rows: &[&[&str]]| rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect::<Vec<_>>();
    let right = table(&[&["Quelle", "2027", "Summe"], &["A", "1", "1"], &["B", "2", "2"], &["Summe", "3", "3"]]);
    assert_eq!(check_table(&right, true, "right"), 5);
    let wrong = table(&[&["Quelle", "2027", "Summe"], &["A", "1", "1"], &["B", "2", "2"], &["Summe", "4", "3"]]);
    check_table(&wrong, true, "wrong");
}

/// A measure with every mistake the finance rules find.
const BAD: &str = r#"[municipality]
name = "Geldstadt"
[[fields]]
id = "f"
[[measures]]
id = "M1"
field = "f"
start = 2027
end = 2028
budget_eur = 250000
costs_eur = { 2027 = 100000, 2028 = 140000, 2030 = 5, abc = 1 }
follow_up_eur = { 2028 = 10, 2029 = 20000 }
[[measures.financing]]
source = "MPSC"
kind = "grant"
share_percent = 65
amount_eur = 150000
[[measures.financing]]
source = "Stadtwerke"
kind = "third_party"
amount_eur = 200000
[[measures.financing]]
source = "Land"
kind = "grant"
[[measures]]
id = "M2"
field = "f"
[[measures.financing]]
source = "Bund"
kind = "grant"
share_percent = 40
[[measures]]
id = "M3"
field = "f"
status = "cancelled"
"#;

#[test]
fn check_names_each_money_mistake_where_it_stands_with_its_fix() {
    let dir = dir_with(&[("s.toml", BAD)]);
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 1);
    let shown = stdout(&o) + &stderr(&o);
    for expected in [
        "error[costs-mismatch]: the costs by year of measure \"M1\" add up to €240,006, but budget_eur says €250,000\n  --> s.toml:10:14",
        "help: make them agree, or leave out budget_eur: the costs by year are then the budget",
        "error[year-outside-measure]: `measures[0].costs_eur.2030` has costs in 2030, outside the measure's years 2027–2028\n  --> s.toml:11:52",
        "error[invalid-year]: `measures[0].costs_eur.abc` has the key \"abc\", which is not a year from 1990 to 2100\n  --> s.toml:11:61",
        "error[funding-above-costs]: the sources of measure \"M1\" give €350,000, more than its costs of €240,006",
        "error[financing-mismatch]: `measures[0].financing[0].amount_eur`: €150,000 is not 65 % of the costs (€156,004)\n  --> s.toml:17:14",
        "error[financing-without-amount]: `measures[0].financing[2]` (\"Land\") has neither amount_eur nor share_percent",
        "help: give the amount or the share of the costs, e.g. amount_eur = 120000 or share_percent = 65",
        "error[share-without-costs]: `measures[1].financing[0]` (\"Bund\") gives a share, but the measure has no costs",
        "warning[follow-up-during-measure]: `measures[0].follow_up_eur.2028` has follow-up costs in 2028, while the measure still runs (until 2028)",
        "warning[cancelled-without-reason]: measure \"M3\" is cancelled without a reason",
    ] {
        assert!(shown.contains(expected), "{expected:?} not in:\n{shown}");
    }
    // a stopped measure is not asked for a lead, a budget or a priority
    assert!(!shown.contains("measure \"M3\" has no"), "{shown}");
}

#[test]
fn an_old_file_with_funding_as_text_still_passes_with_advice() {
    let old = "[municipality]\nname = \"Altstadt\"\n[[fields]]\nid = \"f\"\n[[measures]]\nid = \"M1\"\nfield = \"f\"\n\
               start = 2027\nend = 2029\nbudget_eur = 1000000\nfunding = \"MPSC-Förderung, Eigenmittel\"\n";
    let dir = dir_with(&[("s.toml", old)]);
    let o = run_in(dir.path(), &["check", "s.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "warning[funding-unstructured]: measure \"M1\" names its funding as text only\n  --> s.toml:11:11"
        ),
        "{}",
        stderr(&o)
    );
    // its plan spreads the budget as an estimate, in round amounts that add up
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md", "-o", "-", "-q"]);
    let md = stdout(&o);
    assert!(md.contains("| 2027 | 333.400\u{a0}€ |\n| 2028 | 333.300\u{a0}€ |\n| 2029 | 333.300\u{a0}€ |"), "{md}");
}

#[test]
fn shares_are_checked_exactly_and_open_ended_measures_have_no_end_to_exceed() {
    let base = "[municipality]\nname = \"X\"\n[[fields]]\nid = \"f\"\n[[measures]]\nid = \"M1\"\nfield = \"f\"\n";
    let check = |measure: &str| {
        let dir = dir_with(&[("s.toml", &format!("{base}{measure}"))]);
        let o = run_in(dir.path(), &["check", "s.toml"]);
        (code(&o), stderr(&o))
    };
    // two halves of an odd sum are the whole sum, not a euro more
    let halves = "budget_eur = 99999\n[[measures.financing]]\nsource = \"A\"\nkind = \"grant\"\nshare_percent = 50\n[[measures.financing]]\nsource = \"B\"\nkind = \"own\"\nshare_percent = 50\n";
    assert_eq!(check(halves).0, 0, "{}", check(halves).1);
    // costs after the start of a measure without an end are no error
    let open = "start = 2027\ncosts_eur = { 2027 = 50000, 2028 = 50000 }\n";
    let (code_open, shown) = check(open);
    assert_eq!(code_open, 0, "{shown}");
    // an amount for a measure that costs nothing is more than its costs
    let (code_free, shown) =
        check("[[measures.financing]]\nsource = \"Bund\"\nkind = \"grant\"\namount_eur = 500000\n");
    assert_eq!(code_free, 1);
    assert!(
        shown.contains(
            "error[funding-above-costs]: the sources of measure \"M1\" give €500,000, more than its costs of €0"
        ),
        "{shown}"
    );
    // shares and staff have their ranges
    let (code_range, shown) = check(
        "budget_eur = 100\nstaff_fte = -1\n[[measures.financing]]\nsource = \"A\"\nkind = \"grant\"\nshare_percent = 150\n",
    );
    assert_eq!(code_range, 1);
    assert!(shown.contains("`measures[0].financing[0].share_percent` must be between 0 and 100, found 150"), "{shown}");
    assert!(shown.contains("`measures[0].staff_fte` must be between 0 and 1000, found -1"), "{shown}");
}
