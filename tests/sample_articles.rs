//! What the committed `output/` (kept equal to a fresh build by
//! `golden_output.rs`) must hold for the sample articles in `data/articles/`.
//! Every expectation was read off the articles by hand.

use std::collections::HashMap;

const JPOST: &str = "jpost-2023-01-24-cia-mossad-iran-archive";

fn read_csv(path: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("record");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The timeline rows of the Jerusalem Post article with this trigger lemma's
/// event type and date.
fn find<'a>(
    rows: &'a [HashMap<String, String>],
    event_type: &str,
    date: &str,
    trigger_prefix: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| {
            r["document"] == JPOST
                && r["event_type"] == event_type
                && r["date"] == date
                && r["trigger"].to_lowercase().starts_with(trigger_prefix)
        })
        .unwrap_or_else(|| panic!("no {event_type} {trigger_prefix}* event dated {date}"))
}

#[test]
fn the_timeline_holds_the_articles_dated_events() {
    let rows = read_csv("output/timeline.csv");

    // "Did the CIA help Mossad agents escape from Iran in February 2018 after
    // those agents had pulled off the heist ... seizing Iran's secret nuclear
    // archive ... near the heart of Tehran?"
    let heist = find(&rows, "theft", "2018-02", "heist");
    assert!(
        heist["participants"].contains("Mossad (agent)"),
        "{heist:?}"
    );
    assert_eq!(heist["start"], "2018-02-01");
    assert_eq!(heist["end"], "2018-02-28");
    assert_eq!(heist["precision"], "month");
    let escape = find(&rows, "escape", "2018-02", "escape");
    assert!(
        escape["participants"].contains("Mossad (agent)"),
        "{escape:?}"
    );
    assert_eq!(escape["location"], "Iran");
    assert_eq!(escape["certainty"], "hedged", "asked as a question");
    let help = find(&rows, "assistance", "2018-02", "help");
    assert!(help["participants"].contains("CIA (agent)"), "{help:?}");
    assert_eq!(help["certainty"], "hedged");
    let seizing = find(&rows, "theft", "2018-02", "seiz");
    assert!(
        seizing["participants"].contains("Iran (target)"),
        "{seizing:?}"
    );
    assert_eq!(seizing["location"], "Tehran");

    // "... when Pompeo was no longer CIA director (he switched to the State
    // Department in April 2018.)"
    let switch = find(&rows, "movement", "2018-04", "switch");
    for who in [
        "Mike Pompeo (agent)",
        "State Department (target)",
        "CIA (other)",
    ] {
        assert!(switch["participants"].contains(who), "{who} in {switch:?}");
    }

    // "sabotaging nuclear facilities at Natanz in July 2020"
    let sabotage = find(&rows, "attack", "2020-07", "sabotag");
    assert_eq!(sabotage["location"], "Natanz");

    // "assassinating Iran nuclear chief Mohsen Fakhrizadeh in November 2020"
    let fakhrizadeh = find(&rows, "killing", "2020-11", "assassinat");
    assert!(fakhrizadeh["participants"].contains("Mohsen Fakhrizadeh (target)"));

    // "the US's assassination of IRGC Quds Force chief Qasem Soleimani, was in
    // January 2020"
    let soleimani = find(&rows, "killing", "2020-01", "assassinat");
    assert!(soleimani["participants"].contains("Qasem Soleimani (target)"));
    assert!(soleimani["participants"].contains("United States (agent)"));

    // Sorted by start date.
    let starts: Vec<&str> = rows
        .iter()
        .map(|r| r["start"].as_str())
        .filter(|s| !s.is_empty())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn entities_are_listed_once_with_their_aliases() {
    let rows = read_csv("output/entities.csv");
    let named = |name: &str, kind: &str| -> Vec<&HashMap<String, String>> {
        rows.iter()
            .filter(|r| r["name"] == name && r["type"] == kind)
            .collect()
    };
    for person in [
        "Mike Pompeo",
        "Yossi Cohen",
        "Benjamin Netanyahu",
        "Mohsen Fakhrizadeh",
        "Qasem Soleimani",
        "Amir Cohen",
        "Steve Jobs",
    ] {
        assert_eq!(
            named(person, "PERSON").len(),
            1,
            "{person} once as a PERSON"
        );
    }
    for organization in ["CIA", "Mossad", "State Department", "IRGC Quds Force"] {
        assert_eq!(
            named(organization, "ORGANIZATION").len(),
            1,
            "{organization} once as an ORGANIZATION"
        );
    }
    for place in ["Iran", "Israel", "Tehran", "Natanz"] {
        assert_eq!(
            named(place, "LOCATION").len(),
            1,
            "{place} once as a LOCATION"
        );
    }
    let pompeo = named("Mike Pompeo", "PERSON")[0];
    assert!(
        pompeo["aliases"].split("; ").any(|a| a == "Pompeo"),
        "{pompeo:?}"
    );
    assert!(
        pompeo["roles"].contains("director of CIA (former, until 2018-04)"),
        "{pompeo:?}"
    );
    let cohen = named("Yossi Cohen", "PERSON")[0];
    assert!(
        cohen["aliases"].split("; ").any(|a| a == "Yossi"),
        "{cohen:?}"
    );
    assert!(
        !cohen["aliases"].contains("Amir"),
        "Amir Cohen is another person: {cohen:?}"
    );
    // "Israeli" points to Israel.
    let israel = named("Israel", "LOCATION")[0];
    assert!(
        israel["aliases"].split("; ").any(|a| a == "Israeli"),
        "{israel:?}"
    );
}

#[test]
fn entities_merge_across_documents() {
    let rows = read_csv("output/entities.csv");
    let jobs = rows
        .iter()
        .find(|r| r["name"] == "Steve Jobs")
        .expect("Steve Jobs");
    let documents: Vec<&str> = jobs["documents"].split("; ").collect();
    assert_eq!(
        documents.len(),
        4,
        "Steve Jobs is in all four Wikinews articles: {documents:?}"
    );
    assert!(jobs["aliases"].split("; ").any(|a| a == "Jobs"));
}
