//! Document identifiers: the file name without extension for whole-file
//! documents, and a content hash for JSON lines without an `id`.
//!
//! The derived id is `doc-` + 16 lowercase hex digits of the 64-bit FNV-1a
//! hash of the text's UTF-8 bytes, so equal texts get equal ids in every
//! run and on every platform.

use std::path::Path;

/// FNV-1a offset basis (64-bit).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime (64-bit).
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The id of a JSON line that has none: `doc-` + hex FNV-1a of the text.
pub(crate) fn derived_id(text: &str) -> String {
    format!("doc-{:016x}", fnv1a64(text.as_bytes()))
}

/// The id of a whole-file document: the file name without `.gz` and then
/// without its extension (`a/b/de-07.txt.gz` → `de-07`); `stdin` for `-`.
pub(crate) fn file_id(name: &str) -> String {
    if name == "-" {
        return "stdin".to_string();
    }
    let file_name = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let base = strip_suffix_ignore_case(&file_name, ".gz").unwrap_or(&file_name);
    match Path::new(base).file_stem() {
        Some(stem) if !stem.is_empty() => stem.to_string_lossy().into_owned(),
        _ if !base.is_empty() => base.to_string(),
        _ => name.to_string(),
    }
}

/// `s` without `suffix` (ASCII case-insensitive), when it ends with it and
/// something is left.
pub(crate) fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len()).filter(|&cut| cut > 0)?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_fnv1a64_reference_vectors() {
        // Published FNV-1a 64-bit test vectors.
        let cases: &[(&[u8], u64)] = &[
            (b"", 0xcbf29ce484222325),
            (b"a", 0xaf63dc4c8601ec8c),
            (b"foobar", 0x85944171f73967e8),
        ];
        for (input, want) in cases {
            assert_eq!(fnv1a64(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn id_derived_is_stable_and_text_dependent() {
        let a = derived_id("Der Zug fährt um acht.");
        assert_eq!(a, derived_id("Der Zug fährt um acht."));
        assert_ne!(a, derived_id("Der Zug fährt um neun."));
        assert_eq!(a.len(), 4 + 16);
        assert!(a.starts_with("doc-"));
        assert!(
            a[4..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert_eq!(derived_id(""), "doc-cbf29ce484222325");
    }

    #[test]
    fn id_file_id_table() {
        let cases = [
            ("-", "stdin"),
            ("seeds/000_fdef.txt", "000_fdef"),
            ("a/b/de-07.txt.gz", "de-07"),
            ("X.TXT.GZ", "X"),
            ("report.2022.01.txt", "report.2022.01"),
            ("noext", "noext"),
            (".hidden", ".hidden"),
            ("only.gz", "only"),
            (".gz", ".gz"),
            ("ünïcode.txt", "ünïcode"),
        ];
        for (name, want) in cases {
            assert_eq!(file_id(name), want, "name {name:?}");
        }
    }

    #[test]
    fn id_strip_suffix_ignore_case_table() {
        let cases = [
            ("a.gz", ".gz", Some("a")),
            ("a.GZ", ".gz", Some("a")),
            (".gz", ".gz", None),
            ("gz", ".gz", None),
            ("aé", ".gz", None),
            ("é.gz", ".gz", Some("é")),
        ];
        for (s, suffix, want) in cases {
            assert_eq!(strip_suffix_ignore_case(s, suffix), want, "{s:?}");
        }
    }
}
