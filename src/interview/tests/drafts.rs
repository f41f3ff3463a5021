//! Drafts: Ctrl-C keeps the answers, the next run resumes; broken and
//! unsaveable drafts; an existing file is replaced only with consent.

use super::*;

#[test]
fn ctrl_c_keeps_a_draft_that_the_next_run_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut first = Script::new(vec![
        ("Name der Kommune", A::Type("Pausenhausen")),
        ("Vorwort", A::Type("Vor der Mittagspause geschrieben.")),
        ("Herausforderungen", A::CtrlC),
    ]);
    assert_eq!(interview(&mut first, &o).expect("interview"), Ending::Interrupted);
    assert!(!o.out.exists(), "nothing but the draft is written");
    let d = draft::load(&draft::path_for(&o.out)).expect("readable").expect("a draft");
    assert_eq!(flow::steps()[d.step], "introduction");
    assert_eq!(d.strategy.municipality.name, "Pausenhausen");
    assert!(d.strategy.text.contains_key("foreword"));
    assert!(first.said.iter().any(|l| l.contains("strategiekit interview -o")), "{:?}", first.said);

    let draft = std::fs::read_to_string(draft::path_for(&o.out)).expect("draft");
    let mut lines = draft.lines();
    // the section and the question in it that was cut short
    let marker = lines.next().unwrap_or_default();
    let question: usize = marker
        .strip_prefix("# strategiekit interview draft; resume at: introduction, question ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{marker}"));
    assert!(question > 1, "{marker}");
    let note = lines.next().unwrap_or_default();
    assert!(
        note.starts_with("# Entwurf von `strategiekit interview` mit den bisherigen Antworten.")
            && note.contains("bei „Einleitung und allgemeine Inhalte“ fortzusetzen"),
        "{note}"
    );

    let mut second_de =
        Script::new(vec![("Entwurf gefunden", A::Enter), ("Herausforderungen", A::Type("Nach der Pause."))]);
    assert_eq!(interview(&mut second_de, &o).expect("interview"), Ending::Written);
    let resume = format!(
        "Entwurf gefunden: {} (weiter bei „Einleitung und allgemeine Inhalte“). Fortsetzen?",
        draft::path_for(&o.out).display()
    );
    assert_eq!(second_de.asked.first(), Some(&resume));
    assert!(second_de.answers.is_empty(), "{:?}", second_de.answers);
    let s = checked(&o.out).strategy.expect("model");
    assert_eq!(s.municipality.name, "Pausenhausen");
    assert_eq!(s.text.get("foreword").map(String::as_str), Some("Vor der Mittagspause geschrieben."));
    assert_eq!(s.text.get("challenges").map(String::as_str), Some("Nach der Pause."));
    assert!(!draft::path_for(&o.out).exists());
    // the resumed run started at the interrupted question, not at the name or the section's start
    assert!(!second_de.said.iter().any(|l| l.contains("Kommune und Dokument")), "{:?}", second_de.said);
    assert!(!second_de.said.iter().any(|l| l == "Vorwort"), "{:?}", second_de.said);
    assert!(second_de.said.iter().any(|l| l == "Herausforderungen"), "{:?}", second_de.said);
    assert_eq!(second_de.asked[1], "Antwort (Enter: überspringen · e: im Editor schreiben)", "{:?}", second_de.asked);
}

#[test]
fn unreadable_drafts_are_moved_aside_under_new_names_never_over_an_earlier_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let draft = draft::path_for(&o.out);
    for (round, text) in ["first = [broken", "second = [broken"].into_iter().enumerate() {
        std::fs::write(&draft, text).expect("write");
        let mut script = Script::new(vec![("Name der Kommune", A::CtrlC)]);
        assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Interrupted, "round {round}");
        assert!(script.said.iter().any(|l| l.contains("Beiseitegelegt als")), "{:?}", script.said);
    }
    let broken = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect(name);
    assert_eq!(broken("strategy.draft.toml.broken"), "first = [broken");
    assert_eq!(broken("strategy.draft.toml.broken-2"), "second = [broken");
}

#[test]
fn ctrl_c_at_the_first_questions_ends_as_interrupted_and_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut first = Script::new(vec![("Name der Kommune", A::Type("Pausenhausen")), ("Vorwort", A::CtrlC)]);
    assert_eq!(interview(&mut first, &o).expect("interview"), Ending::Interrupted);
    let kept = std::fs::read_to_string(draft::path_for(&o.out)).expect("draft");
    let mut at_resume = Script::new(vec![("Entwurf gefunden", A::CtrlC)]);
    assert_eq!(interview(&mut at_resume, &o).expect("interview"), Ending::Interrupted);
    assert_eq!(std::fs::read_to_string(draft::path_for(&o.out)).expect("draft"), kept, "the draft is untouched");
    std::fs::write(&o.out, "keep me").expect("write");
    std::fs::remove_file(draft::path_for(&o.out)).expect("remove draft");
    let mut at_replace = Script::new(vec![("strategy.toml", A::CtrlC)]);
    assert_eq!(interview(&mut at_replace, &o).expect("interview"), Ending::Interrupted);
    assert_eq!(std::fs::read_to_string(&o.out).expect("read"), "keep me");
}

#[test]
fn a_draft_that_cannot_be_saved_is_a_warning_and_the_interview_goes_on() {
    // every save fails, as on a full disk, until the third
    let mut attempts = 0;
    let mut save = |_: &Strategy, _: usize, _: usize| {
        attempts += 1;
        if attempts < 3 { anyhow::bail!("No space left on device (os error 28)") } else { Ok(()) }
    };
    let mut script = Script::new(vec![("Name der Kommune", A::Type("Vollhausen"))]);
    let mut flow = flow::Flow::new(&mut script, fresh(Lang::De), Lang::De, &mut save);
    flow.run(Some(0), 0).expect("the interview goes on to the end");
    let s = flow.s.clone();
    drop(flow);
    assert_eq!(s.municipality.name, "Vollhausen");
    let warning = "Warnung: Der Entwurf konnte nicht gespeichert werden (No space left on device (os error 28)). Die Antworten bleiben erhalten; nach der nächsten Antwort wird erneut gespeichert.";
    assert_eq!(script.said.iter().filter(|l| *l == warning).count(), 2, "{:?}", script.said);
    assert!(attempts > 3, "saving went on after the failures: {attempts}");
}

#[test]
fn starting_anew_keeps_the_earlier_draft_as_a_dated_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut first = Script::new(vec![("Name der Kommune", A::Type("Vormittagshausen")), ("Vorwort", A::CtrlC)]);
    assert_eq!(interview(&mut first, &o).expect("interview"), Ending::Interrupted);
    let morning = std::fs::read_to_string(draft::path_for(&o.out)).expect("draft");
    let mut anew = Script::new(vec![("Entwurf gefunden", A::No), ("Name der Kommune", A::CtrlC)]);
    assert_eq!(interview(&mut anew, &o).expect("interview"), Ending::Interrupted);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("strategy.draft-") && n.ends_with(".toml"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read_to_string(dir.path().join(&kept[0])).expect("backup"), morning);
    let said = anew.said.iter().find(|l| l.starts_with("Der bisherige Entwurf bleibt erhalten als"));
    assert!(said.is_some_and(|l| l.ends_with(&kept[0])), "{:?}", anew.said);
}

#[test]
fn ctrl_c_at_the_overview_resumes_at_the_next_section_from_its_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut first = Script::new(vec![("Name der Kommune", A::Type("Pausendorf")), ("Welcher Abschnitt?", A::CtrlC)]);
    assert_eq!(interview(&mut first, &o).expect("interview"), Ending::Interrupted);
    let draft = std::fs::read_to_string(draft::path_for(&o.out)).expect("draft");
    assert!(draft.starts_with("# strategiekit interview draft; resume at: introduction\n"), "{draft}");
    // `<` at the resume question asks it again, then Enter resumes
    let mut second = Script::new(vec![("Entwurf gefunden", A::Back), ("Entwurf gefunden", A::Enter)]);
    assert_eq!(interview(&mut second, &o).expect("interview"), Ending::Written);
    assert!(second.said.iter().any(|l| l == "Vorwort"), "the section from its first question: {:?}", second.said);
}

#[test]
fn an_existing_file_is_not_replaced_without_consent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    std::fs::write(&o.out, "keep me").expect("write");
    let mut script = Script::new(Vec::new());
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Declined);
    assert_eq!(std::fs::read_to_string(&o.out).expect("read"), "keep me");
}
