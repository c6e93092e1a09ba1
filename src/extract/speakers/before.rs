//! The attribution before a quote or elsewhere in its sentence: the
//! subject of a reporting verb, `according to X`, a transcript's `NAME:`,
//! a pronoun or a role phrase.

use super::*;
use crate::lexicon::is_possessive_determiner;

impl Context<'_> {
    /// The subject right before a verb: skip adverbs and time words, then
    /// a name, a pronoun or a role phrase ending there.
    pub(super) fn subject_before(&self, before: &[Token]) -> Found {
        let mut end = before.len();
        // "asked the crowd to welcome": an infinitive is not the attribution,
        // but "went on to say" is.
        if end > 0 && self.word(&before[end - 1]) == "to" {
            let lead: Vec<&str> = before[..end - 1]
                .iter()
                .rev()
                .take(2)
                .map(|t| self.word(t))
                .collect();
            let continues = matches!(
                lead.first().copied(),
                Some("continued" | "continues" | "went" | "goes" | "go" | "going")
            ) || lead.first().is_some_and(|&w| w == "on")
                && matches!(lead.get(1).copied(), Some("went" | "goes" | "go" | "going"));
            if !continues {
                return None;
            }
            end -= 1;
            if self.word(&before[end - 1]) == "on" {
                end -= 1;
            }
            end -= 1;
        }
        // "Sen. Elizabeth Warren (D-MA) said": skip the parenthesis.
        if end > 0 && before[end - 1].text(self.text) == ")" {
            if let Some(open) = before[..end].iter().rposition(|t| t.text(self.text) == "(") {
                end = open;
            }
        }
        while end > 0 {
            let w = self.word(&before[end - 1]);
            let filler = matches!(
                w,
                "also"
                    | "now"
                    | "still"
                    | "just"
                    | "already"
                    | "even"
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
                    | "been"
                    | "not"
                    | "never"
                    | "often"
                    | "first"
                    | "may"
                    | "might"
                    | "could"
                    | "did"
                    | "does"
                    | "do"
                    | "went"
                    | "go"
                    | "goes"
            ) || crate::text::tokens::is_weekday(w)
                || w.ends_with("ly") && w.len() > 4 && !is_ly_noun(w);
            if !filler {
                break;
            }
            end -= 1;
        }
        let last = *before.get(end.checked_sub(1)?)?;
        if last.text(self.text) == "," && end >= 2 {
            // "Apple's chief executive, Tim Cook, called": a name set off by
            // commas right before the verb — not "…, an adviser to Romney, said".
            let m = self.names.ending_at(before[end - 2].span.end)?;
            let set_off = before[..end - 2]
                .iter()
                .rev()
                .find(|t| t.span.end <= m.span.start)
                .is_some_and(|t| t.text(self.text) == ",");
            return (set_off && !m.after_preposition && !m.possessive && self.is_person(m.entity))
                .then(|| (self.names.entities[m.entity].name.clone(), m.span));
        }
        self.subject_ending_with(&before[..end], last)
    }

    /// `X said … “…”` before the quote in its sentence.
    pub(super) fn before_quote(&mut self, tokens: &[Token], quote: Span) -> Found {
        // The attribution sits within a few dozen words of the quote; a
        // bounded look keeps a sentence of thousands of quotes linear.
        let at = tokens.partition_point(|t| t.span.end <= quote.start);
        let before: Vec<Token> = tokens[at.saturating_sub(80)..at]
            .iter()
            .copied()
            .filter(|t| !self.inside_quote(t))
            .collect();
        // "Li: “…”", and "Graham: Trump’s ‘hateful rhetoric’" (headline style);
        // with a verb before the colon ("Priebus told Fox News: “…”") the
        // verb's subject speaks.
        if let Some(colon) = before.iter().position(|t| t.text(self.text) == ":") {
            let head = &before[..colon];
            let has_verb = head.iter().any(|t| self.is_verb(t));
            // "UPDATE: … The Post now reports that …": the verb after the
            // colon attributes the quote.
            let verb_after = before[colon + 1..].iter().any(|t| self.is_verb(t));
            if let Some(m) = head.last().and_then(|t| self.names.ending_at(t.span.end)) {
                let opens = head.first().is_some_and(|t| t.span.start == m.span.start);
                if opens && !verb_after || colon + 2 >= before.len() && !has_verb {
                    let entity = &self.names.entities[m.entity];
                    return Some((entity.name.clone(), m.span));
                }
            }
            // "Kasich resisted: “…”": the sentence's subject.
            if colon + 2 >= before.len() && !has_verb {
                if let Some(found) = self.sentence_subject(tokens, before[colon].span.start) {
                    return Some(found);
                }
            }
        }
        let verbs: Vec<usize> = before
            .iter()
            .enumerate()
            .filter(|(_, t)| self.is_verb(t) && self.word(t) != "according")
            .map(|(i, _)| i)
            .collect();
        // A verb before an earlier quote of the sentence attributes that
        // one; a new subject after it takes over ("… called “distasteful,”
        // Santilli expressed a desire to “…”").
        // The spans are sorted and apart, so the nearest earlier quote is
        // among the last few that start before this one.
        let earlier = self.quotes_spans.partition_point(|q| q.start < quote.start);
        let segment_start = self.quotes_spans[..earlier]
            .iter()
            .zip(&self.titles)
            .rev()
            .take(8)
            .filter(|(_, &title)| !title)
            .map(|(q, _)| q)
            .filter(|q| q.end <= quote.start && q.end > tokens.first().map_or(0, |t| t.span.start))
            .map(|q| q.end)
            .max();
        for &vi in verbs.iter().rev() {
            // "issued a statement calling the test “…”": a participle's
            // subject is the sentence's, not the noun before it.
            // "footage of Trump saying “…”": the participle's own subject.
            if is_participle(self.word(&before[vi])) && vi > 0 && !self.title_case {
                if let Some(m) = self.names.ending_at(before[vi - 1].span.end) {
                    if self.is_person(m.entity) && !m.possessive {
                        return Some((self.names.entities[m.entity].name.clone(), m.span));
                    }
                }
            }
            // "Gary Johnson's doctor is calling …": a progressive is finite.
            let progressive = vi > 0
                && matches!(
                    self.word(&before[vi - 1]),
                    "is" | "are" | "was" | "were" | "been"
                );
            if is_participle(self.word(&before[vi])) && !progressive {
                // "Spicer said, adding, “…”": the earlier verb's subject.
                let earlier = verbs
                    .iter()
                    .rev()
                    .filter(|&&e| e < vi && !is_participle(self.word(&before[e])))
                    .find_map(|&e| self.subject_before(&before[..e]));
                // "After saying her foot was “so swollen,” she was …": a
                // participle opening the sentence has the main clause's
                // subject.
                let opening = || {
                    let end = tokens.last()?.span.end;
                    let opener = self.clause_opener(tokens)?;
                    (opener.span.start > before[vi].span.start)
                        .then(|| self.clause_subject(tokens, end))
                        .flatten()
                };
                if let Some(found) = earlier
                    .or_else(|| self.sentence_subject(tokens, before[vi].span.start))
                    .or_else(opening)
                {
                    return Some(found);
                }
                continue;
            }
            // "…, she said, but as Trump went on about “…”": a later
            // clause with its own subject holds the quote.
            if let Some(at) = self.clause_break(before[vi].span.end, quote.start) {
                let subject = self.sentence_subject_from(tokens, at, quote.start);
                if subject.is_some() {
                    return subject;
                }
                continue;
            }
            if let Some(start) = segment_start {
                if before[vi].span.start < start {
                    let subject = self.sentence_subject_from(tokens, start, quote.start);
                    if subject.is_some() {
                        return subject;
                    }
                }
            }
            if let Some(found) = self.subject_before(&before[..vi]) {
                self.promote(found.1);
                return Some(found);
            }
            // "Tom Reyes leaned in and said, “…”": a second verb of the
            // clause shares its subject.
            let coordinated = vi > 0 && self.word(&before[vi - 1]) == "and";
            if coordinated {
                if let Some(found) = self.clause_subject(tokens, before[vi].span.start) {
                    return Some(found);
                }
            }
        }
        // The verb's subject is set off ("Jane Doe, who …, said") or the
        // verb is a participle ("…, telling Reuters"): the sentence's subject.
        let last_verb = *verbs.last()?;
        let subject = self.sentence_subject(tokens, before[last_verb].span.start);
        if subject.is_some() {
            return subject;
        }
        // "He …, telling Reuters “…”".
        let first = before.iter().find(|t| t.is_word())?;
        if PRONOUNS.contains(&self.word(first)) {
            return self.pronoun(first.span);
        }
        None
    }

    /// A quote opening with an upper-case name and a colon, as transcripts
    /// do: the name, linked to the report's full name when there is one.
    pub(super) fn transcript_speaker(&self, quote: Span) -> Option<Found> {
        let inner = quote.text(self.text);
        let colon = inner.find(':')?;
        let name = &inner[..colon];
        // An interview: "A:" is the one interviewed — the report's main
        // person — and "Q:" the unnamed interviewer.
        match name.trim() {
            "Q" => return Some(None),
            "A" => {
                let span = Span::new(quote.start, quote.start + colon);
                return Some(
                    self.main_person()
                        .map(|e| (self.names.entities[e].name.clone(), span)),
                );
            }
            _ => {}
        }
        let upper = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-');
        if !upper || name.split_whitespace().count() > 3 {
            return None;
        }
        let span = Span::new(quote.start, quote.start + colon);
        let lower = name.to_lowercase();
        let linked = self.names.entities.iter().find(|e| {
            e.kind == EntityKind::Person && e.name.to_lowercase().split(' ').any(|w| w == lower)
        });
        Some(Some((
            linked.map_or_else(|| name.to_string(), |e| e.name.clone()),
            span,
        )))
    }

    /// The person the report names most often (ties: the first named),
    /// counted once per report.
    pub(super) fn main_person(&self) -> Option<usize> {
        *self.main_person.get_or_init(|| {
            let mut count = vec![0usize; self.names.entities.len()];
            for m in &self.names.mentions {
                count[m.entity] += 1;
            }
            (0..count.len())
                .filter(|&e| self.names.entities[e].kind == EntityKind::Person)
                .max_by_key(|&e| (count[e], std::cmp::Reverse(e)))
        })
    }

    /// The first person or organisation named in the sentence before
    /// `limit`, outside prepositional phrases and possessives.
    pub(super) fn sentence_subject(&self, tokens: &[Token], limit: usize) -> Found {
        self.clause_subject(tokens, limit)
            .or_else(|| self.sentence_subject_from(tokens, tokens.first()?.span.start, limit))
    }

    /// [`Self::sentence_subject`] between byte offsets `from` and `limit`.
    pub(super) fn sentence_subject_from(
        &self,
        tokens: &[Token],
        from: usize,
        limit: usize,
    ) -> Found {
        let sentence_start = from.max(tokens.first()?.span.start);
        self.names
            .between(sentence_start, limit)
            .iter()
            .filter(|m| m.span.end <= limit)
            .filter(|m| !m.after_preposition && !m.possessive && !self.in_quote(m.span))
            .find(|m| {
                // A lone capitalised word counts when it opens the sentence:
                // "Trump has used the phrase …".
                let opens = tokens
                    .iter()
                    .find(|t| t.is_word())
                    .is_some_and(|t| t.span.start == m.span.start);
                self.is_person(m.entity)
                    || self.names.entities[m.entity].kind == EntityKind::Org
                    || opens
            })
            .map(|m| (self.names.entities[m.entity].name.clone(), m.span))
    }

    /// The subject noun phrase ending at `last`: a name, a pronoun or a role.
    pub(super) fn subject_ending_with(&self, tokens: &[Token], last: Token) -> Found {
        if let Some(found) = self.described(tokens) {
            return Some(found);
        }
        if let Some(m) = self.names.ending_at(last.span.end) {
            if !m.possessive {
                let entity = &self.names.entities[m.entity];
                return Some((entity.name.clone(), m.span));
            }
        }
        let w = self.word(&last);
        if PRONOUNS.contains(&w) {
            return self.pronoun(last.span);
        }
        // "Protesters chanted": a bare plural of people.
        if matches!(
            w,
            "protesters"
                | "demonstrators"
                | "aides"
                | "officials"
                | "prosecutors"
                | "lawmakers"
                | "critics"
                | "analysts"
                | "experts"
                | "residents"
                | "witnesses"
                | "sources"
                | "investigators"
                | "police"
                | "supporters"
                | "activists"
        ) && (tokens.len() < 2 || !tokens[tokens.len() - 2].is_word())
        {
            let raw = last.text(self.text);
            return Some((raw.to_string(), last.span));
        }
        // "President Trump, who said …".
        if w == "who" && tokens.len() >= 3 && tokens[tokens.len() - 2].text(self.text) == "," {
            if let Some(m) = self.names.ending_at(tokens[tokens.len() - 3].span.end) {
                if self.is_person(m.entity) && !m.possessive {
                    return Some((self.names.entities[m.entity].name.clone(), m.span));
                }
            }
        }
        // "the commission said", "Another person tweeted": a determiner and
        // at most two more words ending in a plain noun.
        let k = tokens.len();
        let noun_like = last.is_word()
            && last.text(self.text).starts_with(char::is_lowercase)
            && w.len() > 2
            && !is_stopword(w)
            && !w.ends_with("ly");
        if noun_like && !is_title_noun(w) {
            for back in 2..=4.min(k) {
                let det = self.word(&tokens[k - back]);
                let is_det = is_possessive_determiner(det)
                    || matches!(
                        det,
                        "the"
                            | "a"
                            | "an"
                            | "another"
                            | "one"
                            | "some"
                            | "many"
                            | "this"
                            | "that"
                            | "several"
                    );
                if is_det {
                    let np = &tokens[k - back..];
                    // "Protesters marching through the streets chanted",
                    // "Comey at the time said": the phrase is a
                    // preposition's object; the subject stands before it.
                    let after_preposition = k - back >= 2
                        && crate::lexicon::names::is_preposition(self.word(&tokens[k - back - 1]));
                    if after_preposition {
                        let mut end = k - back - 1;
                        if end > 1 && self.word(&tokens[end - 1]).ends_with("ing") {
                            end -= 1;
                        }
                        let inner = &tokens[..end];
                        return inner
                            .last()
                            .filter(|last| last.is_word())
                            .and_then(|&last| self.subject_ending_with(inner, last));
                    }
                    if np.iter().all(|t| t.is_word()) {
                        return self.resolve_np(np);
                    }
                    break;
                }
            }
        }
        if is_title_noun(w) || matches!(w, "officials" | "spokesman" | "ministry") {
            // Gather the role phrase: determiner, adjectives, noun.
            let mut start = tokens.len() - 1;
            while start > 0 && tokens[start - 1].is_word() && tokens.len() - start < 5 {
                let prev = self.word(&tokens[start - 1]);
                start -= 1;
                if matches!(prev, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
                    break;
                }
            }
            return self.resolve_np(&tokens[start..]);
        }
        None
    }

    /// He or she: a person named earlier in the same sentence as its
    /// subject ("Although Weiner admitted …, he claimed"), else the person
    /// in focus.
    pub(super) fn pronoun(&self, span: Span) -> Found {
        let earlier = self
            .names
            .between(self.sentence_start, span.start)
            .iter()
            .filter(|m| m.span.end <= span.start)
            .filter(|m| m.sentence == self.sentence && !m.after_preposition && !m.possessive)
            .filter(|m| !self.in_quote(m.span))
            .find(|m| self.is_person(m.entity));
        let entity = earlier.map(|m| m.entity).or(self.focus)?;
        Some((self.names.entities[entity].name.clone(), span))
    }

    /// A noun phrase as a speaker: a named mention, a pronoun, a role
    /// phrase resolved to a name, or the phrase itself ("the two officials").
    pub(super) fn resolve_np(&self, tokens: &[Token]) -> Found {
        let first = tokens.first()?;
        let last = tokens.last()?;
        let span = Span::new(first.span.start, last.span.end);
        if tokens.len() == 1 && PRONOUNS.contains(&self.word(first)) {
            return self.pronoun(span);
        }
        let inside = self.names.between(span.start, span.end).first();
        let around = self
            .names
            .covering(span)
            .filter(|m| m.span.start == span.start);
        if let Some(m) = inside.filter(|m| span.contains(m.span)).or(around) {
            let entity = &self.names.entities[m.entity];
            return Some((entity.name.clone(), m.span));
        }
        let words: Vec<String> = tokens
            .iter()
            .map(|t| self.word(t))
            .filter(|w| !matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
            .map(str::to_string)
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
        if let Some(found) = self.described(tokens) {
            return Some(found);
        }
        // "The president himself".
        let words: Vec<String> = words
            .into_iter()
            .filter(|w| !matches!(w.as_str(), "himself" | "herself"))
            .collect();
        if words.last().is_some_and(|w| is_title_noun(w)) {
            if let Some(e) = self.names.resolve_role(&words, span.start) {
                return Some((self.names.entities[e].name.clone(), span));
            }
            // "the four-term congressman said": a title given to nobody in
            // the report is the person in focus's.
            let definite = self.word(first) == "the";
            let singular = !words.last().is_some_and(|w| w.ends_with('s'));
            if let (true, true, Some(e)) = (definite, singular, self.focus) {
                if self.names.entities[e].kind == EntityKind::Person {
                    return Some((self.names.entities[e].name.clone(), span));
                }
            }
        }
        // Only a plain noun phrase ("two officials", "central bank"), never
        // a stretch of clause ("often in his campaign, and").
        let plain = words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
                && (!is_stopword(w)
                    || is_possessive_determiner(w)
                    || matches!(w.as_str(), "of" | "for" | "those" | "these"))
        }) && tokens.iter().all(|t| t.text(self.text) != ",");
        let has_noun = plain
            && words
                .iter()
                .any(|w| w.chars().all(char::is_alphabetic) && w.len() > 2)
            && (!is_stopword(&words[0]) || matches!(words[0].as_str(), "my" | "our" | "your"));
        // The phrase itself, without its article: "the central bank" → "central bank".
        let head = tokens
            .iter()
            .position(|t| !matches!(self.word(t), "the" | "a" | "an"))
            .unwrap_or(0);
        let phrase = Span::new(tokens[head].span.start, span.end);
        has_noun.then(|| (phrase.text(self.text).to_string(), phrase))
    }

    /// `according to X` anywhere in the sentence.
    pub(super) fn according_to(&self, tokens: &[Token]) -> Found {
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
}

/// Words ending in "-ly" that are nouns, not adverbs: "Scott's family said".
fn is_ly_noun(word: &str) -> bool {
    matches!(
        word,
        "family"
            | "assembly"
            | "supply"
            | "rally"
            | "ally"
            | "monopoly"
            | "anomaly"
            | "bully"
            | "italy"
            | "july"
            | "kelly"
            | "sally"
            | "molly"
            | "holly"
            | "reilly"
            | "daly"
    )
}
