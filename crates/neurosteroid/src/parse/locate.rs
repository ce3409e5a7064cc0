//! Finding where a JSON Pointer's value starts in JSON text, for `file:line:column`.

use std::collections::HashMap;

use crate::diagnostic::pointer_push;

/// For each pointer, the byte offset where its value starts in `text` (or, when the value
/// does not exist, where its nearest existing ancestor starts). `None` when the text is not
/// valid JSON. (Every pointer at its value; the library calls [`locate_json_at`].)
#[cfg(test)]
fn locate_json(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
    locate_json_at(text, pointers, &vec![false; pointers.len()])
}

/// For each pointer, the byte offset where its value starts in `text` (or, when the value
/// does not exist, where its nearest existing ancestor starts); where `at_key[i]` is true,
/// pointer `i` is located at its key (the opening quote of `"colour"` in `"colour": "red"`:
/// an unknown field is the key's fault, not the value's), falling back to its value or
/// nearest ancestor. `None` when the text is not valid JSON.
pub(crate) fn locate_json_at(text: &str, pointers: &[&str], at_key: &[bool]) -> Vec<Option<usize>> {
    let mut found: HashMap<String, usize> = HashMap::new();
    let wanted: HashMap<&str, ()> = pointers.iter().flat_map(|p| ancestors(p)).map(|p| (p, ())).collect();
    let mut scanner = Scanner {
        b: text.as_bytes(),
        pos: 0,
        keys: HashMap::new(),
    };
    // A scan stopped by broken text still places what it reached (the root, always first).
    let _ = scanner.value(&mut String::new(), &wanted, &mut found, 0);
    pointers
        .iter()
        .zip(at_key.iter().chain(std::iter::repeat(&false)))
        .map(|(p, &key)| {
            key.then(|| scanner.keys.get(*p).copied())
                .flatten()
                .or_else(|| ancestors(p).find_map(|a| found.get(a).copied()))
        })
        .collect()
}

/// The pointer itself, then each ancestor up to the root.
fn ancestors(p: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(p);
    std::iter::from_fn(move || {
        let cur = next?;
        next = if cur.is_empty() {
            None
        } else {
            Some(&cur[..cur.rfind('/').unwrap_or(0)])
        };
        Some(cur)
    })
}

struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
    /// Where the key of each wanted pointer starts (its opening quote).
    keys: HashMap<String, usize>,
}

const MAX_DEPTH: usize = 256;

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.pos < self.b.len() && matches!(self.b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn value(
        &mut self,
        path: &mut String,
        wanted: &HashMap<&str, ()>,
        found: &mut HashMap<String, usize>,
        depth: usize,
    ) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        if wanted.contains_key(path.as_str()) {
            found.insert(path.clone(), self.pos);
        }
        match *self.b.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                self.ws();
                if self.b.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Some(());
                }
                loop {
                    self.ws();
                    let key_start = self.pos;
                    self.string()?;
                    let key: String = serde_json::from_slice(&self.b[key_start..self.pos]).ok()?;
                    self.ws();
                    if self.b.get(self.pos) != Some(&b':') {
                        return None;
                    }
                    self.pos += 1;
                    let saved = path.len();
                    *path = pointer_push(path, &key);
                    if wanted.contains_key(path.as_str()) {
                        self.keys.entry(path.clone()).or_insert(key_start);
                    }
                    self.value(path, wanted, found, depth + 1)?;
                    path.truncate(saved);
                    self.ws();
                    match self.b.get(self.pos)? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                self.ws();
                if self.b.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Some(());
                }
                let mut i = 0usize;
                loop {
                    let saved = path.len();
                    *path = pointer_push(path, &i.to_string());
                    self.value(path, wanted, found, depth + 1)?;
                    path.truncate(saved);
                    i += 1;
                    self.ws();
                    match self.b.get(self.pos)? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string(),
            _ => {
                while self.pos < self.b.len()
                    && !matches!(self.b[self.pos], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        if self.b.get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => return Some(()),
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_falls_back_to_ancestors() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c~/\": 2\n}";
        let got = locate_json(text, &["/a/1/b", "/a/1/missing", "/c~0~1", ""]);
        assert_eq!(got[0], text.find("\"x\""));
        assert_eq!(got[1], text.find("{\"b\""));
        assert_eq!(got[2], text.find('2'));
        assert_eq!(got[3], Some(0));
    }

    /// An empty object or list ends at its closing bracket, and what follows it is found.
    #[test]
    fn an_empty_object_or_list_is_stepped_over() {
        let text = r#"{"a": {}, "b": [], "c": {"d": {}, "e": 1}, "f": 2}"#;
        let got = locate_json(text, &["/b", "/c/e", "/f"]);
        assert_eq!(got, [text.find('['), text.find('1'), text.find('2')]);
    }

    #[test]
    fn a_string_ends_at_its_first_unescaped_quote() {
        let text = r#"{"a": "x\"y\\", "b": 1}"#;
        let got = locate_json(text, &["/b"]);
        assert_eq!(got, [text.find('1')]);
    }

    /// Values are located down to `MAX_DEPTH` levels below the root; deeper, at the deepest
    /// ancestor reached.
    #[test]
    fn values_are_located_down_to_the_depth_limit() {
        // Array `i` (the root is 0) opens at byte `i`; the innermost holds `1`.
        let levels = MAX_DEPTH + 1;
        let text = format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
        let pointer = |depth: usize| "/0".repeat(depth);
        let (at_limit, below) = (pointer(MAX_DEPTH), pointer(MAX_DEPTH + 1));
        let got = locate_json(&text, &[&at_limit, &below]);
        assert_eq!(got, [Some(MAX_DEPTH), Some(MAX_DEPTH)]);
        // One level less deep, the innermost value is reached.
        let text = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(locate_json(&text, &[&at_limit]), [Some(MAX_DEPTH)]);
        assert_eq!(locate_json(&text, &[&pointer(MAX_DEPTH - 1)]), [Some(MAX_DEPTH - 1)]);
        // The same through objects: object `i` opens at byte `5 * i` (`{"a":` each).
        let text = format!("{}1{}", r#"{"a":"#.repeat(levels), "}".repeat(levels));
        let pointer = |depth: usize| "/a".repeat(depth);
        let got = locate_json(&text, &[&pointer(MAX_DEPTH), &pointer(MAX_DEPTH + 1)]);
        assert_eq!(got, [Some(5 * MAX_DEPTH), Some(5 * MAX_DEPTH)]);
    }
}
