//! The error summary, as GOV.UK's: at the top of the page when an answer is
//! refused, it takes focus so that screen readers read it at once, and each
//! of its links moves to the field at fault.
//!
//! Two details of govuk-frontend's ErrorSummary matter and are kept:
//! - `role="alert"` is on an inner element, not on the element that takes
//!   focus: with both on one element, the announcement of the alert and that
//!   of the focus race, and screen readers may drop part of the summary.
//! - A link does not jump to `#id`. That would scroll the field to the top
//!   of the screen with its question above, out of sight, and change the
//!   host page's URL. It scrolls the field's legend (a radio or checkbox
//!   group's question) or label into view, then focuses the field without
//!   scrolling again (`focusTarget` in govuk-frontend).
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// One error of an [`ErrorSummary`].
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorLink {
    /// Id of the field at fault: the link's `#target`.
    pub target: AttrValue,
    /// What to fix; the same words as the field's error message.
    pub message: AttrValue,
}

/// What [`error_summary`] shows.
#[derive(PartialEq, Default)]
pub struct ErrorSummaryProps {
    /// "There is a problem".
    pub title: AttrValue,
    /// The errors, in the order of the fields.
    pub errors: Vec<ErrorLink>,
}

/// A summary of what to fix. `node` is the caller's reference to it: the
/// caller focuses it when it appears and on each failed attempt, even when
/// its words are the same ([`use_focus_on_attempt`]).
pub fn error_summary(props: &ErrorSummaryProps, node: NodeRef) -> Html {
    let links = props.errors.iter().map(|error| {
        let onclick = {
            let (node, target) = (node.clone(), error.target.clone());
            Callback::from(move |e: MouseEvent| {
                // Always: a #hash jump would change the host page's URL and,
                // inside a shadow root, may scroll the wrong document.
                e.prevent_default();
                if let Some(summary) = node.cast::<Element>() {
                    focus_target(&summary, &target);
                }
            })
        };
        html! { <li><a href={format!("#{}", error.target)} {onclick}>{ error.message.clone() }</a></li> }
    });
    html! {
        <div class="icp-error-summary" tabindex="-1" ref={node.clone()}>
            <div role="alert">
                <h2 class="icp-error-summary__title">{ props.title.clone() }</h2>
                <div class="icp-error-summary__body">
                    <ul class="icp-error-summary__list">{ for links }</ul>
                </div>
            </div>
        </div>
    }
}

/// Scrolls the question of the field `id` into view and focuses the field.
/// The field is looked up under the widget's root, not in `document`: the
/// widget may live in a shadow root, and two widgets on a page have
/// different ids but the same structure.
fn focus_target(summary: &Element, id: &str) {
    let Some(root) = summary.closest(".icp-root").ok().flatten() else { return };
    let Some(input) = root.query_selector(&format!("[id='{id}']")).ok().flatten() else { return };
    let Ok(input) = input.dyn_into::<HtmlElement>() else { return };
    match legend_or_label(&root, &input) {
        Some(context) => {
            context.scroll_into_view();
            focus_without_scrolling(&input);
        }
        // Nothing to show above it: let focus scroll the field into view.
        None => {
            let _ = input.focus();
        }
    }
}

/// govuk-frontend's `getAssociatedLegendOrLabel`: the legend of the field's
/// fieldset for a radio or checkbox, or for another field when the field
/// still ends up in the top half of the screen (not hidden behind a phone's
/// keyboard); else the field's label. Where there is no label (a text field
/// named by the legend's heading) the legend still beats nothing.
fn legend_or_label(root: &Element, input: &HtmlElement) -> Option<Element> {
    let legend = input.closest("fieldset").ok().flatten().and_then(|f| f.query_selector("legend").ok().flatten());
    if let Some(legend) = &legend {
        let choice = input.dyn_ref::<HtmlInputElement>().is_some_and(|i| matches!(i.type_().as_str(), "radio" | "checkbox"));
        if choice || legend_fits_above(legend, input) {
            return Some(legend.clone());
        }
    }
    let label = root.query_selector(&format!("label[for='{}']", input.id())).ok().flatten();
    label.or_else(|| input.closest("label").ok().flatten()).or(legend)
}

/// Whether the distance from the legend's top to the field's bottom is less
/// than half the window's height. Read through `Reflect` so the widget needs
/// no more web-sys features than it has (DomRect).
fn legend_fits_above(legend: &Element, input: &HtmlElement) -> bool {
    let (Some((legend_top, _)), Some((input_top, input_height))) = (bounds(legend), bounds(input)) else { return false };
    let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    input_height > 0.0 && window_height > 0.0 && input_top + input_height - legend_top < window_height / 2.0
}

/// `top` and `height` of `el.getBoundingClientRect()`.
fn bounds(el: &Element) -> Option<(f64, f64)> {
    let get = |o: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(o, &key.into()).ok();
    let method: js_sys::Function = get(el, "getBoundingClientRect")?.dyn_into().ok()?;
    let rect = method.call0(el).ok()?;
    Some((get(&rect, "top")?.as_f64()?, get(&rect, "height")?.as_f64()?))
}

/// `el.focus({ preventScroll: true })`: the question was just scrolled into
/// view above the field, and a plain focus would scroll again to put the
/// field at the edge. Browsers without the option scroll anyway, which
/// is why the question is scrolled first.
fn focus_without_scrolling(el: &HtmlElement) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    match js_sys::Reflect::get(el, &"focus".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(focus) => {
            let _ = focus.call1(el, &options);
        }
        None => {
            let _ = el.focus();
        }
    }
}

/// Focuses the error summary at `node` after each failed attempt (`attempt`
/// changes), so that screen readers read it at once.
#[hook]
pub fn use_focus_on_attempt(node: NodeRef, attempt: u32) {
    use_effect_with(attempt, move |_| {
        if let Some(el) = node.cast::<HtmlElement>() {
            let _ = el.focus();
        }
    });
}
