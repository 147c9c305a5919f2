//! Content-derived ids: the same content always gets the same id, on any
//! machine and in any run.

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The SplitMix64 finaliser: spreads FNV-1a's weak low-entropy bits so
/// that similar contents get ids that differ from the first digit.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `<prefix>-` and 16 hex digits of the (mixed) FNV-1a hash of `parts`
/// joined by a unit separator (which cannot occur in the parts' usual
/// content).
pub fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let joined = parts.join("\u{1f}");
    format!("{prefix}-{:016x}", mix64(fnv1a64(joined.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_id("ev", &["a", "b"]), stable_id("ev", &["a", "b"]));
        assert_ne!(stable_id("ev", &["ab", ""]), stable_id("ev", &["a", "b"]));
    }
}
