//! Radios: one choice among several, in a fieldset whose legend is the
//! question. Native radio inputs, so arrow keys, forms mode in screen
//! readers and autofill work as everywhere else.
//!
//! Ids: the first input takes the field's id (where the error summary's
//! link goes), the others `<id>-2`, `<id>-3`, ...; an option's hint is
//! `<input id>-item-hint`, named by its input's `aria-describedby`.
use yew::prelude::*;

use super::fieldset::{fieldset, FieldsetProps};
use crate::ui::texts::Texts;

/// One option of [`radios`].
#[derive(Debug, Clone, PartialEq)]
pub struct RadioItem {
    /// The input's value, emitted when chosen.
    pub value: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// A hint under the label.
    pub hint: Option<AttrValue>,
}

/// What [`radios`] shows.
#[derive(PartialEq, Default)]
pub struct RadiosProps {
    /// The field's id; also the inputs' `name`.
    pub id: AttrValue,
    /// Inside the `<legend>`: the question.
    pub legend: Html,
    /// A hint under the question.
    pub hint: Option<AttrValue>,
    /// The error message, when the last answer was refused.
    pub error: Option<AttrValue>,
    /// The options, in order.
    pub items: Vec<RadioItem>,
    /// The value chosen, if any.
    pub value: Option<AttrValue>,
    /// Side by side, for two short options (Yes / No).
    pub inline: bool,
    /// An option was chosen: its value.
    pub onchange: Callback<AttrValue>,
}

/// Id of the `n`th input (from 0) of the field `id`.
pub fn item_id(id: &str, n: usize) -> String {
    if n == 0 {
        id.to_owned()
    } else {
        format!("{id}-{}", n + 1)
    }
}

/// A radio group; `t` gives the error message's hidden prefix.
pub fn radios(props: &RadiosProps, t: &Texts) -> Html {
    let name = props.id.clone();
    let items = props.items.iter().enumerate().map(|(n, item)| {
        let id = item_id(&name, n);
        let item_hint = format!("{id}-item-hint");
        let onchange = {
            let (onchange, value) = (props.onchange.clone(), item.value.clone());
            Callback::from(move |_: Event| onchange.emit(value.clone()))
        };
        html! {
            <div class="icp-radios__item">
                <input class="icp-radios__input" type="radio" id={id.clone()} name={name.clone()}
                    value={item.value.clone()} checked={props.value.as_ref() == Some(&item.value)}
                    aria-describedby={item.hint.as_ref().map(|_| item_hint.clone())}
                    {onchange} />
                <label class="icp-radios__label" for={id}>{ item.label.clone() }</label>
                if let Some(h) = &item.hint {
                    <div id={item_hint} class="icp-hint icp-radios__hint">{ h.clone() }</div>
                }
            </div>
        }
    });
    let children = html! {
        <div class={classes!("icp-radios", props.inline.then_some("icp-radios--inline"))}>{ for items }</div>
    };
    let (id, legend, hint, error) = (props.id.clone(), props.legend.clone(), props.hint.clone(), props.error.clone());
    fieldset(&FieldsetProps { id, legend, hint, error, describe: true, children }, t)
}
