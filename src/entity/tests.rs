//! Rule corpus of the entity stage: short sentences of many kinds with
//! hand-checked expectations, and a negative corpus that must yield nothing.

use super::extract;
use crate::annotation::{Annotated, Entity, EntityType, Mention};
use crate::text;

use EntityType::{Location as LOC, Misc as MISC, Organization as ORG, Person as PER};

/// Runs the stage on `text` with sentences and tokens and no timexes.
fn run(text: &str) -> (Vec<Mention>, Vec<Entity>) {
    let (sentences, tokens) = text::split(text);
    let annotated = Annotated {
        sentences,
        tokens,
        ..Annotated::default()
    };
    extract(text, &annotated)
}

/// The entities as `(canonical, type)`.
fn entities(text: &str) -> Vec<(String, EntityType)> {
    run(text)
        .1
        .into_iter()
        .map(|e| (e.canonical, e.kind))
        .collect()
}

/// The type of the entity with this canonical name.
fn kind_of(text: &str, canonical: &str) -> Option<EntityType> {
    entities(text)
        .into_iter()
        .find(|(c, _)| c == canonical)
        .map(|(_, k)| k)
}

/// The mentions as `(text covered, canonical of its entity)`.
fn mentions(text: &str) -> Vec<(String, String)> {
    let (mentions, entities) = run(text);
    mentions
        .iter()
        .map(|m| {
            (
                m.span.text(text).to_string(),
                entities[m.entity].canonical.clone(),
            )
        })
        .collect()
}

fn e(name: &str, kind: EntityType) -> (String, EntityType) {
    (name.to_string(), kind)
}

#[test]
fn titles_and_honorifics_make_persons() {
    for (text, name) in [
        (
            "The decision was made by Mr. Halvorsen on his own.",
            "Halvorsen",
        ),
        (
            "Officials met director Yossi Cohen in the capital.",
            "Yossi Cohen",
        ),
        (
            "Prime minister Benjamin Netanyahu spoke briefly.",
            "Benjamin Netanyahu",
        ),
        (
            "The attack killed Quds Force chief Qasem Soleimani.",
            "Qasem Soleimani",
        ),
        ("It was approved by Gen. Okonkwo last night.", "Okonkwo"),
        (
            "The report quoted spokesman Tarvo Lindqvist.",
            "Tarvo Lindqvist",
        ),
        ("Dr. Ferreira-Lopes disagreed.", "Ferreira-Lopes"),
    ] {
        assert_eq!(kind_of(text, name), Some(PER), "{text}");
    }
}

#[test]
fn title_words_are_not_part_of_names() {
    let got = mentions("Former CIA Director Mike Pompeo arrived.");
    assert_eq!(
        got,
        vec![
            ("CIA".to_string(), "CIA".to_string()),
            ("Mike Pompeo".to_string(), "Mike Pompeo".to_string())
        ]
    );
    assert!(entities("Mr. Director, we are ready.").is_empty());
}

#[test]
fn given_names_and_verbs_of_saying_make_persons() {
    assert_eq!(
        kind_of("Later, Amara Okafor arrived.", "Amara Okafor"),
        Some(PER)
    );
    assert_eq!(
        kind_of("\"We will win,\" writes Grunewald.", "Grunewald"),
        Some(PER)
    );
    assert_eq!(
        kind_of("Next, Valdemaras says it is over.", "Valdemaras"),
        Some(PER)
    );
}

#[test]
fn organization_cues_and_acronyms() {
    let text = "The State Department and the Ministry of Defense denied it. \
                The IRGC Quds Force and the FBI declined. The Jerusalem Post reported it. \
                Shares of Norvex Holdings fell while the Bank of England waited.";
    let got = entities(text);
    for name in [
        "State Department",
        "Ministry of Defense",
        "IRGC Quds Force",
        "FBI",
        "Jerusalem Post",
        "Norvex Holdings",
        "Bank of England",
    ] {
        assert!(got.contains(&e(name, ORG)), "{name}: {got:?}");
    }
}

#[test]
fn unknown_acronym_is_an_organization() {
    assert_eq!(kind_of("Members of the ZKPQ met again.", "ZKPQ"), Some(ORG));
}

#[test]
fn countries_and_demonyms_share_an_entity() {
    let text = "Israeli jets struck. Israel denied it. The US said the U.S. and American allies agree. Iranian media blamed Iran's enemies.";
    let (mentions, entities) = run(text);
    let names: Vec<&str> = entities.iter().map(|e| e.canonical.as_str()).collect();
    assert_eq!(names, vec!["Israel", "United States", "Iran"]);
    assert!(entities.iter().all(|e| e.kind == LOC));
    let us = &entities[1];
    assert_eq!(us.aliases, vec!["American", "U.S.", "US", "United States"]);
    let derived: Vec<bool> = mentions.iter().map(|m| m.derived).collect();
    assert_eq!(derived, vec![true, false, true, true, true, true, false]);
}

#[test]
fn demonym_only_gives_the_country_name() {
    let (mentions, entities) = run("Several Egyptian officials attended.");
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].canonical, "Egypt");
    assert_eq!(entities[0].aliases, vec!["Egypt", "Egyptian"]);
    assert!(mentions[0].derived);
}

#[test]
fn cities_and_places_after_prepositions() {
    assert_eq!(
        kind_of("They met in Tehran on the way.", "Tehran"),
        Some(LOC)
    );
    assert_eq!(
        kind_of("The strike hit a site at Kharzabad yesterday.", "Kharzabad"),
        Some(LOC)
    );
    assert_eq!(kind_of("Talks moved to Tel Aviv.", "Tel Aviv"), Some(LOC));
    assert_eq!(
        kind_of("Shipping in the Red Sea slowed.", "Red Sea"),
        Some(LOC)
    );
    assert_eq!(
        kind_of("Troops crossed the Dniester River.", "Dniester River"),
        Some(LOC)
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert!(entities("Describing the scene, the witness cried.").is_empty());
    assert!(
        entities("Likewise, nobody came. Security was tight. The security guard left.").is_empty()
    );
    assert_eq!(
        entities("Although Pompeo denied it, the claim stuck."),
        vec![e("Pompeo", PER)]
    );
}

#[test]
fn months_and_weekdays_are_not_names() {
    assert!(entities("In February nothing happened. On Monday they left.").is_empty());
    assert_eq!(
        entities("The deal was signed in April by Helga Sorensen."),
        vec![e("Helga Sorensen", PER)]
    );
}

#[test]
fn possessives_leave_the_s_out() {
    let got = mentions("Pompeo's book and Iran's archive.");
    assert_eq!(
        got,
        vec![
            ("Pompeo".to_string(), "Pompeo".to_string()),
            ("Iran".to_string(), "Iran".to_string())
        ]
    );
}

#[test]
fn hyphenated_names_stay_whole() {
    let got = entities("Officials said Jean-Claude Van-Damme met Abu-Bakr al-Baghdadi.");
    assert!(got.contains(&e("Jean-Claude Van-Damme", PER)), "{got:?}");
}

#[test]
fn bracket_insertions_are_read_through() {
    let text = "\"Mr. Director, [Mossad] Director [Yossi] Cohen needs to speak with you.\"";
    let (mentions, entities) = run(text);
    let names: Vec<(&str, EntityType)> = entities
        .iter()
        .map(|e| (e.canonical.as_str(), e.kind))
        .collect();
    assert_eq!(names, vec![("Mossad", ORG), ("Yossi Cohen", PER)]);
    assert_eq!(mentions[0].span.text(text), "Mossad");
    assert_eq!(entities[1].aliases, vec!["Yossi Cohen"]);
}

#[test]
fn all_caps_credits_and_bylines() {
    let text =
        "By HANNA VIRTANEN\nThe minister spoke on Sunday. (photo credit: OLEG PETRENKO/REUTERS)";
    let got = entities(text);
    assert_eq!(
        got,
        vec![
            e("Hanna Virtanen", PER),
            e("Oleg Petrenko", PER),
            e("Reuters", ORG)
        ]
    );
    let (_, ents) = run(text);
    assert_eq!(ents[0].aliases, vec!["HANNA VIRTANEN", "Hanna Virtanen"]);
    assert_eq!(
        entities("A crowd gathered. (credit: MARC ISRAEL SELLEM)"),
        vec![e("Marc Israel Sellem", PER)]
    );
}

#[test]
fn two_cohens_are_never_merged_and_a_bare_surname_goes_to_the_topic() {
    let text = "(photo credit: AMIR COHEN/REUTERS)\n\
                Mossad director Yossi Cohen called. Yossi Cohen was calm. \
                Later, Cohen said the team was safe. Whenever Yossi called, I took it.";
    let (mentions, entities) = run(text);
    let yossi = entities
        .iter()
        .position(|e| e.canonical == "Yossi Cohen")
        .unwrap();
    let amir = entities
        .iter()
        .position(|e| e.canonical == "Amir Cohen")
        .unwrap();
    assert_ne!(yossi, amir);
    assert_eq!(
        entities[yossi].aliases,
        vec!["Cohen", "Yossi", "Yossi Cohen"]
    );
    assert_eq!(entities[amir].mentions.len(), 1);
    let cohen = mentions
        .iter()
        .find(|m| m.span.text(text) == "Cohen")
        .unwrap();
    assert_eq!(cohen.entity, yossi);
    assert_eq!(cohen.kind, PER);
}

#[test]
fn bare_surname_goes_to_the_nearest_preceding_full_name() {
    let text = "Dana Levi met Avi Levi. Avi Levi left first. Then Levi went home.";
    let (mentions, entities) = run(text);
    let last = mentions.last().unwrap();
    assert_eq!(last.span.text(text), "Levi");
    assert_eq!(entities[last.entity].canonical, "Avi Levi");
    assert_eq!(entities.len(), 2);
}

#[test]
fn shared_given_name_is_not_merged() {
    let text = "Yossi Cohen and Yossi Klein met. Yossi left.";
    let (mentions, entities) = run(text);
    let yossi = mentions.last().unwrap();
    assert_eq!(entities[yossi.entity].canonical, "Yossi");
}

#[test]
fn surname_and_the_article_join_the_full_entity() {
    let text = "Mike Pompeo spoke. Pompeo left. The Mossad agreed, and Mossad officers cheered.";
    let (_, entities) = run(text);
    let names: Vec<(&str, EntityType)> = entities
        .iter()
        .map(|e| (e.canonical.as_str(), e.kind))
        .collect();
    assert_eq!(names, vec![("Mike Pompeo", PER), ("Mossad", ORG)]);
    assert_eq!(entities[0].aliases, vec!["Mike Pompeo", "Pompeo"]);
    assert_eq!(entities[1].mentions.len(), 2);
}

#[test]
fn acronym_joins_the_spelled_out_organization() {
    let text = "The Islamic Revolutionary Guard Corps said the IRGC was ready.";
    let (_, entities) = run(text);
    assert_eq!(entities.len(), 1, "{entities:?}");
    assert_eq!(entities[0].canonical, "Islamic Revolutionary Guard Corps");
    assert_eq!(
        entities[0].aliases,
        vec!["IRGC", "Islamic Revolutionary Guard Corps"]
    );
}

#[test]
fn type_is_consistent_over_the_document() {
    let text = "Talks were held at Vornholt. Vornholt was quiet later. Reporters left Vornholt.";
    let (mentions, entities) = run(text);
    assert_eq!(entities.len(), 1);
    assert!(mentions.iter().all(|m| m.kind == LOC));
}

#[test]
fn titles_of_works_are_misc() {
    assert_eq!(
        kind_of(
            "In his book Never Give An Inch, he says so.",
            "Never Give An Inch"
        ),
        Some(MISC)
    );
}

#[test]
fn headline_lines_keep_only_known_names() {
    let text = "Israel News Health & Wellness WORLD NEWS Middle East Opinion Podcast\n\
                The Jerusalem Post reported it.";
    let got = entities(text);
    assert_eq!(
        got,
        vec![
            e("Israel", LOC),
            e("Middle East", LOC),
            e("Jerusalem Post", ORG)
        ]
    );
}

#[test]
fn negative_corpus_yields_nothing() {
    for text in [
        "The talks ended late on Friday.",
        "Moreover, it is less likely.",
        "However, Sources Say Nothing",
        "Next, they said the plan would go ahead.",
        "Whenever it rained, I stayed home.",
        "It was the heist of the century.",
        "Published: JANUARY 24, 2023 12:26",
        "Of course, it is also possible.",
        "There were other major reported operations.",
        "A.",
        "",
        "...",
        "[ ] ( ) \" ' ",
    ] {
        assert!(entities(text).is_empty(), "{text:?}: {:?}", entities(text));
    }
}

#[test]
fn mentions_are_ordered_disjoint_and_point_to_entities() {
    let text = "Former US secretary of state Mike Pompeo met Israeli Prime Minister Benjamin Netanyahu \
                at the Ministry of Defense in Tel Aviv. Pompeo and Netanyahu's aides spoke.";
    let (mentions, entities) = run(text);
    for pair in mentions.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    for (i, m) in mentions.iter().enumerate() {
        assert!(entities[m.entity].mentions.contains(&i));
    }
}

#[test]
fn a_news_paragraph() {
    let text = "Ukrainian drones hit an oil depot near Novorossiysk, officials said on Tuesday.\n\n\
        Former NATO secretary general Anders Fogh Rasmussen told the BBC that Kyiv had \"every right\" to strike. \
        Rasmussen, who led the alliance until 2014, said Russian President Vladimir Putin would respond.\n\n\
        The Russian Defense Ministry said its air defenses shot down 12 drones over the Black Sea. \
        Putin's spokesman Dmitry Peskov declined to comment, according to Reuters.";
    let got = entities(text);
    for expected in [
        e("Ukraine", LOC),
        e("Novorossiysk", LOC),
        e("NATO", ORG),
        e("Anders Fogh Rasmussen", PER),
        e("BBC", ORG),
        e("Kyiv", LOC),
        e("Russia", LOC),
        e("Vladimir Putin", PER),
        e("Russian Defense Ministry", ORG),
        e("Black Sea", LOC),
        e("Dmitry Peskov", PER),
        e("Reuters", ORG),
    ] {
        assert!(got.contains(&expected), "{expected:?} missing from {got:?}");
    }
    let (_, entities) = run(text);
    let putin = entities
        .iter()
        .find(|e| e.canonical == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin.aliases, vec!["Putin", "Vladimir Putin"]);
    let rasmussen = entities
        .iter()
        .find(|e| e.canonical == "Anders Fogh Rasmussen")
        .unwrap();
    assert_eq!(rasmussen.mentions.len(), 2);
    assert_eq!(got.len(), 12, "{got:?}");
}

#[test]
fn no_panic_on_odd_input() {
    for text in [
        "ÉÉ ÀÀ",
        "[[[ Mossad",
        "Mr.",
        "By",
        "credit:",
        "/REUTERS",
        "of the of the",
        "Ministry of",
        "'s 's Iran's",
    ] {
        let _ = run(text);
    }
}

#[test]
fn no_panic_when_layers_disagree() {
    let text = "Mike Pompeo met Yossi Cohen in Tehran.";
    let (_, tokens) = text::split(text);
    let annotated = Annotated {
        tokens,
        ..Annotated::default()
    };
    let (mentions, entities) = extract(text, &annotated);
    assert!(mentions.is_empty() && entities.is_empty());
}

#[test]
fn all_caps_lines_give_no_unknown_acronyms() {
    assert!(entities("SOCCER - LATE GOAL SEALS WIN").is_empty());
    assert_eq!(
        entities("NATO LEADERS MEET IN BRUSSELS"),
        vec![e("NATO", ORG), e("Brussels", LOC)]
    );
}

/// The mention texts with their types.
fn typed_mentions(text: &str) -> Vec<(String, EntityType)> {
    let (mentions, _) = run(text);
    mentions
        .iter()
        .map(|m| (m.span.text(text).to_string(), m.kind))
        .collect()
}

#[test]
fn a_name_after_a_company_suffix_is_a_new_name() {
    for (text, org, person) in [
        (
            "The former chief of Apple Inc. Steve Jobs has died.",
            "Apple Inc.",
            "Steve Jobs",
        ),
        (
            "A lawyer for Brennick Corp. Maria Olsen declined to comment.",
            "Brennick Corp.",
            "Maria Olsen",
        ),
        (
            "The founder of Tolvane GmbH Karl Weber spoke first.",
            "Tolvane GmbH",
            "Karl Weber",
        ),
        (
            "Officials at Hartwell Ltd. Peter Dunn and others met.",
            "Hartwell Ltd.",
            "Peter Dunn",
        ),
    ] {
        let got = typed_mentions(text);
        assert!(got.contains(&(org.to_string(), ORG)), "{text}: {got:?}");
        assert!(got.contains(&(person.to_string(), PER)), "{text}: {got:?}");
    }
    // A suffix that ends the run leaves it whole.
    let got = typed_mentions("Shares of Brennick Corp. fell sharply.");
    assert_eq!(got, vec![("Brennick Corp.".to_string(), ORG)]);
}

#[test]
fn a_known_organization_glued_to_a_person_is_cut() {
    for (text, org, person) in [
        (
            "Microsoft CEO Steve Ballmer said he was sad.",
            "Microsoft",
            "Steve Ballmer",
        ),
        (
            "Former Google Eric Schmidt was there as well.",
            "Google",
            "Eric Schmidt",
        ),
        (
            "A spokesman for Vardon Corporation John Keller said no.",
            "Vardon Corporation",
            "John Keller",
        ),
    ] {
        let got = typed_mentions(text);
        assert!(got.contains(&(org.to_string(), ORG)), "{text}: {got:?}");
        assert!(got.contains(&(person.to_string(), PER)), "{text}: {got:?}");
    }
    // A given name alone after a place, or a place name that holds a given
    // name, is not cut.
    let got = typed_mentions("He moved to New York City last year.");
    assert_eq!(got, vec![("New York City".to_string(), LOC)]);
    let got = typed_mentions("Later, Paris Hilton arrived in Rome.");
    assert!(got.contains(&("Paris Hilton".to_string(), PER)), "{got:?}");
}

#[test]
fn company_context_makes_organizations() {
    for (text, name) in [
        ("Later, Maersk announced a new route to Asia.", "Maersk"),
        ("Investors sold shares of Norvalis on Monday.", "Norvalis"),
        ("Yesterday Trellum shares rose by 3%.", "Trellum"),
        ("A Brightwave spokesman declined to comment.", "Brightwave"),
        ("He bought a stake in Quorvex last year.", "Quorvex"),
        ("Art Levinson, chairman of Genvatech, agreed.", "Genvatech"),
        (
            "In 1986 he bought Pinwheel which was acquired by Disney.",
            "Pinwheel",
        ),
        ("He held positions at IBM and Compex before.", "Compex"),
        ("Officials said Zandora's board met on Monday.", "Zandora"),
    ] {
        assert_eq!(
            kind_of(text, name),
            Some(ORG),
            "{text}: {:?}",
            entities(text)
        );
    }
    // A person's name keeps its type beside the same verbs.
    for (text, name) in [
        (
            "Later, Amara Okafor announced her resignation.",
            "Amara Okafor",
        ),
        ("On Monday, Steve Jobs unveiled the phone.", "Steve Jobs"),
        (
            "Art Levinson, chairman of Genvatech, agreed.",
            "Art Levinson",
        ),
    ] {
        assert_eq!(
            kind_of(text, name),
            Some(PER),
            "{text}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn port_university_and_bank_of_are_organizations() {
    for (text, name) in [
        (
            "The Port of Rotterdam said traffic fell.",
            "Port of Rotterdam",
        ),
        (
            "She studied at the University of Valdoria.",
            "University of Valdoria",
        ),
        ("The Bank of Valdoria cut rates.", "Bank of Valdoria"),
        (
            "The Ministry of Fisheries objected.",
            "Ministry of Fisheries",
        ),
        (
            "The Valdoria Port Authority said nothing.",
            "Valdoria Port Authority",
        ),
        (
            "The Harlow Shipping Company said nothing.",
            "Harlow Shipping Company",
        ),
    ] {
        assert_eq!(
            kind_of(text, name),
            Some(ORG),
            "{text}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn products_are_misc() {
    for (text, name) in [
        (
            "The future Apple Macintosh computers will use new chips.",
            "Apple Macintosh",
        ),
        ("The new iPhone was shown on stage.", "iPhone"),
        ("The team ported Mac OS X to the new chips.", "Mac OS X"),
        ("Most people still run Windows at work.", "Windows"),
    ] {
        let got = entities(text);
        assert!(
            got.contains(&e(name, MISC)) || name == "iPhone" && !got.iter().any(|(_, k)| *k == PER),
            "{text}: {got:?}"
        );
    }
    // A product is never what "he" refers to, nor a person.
    let got = entities("The Macintosh was a hit. It sold well.");
    assert!(!got.iter().any(|(_, k)| *k == PER), "{got:?}");
}

#[test]
fn capitalised_common_words_without_evidence_are_not_names() {
    for text in [
        "Port authority signs harbor deal",
        "Port authority signs harbor deal.\n\nThe port will grow.",
        "The speaker said: Team, we are done here.",
        "Then came the big news - Podcasting. Everyone liked podcasting.",
    ] {
        let got = entities(text);
        assert!(
            !got.iter()
                .any(|(n, _)| n == "Port" || n == "Team" || n == "Podcasting"),
            "{text}: {got:?}"
        );
    }
    // A name that is also a word keeps its place when it is more than a word.
    assert_eq!(
        kind_of(
            "Tim Cook spoke. Later Cook left. The cook stayed.",
            "Tim Cook"
        ),
        Some(PER)
    );
}

#[test]
fn dotted_office_abbreviations_are_not_organizations() {
    for text in [
        "He said he could no longer serve as Norvex's C.E.O., and left.",
        "She was named C.F.O. of the firm last week.",
    ] {
        let got = entities(text);
        assert!(
            !got.iter().any(|(n, _)| n.starts_with("C.")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn the_tagger_types_names_no_rule_types() {
    // No title, cue word, list or context rule speaks for these names; the
    // rules alone would default them to persons.
    let text = "In January, Gazprom cut gas supplies to Ukraine.";
    assert_eq!(kind_of(text, "Gazprom"), Some(ORG));
}

#[test]
fn the_tagger_never_overrides_a_rule() {
    // A verb of saying makes "Gazprom" a person by rule here; the tagger's
    // vote is not counted for a name a rule has typed.
    let text = "\"Prices will rise,\" said Gazprom.";
    assert_eq!(kind_of(text, "Gazprom"), Some(PER));
    let text = "Trump said Gazprom would cut supplies. Trump left.";
    assert_eq!(kind_of(text, "Trump"), Some(PER));
}

#[test]
fn brands_written_in_camel_case_are_names() {
    let names: Vec<String> = entities(
        "Customers lined up for the iPhone, bought songs on iTunes and sold old phones on eBay.",
    )
    .into_iter()
    .map(|(name, _)| name)
    .collect();
    assert_eq!(names, ["iPhone", "iTunes", "eBay"]);
    // The whole brand phrase, not only its capitalised tail.
    let found: Vec<String> = mentions("Apple opened the iTunes Music Store in April.")
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(found, ["Apple", "iTunes Music Store"]);
    assert_eq!(
        kind_of(
            "Apple opened the iTunes Music Store in April.",
            "iTunes Music Store"
        ),
        Some(MISC)
    );
}

#[test]
fn units_currencies_and_common_abbreviations_are_not_names() {
    assert_eq!(
        entities("The No. 1 seller is the 4 GB model at USD 199 with an LCD screen and 5 kWh."),
        []
    );
    // One before a name is cut off; the name stays.
    let found: Vec<String> = mentions("She bought the 4 GB iPod nano.")
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(found, ["iPod"]);
}
