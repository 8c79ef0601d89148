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
    if value.chars().count() > max {
        return Err(field(name, strings::TOO_LONG));
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
        return Err(field(name, strings::UNUSUAL_CHARACTERS));
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
