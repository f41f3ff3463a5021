//! The title page: title, subtitle, authors, dates and the facts about the
//! municipality and the document.

use crate::catalogue::Profile;
use crate::i18n::{self, fill};

use crate::model::Date;

use super::builder::{Builder, nonblank};
use super::{Fact, Meta};

impl Builder<'_> {
    /// The document's title: the input's, or the default title for the municipality.
    pub(super) fn title(&self) -> String {
        nonblank(&self.strategy.document.title)
            .map(str::to_string)
            .unwrap_or_else(|| self.labels.default_title(&self.strategy.municipality.name))
    }

    /// Title page and metadata for the profile.
    pub(super) fn meta(&self) -> Meta {
        let lang = self.lang;
        let doc = &self.strategy.document;
        let (title, subtitle) = self.title_and_subtitle();
        let date = doc.date.as_ref().map(|d| *d);
        let status = doc.status.map(|st| self.labels.doc_status(st).to_string());
        let mut facts = self.municipality_facts();
        facts.extend(self.document_facts(status.as_deref(), date));
        Meta {
            title,
            subtitle,
            municipality: self.strategy.municipality.name.trim().to_string(),
            authors: self.authors(),
            date: date.map(|d| i18n::date(lang, d)),
            date_iso: date.map(|d| d.to_string()),
            lang: lang.code(),
            lang_tag: lang.tag(),
            version: nonblank(&doc.version).map(str::to_string),
            status,
            profile: self.profile.as_str(),
            facts,
        }
    }

    /// Title and subtitle: the council profile names the decision, the
    /// summary has a subtitle of its own.
    fn title_and_subtitle(&self) -> (String, Option<String>) {
        let l = self.labels;
        let base_title = self.title();
        match self.profile {
            Profile::Full => (base_title, nonblank(&self.strategy.document.subtitle).map(str::to_string)),
            Profile::Summary => (base_title, Some(l.summary_subtitle.clone())),
            Profile::Council => {
                let title = match self.council_kind() {
                    crate::model::CouncilKind::Decision => &l.council_title,
                    crate::model::CouncilKind::Information => &l.council_title_information,
                };
                let title = fill(title, &[("title", &base_title)]);
                match self.member {
                    Some((member, _)) => (format!("{title} – {member}"), None),
                    None => (title, None),
                }
            }
            Profile::Report | Profile::ReportCouncil => {
                let title = self.report_title();
                if self.profile == Profile::ReportCouncil {
                    (fill(&l.council_title_information, &[("title", &title)]), None)
                } else {
                    (title, None)
                }
            }
        }
    }

    /// The authors, or the municipality when none are given.
    fn authors(&self) -> Vec<String> {
        let mut authors: Vec<String> =
            self.strategy.document.authors.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
        if authors.is_empty() {
            authors.push(self.strategy.municipality.name.trim().to_string());
        }
        authors
    }

    /// Title-page facts about the municipality: name, kind, state, population, members.
    fn municipality_facts(&self) -> Vec<Fact> {
        let (l, lang) = (self.labels, self.lang);
        let m = &self.strategy.municipality;
        let mut facts = vec![self.fact(&l.municipality, m.name.trim())];
        if let Some(kind) = m.kind {
            facts.push(self.fact(&l.kind, l.kind(kind)));
        }
        if let Some(state) = &m.state {
            let name =
                self.catalogue.state(state).map_or(state.as_str(), |st| crate::catalogue::pick(lang, &st.de, &st.en));
            facts.push(self.fact(&l.state, name));
        }
        if let Some(p) = m.population {
            facts.push(self.fact(&l.population, i18n::integer(lang, p)));
        }
        if !m.members.is_empty() {
            facts.push(self.fact(&l.members, m.members.join(", ")));
        }
        facts
    }

    /// Title-page facts about the document: version and status (not in the
    /// summary), dates, next review and contact.
    fn document_facts(&self, status: Option<&str>, date: Option<Date>) -> Vec<Fact> {
        let (l, lang) = (self.labels, self.lang);
        let doc = &self.strategy.document;
        let mut facts = Vec::new();
        if self.profile != Profile::Summary {
            if let Some(v) = nonblank(&doc.version) {
                facts.push(self.fact(&l.version, v));
            }
            if let Some(st) = status {
                facts.push(self.fact(&l.status, st));
            }
        }
        if let Some(d) = date {
            facts.push(self.fact(&l.date, i18n::date(lang, d)));
        }
        if let Some(d) = doc.adopted_on {
            facts.push(self.fact(&l.adopted_on, i18n::date(lang, d)));
        }
        if let (Some(months), Some(base)) = (doc.review_months, doc.adopted_on.or(date)) {
            facts.push(self.fact(&l.next_review, i18n::date(lang, base.add_months(months))));
        }
        if let Some(c) = nonblank(&doc.contact) {
            facts.push(self.fact(&l.contact, c));
        }
        facts
    }
}
