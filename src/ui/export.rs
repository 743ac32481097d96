//! The checklist to keep: as plain text for "Copy" (to paste into an email), and as a
//! self-contained HTML page for "Download", which any phone opens offline,
//! prints well and holds no script.
use super::evaluation::Evaluation;
use super::format::answer_text;
use super::pathway_card::requirement_tag;
use super::texts::Texts;
use crate::pathway::{advice_text, is_web_address, Advice, Citation, Definition, Flow, PathwayStatus};

/// The whole checklist as plain text a person pastes into an email: no
/// markup, each requirement's state in the page's own words, the answers
/// it rests on and every source sentence.
pub fn text(evaluation: &Evaluation, t: &Texts) -> String {
    let (definition, answers, checklist) = (&**evaluation.definition(), evaluation.answers(), evaluation.checklist());
    let mut out = format!("{}\n\n", definition.title);
    if !checklist.plan.is_empty() {
        out.push_str(&format!("{}\n", t.plan_title));
        for (i, step) in checklist.plan.iter().enumerate() {
            let pathways = step.pathways.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("; ");
            let what = if step.by_tick {
                t.req_by_tick.to_owned()
            } else {
                let who = step.confirm_with.map(|org| format!(" ({})", t.to_confirm_by(org, definition))).unwrap_or_default();
                let link = step.requirement.url.as_ref().map(|u| format!(" {u}")).unwrap_or_default();
                format!("{}{who}{link}", step.action())
            };
            out.push_str(&format!("{}. {}: {what} ({} {pathways})\n", i + 1, step.requirement.title, t.plan_for));
        }
        out.push('\n');
    }
    for p in &checklist.pathways {
        out.push_str(&format!("{}: {}\n", p.pathway.title, t.pathway_status(p, definition)));
        if p.status == PathwayStatus::NotApplicable {
            if let Some(why) = &p.pathway.not_applicable {
                out.push_str(&format!("{why}\n"));
            }
            out.push('\n');
            continue;
        } else if let Some(next) = p.next_step() {
            out.push_str(&format!("{} {}\n", t.next_step, next.action()));
        }
        for r in &p.requirements {
            let why = if r.by_tick { t.by_tick_why } else { r.explanation.as_deref().unwrap_or(t.not_answered) };
            out.push_str(&format!("- {} ({}): {why}\n", r.requirement.title, requirement_tag(r, t, definition).0));
            out.push_str(&format!("  {}\n", cited(&r.requirement.source, definition, t)));
        }
        out.push('\n');
    }
    let advice: Vec<&Advice> = checklist.all_advice().collect();
    if !advice.is_empty() {
        out.push_str(&format!("{}\n", t.general_advice));
        for a in advice {
            out.push_str(&format!("- {}: {}\n", a.title, advice_text(a, definition, answers)));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n", t.check_title));
    for (q, a) in Flow::new(definition, answers).asked() {
        if let Some(a) = a {
            out.push_str(&format!("- {} {}\n", q.text, answer_text(q, a, t)));
        }
    }
    out.push_str(&format!("\n{}\n", t.sources));
    for s in &definition.sources {
        out.push_str(&format!("- {}{}\n", s.title, s.url.as_ref().map(|u| format!(" {u}")).unwrap_or_default()));
    }
    out
}

/// A citation in words: the quotation in quotation marks and its source's
/// title, or a paraphrase said to be ours, with the page and the day it was
/// read. `text` writes words as the output needs them (escaped in HTML);
/// `link` writes the source's title with its page's address, if any.
fn cited_with(c: &Citation, definition: &Definition, t: &Texts, text: fn(&str) -> String, link: impl Fn(&str, Option<&str>) -> String) -> String {
    let source = definition.source(&c.source);
    let title = source.map(|s| s.title.as_str()).unwrap_or(&c.source);
    let url = source.and_then(|s| s.url.as_deref()).filter(|u| is_web_address(u));
    if !c.is_paraphrase() {
        return format!("{} ({})", text(&format!("\u{201c}{}\u{201d}", c.quote.trim())), link(title, None));
    }
    let read = source.and_then(|s| s.taken.as_deref()).and_then(|d| t.read_date(d)).map(|d| format!(", {d}")).unwrap_or_default();
    format!("{} ({} {}{})", text(c.paraphrase.trim()), text(t.paraphrased_from), link(title, url), text(&read))
}

/// [`cited_with`] as plain text, the address after the title.
pub fn cited(c: &Citation, definition: &Definition, t: &Texts) -> String {
    cited_with(c, definition, t, str::to_owned, |title, url| format!("{title}{}", url.map(|u| format!(" {u}")).unwrap_or_default()))
}

/// [`cited_with`] as HTML: escaped, the title a link to its page (an
/// address written out would not wrap on a phone).
fn cited_html(c: &Citation, definition: &Definition, t: &Texts) -> String {
    // Quotations keep the source's language: English inside a French page says so.
    let quoted: fn(&str) -> String = if c.is_paraphrase() || definition.lang.starts_with("en") { escape } else { |q: &str| format!(r#"<span lang="en">{}</span>"#, escape(q)) };
    cited_with(c, definition, t, quoted, |title, url| match url {
        Some(u) => format!(r#"<a href="{}">{}</a>"#, escape(u), escape(title)),
        None => escape(title),
    })
}

/// Text made safe inside HTML elements and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
    out
}

/// A link to a web address (only `http` and `https`: a definition's
/// `javascript:` address must not become a link), else nothing.
fn link(url: Option<&String>, label: &str) -> String {
    match url.filter(|u| is_web_address(u)) {
        Some(u) => format!(r#" <a href="{}">{}</a>"#, escape(u), escape(label)),
        None => String::new(),
    }
}

/// The page's own style: readable on a phone, and in print.
const STYLE: &str = "body{font:1.05rem/1.5 system-ui,sans-serif;color:#0b0c0c;margin:0}main{max-width:46rem;margin:0 auto;padding:1rem}\
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.3rem;margin-top:2rem;border-top:2px solid #b1b4b6;padding-top:1rem}\
li{margin:.4rem 0}blockquote{margin:.25rem 0 .5rem 1rem;color:#484949;font-size:.95rem}.tag{font-weight:700}\
dt{font-weight:700;margin-top:.5rem}dd{margin:0}a{color:#5b2a86}@media print{h2{break-after:avoid}}";

/// The whole checklist as a web page to keep: the plan (with the steps
/// ticked), each route with its verdicts and sources, the advice, the
/// answers, and `made_on`, the day it was made (`YYYY-MM-DD`).
pub fn html(evaluation: &Evaluation, t: &Texts, made_on: &str) -> String {
    let (definition, answers, checklist) = (&**evaluation.definition(), evaluation.answers(), evaluation.checklist());
    let e = escape;
    let mut out = format!(
        r#"<!doctype html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{STYLE}</style></head><body><main><h1>{}</h1>"#,
        e(&definition.lang),
        e(&definition.title),
        e(&definition.title)
    );
    for line in [t.made_on(made_on), definition.rules_compared().and_then(|d| t.compared_on(d))].into_iter().flatten() {
        out.push_str(&format!("<p>{}</p>", e(&line)));
    }
    if !checklist.plan.is_empty() {
        out.push_str(&format!("<h2>{}</h2><ol>", e(t.plan_title)));
        for step in &checklist.plan {
            let pathways = step.pathways.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("; ");
            let (mark, what) = if step.by_tick { ("☑", t.req_by_tick.to_owned()) } else { ("☐", step.action().to_owned()) };
            let who = step.confirm_with.map(|o| format!(" ({})", t.to_confirm_by(o, definition))).unwrap_or_default();
            out.push_str(&format!(
                "<li>{mark} <strong>{}</strong>{}: {}{} <em>{} {}</em></li>",
                e(&step.requirement.title),
                e(&who),
                e(&what),
                link(step.requirement.url.as_ref(), t.where_to),
                e(t.plan_for),
                e(&pathways)
            ));
        }
        out.push_str("</ol>");
    }
    for p in &checklist.pathways {
        let (done, total) = p.progress();
        out.push_str(&format!("<h2>{}</h2><p><span class=\"tag\">{}</span>", e(&p.pathway.title), e(&t.pathway_status(p, definition))));
        if p.status == PathwayStatus::NotApplicable {
            out.push_str(&format!("</p><p>{}</p>", e(p.pathway.not_applicable.as_deref().unwrap_or_default())));
            continue;
        }
        out.push_str(&format!(" · {}</p>", e(&t.progress(done, total))));
        if let Some(next) = p.next_step() {
            out.push_str(&format!("<p><strong>{}</strong> {}</p>", e(t.next_step), e(next.action())));
        }
        out.push_str("<ul>");
        for r in &p.requirements {
            let tag = super::pathway_card::requirement_tag(r, t, definition).0;
            let why = if r.by_tick { t.by_tick_why } else { r.explanation.as_deref().unwrap_or(t.not_answered) };
            out.push_str(&format!(
                "<li><strong>{}</strong> <span class=\"tag\">({})</span><br>{}<blockquote>{}</blockquote></li>",
                e(&r.requirement.title),
                e(&tag),
                e(why),
                cited_html(&r.requirement.source, definition, t)
            ));
        }
        out.push_str("</ul>");
    }
    let advice: Vec<&Advice> = checklist.all_advice().collect();
    if !advice.is_empty() {
        out.push_str(&format!("<h2>{}</h2><ul>", e(t.general_advice)));
        for a in advice {
            let points: String = a.points.iter().map(|p| format!("<li>{}</li>", e(p))).collect();
            let points = if points.is_empty() { points } else { format!("<ul>{points}</ul>") };
            out.push_str(&format!(
                "<li><strong>{}</strong><br>{}{points}<blockquote>{}</blockquote></li>",
                e(&a.title),
                e(&advice_text(a, definition, answers)),
                cited_html(&a.source, definition, t)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str(&format!("<h2>{}</h2><dl>", e(t.check_title)));
    for (q, a) in Flow::new(definition, answers).asked() {
        if let Some(a) = a {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", e(&q.text), e(&answer_text(q, a, t))));
        }
    }
    out.push_str(&format!("</dl><h2>{}</h2><ul>", e(t.sources)));
    for s in &definition.sources {
        let address = s.url.as_ref().filter(|u| is_web_address(u));
        match address {
            Some(u) => out.push_str(&format!(r#"<li><a href="{}">{}</a></li>"#, e(u), e(&s.title))),
            None => out.push_str(&format!("<li>{}</li>", e(&s.title))),
        }
    }
    out.push_str("</ul></main></body></html>\n");
    out
}
