//! Checkboxes: any number of choices, in a fieldset whose legend is the
//! question, with GOV.UK's exclusive option: "None of these" unticks the
//! others, and ticking another unticks it, so the two never contradict each
//! other. The exclusive option comes after an "or" divider.
//!
//! Ids as in [`super::radios`]: the first input takes the field's id, the
//! others `<id>-2`, ...; an option's hint is `<input id>-item-hint`.
use yew::prelude::*;

use super::fieldset::{fieldset, FieldsetProps};
use super::radios::item_id;
use crate::ui::texts::Texts;

/// One option of [`checkboxes`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckboxItem {
    /// The input's value.
    pub value: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// A hint under the label.
    pub hint: Option<AttrValue>,
    /// "None of these": unticks the others when ticked.
    pub exclusive: bool,
}

/// What [`checkboxes`] shows.
#[derive(PartialEq, Default)]
pub struct CheckboxesProps {
    /// The field's id; also the inputs' `name`.
    pub id: AttrValue,
    /// Inside the `<legend>`: the question.
    pub legend: Html,
    /// A hint under the question.
    pub hint: Option<AttrValue>,
    /// The error message, when the last answer was refused.
    pub error: Option<AttrValue>,
    /// The options, in order.
    pub items: Vec<CheckboxItem>,
    /// The values ticked.
    pub values: Vec<AttrValue>,
    /// A box was ticked or unticked: the values ticked now, in the order
    /// they were ticked (the caller orders them as it needs).
    pub onchange: Callback<Vec<AttrValue>>,
}

/// What is ticked after `value` is toggled, with the exclusive rule applied.
pub fn toggle(items: &[CheckboxItem], ticked: &[AttrValue], value: &AttrValue) -> Vec<AttrValue> {
    let exclusive = |v: &AttrValue| items.iter().any(|i| i.exclusive && &i.value == v);
    let mut next = ticked.to_vec();
    if let Some(pos) = next.iter().position(|v| v == value) {
        next.remove(pos);
    } else if exclusive(value) {
        next = vec![value.clone()];
    } else {
        next.retain(|v| !exclusive(v));
        next.push(value.clone());
    }
    next
}

/// A checkbox group; `t` gives the "or" before the exclusive option and the
/// error message's hidden prefix.
pub fn checkboxes(props: &CheckboxesProps, t: &Texts) -> Html {
    let name = props.id.clone();
    let items = props.items.iter().enumerate().map(|(n, item)| {
        let id = item_id(&name, n);
        let item_hint = format!("{id}-item-hint");
        let onchange = {
            let (onchange, items, ticked, value) =
                (props.onchange.clone(), props.items.clone(), props.values.clone(), item.value.clone());
            Callback::from(move |_: Event| onchange.emit(toggle(&items, &ticked, &value)))
        };
        html! {
            <>
            if item.exclusive {
                <div class="icp-checkboxes__divider">{ t.or }</div>
            }
            <div class="icp-checkboxes__item">
                <input class="icp-checkboxes__input" type="checkbox" id={id.clone()} name={name.clone()}
                    value={item.value.clone()} checked={props.values.contains(&item.value)}
                    aria-describedby={item.hint.as_ref().map(|_| item_hint.clone())}
                    {onchange} />
                <label class="icp-checkboxes__label" for={id}>{ item.label.clone() }</label>
                if let Some(h) = &item.hint {
                    <div id={item_hint} class="icp-hint icp-checkboxes__hint">{ h.clone() }</div>
                }
            </div>
            </>
        }
    });
    let children = html! { <div class="icp-checkboxes">{ for items }</div> };
    let (id, legend, hint, error) = (props.id.clone(), props.legend.clone(), props.hint.clone(), props.error.clone());
    fieldset(&FieldsetProps { id, legend, hint, error, describe: true, children }, t)
}
