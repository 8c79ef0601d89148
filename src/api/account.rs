//! Accounts: register, sign in, sign out, and the account page's data. The session is a
//! signed, HttpOnly cookie naming the customer; sign-in attempts are rate limited.

use super::ApiError;
use crate::commerce::{Customer, OrderSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountData {
    pub customer: Customer,
    /// Each order with the signed token that opens its page.
    pub orders: Vec<(OrderSummary, String)>,
}

/// The signed-in shopper's account, or `None` for a guest.
#[server(endpoint = "account/get", output = crate::api::Answer)]
pub async fn get_account() -> Result<Option<AccountData>, ApiError> {
    let Some(customer) = ssr::signed_in().await? else {
        return Ok(None);
    };
    let signer = super::context::signer()?;
    let orders = super::context::backend()?
        .orders_for(&customer.id)
        .await?
        .into_iter()
        .map(|o| {
            let token = signer.sign("order", &o.code);
            (o, token)
        })
        .collect();
    Ok(Some(AccountData { customer, orders }))
}

#[server(endpoint = "account/register", output = crate::api::Answer)]
pub async fn register(email: String, name: String, password: String) -> Result<(), ApiError> {
    use crate::words::Label;
    let email = super::rules::email(&email)?.to_lowercase();
    let name = super::rules::text("name", Label::FullName, &name, 100, true)?;
    let password = ssr::password(&password)?;
    // Registering an address that exists is a guess at its password on some backends
    // (Vendure signs in to tell), so it shares sign-in's limits.
    let attempt = super::guessing::begin("account", &ssr::target(&email)).await?;
    let registered = super::context::backend()?
        .register(
            &email,
            &name,
            &password,
            super::cart::ssr::token().as_deref(),
        )
        .await;
    let signed_in = ssr::judged(&attempt, registered).await?;
    let key = ssr::key_of(&signed_in.customer.email);
    ssr::start_session(signed_in);
    joined_wishlist(&key).await;
    crate::api::cart::ssr::redirect("/account");
    Ok(())
}

/// What the guest saved joins the account just signed in; failing that, it waits in its
/// cookie.
#[cfg(feature = "ssr")]
async fn joined_wishlist(account: &str) {
    if super::wishlist::ssr::merge_into(account).await.is_err() {
        tracing::warn!("a guest's wishlist could not join the account");
    }
}

#[server(endpoint = "account/sign-in", output = crate::api::Answer)]
pub async fn sign_in(email: String, password: String) -> Result<(), ApiError> {
    let email = email.trim().to_lowercase();
    // Sizes first: nothing the shopper sent is kept (not even as a limiter's key) unchecked.
    // Passwords are counted in characters, as registering counts them.
    if email.len() > 254 || password.chars().count() > 128 {
        return Err(ApiError::Invalid(crate::words::Problem::SignInFailed));
    }
    let attempt = super::guessing::begin("account", &ssr::target(&email)).await?;
    let signed_in = super::context::backend()?
        .sign_in(&email, &password, super::cart::ssr::token().as_deref())
        .await;
    let signed_in = ssr::judged(&attempt, signed_in).await?;
    let key = ssr::key_of(&signed_in.customer.email);
    ssr::start_session(signed_in);
    joined_wishlist(&key).await;
    crate::api::cart::ssr::redirect("/account");
    Ok(())
}

#[server(endpoint = "account/sign-out", output = crate::api::Answer)]
pub async fn sign_out() -> Result<(), ApiError> {
    ssr::sign_out().await?;
    crate::api::cart::ssr::redirect("/account");
    Ok(())
}

#[cfg(feature = "ssr")]
pub use ssr::signed_in;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::api::signed_cookie;
    use crate::api::ApiError;
    use crate::commerce::backend::CommerceError;
    use crate::commerce::Customer;
    use crate::words::Problem;
    use serde::{Deserialize, Serialize};

    const COOKIE: &str = "vitrine_session";
    const DAYS: i64 = 30;

    /// The server keeps no session table: the signed cookie names the customer and says
    /// until when it holds.
    #[derive(Serialize, Deserialize)]
    struct Session {
        customer: String,
        /// Seconds since the Unix epoch.
        expires: i64,
        /// The account's email: what stays the same from one sign-in to the next (`customer`
        /// is the backend's session). Absent from sessions begun before it was kept.
        #[serde(default)]
        email: String,
    }

    /// The limiter's name for an account.
    pub fn target(email: &str) -> String {
        format!("account:{email}")
    }

    /// Counts a wrong password (or a taken address) against the account, and remembers this
    /// browser there once the shopper is in.
    pub async fn judged(
        attempt: &crate::api::guessing::Attempt,
        result: Result<crate::commerce::backend::SignedIn, CommerceError>,
    ) -> Result<crate::commerce::backend::SignedIn, ApiError> {
        match result {
            Ok(signed_in) => {
                attempt.succeeded();
                Ok(signed_in)
            }
            Err(e @ (CommerceError::InvalidCredentials | CommerceError::EmailTaken)) => {
                attempt.failed().await;
                Err(e.into())
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn password(p: &str) -> Result<String, ApiError> {
        let chars = p.chars().count();
        if !(10..=128).contains(&chars) {
            return Err(ApiError::field("password", Problem::PasswordRule));
        }
        Ok(p.to_string())
    }

    /// Names the customer in the session cookie, and takes up the backend's cart token when
    /// the cart moved into the account's session.
    pub fn start_session(signed_in: crate::commerce::backend::SignedIn) {
        if let Some(token) = &signed_in.cart_token {
            crate::api::cart::ssr::set_token(token);
        }
        let session = Session {
            customer: signed_in.customer.id,
            expires: crate::api::clock::now() + DAYS * 86_400,
            email: signed_in.customer.email.to_lowercase(),
        };
        signed_cookie::write(COOKIE, &session, (DAYS * 86_400) as u32);
    }

    pub fn end_session() {
        signed_cookie::clear(COOKIE);
    }

    /// A cookie we did not sign, or one past its date, is a guest.
    /// Ends the session here and with the backend (which may take the cart with it).
    pub async fn sign_out() -> Result<(), ApiError> {
        if let Some(id) = session_customer_id() {
            // When the backend cannot confirm, the cart token may still be the account's
            // session: forget it rather than leave the account open in this browser.
            if !matches!(
                crate::api::context::backend()?.sign_out(&id).await,
                Ok(false)
            ) {
                crate::api::cart::ssr::clear_token();
            }
        }
        end_session();
        Ok(())
    }

    fn session() -> Option<Session> {
        let session: Session = signed_cookie::read(COOKIE)?;
        (session.expires > crate::api::clock::now()).then_some(session)
    }

    /// The customer the session cookie names (signed by us, not past its date); the backend
    /// is not asked.
    pub fn session_customer_id() -> Option<String> {
        session().map(|s| s.customer)
    }

    /// What names the signed-in account in the storefront's own data, the same at every
    /// sign-in and on every instance: a hash of its email (the address itself is the
    /// backend's to keep).
    pub fn account_key() -> Option<String> {
        let email = session()?.email;
        (!email.is_empty()).then(|| key_of(&email))
    }

    pub fn key_of(email: &str) -> String {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(email.to_lowercase());
        format!("account:{}", crate::hex::encode(&digest))
    }

    /// The signed-in customer, or `None`; an account that no longer exists ends the session.
    pub async fn signed_in() -> Result<Option<Customer>, ApiError> {
        let Some(id) = session_customer_id() else {
            return Ok(None);
        };
        match crate::api::context::backend()?.customer(&id).await {
            Ok(c) => Ok(Some(c)),
            Err(CommerceError::NotFound(_)) => {
                end_session();
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }
}
