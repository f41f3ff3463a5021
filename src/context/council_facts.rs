//! The council document's own facts: which kind of Vorlage it is, which
//! body decides (named by the municipality's kind and state unless the
//! input names it), the Beratungsfolge, the financial summary and the
//! climate impact.

use crate::catalogue::Catalogue;
use crate::i18n::Labels;
use crate::model::{CouncilKind, DocStatus, Kind, Municipality, SessionRole};

use super::builder::{Builder, col, nonblank};
use super::{Block, Fact};

/// The German article of a body's name, by its head noun — the first word
/// that starts with a capital letter and is not an adjective like "Kieler"
/// (die Stadtverordnetenversammlung, die Gemeindevertretung, die
/// Bürgerschaft; das Abgeordnetenhaus, das Stadtparlament; der Rat, der
/// Kreistag, der Rat der Gemeinde Kalletal).
fn article(name: &str) -> &'static str {
    let head = name
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with("er"))
        .or_else(|| name.split_whitespace().next())
        .unwrap_or(name)
        .to_lowercase();
    if ["versammlung", "vertretung", "schaft"].iter().any(|end| head.ends_with(end)) {
        "Die"
    } else if ["haus", "parlament", "gremium"].iter().any(|end| head.ends_with(end)) {
        "Das"
    } else {
        "Der"
    }
}

/// Whether session `s` belongs to `member`: as the input says, else when
/// its body names the member as a whole word ("Stadtrat Neu-Ulm" is not Ulm's).
fn belongs_to(s: &crate::model::Session, member: &str) -> bool {
    match s.member.as_deref() {
        Some(m) => m.trim() == member.trim(),
        None => {
            let spaced = |t: &str| {
                format!(
                    " {} ",
                    t.replace(['(', ')', ',', ';', ':'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
                )
            };
            spaced(&s.body).contains(&spaced(member))
        }
    }
}

/// The council of a municipality of its kind in its state (`Gemeinderat`
/// in Baden-Württemberg, `Rat` in North Rhine-Westphalia, `Kreistag`), for
/// a document whose input names no body.
pub fn default_body(m: &Municipality, labels: &Labels) -> String {
    let state = m.state.as_deref().and_then(|s| Catalogue::get().state(s));
    match (m.kind, state) {
        (Some(Kind::District), _) => labels.council_district.clone(),
        (Some(Kind::City), Some(st)) => st.council_city.clone(),
        (Some(Kind::Municipality | Kind::Association) | None, Some(st)) => st.council_municipality.clone(),
        _ => labels.council_generic.clone(),
    }
}

impl Builder<'_> {
    /// Beschlussvorlage or Informationsvorlage: as the input says, else
    /// information for an adopted strategy and a decision otherwise.
    pub(super) fn council_kind(&self) -> CouncilKind {
        let adopted = self.strategy.document.status == Some(DocStatus::Adopted);
        self.strategy.council.kind.unwrap_or(if adopted { CouncilKind::Information } else { CouncilKind::Decision })
    }

    /// The deciding body's name: the input's, or the council of the municipality's kind in its state.
    pub(super) fn council_body(&self) -> String {
        // a member's document goes to the member's council: the deciding session that names it
        if let Some(session) = self.member.and_then(|(member, _)| {
            let own = |s: &&crate::model::Session| belongs_to(s, member);
            self.strategy.council.sessions.iter().filter(own).find(|s| s.role == Some(SessionRole::Decision))
        }) {
            return session.body.clone();
        }
        if let Some(body) = nonblank(&self.strategy.council.body) {
            return body.to_string();
        }
        default_body(&self.strategy.municipality, self.labels)
    }

    /// The body as the subject of the resolution: "Der Gemeinderat", "Die Gemeindevertretung", "The council (Kreistag)".
    pub(super) fn council_body_subject(&self) -> String {
        let body = self.council_body();
        let named = nonblank(&self.strategy.council.body).is_some();
        match self.lang {
            crate::model::Lang::De => format!("{} {body}", article(&body)),
            crate::model::Lang::En if named => format!("The {body}"),
            crate::model::Lang::En => {
                format!("The {}", crate::i18n::fill(&self.labels.council_body_default_en, &[("name", &body)]))
            }
        }
    }

    /// The Vorlage's facts: its kind, number, lead office and the offices involved.
    pub(super) fn council_header(&mut self) {
        let l = self.labels;
        let c = &self.strategy.council;
        let kind = l.council_kind(self.council_kind()).to_string();
        let mut facts = vec![self.fact(&l.council_kind, kind)];
        if let Some(n) = nonblank(&c.number) {
            facts.push(self.fact(&l.council_number, n));
        }
        if let Some(o) = nonblank(&c.lead_office) {
            facts.push(self.fact(&l.council_lead_office, o));
        }
        if !c.involved.is_empty() {
            facts.push(self.fact(&l.council_involved, c.involved.join(", ")));
        }
        self.facts(facts);
    }

    /// The Beratungsfolge: each body with its meeting, publicity and role; without
    /// sessions in the input, the deciding body alone.
    pub(super) fn council_sessions(&mut self) {
        let l = self.labels;
        let role = |r: Option<SessionRole>| r.map_or_else(|| l.none.clone(), |r| l.session_role(r).to_string());
        let public = |p: bool| if p { l.council_public_yes.clone() } else { l.council_public_no.clone() };
        // a member's document lists its own bodies, if the input names them
        let all = &self.strategy.council.sessions;
        let own: Vec<&crate::model::Session> = match self.member {
            Some((member, _)) => all.iter().filter(|s| belongs_to(s, member)).collect(),
            None => Vec::new(),
        };
        let sessions: Vec<&crate::model::Session> = if own.is_empty() { all.iter().collect() } else { own };
        let rows: Vec<Vec<String>> = if sessions.is_empty() {
            let own = match self.council_kind() {
                CouncilKind::Decision => Some(SessionRole::Decision),
                CouncilKind::Information => Some(SessionRole::Information),
            };
            vec![vec![self.council_body(), l.none.clone(), public(true), role(own)]]
        } else {
            sessions
                .iter()
                .map(|s| {
                    let date = s.date.map_or_else(|| l.none.clone(), |d| crate::i18n::date(self.lang, d));
                    vec![s.body.clone(), date, public(s.public), role(s.role)]
                })
                .collect()
        };
        self.heading(1, l.council_sessions.clone(), "sessions");
        let columns = vec![
            col(&l.council_body, false, 40),
            col(&l.council_meeting, false, 20),
            col(&l.council_public, false, 18),
            col(&l.council_role, false, 22),
        ];
        self.table(columns, rows);
    }

    /// The financial summary a council reads first: total costs and how they are
    /// paid, follow-up costs, staff, budget year and line.
    pub(super) fn council_money_summary(&mut self) {
        let l = self.labels;
        let plan = &self.figures.finance;
        let not_broken_down: u64 =
            plan.lines.iter().filter(|x| x.line == crate::finance::Line::NotBrokenDown).map(|x| x.total).sum();
        let mut rows = Vec::new();
        if plan.total > 0 {
            rows.push(vec![l.total_costs.clone(), self.money(plan.total)]);
        }
        for (label, amount) in [
            (&l.funding_kind_grant, plan.grants),
            (&l.funding_kind_third_party, plan.third_party),
            (&l.own_share, plan.own),
            (&l.not_broken_down, not_broken_down),
        ] {
            if amount > 0 {
                rows.push(vec![label.clone(), self.money(amount)]);
            }
        }
        if plan.follow_up_total > 0 {
            let years = match (plan.follow_up_by_year.first(), plan.follow_up_by_year.last()) {
                (Some((a, _)), Some((b, _))) if a != b => format!(" ({a}–{b})"),
                (Some((a, _)), _) => format!(" ({a})"),
                _ => String::new(),
            };
            rows.push(vec![l.council_follow_up_total.clone(), format!("{}{years}", self.money(plan.follow_up_total))]);
        }
        if plan.staff_fte > 0.0 {
            rows.push(vec![
                l.staff_fte.clone(),
                crate::i18n::number(self.lang, (plan.staff_fte * 100.0).round() / 100.0),
            ]);
        }
        let c = &self.strategy.council;
        if let Some(year) = c.budget_year {
            rows.push(vec![l.council_budget_year.clone(), year.to_string()]);
        }
        if let Some(line) = nonblank(&c.budget_line) {
            rows.push(vec![l.budget_line.clone(), line.to_string()]);
        }
        rows.extend(self.member_share_rows());
        if rows.is_empty() {
            return;
        }
        let columns = vec![col(&l.council_finance, false, 45), col(&l.amount, true, 55)];
        self.blocks.push(Block::Table { columns, rows, profile: true, total_row: false });
    }

    /// A member's part of `amount`: its share, rounded so that the members' parts
    /// add up to `amount` exactly (largest remainder, ties to the earlier name).
    pub(super) fn member_part(&self, amount: u64) -> u64 {
        let Some((member, _)) = self.member else { return amount };
        // shares in millionths of a percent: whole weights for an exact split
        let weights: Vec<(&str, u64)> =
            self.strategy.council.shares.iter().map(|(m, s)| (m.as_str(), (s.max(0.0) * 1e6).round() as u64)).collect();
        crate::finance::split(amount, &weights).into_iter().find(|(m, _)| *m == member).map_or(0, |(_, part)| part)
    }

    /// A member document's rows: its share of the costs, of the own share and of the follow-up costs.
    fn member_share_rows(&self) -> Vec<Vec<String>> {
        let Some((member, share)) = self.member else { return Vec::new() };
        let l = self.labels;
        let plan = &self.figures.finance;
        let share = crate::i18n::number(self.lang, share);
        let label = |what: &str| {
            crate::i18n::fill(&l.council_member_part, &[("member", member), ("share", &share), ("what", what)])
        };
        let mut rows = Vec::new();
        if plan.total > 0 {
            rows.push(vec![label(&l.total_costs), self.money(self.member_part(plan.total))]);
        }
        if plan.own > 0 {
            rows.push(vec![label(&l.own_share), self.money(self.member_part(plan.own))]);
        }
        if plan.follow_up_total > 0 {
            rows.push(vec![label(&l.council_follow_up_total), self.money(self.member_part(plan.follow_up_total))]);
        }
        rows
    }

    /// The climate impact, where the input states it.
    pub(super) fn council_climate(&mut self) {
        let l = self.labels;
        let c = &self.strategy.council;
        let Some(impact) = c.climate else { return };
        let value = l.climate(impact).to_string();
        self.heading(1, l.council_climate.clone(), "climate");
        let fact = Fact { label: l.council_climate.clone(), value };
        self.facts(vec![fact]);
        if let Some(reason) = nonblank(&c.climate_reason) {
            self.text(reason);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bodies_take_their_article() {
        for (name, article) in [
            ("Gemeinderat", "Der"),
            ("Kreistag", "Der"),
            ("Rat der Gemeinde Kalletal", "Der"),
            ("Stadtverordnetenversammlung", "Die"),
            ("Gemeindevertretung", "Die"),
            ("Stadtbürgerschaft", "Die"),
            ("Verbandsversammlung Kalletal-Lemgo", "Die"),
            ("Kieler Ratsversammlung", "Die"),
            ("Potsdamer Stadtverordnetenversammlung", "Die"),
            ("Abgeordnetenhaus", "Das"),
            ("Stadtparlament", "Das"),
        ] {
            assert_eq!(super::article(name), article, "{name}");
        }
    }

    #[test]
    fn a_session_belongs_to_a_member_by_name_or_as_the_input_says() {
        let session = |body: &str, member: Option<&str>| crate::model::Session {
            body: body.into(),
            date: None,
            public: true,
            role: None,
            member: member.map(str::to_string),
        };
        assert!(super::belongs_to(&session("Gemeinderat Ulm", None), "Ulm"));
        assert!(!super::belongs_to(&session("Stadtrat Neu-Ulm", None), "Ulm"));
        assert!(super::belongs_to(&session("Rat der Alten Hansestadt Lemgo", None), "Lemgo"));
        assert!(super::belongs_to(&session("Hauptausschuss", Some("Lemgo")), "Lemgo"));
        assert!(!super::belongs_to(&session("Ausschuss Lemgo", Some("Kalletal")), "Lemgo"));
    }
}
