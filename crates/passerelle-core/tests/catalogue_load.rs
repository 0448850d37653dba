//! Loading catalogues at data·inclusion scale (issue 20): a catalogue read
//! straight from its text is the one read through a JSON value, with the
//! same problems at the same paths; the work grows linearly with the
//! number of entries; merging a local catalogue copies none of its
//! entries. Work is counted in memory blocks asked for, never in time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use passerelle_core::catalogue::Catalogue;
use passerelle_core::json;

/// The system allocator, counting the blocks each thread asks for (the
/// tests of this file run in threads of their own).
struct Counting;

thread_local! {
    static BLOCKS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        BLOCKS.with(|blocks| blocks.set(blocks.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        BLOCKS.with(|blocks| blocks.set(blocks.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The memory blocks `work` asks for, and what it returns.
fn blocks<T>(work: impl FnOnce() -> T) -> (usize, T) {
    let before = BLOCKS.with(Cell::get);
    let made = work();
    (BLOCKS.with(Cell::get) - before, made)
}

/// A partner service of a department, as a local catalogue lists it (the
/// size and shape of the benchmark's generated entries): every other
/// one with an eligibility rule.
fn entry(i: usize) -> String {
    let rule = if i % 2 == 0 {
        r#""eligibility": {"all": [{"age": {"min": 16, "max": 25}}, {"in_zone": {"departments": ["93", "95"]}}]},"#
    } else {
        ""
    };
    format!(
        r#"{{"id": "service-{i}", "name": {{"fr": "Espace solidarité n° {i}", "en": "Local service {i}"}},
        "description": {{"fr": "Accueil, conseils et accompagnement dans les démarches, sur rendez-vous.", "en": "Reception, advice and help."}},
        "kind": "service", "types": ["accompagnement"], "themes": ["equipement-et-alimentation--alimentation", "mobilite--preparer-un-permis"],
        "publics": ["jeunes"], {rule}
        "eligibility_notes": {{"fr": "Sur orientation d’un travailleur social."}},
        "zone": {{"departments": ["93"]}},
        "access": {{"through": ["usagers", "professionnels"], "modes": ["telephoner", "se-presenter"], "phone": "01 23 45 67 89",
                   "details": {{"fr": "Du lundi au vendredi, de 9 h à 12 h.", "en": "Monday to Friday."}}}},
        "cost": "gratuit", "source_url": "https://services.example.org/93/service-{i}", "last_verified": "2026-11-26"}}"#
    )
}

/// A local catalogue of `entries`.
fn catalogue(entries: &[String]) -> String {
    format!(
        r#"{{"format_version": 1, "id": "local", "name": "Catalogue local", "fictional": true, "entries": [{}]}}"#,
        entries.join(",\n")
    )
}

fn generated(n: usize) -> String {
    catalogue(&(0..n).map(entry).collect::<Vec<_>>())
}

/// Each problem as `code at path: message`.
fn said(problems: &[passerelle_core::problem::Problem]) -> Vec<String> {
    (problems.iter())
        .map(|problem| format!("{} at {}: {}", problem.code, problem.path, problem.message))
        .collect()
}

/// Read from its text and through a JSON value: the same catalogue,
/// written out the same, or the same problems in the same order.
fn read_alike(text: &str) {
    let from_text = Catalogue::from_json(text);
    let value = json::parse(text).expect("the documents of this test are JSON");
    let from_value = Catalogue::from_value(&value);
    match (&from_text, &from_value) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text:.200}");
            assert_eq!(json::write(a), json::write(b), "{text:.200}");
        }
        (Err(a), Err(b)) => assert_eq!(said(a), said(b), "{text:.200}"),
        _ => panic!(
            "read from text: {:?}; through a value: {:?}",
            from_text.map(|c| c.entries().len()),
            from_value.map(|c| c.entries().len())
        ),
    }
}

#[test]
fn a_catalogue_read_from_its_text_is_the_one_read_through_a_value() {
    let good = |i| entry(i);
    let cases: Vec<String> = vec![
        generated(20),
        // Texts written "en" first, "fr" first, with a language the
        // product does not know.
        catalogue(&[good(0).replace(
            r#"{"fr": "Espace solidarité n° 0", "en": "Local service 0"}"#,
            r#"{"en": "Local service 0", "de": "Dienst", "fr": "Espace solidarité n° 0"}"#,
        )]),
        // The catalogue's members wrong, missing, null or unknown.
        generated(2).replace(r#""format_version": 1"#, r#""format_version": 2"#),
        generated(2).replace(r#""id": "local", "#, ""),
        generated(2).replace(r#""fictional": true"#, r#""fictional": null"#),
        generated(2).replace(r#""fictional": true"#, r#""fictional": "yes""#),
        generated(2).replace(r#""fictional": true"#, r#""stale_after_months": 0"#),
        generated(2).replace(r#""fictional": true"#, r#""stale_after_months": 6"#),
        generated(2).replace(r#""fictional": true"#, r#""colour": "blue""#),
        generated(2).replace(r#""fictional": true"#, r#""id": "again""#),
        r#"{"format_version": 1, "id": "local", "name": "Local"}"#.to_owned(),
        r#"{"format_version": 1, "id": "local", "name": "Local", "entries": null}"#.to_owned(),
        r#"{"format_version": 1, "id": "local", "name": "Local", "entries": {}}"#.to_owned(),
        r#"[{"format_version": 1}]"#.to_owned(),
        r#""a catalogue""#.to_owned(),
        // Entries not in the format, among good ones: an unknown field, a
        // wrong type, a list for an object, null, a repeated field.
        catalogue(&[
            good(0),
            good(1).replace(r#""kind""#, r#""colour": 1, "kind""#),
            good(2),
        ]),
        catalogue(&[
            good(0),
            good(1).replace(r#""cost": "gratuit""#, r#""cost": 0"#),
        ]),
        catalogue(&[good(0), "[1, 2]".to_owned(), "null".to_owned()]),
        catalogue(&[
            good(0),
            good(1).replace(
                r#""cost": "gratuit""#,
                r#""cost": "payant", "cost": "gratuit""#,
            ),
        ]),
        // Entries in the format with wrong values, and ids repeated.
        catalogue(&[
            good(0),
            good(1).replace(r#""fr": "Espace solidarité n° 1", "#, ""),
            good(0),
            good(3).replace(r#""departments": ["93"]"#, r#""departments": ["00"]"#),
            good(4).replace(r#""min": 16"#, r#""min": 30"#),
        ]),
        catalogue(&[
            good(0),
            good(1).replace(r#""kind""#, r#""colour": 1, "kind""#),
            good(0),
        ]),
    ];
    for text in &cases {
        read_alike(text);
    }
}

#[test]
fn every_problem_of_bad_entries_among_a_thousand_is_told_with_its_path() {
    let mut entries: Vec<String> = (0..1_000).map(entry).collect();
    entries[12] = entries[12].replace(r#""fr": "Espace solidarité n° 12", "#, "");
    entries[500] = entries[500].replace(r#""kind""#, r#""colour": "blue", "kind""#);
    entries[998] = entries[998].replace(r#""min": 16"#, r#""min": 30"#);
    entries[999] = entry(40);
    let problems = Catalogue::from_json(&catalogue(&entries)).unwrap_err();
    let found: Vec<(&str, &str)> = (problems.iter())
        .map(|problem| (problem.code, problem.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("missing_translation", "$.entries[12].name"),
            ("invalid_entry", "$.entries[500]"),
            ("impossible_bounds", "$.entries[998].eligibility.all[0].age"),
            ("duplicate_id", "$.entries[999].id"),
        ]
    );
    assert!(problems[1].message.contains("unknown field `colour`"));
    assert!(problems[3].message.contains("\"service-40\""));
}

#[test]
fn reading_a_catalogue_asks_the_same_memory_per_entry_at_any_size() {
    let small = generated(1_000);
    let large = generated(4_000);
    let (small_blocks, small_catalogue) = blocks(|| Catalogue::from_json(&small));
    let (large_blocks, large_catalogue) = blocks(|| Catalogue::from_json(&large));
    assert_eq!(small_catalogue.map(|c| c.entries().len()), Ok(1_000));
    assert_eq!(large_catalogue.map(|c| c.entries().len()), Ok(4_000));
    // Linear: four times the entries, four times the blocks (the lists
    // that double as they grow give a few more).
    let per_entry = |blocks: usize, n: usize| blocks as f64 / n as f64;
    let (small_rate, large_rate) = (
        per_entry(small_blocks, 1_000),
        per_entry(large_blocks, 4_000),
    );
    assert!(
        (large_rate / small_rate - 1.0).abs() < 0.05,
        "blocks per entry: {small_rate:.1} at 1,000 entries, {large_rate:.1} at 4,000"
    );
}

#[test]
fn merging_a_local_catalogue_copies_none_of_its_entries() {
    let national = Catalogue::national();
    // Its index of ids, made once before counting.
    assert!(national.entry("rsa").is_some());
    let mut merged_blocks = Vec::new();
    for n in [100, 4_000] {
        let local = Catalogue::from_json(&generated(n)).unwrap();
        let (count, merged) = blocks(|| national.with_local(local));
        assert_eq!(merged.entries().len(), national.entries().len() + n);
        assert!(merged.entry("service-0").is_some() && merged.entry("rsa").is_some());
        merged_blocks.push(count);
    }
    // The national entries are copied (the merged catalogue owns its
    // entries); the local ones are moved, whatever their number.
    assert_eq!(
        merged_blocks[0], merged_blocks[1],
        "blocks asked to merge 100 and 4,000 local entries"
    );
    // A local entry replaces the national entry of its id, in its place.
    let rsa_at = (national.entries().iter())
        .position(|entry| entry.id == "rsa")
        .unwrap();
    let local = Catalogue::from_json(&catalogue(&[entry(0).replace("service-0", "rsa")])).unwrap();
    let merged = national.with_local(local);
    assert_eq!(merged.entries().len(), national.entries().len());
    assert_eq!(merged.entries()[rsa_at].id, "rsa");
    assert_eq!(
        merged.entries()[rsa_at].source_url,
        "https://services.example.org/93/rsa"
    );
}

/// An entry's rules and zone, read from the catalogue's text (straight
/// into conditions when they read without a problem), are those read
/// through their JSON values by `Condition::parse` and `Zone::parse`,
/// with the same problems at the same paths when they do not read.
#[test]
fn rules_and_zones_read_from_the_text_are_those_read_through_their_values() {
    use passerelle_core::rules::{Condition, Zone};
    let rules = [
        r#"{"all": [{"age": {"min": 16, "max": 25}}, {"in_zone": {"departments": ["93", "95"]}}]}"#,
        r#"{"any": [{"equals": {"fact": "rqth", "value": true}}, {"has_any": {"fact": "benefits", "values": ["rsa", "ass"]}}], "label": {"en": "Either", "fr": "L’un ou l’autre"}}"#,
        r#"{"not": {"compare": {"fact": "unemployment_months", "op": "<", "value": 12}}}"#,
        r#"{"all": [{"between": {"fact": "monthly_resources", "min": 0, "max": 900}}, {"to_check": {"fr": "Être orienté"}}]}"#,
        r#"{"in": {"fact": "employment_status", "values": ["jobseeker", "astronaut"]}}"#,
        r#"{"all": [{"age": {"min": 30, "max": 18}}, {"equals": {"fact": "colour", "value": 1}}]}"#,
        r#"{"equals": ["age", 3]}"#,
        r#"{"age": {"min": 16}, "age": {"max": 25}}"#,
        r#"{"age": {"min": 16.0}}"#,
        r#"{"age": {"min": null}}"#,
        r#"{"answer": {"question": "sleep_tonight", "values": ["street"]}}"#,
        r#"{"all": []}"#,
        r#"[]"#,
        r#"{"in_zone": {}}"#,
    ];
    let zones = [
        r#"{"departments": ["93"]}"#,
        r#"{"national": true}"#,
        r#"{"regions": ["11"], "communes": ["97411"]}"#,
        r#"{"departments": ["00"], "communes": ["x"]}"#,
        r#"{"national": false}"#,
        r#"{"national": "yes"}"#,
        r#"[["93"]]"#,
    ];
    let (mut read, mut refused) = (0, 0);
    for (i, rule) in rules.iter().enumerate() {
        let zone = zones[i % zones.len()];
        let text = catalogue(&[entry(1).replace(
            r#""zone": {"departments": ["93"]}"#,
            &format!(r#""eligibility": {rule}, "held_when": {rule}, "zone": {zone}"#),
        )]);
        let at = "$.entries[0]";
        let rule_value = json::parse(rule).unwrap();
        let zone_value = json::parse(zone).unwrap();
        let mut rule_problems = Vec::new();
        let rule_read = Condition::parse(
            &rule_value,
            &format!("{at}.eligibility"),
            &mut rule_problems,
        );
        let mut zone_problems = Vec::new();
        let zone_read = Zone::parse(&zone_value, &format!("{at}.zone"), &mut zone_problems);
        match Catalogue::from_json(&text) {
            Ok(catalogue) => {
                let entry = &catalogue.entries()[0];
                assert_eq!(entry.eligibility, rule_read, "{rule}");
                assert_eq!(entry.held_when, rule_read, "{rule}");
                assert_eq!(Some(&entry.zone), zone_read.as_ref(), "{zone}");
                assert!(rule_problems.is_empty() && zone_problems.is_empty());
                read += 1;
            }
            Err(problems) => {
                let under = |prefix: &str| -> Vec<String> {
                    said(&problems)
                        .into_iter()
                        .filter(|problem| problem.contains(&format!(" at {prefix}")))
                        .collect()
                };
                assert_eq!(
                    under(&format!("{at}.eligibility")),
                    said(&rule_problems),
                    "{rule}"
                );
                assert_eq!(under(&format!("{at}.zone")), said(&zone_problems), "{zone}");
                assert!(
                    rule_read.is_none()
                        || zone_read.is_none()
                        || !under(&format!("{at}.held_when")).is_empty()
                );
                refused += 1;
            }
        }
        read_alike(&text);
    }
    assert!(read >= 3 && refused >= 5, "{read} read, {refused} refused");
}

/// An entry's rule is read from the catalogue's text without being made
/// into a JSON value first: reading the rules of a thousand entries asks
/// fewer memory blocks than making their values and reading those would.
#[test]
fn rules_are_read_without_making_their_json_values() {
    use passerelle_core::rules::Condition;
    let rule =
        r#"{"all": [{"age": {"min": 16, "max": 25}}, {"in_zone": {"departments": ["93", "95"]}}]}"#;
    // Odd entries have no rule of their own.
    let plain = |i: usize| entry(2 * i + 1);
    let with_rule =
        |i: usize| plain(i).replace(r#""zone""#, &format!(r#""eligibility": {rule}, "zone""#));
    let n = 1_000;
    let read = |entry: &dyn Fn(usize) -> String| {
        let text = catalogue(&(0..n).map(entry).collect::<Vec<_>>());
        let (count, catalogue) = blocks(|| Catalogue::from_json(&text).unwrap());
        assert_eq!(catalogue.entries().len(), n);
        count
    };
    let (with_rules, without) = (read(&with_rule), read(&plain));
    let (value_blocks, value) = blocks(|| json::parse(rule).unwrap());
    let (condition_blocks, condition) =
        blocks(|| Condition::parse(&value, "$", &mut Vec::new()).unwrap());
    drop(condition);
    let per_rule = (with_rules - without) as f64 / n as f64;
    assert!(
        per_rule < (value_blocks + condition_blocks) as f64,
        "a rule read from the text asks {per_rule:.1} blocks; its value {value_blocks}, \
         read from the value {condition_blocks}"
    );
}
