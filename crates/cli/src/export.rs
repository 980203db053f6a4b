//! `pactwatch export`: the record in the formats of pw-export, to a file or stdout.

use crate::query::open_reader;
use anyhow::{Context, Result, bail};
use pw_export::{ExportArticle, Format};
use pw_store::Store;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub(crate) fn run(db: &Path, format: Format, output: Option<&PathBuf>) -> Result<bool> {
    if format.is_binary() && output.is_none() && io::stdout().is_terminal() {
        bail!("{format} is binary: write it to a file with -o FILE (or pipe it)");
    }
    let store = open_reader(db)?;
    let record = store
        .record()
        .with_context(|| format!("cannot read the record of {}", db.display()))?;
    let articles: Vec<ExportArticle> = store
        .article_metas()
        .with_context(|| format!("cannot read the articles of {}", db.display()))?
        .iter()
        .map(|(key, meta)| ExportArticle::from_meta(&key.to_string(), meta))
        .collect();
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut out = io::BufWriter::new(file);
            pw_export::write(format, &record, &articles, &mut out)
                .with_context(|| format!("cannot write {}", path.display()))?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout());
            pw_export::write(format, &record, &articles, &mut out)
                .context("cannot write output")?;
            out.flush().context("cannot write output")?;
        }
    }
    Ok(true)
}
