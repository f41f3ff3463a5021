//! The most text one document's templates may write: a template that loops
//! inside a loop over the same list writes without end, and is stopped with
//! an error here instead of filling the memory.

use std::sync::atomic::{AtomicUsize, Ordering};

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
