//! Load and check any text: never a panic, and every diagnostic renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use strategiekit::model::{CheckOptions, Checked};

fuzz_target!(|text: &str| {
    let checked = Checked::from_source("fuzz.toml", text.to_string(), CheckOptions::default());
    let _ = checked.render(false);
    let _ = checked.render(true);
});
