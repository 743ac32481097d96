//! Radios: one choice among several, in a fieldset whose legend is the
//! question. Native radio inputs, so arrow keys, forms mode in screen
//! readers and autofill work as everywhere else.
//!
//! Ids: the first input takes the field's id (where the error summary's
//! link goes), the others `<id>-2`, `<id>-3`, ...; an option's hint is
//! `<input id>-item-hint`, named by its input's `aria-describedby`.
use yew::prelude::*;

use super::fieldset::{fieldset, Field};
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
    /// The question, its id, hint and error.
    pub field: Field,
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
    let name = props.field.id.clone();
    let items = props.items.iter().enumerate().map(|(n, item)| {
        let onchange = {
            let (onchange, value) = (props.onchange.clone(), item.value.clone());
            Callback::from(move |_: Event| onchange.emit(value.clone()))
        };
        let checked = props.value.as_ref() == Some(&item.value);
        choice("radio", &name, n, &item.value, &item.label, item.hint.as_ref(), checked, onchange)
    });
    let children = html! {
        <div class={classes!("icp-radios", props.inline.then_some("icp-radios--inline"))}>{ for items }</div>
    };
    fieldset(&props.field, true, children, t)
}

/// One radio (`kind` "radio", classes `icp-radios__*`) or checkbox
/// ("checkbox", `icp-checkboxes__*`): its input, its label, its hint; the
/// `n`th (from 0) of the field `name`.
#[allow(clippy::too_many_arguments)]
pub(super) fn choice(
    kind: &'static str,
    name: &AttrValue,
    n: usize,
    value: &AttrValue,
    label: &AttrValue,
    hint: Option<&AttrValue>,
    checked: bool,
    onchange: Callback<Event>,
) -> Html {
    let block = if kind == "radio" { "icp-radios" } else { "icp-checkboxes" };
    let id = item_id(name, n);
    let item_hint = format!("{id}-item-hint");
    html! {
        <div class={format!("{block}__item")}>
            <input class={format!("{block}__input")} type={kind} id={id.clone()} name={name.clone()}
                value={value.clone()} {checked} aria-describedby={hint.map(|_| item_hint.clone())} {onchange} />
            <label class={format!("{block}__label")} for={id}>{ label.clone() }</label>
            if let Some(h) = hint {
                <div id={item_hint} class={format!("icp-hint {block}__hint")}>{ h.clone() }</div>
            }
        </div>
    }
}
