//! Exports of the record ([`pw_record::Record`]) for other tools: JSON Lines (everything),
//! CSV and Parquet (one row per supporting report, for pandas and R users of GDELT or
//! ACLED), FollowTheMoney entities (for Aleph and OpenSanctions tooling), and the actor
//! network as GEXF 1.3 (Gephi) and GraphML (NetworkX, igraph, yEd).
//!
//! Every writer is a pure function of the record and the article list: the same input
//! gives the same bytes, with no clock and no randomness.
//!
//! The tests read every format back with a Rust reader. Beyond them, the test fixture's
//! output was checked once by hand with NetworkX 3.6 (`read_graphml`, `read_gexf`),
//! pyarrow (schema, nulls, Snappy) and the followthemoney Python library (every property
//! exists on its schema, every value survives FtM's cleaning).
//!
//! ```
//! use pw_export::{Format, write};
//! use pw_record::Record;
//!
//! let mut out = Vec::new();
//! write(Format::Csv, &Record::default(), &[], &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("fact_id,"));
//! ```

use pw_model::{DocumentMeta, PartialDate};
use pw_record::Record;
use serde::Serialize;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

mod countries;
mod csv_table;
mod ftm;
mod gexf;
mod graphml;
mod jsonl;
mod network;
mod parquet_table;
mod rows;
mod xml;

pub use countries::alpha2;
pub use network::{Edge, Network, Node, Polarity};
pub use rows::{COLUMNS, ColumnKind, ColumnSpec, EventRow};

/// What the exports need to know about one stored article beyond the record itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExportArticle {
    /// The store's key for the article, as in [`pw_record::Support::article`].
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
}

impl ExportArticle {
    /// The export view of a stored article's metadata.
    pub fn from_meta(key: &str, meta: &DocumentMeta) -> ExportArticle {
        ExportArticle {
            key: key.to_string(),
            url: meta.url.clone(),
            file: meta.file.clone(),
            outlet: meta.outlet.clone(),
            title: meta.title.clone(),
            published: meta.published,
        }
    }
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Everything, one JSON object per line, each tagged with `"type"`.
    Jsonl,
    /// One row per supporting report; the columns are [`COLUMNS`].
    Csv,
    /// FollowTheMoney entities, one JSON object per line.
    Ftm,
    /// The actor network as GEXF 1.3.
    Gexf,
    /// The actor network as GraphML.
    Graphml,
    /// The rows of [`Format::Csv`] as an Apache Parquet file (Snappy-compressed).
    Parquet,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Jsonl,
        Format::Csv,
        Format::Ftm,
        Format::Gexf,
        Format::Graphml,
        Format::Parquet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Ftm => "ftm",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
            Format::Parquet => "parquet",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ftm => "ftm.json",
            other => other.as_str(),
        }
    }

    /// True for formats that are not text.
    pub fn is_binary(self) -> bool {
        self == Format::Parquet
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    fn from_str(raw: &str) -> Result<Format, ExportError> {
        let folded = raw.trim().to_ascii_lowercase();
        let format = match folded.as_str() {
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "csv" => Format::Csv,
            "ftm" | "followthemoney" => Format::Ftm,
            "gexf" => Format::Gexf,
            "graphml" => Format::Graphml,
            "parquet" => Format::Parquet,
            _ => return Err(ExportError::UnknownFormat(raw.to_string())),
        };
        Ok(format)
    }
}

/// Why an export failed. Only the output can fail: every record can be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown export format {0:?} (expected jsonl, csv, ftm, gexf, graphml or parquet)")]
    UnknownFormat(String),
    #[error("cannot write the export")]
    Io(#[from] std::io::Error),
    #[error("cannot write csv")]
    Csv(#[from] csv::Error),
    #[error("cannot encode json")]
    Json(#[from] serde_json::Error),
    #[error("cannot write parquet")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// Writes `record` in `format` to `out`.
///
/// `out` must be `Send` because the Parquet writer requires it; `Vec<u8>`, `File` and
/// `BufWriter<Stdout>` all are. For the text formats the per-format functions take a
/// plain `&mut dyn Write`. The output is not flushed beyond what the format needs; wrap
/// `out` in a `BufWriter` for files.
pub fn write<W: Write + Send>(
    format: Format,
    record: &Record,
    articles: &[ExportArticle],
    mut out: W,
) -> Result<(), ExportError> {
    match format {
        Format::Jsonl => write_jsonl(record, articles, &mut out),
        Format::Csv => write_csv(record, articles, &mut out),
        Format::Ftm => write_ftm(record, articles, &mut out),
        Format::Gexf => write_gexf(record, &mut out),
        Format::Graphml => write_graphml(record, &mut out),
        Format::Parquet => write_parquet(record, articles, out),
    }
}

/// Articles, entities, stories and facts, one JSON object per line, in that order.
pub fn write_jsonl(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    jsonl::write(record, articles, out)
}

/// One row per supporting report, with a header row; see [`COLUMNS`].
pub fn write_csv(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    csv_table::write(record, articles, out)
}

/// FollowTheMoney entities, one per line.
pub fn write_ftm(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    ftm::write(record, articles, out)
}

/// The actor network ([`Network`]) as GEXF 1.3.
pub fn write_gexf(record: &Record, out: &mut dyn Write) -> Result<(), ExportError> {
    gexf::write(&Network::build(record), out)
}

/// The actor network ([`Network`]) as GraphML.
pub fn write_graphml(record: &Record, out: &mut dyn Write) -> Result<(), ExportError> {
    graphml::write(&Network::build(record), out)
}

/// The rows of [`write_csv`] as a Parquet file.
pub fn write_parquet<W: Write + Send>(
    record: &Record,
    articles: &[ExportArticle],
    out: W,
) -> Result<(), ExportError> {
    parquet_table::write(record, articles, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>().unwrap(), format);
        }
        assert_eq!(" GraphML ".parse::<Format>().unwrap(), Format::Graphml);
        assert!("xlsx".parse::<Format>().is_err());
    }
}
