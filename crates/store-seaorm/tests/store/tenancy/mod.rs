//! The tenancy wing's ports, and what the database itself guarantees.

mod deleted_roles;
mod invitations;
mod isolation;
mod kept_callers;
mod members;
mod restored_roles;
mod revocation;
mod roles;
mod schema;
mod sessions;
mod tenants;
mod users;
