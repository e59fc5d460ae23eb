//! The `trellis` binary; everything it does lives in the library (`cli`).

use clap::Parser;
use trellis_gateway::cli::{self, Cli};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    cli::run(Cli::parse()).await
}
