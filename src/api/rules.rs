//! The checkout form's rules, shared: the server enforces them on every submission and the
//! browser runs the same ones as the shopper types, so both say the same thing.

use super::checkout::AddressNames;
use super::ApiError;
use crate::app::strings;
use crate::commerce::Address;

pub fn field(name: &str, message: impl Into<String>) -> ApiError {
    ApiError::Field {
        field: name.into(),
        message: message.into(),
    }
}

pub fn text(
    name: &str,
    label: &str,
    value: &str,
    max: usize,
    required: bool,
) -> Result<String, ApiError> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(field(name, strings::field_required(label)));
    }
    // Newlines are fine in a gift message; no other control characters anywhere.
    if value.chars().count() > max
        || value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r')
        || (name != "gift_message" && value.contains(['\n', '\r']))
    {
        return Err(field(name, strings::TOO_LONG));
    }
    Ok(value.to_string())
}

pub fn email(value: &str) -> Result<String, ApiError> {
    let email = value.trim();
    let ok = email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if ok {
        Ok(email.to_string())
    } else {
        Err(field("email", strings::BAD_EMAIL))
    }
}

pub fn address(names: &AddressNames, values: [&str; 6]) -> Result<Address, ApiError> {
    let [n_name, n_line1, n_line2, n_city, n_postcode, n_country] = *names;
    let [name, line1, line2, city, postcode, country] = values;
    let name = text(n_name, strings::FULL_NAME, name, 100, true)?;
    let line1 = text(n_line1, strings::ADDRESS_LINE1, line1, 200, true)?;
    let line2 = text(n_line2, strings::ADDRESS_LINE2, line2, 200, false)?;
    let city = text(n_city, strings::CITY, city, 100, true)?;
    let postcode = self::postcode(n_postcode, postcode)?;
    let country = country.trim().to_ascii_uppercase();
    if !strings::COUNTRIES.iter().any(|(code, _)| *code == country) {
        return Err(field(n_country, strings::BAD_COUNTRY));
    }
    Ok(Address {
        name,
        line1,
        line2,
        city,
        postcode,
        country,
    })
}

pub fn postcode(name: &str, value: &str) -> Result<String, ApiError> {
    let postcode = text(name, strings::POSTCODE, value, 16, true)?;
    if !postcode
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(field(name, strings::BAD_POSTCODE));
    }
    Ok(postcode)
}

/// The message a field shows as the shopper types, or `None` when it is fine so far.
pub fn message<T>(result: Result<T, ApiError>) -> Option<String> {
    result.err().map(|e| e.to_string())
}
