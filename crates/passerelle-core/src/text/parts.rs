//! A message as the translation files know it: its key and the values
//! of its placeables. Each layer's messages (answer errors, the plan's
//! steps, the print view…) name their keys in their own module and give
//! [`Parts`]; this is how they become text.

use super::language::Locale;
use super::localized::LocalizedText;
use super::message::{format, in_language, plural, Arg};

/// A message as the translation files know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parts {
    /// The message `key`, its `{{placeables}}` filled from `args`.
    Key {
        key: String,
        args: Vec<(&'static str, String)>,
    },
    /// A counted message: `key_one`, `key_other`… chosen by the
    /// language's plural rule for `count`, which fills `{{count}}`.
    Counted {
        key: String,
        count: i64,
        args: Vec<(&'static str, String)>,
    },
    /// Words the core's grammar writes itself (a date, a fact and its
    /// value), from its own keys.
    Written(String),
}

impl Parts {
    /// The message `key` with no placeable.
    pub fn key(key: impl Into<String>) -> Parts {
        Parts::Key {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// The message `key` with its placeables' values.
    pub fn with<const N: usize>(
        key: impl Into<String>,
        args: [(&'static str, String); N],
    ) -> Parts {
        Parts::Key {
            key: key.into(),
            args: args.into(),
        }
    }

    /// The counted message `key` for `count`.
    pub fn counted<const N: usize>(
        key: impl Into<String>,
        count: i64,
        args: [(&'static str, String); N],
    ) -> Parts {
        Parts::Counted {
            key: key.into(),
            count,
            args: args.into(),
        }
    }

    /// The keys a language must have for this message: a counted message
    /// needs at least its `_other` form.
    pub fn keys(&self) -> Vec<String> {
        match self {
            Parts::Key { key, .. } => vec![key.clone()],
            Parts::Counted { key, .. } => vec![format!("{key}_other")],
            Parts::Written(_) => Vec::new(),
        }
    }

    /// Every key the message reads in `locale`: a counted one's key for
    /// each plural category of the language (`months_one`,
    /// `months_other`).
    pub fn keys_in(&self, locale: Locale) -> Vec<String> {
        match self {
            Parts::Counted { key, .. } => locale
                .language()
                .info
                .plural
                .categories()
                .iter()
                .map(|category| format!("{key}{}", category.suffix()))
                .collect(),
            _ => self.keys(),
        }
    }

    /// The text in `locale`, with its typography.
    pub fn text(self, locale: Locale) -> String {
        fn args<'v>(args: &'v [(&'static str, String)]) -> Vec<(&'static str, Arg<'v>)> {
            args.iter()
                .map(|(name, value)| (*name, Arg::Text(value)))
                .collect()
        }
        match self {
            Parts::Key { key, args: values } => format(locale, &key, &args(&values)),
            Parts::Counted {
                key,
                count,
                args: values,
            } => plural(locale, &key, count, &args(&values)),
            Parts::Written(words) => in_language(words, locale),
        }
    }
}

/// A message in every language, as the data's texts are: `parts` gives
/// it in one language (a date is written in that language).
pub fn localized(parts: impl Fn(Locale) -> Parts) -> LocalizedText {
    LocalizedText::from_texts(
        Locale::all()
            .into_iter()
            .map(|locale| (locale, parts(locale).text(locale))),
    )
}
