//! The design as the HTML templates see it: a style sheet that overrides
//! the built-in colours, typefaces, print margins and the title page's
//! layout, and the logo as a `data:` URI with its alternative text.

use std::fmt::Write as _;

use serde::Serialize;

use crate::design::{Align, Design};

/// `design` in the templates; absent for the built-in design.
#[derive(Debug, Serialize)]
pub struct DesignView {
    /// CSS after the built-in style sheet. Made only of checked values
    /// (colours `#rrggbb`, font names of letters, digits, spaces and `-`,
    /// numbers), so the templates write it unescaped.
    pub css: String,
    /// The logo, if the design has one (`null` if not).
    pub logo: Option<LogoView>,
}

/// The logo in the HTML.
#[derive(Debug, Serialize)]
pub struct LogoView {
    /// `data:image/png;base64,…`.
    pub src: String,
    /// The alternative text.
    pub alt: String,
    /// Width in centimetres (on paper; on screens in proportion).
    pub width_cm: f32,
}

impl DesignView {
    /// The view of `design`; `None` for the built-in design.
    pub fn of(design: &Design) -> Option<DesignView> {
        if design.is_default() {
            return None;
        }
        let c = &design.colors;
        let mut css = format!(
            ":root {{ --accent: {}; --line: {}; --soft: {}; }}\nth {{ background: {}; }}\n.subtitle {{ color: {}; }}\n",
            c.headings.css(),
            c.table_border.css(),
            c.label_fill.css(),
            c.table_header.css(),
            c.accent.css()
        );
        let (body, head) = (design.fonts.body.as_str(), design.fonts.headings.as_str());
        let _ = writeln!(css, "body {{ font-family: \"{body}\", system-ui, sans-serif; }}");
        let _ = writeln!(css, "h1, h2, h3, h4, h5 {{ font-family: \"{head}\", \"{body}\", system-ui, sans-serif; }}");
        if design.title_page.title != Align::Left {
            let _ = writeln!(css, "header.title-page {{ text-align: {}; }}", design.title_page.title.css());
        }
        let _ = writeln!(css, "header.title-page .logo {{ text-align: {}; }}", design.title_page.logo.css());
        let p = &design.page;
        let _ = writeln!(
            css,
            "@page {{ margin: {}cm {}cm {}cm {}cm; }}",
            p.margin_top_cm.cm(),
            p.margin_right_cm.cm(),
            p.margin_bottom_cm.cm(),
            p.margin_left_cm.cm()
        );
        let logo = design.logo.as_ref().and_then(|logo| {
            let image = logo.image.as_ref()?;
            Some(LogoView { src: image.data_uri(), alt: logo.alt.get_ref().clone(), width_cm: logo.size_cm().0 })
        });
        Some(DesignView { css, logo })
    }
}
