//! Making text from a document safe for the place it is shown: a terminal, and HTML/XML
//! (shared by the HTML sheet and the SVG diagrams); the other markup renderers escape for
//! their own language.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that a terminal would act on or that reorder what is shown: C0
/// controls other than newline and tab, DEL, C1 controls (among them CSI and OSC, which set
/// window titles, clear screens and write clipboards), and Unicode bidirectional overrides,
/// embeddings and isolates (which can make text read differently from what it is).
pub(crate) fn is_unsafe_for_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}')
}

/// Text as a terminal should show it: every character of `is_unsafe_for_terminal` is
/// replaced by its visible escape (`\u{1b}`), so data can not drive the terminal.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_for_terminal(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escapes text for HTML and XML (element content and quoted attributes).
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            // Not characters in XML 1.0: a parser must reject a document holding them.
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_escapes() {
        assert_eq!(terminal("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal("a\u{1b}]0;pwned\u{7}b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(terminal("\u{9b}2J\u{202e}x"), "\\u{9b}2J\\u{202e}x");
        assert!(!terminal("\u{1b}[2J\r").chars().any(is_unsafe_for_terminal));
    }

    #[test]
    fn xml_escape_keeps_tabs_and_newlines_and_drops_what_xml_can_not_hold() {
        assert_eq!(xml_escape("a\tb\nc\u{1}d\u{7f}e\u{fffe}\u{ffff}f"), "a\tb\ncdef");
        assert_eq!(
            xml_escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(xml_escape("α → β"), "α → β");
    }
}
