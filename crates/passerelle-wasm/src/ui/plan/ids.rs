//! The ids of the plan widget's controls and the encodings of what its
//! forms and buttons ask (`data-form`, `data-do`, `data-move`): each made
//! here by one function, used both to draw the control and to read it
//! back, so that the two cannot drift apart.

use crate::ui::dom::Attribute;

/// The widget's heading, where the focus goes after a change of screen.
pub(super) const TITLE: &str = "passerelle-plan-title";
/// The message of a refusal, tied to what was refused.
pub(super) const ERROR: &str = "passerelle-plan-error";
/// The needs to choose on the build form (a refusal is tied to them).
pub(super) const NEEDS: &str = "passerelle-needs";
/// The file input that opens a plan file.
pub(super) const OPEN: &str = "passerelle-open";
/// The need of an objective added by hand.
pub(super) const NEW_OBJECTIVE: &str = "passerelle-new-objective";
/// The words of an objective added by hand.
pub(super) const NEW_STATEMENT: &str = "passerelle-new-statement";
/// The date of the next meeting (follow-up form).
pub(super) const NEXT_REVIEW: &str = "passerelle-next-review";
/// The partner chosen for a referral sheet.
pub(super) const REFERRAL_PARTNER: &str = "passerelle-referral-partner";
/// The person's consent to share with the partner.
pub(super) const REFERRAL_CONSENT: &str = "passerelle-referral-consent";
/// The review form's three text areas: what was done, what is stuck,
/// what changed.
pub(super) const REVIEW_DONE: &str = "passerelle-review-done";
pub(super) const REVIEW_STUCK: &str = "passerelle-review-stuck";
pub(super) const REVIEW_CHANGED: &str = "passerelle-review-changed";
/// The paragraphs that say what was just saved or withdrawn.
pub(super) const FOLLOW_UP_SAVED: &str = "passerelle-follow-up-saved";
pub(super) const PERSON_SAVED: &str = "passerelle-person-saved";
pub(super) const CONSENT_WITHDRAWN: &str = "passerelle-consent-withdrawn";

/// A theme id as a CSS identifier: themes are slugs (letters, digits,
/// dashes), anything else becomes a dash.
fn css_id(theme: &str) -> String {
    theme
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The build form's checkbox of the need `theme`.
pub(super) fn need(theme: &str) -> String {
    format!("passerelle-need-{}", css_id(theme))
}

/// The button that moves the need `theme` up (`true`) or down the order.
pub(super) fn move_button(up: bool, theme: &str) -> String {
    format!("passerelle-{}-{}", direction(up), css_id(theme))
}

/// The heading of the objective `objective`.
pub(super) fn objective(objective: &str) -> String {
    format!("passerelle-{objective}")
}

/// The title of the action `action` in the plan.
pub(super) fn action(action: &str) -> String {
    format!("passerelle-action-{action}")
}

/// The summary of the form that changes the action `action`.
pub(super) fn change_action(action: &str) -> String {
    format!("passerelle-change-{action}")
}

/// The title field of the form that changes the action `action`.
pub(super) fn action_title(action: &str) -> String {
    format!("passerelle-title-{action}")
}

/// The due date field of the form that changes the action `action`.
pub(super) fn action_due(action: &str) -> String {
    format!("passerelle-due-{action}")
}

/// The title field of the form that adds a step to `objective`.
pub(super) fn new_action_title(objective: &str) -> String {
    format!("passerelle-new-title-{objective}")
}

/// The due date field of the form that adds a step to `objective`.
pub(super) fn new_action_due(objective: &str) -> String {
    format!("passerelle-new-due-{objective}")
}

/// Who does the step added to `objective`.
pub(super) fn new_action_actor(objective: &str) -> String {
    format!("passerelle-new-actor-{objective}")
}

/// The follow-up form's field of the advisor's `field` (`name`,
/// `organisation`, `phone`, `email`: the core's names, which its
/// refusals give back).
pub(super) fn advisor(field: &str) -> String {
    format!("passerelle-advisor-{field}")
}

/// The person's own contact `field` (`name`, `phone`, `email`).
pub(super) fn person(field: &str) -> String {
    format!("passerelle-person-{field}")
}

/// The button that withdraws the consent given for the partner `entry`.
pub(super) fn withdraw(entry: &str) -> String {
    format!("passerelle-withdraw-{}", css_id(entry))
}

/// Which way a need moves in the order (`data-move`): up (`true`) or
/// down.
pub(super) fn direction(up: bool) -> &'static str {
    if up {
        "up"
    } else {
        "down"
    }
}

/// Whether a `data-move` value moves up.
pub(super) fn moves_up(value: &str) -> bool {
    value == direction(true)
}

/// What a form of the widget does when sent (`data-form`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Build,
    Review,
    Referral,
    /// Changes an action (its id in `data-action`).
    ChangeAction,
    /// Adds a step to an objective (its id in `data-objective`).
    AddAction,
    AddObjective,
    FollowUp,
    Person,
}

impl Attribute for Form {
    const ALL: &'static [Form] = &[
        Form::Build,
        Form::Review,
        Form::Referral,
        Form::ChangeAction,
        Form::AddAction,
        Form::AddObjective,
        Form::FollowUp,
        Form::Person,
    ];

    /// Its `data-form` value, also the form's class and part.
    fn to_attr(self) -> &'static str {
        match self {
            Form::Build => "build",
            Form::Review => "review",
            Form::Referral => "referral",
            Form::ChangeAction => "action",
            Form::AddAction => "add-action",
            Form::AddObjective => "add-objective",
            Form::FollowUp => "follow-up",
            Form::Person => "person",
        }
    }
}

/// What a button of the widget asks (`data-do`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Button {
    /// Choose the needs and the pace again (asks first).
    Rebuild,
    RebuildConfirm,
    RebuildCancel,
    /// Withdraw a consent (the partner in `data-entry`).
    Withdraw,
    /// Erase the plan kept on the device.
    Forget,
}

impl Attribute for Button {
    const ALL: &'static [Button] = &[
        Button::Rebuild,
        Button::RebuildConfirm,
        Button::RebuildCancel,
        Button::Withdraw,
        Button::Forget,
    ];

    fn to_attr(self) -> &'static str {
        match self {
            Button::Rebuild => "rebuild",
            Button::RebuildConfirm => "rebuild-confirm",
            Button::RebuildCancel => "rebuild-cancel",
            Button::Withdraw => "withdraw",
            Button::Forget => "forget",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_reads_back_as_written() {
        for &form in Form::ALL {
            assert!(Form::from_attr(form.to_attr()) == Some(form));
        }
        for &button in Button::ALL {
            assert!(Button::from_attr(button.to_attr()) == Some(button));
        }
        for up in [true, false] {
            assert_eq!(moves_up(direction(up)), up);
        }
        assert_eq!(need("santé/soins"), "passerelle-need-sant--soins");
    }
}
