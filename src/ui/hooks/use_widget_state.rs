//! The widget's one reducer, opened from what storage and the address hold
//! (reading only), with the storage changes that calls for made in an effect
//! once the widget is on the page.
//!
//! The definition is the widget's prop, not state: [`WidgetState`] pairs the
//! reducer's handle with the definition of this render, and every action is
//! dispatched with it.
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::pathway::Definition;
use crate::ui::restore::initial_state;
use crate::ui::state::{Action, State};
use crate::ui::storage::Store;

/// The state, and a way to change it against the definition on screen.
#[derive(Clone, PartialEq)]
pub struct WidgetState {
    handle: UseReducerHandle<State>,
    definition: Rc<Definition>,
}

impl Deref for WidgetState {
    type Target = State;
    fn deref(&self) -> &State {
        &self.handle
    }
}

impl WidgetState {
    /// Applies an action.
    pub fn dispatch(&self, action: Action) {
        self.handle.dispatch((self.definition.clone(), action));
    }

    /// A callback that applies the action `f` makes of its argument.
    pub fn callback<T: 'static>(&self, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let this = self.clone();
        Callback::from(move |value| this.dispatch(f(value)))
    }

    /// A callback that applies `action` whatever it is given.
    pub fn on<T: 'static>(&self, action: Action) -> Callback<T> {
        self.callback(move |_| action.clone())
    }

    /// The definition of this render.
    pub fn definition(&self) -> &Rc<Definition> {
        &self.definition
    }
}

/// Opens the state of `definition`'s progress in `store`.
#[hook]
pub fn use_widget_state(definition: Rc<Definition>, store: Rc<Store>) -> WidgetState {
    let tidy = use_mut_ref(|| None);
    let handle = {
        let (definition, store, tidy) = (definition.clone(), store.clone(), tidy.clone());
        use_reducer_eq(move || {
            let fragment = super::use_share_link::read_link(&definition.id);
            let (state, changes) = initial_state(&definition, &store, fragment.as_deref());
            *tidy.borrow_mut() = Some(changes);
            state
        })
    };
    let state = WidgetState { handle, definition };
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(changes) = tidy.borrow_mut().take() {
                for action in changes.run(&store) {
                    state.dispatch(action);
                }
            }
            super::use_share_link::told_of_another(&state.definition().id, &state);
        });
    }
    state
}
