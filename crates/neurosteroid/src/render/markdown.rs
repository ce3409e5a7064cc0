//! The Markdown fact sheet. Every text field is escaped: no field can inject markup, links
//! or HTML into the rendered page.

use std::fmt::Write;

pub(crate) use super::sheet::grade_meaning;
use super::sheet::{EVIDENCE_LEGEND, NOTICE, SheetView, citation, evidence_badge, source_link};
use crate::model::Therapy;

/// Escapes text for Markdown: characters that Markdown or HTML would interpret become a
/// backslash escape or an entity; line breaks become spaces.
pub fn escape(text: &str) -> String {
    // Leading blanks would make indented code at the start of a line.
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len());
    // Digits at the very start: `1.` or `1)` after them would start an ordered list.
    let mut leading_digits = true;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Brackets are escaped, so no link or image can form; the rest would change emphasis,
            // code, tables or headings. Parentheses, hyphens and dots stay readable.
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // At the start of a line these begin a list item, a rule or a heading underline.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if leading_digits && !at_start => {
                out.push('\\');
                out.push(c);
            }
            // GitHub's autolinks: `http://` (any `scheme:/`), `mailto:`, `xmpp:`, `www.` and
            // e-mail addresses. An escaped colon or dot renders the same and links nothing;
            // an address is kept from linking by an invisible word joiner after the `@`.
            ':' if chars.get(i + 1) == Some(&'/') || ends_with_word(&out, "mailto") || ends_with_word(&out, "xmpp") => {
                out.push_str("\\:");
            }
            '.' if ends_with_word(&out, "www") => out.push_str("\\."),
            '@' => out.push_str("@\u{2060}"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

/// Whether `out` ends with `word`, in any ASCII case.
fn ends_with_word(out: &str, word: &str) -> bool {
    out.len() >= word.len()
        && out.is_char_boundary(out.len() - word.len())
        && out[out.len() - word.len()..].eq_ignore_ascii_case(word)
}

fn refs(numbers: &[usize]) -> String {
    numbers.iter().map(|n| format!("[{n}]")).collect::<Vec<_>>().join("")
}

/// Claims as bullets: the statement, its grade, the direction of the evidence when it is
/// not plain support, the references and the curators' note.
fn claim_list(out: &mut String, claims: &[super::sheet::ClaimView<'_>], number_of: &dyn Fn(&str) -> Option<usize>) {
    for c in claims {
        let direction = match c.claim.direction {
            Some(crate::model::EvidenceDirection::Contradicts) => " — the evidence points the other way",
            Some(crate::model::EvidenceDirection::Mixed) => " — the evidence is mixed",
            Some(crate::model::EvidenceDirection::Insufficient) => " — too little evidence",
            _ => "",
        };
        let _ = writeln!(
            out,
            "- {} **[{}]**{direction} {}",
            escape(c.claim.statement.as_str()),
            escape(&evidence_badge(c.claim).label),
            refs(&c.refs)
        );
        if let Some(n) = &c.claim.notes {
            let _ = writeln!(out, "  - {}", escape(n.as_str()));
        }
        for e in &c.claim.excerpts {
            let n = number_of(e.source.as_str())
                .map(|n| format!(" [{n}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - > “{}”{n}, {}",
                escape(e.text.as_str()),
                escape(e.locator.as_str())
            );
        }
    }
}

/// A medicine: its name and brands, then its facts as nested bullets.
fn therapy(out: &mut String, t: &Therapy, number_of: &dyn Fn(&str) -> Option<usize>) {
    let brands: Vec<String> = t.brand_names.iter().map(|b| escape(b.as_str())).collect();
    let brands = if brands.is_empty() {
        String::new()
    } else {
        format!(" ({})", brands.join(", "))
    };
    let _ = writeln!(out, "- **{}**{brands}", escape(t.name.as_str()));
    for f in super::sheet::therapy_facts(t, number_of) {
        let r = f.reference.map(|n| format!(" [{n}]")).unwrap_or_default();
        let _ = writeln!(out, "  - {}{r}", escape(&f.text));
    }
}

/// Renders a fact sheet as Markdown.
pub(crate) fn render(view: &SheetView<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(view.sheet.title.as_str()));
    if let Some(sub) = &view.sheet.subtitle {
        let _ = writeln!(out, "*{}*\n", escape(sub.as_str()));
    }
    let _ = writeln!(out, "> **Not medical advice.** {NOTICE}\n");
    let _ = writeln!(
        out,
        "Content checked as of {}. Each statement carries its evidence grade; numbers in brackets are references.\n",
        view.as_of
    );
    let number_of = |id: &str| view.reference_number(id);
    for s in &view.sections {
        let _ = writeln!(out, "## {}\n", escape(s.section.heading.as_str()));
        if let Some(t) = &s.section.text {
            let _ = writeln!(out, "{}\n", escape(t.as_str()));
        }
        if let Some(route) = &s.route {
            if !route.steps.is_empty() {
                let _ = writeln!(out, "{}\n", route.chain(|c| escape(c.name.as_str())));
                let _ = writeln!(
                    out,
                    "| step | enzyme activity | human isoforms | where | notes |\n|---|---|---|---|---|"
                );
                for st in &route.steps {
                    let ec: Vec<String> = st.ec_numbers().iter().map(|c| escape(c)).collect();
                    let iso: Vec<String> = st.isoforms.iter().map(|g| escape(g.symbol.as_str())).collect();
                    let loc: Vec<String> = st.reaction.locations.iter().map(|l| escape(l.as_str())).collect();
                    let mut notes = Vec::new();
                    if st.reaction.rate_limiting {
                        notes.push("rate-limiting".to_owned());
                    }
                    if st.reaction.reversible {
                        notes.push("reversible".to_owned());
                    }
                    let _ = writeln!(
                        out,
                        "| {} → {} | {}{} | {} | {} | {} |",
                        escape(st.substrate.name.as_str()),
                        escape(st.product.name.as_str()),
                        escape(st.enzyme.name.as_str()),
                        if ec.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", ec.join(", "))
                        },
                        iso.join(", "),
                        loc.join("; "),
                        notes.join(", ")
                    );
                }
                let _ = writeln!(out);
            }
        }
        claim_list(&mut out, &s.claims, &number_of);
        for t in &s.therapies {
            therapy(&mut out, t, &number_of);
        }
        for e in &s.entities {
            if !matches!(e, crate::model::EntityRef::Pathway(_)) {
                let _ = writeln!(out, "- {}", escape(e.name()));
            }
        }
        if !s.unsupported.is_empty() {
            let _ = writeln!(out, "\n### {}\n", super::sheet::UNSUPPORTED_HEADING);
            claim_list(&mut out, &s.unsupported, &number_of);
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Summary\n\n{}\n", escape(view.sheet.summary.as_str()));
    let _ = writeln!(out, "## Evidence grades\n\n{EVIDENCE_LEGEND}\n");
    for g in crate::model::Grade::ALL {
        let _ = writeln!(out, "- **{}**: {}", g.words(), grade_meaning(g));
    }
    let _ = writeln!(out, "\nHow settled a statement is:\n");
    for c in crate::model::Consensus::ALL {
        let _ = writeln!(out, "- **{c}**: {}", c.meaning());
    }
    let _ = writeln!(out, "\n## References\n");
    for (i, s) in view.references.iter().enumerate() {
        let link = source_link(s)
            .map(|l| format!(" <{}>", l.replace('>', "%3E").replace('<', "%3C").replace(' ', "%20")))
            .unwrap_or_default();
        let _ = writeln!(out, "{}. {}{link}", i + 1, escape(&citation(s)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn nothing_autolinks() {
        for (text, escaped) in [
            ("mailto:someone", "mailto\\:someone"),
            ("write to MailTo:someone", "write to MailTo\\:someone"),
            ("xmpp:someone", "xmpp\\:someone"),
            ("see www.example.org", "see www\\.example.org"),
            ("WWW.example.org", "WWW\\.example.org"),
            ("http://example.org", "http\\://example.org"),
            ("a@example.org", "a@\u{2060}example.org"),
            ("ratio 2:1, w.w.", "ratio 2:1, w.w."),
            // A multi-byte character where the word would start: no match, no panic.
            ("ééé.", "ééé."),
            ("éé:", "éé:"),
        ] {
            assert_eq!(escape(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn nothing_starts_a_list_a_rule_or_a_heading() {
        for (text, escaped) in [
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("===", "\\==="),
            ("  - indented", "\\- indented"),
            ("1. first", "1\\. first"),
            ("2) second", "2\\) second"),
            // Without a digit before it, a dot or parenthesis starts nothing.
            (".5 mg", ".5 mg"),
            (") x", ") x"),
            ("a-b+c=d 1.5", "a-b+c=d 1.5"),
            ("# title", "\\# title"),
        ] {
            assert_eq!(escape(text), escaped, "{text:?}");
        }
    }
}
