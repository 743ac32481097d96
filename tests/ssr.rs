//! Markup of the components, rendered to strings without a browser (Yew SSR).
#![cfg(not(target_arch = "wasm32"))]
use std::collections::BTreeSet;
use std::rc::Rc;

use ic_pathfinder::pathway::{default_definition, Answer, Answers, Definition};
use ic_pathfinder::ui::check_answers::{CheckAnswers, Props as CheckProps};
use ic_pathfinder::ui::evaluation::Evaluation;
use ic_pathfinder::ui::question_page::{Props as QuestionProps, QuestionPage};
use ic_pathfinder::ui::results::{Props as ResultsProps, Results};
use ic_pathfinder::ui::{App, AppProps, Loaded};
use yew::{Callback, Html, LocalServerRenderer};

fn definition() -> Rc<Definition> {
    Rc::new(default_definition().unwrap())
}

async fn question(id: &str, answer: Option<Answer>) -> String {
    let def = definition();
    let q = def.question(id).unwrap().clone();
    let why = ic_pathfinder::ui::texts::EN.why_we_ask(&def.uses(id)).map(Into::into);
    let props = QuestionProps {
        question: Rc::new(q),
        answer,
        progress: "Part 1 of 6: About you".into(),
        step: 3,
        most: 15,
        parts: 6,
        why,
        onanswer: Callback::noop(),
        onback: Callback::noop(),
    };
    LocalServerRenderer::<QuestionPage>::with_props(props).hydratable(false).render().await
}

/// The opening tag of the element with this id (attribute order is Yew's business, not ours).
fn tag_with_id<'h>(html: &'h str, id: &str) -> &'h str {
    let at = html.find(&format!(r#" id="{id}""#)).unwrap_or_else(|| panic!("no element with id {id} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

fn has(tag: &str, attr: &str, value: &str) -> bool {
    tag.contains(&format!(r#" {attr}="{value}""#))
}

async fn render_app(definition: Loaded, storage_key: &'static str) -> String {
    let props = AppProps {
        definition,
        storage_key: storage_key.into(),
        id_prefix: "icp".into(),
        oncomplete: Default::default(),
        translations: Vec::new(),
        lang: None,
        history: true,
        contact: None,
        storage: Default::default(),
        onevent: Default::default(),
    };
    LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

/// The results page for these answers, ticks and mode, with callbacks that do nothing.
async fn render_results(answers: Answers, done: BTreeSet<String>, read_only: bool) -> String {
    let props = ResultsProps {
        evaluation: Rc::new(Evaluation::new(definition(), answers, done)),
        ontoggle: Callback::noop(),
        onchange: Callback::noop(),
        onwhatif: Callback::noop(),
        oncontinue: Callback::noop(),
        onreview: Callback::noop(),
        restart: Html::default(),
        read_only,
        actions: Html::default(),
        kept: Html::default(),
    };
    LocalServerRenderer::<Results>::with_props(props).hydratable(false).render().await
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

#[tokio::test]
async fn the_start_page_names_the_widget_and_says_answers_stay_on_the_device() {
    let html = render_app(Loaded::Ready(definition()), "ssr").await;
    assert!(html.contains(r#"class="icp-root""#), "{html}");
    assert!(html.contains(r#"role="region""#) && html.contains(r#"aria-label="Intimacy coordinator pathway checker""#));
    assert!(html.contains("Your path to becoming an intimacy coordinator"));
    assert!(html.contains("Start now"));
    assert!(html.contains("Nothing is sent anywhere"));
    assert!(html.contains(r#"aria-live="polite""#), "a live region announces page changes");
}

#[tokio::test]
async fn a_yes_no_question_is_a_fieldset_whose_legend_is_the_heading_with_ids_from_the_question_id() {
    let html = question("leadership", None).await;
    let fieldset = &html[html.find("<fieldset").unwrap()..];
    let fieldset = &fieldset[..=fieldset.find('>').unwrap()];
    assert!(has(fieldset, "aria-describedby", "icp-q-leadership-hint"), "{fieldset}");
    let legend = html.find("<legend").expect("a legend");
    let heading = tag_with_id(&html, "icp-heading");
    assert!(heading.starts_with("<h2") && has(heading, "tabindex", "-1"), "{heading}");
    assert!(html[legend..].find("<h2").unwrap() < html[legend..].find("</legend>").unwrap(), "the heading is inside the legend");
    assert!(html.contains("Have you worked in a leadership position?"));
    tag_with_id(&html, "icp-q-leadership-hint");
    let yes = tag_with_id(&html, "icp-q-leadership");
    assert!(has(yes, "type", "radio") && has(yes, "value", "yes") && has(yes, "name", "icp-q-leadership"), "{yes}");
    let no = tag_with_id(&html, "icp-q-leadership-2");
    assert!(has(no, "value", "no") && has(no, "name", "icp-q-leadership"), "{no}");
    assert!(html.contains(r#"for="icp-q-leadership""#) && html.contains(r#"for="icp-q-leadership-2""#));
    assert!(html.contains("Part 1 of 6: About you"));
    assert!(!html.contains("icp-error-summary"), "no error before the candidate submits");
}

#[tokio::test]
async fn a_previous_answer_is_preselected_when_the_question_is_shown_again() {
    let html = question("mhfa", Some(Answer::Choice("basic".into()))).await;
    let basic = html.find(r#"value="basic""#).expect("option rendered");
    let tag_end = basic + html[basic..].find('>').unwrap();
    assert!(html[basic..tag_end].contains("checked"), "{}", &html[basic..tag_end]);
    let no = html.find(r#"value="no""#).unwrap();
    let no_end = no + html[no..].find('>').unwrap();
    assert!(!html[no..no_end].contains("checked"));
}

#[tokio::test]
async fn a_number_question_is_a_text_input_labelled_by_the_heading_with_its_unit() {
    let html = question("directing_hours", Some(Answer::Number(120))).await;
    let input = tag_with_id(&html, "icp-q-directing_hours");
    assert!(has(input, "inputmode", "numeric") && has(input, "type", "text"), "{input}");
    assert!(has(input, "aria-labelledby", "icp-heading"));
    assert!(has(input, "aria-describedby", "icp-q-directing_hours-hint"));
    assert!(has(input, "value", "120"));
    assert!(html.contains(">hours<"));
}

#[tokio::test]
async fn the_multiple_choice_question_separates_none_of_these_with_or() {
    let html = question("backgrounds", None).await;
    assert!(html.contains(r#"type="checkbox""#));
    let or = html.find(r#"icp-checkboxes__divider">or<"#).expect("divider");
    let none = html.find("None of these").unwrap();
    assert!(or < none);
}

#[tokio::test]
async fn check_answers_lists_each_answer_with_a_change_button_naming_the_question() {
    let props = CheckProps {
        definition: definition(),
        answers: answers(&[("industry_experience", Answer::Choice("few_plus".into())), ("recent_graduate", Answer::Bool(false))]),
        onchange: Callback::noop(),
        oncontinue: Callback::noop(),
        onback: Callback::noop(),
        changed: None,
    };
    let html = LocalServerRenderer::<CheckAnswers>::with_props(props).hydratable(false).render().await;
    assert!(html.contains("A few years or more"), "{html}");
    assert!(html.contains(r#"<dd class="icp-summary-list__value">No</dd>"#));
    assert!(html.contains(r#"Change<span class="icp-visually-hidden"> Have you graduated"#));
    assert!(html.contains(r#"<h3 class="icp-check__section">About you</h3>"#));
}

#[tokio::test]
async fn results_show_each_pathway_status_the_reason_and_the_cited_sentence() {
    let html = render_results(
        answers(&[
            ("industry_experience", Answer::Choice("few_plus".into())),
            ("region", Answer::Choice("usa".into())),
            ("canada_status", Answer::Choice("neither".into())),
            ("idc_level1", Answer::Choice("idi".into())),
            ("idc_level2_count", Answer::Number(1)),
        ]),
        BTreeSet::from(["idc/idc_l2".to_owned()]),
        false,
    )
    .await;
    // ICC is closed to a non-citizen, with its reason in the source's words.
    assert!(html.contains(r#"icp-pathway icp-pathway--not-applicable"#), "{html}");
    assert!(html.contains("Canadian citizenship with permanent residence in Canada"));
    // IDC: Level 1 done through the IDI 3-day, with the quoted source sentence.
    assert!(html.contains("You have completed Level 1 (an IDI 3-day counts too)."));
    assert!(html.contains("\u{201c}Level 1 is one three- day workshop for actors, producers, administrators, technicians and more.\u{201d}"));
    assert!(html.contains(r#"icp-pathway icp-pathway--in-progress"#));
    // The ticked step counts as done, by the tick, and its box is ticked.
    assert!(html.contains(r#"icp-task icp-task--ticked"#), "{html}");
    assert!(html.contains("Done, by your tick"));
    assert!(html.contains(r#"<input checked type="checkbox" id="icp-step-idc-idc_l2""#), "{html}");
    // In the plan too, kept in place and marked done.
    assert!(html.contains(r#"<input checked type="checkbox" id="icp-plan-idc-idc_l2""#), "{html}");
    // Not finished: the banner offers the new questions.
    assert!(html.contains("Answer the new questions"));
    assert!(html.contains("What if your answers change?"));
}

#[tokio::test]
async fn an_invalid_definition_renders_an_error_panel_naming_the_problem() {
    let bad = r#"{"id":"x","version":1,"title":"T","sources":[],"questions":[{"id":"a","text":"A?","type":"yes_no",
        "when":{"equals":{"question":"l2_count","value":3}}}],"pathways":[]}"#;
    let html = render_app(Loaded::from(Definition::from_json(bad)), "ssr-bad").await;
    assert!(html.contains("icp-error-panel") && html.contains(r#"role="alert""#), "{html}");
    assert!(html.contains(r#"questions[0].when.equals: unknown question "l2_count""#), "{html}");
    assert!(html.contains("pathways: a definition needs at least one pathway"), "every problem is listed");
    assert!(!html.contains("Start now"));
}

#[test]
fn every_question_of_the_built_in_content_says_why_it_is_asked_in_both_languages() {
    use ic_pathfinder::ui::{texts::EN, texts_fr::FR_CA};
    for (def, t) in ic_pathfinder::pathway::default_definitions().unwrap().iter().zip([&EN, &FR_CA]) {
        for q in &def.questions {
            let why = t.why_we_ask(&def.uses(&q.id));
            assert!(why.is_some(), "{} ({}) does not say why it is asked", q.id, def.lang);
        }
    }
    // The steps an answer counts for are named, so the reason is the rule itself.
    let def = definition();
    let why = EN.why_we_ask(&def.uses("mhfa")).unwrap();
    assert!(why.starts_with("Why we ask: your answer counts for “"), "{why}");
    let region = EN.why_we_ask(&def.uses("region")).unwrap();
    assert!(region.contains("Canadian citizenship with permanent residence in Canada"), "{region}");
}

#[tokio::test]
async fn the_question_page_shows_why_the_question_is_asked_under_its_hint() {
    let html = question("mhfa", None).await;
    assert!(html.contains("Why we ask: your answer counts for"), "{html}");
}

#[tokio::test]
async fn a_candidate_sees_plain_words_and_the_organizations_contact_and_the_problems_stay_closed_for_editors() {
    let bad = r#"{"id":"x","version":1,"title":"T","sources":[],"questions":[],"pathways":[]}"#;
    let props = AppProps {
        definition: Loaded::from(Definition::from_json(bad)),
        storage_key: "ssr-contact".into(),
        id_prefix: "icp".into(),
        oncomplete: Default::default(),
        translations: Vec::new(),
        lang: None,
        history: true,
        contact: Some("help@example.org".into()),
        storage: Default::default(),
        onevent: Default::default(),
    };
    let html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
    let title = html.find("This checker is not available right now").expect("the plain title");
    assert!(html.contains(r#"href="mailto:help@example.org""#), "the contact as a link: {html}");
    let disclosure = html.find("<details").expect("the problems in a disclosure");
    assert!(!html[disclosure..].starts_with("<details open"), "closed: {html}");
    let problem = html.find("a definition needs at least one pathway").expect("the problem, for editors");
    assert!(title < disclosure && disclosure < problem, "the problems only inside the disclosure: {html}");
}

#[tokio::test]
async fn a_storage_key_the_widget_refuses_shows_the_error_panel_with_the_rule_for_editors_never_the_questionnaire() {
    for key in ["org@x", "org:branch-b", "my org"] {
        let html = render_app(Loaded::Ready(definition()), key).await;
        let title = html.find("This checker is not available right now").unwrap_or_else(|| panic!("the plain title for {key:?}: {html}"));
        let disclosure = html.find("<details").expect("the problem in a disclosure");
        let rule = html.find("cannot be used: a storage key may hold only the letters A to Z").expect("the rule, for editors");
        assert!(title < disclosure && disclosure < rule, "{html}");
        assert!(!html.contains("Start now"), "no questionnaire that could reach another key's records: {html}");
    }
}

#[tokio::test]
async fn shared_results_are_read_only_nothing_to_tick_change_or_try() {
    let html = render_results(
        answers(&[
            ("industry_experience", Answer::Choice("few_plus".into())),
            ("region", Answer::Choice("usa".into())),
            ("idc_level1", Answer::Choice("idi".into())),
        ]),
        BTreeSet::new(),
        true,
    )
    .await;
    assert!(html.contains("Results shared with you"), "{html}");
    assert!(html.contains("Your own answers on this device have not changed."));
    assert!(html.contains("icp-pathway icp-pathway--"), "the cards are there");
    for control in [r#"type="checkbox""#, "icp-what-if", "Start again", "Answer the new questions", r#">Change<"#] {
        assert!(!html.contains(control), "{control} in shared results");
    }
}

#[tokio::test]
async fn the_results_page_evaluates_the_checklist_once_for_the_page_its_cards_its_export_and_its_announcement() {
    use ic_pathfinder::ui::evaluation::evaluations;
    use ic_pathfinder::ui::state::{Screen, State};
    use ic_pathfinder::ui::storage::{Saved, Store};
    // A complete set of answers saved at the results page, so the widget opens there.
    let fixture = include_str!("../crates/pathway/tests/fixtures/scenarios/icc_01_everything_met.json");
    let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let def = definition();
    let mut state = State::new();
    state.answers = serde_json::from_value(fixture["answers"].clone()).unwrap();
    state.screen = Screen::Results;
    assert!(state.flow(&def).is_complete());
    Store::open("ssr-once", &def.id).save(&Saved::of(&state, &def)).unwrap();
    let before = evaluations();
    let html = render_app(Loaded::Ready(def), "ssr-once").await;
    assert!(html.contains("icp-results") && html.contains("icp-what-if") && html.contains("icp-pathway--met"), "{html}");
    assert_eq!(evaluations() - before, 1, "one evaluation for the whole render");
}

#[tokio::test]
async fn a_pathway_not_open_to_the_candidate_says_why_and_hands_out_no_steps_or_checkboxes() {
    let html =
        render_results(answers(&[("region", Answer::Choice("usa".into())), ("canada_status", Answer::Choice("neither".into()))]), BTreeSet::new(), false).await;
    let start = html.find("icp-pathway icp-pathway--not-applicable").expect("ICC is closed to a non-citizen");
    let card = &html[start..start + html[start..].find("</details>").unwrap()];
    assert!(card.contains("Canadian citizenship with permanent residence in Canada"), "it says why: {card}");
    assert!(card.contains("If you think your situation counts, ask ICC."), "and where to ask: {card}");
    assert!(!card.contains("icp-task") && !card.contains(r#"type="checkbox""#), "no steps to take or tick: {card}");
    assert!(!card.contains("icp-pathway__next"), "no next step");
    // An open pathway beside it still has its steps.
    assert!(html.contains("icp-task__action"), "{html}");
}

#[tokio::test]
async fn the_plan_comes_first_each_step_once_naming_every_route_it_counts_for_and_the_cards_are_closed() {
    // Ready for Level 3 in Canada: one step for IDC and ICC.
    let html = render_results(
        answers(&[
            ("region", Answer::Choice("canada".into())),
            ("canada_status", Answer::Choice("citizen".into())),
            ("idc_level1", Answer::Choice("idc".into())),
            ("idc_level2_count", Answer::Number(3)),
            ("idc_ally_certificate", Answer::Bool(true)),
            ("idc_external", Answer::Bool(true)),
            ("idc_level3", Answer::Choice("not_applied".into())),
        ]),
        BTreeSet::new(),
        false,
    )
    .await;
    let plan = html.find(r#"class="icp-plan""#).expect("a plan");
    let routes = html.find(r#"class="icp-routes""#).expect("the routes");
    assert!(plan < routes, "the plan comes before the cards");
    let plan_html = &html[plan..routes];
    assert_eq!(plan_html.matches("Submit your application to a chosen Level 3 workshop").count(), 1, "{plan_html}");
    assert!(
        plan_html
            .contains("Intimacy Directors &amp; Coordinators (IDC) certification, Levels 1 to 4; Intimacy Coordinators Canada (ICC) training and mentorship"),
        "{plan_html}"
    );
    assert!(plan_html.contains(r#"href="https://www.idcprofessionals.com""#), "a link to where the step is taken");
    assert!(!html.contains("<details class=\"icp-pathway icp-pathway--in-progress\" open"), "cards start closed");
    // When the rules were compared with their sources, and that they may have changed since.
    assert!(html.contains("Rules compared with the source texts on 26 November 2026. The organizations may have changed their requirements since"), "{html}");
    // No file names among the sources.
    assert!(!html.contains(".txt") && !html.contains("README"), "{html}");
}

#[test]
fn the_downloaded_page_holds_the_plan_the_routes_the_advice_the_date_and_the_ticks_with_no_script() {
    use ic_pathfinder::ui::{export, texts::EN};
    let fixture = include_str!("../crates/pathway/tests/fixtures/scenarios/plan_01_uk_dancer_without_set_experience.json");
    let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let answers: Answers = serde_json::from_value(fixture["answers"].clone()).unwrap();
    let mut def = default_definition().unwrap();
    // A definition's text is text, never markup.
    def.title = "<script>alert(1)</script> & co".into();
    let ticks: BTreeSet<String> = ["idc/idc_l1".to_string()].into_iter().collect();
    let evaluation = Evaluation::new(Rc::new(def), answers, ticks);
    let page = export::html(&evaluation, &EN, "2026-11-26");
    assert!(page.starts_with("<!doctype html><html lang=\"en\">"), "{}", &page[..80]);
    assert!(!page.to_lowercase().contains("<script"), "no script in the page");
    assert!(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"));
    assert!(page.contains("Checklist made on 26 November 2026."));
    assert!(page.contains(&format!("<h2>{}</h2><ol>", EN.plan_title)), "the plan comes first");
    assert!(page.contains(&format!("☑ <strong>{}</strong>", evaluation.definition().pathway("idc").unwrap().requirements[0].title)), "the tick");
    let checklist = evaluation.checklist();
    let advice = checklist.all_advice().next().expect("advice for this candidate");
    assert!(page.contains(&advice.title.replace('\'', "&#39;")), "the advice {}", advice.title);
    for p in &checklist.pathways {
        assert!(page.contains(&format!("<h2>{}</h2>", p.pathway.title.replace('&', "&amp;"))), "the route {}", p.pathway.id);
    }
}

fn prerender_props(lang: Option<&str>, translations: Vec<ic_pathfinder::ui::app::Translation>) -> AppProps {
    AppProps {
        definition: Loaded::Ready(definition()),
        translations,
        lang: lang.map(|l| l.to_owned().into()),
        storage_key: "default".into(),
        id_prefix: "icp".into(),
        oncomplete: Default::default(),
        history: true,
        contact: None,
        storage: Default::default(),
        onevent: Default::default(),
    }
}

#[test]
fn the_prerender_mark_names_what_the_start_page_depends_on_and_none_is_made_while_a_language_is_still_to_fetch() {
    use ic_pathfinder::ui::app::Translation;
    use ic_pathfinder::ui::prerender::{mark, opens_plain};
    let remote = || Translation::Remote { lang: "fr-CA".into(), url: "default.fr-CA.json".into(), checked_against: None };
    let def = definition();
    let english = prerender_props(None, vec![remote()]);
    assert_eq!(mark(&english).unwrap(), format!("{} en {}@{} en,fr-CA icp local", env!("CARGO_PKG_VERSION"), def.id, def.version));
    // French asked for, but its file is still to come: the first render would be English while it loads.
    assert_eq!(mark(&prerender_props(Some("fr-CA"), vec![remote()])), None);
    let french = Rc::new(ic_pathfinder::ui::decode::definition(include_str!("../content/default.fr-CA.json")).unwrap());
    let at_hand = prerender_props(Some("fr-CA"), vec![Translation::Ready(french)]);
    assert!(mark(&at_hand).unwrap().contains(" fr-CA "), "{:?}", mark(&at_hand));
    let mut session = prerender_props(None, vec![remote()]);
    session.storage = ic_pathfinder::ui::storage::StorageMode::Session;
    assert_ne!(mark(&session), mark(&english), "another storage mode says another privacy line");
    let failed = AppProps { definition: Loaded::Failed(ic_pathfinder::ui::loaded::Unusable::NotLoaded("gone".into())), ..prerender_props(None, Vec::new()) };
    assert_eq!(mark(&failed), None);
    // Natively nothing is saved: a first visit.
    assert!(opens_plain(&english));
    // A refused storage key opens on the error panel, which the prerendered start page is not.
    assert!(!opens_plain(&AppProps { storage_key: "org@x".into(), ..prerender_props(None, vec![remote()]) }));
}

#[tokio::test]
async fn the_prerendered_start_page_carries_the_component_markers_hydration_walks_and_a_start_button() {
    let props = prerender_props(None, Vec::new());
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    // Hydration walks Yew's component boundaries, which the server renderer writes as comments.
    assert!(html.starts_with("<!--<["), "{}", &html[..80]);
    assert!(html.contains(r#"<button type="button" class="icp-button icp-button--start">Start now</button>"#));
}

#[tokio::test]
async fn a_step_an_organization_decides_says_so_in_the_standing_the_plan_and_the_card_never_as_met() {
    // A Canadian citizen living in the United States who says their experience is equivalent to
    // Level 3: ICC's citizenship wording and the equivalence are both ICC's to apply.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../crates/pathway/tests/fixtures/scenarios/citizenship_01_canadian_citizen_living_abroad.json")).unwrap();
    let mut given: Answers = serde_json::from_value(fixture["answers"].clone()).unwrap();
    for id in ["idc_level1", "idc_level2_count", "idc_ally_certificate", "idc_external", "idc_level3", "idc_level3_track", "idc_level4"] {
        given.remove(id);
    }
    given.insert("idc_level1".into(), Answer::Choice("no".into()));
    given.insert("icc_equivalent".into(), Answer::Bool(true));
    let html = render_results(given, BTreeSet::new(), false).await;
    let standing = &html[html.find(r#"class="icp-standing""#).expect("where the candidate stands")..html.find(r#"class="icp-plan""#).unwrap()];
    assert!(standing.contains("Met if ICC agrees"), "{standing}");
    let plan = &html[html.find(r#"class="icp-plan""#).unwrap()..html.find(r#"class="icp-routes""#).unwrap()];
    assert!(plan.contains(r#"icp-tag--to-confirm">For ICC to confirm"#), "{plan}");
    assert!(plan.contains("Ask ICC whether your training or experience counts"), "{plan}");
    let card = &html[html.find(r#"id="icp-pathway-icc""#).unwrap()..];
    let card = &card[..card[1..].find(r#"<details id="icp-pathway-"#).unwrap_or(card.len() - 1) + 1];
    assert!(card.contains(r#"icp-pathway__state"><strong class="icp-tag icp-tag--to-confirm">Met if ICC agrees</strong>"#), "{card}");
    assert!(card.contains("ICC decides what counts as equivalent"), "{card}");
    assert!(card.contains("do not say whether that counts: ICC decides"), "{card}");
    assert!(!card.contains(r#"icp-tag icp-tag--met">Met</strong>"#), "never plainly met: {card}");
}

#[tokio::test]
async fn steps_ticked_before_the_page_was_drawn_leave_the_plan_for_a_closed_done_list() {
    let ticks: BTreeSet<String> = ["idc/idc_l1", "idc/idc_external", "readiness/ready_why"].into_iter().map(String::from).collect();
    let html = render_results(
        answers(&[("region", Answer::Choice("usa".into())), ("canada_status", Answer::Choice("neither".into())), ("idc_level1", Answer::Choice("no".into()))]),
        ticks,
        false,
    )
    .await;
    let plan = &html[html.find(r#"class="icp-plan""#).unwrap()..html.find(r#"class="icp-routes""#).unwrap()];
    let done = plan.find(r#"icp-plan__done"#).expect("a list of steps done");
    assert!(plan[done..].contains("Steps you have done (3)"), "{plan}");
    let first = plan.find(r#"class="icp-plan__list""#).unwrap();
    let todo = &plan[first..done];
    assert!(!todo.contains("icp-plan__item--done"), "the first steps are still to do: {todo}");
    assert!(!todo.contains("Sign up for a Level 1 workshop"), "{todo}");
}

#[tokio::test]
async fn a_paraphrased_public_page_is_said_to_be_in_our_words_with_its_address_and_the_day_it_was_read() {
    let html =
        render_results(answers(&[("region", Answer::Choice("uk_aus_nz".into())), ("canada_status", Answer::Choice("neither".into()))]), BTreeSet::new(), false)
            .await;
    let at = html.find("icp-citation--paraphrase").expect("a paraphrase");
    let figure = &html[at..at + html[at..].find("</figure>").unwrap()];
    assert!(figure.contains("In our words, from"), "{figure}");
    assert!(figure.contains("read on 26 November 2026"), "{figure}");
    assert!(figure.contains(r#"href="https://"#), "{figure}");
    assert!(!figure.contains('\u{201c}'), "no quotation marks: {figure}");
}

#[tokio::test]
async fn back_from_changing_an_answer_the_changed_row_takes_the_focus_instead_of_the_heading() {
    let answers = answers(&[("industry_experience", Answer::Choice("few_plus".into())), ("recent_graduate", Answer::Bool(false))]);
    let render = |changed: Option<&str>| {
        let props = CheckProps {
            definition: definition(),
            answers: answers.clone(),
            onchange: Callback::noop(),
            oncontinue: Callback::noop(),
            onback: Callback::noop(),
            changed: changed.map(str::to_owned),
        };
        LocalServerRenderer::<CheckAnswers>::with_props(props).hydratable(false).render()
    };
    let focused = |html: &str| html.matches("data-icp-focus").count();
    let fresh = render(None).await;
    assert_eq!(focused(&fresh), 1, "{fresh}");
    assert!(tag_with_id(&fresh, "icp-heading").contains("data-icp-focus"), "the heading, arriving from elsewhere");
    let back = render(Some("recent_graduate")).await;
    assert_eq!(focused(&back), 1, "{back}");
    assert!(!tag_with_id(&back, "icp-heading").contains("data-icp-focus"), "not the heading after a change");
    let row = back.split(r#"<div class="icp-summary-list__row">"#).find(|r| r.contains("Have you graduated")).expect("the row");
    assert!(row.contains("data-icp-focus"), "the changed row's button: {row}");
    // A question no longer asked has no row: the heading again.
    let gone = render(Some("no_such_question")).await;
    assert!(tag_with_id(&gone, "icp-heading").contains("data-icp-focus"));
}
