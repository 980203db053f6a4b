//! Pactwatch dates: find date expressions and resolve them against the publication date
