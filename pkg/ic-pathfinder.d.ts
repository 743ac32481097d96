// Types of the IC Pathfinder module (ic-pathfinder.js): mount(), its options
// and handle, the events, and the <ic-pathfinder> element. Kept beside
// embed/ic-pathfinder.js, which they describe; e2e/vite-app.spec.mjs checks
// them with tsc on an app that uses every part, and on one that misuses them.

/** A route's status on the results page. */
export type PathwayStatus = 'met' | 'in_progress' | 'not_yet' | 'not_applicable';

/** `{pathwayId: status}` for every route of the definition. */
export type Statuses = Record<string, PathwayStatus>;

/** `icp-start`: the candidate pressed Start. */
export interface StartDetail {
  /** The widget's language, e.g. `en` or `fr-CA`. */
  language: string;
}

/** `icp-step`: a question is shown. Never the answer. */
export interface StepDetail {
  /** The question's id in the definition; left out when the `events` option is `minimal` or `statuses` is off. */
  question?: string;
  /** Its place among the questions asked so far, from 1. */
  position: number;
  /** The widget's language. */
  language: string;
}

/** `icp-restart`: the candidate confirmed Start again. Nothing else is said. */
export type RestartDetail = Record<string, never>;

/** `icp-complete`: the results page is reached. No statuses when the `statuses` option or attribute is off. */
export interface CompleteDetail {
  statuses?: Statuses;
}

/** The events an `<ic-pathfinder>` element dispatches (they bubble, and cross the shadow root). */
export interface IcPathfinderEventMap {
  'icp-start': CustomEvent<StartDetail>;
  'icp-step': CustomEvent<StepDetail>;
  'icp-complete': CustomEvent<CompleteDetail>;
  'icp-restart': CustomEvent<RestartDetail>;
  /** The widget is live: its first render is on the page and answers (a prerendered start page shows before). No detail. */
  'icp-live': CustomEvent<null>;
}

/** Where candidates' answers are kept: `local` (the default), `session` (until the tab closes) or `none`. */
export type StorageMode = 'local' | 'session' | 'none';

/** The options of mount(); each has the attribute of the same meaning (docs/embedding.md, "Attributes"). */
export interface MountOptions {
  /** Address of an organization's definition (JSON); the built-in content when absent. */
  definition?: string | URL;
  /** Keeps instances' saved answers apart; `default` when absent. ASCII letters and digits, `-`, `_` and `.` only: any other character shows the error panel. */
  storageKey?: string;
  /** `en` or `fr-CA`, or a language of the definition's `translations`; else the page's, else the browser's. */
  lang?: string;
  /** Called when the results page is reached. */
  onComplete?: (statuses: Statuses) => void;
  /** Called with the same detail as `icp-start`. */
  onStart?: (detail: StartDetail) => void;
  /** Called with the same detail as `icp-step`. */
  onStep?: (detail: StepDetail) => void;
  /** Called with the same detail as `icp-restart`. */
  onRestart?: (detail: RestartDetail) => void;
  /** `false`: the `icp-complete` event carries no statuses, and `icp-step` no question id. */
  statuses?: boolean;
  /** `minimal`: `icp-step` carries the question's position and the language, not its id. */
  events?: 'minimal' | 'full';
  /** Milliseconds before a slow load is given up for the Retry message; 15000 when absent. */
  loadTimeout?: number;
  /** `false` or `'off'`: pages are not entries in the browser's history (for an app with its own router). */
  history?: boolean | 'off' | 'on';
  /** An email or web address shown to candidates if the definition cannot be used. */
  contact?: string;
  /** Where answers are kept; `local` when absent. */
  storage?: StorageMode;
}

/** What mount() resolves to. */
export interface Handle {
  /** Whether the widget is shown (false while the Retry message is). */
  readonly mounted: boolean;
  /** Why the last load failed while the Retry message is shown, else null. */
  readonly error: Error | null;
  /** Removes the widget; calling it again does nothing. */
  unmount(): void;
}

/**
 * Mounts a widget into `element`, in a shadow root of its own. Resolves once
 * the widget or the Retry message shows, or at once if a newer mount() or
 * unmount() replaced this one while it loaded.
 */
export function mount(element: Element, options?: MountOptions): Promise<Handle>;

/** `<ic-pathfinder>`: defined when the module is imported. */
export class IcPathfinderElement extends HTMLElement {
  addEventListener<K extends keyof IcPathfinderEventMap>(
    type: K,
    listener: (this: IcPathfinderElement, event: IcPathfinderEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: IcPathfinderElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IcPathfinderEventMap>(
    type: K,
    listener: (this: IcPathfinderElement, event: IcPathfinderEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: IcPathfinderElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'ic-pathfinder': IcPathfinderElement;
  }
  /** The events bubble to the document and the window, where one listener hears every widget. */
  interface DocumentEventMap extends IcPathfinderEventMap {}
  interface WindowEventMap extends IcPathfinderEventMap {}
}
