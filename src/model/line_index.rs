//! Where each line of a source starts, so that a diagnostic finds its line
//! and column, and the lines it shows, without reading the source from the
//! start: `check` stays linear however many findings a file has.

use std::ops::Range;

/// The byte offset of each line's start in one source.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes `source` (one pass).
    pub fn new(source: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts, len: source.len() }
    }

    /// The 0-based line holding byte `pos` (clamped to the source).
    fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&start| start <= pos.min(self.len)).saturating_sub(1)
    }

    /// 1-based line and character column of byte offset `pos`.
    pub fn line_col(&self, source: &str, pos: usize) -> (usize, usize) {
        let pos = pos.min(source.len());
        let line = self.line_of(pos);
        let start = self.starts[line];
        let column = source.get(start..pos).map_or(pos - start, |s| s.chars().count()) + 1;
        (line + 1, column)
    }

    /// The whole lines that `span` touches: their byte range in the source and
    /// the 1-based number of the first.
    pub fn lines_of(&self, span: &Range<usize>) -> (Range<usize>, usize) {
        let first = self.line_of(span.start);
        let last = self.line_of(span.end.saturating_sub(1).max(span.start));
        let end = self.starts.get(last + 1).map_or(self.len, |&next| next);
        (self.starts[first]..end, first + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\nbä = 2\n";
        let index = LineIndex::new(src);
        assert_eq!(index.line_col(src, 0), (1, 1));
        assert_eq!(index.line_col(src, 6), (2, 1));
        assert_eq!(index.line_col(src, 10), (2, 4));
        assert_eq!(index.line_col(src, 5), (1, 6), "the newline belongs to its line");
        assert_eq!(index.line_col(src, 99), (3, 1), "past the end: the last line");
    }

    #[test]
    fn the_lines_of_a_span_are_whole_lines() {
        let src = "a = 1\nb = \"\"\"x\ny\"\"\"\nc = 3";
        let index = LineIndex::new(src);
        let b = src.find('b').unwrap_or_default();
        let (range, first) = index.lines_of(&(b..b + 13));
        assert_eq!((&src[range], first), ("b = \"\"\"x\ny\"\"\"\n", 2));
        let c = src.find('c').unwrap_or_default();
        let (range, first) = index.lines_of(&(c..c));
        assert_eq!((&src[range], first), ("c = 3", 4));
    }
}
