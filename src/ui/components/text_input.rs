//! A one-line text field, in the question's fieldset, with an optional
//! suffix (the unit). The field carries its own `aria-describedby` (hint,
//! then error) and `aria-invalid` while in error, since screen readers read
//! a text field's description, not its fieldset's, when it takes focus.
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fieldset::{described_by, fieldset, Field};
use crate::ui::texts::Texts;

/// What [`text_input`] shows.
#[derive(PartialEq, Default)]
pub struct TextInputProps {
    /// The question (in the fieldset's `<legend>`), the input's id and
    /// name, its hint and error.
    pub field: Field,
    /// Id of what names the input (the question's heading in the legend):
    /// a legend names its group, not the field inside it.
    pub labelled_by: Option<AttrValue>,
    /// What the field holds.
    pub value: AttrValue,
    /// `inputmode`: `numeric` brings up a digit keypad on phones while
    /// keeping a text field, which does not silently drop what is not a
    /// number the way `type="number"` does.
    pub inputmode: Option<AttrValue>,
    /// Width in characters, one of the widths the stylesheet has (5).
    pub width: Option<u8>,
    /// Shown after the field ("hours"); hidden from screen readers, which
    /// read it in the question.
    pub suffix: Option<AttrValue>,
    /// Each change of the text: the whole text.
    pub oninput: Callback<String>,
}

/// A text field.
pub fn text_input(props: &TextInputProps, t: &Texts) -> Html {
    let in_error = props.field.error.is_some();
    let described = described_by(&props.field.id, props.field.hint.is_some(), in_error);
    let oninput = props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let children = html! {
            <div class="icp-input-wrapper">
                <input class={classes!("icp-input", props.width.map(|w| format!("icp-input--width-{w}")), in_error.then_some("icp-input--error"))}
                    id={props.field.id.clone()} name={props.field.id.clone()} type="text" inputmode={props.inputmode.clone()}
                    spellcheck="false" autocomplete="off" value={props.value.clone()} {oninput}
                    aria-labelledby={props.labelled_by.clone()} aria-describedby={described}
                    aria-invalid={in_error.then_some("true")} />
                if let Some(u) = &props.suffix {
                    <div class="icp-input__suffix" aria-hidden="true">{ u.clone() }</div>
                }
            </div>
    };
    fieldset(&props.field, false, children, t)
}
