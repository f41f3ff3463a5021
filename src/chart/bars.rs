//! Bar charts: series side by side per category (money planned and spent
//! by year), or stacked (measures by schedule per field of action).

use anyhow::Result;
use plotters::prelude::*;

use super::{Chart, Palette, Swatch, drawing, finish, padded, with_legend};

/// One series of bars.
pub struct Series<'a> {
    /// Its name in the legend.
    pub name: &'a str,
    /// Its colour.
    pub color: RGBColor,
    /// One value per category.
    pub values: Vec<f64>,
}

/// What a bar chart shows.
pub struct Bars<'a> {
    /// The categories along the x axis (years, field ids).
    pub categories: Vec<String>,
    /// The series, in legend order.
    pub series: Vec<Series<'a>>,
    /// Stacked (one bar per category) or side by side.
    pub stacked: bool,
    /// The values are counts: the axis shows whole numbers only.
    pub whole: bool,
    /// A value as the axis writes it.
    pub number: &'a dyn Fn(f64) -> String,
}

impl Bars<'_> {
    /// The highest bar.
    fn top(&self) -> f64 {
        let per_category = |i: usize| self.series.iter().map(move |s| s.values.get(i).copied().unwrap_or(0.0));
        (0..self.categories.len())
            .map(|i| if self.stacked { per_category(i).sum() } else { per_category(i).fold(0.0, f64::max) })
            .fold(0.0, f64::max)
    }

    /// How many labels the y axis takes: at most six, and no more than
    /// whole numbers up to the top when the bars count things.
    fn y_labels(&self) -> usize {
        let top = self.top();
        if self.whole { (top.ceil() as usize + 1).clamp(2, 6) } else { 6 }
    }

    /// The rectangles of series `k`: (left, bottom, right, top) in chart coordinates.
    fn rectangles(&self, k: usize) -> Vec<((f64, f64), (f64, f64))> {
        let n = self.series.len().max(1) as f64;
        let width = if self.stacked { 0.6 } else { 0.8 / n };
        self.series[k]
            .values
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                let centre = i as f64;
                if self.stacked {
                    let below: f64 = self.series[..k].iter().map(|s| s.values.get(i).copied().unwrap_or(0.0)).sum();
                    ((centre - width / 2.0, below), (centre + width / 2.0, below + v))
                } else {
                    let left = centre - 0.4 + width * k as f64;
                    ((left + 0.02, 0.0), (left + width - 0.02, v))
                }
            })
            .collect()
    }
}

/// Draws `bars` in `palette`'s colours, with `alt` as its text alternative.
pub fn draw(bars: &Bars<'_>, palette: &Palette, alt: &str) -> Result<Chart> {
    let (_, hi) = padded(0.0, bars.top(), true);
    let x = -0.6..bars.categories.len() as f64 - 0.4;
    finish(alt, |root| {
        let entries: Vec<(&str, Swatch)> = bars.series.iter().map(|s| (s.name, Swatch::Box(s.color))).collect();
        let root = &with_legend(root, &entries, palette.text)?;
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(28)
            .y_label_area_size(90)
            .build_cartesian_2d(x, 0.0..hi)
            .map_err(drawing)?;
        let label = super::axes(&mut chart, bars.y_labels(), bars.number, palette)?;
        for (i, category) in bars.categories.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(i as f64, 0.0));
            super::axis_label(root, category.clone(), (px, py), &label)?;
        }
        for (k, series) in bars.series.iter().enumerate() {
            let fill = series.color.filled();
            let rectangles = bars.rectangles(k).into_iter().filter(|(a, b)| b.1 > a.1);
            chart.draw_series(rectangles.map(|(a, b)| Rectangle::new([a, b], fill))).map_err(drawing)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(stacked: bool, number: &dyn Fn(f64) -> String) -> Bars<'_> {
        Bars {
            categories: vec!["2024".into(), "2025".into()],
            series: vec![
                Series { name: "geplant", color: RGBColor(0x8E, 0xAA, 0xDB), values: vec![100.0, 300.0] },
                Series { name: "ausgegeben", color: RGBColor(0x1F, 0x38, 0x64), values: vec![80.0, 50.0] },
            ],
            stacked,
            whole: false,
            number,
        }
    }

    #[test]
    fn side_by_side_bars_stand_next_to_each_other_and_stacked_ones_on_each_other() {
        let number = |v: f64| format!("{v:.0}");
        // in hundredths, free of the decimals' rounding
        let cents = |((a, b), (c, d)): ((f64, f64), (f64, f64))| [a, b, c, d].map(|v| (v * 100.0).round() as i64);
        let side = bars(false, &number);
        assert_eq!(side.top(), 300.0);
        assert_eq!(cents(side.rectangles(1)[0]), [2, 0, 38, 8000]);
        let stacked = bars(true, &number);
        assert_eq!(stacked.top(), 350.0);
        assert_eq!(cents(stacked.rectangles(1)[1]), [70, 30000, 130, 35000]);
    }

    #[test]
    fn bars_draw_the_same_bytes_each_time_with_their_categories() {
        let number = |v: f64| format!("{v:.0}");
        let palette = Palette::of(&crate::design::Design::default());
        let a = draw(&bars(false, &number), &palette, "Geld").expect("drawn");
        let b = draw(&bars(false, &number), &palette, "Geld").expect("drawn");
        assert_eq!((a.svg.as_str(), &a.png.bytes), (b.svg.as_str(), &b.png.bytes));
        assert!(a.svg.contains(">\n2025\n</text>") && a.svg.contains(">\nausgegeben\n</text>"), "{}", a.svg);
    }
}
