//! Pathway diagrams: Mermaid, Graphviz DOT, an inline SVG, and a node-link JSON graph
//! (NetworkX's `node_link_data` shape). Labels are escaped for each syntax.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::query::{Route, RouteStep};

/// The label of a step's arrow: activity, EC number, isoforms.
pub fn step_label(step: &RouteStep<'_>) -> String {
    let ec = step.ec_numbers();
    let iso: Vec<&str> = step.isoforms.iter().map(|g| g.symbol.as_str()).collect();
    let mut label = step.enzyme.name.to_string();
    if !ec.is_empty() {
        label.push_str(&format!(" ({})", ec.join(", ")));
    }
    if !iso.is_empty() {
        label.push_str(&format!(": {}", iso.join(", ")));
    }
    label
}

fn mermaid_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' => "#quot;".to_owned(),
            '<' => "#lt;".to_owned(),
            '>' => "#gt;".to_owned(),
            '#' => "#35;".to_owned(),
            // `%%{init: ...}%%` directives are honoured anywhere in the text, and backticks
            // start Markdown strings: neither may come from the data.
            '%' => "#37;".to_owned(),
            '`' => "#96;".to_owned(),
            '{' => "#123;".to_owned(),
            '}' => "#125;".to_owned(),
            '\n' | '\r' => " ".to_owned(),
            // Controls, and the two non-characters that make Mermaid's SVG ill-formed XML.
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => String::new(),
            c => c.to_string(),
        })
        .collect()
}

/// The route as a Mermaid flowchart.
pub fn mermaid(route: &Route<'_>) -> String {
    let mut out = String::from("flowchart TD\n");
    let compounds = route.compounds();
    for (i, c) in compounds.iter().enumerate() {
        let _ = writeln!(out, "  n{i}[\"{}\"]", mermaid_text(c.name.as_str()));
    }
    for (i, step) in route.steps.iter().enumerate() {
        let _ = writeln!(out, "  n{i} -->|\"{}\"| n{}", mermaid_text(&step_label(step)), i + 1);
    }
    out
}

fn dot_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            // Controls, and the two non-characters that make Graphviz's SVG ill-formed XML.
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The route as a Graphviz DOT digraph.
pub fn dot(route: &Route<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "digraph \"{}\" {{",
        dot_text(&format!("biosynthesis of {}", route.target.name))
    );
    let _ = writeln!(
        out,
        "  rankdir=TB;\n  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];"
    );
    for c in route.compounds() {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\"];",
            dot_text(c.id.as_str()),
            dot_text(c.name.as_str())
        );
    }
    for step in &route.steps {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{}];",
            dot_text(step.substrate.id.as_str()),
            dot_text(step.product.id.as_str()),
            dot_text(&step_label(step)),
            if step.reaction.rate_limiting {
                ", penwidth=2"
            } else {
                ""
            }
        );
    }
    out.push_str("}\n");
    out
}

/// The route as a node-link graph, the shape of NetworkX's `node_link_data`
/// (`nx.node_link_graph(data, edges="edges")` reads it).
pub fn node_link(route: &Route<'_>) -> Value {
    json!({
        "directed": true,
        "multigraph": false,
        "graph": {"name": format!("biosynthesis of {}", route.target.name), "target": route.target.id.as_str()},
        "nodes": route.compounds().iter().map(|c| json!({
            "id": c.id.as_str(),
            "name": c.name.as_str(),
            "kind": "compound",
            "identifiers": c.identifiers.iter().map(ToString::to_string).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "edges": route.steps.iter().map(|s| json!({
            "source": s.substrate.id.as_str(),
            "target": s.product.id.as_str(),
            "reaction": s.reaction.id.as_str(),
            "enzyme": s.enzyme.id.as_str(),
            "enzyme_name": s.enzyme.name.as_str(),
            "ec": s.ec_numbers(),
            "isoforms": s.isoforms.iter().map(|g| g.symbol.as_str()).collect::<Vec<_>>(),
            "rate_limiting": s.reaction.rate_limiting,
        })).collect::<Vec<_>>(),
    })
}

/// Escapes text for HTML and XML (element content and quoted attributes).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            // Not characters in XML 1.0: a parser must reject a document holding them.
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits a label into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The route as an inline SVG: compounds as boxes down the page, each arrow labelled with
/// its enzyme activity, EC number and isoforms.
pub fn svg(route: &Route<'_>) -> String {
    const BOX_W: usize = 260;
    const BOX_H: usize = 44;
    const GAP: usize = 70;
    const X: usize = 20;
    let compounds = route.compounds();
    let height = compounds.len() * BOX_H + compounds.len().saturating_sub(1) * GAP + 40;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pathway\" role=\"img\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\" aria-labelledby=\"pathway-title\">\
<title id=\"pathway-title\">{}</title>\
<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>",
        xml_escape(&format!("Biosynthesis of {}", route.target.name))
    );
    for (i, c) in compounds.iter().enumerate() {
        let y = 20 + i * (BOX_H + GAP);
        let class = if c.id == route.target.id { "node target" } else { "node" };
        let _ = write!(
            out,
            "<g class=\"{class}\" data-id=\"{}\"><rect x=\"{X}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"10\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            xml_escape(c.id.as_str()),
            X + BOX_W / 2,
            y + BOX_H / 2 + 5,
            xml_escape(&c.name.as_str().chars().take(34).collect::<String>())
        );
    }
    for (i, step) in route.steps.iter().enumerate() {
        let y1 = 20 + i * (BOX_H + GAP) + BOX_H;
        let y2 = y1 + GAP;
        let x = X + BOX_W / 2;
        let class = if step.reaction.rate_limiting {
            "step rate-limiting"
        } else {
            "step"
        };
        let _ = write!(
            out,
            "<g class=\"{class}\"><line x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{}\" marker-end=\"url(#arrow)\"/>",
            y2 - 2
        );
        let mut lines = wrap(&step_label(step), 60);
        if step.reaction.rate_limiting {
            lines.push("rate-limiting step".to_owned());
        }
        for (j, l) in lines.iter().take(3).enumerate() {
            let _ = write!(
                out,
                "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>",
                x + 14,
                y1 + 22 + j * 15,
                xml_escape(l)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}
