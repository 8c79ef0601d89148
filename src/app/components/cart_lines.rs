//! The cart as the store shows it, drawn on the server only: its lines with quantity
//! steppers and remove buttons, and the summary. Each control is a plain form posting to the
//! cart's shown-cart functions; the island around them sends it itself once the wasm runs
//! (`CartState::send_line_form`) and puts the server's new drawing in place, so no cart view
//! and no cart decoder is in the browser's bundle.

use crate::api::cart_shown::{RemoveShown, UpdateShown};
use crate::app::components::picture::Picture;
use crate::app::local;
use crate::commerce::{Cart, CartLine, MAX_LINE_QUANTITY};
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

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
    let id = line.variant_id.clone();
    let href = crate::app::local(&format!("/p/{}?variant={}", line.product_handle, id));
    let can_add = line.quantity < line.available.min(MAX_LINE_QUANTITY);
    // Each form owns its copy of the id.
    let (id_less, id_more, id_remove) = (id.clone(), id.clone(), id.clone());
    view! {
        <li class="cart-line" data-variant=id>
            <a class="cart-line__media" href=href.clone() tabindex="-1" aria-hidden="true">
                <Picture image=line.image sizes="72px" size=96/>
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
                    <form method="post" action=UpdateShown::url()>
                        <input type="hidden" name="variant_id" value=id_less/>
                        <input type="hidden" name="quantity" value=line.quantity.saturating_sub(1)/>
                        <button class="stepper__button" type="submit" aria-label="−1">"−"</button>
                    </form>
                    <output class="stepper__value" aria-live="polite">{line.quantity}</output>
                    <form method="post" action=UpdateShown::url()>
                        <input type="hidden" name="variant_id" value=id_more/>
                        <input type="hidden" name="quantity" value=line.quantity + 1/>
                        <button class="stepper__button" type="submit" aria-label="+1" disabled=!can_add>"+"</button>
                    </form>
                </div>
                <form method="post" action=RemoveShown::url()>
                    <input type="hidden" name="variant_id" value=id_remove/>
                    <button class="link-button" type="submit" aria-label=w!(remove_item)(&line.product_name)>{w!(REMOVE)}</button>
                </form>
            </div>
            <p class="cart-line__total">{line.line_total.to_string()}</p>
        </li>
    }
}

/// What the drawer shows of the cart, below its title.
#[component]
pub fn DrawerContents(cart: Cart) -> impl IntoView {
    if cart.is_empty() {
        return view! { <p class="drawer__body">{w!(CART_EMPTY)}</p> }.into_any();
    }
    view! {
        <div class="drawer__body">
            <CartLines cart=cart.clone()/>
        </div>
        <footer class="drawer__footer">
            <CartSummary cart/>
            <a class="button button--primary button--block" href=local("/checkout") data-testid="drawer-checkout">{w!(CHECKOUT)}</a>
            <a class="button button--ghost button--block" href=local("/cart")>{w!(VIEW_CART)}</a>
        </footer>
    }
    .into_any()
}

/// What the cart page shows of the cart, below its heading.
#[component]
pub fn CartPageContents(cart: Cart) -> impl IntoView {
    if cart.is_empty() {
        return view! { <CartEmpty/> }.into_any();
    }
    view! {
        <div class="cart-page__layout">
            <CartLines cart=cart.clone()/>
            <aside class="cart-page__summary">
                <CartSummary cart/>
                <a class="button button--primary button--block" href=local("/checkout")>{w!(CHECKOUT)}</a>
                <a class="button button--ghost button--block" href=local("/")>{w!(CONTINUE_SHOPPING)}</a>
            </aside>
        </div>
    }
    .into_any()
}

/// `cart` as the drawer and the cart page draw it, for the answer to a change.
#[cfg(feature = "ssr")]
pub fn shown_cart(cart: Cart) -> crate::api::cart_shown::ShownCart {
    crate::api::cart_shown::ShownCart {
        count: cart.item_count,
        badge: view! { <crate::app::components::header::CountBadge count=cart.item_count/> }
            .to_html(),
        drawer: view! { <DrawerContents cart=cart.clone()/> }.to_html(),
        page: view! { <CartPageContents cart/> }.to_html(),
    }
}

/// Subtotal, what bundles take off, and the note about costs still to come. The savings are
/// one line (each bundle named in it), hidden when there are none, as the checkout's summary
/// has them.
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
