//! Interactive components in a real browser (headless Chromium via
//! wasm-bindgen-test): clicks, submits, focus and storage.
#![cfg(target_arch = "wasm32")]
use ic_pathfinder::pathway::{default_definition, Definition};
use ic_pathfinder::ui::{App, AppProps, Loaded};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Yields to the browser (three zero-delay timeouts) so Yew's scheduler
/// renders and runs effects.
async fn settle() {
    for _ in 0..3 {
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
}

fn mount(key: &str, definition: Loaded) -> Element {
    let _ = web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item(&format!("icp:{key}@ic-pathfinder-default"));
    mount_over_saved(key, definition)
}

/// Mounts a widget over what storage holds for `key`.
fn mount_over_saved(key: &str, definition: Loaded) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        host.clone(),
        AppProps {
            definition,
            translations: Vec::new(),
            lang: None,
            storage_key: key.to_owned().into(),
            id_prefix: key.to_owned().into(),
            oncomplete: Default::default(),
            history: false,
            contact: None,
            storage: Default::default(),
            onevent: Default::default(),
        },
    )
    .render();
    host
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector} in {}", root.inner_html())).dyn_into().unwrap()
}

fn button(root: &Element, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.get(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?} in {}", root.inner_html()))
}

fn heading(root: &Element) -> String {
    find(root, "[data-icp-focus]").text_content().unwrap_or_default()
}

/// A definition of one number question, from 0 to 20.
const NUMBER_QUESTION: &str = r#"{"id":"t","version":1,"title":"T","sources":[{"id":"s","title":"S"}],
  "questions":[{"id":"n","text":"How many?","type":"number","min":0,"max":20}],
  "pathways":[{"id":"p","title":"P","requirements":[{"id":"r","title":"R","met_when":{"compare":{"question":"n","op":">=","value":3}},
    "met":"m","unmet":"u","action":"a","source":{"source":"s","quote":"q"}}]}]}"#;

fn default() -> Loaded {
    Loaded::from(default_definition())
}

#[wasm_bindgen_test]
async fn answering_a_question_moves_to_the_next_and_focuses_its_heading() {
    let root = mount("bt1", default());
    settle().await;
    button(&root, "Start now").click();
    settle().await;
    assert!(heading(&root).starts_with("How much experience"), "{}", heading(&root));
    find(&root, "input[value=few_plus]").click();
    button(&root, "Continue").click();
    settle().await;
    assert_eq!(heading(&root), "Have you graduated from college or university in the last two years?");
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.get_attribute("data-icp-focus").as_deref(), Some(""), "focus is on the new heading");
}

#[wasm_bindgen_test]
async fn continuing_without_an_answer_shows_a_focused_error_summary_linking_to_the_field() {
    let root = mount("bt2", default());
    settle().await;
    button(&root, "Start now").click();
    settle().await;
    button(&root, "Continue").click();
    settle().await;
    let summary = find(&root, ".icp-error-summary");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(document.active_element().unwrap(), Element::from(summary.clone()), "the summary takes focus");
    let link = find(&root, ".icp-error-summary a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#bt2-q-industry_experience"));
    link.click();
    settle().await;
    assert_eq!(document.active_element().unwrap().id(), "bt2-q-industry_experience", "the link moves focus to the first option");
    let fieldset = find(&root, "fieldset");
    assert!(fieldset.get_attribute("aria-describedby").unwrap().contains("bt2-q-industry_experience-error"));
}

#[wasm_bindgen_test]
async fn an_out_of_range_number_is_refused_with_the_range() {
    let root = mount("bt3", Loaded::from(Definition::from_json(NUMBER_QUESTION)));
    settle().await;
    button(&root, "Start now").click();
    settle().await;
    let input: HtmlInputElement = find(&root, "#bt3-q-n").dyn_into().unwrap();
    input.set_value("21");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    button(&root, "Continue").click();
    settle().await;
    assert!(find(&root, ".icp-error-message").text_content().unwrap().contains("Enter a number between 0 and 20"));
    let input: HtmlInputElement = find(&root, "#bt3-q-n").dyn_into().unwrap();
    input.set_value("3");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    button(&root, "Continue").click();
    settle().await;
    assert_eq!(heading(&root), "Check your answers");
    button(&root, "See your checklist").click();
    settle().await;
    assert!(find(&root, ".icp-pathway").text_content().unwrap().contains("Met"));
}

#[wasm_bindgen_test]
async fn answers_are_saved_in_local_storage_as_they_are_given() {
    let root = mount("bt4", default());
    settle().await;
    button(&root, "Start now").click();
    settle().await;
    find(&root, "input[value=none]").click();
    button(&root, "Continue").click();
    settle().await;
    let saved = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("icp:bt4@ic-pathfinder-default").unwrap().expect("saved");
    assert!(saved.contains(r#""industry_experience":"none""#), "{saved}");
    assert!(saved.contains(r#""format":1"#));
}

#[wasm_bindgen_test]
async fn a_broken_definition_shows_the_error_panel_instead_of_a_blank_widget() {
    let root = mount("bt5", Loaded::from(Definition::from_json("{\"id\": 3}")));
    settle().await;
    let panel = find(&root, ".icp-error-panel");
    assert!(panel.text_content().unwrap().contains("not available right now"));
    assert!(panel.text_content().unwrap().contains("id"), "names the problem");
}

#[wasm_bindgen_test]
fn a_misspelt_field_in_a_definition_the_browser_parsed_is_refused_with_its_path_as_icp_check_refuses_it() {
    let mut value: serde_json::Value = serde_json::from_str(ic_pathfinder::pathway::DEFAULT_DEFINITION_JSON).unwrap();
    value["questions"][0]["textt"] = "Misspelt".into();
    let parsed = js_sys::JSON::parse(&value.to_string()).unwrap();
    let err = ic_pathfinder::ui::decode::definition_value(parsed).unwrap_err().to_string();
    assert!(err.contains("unknown field `textt`"), "{err}");
    // The path is named where organizations' definitions are read (the embed bundle).
    if cfg!(feature = "located-errors") {
        assert!(err.contains("questions[0]"), "{err}");
    }
    // The same text natively.
    let native = Definition::from_json(&value.to_string()).unwrap_err().to_string();
    assert!(native.contains("unknown field `textt`"), "{native}");
}

#[wasm_bindgen_test]
async fn the_error_summary_takes_focus_on_each_attempt_keeps_its_alert_inside_and_its_link_focuses_the_field_without_a_hash_jump() {
    let root = mount("bt9", Loaded::from(Definition::from_json(NUMBER_QUESTION)));
    settle().await;
    button(&root, "Start now").click();
    settle().await;
    button(&root, "Continue").click();
    settle().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let summary = find(&root, ".icp-error-summary");
    assert_eq!(document.active_element().unwrap(), Element::from(summary.clone()));
    assert!(summary.get_attribute("role").is_none());
    find(&root, ".icp-error-summary [role=alert] h2");
    let input = find(&root, "#bt9-q-n");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    find(&root, ".icp-error-summary a").click();
    settle().await;
    assert_eq!(document.active_element().unwrap().id(), "bt9-q-n");
    assert!(!web_sys::window().unwrap().location().hash().unwrap().contains("bt9"), "no hash jump");
    // A second failed attempt focuses the summary again.
    button(&root, "Continue").click();
    settle().await;
    assert_eq!(document.active_element().unwrap(), Element::from(find(&root, ".icp-error-summary")));
}

#[wasm_bindgen_test]
async fn on_the_results_page_a_tick_and_a_what_if_each_evaluate_the_checklist_once() {
    use ic_pathfinder::ui::evaluation::evaluations;
    use ic_pathfinder::ui::state::{Screen, State};
    use ic_pathfinder::ui::storage::{Saved, Store};
    let def = default_definition().unwrap();
    let fixture = include_str!("../crates/pathway/tests/fixtures/scenarios/icc_02_missing_level3.json");
    let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let mut state = State::new();
    state.answers = serde_json::from_value(fixture["answers"].clone()).unwrap();
    state.screen = Screen::Results;
    Store::open("bt-eval", &def.id).save(&Saved::of(&state, &def)).unwrap();
    let root = mount_over_saved("bt-eval", Loaded::Ready(std::rc::Rc::new(def)));
    settle().await;
    find(&root, ".icp-results");
    let opened = evaluations();
    find(&root, ".icp-results input[type=checkbox]").click();
    settle().await;
    assert_eq!(evaluations(), opened + 1, "a tick counts as done: one evaluation for the page, its cards, export and announcement");
    let select: web_sys::HtmlSelectElement = find(&root, ".icp-what-if select").dyn_into().unwrap();
    let options = select.query_selector_all("option").unwrap();
    let other = (0..options.length())
        .filter_map(|i| options.get(i)?.dyn_into::<Element>().ok()?.get_attribute("value"))
        .find(|v| !v.is_empty() && *v != select.value())
        .unwrap();
    select.set_value(&other);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(evaluations(), opened + 2, "one answer changed: one evaluation more");
}
