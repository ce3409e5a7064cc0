//! JSON text to a `serde_json::Value`, rejecting duplicate keys and bounding depth.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::Limits;
use crate::diagnostic::{Code, Diagnostic, pointer_push};

struct State {
    path: Vec<String>,
    duplicates: Vec<String>,
    max_depth: usize,
    too_deep: Option<String>,
    /// Where the first value that failed to parse is (the innermost place).
    failed_at: Option<String>,
}

impl State {
    fn new(max_depth: usize) -> State {
        State {
            path: Vec::new(),
            duplicates: Vec::new(),
            max_depth,
            too_deep: None,
            failed_at: None,
        }
    }
    fn pointer(&self) -> String {
        self.path.iter().fold(String::new(), |p, t| pointer_push(&p, t))
    }
    fn leave(&mut self, failed: bool) {
        if failed && self.failed_at.is_none() {
            self.failed_at = Some(self.pointer());
        }
        self.path.pop();
    }
}

struct Seed<'s>(&'s RefCell<State>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor(self.0))
    }
}

struct ValueVisitor<'s>(&'s RefCell<State>);

impl ValueVisitor<'_> {
    fn enter<E: serde::de::Error>(&self) -> Result<(), E> {
        let mut s = self.0.borrow_mut();
        if s.path.len() >= s.max_depth {
            let p = s.pointer();
            s.too_deep = Some(p);
            return Err(E::custom("nesting limit"));
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut out = Vec::new();
        loop {
            self.0.borrow_mut().path.push(out.len().to_string());
            let next = seq.next_element_seed(Seed(self.0));
            self.0.borrow_mut().leave(next.is_err());
            match next? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.0.borrow_mut().path.push(key.clone());
            let value = map.next_value_seed(Seed(self.0));
            let mut state = self.0.borrow_mut();
            if out.contains_key(&key) {
                let p = state.pointer();
                state.duplicates.push(p);
            }
            state.leave(value.is_err());
            drop(state);
            out.insert(key, value?);
        }
        Ok(Value::Object(out))
    }
}

/// Parses JSON text. Duplicate keys are errors (`duplicate-key`), reported all at once.
pub(super) fn parse(text: &str, limits: &Limits) -> Result<Value, Vec<Diagnostic>> {
    let state = RefCell::new(State::new(limits.depth()));
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Seed(&state).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let state = state.into_inner();
    match result {
        Ok(value) if state.duplicates.is_empty() => Ok(value),
        Ok(_) => Err(state
            .duplicates
            .into_iter()
            .map(|p| {
                Diagnostic::error(Code::DuplicateKey, p, "this key appears more than once in its object")
                    .with_hint("remove or rename one of the duplicates; JSON readers disagree on which one wins")
            })
            .collect()),
        Err(e) => {
            let (code, path, message, hint) = if let Some(p) = state.too_deep {
                (
                    Code::Limit,
                    p,
                    format!("arrays and objects are nested more than {} levels deep", limits.depth()),
                    "flatten the document; knowledge-base documents need fewer than 10 levels".to_owned(),
                )
            } else if e.to_string().contains("recursion limit") {
                (
                    Code::Limit,
                    String::new(),
                    "arrays and objects are nested too deeply".to_owned(),
                    "flatten the document".to_owned(),
                )
            } else if e.to_string().starts_with("number out of range") {
                // Valid JSON, but beyond a 64-bit float (e.g. `1e400`): JavaScript and Python
                // would read it as Infinity.
                (
                    Code::Range,
                    state.failed_at.unwrap_or_default(),
                    "this number is beyond the range of a 64-bit float (about ±1.8e308)".to_owned(),
                    "write a finite number; no field of the format needs one this large".to_owned(),
                )
            } else {
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
                (
                    Code::Syntax,
                    String::new(),
                    format!("JSON syntax error: {msg}"),
                    "fix the JSON syntax at the position shown".to_owned(),
                )
            };
            let mut d = Diagnostic::error(code, path, message).with_hint(hint);
            if e.line() > 0 {
                d.location = Some(crate::diagnostic::Location {
                    line: e.line(),
                    column: e.column().max(1),
                });
            }
            Err(vec![d])
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use serde::de::DeserializeSeed;
    use serde::de::value::{BytesDeserializer, Error};

    use super::{Seed, State};

    /// serde_json never offers bytes, but another deserializer may: the reader refuses them
    /// and says what it takes.
    #[test]
    fn the_reader_refuses_what_json_can_not_hold() {
        let state = RefCell::new(State::new(8));
        let e = Seed(&state)
            .deserialize(BytesDeserializer::<Error>::new(b"x"))
            .unwrap_err();
        assert_eq!(e.to_string(), "invalid type: byte array, expected any JSON value");
    }
}
