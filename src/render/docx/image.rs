//! Pictures in the DOCX: the design's logo on the title page and the
//! input's images in the text, each an inline drawing with its alternative
//! text, its bytes a part under `word/media/`.

use std::fmt::Write as _;

use super::xml::esc;
use crate::context::{Block, Document};
use crate::design::{Align, Logo};
use crate::image::Image;

/// The relationship id of the logo's image part.
const LOGO_RID: &str = "rIdLogo";

/// English Metric Units per centimetre.
const EMU_PER_CM: f32 = 360_000.0;

/// The tallest an image in the text may be, in centimetres (with its
/// caption it still fits an A4 page with any margins the design allows).
pub(crate) const MAX_HEIGHT_CM: f32 = 18.0;

/// A picture's part in the package.
pub(super) struct Media<'a> {
    /// `word/media/logo.png`, `word/media/image1.jpeg` …
    pub part: String,
    /// Its relationship id in `document.xml.rels`.
    pub rid: String,
    /// The image.
    pub image: &'a Image,
}

/// The pictures of `doc`: the design's logo, then the images in the text in order.
pub(super) fn media(doc: &Document) -> Vec<Media<'_>> {
    let logo = doc.design.logo.as_ref().and_then(|l| l.image.as_ref()).map(|image| Media {
        part: format!("word/media/logo.{}", image.kind.extension()),
        rid: LOGO_RID.to_string(),
        image,
    });
    let images = doc.blocks.iter().filter_map(|b| match b {
        Block::Image { number, image, .. } => Some(Media {
            part: format!("word/media/image{number}.{}", image.kind.extension()),
            rid: rid(*number),
            image,
        }),
        _ => None,
    });
    logo.into_iter().chain(images).collect()
}

/// The relationship id of image `number`.
fn rid(number: usize) -> String {
    format!("rIdImage{number}")
}

/// An inline drawing `name` of size `cm` showing the part `rid` (file
/// `file`); `id` is unique among the document's drawings. The namespaces
/// are declared where they are used.
fn drawing(out: &mut String, (rid, id): (&str, usize), (name, file): (&str, &str), alt: &str, cm: (f32, f32)) {
    let (cx, cy) = ((cm.0 * EMU_PER_CM).round() as u64, (cm.1 * EMU_PER_CM).round() as u64);
    let alt = esc(alt);
    let _ = write!(
        out,
        r#"<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{id}" name="{name}" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="{id}" name="{file}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    );
}

/// A paragraph with the logo, aligned `align`.
pub(super) fn logo_paragraph(out: &mut String, logo: &Logo, align: Align) {
    let Some(image) = &logo.image else { return };
    let _ = write!(out, r#"<w:p><w:pPr><w:spacing w:after="240"/><w:jc w:val="{}"/></w:pPr>"#, align.css());
    let file = format!("logo.{}", image.kind.extension());
    drawing(out, (LOGO_RID, 1), ("Logo", &file), logo.alt.get_ref(), logo.size_cm());
    out.push_str("</w:p>");
}

/// An image of the text, centred and as wide as the text at most, with
/// its caption below (the picture keeps with it).
pub(super) fn image_paragraphs(out: &mut String, block: &Block, text_width_cm: f32) {
    let Block::Image { number, alt, caption, image, .. } = block else { return };
    let keep = if caption.is_some() { "<w:keepNext/>" } else { "" };
    let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="PictureParagraph"/>{keep}</w:pPr>"#);
    let file = format!("image{number}.{}", image.kind.extension());
    let size = image.size_cm((text_width_cm, MAX_HEIGHT_CM));
    // the logo is drawing 1
    drawing(out, (&rid(*number), number + 1), (&format!("Image {number}"), &file), alt, size);
    out.push_str("</w:p>");
    if let Some(caption) = caption {
        out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>"#);
        super::body::run(out, caption, false);
        out.push_str("</w:p>");
    }
}
