//! "Buy them together": the set a product page offers (a bundle the store discounts, or what
//! shoppers buy with it most), its total before the click, and one button that adds it all.
//! A plain form drawn on the server: it works before (and without) the wasm and adds nothing
//! to any bundle.

use crate::api::bundles::{AddSet, BuySet, SetItem};
use crate::app::components::field::FormErrors;
use crate::app::components::picture::Picture;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn BuyTogether(
    set: BuySet,
    /// The variant the page shows (`?variant=`), chosen for the product itself.
    shown: Option<String>,
) -> impl IntoView {
    // A refused plain post comes back here with the reason (`server::form_errors`).
    let add = ServerAction::<AddSet>::new();
    let errors = FormErrors::new(move || add.value().get().and_then(Result::err));
    let title = match set.percent {
        Some(p) => w!(bundle_title)(p),
        None => w!(SET_TITLE).to_string(),
    };
    let after = crate::commerce::Money::new(set.total.minor - set.saving.minor, set.total.currency);
    let count = set.items.len();
    view! {
        <section class="section buy-together" id="buy-together" data-testid="buy-together"
            aria-labelledby="buy-together-title">
            <h2 id="buy-together-title" class="section__title">{title}</h2>
            <form method="post" action="/api/cart/add-set" class="buy-together__form">
                <ol class="buy-together__items">
                    {set.items.into_iter().enumerate().map(|(i, item)| {
                        let chosen = if i == 0 { shown.clone() } else { None };
                        view! { <Item i item chosen/> }
                    }).collect_view()}
                </ol>
                <div class="buy-together__buy">
                    <p class="buy-together__total" data-testid="set-total">
                        {(set.saving.minor > 0).then(|| view! {
                            <s class="buy-together__before">{set.total.to_string()}</s> " "
                        })}
                        <strong>{w!(set_total)(&after.to_string(), set.varies)}</strong>
                    </p>
                    {(set.saving.minor > 0).then(|| view! {
                        <p class="buy-together__saving" data-testid="set-saving">{w!(you_save)(&set.saving.to_string())}</p>
                    })}
                    <button class="button button--primary" type="submit" data-testid="add-set">
                        {w!(add_set)(count)}
                    </button>
                    {move || errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                </div>
            </form>
        </section>
    }
}

/// One product of the set: its picture and name, and its options when it has more than one.
#[component]
fn Item(i: usize, item: SetItem, chosen: Option<String>) -> impl IntoView {
    let name = format!("variant[{i}]");
    let select_id = format!("set-variant-{i}");
    let href = crate::app::local(&format!("/p/{}", item.handle));
    let one = item.variants.len() == 1;
    let first_price = item.variants[0].price;
    view! {
        <li class="buy-together__item">
            {(i > 0).then(|| view! { <span class="buy-together__plus" aria-hidden="true">"+"</span> })}
            <Picture image=item.image.clone() sizes="64px" size=96/>
            <a class="buy-together__name" href=href>{item.name.clone()}</a>
            {if one {
                let v = item.variants.into_iter().next().expect("one variant");
                view! {
                    <input type="hidden" name=name value=v.id/>
                    <span class="buy-together__price">{v.price.to_string()}</span>
                }.into_any()
            } else {
                view! {
                    <label class="visually-hidden" for=select_id.clone()>{w!(option_for)(&item.name)}</label>
                    <select id=select_id name=name class="buy-together__choice">
                        {item.variants.into_iter().map(|v| {
                            // A choice that costs more says so; most differ only in size or colour.
                            let label = if v.price == first_price {
                                v.title
                            } else {
                                format!("{} · {}", v.title, v.price)
                            };
                            let selected = chosen.as_deref() == Some(v.id.as_str());
                            view! { <option value=v.id selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    <span class="buy-together__price">{first_price.to_string()}</span>
                }.into_any()
            }}
        </li>
    }
}
