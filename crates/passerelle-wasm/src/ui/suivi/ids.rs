//! The ids of the desk's controls and the encodings of what its forms
//! and buttons ask (`data-form`, `data-do`): each made here once, used
//! both to draw the control and to read it back.

use crate::ui::dom::Attribute;

/// The widget's heading, where the focus goes after a change of screen.
pub(super) const TITLE: &str = "passerelle-suivi-title";
/// The heading of the screen shown (a tab, a person).
pub(super) const SCREEN: &str = "passerelle-suivi-screen";
/// Where what was just done is told.
pub(super) const TOLD: &str = "passerelle-suivi-told";
/// The message of a refusal, tied to what was refused.
pub(super) const ERROR: &str = "passerelle-suivi-error";
/// The passphrase chosen, its repetition, the box that says a forgotten
/// one cannot be recovered.
pub(super) const NEW_PASSPHRASE: &str = "passerelle-new-passphrase";
pub(super) const REPEAT_PASSPHRASE: &str = "passerelle-repeat-passphrase";
pub(super) const UNDERSTOOD: &str = "passerelle-understood";
/// The passphrase that unlocks.
pub(super) const PASSPHRASE: &str = "passerelle-passphrase";
/// The add form: the person's initials or pseudonym, their plan file.
pub(super) const LABEL: &str = "passerelle-person-label";
pub(super) const PLAN_FILE: &str = "passerelle-plan-file";
/// The report's period.
pub(super) const FROM: &str = "passerelle-report-from";
pub(super) const TO: &str = "passerelle-report-to";
/// The link of the backup file, once made.
pub(super) const BACKUP_LINK: &str = "passerelle-backup-link";
/// The import form: the backup file and its passphrase.
pub(super) const BACKUP_FILE: &str = "passerelle-backup-file";
pub(super) const BACKUP_PASSPHRASE: &str = "passerelle-backup-passphrase";
/// The outcome of an import.
pub(super) const MERGED: &str = "passerelle-merged";
/// The box that asks before a person is taken out.
pub(super) const REMOVE_WARNING: &str = "passerelle-remove-warning";
/// The button that asks to take a person out.
pub(super) const REMOVE: &str = "passerelle-remove";
/// The box that asks before everything is erased.
pub(super) const ERASE_WARNING: &str = "passerelle-erase-warning";

/// The person `id`'s heading in the list.
pub(super) fn person(id: &str) -> String {
    format!("passerelle-person-{id}")
}

/// The forms, by their `data-form`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Create,
    Unlock,
    Add,
    Period,
    Import,
}

impl Attribute for Form {
    const ALL: &'static [Form] = &[
        Form::Create,
        Form::Unlock,
        Form::Add,
        Form::Period,
        Form::Import,
    ];

    fn to_attr(self) -> &'static str {
        match self {
            Form::Create => "create",
            Form::Unlock => "unlock",
            Form::Add => "add",
            Form::Period => "period",
            Form::Import => "import",
        }
    }
}

/// The buttons, by their `data-do`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Button {
    /// Shows a tab (`data-tab`).
    Tab,
    /// Opens a person (`data-person`).
    Open,
    /// Back to the list of people.
    List,
    Lock,
    /// Makes the backup file.
    Backup,
    /// "Passphrase forgotten?": asks before erasing everything.
    Forgotten,
    /// Erases everything, confirmed.
    EraseAll,
    /// Keeps everything.
    KeepAll,
    /// Tries saving again after a refusal.
    SaveAgain,
    /// Asks before a person is taken out of the caseload.
    Remove,
    /// Takes the person out, confirmed.
    RemoveConfirmed,
    /// Keeps the person.
    KeepPerson,
}

impl Attribute for Button {
    const ALL: &'static [Button] = &[
        Button::Tab,
        Button::Open,
        Button::List,
        Button::Lock,
        Button::Backup,
        Button::Forgotten,
        Button::EraseAll,
        Button::KeepAll,
        Button::SaveAgain,
        Button::Remove,
        Button::RemoveConfirmed,
        Button::KeepPerson,
    ];

    fn to_attr(self) -> &'static str {
        match self {
            Button::Tab => "tab",
            Button::Open => "open",
            Button::List => "list",
            Button::Lock => "lock",
            Button::Backup => "backup",
            Button::Forgotten => "forgotten",
            Button::EraseAll => "erase-all",
            Button::KeepAll => "keep-all",
            Button::SaveAgain => "save-again",
            Button::Remove => "remove",
            Button::RemoveConfirmed => "remove-confirmed",
            Button::KeepPerson => "keep-person",
        }
    }
}

/// The desk's tabs, by their `data-tab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tab {
    People,
    Agenda,
    Report,
    Backup,
}

impl Attribute for Tab {
    const ALL: &'static [Tab] = &[Tab::People, Tab::Agenda, Tab::Report, Tab::Backup];

    fn to_attr(self) -> &'static str {
        match self {
            Tab::People => "people",
            Tab::Agenda => "agenda",
            Tab::Report => "report",
            Tab::Backup => "backup",
        }
    }
}
