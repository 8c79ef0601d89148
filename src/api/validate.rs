//! Argument checks shared by server functions, so each refuses bad input the same way.

use super::ApiError;
use crate::commerce::{Refusal, Thing, MAX_LINE_QUANTITY};
use crate::words::Problem;

/// A product or category handle: short, lowercase letters, digits and dashes.
pub fn handle(raw: &str) -> Result<String, ApiError> {
    let ok = !raw.is_empty()
        && raw.len() <= 120
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(raw.to_string())
    } else {
        Err(ApiError::NotFound(Thing::Page))
    }
}

/// A backend's variant id: opaque, but bounded and printable.
pub fn variant_id(raw: &str) -> Result<String, ApiError> {
    let raw = raw.trim();
    let ok = !raw.is_empty()
        && raw.len() <= 64
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(raw.to_string())
    } else {
        Err(ApiError::Invalid(Problem::ChooseOption))
    }
}

/// A quantity typed by a shopper; `min` is 0 where zero means "remove".
pub fn quantity(raw: i64, min: u32) -> Result<u32, ApiError> {
    if raw < i64::from(min) {
        return Err(ApiError::Invalid(Problem::Refused(
            Refusal::QuantityTooSmall { min },
        )));
    }
    if raw > i64::from(MAX_LINE_QUANTITY) {
        return Err(ApiError::Invalid(Problem::Refused(
            Refusal::QuantityTooLarge {
                max: MAX_LINE_QUANTITY,
            },
        )));
    }
    Ok(raw as u32)
}

pub fn page(raw: u32) -> u32 {
    raw.clamp(1, 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_slugs() {
        assert!(handle("everyday-crew-tee").is_ok());
        assert!(handle("").is_err());
        assert!(handle("../etc/passwd").is_err());
        assert!(handle("Tee").is_err());
        assert!(handle(&"a".repeat(121)).is_err());
    }

    #[test]
    fn quantities_are_bounded_with_reasons() {
        assert_eq!(quantity(3, 1), Ok(3));
        assert_eq!(quantity(0, 0), Ok(0));
        let too_small = ApiError::Invalid(Problem::Refused(Refusal::QuantityTooSmall { min: 1 }));
        assert_eq!(quantity(0, 1), Err(too_small));
        assert!(matches!(quantity(-5, 0), Err(ApiError::Invalid(_))));
        assert!(
            matches!(quantity(1_000_000_000_000, 1), Err(ApiError::Invalid(Problem::Refused(Refusal::QuantityTooLarge { max }))) if max == 99)
        );
    }

    #[test]
    fn variant_ids_refuse_markup_and_length() {
        assert_eq!(variant_id(" 42 "), Ok("42".into()));
        assert!(variant_id("<script>").is_err());
        assert!(variant_id(&"9".repeat(65)).is_err());
    }
}
