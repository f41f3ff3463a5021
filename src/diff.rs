//! What changed between two versions of a strategy: the change log of a
//! review, as Markdown. Compares the validated models, not the text, so
//! reordering keys or reformatting the file is no change.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalogue::{Catalogue, pick};
use crate::figures::Figures;
use crate::i18n::{Labels, date, money};
use crate::model::{Goal, Lang, Measure, Strategy};
use crate::render::markdown::escape_inline;
use crate::templates::TemplateSet;

/// One section of the change log: a heading and its lines.
#[derive(Debug, Default)]
struct Part {
    heading: &'static str,
    lines: Vec<String>,
}

/// `a → b` for display, with `–` for nothing.
fn arrow(a: &str, b: &str) -> String {
    let show = |s: &str| if s.is_empty() { "–".to_string() } else { escape_inline(s) };
    format!("{} → {}", show(a), show(b))
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One entry of a list: `- new: **M1** Title`.
fn entry(kind: &str, id: &str, title: &str) -> String {
    format!("- {kind} **{}** {}", escape_inline(id), escape_inline(title))
}

/// Compares entries with ids: added, removed, and changed ones (via `changes`).
fn by_id<'a, T>(
    old: &'a [&'a T],
    new: &'a [&'a T],
    id: impl Fn(&T) -> String,
    title: impl Fn(&T) -> String,
    changes: impl Fn(&T, &T) -> Vec<String>,
    lang: Lang,
) -> Vec<String> {
    let t = |de, en| pick(lang, de, en);
    let old_ids: BTreeMap<String, &T> = old.iter().map(|x| (id(x), *x)).collect();
    let new_ids: BTreeMap<String, &T> = new.iter().map(|x| (id(x), *x)).collect();
    let mut lines = Vec::new();
    for x in new {
        let key = id(x);
        match old_ids.get(&key) {
            None => lines.push(entry(t("neu:", "new:"), &key, &title(x))),
            Some(before) => {
                let c = changes(before, x);
                if !c.is_empty() {
                    lines.push(format!("{}: {}", entry(t("geändert:", "changed:"), &key, &title(x)), c.join("; ")));
                }
            }
        }
    }
    for x in old {
        if !new_ids.contains_key(&id(x)) {
            lines.push(entry(t("entfallen:", "removed:"), &id(x), &title(x)));
        }
    }
    lines
}

fn field_change(lines: &mut Vec<String>, name: &str, a: String, b: String) {
    if a != b {
        lines.push(format!("{name} {}", arrow(&a, &b)));
    }
}

fn goal_changes(a: &Goal, b: &Goal, lang: Lang) -> Vec<String> {
    let t = |de, en| pick(lang, de, en);
    let mut c = Vec::new();
    field_change(&mut c, t("Titel", "title"), opt(a.title.clone()), opt(b.title.clone()));
    field_change(
        &mut c,
        t("Oberziel", "parent"),
        opt(a.parent.as_ref().map(|p| p.get_ref().clone())),
        opt(b.parent.as_ref().map(|p| p.get_ref().clone())),
    );
    let ind = |g: &Goal| serde_json::to_string(&g.indicators).unwrap_or_default();
    if ind(a) != ind(b) {
        c.push(t("Indikatoren geändert", "indicators changed").to_string());
    }
    c
}

fn measure_changes(a: &Measure, b: &Measure, lang: Lang, l: &Labels) -> Vec<String> {
    let t = |de, en| pick(lang, de, en);
    let mut c = Vec::new();
    field_change(&mut c, t("Titel", "title"), opt(a.title.clone()), opt(b.title.clone()));
    field_change(&mut c, t("Handlungsfeld", "field"), a.field.get_ref().clone(), b.field.get_ref().clone());
    let (status, priority) =
        (|m: &Measure| opt(m.status.map(|x| l.status(x))), |m: &Measure| opt(m.priority.map(|x| l.priority(x))));
    field_change(&mut c, t("Stand", "status"), status(a), status(b));
    field_change(&mut c, t("Priorität", "priority"), priority(a), priority(b));
    let budget = |m: &Measure| m.budget_eur.map(|e| money(lang, e)).unwrap_or_default();
    field_change(&mut c, "Budget", budget(a), budget(b));
    field_change(&mut c, t("Beginn", "start"), opt(a.start), opt(b.start));
    field_change(
        &mut c,
        t("Ende", "end"),
        opt(a.end.as_ref().map(|e| *e.get_ref())),
        opt(b.end.as_ref().map(|e| *e.get_ref())),
    );
    field_change(&mut c, t("Verantwortlich", "lead"), opt(a.lead.clone()), opt(b.lead.clone()));
    field_change(&mut c, t("Finanzierung", "funding"), opt(a.funding.clone()), opt(b.funding.clone()));
    if a.quick_win != b.quick_win {
        c.push(format!("Quick Win {}", arrow(&a.quick_win.to_string(), &b.quick_win.to_string())));
    }
    let goals = |m: &Measure| m.goals.iter().map(|g| g.get_ref().clone()).collect::<Vec<_>>().join(", ");
    field_change(&mut c, t("Ziele", "goals"), goals(a), goals(b));
    let rest = |m: &Measure| {
        serde_json::to_string(&(
            &m.description,
            &m.needs,
            &m.benefit,
            &m.partners,
            &m.sdgs,
            &m.selection,
            &m.data_sovereignty,
        ))
        .unwrap_or_default()
    };
    if rest(a) != rest(b) {
        c.push(t("Texte oder Partner geändert", "texts or partners changed").to_string());
    }
    c
}

/// The change log from `old` to `new`, in `lang`, as Markdown.
pub fn markdown(old: &Strategy, new: &Strategy, old_name: &str, new_name: &str, lang: Lang) -> String {
    let t = |de, en| pick(lang, de, en);
    let templates = TemplateSet::builtin();
    let l = templates.labels().get(lang);
    let mut parts: Vec<Part> = Vec::new();

    let mut doc = Part { heading: t("Dokument", "Document"), lines: Vec::new() };
    let d = |s: &Strategy| {
        [
            opt(s.document.title.clone()),
            opt(s.document.version.clone()),
            opt(s.document.status.map(|x| l.doc_status(x))),
            opt(s.document.date.as_ref().map(|d| date(lang, *d.get_ref()))),
            opt(s.document.adopted_on.map(|d| date(lang, d))),
        ]
    };
    let names =
        [t("Titel", "Title"), "Version", t("Stand", "Status"), t("Datum", "Date"), t("Beschlossen am", "Adopted on")];
    for ((name, a), b) in names.iter().zip(d(old)).zip(d(new)) {
        if a != b {
            doc.lines.push(format!("- {name}: {}", arrow(&a, &b)));
        }
    }
    parts.push(doc);

    let og: Vec<&Goal> = old.goals.iter().map(|g| g.get_ref()).collect();
    let ng: Vec<&Goal> = new.goals.iter().map(|g| g.get_ref()).collect();
    let lines = by_id(
        &og,
        &ng,
        |g: &Goal| g.id.get_ref().clone(),
        |g: &Goal| g.title.clone().unwrap_or_default(),
        |a, b| goal_changes(a, b, lang),
        lang,
    );
    parts.push(Part { heading: t("Ziele", "Goals"), lines });

    let fields = |s: &Strategy| s.fields.iter().map(|f| f.get_ref().id.get_ref().clone()).collect::<Vec<_>>();
    let (of, nf) = (fields(old), fields(new));
    let catalogue = Catalogue::get();
    let title = |id: &str| catalogue.common_field(id).map_or(id.to_string(), |c| c.title(lang).to_string());
    let mut lines: Vec<String> =
        nf.iter().filter(|f| !of.contains(f)).map(|f| entry(t("neu:", "new:"), f, &title(f))).collect();
    lines.extend(of.iter().filter(|f| !nf.contains(f)).map(|f| entry(t("entfallen:", "removed:"), f, &title(f))));
    parts.push(Part { heading: t("Handlungsfelder", "Fields of action"), lines });

    let om: Vec<&Measure> = old.measures.iter().map(|m| m.get_ref()).collect();
    let nm: Vec<&Measure> = new.measures.iter().map(|m| m.get_ref()).collect();
    let lines = by_id(
        &om,
        &nm,
        |m: &Measure| m.id.get_ref().clone(),
        |m: &Measure| m.title.clone().unwrap_or_default(),
        |a, b| measure_changes(a, b, lang, l),
        lang,
    );
    parts.push(Part { heading: t("Maßnahmen", "Measures"), lines });

    let (fo, fn_) = (Figures::of(old), Figures::of(new));
    let mut lines = Vec::new();
    if fo.budget_total != fn_.budget_total {
        let delta = i128::from(fn_.budget_total) - i128::from(fo.budget_total);
        let sign = if delta < 0 { "−" } else { "+" };
        let abs = u64::try_from(delta.unsigned_abs()).unwrap_or(u64::MAX);
        lines.push(format!(
            "- {}: {} ({sign}{})",
            t("Budget gesamt", "Total budget"),
            arrow(&money(lang, fo.budget_total), &money(lang, fn_.budget_total)),
            money(lang, abs)
        ));
    }
    parts.push(Part { heading: "Budget", lines });

    let mut lines = Vec::new();
    for item in &catalogue.items {
        let (a, b) = (old.text.get(&item.id), new.text.get(&item.id));
        let what = match (a, b) {
            (None, Some(_)) => t("neu geschrieben", "written"),
            (Some(_), None) => t("entfernt", "removed"),
            (Some(a), Some(b)) if a != b => t("überarbeitet", "revised"),
            _ => continue,
        };
        lines.push(format!("- {} ({}): {what}", escape_inline(item.title(lang)), item.id));
    }
    parts.push(Part { heading: t("Freitexte", "Free texts"), lines });

    let mut out = String::new();
    let _ =
        writeln!(out, "# {}: {} → {}\n", t("Änderungen", "Changes"), escape_inline(old_name), escape_inline(new_name));
    let changed: Vec<&Part> = parts.iter().filter(|p| !p.lines.is_empty()).collect();
    if changed.is_empty() {
        let _ = writeln!(out, "{}", t("Keine Änderungen.", "No changes."));
    }
    for part in changed {
        let _ = writeln!(out, "## {}\n\n{}\n", part.heading, part.lines.join("\n"));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckOptions, Checked};

    const ULM: &str = include_str!("../examples/ulm.toml");

    fn strategy(name: &str, source: &str) -> Strategy {
        let c = Checked::from_source(name, source.to_string(), CheckOptions::default());
        c.valid().cloned().unwrap_or_else(|| panic!("{name} is valid:\n{}", c.render(false)))
    }

    /// The change log from the Ulm example to the same with each `(from, to)`
    /// replaced once, in `lang`.
    fn changes(edits: &[(&str, &str)], lang: Lang) -> String {
        let mut new = ULM.to_string();
        for (from, to) in edits {
            assert!(new.contains(from), "the example has no {from:?}");
            new = new.replacen(from, to, 1);
        }
        markdown(&strategy("old.toml", ULM), &strategy("new.toml", &new), "old.toml", "new.toml", lang)
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
}
