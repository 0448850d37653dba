//! The advisor's desk's own words: the `desk` domain of the widgets'
//! translation files (`locales/<tag>/desk.json`), apart from the other
//! widgets' words so that the questionnaire's module, which never shows
//! the desk, does not carry them.

use passerelle_core::date::Date;
use passerelle_core::messages::Parts;
use passerelle_core::{Locale, Message};

use crate::ui::words::Said;

/// The desk's translation files compiled in: French, and English for
/// native builds and tests (the package ships it in `locales/en.json`).
pub const FILES: [(&str, &str); 2] = [
    ("fr", include_str!("../../../locales/fr/desk.json")),
    ("en", include_str!("../../../locales/en/desk.json")),
];

/// Adds the desk's files to the compiled-in languages, once, as
/// [`crate::ui::words::load`] does the widgets'.
fn load() {
    static LOAD: std::sync::Once = std::sync::Once::new();
    LOAD.call_once(|| {
        crate::ui::words::load();
        crate::ui::words::add_compiled("desk", FILES[0].1, crate::ui::words::english(FILES));
    });
}

/// One text of `<passerelle-suivi>`, with the values it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskText<'a> {
    /// « Suivi des personnes accompagnées »
    Title,
    /// « Ouverture du suivi… »
    Opening,
    /// « Créer le suivi sur cet appareil »
    NewTitle,
    /// « Les personnes que vous suivez et leurs plans restent sur cet appareil, chiffrés. Rien n’est envoyé. »
    NewIntro,
    /// « Choisissez une phrase de passe. Sans elle, personne ne peut lire ces données : ni vous, ni nous. Si vous l’oubliez, les données sont perdues. Il n’existe aucun moyen de les récupérer. »
    ForgottenWarning,
    /// « Phrase de passe (8 caractères au moins) »
    NewPassphrase,
    /// « La même phrase de passe, encore une fois »
    RepeatPassphrase,
    /// « J’ai compris : une phrase de passe oubliée ne peut pas être récupérée. »
    Understood,
    /// « Créer le suivi »
    Create,
    /// « Écrivez 8 caractères au moins. »
    PassphraseTooShort,
    /// « Les deux phrases de passe ne sont pas les mêmes. »
    PassphrasesDiffer,
    /// « Cochez la case pour dire que vous avez compris. »
    UnderstoodRequired,
    /// « Suivi verrouillé »
    LockedTitle,
    /// « Écrivez votre phrase de passe pour ouvrir le suivi. »
    LockedIntro,
    /// « Phrase de passe »
    Passphrase,
    /// « Ouvrir »
    Unlock,
    /// « Ce n’est pas la bonne phrase de passe. Rien n’a été changé : réessayez. »
    WrongPassphrase,
    /// « Phrase de passe oubliée ? »
    Forgotten,
    /// « Sans la phrase de passe, les données ne peuvent pas être lues. Vous pouvez tout effacer et recommencer : les personnes suivies et leurs plans seront perdus sur cet appareil. Une sauvegarde faite avant reste lisible avec sa propre phrase de passe. »
    EraseWarning,
    /// « Tout effacer et recommencer »
    EraseAll,
    /// « Ne rien effacer »
    KeepAll,
    /// « Tout a été effacé. Vous pouvez créer un nouveau suivi. »
    Erased,
    /// « Ce navigateur refuse de garder des données sur cet appareil (navigation privée, ou un réglage). Le suivi ne peut pas être ouvert ici. »
    StorageRefused,
    /// « L’appareil n’a plus de place. Le dernier changement n’est pas enregistré : libérez de la place, puis réessayez. »
    Quota,
    /// « Les données gardées sur cet appareil sont abîmées et ne peuvent pas être lues. Importez une sauvegarde dans un nouveau suivi, ou effacez tout pour recommencer. »
    Corrupted,
    /// « Le chiffrement n’est possible que sur une page sécurisée (adresse en https). Le suivi ne peut pas être ouvert ici. »
    CryptoUnavailable,
    /// « Le dernier changement n’a pas pu être enregistré sur l’appareil. Réessayez. »
    SaveFailed,
    /// « Le suivi a été effacé ou refait dans un autre onglet. Rien n’a été écrit par-dessus. Ouvrez-le à nouveau. »
    ChangedElsewhere,
    /// « Réessayer l’enregistrement »
    SaveAgain,
    /// « Verrouiller »
    Lock,
    /// « Le suivi a été verrouillé, car il n’était plus utilisé. »
    LockedIdle,
    /// « Rubriques du suivi »
    Tabs,
    /// « Personnes »
    TabPeople,
    /// « Agenda »
    TabAgenda,
    /// « Bilan »
    TabReport,
    /// « Sauvegarde »
    TabBackup,
    /// « Personnes suivies »
    PeopleTitle,
    /// « Personne n’est encore suivi ici. Ajoutez une personne avec le fichier de son plan. »
    NoPeople,
    /// « Ajouter une personne »
    AddTitle,
    /// « Initiales ou pseudonyme »
    LabelField,
    /// « Pas de nom : des initiales ou un pseudonyme suffisent pour vous y retrouver. »
    LabelHelp,
    /// « Fichier du plan (enregistré depuis le plan personnalisé) »
    PlanFileField,
    /// « Ajouter »
    AddPerson,
    /// « Choisissez le fichier du plan. »
    PlanFileRequired,
    /// « Écrivez des initiales ou un pseudonyme. »
    LabelEmpty,
    /// « Écrivez 40 caractères au plus. »
    LabelTooLong,
    /// « Le suivi ne peut pas garder plus de personnes. »
    CaseloadFull,
    /// « En cours »
    StatusActive,
    /// « Objectifs atteints »
    StatusCompleted,
    /// « Arrêté »
    StatusStopped,
    /// « Aucun point d’étape prévu »
    NoNextReview,
    /// « Retour à la liste »
    BackToList,
    /// « Points d’étape passés »
    ReviewsTitle,
    /// « Aucun point d’étape noté. »
    NoReviews,
    /// « Son plan »
    PlanTitle,
    /// « Agenda »
    AgendaTitle,
    /// « Les points d’étape et les démarches prévues, semaine par semaine. »
    AgendaIntro,
    /// « En retard »
    Late,
    /// « Rien de prévu. »
    NothingPlanned,
    /// « Télécharger l’agenda pour votre calendrier (.ics) »
    DownloadIcs,
    /// « Le fichier ne contient que les initiales ou le pseudonyme : ni nom, ni démarche. »
    IcsHelp,
    /// « Bilan pour les financeurs »
    ReportTitle,
    /// « Période du bilan »
    PeriodLegend,
    /// « Du »
    From,
    /// « Au »
    To,
    /// « Afficher le bilan »
    ShowReport,
    /// « La fin de la période est avant son début. »
    PeriodReversed,
    /// « « moins de 5 » : un petit nombre est masqué, et un autre avec lui si besoin, pour que personne ne puisse être reconnu. »
    SuppressedNote,
    /// « Moins de 5 personnes suivies sur la période : le bilan n’est pas détaillé, pour que personne ne puisse être reconnu. »
    TooFewForReport,
    /// « Besoins travaillés, par thème (personnes) »
    NeedsChart,
    /// « Objectifs, par état »
    ObjectivesChart,
    /// « Démarches, par état »
    ActionsChart,
    /// « Orientations, par partenaire (personnes) »
    PartnersChart,
    /// « Catégorie »
    ColumnWhat,
    /// « Nombre »
    ColumnCount,
    /// « moins de 5 »
    FewerThanFive,
    /// « Télécharger le bilan (CSV) »
    DownloadCsv,
    /// « Ouvrir le bilan à imprimer »
    PrintReport,
    /// « Sauvegarde »
    BackupTitle,
    /// « La sauvegarde est un fichier chiffré avec votre phrase de passe. Gardez-le en lieu sûr : il permet de retrouver le suivi sur un autre appareil. »
    BackupIntro,
    /// « Préparer la sauvegarde »
    MakeBackup,
    /// « Télécharger la sauvegarde (fichier chiffré) »
    DownloadBackup,
    /// « Importer une sauvegarde »
    ImportTitle,
    /// « Les personnes de la sauvegarde s’ajoutent à celles d’ici. Pour une même personne, le plan qui a le plus de changements est gardé, et les différences sont listées. »
    ImportIntro,
    /// « Fichier de sauvegarde »
    BackupFileField,
    /// « Phrase de passe de cette sauvegarde »
    BackupPassphraseField,
    /// « Importer »
    Import,
    /// « Choisissez le fichier de sauvegarde. »
    BackupFileRequired,
    /// « Ce fichier n’est pas une sauvegarde du suivi. Rien n’a été importé. »
    NotABackup,
    /// « Ce n’est pas la phrase de passe de cette sauvegarde. Rien n’a été importé. »
    BackupWrongPassphrase,
    /// « Cette sauvegarde est abîmée et ne peut pas être lue. Rien n’a été importé. »
    BackupCorrupted,
    /// « Import terminé »
    MergedTitle,
    /// « À vérifier »
    ConflictsTitle,
    /// « celui de cet appareil »
    KeptHere,
    /// « celui de la sauvegarde »
    KeptImported,
    /// A person just added, by their label.
    Added {
        label: &'a str,
    },
    /// How many people are followed.
    PeopleCount(usize),
    /// The next review point.
    NextReview(Date),
    /// The review point planned before today.
    ReviewLate(Date),
    /// How many steps are overdue.
    Overdue(usize),
    /// The button that opens a person, by their label.
    OpenPerson {
        label: &'a str,
    },
    /// A week of the agenda, by its Monday.
    Week(Date),
    /// A review point in the agenda.
    AgendaReview {
        date: Date,
        label: &'a str,
    },
    /// A step in the agenda.
    AgendaStep {
        date: Date,
        label: &'a str,
        title: &'a str,
    },
    /// The number of plans of the report ("moins de 5" when hidden).
    ReportPlans(&'a str),
    /// What an import added, updated, left unchanged.
    MergedAdded(usize),
    MergedUpdated(usize),
    MergedUnchanged(usize),
    /// People of the backup not taken (an id or label damaged, or the
    /// caseload full).
    MergedRefused(usize),
    /// A plan changed on both sides: which was kept, and how many changes
    /// of the other were not.
    ConflictDiverged {
        label: &'a str,
        kept: &'a str,
        count: u32,
    },
    /// A person with another label in the other version.
    ConflictLabel {
        label: &'a str,
        other: &'a str,
    },
    /// A past review point, by its date.
    ReviewOn(Date),
    /// Takes a person out of the caseload (the button, and its confirmation).
    RemovePerson {
        label: &'a str,
    },
    /// What taking a person out erases, asked first.
    RemoveWarning {
        label: &'a str,
    },
    /// Keeps the person.
    KeepPerson,
    /// A person just taken out.
    Removed {
        label: &'a str,
    },
}

impl DeskText<'_> {
    /// The text in the given language, with its typography.
    pub fn text(&self, locale: Locale) -> String {
        load();
        self.parts(locale).text(locale)
    }

    /// The text's key in `widgets.json` and the values of its placeables.
    pub fn parts(&self, locale: Locale) -> Parts {
        let date = |date: &Date| Message::LongDate(*date).text(locale);
        let count = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
        match self {
            Self::Title => Parts::key("desk-title"),
            Self::Opening => Parts::key("desk-opening"),
            Self::NewTitle => Parts::key("desk-new-title"),
            Self::NewIntro => Parts::key("desk-new-intro"),
            Self::ForgottenWarning => Parts::key("desk-forgotten-warning"),
            Self::NewPassphrase => Parts::key("desk-new-passphrase"),
            Self::RepeatPassphrase => Parts::key("desk-repeat-passphrase"),
            Self::Understood => Parts::key("desk-understood"),
            Self::Create => Parts::key("desk-create"),
            Self::PassphraseTooShort => Parts::key("desk-passphrase-too-short"),
            Self::PassphrasesDiffer => Parts::key("desk-passphrases-differ"),
            Self::UnderstoodRequired => Parts::key("desk-understood-required"),
            Self::LockedTitle => Parts::key("desk-locked-title"),
            Self::LockedIntro => Parts::key("desk-locked-intro"),
            Self::Passphrase => Parts::key("desk-passphrase"),
            Self::Unlock => Parts::key("desk-unlock"),
            Self::WrongPassphrase => Parts::key("desk-wrong-passphrase"),
            Self::Forgotten => Parts::key("desk-forgotten"),
            Self::EraseWarning => Parts::key("desk-erase-warning"),
            Self::EraseAll => Parts::key("desk-erase-all"),
            Self::KeepAll => Parts::key("desk-keep-all"),
            Self::Erased => Parts::key("desk-erased"),
            Self::StorageRefused => Parts::key("desk-storage-refused"),
            Self::Quota => Parts::key("desk-quota"),
            Self::Corrupted => Parts::key("desk-corrupted"),
            Self::CryptoUnavailable => Parts::key("desk-crypto-unavailable"),
            Self::SaveFailed => Parts::key("desk-save-failed"),
            Self::ChangedElsewhere => Parts::key("desk-changed-elsewhere"),
            Self::SaveAgain => Parts::key("desk-save-again"),
            Self::Lock => Parts::key("desk-lock"),
            Self::LockedIdle => Parts::key("desk-locked-idle"),
            Self::Tabs => Parts::key("desk-tabs"),
            Self::TabPeople => Parts::key("desk-tab-people"),
            Self::TabAgenda => Parts::key("desk-tab-agenda"),
            Self::TabReport => Parts::key("desk-tab-report"),
            Self::TabBackup => Parts::key("desk-tab-backup"),
            Self::PeopleTitle => Parts::key("desk-people-title"),
            Self::NoPeople => Parts::key("desk-no-people"),
            Self::AddTitle => Parts::key("desk-add-title"),
            Self::LabelField => Parts::key("desk-label-field"),
            Self::LabelHelp => Parts::key("desk-label-help"),
            Self::PlanFileField => Parts::key("desk-plan-file-field"),
            Self::AddPerson => Parts::key("desk-add-person"),
            Self::PlanFileRequired => Parts::key("desk-plan-file-required"),
            Self::LabelEmpty => Parts::key("desk-label-empty"),
            Self::LabelTooLong => Parts::key("desk-label-too-long"),
            Self::CaseloadFull => Parts::key("desk-caseload-full"),
            Self::StatusActive => Parts::key("desk-status-active"),
            Self::StatusCompleted => Parts::key("desk-status-completed"),
            Self::StatusStopped => Parts::key("desk-status-stopped"),
            Self::NoNextReview => Parts::key("desk-no-next-review"),
            Self::BackToList => Parts::key("desk-back-to-list"),
            Self::ReviewsTitle => Parts::key("desk-reviews-title"),
            Self::NoReviews => Parts::key("desk-no-reviews"),
            Self::PlanTitle => Parts::key("desk-plan-title"),
            Self::AgendaTitle => Parts::key("desk-agenda-title"),
            Self::AgendaIntro => Parts::key("desk-agenda-intro"),
            Self::Late => Parts::key("desk-late"),
            Self::NothingPlanned => Parts::key("desk-nothing-planned"),
            Self::DownloadIcs => Parts::key("desk-download-ics"),
            Self::IcsHelp => Parts::key("desk-ics-help"),
            Self::ReportTitle => Parts::key("desk-report-title"),
            Self::PeriodLegend => Parts::key("desk-period-legend"),
            Self::From => Parts::key("desk-from"),
            Self::To => Parts::key("desk-to"),
            Self::ShowReport => Parts::key("desk-show-report"),
            Self::PeriodReversed => Parts::key("desk-period-reversed"),
            Self::SuppressedNote => Parts::key("desk-suppressed-note"),
            Self::TooFewForReport => Parts::key("desk-too-few"),
            Self::NeedsChart => Parts::key("desk-needs-chart"),
            Self::ObjectivesChart => Parts::key("desk-objectives-chart"),
            Self::ActionsChart => Parts::key("desk-actions-chart"),
            Self::PartnersChart => Parts::key("desk-partners-chart"),
            Self::ColumnWhat => Parts::key("desk-column-what"),
            Self::ColumnCount => Parts::key("desk-column-count"),
            Self::FewerThanFive => Parts::key("desk-fewer-than-five"),
            Self::DownloadCsv => Parts::key("desk-download-csv"),
            Self::PrintReport => Parts::key("desk-print-report"),
            Self::BackupTitle => Parts::key("desk-backup-title"),
            Self::BackupIntro => Parts::key("desk-backup-intro"),
            Self::MakeBackup => Parts::key("desk-make-backup"),
            Self::DownloadBackup => Parts::key("desk-download-backup"),
            Self::ImportTitle => Parts::key("desk-import-title"),
            Self::ImportIntro => Parts::key("desk-import-intro"),
            Self::BackupFileField => Parts::key("desk-backup-file-field"),
            Self::BackupPassphraseField => Parts::key("desk-backup-passphrase-field"),
            Self::Import => Parts::key("desk-import"),
            Self::BackupFileRequired => Parts::key("desk-backup-file-required"),
            Self::NotABackup => Parts::key("desk-not-a-backup"),
            Self::BackupWrongPassphrase => Parts::key("desk-backup-wrong-passphrase"),
            Self::BackupCorrupted => Parts::key("desk-backup-corrupted"),
            Self::MergedTitle => Parts::key("desk-merged-title"),
            Self::ConflictsTitle => Parts::key("desk-conflicts-title"),
            Self::KeptHere => Parts::key("desk-kept-here"),
            Self::KeptImported => Parts::key("desk-kept-imported"),
            Self::Added { label } => Parts::with("desk-added", [("label", (*label).to_owned())]),
            Self::PeopleCount(n) => Parts::counted("desk-people-count", count(*n), []),
            Self::NextReview(d) => Parts::with("desk-next-review", [("date", date(d))]),
            Self::ReviewLate(d) => Parts::with("desk-review-late", [("date", date(d))]),
            Self::Overdue(n) => Parts::counted("desk-overdue", count(*n), []),
            Self::OpenPerson { label } => {
                Parts::with("desk-open-person", [("label", (*label).to_owned())])
            }
            Self::Week(d) => Parts::with("desk-week", [("date", date(d))]),
            Self::AgendaReview { date: d, label } => Parts::with(
                "desk-agenda-review",
                [("date", date(d)), ("label", (*label).to_owned())],
            ),
            Self::AgendaStep {
                date: d,
                label,
                title,
            } => Parts::with(
                "desk-agenda-step",
                [
                    ("date", date(d)),
                    ("label", (*label).to_owned()),
                    ("title", (*title).to_owned()),
                ],
            ),
            Self::ReportPlans(n) => Parts::with("desk-report-plans", [("count", (*n).to_owned())]),
            Self::MergedAdded(n) => Parts::with("desk-merged-added", [("count", n.to_string())]),
            Self::MergedUpdated(n) => {
                Parts::with("desk-merged-updated", [("count", n.to_string())])
            }
            Self::MergedUnchanged(n) => {
                Parts::with("desk-merged-unchanged", [("count", n.to_string())])
            }
            Self::MergedRefused(n) => {
                Parts::with("desk-merged-refused", [("count", n.to_string())])
            }
            Self::ConflictDiverged { label, kept, count } => Parts::with(
                "desk-conflict-diverged",
                [
                    ("label", (*label).to_owned()),
                    ("kept", (*kept).to_owned()),
                    ("count", count.to_string()),
                ],
            ),
            Self::ConflictLabel { label, other } => Parts::with(
                "desk-conflict-label",
                [
                    ("label", (*label).to_owned()),
                    ("other", (*other).to_owned()),
                ],
            ),
            Self::ReviewOn(d) => Parts::with("desk-review-on", [("date", date(d))]),
            Self::RemovePerson { label } => {
                Parts::with("desk-remove-person", [("label", (*label).to_owned())])
            }
            Self::RemoveWarning { label } => {
                Parts::with("desk-remove-warning", [("label", (*label).to_owned())])
            }
            Self::KeepPerson => Parts::key("desk-keep-person"),
            Self::Removed { label } => {
                Parts::with("desk-removed", [("label", (*label).to_owned())])
            }
        }
    }
}

impl Said for DeskText<'_> {
    fn text(&self, locale: Locale) -> String {
        DeskText::text(self, locale)
    }
}

/// Every text of the desk, each variant once with values (for the
/// translation tests); a variant added without being listed here is a
/// compile error in `covered`.
pub fn every_desk_text() -> Vec<DeskText<'static>> {
    let Ok(date) = Date::parse("2026-12-07") else {
        return Vec::new();
    };
    let mut all = vec![
        DeskText::Title,
        DeskText::Opening,
        DeskText::NewTitle,
        DeskText::NewIntro,
        DeskText::ForgottenWarning,
        DeskText::NewPassphrase,
        DeskText::RepeatPassphrase,
        DeskText::Understood,
        DeskText::Create,
        DeskText::PassphraseTooShort,
        DeskText::PassphrasesDiffer,
        DeskText::UnderstoodRequired,
        DeskText::LockedTitle,
        DeskText::LockedIntro,
        DeskText::Passphrase,
        DeskText::Unlock,
        DeskText::WrongPassphrase,
        DeskText::Forgotten,
        DeskText::EraseWarning,
        DeskText::EraseAll,
        DeskText::KeepAll,
        DeskText::Erased,
        DeskText::StorageRefused,
        DeskText::Quota,
        DeskText::Corrupted,
        DeskText::CryptoUnavailable,
        DeskText::SaveFailed,
        DeskText::ChangedElsewhere,
        DeskText::SaveAgain,
        DeskText::Lock,
        DeskText::LockedIdle,
        DeskText::Tabs,
        DeskText::TabPeople,
        DeskText::TabAgenda,
        DeskText::TabReport,
        DeskText::TabBackup,
        DeskText::PeopleTitle,
        DeskText::NoPeople,
        DeskText::AddTitle,
        DeskText::LabelField,
        DeskText::LabelHelp,
        DeskText::PlanFileField,
        DeskText::AddPerson,
        DeskText::PlanFileRequired,
        DeskText::LabelEmpty,
        DeskText::LabelTooLong,
        DeskText::CaseloadFull,
        DeskText::StatusActive,
        DeskText::StatusCompleted,
        DeskText::StatusStopped,
        DeskText::NoNextReview,
        DeskText::BackToList,
        DeskText::ReviewsTitle,
        DeskText::NoReviews,
        DeskText::PlanTitle,
        DeskText::AgendaTitle,
        DeskText::AgendaIntro,
        DeskText::Late,
        DeskText::NothingPlanned,
        DeskText::DownloadIcs,
        DeskText::IcsHelp,
        DeskText::ReportTitle,
        DeskText::PeriodLegend,
        DeskText::From,
        DeskText::To,
        DeskText::ShowReport,
        DeskText::PeriodReversed,
        DeskText::SuppressedNote,
        DeskText::TooFewForReport,
        DeskText::NeedsChart,
        DeskText::ObjectivesChart,
        DeskText::ActionsChart,
        DeskText::PartnersChart,
        DeskText::ColumnWhat,
        DeskText::ColumnCount,
        DeskText::FewerThanFive,
        DeskText::DownloadCsv,
        DeskText::PrintReport,
        DeskText::BackupTitle,
        DeskText::BackupIntro,
        DeskText::MakeBackup,
        DeskText::DownloadBackup,
        DeskText::ImportTitle,
        DeskText::ImportIntro,
        DeskText::BackupFileField,
        DeskText::BackupPassphraseField,
        DeskText::Import,
        DeskText::BackupFileRequired,
        DeskText::NotABackup,
        DeskText::BackupWrongPassphrase,
        DeskText::BackupCorrupted,
        DeskText::MergedTitle,
        DeskText::ConflictsTitle,
        DeskText::KeptHere,
        DeskText::KeptImported,
        DeskText::Added { label: "A. B." },
        DeskText::PeopleCount(1),
        DeskText::PeopleCount(12),
        DeskText::NextReview(date),
        DeskText::ReviewLate(date),
        DeskText::Overdue(1),
        DeskText::Overdue(3),
        DeskText::OpenPerson { label: "A. B." },
        DeskText::Week(date),
        DeskText::AgendaReview {
            date,
            label: "A. B.",
        },
        DeskText::AgendaStep {
            date,
            label: "A. B.",
            title: "Appeler",
        },
        DeskText::ReportPlans("12"),
        DeskText::MergedAdded(2),
        DeskText::MergedUpdated(0),
        DeskText::MergedUnchanged(1),
        DeskText::MergedRefused(1),
        DeskText::ConflictDiverged {
            label: "A. B.",
            kept: "ici",
            count: 2,
        },
        DeskText::ConflictLabel {
            label: "A. B.",
            other: "Bee",
        },
        DeskText::ReviewOn(date),
        DeskText::RemovePerson { label: "A. B." },
        DeskText::RemoveWarning { label: "A. B." },
        DeskText::KeepPerson,
        DeskText::Removed { label: "A. B." },
    ];
    all.retain(covered);
    all
}

/// Always true; its exhaustive match makes a variant missing from
/// [`every_desk_text`] a reminder at compile time.
fn covered(text: &DeskText) -> bool {
    match text {
        DeskText::Title => true,
        DeskText::Opening => true,
        DeskText::NewTitle => true,
        DeskText::NewIntro => true,
        DeskText::ForgottenWarning => true,
        DeskText::NewPassphrase => true,
        DeskText::RepeatPassphrase => true,
        DeskText::Understood => true,
        DeskText::Create => true,
        DeskText::PassphraseTooShort => true,
        DeskText::PassphrasesDiffer => true,
        DeskText::UnderstoodRequired => true,
        DeskText::LockedTitle => true,
        DeskText::LockedIntro => true,
        DeskText::Passphrase => true,
        DeskText::Unlock => true,
        DeskText::WrongPassphrase => true,
        DeskText::Forgotten => true,
        DeskText::EraseWarning => true,
        DeskText::EraseAll => true,
        DeskText::KeepAll => true,
        DeskText::Erased => true,
        DeskText::StorageRefused => true,
        DeskText::Quota => true,
        DeskText::Corrupted => true,
        DeskText::CryptoUnavailable => true,
        DeskText::SaveFailed => true,
        DeskText::ChangedElsewhere => true,
        DeskText::SaveAgain => true,
        DeskText::Lock => true,
        DeskText::LockedIdle => true,
        DeskText::Tabs => true,
        DeskText::TabPeople => true,
        DeskText::TabAgenda => true,
        DeskText::TabReport => true,
        DeskText::TabBackup => true,
        DeskText::PeopleTitle => true,
        DeskText::NoPeople => true,
        DeskText::AddTitle => true,
        DeskText::LabelField => true,
        DeskText::LabelHelp => true,
        DeskText::PlanFileField => true,
        DeskText::AddPerson => true,
        DeskText::PlanFileRequired => true,
        DeskText::LabelEmpty => true,
        DeskText::LabelTooLong => true,
        DeskText::CaseloadFull => true,
        DeskText::StatusActive => true,
        DeskText::StatusCompleted => true,
        DeskText::StatusStopped => true,
        DeskText::NoNextReview => true,
        DeskText::BackToList => true,
        DeskText::ReviewsTitle => true,
        DeskText::NoReviews => true,
        DeskText::PlanTitle => true,
        DeskText::AgendaTitle => true,
        DeskText::AgendaIntro => true,
        DeskText::Late => true,
        DeskText::NothingPlanned => true,
        DeskText::DownloadIcs => true,
        DeskText::IcsHelp => true,
        DeskText::ReportTitle => true,
        DeskText::PeriodLegend => true,
        DeskText::From => true,
        DeskText::To => true,
        DeskText::ShowReport => true,
        DeskText::PeriodReversed => true,
        DeskText::SuppressedNote => true,
        DeskText::TooFewForReport => true,
        DeskText::NeedsChart => true,
        DeskText::ObjectivesChart => true,
        DeskText::ActionsChart => true,
        DeskText::PartnersChart => true,
        DeskText::ColumnWhat => true,
        DeskText::ColumnCount => true,
        DeskText::FewerThanFive => true,
        DeskText::DownloadCsv => true,
        DeskText::PrintReport => true,
        DeskText::BackupTitle => true,
        DeskText::BackupIntro => true,
        DeskText::MakeBackup => true,
        DeskText::DownloadBackup => true,
        DeskText::ImportTitle => true,
        DeskText::ImportIntro => true,
        DeskText::BackupFileField => true,
        DeskText::BackupPassphraseField => true,
        DeskText::Import => true,
        DeskText::BackupFileRequired => true,
        DeskText::NotABackup => true,
        DeskText::BackupWrongPassphrase => true,
        DeskText::BackupCorrupted => true,
        DeskText::MergedTitle => true,
        DeskText::ConflictsTitle => true,
        DeskText::KeptHere => true,
        DeskText::KeptImported => true,
        DeskText::Added { .. }
        | DeskText::PeopleCount(_)
        | DeskText::NextReview(_)
        | DeskText::ReviewLate(_)
        | DeskText::Overdue(_)
        | DeskText::OpenPerson { .. }
        | DeskText::Week(_)
        | DeskText::AgendaReview { .. }
        | DeskText::AgendaStep { .. }
        | DeskText::ReportPlans(_)
        | DeskText::MergedAdded(_)
        | DeskText::MergedUpdated(_)
        | DeskText::MergedUnchanged(_)
        | DeskText::MergedRefused(_)
        | DeskText::ConflictDiverged { .. }
        | DeskText::ConflictLabel { .. }
        | DeskText::ReviewOn(_)
        | DeskText::RemovePerson { .. }
        | DeskText::RemoveWarning { .. }
        | DeskText::KeepPerson
        | DeskText::Removed { .. } => true,
    }
}
