//! Need themes and their categories (data·inclusion's referential,
//! data/data-inclusion/thematiques.json, Licence Ouverte 2.0) in words.
//!
//! French theme labels are the referential's own; category labels and the
//! other languages' theme labels are Passerelle's, in the `themes`
//! translation files with the theme's value as key.

use crate::text::Locale;
use crate::vocabulary::referentials::Referential;

/// The values of the need categories, in the referential's order.
pub(crate) fn categories() -> impl Iterator<Item = &'static str> {
    CATEGORIES.iter().copied()
}

/// Whether `need` is a data·inclusion theme or one of its categories.
pub(crate) fn is_need(need: &str) -> bool {
    categories().any(|category| category == need) || Referential::Themes.contains(need)
}

/// Each category of the themes referential.
const CATEGORIES: [&str; 16] = [
    "choisir-un-metier",
    "creer-une-entreprise",
    "difficultes-administratives-ou-juridiques",
    "difficultes-financieres",
    "equipement-et-alimentation",
    "famille",
    "lecture-ecriture-calcul",
    "logement-hebergement",
    "mobilite",
    "numerique",
    "preparer-sa-candidature",
    "remobilisation",
    "sante",
    "se-former",
    "souvrir-a-linternational",
    "trouver-un-emploi",
];

/// A need's theme in words: a data·inclusion theme or a whole category;
/// `None` for neither. A theme no language of the chain names is read in
/// the referential, which names it in French.
///
/// ```
/// use passerelle_core::theme_labels::theme_label;
/// use passerelle_core::Locale;
/// assert_eq!(theme_label("difficultes-financieres", Locale::En), Some("Money and debts"));
/// assert_eq!(theme_label("sante--acces-aux-soins", Locale::Fr), Some("Accès aux soins"));
/// assert_eq!(theme_label("astrologie", Locale::Fr), None);
/// ```
pub fn theme_label(theme: &str, locale: Locale) -> Option<&'static str> {
    if !is_need(theme) {
        return None;
    }
    locale
        .message(theme)
        .or_else(|| Referential::Themes.label(theme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::referentials::theme_category;

    fn assert_clean(label: &str, context: &str) {
        assert!(!label.is_empty(), "empty label for {context}");
        assert_eq!(
            label.trim(),
            label,
            "leading or trailing spaces in the label of {context}"
        );
    }

    #[test]
    fn every_category_of_the_referential_is_listed_exactly_once() {
        let terms = Referential::Themes.terms();
        let mut referential_categories: Vec<&str> = Vec::new();
        for term in terms {
            let category = theme_category(&term.value);
            if !referential_categories.contains(&category) {
                referential_categories.push(category);
            }
        }
        assert_eq!(CATEGORIES.to_vec(), referential_categories);
    }

    #[test]
    fn every_theme_and_category_has_a_label_in_french_and_english() {
        let themes = Referential::Themes.terms().iter().map(|t| t.value.as_str());
        for need in categories().chain(themes) {
            for locale in [Locale::Fr, Locale::En] {
                let label = theme_label(need, locale);
                assert!(label.is_some(), "{need} has no label in {}", locale.tag());
                assert_clean(label.unwrap_or_default(), need);
            }
            assert_ne!(
                Locale::En.message(need),
                None,
                "{need} has no English label in themes.json"
            );
        }
        for term in Referential::Themes.terms() {
            assert_clean(&term.label, &term.value);
        }
    }

    #[test]
    fn french_theme_labels_are_the_referentials() {
        for term in Referential::Themes.terms() {
            assert_eq!(
                theme_label(&term.value, Locale::Fr),
                Some(term.label.as_str())
            );
        }
    }

    #[test]
    fn a_word_that_is_no_need_has_no_label() {
        assert_eq!(theme_label("all-of", Locale::Fr), None);
    }
}
