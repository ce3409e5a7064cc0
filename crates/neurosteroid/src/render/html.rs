//! The HTML fact sheet: one self-contained page (no network, no scripts, no external fonts),
//! readable and printable, with the biosynthesis route as an inline SVG, evidence grades as
//! badges and references as links. Every text field is escaped.

use std::fmt::Write;

use super::escape::xml_escape as esc;
use super::graph::svg;
use super::sheet::{EVIDENCE_LEGEND, NOTICE, SheetView, citation, evidence_badge, grade_meaning, source_link};
use crate::model::{Consensus, EvidenceDirection, Grade, Therapy};

const STYLE: &str = "
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #ffffff; --accent: #2d5fa8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; font: 16px/1.55 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--ink); background: var(--bg); }
h1 { font-size: 2rem; margin: 0 0 .25rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
.subtitle { color: var(--muted); font-size: 1.15rem; margin: 0 0 1rem; }
.notice { border-left: 4px solid #c77d00; background: #fff8eb; padding: .75rem 1rem; margin: 1rem 0; }
.meta { color: var(--muted); font-size: .9rem; }
ul.claims { list-style: none; padding: 0; } ul.claims li { margin: .6rem 0; padding-left: .2rem; }
.badge { display: inline-block; font-size: .72rem; font-weight: 600; letter-spacing: .02em; border-radius: 999px; padding: .08rem .55rem; margin-left: .35rem; vertical-align: .1em; white-space: nowrap; border: 1px solid transparent; }
.grade-regulatory { background: #e3f2e6; color: #1d5b2a; border-color: #9fd0aa; }
.grade-systematic-review { background: #e3f2e6; color: #1d5b2a; border-color: #9fd0aa; }
.grade-clinical-trial { background: #e7f0fb; color: #1f4f8f; border-color: #a9c6ec; }
.grade-clinical-observational { background: #eef0fb; color: #3a3f8f; border-color: #b9bdea; }
.grade-preclinical { background: #fdf2e2; color: #7a4a00; border-color: #efc98a; }
.grade-expert-opinion { background: #f2f2f2; color: #444; border-color: #ccc; }
.grade-unsupported { background: #fbe9e9; color: #8a1f1f; border-color: #eba9a9; }
.established { background: #e6f4f1; color: #17534a; border-color: #8fcfc2; }
blockquote.excerpt { margin: .3rem 0 0 .2rem; padding: .1rem .7rem; border-left: 3px solid var(--line); color: var(--muted); font-size: .9rem; }
.direction { color: var(--muted); font-style: italic; }
.note { display: block; color: var(--muted); font-size: .9rem; margin-top: .15rem; }
sup.refs a { text-decoration: none; } a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 1rem 0; } th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
svg.pathway { max-width: 100%; height: auto; display: block; margin: 1rem 0; }
svg.pathway rect { fill: #f4f7fc; stroke: #6b85b5; stroke-width: 1.5; } svg.pathway .target rect { fill: #e3ecfa; stroke: var(--accent); stroke-width: 2.5; }
svg.pathway text { font: 14px system-ui, sans-serif; fill: var(--ink); } svg.pathway text.label { font-size: 12px; fill: var(--muted); }
svg.pathway line { stroke: #444; stroke-width: 1.5; } svg.pathway .rate-limiting line { stroke-width: 3; }
figure.diagram { overflow-x: auto; margin: 1rem 0; } svg.pathway.network { max-width: none; }
svg.pathway .branch rect { fill: #fafafa; stroke: #999; stroke-dasharray: 4 3; } svg.pathway circle.badge { fill: #fff; stroke: #777; }
.therapy { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; margin: .8rem 0; } .therapy h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
ol.references li { margin: .35rem 0; font-size: .92rem; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } .notice { break-inside: avoid; } }
";

fn refs(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let links: Vec<String> = numbers
        .iter()
        .map(|n| format!("<a href=\"#ref-{n}\">[{n}]</a>"))
        .collect();
    format!(" <sup class=\"refs\">{}</sup>", links.join(""))
}

/// Claims as a list: statement, grade badge, the direction of the evidence when it is not
/// plain support, references and the curators' note.
fn claim_list(out: &mut String, claims: &[super::sheet::ClaimView<'_>], number_of: &dyn Fn(&str) -> Option<usize>) {
    if claims.is_empty() {
        return;
    }
    out.push_str("<ul class=\"claims\">");
    for c in claims {
        let direction = match c.claim.direction {
            Some(EvidenceDirection::Contradicts) => {
                " <span class=\"direction\">(the evidence points the other way)</span>"
            }
            Some(EvidenceDirection::Mixed) => " <span class=\"direction\">(mixed evidence)</span>",
            Some(EvidenceDirection::Insufficient) => " <span class=\"direction\">(too little evidence)</span>",
            _ => "",
        };
        let b = evidence_badge(c.claim);
        let _ = write!(
            out,
            "<li id=\"claim-{}\">{}<span class=\"badge {}\" title=\"{}\">{}</span>{direction}{}",
            esc(c.claim.id.as_str()),
            esc(c.claim.statement.as_str()),
            esc(&b.class),
            esc(&b.title),
            esc(&b.label),
            refs(&c.refs)
        );
        if let Some(n) = &c.claim.notes {
            let _ = write!(out, "<span class=\"note\">{}</span>", esc(n.as_str()));
        }
        for e in &c.claim.excerpts {
            let n = number_of(e.source.as_str()).map(|n| refs(&[n])).unwrap_or_default();
            let _ = write!(
                out,
                "<blockquote class=\"excerpt\">“{}”{n}, {}</blockquote>",
                esc(e.text.as_str()),
                esc(e.locator.as_str())
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>\n");
}

fn badge(g: Grade) -> String {
    format!(
        "<span class=\"badge grade-{}\" title=\"{}\">{}</span>",
        g.as_str(),
        esc(grade_meaning(g)),
        esc(g.words())
    )
}

fn therapy(out: &mut String, t: &Therapy, number_of: &dyn Fn(&str) -> Option<usize>) {
    let _ = write!(
        out,
        "<div class=\"therapy\" id=\"therapy-{}\"><h3>{}",
        esc(t.id.as_str()),
        esc(t.name.as_str())
    );
    if !t.brand_names.is_empty() {
        let brands: Vec<&str> = t.brand_names.iter().map(|b| b.as_str()).collect();
        let _ = write!(out, " <span class=\"meta\">({})</span>", esc(&brands.join(", ")));
    }
    out.push_str("</h3><ul>");
    for f in super::sheet::therapy_facts(t, number_of) {
        let r = f.reference.map(|n| refs(&[n])).unwrap_or_default();
        let _ = write!(out, "<li>{}{r}</li>", esc(&f.text));
    }
    out.push_str("</ul></div>");
}

/// Renders a fact sheet as one self-contained HTML page.
pub(crate) fn render(view: &SheetView<'_>) -> String {
    let mut out = String::new();
    let title = esc(view.sheet.title.as_str());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
    );
    if let Some(sub) = &view.sheet.subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", esc(sub.as_str()));
    }
    let _ = writeln!(
        out,
        "<p class=\"notice\" role=\"note\"><strong>Not medical advice.</strong> {}</p>",
        esc(NOTICE)
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">Content checked as of <time datetime=\"{0}\">{0}</time>. Each statement carries a badge with the strength of its evidence; bracketed numbers link to the references.</p>",
        view.as_of
    );
    let number_of = |id: &str| view.reference_number(id);
    for s in &view.sections {
        let _ = writeln!(
            out,
            "<section class=\"section-{}\">\n<h2>{}</h2>",
            esc(&format!("{:?}", s.section.kind).to_lowercase()),
            esc(s.section.heading.as_str())
        );
        if let Some(t) = &s.section.text {
            let _ = writeln!(out, "<p>{}</p>", esc(t.as_str()));
        }
        if let Some(route) = &s.route {
            if !route.steps.is_empty() {
                let _ = writeln!(
                    out,
                    "<figure class=\"diagram\">{}<figcaption class=\"meta\">Each arrow: enzyme activity (EC number): human isoforms.{}</figcaption></figure>",
                    svg(&crate::network::Network {
                        route: route.clone(),
                        branches: s.branches.clone(),
                    }),
                    if s.branches.is_empty() {
                        ""
                    } else {
                        " Numbered arrows: the steps listed under the picture; dashed: branches off the route and other ways into it."
                    }
                );
                out.push_str("<table><thead><tr><th>Step</th><th>Enzyme activity</th><th>Human isoforms</th><th>Where</th><th>Cofactors</th></tr></thead><tbody>");
                for st in &route.steps {
                    let ec = st.ec_numbers();
                    let iso: Vec<&str> = st.isoforms.iter().map(|g| g.symbol.as_str()).collect();
                    let loc: Vec<&str> = st.reaction.locations.iter().map(|l| l.as_str()).collect();
                    let cof: Vec<&str> = st.reaction.cofactors.iter().map(|l| l.as_str()).collect();
                    let rl = if st.reaction.rate_limiting {
                        " <span class=\"badge grade-expert-opinion\">rate-limiting</span>"
                    } else {
                        ""
                    };
                    let _ = write!(
                        out,
                        "<tr><td>{} → {}{rl}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        esc(st.substrate.name.as_str()),
                        esc(st.product.name.as_str()),
                        esc(st.enzyme.name.as_str()),
                        if ec.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", esc(&ec.join(", ")))
                        },
                        esc(&iso.join(", ")),
                        esc(&loc.join("; ")),
                        esc(&cof.join(", "))
                    );
                }
                out.push_str("</tbody></table>\n");
            }
        }
        claim_list(&mut out, &s.claims, &number_of);
        for t in &s.therapies {
            therapy(&mut out, t, &number_of);
        }
        let others: Vec<String> = s
            .entities
            .iter()
            .filter(|e| !matches!(e, crate::model::EntityRef::Pathway(_)))
            .map(|e| format!("<li>{}</li>", esc(e.name())))
            .collect();
        if !others.is_empty() {
            let _ = write!(out, "<ul>{}</ul>", others.join(""));
        }
        if !s.unsupported.is_empty() {
            let _ = write!(
                out,
                "<h3 class=\"unsupported\">{}</h3>",
                esc(super::sheet::UNSUPPORTED_HEADING)
            );
            claim_list(&mut out, &s.unsupported, &number_of);
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<section><h2>Summary</h2><p>{}</p></section>",
        esc(view.sheet.summary.as_str())
    );
    let _ = write!(
        out,
        "<section><h2>Evidence grades</h2><p>{}</p><ul>",
        esc(EVIDENCE_LEGEND)
    );
    for g in Grade::ALL {
        let _ = write!(out, "<li>{} {}</li>", badge(g), esc(grade_meaning(g)));
    }
    out.push_str("</ul><p>How settled a statement is:</p><ul>");
    for c in Consensus::ALL {
        let _ = write!(out, "<li><strong>{c}</strong>: {}</li>", esc(c.meaning()));
    }
    out.push_str("</ul></section>\n<section><h2>References</h2><ol class=\"references\">");
    for (i, s) in view.references.iter().enumerate() {
        let text = esc(&citation(s));
        let body = match source_link(s).filter(|l| l.starts_with("https://") || l.starts_with("http://")) {
            Some(link) => format!("<a href=\"{}\" rel=\"noreferrer\">{text}</a>", esc(&link)),
            None => text,
        };
        let _ = write!(out, "<li id=\"ref-{}\">{body}</li>", i + 1);
    }
    out.push_str("</ol></section>\n</main>\n</body>\n</html>\n");
    out
}
