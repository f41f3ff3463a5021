//! Tables in word/document.xml: column widths that break no word, the type
//! size, borders, fills and the repeated header row.

use std::fmt::Write as _;

use super::body::run;
use crate::context::Column;
use crate::design::Design;
use crate::render::glue_units;

/// The fill of a total row (the other fills come from the design).
pub(crate) const TOTAL_FILL: &str = "F2F2F2";

/// Left and right cell margins together, in dxa, with a little to spare:
/// the table style's 108 dxa on either side.
const CELL_PAD: u32 = 230;

/// The left and the right cell margin of a compact table (1 mm), in dxa.
pub(crate) const COMPACT_MARGIN: u32 = 57;

/// A table of at most this many rows below its header, and every measure
/// profile, is kept on one page; a longer one may break between rows and
/// repeats its header row on the next page.
pub(crate) const KEEP_ROWS: usize = 15;

/// A table of this many columns or more is a matrix (the traceability of
/// goals, the roadmap's years): when its words do not fit even at the
/// compact size, its columns are set in several tables, each led by the
/// first column again.
const MATRIX_COLUMNS: usize = 8;

/// The type size of a table. A table whose longest words do not fit the
/// text width at the normal size is set compact, so that no word is
/// broken inside ("Zeitrau/m") in the widest overviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableSize {
    /// 10 pt, styles `TableText` and `TableHeading`.
    Normal,
    /// 8 pt, styles `TableTextCompact` and `TableHeadingCompact`.
    Compact,
}

impl TableSize {
    /// The type size in half-points, as `w:sz` has it.
    pub(crate) fn half_points(self) -> u32 {
        match self {
            TableSize::Normal => 20,
            TableSize::Compact => 16,
        }
    }

    /// Left and right cell margins together with a little to spare, in
    /// dxa: a compact table has narrower margins, so more columns fit.
    fn pad(self) -> u32 {
        match self {
            TableSize::Normal => CELL_PAD,
            TableSize::Compact => 2 * COMPACT_MARGIN + 14,
        }
    }

    fn style(self, heading: bool) -> &'static str {
        match (self, heading) {
            (TableSize::Normal, false) => "TableText",
            (TableSize::Normal, true) => "TableHeading",
            (TableSize::Compact, false) => "TableTextCompact",
            (TableSize::Compact, true) => "TableHeadingCompact",
        }
    }
}

/// Approximate advance width of a character in Calibri (and its metric twin
/// Carlito), in units of 1/2048 em. Capitals, `m` and `w` are wide, `i`, `l`
/// and punctuation narrow; an average width would break "MOB-/01".
fn advance(c: char) -> u32 {
    match c {
        'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 520,
        'f' | 't' | 'r' | 'J' | '-' | '(' | ')' | '/' | '[' | ']' => 720,
        'a' | 'c' | 'e' | 'g' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'ä' | 'F' | 'L' | 'S' | 'E' | 'T' | 'Y' | 'Z' => {
            1000
        }
        'b' | 'd' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' | 'ö' | 'ü' | 'ß' => 1080,
        '0'..='9' => 1040,
        'm' | 'w' => 1640,
        'M' | 'W' => 1820,
        'A'..='Z' | 'Ä' | 'Ö' | 'Ü' => 1300,
        '€' | '–' | '—' | '%' | '&' | '@' => 1300,
        _ => 1150,
    }
}

/// Width of `word` in 1/2048 em; bold (the header row) is a little wider.
fn word_units(word: &str, bold: bool) -> u64 {
    let units: u64 = word.chars().map(|c| u64::from(advance(c))).sum();
    if bold { units * 21 / 20 } else { units }
}

/// Converts 1/2048 em at `half_points` to dxa (twentieths of a point):
/// units / 2048 em * points * 20 = units * half_points * 10 / 2048.
fn dxa(units: u64, half_points: u32) -> u32 {
    u32::try_from(units * u64::from(half_points) * 10 / 2048).unwrap_or(u32::MAX)
}

/// Width of `word` set at `half_points`, in dxa.
#[cfg(test)]
fn word_width(word: &str, half_points: u32, bold: bool) -> u32 {
    dxa(word_units(word, bold), half_points)
}

/// The words of a cell's text: what a line may break between.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && c != '\u{a0}').filter(|w| !w.is_empty())
}

/// Per column, its widest word (the bold header or a cell), in 1/2048 em:
/// measured once per table, whatever size it is then set in.
fn widest_words(columns: &[Column], rows: &[Vec<String>]) -> Vec<u64> {
    let widest = |text: &str, bold: bool| words(&glue_units(text)).map(|w| word_units(w, bold)).max().unwrap_or(0);
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = rows.iter().filter_map(|r| r.get(i)).map(|t| widest(t, false));
            cells.chain(std::iter::once(widest(&c.title, true))).max().unwrap_or(0)
        })
        .collect()
}

/// The width each column of `widest` needs at `size`, in dxa; at most half
/// the text width.
fn least(widest: &[u64], size: TableSize, text_w: u32) -> Vec<u32> {
    widest.iter().map(|&u| (dxa(u, size.half_points()) + size.pad()).min(text_w / 2)).collect()
}

/// The width each column needs for its longest word (header or cell), in dxa.
#[cfg(test)]
fn least_widths(columns: &[Column], rows: &[Vec<String>], size: TableSize) -> Vec<u32> {
    least(&widest_words(columns, rows), size, super::parts::geometry::TEXT_W)
}

/// The type size of a table set in the column `groups`: normal if the
/// words of every group fit the text width, else compact.
fn size_of(widest: &[u64], groups: &[Vec<usize>], text_w: u32) -> TableSize {
    let normal = least(widest, TableSize::Normal, text_w);
    let fits = |g: &Vec<usize>| g.iter().map(|&i| normal[i]).sum::<u32>() <= text_w;
    if groups.iter().all(fits) { TableSize::Normal } else { TableSize::Compact }
}

/// Column widths in dxa: the context's relative widths, but a column
/// narrower than `least` (room for its longest word) is widened, so no word
/// is broken inside ("Prioritä/t"). The room comes from the columns that have
/// more than they need, in proportion to what they can spare; when that is
/// not enough, the columns that need least get it first ([`fill_up`]).
fn widths(columns: &[Column], least: &[u32], text_w: u32) -> Vec<u32> {
    let total: u32 = columns.iter().map(|c| c.width.max(1)).sum::<u32>().max(1);
    let shares: Vec<u32> = columns.iter().map(|c| text_w * c.width.max(1) / total).collect();
    let lack: u64 = shares.iter().zip(least).map(|(s, l)| u64::from(l.saturating_sub(*s))).sum();
    let spare: u64 = shares.iter().zip(least).map(|(s, l)| u64::from(s.saturating_sub(*l))).sum();
    if lack == 0 {
        return shares;
    }
    if lack > spare {
        return fill_up(least, text_w);
    }
    let moved = lack;
    let part = |amount: u32, of: u64| u32::try_from(u64::from(amount) * moved / of.max(1)).unwrap_or(0);
    let mut out: Vec<u32> = shares
        .iter()
        .zip(least)
        .map(|(s, l)| if l > s { s + part(l - s, lack) } else { s - part(s - l, spare) })
        .collect();
    // rounding down what is taken can leave a few dxa too many; the column
    // with the most room to spare gives them back
    let excess = out.iter().sum::<u32>().saturating_sub(text_w);
    if let Some(i) = (0..out.len()).max_by_key(|&i| out[i].saturating_sub(least[i])) {
        out[i] = out[i].saturating_sub(excess);
    }
    out
}

/// Column widths when the columns' longest words together need more than
/// the text width: the columns that need least get all they need, the
/// others share what is left equally. One very long word ("Verwaltungs…
/// programm") then breaks in its own column, and ids, sums and years stay whole.
fn fill_up(least: &[u32], text_w: u32) -> Vec<u32> {
    let mut order: Vec<usize> = (0..least.len()).collect();
    order.sort_by_key(|&i| (least[i], i));
    let mut left = text_w;
    let mut cap = u32::MAX;
    for (k, &i) in order.iter().enumerate() {
        let n = u32::try_from(least.len() - k).unwrap_or(u32::MAX);
        if least[i].saturating_mul(n) > left {
            cap = left / n;
            break;
        }
        left -= least[i];
    }
    let mut out: Vec<u32> = least.iter().map(|l| (*l).min(cap)).collect();
    // what dividing leaves over goes to the widest column
    if let Some(&widest) = order.last() {
        out[widest] += text_w.saturating_sub(out.iter().sum());
    }
    out
}

/// `n` columns in `parts` groups of consecutive columns, the first groups
/// one column larger when they cannot all be the same size.
fn balanced(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let (size, larger) = (n / parts, n % parts);
    let mut start = 0;
    (0..parts)
        .map(|p| {
            let len = size + usize::from(p < larger);
            start += len;
            start - len..start
        })
        .collect()
}

/// The columns of each table a table is set in: usually one table with all
/// columns; a matrix whose words do not fit even at the compact size is set
/// in as few tables as fit, each with the first column and an equal share of
/// the others (goals Z1–Z10, then Z11–Z20).
fn column_groups(widest: &[u64], text_w: u32) -> Vec<Vec<usize>> {
    let all = vec![(0..widest.len()).collect()];
    let least = least(widest, TableSize::Compact, text_w);
    if widest.len() < MATRIX_COLUMNS || least.iter().sum::<u32>() <= text_w {
        return all;
    }
    let rest = widest.len() - 1;
    let fits = |r: &std::ops::Range<usize>| least[0] + least[r.start + 1..r.end + 1].iter().sum::<u32>() <= text_w;
    // a group of one column always fits: no column needs more than half the text width
    let parts = (2..=rest).find(|&parts| balanced(rest, parts).iter().all(fits)).unwrap_or(rest);
    balanced(rest, parts).into_iter().map(|r| std::iter::once(0).chain(r.start + 1..r.end + 1).collect()).collect()
}

struct CellStyle<'a> {
    size: TableSize,
    fill: Option<&'a str>,
    bold: bool,
    right: bool,
    heading: bool,
    /// Keep with the next row (all rows but the last of a table kept on one page).
    keep: bool,
}

fn cell(out: &mut String, width: u32, text: &str, style: &CellStyle<'_>) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if let Some(fill) = style.fill {
        let _ = write!(out, r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#);
    }
    let pstyle = style.size.style(style.heading);
    let _ = write!(out, r#"</w:tcPr><w:p><w:pPr><w:pStyle w:val="{pstyle}"/>"#);
    if style.keep {
        out.push_str("<w:keepNext/>");
    }
    if style.right {
        out.push_str(r#"<w:jc w:val="right"/>"#);
    }
    out.push_str("</w:pPr>");
    // `run` joins a number and its unit, as the widths above measured them
    run(out, text, style.bold);
    out.push_str("</w:p></w:tc>");
}

/// What a table shows besides its cells.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Kind {
    /// A measure profile ("Steckbrief"): labels in the first column, kept on one page.
    pub profile: bool,
    /// The last row is a total.
    pub total_row: bool,
    /// The roadmap: a non-empty cell after the first column is a filled bar.
    pub roadmap: bool,
}

/// How a table is set: its type size, and the tables it is set in, each
/// with the indices of its columns and their widths in dxa. The DOCX and the
/// ODT writer share it, so both break the same words nowhere.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The type size of every part.
    pub size: TableSize,
    /// Per part: the columns it shows (indices into the columns and each row) and their widths.
    pub parts: Vec<(Vec<usize>, Vec<u32>)>,
}

/// The plan of a table of `columns` and `rows`: usually one part with every
/// column; a matrix too wide for its words in several (see [`column_groups`]),
/// in the same type size.
pub(crate) fn plan(columns: &[Column], rows: &[Vec<String>], text_w: u32) -> Plan {
    let widest = widest_words(columns, rows);
    let groups = column_groups(&widest, text_w);
    let size = size_of(&widest, &groups, text_w);
    let least = least(&widest, size, text_w);
    let mut all_widths: Vec<Vec<u32>> = groups
        .iter()
        .map(|g| {
            let part: Vec<Column> = g.iter().map(|&i| columns[i].clone()).collect();
            widths(&part, &g.iter().map(|&i| least[i]).collect::<Vec<_>>(), text_w)
        })
        .collect();
    same_first_column(&mut all_widths);
    Plan { size, parts: groups.into_iter().zip(all_widths).collect() }
}

/// A table with borders, fixed column widths and a header row repeated on
/// every page, set as [`plan`] says.
pub(super) fn table(out: &mut String, columns: &[Column], rows: &[Vec<String>], kind: Kind, design: &Design) {
    let text_w = design.text_width_dxa();
    let Plan { size, parts } = plan(columns, rows, text_w);
    let colors = Fills {
        header: design.colors.table_header.hex_upper(),
        label: design.colors.label_fill.hex_upper(),
        line: design.colors.table_border.hex_upper(),
    };
    for (group, widths) in &parts {
        let part = Part { group, size, widths, text_w };
        one_table(out, columns, rows, &part, kind, &colors);
    }
}

/// The design's colours of a table, as WordprocessingML writes them.
struct Fills {
    header: String,
    label: String,
    /// Borders and the roadmap's bars.
    line: String,
}

/// One table of a [`Plan`]: its columns, type size and widths, in a text area `text_w` wide.
struct Part<'a> {
    group: &'a [usize],
    size: TableSize,
    widths: &'a [u32],
    text_w: u32,
}

/// The parts of a split matrix get the same first column, the narrowest
/// any part has, so that their rows line up; what a part gives up goes to
/// its other columns in proportion to their widths.
fn same_first_column(parts: &mut [Vec<u32>]) {
    let Some(first) = parts.iter().filter_map(|w| w.first().copied()).min() else { return };
    for widths in parts.iter_mut().filter(|w| w.len() > 1) {
        let spare = widths[0] - first;
        let others: u32 = widths[1..].iter().sum();
        widths[0] = first;
        let mut given = 0;
        for w in &mut widths[1..] {
            let more = u32::try_from(u64::from(spare) * u64::from(*w) / u64::from(others.max(1))).unwrap_or(0);
            *w += more;
            given += more;
        }
        if let Some(last) = widths.last_mut() {
            *last += spare - given;
        }
    }
}

/// One table of the columns `group` (indices into `columns` and each row).
fn one_table(out: &mut String, columns: &[Column], rows: &[Vec<String>], part: &Part<'_>, kind: Kind, fills: &Fills) {
    let Kind { profile, total_row, roadmap } = kind;
    let Part { group, size, widths, text_w } = *part;
    let keep = profile || rows.len() <= KEEP_ROWS;
    let line = &fills.line;
    let border = |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{line}"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    let margins = match size {
        TableSize::Normal => String::new(),
        TableSize::Compact => format!(
            r#"<w:tblCellMar><w:left w:w="{COMPACT_MARGIN}" w:type="dxa"/><w:right w:w="{COMPACT_MARGIN}" w:type="dxa"/></w:tblCellMar>"#
        ),
    };
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{text_w}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>{margins}<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
    );
    for w in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str(r#"</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#);
    for (c, w) in group.iter().map(|&i| &columns[i]).zip(widths) {
        // the header style keeps with the next row by itself
        let style =
            CellStyle { size, fill: Some(&fills.header), bold: false, right: c.numeric, heading: true, keep: false };
        cell(out, *w, &c.title, &style);
    }
    out.push_str("</w:tr>");
    for (r, row) in rows.iter().enumerate() {
        let last = r + 1 == rows.len();
        let is_total = total_row && last;
        out.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
        for (i, (&col, w)) in group.iter().zip(widths).enumerate() {
            let c = &columns[col];
            let text = row.get(col).map_or("", String::as_str);
            let mark = roadmap && i > 0 && !text.is_empty();
            let fill = if mark {
                Some(fills.line.as_str())
            } else if is_total {
                Some(TOTAL_FILL)
            } else if profile && i == 0 {
                Some(fills.label.as_str())
            } else {
                None
            };
            let style = CellStyle {
                size,
                fill,
                bold: is_total || (profile && i == 0),
                right: c.numeric,
                heading: false,
                keep: keep && !last,
            };
            // a year the measure runs names its year: the bar's colour alone is lost
            // to screen readers and in black-and-white print
            cell(out, *w, if mark { &c.title } else { text }, &style);
        }
        out.push_str("</w:tr>");
    }
    // an empty paragraph keeps two tables in a row apart
    out.push_str("</w:tbl>");
    out.push_str(SPACER);
}

/// The empty paragraph after each table.
pub(super) const SPACER: &str = r#"<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::parts::geometry::TEXT_W;

    /// The size and widths of a table set in one part.
    fn layout(columns: &[Column], rows: &[Vec<String>]) -> (TableSize, Vec<u32>) {
        let size = size_of(&widest_words(columns, rows), &[(0..columns.len()).collect()], TEXT_W);
        (size, widths(columns, &least_widths(columns, rows, size), TEXT_W))
    }

    fn col(title: &str, width: u32) -> Column {
        Column { title: title.to_string(), numeric: false, width }
    }

    #[test]
    fn columns_are_wide_enough_for_their_longest_word() {
        let columns = [col("Id", 5), col("Maßnahme", 75), col("Priorität", 10), col("Status", 10)];
        let rows =
            vec![vec!["HEA-01".into(), "Telemedizin im ländlichen Raum".into(), "hoch".into(), "abgeschlossen".into()]];
        let (size, w) = layout(&columns, &rows);
        assert_eq!(size, TableSize::Normal);
        assert_eq!(w.len(), 4);
        assert!(w[0] >= word_width("HEA-01", 20, false) + CELL_PAD, "{w:?}");
        assert!(w[2] >= word_width("Priorität", 20, true) + CELL_PAD, "{w:?}");
        assert!(w[3] >= word_width("abgeschlossen", 20, false) + CELL_PAD, "{w:?}");
        assert!(w[1] > w[3], "the wide column keeps the most room: {w:?}");
        assert!(w.iter().sum::<u32>() <= TEXT_W, "{w:?}");
    }

    #[test]
    fn too_many_long_words_share_the_width_equally() {
        let columns: Vec<Column> = (0..12).map(|_| col("Donaudampfschifffahrtsgesellschaft", 1)).collect();
        let (size, w) = layout(&columns, &[]);
        assert_eq!(size, TableSize::Compact);
        assert!(w.iter().all(|x| *x == TEXT_W / 12), "{w:?}");
    }

    #[test]
    fn one_word_too_long_for_the_table_breaks_in_its_own_column_only() {
        let columns = [
            col("Nr.", 8),
            col("Maßnahme", 30),
            col("Handlungsfeld", 18),
            col("Priorität", 10),
            col("Status", 10),
            col("Zeitraum", 10),
            col("Budget", 14),
        ];
        let rows = vec![vec![
            "MASSNAHME-LANG-1".into(),
            "Maßnahme 1".into(),
            "Verwaltungsdigitalisierungsbeschleunigungsprogramm".into(),
            "mittel".into(),
            "abgeschlossen".into(),
            "2020–2035".into(),
            "123.456.789.012 €".into(),
        ]];
        let (size, w) = layout(&columns, &rows);
        assert_eq!(size, TableSize::Compact);
        let least = least_widths(&columns, &rows, TableSize::Compact);
        assert!(least.iter().sum::<u32>() > TEXT_W, "{least:?}");
        for i in [0, 1, 3, 4, 5, 6] {
            assert!(w[i] >= least[i], "column {i} breaks a word: {w:?} < {least:?}");
        }
        assert!(least[6] >= word_width("123.456.789.012\u{a0}€", 16, false), "the sum is measured with its unit");
        assert_eq!(w.iter().sum::<u32>(), TEXT_W, "{w:?}");
    }

    fn matrix(first: &str, others: &[String]) -> (Vec<Column>, Vec<Vec<String>>) {
        let mut columns = vec![col("Maßnahme", 40)];
        columns.extend(others.iter().map(|o| col(o, 3)));
        let mut row = vec![first.to_string()];
        row.extend(others.iter().map(|_| "●".to_string()));
        (columns, vec![row])
    }

    #[test]
    fn a_matrix_too_wide_for_its_words_is_set_in_as_few_tables_as_fit() {
        let goals: Vec<String> = (1..=20).map(|n| format!("Z{n}.{n}")).collect();
        let (columns, rows) = matrix("MASSNAHME-LANG-1 Maßnahme 1", &goals);
        let groups = column_groups(&widest_words(&columns, &rows), TEXT_W);
        let first: Vec<usize> = std::iter::once(0).chain(1..=10).collect();
        let second: Vec<usize> = std::iter::once(0).chain(11..=20).collect();
        assert_eq!(groups, [first, second]);
        let least = least_widths(&columns, &rows, TableSize::Compact);
        assert!(groups.iter().all(|g| g.iter().map(|&i| least[i]).sum::<u32>() <= TEXT_W));

        let years: Vec<String> = (2020..=2035).map(|y| y.to_string()).collect();
        let (columns, rows) = matrix("MASSNAHME-LANG-1 Maßnahme 1", &years);
        assert_eq!(
            column_groups(&widest_words(&columns, &rows), TEXT_W).iter().map(Vec::len).collect::<Vec<_>>(),
            [9, 9]
        );
        // with short ids, sixteen years fit one compact table
        let (columns, rows) = matrix("MOB-01 Vernetzte Mobilitätsplattform", &years);
        assert_eq!(column_groups(&widest_words(&columns, &rows), TEXT_W).len(), 1);

        // a matrix whose words fit stays one table, and so does a table of few columns
        let (columns, rows) = matrix("MOB-01 Vernetzte Mobilitätsplattform", &goals[..12]);
        assert_eq!(column_groups(&widest_words(&columns, &rows), TEXT_W).len(), 1);
        let (columns, rows) = matrix("Donaudampfschifffahrtsgesellschaft", &goals[..6]);
        assert_eq!(column_groups(&widest_words(&columns, &rows), TEXT_W).len(), 1);
    }

    #[test]
    fn split_parts_share_the_width_of_their_first_column() {
        let mut parts = vec![vec![3000, 600, 600], vec![2000, 700, 700, 700]];
        same_first_column(&mut parts);
        assert_eq!(parts[0], [2000, 1100, 1100]);
        assert_eq!(parts[1], [2000, 700, 700, 700]);
    }

    #[test]
    fn a_unit_stays_with_its_number() {
        assert_eq!(glue_units("1.450.000 €"), "1.450.000\u{a0}€");
        assert_eq!(glue_units("48 % (2022)"), "48\u{a0}% (2022)");
        assert_eq!(glue_units("Z2.1, Z3"), "Z2.1, Z3");
        assert_eq!(glue_units("Anteil in %"), "Anteil in %");
        assert_eq!(words("1.450.000\u{a0}€ pro Jahr").collect::<Vec<_>>(), ["1.450.000\u{a0}€", "pro", "Jahr"]);
    }

    #[test]
    fn a_crowded_table_takes_room_from_its_wide_columns() {
        let columns = [
            col("Id", 6),
            col("Maßnahme", 46),
            col("Priorität", 8),
            col("Status", 8),
            col("Zeitraum", 8),
            col("Budget", 12),
            col("Ziele", 12),
        ];
        let rows = vec![vec![
            "MOB-03".into(),
            "Mobilitätsstationen mit Sharing".into(),
            "niedrig".into(),
            "abgeschlossen".into(),
            "2023–2027".into(),
            "1.450.000 €".into(),
            "Z2.1, Z3".into(),
        ]];
        let (size, w) = layout(&columns, &rows);
        assert_eq!(size, TableSize::Normal, "{w:?}");
        let least = least_widths(&columns, &rows, TableSize::Normal);
        assert!(w.iter().zip(&least).all(|(w, l)| w >= l), "{w:?} < {least:?}");
        assert!(
            w[1] >= word_width("Mobilitätsstationen", 20, false) + CELL_PAD,
            "the wide column keeps its room: {w:?}"
        );
        assert!(w.iter().sum::<u32>() <= TEXT_W, "{w:?}");
    }

    #[test]
    fn a_table_whose_words_do_not_fit_is_set_compact_and_breaks_no_word() {
        // the measure overview of a large city: long compound words in every column
        let columns = [
            col("Nr.", 6),
            col("Maßnahme", 30),
            col("Handlungsfeld", 18),
            col("Priorität", 10),
            col("Status", 10),
            col("Zeitraum", 10),
            col("Budget", 12),
        ];
        let rows = vec![vec![
            "M10.10".into(),
            "Digitalisierungsstrategie fortschreiben".into(),
            "Bildung und Teilhabe".into(),
            "mittel".into(),
            "abgeschlossen".into(),
            "2023–2027".into(),
            "12.450.000 €".into(),
        ]];
        assert!(least_widths(&columns, &rows, TableSize::Normal).iter().sum::<u32>() > TEXT_W);
        let (size, w) = layout(&columns, &rows);
        assert_eq!(size, TableSize::Compact);
        let least = least_widths(&columns, &rows, TableSize::Compact);
        assert!(w.iter().zip(&least).all(|(w, l)| w >= l), "{w:?} < {least:?}");
        assert!(w.iter().sum::<u32>() <= TEXT_W, "{w:?}");
    }

    #[test]
    fn capitals_and_digits_are_measured_wider_than_small_letters() {
        assert!(word_width("MOB-01", 16, false) > word_width("mob-ol", 16, false));
        assert!(word_width("Zeitraum", 20, true) > word_width("Zeitraum", 20, false));
        assert!(word_width("Zeitraum", 16, false) < word_width("Zeitraum", 20, false));
        // Calibri: "MOB-01" is about 3.4 em wide; at 8 pt that is about 540 dxa
        let w = word_width("MOB-01", 16, false);
        assert!((520..=580).contains(&w), "{w}");
    }
}
