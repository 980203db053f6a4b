//! Pactwatch language layer: sentences, tokens and folding with byte offsets
