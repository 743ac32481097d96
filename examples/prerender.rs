//! Renders the widget's start page ahead of time, with Yew's server renderer
//! and the very components the browser runs (`src/ui/prerender.rs` says how
//! the browser then hydrates it):
//!
//!   cargo run --example prerender -- DIR
//!
//! writes, from the built-in content in `content/`:
//! - `DIR/demo.en.html`: the demo page's `#ic-pathfinder` element holding
//!   the English start page (put into `dist/index.html` by
//!   `scripts/prerender-page.mjs`, Trunk's post-build hook);
//! - `DIR/embed.en.html`, `DIR/embed.fr-CA.html`: the container of the
//!   embed's shadow root holding the start page in each built-in language
//!   (wrapped into `snippet.<lang>.html` by `scripts/snippets.mjs`).
//!
//! - `DIR/floor.en.html`: the first question's page as static markup, for
//!   the benchmark's floor page (`scripts/bench.mjs`: a static page that
//!   shows the same first question, no script).
//!
//! Each element carries the mark of what its markup depends on
//! (`data-icp-prerendered`); the browser hydrates only a page whose mark is
//! its own.
use std::path::PathBuf;
use std::rc::Rc;

use ic_pathfinder::ui::app::Translation;
use ic_pathfinder::ui::prerender::{mark, ATTRIBUTE};
use ic_pathfinder::ui::{App, AppProps, Loaded};
use yew::LocalServerRenderer;

/// The built-in content in one language, as the widget reads it.
fn content(lang: &str) -> Rc<ic_pathfinder::pathway::Definition> {
    let path = format!("{}/content/default.{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Rc::new(ic_pathfinder::ui::decode::definition(&text).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// The props the browser mounts the widget with for a first visit (the demo
/// page's `start()`, the embed's `mountWidget`), in `lang`.
fn props(lang: &str, id_prefix: &str, french: Translation) -> AppProps {
    AppProps {
        definition: Loaded::Ready(content("en")),
        translations: vec![french],
        lang: (lang != "en").then(|| lang.to_owned().into()),
        storage_key: "default".into(),
        id_prefix: id_prefix.to_owned().into(),
        oncomplete: Default::default(),
        history: true,
        contact: None,
        storage: Default::default(),
        onevent: Default::default(),
    }
}

/// `props` rendered inside `<tag attributes data-icp-prerendered="mark"
/// data-icp-shape="fingerprint">`: the loaders compare the fingerprint with
/// the page's markup before letting the wasm hydrate, so markup a site
/// builder changed on the way (a tag renamed, an attribute or a text
/// changed, comments emptied) is rendered afresh rather than mis-hydrated.
async fn render(tag: &str, attributes: &str, props: AppProps) -> String {
    let mark = mark(&props).expect("the built-in content renders without waiting for a file");
    let html = LocalServerRenderer::<App>::with_props(props).render().await;
    let print = fingerprint(&html);
    format!("<{tag}{attributes} {ATTRIBUTE}=\"{mark}\" data-icp-shape=\"{print}\">{html}</{tag}>")
}

/// The markup as the browser will see it, one token per node, the way the
/// loaders (`markupPrint` in embed/ic-pathfinder.js and demo/demo-loader.js)
/// write the parsed DOM: `<tag name=value ...>` with attributes in source
/// order, `</tag>` (void elements, `<input>`, have none), `#text` and `!comment`, joined
/// by U+0001; hashed with 32-bit FNV-1a over its UTF-8 bytes, in hex. The
/// markup is Yew's server rendering, whose text and double-quoted
/// attribute values escape `&`, `<`, `>` and `"` as entities.
fn fingerprint(html: &str) -> String {
    let mut tokens: Vec<String> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let (data, next) = after.split_once("-->").expect("a comment is closed");
            tokens.push(format!("!{data}"));
            rest = next;
        } else if let Some(after) = rest.strip_prefix("</") {
            let (name, next) = after.split_once('>').expect("a closing tag ends");
            tokens.push(format!("</{}>", name.trim().to_ascii_lowercase()));
            rest = next;
        } else if rest.starts_with('<') {
            let (token, next) = open_tag(rest);
            tokens.push(token);
            rest = next;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            tokens.push(format!("#{}", unescape(&rest[..end])));
            rest = &rest[end..];
        }
    }
    let mut hash: u32 = 0x811c_9dc5;
    for byte in tokens.join("\u{1}").bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// An opening tag at the start of `text`: its token and the text after it.
fn open_tag(text: &str) -> (String, &str) {
    let mut rest = &text[1..];
    let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(rest.len());
    let name = rest[..end].to_ascii_lowercase();
    rest = &rest[end..];
    let mut token = format!("<{name}");
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
            token.push('>');
            return (token, after);
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len());
        let attribute = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let value = if let Some(after) = rest.strip_prefix("=\"") {
            let (value, next) = after.split_once('"').expect("an attribute value is closed");
            rest = next;
            unescape(value)
        } else {
            String::new()
        };
        token.push_str(&format!(" {attribute}={value}"));
    }
}

/// Text or an attribute value with the entities Yew's rendering writes read back.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&")
}

/// The demo page's widget as it is after Start, with no hydration marks: its
/// frame, language switch and Forget button, the first question's page in
/// place of the start page.
async fn floor(demo: AppProps) -> String {
    use ic_pathfinder::ui::question_page::{Props, QuestionPage};
    use ic_pathfinder::ui::state::State;
    use ic_pathfinder::ui::texts::EN;
    let definition = content("en");
    let state = State::new();
    let flow = state.flow(&definition);
    let id = flow.next_question().expect("the content has a first question").id.clone();
    let progress = flow.progress(&id);
    let props = Props {
        question: Rc::new(definition.question(&id).expect("the first question exists").clone()),
        answer: None,
        progress: EN.progress_text(&progress).into(),
        step: progress.step,
        most: progress.most,
        parts: progress.part.map_or(0, |p| p.total),
        why: EN.why_we_ask(&definition.uses(&id)).map(Into::into),
        onanswer: Default::default(),
        onback: Default::default(),
    };
    let question = LocalServerRenderer::<QuestionPage>::with_props(props).hydratable(false).render().await;
    let widget = LocalServerRenderer::<App>::with_props(demo).hydratable(false).render().await;
    // The start page is one <div class="icp-start"> with no <div> inside.
    let start = widget.find(r#"<div class="icp-start">"#).expect("the widget shows its start page");
    let end = start + widget[start..].find("</div>").expect("the start page closes") + "</div>".len();
    format!("<div id=\"ic-pathfinder\">{}{question}{}</div>", &widget[..start], &widget[end..])
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: cargo run --example prerender -- DIR"));
    std::fs::create_dir_all(&dir).expect("the output folder can be made");
    let remote = |url: &str| Translation::Remote { lang: "fr-CA".into(), url: url.into(), checked_against: None };
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
    let pages = runtime.block_on(async {
        vec![
            // The demo page sits beside the French file (src/lib.rs); the prefix is its first host's.
            ("demo.en.html", render("div", " id=\"ic-pathfinder\"", props("en", "icp", remote("default.fr-CA.json"))).await),
            // The embed module names the French file by its own address; the
            // prefix is the container's (`data-icp-prefix`). In French, the module
            // fetches the French file beside the English, so it is at hand.
            ("embed.en.html", render("div", " class=\"icp-prerendered\" data-icp-prefix=\"icp\"", props("en", "icp", remote("default.fr-CA.json"))).await),
            (
                "embed.fr-CA.html",
                render("div", " class=\"icp-prerendered\" data-icp-prefix=\"icp\"", props("fr-CA", "icp", Translation::Ready(content("fr-CA")))).await,
            ),
        ]
    });
    let floor = runtime.block_on(floor(props("en", "icp", remote("default.fr-CA.json"))));
    for (name, html) in pages.into_iter().chain([("floor.en.html", floor)]) {
        let path = dir.join(name);
        std::fs::write(&path, html).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
