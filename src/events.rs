//! Grouping reports into events.
//!
//! Each report becomes a TF-IDF vector over the stems of its headline,
//! statements and quotes, names weighted up. Candidate pairs come from an
//! inverted index over rare terms (blocking), so only reports sharing a
//! rare term are ever compared; two reports join when their cosine passes
//! the threshold and their publication dates (when both are known) lie
//! within the window. Groups are the connected components.
//!
//! Cost: O(T) to weigh T term occurrences, then at most
//! n · `index_terms` · `neighbours` cosines for n reports: linear in n.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};

/// Settings for [`group_events`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventConfig {
    /// Reports more than this many days apart are never one event.
    pub window_days: i64,
    /// Least cosine similarity that links two reports dated within the
    /// window of each other.
    pub threshold: f64,
    /// Least cosine similarity that links two reports when a date is
    /// missing: content alone must carry the decision.
    pub undated_threshold: f64,
    /// How many of its most distinctive terms each report is indexed under.
    pub index_terms: usize,
    /// How many following reports (by date) in one term's index list each
    /// report is compared with.
    pub neighbours: usize,
}

const UNDATED: f64 = 0.15;

impl Default for EventConfig {
    fn default() -> Self {
        EventConfig {
            window_days: 4,
            threshold: 0.12,
            undated_threshold: UNDATED,
            index_terms: 12,
            neighbours: 40,
        }
    }
}

/// Groups reports (given by their extractions) into events. Returns the
/// groups as sorted lists of indices into `extractions`, every index in
/// exactly one group, groups sorted by their first index.
///
/// ```
/// use corroborate::{extract, group_events, EventConfig, Report};
/// let reports = [
///     Report::new("a", "Rescuers pulled 12 miners from the flooded Zhangjiakou mine on Monday."),
///     Report::new("b", "Twelve miners were rescued from the flooded Zhangjiakou mine."),
///     Report::new("c", "The central bank raised interest rates by half a point."),
/// ];
/// let found: Vec<_> = reports.iter().map(extract).collect();
/// assert_eq!(group_events(&found, &EventConfig::default()), vec![vec![0, 1], vec![2]]);
/// ```
pub fn group_events(extractions: &[Extraction], config: &EventConfig) -> Vec<Vec<usize>> {
    let n = extractions.len();
    if n == 0 {
        return Vec::new();
    }
    let bags: Vec<BTreeMap<String, f64>> = extractions.iter().map(term_bag).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for bag in &bags {
        for term in bag.keys() {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }
    let idf = |term: &str| -> f64 {
        let d = df.get(term).copied().unwrap_or(1) as f64;
        ((1.0 + n as f64) / (0.5 + d)).ln()
    };
    let vectors: Vec<Vec<(&str, f64)>> = bags
        .iter()
        .map(|bag| {
            let mut v: Vec<(&str, f64)> = bag
                .iter()
                .map(|(t, tf)| (t.as_str(), (1.0 + tf.ln()) * idf(t)))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect();
    // Blocking: each report is indexed under its most distinctive terms;
    // within one term's postings (sorted by date, then index) a report is
    // compared with its next `neighbours` only, so a term shared by every
    // report costs O(n · neighbours), not O(n²).
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        let mut top: Vec<&(&str, f64)> = v.iter().filter(|(t, _)| df[t] >= 2).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        for (t, _) in top.into_iter().take(config.index_terms) {
            postings.entry(t).or_default().push(i);
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut terms: Vec<&&str> = postings.keys().collect();
    terms.sort();
    for term in terms {
        let mut list = postings[*term].clone();
        list.sort_by_key(|&i| (extractions[i].published, i));
        for (k, &a) in list.iter().enumerate() {
            for &b in list.iter().skip(k + 1).take(config.neighbours) {
                let (a, b) = (a.min(b), a.max(b));
                if !seen.insert((a, b)) {
                    continue;
                }
                let score = cosine(&vectors[a], &vectors[b]);
                let dated =
                    extractions[a].published.is_some() && extractions[b].published.is_some();
                let threshold = if dated {
                    config.threshold
                } else {
                    config.undated_threshold
                };
                if score >= threshold {
                    pairs.push((score, a, b));
                }
            }
        }
    }
    // Strongest links first; a merge must keep the group's dates within
    // the window, so an undated report cannot bridge two occasions.
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut range: Vec<Option<(Date, Date)>> = extractions
        .iter()
        .map(|e| e.published.map(|d| (d, d)))
        .collect();
    for (_, a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        let merged = match (range[ra], range[rb]) {
            (Some((lo1, hi1)), Some((lo2, hi2))) => Some((lo1.min(lo2), hi1.max(hi2))),
            (x, y) => x.or(y),
        };
        if let Some((lo, hi)) = merged {
            if !within(lo, hi, config.window_days) {
                continue;
            }
        }
        let root = union(&mut parent, ra, rb);
        range[root] = merged;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort();
    out
}

fn within(lo: Date, hi: Date, window: i64) -> bool {
    lo.until(hi)
        .map(|span| i64::from(span.get_days()).abs() <= window)
        .unwrap_or(false)
}

/// Term frequencies of a report: stems of content words; capitalised
/// words (names) count double.
fn term_bag(e: &Extraction) -> BTreeMap<String, f64> {
    let mut bag = BTreeMap::new();
    let mut add = |text: &str| {
        for t in tokenize(text, Span::new(0, text.len())) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let raw = t.text(text);
            let word = normalize(raw);
            if word.chars().count() < 2 || is_stopword(&word) {
                continue;
            }
            let weight = if raw.starts_with(char::is_uppercase) {
                2.0
            } else {
                1.0
            };
            *bag.entry(stem(&word)).or_insert(0.0) += weight;
        }
    };
    if let Some(title) = &e.title {
        add(title);
    }
    for s in &e.statements {
        add(&s.text);
    }
    for q in &e.quotes {
        add(&q.text);
    }
    bag
}

fn cosine(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    // Both sorted by term (built from a BTreeMap).
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins two roots; the smaller index becomes the root.
fn union(parent: &mut [usize], ra: usize, rb: usize) -> usize {
    let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
    parent[hi] = lo;
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Report};

    #[test]
    fn date_window_keeps_occasions_apart() {
        let text =
            "Prime Minister Jane Doe met President John Roe in Oslo to sign the fisheries accord.";
        let reports = [
            Report::new("a", text).with_published(jiff::civil::date(2023, 4, 16)),
            Report::new("b", text).with_published(jiff::civil::date(2023, 4, 17)),
            Report::new("c", text).with_published(jiff::civil::date(2024, 4, 16)),
            Report::new("d", text),
        ];
        let found: Vec<_> = reports.iter().map(extract).collect();
        let groups = group_events(&found, &EventConfig::default());
        // d has no date: it may join either, but a and c never share a group.
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))));
        assert!(groups.iter().any(|g| g.contains(&0) && g.contains(&1)));
    }
}
#[cfg(test)]
mod debug_tests {
    #[test]
    #[ignore]
    fn print_matrix() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
        let reports = crate::load(&[dir]).unwrap();
        let found: Vec<_> = reports.iter().map(crate::extract).collect();
        for t in [0.05, 0.1, 0.15, 0.2, 0.25, 0.3] {
            let c = super::EventConfig {
                threshold: 0.12,
                undated_threshold: t,
                ..Default::default()
            };
            eprintln!("{t}: {:?}", super::group_events(&found, &c));
        }
    }
}
