//! Grounding in reference databases: a reaction's Rhea direction belongs to its Rhea master,
//! and its substrate, product and participants are the ones the Rhea equation names, on the
//! sides its direction gives them (checked against the vendored snapshot, [`crate::rhea`]).

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Curie, Document, Reaction};
use crate::rhea::{self, Way};

fn rhea_number(c: &Curie) -> Option<u32> {
    if c.key() == "rhea" {
        c.local().parse().ok()
    } else {
        None
    }
}

/// The ChEBI local ids of a compound.
fn chebi_of<'d>(compounds: &HashMap<&str, &'d crate::model::Compound>, id: &str) -> Vec<&'d str> {
    compounds
        .get(id)
        .map(|c| {
            c.identifiers
                .iter()
                .filter(|x| x.key() == "chebi")
                .map(Curie::local)
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let compounds: HashMap<&str, _> = doc.compounds.iter().map(|c| (c.id.as_str(), c)).collect();
    for (i, r) in doc.reactions.iter().enumerate() {
        for (j, p) in r.participants.iter().enumerate() {
            if p.key() != "chebi" {
                diags.push(
                    Diagnostic::error(
                        Code::RheaParticipants,
                        format!("/reactions/{i}/participants/{j}"),
                        format!("participant `{p}` of reaction `{}` is not a ChEBI id", r.id),
                    )
                    .with_hint("list participants as ChEBI ids, e.g. CHEBI:57783 for NADPH"),
                );
            }
        }
        match (&r.rhea_master, &r.rhea_direction) {
            (Some(master), Some(direction)) => check_rhea(i, r, master, direction, &compounds, diags),
            (Some(_), None) | (None, Some(_)) => {
                let missing = if r.rhea_master.is_none() {
                    "rhea_master"
                } else {
                    "rhea_direction"
                };
                diags.push(
                    Diagnostic::error(
                        Code::RheaDirection,
                        format!("/reactions/{i}"),
                        format!("reaction `{}` gives only one of rhea_master and rhea_direction", r.id),
                    )
                    .with_hint(format!(
                        "add `{missing}`: a Rhea direction means something only with its master"
                    )),
                );
            }
            (None, None) => {}
        }
    }
}

fn check_rhea(
    i: usize,
    r: &Reaction,
    master_id: &Curie,
    direction_id: &Curie,
    compounds: &HashMap<&str, &crate::model::Compound>,
    diags: &mut Vec<Diagnostic>,
) {
    let (Some(master), Some(direction)) = (rhea_number(master_id), rhea_number(direction_id)) else {
        let (field, value) = if rhea_number(master_id).is_none() {
            ("rhea_master", master_id)
        } else {
            ("rhea_direction", direction_id)
        };
        diags.push(
            Diagnostic::error(
                Code::RheaDirection,
                format!("/reactions/{i}/{field}"),
                format!("`{value}` in reaction `{}` is not a Rhea id", r.id),
            )
            .with_hint("write Rhea ids as rhea:NNNNN"),
        );
        return;
    };
    let entry = rhea::entry(master);
    let way = match entry {
        Some(e) => e.way(direction),
        None => rhea::way_by_arithmetic(master, direction),
    };
    let Some(way) = way else {
        diags.push(
            Diagnostic::error(
                Code::RheaDirection,
                format!("/reactions/{i}/rhea_direction"),
                format!(
                    "rhea:{direction} is not a directed id of the Rhea master rhea:{master} (reaction `{}`)",
                    r.id
                ),
            )
            .with_hint(format!(
                "use the master's left-to-right id (rhea:{}) or right-to-left id (rhea:{}); Rhea numbers a reaction's ids master, master+1, master+2, master+3",
                master + 1,
                master + 2
            )),
        );
        return;
    };
    let Some(entry) = entry else {
        diags.push(
            Diagnostic::warning(
                Code::RheaUnknown,
                format!("/reactions/{i}/rhea_master"),
                format!("rhea:{master} (reaction `{}`) is not in the vendored Rhea snapshot", r.id),
            )
            .with_hint("add the entry to data/rhea-snapshot.tsv (sides and ChEBI ids), with its source, so that its participants are checked"),
        );
        return;
    };
    let (consumed, produced) = entry.sides(way);
    let side_name = |w: Way, consumed_side: bool| match (w, consumed_side) {
        (Way::LeftToRight, true) | (Way::RightToLeft, false) => "left",
        _ => "right",
    };
    for (field, compound, side, consumed_side) in [
        ("substrate", r.substrate.as_str(), consumed, true),
        ("product", r.product.as_str(), produced, false),
    ] {
        let chebi = chebi_of(compounds, compound);
        if chebi.is_empty() {
            continue; // a compound without a ChEBI id cannot be matched (and is reported nowhere else)
        }
        if !chebi.iter().any(|c| side.iter().any(|s| s == c)) {
            let other: &[String] = if consumed_side { produced } else { consumed };
            let swapped = chebi.iter().any(|c| other.iter().any(|s| s == c));
            diags.push(
                Diagnostic::error(
                    Code::RheaParticipants,
                    format!("/reactions/{i}/{field}"),
                    format!(
                        "the {field} `{compound}` (CHEBI:{}) is not on the {} side of rhea:{master} ({})",
                        chebi.join(", CHEBI:"),
                        side_name(way, consumed_side),
                        entry.equation
                    ),
                )
                .with_hint(if swapped {
                    "the compound is on the other side: the direction id probably runs the other way (swap left-to-right and right-to-left)".to_owned()
                } else {
                    "check the Rhea id, or the compound's ChEBI id (stereoisomers are a common trap)".to_owned()
                }),
            );
        }
    }
    for (j, p) in r.participants.iter().enumerate() {
        if p.key() == "chebi" && !entry.left.iter().chain(&entry.right).any(|s| s == p.local()) {
            diags.push(
                Diagnostic::error(
                    Code::RheaParticipants,
                    format!("/reactions/{i}/participants/{j}"),
                    format!("`{p}` is not a participant of rhea:{master} ({})", entry.equation),
                )
                .with_hint("list only the ChEBI participants of the Rhea equation"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Format, Level, Severity};

    fn doc(master: &str, direction: &str) -> String {
        format!(
            r#"{{"schema_version": "1.1.0", "as_of": "2026-01-31",
            "compounds": [{{"id": "a", "name": "A"}}, {{"id": "b", "name": "B"}}],
            "enzymes": [{{"id": "e", "name": "E"}}],
            "reactions": [{{"id": "a-to-b", "name": "A to B", "substrate": "a", "product": "b", "enzyme": "e",
                "rhea_master": "{master}", "rhea_direction": "{direction}"}}]}}"#
        )
    }

    /// A reaction `from` → `to` on the Rhea master 34335 (cholesterol, CHEBI:16113, on the
    /// left; (22R)-hydroxycholesterol, CHEBI:67237, on the right), left to right (34336).
    fn on_34335(from_chebi: &str, to_chebi: &str) -> Vec<crate::Diagnostic> {
        let doc = format!(
            r#"{{"schema_version": "1.1.0", "as_of": "2026-01-31",
            "compounds": [{{"id": "a", "name": "A", "identifiers": ["CHEBI:{from_chebi}"]}},
                          {{"id": "b", "name": "B", "identifiers": ["CHEBI:{to_chebi}"]}}],
            "enzymes": [{{"id": "e", "name": "E"}}],
            "reactions": [{{"id": "a-to-b", "name": "A to B", "substrate": "a", "product": "b", "enzyme": "e",
                "rhea_master": "rhea:34335", "rhea_direction": "rhea:34336"}}]}}"#
        );
        crate::validate(doc.as_bytes(), Format::Json, Level::Full)
            .into_iter()
            .filter(|d| d.code == Code::RheaParticipants)
            .collect()
    }

    const EQUATION: &str = "2 reduced [adrenodoxin] + cholesterol + O2 + 2 H(+) = (22R)-hydroxycholesterol + 2 oxidized [adrenodoxin] + H2O";

    #[test]
    fn participants_on_the_wrong_sides_name_the_side_and_suggest_the_other_direction() {
        let diags = on_34335("67237", "16113");
        let found: Vec<(&str, &str, Option<&str>)> = diags
            .iter()
            .map(|d| (d.path.as_str(), d.message.as_str(), d.hint.as_deref()))
            .collect();
        let swap = Some(
            "the compound is on the other side: the direction id probably runs the other way (swap left-to-right and right-to-left)",
        );
        assert_eq!(
            found,
            [
                (
                    "/reactions/0/substrate",
                    &*format!("the substrate `a` (CHEBI:67237) is not on the left side of rhea:34335 ({EQUATION})"),
                    swap
                ),
                (
                    "/reactions/0/product",
                    &*format!("the product `b` (CHEBI:16113) is not on the right side of rhea:34335 ({EQUATION})"),
                    swap
                ),
            ]
        );
        assert!(on_34335("16113", "67237").is_empty());
    }

    #[test]
    fn a_participant_on_neither_side_points_at_the_ids() {
        // CHEBI:17998 (4-methylpentanal) takes part in another reaction, not in this one.
        let diags = on_34335("17998", "67237");
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(diags[0].path, "/reactions/0/substrate");
        assert_eq!(
            diags[0].hint.as_deref(),
            Some("check the Rhea id, or the compound's ChEBI id (stereoisomers are a common trap)")
        );
    }

    #[test]
    fn a_master_outside_the_snapshot_is_a_warning_with_a_hint() {
        let diags = crate::validate(doc("rhea:10000", "rhea:10001").as_bytes(), Format::Json, Level::Full);
        let unknown: Vec<_> = diags.iter().filter(|d| d.code == Code::RheaUnknown).collect();
        assert_eq!(unknown.len(), 1, "{diags:#?}");
        assert_eq!(unknown[0].severity, Severity::Warning);
        assert_eq!(unknown[0].path, "/reactions/0/rhea_master");
        assert!(
            unknown[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("rhea-snapshot.tsv"))
        );
        assert!(!diags.iter().any(|d| d.is_error()), "{diags:#?}");
    }

    #[test]
    fn outside_the_snapshot_the_arithmetic_still_checks_the_direction() {
        let diags = crate::validate(doc("rhea:10000", "rhea:10003").as_bytes(), Format::Json, Level::Full);
        assert!(
            diags.iter().any(|d| d.code == Code::RheaDirection && d.is_error()),
            "{diags:#?}"
        );
    }
}
