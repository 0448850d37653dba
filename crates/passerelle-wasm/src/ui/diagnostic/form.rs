//! Reading the diagnostic widget's controls back into an answer, and
//! keeping a multiple choice's exclusive options apart.

use passerelle_core::{Question, QuestionKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use super::{ids, Diagnostic, Input};

impl Diagnostic {
    /// A box of a multiple choice was ticked: an exclusive option ("None of
    /// these") unticks the others, another option unticks the exclusive
    /// ones. The session checks the answer all the same.
    pub(super) fn tick(&self, ticked: &HtmlInputElement) -> Result<(), JsValue> {
        if !ticked.checked() {
            return Ok(());
        }
        let exclusive = ticked.has_attribute("data-exclusive");
        let boxes = self
            .body
            .query_selector_all("input[type=checkbox][name=answer]")?;
        for i in 0..boxes.length() {
            let Some(other) = boxes
                .item(i)
                .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
            else {
                continue;
            };
            if other != *ticked && (exclusive || other.has_attribute("data-exclusive")) {
                other.set_checked(false);
            }
        }
        Ok(())
    }

    /// What the person chose or typed for `question`.
    pub(super) fn read_input(&self, question: &Question) -> Result<Input, JsValue> {
        let inputs = |selector: &str| -> Result<Vec<HtmlInputElement>, JsValue> {
            let nodes = self.body.query_selector_all(selector)?;
            Ok((0..nodes.length())
                .filter_map(|i| nodes.item(i)?.dyn_into::<HtmlInputElement>().ok())
                .collect())
        };
        Ok(match &question.kind {
            QuestionKind::YesNo | QuestionKind::SingleChoice { .. } | QuestionKind::Commune => {
                Input::Text(
                    inputs("input[name=answer]:checked")?
                        .first()
                        .map(HtmlInputElement::value)
                        .unwrap_or_default(),
                )
            }
            QuestionKind::MultipleChoice { .. } => Input::Ticked(
                inputs("input[name=answer]:checked")?
                    .iter()
                    .map(HtmlInputElement::value)
                    .collect(),
            ),
            QuestionKind::NeedRanking => {
                let selects = self.body.query_selector_all("select[name=rank]")?;
                Input::Ranks(
                    (0..selects.length())
                        .filter_map(|i| selects.item(i)?.dyn_into::<HtmlSelectElement>().ok())
                        .map(|select| {
                            let theme = select.get_attribute("data-theme").unwrap_or_default();
                            (theme, select.value().parse().ok())
                        })
                        .collect(),
                )
            }
            QuestionKind::Number { .. }
            | QuestionKind::Date
            | QuestionKind::PostalCode
            | QuestionKind::ShortText { .. } => Input::Text(
                inputs(&format!("#{}", ids::INPUT))?
                    .first()
                    .map(HtmlInputElement::value)
                    .unwrap_or_default(),
            ),
        })
    }
}
