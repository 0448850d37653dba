//! A value worked out per language when first asked, for any number of
//! registered languages: a catalogue's order by name, a condition's
//! sentence.

use std::sync::{Arc, PoisonError, RwLock};

use super::language::Locale;

/// A value per language, made the first time a language asks. It is a
/// cache of what its owner says in words: two are always equal, so that
/// their owners compare by what they hold.
pub struct ByLocale<T: ?Sized>(RwLock<Vec<(Locale, Arc<T>)>>);

impl<T: ?Sized> Default for ByLocale<T> {
    fn default() -> Self {
        ByLocale(RwLock::new(Vec::new()))
    }
}

impl<T: ?Sized> ByLocale<T> {
    /// The value for `locale`, made by `make` the first time.
    pub fn get_or_make(&self, locale: Locale, make: impl FnOnce() -> Arc<T>) -> Arc<T> {
        let found = |all: &[(Locale, Arc<T>)]| {
            (all.iter())
                .find(|(made_for, _)| *made_for == locale)
                .map(|(_, value)| Arc::clone(value))
        };
        if let Some(value) = found(&self.0.read().unwrap_or_else(PoisonError::into_inner)) {
            return value;
        }
        let made = make();
        let mut all = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(value) = found(&all) {
            return value;
        }
        all.push((locale, Arc::clone(&made)));
        made
    }
}

impl<T: ?Sized> Clone for ByLocale<T> {
    fn clone(&self) -> Self {
        let all = self.0.read().unwrap_or_else(PoisonError::into_inner);
        ByLocale(RwLock::new(all.clone()))
    }
}

impl<T: ?Sized> PartialEq for ByLocale<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T: ?Sized> Eq for ByLocale<T> {}

impl<T: ?Sized> std::fmt::Debug for ByLocale<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let all = self.0.read().unwrap_or_else(PoisonError::into_inner);
        let locales: Vec<Locale> = all.iter().map(|(locale, _)| *locale).collect();
        f.debug_tuple("ByLocale").field(&locales).finish()
    }
}
