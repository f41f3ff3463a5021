//! Templates from `--templates` cannot take the process down: partials that
//! include each other, loops that write without end, huge or linked files.

use crate::util::*;

/// Builds `s.toml` (CLEAN) with the template files `files` in `tpl/`.
fn build_with(files: &[(&str, &str)]) -> std::process::Output {
    let mut all = vec![("s.toml", CLEAN)];
    let named: Vec<(String, &str)> = files.iter().map(|(name, text)| (format!("tpl/{name}"), *text)).collect();
    all.extend(named.iter().map(|(name, text)| (name.as_str(), *text)));
    let dir = dir_with(&all);
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--format", "md,html"]);
    assert!(!dir.path().join("s.md").exists() || code(&out) == 0, "a failed build writes nothing");
    out
}

#[test]
fn partials_that_include_each_other_are_an_error_naming_the_chain() {
    let out = build_with(&[("markdown/block.md.hbs", "{{> item}}\n{{#*inline \"item\"}}x{{> block}}{{/inline}}\n")]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: template markdown/block.md.hbs: partials include each other: block → item → block; a partial may not include itself, directly or through others\n"
    );
    let out = build_with(&[("html/block.html.hbs", "{{> page}}")]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("partials include each other: block → page → block;"), "{}", stderr(&out));
}

#[test]
fn a_partial_named_while_rendering_is_refused_because_it_cannot_be_checked() {
    let out = build_with(&[("markdown/document.md.hbs", "{{> (lookup meta \"title\")}}")]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out),
        "error: template markdown/document.md.hbs: a partial is named by an expression ({{> (…)}}); name partials as written words ({{> block}}) so that strategiekit can check that they do not include each other\n"
    );
}

#[test]
fn partials_deeper_than_the_limit_are_refused() {
    let mut text = String::from("{{> p0}}\n");
    for i in 0..20 {
        text.push_str(&format!("{{{{#*inline \"p{i}\"}}}}{{{{> p{}}}}}{{{{/inline}}}}\n", i + 1));
    }
    text.push_str("{{#*inline \"p20\"}}end{{/inline}}\n");
    let out = build_with(&[("markdown/document.md.hbs", &text)]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("template markdown/document.md.hbs: partials go deeper than 16: document → p0 → p1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_loop_inside_a_loop_stops_at_the_output_limit_and_writes_nothing() {
    let nested = "{{#each blocks}}{{#each ../blocks}}{{#each ../../blocks}}{{#each ../../../blocks}}{{#each ../../../../blocks}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}";
    let out = build_with(&[("markdown/document.md.hbs", nested)]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("template markdown/document.md.hbs, line 1, column"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "the templates wrote more than 128 MiB for one document; a loop inside a loop over the same list repeats without end"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
#[cfg(unix)]
fn a_template_linked_to_a_device_is_refused_not_read() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    std::fs::create_dir_all(dir.path().join("tpl/markdown")).expect("dir");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("tpl/markdown/block.md.hbs")).expect("link");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("markdown/block.md.hbs is not a regular file; a template directory holds plain files"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn loops_that_write_nothing_are_stopped_by_the_watchdog() {
    let nested = "{{#each blocks}}{{#each ../blocks}}{{#each ../../blocks}}{{#each ../../../blocks}}{{#each ../../../../blocks}}{{#each ../../../../../blocks}}{{#if nothing}}x{{/if}}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}";
    let dir = dir_with(&[("s.toml", CLEAN), ("tpl/markdown/document.md.hbs", nested)]);
    let started = std::time::Instant::now();
    let out = bin()
        .current_dir(dir.path())
        .args(["build", "s.toml", "--templates", "tpl", "--format", "md", "--out", "out"])
        .env("STRATEGIEKIT_RENDER_TIMEOUT_SECS", "2")
        .output()
        .expect("runs");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: template markdown/document.md.hbs has rendered for more than 2 s; a loop inside a loop over the same list repeats without end\n"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(60), "stopped, not run to the end");
    assert_eq!(files_in(dir.path()), ["s.toml", "tpl"], "nothing written");
}
