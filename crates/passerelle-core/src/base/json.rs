//! How typed values are read from and written to JSON.
//!
//! serde's derived code is generic over the format: every deserializer and
//! every serializer a type meets gets its own copy of that type's code in
//! the WebAssembly module. So the engine reads typed values through one
//! deserializer, a parsed [`Json`] value (`&Value`), and writes them through
//! one serializer, compact JSON text; pretty text and JSON values are made
//! from that text. Two exceptions are read straight from text, each type
//! through that deserializer only: the questionnaire, so that a format
//! error gives its line and column; and a catalogue's entries (every
//! entry, even one given as a value, is read from its text:
//! `catalogue::parse_entry`), so that 10,000 entries are not first made
//! into a value of hundreds of thousands of nodes and dropped (half of
//! their loading). An entry's rules and zone are kept as their text
//! (`serde_json::value::RawValue`) and read from it by
//! `Condition::parse_text` and `Zone::parse_text`; one that does not
//! read so is read again through its value, which tells every problem.
//!
//! ```
//! use passerelle_core::json;
//! use passerelle_core::date::Date;
//!
//! let date: Date = json::read_text(r#""2026-11-27""#).unwrap();
//! assert_eq!(json::write(&date), r#""2026-11-27""#);
//! assert_eq!(json::write_pretty(&[1, 2]), "[\n  1,\n  2\n]");
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// Parses JSON text into a value.
pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
    serde_json::from_str(text)
}

/// Parses a document read from outside: checked against the limits of
/// [`crate::base::limits`] first, then parsed; a problem with its code and path
/// (`document_too_large`, `too_deep`, `list_too_long`, `text_too_long`,
/// `id_too_long`, `invalid_json`) when it cannot be.
pub fn parse_document(text: &str) -> Result<Json, crate::base::problem::Problem> {
    crate::base::limits::check_text(text)?;
    parse(text).map_err(|error| crate::base::problem::Problem::json(&error))
}

/// For a member deserialized with `#[serde(default, deserialize_with =
/// "given")]`: `Some` when the member is there, whatever its value
/// (`null` too, which a `T` other than a value or an option refuses);
/// `None` only when it is absent.
pub(crate) fn given<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Reads a `T` from a parsed JSON value.
pub fn read<'a, T: Deserialize<'a>>(value: &'a Json) -> Result<T, serde_json::Error> {
    T::deserialize(value)
}

/// Reads a `T` from JSON text, through [`parse`] and [`read`].
pub fn read_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    read(&parse(text)?)
}

/// `value` as compact JSON text. Passerelle's values are strings, numbers,
/// booleans, lists and maps with text keys: they always serialise, and
/// the empty text stands for a value that would not.
pub fn write<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `value` as JSON text indented by two spaces, for files people read:
/// the same text as `serde_json::to_string_pretty`, fields in the same
/// order.
pub fn write_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    indent(&write(value))
}

/// Compact JSON text laid out as `serde_json::to_string_pretty` does: one
/// value per line, two spaces per level, `{}` and `[]` when empty.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if chars.next_if(|next| matches!(next, '}' | ']')).is_some() {
                    out.push(if c == '{' { '}' } else { ']' });
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// `value` as a JSON value (`null` for a value that would not serialise).
/// Its maps are sorted by key, as every [`Json`] map.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Json {
    parse(&write(value)).unwrap_or(Json::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_text_is_serde_json_s() {
        let value = serde_json::json!({
            "b": [1, {"x": [], "y": {}}, "a \\\"quoted\\\" {text}, [1]: 2"],
            "a": {"nested": {"deep": [true, null, -1.5e3]}},
            "empty": "",
        });
        assert_eq!(
            write_pretty(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
        for scalar in [serde_json::json!(1), serde_json::json!("x"), Json::Null] {
            assert_eq!(
                write_pretty(&scalar),
                serde_json::to_string_pretty(&scalar).unwrap()
            );
        }
    }
}
