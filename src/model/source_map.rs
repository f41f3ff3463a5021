//! Where each value of an input file stands: a map from key path to byte
//! range, made while the file is read, so that the model itself carries no
//! positions and diagnostics still point at the line and column.
//!
//! Paths of the model and of the file can differ: where the structural check
//! left out array elements, the model's `measures[1]` may be the file's
//! `measures[2]`. The map translates.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Key paths of one file and their places. Reading a file stores nothing per
/// value: the first diagnostic that needs a place parses the text again, and
/// the tree is looked up by path from then on.
#[derive(Debug, Default, Clone)]
pub struct SourceMap<'i> {
    /// The file's text.
    source: &'i str,
    /// The whole file as TOML parses it, with the span of every value; made on first use.
    tree: OnceCell<Option<Spanned<DeValue<'i>>>>,
    /// For arrays that lost elements: the file indices of the kept ones.
    kept: HashMap<String, Vec<usize>>,
}

impl<'i> SourceMap<'i> {
    /// The map of `source`, of whose arrays (by file path) only the
    /// elements `kept` made it into the model.
    pub(super) fn new(source: &'i str, kept: HashMap<String, Vec<usize>>) -> Self {
        SourceMap { source, tree: OnceCell::new(), kept }
    }

    /// Where the value at `path` (with the model's indices) stands in the file.
    pub fn span(&self, path: &str) -> Option<Range<usize>> {
        let path = self.to_file(path);
        let tree = self.tree.get_or_init(|| {
            let root = DeTable::parse(self.source).ok()?;
            let span = root.span();
            Some(Spanned::new(span, DeValue::Table(root.into_inner())))
        });
        let mut value = tree.as_ref()?;
        for segment in path.split('.') {
            let (key, indices) = segment.split_once('[').map_or((segment, ""), |(k, rest)| (k, rest));
            if !key.is_empty() {
                let DeValue::Table(table) = value.get_ref() else { return None };
                value = table.get(key)?;
            }
            for index in indices.split('[').filter(|i| !i.is_empty()) {
                let index: usize = index.trim_end_matches(']').parse().ok()?;
                let DeValue::Array(array) = value.get_ref() else { return None };
                value = array.get(index)?;
            }
        }
        Some(value.span())
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
        let source =
            "[[measures]]\nid = \"a\"\n[[measures]]\nid = \"b\"\nend = 2024\n[[measures]]\nid = \"c\"\nend = 2030\n";
        let kept = HashMap::from([("measures".to_string(), vec![0, 2])]);
        let map = SourceMap::new(source, kept);
        assert_eq!(map.to_file("measures[1].goals[0]"), "measures[2].goals[0]");
        let end = map.span("measures[1].end").expect("the kept third measure's end");
        assert_eq!(&source[end], "2030");
        assert_eq!(map.span("measures[0].end"), None);
        assert_eq!(map.span("measures[1].nothing"), None);
        assert_eq!(map.to_file("goals[1]"), "goals[1]");
    }
}
