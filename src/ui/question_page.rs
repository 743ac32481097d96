//! One question per page, in the GOV.UK radios / checkboxes / text-input
//! patterns, composed from [`super::components`]; the draft answer lives in
//! [`use_draft`] until it is submitted.
use std::rc::Rc;

use yew::prelude::*;

use super::components::{
    checkboxes, error_summary, radios, submit_button, text_input, use_focus_on_attempt, CheckboxItem, CheckboxesProps, ErrorLink, ErrorSummaryProps, Field,
    RadioItem, RadiosProps, TextInputProps,
};
use super::context::Settings;
use super::hooks::use_draft;
use super::texts::Texts;
use crate::pathway::{Answer, Question, QuestionKind};

/// Props of [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The question asked.
    pub question: Rc<Question>,
    /// The answer given before, if any.
    pub answer: Option<Answer>,
    /// Where the candidate is, in words: "Part 2 of 6: Where you live".
    pub progress: AttrValue,
    /// The question's number among those asked, for the bar.
    pub step: usize,
    /// The most questions there can be, for the bar (see `Progress::most`).
    pub most: usize,
    /// How many parts the questionnaire has now (0 without parts): fewer
    /// than on the page before, the page says why.
    #[prop_or_default]
    pub parts: usize,
    /// Why the question is asked, from the rules that read its answer.
    #[prop_or_default]
    pub why: Option<AttrValue>,
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

/// Why a draft is not an answer yet: what the candidate must fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    SelectYesNo,
    SelectOne,
    SelectSome,
    EnterNumber,
    WholeNumber,
    OutOfRange { min: i64, max: i64 },
}

impl Refusal {
    /// The GOV.UK-style message saying what to fix, in `t`'s language.
    fn message(self, t: &Texts) -> String {
        match self {
            Refusal::SelectYesNo => t.select_yes_no.to_owned(),
            Refusal::SelectOne => t.select_one.to_owned(),
            Refusal::SelectSome => t.select_some.to_owned(),
            Refusal::EnterNumber => t.enter_number.to_owned(),
            Refusal::WholeNumber => t.whole_number.to_owned(),
            Refusal::OutOfRange { min, max } => t.range(min, max),
        }
    }
}

/// What the candidate typed as a number between `min` and `max`, or what
/// to fix: the one reader of typed numbers, for the question page and
/// What-if alike, so both accept and refuse the same input.
fn number_in(text: &str, min: i64, max: i64, t: &Texts) -> Result<i64, Refusal> {
    match whole_number(text, t.digit_group) {
        WholeNumber::Empty => Err(Refusal::EnterNumber),
        WholeNumber::Not => Err(Refusal::WholeNumber),
        WholeNumber::Is(n) if (min..=max).contains(&n) => Ok(n),
        WholeNumber::Is(_) | WholeNumber::TooLarge => Err(Refusal::OutOfRange { min, max }),
    }
}

/// [`number_in`], its refusal in the words of `t`'s language.
pub fn read_number(text: &str, min: i64, max: i64, t: &Texts) -> Result<i64, String> {
    number_in(text, min, max, t).map_err(|r| r.message(t))
}

/// Turns a draft into an answer, or says what to fix.
fn validate(question: &Question, draft: &Draft, t: &Texts) -> Result<Answer, Refusal> {
    match (draft, &question.kind) {
        (Draft::Bool(Some(b)), _) => Ok(Answer::Bool(*b)),
        (Draft::Bool(None), _) => Err(Refusal::SelectYesNo),
        (Draft::Choice(Some(c)), _) => Ok(Answer::Choice(c.clone())),
        (Draft::Choice(None), _) => Err(Refusal::SelectOne),
        (Draft::Choices(cs), QuestionKind::Multi { options }) => {
            // Keep the definition's order, whatever order they were ticked in.
            let ordered: Vec<String> = options.iter().filter(|o| cs.contains(&o.id)).map(|o| o.id.clone()).collect();
            if ordered.is_empty() {
                Err(Refusal::SelectSome)
            } else {
                Ok(Answer::Choices(ordered))
            }
        }
        (Draft::Number(text), QuestionKind::Number { min, max, .. }) => number_in(text, *min, *max, t).map(Answer::Number),
        _ => Err(Refusal::SelectOne),
    }
}

/// A question page: back link, error summary, progress, the question's
/// control group (its heading in the legend), Continue.
#[function_component(QuestionPage)]
pub fn question_page(props: &Props) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let t = settings.texts;
    let q = &props.question;
    let draft = {
        let (q, a) = (q.clone(), props.answer.clone());
        use_draft(&props.question.id, move || Draft::from(&q, a.as_ref()))
    };
    // The parts' total on the page before: when an answer rules whole parts
    // out, "Part 2 of 6" becomes "Part 3 of 4", which needs a word of why.
    let parts_seen = use_mut_ref(|| (props.question.id.clone(), props.parts, false));
    let fewer_parts = {
        let mut seen = parts_seen.borrow_mut();
        if seen.0 != props.question.id {
            *seen = (props.question.id.clone(), props.parts, props.parts < seen.1);
        }
        seen.2
    };
    let summary = use_node_ref();
    use_focus_on_attempt(summary.clone(), draft.attempts());
    // The refusal is kept, not its words: after a language switch it is said in the new language.
    let (current, error) = (draft.value(), draft.error().map(|r: Refusal| AttrValue::from(r.message(t))));
    let summary_message = error.clone();

    let field_id = AttrValue::from(settings.id(&["q", &q.id]));
    let heading_id = settings.id(&["heading"]);
    let legend = html! {
        <h2 class="icp-fieldset__heading" id={heading_id.clone()} tabindex="-1" data-icp-focus="">{ &q.text }</h2>
    };
    // The question's own hint, then why it is asked, on a line of its own.
    let hint = match (&q.hint, &props.why) {
        (Some(h), Some(why)) => Some(AttrValue::from(format!("{h}\n{why}"))),
        (Some(h), None) => Some(AttrValue::from(h.clone())),
        (None, why) => why.clone(),
    };

    let onsubmit = {
        let (q, draft, onanswer) = (q.clone(), draft.clone(), props.onanswer.clone());
        // On the button's click, not the form's submit: a sandboxed iframe
        // without allow-forms blocks submission before any submit event, while
        // the click (also fired by Enter in a field) always arrives.
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            match validate(&q, &draft.value(), t) {
                Ok(answer) => onanswer.emit(answer),
                Err(refusal) => draft.fail(refusal),
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

    // One setter that every kind of control reforms.
    let set = {
        let draft = draft.clone();
        Callback::from(move |d: Draft| draft.set(d))
    };
    let control = match (&q.kind, current) {
        (QuestionKind::YesNo, Draft::Bool(value)) => {
            let items = [("yes", t.yes), ("no", t.no)].map(|(value, label)| RadioItem { value: value.into(), label: label.into(), hint: None }).to_vec();
            let value = value.map(|v| AttrValue::from(if v { "yes" } else { "no" }));
            let onchange = set.reform(|v: AttrValue| Draft::Bool(Some(v == "yes")));
            radios(&RadiosProps { field: Field { id: field_id.clone(), legend, hint, error }, items, value, inline: true, onchange }, t)
        }
        (QuestionKind::Single { options }, Draft::Choice(value)) => {
            let items = options
                .iter()
                .map(|o| RadioItem { value: o.id.clone().into(), label: o.label.clone().into(), hint: o.hint.clone().map(Into::into) })
                .collect::<Vec<_>>();
            let onchange = set.reform(|v: AttrValue| Draft::Choice(Some(v.to_string())));
            let value = value.map(AttrValue::from);
            radios(&RadiosProps { field: Field { id: field_id.clone(), legend, hint, error }, items, value, inline: false, onchange }, t)
        }
        (QuestionKind::Multi { options }, Draft::Choices(chosen)) => {
            let items = options
                .iter()
                .map(|o| CheckboxItem {
                    value: o.id.clone().into(),
                    label: o.label.clone().into(),
                    hint: o.hint.clone().map(Into::into),
                    exclusive: o.exclusive,
                })
                .collect::<Vec<_>>();
            let onchange = set.reform(|vs: Vec<AttrValue>| Draft::Choices(vs.iter().map(|v| v.to_string()).collect()));
            let values = chosen.into_iter().map(AttrValue::from).collect::<Vec<_>>();
            checkboxes(&CheckboxesProps { field: Field { id: field_id.clone(), legend, hint, error }, items, values, onchange }, t)
        }
        (QuestionKind::Number { unit, .. }, Draft::Number(text)) => {
            let oninput = set.reform(Draft::Number);
            let props = TextInputProps {
                field: Field { id: field_id.clone(), legend, hint, error },
                labelled_by: Some(heading_id.clone().into()),
                value: text.into(),
                inputmode: Some("numeric".into()),
                width: Some(5),
                suffix: unit.clone().map(AttrValue::from),
                oninput,
            };
            text_input(&props, t)
        }
        _ => html! {},
    };

    html! {
        <div class="icp-question">
            <a href="#" class="icp-back-link" onclick={onback}>{ t.back }</a>
            if let Some(message) = summary_message {
                { error_summary(&ErrorSummaryProps { title: t.problem.into(), errors: vec![ErrorLink { target: field_id.clone(), message }] }, summary.clone()) }
            }
            <form class="icp-question__form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <p class="icp-question__progress">
                    <span class="icp-question__step">{ props.progress.clone() }</span>
                    <progress class="icp-question__bar" max={props.most.to_string()} value={props.step.to_string()} aria-hidden="true"></progress>
                </p>
                if fewer_parts {
                    <p class="icp-question__fewer">{ t.fewer_parts }</p>
                }
                { control }
                { submit_button(t.continue_, onsubmit) }
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
        assert_eq!(validate(&q, &Draft::Number("21".into()), &EN).map_err(|r| r.message(&EN)), Err("Enter a number between 0 and 20".into()));
        assert_eq!(validate(&q, &Draft::Number(" 10 ".into()), &EN), Ok(Answer::Number(10)));
        assert_eq!(validate(&q, &Draft::Number("2.5".into()), &EN), Err(Refusal::WholeNumber));
        assert_eq!(validate(&q, &Draft::Number("".into()), &EN), Err(Refusal::EnterNumber));
    }

    #[test]
    fn a_decimal_comma_or_point_is_refused_never_read_as_a_bigger_number() {
        let q = number_question();
        for typed in ["2,5", "1,0", "2.5", "1.000", "12,34", ",5"] {
            assert_eq!(validate(&q, &Draft::Number(typed.into()), &EN), Err(Refusal::WholeNumber), "{typed}");
        }
    }

    #[test]
    fn digits_grouped_the_way_the_language_writes_them_read_as_one_number() {
        let q: Question = crate::pathway::read_json(r#"{"id":"n","text":"Hours?","type":"number","min":0,"max":100000}"#).unwrap();
        let fr = &crate::ui::texts_fr::FR_CA;
        assert_eq!(validate(&q, &Draft::Number("2,000".into()), &EN), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number(" 12,500 ".into()), &EN), Ok(Answer::Number(12500)));
        assert_eq!(validate(&q, &Draft::Number("2 000".into()), fr), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number("2\u{a0}000".into()), fr), Ok(Answer::Number(2000)));
        assert_eq!(validate(&q, &Draft::Number("2\u{202f}000".into()), fr), Ok(Answer::Number(2000)));
        // A comma in French is a decimal comma; misplaced groups are not numbers.
        assert_eq!(validate(&q, &Draft::Number("2,000".into()), fr), Err(Refusal::WholeNumber));
        assert_eq!(validate(&q, &Draft::Number("20,00".into()), &EN), Err(Refusal::WholeNumber));
        assert_eq!(validate(&q, &Draft::Number("2 000".into()), &EN), Err(Refusal::WholeNumber));
    }

    #[test]
    fn what_if_and_the_question_page_read_typed_numbers_the_same_way() {
        use crate::ui::texts_fr::FR_CA;
        for (text, en, fr) in [
            ("2,000", Ok(2000), Err("Entrez un nombre entier, par exemple 12")),
            ("2 000", Err("Enter a whole number, like 12"), Ok(2000)),
            ("150.0", Err("Enter a whole number, like 12"), Err("Entrez un nombre entier, par exemple 12")),
            ("1e3", Err("Enter a whole number, like 12"), Err("Entrez un nombre entier, par exemple 12")),
            ("+120", Err("Enter a whole number, like 12"), Err("Entrez un nombre entier, par exemple 12")),
            ("200001", Err("Enter a number between 0 and 100000"), Err("Entrez un nombre entre 0 et 100000")),
            (" 120 ", Ok(120), Ok(120)),
        ] {
            assert_eq!(read_number(text, 0, 100_000, &EN), en.map_err(str::to_owned), "{text:?} in English");
            assert_eq!(read_number(text, 0, 100_000, &FR_CA), fr.map_err(str::to_owned), "{text:?} in French");
        }
    }

    #[test]
    fn a_huge_number_gets_the_range_message_not_the_whole_number_one() {
        let q = number_question();
        let huge = "9".repeat(10_000);
        assert_eq!(validate(&q, &Draft::Number(huge), &EN).map_err(|r| r.message(&EN)), Err("Enter a number between 0 and 20".into()));
        assert_eq!(
            validate(&q, &Draft::Number(format!("-{}", "9".repeat(40))), &EN).map_err(|r| r.message(&EN)),
            Err("Enter a number between 0 and 20".into())
        );
    }

    #[test]
    fn nothing_selected_asks_for_a_selection() {
        let q: Question = crate::pathway::read_json(r#"{"id":"y","text":"Yes?","type":"yes_no"}"#).unwrap();
        assert_eq!(validate(&q, &Draft::Bool(None), &EN), Err(Refusal::SelectYesNo));
        assert_eq!(validate(&q, &Draft::Bool(Some(false)), &EN), Ok(Answer::Bool(false)));
    }
}
