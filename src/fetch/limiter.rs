//! At most a few requests at a time to one host, however many threads
//! fetch: politeness towards each site, whatever the overall concurrency.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

/// Counts requests in flight per host; [`HostLimiter::acquire`] waits for
/// a free slot.
pub struct HostLimiter {
    max: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// A request slot for one host, given back when dropped.
pub struct Slot<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl HostLimiter {
    /// A limiter allowing `max` requests at once per host (at least one).
    pub fn new(max: usize) -> HostLimiter {
        HostLimiter {
            max: max.max(1),
            busy: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    /// Waits until the host of `url` has a free slot and takes it.
    pub fn acquire(&self, url: &str) -> Slot<'_> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let mut busy = self.busy.lock().expect("host limiter lock");
        while busy.get(&host).copied().unwrap_or(0) >= self.max {
            busy = self.freed.wait(busy).expect("host limiter lock");
        }
        *busy.entry(host.clone()).or_default() += 1;
        Slot {
            limiter: self,
            host,
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limiter.busy.lock().expect("host limiter lock");
        if let Some(n) = busy.get_mut(&self.host) {
            *n -= 1;
        }
        self.limiter.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn never_more_than_max_per_host() {
        let limiter = HostLimiter::new(2);
        let (now, peak) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    let _slot = limiter.acquire("https://e.org/a");
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    now.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        assert_eq!(peak.load(Ordering::SeqCst), 2);
    }
}
