//! The root component: loads saved progress, owns the one reducer, saves on
//! every change, moves focus on navigation, and routes to the pages.
use std::rc::Rc;

use yew::prelude::*;

use super::check_answers::CheckAnswers;
use super::hooks::{use_completion, use_page_focus, use_persistence, use_share_link};
use super::context::Settings;
use super::error_panel::ErrorPanel;
use super::notice::{NoticeAction, NoticeBanner};
use super::question_page::QuestionPage;
use super::results::Results;
use super::start_page::StartPage;
use super::state::{Action, Notice, Screen, State};
use super::share;
use super::storage::{Access, Saved, StorageError, Store};
use crate::pathway::{evaluate, Definition, DefinitionError};

/// The definition to run, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A valid definition.
    Ready(Rc<Definition>),
    /// The problems, one line each, shown in the error panel.
    Failed(Vec<String>),
}

/// Another language version of the definition (same ids and rules).
#[derive(Debug, Clone, PartialEq)]
pub enum Translation {
    /// Already parsed.
    Ready(Rc<Definition>),
    /// Fetched from `url` when the candidate chooses `lang`.
    Remote {
        /// Its language (BCP 47).
        lang: String,
        /// Where its JSON is.
        url: String,
    },
}

impl Translation {
    /// Its language.
    pub fn lang(&self) -> &str {
        match self {
            Translation::Ready(d) => &d.lang,
            Translation::Remote { lang, .. } => lang,
        }
    }
}

impl Loaded {
    /// The name of the built-in content's file, fetched from beside the bundle.
    pub const BUILTIN_FILE: &'static str = "default.en.json";

    /// The built-in content's translations: French, fetched from
    /// `content_base` + `default.fr-CA.json` when chosen.
    pub fn builtin_translations(content_base: &str) -> Vec<Translation> {
        vec![Translation::Remote { lang: "fr-CA".into(), url: format!("{content_base}default.fr-CA.json") }]
    }
}

impl From<Result<Definition, DefinitionError>> for Loaded {
    fn from(r: Result<Definition, DefinitionError>) -> Self {
        match r {
            Ok(d) => Loaded::Ready(Rc::new(d)),
            Err(DefinitionError::Invalid(issues)) => Loaded::Failed(issues.iter().map(|i| i.to_string()).collect()),
            Err(e) => Loaded::Failed(vec![e.to_string()]),
        }
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The definition.
    pub definition: Loaded,
    /// The same definition in other languages (same ids), offered by a language switch.
    #[prop_or_default]
    pub translations: Vec<Translation>,
    /// The language asked for (the `lang` attribute); else the host page's, else the browser's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Where progress is saved; distinct keys keep instances apart.
    #[prop_or_else(|| AttrValue::from("default"))]
    pub storage_key: AttrValue,
    /// Prefix of DOM ids, unique per instance on a page.
    #[prop_or_else(|| AttrValue::from("icp"))]
    pub id_prefix: AttrValue,
    /// Called with `(pathway id, status)` pairs each time the results page is
    /// reached or its statuses change. Never carries answers.
    #[prop_or_default]
    pub oncomplete: Callback<Vec<(String, String)>>,
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

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let main = match &props.definition {
        Loaded::Ready(d) => Some(d.clone()),
        Loaded::Failed(_) => None,
    };
    // Languages on offer: the definition's own, then its translations.
    let langs: Vec<String> = match &main {
        Some(d) => std::iter::once(d.lang.clone()).chain(props.translations.iter().map(|t| t.lang().to_owned())).collect(),
        None => Vec::new(),
    };
    let chosen = {
        let available = langs.clone();
        let requested = props.lang.as_ref().map(|l| l.to_string());
        use_state(move || {
            let refs: Vec<&str> = available.iter().map(String::as_str).collect();
            pick_language(&refs, &wanted_languages(requested.as_deref()))
        })
    };
    let fetched = use_state(Vec::<Rc<Definition>>::new);
    let load_failed = use_state(|| false);
    let version = |i: usize| -> Option<Rc<Definition>> {
        if i == 0 {
            return main.clone();
        }
        match props.translations.get(i - 1)? {
            Translation::Ready(d) => Some(d.clone()),
            Translation::Remote { lang, .. } => fetched.iter().find(|d| &d.lang == lang).cloned(),
        }
    };
    // Until a fetched language arrives, the widget stays in the language it has.
    let loading = *chosen > 0 && version(*chosen).is_none() && !*load_failed;
    let current = version(*chosen).or_else(|| main.clone());
    {
        let remote = props.translations.get(chosen.wrapping_sub(1)).and_then(|t| match t {
            Translation::Remote { url, .. } if loading => Some(url.clone()),
            _ => None,
        });
        // The same content in another language: same id and version, or the
        // file is stale (an old cached copy) and not used.
        let (fetched, load_failed, main_id) =
            (fetched.clone(), load_failed.clone(), main.as_ref().map(|d| (d.id.clone(), d.version)));
        use_effect_with(remote, move |remote| {
            if let Some(url) = remote.clone() {
                yew::platform::spawn_local(async move {
                    match super::fetch::builtin(&url).await {
                        Ok(d) if main_id.as_ref() == Some(&(d.id.clone(), d.version)) => {
                            let mut all = (*fetched).clone();
                            all.push(Rc::new(d));
                            fetched.set(all);
                        }
                        Ok(d) => {
                            super::log::error(&format!("IC Pathfinder: {url} is version {} of \"{}\", not this content's: not used", d.version, d.id));
                            load_failed.set(true);
                        }
                        Err(e) => {
                            super::log::error(&format!("IC Pathfinder: translation unavailable: {url}: {e}"));
                            load_failed.set(true);
                        }
                    }
                });
            }
        });
    }
    let lang = match (&current, &props.lang) {
        (Some(d), _) => d.lang.clone(),
        (None, Some(l)) => l.to_string(),
        (None, None) => "en".to_owned(),
    };
    let settings = Settings::for_lang(&lang, &props.id_prefix);
    let shown_lang = current.as_ref().map(|d| d.lang.clone()).unwrap_or_default();
    let switches = langs.iter().enumerate().filter(|(_, l)| **l != shown_lang).map(|(i, l)| {
        let (chosen, load_failed) = (chosen.clone(), load_failed.clone());
        let name = super::context::texts_for(l).language_name;
        html! {
            <button type="button" class="icp-link-button icp-lang__button" lang={l.clone()}
                onclick={Callback::from(move |_: MouseEvent| { load_failed.set(false); chosen.set(i) })}>{ name }</button>
        }
    });
    let t = settings.texts;
    html! {
        <ContextProvider<Settings> context={settings.clone()}>
            <div class="icp-root" lang={lang} role="region" aria-label={settings.texts.widget_label}>
                if langs.len() > 1 {
                    <div class="icp-lang">
                        if loading { <span class="icp-lang__status" role="status">{ t.loading }</span> }
                        if *load_failed { <span class="icp-lang__status" role="status">{ t.language_unavailable }</span> }
                        { for switches }
                    </div>
                }
                { match (&props.definition, current) {
                    (Loaded::Ready(_), Some(d)) => html! {
                        <Widget definition={d} storage_key={props.storage_key.clone()} oncomplete={props.oncomplete.clone()} />
                    },
                    (Loaded::Failed(problems), _) => html! { <ErrorPanel problems={problems.clone()} /> },
                    (Loaded::Ready(_), None) => html! {},
                } }
            </div>
        </ContextProvider<Settings>>
    }
}

/// Props of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The definition.
    pub definition: Rc<Definition>,
    /// Where progress is saved.
    pub storage_key: AttrValue,
    /// See [`AppProps::oncomplete`].
    #[prop_or_default]
    pub oncomplete: Callback<Vec<(String, String)>>,
}

/// Restores saved progress into a fresh state, reporting what it found.
/// A share link in `fragment` (the page's `#…`) is shown read-only over the
/// candidate's own progress, which it never replaces by itself.
///
/// Nothing saved is lost on the way: a record is only removed once its copy
/// is written, and an unreadable one that cannot be copied stays where it is
/// (saving is then off, so that nothing writes over it).
pub fn initial_state(definition: Rc<Definition>, store: &Store, fragment: Option<&str>) -> State {
    let mut state = State::new(definition.clone());
    let saved = saved_progress(&definition, store, &mut state);
    if let Some(value) = fragment.and_then(share::from_fragment) {
        match share::decode(&definition, value) {
            Ok(answers) => state.shared = Some(answers),
            // The candidate's own progress, if any, rather than a half-read link.
            Err(e) => {
                super::log::warn(&format!("IC Pathfinder: the share link cannot be used: {e}"));
                state.notice = Some(Notice::ShareLinkUnusable);
            }
        }
    }
    if let Some(mut saved) = saved {
        if let Some(migration) = saved.migrate(&definition) {
            if state.notice.is_none() {
                state.notice = Some(Notice::ContentChanged { no_longer_fit: migration.no_longer_fit });
            }
            // Results built on changed questions deserve a second look first.
            saved.at_results = false;
        }
        state.restore(saved);
    }
    state.kept = store.kept().len();
    if state.notice.is_none() {
        match store.access() {
            Access::ReadOnly => state.notice = Some(Notice::StorageFull),
            // Natively (tests, server rendering) memory is all there is.
            Access::Memory if cfg!(target_arch = "wasm32") => state.notice = Some(Notice::StorageUnavailable),
            _ => {}
        }
    }
    state
}

/// This definition's saved record, if it can be read. Moves what earlier
/// versions kept under the storage key's single slot to each definition's
/// own key first, removing the old copy only once the new one is written.
fn saved_progress(definition: &Definition, store: &Store, state: &mut State) -> Option<Saved> {
    for (key, text) in store.legacy(&definition.id) {
        let moved = match Saved::decode(&text) {
            Ok(saved) => {
                let target = store.sibling(&saved.definition);
                // Where the new key already holds a record, that one is newer,
                // and the old one stays where it is.
                match target.read() {
                    Some(_) => Err(StorageError::Write("a newer record is in its place".to_owned())),
                    None => target.write(&text),
                }
            }
            Err(e) => {
                super::log::warn(&format!("IC Pathfinder: {e}; the record is kept aside, not used"));
                state.notice = Some(Notice::SavedDataUnreadable);
                store.legacy_unreadable(&text)
            }
        };
        if moved.is_ok() {
            store.remove_legacy(&key);
        }
    }
    let text = store.read()?;
    match Saved::decode(&text) {
        Ok(saved) if saved.definition == definition.id => Some(saved),
        Ok(_) | Err(_) => {
            super::log::warn(&format!("IC Pathfinder: the saved progress under {} cannot be read; it is kept aside, not used", store.record_key()));
            if store.set_aside(&text).is_ok() {
                store.clear();
                state.notice = Some(Notice::SavedDataUnreadable);
            } else {
                state.saving_blocked = true;
                state.notice = Some(Notice::SavedDataUnreadableNotMoved);
            }
            None
        }
    }
}

/// The questionnaire and results for a valid definition.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let store = use_memo((props.storage_key.clone(), props.definition.id.clone()), |(key, id)| Store::open(key, id));
    let state = {
        let (definition, store) = (props.definition.clone(), store.clone());
        use_reducer_eq(move || {
            let fragment = super::hooks::use_share_link::take_fragment(&definition.id);
            initial_state(definition, &store, fragment.as_deref())
        })
    };
    let root = use_node_ref();
    // A language switch hands over the same definition in another language.
    {
        let state = state.clone();
        use_effect_with(props.definition.clone(), move |d| state.dispatch(Action::Relabel(d.clone())));
    }
    use_persistence(store.clone(), state.clone());
    use_share_link(state.clone());
    use_completion(&state, props.oncomplete.clone());
    use_page_focus(root.clone(), state.navigation, state.confirming_restart);

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action.clone()))
    };
    let def = &props.definition;
    let flow = state.flow();
    // Keeping shared answers, and restoring earlier ones, first keep the
    // candidate's current record on the device: nothing is replaced unkept.
    let onkeep = {
        let (store, state) = (store.clone(), state.clone());
        Callback::from(move |_: ()| {
            let mut kept = store.kept().len();
            if state.has_progress() || !state.done.is_empty() {
                if let Err(e) = store.keep(&Saved::of(&state)) {
                    super::log::warn(&format!("IC Pathfinder: your answers could not be kept aside: {e}"));
                    state.dispatch(Action::SaveFailed);
                    return;
                }
                kept += 1;
            }
            state.dispatch(Action::KeepShared { kept });
        })
    };
    let onrestore = {
        let (store, state) = (store.clone(), state.clone());
        Callback::from(move |_: ()| {
            let Some(saved) = store.take_kept() else { return };
            if state.has_progress() || !state.done.is_empty() {
                if let Err(e) = store.keep(&Saved::of(&state)) {
                    super::log::warn(&format!("IC Pathfinder: your answers could not be kept aside: {e}"));
                    // Put the earlier record back where it was.
                    let _ = store.keep(&saved);
                    state.dispatch(Action::SaveFailed);
                    return;
                }
            }
            state.dispatch(Action::RestoreKept { saved, kept: store.kept().len() });
        })
    };

    let (page, announcement) = match &state.screen {
        _ if state.shared.is_some() => {
            let answers = state.shared.clone().unwrap_or_default();
            let actions = html! {
                <div class="icp-button-group icp-shared__actions">
                    <button type="button" class="icp-button" onclick={onkeep.reform(|_: MouseEvent| ())}>{ t.keep_shared }</button>
                    <button type="button" class="icp-button icp-button--secondary"
                        onclick={dispatch(Action::LeaveShared).reform(|_: MouseEvent| ())}>{ t.leave_shared }</button>
                </div>
            };
            (
                html! {
                    <Results definition={def.clone()} answers={answers} done={std::collections::BTreeSet::new()} read_only=true
                        {actions} ontoggle={Callback::noop()} onchange={Callback::noop()} onwhatif={Callback::noop()}
                        oncontinue={Callback::noop()} onreview={Callback::noop()} onrestart={Callback::noop()} />
                },
                t.shared_title.to_owned(),
            )
        }
        Screen::Start => (
            html! {
                <StartPage title={def.title.clone()} intro={def.intro.clone()} resumable={state.has_progress()}
                    onstart={dispatch(Action::Begin)} onrestart={dispatch(Action::AskRestart)}
                    kept={state.kept > 0} onrestore={onrestore.clone()} />
            },
            String::new(),
        ),
        Screen::Question(id) => match def.question(id) {
            Some(q) => {
                let progress = flow.progress(id);
                let onanswer = {
                    let (state, id) = (state.clone(), id.clone());
                    Callback::from(move |a| state.dispatch(Action::Answer(id.clone(), a)))
                };
                (
                    html! {
                        <QuestionPage question={Rc::new(q.clone())} answer={state.answers.get(id).cloned()}
                            step={progress.step} total={progress.total} {onanswer} onback={dispatch(Action::Back)} />
                    },
                    format!("{}: {}", t.step(progress.step, progress.total), q.text),
                )
            }
            None => (html! { <ErrorPanel problems={vec![format!("unknown question \"{id}\"")]} /> }, String::new()),
        },
        Screen::Check => {
            let onchange = {
                let state = state.clone();
                Callback::from(move |id| state.dispatch(Action::Change(id)))
            };
            (
                html! {
                    <CheckAnswers definition={def.clone()} answers={state.answers.clone()} {onchange}
                        oncontinue={dispatch(Action::ShowResults)} onback={dispatch(Action::Back)} />
                },
                t.check_title.to_owned(),
            )
        }
        Screen::Results => {
            let s = state.clone();
            let ontoggle = Callback::from(move |k| s.dispatch(Action::ToggleDone(k)));
            let s = state.clone();
            let onchange = Callback::from(move |id| s.dispatch(Action::Change(id)));
            let s = state.clone();
            let onwhatif = Callback::from(move |(id, a)| s.dispatch(Action::WhatIf(id, a)));
            let checklist = evaluate(def, &state.answers);
            let met = checklist.pathways.iter().filter(|p| p.status == crate::pathway::PathwayStatus::Met).count();
            (
                html! {
                    <Results definition={def.clone()} answers={state.answers.clone()} done={state.done.clone()}
                        {ontoggle} {onchange} {onwhatif} oncontinue={dispatch(Action::Begin)}
                        onreview={dispatch(Action::Back)} onrestart={dispatch(Action::AskRestart)} />
                },
                format!("{}: {met} / {}", t.results_title, checklist.pathways.len()),
            )
        }
    };

    let notice = state.notice.as_ref().map(|n| {
        let action = |label: &'static str, onclick: Callback<()>| NoticeAction { label: label.into(), onclick };
        let (message, actions) = match n {
            Notice::SavedDataUnreadable => (t.notice_unreadable, vec![]),
            Notice::ContentChanged { no_longer_fit: 0 } => (t.notice_changed, vec![]),
            Notice::ContentChanged { .. } => (t.notice_changed_dropped, vec![]),
            Notice::StorageUnavailable => (t.notice_no_storage, vec![]),
            Notice::ShareLinkUnusable => (t.notice_bad_link, vec![]),
            Notice::StorageFull => (t.notice_storage_full, vec![]),
            Notice::SavedDataUnreadableNotMoved => (t.notice_unreadable_not_moved, vec![]),
            Notice::EarlierAnswersKept => (t.notice_kept, vec![action(t.restore_kept, onrestore.clone())]),
            Notice::ChangedElsewhere => (
                t.notice_elsewhere,
                vec![action(t.use_elsewhere, dispatch(Action::UseElsewhere)), action(t.keep_here, dispatch(Action::KeepHere))],
            ),
        };
        // A choice between two sets of answers cannot be dismissed unanswered.
        let dismiss = (*n != Notice::ChangedElsewhere).then(|| AttrValue::from(t.dismiss));
        html! { <NoticeBanner message={message} {actions} {dismiss} ondismiss={dispatch(Action::DismissNotice)} /> }
    });
    let confirm_id = settings.id(&["confirm"]);
    html! {
        <div class="icp-widget" ref={root}>
            { for notice }
            if state.confirming_restart {
                <div class="icp-confirm" role="alertdialog" aria-labelledby={confirm_id.clone()} tabindex="-1">
                    <p class="icp-confirm__text" id={confirm_id}>{ t.confirm_restart }</p>
                    <div class="icp-button-group">
                        <button type="button" class="icp-button icp-button--warning"
                            onclick={dispatch(Action::ConfirmRestart).reform(|_: MouseEvent| ())}>{ t.confirm_restart_yes }</button>
                        <button type="button" class="icp-button icp-button--secondary"
                            onclick={dispatch(Action::CancelRestart).reform(|_: MouseEvent| ())}>{ t.cancel }</button>
                    </div>
                </div>
            }
            // Not <main>: the host page owns the main landmark.
            <div class="icp-page">{ page }</div>
            <div class="icp-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}
