//! A municipality's corporate design (`--design FILE`): fonts, colours,
//! page margins, a logo, header and footer text and the title page's
//! layout, applied to the DOCX, the ODT (and so the PDF) and the HTML.
//!
//! The file is TOML; `strategiekit design export` writes the built-in
//! design, every key explained, as a starting point. Without a file the
//! built-in design applies, which is exactly the look of a build without
//! `--design`, byte for byte.

mod load;
pub mod reference;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use crate::image::{Image, ImageKind};
pub use load::{for_build, load};

/// The built-in design, as `design export` writes it.
pub const DEFAULT_TOML: &str = include_str!("default.toml");

/// A corporate design.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Design {
    /// Typefaces and the size of the text.
    pub fonts: Fonts,
    /// Colours of headings, tables and accents.
    pub colors: Colors,
    /// Page margins of the DOCX, ODT and PDF.
    pub page: Page,
    /// The logo on the title page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
    /// Text at the top of every page but the title page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// Text at the left of the footer (the page number stands on the right); the document's title when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<String>,
    /// How the title page is laid out.
    pub title_page: TitlePage,
    /// A DOCX or ODT whose styles the documents take (`reference_doc`, relative to the design file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_doc: Option<toml::Spanned<PathBuf>>,
    /// The reference document's styles, read when the design is loaded.
    #[serde(skip)]
    pub reference: Option<reference::Reference>,
}

/// Typefaces and the size of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fonts {
    /// The text's typeface.
    pub body: FontName,
    /// The headings' and the title's typeface.
    pub headings: FontName,
    /// Size of the text in points (8 to 16).
    pub size_pt: Size,
}

/// Colours as `#RRGGBB`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    /// Headings and the title.
    pub headings: Color,
    /// The subtitle and links.
    pub accent: Color,
    /// The fill of table header rows (their text is white).
    pub table_header: Color,
    /// Table borders and the roadmap's bars.
    pub table_border: Color,
    /// The label column of a measure's profile.
    pub label_fill: Color,
}

/// Page margins in centimetres (1 to 5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Page {
    /// Top margin.
    pub margin_top_cm: Margin,
    /// Bottom margin (the footer stands in it).
    pub margin_bottom_cm: Margin,
    /// Left margin.
    pub margin_left_cm: Margin,
    /// Right margin.
    pub margin_right_cm: Margin,
}

/// The logo: a PNG or JPEG file with its alternative text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The image file, relative to the design file.
    pub file: toml::Spanned<PathBuf>,
    /// What the logo shows, for those who cannot see it (required).
    pub alt: toml::Spanned<String>,
    /// Width on the page in centimetres (1 to 16).
    #[serde(default = "Logo::default_width")]
    pub width_cm: Width,
    /// The image, read when the design is loaded.
    #[serde(skip)]
    pub image: Option<Image>,
}

impl Logo {
    fn default_width() -> Width {
        Width(4.0)
    }

    /// Width and height on the page in centimetres, the height from the image's proportions.
    pub fn size_cm(&self) -> (f32, f32) {
        let (w, h) = self.image.as_ref().map_or((1, 1), |i| i.pixels);
        (self.width_cm.0, self.width_cm.0 * h.max(1) as f32 / w.max(1) as f32)
    }
}

/// The title page's layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TitlePage {
    /// Where the logo stands: `left`, `center` or `right`.
    pub logo: Align,
    /// How the title, subtitle and facts are aligned: `left` or `center`.
    pub title: Align,
}

/// Alignment on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Left.
    Left,
    /// Centred.
    Center,
    /// Right.
    Right,
}

impl Align {
    /// `left`, `center` or `right`, as CSS `text-align` and WordprocessingML's `w:jc` write it.
    pub fn css(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        }
    }

    /// The value of ODF's `fo:text-align`.
    pub fn odf(self) -> &'static str {
        match self {
            Align::Left => "start",
            Align::Center => "center",
            Align::Right => "end",
        }
    }
}

/// A typeface's name: letters, digits, spaces and `-`, at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FontName(String);

/// A colour `#RRGGBB`, kept as six lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Color(String);

/// A type size in points, 8 to 16.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Size(f32);

/// A logo's width in centimetres, 1 to 16.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Width(f32);

impl TryFrom<f64> for Width {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        if (1.0..=16.0).contains(&v) {
            Ok(Width(v as f32))
        } else {
            Err(format!("a logo {v} cm wide does not fit the page; give width_cm from 1 to 16"))
        }
    }
}

impl From<Width> for f64 {
    fn from(w: Width) -> f64 {
        f64::from(w.0)
    }
}

/// A page margin in centimetres, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Margin(f32);

impl TryFrom<String> for FontName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let ok = !s.trim().is_empty()
            && s.chars().count() <= 64
            && s.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
        if ok {
            Ok(FontName(s.trim().to_string()))
        } else {
            Err(format!(
                "`{s}` is not a font name; write the family as the system names it, e.g. \"Arial\" or \"Source Sans 3\" (letters, digits, spaces and -)"
            ))
        }
    }
}

impl From<FontName> for String {
    fn from(f: FontName) -> String {
        f.0
    }
}

impl FontName {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let hex = s.strip_prefix('#').unwrap_or("");
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(Color(hex.to_ascii_lowercase()))
        } else {
            Err(format!("`{s}` is not a colour; write it as #RRGGBB, e.g. \"#1F3864\""))
        }
    }
}

impl From<Color> for String {
    fn from(c: Color) -> String {
        format!("#{}", c.0.to_ascii_uppercase())
    }
}

impl Color {
    /// Six hex digits, upper case, as WordprocessingML writes them (`1F3864`).
    pub fn hex_upper(&self) -> String {
        self.0.to_ascii_uppercase()
    }

    /// `#1f3864`, as CSS and ODF write it.
    pub fn css(&self) -> String {
        format!("#{}", self.0)
    }

    /// Red, green and blue, 0 to 255 each (for charts).
    pub fn rgb(&self) -> (u8, u8, u8) {
        // six hex digits, checked when the colour was read
        let part = |i: usize| u8::from_str_radix(self.0.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
        (part(0), part(2), part(4))
    }
}

impl TryFrom<f64> for Size {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        if (8.0..=16.0).contains(&v) && (v * 2.0).fract() == 0.0 {
            Ok(Size(v as f32))
        } else {
            Err(format!("{v} is not a text size; give points from 8 to 16 in steps of 0.5, e.g. 11"))
        }
    }
}

impl From<Size> for f64 {
    fn from(s: Size) -> f64 {
        f64::from(s.0)
    }
}

impl Size {
    /// The size in half-points, as `w:sz` has it.
    pub fn half_points(self) -> u32 {
        (self.0 * 2.0).round() as u32
    }

    /// The size in points.
    pub fn pt(self) -> f32 {
        self.0
    }
}

impl TryFrom<f64> for Margin {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        if (1.0..=5.0).contains(&v) {
            Ok(Margin(v as f32))
        } else {
            Err(format!("{v} cm is not a page margin; give centimetres from 1 to 5, e.g. 2.5"))
        }
    }
}

impl From<Margin> for f64 {
    fn from(m: Margin) -> f64 {
        f64::from(m.0)
    }
}

impl Margin {
    /// The margin in twentieths of a point (dxa), as WordprocessingML has it.
    pub fn dxa(self) -> u32 {
        (self.0 / 2.54 * 1440.0).round() as u32
    }

    /// The margin in centimetres.
    pub fn cm(self) -> f32 {
        self.0
    }
}

impl Default for Fonts {
    fn default() -> Self {
        let calibri = FontName("Calibri".into());
        Fonts { body: calibri.clone(), headings: calibri, size_pt: Size(11.0) }
    }
}

impl Default for Colors {
    fn default() -> Self {
        let c = |s: &str| Color(s.into());
        Colors {
            headings: c("1f3864"),
            accent: c("2f5496"),
            table_header: c("2f5496"),
            table_border: c("8eaadb"),
            label_fill: c("deeaf6"),
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page {
            margin_top_cm: Margin(2.5),
            margin_bottom_cm: Margin(2.0),
            margin_left_cm: Margin(2.5),
            margin_right_cm: Margin(2.5),
        }
    }
}

impl Default for TitlePage {
    fn default() -> Self {
        TitlePage { logo: Align::Right, title: Align::Left }
    }
}

impl Design {
    /// Whether this is the built-in design (then the HTML needs no design CSS).
    pub fn is_default(&self) -> bool {
        *self == Design::default()
    }

    /// The width of the text area in centimetres.
    pub fn text_width_cm(&self) -> f32 {
        self.text_width_dxa() as f32 * 2.54 / 1440.0
    }

    /// The design with `logo` when it has none of its own (the input's logo
    /// shows unless the design file brings one).
    pub fn or_logo(self: &std::sync::Arc<Self>, logo: Option<&crate::model::Logo>) -> std::sync::Arc<Self> {
        let (Some(logo), None) = (logo, &self.logo) else { return self.clone() };
        let (Some(image), Some(alt)) = (&logo.image, &logo.alt) else { return self.clone() };
        let mut design = Design::clone(self);
        design.logo = Some(Logo {
            file: toml::Spanned::new(0..0, PathBuf::from(&logo.file)),
            alt: toml::Spanned::new(0..0, alt.trim().to_string()),
            width_cm: Logo::default_width(),
            image: Some(Image::clone(image)),
        });
        std::sync::Arc::new(design)
    }

    /// The width of the text area in dxa (A4 less the side margins).
    pub fn text_width_dxa(&self) -> u32 {
        11906u32.saturating_sub(self.page.margin_left_cm.dxa() + self.page.margin_right_cm.dxa())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exported_design_is_the_built_in_one() {
        let parsed: Design = toml::from_str(DEFAULT_TOML).expect("the default design parses");
        assert_eq!(parsed, Design::default());
    }

    #[test]
    fn the_built_in_margins_are_the_docx_geometry() {
        let d = Design::default();
        assert_eq!(d.page.margin_left_cm.dxa(), 1417);
        assert_eq!(d.page.margin_bottom_cm.dxa(), 1134);
        assert_eq!(d.text_width_dxa(), crate::render::docx::geometry::TEXT_W);
    }
}
