//! A text of data in several languages (`{"fr": "…", "en": "…"}`): the
//! questionnaire's, a catalogue's.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value as Json;

use super::language::{is_tag, Locale, DOCUMENT_DOMAINS};

/// A text in each language a document gives it in, by BCP 47 tag. Any
/// tag is kept, even of a language not registered yet: it is read once
/// that language is.
///
/// A text of the default questionnaire or the national catalogue also
/// knows its key in that document's translation files
/// (`"@catalogue": "contrat-engagement-jeune.name"`, added when the
/// library is built): a language registered later gives its translation.
#[derive(Debug, Clone, Default)]
pub struct LocalizedText {
    /// Each language's tag (the usual ones not copied: see [`kept_tag`])
    /// and its text.
    texts: Vec<(Cow<'static, str>, Box<str>)>,
    /// The document domain (one of [`DOCUMENT_DOMAINS`]) and the key.
    key: Option<(&'static str, Box<str>)>,
}

/// Equal when they give the same text in each language, in any order:
/// their own texts and their translation files' alike.
impl PartialEq for LocalizedText {
    fn eq(&self, other: &LocalizedText) -> bool {
        let texts = |text: &LocalizedText| {
            let mut texts = Vec::new();
            text.each(|tag, text| texts.push((tag.to_ascii_lowercase(), text.to_owned())));
            texts.sort_unstable();
            texts
        };
        texts(self) == texts(other)
    }
}

impl Eq for LocalizedText {}

/// Written as `{"fr": "…", "en": "…"}`: its own texts, then those the
/// registered languages' files give for its key.
impl Serialize for LocalizedText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        let mut failed = None;
        self.each(|tag, text| {
            if failed.is_none() {
                failed = map.serialize_entry(tag, text).err();
            }
        });
        match failed {
            Some(error) => Err(error),
            None => map.end(),
        }
    }
}

impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = LocalizedText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("texts by language, such as {\"fr\": \"…\", \"en\": \"…\"}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut text = LocalizedText::default();
                // Borrowed from the document when written without escapes:
                // no copy of a tag, nor of a text that typography changes.
                while let Some((Read(tag), Read(value))) = map.next_entry::<Read, Read>()? {
                    if let Some(domain) = tag.strip_prefix('@') {
                        if let Some(domain) =
                            DOCUMENT_DOMAINS.iter().find(|known| **known == domain)
                        {
                            text.key = Some((domain, value.into()));
                            continue;
                        }
                    }
                    if !is_tag(&tag) {
                        return Err(serde::de::Error::custom(format!(
                            "« {tag} » is not a language tag"
                        )));
                    }
                    let tag = match tag.bytes().any(|b| b.is_ascii_uppercase()) {
                        true => Cow::Owned(tag.to_ascii_lowercase()),
                        false => tag,
                    };
                    // Typography as the text is read: a site's texts get it
                    // too (see `crate::text::typography`).
                    let value = without_bidi_controls(value);
                    let value = match &*tag {
                        "fr" => super::typography::french_cow(value),
                        _ => value,
                    };
                    text.set(&tag, value.into_owned());
                }
                Ok(text)
            }
        }
        deserializer.deserialize_map(Texts)
    }
}

/// Whether `c` is an explicit bidirectional formatting character: an
/// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character of [`is_bidi_control`], by a search
/// of bytes: each is E2 80 AA–AE or E2 81 A6–A9 in UTF-8, and every text
/// of a catalogue is searched (decoding its characters was a thirtieth of
/// reading one).
fn holds_bidi_control(text: &str) -> bool {
    use super::typography::{has_byte, skip_words};
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time where none is E2.
        at = skip_words(bytes, at, |word| has_byte(word, 0xE2));
        let end = (at + 8).min(bytes.len());
        let found =
            (at..end)
                .filter(|&at| bytes[at] == 0xE2)
                .any(|at| match bytes.get(at + 1..at + 3) {
                    Some([0x80, third]) => (0xAA..=0xAE).contains(third),
                    Some([0x81, third]) => (0xA6..=0xA9).contains(third),
                    _ => false,
                });
        if found {
            return true;
        }
        at = end;
    }
    false
}

/// `text` without explicit bidirectional formatting characters. A
/// catalogue's or a questionnaire's texts are written by others and shown
/// inside the widgets' own sentences ("Contacter : …"): an override left
/// open there would turn the widget's words around it backwards. Letters
/// of right-to-left scripts keep their direction without these controls.
pub(crate) fn without_bidi_controls(text: Cow<'_, str>) -> Cow<'_, str> {
    if holds_bidi_control(&text) {
        Cow::Owned(text.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        text
    }
}

/// A language tag as a text keeps it: French's, English's and "every
/// language" not copied (two of the five allocations of each text of a
/// catalogue in two languages were their tags).
fn kept_tag(tag: &str) -> Cow<'static, str> {
    match tag {
        "fr" => Cow::Borrowed("fr"),
        "en" => Cow::Borrowed("en"),
        "*" => Cow::Borrowed("*"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// A string as read: borrowed from the document when it can be.
struct Read<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Read<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Read<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Read<'de>, E> {
                Ok(Read(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Read<'de>, E> {
                Ok(Read(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Read<'de>, E> {
                Ok(Read(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl LocalizedText {
    /// Calls `each` with every language's text: its own (one "in every
    /// language" for each registered language), then those the
    /// registered languages' files give for its key.
    fn each<'a>(&'a self, mut each: impl FnMut(&'a str, &'a str)) {
        for (tag, text) in &self.texts {
            if &**tag == "*" {
                for locale in Locale::all() {
                    each(locale.tag(), text);
                }
            } else {
                each(tag, text);
            }
        }
        if let Some((domain, key)) = &self.key {
            for locale in Locale::all() {
                let tag = locale.tag();
                if self
                    .texts
                    .iter()
                    .any(|(known, _)| known.eq_ignore_ascii_case(tag))
                {
                    continue;
                }
                if let Some(text) = locale
                    .language()
                    .document(domain)
                    .and_then(|file| file.get(&**key))
                    .and_then(Json::as_str)
                {
                    each(tag, text);
                }
            }
        }
    }

    /// The same text in every language: a name, such as a commune's.
    pub fn same_in_every_language(text: &str) -> LocalizedText {
        LocalizedText {
            texts: vec![("*".into(), text.into())],
            key: None,
        }
    }

    /// A text in each of the given languages.
    pub fn from_texts(texts: impl IntoIterator<Item = (Locale, String)>) -> LocalizedText {
        let mut text = LocalizedText::default();
        for (locale, value) in texts {
            text.set(locale.tag(), value);
        }
        text
    }

    /// Sets the text of the language `tag`.
    pub fn set(&mut self, tag: &str, value: String) {
        match self
            .texts
            .iter_mut()
            .find(|(known, _)| known.eq_ignore_ascii_case(tag))
        {
            Some((_, text)) => *text = value.into_boxed_str(),
            None => self.texts.push((kept_tag(tag), value.into_boxed_str())),
        }
    }

    /// Its texts in the order of their language tags, as a JSON object
    /// read into a value gives them: the order they are written out in.
    pub(crate) fn sort_by_tag(&mut self) {
        if !self.texts.is_sorted_by(|a, b| a.0 <= b.0) {
            self.texts.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }

    /// The text in exactly this language (or the same in every one): its
    /// own, else the language's translation file's for its key.
    fn exactly(&self, locale: Locale) -> Option<&str> {
        let tag = locale.tag();
        let own = self
            .texts
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(tag) || &**known == "*")
            .map(|(_, text)| &**text);
        own.or_else(|| {
            let (domain, key) = self.key.as_ref()?;
            locale.language().document(domain)?.get(&**key)?.as_str()
        })
    }

    /// Whether the text is given, not blank, in `locale`.
    pub fn has(&self, locale: Locale) -> bool {
        self.exactly(locale)
            .is_some_and(|text| !text.trim().is_empty())
    }

    /// The language of what [`get`](Self::get) gives for `locale`: the
    /// page marks text in another language than its own (`lang`).
    ///
    /// ```
    /// use passerelle_core::{LocalizedText, Locale};
    /// let text: LocalizedText = serde_json::from_str(r#"{"fr": "Oui"}"#).unwrap();
    /// assert_eq!(text.language(Locale::En), Locale::Fr);
    /// ```
    pub fn language(&self, locale: Locale) -> Locale {
        if self.exactly(locale).is_some() {
            return locale;
        }
        locale
            .chain()
            .into_iter()
            .find(|&language| self.exactly(language).is_some())
            .or_else(|| self.texts.iter().find_map(|(tag, _)| Locale::from_tag(tag)))
            .unwrap_or(locale)
    }

    /// The text in `locale`, else along its fallback chain (French
    /// last), else in any language it has.
    ///
    /// ```
    /// use passerelle_core::{LocalizedText, Locale};
    /// let text: LocalizedText = serde_json::from_str(r#"{"fr": "Oui"}"#).unwrap();
    /// assert_eq!(text.get(Locale::En), "Oui");
    /// ```
    pub fn get(&self, locale: Locale) -> &str {
        // Most texts are had in the language asked: no chain to make.
        if let Some(text) = self.exactly(locale) {
            return text;
        }
        locale
            .chain()
            .into_iter()
            .find_map(|language| self.exactly(language))
            .or_else(|| self.texts.first().map(|(_, text)| &**text))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The search of bytes finds what a search of characters finds.
        #[test]
        fn bidi_controls_are_found_as_characters_are(text in "(.|[\u{202a}-\u{202e}\u{2066}-\u{2069}\u{2060}-\u{206f}\u{2020}-\u{202f}\u{20ab}]){0,20}") {
            proptest::prop_assert_eq!(holds_bidi_control(&text), text.contains(is_bidi_control));
        }
    }

    #[test]
    fn texts_read_with_escapes_or_without_are_the_same() {
        let plain: LocalizedText =
            serde_json::from_str(r#"{"FR": "Note : oui", "en": "Note"}"#).unwrap();
        let escaped: LocalizedText =
            serde_json::from_str(r#"{"F\u0052": "Note \u003a oui", "\u0065n": "Note"}"#).unwrap();
        assert_eq!(plain, escaped);
        assert_eq!(plain.texts, escaped.texts);
        assert_eq!(&*plain.texts[0].0, "fr");
        assert_eq!(&*plain.texts[0].1, "Note\u{a0}: oui");
        let bad = serde_json::from_str::<LocalizedText>(r#"{"fr": 3}"#).unwrap_err();
        assert!(bad.to_string().contains("expected a string"), "{bad}");
    }
}
