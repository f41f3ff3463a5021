//! Two versions in one input, split at a line `%%%`: when both are valid,
//! their change log renders into every document format (a spreadsheet
//! shows one strategy; `diff` refuses it); never a panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use strategiekit::diff::{self, Versions};
use strategiekit::model::{CheckOptions, Checked, Lang};
use strategiekit::render::{Format, Input, Renderers, Settings};
use strategiekit::templates::TemplateSet;

static RENDERERS: LazyLock<Renderers> =
    LazyLock::new(|| Renderers::new(TemplateSet::builtin(), &Settings::default()).expect("built-in templates compile"));

fuzz_target!(|text: &str| {
    let Some((old, new)) = text.split_once("\n%%%\n") else { return };
    let old = Checked::from_source("old.toml", old.to_string(), CheckOptions::default());
    let new = Checked::from_source("new.toml", new.to_string(), CheckOptions::default());
    let (Some(old), Some(new)) = (old.valid(), new.valid()) else { return };
    let versions = Versions { old, new, old_name: "old.toml", new_name: "new.toml" };
    let documents: Vec<Format> =
        Format::BUILT_IN.iter().copied().filter(|f| !matches!(f, Format::Xlsx | Format::Ods | Format::Csv)).collect();
    for lang in [Lang::De, Lang::En] {
        let document = diff::document(versions, lang, RENDERERS.templates().labels().get(lang));
        RENDERERS.render_input(&Input::new(None, &document), &documents).expect("a change log renders");
    }
});
