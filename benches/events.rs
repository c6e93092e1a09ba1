//! Event grouping at scale, on a deterministic synthetic corpus.
//!
//! - `group_events/10k`, `group_events/100k`: one batch, dates over a year.
//! - `stream/insert`: one report at a time into an index whose window is
//!   full (a year-long stream at a million reports a year), retiring daily.
//! - then, outside criterion's sampling, one simulated year of 1,000,000
//!   reports streamed one at a time: time per report and live heap at
//!   checkpoints (a one-off pass does not fit criterion's repeated samples).
//!
//! Run: `cargo bench --bench events` (a few minutes on two cores). A name
//! filter after `--` runs only the matching parts (`stream/year` for the
//! table).
//!
//! The corpus: event kinds share topic words (two earthquakes, two
//! elections), each event brings names and numbers of its own and a few
//! quotes its reports share; reports of about 280 words (a headline and
//! 12–20 sentences, a quarter of them quotes: function words,
//! Zipf-distributed general words and the event's words) appear over the
//! first four days of their event, 8% of them undated.
//! The words are made up, so the corpus is for speed and memory, not for
//! judging the grouping (its BCubed F1 is printed only as a sanity check).

#[path = "../tests/support/heap.rs"]
mod heap;

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};

use corroborate::{
    group_events, EventConfig, EventIndex, Extraction, Quote, QuoteKind, Span, Statement,
};
use criterion::{black_box, BenchmarkId, Criterion, SamplingMode, Throughput};
use jiff::civil::{date, Date};

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

// ---- the synthetic corpus

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "the", "the", "of", "of", "and", "and", "to", "to", "a", "a", "in", "in", "that", "is",
    "was", "for", "on", "with", "as", "by", "at", "from", "said", "has", "have", "it", "be", "are",
    "an", "this", "after", "which", "who", "will", "were", "had", "but", "not", "their", "its",
    "they", "been", "would", "also", "more", "than", "about", "over", "into",
];

const OUTLETS: &[&str] = &[
    "AP", "Reuters", "AFP", "CNN", "BBC", "NYT", "Fox", "HuffPost",
];

/// The `i`-th made-up word: syllables spelling `i` in base 70, so every
/// index gives a different word.
fn made_up(mut i: usize) -> String {
    const ONSETS: &[u8] = b"bdfgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut word = String::new();
    for _ in 0..2 {
        word.push(ONSETS[i % 14] as char);
        word.push(VOWELS[(i / 14) % 5] as char);
        i /= 70;
    }
    while i > 0 {
        word.push(ONSETS[i % 14] as char);
        word.push(VOWELS[(i / 14) % 5] as char);
        i /= 70;
    }
    word
}

fn capitalised(word: &str) -> String {
    let mut out = word[..1].to_uppercase();
    out.push_str(&word[1..]);
    out
}

const GENERAL_WORDS: usize = 40_000;
const KINDS: usize = 400;
const MEAN_EVENT_SIZE: f64 = 8.0;
const NEWS_DAYS: usize = 4;

/// What all events draw from: general words with Zipf frequencies, and
/// kinds of events with their topic words and recurring names.
struct World {
    words: Vec<String>,
    /// Cumulative Zipf probabilities of `words`.
    cdf: Vec<f64>,
    kinds: Vec<(Vec<usize>, Vec<String>)>,
}

impl World {
    fn new(rng: &mut Rng) -> World {
        let words: Vec<String> = (0..GENERAL_WORDS).map(made_up).collect();
        let mut cdf: Vec<f64> = (0..GENERAL_WORDS)
            .scan(0.0, |total, r| {
                *total += 1.0 / (r as f64 + 1.0).powf(1.05);
                Some(*total)
            })
            .collect();
        let total = cdf[GENERAL_WORDS - 1];
        for c in &mut cdf {
            *c /= total;
        }
        let kinds = (0..KINDS)
            .map(|k| {
                let topic = (0..40)
                    .map(|_| rng.between(300, GENERAL_WORDS - 1))
                    .collect();
                let names = (0..6)
                    .map(|n| capitalised(&made_up(2_000_000 + k * 6 + n)))
                    .collect();
                (topic, names)
            })
            .collect();
        World { words, cdf, kinds }
    }

    fn general(&self, rng: &mut Rng) -> &str {
        let u = rng.unit();
        &self.words[self.cdf.partition_point(|&c| c < u).min(GENERAL_WORDS - 1)]
    }
}

/// One synthetic event: its words and the quotes its reports share.
struct Spec {
    id: usize,
    topic: Vec<String>,
    names: Vec<String>,
    numbers: Vec<String>,
    quotes: Vec<String>,
}

/// A deterministic stream of reports in publication order.
struct Stream {
    rng: Rng,
    world: World,
    /// New events per day.
    rate: f64,
    days: usize,
    day: usize,
    started: bool,
    events: usize,
    reports: usize,
    /// Reports due today and on the next days.
    due: VecDeque<Vec<Rc<Spec>>>,
    today: Vec<Rc<Spec>>,
}

impl Stream {
    /// `per_year` reports a year over `days` days.
    fn new(seed: u64, per_year: usize, days: usize) -> Stream {
        let mut rng = Rng(seed);
        let world = World::new(&mut rng);
        Stream {
            rng,
            world,
            rate: per_year as f64 / MEAN_EVENT_SIZE / 365.0,
            days,
            day: 0,
            started: false,
            events: 0,
            reports: 0,
            due: (0..NEWS_DAYS).map(|_| Vec::new()).collect(),
            today: Vec::new(),
        }
    }

    /// The simulated date of the report last returned.
    fn date(&self) -> Date {
        date(2023, 1, 1)
            .checked_add(jiff::Span::new().days(self.day as i64))
            .expect("in range")
    }

    fn spec(&mut self) -> Spec {
        let id = self.events;
        self.events += 1;
        let rng = &mut self.rng;
        let (topic, recurring) = &self.world.kinds[rng.below(KINDS)];
        let topic: Vec<String> = (0..14)
            .map(|_| self.world.words[topic[rng.below(topic.len())]].clone())
            .collect();
        let mut names: Vec<String> = (0..5)
            .map(|n| capitalised(&made_up(10_000_000 + id * 5 + n)))
            .collect();
        names.push(recurring[rng.below(recurring.len())].clone());
        let numbers = (0..3)
            .map(|_| match rng.below(3) {
                0 => format!("{}", rng.between(10, 999)),
                1 => format!("{}.{}", rng.between(1, 9), rng.below(10)),
                _ => format!("{}", rng.between(1990, 2023)),
            })
            .collect();
        let mut spec = Spec {
            id,
            topic,
            names,
            numbers,
            quotes: Vec::new(),
        };
        spec.quotes = (0..3)
            .map(|_| sentence(&mut self.rng, &self.world, &spec, 14))
            .collect();
        spec
    }

    /// Schedules the events that start today.
    fn start_day(&mut self) {
        let count = self.rate.floor() as usize + usize::from(self.rng.unit() < self.rate.fract());
        for _ in 0..count {
            let spec = Rc::new(self.spec());
            // Sizes: 1 + geometric, mean MEAN_EVENT_SIZE.
            let p = 1.0 / MEAN_EVENT_SIZE;
            let size = 1 + ((1.0 - self.rng.unit()).ln() / (1.0 - p).ln()).floor() as usize;
            for _ in 0..size.min(80) {
                let u = self.rng.unit();
                let lag = [0.5, 0.8, 0.95, 1.0]
                    .iter()
                    .position(|&c| u < c)
                    .unwrap_or(0);
                self.due[lag].push(Rc::clone(&spec));
            }
        }
        self.today = self.due.pop_front().unwrap_or_default();
        self.due.push_back(Vec::new());
        // Today's reports in a random order.
        for i in (1..self.today.len()).rev() {
            let j = self.rng.below(i + 1);
            self.today.swap(i, j);
        }
    }

    fn report(&mut self, spec: &Spec) -> Extraction {
        let id = format!("r{:07}", self.reports);
        self.reports += 1;
        let day = self.date();
        let rng = &mut self.rng;
        let len = rng.between(7, 11);
        let title = sentence(rng, &self.world, spec, len);
        let mut text = title.clone();
        text.push_str("\n\n");
        let mut statements = Vec::new();
        let mut quotes = Vec::new();
        // Each quote or statement is a sentence of its own.
        let mut sentences = Vec::new();
        for k in 0..rng.between(12, 20) {
            let sentence_start = text.len();
            if k % 4 == 3 {
                // A quote of the event, sometimes cut short.
                let quote = &spec.quotes[rng.below(spec.quotes.len())];
                let words: Vec<&str> = quote.split(' ').collect();
                let cut = words[..rng.between(6, words.len())].join(" ");
                let speaker = spec.names[rng.below(spec.names.len())].clone();
                text.push('“');
                let start = text.len();
                text.push_str(&cut);
                quotes.push(Quote {
                    span: Span::new(start, text.len()),
                    text: cut,
                    speaker: Some(speaker.clone()),
                    speaker_span: None,
                    speaker_confidence: 0.0,
                    kind: QuoteKind::Full,
                    sentence: sentences.len(),
                });
                text.push_str(&format!(",” {speaker} said."));
                sentences.push(Span::new(sentence_start, text.len()));
                text.push(' ');
                continue;
            }
            let len = rng.between(12, 26);
            let s = sentence(rng, &self.world, spec, len);
            let start = text.len();
            text.push_str(&s);
            statements.push(Statement {
                span: Span::new(start, text.len()),
                text: s,
                sentence: sentences.len(),
            });
            sentences.push(Span::new(start, text.len()));
            text.push(' ');
        }
        let published = (rng.unit() >= 0.08).then_some(day);
        Extraction {
            report: id,
            outlet: Some(OUTLETS[rng.below(OUTLETS.len())].to_string()),
            published,
            title: Some(title),
            sentences,
            quotes,
            facts: Vec::new(),
            statements,
        }
    }
}

/// A sentence of `len` words: function words, the event's words and
/// general words, first word capitalised, ending in a period.
fn sentence(rng: &mut Rng, world: &World, spec: &Spec, len: usize) -> String {
    let mut out = String::with_capacity(len * 7);
    for k in 0..len {
        let u = rng.unit();
        let word: &str = if u < 0.40 {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())]
        } else if u < 0.52 {
            let v = rng.unit();
            if v < 0.6 {
                &spec.topic[rng.below(spec.topic.len())]
            } else if v < 0.88 {
                &spec.names[rng.below(spec.names.len())]
            } else {
                &spec.numbers[rng.below(spec.numbers.len())]
            }
        } else {
            world.general(rng)
        };
        if k > 0 {
            out.push(' ');
            out.push_str(word);
        } else {
            out.push_str(&capitalised(word));
        }
    }
    out.push('.');
    out
}

impl Iterator for Stream {
    /// A report and the id of its true event.
    type Item = (Extraction, usize);

    fn next(&mut self) -> Option<Self::Item> {
        while self.today.is_empty() {
            if self.day + 1 >= self.days {
                return None;
            }
            if self.started {
                self.day += 1;
            }
            self.started = true;
            self.start_day();
        }
        let spec = self.today.pop().expect("not empty");
        let report = self.report(&spec);
        Some((report, spec.id))
    }
}

/// `n` reports spread over a year.
fn corpus(n: usize) -> (Vec<Extraction>, Vec<usize>) {
    Stream::new(7, n, 365).take(n).unzip()
}

fn word_count(e: &Extraction) -> usize {
    let texts = e.title.iter().chain(e.statements.iter().map(|s| &s.text));
    texts
        .chain(e.quotes.iter().map(|q| &q.text))
        .map(|t| t.split_whitespace().count())
        .sum()
}

fn bcubed_f1(groups: &[Vec<usize>], truth: &[usize]) -> f64 {
    let mut label = vec![0; truth.len()];
    for (k, g) in groups.iter().enumerate() {
        for &i in g {
            label[i] = k;
        }
    }
    let mut pred_size: HashMap<usize, f64> = HashMap::new();
    let mut true_size: HashMap<usize, f64> = HashMap::new();
    let mut both: HashMap<(usize, usize), f64> = HashMap::new();
    for (i, &t) in truth.iter().enumerate() {
        *pred_size.entry(label[i]).or_default() += 1.0;
        *true_size.entry(t).or_default() += 1.0;
        *both.entry((label[i], t)).or_default() += 1.0;
    }
    let n = truth.len() as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (i, &t) in truth.iter().enumerate() {
        let b = both[&(label[i], t)];
        p += b / pred_size[&label[i]] / n;
        r += b / true_size[&t] / n;
    }
    2.0 * p * r / (p + r)
}

// ---- benchmarks

fn batches(c: &mut Criterion) {
    let config = EventConfig::default();
    let mut group = c.benchmark_group("group_events");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    let mut summary = Vec::new();
    for (label, n) in [("10k", 10_000), ("100k", 100_000)] {
        let (reports, truth) = corpus(n);
        let base = heap::reset_peak();
        let (mut runs, mut wall, mut cpu) = (0u32, Duration::ZERO, Duration::ZERO);
        let mut groups = Vec::new();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter_custom(|iters| {
                let (start, start_cpu) = (Instant::now(), cpu_time());
                for _ in 0..iters {
                    groups = group_events(black_box(&reports), &config);
                }
                let took = start.elapsed();
                runs += iters as u32;
                wall += took;
                cpu += cpu_time().saturating_sub(start_cpu);
                took
            })
        });
        if runs > 0 {
            let per = |d: Duration| d.as_secs_f64() * 1e6 / (f64::from(runs) * n as f64);
            let words: usize = reports.iter().map(word_count).sum();
            summary.push(format!(
                "group_events/{label}: {:.1} µs wall, {:.1} µs CPU (both threads) per report \
                 over {runs} runs; heap peak +{:.0} MiB; {:.0} words a report; {} events \
                 ({} true), BCubed F1 {:.3} on the synthetic truth",
                per(wall),
                per(cpu),
                mib(heap::peak().saturating_sub(base)),
                words as f64 / n as f64,
                groups.len(),
                truth.iter().max().map_or(0, |m| m + 1),
                bcubed_f1(&groups, &truth),
            ));
        }
    }
    group.finish();
    for line in summary {
        println!("{line}");
    }
}

/// Per-insert time once the window is full: one stream, continued across
/// criterion's calls.
fn steady_stream(c: &mut Criterion) {
    let mut stream = Stream::new(11, 1_000_000, usize::MAX);
    let mut index = EventIndex::new(EventConfig::default());
    let mut day = None;
    let mut feed = |index: &mut EventIndex, n: u64| -> Duration {
        let reports: Vec<Extraction> = (&mut stream).take(n as usize).map(|(r, _)| r).collect();
        let start = Instant::now();
        for r in &reports {
            if day != r.published && r.published.is_some() {
                day = r.published;
                black_box(index.retire());
            }
            black_box(index.insert(r));
        }
        start.elapsed()
    };
    // Fill the window: twenty days at a million reports a year.
    feed(&mut index, 20 * 2_740);
    let mut group = c.benchmark_group("stream");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Elements(1));
    group.bench_function("insert", |b| b.iter_custom(|n| feed(&mut index, n)));
    group.finish();
}

/// One simulated year, a million reports one at a time, retiring daily.
fn year() {
    const TOTAL: usize = 1_000_000;
    let checkpoints = [10_000, 100_000, 250_000, 500_000, 750_000, TOTAL];
    // A year at TOTAL a year; a few more days in case chance falls short.
    let mut stream = Stream::new(3, TOTAL, 400);
    let mut index = EventIndex::new(EventConfig::default());
    let base = heap::live();
    let (mut done, mut busy, mut cpu, mut retired) = (0usize, Duration::ZERO, Duration::ZERO, 0);
    let (mut last_done, mut last_busy, mut last_cpu) = (0usize, Duration::ZERO, Duration::ZERO);
    let mut max_live = 0usize;
    let mut next = 0;
    let mut today: Vec<Extraction> = Vec::new();
    let mut carry = None;
    println!();
    println!("stream/year: {TOTAL} reports over 365 simulated days, one at a time, retiring daily");
    println!(
        "(µs per report over the segment since the previous line, wall clock and process CPU)"
    );
    println!(
        "{:>9} {:>5} {:>8} {:>8} {:>9} {:>7} {:>7} {:>8} {:>8}",
        "reports", "day", "wall µs", "cpu µs", "heap MiB", "events", "live", "terms", "retired"
    );
    loop {
        // One day's reports, generated outside the clock.
        today.clear();
        today.extend(carry.take());
        let day = stream.day;
        while done + today.len() < TOTAL {
            let Some((r, _)) = stream.next() else {
                break;
            };
            if stream.day != day {
                carry = Some(r);
                break;
            }
            today.push(r);
        }
        if today.is_empty() {
            break;
        }
        let (start, start_cpu) = (Instant::now(), cpu_time());
        for r in &today {
            black_box(index.insert(r));
        }
        retired += index.retire().len();
        busy += start.elapsed();
        cpu += cpu_time().saturating_sub(start_cpu);
        done += today.len();
        let live = heap::live().saturating_sub(base);
        max_live = max_live.max(live);
        while next < checkpoints.len() && done >= checkpoints[next] {
            let per = |d: Duration| d.as_secs_f64() * 1e6 / (done - last_done) as f64;
            let f = index.footprint();
            println!(
                "{:>9} {:>5} {:>8.1} {:>8.1} {:>9.1} {:>7} {:>7} {:>8} {:>8}",
                done,
                stream.day,
                per(busy - last_busy),
                per(cpu - last_cpu),
                mib(live),
                f.events,
                f.reports,
                f.known_terms,
                retired
            );
            (last_done, last_busy, last_cpu) = (done, busy, cpu);
            next += 1;
        }
        if done >= TOTAL {
            break;
        }
    }
    println!(
        "whole year: {:.1} µs wall, {:.1} µs CPU per report; heap high-water mark after a \
         day's retire {:.1} MiB",
        busy.as_secs_f64() * 1e6 / done as f64,
        cpu.as_secs_f64() * 1e6 / done as f64,
        mib(max_live)
    );
}

/// CPU time of this process so far (user and system, from
/// `/proc/self/stat` in 1/100 s ticks); zero where that is not available.
/// The machine may be shared, so wall-clock time alone can mislead.
fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let mut c = Criterion::default().configure_from_args();
    if wanted("group_events/10k") || wanted("group_events/100k") {
        batches(&mut c);
    }
    if wanted("stream/insert") {
        steady_stream(&mut c);
    }
    c.final_summary();
    if wanted("stream/year") {
        year();
    }
}
