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
pub(crate) enum Mode {
    /// `sessionStorage`: until the page's tab is closed.
    Session,
    /// `localStorage`: until erased.
    Local,
}

/// Where one widget keeps its value: the storage, and the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Keeping {
    pub(crate) mode: Mode,
    key: String,
}

/// The browser gives no storage, or refuses to use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StorageRefused;

impl Keeping {
    /// The keeping the host asked for with `persist` (`"session"`,
    /// `"local"`; anything else keeps nothing), under a key made of the
    /// widget's name and the element's `id`, so that two widgets on one
    /// page keep theirs apart.
    pub(crate) fn new(persist: Option<&str>, widget: &str, id: Option<&str>) -> Option<Keeping> {
        let mode = match persist {
            Some("session") => Mode::Session,
            Some("local") => Mode::Local,
            _ => return None,
        };
        let id = id.filter(|id| !id.is_empty()).unwrap_or("default");
        Some(Keeping {
            mode,
            key: format!("passerelle:{widget}:{id}"),
        })
    }

    fn storage(&self) -> Result<Storage, StorageRefused> {
        let window = web_sys::window().ok_or(StorageRefused)?;
        let storage = match self.mode {
            Mode::Session => window.session_storage(),
            Mode::Local => window.local_storage(),
        };
        storage.ok().flatten().ok_or(StorageRefused)
    }

    /// Keeps `text` in place of what was kept.
    pub(crate) fn write(&self, text: &str) -> Result<(), StorageRefused> {
        self.storage()?
            .set_item(&self.key, text)
            .map_err(|_| StorageRefused)
    }

    /// What is kept, if anything.
    pub(crate) fn read(&self) -> Result<Option<String>, StorageRefused> {
        self.storage()?
            .get_item(&self.key)
            .map_err(|_| StorageRefused)
    }

    /// Erases what is kept; nothing to erase when the storage is refused.
    pub(crate) fn erase(&self) {
        if let Ok(storage) = self.storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// The place where [`draw_panel`] tells how things are kept: hidden
/// until the host asks to keep them.
pub(crate) fn panel(document: &Document) -> Result<Element, JsValue> {
    element(
        document,
        "div",
        &[("class", "privacy"), ("part", "privacy"), ("hidden", "")],
        None,
    )
}

/// Tells the person how their data is kept (`kept`: in the tab, on the
/// device), with a `notice` if any and the control that erases it
/// (`forget`: its attributes and words), inside `panel`; hides `panel`
/// when nothing is kept.
pub(crate) fn draw_panel(
    document: &Document,
    panel: &Element,
    locale: Locale,
    keeping: Option<&Keeping>,
    kept: [Message; 2],
    notice: Option<&Message>,
    forget: (&[(&str, &str)], Message),
) -> Result<(), JsValue> {
    panel.set_text_content(None);
    let Some(keeping) = keeping else {
        return panel.set_attribute("hidden", "");
    };
    panel.remove_attribute("hidden")?;
    let [in_tab, on_device] = kept;
    let kept = match keeping.mode {
        Mode::Session => in_tab,
        Mode::Local => on_device,
    };
    panel.append_child(&*element(document, "p", &[], Some(&kept.text(locale)))?)?;
    if let Some(notice) = notice {
        panel.append_child(&*element(
            document,
            "p",
            &[("class", "notice"), ("role", "status")],
            Some(&notice.text(locale)),
        )?)?;
    }
    let (attributes, words) = forget;
    panel.append_child(&*element(
        document,
        "button",
        attributes,
        Some(&words.text(locale)),
    )?)?;
    Ok(())
}
