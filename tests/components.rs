//! Markup of the component library (`ui::components`), rendered to strings
//! without a browser (Yew SSR): the ids and ARIA wiring each component owes
//! its users, which no screenshot shows.
#![cfg(not(target_arch = "wasm32"))]
use ic_pathfinder::ui::components::checkboxes::toggle;
use ic_pathfinder::ui::components::*;
use ic_pathfinder::ui::texts::EN;
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct Shown {
    html: Html,
}

/// Shows the markup a component function returned.
#[function_component(Show)]
fn show(props: &Shown) -> Html {
    props.html.clone()
}

async fn render(html: Html) -> String {
    LocalServerRenderer::<Show>::with_props(Shown { html }).hydratable(false).render().await
}

/// The opening tag of the first element whose opening tag contains `needle`.
fn tag_with<'h>(html: &'h str, needle: &str) -> &'h str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no {needle} in {html}"));
    let start = html[..=at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// The opening tag of the element with this id.
fn tag_with_id<'h>(html: &'h str, id: &str) -> &'h str {
    tag_with(html, &format!(r#" id="{id}""#))
}

fn has(tag: &str, attr: &str, value: &str) -> bool {
    tag.contains(&format!(r#" {attr}="{value}""#))
}

fn heading() -> Html {
    html! { <h2 id="icp-heading">{ "How many hours?" }</h2> }
}

fn radio_items() -> Vec<RadioItem> {
    vec![
        RadioItem { value: "none".into(), label: "None".into(), hint: None },
        RadioItem { value: "some".into(), label: "Some".into(), hint: Some("A year or less".into()) },
        RadioItem { value: "lots".into(), label: "Lots".into(), hint: None },
    ]
}

fn checkbox_items() -> Vec<CheckboxItem> {
    vec![
        CheckboxItem { value: "dance".into(), label: "Dance".into(), hint: None, exclusive: false },
        CheckboxItem { value: "stunts".into(), label: "Stunts".into(), hint: Some("Fights, falls".into()), exclusive: false },
        CheckboxItem { value: "none".into(), label: "None of these".into(), hint: None, exclusive: true },
    ]
}

#[tokio::test]
async fn a_radio_group_in_error_names_its_hint_and_error_message_in_aria_describedby() {
    let html = render(radios(
        &RadiosProps {
            field: Field {
                id: "f".into(),
                legend: heading(),
                hint: Some(AttrValue::from("Think of the last year")),
                error: Some(AttrValue::from("Select one option")),
            },
            items: radio_items(),
            onchange: Callback::noop(),
            ..Default::default()
        },
        &EN,
    ))
    .await;
    let fieldset = tag_with(&html, "<fieldset");
    assert!(has(fieldset, "aria-describedby", "f-hint f-error"), "{fieldset}");
    assert!(tag_with(&html, "icp-form-group").contains("icp-form-group--error"));
    assert!(tag_with_id(&html, "f-hint").contains("icp-hint"));
    let message = tag_with_id(&html, "f-error");
    assert!(message.starts_with("<p") && message.contains("icp-error-message"), "{message}");
    assert!(html.contains(r#"<span class="icp-visually-hidden">Error: </span>Select one option"#), "{html}");
    let legend = html.find("<legend").unwrap();
    assert!(html[legend..].find("How many hours?").unwrap() < html[legend..].find("</legend>").unwrap(), "the question is the legend");
}

#[tokio::test]
async fn a_radio_group_without_hint_or_error_has_no_aria_describedby() {
    let html = render(radios(
        &RadiosProps {
            field: Field { id: "f".into(), legend: heading(), ..Default::default() },
            items: radio_items(),
            onchange: Callback::noop(),
            ..Default::default()
        },
        &EN,
    ))
    .await;
    assert!(!tag_with(&html, "<fieldset").contains("aria-describedby"), "{html}");
    assert!(!html.contains("icp-error-message") && !html.contains("icp-form-group--error"));
}

#[tokio::test]
async fn each_radio_label_is_for_its_input_and_the_first_input_takes_the_field_id() {
    let html = render(radios(
        &RadiosProps {
            field: Field { id: "f".into(), legend: heading(), ..Default::default() },
            items: radio_items(),
            value: Some(AttrValue::from("some")),
            onchange: Callback::noop(),
            ..Default::default()
        },
        &EN,
    ))
    .await;
    for (id, value) in [("f", "none"), ("f-2", "some"), ("f-3", "lots")] {
        let input = tag_with_id(&html, id);
        assert!(has(input, "type", "radio") && has(input, "name", "f") && has(input, "value", value), "{input}");
        assert!(input.contains("icp-radios__input"));
        let label = tag_with(&html, &format!(r#" for="{id}""#));
        assert!(label.starts_with("<label") && has(label, "class", "icp-radios__label"), "{label}");
        assert_eq!(input.contains("checked"), value == "some", "{input}");
    }
    assert!(has(tag_with_id(&html, "f-2"), "aria-describedby", "f-2-item-hint"), "an option's hint describes it");
    assert!(tag_with_id(&html, "f-2-item-hint").contains("icp-radios__hint"));
    assert!(!tag_with_id(&html, "f").contains("aria-describedby"), "no hint, no description");
    assert!(tag_with(&html, r#"class="icp-radios"#).contains(r#"class="icp-radios""#), "not inline unless asked");
}

#[tokio::test]
async fn inline_radios_carry_the_inline_modifier() {
    let html = render(radios(
        &RadiosProps {
            field: Field { id: "f".into(), legend: heading(), ..Default::default() },
            items: radio_items(),
            inline: true,
            onchange: Callback::noop(),
            ..Default::default()
        },
        &EN,
    ))
    .await;
    assert!(html.contains(r#"class="icp-radios icp-radios--inline""#), "{html}");
}

#[tokio::test]
async fn checkboxes_label_their_inputs_and_put_or_before_the_exclusive_option() {
    let html = render(checkboxes(
        &CheckboxesProps {
            field: Field { id: "b".into(), legend: heading(), error: Some(AttrValue::from("Select at least one")), ..Default::default() },
            items: checkbox_items(),
            values: vec![AttrValue::from("stunts")],
            onchange: Callback::noop(),
        },
        &EN,
    ))
    .await;
    assert!(has(tag_with(&html, "<fieldset"), "aria-describedby", "b-error"), "{html}");
    for (id, value) in [("b", "dance"), ("b-2", "stunts"), ("b-3", "none")] {
        let input = tag_with_id(&html, id);
        assert!(has(input, "type", "checkbox") && has(input, "name", "b") && has(input, "value", value), "{input}");
        assert!(input.contains("icp-checkboxes__input"));
        let label = tag_with(&html, &format!(r#" for="{id}""#));
        assert!(label.starts_with("<label") && has(label, "class", "icp-checkboxes__label"), "{label}");
        assert_eq!(input.contains("checked"), value == "stunts");
    }
    assert!(has(tag_with_id(&html, "b-2"), "aria-describedby", "b-2-item-hint"));
    let or = html.find(r#"<div class="icp-checkboxes__divider">or</div>"#).expect("divider");
    assert!(html.find("Stunts").unwrap() < or && or < html.find("None of these").unwrap());
}

#[test]
fn ticking_none_of_these_unticks_the_others_and_ticking_another_unticks_it() {
    let items = checkbox_items();
    let v = |s: &[&str]| s.iter().map(|s| AttrValue::from(s.to_string())).collect::<Vec<_>>();
    assert_eq!(toggle(&items, &v(&["dance"]), &"stunts".into()), v(&["dance", "stunts"]));
    assert_eq!(toggle(&items, &v(&["dance", "stunts"]), &"none".into()), v(&["none"]));
    assert_eq!(toggle(&items, &v(&["none"]), &"dance".into()), v(&["dance"]));
    assert_eq!(toggle(&items, &v(&["dance", "stunts"]), &"dance".into()), v(&["stunts"]), "unticking");
}

#[tokio::test]
async fn a_text_input_in_error_is_invalid_and_described_by_its_hint_then_its_error() {
    let html = render(text_input(
        &TextInputProps {
            field: Field {
                id: "n".into(),
                legend: heading(),
                hint: Some(AttrValue::from("Round to the nearest hour")),
                error: Some(AttrValue::from("Enter a number between 0 and 20")),
            },
            labelled_by: Some(AttrValue::from("icp-heading")),
            value: "21".into(),
            inputmode: Some(AttrValue::from("numeric")),
            width: Some(5),
            suffix: Some(AttrValue::from("hours")),
            oninput: Callback::noop(),
        },
        &EN,
    ))
    .await;
    let input = tag_with_id(&html, "n");
    assert!(has(input, "type", "text") && has(input, "inputmode", "numeric") && has(input, "name", "n"), "{input}");
    assert!(has(input, "aria-describedby", "n-hint n-error") && has(input, "aria-invalid", "true"), "{input}");
    assert!(has(input, "aria-labelledby", "icp-heading") && has(input, "value", "21"));
    assert!(has(input, "class", "icp-input icp-input--width-5 icp-input--error"), "{input}");
    assert!(!tag_with(&html, "<fieldset").contains("aria-describedby"), "the input carries its own description, read once");
    tag_with_id(&html, "n-error");
    let suffix = tag_with(&html, "icp-input__suffix");
    assert!(has(suffix, "aria-hidden", "true") && html.contains(&format!("{suffix}hours</div>")), "{html}");
}

#[tokio::test]
async fn a_text_input_not_in_error_is_not_marked_invalid() {
    let html = render(text_input(
        &TextInputProps {
            field: Field { id: "n".into(), legend: heading(), ..Default::default() },
            value: "".into(),
            oninput: Callback::noop(),
            ..Default::default()
        },
        &EN,
    ))
    .await;
    let input = tag_with_id(&html, "n");
    assert!(!input.contains("aria-invalid") && !input.contains("aria-describedby") && !input.contains("inputmode"), "{input}");
    assert!(has(input, "class", "icp-input"), "{input}");
    assert!(!html.contains("icp-input__suffix"));
}

#[tokio::test]
async fn the_error_summarys_alert_is_an_inner_element_not_the_one_that_takes_focus() {
    let html = render(error_summary(
        &ErrorSummaryProps {
            title: "There is a problem".into(),
            errors: vec![
                ErrorLink { target: "icp-q-a".into(), message: "Select one option".into() },
                ErrorLink { target: "icp-q-b".into(), message: "Enter a number".into() },
            ],
        },
        NodeRef::default(),
    ))
    .await;
    let focused = tag_with(&html, r#"tabindex="-1""#);
    assert!(focused.contains(r#"class="icp-error-summary""#) && !focused.contains("role="), "{focused}");
    let alert = html.find(r#"<div role="alert">"#).expect("an inner alert");
    assert!(html.find(r#"class="icp-error-summary""#).unwrap() < alert, "inside the summary");
    let title = html.find(r#"<h2 class="icp-error-summary__title">There is a problem</h2>"#).expect("a heading");
    assert!(alert < title, "the heading is read with the alert");
    assert!(html.contains(r##"<a href="#icp-q-a">Select one option</a>"##), "{html}");
    assert!(html.contains(r##"<a href="#icp-q-b">Enter a number</a>"##));
    assert!(html.find("#icp-q-a").unwrap() < html.find("#icp-q-b").unwrap(), "in the order given");
}

#[tokio::test]
async fn an_error_message_has_its_id_and_a_hidden_error_prefix_in_the_widgets_language() {
    let html = render(error_message("f-error".into(), "Select one option", &EN)).await;
    assert_eq!(html, r#"<p id="f-error" class="icp-error-message"><span class="icp-visually-hidden">Error: </span>Select one option</p>"#);
    let fr = &ic_pathfinder::ui::texts_fr::FR_CA;
    let html = render(error_message("f-error".into(), "Sélectionnez une option", fr)).await;
    let prefix = fr.error_prefix;
    assert!(html.contains(&format!(r#"<span class="icp-visually-hidden">{prefix} </span>Sélectionnez"#)), "{html}");
}

#[tokio::test]
async fn a_tag_shows_its_text_with_its_modifier() {
    let html = render(tag("In progress", Some("in-progress"))).await;
    assert_eq!(html, r#"<strong class="icp-tag icp-tag--in-progress">In progress</strong>"#);
    let html = render(tag("Unknown", None)).await;
    assert_eq!(html, r#"<strong class="icp-tag">Unknown</strong>"#);
}

#[tokio::test]
async fn a_summary_list_has_a_row_per_answer_and_its_change_button_names_the_question() {
    let row = |key: &str, value: &str, action: bool| SummaryRow {
        key: key.to_owned().into(),
        value: value.to_owned().into(),
        action: action.then(|| SummaryAction { label: "Change".into(), visually_hidden: key.to_owned().into(), onclick: Callback::noop(), focus: false }),
    };
    let html = render(summary_list(&SummaryListProps { rows: vec![row("Graduated?", "No", true), row("Where?", "Canada", false)] })).await;
    assert!(html.starts_with(r#"<dl class="icp-summary-list">"#), "{html}");
    assert_eq!(html.matches(r#"<div class="icp-summary-list__row">"#).count(), 2);
    assert!(html.contains(r#"<dt class="icp-summary-list__key">Graduated?</dt><dd class="icp-summary-list__value">No</dd>"#));
    assert!(html.contains(r#"<button type="button" class="icp-link-button">Change<span class="icp-visually-hidden"> Graduated?</span></button>"#), "{html}");
    assert_eq!(html.matches("icp-summary-list__actions").count(), 1, "a row without action has no actions cell");
}

#[tokio::test]
async fn a_notification_banner_is_a_status_with_its_choices_first_primary_and_its_dismiss_button() {
    let actions =
        vec![BannerAction { label: "Use those".into(), onclick: Callback::noop() }, BannerAction { label: "Keep these".into(), onclick: Callback::noop() }];
    let html = render(notification_banner(&NotificationBannerProps {
        message: "Changed in another tab".into(),
        actions,
        dismiss: Some(AttrValue::from("Dismiss")),
        ..Default::default()
    }))
    .await;
    let banner = tag_with(&html, "<div");
    assert!(has(banner, "class", "icp-notice") && has(banner, "role", "status"), "{html}");
    assert!(html.contains(r#"<p class="icp-notice__text">Changed in another tab</p>"#));
    let first = html.find(r#"<button type="button" class="icp-button">Use those</button>"#).expect("primary");
    let second = html.find(r#"<button type="button" class="icp-button icp-button--secondary">Keep these</button>"#).expect("secondary");
    assert!(first < second);
    assert!(html.contains(r#"<button type="button" class="icp-link-button icp-notice__dismiss">Dismiss</button>"#));

    let html = render(notification_banner(&NotificationBannerProps { message: "New questions".into(), quiet: true, action: true, ..Default::default() })).await;
    assert_eq!(html, r#"<div class="icp-notice icp-notice--action"><p class="icp-notice__text">New questions</p></div>"#);
}

#[tokio::test]
async fn buttons_are_of_type_button_unless_they_submit_with_their_variant_as_a_modifier() {
    let html = render(button(ButtonVariant::Start, "Start now", Callback::noop())).await;
    assert_eq!(html, r#"<button type="button" class="icp-button icp-button--start">Start now</button>"#);
    let html = render(submit_button("Continue", Callback::noop())).await;
    assert_eq!(html, r#"<button type="submit" class="icp-button">Continue</button>"#);
    let html = render(button(ButtonVariant::Warning, "Start again", Callback::noop())).await;
    assert!(html.contains(r#"class="icp-button icp-button--warning""#));
    let html = render(button_group(button(ButtonVariant::Primary, "A", Callback::noop()))).await;
    assert_eq!(html, r#"<div class="icp-button-group"><button type="button" class="icp-button">A</button></div>"#);
}

#[tokio::test]
async fn inset_text_wraps_its_content() {
    let html = render(inset_text(html! { <p>{ "Kept" }</p> })).await;
    assert_eq!(html, r#"<div class="icp-inset"><p>Kept</p></div>"#);
}

#[tokio::test]
async fn details_are_closed_unless_open_with_the_summary_always_shown() {
    let html = render(details(&DetailsProps { summary: "What if".into(), children: html! { <p>{ "Body" }</p> }, ..Default::default() })).await;
    let element = tag_with(&html, "<details");
    assert!(has(element, "class", "icp-details") && !element.contains("open"), "{element}");
    assert!(html.contains(r#"<summary class="icp-details__summary"><span class="icp-details__summary-text">What if</span></summary>"#), "{html}");
    assert!(html.contains(r#"<div class="icp-details__text"><p>Body</p></div>"#));
    let html = render(details(&DetailsProps { summary: "What if".into(), children: Html::default(), open: true, ..Default::default() })).await;
    assert!(tag_with(&html, "<details").contains("open"), "{html}");
}

#[tokio::test]
async fn a_fieldset_for_a_text_input_leaves_the_description_to_the_input() {
    let field = Field { id: "n".into(), legend: heading(), hint: Some(AttrValue::from("Hint")), error: None };
    let html = render(fieldset(&field, false, Html::default(), &EN)).await;
    assert!(!tag_with(&html, "<fieldset").contains("aria-describedby"), "{html}");
    assert!(html.contains(r#"<legend class="icp-fieldset__legend"><h2 id="icp-heading">"#), "{html}");
    tag_with_id(&html, "n-hint");
}

#[tokio::test]
async fn the_kept_list_shows_every_kept_set_newest_first_with_when_whose_and_how_much_and_a_restore_button_that_names_its_set() {
    use ic_pathfinder::pathway::Answer;
    use ic_pathfinder::ui::context::Settings;
    use ic_pathfinder::ui::kept_answers::kept_answers;
    use ic_pathfinder::ui::storage::{KeptFrom, Saved};
    let record = |answers: &[(&str, bool)], at: &str, from: Option<KeptFrom>| Saved {
        format: ic_pathfinder::ui::storage::FORMAT,
        definition: "d".into(),
        definition_version: 1,
        answers: answers.iter().map(|(k, v)| (k.to_string(), Answer::Bool(*v))).collect(),
        done: ["p/r".to_string()].into_iter().collect(),
        at_results: false,
        kept_at: at.to_owned(),
        kept_from: from.map_or(String::new(), |f| f.code().to_owned()),
    };
    let kept = [record(&[("a", true)], "", None), record(&[("a", true), ("b", false)], "2026-12-07 14:05", Some(KeptFrom::OtherTab))];
    let html = render(kept_answers(&kept, &Settings::new("w"), &Callback::noop())).await;
    assert!(html.contains("Answers kept on this device (2)"), "{html}");
    let newest = html
        .find(r#"<dt class="icp-summary-list__key">2026-12-07 14:05</dt><dd class="icp-summary-list__value">Answers from another tab · questions answered: 2, steps ticked: 1</dd>"#)
        .expect("the newest set, described");
    let oldest = html
        .find(r#"<dt class="icp-summary-list__key">Earlier</dt><dd class="icp-summary-list__value">questions answered: 1, steps ticked: 1</dd>"#)
        .expect("a set kept before the time or the tab was noted");
    assert!(newest < oldest, "newest first");
    // Each button names its set for screen readers.
    assert!(html.contains(r#"Restore<span class="icp-visually-hidden"> 2026-12-07 14:05</span>"#), "{html}");
    assert!(html.contains(r#"Restore<span class="icp-visually-hidden"> Earlier</span>"#), "{html}");
    assert_eq!(render(kept_answers(&[], &Settings::new("w"), &Callback::noop())).await, "", "nothing when nothing is kept");
}
