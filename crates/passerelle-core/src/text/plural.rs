//! Plural categories of whole numbers (CLDR), by rule name.
//!
//! A language file names its rule (`"plural": "ru"`); messages with a
//! count have one key per category (`months_one`, `months_few`, …).
//! Rules from CLDR's `plurals.xml`, for whole numbers only (the product
//! counts people, months and years).

use serde::{Deserialize, Serialize};

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    /// The suffix of a message key in this category: `_one`, `_other`.
    pub fn suffix(self) -> &'static str {
        match self {
            Category::Zero => "_zero",
            Category::One => "_one",
            Category::Two => "_two",
            Category::Few => "_few",
            Category::Many => "_many",
            Category::Other => "_other",
        }
    }
}

/// A plural rule, named after a language that uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PluralRule {
    /// One for 1, other for the rest (English, Spanish, Pashto…).
    En,
    /// One for 0 and 1 (French).
    Fr,
    /// One for 0 and 1 (Persian: `i = 0 or n = 1`).
    Fa,
    /// One, few, many (Russian, Ukrainian).
    Ru,
    /// Zero, one, two, few, many, other (Arabic).
    Ar,
    /// No plural forms (Chinese, Vietnamese…).
    None,
}

impl PluralRule {
    /// The category of the whole number `n`.
    pub fn category(self, n: i64) -> Category {
        let n = n.unsigned_abs();
        let (n10, n100) = (n % 10, n % 100);
        match self {
            PluralRule::En if n == 1 => Category::One,
            PluralRule::Fr | PluralRule::Fa if n <= 1 => Category::One,
            PluralRule::Ru if n10 == 1 && n100 != 11 => Category::One,
            PluralRule::Ru if (2..=4).contains(&n10) && !(12..=14).contains(&n100) => Category::Few,
            PluralRule::Ru => Category::Many,
            PluralRule::Ar => match (n, n100) {
                (0, _) => Category::Zero,
                (1, _) => Category::One,
                (2, _) => Category::Two,
                (_, 3..=10) => Category::Few,
                (_, 11..=99) => Category::Many,
                _ => Category::Other,
            },
            _ => Category::Other,
        }
    }

    /// Every category a translation of a counted message must give.
    pub fn categories(self) -> &'static [Category] {
        use Category::*;
        match self {
            PluralRule::En | PluralRule::Fr | PluralRule::Fa => &[One, Other],
            PluralRule::Ru => &[One, Few, Many, Other],
            PluralRule::Ar => &[Zero, One, Two, Few, Many, Other],
            PluralRule::None => &[Other],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::PluralRule;

    #[test]
    fn categories_follow_cldr() {
        let ru: Vec<_> = [1, 2, 5, 11, 21, 22, 25, 112]
            .map(|n| PluralRule::Ru.category(n))
            .into();
        assert_eq!(ru, [One, Few, Many, Many, One, Few, Many, Many]);
        let ar: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 103]
            .map(|n| PluralRule::Ar.category(n))
            .into();
        assert_eq!(ar, [Zero, One, Two, Few, Few, Many, Many, Other, Few]);
        assert_eq!(PluralRule::Fr.category(0), One);
        assert_eq!(PluralRule::En.category(0), Other);
        assert_eq!(PluralRule::Fa.category(0), One);
        for rule in [
            PluralRule::En,
            PluralRule::Fr,
            PluralRule::Fa,
            PluralRule::Ru,
            PluralRule::Ar,
            PluralRule::None,
        ] {
            for n in 0..1000 {
                assert!(
                    rule.categories().contains(&rule.category(n)),
                    "{rule:?} {n}"
                );
            }
        }
    }
}
