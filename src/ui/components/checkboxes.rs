//! Checkboxes: any number of choices, in a fieldset whose legend is the
//! question, with GOV.UK's exclusive option: "None of these" unticks the
//! others, and ticking another unticks it, so the two never contradict each
//! other. The exclusive option comes after an "or" divider.
//!
//! Ids as in [`super::radios`]: the first input takes the field's id, the
//! others `<id>-2`, ...; an option's hint is `<input id>-item-hint`.
use yew::prelude::*;

use super::fieldset::{fieldset, Field};
use super::radios::choice;
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
    /// The question, its id, hint and error.
    pub field: Field,
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
    let name = props.field.id.clone();
    let items = props.items.iter().enumerate().map(|(n, item)| {
        let onchange = {
            let (onchange, items, ticked, value) = (props.onchange.clone(), props.items.clone(), props.values.clone(), item.value.clone());
            Callback::from(move |_: Event| onchange.emit(toggle(&items, &ticked, &value)))
        };
        html! {
            <>
            if item.exclusive {
                <div class="icp-checkboxes__divider">{ t.or }</div>
            }
            { choice("checkbox", &name, n, &item.value, &item.label, item.hint.as_ref(), props.values.contains(&item.value), onchange) }
            </>
        }
    });
    let children = html! { <div class="icp-checkboxes">{ for items }</div> };
    fieldset(&props.field, true, children, t)
}
