//! The checkout form's rules, shared: the server enforces them on every submission and the
//! browser runs the same ones as the shopper types, so both say the same thing.

use super::checkout::AddressNames;
use super::ApiError;
use crate::commerce::checkout::SHIPS_TO;
use crate::commerce::Address;
use crate::words::{Label, Problem};

pub fn text(
    name: &str,
    label: Label,
    value: &str,
    max: usize,
    required: bool,
) -> Result<String, ApiError> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(ApiError::field(name, Problem::Required(label)));
    }
    if value.chars().count() > max {
        return Err(ApiError::field(name, Problem::TooLong));
    }
    // Line breaks are fine in a gift message (a few of them); no other control characters
    // anywhere, nor the invisible marks that make text read in another order than it is
    // stored (a name that shows as something else on a packing slip or in an account).
    let multiline = name == "gift_message";
    let value = value.replace("\r\n", "\n");
    if value
        .chars()
        .any(|c| (c.is_control() && !(multiline && c == '\n')) || reorders_text(c))
        || value.lines().count() > MAX_MESSAGE_LINES
    {
        return Err(ApiError::field(name, Problem::UnusualCharacters));
    }
    Ok(value)
}

/// Lines a gift message may have.
const MAX_MESSAGE_LINES: usize = 8;

/// Unicode's bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn reorders_text(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn email(value: &str) -> Result<String, ApiError> {
    let email = value.trim();
    let ok = email.len() <= 254
        && !email.contains(|c: char| c.is_whitespace() || c.is_control() || reorders_text(c))
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
        Err(ApiError::field("email", Problem::BadEmail))
    }
}

pub fn address(names: &AddressNames, values: [&str; 6]) -> Result<Address, ApiError> {
    let [n_name, n_line1, n_line2, n_city, n_postcode, n_country] = *names;
    let [name, line1, line2, city, postcode, country] = values;
    let name = text(n_name, Label::FullName, name, 100, true)?;
    let line1 = text(n_line1, Label::Address, line1, 200, true)?;
    let line2 = text(n_line2, Label::Address2, line2, 200, false)?;
    let city = text(n_city, Label::City, city, 100, true)?;
    let postcode = self::postcode(n_postcode, postcode)?;
    let country = country.trim().to_ascii_uppercase();
    if !SHIPS_TO.contains(&country.as_str()) {
        return Err(ApiError::field(n_country, Problem::BadCountry));
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
    let postcode = text(name, Label::Postcode, value, 16, true)?;
    if !postcode
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(ApiError::field(name, Problem::BadPostcode));
    }
    Ok(postcode)
}

/// The message a field shows as the shopper types, or `None` when it is fine so far.
pub fn message<T>(result: Result<T, ApiError>) -> Option<String> {
    match result.err()? {
        ApiError::Field { problem, .. } | ApiError::Invalid(problem) => {
            Some(crate::w!(problem)(&problem))
        }
        other => Some(other.to_string()),
    }
}
