//! Values across the JavaScript boundary.
//!
//! In: every structured value is turned into JSON text by `JSON.stringify`
//! (which refuses cycles, and whose exceptions are caught), then read by
//! `serde_json` or by the core's own `from_json`. So an object and its
//! JSON text are read by exactly the same code, with the same checks,
//! paths and codes; `serde_json`'s recursion limit (128) refuses deep
//! nesting without a stack overflow (`serde-wasm-bindgen` recurses
//! without a limit); and a `toJSON` method is honoured (a `Plan` object
//! passed where a plan is read gives its value).
//!
//! `JSON.stringify` reads only own enumerable properties, but it would
//! also silently change what a hostile or careless page gives: `NaN` and
//! `Infinity` become `null` (read as "unknown"), a `Map` becomes `{}`, a
//! hole in an array is read through `Array.prototype`, a `toJSON` put on
//! `Object.prototype` by a polluted library replaces every value, and half
//! a surrogate pair is escaped into JSON no reader accepts. The replacer of
//! `plain_json` refuses each of these with a code and the JSON path where it
//! is (`not_a_number`, `wrong_type`, `polluted_prototype`, `not_unicode`),
//! in the same single pass; a string argument is checked for half a pair
//! too, before it is copied (the copy would put U+FFFD in its place).
//!
//! Out: JSON text written by `serde_json`, parsed by `JSON.parse` ([`to_js`]),
//! fields as in the core's JSON (snake_case). Measured against
//! `serde-wasm-bindgen` in a release build, Chromium 156 (`tests/engine.rs`,
//! `transfer_of_small_results` and `transfer_of_a_large_orientation`): the
//! next question 5.4 against 14.7 µs, a diagnosis result 8.1 against
//! 9.0 µs, a 10,000-entry orientation 6.1 against 16.1 ms (44 against
//! 91 ms with its explanations). And one serializer for every value keeps
//! one copy of each type's serialisation code in the module (8 KB gzipped).

use passerelle_core::date::Date;
use passerelle_core::{json, Locale};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::error::Failure;

/// The JavaScript half of reading values (see the module's comment): one
/// replacer for `JSON.stringify`, so that the checks cost one call, not
/// one per value. `plain_json` returns the JSON text, or `[code, path,
/// message]` for the first value refused.
#[wasm_bindgen(inline_js = r#"
const { getPrototypeOf, hasOwn } = Object;
const { isArray } = Array;
const OBJECT = Object.prototype;
const ARRAY = Array.prototype;
const wellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/\p{Cs}/u.test(text);
class Refusal {
  constructor(code, path, message) { this.code = code; this.path = path; this.message = message; }
}
const typeName = (value) => (value === null || typeof value !== 'object'
  ? typeof value : value.constructor?.name ?? 'object');
export function well_formed(text) { return wellFormed(text); }
export function plain_json(value) {
  for (const [name, prototype] of [['Object', OBJECT], ['Array', ARRAY]]) {
    if (hasOwn(prototype, 'toJSON')) {
      return ['polluted_prototype', '$', `${name}.prototype has a toJSON method (put there by a script of the page?): no value can be read safely`];
    }
  }
  // Each object met, with its holder and key: its path is worked out
  // only for a value refused.
  const holders = new WeakMap();
  const refuse = (holder, key, code, message) => {
    let path = '';
    for (let up = [holder, key]; holders.has(up[0]); up = holders.get(up[0])) {
      path = (isArray(up[0]) ? `[${up[1]}]` : `.${up[1]}`) + path;
    }
    throw new Refusal(code, `$${path}`, message);
  };
  try {
    return JSON.stringify(value, function replacer(key, item) {
      if (!wellFormed(key)) refuse(this, key, 'not_unicode', 'a name holds half a surrogate pair: it is not Unicode text');
      switch (typeof item) {
        case 'string':
          if (!wellFormed(item)) refuse(this, key, 'not_unicode', 'a text holds half a surrogate pair: it is not Unicode text');
          // What Date.prototype.toJSON writes: a moment in UTC, not a day.
          if (item.length >= 24 && item[10] === 'T' && this[key] instanceof Date) {
            refuse(this, key, 'wrong_type', 'a Date: write a date as text, YYYY-MM-DD');
          }
          return item;
        case 'number':
          if (!Number.isFinite(item)) refuse(this, key, 'not_a_number', `${item} is not a number JSON holds: give a finite number, or leave the value out`);
          return item;
        case 'boolean':
        case 'undefined':
          return item;
        case 'object':
          if (item === null) return item;
          break;
        default:
          refuse(this, key, 'wrong_type', `a ${typeof item} is not a JSON value`);
      }
      const prototype = getPrototypeOf(item);
      // Plain: that of a literal or of JSON.parse, no prototype, or that of
      // a literal of another realm (a frame), whose prototype has none.
      const plain = isArray(item)
        ? prototype === ARRAY || (isArray(prototype) && getPrototypeOf(getPrototypeOf(prototype)) === null)
        : prototype === OBJECT || prototype === null || getPrototypeOf(prototype) === null;
      if (!plain) {
        refuse(this, key, 'wrong_type', `a ${typeName(item)}: give plain objects and arrays`);
      }
      if (isArray(item)) {
        for (let i = 0; i < item.length; i += 1) {
          if (!hasOwn(item, i)) refuse(this, key, 'wrong_type', `an array with a hole at ${i}: give every item`);
        }
      }
      holders.set(item, [this, key]);
      return item;
    });
  } catch (error) {
    if (error instanceof Refusal) return [error.code, error.path, error.message];
    throw error;
  }
}
export function pick_ids(ids, eligible, undetermined) {
  const pick = (positions) => {
    const picked = [];
    for (let i = 0; i < positions.length; i += 1) picked.push(ids[positions[i]]);
    return picked;
  };
  return { eligible: pick(eligible), undetermined: pick(undetermined) };
}
"#)]
extern "C" {
    /// `value` as JSON text by `JSON.stringify` with the checking
    /// replacer, or `[code, path, message]`; throws what a `toJSON` or a
    /// getter throws, or a cycle.
    #[wasm_bindgen(catch)]
    fn plain_json(value: &JsValue) -> Result<JsValue, JsValue>;

    /// Whether `text` is Unicode text: no half of a surrogate pair.
    fn well_formed(text: &js_sys::JsString) -> bool;

    /// `{eligible, undetermined}`, each the items of the array `ids` at
    /// those positions: the ids of `engine.eligible`, the same string
    /// values from call to call, with no text to decode and parse.
    pub(crate) fn pick_ids(ids: &JsValue, eligible: &[u32], undetermined: &[u32]) -> JsValue;
}

/// The longest JSON text read from JavaScript, in UTF-16 code units:
/// beyond, an input is refused (`input_too_large`) before it is copied
/// into WebAssembly memory. A code unit is at least one byte of UTF-8, so
/// text longer than this is also over the core's document limit
/// ([`passerelle_core::limits::MAX_DOCUMENT_BYTES`], 16 MiB); shorter text
/// that is over it in UTF-8 is refused by the core (`document_too_large`).
pub(crate) const MAX_INPUT: u32 = passerelle_core::limits::MAX_DOCUMENT_BYTES as u32;

/// Whether an optional argument was left out (`undefined` or `null`).
pub(crate) fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// What a thrown JavaScript value says, for a message: an `Error`'s
/// message, or the value if it is a string (no property of anything else
/// is read).
fn describe(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "an exception".to_owned())
}

/// A JavaScript string, copied; refused beyond [`MAX_INPUT`], and when it
/// holds half a surrogate pair (`not_unicode`) if `unicode` is to be
/// checked (JSON text from `JSON.stringify` is: every value was).
fn js_string(value: &JsValue, argument: &str, unicode: bool) -> Option<Result<String, Failure>> {
    let string = value.dyn_ref::<js_sys::JsString>()?;
    if string.length() > MAX_INPUT {
        return Some(Err(Failure::new(
            "input_too_large",
            format!("{argument} is longer than {MAX_INPUT} characters"),
        )));
    }
    let Some(text) = value.as_string() else {
        return Some(Err(Failure::argument(format!(
            "{argument} is not a string"
        ))));
    };
    // Copied into WebAssembly, half a surrogate pair became U+FFFD: only a
    // text that holds one is asked about (the whole of every catalogue's
    // text read again, a thirtieth of loading it). Its first byte, EF, is
    // searched first: the standard library finds a byte words at a time.
    let replaced = |text: &str| text.as_bytes().contains(&0xEF) && text.contains('\u{FFFD}');
    if unicode && replaced(&text) && !well_formed(string) {
        return Some(Err(Failure::new(
            "not_unicode",
            format!("{argument} holds half a surrogate pair: it is not Unicode text"),
        )
        .with_detail("$", "not_unicode", "half a surrogate pair")));
    }
    Some(Ok(text))
}

/// `value` as JSON text, by `JSON.stringify` with the checks of `plain_json`:
/// a value refused gives its code, with its path in the details.
pub(crate) fn stringify(value: &JsValue, argument: &str) -> Result<String, Failure> {
    if value.is_undefined() {
        return Err(Failure::argument(format!("{argument} is missing")));
    }
    let text = plain_json(value).map_err(|thrown| {
        Failure::argument(format!(
            "{argument} cannot be written as JSON ({}): give plain objects, arrays, \
             strings, numbers, booleans and null, without cycles",
            describe(&thrown)
        ))
    })?;
    if let Some(refusal) = text.dyn_ref::<js_sys::Array>() {
        let part = |i| refusal.get(i).as_string().unwrap_or_default();
        let (code, path, message) = (part(0), part(1), part(2));
        return Err(
            Failure::new(code.clone(), format!("{argument} at {path}: {message}"))
                .with_detail(&path, code, message),
        );
    }
    js_string(&text, argument, false)
        .unwrap_or_else(|| Err(Failure::argument(format!("{argument} is not a JSON value"))))
}

/// A document given either as JSON text (a string) or as a value, as
/// JSON text.
pub(crate) fn document(value: &JsValue, argument: &str) -> Result<String, Failure> {
    match js_string(value, argument, true) {
        Some(text) => text,
        None => stringify(value, argument),
    }
}

/// A document inside an already parsed input: a JSON text (a string) or
/// the value itself, as JSON text.
pub(crate) fn document_in(value: &Json) -> String {
    match value {
        Json::String(text) => text.clone(),
        // A parsed JSON value always writes back.
        other => json::write(other),
    }
}

/// `value` parsed as JSON.
pub(crate) fn parse(value: &JsValue, argument: &str) -> Result<Json, Failure> {
    let text = stringify(value, argument)?;
    json::parse(&text)
        .map_err(|error| Failure::argument(format!("{argument} cannot be read: {error}")))
}

/// `value` read as a `T` through its JSON.
pub(crate) fn read<T: DeserializeOwned>(value: &JsValue, argument: &str) -> Result<T, Failure> {
    let text = stringify(value, argument)?;
    json::read_text(&text)
        .map_err(|error| Failure::argument(format!("{argument} is not valid: {error}")))
}

/// A JSON value read as a `T`.
pub(crate) fn read_json<T: DeserializeOwned>(value: &Json, argument: &str) -> Result<T, Failure> {
    json::read(value)
        .map_err(|error| Failure::argument(format!("{argument} is not valid: {error}")))
}

/// A string argument.
pub(crate) fn string(value: &JsValue, argument: &str) -> Result<String, Failure> {
    js_string(value, argument, true)
        .unwrap_or_else(|| Err(Failure::argument(format!("{argument} must be a string"))))
}

/// An optional plain object argument, parsed; `None` when left out.
pub(crate) fn options(value: &JsValue, argument: &str) -> Result<Option<Json>, Failure> {
    if absent(value) {
        return Ok(None);
    }
    match parse(value, argument)? {
        Json::Object(map) => Ok(Some(Json::Object(map))),
        _ => Err(Failure::argument(format!("{argument} must be an object"))),
    }
}

/// Refuses the keys of `object` that are not `known`, all at once.
pub(crate) fn known_keys(object: &Json, known: &[&str], argument: &str) -> Result<(), Failure> {
    let Json::Object(map) = object else {
        return Err(Failure::argument(format!("{argument} must be an object")));
    };
    let unknown: Vec<&String> = map
        .keys()
        .filter(|key| !known.contains(&key.as_str()))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    let mut failure = Failure::argument(format!(
        "{argument} has unknown keys; it takes {}",
        known.join(", ")
    ));
    for key in unknown {
        // An option under its name before the API was camelCase.
        let renamed = camel_case(key);
        let message = if renamed != *key && known.contains(&renamed.as_str()) {
            format!("{argument} has no \"{key}\": it is \"{renamed}\" now")
        } else {
            format!("{argument} has no \"{key}\"")
        };
        failure = failure.with_detail(&format!("$.{key}"), "unknown_field", message);
    }
    Err(failure)
}

/// `snake_case` written `camelCase`.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A date written `YYYY-MM-DD`.
pub(crate) fn date_text(text: &str, argument: &str) -> Result<Date, Failure> {
    Date::parse(text).map_err(|error| {
        Failure::new(
            "invalid_date",
            format!("{argument}: {error} (write dates YYYY-MM-DD)"),
        )
    })
}

/// An optional date argument (`"YYYY-MM-DD"`); today when left out.
pub(crate) fn date_or_today(value: &JsValue, argument: &str) -> Result<Date, Failure> {
    if absent(value) {
        return today();
    }
    date_text(&string(value, argument)?, argument)
}

/// An optional date inside a parsed input; today when absent or null.
pub(crate) fn json_date_or_today(value: Option<&Json>, argument: &str) -> Result<Date, Failure> {
    match value {
        None | Some(Json::Null) => today(),
        Some(Json::String(text)) => date_text(text, argument),
        Some(_) => Err(Failure::argument(format!(
            "{argument} must be a date written YYYY-MM-DD"
        ))),
    }
}

/// An optional boolean inside a parsed input.
pub(crate) fn json_bool(
    value: Option<&Json>,
    default: bool,
    argument: &str,
) -> Result<bool, Failure> {
    match value {
        None | Some(Json::Null) => Ok(default),
        Some(Json::Bool(value)) => Ok(*value),
        Some(_) => Err(Failure::argument(format!(
            "{argument} must be true or false"
        ))),
    }
}

/// Today on the device, in its time zone.
pub(crate) fn today() -> Result<Date, Failure> {
    let now = js_sys::Date::new_0();
    let date = (|| {
        let year = u16::try_from(now.get_full_year()).ok()?;
        let month = u8::try_from(now.get_month() + 1).ok()?;
        let day = u8::try_from(now.get_date()).ok()?;
        Date::new(year, month, day)
    })();
    date.ok_or_else(|| {
        Failure::new(
            "no_date",
            "the device's clock gives no valid date: give the date",
        )
    })
}

/// A language tag (`fr`, `en-GB`).
pub(crate) fn locale(value: &JsValue, argument: &str) -> Result<Locale, Failure> {
    locale_text(&string(value, argument)?, argument)
}

/// A language tag read from text.
pub(crate) fn locale_text(tag: &str, argument: &str) -> Result<Locale, Failure> {
    // A language not whole yet (English before its file) would mix French
    // into its texts: asked to be loaded like the others.
    Locale::from_tag(tag)
        .filter(|locale| locale.is_whole())
        .ok_or_else(|| {
            let shown: String = tag.chars().take(40).collect();
            let shipped = passerelle_core::text::negotiate(&[tag]);
            let message = if shipped.fell_back_from.is_none() && shipped.tag != "fr" {
                format!(
                    "{argument}: load the language \"{}\" first: await loadLanguage(\"{}\")",
                    shipped.tag, shipped.tag
                )
            } else {
                let tags: Vec<&str> = passerelle_core::text::shipped()
                    .iter()
                    .map(|info| info.tag.as_str())
                    .collect();
                format!(
                    "{argument}: \"{shown}\" is not a language Passerelle speaks ({})",
                    tags.join(", ")
                )
            };
            Failure::new("unknown_locale", message)
        })
}

/// `value` as a JavaScript value shaped like its JSON (plain objects for
/// maps, `null` for a missing value): written as JSON text in
/// WebAssembly, then read by `JSON.parse`. One string crosses the
/// boundary instead of one call per value, which measured faster for large
/// results (`tests/engine.rs`, `transfer_of_a_large_orientation`), and
/// every value leaves through the same serializer, so the module holds
/// one copy of each type's serialization code.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    json_to_js(&json::write(value))
}

/// The JavaScript value of a JSON text written by the core.
pub(crate) fn json_to_js(text: &str) -> Result<JsValue, Failure> {
    js_sys::JSON::parse(text).map_err(|thrown| Failure::new("conversion_failed", describe(&thrown)))
}

/// Sets `object[key]` to `value` as its own data property (writable,
/// enumerable, configurable), as a literal would: a setter or a read-only
/// property of that name put on `Object.prototype` by a script of the page
/// neither sees nor blocks it (`Reflect.set` would go through them). The
/// descriptor has no prototype, so an inherited `get` cannot spoil it.
pub(crate) fn set_own(object: &JsValue, key: &str, value: &JsValue) {
    define_own(
        object,
        key,
        &[
            ("value", value),
            ("writable", &JsValue::TRUE),
            ("enumerable", &JsValue::TRUE),
            ("configurable", &JsValue::TRUE),
        ],
    );
}

/// Gives `object` its own property `key` whose value `get` works out
/// when it is read (enumerable, configurable, read-only), past any
/// setter of the page's `Object.prototype`, as [`set_own`] does: read by
/// `object.key`, a spread, `JSON.stringify` or a structured clone alike.
pub(crate) fn set_own_getter(object: &JsValue, key: &str, get: &js_sys::Function) {
    define_own(
        object,
        key,
        &[
            ("get", get.unchecked_ref()),
            ("enumerable", &JsValue::TRUE),
            ("configurable", &JsValue::TRUE),
        ],
    );
}

/// Defines `object[key]` from the fields of a descriptor with no prototype.
fn define_own(object: &JsValue, key: &str, fields: &[(&str, &JsValue)]) {
    let descriptor = js_sys::Object::new();
    js_sys::Object::set_prototype_of(&descriptor, JsValue::NULL.unchecked_ref());
    for &(name, field) in fields {
        // On a fresh object with no prototype: cannot fail.
        let _ = js_sys::Reflect::set(&descriptor, &name.into(), field);
    }
    // Defining a property of a fresh, extensible object cannot fail.
    let _ = js_sys::Reflect::define_property(
        object.unchecked_ref::<js_sys::Object>(),
        &key.into(),
        &descriptor,
    );
}

/// A [`Failure`] as the `Error` JavaScript catches: its `message`, its
/// stable `code` and its `details`, each `{path, code, message}`.
impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let error = js_sys::Error::new(&failure.message);
        let details = js_sys::Array::new();
        for detail in &failure.details {
            let item = js_sys::Object::new();
            set_own(&item, "path", &detail.path.as_str().into());
            set_own(&item, "code", &(*detail.code).into());
            set_own(&item, "message", &detail.message.as_str().into());
            details.push(&item);
        }
        set_own(&error, "code", &(*failure.code).into());
        set_own(&error, "details", &details);
        error.into()
    }
}
