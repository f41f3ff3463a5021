//! The yearly update: this year's values and statuses first, Enter keeps.

use super::*;
use crate::model::MeasureStatus;

#[test]
fn a_yearly_update_of_myk10_asks_values_and_statuses_first_and_enter_keeps_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("myk10", &old);
    let o = options(&dir, Some(old.clone()));
    let year = today().year;
    let before = checked(&old).strategy.expect("model");
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::Yes),
        ("Z1 Befragte, die ihre Lebensqualität", A::Type("73,5")),
        ("LP2 ", A::Pick(3)),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    // the update's questions: one per indicator in its years, three per measure begun and not finished
    let update = script.asked.iter().position(|q| q.starts_with("Welcher Abschnitt?")).expect("the overview");
    let indicators = before
        .goals
        .iter()
        .flat_map(|g| &g.indicators)
        .filter(|i| i.baseline_year.is_none_or(|b| b < year) && i.target_year.is_none_or(|t| t >= year));
    let measures = before.measures.iter().filter(|m| {
        m.start.is_none_or(|s| s <= year) && !matches!(m.status, Some(MeasureStatus::Done | MeasureStatus::Cancelled))
    });
    assert_eq!(update, 1 + indicators.count() + 3 * measures.count(), "{:?}", &script.asked[..update]);
    eprintln!("myk10's update for {year}: {update} questions");
    // the question shows the last value before this year (72,5 in 2025 when run in 2026)
    let z1 = &before.goals[0].indicators[0];
    let last = z1.values.iter().filter(|v| v.year < year).max_by_key(|v| v.year).expect("a value before");
    let shown =
        format!("Wert {year} (zuletzt {}: {})", last.year, crate::i18n::number(crate::model::Lang::De, last.value));
    assert!(script.asked[1].contains(&shown), "{} lacks {shown}", script.asked[1]);

    let after = checked(&o.out).strategy.expect("model");
    let z1 = &after.goals[0].indicators[0];
    assert_eq!(z1.values.iter().find(|v| v.year == year).map(|v| v.value), Some(73.5));
    let lp2 = after.measures.iter().find(|m| m.id == "LP2").expect("LP2");
    assert_eq!(lp2.status, Some(MeasureStatus::Running));
    assert_eq!(lp2.progress.iter().find(|p| p.year == year).and_then(|p| p.status), Some(MeasureStatus::Running));
    // Enter kept everything else
    let mut expected = serde_json::to_value(&before).expect("json");
    let mut got = serde_json::to_value(&after).expect("json");
    for v in [&mut expected, &mut got] {
        v["goals"][0]["indicators"][0]["values"].take();
        let lp2 = v["measures"].as_array_mut().and_then(|ms| ms.iter_mut().find(|m| m["id"] == "LP2")).expect("LP2");
        lp2["status"].take();
        lp2["progress"].take();
    }
    assert_eq!(got, expected, "nothing else changed");
}

#[test]
fn back_in_the_update_goes_on_to_the_overview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("myk10", &old);
    let o = options(&dir, Some(old.clone()));
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::Yes),
        ("Z1 Befragte", A::Back),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(model(&o.out), model(&old));
}

#[test]
fn an_indicator_s_years_cannot_leave_its_values_outside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("ulm", &old);
    let o = options(&dir, Some(old.clone()));
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::No),
        ("Welcher Abschnitt?", A::Pick(2)),
        ("Ziel: Eintrag öffnen", A::Pick(0)),
        ("Ziel Z1", A::Enter),
        ("Indikator: Eintrag öffnen", A::Pick(0)),
        ("Indikator ", A::Enter),
        ("Jahr des Ausgangswerts", A::Type("2025")),
        ("Jahr des Ausgangswerts", A::Type("2022")),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(
        script.rejected,
        [
            "Der Indikator „Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten“ hat einen Wert für 2024, vor dem Jahr seines Ausgangswerts 2025 (ein Wert vor 2025 gehört zum Ausgangswert: tragen Sie ihn als baseline ein oder korrigieren Sie das Jahr)"
        ]
    );
    assert_eq!(model(&o.out), model(&old));
}
