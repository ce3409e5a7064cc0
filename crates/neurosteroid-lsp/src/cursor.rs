//! What the cursor is on: the JSON Pointer of the value under it and the id-like word
//! there, found even while the document is half typed and structurally invalid.
//!
//! The word under the cursor is replaced by a marker string and the text is parsed (syntax
//! only, as the core parses it); the marker's place in the parsed value is the pointer.
//! This needs no second YAML or JSON parser, and works for block and flow YAML and JSON.

use neurosteroid::{Format, Limits};
use serde_json::Value;

use crate::text::Text;

/// A marker no document contains by accident.
const MARKER: &str = "neurosteroid-lsp-cursor-7f3a";

/// The value under the cursor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cursor {
    /// JSON Pointer of the value under the cursor.
    pub(crate) pointer: String,
    /// The id-like word under the cursor (may be empty: nothing typed yet).
    pub(crate) word: String,
    /// Byte range of the word in the text.
    pub(crate) span: (usize, usize),
    /// JSON only: the cursor is outside quotes, so an inserted id needs them.
    pub(crate) needs_quotes: bool,
    /// The document as parsed with the marker in place of the word.
    pub(crate) value: Value,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// The value under byte `offset`, or `None` when the cursor is on a key, outside any value,
/// or the text does not parse.
pub(crate) fn at(text: &Text, format: Format, offset: usize, limits: &Limits) -> Option<Cursor> {
    let s = text.as_str();
    if s.len() > limits.max_bytes {
        return None;
    }
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = s[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = s[offset..].find('\n').map_or(s.len(), |i| offset + i);
    let start = s[line_start..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(offset, |(i, _)| line_start + i);
    let end = s[offset..line_end]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(line_end, |(i, _)| offset + i);
    let before = &s[line_start..start];
    let (replacement, needs_quotes) = match format {
        Format::Json => {
            let inside = quotes_before(before) % 2 == 1;
            if inside {
                (MARKER.to_owned(), false)
            } else {
                (format!("\"{MARKER}\""), true)
            }
        }
        // `key:|` has no space yet: a plain scalar needs one after the colon.
        Format::Yaml if before.ends_with(':') => (format!(" {MARKER}"), false),
        Format::Yaml => (MARKER.to_owned(), false),
    };
    let probe = format!("{}{replacement}{}", &s[..start], &s[end..]);
    let value = neurosteroid::__private::parse_value(probe.as_bytes(), format, limits).ok()?;
    let pointer = find(&value, &mut String::new())?;
    Some(Cursor {
        pointer,
        word: s[start..end].to_owned(),
        span: (start, end),
        needs_quotes,
        value,
    })
}

/// Unescaped double quotes in a line prefix.
fn quotes_before(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        if c == '"' && !escaped {
            count += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    count
}

/// The pointer of the string value that is (or contains) the marker.
fn find(value: &Value, path: &mut String) -> Option<String> {
    match value {
        Value::String(s) if s.contains(MARKER) => Some(path.clone()),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            let saved = path.len();
            *path = neurosteroid::__private::pointer_push(path, &i.to_string());
            let found = find(v, path);
            path.truncate(saved);
            found
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let saved = path.len();
            *path = neurosteroid::__private::pointer_push(path, k);
            let found = find(v, path);
            path.truncate(saved);
            found
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor(format: Format, marked: &str) -> Option<(String, String)> {
        let offset = marked.find('|').unwrap_or(0);
        let text = Text::new(marked.replacen('|', "", 1));
        at(&text, format, offset, &Limits::default()).map(|c| (c.pointer, c.word))
    }

    #[test]
    fn finds_the_value_under_the_cursor() {
        let yaml = "reactions:\n  - id: r\n    substrate: comp|ound-a\n    isoforms: [g1, |]\n";
        assert_eq!(
            cursor(Format::Yaml, yaml),
            Some(("/reactions/0/substrate".into(), "compound-a".into()))
        );
        let yaml = "reactions:\n  - id: r\n    substrate:|\n";
        assert_eq!(
            cursor(Format::Yaml, yaml),
            Some(("/reactions/0/substrate".into(), String::new()))
        );
        let yaml = "reactions:\n  - id: r\n    isoforms:\n      - |\n";
        assert_eq!(
            cursor(Format::Yaml, yaml),
            Some(("/reactions/0/isoforms/0".into(), String::new()))
        );
        let json = "{\"reactions\": [{\"id\": \"r\", \"isoforms\": [\"g1\", |]}]}";
        assert_eq!(
            cursor(Format::Json, json),
            Some(("/reactions/0/isoforms/1".into(), String::new()))
        );
        let json = "{\"reactions\": [{\"id\": \"r\", \"enzyme\": \"enz|\"}]}";
        assert_eq!(
            cursor(Format::Json, json),
            Some(("/reactions/0/enzyme".into(), "enz".into()))
        );
        // On a key, or in text that does not parse: nothing.
        assert_eq!(cursor(Format::Yaml, "reactions:\n  - subs|trate: a\n"), None);
        assert_eq!(cursor(Format::Json, "{\"a\": [|"), None);
    }
}
