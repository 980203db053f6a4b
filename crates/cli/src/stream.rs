//! A parallel map whose results are handed on in input order as soon as each one and
//! all before it are done: one slow item holds back only the results after it, and at
//! most `window` of those are kept (workers wait rather than run further ahead), so
//! memory stays bounded however long the input is.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

struct State<I, U> {
    items: I,
    /// The index the next item taken from `items` gets.
    taken: usize,
    /// The index of the next result the sink gets.
    handed_on: usize,
    /// Results done but not handed on yet (those after a slower one).
    done: BTreeMap<usize, U>,
    exhausted: bool,
    /// The sink failed or a worker panicked: everyone stops.
    stop: bool,
    panic: Option<Box<dyn std::any::Any + Send>>,
    /// The most results ever held in `done` (for tests of the bound).
    most_held: usize,
}

/// What a run did, for tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stats {
    /// The most finished results held at once while an earlier one was running.
    pub(crate) most_held: usize,
}

/// Runs `work` on every item on `workers` threads and gives each result to `sink` in
/// input order, on the calling thread, as soon as it and all before it are done. No
/// item is started more than `window` places ahead of the next result to hand on. A
/// sink error stops the run (items not started are never started) and is returned; a
/// panic in `work` stops it and is resumed here.
///
/// `items` is advanced under a lock by whichever worker needs the next item, so it
/// may do modest work itself (reading the next file).
pub(crate) fn ordered<I, T, U, F, S, E>(
    items: I,
    workers: usize,
    window: usize,
    work: F,
    mut sink: S,
) -> Result<Stats, E>
where
    I: Iterator<Item = T> + Send,
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
    S: FnMut(U) -> Result<(), E>,
{
    let window = window.max(1);
    let state = Mutex::new(State {
        items,
        taken: 0,
        handed_on: 0,
        done: BTreeMap::new(),
        exhausted: false,
        stop: false,
        panic: None,
        most_held: 0,
    });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    let wait = |guard| wait(&changed, guard);
    let outcome = std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| {
                loop {
                    let (index, item) = {
                        let mut guard = lock();
                        while !guard.stop && guard.taken >= guard.handed_on + window {
                            guard = wait(guard);
                        }
                        if guard.stop || guard.exhausted {
                            return;
                        }
                        match guard.items.next() {
                            Some(item) => {
                                guard.taken += 1;
                                (guard.taken - 1, item)
                            }
                            None => {
                                guard.exhausted = true;
                                changed.notify_all();
                                return;
                            }
                        }
                    };
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    let mut guard = lock();
                    match result {
                        Ok(result) => {
                            guard.done.insert(index, result);
                            guard.most_held = guard.most_held.max(guard.done.len());
                        }
                        Err(payload) => {
                            guard.stop = true;
                            guard.panic.get_or_insert(payload);
                        }
                    }
                    changed.notify_all();
                }
            });
        }
        loop {
            let next = {
                let mut guard = lock();
                loop {
                    let wanted = guard.handed_on;
                    if let Some(result) = guard.done.remove(&wanted) {
                        guard.handed_on += 1;
                        changed.notify_all();
                        break Some(result);
                    }
                    if guard.stop || (guard.exhausted && guard.handed_on == guard.taken) {
                        break None;
                    }
                    guard = wait(guard);
                }
            };
            let Some(result) = next else {
                return Ok(());
            };
            if let Err(error) = sink(result) {
                lock().stop = true;
                changed.notify_all();
                return Err(error);
            }
        }
    });
    let state = state.into_inner().unwrap_or_else(PoisonError::into_inner);
    if let Some(payload) = state.panic {
        panic::resume_unwind(payload);
    }
    outcome.map(|()| Stats {
        most_held: state.most_held,
    })
}

fn wait<'a, T>(changed: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    changed.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order_with_a_bounded_buffer() {
        for workers in [1, 2, 4, 8] {
            let mut seen = Vec::new();
            let stats = ordered(
                0..500u64,
                workers,
                16,
                |i| {
                    // Uneven work, so results finish out of order.
                    let spins = (i * 7919) % 97 * 200;
                    (0..spins).fold(i, |acc, x| acc.wrapping_mul(31).wrapping_add(x));
                    i
                },
                |i| {
                    seen.push(i);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..500).collect::<Vec<_>>());
            assert!(stats.most_held <= 16, "{stats:?}");
        }
    }

    #[test]
    fn a_result_is_handed_on_before_a_later_slow_item_finishes() {
        // Item 5 cannot finish until the sink has received items 0..=4: a map that
        // waited for everything (or for a chunk holding item 5) would never get there.
        let (release, released) = mpsc::channel::<()>();
        let released = Mutex::new(released);
        let mut seen = Vec::new();
        ordered(
            0..10,
            3,
            8,
            |i| {
                if i == 5 {
                    released
                        .lock()
                        .unwrap()
                        .recv_timeout(Duration::from_secs(120))
                        .expect("items 0..=4 were handed on while item 5 ran");
                }
                i
            },
            |i| {
                seen.push(i);
                if i == 4 {
                    release.send(()).unwrap();
                }
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let started = std::sync::atomic::AtomicUsize::new(0);
        let result = ordered(
            0..10_000,
            2,
            4,
            |i| {
                started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                i
            },
            |i| if i == 3 { Err(i) } else { Ok(()) },
        );
        assert_eq!(result, Err(3));
        assert!(started.into_inner() < 100);
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_in_work_reaches_the_caller() {
        let _ = ordered(
            0..10,
            2,
            4,
            |i| assert!(i != 6, "boom"),
            |()| Ok::<(), ()>(()),
        );
    }
}
