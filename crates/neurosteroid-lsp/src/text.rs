//! Positions: byte offsets in the text, the core's 1-based `line:column` (columns in
//! characters), and LSP positions (0-based, columns in UTF-16 code units).

use lsp_types::{Position, Range};
use neurosteroid::Location;

/// An open document's text with the byte offset where each line starts.
#[derive(Debug, Clone)]
pub(crate) struct Text {
    text: String,
    line_starts: Vec<usize>,
}

impl Text {
    pub(crate) fn new(text: String) -> Text {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Text { text, line_starts }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The line (without its line break) holding byte `offset`, and where it starts.
    fn line_at(&self, line: usize) -> Option<(usize, &str)> {
        let start = *self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).map_or(self.text.len(), |next| next - 1);
        let s = self.text.get(start..end)?;
        Some((start, s.strip_suffix('\r').unwrap_or(s)))
    }

    /// The LSP position of a byte offset (clamped to the text, and to a character boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let character = self.text.get(start..offset).map_or(0, |s| s.encode_utf16().count());
        Position::new(saturate(line), saturate(character))
    }

    /// The byte offset of an LSP position; a column past the end of its line means the end
    /// of the line, a line past the end means the end of the text.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some((start, line)) = self.line_at(position.line as usize) else {
            return self.text.len();
        };
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + line.len()
    }

    /// The byte offset of the core's 1-based line and column (columns count characters).
    pub(crate) fn offset_of(&self, location: Location) -> usize {
        let Some((start, line)) = self.line_at(location.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let skip = location.column.saturating_sub(1);
        line.char_indices()
            .nth(skip)
            .map_or(start + line.len(), |(i, _)| start + i)
    }

    /// The range of the value that starts at `offset`: a quoted string up to its closing
    /// quote, otherwise the scalar up to the end of its line (before a comment or the next
    /// `,` `]` `}`). Never empty unless the line is.
    pub(crate) fn token_range(&self, offset: usize) -> Range {
        let from = self.position(offset);
        let start = self.offset(from);
        let rest = self.text.get(start..).unwrap_or("");
        let line = rest.split('\n').next().unwrap_or("").trim_end_matches('\r');
        let len = match line.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let mut escaped = false;
                line.char_indices()
                    .skip(1)
                    .find(|&(_, c)| {
                        let close = c == q && !escaped;
                        escaped = q == '"' && c == '\\' && !escaped;
                        close
                    })
                    .map_or(line.len(), |(i, c)| i + c.len_utf8())
            }
            Some('{' | '[') => 1,
            _ => {
                let mut end = line.len();
                for (i, c) in line.char_indices() {
                    let comment = c == '#' && line[..i].ends_with([' ', '\t']);
                    if matches!(c, ',' | ']' | '}') || comment {
                        end = i;
                        break;
                    }
                }
                let trimmed = line[..end].trim_end().len();
                if trimmed == 0 { line.len() } else { trimmed }
            }
        };
        Range::new(from, self.position(start + len))
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        // `α` is one UTF-16 unit and two bytes; `𝛼` is two units and four bytes.
        let t = Text::new("a: 5α-x\nb: 𝛼y # note\r\nc: [\"q\\\"r\", s]\n".to_owned());
        let y = t.as_str().find('y').unwrap_or(0);
        assert_eq!(t.position(y), Position::new(1, 5));
        assert_eq!(t.offset(Position::new(1, 5)), y);
        assert_eq!(t.offset_of(Location { line: 2, column: 5 }), y);
        assert_eq!(t.token_range(3), Range::new(Position::new(0, 3), Position::new(0, 7)));
        let b = t.as_str().find('𝛼').unwrap_or(0);
        assert_eq!(t.token_range(b), Range::new(Position::new(1, 3), Position::new(1, 6)));
        let q = t.as_str().find("\"q").unwrap_or(0);
        assert_eq!(t.token_range(q), Range::new(Position::new(2, 4), Position::new(2, 10)));
        // Past the end of a line or of the text: clamped, never a panic.
        assert_eq!(t.offset(Position::new(0, 99)), 8);
        assert_eq!(t.offset(Position::new(99, 0)), t.as_str().len());
        assert_eq!(t.position(usize::MAX), Position::new(3, 0));
    }
}
