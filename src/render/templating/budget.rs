//! The most text one document's templates may write, and the longest they
//! may take: a template that loops inside a loop over the same list writes
//! without end, and is stopped with an error here instead of filling the
//! memory; one whose loops write nothing is stopped by a watchdog.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// The most bytes the templates may write for one document: far more than
/// any strategy gives (the benchmark's 2,000 measures make 2.7 MB of Markdown).
pub const MAX_OUTPUT: usize = 128 * 1024 * 1024;

/// What a document's templates may still write, shared by the threads that
/// render its parts.
#[derive(Debug)]
pub struct Budget(AtomicUsize);

impl Budget {
    /// The whole budget of one document.
    pub fn new() -> Budget {
        Budget(AtomicUsize::new(MAX_OUTPUT))
    }

    /// A writer into `out` that fails once the budget is spent.
    pub fn writer<'a>(&'a self, out: &'a mut Vec<u8>) -> Limited<'a> {
        Limited { out, budget: self }
    }

    /// Takes `n` bytes from the budget, or fails when fewer are left.
    fn take(&self, n: usize) -> std::io::Result<()> {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(n))
            .map(drop)
            .map_err(|_| std::io::Error::other(TooLarge))
    }
}

/// The error a [`Limited`] writer fails with.
#[derive(Debug)]
pub struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the templates wrote more than {} MiB for one document; a loop inside a loop over the same list repeats without end",
            MAX_OUTPUT / 1024 / 1024
        )
    }
}

impl std::error::Error for TooLarge {}

/// A writer into a buffer that takes what it writes from a [`Budget`].
pub struct Limited<'a> {
    out: &'a mut Vec<u8>,
    budget: &'a Budget,
}

impl std::io::Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.budget.take(buf.len())?;
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How long the templates may render one document: the built-in ones take
/// milliseconds, a 2,000-measure strategy under a second.
/// `STRATEGIEKIT_RENDER_TIMEOUT_SECS` sets another limit (for the tests).
const MAX_RENDER: Duration = Duration::from_secs(120);

/// The renders under way: when each started and which template it renders.
static RENDERS: Mutex<BTreeMap<u64, (Instant, String)>> = Mutex::new(BTreeMap::new());
static NEXT: AtomicU64 = AtomicU64::new(0);
static WATCHDOG: Once = Once::new();

/// A render under the watchdog's eye, from its start until it is dropped.
pub struct Watched(u64);

/// Puts the render of `template` under the watchdog: if it takes longer than
/// [`MAX_RENDER`], the process ends with an error naming the template (exit
/// 1), its staged files removed. A loop that writes nothing cannot be
/// stopped from inside handlebars.
pub fn watch(template: &str) -> Watched {
    WATCHDOG.call_once(|| {
        let limit = std::env::var("STRATEGIEKIT_RENDER_TIMEOUT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(MAX_RENDER, Duration::from_secs);
        let started = std::thread::Builder::new().name("render watchdog".into()).spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(250));
                let overdue = RENDERS
                    .lock()
                    .ok()
                    .and_then(|r| r.values().find(|(start, _)| start.elapsed() > limit).map(|(_, t)| t.clone()));
                if let Some(template) = overdue {
                    eprintln!(
                        "error: {template} has rendered for more than {} s; a loop inside a loop over the same list repeats without end",
                        limit.as_secs()
                    );
                    crate::signals::exit_cleanly(1);
                }
            }
        });
        drop(started);
    });
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut renders) = RENDERS.lock() {
        renders.insert(id, (Instant::now(), template.to_string()));
    }
    Watched(id)
}

impl Drop for Watched {
    fn drop(&mut self) {
        if let Ok(mut renders) = RENDERS.lock() {
            renders.remove(&self.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn writing_stops_when_the_budget_is_spent() {
        let budget = Budget(AtomicUsize::new(10));
        let mut out = Vec::new();
        let mut w = budget.writer(&mut out);
        assert!(w.write_all(b"12345678").is_ok());
        let e = w.write_all(b"abc").expect_err("over budget");
        assert!(e.to_string().starts_with("the templates wrote more than 128 MiB"), "{e}");
        assert_eq!(out, b"12345678");
    }
}
