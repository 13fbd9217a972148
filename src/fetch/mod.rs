//! Everything that touches the network: `http` (the one HTTP client, with
//! every limit and retry), `policy` (where redirects and feed links may
//! lead, and the pinned DNS resolver behind that), `robots` (robots.txt per
//! host), `limiter` (a few requests at a time per host), `feed` (feed
//! parsing), `state` (what fetch remembers between runs), `retention`
//! (`keep_days`), `images` (downloads into the image cache) and `run` (one
//! `paperboy fetch`: feeds → new items → pages → ingest → content files).

pub mod feed;
pub mod http;
pub mod images;
pub mod limiter;
pub mod policy;
pub mod retention;
pub mod robots;
pub mod run;
pub mod state;
