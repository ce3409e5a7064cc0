//! YAML text to a `serde_json::Value`: YAML 1.2 core-schema scalars, one document, aliases
//! expanded within a node budget (so "billion laughs" is a `limit` diagnostic, not an
//! out-of-memory), duplicate keys and non-JSON values (tags, `.nan`, non-string keys) rejected.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::Limits;

/// The pointers whose positions are wanted, and where they were found (byte offsets).
type Want<'w> = Option<(&'w HashMap<&'w str, ()>, &'w mut HashMap<String, usize>)>;
use crate::diagnostic::{Code, Diagnostic, Location, pointer_push};

enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
        size: usize,
    },
    Map {
        map: Map<String, Value>,
        key: Option<String>,
        anchor: usize,
        size: usize,
    },
}

struct Builder<'w> {
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Value, usize)>,
    /// Nodes created by expanding aliases so far.
    alias_nodes: usize,
    root: Option<Value>,
    diags: Vec<Diagnostic>,
    want: Want<'w>,
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
        if self.want.is_some() {
            let p = self.pointer();
            if let Some((wanted, found)) = self.want.as_mut() {
                if wanted.contains_key(p.as_str()) {
                    found.entry(p).or_insert(mark.index());
                }
            }
        }
    }

    /// Adds a finished node to its parent (or makes it the root).
    fn push_value(&mut self, value: Value, size: usize, anchor: usize, mark: &Marker) -> Result<(), ()> {
        if anchor > 0 {
            self.anchors.insert(anchor, (value.clone(), size));
        }
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(Frame::Seq { items, size: s, .. }) => {
                items.push(value);
                *s += size;
            }
            Some(Frame::Map { map, key, size: s, .. }) => {
                let k = key.take().unwrap_or_default();
                *s += size;
                if map.insert(k.clone(), value).is_some() {
                    let mut p = self.pointer();
                    p = pointer_push(&p, &k);
                    let mut d =
                        Diagnostic::error(Code::DuplicateKey, p, "this key appears more than once in its mapping")
                            .with_hint("remove or rename one of the duplicates");
                    d.location = Some(mark_loc(mark));
                    self.diags.push(d);
                }
            }
        }
        Ok(())
    }

    fn scalar(&mut self, text: String, style: TScalarStyle, tag: Option<&Tag>, mark: &Marker) -> Option<Value> {
        let tag_name = tag.map(|t| {
            if t.handle == "!!" || t.handle == "tag:yaml.org,2002:" {
                format!("!!{}", t.suffix)
            } else {
                format!("{}{}", t.handle, t.suffix)
            }
        });
        match tag_name.as_deref() {
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
            let name = format!("{}{}", t.handle, t.suffix);
            if !matches!(
                name.as_str(),
                "!!map" | "!!seq" | "tag:yaml.org,2002:map" | "tag:yaml.org,2002:seq"
            ) {
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
    let bytes = s.as_bytes();
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
    let looks_float = !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && bytes.iter().any(u8::is_ascii_digit);
    if looks_float {
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
    let mut b = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        root: None,
        diags: Vec::new(),

        want,
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
                    if let Some(Frame::Map { key, .. }) = b.stack.last_mut() {
                        *key = Some(text);
                    }
                    continue;
                }
                b.record_position(&mark);
                let value = b.scalar(text, style, tag.as_ref(), &mark).unwrap_or(Value::Null);
                if b.push_value(value, 1, anchor, &mark).is_err() {
                    return Err(b.diags);
                }
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
                let Some(size) = b.anchors.get(&id).map(|(_, size)| *size) else {
                    b.error(
                        Code::Syntax,
                        &mark,
                        "alias to an unknown anchor".to_owned(),
                        "define the anchor before using it",
                    );
                    return Err(b.diags);
                };
                // Checked before the copy is made: an alias bomb stops here, not in the allocator.
                b.alias_nodes = b.alias_nodes.saturating_add(size);
                if b.alias_nodes > limits.max_alias_nodes {
                    let message = format!(
                        "expanding the YAML aliases would create more than {} nodes",
                        limits.max_alias_nodes
                    );
                    b.error(Code::Limit, &mark, message, "remove the aliases that repeat large nodes, or raise the alias limit (Limits::max_alias_nodes, --max-alias-nodes)");
                    return Err(b.diags);
                }
                let value = b.anchors.get(&id).map(|(v, _)| v.clone()).unwrap_or(Value::Null);
                if b.push_value(value, size, 0, &mark).is_err() {
                    return Err(b.diags);
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) if b.expecting_key() => {
                let _ = (anchor, tag);
                b.error(
                    Code::Type,
                    &mark,
                    "a mapping key must be a plain string, not a collection".to_owned(),
                    "use a string key",
                );
                return Err(b.diags);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                b.record_position(&mark);
                if b.stack.len() >= limits.max_depth {
                    let message = format!(
                        "sequences and mappings are nested more than {} levels deep",
                        limits.max_depth
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
                        map: Map::new(),
                        key: None,
                        anchor,
                        size: 1,
                    }
                };
                b.start_collection(frame, tag.as_ref(), &mark);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, anchor, size) = match b.stack.pop() {
                    Some(Frame::Seq { items, anchor, size }) => (Value::Array(items), anchor, size),
                    Some(Frame::Map { map, anchor, size, .. }) => (Value::Object(map), anchor, size),
                    None => continue,
                };
                if b.push_value(value, size, anchor, &mark).is_err() {
                    return Err(b.diags);
                }
            }
        }
    }
    if !b.diags.is_empty() {
        return Err(b.diags);
    }
    Ok(b.root.unwrap_or(Value::Null))
}

/// Parses YAML text into a JSON value.
pub(super) fn parse(text: &str, limits: &Limits) -> Result<Value, Vec<Diagnostic>> {
    run(text, limits, None)
}

/// Byte offsets of the nodes at the given pointers (or their nearest ancestors).
pub(super) fn locate(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
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
    let _ = run(text, &Limits::default(), Some((&wanted, &mut found)));
    pointers
        .iter()
        .map(|p| {
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
    fn core_schema_scalars() {
        let v = parse("a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: x\n", &Limits::default()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": 1.5, "c": true, "d": null, "e": "1", "f": "x"})
        );
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
    fn duplicate_keys_and_tags() {
        let err = parse("a: 1\na: 2\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].code, Code::DuplicateKey);
        assert_eq!(err[0].path, "/a");
        let err = parse("a: !!python/object x\n", &Limits::default()).unwrap_err();
        assert_eq!(err[0].code, Code::Type);
    }
}
