//! The lines of a cart with quantity steppers and remove buttons. Each control is its own small
//! form, so it works as a plain POST before the wasm loads and as an action after.

use crate::app::components::server_form::ServerForm;
use crate::app::local;
use crate::app::CartState;
use crate::commerce::{Cart, CartLine, MAX_LINE_QUANTITY};
use crate::w;
use leptos::prelude::*;

#[component]
pub fn CartLines(cart: Cart) -> impl IntoView {
    view! {
        <ul class="cart-lines">
            {cart.lines.into_iter().map(|line| view! { <CartLineRow line/> }).collect_view()}
        </ul>
    }
}

#[component]
fn CartLineRow(line: CartLine) -> impl IntoView {
    let state = CartState::get();
    let id = line.variant_id.clone();
    let href = crate::app::local(&format!("/p/{}?variant={}", line.product_handle, id));
    // Each form owns its copy of the id.
    let (id_less, id_more, id_remove) = (id.clone(), id.clone(), id.clone());
    let can_add = line.quantity < line.available.min(MAX_LINE_QUANTITY);
    let pending = move || state.update.pending().get() || state.remove.pending().get();
    view! {
        <li class="cart-line" data-variant=id>
            <a class="cart-line__media" href=href.clone() tabindex="-1" aria-hidden="true">
                <img src=line.image.url alt="" width="96" height="96" loading="lazy"/>
            </a>
            <div class="cart-line__info">
                <a class="cart-line__name" href=href>{line.product_name.clone()}</a>
                <p class="cart-line__variant">{line.variant_title}</p>
                <p class="cart-line__unit">{line.unit_price.to_string()}</p>
                {(line.quantity > line.available).then(|| view! {
                    <p class="cart-line__warning">{w!(only_left)(line.available)}</p>
                })}
            </div>
            <div class="cart-line__controls">
                <div class="stepper" role="group" aria-label=w!(quantity_of)(&line.product_name)>
                    <ServerForm action=state.update>
                        <input type="hidden" name="variant_id" value=id_less/>
                        <input type="hidden" name="quantity" value=line.quantity.saturating_sub(1)/>
                        <button class="stepper__button" type="submit" aria-label="−1" disabled=pending>"−"</button>
                    </ServerForm>
                    <output class="stepper__value" aria-live="polite">{line.quantity}</output>
                    <ServerForm action=state.update>
                        <input type="hidden" name="variant_id" value=id_more/>
                        <input type="hidden" name="quantity" value=line.quantity + 1/>
                        <button class="stepper__button" type="submit" aria-label="+1" disabled=move || !can_add || pending()>"+"</button>
                    </ServerForm>
                </div>
                <ServerForm action=state.remove>
                    <input type="hidden" name="variant_id" value=id_remove/>
                    <button class="link-button" type="submit" aria-label=w!(remove_item)(&line.product_name)>{w!(REMOVE)}</button>
                </ServerForm>
            </div>
            <p class="cart-line__total">{line.line_total.to_string()}</p>
        </li>
    }
}

/// Subtotal, what bundles take off, and the note about costs still to come. The savings are
/// one line (each bundle named in it), always drawn and hidden when there are none: this
/// summary is drawn in two islands, and a row per bundle with an optional "after savings" cost
/// 5 KB of wasm on every page; this way 2.5 KB (README "Performance").
#[component]
pub fn CartSummary(cart: Cart) -> impl IntoView {
    let saved = cart.savings_total();
    let none = saved.minor == 0;
    let after = crate::commerce::Money::new(cart.subtotal.minor - saved.minor, saved.currency);
    let named = savings_named(&cart.savings);
    let off = format!("−{saved}");
    view! {
        <dl class="cart-summary">
            <dt>{w!(SUBTOTAL)} " (" {w!(items)(cart.item_count)} ")"</dt>
            <dd data-testid="cart-subtotal">{cart.subtotal.to_string()}</dd>
            <dt class="cart-summary__saving" hidden=none>{named}</dt>
            <dd class="cart-summary__saving" data-testid="saving" hidden=none>{off}</dd>
            <dt hidden=none>{w!(AFTER_SAVINGS)}</dt>
            <dd data-testid="cart-after-savings" hidden=none>{after.to_string()}</dd>
        </dl>
        <p class="cart-summary__note">{w!(SHIPPING_AT_CHECKOUT)}</p>
    }
}

/// Every bundle's saving by name: "Bundle: Lamp + Shade (10% off)".
pub fn savings_named(savings: &[crate::commerce::bundles::Saving]) -> String {
    savings
        .iter()
        .map(|s| w!(saving_label)(&s.label, s.percent))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The cart with nothing in it, and the way back to the shop.
#[component]
pub fn CartEmpty() -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state__title">{w!(CART_EMPTY)}</p>
            <p>{w!(CART_EMPTY_HINT)}</p>
            <a class="button button--primary" href=local("/")>{w!(CONTINUE_SHOPPING)}</a>
        </div>
    }
}
