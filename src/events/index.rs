//! The incremental event index: clusters of reports, their blocking index,
//! average-link merging, retirement and merging of partitions.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::terms::{self, FnvBuild, Lexicon, Term, TermStats, Vector};
use super::EventConfig;
use crate::extract::Extraction;

/// How many entries of one term's posting list a query reads at most, the
/// newest first, among the dated events within the window and again among
/// the undated ones: a term shared by thousands of live events costs no
/// more than this (and says little about which of them is the one).
const POSTING_SCAN: usize = 128;

/// An event is posted under its [`EventConfig::index_terms`] heaviest
/// terms and looks for candidates under this many times as many: two
/// reports of one story need not share their very heaviest terms (one
/// leads with the place, the other with the person), only one term heavy
/// in either.
const QUERY_TERMS: usize = 4;

/// From this many reports counted on, the thresholds apply as configured;
/// below, they are relaxed (see [`small_set_factor`]).
const SMALL_SET: f64 = 1000.0;

/// How fast the thresholds fall below [`SMALL_SET`] reports: by this
/// fraction for each factor of e fewer reports.
const SMALL_SET_SLOPE: f64 = 0.06;

/// Batches at least this large find their reports' terms in parallel.
const PARALLEL_BATCH: usize = 256;

/// Reports whose whole bags of terms are held at once while the document
/// frequencies are counted.
const BAG_CHUNK: usize = 4096;

/// An event's vector keeps its heaviest this-many times
/// [`EventConfig::max_terms`] terms: the light tail adds little to any
/// similarity, and an event's state stays bounded however many reports
/// join it.
const EVENT_TERMS: usize = 2;

/// A cluster's place in a posting list: the day its dated reports start
/// (undated clusters last, as [`UNDATED`]), then its id.
type Slot = (i64, u64);
const UNDATED: i64 = i64::MAX;

/// Identifies an event inside one [`EventIndex`]. Ids are handed out in
/// increasing order; when two events merge, the smaller id survives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventId(pub u64);

/// An event of an [`EventIndex`]: which reports it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedEvent {
    /// The event's id in its index.
    pub id: EventId,
    /// Report ids, sorted.
    pub reports: Vec<String>,
    /// Earliest publication date among the reports, if any is dated.
    pub first: Option<Date>,
    /// Latest publication date among the reports, if any is dated.
    pub last: Option<Date>,
}

/// One event under construction.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cluster {
    /// Report ids, in the order they joined.
    members: Vec<String>,
    /// Sum of the members' unit vectors (its heaviest terms): the average
    /// similarity of two clusters is `a.sum · b.sum / (a.n · b.n)`.
    sum: Vector,
    /// Earliest and latest publication date of the dated members.
    range: Option<(Date, Date)>,
    /// Latest date the event was active: a member's publication date, or
    /// the stream's date when an undated member arrived.
    seen: Option<Date>,
    /// The event the user said the members are in, if any: clusters with
    /// different labels never merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    /// Bumped on every change, so stale pairs in the queue are skipped.
    #[serde(skip)]
    version: u32,
    /// The heaviest terms of `sum`, under which the cluster is posted.
    #[serde(skip)]
    keys: Vector,
}

impl Cluster {
    fn size(&self) -> f64 {
        self.members.len() as f64
    }

    fn event(&self, id: u64) -> IndexedEvent {
        let mut reports = self.members.clone();
        reports.sort();
        IndexedEvent {
            id: EventId(id),
            reports,
            first: self.range.map(|r| r.0),
            last: self.range.map(|r| r.1),
        }
    }
}

/// A report ready to be placed: its vector weighed against the counts of
/// its batch.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub(crate) report: String,
    pub(crate) published: Option<Date>,
    /// Its event label, as [`grouping_label`] makes it.
    pub(crate) label: Option<String>,
    pub(crate) vector: Vector,
}

/// The label grouping uses for a report with `label`: with
/// [`EventConfig::one_event`], one label for all.
pub(crate) fn grouping_label(config: &EventConfig, label: Option<&str>) -> Option<String> {
    if config.one_event {
        Some(String::new())
    } else {
        label.map(str::to_string)
    }
}

/// A candidate merge in the queue: best average first, then the smaller
/// ids, so equal scores are settled the same way every time.
#[derive(Debug, Clone, Copy)]
struct Pair {
    score: f64,
    a: u64,
    b: u64,
    va: u32,
    vb: u32,
}

impl PartialEq for Pair {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pair {}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pair {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Groups a stream of reports into events, one report or one batch at a
/// time, with bounded memory.
///
/// Each report becomes a unit vector of weighted terms (see
/// [`group_events`](crate::group_events)), weighed with the term counts
/// of the reports seen so far. Each event keeps the sum of its members'
/// vectors (its heaviest `2 · max_terms` terms), so the average similarity
/// of two events — the mean cosine over all pairs of their reports — is
/// one sparse product divided by the two sizes.
///
/// Inserting a batch adds its reports as events of one, then merges, best
/// pair first, every candidate pair of events whose average similarity
/// reaches the threshold ([`EventConfig::threshold`] when both have dated
/// reports, [`EventConfig::undated_threshold`] otherwise) and whose dates
/// stay within [`EventConfig::window_days`]. One batch of everything into a
/// fresh index is [`group_events`](crate::group_events) on a corpus within
/// one block of [`EventConfig::block_days`] (or with an undated report);
/// `group_events` groups longer corpora a block at a time and then across
/// the blocks' boundaries, so a merge far from a boundary is the same
/// either way. The same reports one at a
/// time (or in several batches) can end differently: earlier reports are
/// weighed before later ones are counted, and a merge made early is not
/// undone when later reports would have paired things otherwise. The
/// first reports of a stream are weighed with little evidence of which
/// words are common, so events run together more easily at the start.
///
/// Candidate pairs come from blocking: every event is posted under its
/// [`EventConfig::index_terms`] heaviest terms and looks up its
/// `4 · index_terms` heaviest, and an event is compared only with the
/// [`EventConfig::neighbours`] events sharing most weight in those terms,
/// reading, per term, only dated events starting within the window of its
/// dates and undated ones, at most 128 of each, newest first. Placing a
/// report therefore costs its words, plus `4 · index_terms · 128` posting
/// entries and `neighbours` sparse products of
/// at most `2 · max_terms` terms for it and again for each merge it
/// causes, plus a logarithmic priority queue — whatever the number of live
/// events. n reports cost O(n log n) at worst, linear in practice.
///
/// Memory: [`retire`](EventIndex::retire) removes the events nothing
/// joined during the last [`EventConfig::retain_days`] and term counts
/// decay after [`EventConfig::df_horizon`] reports, so a dated stream that
/// retires regularly holds a bounded state: the reports of the last
/// `retain_days + window_days` days, their events, and the recent
/// vocabulary.
///
/// The state is serde-serialisable (the blocking index is rebuilt on
/// loading): save it and resume, or process partitions of a stream on
/// several machines and [`merge`](EventIndex::merge) them.
///
/// ```
/// use corroborate::{extract, EventConfig, EventIndex, Report};
/// let mut index = EventIndex::new(EventConfig::default());
/// let a = index.insert(&extract(&Report::new("a", "Rescuers pulled 12 miners from the flooded Zhangjiakou mine.")));
/// let b = index.insert(&extract(&Report::new("b", "Twelve miners were rescued from the flooded Zhangjiakou mine.")));
/// let c = index.insert(&extract(&Report::new("c", "The central bank raised interest rates by half a point.")));
/// assert_eq!(a, b);
/// assert_ne!(a, c);
/// assert_eq!(index.events()[0].reports, ["a", "b"]);
/// ```
#[derive(Debug, Clone)]
pub struct EventIndex {
    config: EventConfig,
    stats: TermStats,
    clusters: HashMap<u64, Cluster, FnvBuild>,
    next_id: u64,
    /// Newest publication date seen.
    now: Option<Date>,
    /// Term → live clusters posted under it, sorted by [`Slot`].
    postings: HashMap<Term, Vec<Slot>, FnvBuild>,
    /// Word forms → terms, a memo (not saved).
    words: Lexicon,
    /// Label → the live cluster carrying it (rebuilt on loading).
    labels: HashMap<String, u64>,
}

/// What is saved of an index; the postings are rebuilt on loading.
#[derive(Serialize)]
struct StateRef<'a> {
    config: &'a EventConfig,
    stats: &'a TermStats,
    clusters: Vec<(u64, &'a Cluster)>,
    next_id: u64,
    now: Option<Date>,
}

/// [`StateRef`], owned.
#[derive(Deserialize)]
struct State {
    config: EventConfig,
    stats: TermStats,
    clusters: Vec<(u64, Cluster)>,
    next_id: u64,
    now: Option<Date>,
}

impl Serialize for EventIndex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        StateRef {
            config: &self.config,
            stats: &self.stats,
            clusters: self.sorted().collect(),
            next_id: self.next_id,
            now: self.now,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for EventIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let state = State::deserialize(d)?;
        let mut index = EventIndex {
            config: state.config,
            stats: state.stats,
            clusters: HashMap::default(),
            next_id: state.next_id,
            now: state.now,
            postings: HashMap::default(),
            words: Lexicon::default(),
            labels: HashMap::new(),
        };
        for (id, cluster) in state.clusters {
            index.add_cluster(id, cluster);
        }
        Ok(index)
    }
}

impl Default for EventIndex {
    fn default() -> Self {
        EventIndex::new(EventConfig::default())
    }
}

impl EventIndex {
    /// An empty index.
    pub fn new(config: EventConfig) -> EventIndex {
        EventIndex {
            config,
            stats: TermStats::default(),
            clusters: HashMap::default(),
            next_id: 0,
            now: None,
            postings: HashMap::default(),
            words: Lexicon::default(),
            labels: HashMap::new(),
        }
    }

    /// The settings in use.
    pub fn config(&self) -> &EventConfig {
        &self.config
    }

    /// Adds one report; returns the event it is in now.
    pub fn insert(&mut self, report: &Extraction) -> EventId {
        self.insert_batch(std::slice::from_ref(report))[0]
    }

    /// Adds reports; returns, for each report in input order, the event it
    /// is in once the whole batch is placed. The result does not depend on
    /// the order of `reports` (ties are broken by report id).
    pub fn insert_batch(&mut self, reports: &[Extraction]) -> Vec<EventId> {
        self.insert_labelled(reports, &[], &[])
    }

    /// [`EventIndex::insert_batch`] where `labels[i]`, when given, is the
    /// event the user said `reports[i]` is in: reports with one label are
    /// one event (joined at once, whatever their content and dates),
    /// events with different labels never merge, and unlabelled reports
    /// join by content. A missing entry is no label. With
    /// [`EventConfig::one_event`] every report carries the same label.
    /// `texts[i]`, when given, is the text of `reports[i]`, where its
    /// statements are read (see [`terms::bag`]).
    pub(crate) fn insert_labelled(
        &mut self,
        reports: &[Extraction],
        labels: &[Option<&str>],
        texts: &[&str],
    ) -> Vec<EventId> {
        let (order, placed) = self.weigh(reports, labels, texts);
        let ids = self.place(placed);
        let mut out = vec![EventId(0); reports.len()];
        for (&i, id) in order.iter().zip(ids) {
            out[i] = id;
        }
        out
    }

    /// Counts the terms of a batch (see [`EventIndex::insert_labelled`])
    /// and weighs each report's vector against the counts: the reports'
    /// placing order, and the reports ready to place in that order.
    pub(crate) fn weigh(
        &mut self,
        reports: &[Extraction],
        labels: &[Option<&str>],
        texts: &[&str],
    ) -> (Vec<usize>, Vec<Placed>) {
        let text = |i: usize| texts.get(i).copied();
        let label = |i: usize| grouping_label(&self.config, labels.get(i).copied().flatten());
        let order = placing_order(reports.len(), |i| {
            (&reports[i].report, reports[i].published)
        });
        let parallel = order.len() >= PARALLEL_BATCH;
        // Every report's whole bag of terms is needed twice, for the
        // document frequencies and then for its vector against them; a
        // bag is several times its vector, so the bags are made a chunk at
        // a time for the counts and made again for the vectors rather than
        // held all at once.
        let mut counts: HashMap<Term, u64, FnvBuild> = HashMap::default();
        for chunk in order.chunks(BAG_CHUNK) {
            let bags: Vec<Vector> = if parallel {
                chunk
                    .par_iter()
                    .map_init(Lexicon::default, |words, &i| {
                        terms::bag(&reports[i], text(i), words)
                    })
                    .collect()
            } else {
                chunk
                    .iter()
                    .map(|&i| terms::bag(&reports[i], text(i), &mut self.words))
                    .collect()
            };
            for &(t, _) in bags.iter().flatten() {
                *counts.entry(t).or_default() += 1;
            }
        }
        let batch = order.len() as u64;
        self.stats.add_counts(batch, counts, self.config.df_horizon);
        let (stats, config) = (&self.stats, &self.config);
        let vector = |bag: Vector| stats.vector(&bag, config.max_terms, config.df_horizon);
        let vectors: Vec<Vector> = if parallel {
            order
                .par_iter()
                .map_init(Lexicon::default, |words, &i| {
                    vector(terms::bag(&reports[i], text(i), words))
                })
                .collect()
        } else {
            order
                .iter()
                .map(|&i| vector(terms::bag(&reports[i], text(i), &mut self.words)))
                .collect()
        };
        let placed = order.iter().zip(vectors).map(|(&i, vector)| Placed {
            report: reports[i].report.clone(),
            published: reports[i].published,
            label: label(i),
            vector,
        });
        let placed = placed.collect();
        (order, placed)
    }

    /// Groups reports whose vectors were weighed elsewhere against the
    /// counts of one batch of `docs` reports (these and others kept apart
    /// from them), as a fresh index given that whole batch groups them:
    /// for each report, the event it is in.
    pub(crate) fn group_placed(
        config: EventConfig,
        docs: u64,
        reports: Vec<Placed>,
    ) -> Vec<EventId> {
        EventIndex::group_made(config, docs, reports.into_iter().map(|r| vec![r]).collect())
    }

    /// [`EventIndex::group_placed`] for events already made (each not
    /// empty): for each, the event it is in once they are merged.
    pub(crate) fn group_made(
        config: EventConfig,
        docs: u64,
        events: Vec<Vec<Placed>>,
    ) -> Vec<EventId> {
        let horizon = config.df_horizon;
        let mut index = EventIndex::new(config);
        index.stats = TermStats::for_bag(docs, &[], |_| 0, horizon);
        let total = events.len();
        let mut events: Vec<(usize, Vec<Placed>)> = events.into_iter().enumerate().collect();
        for (_, members) in &mut events {
            members.sort_by(|a, b| (&a.report, a.published).cmp(&(&b.report, b.published)));
        }
        events.sort_by(|(i, a), (j, b)| {
            let first = |e: &[Placed]| e.first().map(|r| (r.report.clone(), r.published));
            (first(a), *i).cmp(&(first(b), *j))
        });
        // An empty event has nothing to place: it stays an event of its own.
        events.retain(|(_, e)| !e.is_empty());
        let order: Vec<usize> = events.iter().map(|(i, _)| *i).collect();
        let ids = index.place_events(events.into_iter().map(|(_, e)| e).collect());
        let mut out: Vec<EventId> = (0..total).map(|i| EventId(u64::MAX - i as u64)).collect();
        for (&i, id) in order.iter().zip(ids) {
            out[i] = id;
        }
        out
    }

    /// Adds reports whose vectors are made (in the order of
    /// [`EventIndex::insert_labelled`]: by report id) as events of one and
    /// merges; returns, for each, the event it is in once all are placed.
    fn place(&mut self, reports: Vec<Placed>) -> Vec<EventId> {
        self.place_events(reports.into_iter().map(|r| vec![r]).collect())
    }

    /// [`EventIndex::place`] for events already made: each of `events`
    /// (its reports sorted by id; the events by their first id) becomes
    /// one cluster, its sum made as merging its reports one by one in
    /// that order makes it.
    fn place_events(&mut self, events: Vec<Vec<Placed>>) -> Vec<EventId> {
        self.advance(events.iter().flatten().filter_map(|r| r.published).max());
        let cap = self.config.max_terms.saturating_mul(EVENT_TERMS).max(1);
        let mut fresh = Vec::with_capacity(events.len());
        for event in events {
            let id = self.next_id;
            self.next_id += 1;
            let mut cluster: Option<Cluster> = None;
            for report in event {
                let one = Cluster {
                    members: vec![report.report],
                    sum: report.vector,
                    range: report.published.map(|d| (d, d)),
                    seen: report.published.or(self.now),
                    label: report.label,
                    version: 0,
                    keys: Vec::new(),
                };
                cluster = Some(match cluster {
                    None => one,
                    Some(kept) => joined(kept, one, cap),
                });
            }
            let Some(cluster) = cluster else {
                continue;
            };
            self.add_cluster(id, cluster);
            fresh.push(id);
        }
        let mut forward = self.unite_labels(&fresh);
        let live = live_ids(&forward, &fresh);
        forward.extend(self.agglomerate(&live));
        // Merged clusters meet again: their candidates were chosen while
        // they were small, by their heaviest words, which may be the very
        // words that differ between copies of one story.
        for _ in 0..4 {
            let live = live_ids(&forward, &fresh);
            let more = self.agglomerate(&live);
            if more.is_empty() {
                break;
            }
            forward.extend(more);
        }
        fresh
            .iter()
            .map(|&id| EventId(resolve(&forward, id)))
            .collect()
    }

    /// Moves the stream's date forward. Events that arrived before the
    /// first date was seen take that date, so that they can retire.
    fn advance(&mut self, newest: Option<Date>) {
        if self.now.is_none() && newest.is_some() {
            for cluster in self.clusters.values_mut() {
                cluster.seen = cluster.seen.or(newest);
            }
        }
        self.now = self.now.max(newest);
    }

    /// Adds the events of another index (another partition of the same
    /// stream, with report ids of its own) and merges events across the
    /// two as if their reports had been inserted here. The other index's
    /// events get new ids, in their previous order.
    pub fn merge(&mut self, other: EventIndex) {
        self.stats.merge(other.stats);
        self.advance(other.now);
        let mut theirs: Vec<(u64, Cluster)> = other.clusters.into_iter().collect();
        theirs.sort_unstable_by_key(|&(id, _)| id);
        let mut fresh = Vec::with_capacity(theirs.len());
        for (_, mut cluster) in theirs {
            let id = self.next_id;
            self.next_id += 1;
            cluster.seen = cluster.seen.or(self.now);
            self.add_cluster(id, cluster);
            fresh.push(id);
        }
        let forward = self.unite_labels(&fresh);
        self.agglomerate(&live_ids(&forward, &fresh));
    }

    /// Removes and returns the events that nothing joined during the last
    /// [`EventConfig::retain_days`] before the newest date seen: they are
    /// final. Sorted by id. Call it now and then on a stream to keep memory
    /// bounded. Undated reports count as arriving on the newest date seen
    /// (or on the first date seen, if they came before it), so a stream
    /// without any dates never retires anything.
    pub fn retire(&mut self) -> Vec<IndexedEvent> {
        let back = jiff::Span::new().try_days(self.config.retain_days).ok();
        let Some(cutoff) = self
            .now
            .zip(back)
            .and_then(|(now, back)| now.checked_sub(back).ok())
        else {
            return Vec::new();
        };
        let mut old: Vec<u64> = self
            .clusters
            .iter()
            .filter(|(_, c)| c.seen.is_some_and(|d| d < cutoff))
            .map(|(&id, _)| id)
            .collect();
        old.sort_unstable();
        old.into_iter()
            .map(|id| self.remove_cluster(id).event(id))
            .collect()
    }

    /// The live events, sorted by id.
    pub fn events(&self) -> Vec<IndexedEvent> {
        self.sorted().map(|(id, c)| c.event(id)).collect()
    }

    /// Number of live reports.
    pub fn len(&self) -> usize {
        self.clusters.values().map(|c| c.members.len()).sum()
    }

    /// Whether no report is live.
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// Sizes of the state, for watching memory on a stream.
    pub fn footprint(&self) -> IndexSize {
        IndexSize {
            events: self.clusters.len(),
            reports: self.len(),
            event_terms: self.clusters.values().map(|c| c.sum.len()).sum(),
            known_terms: self.stats.len(),
            postings: self.postings.values().map(Vec::len).sum(),
        }
    }

    /// The live clusters by id.
    fn sorted(&self) -> impl Iterator<Item = (u64, &Cluster)> {
        let mut all: Vec<(u64, &Cluster)> = self.clusters.iter().map(|(&id, c)| (id, c)).collect();
        all.sort_unstable_by_key(|&(id, _)| id);
        all.into_iter()
    }

    fn add_cluster(&mut self, id: u64, mut cluster: Cluster) {
        cluster.keys = terms::top_terms(&cluster.sum, self.config.index_terms);
        let slot = slot(id, &cluster);
        for &(t, _) in &cluster.keys {
            let list = self.postings.entry(t).or_default();
            let at = list.partition_point(|s| *s < slot);
            list.insert(at, slot);
        }
        if let Some(label) = &cluster.label {
            self.labels.entry(label.clone()).or_insert(id);
        }
        self.clusters.insert(id, cluster);
    }

    fn remove_cluster(&mut self, id: u64) -> Cluster {
        let cluster = self.clusters.remove(&id).expect("live cluster");
        if let Some(label) = &cluster.label {
            if self.labels.get(label) == Some(&id) {
                self.labels.remove(label);
            }
        }
        let slot = slot(id, &cluster);
        for &(t, _) in &cluster.keys {
            if let Some(list) = self.postings.get_mut(&t) {
                if let Ok(at) = list.binary_search(&slot) {
                    list.remove(at);
                }
                if list.is_empty() {
                    self.postings.remove(&t);
                }
            }
        }
        cluster
    }

    /// Merges, best pair first, every candidate pair involving one of
    /// `fresh` (or a cluster made from one) that passes the threshold and
    /// the date window. Returns where merged-away ids went.
    ///
    /// Only pairs found for `fresh` are scored: average link is reducible
    /// (the average of `a ∪ b` with `x` lies between those of `a` and of
    /// `b`), so once no pair passes, a merge can only make a pair pass that
    /// involved one of its parts, and such a pair, found stale in the
    /// queue, is scored again with the merged cluster.
    fn agglomerate(&mut self, fresh: &[u64]) -> HashMap<u64, u64> {
        let mut queue = BinaryHeap::new();
        for &id in fresh {
            for other in self.candidates(id) {
                self.push_pair(id, other, &mut queue);
            }
        }
        let mut forward = HashMap::new();
        let mut rescored = HashSet::new();
        while let Some(pair) = queue.pop() {
            let (a, b) = (resolve(&forward, pair.a), resolve(&forward, pair.b));
            if a == b {
                continue;
            }
            let (a, b) = (a.min(b), a.max(b));
            let (va, vb) = (self.clusters[&a].version, self.clusters[&b].version);
            if (a, b, va, vb) != (pair.a, pair.b, pair.va, pair.vb) {
                if rescored.insert((a, b, va, vb)) {
                    self.push_pair(a, b, &mut queue);
                }
                continue;
            }
            self.join(a, b);
            forward.insert(b, a);
        }
        forward
    }

    /// Merges cluster `b` into cluster `a`.
    fn join(&mut self, a: u64, b: u64) {
        let gone = self.remove_cluster(b);
        let kept = self.remove_cluster(a);
        let cap = self.config.max_terms.saturating_mul(EVENT_TERMS).max(1);
        self.add_cluster(a, joined(kept, gone, cap));
    }

    /// Joins each labelled cluster of `fresh` to the live cluster already
    /// carrying its label, if another: the smaller id survives. Returns
    /// where merged-away ids went.
    fn unite_labels(&mut self, fresh: &[u64]) -> HashMap<u64, u64> {
        let mut forward = HashMap::new();
        for &id in fresh {
            let id = resolve(&forward, id);
            let Some(label) = self.clusters[&id].label.clone() else {
                continue;
            };
            let Some(&other) = self.labels.get(&label) else {
                continue;
            };
            if other != id {
                let (a, b) = (other.min(id), other.max(id));
                self.join(a, b);
                forward.insert(b, a);
            }
        }
        forward
    }

    /// Queues the pair of `a` and `b` if it could merge now.
    fn push_pair(&self, a: u64, b: u64, queue: &mut BinaryHeap<Pair>) {
        let (a, b) = (a.min(b), a.max(b));
        let (x, y) = (&self.clusters[&a], &self.clusters[&b]);
        if !self.dates_fit(x, y) || (x.label.is_some() && y.label.is_some()) {
            // Labelled clusters were united by label: two of them carry
            // different labels.
            return;
        }
        let dot = terms::dot(&x.sum, &y.sum);
        let mut score = dot / (x.size() * y.size());
        if x.members.len().min(y.members.len()) == 1 {
            // One report joins the event whose content it matches: the
            // cosine with the event's sum. A short report (a caption, a
            // lead) shares a word or two with each long one, which the
            // average over pairs would hold against it.
            let norms = norm(&x.sum) * norm(&y.sum);
            if norms > 0.0 {
                score = score.max(dot / norms);
            }
        }
        let threshold = if x.range.is_some() && y.range.is_some() {
            self.config.threshold
        } else {
            self.config.undated_threshold
        };
        let threshold = threshold * small_set_factor(self.stats.docs());
        if score >= threshold {
            queue.push(Pair {
                score,
                a,
                b,
                va: x.version,
                vb: y.version,
            });
        }
    }

    /// The live clusters sharing most key weight with `id`, at most
    /// `neighbours` of them, ties to the smaller id. A dated cluster only
    /// looks at dated clusters starting within the window of its dates.
    fn candidates(&self, id: u64) -> Vec<u64> {
        let cluster = &self.clusters[&id];
        let window = self.config.window_days;
        let mut shared: rustc_hash::FxHashMap<u64, f32> = rustc_hash::FxHashMap::default();
        let query = terms::top_terms(&cluster.sum, self.config.index_terms * QUERY_TERMS);
        for &(t, w) in &query {
            let Some(list) = self.postings.get(&t) else {
                continue;
            };
            let (dated, undated) = list.split_at(list.partition_point(|s| s.0 < UNDATED));
            let near = match cluster.range {
                Some((lo, hi)) => {
                    // A labelled event may span more than two windows:
                    // then nothing is near enough to join it by content.
                    let from = day_number(hi).saturating_sub(window);
                    let to = day_number(lo).saturating_add(window);
                    let end = dated.partition_point(|s| s.0 <= to);
                    &dated[dated.partition_point(|s| s.0 < from).min(end)..end]
                }
                None => dated,
            };
            let newest = near.iter().rev().take(POSTING_SCAN);
            for &(_, other) in newest.chain(undated.iter().rev().take(POSTING_SCAN)) {
                if other != id {
                    *shared.entry(other).or_default() += w;
                }
            }
        }
        let mut ranked: Vec<(u64, f32)> = shared.into_iter().collect();
        let by_weight = |a: &(u64, f32), b: &(u64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let keep = self.config.neighbours;
        if ranked.len() > keep {
            ranked.select_nth_unstable_by(keep, by_weight);
            ranked.truncate(keep);
        }
        ranked.sort_unstable_by(by_weight);
        ranked.into_iter().map(|(c, _)| c).collect()
    }

    fn dates_fit(&self, a: &Cluster, b: &Cluster) -> bool {
        union(a.range, b.range).is_none_or(|(lo, hi)| days(lo, hi) <= self.config.window_days)
    }
}

/// Sizes of an [`EventIndex`]'s state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexSize {
    /// Live events.
    pub events: usize,
    /// Live reports.
    pub reports: usize,
    /// Entries of the events' term vectors.
    pub event_terms: usize,
    /// Terms whose frequency is remembered.
    pub known_terms: usize,
    /// Entries of the blocking index.
    pub postings: usize,
}

/// The Euclidean norm of a vector.
fn norm(v: &[(Term, f32)]) -> f64 {
    v.iter()
        .map(|&(_, w)| f64::from(w).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// What the thresholds are multiplied by when `docs` reports have been
/// counted: 1 from [`SMALL_SET`] reports on, less below. Among many
/// reports, two that look alike are often from different occasions of one
/// kind, so it takes clear evidence to merge them; among the few a person
/// gathered, most are about the same story, and the evidence needed falls
/// with the log of the number of reports (to 0.59 for one report).
/// The order reports of a batch are placed in (ids are handed out in it):
/// by report id, then date, then input position.
fn placing_order<'a>(n: usize, key: impl Fn(usize) -> (&'a String, Option<Date>)) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| (key(a), a).cmp(&(key(b), b)));
    order
}

fn small_set_factor(docs: f64) -> f64 {
    1.0 - SMALL_SET_SLOPE * (SMALL_SET / docs.max(1.0)).ln().max(0.0)
}

fn slot(id: u64, cluster: &Cluster) -> Slot {
    (cluster.range.map_or(UNDATED, |r| day_number(r.0)), id)
}

/// Days since the earliest civil date.
pub(crate) fn day_number(d: Date) -> i64 {
    days(Date::MIN, d)
}

/// Where each of `ids` went, sorted, each once.
fn live_ids(forward: &HashMap<u64, u64>, ids: &[u64]) -> Vec<u64> {
    let mut live: Vec<u64> = ids.iter().map(|&id| resolve(forward, id)).collect();
    live.sort_unstable();
    live.dedup();
    live
}

fn resolve(forward: &HashMap<u64, u64>, mut id: u64) -> u64 {
    while let Some(&next) = forward.get(&id) {
        id = next;
    }
    id
}

/// `gone` merged into `kept`, whose sum keeps its `cap` heaviest terms.
fn joined(mut kept: Cluster, gone: Cluster, cap: usize) -> Cluster {
    kept.sum = terms::add(&kept.sum, &gone.sum);
    if kept.sum.len() > cap {
        terms::keep_heaviest(&mut kept.sum, cap);
        kept.sum.sort_unstable_by_key(|&(t, _)| t);
    }
    kept.members.extend(gone.members);
    kept.range = union(kept.range, gone.range);
    kept.seen = kept.seen.max(gone.seen);
    kept.label = kept.label.or(gone.label);
    kept.version += 1;
    kept
}

fn union(a: Option<(Date, Date)>, b: Option<(Date, Date)>) -> Option<(Date, Date)> {
    match (a, b) {
        (Some((lo1, hi1)), Some((lo2, hi2))) => Some((lo1.min(lo2), hi1.max(hi2))),
        (x, y) => x.or(y),
    }
}

fn days(lo: Date, hi: Date) -> i64 {
    lo.until(hi)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(i64::MAX)
}
