//! The SQL a DATABASE rule may run: one read-only SELECT in the dialect of
//! its datasource, with its bind placeholders counted and, where that can be
//! done without changing its meaning, capped to one row.
//!
//! This is a first line of defence that gives the tenant a clear error when
//! saving; connectors must still run these statements in a read-only
//! transaction, because a SELECT can call functions with side effects.

use std::collections::BTreeMap;

use sqlparser::ast::{Expr, LimitClause, Query, SetExpr, Statement, Value};
use sqlparser::dialect::{Dialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::keywords::Keyword;
use sqlparser::parser::{Parser, ParserError};
use sqlparser::tokenizer::{Token, Tokenizer};
use trellis_datasources::Protocol;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// A query that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOnlySelect {
    /// What to run: the query re-serialised with `LIMIT 1`, or as written
    /// when the limit could not be set safely.
    pub statement: String,
    /// Whether `statement` carries the one-row limit.
    pub capped: bool,
    pub placeholders: Placeholders,
}

/// The values a statement binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placeholders {
    /// `?`: one value per occurrence, in order.
    Positional(usize),
    /// `$n` or `?n`: one value per distinct number, spelled as written.
    Numbered(BTreeMap<u32, String>),
}

impl Placeholders {
    /// How many values the statement binds.
    pub fn count(&self) -> usize {
        match self {
            Placeholders::Positional(n) => *n,
            Placeholders::Numbered(numbers) => numbers.len(),
        }
    }

    /// Checks that `given` params bind exactly these placeholders.
    ///
    /// # Errors
    /// Why they do not, in words for the tenant.
    pub fn check_params(&self, given: usize) -> Result<(), String> {
        let count = self.count();
        if count != given {
            return Err(format!(
                "the query has {count} placeholder{} but {given} {} given",
                if count == 1 { "" } else { "s" },
                if given == 1 { "param is" } else { "params are" },
            ));
        }
        if let Placeholders::Numbered(numbers) = self {
            // As many distinct numbers as params, all within 1..=given, means
            // exactly 1..=given.
            if let Some((_, spelling)) = numbers.iter().find(|(n, _)| **n as usize > given) {
                return Err(format!("`{spelling}` has no param"));
            }
        }
        Ok(())
    }
}

fn dialect(protocol: Protocol) -> Option<&'static dyn Dialect> {
    match protocol {
        Protocol::Postgresql => Some(&PostgreSqlDialect {}),
        Protocol::Mysql => Some(&MySqlDialect {}),
        Protocol::Sqlite => Some(&SQLiteDialect {}),
        Protocol::Http | Protocol::File => None,
    }
}

/// Checks `sql` as the query of a DATABASE rule reached through `protocol`.
///
/// # Errors
/// Why the query is refused, in words for the tenant.
pub fn parse_read_only(protocol: Protocol, sql: &str) -> Result<ReadOnlySelect, String> {
    let dialect = dialect(protocol)
        .ok_or_else(|| format!("{} datasources do not run SQL", protocol.as_str()))?;
    if sql.trim().is_empty() {
        return Err("must not be empty".to_owned());
    }
    if sql.chars().count() > MAX_QUERY_CHARS {
        return Err(format!("must be at most {MAX_QUERY_CHARS} characters"));
    }
    let mut statements = Parser::parse_sql(dialect, sql).map_err(|err| {
        let message = match err {
            ParserError::TokenizerError(m) | ParserError::ParserError(m) => m,
            ParserError::RecursionLimitExceeded => "it is nested too deeply".to_owned(),
        };
        format!("is not valid SQL: {message}")
    })?;
    if statements.len() != 1 {
        return Err(format!(
            "must be exactly one statement; found {}",
            statements.len()
        ));
    }
    let mut query = match statements.pop() {
        Some(Statement::Query(query)) => query,
        Some(other) => return Err(format!("must be a SELECT, not {}", first_word(&other))),
        None => return Err("must not be empty".to_owned()),
    };
    check_top_level(&query)?;
    let scan = scan(dialect, sql)?;
    if let Some(refusal) = scan.refusal {
        return Err(refusal);
    }
    let placeholders = classify(protocol, &scan.placeholders)?;

    let mut statement = sql.trim().trim_end_matches(';').trim_end().to_owned();
    let mut capped = false;
    if cap_to_one_row(&mut query) {
        let capped_sql = query.to_string();
        // Keep the rewrite only if it reads back as the same query with the
        // same placeholders; otherwise the connector reads the first row.
        let same_ast = Parser::parse_sql(dialect, &capped_sql)
            .is_ok_and(|s| s.len() == 1 && s[0] == Statement::Query(query.clone()));
        let same_placeholders =
            scan_placeholders(dialect, &capped_sql).is_some_and(|p| p == scan.placeholders);
        if same_ast && same_placeholders {
            statement = capped_sql;
            capped = true;
        }
    }
    Ok(ReadOnlySelect {
        statement,
        capped,
        placeholders,
    })
}

/// The statement's leading keyword (`DELETE`), read from the parsed form so
/// that comments before it do not matter.
fn first_word(statement: &Statement) -> String {
    let text = statement.to_string();
    text.split_whitespace()
        .next()
        .filter(|w| w.len() <= 20 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .map_or_else(|| "another statement".to_owned(), str::to_ascii_uppercase)
}

fn writes(body: &SetExpr) -> Option<&'static str> {
    match body {
        SetExpr::Insert(_) => Some("INSERT"),
        SetExpr::Update(_) => Some("UPDATE"),
        SetExpr::Delete(_) => Some("DELETE"),
        SetExpr::Merge(_) => Some("MERGE"),
        _ => None,
    }
}

/// Clear messages for what is visible at the top of the tree; `scan`
/// catches the same things nested deeper.
fn check_top_level(query: &Query) -> Result<(), String> {
    if let Some(verb) = writes(&query.body) {
        return Err(format!("must be a SELECT, not {verb}"));
    }
    if let Some(with) = &query.with {
        for cte in &with.cte_tables {
            if let Some(verb) = writes(&cte.query.body) {
                return Err(format!(
                    "must only read data, but WITH {} AS ({verb} …) modifies it",
                    cte.alias.name
                ));
            }
        }
    }
    if query.body.as_select().is_some_and(|s| s.into.is_some()) {
        return Err("must not use SELECT … INTO".to_owned());
    }
    if !query.locks.is_empty() {
        return Err("must not lock rows (FOR UPDATE / FOR SHARE)".to_owned());
    }
    Ok(())
}

struct Scan {
    placeholders: Vec<String>,
    refusal: Option<String>,
}

/// Walks the tokens rather than the tree: no keyword that writes or locks
/// may appear anywhere, however deeply nested, and placeholders are found
/// in the order they bind.
fn scan(dialect: &dyn Dialect, sql: &str) -> Result<Scan, String> {
    let tokens = Tokenizer::new(dialect, sql)
        .tokenize()
        .map_err(|err| format!("is not valid SQL: {err}"))?;
    let significant: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect();
    let mut refusal = None;
    for (i, token) in significant.iter().enumerate() {
        let Token::Word(word) = token else { continue };
        if word.quote_style.is_some() {
            continue;
        }
        let next = significant.get(i + 1).and_then(|t| match t {
            Token::Word(w) if w.quote_style.is_none() => Some(w.keyword),
            _ => None,
        });
        let message = match (word.keyword, next) {
            (Keyword::FOR, Some(Keyword::UPDATE | Keyword::SHARE | Keyword::NO | Keyword::KEY))
            | (Keyword::LOCK, Some(Keyword::IN)) => {
                "must not lock rows (FOR UPDATE / FOR SHARE)".to_owned()
            }
            (Keyword::INTO, _) => "must not use SELECT … INTO".to_owned(),
            (Keyword::INSERT | Keyword::UPDATE | Keyword::DELETE | Keyword::MERGE, _) => format!(
                "must only read data: `{}` is not allowed (quote it if it names a column)",
                word.value.to_ascii_uppercase()
            ),
            _ => continue,
        };
        refusal = Some(message);
        break;
    }
    Ok(Scan {
        placeholders: placeholders_of(dialect, &tokens),
        refusal,
    })
}

fn scan_placeholders(dialect: &dyn Dialect, sql: &str) -> Option<Vec<String>> {
    let tokens = Tokenizer::new(dialect, sql).tokenize().ok()?;
    Some(placeholders_of(dialect, &tokens))
}

fn placeholders_of(dialect: &dyn Dialect, tokens: &[Token]) -> Vec<String> {
    let sqlite = dialect.is::<SQLiteDialect>();
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Placeholder(p) => found.push(p.clone()),
            // SQLite binds `:name` and `@name` too; the tokenizer leaves them
            // as two tokens, which the parser joins when they touch.
            Token::Colon | Token::AtSign if sqlite => match tokens.get(i + 1) {
                Some(Token::Word(w)) => found.push(format!("{token}{}", w.value)),
                Some(Token::Number(n, _)) => found.push(format!("{token}{n}")),
                _ => {}
            },
            _ => {}
        }
    }
    found
}

/// Placeholder styles each database binds by position, as the connectors
/// pass params: PostgreSQL `$n`, MySQL `?`, SQLite `?`, `?n` or `$n`.
fn classify(protocol: Protocol, found: &[String]) -> Result<Placeholders, String> {
    let mut positional = 0;
    let mut numbered = BTreeMap::new();
    for p in found {
        let number = p
            .strip_prefix('$')
            .filter(|_| protocol != Protocol::Mysql)
            .or_else(|| p.strip_prefix('?').filter(|_| protocol == Protocol::Sqlite))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match (p.as_str(), number) {
            ("?", _) if protocol != Protocol::Postgresql => positional += 1,
            (_, Some(digits)) => match digits.parse::<u32>() {
                Ok(n @ 1..=1000) => {
                    numbered.entry(n).or_insert_with(|| p.clone());
                }
                _ => {
                    return Err(format!(
                        "`{p}` is not a valid placeholder; numbers run from 1"
                    ));
                }
            },
            _ => {
                let style = match protocol {
                    Protocol::Postgresql => "$1, $2, …",
                    Protocol::Mysql => "?",
                    _ => "?, ?1 or $1",
                };
                return Err(format!(
                    "`{p}` is not a {} placeholder; write {style}",
                    protocol.as_str()
                ));
            }
        }
    }
    match (positional, numbered.is_empty()) {
        (0, _) => Ok(Placeholders::Numbered(numbered)),
        (n, true) => Ok(Placeholders::Positional(n)),
        _ => Err("mixes `?` with numbered placeholders; use one style".to_owned()),
    }
}

/// Sets `LIMIT 1` on the outermost query when it has no limit or a literal
/// one above 1. Leaves limits it cannot read (expressions, placeholders,
/// FETCH, LIMIT BY) alone. Returns whether it changed anything.
fn cap_to_one_row(query: &mut Query) -> bool {
    if query.fetch.is_some() {
        return false;
    }
    let one = || Expr::value(Value::Number("1".parse().unwrap_or_default(), false));
    let above_one = |expr: &Expr| match expr {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.to_string().parse::<u64>().is_ok_and(|n| n > 1),
            _ => false,
        },
        _ => false,
    };
    match &mut query.limit_clause {
        None => {
            query.limit_clause = Some(LimitClause::LimitOffset {
                limit: Some(one()),
                offset: None,
                limit_by: Vec::new(),
            });
            true
        }
        Some(LimitClause::LimitOffset {
            limit, limit_by, ..
        }) if limit_by.is_empty() && limit.as_ref().is_none_or(above_one) => {
            *limit = Some(one());
            true
        }
        Some(LimitClause::OffsetCommaLimit { limit, .. }) if above_one(limit) => {
            *limit = one();
            true
        }
        Some(_) => false,
    }
}

#[cfg(test)]
#[path = "check/sql_tests.rs"]
mod tests;
