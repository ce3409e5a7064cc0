//! Any text as a query against the embedded knowledge base: an answer or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(kb) = neurosteroid::KnowledgeBase::embedded() else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    let _ = kb.resolve(&text);
    let _ = kb.search(&text, 10);
    let _ = kb.biosynthesis(&text);
});
