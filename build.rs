//! Reads the keys of the word catalogues, so that a word is added by one
//! entry in its catalogue file: for each catalogue, a macro that hands the
//! list of its keys, in file order, to the macro that makes its struct
//! (`crate::catalogue!`, or `labels!` for the documents' labels). Also sets
//! `cfg(interop)` when `STRATEGIEKIT_INTEROP=1`, for the interop tests.

use std::fmt::Write as _;
use std::path::Path;

/// Each catalogue: the macro to generate and the file whose keys it lists.
const CATALOGUES: [(&str, &str); 4] = [
    ("label_keys", "templates/labels.toml"),
    ("interview_keys", "src/i18n/interview.toml"),
    ("diagnostic_keys", "src/i18n/diagnostics.toml"),
    ("word_keys", "src/i18n/words.toml"),
];

fn main() {
    // the interop tests (pandoc, LibreOffice) run when asked for, and are
    // reported as ignored otherwise
    println!("cargo::rustc-check-cfg=cfg(interop)");
    println!("cargo::rerun-if-env-changed=STRATEGIEKIT_INTEROP");
    if std::env::var("STRATEGIEKIT_INTEROP").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=interop");
    }
    let mut out = String::new();
    for (name, file) in CATALOGUES {
        println!("cargo::rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|line| line.trim().strip_prefix('[')?.strip_suffix(']'))
            .filter(|key| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        assert!(!keys.is_empty(), "{file} has no [key] tables");
        let _ = writeln!(
            out,
            "/// Hands the keys of `{file}` to a macro: `{name}!(m, args…)` is `m!(args… [key, …])`.\n\
             macro_rules! {name} {{ ($($m:ident)::+, $($pre:tt)*) => {{ $($m)::+!($($pre)* [{}]); }}; }}",
            keys.join(", ")
        );
    }
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("catalogue_keys.rs"), out).expect("cannot write catalogue_keys.rs");
}
