//! /account: sign in or create an account (guests never have to), or, once signed in, the
//! shopper's orders and saved addresses.

use super::or_problem;
use crate::api::account::{get_account, AccountData, Register, SignIn, SignOut};
use crate::app::components::address::AddressLines;
use crate::app::components::field::{Field, FormErrors};
use crate::app::components::server_form::ServerForm;
use crate::app::sender::{nothing, Sender};
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

/// An island, so a button cannot be pressed twice while its request is out.
#[island]
fn SignInOrRegister() -> impl IntoView {
    let sign_in = Sender::new(SignIn::url(), nothing);
    let register = Sender::new(Register::url(), nothing);
    let in_errors = FormErrors::new(move || sign_in.refused());
    let reg_errors = FormErrors::new(move || register.refused());
    view! {
        <div class="account">
            <section class="account__panel" aria-labelledby="sign-in-title">
                <h1 id="sign-in-title">{w!(SIGN_IN)}</h1>
                <p>{w!(SIGN_IN_INTRO)}</p>
                <ServerForm sender=sign_in attr:class="account__form">
                    {move || in_errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    <Field name="email" label=w!(EMAIL) kind="email" autocomplete="username" error=in_errors.field("email")/>
                    <Field name="password" label=w!(PASSWORD) kind="password" autocomplete="current-password" error=in_errors.field("password")/>
                    <button class="button button--primary" type="submit" disabled=move || sign_in.pending() data-testid="sign-in">{w!(SIGN_IN)}</button>
                </ServerForm>
            </section>
            <section class="account__panel" aria-labelledby="register-title">
                <h2 id="register-title">{w!(REGISTER)}</h2>
                <p>{w!(REGISTER_INTRO)}</p>
                <ServerForm sender=register attr:class="account__form">
                    {move || reg_errors.general().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                    <Field name="name" id="register-name" label=w!(FULL_NAME) autocomplete="name" error=reg_errors.field("name")/>
                    <Field name="email" id="register-email" label=w!(EMAIL) kind="email" autocomplete="email" error=reg_errors.field("email")/>
                    <Field name="password" id="register-password" label=w!(PASSWORD) kind="password" autocomplete="new-password" hint=w!(PASSWORD_HINT) maxlength=128 error=reg_errors.field("password")/>
                    <button class="button button--ghost" type="submit" disabled=move || register.pending() data-testid="register">{w!(REGISTER)}</button>
                </ServerForm>
            </section>
        </div>
    }
}

#[component]
fn AccountView(data: AccountData) -> impl IntoView {
    let AccountData { customer, orders } = data;
    // A plain form: the server signs out and redirects here.
    let sign_out = Sender::new(SignOut::url(), nothing);
    view! {
        <section class="account-view">
            <header class="account-view__header">
                <h1>{w!(ACCOUNT_TITLE)}</h1>
                <p>{w!(SIGNED_IN_AS)} " " <strong data-testid="account-email">{customer.email.clone()}</strong></p>
                <ServerForm sender=sign_out>
                    <button class="button button--ghost" type="submit" data-testid="sign-out">{w!(SIGN_OUT)}</button>
                </ServerForm>
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
