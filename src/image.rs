//! Images every output can embed: a PNG or JPEG file read from disk,
//! recognised by its bytes (not its name) and measured in pixels.
//!
//! The design's logo and the input's images (the municipality's logo, a
//! Zielbild for the vision or a field of action) are read here; the callers
//! say in their own words which file it was and how to fix it.

use std::fmt;
use std::path::Path;

/// The most an image may have: 8 MiB, more than a logo or a Zielbild needs
/// and little enough that every format can carry it.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// An image read from disk.
#[derive(Clone, PartialEq)]
pub struct Image {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// `png` or `jpeg`.
    pub kind: ImageKind,
    /// Width and height in pixels.
    pub pixels: (u32, u32),
}

impl fmt::Debug for Image {
    // the bytes would fill a screen; their count says enough
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image")
            .field("bytes", &self.bytes.len())
            .field("kind", &self.kind)
            .field("pixels", &self.pixels)
            .finish()
    }
}

/// The image formats every output takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl ImageKind {
    /// The file extension in packages.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
}

/// Why a file is not an image every output can take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// It cannot be read (the operating system's words).
    Unreadable(String),
    /// It is a directory or another thing that is not a file, or larger than [`MAX_BYTES`].
    NotAFile,
    /// Its bytes are not PNG or JPEG.
    NotPngOrJpeg,
    /// Its size cannot be read, or it has no pixels.
    NoPixels,
}

impl Image {
    /// Reads the PNG or JPEG at `file` and measures it.
    pub fn read(file: &Path) -> Result<Image, ImageError> {
        let meta = std::fs::metadata(file).map_err(|e| ImageError::Unreadable(e.to_string()))?;
        if !meta.is_file() || meta.len() > MAX_BYTES {
            return Err(ImageError::NotAFile);
        }
        let bytes = std::fs::read(file).map_err(|e| ImageError::Unreadable(e.to_string()))?;
        Image::from_bytes(bytes)
    }

    /// Recognises and measures `bytes`.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Image, ImageError> {
        let kind = match imagesize::image_type(&bytes) {
            Ok(imagesize::ImageType::Png) => ImageKind::Png,
            Ok(imagesize::ImageType::Jpeg) => ImageKind::Jpeg,
            _ => return Err(ImageError::NotPngOrJpeg),
        };
        let size = imagesize::blob_size(&bytes).map_err(|_| ImageError::NoPixels)?;
        let (w, h) = (u32::try_from(size.width).unwrap_or(0), u32::try_from(size.height).unwrap_or(0));
        if w == 0 || h == 0 {
            return Err(ImageError::NoPixels);
        }
        Ok(Image { bytes, kind, pixels: (w, h) })
    }

    /// The image as a `data:` URI, for HTML and Markdown.
    pub fn data_uri(&self) -> String {
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(&self.bytes);
        format!("data:{};base64,{data}", self.kind.media_type())
    }

    /// Width and height on a page in centimetres: the pixels at 96 per inch,
    /// made smaller (never larger) to fit `max` (width, height).
    pub fn size_cm(&self, max: (f32, f32)) -> (f32, f32) {
        let (w, h) = (self.pixels.0 as f32 * 2.54 / 96.0, self.pixels.1 as f32 * 2.54 / 96.0);
        let scale = (max.0 / w).min(max.1 / h).min(1.0);
        (w * scale, h * scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` × `h` pixels (the header is all `imagesize` reads).
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(w.to_be_bytes());
        bytes.extend(h.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    #[test]
    fn images_are_known_by_their_bytes_and_measured() {
        let image = Image::from_bytes(png(960, 480)).expect("png");
        assert_eq!((image.kind, image.pixels), (ImageKind::Png, (960, 480)));
        assert_eq!(Image::from_bytes(b"GIF89a\x01\0\x01\0".to_vec()), Err(ImageError::NotPngOrJpeg));
        assert_eq!(Image::from_bytes(png(0, 10)), Err(ImageError::NoPixels));
        assert!(image.data_uri().starts_with("data:image/png;base64,iVBORw0KGgo"));
        assert!(format!("{image:?}").contains("bytes: 33"), "{image:?}");
    }

    #[test]
    fn an_image_shrinks_to_fit_but_never_grows() {
        let image = Image::from_bytes(png(960, 480)).expect("png");
        // 960 px at 96 per inch are 25.4 cm: the width is the limit
        let (w, h) = image.size_cm((16.0, 20.0));
        assert!((w - 16.0).abs() < 1e-3 && (h - 8.0).abs() < 1e-3, "{w} × {h}");
        // a tall image is held by the height
        let (w, h) = Image::from_bytes(png(480, 1920)).expect("png").size_cm((16.0, 20.0));
        assert!((h - 20.0).abs() < 1e-3 && (w - 5.0).abs() < 1e-3, "{w} × {h}");
        // a small one keeps its size: 96 px are 2.54 cm
        let (w, _) = Image::from_bytes(png(96, 96)).expect("png").size_cm((16.0, 20.0));
        assert!((w - 2.54).abs() < 1e-3, "{w}");
    }
}
