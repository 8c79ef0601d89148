//! Customer accounts on Vendure: registering (and signing in at once), signing in and out,
//! the customer and their orders, all through the Shop API's own session.

use super::*;

pub(super) async fn register(
    store: &VendureStore,
    email: &str,
    name: &str,
    password: &str,
    cart: Option<&str>,
) -> CommerceResult<SignedIn> {
    let (first, last) = split_name(name);
    let r = store
        .client
        .call::<Register>(
            register::Variables {
                input: register::RegisterCustomerInput {
                    email_address: email.to_string(),
                    title: None,
                    first_name: Some(first),
                    last_name: Some(last),
                    phone_number: None,
                    password: Some(password.to_string()),
                },
            },
            None,
            Kind::Write,
        )
        .await?;
    use register::RegisterRegisterCustomerAccount as R;
    match r.data.register_customer_account {
        R::Success(_) => {}
        R::PasswordValidationError(e) => {
            tracing::info!(why = %e.validation_error_message, "Vendure refused the password");
            return Err(CommerceError::Refused(Refusal::PasswordRejected));
        }
        R::MissingPasswordError(e) => return Err(refused(e.message)),
        R::NativeAuthStrategyError(e) => return Err(CommerceError::Unavailable(e.message)),
    }
    // Vendure answers success for an address it already knows (so nobody can probe for
    // accounts); only signing in tells whether the account is this shopper's.
    match store.sign_in(email, password, cart).await {
        Err(CommerceError::InvalidCredentials) => Err(CommerceError::EmailTaken),
        other => other,
    }
}

pub(super) async fn sign_in(
    store: &VendureStore,
    email: &str,
    password: &str,
    cart: Option<&str>,
) -> CommerceResult<SignedIn> {
    // Signing in from the cart's session moves the cart into the account's.
    let r = store
        .client
        .call::<LogIn>(
            log_in::Variables {
                email: email.to_string(),
                password: password.to_string(),
            },
            cart,
            Kind::Write,
        )
        .await?;
    use log_in::LogInLogin as R;
    match r.data.login {
        R::CurrentUser(_) => {}
        R::InvalidCredentialsError(_) => return Err(CommerceError::InvalidCredentials),
        R::NotVerifiedError(_) => return Err(CommerceError::Refused(Refusal::EmailNotConfirmed)),
        R::NativeAuthStrategyError(e) => return Err(CommerceError::Unavailable(e.message)),
    }
    let token = r
        .token
        .ok_or_else(|| CommerceError::Unavailable("Vendure issued no session".into()))?;
    Ok(SignedIn {
        customer: store.customer(&token).await?,
        cart_token: Some(token),
    })
}

pub(super) async fn sign_out(store: &VendureStore, customer_id: &str) -> CommerceResult<bool> {
    store
        .client
        .call::<LogOut>(log_out::Variables {}, Some(customer_id), Kind::Write)
        .await?;
    Ok(true)
}

/// A Vendure customer is known by their session: the id is its token, which the
/// storefront keeps in its signed, HttpOnly session cookie.
pub(super) async fn customer(store: &VendureStore, id: &str) -> CommerceResult<Customer> {
    let r = store
        .client
        .call::<Me>(me::Variables {}, Some(id), Kind::Read)
        .await?;
    let gone = || CommerceError::NotFound(Thing::Customer);
    if r.token.as_deref().is_some_and(|t| t != id) {
        return Err(gone());
    }
    let c = r.data.active_customer.ok_or_else(gone)?;
    let text = |s: Option<String>| s.unwrap_or_default();
    Ok(Customer {
        id: id.to_string(),
        email: c.email_address,
        name: format!("{} {}", c.first_name, c.last_name)
            .trim()
            .to_string(),
        addresses: c
            .addresses
            .unwrap_or_default()
            .into_iter()
            .map(|a| Address {
                name: text(a.full_name),
                line1: a.street_line1,
                line2: text(a.street_line2),
                city: text(a.city),
                postcode: text(a.postal_code),
                country: a.country.code,
            })
            .collect(),
    })
}

pub(super) async fn orders_for(
    store: &VendureStore,
    customer_id: &str,
) -> CommerceResult<Vec<OrderSummary>> {
    let r = store
        .client
        .call::<MyOrders>(my_orders::Variables {}, Some(customer_id), Kind::Read)
        .await?;
    let c = r
        .data
        .active_customer
        .ok_or(CommerceError::NotFound(Thing::Customer))?;
    c.orders
        .items
        .into_iter()
        .filter(|o| !o.active)
        .map(|o| {
            let code = format!("{:?}", o.currency_code);
            let currency = Currency::parse(&code).ok_or_else(|| {
                CommerceError::Unavailable(format!("Vendure order in unsupported {code}"))
            })?;
            Ok(OrderSummary {
                code: o.code,
                placed_at: catalogue::epoch_seconds(
                    o.order_placed_at.as_deref().unwrap_or(&o.created_at),
                ),
                status: orders::status(&o.state),
                total: crate::commerce::Money::new(o.total_with_tax, currency),
                item_count: o.total_quantity.max(0) as u32,
            })
        })
        .collect()
}
