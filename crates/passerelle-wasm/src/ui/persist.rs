//! Keeping what the person did on the device between visits, when the
//! host page asks with the `persist` attribute: nowhere by default.
//! `sessionStorage` keeps it until the tab is closed, `localStorage`
//! until erased. Whatever the browser refuses is told to the person by
//! the widget, never thrown to the host page. Erasing asks first and
//! says what goes. Without `persist`, leaving the page while there is
//! something to lose asks the browser to warn first (`beforeunload`);
//! leaving quickly ([`leave_quickly`]) never does, and erases what every
//! widget kept.
//!
//! Nothing kept is erased but on purpose: a value this version cannot
//! read (written by a newer one, or damaged) stays, is never written
//! over, and the person is told and offered the erase. What another tab
//! or page wrote or erased since is adopted before anything is written
//! (`storage` and `pageshow` events, and a look before each write), so
//! that one tab continues another's work instead of overwriting it.
//! `docs/robustness.md`, "What is kept, and what erases it".

use crate::ui::words::WidgetText;
use std::cell::{Cell, RefCell};

use passerelle_core::Locale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Storage};

use crate::ui::dom::element;

/// Which storage keeps the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `sessionStorage`: until the page's tab is closed.
    Session,
    /// `localStorage`: until erased.
    Local,
}

/// A `persist` value that is neither `session` nor `local` (code
/// `bad_persist`): nothing is kept, nothing erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadPersist(pub(crate) String);

impl BadPersist {
    /// The error thrown to the host page, sent by the element as a
    /// `passerelle:error` event.
    pub(crate) fn to_js(&self) -> JsValue {
        crate::api::error::js_error(
            "bad_persist",
            &format!(
                "persist is \"session\" or \"local\", not {:?}: nothing is kept, and nothing kept is erased",
                self.0
            ),
        )
    }
}

/// What `persist` asks: `None` to keep nothing (no attribute). The value
/// is read ASCII case-insensitively, without the white space around it
/// (`"Local"`, `" session "`).
fn mode_of(persist: Option<&str>) -> Result<Option<Mode>, BadPersist> {
    let Some(value) = persist else {
        return Ok(None);
    };
    let trimmed = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if trimmed.eq_ignore_ascii_case("session") {
        Ok(Some(Mode::Session))
    } else if trimmed.eq_ignore_ascii_case("local") {
        Ok(Some(Mode::Local))
    } else {
        Err(BadPersist(value.to_owned()))
    }
}

/// The browser gives no storage, or refuses to use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StorageRefused;

/// The storage of `mode`.
fn storage(mode: Mode) -> Result<Storage, StorageRefused> {
    let window = web_sys::window().ok_or(StorageRefused)?;
    let storage = match mode {
        Mode::Session => window.session_storage(),
        Mode::Local => window.local_storage(),
    };
    storage.ok().flatten().ok_or(StorageRefused)
}

fn write(mode: Mode, key: &str, text: Option<&str>) -> Result<(), StorageRefused> {
    let storage = storage(mode)?;
    match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    }
    .map_err(|_| StorageRefused)
}

fn read(mode: Mode, key: &str) -> Result<Option<String>, StorageRefused> {
    storage(mode)?.get_item(key).map_err(|_| StorageRefused)
}

/// Why a kept value cannot be read by this version. It stays kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Written by a newer version (a snapshot version 2, a plan format 3).
    Newer,
    /// Damaged, or not the widget's value at all.
    Damaged,
}

/// What a look at the storage found, against what the widget shows.
#[derive(Debug)]
pub(crate) enum KeptChange<T> {
    /// Nothing to take: the same as last seen, nothing kept, or a value
    /// that cannot be read (told, and left alone).
    Unchanged,
    /// Erased since, in another tab or page: the widget starts again.
    Erased,
    /// Written since (or kept before, at the first look): the widget
    /// shows it.
    Written(T),
}

/// What a widget says about what it keeps.
pub(crate) struct Words {
    /// Kept until the tab is closed.
    pub(crate) in_tab: WidgetText<'static>,
    /// Kept on the device until erased.
    pub(crate) on_device: WidgetText<'static>,
    /// The control that erases what is kept.
    pub(crate) forget: WidgetText<'static>,
    /// The device refuses to keep it.
    pub(crate) refused: WidgetText<'static>,
    /// What erasing erases, asked before erasing.
    pub(crate) what: WidgetText<'static>,
    /// What is kept was written by a newer version: kept, not read.
    pub(crate) too_new: WidgetText<'static>,
    /// What is kept cannot be read: kept, not read.
    pub(crate) unreadable: WidgetText<'static>,
    /// Another tab or page changed what is kept: shown here now.
    pub(crate) changed: WidgetText<'static>,
    /// Another tab or page erased what is kept: gone here too.
    pub(crate) erased: WidgetText<'static>,
}

/// What one widget keeps on the device, and what it tells the person
/// about it.
pub(crate) struct Keeper {
    /// `widget` in the key.
    widget: &'static str,
    words: Words,
    /// The storage the host asked for, if any.
    mode: Option<Mode>,
    /// The element's `id` in the key (`default` without one).
    id: String,
    /// What the value belongs to, in the key: the questionnaire's id for
    /// the answers; `None` for the plan.
    scope: Option<String>,
    /// The kept text as last read or written: `None` before the first
    /// look, `Some(None)` when nothing was kept. Another value in the
    /// storage means another tab or page changed it.
    seen: Option<Option<String>>,
    /// What is kept cannot be read by this version: it is not written
    /// over until the person erases it.
    unreadable: bool,
    /// What to tell about keeping, beside the usual sentence.
    notice: Option<WidgetText<'static>>,
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
            mode: None,
            id: "default".to_owned(),
            scope: None,
            seen: None,
            unreadable: false,
            notice: None,
            guard: None,
            confirm: RefCell::new(None),
        }
    }

    /// The storage key: `passerelle:<widget>:<scope>:<element id>`, or
    /// `passerelle:<widget>:<element id>` without a scope. `%` and `:`
    /// of the scope are written `%25` and `%3A`, so that no two scopes
    /// and ids make one key.
    fn key(&self) -> String {
        match &self.scope {
            Some(scope) => {
                let scope = scope.replace('%', "%25").replace(':', "%3A");
                format!("passerelle:{}:{scope}:{}", self.widget, self.id)
            }
            None => self.unscoped_key(),
        }
    }

    /// The key without a scope (`passerelle:<widget>:<element id>`): the
    /// plan's, and the answers' before they had one (a value found there
    /// that the widget can read is moved to the key of its scope).
    fn unscoped_key(&self) -> String {
        format!("passerelle:{}:{}", self.widget, self.id)
    }

    /// Whether the widget writes what the person does: kept somewhere,
    /// and nothing kept that it cannot read.
    fn writes(&self) -> bool {
        self.mode.is_some() && !self.unreadable
    }

    /// Asks the browser to warn before the page is left while `unsaved`
    /// (answers given, a plan built) and not kept on the device (nothing
    /// asked, a value there that cannot be read, or the storage refusing);
    /// the warning is taken away otherwise, and when the widget goes.
    pub(crate) fn guard_unload(&mut self, unsaved: bool) {
        let refused = self.notice.as_ref() == Some(&self.words.refused);
        let wanted = unsaved && (!self.writes() || refused);
        if wanted && self.guard.is_none() {
            self.guard = UnloadGuard::new();
        } else if !wanted {
            self.guard = None;
        }
    }

    /// Keeps as the host asks with `persist` (`"session"`, `"local"`,
    /// any case, white space around ignored), under the element's `id`,
    /// so that two widgets on one page keep theirs apart. `None` (the
    /// attribute removed) keeps nothing from now on and erases what this
    /// widget kept and could read; another value keeps nothing and
    /// erases nothing: [`BadPersist`]. Call [`look`](Self::look) next.
    pub(crate) fn set(
        &mut self,
        persist: Option<&str>,
        id: Option<&str>,
    ) -> Result<(), BadPersist> {
        let mode = mode_of(persist);
        if matches!(mode, Ok(None)) && self.writes() {
            self.write(None);
        }
        self.mode = mode.clone().ok().flatten();
        self.id = id
            .filter(|id| !id.is_empty())
            .unwrap_or("default")
            .to_owned();
        self.seen = None;
        self.unreadable = false;
        self.notice = None;
        mode.map(drop)
    }

    /// Keeps values under `scope` (the questionnaire's id) from now on,
    /// what is kept there not seen yet: call [`look`](Self::look) next.
    pub(crate) fn set_scope(&mut self, scope: &str) {
        self.scope = Some(scope.to_owned());
        self.seen = None;
        self.unreadable = false;
        self.notice = None;
    }

    /// What is kept now, if it changed since last seen, read by `read`.
    /// At the first look, what was kept before comes back as
    /// [`KeptChange::Written`] without a word; later, what another tab or page
    /// wrote or erased is told. A value that cannot be read is left as it
    /// is, told, and not written over.
    pub(crate) fn look<T>(
        &mut self,
        read: impl Fn(&str) -> Result<T, Unreadable>,
    ) -> KeptChange<T> {
        let Some(mode) = self.mode else {
            return KeptChange::Unchanged;
        };
        let key = self.key();
        let current = match self::read(mode, &key) {
            Ok(current) => current,
            Err(StorageRefused) => {
                self.notice = Some(self.words.refused.clone());
                return KeptChange::Unchanged;
            }
        };
        let first = self.seen.is_none();
        if self.seen.as_ref() == Some(&current) {
            return KeptChange::Unchanged;
        }
        self.seen = Some(current.clone());
        let Some(text) = current else {
            if first {
                return self.look_legacy(mode, &key, read);
            }
            self.unreadable = false;
            self.notice = Some(self.words.erased.clone());
            return KeptChange::Erased;
        };
        match read(&text) {
            Ok(value) => {
                self.unreadable = false;
                self.notice = (!first).then(|| self.words.changed.clone());
                KeptChange::Written(value)
            }
            Err(why) => {
                self.unreadable = true;
                self.notice = Some(match why {
                    Unreadable::Newer => self.words.too_new.clone(),
                    Unreadable::Damaged => self.words.unreadable.clone(),
                });
                KeptChange::Unchanged
            }
        }
    }

    /// At the first look with nothing under the key: a value under the
    /// key without scope that `read` reads is moved to the key, and
    /// taken; anything else there is left as it is.
    fn look_legacy<T>(
        &mut self,
        mode: Mode,
        key: &str,
        read: impl Fn(&str) -> Result<T, Unreadable>,
    ) -> KeptChange<T> {
        let legacy = self.unscoped_key();
        if legacy == key {
            return KeptChange::Unchanged;
        }
        let Ok(Some(text)) = self::read(mode, &legacy) else {
            return KeptChange::Unchanged;
        };
        let Ok(value) = read(&text) else {
            return KeptChange::Unchanged;
        };
        if write(mode, key, Some(&text)).is_ok() {
            let _ = write(mode, &legacy, None);
            self.seen = Some(Some(text));
        }
        KeptChange::Written(value)
    }

    /// Keeps `text` in place of what was kept (`None` erases it), unless
    /// another tab or page changed it since: then nothing is written,
    /// and what it wrote is returned for the widget to show (read by
    /// `read`), told. Nothing is written over a value that cannot be
    /// read. A refusal of the browser is told.
    pub(crate) fn keep<T>(
        &mut self,
        text: Option<&str>,
        read: impl Fn(&str) -> Result<T, Unreadable>,
    ) -> KeptChange<T> {
        if !self.writes() {
            return KeptChange::Unchanged;
        }
        match self.look(read) {
            KeptChange::Unchanged if self.writes() => {}
            found => return found,
        }
        self.write(text);
        KeptChange::Unchanged
    }

    /// Writes `text` (`None` erases) under the key; a refusal is told.
    fn write(&mut self, text: Option<&str>) {
        let Some(mode) = self.mode else {
            return;
        };
        if write(mode, &self.key(), text).is_ok() {
            self.seen = Some(text.map(str::to_owned));
            if self.notice.as_ref() == Some(&self.words.refused) {
                self.notice = None;
            }
        } else {
            self.notice = Some(self.words.refused.clone());
        }
    }

    /// Erases what is kept, on purpose, even a value this version cannot
    /// read, and tells the person with `said`.
    pub(crate) fn forget(&mut self, said: WidgetText<'static>) {
        self.unreadable = false;
        self.write(None);
        if self.notice.as_ref() != Some(&self.words.refused) {
            self.notice = Some(said);
        }
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
        // Everything goes but the live region: screen readers hear a
        // status only when its words change while it is on the page, so
        // it stays, and only its words change (an erase or a change in
        // another tab is heard as it happens).
        let status = match panel.query_selector(":scope > [role=status]")? {
            Some(status) => status,
            None => element(document, "p", &[("role", "status")], None)?,
        };
        let children = panel.child_nodes();
        for index in (0..children.length()).rev() {
            if let Some(child) = children.item(index) {
                if !status.is_same_node(Some(&child)) {
                    panel.remove_child(&child)?;
                }
            }
        }
        let said = self
            .notice
            .as_ref()
            .map(|notice| notice.text(locale))
            .unwrap_or_default();
        if status.text_content().unwrap_or_default() != said {
            status.set_text_content(Some(&said));
        }
        if said.is_empty() {
            status.remove_attribute("class")?;
        } else {
            status.set_attribute("class", "notice")?;
        }
        let Some(mode) = self.mode else {
            return panel.set_attribute("hidden", "");
        };
        panel.remove_attribute("hidden")?;
        let kept = match mode {
            Mode::Session => &self.words.in_tab,
            Mode::Local => &self.words.on_device,
        };
        // Nothing new is kept beside a value that cannot be read: the
        // notice says so instead.
        if status.parent_node().is_none() {
            panel.append_child(&status)?;
        }
        if !self.unreadable {
            let sentence = element(document, "p", &[], Some(&kept.text(locale)))?;
            panel.insert_before(&sentence, Some(&status))?;
        }
        panel.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-forget"),
                ("class", "secondary forget"),
                ("data-keeper", keeper_attr(true)),
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
            Some(&WidgetText::ConfirmForget.text(locale)),
        )?)?;
        buttons.append_child(&*element(
            document,
            "button",
            &[
                ("type", "button"),
                ("id", "passerelle-forget-cancel"),
                ("class", "secondary"),
                ("data-keeper", keeper_attr(false)),
                ("part", "button forget-cancel-button"),
            ],
            Some(&WidgetText::CancelForget.text(locale)),
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

/// Whether `event`, a `storage` or `pageshow` event of the window, may
/// mean that what a widget kept changed elsewhere: a `passerelle:` key
/// written or removed in another tab or page, a storage cleared there,
/// or this page shown again from the back-forward cache (where another
/// page may have erased what it shows).
pub(crate) fn changed_elsewhere(event: &web_sys::Event) -> bool {
    if let Some(shown) = event.dyn_ref::<web_sys::PageTransitionEvent>() {
        return shown.persisted();
    }
    event
        .dyn_ref::<web_sys::StorageEvent>()
        .is_some_and(|stored| {
            stored
                .key()
                .is_none_or(|key| key.starts_with("passerelle:"))
        })
}

/// Listens on the window for what another tab or page does to what is
/// kept ([`changed_elsewhere`]): `action` is the widget's "look again".
pub(crate) fn listen_elsewhere<W: crate::ui::widget::Widget + 'static>(
    state: &std::rc::Rc<RefCell<W>>,
    action: fn(&web_sys::Event) -> Option<W::Action>,
) -> Result<[crate::ui::widget::Listener; 2], JsValue> {
    let window: web_sys::EventTarget = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .into();
    Ok([
        crate::ui::widget::listen(&window, "storage", state, action)?,
        crate::ui::widget::listen(&window, "pageshow", state, action)?,
    ])
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
            let asking = button.get_attribute("data-keeper").as_deref() == Some(keeper_attr(true));
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
        crate::ui::dom::focus(&question)
    } else {
        ask.set_attribute("hidden", "")?;
        opener.remove_attribute("hidden")?;
        crate::ui::dom::focus(&opener)
    }
}

thread_local! {
    /// Set when the person leaves quickly: no warning may hold them back.
    static LEAVING: Cell<bool> = const { Cell::new(false) };
}

/// The browser's warning before the page is left, while it is listened
/// for; removed when dropped.
pub(crate) struct UnloadGuard {
    closure: Closure<dyn FnMut(web_sys::BeforeUnloadEvent)>,
}

impl UnloadGuard {
    pub(crate) fn new() -> Option<UnloadGuard> {
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

/// The `data-keeper` of the button that asks "erase?" (`true`) or
/// cancels the question.
fn keeper_attr(asking: bool) -> &'static str {
    if asking {
        "ask"
    } else {
        "cancel"
    }
}
