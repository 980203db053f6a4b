//! Pactwatch evaluation: scores extraction output (JSON Lines, one object per
//! document) against a gold annotation file, exactly as the reference scorer
//! `corpus/eval/score.py` does (rules in `corpus/eval/README.md`).
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let gold = pw_eval::parse_gold(&std::fs::read_to_string("gold.json")?)?;
//! let (predictions, line_errors) =
//!     pw_eval::parse_predictions(&std::fs::read_to_string("out.jsonl")?);
//! for e in &line_errors {
//!     eprintln!("out.jsonl: {e}");
//! }
//! let report = pw_eval::score(&gold, &predictions);
//! print!("{}", report.render(false));
//! println!("{}", report.to_json());
//! # Ok(()) }
//! ```
//!
//! The numbers, the text of [`Report::render`] and the keys of [`Report::to_json`]
//! are score.py's, quirks included (precision counts matches against optional gold
//! entities; a prediction's `aliases` given as a string is iterated by character;
//! ...). Where score.py would crash on malformed output (a line that is not JSON, an
//! event that is not an object, a `null` quote text), this crate reports or skips the
//! offending part and goes on.

mod gold;
mod report;
mod score;
mod tables;
mod text;

pub use gold::{
    Gold, GoldDocument, GoldEntity, GoldEvent, GoldQuote, MODALITIES, parse_gold, parse_predictions,
};
pub use report::{DocumentScore, KEYS, Metrics, Ratio, Report};
pub use score::{SYMMETRIC, modality_group, prediction_file, score, score_document};
pub use text::{casefold, date_ok, norm, py_list_repr, py_repr, quote_norm, unicode_version};

/// Why a gold file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// Not JSON, or a required field is missing or of the wrong type.
    #[error("gold file: {0}")]
    Json(#[from] serde_json::Error),
    /// Well-formed JSON with a value score.py cannot score.
    #[error("gold file: {0}")]
    Invalid(String),
}
