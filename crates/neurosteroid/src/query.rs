//! Queries over a knowledge base: biosynthesis routes, neighbours, linked conditions,
//! therapies, effects.

use std::fmt;

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::kb::KnowledgeBase;
use crate::model::{Claim, Compound, EntityRef, EnzymeActivity, GeneProduct, Pathway, Predicate, Reaction, Therapy};

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

impl Route<'_> {
    /// The first precursor (the target itself when nothing makes it).
    pub fn origin(&self) -> &Compound {
        self.steps.first().map_or(self.target, |s| s.substrate)
    }

    /// The compounds along the route, first precursor first.
    pub fn compounds(&self) -> Vec<&Compound> {
        std::iter::once(self.origin())
            .chain(self.steps.iter().map(|s| s.product))
            .collect()
    }

    /// The route as JSON: ids and names, enzymes with EC numbers, isoforms with symbols.
    pub fn to_json(&self) -> Value {
        let named = |id: &str, name: &str| json!({"id": id, "name": name});
        json!({
            "target": named(self.target.id.as_str(), self.target.name.as_str()),
            "pathway": self.pathway.map(|p| named(p.id.as_str(), p.name.as_str())),
            "steps": self.steps.iter().map(|s| json!({
                "reaction": s.reaction.id.as_str(),
                "substrate": named(s.substrate.id.as_str(), s.substrate.name.as_str()),
                "product": named(s.product.id.as_str(), s.product.name.as_str()),
                "enzyme": {
                    "id": s.enzyme.id.as_str(),
                    "name": s.enzyme.name.as_str(),
                    "ec": s.ec_numbers(),
                },
                "isoforms": s.isoforms.iter().map(|g| json!({"id": g.id.as_str(), "symbol": g.symbol.as_str(), "name": g.name.as_str()})).collect::<Vec<_>>(),
                "regulators": s.regulators.iter().map(|g| json!({"id": g.id.as_str(), "symbol": g.symbol.as_str()})).collect::<Vec<_>>(),
                "cofactors": s.reaction.cofactors,
                "locations": s.reaction.locations,
                "rate_limiting": s.reaction.rate_limiting,
                "reversible": s.reaction.reversible,
            })).collect::<Vec<_>>(),
        })
    }
}

impl fmt::Display for Route<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Biosynthesis of {}", self.target.name)?;
        if let Some(p) = self.pathway {
            write!(f, " ({})", p.name)?;
        }
        writeln!(f)?;
        if self.steps.is_empty() {
            return writeln!(f, "  no recorded route makes {}", self.target.name);
        }
        let chain: Vec<&str> = std::iter::once(self.origin().name.as_str())
            .chain(self.steps.iter().map(|s| s.product.name.as_str()))
            .collect();
        writeln!(f, "  {}", chain.join(" → "))?;
        for (i, s) in self.steps.iter().enumerate() {
            writeln!(f)?;
            writeln!(f, "  {}. {} → {}", i + 1, s.substrate.name, s.product.name)?;
            let ec = s.ec_numbers();
            let ec = if ec.is_empty() {
                String::new()
            } else {
                format!(" [{}]", ec.join(", "))
            };
            writeln!(f, "     enzyme:    {}{ec}", s.enzyme.name)?;
            if !s.isoforms.is_empty() {
                let iso: Vec<&str> = s.isoforms.iter().map(|g| g.symbol.as_str()).collect();
                writeln!(f, "     isoforms:  {}", iso.join(", "))?;
            }
            if !s.reaction.cofactors.is_empty() {
                let c: Vec<&str> = s.reaction.cofactors.iter().map(|t| t.as_str()).collect();
                writeln!(f, "     cofactors: {}", c.join(", "))?;
            }
            if !s.reaction.locations.is_empty() {
                let l: Vec<&str> = s.reaction.locations.iter().map(|t| t.as_str()).collect();
                writeln!(f, "     where:     {}", l.join("; "))?;
            }
            if s.reaction.rate_limiting {
                let reg: Vec<&str> = s.regulators.iter().map(|g| g.symbol.as_str()).collect();
                let by = if reg.is_empty() {
                    String::new()
                } else {
                    format!(" (controlled by {})", reg.join(", "))
                };
                writeln!(f, "     rate-limiting step{by}")?;
            }
            if let Some(n) = &s.reaction.notes {
                writeln!(f, "     note:      {n}")?;
            }
        }
        Ok(())
    }
}

/// A claim with the entity on its other side.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked<'a> {
    /// The entity linked.
    pub entity: EntityRef<'a>,
    /// The claim that links it, with its grade and sources.
    pub claim: &'a Claim,
}

impl KnowledgeBase {
    fn compound(&self, text: &str) -> Result<&Compound> {
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

    fn step<'a>(&'a self, r: &'a Reaction) -> Option<RouteStep<'a>> {
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
    /// A curated pathway that reaches the compound is used first; otherwise the route is
    /// traced back through the reactions that make it, stopping at any loop.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn biosynthesis(&self, compound: &str) -> Result<Route<'_>> {
        let target = self.compound(compound)?;
        for p in &self.document().pathways {
            let reactions: Vec<&Reaction> = p.steps.iter().filter_map(|s| self.reaction_by_id(s.as_str())).collect();
            if let Some(end) = reactions.iter().position(|r| r.product == target.id) {
                let steps = reactions[..=end].iter().filter_map(|r| self.step(r)).collect();
                return Ok(Route {
                    target,
                    pathway: Some(p),
                    steps,
                });
            }
        }
        // Traced back through an index of reactions by product (built once per call), so a
        // route of n steps costs O(reactions + n), not O(reactions × n).
        let mut by_product: rustc_hash::FxHashMap<&str, Vec<&Reaction>> = rustc_hash::FxHashMap::default();
        for r in &self.document().reactions {
            by_product.entry(r.product.as_str()).or_default().push(r);
        }
        let mut steps = Vec::new();
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        seen.insert(target.id.as_str());
        let mut current = target.id.as_str();
        while let Some(r) = by_product
            .get(current)
            .and_then(|rs| rs.iter().find(|r| !seen.contains(r.substrate.as_str())))
        {
            if let Some(s) = self.step(r) {
                steps.push(s);
            }
            seen.insert(r.substrate.as_str());
            current = r.substrate.as_str();
        }
        steps.reverse();
        Ok(Route {
            target,
            pathway: None,
            steps,
        })
    }

    /// Reactions that make the compound (its direct precursors).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn upstream(&self, compound: &str) -> Result<Vec<RouteStep<'_>>> {
        let c = self.compound(compound)?;
        Ok(self
            .document()
            .reactions
            .iter()
            .filter(|r| r.product == c.id)
            .filter_map(|r| self.step(r))
            .collect())
    }

    /// Reactions that use the compound (its direct products).
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn downstream(&self, compound: &str) -> Result<Vec<RouteStep<'_>>> {
        let c = self.compound(compound)?;
        Ok(self
            .document()
            .reactions
            .iter()
            .filter(|r| r.substrate == c.id)
            .filter_map(|r| self.step(r))
            .collect())
    }

    fn linked(&self, subject: Option<&str>, object: Option<&str>, predicates: &[Predicate]) -> Vec<Linked<'_>> {
        self.document()
            .claims
            .iter()
            .filter(|c| predicates.contains(&c.predicate))
            .filter(|c| {
                subject.is_none_or(|s| c.subject.as_str() == s) && object.is_none_or(|o| c.object.as_str() == o)
            })
            .filter_map(|c| {
                let other = if subject.is_some() { &c.object } else { &c.subject };
                self.get(other.as_str()).map(|entity| Linked { entity, claim: c })
            })
            .collect()
    }

    /// Conditions linked to low (or altered) levels of a compound, with the claims.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn conditions_linked(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(
            Some(c.id.as_str()),
            None,
            &[
                Predicate::LowLevelsAssociatedWith,
                Predicate::AlteredSignallingAssociatedWith,
            ],
        ))
    }

    /// Effects of a compound, with the claims.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn effects(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(Some(c.id.as_str()), None, &[Predicate::HasEffect]))
    }

    /// Therapies and strategies claimed to raise a compound's level.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn raised_by(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(None, Some(c.id.as_str()), &[Predicate::RaisesLevelOf]))
    }

    /// Medicines and other factors claimed to lower a compound's level.
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn lowered_by(&self, compound: &str) -> Result<Vec<Linked<'_>>> {
        let c = self.compound(compound)?;
        Ok(self.linked(None, Some(c.id.as_str()), &[Predicate::LowersLevelOf]))
    }

    /// Therapies indicated for, or claimed to treat, a condition.
    ///
    /// # Errors
    /// When the text does not resolve to a condition.
    pub fn therapies_for(&self, condition: &str) -> Result<Vec<&Therapy>> {
        let r = self.resolve(condition)?;
        let EntityRef::Condition(c) = r.entity else {
            return Err(Error::WrongKind {
                id: r.entity.id().to_string(),
                expected: "condition",
                actual: r.entity.kind().as_str(),
            });
        };
        let treating: Vec<&str> = self
            .linked(None, Some(c.id.as_str()), &[Predicate::Treats])
            .iter()
            .map(|l| l.entity.id().as_str())
            .collect();
        Ok(self
            .document()
            .therapies
            .iter()
            .filter(|t| t.indications.contains(&c.id) || treating.contains(&t.id.as_str()))
            .collect())
    }

    /// Every claim whose subject or object is the entity.
    pub fn claims_about(&self, id: &str) -> Vec<&Claim> {
        self.document()
            .claims
            .iter()
            .filter(|c| c.subject.as_str() == id || c.object.as_str() == id)
            .collect()
    }
}
