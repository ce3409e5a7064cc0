//! Any document that loads renders in every format without a panic, and its HTML holds no
//! markup that a text field smuggled in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use neurosteroid::render::{DiagramFormat, SheetFormat};
use neurosteroid::{Format, KnowledgeBase, LoadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(kb) = KnowledgeBase::from_slice(data, Format::Json, LoadOptions::default()) else {
        return;
    };
    for sheet in &kb.document().fact_sheets {
        for f in [SheetFormat::Markdown, SheetFormat::Html, SheetFormat::JsonLd] {
            if let Ok(out) = kb.render(sheet.id.as_str(), f) {
                if f == SheetFormat::Html {
                    assert!(!out.contains("<script"));
                }
            }
        }
    }
    for c in &kb.document().compounds {
        for f in [
            DiagramFormat::Mermaid,
            DiagramFormat::Dot,
            DiagramFormat::Svg,
            DiagramFormat::NodeLink,
        ] {
            let _ = kb.pathway_diagram(c.id.as_str(), f);
        }
    }
});
