//! Texts: the languages the product speaks, their messages and the
//! texts of data in several languages.
//!
//! Every text a person reads is in a translation file a translator can
//! edit (`locales/<tag>/<domain>.json`, flat `key → text` with
//! `{{placeables}}`, i18next's JSON v4 layout): none is in code. This
//! layer imports no domain type; each domain type names its own keys.

pub mod typography;

mod by_locale;
mod formats;
mod language;
mod localized;
mod message;
mod negotiate;
pub mod overlay;
mod parts;
mod plural;

pub use by_locale::ByLocale;
pub use formats::{alternatives, day_month_year, euros, joined, long_date, together};
pub use language::{
    add_file, is_tag, register, shipped, Direction, FileInfo, Language, LanguageInfo, Locale,
    BUNDLED_ENGLISH, DOCUMENT_DOMAINS, MAX_LANGUAGES,
};
pub(crate) use localized::without_bidi_controls;
pub use localized::LocalizedText;
pub use message::{
    format, in_language, message, number, pattern, placeables, plural, write_filled, Arg,
};
pub use negotiate::{negotiate, Choice};
pub use parts::{localized, Parts};
pub use plural::{Category, PluralRule};
