//! An indicator's line chart: its measured values, the straight path from
//! its baseline to its target, and the target.

use anyhow::Result;
use plotters::prelude::*;

use super::{Chart, Palette, Swatch, drawing, finish, padded, with_legend, year_ticks};

/// What an indicator's chart shows.
pub struct Course<'a> {
    /// The measured values by year (the baseline among them, if it has one).
    pub values: Vec<(u16, f64)>,
    /// The path's ends: the baseline and the target, with their years.
    pub path: Option<((u16, f64), (u16, f64))>,
    /// The legend's words: measured value, path, target.
    pub legend: [&'a str; 3],
    /// A number as the document writes it ("1.250,5").
    pub number: &'a dyn Fn(f64) -> String,
}

impl Course<'_> {
    /// The years the chart spans.
    fn years(&self) -> Option<(u16, u16)> {
        let ends = self.path.iter().flat_map(|(a, b)| [a.0, b.0]);
        let years: Vec<u16> = self.values.iter().map(|v| v.0).chain(ends).collect();
        Some((*years.iter().min()?, *years.iter().max()?))
    }
}

/// Draws `course` in `palette`'s colours, with `alt` as its text alternative.
pub fn draw(course: &Course<'_>, palette: &Palette, alt: &str) -> Result<Chart> {
    let (first, last) = course.years().unwrap_or((2000, 2001));
    let numbers = course.values.iter().map(|v| v.1).chain(course.path.iter().flat_map(|(a, b)| [a.1, b.1]));
    let numbers: Vec<f64> = numbers.collect();
    // TOML allows `nan` and `inf`, and a range beyond f64's cannot be drawn
    if numbers.iter().any(|v| !v.is_finite() || v.abs() > 1e300) {
        anyhow::bail!("a chart of values that are not finite numbers");
    }
    let (lo, hi) = numbers.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo.is_finite() { padded(lo, hi, false) } else { (0.0, 1.0) };
    let x = f64::from(first) - 0.5..f64::from(last) + 0.5;
    finish(alt, |root| {
        let mut entries = vec![(course.legend[0], Swatch::Line(palette.strong, 3))];
        if course.path.is_some() {
            entries.push((course.legend[1], Swatch::Line(palette.light, 2)));
            entries.push((course.legend[2], Swatch::Triangle(palette.accent)));
        }
        let root = &with_legend(root, &entries, palette.text)?;
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(28)
            .y_label_area_size(70)
            .build_cartesian_2d(x, lo..hi)
            .map_err(drawing)?;
        let ticks = year_ticks(first, last);
        let label = super::axes(&mut chart, 6, course.number, palette)?;
        for year in ticks {
            let (px, py) = chart.backend_coord(&(f64::from(year), lo));
            super::axis_label(root, year.to_string(), (px, py), &label)?;
        }
        if let Some((from, to)) = course.path {
            let points = [(f64::from(from.0), from.1), (f64::from(to.0), to.1)];
            chart.draw_series(LineSeries::new(points, palette.light.stroke_width(2))).map_err(drawing)?;
            let target = TriangleMarker::new((f64::from(to.0), to.1), 7, palette.accent.filled());
            chart.draw_series(std::iter::once(target)).map_err(drawing)?;
        }
        let points: Vec<(f64, f64)> = course.values.iter().map(|&(year, v)| (f64::from(year), v)).collect();
        chart.draw_series(LineSeries::new(points.iter().copied(), palette.strong.stroke_width(3))).map_err(drawing)?;
        chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, palette.strong.filled()))).map_err(drawing)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(number: &dyn Fn(f64) -> String) -> Course<'_> {
        Course {
            values: vec![(2020, 20.0), (2024, 35.0), (2025, 41.0)],
            path: Some(((2020, 20.0), (2030, 70.0))),
            legend: ["Ist", "Pfad", "Ziel"],
            number,
        }
    }

    #[test]
    fn the_same_course_draws_the_same_bytes_with_its_title_and_years() {
        let number = |v: f64| format!("{v:.0}");
        let palette = Palette::of(&crate::design::Design::default());
        let a = draw(&course(&number), &palette, "Online-Dienste: 41 % in 2025").expect("drawn");
        let b = draw(&course(&number), &palette, "Online-Dienste: 41 % in 2025").expect("drawn");
        assert_eq!(a.svg, b.svg);
        assert_eq!(a.png.bytes, b.png.bytes);
        assert!(a.svg.contains("<title>Online-Dienste: 41 % in 2025</title>"), "{}", a.svg);
        for year in ["2020", "2024", "2030"] {
            // the label stands inside the picture, below the plot
            let at = a.svg.find(&format!(">\n{year}\n</text>")).unwrap_or_else(|| panic!("{year}: {}", a.svg));
            let tag = &a.svg[a.svg[..at].rfind("<text").expect("its tag")..at];
            let y: i32 =
                tag.split("y=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|y| y.parse().ok()).expect("y");
            assert!((300..330).contains(&y), "{year} at y = {y}");
        }
        assert_eq!(a.png.pixels, (1280, 680));
        // the design's colours: the headings' for the values
        assert!(a.svg.contains("stroke=\"#1F3864\""), "{}", a.svg);
    }

    #[test]
    fn values_that_are_not_finite_are_not_drawn() {
        let number = |v: f64| format!("{v}");
        let palette = Palette::of(&crate::design::Design::default());
        for bad in [f64::NAN, f64::INFINITY, -1e308] {
            let mut c = course(&number);
            c.values.push((2026, bad));
            assert!(draw(&c, &palette, "x").is_err(), "{bad}");
        }
    }
}
