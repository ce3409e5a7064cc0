//! A plain-text summary of any entity, readable at a glance.

use std::fmt::Write;

use crate::kb::KnowledgeBase;
use crate::model::{EntityRef, Text};

fn list(items: &[Text]) -> String {
    items.iter().map(Text::as_str).collect::<Vec<_>>().join(", ")
}

fn name_of(kb: &KnowledgeBase, id: &str) -> String {
    kb.get(id).map_or_else(|| id.to_owned(), |e| e.name().to_owned())
}

/// A multi-line summary of an entity: what it is, its names and identifiers, its links,
/// and the claims about it with their evidence grades.
pub fn summary(kb: &KnowledgeBase, e: EntityRef<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} ({}: {})", e.name(), e.kind(), e.id());
    let other = e.other_names();
    if !other.is_empty() {
        let _ = writeln!(s, "  also:        {}", other.join(", "));
    }
    if !e.identifiers().is_empty() {
        let ids: Vec<String> = e.identifiers().iter().map(ToString::to_string).collect();
        let _ = writeln!(s, "  identifiers: {}", ids.join(", "));
    }
    match e {
        EntityRef::Compound(c) => {
            if !c.roles.is_empty() {
                let roles: Vec<String> = c.roles.iter().map(|r| r.words().to_owned()).collect();
                let _ = writeln!(s, "  roles:       {}", roles.join(", "));
            }
            if let Some(f) = &c.formula {
                let _ = writeln!(s, "  formula:     {f}");
            }
            if let Some(m) = c.molar_mass {
                let _ = writeln!(s, "  molar mass:  {m} g/mol");
            }
            if let Some(d) = &c.description {
                let _ = writeln!(s, "\n  {d}");
            }
            if let Ok(route) = kb.biosynthesis(c.id.as_str()) {
                if !route.steps.is_empty() {
                    let _ = writeln!(s, "\n  made by:     {}", route.chain(|c| c.name.to_string()));
                }
            }
        }
        EntityRef::GeneProduct(g) => {
            let _ = writeln!(s, "  symbol:      {}", g.symbol);
            if !g.activities.is_empty() {
                let acts: Vec<String> = g.activities.iter().map(|a| name_of(kb, a.as_str())).collect();
                let _ = writeln!(s, "  activities:  {}", acts.join(", "));
            }
            if !g.tissues.is_empty() {
                let _ = writeln!(s, "  tissues:     {}", list(&g.tissues));
            }
            if !g.locations.is_empty() {
                let _ = writeln!(s, "  location:    {}", list(&g.locations));
            }
            if !g.cofactors.is_empty() {
                let _ = writeln!(s, "  cofactors:   {}", list(&g.cofactors));
            }
            if let Some(d) = &g.description {
                let _ = writeln!(s, "\n  {d}");
            }
        }
        EntityRef::Therapy(t) => {
            if !t.brand_names.is_empty() {
                let _ = writeln!(s, "  brands:      {}", list(&t.brand_names));
            }
            let actives: Vec<String> = t.active_compounds.iter().map(|a| name_of(kb, a.as_str())).collect();
            let _ = writeln!(s, "  active:      {}", actives.join(", "));
            let _ = writeln!(s, "  prescription: {}", if t.prescription { "yes" } else { "no" });
            if !t.routes.is_empty() {
                let routes: Vec<String> = t.routes.iter().map(|r| r.words().to_owned()).collect();
                let _ = writeln!(s, "  route:       {}", routes.join(", "));
            }
            for d in &t.doses {
                let range = super::sheet::dose_range(d);
                let timing = d.timing.as_ref().map(|t| format!(", {t}")).unwrap_or_default();
                let context = d.context.as_ref().map(|c| format!(" ({c})")).unwrap_or_default();
                let _ = writeln!(s, "  dose:        {range} {}{timing}{context}", d.unit);
            }
            if !t.status_history.is_empty() {
                let _ = writeln!(s, "  regulatory history:");
                for ev in &t.status_history {
                    let status = ev.status.words();
                    let reg = ev.regulator.words();
                    let detail = ev.detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
                    let _ = writeln!(s, "    {}  {reg} {status}{detail}", ev.date);
                }
            }
            if let Some(d) = &t.description {
                let _ = writeln!(s, "\n  {d}");
            }
        }
        EntityRef::Claim(c) => {
            let _ = writeln!(
                s,
                "  {} —{}→ {}",
                name_of(kb, c.subject.as_str()),
                c.predicate.as_str(),
                name_of(kb, c.object.as_str())
            );
            let _ = writeln!(s, "  grade:       {}", c.grade.as_str());
            if let Some(d) = c.direction {
                let _ = writeln!(s, "  direction:   {}", d.as_str());
            }
            if let Some(k) = &c.evidence_kind {
                let label = k.label().map(|l| format!(" ({l})")).unwrap_or_default();
                let _ = writeln!(s, "  evidence:    {k}{label}");
            }
            if let Some(consensus) = c.consensus {
                let _ = writeln!(s, "  consensus:   {consensus}");
            }
            if let Some(n) = &c.notes {
                let _ = writeln!(s, "  note:        {n}");
            }
            let srcs: Vec<String> = c.sources.iter().map(|x| name_of(kb, x.as_str())).collect();
            let _ = writeln!(s, "  sources:     {}", srcs.join("; "));
            for e in &c.excerpts {
                let _ = writeln!(s, "  quote:       “{}” ({}, {})", e.text, e.source, e.locator);
            }
        }
        EntityRef::Reaction(r) => {
            let _ = writeln!(
                s,
                "  {} → {}",
                name_of(kb, r.substrate.as_str()),
                name_of(kb, r.product.as_str())
            );
            let _ = writeln!(s, "  enzyme:      {}", name_of(kb, r.enzyme.as_str()));
        }
        EntityRef::Receptor(r) => {
            if let Some(d) = &r.description {
                let _ = writeln!(s, "\n  {d}");
            }
            for m in &r.mechanisms {
                let mode = m.mode.words();
                let conc = m.concentration.as_ref().map(|c| format!(" at {c}")).unwrap_or_default();
                let _ = writeln!(s, "  {}: {mode}{conc}", name_of(kb, m.ligand.as_str()));
                if let Some(sel) = &m.subunit_selectivity {
                    let _ = writeln!(s, "    most sensitive: {sel}");
                }
                if let Some(site) = &m.binding_site {
                    let _ = writeln!(s, "    binding site:   {site}");
                }
            }
        }
        EntityRef::Source(src) => {
            if let Some(a) = &src.authors {
                let _ = writeln!(s, "  authors:     {a}");
            }
            if let Some(y) = src.year {
                let _ = writeln!(s, "  year:        {}", y.get());
            }
            if let Some(u) = &src.url {
                let _ = writeln!(s, "  url:         {u}");
            }
        }
        _ => {}
    }
    let claims = kb.claims_about(e.id().as_str());
    if !claims.is_empty() {
        let _ = writeln!(s, "\n  claims ({}):", claims.len());
        for c in claims {
            let direction = c.direction.map_or("direction not stated", |d| d.as_str());
            let _ = writeln!(s, "    [{}; {direction}] {}", c.grade.as_str(), c.statement);
        }
    }
    s
}
