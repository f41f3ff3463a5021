//! What changed between two versions of a strategy: the change log of a
//! review, as a [`Document`] that every renderer can write. Compares the
//! validated models, not the text, so reordering keys or reformatting the
//! file is no change.

mod compare;

use compare::{Changes, Entries, arrow, by_id, field_changes, goal_changes, kinds, measure_changes, opt};

use crate::catalogue::Catalogue;
use crate::context::{Block, Document, Fact, ListItem, Meta};
use crate::figures::Figures;
use crate::i18n::{Labels, date, fill, money};
use crate::model::{Date, Field, Goal, Lang, Measure, Strategy};

/// Which strategies a change log compares, and how it names them.
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    /// The earlier version.
    pub old: &'a Strategy,
    /// The later version.
    pub new: &'a Strategy,
    /// How the earlier version is named (its file).
    pub old_name: &'a str,
    /// How the later version is named (its file).
    pub new_name: &'a str,
}

/// One section of the change log: a heading, an anchor and its entries.
struct Part {
    heading: String,
    anchor: &'static str,
    items: Vec<ListItem>,
}

/// The change log from `versions.old` to `versions.new`, in `lang` with the
/// words of `labels`: a heading and a list per part that changed.
pub fn document(versions: Versions<'_>, lang: Lang, labels: &Labels) -> Document {
    let (old, new) = (versions.old, versions.new);
    let parts = [
        document_part(old, new, lang, labels),
        goals_part(old, new, lang, labels),
        fields_part(old, new, lang, labels),
        measures_part(old, new, lang, labels),
        budget_part(old, new, lang, labels),
        texts_part(old, new, lang, labels),
    ];
    let mut blocks = Vec::new();
    for part in parts.into_iter().filter(|p| !p.items.is_empty()) {
        blocks.push(Block::Heading { level: 1, text: part.heading, anchor: part.anchor.to_string() });
        blocks.push(Block::List { items: part.items });
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph { text: labels.no_changes.clone() });
    }
    Document::new(meta(versions, lang, labels), blocks, labels)
}

/// The change log's title and facts: the municipality, both versions.
fn meta(versions: Versions<'_>, lang: Lang, labels: &Labels) -> Meta {
    let municipality = versions.new.municipality.name.trim().to_string();
    let title = fill(&labels.changes_title, &[("old", versions.old_name), ("new", versions.new_name)]);
    Meta {
        title,
        subtitle: None,
        authors: vec![municipality.clone()],
        facts: vec![Fact { label: labels.municipality.clone(), value: municipality.clone() }],
        municipality,
        date: None,
        date_iso: None,
        lang: lang.code(),
        lang_tag: lang.tag(),
        version: None,
        status: None,
        profile: "changes",
    }
}

/// When the strategy is to be reviewed next, as its title page says.
fn next_review(s: &Strategy) -> Option<Date> {
    let base = s.document.adopted_on.or(s.document.date.as_ref().map(|d| *d))?;
    Some(base.add_months(s.document.review_months?))
}

fn item(text: String) -> ListItem {
    ListItem { text, level: 0 }
}

/// The document's own facts: title, version, status, dates, next review.
fn document_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let facts = |s: &Strategy| {
        [
            opt(s.document.title.clone()),
            opt(s.document.version.clone()),
            opt(s.document.status.map(|x| l.doc_status(x))),
            opt(s.document.date.as_ref().map(|d| date(lang, *d))),
            opt(s.document.adopted_on.map(|d| date(lang, d))),
            opt(next_review(s).map(|d| date(lang, d))),
        ]
    };
    let names = [&l.title, &l.version, &l.status, &l.date, &l.adopted_on, &l.next_review];
    let items = names
        .iter()
        .zip(facts(old))
        .zip(facts(new))
        .filter(|((_, a), b)| a != b)
        .map(|((name, a), b)| item(format!("{name}: {}", arrow(&a, &b))))
        .collect();
    Part { heading: l.document.clone(), anchor: "document", items }
}

fn goals_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let og: Vec<&Goal> = old.goals.iter().collect();
    let ng: Vec<&Goal> = new.goals.iter().collect();
    let e = Entries {
        kinds: kinds(l),
        id: |g: &Goal| g.id.clone(),
        title: |g: &Goal| g.title.clone().unwrap_or_default(),
        added: |_: &Goal| Vec::new(),
        changes: |a: &Goal, b: &Goal| goal_changes(a, b, lang, l),
    };
    Part { heading: l.goals.clone(), anchor: "goals", items: by_id(&og, &ng, &e) }
}

fn fields_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let catalogue = Catalogue::get();
    let of: Vec<&Field> = old.fields.iter().collect();
    let nf: Vec<&Field> = new.fields.iter().collect();
    let e = Entries {
        kinds: kinds(l),
        id: |f: &Field| f.id.clone(),
        title: |f: &Field| {
            let id = &f.id;
            let common = || catalogue.common_field(id).map_or(id.clone(), |c| c.title(lang).to_string());
            f.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(common)
        },
        added: |_: &Field| Vec::new(),
        changes: |a: &Field, b: &Field| Changes::from(field_changes(a, b, l)),
    };
    Part { heading: l.fields.clone(), anchor: "fields", items: by_id(&of, &nf, &e) }
}

fn measures_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let om: Vec<&Measure> = old.measures.iter().collect();
    let nm: Vec<&Measure> = new.measures.iter().collect();
    let e = Entries {
        kinds: kinds(l),
        id: |m: &Measure| m.id.clone(),
        title: |m: &Measure| m.title.clone().unwrap_or_default(),
        added: |_: &Measure| Vec::new(),
        changes: |a: &Measure, b: &Measure| Changes::from(measure_changes(a, b, lang, l)),
    };
    Part { heading: l.measures.clone(), anchor: "measures", items: by_id(&om, &nm, &e) }
}

/// The total budget, old → new, with the difference.
fn budget_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let (before, after) = (Figures::of(old).budget_total, Figures::of(new).budget_total);
    let mut items = Vec::new();
    if before != after {
        let delta = i128::from(after) - i128::from(before);
        let sign = if delta < 0 { "−" } else { "+" };
        let abs = u64::try_from(delta.unsigned_abs()).unwrap_or(u64::MAX);
        let change = arrow(&money(lang, before), &money(lang, after));
        items.push(item(format!("{}: {change} ({sign}{})", l.change_budget_total, money(lang, abs))));
    }
    Part { heading: l.budget.clone(), anchor: "budget", items }
}

/// The outline's free texts that were written, removed or revised.
fn texts_part(old: &Strategy, new: &Strategy, lang: Lang, l: &Labels) -> Part {
    let mut items = Vec::new();
    for entry in &Catalogue::get().items {
        let what = match (old.text.get(&entry.id), new.text.get(&entry.id)) {
            (None, Some(_)) => &l.change_written,
            (Some(_), None) => &l.change_deleted,
            (Some(a), Some(b)) if a != b => &l.change_revised,
            _ => continue,
        };
        items.push(item(format!("{} ({}): {what}", entry.title(lang), entry.id)));
    }
    Part { heading: l.free_texts.clone(), anchor: "texts", items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckOptions, Checked};
    use crate::templates::TemplateSet;

    const ULM: &str = include_str!("../../examples/ulm.toml");

    fn strategy(name: &str, source: &str) -> Strategy {
        let c = Checked::from_source(name, source.to_string(), CheckOptions::default());
        c.valid().cloned().unwrap_or_else(|| panic!("{name} is valid:\n{}", c.render(false)))
    }

    /// The change log from the Ulm example to the same with each `(from, to)`
    /// replaced once, in `lang`: its list items as lines, `- ` and two
    /// spaces per level before each.
    fn changes(edits: &[(&str, &str)], lang: Lang) -> String {
        let mut new = ULM.to_string();
        for (from, to) in edits {
            assert!(new.contains(from), "the example has no {from:?}");
            new = new.replacen(from, to, 1);
        }
        let (old, new) = (strategy("old.toml", ULM), strategy("new.toml", &new));
        let versions = Versions { old: &old, new: &new, old_name: "old.toml", new_name: "new.toml" };
        let labels = TemplateSet::builtin().labels().get(lang).clone();
        let mut out = String::new();
        for block in document(versions, lang, &labels).blocks {
            if let Block::List { items } = block {
                for item in items {
                    out.push_str(&format!("{}- {}\n", "  ".repeat(item.level), item.text));
                }
            }
        }
        out
    }

    /// Asserts that `md` has each of `lines` as a whole line.
    #[track_caller]
    fn has_lines(md: &str, lines: &[&str]) {
        for line in lines {
            assert!(md.lines().any(|l| l == *line), "no line {line:?} in:\n{md}");
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let edits =
            [("date = 2026-10-27", "date = 2027-01-15"), ("adopted_on = 2026-10-21", "adopted_on = 2027-01-05")];
        has_lines(
            &changes(&edits, Lang::De),
            &["- Datum: 27.10.2026 → 15.01.2027", "- Beschlossen am: 21.10.2026 → 05.01.2027"],
        );
        has_lines(
            &changes(&edits, Lang::En),
            &["- Date: 27 October 2026 → 15 January 2027", "- Adopted on: 21 October 2026 → 5 January 2027"],
        );
    }

    /// The Ulm example with one indicator's baseline and target changed, the
    /// target year of another moved, one indicator added and one removed.
    const INDICATOR_EDITS: [(&str, &str); 4] = [
        (
            "  baseline = 48.0\n  baseline_year = 2022\n  target = 75.0",
            "  baseline = 48.5\n  baseline_year = 2022\n  target = 80.0",
        ),
        ("  target = 2500.0\n  target_year = 2028", "  target = 2500.0\n  target_year = 2029"),
        (
            "  [[goals.indicators]]\n  name = \"Datensätze im Open-Data-Portal\"",
            "  [[goals.indicators]]\n  name = \"Offene Schnittstellen\"\n  unit = \"APIs\"\n  target = 1200.0\n  target_year = 2028\n\n  [[goals.indicators]]\n  name = \"Datensätze im Open-Data-Portal\"",
        ),
        (
            "  [[goals.indicators]]\n  name = \"Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen\"",
            "  [[goals.indicators]]\n  name = \"Befragte ab 65 Jahren\"",
        ),
    ];

    #[test]
    fn indicators_show_what_changed_with_units_and_years() {
        let md = changes(&INDICATOR_EDITS, Lang::De);
        has_lines(
            &md,
            &[
                "- geändert: Z1 Den digitalen Wandel gemeinwohlorientiert und souverän gestalten",
                "  - Indikator geändert: Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten: Ausgangswert 48 % → 48,5 % (2022); Zielwert 75 % → 80 % (2030)",
                "- geändert: Z1.1 Alle Ulmerinnen und Ulmer können digital teilhaben",
                "  - Indikator geändert: Beratungen durch Digitalmentorinnen und -mentoren: Zielwert 2.500 Beratungen pro Jahr (2028) → 2.500 Beratungen pro Jahr (2029)",
                "  - neuer Indikator: Befragte ab 65 Jahren: Ausgangswert 52 % (2022); Zielwert 70 % (2030)",
                "  - Indikator entfallen: Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen",
                "  - neuer Indikator: Offene Schnittstellen: Zielwert 1.200 APIs (2028)",
            ],
        );
        assert!(!md.contains("Indikatoren geändert"), "{md}");
        has_lines(
            &changes(&INDICATOR_EDITS, Lang::En),
            &[
                "  - indicator changed: Anteil der Befragten, die digitale Angebote der Stadt als hilfreich bewerten: Baseline 48 % → 48.5 % (2022); Target 75 % → 80 % (2030)",
                "  - indicator changed: Beratungen durch Digitalmentorinnen und -mentoren: Target 2,500 Beratungen pro Jahr (2028) → 2,500 Beratungen pro Jahr (2029)",
                "  - new indicator: Offene Schnittstellen: Target 1,200 APIs (2028)",
                "  - indicator removed: Befragte ab 65 Jahren, die sich im Umgang mit dem Internet sicher fühlen",
            ],
        );
    }

    /// Edits to the Ulm example a review makes besides indicators.
    const REVIEW_EDITS: [(&str, &str); 8] = [
        ("review_months = 24", "review_months = 12"),
        (
            "derived_from = \"Smart-City-Strategie 2021, Smart City Charta\"\ncross_sector = true",
            "derived_from = \"Smart-City-Strategie 2021\"\ncross_sector = false",
        ),
        ("Digitalisierung dient dem Gemeinwohl", "Digitalisierung dient allen"),
        ("title = \"Mobilität\"", "title = \"Mobilität und Verkehr\""),
        ("goals = [\"Z2.1\", \"Z2\"]", "goals = [\"Z2.1\"]"),
        (
            "partners = [\"SWU Verkehr\", \"Donau-Iller-Nahverkehrsverbund (DING)\", \"Sharing-Anbieter\"]",
            "partners = [\"SWU Verkehr\", \"Donau-Iller-Nahverkehrsverbund (DING)\"]",
        ),
        ("sdgs = [11, 9, 13]", "sdgs = [11, 9]"),
        ("braucht heute mehrere Apps", "braucht heute drei Apps"),
    ];

    #[test]
    fn goals_fields_and_measures_show_old_and_new_values() {
        has_lines(
            &changes(&REVIEW_EDITS, Lang::De),
            &[
                "- Nächste Fortschreibung: 21.10.2028 → 21.10.2027",
                "- geändert: Z1 Den digitalen Wandel gemeinwohlorientiert und souverän gestalten: Herleitung Smart-City-Strategie 2021, Smart City Charta → Smart-City-Strategie 2021; Sektorübergreifend ja → nein; überarbeitet: Beschreibung",
                "- geändert: mobility Mobilität und Verkehr: Titel Mobilität → Mobilität und Verkehr; Ziele Z2.1, Z2 → Z2.1",
                "- geändert: MOB-01 Vernetzte Mobilitätsplattform: Partner SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING), Sharing-Anbieter → SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING); SDGs 11, 9, 13 → 11, 9; überarbeitet: Bedarf",
            ],
        );
        has_lines(
            &changes(&REVIEW_EDITS, Lang::En),
            &[
                "- Next review: 21 October 2028 → 21 October 2027",
                "- changed: Z1 Den digitalen Wandel gemeinwohlorientiert und souverän gestalten: Derivation Smart-City-Strategie 2021, Smart City Charta → Smart-City-Strategie 2021; Cross-sector yes → no; revised: Description",
                "- changed: MOB-01 Vernetzte Mobilitätsplattform: Partners SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING), Sharing-Anbieter → SWU Verkehr, Donau-Iller-Nahverkehrsverbund (DING); SDGs 11, 9, 13 → 11, 9; revised: Needs",
            ],
        );
    }
}
