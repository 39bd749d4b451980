//! The event and relation stages on short sentences of many kinds, run through
//! the whole annotation pipeline. Each expectation was checked by hand against
//! the sentence.

use chrono::NaiveDate;
use chronograph::annotation::{Annotated, Certainty, DateSource, Event};
use chronograph::document::DctSource;
use chronograph::{Document, pipeline};

fn annotate(text: &str, dct: &str) -> (Document, Annotated) {
    let dct: NaiveDate = dct.parse().expect("test DCT");
    let document = Document::from_text("t", text).with_dct(dct, DctSource::Option);
    let annotated = pipeline::annotate(&document);
    (document, annotated)
}

fn event<'a>(annotated: &'a Annotated, lemma: &str) -> &'a Event {
    annotated
        .events
        .iter()
        .find(|e| e.lemma == lemma)
        .unwrap_or_else(|| panic!("no {lemma} event in {:#?}", annotated.events))
}

/// `name (role)` for each participant, in order.
fn participants(annotated: &Annotated, event: &Event) -> Vec<String> {
    event
        .participants
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                annotated.entities[p.entity].canonical,
                p.role.as_str()
            )
        })
        .collect()
}

fn place(annotated: &Annotated, event: &Event) -> Option<String> {
    event.place.map(|p| annotated.entities[p].canonical.clone())
}

fn date(event: &Event) -> Option<&str> {
    event.date.as_ref().map(|d| d.value.as_str())
}

#[test]
fn active_verb_takes_agent_target_place_and_date() {
    let (_, a) = annotate(
        "Israel attacked Hezbollah in Beirut on March 3, 2019.",
        "2019-03-10",
    );
    let e = event(&a, "attack");
    assert_eq!(e.kind, "attack");
    assert_eq!(
        participants(&a, e),
        vec!["Israel (agent)", "Hezbollah (target)"]
    );
    assert_eq!(place(&a, e).as_deref(), Some("Beirut"));
    assert_eq!(date(e), Some("2019-03-03"));
    assert_eq!(e.date.as_ref().map(|d| d.source), Some(DateSource::Stated));
    assert_eq!(e.certainty, Certainty::Asserted);
}

#[test]
fn passive_verb_swaps_roles_and_by_gives_the_agent() {
    let (_, a) = annotate(
        "Qasem Soleimani was killed by the United States in January 2020.",
        "2023-01-24",
    );
    let e = event(&a, "kill");
    assert_eq!(e.kind, "killing");
    assert_eq!(
        participants(&a, e),
        vec!["United States (agent)", "Qasem Soleimani (target)"]
    );
    assert_eq!(date(e), Some("2020-01"));
}

#[test]
fn hedges_negations_futures_and_questions_set_certainty() {
    let (_, a) = annotate(
        "Russia may have attacked the pipeline in 2022.",
        "2023-01-24",
    );
    assert_eq!(event(&a, "attack").certainty, Certainty::Hedged);
    let (_, a) = annotate("Germany did not sign the treaty.", "2023-01-24");
    assert_eq!(event(&a, "sign").certainty, Certainty::Negated);
    let (_, a) = annotate(
        "Microsoft will launch the console next month.",
        "2020-05-10",
    );
    let e = event(&a, "launch");
    assert_eq!(e.certainty, Certainty::Future);
    assert_eq!(date(e), Some("2020-06"));
    let (_, a) = annotate("Did Russia attack Ukraine in 2014?", "2023-01-24");
    assert_eq!(event(&a, "attack").certainty, Certainty::Hedged);
    let (_, a) = annotate("Reportedly, Iran seized the tanker.", "2023-01-24");
    assert_eq!(event(&a, "seize").certainty, Certainty::Hedged);
}

#[test]
fn a_question_does_not_hedge_what_its_after_clause_presupposes() {
    let (_, a) = annotate(
        "Did the CIA help the agents after Mossad had pulled off the heist?",
        "2023-01-24",
    );
    assert_eq!(event(&a, "help").certainty, Certainty::Hedged);
    assert_eq!(event(&a, "heist").certainty, Certainty::Asserted);
}

#[test]
fn nominalisations_take_possessor_or_by_as_agent_and_of_as_target() {
    let (_, a) = annotate(
        "The assassination of Mohsen Fakhrizadeh in November 2020 shocked Iran.",
        "2023-01-24",
    );
    let e = event(&a, "assassinate");
    assert_eq!(participants(&a, e)[0], "Mohsen Fakhrizadeh (target)");
    assert_eq!(date(e), Some("2020-11"));

    let (_, a) = annotate(
        "Egypt's attack on Israel began in October 1973.",
        "2023-01-24",
    );
    let e = event(&a, "attack");
    assert_eq!(
        participants(&a, e),
        vec!["Egypt (agent)", "Israel (target)"]
    );
    assert_eq!(date(e), Some("1973-10"));
}

#[test]
fn the_person_of_a_title_phrase_is_the_target_not_their_country() {
    let (_, a) = annotate(
        "Gunmen assassinated Iran nuclear chief Mohsen Fakhrizadeh in November 2020.",
        "2023-01-24",
    );
    let e = event(&a, "assassinate");
    let names = participants(&a, e);
    assert!(
        names.contains(&"Mohsen Fakhrizadeh (target)".to_string()),
        "{names:?}"
    );
    assert!(!names.contains(&"Iran (target)".to_string()), "{names:?}");
}

#[test]
fn each_trigger_takes_the_date_in_its_own_stretch_of_the_sentence() {
    let (_, a) = annotate(
        "The operations were sabotaging facilities at Natanz in July 2020 and assassinating \
         Mohsen Fakhrizadeh in November 2020.",
        "2023-01-24",
    );
    assert_eq!(date(event(&a, "sabotage")), Some("2020-07"));
    assert_eq!(place(&a, event(&a, "sabotage")).as_deref(), Some("Natanz"));
    assert_eq!(date(event(&a, "assassinate")), Some("2020-11"));
}

#[test]
fn a_year_that_modifies_a_noun_dates_only_the_event_it_names() {
    let (_, a) = annotate(
        "Gunmen attacked tourists near the fabled 11th century temple complex.",
        "2023-01-24",
    );
    assert_eq!(date(event(&a, "attack")), None);
    let (_, a) = annotate(
        "The company sold its 1990s headquarters in March 2015.",
        "2023-01-24",
    );
    assert_eq!(date(event(&a, "sell")), Some("2015-03"));
    let (_, a) = annotate(
        "The 2018 heist of the archive shocked Tehran.",
        "2023-01-24",
    );
    assert_eq!(date(event(&a, "heist")), Some("2018"));
    let (_, a) = annotate("Rebels attacked the town in 1998 and fled.", "2023-01-24");
    assert_eq!(date(event(&a, "attack")), Some("1998"), "an adverbial year");
}

#[test]
fn a_possessive_date_dates_the_noun_it_owns() {
    // DCT Monday 2011-01-17: "Monday's" is that day and dates the
    // announcement only; "the past decade" is a length (P10Y), no date.
    let (_, a) = annotate(
        "Monday's email announcement marked the third time in the past decade that he took leave.",
        "2011-01-17",
    );
    assert_eq!(date(event(&a, "announce")), Some("2011-01-17"));
    assert_eq!(date(event(&a, "leave")), None);
}

#[test]
fn a_date_past_a_comma_belongs_to_the_gapped_clause_after_it() {
    let (_, a) = annotate(
        "In 1990 Acme opened a plant in Ohio, in 1995 a second one in Texas.",
        "2023-01-24",
    );
    assert_eq!(date(event(&a, "open")), Some("1990"));
    // Without a date of its own before it, the trigger takes the one after.
    let (_, a) = annotate("Acme opened a plant in Ohio, in 1995.", "2023-01-24");
    assert_eq!(date(event(&a, "open")), Some("1995"));
}

#[test]
fn a_barer_telling_of_the_same_dated_event_is_kept_once() {
    let (_, a) = annotate(
        "Rebels attacked Kandahar in March 2019. The attack was condemned. \
         Officials said the attack in March 2019 was planned.",
        "2023-01-24",
    );
    let attacks: Vec<&Event> = a.events.iter().filter(|e| e.lemma == "attack").collect();
    assert_eq!(attacks.len(), 1, "{:#?}", a.events);
    assert_eq!(participants(&a, attacks[0]), vec!["Kandahar (target)"]);
    // Different dates stay apart.
    let (_, a) = annotate(
        "Rebels attacked Kandahar in March 2019. Another attack came in May 2019.",
        "2023-01-24",
    );
    assert_eq!(a.events.iter().filter(|e| e.lemma == "attack").count(), 2);
}

#[test]
fn a_present_tense_headline_gives_way_to_the_dated_telling() {
    let (_, a) = annotate(
        "Rebel leader Ahmed Salo dies aged 56\n\nAhmed Salo died on Monday in Paris.",
        "2011-10-06",
    );
    let died: Vec<&Event> = a.events.iter().filter(|e| e.lemma == "die").collect();
    assert_eq!(died.len(), 1, "{:#?}", a.events);
    assert_eq!(date(died[0]), Some("2011-10-03"));
    // Without a dated telling the headline keeps the publication date.
    let (_, a) = annotate("Rebel leader Ahmed Salo dies aged 56", "2011-10-06");
    assert_eq!(date(event(&a, "die")), Some("2011-10-06"));
}

#[test]
fn a_sentence_without_a_date_inherits_one_within_its_paragraph_only() {
    let (_, a) = annotate(
        "The ministers met in Paris in May 2019. They signed the accord.\n\nThey signed another one.",
        "2023-01-24",
    );
    let signed: Vec<&Event> = a.events.iter().filter(|e| e.lemma == "sign").collect();
    assert_eq!(signed.len(), 2);
    assert_eq!(date(signed[0]), Some("2019-05"));
    assert_eq!(
        signed[0].date.as_ref().map(|d| d.source),
        Some(DateSource::Inherited)
    );
    assert_eq!(date(signed[1]), None, "a new paragraph does not inherit");
}

#[test]
fn undated_events_get_no_invented_date() {
    let (_, a) = annotate("Rebels attacked the convoy.", "2023-01-24");
    assert_eq!(date(event(&a, "attack")), None);
}

#[test]
fn a_subject_pronoun_takes_the_last_person_named() {
    let (_, a) = annotate(
        "Mike Pompeo led the agency. In April 2018 he moved to the State Department.",
        "2023-01-24",
    );
    let e = event(&a, "move");
    assert_eq!(
        participants(&a, e)[..2],
        ["Mike Pompeo (agent)", "State Department (target)"]
    );
    assert_eq!(date(e), Some("2018-04"));
}

#[test]
fn a_move_ends_the_post_left_and_starts_the_next() {
    let (_, a) = annotate(
        "Mike Pompeo was no longer CIA director (he switched to the State Department in April 2018).",
        "2023-01-24",
    );
    let entity = |i: usize| a.entities[i].canonical.as_str();
    let cia = a
        .relations
        .iter()
        .find(|r| r.object.map(entity) == Some("CIA"))
        .expect("CIA role");
    assert_eq!(entity(cia.subject), "Mike Pompeo");
    assert_eq!(cia.title, "director");
    assert!(cia.former);
    assert_eq!(cia.end.as_deref(), Some("2018-04"));
    let state = a
        .relations
        .iter()
        .find(|r| r.object.map(entity) == Some("State Department"))
        .expect("State Department role");
    assert_eq!(state.start.as_deref(), Some("2018-04"));
    let names = participants(&a, event(&a, "switch"));
    assert!(names.contains(&"CIA (other)".to_string()), "{names:?}");
}

#[test]
fn role_phrases_before_and_after_names() {
    let (_, a) = annotate(
        "Former CIA director and US secretary of state Mike Pompeo met Yossi Cohen, the head of the Mossad.",
        "2023-01-24",
    );
    let roles: Vec<(String, String, Option<String>, bool)> = a
        .relations
        .iter()
        .map(|r| {
            (
                a.entities[r.subject].canonical.clone(),
                r.title.clone(),
                r.object.map(|o| a.entities[o].canonical.clone()),
                r.former,
            )
        })
        .collect();
    assert!(
        roles.contains(&(
            "Mike Pompeo".into(),
            "director".into(),
            Some("CIA".into()),
            true
        )),
        "{roles:?}"
    );
    assert!(
        roles.contains(&(
            "Mike Pompeo".into(),
            "secretary of state".into(),
            Some("United States".into()),
            true
        )),
        "{roles:?}"
    );
    assert!(
        roles.contains(&(
            "Yossi Cohen".into(),
            "head".into(),
            Some("Mossad".into()),
            false
        )),
        "{roles:?}"
    );
}

#[test]
fn a_repeated_caption_gives_one_event() {
    let caption = "Prime Minister Benjamin Netanyahu speaks in Tel Aviv, Israel, April 30, 2018.";
    let (_, a) = annotate(&format!("{caption}\n{caption}\n"), "2023-01-24");
    let speeches: Vec<&Event> = a.events.iter().filter(|e| e.lemma == "speak").collect();
    assert_eq!(speeches.len(), 1);
    assert_eq!(date(speeches[0]), Some("2018-04-30"));
    assert_eq!(place(&a, speeches[0]).as_deref(), Some("Tel Aviv"));
}

#[test]
fn a_saying_verb_after_a_quote_takes_the_name_after_it() {
    let (_, a) = annotate("\"We are ready,\" writes Pompeo.", "2023-01-24");
    assert_eq!(participants(&a, event(&a, "write")), vec!["Pompeo (agent)"]);
}

#[test]
fn labels_and_plain_text_yield_no_event() {
    for text in [
        "Published: January 24, 2023 12:26",
        "Updated: January 24, 2023",
        "The weather was mild and the markets were quiet.",
        "",
    ] {
        let (_, a) = annotate(text, "2023-01-24");
        assert!(a.events.is_empty(), "{text:?} gave {:?}", a.events);
    }
}

#[test]
fn an_infinitive_shares_the_subject_and_certainty_of_its_governing_verb() {
    let (_, a) = annotate(
        "Olaf Scholz will travel to Beijing next week to meet Xi Jinping.",
        "2022-11-14",
    );
    let meet = event(&a, "meet");
    let names = participants(&a, meet);
    assert_eq!(names[0], "Olaf Scholz (agent)");
    assert!(
        names.contains(&"Xi Jinping (target)".to_string()),
        "{names:?}"
    );
    assert_eq!(meet.certainty, Certainty::Future);
    assert_eq!(event(&a, "travel").certainty, Certainty::Future);
}

#[test]
fn places_come_after_place_prepositions_but_not_possessors() {
    let (_, a) = annotate(
        "An earthquake killed 300 people in southern Turkey on Monday.",
        "2023-02-07",
    );
    assert_eq!(place(&a, event(&a, "kill")).as_deref(), Some("Turkey"));
    let (_, a) = annotate(
        "Israel helped in relation to the United States's assassination of Qasem Soleimani in January 2020.",
        "2023-01-24",
    );
    let e = event(&a, "assassinate");
    assert_eq!(place(&a, e), None);
    assert!(participants(&a, e).contains(&"United States (agent)".to_string()));
}

#[test]
fn a_date_inside_another_events_commas_is_not_borrowed() {
    let (_, a) = annotate(
        "Jobs, born in San Francisco on February 24, 1955, has built a large company.",
        "2011-10-06",
    );
    assert_eq!(date(event(&a, "born")), Some("1955-02-24"));
    assert_eq!(event(&a, "born").kind, "birth");
    assert_eq!(
        date(event(&a, "build")),
        None,
        "the birth date is not the building's"
    );
}
