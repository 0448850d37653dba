//! A territory's data·inclusion records imported in chunks (issue 20):
//! JSON lines, lists and API pages give the catalogue one list gives, ids
//! stay unique across chunks, and each problem says its chunk and line.

use passerelle_core::import::{import_data_inclusion, DataInclusionImport, MAX_IMPORT_ENTRIES};
use passerelle_core::limits::MAX_DOCUMENT_BYTES;
use serde_json::{json, Value as Json};

/// A complete data·inclusion service record, `n` in its id and name; even
/// records carry a free-text condition, every third an EPCI code.
fn record(n: usize) -> Json {
    let mut zone = vec![json!("93")];
    if n % 3 == 0 {
        zone.push(json!("200054781"));
    }
    let mut record = json!({
        "source": "dora", "structure_id": "dora--1", "id": format!("dora--{n}"),
        "nom": format!("Atelier numérique {n}"), "description": "Un atelier pour apprendre à se servir d’un ordinateur.",
        "date_maj": "2026-10-01", "type": "atelier",
        "thematiques": ["numerique--acceder-a-une-connexion-internet"],
        "publics": ["tous-publics"], "frais": "gratuit", "zone_eligibilite": zone,
        "mobilisable_par": ["usagers"], "modes_mobilisation": ["se-presenter"],
        "telephone": "01 23 45 67 89",
        "lien_source": format!("https://dora.inclusion.beta.gouv.fr/services/{n}"),
    });
    if n % 2 == 0 {
        record["conditions_acces"] = json!("Habiter la commune.");
    }
    record
}

fn lines(records: &[Json]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

fn codes_and_paths(report: &[passerelle_core::problem::Problem]) -> Vec<(&str, &str)> {
    report.iter().map(|p| (p.code, p.path.as_str())).collect()
}

#[test]
fn json_lines_lists_and_pages_give_the_catalogue_of_one_list() {
    let records: Vec<Json> = (1..=9).map(record).collect();
    let whole = import_data_inclusion(&Json::from(records.clone()).to_string()).unwrap();
    assert_eq!(whole.catalogue.entries().len(), 9);

    let mut import = DataInclusionImport::new();
    // JSON lines with a blank line and Windows line ends.
    let first = format!("{}\r\n\r\n{}\r\n{}", records[0], records[1], records[2]);
    let first = import.add(&first).unwrap();
    assert_eq!((first.records, first.imported), (3, 3));
    let second = import.add(&Json::from(&records[3..6]).to_string()).unwrap();
    assert_eq!((second.records, second.imported), (3, 3));
    // A page as the data·inclusion API gives it (`GET /api/v1/services`).
    let page = json!({"items": &records[6..9], "total": 9, "page": 3, "size": 3, "pages": 3});
    let third = import
        .add(&serde_json::to_string_pretty(&page).unwrap())
        .unwrap();
    assert_eq!((third.records, third.imported), (3, 3));
    let chunked = import.finish();

    assert_eq!(chunked.catalogue, whole.catalogue);
    // The same problems, each at its chunk and line or place in the list.
    let codes = |import: &passerelle_core::import::Import| -> Vec<&str> {
        import.report.iter().map(|p| p.code).collect()
    };
    assert_eq!(codes(&chunked), codes(&whole));
    let paths: Vec<&str> = chunked.report.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "chunk 1, line 3: $",
            "chunk 1, line 4: $.zone_eligibilite[1]",
            "chunk 2: $[0]",
            "chunk 2: $[2].zone_eligibilite[1]",
            "chunk 2: $[2]",
            "chunk 3: $.items[1]",
            "chunk 3: $.items[2].zone_eligibilite[1]",
        ]
    );
    assert_eq!(whole.report[1].path, "$[2].zone_eligibilite[1]");
}

#[test]
fn an_id_given_in_an_earlier_chunk_is_reported_where_both_are() {
    let mut import = DataInclusionImport::new();
    import.add(&lines(&[record(1), record(2)])).unwrap();
    let again = import
        .add(&Json::from(vec![record(3), record(2)]).to_string())
        .unwrap();
    assert_eq!((again.records, again.imported), (2, 1));
    let duplicate = again.report.last().unwrap();
    assert_eq!(duplicate.code, "duplicate_id");
    assert_eq!(duplicate.path, "chunk 2: $[1].id");
    assert!(
        duplicate.message.contains("di-dora-2") && duplicate.message.contains("chunk 1, line 2"),
        "{}",
        duplicate.message
    );
    let import = import.finish();
    let ids: Vec<&str> = (import.catalogue.entries().iter())
        .map(|entry| entry.id.as_str())
        .collect();
    assert_eq!(ids, ["di-dora-1", "di-dora-2", "di-dora-3"]);
    assert!(import.report.iter().any(|p| p.path == "chunk 2: $[1].id"));
}

#[test]
fn a_broken_line_is_reported_at_its_line_and_the_others_are_imported() {
    let mut import = DataInclusionImport::new();
    import.add(&lines(&[record(1)])).unwrap();
    let mut chunk = lines(&[record(11), record(13)]);
    chunk.insert_str(0, "{\"id\": \"dora--12\", \"nom\": \n");
    chunk.push_str("\"a text, not a record\"\n");
    let report = import.add(&chunk).unwrap();
    assert_eq!((report.records, report.imported), (4, 2));
    assert_eq!(
        codes_and_paths(&report.report),
        [
            ("invalid_json", "chunk 2, line 1: $"),
            ("wrong_type", "chunk 2, line 4: $"),
        ]
    );
    assert_eq!(import.finish().catalogue.entries().len(), 3);
}

#[test]
fn a_chunk_that_cannot_be_read_is_refused_whole_and_takes_no_number() {
    let mut import = DataInclusionImport::new();
    let problems = import.add("[{\"id\": ").unwrap_err();
    assert_eq!(codes_and_paths(&problems), [("invalid_json", "chunk 1: $")]);
    let problems = import.add("not JSON at all\nnor this\n").unwrap_err();
    assert_eq!(codes_and_paths(&problems), [("invalid_json", "chunk 1: $")]);
    let problems = import.add(r#"{"items": {"id": "x"}}"#).unwrap_err();
    assert_eq!(
        codes_and_paths(&problems),
        [("wrong_type", "chunk 1: $.items")]
    );
    // A chunk over the document limit: split it.
    let big = lines(&vec![record(1); MAX_DOCUMENT_BYTES / 400]);
    assert!(big.len() > MAX_DOCUMENT_BYTES);
    let problems = import.add(&big).unwrap_err();
    assert_eq!(
        codes_and_paths(&problems),
        [("document_too_large", "chunk 1: $")]
    );
    // The next chunk that can be read is chunk 1.
    let report = import.add(&lines(&[record(3)])).unwrap();
    assert_eq!(
        report.report[0].path,
        "chunk 1, line 1: $.zone_eligibilite[1]"
    );
    assert_eq!(import.entries(), 1);
    // One record written over several lines, after a blank line.
    let pretty = serde_json::to_string_pretty(&record(6)).unwrap();
    let report = import.add(&format!("\n{pretty}\n")).unwrap();
    assert_eq!(
        codes_and_paths(&report.report),
        [
            (
                "unmapped_zone_code",
                "chunk 2, line 2: $.zone_eligibilite[1]"
            ),
            ("conditions_not_encoded", "chunk 2, line 2: $"),
        ]
    );
}

#[test]
fn an_import_stops_at_its_entry_limit_and_says_from_which_record() {
    let mut import = DataInclusionImport::new();
    let per_chunk = 5_000;
    let mut n = 0;
    let mut last = None;
    while n < MAX_IMPORT_ENTRIES + 10 {
        let chunk: Vec<Json> = (n..n + per_chunk).map(record).collect();
        last = Some(import.add(&lines(&chunk)).unwrap());
        n += per_chunk;
    }
    let last = last.unwrap();
    assert_eq!(import.entries(), MAX_IMPORT_ENTRIES);
    assert_eq!(last.imported, 0);
    let limit: Vec<_> = (last.report.iter())
        .filter(|problem| problem.code == "too_many_entries")
        .collect();
    assert_eq!(limit.len(), 1, "said once per chunk");
    let chunk = MAX_IMPORT_ENTRIES / per_chunk + 1;
    assert_eq!(limit[0].path, format!("chunk {chunk}, line 1: $"));
    assert_eq!(
        import.finish().catalogue.entries().len(),
        MAX_IMPORT_ENTRIES
    );
}
