//! Every language the package ships is complete: each translation file
//! has exactly the keys of the French one (a plural message, the
//! categories of its language), no placeable French does not have, and
//! says who translated it and whether a native speaker reviewed it. A
//! language added by files alone works, with no code.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use passerelle_core::catalogue::Catalogue;
use passerelle_core::text::{
    self, overlay, Category, Language, LanguageInfo, Locale, PluralRule, DOCUMENT_DOMAINS,
};
use passerelle_core::Questionnaire;
use serde_json::{Map, Value as Json};

const CATEGORIES: [Category; 6] = [
    Category::Zero,
    Category::One,
    Category::Two,
    Category::Few,
    Category::Many,
    Category::Other,
];

fn core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The folders of translation files: the core's, then the widgets'.
fn folders() -> [PathBuf; 2] {
    [
        core().join("locales"),
        core().join("../passerelle-wasm/locales"),
    ]
}

fn read(path: &Path) -> Json {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn languages() -> Vec<LanguageInfo> {
    serde_json::from_value(read(&core().join("locales/languages.json"))).unwrap()
}

/// The message domains French has: `(folder, domain)`.
fn message_domains() -> Vec<(PathBuf, String)> {
    let mut domains = Vec::new();
    for folder in folders() {
        for entry in fs::read_dir(folder.join("fr")).unwrap() {
            let path = entry.unwrap().path();
            let domain = path.file_stem().unwrap().to_string_lossy().into_owned();
            domains.push((folder.clone(), domain));
        }
    }
    domains.sort();
    domains
}

/// The keys of a document's texts, from its French source in `data/`.
fn document_keys(domain: &str) -> BTreeSet<String> {
    let mut document = read(&core().join("data").join(format!("{domain}.json")));
    let mut keys = BTreeSet::new();
    overlay::each_text(&mut document, &mut |key, _| {
        keys.insert(key.to_owned());
    });
    keys
}

/// `key` without a plural suffix, and the category, if it has one.
fn plural_base(key: &str) -> (&str, Option<Category>) {
    for category in CATEGORIES {
        if let Some(base) = key.strip_suffix(category.suffix()) {
            return (base, Some(category));
        }
    }
    (key, None)
}

/// What is wrong with `file`, a translation of `french` (key → text) in a
/// language whose plural rule is `rule`.
fn problems(
    file: &Map<String, Json>,
    french: &BTreeMap<String, String>,
    rule: PluralRule,
) -> Vec<String> {
    let mut problems = Vec::new();
    match file.get("@metadata") {
        Some(Json::Object(metadata)) => {
            for field in [
                "translators",
                "machine_assisted",
                "reviewed_by_native_speaker",
            ] {
                if !metadata.contains_key(field) {
                    problems.push(format!("@metadata has no {field}"));
                }
            }
        }
        _ => problems.push("no @metadata".to_owned()),
    }
    // French's keys, plural ones by their base.
    let mut plural_bases: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut plain: BTreeSet<&str> = BTreeSet::new();
    for (key, text) in french {
        match plural_base(key) {
            (base, Some(_)) => plural_bases
                .entry(base)
                .or_default()
                .extend(text::placeables(text)),
            (key, None) => {
                plain.insert(key);
            }
        }
    }
    let mut wanted: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for key in &plain {
        wanted.insert(
            (*key).to_owned(),
            text::placeables(&french[*key]).into_iter().collect(),
        );
    }
    for (base, placeables) in &plural_bases {
        for category in rule.categories() {
            wanted.insert(format!("{base}{}", category.suffix()), placeables.clone());
        }
    }
    for (key, text) in file.iter().filter(|(key, _)| *key != "@metadata") {
        let Some(allowed) = wanted.get(key) else {
            problems.push(format!("extra key {key}"));
            continue;
        };
        let Json::String(text) = text else {
            problems.push(format!("{key} is not a text"));
            continue;
        };
        // A digit group separator may be a space (U+00A0, U+202F).
        if text.is_empty() || text.trim().is_empty() && key != "number-group" {
            problems.push(format!("{key} is empty"));
        }
        for placeable in text::placeables(text) {
            if !allowed.contains(placeable) {
                problems.push(format!("{key}: unknown placeable {{{{{placeable}}}}}"));
            }
        }
    }
    for key in wanted.keys() {
        if !file.contains_key(key) {
            problems.push(format!("missing key {key}"));
        }
    }
    problems
}

/// French's texts of a message domain: its file, and for `themes` the
/// data·inclusion referential's own labels (French reads them there).
fn french(folder: &Path, domain: &str) -> BTreeMap<String, String> {
    let mut texts = as_texts(&read(&folder.join("fr").join(format!("{domain}.json"))));
    if domain == "themes" {
        let referential = read(&core().join("data/data-inclusion/thematiques.json"));
        for theme in referential.as_array().unwrap() {
            let value = theme["value"].as_str().unwrap().to_owned();
            texts
                .entry(value)
                .or_insert_with(|| theme["label"].as_str().unwrap().to_owned());
        }
    }
    texts
}

fn as_texts(file: &Json) -> BTreeMap<String, String> {
    file.as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| *key != "@metadata")
        .map(|(key, text)| (key.clone(), text.as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// The problems of every file of the language `info` in `root` (a
/// folder laid out as `locales/`: `<tag>/<domain>.json`), against French.
fn language_problems(info: &LanguageInfo, roots: &[PathBuf]) -> Vec<String> {
    let mut all = Vec::new();
    for (folder, domain) in message_domains() {
        let french = french(&folder, &domain);
        let root = roots
            .iter()
            .find(|root| root.join(&info.tag).join(format!("{domain}.json")).exists());
        let Some(root) = root else {
            all.push(format!("{}: no {domain}.json", info.tag));
            continue;
        };
        let file = read(&root.join(&info.tag).join(format!("{domain}.json")));
        let Json::Object(file) = file else {
            all.push(format!("{}/{domain}.json is not an object", info.tag));
            continue;
        };
        for problem in problems(&file, &french, info.plural) {
            all.push(format!("{}/{domain}.json: {problem}", info.tag));
        }
    }
    for domain in DOCUMENT_DOMAINS {
        let keys = document_keys(domain);
        let french: BTreeMap<String, String> =
            keys.into_iter().map(|key| (key, String::new())).collect();
        let path = roots
            .iter()
            .map(|root| root.join(&info.tag).join(format!("{domain}.json")))
            .find(|path| path.exists());
        let Some(path) = path else {
            all.push(format!("{}: no {domain}.json", info.tag));
            continue;
        };
        let Json::Object(file) = read(&path) else {
            all.push(format!("{}/{domain}.json is not an object", info.tag));
            continue;
        };
        for problem in problems(&file, &french, info.plural) {
            all.push(format!("{}/{domain}.json: {problem}", info.tag));
        }
    }
    all
}

#[test]
fn languages_json_has_one_language_a_line_french_and_english_first() {
    let text = fs::read_to_string(core().join("locales/languages.json")).unwrap();
    let infos = languages();
    assert_eq!(
        text.lines().filter(|line| line.contains("\"tag\"")).count(),
        infos.len()
    );
    assert_eq!(infos[0].tag, "fr");
    assert_eq!(infos[1].tag, "en");
    for info in &infos {
        assert!(text::is_tag(&info.tag), "{}", info.tag);
        assert!(!info.name.trim().is_empty(), "{} has no name", info.tag);
    }
    let tags: Vec<&str> = infos.iter().map(|info| info.tag.as_str()).collect();
    assert_eq!(tags, ["fr", "en", "es", "ar", "fa", "ps", "ru", "uk"]);
}

#[test]
fn every_shipped_language_has_every_key_and_no_other() {
    let mut all = Vec::new();
    for info in languages().iter().filter(|info| info.tag != "fr") {
        all.extend(language_problems(info, &folders()));
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn french_and_english_give_every_plural_category_of_their_rule() {
    for (folder, domain) in message_domains() {
        for (tag, rule) in [("fr", PluralRule::Fr), ("en", PluralRule::En)] {
            let file = as_texts(&read(&folder.join(tag).join(format!("{domain}.json"))));
            let bases: BTreeSet<&str> = file
                .keys()
                .filter_map(|key| match plural_base(key) {
                    (base, Some(_)) => Some(base),
                    _ => None,
                })
                .collect();
            for base in bases {
                for category in rule.categories() {
                    let key = format!("{base}{}", category.suffix());
                    assert!(file.contains_key(&key), "{tag}/{domain}.json lacks {key}");
                }
            }
        }
    }
}

/// A language as the package ships it, from its files in `roots`.
fn shipped_file(info: &LanguageInfo, roots: &[PathBuf]) -> String {
    let mut files = Map::new();
    for root in roots {
        let Ok(entries) = fs::read_dir(root.join(&info.tag)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            files.insert(
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                read(&path),
            );
        }
    }
    serde_json::json!({"language": info, "files": files}).to_string()
}

/// A translator's files for a language no code knows: every text of the
/// English files, marked (a pseudo-translation: « ⟦…⟧ »), plurals by
/// another rule than English's.
fn pseudo_language(folder: &Path) -> LanguageInfo {
    let info = LanguageInfo {
        tag: "qps".into(),
        name: "Pseudo".into(),
        direction: text::Direction::Rtl,
        plural: PluralRule::Ru,
        fallback: vec!["en".into(), "fr".into()],
        aliases: vec![],
    };
    let mark = |text: &str| -> String {
        // Placeables stay as they are; the words around them are marked.
        format!("⟦{text}⟧")
    };
    let sources: Vec<(String, Json)> = message_domains()
        .into_iter()
        .map(|(root, domain)| {
            let english = read(&root.join("en").join(format!("{domain}.json")));
            (domain, english)
        })
        .chain(DOCUMENT_DOMAINS.iter().map(|domain| {
            (
                domain.to_string(),
                read(&core().join("locales/en").join(format!("{domain}.json"))),
            )
        }))
        .collect();
    fs::create_dir_all(folder.join("qps")).unwrap();
    for (domain, english) in sources {
        let mut file = Map::new();
        file.insert(
            "@metadata".into(),
            serde_json::json!({"language": "qps", "domain": domain, "translators": ["test"],
                "machine_assisted": true, "reviewed_by_native_speaker": false}),
        );
        for (key, text) in english.as_object().unwrap() {
            let Json::String(text) = text else { continue };
            match plural_base(key) {
                (base, Some(_)) => {
                    for category in PluralRule::Ru.categories() {
                        file.insert(
                            format!("{base}{}", category.suffix()),
                            Json::String(mark(text)),
                        );
                    }
                }
                _ => {
                    file.insert(key.clone(), Json::String(mark(text)));
                }
            }
        }
        fs::write(
            folder.join("qps").join(format!("{domain}.json")),
            Json::Object(file).to_string(),
        )
        .unwrap();
    }
    info
}

#[test]
fn a_ninth_language_added_by_files_alone_is_complete_and_speaks_everywhere() {
    let folder = std::env::temp_dir().join(format!("passerelle-ninth-{}", std::process::id()));
    let info = pseudo_language(&folder);
    // The same completeness check as the shipped languages.
    let problems = language_problems(&info, std::slice::from_ref(&folder));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Loaded as the package ships it, and registered: no code knows it.
    let language =
        Language::from_json(&shipped_file(&info, std::slice::from_ref(&folder))).unwrap();
    let _ = fs::remove_dir_all(&folder);
    let locale = text::register(language).unwrap();
    assert_eq!(Locale::from_tag("qps"), Some(locale));
    assert_eq!(locale.direction(), text::Direction::Rtl);
    // The questionnaire and the national catalogue speak it.
    let questionnaire = Questionnaire::default_fr_en();
    let first = &questionnaire.sections[0];
    assert!(
        first.title.get(locale).starts_with('⟦'),
        "{}",
        first.title.get(locale)
    );
    assert_eq!(first.title.language(locale), locale);
    let catalogue = Catalogue::national();
    let entry = &catalogue.entries()[0];
    assert!(
        entry.name.get(locale).starts_with('⟦'),
        "{}",
        entry.name.get(locale)
    );
}
