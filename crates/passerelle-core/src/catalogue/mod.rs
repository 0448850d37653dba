//! The catalogue: schemes ("dispositifs") and partner services, with
//! their eligibility rules, zone and how to get in.
//!
//! The format is documented in `docs/catalogue-format.md` and described by
//! `catalogue.schema.json` beside this crate. [`Catalogue::from_json`]
//! checks every entry (field checks with the `validator` crate, rules and
//! zones against the facts vocabulary and the INSEE codes, values against
//! the data·inclusion referentials) and reports every problem at once.

pub mod editing;
pub mod messages;

mod for_questions;
pub mod import;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value as Json;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::base::date::Date;
use crate::base::json::given;
use crate::base::problem::{Path, Problem};
use crate::rules::program::Program;
use crate::rules::{Condition, Test, Zone};
use crate::text::ByLocale;
use crate::text::Locale;
use crate::text::LocalizedText;
use crate::vocabulary::referentials::{by_length, Referential};

/// The catalogue format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// How many months an entry's criteria hold after its `last_verified`
/// before it is stale ("à vérifier"), unless its catalogue says
/// `stale_after_months`.
pub const DEFAULT_STALE_AFTER_MONTHS: u16 = 12;

/// How many months ahead [`Catalogue::to_reverify`] looks for figures
/// about to end.
pub const REVERIFY_NOTICE_MONTHS: u16 = 3;

/// The longest period a catalogue may set: ten years.
const MAX_STALE_AFTER_MONTHS: u16 = 120;

#[cfg(feature = "bundled-catalogue")]
const NATIONAL_CATALOGUE: &str = data_file!("catalogue.json");

/// Entries of the national catalogue renamed after plans naming them may
/// have been saved: (former id, id today). Reading a saved plan gives the
/// id of today ([`crate::plan::Plan::from_json`]), and
/// [`Catalogue::entry`] finds an entry by its former id.
pub const RENAMED_ENTRIES: &[(&str, &str)] = &[
    // Issue 17: the complément de libre choix du mode de garde takes the
    // id advisors know it by (PAJE CMG).
    ("complement-mode-de-garde", "paje-cmg"),
];

/// The id today of an entry renamed from `former`, if it was.
pub fn renamed_entry(former: &str) -> Option<&'static str> {
    RENAMED_ENTRIES
        .iter()
        .find(|(id, _)| *id == former)
        .map(|(_, today)| *today)
}

const DEMO_LOCAL_CATALOGUE: &str = data_file!("catalogue-demo-local.json");

/// A list of schemes and services, checked: every catalogue is read by
/// [`Catalogue::from_json`] (or made by [`Catalogue::merged_with`] or an
/// import), so its entries are always valid and their ids unique.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalogue {
    pub format_version: u32,
    pub id: String,
    pub name: String,
    /// Demonstration data: every entry is invented.
    pub fictional: bool,
    /// Its own period before an entry is stale, when it sets one
    /// (otherwise [`DEFAULT_STALE_AFTER_MONTHS`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale_after_months: Option<u16>,
    entries: Vec<Entry>,
    #[serde(skip)]
    index: LazyIndex,
    /// The communes known, to name those of zones and where a person
    /// lives (see [`Catalogue::with_communes`]).
    #[serde(skip)]
    communes: crate::vocabulary::communes::Communes,
}

/// What orientation needs of every entry, worked out once per catalogue so
/// that ranking compares numbers, not texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Index {
    /// For each language asked so far (French when read), for each entry:
    /// how close its zone is (commune 0, department 1, region 2, national
    /// 3) above its rank by name then id (32 bits). Sorting by it sorts by
    /// closeness then name.
    closeness_and_name: ByLocale<Vec<u64>>,
    /// Each entry's validity period.
    validity: Vec<(Option<Date>, Option<Date>)>,
    /// Whether each entry is an emergency contact.
    urgent: Vec<bool>,
    /// Each entry's data·inclusion publics, one bit per position in
    /// [`Referential::Publics`].
    publics: Vec<u16>,
    /// Every entry's themes one after the other, as positions in the
    /// data·inclusion themes; the `i`-th entry's are
    /// `themes[theme_starts[i]..theme_starts[i + 1]]`.
    themes: Vec<u16>,
    theme_starts: Vec<u32>,
    /// Every entry's zone and rule, compiled.
    program: Program,
    /// Where each entry's zone and rule start in the program.
    compiled: Vec<Compiled>,
    /// The position of each entry by id: a plan's or a report's actions
    /// look their entries up one by one, in catalogues of thousands.
    by_id: std::collections::HashMap<String, usize>,
    /// Every entry's id one after the other, the `i`-th ending at
    /// `id_ends[i]`: matching lists thousands of ids without reading the
    /// entries, each far from the next in memory.
    ids: String,
    id_ends: Vec<u32>,
}

/// Where an entry's zone and rule start in the catalogue's program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Compiled {
    pub zone: u32,
    pub rule: Option<u32>,
    /// Its `held_when` condition, if any.
    pub held: Option<u32>,
    /// Its key step's condition, if any.
    pub key: Option<u32>,
}

/// A catalogue's [`Index`], worked out the first time orientation or a
/// look-up by id asks: a local catalogue read only to be merged into the
/// national one never needs its own (a tenth of loading 10,000 entries).
/// It is made from the entries, so two are always equal: catalogues
/// compare by their entries.
#[derive(Debug, Clone, Default)]
struct LazyIndex(std::sync::OnceLock<Index>);

impl PartialEq for LazyIndex {
    fn eq(&self, _: &LazyIndex) -> bool {
        true
    }
}

impl Eq for LazyIndex {}

/// How close each entry's zone is, above its rank by name in `locale`
/// then id: see `Index::closeness_and_name`.
fn ranks(entries: &[Entry], locale: Locale) -> Vec<u64> {
    // Each name looked up once, not at each comparison (its language's
    // chain walked each time: a tenth of loading 10,000 entries).
    let names: Vec<&str> = entries.iter().map(|entry| entry.name.get(locale)).collect();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    crate::base::sort::sort_by_key(&mut order, |&i| (names[i], entries[i].id.as_str()));
    let mut keys = vec![0; entries.len()];
    for (rank, i) in order.into_iter().enumerate() {
        keys[i] = u64::from(entries[i].zone.closeness()) << 32 | rank as u64;
    }
    keys
}

impl Index {
    fn new(entries: &[Entry]) -> Index {
        let mut program = Program::default();
        let closeness_and_name = ByLocale::default();
        closeness_and_name.get_or_make(Locale::Fr, || Arc::new(ranks(entries, Locale::Fr)));
        Index {
            closeness_and_name,
            validity: (entries.iter())
                .map(|entry| (entry.valid_from, entry.valid_until))
                .collect(),
            urgent: entries.iter().map(|entry| entry.urgent).collect(),
            publics: (entries.iter())
                .map(|entry| {
                    (entry.publics.iter())
                        .filter_map(|public| Referential::Publics.position(public))
                        .fold(0, |bits, position| bits | 1 << position)
                })
                .collect(),
            themes: (entries.iter())
                .flat_map(|entry| &entry.themes)
                .filter_map(|theme| Referential::Themes.position(theme))
                .map(|position| position as u16)
                .collect(),
            theme_starts: std::iter::once(0)
                .chain(entries.iter().scan(0, |start, entry| {
                    *start += (entry.themes.iter())
                        .filter(|theme| Referential::Themes.contains(theme))
                        .count() as u32;
                    Some(*start)
                }))
                .collect(),
            compiled: entries
                .iter()
                .map(|entry| Compiled {
                    zone: program.compile(&entry.zone_condition),
                    rule: entry.eligibility.as_ref().map(|rule| program.compile(rule)),
                    // Never explained: compiled without their sentences.
                    held: entry.held_when.as_ref().map(|held| program.compile(held)),
                    key: (entry.key_step.as_ref()).map(|key| program.compile(&key.when)),
                })
                .collect(),
            program,
            by_id: (entries.iter().enumerate())
                .map(|(at, entry)| (entry.id.clone(), at))
                .collect(),
            ids: entries.iter().map(|entry| entry.id.as_str()).collect(),
            id_ends: (entries.iter())
                .scan(0, |end, entry| {
                    *end += entry.id.len() as u32;
                    Some(*end)
                })
                .collect(),
        }
    }
}

/// Whether an entry is a scheme (a right, a programme) or a service (a
/// place or line one contacts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Scheme,
    Service,
}

/// One scheme or service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub kind: EntryKind,
    /// data·inclusion `types-de-services`.
    pub types: Vec<String>,
    /// data·inclusion `thematiques`.
    pub themes: Vec<String>,
    /// data·inclusion `publics`.
    pub publics: Vec<String>,
    /// Who is eligible; `None`: everyone in the zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Condition>,
    /// When the person has it already (a benefit received, a
    /// registration, a recognition, a follow-up in progress): met, the
    /// entry is shown as theirs and never proposed as a new step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_when: Option<Condition>,
    /// When it is the key step of the person's situation, and which needs
    /// it then leads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_step: Option<KeyStep>,
    /// The zone as a condition, for explanations ("Habiter en France").
    #[serde(skip)]
    pub zone_condition: Condition,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_notes: Option<LocalizedText>,
    pub zone: Zone,
    pub access: Access,
    /// data·inclusion `frais`.
    pub cost: String,
    /// An emergency contact, shown first when an urgent need is found.
    pub urgent: bool,
    /// The documents the partner usually asks for, as its source lists
    /// them; a plan asks the person to get them ready first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<LocalizedText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// From when and until when its amounts and ceilings hold ("barèmes"):
    /// past `until`, a right whose rule is met is told "à vérifier", never
    /// "Vous y avez droit" (the figures may have changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures_valid: Option<FiguresValid>,
    pub source_url: String,
    pub last_verified: Date,
    /// How many months after `last_verified` it is stale: its catalogue's
    /// `stale_after_months` (kept by an entry merged into another
    /// catalogue), or [`DEFAULT_STALE_AFTER_MONTHS`].
    #[serde(skip)]
    pub stale_after_months: u16,
}

/// Why an entry is to re-verify against its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReverifyReason {
    /// Last verified longer ago than its catalogue's period.
    Stale,
    /// Its `figures_valid` ended.
    FiguresEnded,
    /// Its `figures_valid` ends within [`REVERIFY_NOTICE_MONTHS`] months.
    FiguresEnding,
}

/// An entry to re-verify, and by when: the day its verification or its
/// figures ran out (or run out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reverify<'c> {
    #[serde(serialize_with = "entry_id")]
    pub entry: &'c Entry,
    pub reason: ReverifyReason,
    pub due: Date,
}

fn entry_id<S: serde::Serializer>(entry: &&Entry, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&entry.id)
}

/// The period an entry's amounts and ceilings hold ("barèmes en vigueur"),
/// both ends included: the RSA base amount from 1 April to 31 March.
/// `until` is required (the date the figures change, as the source says);
/// `from` when the source says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresValid {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    pub until: Date,
}

impl FiguresValid {
    /// Whether the figures hold on `date`: from `from` (if given) to
    /// `until`, both included.
    pub fn hold_on(&self, date: Date) -> bool {
        within(self.from, Some(self.until), date)
    }
}

/// The key step of a situation ("démarche clé"): the step that opens the
/// others, such as a postal address (domiciliation) for a person without a
/// stable home. When `when` is met, the entry comes first among the
/// proposals of a need, and is proposed under the needs it `leads` too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyStep {
    pub when: Condition,
    /// data·inclusion themes or categories of the needs it leads.
    pub leads: Vec<String>,
}

impl KeyStep {
    /// Whether it leads a need of `theme` (a theme or a category): the same
    /// theme, a theme of that category, or that theme's category.
    pub fn leads(&self, theme: &str) -> bool {
        let category = crate::vocabulary::referentials::theme_category(theme);
        self.leads.iter().any(|led| {
            led == theme
                || crate::vocabulary::referentials::theme_category(led) == theme
                || led == category
        })
    }
}

/// How to get in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Access {
    /// data·inclusion `personnes-mobilisatrices`: who can start the request.
    pub through: Vec<String>,
    /// data·inclusion `modes-mobilisation`.
    pub modes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<LocalizedText>,
    /// Where to go, as a person reads it ("12 rue de la République, 93200
    /// Saint-Denis"): data·inclusion's `adresse`. Plain text, trimmed, 1
    /// to [`MAX_ADDRESS`] characters, shown as text (never a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The opening hours in words ("horaires d'ouverture": "Du lundi au
    /// vendredi, de 9 h à 12 h"), French required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<LocalizedText>,
    /// Whether one walks in or makes an appointment ("accueil sans
    /// rendez-vous, sur rendez-vous").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reception: Option<Reception>,
    /// Open every day of the week, weekends and public holidays included,
    /// as its official page says (the emergency and listening lines): a
    /// plan may date a step with it on any day, where other partners get
    /// working days only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub open_every_day: bool,
}

/// The longest address, in characters.
pub const MAX_ADDRESS: usize = 300;

/// How a partner receives people ("modalités d'accueil"): walk in ("sans
/// rendez-vous"), by appointment ("sur rendez-vous"), or both ("avec ou
/// sans rendez-vous").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reception {
    /// "sans-rendez-vous": one walks in during opening hours.
    #[serde(rename = "sans-rendez-vous")]
    WalkIn,
    /// "sur-rendez-vous": by appointment only.
    #[serde(rename = "sur-rendez-vous")]
    ByAppointment,
    /// "avec-ou-sans-rendez-vous": either.
    #[serde(rename = "avec-ou-sans-rendez-vous")]
    Both,
}

impl Reception {
    /// Every mode, in the order of the format's documentation.
    pub const ALL: [Reception; 3] = [Reception::WalkIn, Reception::ByAppointment, Reception::Both];

    /// Its value in a catalogue (`sans-rendez-vous`…), also its part of
    /// message keys (`reception-sans-rendez-vous`).
    pub fn value(self) -> &'static str {
        match self {
            Reception::WalkIn => "sans-rendez-vous",
            Reception::ByAppointment => "sur-rendez-vous",
            Reception::Both => "avec-ou-sans-rendez-vous",
        }
    }

    /// The mode of a catalogue's value, if it is one.
    pub fn from_value(value: &str) -> Option<Reception> {
        Reception::ALL
            .into_iter()
            .find(|mode| mode.value() == value)
    }
}

/// How to get in as written in JSON, checked before it is an [`Access`]:
/// its reception mode a text, so that an unknown one is told with its
/// path (`$.entries[0].access.reception`), not as an entry serde cannot
/// read.
#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[validate(schema(function = "mode_details", skip_on_field_errors = false))]
struct AccessRecord {
    #[validate(length(min = 1, code = "empty_list"), custom(function = "mobilisers"))]
    through: Vec<String>,
    #[validate(
        length(min = 1, code = "empty_list"),
        custom(function = "mobilisation_modes")
    )]
    modes: Vec<String>,
    #[serde(default)]
    #[validate(custom(function = "phone_number"))]
    phone: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "email_address"))]
    email: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "https_url"))]
    url: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "french_text"))]
    details: Option<LocalizedText>,
    #[serde(default)]
    #[validate(custom(function = "plain_address"))]
    address: Option<String>,
    #[serde(default)]
    #[validate(custom(function = "french_text"))]
    hours: Option<LocalizedText>,
    #[serde(default)]
    #[validate(custom(function = "reception_mode"))]
    reception: Option<String>,
    #[serde(default)]
    open_every_day: bool,
}

impl AccessRecord {
    /// The access, once checked.
    fn read(self) -> Access {
        Access {
            through: self.through,
            modes: self.modes,
            phone: self.phone,
            email: self.email,
            url: self.url,
            details: self.details,
            address: self.address,
            hours: self.hours,
            reception: self.reception.as_deref().and_then(Reception::from_value),
            open_every_day: self.open_every_day,
        }
    }
}

/// An entry as written in JSON, before its rules and zone are read: they
/// are kept as their text, read by [`Condition::parse_text`] and
/// [`Zone::parse_text`].
#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[validate(schema(function = "validity_period", skip_on_field_errors = false))]
struct EntryRecord<'a> {
    #[validate(custom(function = "slug"))]
    id: String,
    #[validate(custom(function = "french_text"))]
    name: LocalizedText,
    #[validate(custom(function = "french_text"))]
    description: LocalizedText,
    kind: EntryKind,
    #[validate(
        length(min = 1, code = "empty_list"),
        custom(function = "service_types")
    )]
    types: Vec<String>,
    #[validate(length(min = 1, code = "empty_list"), custom(function = "themes"))]
    themes: Vec<String>,
    #[validate(length(min = 1, code = "empty_list"), custom(function = "publics"))]
    publics: Vec<String>,
    #[serde(default, borrow)]
    eligibility: Option<&'a RawValue>,
    #[serde(default, borrow)]
    held_when: Option<&'a RawValue>,
    #[serde(default, borrow)]
    key_step: Option<KeyStepRecord<'a>>,
    #[serde(default)]
    #[validate(custom(function = "french_text"))]
    eligibility_notes: Option<LocalizedText>,
    /// Retired (issue 17): read as a `to_check` of the conditions its
    /// notes state, added to `eligibility` (`with_notes_conditions`).
    #[serde(default)]
    conditions_in_notes: bool,
    #[serde(borrow)]
    zone: &'a RawValue,
    #[validate(nested)]
    access: AccessRecord,
    #[validate(custom(function = "fee"))]
    cost: String,
    #[serde(default)]
    urgent: bool,
    #[serde(default)]
    #[validate(custom(function = "french_texts"))]
    documents: Vec<LocalizedText>,
    #[serde(default)]
    valid_from: Option<Date>,
    #[serde(default)]
    valid_until: Option<Date>,
    #[serde(default)]
    figures_valid: Option<FiguresValid>,
    #[validate(custom(function = "https_url"))]
    source_url: String,
    last_verified: Date,
}

/// A key step as written in JSON, before its condition is read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyStepRecord<'a> {
    #[serde(borrow)]
    when: &'a RawValue,
    leads: Vec<String>,
}

/// A catalogue document as written, read straight from its text by
/// [`Catalogue::from_json`]: its entries as written, its other members
/// as JSON values, checked as [`Catalogue::read`] checks them. A member
/// given `null` is `Some(Json::Null)`, as a value's member: only an absent
/// one is `None`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueRecord<'a> {
    #[serde(default, deserialize_with = "given")]
    format_version: Option<Json>,
    #[serde(default, deserialize_with = "given")]
    id: Option<Json>,
    #[serde(default, deserialize_with = "given")]
    name: Option<Json>,
    #[serde(default, deserialize_with = "given")]
    fictional: Option<Json>,
    #[serde(default, deserialize_with = "given")]
    stale_after_months: Option<Json>,
    #[serde(default, deserialize_with = "given", borrow)]
    entries: Option<Vec<EntryRecord<'a>>>,
}

impl CatalogueRecord<'_> {
    /// Checks the catalogue as [`Catalogue::read`] does its value: the
    /// same problems, with the same paths, in the same order.
    fn read(self) -> Result<Catalogue, Vec<Problem>> {
        let mut problems = Vec::new();
        let header = Header {
            format_version: self.format_version.as_ref(),
            id: self.id.as_ref(),
            name: self.name.as_ref(),
            fictional: self.fictional.as_ref(),
            stale_after_months: self.stale_after_months.as_ref(),
        }
        .read(&mut problems);
        let Some(records) = self.entries else {
            problems.push(Problem::new(
                "missing_field",
                "$.entries",
                "Give the entries as a list.",
            ));
            return header.catalogue(Vec::new(), problems);
        };
        let mut ids = std::collections::HashSet::with_capacity(records.len());
        let repeated: Vec<bool> = (records.iter())
            .map(|record| !ids.insert(record.id.as_str()))
            .collect();
        drop(ids);
        let mut entries = Vec::with_capacity(records.len());
        // One path written over for each entry, not one made and dropped.
        let mut path = String::new();
        for (i, (record, repeated)) in records.into_iter().zip(repeated).enumerate() {
            use std::fmt::Write;
            path.clear();
            let _ = write!(path, "$.entries[{i}]");
            if repeated {
                problems.push(duplicate_id(&path, &record.id));
            }
            if let Some(mut entry) = checked_entry(record, &path, &mut problems) {
                entry.stale_after_months = header.stale_after_months();
                entries.push(entry);
            }
        }
        header.catalogue(entries, problems)
    }
}

/// A catalogue's members but its entries, as given (`None`: absent).
struct Header<'a> {
    format_version: Option<&'a Json>,
    id: Option<&'a Json>,
    name: Option<&'a Json>,
    fictional: Option<&'a Json>,
    stale_after_months: Option<&'a Json>,
}

/// A catalogue's members but its entries, checked.
struct HeaderRead {
    id: String,
    name: String,
    fictional: bool,
    stale_after_months: Option<u16>,
}

impl Header<'_> {
    fn read(self, problems: &mut Vec<Problem>) -> HeaderRead {
        let format_version = self.format_version.and_then(Json::as_u64);
        if format_version != Some(u64::from(FORMAT_VERSION)) {
            problems.push(Problem::new(
                "unsupported_version",
                "$.format_version",
                format!("This build reads catalogue format version {FORMAT_VERSION}."),
            ));
        }
        let text = |key: &str, value: Option<&Json>, problems: &mut Vec<Problem>| match value
            .and_then(Json::as_str)
        {
            Some(text) if !text.trim().is_empty() => text.to_owned(),
            _ => {
                problems.push(Problem::new(
                    "missing_field",
                    &format!("$.{key}"),
                    format!("Give the catalogue's {key} as a text."),
                ));
                String::new()
            }
        };
        let id = text("id", self.id, problems);
        let name = text("name", self.name, problems);
        let fictional = match self.fictional {
            None => false,
            Some(value) => value.as_bool().unwrap_or_else(|| {
                problems.push(Problem::new(
                    "wrong_type",
                    "$.fictional",
                    "fictional is true or false.",
                ));
                false
            }),
        };
        let stale_after_months = match self.stale_after_months {
            None => None,
            Some(value) => match value.as_u64() {
                Some(months) if (1..=u64::from(MAX_STALE_AFTER_MONTHS)).contains(&months) => {
                    u16::try_from(months).ok()
                }
                _ => {
                    problems.push(Problem::new(
                        "out_of_range",
                        "$.stale_after_months",
                        format!(
                            "stale_after_months is a whole number of months from 1 to {MAX_STALE_AFTER_MONTHS}."
                        ),
                    ));
                    None
                }
            },
        };
        HeaderRead {
            id,
            name,
            fictional,
            stale_after_months,
        }
    }
}

impl HeaderRead {
    /// How many months its entries' criteria hold.
    fn stale_after_months(&self) -> u16 {
        self.stale_after_months
            .unwrap_or(DEFAULT_STALE_AFTER_MONTHS)
    }

    /// The catalogue of `entries`, unless `problems` has any.
    fn catalogue(
        self,
        entries: Vec<Entry>,
        problems: Vec<Problem>,
    ) -> Result<Catalogue, Vec<Problem>> {
        if problems.is_empty() {
            let mut catalogue = Catalogue::new(self.id, self.name, self.fictional, entries);
            catalogue.stale_after_months = self.stale_after_months;
            Ok(catalogue)
        } else {
            Err(problems)
        }
    }
}

fn duplicate_id(path: &str, id: &str) -> Problem {
    Problem::new(
        "duplicate_id",
        &format!("{path}.id"),
        format!("Another entry already has the id \"{id}\"."),
    )
}

fn error(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

fn slug(id: &str) -> Result<(), ValidationError> {
    if id.len() > crate::base::limits::MAX_ID {
        return Err(error(
            "id_too_long",
            format!(
                "This id is {} bytes long; ids are at most {} bytes.",
                id.len(),
                crate::base::limits::MAX_ID
            ),
        ));
    }
    let ok = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok {
        Ok(())
    } else {
        Err(error(
            "not_a_slug",
            format!(
                "\"{id}\" is not a slug: lowercase letters and digits joined by single dashes."
            ),
        ))
    }
}

fn french_texts(texts: &[LocalizedText]) -> Result<(), ValidationError> {
    texts.iter().try_for_each(french_text)
}

fn french_text(text: &LocalizedText) -> Result<(), ValidationError> {
    if text.has(Locale::Fr) {
        Ok(())
    } else {
        Err(error(
            "missing_translation",
            "Give this text in French: {\"fr\": \"…\"}.",
        ))
    }
}

/// Whether `value` is a data·inclusion theme or a theme's category (what
/// a key step `leads`), by a binary search of a sorted list made once.
fn theme_or_category(value: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let themes = Referential::Themes.terms().iter();
        let mut values: Vec<&'static str> = (themes.clone())
            .map(|term| term.value.as_str())
            .chain(themes.map(|term| crate::vocabulary::referentials::theme_category(&term.value)))
            .collect();
        crate::base::sort::sort_by(&mut values, |a, b| by_length(a, b));
        values.dedup();
        values
    });
    (sorted.binary_search_by(|listed| by_length(listed, value))).is_ok()
}

/// Every value of `values` is in `referential`.
fn in_referential<S: AsRef<str>>(
    values: &[S],
    referential: Referential,
) -> Result<(), ValidationError> {
    let unknown: Vec<&str> = values
        .iter()
        .map(AsRef::as_ref)
        .filter(|value| !referential.contains(value))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(error(
            "not_in_referential",
            format!(
                "Not in the data·inclusion referential \"{}\": {}.",
                referential.name(),
                unknown.join(", ")
            ),
        ))
    }
}

fn service_types(values: &[String]) -> Result<(), ValidationError> {
    in_referential(values, Referential::ServiceTypes)
}

fn themes(values: &[String]) -> Result<(), ValidationError> {
    in_referential(values, Referential::Themes)
}

fn publics(values: &[String]) -> Result<(), ValidationError> {
    in_referential(values, Referential::Publics)?;
    if values.len() > 1 && values.iter().any(|value| value == "tous-publics") {
        return Err(error(
            "tous_publics_not_alone",
            "\"tous-publics\" stands alone.",
        ));
    }
    Ok(())
}

fn mobilisers(values: &[String]) -> Result<(), ValidationError> {
    in_referential(values, Referential::Mobilisers)
}

fn mobilisation_modes(values: &[String]) -> Result<(), ValidationError> {
    in_referential(values, Referential::MobilisationModes)
}

fn fee(value: &str) -> Result<(), ValidationError> {
    in_referential(&[value], Referential::Fees)
}

fn https_url(url: &str) -> Result<(), ValidationError> {
    match crate::base::links::https_problem(url) {
        None => Ok(()),
        Some(code @ "bidi_control_in_url") => Err(error(
            code,
            "This address holds a character that turns text around (U+202A–U+202E, \
             U+2066–U+2069, U+200E, U+200F, U+061C): what a person reads would not be where \
             the link goes.",
        )),
        Some(code) => Err(error(
            code,
            format!(
                "\"{url}\" is not an https:// address whose host is a DNS name (such as \
                 https://www.service-public.fr/)."
            ),
        )),
    }
}

/// An e-mail address as a person types it: one `@`, something before it,
/// a domain with a dot after it, and nothing that could break out of the
/// HTML it is written into. (validator's `email` check pulls in regular
/// expressions and Unicode tables: 150 KB of gzipped wasm, for a check
/// that a partner's address is plausible.)
fn email_address(email: &str) -> Result<(), ValidationError> {
    let plausible = email.split_once('@').is_some_and(|(local, domain)| {
        let labels_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && !domain.contains('@')
            && labels_ok
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || ".!#$%&*+-/=?^_{|}~".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
    });
    if plausible {
        Ok(())
    } else {
        Err(error(
            "invalid_email",
            format!("\"{email}\" is not an e-mail address."),
        ))
    }
}

fn phone_number(phone: &str) -> Result<(), ValidationError> {
    let digits = phone.bytes().filter(u8::is_ascii_digit).count();
    let ok = (2..=15).contains(&digits)
        && phone
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b' ' || b == b'.' || (b == b'+' && i == 0));
    if ok {
        Ok(())
    } else {
        Err(error(
            "invalid_phone",
            format!("\"{phone}\" is not a phone number: digits, spaces, a leading +."),
        ))
    }
}

fn mode_details(access: &AccessRecord) -> Result<(), ValidationError> {
    let has = |mode: &str| access.modes.iter().any(|m| m == mode);
    let missing: Vec<&str> = [
        ("telephoner", access.phone.is_some(), "phone"),
        ("envoyer-un-courriel", access.email.is_some(), "email"),
        ("utiliser-lien-mobilisation", access.url.is_some(), "url"),
    ]
    .into_iter()
    .filter(|(mode, given, _)| has(mode) && !given)
    .map(|(_, _, field)| field)
    .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(error(
            "missing_access_detail",
            format!("Give {} for the modes listed.", missing.join(" and ")),
        ))
    }
}

/// An address as a person reads it: 1 to [`MAX_ADDRESS`] characters (read
/// trimmed), no control character (a line break among them).
fn plain_address(address: &str) -> Result<(), ValidationError> {
    let length = address.chars().count();
    if (1..=MAX_ADDRESS).contains(&length) && !address.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(error(
            "bad_text",
            format!(
                "An address is 1 to {MAX_ADDRESS} characters on one line, without control \
                 characters (\"12 rue de la République, 93200 Saint-Denis\")."
            ),
        ))
    }
}

fn reception_mode(value: &str) -> Result<(), ValidationError> {
    match Reception::from_value(value) {
        Some(_) => Ok(()),
        None => Err(error(
            "not_allowed",
            format!(
                "\"{value}\" is not a reception mode: sans-rendez-vous, sur-rendez-vous or \
                 avec-ou-sans-rendez-vous."
            ),
        )),
    }
}

fn validity_period(entry: &EntryRecord<'_>) -> Result<(), ValidationError> {
    match (entry.valid_from, entry.valid_until) {
        (Some(from), Some(until)) if from > until => Err(error(
            "impossible_period",
            format!("valid_from ({from}) is after valid_until ({until})."),
        )),
        _ => Ok(()),
    }
}

/// The problems of a failed validation, with their JSON paths under `path`.
fn flatten(errors: &ValidationErrors, path: &str, problems: &mut Vec<Problem>) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    crate::base::sort::sort_by(&mut fields, |a, b| a.0.cmp(b.0));
    for (field, kind) in fields {
        let field_path = if field == "__all__" {
            path.to_owned()
        } else {
            format!("{path}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let code = match &error.code {
                        Cow::Borrowed(code) => code,
                        Cow::Owned(_) => "invalid",
                    };
                    let message = error.message.as_deref().map_or_else(
                        || match code {
                            "empty_list" => "List at least one value.".to_owned(),
                            "invalid_email" => "This is not an e-mail address.".to_owned(),
                            _ => format!("Invalid value ({code})."),
                        },
                        str::to_owned,
                    );
                    problems.push(Problem::new(code, &field_path, message));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &field_path, problems),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten(inner, &format!("{field_path}[{i}]"), problems);
                }
            }
        }
    }
}

/// The retired `conditions_in_notes: true`, read as it is now written: a
/// `to_check` of the conditions the notes state, added to the rule (in
/// its top-level `all`, so that the explanation lists it with the
/// others). Under the verdict discipline such an entry is never
/// "eligible": the site cannot check those conditions. Written out, the
/// entry has the `to_check` and no longer the flag.
fn with_notes_conditions(rule: Option<Condition>) -> Condition {
    let check = Condition::new(
        Test::ToCheck(crate::text::localized(|_| {
            messages::CatalogueMessage::NotesConditions.parts()
        })),
        None,
    );
    match rule {
        None => check,
        Some(rule) if rule.label().is_none() && matches!(rule.test(), Test::All(_)) => {
            let Test::All(mut parts) = rule.test().clone() else {
                return check;
            };
            parts.push(check);
            Condition::new(Test::All(parts), None)
        }
        Some(rule) => Condition::new(Test::All(vec![rule, check]), None),
    }
}

/// Reads one entry at `path`; problems go to `problems`.
pub(crate) fn parse_entry(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    // Through its text, as [`Catalogue::from_json`] reads entries: one
    // copy of the entries' reading code in the WebAssembly module, not
    // one per deserializer.
    match serde_json::from_str::<EntryRecord>(&crate::base::json::write(value)) {
        Ok(record) => checked_entry(record, path, problems),
        Err(error) => {
            // Said as of a value: the text written has no lines the author wrote.
            let said = error.to_string();
            let position = format!(" at line {} column {}", error.line(), error.column());
            let said = said.strip_suffix(&position).unwrap_or(&said);
            problems.push(Problem::new(
                "invalid_entry",
                path,
                format!("This entry does not follow the format: {said}."),
            ));
            None
        }
    }
}

/// Checks one entry read as written, at `path`: its fields, rules and
/// zone; problems go to `problems`.
fn checked_entry(
    mut record: EntryRecord<'_>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Entry> {
    // Read from text, an entry's texts are in the order written; read
    // from a JSON value, in the order of their language tags: in that
    // order either way, so that an entry is written out the same.
    for text in [&mut record.name, &mut record.description]
        .into_iter()
        .chain(record.eligibility_notes.as_mut())
        .chain(record.access.details.as_mut())
        .chain(record.access.hours.as_mut())
        .chain(record.documents.iter_mut())
    {
        text.sort_by_tag();
    }
    // An address is read trimmed, without the controls that would turn
    // the words around it (as a text's are: see `LocalizedText`).
    if let Some(address) = &mut record.access.address {
        let read = crate::text::without_bidi_controls(address.trim().into());
        if read.len() != address.len() {
            *address = read.into_owned();
        }
    }
    let before = problems.len();
    if let Err(errors) = record.validate() {
        flatten(&errors, path, problems);
    }
    // Written out only for a problem.
    let root = Path::Root(path);
    let eligibility = (record.eligibility)
        .and_then(|rule| Condition::parse_text(rule.get(), &root.field("eligibility"), problems));
    let eligibility = if record.conditions_in_notes {
        Some(with_notes_conditions(eligibility))
    } else {
        eligibility
    };
    let held_when = record.held_when.and_then(|held| {
        Condition::parse_text_about_facts(held.get(), &root.field("held_when"), problems)
    });
    let key_step = record.key_step.as_ref().and_then(|key| {
        let key_path = format!("{path}.key_step");
        let when = Condition::parse_text_about_facts(
            key.when.get(),
            &Path::Root(&key_path).field("when"),
            problems,
        );
        if key.leads.is_empty() {
            problems.push(Problem::new(
                "empty_list",
                &format!("{key_path}.leads"),
                "List at least one need it leads.",
            ));
        }
        for (i, theme) in key.leads.iter().enumerate() {
            if !theme_or_category(theme) {
                problems.push(Problem::new(
                    "not_in_referential",
                    &format!("{key_path}.leads[{i}]"),
                    format!("\"{theme}\" is not a data·inclusion theme or category."),
                ));
            }
        }
        Some(KeyStep {
            when: when?,
            leads: key.leads.clone(),
        })
    });
    if record.conditions_in_notes && record.eligibility_notes.is_none() {
        problems.push(Problem::new(
            "missing_field",
            &format!("{path}.eligibility_notes"),
            "conditions_in_notes says the notes state conditions: give the notes.",
        ));
    }
    if let Some(FiguresValid {
        from: Some(from),
        until,
    }) = record.figures_valid
    {
        if from > until {
            problems.push(Problem::new(
                "impossible_period",
                &format!("{path}.figures_valid"),
                format!("figures_valid: from ({from}) is after until ({until})."),
            ));
        }
    }
    let zone = Zone::parse_text(record.zone.get(), &root.field("zone"), problems);
    if problems.len() > before {
        return None;
    }
    let zone = zone?;
    Some(Entry {
        zone_condition: Condition::new(Test::InZone(Box::new(zone.clone())), None),
        id: record.id,
        name: record.name,
        description: record.description,
        kind: record.kind,
        types: record.types,
        themes: record.themes,
        publics: record.publics,
        eligibility,
        held_when,
        key_step,
        eligibility_notes: record.eligibility_notes,
        zone,
        access: record.access.read(),
        cost: record.cost,
        urgent: record.urgent,
        documents: record.documents,
        valid_from: record.valid_from,
        valid_until: record.valid_until,
        figures_valid: record.figures_valid,
        source_url: record.source_url,
        last_verified: record.last_verified,
        stale_after_months: DEFAULT_STALE_AFTER_MONTHS,
    })
}

impl Catalogue {
    /// Reads and checks a catalogue, returning every problem found.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// let json = r#"{"format_version": 1, "id": "local", "name": "Local", "entries": [
    ///   {"id": "Épicerie", "name": {"fr": "Épicerie"}, "description": {"en": "Food"},
    ///    "kind": "service", "types": ["aide-materielle"], "themes": ["equipement-et-alimentation--alimentation"],
    ///    "publics": ["tous-publics"], "zone": {"departments": ["20"]},
    ///    "access": {"through": ["usagers"], "modes": ["telephoner"]},
    ///    "cost": "gratuit", "source_url": "http://example.org", "last_verified": "2026-11-26",
    ///    "eligibility": {"age": {"min": 30, "max": 18}}}]}"#;
    /// let problems = Catalogue::from_json(json).unwrap_err();
    /// let found: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    /// assert_eq!(found, [
    ///     ("missing_access_detail", "$.entries[0].access"),
    ///     ("missing_translation", "$.entries[0].description"),
    ///     ("not_a_slug", "$.entries[0].id"),
    ///     ("not_https_url", "$.entries[0].source_url"),
    ///     ("impossible_bounds", "$.entries[0].eligibility.age"),
    ///     ("invalid_code", "$.entries[0].zone.departments[0]"),
    /// ]);
    /// ```
    pub fn from_json(json: &str) -> Result<Catalogue, Vec<Problem>> {
        crate::base::limits::check_text(json).map_err(|problem| vec![problem])?;
        // Straight from the text into the entries, without a JSON value
        // of the whole document (its hundreds of thousands of values made
        // and dropped were half of loading 10,000 entries). A document
        // serde cannot read so (not JSON, a member of the wrong type, an
        // unknown or repeated one, an entry not in the format) is read
        // again through a value, which tells every problem with its path.
        // (serde reads a struct from a list too: only an object is read so.)
        let record = (json.trim_start().starts_with('{'))
            .then(|| serde_json::from_str::<CatalogueRecord>(json).ok())
            .flatten();
        match record {
            Some(record) => record.read(),
            None => {
                let value =
                    crate::base::json::parse(json).map_err(|error| vec![Problem::json(&error)])?;
                Catalogue::read(&value)
            }
        }
    }

    /// Reads and checks a catalogue already parsed as JSON.
    pub fn from_value(value: &Json) -> Result<Catalogue, Vec<Problem>> {
        crate::base::limits::check_value(value, "$").map_err(|problem| vec![problem])?;
        Catalogue::read(value)
    }

    /// Reads a catalogue from a value within the limits.
    fn read(value: &Json) -> Result<Catalogue, Vec<Problem>> {
        let mut problems = Vec::new();
        let Some(map) = value.as_object() else {
            return Err(vec![Problem::new(
                "wrong_type",
                "$",
                "A catalogue is a JSON object.",
            )]);
        };
        for key in map.keys() {
            let known = [
                "format_version",
                "id",
                "name",
                "fictional",
                "stale_after_months",
                "entries",
            ];
            if !known.contains(&key.as_str()) {
                problems.push(Problem::new(
                    "unknown_field",
                    &format!("$.{key}"),
                    "A catalogue has only format_version, id, name, fictional, stale_after_months and entries.",
                ));
            }
        }
        let header = Header {
            format_version: map.get("format_version"),
            id: map.get("id"),
            name: map.get("name"),
            fictional: map.get("fictional"),
            stale_after_months: map.get("stale_after_months"),
        }
        .read(&mut problems);
        let mut entries = Vec::new();
        match map.get("entries").and_then(Json::as_array) {
            Some(items) => {
                let mut ids = BTreeSet::new();
                for (i, item) in items.iter().enumerate() {
                    let path = format!("$.entries[{i}]");
                    if let Some(id) = item.get("id").and_then(Json::as_str) {
                        if !ids.insert(id) {
                            problems.push(duplicate_id(&path, id));
                        }
                    }
                    if let Some(mut entry) = parse_entry(item, &path, &mut problems) {
                        entry.stale_after_months = header.stale_after_months();
                        entries.push(entry);
                    }
                }
            }
            None => problems.push(Problem::new(
                if map.contains_key("entries") {
                    "wrong_type"
                } else {
                    "missing_field"
                },
                "$.entries",
                "Give the entries as a list.",
            )),
        }
        header.catalogue(entries, problems)
    }

    /// The national catalogue shipped with the product, compiled in (the
    /// `bundled-catalogue` feature, on by default).
    #[cfg(feature = "bundled-catalogue")]
    pub fn national() -> Catalogue {
        // Checked by the `shipped_catalogues_load` test, so this cannot fail.
        Catalogue::from_json(NATIONAL_CATALOGUE).unwrap_or_else(|problems| {
            unreachable!("the national catalogue is invalid: {problems:?}")
        })
    }

    /// The national catalogue when it is compiled in (the
    /// `bundled-catalogue` feature); `None` in a build that reads it from a
    /// file, as the WebAssembly package does (`data/catalogue.json`).
    pub fn bundled() -> Option<Catalogue> {
        #[cfg(feature = "bundled-catalogue")]
        return Some(Catalogue::national());
        #[cfg(not(feature = "bundled-catalogue"))]
        None
    }

    /// The fictional local catalogue of the demo town.
    pub fn demo_local() -> Catalogue {
        Catalogue::from_json(DEMO_LOCAL_CATALOGUE)
            .unwrap_or_else(|problems| unreachable!("the demo catalogue is invalid: {problems:?}"))
    }

    /// This catalogue with `local` added; a local entry replaces an entry
    /// of the same id. [`Catalogue::with_local`] without the copy of
    /// `local`'s entries, when `local` is still needed.
    pub fn merged_with(&self, local: &Catalogue) -> Catalogue {
        self.with_local(local.clone())
    }

    /// This catalogue with `local`'s entries moved in: a local entry
    /// replaces an entry of the same id, the others follow this
    /// catalogue's, in their order. The communes are this catalogue's, or
    /// `local`'s when it names none.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// let national = Catalogue::national();
    /// let local = Catalogue::demo_local();
    /// let (national_entries, local_entries) = (national.entries().len(), local.entries().len());
    /// let merged = national.with_local(local);
    /// assert!(merged.entries().len() <= national_entries + local_entries);
    /// assert!(merged.entry("rsa").is_some());
    /// ```
    pub fn with_local(&self, local: Catalogue) -> Catalogue {
        // By this catalogue's index of ids, so that merging stays
        // O(n + m) (a local catalogue of tens of thousands of entries
        // took 40 s with a search through the entries for each); a
        // local entry can only meet one of this catalogue's, its own ids
        // being unique.
        let mut entries = Vec::with_capacity(self.entries.len() + local.entries.len());
        entries.extend_from_slice(&self.entries);
        let fictional = self.fictional || local.fictional;
        let communes = if self.communes.is_empty() {
            local.communes
        } else {
            self.communes.clone()
        };
        for entry in local.entries {
            match self.position(&entry.id) {
                Some(at) => entries[at] = entry,
                None => entries.push(entry),
            }
        }
        let mut merged = Catalogue::new(self.id.clone(), self.name.clone(), fictional, entries);
        merged.stale_after_months = self.stale_after_months;
        merged.with_communes(communes)
    }

    /// This catalogue, naming the communes that `communes` knows: the
    /// communes of its zones in explanations ("Habiter à Saint-Denis"),
    /// and where a person lives ([`crate::orientation::orient`] also works
    /// out the commune of a postal code that serves one commune only). A
    /// commune not known is told by its department, never by its code.
    ///
    /// ```
    /// use passerelle_core::catalogue::Catalogue;
    /// use passerelle_core::communes::Communes;
    ///
    /// let communes = Communes::new()
    ///     .with_part("# passerelle-communes 1 93\n93066\tSaint-Denis\t93200 93210\n")
    ///     .unwrap();
    /// let catalogue = Catalogue::demo_local().with_communes(communes);
    /// assert_eq!(catalogue.communes().name("93066"), Some("Saint-Denis"));
    /// assert_eq!(catalogue.commune_parts_needed(), ["93"]);
    /// ```
    pub fn with_communes(mut self, communes: crate::vocabulary::communes::Communes) -> Catalogue {
        self.communes = communes;
        self
    }

    /// The communes this catalogue names.
    pub fn communes(&self) -> &crate::vocabulary::communes::Communes {
        &self.communes
    }

    /// The departments whose commune part names the communes of this
    /// catalogue's zones (in its entries' zones and eligibility rules), in
    /// code order: what to load before explaining them.
    pub fn commune_parts_needed(&self) -> Vec<&'static str> {
        fn walk(condition: &Condition, into: &mut Vec<&'static str>) {
            match condition.test() {
                Test::All(parts) | Test::Any(parts) => {
                    parts.iter().for_each(|part| walk(part, into));
                }
                Test::Not(part) => walk(part, into),
                Test::InZone(zone) => {
                    for code in zone.communes() {
                        let Some(part) =
                            crate::vocabulary::communes::Communes::part_of_commune(code)
                        else {
                            continue;
                        };
                        let at = into.partition_point(|known| *known < part);
                        if into.get(at) != Some(&part) {
                            into.insert(at, part);
                        }
                    }
                }
                _ => {}
            }
        }
        let mut departments = Vec::new();
        for entry in &self.entries {
            walk(&entry.zone_condition, &mut departments);
            if let Some(rule) = &entry.eligibility {
                walk(rule, &mut departments);
            }
        }
        departments
    }

    /// A catalogue of checked entries with unique ids.
    pub(crate) fn new(id: String, name: String, fictional: bool, entries: Vec<Entry>) -> Catalogue {
        Catalogue {
            format_version: FORMAT_VERSION,
            id,
            name,
            fictional,
            stale_after_months: None,
            index: LazyIndex::default(),
            entries,
            communes: crate::vocabulary::communes::Communes::default(),
        }
    }

    /// The entries a catalogue author should check again against their
    /// sources on `today`, soonest first (then by id): the stale ones,
    /// those whose figures ended, and those whose figures end within
    /// [`REVERIFY_NOTICE_MONTHS`] months. An entry may be listed once per
    /// reason.
    ///
    /// ```
    /// use passerelle_core::catalogue::{Catalogue, ReverifyReason};
    /// use passerelle_core::date::Date;
    /// let catalogue = Catalogue::national();
    /// let far = Date::parse("2040-01-01").unwrap();
    /// let all = catalogue.to_reverify(far);
    /// assert!(all.iter().all(|item| item.reason != ReverifyReason::FiguresEnding || item.due >= far));
    /// assert!(all.windows(2).all(|pair| pair[0].due <= pair[1].due));
    /// ```
    pub fn to_reverify(&self, today: Date) -> Vec<Reverify<'_>> {
        let notice = months_after(today, REVERIFY_NOTICE_MONTHS);
        let mut items = Vec::new();
        for entry in &self.entries {
            if entry.stale(today) {
                items.push(Reverify {
                    entry,
                    reason: ReverifyReason::Stale,
                    due: entry.verified_until(),
                });
            }
            if let Some(figures) = entry.figures_valid {
                let reason = if figures.until < today {
                    Some(ReverifyReason::FiguresEnded)
                } else if figures.until <= notice {
                    Some(ReverifyReason::FiguresEnding)
                } else {
                    None
                };
                if let Some(reason) = reason {
                    items.push(Reverify {
                        entry,
                        reason,
                        due: figures.until,
                    });
                }
            }
        }
        crate::base::sort::sort_by(&mut items, |a, b| {
            (a.due, &a.entry.id, a.reason).cmp(&(b.due, &b.entry.id, b.reason))
        });
        items
    }

    /// What orientation needs of every entry, made the first time it is
    /// asked.
    #[inline]
    fn index(&self) -> &Index {
        self.index.0.get_or_init(|| Index::new(&self.entries))
    }

    /// Every entry, in the order of the catalogue file.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id, or with the id it took when it was renamed
    /// ([`RENAMED_ENTRIES`]: a saved plan may name it by its former id).
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        let found = |id: &str| self.entries.get(*self.index().by_id.get(id)?);
        found(id).or_else(|| found(renamed_entry(id)?))
    }

    /// The position in [`Catalogue::entries`] of the entry with this very
    /// id (not a former one).
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.index().by_id.get(id).copied()
    }

    /// The rank of each entry among all by closeness of its zone
    /// ([`Zone::closeness`]), then name in `locale`, then id: a number, so
    /// that ranking compares no text. Below 2^34. Worked out the first
    /// time a language asks (French when the catalogue is read).
    pub(crate) fn closeness_and_name(&self, locale: Locale) -> Arc<Vec<u64>> {
        (self.index().closeness_and_name)
            .get_or_make(locale, || Arc::new(ranks(&self.entries, locale)))
    }

    /// Whether the `index`-th entry is in force at `date`.
    #[inline]
    pub(crate) fn in_force(&self, index: usize, date: Date) -> bool {
        let (from, until) = self.index().validity[index];
        within(from, until, date)
    }

    /// Whether the `index`-th entry is an emergency contact.
    pub(crate) fn urgent(&self, index: usize) -> bool {
        self.index().urgent[index]
    }

    /// The `index`-th entry's publics, one bit per position in
    /// [`Referential::Publics`].
    pub(crate) fn publics(&self, index: usize) -> u16 {
        self.index().publics[index]
    }

    /// The `index`-th entry's id, from the index (see `Index::ids`).
    pub(crate) fn id(&self, index: usize) -> &str {
        let built = self.index();
        let ends = &built.id_ends;
        let start = index
            .checked_sub(1)
            .map_or(0, |before| ends[before] as usize);
        &built.ids[start..ends[index] as usize]
    }

    /// Every entry's zone and rule, compiled.
    pub(crate) fn program(&self) -> &Program {
        &self.index().program
    }

    /// Where the `index`-th entry's zone and rule are in [`Catalogue::program`].
    pub(crate) fn compiled(&self, index: usize) -> Compiled {
        self.index().compiled[index]
    }

    /// The themes of the `index`-th entry, as positions in the
    /// data·inclusion themes ([`Referential::position`]).
    pub(crate) fn theme_positions(&self, index: usize) -> &[u16] {
        let starts = &self.index().theme_starts;
        &self.index().themes[starts[index] as usize..starts[index + 1] as usize]
    }
}

impl Entry {
    /// Whether the entry is in force at `date` (between valid_from and valid_until).
    pub fn in_force(&self, date: Date) -> bool {
        within(self.valid_from, self.valid_until, date)
    }

    /// The last day its criteria count as verified: `stale_after_months`
    /// after `last_verified` (the last day of a shorter month: 31 March
    /// plus one month is 30 April).
    pub fn verified_until(&self) -> Date {
        months_after(self.last_verified, self.stale_after_months)
    }

    /// Whether it was last verified too long before `date` (after
    /// [`Entry::verified_until`]): it then shows a warning, and a right
    /// whose rule is met is "à vérifier", never "Vous y avez droit".
    pub fn stale(&self, date: Date) -> bool {
        date > self.verified_until()
    }

    /// Whether its amounts and ceilings are not those of `date`: past
    /// `figures_valid.until` (or before its `from`). An entry without
    /// `figures_valid` has none dated.
    pub fn figures_outdated(&self, date: Date) -> bool {
        self.figures_valid
            .is_some_and(|figures| !figures.hold_on(date))
    }
}

/// The same day `months` months after `date`, or the last day of that
/// month when it is shorter.
fn months_after(date: Date, months: u16) -> Date {
    let total = u32::from(date.month()) - 1 + u32::from(months);
    let year = u32::from(date.year()) + total / 12;
    let month = (total % 12) as u8 + 1;
    let year = u16::try_from(year).unwrap_or(u16::MAX);
    (1..=date.day())
        .rev()
        .find_map(|day| Date::new(year, month, day))
        .unwrap_or(date)
}

/// Whether `date` is within a validity period (both ends included).
#[inline]
fn within(from: Option<Date>, until: Option<Date>, date: Date) -> bool {
    from.is_none_or(|from| from <= date) && until.is_none_or(|until| date <= until)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_step_leads_themes_and_categories_only() {
        for term in Referential::Themes.terms() {
            let category = crate::vocabulary::referentials::theme_category(&term.value);
            assert!(theme_or_category(&term.value) && theme_or_category(category));
        }
        for value in ["", "sante--", "Sante", "sante ", "tous-publics", "x"] {
            assert!(!theme_or_category(value), "{value:?}");
        }
    }

    #[test]
    fn a_catalogue_written_out_reads_back_the_same() {
        let national = Catalogue::national();
        let json = serde_json::to_string(&national).unwrap();
        let back = Catalogue::from_json(&json).unwrap();
        assert_eq!(back, national);
    }

    #[test]
    fn email_addresses_are_checked_without_regular_expressions() {
        for good in [
            "contact@mission-locale.fr",
            "prenom.nom+info@example.org",
            "accueil@mairie-saint-denis.fr",
            "é.lise@exemple.fr",
        ] {
            assert!(email_address(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "contact",
            "@example.org",
            "contact@",
            "contact@localhost",
            "a@b@example.org",
            "a b@example.org",
            "x\"onmouseover=\"alert(1)@evil.fr",
            "<a>@example.org",
            ".a@example.org",
            "a..b@example.org",
            "a@-example.org",
            "a@example..org",
        ] {
            assert!(email_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn addresses_that_could_break_out_of_html_are_refused() {
        assert!(https_url("https://www.service-public.fr/particuliers/vosdroits/F1190").is_ok());
        assert!(https_url("https://example.org/?q=a&b=c#x").is_ok());
        for bad in [
            "http://example.org/",
            "https://example.org/\"><script>",
            "https://example.org/a b",
            "https://example.org/'x",
            "https://example.org/`x",
            "https://example.org/a\\b",
            "https://example.org/\u{7}",
            "https://localhost/",
        ] {
            assert!(https_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shipped_catalogues_load() {
        let national = Catalogue::from_json(NATIONAL_CATALOGUE);
        assert!(national.is_ok(), "{:#?}", national.err());
        let local = Catalogue::from_json(DEMO_LOCAL_CATALOGUE);
        assert!(local.is_ok(), "{:#?}", local.err());
        assert!(local.unwrap().fictional);
    }
}
