//! Slow clients against a real server on 127.0.0.1: `SLOW` connections (200 unless
//! given) each send a request line, then one more header line every 5 s, for `SECONDS`
//! (30 unless given), while one well-behaved client sends requests back to back. Prints
//! that client's latency (p50, p99, max) and when the server closed the slow
//! connections. A measurement, not a test (it reads the clock):
//!
//! ```sh
//! cargo run --release -p pw-serve --example slow_clients [-- SLOW SECONDS]
//! ```

use pw_serve::{AppState, Config};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n_slow: usize = args.next().map_or(Ok(200), |arg| arg.parse())?;
    let seconds: u64 = args.next().map_or(Ok(30), |arg| arg.parse())?;
    let dir = tempfile::tempdir()?;
    let store = pw_store::SqliteStore::open(dir.path().join("slow.db"))?;
    let config = Config {
        access_log: false,
        ..Config::default()
    };
    let header_timeout = config.header_timeout;
    let state = AppState::new(store, config)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(pw_serve::serve(listener, state, std::future::pending()));

    let started = Instant::now();
    let closed = Arc::new(AtomicUsize::new(0));
    let closed_at = Arc::new(std::sync::Mutex::new(Vec::new()));
    for i in 0..n_slow {
        let closed = Arc::clone(&closed);
        let closed_at = Arc::clone(&closed_at);
        tokio::spawn(async move {
            let Ok(stream) = TcpStream::connect(address).await else {
                return;
            };
            let (mut read, mut write) = stream.into_split();
            let dribble = async move {
                let _ = write
                    .write_all(b"GET /api/v1/stats HTTP/1.1\r\nHost: slow\r\n")
                    .await;
                loop {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    if write
                        .write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
                        .await
                        .is_err()
                    {
                        break;
                    }
                }
            };
            // The server's close shows as the end of the read side.
            let mut sink = Vec::new();
            tokio::select! {
                () = dribble => {}
                _ = read.read_to_end(&mut sink) => {}
            }
            closed.fetch_add(1, Ordering::Relaxed);
            closed_at
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(started.elapsed());
        });
    }

    let mut latencies = Vec::new();
    let mut failed = 0usize;
    while started.elapsed() < Duration::from_secs(seconds) {
        let asked = Instant::now();
        let mut stream = TcpStream::connect(address).await?;
        stream
            .write_all(b"GET /api/v1/stats HTTP/1.1\r\nHost: fast\r\nConnection: close\r\n\r\n")
            .await?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).await?;
        if answer.starts_with(b"HTTP/1.1 200") {
            latencies.push(asked.elapsed());
        } else {
            failed += 1;
        }
    }
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{n_slow} slow connections (one header line every 5 s) for {seconds} s; header timeout {} s",
        header_timeout.as_secs_f64()
    );
    println!(
        "other client: {} requests answered 200, {failed} not; p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        ms(at(0.50)),
        ms(at(0.99)),
        ms(latencies.last().copied().unwrap_or_default()),
    );
    let mut times = closed_at
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    times.sort();
    println!(
        "slow connections closed by the server: {} of {n_slow} (first after {:.1} s, last after {:.1} s)",
        closed.load(Ordering::Relaxed),
        times.first().map_or(0.0, Duration::as_secs_f64),
        times.last().map_or(0.0, Duration::as_secs_f64),
    );
    Ok(())
}
