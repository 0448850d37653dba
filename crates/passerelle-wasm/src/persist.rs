//! Keeping what the person did on the device between visits, when the
//! host page asks with the `persist` attribute: nowhere by default.
//! `sessionStorage` keeps it until the tab is closed, `localStorage`
//! until erased. Whatever the browser refuses is told to the person by
//! the widget, never thrown to the host page.

use passerelle_core::{Locale, Message};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Storage};

use crate::dom::element;

/// Which storage keeps the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `sessionStorage`: until the page's tab is closed.
    Session,
    /// `localStorage`: until erased.
    Local,
}

/// Where one widget keeps its value: the storage, and the key.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Keeping {
    mode: Mode,
    key: String,
}

/// The browser gives no storage, or refuses to use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StorageRefused;

impl Keeping {
    fn storage(&self) -> Result<Storage, StorageRefused> {
        let window = web_sys::window().ok_or(StorageRefused)?;
        let storage = match self.mode {
            Mode::Session => window.session_storage(),
            Mode::Local => window.local_storage(),
        };
        storage.ok().flatten().ok_or(StorageRefused)
    }

    fn write(&self, text: &str) -> Result<(), StorageRefused> {
        self.storage()?
            .set_item(&self.key, text)
            .map_err(|_| StorageRefused)
    }

    fn read(&self) -> Result<Option<String>, StorageRefused> {
        self.storage()?
            .get_item(&self.key)
            .map_err(|_| StorageRefused)
    }

    /// Erases what is kept; nothing to erase when the storage is refused.
    fn erase(&self) {
        if let Ok(storage) = self.storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// What a widget says about what it keeps.
pub(crate) struct Words {
    /// Kept until the tab is closed.
    pub(crate) in_tab: Message<'static>,
    /// Kept on the device until erased.
    pub(crate) on_device: Message<'static>,
    /// The control that erases what is kept.
    pub(crate) forget: Message<'static>,
    /// The device refuses to keep it.
    pub(crate) refused: Message<'static>,
}

/// What one widget keeps on the device, and what it tells the person
/// about it.
pub(crate) struct Keeper {
    /// `widget` in the key (`passerelle:<widget>:<element id>`).
    widget: &'static str,
    words: Words,
    keeping: Option<Keeping>,
    /// What to tell about keeping, beside the usual sentence.
    notice: Option<Message<'static>>,
}

impl Keeper {
    /// Keeps nothing until [`set`](Self::set) says where.
    pub(crate) fn new(widget: &'static str, words: Words) -> Keeper {
        Keeper {
            widget,
            words,
            keeping: None,
            notice: None,
        }
    }

    /// Keeps as the host asks with `persist` (`"session"`, `"local"`;
    /// anything else keeps nothing, and erases what was kept), under the
    /// element's `id`, so that two widgets on one page keep theirs apart.
    pub(crate) fn set(&mut self, persist: Option<&str>, id: Option<&str>) {
        let mode = match persist {
            Some("session") => Some(Mode::Session),
            Some("local") => Some(Mode::Local),
            _ => None,
        };
        let id = id.filter(|id| !id.is_empty()).unwrap_or("default");
        let keeping = mode.map(|mode| Keeping {
            mode,
            key: format!("passerelle:{}:{id}", self.widget),
        });
        if keeping.is_none() {
            self.erase();
        }
        self.keeping = keeping;
        self.notice = None;
    }

    /// Keeps `text` in place of what was kept (`None` erases it); a
    /// refusal is told.
    pub(crate) fn keep(&mut self, text: Option<&str>) {
        let Some(keeping) = &self.keeping else {
            return;
        };
        let kept = match text {
            Some(text) => keeping.write(text),
            None => {
                keeping.erase();
                Ok(())
            }
        };
        if kept.is_err() {
            self.notice = Some(self.words.refused.clone());
        } else if self.notice.as_ref() == Some(&self.words.refused) {
            self.notice = None;
        }
    }

    /// What is kept, read by `read`; a value `read` refuses is erased and
    /// its message told, as is a refused storage.
    pub(crate) fn take_back<T>(
        &mut self,
        read: impl FnOnce(&str) -> Result<T, Message<'static>>,
    ) -> Option<T> {
        let keeping = self.keeping.as_ref()?;
        let text = match keeping.read() {
            Ok(text) => text?,
            Err(StorageRefused) => {
                self.notice = Some(self.words.refused.clone());
                return None;
            }
        };
        match read(&text) {
            Ok(value) => Some(value),
            Err(said) => {
                keeping.erase();
                self.notice = Some(said);
                None
            }
        }
    }

    /// Erases what is kept, if anything.
    pub(crate) fn erase(&self) {
        if let Some(keeping) = &self.keeping {
            keeping.erase();
        }
    }

    /// Erases what is kept, and tells the person with `said`.
    pub(crate) fn forget(&mut self, said: Message<'static>) {
        self.erase();
        self.notice = Some(said);
    }

    /// Tells the person how their data is kept, with the notice if any
    /// and the control that erases it (`#passerelle-forget`, with the
    /// attribute `action` its widget listens to), inside `panel`; hides
    /// `panel` when nothing is kept.
    pub(crate) fn draw(
        &self,
        document: &Document,
        panel: &Element,
        locale: Locale,
        action: (&str, &str),
    ) -> Result<(), JsValue> {
        panel.set_text_content(None);
        let Some(keeping) = &self.keeping else {
            return panel.set_attribute("hidden", "");
        };
        panel.remove_attribute("hidden")?;
        let kept = match keeping.mode {
            Mode::Session => &self.words.in_tab,
            Mode::Local => &self.words.on_device,
        };
        panel.append_child(&*element(document, "p", &[], Some(&kept.text(locale)))?)?;
        if let Some(notice) = &self.notice {
            panel.append_child(&*element(
                document,
                "p",
                &[("class", "notice"), ("role", "status")],
                Some(&notice.text(locale)),
            )?)?;
        }
        panel.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-forget"),
                ("class", "secondary"),
                action,
                ("part", "button forget-button"),
            ],
            Some(&self.words.forget.text(locale)),
        )?)?;
        Ok(())
    }
}

/// The place where [`Keeper::draw`] tells how things are kept: hidden
/// until the host asks to keep them.
pub(crate) fn panel(document: &Document) -> Result<Element, JsValue> {
    element(
        document,
        "div",
        &[("class", "privacy"), ("part", "privacy"), ("hidden", "")],
        None,
    )
}
