//! The language switch: a button for each other language on offer, and the
//! status of a language being fetched or that could not be had.
use yew::prelude::*;

use super::context::texts_for;
use super::hooks::use_translation::Languages;
use super::texts::Texts;

/// A language's name in itself where the interface speaks it (English,
/// Français); else its tag, rather than another language's name.
fn language_name(lang: &str) -> String {
    let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "en" | "fr" => texts_for(lang).language_name.to_owned(),
        _ => lang.to_owned(),
    }
}

/// Buttons to switch language, each named in its own language.
pub fn language_switch(l: &Languages, t: &Texts) -> Html {
    let shown = l.current.as_ref().map(|d| d.lang.as_str());
    let buttons = l.offered.iter().enumerate().filter(|(_, lang)| Some(lang.as_str()) != shown).map(|(i, lang)| {
        html! {
            <button type="button" class="icp-link-button icp-lang__button" lang={lang.clone()}
                onclick={l.onchoose.reform(move |_: MouseEvent| i)}>{ language_name(lang) }</button>
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

#[cfg(test)]
mod tests {
    use super::language_name;

    #[test]
    fn a_language_the_interface_speaks_is_named_in_itself_and_another_by_its_tag() {
        assert_eq!(language_name("fr-CA"), "Français");
        assert_eq!(language_name("en-GB"), "English");
        assert_eq!(language_name("de"), "de", "never called English");
    }
}
