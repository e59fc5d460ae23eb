//! One result row as JSON values, column by column, by the column's type.
//! Exact numbers (NUMERIC, DECIMAL) and timestamps become strings so that no
//! precision or zone is lost; bytes become base64; an unknown type becomes
//! its text if it has one, else null. Nothing here fails a lookup.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use serde_json::Value;
use sqlx::mysql::MySqlRow;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, Row, Type, TypeInfo, ValueRef};

pub fn pg_row(row: &PgRow) -> Vec<Value> {
    (0..row.len()).map(|i| pg_value(row, i)).collect()
}

pub fn mysql_row(row: &MySqlRow) -> Vec<Value> {
    (0..row.len()).map(|i| mysql_value(row, i)).collect()
}

pub fn sqlite_row(row: &SqliteRow) -> Vec<Value> {
    (0..row.len()).map(|i| sqlite_value(row, i)).collect()
}

fn get<'r, R, T>(row: &'r R, i: usize) -> Option<T>
where
    R: Row,
    T: Decode<'r, R::Database> + Type<R::Database>,
    usize: sqlx::ColumnIndex<R>,
{
    row.try_get::<T, _>(i).ok()
}

fn text(s: String) -> Value {
    Value::String(s)
}

fn bytes(b: Vec<u8>) -> Value {
    Value::String(STANDARD.encode(b))
}

fn utc(t: DateTime<Utc>) -> Value {
    text(t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn naive_datetime(t: NaiveDateTime) -> Value {
    text(t.format("%Y-%m-%dT%H:%M:%S%.f").to_string())
}

fn pg_value(row: &PgRow, i: usize) -> Value {
    let Ok(raw) = row.try_get_raw(i) else {
        return Value::Null;
    };
    if raw.is_null() {
        return Value::Null;
    }
    let ty = raw.type_info().into_owned();
    let value = match ty.name() {
        "BOOL" => get::<_, bool>(row, i).map(Value::Bool),
        "INT2" => get::<_, i16>(row, i).map(Value::from),
        "INT4" => get::<_, i32>(row, i).map(Value::from),
        "INT8" => get::<_, i64>(row, i).map(Value::from),
        "OID" => get::<_, sqlx::postgres::types::Oid>(row, i).map(|oid| Value::from(oid.0)),
        "FLOAT4" => get::<_, f32>(row, i).map(|f| Value::from(f64::from(f))),
        "FLOAT8" => get::<_, f64>(row, i).map(Value::from),
        "NUMERIC" => raw.as_bytes().ok().and_then(pg_numeric).map(text),
        "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => get::<_, String>(row, i).map(text),
        "UUID" => get::<_, sqlx::types::Uuid>(row, i).map(|u| text(u.to_string())),
        "JSON" | "JSONB" => get::<_, Value>(row, i),
        "TIMESTAMPTZ" => get::<_, DateTime<Utc>>(row, i).map(utc),
        "TIMESTAMP" => get::<_, NaiveDateTime>(row, i).map(naive_datetime),
        "DATE" => get::<_, NaiveDate>(row, i).map(|d| text(d.to_string())),
        "TIME" => get::<_, NaiveTime>(row, i).map(|t| text(t.to_string())),
        "BYTEA" => get::<_, Vec<u8>>(row, i).map(bytes),
        "TEXT[]" | "VARCHAR[]" | "BPCHAR[]" | "NAME[]" => {
            get::<_, Vec<Option<String>>>(row, i).map(Value::from)
        }
        "INT2[]" => get::<_, Vec<Option<i16>>>(row, i).map(Value::from),
        "INT4[]" => get::<_, Vec<Option<i32>>>(row, i).map(Value::from),
        "INT8[]" => get::<_, Vec<Option<i64>>>(row, i).map(Value::from),
        "BOOL[]" => get::<_, Vec<Option<bool>>>(row, i).map(Value::from),
        // Enums, citext and other text-like types arrive as their text.
        _ => raw
            .as_str()
            .ok()
            .filter(|s| is_plain_text(s))
            .map(|s| text(s.to_owned())),
    };
    value.unwrap_or(Value::Null)
}

fn mysql_value(row: &MySqlRow, i: usize) -> Value {
    let Ok(raw) = row.try_get_raw(i) else {
        return Value::Null;
    };
    if raw.is_null() {
        return Value::Null;
    }
    let ty = raw.type_info().into_owned();
    let unchecked_text = || row.try_get_unchecked::<String, _>(i).ok().map(text);
    let value = match ty.name() {
        "BOOLEAN" => get::<_, bool>(row, i).map(Value::Bool),
        "TINYINT" | "SMALLINT" | "MEDIUMINT" | "INT" | "BIGINT" => {
            get::<_, i64>(row, i).map(Value::from)
        }
        "TINYINT UNSIGNED" | "SMALLINT UNSIGNED" | "MEDIUMINT UNSIGNED" | "INT UNSIGNED"
        | "BIGINT UNSIGNED" | "YEAR" => get::<_, u64>(row, i).map(Value::from),
        "FLOAT" => get::<_, f32>(row, i).map(|f| Value::from(f64::from(f))),
        "DOUBLE" => get::<_, f64>(row, i).map(Value::from),
        // DECIMAL travels as its decimal text even in the binary protocol.
        "DECIMAL" => unchecked_text(),
        "DATETIME" => get::<_, NaiveDateTime>(row, i).map(naive_datetime),
        // The session time zone is UTC (set on connect), so TIMESTAMP is UTC.
        "TIMESTAMP" => get::<_, DateTime<Utc>>(row, i).map(utc),
        "DATE" => get::<_, NaiveDate>(row, i).map(|d| text(d.to_string())),
        "TIME" => get::<_, sqlx::mysql::types::MySqlTime>(row, i).map(|t| text(t.to_string())),
        "JSON" => get::<_, Value>(row, i).or_else(unchecked_text),
        "BINARY" | "VARBINARY" | "TINYBLOB" | "BLOB" | "MEDIUMBLOB" | "LONGBLOB" | "BIT"
        | "GEOMETRY" => row.try_get_unchecked::<Vec<u8>, _>(i).ok().map(bytes),
        _ => get::<_, String>(row, i)
            .map(text)
            .or_else(|| unchecked_text().filter(|v| v.as_str().is_some_and(is_plain_text))),
    };
    value.unwrap_or(Value::Null)
}

fn sqlite_value(row: &SqliteRow, i: usize) -> Value {
    let Ok(raw) = row.try_get_raw(i) else {
        return Value::Null;
    };
    if raw.is_null() {
        return Value::Null;
    }
    // SQLite types values, not columns: the storage class decides, except
    // that an integer in a column declared BOOLEAN is a boolean.
    let storage = raw.type_info().into_owned();
    let declared = row
        .columns()
        .get(i)
        .map(|c| sqlx::Column::type_info(c).name().to_owned());
    let value = match storage.name() {
        "INTEGER" if declared.as_deref() == Some("BOOLEAN") => {
            get::<_, i64>(row, i).map(|n| Value::Bool(n != 0))
        }
        "INTEGER" => get::<_, i64>(row, i).map(Value::from),
        "REAL" => get::<_, f64>(row, i).map(Value::from),
        "BLOB" => get::<_, Vec<u8>>(row, i).map(bytes),
        _ => row.try_get_unchecked::<String, _>(i).ok().map(text),
    };
    value.unwrap_or(Value::Null)
}

/// Text without control characters (tabs and line breaks aside): what a
/// binary value of an unknown type is unlikely to look like.
fn is_plain_text(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// PostgreSQL's binary NUMERIC as decimal text: a header of digit count,
/// weight (base-10000 exponent of the first digit), sign and display scale,
/// then base-10000 digits.
pub fn pg_numeric(buf: &[u8]) -> Option<String> {
    let word = |at: usize| -> Option<u16> {
        let b = buf.get(at..at + 2)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    };
    let ndigits = usize::from(word(0)?);
    let weight = i32::from(word(2)? as i16);
    let sign = word(4)?;
    let dscale = usize::from(word(6)?);
    match sign {
        0x0000 | 0x4000 => {}
        0xC000 => return Some("NaN".into()),
        0xD000 => return Some("Infinity".into()),
        0xF000 => return Some("-Infinity".into()),
        _ => return None,
    }
    if buf.len() != 8 + 2 * ndigits {
        return None;
    }
    let digits: Vec<u16> = (0..ndigits)
        .map(|k| word(8 + 2 * k))
        .collect::<Option<_>>()?;
    if digits.iter().any(|&d| d > 9999) {
        return None;
    }
    let digit = |k: i32| -> u16 {
        usize::try_from(k)
            .ok()
            .and_then(|k| digits.get(k).copied())
            .unwrap_or(0)
    };
    let mut out = String::new();
    if sign == 0x4000 && !digits.iter().all(|&d| d == 0) {
        out.push('-');
    }
    if weight < 0 {
        out.push('0');
    } else {
        for k in 0..=weight {
            if k == 0 {
                out.push_str(&digit(k).to_string());
            } else {
                out.push_str(&format!("{:04}", digit(k)));
            }
        }
    }
    if dscale > 0 {
        let mut fraction = String::with_capacity(dscale + 4);
        let mut k = weight + 1;
        while fraction.len() < dscale {
            fraction.push_str(&format!("{:04}", digit(k)));
            k += 1;
        }
        fraction.truncate(dscale);
        out.push('.');
        out.push_str(&fraction);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric(ndigits: u16, weight: i16, sign: u16, dscale: u16, digits: &[u16]) -> Vec<u8> {
        let mut buf = Vec::new();
        for w in [ndigits, weight as u16, sign, dscale] {
            buf.extend_from_slice(&w.to_be_bytes());
        }
        for d in digits {
            buf.extend_from_slice(&d.to_be_bytes());
        }
        buf
    }

    #[test]
    fn numerics_keep_every_digit_and_the_scale() {
        let cases: [(&[u8], &str); 7] = [
            (&numeric(0, 0, 0, 0, &[]), "0"),
            (&numeric(0, 0, 0, 2, &[]), "0.00"),
            (&numeric(2, 0, 0, 4, &[123, 4500]), "123.4500"),
            (&numeric(1, -2, 0x4000, 5, &[1000]), "-0.00001"),
            (&numeric(1, 1, 0, 0, &[1]), "10000"),
            (&numeric(3, 2, 0, 0, &[12, 3456, 7890]), "1234567890"),
            (&numeric(0, 0, 0xC000, 0, &[]), "NaN"),
        ];
        for (buf, expected) in cases {
            assert_eq!(pg_numeric(buf).as_deref(), Some(expected));
        }
    }

    #[test]
    fn malformed_numerics_are_none_not_a_panic() {
        assert_eq!(pg_numeric(&[0, 1]), None);
        assert_eq!(pg_numeric(&numeric(2, 0, 0, 0, &[1])), None);
        assert_eq!(pg_numeric(&numeric(1, 0, 0, 0, &[10000])), None);
        assert_eq!(pg_numeric(&numeric(0, 0, 0x1234, 0, &[])), None);
    }

    #[test]
    fn control_characters_mark_binary_data() {
        assert!(is_plain_text("gold\tplan\n"));
        assert!(!is_plain_text("\u{0}\u{1}"));
    }
}
