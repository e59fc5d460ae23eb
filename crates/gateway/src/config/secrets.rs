//! The keyring that encrypts datasource credentials, from
//! `TRELLIS_SECRET_KEY` and `TRELLIS_SECRET_KEYS_PREVIOUS`.

use std::collections::HashMap;
use std::sync::Arc;

use trellis_datasources::Keyring;

/// The keyring from `TRELLIS_SECRET_KEY` and `TRELLIS_SECRET_KEYS_PREVIOUS`,
/// and whether it is development's fixed key. Problems name the variable and
/// what is wrong, never the key itself (so not through `Parser::parse`,
/// which quotes the value).
pub(super) fn keyring(
    vars: &HashMap<String, String>,
    dev: bool,
    problems: &mut Vec<String>,
) -> (Arc<Keyring>, bool) {
    const HOW: &str = "generate one with `openssl rand -base64 32`, optionally prefixed \
                       with a key id as `k1:<key>`";
    let previous: Vec<String> = vars
        .get("TRELLIS_SECRET_KEYS_PREVIOUS")
        .map(|raw| {
            raw.split(',')
                .map(str::trim)
                .filter(|key| !key.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let development = || (Arc::new(Keyring::development()), true);
    match vars.get("TRELLIS_SECRET_KEY") {
        Some(current) => match Keyring::parse(current, &previous) {
            Ok(keyring) => (Arc::new(keyring), false),
            Err(reason) => {
                problems.push(format!("{reason} ({HOW})"));
                development()
            }
        },
        None if !previous.is_empty() => {
            problems.push(
                "TRELLIS_SECRET_KEYS_PREVIOUS is set but TRELLIS_SECRET_KEY is not: previous \
                 keys only decrypt, a current key is needed to encrypt"
                    .to_owned(),
            );
            development()
        }
        None if dev => development(),
        None => {
            problems.push(format!(
                "TRELLIS_SECRET_KEY is required in production: it encrypts datasource \
                 credentials ({HOW})"
            ));
            development()
        }
    }
}
