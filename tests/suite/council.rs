//! The council profile as councils use it: a Beschlussvorlage, or an
//! Informationsvorlage where the strategy is already adopted; the body named
//! by the municipality's kind and state (or the input); the Beratungsfolge;
//! the financial summary; the climate impact.

use crate::util::*;

/// The council document of `toml` as Markdown.
fn council(toml: &str) -> String {
    let dir = dir_with(&[("s.toml", toml)]);
    let o = run_in(dir.path(), &["build", "s.toml", "--profile", "council", "--format", "md", "-o", "-", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    stdout(&o)
}

fn example(name: &str) -> String {
    council(&std::fs::read_to_string(examples_dir().join(format!("{name}.toml"))).expect("example"))
}

#[test]
fn an_adopted_city_strategy_is_an_informationsvorlage_for_its_gemeinderat() {
    let md = example("ulm");
    assert!(md.contains("title: \"Informationsvorlage: Smart-City-Strategie Ulm – Fortschreibung 2026\""), "{md}");
    assert!(md.contains("- **Vorlage:** Informationsvorlage\n- **Vorlagen-Nr.:** GD 412/26\n- **Federführendes Amt:** Abteilung Digitale Agenda\n- **Beteiligt:** Zentrale Steuerung und Dienste, Finanzen\n"));
    assert!(md.contains("| Hauptausschuss | 10.11.2026 | öffentlich | Vorberatung |\n| Gemeinderat | 25.11.2026 | öffentlich | Kenntnisnahme |"));
    assert!(md.contains(
        "Der Gemeinderat nimmt die am 21.10.2026 beschlossene „Smart-City-Strategie Ulm – Fortschreibung 2026“ in der vorliegenden Fassung (Version 2.0, 27.10.2026) zur Kenntnis."
    ), "{md}");
    assert!(!md.contains("bestätigt"), "nothing to confirm: it is for information");
    // the money a council reads first, then the plan
    assert!(md.contains("| Gesamtkosten | 13.010.000\u{a0}€ |"), "{md}");
    assert!(md.contains(
        "| Haushaltsjahr | 2027 |\n| Haushaltsstelle | Teilhaushalt 1 – Zentrale Steuerung, Produkt 11.24.01 |"
    ));
    assert!(md.contains("## Kosten- und Finanzierungsplan"));
    assert!(md.contains("# Klimarelevanz\n\n- **Klimarelevanz:** ja, positiv\n\nDas Energiemonitoring"), "{md}");
    assert!(md.contains("- Zeitplan der Maßnahmen 2026–2029"), "the input's attachment");
}

#[test]
fn a_draft_of_two_municipalities_is_a_beschlussvorlage_through_both_councils() {
    let md = example("kalletal-lemgo");
    assert!(md.contains("title: \"Beschlussvorlage: Gemeinsame Smart-City-Strategie Kalletal.Lemgo\""));
    assert!(md.contains("| Rat der Gemeinde Kalletal | 15.12.2026 | öffentlich | Entscheidung |\n| Rat der Alten Hansestadt Lemgo | 17.12.2026 | öffentlich | Entscheidung |"));
    // in North Rhine-Westphalia a municipality's council is the Rat
    assert!(
        md.contains(
            "Der Rat beschließt die „Gemeinsame Smart-City-Strategie Kalletal.Lemgo“ in der vorliegenden Fassung"
        ),
        "{md}"
    );
}

#[test]
fn a_district_s_body_is_the_kreistag_in_both_languages() {
    let md = example("myk10");
    assert!(md.contains("| Kreisausschuss | 01.12.2026 | nichtöffentlich | Vorberatung |\n| Kreistag | 14.12.2026 | öffentlich | Entscheidung |"));
    assert!(md.contains("Der Kreistag beschließt"), "{md}");
    assert!(md.contains("- **Klimarelevanz:** nein"));
    let en = example("bitburg-pruem-en");
    assert!(en.contains("title: \"Information for the council: "), "{en}");
    assert!(en.contains("The council (Kreistag) takes note of the “"), "{en}");
    assert!(en.contains("| Kreistag | – | public | For information |"), "without sessions, the body alone");
}

#[test]
fn the_body_follows_kind_and_state_unless_the_input_names_it() {
    let with = |kind: &str, state: &str, extra: &str| {
        council(&format!("[municipality]\nname = \"X\"\nkind = \"{kind}\"\nstate = \"{state}\"\n{extra}"))
    };
    for (kind, state, sentence) in [
        ("city", "Bayern", "Der Stadtrat beschließt"),
        ("municipality", "Bayern", "Der Gemeinderat beschließt"),
        ("city", "Hessen", "Die Stadtverordnetenversammlung beschließt"),
        ("municipality", "Brandenburg", "Die Gemeindevertretung beschließt"),
        ("city", "Niedersachsen", "Der Rat beschließt"),
        ("district", "Sachsen", "Der Kreistag beschließt"),
    ] {
        let md = with(kind, state, "");
        assert!(md.contains(sentence), "{kind} in {state}: {md}");
    }
    let md = with("city", "Schleswig-Holstein", "[council]\nbody = \"Ratsversammlung\"\nkind = \"information\"\n");
    assert!(md.contains("Die Ratsversammlung nimmt die „"), "{md}");
    assert!(md.contains("| Ratsversammlung | – | öffentlich | Kenntnisnahme |"), "{md}");
}

#[test]
fn a_decision_on_an_adopted_strategy_confirms_and_carries_it_forward() {
    let ulm = std::fs::read_to_string(examples_dir().join("ulm.toml")).expect("ulm");
    let md = council(&ulm.replace("[council]\n", "[council]\nkind = \"decision\"\n"));
    assert!(md.contains("title: \"Beschlussvorlage: "));
    assert!(md.contains("Der Gemeinderat bestätigt die am 21.10.2026 beschlossene „Smart-City-Strategie Ulm – Fortschreibung 2026“ in der vorliegenden fortgeschriebenen Fassung"), "{md}");
}

#[test]
fn each_member_council_gets_its_own_document_with_its_share() {
    let text = std::fs::read_to_string(examples_dir().join("kalletal-lemgo.toml")).expect("example");
    let dir = dir_with(&[("kl.toml", &text)]);
    let o = run_in(dir.path(), &["build", "kl.toml", "--profile", "council", "--format", "md,docx", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut files = files_in(&dir.path().join("out"));
    files.sort();
    assert_eq!(
        files,
        [
            "kl.council.docx",
            "kl.council.kalletal.docx",
            "kl.council.kalletal.md",
            "kl.council.lemgo.docx",
            "kl.council.lemgo.md",
            "kl.council.md"
        ]
    );
    let read = |name: &str| std::fs::read_to_string(dir.path().join("out").join(name)).expect("md");
    let (kalletal, lemgo) = (read("kl.council.kalletal.md"), read("kl.council.lemgo.md"));
    assert!(
        kalletal.contains("title: \"Beschlussvorlage: Gemeinsame Smart-City-Strategie Kalletal.Lemgo – Kalletal\"")
    );
    assert!(
        kalletal
            .contains("Der Rat der Gemeinde Kalletal beschließt die „Gemeinsame Smart-City-Strategie Kalletal.Lemgo“")
    );
    assert!(lemgo.contains("Der Rat der Alten Hansestadt Lemgo beschließt"), "{lemgo}");
    // each lists its own bodies only
    assert!(
        kalletal.contains("| Rat der Gemeinde Kalletal |") && !kalletal.contains("| Rat der Alten Hansestadt Lemgo |")
    );
    // the members' parts add up to the plan's totals, to the euro
    let money = |md: &str, label: &str| -> u64 {
        let line = md.lines().find(|l| l.starts_with(&format!("| {label}"))).unwrap_or_else(|| panic!("no {label}"));
        line.rsplit('|')
            .nth(1)
            .expect("cell")
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("euros")
    };
    let main = read("kl.council.md");
    let total = money(&main, "Gesamtkosten |");
    assert_eq!(
        money(&kalletal, "Gesamtkosten: Anteil Kalletal (35\u{a0}%)")
            + money(&lemgo, "Gesamtkosten: Anteil Lemgo (65\u{a0}%)"),
        total
    );
    let own = money(&main, "Eigenanteil (übrige Kosten) |");
    assert_eq!(
        money(&kalletal, "Eigenanteil (übrige Kosten): Anteil Kalletal")
            + money(&lemgo, "Eigenanteil (übrige Kosten): Anteil Lemgo"),
        own
    );
    assert!(kalletal.contains("Der Anteil von Kalletal beträgt 35\u{a0}% der Kosten, das sind "), "{kalletal}");
}

#[test]
fn shares_must_name_members_and_add_up_to_100_percent() {
    let text = std::fs::read_to_string(examples_dir().join("kalletal-lemgo.toml"))
        .expect("example")
        .replace("shares = { Kalletal = 35, Lemgo = 65 }", "shares = { Kaltal = 35, Lemgo = 55 }");
    let dir = dir_with(&[("kl.toml", &text)]);
    let o = run_in(dir.path(), &["check", "kl.toml"]);
    assert_eq!(code(&o), 1);
    let shown = stderr(&o) + &stdout(&o);
    for expected in [
        "error[unknown-member]: `council.shares.Kaltal` names \"Kaltal\", which is not in municipality.members",
        "help: the members are: Kalletal, Lemgo; write the name as it stands there, or add it to members",
        "error[shares-not-100]: the members' shares add up to 90 %, not 100 %",
    ] {
        assert!(shown.contains(expected), "{expected:?} not in:\n{shown}");
    }
}
