//! One module per tenancy port.

mod invitations;
mod memberships;
mod principal;
mod roles;
mod sessions;
mod tenants;
mod users;
