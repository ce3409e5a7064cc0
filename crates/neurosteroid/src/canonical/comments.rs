//! Finding YAML comments and the node each one belongs to.
//!
//! A comment on its own line belongs to the next node (a mapping entry or a sequence item);
//! a comment after content belongs to the last node that starts on its line. Comments before
//! the first node stay at the top of the file, comments after the last one at the bottom.
//! Nodes are named by their JSON Pointer in the text as written, so that a comment follows
//! its node wherever the formatter moves it.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

use crate::diagnostic::pointer_push;

/// One comment of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    /// 1-based line.
    pub line: usize,
    /// Byte offset of `#` in the line.
    pub col: usize,
    /// The text from `#` to the end of the line, trailing blanks removed.
    pub text: String,
    /// True when only blanks precede it on its line.
    pub own_line: bool,
}

/// Finds the comments of YAML text: a `#` at the start of a line or after a blank, outside
/// quoted scalars and block scalars. `None` when a quoted scalar is never closed.
pub(crate) fn scan(text: &str) -> Option<Vec<Comment>> {
    let mut out = Vec::new();
    // Inside a quoted scalar that spans lines: its quote character.
    let mut open_quote: Option<u8> = None;
    // Inside a block scalar: the indentation of the line that opened it, and that of its
    // first line of content once seen.
    let mut block: Option<(usize, Option<usize>)> = None;
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let b = line.as_bytes();
        let indent = b.iter().take_while(|&&c| c == b' ').count();
        if let Some((parent, content)) = &mut block {
            if line.trim().is_empty() {
                continue;
            }
            // A line indented deeper than the opening line but less than the content is a
            // comment after the scalar (YAML's trailing comments), not part of it. With an
            // indentation indicator the content may start deeper than its indentation: a `#`
            // line between the two is then taken for a comment, the text without it reads
            // as another value, and the formatter refuses the file rather than lose a line.
            if indent > *parent && indent >= *content.get_or_insert(indent) {
                continue;
            }
            block = None;
        }
        let mut i = 0;
        let mut content_end = 0;
        let mut comment = None;
        while i < b.len() {
            let c = b[i];
            if let Some(q) = open_quote {
                if q == b'"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q {
                    if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    open_quote = None;
                }
                i += 1;
                content_end = i;
                continue;
            }
            match c {
                b'#' if i == 0 || matches!(b[i - 1], b' ' | b'\t') => {
                    comment = Some(i);
                    break;
                }
                b'"' | b'\'' if starts_scalar(b, i) => open_quote = Some(c),
                _ => {}
            }
            i += 1;
            content_end = i;
        }
        // The loop counts blanks as content; those at the end (before a comment) go here.
        let content = line[..content_end].trim_end();
        if open_quote.is_none() && is_block_indicator(content) {
            block = Some((indent, None));
        }
        if let Some(at) = comment {
            out.push(Comment {
                line: n + 1,
                col: at,
                text: line[at..].trim_end().to_owned(),
                own_line: content.trim().is_empty(),
            });
        }
    }
    if open_quote.is_some() { None } else { Some(out) }
}

/// A quote starts a quoted scalar only where a scalar may start (after `: `, `- `, `[`, `{`,
/// `,`, `? ` or at the start of the line); elsewhere (`it's`) it is part of a plain scalar.
fn starts_scalar(b: &[u8], i: usize) -> bool {
    let before = b[..i].iter().rev().find(|&&c| c != b' ' && c != b'\t');
    match before {
        None => true,
        Some(&c) => {
            matches!(c, b':' | b'-' | b'[' | b'{' | b',' | b'?')
                && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'[' | b'{' | b','))
        }
    }
}

/// `key: |`, `- >-`, `key: |2+` and the like: the next lines are a block scalar.
fn is_block_indicator(content: &str) -> bool {
    let last = content.rsplit([' ', '\t']).next().unwrap_or("");
    let mut chars = last.chars();
    matches!(chars.next(), Some('|' | '>')) && chars.all(|c| matches!(c, '+' | '-' | '1'..='9')) && {
        let head = content[..content.len() - last.len()].trim_end();
        head.is_empty() || head.ends_with(':') || head.ends_with('-')
    }
}

/// The text with every comment blanked out (same lines and columns).
pub(crate) fn without(text: &str, comments: &[Comment]) -> String {
    let by_line: HashMap<usize, usize> = comments.iter().map(|c| (c.line, c.col)).collect();
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match by_line.get(&(n + 1)) {
            Some(&col) => out.push_str(&line[..col]),
            None => out.push_str(line),
        }
    }
    out
}

/// The line where each node starts (a mapping entry at its key, a sequence item at its
/// value), in document order, named by JSON Pointer.
pub(crate) fn node_lines(text: &str) -> Vec<(usize, String)> {
    enum Frame {
        Seq(usize),
        Map(Option<String>),
    }
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    let pointer = |stack: &[Frame]| {
        let mut p = String::new();
        for f in stack {
            match f {
                Frame::Seq(i) => p = pointer_push(&p, &i.to_string()),
                Frame::Map(Some(k)) => p = pointer_push(&p, k),
                Frame::Map(None) => {}
            }
        }
        p
    };
    while let Ok((event, mark)) = parser.next_token() {
        let starts_node = matches!(
            event,
            Event::Scalar(..) | Event::Alias(..) | Event::SequenceStart(..) | Event::MappingStart(..)
        );
        if starts_node {
            match stack.last_mut() {
                Some(Frame::Map(key @ None)) => {
                    if let Event::Scalar(text, ..) = &event {
                        *key = Some(text.clone());
                        out.push((mark.line(), pointer(&stack)));
                        continue;
                    }
                }
                Some(Frame::Seq(_)) => out.push((mark.line(), pointer(&stack))),
                _ => {}
            }
        }
        let finished = match event {
            Event::StreamEnd => break,
            Event::SequenceStart(..) => {
                stack.push(Frame::Seq(0));
                false
            }
            Event::MappingStart(..) => {
                stack.push(Frame::Map(None));
                false
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                true
            }
            Event::Scalar(..) | Event::Alias(..) => true,
            _ => false,
        };
        if finished {
            match stack.last_mut() {
                Some(Frame::Seq(i)) => *i += 1,
                Some(Frame::Map(key)) => *key = None,
                None => {}
            }
        }
    }
    out
}

/// Comments attached to one node.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attached {
    /// Comment lines written before the node.
    pub leading: Vec<String>,
    /// Comments written after the node's first line.
    pub trailing: Vec<String>,
}

/// Every comment of a text, each attached to its node.
#[derive(Debug, Clone, Default)]
pub(crate) struct CommentMap {
    /// Before the first node.
    pub header: Vec<String>,
    /// After the last node.
    pub footer: Vec<String>,
    /// By the JSON Pointer of the node in the text as written.
    pub nodes: HashMap<String, Attached>,
}

impl CommentMap {
    /// Attaches the comments of `text` to its nodes. Comments before the first node belong
    /// to it unless a blank line separates them from it (a file header).
    pub(crate) fn attach(text: &str, comments: &[Comment], nodes: &[(usize, String)]) -> CommentMap {
        let lines: Vec<&str> = text.split('\n').collect();
        // The last blank line before the first node ends the header (with no node, every
        // comment is a footer and there is no header).
        let header_end = nodes.first().map_or(0, |&(first, _)| {
            (1..first)
                .rev()
                .find(|&l| lines.get(l - 1).is_some_and(|s| s.trim().is_empty()))
                .unwrap_or(0)
        });
        let mut map = CommentMap::default();
        for c in comments {
            if c.own_line {
                match nodes.iter().find(|(line, _)| *line > c.line) {
                    None => map.footer.push(c.text.clone()),
                    Some(_) if c.line < header_end => map.header.push(c.text.clone()),
                    Some((_, p)) => map.nodes.entry(p.clone()).or_default().leading.push(c.text.clone()),
                }
            } else {
                match nodes.iter().rev().find(|(line, _)| *line <= c.line) {
                    Some((_, p)) => map.nodes.entry(p.clone()).or_default().trailing.push(c.text.clone()),
                    None => map.header.push(c.text.clone()),
                }
            }
        }
        map
    }

    /// Takes the comments of a node (each comment is written once).
    pub(crate) fn take(&mut self, pointer: &str) -> Attached {
        self.nodes.remove(pointer).unwrap_or_default()
    }

    /// Every comment not yet taken, in pointer order, as lines.
    pub(crate) fn rest(&mut self) -> Vec<String> {
        let mut keys: Vec<String> = self.nodes.keys().cloned().collect();
        keys.sort();
        let mut out = Vec::new();
        for k in keys {
            if let Some(a) = self.nodes.remove(&k) {
                out.extend(a.leading);
                out.extend(a.trailing);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_but_not_hashes_in_content() {
        let text =
            "# top\na: 'x # not' # yes\nb: c#d\nb2: 'it''s' # quote\nc: |\n  # in block\nd: \"q\\\" # no\" # end\n";
        let found: Vec<String> = scan(text).unwrap().into_iter().map(|c| c.text).collect();
        assert_eq!(found, ["# top", "# yes", "# quote", "# end"]);
        // A quote after a space inside a plain scalar is text, as in `it's`.
        let found: Vec<String> = scan("e: it is 'x # real\n")
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(found, ["# real"]);
    }

    #[test]
    fn without_blanks_out_comments_and_keeps_lines_and_columns() {
        let text = "# top\na: 1 # one\nb: 'x # not'\n";
        assert_eq!(without(text, &scan(text).unwrap()), "\na: 1 \nb: 'x # not'\n");
        assert_eq!(without("a: 1", &[]), "a: 1");
    }

    #[test]
    fn a_block_scalar_ends_at_a_line_indented_less_than_its_content() {
        let found = |text: &str| -> Vec<String> { scan(text).unwrap().into_iter().map(|c| c.text).collect() };
        // Indented less than the content: a comment after the scalar.
        assert_eq!(found("a: |\n  x\n # after\nb: 1\n"), ["# after"]);
        assert_eq!(found("- >-\n    x\n\n   # after\n"), ["# after"]);
        // As deep as the content, or deeper: part of the scalar, even the first line.
        assert!(found("a: |\n  # x\n  # y\n    # z\n").is_empty());
        assert!(found("  a: |\n   x\n   # y\n").is_empty());
        // Back at the opening line's indentation: the block is over.
        assert_eq!(found("  a: |\n    x\n  # next\n  b: 1\n"), ["# next"]);
    }
}
