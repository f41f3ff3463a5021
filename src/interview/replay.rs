//! Going back one question: the answers of the section being asked are
//! recorded; to go back, the flow starts the section again from the model
//! as it was when the section began, the recorded answers before the
//! previous question are given again without asking, and the previous
//! question is asked with its answer already in place.
//!
//! The flow is deterministic, so the same answers take the same path
//! (through lists, added entries and all), and nothing is applied twice.

use std::collections::VecDeque;

use anyhow::Result;

use super::prompt::{Prompter, Validator};

/// One answer, as the prompter gave it.
#[derive(Debug, Clone, PartialEq)]
enum Reply {
    Text(String),
    Select(usize),
    Multi(Vec<usize>),
    Confirm(bool),
    Editor(Option<String>),
    /// In a replay: whatever the question proposes (Enter), for resuming a
    /// draft at the question where it stopped (its answers are in the model,
    /// so they are what each question proposes).
    Default,
}

/// A prompter that records the answers of one section and can replay them.
pub struct Recorder<'p> {
    inner: &'p mut dyn Prompter,
    /// The answers given in the section so far.
    log: Vec<Reply>,
    /// Answers to give again without asking.
    replay: VecDeque<Reply>,
    /// The answer to put in place at the next question asked.
    prefill: Option<Reply>,
    /// Guidance said while replaying, since the last replayed answer: shown
    /// before the next question that is asked.
    held: Vec<String>,
    /// The last question was answered from the replay (so nothing to restate).
    replayed: bool,
    /// A text answer was replayed and an editor was then opened for real:
    /// the answer's echo line was never shown.
    echo_missing: bool,
}

impl<'p> Recorder<'p> {
    /// Records the answers `inner` gives.
    pub fn new(inner: &'p mut dyn Prompter) -> Self {
        Recorder {
            inner,
            log: Vec::new(),
            replay: VecDeque::new(),
            prefill: None,
            held: Vec::new(),
            replayed: false,
            echo_missing: false,
        }
    }

    /// A section begins: its answers are recorded from here.
    pub fn start(&mut self) {
        self.log.clear();
        self.replay.clear();
        self.prefill = None;
        self.held.clear();
    }

    /// How many questions of the section were answered.
    pub fn answered(&self) -> usize {
        self.log.len()
    }

    /// Where a resumed section goes on: the answered questions, not
    /// counting the editor (a text written there is one question, `e` and
    /// its text), as [`Recorder::skip`] counts them.
    pub fn position(&self) -> usize {
        self.log.iter().filter(|r| !matches!(r, Reply::Editor(_))).count()
    }

    /// Prepares the section to be asked again: the first `n` answers are
    /// given again, the one after them is put in place at its question.
    pub fn rewind(&mut self, n: usize) {
        let log = std::mem::take(&mut self.log);
        self.replay = log.iter().take(n).cloned().collect();
        self.prefill = log.get(n).cloned();
        self.held.clear();
    }

    /// Answers the next `n` questions with what they propose, without
    /// asking: a resumed draft goes on at the question where it stopped.
    pub fn skip(&mut self, n: usize) {
        self.replay.extend(std::iter::repeat_n(Reply::Default, n));
    }

    /// The next replayed answer, if it is of the kind asked (or
    /// [`Reply::Default`]); it is recorded as `answer` makes it.
    /// `resumable`: a [`Reply::Default`] may answer this kind of question.
    /// What a list or a yes/no proposes need not be the path taken before
    /// (an entry opened, one added), so a resume stops there and asks.
    fn replayed<T>(
        &mut self,
        resumable: bool,
        fits: impl Fn(&Reply) -> bool,
        answer: impl Fn(Reply) -> (T, Reply),
    ) -> Option<T> {
        let next = |r: &Reply| if *r == Reply::Default { resumable } else { fits(r) };
        if !self.replay.front().is_some_and(next) {
            // a different question than recorded: ask from here on
            self.replay.clear();
            return None;
        }
        let (value, reply) = answer(self.replay.pop_front()?);
        self.held.clear();
        self.log.push(reply);
        self.replayed = true;
        Some(value)
    }

    /// A question is asked: what was said before it is shown first.
    fn live(&mut self) -> Option<Reply> {
        self.replayed = false;
        for line in std::mem::take(&mut self.held) {
            self.inner.say(&line);
        }
        self.prefill.take()
    }

    fn record<T>(&mut self, reply: impl Fn(&T) -> Reply, value: Result<T>) -> Result<T> {
        let value = value?;
        self.log.push(reply(&value));
        Ok(value)
    }
}

impl Prompter for Recorder<'_> {
    fn say(&mut self, text: &str) {
        if self.replay.is_empty() {
            self.inner.say(text);
        } else {
            self.held.push(text.to_string());
        }
    }

    fn text(&mut self, label: &str, default: &str, validate: Validator<'_>) -> Result<String> {
        let given = |r: Reply| match r {
            Reply::Text(a) => (a.clone(), Reply::Text(a)),
            _ => (default.to_string(), Reply::Text(default.to_string())),
        };
        if let Some(answer) = self.replayed(true, |r| matches!(r, Reply::Text(_)), given) {
            return Ok(answer);
        }
        let initial = match self.live() {
            Some(Reply::Text(answer)) if answer != default => answer,
            _ => String::new(),
        };
        let answer = self.inner.text_with(label, default, &initial, validate);
        self.record(|a: &String| Reply::Text(a.clone()), answer)
    }

    fn select(&mut self, label: &str, items: &[String], default: usize) -> Result<usize> {
        let given = |r: Reply| match r {
            Reply::Select(i) => (i, Reply::Select(i)),
            _ => (default, Reply::Select(default)),
        };
        if let Some(i) = self.replayed(false, |r| matches!(r, Reply::Select(i) if *i < items.len()), given) {
            return Ok(i);
        }
        let default = match self.live() {
            Some(Reply::Select(i)) if i < items.len() => i,
            _ => default,
        };
        let chosen = self.inner.select(label, items, default);
        self.record(|i: &usize| Reply::Select(*i), chosen)
    }

    fn multi_select(&mut self, label: &str, items: &[String], checked: &[bool]) -> Result<Vec<usize>> {
        let proposed: Vec<usize> = (0..checked.len()).filter(|&i| checked[i]).collect();
        let given = |r: Reply| match r {
            Reply::Multi(v) => (v.clone(), Reply::Multi(v)),
            _ => (proposed.clone(), Reply::Multi(proposed.clone())),
        };
        if let Some(v) = self.replayed(true, |r| matches!(r, Reply::Multi(_)), given) {
            return Ok(v);
        }
        let checked: Vec<bool> = match self.live() {
            Some(Reply::Multi(v)) => (0..items.len()).map(|i| v.contains(&i)).collect(),
            _ => checked.to_vec(),
        };
        let chosen = self.inner.multi_select(label, items, &checked);
        self.record(|v: &Vec<usize>| Reply::Multi(v.clone()), chosen)
    }

    fn confirm(&mut self, label: &str, default: bool) -> Result<bool> {
        let given = |r: Reply| match r {
            Reply::Confirm(b) => (b, Reply::Confirm(b)),
            _ => (default, Reply::Confirm(default)),
        };
        if let Some(b) = self.replayed(false, |r| matches!(r, Reply::Confirm(_)), given) {
            return Ok(b);
        }
        let default = match self.live() {
            Some(Reply::Confirm(b)) => b,
            _ => default,
        };
        let yes = self.inner.confirm(label, default);
        self.record(|b: &bool| Reply::Confirm(*b), yes)
    }

    fn editor(&mut self, initial: &str) -> Result<Option<String>> {
        let after_replay = self.replayed;
        let given = |r: Reply| match r {
            Reply::Editor(t) => (t.clone(), Reply::Editor(t)),
            _ => (None, Reply::Editor(None)),
        };
        if let Some(text) = self.replayed(false, |r| matches!(r, Reply::Editor(_)), given) {
            return Ok(text);
        }
        // going back to a text written in the editor opens it with that text
        let initial = match self.live() {
            Some(Reply::Editor(Some(text))) => text,
            _ => initial.to_string(),
        };
        self.echo_missing = after_replay;
        let text = self.inner.editor(&initial);
        self.record(|t: &Option<String>| Reply::Editor(t.clone()), text)
    }

    fn restate(&mut self, label: &str, answer: &str) {
        if self.echo_missing {
            // the `e` that opened the editor was replayed, so no echo is on screen to replace
            self.echo_missing = false;
            self.inner.say(&format!("✔ {label} · {answer}"));
        } else if !self.replayed {
            self.inner.restate(label, answer);
        }
    }

    fn width(&self) -> usize {
        self.inner.width()
    }
}
