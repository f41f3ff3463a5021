//! The input file's types (see `shared/spec/input-format.md`).
//!
//! These types are the one description of the input: serde reads them, and
//! schemars turns them into the JSON Schema that [`super::schema`] completes
//! with the catalogue's ids and that the structural check walks.

use super::Date;
use crate::image::Image;
use std::collections::BTreeMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One strategy: the whole input file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "strategiekit input file")]
pub struct Strategy {
    /// Version of the input format; 1 is the only version so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1))]
    pub schema_version: Option<u32>,
    /// The municipality the strategy is for.
    pub municipality: Municipality,
    /// Facts about the document itself.
    #[serde(default)]
    pub document: DocumentInfo,
    /// Free text for any outline item, keyed by the item's id.
    #[serde(default)]
    pub text: BTreeMap<String, String>,
    /// Vision, mission and narrative.
    #[serde(default)]
    pub vision: Vision,
    /// Goals, optionally in a hierarchy.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Fields of action (Handlungsfelder).
    #[serde(default)]
    pub fields: Vec<Field>,
    /// Measures, each in one field of action.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Which technical cross-cutting themes to include.
    #[serde(default)]
    pub technical: Technical,
    /// Stakeholders and committees.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Terms explained in plain language.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    /// The production checklist.
    #[serde(default)]
    pub production: Production,
    /// What the council document needs besides the strategy: its number,
    /// the bodies that discuss it, the lead office, budget year, climate impact.
    #[serde(default)]
    pub council: Council,
}

/// `[council]`: the facts of the council document (Vorlage).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// The document's number in the council information system (Vorlagen-Nr.).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Beschlussvorlage or Informationsvorlage; by default an adopted strategy is for information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CouncilKind>,
    /// The body that decides (or takes note); by default the council named by kind and state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The office in charge (federführendes Amt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_office: Option<String>,
    /// Offices involved (beteiligte Ämter).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involved: Vec<String>,
    /// The budget year the decision concerns (Haushaltsjahr).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100))]
    pub budget_year: Option<u16>,
    /// The budget line of the strategy as a whole (Produkt, Kostenstelle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_line: Option<String>,
    /// The decision's effect on the climate (Klimarelevanz).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub climate: Option<ClimateImpact>,
    /// Why the decision has that effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub climate_reason: Option<String>,
    /// The bodies that discuss it, in order (Beratungsfolge).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    /// Further attachments (Anlagen) besides the strategy itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// Each member's share of the costs in percent (`{ Kalletal = 45, Lemgo = 55 }`),
    /// for an inter-municipal strategy: the council profile then also writes one
    /// document per member council with its share.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, Percent>")]
    pub shares: BTreeMap<String, f64>,
}

impl Council {
    /// Whether the input gives none of the council document's facts.
    pub fn is_empty(&self) -> bool {
        let Council {
            number,
            kind,
            body,
            lead_office,
            involved,
            budget_year,
            budget_line,
            climate,
            climate_reason,
            sessions,
            attachments,
            shares,
        } = self;
        number.is_none()
            && kind.is_none()
            && body.is_none()
            && lead_office.is_none()
            && involved.is_empty()
            && budget_year.is_none()
            && budget_line.is_none()
            && climate.is_none()
            && climate_reason.is_none()
            && sessions.is_empty()
            && attachments.is_empty()
            && shares.is_empty()
    }
}

/// A share in percent, 0 to 100 (schema only).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct Percent(#[schemars(range(min = 0, max = 100))] f64);

/// `council.kind`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CouncilKind {
    /// Beschlussvorlage: the body decides.
    Decision,
    /// Informationsvorlage: the body takes note.
    Information,
}

/// `council.climate`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ClimateImpact {
    /// Ja, positiv.
    Positive,
    /// Ja, negativ.
    Negative,
    /// Nein.
    None,
}

/// `[[council.sessions]]`: one step of the Beratungsfolge.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The body (Ausschuss, Ortschaftsrat, Gemeinderat).
    #[schemars(length(min = 1))]
    pub body: String,
    /// The date of the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Whether the session is public (öffentlich).
    #[serde(default = "yes")]
    pub public: bool,
    /// What the body does with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<SessionRole>,
    /// For an inter-municipal strategy: the member (from `municipality.members`)
    /// whose body it is, so that the member's council document lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

fn yes() -> bool {
    true
}

/// `council.sessions.role`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SessionRole {
    /// Vorberatung: discusses and recommends.
    Advice,
    /// Entscheidung: decides.
    Decision,
    /// Kenntnisnahme: takes note.
    Information,
}

/// `[municipality]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Name of the municipality, district or association.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What kind of body it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The German state (Bundesland).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Inhabitants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Member towns of an association or district.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The logo or coat of arms on the title page (a design file's logo takes precedence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

/// `municipality.logo`: a PNG or JPEG file with its alternative text.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The image file, relative to the input file's folder.
    #[schemars(length(min = 1))]
    pub file: String,
    /// What it shows, for those who cannot see it (required; `check` says so when it is missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The image, once read (by [`super::Checked::from_path`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub image: Option<Arc<Image>>,
}

/// An image in the text (a Zielbild): a PNG or JPEG file with its
/// alternative text and an optional caption.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// The image file, relative to the input file's folder.
    #[schemars(length(min = 1))]
    pub file: String,
    /// What it shows, for those who cannot see it (required; `check` says so when it is missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// The caption below it, numbered as a figure ("Abbildung 1: …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The image, once read (by [`super::Checked::from_path`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub image: Option<Arc<Image>>,
}

/// `municipality.kind`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// Stadt.
    City,
    /// Gemeinde.
    Municipality,
    /// Landkreis.
    District,
    /// Inter-municipal association.
    Association,
}

/// `[document]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// Title; built from the name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Version of the document, e.g. "1.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Draft or adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocStatus>,
    /// The document's date (TOML date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Date of the council decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_on: Option<Date>,
    /// Review cycle in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 120))]
    pub review_months: Option<u32>,
    /// Language of headings, labels and placeholders.
    #[serde(default)]
    pub language: Lang,
    /// Authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Contact address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// `document.status`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DocStatus {
    /// Entwurf.
    Draft,
    /// Beschlossen.
    Adopted,
}

/// Document language.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Lang {
    /// German.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// `de` or `en`.
    pub fn code(self) -> &'static str {
        self.into()
    }
    /// BCP 47 tag used in documents: `de-DE` or `en-GB`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de-DE",
            Lang::En => "en-GB",
        }
    }
}

/// `[vision]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vision {
    /// The vision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    /// The mission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    /// The smart-city narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// The three terms of the narrative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Guiding principles (Leitbilder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guiding_principles: Vec<String>,
    /// The Zielbild: an image of the vision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Picture>,
}

/// `[[goals]]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Unique id, e.g. `Z1`.
    pub id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Id of the parent goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Where the goal comes from (Herleitung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    /// Whether the goal spans several sectors.
    #[serde(default)]
    pub cross_sector: bool,
    /// Measurable indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// `[[goals.indicators]]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured.
    pub name: String,
    /// Unit, e.g. `%`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Value at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Year of the baseline value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100))]
    pub baseline_year: Option<u16>,
    /// Target value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Year the target is to be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100), with = "Option<u16>")]
    pub target_year: Option<u16>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The values measured since the baseline, one per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<super::IndicatorValue>,
}

/// `[[fields]]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Unique id, e.g. `mobility`.
    pub id: String,
    /// Title; a common field's title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Goals the field serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// An image of the field of action (its Zielbild).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Picture>,
}

/// `[[measures]]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Unique id, e.g. `M1`.
    pub id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Id of the field of action.
    pub field: String,
    /// Goals the measure pays into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Needs it answers (Bedarfe).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    /// Benefit for citizens (Mehrwert).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit: Option<String>,
    /// Who is responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Whether it is a quick win.
    #[serde(default)]
    pub quick_win: bool,
    /// State of implementation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MeasureStatus>,
    /// Why the measure has its status; for a cancelled one, why it was stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// First year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100))]
    pub start: Option<u16>,
    /// Last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1990, max = 2100), with = "Option<u16>")]
    pub end: Option<u16>,
    /// Budget in whole euros, at most one trillion (10¹²), so that every sum
    /// of budgets stays exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1_000_000_000_000u64))]
    pub budget_eur: Option<u64>,
    /// Funding source, as free text (`financing` gives sources with amounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<String>,
    /// Costs by year in whole euros, keyed by the year (`{ 2027 = 120000 }`);
    /// their sum is the measure's costs (and must equal `budget_eur` if both are given).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, Euros>")]
    pub costs_eur: BTreeMap<String, u64>,
    /// Where the money comes from: sources with amounts or shares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub financing: Vec<Financing>,
    /// Follow-up costs (Folgekosten) by year in whole euros, after the measure
    /// or its funding ends: operation, licences, staff.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, Euros>")]
    pub follow_up_eur: BTreeMap<String, u64>,
    /// Staff for the measure in full-time equivalents (Vollzeitäquivalente).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1000))]
    pub staff_fte: Option<f64>,
    /// The budget line in the municipal budget (Produkt, Kostenstelle, Sachkonto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_line: Option<String>,
    /// UN Sustainable Development Goals, 1..17.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<SdgNumber>")]
    pub sdgs: Vec<u8>,
    /// How the measure was selected (Herleitung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
    /// Data sovereignty considerations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sovereignty: Option<String>,
    /// Where the measure stood at the end of each year, one entry per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<super::Progress>,
}

/// An amount in whole euros, at most one trillion (schema only).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct Euros(#[schemars(range(max = 1_000_000_000_000u64))] u64);

/// `[[measures.financing]]`: one source of a measure's money.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// The source: a programme's name ("MPSC (KfW 436)"), a budget, a partner.
    #[schemars(length(min = 1))]
    pub source: String,
    /// Grant, own funds or third party.
    pub kind: FundingKind,
    /// The amount in whole euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1_000_000_000_000u64))]
    pub amount_eur: Option<u64>,
    /// The share of the measure's costs in percent (0 to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub share_percent: Option<f64>,
}

/// `measures.financing.kind`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FundingKind {
    /// Fördermittel (a grant from a programme).
    Grant,
    /// Eigenmittel (the municipality's own budget).
    Own,
    /// Drittmittel (partners, sponsors).
    ThirdParty,
}

/// An SDG number, 1..=17 (schema only).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct SdgNumber(#[schemars(range(min = 1, max = 17))] u8);

/// `measures.priority`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Priority {
    /// Hoch.
    High,
    /// Mittel.
    Medium,
    /// Niedrig.
    Low,
}

/// `measures.status`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum MeasureStatus {
    /// Idee.
    Idea,
    /// Geplant.
    Planned,
    /// Laufend.
    Running,
    /// Abgeschlossen.
    Done,
    /// Gestoppt: given up on purpose (say why in `status_reason`).
    Cancelled,
}

/// `[technical]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Technical {
    /// Ids of the technical items (outline section 4) to include.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// `[[actors]]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Name.
    pub name: String,
    /// Stakeholder group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// Role in the strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// How the actor is involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub involvement: Option<Involvement>,
    /// Whether the actor is a committee (Gremium).
    #[serde(default)]
    pub committee: bool,
}

/// `actors.group`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Group {
    /// Verwaltung.
    Administration,
    /// Politik.
    Politics,
    /// Wirtschaft.
    Business,
    /// Wissenschaft.
    Science,
    /// Zivilgesellschaft.
    CivilSociety,
}

/// `actors.involvement`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    JsonSchema,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Involvement {
    /// Informieren & Begeistern.
    Inform,
    /// Input einholen.
    Consult,
    /// Mitgestalten.
    CoCreate,
}

/// `[[glossary]]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term.
    pub term: String,
    /// Its explanation in plain language.
    pub definition: String,
}

/// `[production]`: item id = done?, plus notes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
pub struct Production {
    /// Notes per production item.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Done flags per production item.
    #[serde(flatten)]
    pub done: BTreeMap<String, bool>,
}
