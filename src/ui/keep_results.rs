//! Results people can keep: print, copy as text, download, share link.
use std::rc::Rc;

use yew::prelude::*;

use super::context::Settings;
use super::{export, share};
use crate::pathway::{Answers, Definition};

/// Props of [`KeepResults`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The definition.
    pub definition: Rc<Definition>,
    /// The answers.
    pub answers: Answers,
}

/// Print, copy, download and share buttons, with their confirmations.
#[function_component(KeepResults)]
pub fn keep_results(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let status = use_state(|| None::<&'static str>);
    let share_link = use_state(|| None::<String>);

    let text = {
        let (d, a) = (props.definition.clone(), props.answers.clone());
        move || export::markdown(&d, &a, t)
    };
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let oncopy = {
        let (status, text) = (status.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            copy(&text(), move |ok| status.set(Some(if ok { t.copied } else { t.copy_failed })));
        })
    };
    let ondownload = {
        let (status, text) = (status.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            if download(&text(), t.download_name) {
                status.set(Some(t.downloaded));
            }
        })
    };
    let onshare = {
        let (share_link, d, a) = (share_link.clone(), props.definition.clone(), props.answers.clone());
        Callback::from(move |_: MouseEvent| share_link.set(Some(link(&share::encode(&d, &a)))))
    };
    let oncopylink = {
        let (status, share_link) = (status.clone(), share_link.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = &*share_link {
                let status = status.clone();
                copy(l, move |ok| status.set(Some(if ok { t.link_copied } else { t.copy_failed })));
            }
        })
    };
    let link_id = settings.id(&["share-link"]);
    let warning_id = settings.id(&["share-warning"]);
    html! {
        <section class="icp-keep" aria-labelledby={settings.id(&["keep"])}>
            <h3 class="icp-keep__title" id={settings.id(&["keep"])}>{ t.keep_title }</h3>
            <div class="icp-button-group">
                <button type="button" class="icp-button icp-button--secondary" onclick={onprint}>{ t.print }</button>
                <button type="button" class="icp-button icp-button--secondary" onclick={oncopy}>{ t.copy }</button>
                <button type="button" class="icp-button icp-button--secondary" onclick={ondownload}>{ t.download }</button>
                <button type="button" class="icp-button icp-button--secondary" onclick={onshare}>{ t.share }</button>
            </div>
            <p class="icp-keep__status" role="status">{ status.unwrap_or_default() }</p>
            if let Some(l) = &*share_link {
                <div class="icp-keep__share">
                    <p class="icp-warning" id={warning_id.clone()}><strong>{ t.share_warning }</strong></p>
                    <label class="icp-keep__label" for={link_id.clone()}>{ t.share_label }</label>
                    <input class="icp-input icp-keep__link" id={link_id} type="text" readonly=true value={l.clone()}
                        aria-describedby={warning_id} />
                    <button type="button" class="icp-button icp-button--secondary" onclick={oncopylink}>{ t.copy_link }</button>
                </div>
            }
        </section>
    }
}

/// The current page's address with the answers in its fragment.
fn link(value: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    format!("{base}#{}={value}", share::PARAM)
}

/// Copies with the async Clipboard API and reports the outcome once the browser has decided.
fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let Some(w) = web_sys::window() else { return done(false) };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let report = move |ok: bool| {
        if let Some(done) = done.borrow_mut().take() {
            done(ok);
        }
    };
    let (ok, fail) = (report.clone(), report);
    let resolved = Closure::once(move |_: JsValue| ok(true));
    let rejected = Closure::once(move |_: JsValue| fail(false));
    let _ = w.navigator().clipboard().write_text(text).then2(&resolved, &rejected);
    // Each is called at most once per click: leaking them is simpler than owning them.
    resolved.forget();
    rejected.forget();
}

fn download(text: &str, name: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}
