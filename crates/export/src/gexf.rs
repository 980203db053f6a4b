//! The actor network as GEXF 1.3 (Gephi). Parallel edges of different PLOVER types
//! between two actors carry different `kind`s, as GEXF 1.3 requires of a multigraph.

use crate::ExportError;
use crate::network::Network;
use crate::xml::escape;
use std::io::Write;

const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("kind", "string"),
    ("country", "string"),
    ("facts", "integer"),
];

const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("plover", "string"),
    ("polarity", "string"),
    ("event_types", "string"),
    ("facts", "string"),
    ("mutual", "boolean"),
    ("stories", "integer"),
    ("outlets", "integer"),
    ("supports", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
];

fn write_attribute_declarations(
    out: &mut dyn Write,
    class: &str,
    attributes: &[(&str, &str)],
) -> Result<(), ExportError> {
    writeln!(out, "    <attributes class=\"{class}\">")?;
    for (name, kind) in attributes {
        writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{kind}\"/>"
        )?;
    }
    writeln!(out, "    </attributes>")?;
    Ok(())
}

/// Writes `<attvalues>` for the values that are present.
fn write_values(out: &mut dyn Write, values: &[(&str, Option<String>)]) -> Result<(), ExportError> {
    if values.iter().all(|(_, value)| value.is_none()) {
        return Ok(());
    }
    writeln!(out, "        <attvalues>")?;
    for (name, value) in values {
        if let Some(value) = value {
            writeln!(
                out,
                "          <attvalue for=\"{name}\" value=\"{}\"/>",
                escape(value)
            )?;
        }
    }
    writeln!(out, "        </attvalues>")?;
    Ok(())
}

pub(crate) fn write(network: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>Pactwatch</creator>")?;
    writeln!(
        out,
        "    <description>Actor network: one edge per source, target and PLOVER type; weight = distinct stories</description>"
    )?;
    writeln!(out, "  </meta>")?;
    writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    write_attribute_declarations(out, "node", NODE_ATTRIBUTES)?;
    write_attribute_declarations(out, "edge", EDGE_ATTRIBUTES)?;

    writeln!(out, "    <nodes>")?;
    for node in &network.nodes {
        writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&node.id),
            escape(&node.label)
        )?;
        write_values(
            out,
            &[
                ("kind", node.kind.map(|kind| kind.as_str().to_string())),
                ("country", node.country.clone()),
                ("facts", Some(node.facts.to_string())),
            ],
        )?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;

    writeln!(out, "    <edges>")?;
    for edge in &network.edges {
        writeln!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" kind=\"{}\" label=\"{}\" weight=\"{}\">",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target),
            edge.plover_name(),
            edge.plover_name(),
            edge.stories,
        )?;
        write_values(
            out,
            &[
                ("plover", Some(edge.plover_name().to_string())),
                ("polarity", Some(edge.polarity.as_str().to_string())),
                ("event_types", Some(edge.event_types_text())),
                ("facts", Some(edge.facts.join(";"))),
                ("mutual", Some(edge.mutual.to_string())),
                ("stories", Some(edge.stories.to_string())),
                ("outlets", Some(edge.outlets.to_string())),
                ("supports", Some(edge.supports.to_string())),
                ("first_date", edge.first_date.clone()),
                ("last_date", edge.last_date.clone()),
            ],
        )?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    Ok(())
}
