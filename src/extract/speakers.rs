//! Who said each quote.
//!
//! Tried in order, per quote:
//! 1. after the quote: `,” Putin said`, `,” said Li`, `,” he added`,
//!    `,” China’s Foreign Ministry said`;
//! 2. before it in the same sentence: `Putin said … “…”`,
//!    `the Chinese premier hailed … “…”`, `Li: “…”`;
//! 3. `according to X` in the same sentence;
//! 4. the speaker of an earlier quote in the same paragraph (a quote split
//!    by its attribution), or of the previous paragraph when this one
//!    continues it.
//!
//! Pronouns resolve to the person in focus: the subject of the latest
//! sentence that has one, or the latest speaker. Role phrases ("the Chinese
//! premier") resolve through the roles seen with names in the report. When
//! nothing supports a speaker, it stays `None`. Linear in the text.

use super::names::{is_title_noun, EntityKind, Names};
use super::Quote;
use crate::span::Span;
use crate::text::tokens::{is_stopword, normalize, tokenize, Token, TokenKind};
use crate::text::Document;

/// Verbs that attribute speech, in every inflection used in news.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    let stem = word
        .strip_suffix("ed")
        .or_else(|| word.strip_suffix("es"))
        .or_else(|| word.strip_suffix('s'))
        .or_else(|| word.strip_suffix("ing"))
        .unwrap_or(word);
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "wrote"
            | "writes"
            | "write"
            | "writing"
            | "spoke"
            | "speaks"
            | "according"
            | "put"
            | "described"
            | "describes"
            | "describing"
            | "argued"
            | "argues"
            | "noted"
            | "notes"
            | "vowed"
            | "vows"
            | "hailed"
            | "hails"
            | "declared"
            | "declares"
            | "announced"
            | "announces"
            | "continued"
            | "continues"
            | "replied"
            | "replies"
            | "denied"
            | "denies"
            | "quipped"
            | "quips"
            | "recalled"
            | "recalls"
            | "dubbed"
            | "dubs"
            | "praised"
            | "praises"
            | "urged"
            | "urges"
            | "called"
            | "calls"
            | "welcomed"
            | "welcomes"
            | "pledged"
            | "pledges"
            | "stressed"
            | "stresses"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "insisted"
            | "insists"
            | "warned"
            | "warns"
            | "claimed"
            | "claims"
            | "explained"
            | "explains"
            | "stated"
            | "states"
            | "tweeted"
            | "tweets"
            | "posted"
            | "responded"
            | "responds"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "promised"
            | "promises"
            | "predicted"
            | "predicts"
            | "suggested"
            | "suggests"
            | "emphasized"
            | "emphasizes"
            | "emphasised"
            | "emphasises"
            | "underlined"
            | "underlines"
            | "boasted"
            | "boasts"
            | "criticized"
            | "criticised"
            | "accused"
            | "accuses"
            | "confirmed"
            | "confirms"
            | "repeated"
            | "reiterated"
            | "remarked"
            | "commented"
            | "observed"
            | "complained"
            | "joked"
            | "shouted"
            | "concluded"
            | "asserted"
            | "maintained"
            | "testified"
            | "conceded"
            | "agreed"
            | "characterized"
            | "labeled"
            | "labelled"
            | "branded"
            | "lamented"
            | "mused"
            | "wondered"
            | "cautioned"
            | "countered"
            | "reported"
            | "reports"
            | "announcing"
            | "adding"
            | "noting"
            | "calling"
            | "warning"
            | "arguing"
            | "insisting"
            | "stressing"
    ) || stem.is_empty()
}

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Sets `speaker` and `speaker_span` on each quote (sorted by start).
pub(crate) fn attribute(text: &str, doc: &Document, names: &Names, quotes: &mut [Quote]) {
    let mut ctx = Context {
        text,
        names,
        quotes_spans: quotes.iter().map(|q| q.span).collect(),
        focus: None,
        promoted: Vec::new(),
    };
    let mut q = 0;
    let mut last_para_speaker: Option<Carry> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let para = doc.paragraphs[sentence.paragraph];
        let tokens = tokenize(text, sentence.span);
        // Quotes starting in this sentence (or before it, not yet placed).
        while q < quotes.len() && quotes[q].span.start < sentence.span.end {
            let quote_span = quotes[q].span;
            let mut found = ctx
                .after_quote(quote_span, para.span.end)
                .or_else(|| ctx.before_quote(&tokens, quote_span))
                .or_else(|| ctx.according_to(&tokens));
            if found.is_none() {
                // A quote split by its attribution, or a paragraph continuing
                // the previous one's quote.
                found = quotes[..q]
                    .iter()
                    .rev()
                    .take_while(|p| p.span.start >= para.span.start)
                    .find_map(|p| p.speaker.clone().zip(p.speaker_span));
                let opens_paragraph = text[para.prose_start..quote_span.start]
                    .chars()
                    .all(|c| !c.is_alphanumeric());
                if found.is_none() && opens_paragraph {
                    if let Some((prev_para, Some(prev), continues)) = &last_para_speaker {
                        if *continues && *prev_para + 1 == sentence.paragraph {
                            found = Some(prev.clone());
                        }
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
            let colon = text[para.span.start..para.span.end]
                .trim_end()
                .ends_with(':');
            last_para_speaker = Some((
                sentence.paragraph,
                quotes[q].speaker.clone().zip(quotes[q].speaker_span),
                ends_paragraph || colon,
            ));
            q += 1;
        }
        // "Senator Jane Doe said:" introduces the next paragraph's quote.
        let para_text = para.span.text(text).trim_end();
        if sentence.span.end == para.span.end && para_text.ends_with(':') {
            let end = Span::new(sentence.span.end, sentence.span.end);
            if let Some(found) = ctx.before_quote(&tokens, end) {
                last_para_speaker = Some((sentence.paragraph, Some(found), true));
            }
        }
        ctx.update_focus(si, &tokens);
    }
}

/// What a paragraph hands to the next: its index, its last speaker, and
/// whether it ends inside a quote or with a colon (so the next continues).
type Carry = (usize, Option<(String, Span)>, bool);

struct Context<'a> {
    text: &'a str,
    names: &'a Names,
    quotes_spans: Vec<Span>,
    /// The person in focus (entity index).
    focus: Option<usize>,
    /// Single-word names seen as the subject of a reporting verb.
    promoted: Vec<usize>,
}

type Found = Option<(String, Span)>;

impl Context<'_> {
    fn word(&self, t: &Token) -> String {
        normalize(t.text(self.text))
    }

    fn inside_quote(&self, t: &Token) -> bool {
        self.quotes_spans.iter().any(|q| q.contains(t.span))
    }

    /// `,” X said` / `,” said X` right after the quote.
    fn after_quote(&mut self, quote: Span, para_end: usize) -> Found {
        let tail = Span::new(quote.end, para_end);
        let tokens = tokenize(self.text, tail);
        let mut window: Vec<Token> = Vec::new();
        for t in tokens.iter().copied() {
            let w = t.text(self.text);
            if t.kind == TokenKind::Punct {
                if window.is_empty()
                    && matches!(w, "”" | "\"" | "’" | "'" | "," | "—" | "–" | "»" | "“")
                {
                    if w == "“" {
                        break;
                    }
                    continue;
                }
                if window.is_empty() {
                    break;
                }
                if matches!(w, "." | "!" | "?" | ";" | "“" | "\"" | "(" | ":") {
                    break;
                }
            }
            if self.inside_quote(&t) {
                break;
            }
            window.push(t);
            if window.len() >= 12 {
                break;
            }
        }
        let words: Vec<Token> = window
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct || t.text(self.text) == "’s")
            .collect();
        let verb = words
            .iter()
            .position(|t| is_reporting_verb(&self.word(t)))?;
        if verb > 7 {
            return None;
        }
        if verb == 0 {
            // ",” said Li, who …" — but ",” saying peace was near" continues
            // the sentence's own subject.
            let verb_word = self.word(&words[0]);
            let opener = words.get(1).map(|t| {
                (
                    self.word(t),
                    t.text(self.text).starts_with(char::is_uppercase),
                )
            });
            let subject_like = opener.is_some_and(|(w, capital)| {
                capital
                    || matches!(w.as_str(), "the" | "a" | "an" | "he" | "she")
                    || is_title_noun(&w)
            });
            if verb_word.ends_with("ing") || !subject_like {
                return None;
            }
            let np_end = words[1..]
                .iter()
                .position(|t| {
                    let w = self.word(t);
                    matches!(
                        w.as_str(),
                        "who"
                            | "which"
                            | "in"
                            | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "when"
                            | "as"
                            | "to"
                            | "that"
                            | "adding"
                    )
                })
                .map_or(words.len(), |p| p + 1);
            return self.resolve_np(&words[1..np_end.min(words.len())]);
        }
        let subject: Vec<Token> = words[..verb]
            .iter()
            .copied()
            .filter(|t| {
                !matches!(
                    self.word(t).as_str(),
                    "also" | "later" | "then" | "has" | "had" | "have" | "once" | "again"
                )
            })
            .collect();
        let found = self.resolve_np(&subject)?;
        self.promote(found.1);
        Some(found)
    }

    /// `X said … “…”` before the quote in its sentence.
    fn before_quote(&mut self, tokens: &[Token], quote: Span) -> Found {
        let before: Vec<Token> = tokens
            .iter()
            .copied()
            .filter(|t| t.span.end <= quote.start && !self.inside_quote(t))
            .collect();
        // "Li: “…”"
        if let Some(last) = before
            .iter()
            .rev()
            .find(|t| !matches!(t.text(self.text), "“" | "\"" | "‘" | "«"))
        {
            if last.text(self.text) == ":" {
                let head: Vec<Token> = before
                    .iter()
                    .copied()
                    .take_while(|t| t.span.end <= last.span.start)
                    .collect();
                if let Some(m) = head.last().and_then(|t| self.names.ending_at(t.span.end)) {
                    let entity = &self.names.entities[m.entity];
                    return Some((entity.name.clone(), m.span));
                }
            }
        }
        for (vi, verb) in before.iter().enumerate().rev() {
            let word = self.word(verb);
            if !is_reporting_verb(&word) || word == "according" {
                continue;
            }
            // Walk back over adverbs and time phrases to the subject.
            let mut end = vi;
            while end > 0 {
                let w = self.word(&before[end - 1]);
                let filler = matches!(
                    w.as_str(),
                    "also"
                        | "later"
                        | "then"
                        | "has"
                        | "had"
                        | "have"
                        | "once"
                        | "again"
                        | "previously"
                        | "repeatedly"
                        | "on"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "yesterday"
                        | "today"
                        | "earlier"
                        | "last"
                        | "week"
                        | "recently"
                        | "would"
                        | "will"
                        | "publicly"
                        | "privately"
                        | "reportedly"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "openly"
                        | "who"
                        | "it"
                        | "been"
                        | "not"
                        | "never"
                        | "often"
                        | "first"
                ) || w.ends_with("ly") && w.len() > 4;
                if !filler || w == "it" {
                    break;
                }
                end -= 1;
            }
            if end == 0 {
                continue;
            }
            let last = before[end - 1];
            if let Some(found) = self.subject_ending_with(&before[..end], last) {
                self.promote(found.1);
                return Some(found);
            }
        }
        None
    }

    /// The subject noun phrase ending at `last`: a name, a pronoun or a role.
    fn subject_ending_with(&self, tokens: &[Token], last: Token) -> Found {
        if let Some(m) = self.names.ending_at(last.span.end) {
            if !m.possessive {
                let entity = &self.names.entities[m.entity];
                return Some((entity.name.clone(), m.span));
            }
        }
        let w = self.word(&last);
        if PRONOUNS.contains(&w.as_str()) {
            return self.pronoun(last.span);
        }
        if is_title_noun(&w) || matches!(w.as_str(), "officials" | "spokesman" | "ministry") {
            // Gather the role phrase: determiner, adjectives, noun.
            let mut start = tokens.len() - 1;
            while start > 0 && tokens[start - 1].is_word() && tokens.len() - start < 5 {
                let prev = self.word(&tokens[start - 1]);
                start -= 1;
                if matches!(
                    prev.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                ) {
                    break;
                }
            }
            return self.resolve_np(&tokens[start..]);
        }
        None
    }

    fn pronoun(&self, span: Span) -> Found {
        let entity = self.focus?;
        Some((self.names.entities[entity].name.clone(), span))
    }

    /// A noun phrase as a speaker: a named mention, a pronoun, a role
    /// phrase resolved to a name, or the phrase itself ("the two officials").
    fn resolve_np(&self, tokens: &[Token]) -> Found {
        let first = tokens.first()?;
        let last = tokens.last()?;
        let span = Span::new(first.span.start, last.span.end);
        if tokens.len() == 1 && PRONOUNS.contains(&self.word(first).as_str()) {
            return self.pronoun(span);
        }
        if let Some(m) =
            self.names.mentions.iter().find(|m| {
                span.contains(m.span) || m.span.contains(span) && m.span.start == span.start
            })
        {
            let entity = &self.names.entities[m.entity];
            return Some((entity.name.clone(), m.span));
        }
        let words: Vec<String> = tokens
            .iter()
            .map(|t| self.word(t))
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                )
            })
            .collect();
        if words.is_empty()
            || words.len() > 6
            || words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "i" | "we" | "you" | "it" | "they" | "this" | "that" | "which"
                )
            })
        {
            return None;
        }
        if words.last().is_some_and(|w| is_title_noun(w)) {
            if let Some(e) = self.names.resolve_role(&words, span.start) {
                return Some((self.names.entities[e].name.clone(), span));
            }
        }
        let has_noun = words
            .iter()
            .any(|w| w.chars().all(char::is_alphabetic) && w.len() > 2 && !is_stopword(w))
            && !is_stopword(&words[0]);
        // The phrase itself, without its article: "the central bank" → "central bank".
        let head = tokens
            .iter()
            .position(|t| !matches!(self.word(t).as_str(), "the" | "a" | "an"))
            .unwrap_or(0);
        let phrase = Span::new(tokens[head].span.start, span.end);
        has_noun.then(|| (phrase.text(self.text).to_string(), phrase))
    }

    /// `according to X` anywhere in the sentence.
    fn according_to(&self, tokens: &[Token]) -> Found {
        let at = tokens
            .windows(2)
            .position(|w| self.word(&w[0]) == "according" && self.word(&w[1]) == "to")?;
        let np: Vec<Token> = tokens[at + 2..]
            .iter()
            .copied()
            .take_while(|t| t.kind != TokenKind::Punct || t.text(self.text) == "’s")
            .take(6)
            .collect();
        self.resolve_np(&np)
    }

    fn promote(&mut self, mention: Span) {
        if let Some(m) = self.names.starting_at(mention.start) {
            if !self.promoted.contains(&m.entity) {
                self.promoted.push(m.entity);
            }
        }
    }

    fn is_person(&self, entity: usize) -> bool {
        self.names.entities[entity].kind == EntityKind::Person || self.promoted.contains(&entity)
    }

    /// The first person named in the sentence outside a prepositional
    /// phrase becomes the person in focus.
    fn update_focus(&mut self, sentence: usize, tokens: &[Token]) {
        let subject = self
            .names
            .mentions
            .iter()
            .filter(|m| m.sentence == sentence && !m.after_preposition && !m.possessive)
            .filter(|m| !self.quotes_spans.iter().any(|q| q.contains(m.span)))
            .find(|m| self.is_person(m.entity));
        if let Some(m) = subject {
            self.focus = Some(m.entity);
            return;
        }
        // "He said …" keeps the focus; a new named person elsewhere in the
        // sentence takes it only when no pronoun subject opens the sentence.
        let opens_with_pronoun = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| PRONOUNS.contains(&self.word(t).as_str()));
        if !opens_with_pronoun {
            if let Some(m) = self
                .names
                .mentions
                .iter()
                .filter(|m| m.sentence == sentence && !m.possessive)
                .find(|m| self.is_person(m.entity))
            {
                self.focus = Some(m.entity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::analyze(text, 0);
        let names = Names::find(text, &doc);
        let mut qs = quotes::find(text, &doc);
        attribute(text, &doc, &names, &mut qs);
        qs.into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    #[test]
    fn attribution_patterns() {
        let cases: &[(&str, &[&str])] = &[
            ("Russian President Vladimir Putin spoke.\n“Trade grows,” Putin said at the meeting.", &["Vladimir Putin"]),
            ("Chinese Premier Li Qiang came.\n“Ties are high,” said Li, who had met others.", &["Li Qiang"]),
            ("Vladimir Putin met Li Qiang.\nHe also said they had “large-scale plans” for trade.", &["Vladimir Putin"]),
            ("Russian President Vladimir Putin on Wednesday hailed “flourishing” trade ties.", &["Vladimir Putin"]),
            ("Chinese Premier Li Qiang met Russian President Vladimir Putin.\nIn his remarks, the Chinese premier hailed efforts to “inject strong momentum” into ties.", &["Li Qiang"]),
            ("Speaking to Li, Prime Minister Mikhail Mishustin said Russia was “in a difficult situation” today.", &["Mikhail Mishustin"]),
            ("A spokesperson for China’s Foreign Ministry called on all sides not to “fuel the flame,” saying peace was near.", &["China’s Foreign Ministry"]),
            ("Chinese Defense Minister Li Shangfu on Sunday hailed ties with Russian President Vladimir Putin.\n\"We have strong ties,\" he said.", &["Li Shangfu"]),
            ("“First part,” Jane Doe said. “Second part.”", &["Jane Doe", "Jane Doe"]),
            ("Senator Jane Doe said:\n“We will not back down.”", &["Jane Doe"]),
            ("Trump: “It is a disgrace.”", &["Trump"]),
            ("“Prices rose,” according to the central bank.", &["central bank"]),
            ("The report called it a “no limits” partnership.", &[""]),
            ("“Nobody knows,” it said.", &[""]),
            ("Li said China would strengthen “all-round cooperation” and stressed ties.", &["Li"]),
            ("Vladimir Putin met with Chinese premier Li Qiang Wednesday.\n“Relations are high,” said Li.", &["Li Qiang"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = speakers(text)
                .into_iter()
                .map(|(_, s)| s.unwrap_or_default())
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn reporting_verbs() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "noted",
            "stressed",
            "vowed",
            "hailed",
            "according",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in ["met", "traveled", "is", "the"] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }
}
