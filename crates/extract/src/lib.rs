//! Pactwatch extraction: document text to entities, events and quotes
