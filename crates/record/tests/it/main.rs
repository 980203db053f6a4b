//! Integration tests over the five seed articles: the real ingest and extraction, then
//! the record, checked against `across_documents` of `corpus/eval/seeds.gold.json`.

mod languages;
mod scale;
mod seeds;
