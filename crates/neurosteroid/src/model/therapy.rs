//! Therapies (medicines with their regulatory history) and support strategies.

use serde::{Deserialize, Serialize};

use super::{Curie, Date, Id, Positive, Text, Unit, entity, wire_enum};

wire_enum! {
    /// What kind of therapy.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum TherapyKind ("therapy kind") {
        /// A medicine (a drug product).
        DrugProduct = "drug-product",
        /// A hormone preparation used as therapy.
        HormoneTherapy = "hormone-therapy",
        /// A medicine whose relevance here is a side effect (lowering a neurosteroid).
        InteractingDrug = "interacting-drug",
    }
}

wire_enum! {
    /// Route of administration.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum AdministrationRoute ("route of administration") {
        /// By mouth.
        Oral = "oral",
        /// Into a vein.
        Intravenous = "intravenous",
        /// Into a muscle.
        Intramuscular = "intramuscular",
        /// Through the skin.
        Transdermal = "transdermal",
        /// Into the vagina.
        Vaginal = "vaginal",
        /// On the skin.
        Topical = "topical",
    }
}

wire_enum! {
    /// A regulator.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum Regulator ("regulator") {
        /// US Food and Drug Administration.
        Fda = "FDA",
        /// European Medicines Agency / European Commission.
        Ema = "EMA",
        /// Japan's Ministry of Health, Labour and Welfare / PMDA.
        Pmda = "PMDA",
        /// US Drug Enforcement Administration (scheduling).
        Dea = "DEA",
        /// UK Medicines and Healthcare products Regulatory Agency.
        Mhra = "MHRA",
        /// The company holding the authorisation (marketing decisions).
        Manufacturer = "manufacturer",
    }
}

wire_enum! {
    /// A regulatory event.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum RegulatoryStatus ("regulatory status") {
        /// Approved or authorised.
        Approved = "approved",
        /// The approved label changed (new population, new warning).
        LabelChange = "label-change" / "label changed",
        /// Placed in a controlled-substance schedule.
        Scheduled = "scheduled" / "scheduled as a controlled substance",
        /// The application was refused (complete response letter, negative opinion).
        Refused = "refused",
        /// Taken off the market by the company.
        Discontinued = "discontinued",
        /// The approval was withdrawn.
        Withdrawn = "withdrawn" / "approval withdrawn",
    }
}

/// One dated event in a therapy's regulatory history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// When it took effect.
    pub date: Date,
    /// Who decided.
    pub regulator: Regulator,
    /// What happened.
    pub status: RegulatoryStatus,
    /// The indication or detail concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    /// Condition id of the indication, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Id>,
    /// Source id confirming the event.
    pub source: Id,
}

/// A dose: an amount or range with a UCUM unit, and when it is taken.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dose {
    /// The amount, or the lower end of a range.
    pub min: Positive,
    /// The upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Positive>,
    /// UCUM unit (`mg`, `ug/kg/h`).
    pub unit: Unit,
    /// When it is taken (`at bedtime`, `hours 0-4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Text>,
    /// For how long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Text>,
    /// What the dose is for (the labelled indication, a study's regimen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Text>,
    /// Source id of the dose.
    pub source: Id,
}

/// A therapy: a medicine with brand names, route, doses and a dated status history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Therapy {
    /// Unique id.
    pub id: Id,
    /// Name (usually the INN).
    pub name: Text,
    /// What kind of therapy.
    pub kind: TherapyKind,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// Brand names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brand_names: Vec<Text>,
    /// Compound ids of the active ingredients.
    pub active_compounds: Vec<Id>,
    /// Routes of administration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<AdministrationRoute>,
    /// True when it needs a prescription.
    pub prescription: bool,
    /// Condition ids of approved indications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indications: Vec<Id>,
    /// Doses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doses: Vec<Dose>,
    /// Regulatory history, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_history: Vec<StatusEvent>,
    /// Identifiers of the product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Curie>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Therapy, Therapy, names: [synonyms, brand_names], identifiers: true);

impl Therapy {
    /// The current status with each regulator: for every regulator (and, where a decision
    /// names a condition, for every regulator and condition), its latest event that sets a
    /// status. A label change is history, not a status: it stays in `status_history` and
    /// never replaces an approval here. Ordered by date, oldest first.
    ///
    /// Zuranolone: FDA approved (2023) and PMDA approved (2025) — the later Japanese
    /// approval does not hide the American one, and the 2024 FDA label change is not a status.
    pub fn statuses(&self) -> Vec<&StatusEvent> {
        let mut latest: Vec<&StatusEvent> = Vec::new();
        for ev in self
            .status_history
            .iter()
            .filter(|e| e.status != RegulatoryStatus::LabelChange)
        {
            match latest
                .iter_mut()
                .find(|l| l.regulator == ev.regulator && l.condition == ev.condition)
            {
                Some(l) if ev.date >= l.date => *l = ev,
                Some(_) => {}
                None => latest.push(ev),
            }
        }
        latest.sort_by(|a, b| a.date.cmp(&b.date).then(a.regulator.cmp(&b.regulator)));
        latest
    }

    /// The current status with one regulator, if it has decided anything: its latest
    /// status-setting event for the medicine as a whole; else, when its decisions name
    /// conditions, the latest approval for any condition; else its latest decision. Label
    /// changes are not statuses (see [`Therapy::statuses`], which lists every condition).
    pub fn status(&self, regulator: Regulator) -> Option<&StatusEvent> {
        let mine: Vec<&StatusEvent> = self
            .statuses()
            .into_iter()
            .filter(|e| e.regulator == regulator)
            .collect();
        let latest = |keep: &dyn Fn(&StatusEvent) -> bool| {
            mine.iter()
                .copied()
                .filter(|e| keep(e))
                .max_by(|a, b| a.date.cmp(&b.date))
        };
        latest(&|e| e.condition.is_none())
            .or_else(|| latest(&|e| e.status == RegulatoryStatus::Approved))
            .or_else(|| latest(&|_| true))
    }
}

wire_enum! {
    /// What kind of support strategy.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub enum StrategyKind ("strategy kind") {
        /// Habits: sleep, light, stress, exercise.
        Lifestyle = "lifestyle",
        /// Diet.
        Diet = "diet",
        /// Supplements.
        Supplement = "supplement",
        /// A prescription medicine used as a support measure.
        Medication = "medication",
    }
}

/// A lifestyle or supplement measure said to support a neurosteroid's production.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Unique id.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// What kind.
    pub kind: StrategyKind,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Text>,
    /// Therapy id, when the measure is a medicine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub therapy: Option<Id>,
    /// A short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

entity!(Strategy, Strategy, names: [synonyms], identifiers: false);

#[cfg(test)]
mod tests {
    use super::{RegulatoryStatus, Therapy};

    /// The latest event by date sets the status, even where the history is out of order (a
    /// document that `--level full` refuses with `status-order`, but a `Therapy` may be
    /// built any way).
    #[test]
    fn the_latest_event_by_date_is_the_status_in_any_order() {
        let t: Therapy = serde_json::from_value(serde_json::json!({
            "id": "t", "name": "T", "kind": "drug-product", "active_compounds": ["c"],
            "prescription": true,
            "status_history": [
                {"date": "2024-01-01", "regulator": "FDA", "status": "withdrawn", "source": "s"},
                {"date": "2020-01-01", "regulator": "FDA", "status": "approved", "source": "s"}
            ]
        }))
        .unwrap_or_else(|e| unreachable!("{e}"));
        let statuses: Vec<(&str, RegulatoryStatus)> =
            t.statuses().iter().map(|e| (e.date.as_str(), e.status)).collect();
        assert_eq!(statuses, [("2024-01-01", RegulatoryStatus::Withdrawn)]);
    }
}
