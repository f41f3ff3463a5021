//! The handlebars side of the Markdown and HTML renderers: a registry that
//! names template files in its errors, the helpers, and the page template
//! whose block loop is rendered without handlebars' copies.

mod budget;
mod design;
mod helpers;
mod native;
mod page;
pub mod partials;
mod registry;

pub use helpers::{register_html, register_markdown};
pub use page::{PageTemplate, Prepared};
pub use registry::{Registry, registry};
