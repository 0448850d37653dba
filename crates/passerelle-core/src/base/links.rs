//! Web, phone and e-mail addresses a person can trust: what every link
//! to a partner goes through, whoever renders it (the print view, the
//! referral sheet, the widgets), and what the catalogue's import checks.

/// A `tel:` address for a phone number written with digits, spaces, dots
/// or dashes and maybe a leading `+`; `None` for anything else. With
/// [`mailto_href`] and [`https_href`], what every link to a partner goes
/// through, whoever renders it.
///
/// ```
/// use passerelle_core::links::{https_href, mailto_href, tel_href};
///
/// assert_eq!(tel_href("39 49").as_deref(), Some("tel:3949"));
/// assert_eq!(tel_href("javascript:alert(1)"), None);
/// assert_eq!(mailto_href("contact@ml.fr").as_deref(), Some("mailto:contact@ml.fr"));
/// assert_eq!(https_href("http://example.org"), None);
/// assert_eq!(https_href("javascript:alert(1)"), None);
/// ```
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let number = phone.strip_prefix('+').unwrap_or(phone);
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let ok = (2..=15).contains(&digits)
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'.' | b'-'));
    ok.then(|| {
        let mut href = String::from("tel:");
        if phone.starts_with('+') {
            href.push('+');
        }
        href.extend(number.chars().filter(char::is_ascii_digit));
        href
    })
}

/// A `mailto:` address for a plain e-mail address (`name@domain.tld`
/// with letters, digits and `. _ + -`); `None` for anything else.
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let plain = |part: &str, extra: &[u8]| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
    };
    let ok = plain(local, b"._+-")
        && plain(domain, b".-")
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.');
    ok.then(|| format!("mailto:{email}"))
}

/// The address itself when it is an `https:` address a person can trust
/// where it is shown ([`https_problem`] finds nothing wrong); `None` for
/// anything else (other schemes included).
pub fn https_href(url: &str) -> Option<String> {
    let url = url.trim();
    https_problem(url).is_none().then(|| url.to_owned())
}

/// Whether `c` changes the direction of the text around it: an explicit
/// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), or a
/// directional mark (U+200E, U+200F, U+061C). In an address, it makes
/// what a person reads differ from where the link goes.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// What is wrong with `url` as an `https:` address, as a stable code, or
/// `None`: `bidi_control_in_url` for a character that turns text around
/// ([`is_bidi_control`]); `not_https_url` for another scheme, a space, a
/// control or invisible character, anything that could end an HTML
/// attribute or tag (`"` `'` `<` `>` `` ` `` `\`), user details (`@`), a
/// port that is not a number, or a host that is not a DNS name: two
/// labels or more of ASCII letters, digits and inner dashes (1 to 63
/// each, 253 in all; international names in their `xn--` form), the last
/// one not a number, so no IP address (`127.0.0.1`, `[::1]`), no
/// `localhost`, no `-.-`.
///
/// ```
/// use passerelle_core::links::https_problem;
/// assert_eq!(https_problem("https://www.service-public.fr/particuliers/vosdroits/F1190"), None);
/// assert_eq!(https_problem("https://xn--mairie-bvue-p6a.fr:8443/?q=a&b=c#x"), None);
/// assert_eq!(https_problem("https://127.0.0.1/"), Some("not_https_url"));
/// assert_eq!(https_problem("https://-.-/"), Some("not_https_url"));
/// assert_eq!(https_problem("http://example.org/"), Some("not_https_url"));
/// assert_eq!(https_problem("https://example.org/\u{202E}fdp.exe"), Some("bidi_control_in_url"));
/// ```
pub fn https_problem(url: &str) -> Option<&'static str> {
    // Every character looked at below but those of `unsafe_character` is
    // ASCII: an ASCII address (most) is read byte by byte, without
    // decoding characters (every entry of a catalogue has its addresses
    // checked).
    let ascii = url.is_ascii();
    if !ascii && url.contains(is_bidi_control) {
        return Some("bidi_control_in_url");
    }
    let Some(rest) = url.strip_prefix("https://") else {
        return Some("not_https_url");
    };
    let unsafe_character = |c: char| {
        c.is_whitespace()
            || c.is_control()
            // Invisible: zero-width spaces and joiners, word joiner, BOM.
            || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
            || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    };
    // Bytes, not characters: the signs looked for are ASCII.
    let authority_end = (rest.bytes())
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest.as_bytes()[..authority_end];
    let (host, port) = match authority.iter().rposition(|&b| b == b':') {
        Some(at) => (&authority[..at], Some(&authority[at + 1..])),
        None => (authority, None),
    };
    let port_ok = port
        .is_none_or(|port| (1..=5).contains(&port.len()) && port.iter().all(u8::is_ascii_digit));
    let label_ok = |label: &[u8]| {
        (1..=63).contains(&label.len())
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
    };
    // Two labels or more (a host with a dot), each a label, the last
    // one not a number.
    let dns_name = host.len() <= 253
        && host.contains(&b'.')
        && host.split(|&b| b == b'.').all(label_ok)
        && (host.rsplit(|&b| b == b'.').next())
            .is_some_and(|last| last.iter().any(u8::is_ascii_alphabetic));
    let safe = if ascii {
        // `unsafe_character` of an ASCII character, by its byte: a space
        // or control (U+0000–U+0020, U+007F) or one of the signs.
        !url.bytes().any(|b| {
            b <= b' ' || b == 0x7F || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`' | b'\\')
        })
    } else {
        !url.chars().any(unsafe_character)
    };
    if dns_name && port_ok && safe {
        None
    } else {
        Some("not_https_url")
    }
}
