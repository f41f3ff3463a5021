//! The design's logo in the DOCX: an inline picture with its alternative
//! text, in a paragraph of its own on the title page.

use std::fmt::Write as _;

use super::xml::esc;
use crate::design::{Align, Logo};

/// The relationship id of the logo's image part.
pub(super) const LOGO_RID: &str = "rIdLogo";

/// English Metric Units per centimetre.
const EMU_PER_CM: f32 = 360_000.0;

/// The package path of the logo, `word/media/logo.png` (or `.jpeg`).
pub(super) fn logo_part(logo: &Logo) -> Option<String> {
    logo.image.as_ref().map(|i| format!("word/media/logo.{}", i.kind.extension()))
}

/// A paragraph with the logo, aligned `align`; the namespaces of the
/// drawing are declared where they are used.
pub(super) fn logo_paragraph(out: &mut String, logo: &Logo, align: Align) {
    let Some(image) = &logo.image else { return };
    let (w, h) = logo.size_cm();
    let (cx, cy) = ((w * EMU_PER_CM).round() as u64, (h * EMU_PER_CM).round() as u64);
    let alt = esc(logo.alt.get_ref());
    let ext = image.kind.extension();
    let _ = write!(
        out,
        r#"<w:p><w:pPr><w:spacing w:after="240"/><w:jc w:val="{}"/></w:pPr><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="Logo" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="logo.{ext}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{LOGO_RID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        align.css()
    );
}
