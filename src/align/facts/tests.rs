use super::times::{period, times_conflict};
use super::values::{
    amount_difference, hedges_differ, rounds_to, values_conflict, written_step, AmountDifference,
};
use super::*;
use crate::extract::{FactValue, Qualifier};
use crate::{compare, Report};

fn fact(
    text: &str,
    kind: FactKind,
    value: Option<FactValue>,
    qualifier: Option<Qualifier>,
) -> Fact {
    Fact {
        span: Span::new(0, text.len()),
        text: text.to_string(),
        kind,
        value,
        resolved: None,
        time: None,
        qualifier,
        unit: None,
        sentence: 0,
    }
}

fn money(text: &str, amount: f64, qualifier: Option<Qualifier>) -> Fact {
    fact(
        text,
        FactKind::Money,
        Some(FactValue::Money {
            amount,
            currency: "USD".to_string(),
        }),
        qualifier,
    )
}

#[test]
fn figures_round_to_their_written_precision() {
    let m = |t: &str, a: f64| money(t, a, None);
    assert_eq!(written_step(&m("$5,687.75", 5687.75)), 0.01);
    assert_eq!(written_step(&m("$43,000", 43_000.0)), 1000.0);
    assert!((written_step(&m("$3.6 billion", 3.6e9)) - 1e8).abs() < 1.0);
    assert!(rounds_to(&m("$43,000", 43_000.0), &m("$43,350", 43_350.0)));
    assert!(rounds_to(
        &m("$1.4 billion", 1.4e9),
        &m("$1.375 billion", 1.375e9)
    ));
    assert!(rounds_to(
        &m("$700 billion", 7e11),
        &m("$716 billion", 7.16e11)
    ));
    assert!(!rounds_to(
        &m("$5,687.75", 5687.75),
        &m("$5,587.75", 5587.75)
    ));
    // Rounding never spans more than a tenth.
    assert!(!rounds_to(&m("$10,000", 1e4), &m("$5,587.75", 5587.75)));
    assert!(!rounds_to(
        &m("$3.5 billion", 3.5e9),
        &m("$3.6 billion", 3.6e9)
    ));
}

#[test]
fn hedges_cover_or_contradict() {
    use Qualifier as Q;
    let m = money;
    assert!(values_conflict(
        &m("$3.5 billion", 3.5e9, None),
        &m("$3.6 billion", 3.6e9, None)
    ));
    assert!(!values_conflict(
        &m("more than $5 billion", 5e9, Some(Q::MoreThan)),
        &m("$5.7 billion", 5.7e9, None)
    ));
    assert!(values_conflict(
        &m("more than $5 billion", 5e9, Some(Q::MoreThan)),
        &m("$4 billion", 4e9, None)
    ));
    assert!(!values_conflict(
        &m("about $3.6 billion", 3.6e9, Some(Q::About)),
        &m("$3.5 billion", 3.5e9, None)
    ));
    // Two ceilings on different figures disagree.
    assert!(values_conflict(
        &m("as many as $1.5 million", 1.5e6, Some(Q::UpTo)),
        &m("up to $1.6 million", 1.6e6, Some(Q::UpTo))
    ));
    let (plain, more, least, about) = (
        m("$250,000", 2.5e5, None),
        m("more than $250,000", 2.5e5, Some(Q::MoreThan)),
        m("at least $250,000", 2.5e5, Some(Q::AtLeast)),
        m("about $250,000", 2.5e5, Some(Q::About)),
    );
    assert!(hedges_differ(&plain, &more));
    assert!(hedges_differ(&about, &more));
    assert!(hedges_differ(&least, &more));
    assert!(!hedges_differ(&plain, &about));
}

#[test]
fn counted_times_cover_what_their_hedge_allows() {
    let mut f = fact(
        "less than a month after",
        FactKind::RelativeTime,
        Some(FactValue::Duration {
            amount: 1.0,
            unit: "month".to_string(),
        }),
        Some(Qualifier::LessThan),
    );
    f.resolved = Some(jiff::civil::date(2023, 3, 16));
    let d = jiff::civil::date;
    assert_eq!(period(&f), Some((d(2023, 3, 16), d(2023, 4, 16))));
    f.text = "two weeks ago".to_string();
    f.qualifier = None;
    f.value = Some(FactValue::Duration {
        amount: 2.0,
        unit: "week".to_string(),
    });
    f.resolved = Some(d(2024, 8, 7));
    assert_eq!(period(&f), Some((d(2024, 8, 4), d(2024, 8, 10))));
    // A time counted from another event never conflicts.
    let mut last = fact("last week", FactKind::RelativeTime, None, None);
    last.resolved = Some(d(2024, 7, 1));
    f.text = "two weeks after".to_string();
    assert!(!times_conflict(&f, &last));
}

fn report(id: &str, published: &str, text: &str) -> Report {
    let mut r = Report::new(id, text);
    r.published = published.parse().ok();
    r
}

fn fact_records(reports: &[Report]) -> Vec<(bool, RecordKind, Vec<String>)> {
    compare(reports)
        .events
        .into_iter()
        .flat_map(|e| {
            let agreements = e.agreements.into_iter().map(|r| (true, r));
            agreements.chain(e.discrepancies.into_iter().map(|r| (false, r)))
        })
        .filter(|(_, r)| r.claim == Claim::Fact)
        .map(|(agrees, r)| {
            (
                agrees,
                r.kind,
                r.evidence.into_iter().map(|e| e.text).collect(),
            )
        })
        .collect()
}

#[test]
fn close_figures_in_like_words_conflict() {
    let found = fact_records(&[
        report(
            "a",
            "2015-03-10",
            "Clinton emails handed over to State Department.\n\nIn December, boxes filled with 50,000 pages of printed emails from Mrs. Clinton’s account were delivered to the State Department.",
        ),
        report(
            "b",
            "2015-03-10",
            "Clinton emails handed over to State Department.\n\nThe State Department said it had received 55,000 pages of Mrs. Clinton’s emails from her account.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Value),
            vec!["50,000 pages".into(), "55,000 pages".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn far_apart_figures_count_different_things() {
    let found = fact_records(&[
        report(
            "a",
            "2016-11-30",
            "Pelosi re-elected as House Democratic leader.\n\nHouse Democrats picked up just six seats in the election, Pelosi said.",
        ),
        report(
            "b",
            "2016-11-30",
            "Pelosi re-elected as House Democratic leader.\n\nHouse Democrats have lost nearly 60 seats in the election years since, Pelosi said.",
        ),
    ]);
    assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
}

#[test]
fn a_later_day_in_a_later_report_is_a_later_occurrence() {
    let found = fact_records(&[
        report(
            "a",
            "2012-12-10",
            "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Sunday at the White House to discuss the fiscal cliff.",
        ),
        report(
            "b",
            "2012-12-13",
            "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Thursday at the White House to discuss the fiscal cliff.",
        ),
    ]);
    assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
    // The same two days in reports published after both are a conflict.
    let found = fact_records(&[
        report(
            "a",
            "2012-12-14",
            "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Sunday at the White House to discuss the fiscal cliff.",
        ),
        report(
            "b",
            "2012-12-14",
            "Obama and Boehner meet on fiscal cliff.\n\nThe president and the speaker met Thursday at the White House to discuss the fiscal cliff.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Date),
            vec!["Sunday".into(), "Thursday".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn a_bound_against_a_plain_figure_is_a_qualifier_discrepancy() {
    let found = fact_records(&[
        report(
            "a",
            "2018-08-22",
            "Hunter indicted over campaign funds.\n\nRep. Duncan Hunter was indicted on charges of converting $250,000 in campaign funds to personal use.",
        ),
        report(
            "b",
            "2018-08-22",
            "Hunter indicted over campaign funds.\n\nRep. Duncan Hunter is charged with converting more than $250,000 in campaign funds to personal use.",
        ),
    ]);
    let pair = vec!["$250,000".to_string(), "more than $250,000".to_string()];
    assert!(
        found.contains(&(true, RecordKind::Fact(FactKind::Money), pair.clone())),
        "{found:?}"
    );
    assert!(
        found.contains(&(false, RecordKind::Difference(Difference::Qualifier), pair)),
        "{found:?}"
    );
}

#[test]
fn a_time_counted_from_the_story_agrees_with_a_calendar_month() {
    let found = fact_records(&[
        report(
            "a",
            "2023-04-16",
            "Putin meets China’s defense minister.\n\nPutin met Li Shangfu in Moscow on Sunday, less than a month after Chinese leader Xi Jinping held a state visit to Moscow.",
        ),
        report(
            "b",
            "2023-04-16",
            "Putin meets China’s defense minister.\n\nLast month, Chinese leader Xi Jinping held a state visit to Moscow to meet Putin.",
        ),
    ]);
    assert!(
        found.contains(&(
            true,
            RecordKind::Fact(FactKind::RelativeTime),
            vec!["less than a month after".into(), "Last month".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn a_rounded_figure_is_a_value_difference_and_a_covering_hedge_a_qualifier_one() {
    let found = fact_records(&[
        report(
            "a",
            "2013-02-20",
            "Jackson pleads guilty over campaign funds.\n\nJackson bought a $43,000 Rolex watch with campaign money. He also spent over $300 on stuffed animals at Build-A-Bear.",
        ),
        report(
            "b",
            "2013-02-20",
            "Jackson pleads guilty over campaign funds.\n\nJackson bought a $43,350 Rolex watch with campaign money. The Jacksons spent $313.89 on stuffed animals at Build-A-Bear.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Value),
            vec!["$43,000".into(), "$43,350".into()]
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Qualifier),
            vec!["over $300".into(), "$313.89".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn one_weekday_said_of_several_things_joins_the_mention_about_the_same_thing() {
    let found = fact_records(&[
        report(
            "a",
            "2019-01-25",
            "Stone arrested in Florida.\n\nStone was arrested at his home early Friday by FBI agents. He appeared in federal court in Fort Lauderdale on Friday afternoon.",
        ),
        report(
            "b",
            "2019-01-25",
            "Stone arrested in Florida.\n\nHe appeared in federal court in Fort Lauderdale later Friday. Agents had arrested Stone at his home early Friday.",
        ),
    ]);
    let pairs: Vec<Vec<String>> = found
        .iter()
        .filter(|(agrees, kind, _)| *agrees && *kind == RecordKind::Fact(FactKind::Weekday))
        .map(|(.., ev)| ev.clone())
        .collect();
    assert_eq!(pairs.len(), 2, "{found:?}");
    // Each record holds one mention per report, not all four.
    assert!(pairs.iter().all(|ev| ev.len() == 2), "{found:?}");
}

#[test]
fn a_year_agrees_only_when_its_nearest_words_do() {
    let found = fact_records(&[
        report(
            "a",
            "2013-02-20",
            "Jackson pleads guilty.\n\nJackson was first elected to Congress in 1995. He co-wrote a 1999 book with his father.",
        ),
        report(
            "b",
            "2013-02-20",
            "Jackson pleads guilty.\n\nJackson, elected to Congress in 1995, represented Chicago. As an attorney in 1999, the judge was a guest on a show hosted by his father.",
        ),
    ]);
    let years: Vec<&Vec<String>> = found
        .iter()
        .filter(|(agrees, kind, _)| *agrees && *kind == RecordKind::Fact(FactKind::Year))
        .map(|(.., ev)| ev)
        .collect();
    assert_eq!(
        years,
        vec![&vec!["1995".to_string(), "1995".to_string()]],
        "{found:?}"
    );
}

#[test]
fn counts_agree_across_the_words_news_use_for_one_thing() {
    let found = fact_records(&[
        report(
            "a",
            "2018-12-21",
            "Mattis resigns.\n\nThe president also ordered some 7,000 soldiers home from Afghanistan.",
        ),
        report(
            "b",
            "2018-12-21",
            "Mattis resigns.\n\nThe president also ordered about 7,000 troops home from Afghanistan.",
        ),
    ]);
    assert!(
        found.contains(&(
            true,
            RecordKind::Fact(FactKind::Count),
            vec!["some 7,000 soldiers".into(), "about 7,000 troops".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn a_year_is_its_twelve_months() {
    let mut y = fact(
        "2009",
        FactKind::Year,
        Some(FactValue::Number(2009.0)),
        None,
    );
    let d = jiff::civil::date;
    assert_eq!(period(&y), Some((d(2009, 1, 1), d(2009, 12, 31))));
    y.value = Some(FactValue::Number(12.0));
    assert_eq!(period(&y), None);
}

#[test]
fn a_figure_in_a_list_is_known_by_its_own_words() {
    // "Best Buy" is the second figure's, not the first's.
    let found = fact_records(&[
        report(
            "a",
            "2013-02-20",
            "Jackson pleads guilty over campaign funds.\n\nRecords show campaign money went on $2,306.08 at Walt Disney World, over $10,000 at Best Buy and $3,544.00 at a boutique.",
        ),
        report(
            "b",
            "2013-02-20",
            "Jackson pleads guilty over campaign funds.\n\nMr. Jackson bought $10,977.74 worth of televisions and DVD players at Best Buy with campaign money.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Qualifier),
            vec!["over $10,000".into(), "$10,977.74".into()]
        )),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, _, ev)| ev.contains(&"$2,306.08".to_string())),
        "{found:?}"
    );
}

#[test]
fn approximate_and_exact_figures_differ_in_kind() {
    use Qualifier as Q;
    let c = |t: &str, n: f64, q: Option<Q>| fact(t, FactKind::Count, Some(FactValue::Number(n)), q);
    // "some 16" and "15": two figures, not one bounded.
    assert_eq!(
        amount_difference(&c("some 16", 16.0, Some(Q::About)), &c("15", 15.0, None)),
        Some(AmountDifference::Rounded)
    );
    assert_eq!(
        amount_difference(
            &c("over 300", 300.0, Some(Q::MoreThan)),
            &c("313", 313.0, None)
        ),
        Some(AmountDifference::Covered)
    );
    assert_eq!(
        amount_difference(
            &c("over 300", 300.0, Some(Q::MoreThan)),
            &c("290", 290.0, None)
        ),
        Some(AmountDifference::Conflict)
    );
    // "all 2,000" against "roughly 2,000" differs; against "2,000" not.
    let all = c("all 2,000", 2000.0, Some(Q::Exactly));
    assert!(hedges_differ(
        &all,
        &c("roughly 2,000", 2000.0, Some(Q::About))
    ));
    assert!(!hedges_differ(&all, &c("2,000", 2000.0, None)));
}

#[test]
fn quarters_and_holidays_cover_what_they_name() {
    let d = jiff::civil::date;
    let mut q = fact("Q3 2023", FactKind::Date, None, None);
    q.resolved = Some(d(2023, 7, 1));
    assert_eq!(period(&q), Some((d(2023, 7, 1), d(2023, 9, 30))));
    q.text = "the fourth quarter".to_string();
    q.resolved = Some(d(2023, 10, 1));
    assert_eq!(period(&q), Some((d(2023, 10, 1), d(2023, 12, 31))));
    let mut x = fact("Christmas 2019", FactKind::Date, None, None);
    x.resolved = Some(d(2019, 12, 25));
    assert_eq!(period(&x), Some((d(2019, 12, 25), d(2019, 12, 25))));
    x.text = "Easter".to_string();
    x.resolved = Some(d(2024, 3, 31));
    assert_eq!(period(&x), Some((d(2024, 3, 31), d(2024, 3, 31))));
}

#[test]
fn the_items_of_a_list_keep_their_own_names() {
    // Palin's 12 percent among one group is not Gingrich's 11 percent in
    // the whole poll, though both names are near both figures.
    let found = fact_records(&[
        report(
            "a",
            "2011-04-15",
            "Trump leads Republican poll.\n\nIn the poll, former House Speaker Newt Gingrich garnered 11 percent, while Sarah Palin earned 10 percent.",
        ),
        report(
            "b",
            "2011-04-15",
            "Trump leads Republican poll.\n\nAmong Tea Party supporters Trump finishes first, followed by Romney (17 percent), Palin (12 percent) and Gingrich (9 percent).",
        ),
    ]);
    assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
    // The two ends of a range share their words.
    let found = fact_records(&[
        report(
            "a",
            "2013-01-30",
            "Cowan named to Senate.\n\nCowan will become the second black senator from Massachusetts, after Edward Brooke, who served from 1967 to 1979.",
        ),
        report(
            "b",
            "2013-01-30",
            "Cowan named to Senate.\n\nCowan will be the first black senator from Massachusetts since Edward Brooke, who held the seat from 1966 to 1978.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Date),
            vec!["1979".into(), "1978".into()]
        )),
        "{found:?}"
    );
}

#[test]
fn ranked_ordinals_agree_but_never_conflict() {
    let found = fact_records(&[
        report(
            "a",
            "2016-11-30",
            "Pelosi re-elected.\n\nPelosi was appointed to an eighth term as House minority leader on Wednesday. It was her first vote as leader since the election.",
        ),
        report(
            "b",
            "2016-11-30",
            "Pelosi re-elected.\n\nHouse Democrats elected Pelosi to an eighth term as House leader. Ryan lost his second term bid as a challenger, the first time he ran.",
        ),
    ]);
    assert!(
        found.contains(&(
            true,
            RecordKind::Fact(FactKind::Ordinal),
            vec!["eighth term".into(), "eighth term".into()]
        )),
        "{found:?}"
    );
    // "first vote" and "first time" are not a figure anyone reports.
    assert!(
        !found
            .iter()
            .any(|(_, _, ev)| ev.iter().any(|t| t.starts_with("first"))),
        "{found:?}"
    );
    assert!(found.iter().all(|(agrees, ..)| *agrees), "{found:?}");
}

#[test]
fn a_years_nearest_words_are_what_it_dates() {
    use super::context::FactContext;
    let text = "Pelosi has led House Democrats since 2003, and that is what Ryan argued.";
    let at = text.find("2003").unwrap();
    let mut f = fact(
        "2003",
        FactKind::Year,
        Some(FactValue::Number(2003.0)),
        None,
    );
    f.span = Span::new(at, at + 4);
    let whole = Span::new(0, text.len());
    let context = FactContext::of(text, whole, whole, &f);
    // Not "since" (how it relates), nor "House" and "Democrats" (names).
    assert!(context.near.contains("led"), "{:?}", context.near);
    for w in ["sinc", "hous", "democrat", "that"] {
        assert!(!context.near.contains(w), "{w} in {:?}", context.near);
    }
}

#[test]
fn years_do_not_round() {
    // "2010" is not "2011" rounded, as "$43,000" is "$43,350".
    let found = fact_records(&[
        report(
            "a",
            "2016-11-30",
            "Pelosi re-elected.\n\nDemocrats lost the House majority in 2010, in the Tea Party wave.",
        ),
        report(
            "b",
            "2016-11-30",
            "Pelosi re-elected.\n\nDemocrats lost the House majority in 2011, in the Tea Party wave.",
        ),
    ]);
    assert!(
        found.contains(&(
            false,
            RecordKind::Difference(Difference::Date),
            vec!["2010".into(), "2011".into()]
        )),
        "{found:?}"
    );
}
