//! `strategiekit interview`: a Chief Digital Officer answers prompts, section
//! by section, and gets the same input file a consultant writes by hand.
//!
//! - [`flow`] asks the questions, in catalogue order, and edits the model;
//! - [`prompt`] is how questions are asked (dialoguer, or a script in tests);
//! - [`draft`] keeps the answers so far beside the output.

pub mod draft;
pub mod flow;
pub mod parse;
pub mod prompt;
pub mod replay;

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use console::style;

use crate::build::{Build, ReportStyle};
use crate::catalogue::Profile;
use crate::figures::Figures;
use crate::i18n::interview::words;
use crate::model::coverage::coverage;
use crate::model::write::to_toml;
use crate::model::{CheckOptions, Checked, Date, DocumentInfo, Lang, Severity, Strategy};
use crate::output::{OutputFile, write_atomic};
use crate::render::{Format, Renderers, Settings};
use crate::templates::TemplateSet;
use flow::Flow;
use prompt::{Interrupted, Prompter, Terminal};

/// The interview's settings, from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    /// The input file to write.
    pub out: PathBuf,
    /// An earlier input file whose answers are the defaults.
    pub from: Option<PathBuf>,
    /// Language of the questions (and of a new document).
    pub lang: Option<Lang>,
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The file was written.
    Written,
    /// Ctrl-C: the draft was kept.
    Interrupted,
    /// The user declined to go on (e.g. not to replace an existing file).
    Declined,
}

/// Today's date (UTC), for the document date of a new strategy.
pub fn today() -> Date {
    Date::today()
}

/// A new, empty strategy with the defaults the interview proposes.
pub fn fresh(lang: Lang) -> Strategy {
    Strategy {
        document: DocumentInfo {
            date: Some(today()),
            review_months: Some(24),
            language: lang,
            ..DocumentInfo::default()
        },
        ..Strategy::default()
    }
}

/// The message for a run without a terminal.
pub fn no_terminal_message() -> &'static str {
    "`strategiekit interview` asks questions and needs a terminal on stdin and stdout; none was found \
     (a CI job or a pipe?), so nothing was asked or written.\n\
     Without a terminal: `strategiekit init strategy.toml` writes a commented starter file to fill in, \
     `strategiekit check strategy.toml` checks it, `strategiekit build strategy.toml --format md,docx` builds it."
}

/// Whether stdin, stdout and stderr (where the questions appear) are terminals.
pub fn has_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal() && std::io::stderr().is_terminal()
}

/// Runs an interview in the terminal.
pub fn run(options: &Options, color: bool) -> Result<Ending> {
    let (from, lang) = prepare(options)?;
    let mut terminal = Terminal::new(lang);
    let ending = ask(&mut terminal, options, from, lang).and_then(|ending| {
        if ending == Ending::Written {
            offer_build(&mut terminal, options, lang, color)?;
        }
        Ok(ending)
    });
    terminal.restore();
    ending
}

/// Offers to build Markdown and DOCX beside the written file.
fn offer_build(p: &mut dyn Prompter, options: &Options, lang: Lang, color: bool) -> Result<()> {
    let question = words().build_markdown_and_docx_now.get(lang);
    if !confirm_here(p, question, false)? {
        let file = options.out.display();
        p.say(&format!("{} strategiekit build {file} --format md,docx", words().later.get(lang)));
        return Ok(());
    }
    let dir = match options.out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let settings = Build {
        inputs: vec![options.out.clone()],
        formats: vec![Format::Md, Format::Docx],
        profile: Profile::Full,
        out: dir,
        force: false,
        deny_warnings: false,
        style: ReportStyle { quiet: false, color },
        check: CheckOptions::default(),
        since: None,
    };
    let plan = settings.plan()?;
    for outcome in plan.run(&Renderers::new(TemplateSet::builtin(), &Settings::default())?) {
        eprint!("{}", crate::build::report(&outcome, false));
    }
    Ok(())
}

/// Reads `--from`, which must pass `check` without errors; its images'
/// relative paths are rewritten to start from the folder of `out`.
fn load_from(path: &Path, out: &Path) -> Result<Strategy> {
    let checked = Checked::from_path(path, CheckOptions::default())?;
    match checked.valid() {
        Some(s) => {
            let mut s = s.clone();
            crate::model::images::rebase(
                &mut s,
                path.parent().unwrap_or(Path::new("")),
                out.parent().unwrap_or(Path::new("")),
            );
            Ok(s)
        }
        None => anyhow::bail!(
            "{} has errors; fix them first (strategiekit check {}):\n{}",
            path.display(),
            path.display(),
            checked.render(false).trim_end()
        ),
    }
}

/// The interview over any prompter: resume or start, ask, write, summarise.
pub fn interview(p: &mut dyn Prompter, options: &Options) -> Result<Ending> {
    let (from, lang) = prepare(options)?;
    ask(p, options, from, lang)
}

/// The old answers of `--from` (read once) and the language of the questions:
/// `--lang`, else that of `--from`, else German.
fn prepare(options: &Options) -> Result<(Option<Strategy>, Lang)> {
    let from = options.from.as_deref().map(|from| load_from(from, &options.out)).transpose()?;
    let lang = options.lang.or(from.as_ref().map(|s| s.document.language)).unwrap_or_default();
    Ok((from, lang))
}

/// The interview proper, given the old answers and the language.
fn ask(p: &mut dyn Prompter, options: &Options, from: Option<Strategy>, lang: Lang) -> Result<Ending> {
    let t = |word: &'static crate::i18n::Entry| word.get(lang);
    let draft_path = draft::path_for(&options.out);

    // a review with --from starts at the overview, a new interview with the municipality
    let mut start = match from {
        Some(old) => (old, None, 0),
        None => (fresh(lang), Some(0), 0),
    };
    let mut resumed = false;
    match draft::load(&draft_path) {
        Ok(Some(d)) => {
            let at = flow::step_title(d.step, lang);
            let path = draft_path.display().to_string();
            let question = words().draft_found.fill(lang, &[("at", &at), ("path", &path)]);
            match confirm_here(p, &question, true) {
                Ok(true) => {
                    start = (d.strategy, Some(d.step), d.question);
                    resumed = true;
                }
                Ok(false) => {
                    // starting anew never overwrites the old answers: they are kept aside
                    let kept = draft::backup_path(&draft_path);
                    std::fs::rename(&draft_path, &kept)
                        .with_context(|| format!("cannot move {}", draft_path.display()))?;
                    p.say(&format!("{} {}", t(&words().draft_kept_as), kept.display()));
                }
                // nothing was asked yet: the draft stays as it is
                Err(e) if e.is::<Interrupted>() => return Ok(Ending::Interrupted),
                Err(e) => return Err(e),
            }
        }
        Ok(None) => {}
        Err(e) => {
            let aside = draft::aside_path(&draft_path);
            std::fs::rename(&draft_path, &aside).with_context(|| format!("cannot move {}", draft_path.display()))?;
            p.say(&format!("{e:#}\n{} {}", t(&words().moved_aside_to), aside.display()));
        }
    }

    let replacing_from = options.from.as_deref().is_some_and(|f| same_file(f, &options.out));
    if options.out.exists() && !resumed {
        let question = format!(
            "{} {} {}",
            options.out.display(),
            t(&words().exists_replace_at_end),
            if replacing_from { "" } else { t(&words().no_stop) }
        );
        let replace = match confirm_here(p, question.trim_end(), replacing_from) {
            Err(e) if e.is::<Interrupted>() => return Ok(Ending::Interrupted),
            other => other?,
        };
        if !replace {
            p.say(t(&words().nothing_written_choose_another));
            return Ok(Ending::Declined);
        }
    }

    let (strategy, step, question) = start;
    let mut save = |s: &Strategy, step: usize, question: usize| draft::save(&draft_path, s, step, question, lang);
    let mut flow = Flow::new(p, strategy, lang, &mut save);
    match flow.run(step, question) {
        Ok(()) => {}
        Err(e) if e.is::<Interrupted>() => {
            // a resumed interview goes on at the question that was cut short
            let (s, at, question) = (flow.s.clone(), flow.current_step(), flow.current_question());
            drop(flow);
            draft::save(&draft_path, &s, at, question, lang)?;
            p.say(&format!(
                "\n{} {}\n{} strategiekit interview -o {}",
                t(&words().interrupted),
                draft_path.display(),
                t(&words().resume_with),
                options.out.display()
            ));
            return Ok(Ending::Interrupted);
        }
        Err(e) => return Err(e),
    }
    let s = flow.s.clone();
    drop(flow);

    let text = to_toml(&s, lang);
    let checked = Checked::from_source(options.out.display().to_string(), text.clone(), CheckOptions::default());
    if checked.errors() > 0 {
        // cannot happen when every answer was checked; keep the draft and say what is wrong
        draft::save(&draft_path, &s, flow::steps().len(), 0, lang)?;
        anyhow::bail!(
            "the answers do not pass check; they are kept in {}:\n{}",
            draft_path.display(),
            checked.render(false).trim_end()
        );
    }
    write_atomic(&OutputFile { path: options.out.clone(), bytes: text.into_bytes() }, true)?;
    if draft_path.exists() {
        std::fs::remove_file(&draft_path).with_context(|| format!("cannot remove {}", draft_path.display()))?;
    }
    summary(p, &s, &checked, lang, &options.out);
    Ok(Ending::Written)
}

/// A yes/no outside the questions of a section, where there is nothing to
/// go back to: `<` asks again.
fn confirm_here(p: &mut dyn Prompter, label: &str, default: bool) -> Result<bool> {
    loop {
        match p.confirm(label, default) {
            Err(e) if e.is::<prompt::Back>() => continue,
            answer => return answer,
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The closing summary: what the file holds and what `check` would say.
fn summary(p: &mut dyn Prompter, s: &Strategy, checked: &Checked, lang: Lang, out: &Path) {
    let t = |word: &'static crate::i18n::Entry| word.get(lang);
    let figures = Figures::of(s);
    let cov = coverage(s);
    p.say(&format!("\n{} {}", style(t(&words().written)).bold(), out.display()));
    let rows = [
        (t(&words().goals), s.goals.len().to_string()),
        (t(&words().fields_of_action), s.fields.len().to_string()),
        (t(&words().measures), s.measures.len().to_string()),
        (t(&words().total_budget), crate::i18n::money(lang, figures.budget_total)),
        (
            t(&words().outline_coverage),
            format!("{} % ({}/{})", crate::i18n::number(lang, cov.percent), cov.filled, cov.total),
        ),
    ];
    for (label, value) in rows {
        p.say(&format!("  {label:<26} {value}"));
    }
    let warnings: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity == Severity::Warning).collect();
    if warnings.is_empty() {
        p.say(&format!("  {}", t(&words().check_no_warnings)));
    } else {
        p.say(&format!("  {} {}:", t(&words().check_warnings), warnings.len()));
        for w in warnings {
            // for people: no key paths, line numbers or codes (`check` shows them);
            // warnings name ids, not keys, so no question's label is needed
            let (message, _) = w.text(lang, "");
            p.say(&format!("  - {message}"));
        }
    }
}

#[cfg(test)]
mod tests;
