//! A one-pass byte scan that tells whether JSON text may take the fast path (typed
//! deserialisation straight from the bytes): nesting within the depth limit, no array
//! directly inside an array, no object directly as an object's value (see `shape_guard`).
//! Anything else, including text that is not JSON at all, goes the slow path, which
//! reports every problem.

/// True when the text's shape allows the fast path.
pub(super) fn fast_path_ok(text: &[u8], max_depth: usize) -> bool {
    // Each open container: `[` or `{`; for objects, whether the next token is a value.
    let mut stack: Vec<u8> = Vec::with_capacity(16);
    let mut after_colon = false;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match c {
            b'"' => {
                i += 1;
                while i < text.len() {
                    match text[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                after_colon = false;
            }
            b'[' | b'{' => {
                match stack.last() {
                    Some(b'[') if c == b'[' => return false,
                    Some(b'{') if c == b'{' && after_colon => return false,
                    _ => {}
                }
                if stack.len() >= max_depth {
                    return false;
                }
                stack.push(c);
                after_colon = false;
            }
            b']' | b'}' => {
                stack.pop();
                after_colon = false;
            }
            // A comma in an object comes before a key, a string, which ends `after_colon`.
            b':' => after_colon = true,
            _ => {}
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::fast_path_ok;

    #[test]
    fn shapes() {
        assert!(fast_path_ok(br#"{"a": [{"b": "[{"}, "x"], "c": 1}"#, 64));
        assert!(!fast_path_ok(br#"{"a": [[1]]}"#, 64));
        assert!(!fast_path_ok(br#"{"a": {"b": 1}}"#, 64));
        assert!(!fast_path_ok(br#"[[[["#, 3));
        assert!(fast_path_ok(br#"{"a\"{": "\\"}"#, 64));
        // Brackets inside strings are text, not structure.
        assert!(fast_path_ok(br#"{"a": "[[", "b": "{{"}"#, 64));
        assert!(fast_path_ok(br#"{"a": "\\", "b": "[["}"#, 64));
        // A closed container is left: what follows it is judged by the one around it.
        assert!(fast_path_ok(br#"{"a": [1], "b": [2]}"#, 64));
        assert!(!fast_path_ok(br#"{"a": [1], "b": {"c": 1}}"#, 64));
        assert!(fast_path_ok(br#"[{}, {}, {}]"#, 2));
    }
}
