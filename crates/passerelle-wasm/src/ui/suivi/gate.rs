//! Making the caseload, unlocking it, and erasing it when the passphrase
//! is forgotten: what the desk shows before the caseload is open.

use passerelle_core::caseload::Caseload;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::ui::dom::{element, Attribute};
use crate::ui::parts;

use super::ids::{self, Button, Form, Tab};
use super::{vault, DeskText, DeskView, Gate, Screen};

/// The shortest passphrase the vault takes.
const MIN_PASSPHRASE: usize = 8;

impl DeskView {
    /// Makes the caseload with the passphrase chosen, once the advisor
    /// has said they understand a forgotten one cannot be recovered.
    pub(super) fn create(&mut self) -> Result<(), JsValue> {
        let passphrase = self.value_of(ids::NEW_PASSPHRASE)?;
        let repeated = self.value_of(ids::REPEAT_PASSPHRASE)?;
        let understood = self
            .root()?
            .get_element_by_id(ids::UNDERSTOOD)
            .and_then(|found| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(found).ok()
            })
            .is_some_and(|input| input.checked());
        if passphrase.chars().count() < MIN_PASSPHRASE {
            return self.refuse(self.text(DeskText::PassphraseTooShort), ids::NEW_PASSPHRASE);
        }
        if passphrase != repeated {
            return self.refuse(
                self.text(DeskText::PassphrasesDiffer),
                ids::REPEAT_PASSPHRASE,
            );
        }
        if !understood {
            return self.refuse(self.text(DeskText::UnderstoodRequired), ids::UNDERSTOOD);
        }
        let Some(vault) = &self.vault else {
            return Ok(());
        };
        let made = vault.create(&passphrase);
        self.waiting = true;
        crate::ui::settle::when_settled(&self.itself, made, |view, outcome| {
            view.waiting = false;
            match outcome {
                Ok(_) => view.opened(Caseload::new()),
                Err(error) => view.vault_refused(&error, ids::NEW_PASSPHRASE),
            }
        });
        Ok(())
    }

    /// Unlocks with the passphrase typed; a wrong one is told and
    /// changes nothing.
    pub(super) fn unlock(&mut self) -> Result<(), JsValue> {
        let passphrase = self.value_of(ids::PASSPHRASE)?;
        let Some(vault) = &self.vault else {
            return Ok(());
        };
        let opened = vault.unlock(&passphrase);
        self.waiting = true;
        crate::ui::settle::when_settled(&self.itself, opened, |view, outcome| {
            view.waiting = false;
            match outcome {
                Ok(text) => {
                    let text = text.as_string().unwrap_or_default();
                    // A caseload made and never saved since is empty.
                    if text.trim().is_empty() {
                        return view.opened(Caseload::new());
                    }
                    match Caseload::from_json(&text) {
                        Ok(caseload) => view.opened(caseload),
                        Err(_) => {
                            if let Some(vault) = &view.vault {
                                let _ = vault.lock();
                            }
                            view.gate = Gate::Unavailable("corrupted".to_owned());
                            view.render()?;
                            Ok(None)
                        }
                    }
                }
                Err(error) => view.vault_refused(&error, ids::PASSPHRASE),
            }
        });
        Ok(())
    }

    /// The caseload is open: the list of people shown.
    fn opened(&mut self, caseload: Caseload) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        self.gate = Gate::Open(caseload);
        self.screen = Screen::Tab(Tab::People);
        self.error = None;
        self.confirming_erase = false;
        self.restart_timer();
        self.render()?;
        self.focus(&format!("#{}", ids::SCREEN))?;
        Ok(None)
    }

    /// Tells a refusal of the vault: a wrong passphrase by `control`,
    /// storage failures as the screen.
    fn vault_refused(
        &mut self,
        error: &JsValue,
        control: &'static str,
    ) -> Result<Option<(&'static str, JsValue)>, JsValue> {
        let code = vault::code_of(error);
        match code.as_str() {
            "wrong_passphrase" => self.refuse(self.text(DeskText::WrongPassphrase), control)?,
            "passphrase_too_short" => {
                self.refuse(self.text(DeskText::PassphraseTooShort), control)?
            }
            "quota" => self.refuse(self.text(DeskText::Quota), control)?,
            // Erased in another tab meanwhile: a new one can be made.
            "no_vault" => {
                self.gate = Gate::New;
                self.render()?;
                self.focus(&format!("#{}", ids::SCREEN))?;
            }
            _ => {
                self.gate = Gate::Unavailable(code);
                self.render()?;
                self.focus(&format!("#{}", ids::SCREEN))?;
            }
        }
        Ok(None)
    }

    /// Erases the caseload kept, once confirmed: a new one can be made.
    pub(super) fn erase_all(&mut self) -> Result<(), JsValue> {
        let Some(vault) = &self.vault else {
            return Ok(());
        };
        let erased = vault.erase();
        self.waiting = true;
        crate::ui::settle::when_settled(&self.itself, erased, |view, outcome| {
            view.waiting = false;
            view.confirming_erase = false;
            match outcome {
                Ok(_) => {
                    view.gate = Gate::New;
                    view.told = Some(view.text(DeskText::Erased));
                    view.render()?;
                    view.focus(&format!("#{}", ids::SCREEN))?;
                    Ok(None)
                }
                Err(error) => view.vault_refused(&error, ids::PASSPHRASE),
            }
        });
        Ok(())
    }

    /// The screen that makes a caseload: what a forgotten passphrase
    /// means, said before anything is kept.
    pub(super) fn draw_new(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        self.screen_heading(into, DeskText::NewTitle)?;
        into.append_child(&*element(
            document,
            "p",
            &[],
            Some(&self.text(DeskText::NewIntro)),
        )?)?;
        into.append_child(&*element(
            document,
            "p",
            &[("class", "warning"), ("id", "passerelle-forgotten-warning")],
            Some(&self.text(DeskText::ForgottenWarning)),
        )?)?;
        let (form, fieldset) = parts::named_form(
            document,
            Form::Create.to_attr(),
            &self.text(DeskText::NewTitle),
        )?;
        self.password_field(
            &fieldset,
            ids::NEW_PASSPHRASE,
            DeskText::NewPassphrase,
            "new-password",
        )?;
        self.password_field(
            &fieldset,
            ids::REPEAT_PASSPHRASE,
            DeskText::RepeatPassphrase,
            "new-password",
        )?;
        let (row, input, _) = parts::choice_row(
            document,
            &[],
            &[
                ("type", "checkbox"),
                ("id", ids::UNDERSTOOD),
                ("aria-describedby", "passerelle-forgotten-warning"),
            ],
            false,
            &self.text(DeskText::Understood),
        )?;
        self.mark_error(&input, ids::UNDERSTOOD)?;
        fieldset.append_child(&row)?;
        self.error_after(&fieldset, ids::UNDERSTOOD)?;
        form.append_child(&*parts::action_row(
            document,
            &[("type", "submit"), ("class", "primary")],
            &self.text(DeskText::Create),
        )?)?;
        into.append_child(&form)?;
        Ok(())
    }

    /// The screen that unlocks, and what to do when the passphrase is
    /// forgotten.
    pub(super) fn draw_locked(&self, into: &Element) -> Result<(), JsValue> {
        let document = &self.document;
        self.screen_heading(into, DeskText::LockedTitle)?;
        let (form, fieldset) = parts::named_form(
            document,
            Form::Unlock.to_attr(),
            &self.text(DeskText::LockedIntro),
        )?;
        self.password_field(
            &fieldset,
            ids::PASSPHRASE,
            DeskText::Passphrase,
            "current-password",
        )?;
        form.append_child(&*parts::action_row(
            document,
            &[("type", "submit"), ("class", "primary")],
            &self.text(DeskText::Unlock),
        )?)?;
        into.append_child(&form)?;
        if self.confirming_erase {
            let box_ = element(document, "div", &[("class", "confirm")], None)?;
            box_.append_child(&*element(
                document,
                "p",
                &[("id", ids::ERASE_WARNING), ("tabindex", "-1")],
                Some(&self.text(DeskText::EraseWarning)),
            )?)?;
            let row = element(document, "div", &[("class", "actions")], None)?;
            row.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("data-do", Button::EraseAll.to_attr()),
                    ("class", "danger"),
                ],
                Some(&self.text(DeskText::EraseAll)),
            )?)?;
            row.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("data-do", Button::KeepAll.to_attr()),
                    ("class", "secondary"),
                ],
                Some(&self.text(DeskText::KeepAll)),
            )?)?;
            box_.append_child(&row)?;
            into.append_child(&box_)?;
        } else {
            into.append_child(&*element(
                document,
                "button",
                &[
                    ("type", "button"),
                    ("data-do", Button::Forgotten.to_attr()),
                    ("class", "link"),
                ],
                Some(&self.text(DeskText::Forgotten)),
            )?)?;
        }
        Ok(())
    }

    /// Why the caseload cannot be opened here, in words; with the erase
    /// when what is kept is damaged.
    pub(super) fn draw_unavailable(&self, into: &Element, code: &str) -> Result<(), JsValue> {
        let document = &self.document;
        let words = match code {
            "storage_refused" => DeskText::StorageRefused,
            "crypto_unavailable" => DeskText::CryptoUnavailable,
            "quota" => DeskText::Quota,
            _ => DeskText::Corrupted,
        };
        self.screen_heading(into, DeskText::Title)?;
        into.append_child(&*element(
            document,
            "p",
            &[("class", "error"), ("role", "alert")],
            Some(&self.text(words)),
        )?)?;
        if matches!(words, DeskText::Corrupted) {
            into.append_child(&*element(
                document,
                "p",
                &[("id", ids::ERASE_WARNING), ("tabindex", "-1")],
                Some(&self.text(DeskText::EraseWarning)),
            )?)?;
            into.append_child(&*parts::action_row(
                document,
                &[
                    ("type", "button"),
                    ("data-do", Button::EraseAll.to_attr()),
                    ("class", "danger"),
                ],
                &self.text(DeskText::EraseAll),
            )?)?;
        }
        Ok(())
    }

    /// A passphrase field, its refusal under it.
    fn password_field(
        &self,
        into: &Element,
        id: &'static str,
        words: DeskText,
        autocomplete: &str,
    ) -> Result<(), JsValue> {
        let input = element(
            &self.document,
            "input",
            &[
                ("type", "password"),
                ("id", id),
                ("autocomplete", autocomplete),
                ("required", ""),
            ],
            None,
        )?;
        self.mark_error(&input, id)?;
        let field = parts::field(&self.document, id, None, &self.text(words), &input)?;
        into.append_child(&field)?;
        self.error_after(into, id)
    }

    /// Marks `input` invalid, described by the refusal, when the refusal
    /// is for it.
    pub(super) fn mark_error(&self, input: &Element, id: &str) -> Result<(), JsValue> {
        if self
            .error
            .as_ref()
            .is_some_and(|(_, control)| *control == id)
        {
            input.set_attribute("aria-invalid", "true")?;
            input.set_attribute("aria-describedby", ids::ERROR)?;
        }
        Ok(())
    }

    /// The refusal's paragraph, when it is for the control `id`.
    pub(super) fn error_after(&self, into: &Element, id: &str) -> Result<(), JsValue> {
        if let Some((message, control)) = &self.error {
            if *control == id {
                into.append_child(&*parts::field_error(
                    &self.document,
                    self.locale,
                    ids::ERROR,
                    message,
                )?)?;
            }
        }
        Ok(())
    }

    /// The screen's heading (`h3`, focusable).
    pub(super) fn screen_heading(&self, into: &Element, words: DeskText) -> Result<(), JsValue> {
        into.append_child(&*element(
            &self.document,
            "h3",
            &[("id", ids::SCREEN), ("tabindex", "-1")],
            Some(&self.text(words)),
        )?)?;
        Ok(())
    }
}
