//! The words every stage shares.

pub mod charset;
pub mod names;
