//! The formats a fact sheet and a pathway diagram can be rendered as, and the
//! knowledge base's rendering entry points.

use crate::error::Result;
use crate::kb::KnowledgeBase;
use crate::model::UnknownName;

use super::{graph, html, jsonld, markdown};

/// What a fact sheet can be rendered as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SheetFormat {
    /// Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// schema.org JSON-LD.
    JsonLd,
}

/// What a pathway can be drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagramFormat {
    /// Plain text (the CLI's default).
    Text,
    /// The route as JSON.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// A Graphviz DOT digraph.
    Dot,
    /// A NetworkX node-link graph (JSON).
    NodeLink,
    /// An SVG picture.
    Svg,
}

impl SheetFormat {
    /// Every format's name, as the CLI and the Python API spell it.
    pub const NAMES: [&'static str; 3] = ["markdown", "html", "jsonld"];
}

impl std::str::FromStr for SheetFormat {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "markdown" => Ok(SheetFormat::Markdown),
            "html" => Ok(SheetFormat::Html),
            "jsonld" => Ok(SheetFormat::JsonLd),
            other => Err(UnknownName::new("fact-sheet format", other, &Self::NAMES)),
        }
    }
}

impl DiagramFormat {
    /// Every format's name, as the CLI and the Python API spell it.
    pub const NAMES: [&'static str; 6] = ["text", "json", "mermaid", "dot", "node-link", "svg"];
}

impl std::str::FromStr for DiagramFormat {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "text" => Ok(DiagramFormat::Text),
            "json" => Ok(DiagramFormat::Json),
            "mermaid" => Ok(DiagramFormat::Mermaid),
            "dot" => Ok(DiagramFormat::Dot),
            "node-link" => Ok(DiagramFormat::NodeLink),
            "svg" => Ok(DiagramFormat::Svg),
            other => Err(UnknownName::new("diagram format", other, &Self::NAMES)),
        }
    }
}

impl KnowledgeBase {
    /// Renders the fact sheet of an entity (named any way `resolve` accepts): the
    /// document's own sheet, or for a compound without one, a default sheet built from its
    /// claims, route and medicines ([`KnowledgeBase::default_fact_sheet`]).
    ///
    /// # Errors
    /// When the name does not resolve, or names neither a compound nor an entity with a
    /// fact sheet.
    pub fn render(&self, name: &str, format: SheetFormat) -> Result<String> {
        let sheet = self.fact_sheet_for(name)?;
        let view = self.sheet_view(&sheet)?;
        Ok(match format {
            SheetFormat::Markdown => markdown::render(&view),
            SheetFormat::Html => html::render(&view),
            SheetFormat::JsonLd => jsonld::to_text(&jsonld::render(self, &view)),
        })
    }

    /// Renders every fact sheet of the knowledge base: Markdown sheets one after another,
    /// one HTML page per sheet joined into one document, or a JSON-LD `@graph`.
    ///
    /// # Errors
    /// Only if a fact sheet's subject is missing (which validation rules out).
    pub fn render_all(&self, format: SheetFormat) -> Result<String> {
        let mut views = Vec::new();
        for sheet in &self.document().fact_sheets {
            views.push(self.fact_sheet(sheet.id.as_str())?);
        }
        Ok(match format {
            SheetFormat::Markdown => views.iter().map(markdown::render).collect::<Vec<_>>().join("\n---\n\n"),
            SheetFormat::Html => views.iter().map(html::render).collect::<Vec<_>>().join("\n"),
            SheetFormat::JsonLd => {
                let graph: Vec<serde_json::Value> = views
                    .iter()
                    .map(|v| {
                        let mut doc = jsonld::render(self, v);
                        if let Some(o) = doc.as_object_mut() {
                            o.remove("@context");
                        }
                        doc
                    })
                    .collect();
                jsonld::to_text(&serde_json::json!({"@context": jsonld::context(), "@graph": graph}))
            }
        })
    }

    /// Draws the biosynthesis route of a compound with its branches
    /// ([`KnowledgeBase::network`] at [`crate::network::DEFAULT_BRANCH_DEPTH`]).
    ///
    /// # Errors
    /// When the name does not resolve to a compound.
    pub fn pathway_diagram(&self, compound: &str, format: DiagramFormat) -> Result<String> {
        self.pathway_diagram_with(compound, format, crate::network::DEFAULT_BRANCH_DEPTH)
    }

    /// Draws the biosynthesis route of a compound with its branches up to `branches` steps
    /// off the route (0: the route alone).
    ///
    /// # Errors
    /// When the name does not resolve to a compound.
    pub fn pathway_diagram_with(&self, compound: &str, format: DiagramFormat, branches: usize) -> Result<String> {
        let net = self.network(compound, branches)?;
        let pretty = |v: serde_json::Value| crate::output::pretty_json(&v);
        Ok(match format {
            DiagramFormat::Text => net.to_string(),
            DiagramFormat::Json => pretty(net.to_json()),
            DiagramFormat::Mermaid => graph::mermaid(&net),
            DiagramFormat::Dot => graph::dot(&net),
            DiagramFormat::NodeLink => pretty(graph::node_link(&net)),
            DiagramFormat::Svg => graph::svg(&net),
        })
    }
}
