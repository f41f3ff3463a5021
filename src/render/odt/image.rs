//! The design's logo in the ODT: a picture in `Pictures/`, shown in a frame
//! with its alternative text as the frame's title.

use std::fmt::Write as _;

use crate::design::Logo;
use crate::render::docx::xml::esc;

/// The package path of the logo, `Pictures/logo.png` (or `.jpeg`).
pub(super) fn logo_part(logo: &Logo) -> Option<String> {
    logo.image.as_ref().map(|i| format!("Pictures/logo.{}", i.kind.extension()))
}

/// The paragraph with the logo, which starts the title page.
pub(super) fn logo_paragraph(out: &mut String, logo: &Logo) {
    let Some(part) = logo_part(logo) else { return };
    let (w, h) = logo.size_cm();
    let _ = write!(
        out,
        r#"<text:p text:style-name="LogoFirst"><draw:frame draw:style-name="LogoFrame" draw:name="Logo" text:anchor-type="as-char" svg:x="0cm" svg:y="0cm" svg:width="{w:.3}cm" svg:height="{h:.3}cm" draw:z-index="0"><draw:image xlink:href="{part}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>{}</svg:title></draw:frame></text:p>"#,
        esc(logo.alt.get_ref())
    );
}
