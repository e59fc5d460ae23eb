//! Regular expressions supplied by tenants. The `regex` engine runs in time
//! linear in the input, so no pattern can stall routing; the size limits
//! bound the memory a compiled pattern may take.

use regex::{Regex, RegexBuilder};

pub const MAX_PATTERN_LEN: usize = 1_000;
const COMPILED_SIZE_LIMIT: usize = 256 * 1024;

/// # Errors
/// Why the pattern is unusable, in words for the tenant.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    if pattern.is_empty() {
        return Err("the pattern is empty".to_owned());
    }
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(format!(
            "the pattern is longer than {MAX_PATTERN_LEN} characters"
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(COMPILED_SIZE_LIMIT)
        .dfa_size_limit(COMPILED_SIZE_LIMIT)
        .build()
        .map_err(|err| match err {
            regex::Error::CompiledTooBig(_) => "the pattern is too complex".to_owned(),
            other => format!("not a valid regular expression: {other}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_patterns_compile_and_bad_ones_say_why() {
        assert!(compile(r"^order-\d+$").unwrap().is_match("order-42"));
        assert!(compile("(unclosed").unwrap_err().contains("not a valid"));
        assert!(compile("").is_err());
        assert!(
            compile(&"a".repeat(MAX_PATTERN_LEN + 1))
                .unwrap_err()
                .contains("longer")
        );
        assert!(
            compile(r"\w{1000}\w{1000}")
                .unwrap_err()
                .contains("too complex")
        );
    }

    #[test]
    fn backreferences_which_need_backtracking_are_refused() {
        assert!(compile(r"(a)\1").is_err());
    }
}
