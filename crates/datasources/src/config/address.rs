//! Where a config points: a SQL server URL, an HTTP base URL, or a SQLite
//! file inside the server's datasource files directory.

use trellis_kernel::FieldErrors;

use super::Protocol;

/// Checks `raw` as the address for `protocol` and returns it normalised.
pub fn parse_base_url(
    protocol: Protocol,
    raw: Option<&str>,
    errors: &mut FieldErrors,
    field: &str,
) -> Option<String> {
    let raw = raw.map(str::trim).unwrap_or_default();
    if protocol == Protocol::File {
        if !raw.is_empty() {
            errors.add(
                field,
                "must be empty for FILE: the CSV is uploaded to the datasource",
            );
            return None;
        }
        return Some(String::new());
    }
    if raw.is_empty() {
        errors.add(field, format!("is required for {}", protocol.as_str()));
        return None;
    }
    if raw.len() > 2048 {
        errors.add(field, "must be at most 2048 characters");
        return None;
    }
    if protocol == Protocol::Sqlite {
        return parse_sqlite_path(raw, errors, field);
    }
    let url = match url::Url::parse(raw) {
        Ok(url) => url,
        Err(err) => {
            errors.add(field, format!("is not a URL: {err}"));
            return None;
        }
    };
    let schemes: &[&str] = match protocol {
        Protocol::Postgresql => &["postgres", "postgresql"],
        Protocol::Mysql => &["mysql", "mariadb"],
        _ => &["http", "https"],
    };
    if !schemes.contains(&url.scheme()) {
        errors.add(
            field,
            format!(
                "must start with {}:// for {}",
                schemes.join(":// or "),
                protocol.as_str()
            ),
        );
        return None;
    }
    if url.host_str().is_none_or(str::is_empty) {
        errors.add(field, "must name a host");
        return None;
    }
    if !url.username().is_empty() || url.password().is_some() {
        errors.add(
            field,
            "must not hold credentials; put them in authConfig, which is encrypted",
        );
        return None;
    }
    if url.fragment().is_some() {
        errors.add(field, "must not have a #fragment");
        return None;
    }
    if protocol != Protocol::Http {
        if url.path().trim_start_matches('/').is_empty() {
            errors.add(
                field,
                "must name the database, as in postgres://host:5432/name",
            );
            return None;
        }
        if url.query().is_some() {
            errors.add(field, "must not have query parameters");
            return None;
        }
    }
    Some(url.to_string().trim_end_matches('/').to_owned())
}

/// A SQLite file is named relative to the server's datasource files
/// directory; absolute paths and `..` would reach the server's own files.
fn parse_sqlite_path(raw: &str, errors: &mut FieldErrors, field: &str) -> Option<String> {
    let path = raw
        .strip_prefix("sqlite://")
        .or_else(|| raw.strip_prefix("sqlite:"))
        .unwrap_or(raw);
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.starts_with('\\')
        || path.contains(':')
        || path.contains('\0')
        || path
            .split(['/', '\\'])
            .any(|part| part == ".." || part.is_empty());
    if bad {
        errors.add(
            field,
            "must be a relative file path inside the datasource files directory, without `..`",
        );
        return None;
    }
    Some(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(protocol: Protocol, raw: &str) -> Result<String, String> {
        let mut errors = FieldErrors::new();
        parse_base_url(protocol, Some(raw), &mut errors, "baseUrl")
            .ok_or_else(|| errors.into_result().unwrap_err().to_string())
    }

    #[test]
    fn sql_urls_need_a_database_and_no_credentials() {
        assert_eq!(
            base(Protocol::Postgresql, "postgres://db.example.com:5432/crm").unwrap(),
            "postgres://db.example.com:5432/crm"
        );
        let err = base(Protocol::Postgresql, "postgres://u:p@db.example.com/crm").unwrap_err();
        assert!(err.contains("authConfig"), "{err}");
        let err = base(Protocol::Mysql, "mysql://db.example.com").unwrap_err();
        assert!(err.contains("database"), "{err}");
        let err = base(Protocol::Mysql, "http://db.example.com/x").unwrap_err();
        assert!(err.contains("mysql://"), "{err}");
    }

    #[test]
    fn sqlite_paths_stay_inside_the_files_directory() {
        assert_eq!(
            base(Protocol::Sqlite, "sqlite:crm/customers.db").unwrap(),
            "crm/customers.db"
        );
        for bad in ["/etc/passwd", "../trellis.db", "a/../../b", "C:\\x.db"] {
            assert!(base(Protocol::Sqlite, bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn file_configs_take_no_address() {
        assert_eq!(base(Protocol::File, "").unwrap(), "");
        assert!(base(Protocol::File, "https://x.example").is_err());
    }
}
