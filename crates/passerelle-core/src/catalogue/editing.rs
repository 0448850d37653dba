//! What the catalogue editor (`<passerelle-catalogue-editor>`, "éditeur
//! du catalogue des partenaires") asks of the core: a catalogue being
//! written ([`Draft`]), kept as its JSON document so that a file with
//! problems still opens and can be fixed; its checks, which are the
//! loader's own ([`Catalogue::from_value`]), placed at each entry's
//! fields ([`EntryProblem`]); eligibility conditions built with a form
//! and read back ([`FormCondition`]), each with the sentence a person
//! reads; freshness; and an import merged in by id.
//!
//! Pure: the editor's clock is the caller's `today`.

use serde_json::{json, Map, Value as Json};

use crate::base::date::Date;
use crate::base::json;
use crate::base::problem::Problem;
use crate::catalogue::{months_after, Catalogue, DEFAULT_STALE_AFTER_MONTHS};
use crate::rules::conditions::{Condition, Test, Zone};
use crate::rules::sentences;
use crate::text::Locale;
use crate::vocabulary::communes::Communes;

/// Why a catalogue file cannot be opened in the editor at all (what can
/// be fixed in the editor opens, with its problems shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// Not JSON, or over the limits of `docs/robustness.md`.
    Unreadable(Problem),
    /// JSON, but not an object with an `entries` list.
    NotACatalogue,
}

impl DraftError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::Unreadable(problem) => problem.code,
            DraftError::NotACatalogue => "not_a_catalogue",
        }
    }
}

/// A catalogue being written: its JSON document, as the editor changes
/// it. Its entries are objects; anything the editor has no field for is
/// kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    document: Map<String, Json>,
}

/// Where an entry stands, for the list sorted by freshness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freshness {
    /// The entry's position in the catalogue.
    pub index: usize,
    /// Its `last_verified`, if it reads as a date.
    pub last_verified: Option<Date>,
    /// Past its catalogue's period (or never verified): to re-verify.
    pub to_reverify: bool,
}

/// A problem of one entry, at the field the editor shows it at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem<'p> {
    /// The field: the path inside the entry up to the first list index
    /// or language (`name`, `access.phone`, `zone`, `eligibility`).
    pub field: String,
    /// For a problem inside `eligibility`: the condition of the form it
    /// is in (see [`form_conditions`]).
    pub condition: Option<usize>,
    pub problem: &'p Problem,
}

impl Draft {
    /// An empty catalogue.
    pub fn new(id: &str, name: &str) -> Draft {
        let mut document = Map::new();
        document.insert("format_version".into(), json!(1));
        document.insert("id".into(), json!(id));
        document.insert("name".into(), json!(name));
        document.insert("entries".into(), json!([]));
        Draft { document }
    }

    /// A catalogue file, opened to be edited: only what the editor cannot
    /// show is refused.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        let value = json::parse_document(text).map_err(DraftError::Unreadable)?;
        Draft::from_value(value)
    }

    /// A catalogue's JSON value, opened to be edited.
    pub fn from_value(value: Json) -> Result<Draft, DraftError> {
        match value {
            Json::Object(document)
                if document
                    .get("entries")
                    .is_some_and(|entries| entries.is_array()) =>
            {
                let draft = Draft { document };
                if draft.entries().iter().all(Json::is_object) {
                    Ok(draft)
                } else {
                    Err(DraftError::NotACatalogue)
                }
            }
            _ => Err(DraftError::NotACatalogue),
        }
    }

    /// The document.
    pub fn value(&self) -> Json {
        Json::Object(self.document.clone())
    }

    /// The document as a file: indented, as people read it.
    pub fn to_json(&self) -> String {
        json::write_pretty(&self.document)
    }

    /// A top-level text field (`id`, `name`).
    pub fn text(&self, field: &str) -> &str {
        self.document
            .get(field)
            .and_then(Json::as_str)
            .unwrap_or_default()
    }

    /// Sets a top-level text field (`id`, `name`).
    pub fn set_text(&mut self, field: &str, value: &str) {
        self.document.insert(field.to_owned(), json!(value));
    }

    fn entries(&self) -> &[Json] {
        self.document
            .get("entries")
            .and_then(Json::as_array)
            .map_or(&[], Vec::as_slice)
    }

    fn entries_mut(&mut self) -> &mut Vec<Json> {
        let entries = self
            .document
            .entry("entries")
            .or_insert_with(|| Json::Array(Vec::new()));
        if !entries.is_array() {
            *entries = Json::Array(Vec::new());
        }
        match entries {
            Json::Array(entries) => entries,
            _ => unreachable!("made a list just above"),
        }
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// Entry `index`, as written.
    pub fn entry(&self, index: usize) -> Option<&Json> {
        self.entries().get(index)
    }

    /// The position of the entry `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries()
            .iter()
            .position(|entry| entry.get("id").and_then(Json::as_str) == Some(id))
    }

    /// Replaces entry `index` (nothing when there is none).
    pub fn set_entry(&mut self, index: usize, entry: Json) {
        if let Some(slot) = self.entries_mut().get_mut(index) {
            *slot = entry;
        }
    }

    /// Adds a new entry, to be filled in: a service open to all, free,
    /// verified `today`, with an id no other entry has. Returns its
    /// position. It has problems until its name, description, themes,
    /// zone and source are given: the editor shows them.
    pub fn add_entry(&mut self, today: Date) -> usize {
        let mut id = String::from("nouvelle-fiche");
        let mut n = 1;
        while self.position(&id).is_some() {
            n += 1;
            id = format!("nouvelle-fiche-{n}");
        }
        let entry = json!({
            "id": id,
            "name": {"fr": ""},
            "description": {"fr": ""},
            "kind": "service",
            "types": ["accompagnement"],
            "themes": [],
            "publics": ["tous-publics"],
            "zone": {},
            "access": {"through": ["usagers"], "modes": ["se-presenter"]},
            "cost": "gratuit",
            "source_url": "",
            "last_verified": today.to_string(),
        });
        let entries = self.entries_mut();
        entries.push(entry);
        entries.len() - 1
    }

    /// Takes entry `index` out.
    pub fn remove_entry(&mut self, index: usize) {
        let entries = self.entries_mut();
        if index < entries.len() {
            entries.remove(index);
        }
    }

    /// Marks entry `index` verified against its source `today`.
    pub fn mark_verified(&mut self, index: usize, today: Date) {
        if let Some(Json::Object(entry)) = self.entries_mut().get_mut(index) {
            entry.insert("last_verified".into(), json!(today.to_string()));
        }
    }

    /// Every problem of the catalogue, as the engine finds them when it
    /// loads it: the same checks, the same codes and paths.
    pub fn check(&self) -> Vec<Problem> {
        match Catalogue::from_value(&self.value()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        }
    }

    /// `problems` (the draft's, from [`check`](Self::check)) made true
    /// again after entry `index` alone changed: its own problems found
    /// again by checking it alone, as the loader checks each entry, and
    /// the repeated ids of the whole catalogue found again. The same as
    /// [`check`](Self::check) gives, at a keystroke's cost: for 2,160
    /// entries, checking all of them took 200 ms in the browser.
    pub fn recheck_entry(&self, problems: &mut Vec<Problem>, index: usize) {
        let prefix = format!("$.entries[{index}]");
        problems
            .retain(|problem| problem.code != "duplicate_id" && !in_entry(&problem.path, &prefix));
        let Some(entry) = self.entry(index) else {
            return;
        };
        let mut alone = json!({"format_version": 1, "id": "x", "name": "x", "entries": [entry]});
        if let Some(months) = self.document.get("stale_after_months") {
            alone["stale_after_months"] = months.clone();
        }
        if let Err(found) = Catalogue::from_value(&alone) {
            problems.extend(found.into_iter().filter_map(|mut problem| {
                let rest = problem.path.strip_prefix("$.entries[0]")?.to_owned();
                problem.path = format!("{prefix}{rest}");
                Some(problem)
            }));
        }
        // An id used before is reported at each later entry, as the loader does.
        let mut seen = std::collections::HashSet::new();
        for (at, entry) in self.entries().iter().enumerate() {
            if let Some(id) = entry.get("id").and_then(Json::as_str) {
                if !seen.insert(id) {
                    problems.push(crate::catalogue::duplicate_id(
                        &format!("$.entries[{at}]"),
                        id,
                    ));
                }
            }
        }
    }

    /// The catalogue, when it has no problem.
    pub fn catalogue(&self) -> Result<Catalogue, Vec<Problem>> {
        Catalogue::from_value(&self.value())
    }

    /// The entries from the least recently verified; those to re-verify
    /// (past the catalogue's `stale_after_months`, or with no date) are
    /// flagged.
    pub fn by_freshness(&self, today: Date) -> Vec<Freshness> {
        let months = self
            .document
            .get("stale_after_months")
            .and_then(Json::as_u64)
            .and_then(|months| u16::try_from(months).ok())
            .filter(|months| (1..=120).contains(months))
            .unwrap_or(DEFAULT_STALE_AFTER_MONTHS);
        let mut list: Vec<Freshness> = self
            .entries()
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let last_verified = entry
                    .get("last_verified")
                    .and_then(Json::as_str)
                    .and_then(|text| Date::parse(text).ok());
                Freshness {
                    index,
                    last_verified,
                    to_reverify: last_verified
                        .is_none_or(|date| today > months_after(date, months)),
                }
            })
            .collect();
        list.sort_by_key(|item| (item.last_verified, item.index));
        list
    }

    /// The entries a data·inclusion import brought before (their ids
    /// begin with [`IMPORTED_ID_PREFIX`]), as they are now, those that
    /// load: what a new import is compared with ([`changes_since`]), in
    /// this session or months later from the saved file.
    ///
    /// [`IMPORTED_ID_PREFIX`]: crate::catalogue::import::IMPORTED_ID_PREFIX
    /// [`changes_since`]: crate::catalogue::import::changes_since
    pub fn imported_before(&self) -> Catalogue {
        let entries = self
            .entries()
            .iter()
            .filter(|entry| {
                entry
                    .get("id")
                    .and_then(Json::as_str)
                    .is_some_and(|id| id.starts_with(crate::catalogue::import::IMPORTED_ID_PREFIX))
            })
            .filter_map(|entry| {
                let one = json!({"format_version": 1, "id": "avant", "name": "avant", "entries": [entry]});
                Catalogue::from_value(&one).ok()?.entries().first().cloned()
            })
            .collect();
        Catalogue::new(
            "import-precedent".into(),
            "Import précédent".into(),
            false,
            entries,
        )
    }

    /// Merges `imported` in: an entry of the same id is replaced, a new
    /// one added at the end. Returns how many were replaced and added.
    pub fn merge(&mut self, imported: &Catalogue) -> (usize, usize) {
        let (mut replaced, mut added) = (0, 0);
        for entry in imported.entries() {
            let value = entry_value(entry);
            match self.position(&entry.id) {
                Some(index) => {
                    self.set_entry(index, value);
                    replaced += 1;
                }
                None => {
                    self.entries_mut().push(value);
                    added += 1;
                }
            }
        }
        (replaced, added)
    }
}

/// An entry as written in a catalogue file.
fn entry_value(entry: &crate::catalogue::Entry) -> Json {
    json::to_value(entry)
}

/// The problems of entry `index` among `problems` (from
/// [`Draft::check`]), each at its field.
pub fn entry_problems(problems: &[Problem], index: usize) -> Vec<EntryProblem<'_>> {
    let prefix = format!("$.entries[{index}]");
    problems
        .iter()
        .filter_map(|problem| {
            if !in_entry(&problem.path, &prefix) {
                return None;
            }
            let rest = &problem.path[prefix.len()..];
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            let (field, condition) = field_of(rest);
            Some(EntryProblem {
                field,
                condition,
                problem,
            })
        })
        .collect()
}

/// Whether `path` is inside the entry at `prefix` (`$.entries[1]`, not
/// `$.entries[12]`).
fn in_entry(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The field of a path inside an entry, and for `eligibility`, the
/// condition of the form it is in.
fn field_of(path: &str) -> (String, Option<usize>) {
    if let Some(rest) = path.strip_prefix("eligibility") {
        // `eligibility.all[2]…`: the form's third condition; a single
        // condition is the form's first.
        let condition = match rest.strip_prefix(".all[") {
            Some(rest) => rest.split(']').next().and_then(|n| n.parse().ok()),
            None => Some(0),
        };
        return ("eligibility".into(), condition);
    }
    let end = path
        .find(['[', '.'])
        .map(|at| {
            // `access.phone`: one level more for the ways in.
            if path[..at] == *"access" && path[at..].starts_with('.') {
                let rest = &path[at + 1..];
                at + 1 + rest.find(['[', '.']).unwrap_or(rest.len())
            } else {
                at
            }
        })
        .unwrap_or(path.len());
    (path[..end].to_owned(), None)
}

/// A condition as the editor's form builds it: one line of the
/// eligibility, all of which must be met.
#[derive(Debug, Clone, PartialEq)]
pub enum FormCondition {
    /// Aged between `min` and `max` years, both included ("avoir entre
    /// 16 et 25 ans").
    Age { min: Option<i64>, max: Option<i64> },
    /// Lives in one of these departments or communes (INSEE codes).
    LivesIn {
        departments: Vec<String>,
        communes: Vec<String>,
    },
    /// The employment status is one of these (`employment_status`).
    StatusIn(Vec<String>),
    /// Receives at least one of these benefits (`benefits`).
    Receives(Vec<String>),
    /// Has a child under this age (`youngest_child_age` below it).
    ChildUnder(i64),
    /// A condition of the law no fact can say, to check with the
    /// partner ("à vérifier"), in French.
    ToCheck(String),
    /// Any other condition, kept as written (the form shows its
    /// sentence, and cannot change it).
    Written(Json),
}

/// The kinds of condition the form builds, by their name in the form.
pub const FORM_CONDITION_KINDS: [&str; 6] = [
    "age",
    "lives_in",
    "status_in",
    "receives",
    "child_under",
    "to_check",
];

impl FormCondition {
    /// A new condition of `kind` (one of [`FORM_CONDITION_KINDS`]),
    /// to be filled in.
    pub fn blank(kind: &str) -> Option<FormCondition> {
        Some(match kind {
            "age" => FormCondition::Age {
                min: None,
                max: None,
            },
            "lives_in" => FormCondition::LivesIn {
                departments: Vec::new(),
                communes: Vec::new(),
            },
            "status_in" => FormCondition::StatusIn(Vec::new()),
            "receives" => FormCondition::Receives(Vec::new()),
            "child_under" => FormCondition::ChildUnder(3),
            "to_check" => FormCondition::ToCheck(String::new()),
            _ => return None,
        })
    }

    /// Its kind, one of [`FORM_CONDITION_KINDS`], or `written`.
    pub fn kind(&self) -> &'static str {
        match self {
            FormCondition::Age { .. } => "age",
            FormCondition::LivesIn { .. } => "lives_in",
            FormCondition::StatusIn(_) => "status_in",
            FormCondition::Receives(_) => "receives",
            FormCondition::ChildUnder(_) => "child_under",
            FormCondition::ToCheck(_) => "to_check",
            FormCondition::Written(_) => "written",
        }
    }

    /// A condition as written in a catalogue, as the form shows it.
    pub fn read(value: &Json) -> FormCondition {
        read_form(value).unwrap_or_else(|| FormCondition::Written(value.clone()))
    }

    /// The condition as written in a catalogue.
    pub fn to_json(&self) -> Json {
        match self {
            FormCondition::Age { min, max } => {
                let mut bounds = Map::new();
                if let Some(min) = min {
                    bounds.insert("min".into(), json!(min));
                }
                if let Some(max) = max {
                    bounds.insert("max".into(), json!(max));
                }
                json!({ "age": bounds })
            }
            FormCondition::LivesIn {
                departments,
                communes,
            } => {
                let mut zone = Map::new();
                if !departments.is_empty() {
                    zone.insert("departments".into(), json!(departments));
                }
                if !communes.is_empty() {
                    zone.insert("communes".into(), json!(communes));
                }
                json!({ "in_zone": zone })
            }
            FormCondition::StatusIn(values) => {
                json!({"in": {"fact": "employment_status", "values": values}})
            }
            FormCondition::Receives(values) => {
                json!({"has_any": {"fact": "benefits", "values": values}})
            }
            FormCondition::ChildUnder(age) => {
                json!({"compare": {"fact": "youngest_child_age", "op": "<", "value": age}})
            }
            FormCondition::ToCheck(text) => json!({"to_check": {"fr": text}}),
            FormCondition::Written(value) => value.clone(),
        }
    }

    /// The sentence a person reads for it ("Avoir entre 16 et 25 ans"),
    /// as the orientation writes it; the loader's problems when it is not
    /// a valid condition yet.
    pub fn sentence(&self, communes: &Communes, locale: Locale) -> Result<String, Vec<Problem>> {
        condition_sentence(&self.to_json(), communes, locale)
    }
}

/// The form's condition a catalogue condition is, if it is one exactly
/// (no label, nothing more).
fn read_form(value: &Json) -> Option<FormCondition> {
    let object = value.as_object().filter(|object| object.len() == 1)?;
    let (operator, body) = object.iter().next()?;
    let body = body.as_object()?;
    let int = |key: &str| body.get(key).and_then(Json::as_i64);
    let strings = |key: &str| -> Option<Vec<String>> {
        body.get(key)?
            .as_array()?
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect()
    };
    let fact = body.get("fact").and_then(Json::as_str);
    let only = |keys: &[&str]| body.keys().all(|key| keys.contains(&key.as_str()));
    match operator.as_str() {
        "age" if only(&["min", "max"]) => Some(FormCondition::Age {
            min: int("min"),
            max: int("max"),
        }),
        "in_zone" if only(&["departments", "communes"]) => Some(FormCondition::LivesIn {
            departments: strings("departments").unwrap_or_default(),
            communes: strings("communes").unwrap_or_default(),
        }),
        "in" if fact == Some("employment_status") && only(&["fact", "values"]) => {
            strings("values").map(FormCondition::StatusIn)
        }
        "has_any" if fact == Some("benefits") && only(&["fact", "values"]) => {
            strings("values").map(FormCondition::Receives)
        }
        "compare"
            if fact == Some("youngest_child_age")
                && body.get("op").and_then(Json::as_str) == Some("<")
                && only(&["fact", "op", "value"]) =>
        {
            int("value").map(FormCondition::ChildUnder)
        }
        "to_check" if only(&["fr"]) => body
            .get("fr")
            .and_then(Json::as_str)
            .map(|text| FormCondition::ToCheck(text.to_owned())),
        _ => None,
    }
}

/// An entry's eligibility as lines of the form: the parts of its
/// top-level `all`, or its one condition; none when it is open to all.
pub fn form_conditions(eligibility: Option<&Json>) -> Vec<FormCondition> {
    match eligibility {
        None | Some(Json::Null) => Vec::new(),
        Some(value) => match value.as_object().and_then(|object| {
            (object.len() == 1)
                .then(|| object.get("all"))
                .flatten()
                .and_then(Json::as_array)
        }) {
            Some(parts) => parts.iter().map(FormCondition::read).collect(),
            None => vec![FormCondition::read(value)],
        },
    }
}

/// The eligibility the form's lines make: none for no line, the line
/// itself for one, all of them for several.
pub fn eligibility_of(conditions: &[FormCondition]) -> Option<Json> {
    match conditions {
        [] => None,
        [one] => Some(one.to_json()),
        several => Some(json!({
            "all": several.iter().map(FormCondition::to_json).collect::<Vec<_>>()
        })),
    }
}

/// Places picked for a zone or a "lives in" condition: department and
/// commune INSEE codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    pub departments: Vec<String>,
    pub communes: Vec<String>,
}

/// The texts of a JSON list (none for anything else).
fn texts(value: Option<&Json>) -> Vec<String> {
    value
        .and_then(Json::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// An entry's themes, as written.
pub fn entry_themes(entry: &Json) -> Vec<String> {
    texts(entry.get("themes"))
}

/// The departments and communes of an entry's zone, as written.
pub fn zone_places(entry: &Json) -> Places {
    let zone = entry.get("zone");
    Places {
        departments: texts(zone.and_then(|zone| zone.get("departments"))),
        communes: texts(zone.and_then(|zone| zone.get("communes"))),
    }
}

/// Sets an entry's zone's departments and communes (an empty list taken
/// out); the rest of its zone (`national`, `regions`) stays.
pub fn set_zone_places(entry: &mut Json, places: Places) {
    let mut zone = entry
        .get("zone")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    for (key, list) in [
        ("departments", places.departments),
        ("communes", places.communes),
    ] {
        if list.is_empty() {
            zone.remove(key);
        } else {
            zone.insert(key.into(), json!(list));
        }
    }
    if let Json::Object(entry) = entry {
        entry.insert("zone".into(), Json::Object(zone));
    }
}

/// Sets an entry's eligibility from the form's lines ([`eligibility_of`]):
/// none taken out.
pub fn set_eligibility(entry: &mut Json, conditions: &[FormCondition]) {
    let Json::Object(entry) = entry else { return };
    match eligibility_of(conditions) {
        Some(eligibility) => {
            entry.insert("eligibility".into(), eligibility);
        }
        None => {
            entry.remove("eligibility");
        }
    }
}

/// Where people previewing an entry live: its zone's first commune, else
/// its first department; none for a zone of neither.
pub fn zone_place(entry: &Json) -> Option<String> {
    let places = zone_places(entry);
    places.communes.into_iter().chain(places.departments).next()
}

/// The sentence a person reads for a condition, communes named when the
/// table has them; the loader's problems when it is not valid.
pub fn condition_sentence(
    value: &Json,
    communes: &Communes,
    locale: Locale,
) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let condition = Condition::parse(value, "$", &mut problems);
    match condition {
        Some(condition) if problems.is_empty() => Ok(sentence_of(&condition, communes, locale)),
        _ => Err(problems),
    }
}

fn sentence_of(condition: &Condition, communes: &Communes, locale: Locale) -> String {
    match condition.test() {
        Test::InZone(zone) if condition.label().is_none() && !zone.communes().is_empty() => {
            crate::text::in_language(sentences::zone_text_in(zone, communes, locale), locale)
        }
        _ => condition.text(locale).into_owned(),
    }
}

/// A zone in words ("Habiter à Saint-Denis ou à Bobigny"), communes
/// named when the table has them; the loader's problems when it is not
/// valid.
pub fn zone_sentence(
    value: &Json,
    communes: &Communes,
    locale: Locale,
) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    match Zone::parse(value, "$", &mut problems) {
        Some(zone) if problems.is_empty() => Ok(crate::text::in_language(
            sentences::zone_text_in(&zone, communes, locale),
            locale,
        )),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-12-04").unwrap()
    }

    #[test]
    fn a_new_entry_is_refused_until_filled_then_loads() {
        let mut draft = Draft::new("mairie-test", "Partenaires de la mairie");
        let index = draft.add_entry(today());
        let fields: Vec<String> = entry_problems(&draft.check(), index)
            .into_iter()
            .map(|found| found.field)
            .collect();
        for field in ["name", "description", "themes", "zone", "source_url"] {
            assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
        }
        let mut entry = draft.entry(index).unwrap().clone();
        entry["name"] = json!({"fr": "Épicerie solidaire"});
        entry["description"] = json!({"fr": "Des courses à petit prix."});
        entry["themes"] = json!(["equipement-et-alimentation--alimentation"]);
        entry["zone"] = json!({"communes": ["93066"]});
        entry["source_url"] = json!("https://www.example.org/epicerie");
        entry["eligibility"] = eligibility_of(&[
            FormCondition::Age {
                min: Some(18),
                max: None,
            },
            FormCondition::Receives(vec!["rsa".into()]),
        ])
        .unwrap();
        draft.set_entry(index, entry);
        assert_eq!(draft.check(), Vec::new());
        assert_eq!(draft.catalogue().unwrap().entries().len(), 1);
    }

    #[test]
    fn problems_go_to_their_field_and_condition() {
        let mut draft = Draft::new("t", "t");
        for _ in 0..12 {
            draft.add_entry(today());
        }
        let mut entry = draft.entry(1).unwrap().clone();
        entry["access"]["phone"] = json!("abc");
        entry["access"]["modes"] = json!(["telephoner"]);
        entry["eligibility"] =
            json!({"all": [{"age": {"min": 16, "max": 25}}, {"age": {"min": 30, "max": 20}}]});
        draft.set_entry(1, entry);
        let problems = draft.check();
        let found = entry_problems(&problems, 1);
        assert!(found.iter().any(|p| p.field == "access.phone"));
        assert!(found
            .iter()
            .any(|p| p.field == "eligibility" && p.condition == Some(1)));
        assert!(entry_problems(&problems, 11)
            .iter()
            .all(|p| p.problem.path.starts_with("$.entries[11]")));
    }

    #[test]
    fn form_conditions_read_back_and_say_their_sentence() {
        let lines = vec![
            FormCondition::Age {
                min: Some(16),
                max: Some(25),
            },
            FormCondition::LivesIn {
                departments: vec![],
                communes: vec!["93066".into()],
            },
            FormCondition::StatusIn(vec!["jobseeker".into(), "inactive".into()]),
            FormCondition::Receives(vec!["rsa".into()]),
            FormCondition::ChildUnder(3),
            FormCondition::ToCheck("Habiter dans un quartier prioritaire".into()),
        ];
        let eligibility = eligibility_of(&lines).unwrap();
        assert_eq!(form_conditions(Some(&eligibility)), lines);
        let communes = Communes::new()
            .with_part("# passerelle-communes 1 93\n93066\tSaint-Denis\t93200\n")
            .unwrap();
        let said: Vec<String> = lines
            .iter()
            .map(|line| line.sentence(&communes, Locale::Fr).unwrap())
            .collect();
        assert_eq!(said[0], "Avoir entre 16 et 25 ans");
        assert!(said[1].contains("Saint-Denis"), "{}", said[1]);
        assert!(said[3].contains("RSA"), "{}", said[3]);
        // A condition written by hand is kept as it is.
        let written =
            json!({"any": [{"age": {"max": 25}}, {"equals": {"fact": "rqth", "value": true}}]});
        assert_eq!(FormCondition::read(&written).to_json(), written);
        assert!(FormCondition::Age {
            min: Some(30),
            max: Some(20)
        }
        .sentence(&communes, Locale::Fr)
        .is_err());
    }

    #[test]
    fn freshness_puts_the_oldest_first_and_flags_stale() {
        let mut draft = Draft::new("t", "t");
        let a = draft.add_entry(today());
        let b = draft.add_entry(Date::parse("2025-06-01").unwrap());
        let order = draft.by_freshness(today());
        assert_eq!(order[0].index, b);
        assert!(order[0].to_reverify);
        assert!(!order[1].to_reverify);
        draft.mark_verified(b, today());
        assert!(draft.by_freshness(today()).iter().all(|f| !f.to_reverify));
        assert_eq!(a, 0);
    }

    #[test]
    fn a_new_import_is_compared_with_the_entries_the_last_one_brought() {
        let record = |id: &str, phone: &str| {
            format!(
                r#"{{"id": "{id}", "nom": "Atelier CV", "description": "Écrire son CV.", "date_maj": "2026-10-01", "type": "atelier", "thematiques": ["numerique--acceder-a-une-connexion-internet"], "frais": "gratuit", "zone_eligibilite": ["93"], "mobilisable_par": ["usagers"], "modes_mobilisation": ["telephoner"], "telephone": "{phone}", "lien_source": "https://dora.inclusion.beta.gouv.fr/services/1"}}"#
            )
        };
        let import = |records: &[String]| {
            let mut import = crate::catalogue::import::DataInclusionImport::new();
            import.add(&records.join("\n")).unwrap();
            import.finish().catalogue
        };
        let mut draft = Draft::new("t", "t");
        draft.add_entry(today());
        assert!(draft.imported_before().entries().is_empty());
        draft.merge(&import(&[
            record("dora--1", "0102030405"),
            record("dora--2", "0102030405"),
        ]));
        // Saved and opened again, months later.
        let mut draft = Draft::from_json(&draft.to_json()).unwrap();
        let later = import(&[
            record("dora--1", "0999999999"),
            record("dora--3", "0102030405"),
        ]);
        let changes = crate::catalogue::import::changes_since(&draft.imported_before(), &later);
        assert_eq!(changes.added, ["di-dora-3"]);
        assert_eq!(changes.removed, ["di-dora-2"]);
        assert_eq!(changes.changed[0].id, "di-dora-1");
        assert_eq!(changes.changed[0].fields, ["access"]);
        draft.merge(&later);
        assert_eq!(
            draft.len(),
            4,
            "the entry gone from the export stays: the author decides"
        );
    }

    #[test]
    fn an_entry_checked_again_alone_gives_what_the_whole_check_gives() {
        let national = Catalogue::bundled().expect("the national catalogue, compiled in natively");
        let entries: Vec<Json> = national.entries().iter().map(entry_value).collect();
        let mut draft = Draft::new("t", "t");
        draft.merge(
            &Catalogue::from_value(
                &json!({"format_version": 1, "id": "n", "name": "n", "entries": entries}),
            )
            .unwrap(),
        );
        let sorted = |mut problems: Vec<Problem>| {
            problems.sort_by(|a, b| (&a.path, a.code).cmp(&(&b.path, b.code)));
            problems
        };
        let mut problems = draft.check();
        assert!(problems.is_empty());
        let edits: [(usize, &str, Json); 4] = [
            (3, "access", json!({"through": [], "modes": ["telephoner"]})),
            (10, "id", json!(draft.entry(2).unwrap()["id"].clone())),
            (10, "id", json!("une-autre")),
            (0, "eligibility", json!({"age": {"min": 30, "max": 20}})),
        ];
        for (index, field, value) in edits {
            let mut entry = draft.entry(index).unwrap().clone();
            entry[field] = value;
            draft.set_entry(index, entry);
            draft.recheck_entry(&mut problems, index);
            assert_eq!(
                sorted(problems.clone()),
                sorted(draft.check()),
                "after {field} of {index}"
            );
        }
        assert!(!problems.is_empty());
    }

    #[test]
    fn a_zones_places_and_an_eligibility_are_set_on_the_entry_as_written() {
        let mut entry = json!({"zone": {"regions": ["11"], "departments": ["93"]}});
        assert_eq!(zone_place(&entry).as_deref(), Some("93"));
        set_zone_places(
            &mut entry,
            Places {
                departments: vec![],
                communes: vec!["93066".into()],
            },
        );
        assert_eq!(
            entry["zone"],
            json!({"regions": ["11"], "communes": ["93066"]})
        );
        assert_eq!(zone_place(&entry).as_deref(), Some("93066"));
        set_eligibility(&mut entry, &[FormCondition::ChildUnder(3)]);
        assert!(entry.get("eligibility").is_some());
        set_eligibility(&mut entry, &[]);
        assert!(entry.get("eligibility").is_none());
    }

    #[test]
    fn not_a_catalogue_is_told() {
        assert_eq!(
            Draft::from_json("[1]").unwrap_err().code(),
            "not_a_catalogue"
        );
        assert_eq!(Draft::from_json("{").unwrap_err().code(), "invalid_json");
        let draft = Draft::from_json(r#"{"entries": [{"id": "x"}]}"#).unwrap();
        assert_eq!(draft.len(), 1);
        assert!(!draft.check().is_empty());
    }
}
