//! The catalogue editor's own words: the `editor` domain of the widgets'
//! translation files (`locales/<tag>/editor.json`), apart from the other
//! widgets' words so that the questionnaire's module, which never shows
//! the editor, does not carry them.

use passerelle_core::date::Date;
use passerelle_core::messages::Parts;
use passerelle_core::{Locale, Message};

use crate::ui::words::Said;

/// The editor's translation files compiled in: French, and English for
/// native builds and tests (the package ships it in `locales/en.json`).
pub const FILES: [(&str, &str); 2] = [
    ("fr", include_str!("../../../locales/fr/editor.json")),
    ("en", include_str!("../../../locales/en/editor.json")),
];

/// Adds the editor's files to the compiled-in languages, once.
fn load() {
    static LOAD: std::sync::Once = std::sync::Once::new();
    LOAD.call_once(|| {
        crate::ui::words::load();
        crate::ui::words::add_compiled("editor", FILES[0].1, crate::ui::words::english(FILES));
    });
}

/// The texts with no value, each with its key.
macro_rules! plain_texts {
    ($($variant:ident => $key:literal,)*) => {
        /// The editor's texts that show no value.
        const PLAIN: &[(EditorText<'static>, &str)] = &[$((EditorText::$variant, $key),)*];
    };
}

plain_texts! {
    Title => "editor-title",
    DefaultCatalogueName => "editor-default-catalogue-name",
    ListTitle => "editor-list-title",
    ListIntro => "editor-list-intro",
    FileSection => "editor-file-section",
    OpenFile => "editor-open-file",
    NewCatalogue => "editor-new-catalogue",
    CatalogueName => "editor-catalogue-name",
    CatalogueId => "editor-catalogue-id",
    FreshnessOrder => "editor-freshness-order",
    NeverVerified => "editor-never-verified",
    ToReverify => "editor-to-reverify",
    AddEntry => "editor-add-entry",
    Unnamed => "editor-unnamed",
    EntryRemoved => "editor-entry-removed",
    ConditionRemoved => "editor-condition-removed",
    NewEntryTitle => "editor-new-entry-title",
    BackToList => "editor-back-to-list",
    LiveChecks => "editor-live-checks",
    AboutSection => "editor-about-section",
    IdLabel => "editor-id-label",
    IdHint => "editor-id-hint",
    DescriptionHint => "editor-description-hint",
    AddLanguageLabel => "editor-add-language-label",
    AddLanguage => "editor-add-language",
    KindLabel => "editor-kind-label",
    KindService => "editor-kind-service",
    KindScheme => "editor-kind-scheme",
    TypesLabel => "editor-types-label",
    WhoSection => "editor-who-section",
    ThemesLabel => "editor-themes-label",
    NoThemeYet => "editor-no-theme-yet",
    ThemeChoice => "editor-theme-choice",
    AddTheme => "editor-add-theme",
    PublicsLabel => "editor-publics-label",
    ZoneLabel => "editor-zone-label",
    National => "editor-national",
    ZonePlaces => "editor-zone-places",
    NoPlaceYet => "editor-no-place-yet",
    ChooseDepartment => "editor-choose-department",
    Department => "editor-department",
    AddDepartment => "editor-add-department",
    CommuneByName => "editor-commune-by-name",
    AddCommune => "editor-add-commune",
    ChooseDepartmentFirst => "editor-choose-department-first",
    TypeCommune => "editor-type-commune",
    CommunesNotLoaded => "editor-communes-not-loaded",
    ConditionsLabel => "editor-conditions-label",
    NoConditions => "editor-no-conditions",
    AllConditions => "editor-all-conditions",
    ConditionKindLabel => "editor-condition-kind-label",
    AddCondition => "editor-add-condition",
    AgeMin => "editor-age-min",
    AgeMax => "editor-age-max",
    LivesInPlaces => "editor-lives-in-places",
    ChildUnderAge => "editor-child-under-age",
    ToCheckText => "editor-to-check-text",
    WrittenCondition => "editor-written-condition",
    SentenceAfterFix => "editor-sentence-after-fix",
    NotesLabel => "editor-notes-label",
    NotesHint => "editor-notes-hint",
    AccessSection => "editor-access-section",
    ThroughLabel => "editor-through-label",
    ModesLabel => "editor-modes-label",
    PhoneLabel => "editor-phone-label",
    EmailLabel => "editor-email-label",
    UrlLabel => "editor-url-label",
    AddressLabel => "editor-address-label",
    HoursLabel => "editor-hours-label",
    HoursHint => "editor-hours-hint",
    ReceptionLabel => "editor-reception-label",
    ReceptionUnsaid => "editor-reception-unsaid",
    WalkIn => "editor-walk-in",
    ByAppointment => "editor-by-appointment",
    WalkInOrAppointment => "editor-walk-in-or-appointment",
    DetailsLabel => "editor-details-label",
    OpenEveryDay => "editor-open-every-day",
    CostLabel => "editor-cost-label",
    DocumentsLabel => "editor-documents-label",
    DocumentsHint => "editor-documents-hint",
    SourceSection => "editor-source-section",
    SourceLabel => "editor-source-label",
    SourceHint => "editor-source-hint",
    LastVerifiedLabel => "editor-last-verified-label",
    MarkVerified => "editor-mark-verified",
    ShowJson => "editor-show-json",
    RemoveEntry => "editor-remove-entry",
    PreviewSection => "editor-preview-section",
    PreviewIntro => "editor-preview-intro",
    Preview => "editor-preview",
    PreviewAgain => "editor-preview-again",
    PreviewNeedsFixes => "editor-preview-needs-fixes",
    SheetSection => "editor-sheet-section",
    SheetLanguage => "editor-sheet-language",
    MakeSheet => "editor-make-sheet",
    OpenSheet => "editor-open-sheet",
    SheetNeedsFixes => "editor-sheet-needs-fixes",
    ImportSection => "editor-import-section",
    ImportIntro => "editor-import-intro",
    ImportLegend => "editor-import-legend",
    ImportDepartment => "editor-import-department",
    ImportFile => "editor-import-file",
    ImportFileRequired => "editor-import-file-required",
    Import => "editor-import",
    AllMapped => "editor-all-mapped",
    SaveSection => "editor-save-section",
    SaveIntro => "editor-save-intro",
    KeepDraft => "editor-keep-draft",
    Save => "editor-save",
    GuideLink => "editor-guide-link",
    GuideTitle => "editor-guide-title",
    GuideIntro => "editor-guide-intro",
    GuideAttribute => "editor-guide-attribute",
    GuideCheck => "editor-guide-check",
    GuideKeep => "editor-guide-keep",
    FieldName => "editor-field-name",
    FieldDescription => "editor-field-description",
    OwnLegend => "editor-own-legend",
    OwnHint => "editor-own-hint",
    OwnAge => "editor-own-age",
    OwnChild => "editor-own-child",
    OwnStatus => "editor-own-status",
    OwnUnsaid => "editor-own-unsaid",
    OwnBenefits => "editor-own-benefits",
    SheetLanguageFailed => "editor-sheet-language-failed",
}

/// One text of `<passerelle-catalogue-editor>`, with the values it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorText<'a> {
    Title,
    DefaultCatalogueName,
    ListTitle,
    ListIntro,
    FileSection,
    OpenFile,
    NewCatalogue,
    CatalogueName,
    CatalogueId,
    FreshnessOrder,
    NeverVerified,
    ToReverify,
    AddEntry,
    Unnamed,
    EntryRemoved,
    ConditionRemoved,
    NewEntryTitle,
    BackToList,
    LiveChecks,
    AboutSection,
    IdLabel,
    IdHint,
    DescriptionHint,
    AddLanguageLabel,
    AddLanguage,
    KindLabel,
    KindService,
    KindScheme,
    TypesLabel,
    WhoSection,
    ThemesLabel,
    NoThemeYet,
    ThemeChoice,
    AddTheme,
    PublicsLabel,
    ZoneLabel,
    National,
    ZonePlaces,
    NoPlaceYet,
    ChooseDepartment,
    Department,
    AddDepartment,
    CommuneByName,
    AddCommune,
    ChooseDepartmentFirst,
    TypeCommune,
    CommunesNotLoaded,
    ConditionsLabel,
    NoConditions,
    AllConditions,
    ConditionKindLabel,
    AddCondition,
    AgeMin,
    AgeMax,
    LivesInPlaces,
    ChildUnderAge,
    ToCheckText,
    WrittenCondition,
    SentenceAfterFix,
    NotesLabel,
    NotesHint,
    AccessSection,
    ThroughLabel,
    ModesLabel,
    PhoneLabel,
    EmailLabel,
    UrlLabel,
    AddressLabel,
    HoursLabel,
    HoursHint,
    ReceptionLabel,
    ReceptionUnsaid,
    WalkIn,
    ByAppointment,
    WalkInOrAppointment,
    DetailsLabel,
    OpenEveryDay,
    CostLabel,
    DocumentsLabel,
    DocumentsHint,
    SourceSection,
    SourceLabel,
    SourceHint,
    LastVerifiedLabel,
    MarkVerified,
    ShowJson,
    RemoveEntry,
    PreviewSection,
    PreviewIntro,
    Preview,
    PreviewAgain,
    PreviewNeedsFixes,
    SheetSection,
    SheetLanguage,
    MakeSheet,
    OpenSheet,
    SheetNeedsFixes,
    ImportSection,
    ImportIntro,
    ImportLegend,
    ImportDepartment,
    ImportFile,
    ImportFileRequired,
    Import,
    AllMapped,
    SaveSection,
    SaveIntro,
    KeepDraft,
    Save,
    GuideLink,
    GuideTitle,
    GuideIntro,
    GuideAttribute,
    GuideCheck,
    GuideKeep,
    FieldName,
    FieldDescription,
    OwnLegend,
    OwnHint,
    OwnAge,
    OwnChild,
    OwnStatus,
    OwnUnsaid,
    OwnBenefits,
    SheetLanguageFailed,
    /// « Catalogue ouvert : 12 fiches, dont 2 à corriger. »
    Opened {
        entries: usize,
        with_problems: usize,
    },
    /// Why a file cannot be opened, by its code.
    CannotOpen {
        code: &'a str,
    },
    /// Why a data·inclusion file cannot be imported, by its code.
    CannotImport {
        code: &'a str,
    },
    /// A problem of a field, by its code, in words.
    Problem {
        code: &'a str,
    },
    /// Something of an imported record not carried over, by its code.
    ImportProblem {
        code: &'a str,
    },
    ProblemCount {
        count: usize,
    },
    EntriesSection {
        count: usize,
    },
    VerifiedOn {
        date: Date,
    },
    MarkedVerified {
        date: Date,
    },
    Edit {
        name: &'a str,
    },
    MarkVerifiedNamed {
        name: &'a str,
    },
    EntryTitle {
        name: &'a str,
    },
    NameIn {
        language: &'a str,
    },
    DescriptionIn {
        language: &'a str,
    },
    /// A theme in words: its category's, then its own.
    ThemeIn {
        category: &'a str,
        theme: &'a str,
    },
    ThemeAdded {
        name: &'a str,
    },
    ThemeRemoved {
        name: &'a str,
    },
    RemoveTheme {
        name: &'a str,
    },
    RemovePlace {
        name: &'a str,
    },
    PlaceAdded {
        name: &'a str,
    },
    PlaceRemoved {
        name: &'a str,
    },
    /// A commune not named yet: « Une commune de la Seine-Saint-Denis (93) ».
    CommuneOf {
        department: &'a str,
    },
    NoSuchCommune {
        name: &'a str,
    },
    /// A condition's kind, in the list to add one.
    ConditionKind {
        kind: &'a str,
    },
    ConditionLegend {
        number: usize,
        kind: &'a str,
    },
    ConditionAdded {
        number: usize,
    },
    RemoveCondition {
        number: usize,
    },
    /// « La personne lira : « Avoir entre 16 et 25 ans » »
    PersonReads {
        sentence: &'a str,
    },
    /// A sample person, by key.
    Sample {
        key: &'a str,
    },
    CannotSave {
        problems: usize,
        entries: usize,
    },
    FixEntry {
        name: &'a str,
        problems: usize,
    },
    Saved {
        file: &'a str,
    },
    SavedDraft {
        file: &'a str,
    },
    Download {
        file: &'a str,
    },
    GuideSave {
        file: &'a str,
    },
    GuidePut {
        file: &'a str,
    },
    Imported {
        added: usize,
        replaced: usize,
    },
    NotMapped {
        count: usize,
    },
    /// Services of the file outside the territory, not imported.
    Outside {
        count: usize,
    },
    ChangesSince {
        added: usize,
        removed: usize,
        changed: usize,
    },
    ChangeAdded {
        name: &'a str,
    },
    ChangeRemoved {
        name: &'a str,
    },
    ChangeChanged {
        name: &'a str,
        fields: &'a str,
    },
}

/// The message `prefix-code` when a language has it, else `prefix`
/// (every code its words, unknown ones a general sentence).
fn by_code(prefix: &str, code: &str, locale: Locale) -> Parts {
    let key = format!("{prefix}-{}", code.replace('_', "-"));
    if locale.message(&key).is_some() || Locale::Fr.message(&key).is_some() {
        Parts::key(key)
    } else {
        Parts::key(prefix)
    }
}

impl EditorText<'_> {
    /// The text in the given language, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        load();
        self.parts(locale).text(locale)
    }

    /// The text's key in `editor.json` and the values of its placeables.
    pub fn parts(&self, locale: Locale) -> Parts {
        load();
        let count = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
        let date = |date: &Date| Message::LongDate(*date).text(locale);
        let name = |key: &'static str, value: &str| Parts::with(key, [("name", value.to_owned())]);
        let file = |key: &'static str, value: &str| Parts::with(key, [("file", value.to_owned())]);
        if let Some((_, key)) = PLAIN.iter().find(|(text, _)| text == self) {
            return Parts::key(*key);
        }
        match self {
            Self::Opened {
                entries,
                with_problems,
            } => Parts::counted(
                "editor-opened",
                count(*entries),
                [("problems", with_problems.to_string())],
            ),
            Self::CannotOpen { code } => by_code("editor-cannot-open", code, locale),
            Self::CannotImport { code } => by_code("editor-cannot-import", code, locale),
            Self::Problem { code } => by_code("editor-problem", code, locale),
            Self::ImportProblem { code } => by_code("editor-import-problem", code, locale),
            Self::ProblemCount { count: n } => {
                Parts::counted("editor-problem-count", count(*n), [])
            }
            Self::EntriesSection { count: n } => Parts::counted("editor-entries", count(*n), []),
            Self::VerifiedOn { date: d } => Parts::with("editor-verified-on", [("date", date(d))]),
            Self::MarkedVerified { date: d } => {
                Parts::with("editor-marked-verified", [("date", date(d))])
            }
            Self::Edit { name: n } => name("editor-edit", n),
            Self::MarkVerifiedNamed { name: n } => name("editor-mark-verified-named", n),
            Self::EntryTitle { name: n } => name("editor-entry-title", n),
            Self::NameIn { language } => {
                Parts::with("editor-name-in", [("language", (*language).to_owned())])
            }
            Self::DescriptionIn { language } => Parts::with(
                "editor-description-in",
                [("language", (*language).to_owned())],
            ),
            Self::ThemeIn { category, theme } => Parts::with(
                "editor-theme-in",
                [
                    ("category", (*category).to_owned()),
                    ("theme", (*theme).to_owned()),
                ],
            ),
            Self::ThemeAdded { name: n } => name("editor-theme-added", n),
            Self::ThemeRemoved { name: n } => name("editor-theme-removed", n),
            Self::RemoveTheme { name: n } => name("editor-remove-theme", n),
            Self::RemovePlace { name: n } => name("editor-remove-place", n),
            Self::PlaceAdded { name: n } => name("editor-place-added", n),
            Self::PlaceRemoved { name: n } => name("editor-place-removed", n),
            Self::CommuneOf { department } => Parts::with(
                "editor-commune-of",
                [("department", (*department).to_owned())],
            ),
            Self::NoSuchCommune { name: n } => name("editor-no-such-commune", n),
            Self::ConditionKind { kind } => by_code("editor-condition-kind", kind, locale),
            Self::ConditionLegend { number, kind } => Parts::with(
                "editor-condition-legend",
                [
                    ("number", number.to_string()),
                    (
                        "kind",
                        EditorText::ConditionKind { kind }
                            .parts(locale)
                            .text(locale),
                    ),
                ],
            ),
            Self::ConditionAdded { number } => {
                Parts::with("editor-condition-added", [("number", number.to_string())])
            }
            Self::RemoveCondition { number } => {
                Parts::with("editor-remove-condition", [("number", number.to_string())])
            }
            Self::PersonReads { sentence } => Parts::with(
                "editor-person-reads",
                [("sentence", (*sentence).to_owned())],
            ),
            Self::Sample { key } => by_code("editor-sample", key, locale),
            Self::CannotSave { problems, entries } => Parts::counted(
                "editor-cannot-save",
                count(*problems),
                [("entries", entries.to_string())],
            ),
            Self::FixEntry { name, problems } => Parts::counted(
                "editor-fix-entry",
                count(*problems),
                [("name", (*name).to_owned())],
            ),
            Self::Saved { file: f } => file("editor-saved", f),
            Self::SavedDraft { file: f } => file("editor-saved-draft", f),
            Self::Download { file: f } => file("editor-download", f),
            Self::GuideSave { file: f } => file("editor-guide-save", f),
            Self::GuidePut { file: f } => file("editor-guide-put", f),
            Self::Imported { added, replaced } => Parts::counted(
                "editor-imported",
                count(*added),
                [("replaced", replaced.to_string())],
            ),
            Self::NotMapped { count: n } => Parts::counted("editor-not-mapped", count(*n), []),
            Self::Outside { count: n } => Parts::counted("editor-outside", count(*n), []),
            Self::ChangesSince {
                added,
                removed,
                changed,
            } => Parts::with(
                "editor-changes-since",
                [
                    ("added", added.to_string()),
                    ("removed", removed.to_string()),
                    ("changed", changed.to_string()),
                ],
            ),
            Self::ChangeAdded { name: n } => name("editor-change-added", n),
            Self::ChangeRemoved { name: n } => name("editor-change-removed", n),
            Self::ChangeChanged { name, fields } => Parts::with(
                "editor-change-changed",
                [
                    ("name", (*name).to_owned()),
                    ("fields", (*fields).to_owned()),
                ],
            ),
            // Every text with no value is in `PLAIN`.
            _ => Parts::key("editor-title"),
        }
    }
}

impl Said for EditorText<'_> {
    fn text(&self, locale: Locale) -> String {
        EditorText::text(self, locale)
    }
}

/// Every text of the editor, each variant once with sample values, and
/// every code it has words for: for the test that each has its words.
pub fn every_editor_text() -> Vec<EditorText<'static>> {
    let Ok(date) = Date::parse("2026-12-04") else {
        return Vec::new();
    };
    let mut all: Vec<EditorText<'static>> = PLAIN.iter().map(|(text, _)| *text).collect();
    all.extend([
        EditorText::Opened {
            entries: 3,
            with_problems: 1,
        },
        EditorText::ProblemCount { count: 2 },
        EditorText::EntriesSection { count: 1 },
        EditorText::VerifiedOn { date },
        EditorText::MarkedVerified { date },
        EditorText::Edit { name: "Épicerie" },
        EditorText::MarkVerifiedNamed { name: "Épicerie" },
        EditorText::EntryTitle { name: "Épicerie" },
        EditorText::NameIn {
            language: "English",
        },
        EditorText::DescriptionIn {
            language: "English",
        },
        EditorText::ThemeIn {
            category: "Santé",
            theme: "Accès aux soins",
        },
        EditorText::ThemeAdded { name: "Santé" },
        EditorText::ThemeRemoved { name: "Santé" },
        EditorText::RemoveTheme { name: "Santé" },
        EditorText::RemovePlace { name: "Bobigny" },
        EditorText::PlaceAdded { name: "Bobigny" },
        EditorText::PlaceRemoved { name: "Bobigny" },
        EditorText::CommuneOf { department: "93" },
        EditorText::NoSuchCommune { name: "Bobigni" },
        EditorText::ConditionLegend {
            number: 1,
            kind: "age",
        },
        EditorText::ConditionAdded { number: 2 },
        EditorText::RemoveCondition { number: 2 },
        EditorText::PersonReads {
            sentence: "Avoir entre 16 et 25 ans",
        },
        EditorText::CannotSave {
            problems: 3,
            entries: 1,
        },
        EditorText::FixEntry {
            name: "Épicerie",
            problems: 2,
        },
        EditorText::Saved { file: "a.json" },
        EditorText::SavedDraft { file: "a.json" },
        EditorText::Download { file: "a.json" },
        EditorText::GuideSave { file: "a.json" },
        EditorText::GuidePut { file: "a.json" },
        EditorText::Imported {
            added: 3,
            replaced: 1,
        },
        EditorText::NotMapped { count: 2 },
        EditorText::Outside { count: 3 },
        EditorText::ChangesSince {
            added: 1,
            removed: 1,
            changed: 1,
        },
        EditorText::ChangeAdded {
            name: "Repair café",
        },
        EditorText::ChangeRemoved {
            name: "Repair café",
        },
        EditorText::ChangeChanged {
            name: "Repair café",
            fields: "Téléphone",
        },
    ]);
    for kind in passerelle_core::catalogue::editing::FORM_CONDITION_KINDS
        .iter()
        .chain(&["written"])
    {
        all.push(EditorText::ConditionKind { kind });
    }
    for key in ["young", "parent", "senior", "own"] {
        all.push(EditorText::Sample { key });
    }
    for code in EDITOR_PROBLEM_CODES {
        all.push(EditorText::Problem { code });
    }
    for code in ["invalid_json", "not_a_catalogue", "unreadable", "other"] {
        all.push(EditorText::CannotOpen { code });
        all.push(EditorText::CannotImport { code });
    }
    for code in IMPORT_CODES {
        all.push(EditorText::ImportProblem { code });
    }
    all
}

/// The problem codes the editor has words for (the others read the
/// general sentence).
const EDITOR_PROBLEM_CODES: [&str; 22] = [
    "other",
    "missing_translation",
    "not_a_slug",
    "duplicate_id",
    "empty_list",
    "not_in_referential",
    "tous_publics_not_alone",
    "not_https_url",
    "bidi_control_in_url",
    "invalid_phone",
    "invalid_email",
    "missing_access_detail",
    "impossible_period",
    "empty_zone",
    "invalid_code",
    "impossible_bounds",
    "out_of_range",
    "not_allowed",
    "wrong_type",
    "missing_field",
    "invalid_entry",
    "text_too_long",
];

/// The import's codes the editor has words for.
const IMPORT_CODES: [&str; 8] = [
    "other",
    "unknown_territory",
    "not_in_referential",
    "record_not_imported",
    "conditions_not_encoded",
    "unmapped_zone_code",
    "duplicate_id",
    "invalid_json",
];
