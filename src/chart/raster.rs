//! SVG to PNG with resvg, its text set in the embedded Liberation Sans, so
//! that the PNG's bytes do not depend on the fonts of the machine.

use std::sync::{Arc, OnceLock};

use anyhow::{Context, Result};
use resvg::{tiny_skia, usvg};

use crate::image::Image;

/// Liberation Sans Regular (SIL Open Font License 1.1, `assets/fonts/LICENSE-OFL.txt`).
const FONT: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");

/// The one typeface every chart's text is set in, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(FONT.to_vec());
            // `sans-serif` would otherwise ask for Arial, which is not there
            db.set_sans_serif_family("Liberation Sans");
            Arc::new(db)
        })
        .clone()
}

/// The SVG `svg` as a PNG with `scale` device pixels per SVG pixel.
pub(super) fn png(svg: &str, scale: f32) -> Result<Image> {
    let options = usvg::Options { font_family: "Liberation Sans".into(), fontdb: fonts(), ..Default::default() };
    let tree = usvg::Tree::from_str(svg, &options).context("reading a chart's SVG")?;
    let size = tree.size().to_int_size().scale_by(scale).context("a chart of no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).context("a chart of no size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let bytes = pixmap.encode_png().context("writing a chart's PNG")?;
    Image::from_bytes(bytes).map_err(|e| anyhow::anyhow!("a chart's PNG: {e:?}"))
}
