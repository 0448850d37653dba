//! The whole caseload as one encrypted file, and a backup imported:
//! merged by the core, what differed listed.

use passerelle_core::caseload::{Caseload, ConflictKind, Side};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button, Form};
use super::{vault, DeskText, DeskView};

impl DeskView {
    /// Asks the vault for the backup file; its link is shown, focused.
    pub(super) fn make_backup(&mut self) -> Result<(), JsValue> {
        let Some(vault) = &self.vault else {
            return Ok(());
        };
        let made = vault.export_backup();
        self.waiting = true;
        crate::ui::settle::when_settled(&self.itself, made, |view, outcome| {
            view.waiting = false;
            match outcome {
                Ok(bytes) => {
                    if let Some(url) = view.backup_url.take() {
                        let _ = web_sys::Url::revoke_object_url(&url);
                    }
                    view.backup_url = Some(super::blob_url(
                        &js_sys::Array::of1(&bytes),
                        "application/octet-stream",
                    )?);
                    view.render()?;
                    view.focus(&format!("#{}", ids::BACKUP_LINK))?;
                }
                Err(_) => {
                    view.refuse(view.text(DeskText::SaveFailed), ids::BACKUP_FILE)?;
                }
            }
            Ok(None)
        });
        Ok(())
    }

    /// Reads the backup chosen with its passphrase, and merges it in.
    pub(super) fn import(&mut self) -> Result<(), JsValue> {
        let passphrase = self.value_of(ids::BACKUP_PASSPHRASE)?;
        let Some(file) = self.file_of(ids::BACKUP_FILE)? else {
            return self.refuse(self.text(DeskText::BackupFileRequired), ids::BACKUP_FILE);
        };
        let Some(vault) = &self.vault else {
            return Ok(());
        };
        // The outcome of an import before goes; this one's comes.
        self.merged = None;
        let vault: vault::Vault = AsRef::<JsValue>::as_ref(vault).clone().unchecked_into();
        self.waiting = true;
        let read = file.array_buffer();
        crate::ui::settle::when_settled(&self.itself, Ok(read), move |view, outcome| {
            let bytes = match outcome {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer),
                Err(_) => {
                    view.waiting = false;
                    view.refuse(view.text(DeskText::NotABackup), ids::BACKUP_FILE)?;
                    return Ok(None);
                }
            };
            let decrypted = vault.read_backup(&bytes, &passphrase);
            crate::ui::settle::when_settled(&view.itself, decrypted, |view, outcome| {
                view.waiting = false;
                let text = match outcome {
                    Ok(text) => text.as_string().unwrap_or_default(),
                    Err(error) => {
                        let (words, control) = match vault::code_of(&error).as_str() {
                            "wrong_passphrase" => {
                                (DeskText::BackupWrongPassphrase, ids::BACKUP_PASSPHRASE)
                            }
                            "corrupted" => (DeskText::BackupCorrupted, ids::BACKUP_FILE),
                            _ => (DeskText::NotABackup, ids::BACKUP_FILE),
                        };
                        view.refuse(view.text(words), control)?;
                        return Ok(None);
                    }
                };
                let imported = if text.trim().is_empty() {
                    Ok(Caseload::new())
                } else {
                    Caseload::from_json(&text)
                };
                let Ok(imported) = imported else {
                    view.refuse(view.text(DeskText::BackupCorrupted), ids::BACKUP_FILE)?;
                    return Ok(None);
                };
                let Some(caseload) = view.caseload_mut() else {
                    return Ok(None);
                };
                let merged = caseload.merge(imported);
                view.merged = Some(merged);
                view.save();
                view.render()?;
                view.focus(&format!("#{}", ids::MERGED))?;
                Ok(None)
            });
            Ok(None)
        });
        Ok(())
    }

    /// The backup screen: make the file; import one, and what it did.
    pub(super) fn draw_backup(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        self.screen_heading(into, DeskText::BackupTitle)?;
        into.append_child(&*element(
            document,
            "p",
            &[],
            Some(&self.text(DeskText::BackupIntro)),
        )?)?;
        into.append_child(&*parts::action_row(
            document,
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("data-do", Button::Backup.to_attr()),
            ],
            &self.text(DeskText::MakeBackup),
        )?)?;
        if let Some(url) = &self.backup_url {
            let name = format!("passerelle-suivi-{}.passerelle", self.today);
            into.append_child(&*element(
                document,
                "a",
                &[
                    ("href", url),
                    ("download", &name),
                    ("id", ids::BACKUP_LINK),
                    ("class", "file"),
                ],
                Some(&self.text(DeskText::DownloadBackup)),
            )?)?;
        }
        let (form, fieldset) = parts::named_form(
            document,
            Form::Import.to_attr(),
            &self.text(DeskText::ImportTitle),
        )?;
        fieldset.append_child(&*element(
            document,
            "p",
            &[("class", "help")],
            Some(&self.text(DeskText::ImportIntro)),
        )?)?;
        let file = element(
            document,
            "input",
            &[
                ("type", "file"),
                ("id", ids::BACKUP_FILE),
                ("accept", ".passerelle"),
            ],
            None,
        )?;
        self.mark_error(&file, ids::BACKUP_FILE)?;
        fieldset.append_child(&*parts::field(
            document,
            ids::BACKUP_FILE,
            None,
            &self.text(DeskText::BackupFileField),
            &file,
        )?)?;
        self.error_after(&fieldset, ids::BACKUP_FILE)?;
        let passphrase = element(
            document,
            "input",
            &[
                ("type", "password"),
                ("id", ids::BACKUP_PASSPHRASE),
                ("autocomplete", "off"),
            ],
            None,
        )?;
        self.mark_error(&passphrase, ids::BACKUP_PASSPHRASE)?;
        fieldset.append_child(&*parts::field(
            document,
            ids::BACKUP_PASSPHRASE,
            None,
            &self.text(DeskText::BackupPassphraseField),
            &passphrase,
        )?)?;
        self.error_after(&fieldset, ids::BACKUP_PASSPHRASE)?;
        form.append_child(&*parts::action_row(
            document,
            &[("type", "submit"), ("class", "primary")],
            &self.text(DeskText::Import),
        )?)?;
        into.append_child(&form)?;
        if let Some(merged) = &self.merged {
            let section = element(document, "section", &[("class", "merged")], None)?;
            section.append_child(&*element(
                document,
                "h4",
                &[("id", ids::MERGED), ("tabindex", "-1")],
                Some(&self.text(DeskText::MergedTitle)),
            )?)?;
            let counts = element(document, "ul", &[], None)?;
            for words in [
                DeskText::MergedAdded(merged.added.len()),
                DeskText::MergedUpdated(merged.updated.len()),
                DeskText::MergedUnchanged(merged.unchanged.len()),
            ]
            .into_iter()
            .chain(
                (!merged.refused.is_empty())
                    .then_some(DeskText::MergedRefused(merged.refused.len())),
            ) {
                counts.append_child(&*element(document, "li", &[], Some(&self.text(words)))?)?;
            }
            section.append_child(&counts)?;
            if !merged.conflicts.is_empty() {
                section.append_child(&*element(
                    document,
                    "h5",
                    &[],
                    Some(&self.text(DeskText::ConflictsTitle)),
                )?)?;
                let list = element(document, "ul", &[("class", "conflicts")], None)?;
                for conflict in &merged.conflicts {
                    let kept = self.text(match conflict.kept {
                        Side::Local => DeskText::KeptHere,
                        Side::Imported => DeskText::KeptImported,
                    });
                    let words = match &conflict.kind {
                        ConflictKind::Diverged => self.text(DeskText::ConflictDiverged {
                            label: &conflict.label,
                            kept: &kept,
                            count: conflict.changes_not_kept,
                        }),
                        ConflictKind::Label { other } => self.text(DeskText::ConflictLabel {
                            label: &conflict.label,
                            other,
                        }),
                    };
                    list.append_child(&*element(document, "li", &[], Some(&words))?)?;
                }
                section.append_child(&list)?;
            }
            into.append_child(&section)?;
        }
        Ok(())
    }
}
