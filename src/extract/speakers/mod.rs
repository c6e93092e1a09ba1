//! Who said each quote.
//!
//! Tried in order, per quote:
//! 1. after the quote: `,” Putin said`, `,” said Li`, `,” he added`,
//!    `,” China’s Foreign Ministry said`, `,” Jane Doe, the mayor, said`,
//!    `” by the United States, Clinton said`;
//! 2. before it in the same sentence: `Putin said … “…”`,
//!    `the Chinese premier hailed … “…”`, `Li: “…”`, and, when the verb's
//!    subject is set off by an appositive or a participle (`Jane Doe, who …,
//!    said “…”`, `Trump replied, telling Reuters “…”`), the sentence's
//!    subject;
//! 3. `according to X` in the same sentence;
//! 4. the speaker of an earlier quote in the same paragraph (a quote split
//!    by its attribution), or of the previous paragraph when this one
//!    continues it or is a quote on its own.
//!
//! Pronouns resolve to the person in focus: the subject of the latest
//! sentence that has one, or the latest speaker. Role phrases ("the Chinese
//! premier") resolve through the roles seen with names in the report. When
//! nothing supports a speaker, it stays `None`. Linear in the text.

use super::names::{EntityKind, Mention, Names};
use super::{Quote, QuoteKind};
use crate::lexicon::abbreviations::is_title_abbreviation;
use crate::lexicon::is_possessive_determiner;
use crate::lexicon::names::is_title_noun;
use crate::lexicon::speech::{is_noun_form, is_participle, is_reporting_verb, PRONOUNS};
use crate::span::Span;
use crate::text::tokens::{is_stopword, Token, TokenKind};
use crate::text::Document;

/// Sets `speaker` and `speaker_span` on each quote (sorted by start).
pub(crate) fn attribute(text: &str, doc: &Document, names: &Names, quotes: &mut [Quote]) {
    let mut ctx = Context {
        text,
        doc,
        names,
        quotes_spans: quotes.iter().map(|q| q.span).collect(),
        titles: quotes.iter().map(|q| q.kind == QuoteKind::Title).collect(),
        focus: None,
        focus_paragraph: None,
        focus_sentence: 0,
        described_focus: None,
        focus_span: None,
        focus_opens: false,
        focus_single: false,
        main_person: std::cell::OnceCell::new(),
        sentence: 0,
        title_case: false,
        sentence_start: 0,
        promoted: vec![false; names.entities.len()],
    };
    let mut q = 0;
    let mut carry: Option<Carry> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let para = doc.paragraphs[sentence.paragraph];
        let tokens = doc.tokens_of(si);
        ctx.title_case = super::names::is_title_case(text, tokens);
        // Quotes starting in this sentence (or before it, not yet placed).
        while q < quotes.len() && quotes[q].span.start < sentence.span.end {
            let quote_span = quotes[q].span;
            ctx.sentence = si;
            ctx.sentence_start = sentence.span.start;
            // Transcripts: "PENCE: Gennifer Flowers will not be attending".
            if let Some(turn) = ctx.transcript_speaker(quote_span) {
                // A turn running over several paragraphs stays the speaker's.
                let runs_on = text[quote_span.end..para.span.end].trim().is_empty();
                carry = Some(Carry {
                    paragraph: sentence.paragraph,
                    speaker: turn.clone(),
                    continues: runs_on,
                });
                if let Some((name, span)) = turn {
                    quotes[q].speaker = Some(name);
                    quotes[q].speaker_span = Some(span);
                }
                q += 1;
                continue;
            }
            // A few words quoted in narrative are attributed by the verb
            // before them; a whole remark mostly by what follows it.
            // "according to X" near the quote, not anywhere in a sentence
            // that may hold thousands of quotes.
            let near = {
                let at = tokens.partition_point(|t| t.span.end <= quote_span.start);
                let to = tokens.partition_point(|t| t.span.start < quote_span.end);
                &tokens[at.saturating_sub(80)..(to + 60).min(tokens.len())]
            };
            let mut found = if matches!(quotes[q].kind, QuoteKind::Partial | QuoteKind::Title) {
                // Words woven into "According to the indictment, Stone told
                // “…”" are the source's; "the premier hailed “…”, according
                // to state media" the premier's.
                let opens_according = tokens
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| ctx.word(t) == "according");
                opens_according
                    .then(|| ctx.according_to(near))
                    .flatten()
                    .or_else(|| ctx.before_quote(tokens, quote_span))
                    .or_else(|| ctx.according_to(near))
                    .or_else(|| ctx.after_quote(quote_span, para.span.end))
            } else {
                ctx.after_quote(quote_span, para.span.end)
                    .or_else(|| ctx.before_quote(tokens, quote_span))
            }
            .or_else(|| ctx.according_to(near));
            if found.is_none() && matches!(quotes[q].kind, QuoteKind::Partial | QuoteKind::Title) {
                // A few words quoted in narrative belong to the sentence's
                // subject: "Trump accused Cruz of being “very queasy”".
                found = ctx.sentence_subject(tokens, quote_span.start).or_else(|| {
                    // "Bemoaning the “phony system,” Trump accused Holt …"
                    let opens_with_participle = tokens
                        .iter()
                        .find(|t| t.is_word())
                        .is_some_and(|t| ctx.word(t).ends_with("ing"));
                    opens_with_participle
                        .then(|| {
                            ctx.sentence_subject_from(tokens, quote_span.end, sentence.span.end)
                        })
                        .flatten()
                });
            }
            if found.is_none() {
                // A quote split by its attribution.
                found = quotes[..q]
                    .iter()
                    .rev()
                    .take(8)
                    .take_while(|p| p.span.start >= para.span.start)
                    .find_map(|p| p.speaker.clone().zip(p.speaker_span));
            }
            let opens_paragraph = text[para.prose_start..quote_span.start]
                .chars()
                .all(|c| !c.is_alphanumeric());
            let closes_paragraph = text[quote_span.end..para.span.end]
                .chars()
                .all(|c| !c.is_alphanumeric());
            if found.is_none() && opens_paragraph {
                // A paragraph continuing the previous one's quote, or a
                // paragraph that is a quote on its own after an attributed one.
                if let Some(Carry {
                    paragraph,
                    speaker: Some(prev),
                    continues,
                }) = &carry
                {
                    let adjacent = *paragraph + 1 == sentence.paragraph;
                    if adjacent && (*continues || closes_paragraph) {
                        found = Some(prev.clone());
                    }
                }
            }
            let opens_sentence = text[sentence.span.start..quote_span.start]
                .chars()
                .all(|c| !c.is_alphanumeric());
            if found.is_none() && quotes[q].kind == QuoteKind::Full && !opens_sentence {
                // A remark as the object of its sentence: "In a speech,
                // Trump attacked “…”".
                found = ctx
                    .clause_subject(tokens, quote_span.start)
                    .filter(|(_, span)| {
                        names.starting_at(span.start).map_or_else(
                            || PRONOUNS.contains(&span.text(text).to_lowercase().as_str()),
                            |m| ctx.is_person(m.entity),
                        )
                    });
            }
            if found.is_none() && quotes[q].kind == QuoteKind::Full && opens_sentence {
                // A remark standing alone right after a sentence about its
                // speaker: in the same paragraph, or opening the next one
                // after a paragraph without quotes.
                let quoted_before = carry
                    .as_ref()
                    .is_some_and(|c| c.paragraph + 1 >= sentence.paragraph);
                if let (Some(entity), Some(p), Some(mention)) =
                    (ctx.focus, ctx.focus_paragraph, ctx.focus_span)
                {
                    let next_paragraph = p + 1 == sentence.paragraph
                        && opens_paragraph
                        && !quoted_before
                        && (ctx.focus_opens || ctx.focus_single);
                    if (p == sentence.paragraph || next_paragraph) && ctx.focus_sentence + 1 == si {
                        let name = names.entities[entity].name.clone();
                        found = Some((name, mention));
                    }
                }
            }
            if let Some((name, span)) = found {
                quotes[q].speaker = Some(name);
                quotes[q].speaker_span = Some(span);
            }
            let ends_paragraph = text[quotes[q].span.end..para.span.end]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty();
            let colon = para.span.text(text).trim_end().ends_with(':');
            carry = Some(Carry {
                paragraph: sentence.paragraph,
                speaker: quotes[q].speaker.clone().zip(quotes[q].speaker_span),
                continues: ends_paragraph || colon,
            });
            q += 1;
        }
        // "Senator Jane Doe said:" introduces the next paragraph's quote.
        let para_text = para.span.text(text).trim_end();
        if sentence.span.end == para.span.end && para_text.ends_with(':') {
            let end = Span::new(sentence.span.end, sentence.span.end);
            let found = ctx
                .before_quote(tokens, end)
                .or_else(|| ctx.sentence_subject(tokens, end.start));
            if let Some(found) = found {
                carry = Some(Carry {
                    paragraph: sentence.paragraph,
                    speaker: Some(found),
                    continues: true,
                });
            }
        }
        if ctx.update_focus(si, tokens) {
            ctx.focus_paragraph = Some(sentence.paragraph);
            ctx.focus_sentence = si;
        }
    }
    signed_quotes(text, doc, names, quotes);
    continued_quotes(text, doc, quotes);
    for quote in quotes.iter_mut() {
        quote.speaker_confidence = confidence::confidence(text, doc, quote);
    }
}

/// A quote running on into the next paragraph (its paragraph ends with no
/// closing mark) is said by whoever the next paragraph's part is
/// attributed to: "“Brett McGurk … in 2015. / Was supposed to leave …,”
/// Trump tweeted."
fn continued_quotes(text: &str, doc: &Document, quotes: &mut [Quote]) {
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if quotes[i].speaker.is_some() || quotes[i + 1].speaker.is_none() {
            continue;
        }
        let (this, next) = (quotes[i].span, quotes[i + 1].span);
        // A transcript's next turn ("WALLACE: …") is someone else's.
        if quotes[i + 1].speaker_span.is_some_and(|s| next.contains(s)) {
            continue;
        }
        let p = doc.sentences[doc.sentence_at(this.start)].paragraph;
        let q = doc.sentences[doc.sentence_at(next.start)].paragraph;
        let Some(para) = doc.paragraphs.get(p) else {
            continue;
        };
        let runs_on = text[this.end..para.span.end].trim().is_empty();
        let next_opens = doc.paragraphs.get(q).is_some_and(|n| {
            text[n.prose_start.min(next.start)..next.start]
                .chars()
                .all(|c| !c.is_alphanumeric())
        });
        if q == p + 1 && runs_on && next_opens {
            quotes[i].speaker = quotes[i + 1].speaker.clone();
            quotes[i].speaker_span = quotes[i + 1].speaker_span;
        }
    }
}

/// A quote closing its paragraph, signed on the next line:
/// "“…”" then "- Bernie Sanders." or "— Jane Doe, economist".
fn signed_quotes(text: &str, doc: &Document, names: &Names, quotes: &mut [Quote]) {
    for quote in quotes.iter_mut().filter(|q| q.speaker.is_none()) {
        // Paragraphs are in text order.
        let p = doc
            .paragraphs
            .partition_point(|p| p.span.end < quote.span.end);
        if !doc
            .paragraphs
            .get(p)
            .is_some_and(|p| p.span.contains(quote.span))
        {
            continue;
        }
        let para = doc.paragraphs[p].span;
        // "“…” ― Adriana Rodarte" closing the quote's own paragraph: a
        // dash right after a closing mark, in the paragraph's last few
        // words (looked for there only, so a long paragraph costs nothing).
        let tail = para.text(text).trim_end();
        let mut near_end = tail.len().saturating_sub(160);
        while !tail.is_char_boundary(near_end) {
            near_end += 1;
        }
        if let Some(dash) = tail[near_end..]
            .rfind(['—', '―', '–'])
            .map(|d| near_end + d)
        {
            let after = &tail[dash..];
            let signature = after.trim_start_matches(['—', '―', '–', ' ']);
            let start = para.start + dash + (after.len() - signature.len());
            let closed_before =
                para.start + dash > quote.span.end && tail[..dash].trim_end().ends_with(['”', '"']);
            if closed_before && signature.split_whitespace().count() <= 5 {
                if let Some(m) = names
                    .starting_at(start)
                    .filter(|m| m.span.end == para.start + tail.len())
                {
                    quote.speaker = Some(names.entities[m.entity].name.clone());
                    quote.speaker_span = Some(m.span);
                    continue;
                }
            }
        }
        let closes = text[quote.span.end..para.end]
            .chars()
            .all(|c| !c.is_alphanumeric());
        let Some(next) = doc.paragraphs.get(p + 1) else {
            continue;
        };
        let line = next.span.text(text);
        let signature = line.trim_start_matches(['-', '—', '–', '―', ' ']);
        if !closes || signature.len() == line.len() || signature.split_whitespace().count() > 8 {
            continue;
        }
        let start = next.span.start + (line.len() - signature.len());
        if let Some(m) = names.starting_at(start) {
            quote.speaker = Some(names.entities[m.entity].name.clone());
            quote.speaker_span = Some(m.span);
        }
    }
}

/// What a paragraph hands to the next.
struct Carry {
    paragraph: usize,
    /// Its last quote's speaker.
    speaker: Option<(String, Span)>,
    /// It ends inside a quote or with a colon, so the next continues it.
    continues: bool,
}

/// The word ending `before` starts with a capital ("Viguerie notes").
fn prev_raw_capitalised(before: &str) -> bool {
    before.ends_with(|c: char| c.is_alphanumeric())
        && before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

struct Context<'a> {
    text: &'a str,
    doc: &'a Document<'a>,
    names: &'a Names,
    quotes_spans: Vec<Span>,
    /// Which of them are titles of works ("Meet the Press"), which
    /// attribute nothing.
    titles: Vec<bool>,
    /// The person in focus (entity index).
    focus: Option<usize>,
    /// The paragraph and sentence where the focus was last named.
    focus_paragraph: Option<usize>,
    focus_sentence: usize,
    /// The described source a sentence was last about ("A spokesperson
    /// for Grassley fired back"), for "the spokesperson said".
    described_focus: Option<(String, Span)>,
    /// The mention that set the focus.
    focus_span: Option<Span>,
    /// The focus was set by the subject opening its clause, not by a name
    /// further on ("saying he had never met McGurk").
    focus_opens: bool,
    /// The focus sentence named no other person.
    focus_single: bool,
    /// The report's most named person, for interview answers.
    main_person: std::cell::OnceCell<Option<usize>>,
    /// The sentence being attributed.
    sentence: usize,
    /// It is written in Title Case, as headlines are.
    title_case: bool,
    /// Where the sentence being attributed starts.
    sentence_start: usize,
    /// Single-word names seen as the subject of a reporting verb.
    promoted: Vec<bool>,
}

type Found = Option<(String, Span)>;

impl<'a> Context<'a> {
    /// A token's normalised form, as the layout keeps it.
    fn word(&self, t: &Token) -> &'a str {
        self.doc.form(t)
    }

    /// The text after `from` that an attribution may occupy: at most a few
    /// hundred bytes, ending on a char boundary.
    fn ahead(&self, from: usize, para_end: usize) -> Span {
        let mut end = para_end.min(from + 600);
        while end > from && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        Span::new(from, end)
    }

    /// A reporting verb, not a word of a name ("United States").
    fn is_verb(&self, t: &Token) -> bool {
        let raw = t.text(self.text);
        // Capitalised mid-sentence words are names ("State"), bar a
        // headline-style "Tweeted".
        let case_ok = raw.starts_with(char::is_lowercase) || raw.ends_with("ed") || self.title_case;
        // "the following comment": after a determiner it is a noun.
        let before = self.text[..t.span.start].trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let after_determiner = (is_possessive_determiner(&prev)
            || matches!(
                prev.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "following"
                    | "same"
                    | "whose"
                    | "no"
                    | "any"
                    | "every"
            ))
            && before.ends_with(|c: char| c.is_alphanumeric());
        let word = self.word(t);
        // A noun-like form is a verb only after its subject: "Viguerie
        // notes", "he points out".
        let noun_ok = !is_noun_form(word)
            || prev_raw_capitalised(before) && !self.modified_name_before(t)
            || matches!(prev.as_str(), "he" | "she" | "they" | "it" | "who" | "also");
        t.is_word()
            && case_ok
            && !after_determiner
            && noun_ok
            && is_reporting_verb(word)
            && self.names.covering(t.span).is_none()
    }

    /// "his first Twitter post", "the Fox News report": the capitalised
    /// words before `t` follow a determiner, so `t` is their noun.
    fn modified_name_before(&self, t: &Token) -> bool {
        let before = self
            .doc
            .tokens_in(Span::new(t.span.start.saturating_sub(120), t.span.start));
        let Some(last) = before.last() else {
            return false;
        };
        let start = self
            .names
            .covering(last.span)
            .map_or(last.span.start, |m| m.span.start);
        // Over a quoted name too: "his first “Crooked Hillary” Twitter post".
        let prev = before
            .iter()
            .rev()
            .filter(|p| p.span.end <= start)
            .find(|p| p.is_word() && !self.inside_quote(p));
        prev.is_some_and(|p| {
            let w = self.word(p);
            is_possessive_determiner(w)
                || matches!(
                    w,
                    "the" | "a" | "an" | "first" | "new" | "latest" | "last" | "this" | "that"
                )
        })
    }

    fn inside_quote(&self, t: &Token) -> bool {
        self.in_quote(t.span)
    }

    /// Is `span` inside one of the report's quotes? (Quotes are sorted
    /// and do not overlap.)
    fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes_spans.partition_point(|q| q.start <= span.start);
        self.quotes_spans[..i]
            .last()
            .is_some_and(|q| q.contains(span))
    }

    fn promote(&mut self, mention: Span) {
        if let Some(m) = self.names.starting_at(mention.start) {
            self.promoted[m.entity] = true;
        }
    }

    fn is_person(&self, entity: usize) -> bool {
        self.names.entities[entity].kind == EntityKind::Person || self.promoted[entity]
    }

    /// Returns whether the sentence is about the person in focus: its main
    /// clause names a subject, or opens with a pronoun for the one already
    /// in focus. Names inside quotes never take the focus.
    fn update_focus(&mut self, sentence: usize, tokens: &[Token]) -> bool {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return false;
        };
        let here: Vec<Mention> = self
            .names
            .between(first.span.start, last.span.end)
            .iter()
            .filter(|m| m.sentence == sentence && !self.in_quote(m.span))
            .copied()
            .collect();
        let opener = self.clause_opener(tokens);
        if let Some(found) = opener.and_then(|o| self.described_opener(tokens, o)) {
            self.described_focus = Some(found);
        }
        if let Some(opener) = opener {
            // "He said Grassley would …" keeps the focus.
            if matches!(self.word(&opener), "he" | "she") {
                return self.focus.is_some();
            }
            // "Grimm's lawyer, William McGinley, said …": the agent speaks.
            if let Some(agent) = self.agent_opener(opener) {
                match agent {
                    Some(m) => {
                        self.focus = Some(m.entity);
                        self.focus_span = Some(m.span);
                        self.focus_opens = true;
                        return true;
                    }
                    None => {
                        self.focus_opens = false;
                        self.focus_single = false;
                        return false;
                    }
                }
            }
            // "Braley apologized …", "Mr. Mattis's letter said …".
            if let Some(m) = here.iter().find(|m| m.span.start == opener.span.start) {
                if self.is_person(m.entity) {
                    self.focus = Some(m.entity);
                    self.focus_span = Some(m.span);
                    self.focus_opens = true;
                    return true;
                }
            }
            // "The president downplayed the news …": a role opening the
            // clause, given to someone in the report.
            if let Some(e) = self.role_opener(tokens, opener) {
                self.focus = Some(e);
                self.focus_span = Some(opener.span);
                self.focus_opens = true;
                return true;
            }
        }
        self.focus_opens = false;
        // Only one person named: the sentence is about them.
        self.focus_single = here
            .iter()
            .filter(|m| !m.possessive && self.is_person(m.entity))
            .map(|m| m.entity)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            == 1;
        let subject = here
            .iter()
            .filter(|m| !m.after_preposition && !m.possessive)
            .find(|m| self.is_person(m.entity));
        if let Some(m) = subject {
            self.focus = Some(m.entity);
            self.focus_span = Some(m.span);
            return true;
        }
        if let Some(m) = here
            .iter()
            .filter(|m| !m.possessive)
            .find(|m| self.is_person(m.entity))
        {
            self.focus = Some(m.entity);
            self.focus_span = Some(m.span);
        }
        false
    }
}

mod after;
mod before;
mod clause;
mod confidence;
mod describe;
#[cfg(test)]
mod tests;
