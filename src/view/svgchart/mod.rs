//! Pure chart rendering for indicators: an inline SVG line chart of measurements against the
//! baseline and the goal, and a terminal sparkline.
//!
//! The SVG is self-contained (no external assets, no scripts, no styles from outside), the
//! same bytes for the same input, and readable printed in black and white: measurements are
//! filled circles on a solid black line, the baseline a hollow square on a solid grey line, the
//! goal a hollow triangle on a dashed line; every line is labelled with its value, every
//! measurement with its value and date, and a legend names the three shapes. `<title>` and
//! `<desc>` carry the text for screen readers. Every text put in the SVG is escaped.

use std::fmt::Write as _;

use chrono::NaiveDate;

/// A horizontal reference line (baseline or goal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line<'a> {
    pub value: f64,
    /// The word shown before the value ("Utgångsläge", "Baseline").
    pub label: &'a str,
    /// When it was measured, for a baseline with a date: a marker at that day.
    pub date: Option<NaiveDate>,
    /// The date stands for a year (a baseline "from 2016"): labelled with the year alone,
    /// never with a day the source does not state.
    pub year_only: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart<'a> {
    /// Makes the element ids unique on a page (an indicator's id).
    pub id: &'a str,
    /// For screen readers (and the tooltip): the indicator's name.
    pub title: &'a str,
    /// For screen readers: what the chart shows, in words.
    pub desc: &'a str,
    /// The legend's word for the measurements ("Mätningar", "Measurements").
    pub measured_label: &'a str,
    /// Shown beside the value axis.
    pub unit: Option<&'a str>,
    /// Measurements, oldest first.
    pub points: &'a [(NaiveDate, f64)],
    pub baseline: Option<Line<'a>>,
    pub goal: Option<Line<'a>>,
    /// Swedish style: `62,5`.
    pub decimal_comma: bool,
}

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 300.0;
/// The width of the narrow chart a phone shows instead (at most the width a 390 px screen
/// gives the chart, so it is shown at least at its natural size: no text under 12 px).
pub const NARROW_WIDTH: f64 = 300.0;
/// The size of every text of the chart, in px at its natural width (a page shows the wide
/// chart at that width and, on a phone, the narrow one at least at its width, so no text is
/// smaller than this).
pub const FONT_SIZE: f64 = 12.0;

/// Where a chart draws: its size, the plot area inside it, how many dates fit under the
/// axis, and whether baseline and goal are labelled in a gutter at the right (wide) or above
/// their lines inside the plot (narrow).
#[derive(Debug, Clone, Copy)]
struct Frame {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// At most this many dates are written under the axis.
    dates: usize,
    /// Every measurement labelled with its value (wide), or only those with a date (narrow,
    /// where close points' labels would overlap).
    every_value: bool,
    gutter: bool,
    /// Added to the element ids, so both charts of a page have their own.
    suffix: &'static str,
}

const WIDE: Frame = Frame {
    width: WIDTH,
    height: HEIGHT,
    left: 60.0,
    right: WIDTH - 140.0,
    top: 44.0,
    bottom: HEIGHT - 40.0,
    dates: 8,
    every_value: true,
    gutter: true,
    suffix: "",
};

/// The legend in up to three rows above the plot, labels inside it, three dates.
const NARROW: Frame = Frame {
    width: NARROW_WIDTH,
    height: 300.0,
    left: 48.0,
    right: NARROW_WIDTH - 12.0,
    top: 84.0,
    bottom: 300.0 - 30.0,
    dates: 3,
    every_value: false,
    gutter: false,
    suffix: "-narrow",
};

/// Text escaped for SVG/XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An id made only of a-z, 0-9 and '-'.
fn safe_id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// A value as shown: at most two decimals, trailing zeros dropped, `-0` as `0`.
pub fn fmt_num(v: f64, decimal_comma: bool) -> String {
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A change as shown, always signed: `+5,5`, `-0,6`, `0` (within rounding).
pub fn fmt_change(v: f64, decimal_comma: bool) -> String {
    let s = fmt_num(v, decimal_comma);
    if s == "0" || s.starts_with('-') {
        s
    } else {
        format!("+{s}")
    }
}

/// A step of 1, 2 or 5 × 10^k giving about four intervals over `span`.
fn nice_step(span: f64) -> f64 {
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The value axis: the range shown and the step between ticks (at multiples of it). The
/// range always holds zero (a count or a share drawn from a cut axis exaggerates its
/// change): from 0 up to the greatest value with 8 % room above, or the least value up to 0,
/// or across 0 with room on either side.
fn value_axis(values: &[f64]) -> (f64, f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let lo = finite.clone().fold(f64::INFINITY, f64::min);
    let hi = finite.fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo > hi {
        (0.0, 1.0)
    } else {
        (lo.min(0.0), hi.max(0.0))
    };
    let (lo, hi) = if hi - lo < 1e-9 { (0.0, 1.0) } else { (lo, hi) };
    let pad = (hi - lo) * 0.08;
    let lo = if lo < 0.0 { lo - pad } else { lo };
    let hi = if hi > 0.0 { hi + pad } else { hi };
    (lo, hi, nice_step(hi - lo))
}

/// The ticks: multiples of `step` inside the range.
fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

struct Scale {
    f: Frame,
    lo: f64,
    hi: f64,
    first: NaiveDate,
    days: i64,
}

impl Scale {
    fn y(&self, v: f64) -> f64 {
        let f = self.f;
        f.bottom - (v - self.lo) / (self.hi - self.lo) * (f.bottom - f.top)
    }
    fn x(&self, d: NaiveDate) -> f64 {
        let f = self.f;
        if self.days == 0 {
            (f.left + f.right) / 2.0
        } else {
            let inset = 16.0;
            f.left
                + inset
                + (d - self.first).num_days() as f64 / self.days as f64
                    * (f.right - f.left - 2.0 * inset)
        }
    }
}

fn circle(x: f64, y: f64) -> String {
    format!(r##"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="#000"/>"##)
}

fn square(x: f64, y: f64) -> String {
    format!(
        r##"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="#fff" stroke="#000" stroke-width="1.5"/>"##,
        x - 4.0,
        y - 4.0
    )
}

fn triangle(x: f64, y: f64) -> String {
    format!(
        r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="#fff" stroke="#000" stroke-width="1.5"/>"##,
        x,
        y - 5.0,
        x - 5.0,
        y + 4.0,
        x + 5.0,
        y + 4.0
    )
}

/// The chart as one `<svg>` element, 640 × 300.
pub fn svg(c: &Chart) -> String {
    draw(c, WIDE, "chart")
}

/// The chart for a page read on any screen: the wide chart, and a narrow one (300 wide,
/// class `chart narrow`) that a page's style shows instead on a phone, where the wide one
/// would scroll sideways or shrink its text under 12 px. Each has its own element ids.
pub fn svg_pair(c: &Chart) -> String {
    format!(
        "{}{}",
        draw(c, WIDE, "chart wide"),
        draw(c, NARROW, "chart narrow")
    )
}

fn draw(c: &Chart, f: Frame, class: &str) -> String {
    let mut values: Vec<f64> = c.points.iter().map(|p| p.1).collect();
    values.extend(c.baseline.iter().chain(c.goal.iter()).map(|l| l.value));
    let (lo, hi, step) = value_axis(&values);
    let mut dates: Vec<NaiveDate> = c.points.iter().map(|p| p.0).collect();
    dates.extend(c.baseline.and_then(|b| b.date));
    let first = dates.iter().copied().min().unwrap_or_default();
    let last = dates.iter().copied().max().unwrap_or_default();
    let sc = Scale {
        f,
        lo,
        hi,
        first,
        days: (last - first).num_days(),
    };
    let id = format!("{}{}", safe_id(c.id), f.suffix);
    let (w, h) = (f.width, f.height);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="chart-{id}-title chart-{id}-desc" font-family="sans-serif" font-size="{FONT_SIZE}">"#
    );
    let _ = write!(
        s,
        "<title id=\"chart-{id}-title\">{}</title><desc id=\"chart-{id}-desc\">{}</desc>",
        esc(c.title),
        esc(c.desc)
    );
    axes(&mut s, c, &sc, step);
    reference_lines(&mut s, c, &sc);
    measurements(&mut s, c, &sc);
    legend(&mut s, c, f);
    s.push_str("</svg>");
    s
}

fn axes(s: &mut String, c: &Chart, sc: &Scale, step: f64) {
    let Frame {
        left: l,
        right: r,
        top: t,
        bottom: b,
        ..
    } = sc.f;
    s.push_str(r##"<g class="axes" stroke="#bbb" stroke-width="0.5">"##);
    let ts = ticks(sc.lo, sc.hi, step);
    for v in &ts {
        let y = sc.y(*v);
        let _ = write!(s, r#"<line x1="{l}" y1="{y:.1}" x2="{r}" y2="{y:.1}"/>"#);
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        r##"<g stroke="#000" stroke-width="1"><line x1="{l}" y1="{t}" x2="{l}" y2="{b}"/><line x1="{l}" y1="{b}" x2="{r}" y2="{b}"/></g>"##
    );
    s.push_str(r#"<g class="ticks" text-anchor="end">"#);
    for v in ts {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            l - 6.0,
            sc.y(v) + 4.0,
            esc(&fmt_num(v, c.decimal_comma))
        );
    }
    s.push_str("</g>");
    if let Some(unit) = c.unit {
        let _ = write!(
            s,
            r#"<text x="{l}" y="{:.1}" text-anchor="start">{}</text>"#,
            t - 8.0,
            esc(unit)
        );
    }
}

/// Baseline and goal: a line across, and (wide) a marker and a label with the value at the
/// right end, in the gutter, labels pushed apart when they would overlap; narrow, the
/// legend names the value.
fn reference_lines(s: &mut String, c: &Chart, sc: &Scale) {
    let f = sc.f;
    let mut label_y: Vec<f64> = Vec::new();
    for (line, goal) in [(c.baseline, false), (c.goal, true)] {
        let Some(l) = line else { continue };
        let y = sc.y(l.value);
        let dash = if goal {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let (stroke, class) = if goal {
            ("#000", "goal")
        } else {
            ("#666", "baseline")
        };
        let (left, right) = (f.left, f.right);
        let _ = write!(
            s,
            r#"<g class="{class}"><line x1="{left}" y1="{y:.1}" x2="{right}" y2="{y:.1}" stroke="{stroke}" stroke-width="1.5"{dash}/>"#
        );
        let marker = if goal { triangle } else { square };
        if f.gutter {
            s.push_str(&marker(right + 8.0, y));
        }
        if let Some(d) = l.date.filter(|_| !goal) {
            let x = sc.x(d);
            s.push_str(&square(x, y));
            let when = if l.year_only {
                chrono::Datelike::year(&d).to_string()
            } else {
                d.to_string()
            };
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{when}</text>"#,
                f.bottom + 16.0
            );
        }
        if !f.gutter {
            // Narrow: the legend gives the value ("mål 70"); a label here would cover the
            // latest measurement, drawn at the same right end.
            s.push_str("</g>");
            continue;
        }
        let mut ty = y + 4.0;
        if let Some(prev) = label_y.last()
            && (ty - prev).abs() < FONT_SIZE + 2.0
        {
            ty = if ty <= *prev {
                prev - FONT_SIZE - 2.0
            } else {
                prev + FONT_SIZE + 2.0
            };
        }
        label_y.push(ty);
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{ty:.1}">{} {}</text></g>"#,
            right + 18.0,
            esc(l.label),
            esc(&fmt_num(l.value, c.decimal_comma))
        );
    }
}

/// Where a date under the axis goes: centred under its point, or kept inside the chart
/// (ending at its right edge, starting at its left) when centred it would be cut.
fn date_x(x: f64, f: Frame) -> (f64, &'static str) {
    let half = 0.6 * FONT_SIZE * 10.0 / 2.0;
    if x + half > f.width - 2.0 {
        (f.width - 2.0, "end")
    } else if x - half < 2.0 {
        (2.0, "start")
    } else {
        (x, "middle")
    }
}

fn measurements(s: &mut String, c: &Chart, sc: &Scale) {
    if c.points.is_empty() {
        return;
    }
    s.push_str(r#"<g class="measurements">"#);
    if c.points.len() > 1 {
        let pts: Vec<String> = c
            .points
            .iter()
            .map(|(d, v)| format!("{:.1},{:.1}", sc.x(*d), sc.y(*v)))
            .collect();
        let _ = write!(
            s,
            r##"<polyline points="{}" fill="none" stroke="#000" stroke-width="2"/>"##,
            pts.join(" ")
        );
    }
    let every = c.points.len().div_ceil(sc.f.dates).max(1);
    for (i, (d, v)) in c.points.iter().enumerate() {
        let (x, y) = (sc.x(*d), sc.y(*v));
        s.push_str(&circle(x, y));
        let dated = i % every == 0 || i + 1 == c.points.len();
        if sc.f.every_value || dated {
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-weight="bold">{}</text>"#,
                y - 9.0,
                esc(&fmt_num(*v, c.decimal_comma))
            );
        }
        if dated {
            let (x, anchor) = date_x(x, sc.f);
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}">{d}</text>"#,
                sc.f.bottom + 16.0
            );
        }
    }
    s.push_str("</g>");
}

/// The legend above the plot: one row when it fits the chart's width, else a row per item.
fn legend(s: &mut String, c: &Chart, f: Frame) {
    type Marker = fn(f64, f64) -> String;
    let mut items: Vec<(Marker, &str, &str, String)> = Vec::new();
    if !c.points.is_empty() {
        items.push((circle, "", "#000", c.measured_label.to_string()));
    }
    // Narrow, the lines carry no label: the legend says their values.
    let named = |l: Line| match f.gutter {
        true => l.label.to_string(),
        false => format!("{} {}", l.label, fmt_num(l.value, c.decimal_comma)),
    };
    if let Some(b) = c.baseline {
        items.push((square, "", "#666", named(b)));
    }
    if let Some(g) = c.goal {
        items.push((triangle, r#" stroke-dasharray="6 4""#, "#000", named(g)));
    }
    s.push_str(r#"<g class="legend">"#);
    let start = f.left + 12.0;
    let (mut x, mut y) = (start, 14.0);
    let wide = |text: &str| 48.0 + 0.6 * FONT_SIZE * text.chars().count() as f64;
    for (marker, dash, stroke, text) in items {
        if x > start && x + wide(&text) - 48.0 + 18.0 > f.width {
            (x, y) = (start, y + 18.0);
        }
        let _ = write!(
            s,
            r#"<line x1="{:.1}" y1="{y}" x2="{:.1}" y2="{y}" stroke="{stroke}" stroke-width="1.5"{dash}/>"#,
            x - 12.0,
            x + 12.0
        );
        s.push_str(&marker(x, y));
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
            x + 18.0,
            y + 4.0,
            esc(&text)
        );
        x += wide(&text);
    }
    s.push_str("</g>");
}

/// A terminal sparkline, one of ▁▂▃▄▅▆▇█ per value scaled between their least and greatest
/// (all the same: ▄). A value that is not finite is a space.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let lo = finite.clone().fold(f64::INFINITY, f64::min);
    let hi = finite.fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            if !v.is_finite() {
                ' '
            } else if hi - lo < 1e-12 {
                BARS[3]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
