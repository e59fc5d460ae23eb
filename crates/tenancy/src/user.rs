use chrono::{DateTime, Utc};
use trellis_kernel::UserId;

use crate::email::Email;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: String,
    pub is_platform_admin: bool,
    pub created_at: DateTime<Utc>,
}

/// A user with the hash of their password; only sign-in ever reads this.
#[derive(Debug, Clone)]
pub struct UserCredentials {
    pub user: User,
    pub password_hash: String,
}
