//! One question per page, in the GOV.UK radios / checkboxes / text-input patterns.
use std::rc::Rc;

use yew::prelude::*;
use web_sys::HtmlInputElement;

use super::context::Settings;
use super::error_summary::ErrorSummary;
use super::texts::Texts;
use crate::pathway::{Answer, Question, QuestionKind};

/// Props of [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The question asked.
    pub question: Rc<Question>,
    /// The answer given before, if any.
    pub answer: Option<Answer>,
    /// "Step 4 of about 12".
    pub step: usize,
    /// Estimated total steps.
    pub total: usize,
    /// Continue with a valid answer.
    pub onanswer: Callback<Answer>,
    /// Back.
    pub onback: Callback<()>,
}

/// What the candidate has entered but not submitted yet.
#[derive(Debug, Clone, PartialEq)]
enum Draft {
    Bool(Option<bool>),
    Choice(Option<String>),
    Choices(Vec<String>),
    Number(String),
}

impl Draft {
    fn from(question: &Question, answer: Option<&Answer>) -> Self {
        match (&question.kind, answer) {
            (QuestionKind::YesNo, Some(Answer::Bool(b))) => Draft::Bool(Some(*b)),
            (QuestionKind::YesNo, _) => Draft::Bool(None),
            (QuestionKind::Single { .. }, Some(Answer::Choice(c))) => Draft::Choice(Some(c.clone())),
            (QuestionKind::Single { .. }, _) => Draft::Choice(None),
            (QuestionKind::Multi { .. }, Some(Answer::Choices(cs))) => Draft::Choices(cs.clone()),
            (QuestionKind::Multi { .. }, _) => Draft::Choices(Vec::new()),
            (QuestionKind::Number { .. }, Some(Answer::Number(n))) => Draft::Number(n.to_string()),
            (QuestionKind::Number { .. }, _) => Draft::Number(String::new()),
        }
    }
}

/// What one question's page holds between renders. The component stays
/// mounted from question to question (Yew then patches the DOM rather than
/// rebuilding it, which keeps each step fast), so this is reset whenever the
/// question changes.
struct PageState {
    question: String,
    draft: Draft,
    error: Option<String>,
    /// Failed submits so far, so the error summary takes focus again on each.
    attempts: u32,
}

impl PageState {
    fn new(question: &Question, answer: Option<&Answer>) -> Self {
        PageState { question: question.id.clone(), draft: Draft::from(question, answer), error: None, attempts: 0 }
    }
}

/// Writes the page state and re-renders.
#[derive(Clone)]
struct PageHandle {
    cell: std::rc::Rc<std::cell::RefCell<PageState>>,
    rerender: UseForceUpdateHandle,
}

impl PageHandle {
    fn set(&self, draft: Draft) {
        self.cell.borrow_mut().draft = draft;
        self.rerender.force_update();
    }

    fn fail(&self, message: String) {
        let mut page = self.cell.borrow_mut();
        page.error = Some(message);
        page.attempts += 1;
        drop(page);
        self.rerender.force_update();
    }
}

/// Turns a draft into an answer, or the GOV.UK-style message saying what to fix.
/// What a number field holds.
#[derive(Debug, PartialEq)]
enum WholeNumber {
    Empty,
    /// A fraction, a decimal comma or point, letters, misplaced groups.
    Not,
    Is(i64),
    /// Digits, but beyond any range a question can have.
    TooLarge,
}

/// Reads what the candidate typed as a whole number, with digits grouped in
/// threes the way their language writes them (`2,000`; `2 000` in French, any
/// kind of space). Anything else that is not a digit makes it not a whole
/// number: a comma is never dropped, since `2,5` is two and a half in French
/// and dropping it would read 25.
fn whole_number(text: &str, group: char) -> WholeNumber {
    let text = text.trim();
    if text.is_empty() {
        return WholeNumber::Empty;
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let is_group = |c: char| if group == ' ' { c.is_whitespace() } else { c == group };
    let groups: Vec<&str> = digits.split(is_group).collect();
    let well_grouped = groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups[0].len() <= if groups.len() > 1 { 3 } else { usize::MAX };
    if !well_grouped {
        return WholeNumber::Not;
    }
    let joined: String = format!("{}{}", if negative { "-" } else { "" }, groups.concat());
    joined.parse::<i64>().map_or(WholeNumber::TooLarge, WholeNumber::Is)
}

fn validate(question: &Question, draft: &Draft, t: &Texts) -> Result<Answer, String> {
    match (draft, &question.kind) {
        (Draft::Bool(Some(b)), _) => Ok(Answer::Bool(*b)),
        (Draft::Bool(None), _) => Err(t.select_yes_no.to_owned()),
        (Draft::Choice(Some(c)), _) => Ok(Answer::Choice(c.clone())),
        (Draft::Choice(None), _) => Err(t.select_one.to_owned()),
        (Draft::Choices(cs), QuestionKind::Multi { options }) => {
            // Keep the definition's order, whatever order they were ticked in.
            let ordered: Vec<String> = options.iter().filter(|o| cs.contains(&o.id)).map(|o| o.id.clone()).collect();
            if ordered.is_empty() {
                Err(t.select_some.to_owned())
            } else {
                Ok(Answer::Choices(ordered))
            }
        }
        (Draft::Number(text), QuestionKind::Number { min, max, .. }) => match whole_number(text, t.digit_group) {
            WholeNumber::Empty => Err(t.enter_number.to_owned()),
            WholeNumber::Not => Err(t.whole_number.to_owned()),
            WholeNumber::Is(n) if (*min..=*max).contains(&n) => Ok(Answer::Number(n)),
            WholeNumber::Is(_) | WholeNumber::TooLarge => Err(t.range(*min, *max)),
        },
        _ => Err(t.select_one.to_owned()),
    }
}

/// A question page: heading in the legend, hint, error, inputs, Continue, Back.
#[function_component(QuestionPage)]
pub fn question_page(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let q = &props.question;
    // A shared cell rather than use_state: a click on an option followed at
    // once by Continue (fast users, keyboard, tests) must see the new value
    // before Yew has re-rendered, and a state handle would still hold the old one.
    let cell = {
        let (q, a) = (q.clone(), props.answer.clone());
        use_mut_ref(move || PageState::new(&q, a.as_ref()))
    };
    if cell.borrow().question != q.id {
        *cell.borrow_mut() = PageState::new(q, props.answer.as_ref());
    }
    let rerender = use_force_update();
    let draft = PageHandle { cell: cell.clone(), rerender };
    let (current, error, attempts) = {
        let page = cell.borrow();
        (page.draft.clone(), page.error.clone(), page.attempts)
    };

    let field_id = settings.id(&["q", &q.id]);
    let hint_id = settings.id(&["q", &q.id, "hint"]);
    let error_id = settings.id(&["q", &q.id, "error"]);
    let heading_id = settings.id(&["heading"]);
    let described_by = {
        let mut ids = Vec::new();
        if q.hint.is_some() {
            ids.push(hint_id.clone());
        }
        if error.is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };

    let onsubmit = {
        let (q, draft, onanswer) = (q.clone(), draft.clone(), props.onanswer.clone());
        // On the button's click, not the form's submit: a sandboxed iframe
        // without allow-forms blocks submission before any submit event, while
        // the click (also fired by Enter in a field) always arrives.
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let result = validate(&q, &draft.cell.borrow().draft, t);
            match result {
                Ok(answer) => onanswer.emit(answer),
                Err(message) => draft.fail(message),
            }
        })
    };
    let onback = {
        let onback = props.onback.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            onback.emit(())
        })
    };

    let inputs = match (&q.kind, &current) {
        (QuestionKind::YesNo, Draft::Bool(value)) => {
            let items = [(true, t.yes), (false, t.no)];
            html! {
                <div class="icp-radios icp-radios--inline">
                    { for items.iter().enumerate().map(|(i, (v, label))| {
                        let id = if i == 0 { field_id.clone() } else { format!("{field_id}-{}", i + 1) };
                        let draft = draft.clone();
                        let v = *v;
                        html! {
                            <div class="icp-radios__item">
                                <input class="icp-radios__input" type="radio" id={id.clone()} name={field_id.clone()}
                                    value={if v { "yes" } else { "no" }} checked={*value == Some(v)}
                                    onchange={Callback::from(move |_| draft.set(Draft::Bool(Some(v))))} />
                                <label class="icp-radios__label" for={id}>{ *label }</label>
                            </div>
                        }
                    }) }
                </div>
            }
        }
        (QuestionKind::Single { options }, Draft::Choice(value)) => html! {
            <div class="icp-radios">
                { for options.iter().enumerate().map(|(i, o)| {
                    let id = if i == 0 { field_id.clone() } else { format!("{field_id}-{}", i + 1) };
                    let item_hint = format!("{id}-item-hint");
                    let draft = draft.clone();
                    let oid = o.id.clone();
                    html! {
                        <div class="icp-radios__item">
                            <input class="icp-radios__input" type="radio" id={id.clone()} name={field_id.clone()}
                                value={o.id.clone()} checked={value.as_deref() == Some(o.id.as_str())}
                                aria-describedby={o.hint.as_ref().map(|_| item_hint.clone())}
                                onchange={Callback::from(move |_| draft.set(Draft::Choice(Some(oid.clone()))))} />
                            <label class="icp-radios__label" for={id}>{ &o.label }</label>
                            if let Some(h) = &o.hint {
                                <div id={item_hint} class="icp-hint icp-radios__hint">{ h }</div>
                            }
                        </div>
                    }
                }) }
            </div>
        },
        (QuestionKind::Multi { options }, Draft::Choices(chosen)) => html! {
            <div class="icp-checkboxes">
                { for options.iter().enumerate().map(|(i, o)| {
                    let id = if i == 0 { field_id.clone() } else { format!("{field_id}-{}", i + 1) };
                    let item_hint = format!("{id}-item-hint");
                    let (draft, chosen_now, options) = (draft.clone(), chosen.clone(), options.clone());
                    let oid = o.id.clone();
                    let exclusive = o.exclusive;
                    let toggle = Callback::from(move |_| {
                        let mut next = chosen_now.clone();
                        if let Some(pos) = next.iter().position(|c| c == &oid) {
                            next.remove(pos);
                        } else if exclusive {
                            // "None of these" clears the others...
                            next = vec![oid.clone()];
                        } else {
                            // ...and any other option clears "None of these".
                            next.retain(|c| !options.iter().any(|o| o.exclusive && &o.id == c));
                            next.push(oid.clone());
                        }
                        draft.set(Draft::Choices(next));
                    });
                    html! {
                        <>
                        if exclusive {
                            <div class="icp-checkboxes__divider">{ t.or }</div>
                        }
                        <div class="icp-checkboxes__item">
                            <input class="icp-checkboxes__input" type="checkbox" id={id.clone()} name={field_id.clone()}
                                value={o.id.clone()} checked={chosen.contains(&o.id)}
                                aria-describedby={o.hint.as_ref().map(|_| item_hint.clone())}
                                onchange={toggle} />
                            <label class="icp-checkboxes__label" for={id}>{ &o.label }</label>
                            if let Some(h) = &o.hint {
                                <div id={item_hint} class="icp-hint icp-checkboxes__hint">{ h }</div>
                            }
                        </div>
                        </>
                    }
                }) }
            </div>
        },
        (QuestionKind::Number { unit, .. }, Draft::Number(text)) => {
            let draft = draft.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                draft.set(Draft::Number(input.value()));
            });
            html! {
                <div class="icp-input-wrapper">
                    <input class={classes!("icp-input", "icp-input--width-5", error.is_some().then_some("icp-input--error"))}
                        id={field_id.clone()} name={field_id.clone()} type="text" inputmode="numeric"
                        spellcheck="false" autocomplete="off" value={text.clone()} oninput={oninput}
                        aria-labelledby={heading_id.clone()} aria-describedby={described_by.clone()} />
                    if let Some(u) = unit {
                        <div class="icp-input__suffix" aria-hidden="true">{ u }</div>
                    }
                </div>
            }
        }
        _ => html! {},
    };

    // Radios and checkboxes are described through the fieldset; a text input carries its own.
    let fieldset_described = if matches!(q.kind, QuestionKind::Number { .. }) { None } else { described_by.clone() };
    html! {
        <div class="icp-question">
            <a href="#" class="icp-back-link" onclick={onback}>{ t.back }</a>
            if let Some(message) = &error {
                <ErrorSummary title={t.problem} message={message.clone()} target={field_id.clone()} attempt={attempts} />
            }
            <form class="icp-question__form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <p class="icp-question__progress">
                    <span class="icp-question__step">{ t.step(props.step, props.total) }</span>
                    <progress class="icp-question__bar" max={props.total.to_string()} value={props.step.to_string()} aria-hidden="true"></progress>
                </p>
                <div class={classes!("icp-form-group", error.is_some().then_some("icp-form-group--error"))}>
                    <fieldset class="icp-fieldset" aria-describedby={fieldset_described}>
                        <legend class="icp-fieldset__legend">
                            <h2 class="icp-fieldset__heading" id={heading_id} tabindex="-1" data-icp-focus="">{ &q.text }</h2>
                        </legend>
                        if let Some(h) = &q.hint {
                            <div id={hint_id} class="icp-hint">{ h }</div>
                        }
                        if let Some(message) = &error {
                            <p id={error_id} class="icp-error-message">
                                <span class="icp-visually-hidden">{ t.error_prefix }{ " " }</span>{ message }
                            </p>
                        }
                        { inputs }
                    </fieldset>
                </div>
                <button type="submit" class="icp-button" onclick={onsubmit}>{ t.continue_ }</button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::texts::EN;

    fn number_question() -> Question {
        crate::pathway::read_json(r#"{"id":"n","text":"How many?","type":"number","min":0,"max":20}"#).unwrap()
    }

    #[test]
    fn a_number_outside_the_bounds_is_refused_with_the_range_in_the_message() {
        let q = number_question();
        assert_eq!(validate(&q, &Draft::Number("21".into()), &EN), Err("Enter a number between 0 and 20".into()));
        assert_eq!(validate(&q, &Draft::Number(" 10 ".into()), &EN), Ok(Answer::Number(10)));
        assert_eq!(validate(&q, &Draft::Number("2.5".into()), &EN), Err(EN.whole_number.into()));
        assert_eq!(validate(&q, &Draft::Number("".into()), &EN), Err(EN.enter_number.into()));
    }

    #[test]
    fn a_decimal_comma_or_point_is_refused_never_read_as_a_bigger_number() {
        let q = number_question();
        for typed in ["2,5", "1,0", "2.5", "1.000", "12,34", ",5"] {
            assert_eq!(validate(&q, &Draft::Number(typed.into()), &EN), Err(EN.whole_number.into()), "{typed}");
        }
    }

    #[test]
    fn digits_grouped_the_way_the_language_writes_them_read_as_one_number() {
        let q: Question =
            crate::pathway::read_json(r#"{"id":"n","text":"Hours?","type":"number","min":0,"max":100000}"#).unwrap();
        let fr = &crate::ui::texts_fr::FR_CA;
        assert_eq!(validate(&q, &Draft::Number("2,000".into()), &EN), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number(" 12,500 ".into()), &EN), Ok(Answer::Number(12500)));
        assert_eq!(validate(&q, &Draft::Number("2 000".into()), fr), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number("2\u{a0}000".into()), fr), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number("2\u{202f}000".into()), fr), Ok(Answer::Number(2000)));
        // A comma in French is a decimal comma; misplaced groups are not numbers.
        assert_eq!(validate(&q, &Draft::Number("2,000".into()), fr), Err(fr.whole_number.into()));
        assert_eq!(validate(&q, &Draft::Number("20,00".into()), &EN), Err(EN.whole_number.into()));
        assert_eq!(validate(&q, &Draft::Number("2 000".into()), &EN), Err(EN.whole_number.into()));
    }

    #[test]
    fn a_huge_number_gets_the_range_message_not_the_whole_number_one() {
        let q = number_question();
        let huge = "9".repeat(10_000);
        assert_eq!(validate(&q, &Draft::Number(huge), &EN), Err("Enter a number between 0 and 20".into()));
        assert_eq!(validate(&q, &Draft::Number(format!("-{}", "9".repeat(40))), &EN), Err("Enter a number between 0 and 20".into()));
    }

    #[test]
    fn nothing_selected_asks_for_a_selection() {
        let q: Question = crate::pathway::read_json(r#"{"id":"y","text":"Yes?","type":"yes_no"}"#).unwrap();
        assert_eq!(validate(&q, &Draft::Bool(None), &EN), Err(EN.select_yes_no.into()));
        assert_eq!(validate(&q, &Draft::Bool(Some(false)), &EN), Ok(Answer::Bool(false)));
    }
}
