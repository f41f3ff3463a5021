//! Any text as one of the handlebars templates, rendering a bundled example:
//! an error or a document, never a panic, a stack overflow or a runaway.
//! The first byte picks the template, the rest is its text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use strategiekit::catalogue::Profile;
use strategiekit::model::{CheckOptions, Checked, Strategy};
use strategiekit::render::{Format, Renderers, Settings};
use strategiekit::templates::TemplateSet;

const TEMPLATES: [(&str, Format); 5] = [
    ("markdown/document.md.hbs", Format::Md),
    ("markdown/block.md.hbs", Format::Md),
    ("html/page.html.hbs", Format::Html),
    ("html/block.html.hbs", Format::Html),
    ("html/style.css.hbs", Format::Html),
];

static STRATEGY: LazyLock<Strategy> = LazyLock::new(|| {
    let source = include_str!("../../examples/kalletal-lemgo.toml").to_string();
    let checked = Checked::from_source("kalletal-lemgo.toml", source, CheckOptions::default());
    checked.valid().cloned().expect("the bundled example is valid")
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(text) else { return };
    let (name, format) = TEMPLATES[usize::from(pick) % TEMPLATES.len()];
    let mut set = TemplateSet::builtin();
    if set.replace(name, text.to_string()).is_err() {
        return;
    }
    let Ok(renderers) = Renderers::new(set, &Settings::default()) else { return };
    let _ = renderers.render(&STRATEGY, Profile::Full, &[format]);
});
