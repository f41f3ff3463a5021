//! The questions the interview can ask, behind a small trait: [`Terminal`]
//! asks them with dialoguer; tests answer them from a script.

use anyhow::Result;
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::i18n::interview::words;

/// Checks a typed answer; `Err` holds the reason, shown before asking again.
pub type Validator<'a> = &'a dyn Fn(&str) -> std::result::Result<(), String>;

/// The user pressed Ctrl-C: the interview stops and keeps its draft.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// The user asked to go back one question (`<` or `zurück` typed, Esc in a list).
#[derive(Debug)]
pub struct Back;

impl std::fmt::Display for Back {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("back")
    }
}

impl std::error::Error for Back {}

/// Whether a typed answer asks to go back: `<`, `zurück` or `back`.
pub fn is_back(answer: &str) -> bool {
    let a = answer.trim().to_lowercase();
    a == "<" || a == "zurück" || a == "zurueck" || a == "back"
}

/// One way of asking questions.
pub trait Prompter {
    /// Prints a line of guidance (a heading, a hint, a summary).
    fn say(&mut self, text: &str);
    /// A line of text. `default` is what Enter gives. `validate` is asked
    /// before an answer is accepted.
    fn text(&mut self, label: &str, default: &str, validate: Validator<'_>) -> Result<String>;
    /// Like [`Prompter::text`], with `initial` already typed (an earlier
    /// answer to change).
    fn text_with(&mut self, label: &str, default: &str, initial: &str, validate: Validator<'_>) -> Result<String> {
        let _ = initial;
        self.text(label, default, validate)
    }
    /// One of `items`; Enter takes `default`.
    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize>;
    /// Several of `items`; Enter takes those `checked`.
    fn multi_select(&mut self, label: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>>;
    /// Yes or no; Enter takes `default`.
    fn confirm(&mut self, label: &str, default: bool) -> Result<bool>;
    /// A long text in the user's editor; `None` when the editor was left without saving.
    fn editor(&mut self, initial: &str) -> Result<Option<String>>;
    /// Shows `answer` as the answer to the last [`Prompter::text`] question
    /// `label`, in place of what was typed (the start of a text written in
    /// the editor rather than the `e` that opened it).
    fn restate(&mut self, label: &str, answer: &str);
    /// How wide guidance may be, in characters: the terminal's width, at
    /// most 88 so that lines stay readable.
    fn width(&self) -> usize {
        88
    }
}

/// Reads a typed yes or no: `Some(None)` for an empty answer, `None` if unreadable.
pub fn yes_no(answer: &str) -> Option<Option<bool>> {
    match answer.trim().to_lowercase().as_str() {
        "" => Some(None),
        "j" | "ja" | "y" | "yes" => Some(Some(true)),
        "n" | "nein" | "no" => Some(Some(false)),
        _ => None,
    }
}

/// dialoguer's colorful theme, with the suggestion (the default) of a text
/// question in [brackets] like the plain theme, as the banner says, apart
/// from hints in (round brackets) such as `(„-“ leert)`.
struct Bracketed(ColorfulTheme);

impl Theme for Bracketed {
    fn format_input_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> std::fmt::Result {
        let t = &self.0;
        if !prompt.is_empty() {
            write!(f, "{} {} ", t.prompt_prefix, t.prompt_style.apply_to(prompt))?;
        }
        match default {
            Some(default) => write!(f, "{} {} ", t.hint_style.apply_to(format!("[{default}]")), t.prompt_suffix),
            None => write!(f, "{} ", t.prompt_suffix),
        }
    }

    fn format_input_prompt_selection(&self, f: &mut dyn std::fmt::Write, prompt: &str, sel: &str) -> std::fmt::Result {
        self.0.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_error(&self, f: &mut dyn std::fmt::Write, err: &str) -> std::fmt::Result {
        self.0.format_error(f, err)
    }
}

/// Asks in the terminal with dialoguer.
pub struct Terminal {
    lang: crate::model::Lang,
    term: Term,
    /// For choices and lists.
    theme: Box<dyn Theme>,
    /// For text questions: shows a suggestion in [brackets].
    input_theme: Box<dyn Theme>,
    color: bool,
}

impl Terminal {
    /// A prompter on stderr; colors unless `NO_COLOR` is set. Ctrl-C outside
    /// a prompt (while the editor runs, say) is noticed at the next question.
    pub fn new(lang: crate::model::Lang) -> Terminal {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let theme: Box<dyn Theme> = if color { Box::new(ColorfulTheme::default()) } else { Box::new(SimpleTheme) };
        let input_theme: Box<dyn Theme> =
            if color { Box::new(Bracketed(ColorfulTheme::default())) } else { Box::new(SimpleTheme) };
        // Ctrl-C inside a prompt arrives as a key (raw mode); the signal
        // listener catches it anywhere else, so the draft is kept and the
        // cursor restored; SIGTERM and SIGHUP give the terminal back and end.
        crate::signals::interview_mode();
        Terminal { lang, term: Term::stderr(), theme, input_theme, color }
    }

    /// Shows the cursor again (prompts hide it while they run).
    pub fn restore(&self) {
        let _ = self.term.show_cursor();
    }

    /// How many items of a list to show at once: all of them when the
    /// terminal is tall enough (dialoguer's pages say "[Page 1/2]" in English
    /// and hide what is chosen on the other page), else as many as fit.
    fn rows_for(&self, items: usize) -> usize {
        let rows = usize::from(self.term.size().0);
        items.min(rows.saturating_sub(4)).max(5)
    }

    fn interrupted(&self) -> Result<()> {
        if crate::signals::interrupted() { Err(Interrupted.into()) } else { Ok(()) }
    }
}

/// dialoguer reports Ctrl-C in raw mode as an `Interrupted` read.
fn map(e: dialoguer::Error) -> anyhow::Error {
    let dialoguer::Error::IO(io) = e;
    if io.kind() == std::io::ErrorKind::Interrupted || crate::signals::interrupted() {
        Interrupted.into()
    } else {
        anyhow::Error::new(io).context("cannot talk to the terminal")
    }
}

impl Terminal {
    /// dialoguer clears only the last row of a prompt that wrapped the
    /// terminal line (a long name, a long suggested title); the rows above
    /// it stay on screen above the `✔` line. Clears them and writes the `✔`
    /// line again.
    fn tidy_wrapped_prompt(&self, label: &str, default: &str, answer: &str) {
        let width = usize::from(self.term.size().1).max(1);
        let rows = |s: &str| console::measure_text_width(s).max(1).div_ceil(width);
        let mut prompt = String::new();
        let shown = (!default.is_empty()).then_some(default);
        if self.input_theme.format_input_prompt(&mut prompt, label, shown).is_err() {
            return;
        }
        // Enter on a suggestion shows it in the prompt, typed text after it
        let typed = if answer == default { "" } else { answer };
        let leftover = rows(&format!("{prompt}{typed}")).saturating_sub(1);
        if leftover == 0 {
            return;
        }
        let mut done = String::new();
        if self.input_theme.format_input_prompt_selection(&mut done, label, answer).is_err() {
            return;
        }
        let done = if self.color { done } else { console::strip_ansi_codes(&done).into_owned() };
        let _ = self.term.clear_last_lines(rows(&done) + leftover).and_then(|()| self.term.write_line(&done));
    }
}

impl Prompter for Terminal {
    fn width(&self) -> usize {
        // one column short of the edge, so a line never wraps by itself
        usize::from(self.term.size().1).saturating_sub(1).clamp(20, 88)
    }

    fn say(&mut self, text: &str) {
        let text = if self.color { text.to_string() } else { console::strip_ansi_codes(text).into_owned() };
        let _ = self.term.write_line(&text);
    }

    fn text(&mut self, label: &str, default: &str, validate: Validator<'_>) -> Result<String> {
        self.text_with(label, default, "", validate)
    }

    fn text_with(&mut self, label: &str, default: &str, initial: &str, validate: Validator<'_>) -> Result<String> {
        // a refused answer is shown again for editing, not cleared
        let mut refused = initial.to_string();
        loop {
            self.interrupted()?;
            let mut input =
                dialoguer::Input::<String>::with_theme(self.input_theme.as_ref()).with_prompt(label).allow_empty(true);
            if !default.is_empty() {
                input = input.default(default.to_string());
            }
            if !refused.is_empty() {
                input = input.with_initial_text(refused.clone());
            }
            let answer = input.interact_text_on(&self.term).map_err(map)?;
            self.tidy_wrapped_prompt(label, default, &answer);
            if is_back(&answer) {
                return Err(Back.into());
            }
            match validate(answer.trim()) {
                Ok(()) => return Ok(answer.trim().to_string()),
                Err(reason) => {
                    // the `✔` line of the refused answer gives way to the reason
                    let mut line = String::new();
                    let _ = self.input_theme.format_error(&mut line, &reason);
                    let line = if self.color { line } else { console::strip_ansi_codes(&line).into_owned() };
                    let _ = self.term.clear_last_lines(1).and_then(|()| self.term.write_line(&line));
                    refused = answer.trim().to_string();
                }
            }
        }
    }

    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize> {
        self.interrupted()?;
        if items.len() > 8 {
            // long lists (the 16 Länder): type a few letters to narrow them down
            let hint = words().type_to_search.get(self.lang);
            let label = format!("{label} {}", console::style(hint).dim());
            return dialoguer::FuzzySelect::with_theme(self.theme.as_ref())
                .with_prompt(label)
                .items(items)
                .default(default)
                .max_length(self.rows_for(items.len()))
                .interact_on_opt(&self.term)
                .map_err(map)?
                .ok_or_else(|| Back.into());
        }
        // Esc goes back one question
        dialoguer::Select::with_theme(self.theme.as_ref())
            .with_prompt(label)
            .items(items)
            .default(default)
            .max_length(self.rows_for(items.len()))
            .interact_on_opt(&self.term)
            .map_err(map)?
            .ok_or_else(|| Back.into())
    }

    fn multi_select(&mut self, label: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>> {
        self.interrupted()?;
        // how to choose, in the interview's words, unless the label says it already
        let hint = words().space_selects_enter_confirms.get(self.lang);
        let label =
            if label.contains(hint) { label.to_string() } else { format!("{label} {}", console::style(hint).dim()) };
        dialoguer::MultiSelect::with_theme(self.theme.as_ref())
            .with_prompt(label)
            .items(items)
            .defaults(checked)
            .max_length(self.rows_for(items.len()))
            .interact_on_opt(&self.term)
            .map_err(map)?
            .ok_or_else(|| Back.into())
    }

    fn confirm(&mut self, label: &str, default: bool) -> Result<bool> {
        // typed, not a single key: accepts j/ja/y/yes and n/nein/no, Enter gives the default
        let w = words();
        let hint = if default { &w.confirm_default_yes } else { &w.confirm_default_no }.get(self.lang);
        let expected = words().please_type_y_or_n.get(self.lang);
        let label = format!("{label} {hint}");
        let answer = self.text(&label, "", &|a: &str| match yes_no(a) {
            Some(_) => Ok(()),
            None => Err(expected.to_string()),
        })?;
        let yes = yes_no(&answer).flatten().unwrap_or(default);
        if answer.is_empty() {
            // Enter alone: show what it chose instead of nothing
            let word = if yes { &w.yes } else { &w.no }.get(self.lang);
            self.restate(&label, word);
        }
        Ok(yes)
    }

    fn editor(&mut self, initial: &str) -> Result<Option<String>> {
        self.interrupted()?;
        let text = dialoguer::Editor::new().extension(".md").require_save(true).edit(initial);
        // the editor shares our process group: a Ctrl-C typed inside it (vim
        // uses it to cancel) must not end the interview and lose the text
        crate::signals::clear_interrupt();
        text.map_err(|e| {
            let dialoguer::Error::IO(io) = e;
            anyhow::Error::new(io).context("cannot run the editor ($VISUAL or $EDITOR)")
        })
    }

    fn restate(&mut self, label: &str, answer: &str) {
        let mut line = String::new();
        if self.input_theme.format_input_prompt_selection(&mut line, label, answer).is_err() {
            return;
        }
        // the echo dialoguer wrote, `label · e`, may have wrapped
        let mut typed = String::new();
        let _ = self.input_theme.format_input_prompt_selection(&mut typed, label, "e");
        let width = usize::from(self.term.size().1).max(1);
        let rows = console::measure_text_width(&typed).max(1).div_ceil(width);
        let line = if self.color { line } else { console::strip_ansi_codes(&line).into_owned() };
        let _ = self.term.clear_last_lines(rows).and_then(|()| self.term.write_line(&line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggestion_is_shown_in_brackets_in_both_themes() {
        let plain = console::strip_ansi_codes;
        for theme in [Box::new(Bracketed(ColorfulTheme::default())) as Box<dyn Theme>, Box::new(SimpleTheme)] {
            let mut line = String::new();
            theme.format_input_prompt(&mut line, "Fortschreibung alle … Monate („-“ leert)", Some("24")).expect("fmt");
            assert!(plain(&line).contains("Fortschreibung alle … Monate („-“ leert) [24]"), "{line}");
        }
    }
}
