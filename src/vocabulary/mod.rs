//! The words every stage shares, and nothing else: markup profiles,
//! output charsets, file and page names, section ids, dates, escaping for
//! HTML and how deep HTML may nest. Build, ingest, fetch and check all
//! speak them; this module imports none of those.

pub mod charset;
pub mod date;
pub mod html;
pub mod names;
pub mod nesting;
pub mod profile;
pub mod section;
pub mod text;

pub use charset::Charset;
pub use date::Date;
pub use profile::Profile;
pub use section::SectionId;
