//! Check any text and, when it is valid, build it into every format in every
//! profile: never a panic, and a build of a valid input never fails.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use strategiekit::catalogue::Profile;
use strategiekit::model::{CheckOptions, Checked};
use strategiekit::render::{Format, Renderers, Settings};
use strategiekit::templates::TemplateSet;

static RENDERERS: LazyLock<Renderers> =
    LazyLock::new(|| Renderers::new(TemplateSet::builtin(), &Settings::default()).expect("built-in templates compile"));

fuzz_target!(|text: &str| {
    let checked = Checked::from_source("fuzz.toml", text.to_string(), CheckOptions::default());
    let Some(strategy) = checked.valid() else { return };
    for profile in [Profile::Full, Profile::Summary, Profile::Council] {
        RENDERERS.render(strategy, profile, Format::BUILT_IN).expect("a valid input builds");
    }
});
