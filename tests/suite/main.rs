//! The integration tests of strategiekit, one test binary with one module per
//! area (like ripgrep's and mdBook's suites). Run one area with a name filter,
//! e.g. `cargo test --test suite check::`; the interop tests run only with
//! `STRATEGIEKIT_INTEROP=1 cargo test --test suite interop -- --nocapture`.

mod build;
mod check;
mod commands;
mod council;
mod design;
mod docx;
mod faults;
mod finance;
mod html;
mod images;
mod interop;
mod interview;
mod monitoring;
mod odt;
mod properties;
mod report;
mod sheets;
mod snapshots;
mod template_limits;
mod util;
