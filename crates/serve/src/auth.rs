//! The write token: `Authorization: Bearer <token>`, compared in constant time.

use crate::error::{ApiError, ApiResult};
use axum::http::{HeaderMap, header};

/// Refuses the request unless the server has a token and the request carries it:
/// 403 when the server was started without one (it takes no writes), 401 when the
/// header is missing or the token is wrong.
pub fn require_token(expected: Option<&str>, headers: &HeaderMap) -> ApiResult<()> {
    let Some(expected) = expected else {
        return Err(ApiError::forbidden(
            "this server takes no writes: start it with --token or PACTWATCH_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            let (scheme, token) = value.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    match given {
        None => Err(ApiError::unauthorized(
            "missing token: send Authorization: Bearer <token>",
        )),
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::unauthorized("wrong token")),
    }
}

/// Equality whose time does not depend on where the inputs differ (only on lengths).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut difference = a.len() ^ b.len();
    for (at, &byte) in b.iter().enumerate() {
        difference |= usize::from(a.get(at).copied().unwrap_or(0) ^ byte);
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn tokens() {
        assert_eq!(
            require_token(None, &with("Bearer x")).unwrap_err().status,
            403
        );
        assert_eq!(
            require_token(Some("s3cret"), &HeaderMap::new())
                .unwrap_err()
                .status,
            401
        );
        assert_eq!(
            require_token(Some("s3cret"), &with("Bearer s3cre"))
                .unwrap_err()
                .status,
            401
        );
        assert_eq!(
            require_token(Some("s3cret"), &with("Basic s3cret"))
                .unwrap_err()
                .status,
            401
        );
        assert!(require_token(Some("s3cret"), &with("Bearer s3cret")).is_ok());
        assert!(require_token(Some("s3cret"), &with("bearer  s3cret ")).is_ok());
    }

    #[test]
    fn constant_time_eq_is_eq() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"ab", b"abc"));
        assert!(!constant_time_eq(b"abcd", b"abc"));
        assert!(constant_time_eq(b"", b""));
    }
}
