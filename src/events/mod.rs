//! Grouping reports into events.
//!
//! A report becomes a unit vector over the stems of its headline,
//! statements and quotes and over its numbers: sublinear term frequency
//! times inverse document frequency, names (capitalised words inside a
//! sentence) and the lead (first three statements) counting double, cut to
//! the heaviest [`EventConfig::max_terms`] terms. The document frequencies
//! start from a background of a thousand pseudo-reports in which the words
//! of a built-in general vocabulary ("officials", "Tuesday", "killed") are
//! common and every other word is rare, so the weights behave on three
//! reports as on a million: on a small set, where every word the reports
//! share is in all of them, the place and the people still weigh more than
//! the words any story uses, and the set's own counts take over as it
//! grows.
//!
//! Events are built by average-link agglomeration: two events merge when
//! the mean cosine over all pairs of their reports reaches the threshold,
//! best pair first; a single report joins an event when its cosine with
//! the whole event (the sum of its reports) does, so that a short caption
//! joins the story whose content it matches. Dates act as a window: an
//! event never spans more than [`EventConfig::window_days`], and pairs
//! where a date is missing need the stricter
//! [`EventConfig::undated_threshold`], so an undated report joins the
//! occasion its content matches best rather than bridging two. Average
//! link does not chain: a run of reports each close to the next does not
//! pull two different occasions together the way single link does.
//!
//! The thresholds hold as configured from a thousand reports on. Below,
//! they fall with the log of the number of reports: among many reports two
//! that look alike are often different occasions of one kind, among the
//! few a person gathered most are one story (a set of three needs about
//! two thirds of the configured similarity).
//!
//! The user can also say it: reports that carry the same
//! [`Report::event`](crate::Report::event) label are one event whatever
//! their content or dates, reports with different labels never share one,
//! and unlabelled reports are grouped by content among themselves and may
//! join a labelled event by the same rules; [`EventConfig::one_event`]
//! makes every report one event.
//!
//! The work is done by [`EventIndex`], which also takes reports one at a
//! time. [`group_events`] weighs all the reports as one batch and, when
//! every report is dated, groups them [`EventConfig::block_days`] at a
//! time, each block as a fresh index, then groups again the reports of the
//! events that end or start within the window of a boundary between
//! blocks, and unites the events of one label: the steps of
//! [`distributed`](crate::distributed), run here in parallel. Candidate
//! pairs come from blocking on each event's heaviest terms, so the cost
//! grows linearly with the number of reports (see [`EventIndex`]).

pub(crate) mod blocks;
pub(crate) mod index;
pub(crate) mod terms;

use serde::{Deserialize, Serialize};

use crate::extract::Extraction;

pub use index::{EventId, EventIndex, IndexSize, IndexedEvent};

/// Settings for [`group_events`] and [`EventIndex`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventConfig {
    /// An event never spans more than this many days between its dated
    /// reports.
    pub window_days: i64,
    /// Least average cosine similarity that merges two events that both
    /// have dated reports (so the window has vouched for them). This and
    /// [`EventConfig::undated_threshold`] hold from a thousand reports
    /// counted on; on fewer they are relaxed (see the module docs).
    pub threshold: f64,
    /// Least average cosine similarity that merges two events when one has
    /// no dated report: content alone must carry the decision.
    pub undated_threshold: f64,
    /// How many of its heaviest terms each event is indexed under for
    /// finding candidate pairs.
    pub index_terms: usize,
    /// How many candidate events (those sharing most index weight) each
    /// event is compared with exactly.
    pub neighbours: usize,
    /// How many of its heaviest terms a report's vector keeps.
    pub max_terms: usize,
    /// [`EventIndex::retire`] removes events nothing joined for this many
    /// days before the newest date seen.
    pub retain_days: i64,
    /// Document frequencies describe roughly the last this-many to twice
    /// this-many reports of a stream (older counts decay).
    pub df_horizon: usize,
    /// A batch of dated reports is grouped this many days at a time (at
    /// least `3 · window_days + 1`), then events are merged across the
    /// days where blocks meet: memory and the work of one step are one
    /// block's, and the blocks can be grouped in parallel or on several
    /// machines (see [`distributed`](crate::distributed)).
    pub block_days: i64,
    /// Every report is one event: the user knows they cover one story, so
    /// neither content, dates nor [`Report::event`](crate::Report::event)
    /// labels are consulted.
    pub one_event: bool,
}

impl Default for EventConfig {
    fn default() -> Self {
        EventConfig {
            window_days: 4,
            threshold: 0.13,
            undated_threshold: 0.22,
            index_terms: 16,
            neighbours: 10,
            max_terms: 100,
            retain_days: 8,
            df_horizon: 50_000,
            block_days: 28,
            one_event: false,
        }
    }
}

/// Groups reports (given by their extractions) into events. Returns the
/// groups as sorted lists of indices into `extractions`, every index in
/// exactly one group, groups sorted by their first index. The grouping does
/// not depend on the order of `extractions` (ties are broken by report id).
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
    group_labelled(extractions, &[], &[], config)
}

/// [`group_events`] where `labels[i]`, when given, is the event the user
/// said `extractions[i]` is in (see [`EventIndex::insert_labelled`]), and
/// `texts[i]`, when given, the report's text.
pub(crate) fn group_labelled(
    extractions: &[Extraction],
    labels: &[Option<&str>],
    texts: &[&str],
    config: &EventConfig,
) -> Vec<Vec<usize>> {
    let (order, placed) = EventIndex::new(config.clone()).weigh(extractions, labels, texts);
    let docs = extractions.len() as u64;
    let mut out: Vec<Vec<usize>> = blocks::group_blocked(config, docs, placed)
        .into_iter()
        .map(|group| {
            let mut group: Vec<usize> = group.into_iter().map(|k| order[k]).collect();
            group.sort_unstable();
            group
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, Date};

    use super::*;
    use crate::{extract, Report};

    /// Short wire reports: three occasions, two of them alike in kind.
    const WIRE: &[(&str, Option<&str>, &str)] = &[
        ("quake-1", Some("2023-02-06"), "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep on Monday, killing hundreds."),
        ("quake-2", Some("2023-02-06"), "Hundreds died when a 7.8 magnitude earthquake hit Gaziantep in southern Turkey."),
        ("quake-3", None, "Rescuers in Gaziantep searched the rubble after the 7.8 earthquake in Turkey."),
        ("quake-4", Some("2023-09-08"), "A magnitude 6.8 earthquake struck Morocco's Atlas Mountains near Marrakech on Friday night."),
        ("quake-5", Some("2023-09-09"), "The 6.8 earthquake near Marrakech in Morocco killed more than 2,000 people."),
        ("bank-1", Some("2023-09-08"), "The European Central Bank raised its deposit rate to 4 percent, Christine Lagarde said."),
        ("bank-2", Some("2023-09-08"), "Christine Lagarde said the European Central Bank lifted rates to 4 percent."),
    ];

    fn wire() -> Vec<Extraction> {
        WIRE.iter()
            .map(|&(id, day, text)| {
                let report = Report::new(id, text);
                let report = match day {
                    Some(day) => report.with_published(day.parse().unwrap()),
                    None => report,
                };
                extract(&report)
            })
            .collect()
    }

    fn ids(found: &[Extraction], groups: &[Vec<usize>]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                let mut ids: Vec<String> = g.iter().map(|&i| found[i].report.clone()).collect();
                ids.sort();
                ids
            })
            .collect();
        out.sort();
        out
    }

    fn expected() -> Vec<Vec<String>> {
        let groups: &[&[&str]] = &[
            &["bank-1", "bank-2"],
            &["quake-1", "quake-2", "quake-3"],
            &["quake-4", "quake-5"],
        ];
        groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn groups_occasions_of_one_kind_apart() {
        let found = wire();
        let groups = group_events(&found, &EventConfig::default());
        assert_eq!(ids(&found, &groups), expected());
    }

    #[test]
    fn output_does_not_depend_on_input_order() {
        let found = wire();
        let config = EventConfig::default();
        // Rotations and the reverse.
        for shift in 0..found.len() {
            for reverse in [false, true] {
                let mut shuffled = found.clone();
                shuffled.rotate_left(shift);
                if reverse {
                    shuffled.reverse();
                }
                let groups = group_events(&shuffled, &config);
                assert_eq!(ids(&shuffled, &groups), expected(), "shift {shift}");
            }
        }
    }

    #[test]
    fn date_window_keeps_occasions_apart() {
        let text =
            "Prime Minister Jane Doe met President John Roe in Oslo to sign the fisheries accord.";
        let dated = |id: &str, day: Date| extract(&Report::new(id, text).with_published(day));
        let found = [
            dated("a", date(2023, 4, 16)),
            dated("b", date(2023, 4, 17)),
            dated("c", date(2024, 4, 16)),
            extract(&Report::new("d", text)),
        ];
        let groups = group_events(&found, &EventConfig::default());
        // d has no date: it may join either, but a and c never share a group.
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))));
        assert!(groups.iter().any(|g| g.contains(&0) && g.contains(&1)));
    }

    #[test]
    fn a_few_reports_of_one_story_stay_one() {
        // A person compares three reports of one fire: a wire story, a
        // photo caption and an undated rewrite.
        let dated =
            |id: &str, text: &str| extract(&Report::new(id, text).with_published(date(2024, 3, 5)));
        let found = [
            dated(
                "wire",
                "Firefighters battled a blaze that destroyed the Harlow Street market in \
                 Dunmore on Tuesday, officials said.\n\nThe fire broke out before dawn in a \
                 bakery and spread to three neighbouring shops, a pharmacy, a florist and a \
                 hardware store. Crews from Ashby and Kenton joined the fight.\n\nNo one was \
                 hurt, fire chief Maria Okafor said. Traders estimated their losses at \
                 $2 million.\n\nThe market, built in 1932, housed forty stalls. Mayor Tom \
                 Reyes promised emergency grants and a temporary site in Victoria Park.\n\n\
                 Investigators are examining the wiring of the bakery's ovens.",
            ),
            dated(
                "caption",
                "Smoke rises over the Harlow Street market in Dunmore on Tuesday morning.",
            ),
            extract(&Report::new(
                "rewrite",
                "Stallholders wept as the Victorian hall burned. \"Thirty years of my life \
                 are gone,\" said Ada Brennan, who sold cheese there.\n\nA fire gutted the \
                 Dunmore market overnight. Chief Maria Okafor said faulty wiring was the \
                 likely cause.",
            )),
        ];
        let groups = group_events(&found, &EventConfig::default());
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }

    const FLOODS: &str = "Floods hit the city of Valencia on Tuesday, forcing hundreds of residents from their homes.";

    #[test]
    fn edge_cases() {
        let config = EventConfig::default();
        let cases: &[(&[&str], usize)] = &[
            (&[], 0),
            (&[""], 1),
            (&["", ""], 2),
            (&["the of and", "the of and"], 2),
            // Too short to hold a statement: nothing to compare.
            (&["Floods hit Valencia.", "Floods hit Valencia."], 2),
            (&[FLOODS, FLOODS], 1),
        ];
        for &(texts, want) in cases {
            let found: Vec<Extraction> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| extract(&Report::new(format!("r{i}"), *t)))
                .collect();
            assert_eq!(group_events(&found, &config).len(), want, "{texts:?}");
        }
    }

    #[test]
    fn one_at_a_time_matches_the_batch_here() {
        let found = wire();
        let batch = group_events(&found, &EventConfig::default());
        for order in [false, true] {
            let mut index = EventIndex::default();
            let mut steps: Vec<&Extraction> = found.iter().collect();
            if order {
                steps.reverse();
            }
            for e in steps {
                index.insert(e);
            }
            let mut got: Vec<Vec<String>> = index.events().into_iter().map(|e| e.reports).collect();
            got.sort();
            assert_eq!(got, ids(&found, &batch));
        }
    }

    #[test]
    fn saved_state_resumes_and_partitions_merge() {
        let found = wire();
        // Every event has reports on both sides.
        let (left, right): (Vec<_>, Vec<_>) = found
            .iter()
            .cloned()
            .enumerate()
            .partition(|(i, _)| i % 2 == 0);
        let left: Vec<Extraction> = left.into_iter().map(|(_, e)| e).collect();
        let right: Vec<Extraction> = right.into_iter().map(|(_, e)| e).collect();
        let mut first = EventIndex::default();
        first.insert_batch(&left);
        let json = serde_json::to_string(&first).unwrap();
        let mut resumed: EventIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&resumed).unwrap(), json);
        assert_eq!(resumed.events(), first.events());
        let mut second = EventIndex::default();
        second.insert_batch(&right);
        resumed.merge(second);
        let mut got: Vec<Vec<String>> = resumed.events().into_iter().map(|e| e.reports).collect();
        got.sort();
        assert_eq!(got, expected());
    }

    #[test]
    fn retire_returns_finished_events() {
        let found = wire();
        let mut index = EventIndex::default();
        index.insert_batch(&found[..3]);
        assert!(index.retire().is_empty());
        // September news retires February's earthquake (and its undated
        // report, which arrived when February was the newest date).
        index.insert_batch(&found[3..]);
        let retired = index.retire();
        assert_eq!(retired.len(), 1);
        assert_eq!(retired[0].reports, ["quake-1", "quake-2", "quake-3"]);
        assert_eq!(retired[0].first, Some(date(2023, 2, 6)));
        assert_eq!(index.len(), 4);
        assert_eq!(index.footprint().events, 2);
    }

    /// A report made directly (no extraction): one statement naming its
    /// event's made-up place, plus a line every report shares.
    fn synthetic(id: usize, event: usize, day: Date) -> Extraction {
        let text = format!(
            "Officials in Place{event} reported damage near River{event} on Monday. \
             The weather service issued the usual warnings for the region."
        );
        let mut e = extract(&Report::new(format!("r{id}"), ""));
        e.published = Some(day);
        e.statements = vec![crate::Statement {
            span: crate::Span::new(0, text.len()),
            text,
            sentence: 0,
        }];
        e
    }

    #[test]
    fn a_stream_that_retires_stays_bounded() {
        let config = EventConfig {
            df_horizon: 200,
            ..EventConfig::default()
        };
        let mut index = EventIndex::new(config.clone());
        let (per_day, days) = (12, 60);
        let mut most = 0;
        let mut retired = 0;
        for d in 0..days {
            let day = date(2024, 1, 1) + jiff::Span::new().days(d);
            // Four events a day, three reports each.
            for k in 0..per_day {
                let id = d as usize * per_day + k;
                index.insert(&synthetic(id, d as usize * 4 + k % 4, day));
            }
            retired += index
                .retire()
                .iter()
                .map(|e| e.reports.len())
                .sum::<usize>();
            most = most.max(index.len());
            assert!(index.footprint().known_terms <= 2 * 200 * 4);
        }
        // Live: the days kept before the newest, and the window an event
        // may reach back from its newest report (early on, with few
        // reports counted, every word looks rare and events run together).
        let kept = (config.retain_days + config.window_days + 1) as usize;
        assert!(most <= kept * per_day, "{most}");
        assert_eq!(retired + index.len(), per_day * days as usize);
        // Every event kept its three reports and nothing else.
        assert!(index.events().iter().all(|e| e.reports.len() == 3));
    }

    /// Groups of `WIRE` with the given labels (by report id), as ids.
    fn labelled(labels: &[(&str, &str)], config: &EventConfig, reverse: bool) -> Vec<Vec<String>> {
        let mut found = wire();
        if reverse {
            found.reverse();
        }
        let labels: Vec<Option<&str>> = found
            .iter()
            .map(|e| labels.iter().find(|l| l.0 == e.report).map(|l| l.1))
            .collect();
        ids(&found, &group_labelled(&found, &labels, &[], config))
    }

    #[test]
    fn labels_say_which_reports_are_one_event() {
        let config = EventConfig::default();
        // (labels by report id, the groups wanted)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a [&'a str]]);
        let cases: &[Case] = &[
            // No labels: grouped by content.
            (
                &[],
                &[
                    &["bank-1", "bank-2"],
                    &["quake-1", "quake-2", "quake-3"],
                    &["quake-4", "quake-5"],
                ],
            ),
            // One label over unrelated reports: one event, whatever the
            // content and the seven months between them (so that nothing
            // else fits its date window).
            (
                &[("bank-1", "x"), ("quake-1", "x")],
                &[
                    &["bank-1", "quake-1"],
                    &["bank-2"],
                    &["quake-2", "quake-3"],
                    &["quake-4", "quake-5"],
                ],
            ),
            // Different labels keep alike reports apart (quake-2, quake-5),
            // and unlabelled reports join a labelled event by content
            // (bank-2).
            (
                &[("quake-1", "a"), ("quake-2", "b"), ("quake-3", "a")],
                &[
                    &["bank-1", "bank-2"],
                    &["quake-1", "quake-3"],
                    &["quake-2"],
                    &["quake-4", "quake-5"],
                ],
            ),
            (
                &[("quake-4", "a"), ("quake-5", "b"), ("bank-1", "a")],
                &[
                    &["bank-1", "bank-2", "quake-4"],
                    &["quake-1", "quake-2", "quake-3"],
                    &["quake-5"],
                ],
            ),
        ];
        for &(labels, want) in cases {
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|g| g.iter().map(|s| s.to_string()).collect())
                .collect();
            for reverse in [false, true] {
                assert_eq!(labelled(labels, &config, reverse), want, "{labels:?}");
            }
        }
    }

    #[test]
    fn one_event_puts_everything_together() {
        let config = EventConfig {
            one_event: true,
            ..EventConfig::default()
        };
        let everything: Vec<String> = WIRE.iter().map(|w| w.0.to_string()).collect();
        let mut everything = everything;
        everything.sort();
        // Labels are not consulted.
        for labels in [&[][..], &[("quake-1", "a"), ("bank-1", "b")][..]] {
            assert_eq!(labelled(labels, &config, false), [everything.clone()]);
        }
        assert_eq!(group_events(&[], &config), Vec::<Vec<usize>>::new());
        // A stream: every report joins the one event.
        let mut index = EventIndex::new(config);
        let found = wire();
        let first = index.insert(&found[0]);
        assert!(found[1..].iter().all(|e| index.insert(e) == first));
    }

    #[test]
    fn a_label_may_span_months() {
        let day =
            |d: &str, text: &str| extract(&Report::new(d, text).with_published(d.parse().unwrap()));
        let found = [
            day("2024-01-02", "Floods hit Valencia, killing 12 people."),
            day("2024-05-20", "The Valencia floods inquiry opened."),
            day("2024-03-10", "Floods in Valencia: the inquiry reports."),
        ];
        let labels = [Some("valencia"), Some("valencia"), None];
        let groups = group_labelled(&found, &labels, &[], &EventConfig::default());
        assert_eq!(groups, [vec![0, 1], vec![2]]);
    }

    #[test]
    fn labels_survive_saving_and_merging_partitions() {
        let found = wire();
        let label =
            |e: &Extraction| (e.report.starts_with("bank") || e.report == "quake-4").then_some("x");
        let (left, right): (Vec<Extraction>, Vec<Extraction>) = found
            .iter()
            .cloned()
            .partition(|e| e.report.ends_with(['1', '3', '5']));
        let mut first = EventIndex::default();
        first.insert_labelled(&left, &left.iter().map(label).collect::<Vec<_>>(), &[]);
        let json = serde_json::to_string(&first).unwrap();
        let mut resumed: EventIndex = serde_json::from_str(&json).unwrap();
        let mut second = EventIndex::default();
        second.insert_labelled(&right, &right.iter().map(label).collect::<Vec<_>>(), &[]);
        resumed.merge(second);
        let mut got: Vec<Vec<String>> = resumed.events().into_iter().map(|e| e.reports).collect();
        got.sort();
        // quake-5, unlabelled, joins the labelled event by content.
        let want: &[&[&str]] = &[
            &["bank-1", "bank-2", "quake-4", "quake-5"],
            &["quake-1", "quake-2", "quake-3"],
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<EventIndex>();
        check::<EventConfig>();
        check::<IndexedEvent>();
    }
}
