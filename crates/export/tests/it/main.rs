//! Every export of one small hand-built record, read back with an independent reader.

mod fixture;
mod graphs;
mod tables;
mod text;
