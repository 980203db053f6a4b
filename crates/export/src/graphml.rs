//! The actor network as GraphML (NetworkX `read_graphml`, igraph, yEd, Cytoscape). The
//! same nodes, edges and attributes as the GEXF export; parallel edges are allowed by
//! GraphML as they are.

use crate::ExportError;
use crate::network::Network;
use crate::xml::escape;
use std::io::Write;

/// (key id, for, attr.name, attr.type). Key ids are prefixed so node and edge
/// attributes of the same name stay apart.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_country", "node", "country", "string"),
    ("n_facts", "node", "facts", "int"),
    ("e_weight", "edge", "weight", "double"),
    ("e_plover", "edge", "plover", "string"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_event_types", "edge", "event_types", "string"),
    ("e_facts", "edge", "facts", "string"),
    ("e_mutual", "edge", "mutual", "boolean"),
    ("e_stories", "edge", "stories", "int"),
    ("e_outlets", "edge", "outlets", "int"),
    ("e_supports", "edge", "supports", "int"),
    ("e_first_date", "edge", "first_date", "string"),
    ("e_last_date", "edge", "last_date", "string"),
];

fn write_data(out: &mut dyn Write, values: &[(&str, Option<String>)]) -> Result<(), ExportError> {
    for (key, value) in values {
        if let Some(value) = value {
            writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value))?;
        }
    }
    Ok(())
}

pub(crate) fn write(network: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, name, kind) in KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        )?;
    }
    writeln!(out, r#"  <graph id="pactwatch" edgedefault="directed">"#)?;
    for node in &network.nodes {
        writeln!(out, "    <node id=\"{}\">", escape(&node.id))?;
        write_data(
            out,
            &[
                ("n_label", Some(node.label.clone())),
                ("n_kind", node.kind.map(|kind| kind.as_str().to_string())),
                ("n_country", node.country.clone()),
                ("n_facts", Some(node.facts.to_string())),
            ],
        )?;
        writeln!(out, "    </node>")?;
    }
    for edge in &network.edges {
        writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target)
        )?;
        write_data(
            out,
            &[
                ("e_weight", Some(edge.stories.to_string())),
                ("e_plover", Some(edge.plover_name().to_string())),
                ("e_polarity", Some(edge.polarity.as_str().to_string())),
                ("e_event_types", Some(edge.event_types_text())),
                ("e_facts", Some(edge.facts.join(";"))),
                ("e_mutual", Some(edge.mutual.to_string())),
                ("e_stories", Some(edge.stories.to_string())),
                ("e_outlets", Some(edge.outlets.to_string())),
                ("e_supports", Some(edge.supports.to_string())),
                ("e_first_date", edge.first_date.clone()),
                ("e_last_date", edge.last_date.clone()),
            ],
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}
