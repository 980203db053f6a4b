//! The `pactwatch` command line.

fn main() {}
