use super::*;
use crate::{compare, Report};

fn quote(text: &str, quoted: &str, speaker: &str, mention: &str) -> Quote {
    let start = text.find(quoted).unwrap();
    let m = text.rfind(mention).unwrap();
    Quote {
        span: Span::new(start, start + quoted.len()),
        text: quoted.to_string(),
        speaker: Some(speaker.to_string()),
        speaker_span: Some(Span::new(m, m + mention.len())),
        speaker_confidence: 0.95,
        kind: QuoteKind::Full,
        sentence: 0,
    }
}

#[test]
fn confidence_needs_a_name_tied_to_one_person() {
    let text = "Donald Trump spoke. “We won,” Trump said.";
    assert!(confident_speaker(
        text,
        &quote(text, "We won,", "Donald Trump", "Trump said"),
        &mut BTreeMap::new()
    ));
    let text = "Donald Trump spoke, and his son Eric Trump too. “We won,” Trump said.";
    assert!(!confident_speaker(
        text,
        &quote(text, "We won,", "Eric Trump", "Trump said"),
        &mut BTreeMap::new()
    ));
    let text = "Donald Trump spoke. “We won,” he said.";
    assert!(!confident_speaker(
        text,
        &quote(text, "We won,", "Donald Trump", "he said"),
        &mut BTreeMap::new()
    ));
    let text = "Trump spoke. “We won,” Trump said.";
    assert!(!confident_speaker(
        text,
        &quote(text, "We won,", "Trump", "Trump said"),
        &mut BTreeMap::new()
    ));
    let text = "“We won,” said Senator Jane Doe.";
    assert!(confident_speaker(
        text,
        &quote(text, "We won,", "Jane Doe", "Jane Doe"),
        &mut BTreeMap::new()
    ));
}

/// A plain first paragraph, so that what follows is read as body text.
const LEAD: &str = "Mayor Jane Doe opened the new Harbour Bridge in Springfield on Monday, after a decade of delays.\n\n";

fn claims(reports: &[Report]) -> crate::Event {
    let c = compare(reports);
    assert_eq!(c.events.len(), 1, "{c:#?}");
    c.events.into_iter().next().unwrap()
}

#[test]
fn a_remark_quoted_by_five_outlets_is_one_claim() {
    let versions = [
        "“This bridge unites our city and its people at last,” Doe said.",
        "“This bridge unites our city and its people at last,” Doe said.",
        "“This bridge unites our city and its people at last,” Doe said.",
        "“This bridge unites our town and its people at last,” Doe said.",
        "Doe said the bridge “unites our city”.",
    ];
    let reports: Vec<Report> = versions
        .iter()
        .enumerate()
        .map(|(k, v)| Report::new(format!("r{k}"), format!("{LEAD}{v}")))
        .collect();
    let event = claims(&reports);
    let quotes: Vec<&Record> = event
        .agreements
        .iter()
        .filter(|r| r.claim == Claim::Quote)
        .collect();
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].evidence.len(), 5);
    let of_it: Vec<&Record> = event
        .discrepancies
        .iter()
        .filter(|d| d.of.as_deref() == Some(quotes[0].id.as_str()))
        .collect();
    // One wording variant ("town"); the fragment is not a truncation.
    assert_eq!(of_it.len(), 1, "{of_it:#?}");
    assert_eq!(of_it[0].kind, RecordKind::Difference(Difference::Wording));
    assert_eq!(of_it[0].reports(), ["r0", "r1", "r2", "r3"]);
    assert!(of_it[0]
        .diff
        .as_ref()
        .unwrap()
        .to_string()
        .contains("[-city-]{+town+}"));
}

#[test]
fn a_clause_left_out_is_one_truncation() {
    let reports = [
        Report::new("a", format!("{LEAD}“This bridge unites our city and will carry forty thousand cars every day,” Doe said.")),
        Report::new("b", format!("{LEAD}“This bridge unites our city,” Doe said.")),
    ];
    let event = claims(&reports);
    let kinds: Vec<RecordKind> = event.discrepancies.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [RecordKind::Difference(Difference::Truncation)],
        "{:#?}",
        event.discrepancies
    );
    assert!(event.discrepancies[0]
        .note
        .as_deref()
        .unwrap()
        .contains("forty thousand cars"));
}

#[test]
fn a_whole_sentence_left_off_the_end_is_no_truncation() {
    let reports = [
        Report::new("a", format!("{LEAD}“This bridge unites our city. It cost less than the old ferry did in ten years,” Doe said.")),
        Report::new("b", format!("{LEAD}“This bridge unites our city,” Doe said.")),
    ];
    let event = claims(&reports);
    assert!(event.discrepancies.is_empty(), "{:#?}", event.discrepancies);
    assert_eq!(
        event
            .agreements
            .iter()
            .filter(|r| r.claim == Claim::Quote)
            .count(),
        1
    );
}
