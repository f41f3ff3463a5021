//! Municipality and document.

use anyhow::Result;

use crate::interview::prompt::Prompter as _;

use strum::VariantArray as _;

use super::{Flow, tr};
use crate::catalogue::{Catalogue, pick};
use crate::i18n::interview::words;
use crate::interview::parse::{not_a, parse_count, parse_date, parse_list, show_list};
use crate::model::{DocStatus, Kind, Lang};

impl Flow<'_> {
    /// The municipality, then the document.
    pub(super) fn basics(&mut self) -> Result<()> {
        self.municipality()?;
        self.document()
    }

    /// Name, kind, state, population and member towns.
    fn municipality(&mut self) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        let (name, kind, state, population, members) = (
            t(&words().name_of_the_municipality),
            t(&words().kind),
            t(&words().state),
            t(&words().population),
            t(&words().member_towns_comma_separated),
        );
        let current = self.s.municipality.name.clone();
        let shown = (!current.is_empty()).then_some(current);
        self.ask(name, "municipality.name", shown, true, &|a| Ok(a.to_string()), &|s, v| {
            s.municipality.name = v.unwrap_or_default();
        })?;

        let kinds = Kind::VARIANTS.iter().map(|&k| (k, self.l.kind(k).to_string())).collect::<Vec<_>>();
        if let Some(k) = self.choose(kind, &kinds, self.s.municipality.kind)? {
            self.s.municipality.kind = k;
            self.checkpoint()?;
        }

        let catalogue = Catalogue::get();
        let current = self.s.municipality.state.as_ref().and_then(|st| catalogue.state(st));
        let states: Vec<(&str, &str)> =
            catalogue.states.iter().map(|st| (st.code.as_str(), pick(self.lang, &st.de, &st.en))).collect();
        if let Some(choice) = self.choose(state, &states, current.map(|c| c.code.as_str()))? {
            let name = choice.and_then(|code| states.iter().find(|(c, _)| *c == code)).map(|(_, n)| n.to_string());
            self.s.municipality.state = name;
            self.checkpoint()?;
        }

        let current = self.s.municipality.population.map(|p| p.to_string());
        let show = |n: &u64| crate::i18n::integer(lang, *n);
        self.ask_number(
            population,
            "municipality.population",
            current,
            &|a| parse_count(a, lang),
            &|s, v| {
                s.municipality.population = v;
            },
            &show,
        )?;

        let grouped = matches!(self.s.municipality.kind, Some(Kind::District | Kind::Association));
        if grouped || !self.s.municipality.members.is_empty() {
            let current = (!self.s.municipality.members.is_empty()).then(|| show_list(&self.s.municipality.members));
            // checked against the whole model: shares and sessions name members
            self.ask(members, "", current, false, &|a| Ok(parse_list(a)), &|s, v| {
                s.municipality.members = v.unwrap_or_default();
            })?;
        }
        Ok(())
    }

    /// Title, status, date, review interval and language of the document.
    fn document(&mut self) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        // the title is in the document's language, which may differ from the interview's
        let labels = crate::templates::TemplateSet::builtin().labels().get(self.s.document.language).clone();
        let derived = labels.default_title(&self.s.municipality.name);
        let current = self.s.document.title.clone().unwrap_or(derived);
        self.ask(
            t(&words().title_of_the_document),
            "document.title",
            Some(current),
            false,
            &|a| Ok(a.to_string()),
            &|s, v| {
                s.document.title = v;
            },
        )?;
        let statuses =
            DocStatus::VARIANTS.iter().map(|&st| (st, self.l.doc_status(st).to_string())).collect::<Vec<_>>();
        if let Some(st) = self.choose(t(&words().status), &statuses, self.s.document.status)? {
            self.s.document.status = st;
            self.checkpoint()?;
        }
        // German dates as Germans write them (24.11.2026); both forms are accepted
        let shown = |d: &crate::model::Date| match lang {
            crate::model::Lang::De => crate::i18n::date(lang, *d),
            crate::model::Lang::En => d.to_string(),
        };
        let current = self.s.document.date.as_ref().map(shown);
        self.ask(t(&words().date), "document.date", current, false, &|a| parse_date(a, lang), &|s, v| {
            s.document.date = v;
        })?;
        let current = self.s.document.review_months.map(|m| m.to_string());
        let label = t(&words().review_every_months);
        self.ask(
            label,
            "document.review_months",
            current,
            false,
            &|a| a.parse::<u32>().map_err(|_| not_a(lang, a, &words().not_a_count_of_months, &words().months_example)),
            &|s, v| {
                s.document.review_months = v;
            },
        )?;
        let languages = [(Lang::De, "Deutsch"), (Lang::En, "English")];
        let items: Vec<String> = languages.iter().map(|(_, n)| (*n).to_string()).collect();
        let default = languages.iter().position(|(l, _)| *l == self.s.document.language).unwrap_or(0);
        let chosen = self.p.select(t(&words().language_of_the_document), &items, default)?;
        if chosen != default {
            self.s.document.language = languages.get(chosen).map_or(Lang::De, |(l, _)| *l);
            self.checkpoint()?;
        }
        Ok(())
    }
}
