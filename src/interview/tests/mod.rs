//! The question flow answered from a script: "when asked X, answer Y",
//! Enter everywhere else.

use std::collections::VecDeque;

use super::flow::wrap;
use super::parse::{parse_count, parse_date, parse_list, parse_number, show_list, slug};
use super::prompt::{Back, Interrupted, Prompter, Validator};
use super::*;
use crate::model::{CheckOptions, Checked};

#[derive(Debug, Clone)]
enum A {
    Type(&'static str),
    Pick(usize),
    Picks(Vec<usize>),
    Yes,
    No,
    Enter,
    CtrlC,
    /// `<` typed, or Esc in a list: one question back.
    Back,
}

/// Answers prompts whose label, or what was said since the last prompt,
/// contains the next key; Enter for all others.
#[derive(Default)]
struct Script {
    answers: VecDeque<(&'static str, A)>,
    context: String,
    prompts: usize,
    rejected: Vec<String>,
    said: Vec<String>,
    /// Every question, as labelled.
    asked: Vec<String>,
    /// Answers that stood in a question already (going back), with its label.
    prefilled: Vec<(String, String)>,
    /// The text each editor was opened with.
    editor_opened_with: Vec<String>,
}

impl Script {
    fn new(answers: Vec<(&'static str, A)>) -> Script {
        Script { answers: answers.into(), ..Script::default() }
    }

    fn next(&mut self, label: &str) -> A {
        self.prompts += 1;
        self.asked.push(label.to_string());
        let here = format!("{} | {label}", std::mem::take(&mut self.context));
        match self.answers.front() {
            Some((key, _)) if here.contains(key) => self.answers.pop_front().map_or(A::Enter, |(_, a)| a),
            _ => A::Enter,
        }
    }
}

impl Prompter for Script {
    fn say(&mut self, text: &str) {
        let plain = console::strip_ansi_codes(text).trim().to_string();
        self.context.push_str(&plain);
        self.context.push('\n');
        self.said.push(plain);
    }

    fn text(&mut self, label: &str, default: &str, validate: Validator<'_>) -> Result<String> {
        self.text_with(label, default, "", validate)
    }

    fn text_with(&mut self, label: &str, default: &str, initial: &str, validate: Validator<'_>) -> Result<String> {
        if !initial.is_empty() {
            self.prefilled.push((label.to_string(), initial.to_string()));
        }
        loop {
            let answer = match self.next(label) {
                // Enter takes what stands there, else the suggestion
                A::Enter if !initial.is_empty() => initial.to_string(),
                A::Enter => default.to_string(),
                A::Type(t) => t.to_string(),
                A::CtrlC => return Err(Interrupted.into()),
                A::Back => return Err(Back.into()),
                other => panic!("`{label}` wants text, the script has {other:?}"),
            };
            match validate(answer.trim()) {
                Ok(()) => return Ok(answer.trim().to_string()),
                Err(e) if self.answers.is_empty() => anyhow::bail!("`{label}`: {e}, and the script has no answer left"),
                Err(e) => self.rejected.push(e),
            }
        }
    }

    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize> {
        assert!(default < items.len(), "{label}: default out of range");
        match self.next(label) {
            A::Enter => Ok(default),
            A::Pick(i) => Ok(i),
            A::CtrlC => Err(Interrupted.into()),
            A::Back => Err(Back.into()),
            other => panic!("`{label}` wants a choice, the script has {other:?}"),
        }
    }

    fn multi_select(&mut self, label: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>> {
        assert_eq!(items.len(), checked.len(), "{label}");
        match self.next(label) {
            A::Enter => Ok(checked.iter().enumerate().filter(|(_, c)| **c).map(|(i, _)| i).collect()),
            A::Picks(v) => Ok(v),
            A::CtrlC => Err(Interrupted.into()),
            A::Back => Err(Back.into()),
            other => panic!("`{label}` wants choices, the script has {other:?}"),
        }
    }

    fn confirm(&mut self, label: &str, default: bool) -> Result<bool> {
        match self.next(label) {
            A::Enter => Ok(default),
            A::Yes => Ok(true),
            A::No => Ok(false),
            A::CtrlC => Err(Interrupted.into()),
            A::Back => Err(Back.into()),
            other => panic!("`{label}` wants yes or no, the script has {other:?}"),
        }
    }

    fn restate(&mut self, label: &str, answer: &str) {
        self.said.push(format!("{label} · {answer}"));
    }

    fn editor(&mut self, initial: &str) -> Result<Option<String>> {
        self.editor_opened_with.push(initial.to_string());
        match self.next("(editor)") {
            A::Type(t) => Ok(Some(t.to_string())),
            // Enter: the editor is closed with what it was opened with
            A::Enter if !initial.is_empty() => Ok(Some(initial.to_string())),
            _ => Ok(None),
        }
    }
}

fn options(dir: &tempfile::TempDir, from: Option<std::path::PathBuf>) -> Options {
    Options { out: dir.path().join("strategy.toml"), from, lang: None }
}

/// Writes the bundled example `name` to `path`, with the images it names beside it.
fn write_example(name: &str, path: &Path) {
    let text = crate::cmd::init::example(name).expect("example");
    for file in crate::cmd::init::example_images(&text, path).expect("images") {
        std::fs::create_dir_all(file.path.parent().expect("folder")).expect("mkdir");
        std::fs::write(&file.path, &file.bytes).expect("write image");
    }
    std::fs::write(path, text).expect("write");
}

fn checked(path: &Path) -> Checked {
    Checked::from_path(path, CheckOptions::default()).expect("readable")
}

fn model(path: &Path) -> serde_json::Value {
    let c = checked(path);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    serde_json::to_value(c.strategy.expect("model")).expect("json")
}

#[test]
fn enter_after_the_name_gives_a_minimal_file_that_passes_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![("Name der Kommune", A::Type("Testhausen"))]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    let c = checked(&o.out);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    let s = c.strategy.expect("model");
    assert_eq!(s.municipality.name, "Testhausen");
    assert_eq!(s.document.review_months, Some(24));
    assert_eq!(s.document.date, Some(today()));
    assert!(s.goals.is_empty() && s.fields.is_empty() && s.measures.is_empty() && s.text.is_empty());
    assert!(!draft::path_for(&o.out).exists(), "the draft is removed at the end");
    assert!(script.said.iter().any(|l| l.starts_with("Abdeckung der Gliederung")), "{:?}", script.said);
}

#[test]
fn the_name_is_required() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![("Name der Kommune", A::Enter), ("Name der Kommune", A::Type("Ort"))]);
    interview(&mut script, &o).expect("interview");
    assert_eq!(script.rejected, ["Eine Angabe ist hier nötig."]);
}

#[test]
fn enter_everywhere_from_each_example_gives_the_same_model() {
    for name in crate::cmd::init::names() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join("old.toml");
        write_example(&name, &old);
        let o = options(&dir, Some(old.clone()));
        let mut script = Script::new(Vec::new());
        assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written, "{name}");
        assert_eq!(model(&o.out), model(&old), "{name}:\n{}", std::fs::read_to_string(&o.out).unwrap_or_default());
        assert!(script.rejected.is_empty(), "{name}: {:?}", script.rejected);
        eprintln!("{name}: {} prompts", script.prompts);
    }
}

#[test]
fn a_typed_session_checks_each_answer_like_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Musterkreis")),
        ("Art", A::Pick(3)),
        ("Mitgliedskommunen", A::Type("Adorf, Bestadt")),
        ("Vorwort", A::Type("Ein kurzes Vorwort.")),
        ("Herausforderungen", A::Type("e")),
        ("(editor)", A::Type("Erste Zeile\nzweite Zeile\n")),
        ("Ein Ziel hinzufügen", A::Yes),
        ("Titel", A::Type("Klimaneutral bis 2040")),
        ("Einen messbaren Indikator", A::Yes),
        ("Messgröße", A::Type("CO₂-Ausstoß")),
        ("Ausgangswert", A::Type("1.200,5")),
        ("Jahr des Ausgangswerts", A::Type("2020")),
        ("Zielwert", A::Type("0")),
        ("Zieljahr", A::Type("2040")),
        ("| Handlungsfelder", A::Picks(vec![0])),
        ("Ziele, denen das Handlungsfeld dient", A::Picks(vec![0])),
        ("Maßnahme in", A::Yes),
        ("Titel", A::Type("Mobilitätsstationen")),
        ("Priorität", A::Pick(1)),
        ("Quick Win", A::Yes),
        ("Beginn", A::Type("2027")),
        ("Ende", A::Type("2025")),
        ("Ende", A::Type("2028")),
        ("Budget", A::Type("250.000 €")),
        ("SDGs", A::Picks(vec![10, 12])),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(script.rejected.len(), 1, "{:?}", script.rejected);
    assert_eq!(
        script.rejected,
        ["Maßnahme „M1“ endet 2025, bevor sie 2027 beginnt (das Ende muss im Jahr des Beginns oder später liegen)"]
    );

    let c = checked(&o.out);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    let s = c.strategy.expect("model");
    assert_eq!(s.municipality.members, ["Adorf", "Bestadt"]);
    assert_eq!(s.text.get("foreword").map(String::as_str), Some("Ein kurzes Vorwort."));
    // the editor's line break inside a paragraph joins: no hard break in the document
    assert_eq!(s.text.get("challenges").map(String::as_str), Some("Erste Zeile zweite Zeile"));
    // the echo shows the start of the text written in the editor, not the `e` that opened it
    let echo = "Antwort (Enter: überspringen · e: im Editor schreiben) · Erste Zeile zweite Zeile";
    assert!(script.said.iter().any(|l| l == echo), "{:?}", script.said);
    let goal = &s.goals[0];
    assert_eq!((goal.id.as_str(), goal.title.as_deref()), ("Z1", Some("Klimaneutral bis 2040")));
    assert_eq!(goal.indicators[0].baseline, Some(1200.5));
    assert_eq!(s.fields[0].id, "mobility");
    assert_eq!(s.fields[0].goals[0], "Z1");
    let m = &s.measures[0];
    assert_eq!(m.id, "M1");
    assert_eq!((m.start, m.end.as_ref().map(|e| *e), m.budget_eur), (Some(2027), Some(2028), Some(250_000)));
    assert!(m.quick_win);
    assert_eq!(m.priority, Some(crate::model::Priority::High));
    assert_eq!(m.sdgs, [11, 13]);
    // the written file reads in outline order
    let text = std::fs::read_to_string(&o.out).expect("read");
    let order = ["[municipality]", "[document]", "[text]", "[[goals]]", "[[fields]]", "[[measures]]"];
    let at: Vec<usize> = order.iter().map(|k| text.find(k).unwrap_or_else(|| panic!("{k} in\n{text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn removing_a_goal_removes_its_references() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("ulm", &old);
    let o = options(&dir, Some(old.clone()));
    let before = checked(&old).strategy.expect("model");
    let first = before.goals[0].id.clone();
    // open the first goal from the list, remove it, confirm
    let mut script = Script::new(vec![
        ("Ziel: Eintrag öffnen", A::Pick(0)),
        (Box::leak(format!("| Ziel {first} ").into_boxed_str()), A::Pick(2)),
        ("wirklich entfernen?", A::Yes),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    let c = checked(&o.out);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    let s = c.strategy.expect("model");
    assert_eq!(s.goals.len(), before.goals.len() - 1);
    let text = std::fs::read_to_string(&o.out).expect("read");
    assert!(!text.contains(&format!("\"{first}\"")), "{first} still named:\n{text}");
}

#[test]
fn typed_values_read_as_people_write_them() {
    assert_eq!(parse_count("1.250.000", Lang::De), Ok(1_250_000));
    assert_eq!(parse_count("1 250 000 €", Lang::De), Ok(1_250_000));
    assert!(parse_count("viel", Lang::De).is_err());
    assert_eq!(parse_number("12,5", Lang::De), Ok(12.5));
    assert_eq!(parse_number("1.200,75", Lang::De), Ok(1200.75));
    assert_eq!(parse_number("0.25", Lang::De), Ok(0.25));
    // one reading everywhere: a dot before three digits groups thousands, as for budgets
    assert_eq!(parse_number("1.200", Lang::De), Ok(1200.0));
    assert_eq!(parse_count("1.200", Lang::De), Ok(1200));
    assert_eq!(parse_count("450.000,00 €", Lang::De), Ok(450_000));
    assert_eq!(parse_count("1,5 Mio. €", Lang::De), Ok(1_500_000));
    assert_eq!(parse_count("450 T€", Lang::De), Ok(450_000));
    assert!(parse_number("inf", Lang::De).is_err());
    assert_eq!(parse_date("24.11.2026", Lang::De).map(|d| d.to_string()), Ok("2026-11-24".into()));
    assert_eq!(parse_date("2026-02-28", Lang::De).map(|d| d.to_string()), Ok("2026-02-28".into()));
    assert!(parse_date("2026-02-30", Lang::De).is_err());
    assert!(parse_date("morgen", Lang::De).is_err());
    assert_eq!(parse_list("a, b ,, c"), ["a", "b", "c"]);
    assert_eq!(parse_list("Müller, Meier & Co.; Stadtwerke"), ["Müller, Meier & Co.", "Stadtwerke"]);
    let names = vec!["Müller, Meier & Co.".to_string(), "Stadtwerke".to_string()];
    assert_eq!(parse_list(&show_list(&names)), names);
    assert_eq!(slug("Kultur & Freizeit"), "kultur_freizeit");
    assert_eq!(slug("Grüne Straßen"), "gruene_strassen");
    assert_eq!(slug("§§"), "field");
    assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
    assert_eq!(wrap("Straßenbeleuchtung an", 5), ["Straßenbeleuchtung", "an"], "a long word stays whole");
    assert_eq!(wrap("日本 語", 4), ["日本", "語"], "wide characters take two columns");
    assert_eq!(super::prompt::yes_no("Ja"), Some(Some(true)));
    assert_eq!(super::prompt::yes_no("nein"), Some(Some(false)));
    assert_eq!(super::prompt::yes_no(""), Some(None));
    assert_eq!(super::prompt::yes_no("vielleicht"), None);
}

#[test]
fn today_is_a_real_date() {
    let d = today();
    assert!(d.year >= 2024 && (1..=12).contains(&d.month) && (1..=31).contains(&d.day), "{d}");
    assert_eq!(parse_date(&d.to_string(), Lang::De), Ok(d));
}

#[test]
fn answers_are_rejected_in_german_and_name_the_question_not_a_key_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Dorfen")),
        ("Datum", A::Type("im Dorf")),
        ("Datum", A::Type("24.11.2026")),
        ("Ein Ziel hinzufügen?", A::Yes),
        ("Einen messbaren Indikator hinzufügen?", A::Yes),
        ("Messgröße", A::Type("Glasfaser")),
        ("Jahr des Ausgangswerts", A::Type("2022")),
        ("Zieljahr", A::Type("20300")),
        ("Zieljahr", A::Type("2020")),
        ("Zieljahr", A::Type("2030")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(
        script.rejected,
        [
            "„im Dorf“ ist kein Datum (z. B. 24.11.2026 oder 2026-11-24)",
            "„Zieljahr“ muss ein Jahr zwischen 1990 und 2100 sein, nicht 20300",
            "Indikator „Glasfaser“ des Ziels „Z1“ soll seinen Zielwert 2020 erreichen, vor dem Jahr seines \
             Ausgangswerts 2022 (das Zieljahr muss im Jahr des Ausgangswerts oder später liegen)",
        ]
    );
    // the summary's warnings are the same German words
    assert!(script.said.iter().any(|l| l == "check: Warnungen 2:"), "{:?}", script.said);
    assert!(script.said.iter().any(|l| l == "- Die Strategie hat keine Vision"), "{:?}", script.said);
    assert!(script.said.iter().any(|l| l == "- Kein Akteur aus der Politik ist beteiligt"), "{:?}", script.said);
}

#[test]
fn in_english_answers_are_rejected_without_key_paths_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = Options { lang: Some(Lang::En), ..options(&dir, None) };
    let mut script = Script::new(vec![
        ("Name of the municipality", A::Type("Testville")),
        ("Add a goal?", A::Yes),
        ("Add a measurable indicator?", A::Yes),
        ("Measure (what is counted)", A::Type("Fibre")),
        ("Target year", A::Type("20300")),
        ("Target year", A::Type("2030")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(script.rejected, ["\"Target year\" must be a year between 1990 and 2100, found 20300"]);
    assert!(script.said.iter().any(|l| l == "- the strategy has no vision"), "{:?}", script.said);
}

#[test]
fn before_writing_a_warning_leads_to_the_question_that_fixes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut named = fresh(Lang::De);
    named.municipality.name = "Dorfen".to_string();
    let before = flow::warnings_before_writing(&named);
    let vision = before.iter().position(|code| *code == "no-vision").expect("a strategy without vision is warned");
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Dorfen")),
        // the first line writes the file; each warning follows
        ("Einen Hinweis beheben oder die Datei schreiben?", A::Pick(vision + 1)),
        ("Ein anschauliches Zukunftsbild", A::Type("Dorfen bleibt lebendig und nah.")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.vision.vision.as_deref(), Some("Dorfen bleibt lebendig und nah."));
    // checked again after the fix: one warning less, and no codes or places for people
    let heading = |n: usize| match n {
        1 => "Vor dem Schreiben: ein Hinweis der Prüfung".to_string(),
        n => format!("Vor dem Schreiben: {n} Hinweise der Prüfung"),
    };
    assert!(script.said.contains(&heading(before.len())), "{:?}", script.said);
    assert!(script.said.contains(&heading(before.len() - 1)), "{:?}", script.said);
    assert!(script.said.iter().all(|l| !l.contains("[no-") && !l.contains("no-vision")), "{:?}", script.said);
}

#[test]
fn one_key_goes_back_to_the_previous_question_with_its_answer_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Dorfen")),
        ("Einwohnerzahl", A::Type("12.000")),
        ("Titel des Dokuments", A::Back),
        // the population again, with 12.000 standing there: corrected
        ("Einwohnerzahl", A::Type("13.500")),
        // and from a list (Esc): back to the title, whose Enter keeps it
        ("| Stand", A::Back),
        ("Titel des Dokuments", A::Type("Digitale Dorfen-Strategie")),
        ("| Stand", A::Enter),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}\nasked: {:?}", script.answers, script.asked);
    assert_eq!(script.prefilled[0], ("Einwohnerzahl".to_string(), "12.000".to_string()));
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.municipality.name, "Dorfen", "the answers before it were given again");
    assert_eq!(s.municipality.population, Some(13_500));
    assert_eq!(s.document.title.as_deref(), Some("Digitale Dorfen-Strategie"));
    assert!(script.said.iter().any(|l| l == "↩ eine Frage zurück"), "{:?}", script.said);
}

#[test]
fn going_back_in_a_list_of_entries_adds_nothing_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Dorfen")),
        ("Ein Ziel hinzufügen?", A::Yes),
        ("Titel", A::Type("Schnelles Netz")),
        ("Einen messbaren Indikator hinzufügen?", A::Back),
        // back at the goal's description (it has no parent to choose): once more
        ("Beschreibung des Ziels", A::Back),
        ("Titel", A::Type("Schnelles Netz für alle")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    let s = checked(&o.out).strategy.expect("model");
    assert!(script.prefilled.iter().any(|(q, a)| q == "Titel" && a == "Schnelles Netz"), "{:?}", script.prefilled);
    assert_eq!(s.goals.len(), 1, "the replayed answers add the goal once: {:?}", s.goals);
    assert_eq!(s.goals[0].title.as_deref(), Some("Schnelles Netz für alle"));
}

#[test]
fn one_point_two_hundred_is_twelve_hundred_at_every_number_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Zahlhausen")),
        ("Einwohnerzahl", A::Type("1.200")),
        ("Ein Ziel hinzufügen", A::Yes),
        ("Titel", A::Type("Mehr Radwege")),
        ("Einen messbaren Indikator", A::Yes),
        ("Messgröße", A::Type("Radwege")),
        ("Ausgangswert", A::Type("1,200")),
        ("Ausgangswert", A::Type("1.200")),
        ("Zielwert", A::Type("1.200")),
        ("| Handlungsfelder", A::Picks(vec![0])),
        ("Maßnahme in", A::Yes),
        ("Titel", A::Type("Radschnellweg")),
        ("Budget", A::Type("1.200")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(
        script.rejected,
        ["„1,200“ ist mehrdeutig: als Dezimalzahl bitte „1,2“ schreiben, als ganze Zahl „1.200“"]
    );
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.municipality.population, Some(1200));
    let indicator = &s.goals[0].indicators[0];
    assert_eq!((indicator.baseline, indicator.target), (Some(1200.0), Some(1200.0)));
    assert_eq!(s.measures[0].budget_eur, Some(1200));
}

#[test]
fn an_empty_choice_is_asked_before_it_is_taken_and_numbers_echo_as_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Leerwahl")),
        ("Einwohnerzahl", A::Type("12 500")),
        ("| Handlungsfelder", A::Picks(vec![])),
        ("Nichts gewählt. So übernehmen?", A::No),
        ("| Handlungsfelder", A::Picks(vec![1])),
        ("Maßnahme in", A::Yes),
        ("Titel", A::Type("E-Akte")),
        ("Budget", A::Type("1,5 Mio")),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.fields.len(), 1);
    assert_eq!(s.measures[0].budget_eur, Some(1_500_000));
    // the echo shows what is stored, not what was typed
    assert!(script.said.iter().any(|l| l == "Budget in Euro · 1.500.000 €"), "{:?}", script.said);
    assert!(script.said.iter().any(|l| l == "Einwohnerzahl · 12.500"), "{:?}", script.said);
}

#[test]
fn going_back_to_a_text_from_the_editor_opens_it_with_that_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Editorf")),
        ("Persönlicher Einstieg", A::Type("e")),
        ("(editor)", A::Type("Ein langes Vorwort.")),
        ("Management Summary", A::Back),
        ("(editor)", A::Enter),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(script.editor_opened_with, ["", "Ein langes Vorwort."]);
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.text.get("foreword").map(String::as_str), Some("Ein langes Vorwort."));
    // the `e` was given again without its echo: the text's echo is said as a new line
    let echo = "✔ Antwort (Enter: überspringen · e: im Editor schreiben) · Ein langes Vorwort.";
    assert!(script.said.iter().any(|l| l == echo), "{:?}", script.said);
}

#[test]
fn after_the_last_section_enter_goes_to_the_end_not_the_same_section_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![("Name der Kommune", A::Type("Einmalhausen"))]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    // each section once: the overview is shown after the name and after each section
    let overviews = script.asked.iter().filter(|q| q.starts_with("Welcher Abschnitt?")).count();
    assert_eq!(overviews, flow::steps().len(), "{:?}", script.asked);
    let production =
        script.said.iter().filter(|l| l.ends_with(&flow::step_title(flow::steps().len() - 1, Lang::De))).count();
    assert_eq!(production, 1, "{:?}", script.said);
}

mod drafts;
mod measures;
mod money_and_council;
mod update;
