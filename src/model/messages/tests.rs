//! Every message renders in both languages.

use super::*;
use std::collections::BTreeSet;

/// The variant's name, from its Debug form (`MeasurePeriod { .. }` → `MeasurePeriod`).
fn variant(m: &Message) -> String {
    format!("{m:?}").split([' ', '{', '(']).next().unwrap_or_default().to_string()
}

/// `Message::Name` as the model code writes it, in each file that creates diagnostics.
fn used_variants() -> BTreeSet<String> {
    let sources = [include_str!("../validate.rs"), include_str!("../load.rs"), include_str!("../../cmd/check.rs")];
    let mut out = BTreeSet::new();
    for source in sources {
        for (at, _) in source.match_indices("Message::") {
            let name: String =
                source[at + "Message::".len()..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_diagnostic_the_model_creates_has_a_german_text() {
    let examples = Message::examples();
    let have: BTreeSet<String> = examples.iter().map(variant).collect();
    let used = used_variants();
    assert!(used.len() >= 25, "the scan finds the variants in use: {used:?}");
    let missing: Vec<&String> = used.difference(&have).collect();
    assert!(missing.is_empty(), "no example (and so no checked German text) for {missing:?}");
    for m in &examples {
        for subject in [Subject::Path("goals[0].indicators[0].target_year"), Subject::Label("Zieljahr")] {
            let (en, en_help) = m.render(Lang::En, subject);
            let (de, de_help) = m.render(Lang::De, subject);
            assert!(!de.trim().is_empty(), "{}: empty German message", m.code());
            assert_ne!(de, en, "{}: the German message is the English one", m.code());
            assert_eq!(de_help.is_some(), en_help.is_some(), "{}: help in one language only", m.code());
            if let (Some(de), Some(en)) = (&de_help, &en_help) {
                assert_ne!(de, en, "{}: the German help is the English one", m.code());
            }
            if let Subject::Label(_) = subject {
                for text in [Some(&de), Some(&en), de_help.as_ref(), en_help.as_ref()].into_iter().flatten() {
                    assert!(!text.contains("[0]"), "{}: a key path in the interview's words: {text}", m.code());
                }
            }
        }
    }
}

#[test]
fn every_code_has_an_example() {
    let codes: BTreeSet<&str> = Message::examples().iter().map(Message::code).collect();
    for code in [
        "value-before-baseline",
        "value-after-target",
        "duplicate-year",
        "progress-before-start",
        "missing-value",
        "toml-syntax",
        "invalid-input",
        "unreadable-file",
        "not-toml",
        "invalid-type",
        "invalid-value",
        "out-of-range",
        "unknown-key",
        "missing-key",
        "invalid-period",
        "invalid-id",
        "duplicate-id",
        "id-case-clash",
        "unresolved-reference",
        "goal-cycle",
        "goal-without-indicator",
        "measure-without-goal",
        "measure-field-mismatch",
        "measure-without-lead",
        "measure-without-budget",
        "measure-without-priority",
        "field-without-measures",
        "no-quick-win",
        "no-vision",
        "no-politics-actor",
        "unknown-state",
        "low-coverage",
        "no-review-date",
        "review-date-past",
    ] {
        assert!(codes.contains(code), "{code}");
    }
}

#[test]
fn german_words_for_the_interview() {
    let (m, h) = Message::MeasurePeriod { id: "M1".into(), start: 2028, end: 2026 }
        .render(Lang::De, Subject::Label("Ende (Jahr)"));
    assert_eq!(m, "Maßnahme „M1“ endet 2026, bevor sie 2028 beginnt");
    assert_eq!(h.as_deref(), Some("das Ende muss im Jahr des Beginns oder später liegen"));
    let year = Message::IntegerOutOfRange { bound: Bound::Year(1990, 2100), found: "20300".into() };
    assert_eq!(
        year.render(Lang::De, Subject::Label("Zieljahr")).0,
        "„Zieljahr“ muss ein Jahr zwischen 1990 und 2100 sein, nicht 20300"
    );
    assert_eq!(
        year.render(Lang::En, Subject::Path("goals[0].indicators[0].target_year")).0,
        "`goals[0].indicators[0].target_year` must be a year between 1990 and 2100, found 20300"
    );
    assert_eq!(
        year.render(Lang::En, Subject::Label("Target year")).0,
        "\"Target year\" must be a year between 1990 and 2100, found 20300"
    );
}
