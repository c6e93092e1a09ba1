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

use super::names::{is_title_noun, EntityKind, Names};
use super::{Quote, QuoteKind};
use crate::span::Span;
use crate::text::tokens::{is_stopword, Token, TokenKind};
use crate::text::Document;

/// Irregular and fixed forms of verbs that attribute speech.
const REPORTING_FORMS: &[&str] = &[
    "according",
    "said",
    "says",
    "told",
    "wrote",
    "writes",
    "spoke",
    "speaks",
    "put",
    "puts",
    "read",
    "reads",
];

/// Base forms of verbs that attribute speech; inflections are derived.
const REPORTING_LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "allow",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "beam",
    "blast",
    "boast",
    "brag",
    "brand",
    "call",
    "caution",
    "chant",
    "characterize",
    "charge",
    "cite",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "concur",
    "confide",
    "confirm",
    "contend",
    "continue",
    "counsel",
    "counter",
    "crack",
    "criticize",
    "cry",
    "declare",
    "define",
    "demand",
    "deny",
    "describe",
    "dub",
    "echo",
    "elaborate",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "fume",
    "gripe",
    "grumble",
    "gush",
    "hail",
    "implore",
    "inquire",
    "insist",
    "interject",
    "interrupt",
    "joke",
    "label",
    "lament",
    "lash",
    "laugh",
    "list",
    "maintain",
    "marvel",
    "mention",
    "mock",
    "murmur",
    "muse",
    "mutter",
    "note",
    "object",
    "observe",
    "offer",
    "plead",
    "pledge",
    "point",
    "posit",
    "post",
    "praise",
    "predict",
    "press",
    "proclaim",
    "promise",
    "protest",
    "query",
    "quip",
    "quote",
    "rail",
    "rant",
    "reason",
    "reassure",
    "recall",
    "recite",
    "recount",
    "reflect",
    "reiterate",
    "relate",
    "remark",
    "reminisce",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scold",
    "scream",
    "shout",
    "sigh",
    "slam",
    "snap",
    "speculate",
    "state",
    "stress",
    "suggest",
    "summarize",
    "swear",
    "tease",
    "tell",
    "testify",
    "text",
    "theorize",
    "thunder",
    "tout",
    "tweet",
    "underline",
    "urge",
    "volunteer",
    "vow",
    "warn",
    "welcome",
    "whisper",
    "wonder",
    "worry",
    "write",
    "yell",
];

/// Verbs that attribute speech, in every inflection used in news.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    if REPORTING_FORMS.contains(&word) {
        return true;
    }
    let lemma = |w: &str| REPORTING_LEMMAS.binary_search(&w).is_ok();
    let strip = |suffix: &str, add: &str, ok: &dyn Fn(&str) -> bool| {
        word.strip_suffix(suffix)
            .is_some_and(|base| !base.is_empty() && ok(&format!("{base}{add}")))
    };
    lemma(word)
        || strip("s", "", &lemma)
        || strip("es", "", &lemma)
        || strip("ies", "y", &lemma)
        || strip("ed", "", &lemma)
        || strip("d", "", &lemma)
        || strip("ing", "", &lemma)
        || strip("ing", "e", &lemma)
        || strip("ied", "y", &lemma)
        // doubled consonant: "dubbed", "quipped"
        || word.len() > 4
            && word.ends_with("ed")
            && word.get(..word.len() - 3).is_some_and(lemma)
}

/// The bare or -s form of a reporting verb that is a common noun too
/// ("a lunch counter", "the reports", but "Viguerie notes").
fn is_noun_form(word: &str) -> bool {
    let noun = |w: &str| NOUNS_TOO.binary_search(&w).is_ok();
    noun(word)
        || word.strip_suffix('s').is_some_and(noun)
        || word.strip_suffix("es").is_some_and(noun)
        || word
            .strip_suffix("ies")
            .is_some_and(|b| noun(&format!("{b}y")))
}

/// Reporting lemmas that are also common nouns (sorted).
const NOUNS_TOO: &[&str] = &[
    "answer", "beam", "blast", "brand", "call", "chant", "charge", "claim", "comment", "counsel",
    "counter", "crack", "cry", "demand", "echo", "estimate", "joke", "label", "laugh", "list",
    "mention", "mock", "note", "object", "offer", "plead", "point", "post", "praise", "press",
    "promise", "protest", "query", "quip", "quote", "rail", "reason", "repeat", "reply", "report",
    "retort", "scream", "sigh", "slam", "snap", "state", "text", "thunder", "tout", "tweet", "vow",
    "welcome", "whisper", "worry",
];

/// Participles like "saying" attribute to the sentence's subject.
fn is_participle(word: &str) -> bool {
    word.ends_with("ing") && word != "according"
}

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Words after which a title abbreviation's full stop is not a sentence end.
fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "sgt"
            | "st"
            | "jr"
            | "sr"
            | "maj"
            | "capt"
            | "adm"
            | "prof"
            | "rev"
            | "pres"
            | "atty"
            | "supt"
    ) || word.chars().count() == 1
}

/// Sets `speaker` and `speaker_span` on each quote (sorted by start).
pub(crate) fn attribute(text: &str, doc: &Document, names: &Names, quotes: &mut [Quote]) {
    let mut ctx = Context {
        text,
        doc,
        names,
        quotes_spans: quotes.iter().map(|q| q.span).collect(),
        focus: None,
        focus_paragraph: None,
        focus_sentence: 0,
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
            if let Some(found) = ctx.transcript_speaker(quote_span) {
                quotes[q].speaker = Some(found.0);
                quotes[q].speaker_span = Some(found.1);
                carry = None;
                q += 1;
                continue;
            }
            // A few words quoted in narrative are attributed by the verb
            // before them; a whole remark mostly by what follows it.
            let mut found = if matches!(quotes[q].kind, QuoteKind::Partial | QuoteKind::Title) {
                ctx.before_quote(tokens, quote_span)
                    .or_else(|| ctx.after_quote(quote_span, para.span.end))
            } else {
                ctx.after_quote(quote_span, para.span.end)
                    .or_else(|| ctx.before_quote(tokens, quote_span))
            }
            .or_else(|| {
                // "according to X" near the quote, not anywhere in a
                // sentence that may hold thousands of quotes.
                let at = tokens.partition_point(|t| t.span.end <= quote_span.start);
                let to = tokens.partition_point(|t| t.span.start < quote_span.end);
                ctx.according_to(&tokens[at.saturating_sub(80)..(to + 60).min(tokens.len())])
            });
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
            if found.is_none() && quotes[q].kind == QuoteKind::Full && opens_sentence {
                // A remark standing alone right after a sentence about its
                // speaker, in the same paragraph.
                if let (Some(entity), Some(p)) = (ctx.focus, ctx.focus_paragraph) {
                    if p == sentence.paragraph && ctx.focus_sentence + 1 == si {
                        let name = names.entities[entity].name.clone();
                        found = Some((name, quote_span));
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
                .before_quote(&tokens, end)
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
        let closes = text[quote.span.end..doc.paragraphs[p].span.end]
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
    /// The person in focus (entity index).
    focus: Option<usize>,
    /// The paragraph and sentence where the focus was last named.
    focus_paragraph: Option<usize>,
    focus_sentence: usize,
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

impl Context<'_> {
    fn word(&self, t: &Token) -> String {
        self.doc.form(t).to_string()
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
        let after_determiner = matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "this"
                | "following"
                | "same"
                | "whose"
                | "my"
                | "your"
                | "no"
                | "any"
                | "every"
        ) && before.ends_with(|c: char| c.is_alphanumeric());
        let word = self.word(t);
        // A noun-like form is a verb only after its subject: "Viguerie
        // notes", "he points out".
        let noun_ok = !is_noun_form(&word)
            || prev_raw_capitalised(before)
            || matches!(prev.as_str(), "he" | "she" | "they" | "it" | "who" | "also");
        t.is_word()
            && case_ok
            && !after_determiner
            && noun_ok
            && is_reporting_verb(&word)
            && self.names.covering(t.span).is_none()
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

    /// The tokens after a quote up to the end of its clause: the closing
    /// marks skipped, stopping at the sentence end or the next quote.
    fn tail(&self, quote: Span, para_end: usize, max: usize) -> Vec<Token> {
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
                        .is_some_and(|p| is_title_abbreviation(&self.word(p)))
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
                self.word(&t).as_str(),
                "but" | "while" | "whereas" | "because" | "although"
            ) || matches!(self.word(&t).as_str(), "and" | "or")
                && self.text[t.span.end..para_end]
                    .trim_start()
                    .starts_with(char::is_uppercase)
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

    /// `,” X said` / `,” said X` / `,” X, the role, said` after the quote.
    fn after_quote(&mut self, quote: Span, para_end: usize) -> Found {
        let window = self.tail(quote, para_end, 40);
        let words: Vec<Token> = window
            .iter()
            .copied()
            .filter(|t| t.kind != TokenKind::Punct)
            .collect();
        let Some(verb) = words.iter().take(16).position(|t| self.is_verb(t)) else {
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
                opener.as_str(),
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
            if is_participle(&verb_word) || not_subject {
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
                .find(|t| !matches!(self.word(t).as_str(), "and" | "or"))?;
            let m = self.names.starting_at(first.span.start)?;
            let comma_after = window
                .iter()
                .any(|t| t.text(self.text) == "," && t.span.start == m.span.end);
            comma_after.then(|| (self.names.entities[m.entity].name.clone(), m.span))
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
        self.promote(found.1);
        Some(found)
    }

    /// The subject right before a verb: skip adverbs and time words, then
    /// a name, a pronoun or a role phrase ending there.
    fn subject_before(&self, before: &[Token]) -> Found {
        let mut end = before.len();
        // "asked the crowd to welcome": an infinitive is not the attribution,
        // but "went on to say" is.
        if end > 0 && self.word(&before[end - 1]) == "to" {
            let lead: Vec<String> = before[..end - 1]
                .iter()
                .rev()
                .take(2)
                .map(|t| self.word(t))
                .collect();
            let continues = matches!(
                lead.first().map(String::as_str),
                Some("continued" | "continues" | "went" | "goes" | "go" | "going")
            ) || lead.first().is_some_and(|w| w == "on")
                && matches!(
                    lead.get(1).map(String::as_str),
                    Some("went" | "goes" | "go" | "going")
                );
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
            ) || crate::text::tokens::is_weekday(&w)
                || w.ends_with("ly") && w.len() > 4;
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
    fn before_quote(&mut self, tokens: &[Token], quote: Span) -> Found {
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
            if let Some(m) = head.last().and_then(|t| self.names.ending_at(t.span.end)) {
                let opens = head.first().is_some_and(|t| t.span.start == m.span.start);
                if opens || colon + 2 >= before.len() && !has_verb {
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
            .rev()
            .take(8)
            .filter(|q| q.end <= quote.start && q.end > tokens.first().map_or(0, |t| t.span.start))
            .map(|q| q.end)
            .max();
        for &vi in verbs.iter().rev() {
            // "issued a statement calling the test “…”": a participle's
            // subject is the sentence's, not the noun before it.
            if is_participle(&self.word(&before[vi])) {
                // "Spicer said, adding, “…”": the earlier verb's subject.
                let earlier = verbs
                    .iter()
                    .rev()
                    .filter(|&&e| e < vi && !is_participle(&self.word(&before[e])))
                    .find_map(|&e| self.subject_before(&before[..e]));
                if let Some(found) =
                    earlier.or_else(|| self.sentence_subject(tokens, before[vi].span.start))
                {
                    return Some(found);
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
        if PRONOUNS.contains(&self.word(first).as_str()) {
            return self.pronoun(first.span);
        }
        None
    }

    /// A quote opening with an upper-case name and a colon, as transcripts
    /// do: the name, linked to the report's full name when there is one.
    fn transcript_speaker(&self, quote: Span) -> Found {
        let inner = quote.text(self.text);
        let colon = inner.find(':')?;
        let name = &inner[..colon];
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
        Some((
            linked.map_or_else(|| name.to_string(), |e| e.name.clone()),
            span,
        ))
    }

    /// The first person or organisation named in the sentence before
    /// `limit`, outside prepositional phrases and possessives.
    fn sentence_subject(&self, tokens: &[Token], limit: usize) -> Found {
        self.sentence_subject_from(tokens, tokens.first()?.span.start, limit)
    }

    /// [`Self::sentence_subject`] between byte offsets `from` and `limit`.
    fn sentence_subject_from(&self, tokens: &[Token], from: usize, limit: usize) -> Found {
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
        // "the commission said", "Another person tweeted": a determiner and
        // at most two more words ending in a plain noun.
        let k = tokens.len();
        let noun_like = last.is_word()
            && last.text(self.text).starts_with(char::is_lowercase)
            && w.len() > 2
            && !is_stopword(&w)
            && !w.ends_with("ly");
        if noun_like && !is_title_noun(&w) {
            for back in 2..=4.min(k) {
                let det = self.word(&tokens[k - back]);
                if matches!(
                    det.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "another"
                        | "one"
                        | "some"
                        | "many"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "this"
                        | "that"
                        | "several"
                ) {
                    let np = &tokens[k - back..];
                    if np.iter().all(|t| t.is_word()) {
                        return self.resolve_np(np);
                    }
                    break;
                }
            }
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

    /// He or she: a person named earlier in the same sentence as its
    /// subject ("Although Weiner admitted …, he claimed"), else the person
    /// in focus.
    fn pronoun(&self, span: Span) -> Found {
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
    fn resolve_np(&self, tokens: &[Token]) -> Found {
        let first = tokens.first()?;
        let last = tokens.last()?;
        let span = Span::new(first.span.start, last.span.end);
        if tokens.len() == 1 && PRONOUNS.contains(&self.word(first).as_str()) {
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
        // Only a plain noun phrase ("two officials", "central bank"), never
        // a stretch of clause ("often in his campaign, and").
        let plain = words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
                && (!is_stopword(w)
                    || matches!(
                        w.as_str(),
                        "of" | "for" | "those" | "these" | "his" | "her" | "their" | "its" | "our"
                    ))
        }) && tokens.iter().all(|t| t.text(self.text) != ",");
        let has_noun = plain
            && words
                .iter()
                .any(|w| w.chars().all(char::is_alphabetic) && w.len() > 2)
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
            self.promoted[m.entity] = true;
        }
    }

    fn is_person(&self, entity: usize) -> bool {
        self.names.entities[entity].kind == EntityKind::Person || self.promoted[entity]
    }

    /// The first person named in the sentence outside a prepositional
    /// Returns whether the sentence is about the person in focus: it names
    /// a subject, or opens with a pronoun for the one already in focus.
    fn update_focus(&mut self, sentence: usize, tokens: &[Token]) -> bool {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return false;
        };
        let here = self.names.between(first.span.start, last.span.end);
        let subject = here
            .iter()
            .filter(|m| m.sentence == sentence && !m.after_preposition && !m.possessive)
            .filter(|m| !self.in_quote(m.span))
            .find(|m| self.is_person(m.entity));
        if let Some(m) = subject {
            self.focus = Some(m.entity);
            return true;
        }
        // "He said …" keeps the focus; a new named person elsewhere in the
        // sentence takes it only when no pronoun subject opens the sentence.
        let opens_with_pronoun = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| PRONOUNS.contains(&self.word(t).as_str()));
        if opens_with_pronoun {
            return self.focus.is_some();
        }
        if let Some(m) = here
            .iter()
            .filter(|m| m.sentence == sentence && !m.possessive)
            .find(|m| self.is_person(m.entity))
        {
            self.focus = Some(m.entity);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::analyze(text, 0);
        let names = Names::find(text, &doc);
        let mut qs = quotes::find(text, &doc, &quotes::QuoteMarks::ALL);
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
            ("The report called it a “no limits” partnership.", &["report"]),
            ("“Nobody knows,” it said.", &[""]),
            ("Li said China would strengthen “all-round cooperation” and stressed ties.", &["Li"]),
            ("Vladimir Putin met with Chinese premier Li Qiang Wednesday.\n“Relations are high,” said Li.", &["Li Qiang"]),
            ("''Your letter is wrong,'' Mr. Coll wrote. ''I have concluded otherwise.''", &["Coll", "Coll"]),
            ("“It was nice,” added his campaign manager Jeff Weaver, speaking to CNN.", &["Jeff Weaver"]),
            ("“Not us!” Mike Murphy, the head of Right to Rise USA, tweeted on Friday.", &["Mike Murphy"]),
            ("Eric Fehrnstrom, a former adviser to Romney, said it is almost “impossible to catch up.”", &["Eric Fehrnstrom"]),
            ("Later, Donald Trump returned the compliment, telling Reuters, “Sheldon is an amazing man.”", &["Donald Trump"]),
            ("“Cruz could win in a landslide,” Viguerie concludes.", &["Viguerie"]),
            ("“If there had not been that intervention” by the United States and others, Hillary Clinton said, “we would be worse off.”", &["Hillary Clinton", "Hillary Clinton"]),
            ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance.", &["Graham"]),
            ("“I will fight,” Maria Espinoza said.\n“I am a proven champion.”\nThe race goes on.", &["Maria Espinoza", "Maria Espinoza"]),
            ("Trump said the rally was huge.\n“Nobody expected it.”\nCritics disagreed.", &[""]),
            ("Loretta Lynch announced the lawsuit on Monday. “We are seeking a court order today.”", &["Loretta Lynch"]),
            ("Donald Trump accused Ted Cruz of being “very queasy” on the issue.", &["Donald Trump"]),
            ("The two countries have a “no limits” partnership.", &[""]),
            ("Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US.", &["Trump"]),
            ("Reince Priebus later told Fox News: “Both are meeting next week.”", &["Reince Priebus"]),
            ("During the debate, Hillary Clinton cracked, “I'm a progressive who likes to get things done.”", &["Hillary Clinton"]),
            ("The debate went on.\n“Americans are worried about their kids.”\n- Bernie Sanders.\nThe senator is wrong.", &["Bernie Sanders"]),
            ("Hillary Clinton, during a town hall in Columbus, Ohio, said she was “going to put miners out of business.”", &["Hillary Clinton"]),
            ("Ted Cruz accuses Obama of “leading from behind” and Donald Trump says he's “losing the war.”", &["Ted Cruz", "Donald Trump"]),
            ("Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean, the former governor, proclaimed.", &["Howard Dean", "Howard Dean"]),
            ("“There won't be a path,” said one of those advisers, who spoke anonymously.", &["one of those advisers"]),
            ("“Cruz appeals to Reagan Democrats,” Richard Viguerie notes.", &["Richard Viguerie"]),
            ("Paul Ryan and Donald Trump will meet next week, Sean Spicer said, adding, “They need to talk.”", &["Sean Spicer"]),
            ("Perhaps it is ironic, given the efforts — which Apple's chief executive, Tim Cook, called “total political crap” — to tax it.", &["Tim Cook"]),
            ("After the meeting, the Security Council issued a statement calling the test “a clear violation” of law.", &["Security Council"]),
            ("In a White House statement, President Barack Obama condemned the test as “provocative” today.", &["Barack Obama"]),
            ("Acts of protest, Barack Obama said, are patriotic, whether sitting at a lunch counter or wearing a shirt with the words “I can't breathe,” he said.", &["Barack Obama"]),
            ("“The cause has not been determined,” said NYPD Commissioner James O’Neill.", &["James O’Neill"]),
            ("Japan branded North Korea an “outlaw nation in the neighborhood.” Russia insisted that Pyongyang stop.", &["Japan"]),
            ("Bernie Sanders made the following comment:\n“For young people it is hard.”", &["Bernie Sanders"]),
            ("Tom Scott beamed and asked the crowd to welcome the governor - “my new best friend.”", &["Tom Scott"]),
            ("Bemoaning the “phony system,” Donald Trump accused Lester Holt of bias.", &["Donald Trump"]),
            ("Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\nLindsey Graham spoke on Monday.", &["Lindsey Graham"]),
            ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.", &["G.K. Butterfield"]),
            ("Governor John Kasich resisted: “Governors do not have the power.”", &["John Kasich"]),
            ("That, the commission said, “would be helpful in avoiding uncertainty.”", &["commission"]),
            ("“I have never been prouder,” former State policy director Anne-Marie Slaughter wrote.", &["Anne-Marie Slaughter"]),
            ("Donald Trump issued the following statement:\n“Our prayers are with all those affected.”", &["Donald Trump"]),
            ("“We cannot have that,” Rep. John Mica (R-Fla.) said. “It destroys us.”", &["John Mica", "John Mica"]),
            ("Russia insisted that Pyongyang “stop its dangerous escapades.” The Atomic Energy Agency said more.", &["Russia"]),
            ("Mike Pence spoke.\n“PENCE: Gennifer Flowers will not be attending.", &["Mike Pence"]),
            ("The debate ended late.\n“Tonight showed Trump for who he really is.” ― Martha Aguilar", &["Martha Aguilar"]),
            ("Trump has used the phrase “Islamic terrorism” often in his campaign, and criticized Obama.", &["Trump"]),
            ("Hillary Clinton met Bernie Sanders.\nAlthough Anthony Weiner admitted they had “been friends for some time,” he claimed they never met.", &["Anthony Weiner"]),
            ("Sen. Elizabeth Warren (D-MA) said Donald Trump was a “proven failure” in business.", &["Elizabeth Warren"]),
            ("In a clip that Judge Michael Mosman called “distasteful,” Pete Santilli expressed a desire to “shoot” her.", &["Michael Mosman", "Pete Santilli"]),
            ("Hillary Clinton says Americans are “right to be angry,” but also hungry for what she calls “real solutions.”", &["Hillary Clinton", "Hillary Clinton"]),
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
        for w in [
            "met", "traveled", "is", "the", "sing", "add-on", "ed", "s", "ꞏéed", "日本ed",
        ] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }

    #[test]
    fn lemmas_sorted() {
        assert!(REPORTING_LEMMAS.windows(2).all(|w| w[0] < w[1]));
    }
}
