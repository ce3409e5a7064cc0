#!/usr/bin/env python3
"""Applies the evidence axes of format 1.1 to the embedded knowledge base: every claim's
evidence kind (an ECO term), consensus level, and quoted excerpts, from the table below.

    python3 tools/annotate_evidence.py          # write crates/neurosteroid/data/knowledge-base.json
    python3 tools/annotate_evidence.py --check  # exit 1 when the file differs or a claim has no entry

Re-runnable: it overwrites these three fields of the claims it knows, leaves everything else
as it is, sets `schema_version` to 1.1.0 when the file is older, and reports claims that have
no entry (new claims need one) and entries whose claim is gone. Each excerpt is copied verbatim
from the passage of the cited source kept in crates/neurosteroid/data/source-texts.json (which
says where and when it was read); the library's rule `excerpt-not-found` checks that it is.

ECO terms used (labels from the ECO release of 2024-07-19; the table in
crates/neurosteroid/src/model/eco.rs is the one the validator uses):
  ECO:0007121 clinical study evidence used in manual assertion
  ECO:0006017 author statement supported from referenced clinical study used in manual assertion
  ECO:0005801 enzymatic activity assay evidence used in manual assertion
  ECO:0006006 electrophysiology assay evidence used in manual assertion
  ECO:0007122 in vitro assay evidence used in manual assertion
  ECO:0007120 animal model system study evidence used in manual assertion
  ECO:0000269 experimental evidence used in manual assertion
  ECO:0000304 author statement supported by traceable reference used in manual assertion
  ECO:0000303 author statement without traceable support used in manual assertion
"""

from __future__ import annotations

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KB = ROOT / "crates" / "neurosteroid" / "data" / "knowledge-base.json"
VERSION = "1.1.0"

CLINICAL = "ECO:0007121"
REGULATOR = "ECO:0006017"
ENZYME = "ECO:0005801"
ELECTRO = "ECO:0006006"
IN_VITRO = "ECO:0007122"
ANIMAL = "ECO:0007120"
EXPERIMENT = "ECO:0000269"
REVIEW = "ECO:0000304"
NO_SUPPORT = "ECO:0000303"


def q(source: str, locator: str, text: str) -> dict[str, str]:
    return {"source": source, "text": text, "locator": locator}


# claim id -> (evidence kind, consensus, excerpts)
TABLE: dict[str, tuple[str, str, list[dict[str, str]]]] = {
    # Biosynthesis: enzyme steps recorded by UniProt, Rhea and IUBMB from assays of the human enzymes.
    "progesterone-precursor-of-allopregnanolone": (
        CLINICAL,
        "established",
        [
            q(
                "pk-low-dose-progesterone-2006",
                "abstract, conclusions",
                "Oral doses of 20 mg of progesterone twice daily to postmenopausal women produced allopregnanolone "
                "concentrations comparable to those achieved physiologically in premenopausal women.",
            )
        ],
    ),
    "cholesterol-precursor-of-pregnenolone": (ENZYME, "established", []),
    "pregnenolone-precursor-of-progesterone": (ENZYME, "established", []),
    "progesterone-precursor-of-5a-dhp": (ENZYME, "established", []),
    # Human AKR1D1 and AKR1C4 enzyme assays, curated in UniProt and Rhea.
    "progesterone-precursor-of-pregnanolone": (ENZYME, "established", []),
    "5a-dhp-precursor-of-allopregnanolone": (ENZYME, "established", []),
    # Where it is made.
    "allo-synthesised-in-brain": (EXPERIMENT, "established", []),
    "allo-synthesised-in-pns": (ANIMAL, "supported", []),
    "allo-synthesised-in-adrenal": (REVIEW, "supported", []),
    "allo-synthesised-in-ovary": (CLINICAL, "supported", []),
    "allo-synthesised-in-testis": (REVIEW, "supported", []),
    "allo-synthesised-in-placenta": (CLINICAL, "supported", []),
    "allo-synthesised-in-liver": (ENZYME, "established", []),
    # Receptors.
    "allo-gaba-a-pam": (ELECTRO, "established", []),
    "allo-gaba-a-direct-activation": (ELECTRO, "established", []),
    "allo-gaba-a-delta-selectivity": (ELECTRO, "supported", []),
    "allo-gaba-a-transmembrane-site": (IN_VITRO, "supported", []),
    "allo-nongenomic-action": (ELECTRO, "established", []),
    "allo-acts-on-mprs": (IN_VITRO, "supported", []),
    "allo-acts-on-pxr": (IN_VITRO, "supported", []),
    # Effects.
    # Regraded to preclinical: no trial in an anxiety disorder; the anxiolysis evidence is animal work.
    "allo-anxiolysis": (ANIMAL, "supported", []),
    # Regraded to clinical-trial: intravenous allopregnanolone in healthy women, sedation rising with dose.
    "allo-sleep-promotion": (
        CLINICAL,
        "supported",
        [
            q(
                "allo-healthy-women-2005",
                "abstract, results",
                "Exogenously administered allopregnanolone decreases saccadic eye movement parameters and increases "
                "subjective ratings of sedation that correlate with increased serum concentrations of this neuroactive steroid.",
            )
        ],
    ),
    "allo-deep-sleep": (ANIMAL, "contradicted", []),
    "allo-slow-wave-sleep": (ANIMAL, "contradicted", []),
    "allo-rem-sleep": (ANIMAL, "debated", []),
    "allo-mood-stability": (
        CLINICAL,
        "debated",
        [
            q(
                "andreen-2006",
                "abstract, conclusions",
                "Mood effects during progesterone treatment seem to be related to allopregnanolone concentration, and a "
                "bimodal association between allopregnanolone and adverse mood is evident.",
            )
        ],
    ),
    "allo-antidepressant": (
        CLINICAL,
        "supported",
        [
            q(
                "fr-2019-12721",
                "summary",
                "On March 19, 2019, the U.S. Food and Drug Administration (FDA) approved a new drug application for "
                "Zulresso (brexanolone).",
            )
        ],
    ),
    "allo-irritability": (
        CLINICAL,
        "contradicted",
        [
            q(
                "martinez-2016",
                "abstract",
                "In contrast, the high-dose group experienced a statistically significant reduction in several core PMDD "
                "symptoms (ie, irritability, sadness, anxiety, food cravings, and bloating) on dutasteride compared with placebo.",
            )
        ],
    ),
    "allo-paradoxical-mood": (
        CLINICAL,
        "supported",
        [
            q(
                "backstrom-2015",
                "abstract",
                "The severity of the mood symptoms relate to allo in an inverted U-shaped curve at endogenous luteal-phase "
                "serum concentrations.",
            )
        ],
    ),
    "allo-panic": (CLINICAL, "debated", []),
    # Regraded to preclinical: cell and rat work, mostly from one laboratory.
    "allo-neuroinflammation": (ANIMAL, "supported", []),
    "allo-cognitive-decline": (ANIMAL, "debated", []),
    "allo-memory": (
        CLINICAL,
        "contradicted",
        [
            q(
                "kask-2008",
                "abstract, conclusion",
                "Intravenous allopregnanolone impairs episodic memory in healthy women, but there is a high degree of "
                "individual variability.",
            )
        ],
    ),
    # Regraded to unsupported / insufficient: no trial measured clarity of thought.
    "allo-cognitive-clarity": (NO_SUPPORT, "debated", []),
    "low-allo-insomnia": (NO_SUPPORT, "debated", []),
    "low-allo-panic-disorder": (CLINICAL, "contradicted", []),
    "altered-allo-panic-disorder": (CLINICAL, "supported", []),
    "low-allo-gad": (CLINICAL, "debated", []),
    "low-allo-pmdd": (
        CLINICAL,
        "contradicted",
        [
            q(
                "schmidt-1998",
                "abstract, conclusions",
                "In women with premenstrual syndrome, the occurrence of symptoms represents an abnormal response to normal "
                "hormonal changes.",
            )
        ],
    ),
    "altered-allo-pmdd": (
        CLINICAL,
        "supported",
        [
            q(
                "martinez-2016",
                "abstract",
                "Stabilization of allopregnanolone levels from the follicular to the luteal phase of the menstrual cycle by "
                "blocking the conversion of progesterone to its 5α-reduced neurosteroid metabolite mitigates symptoms in PMDD.",
            )
        ],
    ),
    "low-allo-ppd": (CLINICAL, "debated", []),
    "altered-allo-ppd": (ANIMAL, "supported", []),
    "low-allo-ptsd": (CLINICAL, "supported", []),
    # A small before-and-during-SSRI patient series, and a review calling the finding consistent.
    "low-allo-unipolar-depression": (CLINICAL, "supported", []),
    "postpartum-lowers-allo": (CLINICAL, "established", []),
    # Regraded to clinical-observational / mixed: cross-sectional human measurements disagree.
    "perimenopause-lowers-allo": (CLINICAL, "debated", []),
    "chronic-stress-lowers-allo": (ANIMAL, "debated", []),
    # Medicines.
    "brexanolone-treats-ppd": (
        REGULATOR,
        "established",
        [
            q(
                "fr-2019-12721",
                "summary",
                "On March 19, 2019, the U.S. Food and Drug Administration (FDA) approved a new drug application for "
                "Zulresso (brexanolone).",
            )
        ],
    ),
    "zuranolone-treats-ppd": (
        REGULATOR,
        "established",
        [
            q(
                "dailymed-zurzuvae",
                "label, section 1 (indications and usage)",
                "ZURZUVAE is indicated for the treatment of postpartum depression (PPD) in adults.",
            )
        ],
    ),
    "zuranolone-treats-mdd": (
        REGULATOR,
        "debated",
        [
            q(
                "pbr-zuranolone-crl",
                "news report of the complete response letter",
                "In the CRL, the FDA stated that the application failed to provide substantial evidence of effectiveness "
                "for supporting zuranolone’s approval to treat MDD and that additional trials will be required.",
            )
        ],
    ),
    "ganaxolone-treats-cdd": (
        REGULATOR,
        "established",
        [
            q(
                "fda-ztalmy-2022",
                "FDA announcement, action",
                "FDA has approved Ztalmy (ganaxolone) to treat seizures associated with cyclin-dependent kinase-like 5 "
                "(CDKL5) deficiency disorder (CDD) in patients 2 years of age and older.",
            )
        ],
    ),
    "ganaxolone-treats-ptsd": (
        CLINICAL,
        "contradicted",
        [
            q(
                "rasmusson-2017",
                "abstract",
                "A modified intent-to-treat mixed model repeated measures analysis revealed no significant differences "
                "between the effects of ganaxolone and placebo on Clinician Administered PTSD Symptom (CAPS) scores, global "
                "well-being, negative mood, or sleep.",
            )
        ],
    ),
    "omp-raises-allo": (
        CLINICAL,
        "established",
        [
            q(
                "pk-low-dose-progesterone-2006",
                "abstract, conclusions",
                "After ingestion of a low-dose of progesterone, the concentrations of allopregnanolone were in the same "
                "range as those of progesterone.",
            )
        ],
    ),
    "omp-treats-pmdd": (
        CLINICAL,
        "contradicted",
        [
            q(
                "cochrane-progesterone-pms",
                "abstract, main results",
                "From 17 studies, only two met our inclusion criteria.",
            )
        ],
    ),
    "omp-treats-perimenopause": (
        CLINICAL,
        "debated",
        [
            q(
                "gordon-2018",
                "key points, findings",
                "In this randomized clinical trial that included 172 perimenopausal and early postmenopausal women, 32.3% of "
                "women receiving placebo developed clinically significant depressive symptoms, while 17.3% of women taking "
                "transdermal estradiol and intermittent micronized progesterone did so.",
            )
        ],
    ),
    "omp-sleep": (
        CLINICAL,
        "debated",
        [
            q(
                "nolan-2021",
                "abstract, evidence synthesis",
                "Meta-analysis of 4 trials favored micronized progesterone for sleep onset latency (effect size, 7.10; "
                "confidence interval [CI] 1.30, 12.91) but not total sleep time",
            )
        ],
    ),
    "omp-mood": (
        CLINICAL,
        "debated",
        [
            q(
                "andreen-2006",
                "abstract, conclusions",
                "a bimodal association between allopregnanolone and adverse mood is evident",
            )
        ],
    ),
    "omp-cognition": (
        CLINICAL,
        "contradicted",
        [q("schuessler-2008", "abstract", "Progesterone did not affect cognitive performance.")],
    ),
    "dutasteride-lowers-allo": (
        CLINICAL,
        "supported",
        [
            q(
                "martinez-2016",
                "title",
                "5α-Reductase Inhibition Prevents the Luteal Phase Increase in Plasma Allopregnanolone Levels and Mitigates "
                "Symptoms in Women with Premenstrual Dysphoric Disorder",
            )
        ],
    ),
    "finasteride-lowers-allo": (CLINICAL, "debated", []),
    # Strategies.
    "strategy-progesterone-raises-allo": (
        CLINICAL,
        "established",
        [
            q(
                "pk-low-dose-progesterone-2006",
                "abstract, conclusions",
                "Oral doses of 20 mg of progesterone twice daily to postmenopausal women produced allopregnanolone "
                "concentrations comparable to those achieved physiologically in premenopausal women.",
            )
        ],
    ),
    "strategy-progesterone-sleep": (
        CLINICAL,
        "debated",
        [
            q(
                "nolan-2021",
                "abstract, evidence synthesis",
                "Meta-analysis of 4 trials favored micronized progesterone for sleep onset latency",
            )
        ],
    ),
    "healthy-fats-raise-allo": (NO_SUPPORT, "debated", []),
    "b5-magnesium-raise-allo": (NO_SUPPORT, "debated", []),
    "stress-reduction-raises-allo": (NO_SUPPORT, "debated", []),
    "sleep-raises-allo": (ANIMAL, "contradicted", []),
    "light-raises-allo": (NO_SUPPORT, "debated", []),
    "exercise-raises-allo": (ANIMAL, "supported", []),
    # The family: isopregnanolone (the 3β epimer).
    "5a-dhp-precursor-of-isopregnanolone": (ENZYME, "established", []),
    "iso-antagonises-allo-gaba-a": (CLINICAL, "supported", []),
    # Androstane neurosteroids.
    "testosterone-precursor-of-3a-androstanediol": (ENZYME, "established", []),
    "5a-androstanedione-precursor-of-androsterone": (ENZYME, "established", []),
    "androstanediol-gaba-a-pam": (ELECTRO, "supported", []),
    # Inactivation by 20α-reduction.
    "progesterone-precursor-of-20a-dihydroprogesterone": (ENZYME, "established", []),
    "allopregnanolone-precursor-of-3a-20a-diol": (ENZYME, "established", []),
    # Pregnenolone sulfate, DHEA and DHEA sulfate.
    "pregnenolone-precursor-of-dhea": (ENZYME, "established", []),
    "dhea-precursor-of-dhea-sulfate": (ENZYME, "established", []),
    "dhea-sulfate-precursor-of-dhea": (ENZYME, "established", []),
    "pregnenolone-precursor-of-pregnenolone-sulfate": (ENZYME, "established", []),
    "pregnenolone-sulfate-gaba-a-inhibition": (ELECTRO, "supported", []),
    "pregnenolone-sulfate-nmda-potentiation": (IN_VITRO, "supported", []),
    "dhea-sulfate-sigma-1-agonism": (ANIMAL, "supported", []),
    "pregnenolone-sulfate-sigma-1-agonism": (ANIMAL, "debated", []),
    # THDOC.
    "progesterone-precursor-of-thdoc": (ENZYME, "established", []),
    "thdoc-gaba-a-pam": (ELECTRO, "established", []),
    "acute-stress-raises-thdoc": (CLINICAL, "supported", []),
    "isopregnanolone-treats-pmdd": (
        CLINICAL,
        "debated",
        [
            q(
                "bixo-2017",
                "highlights",
                "In this placebo-controlled trial UC1010 treatment during the premenstrual phase significantly reduced "
                "negative mood in women with PMDD.",
            ),
            q(
                "asarina-2021-sepranolone",
                "first paragraph",
                "found that Sepranolone failed to meet its primary or secondary clinical endpoints in its 5-day targeted "
                "treatment period of the five worst premenstrual days, due to an unexpectedly high placebo effect.",
            ),
        ],
    ),
}

# The fields of a claim in document order (the Rust model's order), so output stays stable.
ORDER = [
    "id",
    "statement",
    "subject",
    "predicate",
    "object",
    "grade",
    "direction",
    "evidence_kind",
    "consensus",
    "sources",
    "excerpts",
    "notes",
]


def annotate(doc: dict) -> tuple[dict, list[str]]:
    problems: list[str] = []
    if tuple(int(x) for x in doc.get("schema_version", "1.0.0").split(".")) < (1, 1, 0):
        doc["schema_version"] = VERSION
    seen = set()
    claims = []
    for c in doc.get("claims", []):
        entry = TABLE.get(c["id"])
        if entry is None:
            problems.append(f"claim `{c['id']}` has no entry in tools/annotate_evidence.py")
            claims.append(c)
            continue
        seen.add(c["id"])
        kind, consensus, excerpts = entry
        c = dict(c, evidence_kind=kind, consensus=consensus)
        c.pop("excerpts", None)
        if excerpts:
            missing = [e["source"] for e in excerpts if e["source"] not in c.get("sources", [])]
            if missing:
                problems.append(f"claim `{c['id']}`: excerpt sources not cited by the claim: {missing}")
            c["excerpts"] = excerpts
        known = [k for k in ORDER if k in c]
        rest = [k for k in c if k not in ORDER]
        claims.append({k: c[k] for k in known + rest})
    for gone in sorted(set(TABLE) - seen):
        problems.append(f"table entry `{gone}` names no claim of the knowledge base")
    doc["claims"] = claims
    return doc, problems


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = KB.read_text(encoding="utf-8")
    doc, problems = annotate(json.loads(text))
    out = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    for p in problems:
        print(f"annotate_evidence: {p}", file=sys.stderr)
    if check:
        if out != text:
            print(
                "annotate_evidence: knowledge-base.json is not up to date; run python3 tools/annotate_evidence.py",
                file=sys.stderr,
            )
            return 1
        return 1 if problems else 0
    KB.write_text(out, encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
