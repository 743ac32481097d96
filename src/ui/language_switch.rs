//! The language switch: a button for each other language on offer, and the
//! status of a language being fetched or that could not be had.
use yew::prelude::*;

use super::context::texts_for;
use super::hooks::use_translation::Languages;
use super::texts::Texts;

/// Buttons to switch language, each named in its own language.
pub fn language_switch(l: &Languages, t: &Texts) -> Html {
    let shown = l.current.as_ref().map(|d| d.lang.as_str());
    let buttons = l.offered.iter().enumerate().filter(|(_, lang)| Some(lang.as_str()) != shown).map(|(i, lang)| {
        html! {
            <button type="button" class="icp-link-button icp-lang__button" lang={lang.clone()}
                onclick={l.onchoose.reform(move |_: MouseEvent| i)}>{ texts_for(lang).language_name }</button>
        }
    });
    html! {
        <div class="icp-lang">
            if l.loading { <span class="icp-lang__status" role="status">{ t.loading }</span> }
            if l.failed { <span class="icp-lang__status" role="status">{ t.language_unavailable }</span> }
            { for buttons }
        </div>
    }
}
