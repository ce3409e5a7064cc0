//! schema.org JSON-LD for a fact sheet: a `MedicalWebPage` about the compound, mentioning
//! its medicines (`Drug`, `DoseSchedule`), conditions (`MedicalCondition`, `MedicalCode`)
//! and therapies (`MedicalTherapy`), with identifiers as `sameAs` IRIs, and its statements
//! (`Claim`, as `hasPart`) with the same badge as the other renderers, the kind of evidence as
//! `evidenceOrigin` and, where a grade fits schema.org's scale, `evidenceLevel`. The context
//! is inline, so the document expands offline.

use serde_json::{Map, Value, json};

use super::sheet::{ClaimView, SheetView, citation, evidence_badge, grade_meaning, source_link};
use crate::kb::KnowledgeBase;
use crate::model::{Compound, Condition, Curie, EntityRef, EvidenceKind, Grade, Therapy};

/// schema.org's `MedicalEvidenceLevel` for a grade, where one fits: level A ("multiple
/// randomized clinical trials or meta-analyses") for a systematic review, B ("a single
/// randomized trial, or nonrandomized studies") for trials and observational studies, C
/// ("consensus opinion of experts") for expert opinion. A regulatory decision, laboratory
/// evidence and unsupported statements have no level on that scale.
pub(crate) fn evidence_level(g: Grade) -> Option<&'static str> {
    match g {
        Grade::SystematicReview => Some("https://schema.org/EvidenceLevelA"),
        Grade::ClinicalTrial | Grade::ClinicalObservational => Some("https://schema.org/EvidenceLevelB"),
        Grade::ExpertOpinion => Some("https://schema.org/EvidenceLevelC"),
        Grade::Regulatory | Grade::Preclinical | Grade::Unsupported => None,
    }
}

fn claim(shown: &ClaimView<'_>, view: &SheetView<'_>) -> Value {
    let c = shown.claim;
    let badge = evidence_badge(c);
    let mut m = Map::new();
    m.insert("@type".into(), json!("Claim"));
    m.insert("@id".into(), json!(format!("#claim-{}", c.id)));
    m.insert("text".into(), json!(c.statement.as_str()));
    m.insert("name".into(), json!(badge.label));
    m.insert("description".into(), json!(badge.title));
    if let Some(level) = evidence_level(c.grade) {
        m.insert("evidenceLevel".into(), json!(level));
    }
    let origin = match c.evidence_kind.as_ref() {
        Some(k) => match k.label() {
            Some(label) => format!("{label} ({k})"),
            None => k.to_string(),
        },
        None => grade_meaning(c.grade).to_owned(),
    };
    m.insert("evidenceOrigin".into(), json!(origin));
    if let Some(k) = c.evidence_kind.as_ref() {
        m.insert("isBasedOn".into(), json!(EvidenceKind::iri(k)));
    }
    let cited: Vec<Value> = shown.refs.iter().map(|n| json!(format!("#ref-{n}"))).collect();
    m.insert("citation".into(), json!(cited));
    if !c.excerpts.is_empty() {
        let quotes: Vec<Value> = c
            .excerpts
            .iter()
            .map(|e| {
                let at = view.reference_number(e.source.as_str()).map(|n| format!("#ref-{n}"));
                json!({"@type": "Quotation", "text": e.text.as_str(), "description": e.locator.as_str(), "isBasedOn": at})
            })
            .collect();
        m.insert("hasPart".into(), json!(quotes));
    }
    Value::Object(m)
}

/// The JSON-LD context: schema.org as the vocabulary; `sameAs` and `url` are IRIs.
pub(crate) fn context() -> Value {
    json!({
        "@vocab": "https://schema.org/",
        "sameAs": {"@id": "https://schema.org/sameAs", "@type": "@id"},
        "evidenceLevel": {"@id": "https://schema.org/evidenceLevel", "@type": "@id"},
        "url": {"@id": "https://schema.org/url", "@type": "@id"}
    })
}

fn same_as(ids: &[Curie]) -> Vec<String> {
    ids.iter().map(Curie::url).collect()
}

fn compound(c: &Compound) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("MolecularEntity"));
    m.insert("@id".into(), json!(format!("#{}", c.id)));
    m.insert("name".into(), json!(c.name.as_str()));
    if !c.synonyms.is_empty() {
        m.insert(
            "alternateName".into(),
            json!(c.synonyms.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
        );
    }
    if let Some(f) = &c.formula {
        m.insert("molecularFormula".into(), json!(f.as_str()));
    }
    if let Some(w) = c.molar_mass {
        m.insert("molecularWeight".into(), json!(format!("{w} g/mol")));
    }
    if let Some(k) = c.identifiers.iter().find(|i| i.key() == "inchikey") {
        m.insert("inChIKey".into(), json!(k.local()));
    }
    if let Some(d) = &c.description {
        m.insert("description".into(), json!(d.as_str()));
    }
    m.insert("sameAs".into(), json!(same_as(&c.identifiers)));
    Value::Object(m)
}

fn condition(c: &Condition) -> Value {
    let codes: Vec<Value> = c
        .identifiers
        .iter()
        .map(|i| json!({"@type": "MedicalCode", "codeValue": i.local(), "codingSystem": i.registry_entry().title}))
        .collect();
    json!({
        "@type": "MedicalCondition",
        "@id": format!("#{}", c.id),
        "name": c.name.as_str(),
        "alternateName": c.synonyms.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "code": codes,
        "sameAs": same_as(&c.identifiers),
    })
}

fn drug(kb: &KnowledgeBase, t: &Therapy) -> Value {
    let actives: Vec<String> = t
        .active_compounds
        .iter()
        .filter_map(|id| kb.get(id.as_str()))
        .map(|e| e.name().to_owned())
        .collect();
    let mut ids = t.identifiers.clone();
    for id in &t.active_compounds {
        if let Some(EntityRef::Compound(c)) = kb.get(id.as_str()) {
            ids.extend(
                c.identifiers
                    .iter()
                    .filter(|i| matches!(i.key(), "drugbank" | "atc"))
                    .cloned(),
            );
        }
    }
    let schedules: Vec<Value> = t
        .doses
        .iter()
        .map(|d| {
            let mut m = Map::new();
            m.insert("@type".into(), json!("DoseSchedule"));
            m.insert("doseValue".into(), json!(d.min.get()));
            m.insert("doseUnit".into(), json!(d.unit.as_str()));
            if let Some(max) = d.max {
                m.insert("maxValue".into(), json!(max.get()));
            }
            if let Some(f) = &d.timing {
                m.insert("frequency".into(), json!(f.as_str()));
            }
            if let Some(c) = &d.context {
                m.insert("description".into(), json!(c.as_str()));
            }
            Value::Object(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("@type".into(), json!("Drug"));
    m.insert("@id".into(), json!(format!("#{}", t.id)));
    m.insert("name".into(), json!(t.name.as_str()));
    if !t.brand_names.is_empty() {
        m.insert(
            "alternateName".into(),
            json!(t.brand_names.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
        );
    }
    m.insert("activeIngredient".into(), json!(actives.join(", ")));
    m.insert(
        "administrationRoute".into(),
        json!(t.routes.iter().map(|r| r.words()).collect::<Vec<_>>().join(", ")),
    );
    m.insert(
        "prescriptionStatus".into(),
        json!(if t.prescription {
            "https://schema.org/PrescriptionOnly"
        } else {
            "https://schema.org/OTC"
        }),
    );
    m.insert("doseSchedule".into(), json!(schedules));
    let statuses: Vec<String> = t
        .statuses()
        .iter()
        .map(|cur| format!("{} {} on {}", cur.regulator.as_str(), cur.status.as_str(), cur.date))
        .collect();
    if !statuses.is_empty() {
        m.insert("legalStatus".into(), json!(statuses.join("; ")));
    }
    if let Some(d) = &t.description {
        m.insert("description".into(), json!(d.as_str()));
    }
    m.insert("sameAs".into(), json!(same_as(&ids)));
    Value::Object(m)
}

/// The JSON-LD document of a fact sheet.
pub(crate) fn render(kb: &KnowledgeBase, view: &SheetView<'_>) -> Value {
    let about = match view.subject {
        EntityRef::Compound(c) => compound(c),
        e => json!({"@type": "Thing", "name": e.name()}),
    };
    let mut mentions = Vec::new();
    for s in &view.sections {
        for t in &s.therapies {
            mentions.push(drug(kb, t));
        }
    }
    // Conditions that a claim on the sheet is about: one pass over the sheet's claims, then
    // one over the conditions (linear in both, whatever the size of the sheet).
    let on_sheet: rustc_hash::FxHashSet<&str> = view
        .sections
        .iter()
        .flat_map(|s| s.claims.iter().chain(&s.unsupported))
        .flat_map(|v| [v.claim.subject.as_str(), v.claim.object.as_str()])
        .collect();
    for c in &kb.document().conditions {
        if on_sheet.contains(c.id.as_str()) {
            mentions.push(condition(c));
        }
    }
    for st in &kb.document().strategies {
        mentions.push(json!({"@type": "MedicalTherapy", "@id": format!("#{}", st.id), "name": st.name.as_str(), "description": st.description.as_ref().map(|d| d.as_str())}));
    }
    let claims: Vec<Value> = view
        .sections
        .iter()
        .flat_map(|s| s.claims.iter().chain(&s.unsupported))
        .map(|c| claim(c, view))
        .collect();
    let citations: Vec<Value> = view
        .references
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut m = Map::new();
            m.insert("@type".into(), json!("CreativeWork"));
            m.insert("@id".into(), json!(format!("#ref-{}", i + 1)));
            m.insert("name".into(), json!(citation(s)));
            if let Some(l) = source_link(s) {
                m.insert("url".into(), json!(l));
            }
            m.insert("sameAs".into(), json!(same_as(&s.identifiers)));
            Value::Object(m)
        })
        .collect();
    json!({
        "@context": context(),
        "@type": "MedicalWebPage",
        "name": view.sheet.title.as_str(),
        "headline": view.sheet.subtitle.as_ref().map(|s| s.as_str()),
        "description": view.sheet.summary.as_str(),
        "lastReviewed": view.as_of,
        "dateModified": view.as_of,
        "inLanguage": "en",
        "about": about,
        "mentions": mentions,
        "hasPart": claims,
        "citation": citations,
        "disclaimer": super::NOTICE,
    })
}

/// JSON-LD text that is safe to paste inside `<script type="application/ld+json">`: `<`,
/// `>` and `&` (which JSON allows raw, and which let a name such as `</script>` end the
/// script element) and the JavaScript line separators U+2028/U+2029 are written as
/// `\uXXXX` escapes. They can only occur inside JSON strings, where the escape means the
/// same character, so the data is unchanged for every JSON reader.
pub(crate) fn to_text(value: &Value) -> String {
    let raw = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}
