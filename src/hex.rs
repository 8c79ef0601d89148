//! Lowercase hex: how random tokens, MACs and cookie payloads are written.

pub fn encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// `None` for an odd length or any character that is not a hex digit.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    // from_str_radix alone would take "+f" as a digit pair.
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// `n` random bytes as hex: cart tokens, checkout attempt keys, secrets.
pub fn random<const N: usize>() -> String {
    encode(&rand::random::<[u8; N]>())
}

/// Whether `s` could be one of [`random`]'s `N`-byte tokens: a check on input before any
/// lookup, so a hostile value never reaches a query or a cookie.
pub fn could_be_random<const N: usize>(s: &str) -> bool {
    s.len() == 2 * N && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(super::encode(&[0, 0xab, 0xff]), "00abff");
        assert_eq!(super::decode("00abff"), Some(vec![0, 0xab, 0xff]));
        assert_eq!(super::decode("0g"), None);
        assert_eq!(super::decode("abc"), None);
        assert_eq!(super::decode("+f"), None, "a sign is not a digit");
        assert_eq!(super::decode("-1"), None);
        assert_eq!(super::random::<16>().len(), 32);
    }
}
