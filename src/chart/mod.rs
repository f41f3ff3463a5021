//! Charts of the progress report, drawn with plotters as SVG (vector, for
//! HTML) and turned into PNG by resvg (for DOCX, ODT and the PDF).
//!
//! Both are deterministic: the same data give the same bytes, whatever fonts
//! the machine has — the PNG's text is set in the typeface embedded in the
//! binary (Liberation Sans, `assets/fonts`), never a system font. Colours come from
//! the design; each chart carries a text alternative, and the document
//! shows its data as a table beside it.
//!
//! - [`line`]: an indicator's values against its path and target;
//! - [`bars`]: grouped bars (money planned and spent by year) and stacked
//!   bars (measures by schedule per field of action).

pub mod bars;
pub mod line;
mod raster;

use anyhow::{Result, anyhow};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::design::Design;
use crate::image::Image;

/// A colour of a chart.
pub use plotters::style::RGBColor as Rgb;

/// The size a chart is drawn at, in CSS pixels; the PNG has twice as many.
pub const SIZE: (u32, u32) = (640, 340);

/// How many device pixels the PNG has per CSS pixel.
const PNG_SCALE: f32 = 2.0;

/// The family every chart's text names: the browser's sans serif in HTML,
/// the embedded Liberation Sans in the PNG.
const FONT: &str = "sans-serif";

/// A drawn chart: its SVG and the same as a PNG.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The SVG, with its text alternative as `<title>`.
    pub svg: String,
    /// The PNG, twice the SVG's size.
    pub png: Image,
}

/// The colours of the charts, from the design.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Measured values, spent money: the headings' colour.
    pub strong: RGBColor,
    /// The path, planned money: the table borders' colour.
    pub light: RGBColor,
    /// The target: the accent colour.
    pub accent: RGBColor,
    /// Axes and text.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
}

impl Palette {
    /// The palette of `design`.
    pub fn of(design: &Design) -> Palette {
        let c = &design.colors;
        Palette {
            strong: rgb(c.headings.rgb()),
            light: rgb(c.table_border.rgb()),
            accent: rgb(c.accent.rgb()),
            text: RGBColor(0x33, 0x33, 0x33),
            grid: RGBColor(0xE3, 0xE3, 0xE3),
        }
    }
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// A plotters error as an error of ours.
fn drawing<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("drawing a chart: {e:?}")
}

/// Draws with `draw` on an SVG of [`SIZE`], gives it `alt` as its title and
/// makes its PNG.
fn finish(
    alt: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<()>,
) -> Result<Chart> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        draw(&root)?;
        root.present().map_err(drawing)?;
    }
    let svg = with_title(&svg, alt);
    let png = raster::png(&svg, PNG_SCALE)?;
    Ok(Chart { svg, png })
}

/// The SVG as a `data:` URI, for HTML's `<img>`.
pub fn svg_data_uri(svg: &str) -> String {
    use base64::Engine as _;
    format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg))
}

/// How a legend entry shows its series.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    /// A line (a measured series, a path).
    Line(RGBColor, u32),
    /// A triangle (a target).
    Triangle(RGBColor),
    /// A filled box (bars).
    Box(RGBColor),
}

/// The height of one row of a legend, in pixels.
const LEGEND_ROW: i32 = 26;

/// Where each legend entry starts (x, row), its entries in rows that fit
/// the chart's width; an entry is as wide as plotters estimates its text
/// (0.6 em a character) and its swatch.
fn legend_places(names: &[&str]) -> Vec<(i32, i32)> {
    let (mut x, mut row) = (16, 0);
    let width = SIZE.0 as i32 - 16;
    names
        .iter()
        .map(|name| {
            let w = 28 + name.chars().count() as i32 * 14 * 6 / 10 + 20;
            if x + w > width && x > 16 {
                (x, row) = (16, row + 1);
            }
            let place = (x, row);
            x += w;
            place
        })
        .collect()
}

/// Splits `root` into the legend's strip and the chart's area, draws the
/// legend's entries in rows in the strip, and gives the chart's area. The
/// legend stands outside the chart, so it never covers a line or a bar.
fn with_legend<'b>(
    root: &DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    entries: &[(&str, Swatch)],
    text: RGBColor,
) -> Result<DrawingArea<SVGBackend<'b>, plotters::coord::Shift>> {
    let names: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let places = legend_places(&names);
    let rows = places.last().map_or(1, |p| p.1 + 1);
    let (strip, body) = root.split_vertically((rows * LEGEND_ROW + 8) as u32);
    let font = (FONT, 14).into_font().color(&text);
    for ((name, swatch), (x, row)) in entries.iter().zip(places) {
        let y = 18 + row * LEGEND_ROW;
        match *swatch {
            Swatch::Line(color, width) => {
                strip.draw(&PathElement::new(vec![(x, y), (x + 22, y)], color.stroke_width(width))).map_err(drawing)?
            }
            Swatch::Triangle(color) => {
                strip.draw(&TriangleMarker::new((x + 11, y), 6, color.filled())).map_err(drawing)?
            }
            Swatch::Box(color) => {
                strip.draw(&Rectangle::new([(x + 4, y - 7), (x + 18, y + 7)], color.filled())).map_err(drawing)?
            }
        }
        strip
            .draw(&Text::new(name.to_string(), (x + 28, y), font.clone().pos(Pos::new(HPos::Left, VPos::Center))))
            .map_err(drawing)?;
    }
    Ok(body)
}

/// A chart's plotting area: years or categories across, values up.
type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws the y axis with `y_labels` values written by `number` and a light
/// grid; the x axis without labels (each chart writes its own below it,
/// in the style returned).
fn axes(
    chart: &mut Plot<'_, '_>,
    y_labels: usize,
    number: &dyn Fn(f64) -> String,
    palette: &Palette,
) -> Result<TextStyle<'static>> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_labels)
        .y_label_formatter(&|v| number(*v))
        .label_style((FONT, 14).into_font().color(&palette.text))
        .axis_style(palette.text)
        .light_line_style(TRANSPARENT)
        .bold_line_style(palette.grid)
        .draw()
        .map_err(drawing)?;
    Ok((FONT, 14).into_font().color(&palette.text).pos(Pos::new(HPos::Center, VPos::Top)))
}

/// Writes `text` centred below the backend pixel `(x, y)` (a point on the
/// x axis) on `area`, whose own pixels start where the area does.
fn axis_label(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    text: impl Into<String>,
    (x, y): (i32, i32),
    style: &TextStyle<'_>,
) -> Result<()> {
    let (left, top) = area.get_base_pixel();
    area.draw(&Text::new(text.into(), (x - left, y - top + 6), style.clone())).map_err(drawing)
}

/// `svg` with `role="img"` and `alt` as its `<title>`, for screen readers.
fn with_title(svg: &str, alt: &str) -> String {
    let escaped = alt.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    match svg.split_once(">\n") {
        Some((open, rest)) => format!("{open} role=\"img\">\n<title>{escaped}</title>\n{rest}"),
        None => svg.to_string(),
    }
}

/// The years on the x axis, at most about ten labels: every year, or every
/// second, third … year, always with the first and the last.
fn year_ticks(first: u16, last: u16) -> Vec<u16> {
    let n = usize::from(last.saturating_sub(first)) + 1;
    let step = n.div_ceil(10).max(1);
    let mut ticks: Vec<u16> = (first..=last).step_by(step).collect();
    if ticks.last() != Some(&last) {
        ticks.push(last);
    }
    ticks
}

/// A range from `lo` to `hi` with some room above and below, never empty.
fn padded(lo: f64, hi: f64, from_zero: bool) -> (f64, f64) {
    let (lo, hi) = if from_zero { (lo.min(0.0), hi.max(0.0)) } else { (lo, hi) };
    let room = if hi > lo { (hi - lo) * 0.1 } else { hi.abs().max(1.0) * 0.1 };
    let lo = if from_zero && lo >= 0.0 { 0.0 } else { lo - room };
    (lo, hi + room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ticks_keep_the_first_and_last_year_and_stay_few() {
        assert_eq!(year_ticks(2024, 2026), [2024, 2025, 2026]);
        assert_eq!(year_ticks(2020, 2040), [2020, 2023, 2026, 2029, 2032, 2035, 2038, 2040]);
        assert_eq!(year_ticks(2030, 2030), [2030]);
    }

    #[test]
    fn ranges_have_room_and_bars_start_at_zero() {
        assert_eq!(padded(10.0, 20.0, false), (9.0, 21.0));
        assert_eq!(padded(10.0, 20.0, true), (0.0, 22.0));
        assert_eq!(padded(5.0, 5.0, false), (4.5, 5.5));
        assert_eq!(padded(0.0, 0.0, true), (0.0, 0.1));
    }

    #[test]
    fn a_legend_too_wide_for_one_row_takes_two() {
        assert_eq!(legend_places(&["Ist-Wert", "Pfad", "Zielwert"]), [(16, 0), (131, 0), (212, 0)]);
        let five = ["abgeschlossen", "im Plan", "verspätet", "nicht begonnen", "abgebrochen"];
        let places = legend_places(&five);
        assert_eq!(places.iter().map(|p| p.1).collect::<Vec<_>>(), [0, 0, 0, 0, 1]);
        assert_eq!(places[4].0, 16);
    }

    #[test]
    fn the_title_goes_into_the_svg_escaped() {
        let svg = "<svg width=\"1\">\n<rect/>\n</svg>\n";
        assert_eq!(
            with_title(svg, "A < B & C"),
            "<svg width=\"1\" role=\"img\">\n<title>A &lt; B &amp; C</title>\n<rect/>\n</svg>\n"
        );
    }
}
