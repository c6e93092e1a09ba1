//! Where a sentence's main clause starts, and who its subject is.
//!
//! A sentence often opens with something that is not its subject: a
//! dateline ("WASHINGTON —"), a conjunction ("But"), or an introductory
//! phrase set off by a comma ("After the vote, …", "At a 2008 ceremony in
//! Shelton, he praised …"). The subject is the first noun phrase after it.

use super::*;

/// Words that open an introductory phrase running to the first comma.
fn opens_introduction(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "when"
            | "while"
            | "although"
            | "though"
            | "as"
            | "before"
            | "since"
            | "because"
            | "if"
            | "until"
            | "unless"
            | "once"
            | "whether"
            | "at"
            | "in"
            | "on"
            | "during"
            | "following"
            | "despite"
            | "unlike"
            | "with"
            | "without"
            | "from"
            | "by"
            | "under"
            | "speaking"
            | "asked"
            | "earlier"
            | "later"
            | "last"
            | "for"
            | "to"
            | "according"
    )
}

fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "while"
            | "as"
            | "when"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "after"
            | "before"
    )
}

/// Words that open a sentence before its subject, with or without a comma.
fn is_opening_connective(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "and"
            | "yet"
            | "so"
            | "still"
            | "instead"
            | "meanwhile"
            | "however"
            | "also"
            | "then"
            | "now"
            | "separately"
            | "indeed"
            | "finally"
            | "moreover"
            | "today"
            | "yesterday"
            | "even"
    )
}

impl Context<'_> {
    /// The tokens of `tokens` (one sentence) from the start of its main
    /// clause, quotes included.
    pub(super) fn main_clause<'t>(&self, tokens: &'t [Token]) -> &'t [Token] {
        // Bounded: a sentence of a thousand quotes has no main clause to find.
        let mut at = tokens
            .iter()
            .take(200)
            .position(|t| t.is_word() && !self.inside_quote(t))
            .unwrap_or(tokens.len());
        // "WASHINGTON —", "HARTFORD, Conn. —": a dateline.
        if let Some(dash) = tokens[at..]
            .iter()
            .take(6)
            .position(|t| matches!(t.text(self.text), "—" | "–" | "―" | "--"))
        {
            let head = &tokens[at..at + dash];
            let first = head.first().map_or("", |t| t.text(self.text));
            let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && first.chars().all(|c| !c.is_lowercase());
            if all_caps {
                at += dash + 1;
            }
        }
        loop {
            let Some(first) = tokens.get(at) else {
                return &tokens[tokens.len()..];
            };
            let word = self.word(first);
            if is_opening_connective(word) {
                at += 1;
                if tokens.get(at).is_some_and(|t| t.text(self.text) == ",") {
                    at += 1;
                }
                continue;
            }
            if opens_introduction(word) {
                // To the comma closing the phrase, if one comes soon.
                // A comma closing a quote ("so swollen …,” she was") ends
                // the phrase too.
                let comma = tokens[at..].iter().take(30).enumerate().position(|(i, t)| {
                    t.text(self.text) == ","
                        && (!self.inside_quote(t)
                            || tokens
                                .get(at + i + 1)
                                .is_some_and(|n| matches!(n.text(self.text), "”" | "\"" | "’")))
                });
                if let Some(c) = comma {
                    at += c + 1;
                    // "In her book, Living History, Clinton noted …": a
                    // name set off after the phrase is its appositive.
                    if let Some(m) = tokens
                        .get(at)
                        .and_then(|t| self.names.starting_at(t.span.start))
                    {
                        let after = tokens.iter().position(|t| t.span.start >= m.span.end);
                        let then_name = after.is_some_and(|a| {
                            tokens[a].text(self.text) == ","
                                && tokens
                                    .get(a + 1)
                                    .is_some_and(|n| self.names.starting_at(n.span.start).is_some())
                        });
                        if let (true, Some(a)) = (then_name, after) {
                            at = a + 1;
                        }
                    }
                    continue;
                }
            }
            return &tokens[at..];
        }
    }

    /// Where the last clause with a subject of its own starts between
    /// `from` and `limit`: after "; ", ", as" or ", but Kevin" — not after
    /// ", and even invited", whose subject is the sentence's.
    pub(super) fn clause_break(&self, from: usize, limit: usize) -> Option<usize> {
        let rest = self.doc.tokens_in(Span::new(from, limit));
        let mut found = None;
        for (i, t) in rest.iter().enumerate() {
            if self.inside_quote(t) {
                continue;
            }
            let next = rest.get(i + 1).map(|n| (self.word(n), n));
            let after = rest.get(i + 2);
            let breaks = match t.text(self.text) {
                ";" => true,
                "," => match next {
                    Some((w, _)) if is_subordinator(w) => true,
                    Some(("but" | "and" | "or" | "yet" | "so", _)) => after.is_some_and(|a| {
                        let raw = a.text(self.text);
                        raw.starts_with(char::is_uppercase)
                            || matches!(
                                self.word(a),
                                "he" | "she"
                                    | "they"
                                    | "it"
                                    | "i"
                                    | "we"
                                    | "you"
                                    | "the"
                                    | "a"
                                    | "an"
                                    | "this"
                            )
                            || is_subordinator(self.word(a))
                    }),
                    _ => false,
                },
                _ => false,
            };
            if breaks {
                found = Some(t.span.end);
            }
        }
        found
    }

    /// The first word of the main clause, outside quotes.
    pub(super) fn clause_opener(&self, tokens: &[Token]) -> Option<Token> {
        // Bounded, as `main_clause` is.
        self.main_clause(tokens)
            .iter()
            .take(200)
            .find(|t| t.is_word() && !self.inside_quote(t))
            .copied()
    }

    /// The person a role phrase opening the clause names: "The president
    /// downplayed …" → the report's president.
    pub(super) fn role_opener(&self, tokens: &[Token], opener: Token) -> Option<usize> {
        if self.word(&opener) != "the" {
            return None;
        }
        let at = tokens
            .iter()
            .position(|t| t.span.start == opener.span.start)?;
        let np: Vec<String> = tokens[at + 1..]
            .iter()
            .take(4)
            .take_while(|t| t.is_word() && self.names.covering(t.span).is_none())
            .map(|t| self.word(t).to_string())
            .collect();
        let head = np.iter().rposition(|w| is_title_noun(w))?;
        // The title ends the phrase: "The president said", not "the
        // president's plan".
        let words = &np[..=head];
        self.names.resolve_role(words, opener.span.start)
    }

    /// The main clause's subject when it opens the clause: a pronoun
    /// ("She argued that …"), a name ("Braley apologized …"), or a role
    /// phrase ("The House speaker, in an interview, gave …").
    pub(super) fn clause_subject(&self, tokens: &[Token], limit: usize) -> Found {
        let first = self.clause_opener(tokens)?;
        // A subject a few lines before the quote, not a page.
        if first.span.start >= limit || limit - first.span.start > 1500 {
            return None;
        }
        // A later clause has its own subject: "…, she said, but as Trump
        // went on about “…”".
        if self.clause_break(first.span.end, limit).is_some() {
            return None;
        }
        let word = self.word(&first);
        if matches!(word, "he" | "she") {
            return self.pronoun(first.span);
        }
        if let Some(m) = self.names.starting_at(first.span.start) {
            let entity = &self.names.entities[m.entity];
            if m.span.end <= limit && !m.possessive {
                return Some((entity.name.clone(), m.span));
            }
            // "Mr. Braley's apology noted …": the writing speaks for its owner.
            let next = self.doc.tokens_in(self.ahead(m.span.end, limit));
            let owns_writing = next
                .iter()
                .take(3)
                .take_while(|t| t.is_word())
                .any(|t| super::describe::is_document_noun(self.word(t)));
            if m.possessive && owns_writing {
                return Some((entity.name.clone(), m.span));
            }
            return None;
        }
        if !matches!(word, "the" | "a" | "an") {
            return None;
        }
        // A determiner, up to three modifiers and a title noun, then a
        // comma or a verb: "The House speaker, …", "The president himself".
        let main = self.main_clause(tokens);
        let from = main.iter().position(|t| t.span.start == first.span.start)?;
        let np: Vec<Token> = main[from..]
            .iter()
            .take(5)
            .take_while(|t| t.is_word() && t.span.end <= limit)
            .copied()
            .collect();
        let head = np
            .iter()
            .rposition(|t| {
                let w = self.word(t);
                is_title_noun(w) || super::describe::is_document_noun(w)
            })
            .filter(|&h| h >= 1)?;
        self.resolve_np(&np[..=head])
    }
}
