//! One module per tenancy port.

mod invitations;
mod memberships;
mod roles;
mod sessions;
mod tenants;
mod users;
