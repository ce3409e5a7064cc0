//! SBML Level 3 Version 2: one model per pathway.
//!
//! Compounds on the route are species, each step a reaction (reversible where we record it),
//! the gene products (isoforms and regulators) modifiers, the locations we record
//! compartments. MIRIAM annotations with identifiers.org URIs: species `bqbiol:is` their
//! ChEBI/PubChem/UniProt/HGNC identifiers, reactions `bqbiol:isVersionOf` the enzyme
//! activity's EC number, reactions `bqbiol:is` the Rhea reaction of their physiological
//! direction (and `bqbiol:isVersionOf` its direction-free Rhea master entry).

use std::collections::BTreeMap;

use super::vocab;
use crate::kb::KnowledgeBase;
use crate::model::{Curie, EntityRef, Id, Pathway, Reaction};

/// An SBML `SId` for an id: letters, digits and `_`, not starting with a digit.
pub fn sid(prefix: &str, id: &str) -> String {
    let body: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}_{body}")
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The identifiers.org URIs worth annotating (the rest are not MIRIAM resources).
fn annotated(ids: &[Curie]) -> Vec<String> {
    ids.iter()
        .filter(|c| {
            matches!(
                c.key(),
                "chebi"
                    | "pubchem.compound"
                    | "uniprot"
                    | "hgnc"
                    | "ncbigene"
                    | "drugbank"
                    | "inchikey"
                    | "rhea"
                    | "ec"
                    | "go"
            )
        })
        .map(vocab::miriam_uri)
        .collect()
}

fn annotation(metaid: &str, qualifiers: &[(&str, Vec<String>)]) -> String {
    let qualifiers: Vec<&(&str, Vec<String>)> = qualifiers.iter().filter(|(_, uris)| !uris.is_empty()).collect();
    if qualifiers.is_empty() {
        return String::new();
    }
    let mut s = String::from(
        "        <annotation>\n          <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:bqbiol=\"http://biomodels.net/biology-qualifiers/\">\n",
    );
    s.push_str(&format!("            <rdf:Description rdf:about=\"#{metaid}\">\n"));
    for (q, uris) in qualifiers {
        s.push_str(&format!("              <bqbiol:{q}>\n                <rdf:Bag>\n"));
        for u in uris {
            s.push_str(&format!("                  <rdf:li rdf:resource=\"{}\"/>\n", xml(u)));
        }
        s.push_str(&format!("                </rdf:Bag>\n              </bqbiol:{q}>\n"));
    }
    s.push_str("            </rdf:Description>\n          </rdf:RDF>\n        </annotation>\n");
    s
}

struct Species<'a> {
    id: &'a Id,
    name: &'a str,
    identifiers: &'a [Curie],
    compartment: String,
}

fn add_species<'a>(kb: &'a KnowledgeBase, species: &mut Vec<Species<'a>>, id: &'a Id, compartment: &str) {
    if species.iter().any(|s| s.id == id) {
        return;
    }
    let (name, identifiers) = match kb.get(id.as_str()) {
        Some(e) => (e.name(), e.identifiers()),
        None => (id.as_str(), &[][..]),
    };
    species.push(Species {
        id,
        name,
        identifiers,
        compartment: compartment.to_owned(),
    });
}

/// The SBML model of one pathway.
pub fn model<'a>(kb: &'a KnowledgeBase, pathway: &'a Pathway) -> String {
    let reactions: Vec<&'a Reaction> = pathway
        .steps
        .iter()
        .filter_map(|s| match kb.get(s.as_str()) {
            Some(EntityRef::Reaction(r)) => Some(r),
            _ => None,
        })
        .collect();
    // Compartments: the first location of each step, in order; "unspecified" when none.
    let mut compartments: Vec<(String, String)> = Vec::new();
    let compartment_of = |r: &Reaction, compartments: &mut Vec<(String, String)>| -> String {
        let name = r.locations.first().map_or("unspecified location", |l| l.as_str());
        let id = sid("c", &name.to_lowercase());
        if !compartments.iter().any(|(i, _)| *i == id) {
            compartments.push((id.clone(), name.to_owned()));
        }
        id
    };
    let mut species: Vec<Species<'a>> = Vec::new();
    let mut reaction_xml = String::new();
    for &r in &reactions {
        let c = compartment_of(r, &mut compartments);
        for id in [&r.substrate, &r.product]
            .into_iter()
            .chain(&r.isoforms)
            .chain(&r.regulators)
        {
            add_species(kb, &mut species, id, &c);
        }
        let rid = sid("r", r.id.as_str());
        reaction_xml.push_str(&format!(
            "      <reaction id=\"{rid}\" metaid=\"meta_{rid}\" name=\"{}\" reversible=\"{}\" compartment=\"{c}\">\n",
            xml(r.name.as_str()),
            r.reversible
        ));
        let ec: Vec<String> = match kb.get(r.enzyme.as_str()) {
            Some(EntityRef::Enzyme(e)) => annotated(&e.identifiers),
            _ => Vec::new(),
        };
        // The Rhea reaction that runs in cells is what the step is; its direction-free master
        // entry and the EC class are what it is a version of.
        let mut is: Vec<String> = annotated(r.rhea_direction.as_slice());
        let mut version_of = ec;
        if let Some(master) = &r.rhea_master {
            if is.is_empty() {
                is = annotated(std::slice::from_ref(master));
            } else {
                version_of.extend(annotated(std::slice::from_ref(master)));
            }
        }
        reaction_xml.push_str(&annotation(
            &format!("meta_{rid}"),
            &[("is", is), ("isVersionOf", version_of)],
        ));
        reaction_xml.push_str(&format!(
            "        <listOfReactants>\n          <speciesReference species=\"{}\" stoichiometry=\"1\" constant=\"true\"/>\n        </listOfReactants>\n",
            sid("s", r.substrate.as_str())
        ));
        reaction_xml.push_str(&format!(
            "        <listOfProducts>\n          <speciesReference species=\"{}\" stoichiometry=\"1\" constant=\"true\"/>\n        </listOfProducts>\n",
            sid("s", r.product.as_str())
        ));
        let modifiers: Vec<&Id> = r.isoforms.iter().chain(&r.regulators).collect();
        if !modifiers.is_empty() {
            reaction_xml.push_str("        <listOfModifiers>\n");
            for g in modifiers {
                reaction_xml.push_str(&format!(
                    "          <modifierSpeciesReference species=\"{}\"/>\n",
                    sid("s", g.as_str())
                ));
            }
            reaction_xml.push_str("        </listOfModifiers>\n");
        }
        reaction_xml.push_str("      </reaction>\n");
    }
    let mid = sid("m", pathway.id.as_str());
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\">\n");
    s.push_str(&format!(
        "  <model id=\"{mid}\" name=\"{}\" substanceUnits=\"mole\" timeUnits=\"second\" volumeUnits=\"litre\" extentUnits=\"mole\">\n",
        xml(pathway.name.as_str())
    ));
    s.push_str("    <listOfCompartments>\n");
    for (id, name) in &compartments {
        s.push_str(&format!(
            "      <compartment id=\"{id}\" name=\"{}\" spatialDimensions=\"3\" size=\"1\" constant=\"true\"/>\n",
            xml(name)
        ));
    }
    s.push_str("    </listOfCompartments>\n    <listOfSpecies>\n");
    for sp in &species {
        let id = sid("s", sp.id.as_str());
        let uris = annotated(sp.identifiers);
        let metaid = if uris.is_empty() {
            String::new()
        } else {
            format!(" metaid=\"meta_{id}\"")
        };
        s.push_str(&format!(
            "      <species id=\"{id}\"{metaid} name=\"{}\" compartment=\"{}\" initialConcentration=\"0\" hasOnlySubstanceUnits=\"false\" boundaryCondition=\"false\" constant=\"false\"",
            xml(sp.name),
            sp.compartment
        ));
        let ann = annotation(&format!("meta_{id}"), &[("is", uris)]);
        if ann.is_empty() {
            s.push_str("/>\n");
        } else {
            s.push_str(">\n");
            s.push_str(&ann);
            s.push_str("      </species>\n");
        }
    }
    s.push_str("    </listOfSpecies>\n    <listOfReactions>\n");
    s.push_str(&reaction_xml);
    s.push_str("    </listOfReactions>\n  </model>\n</sbml>\n");
    s
}

/// One file per pathway: `<pathway-id>.xml`.
pub fn models(kb: &KnowledgeBase) -> BTreeMap<String, String> {
    kb.document()
        .pathways
        .iter()
        .map(|p| (format!("{}.xml", p.id), model(kb, p)))
        .collect()
}
