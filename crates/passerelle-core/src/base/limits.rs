//! The limits of every input read from outside, in one place.
//!
//! Every document (catalogue, questionnaire, facts, session snapshot, plan,
//! data·inclusion records) is checked against these limits before it is
//! parsed ([`check_text`]) or, when it arrives already parsed, before it is
//! read ([`check_value`]). An input over a limit is refused with its own
//! stable code and the JSON path where the limit was crossed, instead of a
//! stack overflow or an allocation the device cannot make. The values are
//! generous for real data; `docs/robustness.md` lists them.
//!
//! ```
//! use passerelle_core::limits::{self, MAX_DEPTH};
//!
//! let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
//! let problem = limits::check_text(&deep).unwrap_err();
//! assert_eq!(problem.code, "too_deep");
//! assert!(limits::check_text(r#"{"entries": [{"id": "a"}]}"#).is_ok());
//! ```

use serde_json::Value as Json;

use crate::base::problem::Problem;

/// The largest document, in bytes of UTF-8 text (16 MiB): code
/// `document_too_large`. The national catalogue is about 170 KB for 62
/// entries, so a local catalogue of 6,000 such entries, or a few thousand
/// data·inclusion records, still fits; a document this size parses into at
/// most a few hundred megabytes even when made only of tiny values.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of lists and objects in a document: code
/// `too_deep`. The deepest real documents are conditions (at most
/// [`MAX_CONDITION_DEPTH`] levels, two JSON levels each, a few more for
/// where they sit): 100 leaves room for them and stays below
/// `serde_json`'s own recursion limit (128), so the error is always ours,
/// with its path, and no parser recurses deeper.
pub const MAX_DEPTH: usize = 100;

/// The most items in one list, or members in one object: code
/// `list_too_long`. A catalogue of thousands of entries, a questionnaire
/// of a few hundred questions, a plan of a few dozen actions are far
/// below it.
pub const MAX_LIST: usize = 100_000;

/// The longest string in a document, in bytes as written in the JSON text
/// (64 KiB): code `text_too_long`. A description or a help text is a few
/// hundred characters; this is a whole chapter.
pub const MAX_TEXT: usize = 64 * 1024;

/// The longest object key, and the longest id of an entry, a section, a
/// question or an option, in bytes (200): code `id_too_long`. Ids are
/// short slugs (`rsa`, `sleep_tonight`); a key this long is not a name.
pub const MAX_ID: usize = 200;

/// The deepest nesting of conditions (`all`, `any`, `not`) in an
/// eligibility rule or a question's `ask_when`: code `too_deep`. Real
/// rules are 3 or 4 levels deep.
pub const MAX_CONDITION_DEPTH: usize = 32;

/// The longest text of a plan (a statement, a title, a note, a review, a
/// contact's name or detail), in characters: code `bad_text`. A plan is
/// read by the person and their advisor; 2,000 characters is a page.
pub const MAX_PLAN_TEXT: usize = 2_000;

/// The most needs given to one orientation: code `too_many_needs`, path
/// `$.needs`. There are 85 data·inclusion themes and categories, and
/// copies of one need collapse into one ([`crate::orientation::orient`]),
/// so more than this is not a person's list; 20,000 copies once took 26 s.
pub const MAX_NEEDS: usize = 100;

/// The most questions in one questionnaire: code `too_many_questions`,
/// path `$.sections`. Each step looks ahead through the questions still
/// to come, so resuming a session replays as many steps as answers, each
/// as long as the questionnaire: the cost grows with the square of the
/// number of questions, and each step of a questionnaire adapted to a
/// catalogue orients on the needs found (about half a millisecond). At
/// 500 questions all asked, resuming the last snapshot takes 0.3 s
/// natively and 0.5 s as WebAssembly on the reference machine; at 1,000,
/// up to 1 s natively (`cargo bench -p passerelle-core --bench limits`,
/// `docs/robustness.md`). Real questionnaires have a few dozen
/// questions, the default one 55.
pub const MAX_QUESTIONS: usize = 500;

/// The most tests and listed values in all the conditions of one
/// questionnaire (`ask_when`, and the `when` of its needs and urgent
/// alerts): code `too_many_conditions`, path `$.sections`. Every step of
/// a session evaluates the conditions of the questions to come: 500
/// questions with 671 tested answers each (15 MB) took 5 s to resume and
/// 12 s to walk, 7 µs per unit to resume. At this limit, about 0.15 s
/// more than the same questions without conditions. The default
/// questionnaire holds a few hundred.
pub const MAX_QUESTIONNAIRE_CONDITIONS: usize = 20_000;

/// The most people in one caseload ("file active", [`crate::caseload`]):
/// code `too_many_people`. An advisor follows a few dozen to a few
/// hundred people; a whole service's backup of 5,000 still fits.
pub const MAX_PEOPLE: usize = 5_000;

/// The largest caseload file, in bytes of UTF-8 text (64 MiB): code
/// `caseload_too_large`. A plan with a year of history is a few kilobytes
/// to a few dozen; 5,000 of them fit. Checked before parsing, with the
/// other limits of [`check_text`] but the size ([`check_structure`]).
pub const MAX_CASELOAD_BYTES: usize = 64 * 1024 * 1024;

/// The longest label of a person followed, in characters: code
/// `label_too_long`. Initials or a pseudonym, never a full name.
pub const MAX_LABEL: usize = 40;

/// The longest id of a person followed, in ASCII characters: code
/// `person_id_invalid`.
pub const MAX_PERSON_ID: usize = 64;

/// Where the first quote or backslash of `bytes` is: eight bytes at a time, each
/// word tested for both at once: most of a document's bytes are in its
/// strings, and this check reads every byte of a catalogue.
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` equal to `byte`; bits above the
    // first such byte may be wrong, the lowest one never is.
    let equal = |word: u64, byte: u8| {
        let diff = word ^ (ONES * u64::from(byte));
        diff.wrapping_sub(ONES) & !diff & HIGHS
    };
    let mut words = bytes.chunks_exact(8);
    for (i, word) in words.by_ref().enumerate() {
        // Eight bytes, always: one load (`copy_from_slice` is a call in the module).
        let word = <&[u8; 8]>::try_from(word).map_or(0, |word| u64::from_le_bytes(*word));
        let found = equal(word, b'"') | equal(word, b'\\');
        if found != 0 {
            return Some(i * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let rest = words.remainder();
    let at = bytes.len() - rest.len();
    (rest.iter().position(|&b| b == b'"' || b == b'\\')).map(|i| at + i)
}

/// Checks JSON text against the limits before it is parsed: its size,
/// nesting, list and string lengths, key lengths. Text that is not JSON
/// passes if no limit is crossed before the parser finds what is wrong.
/// The path is where the limit was crossed (`$.entries`, `$[3].nom`).
pub fn check_text(text: &str) -> Result<(), Problem> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(document_too_large(text.len()));
    }
    check_structure(text)
}

/// [`check_text`] but the size: for a document with a size limit of its
/// own (a caseload, [`MAX_CASELOAD_BYTES`]).
pub fn check_structure(text: &str) -> Result<(), Problem> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut position = 0;
    while position < bytes.len() {
        match bytes[position] {
            b'"' => {
                let start = position + 1;
                // To the closing quote, over escaped characters: a search
                // of the next quote or backslash (most of a document's
                // bytes are in its texts).
                let mut end = start;
                while end < bytes.len() {
                    match quote_or_backslash(&bytes[end..]) {
                        Some(at) if bytes[end + at] == b'\\' => end += at + 2,
                        Some(at) => {
                            end += at;
                            break;
                        }
                        None => end = bytes.len(),
                    }
                }
                let end = end.min(bytes.len());
                let key = match frames.last_mut() {
                    Some(frame) if frame.object && frame.expect_key => {
                        frame.expect_key = false;
                        true
                    }
                    _ => false,
                };
                if key {
                    if end - start > MAX_ID {
                        return Err(Problem::new(
                            "id_too_long",
                            &path(text, &frames[..frames.len() - 1]),
                            format!(
                                "An object has a key of {} bytes; keys and ids are at most \
                                 {MAX_ID} bytes.",
                                end - start
                            ),
                        ));
                    }
                    if let Some(frame) = frames.last_mut() {
                        frame.key = (start, end);
                    }
                } else if end - start > MAX_TEXT {
                    return Err(text_too_long(&path(text, &frames), end - start));
                }
                position = end + 1;
                continue;
            }
            open @ (b'{' | b'[') => {
                if frames.len() == MAX_DEPTH {
                    return Err(too_deep(&path(text, &frames)));
                }
                frames.push(Frame {
                    object: open == b'{',
                    expect_key: open == b'{',
                    items: 0,
                    key: (0, 0),
                });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => {
                if let Some(frame) = frames.last_mut() {
                    frame.items += 1;
                    frame.expect_key = frame.object;
                    if frame.items >= MAX_LIST {
                        let frame = frames.pop().map(|frame| frame.object);
                        return Err(list_too_long(&path(text, &frames), frame == Some(true)));
                    }
                }
            }
            _ => {}
        }
        position += 1;
    }
    Ok(())
}

/// Checks a parsed JSON value at `root` (`$`, `$.facts`) against the same
/// limits as [`check_text`] but the size: nesting, list and string
/// lengths, key lengths. It goes no deeper than [`MAX_DEPTH`].
pub fn check_value(value: &Json, root: &str) -> Result<(), Problem> {
    check_at(value, &Place::Root(root), 0)
}

/// Where a value is in the document, written out only for a problem: a
/// catalogue of thousands of entries has hundreds of thousands of values,
/// and writing each one's path took a tenth of its reading.
enum Place<'a> {
    Root(&'a str),
    Index(&'a Place<'a>, usize),
    Key(&'a Place<'a>, &'a str),
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Root(root) => f.write_str(root),
            Place::Index(parent, index) => write!(f, "{parent}[{index}]"),
            Place::Key(parent, key) => write!(f, "{parent}.{key}"),
        }
    }
}

fn check_at(value: &Json, place: &Place<'_>, depth: usize) -> Result<(), Problem> {
    match value {
        Json::String(text) if text.len() > MAX_TEXT => {
            Err(text_too_long(&place.to_string(), text.len()))
        }
        Json::Array(items) => {
            if depth == MAX_DEPTH {
                return Err(too_deep(&place.to_string()));
            }
            if items.len() > MAX_LIST {
                return Err(list_too_long(&place.to_string(), false));
            }
            for (index, item) in items.iter().enumerate() {
                if matches!(item, Json::Array(_) | Json::Object(_) | Json::String(_)) {
                    check_at(item, &Place::Index(place, index), depth + 1)?;
                }
            }
            Ok(())
        }
        Json::Object(map) => {
            if depth == MAX_DEPTH {
                return Err(too_deep(&place.to_string()));
            }
            if map.len() > MAX_LIST {
                return Err(list_too_long(&place.to_string(), true));
            }
            for (key, item) in map {
                if key.len() > MAX_ID {
                    return Err(Problem::new(
                        "id_too_long",
                        &place.to_string(),
                        format!(
                            "An object has a key of {} bytes; keys and ids are at most \
                             {MAX_ID} bytes.",
                            key.len()
                        ),
                    ));
                }
                if matches!(item, Json::Array(_) | Json::Object(_) | Json::String(_)) {
                    check_at(item, &Place::Key(place, key), depth + 1)?;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The problem of an id longer than [`MAX_ID`] bytes, at `path`.
pub fn id_too_long(path: &str, id: &str) -> Option<Problem> {
    (id.len() > MAX_ID).then(|| {
        Problem::new(
            "id_too_long",
            path,
            format!(
                "This id is {} bytes long; ids are at most {MAX_ID} bytes.",
                id.len()
            ),
        )
    })
}

/// The problem of a document of `bytes` bytes, over [`MAX_DOCUMENT_BYTES`].
pub fn document_too_large(bytes: usize) -> Problem {
    Problem::new(
        "document_too_large",
        "$",
        format!(
            "This document is {bytes} bytes long; documents are at most \
             {MAX_DOCUMENT_BYTES} bytes (16 MiB). Split it."
        ),
    )
}

/// A file's bytes as text: refused when larger than
/// [`MAX_DOCUMENT_BYTES`] (`document_too_large`) or not UTF-8
/// (`not_utf8`, the position of the first wrong byte in the message). A
/// UTF-8 byte order mark is left out.
pub fn document_text(bytes: &[u8]) -> Result<&str, Problem> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(document_too_large(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        Problem::new(
            "not_utf8",
            "$",
            format!(
                "This file is not UTF-8 text (byte {} is wrong): save it as UTF-8.",
                error.valid_up_to()
            ),
        )
    })
}

/// A list or an object being scanned.
struct Frame {
    object: bool,
    /// In an object, whether the next string is a key.
    expect_key: bool,
    /// Commas seen: the index of the current item.
    items: usize,
    /// Where the last key read is in the text.
    key: (usize, usize),
}

/// The path of the value being scanned inside `frames`.
fn path(text: &str, frames: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in frames {
        if frame.object {
            path.push('.');
            path.push_str(text.get(frame.key.0..frame.key.1).unwrap_or("?"));
        } else {
            path.push_str(&format!("[{}]", frame.items));
        }
    }
    path
}

fn too_deep(path: &str) -> Problem {
    Problem::new(
        "too_deep",
        path,
        format!("Lists and objects are nested more than {MAX_DEPTH} levels deep here."),
    )
}

fn list_too_long(path: &str, object: bool) -> Problem {
    let what = if object {
        "This object has more than 100,000 members"
    } else {
        "This list has more than 100,000 items"
    };
    Problem::new(
        "list_too_long",
        path,
        format!("{what}; split the document."),
    )
}

fn text_too_long(path: &str, bytes: usize) -> Problem {
    Problem::new(
        "text_too_long",
        path,
        format!("This text is {bytes} bytes long; texts are at most {MAX_TEXT} bytes (64 KiB)."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Eight bytes at a time, the search finds what a search of each byte finds.
        #[test]
        fn quotes_are_found_as_byte_by_byte(bytes in proptest::collection::vec(proptest::sample::select(vec![b'"', b'\\', b'a', 0x01, 0x00, 0x22 ^ 0x80, 0x5c ^ 0x01, 0xff, 0x21, 0x5d]), 0..40)) {
            let expected = bytes.iter().position(|&b| b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(quote_or_backslash(&bytes), expected);
        }
    }

    fn refused(text: &str) -> (&'static str, String) {
        let problem = check_text(text).unwrap_err();
        let value_problem = crate::base::json::parse(text)
            .ok()
            .map(|value| check_value(&value, "$").unwrap_err());
        if let Some(value_problem) = value_problem {
            assert_eq!(value_problem.code, problem.code, "{text:.80}");
            assert_eq!(value_problem.path, problem.path, "{text:.80}");
        }
        (problem.code, problem.path)
    }

    #[test]
    fn each_limit_has_its_code_and_path() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let (code, path) = refused(&deep);
        assert_eq!(code, "too_deep");
        assert_eq!(path, format!("${}", "[0]".repeat(MAX_DEPTH)));
        let fits = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_text(&fits).is_ok());
        assert!(check_value(&crate::base::json::parse(&fits).unwrap(), "$").is_ok());

        let list = format!(
            r#"{{"a": [1], "b": {{"c": [{}]}}}}"#,
            vec!["0"; MAX_LIST + 1].join(",")
        );
        assert_eq!(refused(&list), ("list_too_long", "$.b.c".to_owned()));
        let list = format!("[{}]", vec!["0"; MAX_LIST].join(","));
        assert!(check_text(&list).is_ok());

        let text = format!(r#"[1, {{"x": "{}"}}]"#, "é".repeat(MAX_TEXT / 2 + 1));
        assert_eq!(refused(&text), ("text_too_long", "$[1].x".to_owned()));
        let text = format!(r#"["{}"]"#, "a".repeat(MAX_TEXT));
        assert!(check_text(&text).is_ok());

        let key = format!(r#"{{"a": {{"{}": 1}}}}"#, "k".repeat(MAX_ID + 1));
        assert_eq!(refused(&key), ("id_too_long", "$.a".to_owned()));

        let big = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(check_text(&big).unwrap_err().code, "document_too_large");
        assert_eq!(
            document_text(big.as_bytes()).unwrap_err().code,
            "document_too_large"
        );
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_count() {
        let text = r#"{"a\"[[[": "]]]{{{\\", "b": ["[", "\"", {"c": "}"}]}"#;
        assert!(check_text(text).is_ok());
        let deep = format!(r#"{{"x\"y": {}}}"#, "[".repeat(MAX_DEPTH));
        assert_eq!(
            check_text(&deep).unwrap_err().path,
            format!("$.x\\\"y{}", "[0]".repeat(MAX_DEPTH - 1))
        );
        // Cut short inside a text, or after a backslash: no limit crossed.
        for cut in [r#"{"a": "b"#, r#"{"a": "b\"#, r#"{"a": "\"#, r#"""#] {
            assert!(check_text(cut).is_ok(), "{cut}");
        }
        // A text's escapes count in its length.
        let long = format!(r#"["{}"]"#, "\\\"".repeat(MAX_TEXT / 2 + 1));
        assert_eq!(check_text(&long).unwrap_err().code, "text_too_long");
        let short = format!(r#"["{}"]"#, "\\\"".repeat(MAX_TEXT / 2 - 1));
        assert!(check_text(&short).is_ok());
    }

    #[test]
    fn bytes_must_be_utf8() {
        assert_eq!(document_text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let problem = document_text(b"{\"a\": \"caf\xE9\"}").unwrap_err();
        assert_eq!((problem.code, problem.path.as_str()), ("not_utf8", "$"));
        assert!(problem.message.contains("byte 10"));
    }
}
