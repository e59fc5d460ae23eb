//! The tenancy wing's ports, and what the database itself guarantees.

mod invitations;
mod isolation;
mod members;
mod revocation;
mod roles;
mod schema;
mod sessions;
mod tenants;
mod users;
