//! Renderers: one per output format, all over the same [`crate::context::Document`].

pub mod markdown;
