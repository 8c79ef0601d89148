//! An address block of the checkout form, for the shopper or a gift's recipient, with the
//! autofill hints that let a browser fill it in one go.

use crate::api::checkout::{AddressNames, OWN};
use crate::app::components::field::{Field, FormErrors};
use crate::commerce::checkout::SHIPS_TO;
use crate::commerce::Address;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn AddressFields(
    names: AddressNames,
    /// Prefilled from a remembered shopper.
    value: Option<Address>,
    errors: FormErrors,
) -> impl IntoView {
    let own = names == OWN;
    // Autofill fills the shopper's own address; a recipient's is someone else's to type.
    let hint = move |token: &'static str| if own { token } else { "off" };
    let [name, line1, line2, city, postcode, country] = names;
    let v = value.unwrap_or_default();
    let chosen_country = v.country.clone();
    let optional = !own;
    // Inline checks for the shopper's own address; a recipient's is checked when sent.
    let checked = own;
    view! {
        <Field name=name label=w!(FULL_NAME) autocomplete=hint("shipping name") optional=optional value=v.name
            checked=checked error=errors.field(name)/>
        <Field name=line1 label=w!(ADDRESS_LINE1) autocomplete=hint("shipping address-line1") optional=optional value=v.line1
            checked=checked error=errors.field(line1)/>
        <Field name=line2 label=w!(ADDRESS_LINE2) autocomplete=hint("shipping address-line2") optional=true value=v.line2 error=errors.field(line2)/>
        <div class="form-row">
            <Field name=city label=w!(CITY) autocomplete=hint("shipping address-level2") optional=optional value=v.city
                checked=checked error=errors.field(city)/>
            <Field name=postcode label=w!(POSTCODE) autocomplete=hint("shipping postal-code") optional=optional value=v.postcode
                checked=checked error=errors.field(postcode)/>
        </div>
        <label class="field">
            <span class="field__label">{w!(COUNTRY)}</span>
            <select class="field__input" id=format!("f-{country}") name=country autocomplete=hint("shipping country") required=own>
                {SHIPS_TO.iter().map(|code| view! {
                    <option value=*code selected=chosen_country == *code>{w!(country_name)(code)}</option>
                }).collect_view()}
            </select>
            {errors.field(country).get().map(|m| view! { <span class="field__error">{m}</span> })}
        </label>
    }
}
