//! The attribution after a quote: `,” Putin said`, `,” said Li`,
//! `,” Jane Doe, the mayor, said`.

use super::*;

impl Context<'_> {
    /// The tokens after a quote up to the end of its clause: the closing
    /// marks skipped, stopping at the sentence end or the next quote.
    pub(super) fn tail(&self, quote: Span, para_end: usize, max: usize) -> Vec<Token> {
        let is_connective =
            |t: &Token| matches!(t.text(self.text), "and" | "or" | "," | "And" | "Or");
        let tokens = self.doc.tokens_in(self.ahead(quote.end, para_end));
        let mut window: Vec<Token> = Vec::new();
        // Whether the window so far holds only "and", "or" and commas.
        let mut connectives = true;
        let mut depth = 0usize;
        for &t in tokens {
            let w = t.text(self.text);
            // "Rep. John Mica (R-Fla.) said": parentheses are skipped whole.
            match w {
                "(" => {
                    depth += 1;
                    continue;
                }
                ")" => {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                _ if depth > 0 => continue,
                _ => {}
            }
            if t.kind == TokenKind::Punct {
                if window.is_empty() {
                    if matches!(w, "”" | "\"" | "’" | "'" | "," | "—" | "–" | "―" | "»")
                    {
                        continue;
                    }
                    break;
                }
                // "Mr. Coll", "R-Ky., said": a full stop inside a name or
                // before a comma ends no sentence.
                let rest = &self.text[t.span.end..para_end];
                let after_title = w == "."
                    && (window
                        .last()
                        .is_some_and(|p| is_title_abbreviation(self.word(p)))
                        || rest.starts_with(',')
                        || rest.trim_start().starts_with(char::is_lowercase));
                let opens_next_quote = matches!(w, "“" | "\"" | "''" | "«");
                if opens_next_quote && connectives {
                    continue;
                }
                if matches!(w, "!" | "?" | ";" | ":")
                    || opens_next_quote
                    || w == "." && !after_title
                {
                    break;
                }
            } else if matches!(
                self.word(&t),
                "but"
                    | "while"
                    | "whereas"
                    | "because"
                    | "although"
                    | "when"
                    | "after"
                    | "since"
                    | "unless"
                    | "until"
                    | "though"
            ) || matches!(self.word(&t), "and" | "or")
                && self.text[t.span.end..para_end]
                    .trim_start()
                    .starts_with(char::is_uppercase)
                // "Ways and Means", "Fish and Wildlife": inside a name.
                && !window
                    .last()
                    .is_some_and(|p| p.text(self.text).starts_with(char::is_uppercase))
            {
                // A new clause: its verb is not this quote's attribution.
                break;
            }
            if self.inside_quote(&t) {
                // “A” and “B,” Jane Doe said: the attribution after the
                // second quote covers the first.
                if connectives {
                    continue;
                }
                break;
            }
            connectives &= is_connective(&t);
            window.push(t);
            if window.len() >= max {
                break;
            }
        }
        window
    }

    /// The mention is followed by a comma, directly or after "of" and a
    /// place: "Jane Doe, the mayor", "Senator Mark Warner of Virginia, …".
    fn set_off(&self, m: &Mention, window: &[Token]) -> bool {
        let Some(at) = window.iter().position(|t| t.span.start >= m.span.end) else {
            return false;
        };
        let is_comma = |t: &Token| t.text(self.text) == ",";
        // "Justice Department, and said …" coordinates; it sets off nothing.
        let coordinates = |i: usize| {
            window
                .get(i + 1)
                .is_some_and(|t| matches!(self.word(t), "and" | "or" | "but"))
        };
        if is_comma(&window[at]) {
            return !coordinates(at);
        }
        let of = self.word(&window[at]) == "of";
        let place = window[at + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.text(self.text).starts_with(char::is_uppercase))
            .count();
        of && place > 0 && window.get(at + 1 + place).is_some_and(is_comma)
    }

    /// `,” X said` / `,” said X` / `,” X, the role, said` after the quote.
    pub(super) fn after_quote(&mut self, quote: Span, para_end: usize) -> Found {
        // "his “deep state” Justice Department": a quote running straight
        // into a word is part of a noun phrase, with no attribution after.
        let inner_end = quote
            .text(self.text)
            .trim_end()
            .ends_with(|c: char| c.is_ascii_punctuation() || matches!(c, '—' | '…'));
        let rest = &self.text[quote.end..para_end];
        let closing = rest.trim_start_matches(['”', '"', '’', '\'', '»']);
        let straight_on = !inner_end
            && closing.len() < rest.len()
            && closing.starts_with(' ')
            && closing.trim_start().starts_with(char::is_alphanumeric);
        let window = self.tail(quote, para_end, 40);
        let words: Vec<Token> = window
            .iter()
            .copied()
            .filter(|t| t.kind != TokenKind::Punct)
            .collect();
        // ",” Leonard Burman, director of … and a professor at …, said":
        // an appositive may run long.
        let appositive_name = words.first().is_some_and(|first| {
            self.names
                .starting_at(first.span.start)
                .is_some_and(|m| self.set_off(m, &window))
        });
        let Some(verb) = words
            .iter()
            .take(if appositive_name { 32 } else { 16 })
            .position(|t| self.is_verb(t) && self.word(t) != "according")
        else {
            // "“…” ― Martha Aguilar": a dash and a name closing the paragraph.
            let dash = self
                .doc
                .tokens_in(self.ahead(quote.end, para_end))
                .iter()
                .take_while(|t| t.kind == TokenKind::Punct)
                .any(|t| matches!(t.text(self.text), "—" | "–" | "―"));
            let first = *words.first()?;
            let m = self.names.starting_at(first.span.start)?;
            let rest_empty = self.text[m.span.end..para_end]
                .chars()
                .all(|c| !c.is_alphanumeric());
            return (dash && rest_empty)
                .then(|| (self.names.entities[m.entity].name.clone(), m.span));
        };
        // Straight on into words, only "“…” said Li", "“…” Li said", an
        // appositive name or a closing ", Warren said" attribute it.
        if straight_on && verb > 0 && !appositive_name {
            let only_name = |from: usize| {
                words[from..verb]
                    .first()
                    .and_then(|f| self.names.starting_at(f.span.start))
                    .is_some_and(|m| words[from..verb].iter().all(|t| m.span.contains(t.span)))
            };
            let verb_start = words[verb].span.start;
            let comma = window
                .iter()
                .rposition(|t| t.span.end <= verb_start && t.text(self.text) == ",");
            let closing_tail = comma.is_some_and(|c| {
                let from = words.partition_point(|t| t.span.start < window[c].span.end);
                from == verb && !is_participle(self.word(&words[verb])) || only_name(from)
            });
            if !only_name(0) && !closing_tail {
                return None;
            }
        }
        // A quote that ends its sentence is followed by a new sentence,
        // whose subject is not the speaker — bar a short "Mr. Coll wrote."
        let ends_sentence = quote
            .text(self.text)
            .trim_end_matches(['”', '"', '\'', '’'])
            .ends_with(['.', '!', '?']);
        let attribution_follows = words.first().is_some_and(|first| {
            first.text(self.text).starts_with(char::is_lowercase)
                || self.names.starting_at(first.span.start).is_some_and(|m| {
                    let next = window.iter().find(|t| t.span.start >= m.span.end);
                    next.is_some_and(|t| t.text(self.text) == "," || self.is_verb(t))
                })
        });
        // "… neighborhood.” Russia insisted that …" is a new sentence.
        let clause_goes_on = words.get(verb + 1).is_some_and(|t| self.word(t) == "that");
        if ends_sentence && (verb > 1 && !attribution_follows || clause_goes_on) {
            return None;
        }
        if verb == 0 {
            // ",” said Li, who …" — but ",” saying peace was near" continues
            // the sentence's own subject.
            let verb_word = self.word(&words[0]);
            let opener = words.get(1).map(|t| self.word(t))?;
            let not_subject = matches!(
                opener,
                "that"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "as"
                    | "when"
                    | "after"
                    | "before"
                    | "during"
                    | "while"
                    | "and"
                    | "but"
                    | "it"
                    | "this"
                    | "of"
                    | "from"
                    | "about"
                    | "so"
                    | "then"
                    | "if"
                    | "i"
                    | "we"
                    | "you"
            );
            if is_participle(verb_word) || not_subject {
                return None;
            }
            let np_end = words[1..]
                .iter()
                .position(|t| {
                    let w = self.word(t);
                    matches!(
                        w,
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
                            | "while"
                            | "from"
                    )
                })
                .map_or(words.len(), |p| p + 1)
                .min(words.len())
                .min(9);
            // Stop at the comma that closes the name: ",” said Li, who …".
            let comma = window
                .iter()
                .position(|t| t.text(self.text) == "," && t.span.start > words[1].span.start)
                .map(|i| window[i].span.start);
            let np: Vec<Token> = words[1..np_end]
                .iter()
                .copied()
                .take_while(|t| comma.is_none_or(|c| t.span.start < c))
                .collect();
            return self.resolve_np(&np);
        }
        let before = &words[..verb];
        // ",” Jane Doe, the mayor, said": a name opening the window, set off
        // by a comma.
        let appositive = || -> Found {
            let first = *before
                .iter()
                .find(|t| !matches!(self.word(t), "and" | "or"))?;
            let m = self.names.starting_at(first.span.start)?;
            self.set_off(m, &window)
                .then(|| (self.names.entities[m.entity].name.clone(), m.span))
        };
        let comma_before_verb = window
            .iter()
            .rev()
            .find(|t| t.span.end <= words[verb].span.start)
            .is_some_and(|t| t.text(self.text) == ",");
        let found = if comma_before_verb {
            appositive().or_else(|| self.subject_before(before))
        } else {
            self.subject_before(before).or_else(appositive)
        }
        .or_else(|| (verb <= 5).then(|| self.resolve_np(before)).flatten())?;
        // "“…,” aides said Mr. Ryan told his colleagues": the one they
        // report speaking said it.
        if let Some(inner) = words
            .get(verb + 1)
            .and_then(|t| self.names.starting_at(t.span.start))
        {
            let then_verb = words
                .iter()
                .find(|t| t.span.start >= inner.span.end)
                .is_some_and(|t| self.is_verb(t));
            if then_verb && self.is_person(inner.entity) && !inner.possessive {
                let entity = &self.names.entities[inner.entity];
                return Some((entity.name.clone(), inner.span));
            }
        }
        self.promote(found.1);
        Some(found)
    }
}
