//! The filters beside a listing: a GET form of checkboxes and a sort menu, drawn on the
//! server. Without scripts it submits with its button; with them (the `ApplyAsTicked`
//! island, which knows nothing of the facets), each change submits at once, and the next page
//! puts focus back on the box just ticked and keeps the scroll position.

use crate::api::listing::ListingParams;
use crate::discovery::facets::{FacetValue, Facets};
use crate::discovery::Sort;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn ListingFilters(params: ListingParams, facets: Facets) -> impl IntoView {
    let p = params;
    let f = facets;
    let searching = !p.q.is_empty();
    let ticked = p.filters.count();
    let sort_label = move |s: Sort| {
        if searching {
            w!(sort_label)(s)
        } else {
            w!(browse_sort_label)(s)
        }
    };
    let path = p.path();
    let clear_href = {
        let mut cleared = p.clone();
        cleared.filters = Default::default();
        cleared.href(1)
    };
    view! {
        <details class="filters" open={ticked > 0}>
            <summary class="filters__toggle">{w!(filters_button)(ticked)}</summary>
            <form method="get" action=path>
                <ApplyAsTicked>
                    {searching.then(|| view! { <input type="hidden" name="q" value=p.q.clone()/> })}
                    <div class="filters__sort">
                        <label for="listing-sort">{w!(SORT_BY)}</label>
                        // Browsers restore a select's old value on reload unless told not to;
                        // the URL must win.
                        <select id="listing-sort" name="sort" autocomplete="off">
                            {Sort::ALL.into_iter().map(|s| view! {
                                <option value=s.slug() selected=s == p.sort>{sort_label(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {(!f.categories.is_empty()).then(|| view! {
                        <FacetGroup legend=w!(FACET_CATEGORY) name="cat" values=f.categories.clone()/>
                    })}
                    <FacetGroup legend=w!(FACET_PRICE) name="price" values=f.prices.clone()/>
                    <FacetGroup legend=w!(FACET_COLOUR) name="colour" values=f.colours.clone()/>
                    <FacetGroup legend=w!(FACET_SIZE) name="size" values=f.sizes.clone()/>
                    <fieldset class="facet">
                        <legend class="facet__legend">{w!(FACET_STOCK)}</legend>
                        <label class="facet__value">
                            <input type="checkbox" name="stock" value="1" checked=p.filters.in_stock/>
                            <span>{w!(in_stock_only)(f.in_stock)}</span>
                        </label>
                    </fieldset>
                    <fieldset class="facet">
                        <legend class="facet__legend">{w!(FACET_RATING)}</legend>
                        <label class="facet__value">
                            <input type="checkbox" name="rating" value="4" checked=p.filters.rated/>
                            <span>{w!(rated_only)(f.rated)}</span>
                        </label>
                    </fieldset>
                    <div class="filters__actions">
                        <button class="button button--primary filters__apply" type="submit">{w!(FILTER_APPLY)}</button>
                        {(ticked > 0).then(|| view! { <a class="filters__clear" href=clear_href>{w!(CLEAR_FILTERS)}</a> })}
                    </div>
                </ApplyAsTicked>
            </form>
        </details>
    }
}

/// The filters' body, submitting its form on every change.
#[island]
fn ApplyAsTicked(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    crate::app::browser::restore_focus();
    let on_change = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            crate::app::browser::keep_focus(&_ev);
            crate::app::browser::submit_form_of(&_ev);
        }
    };
    view! { <div class="filters__body" on:change=on_change>{children()}</div> }
}

#[component]
fn FacetGroup(legend: &'static str, name: &'static str, values: Vec<FacetValue>) -> impl IntoView {
    // A value no product has (and nobody ticked) is noise.
    let values: Vec<FacetValue> = values
        .into_iter()
        .filter(|v| v.count > 0 || v.selected)
        .collect();
    (!values.is_empty()).then(|| {
        view! {
            <fieldset class="facet">
                <legend class="facet__legend">{legend}</legend>
                <ul class="facet__values">
                    {values.into_iter().map(|v| view! {
                        <li>
                            <label class="facet__value">
                                <input type="checkbox" name=name value=v.value.clone() checked=v.selected/>
                                <span>{w!(facet_value)(&v.label, v.count)}</span>
                            </label>
                        </li>
                    }).collect_view()}
                </ul>
            </fieldset>
        }
    })
}
