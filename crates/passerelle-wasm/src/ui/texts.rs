//! The words for the needs found.

use passerelle_core::theme_labels;
use passerelle_core::Locale;

/// A need's theme in words, and the language of those words: the core's
/// label in `locale`, else its French one, else (a theme the core does
/// not know) the id made readable.
pub(crate) fn theme_label(theme: &str, locale: Locale) -> (String, Locale) {
    if let Some(label) = theme_labels::theme_label(theme, locale) {
        return (label.to_owned(), locale);
    }
    if let Some(label) = theme_labels::theme_label(theme, Locale::Fr) {
        return (label.to_owned(), Locale::Fr);
    }
    // Theme ids are ASCII slugs: an ASCII capital (the Unicode case
    // tables would add 25 KB to the module).
    let mut readable = theme.replace("--", " : ").replace('-', " ");
    if let Some(first) = readable.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    (readable, Locale::Fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_are_in_words_in_the_language_asked() {
        assert_eq!(
            theme_label("sante--acces-aux-soins", Locale::Fr),
            ("Accès aux soins".to_owned(), Locale::Fr)
        );
        assert_eq!(
            theme_label("difficultes-financieres", Locale::En),
            ("Money and debts".to_owned(), Locale::En)
        );
        assert_eq!(
            theme_label("astrologie-pratique", Locale::En),
            ("Astrologie pratique".to_owned(), Locale::Fr)
        );
    }
}
