//! Where each value of an input file stands: a map from key path to byte
//! range, made while the file is read, so that the model itself carries no
//! positions and diagnostics still point at the line and column.
//!
//! Paths of the model and of the file can differ: where the structural check
//! left out array elements, the model's `measures[1]` may be the file's
//! `measures[2]`. The map translates.

use std::collections::HashMap;
use std::ops::Range;

/// Key paths of one file and their places.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    /// File key path (`measures[2].end`) → byte range of its value.
    spans: HashMap<String, Range<usize>>,
    /// For arrays that lost elements: the file indices of the kept ones.
    kept: HashMap<String, Vec<usize>>,
}

impl SourceMap {
    /// Records that the value at file path `path` stands at `span`.
    pub(super) fn insert(&mut self, path: &str, span: Range<usize>) {
        self.spans.insert(path.to_string(), span);
    }

    /// Records that of the array at file path `path` only the elements `kept` made it into the model.
    pub(super) fn keep(&mut self, path: &str, kept: Vec<usize>) {
        self.kept.insert(path.to_string(), kept);
    }

    /// Where the value at `path` (with the model's indices) stands in the file.
    pub fn span(&self, path: &str) -> Option<Range<usize>> {
        self.spans.get(&self.to_file(path)).cloned()
    }

    /// `path` (with the model's indices) with the file's indices.
    pub fn to_file(&self, path: &str) -> String {
        if self.kept.is_empty() {
            return path.to_string();
        }
        let mut out = String::with_capacity(path.len());
        let mut rest = path;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find(']').map(|c| open + c) else { break };
            let index = &rest[open + 1..close];
            let mapped = index
                .parse::<usize>()
                .ok()
                .and_then(|n| self.kept.get(&out).map(|kept| kept.get(n).copied().unwrap_or(n)))
                .map_or_else(|| index.to_string(), |n| n.to_string());
            out.push('[');
            out.push_str(&mapped);
            out.push(']');
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_paths_map_to_the_files_indices() {
        let mut map = SourceMap::default();
        map.keep("measures", vec![0, 2]);
        map.insert("measures[2].end", 40..44);
        assert_eq!(map.to_file("measures[1].goals[0]"), "measures[2].goals[0]");
        assert_eq!(map.span("measures[1].end"), Some(40..44));
        assert_eq!(map.span("measures[0].end"), None);
        assert_eq!(map.to_file("goals[1]"), "goals[1]");
    }
}
