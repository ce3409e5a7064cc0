//! Pathway diagrams: Mermaid, Graphviz DOT, an inline SVG, and a node-link JSON graph
//! (NetworkX's `node_link_data` shape). Each draws a [`Network`]: the route to a compound,
//! with its branches (other steps from and into the route's compounds) drawn apart — dashed
//! in Mermaid and DOT, `on_route: false` in node-link, numbered in the SVG with a legend.
//! Labels are escaped for each syntax.

use std::fmt::Write;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{Value, json};

use super::escape::xml_escape;
use crate::network::Network;
use crate::query::RouteStep;

/// The label of a step's arrow: activity, EC number, isoforms.
pub(crate) fn step_label(step: &RouteStep<'_>) -> String {
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

/// The network as a Mermaid flowchart: route steps as arrows, branches as dotted arrows.
pub(crate) fn mermaid(net: &Network<'_>) -> String {
    let mut out = String::from("flowchart TD\n");
    let compounds = net.compounds();
    // Node numbers by id: one look-up per arrow, not a scan of every node (a long route
    // would make the diagram quadratic).
    let numbers: rustc_hash::FxHashMap<&str, usize> = compounds
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let at = |id: &str| numbers.get(id).copied().unwrap_or(0);
    for (i, c) in compounds.iter().enumerate() {
        let _ = writeln!(out, "  n{i}[\"{}\"]", mermaid_text(c.name.as_str()));
    }
    for (step, on_route) in steps(net) {
        let _ = writeln!(
            out,
            "  n{} {}|\"{}\"| n{}",
            at(step.substrate.id.as_str()),
            if on_route { "-->" } else { "-.->" },
            mermaid_text(&step_label(step)),
            at(step.product.id.as_str())
        );
    }
    out
}

/// Every step of the network with whether it is on the route: the route's first.
fn steps<'n, 'a>(net: &'n Network<'a>) -> impl Iterator<Item = (&'n RouteStep<'a>, bool)> {
    net.route
        .steps
        .iter()
        .map(|s| (s, true))
        .chain(net.branches.iter().map(|s| (s, false)))
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

/// The network as a Graphviz DOT digraph: route steps solid, branches dashed.
pub(crate) fn dot(net: &Network<'_>) -> String {
    let route = &net.route;
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
    let on_route = route.compounds().len();
    for (i, c) in net.compounds().iter().enumerate() {
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\"{}];",
            dot_text(c.id.as_str()),
            dot_text(c.name.as_str()),
            if i < on_route { "" } else { ", style=\"rounded,dashed\"" }
        );
    }
    for (step, on) in steps(net) {
        let mut attrs = String::new();
        if step.reaction.rate_limiting {
            attrs.push_str(", penwidth=2");
        }
        if !on {
            attrs.push_str(", style=dashed");
        }
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{attrs}];",
            dot_text(step.substrate.id.as_str()),
            dot_text(step.product.id.as_str()),
            dot_text(&step_label(step)),
        );
    }
    out.push_str("}\n");
    out
}

/// The network as a node-link graph, the shape of NetworkX's `node_link_data`
/// (`nx.node_link_graph(data, edges="edges")` reads it); `on_route` tells the route's
/// nodes and edges from the branches.
pub(crate) fn node_link(net: &Network<'_>) -> Value {
    let route = &net.route;
    let on_route = route.compounds().len();
    json!({
        "directed": true,
        "multigraph": false,
        "graph": {"name": format!("biosynthesis of {}", route.target.name), "target": route.target.id.as_str()},
        "nodes": net.compounds().iter().enumerate().map(|(i, c)| json!({
            "id": c.id.as_str(),
            "name": c.name.as_str(),
            "kind": "compound",
            "identifiers": c.identifiers.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "on_route": i < on_route,
        })).collect::<Vec<_>>(),
        "edges": steps(net).map(|(s, on)| json!({
            "source": s.substrate.id.as_str(),
            "target": s.product.id.as_str(),
            "reaction": s.reaction.id.as_str(),
            "enzyme": s.enzyme.id.as_str(),
            "enzyme_name": s.enzyme.name.as_str(),
            "ec": s.ec_numbers(),
            "isoforms": s.isoforms.iter().map(|g| g.symbol.as_str()).collect::<Vec<_>>(),
            "rate_limiting": s.reaction.rate_limiting,
            "on_route": on,
        })).collect::<Vec<_>>(),
    })
}

/// One compound as a labelled box of an SVG diagram (the name cut to `chars` characters).
fn svg_box(
    out: &mut String,
    class: &str,
    c: &crate::model::Compound,
    (x, y): (usize, usize),
    (w, h): (usize, usize),
    chars: usize,
) {
    let _ = write!(
        out,
        "<g class=\"{class}\" data-id=\"{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"10\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
        xml_escape(c.id.as_str()),
        x + w / 2,
        y + h / 2 + 5,
        xml_escape(&c.name.as_str().chars().take(chars).collect::<String>())
    );
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

/// Where each compound of a network is drawn: `(column, row)`. The route runs down column
/// 0, a row per compound; a branch's compound goes one row below the compound it comes from
/// (one row above the compound it leads into), in the first free column of that row, so
/// that no two boxes share a cell.
fn layout<'a>(net: &Network<'a>) -> HashMap<&'a str, (usize, usize)> {
    let mut pos: HashMap<&'a str, (usize, usize)> = HashMap::default();
    let mut used: HashSet<(usize, usize)> = HashSet::default();
    for (i, c) in net.compounds().into_iter().take(net.route.steps.len() + 1).enumerate() {
        pos.insert(c.id.as_str(), (0, i));
        used.insert((0, i));
    }
    let mut place = |id: &'a str, row: usize, pos: &mut HashMap<&'a str, (usize, usize)>| {
        let mut col = 1;
        while used.contains(&(col, row)) {
            col += 1;
        }
        used.insert((col, row));
        pos.insert(id, (col, row));
        row
    };
    for s in &net.branches {
        let (sub, prod) = (s.substrate.id.as_str(), s.product.id.as_str());
        match (pos.get(sub).copied(), pos.get(prod).copied()) {
            (Some(_), Some(_)) => {}
            (Some((_, r)), None) => {
                place(prod, r + 1, &mut pos);
            }
            (None, Some((_, r))) => {
                place(sub, r.saturating_sub(1), &mut pos);
            }
            (None, None) => {
                let r = place(sub, 0, &mut pos);
                place(prod, r + 1, &mut pos);
            }
        }
    }
    pos
}

/// The network as an inline SVG. A route alone is drawn down the page, each arrow labelled
/// with its enzyme activity, EC number and isoforms. A route with branches is drawn in
/// rows (the route down the left column, each branch compound one row below the compound it
/// comes from), every arrow numbered — route arrows solid, branch arrows dashed — with the
/// numbered steps listed under the picture, so that no label crosses an arrow.
pub(crate) fn svg(net: &Network<'_>) -> String {
    if net.branches.is_empty() {
        svg_chain(net)
    } else {
        svg_network(net)
    }
}

fn svg_open(out: &mut String, net: &Network<'_>, class: &str, width: usize, height: usize) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-labelledby=\"pathway-title\">\
<title id=\"pathway-title\">{}</title>\
<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>",
        xml_escape(&format!("Biosynthesis of {}", net.route.target.name))
    );
}

fn svg_network(net: &Network<'_>) -> String {
    const BOX_W: usize = 214;
    const BOX_H: usize = 44;
    const ROW: usize = 100;
    const COL: usize = 244;
    const X: usize = 20;
    const LEGEND_LINE: usize = 18;
    let route = &net.route;
    let pos = layout(net);
    let rows = pos.values().map(|(_, r)| r + 1).max().unwrap_or(1);
    let cols = pos.values().map(|(c, _)| c + 1).max().unwrap_or(1);
    let all: Vec<(&RouteStep<'_>, bool)> = steps(net).collect();
    let diagram_h = 20 + rows * ROW;
    let height = diagram_h + all.len() * LEGEND_LINE + 10;
    let width = (X + cols * COL).max(760);
    let mut out = String::new();
    svg_open(&mut out, net, "pathway network", width, height);
    let cell = |(c, r): (usize, usize)| (X + c * COL, 20 + r * ROW);
    for c in net.compounds() {
        let Some(&at) = pos.get(c.id.as_str()) else { continue };
        let (x, y) = cell(at);
        let class = if c.id == route.target.id {
            "node target"
        } else if at.0 == 0 {
            "node"
        } else {
            "node branch"
        };
        svg_box(&mut out, class, c, (x, y), (BOX_W, BOX_H), 28);
    }
    for (n, (step, on_route)) in all.iter().enumerate() {
        let (Some(&a), Some(&b)) = (pos.get(step.substrate.id.as_str()), pos.get(step.product.id.as_str())) else {
            continue;
        };
        let ((ax, ay), (bx, by)) = (cell(a), cell(b));
        let (x1, y1, x2, y2) = match b.1.cmp(&a.1) {
            std::cmp::Ordering::Greater => (ax + BOX_W / 2, ay + BOX_H, bx + BOX_W / 2, by - 2),
            std::cmp::Ordering::Less => (ax + BOX_W / 2, ay, bx + BOX_W / 2, by + BOX_H + 2),
            std::cmp::Ordering::Equal if b.0 > a.0 => (ax + BOX_W, ay + BOX_H / 2, bx - 2, by + BOX_H / 2),
            std::cmp::Ordering::Equal => (ax, ay + BOX_H / 2, bx + BOX_W + 2, by + BOX_H / 2),
        };
        let mut class = String::from(if *on_route { "step" } else { "step branch" });
        if step.reaction.rate_limiting {
            class.push_str(" rate-limiting");
        }
        let dash = if *on_route { "" } else { " stroke-dasharray=\"5 4\"" };
        let (mx, my) = ((x1 + x2) / 2, (y1 + y2) / 2);
        let _ = write!(
            out,
            "<g class=\"{class}\"><line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#555\"{dash} marker-end=\"url(#arrow)\"/>\
<circle class=\"badge\" cx=\"{mx}\" cy=\"{my}\" r=\"10\" fill=\"#fff\" stroke=\"#777\"/><text class=\"label\" x=\"{mx}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            my + 4,
            n + 1
        );
    }
    for (n, (step, on_route)) in all.iter().enumerate() {
        let mut line = format!(
            "{}. {} → {}: {}",
            n + 1,
            step.substrate.name,
            step.product.name,
            step_label(step)
        );
        if !on_route {
            line.push_str(" (branch)");
        }
        let _ = write!(
            out,
            "<text class=\"label legend\" x=\"{X}\" y=\"{}\">{}</text>",
            diagram_h + 10 + n * LEGEND_LINE,
            xml_escape(&line.chars().take(150).collect::<String>())
        );
    }
    out.push_str("</svg>");
    out
}

/// A route alone: compounds as boxes down the page, each arrow labelled with its enzyme
/// activity, EC number and isoforms.
fn svg_chain(net: &Network<'_>) -> String {
    const BOX_W: usize = 260;
    const BOX_H: usize = 44;
    const GAP: usize = 70;
    const X: usize = 20;
    let route = &net.route;
    let compounds = route.compounds();
    let height = compounds.len() * BOX_H + compounds.len().saturating_sub(1) * GAP + 40;
    let mut out = String::new();
    svg_open(&mut out, net, "pathway", 760, height);
    for (i, c) in compounds.iter().enumerate() {
        let y = 20 + i * (BOX_H + GAP);
        let class = if c.id == route.target.id { "node target" } else { "node" };
        svg_box(&mut out, class, c, (X, y), (BOX_W, BOX_H), 34);
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

#[cfg(test)]
mod tests {
    use super::{dot_text, layout, mermaid_text, wrap};
    use crate::{KnowledgeBase, Network};

    /// A branch neither of whose compounds is drawn yet (a network put together by hand)
    /// goes off the route's first free column with its product one row below its substrate.
    #[test]
    fn a_branch_off_nothing_drawn_goes_down_the_page() {
        let kb = KnowledgeBase::embedded().unwrap_or_else(|e| unreachable!("{e}"));
        let full = kb
            .network("allopregnanolone", 3)
            .unwrap_or_else(|e| unreachable!("{e}"));
        let on_route: Vec<&str> = full.route.compounds().iter().map(|c| c.id.as_str()).collect();
        let off = full
            .branches
            .iter()
            .find(|s| !on_route.contains(&s.substrate.id.as_str()) && !on_route.contains(&s.product.id.as_str()))
            .unwrap_or_else(|| unreachable!("no branch off the route"));
        let alone = Network {
            route: full.route.clone(),
            branches: vec![off.clone()],
        };
        let pos = layout(&alone);
        let (sub, prod) = (pos[off.substrate.id.as_str()], pos[off.product.id.as_str()]);
        assert_eq!((sub, prod), ((1, 0), (1, 1)));
    }

    #[test]
    fn mermaid_text_escapes_markup_and_drops_what_mermaid_can_not_hold() {
        assert_eq!(
            mermaid_text("a\"b<c>d#e%f`g{h}i\nj\rk\u{1}l\u{7f}m\u{85}n\u{fffe}o\u{ffff}p α"),
            "a#quot;b#lt;c#gt;d#35;e#37;f#96;g#123;h#125;i j klmnop α"
        );
    }

    #[test]
    fn dot_text_escapes_quotes_and_drops_what_graphviz_can_not_hold() {
        assert_eq!(
            dot_text("a\"b\\c\nd\re\u{1}f\u{7f}g\u{fffe}h\u{ffff}i α"),
            "a\\\"b\\\\c\\nd\\nefghi α"
        );
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        // Exactly the width fits; one more character does not.
        assert_eq!(wrap("aaa bbbb", 8), ["aaa bbbb"]);
        assert_eq!(wrap("aaa bbbbb", 8), ["aaa", "bbbbb"]);
        // A word longer than the width is cut; runs of spaces count as one.
        assert_eq!(wrap("abcdefghij  k", 4), ["abcd", "k"]);
        assert_eq!(wrap("αβγ δε", 6), ["αβγ δε"]);
        assert_eq!(wrap("   ", 5), Vec::<String>::new());
    }
}
