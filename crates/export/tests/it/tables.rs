//! CSV and Parquet: one row per supporting report, the same columns.

use crate::fixture::{AWKWARD_NAME, AWKWARD_SENTENCE, export};
use bytes::Bytes;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;
use pw_export::{COLUMNS, Format};

fn column(name: &str) -> usize {
    COLUMNS
        .iter()
        .position(|column| column.name == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn csv_has_one_row_per_support_and_round_trips_quoting() {
    let csv_bytes = export(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = COLUMNS.iter().map(|column| column.name).collect();
    assert_eq!(headers, names);

    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(row.len(), COLUMNS.len());
    }
    let fact_ids: Vec<&str> = rows.iter().map(|row| &row[column("fact_id")]).collect();
    assert_eq!(fact_ids, ["F1", "F1", "F2"]);

    let transfer = &rows[0];
    assert_eq!(&transfer[column("event_type")], "transfer_arms");
    assert_eq!(&transfer[column("plover")], "AID");
    assert_eq!(&transfer[column("polarity")], "cooperation");
    assert_eq!(&transfer[column("report_event_type")], "transfer_arms");
    assert_eq!(&transfer[column("source_names")], "Russia");
    assert_eq!(&transfer[column("source_countries")], "RUS");
    assert_eq!(&transfer[column("target_ids")], "E2");
    assert_eq!(&transfer[column("target_countries")], "IRN");
    assert_eq!(&transfer[column("equipment_names")], "Su-35");
    assert_eq!(&transfer[column("date")], "2023-07-20");
    assert_eq!(&transfer[column("date_text")], "Thursday");
    assert_eq!(&transfer[column("url")], "https://example.org/a1");
    // The file comes from the article list when the support has none.
    assert_eq!(&transfer[column("file")], "corpus/a1.html");
    assert_eq!(&transfer[column("title")], "Title of a1 <&\">");
    assert_eq!(&transfer[column("fact_stories")], "2");

    let awkward = &rows[1];
    assert_eq!(&awkward[column("outlet")], "AP, \"Inc.\"");
    assert_eq!(&awkward[column("sentence")], AWKWARD_SENTENCE);
    assert_eq!(&awkward[column("event_type")], "transfer_arms");
    assert_eq!(&awkward[column("report_event_type")], "cooperate_military");

    let agreement = &rows[2];
    assert_eq!(&agreement[column("source_names")], AWKWARD_NAME);
    assert_eq!(&agreement[column("source_countries")], "IRN");
    assert_eq!(&agreement[column("modality")], "reported");
    assert_eq!(&agreement[column("plover")], "AGREE");
    assert_eq!(&agreement[column("date")], "2023-08");
    assert_eq!(&agreement[column("equipment_ids")], "");
}

#[test]
fn parquet_reads_back_with_the_parquet_reader() {
    let reader = SerializedFileReader::new(Bytes::from(export(Format::Parquet))).unwrap();
    let metadata = reader.metadata();
    assert_eq!(metadata.file_metadata().num_rows(), 3);
    let schema = metadata.file_metadata().schema_descr();
    assert_eq!(schema.num_columns(), COLUMNS.len());
    for (position, spec) in COLUMNS.iter().enumerate() {
        let descriptor = schema.column(position);
        assert_eq!(descriptor.name(), spec.name);
        assert_eq!(
            descriptor.self_type().is_optional(),
            spec.nullable,
            "{}",
            spec.name
        );
    }

    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 3);
    let fact_ids: Vec<&str> = rows
        .iter()
        .map(|row| row.get_string(column("fact_id")).unwrap().as_str())
        .collect();
    assert_eq!(fact_ids, ["F1", "F1", "F2"]);
    assert_eq!(
        rows[1].get_string(column("sentence")).unwrap(),
        AWKWARD_SENTENCE
    );
    assert_eq!(
        rows[2].get_string(column("source_names")).unwrap(),
        AWKWARD_NAME
    );
    assert_eq!(rows[0].get_long(column("fact_supports")).unwrap(), 2);
    assert_eq!(rows[2].get_long(column("sentence_index")).unwrap(), 3);
    // An empty optional cell is null, not an empty string.
    assert!(rows[2].get_string(column("equipment_ids")).is_err());
}

#[test]
fn csv_and_parquet_agree_cell_by_cell() {
    let csv_bytes = export(Format::Csv);
    let mut csv_reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let csv_rows: Vec<csv::StringRecord> = csv_reader.records().map(Result::unwrap).collect();
    let parquet_reader = SerializedFileReader::new(Bytes::from(export(Format::Parquet))).unwrap();
    let parquet_rows: Vec<_> = parquet_reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(csv_rows.len(), parquet_rows.len());
    for (csv_row, parquet_row) in csv_rows.iter().zip(&parquet_rows) {
        for (position, spec) in COLUMNS.iter().enumerate() {
            let parquet_cell = match spec.kind {
                pw_export::ColumnKind::Text => parquet_row
                    .get_string(position)
                    .cloned()
                    .unwrap_or_default(),
                pw_export::ColumnKind::Int => parquet_row.get_long(position).unwrap().to_string(),
            };
            assert_eq!(&csv_row[position], parquet_cell, "{}", spec.name);
        }
    }
}

#[test]
fn empty_record_gives_a_header_and_an_empty_parquet_file() {
    let empty = pw_record::Record::default();
    let mut csv_bytes = Vec::new();
    pw_export::write(Format::Csv, &empty, &[], &mut csv_bytes).unwrap();
    assert_eq!(csv_bytes.iter().filter(|&&byte| byte == b'\n').count(), 1);

    let mut parquet_bytes = Vec::new();
    pw_export::write(Format::Parquet, &empty, &[], &mut parquet_bytes).unwrap();
    let reader = SerializedFileReader::new(Bytes::from(parquet_bytes)).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 0);
    assert_eq!(
        reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .num_columns(),
        COLUMNS.len()
    );
}
