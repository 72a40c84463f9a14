//! Eight bytes at a time (SWAR): finding the next byte that matters in JSON text, for the
//! capture's string escaper ([`super::capture::push_json_str`]) and the display's compactor.
//!
//! Each mask sets bit 7 of the bytes that match. Borrows only run towards higher bytes, so a
//! mask's lowest set bit is always exact (higher ones may be false): [`skip`] only uses that one,
//! and an OR of masks keeps the property.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `w` equal to `b`.
pub(super) fn eq(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The bytes of `w` below `n` (`n` ≤ 0x80).
pub(super) fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH
}

/// From `i`, the index of the first byte that `mask` flags, or of the first of the last (fewer
/// than eight) bytes, which the caller checks one by one.
pub(super) fn skip(b: &[u8], mut i: usize, mask: impl Fn(u64) -> u64) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let found = mask(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}
