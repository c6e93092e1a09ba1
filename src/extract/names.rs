//! Name mentions and the entities they refer to, within one report.
//!
//! A mention is a run of capitalised words ("Russian President Vladimir
//! Putin", "China’s Foreign Ministry"), split into a role ("Russian
//! President") and a name ("Vladimir Putin"). Mentions are linked to
//! entities: "Putin" and "Li" join the most recent full name they are part
//! of ("Vladimir Putin", "Li Qiang"), so every mention of a person carries
//! the report's canonical full name. One pass over the tokens.

use std::collections::HashMap;

use crate::lexicon::names::{
    is_common_capital, is_name_particle, is_nationality, is_opening_word, is_org_word,
    is_place_like, is_preposition, is_role_word, is_title_noun, title_matches,
};
use crate::span::Span;
use crate::text::tokens::{normalize, Token, TokenKind};
use crate::text::Document;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    /// A full personal name, or a name used with a personal title.
    Person,
    /// An organisation ("China’s Foreign Ministry", "the Kremlin").
    Org,
    /// A single capitalised word: a surname, a place or a body.
    Unknown,
}

/// A person or organisation named in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entity {
    /// Canonical name: the longest form seen.
    pub name: String,
    pub kind: EntityKind,
    /// Lower-case name words, for linking short forms.
    words: Vec<String>,
    /// Lower-case role words seen with it ("russian", "president").
    pub roles: Vec<String>,
}

/// One mention of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The whole mention, role included.
    pub span: Span,
    /// Index into [`Names::entities`].
    pub entity: usize,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Follows a preposition ("met with Li"): not a sentence subject.
    pub after_preposition: bool,
    /// Ends in a possessive ("Putin’s"): not a sentence subject.
    pub possessive: bool,
}

/// All mentions and entities of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Names {
    pub entities: Vec<Entity>,
    /// Sorted by start.
    pub mentions: Vec<Mention>,
    /// Entities by each of their words, for linking in constant time.
    by_word: HashMap<String, Vec<usize>>,
    /// When each entity was last mentioned (a counter).
    last_seen: Vec<usize>,
}

impl Names {
    /// The names of a report. Names inside `quotes` (sorted spans) only
    /// link to people and bodies the prose names: a nickname or a quoted
    /// title ("Crooked Hillary", "the Trump Presidency") is no one new and
    /// renames no one.
    pub fn find(text: &str, doc: &Document, quotes: &[Span]) -> Names {
        let mut names = Names::default();
        let mut headlines = Vec::new();
        let mut quoted = Vec::new();
        let in_quote = |span: Span| {
            let i = quotes.partition_point(|q| q.start <= span.start);
            quotes[..i].last().is_some_and(|q| q.contains(span))
        };
        for index in 0..doc.sentences.len() {
            let tokens = doc.tokens_of(index);
            if is_title_case(text, tokens) {
                headlines.push((index, tokens));
                continue;
            }
            let mut i = 0;
            while i < tokens.len() {
                let end = run_end(text, tokens, i);
                if end > i && in_quote(tokens[i].span) {
                    quoted.push((index, &tokens[i..end]));
                    i = end;
                } else if end > i {
                    names.add_run(doc, tokens, i, end, index);
                    i = end;
                } else {
                    i += 1;
                }
            }
        }
        // In Title Case every word is capitalised: only names known from
        // the prose count ("Obama Says Museum Will Tell" names Obama).
        for (index, tokens) in headlines.into_iter().chain(quoted) {
            names.add_known(doc, tokens, index);
        }
        names.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        names.prefer_prominent(doc);
        names
    }

    /// A bare surname ("Trump said") names the most prominent person of
    /// that surname — named in the headline or lead, most often — not
    /// merely the one named last ("his son Eric Trump"), unless that one
    /// was named in the same or the previous sentence of the paragraph.
    fn prefer_prominent(&mut self, doc: &Document) {
        let mut count = vec![0usize; self.entities.len()];
        let mut lead = vec![false; self.entities.len()];
        let mut bare = Vec::new();
        let paragraph = |s: usize| doc.sentences.get(s).map_or(usize::MAX, |s| s.paragraph);
        for (i, m) in self.mentions.iter().enumerate() {
            // The headline and the lead paragraph.
            lead[m.entity] |= paragraph(m.sentence) < 2;
            let words: Vec<&str> = doc
                .tokens_in(m.span)
                .iter()
                .filter(|t| t.is_word())
                .map(|t| doc.form(t).trim_end_matches("'s"))
                .filter(|w| !is_role_word(w))
                .collect();
            // Bare surnames are what is being decided: only fuller
            // mentions count towards prominence.
            if words.len() == 1 {
                bare.push((i, words[0].to_string()));
            } else {
                count[m.entity] += 1;
            }
        }
        for (i, word) in bare {
            let m = self.mentions[i];
            let current = &self.entities[m.entity];
            // "Trump" linked to "the Trump Presidency" or to "Eric Trump".
            if current.kind == EntityKind::Org || !current.words.contains(&word) {
                continue;
            }
            let Some(candidates) = self.by_word.get(&word) else {
                continue;
            };
            let score = |e: usize| (lead[e], count[e]);
            let best = candidates
                .iter()
                .copied()
                .filter(|&e| {
                    let entity = &self.entities[e];
                    entity.kind == EntityKind::Person && entity.words.last() == Some(&word)
                })
                .max_by_key(|&e| (score(e), std::cmp::Reverse(e)));
            let Some(best) = best.filter(|&b| b != m.entity) else {
                continue;
            };
            // "“…,” Eric Trump said. “…,” Trump added.": tied by the
            // sentence before, in the same paragraph.
            let recent = self.mentions[..i]
                .iter()
                .rev()
                .take_while(|p| p.sentence + 1 >= m.sentence)
                .any(|p| p.entity == m.entity && paragraph(p.sentence) == paragraph(m.sentence));
            if !recent && score(best) > score(m.entity) {
                self.mentions[i].entity = best;
            }
        }
    }

    fn add_known(&mut self, doc: &Document, tokens: &[Token], sentence: usize) {
        let mut i = 0;
        while i < tokens.len() {
            let mut best = None;
            for j in (i + 1..=tokens.len().min(i + 4)).rev() {
                let words: Vec<String> = tokens[i..j]
                    .iter()
                    .map(|t| doc.form(t).trim_end_matches("'s").to_string())
                    .collect();
                if !tokens[i..j].iter().all(|t| t.is_word()) {
                    continue;
                }
                let found = self
                    .entities
                    .iter()
                    .position(|e| e.kind != EntityKind::Unknown && is_part_of(&words, &e.words));
                if let Some(e) = found {
                    best = Some((j, e));
                    break;
                }
            }
            match best {
                Some((j, entity)) => {
                    let last = doc.form(&tokens[j - 1]);
                    self.mentions.push(Mention {
                        span: Span::new(tokens[i].span.start, tokens[j - 1].span.end),
                        entity,
                        sentence,
                        after_preposition: false,
                        possessive: last.ends_with("'s"),
                    });
                    i = j;
                }
                None => i += 1,
            }
        }
    }

    /// The mention whose span ends exactly at byte `end`.
    pub fn ending_at(&self, end: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.span.start < end);
        self.mentions[..i].last().filter(|m| m.span.end == end)
    }

    /// The mention containing `span`, if any.
    pub fn covering(&self, span: Span) -> Option<&Mention> {
        let i = self
            .mentions
            .partition_point(|m| m.span.start <= span.start);
        self.mentions[..i].last().filter(|m| m.span.contains(span))
    }

    /// Mentions starting in `start..end`, in order.
    pub fn between(&self, start: usize, end: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.span.start < start);
        let to = self
            .mentions
            .partition_point(|m| m.span.start < end)
            .max(from);
        &self.mentions[from..to]
    }

    /// The mention starting exactly at byte `start`.
    pub fn starting_at(&self, start: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.span.start < start);
        self.mentions.get(i).filter(|m| m.span.start == start)
    }

    /// The person a role phrase ("the Chinese premier") refers to: the one
    /// whose roles hold the phrase's title noun and most of its other words,
    /// most recently mentioned before `before`.
    pub fn resolve_role(&self, words: &[String], before: usize) -> Option<usize> {
        let noun = words.last()?;
        let mut best: Option<(usize, usize, usize)> = None; // (matched, last mention, entity)
                                                            // The people in play: the latest few hundred mentions.
        let end = self.mentions.partition_point(|m| m.span.start < before);
        for m in &self.mentions[end.saturating_sub(400)..end] {
            let e = &self.entities[m.entity];
            if e.kind != EntityKind::Person || !e.roles.iter().any(|r| title_matches(noun, r)) {
                continue;
            }
            let matched = words
                .iter()
                .filter(|w| e.roles.iter().any(|r| title_matches(w, r)))
                .count();
            let modifiers_ok = words[..words.len() - 1]
                .iter()
                .all(|w| e.roles.iter().any(|r| title_matches(w, r)) || !is_nationality(w));
            if !modifiers_ok {
                continue;
            }
            let key = (matched, m.span.start, m.entity);
            if best.is_none_or(|b| (key.0, key.1) >= (b.0, b.1)) {
                best = Some(key);
            }
        }
        best.map(|b| b.2)
    }

    fn add_run(
        &mut self,
        doc: &Document,
        tokens: &[Token],
        start: usize,
        end: usize,
        sentence: usize,
    ) {
        let text = doc.text;
        let run = &tokens[start..end];
        let words: Vec<String> = run.iter().map(|t| doc.form(t).to_string()).collect();
        // Drop sentence-opening function words and capitalised non-names.
        let mut from = 0;
        while from < run.len()
            && (is_common_capital(&words[from])
                || run[from].kind == TokenKind::Punct
                || start + from == 0 && is_opening_word(&words[from]))
        {
            from += 1;
        }
        if from == run.len() {
            return;
        }
        // "met Li Qiang Wednesday": a trailing weekday or month is no name.
        let mut last = run.len() - 1;
        while last > from && is_common_capital(words[last].trim_end_matches("'s")) {
            last -= 1;
        }
        let possessive = words[last].ends_with("'s") || words[last].ends_with('\'');
        let prev = start.checked_sub(1).map(|i| doc.form(&tokens[i]));
        // "(D-Calif.)", "(R-L)", ", R-Iowa,": party and position tags, not names.
        if prev == Some("(") && words[from].chars().count() <= 2 || is_party_tag(&words[from..]) {
            return;
        }
        // "with Li", "In a White House statement": a preposition, perhaps
        // with an article between.
        let after_preposition = prev.is_some_and(is_preposition)
            || matches!(prev, Some("a" | "an" | "the"))
                && start >= 2
                && is_preposition(doc.form(&tokens[start - 2]));
        // The possessor ("China’s") belongs to the role of a following name.
        let owner_end = words[..last]
            .iter()
            .rposition(|w| w.ends_with("'s"))
            .map_or(from, |p| (p + 1).max(from));
        let mut name_from = owner_end;
        // A long run names its person after its last title: "South
        // Carolina Democratic Party Chairman Jaime Harrison".
        if let Some(t) = (owner_end..last).rev().find(|&i| {
            is_title_noun(&words[i])
                || matches!(
                    &*words[i],
                    "sen"
                        | "rep"
                        | "gov"
                        | "gen"
                        | "lt"
                        | "col"
                        | "sgt"
                        | "maj"
                        | "capt"
                        | "adm"
                        | "dr"
                        | "prof"
                        | "rev"
                        | "pres"
                        | "atty"
                        | "supt"
                )
        }) {
            name_from = name_from.max(t + 1);
        }
        // Acronyms before a title are part of the role: "NYPD Commissioner".
        let acronym = |i: usize| {
            let raw = run[i].text(text);
            raw.chars().count() >= 2 && raw.chars().all(|c| c.is_uppercase() || c == '.')
        };
        while name_from < last
            && (is_role_word(&words[name_from])
                || run[name_from].kind == TokenKind::Punct
                || acronym(name_from) && is_role_word(&words[name_from + 1]))
        {
            name_from += 1;
        }
        let has_role = name_from > owner_end;
        let name_words: Vec<String> = words[name_from..=last]
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| w.trim_end_matches("'s").trim_end_matches('\'').to_string())
            .collect();
        // Five or more capitalised words are a heading, not a name.
        if name_words.len() >= 5 {
            return;
        }
        // A lone title or nationality ("the Chinese premier") names no one.
        if name_words.is_empty()
            || name_words.len() == 1 && is_role_word(&name_words[0]) && !has_role
        {
            return;
        }
        // Only the name decides: "Senate Majority Leader Mitch McConnell" is
        // a person whose role mentions the Senate.
        let org = words[name_from..=last].iter().any(|w| is_org_word(w));
        let mention_span = Span::new(run[from].span.start, run[last].span.end);
        let name_span = Span::new(run[name_from].span.start, run[last].span.end);
        // A title makes a person of a name that reads as a place ("Mayor
        // Ellen Park", "President Park").
        let (kind, display, keys) = if org || is_place_like(&name_words) && !has_role {
            let owner_span = Span::new(run[from].span.start, run[last].span.end);
            let display = strip_possessive(owner_span.text(text)).to_string();
            let keys = words[from..=last]
                .iter()
                .map(|w| w.trim_end_matches("'s").to_string())
                .collect();
            (EntityKind::Org, display, keys)
        } else {
            let kind = if name_words.len() >= 2 || has_role {
                EntityKind::Person
            } else {
                EntityKind::Unknown
            };
            (
                kind,
                strip_possessive(name_span.text(text)).to_string(),
                name_words,
            )
        };
        let roles: Vec<String> = words[owner_end..name_from]
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .cloned()
            .chain(
                words[from..owner_end]
                    .iter()
                    .map(|w| w.trim_end_matches("'s").to_string()),
            )
            .collect();
        let entity = self.link(kind, display, keys, roles);
        self.mentions.push(Mention {
            span: mention_span,
            entity,
            sentence,
            after_preposition,
            possessive,
        });
    }

    /// Links a mention to an existing entity (the most recent one whose
    /// name contains it, or that it contains), or adds a new one.
    fn link(
        &mut self,
        kind: EntityKind,
        display: String,
        words: Vec<String>,
        roles: Vec<String>,
    ) -> usize {
        // Candidates share the mention's first or last word; the most
        // recently mentioned compatible one wins.
        let mut found: Option<usize> = None;
        let keys = [words.first(), words.last()];
        for key in keys.into_iter().flatten() {
            let Some(list) = self.by_word.get(key) else {
                continue;
            };
            for &e in list.iter().rev().take(64) {
                let entity = &self.entities[e];
                let compatible = (entity.kind == EntityKind::Org) == (kind == EntityKind::Org);
                let linked = is_part_of(&words, &entity.words) || is_part_of(&entity.words, &words);
                if compatible
                    && linked
                    && found.is_none_or(|f| self.last_seen[e] > self.last_seen[f])
                {
                    found = Some(e);
                }
            }
        }
        match found {
            Some(e) => {
                self.last_seen[e] = self.mentions.len();
                let entity = &mut self.entities[e];
                if words.len() > entity.words.len() {
                    for w in &words {
                        if !entity.words.contains(w) {
                            self.by_word.entry(w.clone()).or_default().push(e);
                        }
                    }
                    entity.words = words;
                    entity.name = display;
                }
                if kind == EntityKind::Person {
                    entity.kind = EntityKind::Person;
                }
                for r in roles {
                    if !entity.roles.contains(&r) {
                        entity.roles.push(r);
                    }
                }
                e
            }
            None => {
                let e = self.entities.len();
                for w in &words {
                    self.by_word.entry(w.clone()).or_default().push(e);
                }
                self.last_seen.push(self.mentions.len());
                self.entities.push(Entity {
                    name: display,
                    kind,
                    words,
                    roles,
                });
                self.entities.len() - 1
            }
        }
    }
}

/// Most words capitalised, function words and verbs among them, as in a
/// headline ("Obama Says Museum Will Tell …"); a sentence full of names
/// ("Russian President Vladimir Putin met Chinese Premier Li Qiang") is not.
pub(crate) fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(text))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let capital_function_word = words.iter().skip(1).any(|w| {
        let lower = normalize(w);
        w.starts_with(char::is_uppercase)
            && (crate::text::tokens::is_stopword(&lower)
                || crate::lexicon::speech::is_reporting_verb(&lower)
                || matches!(
                    &*lower,
                    "could" | "may" | "might" | "must" | "can" | "gets" | "makes" | "wants"
                ))
    });
    words.len() >= 4 && capitalised * 10 >= words.len() * 6 && capital_function_word
}

/// "Putin’s", "Mattis'" → the name itself.
pub(crate) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .or_else(|| s.strip_suffix('’'))
        .or_else(|| s.strip_suffix('\''))
        .unwrap_or(s)
}

/// "R-Iowa", "D-Calif.": a party letter joined to a state.
fn is_party_tag(words: &[String]) -> bool {
    matches!(
        words,
        [party, dash, ..] if matches!(party.as_str(), "r" | "d" | "i") && matches!(dash.as_str(), "-" | "‐")
    )
}

/// `short` is a leading or trailing run of `long`'s words.
fn is_part_of(short: &[String], long: &[String]) -> bool {
    !short.is_empty()
        && short.len() <= long.len()
        && (long.starts_with(short) || long.ends_with(short))
}

/// The end (exclusive) of a run of capitalised words starting at `i`, or
/// `i` when none starts there.
fn run_end(text: &str, tokens: &[Token], i: usize) -> usize {
    // "diGenova", "deBlasio": a capital inside the word after a particle.
    let is_cap = |t: &Token| {
        let word = t.text(text);
        t.is_word()
            && (word.chars().next().is_some_and(char::is_uppercase)
                || word.len() >= 5
                    && word.chars().all(char::is_alphabetic)
                    && word.chars().skip(2).take(2).any(char::is_uppercase)
                    && word.chars().take(2).all(char::is_lowercase))
    };
    if !is_cap(&tokens[i]) {
        return i;
    }
    let mut end = i + 1;
    while end < tokens.len() {
        let t = tokens[end];
        let adjacent = tokens[end - 1].span.end == t.span.start;
        let word = t.text(text);
        let prev_word = tokens[end - 1].text(text);
        if is_cap(&t) {
            // Through possessives too: "China’s Defense Minister".
            end += 1;
        } else if word == "." && adjacent && is_initial_or_title(prev_word) {
            end += 1;
        } else if matches!(word, "-" | "‐")
            && adjacent
            && tokens
                .get(end + 1)
                .is_some_and(|n| is_cap(n) && n.span.start == t.span.end)
            || is_name_particle(word) && tokens.get(end + 1).is_some_and(is_cap)
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// "J", "G.K", "Gen": words a full stop follows inside a name.
fn is_initial_or_title(word: &str) -> bool {
    word.chars().count() == 1
        || word.split('.').all(|part| part.chars().count() == 1)
        || is_role_word(&normalize(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> (Names, Document<'_>) {
        let doc = Document::analyze(text, 0);
        (Names::find(text, &doc, &[]), doc)
    }

    fn entity_at<'a>(names: &'a Names, text: &str, mention: &str) -> &'a Entity {
        let start = text.find(mention).unwrap();
        let m = names
            .mentions
            .iter()
            .find(|m| m.span.start <= start && start < m.span.end)
            .unwrap_or_else(|| panic!("no mention at {mention}"));
        &names.entities[m.entity]
    }

    #[test]
    fn roles_split_from_names_and_short_forms_linked() {
        let text = "Russian President Vladimir Putin met Chinese Premier Li Qiang in Moscow on Wednesday. \
                    Putin said trade grew. Li, who met Gen. Zhang Wei, agreed.";
        let (n, _) = names(text);
        assert_eq!(
            entity_at(&n, text, "Russian President").name,
            "Vladimir Putin"
        );
        assert_eq!(entity_at(&n, text, "Putin said").name, "Vladimir Putin");
        assert_eq!(entity_at(&n, text, "Li, who").name, "Li Qiang");
        assert_eq!(entity_at(&n, text, "Zhang").name, "Zhang Wei");
        assert_eq!(entity_at(&n, text, "Zhang").kind, EntityKind::Person);
        let putin = entity_at(&n, text, "Putin said");
        assert!(putin.roles.contains(&"president".to_string()));
        assert!(n
            .mentions
            .iter()
            .all(|m| !m.span.text(text).starts_with("Wednesday")));
    }

    #[test]
    fn organisations_keep_their_owner() {
        let text = "A spokesperson for China’s Foreign Ministry said no. China’s Defense Minister Li Shangfu came.";
        let (n, _) = names(text);
        let ministry = entity_at(&n, text, "Foreign Ministry");
        assert_eq!(
            (ministry.name.as_str(), ministry.kind),
            ("China’s Foreign Ministry", EntityKind::Org)
        );
        let li = entity_at(&n, text, "Li Shangfu");
        assert_eq!(li.name, "Li Shangfu");
        assert!(
            li.roles.contains(&"minister".to_string()) && li.roles.contains(&"china".to_string())
        );
    }

    #[test]
    fn roles_resolve_to_people() {
        let text = "Russian President Vladimir Putin met Chinese Premier Li Qiang. Then it rained.";
        let (n, _) = names(text);
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let end = text.len();
        let name = |w: &[String]| n.resolve_role(w, end).map(|e| n.entities[e].name.as_str());
        assert_eq!(name(&words("chinese premier")), Some("Li Qiang"));
        assert_eq!(name(&words("russian president")), Some("Vladimir Putin"));
        assert_eq!(name(&words("russian leader")), Some("Vladimir Putin"));
        assert_eq!(name(&words("premier")), Some("Li Qiang"));
        assert_eq!(name(&words("german chancellor")), None);
    }
}
