//! The checklist to keep: as plain text for "Copy" (to paste into an email), and as a
//! self-contained HTML page for "Download", which any phone opens offline,
//! prints well and holds no script.
//!
//! Both come from one walk over the checklist ([`write`]): what differs is
//! only how [`Page`] marks it up, so the text and the page never tell a
//! candidate different things.
use super::evaluation::Evaluation;
use super::format::answer_text;
use super::pathway_card::requirement_tag;
use super::texts::Texts;
use crate::pathway::{advice_text, is_web_address, Citation, Definition, Flow, PathwayStatus};

/// The whole checklist as plain text a person pastes into an email: no
/// markup, each requirement's state in the page's own words, the answers
/// it rests on and every source sentence; `made_on` as for [`html`].
pub fn text(evaluation: &Evaluation, t: &Texts, made_on: &str) -> String {
    write(evaluation, t, made_on, false)
}

/// The whole checklist as a web page to keep: the plan (with the steps
/// ticked), each route with its verdicts and sources, the advice, the
/// answers, and `made_on`, the day it was made (`YYYY-MM-DD`).
pub fn html(evaluation: &Evaluation, t: &Texts, made_on: &str) -> String {
    write(evaluation, t, made_on, true)
}

/// The output being written: HTML (escaped words, elements) or plain text
/// (the words as they are, line breaks and dashes where the page has elements).
struct Page {
    html: bool,
    out: String,
}

impl Page {
    /// Words, escaped in HTML.
    fn words(&mut self, text: &str) -> &mut Self {
        if self.html {
            escape_into(&mut self.out, text);
        } else {
            self.out.push_str(text);
        }
        self
    }

    /// Markup: `html` in the page, `text` in the text.
    fn mark(&mut self, html: &str, text: &str) -> &mut Self {
        self.out.push_str(if self.html { html } else { text });
        self
    }

    /// Words inside an element (`<h2>`, `<p>`, `<strong>`), with what the
    /// text puts before and after them instead.
    fn element(&mut self, tag: &str, text: &str, before: &str, after: &str) -> &mut Self {
        if self.html {
            self.out.push_str(&format!("<{tag}>"));
            escape_into(&mut self.out, text);
            self.out.push_str(&format!("</{}>", tag.split(' ').next().unwrap_or(tag)));
        } else {
            self.out.push_str(&format!("{before}{text}{after}"));
        }
        self
    }

    /// A link to a web address (only `http` and `https`: a definition's
    /// `javascript:` address must not become a link): `label` linked in the
    /// page (an address written out would not wrap on a phone), the address
    /// itself in the text. Nothing when there is no such address.
    fn link(&mut self, url: Option<&str>, label: &str) -> &mut Self {
        if let Some(u) = url.filter(|u| is_web_address(u)) {
            if self.html {
                self.out.push_str(r#" <a href=""#);
                escape_into(&mut self.out, u);
                self.out.push_str(r#"">"#);
                escape_into(&mut self.out, label);
                self.out.push_str("</a>");
            } else {
                self.out.push_str(&format!(" {u}"));
            }
        }
        self
    }

    /// A citation: the quotation in quotation marks and its source's title,
    /// or a paraphrase said to be ours, with the page and the day it was
    /// read. English quoted inside a page in another language says so.
    fn cited(&mut self, c: &Citation, definition: &Definition, t: &Texts) -> &mut Self {
        let source = definition.source(&c.source);
        let title = source.map(|s| s.title.as_str()).unwrap_or(&c.source);
        self.mark("<blockquote>", "  ");
        if !c.is_paraphrase() {
            let foreign = !definition.lang.starts_with("en");
            self.mark(if foreign { r#"<span lang="en">"# } else { "" }, "")
                .words(&format!("\u{201c}{}\u{201d}", c.quote.trim()))
                .mark(if foreign { "</span>" } else { "" }, "")
                .words(&format!(" ({title})"));
        } else {
            let url = source.and_then(|s| s.url.as_deref()).filter(|u| is_web_address(u));
            let read = source.and_then(|s| s.taken.as_deref()).and_then(|d| t.read_date(d)).map(|d| format!(", {d}")).unwrap_or_default();
            self.words(&format!("{} ({}", c.paraphrase.trim(), t.paraphrased_from));
            match url {
                Some(_) if self.html => self.link(url, title),
                _ => self.words(&format!(" {title}")).link(url, title),
            };
            self.words(&format!("{read})"));
        }
        self.mark("</blockquote>", "\n")
    }
}

/// `text` made safe inside HTML elements and quoted attributes, onto `out`.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The page's own style: readable on a phone, and in print.
const STYLE: &str = "body{font:1.05rem/1.5 system-ui,sans-serif;color:#0b0c0c;margin:0}main{max-width:46rem;margin:0 auto;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem;border-top:2px solid #b1b4b6;padding-top:1rem}\
li{margin:.4rem 0}blockquote{margin:.25rem 0 .5rem 1rem;color:#484949;font-size:.95rem}.tag{font-weight:700}\
dt{font-weight:700;margin-top:.5rem}dd{margin:0}a{color:#5b2a86}@media print{h2{break-after:avoid}}";

/// The checklist, as text or as a web page (`html`): the title, the day it
/// was made, the plan, each route, the advice, the answers and the sources.
fn write(evaluation: &Evaluation, t: &Texts, made_on: &str, html: bool) -> String {
    let (definition, answers, checklist) = (&**evaluation.definition(), evaluation.answers(), evaluation.checklist());
    let mut p = Page { html, out: String::new() };
    let title = &definition.title;
    if html {
        p.out = String::from(r#"<!doctype html><html lang=""#);
        p.words(&definition.lang).mark(r#""><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>"#, "");
        p.words(title).out.push_str(&format!("</title><style>{STYLE}</style></head><body><main>"));
    }
    p.element("h1", title, "", "\n");
    for line in [t.made_on(made_on), definition.rules_compared().and_then(|d| t.compared_on(d))].into_iter().flatten() {
        p.element("p", &line, "", "\n");
    }
    if !checklist.plan.is_empty() {
        p.element("h2", t.plan_title, "\n", "\n").mark("<ol>", "");
        for step in &checklist.plan {
            let pathways = step.pathways.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("; ");
            let (mark, what) = if step.by_tick { ("☑ ", t.req_by_tick) } else { ("☐ ", step.action()) };
            let who = step.confirm_with.map(|o| format!(" ({})", t.to_confirm_by(o, definition))).unwrap_or_default();
            p.mark("<li>", "").words(mark).element("strong", &step.requirement.title, "", "");
            p.words(&format!("{who}: {what}")).link(step.requirement.url.as_deref(), t.where_to);
            p.mark(" ", "").element("em", &format!("{} {pathways}", t.plan_for), " (", ")").mark("</li>", "\n");
        }
        p.mark("</ol>", "");
    }
    for route in &checklist.pathways {
        p.element("h2", &route.pathway.title, "\n", "\n").mark("<p>", "").element(r#"span class="tag""#, &t.pathway_status(route, definition), "", "");
        if route.status == PathwayStatus::NotApplicable {
            p.mark("</p><p>", "\n").words(route.pathway.not_applicable.as_deref().unwrap_or_default()).mark("</p>", "\n");
            continue;
        }
        let (done, total) = route.progress();
        p.words(&format!(" · {}", t.progress(done, total))).mark("</p>", "\n");
        if let Some(next) = route.next_step() {
            p.mark("<p>", "").element("strong", t.next_step, "", "").words(&format!(" {}", next.action())).mark("</p>", "\n");
        }
        p.mark("<ul>", "");
        for r in &route.requirements {
            let why = if r.by_tick { t.by_tick_why } else { r.explanation.as_deref().unwrap_or(t.not_answered) };
            p.mark("<li>", "- ").element("strong", &r.requirement.title, "", "");
            p.mark(" ", "").element(r#"span class="tag""#, &format!("({})", requirement_tag(r, t, definition).0), " ", "");
            p.mark("<br>", ": ").words(why).mark("", "\n").cited(&r.requirement.source, definition, t).mark("</li>", "");
        }
        p.mark("</ul>", "");
    }
    let mut advice = checklist.all_advice().peekable();
    if advice.peek().is_some() {
        p.element("h2", t.general_advice, "\n", "\n").mark("<ul>", "");
        for a in advice {
            p.mark("<li>", "- ").element("strong", &a.title, "", "").mark("<br>", ": ").words(&advice_text(a, definition, answers)).mark("", "\n");
            if !a.points.is_empty() {
                p.mark("<ul>", "");
                for point in &a.points {
                    p.element("li", point, "  \u{2022} ", "\n");
                }
                p.mark("</ul>", "");
            }
            p.cited(&a.source, definition, t).mark("</li>", "");
        }
        p.mark("</ul>", "");
    }
    p.element("h2", t.check_title, "\n", "\n").mark("<dl>", "");
    for (q, a) in Flow::new(definition, answers).asked() {
        if let Some(a) = a {
            p.element("dt", &q.text, "- ", " ").element("dd", &answer_text(q, a, t), "", "\n");
        }
    }
    p.mark("</dl>", "").element("h2", t.sources, "\n", "\n").mark("<ul>", "");
    for s in &definition.sources {
        let url = s.url.as_deref().filter(|u| is_web_address(u));
        p.mark("<li>", "- ");
        match url {
            Some(_) if html => p.link(url, &s.title),
            _ => p.words(&s.title).link(url, &s.title),
        };
        p.mark("</li>", "\n");
    }
    p.mark("</ul></main></body></html>\n", "");
    p.out
}
