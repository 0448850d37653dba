//! The ids of the editor's controls and the encodings of what its
//! buttons ask (`data-do`): each made here once, used both to draw the
//! control and to read it back.

use crate::ui::dom::Attribute;

/// The widget's heading.
pub(super) const TITLE: &str = "passerelle-editor-title";
/// The heading of the screen shown (the list, an entry).
pub(super) const SCREEN: &str = "passerelle-editor-screen";
/// Where what was just done is told (a polite live region).
pub(super) const TOLD: &str = "passerelle-editor-told";
/// The catalogue file to open.
pub(super) const OPEN_FILE: &str = "passerelle-editor-open-file";
/// The catalogue's own name and id.
pub(super) const CATALOGUE_NAME: &str = "passerelle-editor-catalogue-name";
pub(super) const CATALOGUE_ID: &str = "passerelle-editor-catalogue-id";
/// "Keep it as a draft, with its problems".
pub(super) const KEEP_DRAFT: &str = "passerelle-editor-keep-draft";
/// Why the catalogue cannot be saved yet.
pub(super) const SAVE_ERROR: &str = "passerelle-editor-save-error";
/// The link to the file saved.
pub(super) const SAVED_LINK: &str = "passerelle-editor-saved-link";
/// The import form's territory and file, and its outcome.
pub(super) const IMPORT_DEPARTMENT: &str = "passerelle-editor-import-department";
pub(super) const IMPORT_FILE: &str = "passerelle-editor-import-file";
pub(super) const IMPORT_OUTCOME: &str = "passerelle-editor-import-outcome";
/// The link to an entry's information sheet, once made.
pub(super) const SHEET_LINK: &str = "passerelle-editor-sheet-link";
/// The language of an entry's information sheet.
pub(super) const SHEET_LANGUAGE: &str = "passerelle-editor-sheet-language";
/// The language added to an entry's name and description.
pub(super) const ADD_LANGUAGE: &str = "passerelle-editor-add-language";
/// The kind of the condition to add.
pub(super) const CONDITION_KIND: &str = "passerelle-editor-condition-kind";
/// The theme to add.
pub(super) const THEME_CHOICE: &str = "passerelle-editor-theme-choice";
/// The author's own sample person: age, situation, youngest child's age,
/// benefits (`own_benefit`).
pub(super) const OWN_AGE: &str = "passerelle-editor-own-age";
pub(super) const OWN_STATUS: &str = "passerelle-editor-own-status";
pub(super) const OWN_CHILD: &str = "passerelle-editor-own-child";

/// The checkbox of benefit `index` of the author's own sample person.
pub(super) fn own_benefit(index: usize) -> String {
    format!("passerelle-editor-own-benefit-{index}")
}

/// The preview's box.
pub(super) const PREVIEW: &str = "passerelle-editor-preview";

/// The control of `field` of the entry open (`name.fr`, `access.phone`).
pub(super) fn control(field: &str) -> String {
    format!("passerelle-editor-{}", field.replace(['.', '_'], "-"))
}

/// The error paragraph of `field` (`eligibility-2` for a condition).
pub(super) fn error(field: &str) -> String {
    format!("passerelle-editor-error-{}", field.replace(['.', '_'], "-"))
}

/// The control of part `part` of condition `index`.
pub(super) fn condition_part(index: usize, part: &str) -> String {
    format!("passerelle-editor-condition-{index}-{part}")
}

/// The sentence shown under condition `index`.
pub(super) fn sentence(index: usize) -> String {
    format!("passerelle-editor-sentence-{index}")
}

/// A place picker's department list, commune field and list of names,
/// for `target` (`zone`, or `eligibility-2` for a condition).
pub(super) fn picker_department(target: &str) -> String {
    format!("passerelle-editor-{target}-department")
}
pub(super) fn picker_commune(target: &str) -> String {
    format!("passerelle-editor-{target}-commune")
}
pub(super) fn picker_names(target: &str) -> String {
    format!("passerelle-editor-{target}-names")
}

/// The button that opens entry `index` from the list.
pub(super) fn edit(index: usize) -> String {
    format!("passerelle-editor-edit-{index}")
}

/// The buttons, by their `data-do`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Button {
    NewCatalogue,
    AddEntry,
    /// Opens an entry (`data-entry`).
    Edit,
    /// Marks an entry verified today (`data-entry`).
    Verified,
    RemoveEntry,
    BackToList,
    AddLanguage,
    AddTheme,
    /// Takes a theme out (`data-value`).
    RemoveTheme,
    /// Adds the department chosen to a place list (`data-target`).
    AddDepartment,
    /// Adds the commune named to a place list (`data-target`).
    AddCommune,
    /// Takes a place out of a list (`data-target`, `data-value`).
    RemovePlace,
    AddCondition,
    /// Takes a condition out (`data-condition`).
    RemoveCondition,
    Preview,
    Save,
    Sheet,
}

impl Attribute for Button {
    const ALL: &'static [Button] = &[
        Button::NewCatalogue,
        Button::AddEntry,
        Button::Edit,
        Button::Verified,
        Button::RemoveEntry,
        Button::BackToList,
        Button::AddLanguage,
        Button::AddTheme,
        Button::RemoveTheme,
        Button::AddDepartment,
        Button::AddCommune,
        Button::RemovePlace,
        Button::AddCondition,
        Button::RemoveCondition,
        Button::Preview,
        Button::Save,
        Button::Sheet,
    ];

    fn to_attr(self) -> &'static str {
        match self {
            Button::NewCatalogue => "new-catalogue",
            Button::AddEntry => "add-entry",
            Button::Edit => "edit",
            Button::Verified => "verified",
            Button::RemoveEntry => "remove-entry",
            Button::BackToList => "back",
            Button::AddLanguage => "add-language",
            Button::AddTheme => "add-theme",
            Button::RemoveTheme => "remove-theme",
            Button::AddDepartment => "add-department",
            Button::AddCommune => "add-commune",
            Button::RemovePlace => "remove-place",
            Button::AddCondition => "add-condition",
            Button::RemoveCondition => "remove-condition",
            Button::Preview => "preview",
            Button::Save => "save",
            Button::Sheet => "sheet",
        }
    }
}
