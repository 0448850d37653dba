//! A message from the translation files: looked up along the language's
//! fallback chain, its `{{placeables}}` filled, its plural form chosen,
//! with its language's typography.

use super::language::Locale;

/// A value a message shows in a `{{placeable}}`.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Words, shown as they are.
    Text(&'a str),
    /// A whole number, written the language's way ("1 200", "1,200").
    Number(i64),
}

/// The message `key` in `locale` (else along its fallback chain), with
/// its language's typography. A key no language has gives the key itself:
/// the completeness test keeps that from shipping.
pub fn message(locale: Locale, key: &str) -> String {
    format(locale, key, &[])
}

/// The message `key` with its `{{placeables}}` filled from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
    match lookup(locale, key) {
        // Numbers are written the person's way even in a pattern read
        // along the fallback chain.
        Some((text, language)) => in_language(fill(text, args, locale), language),
        None => key.to_owned(),
    }
}

/// A counted message: `key_one`, `key_few`… chosen by the language's
/// plural rule for `count`, with `{{count}}` and `args` filled.
pub fn plural(locale: Locale, key: &str, count: i64, args: &[(&str, Arg)]) -> String {
    let chain = locale.chain();
    for language in chain {
        let category = language.language().info.plural.category(count);
        let found = language
            .language()
            .message(&format!("{key}{}", category.suffix()))
            .or_else(|| language.language().message(&format!("{key}_other")));
        if let Some(text) = found {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(("count", Arg::Number(count)));
            all.extend_from_slice(args);
            return in_language(fill(text, &all, locale), language);
        }
    }
    key.to_owned()
}

/// The text of `key` and the language it was found in.
fn lookup(locale: Locale, key: &str) -> Option<(&'static str, Locale)> {
    locale.message_from(key)
}

/// `text` with each `{{name}}` replaced by its argument; an unknown name
/// is left as it is.
fn fill(text: &str, args: &[(&str, Arg)], locale: Locale) -> String {
    if find_pair(text, '{').is_none() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 64);
    write_filled(&mut out, text, args, locale);
    out
}

/// Appends `pattern` with each `{{name}}` replaced by its argument (an
/// unknown name left as it is) to `out`: an explanation's sentences are
/// written one after the other into one buffer.
pub fn write_filled(out: &mut String, pattern: &str, args: &[(&str, Arg)], locale: Locale) {
    let mut rest = pattern;
    while let Some(start) = find_pair(rest, '{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = find_pair(after, '}') else {
            out.push_str(&rest[start..]);
            return;
        };
        let name = after[..end].trim();
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, Arg::Text(value))) => out.push_str(value),
            Some((_, Arg::Number(n))) => out.push_str(&number(*n, locale)),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
}

/// The text of the message `key` in `locale`, else along its fallback
/// chain, as its file gives it (placeables unfilled): for a pattern used
/// many times, looked up once.
pub fn pattern(locale: Locale, key: &str) -> Option<&'static str> {
    lookup(locale, key).map(|(text, _)| text)
}

/// Where the first `{{` (or `}}`) of `text` starts. Made for every
/// sentence of every explanation, where a two-character pattern's
/// searcher costs more to set up than the search.
fn find_pair(text: &str, brace: char) -> Option<usize> {
    // A plain loop over the bytes: messages are short, and in WebAssembly
    // a loop beats memchr's set-up. `{` and `}` are ASCII, so a match is
    // a char boundary.
    let brace = brace as u8;
    text.as_bytes()
        .windows(2)
        .position(|pair| pair[0] == brace && pair[1] == brace)
}

/// The `{{placeables}}` of a message text, for the completeness test.
pub fn placeables(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        names.push(after[..end].trim());
        rest = &after[end + 2..];
    }
    names
}

/// A whole number as a person reads it in `locale`, grouped by threes
/// with the language's `number-group` message ("1 200" with a narrow
/// no-break space in French, "1,200" in English).
pub fn number(n: i64, locale: Locale) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = lookup(locale, "number-group").map_or("", |(text, _)| text);
    let mut text = String::with_capacity(digits.len() + 4);
    if n < 0 {
        text.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push_str(separator);
        }
        text.push(digit);
    }
    text
}

/// `text` with the typography of its language (French: see
/// [`crate::text::typography`]).
pub fn in_language(text: String, locale: Locale) -> String {
    if locale == Locale::Fr {
        super::typography::french_owned(text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeables_are_filled_and_other_braces_kept() {
        let fill = |text| {
            fill(
                text,
                &[("name", Arg::Text("Awa")), ("n", Arg::Number(3))],
                Locale::En,
            )
        };
        assert_eq!(fill("Hello {{name}}, {{ n }} left"), "Hello Awa, 3 left");
        assert_eq!(fill("{{name}}{{name}}"), "AwaAwa");
        assert_eq!(fill("no placeable { here }"), "no placeable { here }");
        assert_eq!(fill("{{unknown}} and {{name}}"), "{{unknown}} and Awa");
        assert_eq!(fill("a {single} then {{name}}"), "a {single} then Awa");
        assert_eq!(fill("{{na}me}} {{name}}"), "{{na}me}} Awa");
        assert_eq!(fill("open {{name"), "open {{name");
        assert_eq!(fill("é{{name}}é"), "éAwaé");
    }
}
