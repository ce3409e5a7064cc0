//! JSON Pointers (RFC 6901): building one token by token, and splitting one.

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub fn pointer_push(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Splits a JSON Pointer into its unescaped reference tokens.
// Only the layout (feature `yaml`) splits pointers.
#[cfg_attr(not(feature = "yaml"), allow(dead_code))]
pub(crate) fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{pointer_push, pointer_tokens};

    #[test]
    fn pointers_unescape_exactly_what_pointer_push_escapes() {
        assert_eq!(pointer_tokens("/a/b~1c~0d"), ["a", "b/c~d"]);
        assert_eq!(pointer_tokens(""), Vec::<String>::new());
        assert_eq!(pointer_tokens("/"), [""]);
        // `~01` is `~1` unescaped, not `/`.
        assert_eq!(pointer_tokens("/~01"), ["~1"]);
        for token in ["plain", "a/b", "~", "~1", "/~0/", ""] {
            assert_eq!(
                pointer_tokens(&pointer_push(&pointer_push("", "x"), token)),
                ["x", token]
            );
        }
    }
}
