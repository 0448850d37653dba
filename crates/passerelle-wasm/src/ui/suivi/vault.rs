//! The vault the element gives the widget: the caseload kept in
//! IndexedDB, encrypted by WebCrypto (`pkg-templates/vault.js`). The
//! widget only calls it and waits for its promises; every refusal comes
//! back as an `Error` with a stable `code`, told to the advisor in words.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `openVault(name)`'s value (`pkg-templates/vault.js`).
    pub type Vault;

    /// `'new'`, `'locked'` or `'unlocked'`.
    #[wasm_bindgen(method, catch)]
    pub(super) fn state(this: &Vault) -> Result<Promise, JsValue>;

    /// Makes the caseload's key from the passphrase and keeps an empty caseload.
    #[wasm_bindgen(method, catch)]
    pub(super) fn create(this: &Vault, passphrase: &str) -> Result<Promise, JsValue>;

    /// The caseload's text, or `wrong_passphrase` (nothing written).
    #[wasm_bindgen(method, catch)]
    pub(super) fn unlock(this: &Vault, passphrase: &str) -> Result<Promise, JsValue>;

    /// Keeps the caseload's text, encrypted.
    #[wasm_bindgen(method, catch)]
    pub(super) fn save(this: &Vault, text: &str) -> Result<Promise, JsValue>;

    /// Forgets the key.
    #[wasm_bindgen(method, catch)]
    pub(super) fn lock(this: &Vault) -> Result<JsValue, JsValue>;

    /// The encrypted backup file's bytes.
    #[wasm_bindgen(method, catch, js_name = exportBackup)]
    pub(super) fn export_backup(this: &Vault) -> Result<Promise, JsValue>;

    /// A backup file's text, decrypted with its own passphrase.
    #[wasm_bindgen(method, catch, js_name = readBackup)]
    pub(super) fn read_backup(
        this: &Vault,
        bytes: &Uint8Array,
        passphrase: &str,
    ) -> Result<Promise, JsValue>;

    /// Erases the caseload kept (a forgotten passphrase: start again).
    #[wasm_bindgen(method, catch)]
    pub(super) fn erase(this: &Vault) -> Result<Promise, JsValue>;
}

/// The `code` of a refusal (`wrong_passphrase`, `quota`…); `unknown`
/// when it has none.
pub(super) fn code_of(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"code".into())
        .ok()
        .and_then(|code| code.as_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
