//! The root component: composes the hooks (language, state, saving, share
//! links, completion, focus) and routes to the pages. What each concern does
//! lives in its hook (`hooks/`), its module (`restore`, `loaded`) or its page.
use std::rc::Rc;

use yew::prelude::*;

use super::check_answers::CheckAnswers;
use super::components::{button, ButtonVariant};
use super::confirm::{confirm_control, Destroy};
use super::context::Settings;
use super::error_panel::ErrorPanel;
use super::evaluation::Evaluation;
use super::hooks::{
    use_completion, use_events, use_history, use_kept_records, use_live, use_page_focus, use_persistence, use_share_link, use_translation, use_widget_state,
    KeptRecords, WidgetEvent, WidgetState,
};
use super::kept_answers::kept_answers;
use super::language_switch::language_switch;
use super::notices::notice_banner;
use super::question_page::QuestionPage;
use super::results::Results;
use super::start_page::StartPage;
use super::state::{Action, Screen};
use super::storage::{check_key, StorageMode, Store};
use crate::pathway::{Definition, PathwayStatus};

use super::loaded::Unusable;
pub use super::loaded::{Loaded, Translation};

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
    /// Where progress is saved; distinct keys keep instances apart. ASCII
    /// letters and digits, `-`, `_` and `.` only ([`check_key`]): any other
    /// shows the error panel.
    #[prop_or_else(|| AttrValue::from("default"))]
    pub storage_key: AttrValue,
    /// Prefix of DOM ids, unique per instance on a page.
    #[prop_or_else(|| AttrValue::from("icp"))]
    pub id_prefix: AttrValue,
    /// Called with `(pathway id, status)` pairs each time the results page is
    /// reached or its statuses change. Never carries answers.
    #[prop_or_default]
    pub oncomplete: Callback<Vec<(String, String)>>,
    /// Whether each page is an entry in the browser's history (Back and
    /// Forward move between them). Off for single-page apps with a router.
    #[prop_or(true)]
    pub history: bool,
    /// Whom candidates may contact when the widget cannot start (an email
    /// or web address), shown on the error panel.
    #[prop_or_default]
    pub contact: Option<AttrValue>,
    /// Where answers are kept (the organization's `storage` attribute).
    #[prop_or_default]
    pub storage: StorageMode,
    /// Called at the start, at each question shown and at a restart; never with an answer.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
}

/// The widget's frame: its language, its region and its settings.
fn frame(settings: Settings, lang: String, root: NodeRef, children: Html) -> Html {
    let label = settings.texts.widget_label;
    html! {
        <ContextProvider<Settings> context={settings}>
            <div class="icp-root" {lang} role="region" aria-label={label} ref={root}>{ children }</div>
        </ContextProvider<Settings>>
    }
}

/// The widget: the questionnaire for a definition, in the language
/// negotiated or chosen, or why there is none.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let main = match &props.definition {
        Loaded::Ready(main) => Some(main.clone()),
        Loaded::Failed(_) => None,
    };
    let languages = use_translation(main, props.translations.clone(), props.lang.clone());
    let root = use_node_ref();
    use_live(root.clone());
    let lang = match (&languages.current, &props.lang) {
        (Some(d), _) => d.lang.clone(),
        (None, requested) => requested.as_deref().unwrap_or("en").to_owned(),
    };
    let settings = Settings::for_lang(&lang, &props.id_prefix);
    // Refused like a definition that cannot be used: plain words for the
    // candidate, the rule for the site's editors in the panel and the console.
    let key_problem = check_key(&props.storage_key).err();
    use_effect_with(key_problem.clone(), |problem| {
        if let Some(problem) = problem {
            crate::ui::log::error(&format!("IC Pathfinder: {problem}"));
        }
    });
    let body = match (&props.definition, &languages.current, key_problem) {
        (Loaded::Failed(problem), _, key_problem) => {
            let problems = problem.lines().into_iter().chain(key_problem).collect::<Vec<_>>();
            html! { <ErrorPanel {problems} contact={props.contact.clone()} /> }
        }
        (Loaded::Ready(_), _, Some(key_problem)) => html! { <ErrorPanel problems={vec![key_problem]} contact={props.contact.clone()} /> },
        (Loaded::Ready(_), Some(current), None) => {
            let switch = (languages.offered.len() > 1).then(|| language_switch(&languages, settings.texts));
            html! {
                <>
                    { for switch }
                    <Widget definition={current.clone()} storage_key={props.storage_key.clone()} oncomplete={props.oncomplete.clone()} history={props.history} storage={props.storage} onevent={props.onevent.clone()} />
                </>
            }
        }
        (Loaded::Ready(_), None, None) => Html::default(),
    };
    frame(settings, lang, root, body)
}

/// Props of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The definition, in the language in use.
    pub definition: Rc<Definition>,
    /// Where progress is saved.
    pub storage_key: AttrValue,
    /// See [`AppProps::oncomplete`].
    #[prop_or_default]
    pub oncomplete: Callback<Vec<(String, String)>>,
    /// See [`AppProps::history`].
    #[prop_or(true)]
    pub history: bool,
    /// See [`AppProps::storage`].
    #[prop_or_default]
    pub storage: StorageMode,
    /// See [`AppProps::onevent`].
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
}

/// The questionnaire and results for a valid definition.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let store = use_memo((props.storage_key.clone(), props.definition.id.clone(), props.storage), |(key, id, mode)| Store::open_in(key, id, *mode));
    let state = use_widget_state(props.definition.clone(), store.clone());
    // The checklist on screen (the shared one while a share link is shown),
    // evaluated once per change of the definition or of those answers.
    let evaluation = {
        let definition = props.definition.clone();
        let shown = match &state.shared {
            Some(shared) => (shared.answers.clone(), shared.ticks.clone()),
            None => (state.answers.clone(), state.done.clone()),
        };
        use_memo((Rc::as_ptr(&definition) as usize, shown), move |(_, (answers, ticks))| Evaluation::new(definition, answers.clone(), ticks.clone()))
    };
    let root = use_node_ref();
    use_persistence(store.clone(), state.clone());
    use_share_link(state.clone());
    use_completion(&state, evaluation.clone(), props.oncomplete.clone());
    use_events(&state, props.onevent.clone());
    let confirming = match (state.confirming_restart, state.confirming_forget) {
        (true, _) => Some(Destroy::Restart),
        (_, true) => Some(Destroy::Forget),
        _ => None,
    };
    use_page_focus(root.clone(), state.navigation, confirming);
    use_history(&state, settings.prefix.to_string().into(), props.history);
    let kept = use_kept_records(store.clone(), state.clone());
    let onforget = {
        let state = state.clone();
        Callback::from(move |()| {
            let done = store.forget();
            state.dispatch(Action::Forgotten(done));
        })
    };
    // On every page: a shared computer must be able to keep nothing.
    let forget = confirm_control(
        &settings,
        Destroy::Forget,
        ButtonVariant::Secondary,
        state.confirming_forget,
        state.on(Action::AskForget),
        onforget,
        state.on(Action::CancelForget),
    );

    let (page, announcement) = page(&state, &evaluation, &kept, &settings, props.storage);
    let notice = state.notice.as_ref().map(|n| notice_banner(n, &state, &kept, t));
    html! {
        <div class="icp-widget" ref={root}>
            { for notice }
            // Not <main>: the host page owns the main landmark.
            <div class="icp-page">{ page }</div>
            <div class="icp-forget">{ forget }</div>
            <div class="icp-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}

/// The current page, and what the live region announces when it opens.
fn page(state: &WidgetState, evaluation: &Rc<Evaluation>, kept: &KeptRecords, settings: &Settings, storage: StorageMode) -> (Html, String) {
    let t = settings.texts;
    let def = state.definition();
    if state.shared.is_some() {
        let actions = html! {
            <div class="icp-button-group icp-shared__actions">
                { button(ButtonVariant::Primary, t.keep_shared, kept.onkeep.reform(|_: MouseEvent| ())) }
                { button(ButtonVariant::Secondary, t.leave_shared, state.on(Action::LeaveShared)) }
            </div>
        };
        let page = html! {
            <Results evaluation={evaluation.clone()} read_only=true
                {actions} ontoggle={Callback::noop()} onchange={Callback::noop()} onwhatif={Callback::noop()}
                oncontinue={Callback::noop()} onreview={Callback::noop()} />
        };
        return (page, t.shared_title.to_owned());
    }
    let restart = |variant| {
        confirm_control(
            settings,
            Destroy::Restart,
            variant,
            state.confirming_restart,
            state.on(Action::AskRestart),
            state.on(Action::ConfirmRestart),
            state.on(Action::CancelRestart),
        )
    };
    match &state.screen {
        Screen::Start => (
            html! {
                <StartPage title={def.title.clone()} intro={def.intro.clone()} resumable={state.has_progress()} storage={storage}
                    onstart={state.on(Action::Begin)} restart={restart(ButtonVariant::Secondary)}
                    kept={state.kept > 0} onrestore={kept.onrestore.reform(|()| None)}
                    kept_list={kept_answers(&kept.list, settings, &kept.onrestore)} />
            },
            String::new(),
        ),
        Screen::Question(id) => match def.question(id) {
            Some(q) => {
                let flow = state.flow(def);
                let progress = flow.progress(id);
                let text = t.progress_text(&progress);
                let id_ = id.clone();
                (
                    html! {
                        <QuestionPage question={Rc::new(q.clone())} answer={state.answers.get(id).cloned()}
                            progress={AttrValue::from(text.clone())} step={progress.step} most={progress.most}
                            parts={progress.part.map_or(0, |p| p.total)}
                            why={t.why_we_ask(&def.uses(id)).map(AttrValue::from)}
                            onanswer={state.callback(move |a| Action::Answer(id_.clone(), a))} onback={state.on(Action::Back)} />
                    },
                    format!("{text}. {}", q.text),
                )
            }
            None => (html! { <ErrorPanel problems={Unusable::UnknownQuestion(id.clone()).lines()} /> }, String::new()),
        },
        Screen::Check => (
            html! {
                <CheckAnswers definition={def.clone()} answers={state.answers.clone()} onchange={state.callback(Action::Change)}
                    oncontinue={state.on(Action::ShowResults)} onback={state.on(Action::Back)} changed={state.changed.clone()} />
            },
            t.check_title.to_owned(),
        ),
        Screen::Results => {
            let checklist = evaluation.checklist();
            let met = checklist.pathways.iter().filter(|p| p.status == PathwayStatus::Met).count();
            (
                html! {
                    <Results evaluation={evaluation.clone()}
                        ontoggle={state.callback(Action::ToggleDone)} onchange={state.callback(Action::Change)}
                        onwhatif={state.callback(|(id, a)| Action::WhatIf(id, a))} oncontinue={state.on(Action::Begin)}
                        onreview={state.on(Action::Back)} restart={restart(ButtonVariant::Warning)}
                        kept={kept_answers(&kept.list, settings, &kept.onrestore)} />
                },
                t.results_count.replace("{met}", &met.to_string()).replace("{total}", &checklist.pathways.len().to_string()),
            )
        }
    }
}
