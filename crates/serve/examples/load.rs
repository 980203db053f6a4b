//! A small closed-loop load generator for `pactwatch serve` (a benchmark, not a test).
//!
//! `cargo run --release -p pw-serve --example load -- [--addr 127.0.0.1:8080]
//! [--seconds 30] [--connections 32] PATH...`
//!
//! Each connection (HTTP/1.1 keep-alive) sends the next path of the list as soon as the
//! previous answer is read. At the end it prints requests/s, latency percentiles and
//! errors (a non-2xx status or a broken connection counts as one).

use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    addr: String,
    seconds: u64,
    connections: usize,
    paths: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        addr: "127.0.0.1:8080".to_string(),
        seconds: 30,
        connections: 32,
        paths: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--addr" => options.addr = value("--addr")?,
            "--seconds" => {
                options.seconds = value("--seconds")?
                    .parse()
                    .map_err(|_| "--seconds: a number")?
            }
            "--connections" => {
                options.connections = value("--connections")?
                    .parse()
                    .map_err(|_| "--connections: a number")?
            }
            path if path.starts_with('/') => options.paths.push(path.to_string()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.paths.is_empty() {
        return Err("give at least one path, e.g. /api/v1/stats".to_string());
    }
    Ok(options)
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    errors: u64,
    by_path: Vec<(u64, u64)>,
}

async fn connection(options: Arc<Options>, offset: usize, until: Instant) -> Tally {
    let mut tally = Tally {
        by_path: vec![(0, 0); options.paths.len()],
        ..Tally::default()
    };
    let mut at = offset;
    'reconnect: while Instant::now() < until {
        let stream = match tokio::net::TcpStream::connect(&options.addr).await {
            Ok(stream) => stream,
            Err(_) => {
                tally.errors += 1;
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, driver)) =
            hyper::client::conn::http1::handshake::<_, Empty<Bytes>>(TokioIo::new(stream)).await
        else {
            tally.errors += 1;
            continue;
        };
        tokio::spawn(driver);
        while Instant::now() < until {
            let path_index = at % options.paths.len();
            at += 1;
            let request = Request::get(options.paths[path_index].as_str())
                .header("host", options.addr.as_str())
                .body(Empty::<Bytes>::new())
                .expect("a GET with a path is a valid request");
            let started = Instant::now();
            let ok = match sender.send_request(request).await {
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().collect().await;
                    status.is_success() && body.is_ok()
                }
                Err(_) => false,
            };
            let elapsed = started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
            tally.latencies_us.push(elapsed);
            tally.by_path[path_index].0 += 1;
            if !ok {
                tally.errors += 1;
                tally.by_path[path_index].1 += 1;
                continue 'reconnect;
            }
        }
    }
    tally
}

fn percentile(sorted: &[u32], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    f64::from(sorted[at]) / 1000.0
}

#[tokio::main]
async fn main() {
    let options = match parse_args() {
        Ok(options) => Arc::new(options),
        Err(message) => {
            eprintln!("load: {message}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let until = started + Duration::from_secs(options.seconds);
    let tasks: Vec<_> = (0..options.connections)
        .map(|offset| tokio::spawn(connection(Arc::clone(&options), offset, until)))
        .collect();
    let mut total = Tally {
        by_path: vec![(0, 0); options.paths.len()],
        ..Tally::default()
    };
    for task in tasks {
        let Ok(tally) = task.await else {
            total.errors += 1;
            continue;
        };
        total.latencies_us.extend(tally.latencies_us);
        total.errors += tally.errors;
        for (sum, part) in total.by_path.iter_mut().zip(tally.by_path) {
            sum.0 += part.0;
            sum.1 += part.1;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    total.latencies_us.sort_unstable();
    let requests = total.latencies_us.len();
    println!(
        "{requests} requests in {elapsed:.1} s over {} connections: {:.0} req/s, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {} errors",
        options.connections,
        requests as f64 / elapsed,
        percentile(&total.latencies_us, 0.50),
        percentile(&total.latencies_us, 0.90),
        percentile(&total.latencies_us, 0.99),
        percentile(&total.latencies_us, 1.0),
        total.errors,
    );
    for (path, (count, errors)) in options.paths.iter().zip(&total.by_path) {
        println!("  {count:>8} requests, {errors} errors  {path}");
    }
}
