//! Writing an ordered tree as canonical YAML: block style, two-space indentation, sequences
//! indented under their key, strings plain where YAML reads them back as the same string and
//! double-quoted (JSON escapes) otherwise, comments where their nodes are.

use super::comments::CommentMap;
use super::node::Node;
use crate::diagnostic::pointer_push;

/// A node with the JSON Pointer it had in the text as written (after sorting, a list item
/// keeps the pointer of its original position, so its comments follow it).
#[derive(Debug, Clone)]
pub(crate) struct Tagged {
    pub orig: String,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Scalar(Node),
    Seq(Vec<Tagged>),
    Map(Vec<(String, Tagged)>),
}

impl Tagged {
    pub(crate) fn new(node: &Node, orig: String) -> Tagged {
        let kind = match node {
            Node::Seq(items) => Kind::Seq(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, n)| Tagged::new(n, pointer_push(&orig, &i.to_string())))
                    .collect(),
            ),
            Node::Map(entries) => Kind::Map(
                entries
                    .iter()
                    .map(|(k, n)| (k.clone(), Tagged::new(n, pointer_push(&orig, k))))
                    .collect(),
            ),
            scalar => Kind::Scalar(scalar.clone()),
        };
        Tagged { orig, kind }
    }

    /// The string value of a scalar, or of the `id` of a mapping: what lists sort by.
    pub(crate) fn sort_key(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar(Node::String(s)) => Some(s),
            Kind::Map(entries) => entries.iter().find(|(k, _)| k == "id").and_then(|(_, v)| v.sort_key()),
            _ => None,
        }
    }
}

/// Writes a document (a mapping at the root) as YAML text ending in a newline.
pub(crate) fn yaml(root: &Tagged, comments: &mut CommentMap) -> String {
    let mut out = String::new();
    let header = std::mem::take(&mut comments.header);
    for line in &header {
        out.push_str(line);
        out.push('\n');
    }
    if !header.is_empty() {
        out.push('\n');
    }
    match &root.kind {
        Kind::Map(entries) if !entries.is_empty() => map(&mut out, entries, 0, comments),
        Kind::Seq(items) if !items.is_empty() => seq(&mut out, items, 0, comments),
        _ => {
            out.push_str(&inline(root));
            out.push('\n');
        }
    }
    let mut rest = comments.rest();
    rest.append(&mut comments.footer);
    for line in rest {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn leading(out: &mut String, lines: &[String], indent: usize) {
    for l in lines {
        push_indent(out, indent);
        out.push_str(l);
        out.push('\n');
    }
}

fn trailing(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str("  ");
        out.push_str(l);
    }
}

fn push_indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn is_block(t: &Tagged) -> bool {
    match &t.kind {
        Kind::Seq(items) => !items.is_empty(),
        Kind::Map(entries) => !entries.is_empty(),
        Kind::Scalar(_) => false,
    }
}

fn inline(t: &Tagged) -> String {
    match &t.kind {
        Kind::Seq(_) => "[]".into(),
        Kind::Map(_) => "{}".into(),
        Kind::Scalar(n) => scalar(n),
    }
}

/// Mapping entries at `indent`; the first one's indentation is already written when
/// `first_inline` (a mapping that is a sequence item starts on the dash's line).
fn map_entries(out: &mut String, entries: &[(String, Tagged)], indent: usize, first_inline: bool, c: &mut CommentMap) {
    for (i, (key, value)) in entries.iter().enumerate() {
        let attached = c.take(&value.orig);
        if !(i == 0 && first_inline) {
            leading(out, &attached.leading, indent);
            push_indent(out, indent);
        } else if !attached.leading.is_empty() {
            // A comment before the first key of an item can only sit after it.
            out.push_str(&key_text(key));
            out.push(':');
            finish_entry(out, value, indent, c, &[attached.leading, attached.trailing].concat());
            continue;
        }
        out.push_str(&key_text(key));
        out.push(':');
        finish_entry(out, value, indent, c, &attached.trailing);
    }
}

fn finish_entry(out: &mut String, value: &Tagged, indent: usize, c: &mut CommentMap, trail: &[String]) {
    if is_block(value) {
        trailing(out, trail);
        out.push('\n');
        match &value.kind {
            Kind::Map(entries) => map_entries(out, entries, indent + 2, false, c),
            Kind::Seq(items) => seq(out, items, indent + 2, c),
            Kind::Scalar(_) => {}
        }
    } else {
        out.push(' ');
        out.push_str(&inline(value));
        trailing(out, trail);
        out.push('\n');
    }
}

fn map(out: &mut String, entries: &[(String, Tagged)], indent: usize, c: &mut CommentMap) {
    map_entries(out, entries, indent, false, c);
}

fn seq(out: &mut String, items: &[Tagged], indent: usize, c: &mut CommentMap) {
    for item in items {
        let attached = c.take(&item.orig);
        // What an item holds is indented past its dash.
        let within = indent + 2;
        leading(out, &attached.leading, indent);
        push_indent(out, indent);
        out.push('-');
        match &item.kind {
            Kind::Map(entries) if !entries.is_empty() => {
                // (A comment on the dash's line is attached to the parent key, not the item,
                // so `trailing` is empty here for text that came through `node_lines`.)
                if attached.trailing.is_empty() {
                    out.push(' ');
                    map_entries(out, entries, within, true, c);
                } else {
                    trailing(out, &attached.trailing);
                    out.push('\n');
                    map_entries(out, entries, within, false, c);
                }
            }
            Kind::Seq(inner) if !inner.is_empty() => {
                trailing(out, &attached.trailing);
                out.push('\n');
                seq(out, inner, within, c);
            }
            _ => {
                out.push(' ');
                out.push_str(&inline(item));
                trailing(out, &attached.trailing);
                out.push('\n');
            }
        }
    }
}

fn key_text(key: &str) -> String {
    if plain_ok(key) { key.to_owned() } else { quoted(key) }
}

/// A scalar as YAML text.
pub(crate) fn scalar(node: &Node) -> String {
    match node {
        Node::Null => "null".into(),
        Node::Bool(b) => b.to_string(),
        Node::Number(n) => n.to_string(),
        Node::String(s) if plain_ok(s) => s.clone(),
        Node::String(s) => quoted(s),
        Node::Seq(_) => "[]".into(),
        Node::Map(_) => "{}".into(),
    }
}

fn quoted(s: &str) -> String {
    // JSON string escapes are valid YAML double-quoted escapes.
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}

/// True when the string, written plain, reads back as the same string (and nothing else).
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.starts_with(' ') || s.ends_with(' ') || s.ends_with(':') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ")
        || s.contains(" #")
        || s.chars()
            .any(|c| c.is_control() || c == '\u{feff}' || c == '\u{85}' || c == '\u{2028}' || c == '\u{2029}')
    {
        return false;
    }
    // Words and numbers that YAML would read as something other than a string.
    if crate::parse::plain_scalar_is_string(s) {
        return !matches!(
            s,
            "y" | "Y"
                | "n"
                | "N"
                | "yes"
                | "Yes"
                | "YES"
                | "no"
                | "No"
                | "NO"
                | "on"
                | "On"
                | "ON"
                | "off"
                | "Off"
                | "OFF"
        );
    }
    false
}
