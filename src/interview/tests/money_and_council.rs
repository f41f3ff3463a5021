//! The questions on a measure's money and on the council document.

use super::*;
use crate::model::{ClimateImpact, CouncilKind, FundingKind, SessionRole};

/// A new strategy with one field of action and one measure, its money
/// answered by `money` (after the years).
fn one_measure(money: Vec<(&'static str, A)>) -> (tempfile::TempDir, Options, Script) {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut answers = vec![
        ("Name der Kommune", A::Type("Musterstadt")),
        ("| Handlungsfelder", A::Picks(vec![0])),
        ("Maßnahme in", A::Yes),
        ("Titel", A::Type("Mobilitätsstationen")),
        ("Beginn", A::Type("2027")),
        ("Ende", A::Type("2028")),
    ];
    answers.extend(money);
    let mut script = Script::new(answers);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    (dir, o, script)
}

#[test]
fn costs_by_year_sources_follow_up_costs_and_staff_are_asked_and_checked() {
    let (_dir, o, script) = one_measure(vec![
        ("Kosten je Jahr", A::Type("2026: 50.000")),
        ("Kosten je Jahr", A::Type("2027: 120.000; 2028: 80.000")),
        ("Eine Finanzierungsquelle", A::Yes),
        ("Quelle (z. B.", A::Type("MPSC (KfW 436)")),
        ("Art der Mittel", A::Pick(0)),
        ("Betrag in Euro oder Anteil", A::Type("250.000")),
        ("Betrag in Euro oder Anteil", A::Type("65 %")),
        ("Finanzierungsquelle: Eintrag öffnen", A::Pick(1)),
        ("Quelle (z. B.", A::Type("Haushalt der Stadt")),
        ("Art der Mittel", A::Pick(1)),
        ("Betrag in Euro oder Anteil", A::Type("70.000")),
        ("Folgekosten je Jahr", A::Type("2029: 40.000; 2030: 40.000")),
        ("Personal in Vollzeitstellen", A::Type("1,5")),
        ("Haushaltsstelle", A::Type("1.11.02 / 4711")),
    ]);
    assert_eq!(
        script.rejected,
        [
            "„Kosten je Jahr in Euro“ nennt Kosten im Jahr 2026, außerhalb der Laufzeit 2027–2028 (verlegen Sie die Kosten in die Jahre 2027–2028 oder passen Sie Beginn und Ende der Maßnahme an)",
            "Die Quellen der Maßnahme „M1“ geben 250.000 €, mehr als ihre Kosten von 200.000 € (senken Sie einen Betrag oder Anteil oder erhöhen Sie die Kosten; Fördermittel und Drittmittel dürfen die Kosten nicht übersteigen)",
        ]
    );
    assert!(script.said.iter().any(|l| l == "Budget: 200.000 € (Summe der Jahre)"), "{:?}", script.said);
    let c = checked(&o.out);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    let m = &c.strategy.expect("model").measures[0];
    let years = |pairs: &[(&str, u64)]| pairs.iter().map(|(y, e)| (y.to_string(), *e)).collect();
    assert_eq!(m.costs_eur, years(&[("2027", 120_000), ("2028", 80_000)]));
    assert_eq!(m.budget_eur, Some(200_000), "the budget is the sum of the years");
    let sources: Vec<_> =
        m.financing.iter().map(|f| (f.source.as_str(), f.kind, f.amount_eur, f.share_percent)).collect();
    assert_eq!(
        sources,
        [
            ("MPSC (KfW 436)", FundingKind::Grant, None, Some(65.0)),
            ("Haushalt der Stadt", FundingKind::Own, Some(70_000), None)
        ]
    );
    assert_eq!(m.follow_up_eur, years(&[("2029", 40_000), ("2030", 40_000)]));
    assert_eq!((m.staff_fte, m.budget_line.as_deref()), (Some(1.5), Some("1.11.02 / 4711")));
    assert_eq!(m.funding, None, "a new measure is not asked for free text");
}

#[test]
fn a_total_without_years_is_asked_as_before_and_a_source_left_unnamed_is_not_kept() {
    let (_dir, o, script) = one_measure(vec![
        ("Budget in Euro", A::Type("1,5 Mio")),
        ("Eine Finanzierungsquelle", A::Yes),
        ("Quelle (z. B.", A::Enter),
    ]);
    assert!(script.rejected.is_empty(), "{:?}", script.rejected);
    let m = &checked(&o.out).strategy.expect("model").measures[0];
    assert_eq!((m.budget_eur, m.costs_eur.len(), m.financing.len()), (Some(1_500_000), 0, 0));
}

#[test]
fn a_cancelled_measure_is_asked_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("myk10", &old);
    let o = options(&dir, Some(old.clone()));
    let mut script = Script::new(vec![
        ("Welcher Abschnitt?", A::Pick(flow::steps().len())),
        ("Welche Maßnahme?", A::Pick(1)),
        ("Was ändern?", A::Enter),
        ("Stand der Umsetzung", A::Pick(5)),
        ("Warum wurde die Maßnahme eingestellt?", A::Type("Kein Bedarf mehr nach der Befragung 2027")),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    let m = &checked(&o.out).strategy.expect("model").measures[1];
    assert_eq!(m.status, Some(crate::model::MeasureStatus::Cancelled));
    assert_eq!(m.status_reason.as_deref(), Some("Kein Bedarf mehr nach der Befragung 2027"));
}

#[test]
fn the_council_documents_facts_are_asked_after_the_checklist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let production = flow::steps().len() - 1;
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Kalletal und Lemgo")),
        ("Art", A::Pick(4)),
        ("Bundesland", A::Pick(10)),
        ("Mitgliedskommunen", A::Type("Kalletal, Lemgo")),
        ("Welcher Abschnitt?", A::Pick(production)),
        ("Angaben für die Ratsvorlage", A::Yes),
        ("Vorlagen-Nr.", A::Type("V 12/2027")),
        ("Art der Vorlage", A::Pick(1)),
        ("Federführendes Amt", A::Type("Stabsstelle Digitalisierung")),
        ("Beteiligte Ämter", A::Type("Kämmerei, Bauamt")),
        ("Eine Sitzung der Beratungsfolge", A::Yes),
        ("Gremium (z. B.", A::Type("Rat der Gemeinde Kalletal")),
        ("Sitzungsdatum", A::Type("12.03.2027")),
        ("Zuständigkeit", A::Pick(2)),
        ("Gremium welcher Mitgliedskommune", A::Pick(1)),
        ("Sitzung: Eintrag öffnen", A::Pick(1)),
        ("Gremium (z. B.", A::Type("Rat der Alten Hansestadt Lemgo")),
        ("Sitzungsdatum", A::Type("2027-03-19")),
        ("Öffentliche Sitzung", A::No),
        ("Zuständigkeit", A::Pick(2)),
        ("Gremium welcher Mitgliedskommune", A::Pick(2)),
        ("Haushaltsjahr", A::Type("2027")),
        ("Haushaltsstelle", A::Type("01.11.01")),
        ("Klimarelevanz", A::Pick(1)),
        ("Begründung der Klimarelevanz", A::Type("Weniger Wege ins Rathaus")),
        ("Weitere Anlagen", A::Type("Finanzplan, Stellungnahme des Beirats")),
        ("Anteile der Mitglieder", A::Type("Kalletal: 45; Lemgo: 50")),
        ("Anteile der Mitglieder", A::Type("Kalletal: 45; Lemgo: 55")),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len())),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(
        script.rejected,
        [
            "Die Anteile der Mitglieder ergeben 95 %, nicht 100 % (verteilen Sie die Kosten vollständig auf die Mitglieder, zusammen 100 %)"
        ]
    );
    // the default body is named in the question, as the document will name it
    assert!(
        script.asked.iter().any(|q| q.starts_with("Gremium, das entscheidet (ohne Angabe: „Rat“)")),
        "{:?}",
        script.asked
    );
    assert!(
        script.asked.iter().any(|q| q == "Anteile der Mitglieder an den Kosten in % (z. B. Kalletal: 50; Lemgo: 50)"),
        "{:?}",
        script.asked
    );
    let c = checked(&o.out);
    assert_eq!(c.errors(), 0, "{}", c.render(false));
    let council = c.strategy.expect("model").council;
    assert_eq!(
        (council.number.as_deref(), council.kind, council.body),
        (Some("V 12/2027"), Some(CouncilKind::Decision), None)
    );
    assert_eq!(council.involved, ["Kämmerei", "Bauamt"]);
    let sessions: Vec<_> = council
        .sessions
        .iter()
        .map(|s| (s.body.as_str(), s.date.map(|d| d.to_string()), s.public, s.role, s.member.as_deref()))
        .collect();
    assert_eq!(
        sessions,
        [
            (
                "Rat der Gemeinde Kalletal",
                Some("2027-03-12".to_string()),
                true,
                Some(SessionRole::Decision),
                Some("Kalletal")
            ),
            (
                "Rat der Alten Hansestadt Lemgo",
                Some("2027-03-19".to_string()),
                false,
                Some(SessionRole::Decision),
                Some("Lemgo")
            ),
        ]
    );
    assert_eq!((council.budget_year, council.budget_line.as_deref()), (Some(2027), Some("01.11.01")));
    assert_eq!(
        (council.climate, council.climate_reason.as_deref()),
        (Some(ClimateImpact::Positive), Some("Weniger Wege ins Rathaus"))
    );
    assert_eq!(council.attachments, ["Finanzplan", "Stellungnahme des Beirats"]);
    assert_eq!(council.shares.get("Lemgo"), Some(&55.0));
}

#[test]
fn without_council_facts_one_question_is_asked_and_nothing_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = options(&dir, None);
    let mut script = Script::new(vec![
        ("Name der Kommune", A::Type("Testhausen")),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() - 1)),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len())),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.asked.iter().any(|q| q.starts_with("Angaben für die Ratsvorlage")), "{:?}", script.asked);
    assert!(!script.asked.iter().any(|q| q.starts_with("Vorlagen-Nr.")), "{:?}", script.asked);
    assert!(!std::fs::read_to_string(&o.out).expect("read").contains("[council]"));
}

#[test]
fn amounts_by_year_shares_and_amount_or_share_read_as_typed() {
    use crate::interview::parse::{AmountOrShare, parse_amount_or_share, parse_by_year, parse_shares, show_by_year};
    use crate::model::Lang;
    let by_year = parse_by_year("2027: 120.000; 2028 = 1,5 Mio", Lang::De).expect("read");
    assert_eq!(show_by_year(&by_year, Lang::De), "2027: 120.000; 2028: 1.500.000");
    assert_eq!(parse_by_year("2027: 1.000, 2028: 2.000", Lang::De).map(|m| m.len()), Ok(2));
    assert_eq!(
        parse_by_year("2027", Lang::De),
        Err("„2027“ ist keine Liste von Jahren mit Beträgen (z. B. 2027: 120.000; 2028: 80.000)".to_string())
    );
    assert_eq!(
        parse_by_year("2027: 1; 2027: 2", Lang::En),
        Err("2027 is given twice; please name each year once".to_string())
    );
    let shares = parse_shares("Kalletal 45 %, Lemgo: 55", Lang::De, "x").expect("read");
    assert_eq!(shares.get("Kalletal"), Some(&45.0));
    assert_eq!(parse_amount_or_share("65 %", Lang::De), Ok(AmountOrShare::Share(65.0)));
    assert_eq!(parse_amount_or_share("12,5%", Lang::De), Ok(AmountOrShare::Share(12.5)));
    assert_eq!(parse_amount_or_share("450 T€", Lang::De), Ok(AmountOrShare::Amount(450_000)));
    assert_eq!(
        parse_amount_or_share("viel", Lang::De),
        Err("„viel“ ist weder ein Betrag noch ein Anteil (z. B. 120.000 oder 65 %)".to_string())
    );
}

#[test]
fn a_source_cut_short_outside_a_section_is_not_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("myk10", &old);
    let o = options(&dir, Some(old.clone()));
    // the list shows the sources, then "new"
    let sources = checked(&old).strategy.expect("model").measures[0].financing.len();
    assert!(sources > 0, "myk10's first measure has sources");
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::No),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len())),
        ("Welche Maßnahme?", A::Pick(0)),
        ("Was ändern?", A::Pick(4)),
        ("Finanzierungsquelle: Eintrag öffnen", A::Pick(sources)),
        ("Quelle (z. B.", A::Type("Sponsor")),
        ("Art der Mittel", A::Back),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(model(&o.out), model(&old));
}

#[test]
fn a_member_with_a_share_cannot_be_removed_from_the_members() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.toml");
    write_example("kalletal-lemgo", &old);
    let o = options(&dir, Some(old.clone()));
    let mut script = Script::new(vec![
        ("Jährliche Aktualisierung", A::No),
        ("Welcher Abschnitt?", A::Pick(0)),
        ("Mitgliedskommunen", A::Type("Kalletal")),
        ("Mitgliedskommunen", A::Enter),
        ("Welcher Abschnitt?", A::Pick(flow::steps().len() + 1)),
    ]);
    assert_eq!(interview(&mut script, &o).expect("interview"), Ending::Written);
    assert!(script.answers.is_empty(), "unused answers: {:?}", script.answers);
    assert_eq!(script.rejected.len(), 1, "{:?}", script.rejected);
    assert!(script.rejected[0].contains("Lemgo"), "{:?}", script.rejected);
    assert_eq!(model(&o.out), model(&old));
}

#[test]
fn amounts_by_year_read_back_as_shown_in_english_too() {
    use crate::interview::parse::{parse_by_year, show_by_year};
    use crate::model::Lang;
    let by_year = parse_by_year("2027: 120000; 2028: 80000", Lang::En).expect("read");
    assert_eq!(show_by_year(&by_year, Lang::En), "2027: 120000; 2028: 80000");
    assert_eq!(parse_by_year(&show_by_year(&by_year, Lang::En), Lang::En), Ok(by_year.clone()));
    assert_eq!(parse_by_year(&show_by_year(&by_year, Lang::De), Lang::De), Ok(by_year));
}
