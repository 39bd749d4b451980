//! The tense of a sentence, as evidence for placing "Monday" or "in
//! February" before or after the document date.

use super::lexicon::TABLES;

/// Which way a sentence looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reports what happened.
    Past,
    /// Tells what will or is planned to happen.
    Future,
    /// Right after "since": what follows cannot lie ahead.
    Since,
    /// A first plan that was changed ("originally scheduled for Thursday",
    /// "had been originally set for March"): its time may lie on either
    /// side of the DCT, the nearest wins, and a weekday is the coming one
    /// (news of a change comes before the day first set).
    Planned,
    /// What a past request asks for ("urged residents to stay indoors on
    /// Saturday"), when a measure starts ("beginning Wednesday night") or
    /// the plan that was moved ("postponed from Tuesday"):
    /// it may lie on either side of the DCT; the nearest wins, and a weekday
    /// is the closest one.
    Requested,
    /// No cue either way.
    Unknown,
}

/// Reads the cues of `tense.txt` around an expression: the cue nearest to
/// it decides (a word before it and a word after it at the same distance:
/// the one before wins; at the same place, a future cue wins). A
/// lower-case word ending in "-ed" (not "-eed", not after "be") counts as a
/// past cue; a reporting verb only before the expression. A future cue
/// after "had" ("had been due to expire") looked forward from a past time,
/// so it is passed over. A deadline word right before the expression ("by
/// May", "until Thursday") looks forward, unless the sentence is in the
/// past perfect ("had not called him a suspect until Thursday"): then the
/// deadline may lie on either side of the document date, and the nearest
/// wins. `lead` holds the words of the sentence before `before`, read only
/// when a comma closes the clause and `before` holds no cue: "will meet his
/// predecessor, Benedict XVI, at the papal summer residence of Castel
/// Gandolfo on Saturday, the Vatican said".
pub fn of_context(lead: &str, before: &str, after: &str) -> Tense {
    let mut all = words(before);
    if all.last().is_some_and(|w| w.text == "since") {
        return Tense::Since;
    }
    // "imposed a curfew, beginning Wednesday night", "starting on Monday":
    // when a measure starts is, after a past verb, often the next such day
    // and as often the last; the closest wins ("will close for six weeks
    // starting Monday" still looks forward).
    let start_word = |w: &Word| w.lower && matches!(w.text.as_str(), "beginning" | "starting");
    let n = all.len();
    let starts_then = all.last().is_some_and(start_word)
        || (n >= 2 && matches!(all[n - 1].text.as_str(), "on" | "at") && start_word(&all[n - 2]));
    // "races could be moved to Monday", "was moved to Wednesday": the new
    // plan lies ahead. "A primary that party leaders had moved up from
    // February", "the vote, postponed from Tuesday": the first plan, on
    // either side of the DCT.
    match moved_plan(&all) {
        Some("to") => return Tense::Future,
        Some(_) => return Tense::Requested,
        None => {}
    }
    let at = all.len();
    all.extend(words(after));
    // A comma right after the expression closes its clause: "The team,
    // which lost on Sunday, plays again", "The president, who arrives in
    // Paris on Thursday, said". The words before it decide when they hold
    // a cue.
    let clause_tense = if after.trim_start().starts_with(',') {
        match nearest_cue(&all[..at], at) {
            Tense::Unknown if !lead.is_empty() => {
                let mut long = words(lead);
                long.extend(words(before));
                let end = long.len();
                nearest_cue(&long, end)
            }
            tense => tense,
        }
    } else {
        Tense::Unknown
    };
    let tense = match clause_tense {
        Tense::Unknown => nearest_cue(&all, at),
        tense => tense,
    };
    // "The reason is Tuesday's storm": a possessive after "is" names a
    // thing, not when it is set.
    let possessive = all.get(at).is_some_and(|w| w.text == "'s");
    let deadline = TABLES.deadline.iter().any(|d| {
        ends_with(&all[..at], d) && !(possessive && matches!(d[0].as_str(), "is" | "are"))
    });
    let perfect = all.iter().any(|w| w.text == "had");
    // "stayed open until 9 p.m. on Sunday": a state that lasted until a
    // time is over, as a plan set for it ("postponed until Tuesday") is not.
    let lasted = all[..at]
        .iter()
        .any(|w| TABLES.durative_past.contains(&w.text));
    // "The blaze was under control by 9 p.m.", "Many arrived by Tuesday
    // night", "By Wednesday morning, the result was clear": a state reached
    // by a time in the past ("by" opening the sentence, or a past form up
    // to four words before it with no "to" or modal in between), not a
    // deadline ahead ("were told to leave by Friday", "are supposed to
    // conclude by May", "promised a vote on the subsidies by mid-December",
    // "ordered a status report by February 1": a verb of `directive` sets a
    // deadline).
    let reached = all[..at].last().is_some_and(|w| w.text == "by")
        && (at == 1
            || all[..at - 1]
                .iter()
                .rev()
                .filter(|w| !w.in_compound)
                .take(4)
                .take_while(|w| w.text != "to" && !opens_plain_verb(&w.text))
                .any(|w| {
                    !TABLES.directive.contains(&w.text)
                        && (w.text == "was"
                            || w.text == "were"
                            || (w.lower && w.text.len() >= 5 && w.text.ends_with("ed"))
                            || TABLES.past.iter().any(|p| p.len() == 1 && p[0] == w.text))
                }));
    match (deadline, tense) {
        (true, Tense::Past) if perfect || lasted => Tense::Unknown,
        (true, Tense::Past) if reached => Tense::Past,
        (true, _) => Tense::Future,
        (false, Tense::Past | Tense::Unknown) if starts_then => Tense::Requested,
        (false, tense) => tense,
    }
}

/// The tense of the cue nearest to the expression, which stands between
/// `words[..at]` and `words[at..]`.
fn nearest_cue(words: &[Word], at: usize) -> Tense {
    // "told analysts late Monday that prices would rise", "Bush on Tuesday
    // said the U.S. may act": what follows "that" or a reporting verb is
    // the reported clause, with a tense of its own. A reporting verb right
    // after the expression is the expression's own verb.
    let reports = |w: &Word| TABLES.report.iter().any(|r| r.len() == 1 && r[0] == w.text);
    if words.get(at).is_some_and(reports) {
        return Tense::Past;
    }
    // "Forecasters said Saturday would be only slightly cooler": an
    // expression right before a modal is the subject of its clause.
    if words.get(at).is_some_and(|w| {
        matches!(
            w.text.as_str(),
            "will" | "would" | "'ll" | "should" | "must" | "might"
        )
    }) && !words
        .get(at + 1)
        .is_some_and(|w| matches!(w.text.as_str(), "have" | "not"))
    {
        return Tense::Future;
    }
    // "practiced on Friday afternoon and will fly to New Orleans", "opened
    // clinics on Monday and plans to add more": a conjunction before an
    // auxiliary or a verb of intent starts a clause of its own.
    let new_clause =
        |i: usize| {
            matches!(words[i].text.as_str(), "and" | "but")
                && words.get(i + 1).is_some_and(|next| {
                    TABLES.future.iter().any(|phrase| {
                        phrase.len() == 2 && phrase[1] == "to" && phrase[0] == next.text
                    }) || matches!(
                        next.text.as_str(),
                        "will"
                            | "would"
                            | "'ll"
                            | "could"
                            | "should"
                            | "may"
                            | "might"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "has"
                            | "have"
                            | "had"
                    )
                })
        };
    let end = |clauses: bool| {
        (at..words.len())
            .position(|i| {
                let w = &words[i];
                w.text == "that"
                    || reports(w)
                    || (clauses && new_clause(i))
                    // "would hold the vote on Monday unless a deal was
                    // reached": a clause of condition or cause has a tense
                    // of its own.
                    || matches!(
                        w.text.as_str(),
                        "unless" | "if" | "because" | "although" | "though" | "whereas"
                    )
            })
            .map_or(words.len(), |end| at + end)
    };
    // Without a cue in its own clause, the expression takes the tense of
    // the clause joined to it ("The relay moves on to Henley on Wednesday
    // and plans to reach Windsor").
    let (own_clause, joined) = (end(true), end(false));
    match nearest_in(&words[..own_clause], at) {
        Tense::Unknown if own_clause < joined => nearest_in(&words[..joined], at),
        tense => tense,
    }
}

/// The tense of the cue nearest to the expression, which stands between
/// `words[..at]` and `words[at..]`, the words being those of its clause.
fn nearest_in(words: &[Word], at: usize) -> Tense {
    // "Monday's outage", "under a June agreement": a possessive or a date
    // after an article names a thing, which a present progressive ("is
    // recovering from", "is continuing to") does not place ahead.
    let names_a_thing = words.get(at).is_some_and(|w| w.text == "'s")
        || at
            .checked_sub(1)
            .is_some_and(|i| article_or_possessive(&words[i].text));
    for distance in 0..at.max(words.len() - at) {
        // A word inside a hyphenated compound is no verb ("their only
        // face-to-face debate on Monday night", "the long-awaited report").
        if distance < at && !words[at - distance - 1].in_compound {
            let end = at - distance;
            let upto = &words[..end];
            let prev = end.checked_sub(2).map(|i| &words[i]);
            let prev2 = end.checked_sub(3).map(|i| &words[i]);
            // "urged residents to stay indoors on Saturday", "appealed for
            // donors to come forward on Sunday": what a past request asks
            // for may lie on either side of the DCT (not after "had": "had
            // urged 375,000 people to evacuate as early as Monday").
            if upto[end - 1].text == "to" && requested(&upto[..end - 1]) {
                return Tense::Requested;
            }
            // "Unions have called a protest ... at 9.30am on Thursday", "has
            // invited the leaders to Berlin on Monday": what a present
            // perfect asks for may lie on either side of the DCT.
            if TABLES.request.contains(&upto[end - 1].text)
                && prev.is_some_and(|p| matches!(p.text.as_str(), "has" | "have"))
            {
                return Tense::Requested;
            }
            // (Checked only when "originally" is near: the scan is per word.)
            if upto.iter().rev().take(5).any(|w| w.text == "originally")
                && TABLES.future.iter().any(|phrase| {
                    ends_with(upto, phrase) && first_plan(&words[..end - phrase.len()])
                })
            {
                return Tense::Planned;
            }
            let future = TABLES.future.iter().any(|phrase| {
                ends_with(upto, phrase)
                    && !backshifted(&words[..end - phrase.len()])
                    && !compared(&words[..end - phrase.len()])
                    && !causal(&words[end - phrase.len()..])
            }) || TABLES.future_plain.iter().any(|phrase| {
                // A name is no verb ("Land's End on May 19", "the
                // French Open on Sunday").
                ends_with(upto, phrase)
                    && words[end - phrase.len()].lower
                    && !after_to(&words[..end - phrase.len()])
            }) || modal_future(words, end - 1)
                || scheduled_present(words, end - 1)
                || (progressive(words, end - 1) && !names_a_thing);
            if let Some(tense) = cue(
                future,
                |phrase| ends_with(upto, phrase),
                &upto[end - 1],
                (prev, prev2),
            ) && !(tense == Tense::Past
                && noun_follows(&words[end..at])
                && adjective_in_future_clause(upto))
            {
                return tense;
            }
            if TABLES.report.iter().any(|r| ends_with(upto, r)) {
                return Tense::Past;
            }
        }
        let start = at + distance;
        if start < words.len() && !words[start].in_compound {
            let from = &words[start..];
            let starts = |phrase: &[String]| starts_with(from, phrase);
            let prev = (distance > 0).then(|| &words[start - 1]);
            let prev2 = (distance > 1).then(|| &words[start - 2]);
            if first_plan(&words[at..start]) && TABLES.future.iter().any(|phrase| starts(phrase)) {
                return Tense::Planned;
            }
            let future = TABLES.future.iter().any(|phrase| {
                starts(phrase)
                    && !backshifted(&words[at..start])
                    && !compared(&words[..start])
                    && !causal(from)
            }) || TABLES
                .future_plain
                .iter()
                .any(|phrase| starts(phrase) && from[0].lower && !after_to(&words[..start]))
                || modal_future(words, start)
                || scheduled_present(words, start);
            if let Some(tense) = cue(future, starts, &from[0], (prev, prev2)) {
                return tense;
            }
        }
    }
    Tense::Unknown
}

/// True when the word right after a cue (the first of `between`, the words
/// up to the expression) reads as a noun it describes ("classified
/// intelligence briefing on"), not a preposition, an agent's "by" or an
/// adverb ("announced on", "approved by his cabinet", "approved unanimously").
fn noun_follows(between: &[Word]) -> bool {
    between.first().is_some_and(|w| {
        !w.text.ends_with("ly")
            && !matches!(
                w.text.as_str(),
                "on" | "in"
                    | "at"
                    | "by"
                    | "from"
                    | "until"
                    | "for"
                    | "of"
                    | "to"
                    | "the"
                    | "this"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "as"
                    | "with"
                    | "after"
                    | "before"
                    | "during"
            )
    })
}

/// True when the last of `upto` is an "-ed" word inside a clause a modal
/// or "to" opened ("will receive his first classified briefing", "plans to
/// hold an expanded meeting"): an adjective, no past cue. A word that opens
/// another clause ("what", "and") or a past auxiliary in between ends the
/// search ("will testify about what happened").
fn adjective_in_future_clause(upto: &[Word]) -> bool {
    let Some((last, rest)) = upto.split_last() else {
        return false;
    };
    if !last.text.ends_with("ed")
        || TABLES
            .past
            .iter()
            .any(|p| p.len() == 1 && p[0] == last.text)
    {
        return false;
    }
    for w in rest.iter().rev().take(6) {
        match w.text.as_str() {
            word if opens_plain_verb(word) => return true,
            "what" | "which" | "who" | "that" | "when" | "after" | "before" | "because"
            | "since" | "as" | "and" | "but" | "while" | "if" | "was" | "were" | "had" | "did"
            | "has" | "have" => return false,
            _ => {}
        }
    }
    false
}

/// True when the words just before a future cue put it in the past
/// perfect: "had", "had been" ("had been due to expire": the plan is
/// over). "was expected" and "were planning" still look forward.
fn backshifted(preceding: &[Word]) -> bool {
    preceding.iter().rev().take(2).any(|w| w.text == "had")
}

/// "to" or "from" when `before`, the words before an expression, ends
/// with one of them after a verb of `tense.txt` [rescheduled] ("moved to",
/// "moved up from", "postponed from").
fn moved_plan(before: &[Word]) -> Option<&'static str> {
    let (link, verb_words) = before.split_last()?;
    let link = match link.text.as_str() {
        "to" => "to",
        "from" => "from",
        _ => return None,
    };
    verb_words
        .iter()
        .rev()
        .take(2)
        .any(|w| TABLES.rescheduled.contains(&w.text))
        .then_some(link)
}

/// True when a verb of `tense.txt` [request] stands within the last four
/// of `preceding` (the words before an infinitive's "to"), not after
/// "had" or a form of "be" ("are asked to").
fn requested(preceding: &[Word]) -> bool {
    let start = preceding.len().saturating_sub(4);
    (start..preceding.len()).any(|i| {
        TABLES.request.contains(&preceding[i].text)
            && !(i > 0
                && matches!(
                    preceding[i - 1].text.as_str(),
                    "had" | "is" | "are" | "be" | "being"
                ))
    })
}

/// True when "originally" is one of the last two words of `preceding`: the
/// plan after it was changed ("had been originally scheduled for").
fn first_plan(preceding: &[Word]) -> bool {
    preceding
        .iter()
        .rev()
        .take(2)
        .any(|w| w.text == "originally")
}

/// True when `words[i]` is an "-ing" form after "is", "are" or "'re": a
/// present progressive, which news uses for plans ("is meeting with
/// eurozone finance ministers on Monday").
fn progressive(words: &[Word], i: usize) -> bool {
    let word = &words[i];
    word.lower
        && word.text.len() >= 5
        && word.text.ends_with("ing")
        && i.checked_sub(1)
            .is_some_and(|j| matches!(words[j].text.as_str(), "is" | "are" | "'re" | "am" | "'m"))
}

/// True when `words[i]` is a modal of possibility that looks forward: in
/// lower case ("May" is the month), not starting a phrase that looks back
/// ("may have been killed", "could not be reached"), and "could" only
/// before a verb of `could_future` ("could come", not "could hear").
fn modal_future(words: &[Word], i: usize) -> bool {
    let word = &words[i];
    let rest = &words[i..];
    // "could" only before a verb of change ("could come", not "could hear").
    let could_ahead = word.text != "could"
        || rest
            .get(1)
            .is_some_and(|next| TABLES.could_future.contains(&next.text));
    could_ahead
        && word.lower
        && TABLES.modal.contains(&word.text)
        && !TABLES
            .modal_not_future
            .iter()
            .any(|phrase| starts_with(rest, phrase))
}

/// True when `words[i]` is a schedule verb of `present_schedule` in the
/// simple present that agrees with the word before it as its subject: the
/// plain form after a plural, "they"/"we" or a name ("Polls open Tuesday",
/// "United return to action Thursday"), the "-s" form after "he"/"she"/"it",
/// a name or a singular noun after an article ("the company reports
/// earnings on Tuesday", "the Senate votes Friday"). After an article or
/// "to" the word is a noun or an infinitive ("a return on Friday", "to
/// meet"); a plural before the "-s" form makes it a noun ("tax returns",
/// "news reports"), and so does a mark between them ("Alarcon, head of") or
/// an adjective after the article ("the latest reports on Tuesday").
fn scheduled_present(words: &[Word], i: usize) -> bool {
    let word = &words[i];
    if !word.lower || word.after_mark || i == 0 {
        return false;
    }
    // "Campaigning officially ends at 8 p.m. Saturday": an adverb may
    // stand between the subject and its verb.
    let adverb = |w: &Word| w.lower && !w.after_mark && w.text.len() >= 5 && w.text.ends_with("ly");
    let i = if adverb(&words[i - 1]) && i >= 2 {
        i - 1
    } else {
        i
    };
    let subject = &words[i - 1];
    let plain_form = TABLES.present_schedule.contains(word.text.as_str());
    let singular_form = !plain_form
        && [word.text.strip_suffix('s'), word.text.strip_suffix("es")]
            .into_iter()
            .flatten()
            .any(|base| TABLES.present_schedule.contains(base));
    if !plain_form && !singular_form {
        return false;
    }
    let text = subject.text.as_str();
    let ends_in_s = looks_plural(text);
    let subject_like = !TABLES.not_subject.contains(text);
    let plural = matches!(text, "they" | "we") || (ends_in_s && subject_like);
    let name = !subject.lower && !TABLES.weekdays.contains_key(text);
    if plain_form {
        let bare_name = i < 2 || subject.after_mark || !words[i - 2].lower;
        return plural || (name && bare_name) || plural_before_phrase(words, i);
    }
    let after_article = i >= 2 && article_or_possessive(&words[i - 2].text);
    let noun = subject.lower
        && !TABLES.adjective.contains(text)
        && !["al", "ic", "ive", "ous", "est", "ly", "ed"]
            .iter()
            .any(|end| text.ends_with(end));
    // A name may end in "-s" ("Samsung Electronics reports").
    subject_like
        && (matches!(text, "he" | "she" | "it" | "who" | "which")
            || name
            || (!ends_in_s && after_article && noun))
}

/// True when a plural stands before a short phrase of a preposition that
/// ends right before the plain verb at `i`: the verb's subject ("Members of
/// the union vote Wednesday", "Workers at the Flint truck plant vote on
/// Monday").
fn plural_before_phrase(words: &[Word], i: usize) -> bool {
    let Some(preposition) = (i.saturating_sub(6)..i.saturating_sub(1)).rev().find(|&j| {
        matches!(
            words[j].text.as_str(),
            "of" | "at" | "in" | "from" | "on" | "for" | "with"
        )
    }) else {
        return false;
    };
    // No comma or dash inside ("Alarcon, head of"), no infinitive ("fell
    // 50 cents on Friday to close at $20"), no noun ("plans at the start").
    if words[preposition..i].iter().any(|w| w.after_mark)
        || words[i - 1].text == "to"
        || article_or_possessive(&words[i - 1].text)
    {
        return false;
    }
    preposition.checked_sub(1).is_some_and(|k| {
        let text = words[k].text.as_str();
        looks_plural(text) && !TABLES.not_subject.contains(text)
    })
}

/// True when `word` ends like a plural noun: "-s", but not "-ss", "-us",
/// "-is" ("press", "bus", "this") and longer than three letters ("was").
fn looks_plural(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "'s"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// True when `words` start with "due to" meaning "because of": "due to"
/// and a word of `not_future_after_due_to` or a plural noun ("fell in May
/// due to the strike", "due to delays"), not a plan ("due to expire", "due
/// to discuss").
fn causal(words: &[Word]) -> bool {
    let Some([due, to, next]) = words.get(..3) else {
        return false;
    };
    let plural = next.text.ends_with('s') && !next.text.ends_with("ss");
    due.text == "due"
        && to.text == "to"
        && (plural || TABLES.not_future_after_due_to.contains(&next.text))
}

/// True when the words `preceding` end with "than" or "as": a plan or
/// forecast compared with ("higher-than-expected", "as expected", "than
/// planned") says nothing of when the expression lies.
fn compared(preceding: &[Word]) -> bool {
    preceding
        .last()
        .is_some_and(|w| w.text == "than" || w.text == "as")
}

/// True when the words `preceding` end with "to": a plain verb after it
/// is an infinitive ("struggled to meet demand"), not a plural present.
fn after_to(preceding: &[Word]) -> bool {
    preceding.last().is_some_and(|w| w.text == "to")
}

/// True when the words `from` start with `phrase`.
fn starts_with(from: &[Word], phrase: &[String]) -> bool {
    from.len() >= phrase.len() && from.iter().zip(phrase).all(|(w, p)| w.text == *p)
}

/// True when the words `upto` end with `phrase`.
fn ends_with(upto: &[Word], phrase: &[String]) -> bool {
    upto.len() >= phrase.len()
        && upto[upto.len() - phrase.len()..]
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.text == *p)
}

/// True for an article or a possessive pronoun, before which a word is a
/// noun or an adjective, not a verb.
fn article_or_possessive(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
    )
}

/// True for a modal or "to", after which a verb is in its plain form.
fn opens_plain_verb(word: &str) -> bool {
    matches!(
        word,
        "will" | "would" | "'ll" | "shall" | "to" | "can" | "may" | "might" | "must" | "should"
    )
}

/// True for the present forms of "be" and of the verbs like it after which
/// a past participle is passive or an adjective ("will be paid", "is
/// heard", "will stay closed"), not a past tense. "was" and "were" are past
/// cues of their own.
fn is_be(word: &str) -> bool {
    matches!(
        word,
        "be" | "is"
            | "are"
            | "been"
            | "being"
            | "stay"
            | "stays"
            | "remain"
            | "remains"
            | "get"
            | "gets"
    )
}

/// The tense of the cue at one place: `matches` tells whether a phrase
/// (as words) stands there, `word` is the word at that place and `prev`
/// the one before it. A participle after a present or infinitive "be"
/// ("will be published", "is heard") is no past cue, nor is a word in
/// "un-...-ed", an adjective ("a still unspecified date"), nor an "-ed"
/// word after an article or possessive ("an estimated 46 million"). A verb whose
/// past is its present ("hit") is a past cue unless a modal, "to" or an
/// article comes before it ("will hit", "a hit").
fn cue(
    future: bool,
    matches: impl Fn(&[String]) -> bool,
    word: &Word,
    (prev, prev2): (Option<&Word>, Option<&Word>),
) -> Option<Tense> {
    // "to have given", "will have left": a perfect after a modal or "to"
    // looks from a later time, no past cue.
    let perfect_ahead =
        prev.is_some_and(|p| p.text == "have") && prev2.is_some_and(|p| opens_plain_verb(&p.text));
    // "would be disrupted", "would be severely disrupted": a participle
    // after "be", or after "be" and an adverb.
    let after_be = prev.is_some_and(|p| is_be(&p.text))
        || (prev.is_some_and(|p| p.text.len() > 4 && p.text.ends_with("ly"))
            && prev2.is_some_and(|p| is_be(&p.text)));
    let passive = after_be || perfect_ahead;
    // "an estimated 46 million", "its revised forecast": an adjective.
    let determiner = prev.is_some_and(|p| {
        matches!(
            p.text.as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
        )
    });
    let past_form = word.lower
        && word.text.len() >= 5
        && word.text.ends_with("ed")
        && !word.text.ends_with("eed")
        && !word.text.starts_with("un")
        && !determiner;
    let ambiguous_past = word.lower
        && TABLES.ambiguous_past.contains(&word.text)
        && !prev.is_some_and(|p| TABLES.not_past_after.contains(&p.text));
    // "will last 30 days", "to last": after a modal or "to" a past cue
    // word is a verb in the plain form.
    let after_modal = prev.is_some_and(|p| opens_plain_verb(&p.text) || p.text == "could");
    // "during the last two nights of the festival": an adjective.
    let the_last = determiner && word.text == "last";
    let past_cue = !the_last
        && TABLES
            .past
            .iter()
            .any(|cue| matches(cue) && !(after_modal && cue.len() == 1));
    // "Markets are closed on Monday", "the clinics are open Wednesday": a
    // present passive or state is set for a day ahead.
    let present_state = prev.is_some_and(|p| p.text == "is" || p.text == "are")
        && (past_form || past_cue || word.text == "open");
    if future || present_state {
        Some(Tense::Future)
    } else if !passive && (past_form || ambiguous_past || past_cue) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// A word of the context, lower-cased.
struct Word {
    /// The word in lower case.
    text: String,
    /// True when it was written all in lower case (not a name).
    lower: bool,
    /// True when a mark other than a space (a comma, a dash, a quote)
    /// stands between it and the word before.
    after_mark: bool,
    /// True inside a hyphenated compound ("face-to-face", "run-up",
    /// "play-off"): no verb of its own.
    in_compound: bool,
}

/// The words of `text` ("'ll" split off as a word of its own).
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut word = String::new();
    let mut lower = true;
    let mut mark = false;
    // The character before, for hyphens that join words ("face-to-face").
    let mut previous = ' ';
    let push = |out: &mut Vec<Word>, word: &mut String, lower: &mut bool, mark: &mut bool| {
        if !word.is_empty() {
            out.push(Word {
                text: std::mem::take(word),
                lower: *lower,
                after_mark: *mark,
                in_compound: *mark && out.last().is_some_and(|w| w.in_compound),
            });
            *mark = false;
        }
        *lower = true;
    };
    for c in text.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' {
            if c == '\'' {
                push(&mut out, &mut word, &mut lower, &mut mark);
            }
            lower &= !c.is_uppercase();
            word.extend(c.to_lowercase());
        } else {
            let joins = c == '-' && previous.is_alphanumeric() && !word.is_empty();
            push(&mut out, &mut word, &mut lower, &mut mark);
            if joins && let Some(last) = out.last_mut() {
                last.in_compound = true;
            }
            // A full stop inside a sentence ends an abbreviation ("Inc.").
            mark |= !c.is_whitespace() && c != '.';
        }
        previous = c;
    }
    push(&mut out, &mut word, &mut lower, &mut mark);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_cue_decides() {
        assert_eq!(of_context("", "They will meet on ", "."), Tense::Future);
        // A comma closes the clause; with no cue in it, the lead of the
        // sentence is read before the words after the comma.
        assert_eq!(
            of_context(
                "The pope will meet his predecessor, ",
                "at the residence on ",
                ", the Vatican said."
            ),
            Tense::Future
        );
        // Without the lead, nothing tells (a reporting verb after the
        // expression is no cue).
        assert_eq!(
            of_context("", "at the residence on ", ", the Vatican said."),
            Tense::Unknown
        );
        assert_eq!(of_context("", "He said they’ll meet ", "."), Tense::Future);
        assert_eq!(of_context("", "He resigned on ", "."), Tense::Past);
        assert_eq!(
            of_context("", "Talks with the union on ", "."),
            Tense::Unknown
        );
        // A present "is"/"are" right before the date sets it ahead.
        assert_eq!(of_context("", "The talks are on ", "."), Tense::Future);
        assert_eq!(of_context("", "The deadline is ", "."), Tense::Future);
        assert_eq!(of_context("", "The deadline was ", "."), Tense::Past);
        // A deadline after a past state that lasted is over; one set is not.
        assert_eq!(
            of_context("", "Polls stayed open until ", "."),
            Tense::Unknown
        );
        assert_eq!(
            of_context("", "Officials postponed until ", " any action."),
            Tense::Future
        );
        assert_eq!(
            of_context("", "The reason for the delay is ", "'s storm."),
            Tense::Unknown
        );
        // "said" is nearer than "will"; "will" nearer than "said".
        assert_eq!(
            of_context("", "Officials who will vote said ", " that it failed."),
            Tense::Past
        );
        assert_eq!(
            of_context("", "He said the board will meet ", "."),
            Tense::Future
        );
        // The clause after "that" has a tense of its own.
        assert_eq!(
            of_context(
                "",
                "She told analysts on a call late ",
                " that inventory would normalize."
            ),
            Tense::Past
        );
        // A reporting verb right after the expression is its own verb;
        // what the report says has its own tense.
        assert_eq!(
            of_context("", "President Bush on ", " said the U.S. may act."),
            Tense::Past
        );
        assert_eq!(
            of_context("", "The plant reopens ", ", officials said they would act."),
            Tense::Future
        );
        assert_eq!(
            of_context("", "Cuts loom before ", ", he said, and might come."),
            Tense::Unknown
        );
        assert_eq!(of_context("", "Cuts might come in ", "."), Tense::Future);
        // Before wins a tie with after.
        assert_eq!(
            of_context("", "It closed ", " and will reopen"),
            Tense::Past
        );
        // A reporting verb after the expression, or a name in "-ed", is no cue.
        assert_eq!(
            of_context("", "He will leave at ", ", Castro said."),
            Tense::Future
        );
        assert_eq!(
            of_context("", "He will fly to the United States ", "."),
            Tense::Future
        );
    }

    #[test]
    fn the_past_perfect_looks_back_on_plans() {
        // "had been due": the plan lies in the past.
        assert_eq!(
            of_context("", "The contract had been due to expire ", "."),
            Tense::Past
        );
        // "was expected" still looks forward from then.
        assert_eq!(
            of_context("", "The vote was expected to take place ", "."),
            Tense::Future
        );
        // A decision or promise to do something looks forward.
        assert_eq!(
            of_context("", "NATO has decided to admit Poland in ", "."),
            Tense::Future
        );
        // A deadline looks forward, except in the past perfect.
        assert_eq!(of_context("", "It closed until ", "."), Tense::Future);
        assert_eq!(
            of_context("", "Police had not named him a suspect until ", "."),
            Tense::Unknown
        );
    }

    #[test]
    fn participles_after_be_and_adjectives_in_un_ed_are_no_past_cue() {
        // A present passive is set for a day ahead ("is heard Monday").
        assert_eq!(of_context("", "The case is heard ", "."), Tense::Future);
        assert_eq!(of_context("", "The case was heard ", "."), Tense::Past);
        assert_eq!(
            of_context("", "The bonus would be paid ", "."),
            Tense::Future
        );
        assert_eq!(
            of_context("", "They talk on a still unspecified day, ", "."),
            Tense::Unknown
        );
        assert_eq!(
            of_context("", "Prices have risen since ", "."),
            Tense::Since
        );
        assert_eq!(of_context("", "Prices rose since early ", "."), Tense::Past);
        // A past that is also a present: past, unless a modal comes first.
        assert_eq!(of_context("", "Inflation hit 9.1% in ", "."), Tense::Past);
        assert_eq!(
            of_context("", "Prices will hit a peak in ", "."),
            Tense::Future
        );
        assert_eq!(
            of_context("", "Factories are going to get beat up in ", "."),
            Tense::Future
        );
    }

    #[test]
    fn words_split_on_anything_but_letters_digits_and_apostrophes() {
        let got: Vec<(String, bool)> = words("They’ll go, e.g. now")
            .into_iter()
            .map(|w| (w.text, w.lower))
            .collect();
        let expected = [
            ("they", false),
            ("'ll", true),
            ("go", true),
            ("e", true),
            ("g", true),
            ("now", true),
        ];
        assert_eq!(got, expected.map(|(w, l)| (w.to_string(), l)));
    }

    #[test]
    fn words_know_marks_and_compounds() {
        let got: Vec<(String, bool, bool)> = words("a face-to-face talk, U.S. Inc. - held")
            .into_iter()
            .map(|w| (w.text, w.after_mark, w.in_compound))
            .collect();
        let expected = [
            ("a", false, false),
            ("face", false, true),
            ("to", true, true),
            ("face", true, true),
            ("talk", false, false),
            ("u", true, false),
            ("s", false, false),
            ("inc", false, false),
            ("held", true, false),
        ];
        assert_eq!(got, expected.map(|(w, m, c)| (w.to_string(), m, c)));
    }
}
