//! The integration test binary: drives paperboy through its library and its
//! command line on small fixture sites copied into temporary folders.

mod architecture;
mod build;
mod editions;
mod fetch;
mod http;
mod images;
mod incremental;
mod ingest;
mod limits;
mod newsroom;
mod output;
mod outputs;
mod profiles;
mod serve;
mod server;
mod support;
mod themes;
