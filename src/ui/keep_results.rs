//! Results people can keep: print, copy as text, download as a web page
//! (which a phone opens offline), and a share link, sent with the device's
//! own share sheet where it has one, else copied.
use std::rc::Rc;

use yew::prelude::*;

use super::components::{button, button_group, ButtonVariant};
use super::context::Settings;
use super::evaluation::Evaluation;
use super::{export, share};

/// Props of [`KeepResults`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The checklist to keep, with its definition and answers.
    pub evaluation: Rc<Evaluation>,
}

/// Print, copy, download and share buttons, with their confirmations.
#[function_component(KeepResults)]
pub fn keep_results(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let status = use_state(|| None::<&'static str>);
    let share_link = use_state(|| None::<String>);

    let text = {
        let evaluation = props.evaluation.clone();
        move || export::text(&evaluation, t, &today())
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let oncopy = {
        let (status, text) = (status.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, text) = (status.clone(), text());
            yew::platform::spawn_local(async move {
                status.set(Some(if copy(&text).await { t.copied } else { t.copy_failed }));
            });
        })
    };
    let ondownload = {
        let (status, evaluation) = (status.clone(), props.evaluation.clone());
        Callback::from(move |_: MouseEvent| {
            if download(&export::html(&evaluation, t, &today()), t.download_name) {
                status.set(Some(t.downloaded));
            }
        })
    };
    let onsend = {
        let (status, share_link, title) = (status.clone(), share_link.clone(), props.evaluation.definition().title.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = (*share_link).clone() {
                let (status, title) = (status.clone(), title.clone());
                yew::platform::spawn_local(async move {
                    // Cancelled by the candidate: nothing to say.
                    if send(&title, &l).await {
                        status.set(Some(t.link_sent));
                    }
                });
            }
        })
    };
    let onshare = {
        let (status, share_link, evaluation) = (status.clone(), share_link.clone(), props.evaluation.clone());
        Callback::from(move |_: MouseEvent| {
            // A confirmation of an earlier press ("downloaded") is over once the link shows.
            status.set(None);
            share_link.set(Some(link(&share::encode(evaluation.definition(), evaluation.answers(), evaluation.ticks()))));
        })
    };
    let oncopylink = {
        let (status, share_link) = (status.clone(), share_link.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = (*share_link).clone() {
                let status = status.clone();
                yew::platform::spawn_local(async move {
                    status.set(Some(if copy(&l).await { t.link_copied } else { t.copy_failed }));
                });
            }
        })
    };
    let link_id = settings.id(&["share-link"]);
    let warning_id = settings.id(&["share-warning"]);
    html! {
        <section class="icp-keep" aria-labelledby={settings.id(&["keep"])}>
            <h3 class="icp-keep__title" id={settings.id(&["keep"])}>{ t.keep_title }</h3>
            <div class="icp-button-group">
                { button(ButtonVariant::Secondary, t.print, onprint) }
                { button(ButtonVariant::Secondary, t.copy, oncopy) }
                { button(ButtonVariant::Secondary, t.download, ondownload) }
                { button(ButtonVariant::Secondary, t.share, onshare) }
            </div>
            <p class="icp-keep__status" role="status">{ status.unwrap_or_default() }</p>
            if let Some(l) = &*share_link {
                <div class="icp-keep__share">
                    <p class="icp-warning" id={warning_id.clone()}><strong>{ t.share_warning }</strong></p>
                    <label class="icp-keep__label" for={link_id.clone()}>{ t.share_label }</label>
                    <input class="icp-input icp-keep__link" id={link_id} type="text" readonly=true value={l.clone()}
                        aria-describedby={warning_id} />
                    { button_group(html! { <>
                        if can_send() { { button(ButtonVariant::Primary, t.send_link, onsend) } }
                        { button(ButtonVariant::Secondary, t.copy_link, oncopylink) }
                    </> }) }
                </div>
            }
        </section>
    }
}

/// The current page's address with the answers in its fragment (replacing
/// any fragment the page had).
fn link(value: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match web_sys::Url::new(&href) {
        Ok(url) => {
            url.set_hash(&format!("{}={value}", share::PARAM));
            url.href()
        }
        Err(_) => format!("#{}={value}", share::PARAM),
    }
}

/// Copies with the async Clipboard API; true once the browser has accepted it.
async fn copy(text: &str) -> bool {
    let promise = gloo::utils::window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Today as `YYYY-MM-DD`, in the candidate's time zone.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The browser's `navigator.share`, where it has one (phones, most desktops).
fn share_function() -> Option<js_sys::Function> {
    use wasm_bindgen::JsCast;
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into().ok()
}

/// Whether the device has a share sheet. Natively (the markup tests) it has none.
fn can_send() -> bool {
    cfg!(target_arch = "wasm32") && share_function().is_some()
}

/// Opens the device's share sheet with the link; true once an app took it
/// (false when the candidate closed the sheet, or there is none).
async fn send(title: &str, url: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(share) = share_function() else { return false };
    let Ok(data) = js_sys::JSON::parse(&serde_json::json!({ "title": title, "url": url }).to_string()) else { return false };
    let navigator = gloo::utils::window().navigator();
    let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers the text as a file download; the object URL is revoked when
/// `url` is dropped, after the click has started the download.
fn download(text: &str, name: &str) -> bool {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(text, Some("text/html;charset=utf-8"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(a) = gloo::utils::document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    true
}
