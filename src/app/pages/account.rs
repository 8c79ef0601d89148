//! /account: sign in or create an account (guests never have to), or, once signed in, the
//! shopper's orders and saved addresses.

use super::or_problem;
use crate::api::account::{get_account, AccountData, Register, SignIn, SignOut};
use crate::app::components::address::AddressLines;
use crate::app::components::field::{Field, FormErrors};
use crate::app::enhance::EnhancedForms;
use crate::w;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

/// Signing in, registering and signing out each end with the server's redirect to this page,
/// which then shows the new state.
#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| get_account());
    view! {
        <Title text=w!(ACCOUNT_TITLE)/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| view! { <p class="loading">{w!(LOADING)}</p> }>
            {move || account.get().map(|r| or_problem(r, |a| match a {
                Some(data) => view! { <AccountView data=data/> }.into_any(),
                None => view! { <SignInOrRegister/> }.into_any(),
            }))}
        </Suspense>
    }
}

/// Plain forms, sent in place once the wasm runs (`enhance`): a button pressed twice sends
/// once, and a refusal is said beside its field.
#[component]
fn SignInOrRegister() -> impl IntoView {
    let in_errors = FormErrors::posted(SignIn::url());
    let reg_errors = FormErrors::posted(Register::url());
    view! {
        <div class="account">
            <section class="account__panel" aria-labelledby="sign-in-title">
                <h1 id="sign-in-title">{w!(SIGN_IN)}</h1>
                <p>{w!(SIGN_IN_INTRO)}</p>
                <form action=SignIn::url() method="post" class="account__form" data-enhance="">
                    {in_errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    <Field name="email" label=w!(EMAIL) kind="email" autocomplete="username" error=in_errors.field("email")/>
                    <Field name="password" label=w!(PASSWORD) kind="password" autocomplete="current-password" error=in_errors.field("password")/>
                    <button class="button button--primary" type="submit" data-testid="sign-in">{w!(SIGN_IN)}</button>
                </form>
            </section>
            <section class="account__panel" aria-labelledby="register-title">
                <h2 id="register-title">{w!(REGISTER)}</h2>
                <p>{w!(REGISTER_INTRO)}</p>
                <form action=Register::url() method="post" class="account__form" data-enhance="">
                    {reg_errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    <Field name="name" id="register-name" label=w!(FULL_NAME) autocomplete="name" error=reg_errors.field("name")/>
                    <Field name="email" id="register-email" label=w!(EMAIL) kind="email" autocomplete="email" error=reg_errors.field("email")/>
                    <Field name="password" id="register-password" label=w!(PASSWORD) kind="password" autocomplete="new-password" hint=w!(PASSWORD_HINT) maxlength=128 error=reg_errors.field("password")/>
                    <button class="button button--ghost" type="submit" data-testid="register">{w!(REGISTER)}</button>
                </form>
            </section>
            <EnhancedForms/>
        </div>
    }
}

#[component]
fn AccountView(data: AccountData) -> impl IntoView {
    let AccountData { customer, orders } = data;
    view! {
        <section class="account-view">
            <header class="account-view__header">
                <h1>{w!(ACCOUNT_TITLE)}</h1>
                <p>{w!(SIGNED_IN_AS)} " " <strong data-testid="account-email">{customer.email.clone()}</strong></p>
                // A plain form: the server signs out and redirects here.
                <form action=SignOut::url() method="post">
                    <button class="button button--ghost" type="submit" data-testid="sign-out">{w!(SIGN_OUT)}</button>
                </form>
            </header>
            <h2>{w!(YOUR_ORDERS)}</h2>
            {if orders.is_empty() {
                view! { <p>{w!(NO_ORDERS)}</p> }.into_any()
            } else {
                view! {
                    <ul class="order-history" data-testid="order-history">
                        {orders.into_iter().map(|(o, token)| view! {
                            <li class="order-history__row">
                                <a href=crate::app::local(&format!("/orders/{}?t={token}", o.code))>{o.code.clone()}</a>
                                <span>{w!(moment)(o.placed_at)}</span>
                                <span>{w!(order_status)(o.status)}</span>
                                <span>{w!(items)(o.item_count)}</span>
                                <strong>{o.total.to_string()}</strong>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h2>{w!(SAVED_ADDRESSES)}</h2>
            {if customer.addresses.is_empty() {
                view! { <p>{w!(NO_ADDRESSES)}</p> }.into_any()
            } else {
                view! {
                    <ul class="saved-addresses">
                        {customer.addresses.into_iter().map(|a| view! {
                            <li><AddressLines address=a/></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
