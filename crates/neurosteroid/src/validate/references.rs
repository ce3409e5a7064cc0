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
            Some(kind) if !expected.is_empty() && !expected.contains(&kind) => {
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
            Some(_) => {}
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
    };
    let src = &[K::Source];
    macro_rules! sources {
        ($field:ident) => {
            for (i, e) in doc.$field.iter().enumerate() {
                c.many(|| format!("/{}/{i}/sources", stringify!($field)), &e.sources, src);
            }
        };
    }
    sources!(compounds);
    sources!(enzymes);
    sources!(gene_products);
    sources!(reactions);
    sources!(pathways);
    sources!(receptors);
    sources!(sites);
    sources!(effects);
    sources!(conditions);
    sources!(therapies);
    sources!(strategies);
    sources!(claims);
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
