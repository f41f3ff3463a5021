//! The helper commands: init, outline, schema, completions, man, usage errors.

use crate::util::*;

#[test]
fn the_starter_passes_check_and_so_does_every_commented_key() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let starter = std::fs::read_to_string(dir.path().join("strategy.toml")).expect("starter written");
    let check = run_in(dir.path(), &["check", "strategy.toml"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));

    // every key of the catalogue's [text] and [production] is listed
    for id in ["foreword", "plain_language", "lorawan", "ethics_guidelines", "digital_edition"] {
        assert!(starter.contains(&format!("# {id} = ")), "{id} missing from the starter");
    }
    // uncomment every `# key = value` line: the result is a valid, fuller strategy
    let uncommented: String = starter
        .lines()
        .map(|l| {
            let t = l.trim_start();
            let is_key = t.strip_prefix("# ").is_some_and(|rest| {
                rest.split_once(" = ").is_some_and(|(k, _)| {
                    k.trim_start().chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                }) || rest.trim_start().starts_with("[[")
            });
            if is_key { t.replacen("# ", "", 1) } else { l.to_string() }
        })
        .map(|l| l.replace("= \"\"", "= \"Text\"") + "\n")
        .collect();
    std::fs::write(dir.path().join("full.toml"), &uncommented).expect("written");
    // the images the starter names, beside it
    let images = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/images");
    for name in ["wappen.png", "zielbild.png"] {
        std::fs::copy(images.join("ulm-zielbild.png"), dir.path().join(name)).expect("image");
    }
    let check = run_in(dir.path(), &["check", "full.toml"]);
    let err = stderr(&check);
    assert_eq!(code(&check), 1, "the uncommented starter refers to goal Z0 on purpose:\n{err}");
    assert!(err.contains("`goals[0].parent` refers to goal \"Z0\""), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "only the illustrative parent is unresolved:\n{err}");

    let again = run_in(dir.path(), &["init"]);
    assert_eq!(code(&again), 1);
    assert!(stderr(&again).contains("strategy.toml already exists; use --force to replace it"));
}

#[test]
fn init_writes_a_bundled_example() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_in(dir.path(), &["init", "mine.toml", "--example", "ulm"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let written = std::fs::read(dir.path().join("mine.toml")).expect("written");
    let original =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ulm.toml")).expect("example");
    assert_eq!(written, original);
    let unknown = run_in(dir.path(), &["init", "x.toml", "--example", "atlantis"]);
    assert_eq!(code(&unknown), 64);
    assert!(
        stderr(&unknown).contains("[possible values: bitburg-pruem-en, kalletal-lemgo, myk10, ulm]"),
        "{}",
        stderr(&unknown)
    );
    let stdout_init = run_in(dir.path(), &["init", "-"]);
    assert!(stdout(&stdout_init).contains("[municipality]\nname = \"Musterstadt\""));
}

#[test]
fn outline_lists_the_catalogue() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_in(dir.path(), &["outline"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.starts_with("1 Einleitung und allgemeine Inhalte [introduction]\n  foreword"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("  ") && !l.starts_with("   ")).count(),
        79 * 2 - 79,
        "one id line per item"
    );
    let en = stdout(&run_in(dir.path(), &["outline", "--lang", "en"]));
    assert!(en.contains("6 Production checklist [production]"), "{en}");
    let json: serde_json::Value =
        serde_json::from_slice(&run_in(dir.path(), &["outline", "--json"]).stdout).expect("JSON");
    assert_eq!(json["items"].as_array().map(Vec::len), Some(79));
}

#[test]
fn schema_is_json_schema_with_the_catalogue_ids() {
    let out = run_in(std::path::Path::new("."), &["schema"]);
    assert_eq!(code(&out), 0);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["required"], serde_json::json!(["municipality"]));
    assert!(schema["properties"]["text"]["properties"]["foreword"].is_object());
    assert_eq!(schema["properties"]["text"]["additionalProperties"], false);
}

#[test]
fn completions_and_man_page() {
    let here = std::path::Path::new(".");
    let bash = run_in(here, &["completions", "bash"]);
    assert_eq!(code(&bash), 0);
    assert!(stdout(&bash).contains("_strategiekit()"));
    let man = run_in(here, &["man"]);
    assert_eq!(code(&man), 0);
    let page = stdout(&man);
    assert!(page.contains(".TH strategiekit 1"), "{page}");
    // one page: every subcommand with its options, no references to pages that do not exist
    for section in
        [".SH \"STRATEGIEKIT BUILD\"", ".SH \"STRATEGIEKIT INTERVIEW\"", ".SH \"STRATEGIEKIT TEMPLATES EXPORT\""]
    {
        assert!(page.contains(section), "{section} missing:\n{page}");
    }
    assert!(page.contains("\\-\\-min\\-coverage") && page.contains("\\-\\-from"), "options of check and interview");
    assert!(!page.contains("strategiekit\\-build(1)") && !page.contains("strategiekit-build(1)"), "{page}");
    assert!(page.contains("130 interview interrupted"), "exit codes");
}

#[test]
fn usage_errors_exit_64_and_help_exits_0() {
    let here = std::path::Path::new(".");
    assert_eq!(code(&run_in(here, &["build"])), 64);
    assert_eq!(code(&run_in(here, &["frobnicate"])), 64);
    assert_eq!(code(&run_in(here, &["build", "x.toml", "--format", "rtf"])), 64);
    assert_eq!(code(&run_in(here, &["build", "x.toml", "--profile", "xl"])), 64);
    let help = run_in(here, &["--help"]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("Exit codes: 0 success, 1 input or rendering error"));
    assert_eq!(code(&run_in(here, &["--version"])), 0);
}

#[test]
fn diff_lists_what_a_review_changed() {
    let old = clean_with("", "");
    let new = old
        .replace("title = \"Bürgerportal\"", "title = \"Bürgerportal 2.0\"\nstatus = \"running\"")
        .replace("title = \"Verwaltung digital\"", "title = \"Verwaltung | digital\"");
    assert_ne!(old, new, "the fixture changed");
    let dir = dir_with(&[("old.toml", &old), ("new.toml", &new)]);
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("---\ntitle: \"Änderungen: old.toml → new.toml\"\n"), "{md}");
    assert!(
        md.contains(
            "# Ziele\n\n- geändert: Z1 Verwaltung \\| digital: Titel Verwaltung digital → Verwaltung \\| digital\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("- geändert: M1 Bürgerportal 2.0: Titel Bürgerportal → Bürgerportal 2.0; Status – → laufend\n"),
        "{md}"
    );

    let same = run_in(dir.path(), &["diff", "old.toml", "old.toml", "--lang", "en"]);
    assert!(stdout(&same).ends_with("---\n\n- **Municipality:** Musterstadt\n\nNo changes.\n"), "{}", stdout(&same));
}

#[test]
fn diff_writes_every_format_with_the_documents_words() {
    let old = clean_with("", "");
    let new = old.replace("title = \"Bürgerportal\"", "title = \"Bürgerportal 2.0\"");
    let dir = dir_with(&[("old.toml", &old), ("new.toml", &new)]);
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml", "-f", "md,docx,html,json", "-o", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for ext in ["md", "docx", "html", "json"] {
        assert!(stderr(&o).contains(&format!("wrote out/new.changes.{ext}\n")), "{}", stderr(&o));
    }
    let html = std::fs::read_to_string(dir.path().join("out/new.changes.html")).expect("html");
    assert!(html.contains("<title>Änderungen: old.toml → new.toml</title>"), "{html}");
    assert!(html.contains(">Maßnahmen</h2>") && html.contains("geändert: M1 Bürgerportal 2.0"), "{html}");
    let json = std::fs::read_to_string(dir.path().join("out/new.changes.json")).expect("json");
    assert!(json.contains("\"format\": \"strategiekit-document/1\""), "{json}");
    let docx = std::fs::read(dir.path().join("out/new.changes.docx")).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut body = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("a body"), &mut body).expect("UTF-8");
    assert!(body.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr>"#), "the parts are chapters");
    assert!(!body.contains("<w:pageBreakBefore/>"), "a change log runs on, without a page per part");

    // the words come from --templates
    let labels = run_in(dir.path(), &["templates", "export", "tpl"]);
    assert_eq!(code(&labels), 0, "{}", stderr(&labels));
    let path = dir.path().join("tpl/labels.toml");
    let text = std::fs::read_to_string(&path).expect("labels").replace("\"geändert\"", "\"verändert\"");
    std::fs::write(&path, text).expect("write labels");
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml", "--templates", "tpl"]);
    assert!(stdout(&o).contains("- verändert: M1 Bürgerportal 2.0"), "{}", stdout(&o));

    // several formats need a directory; existing files need --force
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml", "-f", "md,html"]);
    assert_eq!(code(&o), 64, "{}", stderr(&o));
    let o = run_in(dir.path(), &["diff", "old.toml", "new.toml", "-f", "md", "-o", "out"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("out/new.changes.md already exists; use --force to replace it"), "{}", stderr(&o));
}

#[test]
fn diff_refuses_files_with_errors() {
    let dir = dir_with(&[("old.toml", &clean_with("", "")), ("bad.toml", "[municipality]\n")]);
    let o = run_in(dir.path(), &["diff", "old.toml", "bad.toml"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("error: bad.toml has errors; fix them before comparing"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

/// The comment lines of a starter (without the `# key = …` lines).
fn comments(starter: &str) -> String {
    starter
        .lines()
        .filter(|l| l.trim_start().starts_with('#') && !l.contains(" = ") && !l.starts_with("#:schema"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_starter_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("dir");
    let de = stdout(&run_in(dir.path(), &["init", "-"]));
    let en = stdout(&run_in(dir.path(), &["init", "-", "--lang", "en"]));
    // German comments in the German starter, English ones in the English starter
    let de_comments = comments(&de);
    for english in
        ["Only [municipality]", "Remove the", "Free text for", "Goals: one", "Measures, each", "Stakeholders"]
    {
        assert!(!de.contains(english), "English comment {english:?} in the German starter:\n{de_comments}");
    }
    for german in [
        "Pflicht ist nur",
        "Freitext zu jedem Gliederungspunkt",
        "Ziele: je Ziel",
        "Maßnahmen, jede in",
        "# --- Einleitung und allgemeine Inhalte ---",
        "# foreword = \"\"                # Vorwort",
    ] {
        assert!(de.contains(german), "{german:?} missing in the German starter:\n{de}");
    }
    assert!(de.contains("language = \"de\"") && en.contains("language = \"en\""));
    for english in [
        "Only [municipality] with name is required",
        "# --- Introduction and general content ---",
        "# foreword = \"\"                # Foreword",
        "# The production checklist",
    ] {
        assert!(en.contains(english), "{english:?} missing in the English starter:\n{en}");
    }
    for german in ["Pflicht", "Freitext", "Handlungsfelder", "Vorwort", "Maßnahmen"] {
        assert!(!en.contains(german), "German {german:?} in the English starter");
    }
    // both pass check as written
    std::fs::write(dir.path().join("en.toml"), &en).expect("written");
    let check = run_in(dir.path(), &["check", "en.toml"]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    // an example has its own language
    assert_eq!(code(&run_in(dir.path(), &["init", "x.toml", "--example", "ulm", "--lang", "en"])), 64);
}

#[test]
fn the_german_outline_has_no_english_notes() {
    let dir = tempfile::tempdir().expect("dir");
    let de = stdout(&run_in(dir.path(), &["outline"]));
    for english in ["generated from structured input", "only when selected", "checklist in"] {
        assert!(!de.contains(english), "{english:?} in the German outline");
    }
    assert!(de.contains("Vision (aus den strukturierten Angaben erzeugt)"), "{de}");
    assert!(de.contains("[technical] — nur wenn in [technical].topics gewählt oder mit Text"), "{de}");
    let en = stdout(&run_in(dir.path(), &["outline", "--lang", "en"]));
    assert!(en.contains("Vision (generated from structured input)"), "{en}");
}

/// Runs the binary with its standard output a pipe nobody reads.
fn run_into_closed_pipe(args: &[&str]) -> std::process::Output {
    use std::process::Stdio;
    let mut child = bin()
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("starts");
    drop(child.stdout.take()); // the reader is gone before anything is written
    child.wait_with_output().expect("ends")
}

#[test]
fn a_closed_pipe_on_stdout_is_no_error() {
    let ulm = examples().into_iter().find(|p| p.ends_with("ulm.toml")).expect("ulm");
    let ulm = ulm.to_string_lossy().into_owned();
    for args in [
        vec!["init", "-"],
        vec!["outline"],
        vec!["outline", "--json"],
        vec!["schema"],
        vec!["man"],
        vec!["completions", "bash"],
        vec!["check", ulm.as_str(), "--format", "json"],
    ] {
        let out = run_into_closed_pipe(&args);
        let err = stderr(&out);
        assert!(!err.contains("panicked") && !err.to_lowercase().contains("broken pipe"), "{args:?}:\n{err}");
        assert_eq!(code(&out), 0, "{args:?}:\n{err}");
    }
}

#[test]
fn init_creates_missing_directories() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_in(dir.path(), &["init", "new/deeper/strategy.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("new/deeper/strategy.toml").is_file());
}

#[test]
fn templates_context_prints_what_the_templates_see() {
    let here = std::path::Path::new(".");
    let ulm = examples().into_iter().find(|e| e.ends_with("ulm.toml")).expect("ulm");
    let out = run_in(here, &["templates", "context", &ulm.to_string_lossy(), "--profile", "council"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ctx: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let keys: Vec<&str> = ctx.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["meta", "toc", "blocks", "labels"]);
    assert_eq!(ctx["meta"]["profile"], "council");
    assert_eq!(ctx["blocks"][0]["facts"]["items"][0]["value"], "Informationsvorlage", "{}", ctx["blocks"][0]);
    assert_eq!(ctx["blocks"][1]["heading"]["level"], 1, "{}", ctx["blocks"][1]);
    // an invalid file: its errors, exit 1, nothing on stdout
    let dir = dir_with(&[("bad.toml", "[municipality]\nname = \"\"\n")]);
    let out = run_in(dir.path(), &["templates", "context", "bad.toml"]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("`municipality.name` is blank"), "{}", stderr(&out));
}

#[test]
fn init_writes_the_schema_its_first_line_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run_in(dir.path(), &["init", "s.toml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let starter = std::fs::read_to_string(dir.path().join("s.toml")).expect("starter");
    assert!(starter.starts_with("#:schema ./strategiekit.schema.json\n"), "{starter}");
    let schema = std::fs::read_to_string(dir.path().join("strategiekit.schema.json")).expect("the schema is written");
    assert_eq!(schema, stdout(&run_in(dir.path(), &["schema"])), "the same schema `schema` prints");
    std::fs::write(dir.path().join("strategiekit.schema.json"), "{}").expect("write");
    let again = run_in(dir.path(), &["init", "t.toml"]);
    assert!(stderr(&again).contains("kept strategiekit.schema.json; refresh it with"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(dir.path().join("strategiekit.schema.json")).expect("kept"), "{}");
}
