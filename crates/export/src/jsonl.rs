//! Everything as JSON Lines: articles, entities, stories, facts (in that order), each
//! object tagged with `"type"` and otherwise the serde form of the record's types, so
//! a reader can rebuild the [`pw_record::Record`] from the lines.

use crate::{ExportArticle, ExportError};
use pw_record::Record;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    item: &'a T,
}

fn line<T: Serialize>(
    out: &mut dyn Write,
    kind: &'static str,
    item: &T,
) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, &Tagged { kind, item })?;
    out.write_all(b"\n")?;
    Ok(())
}

pub(crate) fn write(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    for article in articles {
        line(out, "article", article)?;
    }
    for entity in &record.entities {
        line(out, "entity", entity)?;
    }
    for story in &record.stories {
        line(out, "story", story)?;
    }
    for fact in &record.facts {
        line(out, "fact", fact)?;
    }
    Ok(())
}
