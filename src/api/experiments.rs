//! A page's level of an experiment's factor, for this request: control for everyone the
//! store may not follow (no consent, Do Not Track, Global Privacy Control), who are then not
//! counted either; for a consenting visitor, the level their id hashes to, recorded as their
//! exposure so the dashboard can count them in their cell.

use crate::analytics::experiments::{level, Knob};
use crate::analytics::{Event, Step};
use axum::http::request::Parts;
use leptos::prelude::*;

/// The level of `knob` on a page of `kind` (control: the knob's first level).
pub fn level_of(knob: Knob, kind: &str) -> &'static str {
    let control = knob.levels()[0];
    let (Some(parts), Ok(data)) = (use_context::<Parts>(), crate::api::context::storefront())
    else {
        return control;
    };
    // Nothing could be measured: nobody takes part.
    if !data.records() {
        return control;
    }
    let Some(visitor) = crate::api::events::visitor_in(&parts.headers) else {
        return control;
    };
    let now = crate::api::clock::now();
    let declared = data.experiments().experiments;
    let Some((experiment, chosen)) = level(&declared, knob, kind, &visitor, now) else {
        return control;
    };
    let mut seen = Event::new(now, Step::Exposure);
    seen.subject = experiment.name.clone();
    seen.page = experiment.cell_of(&visitor);
    seen.visitor = Some(visitor);
    data.events().record(seen);
    // The knob's own spelling: 'static, and a level the file names but the page does not
    // know cannot get here (the declaration was checked).
    knob.levels()
        .iter()
        .find(|l| **l == chosen)
        .copied()
        .unwrap_or(control)
}
