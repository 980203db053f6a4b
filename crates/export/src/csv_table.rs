//! The event table as CSV: a header row, then one row per supporting report. Quoting is
//! the `csv` crate's (RFC 4180: fields with commas, quotes or line breaks are quoted,
//! quotes doubled); rows end in `\n`; nulls are empty fields.

use crate::rows::{COLUMNS, Cell, event_rows};
use crate::{ExportArticle, ExportError};
use pw_record::Record;
use std::io::Write;

pub(crate) fn write(
    record: &Record,
    articles: &[ExportArticle],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS.iter().map(|column| column.name))?;
    for row in event_rows(record, articles) {
        for column in COLUMNS {
            match column.get(&row) {
                Cell::Text(text) => writer.write_field(text.unwrap_or(""))?,
                Cell::Int(value) => writer.write_field(value.to_string())?,
            }
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    Ok(())
}
