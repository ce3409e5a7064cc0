//! What changed between two versions of a knowledge base, in a reviewer's terms: entities
//! added, removed, renamed and modified; claims whose grade or direction changed (an upgrade
//! stands out); sources added and dropped; regulatory events added and removed. Also an
//! RFC 6902 JSON Patch that turns the old document into the new one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::pointer_push;
use crate::model::{Document, EntityKind, Grade};

/// An entity, named for a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityName {
    /// Kind (`compound`, `claim`, ...).
    pub kind: String,
    /// Id.
    pub id: String,
    /// Display name (a claim's statement).
    pub name: String,
}

/// An entity whose id changed while what identifies it did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rename {
    /// Kind.
    pub kind: String,
    /// The old id.
    pub from: String,
    /// The new id.
    pub to: String,
    /// Why it is the same entity: the shared identifiers, or `same content`.
    pub because: String,
}

/// An entity present in both versions whose fields changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Modified {
    /// Kind.
    pub kind: String,
    /// Id.
    pub id: String,
    /// The fields that changed, in schema order.
    pub fields: Vec<String>,
}

/// A claim whose evidence grade changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeChange {
    /// The claim's id.
    pub claim: String,
    /// Its statement (new version).
    pub statement: String,
    /// The old grade.
    pub from: String,
    /// The new grade.
    pub to: String,
    /// True when the new grade is stronger: a reviewer must check the new evidence.
    pub upgrade: bool,
}

/// A claim whose direction (supports, contradicts, ...) changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectionChange {
    /// The claim's id.
    pub claim: String,
    /// The old direction (`none` when absent).
    pub from: String,
    /// The new direction.
    pub to: String,
}

/// A regulatory status event of a therapy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RegulatoryEvent {
    /// The therapy's id.
    pub therapy: String,
    /// Date.
    pub date: String,
    /// Regulator (`FDA`, `EMA`).
    pub regulator: String,
    /// Status (`approved`, `withdrawn`, ...).
    pub status: String,
}

/// Every change between two documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// `as_of` before and after, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<(String, String)>,
    /// Entities only in the new version (sources are listed under `sources_added`).
    pub added: Vec<EntityName>,
    /// Entities only in the old version (sources under `sources_removed`).
    pub removed: Vec<EntityName>,
    /// Same entity, new id.
    pub renamed: Vec<Rename>,
    /// Same id, changed fields.
    pub modified: Vec<Modified>,
    /// Claims whose grade changed.
    pub grades: Vec<GradeChange>,
    /// Claims whose direction changed.
    pub directions: Vec<DirectionChange>,
    /// New sources.
    pub sources_added: Vec<EntityName>,
    /// Dropped sources.
    pub sources_removed: Vec<EntityName>,
    /// Regulatory events only in the new version.
    pub regulatory_added: Vec<RegulatoryEvent>,
    /// Regulatory events only in the old version.
    pub regulatory_removed: Vec<RegulatoryEvent>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

type Entities = BTreeMap<(EntityKind, String), Value>;

fn entities(doc: &Document) -> Entities {
    doc.entities()
        .map(|(kind, _, e)| ((kind, e.id().to_string()), e.to_json_value()))
        .collect()
}

fn name_of(kind: EntityKind, id: &str, v: &Value) -> EntityName {
    let name = v
        .get("name")
        .or_else(|| v.get("statement"))
        .or_else(|| v.get("title"))
        .and_then(Value::as_str)
        .unwrap_or(id);
    EntityName {
        kind: kind.as_str().to_owned(),
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

fn identifiers(v: &Value) -> BTreeSet<String> {
    v.get("identifiers")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn without_id(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("id");
    }
    v
}

/// What changed from `old` to `new`.
pub fn diff(old: &Document, new: &Document) -> Changes {
    let (a, b) = (entities(old), entities(new));
    let mut c = Changes::default();
    if old.as_of != new.as_of {
        c.as_of = Some((old.as_of.as_str().to_owned(), new.as_of.as_str().to_owned()));
    }
    let mut gone: Vec<&(EntityKind, String)> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let mut came: Vec<&(EntityKind, String)> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    // Renames: same kind, and a shared identifier or the same content apart from the id.
    gone.retain(|old_key| {
        let ov = &a[*old_key];
        let found = came.iter().position(|new_key| {
            new_key.0 == old_key.0 && {
                let nv = &b[*new_key];
                let shared = identifiers(ov).intersection(&identifiers(nv)).count() > 0;
                shared || without_id(ov) == without_id(nv)
            }
        });
        match found {
            Some(i) => {
                let new_key = came.remove(i);
                let nv = &b[new_key];
                let shared: Vec<String> = identifiers(ov).intersection(&identifiers(nv)).cloned().collect();
                c.renamed.push(Rename {
                    kind: old_key.0.as_str().to_owned(),
                    from: old_key.1.clone(),
                    to: new_key.1.clone(),
                    because: if shared.is_empty() {
                        "same content".to_owned()
                    } else {
                        format!("same identifiers: {}", shared.join(", "))
                    },
                });
                false
            }
            None => true,
        }
    });
    for k in gone {
        let n = name_of(k.0, &k.1, &a[k]);
        if k.0 == EntityKind::Source {
            c.sources_removed.push(n);
        } else {
            c.removed.push(n);
        }
    }
    for k in came {
        let n = name_of(k.0, &k.1, &b[k]);
        if k.0 == EntityKind::Source {
            c.sources_added.push(n);
        } else {
            c.added.push(n);
        }
    }
    for (k, ov) in &a {
        let Some(nv) = b.get(k) else { continue };
        if ov == nv {
            continue;
        }
        let (Some(oo), Some(no)) = (ov.as_object(), nv.as_object()) else {
            continue;
        };
        let mut fields: Vec<String> = no
            .keys()
            .chain(oo.keys())
            .filter(|f| oo.get(*f) != no.get(*f))
            .cloned()
            .collect();
        fields.sort();
        fields.dedup();
        c.modified.push(Modified {
            kind: k.0.as_str().to_owned(),
            id: k.1.clone(),
            fields,
        });
    }
    // Claims: grade and direction, from the typed model (so grades compare by strength).
    let old_claims: BTreeMap<&str, &crate::model::Claim> = old.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for claim in &new.claims {
        let Some(before) = old_claims.get(claim.id.as_str()) else {
            continue;
        };
        if before.grade != claim.grade {
            c.grades.push(GradeChange {
                claim: claim.id.to_string(),
                statement: claim.statement.as_str().to_owned(),
                from: before.grade.to_string(),
                to: claim.grade.to_string(),
                upgrade: stronger(claim.grade, before.grade),
            });
        }
        if before.direction != claim.direction {
            let name = |d: &Option<crate::model::EvidenceDirection>| {
                d.as_ref().map_or_else(|| "none".to_owned(), ToString::to_string)
            };
            c.directions.push(DirectionChange {
                claim: claim.id.to_string(),
                from: name(&before.direction),
                to: name(&claim.direction),
            });
        }
    }
    let (ra, rb) = (regulatory(old), regulatory(new));
    c.regulatory_added = rb.difference(&ra).cloned().collect();
    c.regulatory_removed = ra.difference(&rb).cloned().collect();
    c
}

fn stronger(a: Grade, b: Grade) -> bool {
    // Variants are declared strongest first.
    a < b
}

fn regulatory(doc: &Document) -> BTreeSet<RegulatoryEvent> {
    doc.therapies
        .iter()
        .flat_map(|t| {
            t.status_history.iter().map(move |e| RegulatoryEvent {
                therapy: t.id.to_string(),
                date: e.date.as_str().to_owned(),
                regulator: e.regulator.to_string(),
                status: e.status.to_string(),
            })
        })
        .collect()
}

impl Changes {
    /// Plain text for a terminal. Upgrades are marked `UPGRADE` (they need the most care).
    pub fn to_text(&self) -> String {
        self.render(false)
    }

    /// Markdown, for a changelog or a pull-request comment. Upgrades are in bold.
    pub fn to_markdown(&self) -> String {
        self.render(true)
    }

    fn render(&self, md: bool) -> String {
        let mut s = String::new();
        if self.is_empty() {
            s.push_str("No changes.\n");
            return s;
        }
        let code = |t: &str| if md { format!("`{t}`") } else { t.to_owned() };
        let section = |s: &mut String, title: &str, lines: Vec<String>| {
            if lines.is_empty() {
                return;
            }
            if md {
                let _ = writeln!(s, "### {title}\n");
            } else {
                let _ = writeln!(s, "{title}:");
            }
            for l in lines {
                let _ = writeln!(s, "{} {l}", if md { "-" } else { "  " });
            }
            s.push('\n');
        };
        if md {
            s.push_str("## Knowledge-base changes\n\n");
        }
        if let Some((a, b)) = &self.as_of {
            let _ = writeln!(s, "as_of: {a} → {b}\n");
        }
        let grade_line = |g: &GradeChange| {
            let arrow = format!("{} → {}", code(&g.from), code(&g.to));
            match (g.upgrade, md) {
                (true, true) => format!("**UPGRADE** {}: {arrow} — {}", code(&g.claim), g.statement),
                (true, false) => format!("UPGRADE {}: {arrow} — {}", g.claim, g.statement),
                (false, _) => format!("downgrade {}: {arrow} — {}", code(&g.claim), g.statement),
            }
        };
        // Upgrades first: they are what a reviewer must check.
        let mut grades: Vec<&GradeChange> = self.grades.iter().collect();
        grades.sort_by_key(|g| !g.upgrade);
        section(
            &mut s,
            "Evidence grades changed",
            grades.into_iter().map(grade_line).collect(),
        );
        section(
            &mut s,
            "Claim directions changed",
            self.directions
                .iter()
                .map(|d| format!("{}: {} → {}", code(&d.claim), code(&d.from), code(&d.to)))
                .collect(),
        );
        let names = |v: &[EntityName]| {
            v.iter()
                .map(|e| format!("{} {} — {}", e.kind, code(&e.id), e.name))
                .collect::<Vec<_>>()
        };
        section(&mut s, "Added", names(&self.added));
        section(&mut s, "Removed", names(&self.removed));
        section(
            &mut s,
            "Renamed",
            self.renamed
                .iter()
                .map(|r| format!("{} {} → {} ({})", r.kind, code(&r.from), code(&r.to), r.because))
                .collect(),
        );
        section(
            &mut s,
            "Modified",
            self.modified
                .iter()
                .map(|m| format!("{} {}: {}", m.kind, code(&m.id), m.fields.join(", ")))
                .collect(),
        );
        section(&mut s, "Sources added", names(&self.sources_added));
        section(&mut s, "Sources dropped", names(&self.sources_removed));
        let events = |v: &[RegulatoryEvent]| {
            v.iter()
                .map(|e| format!("{} {} {}: {}", e.date, e.regulator, code(&e.therapy), e.status))
                .collect::<Vec<_>>()
        };
        section(&mut s, "Regulatory events added", events(&self.regulatory_added));
        section(&mut s, "Regulatory events removed", events(&self.regulatory_removed));
        while s.ends_with("\n\n") {
            s.pop();
        }
        s
    }
}

/// One operation of an RFC 6902 JSON Patch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum PatchOp {
    /// Add a value (a new key, or an item inserted at an index or `-`).
    Add {
        /// JSON Pointer.
        path: String,
        /// The value.
        value: Value,
    },
    /// Remove the value.
    Remove {
        /// JSON Pointer.
        path: String,
    },
    /// Replace the value.
    Replace {
        /// JSON Pointer.
        path: String,
        /// The new value.
        value: Value,
    },
}

/// An RFC 6902 JSON Patch that, applied to `old`, gives `new`.
pub fn json_patch(old: &Value, new: &Value) -> Vec<PatchOp> {
    let mut ops = Vec::new();
    patch_into(old, new, String::new(), &mut ops);
    ops
}

fn patch_into(old: &Value, new: &Value, at: String, ops: &mut Vec<PatchOp>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for k in a.keys().filter(|k| !b.contains_key(*k)) {
                ops.push(PatchOp::Remove {
                    path: pointer_push(&at, k),
                });
            }
            for (k, nv) in b {
                match a.get(k) {
                    Some(ov) => patch_into(ov, nv, pointer_push(&at, k), ops),
                    None => ops.push(PatchOp::Add {
                        path: pointer_push(&at, k),
                        value: nv.clone(),
                    }),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            // Keep the common head and tail; patch the middle item by item.
            let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            let max_tail = a.len().min(b.len()) - head;
            let tail = a
                .iter()
                .rev()
                .zip(b.iter().rev())
                .take(max_tail)
                .take_while(|(x, y)| x == y)
                .count();
            let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
            let common = am.len().min(bm.len());
            for i in 0..common {
                patch_into(&am[i], &bm[i], pointer_push(&at, &(head + i).to_string()), ops);
            }
            // Extra old items: removed from the last, so indexes stay valid.
            for i in (common..am.len()).rev() {
                ops.push(PatchOp::Remove {
                    path: pointer_push(&at, &(head + i).to_string()),
                });
            }
            for (i, item) in bm.iter().enumerate().skip(common) {
                ops.push(PatchOp::Add {
                    path: pointer_push(&at, &(head + i).to_string()),
                    value: item.clone(),
                });
            }
        }
        _ => ops.push(PatchOp::Replace {
            path: at,
            value: new.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Applies a patch (add, remove, replace only) — enough to check our own output here;
    /// the Python tests check it with the `jsonpatch` package.
    fn apply(mut doc: Value, ops: &[PatchOp]) -> Value {
        for op in ops {
            let (path, value) = match op {
                PatchOp::Add { path, value } | PatchOp::Replace { path, value } => (path, Some(value.clone())),
                PatchOp::Remove { path } => (path, None),
            };
            let (parent, last) = path.rsplit_once('/').unwrap_or(("", ""));
            let last = last.replace("~1", "/").replace("~0", "~");
            if path.is_empty() {
                doc = value.unwrap_or(Value::Null);
                continue;
            }
            let target = doc.pointer_mut(parent).unwrap_or_else(|| unreachable!());
            match (target, op) {
                (Value::Object(m), PatchOp::Remove { .. }) => {
                    m.remove(&last);
                }
                (Value::Object(m), _) => {
                    m.insert(last, value.unwrap_or(Value::Null));
                }
                (Value::Array(v), PatchOp::Remove { .. }) => {
                    v.remove(last.parse().unwrap_or(0));
                }
                (Value::Array(v), PatchOp::Add { .. }) => {
                    v.insert(last.parse().unwrap_or(0), value.unwrap_or(Value::Null))
                }
                (Value::Array(v), _) => v[last.parse::<usize>().unwrap_or(0)] = value.unwrap_or(Value::Null),
                _ => unreachable!(),
            }
        }
        doc
    }

    #[test]
    fn patch_turns_old_into_new() {
        let cases = [
            (
                json!({"a": [1, 2, 3, 4], "b/c": 1}),
                json!({"a": [1, 9, 4, 5, 6], "d~": {"x": 1}}),
            ),
            (json!([1, 2, 3]), json!([3])),
            (json!({"a": 1}), json!([1])),
            (
                json!({"a": [{"id": "x", "v": 1}, {"id": "y"}]}),
                json!({"a": [{"id": "y"}]}),
            ),
        ];
        for (old, new) in cases {
            let ops = json_patch(&old, &new);
            assert_eq!(apply(old.clone(), &ops), new, "{ops:?}");
        }
    }

    #[test]
    fn a_patch_touches_only_what_changed() {
        let ops = |old: Value, new: Value| serde_json::to_value(json_patch(&old, &new)).unwrap_or_default();
        // A list keeps its common head and tail; the middle is patched item by item, extra
        // old items are removed from the last, extra new ones added.
        assert_eq!(
            ops(json!({"a": [1, 2, 3, 4, 9]}), json!({"a": [1, 5, {"k": 1}, 9]})),
            json!([
                {"op": "replace", "path": "/a/1", "value": 5},
                {"op": "replace", "path": "/a/2", "value": {"k": 1}},
                {"op": "remove", "path": "/a/3"},
            ])
        );
        assert_eq!(
            ops(json!([1, 2]), json!([1, 2, 3, 4])),
            json!([
                {"op": "add", "path": "/2", "value": 3},
                {"op": "add", "path": "/3", "value": 4},
            ])
        );
        assert_eq!(
            ops(json!([1, 2, 3, 4]), json!([1, 4])),
            json!([{"op": "remove", "path": "/2"}, {"op": "remove", "path": "/1"}])
        );
        // Repeated items: an item is counted in the common head or in the common tail, never
        // in both (the tail is at most what the shorter list has left after the head).
        assert_eq!(
            ops(json!([1]), json!([1, 1])),
            json!([{"op": "add", "path": "/1", "value": 1}])
        );
        assert_eq!(
            ops(json!([7, 7, 7]), json!([7])),
            json!([{"op": "remove", "path": "/2"}, {"op": "remove", "path": "/1"}])
        );
        // Items are patched inside: only the key that changed.
        assert_eq!(
            ops(
                json!([{"id": "x", "v": 1, "w": 0}]),
                json!([{"id": "x", "v": 2, "w": 0}])
            ),
            json!([{"op": "replace", "path": "/0/v", "value": 2}])
        );
        assert_eq!(ops(json!([1]), json!([1])), json!([]));
    }
}
