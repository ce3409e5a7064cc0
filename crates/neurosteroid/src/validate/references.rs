//! Every reference resolves, to an entity of the right kind.

use super::IdIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Document, EntityKind as K, Id, Predicate};

struct Checker<'a, 'd> {
    index: &'a IdIndex<'d>,
    diags: &'a mut Vec<Diagnostic>,
    /// Every id, sorted (for "did you mean" hints); made on the first dangling reference.
    ids: Option<Vec<&'d str>>,
    /// "Did you mean" hints still to compute: each one compares with every id, so a
    /// document with thousands of dangling references gets hints for the first ones only.
    hints_left: usize,
    /// When set, every reference visited (pointer, expected kinds) instead of checking:
    /// how the test proves that [`REFERENCE_SLOTS`] lists exactly what is checked here.
    #[cfg(test)]
    visited: Option<Vec<(String, Vec<K>)>>,
}

/// Dangling references that get a "did you mean" hint; the rest get the plain hint.
pub(crate) const MAX_SUGGESTIONS: usize = 100;

impl Checker<'_, '_> {
    fn sorted_ids(&mut self) -> &[&str] {
        let index = self.index;
        self.ids.get_or_insert_with(|| {
            let mut ids: Vec<&str> = index.by_id.keys().copied().collect();
            ids.sort_unstable();
            ids
        })
    }

    /// Checks one reference; `expected` empty means any kind. The pointer is made only
    /// when there is something to report.
    fn one(&mut self, at: impl FnOnce() -> String, id: &Id, expected: &[K]) {
        #[cfg(test)]
        if let Some(v) = &mut self.visited {
            v.push((at(), expected.to_vec()));
            return;
        }
        let found = self.index.kind(id.as_str());
        if found.is_some_and(|k| expected.is_empty() || expected.contains(&k)) {
            return;
        }
        let at = at();
        match found {
            None => {
                let suggestion = if self.hints_left > 0 {
                    self.hints_left -= 1;
                    crate::names::closest(id.as_str(), self.sorted_ids().iter().copied())
                } else {
                    None
                };
                let hint = suggestion.map_or_else(
                    || "add the entity, or fix the id".to_owned(),
                    |s| format!("did you mean `{s}`?"),
                );
                self.diags.push(
                    Diagnostic::error(Code::DanglingReference, at, format!("no entity has the id `{id}`"))
                        .with_hint(hint),
                );
            }
            // Reached only with a kind that `expected` does not allow (the check above).
            Some(kind) => {
                let want = expected
                    .iter()
                    .map(|k| crate::diagnostic::with_article(k.as_str()))
                    .collect::<Vec<_>>()
                    .join(" or ");
                self.diags.push(
                    Diagnostic::error(
                        Code::WrongReferenceKind,
                        at,
                        format!(
                            "`{id}` is {}, but {want} is expected here",
                            crate::diagnostic::with_article(kind.as_str())
                        ),
                    )
                    .with_hint(format!("replace `{id}` with the id of {want}")),
                );
            }
        }
    }

    fn many(&mut self, at: impl Fn() -> String, ids: &[Id], expected: &[K]) {
        for (i, id) in ids.iter().enumerate() {
            self.one(|| format!("{}/{i}", at()), id, expected);
        }
    }
}

/// The kinds a fact sheet may be about.
pub(crate) const SHEET_SUBJECTS: &[K] = &[
    K::Compound,
    K::Therapy,
    K::Condition,
    K::Receptor,
    K::GeneProduct,
    K::Enzyme,
    K::Pathway,
    K::Effect,
    K::Site,
    K::Strategy,
];

/// What a predicate relates: allowed subject kinds and object kinds.
pub(crate) fn predicate_kinds(p: Predicate) -> (&'static [K], &'static [K]) {
    match p {
        Predicate::PrecursorOf => (&[K::Compound], &[K::Compound]),
        Predicate::SynthesisedIn => (&[K::Compound], &[K::Site]),
        Predicate::ActsOn => (&[K::Compound], &[K::Receptor]),
        Predicate::HasEffect => (&[K::Compound, K::Therapy, K::Strategy], &[K::Effect]),
        Predicate::LowLevelsAssociatedWith | Predicate::AlteredSignallingAssociatedWith => {
            (&[K::Compound], &[K::Condition])
        }
        Predicate::RaisesLevelOf | Predicate::LowersLevelOf => {
            (&[K::Therapy, K::Strategy, K::Condition, K::Compound], &[K::Compound])
        }
        Predicate::Treats => (&[K::Therapy, K::Strategy, K::Compound], &[K::Condition]),
    }
}

pub(super) fn check(doc: &Document, index: &IdIndex<'_>, diags: &mut Vec<Diagnostic>) {
    let mut c = Checker {
        index,
        diags,
        ids: None,
        hints_left: MAX_SUGGESTIONS,
        #[cfg(test)]
        visited: None,
    };
    visit(doc, &mut c);
}

fn visit(doc: &Document, c: &mut Checker<'_, '_>) {
    let src = &[K::Source];
    for (kind, i, e) in doc.entities() {
        c.many(|| format!("/{}/{i}/sources", kind.collection()), e.sources(), src);
    }
    for (i, g) in doc.gene_products.iter().enumerate() {
        c.many(|| format!("/gene_products/{i}/activities"), &g.activities, &[K::Enzyme]);
    }
    for (i, r) in doc.reactions.iter().enumerate() {
        let p = || format!("/reactions/{i}");
        c.one(|| format!("{}/substrate", p()), &r.substrate, &[K::Compound]);
        c.one(|| format!("{}/product", p()), &r.product, &[K::Compound]);
        c.one(|| format!("{}/enzyme", p()), &r.enzyme, &[K::Enzyme]);
        c.many(|| format!("{}/isoforms", p()), &r.isoforms, &[K::GeneProduct]);
        c.many(|| format!("{}/regulators", p()), &r.regulators, &[K::GeneProduct]);
    }
    for (i, pw) in doc.pathways.iter().enumerate() {
        c.many(|| format!("/pathways/{i}/steps"), &pw.steps, &[K::Reaction]);
    }
    for (i, r) in doc.receptors.iter().enumerate() {
        c.many(|| format!("/receptors/{i}/subunits"), &r.subunits, &[K::GeneProduct]);
        if let Some(parent) = &r.subtype_of {
            c.one(|| format!("/receptors/{i}/subtype_of"), parent, &[K::Receptor]);
        }
        for (j, m) in r.mechanisms.iter().enumerate() {
            let p = || format!("/receptors/{i}/mechanisms/{j}");
            c.one(|| format!("{}/ligand", p()), &m.ligand, &[K::Compound]);
            c.many(|| format!("{}/claims", p()), &m.claims, &[K::Claim]);
        }
    }
    for (i, t) in doc.therapies.iter().enumerate() {
        let p = || format!("/therapies/{i}");
        c.many(
            || format!("{}/active_compounds", p()),
            &t.active_compounds,
            &[K::Compound],
        );
        c.many(|| format!("{}/indications", p()), &t.indications, &[K::Condition]);
        for (j, d) in t.doses.iter().enumerate() {
            c.one(|| format!("{}/doses/{j}/source", p()), &d.source, src);
        }
        for (j, s) in t.status_history.iter().enumerate() {
            c.one(|| format!("{}/status_history/{j}/source", p()), &s.source, src);
            if let Some(cond) = &s.condition {
                c.one(
                    || format!("{}/status_history/{j}/condition", p()),
                    cond,
                    &[K::Condition],
                );
            }
        }
    }
    for (i, s) in doc.strategies.iter().enumerate() {
        if let Some(t) = &s.therapy {
            c.one(|| format!("/strategies/{i}/therapy"), t, &[K::Therapy]);
        }
    }
    for (i, cl) in doc.claims.iter().enumerate() {
        let (subjects, objects) = predicate_kinds(cl.predicate);
        c.one(|| format!("/claims/{i}/subject"), &cl.subject, subjects);
        c.one(|| format!("/claims/{i}/object"), &cl.object, objects);
        for (j, e) in cl.excerpts.iter().enumerate() {
            c.one(|| format!("/claims/{i}/excerpts/{j}/source"), &e.source, &[K::Source]);
        }
        if cl.subject == cl.object {
            c.diags.push(
                Diagnostic::error(
                    Code::SelfClaim,
                    format!("/claims/{i}/object"),
                    format!("the claim relates `{}` to itself", cl.subject),
                )
                .with_hint("a claim links two different entities: fix the subject or the object"),
            );
        }
    }
    for (i, fs) in doc.fact_sheets.iter().enumerate() {
        // A fact sheet is about something a reader looks up, not a source, claim,
        // reaction or another sheet.
        c.one(|| format!("/fact_sheets/{i}/subject"), &fs.subject, SHEET_SUBJECTS);
        for (j, s) in fs.sections.iter().enumerate() {
            c.many(
                || format!("/fact_sheets/{i}/sections/{j}/claims"),
                &s.claims,
                &[K::Claim],
            );
            c.many(|| format!("/fact_sheets/{i}/sections/{j}/entities"), &s.entities, &[]);
        }
    }
    for (i, cv) in doc.coverage.iter().enumerate() {
        c.one(|| format!("/coverage/{i}/source"), &cv.source, src);
        c.many(|| format!("/coverage/{i}/represented_by"), &cv.represented_by, &[]);
    }
}

/// A place where a document refers to another entity by id, and the kinds it may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceSlot {
    /// A JSON Pointer in which `*` stands for any array index: `/reactions/*/substrate`.
    pub pattern: &'static str,
    /// The kinds the id may name; empty means any kind. A claim's `subject` and `object`
    /// list every kind some predicate allows (see [`reference_kinds`] for one claim's).
    pub kinds: &'static [K],
}

/// `/<collection>/*/sources/*` for each kind whose entities cite sources, from the table of
/// kinds (`None` for the others), in document order.
macro_rules! source_slots {
    ($($variant:ident: $ty:ident, $name:literal, $collection:ident, $words:literal, $doc:literal;)*) => {
        const SOURCE_SLOTS: [Option<ReferenceSlot>; K::ALL.len()] = [$(
            if <crate::model::$ty as crate::model::Entity>::CITES_SOURCES {
                Some(ReferenceSlot {
                    pattern: concat!("/", stringify!($collection), "/*/sources/*"),
                    kinds: &[K::Source],
                })
            } else {
                None
            },
        )*];
    };
}
crate::for_each_entity_kind!(source_slots);

/// The other references, field by field.
const FIELD_SLOTS: &[ReferenceSlot] = &[
    slot("/gene_products/*/activities/*", &[K::Enzyme]),
    slot("/reactions/*/substrate", &[K::Compound]),
    slot("/reactions/*/product", &[K::Compound]),
    slot("/reactions/*/enzyme", &[K::Enzyme]),
    slot("/reactions/*/isoforms/*", &[K::GeneProduct]),
    slot("/reactions/*/regulators/*", &[K::GeneProduct]),
    slot("/pathways/*/steps/*", &[K::Reaction]),
    slot("/receptors/*/mechanisms/*/ligand", &[K::Compound]),
    slot("/receptors/*/mechanisms/*/claims/*", &[K::Claim]),
    slot("/receptors/*/subunits/*", &[K::GeneProduct]),
    slot("/receptors/*/subtype_of", &[K::Receptor]),
    slot("/claims/*/excerpts/*/source", &[K::Source]),
    slot("/therapies/*/active_compounds/*", &[K::Compound]),
    slot("/therapies/*/indications/*", &[K::Condition]),
    slot("/therapies/*/doses/*/source", &[K::Source]),
    slot("/therapies/*/status_history/*/source", &[K::Source]),
    slot("/therapies/*/status_history/*/condition", &[K::Condition]),
    slot("/strategies/*/therapy", &[K::Therapy]),
    slot(
        "/claims/*/subject",
        &[K::Compound, K::Condition, K::Therapy, K::Strategy],
    ),
    slot(
        "/claims/*/object",
        &[K::Compound, K::Receptor, K::Site, K::Effect, K::Condition],
    ),
    slot("/fact_sheets/*/subject", SHEET_SUBJECTS),
    slot("/fact_sheets/*/sections/*/claims/*", &[K::Claim]),
    slot("/fact_sheets/*/sections/*/entities/*", &[]),
    slot("/coverage/*/source", &[K::Source]),
    slot("/coverage/*/represented_by/*", &[]),
];

const fn slot(pattern: &'static str, kinds: &'static [K]) -> ReferenceSlot {
    ReferenceSlot { pattern, kinds }
}

/// How many slots there are: the kinds that cite sources, and the fields.
const SLOT_COUNT: usize = {
    let mut n = FIELD_SLOTS.len();
    let mut i = 0;
    while i < SOURCE_SLOTS.len() {
        if SOURCE_SLOTS[i].is_some() {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The `sources` slots, then the fields.
const ALL_SLOTS: [ReferenceSlot; SLOT_COUNT] = {
    let mut out = [slot("", &[]); SLOT_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < SOURCE_SLOTS.len() {
        if let Some(s) = SOURCE_SLOTS[i] {
            out[n] = s;
            n += 1;
        }
        i += 1;
    }
    let mut j = 0;
    while j < FIELD_SLOTS.len() {
        out[n] = FIELD_SLOTS[j];
        n += 1;
        j += 1;
    }
    out
};

/// Every place a document refers to an entity by id: exactly the references that the
/// `full` level checks (a test proves it), for editors (completion, go-to-definition).
/// The `sources` of each kind that cites them come from the table of entity kinds.
pub const REFERENCE_SLOTS: &[ReferenceSlot] = &ALL_SLOTS;

/// The reference slot at a JSON Pointer (with real indices, `/reactions/0/substrate`), if
/// the value there is a reference.
pub fn reference_slot(pointer: &str) -> Option<&'static ReferenceSlot> {
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    REFERENCE_SLOTS.iter().find(|slot| {
        let pattern: Vec<&str> = slot.pattern.split('/').skip(1).collect();
        pattern.len() == tokens.len()
            && pattern.iter().zip(&tokens).all(|(p, t)| {
                if *p == "*" {
                    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
                } else {
                    p == t
                }
            })
    })
}

/// The kinds an id at this pointer of a (possibly invalid) document may name: `None` when
/// the value there is no reference, an empty list when any kind will do. A claim's subject
/// and object are narrowed by the claim's predicate when it has a known one.
pub fn reference_kinds(document: &serde_json::Value, pointer: &str) -> Option<Vec<K>> {
    let slot = reference_slot(pointer)?;
    let claim_role = pointer
        .strip_prefix("/claims/")
        .and_then(|rest| rest.split_once('/'))
        .filter(|(_, field)| matches!(*field, "subject" | "object"));
    if let Some((index, field)) = claim_role {
        let predicate = document
            .pointer(&format!("/claims/{index}/predicate"))
            .cloned()
            .and_then(|p| serde_json::from_value::<Predicate>(p).ok());
        if let Some(p) = predicate {
            let (subjects, objects) = predicate_kinds(p);
            return Some(if field == "subject" { subjects } else { objects }.to_vec());
        }
    }
    Some(slot.kinds.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    /// Every reference the checker visits, in the embedded data and the shared valid vectors.
    fn visited() -> Vec<(String, Vec<K>, serde_json::Value)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/valid");
        let mut texts = vec![crate::EMBEDDED_JSON.to_owned()];
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") && !path.to_string_lossy().ends_with(".expected.json") {
                texts.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
        let mut out = Vec::new();
        for text in texts {
            let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            // Cite a source from the first entity of every kind, so that each `sources`
            // slot is exercised even where the data happens to cite none.
            let first_source = value.pointer("/sources/0/id").cloned();
            if let (Some(src), Some(obj)) = (first_source, value.as_object_mut()) {
                for (key, entities) in obj.iter_mut() {
                    let cites = key != "sources"
                        && REFERENCE_SLOTS
                            .iter()
                            .any(|s| s.pattern == format!("/{key}/*/sources/*"));
                    if let Some(first) = entities
                        .pointer_mut("/0")
                        .and_then(|e| e.as_object_mut())
                        .filter(|_| cites)
                    {
                        first
                            .entry("sources")
                            .or_insert_with(|| serde_json::json!([src.clone()]));
                    }
                }
            }
            let Ok(doc) = serde_json::from_value::<Document>(value.clone()) else {
                continue;
            };
            let mut diags = Vec::new();
            let index = super::super::identity::index_ids(&doc, &mut diags);
            let mut c = Checker {
                index: &index,
                diags: &mut diags,
                ids: None,
                hints_left: MAX_SUGGESTIONS,
                visited: Some(Vec::new()),
            };
            visit(&doc, &mut c);
            for (pointer, kinds) in c.visited.unwrap_or_default() {
                out.push((pointer, kinds, value.clone()));
            }
        }
        out
    }

    #[test]
    fn reference_slots_list_exactly_what_is_checked() {
        let visited = visited();
        assert!(visited.len() > 100, "too few references visited: {}", visited.len());
        let sorted = |mut v: Vec<K>| {
            v.sort();
            v
        };
        for (pointer, kinds, value) in &visited {
            let slot = reference_slot(pointer).unwrap_or_else(|| panic!("{pointer} is checked but in no slot"));
            let listed = reference_kinds(value, pointer).unwrap_or_default();
            assert_eq!(sorted(listed), sorted(kinds.clone()), "kinds at {pointer}");
            assert!(kinds.iter().all(|k| slot.kinds.contains(k)) || slot.kinds.is_empty());
        }
        // Every slot is a place the checker visits (no slot listed that is never checked).
        let unseen: Vec<&str> = REFERENCE_SLOTS
            .iter()
            .filter(|slot| !visited.iter().any(|(p, ..)| reference_slot(p) == Some(*slot)))
            .map(|slot| slot.pattern)
            .collect();
        assert!(unseen.is_empty(), "slots that no document exercises: {unseen:?}");
        // Claims: the slot lists the union of what the predicates allow.
        for (field, slot) in [("subject", "/claims/*/subject"), ("object", "/claims/*/object")] {
            let slot = REFERENCE_SLOTS.iter().find(|s| s.pattern == slot).map(|s| s.kinds);
            let mut union: Vec<K> = Vec::new();
            for k in EntityKind::ALL {
                let any = visited
                    .iter()
                    .any(|(p, kinds, _)| p.starts_with("/claims/") && p.ends_with(field) && kinds.contains(&k));
                if any {
                    union.push(k);
                }
            }
            assert!(
                union.iter().all(|k| slot.unwrap_or_default().contains(k)),
                "{field}: {union:?}"
            );
        }
    }
}
