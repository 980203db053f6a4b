//! The event table as Apache Parquet, through the crate's low-level column writers (no
//! arrow: it would triple the compile time for one flat table). Text columns are
//! `BYTE_ARRAY (STRING)`, counts `INT64`; columns that may be empty are `OPTIONAL`.
//! Pages are Snappy-compressed; row groups hold up to [`ROW_GROUP_ROWS`] rows.

use crate::rows::{COLUMNS, Cell, ColumnKind, ColumnSpec, EventRow, event_rows};
use crate::{ExportArticle, ExportError};
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::types::Type;
use pw_record::Record;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group: enough for column statistics to be useful, small enough to keep
/// one group's buffers modest.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;

fn schema() -> Result<Type, ExportError> {
    let mut fields = Vec::with_capacity(COLUMNS.len());
    for column in COLUMNS {
        let repetition = if column.nullable {
            Repetition::OPTIONAL
        } else {
            Repetition::REQUIRED
        };
        let field = match column.kind {
            ColumnKind::Text => Type::primitive_type_builder(column.name, PhysicalType::BYTE_ARRAY)
                .with_logical_type(Some(LogicalType::String)),
            ColumnKind::Int => Type::primitive_type_builder(column.name, PhysicalType::INT64),
        }
        .with_repetition(repetition)
        .build()?;
        fields.push(Arc::new(field));
    }
    Ok(Type::group_type_builder("pactwatch_event")
        .with_fields(fields)
        .build()?)
}

pub(crate) fn write<W: Write + Send>(
    record: &Record,
    articles: &[ExportArticle],
    out: W,
) -> Result<(), ExportError> {
    let rows = event_rows(record, articles);
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("pactwatch {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = SerializedFileWriter::new(out, Arc::new(schema()?), Arc::new(properties))?;
    for group in rows.chunks(ROW_GROUP_ROWS) {
        let mut group_writer = writer.next_row_group()?;
        let mut columns = COLUMNS.iter();
        while let Some(mut column_writer) = group_writer.next_column()? {
            // The schema was built from COLUMNS, so the writer yields exactly as many.
            let Some(column) = columns.next() else {
                break;
            };
            write_column(column, group, &mut column_writer)?;
            column_writer.close()?;
        }
        group_writer.close()?;
    }
    writer.close()?;
    Ok(())
}

fn write_column(
    column: &ColumnSpec,
    rows: &[EventRow],
    column_writer: &mut SerializedColumnWriter<'_>,
) -> Result<(), ExportError> {
    match column.kind {
        ColumnKind::Text => {
            let mut values = Vec::with_capacity(rows.len());
            let mut definition_levels = Vec::with_capacity(rows.len());
            for row in rows {
                match column.get(row) {
                    Cell::Text(Some(text)) => {
                        values.push(ByteArray::from(text));
                        definition_levels.push(1);
                    }
                    _ => definition_levels.push(0),
                }
            }
            let levels = column.nullable.then_some(definition_levels.as_slice());
            column_writer
                .typed::<ByteArrayType>()
                .write_batch(&values, levels, None)?;
        }
        ColumnKind::Int => {
            let values: Vec<i64> = rows
                .iter()
                .map(|row| match column.get(row) {
                    Cell::Int(value) => value,
                    Cell::Text(_) => 0,
                })
                .collect();
            column_writer
                .typed::<Int64Type>()
                .write_batch(&values, None, None)?;
        }
    }
    Ok(())
}
