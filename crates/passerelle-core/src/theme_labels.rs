//! Labels of data·inclusion need themes in French and English. French theme labels come from the referential (data/data-inclusion/thematiques.json, Licence Ouverte 2.0); category labels and English translations are Passerelle's own.

/// The values of the need categories, in the referential's order.
pub(crate) fn categories() -> impl Iterator<Item = &'static str> {
    CATEGORIES.iter().map(|(value, _, _)| *value)
}

/// Whether `need` is a data·inclusion theme or one of its categories.
pub(crate) fn is_need(need: &str) -> bool {
    categories().any(|category| category == need)
        || crate::referentials::Referential::Themes.contains(need)
}

/// Each category of the themes referential: (value, French label, English label).
pub(crate) const CATEGORIES: [(&str, &str, &str); 16] = [
    ("choisir-un-metier", "Choix d’un métier", "Choosing a job"),
    (
        "creer-une-entreprise",
        "Création d’entreprise",
        "Starting a business",
    ),
    (
        "difficultes-administratives-ou-juridiques",
        "Papiers et droits",
        "Paperwork and rights",
    ),
    (
        "difficultes-financieres",
        "Argent et dettes",
        "Money and debts",
    ),
    (
        "equipement-et-alimentation",
        "Nourriture, vêtements et équipement",
        "Food, clothes and household items",
    ),
    ("famille", "Famille", "Family"),
    (
        "lecture-ecriture-calcul",
        "Lire, écrire, compter",
        "Reading, writing, numbers",
    ),
    (
        "logement-hebergement",
        "Logement et hébergement",
        "Housing and shelter",
    ),
    (
        "mobilite",
        "Transports et déplacements",
        "Transport and getting around",
    ),
    ("numerique", "Numérique", "Digital skills and equipment"),
    (
        "preparer-sa-candidature",
        "CV et candidatures",
        "CVs and job applications",
    ),
    (
        "remobilisation",
        "Confiance et vie sociale",
        "Confidence and social life",
    ),
    ("sante", "Santé", "Health"),
    ("se-former", "Formation", "Training"),
    (
        "souvrir-a-linternational",
        "Travail à l’étranger",
        "Working abroad",
    ),
    ("trouver-un-emploi", "Recherche d’emploi", "Finding a job"),
];

/// The English label of each theme of the referential: (value, English label), in the referential's order.
pub(crate) const THEMES_EN: [(&str, &str); 69] = [
    (
        "choisir-un-metier--confirmer-son-choix-de-metier",
        "Confirming your choice of job",
    ),
    (
        "choisir-un-metier--connaitre-les-opportunites-demploi",
        "Finding out what jobs are available",
    ),
    (
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        "Discovering a job or a line of work",
    ),
    (
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "Knowing your strengths and skills",
    ),
    (
        "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        "Shaping your business idea",
    ),
    (
        "creer-une-entreprise--developper-son-entreprise",
        "Growing your business",
    ),
    (
        "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        "Organising your plan to start a business",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "Help with forms and paperwork",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        "Help with citizenship",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        "Help to claim your rights",
    ),
    (
        "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
        "Getting support that suits you",
    ),
    (
        "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        "Knowing your rights against discrimination",
    ),
    (
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        "Dealing with a legal problem",
    ),
    (
        "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        "Managing your money on your own",
    ),
    (
        "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        "Managing your budget better",
    ),
    (
        "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
        "Setting up legal protection for your money",
    ),
    (
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        "Stopping money problems getting worse",
    ),
    (
        "difficultes-financieres--situation-dendettement-surendettement",
        "Debt or serious debt",
    ),
    (
        "equipement-et-alimentation--aide-menagere",
        "Help with housework",
    ),
    ("equipement-et-alimentation--alimentation", "Food"),
    (
        "equipement-et-alimentation--electromenager",
        "Household appliances",
    ),
    ("equipement-et-alimentation--habillement", "Clothes"),
    ("famille--garde-denfants", "Childcare"),
    (
        "famille--prise-en-charge-personne-dependante",
        "Care for a dependent person",
    ),
    (
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "Support with parenting and education",
    ),
    ("famille--soutien-aidants", "Support for carers"),
    (
        "famille--surmonter-conflits-separation-violence",
        "Getting through separation or violence",
    ),
    (
        "lecture-ecriture-calcul--maitriser-le-calcul",
        "Getting better at numbers",
    ),
    (
        "lecture-ecriture-calcul--maitriser-le-francais",
        "Getting better at French",
    ),
    ("logement-hebergement--acheter-un-logement", "Buying a home"),
    ("logement-hebergement--changer-de-logement", "Moving home"),
    ("logement-hebergement--louer-un-logement", "Renting a home"),
    (
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        "Finding a temporary place to stay",
    ),
    (
        "logement-hebergement--reduire-les-impayes-de-loyer",
        "Paying off rent arrears",
    ),
    (
        "logement-hebergement--se-maintenir-dans-le-logement",
        "Keeping your home",
    ),
    (
        "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        "Finding out how to get housing",
    ),
    ("mobilite--acceder-a-un-vehicule", "Getting a vehicle"),
    (
        "mobilite--entretenir-reparer-son-vehicule",
        "Looking after and repairing your vehicle",
    ),
    (
        "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        "Support with getting around",
    ),
    ("mobilite--financer-ma-mobilite", "Paying for transport"),
    (
        "mobilite--mobilite-douce-partagee-collective",
        "Using bikes, shared or public transport",
    ),
    (
        "mobilite--preparer-un-permis",
        "Preparing for a driving licence",
    ),
    (
        "numerique--acceder-a-des-services-en-ligne",
        "Using online services",
    ),
    (
        "numerique--acceder-a-une-connexion-internet",
        "Getting an internet connection",
    ),
    (
        "numerique--acquerir-un-equipement",
        "Getting a computer or phone",
    ),
    (
        "numerique--maitriser-les-fondamentaux-du-numerique",
        "Learning basic computer skills",
    ),
    (
        "preparer-sa-candidature--developper-son-reseau",
        "Building your contacts",
    ),
    (
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        "Organising your job search",
    ),
    (
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "Writing a CV or cover letter",
    ),
    (
        "preparer-sa-candidature--valoriser-ses-competences",
        "Showing your skills",
    ),
    (
        "remobilisation--activites-sportives-et-culturelles",
        "Sport and culture",
    ),
    (
        "remobilisation--benevolat-action-citoyenne",
        "Volunteering and helping your community",
    ),
    (
        "remobilisation--bien-etre-confiance-en-soi",
        "Well-being and self-confidence",
    ),
    ("remobilisation--lien-social", "Meeting people"),
    ("sante--acces-aux-soins", "Getting healthcare"),
    ("sante--addictions", "Addiction"),
    (
        "sante--constituer-un-dossier-mdph-invalidite",
        "Applying for disability support (MDPH)",
    ),
    ("sante--sante-mentale", "Mental health"),
    ("sante--sante-sexuelle", "Sexual health"),
    (
        "se-former--monter-son-dossier-de-formation",
        "Preparing your training application",
    ),
    (
        "se-former--trouver-sa-formation",
        "Finding a training course",
    ),
    (
        "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        "Finding out about jobs abroad",
    ),
    (
        "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        "Finding out about help to work abroad",
    ),
    (
        "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
        "Settling back in after returning to France",
    ),
    (
        "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        "Doing well in job interviews",
    ),
    (
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        "Applying to employers directly",
    ),
    (
        "trouver-un-emploi--maintien-dans-lemploi",
        "Keeping your job",
    ),
    (
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "Answering job adverts",
    ),
    (
        "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
        "Following up your job applications",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referentials::{theme_category, Referential};

    fn assert_clean(label: &str, context: &str) {
        assert!(!label.is_empty(), "empty label for {context}");
        assert_eq!(
            label.trim(),
            label,
            "leading or trailing spaces in the label of {context}"
        );
    }

    #[test]
    fn every_category_of_the_referential_is_labelled_exactly_once() {
        let terms = Referential::Themes.terms();
        let mut referential_categories: Vec<&str> = Vec::new();
        for term in terms {
            let category = theme_category(&term.value);
            if !referential_categories.contains(&category) {
                referential_categories.push(category);
            }
        }
        for category in &referential_categories {
            let count = CATEGORIES
                .iter()
                .filter(|(value, _, _)| value == category)
                .count();
            assert_eq!(count, 1, "category {category} appears {count} times");
        }
        for (value, _, _) in CATEGORIES {
            assert!(
                referential_categories.contains(&value),
                "{value} is not a category of the referential"
            );
        }
        assert_eq!(CATEGORIES.len(), referential_categories.len());
    }

    #[test]
    fn english_theme_labels_follow_the_referential() {
        let values: Vec<&str> = Referential::Themes
            .terms()
            .iter()
            .map(|term| term.value.as_str())
            .collect();
        let labelled: Vec<&str> = THEMES_EN.iter().map(|(value, _)| *value).collect();
        assert_eq!(labelled, values);
    }

    #[test]
    fn no_label_is_empty_or_padded() {
        for (value, fr, en) in CATEGORIES {
            assert_clean(fr, value);
            assert_clean(en, value);
        }
        for (value, en) in THEMES_EN {
            assert_clean(en, value);
        }
        for term in Referential::Themes.terms() {
            assert_clean(&term.label, &term.value);
        }
    }
}
