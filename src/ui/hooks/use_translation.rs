//! The language the widget speaks: negotiated once from what is asked (the
//! `lang` attribute, the host page, the browser), switched by the candidate,
//! and, for a language whose content is a file beside the bundle, fetched
//! when first chosen. Until it arrives, the widget stays in the language it
//! has; a stale file (another content version) is not used.
use std::rc::Rc;

use yew::prelude::*;

use crate::pathway::Definition;
use crate::ui::loaded::Translation;

/// The languages on offer and the one in use.
#[derive(Clone, PartialEq)]
pub struct Languages {
    /// The definition in the language in use (the main one until a fetched
    /// one arrives); none when the widget has no definition.
    pub current: Option<Rc<Definition>>,
    /// Every language on offer, the main definition's first.
    pub offered: Vec<String>,
    /// The index in `offered` of the language chosen.
    pub chosen: usize,
    /// The chosen language is being fetched.
    pub loading: bool,
    /// The chosen language could not be had.
    pub failed: bool,
    /// Chooses the language at this index of `offered`.
    pub onchoose: Callback<usize>,
}

/// Negotiates and switches the language of `main` among its `translations`.
#[hook]
pub fn use_translation(main: Option<Rc<Definition>>, translations: Vec<Translation>, requested: Option<AttrValue>) -> Languages {
    let offered = offered_languages(main.as_deref(), &translations);
    let chosen = {
        let offered = offered.clone();
        use_state(move || negotiate(&offered, requested.as_deref()))
    };
    let fetched = use_reducer(Fetched::default);
    let failed = use_state(|| false);
    let version = |i: usize| -> Option<Rc<Definition>> {
        match translations.get(i.checked_sub(1)?)? {
            Translation::Ready(d) => Some(d.clone()),
            Translation::Remote { lang, .. } => fetched.0.iter().find(|d| &d.lang == lang).cloned(),
        }
    };
    let chosen_version = if *chosen == 0 { main.clone() } else { version(*chosen) };
    let loading = main.is_some() && chosen_version.is_none() && !*failed;
    {
        let remote = translations.get(chosen.wrapping_sub(1)).and_then(|t| match t {
            Translation::Remote { url, checked_against, lang } if loading => Some((url.clone(), checked_against.clone(), lang.clone())),
            _ => None,
        });
        let (fetched, failed) = (fetched.clone(), failed.clone());
        let same = main.as_ref().map(|m| (m.id.clone(), m.version));
        use_effect_with(remote, move |remote| {
            // A failure that arrives after the candidate chose another language is not theirs to see.
            let left = Rc::new(std::cell::Cell::new(false));
            if let Some((url, checked_against, lang)) = remote.clone() {
                let left = left.clone();
                yew::platform::spawn_local(async move {
                    // Only the embed runs organizations' definitions; the demo page's bundle
                    // leaves the check out, as it does located errors (src/ui/decode.rs).
                    let read = match &checked_against {
                        #[cfg(feature = "embed")]
                        Some(main) => crate::ui::fetch::translation(&url, main, &lang).await,
                        _ => {
                            let _ = &lang; // only the embed's check reads it
                            crate::ui::fetch::builtin(&url).await
                        }
                    };
                    match read {
                        // Kept even if the candidate has moved on: it is valid, and saves a fetch.
                        Ok(d) if Some((d.id.clone(), d.version)) == same => fetched.dispatch(Rc::new(d)),
                        Ok(d) => {
                            crate::ui::log::error(&format!("IC Pathfinder: {url} is version {} of \"{}\", not this content's: not used", d.version, d.id));
                            if !left.get() {
                                failed.set(true);
                            }
                        }
                        Err(e) => {
                            crate::ui::log::error(&format!("IC Pathfinder: translation unavailable: {url}: {e}"));
                            if !left.get() {
                                failed.set(true);
                            }
                        }
                    }
                });
            }
            move || left.set(true)
        });
    }
    let onchoose = {
        let (chosen, failed) = (chosen.clone(), failed.clone());
        Callback::from(move |i: usize| {
            failed.set(false);
            chosen.set(i);
        })
    };
    Languages { current: chosen_version.or(main), offered, chosen: *chosen, loading, failed: *failed, onchoose }
}

/// The versions fetched so far; added to, never replaced, so that two
/// arriving close together are both kept.
#[derive(Default)]
struct Fetched(Vec<Rc<Definition>>);

impl Reducible for Fetched {
    type Action = Rc<Definition>;
    fn reduce(self: Rc<Self>, version: Rc<Definition>) -> Rc<Self> {
        let mut all = self.0.clone();
        all.push(version);
        Rc::new(Fetched(all))
    }
}

/// The languages on offer: the main definition's, then its translations'.
pub fn offered_languages(main: Option<&Definition>, translations: &[Translation]) -> Vec<String> {
    match main {
        Some(main) => std::iter::once(main.lang.clone()).chain(translations.iter().map(|t| t.lang().to_owned())).collect(),
        None => Vec::new(),
    }
}

/// The index in `offered` of the language the widget opens in, for the
/// `requested` one (the `lang` attribute) and what the page and the browser ask for.
pub fn negotiate(offered: &[String], requested: Option<&str>) -> usize {
    let refs: Vec<&str> = offered.iter().map(String::as_str).collect();
    pick_language(&refs, &wanted_languages(requested))
}

/// The index of the best language among `available` for the `wanted` list
/// (most wanted first): an exact match, else the same primary language
/// (`fr` for `fr-CA`), else the first available.
pub fn pick_language(available: &[&str], wanted: &[String]) -> usize {
    let primary = |l: &str| l.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    for w in wanted {
        if let Some(i) = available.iter().position(|a| a.eq_ignore_ascii_case(w)) {
            return i;
        }
        if let Some(i) = available.iter().position(|a| primary(a) == primary(w)) {
            return i;
        }
    }
    0
}

/// The languages the context asks for, most wanted first.
fn wanted_languages(requested: Option<&str>) -> Vec<String> {
    #[cfg_attr(not(target_arch = "wasm32"), allow(unused_mut))]
    let mut wanted: Vec<String> = requested.filter(|l| !l.is_empty()).map(str::to_owned).into_iter().collect();
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Some(lang) = window.document().and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang")) {
            wanted.push(lang);
        }
        for l in window.navigator().languages().iter() {
            if let Some(l) = l.as_string() {
                wanted.push(l);
            }
        }
    }
    wanted
}
