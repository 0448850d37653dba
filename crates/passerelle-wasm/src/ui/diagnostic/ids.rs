//! The ids of the diagnostic widget's elements it finds again, and the
//! encoding of its buttons (`data-action`): each made here, used both to
//! draw and to read back.

use crate::ui::dom::Attribute;

/// The question's heading, where the focus goes at each question.
pub(super) const QUESTION: &str = "passerelle-question";
/// The end's heading, where the focus goes at the end.
pub(super) const END: &str = "passerelle-end";
/// The single field of a question that takes a typed value.
pub(super) const INPUT: &str = "passerelle-input";

/// What a button of the widget asks (`data-action`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Button {
    /// Back to the previous question.
    Back,
    /// Skip an optional question.
    Skip,
    /// Erase the session kept on the device.
    Forget,
}

impl Attribute for Button {
    const ALL: &'static [Button] = &[Button::Back, Button::Skip, Button::Forget];

    fn to_attr(self) -> &'static str {
        match self {
            Button::Back => "back",
            Button::Skip => "skip",
            Button::Forget => "forget",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_button_reads_back_as_written() {
        for &button in Button::ALL {
            assert_eq!(Button::from_attr(button.to_attr()), Some(button));
        }
        assert_eq!(Button::from_attr("next"), None);
    }
}
