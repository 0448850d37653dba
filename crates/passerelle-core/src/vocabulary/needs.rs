//! Needs and how pressing each is: what a diagnosis finds and what
//! orientation and the plan are asked about.

use serde::{Deserialize, Serialize};

use crate::base::problem::Problem;
use crate::vocabulary::referentials::{theme_category, Referential};
use crate::vocabulary::urgent::UrgentAlert;

/// How pressing a need is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Urgent,
    High,
    #[default]
    Normal,
}

impl Priority {
    /// Its part of message keys (`need-priority-urgent`…).
    pub fn key(self) -> &'static str {
        match self {
            Priority::Urgent => "urgent",
            Priority::High => "high",
            Priority::Normal => "normal",
        }
    }
}

/// A need: a data·inclusion theme (`logement-hebergement--...`) or a whole
/// category (`logement-hebergement`), with its priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub theme: String,
    #[serde(default)]
    pub priority: Priority,
    /// The urgent alerts raised with this need, if the caller knows them
    /// ([`Diagnosis::orientation_needs`](crate::questionnaire::diagnosis::Diagnosis::orientation_needs)
    /// does): an emergency line that some alert names among its contacts
    /// is then proposed only when one of these names it (the 119 for a
    /// child in danger, not for every urgent need about the family). Empty:
    /// the line's theme alone decides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<UrgentAlert>,
}

impl Need {
    /// A need of this theme and priority, its alerts unknown.
    pub fn new(theme: &str, priority: Priority) -> Need {
        Need {
            theme: theme.to_owned(),
            priority,
            alerts: Vec::new(),
        }
    }

    /// Checks that the theme is a data·inclusion theme or category.
    pub fn check(&self, path: &str) -> Result<(), Problem> {
        let known = Referential::Themes.contains(&self.theme)
            || Referential::Themes
                .terms()
                .iter()
                .any(|term| theme_category(&term.value) == self.theme);
        if known {
            Ok(())
        } else {
            Err(Problem::new(
                "unknown_theme",
                &format!("{path}.theme"),
                format!(
                    "\"{}\" is not a data·inclusion theme or category.",
                    self.theme
                ),
            ))
        }
    }
}
