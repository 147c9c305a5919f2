//! The corpus side of scoring: the document text (to find gold evidence
//! that has no span) and the language (to break scores down by language).
//! Every other corpus field (`url`, `date`, ...) is ignored.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::EvalError;
use crate::gold::parse_lines;

/// One corpus line, reduced to what the scorer needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusDoc {
    /// The document id.
    pub id: String,
    /// ISO 639-1 language code, when given.
    #[serde(default)]
    pub lang: Option<String>,
    /// The article text, unchanged.
    #[serde(default)]
    pub text: String,
}

impl CorpusDoc {
    /// The language as a group key: trimmed and lowercased, `None` if empty.
    pub fn lang_key(&self) -> Option<String> {
        let lang = self.lang.as_deref()?.trim().to_lowercase();
        (!lang.is_empty()).then_some(lang)
    }
}

/// Reads a corpus file (JSON Lines: `id`, `lang`, `text`, ...).
pub fn load_corpus(path: &Path) -> Result<Vec<CorpusDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_corpus_lines(&text, &path.display().to_string())
}

/// Parses corpus lines held in memory. Blank lines are skipped; when an id
/// repeats, the scorer uses its first line.
pub fn parse_corpus(jsonl: &str) -> Result<Vec<CorpusDoc>, EvalError> {
    parse_corpus_lines(jsonl, "corpus")
}

fn parse_corpus_lines(jsonl: &str, origin: &str) -> Result<Vec<CorpusDoc>, EvalError> {
    Ok(parse_lines::<CorpusDoc>(jsonl, origin)?
        .into_iter()
        .map(|(_, d)| d)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_parse_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                r#"{"id":"a","url":"u","date":"2022-01","lang":"de","text":"t"}"#,
                Some("de"),
            ),
            (r#"{"id":"a","lang":" EN ","text":"t"}"#, Some("en")),
            (r#"{"id":"a","lang":"","text":"t"}"#, None),
            (r#"{"id":"a","lang":null,"text":"t"}"#, None),
            (r#"{"id":"a","text":"t"}"#, None),
        ];
        for (line, want) in cases {
            let docs = parse_corpus(line).unwrap();
            assert_eq!(docs[0].lang_key().as_deref(), *want, "line {line}");
        }
        assert!(parse_corpus("{\"text\":\"no id\"}").is_err());
    }
}
