//! Reactions and pathways: isoforms carry the step's activity, no self-loops, each step
//! starts where the previous ended, no compound is visited twice.

use rustc_hash::FxHashMap as HashMap;

use super::IdIndex;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Document;

pub(super) fn check(doc: &Document, _index: &IdIndex<'_>, diags: &mut Vec<Diagnostic>) {
    let genes: HashMap<&str, _> = doc.gene_products.iter().map(|g| (g.id.as_str(), g)).collect();
    let reactions: HashMap<&str, _> = doc.reactions.iter().map(|r| (r.id.as_str(), r)).collect();
    for (i, r) in doc.reactions.iter().enumerate() {
        if r.substrate == r.product {
            diags.push(
                Diagnostic::error(
                    Code::ReactionSelfLoop,
                    format!("/reactions/{i}/product"),
                    format!("reaction `{}` has the same substrate and product", r.id),
                )
                .with_hint("a reaction converts one compound into another"),
            );
        }
        for (j, iso) in r.isoforms.iter().enumerate() {
            if let Some(g) = genes.get(iso.as_str()) {
                if !g.activities.contains(&r.enzyme) {
                    diags.push(
                        Diagnostic::error(
                            Code::IsoformActivityMismatch,
                            format!("/reactions/{i}/isoforms/{j}"),
                            format!(
                                "`{iso}` does not list the activity `{}` that reaction `{}` needs",
                                r.enzyme, r.id
                            ),
                        )
                        .with_hint(format!(
                            "add `{}` to the activities of `{iso}`, or remove the isoform from the reaction",
                            r.enzyme
                        )),
                    );
                }
            }
        }
    }
    for (i, pw) in doc.pathways.iter().enumerate() {
        if pw.steps.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::PathwayDisconnected,
                    format!("/pathways/{i}/steps"),
                    format!("pathway `{}` has no steps", pw.id),
                )
                .with_hint("list its reactions in order"),
            );
            continue;
        }
        let mut visited: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut previous: Option<&crate::model::Reaction> = None;
        for (j, step) in pw.steps.iter().enumerate() {
            let Some(r) = reactions.get(step.as_str()) else {
                continue;
            };
            let mut connected = true;
            if let Some(prev) = previous {
                if prev.product != r.substrate {
                    connected = false;
                    diags.push(
                        Diagnostic::error(
                            Code::PathwayDisconnected,
                            format!("/pathways/{i}/steps/{j}"),
                            format!(
                                "step `{}` starts from `{}`, but the previous step `{}` ends at `{}`",
                                r.id, r.substrate, prev.id, prev.product
                            ),
                        )
                        .with_hint(
                            "order the steps so that each product is the next substrate, or add the missing step",
                        ),
                    );
                }
            } else {
                visited.insert(r.substrate.as_str());
            }
            // A break in the chain is reported once, not again as a loop.
            if connected && visited.contains(r.product.as_str()) {
                diags.push(
                    Diagnostic::error(
                        Code::PathwayCycle,
                        format!("/pathways/{i}/steps/{j}"),
                        format!("step `{}` returns to `{}`, already on the pathway", r.id, r.product),
                    )
                    .with_hint("a pathway is a route, not a cycle: remove the step that loops back"),
                );
            }
            visited.insert(r.product.as_str());
            previous = Some(r);
        }
    }
}
