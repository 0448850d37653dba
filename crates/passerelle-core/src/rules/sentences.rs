//! The sentences of eligibility explanations: a condition in words
//! ("Avoir entre 16 et 25 ans"), the person's value as the second half of
//! a sentence ("vous avez 22 ans") and a fact with its value for a
//! referral sheet ("Âge : 19 ans"), built from the `explanations` and
//! `formats` translation files. Each domain type names its own keys
//! ([`Fact::key`], [`Fact::value_key`], [`Fact::person_key`]); this module
//! only puts the pieces together.

use std::borrow::Cow;

use crate::rules::conditions::{Comparison, Condition, Test, Zone};
use crate::text::{self, alternatives, day_month_year, euros, joined, together, Arg, Locale};
use crate::vocabulary::communes::Communes;
use crate::vocabulary::facts::{Fact, Value};
use crate::vocabulary::geo;

/// The message `key`, or `None` when no language of the chain has it.
fn optional(locale: Locale, key: &str) -> Option<String> {
    has(locale, key).then(|| text::message(locale, key))
}

/// Whether a language of `locale`'s chain has the message `key`.
fn has(locale: Locale, key: &str) -> bool {
    locale.message(key).is_some()
}

/// "Name : value", the language's way.
fn label_value(label: &str, value: &str, locale: Locale) -> String {
    text::format(
        locale,
        "label-value",
        &[("label", Arg::Text(label)), ("value", Arg::Text(value))],
    )
}

/// The message `key` with one placeable `name` filled with `value`.
fn with(locale: Locale, key: &str, name: &str, value: &str) -> String {
    text::format(locale, key, &[(name, Arg::Text(value))])
}

/// A condition and the person's value joined: "Avoir entre 16 et 25 ans :
/// vous avez 22 ans", appended to a buffer; both halves are already in their
/// language's typography, and the pattern's own is in its file.
pub(crate) struct WithPerson<'a> {
    /// The `with-person` message, looked up once per orientation.
    pub pattern: Option<&'static str>,
    pub condition: &'a str,
    pub person: Option<&'a str>,
    pub locale: Locale,
}

impl WithPerson<'_> {
    /// The `with-person` pattern of `locale`.
    pub fn pattern(locale: Locale) -> Option<&'static str> {
        text::pattern(locale, "with-person")
    }

    /// Appends the sentence to `out`.
    pub fn write_into(&self, out: &mut String) {
        match (self.person, self.pattern) {
            (Some(person), Some(pattern)) => text::write_filled(
                out,
                pattern,
                &[
                    ("condition", Arg::Text(self.condition)),
                    ("person", Arg::Text(person)),
                ],
                self.locale,
            ),
            _ => out.push_str(self.condition),
        }
    }
}

/// "Toutes ces conditions".
pub(crate) fn all_of(locale: Locale) -> String {
    text::message(locale, "all-of")
}

/// "Au moins une de ces conditions".
pub(crate) fn any_of(locale: Locale) -> String {
    text::message(locale, "any-of")
}

/// "Pas la condition suivante".
pub(crate) fn none_of(locale: Locale) -> String {
    text::message(locale, "none-of")
}

/// A phrase of a yes/no fact (`required`, `required-not`, `person-yes`,
/// `person-no`); `None` for a fact without them.
fn yes_no_phrase(fact: Fact, phrase: &str, locale: Locale) -> Option<String> {
    optional(locale, &format!("{}-{phrase}", fact.key()))
}

/// The name of a fact, capitalised, for "Name : value" sentences.
pub(crate) fn fact_label(fact: Fact, locale: Locale) -> String {
    text::message(locale, &fact.key())
}

/// The label of one allowed value of a one-of or set fact, as it follows
/// the fact's name ("Logement : locataire"); a value without a label is
/// shown as it is.
pub fn value_label(fact: Fact, value: &str, locale: Locale) -> String {
    optional(locale, &fact.value_key(value)).unwrap_or_else(|| value.to_owned())
}

/// A benefit with its article, for "vous recevez le RSA".
fn benefit_with_article(benefit: &str, locale: Locale) -> String {
    optional(locale, &format!("benefit-{benefit}"))
        .unwrap_or_else(|| value_label(Fact::Benefits, benefit, locale))
}

/// A number of years, months, children or people with its noun:
/// "1 an", "3 ans", "1 year", "3 years" (`unit`: `years`, `months`…).
fn count(n: i64, unit: &str, locale: Locale) -> String {
    text::plural(locale, unit, n, &[])
}

/// A qualification level in words: "niveau 3 (CAP, BEP)".
fn qualification(level: i64, locale: Locale) -> String {
    let diploma = match level {
        ..=2 => text::message(locale, "qualification-none"),
        3..=7 => text::message(locale, &format!("qualification-{level}")),
        _ => text::message(locale, "qualification-8"),
    };
    text::format(
        locale,
        "level",
        &[
            ("level", Arg::Text(&level.to_string())),
            ("diploma", Arg::Text(&diploma)),
        ],
    )
}

/// The counted noun of a fact's numbers (`years`, `months`…), if any.
fn unit(fact: Fact) -> Option<&'static str> {
    match fact {
        Fact::UnemploymentMonths | Fact::MonthsInFrance => Some("months"),
        Fact::FirstResidencePermitYears | Fact::YoungestChildAge | Fact::Age => Some("years"),
        Fact::ChildrenCount => Some("children"),
        Fact::HouseholdSize => Some("people"),
        _ => None,
    }
}

/// A number with the unit of its fact, as a condition states it: "12
/// mois", "1 200 €", "niveau 3 (CAP, BEP)".
fn quantity(fact: Fact, n: i64, locale: Locale) -> String {
    match fact {
        Fact::MonthsInFrance if n >= 12 && n % 12 == 0 => count(n / 12, "years", locale),
        Fact::MonthlyResources | Fact::WorkIncome => euros(n, locale),
        Fact::QualificationLevel => qualification(n, locale),
        _ => match unit(fact) {
            Some(unit) => count(n, unit, locale),
            None => text::number(n, locale),
        },
    }
}

/// A condition on a fact's value: "Être inscrit à France Travail",
/// "Logement : locataire".
pub(crate) fn equals_text(fact: Fact, value: &Value, locale: Locale) -> String {
    let phrase = match value {
        Value::Boolean(true) => yes_no_phrase(fact, "required", locale),
        Value::Boolean(false) => yes_no_phrase(fact, "required-not", locale),
        _ => None,
    };
    phrase.unwrap_or_else(|| {
        label_value(
            &fact_label(fact, locale),
            &value_text(fact, value, &Communes::default(), locale),
            locale,
        )
    })
}

/// A condition on the answer to a question: "Réponse à la question « … » :
/// oui ou non".
pub(crate) fn answer_text(question: &str, values: &[String], locale: Locale) -> String {
    text::format(
        locale,
        "answer",
        &[
            ("question", Arg::Text(question)),
            ("values", Arg::Text(&alternatives(values, locale))),
        ],
    )
}

/// A condition on one of a fact's values: "Logement : locataire ou hébergé".
pub(crate) fn one_of_text(fact: Fact, values: &[String], locale: Locale) -> String {
    let labels: Vec<String> = values
        .iter()
        .map(|value| value_label(fact, value, locale))
        .collect();
    label_value(
        &fact_label(fact, locale),
        &alternatives(&labels, locale),
        locale,
    )
}

/// A comparison: "Temps sans emploi : au moins 12 mois".
pub(crate) fn compare_text(fact: Fact, op: Comparison, value: i64, locale: Locale) -> String {
    let compared = with(locale, op.key(), "value", &quantity(fact, value, locale));
    label_value(&fact_label(fact, locale), &compared, locale)
}

/// A range: "Âge : entre 16 et 25 ans", "Ressources : entre 0 et 700 €".
pub(crate) fn between_text(fact: Fact, min: i64, max: i64, locale: Locale) -> String {
    let between = |min: String, max: String| {
        text::format(
            locale,
            "between",
            &[("min", Arg::Text(&min)), ("max", Arg::Text(&max))],
        )
    };
    let range = match fact {
        // Both bounds in years when both are whole years, else in months:
        // "entre 3 et 12 mois", "entre 5 et 10 ans", never "entre 3 et 1 an".
        Fact::MonthsInFrance if min % 12 == 0 && max % 12 == 0 => between(
            text::number(min / 12, locale),
            count(max / 12, "years", locale),
        ),
        Fact::MonthsInFrance => between(text::number(min, locale), count(max, "months", locale)),
        Fact::MonthlyResources | Fact::WorkIncome => text::format(
            locale,
            "between-euros",
            &[
                ("min", Arg::Text(&text::number(min, locale))),
                ("max", Arg::Text(&text::number(max, locale))),
            ],
        ),
        // "entre 1 et 3 ans": the unit once, at the end.
        _ if unit(fact).is_some() => {
            between(text::number(min, locale), quantity(fact, max, locale))
        }
        _ => between(quantity(fact, min, locale), quantity(fact, max, locale)),
    };
    label_value(&fact_label(fact, locale), &range, locale)
}

/// An age range: "Avoir entre 16 et 25 ans".
pub(crate) fn age_text(min: Option<i64>, max: Option<i64>, locale: Locale) -> String {
    let (min, max) = (min.map(|n| n.to_string()), max.map(|n| n.to_string()));
    let (key, args) = match (&min, &max) {
        (Some(min), Some(max)) if min == max => ("age-exactly", vec![("age", Arg::Text(min))]),
        (Some(min), Some(max)) => (
            "age-between",
            vec![("min", Arg::Text(min)), ("max", Arg::Text(max))],
        ),
        (Some(min), None) => ("age-at-least", vec![("min", Arg::Text(min))]),
        (None, Some(max)) => ("age-at-most", vec![("max", Arg::Text(max))]),
        (None, None) => ("age-known", vec![]),
    };
    text::format(locale, key, &args)
}

/// A department by name, with its code as people know it: "Seine-Saint-Denis (93)".
fn department_text(code: &str) -> String {
    match geo::DEPARTMENTS.iter().find(|(c, _, _)| *c == code) {
        Some((_, name, _)) => format!("{name} ({code})"),
        None => code.to_owned(),
    }
}

/// A region by name; its code means nothing to a person.
fn region_text(code: &str) -> String {
    geo::REGIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, name)| (*name).to_owned())
}

/// Communes whose names are not known, by department: "une commune de
/// Seine-Saint-Denis (93)", "2 communes de …"; never their codes alone.
fn unnamed_communes<'a>(codes: impl Iterator<Item = &'a str>, locale: Locale) -> Vec<String> {
    let mut by_department: Vec<(Option<&'static str>, usize)> = Vec::new();
    for code in codes {
        let department = geo::department_of_commune(code);
        match by_department.iter_mut().find(|(d, _)| *d == department) {
            Some((_, n)) => *n += 1,
            None => by_department.push((department, 1)),
        }
    }
    by_department
        .into_iter()
        .map(|(department, n)| {
            let n = i64::try_from(n).unwrap_or(i64::MAX);
            match department {
                Some(d) => text::plural(
                    locale,
                    "communes-of",
                    n,
                    &[("department", Arg::Text(&department_text(d)))],
                ),
                None => text::plural(locale, "other-communes", n, &[]),
            }
        })
        .collect()
}

/// Where an entry is available, without the communes' names (a catalogue
/// makes it when it is read): see [`zone_text_in`].
pub(crate) fn zone_text(zone: &Zone, locale: Locale) -> String {
    zone_text_in(zone, &Communes::default(), locale)
}

/// Where an entry is available, communes named when `communes` knows
/// them: "Habiter à Saint-Denis", "Habiter : Saint-Denis, Pantin ou
/// Seine-Saint-Denis (93)". A commune not known is told by its
/// department, never by its code.
pub fn zone_text_in(zone: &Zone, communes: &Communes, locale: Locale) -> String {
    if zone.is_national() {
        return text::message(locale, "zone-france");
    }
    let regions = zone.regions().iter().map(|code| region_text(code));
    let departments = zone.departments().iter().map(|code| department_text(code));
    let named: Vec<String> = (zone.communes().iter())
        .filter_map(|code| communes.name(code).map(str::to_owned))
        .collect();
    let unnamed = unnamed_communes(
        (zone.communes().iter())
            .map(String::as_str)
            .filter(|code| communes.name(code).is_none()),
        locale,
    );
    if let ([one], true, true, true) = (
        named.as_slice(),
        unnamed.is_empty(),
        zone.regions().is_empty(),
        zone.departments().is_empty(),
    ) {
        return with(locale, "zone-one", "place", one);
    }
    let places: Vec<String> = regions
        .chain(departments)
        .chain(named)
        .chain(unnamed)
        .collect();
    with(
        locale,
        "zone-many",
        "places",
        &alternatives(&places, locale),
    )
}

/// Where the person lives, as the second half of a sentence: "vous
/// habitez à Saint-Denis", "votre département est Seine-Saint-Denis (93)".
pub(crate) fn place_text(
    commune: Option<&Value>,
    department: Option<&Value>,
    communes: &Communes,
    locale: Locale,
) -> String {
    let named = match commune {
        Some(Value::Text(code)) => communes.name(code),
        _ => None,
    };
    match (named, department) {
        (Some(name), _) => with(locale, "place-commune", "commune", name),
        (None, Some(Value::Text(department))) => with(
            locale,
            "place-department",
            "department",
            &department_text(department),
        ),
        _ => text::message(locale, "place-unknown"),
    }
}

/// A fact's value in words, as it follows the fact's name ("Âge : 19
/// ans", "Commune : Saint-Denis, Seine-Saint-Denis (93)").
fn value_text(fact: Fact, value: &Value, communes: &Communes, locale: Locale) -> String {
    match (fact, value) {
        (_, Value::Boolean(true)) => text::message(locale, "value-yes"),
        (_, Value::Boolean(false)) => text::message(locale, "value-no"),
        (_, Value::Integer(n)) => quantity(fact, *n, locale),
        (_, Value::Date(date)) => day_month_year(*date, locale),
        (Fact::Department, Value::Text(code)) => department_text(code),
        (Fact::Region, Value::Text(code)) => region_text(code),
        (Fact::Commune, Value::Text(code)) => {
            let department = geo::department_of_commune(code).map(department_text);
            let name = match communes.name(code) {
                Some(name) => name.to_owned(),
                None => with(locale, "insee-code", "code", code),
            };
            match department {
                Some(department) => text::format(
                    locale,
                    "commune-in-department",
                    &[
                        ("commune", Arg::Text(&name)),
                        ("department", Arg::Text(&department)),
                    ],
                ),
                None => name,
            }
        }
        (_, Value::Text(text)) => value_label(fact, text, locale),
        (_, Value::Set(items)) if items.is_empty() => text::message(locale, "value-none"),
        (_, Value::Set(items)) => {
            let labels: Vec<String> = items
                .iter()
                .map(|item| value_label(fact, item, locale))
                .collect();
            joined(&labels, locale)
        }
    }
}

/// A fact and the person's value, for a referral sheet: "Âge : 19 ans",
/// "Commune : Saint-Denis, Seine-Saint-Denis (93)"; `None`: not known yet.
/// Communes are named when `communes` knows them.
pub fn fact_value_text(
    fact: Fact,
    value: Option<&Value>,
    communes: &Communes,
    locale: Locale,
) -> String {
    let value = match value {
        None => text::message(locale, "not-known-yet"),
        Some(value) => value_text(fact, value, communes, locale),
    };
    label_value(&fact_label(fact, locale), &value, locale)
}

/// The person's value of `fact`, as the second half of a sentence: a
/// sentence of its own, never a bare value ("vous avez 2 enfants à
/// charge", "vos ressources : 0 € par mois").
pub(crate) fn person_value_text(
    fact: Fact,
    value: Option<&Value>,
    communes: &Communes,
    locale: Locale,
) -> String {
    let message = |key: &str| text::message(locale, key);
    let counted = |key: &str, n: i64| text::plural(locale, key, n, &[]);
    let listed = |items: &std::collections::BTreeSet<String>, label: &dyn Fn(&str) -> String| {
        let named: Vec<String> = items.iter().map(|item| label(item)).collect();
        together(&named, locale)
    };
    let duration = |key: &str, n: i64| with(locale, key, "duration", &quantity(fact, n, locale));
    match (fact, value) {
        (Fact::Age, None) => message("person-age-unknown"),
        (_, None) => message("person-unknown"),
        (_, Some(Value::Boolean(is))) if has(locale, &format!("{}-required", fact.key())) => {
            let phrase = if *is { "person-yes" } else { "person-no" };
            yes_no_phrase(fact, phrase, locale).unwrap_or_default()
        }
        (Fact::Age, Some(Value::Integer(0))) => message("person-age-0"),
        (Fact::Age, Some(Value::Integer(age))) => counted("person-age", *age),
        (Fact::BirthDate, Some(Value::Date(date))) => with(
            locale,
            "person-birth-date",
            "date",
            &day_month_year(*date, locale),
        ),
        (Fact::PostalCode, Some(Value::Text(code))) => {
            with(locale, "person-postal-code", "code", code)
        }
        (Fact::Commune | Fact::Department, Some(_)) => {
            let (commune, department) = match fact {
                Fact::Commune => (value, None),
                _ => (None, value),
            };
            let department = department.cloned().or_else(|| match commune {
                Some(Value::Text(code)) => geo::department_of_commune(code)
                    .map(|department| Value::Text(department.to_owned())),
                _ => None,
            });
            place_text(commune, department.as_ref(), communes, locale)
        }
        (Fact::Region, Some(Value::Text(code))) => {
            with(locale, "person-region", "region", &region_text(code))
        }
        (Fact::UnemploymentMonths, Some(Value::Integer(0))) => message("person-unemployment-0"),
        (Fact::UnemploymentMonths, Some(Value::Integer(n))) => duration("person-unemployment", *n),
        (Fact::Benefits, Some(Value::Set(benefits))) if benefits.is_empty() => {
            message("person-benefits-none")
        }
        (Fact::Benefits, Some(Value::Set(benefits))) => {
            let named = listed(benefits, &|benefit| benefit_with_article(benefit, locale));
            with(locale, "person-benefits", "benefits", &named)
        }
        (Fact::SupportInProgress, Some(Value::Set(supports))) if supports.is_empty() => {
            message("person-support-none")
        }
        (Fact::SupportInProgress, Some(Value::Set(supports))) => {
            let named = listed(supports, &|support| value_label(fact, support, locale));
            with(locale, "person-support", "supports", &named)
        }
        (Fact::QualificationLevel, Some(Value::Integer(level))) if *level <= 2 => {
            message("person-no-diploma")
        }
        (Fact::QualificationLevel, Some(Value::Integer(level))) => with(
            locale,
            "person-diploma",
            "diploma",
            &qualification(*level, locale),
        ),
        (Fact::FirstResidencePermitYears, Some(Value::Integer(0))) => {
            message("person-first-permit-0")
        }
        (Fact::FirstResidencePermitYears, Some(Value::Integer(n))) => {
            duration("person-first-permit", *n)
        }
        (Fact::ChildrenCount, Some(Value::Integer(0))) => message("person-children-0"),
        (Fact::ChildrenCount, Some(Value::Integer(n))) => counted("person-children", *n),
        (Fact::YoungestChildAge, Some(Value::Integer(0))) => message("person-youngest-child-0"),
        (Fact::YoungestChildAge, Some(Value::Integer(n))) => counted("person-youngest-child", *n),
        (Fact::HouseholdSize, Some(Value::Integer(1))) => message("person-alone"),
        (Fact::HouseholdSize, Some(Value::Integer(n))) => counted("person-household", *n),
        (Fact::Disability, Some(Value::Set(conditions))) if conditions.is_empty() => {
            message("person-disability-none")
        }
        (Fact::Disability, Some(Value::Set(conditions))) => {
            let named = listed(conditions, &|condition| {
                value_label(fact, condition, locale)
            });
            with(locale, "person-disability", "conditions", &named)
        }
        (Fact::MonthsInFrance, Some(Value::Integer(0))) => message("person-months-in-france-0"),
        (Fact::MonthsInFrance, Some(Value::Integer(n))) => duration("person-months-in-france", *n),
        (Fact::WorkIncome, Some(Value::Integer(0))) => message("person-work-income-0"),
        (Fact::WorkIncome, Some(Value::Integer(n))) => {
            with(locale, "person-work-income", "amount", &euros(*n, locale))
        }
        (Fact::MonthlyResources, Some(Value::Integer(n))) => {
            with(locale, "person-resources", "amount", &euros(*n, locale))
        }
        (_, Some(Value::Text(choice))) => optional(locale, &fact.person_key(choice))
            .unwrap_or_else(|| {
                with(
                    locale,
                    "person-answer",
                    "answer",
                    &value_label(fact, choice, locale),
                )
            }),
        (_, Some(value)) => with(
            locale,
            "person-answer",
            "answer",
            &value_text(fact, value, communes, locale),
        ),
    }
}

/// A condition's own sentence, made the first time a language asks.
impl Condition {
    /// The condition as a sentence, without the person's value: its label,
    /// or the generated sentence ("Avoir entre 16 et 25 ans"), made the
    /// first time a language asks.
    pub fn text(&self, locale: Locale) -> Cow<'_, str> {
        let (first, text) = self
            .first_text
            .get_or_init(|| (locale, self.make_text(locale).into()));
        if *first == locale {
            return Cow::Borrowed(text);
        }
        let text = (self.other_texts).get_or_make(locale, || self.make_text(locale).into());
        Cow::Owned(text.to_string())
    }

    /// The label, or the generated sentence.
    fn make_text(&self, locale: Locale) -> String {
        match self.label() {
            Some(label) => label.get(locale).to_owned(),
            None => {
                crate::text::in_language(Condition::generated_text(self.test(), locale), locale)
            }
        }
    }

    /// The generated sentence of a condition, without the person's value.
    pub(crate) fn generated_text(test: &Test, locale: Locale) -> String {
        match test {
            Test::All(_) => all_of(locale),
            Test::Any(_) => any_of(locale),
            Test::Not(_) => none_of(locale),
            Test::Equals { fact, value } => equals_text(*fact, value, locale),
            Test::In { fact, values } | Test::HasAny { fact, values } => {
                one_of_text(*fact, values, locale)
            }
            Test::Compare { fact, op, value } => compare_text(*fact, *op, *value, locale),
            Test::Between { fact, min, max } => between_text(*fact, *min, *max, locale),
            Test::Age { min, max } => age_text(*min, *max, locale),
            Test::InZone(zone) => zone_text(zone, locale),
            Test::Answer { question, values } => answer_text(question, values, locale),
            Test::ToCheck(what) => crate::rules::messages::RuleMessage::ToCheckItem {
                what: what.get(locale),
            }
            .text(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::diagnosis::{Service, UrgentAlert};
    use crate::vocabulary::facts::FactType;

    /// The keys the code makes, each in French and English: a key the
    /// files lack would show as the key itself.
    #[test]
    fn every_key_the_code_makes_is_in_french_and_english() {
        let mut keys: Vec<String> = Vec::new();
        for fact in Fact::ALL {
            keys.push(fact.key());
            if let FactType::OneOf(values) | FactType::SetOf(values) = fact.value_type() {
                keys.extend(values.iter().map(|value| fact.value_key(value)));
            }
        }
        keys.extend(Service::ALL.iter().map(|service| service.key().to_owned()));
        keys.extend(UrgentAlert::ALL.iter().map(|alert| alert.key()));
        keys.extend((1..=7).map(|day| format!("weekday-{day}")));
        keys.extend((1..=12).map(|month| format!("month-{month}")));
        for comparison in [
            Comparison::Less,
            Comparison::LessOrEqual,
            Comparison::Greater,
            Comparison::GreaterOrEqual,
        ] {
            keys.push(comparison.key().to_owned());
        }
        for unit in ["months", "years", "children", "people"] {
            keys.push(format!("{unit}_one"));
            keys.push(format!("{unit}_other"));
        }
        let mut missing = Vec::new();
        for key in &keys {
            for locale in [Locale::Fr, Locale::En] {
                if locale.language().message(key).is_none() {
                    missing.push(format!("{} {key}", locale.tag()));
                }
            }
        }
        assert!(missing.is_empty(), "missing: {missing:#?}");
    }

    #[test]
    fn french_and_english_files_have_the_same_keys() {
        let keys = |locale: Locale| {
            let mut keys: Vec<&str> = locale
                .language()
                .message_keys()
                .filter(|key| {
                    crate::vocabulary::referentials::Referential::Themes
                        .label(key)
                        .is_none()
                })
                .collect();
            keys.sort_unstable();
            keys
        };
        assert_eq!(keys(Locale::Fr), keys(Locale::En));
    }
}
