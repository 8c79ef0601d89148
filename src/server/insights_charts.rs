//! The dashboard's pictures, as SVG drawn on the server: the funnel as bars, and a day-by-day
//! bar chart. Colours come from the stylesheet's tokens (`chart__*` classes), so both read in
//! light and dark; each chart is a picture of a table printed beside it, which is what screen
//! readers and anyone who wants the numbers read.

use crate::analytics::FunnelStep;
use crate::html::escape;

/// One bar per step, as wide as its share of the first step.
pub fn funnel(steps: &[FunnelStep]) -> String {
    let top = steps.first().map_or(0, |s| s.count).max(1);
    let (width, bar, gap, label) = (640.0, 28.0, 14.0, 170.0);
    let height = steps.len() as f64 * (bar + gap);
    let bars: String = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = i as f64 * (bar + gap);
            let w = ((width - label - 90.0) * s.count as f64 / top as f64).max(1.0);
            format!(
                r#"<text class="chart__label" x="0" y="{ty}">{name}</text><rect class="chart__bar" x="{label}" y="{y}" width="{w:.1}" height="{bar}" rx="4"/><text class="chart__value" x="{vx:.1}" y="{ty}">{count}</text>"#,
                ty = y + bar * 0.68,
                name = escape(s.label),
                vx = label + w + 8.0,
                count = super::insights::count(s.count),
            )
        })
        .collect();
    format!(
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="The funnel as bars; the table below gives the numbers" data-testid="funnel-chart">{bars}</svg>"#
    )
}

/// A bar per day (`days`: (label, value)), with the largest value written at the top of the
/// axis and the first and last day under it. `show` words a value for the axis.
pub fn per_day(
    title: &str,
    testid: &str,
    days: &[(String, f64)],
    show: impl Fn(f64) -> String,
) -> String {
    let (width, height, axis, foot) = (640.0, 160.0, 70.0, 22.0);
    let top = days.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let scale = if top > 0.0 { top } else { 1.0 };
    let slot = (width - axis) / days.len().max(1) as f64;
    let bars: String = days
        .iter()
        .enumerate()
        .map(|(i, (day, v))| {
            let h = (height - foot - 10.0) * v / scale;
            format!(
                r#"<rect class="chart__bar" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"><title>{day}: {value}</title></rect>"#,
                x = axis + i as f64 * slot + slot * 0.1,
                y = height - foot - h,
                w = (slot * 0.8).max(1.0),
                day = escape(day),
                value = escape(&show(*v)),
            )
        })
        .collect();
    let first = days.first().map_or("", |(d, _)| d.as_str());
    let last = days.last().map_or("", |(d, _)| d.as_str());
    format!(
        r#"<svg class="chart chart--days" viewBox="0 0 {width} {height}" role="img" aria-label="{title}, a bar per day; the table gives the numbers" data-testid="{testid}"><text class="chart__value" x="0" y="14">{top}</text><text class="chart__value" x="0" y="{zero}">0</text><line class="chart__axis" x1="{axis}" y1="{base}" x2="{width}" y2="{base}"/>{bars}<text class="chart__label" x="{axis}" y="{height}">{first}</text><text class="chart__label" x="{width}" y="{height}" text-anchor="end">{last}</text></svg>"#,
        title = escape(title),
        top = escape(&show(top)),
        zero = height - foot,
        base = height - foot,
        first = escape(first),
        last = escape(last),
    )
}
