//! The document labels (`templates/labels.toml`): one table per label with
//! its German and English words. Templates see one language's labels as
//! `labels.*`. A labels file of an earlier version, with one table per
//! language (`[de]`, `[en]`), is read too.

use serde::{Deserialize, Serialize};
use toml::{Table, Value};

use super::fill;
use crate::model::{
    ClimateImpact, CouncilKind, DocStatus, FundingKind, Group, Involvement, Kind, Lang, MeasureStatus, Priority,
    SessionRole,
};

macro_rules! labels {
    ([$($name:ident),* $(,)?]) => {
        /// Every label of generated headings, tables and placeholders in one language.
        #[derive(Debug, Clone, Deserialize, Serialize)]
        #[serde(deny_unknown_fields)]
        #[allow(missing_docs)]
        pub struct Labels { $(pub $name: String,)* }
    };
}

// the labels of templates/labels.toml, in file order
label_keys!(labels,);

/// The labels of both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSet {
    /// German labels.
    pub de: Labels,
    /// English labels.
    pub en: Labels,
}

impl Labels {
    /// The word for a priority (`hoch`, `high` …).
    pub fn priority(&self, p: Priority) -> &str {
        match p {
            Priority::High => &self.priority_high,
            Priority::Medium => &self.priority_medium,
            Priority::Low => &self.priority_low,
        }
    }

    /// The word for a measure's status (`geplant`, `planned` …).
    pub fn status(&self, st: MeasureStatus) -> &str {
        match st {
            MeasureStatus::Idea => &self.status_idea,
            MeasureStatus::Planned => &self.status_planned,
            MeasureStatus::Running => &self.status_running,
            MeasureStatus::Done => &self.status_done,
            MeasureStatus::Cancelled => &self.status_cancelled,
        }
    }

    /// The label of a kind of funding.
    pub fn funding_kind(&self, kind: FundingKind) -> &str {
        match kind {
            FundingKind::Grant => &self.funding_kind_grant,
            FundingKind::Own => &self.funding_kind_own,
            FundingKind::ThirdParty => &self.funding_kind_third_party,
        }
    }

    /// The name of a kind of municipality (`Stadt`, `City` …).
    pub fn kind(&self, k: Kind) -> &str {
        match k {
            Kind::City => &self.kind_city,
            Kind::Municipality => &self.kind_municipality,
            Kind::District => &self.kind_district,
            Kind::Association => &self.kind_association,
        }
    }

    /// The name of a stakeholder group (`Verwaltung`, `Politics` …).
    pub fn group(&self, g: Group) -> &str {
        match g {
            Group::Administration => &self.group_administration,
            Group::Politics => &self.group_politics,
            Group::Business => &self.group_business,
            Group::Science => &self.group_science,
            Group::CivilSociety => &self.group_civil_society,
        }
    }

    /// The name of a way of involvement (`Mitgestalten`, `Consult` …).
    pub fn involvement(&self, i: Involvement) -> &str {
        match i {
            Involvement::Inform => &self.involvement_inform,
            Involvement::CoCreate => &self.involvement_co_create,
            Involvement::Consult => &self.involvement_consult,
        }
    }

    /// The document title built from the municipality's name, when none is given.
    pub fn default_title(&self, name: &str) -> String {
        fill(&self.default_title, &[("name", name.trim())])
    }

    /// The name of a council document's kind (`Beschlussvorlage` …).
    pub fn council_kind(&self, kind: CouncilKind) -> &str {
        match kind {
            CouncilKind::Decision => &self.council_kind_decision,
            CouncilKind::Information => &self.council_kind_information,
        }
    }

    /// What a body does with a council document (`Vorberatung` …).
    pub fn session_role(&self, role: SessionRole) -> &str {
        match role {
            SessionRole::Advice => &self.council_role_advice,
            SessionRole::Decision => &self.council_role_decision,
            SessionRole::Information => &self.council_role_information,
        }
    }

    /// A decision's effect on the climate (`ja, positiv` …).
    pub fn climate(&self, impact: ClimateImpact) -> &str {
        match impact {
            ClimateImpact::Positive => &self.council_climate_positive,
            ClimateImpact::Negative => &self.council_climate_negative,
            ClimateImpact::None => &self.council_climate_none,
        }
    }

    /// The word for the document's status (`Entwurf`, `beschlossen` …).
    pub fn doc_status(&self, st: DocStatus) -> &str {
        match st {
            DocStatus::Draft => &self.doc_status_draft,
            DocStatus::Adopted => &self.doc_status_adopted,
        }
    }
}

impl LabelSet {
    /// Parses a labels file: one table per label with both languages. A
    /// label lacking a language, or one the code does not know, is an error.
    pub fn parse(text: &str) -> Result<LabelSet, toml::de::Error> {
        let entries = super::entry::parse(text)?;
        let mut by_language = Table::new();
        for (key, entry) in entries {
            for (lang, words) in [("de", entry.de), ("en", entry.en)] {
                let table = by_language.entry(lang).or_insert_with(|| Value::Table(Table::new()));
                if let Value::Table(table) = table {
                    table.insert(key.clone(), Value::String(words));
                }
            }
        }
        LabelSet::deserialize(Value::Table(by_language))
    }

    /// Parses a user's labels file over the built-in one: a label the user's
    /// file lacks (it was exported by an older version) keeps the built-in
    /// words and is named in the returned list (`kind_city`, or
    /// `kind_city.en` for one language); an unknown label is still an error.
    /// A file with one table per language (`[de]`, `[en]`) is read as well;
    /// its missing labels are named `de.kind_city`.
    pub fn parse_over(text: &str, builtin: &str) -> Result<(LabelSet, Vec<String>), toml::de::Error> {
        let user: Table = toml::from_str(text)?;
        let base: Table = toml::from_str(builtin)?;
        let (user, missing) =
            if by_language(&user) { over_by_language(user, &base)? } else { over_by_label(user, &base)? };
        let labels = LabelSet::deserialize(Value::Table(user))?;
        Ok((labels, missing))
    }

    /// The labels for `lang`.
    pub fn get(&self, lang: Lang) -> &Labels {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// True for a file of an earlier version: nothing but `[de]` and `[en]`
/// tables of words.
fn by_language(file: &Table) -> bool {
    !file.is_empty()
        && file.iter().all(|(key, value)| {
            (key == "de" || key == "en") && value.as_table().is_some_and(|t| t.values().all(Value::is_str))
        })
}

/// `[de]` and `[en]` tables from a file with one table per label (the
/// built-in file, which is known to be complete).
fn transpose(file: &Table) -> Table {
    let mut out = Table::new();
    for (key, entry) in file {
        for (lang, words) in entry.as_table().into_iter().flatten() {
            let table = out.entry(lang.clone()).or_insert_with(|| Value::Table(Table::new()));
            if let Value::Table(table) = table {
                table.insert(key.clone(), words.clone());
            }
        }
    }
    out
}

/// `unknown label `{name}``, with a suggestion from the known labels.
fn unknown(name: &str, word: &str, known: &Table) -> toml::de::Error {
    let hint = crate::model::diagnostic::did_you_mean(word, known.keys().map(String::as_str))
        .map(|best| format!("; did you mean `{best}`?"))
        .unwrap_or_default();
    serde::de::Error::custom(format!("unknown label `{name}`{hint}"))
}

/// A file of an earlier version, one table per language, completed from the
/// built-in words.
fn over_by_language(mut user: Table, base: &Table) -> Result<(Table, Vec<String>), toml::de::Error> {
    let mut missing = Vec::new();
    for (lang, words) in &transpose(base) {
        let Some(words) = words.as_table() else { continue };
        let theirs = user.entry(lang.clone()).or_insert_with(|| Value::Table(Table::new()));
        if let Some(theirs) = theirs.as_table_mut() {
            if let Some(word) = theirs.keys().find(|k| !words.contains_key(*k)) {
                return Err(unknown(&format!("{lang}.{word}"), word, words));
            }
            for (key, value) in words {
                if !theirs.contains_key(key) {
                    theirs.insert(key.clone(), value.clone());
                    missing.push(format!("{lang}.{key}"));
                }
            }
        }
    }
    Ok((user, missing))
}

/// A file with one table per label, completed from the built-in words and
/// turned into one table per language.
fn over_by_label(mut user: Table, base: &Table) -> Result<(Table, Vec<String>), toml::de::Error> {
    if let Some(word) = user.keys().find(|k| !base.contains_key(*k)) {
        return Err(unknown(word, word, base));
    }
    let mut missing = Vec::new();
    for (key, builtin) in base {
        let theirs = user.entry(key.clone()).or_insert_with(|| Value::Table(Table::new()));
        let Some(theirs) = theirs.as_table_mut() else {
            return Err(serde::de::Error::custom(format!("label `{key}` is no table of `de` and `en` words")));
        };
        if let Some(lang) = theirs.keys().find(|k| *k != "de" && *k != "en") {
            return Err(serde::de::Error::custom(format!("label `{key}` has an unknown language `{lang}`")));
        }
        let lacking: Vec<&str> = ["de", "en"].into_iter().filter(|l| !theirs.contains_key(*l)).collect();
        for lang in &lacking {
            if let Some(words) = builtin.get(*lang) {
                theirs.insert(lang.to_string(), words.clone());
            }
        }
        match lacking.as_slice() {
            [] => {}
            [lang] => missing.push(format!("{key}.{lang}")),
            _ => missing.push(key.clone()),
        }
    }
    Ok((transpose(&user), missing))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILTIN: &str = include_str!("../../templates/labels.toml");

    #[test]
    fn a_label_lacking_a_language_does_not_parse() {
        let text = BUILTIN.replacen("en = \"Title\"\n", "", 1);
        let err = LabelSet::parse(&text).expect_err("title lacks en").to_string();
        assert!(err.contains("missing field `en`"), "{err}");
    }

    #[test]
    fn a_user_file_by_label_is_completed_from_the_built_in_words() {
        let text = BUILTIN.replacen("de = \"Titel\"\n", "", 1).replacen("de = \"Platzhalter\"", "de = \"Offen\"", 1);
        let (set, missing) = LabelSet::parse_over(&text, BUILTIN).expect("parses");
        assert_eq!(missing, ["title.de"]);
        assert_eq!((set.de.title.as_str(), set.de.placeholder.as_str()), ("Titel", "Offen"));
        let err = LabelSet::parse_over("[title]\nde = \"T\"\nfr = \"T\"\n", BUILTIN).expect_err("fr").to_string();
        assert!(err.contains("label `title` has an unknown language `fr`"), "{err}");
        let err = LabelSet::parse_over("[titel]\nde = \"T\"\n", BUILTIN).expect_err("unknown").to_string();
        assert!(err.contains("unknown label `titel`; did you mean `title`?"), "{err}");
    }

    #[test]
    fn a_user_file_by_language_still_reads() {
        let (set, missing) = LabelSet::parse_over("[de]\ntitle = \"T\"\n[en]\n", BUILTIN).expect("parses");
        assert_eq!(set.de.title, "T");
        assert_eq!(set.en.title, "Title");
        assert!(missing.contains(&"de.start".to_string()) && missing.contains(&"en.title".to_string()));
        let err = LabelSet::parse_over("[de]\ntotl = \"T\"\n", BUILTIN).expect_err("unknown").to_string();
        assert!(err.contains("unknown label `de.totl`; did you mean `total`?"), "{err}");
    }
}
