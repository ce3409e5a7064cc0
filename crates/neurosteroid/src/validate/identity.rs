//! Uniqueness: ids, external identifiers, names; and check digits.

use std::collections::HashMap;

use super::{IdIndex, for_each_entity};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, EntityKind, EntityRef};
use crate::resolve::normalize;

pub(super) fn index_ids<'a>(doc: &'a Document, diags: &mut Vec<Diagnostic>) -> IdIndex<'a> {
    let mut by_id: HashMap<&'a str, (EntityKind, String)> = HashMap::new();
    for_each_entity!(doc, |kind, ptr, e| {
        let id = e.id().as_str();
        if let Some((other_kind, other_ptr)) = by_id.get(id) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("{ptr}/id"),
                    format!("id `{id}` is already used by the {other_kind} at {other_ptr}"),
                )
                .with_hint("ids are unique across every kind of entity; rename one of them"),
            );
        } else {
            by_id.insert(id, (kind, ptr));
        }
    });
    IdIndex { by_id }
}

pub(super) fn check_identifiers(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for_each_entity!(doc, |_kind, ptr, e| {
        for (j, curie) in e.identifiers().iter().enumerate() {
            let at = format!("{ptr}/identifiers/{j}");
            if curie.check_digit_ok() == Some(false) {
                diags.push(
                    Diagnostic::error(
                        Code::CheckDigit,
                        at.clone(),
                        format!("`{curie}` has a wrong check digit"),
                    )
                    .with_hint("re-copy the number from its registry; a digit is wrong or two are swapped"),
                );
            }
            let key = curie.to_string();
            match seen.get(&key) {
                Some((other_id, other_ptr)) if other_id != e.id().as_str() => diags.push(
                    Diagnostic::error(Code::DuplicateIdentifier, at, format!("`{key}` also identifies `{other_id}` ({other_ptr})"))
                        .with_hint("one identifier names one thing: check which entity it really belongs to (stereoisomers are a common trap)"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, (e.id().to_string(), ptr.clone()));
                }
            }
        }
    });
}

/// Names of entities that legitimately share a name: a medicine and its active compound
/// (brexanolone), a strategy and the medicine it consists of.
fn related(doc: &Document, a: &str, b: &str) -> bool {
    let pair = |x: &str, y: &str| {
        doc.therapies
            .iter()
            .any(|t| t.id.as_str() == x && t.active_compounds.iter().any(|c| c.as_str() == y))
            || doc
                .strategies
                .iter()
                .any(|s| s.id.as_str() == x && s.therapy.as_ref().is_some_and(|t| t.as_str() == y))
    };
    pair(a, b) || pair(b, a)
}

fn named(e: &EntityRef<'_>) -> bool {
    !matches!(
        e.kind(),
        EntityKind::Source | EntityKind::Claim | EntityKind::FactSheet | EntityKind::Reaction
    )
}

pub(super) fn check_names(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for_each_entity!(doc, |_kind, ptr, e| {
        if named(&e) {
            let mut names = vec![(format!("{ptr}/name"), e.name())];
            names.extend(e.other_names().into_iter().map(|n| (ptr.clone(), n)));
            for (at, name) in names {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                match seen.get(&key) {
                    Some((other_id, other_ptr))
                        if other_id != e.id().as_str() && !related(doc, other_id, e.id().as_str()) =>
                    {
                        diags.push(
                            Diagnostic::error(
                                Code::DuplicateName,
                                at,
                                format!("the name `{name}` also names `{other_id}` ({other_ptr})"),
                            )
                            .with_hint("a name or synonym may name one entity only; remove it from one, or qualify it"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, (e.id().to_string(), ptr.clone()));
                    }
                }
            }
        }
    });
}
