//! The GOV.UK error summary: takes focus, links to the field at fault.
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// "There is a problem".
    pub title: AttrValue,
    /// What to fix.
    pub message: String,
    /// Id of the field the link moves to.
    pub target: String,
    /// Changes on each failed attempt, so focus returns to the summary each time.
    pub attempt: u32,
}

/// A summary of what to fix, focused when it appears.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &Props) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.attempt, move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let target = props.target.clone();
    let onclick = {
        let node = node.clone();
        Callback::from(move |e: MouseEvent| {
            // Move focus to the field itself; a plain #hash jump would also
            // change the host page's URL and may scroll the wrong document.
            e.prevent_default();
            if let Some(root) = node.cast::<web_sys::Element>().and_then(|el| el.closest(".icp-root").ok().flatten()) {
                if let Ok(Some(field)) = root.query_selector(&format!("#{target}")) {
                    if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                        let _ = field.focus();
                    }
                }
            }
        })
    };
    html! {
        <div class="icp-error-summary" role="alert" tabindex="-1" ref={node}>
            <h2 class="icp-error-summary__title">{ props.title.clone() }</h2>
            <ul class="icp-error-summary__list">
                <li><a href={format!("#{}", props.target)} {onclick}>{ &props.message }</a></li>
            </ul>
        </div>
    }
}
