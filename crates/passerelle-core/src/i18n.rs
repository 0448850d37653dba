//! The grammar of the texts still written in code: dates, facts and
//! their values, urgent services, explanations' sentences.
//!
//! French comes first, English second. Texts are short sentences with
//! everyday words: many people who read them read with difficulty. The
//! core's messages are in [`crate::messages`] and the translation files.

use crate::communes::Communes;
use crate::facts::{Fact, Value};
use crate::geo;
use crate::rules::{Comparison, Zone};

pub use crate::text::Locale;

/// French or English: the two languages whose texts are still written
/// here, until they move to the translation files (`locales/`). Every
/// other language reads French here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

impl From<Locale> for Lang {
    fn from(locale: Locale) -> Lang {
        if locale == Locale::En {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

// Plan print view and referral sheet.

/// A date in words: "vendredi 27 novembre 2026" (with "1er" for the first
/// of the month), "Friday 27 November 2026".
pub(crate) fn long_date(date: crate::date::Date, locale: Locale) -> String {
    const DAYS: [[&str; 7]; 2] = [
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    ];
    const MONTHS: [[&str; 12]; 2] = [
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    ];
    let language = usize::from(locale == Locale::En);
    let weekday = DAYS[language][date.weekday() as usize];
    // A date's month is 1 to 12.
    let month = MONTHS[language][usize::from(date.month().clamp(1, 12)) - 1];
    match (Lang::from(locale), date.day()) {
        (Lang::Fr, 1) => format!("{weekday} 1er {month} {}", date.year()),
        _ => format!("{weekday} {} {month} {}", date.day(), date.year()),
    }
}

// ---------------------------------------------------------------------------
// Needs: data·inclusion themes and categories, in words.
// ---------------------------------------------------------------------------

/// A need's theme in words: a data·inclusion theme (its French label from
/// the referential) or a whole category; `None` for neither.
///
/// ```
/// use passerelle_core::i18n::{theme_label, Locale};
/// assert_eq!(theme_label("difficultes-financieres", Locale::En), Some("Money and debts"));
/// assert_eq!(theme_label("sante--acces-aux-soins", Locale::Fr), Some("Accès aux soins"));
/// assert_eq!(theme_label("astrologie", Locale::Fr), None);
/// ```
pub fn theme_label(theme: &str, locale: Locale) -> Option<&'static str> {
    use crate::referentials::Referential;
    use crate::theme_labels::{CATEGORIES, THEMES_EN};
    if let Some((_, fr, en)) = CATEGORIES.iter().find(|(value, _, _)| *value == theme) {
        return Some(pick(locale, fr, en));
    }
    match Lang::from(locale) {
        Lang::Fr => Referential::Themes.label(theme),
        Lang::En => THEMES_EN
            .iter()
            .find(|(value, _)| *value == theme)
            .map(|(_, label)| *label),
    }
}

// ---------------------------------------------------------------------------
// Urgent alerts and the services to contact at once.
// ---------------------------------------------------------------------------

/// A service to contact at once in an urgent situation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Shelter115,
    Meals115,
    SocialCentre,
    ViolenceWomen3919,
    Police17,
    Emergency112,
    Sms114,
    ChildInDanger119,
    Samu15,
}

/// Who answers at a service, in words. Sources: service-public.fr F33954
/// ("Quels sont les numéros d'urgence ?") and `data/SOURCES.md`.
pub fn service_name(service: Service, locale: Locale) -> &'static str {
    // When each answers and at what cost is said apart
    // (`Contact::availability`), from the contact table's facts.
    match service {
        Service::Shelter115 => pick(
            locale,
            "115\u{a0}: hébergement d’urgence",
            "115: emergency shelter",
        ),
        Service::Meals115 => pick(
            locale,
            "115\u{a0}: il vous dit où trouver un repas aujourd’hui",
            "115: it tells you where to get a meal today",
        ),
        Service::SocialCentre => pick(
            locale,
            "Le centre communal d’action sociale (CCAS) de votre mairie\u{a0}: il peut vous aider à avoir à manger",
            "The social action centre (CCAS) of your town hall: it can help you get food",
        ),
        Service::ViolenceWomen3919 => pick(
            locale,
            "3919\u{a0}: écoute pour les femmes victimes de violences, anonyme",
            "3919: help line for women facing violence, anonymous",
        ),
        Service::Police17 => pick(
            locale,
            "17\u{a0}: police ou gendarmerie, si vous êtes en danger tout de suite",
            "17: police, if you are in danger right now",
        ),
        Service::Emergency112 => pick(
            locale,
            "112\u{a0}: numéro d’urgence européen",
            "112: European emergency number",
        ),
        Service::Sms114 => pick(
            locale,
            "114\u{a0}: par SMS, si vous ne pouvez pas parler ou entendre",
            "114: by text message, if you cannot speak or hear",
        ),
        Service::ChildInDanger119 => pick(
            locale,
            "119\u{a0}: enfance en danger",
            "119: children in danger",
        ),
        Service::Samu15 => pick(
            locale,
            "15\u{a0}: SAMU, urgence médicale",
            "15: SAMU, medical emergency",
        ),
    }
}

/// What to tell the person when an urgent alert is raised.
pub fn alert_text(alert: crate::diagnosis::UrgentAlert, locale: Locale) -> &'static str {
    use crate::diagnosis::UrgentAlert;
    match alert {
        UrgentAlert::Shelter => pick(
            locale,
            "Vous n’avez pas d’endroit sûr pour dormir ce soir. Appelez le 115.",
            "You have no safe place to sleep tonight. Call 115.",
        ),
        UrgentAlert::Food => pick(
            locale,
            "Vous n’avez pas de quoi manger. Une aide existe aujourd’hui.",
            "You do not have enough to eat. Help exists today.",
        ),
        UrgentAlert::Violence => pick(
            locale,
            "Vous êtes peut-être en danger. Vous pouvez appeler à l’aide.",
            "You may be in danger. You can call for help.",
        ),
        UrgentAlert::ChildInDanger => pick(
            locale,
            "Un enfant est peut-être en danger. Appelez le 119.",
            "A child may be in danger. Call 119.",
        ),
        UrgentAlert::MedicalEmergency => pick(
            locale,
            "Vous avez besoin de soins urgents. Appelez le 15 ou le 112.",
            "You need urgent care. Call 15 or 112.",
        ),
    }
}

// ---------------------------------------------------------------------------
// Sentences of eligibility explanations (see `rules::Condition::explain`).
// ---------------------------------------------------------------------------

/// Picks the French or the English text.
fn pick<'a>(locale: Locale, fr: &'a str, en: &'a str) -> &'a str {
    match Lang::from(locale) {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Joins a condition and the person's value: "Avoir entre 16 et 25 ans :
/// vous avez 22 ans".
pub(crate) fn with_person(condition: &str, person: Option<&str>, locale: Locale) -> String {
    match person {
        Some(person) => {
            let separator = pick(locale, "\u{a0}: ", ": ");
            let mut text = String::with_capacity(condition.len() + separator.len() + person.len());
            text.push_str(condition);
            text.push_str(separator);
            text.push_str(person);
            text
        }
        None => condition.to_owned(),
    }
}

pub(crate) fn all_of(locale: Locale) -> &'static str {
    pick(locale, "Toutes ces conditions", "All of these conditions")
}

pub(crate) fn any_of(locale: Locale) -> &'static str {
    pick(
        locale,
        "Au moins une de ces conditions",
        "At least one of these conditions",
    )
}

pub(crate) fn none_of(locale: Locale) -> &'static str {
    pick(
        locale,
        "Pas la condition suivante",
        "Not the following condition",
    )
}

/// Phrases of a yes/no fact: (requirement, negated requirement, the person
/// is, the person is not), in French then English.
fn yes_no_phrases(fact: Fact) -> Option<[[&'static str; 4]; 2]> {
    Some(match fact {
        Fact::RegisteredJobseeker => [
            [
                "Être inscrit à France Travail",
                "Ne pas être inscrit à France Travail",
                "vous êtes inscrit",
                "vous n’êtes pas inscrit",
            ],
            [
                "Be registered with France Travail",
                "Not be registered with France Travail",
                "you are registered",
                "you are not registered",
            ],
        ],
        Fact::Rqth => [
            [
                "Être reconnu travailleur handicapé (RQTH)",
                "Ne pas être reconnu travailleur handicapé (RQTH)",
                "vous avez la RQTH",
                "vous n’avez pas la RQTH",
            ],
            [
                "Be recognised as a disabled worker (RQTH)",
                "Not be recognised as a disabled worker (RQTH)",
                "you have the RQTH",
                "you do not have the RQTH",
            ],
        ],
        Fact::InEducation => [
            [
                "Être à l’école ou en études",
                "Ne pas être à l’école ni en études",
                "vous êtes à l’école ou en études",
                "vous n’êtes pas à l’école ni en études",
            ],
            [
                "Be at school or studying",
                "Not be at school or studying",
                "you are at school or studying",
                "you are not at school or studying",
            ],
        ],
        Fact::ResidencePermitWork => [
            [
                "Avoir un titre de séjour qui permet de travailler",
                "Ne pas avoir de titre de séjour qui permet de travailler",
                "vous en avez un",
                "vous n’en avez pas",
            ],
            [
                "Hold a residence permit that allows work",
                "Not hold a residence permit that allows work",
                "you hold one",
                "you do not hold one",
            ],
        ],
        Fact::SingleParent => [
            [
                "Élever seul ses enfants",
                "Ne pas élever seul ses enfants",
                "vous élevez seul vos enfants",
                "vous n’élevez pas seul vos enfants",
            ],
            [
                "Raise children alone",
                "Not raise children alone",
                "you raise your children alone",
                "you do not raise your children alone",
            ],
        ],
        Fact::DrivingLicence => [
            [
                "Avoir le permis de conduire (B)",
                "Ne pas avoir le permis de conduire (B)",
                "vous l’avez",
                "vous ne l’avez pas",
            ],
            [
                "Hold a driving licence (B)",
                "Not hold a driving licence (B)",
                "you hold one",
                "you do not hold one",
            ],
        ],
        Fact::Vehicle => [
            [
                "Avoir un véhicule",
                "Ne pas avoir de véhicule",
                "vous en avez un",
                "vous n’en avez pas",
            ],
            [
                "Have a vehicle",
                "Not have a vehicle",
                "you have one",
                "you do not have one",
            ],
        ],
        Fact::LivesInQpv => [
            [
                "Habiter dans un quartier prioritaire (QPV)",
                "Ne pas habiter dans un quartier prioritaire (QPV)",
                "vous y habitez",
                "vous n’y habitez pas",
            ],
            [
                "Live in a priority neighbourhood (QPV)",
                "Not live in a priority neighbourhood (QPV)",
                "you live in one",
                "you do not live in one",
            ],
        ],
        Fact::Couple => [
            [
                "Vivre en couple",
                "Ne pas vivre en couple",
                "vous vivez en couple",
                "vous ne vivez pas en couple",
            ],
            [
                "Live as a couple",
                "Not live as a couple",
                "you live as a couple",
                "you do not live as a couple",
            ],
        ],
        Fact::Pregnant => [
            [
                "Être enceinte",
                "Ne pas être enceinte",
                "vous êtes enceinte",
                "vous n’êtes pas enceinte",
            ],
            [
                "Be pregnant",
                "Not be pregnant",
                "you are pregnant",
                "you are not pregnant",
            ],
        ],
        _ => return None,
    })
}

/// The name of a fact, capitalised, for "Name : value" sentences.
pub(crate) fn fact_label(fact: Fact, locale: Locale) -> &'static str {
    let (fr, en) = match fact {
        Fact::BirthDate => ("Date de naissance", "Date of birth"),
        Fact::Age => ("Âge", "Age"),
        Fact::PostalCode => ("Code postal", "Postal code"),
        Fact::Commune => ("Commune", "Municipality"),
        Fact::Department => ("Département", "Department"),
        Fact::Region => ("Région", "Region"),
        Fact::EmploymentStatus => ("Situation", "Situation"),
        Fact::RegisteredJobseeker => (
            "Inscription à France Travail",
            "Registered with France Travail",
        ),
        Fact::UnemploymentMonths => ("Temps sans emploi", "Time without work"),
        Fact::Benefits => ("Aides reçues", "Benefits received"),
        Fact::Rqth => ("RQTH", "RQTH"),
        Fact::QualificationLevel => ("Niveau de diplôme", "Qualification level"),
        Fact::InEducation => ("À l’école ou en études", "At school or studying"),
        Fact::Nationality => ("Nationalité", "Nationality"),
        Fact::ResidencePermitWork => (
            "Titre de séjour qui permet de travailler",
            "Residence permit that allows work",
        ),
        Fact::FirstResidencePermitYears => (
            "Temps depuis le premier titre de séjour",
            "Time since the first residence permit",
        ),
        Fact::Housing => ("Logement", "Housing"),
        Fact::ChildrenCount => ("Enfants à charge", "Dependent children"),
        Fact::SingleParent => ("Parent seul", "Single parent"),
        Fact::YoungestChildAge => ("Âge du plus jeune enfant", "Age of the youngest child"),
        Fact::DrivingLicence => ("Permis de conduire", "Driving licence"),
        Fact::Vehicle => ("Véhicule", "Vehicle"),
        Fact::MonthlyResources => (
            "Ressources du foyer par mois",
            "Household resources per month",
        ),
        Fact::FrenchLevel => ("Niveau de français", "French level"),
        Fact::DigitalAutonomy => ("Autonomie avec le numérique", "Digital skills"),
        Fact::LivesInQpv => ("Quartier prioritaire (QPV)", "Priority neighbourhood (QPV)"),
        Fact::SupportInProgress => ("Suivi en cours", "Support in progress"),
        Fact::Couple => ("En couple", "Living as a couple"),
        Fact::HouseholdSize => ("Personnes dans le foyer", "People in the household"),
        Fact::Disability => ("Handicap ou santé", "Disability or health"),
        Fact::ResidenceStatus => ("Situation de séjour", "Residence status"),
        Fact::MonthsInFrance => ("Temps de vie en France", "Time living in France"),
        Fact::Pregnant => ("Grossesse", "Pregnancy"),
        Fact::WorkIncome => ("Revenus du travail par mois", "Income from work per month"),
    };
    pick(locale, fr, en)
}

/// The label of one allowed value of a one-of or set fact, as it follows
/// the fact's name ("Logement : locataire").
fn value_label(fact: Fact, value: &str, locale: Locale) -> String {
    let (fr, en) = match (fact, value) {
        (Fact::EmploymentStatus, "employed") => ("en emploi", "employed"),
        (Fact::EmploymentStatus, "jobseeker") => ("en recherche d’emploi", "looking for work"),
        (Fact::EmploymentStatus, "student") => ("élève ou étudiant", "student"),
        (Fact::EmploymentStatus, "in_training") => ("en formation", "in training"),
        (Fact::EmploymentStatus, "apprentice") => ("en apprentissage", "apprentice"),
        (Fact::EmploymentStatus, "self_employed") => ("indépendant", "self-employed"),
        (Fact::EmploymentStatus, "inactive") => ("sans activité", "not working"),
        (Fact::EmploymentStatus, "retired") => ("à la retraite", "retired"),
        (Fact::Benefits, "rsa") => ("RSA (revenu de solidarité active)", "RSA (minimum income)"),
        (Fact::Benefits, "ass") => (
            "ASS (allocation de solidarité spécifique)",
            "ASS (unemployment assistance once rights to unemployment benefit end)",
        ),
        (Fact::Benefits, "aah") => (
            "AAH (allocation aux adultes handicapés)",
            "AAH (disabled adult allowance)",
        ),
        (Fact::Benefits, "are") => ("allocation chômage (ARE)", "unemployment benefit (ARE)"),
        (Fact::Benefits, "prime_activite") => (
            "prime d’activité",
            "prime d’activité (earned income supplement for low-paid workers)",
        ),
        (Fact::Nationality, "french") => ("française", "French"),
        (Fact::Nationality, "eu") => ("Union européenne, EEE ou Suisse", "EU, EEA or Swiss"),
        (Fact::Nationality, "non_eu") => ("hors Union européenne", "non-EU"),
        (Fact::Housing, "owner") => ("propriétaire", "owner"),
        (Fact::Housing, "tenant") => ("locataire", "tenant"),
        (Fact::Housing, "hosted") => ("hébergé chez quelqu’un", "staying with someone"),
        (Fact::Housing, "emergency_shelter") => {
            ("en hébergement d’urgence", "in an emergency shelter")
        }
        (Fact::Housing, "homeless") => ("sans logement", "homeless"),
        (Fact::Housing, "other") => ("autre", "other"),
        (Fact::FrenchLevel, "fluent") => ("à l’aise", "fluent"),
        (Fact::FrenchLevel, "basic") => ("quelques bases", "basic"),
        (Fact::FrenchLevel, "none") => ("pas encore", "none yet"),
        (Fact::DigitalAutonomy, "autonomous") => ("autonome", "independent"),
        (Fact::DigitalAutonomy, "needs_help") => ("besoin d’aide", "needs help"),
        (Fact::DigitalAutonomy, "no_access") => ("pas d’accès", "no access"),
        (Fact::SupportInProgress, "france_travail") => {
            ("un conseiller France Travail", "a France Travail adviser")
        }
        (Fact::SupportInProgress, "mission_locale") => ("la Mission locale", "the Mission locale"),
        (Fact::SupportInProgress, "cej") => (
            "le contrat d’engagement jeune (CEJ)",
            "the youth commitment contract (CEJ)",
        ),
        (Fact::SupportInProgress, "cap_emploi") => ("Cap emploi", "Cap emploi"),
        (Fact::SupportInProgress, "plie") => ("un PLIE", "a PLIE"),
        (Fact::SupportInProgress, "rsa_referent") => ("un référent RSA", "an RSA referent"),
        (Fact::SupportInProgress, "social_worker") => (
            "un travailleur social (département, CCAS)",
            "a social worker (département, CCAS)",
        ),
        (Fact::SupportInProgress, "siao") => ("le SIAO", "the SIAO"),
        (Fact::Benefits, "asf") => (
            "ASF (allocation de soutien familial)",
            "ASF (family support allowance)",
        ),
        (Fact::Benefits, "allocations_familiales") => {
            ("allocations familiales", "family allowances")
        }
        (Fact::Benefits, "paje") => (
            "PAJE (prestation d’accueil du jeune enfant)",
            "PAJE (young child benefit)",
        ),
        (Fact::Benefits, "apl") => ("APL (aide au logement)", "APL (housing benefit)"),
        (Fact::Benefits, "ars") => (
            "ARS (allocation de rentrée scolaire)",
            "ARS (back-to-school allowance)",
        ),
        (Fact::Benefits, "aspa") => (
            "ASPA (minimum vieillesse)",
            "ASPA (minimum old-age pension)",
        ),
        (Fact::Benefits, "pch") => (
            "PCH (prestation de compensation du handicap)",
            "PCH (disability compensation)",
        ),
        (Fact::Benefits, "ada") => (
            "ADA (allocation pour demandeur d’asile)",
            "ADA (asylum seeker’s allowance)",
        ),
        (Fact::Benefits, "c2s") => (
            "complémentaire santé solidaire (C2S)",
            "free or low-cost health cover (C2S)",
        ),
        (Fact::Disability, "cmi_invalidite") => (
            "carte mobilité inclusion mention invalidité",
            "inclusion mobility card marked invalidité",
        ),
        (Fact::Disability, "invalidity_pension") => ("pension d’invalidité", "invalidity pension"),
        (Fact::Disability, "health_limits_work") => (
            "un problème de santé qui limite le travail",
            "a health condition that limits work",
        ),
        (Fact::ResidenceStatus, "residence_permit") => ("titre de séjour", "residence permit"),
        (Fact::ResidenceStatus, "refugee") => ("réfugié", "refugee"),
        (Fact::ResidenceStatus, "subsidiary_protection") => {
            ("protection subsidiaire", "subsidiary protection")
        }
        (Fact::ResidenceStatus, "temporary_protection") => {
            ("protection temporaire", "temporary protection")
        }
        (Fact::ResidenceStatus, "asylum_seeker") => ("demandeur d’asile", "asylum seeker"),
        (Fact::ResidenceStatus, "no_permit") => ("sans titre de séjour", "no residence permit"),
        _ => return value.to_owned(),
    };
    pick(locale, fr, en).to_owned()
}

/// The person's one-of value as the second half of a sentence: "vous
/// êtes locataire", "you speak French well".
fn person_choice(fact: Fact, value: &str, locale: Locale) -> Option<&'static str> {
    let (fr, en) = match (fact, value) {
        (Fact::EmploymentStatus, "employed") => ("vous êtes en emploi", "you are employed"),
        (Fact::EmploymentStatus, "jobseeker") => (
            "vous êtes en recherche d’emploi",
            "you are looking for work",
        ),
        (Fact::EmploymentStatus, "student") => ("vous êtes élève ou étudiant", "you are a student"),
        (Fact::EmploymentStatus, "in_training") => {
            ("vous êtes en formation", "you are in training")
        }
        (Fact::EmploymentStatus, "apprentice") => {
            ("vous êtes en apprentissage", "you are an apprentice")
        }
        (Fact::EmploymentStatus, "self_employed") => {
            ("vous travaillez à votre compte", "you are self-employed")
        }
        (Fact::EmploymentStatus, "inactive") => ("vous êtes sans activité", "you are not working"),
        (Fact::EmploymentStatus, "retired") => ("vous êtes à la retraite", "you are retired"),
        (Fact::Nationality, "french") => ("vous êtes de nationalité française", "you are French"),
        (Fact::Nationality, "eu") => (
            "vous êtes citoyen de l’Union européenne, de l’EEE ou de la Suisse",
            "you are a citizen of the EU, the EEA or Switzerland",
        ),
        (Fact::Nationality, "non_eu") => (
            "vous avez une nationalité hors de l’Union européenne",
            "you are a national of a country outside the EU",
        ),
        (Fact::Housing, "owner") => ("vous êtes propriétaire", "you own your home"),
        (Fact::Housing, "tenant") => ("vous êtes locataire", "you rent your home"),
        (Fact::Housing, "hosted") => (
            "vous êtes hébergé chez quelqu’un",
            "you are staying with someone",
        ),
        (Fact::Housing, "emergency_shelter") => (
            "vous êtes en hébergement d’urgence",
            "you are in an emergency shelter",
        ),
        (Fact::Housing, "homeless") => ("vous n’avez pas de logement", "you have no home"),
        (Fact::Housing, "other") => (
            "vous avez un autre type de logement",
            "you have another kind of housing",
        ),
        (Fact::FrenchLevel, "fluent") => ("vous parlez bien français", "you speak French well"),
        (Fact::FrenchLevel, "basic") => (
            "vous avez quelques bases en français",
            "you have some basic French",
        ),
        (Fact::FrenchLevel, "none") => (
            "vous ne parlez pas encore français",
            "you do not speak French yet",
        ),
        (Fact::DigitalAutonomy, "autonomous") => (
            "vous êtes à l’aise avec le numérique",
            "you manage well with computers and phones",
        ),
        (Fact::DigitalAutonomy, "needs_help") => (
            "vous avez besoin d’aide avec le numérique",
            "you need help with computers and phones",
        ),
        (Fact::DigitalAutonomy, "no_access") => (
            "vous n’avez pas d’accès au numérique",
            "you have no access to a computer or the internet",
        ),
        (Fact::ResidenceStatus, "residence_permit") => (
            "vous avez un titre de séjour",
            "you hold a residence permit",
        ),
        (Fact::ResidenceStatus, "refugee") => {
            ("vous avez le statut de réfugié", "you have refugee status")
        }
        (Fact::ResidenceStatus, "subsidiary_protection") => (
            "vous avez la protection subsidiaire",
            "you have subsidiary protection",
        ),
        (Fact::ResidenceStatus, "temporary_protection") => (
            "vous avez la protection temporaire",
            "you have temporary protection",
        ),
        (Fact::ResidenceStatus, "asylum_seeker") => {
            ("vous avez demandé l’asile", "you have applied for asylum")
        }
        (Fact::ResidenceStatus, "no_permit") => (
            "vous n’avez pas de titre de séjour pour le moment",
            "you do not hold a residence permit at the moment",
        ),
        _ => return None,
    };
    Some(pick(locale, fr, en))
}

/// A benefit with its article, for "vous recevez le RSA".
fn benefit_with_article(benefit: &str, locale: Locale) -> String {
    let label = value_label(Fact::Benefits, benefit, locale);
    match Lang::from(locale) {
        Lang::En => label,
        Lang::Fr => match benefit {
            "rsa" => format!("le {label}"),
            "prime_activite" => format!("la {label}"),
            "ass" | "aah" | "are" | "asf" | "apl" | "ars" | "aspa" | "ada" => {
                format!("l’{label}")
            }
            "paje" | "pch" | "c2s" => format!("la {label}"),
            "allocations_familiales" => format!("les {label}"),
            _ => label,
        },
    }
}

/// A whole number as a person reads it: "1 200" (with a narrow
/// non-breaking space) in French, "1,200" in English.
fn number(n: i64, locale: Locale) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = pick(locale, "\u{202f}", ",");
    let mut text = String::with_capacity(digits.len() + 4);
    if n < 0 {
        text.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push_str(separator);
        }
        text.push(digit);
    }
    text
}

/// An amount in euros: "1 200 €", "€1,200".
fn euros(n: i64, locale: Locale) -> String {
    match Lang::from(locale) {
        Lang::Fr => format!("{}\u{a0}€", number(n, locale)),
        Lang::En => format!("€{}", number(n, locale)),
    }
}

/// A number of years, months or children with its noun, singular or
/// plural: "1 an", "3 ans", "1 year", "3 years".
fn count(n: i64, one: (&str, &str), many: (&str, &str), locale: Locale) -> String {
    // `unsigned_abs`: a rule may compare with any whole number, i64::MIN too.
    let noun = if n.unsigned_abs() < 2 && locale == Locale::Fr || n.unsigned_abs() == 1 {
        pick(locale, one.0, one.1)
    } else {
        pick(locale, many.0, many.1)
    };
    format!("{}{}{noun}", number(n, locale), pick(locale, "\u{a0}", " "))
}

/// A qualification level in words: "niveau 3 (CAP, BEP)".
fn qualification(level: i64, locale: Locale) -> String {
    let diploma = match level {
        ..=2 => pick(locale, "sans diplôme", "no diploma"),
        3 => "CAP, BEP",
        4 => pick(locale, "baccalauréat", "baccalauréat, A level"),
        5 => pick(locale, "bac\u{a0}+\u{a0}2", "two years of higher education"),
        6 => pick(locale, "licence, bac\u{a0}+\u{a0}3", "bachelor’s degree"),
        7 => pick(locale, "master, bac\u{a0}+\u{a0}5", "master’s degree"),
        _ => pick(locale, "doctorat", "doctorate"),
    };
    format!(
        "{}\u{a0}{level} ({diploma})",
        pick(locale, "niveau", "level")
    )
}

/// A number with the unit of its fact, as a condition states it: "12
/// mois", "1 200 €", "niveau 3 (CAP, BEP)".
fn quantity(fact: Fact, n: i64, locale: Locale) -> String {
    match fact {
        Fact::UnemploymentMonths => count(n, ("mois", "month"), ("mois", "months"), locale),
        Fact::MonthlyResources => euros(n, locale),
        Fact::FirstResidencePermitYears | Fact::YoungestChildAge | Fact::Age => {
            count(n, ("an", "year"), ("ans", "years"), locale)
        }
        Fact::ChildrenCount => count(n, ("enfant", "child"), ("enfants", "children"), locale),
        Fact::HouseholdSize => count(n, ("personne", "person"), ("personnes", "people"), locale),
        Fact::MonthsInFrance if n >= 12 && n % 12 == 0 => {
            count(n / 12, ("an", "year"), ("ans", "years"), locale)
        }
        Fact::MonthsInFrance => count(n, ("mois", "month"), ("mois", "months"), locale),
        Fact::WorkIncome => euros(n, locale),
        Fact::QualificationLevel => qualification(n, locale),
        _ => number(n, locale),
    }
}

/// "A, B ou C" / "A, B or C".
fn alternatives(items: &[String], locale: Locale) -> String {
    list(items, pick(locale, "ou", "or"))
}

/// "A, B et C" / "A, B and C".
fn together(items: &[String], locale: Locale) -> String {
    list(items, pick(locale, "et", "and"))
}

fn list(items: &[String], last_word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {last_word} {last}", rest.join(", ")),
    }
}

pub(crate) fn equals_text(fact: Fact, value: &Value, locale: Locale) -> String {
    match (yes_no_phrases(fact), value) {
        (Some(phrases), Value::Boolean(expected)) => {
            let phrases = phrases[usize::from(locale == Locale::En)];
            phrases[usize::from(!expected)].to_owned()
        }
        _ => format!(
            "{}{} {}",
            fact_label(fact, locale),
            pick(locale, " :", ":"),
            value_text(fact, value, &Communes::default(), locale)
        ),
    }
}

pub(crate) fn answer_text(question: &str, values: &[String], locale: Locale) -> String {
    format!(
        "{} « {question} »{} {}",
        pick(locale, "Réponse à la question", "Answer to the question"),
        pick(locale, " :", ":"),
        alternatives(values, locale)
    )
}

pub(crate) fn one_of_text(fact: Fact, values: &[String], locale: Locale) -> String {
    let labels: Vec<String> = values
        .iter()
        .map(|value| value_label(fact, value, locale))
        .collect();
    format!(
        "{}{} {}",
        fact_label(fact, locale),
        pick(locale, " :", ":"),
        alternatives(&labels, locale)
    )
}

pub(crate) fn compare_text(fact: Fact, op: Comparison, value: i64, locale: Locale) -> String {
    let op = match op {
        Comparison::Less => pick(locale, "moins de", "less than"),
        Comparison::LessOrEqual => pick(locale, "au plus", "at most"),
        Comparison::Greater => pick(locale, "plus de", "more than"),
        Comparison::GreaterOrEqual => pick(locale, "au moins", "at least"),
    };
    format!(
        "{}{} {op} {}",
        fact_label(fact, locale),
        pick(locale, " :", ":"),
        quantity(fact, value, locale)
    )
}

pub(crate) fn between_text(fact: Fact, min: i64, max: i64, locale: Locale) -> String {
    if fact == Fact::MonthsInFrance {
        // Both bounds in years when both are whole years, else in months:
        // "entre 3 et 12 mois", "entre 5 et 10 ans", never "entre 3 et 1 an".
        let (min, max, one, many) = if min % 12 == 0 && max % 12 == 0 {
            (min / 12, max / 12, ("an", "year"), ("ans", "years"))
        } else {
            (min, max, ("mois", "month"), ("mois", "months"))
        };
        return format!(
            "{}{} {} {} {} {}",
            fact_label(fact, locale),
            pick(locale, " :", ":"),
            pick(locale, "entre", "between"),
            number(min, locale),
            pick(locale, "et", "and"),
            count(max, one, many, locale)
        );
    }
    let min = match fact {
        // "entre 1 et 3 ans", "entre 0 et 700 €": the unit once, at the end.
        Fact::UnemploymentMonths
        | Fact::FirstResidencePermitYears
        | Fact::YoungestChildAge
        | Fact::Age
        | Fact::ChildrenCount
        | Fact::HouseholdSize => number(min, locale),
        Fact::MonthlyResources | Fact::WorkIncome if locale == Locale::Fr => number(min, locale),
        _ => quantity(fact, min, locale),
    };
    format!(
        "{}{} {} {min} {} {}",
        fact_label(fact, locale),
        pick(locale, " :", ":"),
        pick(locale, "entre", "between"),
        pick(locale, "et", "and"),
        quantity(fact, max, locale)
    )
}

pub(crate) fn age_text(min: Option<i64>, max: Option<i64>, locale: Locale) -> String {
    match (min, max, Lang::from(locale)) {
        (Some(min), Some(max), Lang::Fr) if min == max => format!("Avoir {min} ans"),
        (Some(min), Some(max), Lang::En) if min == max => format!("Be {min} years old"),
        (Some(min), Some(max), Lang::Fr) => format!("Avoir entre {min} et {max} ans"),
        (Some(min), Some(max), Lang::En) => format!("Be between {min} and {max} years old"),
        (Some(min), None, Lang::Fr) => format!("Avoir au moins {min} ans"),
        (Some(min), None, Lang::En) => format!("Be at least {min} years old"),
        (None, Some(max), Lang::Fr) => format!("Avoir au plus {max} ans"),
        (None, Some(max), Lang::En) => format!("Be at most {max} years old"),
        (None, None, _) => pick(locale, "Avoir un âge connu", "Have a known age").to_owned(),
    }
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
        .map(
            |(department, n)| match (department, n, Lang::from(locale)) {
                (Some(d), 1, Lang::Fr) => format!("une commune de {}", department_text(d)),
                (Some(d), n, Lang::Fr) => format!("{n} communes de {}", department_text(d)),
                (Some(d), 1, Lang::En) => format!("a municipality of {}", department_text(d)),
                (Some(d), n, Lang::En) => format!("{n} municipalities of {}", department_text(d)),
                (None, 1, _) => pick(locale, "une autre commune", "another municipality").into(),
                (None, n, Lang::Fr) => format!("{n} autres communes"),
                (None, n, Lang::En) => format!("{n} other municipalities"),
            },
        )
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
        return pick(locale, "Habiter en France", "Live in France").to_owned();
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
        return format!("{} {one}", pick(locale, "Habiter à", "Live in"));
    }
    let places: Vec<String> = regions
        .chain(departments)
        .chain(named)
        .chain(unnamed)
        .collect();
    format!(
        "{}{} {}",
        pick(locale, "Habiter", "Live in"),
        pick(locale, " :", ":"),
        alternatives(&places, locale)
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
        (Some(name), _) => format!("{} {name}", pick(locale, "vous habitez à", "you live in")),
        (None, Some(Value::Text(department))) => format!(
            "{} {}",
            pick(locale, "votre département est", "your department is"),
            department_text(department)
        ),
        _ => pick(
            locale,
            "nous ne savons pas encore où vous habitez",
            "we do not know yet where you live",
        )
        .to_owned(),
    }
}

/// A date without its weekday: "14 mars 2001", "14 March 2001".
pub(crate) fn day_month_year(date: crate::date::Date, locale: Locale) -> String {
    let long = long_date(date, locale);
    // "vendredi 27 novembre 2026": the weekday is the first word.
    long.split_once(' ')
        .map_or(long.clone(), |(_, rest)| rest.to_owned())
}

/// A fact's value in words, as it follows the fact's name ("Âge : 19
/// ans", "Commune : Saint-Denis, Seine-Saint-Denis (93)").
fn value_text(fact: Fact, value: &Value, communes: &Communes, locale: Locale) -> String {
    match (fact, value) {
        (_, Value::Boolean(true)) => pick(locale, "oui", "yes").to_owned(),
        (_, Value::Boolean(false)) => pick(locale, "non", "no").to_owned(),
        (_, Value::Integer(n)) => quantity(fact, *n, locale),
        (_, Value::Date(date)) => day_month_year(*date, locale),
        (Fact::Department, Value::Text(code)) => department_text(code),
        (Fact::Region, Value::Text(code)) => region_text(code),
        (Fact::Commune, Value::Text(code)) => {
            let department = geo::department_of_commune(code).map(department_text);
            match (communes.name(code), department) {
                (Some(name), Some(department)) => format!("{name}, {department}"),
                (Some(name), None) => name.to_owned(),
                (None, Some(department)) => format!(
                    "{} {code}, {department}",
                    pick(locale, "code Insee", "INSEE code")
                ),
                (None, None) => format!("{} {code}", pick(locale, "code Insee", "INSEE code")),
            }
        }
        (_, Value::Text(text)) => value_label(fact, text, locale),
        (_, Value::Set(items)) if items.is_empty() => pick(locale, "aucune", "none").to_owned(),
        (_, Value::Set(items)) => items
            .iter()
            .map(|item| value_label(fact, item, locale))
            .collect::<Vec<_>>()
            .join(", "),
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
        None => pick(locale, "pas encore connu", "not known yet").to_owned(),
        Some(value) => value_text(fact, value, communes, locale),
    };
    let text = format!(
        "{}{} {value}",
        fact_label(fact, locale),
        pick(locale, " :", ":")
    );
    in_language(text, locale)
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
    let text = match (fact, value) {
        (Fact::Age, None) => pick(
            locale,
            "nous ne connaissons pas encore votre âge",
            "we do not know your age yet",
        )
        .to_owned(),
        (_, None) => pick(locale, "nous ne le savons pas encore", "we do not know yet").to_owned(),
        (_, Some(Value::Boolean(is))) if yes_no_phrases(fact).is_some() => {
            let phrases =
                yes_no_phrases(fact).unwrap_or_default()[usize::from(locale == Locale::En)];
            phrases[2 + usize::from(!is)].to_owned()
        }
        (Fact::Age, Some(Value::Integer(0))) => pick(
            locale,
            "vous avez moins d’un an",
            "you are under a year old",
        )
        .to_owned(),
        (Fact::Age, Some(Value::Integer(age))) => match Lang::from(locale) {
            Lang::Fr => format!("vous avez {}", quantity(fact, *age, locale)),
            Lang::En => format!("you are {age}"),
        },
        (Fact::BirthDate, Some(Value::Date(date))) => format!(
            "{}{} {}",
            pick(locale, "votre date de naissance", "your date of birth"),
            pick(locale, " :", ":"),
            day_month_year(*date, locale)
        ),
        (Fact::PostalCode, Some(Value::Text(code))) => format!(
            "{}{} {code}",
            pick(locale, "votre code postal", "your postal code"),
            pick(locale, " :", ":"),
        ),
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
        (Fact::Region, Some(Value::Text(code))) => format!(
            "{} {}",
            pick(locale, "votre région est", "your region is"),
            region_text(code)
        ),
        (Fact::UnemploymentMonths, Some(Value::Integer(0))) => pick(
            locale,
            "vous êtes sans emploi depuis moins d’un mois",
            "you have been out of work for less than a month",
        )
        .to_owned(),
        (Fact::UnemploymentMonths, Some(Value::Integer(n))) => format!(
            "{} {}",
            pick(
                locale,
                "vous êtes sans emploi depuis",
                "you have been out of work for"
            ),
            quantity(fact, *n, locale)
        ),
        (Fact::Benefits, Some(Value::Set(benefits))) if benefits.is_empty() => pick(
            locale,
            "vous ne recevez aucune de ces aides",
            "you receive none of these benefits",
        )
        .to_owned(),
        (Fact::Benefits, Some(Value::Set(benefits))) => {
            let named: Vec<String> = (benefits.iter())
                .map(|benefit| benefit_with_article(benefit, locale))
                .collect();
            format!(
                "{} {}",
                pick(locale, "vous recevez", "you receive"),
                together(&named, locale)
            )
        }
        (Fact::SupportInProgress, Some(Value::Set(supports))) if supports.is_empty() => pick(
            locale,
            "vous n’avez pas de suivi en cours",
            "you have no support in progress",
        )
        .to_owned(),
        (Fact::SupportInProgress, Some(Value::Set(supports))) => {
            let named: Vec<String> = (supports.iter())
                .map(|support| value_label(fact, support, locale))
                .collect();
            format!(
                "{}{} {}",
                pick(locale, "votre suivi en cours", "your support in progress"),
                pick(locale, " :", ":"),
                together(&named, locale)
            )
        }
        (Fact::QualificationLevel, Some(Value::Integer(level))) if *level <= 2 => {
            pick(locale, "vous n’avez pas de diplôme", "you have no diploma").to_owned()
        }
        (Fact::QualificationLevel, Some(Value::Integer(level))) => format!(
            "{}{} {}",
            pick(locale, "votre diplôme le plus haut", "your highest diploma"),
            pick(locale, " :", ":"),
            qualification(*level, locale)
        ),
        (Fact::FirstResidencePermitYears, Some(Value::Integer(0))) => pick(
            locale,
            "vous avez votre premier titre de séjour depuis moins d’un an",
            "you have had your first residence permit for less than a year",
        )
        .to_owned(),
        (Fact::FirstResidencePermitYears, Some(Value::Integer(n))) => format!(
            "{} {}",
            pick(
                locale,
                "vous avez votre premier titre de séjour depuis",
                "you have had your first residence permit for"
            ),
            quantity(fact, *n, locale)
        ),
        (Fact::ChildrenCount, Some(Value::Integer(0))) => pick(
            locale,
            "vous n’avez pas d’enfant à charge",
            "you have no dependent children",
        )
        .to_owned(),
        (Fact::ChildrenCount, Some(Value::Integer(n))) => match Lang::from(locale) {
            Lang::Fr => format!("vous avez {} à charge", quantity(fact, *n, locale)),
            Lang::En if *n == 1 => "you have 1 dependent child".to_owned(),
            Lang::En => format!("you have {} dependent children", number(*n, locale)),
        },
        (Fact::YoungestChildAge, Some(Value::Integer(0))) => pick(
            locale,
            "votre plus jeune enfant a moins d’un an",
            "your youngest child is under a year old",
        )
        .to_owned(),
        (Fact::YoungestChildAge, Some(Value::Integer(n))) => match Lang::from(locale) {
            Lang::Fr => format!("votre plus jeune enfant a {}", quantity(fact, *n, locale)),
            Lang::En => format!("your youngest child is {n}"),
        },
        (Fact::HouseholdSize, Some(Value::Integer(1))) => {
            pick(locale, "vous vivez seul", "you live alone").to_owned()
        }
        (Fact::HouseholdSize, Some(Value::Integer(n))) => match Lang::from(locale) {
            Lang::Fr => format!("votre foyer compte {}", quantity(fact, *n, locale)),
            Lang::En => format!("there are {} in your household", quantity(fact, *n, locale)),
        },
        (Fact::Disability, Some(Value::Set(conditions))) if conditions.is_empty() => pick(
            locale,
            "vous n’avez signalé ni handicap ni problème de santé qui limite le travail",
            "you reported no disability and no health condition that limits work",
        )
        .to_owned(),
        (Fact::Disability, Some(Value::Set(conditions))) => {
            let named: Vec<String> = (conditions.iter())
                .map(|condition| value_label(fact, condition, locale))
                .collect();
            format!(
                "{} {}",
                pick(locale, "vous avez signalé", "you reported"),
                together(&named, locale)
            )
        }
        (Fact::MonthsInFrance, Some(Value::Integer(0))) => pick(
            locale,
            "vous vivez en France depuis moins d’un mois",
            "you have lived in France for less than a month",
        )
        .to_owned(),
        (Fact::MonthsInFrance, Some(Value::Integer(n))) => format!(
            "{} {}",
            pick(
                locale,
                "vous vivez en France depuis",
                "you have lived in France for"
            ),
            quantity(fact, *n, locale)
        ),
        (Fact::WorkIncome, Some(Value::Integer(0))) => pick(
            locale,
            "vous n’avez pas de revenus du travail",
            "you have no income from work",
        )
        .to_owned(),
        (Fact::WorkIncome, Some(Value::Integer(n))) => format!(
            "{}{} {} {}",
            pick(locale, "vos revenus du travail", "your income from work"),
            pick(locale, " :", ":"),
            euros(*n, locale),
            pick(locale, "par mois", "a month")
        ),
        (Fact::MonthlyResources, Some(Value::Integer(n))) => format!(
            "{}{} {} {}",
            pick(locale, "vos ressources", "your resources"),
            pick(locale, " :", ":"),
            euros(*n, locale),
            pick(locale, "par mois", "a month")
        ),
        (_, Some(Value::Text(choice))) => match person_choice(fact, choice, locale) {
            Some(sentence) => sentence.to_owned(),
            None => format!(
                "{}{} {}",
                pick(locale, "votre réponse", "your answer"),
                pick(locale, " :", ":"),
                value_label(fact, choice, locale)
            ),
        },
        (_, Some(value)) => format!(
            "{}{} {}",
            pick(locale, "votre réponse", "your answer"),
            pick(locale, " :", ":"),
            value_text(fact, value, communes, locale)
        ),
    };
    in_language(text, locale)
}

/// `text` with the typography of its language (French: see
/// [`crate::typography`]).
pub(crate) fn in_language(text: String, locale: Locale) -> String {
    crate::text::in_language(text, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_empty_tags_have_no_locale() {
        assert_eq!(Locale::from_tag(""), None);
        assert_eq!(Locale::from_tag("english"), None);
        assert_eq!(Locale::from_tag("en_US"), Some(Locale::En));
    }
}
