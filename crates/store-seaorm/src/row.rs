//! Reading a selected row by column position. The hot reads (the caller of
//! every request, a page of members) select only the columns they use and
//! read them in order: decoding by position skips the name lookups SeaORM
//! does for whole models.

use std::sync::OnceLock;

use sea_orm::sea_query::{ColumnRef, IntoColumnRef, SelectStatement};
use sea_orm::{DbBackend, EntityTrait, QueryResult, Statement, TryGetable, Value};
use trellis_kernel::DomainResult;

use crate::error::internal;

/// The columns of one row, read in the order they were selected.
pub(crate) struct Columns<'r> {
    row: &'r QueryResult,
    next: usize,
}

impl<'r> Columns<'r> {
    pub(crate) fn new(row: &'r QueryResult) -> Self {
        Self { row, next: 0 }
    }

    /// The next column.
    pub(crate) fn take<T: TryGetable>(&mut self) -> DomainResult<T> {
        let value = self.row.try_get_by_index(self.next).map_err(internal);
        self.next += 1;
        value
    }
}

/// Selects `columns` of `entity`, qualified by its table, in order.
pub(crate) fn select<E, C>(query: &mut SelectStatement, entity: E, columns: &[C])
where
    E: EntityTrait + Copy,
    C: Copy,
    (E, C): IntoColumnRef,
{
    query.columns(
        columns
            .iter()
            .map(|column| -> ColumnRef { (entity, *column).into_column_ref() }),
    );
}

/// The SQL of a hot statement, built once per backend. Its text never
/// changes between requests, only its values: sea_query builds it on first
/// use, and later requests bind their values to the same text.
pub(crate) struct CachedSql {
    postgres: OnceLock<String>,
    other: OnceLock<String>,
}

impl CachedSql {
    pub(crate) const fn new() -> Self {
        Self {
            postgres: OnceLock::new(),
            other: OnceLock::new(),
        }
    }

    /// The statement `build` makes, with `values`, which must be the values
    /// `build`'s statement binds, in its order (each use has a test).
    pub(crate) fn statement(
        &self,
        backend: DbBackend,
        build: impl FnOnce() -> SelectStatement,
        values: Vec<Value>,
    ) -> Statement {
        let cell = match backend {
            DbBackend::Postgres => &self.postgres,
            _ => &self.other,
        };
        let sql = cell.get_or_init(|| backend.build(&build()).sql);
        Statement::from_sql_and_values(backend, sql.as_str(), values)
    }
}
