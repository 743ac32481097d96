//! The words and choices each [`Notice`] gets, as a notification banner.
use yew::prelude::*;

use super::components::notification_banner::{notification_banner, BannerAction, NotificationBannerProps};
use super::hooks::{KeptRecords, WidgetState};
use super::state::{Action, Notice};
use super::storage::Forgetting;
use super::texts::Texts;

/// The banner for `notice`, its buttons acting on `state`.
pub fn notice_banner(notice: &Notice, state: &WidgetState, kept: &KeptRecords, t: &'static Texts) -> Html {
    let action = |label: &'static str, onclick: Callback<()>| BannerAction { label: label.into(), onclick };
    let (message, actions) = match notice {
        Notice::SavedDataUnreadable => (t.notice_unreadable, vec![]),
        Notice::ContentChanged { no_longer_fit: 0 } => (t.notice_changed, vec![]),
        Notice::ContentChanged { .. } => (t.notice_changed_dropped, vec![]),
        Notice::StorageUnavailable => (t.notice_no_storage, vec![]),
        Notice::Forgotten(Forgetting::Removed) => (t.notice_forgotten, vec![]),
        Notice::Forgotten(Forgetting::NothingSaved) => (t.notice_forgotten_nothing_saved, vec![]),
        Notice::Forgotten(Forgetting::Incomplete) => (t.notice_forgotten_incomplete, vec![]),
        Notice::ForgottenElsewhere => (t.notice_forgotten_elsewhere, vec![]),
        Notice::ShareLinkUnusable => (t.notice_bad_link, vec![]),
        Notice::ShareLinkForOther => (t.notice_link_for_other, vec![]),
        Notice::StorageFull => (t.notice_storage_full, vec![]),
        Notice::SavedDataUnreadableNotMoved => (t.notice_unreadable_not_moved, vec![]),
        Notice::EarlierAnswersKept => (t.notice_kept, vec![action(t.restore_kept, kept.onrestore.reform(|()| None))]),
        Notice::ChangedElsewhere => {
            (t.notice_elsewhere, vec![action(t.use_elsewhere, state.on(Action::UseElsewhere)), action(t.keep_here, state.on(Action::KeepHere))])
        }
    };
    // A choice between two sets of answers cannot be dismissed unanswered.
    let dismiss = (*notice != Notice::ChangedElsewhere).then(|| AttrValue::from(t.dismiss));
    notification_banner(&NotificationBannerProps {
        message: message.into(),
        actions,
        dismiss,
        ondismiss: state.on(Action::DismissNotice),
        ..Default::default()
    })
}
