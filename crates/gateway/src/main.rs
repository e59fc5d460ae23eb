//! The `trellis` binary; everything it does lives in the library (`cli`).

use std::process::ExitCode;

use clap::Parser;
use trellis_gateway::cli::{self, Cli};

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
