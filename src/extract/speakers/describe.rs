//! Sources named by description rather than by name: "a spokesperson for
//! Grassley" (→ "Grassley spokesperson"), "Stone's attorney" (→ "Stone
//! attorney"), "the statement from his lawyer, Jane Doe" (→ Jane Doe),
//! "the company" (→ the company last named), "the congressman" (→ the
//! person in focus).

use super::*;
use crate::extract::names::strip_possessive;
use crate::lexicon::names::{is_role_word, title_matches};

/// People who speak for someone else: named after whom they speak for.
fn is_agent_noun(word: &str) -> bool {
    matches!(
        word,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "aide"
            | "aides"
            | "official"
            | "officials"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "attorneys"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "representative"
            | "representatives"
            | "campaign"
            | "office"
            | "staff"
            | "allies"
            | "supporters"
            | "family"
            | "source"
            | "sources"
            | "strategist"
            | "manager"
            | "doctor"
            | "physician"
            | "proponents"
            | "backers"
            | "sponsors"
            | "opponents"
            | "critics"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "niece"
            | "nephew"
    )
}

/// Writings that speak for their author: "the statement said".
pub(super) fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "letter"
            | "email"
            | "e-mail"
            | "post"
            | "tweet"
            | "memo"
            | "release"
            | "filing"
            | "report"
            | "article"
            | "story"
            | "transcript"
            | "ad"
            | "video"
            | "message"
            | "document"
            | "brief"
            | "complaint"
            | "indictment"
            | "lawsuit"
            | "ruling"
            | "book"
            | "poll"
            | "survey"
            | "study"
            | "analysis"
            | "piece"
            | "apology"
    )
}

/// Kinds of organisation a report calls by their kind after naming them.
fn is_body_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "agency"
            | "group"
            | "organization"
            | "organisation"
            | "department"
            | "ministry"
            | "committee"
            | "network"
            | "newspaper"
            | "union"
            | "bureau"
            | "service"
            | "commission"
            | "council"
            | "club"
            | "association"
            | "foundation"
            | "institute"
            | "bank"
    )
}

impl Context<'_> {
    /// A described source ending the subject `tokens` (the words before a
    /// reporting verb), if the subject is one.
    pub(super) fn described(&self, tokens: &[Token]) -> Found {
        let last = *tokens.last()?;
        let k = tokens.len();
        // "a spokesperson for the U.S. Fish and Wildlife Service",
        // "the statement from Grimm's attorney".
        if let Some(m) = self
            .names
            .ending_at(last.span.end)
            .filter(|m| !m.possessive)
        {
            let before: Vec<&Token> = tokens
                .iter()
                .rev()
                .skip_while(|t| t.span.start >= m.span.start)
                .take(3)
                .collect();
            let mut i = 0;
            if before.get(i).is_some_and(|t| self.word(t) == "the") {
                i += 1;
            }
            let linked = before.get(i).is_some_and(|t| {
                matches!(self.word(t), "for" | "of" | "at" | "to" | "from" | "by")
            });
            let noun = before.get(i + 1).map(|t| (**t, self.word(t)));
            if let (true, Some((noun_token, noun))) = (linked, noun) {
                let entity = &self.names.entities[m.entity];
                if is_document_noun(noun) {
                    return Some((entity.name.clone(), m.span));
                }
                if is_agent_noun(noun) || is_title_noun(noun) {
                    let owner = self.bare_name(m);
                    let span = Span::new(noun_token.span.start, m.span.end);
                    return Some((format!("{owner} {}", noun_token.text(self.text)), span));
                }
            }
            return None;
        }
        let noun = self.word(&last);
        if !last.is_word() || !last.text(self.text).starts_with(char::is_lowercase) {
            return None;
        }
        // "Stone's attorney", "Blumenthal's campaign".
        if is_agent_noun(noun) || is_title_noun(noun) {
            if let Some(owner) = tokens[k.saturating_sub(4)..k - 1]
                .iter()
                .rev()
                .find_map(|t| self.names.ending_at(t.span.end))
                .filter(|m| m.possessive)
            {
                let between_ok = self
                    .doc
                    .tokens_in(Span::new(owner.span.end, last.span.start))
                    .iter()
                    .all(|t| t.is_word() && !is_stopword(self.word(t)));
                if between_ok {
                    let name = self.bare_name(owner);
                    let span = Span::new(owner.span.start, last.span.end);
                    return Some((format!("{name} {}", last.text(self.text)), span));
                }
            }
        }
        // "the bill's proponents": a common noun owns them.
        if is_agent_noun(noun) && k >= 2 {
            let owner = tokens[k - 2];
            let raw = owner.text(self.text);
            let word = raw
                .strip_suffix("’s")
                .or_else(|| raw.strip_suffix("'s"))
                .filter(|w| w.len() > 2 && w.chars().all(char::is_lowercase));
            if let Some(word) = word {
                let span = Span::new(owner.span.start, last.span.end);
                return Some((format!("{word} {}", last.text(self.text)), span));
            }
        }
        // "the company said", "the statement said", "the congressman said".
        let det = tokens[k.saturating_sub(4)..k - 1]
            .iter()
            .rposition(|t| matches!(self.word(t), "the" | "this" | "that"))
            .map(|p| p + k.saturating_sub(4))?;
        let modifiers_ok = tokens[det + 1..k - 1].iter().all(|t| {
            t.is_word() && !is_stopword(self.word(t)) && self.names.covering(t.span).is_none()
        });
        if !modifiers_ok {
            return None;
        }
        let span = Span::new(tokens[det].span.start, last.span.end);
        if is_body_noun(noun) {
            return self.recent_body(noun, span);
        }
        if is_document_noun(noun) {
            // Its own "from X", else an earlier mention of it.
            return self
                .document_author(noun, last.span.end, false)
                .or_else(|| self.document_author(noun, span.start, true))
                .map(|(name, _)| (name, span));
        }
        if is_agent_noun(noun) || is_title_noun(noun) {
            return self.described_again(noun, span);
        }
        None
    }

    /// A mention as a name, without its title or possessive: "Sen. Carl
    /// Dunn's" → "Carl Dunn".
    fn bare_name(&self, m: &Mention) -> &str {
        if self.names.entities[m.entity].kind != EntityKind::Person {
            return strip_possessive(m.span.text(self.text));
        }
        let tokens = self.doc.tokens_in(m.span);
        let start = tokens
            .iter()
            .position(|t| t.is_word() && !is_role_word(self.word(t)))
            .map_or(m.span.start, |i| tokens[i].span.start);
        strip_possessive(&self.text[start.min(m.span.end)..m.span.end])
    }

    /// A main clause opening with a described source: "A spokesperson for
    /// Grassley fired back …" → "Grassley spokesperson".
    pub(super) fn described_opener(&self, tokens: &[Token], opener: Token) -> Found {
        let at = tokens
            .iter()
            .position(|t| t.span.start == opener.span.start)?;
        let words: Vec<&str> = tokens[at..].iter().take(3).map(|t| self.word(t)).collect();
        let shape = matches!(words.first(), Some(&("a" | "an" | "the")))
            && words.get(1).is_some_and(|w| is_agent_noun(w))
            && matches!(words.get(2), Some(&("for" | "of" | "to" | "at")));
        if !shape {
            return None;
        }
        let mut from = at + 3;
        if tokens.get(from).is_some_and(|t| self.word(t) == "the") {
            from += 1;
        }
        let m = self.names.starting_at(tokens.get(from)?.span.start)?;
        let end = tokens.iter().rposition(|t| t.span.end <= m.span.end)?;
        self.described(&tokens[at..=end])
    }

    /// A clause opening with someone's agent: `Some(Some(name))` for
    /// "Grimm's lawyer, William McGinley, said", `Some(None)` for "Stone's
    /// attorney added" (the owner is not the subject), `None` otherwise.
    pub(super) fn agent_opener(&self, opener: Token) -> Option<Option<Mention>> {
        let owner = self
            .names
            .starting_at(opener.span.start)
            .filter(|m| m.possessive)?;
        let rest = self
            .doc
            .tokens_in(self.ahead(owner.span.end, self.text.len()));
        let noun = rest
            .iter()
            .take(3)
            .take_while(|t| t.is_word())
            .position(|t| {
                let w = self.word(t);
                is_agent_noun(w) || is_title_noun(w)
            })?;
        let after = &rest[noun + 1..];
        let named = after
            .first()
            .filter(|t| t.text(self.text) == ",")
            .and_then(|_| after.get(1))
            .and_then(|t| self.names.starting_at(t.span.start))
            .filter(|m| self.is_person(m.entity))
            .copied();
        Some(named)
    }

    /// "the spokesperson said" after a sentence about "a spokesperson for
    /// Grassley": the same source.
    pub(super) fn described_again(&self, noun: &str, span: Span) -> Found {
        let (name, _) = self.described_focus.as_ref()?;
        let last = name.rsplit(' ').next()?.to_lowercase();
        let same = last == noun
            || title_matches(noun, &last)
            || matches!(noun, "aide" | "official" | "representative")
                && matches!(last.as_str(), "spokesman" | "spokeswoman" | "spokesperson");
        same.then(|| (name.clone(), span))
    }

    /// The organisation a kind noun ("the company") refers back to: the
    /// latest one named within a few paragraphs whose name holds the noun,
    /// else, for a generic kind, the latest one named.
    fn recent_body(&self, noun: &str, span: Span) -> Found {
        let from = span.start.saturating_sub(2000);
        let earlier = self.names.between(from, span.start);
        let is_body = |m: &&Mention| {
            let e = &self.names.entities[m.entity];
            e.kind != EntityKind::Person
                && !self.promoted[m.entity]
                && !self.in_quote(m.span)
                && e.name.chars().next().is_some_and(char::is_uppercase)
        };
        let holds_noun = earlier.iter().rev().filter(is_body).find(|m| {
            self.names.entities[m.entity]
                .name
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(noun))
        });
        let generic = matches!(
            noun,
            "company" | "firm" | "group" | "organization" | "organisation"
        );
        let found = holds_noun.or_else(|| {
            generic
                .then(|| {
                    earlier.iter().rev().filter(is_body).find(|m| {
                        self.names.entities[m.entity].kind == EntityKind::Org
                            || !m.after_preposition
                    })
                })
                .flatten()
        })?;
        Some((self.names.entities[found.entity].name.clone(), span))
    }

    /// Who wrote the statement, report or letter last mentioned before
    /// `before`: its possessor ("BuzzFeed's report"), or the subject of the
    /// sentence that mentioned it ("Zinke said in a statement").
    pub(super) fn document_author(&self, noun: &str, before: usize, subject: bool) -> Found {
        let mut before = before;
        // "The statement said …" again: the one before it, a few times.
        for _ in 0..4 {
            let (found, again) = self.author_at(noun, before, subject);
            match (found, again) {
                (Some(found), _) => return Some(found),
                (None, Some(earlier)) => before = earlier,
                (None, None) => return None,
            }
        }
        None
    }

    /// The author of the last `noun` before `before`, or where to look for
    /// an earlier one when that mention names none ("The statement said").
    fn author_at(&self, noun: &str, before: usize, subject: bool) -> (Found, Option<usize>) {
        let from = before.saturating_sub(2500);
        let tokens = self.doc.tokens_in(Span::new(from, before));
        let Some(at) = tokens
            .iter()
            .rposition(|t| self.word(t) == noun && !self.inside_quote(t))
        else {
            return (None, None);
        };
        let named = |m: &Mention| {
            let e = &self.names.entities[m.entity];
            (e.name.clone(), m.span)
        };
        // "BuzzFeed's Thursday night report", not "Mueller's office, the report".
        let modifiers = tokens[..at]
            .iter()
            .rev()
            .take(4)
            .take_while(|t| t.is_word() && !is_stopword(self.word(t)))
            .count();
        if let Some(owner) = tokens[at - modifiers..at]
            .iter()
            .rev()
            .find_map(|t| self.names.ending_at(t.span.end))
            .filter(|m| m.possessive)
        {
            return (Some(named(owner)), None);
        }
        // "a Times article", "a White House statement".
        if let Some(owner) = at
            .checked_sub(1)
            .and_then(|p| self.names.ending_at(tokens[p].span.end))
            .filter(|m| self.names.entities[m.entity].kind != EntityKind::Unknown)
        {
            return (Some(named(owner)), None);
        }
        // "a statement from Grimm's attorney, William McGinley".
        let after = self
            .doc
            .tokens_in(self.ahead(tokens[at].span.end, self.text.len()));
        if after
            .first()
            .is_some_and(|t| matches!(self.word(t), "from" | "by"))
        {
            // The first name that is not an owner: "BuzzFeed News",
            // "Grimm's attorney, William McGinley".
            let author = after[1..]
                .iter()
                .take_while(|t| t.kind != TokenKind::Punct || t.text(self.text) == ",")
                .take(10)
                .filter_map(|t| self.names.ending_at(t.span.end))
                .find(|m| !m.possessive);
            if let Some(m) = author {
                return (Some(named(m)), None);
            }
        }
        if !subject {
            return (None, None);
        }
        // "Ryan Zinke, the interior secretary, said in a statement".
        let sentence_tokens = self
            .doc
            .tokens_of(self.doc.sentence_at(tokens[at].span.start));
        let Some(opener) = self.clause_opener(sentence_tokens) else {
            return (None, None);
        };
        if let Some(m) = self
            .names
            .starting_at(opener.span.start)
            .filter(|m| m.span.end <= tokens[at].span.start && !m.possessive)
            .filter(|m| self.names.entities[m.entity].kind != EntityKind::Unknown)
        {
            return (Some(named(m)), None);
        }
        // "The statement said …": the statement named before.
        let again = self.word(&opener) == "the"
            && self
                .doc
                .tokens_in(self.ahead(opener.span.end, tokens[at].span.end))
                .first()
                .is_some_and(|t| t.span.start == tokens[at].span.start);
        (None, again.then_some(tokens[at].span.start))
    }
}
