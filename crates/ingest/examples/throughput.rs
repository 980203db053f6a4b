//! Measures ingest throughput (MB/s, one thread) on a JSON Lines file of articles:
//! the file itself (JSON Lines path), its texts as plain-text articles, and its texts
//! wrapped as news-like HTML pages; optionally also on a folder of real HTML pages.
//!
//! `cargo run --release -p pw-ingest --example throughput -- FILE.jsonl [HTML_DIR]`

use pw_ingest::{Options, read_bytes, read_file};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(jsonl) = args.next().map(PathBuf::from) else {
        eprintln!("usage: throughput FILE.jsonl [HTML_DIR]");
        std::process::exit(2);
    };
    let options = Options {
        max_file_bytes: 1 << 30,
        max_article_bytes: 1 << 30,
    };
    let size = std::fs::metadata(&jsonl)
        .map(|m| m.len() as usize)
        .unwrap_or(0);

    let start = Instant::now();
    let out = read_file(&jsonl, &options);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "jsonl: {} documents, {} errors, {:.1} MB in {:.3} s = {:.0} MB/s",
        out.documents.len(),
        out.errors.len(),
        size as f64 / 1e6,
        seconds,
        mb_per_s(size, seconds)
    );

    let texts: Vec<String> = out.documents.iter().map(|d| d.text.clone()).collect();
    let total: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut count = 0;
    for (i, text) in texts.iter().enumerate() {
        count += read_bytes(&format!("{i}.txt"), text.as_bytes(), None, &options)
            .documents
            .len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "text: {count} articles, {:.1} MB in {:.3} s = {:.0} MB/s",
        total as f64 / 1e6,
        seconds,
        mb_per_s(total, seconds)
    );

    let one: String = texts.join("\n\n");
    let start = Instant::now();
    let out = read_bytes("all.txt", one.as_bytes(), None, &options);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "text (one {:.1} MB file): {} document, {:.3} s = {:.0} MB/s",
        one.len() as f64 / 1e6,
        out.documents.len(),
        seconds,
        mb_per_s(one.len(), seconds)
    );

    let pages: Vec<String> = out_pages(&texts);
    let total: usize = pages.iter().map(String::len).sum();
    let start = Instant::now();
    let mut count = 0;
    for (i, page) in pages.iter().enumerate() {
        count += read_bytes(&format!("{i}.html"), page.as_bytes(), None, &options)
            .documents
            .len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "html (articles wrapped as pages): {count} pages, {:.1} MB in {:.3} s = {:.0} MB/s",
        total as f64 / 1e6,
        seconds,
        mb_per_s(total, seconds)
    );

    if let Some(dir) = args.next() {
        let mut files = Vec::new();
        html_files(Path::new(&dir), &mut files);
        let pages: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        let total: usize = pages.iter().map(Vec::len).sum();
        let start = Instant::now();
        let mut count = 0;
        for (i, page) in pages.iter().enumerate() {
            count += read_bytes(&format!("{i}.html"), page, None, &options)
                .documents
                .len();
        }
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "html (real pages in {dir}): {count}/{} pages, {:.1} MB in {:.3} s = {:.0} MB/s",
            pages.len(),
            total as f64 / 1e6,
            seconds,
            mb_per_s(total, seconds)
        );
    }
}

/// News-like pages: head with metadata and scripts, navigation, share bar, the
/// paragraphs, related links, a comment form and a footer.
fn out_pages(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .map(|text| {
            let body: String = text
                .split('\n')
                .filter(|p| !p.is_empty())
                .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
                .collect();
            format!(
                r#"<!doctype html><html><head><title>Story</title>
<meta property="og:site_name" content="Example"><meta property="article:published_time" content="2025-02-10T12:00:00Z">
<script>window.x = {{a: 1}};</script><style>body {{ margin: 0 }}</style></head>
<body><header><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Story</h1><div class="share">Share this article</div>
{body}<div class="related-posts"><a href="/a">Other story</a></div></article>
<section id="comments"><form><p>Please enter your comment!</p><textarea></textarea></form></section></main>
<footer><p>Copyright</p></footer></body></html>"#
            )
        })
        .collect()
}
