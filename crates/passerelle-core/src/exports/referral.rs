//! The referral sheet ("fiche de liaison"): what one partner needs to
//! take over part of a plan, and nothing more, made only with the
//! person's consent.
//!
//! A sheet carries, for one catalogue entry: the plan's actions that
//! concern it, the needs those actions are for, the facts that the entry's
//! rules need to decide access (the age rather than the birth date, the
//! department rather than the postal code) and the facts of the person's
//! situation that matter for the partner's work (the housing situation
//! for a housing partner, the employment status for a job partner), how
//! to reach the person if they gave it, the advisor's contact and the
//! date of the person's consent. It lists, by stable ids, what it includes
//! and what it leaves out, so that the person can see what is shared.
//!
//! The sheet speaks to the partner about the person ("la personne"),
//! never to the person; an emergency line (115, 112…) gets no sheet: one
//! calls it.
//!
//! ```
//! use passerelle_core::catalogue::Catalogue;
//! use passerelle_core::date::Date;
//! use passerelle_core::diagnosis::{Diagnosis, FoundNeed};
//! use passerelle_core::facts::Facts;
//! use passerelle_core::orientation::Priority;
//! use passerelle_core::plan::{Author, Choices, Consent, Edit, Plan};
//! use passerelle_core::referral::referral_sheet;
//!
//! let today = Date::parse("2026-11-27").unwrap();
//! let diagnosis = Diagnosis {
//!     questionnaire_id: "passerelle-default".into(),
//!     reference_date: today,
//!     facts: Facts::from_json(r#"{"birth_date": "2007-05-02", "postal_code": "93200",
//!         "employment_status": "inactive"}"#).unwrap(),
//!     urgent: vec![],
//!     needs: vec![FoundNeed {
//!         theme: "trouver-un-emploi".into(), label: "Trouver un emploi".into(),
//!         priority: Priority::High, rank: None, raised_by: vec![],
//!     }],
//!     ranked_by_person: false,
//! };
//! let catalogue = Catalogue::national();
//! let choices = Choices::new(today, vec!["trouver-un-emploi".into()]);
//! let mut plan = Plan::build(&diagnosis, &catalogue, &choices).unwrap();
//!
//! let refused = referral_sheet(&plan, &catalogue, "contrat-engagement-jeune", today);
//! assert_eq!(refused.unwrap_err().code(), "no_consent");
//!
//! let consent = Consent { entry: "contrat-engagement-jeune".into(), date: today };
//! plan.apply(Edit::GiveConsent { consent }, Author::Person, today).unwrap();
//! let sheet = referral_sheet(&plan, &catalogue, "contrat-engagement-jeune", today).unwrap();
//! let json = serde_json::to_value(&sheet).unwrap();
//! assert_eq!(json["facts"][0]["fact"], "age");
//! assert_eq!(json["facts"][0]["value"], 19);
//! assert!(json["left_out"].as_array().unwrap().contains(&"facts:birth_date".into()));
//! assert!(sheet.to_html().contains("Fiche de liaison"));
//! ```

use serde::Serialize;

use crate::base::date::Date;
use crate::catalogue::Catalogue;
use crate::exports::messages::Message;
use crate::exports::print::{contact_details, objective_label, Html};
use crate::plan::{
    generated_title, ActionKind, ActionStatus, Actor, Consent, ContactDetails, Plan,
};
use crate::rules::{Condition, Outcome, Test, Zone};
use crate::text::Locale;
use crate::vocabulary::facts::{Fact, FactSet, Facts, Value};
use crate::vocabulary::needs::Priority;

pub use super::part::Part;

/// The referral sheet format version this build writes.
pub const REFERRAL_FORMAT_VERSION: u32 = 1;

/// A referral sheet for one partner. In JSON, as its fields; as a page,
/// [`to_html`](Self::to_html).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferralSheet {
    /// [`REFERRAL_FORMAT_VERSION`].
    pub format_version: u32,
    /// The language of the sheet's texts (the plan's).
    pub locale: Locale,
    /// When the sheet was made.
    pub date: Date,
    /// The partner the sheet is for.
    pub partner: Partner,
    /// The person's consent to share with this partner.
    pub consent: Consent,
    /// The needs the partner's actions are for, in the plan's order.
    pub needs: Vec<SharedNeed>,
    /// The plan's actions that concern this partner, in the plan's order.
    pub actions: Vec<SharedAction>,
    /// The facts the partner's rules need, in the order of [`Fact::ALL`];
    /// an unknown one has no value.
    pub facts: Vec<SharedFact>,
    /// How to reach the advisor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advisor: Option<ContactDetails>,
    /// How to reach the person, if they gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<ContactDetails>,
    /// What the sheet holds.
    pub included: Vec<Part>,
    /// What the plan holds and the sheet does not.
    pub left_out: Vec<Part>,
}

/// The partner a sheet is for: a catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    /// The catalogue entry's id.
    pub entry: String,
    /// Its name in the sheet's language.
    pub name: String,
    /// When its catalogue entry was last checked against its source.
    pub last_verified: Date,
    /// Its entry was not verified for too long on the sheet's date.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
}

/// A need, as shared with a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedNeed {
    /// The data·inclusion theme or category.
    pub theme: String,
    /// The theme in words.
    pub label: String,
    pub priority: Priority,
}

/// An action, as shared with a partner: no id, no notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedAction {
    /// The theme of the need it is for.
    pub need: String,
    pub kind: ActionKind,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub actor: Actor,
}

/// A fact, as shared with a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedFact {
    pub fact: Fact,
    /// `None` (`null`): not known yet.
    pub value: Option<Value>,
    /// The fact and its value in words: "Âge : 19 ans".
    pub text: String,
}

/// Why a referral sheet could not be made. Each has a stable
/// [`code`](Self::code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferralError {
    /// The person has not agreed to share with this partner.
    NoConsent { entry: String },
    /// Not a catalogue entry, or no action of the plan concerns it.
    UnknownEntry { entry: String },
    /// An emergency line (an `urgent` entry: 115, 3919, 112…): one calls
    /// it; it takes over nothing.
    EmergencyLine { entry: String },
}

impl ReferralError {
    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            ReferralError::NoConsent { .. } => "no_consent",
            ReferralError::UnknownEntry { .. } => "unknown_entry",
            ReferralError::EmergencyLine { .. } => "emergency_line",
        }
    }

    /// The error in words, for the person or the advisor; `partner` is the
    /// partner's name (its entry id when the catalogue has none).
    pub fn message(&self, catalogue: &Catalogue, locale: Locale) -> String {
        match self {
            ReferralError::NoConsent { entry } => {
                let partner = catalogue
                    .entry(entry)
                    .map_or(entry.as_str(), |found| found.name.get(locale));
                Message::ReferralNoConsent { partner }.text(locale)
            }
            ReferralError::UnknownEntry { .. } => Message::ReferralUnknownEntry.text(locale),
            ReferralError::EmergencyLine { entry } => {
                let line = catalogue
                    .entry(entry)
                    .map_or(entry.as_str(), |found| found.name.get(locale));
                Message::ReferralEmergencyLine { line }.text(locale)
            }
        }
    }
}

impl std::fmt::Display for ReferralError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.code();
        match self {
            ReferralError::NoConsent { entry } => write!(
                f,
                "{code}: the person has not agreed to share with \"{entry}\""
            ),
            ReferralError::UnknownEntry { entry } => write!(
                f,
                "{code}: \"{entry}\" is not a catalogue entry that an action of the plan concerns"
            ),
            ReferralError::EmergencyLine { entry } => write!(
                f,
                "{code}: \"{entry}\" is an emergency line: one calls it, it gets no referral sheet"
            ),
        }
    }
}

impl std::error::Error for ReferralError {}

/// The partners of the plan a referral sheet can be made for, in the
/// plan's order, each once: (catalogue entry, name as the plan's step
/// gives it). Every partner of a step but the emergency lines, which one
/// calls ([`ReferralError::EmergencyLine`]).
pub fn partners<'p>(plan: &'p Plan, catalogue: &Catalogue) -> Vec<(&'p str, &'p str)> {
    let mut partners: Vec<(&str, &str)> = Vec::new();
    for action in plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
    {
        let (Some(entry), Some(contact)) = (&action.entry, &action.contact) else {
            continue;
        };
        let line = catalogue.entry(entry).is_some_and(|found| found.urgent);
        if !line && !partners.iter().any(|(id, _)| id == entry) {
            partners.push((entry, &contact.name));
        }
    }
    partners
}

/// The partner's copy of the referral sheet: in French whatever the
/// person's language, since the partners are structures in France; the
/// person's own copy, in the plan's language, is [`referral_sheet`]. The
/// steps the plan wrote in the person's language stay as written.
pub fn partner_sheet(
    plan: &Plan,
    catalogue: &Catalogue,
    entry: &str,
    today: Date,
) -> Result<ReferralSheet, ReferralError> {
    let mut french = plan.clone();
    french.locale = Locale::Fr;
    // The actions the plan wrote itself are said again in French; the
    // ones the person wrote or changed stay in their words.
    let actions = french
        .objectives
        .iter_mut()
        .flat_map(|objective| &mut objective.actions);
    for action in actions {
        let written = generated_title(action, catalogue, plan.locale);
        if written.as_deref() == Some(action.title.as_str()) {
            if let Some(title) = generated_title(action, catalogue, Locale::Fr) {
                action.title = title;
            }
        }
    }
    referral_sheet(&french, catalogue, entry, today)
}

/// The referral sheet of `plan` for the partner of catalogue entry
/// `entry`, made on `today`.
///
/// Refused with [`ReferralError::UnknownEntry`] when the entry is not in
/// the catalogue or no action of the plan concerns it, with
/// [`ReferralError::EmergencyLine`] for an emergency line (only partners
/// take over), and with [`ReferralError::NoConsent`] when the person has
/// not agreed to share with it ([`Plan::consent`]).
///
/// The facts shared are the ones the entry's eligibility rule needs to
/// decide, on the plan's facts at `today`: when one way of meeting the
/// rule is met, only that way's facts (a 19-year-old's age, not their
/// disability recognition); when the rule is not met, the facts of the
/// part that fails; when it is undecided, every fact it reads. A birth
/// date is shared as the age, a postal code as the department. Where the
/// person lives is shared as the department (the commune when the entry's
/// zone lists communes), so that the partner can direct them to its
/// nearest office; never the region, which the department tells.
///
/// Beyond the rules, the facts of the person's situation that matter for
/// the partner's work are shared when known ([`situation_facts`]): for
/// each need category the sheet's needs and the partner's themes have in
/// common (a housing partner taking over a housing need gets the housing
/// situation; a job partner, taking over a job need, does not).
pub fn referral_sheet(
    plan: &Plan,
    catalogue: &Catalogue,
    entry: &str,
    today: Date,
) -> Result<ReferralSheet, ReferralError> {
    let unknown = || ReferralError::UnknownEntry {
        entry: entry.to_owned(),
    };
    let found = catalogue.entry(entry).ok_or_else(unknown)?;
    if found.urgent {
        return Err(ReferralError::EmergencyLine {
            entry: entry.to_owned(),
        });
    }
    let concerns = |action: &crate::plan::Action| action.entry.as_deref() == Some(entry);
    let concerned = plan
        .objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .any(concerns);
    if !concerned {
        return Err(unknown());
    }
    let consent = plan
        .consent(entry)
        .ok_or_else(|| ReferralError::NoConsent {
            entry: entry.to_owned(),
        })?
        .clone();
    let locale = plan.locale;

    let mut needs = Vec::new();
    let mut actions = Vec::new();
    for objective in &plan.objectives {
        let mut any = false;
        for action in objective.actions.iter().filter(|action| concerns(action)) {
            any = true;
            actions.push(SharedAction {
                need: objective.theme.clone(),
                kind: action.kind,
                title: action.title.clone(),
                due: action.due,
                status: action.status,
                actor: action.actor,
            });
        }
        if any
            && !needs
                .iter()
                .any(|need: &SharedNeed| need.theme == objective.theme)
        {
            needs.push(SharedNeed {
                theme: objective.theme.clone(),
                label: objective_label(objective, locale),
                priority: objective.priority,
            });
        }
    }

    // The facts, with the derived ones (age, department) worked out; if
    // they cannot be (a birth date after today), without them.
    let resolved = plan
        .facts
        .resolve_in(today, catalogue.communes())
        .unwrap_or_else(|_| plan.facts.clone());
    let categories: Vec<&str> = needs
        .iter()
        .map(|need| crate::vocabulary::referentials::theme_category(&need.theme))
        .filter(|category| {
            (found.themes.iter())
                .any(|theme| crate::vocabulary::referentials::theme_category(theme) == *category)
        })
        .collect();
    let situation: FactSet = categories
        .iter()
        .flat_map(|category| situation_facts(category))
        .copied()
        .filter(|fact| resolved.get(*fact).is_some())
        .collect();
    let needed =
        shared_facts(found.eligibility.as_ref(), &found.zone_condition, &resolved).union(situation);
    let facts: Vec<SharedFact> = needed
        .iter()
        .map(|fact| {
            let value = resolved.get(fact).cloned();
            let text = crate::rules::sentences::fact_value_text(
                fact,
                value.as_ref(),
                catalogue.communes(),
                locale,
            );
            SharedFact { fact, value, text }
        })
        .collect();

    let mut included = vec![Part::Consent, Part::Needs, Part::Actions];
    included.extend(facts.iter().map(|shared| Part::Fact(shared.fact)));
    if plan.person.is_some() {
        included.push(Part::Person);
    }
    if plan.advisor.is_some() {
        included.push(Part::Advisor);
    }

    let all_actions = || {
        plan.objectives
            .iter()
            .flat_map(|objective| &objective.actions)
    };
    let mut left_out = Vec::new();
    let mut leave_out = |part: Part, present: bool| {
        if present {
            left_out.push(part);
        }
    };
    leave_out(
        Part::OtherObjectives,
        (plan.objectives.iter()).any(|objective| !objective.actions.iter().any(concerns)),
    );
    leave_out(Part::OtherActions, all_actions().any(|a| !concerns(a)));
    leave_out(
        Part::Statements,
        (plan.objectives.iter()).any(|objective| objective.statement.is_some()),
    );
    leave_out(Part::Notes, all_actions().any(|a| a.notes.is_some()));
    leave_out(Part::Reviews, !plan.reviews.is_empty());
    leave_out(Part::NextReview, plan.next_review.is_some());
    leave_out(Part::Schedule, true);
    leave_out(
        Part::OtherConsents,
        plan.consents.iter().any(|given| given.entry != entry),
    );
    leave_out(Part::History, !plan.history.is_empty());
    for (fact, _) in plan.facts.iter() {
        leave_out(Part::Fact(fact), !needed.contains(fact));
    }

    Ok(ReferralSheet {
        format_version: REFERRAL_FORMAT_VERSION,
        locale,
        date: today,
        partner: Partner {
            entry: found.id.clone(),
            name: found.name.get(locale).to_owned(),
            last_verified: found.last_verified,
            stale: found.stale(today),
        },
        consent,
        needs,
        actions,
        facts,
        advisor: plan.advisor.clone(),
        person: plan.person.clone(),
        included,
        left_out,
    })
}

/// The facts of the person's situation a partner working on a need of
/// `category` (a data·inclusion category) needs to take over, beyond its
/// rules; nothing else. Health, remobilisation and going abroad need
/// none: what matters there the person tells the partner.
///
/// ```
/// use passerelle_core::facts::Fact;
/// use passerelle_core::referral::situation_facts;
/// assert!(situation_facts("logement-hebergement").contains(&Fact::Housing));
/// assert!(!situation_facts("trouver-un-emploi").contains(&Fact::Housing));
/// assert!(situation_facts("sante").is_empty());
/// ```
pub fn situation_facts(category: &str) -> &'static [Fact] {
    match category {
        "trouver-un-emploi"
        | "preparer-sa-candidature"
        | "choisir-un-metier"
        | "remobilisation" => &FOR_WORK,
        "se-former" => &[
            Fact::EmploymentStatus,
            Fact::QualificationLevel,
            Fact::InEducation,
        ],
        "creer-une-entreprise" => &[
            Fact::EmploymentStatus,
            Fact::RegisteredJobseeker,
            Fact::Benefits,
        ],
        "logement-hebergement" | "equipement-et-alimentation" => {
            &[Fact::Housing, Fact::ChildrenCount, Fact::MonthlyResources]
        }
        "difficultes-financieres" => &[Fact::Benefits, Fact::ChildrenCount, Fact::MonthlyResources],
        // An address to receive mail opens every other right.
        "difficultes-administratives-ou-juridiques" => &[Fact::Housing],
        "famille" => &[
            Fact::ChildrenCount,
            Fact::SingleParent,
            Fact::YoungestChildAge,
        ],
        "mobilite" => &[Fact::DrivingLicence, Fact::Vehicle],
        "lecture-ecriture-calcul" => &[Fact::FrenchLevel],
        "numerique" => &[Fact::DigitalAutonomy],
        _ => &[],
    }
}

/// The facts a partner working on work needs: the situation, and what
/// the organisme référent reads to orient (the criteria of the arrêté du
/// 21 novembre 2024): recent work, qualification, aspiration, and each
/// difficulty on the national scale.
const FOR_WORK: [Fact; 14] = {
    let d = Fact::DIFFICULTIES;
    [
        Fact::EmploymentStatus,
        Fact::RegisteredJobseeker,
        Fact::UnemploymentMonths,
        Fact::QualificationLevel,
        Fact::WorkedLast24Months,
        Fact::Aspiration,
        d[0],
        d[1],
        d[2],
        d[3],
        d[4],
        d[5],
        d[6],
        d[7],
    ]
};

/// The facts to share for an entry's rule and zone, on resolved facts.
fn shared_facts(eligibility: Option<&Condition>, zone: &Condition, facts: &Facts) -> FactSet {
    let read = eligibility
        .map_or(FactSet::EMPTY, |rule| needed(rule, facts))
        .union(needed(zone, facts));
    // What the person gave is shared as what the rules read of it.
    read.iter()
        .map(|fact| match fact {
            Fact::BirthDate => Fact::Age,
            Fact::PostalCode => Fact::Department,
            fact => fact,
        })
        .collect()
}

/// The facts a condition needs to be decided as it is on `facts`: for a
/// met "any", the smallest met part's; for an unmet "all", the smallest
/// unmet part's; else every part's.
fn needed(condition: &Condition, facts: &Facts) -> FactSet {
    let smallest = |parts: &[Condition], outcome: Outcome| {
        parts
            .iter()
            .filter(|part| part.evaluate(facts) == outcome)
            .map(|part| needed(part, facts))
            .min_by_key(|set| set.len())
    };
    let every = |parts: &[Condition]| {
        parts
            .iter()
            .fold(FactSet::EMPTY, |set, part| set.union(needed(part, facts)))
    };
    match condition.test() {
        Test::Any(parts) => match condition.evaluate(facts) {
            Outcome::Met => smallest(parts, Outcome::Met).unwrap_or_default(),
            _ => every(parts),
        },
        Test::All(parts) => match condition.evaluate(facts) {
            Outcome::NotMet => smallest(parts, Outcome::NotMet).unwrap_or_default(),
            _ => every(parts),
        },
        Test::Not(part) => needed(part, facts),
        Test::InZone(zone) => zone_facts(zone),
        _ => condition.facts(),
    }
}

/// Where the person lives, as precisely as the zone needs and no more:
/// the commune (and its department) for a zone of communes, else the
/// department.
fn zone_facts(zone: &Zone) -> FactSet {
    if zone.communes().is_empty() {
        FactSet::of(Fact::Department)
    } else {
        FactSet::from([Fact::Commune, Fact::Department])
    }
}

impl ReferralSheet {
    /// The sheet as one HTML page in its language, for the partner and
    /// the person: no script, nothing loaded, every text escaped, printable
    /// on A4.
    pub fn to_html(&self) -> String {
        let locale = self.locale;
        let text = |message: Message| message.text(locale);
        let partner = self.partner.name.as_str();
        let mut html = Html::new(locale);

        html.raw("<header>\n");
        html.element("h1", &text(Message::ReferralTitle));
        html.element("p", &text(Message::ReferralFor { partner }));
        html.element("p", &text(Message::DocumentDate(self.date)));
        html.element(
            "p",
            &text(Message::PartnerVerifiedOn {
                partner,
                date: self.partner.last_verified,
            }),
        );
        if self.partner.stale {
            html.element("p", &text(Message::StalePartner { partner }));
        }
        html.raw("</header>\n<main>\n");

        html.section_start("consent", &text(Message::ConsentTitle));
        html.element(
            "p",
            &text(Message::ReferralConsent {
                partner,
                date: self.consent.date,
            }),
        );
        html.section_end();

        html.section_start("needs", &text(Message::ReferralNeedsTitle));
        html.raw("<ul>\n");
        for need in &self.needs {
            html.raw("<li>");
            html.text(&need.label);
            html.raw("<br>");
            html.text(&text(Message::NeedPriority(need.priority)));
            html.raw("</li>\n");
        }
        html.raw("</ul>\n");
        html.section_end();

        html.section_start("actions", &text(Message::ReferralActionsTitle { partner }));
        html.raw("<ol class=\"steps\">\n");
        for action in &self.actions {
            html.raw("<li class=\"step\">\n");
            html.element("h3", &action.title);
            html.element("p", &text(Message::Due(action.due)));
            html.element(
                "p",
                &text(Message::ReferralWho {
                    actor: action.actor,
                    partner,
                }),
            );
            html.element("p", &text(Message::ActionState(action.status)));
            html.raw("</li>\n");
        }
        html.raw("</ol>\n");
        html.section_end();

        if let Some(person) = &self.person {
            html.section_start("person", &text(Message::ReferralPersonTitle));
            contact_details(&mut html, person);
            html.section_end();
        }

        html.section_start("facts", &text(Message::ReferralFactsTitle));
        if self.facts.is_empty() {
            html.element("p", &text(Message::NoFactNeeded));
        } else {
            html.element("p", &text(Message::ReferralFactsIntro { partner }));
            html.raw("<ul>\n");
            for fact in &self.facts {
                html.element("li", &fact.text);
            }
            html.raw("</ul>\n");
        }
        html.section_end();

        html.section_start("advisor", &text(Message::ReferralAdvisorTitle));
        match &self.advisor {
            Some(advisor) => contact_details(&mut html, advisor),
            None => html.element("p", &text(Message::NoAdvisor)),
        }
        html.section_end();

        html.section_start("included", &text(Message::IncludedTitle));
        parts(&mut html, &self.included);
        html.section_end();

        html.section_start("left-out", &text(Message::LeftOutTitle));
        parts(&mut html, &self.left_out);
        html.section_end();

        html.raw("</main>\n");
        let title = format!("{} – {partner}", text(Message::ReferralTitle));
        html.finish(&title)
    }
}

/// A list of parts in words.
fn parts(html: &mut Html, parts: &[Part]) {
    let locale = html.locale;
    html.raw("<ul>\n");
    for part in parts {
        html.element("li", &Message::SheetPart(*part).text(locale));
    }
    html.raw("</ul>\n");
}
