//! Keeping what the person did on the device between visits, when the
//! host page asks with the `persist` attribute: nowhere by default.
//! `sessionStorage` keeps it until the tab is closed, `localStorage`
//! until erased. Whatever the browser refuses is told to the person by
//! the widget, never thrown to the host page. Erasing asks first and
//! says what goes. Without `persist`, leaving the page while there is
//! something to lose asks the browser to warn first (`beforeunload`);
//! leaving quickly ([`leave_quickly`]) never does, and erases what every
//! widget kept.

use std::cell::{Cell, RefCell};

use passerelle_core::{Locale, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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
    /// What erasing erases, asked before erasing.
    pub(crate) what: Message<'static>,
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
    /// The browser's warning before the page is left, while something
    /// not kept would be lost.
    guard: Option<UnloadGuard>,
    /// Shows and hides the question "erase?" in the panel (made at the
    /// first drawing).
    confirm: RefCell<Option<ConfirmListener>>,
}

impl Keeper {
    /// Keeps nothing until [`set`](Self::set) says where.
    pub(crate) fn new(widget: &'static str, words: Words) -> Keeper {
        Keeper {
            widget,
            words,
            keeping: None,
            notice: None,
            guard: None,
            confirm: RefCell::new(None),
        }
    }

    /// Asks the browser to warn before the page is left while `unsaved`
    /// (answers given, a plan built) and nothing is kept on the device;
    /// the warning is taken away otherwise, and when the widget goes.
    pub(crate) fn guard_unload(&mut self, unsaved: bool) {
        let wanted = unsaved && self.keeping.is_none();
        if wanted && self.guard.is_none() {
            self.guard = UnloadGuard::new();
        } else if !wanted {
            self.guard = None;
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
    /// and the control that erases it, inside `panel`, apart from the
    /// widget's own buttons; hides `panel` when nothing is kept. Erasing
    /// asks first: `#passerelle-forget` shows what will be erased, with
    /// `#passerelle-forget-confirm` (the attribute `action` its widget
    /// listens to) and a button that keeps everything.
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
                ("class", "secondary forget"),
                ("data-keeper", "ask"),
                ("aria-expanded", "false"),
                ("aria-controls", "passerelle-forget-ask"),
                ("part", "button forget-button"),
            ],
            Some(&self.words.forget.text(locale)),
        )?)?;
        let ask = element(
            document,
            "div",
            &[
                ("id", "passerelle-forget-ask"),
                ("class", "confirm"),
                ("role", "group"),
                ("aria-labelledby", "passerelle-forget-what"),
                ("hidden", ""),
            ],
            None,
        )?;
        ask.append_child(&*element(
            document,
            "p",
            &[("id", "passerelle-forget-what"), ("tabindex", "-1")],
            Some(&self.words.what.text(locale)),
        )?)?;
        let buttons = element(document, "div", &[("class", "actions")], None)?;
        buttons.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-forget-confirm"),
                ("class", "primary danger"),
                action,
                ("part", "button forget-confirm-button"),
            ],
            Some(&Message::ConfirmForget.text(locale)),
        )?)?;
        buttons.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-forget-cancel"),
                ("class", "secondary"),
                ("data-keeper", "cancel"),
                ("part", "button forget-cancel-button"),
            ],
            Some(&Message::CancelForget.text(locale)),
        )?)?;
        ask.append_child(&buttons)?;
        panel.append_child(&ask)?;
        let mut confirm = self.confirm.borrow_mut();
        if confirm.is_none() {
            *confirm = Some(ConfirmListener::new(panel)?);
        }
        Ok(())
    }
}

/// The listener that shows the question "erase?" and hides it again: the
/// page's own state, nothing of the widget's.
struct ConfirmListener {
    panel: Element,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl ConfirmListener {
    fn new(panel: &Element) -> Result<ConfirmListener, JsValue> {
        let target = panel.clone();
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(button) = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|target| target.closest("[data-keeper]").ok().flatten())
            else {
                return;
            };
            let asking = button.get_attribute("data-keeper").as_deref() == Some("ask");
            let _ = show_question(&target, asking);
        });
        panel.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())?;
        Ok(ConfirmListener {
            panel: panel.clone(),
            closure,
        })
    }
}

impl Drop for ConfirmListener {
    fn drop(&mut self) {
        let _ = self
            .panel
            .remove_event_listener_with_callback("click", self.closure.as_ref().unchecked_ref());
    }
}

/// Shows the question "erase?" (`asking`), its words focused, or hides
/// it, the focus back on the control that asked.
fn show_question(panel: &Element, asking: bool) -> Result<(), JsValue> {
    let (Some(ask), Some(question), Some(opener)) = (
        panel.query_selector("#passerelle-forget-ask")?,
        panel.query_selector("#passerelle-forget-what")?,
        panel.query_selector("#passerelle-forget")?,
    ) else {
        return Ok(());
    };
    opener.set_attribute("aria-expanded", if asking { "true" } else { "false" })?;
    if asking {
        ask.remove_attribute("hidden")?;
        opener.set_attribute("hidden", "")?;
        crate::dom::focus(&question)
    } else {
        ask.set_attribute("hidden", "")?;
        opener.remove_attribute("hidden")?;
        crate::dom::focus(&opener)
    }
}

thread_local! {
    /// Set when the person leaves quickly: no warning may hold them back.
    static LEAVING: Cell<bool> = const { Cell::new(false) };
}

/// The browser's warning before the page is left, while it is listened
/// for; removed when dropped.
struct UnloadGuard {
    closure: Closure<dyn FnMut(web_sys::BeforeUnloadEvent)>,
}

impl UnloadGuard {
    fn new() -> Option<UnloadGuard> {
        let window = web_sys::window()?;
        let closure = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
            |event: web_sys::BeforeUnloadEvent| {
                if LEAVING.with(Cell::get) {
                    return;
                }
                // Browsers show their own words; both ways of asking, for
                // the browsers that still want the older one.
                event.prevent_default();
                event.set_return_value("");
            },
        );
        window
            .add_event_listener_with_callback("beforeunload", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(UnloadGuard { closure })
    }
}

impl Drop for UnloadGuard {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "beforeunload",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Leaves the page at once for `url`, which takes its place in the
/// history (Back does not come back): no warning first, and what every
/// Passerelle widget kept on the device (`passerelle:` keys, in both
/// storages) erased first. In a frame (the page of a host whose policy
/// refuses WebAssembly), the whole tab leaves, not only the frame; where
/// the frame may not lead its parent, the frame leaves.
pub(crate) fn leave_quickly(url: &str) -> Result<(), JsValue> {
    LEAVING.with(|leaving| leaving.set(true));
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    for storage in [window.session_storage(), window.local_storage()] {
        let Ok(Some(storage)) = storage else { continue };
        let length = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..length)
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with("passerelle:"))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }
    let top = window.top().ok().flatten();
    if let Some(top) = top.filter(|top| top != &window) {
        if top.location().replace(url).is_ok() {
            return Ok(());
        }
    }
    window.location().replace(url)
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
