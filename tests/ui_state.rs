//! The widget's reducer, driven natively: the flow a candidate goes through.
#![cfg(not(target_arch = "wasm32"))]
use std::rc::Rc;

use ic_pathfinder::pathway::{default_definition, Answer, Definition};
use ic_pathfinder::ui::restore::restore;
use ic_pathfinder::ui::state::{Action, Notice, Screen, State};
use ic_pathfinder::ui::storage::{Forgetting, Saved, StorageError, StorageMode, Store};
use yew::Reducible;

const DEFAULT_ID: &str = "ic-pathfinder-default";

thread_local! {
    static DEFAULT: Rc<Definition> = Rc::new(default_definition().expect("default content is valid"));
}

/// The default content, which the widget is given as a prop (it is not state).
fn def() -> Rc<Definition> {
    DEFAULT.with(Rc::clone)
}

fn fresh() -> Rc<State> {
    Rc::new(State::new())
}

fn act(s: Rc<State>, a: Action) -> Rc<State> {
    s.reduce((def(), a))
}

/// The state the widget opens with, its storage changes made.
fn initial_state(definition: Rc<Definition>, store: &Store, fragment: Option<&str>) -> State {
    restore(&definition, store, fragment)
}

fn on_question(s: &State) -> &str {
    match &s.screen {
        Screen::Question(id) => id,
        other => panic!("expected a question page, got {other:?}"),
    }
}

/// Answers every question with a fixed, valid answer until the check page.
fn answer_all(mut s: Rc<State>) -> Rc<State> {
    for _ in 0..60 {
        let Screen::Question(id) = s.screen.clone() else { return s };
        let q = def().question(&id).unwrap().clone();
        let a = match &q.kind {
            ic_pathfinder::pathway::QuestionKind::YesNo => Answer::Bool(true),
            ic_pathfinder::pathway::QuestionKind::Single { options } => Answer::Choice(options[0].id.clone()),
            ic_pathfinder::pathway::QuestionKind::Multi { options } => Answer::Choices(vec![options[0].id.clone()]),
            ic_pathfinder::pathway::QuestionKind::Number { max, .. } => Answer::Number(*max),
        };
        s = act(s, Action::Answer(id, a));
    }
    panic!("the questionnaire never ended")
}

#[test]
fn starting_goes_to_the_first_question_and_counts_as_navigation() {
    let s = act(fresh(), Action::Begin);
    assert_eq!(on_question(&s), "industry_experience");
    assert_eq!(s.navigation, 1, "focus moves only after the candidate acts");
}

#[test]
fn an_answer_that_does_not_fit_the_question_is_refused() {
    let s = act(fresh(), Action::Begin);
    let before = s.clone();
    let s = act(s, Action::Answer("industry_experience".into(), Answer::Choice("forty_years".into())));
    assert_eq!(s, before);
}

/// A fresh start answered up to the directing experience question, each
/// answer the first choice (or no, or the least).
fn up_to_directing_experience() -> Rc<State> {
    let mut s = act(fresh(), Action::Begin);
    while on_question(&s) != "directing_experience" {
        let id = on_question(&s).to_owned();
        let q = def().question(&id).unwrap().clone();
        let a = match q.kind {
            // The experience questions only count for ICC, open unless the first
            // choice of the citizenship question were "neither" (it is "citizen").
            ic_pathfinder::pathway::QuestionKind::YesNo => Answer::Bool(false),
            ic_pathfinder::pathway::QuestionKind::Single { options } => Answer::Choice(options[0].id.clone()),
            ic_pathfinder::pathway::QuestionKind::Multi { options } => Answer::Choices(vec![options[0].id.clone()]),
            ic_pathfinder::pathway::QuestionKind::Number { min, .. } => Answer::Number(min),
        };
        s = act(s, Action::Answer(id, a));
    }
    s
}

#[test]
fn back_from_a_follow_up_returns_to_the_question_that_opened_it() {
    let mut s = up_to_directing_experience();
    s = act(s, Action::Answer("directing_experience".into(), Answer::Bool(true)));
    assert_eq!(on_question(&s), "experience_shown");
    s = act(s, Action::Back);
    assert_eq!(on_question(&s), "directing_experience");
    s = act(s, Action::Answer("directing_experience".into(), Answer::Bool(false)));
    assert_eq!(on_question(&s), "idc_level1", "saying no skips the follow-ups");
}

#[test]
fn the_experience_figures_asked_are_only_the_ones_the_candidate_can_show() {
    let mut s = up_to_directing_experience();
    s = act(s, Action::Answer("directing_experience".into(), Answer::Bool(true)));
    // ICC accepts any one of three figures: a candidate who can show credits is asked for credits alone.
    s = act(s, Action::Answer("experience_shown".into(), Answer::Choices(vec!["credits".into()])));
    assert_eq!(on_question(&s), "show_credits");
    s = act(s, Action::Answer("show_credits".into(), Answer::Number(15)));
    assert_eq!(on_question(&s), "idc_level1", "neither hours nor years are asked");
}

#[test]
fn the_last_answer_leads_to_check_answers_and_then_results() {
    let s = answer_all(act(fresh(), Action::Begin));
    assert_eq!(s.screen, Screen::Check);
    let s = act(s, Action::ShowResults);
    assert_eq!(s.screen, Screen::Results);
    let s = act(s, Action::Back);
    assert_eq!(s.screen, Screen::Check);
}

#[test]
fn changing_an_answer_from_check_answers_returns_there() {
    let s = answer_all(act(fresh(), Action::Begin));
    let s = act(s, Action::Change("leadership".into()));
    assert_eq!(on_question(&s), "leadership");
    let s = act(s, Action::Answer("leadership".into(), Answer::Bool(false)));
    assert_eq!(s.screen, Screen::Check);
    assert_eq!(s.answers.get("leadership"), Some(&Answer::Bool(false)));
}

#[test]
fn a_change_that_opens_new_questions_asks_them_before_returning() {
    // answer_all picks the first option, "certified", so the foundational-training follow-up was never asked.
    let s = answer_all(act(fresh(), Action::Begin));
    assert!(!s.answers.contains_key("foundational_training"));
    let s = act(s, Action::Change("sag_program".into()));
    let s = act(s, Action::Answer("sag_program".into(), Answer::Choice("no".into())));
    assert_eq!(on_question(&s), "foundational_training", "the newly opened question comes first");
    let s = act(s, Action::Answer("foundational_training".into(), Answer::Bool(true)));
    assert_eq!(s.screen, Screen::Check, "then back to where the change started");
}

#[test]
fn follow_ups_of_a_changed_answer_are_no_longer_asked_but_their_answers_are_kept() {
    let s = answer_all(act(fresh(), Action::Begin));
    assert!(s.flow(&def()).is_asked("idc_level2_count"));
    let s = act(s, Action::Change("idc_level1".into()));
    let s = act(s, Action::Answer("idc_level1".into(), Answer::Choice("no".into())));
    assert_eq!(s.screen, Screen::Check);
    assert!(!s.flow(&def()).is_asked("idc_level2_count"));
    assert!(!s.flow(&def()).effective_answers().contains_key("idc_level2_count"), "ignored in the evaluation");
    assert!(s.answers.contains_key("idc_level2_count"), "kept in case the candidate changes back");
}

#[test]
fn what_if_on_the_results_page_changes_the_answer_without_leaving_the_page() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::WhatIf("mhfa".into(), Answer::Choice("no".into())));
    assert_eq!(s.screen, Screen::Results);
    assert_eq!(s.answers.get("mhfa"), Some(&Answer::Choice("no".into())));
}

#[test]
fn ticking_a_step_twice_unticks_it() {
    let s = act(fresh(), Action::ToggleDone("idc/idc_l1".into()));
    assert!(s.done.contains("idc/idc_l1"));
    let s = act(s, Action::ToggleDone("idc/idc_l1".into()));
    assert!(s.done.is_empty());
}

#[test]
fn start_again_needs_confirmation_and_then_clears_everything() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ToggleDone("idc/idc_l2".into()));
    let s = act(s, Action::AskRestart);
    assert!(s.confirming_restart);
    let s = act(s, Action::CancelRestart);
    assert!(!s.confirming_restart && !s.answers.is_empty(), "cancel keeps the answers");
    let s = act(act(s, Action::AskRestart), Action::ConfirmRestart);
    assert!(s.answers.is_empty() && s.done.is_empty());
    assert_eq!(s.screen, Screen::Start);
}

#[test]
fn saved_progress_round_trips_and_reopens_the_results_page() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::ToggleDone("icc/icc_mhfa".into()));
    let text = Saved::of(&s, &def()).encode();
    let store = Store::open("round-trip-test", DEFAULT_ID);
    store.write(&text).unwrap();
    let restored = initial_state(def(), &store, None);
    assert_eq!(restored.answers, s.answers);
    assert_eq!(restored.done, s.done);
    assert_eq!(restored.screen, Screen::Results);
    assert_eq!(restored.notice, None);
}

#[test]
fn corrupted_saved_data_gives_a_fresh_start_with_a_notice_and_is_kept_aside() {
    let store = Store::open("corrupt-test", DEFAULT_ID);
    store.write("{not json").unwrap();
    let s = initial_state(def(), &store, None);
    assert_eq!(s.screen, Screen::Start);
    assert!(s.answers.is_empty());
    assert_eq!(s.notice, Some(Notice::SavedDataUnreadable));
    assert_eq!(store.read(), None, "the unreadable record no longer blocks saving");
    assert_eq!(Store::open("corrupt-test", "ic-pathfinder-default:unreadable").read().as_deref(), Some("{not json"));
}

#[test]
fn saved_data_of_an_unknown_format_version_is_refused() {
    let text = r#"{"format":99,"definition":"ic-pathfinder-default","definition_version":1,"answers":{}}"#;
    assert!(matches!(Saved::decode(text), Err(StorageError::Corrupt(_))));
}

#[test]
fn a_saved_record_with_a_field_this_version_does_not_know_is_still_read() {
    let text = r#"{"format":1,"definition":"d","definition_version":1,"answers":{"a":true},"added_later":[1]}"#;
    let saved = Saved::decode(text).unwrap();
    assert_eq!(saved.answers["a"], Answer::Bool(true));
}

#[test]
fn saved_answers_of_another_content_version_are_carried_over_and_those_that_no_longer_fit_asked_again() {
    let definition = def();
    let old = format!(
        r#"{{"format":1,"definition":"{}","definition_version":{},"answers":{{"industry_experience":"few_plus","recent_graduate":"gone","retired":true}},"done":["icc/icc_mhfa"],"at_results":true}}"#,
        definition.id,
        definition.version + 1
    );
    let store = Store::open("migration-test", DEFAULT_ID);
    store.write(&old).unwrap();
    let s = initial_state(definition.clone(), &store, None);
    assert_eq!(s.answers.len(), 3, "nothing is deleted: {:?}", s.answers);
    assert_eq!(s.flow(&def()).effective_answers().len(), 1, "only the answer that still fits counts");
    assert!(s.done.contains("icc/icc_mhfa"));
    assert_eq!(s.notice, Some(Notice::ContentChanged { no_longer_fit: 2 }));
    assert_eq!(s.screen, Screen::Start, "results of changed questions are not shown straight away");
    assert_eq!(Saved::of(&s, &def()).definition_version, definition.version, "saved from now on as this version");
    let s = act(Rc::new(s), Action::Begin);
    assert_eq!(on_question(&s), "recent_graduate", "the question whose answer no longer fits is asked again");
}

#[test]
fn saved_answers_that_all_still_fit_changed_content_are_kept_with_a_notice_to_check_them() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let mut saved = Saved::of(&s, &def());
    saved.definition_version += 1;
    let store = Store::open("migration-all-test", DEFAULT_ID);
    store.write(&saved.encode()).unwrap();
    let restored = initial_state(def(), &store, None);
    assert_eq!(restored.answers, s.answers);
    assert_eq!(restored.notice, Some(Notice::ContentChanged { no_longer_fit: 0 }));
    assert_eq!(restored.screen, Screen::Start);
}

#[test]
fn saved_data_without_a_format_version_is_refused() {
    let text = r#"{"definition":"ic-pathfinder-default","definition_version":1,"answers":{}}"#;
    assert!(matches!(Saved::decode(text), Err(StorageError::Corrupt(_))));
    assert!(matches!(Saved::decode("[1, 2]"), Err(StorageError::Corrupt(_))));
}

#[test]
fn two_definitions_sharing_a_storage_key_each_get_their_own_progress_back() {
    let a = def();
    let mut other = (*a).clone();
    other.id = "someone-else".into();
    let b = Rc::new(other);
    let (store_a, store_b) = (Store::open("shared-key-test", &a.id), Store::open("shared-key-test", &b.id));
    let on_a = act(
        act(Rc::new(initial_state(a.clone(), &store_a, None)), Action::Begin),
        Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into())),
    );
    store_a.save(&Saved::of(&on_a, &def())).unwrap();
    let on_b = initial_state(b.clone(), &store_b, None);
    assert!(on_b.answers.is_empty());
    assert_eq!(on_b.notice, None);
    let on_b = act(act(Rc::new(on_b), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("none".into())));
    store_b.save(&Saved::of(&on_b, &b)).unwrap();
    // Each definition writes its own record: B's saves never touch A's.
    assert_eq!(initial_state(a.clone(), &store_a, None).answers, on_a.answers);
    assert_eq!(initial_state(b.clone(), &store_b, None).answers, on_b.answers);
}

#[test]
fn progress_an_earlier_version_kept_in_the_storage_key_s_single_slot_moves_to_each_definition_s_own() {
    let a = def();
    let mut other = (*a).clone();
    other.id = "someone-else".into();
    let mine = act(act(fresh(), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into())));
    let mut theirs = Saved::of(&mine, &def());
    theirs.definition = other.id.clone();
    // The old layout: one slot per storage key, and another definition's record set aside.
    let old_slot = Store::open("legacy-test", "x").sibling_raw("icp:legacy-test");
    old_slot.write(&Saved::of(&mine, &def()).encode()).unwrap();
    Store::open("legacy-test", "x").sibling_raw(&format!("icp:legacy-test:previous:{}", other.id)).write(&theirs.encode()).unwrap();
    let store = Store::open("legacy-test", &a.id);
    let restored = initial_state(a.clone(), &store, None);
    assert_eq!(restored.answers, mine.answers);
    assert_eq!(store.read(), Some(Saved::of(&mine, &def()).encode()), "moved to the definition's own key");
    assert_eq!(old_slot.read(), None, "the old slot is emptied once the copy is written");
    let other_store = Store::open("legacy-test", &other.id);
    assert_eq!(initial_state(Rc::new(other), &other_store, None).answers, mine.answers);
}

#[test]
fn when_storage_is_full_saved_progress_is_still_read_and_the_notice_says_new_answers_are_not_kept() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    Store::open("full-test", DEFAULT_ID).save(&Saved::of(&s, &def())).unwrap();
    Store::simulate_full_storage(true);
    let store = Store::open("full-test", DEFAULT_ID);
    let restored = initial_state(def(), &store, None);
    Store::simulate_full_storage(false);
    assert_eq!(restored.answers, s.answers);
    assert_eq!(restored.screen, Screen::Results);
    assert_eq!(restored.notice, Some(Notice::StorageFull));
}

#[test]
fn an_unreadable_record_that_cannot_be_copied_aside_stays_in_place_and_nothing_is_saved_over_it() {
    let store = Store::open("full-unreadable-test", DEFAULT_ID);
    store.write("{not json").unwrap();
    Store::simulate_full_storage(true);
    let s = initial_state(def(), &store, None);
    Store::simulate_full_storage(false);
    assert_eq!(store.read().as_deref(), Some("{not json"), "not deleted while its copy could not be written");
    assert_eq!(s.notice, Some(Notice::SavedDataUnreadableNotMoved));
    assert!(!s.may_save());
}

#[test]
fn a_share_link_is_shown_over_the_candidates_own_progress_which_it_never_replaces() {
    use ic_pathfinder::ui::share;
    let mine = act(act(fresh(), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into())));
    let store = Store::open("share-view-test", DEFAULT_ID);
    let text = Saved::of(&mine, &def()).encode();
    store.write(&text).unwrap();
    let shared = answer_all(act(fresh(), Action::Begin));
    let fragment = format!("#icp={}", share::encode(&def(), &shared.answers, &shared.done));
    let opened = Rc::new(initial_state(def(), &store, Some(&fragment)));
    assert_eq!(opened.shared.as_ref().map(|s| &s.answers), Some(&shared.flow(&def()).effective_answers()));
    assert_eq!(opened.answers, mine.answers, "the candidate's own answers are as they were");
    assert!(opened.may_save());
    assert_eq!(store.read(), Some(text), "nothing written by opening the link");
    let back = act(opened, Action::LeaveShared);
    assert_eq!(back.shared, None);
    assert_eq!(back.answers, mine.answers);
}

#[test]
fn keeping_shared_answers_keeps_the_candidates_own_aside_and_a_second_link_never_overwrites_them() {
    use ic_pathfinder::ui::share;
    let store = Store::open("share-keep-test", DEFAULT_ID);
    let mine = act(act(fresh(), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into())));
    store.save(&Saved::of(&mine, &def())).unwrap();
    let first = answer_all(act(fresh(), Action::Begin));
    let fragment = format!("#icp={}", share::encode(&def(), &first.answers, &first.done));
    // What the widget does on "Keep these as my answers": keep the own record, then take the link's.
    let opened = Rc::new(initial_state(def(), &store, Some(&fragment)));
    store.keep(&Saved::of(&opened, &def())).unwrap();
    let kept = act(opened, Action::KeepShared { kept: store.kept().len() });
    assert_eq!(kept.answers, first.flow(&def()).effective_answers());
    assert_eq!(kept.notice, Some(Notice::EarlierAnswersKept));
    assert_eq!(kept.kept, 1);
    store.save(&Saved::of(&kept, &def())).unwrap();
    // A second link, kept as well: the first kept record is still there.
    let second = act(act(fresh(), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("none".into())));
    let fragment = format!("#icp={}", share::encode(&def(), &second.answers, &second.done));
    let opened = Rc::new(initial_state(def(), &store, Some(&fragment)));
    assert_eq!(opened.kept, 1, "the start page offers the earlier answers back");
    store.keep(&Saved::of(&opened, &def())).unwrap();
    let again = act(opened, Action::KeepShared { kept: store.kept().len() });
    assert_eq!(again.kept, 2);
    let records: Vec<_> = store.kept().into_iter().map(|s| s.answers).collect();
    assert_eq!(records, vec![mine.answers.clone(), kept.answers.clone()]);
    // Restoring takes the newest kept record back, keeping the current one.
    let newest = store.take_kept().unwrap();
    store.keep(&Saved::of(&again, &def())).unwrap();
    let restored = act(again.clone(), Action::RestoreKept { saved: newest, kept: store.kept().len() });
    assert_eq!(restored.answers, kept.answers);
    assert_eq!(store.kept().len(), 2, "the answers restored from are kept in turn");
}

#[test]
fn a_damaged_share_link_leaves_the_candidates_own_progress_in_place() {
    let mine = act(act(fresh(), Action::Begin), Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into())));
    let store = Store::open("bad-link-own-progress-test", DEFAULT_ID);
    store.write(&Saved::of(&mine, &def()).encode()).unwrap();
    let opened = initial_state(def(), &store, Some("#icp=v1.IlzigJk"));
    assert_eq!(opened.notice, Some(Notice::ShareLinkUnusable));
    assert_eq!(opened.answers, mine.answers);
}

#[test]
fn questions_opened_by_a_what_if_are_answered_and_then_the_results_come_back() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::WhatIf("sag_program".into(), Answer::Choice("no".into())));
    assert!(!s.flow(&def()).is_complete(), "the what-if opened the foundational-training question");
    let s = act(s, Action::Begin);
    assert_eq!(on_question(&s), "foundational_training");
    let s = act(s, Action::Answer("foundational_training".into(), Answer::Bool(false)));
    assert_eq!(s.screen, Screen::Results);
}

#[test]
fn a_share_link_shows_the_same_answers_and_their_results() {
    use ic_pathfinder::ui::share;
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let fragment = format!("#icp={}", share::encode(&def(), &s.answers, &s.done));
    let opened = initial_state(def(), &Store::open("share-test", DEFAULT_ID), Some(&fragment));
    assert_eq!(opened.shared.as_ref().map(|s| &s.answers), Some(&s.flow(&def()).effective_answers()));
    assert_eq!(opened.notice, None);
    let kept = act(Rc::new(opened), Action::KeepShared { kept: 0 });
    assert_eq!(kept.screen, Screen::Results, "a complete set of answers opens the results");
    assert_eq!(kept.notice, None, "nothing of the candidate's was kept aside, so nothing to say");
}

#[test]
fn a_tampered_share_link_gives_a_fresh_start_with_a_notice() {
    use ic_pathfinder::ui::share;
    let s = answer_all(act(fresh(), Action::Begin));
    let good = share::encode(&def(), &s.answers, &s.done);
    let truncated = format!("#icp={}", &good[..good.len() - 5]);
    // Same payload, but an answer that does not fit its question.
    let json = r#"["ic-pathfinder-default",{"idc_level2_count":999},[]]"#;
    let crafted = format!("#icp={}", share::encode_raw_for_tests(json));
    // Found by fuzzing: `"\’`, a backslash before a multi-byte character, once panicked the reader.
    for fragment in [truncated.as_str(), crafted.as_str(), "#icp=v9.abc", "#icp=v1.%%%", "#icp=v1.IlzigJk"] {
        let opened = initial_state(def(), &Store::open("tamper-test", DEFAULT_ID), Some(fragment));
        assert!(opened.answers.is_empty(), "{fragment}");
        assert_eq!(opened.screen, Screen::Start);
        assert_eq!(opened.notice, Some(Notice::ShareLinkUnusable), "{fragment}");
    }
}

#[test]
fn switching_language_keeps_the_answers_and_the_page_since_the_definition_is_not_state() {
    let all: Vec<Rc<Definition>> = ic_pathfinder::pathway::default_definitions().unwrap().into_iter().map(Rc::new).collect();
    let (en, fr) = (all[0].clone(), all[1].clone());
    assert_eq!(fr.lang, "fr-CA");
    let s = fresh().reduce((en.clone(), Action::Begin));
    let s = s.reduce((en, Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into()))));
    let screen = s.screen.clone();
    // The next action comes with the French definition: same ids, so the
    // same page and answers, and the flow goes on.
    let back = s.reduce((fr.clone(), Action::Back));
    assert_eq!(back.screen, Screen::Question("industry_experience".into()));
    assert_eq!(back.answers.get("industry_experience"), Some(&Answer::Choice("few_plus".into())));
    let again = back.reduce((fr, Action::Answer("industry_experience".into(), Answer::Choice("few_plus".into()))));
    assert_eq!(again.screen, screen);
}

#[test]
fn the_language_is_the_requested_one_else_the_page_s_else_the_browser_s() {
    use ic_pathfinder::ui::hooks::use_translation::pick_language;
    let available = ["en", "fr-CA"];
    assert_eq!(pick_language(&available, &["fr-CA".into()]), 1);
    assert_eq!(pick_language(&available, &["fr".into(), "en".into()]), 1, "primary language matches");
    assert_eq!(pick_language(&available, &["de".into(), "fr-FR".into()]), 1, "first supported wins");
    assert_eq!(pick_language(&available, &["en-GB".into(), "fr".into()]), 0);
    assert_eq!(pick_language(&available, &["de".into()]), 0, "English when nothing matches");
    assert_eq!(pick_language(&available, &[]), 0);
}

#[test]
fn a_failed_save_says_once_that_progress_will_not_be_kept() {
    let s = act(fresh(), Action::SaveFailed);
    assert_eq!(s.notice, Some(Notice::StorageUnavailable));
    let again = act(s.clone(), Action::SaveFailed);
    assert!(Rc::ptr_eq(&s, &again), "no new state, so no re-render loop");
}

#[test]
fn opening_only_reads_storage_and_its_tidying_sets_an_unreadable_record_aside_afterwards() {
    let store = Store::open("pure-open-test", DEFAULT_ID);
    store.write("{not a record").unwrap();
    let (state, tidy) = ic_pathfinder::ui::restore::initial_state(&def(), &store, None);
    assert_eq!(store.read().as_deref(), Some("{not a record"), "nothing is moved while the state is made");
    assert!(state.saving_blocked, "nothing may be saved over it until it is set aside");
    assert_eq!(state.notice, Some(Notice::SavedDataUnreadable));
    let actions = tidy.run(&store);
    assert_eq!(store.read(), None, "set aside, then removed");
    assert_eq!(store.sibling_raw(&format!("{}:unreadable", store.record_key())).read().as_deref(), Some("{not a record"));
    let s = actions.into_iter().fold(Rc::new(state), act);
    assert!(s.may_save(), "saving goes on once it is safe");
}

#[test]
fn ticks_travel_in_a_share_link_and_come_along_when_the_shared_answers_are_kept() {
    use ic_pathfinder::ui::share;
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::ToggleDone("idc/idc_external".into()));
    let fragment = format!("#icp={}", share::encode(&def(), &s.answers, &s.done));
    let opened = initial_state(def(), &Store::open("share-ticks-test", DEFAULT_ID), Some(&fragment));
    assert_eq!(opened.shared.as_ref().map(|s| s.ticks.clone()), Some(s.done.clone()));
    let kept = act(Rc::new(opened), Action::KeepShared { kept: 0 });
    assert_eq!(kept.done, s.done, "the ticks are kept with the answers");
}

#[test]
fn unticking_a_shared_step_unticks_it_in_every_pathway_it_counts_for() {
    let s = act(fresh(), Action::ToggleDone("idc/idc_l3".into()));
    assert!(s.done.contains("idc/idc_l3"));
    // ICC's Level 3 is the same step: its box shows ticked, and unticking it there clears the tick.
    let s = act(s, Action::ToggleDone("icc/icc_level3".into()));
    assert!(s.done.is_empty(), "{:?}", s.done);
    // A step of its own toggles alone.
    let s = act(act(s, Action::ToggleDone("icc/icc_mhfa".into())), Action::ToggleDone("idc/idc_l1".into()));
    assert_eq!(s.done.len(), 2);
}

#[test]
fn back_or_forward_in_the_browser_shows_the_page_of_that_entry_and_moves_focus() {
    let s = answer_all(act(fresh(), Action::Begin));
    let s = act(s, Action::ShowResults);
    let s = act(s, Action::AskRestart);
    let before = s.navigation;
    let s = act(s, Action::Visit(Screen::Check));
    assert_eq!(s.screen, Screen::Check);
    assert!(!s.confirming_restart, "a confirmation does not follow the candidate to another page");
    assert!(s.navigation > before, "focus moves to the page's heading");
    let s = act(s, Action::Visit(Screen::Question("region".into())));
    assert_eq!(s.screen, Screen::Question("region".into()));
}

#[test]
fn an_entry_for_a_page_the_answers_no_longer_lead_to_gives_way_to_the_next_question() {
    let s = act(fresh(), Action::Begin);
    let first = on_question(&s).to_owned();
    let s = act(s, Action::Visit(Screen::Results));
    assert_eq!(on_question(&s), first, "no results before the questions are answered");
    let s = act(s, Action::Visit(Screen::Question("actra_member".into())));
    assert_eq!(on_question(&s), first, "a follow-up not opened by the answers is not shown");
    for screen in [Screen::Start, Screen::Question("region".into()), Screen::Check, Screen::Results] {
        assert_eq!(Screen::from_token(&screen.token()), Some(screen.clone()), "{screen:?} survives its history entry");
    }
    assert_eq!(Screen::from_token("elsewhere"), None);
}

#[test]
fn forgetting_removes_every_record_under_the_storage_key_and_starts_afresh_with_a_notice() {
    let store = Store::open("forget-test", DEFAULT_ID);
    let s = answer_all(act(fresh(), Action::Begin));
    store.save(&Saved::of(&s, &def())).unwrap();
    store.keep(&Saved::of(&s, &def())).unwrap();
    store.set_aside("{not json").unwrap();
    store.sibling_raw("icp:forget-test").write("{}").unwrap();
    store.sibling_raw("icp:forget-test:previous:other").write("{}").unwrap();
    store.sibling("other-definition").write("{}").unwrap();
    let elsewhere = Store::open("forget-test-other-key", DEFAULT_ID);
    elsewhere.write("{}").unwrap();

    let s = act(s, Action::AskRestart);
    let s = act(s, Action::AskForget);
    assert!(s.confirming_forget && !s.confirming_restart, "one confirmation at a time");
    let done = store.forget();
    assert_eq!(done, Forgetting::Removed);
    let s = act(s, Action::Forgotten(done));
    assert_eq!((s.screen.clone(), s.answers.len(), s.kept), (Screen::Start, 0, 0));
    assert_eq!(s.notice, Some(Notice::Forgotten(Forgetting::Removed)));
    assert_eq!(store.read(), None);
    assert!(store.kept().is_empty());
    assert_eq!(store.legacy("other"), Vec::new(), "what earlier versions kept is gone too");
    assert_eq!(store.sibling("other-definition").read(), None, "every definition under the key");
    assert_eq!(elsewhere.read().as_deref(), Some("{}"), "another storage key is another organization's");
}

#[test]
fn forgetting_matches_the_storage_keys_own_records_exactly_and_leaves_those_of_keys_that_only_begin_like_it() {
    let store = Store::open("org", "x");
    let ours = [
        "icp:org",
        "icp:org@x",
        "icp:org@x:kept",
        "icp:org@x:unreadable",
        "icp:org@x:kept:unreadable",
        "icp:org@other",
        "icp:org:unreadable",
        "icp:org:previous:x",
    ];
    // Keys an earlier version let through (`org:branch-b`, `org@x`), and keys that merely begin with "org".
    let theirs = [
        "icp:org:branch-b@x",
        "icp:org:branch-b",
        "icp:org@x@y",
        "icp:org@x@y:kept",
        "icp:org-b@x",
        "icp:organization@x",
        "icp:org.b",
        "icp:org@",
        "icp:org:previous:",
    ];
    for key in ours.iter().chain(&theirs) {
        store.sibling_raw(key).write("{}").unwrap();
    }
    assert_eq!(store.forget(), Forgetting::Removed);
    let left: Vec<_> = ours.iter().chain(&theirs).filter(|k| store.sibling_raw(k).read().is_some()).copied().collect();
    assert_eq!(left, theirs, "only this key's records are gone");
}

#[test]
fn a_storage_key_may_hold_only_ascii_letters_and_digits_dash_underscore_and_dot_and_any_other_is_refused_by_name() {
    use ic_pathfinder::ui::storage::check_key;
    for key in ["default", "org-a", "org_b", "v1.2", "ORG9"] {
        assert_eq!(check_key(key), Ok(()), "{key}");
    }
    let refused = check_key("org@x:y@").unwrap_err();
    assert!(refused.starts_with(r#"the storage-key "org@x:y@" cannot be used: a storage key may hold only the letters"#), "{refused}");
    assert!(refused.ends_with("not '@', ':'"), "each character refused, once: {refused}");
    for key in ["", "my org", "école", "a/b", "org#1"] {
        assert!(check_key(key).is_err(), "{key:?} is refused");
    }
}

#[test]
fn forgetting_removes_the_keys_records_from_both_storage_areas_whatever_the_mode_and_says_what_it_did() {
    for mode in [StorageMode::Local, StorageMode::Session, StorageMode::None] {
        let key = format!("areas-{}", mode.name());
        let (local, session) = (Store::open_in(&key, DEFAULT_ID, StorageMode::Local), Store::open_in(&key, DEFAULT_ID, StorageMode::Session));
        let s = answer_all(act(fresh(), Action::Begin));
        // Left by visits when the organization chose another mode.
        local.save(&Saved::of(&s, &def())).unwrap();
        local.keep(&Saved::of(&s, &def())).unwrap();
        session.save(&Saved::of(&s, &def())).unwrap();
        let store = Store::open_in(&key, DEFAULT_ID, mode);
        store.save(&Saved::of(&s, &def())).unwrap();
        assert_eq!(store.forget(), Forgetting::Removed, "{mode:?}");
        assert_eq!((local.read(), local.kept().len(), session.read(), store.read()), (None, 0, None, None), "nothing left under the key ({mode:?})");
        assert_eq!(store.forget(), Forgetting::NothingSaved, "a second Forget found nothing, and says so ({mode:?})");
    }
    // storage="none", nothing ever saved: the answers were on the page only.
    let page_only = Store::open_in("areas-page-only", DEFAULT_ID, StorageMode::None);
    page_only.save(&Saved::of(&answer_all(act(fresh(), Action::Begin)), &def())).unwrap();
    assert_eq!(page_only.forget(), Forgetting::NothingSaved);
    assert_eq!(page_only.read(), None);
}

#[test]
fn forget_used_in_another_tab_starts_this_one_afresh_so_that_it_never_saves_the_forgotten_answers_back() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::ToggleDone("idc/idc_external".into()));
    // The other tab's removal arrives first, as a change of the record to nothing.
    let s = act(s, Action::ChangedElsewhere(Saved::of(&State::new(), &def())));
    let before = s.navigation;
    let s = act(s, Action::ForgottenElsewhere);
    assert_eq!((s.answers.len(), s.done.len(), s.kept, s.elsewhere.is_none()), (0, 0, 0, true));
    assert_eq!(s.notice, Some(Notice::ForgottenElsewhere));
    assert_eq!(s.screen, Screen::Start);
    assert_eq!(s.navigation, before, "no focus taken: the candidate is in the other tab");
    assert!(s.may_save(), "what is answered from now on is saved");
    assert_eq!(Saved::of(&s, &def()).answers.len(), 0, "the next save writes nothing of the forgotten answers");
    let untouched = fresh();
    assert!(Rc::ptr_eq(&untouched, &act(untouched.clone(), Action::ForgottenElsewhere)), "a tab holding nothing has nothing to say");
}

#[test]
fn a_kept_list_that_cannot_be_read_is_set_aside_as_it_is_and_keep_goes_on() {
    let store = Store::open("corrupt-kept-test", DEFAULT_ID);
    let kept_key = format!("{}:kept", store.record_key());
    let aside = store.sibling_raw(&format!("{kept_key}:unreadable"));
    let s = answer_all(act(fresh(), Action::Begin));
    let mine = Saved::of(&s, &def());
    store.sibling_raw(&kept_key).write("{not json").unwrap();
    assert_eq!(store.keep(&mine), Ok(()), "Keep is not stopped by the list it cannot read");
    assert_eq!(store.kept(), vec![mine.clone()]);
    assert_eq!(aside.read().as_deref(), Some(r#"["{not json"]"#));
    // Another one later: the first set aside is not written over.
    store.sibling_raw(&kept_key).write("[1,").unwrap();
    assert_eq!(store.keep(&mine), Ok(()));
    assert_eq!(aside.read().as_deref(), Some(r#"["{not json","[1,"]"#));
    assert_eq!(store.kept(), vec![mine]);
    assert_eq!(store.forget(), Forgetting::Removed);
    assert_eq!(aside.read(), None, "Forget removes what was set aside too");
}

#[test]
fn each_confirmed_restart_is_counted_so_the_host_page_hears_each_one() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::AskRestart);
    let s = act(s, Action::ConfirmRestart);
    assert_eq!(s.restarts, 1);
    let s = act(act(act(s, Action::Begin), Action::AskRestart), Action::ConfirmRestart);
    assert_eq!(s.restarts, 2);
    let s = act(act(s, Action::AskRestart), Action::CancelRestart);
    assert_eq!(s.restarts, 2, "a cancelled restart is no restart");
}

#[test]
fn an_events_detail_carries_the_question_its_position_as_a_number_and_the_language_and_nothing_else() {
    use ic_pathfinder::ui::hooks::WidgetEvent;
    let step = WidgetEvent::Step { question: "region".into(), position: 8, lang: "fr-CA".into() };
    assert_eq!(step.detail().to_string(), r#"{"language":"fr-CA","position":8,"question":"region"}"#);
    assert_eq!(WidgetEvent::Restart.detail().to_string(), "{}");
}

#[test]
fn an_organizations_translation_is_used_only_if_it_says_what_the_definition_says() {
    use ic_pathfinder::ui::fetch::{checked_translation, FetchError};
    use ic_pathfinder::ui::loaded::{Loaded, Translation};
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/definitions/");
    let en = std::fs::read_to_string(format!("{root}course.en.json")).unwrap();
    let fr = std::fs::read_to_string(format!("{root}course.fr-CA.json")).unwrap();

    let loaded = Loaded::from(ic_pathfinder::ui::decode::definition(&en));
    let listed = loaded.listed_translations(Some("https://example.org/pathways/course.en.json"), en.as_str().into());
    assert!(matches!(&listed[..], [Translation::Remote { lang, checked_against: Some(_), .. }] if lang == "fr-CA"), "{listed:?}");

    let french = checked_translation(&fr, &en, "fr-CA").expect("the example's French says the same thing");
    assert_eq!(french.lang, "fr-CA");
    match checked_translation(&fr, &en, "fr") {
        Err(FetchError::NotATranslation(problems)) => assert_eq!(problems[0].to_string(), r#"lang: listed as the fr version, but its lang is "fr-CA""#),
        other => panic!("a file in another language than listed must be refused, got {other:?}"),
    }
    match checked_translation(&fr.replacen(r#""value": 100"#, r#""value": 10"#, 1), &en, "fr-CA") {
        Err(FetchError::NotATranslation(problems)) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].path, "pathways[0].requirements[1].met_when.compare.value");
        }
        other => panic!("a changed rule must be refused, got {other:?}"),
    }
    assert!(matches!(checked_translation(&fr.replace(r#""type": "yes_no""#, r#""type": "maybe""#), &en, "fr-CA"), Err(FetchError::Invalid(_))));
}

#[test]
fn another_tab_that_only_moved_between_pages_with_the_same_answers_and_ticks_asks_nothing() {
    let s = act(answer_all(act(fresh(), Action::Begin)), Action::ShowResults);
    let s = act(s, Action::ToggleDone("idc/idc_external".into()));
    // The other tab opened "Check or change your answers": its record differs only in the page.
    let mut theirs = Saved::of(&s, &def());
    theirs.at_results = false;
    let after = act(s.clone(), Action::ChangedElsewhere(theirs.clone()));
    assert!(Rc::ptr_eq(&s, &after), "no prompt: nothing to choose between");
    // Other answers or other ticks still ask.
    theirs.done.clear();
    let asked = act(s.clone(), Action::ChangedElsewhere(theirs));
    assert_eq!(asked.notice, Some(Notice::ChangedElsewhere));
}

#[test]
fn history_entries_name_a_question_by_its_position_never_its_id_and_read_back_to_the_same_question() {
    use ic_pathfinder::ui::state::Screen;
    let s = answer_all(act(fresh(), Action::Begin));
    let d = def();
    let flow = s.flow(&d);
    let mut seen = 0;
    for (q, _) in flow.asked() {
        let screen = Screen::Question(q.id.clone());
        let token = screen.history_token(&flow);
        assert!(!token.contains(&q.id), "{token} names {}", q.id);
        assert_eq!(Screen::from_history_token(&token, &flow), Some(screen), "{token}");
        seen += 1;
    }
    assert!(seen > 10, "{seen} questions");
    for screen in [Screen::Start, Screen::Check, Screen::Results] {
        assert_eq!(Screen::from_history_token(&screen.history_token(&flow), &flow), Some(screen));
    }
    // Entries written by earlier versions still open their page.
    assert_eq!(Screen::from_history_token("q:region", &flow), Some(Screen::Question("region".into())));
    // Reached by Back, an entry is read against the answers as they are then.
    let at_first = act(s.clone(), Action::VisitEntry("q1".into()));
    assert_eq!(at_first.screen, Screen::Question(d.questions[0].id.clone()));
}

#[test]
fn while_another_tabs_answers_are_in_question_the_page_keeps_asking_whatever_notice_comes_or_goes() {
    let s = answer_all(act(fresh(), Action::Begin));
    let mut theirs = Saved::of(&s, &def());
    theirs.answers.clear();
    let asking = act(s, Action::ChangedElsewhere(theirs));
    assert!(!asking.may_save());
    for action in [Action::DismissNotice, Action::Notify(Notice::ShareLinkUnusable)] {
        let after = act(asking.clone(), action);
        assert_eq!(after.notice, Some(Notice::ChangedElsewhere), "saving is off, and the page says so");
    }
}

#[test]
fn keeping_shared_answers_or_restoring_kept_ones_settles_the_other_tab_question_for_these_answers() {
    let s = answer_all(act(fresh(), Action::Begin));
    let own = Saved::of(&s, &def());
    let mut theirs = own.clone();
    theirs.answers.clear();
    let asking = act(s.clone(), Action::ChangedElsewhere(theirs));
    let restored = act(asking.clone(), Action::RestoreKept { saved: own.clone(), kept: 2 });
    assert!(restored.elsewhere.is_none() && restored.may_save(), "the restored answers are saved from now on");
    assert_ne!(restored.notice, Some(Notice::ChangedElsewhere));
    let shared = ic_pathfinder::ui::share::Shared { answers: own.answers.clone(), ticks: Default::default() };
    let viewing = act(asking, Action::OpenShared(shared));
    let kept = act(viewing, Action::KeepShared { kept: 2 });
    assert!(kept.elsewhere.is_none() && kept.may_save(), "\"These are now your answers\" holds: they are saved");
}

#[test]
fn a_kept_record_leaves_the_list_by_its_place_and_only_when_asked() {
    let store = Store::open("remove-kept-test", DEFAULT_ID);
    let s = answer_all(act(fresh(), Action::Begin));
    let (a, mut b) = (Saved::of(&s, &def()), Saved::of(&s, &def()));
    b.answers.clear();
    store.keep(&a).unwrap();
    store.keep(&b).unwrap();
    store.remove_kept(0).unwrap();
    assert_eq!(store.kept(), vec![b]);
    store.remove_kept(5).unwrap();
    assert_eq!(store.kept().len(), 1, "a place past the end removes nothing");
    store.remove_kept(0).unwrap();
    assert!(store.kept().is_empty());
}
