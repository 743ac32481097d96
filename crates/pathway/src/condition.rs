//! Conditions over answers, written as data, and their three-valued evaluation.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::answers::Answer;

/// A condition over answers, written as data.
///
/// ```json
/// {"at_least": {"n": 1, "of": [
///   {"compare": {"question": "hours", "op": ">=", "value": 300}},
///   {"compare": {"question": "years", "op": ">=", "value": 10}}
/// ]}}
/// ```
///
/// Written `{"name": arguments}`: an object with exactly one member, whose
/// name says which condition it is (serde's externally tagged enum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// At least `n` of the conditions hold.
    AtLeast {
        /// How many must hold.
        n: usize,
        /// The candidates.
        of: Vec<Condition>,
    },
    /// The question has been answered.
    Answered(String),
    /// The answer equals the value exactly.
    Equals {
        /// Question id.
        question: String,
        /// Expected answer.
        value: Answer,
    },
    /// A single choice is one of the values, or a multiple choice includes one of them.
    OneOf {
        /// Question id.
        question: String,
        /// Option ids.
        values: Vec<String>,
    },
    /// A multiple choice includes the option.
    Includes {
        /// Question id.
        question: String,
        /// Option id.
        value: String,
    },
    /// A number answer compared with a value.
    Compare {
        /// Question id.
        question: String,
        /// The comparison.
        op: Cmp,
        /// The value compared against.
        value: i64,
    },
}

/// Number comparisons, written as their operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Cmp {
    /// Less than.
    #[serde(rename = "<")]
    Lt,
    /// Less than or equal.
    #[serde(rename = "<=")]
    Le,
    /// Greater than.
    #[serde(rename = ">")]
    Gt,
    /// Greater than or equal.
    #[serde(rename = ">=")]
    Ge,
    /// Equal.
    #[serde(rename = "==")]
    Eq,
    /// Not equal.
    #[serde(rename = "!=")]
    Ne,
}

impl Cmp {
    /// Applies the comparison.
    pub fn apply(self, left: i64, right: i64) -> bool {
        match self {
            Cmp::Lt => left < right,
            Cmp::Le => left <= right,
            Cmp::Gt => left > right,
            Cmp::Ge => left >= right,
            Cmp::Eq => left == right,
            Cmp::Ne => left != right,
        }
    }
}

/// Three-valued truth: a condition over a question not answered yet is unknown,
/// not false, so the checklist can say "not answered" rather than "missing".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Truth {
    /// Definitely does not hold.
    False,
    /// Depends on answers not given yet.
    Unknown,
    /// Definitely holds.
    True,
}

impl From<bool> for Truth {
    fn from(b: bool) -> Self {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// What is known of one question's answer during evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Asked and answered.
    Answered(&'a Answer),
    /// Asked (or maybe asked) but not answered yet.
    Pending,
    /// Will not be asked given the other answers: it definitely has no answer.
    Skipped,
}

impl Condition {
    /// Evaluates with Kleene logic; `lookup` tells what is known of each question.
    pub fn eval<'a>(&self, lookup: &impl Fn(&str) -> Lookup<'a>) -> Truth {
        match self {
            Condition::All(cs) => cs.iter().map(|c| c.eval(lookup)).min().unwrap_or(Truth::True),
            Condition::Any(cs) => cs.iter().map(|c| c.eval(lookup)).max().unwrap_or(Truth::False),
            Condition::Not(c) => match c.eval(lookup) {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Unknown => Truth::Unknown,
            },
            Condition::AtLeast { n, of } => {
                let (mut yes, mut maybe) = (0, 0);
                for c in of {
                    match c.eval(lookup) {
                        Truth::True => yes += 1,
                        Truth::Unknown => maybe += 1,
                        Truth::False => {}
                    }
                }
                if yes >= *n {
                    Truth::True
                } else if yes + maybe >= *n {
                    Truth::Unknown
                } else {
                    Truth::False
                }
            }
            Condition::Answered(q) => match lookup(q) {
                Lookup::Answered(_) => Truth::True,
                Lookup::Pending => Truth::Unknown,
                Lookup::Skipped => Truth::False,
            },
            Condition::Equals { question, value } => on_answer(lookup(question), |a| a == value),
            Condition::OneOf { question, values } => on_answer(lookup(question), |a| match a {
                Answer::Choice(c) => values.contains(c),
                Answer::Choices(cs) => cs.iter().any(|c| values.contains(c)),
                _ => false,
            }),
            Condition::Includes { question, value } => on_answer(lookup(question), |a| match a {
                Answer::Choices(cs) => cs.contains(value),
                Answer::Choice(c) => c == value,
                _ => false,
            }),
            Condition::Compare { question, op, value } => on_answer(lookup(question), |a| match a {
                Answer::Number(n) => op.apply(*n, *value),
                _ => false,
            }),
        }
    }

    /// Every question id the condition reads, in order of appearance, without repeats.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'s>(&'s self, out: &mut Vec<&'s str>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) | Condition::AtLeast { of: cs, .. } => cs.iter().for_each(|c| c.collect_questions(out)),
            Condition::Not(c) => c.collect_questions(out),
            Condition::Answered(q)
            | Condition::Equals { question: q, .. }
            | Condition::OneOf { question: q, .. }
            | Condition::Includes { question: q, .. }
            | Condition::Compare { question: q, .. } => {
                if !out.contains(&q.as_str()) {
                    out.push(q)
                }
            }
        }
    }
}

fn on_answer(lookup: Lookup<'_>, test: impl Fn(&Answer) -> bool) -> Truth {
    match lookup {
        Lookup::Answered(a) => test(a).into(),
        Lookup::Pending => Truth::Unknown,
        // A question that will not be asked has no answer, so no test on its answer holds.
        Lookup::Skipped => Truth::False,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn lookup_in<'a>(answers: &'a BTreeMap<&'static str, Answer>) -> impl Fn(&str) -> Lookup<'a> + 'a {
        move |q| match answers.get(q) {
            Some(a) => Lookup::Answered(a),
            None if q.starts_with("skipped") => Lookup::Skipped,
            None => Lookup::Pending,
        }
    }

    fn cmp(q: &str, op: Cmp, v: i64) -> Condition {
        Condition::Compare { question: q.into(), op, value: v }
    }

    fn experience_rule() -> Condition {
        Condition::AtLeast { n: 1, of: vec![cmp("hours", Cmp::Ge, 300), cmp("years", Cmp::Ge, 10), cmp("credits", Cmp::Ge, 15)] }
    }

    #[test]
    fn at_least_one_of_three_routes_is_met_by_any_single_route() {
        for (q, v) in [("hours", 300), ("years", 10), ("credits", 15)] {
            let mut a = BTreeMap::from([("hours", Answer::Number(0)), ("years", Answer::Number(0)), ("credits", Answer::Number(0))]);
            a.insert(q, Answer::Number(v));
            assert_eq!(experience_rule().eval(&lookup_in(&a)), Truth::True, "route {q}");
        }
    }

    #[test]
    fn at_least_is_false_when_every_route_falls_short() {
        let a = BTreeMap::from([("hours", Answer::Number(299)), ("years", Answer::Number(9)), ("credits", Answer::Number(14))]);
        assert_eq!(experience_rule().eval(&lookup_in(&a)), Truth::False);
    }

    #[test]
    fn at_least_is_unknown_while_an_unanswered_route_could_still_meet_it() {
        let a = BTreeMap::from([("hours", Answer::Number(10))]);
        assert_eq!(experience_rule().eval(&lookup_in(&a)), Truth::Unknown);
    }

    #[test]
    fn all_is_false_as_soon_as_one_part_is_false_even_with_unknowns() {
        let a = BTreeMap::from([("x", Answer::Bool(false))]);
        let c = Condition::All(vec![Condition::Equals { question: "x".into(), value: Answer::Bool(true) }, Condition::Answered("pending".into())]);
        assert_eq!(c.eval(&lookup_in(&a)), Truth::False);
    }

    #[test]
    fn any_is_true_as_soon_as_one_part_is_true_even_with_unknowns() {
        let a = BTreeMap::from([("x", Answer::Bool(true))]);
        let c = Condition::Any(vec![Condition::Answered("pending".into()), Condition::Equals { question: "x".into(), value: Answer::Bool(true) }]);
        assert_eq!(c.eval(&lookup_in(&a)), Truth::True);
    }

    #[test]
    fn not_keeps_unknown_unknown() {
        let a = BTreeMap::new();
        let c = Condition::Not(Box::new(Condition::Answered("pending".into())));
        assert_eq!(c.eval(&lookup_in(&a)), Truth::Unknown);
    }

    #[test]
    fn a_skipped_question_definitely_does_not_equal_anything() {
        let a = BTreeMap::new();
        let c = Condition::Equals { question: "skipped_q".into(), value: Answer::Bool(true) };
        assert_eq!(c.eval(&lookup_in(&a)), Truth::False);
        let not = Condition::Not(Box::new(c));
        assert_eq!(not.eval(&lookup_in(&a)), Truth::True);
    }

    #[test]
    fn one_of_matches_a_single_choice_and_any_of_a_multiple_choice() {
        let a = BTreeMap::from([("single", Answer::Choice("idi".into())), ("multi", Answer::Choices(vec!["dance".into(), "stunts".into()]))]);
        let one_of = |q: &str, vs: &[&str]| Condition::OneOf { question: q.into(), values: vs.iter().map(|s| s.to_string()).collect() };
        assert_eq!(one_of("single", &["idc", "idi"]).eval(&lookup_in(&a)), Truth::True);
        assert_eq!(one_of("single", &["idc"]).eval(&lookup_in(&a)), Truth::False);
        assert_eq!(one_of("multi", &["casting", "stunts"]).eval(&lookup_in(&a)), Truth::True);
        assert_eq!(one_of("multi", &["casting"]).eval(&lookup_in(&a)), Truth::False);
    }

    #[test]
    fn compare_applies_each_operator() {
        let a = BTreeMap::from([("n", Answer::Number(5))]);
        let l = lookup_in(&a);
        assert_eq!(cmp("n", Cmp::Lt, 6).eval(&l), Truth::True);
        assert_eq!(cmp("n", Cmp::Le, 4).eval(&l), Truth::False);
        assert_eq!(cmp("n", Cmp::Gt, 4).eval(&l), Truth::True);
        assert_eq!(cmp("n", Cmp::Eq, 5).eval(&l), Truth::True);
        assert_eq!(cmp("n", Cmp::Ne, 5).eval(&l), Truth::False);
    }

    #[test]
    fn conditions_read_naturally_from_json() {
        let c: Condition = crate::error::read_json(
            r#"{"at_least": {"n": 1, "of": [{"compare": {"question": "hours", "op": ">=", "value": 300}},
                {"compare": {"question": "years", "op": ">=", "value": 10}},
                {"compare": {"question": "credits", "op": ">=", "value": 15}}]}}"#,
        )
        .unwrap();
        assert_eq!(c, experience_rule());
        assert_eq!(c.questions(), vec!["hours", "years", "credits"]);
    }
}
