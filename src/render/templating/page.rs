//! A format's page template, whose block loop is rendered without
//! handlebars' copies when the templates are the built-in ones.
//!
//! handlebars-rust gives every partial a copy of its context, and inside a
//! partial every value a helper reads (`{{#if table}}`, `{{#with table}}`,
//! `{{#each rows}}`, each cell, and for HTML `../../columns` once per cell) is
//! copied again (see sunng87/handlebars-rust#178 and #624). With one
//! `{{> block}}` per block, a build spent most of its time copying JSON, and a
//! wide table cost columns × cells. So, when the page template and the block
//! template of a format are the built-in ones, the page template is split at
//! its block loop and `block` is rendered once per block with that block as
//! its root: the same text (the tests compare both paths on every example
//! and profile), without the copies. Templates from `--templates` are
//! rendered exactly as written.

use std::sync::OnceLock;

use anyhow::{Result, anyhow};
use handlebars::Context;
use rayon::prelude::*;
use serde::Serialize;

use super::Registry;
use super::budget::Budget;
use super::design::DesignView;
use crate::context::{Block, Document, Meta, TocEntry};
use crate::i18n::Labels;
use crate::templates::TemplateSet;

/// Blocks rendered by one task of the thread pool.
const BLOCKS_PER_TASK: usize = 32;

/// The block loop, exactly as the built-in page templates write it.
const BLOCK_LOOP: &str = "{{#each blocks}}{{> block}}{{/each}}";

/// The document as JSON for the handlebars renderers, made at most once per
/// document and shared by the Markdown and HTML renderers (also when they run
/// at the same time).
pub struct Prepared<'a> {
    doc: &'a Document,
    /// The whole document, for templates rendered as written.
    whole: OnceLock<Result<Context, String>>,
    /// The document without its blocks, for the parts around the block loop.
    head: OnceLock<Result<Context, String>>,
}

/// What the page template sees outside the block loop: the document with no blocks.
#[derive(Serialize)]
struct Head<'a> {
    meta: &'a Meta,
    toc: &'a [TocEntry],
    blocks: &'a [Block],
    labels: &'a Labels,
    #[serde(skip_serializing_if = "Option::is_none")]
    design: Option<DesignView>,
    /// Whether the page shows images (`data:` URIs the page's policy must allow).
    images: bool,
}

/// The whole document as the templates see it: the document and its design.
#[derive(Serialize)]
struct Whole<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    design: Option<DesignView>,
    /// Whether the page shows images.
    images: bool,
}

/// Whether `doc` shows an image: the design's logo or an image of the input.
fn shows_images(doc: &Document) -> bool {
    doc.design.logo.is_some() || doc.blocks.iter().any(|b| matches!(b, Block::Image { .. }))
}

fn context<T: Serialize>(data: &T) -> Result<Context, String> {
    Context::wraps(data).map_err(|e| e.to_string())
}

impl<'a> Prepared<'a> {
    /// Prepares `doc`; the JSON is made on first use.
    pub fn new(doc: &'a Document) -> Self {
        Prepared { doc, whole: OnceLock::new(), head: OnceLock::new() }
    }

    fn whole(&self) -> anyhow::Result<&Context> {
        self.whole
            .get_or_init(|| {
                context(&Whole {
                    doc: self.doc,
                    design: DesignView::of(&self.doc.design),
                    images: shows_images(self.doc),
                })
            })
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }

    fn head(&self) -> anyhow::Result<&Context> {
        self.head
            .get_or_init(|| {
                let d = self.doc;
                let design = DesignView::of(&d.design);
                let images = shows_images(d);
                context(&Head { meta: &d.meta, toc: &d.toc, blocks: &[], labels: &d.labels, design, images })
            })
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }
}

/// How a format renders its page template `name`.
pub struct PageTemplate {
    name: String,
    /// The registered names of the parts before and after the block loop,
    /// and the built-in block template in Rust, when split.
    split: Option<(String, String, BlockFn)>,
}

/// A block template written out in Rust ([`super::native`]).
type BlockFn = fn(&Block, &mut String);

impl PageTemplate {
    /// Registers the parts of page template `name` (file `page_file`) around its
    /// block loop when it and `block_file` are the built-in templates.
    pub fn register(
        reg: &mut Registry,
        templates: &TemplateSet,
        name: &str,
        page_file: &str,
        block_file: &str,
    ) -> Result<Self> {
        let mut page = PageTemplate { name: name.to_string(), split: None };
        let native: BlockFn = match block_file {
            "markdown/block.md.hbs" => super::native::markdown_block,
            "html/block.html.hbs" => super::native::html_block,
            _ => return Ok(page),
        };
        if !(templates.is_builtin(page_file) && templates.is_builtin(block_file)) {
            return Ok(page);
        }
        let text = templates.get(page_file).unwrap_or_default();
        if let Some((before, after)) = text.split_once(BLOCK_LOOP).filter(|(_, after)| !after.contains(BLOCK_LOOP)) {
            let (head, tail) = (format!("{name}/before-blocks"), format!("{name}/after-blocks"));
            reg.add(&head, before, page_file)?;
            reg.add(&tail, after, page_file)?;
            page.split = Some((head, tail, native));
        }
        Ok(page)
    }

    /// Renders the page.
    /// What the templates write is limited (`budget::MAX_OUTPUT`).
    pub fn render(&self, reg: &Registry, doc: &Prepared<'_>) -> Result<String> {
        let budget = Budget::new();
        let _watched = super::budget::watch(&reg.place(&self.name));
        let part = |name: &str, ctx: &Context, out: &mut Vec<u8>| {
            reg.hb.render_with_context_to_write(name, ctx, budget.writer(out)).map_err(|e| reg.describe(&e, name))
        };
        let Some((head, tail, native)) = &self.split else {
            let mut out = Vec::new();
            part(&self.name, doc.whole()?, &mut out)?;
            return String::from_utf8(out).map_err(|e| anyhow!("{e}"));
        };
        let head_ctx = doc.head()?;
        // the blocks are independent: render runs of them in parallel, then join them in order
        let runs: Vec<String> = doc
            .doc
            .blocks
            .par_chunks(BLOCKS_PER_TASK)
            .map(|run| {
                let mut out = String::with_capacity(run.len() * 512);
                run.iter().for_each(|block| native(block, &mut out));
                out
            })
            .collect();
        let mut out: Vec<u8> = Vec::with_capacity(runs.iter().map(String::len).sum::<usize>() + 16 * 1024);
        part(head, head_ctx, &mut out)?;
        runs.iter().for_each(|run| out.extend_from_slice(run.as_bytes()));
        part(tail, head_ctx, &mut out)?;
        // every part is a string, so the bytes are UTF-8
        String::from_utf8(out).map_err(|e| anyhow!("{e}"))
    }

    /// Renders the page as written, without the split (for the tests).
    #[cfg(test)]
    pub fn render_as_written(&self, reg: &Registry, doc: &Prepared<'_>) -> Result<String> {
        reg.hb.render_with_context(&self.name, doc.whole()?).map_err(|e| reg.describe(&e, &self.name))
    }

    /// True when the block loop is split.
    #[cfg(test)]
    pub fn is_split(&self) -> bool {
        self.split.is_some()
    }
}
