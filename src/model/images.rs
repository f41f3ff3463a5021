//! The input's images — the municipality's logo, the Zielbild of the vision
//! and of each field of action — found in the model and read from disk.
//!
//! A relative path starts in the input file's folder, so an input and its
//! images move together. Reading needs that folder, so it is a step of its
//! own ([`read`], run by [`super::Checked::from_path`]); the rule that every
//! image has an alternative text needs no disk and is one of `check`'s rules.

use std::path::Path;
use std::sync::Arc;

use super::Strategy;
use super::diagnostic::Diagnostic;
use super::messages::{ImageProblem, Message};
use super::source_map::SourceMap;
use crate::image::{Image, ImageError};

/// An image the input names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageEntry<'a> {
    /// Its key path: `municipality.logo`, `vision.image`, `fields[2].image`.
    pub path: String,
    /// The file as written.
    pub file: &'a str,
    /// Its alternative text, if it has one.
    pub alt: Option<&'a str>,
}

/// The images `s` names, in file order.
pub fn entries(s: &Strategy) -> Vec<ImageEntry<'_>> {
    fn entry<'a>(path: String, file: &'a str, alt: &'a Option<String>) -> ImageEntry<'a> {
        ImageEntry { path, file, alt: alt.as_deref() }
    }
    let mut out = Vec::new();
    if let Some(logo) = &s.municipality.logo {
        out.push(entry("municipality.logo".into(), &logo.file, &logo.alt));
    }
    if let Some(p) = &s.vision.image {
        out.push(entry("vision.image".into(), &p.file, &p.alt));
    }
    for (i, f) in s.fields.iter().enumerate() {
        if let Some(p) = &f.image {
            out.push(entry(format!("fields[{i}].image"), &p.file, &p.alt));
        }
    }
    out
}

/// Rewrites the relative image paths of `s`, written for an input in the
/// folder `from`, for an input in the folder `to` (the interview's `--from`
/// and its output may lie in different folders). Absolute paths stay.
pub fn rebase(s: &mut Strategy, from: &Path, to: &Path) {
    // `ulm.toml` has the folder "", which is the current one
    let absolute = |dir: &Path| std::path::absolute(if dir.as_os_str().is_empty() { Path::new(".") } else { dir });
    let (Ok(from), Ok(to)) = (absolute(from), absolute(to)) else { return };
    if from == to {
        return;
    }
    let logo = s.municipality.logo.as_mut().map(|l| &mut l.file);
    let vision = s.vision.image.as_mut().map(|p| &mut p.file);
    let fields = s.fields.iter_mut().filter_map(|f| f.image.as_mut().map(|p| &mut p.file));
    for file in logo.into_iter().chain(vision).chain(fields) {
        if Path::new(file.as_str()).is_absolute() {
            continue;
        }
        let target = from.join(file.as_str());
        let moved = pathdiff::diff_paths(&target, &to).unwrap_or(target);
        *file = moved.to_string_lossy().into_owned();
    }
}

/// Where the images of `s` go once read, in the order of [`entries`].
fn slots(s: &mut Strategy) -> Vec<&mut Option<Arc<Image>>> {
    let logo = s.municipality.logo.as_mut().map(|l| &mut l.image);
    let vision = s.vision.image.as_mut().map(|p| &mut p.image);
    let fields = s.fields.iter_mut().filter_map(|f| f.image.as_mut().map(|p| &mut p.image));
    logo.into_iter().chain(vision).chain(fields).collect()
}

/// Reads every image of `s` from `base` (the input file's folder) into the
/// model; a file that cannot be read or is no PNG or JPEG is an error at its
/// `file` key.
pub fn read(s: &mut Strategy, base: &Path, sources: &SourceMap<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let read: Vec<Option<Image>> = entries(s)
        .into_iter()
        .map(|e| {
            if e.file.trim().is_empty() {
                return None; // a blank `file` is already an error
            }
            let at = base.join(e.file);
            let file = at.display().to_string();
            let kind = match Image::read(&at) {
                Ok(image) => return Some(image),
                Err(ImageError::Unreadable(detail)) => Message::ImageUnreadable { file, detail },
                Err(ImageError::NotAFile) => Message::ImageInvalid { file, problem: ImageProblem::NotAFile },
                Err(ImageError::NotPngOrJpeg) => Message::ImageInvalid { file, problem: ImageProblem::NotPngOrJpeg },
                Err(ImageError::NoPixels) => Message::ImageInvalid { file, problem: ImageProblem::NoPixels },
            };
            let path = format!("{}.file", e.path);
            out.push(Diagnostic::error(&path, sources.span(&path), kind));
            None
        })
        .collect();
    for (slot, image) in slots(s).into_iter().zip(read) {
        *slot = image.map(Arc::new);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckOptions, Checked};

    fn strategy() -> Strategy {
        let source = "[municipality]\nname = \"X\"\nlogo = { file = \"/srv/wappen.png\", alt = \"W\" }\n\
                      [vision]\nimage = { file = \"bilder/z.png\" }\n[[fields]]\nid = \"f\"\nimage = { file = \"f.png\", alt = \"F\" }\n";
        Checked::from_source("t", source.to_string(), CheckOptions::default()).strategy.expect("model")
    }

    #[test]
    fn entries_name_every_image_in_file_order() {
        let s = strategy();
        let found: Vec<(String, &str, Option<&str>)> =
            entries(&s).into_iter().map(|e| (e.path, e.file, e.alt)).collect();
        assert_eq!(
            found,
            [
                ("municipality.logo".to_string(), "/srv/wappen.png", Some("W")),
                ("vision.image".to_string(), "bilder/z.png", None),
                ("fields[0].image".to_string(), "f.png", Some("F")),
            ]
        );
    }

    #[test]
    fn relative_paths_move_with_the_input_and_absolute_ones_stay() {
        let mut s = strategy();
        rebase(&mut s, Path::new("/work/alt"), Path::new("/work/neu/2027"));
        let files: Vec<&str> = entries(&s).into_iter().map(|e| e.file).collect();
        assert_eq!(files, ["/srv/wappen.png", "../../alt/bilder/z.png", "../../alt/f.png"]);
        // the same folder changes nothing
        let mut s = strategy();
        rebase(&mut s, Path::new(""), Path::new("."));
        assert_eq!(entries(&s)[1].file, "bilder/z.png");
    }
}
