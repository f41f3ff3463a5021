//! The ids a reference may name (goals, fields), looked up in constant time,
//! and the closest one to a wrong reference found among a bounded number of
//! candidates, so that `check` stays linear in the number of references.

use std::collections::{HashMap, HashSet};

/// How many ids a wrong reference is compared with at most. Strategies have
/// far fewer goals or fields, so for them every id is a candidate; in a
/// bigger file the candidates are the ids of about the same length.
const MAX_CANDIDATES: usize = 200;

/// The ids of one list, each once, in file order.
#[derive(Debug)]
pub(super) struct KnownIds {
    ids: Vec<String>,
    /// The ids in lower case, compared with a lower-cased reference.
    lower: Vec<String>,
    set: HashSet<String>,
    /// Positions in `ids` by the id's length in characters.
    by_len: HashMap<usize, Vec<usize>>,
}

impl KnownIds {
    /// The ids, each once, in file order.
    pub(super) fn new(ids: Vec<String>) -> KnownIds {
        let set = ids.iter().cloned().collect();
        let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            by_len.entry(id.chars().count()).or_default().push(i);
        }
        let lower = ids.iter().map(|id| id.to_lowercase()).collect();
        KnownIds { ids, lower, set, by_len }
    }

    /// Whether `id` is one of them.
    pub(super) fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// All ids, in file order.
    pub(super) fn all(&self) -> &[String] {
        &self.ids
    }

    /// The most similar id to `word` (Jaro-Winkler, as cargo and clap use),
    /// however far, never `not`: a wrong reference always names one.
    pub(super) fn closest(&self, word: &str, not: Option<&str>) -> Option<&str> {
        let lower = word.to_lowercase();
        self.candidates(word)
            .filter(|&i| Some(self.ids[i].as_str()) != not)
            .map(|i| (strsim::jaro_winkler(&lower, &self.lower[i]), self.ids[i].as_str()))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }

    /// Positions of the ids `word` is compared with, in file order: all of
    /// them, or in a list of more than [`MAX_CANDIDATES`] ids those nearest
    /// in length (a typo changes the length by a character or two).
    fn candidates(&self, word: &str) -> Box<dyn Iterator<Item = usize> + '_> {
        if self.ids.len() <= MAX_CANDIDATES {
            return Box::new(0..self.ids.len());
        }
        let len = word.chars().count();
        let mut picked: Vec<usize> = Vec::new();
        for distance in 0..=len.max(self.by_len.keys().copied().max().unwrap_or(0)) {
            let lengths = [len.checked_sub(distance), (distance > 0).then_some(len + distance)];
            for bucket in lengths.into_iter().flatten().filter_map(|l| self.by_len.get(&l)) {
                picked.extend(bucket.iter().take(MAX_CANDIDATES - picked.len()));
            }
            if picked.len() >= MAX_CANDIDATES {
                break;
            }
        }
        picked.sort_unstable();
        Box::new(picked.into_iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(ids: &[&str]) -> KnownIds {
        KnownIds::new(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn the_closest_id_is_named_however_far_but_never_the_referring_one() {
        let ids = known(&["Z1", "Z2", "digital"]);
        assert_eq!(ids.closest("z1", None), Some("Z1"));
        assert_eq!(ids.closest("Z1", Some("Z1")), Some("Z2"));
        assert_eq!(ids.closest("xxxxxxxx", None), Some("digital"));
        assert_eq!(known(&["Z1"]).closest("Z1", Some("Z1")), None);
    }

    #[test]
    fn in_a_long_list_a_typo_still_finds_its_id() {
        let ids: Vec<String> = (0..50_000).map(|i| format!("goal-{i}")).collect();
        let ids = KnownIds::new(ids);
        assert!(ids.contains("goal-49999"));
        assert_eq!(ids.closest("goal-4999x", None).map(|id| id.len()), Some(10));
        assert_eq!(ids.candidates("goal-4999x").count(), MAX_CANDIDATES);
    }
}
