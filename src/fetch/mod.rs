//! Everything that touches the network: `http` (the one HTTP client, with
//! every limit and retry), `policy` (where redirects and feed links may
//! lead, and the pinned DNS resolver behind that), `robots` (robots.txt per
//! host), `feed` (feed parsing), `state` (what fetch remembers between runs)
//! and `run` (one `paperboy fetch`: feeds → new items → pages → content
//! files).

pub mod feed;
pub mod http;
pub mod policy;
pub mod robots;
pub mod run;
pub mod state;
