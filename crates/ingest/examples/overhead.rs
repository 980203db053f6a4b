//! Temporary: per-page fixed cost.
fn main() {
    let start = std::time::Instant::now();
    for _ in 0..10000 {
        let _ = pw_ingest::html_to_text("<p>x</p>");
    }
    println!(
        "{:.1} us per tiny page",
        start.elapsed().as_secs_f64() * 1e6 / 10000.0
    );
}
