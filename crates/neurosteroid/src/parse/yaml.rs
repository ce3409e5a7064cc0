//! YAML text to a `serde_json::Value`: YAML 1.2 core-schema scalars, one document, aliases
//! expanded within a node budget (so "billion laughs" is a `limit` diagnostic, not an
//! out-of-memory), duplicate keys and non-JSON values (tags, `.nan`, non-string keys) rejected.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Number, Value};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::Limits;

/// The pointers whose positions are wanted, where their values were found, and where their
/// keys were found (the parser's character marks).
type Want<'w> = Option<(
    &'w HashMap<&'w str, ()>,
    &'w mut HashMap<String, usize>,
    &'w mut HashMap<String, usize>,
)>;
use crate::diagnostic::{Code, Diagnostic, Location, pointer_push};

/// A node of the tree being built. Nodes live in an arena and refer to each other by index,
/// so an anchor is a number, not a copy: aliases share the anchored node until the tree is
/// turned into a `Value`, where every node made (aliases included) is charged to the budget.
enum Node {
    Scalar(Value),
    Seq(Vec<u32>),
    Map(Vec<(String, u32)>),
}

enum Frame {
    Seq {
        items: Vec<u32>,
        anchor: usize,
        /// Nodes in the finished subtree, aliases expanded.
        size: usize,
    },
    Map {
        entries: Vec<(String, u32)>,
        /// The keys seen, once the mapping is large enough for a hash set to pay (small
        /// mappings, the common case, are searched directly: no set per mapping).
        keys: Option<HashSet<String>>,
        key: Option<String>,
        anchor: usize,
        size: usize,
    },
}

struct Builder<'w> {
    stack: Vec<Frame>,
    nodes: Vec<Node>,
    /// Anchor id → the node it names (no copy).
    anchors: HashMap<usize, (u32, usize)>,
    /// Nodes that expanding aliases will create so far.
    alias_nodes: usize,
    root: Option<u32>,
    diags: Vec<Diagnostic>,
    want: Want<'w>,
    /// Only positions are wanted: scalars are not kept.
    locate_only: bool,
    /// A mapping just started: its position is its first key's (a block mapping's start
    /// event is marked after that key), or this start mark if it has no key.
    map_start: Option<usize>,
}

fn mark_loc(m: &Marker) -> Location {
    Location {
        line: m.line(),
        column: m.col() + 1,
    }
}

impl Builder<'_> {
    fn pointer(&self) -> String {
        let mut p = String::new();
        for f in &self.stack {
            match f {
                Frame::Seq { items, .. } => p = pointer_push(&p, &items.len().to_string()),
                Frame::Map { key: Some(k), .. } => p = pointer_push(&p, k),
                Frame::Map { key: None, .. } => {}
            }
        }
        p
    }

    fn error(&mut self, code: Code, mark: &Marker, message: String, hint: &str) {
        let mut d = Diagnostic::error(code, self.pointer(), message).with_hint(hint);
        d.location = Some(mark_loc(mark));
        self.diags.push(d);
    }

    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }

    fn record_position(&mut self, mark: &Marker) {
        self.record_at(mark.index());
    }

    fn record_at(&mut self, index: usize) {
        if self.want.is_some() {
            let p = self.pointer();
            if let Some((wanted, found, _)) = self.want.as_mut() {
                if wanted.contains_key(p.as_str()) {
                    found.entry(p).or_insert(index);
                }
            }
        }
    }

    /// Records where a wanted pointer's key starts (`key` is the key just read in the
    /// mapping on top of the stack).
    fn record_key(&mut self, key: &str, mark: &Marker) {
        if self.want.is_some() {
            let p = pointer_push(&self.pointer(), key);
            if let Some((wanted, _, keys)) = self.want.as_mut() {
                if wanted.contains_key(p.as_str()) {
                    keys.entry(p).or_insert(mark.index());
                }
            }
        }
    }

    fn alloc(&mut self, node: Node) -> u32 {
        // The arena holds at most one node per event of a text under `Limits::max_bytes`.
        let id = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        self.nodes.push(node);
        id
    }

    /// Adds a finished node to its parent (or makes it the root).
    fn push_node(&mut self, node: u32, size: usize, anchor: usize, mark: &Marker) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node, size));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, size: s, .. }) => {
                items.push(node);
                *s = s.saturating_add(size);
            }
            Some(Frame::Map {
                entries,
                keys,
                key,
                size: s,
                ..
            }) => {
                *s = s.saturating_add(size);
                let k = key.take().unwrap_or_default();
                const SCAN: usize = 16;
                let fresh = match keys {
                    Some(set) => set.insert(k.clone()),
                    None if entries.len() < SCAN => !entries.iter().any(|(e, _)| *e == k),
                    None => {
                        let mut set: HashSet<String> = entries.iter().map(|(e, _)| e.clone()).collect();
                        let fresh = set.insert(k.clone());
                        *keys = Some(set);
                        fresh
                    }
                };
                if fresh {
                    entries.push((k, node));
                } else {
                    let p = pointer_push(&self.pointer(), &k);
                    let mut d =
                        Diagnostic::error(Code::DuplicateKey, p, "this key appears more than once in its mapping")
                            .with_hint("remove or rename one of the duplicates");
                    d.location = Some(mark_loc(mark));
                    self.diags.push(d);
                }
            }
        }
    }

    /// Turns the arena into a `Value`, copying aliased nodes; iterative, so neither a deep
    /// tree nor a long alias chain can exhaust the stack.
    fn into_value(mut self, root: u32, max_depth: usize) -> Result<Value, Diagnostic> {
        enum Work {
            /// A node, its depth, and whether it is reached through an aliased node (and so
            /// must be copied, since it will be reached again).
            Visit(u32, usize, bool),
            Seq(usize),
            Map(Vec<String>),
        }
        let shared: Vec<bool> = {
            let mut seen = vec![0u8; self.nodes.len()];
            for n in &self.nodes {
                match n {
                    Node::Seq(items) => items
                        .iter()
                        .for_each(|&i| seen[i as usize] = seen[i as usize].saturating_add(1)),
                    Node::Map(entries) => entries
                        .iter()
                        .for_each(|&(_, i)| seen[i as usize] = seen[i as usize].saturating_add(1)),
                    Node::Scalar(_) => {}
                }
            }
            seen.into_iter().map(|c| c > 1).collect()
        };
        let mut work = vec![Work::Visit(root, 0, false)];
        let mut out: Vec<Value> = Vec::new();
        while let Some(w) = work.pop() {
            match w {
                Work::Visit(i, depth, inside_shared) => {
                    let copy = inside_shared || shared[i as usize];
                    let node = if copy {
                        // Reached more than once (aliased, or inside an aliased node): copy
                        // it, and leave it in place for the next reference.
                        match &self.nodes[i as usize] {
                            Node::Scalar(v) => Node::Scalar(v.clone()),
                            Node::Seq(items) => Node::Seq(items.clone()),
                            Node::Map(entries) => Node::Map(entries.clone()),
                        }
                    } else {
                        std::mem::replace(&mut self.nodes[i as usize], Node::Scalar(Value::Null))
                    };
                    match node {
                        Node::Scalar(v) => out.push(v),
                        Node::Seq(_) | Node::Map(_) if depth >= max_depth => {
                            return Err(Diagnostic::error(
                                Code::Limit,
                                "",
                                format!(
                                    "expanding the YAML aliases nests collections more than {max_depth} levels deep"
                                ),
                            )
                            .with_hint("write the repeated node out, or flatten the document"));
                        }
                        Node::Seq(items) => {
                            work.push(Work::Seq(items.len()));
                            work.extend(items.into_iter().rev().map(|i| Work::Visit(i, depth + 1, copy)));
                        }
                        Node::Map(entries) => {
                            let (keys, ids): (Vec<String>, Vec<u32>) = entries.into_iter().unzip();
                            work.push(Work::Map(keys));
                            work.extend(ids.into_iter().rev().map(|i| Work::Visit(i, depth + 1, copy)));
                        }
                    }
                }
                Work::Seq(n) => {
                    let items = out.split_off(out.len() - n);
                    out.push(Value::Array(items));
                }
                Work::Map(keys) => {
                    let values = out.split_off(out.len() - keys.len());
                    out.push(Value::Object(
                        keys.into_iter().zip(values).collect::<Map<String, Value>>(),
                    ));
                }
            }
        }
        Ok(out.pop().unwrap_or(Value::Null))
    }

    fn scalar(&mut self, text: String, style: TScalarStyle, tag: Option<&Tag>, mark: &Marker) -> Option<Value> {
        match tag.map(tag_name).as_deref() {
            None => {}
            Some("!!str") => return Some(Value::String(text)),
            Some("!!null" | "!!bool" | "!!int" | "!!float") => {}
            Some(other) => {
                self.error(
                    Code::Type,
                    mark,
                    format!("the YAML tag `{other}` is not supported"),
                    "remove the tag; documents hold plain JSON values",
                );
                return None;
            }
        }
        if style != TScalarStyle::Plain {
            return Some(Value::String(text));
        }
        let resolved = resolve_plain(&text);
        match resolved {
            Plain::Value(v) => Some(v),
            Plain::NonFinite => {
                self.error(
                    Code::Type,
                    mark,
                    format!("`{text}` (NaN or infinity) has no JSON equivalent"),
                    "use a finite number",
                );
                None
            }
        }
    }

    fn start_collection(&mut self, frame: Frame, tag: Option<&Tag>, mark: &Marker) {
        if let Some(t) = tag {
            let name = tag_name(t);
            if !matches!(name.as_str(), "!!map" | "!!seq") {
                self.error(
                    Code::Type,
                    mark,
                    format!("the YAML tag `{name}` is not supported"),
                    "remove the tag",
                );
            }
        }
        self.stack.push(frame);
    }
}

/// A tag as YAML's short form writes it: `!!str` for the core schema's `str`, however it
/// was written (`!!str`, or verbatim `!<tag:yaml.org,2002:str>`: the parser resolves the `!!`
/// handle to the core schema's prefix), any other tag as written.
fn tag_name(t: &Tag) -> String {
    let full = format!("{}{}", t.handle, t.suffix);
    match full.strip_prefix("tag:yaml.org,2002:") {
        Some(core) => format!("!!{core}"),
        None => full,
    }
}

enum Plain {
    Value(Value),
    NonFinite,
}

fn resolve_plain(s: &str) -> Plain {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Value(Value::Null),
        "true" | "True" | "TRUE" => return Plain::Value(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Plain::Value(Value::Bool(false)),
        ".nan" | ".NaN" | ".NAN" | ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf"
        | "-.INF" => {
            return Plain::NonFinite;
        }
        _ => {}
    }
    let digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits(unsigned.as_bytes()) {
        if let Ok(i) = s.parse::<i64>() {
            return Plain::Value(Value::from(i));
        }
        if let Ok(u) = s.trim_start_matches('+').parse::<u64>() {
            return Plain::Value(Value::from(u));
        }
    }
    if let Some(hex) = s.strip_prefix("0x") {
        if let Ok(u) = u64::from_str_radix(hex, 16) {
            return Plain::Value(Value::from(u));
        }
    }
    if let Some(oct) = s.strip_prefix("0o") {
        if let Ok(u) = u64::from_str_radix(oct, 8) {
            return Plain::Value(Value::from(u));
        }
    }
    // Rust reads as a float decimal text (digits, `.`, `e`, signs) and the words `inf`,
    // `infinity` and `nan`, which hold no digit (YAML writes those `.inf` and `.nan`, above).
    if s.bytes().any(|b| b.is_ascii_digit()) {
        if let Ok(f) = s.parse::<f64>() {
            return match Number::from_f64(f) {
                Some(n) => Plain::Value(Value::Number(n)),
                None => Plain::NonFinite,
            };
        }
    }
    Plain::Value(Value::String(s.to_owned()))
}

/// True when a plain (unquoted) scalar with this text reads as this string, not as a null,
/// boolean or number.
pub(crate) fn plain_is_string(s: &str) -> bool {
    matches!(resolve_plain(s), Plain::Value(Value::String(_)))
}

fn run<'w>(text: &str, limits: &Limits, want: Want<'w>) -> Result<Value, Vec<Diagnostic>> {
    let mut parser = Parser::new_from_str(text);
    let locate_only = want.is_some();
    let mut b = Builder {
        stack: Vec::new(),
        nodes: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        root: None,
        diags: Vec::new(),
        want,
        locate_only,
        map_start: None,
    };
    let mut documents = 0usize;
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(x) => x,
            Err(e) => {
                let mut d = if e.info().contains("recursion limit") {
                    Diagnostic::error(Code::Limit, b.pointer(), "YAML flow collections are nested too deeply")
                        .with_hint("flatten the document; knowledge-base documents need fewer than 10 levels")
                } else {
                    Diagnostic::error(Code::Syntax, b.pointer(), format!("YAML syntax error: {}", e.info()))
                        .with_hint("fix the YAML syntax at the position shown")
                };
                d.location = Some(mark_loc(e.marker()));
                b.diags.push(d);
                return Err(b.diags);
            }
        };
        match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    b.error(
                        Code::Syntax,
                        &mark,
                        "the YAML stream holds more than one document".to_owned(),
                        "keep one knowledge base per file",
                    );
                    return Err(b.diags);
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if b.expecting_key() {
                    if b.map_start.take().is_some() {
                        b.record_position(&mark);
                    }
                    b.record_key(&text, &mark);
                    if let Some(Frame::Map { key, .. }) = b.stack.last_mut() {
                        *key = Some(text);
                    }
                    continue;
                }
                b.record_position(&mark);
                let value = if b.locate_only {
                    Value::Null
                } else {
                    b.scalar(text, style, tag.as_ref(), &mark).unwrap_or(Value::Null)
                };
                let node = b.alloc(Node::Scalar(value));
                b.push_node(node, 1, anchor, &mark);
            }
            Event::Alias(id) => {
                if b.expecting_key() {
                    b.error(
                        Code::Type,
                        &mark,
                        "an alias can not be a mapping key".to_owned(),
                        "write the key out",
                    );
                    return Err(b.diags);
                }
                b.record_position(&mark);
                let Some(&(node, size)) = b.anchors.get(&id) else {
                    b.error(
                        Code::Syntax,
                        &mark,
                        "alias to an unknown anchor".to_owned(),
                        "define the anchor before using it",
                    );
                    return Err(b.diags);
                };
                // Charged before anything is copied: an alias bomb stops here, not in the allocator.
                b.alias_nodes = b.alias_nodes.saturating_add(size);
                if b.alias_nodes > limits.max_alias_nodes {
                    let message = format!(
                        "expanding the YAML aliases would create more than {} nodes",
                        limits.max_alias_nodes
                    );
                    b.error(Code::Limit, &mark, message, "remove the aliases that repeat large nodes, or raise the alias limit (Limits::max_alias_nodes, --max-alias-nodes)");
                    return Err(b.diags);
                }
                b.push_node(node, size, 0, &mark);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if b.expecting_key() => {
                b.error(
                    Code::Type,
                    &mark,
                    "a mapping key must be a plain string, not a collection".to_owned(),
                    "use a string key",
                );
                return Err(b.diags);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if matches!(event, Event::MappingStart(..)) {
                    b.map_start = Some(mark.index());
                } else {
                    b.record_position(&mark);
                }
                if b.stack.len() >= limits.depth() {
                    let message = format!(
                        "sequences and mappings are nested more than {} levels deep",
                        limits.depth()
                    );
                    b.error(Code::Limit, &mark, message, "flatten the document");
                    return Err(b.diags);
                }
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        items: Vec::new(),
                        anchor,
                        size: 1,
                    }
                } else {
                    Frame::Map {
                        entries: Vec::new(),
                        keys: None,
                        key: None,
                        anchor,
                        size: 1,
                    }
                };
                b.start_collection(frame, tag.as_ref(), &mark);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(start) = b.map_start.take() {
                    b.record_at(start); // an empty mapping
                }
                let (node, anchor, size) = match b.stack.pop() {
                    Some(Frame::Seq { items, anchor, size }) => (Node::Seq(items), anchor, size),
                    Some(Frame::Map {
                        entries, anchor, size, ..
                    }) => (Node::Map(entries), anchor, size),
                    None => continue,
                };
                let node = b.alloc(node);
                b.push_node(node, size, anchor, &mark);
            }
        }
    }
    if !b.diags.is_empty() {
        return Err(b.diags);
    }
    match b.root {
        None => Ok(Value::Null),
        Some(_) if b.locate_only => Ok(Value::Null),
        Some(root) => {
            let max_depth = limits.depth();
            b.into_value(root, max_depth).map_err(|d| vec![d])
        }
    }
}

/// Parses YAML text into a JSON value.
pub(super) fn parse(text: &str, limits: &Limits) -> Result<Value, Vec<Diagnostic>> {
    run(text, limits, None)
}

/// Byte offsets of the nodes at the given pointers (or their nearest ancestors); where
/// `at_key[i]` is true, of pointer `i`'s key (an unknown field is the key's fault), falling
/// back to its value.
pub(super) fn locate(text: &str, pointers: &[&str], at_key: &[bool]) -> Vec<Option<usize>> {
    let wanted: HashMap<&str, ()> = pointers
        .iter()
        .flat_map(|p| {
            let mut v = vec![*p];
            let mut cur = *p;
            while let Some(i) = cur.rfind('/') {
                cur = &cur[..i];
                v.push(cur);
            }
            v
        })
        .map(|p| (p, ()))
        .collect();
    let mut found = HashMap::new();
    let mut keys = HashMap::new();
    let _ = run(text, &Limits::default(), Some((&wanted, &mut found, &mut keys)));
    // The parser's marks count characters; callers want byte offsets (they differ after
    // the first non-ASCII character). One pass over the text converts them all.
    if !text.is_ascii() {
        let mut marks: Vec<usize> = found.values().chain(keys.values()).copied().collect();
        marks.sort_unstable();
        marks.dedup();
        let mut bytes = HashMap::new();
        let mut chars = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .enumerate();
        for m in marks {
            if let Some((_, b)) = chars.find(|&(c, _)| c == m) {
                bytes.insert(m, b);
            }
        }
        for at in found.values_mut().chain(keys.values_mut()) {
            *at = bytes.get(at).copied().unwrap_or(text.len());
        }
    }
    pointers
        .iter()
        .zip(at_key.iter().chain(std::iter::repeat(&false)))
        .map(|(p, &key)| {
            if let Some(&at) = keys.get(*p).filter(|_| key) {
                return Some(at);
            }
            let mut cur = *p;
            loop {
                if let Some(&at) = found.get(cur) {
                    return Some(at);
                }
                match cur.rfind('/') {
                    Some(i) => cur = &cur[..i],
                    None => return found.get("").copied(),
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_byte_offsets_after_non_ascii_text() {
        let text = "a: \"5α-β\"\nb: [x, 𝛼, y]\n";
        let got = locate(text, &["/b/2", "/a"], &[]);
        assert_eq!(got, vec![text.find('y'), text.find('"')]);
    }

    #[test]
    fn core_schema_scalars() {
        let v = parse("a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: x\n", &Limits::default()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": 1.5, "c": true, "d": null, "e": "1", "f": "x"})
        );
        // Floats in every decimal form; text that only looks numeric stays text.
        let v = parse(
            "[1e3, -.5, +2., 1.5E-1, 0x1F, 0o17, 1.2.3, 12:30, e5, 1_000, infinity, nan, 5α, ++5]",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                1000.0, -0.5, 2.0, 0.15, 31, 15, "1.2.3", "12:30", "e5", "1_000", "infinity", "nan", "5α", "++5"
            ])
        );
        // The core schema's nulls and booleans in each of their spellings, and no other.
        let v = parse(
            "[~, null, Null, NULL, true, True, TRUE, false, False, FALSE, nULL, tRUE, fAlse, no, yes]",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                null, null, null, null, true, true, true, false, false, false, "nULL", "tRUE", "fAlse", "no", "yes"
            ])
        );
    }

    #[test]
    fn nan_and_infinity_have_no_json_equivalent() {
        for text in [
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "-.Inf", "-.INF", "1e999",
        ] {
            let err = parse(&format!("a: {text}\n"), &Limits::default()).unwrap_err();
            assert_eq!(err.len(), 1, "{text}");
            assert_eq!((err[0].code, err[0].path.as_str()), (Code::Type, "/a"), "{text}");
            assert_eq!(
                err[0].message,
                format!("`{text}` (NaN or infinity) has no JSON equivalent")
            );
        }
    }

    #[test]
    fn billion_laughs_is_a_limit() {
        let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            doc.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        let err = parse(&doc, &Limits::default()).unwrap_err();
        assert_eq!(err[0].code, Code::Limit);
    }

    #[test]
    fn the_alias_limit_counts_every_node_an_alias_copies() {
        // Each alias of `[1, 2]` copies three nodes (the list and its two items): six in all.
        let doc = "a: &x [1, 2]\nb: *x\nc: *x\n";
        let at = |n: usize| parse(doc, &Limits::default().with_max_alias_nodes(n));
        assert_eq!(
            at(6).ok(),
            Some(serde_json::json!({"a": [1, 2], "b": [1, 2], "c": [1, 2]}))
        );
        let err = at(5).unwrap_err();
        assert_eq!(err[0].code, Code::Limit);
        assert_eq!(
            err[0].message,
            "expanding the YAML aliases would create more than 5 nodes"
        );
    }

    #[test]
    fn aliases_may_not_nest_deeper_than_the_depth_limit() {
        // Each anchor nests one level (two with its key); expanded, `c` is four levels deep.
        let (seqs, maps) = (
            "a: &a [1]\nb: &b [*a]\nc: &c [*b]\n",
            "a: &a {x: 1}\nb: &b {y: *a}\nc: &c {z: *b}\n",
        );
        for text in [seqs, maps] {
            assert!(parse(text, &Limits::default().with_max_depth(4)).is_ok(), "{text}");
            let err = parse(text, &Limits::default().with_max_depth(3)).unwrap_err();
            assert_eq!(
                (err[0].code, err[0].message.as_str()),
                (
                    Code::Limit,
                    "expanding the YAML aliases nests collections more than 3 levels deep"
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn an_alias_names_an_anchor_defined_before_it() {
        let v = parse("a: &x 1\nb: *x\n", &Limits::default());
        assert_eq!(v, Ok(serde_json::json!({"a": 1, "b": 1})));
        for (text, at) in [("a: 1\nb: *nope\n", "/b"), ("a: *x\nb: &x 1\n", "/a")] {
            let err = parse(text, &Limits::default()).unwrap_err();
            assert_eq!((err[0].code, err[0].path.as_str()), (Code::Syntax, at), "{text}");
        }
    }

    #[test]
    fn duplicate_keys_and_tags() {
        let err = parse("a: 1\na: 2\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].code, Code::DuplicateKey);
        assert_eq!(err[0].path, "/a");
        // Past the first 16 keys too (looked up in a set there, not by a scan), and a
        // duplicate at the 16th and at the 17th key.
        let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k30: x\nk15: x\nk16: x\n");
        let err = parse(&text, &Limits::default()).unwrap_err();
        let paths: Vec<(Code, &str)> = err.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert_eq!(
            paths,
            [
                (Code::DuplicateKey, "/k30"),
                (Code::DuplicateKey, "/k15"),
                (Code::DuplicateKey, "/k16")
            ]
        );
        let short: String = (0..16).map(|i| format!("k{i}: {i}\n")).collect();
        let err = parse(&format!("{short}k15: x\n"), &Limits::default()).unwrap_err();
        assert_eq!((err[0].code, err[0].path.as_str()), (Code::DuplicateKey, "/k15"));
        let err = parse("a: !!python/object x\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].code, Code::Type);
        // The core schema's tags, short or verbatim, are read; any other tag is named as
        // written.
        let v = parse(
            "a: !!str 1\nb: !<tag:yaml.org,2002:str> 2\nc: !!int 3\nd: !<tag:yaml.org,2002:null> ~\n",
            &Limits::default(),
        );
        assert_eq!(v, Ok(serde_json::json!({"a": "1", "b": "2", "c": 3, "d": null})));
        let err = parse("a: !mine x\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].message, "the YAML tag `!mine` is not supported");
        let v = parse("a: !!seq [1]\nb: !<tag:yaml.org,2002:map> {x: 1}\n", &Limits::default());
        assert_eq!(v, Ok(serde_json::json!({"a": [1], "b": {"x": 1}})));
        let err = parse("a: !<tag:yaml.org,2002:set> {x: ~}\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].message, "the YAML tag `!!set` is not supported");
    }
}
