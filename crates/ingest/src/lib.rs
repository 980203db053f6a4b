//! Pactwatch ingest: files, HTML, feeds and JSON Lines into documents
