//! A postal address as the shopper wrote it, one line each, empty lines left out.

use crate::commerce::Address;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn AddressLines(address: Address, #[prop(optional)] class: &'static str) -> impl IntoView {
    let country = w!(country_name)(&address.country).to_string();
    let lines = [
        address.name,
        address.line1,
        address.line2,
        address.city,
        address.postcode,
        country,
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .map(|s| view! { <span>{s}</span> })
    .collect_view();
    view! { <address class=class>{lines}</address> }
}
