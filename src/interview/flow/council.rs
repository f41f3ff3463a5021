//! The facts of the council document (Vorlage), asked after the production
//! checklist: its number and kind, the body that decides, the offices,
//! budget year and line, the Beratungsfolge, the climate impact, further
//! attachments and, for an inter-municipal strategy, each member's share.

use anyhow::Result;
use strum::VariantArray as _;

use super::entries::Entries;
use super::{Flow, tr};
use crate::i18n::interview::words;
use crate::interview::parse::{parse_date, parse_list, parse_shares, parse_year, show_list, show_shares};
use crate::interview::prompt::Prompter as _;
use crate::model::{ClimateImpact, CouncilKind, Date, Lang, Session, SessionRole, Strategy};
use crate::templates::TemplateSet;

impl Flow<'_> {
    /// Asks whether to give the council document's facts (yes by default
    /// when the file has some), then asks them.
    pub(super) fn council(&mut self) -> Result<()> {
        let given = !self.s.council.is_empty();
        if !self.p.confirm(self.t(&words().council_details_question), given)? {
            return Ok(());
        }
        self.council_document()?;
        self.sessions()?;
        self.council_budget()?;
        self.council_climate()?;
        self.council_attachments()
    }

    /// Number, kind, deciding body and offices.
    fn council_document(&mut self) -> Result<()> {
        let t = tr(self.lang);
        let c = self.s.council.clone();
        let text = |a: &str| -> std::result::Result<String, String> { Ok(a.to_string()) };
        self.ask(t(&words().council_number_question), "council.number", c.number.clone(), false, &text, &|s, v| {
            s.council.number = v;
        })?;
        let kinds: Vec<(CouncilKind, String)> =
            CouncilKind::VARIANTS.iter().map(|&k| (k, self.l.council_kind(k).to_string())).collect();
        if let Some(kind) = self.choose(t(&words().council_kind_question), &kinds, c.kind)? {
            self.s.council.kind = kind;
            self.checkpoint()?;
        }
        // the default is named as the document will name it, in its language
        let labels = TemplateSet::builtin().labels().get(self.s.document.language).clone();
        let body = crate::context::default_council_body(&self.s.municipality, &labels);
        let label = words().council_body_question.fill(self.lang, &[("body", &body)]);
        self.ask(&label, "council.body", c.body.clone(), false, &text, &|s, v| s.council.body = v)?;
        let label = t(&words().lead_office_question);
        self.ask(label, "council.lead_office", c.lead_office.clone(), false, &text, &|s, v| s.council.lead_office = v)?;
        let current = (!c.involved.is_empty()).then(|| show_list(&c.involved));
        let label = t(&words().involved_offices_question);
        self.ask(label, "council.involved", current, false, &|a| Ok(parse_list(a)), &|s, v| {
            s.council.involved = v.unwrap_or_default();
        })
    }

    /// The Beratungsfolge: one entry per session.
    fn sessions(&mut self) -> Result<()> {
        let lang = self.lang;
        self.manage(&Entries {
            noun: self.t(&words().session),
            first: self.t(&words().add_a_session),
            add: self.t(&words().new_session),
            list: &|f| f.s.council.sessions.iter().enumerate().map(|(k, x)| (k, f.session_line(x, lang))).collect(),
            edit: &|f, k| f.session(k, false),
            add_new: &|f| f.new_session(),
            remove: &|f, k| drop(f.s.council.sessions.remove(k)),
            swap: &|f, a, b| f.s.council.sessions.swap(a, b),
            walk: false,
        })
    }

    /// "Hauptausschuss · 12.03.2027 · öffentlich · Vorberatung".
    fn session_line(&self, x: &Session, lang: Lang) -> String {
        let mut parts = vec![x.body.clone()];
        parts.extend(x.date.map(|d| show_date(lang, &d)));
        let public = if x.public { &self.l.council_public_yes } else { &self.l.council_public_no };
        parts.push(public.clone());
        parts.extend(x.role.map(|r| self.l.session_role(r).to_string()));
        parts.extend(x.member.clone());
        parts.join(" · ")
    }

    /// Adds a session; one left without a body is not kept.
    fn new_session(&mut self) -> Result<bool> {
        let session = Session { body: String::new(), date: None, public: true, role: None, member: None };
        self.s.council.sessions.push(session);
        let k = self.s.council.sessions.len() - 1;
        if let Err(e) = self.session(k, true) {
            // cut short (`<`, Esc, Ctrl-C): a half-entered session is not kept
            self.s.council.sessions.truncate(k);
            return Err(e);
        }
        let kept = self.kept_unless_empty(|s| &mut s.council.sessions, |x| x.body.trim().is_empty());
        if !kept {
            self.checkpoint()?;
        }
        Ok(kept)
    }

    /// The body, date, publicity, role and member of session `k`.
    fn session(&mut self, k: usize, new: bool) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        let x = self.s.council.sessions[k].clone();
        let at = format!("council.sessions[{k}]");
        let label = self.new_entry_label(t(&words().session_body_question), new);
        let current = (!x.body.is_empty()).then(|| x.body.clone());
        self.ask(&label, &format!("{at}.body"), current, !new, &|a| Ok(a.to_string()), &|s, v| {
            s.council.sessions[k].body = v.unwrap_or_default();
        })?;
        if self.s.council.sessions[k].body.trim().is_empty() {
            return Ok(());
        }
        let current = x.date.as_ref().map(|d| show_date(lang, d));
        let label = t(&words().session_date_question);
        self.ask(label, &format!("{at}.date"), current, false, &|a| parse_date(a, lang), &|s, v| {
            s.council.sessions[k].date = v;
        })?;
        let public = self.p.confirm(t(&words().session_public_question), x.public)?;
        if public != x.public {
            self.s.council.sessions[k].public = public;
            self.checkpoint()?;
        }
        let roles: Vec<(SessionRole, String)> =
            SessionRole::VARIANTS.iter().map(|&r| (r, self.l.session_role(r).to_string())).collect();
        if let Some(role) = self.choose(t(&words().session_role_question), &roles, x.role)? {
            self.s.council.sessions[k].role = role;
            self.checkpoint()?;
        }
        let members: Vec<(usize, String)> = self.s.municipality.members.iter().cloned().enumerate().collect();
        if !members.is_empty() {
            let current = x.member.as_ref().and_then(|m| members.iter().position(|(_, name)| name == m));
            if let Some(chosen) = self.choose(t(&words().session_member_question), &members, current)? {
                self.s.council.sessions[k].member = chosen.and_then(|i| members.get(i)).map(|(_, n)| n.clone());
                self.checkpoint()?;
            }
        }
        Ok(())
    }

    /// Budget year and budget line of the strategy as a whole.
    fn council_budget(&mut self) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        let c = self.s.council.clone();
        let current = c.budget_year.map(|y| y.to_string());
        self.ask(
            t(&words().budget_year_question),
            "council.budget_year",
            current,
            false,
            &|a| parse_year(a, lang),
            &|s, v| {
                s.council.budget_year = v;
            },
        )?;
        let label = t(&words().budget_line_question);
        self.ask(label, "council.budget_line", c.budget_line, false, &|a| Ok(a.to_string()), &|s, v| {
            s.council.budget_line = v;
        })
    }

    /// The climate impact and, where there is one, its reason.
    fn council_climate(&mut self) -> Result<()> {
        let t = tr(self.lang);
        let impacts: Vec<(ClimateImpact, String)> =
            ClimateImpact::VARIANTS.iter().map(|&c| (c, self.l.climate(c).to_string())).collect();
        if let Some(impact) = self.choose(t(&words().climate_question), &impacts, self.s.council.climate)? {
            self.s.council.climate = impact;
            self.checkpoint()?;
        }
        if self.s.council.climate.is_none() && self.s.council.climate_reason.is_none() {
            return Ok(());
        }
        let (label, current) = (t(&words().climate_reason_question), self.s.council.climate_reason.clone());
        self.ask(label, "council.climate_reason", current, false, &|a| Ok(a.to_string()), &|s, v| {
            s.council.climate_reason = v;
        })
    }

    /// Further attachments and, with member towns, each member's share of the costs.
    fn council_attachments(&mut self) -> Result<()> {
        let (t, lang) = (tr(self.lang), self.lang);
        let c = self.s.council.clone();
        let current = (!c.attachments.is_empty()).then(|| show_list(&c.attachments));
        self.ask(
            t(&words().attachments_question),
            "council.attachments",
            current,
            false,
            &|a| Ok(parse_list(a)),
            &|s, v| {
                s.council.attachments = v.unwrap_or_default();
            },
        )?;
        let example = even_shares(&self.s, lang);
        if example.is_empty() {
            return Ok(());
        }
        let label = words().shares_question.fill(lang, &[("example", &example)]);
        let current = (!c.shares.is_empty()).then(|| show_shares(&c.shares, lang));
        self.ask(&label, "council.shares", current, false, &|a| parse_shares(a, lang, &example), &|s, v| {
            s.council.shares = v.unwrap_or_default();
        })
    }
}

/// A date as the interview shows it: German dates as Germans write them.
fn show_date(lang: Lang, d: &Date) -> String {
    match lang {
        Lang::De => crate::i18n::date(lang, *d),
        Lang::En => d.to_string(),
    }
}

/// Even shares of the member towns as an example answer (`Kalletal: 50; Lemgo: 50`);
/// empty without members.
fn even_shares(s: &Strategy, lang: Lang) -> String {
    let members = &s.municipality.members;
    if members.is_empty() {
        return String::new();
    }
    // in hundredths of a percent, the rest to the first member, so the example adds up to 100
    let n = members.len() as u64;
    let each = 10_000 / n;
    let first = 10_000 - each * (n - 1);
    let shares: std::collections::BTreeMap<String, f64> = (members.iter().enumerate())
        .map(|(k, m)| (m.clone(), if k == 0 { first } else { each } as f64 / 100.0))
        .collect();
    show_shares(&shares, lang)
}

#[cfg(test)]
mod tests {
    use super::even_shares;
    use crate::model::{Lang, Strategy};

    #[test]
    fn the_example_shares_add_up_to_100() {
        let mut s = Strategy::default();
        s.municipality.members = vec!["Adorf".into(), "Bestadt".into(), "Cedorf".into()];
        assert_eq!(even_shares(&s, Lang::De), "Adorf: 33,34; Bestadt: 33,33; Cedorf: 33,33");
        s.municipality.members.truncate(2);
        assert_eq!(even_shares(&s, Lang::En), "Adorf: 50; Bestadt: 50");
    }
}
