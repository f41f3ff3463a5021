//! strategiekit: Smart-City strategies for German municipalities, from the
//! KTS outline to Markdown, DOCX, HTML and JSON.
//!
//! The data flow: input file → [`model`] (validated) → [`context`] (what
//! templates see) → [`render`] (one renderer per format).

#![warn(missing_docs)]

pub mod build;
pub mod catalogue;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod context;
pub mod design;
pub mod diff;
pub mod figures;
pub mod finance;
pub mod german;
pub mod i18n;
pub mod image;
pub mod interview;
pub mod model;
pub mod monitoring;
pub mod output;
pub mod render;
pub mod signals;
pub mod templates;
