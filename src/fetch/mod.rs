//! Everything that touches the network. `http` is the one HTTP client:
//! limits, retries and checks live there, so no other module needs to know
//! how to talk to a server.

pub mod http;
