//! Which language to show for what a page asks (`lang`, or the browser's
//! languages for `lang="auto"`), among those the product has.
//!
//! The chain, documented in `docs/languages.md`: for each language asked,
//! in order, the very tag (`fa`), its language subtag (`fr-CA` → `fr`),
//! then a language it is a variety of (`prs`, Dari → `fa`); when none of
//! them is had, English, then French.

use serde::Serialize;

use super::language::{shipped, Locale};

/// The language chosen for what was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The tag to show: a shipped or registered language.
    pub tag: String,
    /// What was asked, when the language shown is not it (an event tells
    /// the page): `None` when it is, or differs only by region.
    pub fell_back_from: Option<String>,
}

/// The languages a page may show: those shipped and those registered.
fn available() -> Vec<(String, Vec<String>)> {
    let mut languages: Vec<(String, Vec<String>)> = shipped()
        .iter()
        .map(|info| (info.tag.clone(), info.aliases.clone()))
        .collect();
    for locale in Locale::all() {
        let info = &locale.language().info;
        if !languages
            .iter()
            .any(|(tag, _)| tag.eq_ignore_ascii_case(&info.tag))
        {
            languages.push((info.tag.clone(), info.aliases.clone()));
        }
    }
    languages
}

/// The language to show for `asked` (tags in order of preference; the
/// first one a page gives, or `navigator.languages`).
///
/// ```
/// use passerelle_core::text::negotiate;
/// assert_eq!(negotiate(&["ar-MA"]).tag, "ar");
/// assert_eq!(negotiate(&["ar-MA"]).fell_back_from, None);
/// let dari = negotiate(&["prs"]);
/// assert_eq!((dari.tag.as_str(), dari.fell_back_from.as_deref()), ("fa", Some("prs")));
/// let german = negotiate(&["de"]);
/// assert_eq!((german.tag.as_str(), german.fell_back_from.as_deref()), ("en", Some("de")));
/// ```
pub fn negotiate(asked: &[&str]) -> Choice {
    let languages = available();
    let wanted: Vec<String> = asked
        .iter()
        .map(|tag| tag.trim().replace('_', "-"))
        .filter(|tag| !tag.is_empty())
        .collect();
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    for tag in &wanted {
        let primary = tag.split('-').next().unwrap_or_default();
        if let Some((found, _)) = languages
            .iter()
            .find(|(known, _)| same(known, tag))
            .or_else(|| languages.iter().find(|(known, _)| same(known, primary)))
        {
            return Choice {
                tag: found.clone(),
                fell_back_from: None,
            };
        }
        if let Some((found, _)) = languages.iter().find(|(_, aliases)| {
            aliases
                .iter()
                .any(|alias| same(alias, tag) || same(alias, primary))
        }) {
            return Choice {
                tag: found.clone(),
                fell_back_from: Some(tag.clone()),
            };
        }
    }
    Choice {
        tag: if wanted.is_empty() { "fr" } else { "en" }.to_owned(),
        fell_back_from: wanted.first().cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::negotiate;

    #[test]
    fn the_first_language_had_wins_and_others_fall_back_along_the_chain() {
        assert_eq!(negotiate(&["de", "uk", "en"]).tag, "uk");
        assert_eq!(negotiate(&["de", "uk"]).fell_back_from, None);
        assert_eq!(negotiate(&["FA-af"]).tag, "fa");
        assert_eq!(negotiate(&["pbt"]).tag, "ps");
        assert_eq!(negotiate(&["ary"]).tag, "ar");
        let none = negotiate(&[]);
        assert_eq!((none.tag.as_str(), none.fell_back_from), ("fr", None));
        let unknown = negotiate(&["tlh"]);
        assert_eq!(
            (unknown.tag.as_str(), unknown.fell_back_from.as_deref()),
            ("en", Some("tlh"))
        );
    }
}
