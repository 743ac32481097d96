//! Interface strings. Content strings (questions, requirements) live in the
//! definition; these are the widget's own words, one struct per language.

/// The widget's own words.
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct Texts {
    /// Start page button.
    pub start: &'static str,
    /// Start page button when progress was saved.
    pub resume: &'static str,
    /// Saved-progress hint on the start page.
    pub resume_hint: &'static str,
    /// Continue button.
    pub continue_: &'static str,
    /// Back link.
    pub back: &'static str,
    /// Why a question is asked: the steps its answer counts for, `{steps}`.
    pub why_counts: &'static str,
    /// Why a question is asked: it opens or closes the route `{route}`.
    pub why_route: &'static str,
    /// Why a question is asked: it decides the questions after it.
    pub why_next: &'static str,
    /// Why a question is asked: it chooses advice.
    pub why_advice: &'static str,
    /// A step's title quoted in a sentence: `{title}`.
    pub quoted: &'static str,
    /// Between the last two items of a list.
    pub list_and: &'static str,
    /// The rest of a list that is not shown: `{n}`.
    pub list_more: &'static str,
    /// Progress by part: `{number}`, `{total}`, `{title}` (the section).
    pub part_of: &'static str,
    /// Progress by question, for definitions without sections: `{step}`, `{most}`.
    pub question_of: &'static str,
    /// Error summary title.
    pub problem: &'static str,
    /// Prefix read before an error message.
    pub error_prefix: &'static str,
    /// Validation: nothing selected.
    pub select_one: &'static str,
    /// Validation: yes/no not selected.
    pub select_yes_no: &'static str,
    /// Validation: nothing ticked.
    pub select_some: &'static str,
    /// Validation: empty number.
    pub enter_number: &'static str,
    /// Validation: not a whole number.
    pub whole_number: &'static str,
    /// Validation: out of range, "{min}" and "{max}" replaced.
    pub number_range: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Or, between checkboxes and the exclusive option.
    pub or: &'static str,
    /// Check answers title.
    pub check_title: &'static str,
    /// Change link.
    pub change: &'static str,
    /// Check answers: continue to results.
    pub see_results: &'static str,
    /// Results title.
    pub results_title: &'static str,
    /// What the results page's title announces: "Your checklist: {met} of {total} routes met".
    pub results_count: &'static str,
    /// Results intro.
    pub results_intro: &'static str,
    /// Results: back to check answers.
    pub review_answers: &'static str,
    /// Start again button.
    pub start_again: &'static str,
    /// Start again confirmation.
    pub confirm_restart: &'static str,
    /// Confirm button.
    pub confirm_restart_yes: &'static str,
    /// Cancel button.
    pub cancel: &'static str,
    /// Pathway status: met.
    pub status_met: &'static str,
    /// Pathway status: in progress.
    pub status_in_progress: &'static str,
    /// Pathway status: not yet.
    pub status_not_yet: &'static str,
    /// Pathway status: not applicable.
    pub status_not_applicable: &'static str,
    /// Pathway status: met if an organization agrees, `{who}` its name.
    pub status_to_confirm: &'static str,
    /// Requirement: for an organization to confirm, `{who}` its name.
    pub req_to_confirm: &'static str,
    /// A pathway the candidate does not need.
    pub optional_for_you: &'static str,
    /// The closed list of steps done, under the plan: `{n}` their number.
    pub plan_done: &'static str,
    /// Over the one-line verdicts on the routes met or to confirm.
    pub standing_title: &'static str,
    /// Before the route a candidate who meets none is closest to.
    pub closest: &'static str,
    /// The link to the organization that decides a step.
    pub where_to_ask: &'static str,
    /// Before a paraphrased source's title: the words are ours.
    pub paraphrased_from: &'static str,
    /// After it: "read on {date}".
    pub read_on: &'static str,
    /// Requirement: met.
    pub req_met: &'static str,
    /// Requirement: unmet.
    pub req_unmet: &'static str,
    /// Requirement: unknown.
    pub req_unknown: &'static str,
    /// Requirement: preferred and unmet.
    pub req_optional: &'static str,
    /// Unknown requirement explanation.
    pub not_answered: &'static str,
    /// "Your next step".
    pub next_step: &'static str,
    /// Checklist heading.
    pub checklist: &'static str,
    /// Steps heading.
    pub steps: &'static str,
    /// "Can start now".
    pub step_now: &'static str,
    /// "After: ".
    pub step_after: &'static str,
    /// Mark step done.
    pub mark_done: &'static str,
    /// Advice heading.
    pub advice: &'static str,
    /// General advice heading.
    pub general_advice: &'static str,
    /// Source label.
    pub source: &'static str,
    /// "Based on your answer to".
    pub based_on: &'static str,
    /// What-if section title.
    pub what_if: &'static str,
    /// What-if hint.
    pub what_if_hint: &'static str,
    /// Before the list of what a What-if change did.
    pub what_if_changes: &'static str,
    /// A What-if change that changed nothing.
    pub what_if_no_change: &'static str,
    /// A route whose status a What-if change changed: `{route}`, `{was}`, `{now}`.
    pub what_if_status: &'static str,
    /// A route whose next step a What-if change changed: `{route}`, `{step}`.
    pub what_if_next: &'static str,
    /// A step whose verdict a What-if change changed: `{step}`, `{was}`, `{now}`.
    pub what_if_step: &'static str,
    /// A What-if change that changed the advice.
    pub what_if_advice: &'static str,
    /// New questions banner.
    pub new_questions: &'static str,
    /// New questions button.
    pub answer_new_questions: &'static str,
    /// Not answered value in what-if.
    pub choose: &'static str,
    /// Goal label.
    pub goal: &'static str,
    /// The results page's plan heading.
    pub plan_title: &'static str,
    /// Under the plan heading.
    pub plan_intro: &'static str,
    /// The disclosure with the plan's steps after the first few, "{n}" their number.
    pub plan_more: &'static str,
    /// When no step can be taken now.
    pub plan_empty: &'static str,
    /// Before the routes a plan step counts for.
    pub plan_for: &'static str,
    /// "Rules compared with the source texts on {date}." and that they may have changed since.
    pub rules_compared: &'static str,
    /// On a downloaded checklist: "Checklist made on {date}."
    pub made_on_date: &'static str,
    /// The button that opens the device's share sheet with the link.
    pub send_link: &'static str,
    /// Once the share sheet has taken the link.
    pub link_sent: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// The first day of a month in a date (French writes "1er").
    pub day_one: &'static str,
    /// Before a pathway's next step on its card.
    pub next_label: &'static str,
    /// Link to where a step is taken.
    pub where_to: &'static str,
    /// Read after a link that opens a new tab.
    pub new_tab: &'static str,
    /// The heading over the pathway cards.
    pub routes_title: &'static str,
    /// "{done} of {total} done" on a pathway card.
    pub progress_of: &'static str,
    /// Under the progress when an answer has ruled whole parts out.
    pub fewer_parts: &'static str,
    /// The disclosure with a requirement's source sentence.
    pub why: &'static str,
    /// Requirement: under way.
    pub req_in_progress: &'static str,
    /// Requirement: done by the candidate's tick.
    pub req_by_tick: &'static str,
    /// Explanation of a requirement done by a tick.
    pub by_tick_why: &'static str,
    /// Notice: saved data unreadable.
    pub notice_unreadable: &'static str,
    /// Notice: saved answers carried over to changed content, all still fitting.
    pub notice_changed: &'static str,
    /// Notice: saved answers carried over to changed content, some no longer fitting.
    pub notice_changed_dropped: &'static str,
    /// Notice: storage unavailable.
    pub notice_no_storage: &'static str,
    /// Dismiss notice.
    pub dismiss: &'static str,
    /// Error panel title.
    pub error_title: &'static str,
    /// Error panel help.
    pub error_help: &'static str,
    /// Before the organization's contact, on the error panel.
    pub error_contact: &'static str,
    /// The error panel's disclosure of the problems, for the site's editors.
    pub error_details: &'static str,
    /// Above the problems, in that disclosure.
    pub error_editors: &'static str,
    /// Privacy line.
    pub privacy: &'static str,
    /// The privacy line when answers are kept only until the tab closes (`storage="session"`).
    pub privacy_session: &'static str,
    /// The privacy line when answers are kept nowhere (`storage="none"`).
    pub privacy_none: &'static str,
    /// The action, on every page, that removes the candidate's answers from the device.
    pub forget: &'static str,
    /// Its confirmation.
    pub confirm_forget: &'static str,
    /// Its confirming button.
    pub confirm_forget_yes: &'static str,
    /// Once done: records were removed, and none is left in the browser.
    pub notice_forgotten: &'static str,
    /// Once done, when the browser held nothing: the answers were on the page only.
    pub notice_forgotten_nothing_saved: &'static str,
    /// Once done, when the browser kept part of its storage from the widget.
    pub notice_forgotten_incomplete: &'static str,
    /// In another tab or widget, when Forget was used in one: it starts afresh.
    pub notice_forgotten_elsewhere: &'static str,
    /// Sources heading.
    pub sources: &'static str,
    /// All done for a pathway.
    pub all_done: &'static str,
    /// Widget region label.
    pub widget_label: &'static str,
    /// "Keep your results" heading.
    pub keep_title: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Copy checklist button.
    pub copy: &'static str,
    /// Copied confirmation.
    pub copied: &'static str,
    /// Copy failed.
    pub copy_failed: &'static str,
    /// Download button.
    pub download: &'static str,
    /// Downloaded file name.
    pub download_name: &'static str,
    /// Downloaded confirmation.
    pub downloaded: &'static str,
    /// Share link button.
    pub share: &'static str,
    /// Share link warning.
    pub share_warning: &'static str,
    /// Share link field label.
    pub share_label: &'static str,
    /// Copy link button.
    pub copy_link: &'static str,
    /// Link copied confirmation.
    pub link_copied: &'static str,
    /// Heading of results opened from a share link.
    pub shared_title: &'static str,
    /// What those results are, and that the candidate's own are untouched.
    pub shared_intro: &'static str,
    /// Take the shared answers as one's own.
    pub keep_shared: &'static str,
    /// Leave the shared results.
    pub leave_shared: &'static str,
    /// Start page: earlier answers are kept on the device.
    pub kept_hint: &'static str,
    /// Restore the answers kept aside.
    pub restore_kept: &'static str,
    /// Notice: the shared answers are now the candidate's, earlier ones kept.
    pub notice_kept: &'static str,
    /// The kept list's disclosure: `{n}` sets of answers.
    pub kept_list_title: &'static str,
    /// A kept set kept before the widget noted when.
    pub kept_earlier: &'static str,
    /// A kept set: the answers that were on this page.
    pub kept_here: &'static str,
    /// A kept set: another tab's answers.
    pub kept_other_tab: &'static str,
    /// A kept set's size: `{answers}` and `{ticks}`.
    pub kept_counts: &'static str,
    /// Restore one kept set.
    pub restore_these: &'static str,
    /// Notice: storage is full.
    pub notice_storage_full: &'static str,
    /// Notice: unreadable saved progress that could not be moved aside.
    pub notice_unreadable_not_moved: &'static str,
    /// Notice: another tab saved other answers.
    pub notice_elsewhere: &'static str,
    /// Take the other tab's answers.
    pub use_elsewhere: &'static str,
    /// Keep the answers in this tab.
    pub keep_here: &'static str,
    /// Notice: a share link could not be used.
    pub notice_bad_link: &'static str,
    /// Notice: the share link is for another checklist.
    pub notice_link_for_other: &'static str,
    /// The language's own name, on the button that switches to it.
    pub language_name: &'static str,
    /// While another language loads.
    pub loading: &'static str,
    /// When another language could not be loaded.
    pub language_unavailable: &'static str,
    /// The character that groups digits in this language (`2,000`, `2 000`);
    /// numbers typed with it read as whole numbers.
    pub digit_group: char,
}

/// English (default).
pub static EN: Texts = Texts {
    start: "Start now",
    resume: "Continue where you left off",
    resume_hint: "Your answers from last time are saved on this device.",
    continue_: "Continue",
    back: "Back",
    part_of: "Part {number} of {total}: {title}",
    why_counts: "Why we ask: your answer counts for {steps}.",
    why_route: "Why we ask: your answer decides whether {route} is open to you.",
    why_next: "Why we ask: your answer decides which questions come next.",
    why_advice: "Why we ask: your answer chooses the advice you get.",
    quoted: "“{title}”",
    list_and: " and ",
    list_more: "{n} more",
    question_of: "Question {step} of up to {most}",
    problem: "There is a problem",
    error_prefix: "Error:",
    select_one: "Select one option",
    select_yes_no: "Select yes or no",
    select_some: "Select at least one option",
    enter_number: "Enter a number",
    whole_number: "Enter a whole number, like 12",
    number_range: "Enter a number between {min} and {max}",
    yes: "Yes",
    no: "No",
    or: "or",
    check_title: "Check your answers",
    change: "Change",
    see_results: "See your checklist",
    results_title: "Your checklist",
    results_count: "Your checklist: {met} of {total} routes met",
    results_intro: "Your plan first, then each route: what you have done and what is missing. Every verdict cites its source under “Why?”.",
    review_answers: "Check or change your answers",
    start_again: "Start again",
    confirm_restart: "This clears your answers and ticked steps from this device. Start again?",
    confirm_restart_yes: "Yes, clear my answers",
    cancel: "Cancel",
    status_met: "Met",
    status_in_progress: "In progress",
    status_not_yet: "Not started",
    status_not_applicable: "Not open to you",
    status_to_confirm: "Met if {who} agrees",
    req_to_confirm: "For {who} to confirm",
    optional_for_you: "Optional for you",
    plan_done: "Steps you have done ({n})",
    standing_title: "Where you stand",
    closest: "Closest",
    where_to_ask: "Where to ask",
    paraphrased_from: "In our words, from",
    read_on: "read on {date}",
    req_met: "Done",
    req_unmet: "To do",
    req_unknown: "Not answered",
    req_optional: "Optional",
    not_answered: "You have not answered the question this depends on.",
    next_step: "Your next step",
    checklist: "Checklist",
    steps: "Steps to take",
    step_now: "You can start this now",
    step_after: "After:",
    mark_done: "I have done this",
    advice: "Advice",
    general_advice: "Advice for you",
    source: "Source:",
    based_on: "Based on your answer to:",
    what_if: "What if your answers change?",
    what_if_hint: "Change an answer here and the checklist updates at once.",
    what_if_changes: "This changes:",
    what_if_no_change: "Nothing in your checklist changes.",
    what_if_step: "“{step}”: {was} → {now}",
    what_if_advice: "The advice for you changes.",
    what_if_status: "{route}: {was} → {now}",
    what_if_next: "{route}: the next step is now {step}",
    new_questions: "Your change means there are new questions to answer.",
    answer_new_questions: "Answer the new questions",
    choose: "Not answered",
    goal: "Goal:",
    plan_title: "Your plan",
    plan_intro: "What you can do now, across every route, first things first.",
    plan_more: "More steps you can take now ({n})",
    plan_empty: "There is no step to take now: see each route below.",
    plan_for: "Counts for:",
    rules_compared: "Rules compared with the source texts on {date}. The organizations may have changed their requirements since: confirm with them, on their websites.",
    made_on_date: "Checklist made on {date}.",
    send_link: "Send the link with another app",
    link_sent: "The link has been handed to the app you chose.",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    day_one: "1",
    next_label: "Next:",
    where_to: "Where to do this",
    new_tab: " (opens in a new tab)",
    routes_title: "Your routes",
    progress_of: "{done} of {total} done",
    fewer_parts: "Fewer parts than before: your answers skip the ones that do not apply to you.",
    why: "Why?",
    req_in_progress: "In progress",
    req_by_tick: "Done, by your tick",
    by_tick_why: "You ticked this as done. Your answers do not show it; change them if they should.",
    notice_unreadable: "We could not read the progress saved on this device, so you are starting afresh. The old data has been kept aside.",
    notice_changed: "The questions have changed since you saved your progress. Your answers are kept: check them, as some questions may mean something different now.",
    notice_changed_dropped: "The questions have changed since you saved your progress. Some of your answers no longer fit, so those questions will be asked again; the rest are kept.",
    notice_no_storage: "This browser does not let us save your progress, so it will be lost when you leave or reload the page. Everything else works.",
    dismiss: "Dismiss",
    error_title: "This checker is not available right now",
    error_help: "Nothing you did caused this. Please try again later.",
    error_contact: "If it is still not available, you can contact",
    error_details: "Details for the site's editors",
    error_editors: "The pathway definition given to this widget cannot be used. Fix these problems (the icp-check command lists them too) and reload the page:",
    privacy: "Your answers stay on this device. Nothing is sent anywhere.",
    privacy_session: "Your answers stay in this tab of this browser until you close it. Nothing is sent anywhere.",
    privacy_none: "Your answers are not saved, not even on this device: closing or reloading the page clears them. Nothing is sent anywhere.",
    forget: "Forget my answers on this device",
    confirm_forget: "This removes your answers, your ticks and any earlier answers kept on this device for this checker. Remove them?",
    confirm_forget_yes: "Yes, remove them",
    notice_forgotten: "Your answers, your ticks and any earlier answers kept for this checker have been removed from this browser.",
    notice_forgotten_nothing_saved: "Your answers have been cleared from this page. None of them had been saved in this browser.",
    notice_forgotten_incomplete: "Your answers have been removed from all the storage this browser let us reach, but it kept part of its storage from us. To be sure nothing is left, clear this site's data in your browser's settings.",
    notice_forgotten_elsewhere: "Your answers were removed from this browser in another tab or window. This checker starts afresh.",
    sources: "Sources",
    all_done: "You have completed every step of this pathway.",
    widget_label: "Intimacy coordinator pathway checker",
    keep_title: "Keep your results",
    print: "Print",
    copy: "Copy checklist",
    copied: "The checklist has been copied as text.",
    copy_failed: "Copying did not work in this browser. Use Download instead.",
    download: "Download as a web page",
    download_name: "ic-pathway-checklist.html",
    downloaded: "The checklist has been downloaded.",
    share: "Create a share link",
    share_warning: "This link contains your answers. Anyone you give it to can see them. It is not sent to any server: the answers are in the part of the link after #.",
    share_label: "Share link",
    copy_link: "Copy link",
    link_copied: "The link has been copied.",
    shared_title: "Results shared with you",
    shared_intro: "These results come from the answers in the link you opened. Your own answers on this device have not changed.",
    keep_shared: "Keep these as my answers",
    leave_shared: "Back to my own answers",
    kept_hint: "Your earlier answers are kept on this device.",
    restore_kept: "Restore my earlier answers",
    notice_kept: "These are now your answers. Your earlier answers are kept on this device: you can restore them from the start page or from your checklist.",
    kept_list_title: "Answers kept on this device ({n})",
    kept_earlier: "Earlier",
    kept_here: "Your answers on this page",
    kept_other_tab: "Answers from another tab",
    kept_counts: "questions answered: {answers}, steps ticked: {ticks}",
    restore_these: "Restore",
    notice_storage_full: "Your saved answers are shown, but this browser's storage is full: new answers will not be kept after you close the page.",
    notice_unreadable_not_moved: "Your saved progress could not be read, and there is no room to keep a copy of it. It is left as it is, and new answers will not be saved over it.",
    notice_elsewhere: "Your answers changed in another tab. Which answers do you want to keep?",
    use_elsewhere: "Use the answers from the other tab",
    keep_here: "Keep the answers in this tab",
    notice_bad_link: "The share link could not be used: it may have been cut short or changed.",
    notice_link_for_other: "The link you opened holds answers for another checklist than this one: they were not opened here, and your own answers have not changed.",
    language_name: "English",
    loading: "Loading…",
    language_unavailable: "The other language could not be loaded.",
    digit_group: ',',
};

impl Texts {
    /// The label of a pathway status; "Met if {who} agrees" names no one:
    /// see [`Texts::pathway_status`].
    pub fn status(&self, status: crate::pathway::PathwayStatus) -> &'static str {
        use crate::pathway::PathwayStatus::*;
        match status {
            Met => self.status_met,
            ToConfirm => self.status_to_confirm,
            InProgress => self.status_in_progress,
            NotYet => self.status_not_yet,
            NotApplicable => self.status_not_applicable,
        }
    }

    /// The label of a pathway's status, naming the organizations that
    /// decide when it is theirs to confirm ("Met if ICC agrees").
    pub fn pathway_status(&self, result: &crate::pathway::PathwayResult<'_>, definition: &crate::pathway::Definition) -> String {
        let mut who: Vec<&str> = Vec::new();
        for org in result.requirements.iter().filter_map(|r| r.confirm_with) {
            let name = definition.organization(org).map_or(org, |o| o.name.as_str());
            if !who.contains(&name) {
                who.push(name);
            }
        }
        self.status(result.status).replace("{who}", &who.join(self.list_and))
    }

    /// "For ICC to confirm", for the organization with this id.
    pub fn to_confirm_by(&self, org: &str, definition: &crate::pathway::Definition) -> String {
        self.req_to_confirm.replace("{who}", definition.organization(org).map_or(org, |o| o.name.as_str()))
    }

    /// "In our words, from" … "read on 26 November 2026".
    pub fn read_date(&self, iso: &str) -> Option<String> {
        Some(self.read_on.replace("{date}", &self.date(iso)?))
    }

    /// "Step 4 of about 12".
    pub fn progress_text(&self, progress: &crate::pathway::Progress<'_>) -> String {
        match progress.part {
            Some(part) => self.part_of.replace("{number}", &part.number.to_string()).replace("{total}", &part.total.to_string()).replace("{title}", part.title),
            None => self.question_of.replace("{step}", &progress.step.to_string()).replace("{most}", &progress.most.to_string()),
        }
    }

    /// Why the question is asked, from what reads its answer (the first
    /// that applies: steps, then a route, then later questions, then advice).
    pub fn why_we_ask(&self, uses: &crate::pathway::Uses<'_>) -> Option<String> {
        const SHOWN: usize = 2;
        if !uses.requirements.is_empty() {
            let mut steps: Vec<String> = uses.requirements.iter().take(SHOWN).map(|(_, r)| self.quoted.replace("{title}", &r.title)).collect();
            let rest = uses.requirements.len().saturating_sub(SHOWN);
            if rest > 0 {
                steps.push(self.list_more.replace("{n}", &rest.to_string()));
            }
            let last = steps.pop().unwrap_or_default();
            let list = if steps.is_empty() { last } else { format!("{}{}{last}", steps.join(", "), self.list_and) };
            return Some(self.why_counts.replace("{steps}", &list));
        }
        if let Some(p) = uses.pathways.first() {
            return Some(self.why_route.replace("{route}", &p.title));
        }
        if uses.questions {
            return Some(self.why_next.to_owned());
        }
        uses.advice.then(|| self.why_advice.to_owned())
    }

    /// "IDC: Not started → In progress", said under a What-if control.
    pub fn status_change(&self, route: &str, was: &str, now: &str) -> String {
        self.what_if_status.replace("{route}", route).replace("{was}", was).replace("{now}", now)
    }

    /// "“MHFA”: Not done → Done", said under a What-if control.
    pub fn requirement_change(&self, step: &str, was: &str, now: &str) -> String {
        self.what_if_step.replace("{step}", step).replace("{was}", was).replace("{now}", now)
    }

    /// "IDC: the next step is now Level 3", said under a What-if control.
    pub fn next_change(&self, route: &str, step: &str) -> String {
        self.what_if_next.replace("{route}", route).replace("{step}", step)
    }

    /// "More steps you can take now (2)".
    pub fn more_steps(&self, n: usize) -> String {
        self.plan_more.replace("{n}", &n.to_string())
    }

    /// "Rules compared with the source texts on 26 November 2026. The
    /// organizations may have changed …" for a date written `YYYY-MM-DD`;
    /// `None` for anything else. Not "checked" or "current": the sources
    /// are stored copies, and only the comparison has a date.
    pub fn compared_on(&self, iso: &str) -> Option<String> {
        Some(self.rules_compared.replace("{date}", &self.date(iso)?))
    }

    /// "Checklist made on 26 November 2026." for `2026-11-26`.
    pub fn made_on(&self, iso: &str) -> Option<String> {
        Some(self.made_on_date.replace("{date}", &self.date(iso)?))
    }

    /// A `YYYY-MM-DD` date in words: "26 November 2026", "1er novembre 2026".
    fn date(&self, iso: &str) -> Option<String> {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        let month = self.months.get(month.checked_sub(1)?)?;
        let day = if day == 1 { self.day_one.to_owned() } else { day.to_string() };
        Some(format!("{day} {month} {year}"))
    }

    /// "3 of 6 done".
    pub fn progress(&self, done: usize, total: usize) -> String {
        self.progress_of.replace("{done}", &done.to_string()).replace("{total}", &total.to_string())
    }

    /// "Enter a number between 0 and 20".
    pub fn range(&self, min: i64, max: i64) -> String {
        self.number_range.replace("{min}", &min.to_string()).replace("{max}", &max.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::EN;
    use crate::ui::texts_fr::FR_CA;

    #[test]
    fn the_comparison_date_is_written_as_each_language_writes_dates_and_says_the_rules_may_have_changed() {
        assert_eq!(
            EN.compared_on("2026-11-01").as_deref(),
            Some("Rules compared with the source texts on 1 November 2026. The organizations may have changed their requirements since: confirm with them, on their websites.")
        );
        assert!(FR_CA.compared_on("2026-11-01").unwrap().starts_with("Règles comparées avec les textes des sources le 1er novembre 2026."));
        assert!(FR_CA.compared_on("2026-08-26").unwrap().contains(" le 26 août 2026."));
        assert_eq!(EN.compared_on("not a date"), None);
    }
}
