//! The packing slip that goes in the parcel, as plain text. A gift's slip carries the message
//! and, when the buyer asked, no prices.

use super::model::Order;
use std::fmt::Write;

pub fn packing_slip(order: &Order) -> String {
    let hide_prices = order.gift.as_ref().is_some_and(|g| g.hide_prices);
    let mut slip = String::new();
    let a = &order.address;
    let _ = writeln!(slip, "PACKING SLIP  {}", order.code);
    let _ = writeln!(slip, "\nDeliver to:");
    for line in [
        &a.name,
        &a.line1,
        &a.line2,
        &a.city,
        &a.postcode,
        &a.country,
    ] {
        if !line.is_empty() {
            let _ = writeln!(slip, "  {line}");
        }
    }
    let _ = writeln!(slip, "\nItems:");
    for l in &order.lines {
        if hide_prices {
            let _ = writeln!(
                slip,
                "  {} × {} ({})",
                l.quantity, l.product_name, l.variant_title
            );
        } else {
            let _ = writeln!(
                slip,
                "  {} × {} ({})  {}",
                l.quantity, l.product_name, l.variant_title, l.line_total
            );
        }
    }
    if !hide_prices {
        let _ = writeln!(slip, "\nTotal paid: {}", order.totals.total);
    }
    if let Some(gift) = order.gift.as_ref().filter(|g| !g.message.is_empty()) {
        // Each line of the buyer's words is marked as theirs, so no line of a message can
        // pass for a line of the slip ("Total paid: …").
        let _ = writeln!(slip, "\nA gift for you:");
        for line in gift.message.lines() {
            let _ = writeln!(slip, "  │ {line}");
        }
    }
    slip
}
