//! A checker for the UCUM (case-sensitive) unit expressions that doses use: metric atoms with
//! prefixes, time units, annotations, products (`.`) and quotients (`/`), integer exponents.

/// Metric atoms that take SI prefixes.
const METRIC: &[&str] = &["g", "L", "l", "m", "mol", "s", "[iU]", "[IU]", "eq", "U"];
/// Atoms that take no prefix.
const NON_METRIC: &[&str] = &[
    "min", "h", "d", "wk", "mo", "a", "%", "[drp]", "[tab_us]", "1", "10*", "10^",
];
/// SI prefixes, longest first so that `da` wins over `d`.
const PREFIXES: &[&str] = &[
    "da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a", "z", "y",
];

/// Checks a UCUM expression; the error says what part is wrong.
pub fn check_ucum(unit: &str) -> Result<(), String> {
    if unit.is_empty() {
        return Err("empty unit".to_owned());
    }
    let mut rest = unit;
    if let Some(r) = rest.strip_prefix('/') {
        rest = r; // a leading `/` means 1/...
    }
    for term in split_terms(rest) {
        component(term)?;
    }
    Ok(())
}

fn split_terms(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '.' | '/' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn component(c: &str) -> Result<(), String> {
    if c.is_empty() {
        return Err("an operator with nothing on one side".to_owned());
    }
    // An annotation alone (`{tablet}`) or after a unit (`mg{total}`).
    let c = match c.find('{') {
        Some(0) => {
            return if c.ends_with('}') {
                Ok(())
            } else {
                Err(format!("unclosed annotation in `{c}`"))
            };
        }
        Some(i) if c.ends_with('}') => &c[..i],
        Some(_) => return Err(format!("unclosed annotation in `{c}`")),
        None => c,
    };
    if c.chars().all(|ch| ch.is_ascii_digit()) {
        return Ok(()); // a number factor such as `10*3` base or `1`
    }
    // An exponent is an optional sign followed by digits (`s-1`, `m2`); a sign alone is not.
    let without_digits = c.trim_end_matches(|ch: char| ch.is_ascii_digit());
    let atom_part = if without_digits.len() < c.len() {
        without_digits.strip_suffix(['-', '+']).unwrap_or(without_digits)
    } else {
        without_digits
    };
    if atom_part.ends_with(['-', '+']) {
        return Err(format!("`{c}` has a sign but no exponent"));
    }
    if atom_part.is_empty() {
        return Err(format!("`{c}` has an exponent but no unit"));
    }
    if NON_METRIC.contains(&atom_part) || METRIC.contains(&atom_part) {
        return Ok(());
    }
    for p in PREFIXES {
        if let Some(atom) = atom_part.strip_prefix(p) {
            if METRIC.contains(&atom) {
                return Ok(());
            }
        }
    }
    Err(format!("unknown unit `{atom_part}`"))
}

#[cfg(test)]
mod tests {
    use super::check_ucum;

    #[test]
    fn accepts_dose_units() {
        for u in [
            "mg",
            "ug/kg/h",
            "mg/d",
            "mg/kg",
            "ng/mL",
            "mL",
            "[IU]",
            "mg{total}",
            "/d",
            "10*3/uL",
            "s-1",
            "m2",
        ] {
            assert!(check_ucum(u).is_ok(), "{u}");
        }
    }

    #[test]
    fn splits_after_an_annotation_closes() {
        // Dots and slashes inside braces or brackets are part of the term; after the closing
        // brace the next one splits again, so the unknown unit after it is the one named.
        assert_eq!(check_ucum("mg{total.per/day}/kg"), Ok(()));
        assert_eq!(check_ucum("[IU]/kg.d"), Ok(()));
        assert_eq!(check_ucum("mg{total}/xyz"), Err("unknown unit `xyz`".to_owned()));
        assert_eq!(check_ucum("[IU]/xyz"), Err("unknown unit `xyz`".to_owned()));
    }

    #[test]
    fn each_refusal_says_what_is_wrong() {
        for (unit, message) in [
            ("", "empty unit"),
            ("mg//kg", "an operator with nothing on one side"),
            ("kg.", "an operator with nothing on one side"),
            ("/", "an operator with nothing on one side"),
            ("{open", "unclosed annotation in `{open`"),
            ("mg{open", "unclosed annotation in `mg{open`"),
            ("mg-", "`mg-` has a sign but no exponent"),
            ("mg+", "`mg+` has a sign but no exponent"),
            ("mg--1", "`mg--1` has a sign but no exponent"),
            ("-1", "`-1` has an exponent but no unit"),
            ("mcg", "unknown unit `mcg`"),
            ("MG", "unknown unit `MG`"),
            ("kmcg2", "unknown unit `kmcg`"),
            ("µg", "unknown unit `µg`"),
        ] {
            assert_eq!(check_ucum(unit), Err(message.to_owned()), "{unit:?}");
        }
    }

    #[test]
    fn prefixes_go_on_metric_atoms_only() {
        for u in [
            "dag", "dam", "kmol", "mmol/L", "ueq", "k[IU]", "cL", "nmol/mL", "10^3", "%", "[drp]",
        ] {
            assert_eq!(check_ucum(u), Ok(()), "{u}");
        }
        for u in ["kmin", "mh", "dwk", "k%", "k1", "kk", "mgg"] {
            assert!(check_ucum(u).is_err(), "{u}");
        }
    }

    #[test]
    fn rejects_non_ucum() {
        for u in ["mcg", "MG", "mg//kg", "kg.", "µg", "{open", "mg-", "mg+", "10*-"] {
            assert!(check_ucum(u).is_err(), "{u}");
        }
    }
}
