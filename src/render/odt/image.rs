//! Pictures in the ODT: the design's logo on the title page and the
//! input's images in the text, each in a frame with its alternative text
//! as the frame's title, its bytes a file under `Pictures/`.

use std::fmt::Write as _;

use crate::context::{Block, Document};
use crate::design::Logo;
use crate::image::Image;
use crate::render::docx::image::MAX_HEIGHT_CM;
use crate::render::docx::xml::esc;

/// The graphic style of an image's frame and the paragraph style of an
/// image kept with its caption, declared when the text has images.
pub(super) const STYLES: &str = r#"<style:style style:name="ImageFrame" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline"/></style:style><style:style style:name="PictureKeep" style:family="paragraph" style:parent-style-name="Picture_20_Paragraph"><style:paragraph-properties fo:keep-with-next="always"/></style:style>"#;

/// A picture's file in the package.
pub(super) struct Media<'a> {
    /// `Pictures/logo.png`, `Pictures/image1.jpeg` …
    pub path: String,
    /// The image.
    pub image: &'a Image,
}

/// The package path of the logo, `Pictures/logo.png` (or `.jpeg`).
fn logo_path(image: &Image) -> String {
    format!("Pictures/logo.{}", image.kind.extension())
}

/// The package path of image `number`.
fn image_path(number: usize, image: &Image) -> String {
    format!("Pictures/image{number}.{}", image.kind.extension())
}

/// The pictures of `doc`: the design's logo, then the images in the text in order.
pub(super) fn media(doc: &Document) -> Vec<Media<'_>> {
    let logo = doc.design.logo.as_ref().and_then(|l| l.image.as_ref());
    let logo = logo.map(|image| Media { path: logo_path(image), image });
    let images = doc.blocks.iter().filter_map(|b| match b {
        Block::Image { number, image, .. } => Some(Media { path: image_path(*number, image), image }),
        _ => None,
    });
    logo.into_iter().chain(images).collect()
}

/// A frame of size `cm` showing the file at `path`.
fn frame(out: &mut String, style: &str, name: &str, path: &str, alt: &str, cm: (f32, f32)) {
    let (w, h) = cm;
    let _ = write!(
        out,
        r#"<draw:frame draw:style-name="{style}" draw:name="{name}" text:anchor-type="as-char" svg:x="0cm" svg:y="0cm" svg:width="{w:.3}cm" svg:height="{h:.3}cm" draw:z-index="0"><draw:image xlink:href="{path}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>{}</svg:title></draw:frame>"#,
        esc(alt)
    );
}

/// The paragraph with the logo, which starts the title page.
pub(super) fn logo_paragraph(out: &mut String, logo: &Logo) {
    let Some(image) = &logo.image else { return };
    out.push_str(r#"<text:p text:style-name="LogoFirst">"#);
    frame(out, "LogoFrame", "Logo", &logo_path(image), logo.alt.get_ref(), logo.size_cm());
    out.push_str("</text:p>");
}

/// An image of the text, centred and as wide as the text at most, with its
/// caption below (the picture keeps with it).
pub(super) fn image_paragraphs(out: &mut String, block: &Block, text_width_cm: f32) {
    let Block::Image { number, alt, caption, image, .. } = block else { return };
    let style = if caption.is_some() { "PictureKeep" } else { "Picture_20_Paragraph" };
    let _ = write!(out, r#"<text:p text:style-name="{style}">"#);
    let size = image.size_cm((text_width_cm, MAX_HEIGHT_CM));
    frame(out, "ImageFrame", &format!("Image {number}"), &image_path(*number, image), alt, size);
    out.push_str("</text:p>");
    if let Some(caption) = caption {
        out.push_str(r#"<text:p text:style-name="Caption">"#);
        super::text::push(out, caption);
        out.push_str("</text:p>");
    }
}
