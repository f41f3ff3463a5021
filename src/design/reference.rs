//! A reference document (`--reference-doc FILE` or `reference_doc` in a
//! design file), as pandoc users know it: a DOCX or ODT whose styles the
//! documents take. Each paragraph, character and table style the reference
//! defines under the name strategiekit uses replaces strategiekit's own, and
//! so do the defaults (typeface, size, language); styles it does not define
//! keep strategiekit's. A DOCX reference also gives its theme.
//! A DOCX styles the DOCX, an ODT the ODT and the PDF made from it.

use std::io::Read as _;
use std::ops::Range;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The most a part of a reference document may have: 16 MiB.
const MAX_PART: u64 = 16 * 1024 * 1024;

/// The styles of a reference document.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// A Word document's `word/styles.xml`, and its theme if it has one.
    Docx {
        /// `word/styles.xml`.
        styles: String,
        /// `word/theme/theme1.xml`.
        theme: Option<String>,
    },
    /// An OpenDocument text's `styles.xml`.
    Odt {
        /// `styles.xml`.
        styles: String,
    },
}

impl Reference {
    /// Reads the reference document at `path` (a `.docx` or `.odt`).
    pub fn read(path: &Path) -> Result<Reference, String> {
        let shown = path.display();
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if !matches!(ext.as_deref(), Some("docx" | "odt")) {
            return Err(format!(
                "the reference document {shown} is neither .docx nor .odt; give a Word or OpenDocument text file"
            ));
        }
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read the reference document {shown}: {e}"))?;
        let mut zip = zip::ZipArchive::new(file)
            .map_err(|e| format!("the reference document {shown} is not a DOCX or ODT (not a zip package: {e})"))?;
        let mut part = |name: &str| -> Result<Option<String>, String> {
            let Ok(entry) = zip.by_name(name) else { return Ok(None) };
            let mut text = String::new();
            entry
                .take(MAX_PART)
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read {name} in the reference document {shown}: {e}"))?;
            Ok(Some(text))
        };
        match ext.as_deref() {
            Some("docx") => {
                let styles = part("word/styles.xml")?
                    .ok_or_else(|| format!("the reference document {shown} has no word/styles.xml; save it from Word or LibreOffice as .docx"))?;
                Ok(Reference::Docx { styles, theme: part("word/theme/theme1.xml")? })
            }
            Some("odt") => {
                let styles = part("styles.xml")?.ok_or_else(|| {
                    format!("the reference document {shown} has no styles.xml; save it from LibreOffice as .odt")
                })?;
                Ok(Reference::Odt { styles })
            }
            _ => Err(format!(
                "the reference document {shown} is neither .docx nor .odt; give a Word or OpenDocument text file"
            )),
        }
    }
}

/// The byte ranges of the elements named `tag` in `xml` (whole elements, at
/// any depth), with the value of their attribute `key`.
fn elements(xml: &str, tag: &str, key: &str) -> Vec<(Range<usize>, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut open: Option<(usize, String, usize)> = None;
    let mut depth = 0usize;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let Ok(event) = reader.read_event() else { break };
        let end = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let attr = |e: &quick_xml::events::BytesStart<'_>| {
            e.try_get_attribute(key).ok().flatten().map(|a| a.value.to_string()).unwrap_or_default()
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                if open.is_none() && e.name().as_ref() == tag {
                    open = Some((start, attr(&e), depth));
                }
            }
            Event::Empty(e) if open.is_none() && e.name().as_ref() == tag => out.push((start..end, attr(&e))),
            Event::End(_) => {
                if let Some((from, id, _)) = open.take_if(|(_, _, at)| *at == depth) {
                    out.push((from..end, id));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// `ours` with each element `tag` (identified by `key`) that `theirs` also
/// has replaced by theirs, their other such elements added before `end`
/// (the styles theirs are based on), and the first `default` element of
/// theirs in place of ours.
fn splice(
    ours: &str,
    theirs: &str,
    (tag, key): (&str, &str),
    (default, default_key): (&str, &str),
    end: &str,
) -> String {
    let (our_styles, their_styles) = (elements(ours, tag, key), elements(theirs, tag, key));
    let added: String = their_styles
        .iter()
        .filter(|(_, id)| !our_styles.iter().any(|(_, ours)| ours == id))
        .map(|(range, _)| &theirs[range.clone()])
        .collect();
    let mut replacements: Vec<(Range<usize>, &str)> = Vec::new();
    for (range, id) in our_styles {
        if let Some((theirs_range, _)) = their_styles.iter().find(|(_, their_id)| *their_id == id) {
            replacements.push((range, &theirs[theirs_range.clone()]));
        }
    }
    // the default of paragraphs (ODT), or the only defaults there are (DOCX)
    let paragraph_default =
        |xml: &str| elements(xml, default, default_key).into_iter().find(|(_, id)| id.is_empty() || id == "paragraph");
    if let Some((theirs_range, _)) = paragraph_default(theirs)
        && let Some((range, _)) = paragraph_default(ours)
    {
        replacements.push((range, &theirs[theirs_range]));
    }
    replacements.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(ours.len());
    let mut at = 0;
    for (range, text) in replacements {
        if range.start < at {
            continue;
        }
        out.push_str(&ours[at..range.start]);
        out.push_str(text);
        at = range.end;
    }
    out.push_str(&ours[at..]);
    if let Some(at) = out.rfind(end) {
        out.insert_str(at, &added);
    }
    with_their_namespaces(&out, theirs)
}

/// `ours` with the namespace declarations (and `mc:Ignorable`) of the root
/// element of `theirs` that ours lacks, so their styles' prefixes resolve.
fn with_their_namespaces(ours: &str, theirs: &str) -> String {
    let root_attributes = |xml: &str| -> Vec<(String, String)> {
        let mut reader = Reader::from_str(xml);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    return e
                        .attributes()
                        .flatten()
                        // the value as written, escaped as it stands in the file
                        .map(|a| (a.key.as_ref().to_string(), a.value.to_string()))
                        .collect();
                }
                Ok(Event::Eof) | Err(_) => return Vec::new(),
                _ => {}
            }
        }
    };
    let have: Vec<String> = root_attributes(ours).into_iter().map(|(k, _)| k).collect();
    let extra: String = root_attributes(theirs)
        .into_iter()
        .filter(|(k, _)| (k.starts_with("xmlns:") || k == "mc:Ignorable") && !have.contains(k))
        .map(|(k, v)| format!(" {k}=\"{v}\""))
        .collect();
    // the root's start tag is the first tag after the XML declaration
    let Some(root) = ours.match_indices('<').map(|(i, _)| i).find(|&i| !ours[i..].starts_with("<?")) else {
        return ours.to_string();
    };
    let Some(close) = ours[root..].find('>').map(|n| root + n) else { return ours.to_string() };
    let close = if ours[..close].ends_with('/') { close - 1 } else { close };
    format!("{}{extra}{}", &ours[..close], &ours[close..])
}

/// strategiekit's `word/styles.xml` with the reference's styles and defaults.
/// Their styles' list numbering (`w:numPr`) is left out: it points into
/// their numbering part, which the document does not have (strategiekit's
/// list 1 is its bullets, and headings would be bulleted).
/// The document's language stays the input's (`lang_tag`, `de-DE`).
pub fn docx_styles(ours: &str, theirs: &str, lang_tag: &str) -> String {
    let theirs = without_elements(theirs, "w:numPr");
    let out = splice(ours, &theirs, ("w:style", "w:styleId"), ("w:docDefaults", ""), "</w:styles>");
    let lang = format!(r#"<w:lang w:val="{lang_tag}"/>"#);
    let Some((defaults, _)) = elements(&out, "w:docDefaults", "").into_iter().next() else { return out };
    let inner = &out[defaults.clone()];
    let fixed = match elements(inner, "w:lang", "").into_iter().next() {
        Some((range, _)) => format!("{}{lang}{}", &inner[..range.start], &inner[range.end..]),
        None => match inner.find("</w:rPr>") {
            Some(at) => format!("{}{lang}{}", &inner[..at], &inner[at..]),
            None => inner.to_string(),
        },
    };
    format!("{}{fixed}{}", &out[..defaults.start], &out[defaults.end..])
}

/// strategiekit's ODT `styles.xml` with the reference's named styles and its
/// default paragraph style.
/// The document's language stays the input's (`lang_tag`, `de-DE`).
pub fn odt_styles(ours: &str, theirs: &str, lang_tag: &str) -> String {
    let mut out = splice(
        ours,
        theirs,
        ("style:style", "style:name"),
        ("style:default-style", "style:family"),
        "</office:styles>",
    );
    // the typefaces their styles name
    let our_faces: Vec<String> = elements(&out, "style:font-face", "style:name").into_iter().map(|(_, n)| n).collect();
    let faces: String = elements(theirs, "style:font-face", "style:name")
        .into_iter()
        .filter(|(_, name)| !our_faces.contains(name))
        .map(|(range, _)| theirs[range].to_string())
        .collect();
    if let Some(at) = out.find("</office:font-face-decls>") {
        out.insert_str(at, &faces);
    }
    let (language, country) = lang_tag.split_once('-').unwrap_or((lang_tag, ""));
    let Some((range, _)) =
        elements(&out, "style:default-style", "style:family").into_iter().find(|(_, family)| family == "paragraph")
    else {
        return out;
    };
    let mut inner = out[range.clone()].to_string();
    for (attr, value) in [("fo:language", language), ("fo:country", country)] {
        let key = format!("{attr}=\"");
        match inner.find(&key) {
            Some(at) => {
                let start = at + key.len();
                let end = inner[start..].find('"').map_or(start, |n| start + n);
                inner.replace_range(start..end, value);
            }
            None => {
                if let Some(at) = inner.find("<style:text-properties") {
                    inner.insert_str(at + "<style:text-properties".len(), &format!(" {attr}=\"{value}\""));
                }
            }
        }
    }
    format!("{}{inner}{}", &out[..range.start], &out[range.end..])
}

/// `xml` without the elements `tag`.
fn without_elements(xml: &str, tag: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut at = 0;
    for (range, _) in elements(xml, tag, "") {
        out.push_str(&xml[at..range.start]);
        at = range.end;
    }
    out.push_str(&xml[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn their_styles_replace_ours_by_id_and_ours_stay_where_they_have_none() {
        let ours = r#"<w:styles><w:docDefaults><w:rPr>A<w:lang w:val="de-DE"/></w:rPr></w:docDefaults><w:style w:styleId="Normal"><x/></w:style><w:style w:styleId="Heading1"><ours/></w:style><w:style w:styleId="Placeholder"/></w:styles>"#;
        let theirs = r#"<w:styles><w:docDefaults><w:rPr>B<w:lang w:val="en-US"/></w:rPr></w:docDefaults><w:style w:styleId="Heading1"><theirs/></w:style><w:style w:styleId="Other"/></w:styles>"#;
        assert_eq!(
            docx_styles(ours, theirs, "de-DE"),
            r#"<w:styles><w:docDefaults><w:rPr>B<w:lang w:val="de-DE"/></w:rPr></w:docDefaults><w:style w:styleId="Normal"><x/></w:style><w:style w:styleId="Heading1"><theirs/></w:style><w:style w:styleId="Placeholder"/><w:style w:styleId="Other"/></w:styles>"#
        );
        // their numbering is not ours
        let theirs = r#"<w:styles><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#;
        assert!(
            docx_styles(ours, theirs, "de-DE")
                .contains(r#"<w:style w:styleId="Heading1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#)
        );
    }

    #[test]
    fn their_namespaces_come_along() {
        let ours = r#"<?xml version="1.0"?>
<w:styles xmlns:w="W"><w:style w:styleId="Normal"/></w:styles>"#;
        let theirs = r#"<w:styles xmlns:w="W" xmlns:w14="W14" xmlns:mc="MC" mc:Ignorable="w14"><w:style w:styleId="Normal" w14:x="1"/></w:styles>"#;
        assert_eq!(
            docx_styles(ours, theirs, "de-DE"),
            r#"<?xml version="1.0"?>
<w:styles xmlns:w="W" xmlns:w14="W14" xmlns:mc="MC" mc:Ignorable="w14"><w:style w:styleId="Normal" w14:x="1"/></w:styles>"#
        );
    }

    #[test]
    fn the_odt_default_paragraph_style_is_theirs() {
        let ours = r#"<office:styles><style:default-style style:family="paragraph"><a/></style:default-style><style:default-style style:family="table"/><style:style style:name="Heading_20_1"><ours/></style:style></office:styles>"#;
        let theirs = r#"<office:styles><style:default-style style:family="paragraph"><style:text-properties fo:language="en" fo:country="US"/></style:default-style><style:style style:name="Heading_20_1"><theirs/></style:style></office:styles>"#;
        assert_eq!(
            odt_styles(ours, theirs, "de-DE"),
            r#"<office:styles><style:default-style style:family="paragraph"><style:text-properties fo:language="de" fo:country="DE"/></style:default-style><style:default-style style:family="table"/><style:style style:name="Heading_20_1"><theirs/></style:style></office:styles>"#
        );
    }
}
