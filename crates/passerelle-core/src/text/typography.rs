//! French typography, applied wherever French texts are made or read:
//! a non-breaking space before `:` and inside « », a narrow non-breaking
//! space before `?`, `!` and `;` (the Imprimerie nationale's rules, which
//! the State's sites follow). An ordinary space there lets a line break
//! leave the sign alone at the start of the next line; none at all is
//! simply wrong in French.
//!
//! [`french`] is applied to every French message ([`crate::exports::messages::Message::text`]),
//! every French text of a questionnaire or catalogue as it is read
//! ([`crate::text::LocalizedText`]), every generated condition sentence and
//! person's value: so texts written by others (a site's questionnaire, a
//! local catalogue) get it too, without anyone editing them. It leaves
//! alone a sign with a letter or digit right after it (prose puts a space
//! there: `javascript:`, `tel:3919`), web and e-mail addresses and times
//! (`10:30`), and gives the same text when applied again.
//!
//! ```
//! use passerelle_core::typography::french;
//!
//! assert_eq!(french("Pourquoi ?"), "Pourquoi\u{202f}?");
//! assert_eq!(french("Erreur :"), "Erreur\u{a0}:");
//! assert_eq!(french("« Oui »"), "«\u{a0}Oui\u{a0}»");
//! assert_eq!(french("Vraiment!"), "Vraiment\u{202f}!");
//! assert_eq!(french("Voir https://www.service-public.fr/?q=rsa à 10:30"),
//!            "Voir https://www.service-public.fr/?q=rsa à 10:30");
//! assert_eq!(french(&french("Quoi ?! Non ; « oui »")), french("Quoi ?! Non ; « oui »"));
//! ```

use std::borrow::Cow;

/// The non-breaking space, before `:` and `»` and after `«`.
pub const NBSP: char = '\u{a0}';
/// The narrow non-breaking space, before `?`, `!` and `;`.
pub const NNBSP: char = '\u{202f}';

/// Whether one of the eight bytes of `word` is `byte` (the test of a
/// zero byte, on `word` with `byte` taken away from each).
#[inline]
pub(crate) fn has_byte(word: u64, byte: u8) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let zero_where_byte = word ^ ONES.wrapping_mul(u64::from(byte));
    zero_where_byte.wrapping_sub(ONES) & !zero_where_byte & HIGHS != 0
}

/// The first byte from `at` of a run of eight bytes in which `holds`
/// finds something, or of the last bytes, fewer than eight: the bytes
/// before were read eight at a time (every text of a catalogue is
/// searched).
#[inline]
pub(crate) fn skip_words(bytes: &[u8], mut at: usize, holds: impl Fn(u64) -> bool) -> usize {
    while let Some(word) = bytes.get(at..at + 8) {
        if holds(u64::from_le_bytes(
            <[u8; 8]>::try_from(word).unwrap_or_default(),
        )) {
            break;
        }
        at += 8;
    }
    at
}

/// Where the next sign [`french`] spaces (`:`, `;`, `!`, `?`, `«`, `»`)
/// is in `text` from byte `from`, or its length: a search of bytes, not of
/// characters, eight at a time where none of them starts a sign (every
/// French text of a catalogue is searched so).
fn next_sign(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        at = skip_words(bytes, at, |word| {
            // `:` and `;` are 3A and 3B: one test for both.
            has_byte(word | u64::from_le_bytes([1; 8]), b';')
                || has_byte(word, b'!')
                || has_byte(word, b'?')
                || has_byte(word, 0xC2)
        });
        for at in at..(at + 8).min(bytes.len()) {
            match bytes[at] {
                b':' | b';' | b'!' | b'?' => return at,
                // « and » are C2 AB and C2 BB in UTF-8; C2 only ever starts a character.
                0xC2 if matches!(bytes.get(at + 1), Some(0xAB | 0xBB)) => return at,
                _ => {}
            }
        }
        at += 8;
    }
    bytes.len()
}

/// `text` with French typography (see the module documentation).
pub fn french(text: &str) -> Cow<'_, str> {
    if next_sign(text, 0) == text.len() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut after_opening_quote = false;
    let mut at = 0;
    while at < text.len() {
        // The text up to the next sign copied whole, not a character at a
        // time (pushed one by one, a catalogue's French texts took 7 % of
        // loading it).
        if !after_opening_quote {
            let sign = next_sign(text, at);
            out.push_str(&text[at..sign]);
            at = sign;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        place(&mut out, text, at, c, &mut after_opening_quote);
        at += c.len_utf8();
    }
    Cow::Owned(out)
}

/// Writes `c`, at byte `at` of `text`, after what `out` holds: the space
/// a sign holds to, the spaces after an opening quote made one no-break
/// space. `after_opening_quote` is carried from one character to the next.
fn place(out: &mut String, text: &str, at: usize, c: char, after_opening_quote: &mut bool) {
    if *after_opening_quote {
        if matches!(c, ' ' | NBSP | NNBSP) {
            return;
        }
        *after_opening_quote = false;
        if c != '\n' {
            out.push(NBSP);
        }
    }
    match c {
        '?' | '!' | ';' | ':' | '»' if !left_alone(text, at) => {
            let space = if c == ':' || c == '»' { NBSP } else { NNBSP };
            let trimmed = out.trim_end_matches([' ', NBSP, NNBSP]).len();
            let spaced = trimmed < out.len();
            out.truncate(trimmed);
            match out.chars().next_back() {
                // At the start of a text or a line: nothing to hold to.
                None | Some('\n') => {}
                // "?!": one space before the first sign only.
                Some('?' | '!') if c != '»' && !spaced => {}
                Some(_) => out.push(space),
            }
            out.push(c);
        }
        '«' => {
            out.push(c);
            *after_opening_quote = at + c.len_utf8() < text.len() && !in_address(text, at);
        }
        _ => out.push(c),
    }
}

/// [`french`] on a text read, without copying it when nothing changes.
pub(crate) fn french_cow(text: Cow<'_, str>) -> Cow<'_, str> {
    match french(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(changed) => Cow::Owned(changed),
    }
}

/// [`french`] on an owned text, without copying it when nothing changes.
pub fn french_owned(text: String) -> String {
    match french(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(changed) => changed,
    }
}

/// Whether the sign at byte `at` is part of something typography leaves
/// alone: a sign with a letter or digit right after it (in French prose a
/// space, or the end, follows every sign: `javascript:`, `a;b` are not
/// prose), a web or e-mail address, a time (`10:30`), or a character
/// reference written out (`&amp;`).
fn left_alone(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = &text[..at];
    let sign = text[at..].chars().next().map_or(1, char::len_utf8);
    let prose_follows = text[at + sign..].chars().next().is_none_or(|next| {
        next.is_whitespace()
            || matches!(
                next,
                '?' | '!' | ';' | ':' | '.' | ',' | '»' | ')' | '"' | '’' | '…'
            )
    });
    if !prose_follows {
        return true;
    }
    // The signs are ASCII but `»`: the character after is at `at + 1`
    // for them (`»` is never left alone by what follows).
    if bytes[at] == b':'
        && before.as_bytes().last().is_some_and(u8::is_ascii_digit)
        && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    if bytes[at] == b';' {
        let name = before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        let ampersand = at.checked_sub(name + 1).and_then(|i| bytes.get(i));
        if name > 0 && ampersand == Some(&b'&') {
            return true;
        }
    }
    in_address(text, at)
}

/// Whether the character at byte `at` is in a web or e-mail address: the
/// word around it has `://` or `@`, or starts with `www.`.
fn in_address(text: &str, at: usize) -> bool {
    let before = &text[..at];
    // Non-breaking spaces too: never in an address, and the ones `french`
    // puts must not join words on a second pass.
    let breaks = [' ', '\n', '\t', NBSP, NNBSP];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| breaks.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(breaks).map_or(text.len(), |i| at + i);
    let word = &text[start..end];
    word.contains("://") || word.contains('@') || word.starts_with("www.")
}

/// Why `text` breaks French typography: an ordinary space, or none,
/// before `?`, `!`, `;` or `:`, or inside « ». Web and e-mail addresses
/// and times (10:30) are left as they are.
pub fn faults(text: &str) -> Vec<String> {
    const NBSP: char = '\u{a0}';
    const NNBSP: char = '\u{202f}';
    let mut faults = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let in_address = |at: usize| {
        let start = chars[..at]
            .iter()
            .rposition(|c| c.is_whitespace() && *c != NBSP && *c != NNBSP)
            .map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(|c| c.is_whitespace() && *c != NBSP && *c != NNBSP)
            .map_or(chars.len(), |i| at + i);
        let word: String = chars[start..end].iter().collect();
        word.contains("://") || word.contains('@') || word.starts_with("www.")
    };
    for (at, &c) in chars.iter().enumerate() {
        let before = at.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(at + 1).copied();
        // A sign with a letter or digit right after it is not prose
        // (`javascript:`, `a;b`).
        let prose = after.is_none_or(|a| !a.is_alphanumeric() && a != '_' && a != '/');
        match c {
            '?' | '!' | ';' | ':' => {
                if in_address(at) || !prose {
                    continue;
                }
                if c == ':'
                    && before.is_some_and(|b| b.is_ascii_digit())
                    && after.is_some_and(|a| a.is_ascii_digit())
                {
                    continue;
                }
                match before {
                    None | Some('\n') => {}
                    Some(NBSP) | Some(NNBSP) => {}
                    Some('?') | Some('!') => {}
                    Some(' ') => faults.push(format!("ordinary space before {c:?} at {at}")),
                    Some(_) => faults.push(format!("no space before {c:?} at {at}")),
                }
            }
            '«' if after != Some(NBSP) && after != Some(NNBSP) => {
                faults.push(format!("no non-breaking space after « at {at}"));
            }
            '»' if before != Some(NBSP) && before != Some(NNBSP) => {
                faults.push(format!("no non-breaking space before » at {at}"));
            }
            _ => {}
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sign_gets_its_space() {
        for (text, expected) in [
            ("Pourquoi ?", "Pourquoi\u{202f}?"),
            ("Pourquoi?", "Pourquoi\u{202f}?"),
            ("Pourquoi  ?", "Pourquoi\u{202f}?"),
            ("Attention !", "Attention\u{202f}!"),
            ("un ; deux", "un\u{202f}; deux"),
            ("Note :", "Note\u{a0}:"),
            ("Note:", "Note\u{a0}:"),
            ("Note: suite", "Note\u{a0}: suite"),
            (
                "javascript:alert(1) et tel:3919",
                "javascript:alert(1) et tel:3919",
            ),
            ("a;b", "a;b"),
            ("Note\u{202f}:", "Note\u{a0}:"),
            ("«Oui»", "«\u{a0}Oui\u{a0}»"),
            ("«  Oui  »", "«\u{a0}Oui\u{a0}»"),
            ("Quoi ?!", "Quoi\u{202f}?!"),
            ("? au début", "? au début"),
            ("ligne\n: suite", "ligne\n: suite"),
            (
                "Ouvert de 9:00 à 12:30 ; fermé",
                "Ouvert de 9:00 à 12:30\u{202f}; fermé",
            ),
            (
                "Écrivez à contact@ville.fr ou voyez www.ville.fr/?a=1 !",
                "Écrivez à contact@ville.fr ou voyez www.ville.fr/?a=1\u{202f}!",
            ),
            ("Sans signe", "Sans signe"),
            ("Fin «", "Fin «"),
            ("A &amp; B &#39; C", "A &amp; B &#39; C"),
            ("A & B ; C", "A & B\u{202f}; C"),
            ("amp;", "amp\u{202f};"),
            (";", ";"),
        ] {
            assert_eq!(french(text), expected, "{text:?}");
            assert_eq!(french(expected), expected, "not stable: {expected:?}");
        }
    }

    proptest::proptest! {
        /// Applied again, it changes nothing: a catalogue or questionnaire
        /// written out reads back the same.
        #[test]
        fn it_is_stable(text in "[a-zé0-9 :;!?«»\u{a0}\u{202f}\n/@.&#w]{0,40}") {
            let once = french(&text).into_owned();
            proptest::prop_assert_eq!(french(&once), once.as_str());
        }

        /// Any text at all: no panic, and stable.
        #[test]
        fn any_text_is_safe(text in "(.|[ :;!?«»\u{a0}\u{202f}\n@/]){0,30}") {
            let once = french(&text).into_owned();
            proptest::prop_assert_eq!(french(&once), once.as_str());
        }

        /// Copying the runs between signs whole gives what the loop over
        /// each character it replaced gave.
        #[test]
        fn runs_copied_whole_change_nothing(text in "(.|[ :;!?«»\u{a0}\u{202f}\u{20ab}\n@/w]){0,40}") {
            proptest::prop_assert_eq!(french(&text), character_at_a_time(&text));
        }
    }

    /// [`french`] as it was written before its runs were copied whole:
    /// each character placed in turn.
    fn character_at_a_time(text: &str) -> String {
        let mut out = String::new();
        let mut after_opening_quote = false;
        for (at, c) in text.char_indices() {
            place(&mut out, text, at, c, &mut after_opening_quote);
        }
        out
    }

    #[test]
    fn nothing_to_change_is_not_copied() {
        assert!(matches!(french("Bonjour, vous."), Cow::Borrowed(_)));
        let text = String::from("Bonjour.");
        let pointer = text.as_ptr();
        let kept = french_owned(text);
        assert_eq!(kept.as_ptr(), pointer);
    }
}
