//! Bytes to UTF-8 text: BOMs, UTF-16, UTF-32, repair of invalid UTF-8, and refusal of
//! binary junk.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use pw_model::Diagnostic;
use std::borrow::Cow;

/// How many leading bytes are inspected for binary content.
const SNIFF_BYTES: usize = 8 * 1024;

/// Why bytes could not become text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    Binary,
}

/// Decodes `bytes` into text.
///
/// - A UTF-8 BOM is dropped; UTF-16 (LE or BE) is decoded when it has a BOM, or when
///   it has none but every other byte of the start is NUL (ASCII-range UTF-16).
/// - UTF-32 (LE or BE, with a BOM, or without one when every 4-byte unit of the start
///   is a code point and most are ASCII) is decoded, with a warning `utf32` (it was
///   decoded as UTF-16 into NULs before).
/// - NUL bytes, or more than 10% control characters in the first 8 KB, mean binary
///   content and an error.
/// - Invalid UTF-8 is repaired: when no valid multi-byte UTF-8 sequence appears at
///   all, the bytes are taken as windows-1252 (a superset of Latin-1, which decodes
///   every byte); otherwise each invalid sequence becomes U+FFFD. Either way a
///   warning `invalid_utf8` says how many sequences were repaired.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<Diagnostic>), DecodeError> {
    let mut diagnostics = Vec::new();
    // Before the UTF-16 BOM check: `FF FE 00 00` starts with UTF-16LE's BOM.
    if let Some(big_endian) = utf32(bytes) {
        return Ok(decode_utf32(bytes, big_endian));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_16LE || encoding == UTF_16BE {
            return Ok(decode_utf16(encoding, body));
        }
        return decode(body);
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return Ok(decode_utf16(encoding, bytes));
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), diagnostics)),
        Err(_) => {
            let mut invalid = 0usize;
            let mut multibyte = false;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                }
                multibyte |= !chunk.valid().is_ascii();
            }
            let text = if multibyte {
                diagnostics.push(Diagnostic::warning(
                    "invalid_utf8",
                    format!("repaired {invalid} invalid byte sequences"),
                ));
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                diagnostics.push(Diagnostic::warning(
                    "invalid_utf8",
                    format!("repaired {invalid} invalid byte sequences (decoded as windows-1252)"),
                ));
                WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned()
            };
            Ok((Cow::Owned(text), diagnostics))
        }
    }
}

fn decode_utf16(encoding: &'static Encoding, body: &[u8]) -> (Cow<'static, str>, Vec<Diagnostic>) {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let mut diagnostics = Vec::new();
    if had_errors {
        diagnostics.push(Diagnostic::warning(
            "invalid_utf16",
            "repaired invalid UTF-16 sequences",
        ));
    }
    (Cow::Owned(text.into_owned()), diagnostics)
}

/// `Some(big_endian)` when the bytes are UTF-32: a BOM, or, without one, a start of
/// whole 4-byte units that are all code points, at least half of them ASCII letters,
/// digits or spaces.
fn utf32(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Some(false);
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some(true);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !3];
    if head.len() < 8 {
        return None;
    }
    [false, true].into_iter().find(|&big_endian| {
        let mut ascii = 0usize;
        let units = head
            .chunks_exact(4)
            .map(|unit| unit_value(unit, big_endian));
        let all_chars = units
            .inspect(|&value| {
                ascii += usize::from((0x20..0x7F).contains(&value) || value == 0x0A);
            })
            .all(|value| value != 0 && char::from_u32(value).is_some());
        all_chars && ascii * 2 >= head.len() / 4
    })
}

fn unit_value(unit: &[u8], big_endian: bool) -> u32 {
    let unit = [unit[0], unit[1], unit[2], unit[3]];
    if big_endian {
        u32::from_be_bytes(unit)
    } else {
        u32::from_le_bytes(unit)
    }
}

fn decode_utf32(bytes: &[u8], big_endian: bool) -> (Cow<'static, str>, Vec<Diagnostic>) {
    let bom = u32::from('\u{FEFF}');
    let mut text = String::with_capacity(bytes.len() / 4);
    let mut invalid = 0usize;
    for (index, unit) in bytes.chunks(4).enumerate() {
        if unit.len() < 4 {
            invalid += 1;
            text.push('\u{FFFD}');
            continue;
        }
        let value = unit_value(unit, big_endian);
        if index == 0 && value == bom {
            continue;
        }
        match char::from_u32(value) {
            Some(c) => text.push(c),
            None => {
                invalid += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    let order = if big_endian { "BE" } else { "LE" };
    let mut message = format!("decoded as UTF-32{order}");
    if invalid > 0 {
        message.push_str(&format!(", {invalid} invalid units replaced"));
    }
    (
        Cow::Owned(text),
        vec![Diagnostic::warning("utf32", message)],
    )
}

/// UTF-16 without a BOM: NULs only at odd (LE) or only at even (BE) positions of the
/// start, and at least a third of those positions NUL (ASCII-range text).
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    if even_nul == 0 && odd_nul * 3 >= pairs {
        Some(UTF_16LE)
    } else if odd_nul == 0 && even_nul * 3 >= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes, or more than 10% control characters other than whitespace, in the first 8 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_borrowed() {
        let (text, diagnostics) = decode("Iran – Bolivia".as_bytes()).unwrap();
        assert!(matches!(text, Cow::Borrowed("Iran – Bolivia")));
        assert!(diagnostics.is_empty());
        let (text, _) = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(text, "hello");
    }

    #[test]
    fn latin1_is_decoded_as_windows_1252() {
        let (text, diagnostics) = decode(b"Caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(text, "Café “quoted”");
        assert_eq!(diagnostics[0].code, "invalid_utf8");
        assert_eq!(
            diagnostics[0].message,
            "repaired 3 invalid byte sequences (decoded as windows-1252)"
        );
    }

    #[test]
    fn mixed_bytes_are_repaired_lossily() {
        let (text, diagnostics) = decode(b"Caf\xc3\xa9 \xff\xfe end").unwrap();
        assert_eq!(text, "Café \u{fffd}\u{fffd} end");
        assert_eq!(diagnostics[0].message, "repaired 2 invalid byte sequences");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Iran signed".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap().0, "Iran signed");
        let mut be = vec![0xfe, 0xff];
        be.extend("Iran signed".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().0, "Iran signed");
        let bare: Vec<u8> = "Iran signed"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bare).unwrap().0, "Iran signed");
    }

    #[test]
    fn utf32_is_decoded_with_a_warning_not_read_as_utf16() {
        let text = "Iran signed – a pact";
        let le: Vec<u8> = std::iter::once('\u{FEFF}')
            .chain(text.chars())
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        let (decoded, diagnostics) = decode(&le).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(diagnostics[0].code, "utf32");
        assert_eq!(diagnostics[0].message, "decoded as UTF-32LE");
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect();
        let (decoded, diagnostics) = decode(&be).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(diagnostics[0].message, "decoded as UTF-32BE");
        assert!(!decoded.contains('\0'));
        // UTF-16 is still UTF-16.
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&utf16).unwrap().0, text);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00abc").unwrap_err(),
            DecodeError::Binary
        );
        let controls: Vec<u8> = (0..100u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(decode(&controls).unwrap_err(), DecodeError::Binary);
        assert!(decode(b"tab\tand\r\nnewline\x0c").is_ok());
    }
}
