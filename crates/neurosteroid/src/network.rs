//! The metabolic network and the family queries: which reactions make and use each
//! compound, the route to any compound where pathways share enzymes and intermediates, the
//! branches off a route, which compounds an enzyme makes, and what acts on a receptor.
//!
//! Everything here reads one index of reactions, claims and receptor subunits, built from the document on first use
//! and kept with the knowledge base, so a query costs the size of its answer, not a scan of
//! every reaction or claim per step.

use std::collections::VecDeque;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::{Error, Result};
use crate::kb::KnowledgeBase;
use crate::model::{
    Claim, Compound, Document, EntityRef, Id, Mechanism, Pathway, Predicate, Reaction, Receptor, Therapy,
};
use crate::query::{Linked, Route, RouteStep};

/// The most branch steps a [`Network`] holds, so that a hostile document cannot make a
/// diagram of unbounded size.
pub const MAX_BRANCH_STEPS: usize = 500;

/// How many steps off the route diagrams and fact sheets follow a branch.
pub const DEFAULT_BRANCH_DEPTH: usize = 2;

/// Positions (in the document's collections) of the reactions, claims and receptors that
/// touch each entity.
#[derive(Debug, Clone, Default)]
pub(crate) struct NetworkIndex {
    made_by: HashMap<Id, Vec<usize>>,
    used_by: HashMap<Id, Vec<usize>>,
    by_enzyme: HashMap<Id, Vec<usize>>,
    by_isoform: HashMap<Id, Vec<usize>>,
    claims_by_object: HashMap<Id, Vec<usize>>,
    claims_by_subject: HashMap<Id, Vec<usize>>,
    receptors_by_subunit: HashMap<Id, Vec<usize>>,
    therapies_by_indication: HashMap<Id, Vec<usize>>,
    therapies_by_compound: HashMap<Id, Vec<usize>>,
    therapies_by_id: HashMap<Id, Vec<usize>>,
    sheets_by_subject: HashMap<Id, Vec<usize>>,
    /// For each compound, the first pathway whose last (recorded) reaction makes it.
    pathway_ending: HashMap<Id, usize>,
    /// For each compound, the first pathway with a reaction that makes it, and the
    /// position of that reaction among the pathway's recorded reactions.
    pathway_passing: HashMap<Id, (usize, usize)>,
}

fn push(map: &mut HashMap<Id, Vec<usize>>, key: &Id, i: usize) {
    let v = map.entry(key.clone()).or_default();
    // A reaction listing the same isoform twice is indexed once.
    if v.last() != Some(&i) {
        v.push(i);
    }
}

impl NetworkIndex {
    /// `reaction` gives the position of the reaction with an id (as `KnowledgeBase::get`
    /// finds it), or `None` where the id names no reaction.
    pub(crate) fn new(doc: &Document, reaction: impl Fn(&str) -> Option<usize>) -> Self {
        let mut ix = NetworkIndex::default();
        for (p, pathway) in doc.pathways.iter().enumerate() {
            let made: Vec<&Id> = pathway
                .steps
                .iter()
                .filter_map(|s| reaction(s.as_str()).and_then(|i| doc.reactions.get(i)))
                .map(|r| &r.product)
                .collect();
            if let Some(last) = made.last() {
                ix.pathway_ending.entry((*last).clone()).or_insert(p);
            }
            for (end, product) in made.iter().enumerate() {
                ix.pathway_passing.entry((*product).clone()).or_insert((p, end));
            }
        }
        for (i, t) in doc.therapies.iter().enumerate() {
            push(&mut ix.therapies_by_id, &t.id, i);
            for c in &t.indications {
                push(&mut ix.therapies_by_indication, c, i);
            }
            for c in &t.active_compounds {
                push(&mut ix.therapies_by_compound, c, i);
            }
        }
        for (i, f) in doc.fact_sheets.iter().enumerate() {
            push(&mut ix.sheets_by_subject, &f.subject, i);
        }
        for (i, r) in doc.reactions.iter().enumerate() {
            push(&mut ix.made_by, &r.product, i);
            push(&mut ix.used_by, &r.substrate, i);
            push(&mut ix.by_enzyme, &r.enzyme, i);
            for g in &r.isoforms {
                push(&mut ix.by_isoform, g, i);
            }
        }
        for (i, c) in doc.claims.iter().enumerate() {
            push(&mut ix.claims_by_object, &c.object, i);
            push(&mut ix.claims_by_subject, &c.subject, i);
        }
        for (i, r) in doc.receptors.iter().enumerate() {
            for g in &r.subunits {
                push(&mut ix.receptors_by_subunit, g, i);
            }
        }
        ix
    }

    fn get<'a>(map: &'a HashMap<Id, Vec<usize>>, id: &str) -> &'a [usize] {
        map.get(id).map_or(&[], Vec::as_slice)
    }
}

impl KnowledgeBase {
    fn reactions_at<'a>(&'a self, positions: &'a [usize]) -> impl Iterator<Item = &'a Reaction> + 'a {
        positions.iter().filter_map(|&i| self.document().reactions.get(i))
    }

    /// Reactions that make the compound with this id, in document order.
    pub(crate) fn makers(&self, id: &str) -> impl Iterator<Item = &Reaction> + '_ {
        self.reactions_at(NetworkIndex::get(&self.network_index().made_by, id))
    }

    /// Reactions that use the compound with this id, in document order.
    pub(crate) fn users(&self, id: &str) -> impl Iterator<Item = &Reaction> + '_ {
        self.reactions_at(NetworkIndex::get(&self.network_index().used_by, id))
    }

    pub(crate) fn claims_with_object(&self, id: &str) -> impl Iterator<Item = &Claim> + '_ {
        NetworkIndex::get(&self.network_index().claims_by_object, id)
            .iter()
            .filter_map(|&i| self.document().claims.get(i))
    }

    /// Claims whose subject is the entity with this id, in document order.
    pub(crate) fn claims_with_subject(&self, id: &str) -> impl Iterator<Item = &Claim> + '_ {
        NetworkIndex::get(&self.network_index().claims_by_subject, id)
            .iter()
            .filter_map(|&i| self.document().claims.get(i))
    }

    /// Claims whose subject or object is the entity with this id, in document order, each
    /// once.
    pub(crate) fn claims_touching(&self, id: &str) -> Vec<&Claim> {
        let ix = self.network_index();
        let mut at: Vec<usize> = NetworkIndex::get(&ix.claims_by_subject, id).to_vec();
        at.extend_from_slice(NetworkIndex::get(&ix.claims_by_object, id));
        at.sort_unstable();
        at.dedup();
        at.into_iter().filter_map(|i| self.document().claims.get(i)).collect()
    }

    fn therapies_at<'a>(&'a self, positions: &'a [usize]) -> impl Iterator<Item = &'a Therapy> + 'a {
        positions.iter().filter_map(|&i| self.document().therapies.get(i))
    }

    /// Therapies with a recorded indication for the condition with this id, in document
    /// order.
    pub(crate) fn therapies_indicated_for(&self, id: &str) -> impl Iterator<Item = &Therapy> + '_ {
        self.therapies_at(NetworkIndex::get(&self.network_index().therapies_by_indication, id))
    }

    /// Positions of the therapies containing the compound with this id.
    #[cfg_attr(not(feature = "render"), allow(dead_code))] // reason: only the renderers ask
    pub(crate) fn therapy_positions_with_compound(&self, id: &str) -> &[usize] {
        NetworkIndex::get(&self.network_index().therapies_by_compound, id)
    }

    /// Positions of the therapies with this id (one in a valid document).
    #[cfg_attr(not(feature = "render"), allow(dead_code))] // reason: only the renderers ask
    pub(crate) fn therapy_positions_with_id(&self, id: &str) -> &[usize] {
        NetworkIndex::get(&self.network_index().therapies_by_id, id)
    }

    /// The first fact sheet whose subject is the entity with this id.
    #[cfg_attr(not(feature = "render"), allow(dead_code))] // reason: only the renderers ask
    pub(crate) fn sheet_about(&self, id: &str) -> Option<&crate::model::FactSheet> {
        NetworkIndex::get(&self.network_index().sheets_by_subject, id)
            .first()
            .and_then(|&i| self.document().fact_sheets.get(i))
    }

    /// The first pathway whose last recorded reaction makes the compound with this id.
    pub(crate) fn pathway_ending_at(&self, id: &str) -> Option<&Pathway> {
        let p = *self.network_index().pathway_ending.get(id)?;
        self.document().pathways.get(p)
    }

    /// The first pathway with a reaction that makes the compound with this id, and the
    /// position of that reaction among the pathway's recorded reactions.
    pub(crate) fn pathway_passing(&self, id: &str) -> Option<(&Pathway, usize)> {
        let (p, end) = *self.network_index().pathway_passing.get(id)?;
        Some((self.document().pathways.get(p)?, end))
    }

    /// The shortest chain of reactions from the nearest origin (a compound no reaction
    /// makes) to the target, found by a breadth-first search back through the reactions
    /// that make each compound (document order breaks ties). Where every route back loops
    /// (a compound made only from what it makes), the chain starts at the compound
    /// farthest back. Each compound is visited once, so loops end.
    pub(crate) fn route_back<'a>(&'a self, target: &'a Compound) -> Vec<&'a Reaction> {
        let mut via: HashMap<&str, &Reaction> = HashMap::default();
        let mut seen: HashSet<&str> = HashSet::default();
        seen.insert(target.id.as_str());
        let mut queue = VecDeque::from([target.id.as_str()]);
        let mut start = target.id.as_str();
        while let Some(c) = queue.pop_front() {
            start = c;
            let mut makers = self.makers(c).peekable();
            if makers.peek().is_none() {
                break;
            }
            for r in makers {
                if seen.insert(r.substrate.as_str()) {
                    via.insert(r.substrate.as_str(), r);
                    queue.push_back(r.substrate.as_str());
                }
            }
        }
        let mut chain = Vec::new();
        let mut c = start;
        while let Some(r) = via.get(c) {
            chain.push(*r);
            c = r.product.as_str();
        }
        chain
    }

    /// The route to a compound with its branches: every reaction that starts from a
    /// compound of the route (or of a branch) up to `depth` steps off the route, and the
    /// other reactions that make a compound of the route. `depth` 0 is the route alone.
    ///
    /// ```
    /// # let kb = neurosteroid::KnowledgeBase::embedded()?;
    /// let net = kb.network("allopregnanolone", 2)?;
    /// // Progesterone also goes down the 5β route to pregnanolone.
    /// assert!(net.branches.iter().any(|s| s.product.id.as_str() == "pregnanolone"));
    /// # Ok::<(), neurosteroid::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text does not resolve to a compound.
    pub fn network(&self, compound: &str, depth: usize) -> Result<Network<'_>> {
        let route = self.biosynthesis(compound)?;
        let on_route: HashSet<&str> = route.steps.iter().map(|s| s.reaction.id.as_str()).collect();
        let mut taken: HashSet<&str> = on_route.clone();
        let mut branches = Vec::new();
        let route_compounds: Vec<&Compound> = route.compounds();
        if depth > 0 {
            // Other ways into the route's compounds.
            for c in &route_compounds {
                for r in self.makers(c.id.as_str()) {
                    if branches.len() < MAX_BRANCH_STEPS && taken.insert(r.id.as_str()) {
                        branches.extend(self.step(r));
                    }
                }
            }
        }
        let mut frontier: Vec<&str> = route_compounds.iter().map(|c| c.id.as_str()).collect();
        for _ in 0..depth {
            let mut next = Vec::new();
            for c in frontier {
                for r in self.users(c) {
                    if branches.len() < MAX_BRANCH_STEPS && taken.insert(r.id.as_str()) {
                        if let Some(s) = self.step(r) {
                            next.push(s.product.id.as_str());
                            branches.push(s);
                        }
                    }
                }
            }
            frontier = next;
        }
        Ok(Network { route, branches })
    }

    /// Which compounds an enzyme makes: named as an enzyme activity (`5α-reductase`,
    /// `3α-HSD`, an EC number) or a gene product (`SRD5A1`, `AKR1C2`), every compound made by
    /// one of its reactions (`direct`), then every compound further down that needs one of
    /// them (`allopregnanolone` needs 5α-reductase through 5α-dihydroprogesterone): nearest
    /// first, then strongest support first (as [`Linked`]). A gene product's reactions are those that list it as an isoform (or, for a
    /// reaction that lists no isoforms, those of an activity it carries).
    ///
    /// Each answer carries the `precursor-of` claims that link a compound of its chain to
    /// it, grouped as in [`Linked`]: the direction and grade of the evidence, a claim the
    /// evidence contradicts marked, never shown as support. A compound made by a recorded
    /// reaction but with no such claim has no grade and the direction `insufficient`.
    ///
    /// ```
    /// # let kb = neurosteroid::KnowledgeBase::embedded()?;
    /// let made = kb.made_by("5α-reductase")?;
    /// assert!(made.iter().any(|m| m.direct() && m.compound.id.as_str() == "5a-dihydroprogesterone"));
    /// assert!(made.iter().any(|m| !m.direct() && m.compound.id.as_str() == "allopregnanolone"));
    /// # Ok::<(), neurosteroid::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text resolves to neither an enzyme activity nor a gene product.
    pub fn made_by(&self, enzyme: &str) -> Result<Vec<Made<'_>>> {
        let r = self.resolve(enzyme)?;
        let ix = self.network_index();
        let own: Vec<&Reaction> = match r.entity {
            EntityRef::Enzyme(e) => self
                .reactions_at(NetworkIndex::get(&ix.by_enzyme, e.id.as_str()))
                .collect(),
            EntityRef::GeneProduct(g) => self
                .document()
                .reactions
                .iter()
                .filter(|r| r.isoforms.contains(&g.id) || (r.isoforms.is_empty() && g.activities.contains(&r.enzyme)))
                .collect(),
            other => {
                return Err(Error::WrongKind {
                    id: other.id().to_string(),
                    expected: "enzyme or gene-product",
                    actual: other.kind().as_str(),
                });
            }
        };
        // Breadth first from the enzyme's own products: each compound once, by its nearest
        // chain.
        let mut chains: Vec<(&Compound, Vec<RouteStep<'_>>)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        let mut queue: VecDeque<(usize, RouteStep<'_>)> = VecDeque::new();
        for r in &own {
            if let Some(s) = self.step(r) {
                if seen.insert(s.product.id.as_str()) {
                    chains.push((s.product, vec![s.clone()]));
                    queue.push_back((chains.len() - 1, s));
                }
            }
        }
        while let Some((at, last)) = queue.pop_front() {
            if chains.len() >= MAX_BRANCH_STEPS {
                break;
            }
            for r in self.users(last.product.id.as_str()) {
                let Some(s) = self.step(r) else { continue };
                if seen.insert(s.product.id.as_str()) {
                    let mut chain = chains[at].1.clone();
                    chain.push(s.clone());
                    chains.push((s.product, chain));
                    queue.push_back((chains.len() - 1, s));
                }
            }
        }
        let mut made: Vec<Made<'_>> = chains
            .into_iter()
            .map(|(compound, steps)| {
                let on_chain: HashSet<&str> = steps.iter().map(|s| s.substrate.id.as_str()).collect();
                let claims = self
                    .claims_with_object(compound.id.as_str())
                    .filter(|c| c.predicate == Predicate::PrecursorOf && on_chain.contains(c.subject.as_str()))
                    .collect();
                Made {
                    compound,
                    steps,
                    link: Linked::new(EntityRef::Compound(compound), claims, false),
                }
            })
            .collect();
        made.sort_by_cached_key(|m| (m.steps.len(), m.link.sort_key()));
        Ok(made)
    }

    /// What acts on a receptor (named any way, or by a subunit's gene product: `GABRD`
    /// gives every receptor built with the δ subunit): one [`Acting`] per ligand and
    /// receptor, with the recorded modes of action and every claim behind them — the
    /// claims the mechanisms cite and the `acts-on` claims about the receptor — grouped as
    /// in [`Linked`], strongest support first. A ligand whose only claim the evidence
    /// contradicts is listed with the direction `contradicts`, never as support.
    ///
    /// ```
    /// # let kb = neurosteroid::KnowledgeBase::embedded()?;
    /// let acting = kb.acting_on("δ-subunit-containing GABA-A receptor")?;
    /// assert!(acting.iter().any(|a| a.link.entity.id().as_str() == "allopregnanolone"));
    /// # Ok::<(), neurosteroid::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text resolves to neither a receptor nor a subunit of one.
    pub fn acting_on(&self, receptor: &str) -> Result<Vec<Acting<'_>>> {
        let r = self.resolve(receptor)?;
        let receptors: Vec<&Receptor> = match r.entity {
            EntityRef::Receptor(x) => vec![x],
            EntityRef::GeneProduct(g) => NetworkIndex::get(&self.network_index().receptors_by_subunit, g.id.as_str())
                .iter()
                .filter_map(|&i| self.document().receptors.get(i))
                .collect(),
            _ => Vec::new(),
        };
        if receptors.is_empty() {
            return Err(Error::WrongKind {
                id: r.entity.id().to_string(),
                expected: "receptor",
                actual: r.entity.kind().as_str(),
            });
        }
        let mut out = Vec::new();
        for rec in receptors {
            let mut ligands: Vec<(&Id, Vec<&Mechanism>, Vec<&Claim>)> = Vec::new();
            fn slot<'a>(ligands: &mut Vec<(&'a Id, Vec<&'a Mechanism>, Vec<&'a Claim>)>, ligand: &'a Id) -> usize {
                match ligands.iter().position(|(l, ..)| *l == ligand) {
                    Some(i) => i,
                    None => {
                        ligands.push((ligand, Vec::new(), Vec::new()));
                        ligands.len() - 1
                    }
                }
            }
            for m in &rec.mechanisms {
                let i = slot(&mut ligands, &m.ligand);
                ligands[i].1.push(m);
                for id in &m.claims {
                    if let Some(EntityRef::Claim(c)) = self.get(id.as_str()) {
                        if !ligands[i].2.iter().any(|x| x.id == c.id) {
                            ligands[i].2.push(c);
                        }
                    }
                }
            }
            for c in self.claims_with_object(rec.id.as_str()) {
                if c.predicate == Predicate::ActsOn {
                    let i = slot(&mut ligands, &c.subject);
                    if !ligands[i].2.iter().any(|x| x.id == c.id) {
                        ligands[i].2.push(c);
                    }
                }
            }
            for (ligand, mechanisms, claims) in ligands {
                if let Some(entity) = self.get(ligand.as_str()) {
                    out.push(Acting {
                        receptor: rec,
                        mechanisms,
                        link: Linked::new(entity, claims, false),
                    });
                }
            }
        }
        out.sort_by_cached_key(|a| (a.link.sort_key(), a.receptor.id.to_string()));
        Ok(out)
    }
}

/// A route with the branches around it (see [`KnowledgeBase::network`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Network<'a> {
    /// The route to the compound, as [`KnowledgeBase::biosynthesis`] picks it.
    pub route: Route<'a>,
    /// The other steps: branches off the route and other ways into it, nearest first.
    pub branches: Vec<RouteStep<'a>>,
}

impl<'a> Network<'a> {
    /// Every compound drawn: the route's first, in order, then those the branches add.
    pub fn compounds(&self) -> Vec<&'a Compound> {
        let mut out = self.route.compounds();
        let mut seen: HashSet<&str> = out.iter().map(|c| c.id.as_str()).collect();
        for s in &self.branches {
            for c in [s.substrate, s.product] {
                if seen.insert(c.id.as_str()) {
                    out.push(c);
                }
            }
        }
        out
    }
}

/// One compound an enzyme makes (see [`KnowledgeBase::made_by`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Made<'a> {
    /// The compound.
    pub compound: &'a Compound,
    /// The chain that makes it: the enzyme's own step first, then the steps after it.
    pub steps: Vec<RouteStep<'a>>,
    /// The `precursor-of` claims from a compound of the chain to this one, with the
    /// direction and grade of their evidence.
    pub link: Linked<'a>,
}

impl Made<'_> {
    /// True when one of the enzyme's own reactions makes the compound.
    pub fn direct(&self) -> bool {
        self.steps.len() == 1
    }

    /// Only the supporting evidence (as [`Linked::supporting`]); `None` when nothing
    /// supports it.
    pub fn supporting(self) -> Option<Self> {
        let Made { compound, steps, link } = self;
        link.supporting().map(|link| Made { compound, steps, link })
    }
}

/// One ligand acting on a receptor (see [`KnowledgeBase::acting_on`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Acting<'a> {
    /// The receptor acted on.
    pub receptor: &'a Receptor,
    /// The recorded modes of action of this ligand at the receptor.
    pub mechanisms: Vec<&'a Mechanism>,
    /// The ligand ([`Linked::entity`]) and every claim behind its action, with the
    /// direction and grade of their evidence.
    pub link: Linked<'a>,
}

impl Acting<'_> {
    /// The modes of action, as written in documents (`positive-allosteric-modulation`),
    /// each once.
    pub fn modes(&self) -> Vec<String> {
        let mut modes: Vec<String> = Vec::new();
        for m in &self.mechanisms {
            let w = m.mode.to_string();
            if !modes.contains(&w) {
                modes.push(w);
            }
        }
        modes
    }

    /// Only the supporting evidence (as [`Linked::supporting`]); `None` when nothing
    /// supports it.
    pub fn supporting(self) -> Option<Self> {
        let Acting {
            receptor,
            mechanisms,
            link,
        } = self;
        link.supporting().map(|link| Acting {
            receptor,
            mechanisms,
            link,
        })
    }
}
