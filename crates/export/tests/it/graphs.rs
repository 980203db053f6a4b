//! GEXF and GraphML, parsed as XML.

use crate::fixture::{AWKWARD_NAME, export_text};
use pw_export::Format;
use roxmltree::{Document, Node};

fn elements<'a, 'input>(document: &'a Document<'input>, name: &str) -> Vec<Node<'a, 'input>> {
    document
        .descendants()
        .filter(|node| node.is_element() && node.tag_name().name() == name)
        .collect()
}

/// Nodes: Russia, Iran and the person (the organization is in no fact, the equipment is
/// no party). Edges: Russia → Iran (AID), and the agreement both ways (AGREE).
#[test]
fn gexf_parses_with_the_right_nodes_and_edges() {
    let text = export_text(Format::Gexf);
    let document = Document::parse(&text).unwrap();
    assert_eq!(
        document.root_element().tag_name().namespace(),
        Some("http://gexf.net/1.3")
    );
    let nodes = elements(&document, "node");
    let edges = elements(&document, "edge");
    assert_eq!(nodes.len(), 3);
    assert_eq!(edges.len(), 3);

    let person = nodes
        .iter()
        .find(|node| node.attribute("id") == Some("E3"))
        .unwrap();
    assert_eq!(person.attribute("label"), Some(AWKWARD_NAME));

    let transfer = edges
        .iter()
        .find(|edge| edge.attribute("kind") == Some("AID"))
        .unwrap();
    assert_eq!(transfer.attribute("source"), Some("E1"));
    assert_eq!(transfer.attribute("target"), Some("E2"));
    assert_eq!(transfer.attribute("weight"), Some("2"));
    let value = |edge: &Node, name: &str| {
        edge.descendants()
            .find(|node| node.attribute("for") == Some(name))
            .and_then(|node| node.attribute("value").map(str::to_string))
    };
    assert_eq!(value(transfer, "polarity").as_deref(), Some("cooperation"));
    assert_eq!(value(transfer, "facts").as_deref(), Some("F1"));
    assert_eq!(value(transfer, "first_date").as_deref(), Some("2023-07-20"));
    assert_eq!(value(transfer, "mutual").as_deref(), Some("false"));
    let agreements: Vec<_> = edges
        .iter()
        .filter(|edge| edge.attribute("kind") == Some("AGREE"))
        .collect();
    assert_eq!(agreements.len(), 2);
    assert!(
        agreements
            .iter()
            .all(|edge| value(edge, "mutual").as_deref() == Some("true"))
    );
}

#[test]
fn graphml_parses_with_the_right_nodes_and_edges() {
    let text = export_text(Format::Graphml);
    let document = Document::parse(&text).unwrap();
    let nodes = elements(&document, "node");
    let edges = elements(&document, "edge");
    assert_eq!(nodes.len(), 3);
    assert_eq!(edges.len(), 3);

    let data = |element: &Node, key: &str| {
        element
            .children()
            .find(|child| child.attribute("key") == Some(key))
            .and_then(|child| child.text().map(str::to_string))
    };
    let person = nodes
        .iter()
        .find(|node| node.attribute("id") == Some("E3"))
        .unwrap();
    assert_eq!(data(person, "n_label").as_deref(), Some(AWKWARD_NAME));
    assert_eq!(data(person, "n_kind").as_deref(), Some("person"));
    let keys: Vec<_> = elements(&document, "key")
        .iter()
        .filter_map(|key| key.attribute("id"))
        .collect();
    for element in nodes.iter().chain(&edges) {
        for child in element.children().filter(|child| child.is_element()) {
            assert!(keys.contains(&child.attribute("key").unwrap()));
        }
    }
    let weights: Vec<_> = edges
        .iter()
        .map(|edge| data(edge, "e_weight").unwrap())
        .collect();
    assert_eq!(weights, ["2", "1", "1"]);
}

#[test]
fn exports_are_deterministic() {
    for format in Format::ALL {
        assert_eq!(
            crate::fixture::export(format),
            crate::fixture::export(format)
        );
    }
}
