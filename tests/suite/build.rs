//! `build` through the binary: structure of the Markdown, hostile text,
//! determinism, profiles, languages, stdin/stdout, no-clobber, batches and
//! template overrides.

use crate::util::*;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Builds `toml` with `args` into a temp dir; returns the Markdown.
fn build_md(toml: &str, args: &[&str]) -> String {
    let dir = dir_with(&[("s.toml", toml)]);
    let mut all = vec!["build", "s.toml", "--format", "md", "--out", "out"];
    all.extend_from_slice(args);
    let out = run_in(dir.path(), &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let name = files_in(&dir.path().join("out")).pop().expect("one output");
    std::fs::read_to_string(dir.path().join("out").join(name)).expect("markdown")
}

/// What a CommonMark reader sees: per block, the text it holds.
struct Parsed {
    headings: Vec<(u8, String)>,
    blocks: Vec<String>,
    html: Vec<String>,
    links: usize,
    code: usize,
    table_cells: usize,
}

fn parse(md: &str) -> Parsed {
    let body = md.splitn(3, "---\n").nth(2).expect("front matter");
    let mut p = Parsed { headings: vec![], blocks: vec![], html: vec![], links: 0, code: 0, table_cells: 0 };
    let mut current = String::new();
    let mut level = None;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => level = Some(l as u8),
            Event::Text(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push('\n'),
            Event::Code(_) => p.code += 1,
            Event::Html(h) | Event::InlineHtml(h) => {
                if h.trim() == "<br>" {
                    current.push('\n');
                } else {
                    p.html.push(h.to_string());
                }
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => p.links += 1,
            Event::Start(Tag::CodeBlock(_)) => p.code += 1,
            Event::End(TagEnd::CodeBlock) => current.clear(),
            Event::End(TagEnd::Heading(_)) => {
                p.headings.push((level.take().unwrap_or(0), std::mem::take(&mut current)));
            }
            Event::End(TagEnd::TableCell) => {
                p.table_cells += 1;
                p.blocks.push(std::mem::take(&mut current));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => p.blocks.push(std::mem::take(&mut current)),
            _ => {}
        }
    }
    p
}

#[test]
fn hostile_text_stays_text_in_every_cell_and_heading() {
    for (language, profile) in [("de", "full"), ("en", "full"), ("de", "summary"), ("de", "council")] {
        let md = build_md(&hostile_strategy(language), &["--profile", profile]);
        assert!(!md.contains('\u{7}') && !md.contains('\u{1b}'), "control characters survived");
        let p = parse(&md);
        assert!(p.html.is_empty(), "{language}/{profile}: HTML the user typed became HTML: {:?}", p.html);
        assert_eq!(p.links, 0, "a link or image was created");
        assert_eq!(p.code, usize::from(md.contains("```mermaid")), "code spans or blocks were created");
        let user_headings = p.headings.iter().filter(|(_, t)| t.contains(FIRST_LINE)).count();
        let intact = p.blocks.iter().filter(|b| b.contains(FIRST_LINE)).count();
        assert!(intact > 10, "{language}/{profile}: user text did not survive as text ({intact} blocks)");
        if profile == "full" {
            // field, goal and measure headings carry the hostile title in one line
            assert!(user_headings >= 3, "{:?}", p.headings);
            assert!(p.table_cells > 100, "tables were broken: {} cells", p.table_cells);
            // the multi-line text keeps its lines as text, not as list, quote or heading
            assert!(
                p.blocks.iter().any(|b| b.contains("\n- list\n1. one\n> quote\n# heading\n<div>html</div>bell[31m"))
            );
        }
    }
}

#[test]
fn hostile_text_in_front_matter_is_quoted() {
    let md = build_md(&hostile_strategy("de"), &[]);
    let front = md.split("---\n").nth(1).expect("front matter");
    let yaml: serde_json::Value = serde_json::to_value(
        front.lines().filter(|l| l.starts_with("title:")).map(|l| l.to_string()).collect::<Vec<_>>(),
    )
    .expect("lines");
    assert!(front.starts_with("title: \""), "{front}");
    assert!(front.contains("lang: de-DE"), "{front}");
    assert!(yaml.to_string().contains("\\\\\\\\<script\\\\\\\\>"), "{yaml}");
}

#[test]
fn every_example_builds_byte_identically_twice_in_every_format() {
    for example in examples() {
        let path = example.to_string_lossy().into_owned();
        for profile in ["full", "summary", "council"] {
            let a = tempfile::tempdir().expect("dir");
            let b = tempfile::tempdir().expect("dir");
            for dir in [&a, &b] {
                let formats = "md,docx,odt,html,json,xlsx,ods,csv";
                let args = ["build", &path, "--format", formats, "--profile", profile, "--out", "o"];
                let out = run_in(dir.path(), &args);
                assert_eq!(code(&out), 0, "{path} {profile}: {}", stderr(&out));
            }
            // the council document of an inter-municipal strategy has one per member beside it
            // (documents only: the spreadsheets are the same for every member)
            let members = if profile == "council" && path.ends_with("kalletal-lemgo.toml") { 2 } else { 0 };
            // and the CSV has the open data of indicators and progress beside it
            assert_eq!(files_in(&a.path().join("o")).len(), 8 + 2 + 5 * members, "one file per format");
            for name in files_in(&a.path().join("o")) {
                let x = std::fs::read(a.path().join("o").join(&name)).expect("read");
                let y = std::fs::read(b.path().join("o").join(&name)).expect("read");
                assert!(x == y, "{name} differs between two builds");
            }
        }
    }
}

/// The level-1 and level-2 headings the full profile must have, in catalogue order.
fn expected_outline(lang: &str, technical: &[&str]) -> Vec<(u8, String)> {
    let catalogue: toml::Table = toml::from_str(include_str!("../../seeds/outline.toml")).expect("catalogue");
    let mut out = Vec::new();
    for section in catalogue["sections"].as_array().expect("sections") {
        let id = section["id"].as_str().unwrap_or_default();
        let items: Vec<_> = catalogue["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|i| i["section"].as_str() == Some(id))
            .filter(|i| id != "technical" || technical.contains(&i["id"].as_str().unwrap_or_default()))
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push((1, section[lang].as_str().unwrap_or_default().to_string()));
        if id != "production" {
            out.extend(items.iter().map(|i| (2, i[lang].as_str().unwrap_or_default().to_string())));
        }
    }
    out
}

#[test]
fn full_profile_has_every_item_in_catalogue_order() {
    let md = build_md("[municipality]\nname = \"Musterstadt\"\n", &[]);
    let top: Vec<(u8, String)> = parse(&md).headings.into_iter().filter(|(l, _)| *l <= 2).collect();
    assert_eq!(top, expected_outline("de", &[]));
    assert_eq!(md.matches("> **Platzhalter:**").count(), 54, "one placeholder per empty item");
    assert!(md.contains("## Vorwort\n\n> **Platzhalter:** *Persönlicher Einstieg"), "{md}");

    let md = build_md(
        "[municipality]\nname = \"Town\"\n[document]\nlanguage = \"en\"\n[technical]\ntopics = [\"lorawan\", \"ai\"]\n",
        &[],
    );
    let top: Vec<(u8, String)> = parse(&md).headings.into_iter().filter(|(l, _)| *l <= 2).collect();
    assert_eq!(top, expected_outline("en", &["ai", "lorawan"]));
    assert!(md.contains("> **Placeholder:**"));
    assert!(md.starts_with("---\ntitle: \"Smart City Strategy Town\"\n"), "{md}");
}

#[test]
fn summary_and_council_have_no_placeholders() {
    for example in examples() {
        let text = std::fs::read_to_string(&example).expect("example");
        for profile in ["summary", "council"] {
            let md = build_md(&text, &["--profile", profile]);
            assert!(!md.contains("Platzhalter") && !md.contains("Placeholder"), "{example:?} {profile}");
            assert!(!md.contains("> **"), "{example:?} {profile} has a placeholder block");
        }
        let summary = build_md(&text, &["--profile", "summary"]);
        assert!(!summary.contains("Federführung") && !summary.contains("| Lead |"), "summary shows leads");
        assert!(!summary.contains(" €") && !summary.contains('€'), "summary shows budgets: {example:?}");
    }
}

#[test]
fn council_is_a_draft_decision() {
    let md = build_md(CLEAN, &["--profile", "council"]);
    let headings: Vec<String> = parse(&md).headings.into_iter().filter(|(l, _)| *l == 1).map(|(_, t)| t).collect();
    assert_eq!(
        headings,
        ["Beratungsfolge", "Betreff", "Beschlussvorschlag", "Sachverhalt", "Finanzielle Auswirkungen", "Anlagen"]
    );
    assert!(md.contains("title: \"Beschlussvorlage: Smart-City-Strategie Musterstadt\""), "{md}");
    assert!(md.contains(
        "Der Gemeinderat beschließt die „Smart-City-Strategie Musterstadt“ in der vorliegenden Fassung (22.11.2026)."
    ));
    assert!(md.contains("Das Gesamtbudget der Maßnahmen beträgt 1.200.000\u{a0}€."), "{md}");
    assert!(md.contains("| 2026 | 600.000\u{a0}€ |") && md.contains("| 2027 | 600.000\u{a0}€ |"), "{md}");
    assert!(md.contains("- Maßnahmensteckbriefe (1 Maßnahmen)"), "{md}");
}

#[test]
fn generated_parts_follow_the_input() {
    let md = build_md(CLEAN, &[]);
    // the profile table of a measure
    assert!(
        md.contains(
            "#### M1 Bürgerportal\n\n| Maßnahme | Bürgerportal |\n|---|---|\n| Ziele | Z1 Verwaltung digital |"
        ),
        "{md}"
    );
    assert!(md.contains("| Budget | 1.200.000\u{a0}€ |"));
    assert!(md.contains("| Zeitraum | 2026–2027 |"));
    // a common field's title is used when the field has none
    assert!(md.contains("### Verwaltung\n"), "{md}");
    // indicators with language formats
    assert!(md.contains("| Online-Dienste | 20\u{a0}% (2022) | 80\u{a0}% (2027) | – |"), "{md}");
    // traceability and roadmap
    assert!(md.contains("| Maßnahme | Z1 |\n|---|---|\n| M1 Bürgerportal | ● |"), "{md}");
    assert!(md.contains("```mermaid\ngantt\n    title Roadmap\n    dateFormat YYYY\n    axisFormat %Y\n    section Verwaltung\n    M1 Bürgerportal :2026, 2028\n```"), "{md}");
    // the production checklist comes last
    let last_h1 = md.rfind("\n# ").expect("h1");
    assert!(md[last_h1..].starts_with("\n# Sonstiges"), "{}", &md[last_h1..]);
    assert!(md.contains("| Grafiken | offen |  |"), "{md}");

    let en = build_md(&CLEAN.replace("review_months = 24", "review_months = 24\nlanguage = \"en\""), &[]);
    assert!(en.contains("| Budget | €1,200,000 |"), "{en}");
    assert!(en.contains("- **Date:** 22 November 2026"), "{en}");
    assert!(en.contains("| Online-Dienste | 20\u{a0}% (2022) | 80\u{a0}% (2027) | – |"));
}

#[test]
fn stdin_to_stdout() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_with_stdin(dir.path(), &["build", "-", "--format", "md"], CLEAN);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("---\ntitle: \"Smart-City-Strategie Musterstadt\""));
    assert!(files_in(dir.path()).is_empty(), "stdin builds write no file");
    let json = run_with_stdin(dir.path(), &["build", "-", "--format", "json"], CLEAN);
    let model: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(model["figures"]["budget_total"], 1_200_000);
    let two = run_with_stdin(dir.path(), &["build", "-", "--format", "md,json"], CLEAN);
    assert_eq!(code(&two), 64, "two formats cannot share stdout");
    let bad = run_with_stdin(dir.path(), &["build", "-"], "[municipality]\nname = 1\n");
    assert_eq!(code(&bad), 1);
    assert!(stdout(&bad).is_empty());
    assert!(stderr(&bad).contains("--> <stdin>:2:8"), "{}", stderr(&bad));
}

#[test]
fn existing_outputs_are_kept_without_force() {
    let dir = dir_with(&[("s.toml", CLEAN), ("s.md", "mine")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--format", "md,json"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("s.md already exists; use --force to replace it"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("s.md")).expect("kept"), "mine");
    assert!(!dir.path().join("s.json").exists(), "a refused build writes nothing");
    let forced = run_in(dir.path(), &["build", "s.toml", "--format", "md,json", "--force"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert!(std::fs::read_to_string(dir.path().join("s.md")).expect("replaced").starts_with("---\n"));
    assert_eq!(files_in(dir.path()), ["s.json", "s.md", "s.toml"], "no temporary files are left");
}

#[test]
fn a_bad_file_in_a_batch_does_not_stop_the_others() {
    let bad = CLEAN.replace("field = \"administration\"", "field = \"nowhere\"");
    let dir = dir_with(&[("a.toml", CLEAN), ("bad.toml", &bad), ("c.toml", CLEAN)]);
    let out = run_in(dir.path(), &["build", "a.toml", "bad.toml", "c.toml", "--out", "out"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("--> bad.toml:"), "{err}");
    assert!(err.contains("error: bad.toml has 1 error(s); nothing was written for it"), "{err}");
    assert_eq!(files_in(&dir.path().join("out")), ["a.md", "c.md"]);
}

#[test]
fn two_inputs_cannot_write_the_same_file() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    std::fs::create_dir(dir.path().join("sub")).expect("dir");
    std::fs::write(dir.path().join("sub/s.toml"), CLEAN).expect("written");
    std::fs::write(dir.path().join("other.toml"), CLEAN).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "sub/s.toml", "other.toml", "--out", "out"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: s.toml and sub/s.toml would both write out/s.md; nothing was written for either; build them into different --out directories"
        ),
        "{err}"
    );
    assert_eq!(err.matches("would both write").count(), 1, "reported once:\n{err}");
    // neither of the clashing files is written; the others are
    assert_eq!(files_in(&dir.path().join("out")), ["other.md"]);
}

#[test]
fn the_same_input_named_twice_is_built_once() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    let out = run_in(dir.path(), &["build", "s.toml", "./s.toml", "s.toml", "--out", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out).matches("wrote ").count(), 1, "{}", stderr(&out));
    assert_eq!(files_in(&dir.path().join("out")), ["s.md"]);
}

#[test]
fn stdin_builds_take_no_out_directory() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_with_stdin(dir.path(), &["build", "-", "--out", "x"], CLEAN);
    assert_eq!(code(&out), 64);
    assert!(
        stderr(&out).contains("error: `-` writes to standard output, so --out x has nothing to do; leave out --out and redirect instead: strategiekit build - --format md > FILE"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty() && files_in(dir.path()).is_empty(), "nothing written");
}

#[test]
fn out_must_be_a_directory() {
    let dir = dir_with(&[("s.toml", CLEAN), ("taken", "x")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--out", "taken"]);
    assert_eq!(code(&out), 64);
    assert!(
        stderr(&out).contains("error: --out taken is a file, not a directory; give the directory to write into"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("taken")).expect("kept"), "x");
}

#[test]
fn several_existing_outputs_are_named_in_the_plural() {
    let dir = dir_with(&[("s.toml", CLEAN), ("s.md", "mine"), ("s.json", "{}")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--format", "md,json"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("s.md, s.json already exist; use --force to replace them"), "{}", stderr(&out));
}

#[test]
fn template_errors_name_the_file_and_the_variable() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    assert_eq!(code(&run_in(dir.path(), &["templates", "export", "tpl"])), 0);
    let block = dir.path().join("tpl/markdown/block.md.hbs");
    let text = std::fs::read_to_string(&block).expect("block template");
    std::fs::write(&block, text.replacen("{{text}}", "{{txet}}", 1)).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("template markdown/block.md.hbs, line 3, column 18: there is no variable `txet` here"),
        "{err}"
    );
    assert!(!err.contains("Some(") && !err.contains("\"block\""), "{err}");
}

#[test]
fn profiles_get_their_own_file_names() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    for profile in ["full", "summary", "council"] {
        assert_eq!(code(&run_in(dir.path(), &["build", "s.toml", "--profile", profile])), 0);
    }
    assert_eq!(files_in(dir.path()), ["s.council.md", "s.md", "s.summary.md", "s.toml"]);
}

#[test]
fn deny_warnings_writes_nothing_for_a_file_with_warnings() {
    let dir = dir_with(&[("s.toml", "[municipality]\nname = \"X\"\n")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--deny-warnings"]);
    assert_eq!(code(&out), 2);
    assert_eq!(files_in(dir.path()), ["s.toml"]);
}

#[test]
fn exported_templates_can_be_changed_and_used() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    let out = run_in(dir.path(), &["templates", "export", "tpl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        files_in(&dir.path().join("tpl")),
        ["html", "labels.toml", "markdown", "starter.en.toml.hbs", "starter.toml.hbs"]
    );
    let again = run_in(dir.path(), &["templates", "export", "tpl"]);
    assert_eq!(code(&again), 1, "export does not overwrite");

    let block = dir.path().join("tpl/markdown/block.md.hbs");
    let text = std::fs::read_to_string(&block).expect("block template");
    std::fs::write(&block, text.replace("> **{{label}}:** *{{hint}}*", "TODO({{label}}): {{hint}}")).expect("written");
    let labels = dir.path().join("tpl/labels.toml");
    let text = std::fs::read_to_string(&labels).expect("labels");
    std::fs::write(&labels, text.replacen("de = \"Platzhalter\"", "de = \"Offen\"", 1)).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("s.md")).expect("md");
    assert!(md.contains("TODO(Offen): Persönlicher Einstieg"), "{md}");

    // strict mode: a misspelled variable names the template and line
    std::fs::write(&block, "{{#if heading}}{{#with heading}}\n{{hashes levle}} {{text}}\n{{/with}}{{/if}}")
        .expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("levle") && err.contains("block") && err.contains("line 2"), "{err}");

    // a labels file of an older version (a label missing) still works, with a warning;
    // a misspelt label is an error that names it
    std::fs::remove_file(&block).expect("back to the built-in block template");
    let text = std::fs::read_to_string(&labels).expect("labels");
    let lacking = text.replacen("[quick_win]\nde = \"Quick Win\"\nen = \"Quick win\"\n", "", 1);
    std::fs::write(&labels, &lacking).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tpl/labels.toml lacks 1 label(s) of this strategiekit version (quick_win); the built-in words are used for them"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read_to_string(dir.path().join("s.md")).expect("md").contains("Quick Win"));
    std::fs::write(&labels, text.replacen("[total]", "[totl]", 1)).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("unknown label `totl`; did you mean `total`?"), "{}", stderr(&out));
    // the same for a file of an earlier version, one table per language
    let entries: toml::Table = toml::from_str(&text).expect("labels parse");
    let old: String = ["de", "en"]
        .iter()
        .map(|lang| {
            let words = entries.iter().filter(|(key, _)| *key != "quick_win");
            let words: String = words.map(|(key, e)| format!("{key} = {}\n", e[*lang])).collect();
            format!("[{lang}]\n{words}")
        })
        .collect();
    std::fs::write(&labels, &old).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tpl/labels.toml lacks 2 label(s) of this strategiekit version (de.quick_win, en.quick_win); the built-in words are used for them"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read_to_string(dir.path().join("s.md")).expect("md").contains("Quick Win"));
    std::fs::write(&labels, old.replacen("\ntotal = ", "\ntotl = ", 1)).expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("unknown label `de.totl`; did you mean `total`?"), "{}", stderr(&out));
    std::fs::write(&labels, text).expect("written");

    // a file that is no template is refused by name
    std::fs::write(dir.path().join("tpl/markdown/extra.md.hbs"), "x").expect("written");
    let out = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--force"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("extra.md.hbs is not a template strategiekit knows"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn outputs_get_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = dir_with(&[("s.toml", CLEAN), ("plain.txt", "x")]);
    let out = run_in(dir.path(), &["build", "s.toml", "--format", "md,docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mode = |name: &str| std::fs::metadata(dir.path().join(name)).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode("s.md"), mode("plain.txt"), "not the 0600 of a temporary file");
    assert_eq!(mode("s.docx"), mode("plain.txt"));
}

/// Every heading is at most one level below the one before, and the first is level 1.
fn assert_no_level_skipped(what: &str, md: &str) {
    let mut previous = 0u8;
    for (level, text) in parse(md).headings {
        assert!(level <= previous + 1, "{what}: heading {text:?} is level {level} after level {previous}");
        previous = level;
    }
}

#[test]
fn headings_never_skip_a_level() {
    let mut inputs: Vec<(String, String)> =
        examples().iter().map(|p| (p.display().to_string(), std::fs::read_to_string(p).expect("example"))).collect();
    inputs.push(("clean".into(), CLEAN.to_string()));
    inputs.push(("hostile de".into(), hostile_strategy("de")));
    inputs.push(("hostile en".into(), hostile_strategy("en")));
    inputs.push(("name only".into(), "[municipality]\nname = \"X\"\n".into()));
    for (name, text) in &inputs {
        for profile in ["full", "summary", "council"] {
            let md = build_md(text, &["--profile", profile]);
            assert_no_level_skipped(&format!("{name} {profile}"), &md);
        }
    }
}

#[test]
fn funding_sources_have_an_unspecified_row_and_a_total() {
    let toml = clean_with("quick_win = true", "quick_win = true\nfunding = \"Landesförderung\"")
        + "\n[[measures]]\nid = \"M2\"\nfield = \"administration\"\ngoals = [\"Z1\"]\nlead = \"Hauptamt\"\npriority = \"low\"\nbudget_eur = 300000\n";
    let md = build_md(&toml, &["--profile", "council"]);
    assert!(
        md.contains("| Finanzierung | Maßnahmen | Budget |\n|---|---:|---:|\n| Landesförderung | 1 | 1.200.000\u{a0}€ |\n| ohne Angabe | 1 | 300.000\u{a0}€ |\n| Summe | 2 | 1.500.000\u{a0}€ |\n"),
        "{md}"
    );
    let en = build_md(&toml.replace("review_months = 24", "review_months = 24\nlanguage = \"en\""), &[]);
    assert!(en.contains("| not specified | 1 | €300,000 |\n| Total | 2 | €1,500,000 |"), "{en}");

    // in every example the funding rows add up to the budget total
    for example in examples() {
        let dir = tempfile::tempdir().expect("dir");
        let out = run_in(dir.path(), &["build", &example.to_string_lossy(), "--format", "json", "--out", "o"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let name = files_in(&dir.path().join("o")).pop().expect("json");
        let model: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join("o").join(name)).expect("read")).expect("JSON");
        let f = &model["figures"];
        let by_source: u64 = f["budget_by_funding"]
            .as_array()
            .expect("array")
            .iter()
            .map(|x| x["budget_eur"].as_u64().unwrap_or(0))
            .sum();
        let without = f["without_funding"]["budget_eur"].as_u64().expect("without_funding");
        assert_eq!(by_source + without, f["budget_total"].as_u64().expect("total"), "{example:?}");
    }
}

#[test]
fn summary_drops_duplicates_ids_and_empty_headings() {
    let toml = clean_with("quick_win = true", "quick_win = true\nbenefit = \"Anträge online stellen.\"\nsdgs = [16]")
        + "\n[[goals]]\nid = \"Z2\"\ntitle = \"Ohne Inhalt\"\n\n[[fields]]\nid = \"empty-field\"\ntitle = \"Leeres Feld\"\n";
    let md = build_md(&toml, &["--profile", "summary"]);
    assert_eq!(md.matches("Anträge online stellen.").count(), 1, "the benefit once:\n{md}");
    assert!(
        md.contains("| 16 Frieden, Gerechtigkeit und starke Institutionen | Bürgerportal | 1 |"),
        "titles, not ids:\n{md}"
    );
    assert!(!md.contains("Ohne Inhalt") && !md.contains("Leeres Feld"), "empty goal/field headings:\n{md}");
    let p = parse(&md);
    assert!(!p.headings.iter().any(|(_, t)| t.contains("Nutzens")), "{:?}", p.headings);
}

#[test]
fn summary_and_council_use_reader_headings() {
    for example in examples() {
        let text = std::fs::read_to_string(&example).expect("example");
        for profile in ["summary", "council"] {
            let md = build_md(&text, &["--profile", profile]);
            for checklist in [
                "Kapitel pro Handlungsfeld",
                "One chapter per field of action",
                "Zielindikatoren als messbare Werte",
                "Goal indicators as measurable values",
                "Einleitung und allgemeine Inhalte",
                "Glossar, Erklärungen",
                "Worte der Bürgermeisterin",
            ] {
                assert!(!md.contains(&format!(" {checklist}")), "{example:?} {profile}: {checklist}");
            }
        }
    }
    let md = build_md(CLEAN, &["--profile", "summary"]);
    assert!(md.contains("## Ziele und Indikatoren") && md.contains("## Handlungsfelder"), "{md}");
    // the full working document keeps the outline's wording
    let full = build_md(CLEAN, &[]);
    assert!(full.contains("## Kapitel pro Handlungsfeld"), "{full}");
}

#[test]
fn full_profile_shows_benefit_lead_and_partners_once() {
    let toml = clean_with(
        "lead = \"Hauptamt\"",
        "lead = \"Hauptamt\"\npartners = [\"Stadtwerke\"]\nbenefit = \"Anträge rund um die Uhr.\"\nneeds = \"Lange Wartezeiten.\"",
    );
    let md = build_md(&toml, &[]);
    assert_eq!(md.matches("Anträge rund um die Uhr.").count(), 1, "benefit once:\n{md}");
    assert_eq!(md.matches("Lange Wartezeiten.").count(), 1, "needs once:\n{md}");
    assert!(md.contains("| Federführung | Hauptamt |") && md.contains("| Partner | Stadtwerke |"), "{md}");
    // the responsibilities item lists who is needed for which measure
    assert!(
        md.contains(
            "| Akteur | Federführung für | Partner bei |\n|---|---|---|\n| Hauptamt | M1 |  |\n| Stadtwerke |  | M1 |"
        ),
        "{md}"
    );
    // the measure profiles fill the appendix item as well
    assert!(md.contains("## Beschreibung der Einzelmaßnahmen\n\nDie Steckbriefe der 1 Maßnahmen stehen unter „Kapitel pro Handlungsfeld“"), "{md}");
}

#[test]
fn council_wording_follows_the_document_status() {
    let adopted = clean_with("review_months = 24", "review_months = 24\nstatus = \"adopted\"\nadopted_on = 2025-03-15");
    // an adopted strategy is for information: the council takes note
    let md = build_md(&adopted, &["--profile", "council"]);
    assert!(md.contains("Der Gemeinderat nimmt die am 15.03.2025 beschlossene „Smart-City-Strategie Musterstadt“ in der vorliegenden Fassung (22.11.2026) zur Kenntnis."), "{md}");
    assert!(!md.contains("beschließt die") && !md.contains("bestätigt"), "{md}");
    // asked to decide on it again, the council confirms and carries it forward
    let decision = format!("{adopted}\n[council]\nkind = \"decision\"\n");
    let md = build_md(&decision, &["--profile", "council"]);
    assert!(md.contains("Der Gemeinderat bestätigt die am 15.03.2025 beschlossene „Smart-City-Strategie Musterstadt“ in der vorliegenden fortgeschriebenen Fassung (22.11.2026)."), "{md}");
    assert!(md.contains("fortzuschreiben"), "{md}");
    let en = build_md(
        &decision.replace("status = \"adopted\"", "status = \"adopted\"\nlanguage = \"en\""),
        &["--profile", "council"],
    );
    assert!(en.contains("The council (Gemeinderat) confirms the “Smart City Strategy Musterstadt”, adopted on 15 March 2025, in the updated version presented (22 November 2026)."), "{en}");

    let quoted = clean_with("[document]", "[document]\ntitle = \"Strategie „Digitales Musterstadt“ 2030\"");
    let md = build_md(&quoted, &["--profile", "council"]);
    assert!(
        md.contains(
            "Der Gemeinderat beschließt die „Strategie ‚Digitales Musterstadt‘ 2030“ in der vorliegenden Fassung"
        ),
        "{md}"
    );
}

#[test]
fn example_indicators_name_what_they_count() {
    // "0 Anzahl (2023)" reads awkwardly: a unit names what is counted
    for example in examples() {
        let model: toml::Table = toml::from_str(&std::fs::read_to_string(&example).expect("example")).expect("TOML");
        for goal in model.get("goals").and_then(|g| g.as_array()).into_iter().flatten() {
            for indicator in goal.get("indicators").and_then(|i| i.as_array()).into_iter().flatten() {
                let unit = indicator.get("unit").and_then(|u| u.as_str()).unwrap_or_default();
                let bare = ["anzahl", "number", "pro jahr", "per year", "count"];
                assert!(
                    !bare.iter().any(|b| unit.to_lowercase().starts_with(b)),
                    "{example:?}: indicator {:?} has the unit {unit:?}",
                    indicator.get("name")
                );
            }
        }
    }
}

#[test]
fn quiet_still_shows_the_warnings_that_stopped_the_build() {
    // without a lead, the measure gets a warning
    let dir = dir_with(&[("s.toml", &clean_with("lead = \"Hauptamt\"\n", ""))]);
    let o = run_in(dir.path(), &["build", "s.toml", "-q", "--deny-warnings"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("warning["), "the warnings behind exit 2 are shown:\n{}", stderr(&o));
    assert!(stderr(&o).contains("--deny-warnings is set; nothing was written"), "{}", stderr(&o));
    let quiet = run_in(dir.path(), &["build", "s.toml", "-q", "--out", "out"]);
    assert_eq!(code(&quiet), 0, "{}", stderr(&quiet));
    assert_eq!(stderr(&quiet), "", "quiet without --deny-warnings prints nothing");
}

#[test]
fn formats_may_be_listed_with_spaces() {
    let dir = dir_with(&[("s.toml", &clean_with("", ""))]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md, html", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(files_in(&dir.path().join("out")), ["s.html", "s.md"]);
    let bad = run_in(dir.path(), &["build", "s.toml", "--format", "md, rtf"]);
    assert_eq!(code(&bad), 64);
    assert!(stderr(&bad).contains("invalid value 'rtf'"), "{}", stderr(&bad));
}

#[test]
fn out_dash_is_standard_output_not_a_directory() {
    let dir = dir_with(&[("s.toml", &clean_with("", ""))]);
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md", "-o", "-"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("---\ntitle:"), "{}", stdout(&o));
    assert!(!dir.path().join("-").exists(), "no directory named -");
    let two = run_in(dir.path(), &["build", "s.toml", "--format", "md,html", "-o", "-"]);
    assert_eq!(code(&two), 64, "{}", stderr(&two));
}

#[test]
fn out_file_writes_that_file_in_the_format_its_name_says() {
    let dir = dir_with(&[("s.toml", &clean_with("", "")), ("t.toml", &clean_with("", ""))]);
    let o = run_in(dir.path(), &["build", "s.toml", "-o", "docs/ulm.docx"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote docs/ulm.docx"), "{}", stderr(&o));
    let docx = std::fs::read(dir.path().join("docs/ulm.docx")).expect("a file, not a directory");
    assert!(docx.starts_with(b"PK"), "a DOCX package");
    let again = run_in(dir.path(), &["build", "s.toml", "-o", "docs/ulm.docx"]);
    assert_eq!(code(&again), 1, "an existing file needs --force");
    let forced = run_in(dir.path(), &["build", "s.toml", "-o", "docs/ulm.docx", "--force"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    let same = run_in(dir.path(), &["build", "s.toml", "--format", "html", "-o", "page.html"]);
    assert_eq!(code(&same), 0, "{}", stderr(&same));
    assert!(dir.path().join("page.html").is_file());

    let other = run_in(dir.path(), &["build", "s.toml", "--format", "md", "-o", "x.docx"]);
    assert_eq!(code(&other), 64);
    assert!(
        stderr(&other).contains("--out x.docx names one DOCX file; give one input and --format docx"),
        "{}",
        stderr(&other)
    );
    let two = run_in(dir.path(), &["build", "s.toml", "t.toml", "-o", "x.md"]);
    assert_eq!(code(&two), 64, "{}", stderr(&two));
    assert!(!dir.path().join("x.docx").exists() && !dir.path().join("x.md").exists());
}

#[test]
fn templates_with_a_docx_say_what_the_docx_takes_from_them() {
    let dir = dir_with(&[("s.toml", &clean_with("", ""))]);
    assert_eq!(code(&run_in(dir.path(), &["templates", "export", "tpl"])), 0);
    let o = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--format", "md,docx", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("note: the DOCX takes only the words of labels.toml from --templates; its layout is built in"),
        "{}",
        stderr(&o)
    );
    let md = run_in(dir.path(), &["build", "s.toml", "--templates", "tpl", "--out", "md", "--format", "md"]);
    assert!(!stderr(&md).contains("note: the DOCX"), "{}", stderr(&md));
}

#[test]
fn the_files_of_one_input_are_written_all_or_none() {
    let dir = dir_with(&[("s.toml", &clean_with("", ""))]);
    std::fs::create_dir_all(dir.path().join("out/s.html")).expect("a directory where a file goes");
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md,html,docx", "--out", "out"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("error: while building s.toml: out/s.html is a directory; a file of this build goes there"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files_in(&dir.path().join("out")), ["s.html"], "neither s.md nor s.docx is left");
    // nor a temporary file
    std::fs::remove_dir(dir.path().join("out/s.html")).expect("rmdir");
    let o = run_in(dir.path(), &["build", "s.toml", "--format", "md,html,docx", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(files_in(&dir.path().join("out")), ["s.docx", "s.html", "s.md"]);
}

#[test]
fn in_a_batch_each_input_is_written_all_or_none_while_the_next_ones_are_rendered() {
    // eight inputs: rendered in parallel, written by one writer while the others render
    let text = clean_with("", "");
    let names: Vec<String> = (1..=8).map(|i| format!("s{i}.toml")).collect();
    let files: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), text.as_str())).collect();
    let dir = dir_with(&files);
    std::fs::create_dir_all(dir.path().join("out/s5.html")).expect("a directory where a file goes");
    let mut args = vec!["build"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["--format", "md,html", "--out", "out"]);
    let o = run_in(dir.path(), &args);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("error: while building s5.toml: out/s5.html is a directory; a file of this build goes there"),
        "{}",
        stderr(&o)
    );
    let mut expected: Vec<String> =
        (1..=8).filter(|i| *i != 5).flat_map(|i| [format!("s{i}.html"), format!("s{i}.md")]).collect();
    expected.push("s5.html".into());
    expected.sort();
    assert_eq!(
        files_in(&dir.path().join("out")),
        expected,
        "every other input written whole, s5.md not, no temporary file"
    );
    // the outcomes are reported in the order given
    let err = stderr(&o);
    let wrote: Vec<&str> = err.lines().filter_map(|l| l.strip_prefix("wrote out/")).collect();
    let mut sorted = wrote.clone();
    sorted.sort_by_key(|f| f.trim_start_matches('s').split('.').next().and_then(|n| n.parse::<u32>().ok()));
    assert_eq!(wrote, sorted, "{err}");
    assert_eq!(wrote.len(), 14, "{err}");
}

#[test]
fn a_build_removes_the_temporary_files_a_killed_build_left() {
    let dir = dir_with(&[("s.toml", &clean_with("", ""))]);
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let stale = std::fs::File::create(dir.path().join("out/.strategiekit-Ab3xYz")).expect("create");
    stale.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600)).expect("mtime");
    let o = run_in(dir.path(), &["build", "s.toml", "--out", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(files_in(&dir.path().join("out")), ["s.md"]);
}

#[test]
fn each_profile_writes_its_own_document_into_the_json() {
    let dir = dir_with(&[("s.toml", CLEAN)]);
    let mut blocks = Vec::new();
    for (profile, name) in [("full", "s.json"), ("summary", "s.summary.json"), ("council", "s.council.json")] {
        let out = run_in(dir.path(), &["build", "s.toml", "--format", "json", "--profile", profile]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.path().join(name)).expect(name)).expect("JSON");
        assert_eq!(json["format"], "strategiekit-model/1");
        assert_eq!(json["strategy"]["municipality"]["name"], "Musterstadt", "the model is the same");
        assert_eq!(json["document"]["meta"]["profile"], profile, "{name}");
        blocks.push(json["document"]["blocks"].as_array().map_or(0, Vec::len));
    }
    assert!(blocks[0] > blocks[1] && blocks[1] > 0 && blocks[2] > 0, "full, summary, council: {blocks:?}");
}
