//! Upgrading a document written for an older format version ([`migrate()`]).

use crate::diagnostic::{Code, Diagnostic};
use crate::model;

/// Upgrades a document written for an older format version to the current one.
///
/// Format 1.x documents need no change today, so this only sets `schema_version`: 1.1 added
/// only optional fields (a claim's `evidence_kind`, `consensus` and `excerpts`), so a 1.0
/// document is a valid 1.1 document as it is. A future breaking version adds its steps here,
/// one per version, each with a test.
pub fn migrate(mut value: serde_json::Value) -> std::result::Result<serde_json::Value, Diagnostic> {
    let version = value.get("schema_version").and_then(|v| v.as_str()).unwrap_or("");
    let major = version.split('.').next().unwrap_or("");
    if major != "1" {
        return Err(Diagnostic::error(
            Code::UnsupportedVersion,
            "/schema_version",
            format!("no migration from schema_version `{version}`"),
        )
        .with_hint(format!(
            "this library reads format 1.x; the current version is {}",
            model::CURRENT_SCHEMA_VERSION
        )));
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "schema_version".into(),
            serde_json::Value::String(model::CURRENT_SCHEMA_VERSION.into()),
        );
    }
    Ok(value)
}
