//! score.py's command line on top of pw-eval, for checking agreement by hand:
//! `cargo run -p pw-eval --example score -- GOLD.json OUTPUT.jsonl [--json] [-v]`.
//! Line errors and warnings go to stderr.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let [gold_path, pred_path] = files[..] else {
        eprintln!("usage: score GOLD.json OUTPUT.jsonl [--json] [-v]");
        return ExitCode::from(2);
    };
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| eprintln!("{p}: {e}"));
    let (Ok(gold_text), Ok(pred_text)) = (read(gold_path), read(pred_path)) else {
        return ExitCode::FAILURE;
    };
    let gold = match pw_eval::parse_gold(&gold_text) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{gold_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (preds, errors) = pw_eval::parse_predictions(&pred_text);
    for e in errors {
        eprintln!("{pred_path}: {e}");
    }
    let report = pw_eval::score(&gold, &preds);
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    if args.iter().any(|a| a == "--json") {
        println!("{:#}", report.to_json());
    } else {
        print!("{}", report.render(args.iter().any(|a| a == "-v")));
    }
    ExitCode::SUCCESS
}
