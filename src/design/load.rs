//! Reading a design file: TOML into [`Design`], every value checked where
//! it stands (file:line:column and the fix), the logo read and measured.

use std::ops::Range;
use std::path::Path;

use anyhow::{Result, anyhow};

use super::Design;
use super::reference::Reference;
use crate::image::{Image, ImageError};

/// The design of a build: the design file at `file` (the built-in design
/// without one), with the reference document `reference` if one is given
/// (it replaces the design file's `reference_doc`).
pub fn for_build(file: Option<&Path>, reference: Option<&Path>) -> Result<Design> {
    let mut design = file.map(load).transpose()?.unwrap_or_default();
    if let Some(path) = reference {
        design.reference = Some(Reference::read(path).map_err(|e| anyhow!("{e}"))?);
    }
    Ok(design)
}

/// Reads the design file at `path`: a TOML error, a value out of range and
/// a logo that is missing, unreadable, not PNG or JPEG or without its
/// alternative text are errors naming file, line and column.
pub fn load(path: &Path) -> Result<Design> {
    let source =
        std::fs::read_to_string(path).map_err(|e| anyhow!("cannot read the design file {}: {e}", path.display()))?;
    let at = |span: Option<Range<usize>>, message: &str| {
        let (line, column) = span.map_or((1, 1), |s| line_column(&source, s.start));
        anyhow!("{}:{line}:{column}: {message}", path.display())
    };
    let mut design: Design = toml::from_str(&source).map_err(|e| at(e.span(), e.message().trim_end()))?;
    if let Some(logo) = &mut design.logo {
        if logo.alt.get_ref().trim().is_empty() {
            return Err(at(
                Some(logo.alt.span()),
                "the logo has no alternative text; say what it shows, e.g. alt = \"Wappen der Stadt Ulm\"",
            ));
        }
        let file = path.parent().unwrap_or(Path::new(".")).join(logo.file.get_ref());
        let image = read_image(&file).map_err(|e| at(Some(logo.file.span()), &e))?;
        logo.image = Some(image);
    }
    if let Some(file) = &design.reference_doc {
        let path = path.parent().unwrap_or(Path::new(".")).join(file.get_ref());
        design.reference = Some(Reference::read(&path).map_err(|e| at(Some(file.span()), &e))?);
    }
    Ok(design)
}

/// Reads the logo at `file`, saying what is wrong with it in the design's words.
fn read_image(file: &Path) -> std::result::Result<Image, String> {
    let shown = file.display();
    Image::read(file).map_err(|e| match e {
        ImageError::Unreadable(e) => {
            format!("cannot read the logo {shown}: {e}; give a PNG or JPEG file relative to the design file")
        }
        ImageError::NotAFile => format!("the logo {shown} is not a file of at most 8 MiB; give a PNG or JPEG file"),
        ImageError::NotPngOrJpeg => format!("the logo {shown} is not a PNG or JPEG image; convert it, e.g. to PNG"),
        ImageError::NoPixels => format!("the logo {shown} has no pixels"),
    })
}

/// Line and column (both from 1, columns in characters) of byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Result<Design> {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("design.toml");
        std::fs::write(&path, text).expect("write");
        load(&path).map_err(|e| anyhow!("{}", e.to_string().replace(&dir.path().display().to_string(), "DIR")))
    }

    #[test]
    fn values_out_of_range_name_their_place_and_the_fix() {
        let e = load_str("[colors]\nheadings = \"#12\"\n").expect_err("a bad colour");
        assert_eq!(e.to_string(), "DIR/design.toml:2:12: `#12` is not a colour; write it as #RRGGBB, e.g. \"#1F3864\"");
        let e = load_str("[page]\nmargin_top_cm = 9\n").expect_err("a bad margin");
        assert_eq!(
            e.to_string(),
            "DIR/design.toml:2:17: 9 cm is not a page margin; give centimetres from 1 to 5, e.g. 2.5"
        );
        let e = load_str("[fonts]\nbody = \"Arial</w:rFonts>\"\n").expect_err("markup");
        assert!(e.to_string().starts_with("DIR/design.toml:2:8: `Arial</w:rFonts>` is not a font name"), "{e}");
        let e = load_str("[fonts]\nbdy = \"Arial\"\n").expect_err("unknown key");
        assert!(e.to_string().starts_with("DIR/design.toml:2:1: unknown field `bdy`, expected one of"), "{e}");
    }

    #[test]
    fn a_logo_needs_its_file_and_its_alternative_text() {
        let e = load_str("[logo]\nfile = \"none.png\"\nalt = \"Wappen\"\n").expect_err("missing");
        assert!(e.to_string().starts_with("DIR/design.toml:2:8: cannot read the logo DIR/none.png: "), "{e}");
        let e = load_str("[logo]\nfile = \"none.png\"\nalt = \" \"\n").expect_err("no alt");
        assert_eq!(
            e.to_string(),
            "DIR/design.toml:3:7: the logo has no alternative text; say what it shows, e.g. alt = \"Wappen der Stadt Ulm\""
        );
        let e = load_str("[logo]\nfile = \"none.png\"\n").expect_err("alt missing");
        assert!(e.to_string().starts_with("DIR/design.toml:1:1: missing field `alt`"), "{e}");
        let e = load_str("[logo]\nfile = \"design.toml\"\nalt = \"Wappen\"\n").expect_err("not an image");
        assert_eq!(
            e.to_string(),
            "DIR/design.toml:2:8: the logo DIR/design.toml is not a PNG or JPEG image; convert it, e.g. to PNG"
        );
    }

    #[test]
    fn partial_files_keep_the_built_in_values() {
        let d = load_str("[colors]\nheadings = \"#004B87\"\n").expect("valid");
        assert_eq!(d.colors.headings.hex_upper(), "004B87");
        assert_eq!(d.colors.accent, Design::default().colors.accent);
        assert_eq!(d.fonts, Design::default().fonts);
    }
}
