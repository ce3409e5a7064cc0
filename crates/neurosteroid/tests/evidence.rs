//! Evidence direction is part of every answer: queries group by entity, state the direction,
//! order by strength of support, and never present a contradicting claim as support; fact
//! sheets never list a contradicted claim under a heading that asserts it.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers fail loudly by design

use neurosteroid::model::EvidenceDirection;
use neurosteroid::render::SheetFormat;
use neurosteroid::{KnowledgeBase, Linked, direction_name};

fn rank(d: EvidenceDirection) -> u8 {
    match d {
        EvidenceDirection::Supports => 0,
        EvidenceDirection::Mixed => 1,
        EvidenceDirection::Insufficient => 2,
        EvidenceDirection::Contradicts => 3,
    }
}

/// Every query answer over every compound and condition of the embedded data.
fn answers(kb: &KnowledgeBase) -> Vec<(String, Vec<Linked<'_>>)> {
    let mut all = Vec::new();
    for c in &kb.document().compounds {
        let id = c.id.as_str();
        all.push((format!("conditions_linked({id})"), kb.conditions_linked(id).unwrap()));
        all.push((format!("effects({id})"), kb.effects(id).unwrap()));
        all.push((format!("raised_by({id})"), kb.raised_by(id).unwrap()));
        all.push((format!("lowered_by({id})"), kb.lowered_by(id).unwrap()));
    }
    for c in &kb.document().conditions {
        all.push((
            format!("therapies_for({})", c.id),
            kb.therapies_for(c.id.as_str()).unwrap(),
        ));
    }
    // The family: what an enzyme (an activity, or a gene product with one) makes, what acts
    // on a receptor; each answer carries its evidence as a `Linked`.
    for e in &kb.document().enzymes {
        let made = kb.made_by(e.id.as_str()).unwrap();
        all.push((format!("made_by({})", e.id), made.into_iter().map(|m| m.link).collect()));
    }
    for g in kb.document().gene_products.iter().filter(|g| !g.activities.is_empty()) {
        let made = kb.made_by(g.id.as_str()).unwrap();
        all.push((format!("made_by({})", g.id), made.into_iter().map(|m| m.link).collect()));
    }
    for r in &kb.document().receptors {
        let acting = kb.acting_on(r.id.as_str()).unwrap();
        all.push((
            format!("acting_on({})", r.id),
            acting.into_iter().map(|a| a.link).collect(),
        ));
    }
    all
}

#[test]
fn every_answer_is_grouped_ordered_and_states_its_direction() {
    let kb = KnowledgeBase::embedded().unwrap();
    let mut links_seen = 0;
    for (query, links) in answers(kb) {
        let mut ids: Vec<&str> = links.iter().map(|l| l.entity.id().as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "{query}: an entity is listed twice");
        let ranks: Vec<u8> = links.iter().map(|l| rank(l.direction())).collect();
        // `made_by` follows the chain (the enzyme's own products first), not support.
        assert!(
            query.starts_with("made_by") || ranks.windows(2).all(|w| w[0] <= w[1]),
            "{query}: not ordered by support: {ranks:?}"
        );
        for l in &links {
            links_seen += 1;
            let text = l.to_string();
            assert!(
                text.contains(direction_name(l.direction())),
                "{query}: `{text}` does not state its direction"
            );
            assert_eq!(l.to_json()["direction"], direction_name(l.direction()));
            // No contradicting claim is ever presented as support.
            if l.direction() == EvidenceDirection::Supports {
                assert!(
                    l.indicated
                        || l.claims
                            .iter()
                            .any(|c| c.direction == Some(EvidenceDirection::Supports)),
                    "{query}: {text} says supports without a supporting claim"
                );
            }
            // (`made_by` lists a compound with no claim behind it as insufficient.)
            if !l.claims.is_empty()
                && l.claims
                    .iter()
                    .all(|c| c.direction == Some(EvidenceDirection::Contradicts))
                && !l.indicated
            {
                assert_eq!(l.direction(), EvidenceDirection::Contradicts, "{query}: {text}");
            }
            let directions: Vec<u8> = l.claims.iter().map(|c| rank(c.direction.unwrap())).collect();
            assert!(
                directions.windows(2).all(|w| w[0] <= w[1]),
                "{query}: {text}: claims not ordered"
            );
            if let Some(s) = l.clone().supporting() {
                assert!(s.is_supported(), "{query}: supporting() kept {s}");
                assert!(
                    s.claims
                        .iter()
                        .all(|c| c.direction == Some(EvidenceDirection::Supports)),
                    "{query}: supporting() kept a claim that is not supported"
                );
            } else {
                assert!(
                    !l.is_supported() || l.direction() == EvidenceDirection::Mixed,
                    "{query}: {text}"
                );
            }
        }
    }
    assert!(links_seen > 30, "{links_seen}");
}

/// A condition with a supported claim and a contradicted one (panic disorder: levels fall
/// during attacks, but resting levels are higher, not lower) is one entry with both claims,
/// the supported first; `supporting()` drops the contradicted one.
#[test]
fn a_condition_with_supported_and_contradicted_claims_is_one_entry_with_both_marked() {
    let kb = KnowledgeBase::embedded().unwrap();
    let links = kb.conditions_linked("allopregnanolone").unwrap();
    let both: Vec<&Linked<'_>> = links
        .iter()
        .filter(|l| {
            l.claims
                .iter()
                .any(|c| c.direction == Some(EvidenceDirection::Supports))
                && l.claims
                    .iter()
                    .any(|c| c.direction == Some(EvidenceDirection::Contradicts))
        })
        .collect();
    assert!(
        !both.is_empty(),
        "the data has a condition with supported and contradicted claims"
    );
    for l in both {
        assert_eq!(l.claims[0].direction, Some(EvidenceDirection::Supports), "{l}");
        assert_eq!(
            l.claims.last().unwrap().direction,
            Some(EvidenceDirection::Contradicts),
            "{l}"
        );
        let supported = l.clone().supporting().unwrap();
        assert!(
            supported
                .claims
                .iter()
                .all(|c| c.direction == Some(EvidenceDirection::Supports))
        );
    }
    // Insomnia rests on no human evidence: not supported, so gone from the supporting answer.
    let supporting: Vec<String> = links
        .into_iter()
        .filter_map(Linked::supporting)
        .map(|l| l.entity.id().to_string())
        .collect();
    assert!(!supporting.contains(&"insomnia".to_owned()), "{supporting:?}");
    assert!(supporting.contains(&"ptsd".to_owned()), "{supporting:?}");
}

#[test]
fn a_medicine_that_failed_its_trial_is_not_listed_as_a_therapy_for_it() {
    let kb = KnowledgeBase::embedded().unwrap();
    let ptsd = kb.therapies_for("PTSD").unwrap();
    let ganaxolone = ptsd
        .iter()
        .find(|l| l.entity.id().as_str() == "ganaxolone-therapy")
        .unwrap();
    assert_eq!(ganaxolone.direction(), EvidenceDirection::Contradicts);
    assert!(!ganaxolone.indicated);
    assert!(ganaxolone.to_string().contains("contradicts"), "{ganaxolone}");
    assert!(
        ptsd.into_iter()
            .filter_map(Linked::supporting)
            .all(|l| l.entity.id().as_str() != "ganaxolone-therapy")
    );
    // An approved indication is supported and marked as such.
    let cdd = kb.therapies_for("CDKL5 deficiency disorder").unwrap();
    let g = cdd
        .iter()
        .find(|l| l.entity.id().as_str() == "ganaxolone-therapy")
        .unwrap();
    assert!(g.indicated && g.is_supported(), "{g}");
}

/// Medicines with a recorded indication and no `treats` claim are still therapies for that
/// condition, each once: indicated, with no claim.
#[test]
fn an_indication_without_a_claim_is_listed() {
    let therapy = |id: &str| {
        serde_json::json!({"id": id, "name": id, "kind": "drug-product", "active_compounds": ["c"],
            "prescription": true, "indications": ["d"]})
    };
    let doc = serde_json::json!({
        "schema_version": neurosteroid::model::CURRENT_SCHEMA_VERSION,
        "as_of": "2026-01-31",
        "compounds": [{"id": "c", "name": "C"}],
        "conditions": [{"id": "d", "name": "D"}],
        "therapies": [therapy("t"), therapy("u")]
    });
    let kb = KnowledgeBase::from_json(&doc.to_string()).unwrap();
    let links = kb.therapies_for("d").unwrap();
    let ids: Vec<&str> = links.iter().map(|l| l.entity.id().as_str()).collect();
    assert_eq!(ids, ["t", "u"], "{links:?}");
    assert!(links.iter().all(|l| l.indicated && l.claims.is_empty()), "{links:?}");
}

#[test]
fn raised_by_lists_each_strategy_once() {
    let kb = KnowledgeBase::embedded().unwrap();
    let links = kb.raised_by("allo").unwrap();
    let sleep: Vec<&Linked<'_>> = links
        .iter()
        .filter(|l| l.entity.id().as_str() == "sleep-and-light")
        .collect();
    assert_eq!(sleep.len(), 1);
    assert_eq!(sleep[0].claims.len(), 2);
}

/// The fact sheet shows contradicted or unsupported claims apart, under their own
/// sub-heading, never under the section heading that asserts the link.
#[test]
fn fact_sheets_never_list_a_contradicted_claim_under_an_asserting_heading() {
    let kb = KnowledgeBase::embedded().unwrap();
    let mut moved = 0;
    for sheet in &kb.document().fact_sheets {
        let view = kb.fact_sheet(sheet.id.as_str()).unwrap();
        for s in &view.sections {
            for c in &s.claims {
                assert!(
                    !matches!(
                        c.claim.direction,
                        Some(EvidenceDirection::Contradicts | EvidenceDirection::Insufficient)
                    ),
                    "{}: `{}` listed under `{}`",
                    sheet.id,
                    c.claim.id,
                    s.section.heading
                );
            }
            moved += s.unsupported.len();
        }
        let md = kb.render(sheet.id.as_str(), SheetFormat::Markdown).unwrap();
        let html = kb.render(sheet.id.as_str(), SheetFormat::Html).unwrap();
        for s in &view.sections {
            let heading = neurosteroid::__private::markdown_escape(s.section.heading.as_str());
            let start = md.find(&format!("## {heading}\n")).unwrap();
            let rest = &md[start + 3..];
            let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
            let asserted = &section[..section
                .find(neurosteroid::render::UNSUPPORTED_HEADING)
                .unwrap_or(section.len())];
            for c in &s.unsupported {
                let statement = neurosteroid::__private::markdown_escape(c.claim.statement.as_str());
                assert!(
                    !asserted.contains(&statement),
                    "markdown: `{}` under `{}`",
                    c.claim.id,
                    s.section.heading
                );
                assert!(section.contains(&statement), "markdown: `{}` missing", c.claim.id);
                let at = html.find(&format!("id=\"claim-{}\"", c.claim.id)).unwrap();
                let sub = html[..at].rfind(neurosteroid::render::UNSUPPORTED_HEADING).unwrap();
                let h2 = html[..at].rfind("<h2").unwrap();
                assert!(sub > h2, "html: `{}` under `{}`", c.claim.id, s.section.heading);
            }
        }
    }
    assert!(moved >= 5, "{moved}");
}
