//! Queries over a knowledge base: biosynthesis routes, neighbours, linked conditions,
//! therapies, effects.

use crate::error::{Error, Result};
use crate::kb::KnowledgeBase;
use crate::model::{
    Claim, Compound, EntityRef, EnzymeActivity, EvidenceDirection, GeneProduct, Grade, Pathway, Predicate, Reaction,
};

/// One step of a biosynthesis route, with everything needed to show it.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteStep<'a> {
    /// The reaction.
    pub reaction: &'a Reaction,
    /// Its substrate.
    pub substrate: &'a Compound,
    /// Its product.
    pub product: &'a Compound,
    /// The enzyme activity.
    pub enzyme: &'a EnzymeActivity,
    /// The human isoforms that carry it out.
    pub isoforms: Vec<&'a GeneProduct>,
    /// Proteins that control the step.
    pub regulators: Vec<&'a GeneProduct>,
}

impl RouteStep<'_> {
    /// The EC numbers of the step's enzyme activity, as CURIEs (`EC:1.3.1.22`).
    pub fn ec_numbers(&self) -> Vec<String> {
        self.enzyme
            .identifiers
            .iter()
            .filter(|c| c.key() == "ec")
            .map(ToString::to_string)
            .collect()
    }
}

/// The route from the first precursor to a compound.
#[derive(Debug, Clone, PartialEq)]
pub struct Route<'a> {
    /// The compound made.
    pub target: &'a Compound,
    /// The curated pathway the route comes from, if any.
    pub pathway: Option<&'a Pathway>,
    /// The steps, first precursor first.
    pub steps: Vec<RouteStep<'a>>,
}

impl<'a> Route<'a> {
    /// The first precursor (the target itself when nothing makes it).
    pub fn origin(&self) -> &'a Compound {
        self.steps.first().map_or(self.target, |s| s.substrate)
    }

    /// The compounds along the route, first precursor first.
    pub fn compounds(&self) -> Vec<&'a Compound> {
        std::iter::once(self.origin())
            .chain(self.steps.iter().map(|s| s.product))
            .collect()
    }

    /// The compounds along the route, each written by `name`, as `A → B → C`.
    pub(crate) fn chain(&self, name: impl Fn(&Compound) -> String) -> String {
        self.compounds().into_iter().map(name).collect::<Vec<_>>().join(" → ")
    }
}

/// How a claim's direction ranks, strongest support first: `supports`, `mixed`, then
/// `insufficient` (and a claim that states no direction), then `contradicts`.
fn support_rank(d: Option<EvidenceDirection>) -> u8 {
    match d {
        Some(EvidenceDirection::Supports) => 0,
        Some(EvidenceDirection::Mixed) => 1,
        Some(EvidenceDirection::Insufficient) | None => 2,
        Some(EvidenceDirection::Contradicts) => 3,
    }
}

/// The stable kebab-case name of an evidence direction (`supports`, `mixed`,
/// `insufficient`, `contradicts`).
pub fn direction_name(d: EvidenceDirection) -> &'static str {
    d.as_str()
}

/// An entity linked to the query, with every claim that links it and what the evidence
/// says overall.
///
/// Query answers ([`KnowledgeBase::conditions_linked`], [`KnowledgeBase::effects`],
/// [`KnowledgeBase::raised_by`], [`KnowledgeBase::lowered_by`],
/// [`KnowledgeBase::therapies_for`]) hold one `Linked` per entity, ordered by strength of
/// support: first by [`Linked::direction`] (`supports`, `mixed`, `insufficient`,
/// `contradicts`), then by the grade of the strongest claim in that direction. A link whose
/// evidence contradicts it is still listed (a reader should know the claim is made and
/// wrong), with `direction` saying so; [`Linked::supporting`] keeps only what the evidence
/// supports.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked<'a> {
    /// The entity linked.
    pub entity: EntityRef<'a>,
    /// Every claim that links it, strongest support first (direction, then grade).
    pub claims: Vec<&'a Claim>,
    /// For [`KnowledgeBase::therapies_for`]: the condition is one of the medicine's recorded
    /// (approved) indications. Always `false` for the other queries.
    pub indicated: bool,
}

impl<'a> Linked<'a> {
    pub(crate) fn new(entity: EntityRef<'a>, mut claims: Vec<&'a Claim>, indicated: bool) -> Self {
        claims.sort_by(|a, b| {
            (support_rank(a.direction), a.grade, a.id.as_str()).cmp(&(
                support_rank(b.direction),
                b.grade,
                b.id.as_str(),
            ))
        });
        Linked {
            entity,
            claims,
            indicated,
        }
    }

    /// What the evidence says about the link as a whole: `supports` when a recorded
    /// indication or any claim is supported — unless another claim with the same predicate
    /// is contradicted, which makes it `mixed`; otherwise the direction of the best-supported
    /// claim. A claim that states no direction counts as `insufficient`.
    pub fn direction(&self) -> EvidenceDirection {
        if self.indicated {
            return EvidenceDirection::Supports;
        }
        let best = self.claims.first().map_or(EvidenceDirection::Insufficient, |c| {
            c.direction.unwrap_or(EvidenceDirection::Insufficient)
        });
        if best == EvidenceDirection::Supports {
            let disputed = self.claims.iter().any(|s| {
                s.direction == Some(EvidenceDirection::Supports)
                    && self
                        .claims
                        .iter()
                        .any(|c| c.direction == Some(EvidenceDirection::Contradicts) && c.predicate == s.predicate)
            });
            if disputed {
                return EvidenceDirection::Mixed;
            }
        }
        best
    }

    /// True when the evidence supports the link ([`Linked::direction`] is `supports`).
    pub fn is_supported(&self) -> bool {
        self.direction() == EvidenceDirection::Supports
    }

    /// The grade of the strongest claim in the link's direction (`None` for an indication
    /// without a claim).
    pub fn grade(&self) -> Option<Grade> {
        let d = self.claims.first().map(|c| support_rank(c.direction))?;
        self.claims
            .iter()
            .filter(|c| support_rank(c.direction) == d)
            .map(|c| c.grade)
            .min()
    }

    /// Only the supporting evidence: the claims whose direction is `supports` (and the
    /// indication). `None` when nothing is left — the link is not supported.
    pub fn supporting(self) -> Option<Self> {
        let claims: Vec<&Claim> = self
            .claims
            .into_iter()
            .filter(|c| c.direction == Some(EvidenceDirection::Supports))
            .collect();
        (self.indicated || !claims.is_empty()).then_some(Linked { claims, ..self })
    }

    pub(crate) fn sort_key(&self) -> (u8, Option<Grade>, String) {
        (
            support_rank(Some(self.direction())),
            self.grade(),
            self.entity.name().to_lowercase(),
        )
    }
}

/// Which side of a claim the queried entity is on.
#[derive(Clone, Copy)]
enum Side<'a> {
    Subject(&'a str),
    Object(&'a str),
}

/// Groups claims by the entity on their other side and orders the groups by strength of
/// support.
fn group<'a>(pairs: Vec<(EntityRef<'a>, &'a Claim)>, indicated: &[EntityRef<'a>]) -> Vec<Linked<'a>> {
    let mut order: Vec<EntityRef<'a>> = Vec::new();
    let mut by: Vec<Vec<&'a Claim>> = Vec::new();
    for e in indicated {
        if !order.iter().any(|o| o.id() == e.id()) {
            order.push(*e);
            by.push(Vec::new());
        }
    }
    for (e, c) in pairs {
        if let Some(i) = order.iter().position(|o| o.id() == e.id()) {
            if !by[i].iter().any(|x| x.id == c.id) {
                by[i].push(c);
            }
        } else {
            order.push(e);
            by.push(vec![c]);
        }
    }
    let mut links: Vec<Linked<'a>> = order
        .into_iter()
        .zip(by)
        .map(|(e, claims)| {
            let ind = indicated.iter().any(|i| i.id() == e.id());
            Linked::new(e, claims, ind)
        })
        .collect();
    links.sort_by_cached_key(Linked::sort_key);
    links
}

impl KnowledgeBase {
    pub(crate) fn compound(&self, text: &str) -> Result<&Compound> {
        let r = self.resolve(text)?;
        let entity = std::iter::once(r.entity)
            .chain(r.related)
            .find(|e| matches!(e, EntityRef::Compound(_)));
        match entity {
            Some(EntityRef::Compound(c)) => Ok(c),
            _ => Err(Error::WrongKind {
                id: r.entity.id().to_string(),
                expected: "compound",
                actual: r.entity.kind().as_str(),
            }),
        }
    }

    fn reaction_by_id(&self, id: &str) -> Option<&Reaction> {
        match self.get(id)? {
            EntityRef::Reaction(r) => Some(r),
            _ => None,
        }
    }

    pub(crate) fn step<'a>(&'a self, r: &'a Reaction) -> Option<RouteStep<'a>> {
        let compound = |id: &str| match self.get(id) {
            Some(EntityRef::Compound(c)) => Some(c),
            _ => None,
        };
        let gene = |id: &crate::model::Id| match self.get(id.as_str()) {
            Some(EntityRef::GeneProduct(g)) => Some(g),
            _ => None,
        };
        let enzyme = match self.get(r.enzyme.as_str())? {
            EntityRef::Enzyme(e) => e,
            _ => return None,
        };
        Some(RouteStep {
            reaction: r,
            substrate: compound(r.substrate.as_str())?,
            product: compound(r.product.as_str())?,
            enzyme,
            isoforms: r.isoforms.iter().filter_map(gene).collect(),
            regulators: r.regulators.iter().filter_map(gene).collect(),
        })
    }

    /// The biosynthesis route of a compound (named any way [`KnowledgeBase::resolve`]
    /// accepts), from its first precursor, with the activity and isoforms of each step.
    ///
    /// Where pathways share enzymes and intermediates, the route is picked in this order: a
    /// curated pathway that ends at the compound; else the first curated pathway that passes
    /// through it (up to the compound); else the shortest chain of recorded reactions from
    /// the nearest origin (a compound nothing makes), traced back through an index of the
    /// reactions that make each compound, each compound visited once (loops end).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn biosynthesis(&self, compound: &str) -> Result<Route<'_>> {
        let target = self.compound(compound)?;
        // The pathways ending at (else passing through) each compound are indexed once.
        let reactions = |p: &'_ Pathway| -> Vec<&Reaction> {
            p.steps.iter().filter_map(|s| self.reaction_by_id(s.as_str())).collect()
        };
        if let Some(p) = self.pathway_ending_at(target.id.as_str()) {
            return Ok(Route {
                target,
                pathway: Some(p),
                steps: reactions(p).into_iter().filter_map(|r| self.step(r)).collect(),
            });
        }
        if let Some((p, end)) = self.pathway_passing(target.id.as_str()) {
            return Ok(Route {
                target,
                pathway: Some(p),
                steps: reactions(p)
                    .into_iter()
                    .take(end + 1)
                    .filter_map(|r| self.step(r))
                    .collect(),
            });
        }
        Ok(Route {
            target,
            pathway: None,
            steps: self
                .route_back(target)
                .into_iter()
                .filter_map(|r| self.step(r))
                .collect(),
        })
    }

    /// Reactions that make the compound (its direct precursors).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn upstream(&self, compound: &str) -> Result<Vec<RouteStep<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.makers(c.id.as_str()).filter_map(|r| self.step(r)).collect())
    }

    /// Reactions that use the compound (its direct products).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn downstream(&self, compound: &str) -> Result<Vec<RouteStep<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.users(c.id.as_str()).filter_map(|r| self.step(r)).collect())
    }

    /// Claims with one of `predicates` about the entity on one side (`Subject(id)` or
    /// `Object(id)`), grouped by the entity on the other side; read from the claim index.
    fn linked(&self, side: Side<'_>, predicates: &[Predicate]) -> Vec<Linked<'_>> {
        let (claims, subject): (Box<dyn Iterator<Item = &Claim>>, bool) = match side {
            Side::Subject(id) => (Box::new(self.claims_with_subject(id)), true),
            Side::Object(id) => (Box::new(self.claims_with_object(id)), false),
        };
        let pairs = claims
            .filter(|c| predicates.contains(&c.predicate))
            .filter_map(|c| {
                let other = if subject { &c.object } else { &c.subject };
                self.get(other.as_str()).map(|entity| (entity, c))
            })
            .collect();
        group(pairs, &[])
    }

    /// Conditions linked to low (or altered) levels of a compound: one [`Linked`] per
    /// condition, with every claim and the direction of the evidence, strongest support
    /// first. A link the evidence contradicts ("levels are *not* low in PMDD") has the
    /// direction `contradicts`; [`Linked::supporting`] keeps only supported links.
    ///
    /// ```
    /// # let kb = neurosteroid::KnowledgeBase::embedded()?;
    /// for link in kb.conditions_linked("allopregnanolone")? {
    ///     println!("{link}"); // e.g. `PTSD — supports (clinical-observational; 1 claim)`
    /// }
    /// let supported: Vec<_> = kb.conditions_linked("allopregnanolone")?.into_iter().filter_map(|l| l.supporting()).collect();
    /// assert!(supported.iter().all(|l| l.claims.iter().all(|c| c.direction == Some(neurosteroid::model::EvidenceDirection::Supports))));
    /// # Ok::<(), neurosteroid::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn conditions_linked(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(
            Side::Subject(c.id.as_str()),
            &[
                Predicate::LowLevelsAssociatedWith,
                Predicate::AlteredSignallingAssociatedWith,
            ],
        ))
    }

    /// Effects of a compound: one [`Linked`] per effect, strongest support first (see
    /// [`Linked`] for the order and the direction).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn effects(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(Side::Subject(c.id.as_str()), &[Predicate::HasEffect]))
    }

    /// Therapies and strategies claimed to raise a compound's level: one [`Linked`] per
    /// medicine or strategy, strongest support first.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn raised_by(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(Side::Object(c.id.as_str()), &[Predicate::RaisesLevelOf]))
    }

    /// Medicines and other factors claimed to lower a compound's level: one [`Linked`] per
    /// factor, strongest support first.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn lowered_by(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(Side::Object(c.id.as_str()), &[Predicate::LowersLevelOf]))
    }

    /// Medicines indicated for, or claimed to treat, a condition: one [`Linked`] per
    /// medicine, with [`Linked::indicated`] set for a recorded indication and every
    /// `treats` claim, ordered by strength of support. A medicine that a trial found not to
    /// work is listed with the direction `contradicts`; use [`Linked::supporting`] to drop it.
    ///
    /// # Errors
    /// When the text does not resolve to a condition.
    pub fn therapies_for(&self, condition: &str) -> Result<Vec<Linked<'_>>> {
        let r = self.resolve(condition)?;
        let EntityRef::Condition(c) = r.entity else {
            return Err(Error::WrongKind {
                id: r.entity.id().to_string(),
                expected: "condition",
                actual: r.entity.kind().as_str(),
            });
        };
        let indicated: Vec<EntityRef<'_>> = self
            .therapies_indicated_for(c.id.as_str())
            .map(EntityRef::Therapy)
            .collect();
        let pairs = self
            .claims_with_object(c.id.as_str())
            .filter(|cl| cl.predicate == Predicate::Treats)
            .filter_map(|cl| match self.get(cl.subject.as_str()) {
                Some(e @ EntityRef::Therapy(_)) => Some((e, cl)),
                _ => None,
            })
            .collect();
        Ok(group(pairs, &indicated))
    }

    /// Every claim whose subject or object is the entity.
    pub fn claims_about(&self, id: &str) -> Vec<&Claim> {
        self.claims_touching(id)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // reason: a test fails loudly
    use super::*;
    use serde_json::Value;

    /// The scans that the indexes replaced, kept as the reference the indexed answers are
    /// compared with.
    fn biosynthesis_by_scan<'a>(kb: &'a KnowledgeBase, compound: &str) -> Route<'a> {
        let target = kb.compound(compound).unwrap();
        let mut passing: Option<(&Pathway, Vec<&Reaction>)> = None;
        for p in &kb.document().pathways {
            let reactions: Vec<&Reaction> = p.steps.iter().filter_map(|s| kb.reaction_by_id(s.as_str())).collect();
            if reactions.last().is_some_and(|r| r.product == target.id) {
                let steps = reactions.iter().filter_map(|r| kb.step(r)).collect();
                return Route {
                    target,
                    pathway: Some(p),
                    steps,
                };
            }
            if passing.is_none() {
                if let Some(end) = reactions.iter().position(|r| r.product == target.id) {
                    passing = Some((p, reactions[..=end].to_vec()));
                }
            }
        }
        let (pathway, reactions) = match passing {
            Some((p, reactions)) => (Some(p), reactions),
            None => (None, kb.route_back(target)),
        };
        Route {
            target,
            pathway,
            steps: reactions.iter().filter_map(|r| kb.step(r)).collect(),
        }
    }

    fn linked_by_scan<'a>(kb: &'a KnowledgeBase, side: Side<'_>, predicates: &[Predicate]) -> Vec<Linked<'a>> {
        let pairs = kb
            .document()
            .claims
            .iter()
            .filter(|c| predicates.contains(&c.predicate))
            .filter_map(|c| match side {
                Side::Subject(id) if c.subject.as_str() == id => kb.get(c.object.as_str()).map(|e| (e, c)),
                Side::Object(id) if c.object.as_str() == id => kb.get(c.subject.as_str()).map(|e| (e, c)),
                _ => None,
            })
            .collect();
        group(pairs, &[])
    }

    fn therapies_for_by_scan<'a>(kb: &'a KnowledgeBase, c: &'a crate::model::Condition) -> Vec<Linked<'a>> {
        let indicated: Vec<EntityRef<'_>> = kb
            .document()
            .therapies
            .iter()
            .filter(|t| t.indications.contains(&c.id))
            .map(EntityRef::Therapy)
            .collect();
        let pairs = kb
            .document()
            .claims
            .iter()
            .filter(|cl| cl.predicate == Predicate::Treats && cl.object == c.id)
            .filter_map(|cl| match kb.get(cl.subject.as_str()) {
                Some(e @ EntityRef::Therapy(_)) => Some((e, cl)),
                _ => None,
            })
            .collect();
        group(pairs, &indicated)
    }

    fn json(links: &[Linked<'_>]) -> Vec<Value> {
        links.iter().map(Linked::to_json).collect()
    }

    #[test]
    fn indexed_queries_answer_as_the_scans() {
        let kb = KnowledgeBase::embedded().unwrap();
        let doc = kb.document();
        assert!(!doc.pathways.is_empty() && !doc.claims.is_empty() && !doc.therapies.is_empty());
        for c in &doc.compounds {
            let id = c.id.as_str();
            assert_eq!(
                kb.biosynthesis(id).unwrap().to_json(),
                biosynthesis_by_scan(kb, id).to_json(),
                "{id}"
            );
            let lists = [
                (
                    kb.conditions_linked(id).unwrap(),
                    Side::Subject(id),
                    &[
                        Predicate::LowLevelsAssociatedWith,
                        Predicate::AlteredSignallingAssociatedWith,
                    ][..],
                ),
                (kb.effects(id).unwrap(), Side::Subject(id), &[Predicate::HasEffect][..]),
                (
                    kb.raised_by(id).unwrap(),
                    Side::Object(id),
                    &[Predicate::RaisesLevelOf][..],
                ),
                (
                    kb.lowered_by(id).unwrap(),
                    Side::Object(id),
                    &[Predicate::LowersLevelOf][..],
                ),
            ];
            for (indexed, side, predicates) in lists {
                assert_eq!(json(&indexed), json(&linked_by_scan(kb, side, predicates)), "{id}");
            }
        }
        for c in &doc.conditions {
            let indexed = kb.therapies_for(c.id.as_str()).unwrap();
            assert_eq!(json(&indexed), json(&therapies_for_by_scan(kb, c)), "{}", c.id);
        }
        for (_, _, e) in doc.entities() {
            let id = e.id().as_str();
            let scan: Vec<&Claim> = doc
                .claims
                .iter()
                .filter(|c| c.subject.as_str() == id || c.object.as_str() == id)
                .collect();
            let indexed = kb.claims_about(id);
            assert_eq!(indexed.len(), scan.len(), "{id}");
            assert!(indexed.iter().zip(&scan).all(|(a, b)| std::ptr::eq(*a, *b)), "{id}");
        }
    }
}
