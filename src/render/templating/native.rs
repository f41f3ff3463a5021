//! The built-in block templates (`markdown/block.md.hbs`,
//! `html/block.html.hbs`) written out in Rust: when a build uses the
//! built-in templates, each block is rendered here, byte for byte as
//! handlebars renders those files (a test compares both on every block of
//! every example and profile), without handlebars' JSON copy of each block.
//! A block template from `--templates` is rendered by handlebars as written.

use std::fmt::Write as _;

use crate::context::{Block, Column};
use crate::render::html::escape;
use crate::render::markdown::{escape_cell, escape_inline, escape_text, gantt_text};

/// Appends `block` as `markdown/block.md.hbs` renders it.
pub fn markdown_block(block: &Block, out: &mut String) {
    out.push('\n');
    match block {
        Block::Heading { level, text, .. } => {
            let _ = write!(out, "{} {}\n\n", "#".repeat(usize::from((*level).clamp(1, 6))), escape_inline(text));
        }
        Block::Paragraph { text } => {
            let _ = write!(out, "{}\n\n", escape_inline(text));
        }
        Block::Text { paragraphs } => {
            let _ = write!(out, "{}\n\n", escape_text(paragraphs));
        }
        Block::Placeholder { label, hint } => {
            let _ = write!(out, "> **{}:** *{}*\n\n", escape_inline(label), escape_inline(hint));
        }
        Block::Facts { items } => {
            for fact in items {
                let _ = writeln!(out, "- **{}:** {}", escape_inline(&fact.label), escape_inline(&fact.value));
            }
            out.push('\n');
        }
        Block::List { items } => {
            for item in items {
                let _ = writeln!(out, "{}- {}", "    ".repeat(item.level.min(8)), escape_inline(&item.text));
            }
            out.push('\n');
        }
        Block::Table { columns, rows, .. } => {
            out.push('|');
            for column in columns {
                let _ = write!(out, " {} |", escape_cell(&column.title));
            }
            out.push_str("\n|");
            for column in columns {
                out.push_str(if column.numeric { "---:|" } else { "---|" });
            }
            out.push('\n');
            for row in rows {
                out.push('|');
                for cell in row {
                    let _ = write!(out, " {} |", escape_cell(cell));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Image { number, alt, caption, image, .. } => {
            // a reference keeps the long data: URI out of the line a reader sees
            let _ = write!(out, "![{}][image-{number}]\n\n", escape_inline(alt));
            if let Some(caption) = caption {
                let _ = write!(out, "*{}*\n\n", escape_inline(caption));
            }
            let _ = write!(out, "[image-{number}]: {}\n\n", image.data_uri());
        }
        Block::Roadmap { title, sections, .. } => {
            let _ = write!(
                out,
                "```mermaid\ngantt\n    title {}\n    dateFormat YYYY\n    axisFormat %Y\n",
                gantt_text(title)
            );
            for section in sections {
                let _ = writeln!(out, "    section {}", gantt_text(&section.name));
                for task in &section.tasks {
                    let (id, title) = (gantt_text(&task.id), gantt_text(&task.title));
                    let _ = writeln!(out, "    {id} {title} :{}, {}", task.start, task.end_exclusive);
                }
            }
            out.push_str("```\n\n");
        }
    }
}

/// Lines of one value joined by `<br>`, each escaped (the `lines` helper).
fn lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    lines.into_iter().map(escape).collect::<Vec<_>>().join("<br>\n")
}

/// The header row of a table.
fn header(out: &mut String, columns: &[Column], numeric_class: bool) {
    out.push_str("<thead><tr>");
    for column in columns {
        let class = if numeric_class && column.numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(&column.title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// More columns than this make a table `wide` (smaller type in print), as
/// `html/block.html.hbs` has it.
const WIDE_COLUMNS: usize = 8;

/// Appends `block` as `html/block.html.hbs` renders it.
pub fn html_block(block: &Block, out: &mut String) {
    out.push('\n');
    match block {
        Block::Heading { level, text, anchor } => {
            let level = (*level).clamp(1, 4) + 1;
            let _ = writeln!(out, "<h{level} id=\"{}\">{}</h{level}>", escape(anchor), escape(text));
        }
        Block::Paragraph { text } => {
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
        Block::Text { paragraphs } => {
            for paragraph in paragraphs {
                let _ = writeln!(out, "<p>{}</p>", lines(paragraph.iter().map(String::as_str)));
            }
        }
        Block::Placeholder { label, hint } => {
            let _ = writeln!(
                out,
                "<aside class=\"placeholder\"><strong>{}:</strong> {}</aside>",
                escape(label),
                escape(hint)
            );
        }
        Block::Facts { items } => {
            out.push_str("<ul class=\"facts\">\n");
            for fact in items {
                let _ = writeln!(out, "<li><strong>{}:</strong> {}</li>", escape(&fact.label), escape(&fact.value));
            }
            out.push_str("</ul>\n");
        }
        Block::List { items } => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li class=\"level{}\">{}</li>", item.level, escape(&item.text));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { columns, rows, profile, total_row } => {
            let class = match (*profile, *total_row) {
                (true, true) => "profile with-total",
                (true, false) => "profile",
                (false, true) => " with-total",
                (false, false) => "",
            };
            // a table of many columns (a plan by year) is set smaller on paper
            let wide = if columns.len() > WIDE_COLUMNS { " wide" } else { "" };
            let label: Vec<&str> = columns.iter().map(|c| c.title.as_str()).collect();
            // a table wider than a phone scrolls in its region, which the keyboard can reach
            let _ = writeln!(
                out,
                "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"{class}{wide}\">",
                escape(&label.join(", "))
            );
            header(out, columns, true);
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let numeric = columns.get(i).is_some_and(|c| c.numeric);
                    let class = if numeric { " class=\"num\"" } else { "" };
                    let _ = write!(out, "<td{class}>{}</td>", lines(cell.split('\n')));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table></div>\n");
        }
        Block::Image { alt, caption, pixels, image, vector, .. } => {
            // a chart in vector form, else the image
            let src = vector.clone().unwrap_or_else(|| image.data_uri());
            let _ = write!(
                out,
                "<figure class=\"image\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
                src,
                escape(alt),
                pixels.0,
                pixels.1
            );
            if let Some(caption) = caption {
                let _ = write!(out, "<figcaption>{}</figcaption>", escape(caption));
            }
            out.push_str("</figure>\n");
        }
        Block::Roadmap { title, columns, rows, .. } => html_roadmap(out, title, columns, rows),
    }
    out.push('\n');
}

/// The roadmap as an HTML table: each year a measure runs is a filled cell naming its year.
fn html_roadmap(out: &mut String, title: &str, columns: &[Column], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"roadmap\">",
        escape(title)
    );
    header(out, columns, false);
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            } else {
                // a year the measure runs names its year, not only its colour
                match columns.get(i).filter(|_| !cell.is_empty()) {
                    Some(year) => {
                        let _ = write!(out, "<td class=\"on\">{}</td>", escape(&year.title));
                    }
                    None => out.push_str("<td></td>"),
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}
