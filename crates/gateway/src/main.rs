//! The `trellis` binary; everything it does lives in the library (`cli`).

use std::process::ExitCode;

use clap::Parser;
use trellis_gateway::cli::{self, Cli};

/// Faster than glibc's allocator at the many small allocations of a GraphQL
/// request, and, unlike glibc's, it gives the 19 MiB argon2 buffer of each
/// sign-in back to the system when asked (`trellis_gateway::memory`): with
/// glibc, RSS grew past 1 GB over 5 000 sign-ins.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    match cli::run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The message and its causes, without a backtrace: these are
            // operator errors (configuration, database), not bugs.
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
