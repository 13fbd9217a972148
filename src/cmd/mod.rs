//! One module per subcommand: each takes parsed arguments, does the work
//! through the library and reports to the user.

pub mod build;
pub mod bundle;
pub mod check;
pub mod epub;
pub mod extract;
pub mod fetch;
pub mod images;
pub mod ingest;
pub mod new;
pub mod serve;
pub mod theme;
