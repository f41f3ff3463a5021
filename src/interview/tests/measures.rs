//! A measure opened straight from the overview.

use super::*;

#[test]
fn a_measure_is_changed_from_the_overview_in_a_few_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("myk10", &old);
    let o = options(&dir, Some(old.clone()));
    let before = checked(&old).strategy.expect("model");
    let direct = flow::steps().len();
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::No),
        ("Welcher Abschnitt?", A::Pick(direct)),
        ("Welche Maßnahme?", A::Pick(2)),
        ("Was ändern?", A::Enter),
        ("Stand der Umsetzung", A::Pick(4)),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    let after = checked(&o.out).strategy.expect("model");
    assert_eq!(after.measures[2].status, Some(crate::model::MeasureStatus::Done));
    let mut expected = serde_json::to_value(&before).expect("json");
    expected["measures"][2]["status"] = "done".into();
    assert_eq!(serde_json::to_value(&after).expect("json"), expected, "nothing else changed");
    assert_eq!(script.prompts, 6 + usize::from(!flow::warnings_before_writing(&after).is_empty()));
}

#[test]
fn partners_are_chosen_from_the_actors_and_new_ones_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("ulm", &old);
    let o = options(&dir, Some(old.clone()));
    let before = checked(&old).strategy.expect("model");
    assert!(before.actors.len() > 1, "ulm names actors");
    let direct = flow::steps().len();
    let mut script = Script::new(vec![
        ("Welcher Abschnitt?", A::Pick(direct)),
        ("Welche Maßnahme?", A::Pick(0)),
        ("Was ändern?", A::Pick(2)),
        ("Partner aus den Akteuren", A::Picks(vec![1])),
        ("Weitere Partner", A::Type("Verein Digitale Nachbarschaft, Ulmer Tafel")),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    let after = checked(&o.out).strategy.expect("model");
    let second_actor = before.actors[1].name.clone();
    assert_eq!(after.measures[0].partners, [second_actor.as_str(), "Verein Digitale Nachbarschaft", "Ulmer Tafel"]);
}
