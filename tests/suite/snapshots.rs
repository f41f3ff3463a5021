//! Snapshots of the bundled examples' Markdown in every profile (insta).
//! Review changes with `cargo insta review`.

use std::path::Path;

use strategiekit::catalogue::Profile;
use strategiekit::cli::Format;
use strategiekit::model::{CheckOptions, Checked};
use strategiekit::render::Renderers;
use strategiekit::templates::TemplateSet;

#[test]
fn examples_render_as_before() {
    let renderers = Renderers::new(TemplateSet::builtin()).expect("templates compile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<_> = std::fs::read_dir(&dir).expect("examples").map(|e| e.expect("entry").path()).collect();
    names.sort();
    assert!(names.len() >= 4, "at least four examples");
    for path in names {
        let checked = Checked::from_path(&path, CheckOptions::default()).expect("readable");
        let strategy =
            checked.valid().unwrap_or_else(|| panic!("{} has errors:\n{}", path.display(), checked.render(false)));
        let stem = path.file_stem().expect("stem").to_string_lossy().into_owned();
        for profile in [Profile::Full, Profile::Summary, Profile::Council] {
            let out = renderers.render(strategy, profile, &[Format::Md]).expect("renders");
            let md = String::from_utf8(out[0].1.clone()).expect("UTF-8");
            insta::assert_snapshot!(format!("{stem}.{}", profile.as_str()), md);
        }
    }
}
