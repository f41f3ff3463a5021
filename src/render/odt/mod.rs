//! ODT (OpenDocument Text), written natively like the DOCX: the ODF parts
//! are generated here from the same [`Document`] and zipped with the
//! `mimetype` entry first and stored, fixed entry order and timestamps, so
//! the same input gives the same bytes.

mod content;
mod image;
pub(crate) mod styles;
mod table;
pub(crate) mod text;

use std::io::{Cursor, Write as _};

use anyhow::{Context as _, Result};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::{Input, Renderer, Settings};
use crate::context::Document;
use crate::design::reference::{self, Reference};
use crate::templates::TemplateSet;

/// The media type of an ODF text document, the package's first entry.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Renders documents as ODT packages; like the DOCX it takes the labels
/// through the document and no templates.
pub struct Odt;

impl Renderer for Odt {
    fn new(_: &TemplateSet, _: &Settings) -> Result<Self> {
        Ok(Odt)
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        render(input.document)
    }
}

/// Renders `doc` as an ODT package.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let design = &doc.design;
    let footer = design.footer.as_deref().unwrap_or(&doc.meta.title);
    let media = image::media(doc);
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    let (content, styles, meta, manifest) = (
        content::content(doc),
        match &design.reference {
            Some(Reference::Odt { styles: theirs }) => reference::odt_styles(
                &styles::styles(doc.meta.lang_tag, footer, &doc.labels.page, design),
                theirs,
                doc.meta.lang_tag,
            ),
            _ => styles::styles(doc.meta.lang_tag, footer, &doc.labels.page, design),
        },
        styles::meta(&doc.meta),
        styles::manifest(&media),
    );
    files.extend([
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ]);
    files.extend(media.iter().map(|m| (m.path.as_str(), m.image.bytes.as_slice())));
    package(MIMETYPE, "ODT", &files)
}

/// An ODF package of media type `mimetype` (`kind` names it in errors): the
/// `mimetype` entry first and stored, so readers recognise it, then `files`
/// deflated, every entry dated 1980-01-01, so the same parts give the same bytes.
pub(crate) fn package(mimetype: &str, kind: &str, files: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let fixed = |method| {
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644)
    };
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", fixed(CompressionMethod::Stored)).with_context(|| format!("cannot start the {kind}"))?;
    zip.write_all(mimetype.as_bytes()).with_context(|| format!("cannot write the {kind}'s mimetype"))?;
    let deflated = fixed(CompressionMethod::Deflated).compression_level(Some(2));
    for (name, bytes) in files {
        zip.start_file(*name, deflated).with_context(|| format!("cannot add {name} to the {kind}"))?;
        zip.write_all(bytes).with_context(|| format!("cannot write {name}"))?;
    }
    Ok(zip.finish().with_context(|| format!("cannot finish the {kind}"))?.into_inner())
}
