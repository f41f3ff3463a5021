//! The fixed parts of the DOCX package: content types, relationships,
//! styles, settings, numbering, footer and document properties.

use std::fmt::Write as _;

use super::image::Media;
use super::xml::esc;
use crate::context::Meta;
use crate::design::Design;
use crate::image::ImageKind;

/// Page and text geometry in twentieths of a point (dxa).
pub mod geometry {
    /// A4 width.
    pub const PAGE_W: u32 = 11906;
    /// A4 height.
    pub const PAGE_H: u32 = 16838;
    /// Left and right margins (2.5 cm).
    pub const MARGIN_X: u32 = 1417;
    /// Top margin (2.5 cm).
    pub const MARGIN_TOP: u32 = 1417;
    /// Bottom margin (2 cm).
    pub const MARGIN_BOTTOM: u32 = 1134;
    /// Width of the text area.
    pub const TEXT_W: u32 = PAGE_W - 2 * MARGIN_X;
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

pub const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#;

/// The relationship id of the header part.
pub const HEADER_RID: &str = "rId5";

/// [Content_Types].xml: the fixed parts, the header when the design has
/// one, and the type of each kind of picture in `media`.
pub(super) fn content_types(design: &Design, media: &[Media<'_>]) -> String {
    let mut kinds: Vec<ImageKind> = media.iter().map(|m| m.image.kind).collect();
    kinds.sort_by_key(|k| k.extension());
    kinds.dedup();
    let header = design.header.is_some();
    if kinds.is_empty() && !header {
        return CONTENT_TYPES.to_string();
    }
    let images: String = kinds
        .iter()
        .map(|k| format!(r#"<Default Extension="{}" ContentType="{}"/>"#, k.extension(), k.media_type()))
        .collect();
    let header = if header {
        r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
    } else {
        ""
    };
    // defaults come before overrides, as the schema has them
    let at = CONTENT_TYPES.find("<Override").unwrap_or(CONTENT_TYPES.len());
    let (defaults, overrides) = CONTENT_TYPES.split_at(at);
    let overrides = overrides.replace("</Types>", &format!("{header}</Types>"));
    format!("{defaults}{images}{overrides}")
}

/// word/_rels/document.xml.rels: the fixed parts, the header when the
/// design has one, and each picture in `media`.
pub(super) fn document_rels(design: &Design, media: &[Media<'_>]) -> String {
    let mut extra = String::new();
    if design.header.is_some() {
        let _ = write!(
            extra,
            r#"<Relationship Id="{HEADER_RID}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#
        );
    }
    for m in media {
        let target = m.part.trim_start_matches("word/");
        let _ = write!(
            extra,
            r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{target}"/>"#,
            m.rid
        );
    }
    DOCUMENT_RELS.replace("</Relationships>", &format!("{extra}</Relationships>"))
}

/// header1.xml: the design's header text, right-aligned.
pub fn header(text: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>"#,
        esc(&super::xml::breakable(text))
    )
}

/// word/fontTable.xml: the typefaces the document uses (the design's, and
/// Consolas for code), as Word lists them.
pub fn font_table(design: &Design) -> String {
    let mut names = vec![design.fonts.body.as_str(), design.fonts.headings.as_str()];
    names.dedup();
    let mut fonts: String = names
        .iter()
        .map(|n| {
            format!(r#"<w:font w:name="{n}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#)
        })
        .collect();
    fonts.push_str(r#"<w:font w:name="Consolas"><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{fonts}</w:fonts>"#
    )
}

/// word/theme/theme1.xml: the smallest theme the schema allows, in the
/// design's typefaces and colours, so Word's theme pickers offer them.
pub fn theme(design: &Design) -> String {
    let c = &design.colors;
    let (major, minor) = (design.fonts.headings.as_str(), design.fonts.body.as_str());
    let fills = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#.repeat(3);
    let lines: String = [6350, 12700, 19050]
        .iter()
        .map(|w| format!(r#"<a:ln w="{w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#))
        .collect();
    let effects = "<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="strategiekit"><a:themeElements><a:clrScheme name="strategiekit"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="{}"/></a:dk2><a:lt2><a:srgbClr val="{}"/></a:lt2><a:accent1><a:srgbClr val="{}"/></a:accent1><a:accent2><a:srgbClr val="{}"/></a:accent2><a:accent3><a:srgbClr val="{}"/></a:accent3><a:accent4><a:srgbClr val="A5A5A5"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="{}"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="strategiekit"><a:majorFont><a:latin typeface="{major}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{minor}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="strategiekit"><a:fillStyleLst>{fills}</a:fillStyleLst><a:lnStyleLst>{lines}</a:lnStyleLst><a:effectStyleLst>{effects}</a:effectStyleLst><a:bgFillStyleLst>{fills}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#,
        c.headings.hex_upper(),
        c.label_fill.hex_upper(),
        c.table_header.hex_upper(),
        c.accent.hex_upper(),
        c.table_border.hex_upper(),
        c.headings.hex_upper(),
    )
}

/// settings.xml: Word updates fields (the table of contents) when it opens the file.
pub fn settings(lang_tag: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="{lang_tag}"/><w:decimalSymbol w:val="{}"/><w:listSeparator w:val=";"/></w:settings>"#,
        if lang_tag.starts_with("de") { "," } else { "." }
    )
}

/// numbering.xml: one bullet list definition with nine levels.
pub fn numbering() -> String {
    let bullets = ["•", "–", "▪"];
    let levels: String = (0..9)
        .map(|i| {
            let indent = 360 + 360 * i;
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>"#,
                bullets[i % 3]
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

/// footer1.xml: the title (or the design's footer text) on the left, the
/// page number on the right, at the right edge of a text area `text_w` wide.
pub fn footer(title: &str, page_label: &str, text_w: u32) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">{} </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#,
        text_w,
        esc(&super::xml::breakable(title)),
        esc(page_label)
    )
}

/// docProps/core.xml: title, creator, language and the document's date.
pub fn core(meta: &Meta) -> String {
    let date = meta
        .date_iso
        .as_ref()
        .map(|d| {
            format!(
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{d}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{d}T00:00:00Z</dcterms:modified>"#
            )
        })
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>Smart City</cp:keywords><dc:language>{}</dc:language>{date}</cp:coreProperties>"#,
        esc(&meta.title),
        esc(&meta.municipality),
        esc(&meta.authors.join("; ")),
        meta.lang_tag
    )
}

/// docProps/app.xml.
pub fn app() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>strategiekit {}</Application><DocSecurity>0</DocSecurity></Properties>"#,
        env!("CARGO_PKG_VERSION")
    )
}

/// A paragraph style: id, name, based on, paragraph properties, run properties.
fn pstyle(id: &str, name: &str, based: &str, ppr: &str, rpr: &str) -> String {
    let based = if based.is_empty() { String::new() } else { format!(r#"<w:basedOn w:val="{based}"/>"#) };
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{based}<w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
    )
}

/// styles.xml: fonts, the heading styles (with outline levels), table, placeholder and TOC styles.
pub fn styles(lang_tag: &str, design: &Design) -> String {
    let (head_font, body_font) = (design.fonts.headings.as_str(), design.fonts.body.as_str());
    let ink = design.colors.headings.hex_upper();
    let accent = design.colors.accent.hex_upper();
    let line = design.colors.table_border.hex_upper();
    // sizes in half-points, for a text of 11 pt, follow the design's text size
    let hp = |base: u32| (base as f32 * design.fonts.size_pt.pt() / 11.0).round() as u32;
    let text_w = design.text_width_dxa();
    let heading = |level: u8, size: u32, before: u32, page_break: bool| {
        let size = hp(size);
        let ppr = format!(
            r#"<w:keepNext/><w:keepLines/>{}<w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{}"/>"#,
            if page_break { "<w:pageBreakBefore/>" } else { "" },
            level - 1
        );
        let rpr = format!(
            r#"<w:rFonts w:ascii="{head_font}" w:hAnsi="{head_font}" w:cs="{head_font}"/><w:b/><w:color w:val="{ink}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
        );
        pstyle(&format!("Heading{level}"), &format!("heading {level}"), "Normal", &ppr, &rpr)
    };
    let toc = |level: u8| {
        pstyle(
            &format!("TOC{level}"),
            &format!("toc {level}"),
            "Normal",
            &format!(
                r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{}"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="{}"/>"#,
                text_w,
                (u32::from(level) - 1) * 240
            ),
            "",
        )
    };
    let styles = [
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:style>"#.to_string(),
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#.to_string(),
        pstyle("Title", "Title", "Normal", r#"<w:spacing w:before="2400" w:after="240"/>"#, &format!(r#"<w:rFonts w:ascii="{head_font}" w:hAnsi="{head_font}" w:cs="{head_font}"/><w:b/><w:color w:val="{ink}"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, hp(56))),
        pstyle("Subtitle", "Subtitle", "Normal", r#"<w:spacing w:after="480"/>"#, &format!(r#"<w:color w:val="{accent}"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, hp(32))),
        // the page break before each chapter is set on the paragraphs of the long
        // profiles, so the council draft runs on without a page per heading
        heading(1, 36, 0, false),
        heading(2, 28, 360, false),
        heading(3, 24, 240, false),
        heading(4, 22, 240, false),
        pstyle("TOCHeading", "TOC Heading", "Normal", r#"<w:keepNext/><w:pageBreakBefore/><w:spacing w:after="240"/>"#, &format!(r#"<w:rFonts w:ascii="{head_font}" w:hAnsi="{head_font}" w:cs="{head_font}"/><w:b/><w:color w:val="{ink}"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#, hp(36))),
        toc(1),
        toc(2),
        toc(3),
        pstyle("Placeholder", "Placeholder", "Normal", r#"<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A6A6A6"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:ind w:left="170"/>"#, r#"<w:i/><w:color w:val="595959"/>"#),
        // not "Figure", which LibreOffice would tag as a figure without alternative text
        pstyle("PictureParagraph", "Picture Paragraph", "Normal", r#"<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>"#, ""),
        pstyle("Caption", "caption", "Normal", r#"<w:spacing w:after="240"/><w:jc w:val="center"/>"#, r#"<w:i/><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#),
        pstyle("ListParagraph", "List Paragraph", "Normal", r#"<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/>"#, ""),
        pstyle("TableText", "Table Text", "Normal", r#"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>"#, r#"<w:sz w:val="20"/><w:szCs w:val="20"/>"#),
        pstyle("TableHeading", "Table Heading", "TableText", r#"<w:keepNext/>"#, r#"<w:b/><w:color w:val="FFFFFF"/>"#),
        pstyle("TableTextCompact", "Table Text Compact", "TableText", "", r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#),
        pstyle("TableHeadingCompact", "Table Heading Compact", "TableHeading", "", r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#),
        pstyle("Header", "header", "Normal", r#"<w:spacing w:after="0"/>"#, r#"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#),
        pstyle("Footer", "footer", "Normal", r#"<w:spacing w:after="0"/>"#, r#"<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#),
        pstyle("Mermaid", "Code", "Normal", r#"<w:spacing w:after="0"/>"#, r#"<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:sz w:val="18"/>"#),
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#.to_string(),
        format!(r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{line}"/><w:left w:val="single" w:sz="4" w:space="0" w:color="{line}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="{line}"/><w:right w:val="single" w:sz="4" w:space="0" w:color="{line}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="{line}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="{line}"/></w:tblBorders></w:tblPr></w:style>"#),
        format!(r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="{ink}"/></w:rPr></w:style>"#),
    ];
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{body_font}" w:eastAsia="{body_font}" w:hAnsi="{body_font}" w:cs="{body_font}"/><w:sz w:val="{body_size}"/><w:szCs w:val="{body_size}"/><w:lang w:val="{lang_tag}" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>{}</w:styles>"#,
        styles.concat(),
        body_size = design.fonts.size_pt.half_points()
    )
}
