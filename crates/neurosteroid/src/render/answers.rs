//! The text and JSON of query answers: biosynthesis routes ([`Route`]), linked entities
//! ([`Linked`]), networks ([`Network`]), what an enzyme makes ([`Made`]) and what acts on a
//! receptor ([`Acting`]). Compiled with or without the `render` feature: the CLI, the
//! bindings and the language server print every answer through these.

use std::fmt;

use serde_json::{Value, json};

use crate::model::Grade;
use crate::network::{Acting, Made, Network};
use crate::query::{Linked, Route, direction_name};

impl Route<'_> {
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
        writeln!(f, "  {}", self.chain(|c| c.name.to_string()))?;
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

impl Linked<'_> {
    /// The link as JSON: the entity's id, kind and name, the direction, the grade, whether
    /// it is an indication, and every claim with its predicate, direction, grade and sources.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.entity.id().as_str(),
            "kind": self.entity.kind().as_str(),
            "name": self.entity.name(),
            "direction": direction_name(self.direction()),
            "grade": self.grade().map(Grade::as_str),
            "indicated": self.indicated,
            "claims": self.claims.iter().map(|c| json!({
                "id": c.id.as_str(),
                "statement": c.statement.as_str(),
                "predicate": c.predicate.as_str(),
                "direction": c.direction.map(direction_name),
                "grade": c.grade.as_str(),
                "sources": c.sources.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

impl fmt::Display for Linked<'_> {
    /// `premenstrual dysphoric disorder — supports (clinical-trial; 2 claims)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.entity.name(), direction_name(self.direction()))?;
        let mut detail = Vec::new();
        if self.indicated {
            detail.push("approved indication".to_owned());
        }
        if let Some(g) = self.grade() {
            detail.push(g.as_str().to_owned());
        }
        match self.claims.len() {
            0 => {}
            1 => detail.push("1 claim".to_owned()),
            n => detail.push(format!("{n} claims")),
        }
        if detail.is_empty() {
            Ok(())
        } else {
            write!(f, " ({})", detail.join("; "))
        }
    }
}

impl Network<'_> {
    /// The route as JSON ([`Route::to_json`]) with a `branches` list of the same step shape.
    pub fn to_json(&self) -> Value {
        let mut v = self.route.to_json();
        let branches = Route {
            target: self.route.target,
            pathway: None,
            steps: self.branches.clone(),
        }
        .to_json()["steps"]
            .take();
        if let Some(o) = v.as_object_mut() {
            o.insert("branches".into(), branches);
        }
        v
    }
}

impl fmt::Display for Network<'_> {
    /// The route's text, then one line per branch step.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.route)?;
        if !self.branches.is_empty() {
            writeln!(f)?;
            writeln!(f, "  branches:")?;
            for s in &self.branches {
                let iso: Vec<&str> = s.isoforms.iter().map(|g| g.symbol.as_str()).collect();
                let iso = if iso.is_empty() {
                    String::new()
                } else {
                    format!(": {}", iso.join(", "))
                };
                writeln!(
                    f,
                    "    {} → {} ({}{iso})",
                    s.substrate.name, s.product.name, s.enzyme.name
                )?;
            }
        }
        Ok(())
    }
}

impl Made<'_> {
    /// As JSON: [`Linked::to_json`] with `direct` and the `steps` (reaction, substrate,
    /// product, enzyme activity, isoforms).
    pub fn to_json(&self) -> Value {
        let mut v = self.link.to_json();
        if let Some(o) = v.as_object_mut() {
            o.insert("direct".into(), json!(self.direct()));
            o.insert(
                "steps".into(),
                self.steps
                    .iter()
                    .map(|s| {
                        json!({
                            "reaction": s.reaction.id.as_str(),
                            "substrate": s.substrate.id.as_str(),
                            "product": s.product.id.as_str(),
                            "enzyme": s.enzyme.id.as_str(),
                            "isoforms": s.isoforms.iter().map(|g| g.symbol.as_str()).collect::<Vec<_>>(),
                        })
                    })
                    .collect(),
            );
        }
        v
    }
}

impl fmt::Display for Made<'_> {
    /// `allopregnanolone — supports (preclinical; 2 claims) · through 5α-dihydroprogesterone (3α-HSD)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.link)?;
        if self.link.claims.is_empty() {
            write!(f, " (no claim recorded)")?;
        }
        match self.steps.as_slice() {
            [s] => write!(f, " · made directly from {}", s.substrate.name),
            [first, rest @ ..] => {
                let through: Vec<String> = rest
                    .iter()
                    .map(|s| format!("{} ({})", s.substrate.name, s.enzyme.name))
                    .collect();
                write!(f, " · from {}, through {}", first.substrate.name, through.join(", "))
            }
            [] => Ok(()),
        }
    }
}

impl Acting<'_> {
    /// As JSON: [`Linked::to_json`] with the `receptor` and the `modes`.
    pub fn to_json(&self) -> Value {
        let mut v = self.link.to_json();
        if let Some(o) = v.as_object_mut() {
            o.insert(
                "receptor".into(),
                json!({"id": self.receptor.id.as_str(), "name": self.receptor.name.as_str()}),
            );
            o.insert("modes".into(), json!(self.modes()));
        }
        v
    }
}

impl fmt::Display for Acting<'_> {
    /// `allopregnanolone — supports (preclinical; 1 claim) · positive-allosteric-modulation at δ-subunit-containing GABA-A receptor`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.link)?;
        let modes = self.modes();
        if modes.is_empty() {
            write!(f, " · acts on {}", self.receptor.name)
        } else {
            write!(f, " · {} at {}", modes.join(", "), self.receptor.name)
        }
    }
}
