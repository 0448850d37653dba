//! The languages the product speaks: each read from its translation
//! files, and a [`Locale`] to name one.
//!
//! French is compiled in, English too in native builds (`bundled-english`;
//! the WebAssembly package ships it as a file). Any other language is a file the
//! page fetches and [`register`]s: adding a language is adding files
//! (`locales/<tag>/*.json`) and one line to `locales/languages.json`,
//! with no code.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{OnceLock, PoisonError, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use super::plural::PluralRule;
use crate::base::problem::Problem;

/// The writing direction of a language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Persian, Pashto).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// What `locales/languages.json` says of a language: one line each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// BCP 47 tag: `fr`, `ar`, `uk`.
    pub tag: String,
    /// Its name in itself, for a language menu: `العربية`.
    pub name: String,
    pub direction: Direction,
    pub plural: PluralRule,
    /// The languages to read a missing text in, in order (French last).
    #[serde(default)]
    pub fallback: Vec<String>,
    /// Other tags a page may give for it: `prs` (Dari) for `fa`.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Who wrote a translation file, and whether a native speaker checked it
/// (its `@metadata`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// The file's domain: `core`, `alerts`, `widgets`, `questionnaire`,
    /// `catalogue`.
    pub domain: String,
    #[serde(default)]
    pub translators: Vec<String>,
    /// Written with machine translation.
    #[serde(default)]
    pub machine_assisted: bool,
    /// Read and corrected by a native speaker.
    #[serde(default)]
    pub reviewed_by_native_speaker: bool,
}

/// The domains whose files translate a document (see
/// [`super::overlay`]) rather than give messages.
pub const DOCUMENT_DOMAINS: [&str; 2] = ["questionnaire", "catalogue"];

/// The hash of a message key: a multiply-rotate over 8 bytes at a time
/// (FxHash's), several times faster than the default SipHash on the short
/// keys looked up for every sentence of every explanation. The keys come
/// from translation files, not from the person: no flooding to resist.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A language: what `languages.json` says of it and its texts.
#[derive(Debug, Clone)]
pub struct Language {
    pub info: LanguageInfo,
    /// Each file's `@metadata`.
    pub files: Vec<FileInfo>,
    /// Messages of every message domain: key → text.
    messages: HashMap<Box<str>, Box<str>, BuildHasherDefault<KeyHasher>>,
    /// The document domains' files: key → text.
    documents: HashMap<String, Map<String, Json>>,
    /// Compiled in without its texts, which its package file brings
    /// (English in the WebAssembly module: see the `bundled-english`
    /// feature).
    texts_apart: bool,
}

impl Language {
    /// A language with no texts yet.
    pub fn new(info: LanguageInfo) -> Language {
        Language {
            info,
            files: Vec::new(),
            messages: HashMap::default(),
            documents: HashMap::new(),
            texts_apart: false,
        }
    }

    /// Reads a language file as the package ships it
    /// (`locales/<tag>.json`): `{"language": {…}, "files": {"core":
    /// {…}, …}}`, each file flat `key → text` with its `@metadata`.
    pub fn from_json(text: &str) -> Result<Language, Problem> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Shipped {
            language: LanguageInfo,
            files: Map<String, Json>,
        }
        let shipped: Shipped = serde_json::from_str(text)
            .map_err(|e| Problem::new("bad_language_file", "$", e.to_string()))?;
        let mut language = Language::new(shipped.language);
        if !is_tag(&language.info.tag) {
            return Err(Problem::new(
                "bad_language_file",
                "$.language.tag",
                format!(
                    "« {} » n’est pas une étiquette de langue",
                    language.info.tag
                ),
            ));
        }
        for (domain, file) in shipped.files {
            language.add_file(&domain, file)?;
        }
        Ok(language)
    }

    /// Adds one translation file (`key → text`, with its `@metadata`) of
    /// `domain`.
    pub fn add_file(&mut self, domain: &str, file: Json) -> Result<(), Problem> {
        let path = || format!("$.files.{domain}");
        let Json::Object(mut file) = file else {
            return Err(Problem::new(
                "bad_language_file",
                &path(),
                "a file is an object of key → text",
            ));
        };
        let mut info = FileInfo {
            domain: domain.to_owned(),
            translators: Vec::new(),
            machine_assisted: false,
            reviewed_by_native_speaker: false,
        };
        if let Some(metadata) = file.remove("@metadata") {
            let bad = |message: String| {
                Problem::new(
                    "bad_language_file",
                    &format!("{}.@metadata", path()),
                    message,
                )
            };
            let Json::Object(mut metadata) = metadata else {
                return Err(bad("@metadata is an object".into()));
            };
            metadata.insert("domain".into(), Json::String(domain.to_owned()));
            info =
                serde_json::from_value(Json::Object(metadata)).map_err(|e| bad(e.to_string()))?;
        }
        if DOCUMENT_DOMAINS.contains(&domain) {
            if file.values().any(|text| !text.is_string()) {
                return Err(Problem::new(
                    "bad_language_file",
                    &path(),
                    "every translation is a text",
                ));
            }
            self.documents.insert(domain.to_owned(), file);
        } else {
            for (key, text) in file {
                let Json::String(text) = text else {
                    return Err(Problem::new(
                        "bad_language_file",
                        &format!("{}.{key}", path()),
                        "every translation is a text",
                    ));
                };
                self.messages
                    .insert(key.into_boxed_str(), text.into_boxed_str());
            }
        }
        self.files.retain(|known| known.domain != domain);
        self.files.push(info);
        Ok(())
    }

    /// The message `key` in this language alone.
    pub fn message(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(|text| &**text)
    }

    /// The translations of a document domain (`questionnaire`,
    /// `catalogue`), if this language has them.
    pub fn document(&self, domain: &str) -> Option<&Map<String, Json>> {
        self.documents.get(domain)
    }

    /// Every message key, for the completeness test.
    pub fn message_keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(|key| &**key)
    }
}

/// Whether `tag` looks like a BCP 47 language tag: letters, digits and
/// hyphens, a letter first, at most 35 characters.
pub fn is_tag(tag: &str) -> bool {
    (2..=35).contains(&tag.len())
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The `languages.json` compiled in: every language the package ships.
const LANGUAGES: &str = include_str!("../../locales/languages.json");

/// What `locales/languages.json` lists, in its order.
pub fn shipped() -> &'static [LanguageInfo] {
    static SHIPPED: OnceLock<Vec<LanguageInfo>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        serde_json::from_str(LANGUAGES).expect("locales/languages.json is checked by the tests")
    })
}

/// A language the product speaks: French, English, or one registered
/// with [`register`]. Cheap to copy; its texts live for the whole run.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(u16);

#[allow(non_upper_case_globals)]
impl Locale {
    /// French, the default and the last fallback.
    pub const Fr: Locale = Locale(0);
    /// English: its texts compiled in with `bundled-english`, else its
    /// package file registered when a page shows it.
    pub const En: Locale = Locale(1);

    /// The registered language of a BCP 47 tag (`fr`, `fr-FR`, `en_GB`),
    /// ASCII case-insensitively: the whole tag, else its language
    /// subtag. `None` for a language not registered.
    ///
    /// ```
    /// use passerelle_core::Locale;
    /// assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("FR"), Some(Locale::Fr));
    /// assert_eq!(Locale::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        // No copy for the usual tag (`fr`, `en-GB`): the lookups of a
        // language's fallbacks run for many texts.
        let tag: std::borrow::Cow<str> = match tag.trim() {
            trimmed if trimmed.contains('_') => trimmed.replace('_', "-").into(),
            trimmed => trimmed.into(),
        };
        let primary = tag.split('-').next().unwrap_or("");
        let languages = read();
        let find = |wanted: &str| {
            languages
                .iter()
                .position(|language| language.info.tag.eq_ignore_ascii_case(wanted))
                .and_then(|index| u16::try_from(index).ok())
                .map(Locale)
        };
        find(&tag).or_else(|| find(primary))
    }

    /// Every registered language, French first.
    pub fn all() -> Vec<Locale> {
        (0..read().len())
            .filter_map(|index| u16::try_from(index).ok())
            .map(Locale)
            .collect()
    }

    /// The language's texts and facts.
    pub fn language(self) -> &'static Language {
        let languages = read();
        languages
            .get(usize::from(self.0))
            .copied()
            .unwrap_or(languages[0])
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        &self.language().info.tag
    }

    /// The language's name in itself.
    pub fn name(self) -> &'static str {
        &self.language().info.name
    }

    /// Whether every text a person reads is here in this language: false
    /// only for English in the WebAssembly module, until its package
    /// file (`locales/en.json`, with its messages and the questionnaire's
    /// and catalogue's texts) is registered. Pages load a language that
    /// is not whole.
    pub fn is_whole(self) -> bool {
        !self.language().texts_apart
    }

    /// Its writing direction.
    pub fn direction(self) -> Direction {
        self.language().info.direction
    }

    /// The languages to read a missing text in, this one first and
    /// French last: registered ones only.
    pub fn chain(self) -> Vec<Locale> {
        let mut chain = vec![self];
        for tag in &self.language().info.fallback {
            if let Some(locale) = Locale::from_tag(tag) {
                if !chain.contains(&locale) {
                    chain.push(locale);
                }
            }
        }
        if !chain.contains(&Locale::Fr) {
            chain.push(Locale::Fr);
        }
        chain
    }

    /// The message `key` in this language, else along [`chain`](Self::chain).
    pub fn message(self, key: &str) -> Option<&'static str> {
        self.message_from(key).map(|(text, _)| text)
    }

    /// The message `key` and the language it was found in: this one,
    /// else the first of its [`chain`](Self::chain) that has it.
    pub(crate) fn message_from(self, key: &str) -> Option<(&'static str, Locale)> {
        if let Some(text) = self.language().message(key) {
            return Some((text, self));
        }
        self.chain()
            .into_iter()
            .skip(1)
            .find_map(|locale| locale.language().message(key).map(|text| (text, locale)))
    }
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Locale::from_tag(&tag)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language « {tag} »")))
    }
}

/// The most languages registered at once: each stays in memory.
pub const MAX_LANGUAGES: usize = 64;

type Registry = RwLock<Vec<&'static Language>>;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| RwLock::new(vec![leak(builtin("fr")), leak(builtin("en"))]))
}

fn read() -> std::sync::RwLockReadGuard<'static, Vec<&'static Language>> {
    registry().read().unwrap_or_else(PoisonError::into_inner)
}

fn leak(language: Language) -> &'static Language {
    Box::leak(Box::new(language))
}

/// The core's own files of a compiled-in language.
fn builtin(tag: &str) -> Language {
    let info = shipped()
        .iter()
        .find(|info| info.tag == tag)
        .cloned()
        .expect("fr and en are in languages.json");
    let mut language = Language::new(info);
    // One line per domain file of the core (the widgets add theirs).
    macro_rules! files {
        ($tag:literal) => {
            [
                (
                    "core",
                    include_str!(concat!("../../locales/", $tag, "/core.json")),
                ),
                (
                    "alerts",
                    include_str!(concat!("../../locales/", $tag, "/alerts.json")),
                ),
                (
                    "explanations",
                    include_str!(concat!("../../locales/", $tag, "/explanations.json")),
                ),
                (
                    "themes",
                    include_str!(concat!("../../locales/", $tag, "/themes.json")),
                ),
                (
                    "formats",
                    include_str!(concat!("../../locales/", $tag, "/formats.json")),
                ),
            ]
        };
    }
    let files = match tag {
        "fr" => files!("fr"),
        // English's texts are its package file in the WebAssembly module.
        _ if !BUNDLED_ENGLISH => {
            language.texts_apart = true;
            return language;
        }
        _ => files!("en"),
    };
    for (domain, text) in files.into_iter().chain(national_words(tag)) {
        let file =
            serde_json::from_str(text).expect("the compiled-in files are checked by the tests");
        language
            .add_file(domain, file)
            .expect("the compiled-in files are checked by the tests");
    }
    // French is the documents' own language; English's translations of
    // them are compiled in with its messages (`bundled-english`).
    #[cfg(feature = "bundled-english")]
    if tag == "en" {
        add_english_documents(&mut language);
    }
    language
}

/// The national orientation's words of a compiled-in language
/// (`locales/<tag>/national.json`), with the `national-words` feature:
/// the whole module shows the national orientation, the questionnaire's
/// module only asks its questions and leaves its words out.
#[cfg(feature = "national-words")]
fn national_words(tag: &str) -> Option<(&'static str, &'static str)> {
    match tag {
        "fr" => Some(("national", include_str!("../../locales/fr/national.json"))),
        "en" => Some(("national", include_str!("../../locales/en/national.json"))),
        _ => None,
    }
}

#[cfg(not(feature = "national-words"))]
fn national_words(_: &str) -> Option<(&'static str, &'static str)> {
    None
}

/// Whether English's texts are compiled in (the `bundled-english`
/// feature: native builds and tests); without, the WebAssembly package
/// ships them as `locales/en.json`, fetched by a page in English only.
/// A constant, so that code adding English words of its own (the
/// widgets') drops them with it.
pub const BUNDLED_ENGLISH: bool = cfg!(feature = "bundled-english");

/// The English translations of the default questionnaire and the national
/// catalogue, compiled in.
#[cfg(feature = "bundled-english")]
fn add_english_documents(language: &mut Language) {
    let documents = [
        (
            "questionnaire",
            include_str!("../../locales/en/questionnaire.json"),
        ),
        ("catalogue", include_str!("../../locales/en/catalogue.json")),
    ];
    for (domain, text) in documents {
        let file =
            serde_json::from_str(text).expect("the compiled-in files are checked by the tests");
        language
            .add_file(domain, file)
            .expect("the compiled-in files are checked by the tests");
    }
}

/// Makes `language` speakable: a [`Locale`] for it from now on. A
/// language already registered under the same tag is replaced (its
/// `Locale` stays the same). Each call keeps the language in memory for
/// the rest of the run: register each language once.
pub fn register(language: Language) -> Result<Locale, Problem> {
    let mut languages = registry().write().unwrap_or_else(PoisonError::into_inner);
    let known = languages
        .iter()
        .position(|known| known.info.tag.eq_ignore_ascii_case(&language.info.tag));
    let index = match known {
        Some(index) => {
            languages[index] = leak(language);
            index
        }
        None if languages.len() >= MAX_LANGUAGES => {
            return Err(Problem::new(
                "too_many_languages",
                "$",
                format!("{MAX_LANGUAGES} langues au plus"),
            ));
        }
        None => {
            languages.push(leak(language));
            languages.len() - 1
        }
    };
    Ok(Locale(u16::try_from(index).unwrap_or(u16::MAX)))
}

/// Adds a file of `domain` to a registered language: the widgets add
/// their words to the compiled-in French and English this way.
pub fn add_file(locale: Locale, domain: &str, file: Json) -> Result<(), Problem> {
    let mut language = locale.language().clone();
    language.add_file(domain, file)?;
    register(language).map(|_| ())
}
