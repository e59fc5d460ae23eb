//! The `trellis` command line: serve, migrate, print the schema, create the
//! first platform administrator, re-encrypt datasource credentials, purge
//! deleted Work items.

mod purge;

use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::graphql::{GraphqlLimits, build_schema};
use crate::{server, telemetry};

/// Trellis, a multi-tenant SaaS backbone: one GraphQL API over a shared
/// identity and tenancy core (organizations, users, roles, sessions, an audit
/// trail), whose first product routes incoming email to intents and checks it
/// against the tenant's live data.
///
/// Configured by `TRELLIS_*` environment variables and `DATABASE_URL` (an
/// optional `.env` file is read); with none set, `trellis serve` runs on an
/// embedded SQLite file, `trellis.db`, in the working directory. The README
/// lists every variable.
#[derive(Debug, Parser)]
#[command(name = "trellis", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (applies pending migrations first).
    Serve {
        /// Address to listen on; overrides TRELLIS_BIND.
        #[arg(long, value_name = "ADDR")]
        bind: Option<SocketAddr>,
        /// Do not apply pending migrations at start.
        #[arg(long)]
        no_migrate: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the GraphQL schema (SDL) on standard output. Needs no database.
    Schema,
    /// Platform administration: create the first administrator.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The keys that encrypt datasource credentials: re-encrypt under a new one.
    Secrets {
        #[command(subcommand)]
        command: SecretsCommand,
    },
    /// Remove for good the Work items deleted longer ago than --older-than,
    /// in every tenant, with their comments, history and attachments (the
    /// files too). A delete and the subtasks it took go together. Safe to
    /// run while servers run, and to run again.
    Purge {
        /// How long ago an item must have been deleted to go: a number and
        /// a unit, e.g. `30d`, `12h` or `2w`.
        #[arg(
            long,
            value_name = "DURATION",
            default_value = "30d",
            value_parser = purge::parse_age
        )]
        older_than: chrono::Duration,
    },
}

#[derive(Debug, Subcommand)]
pub enum SecretsCommand {
    /// Re-encrypt every stored datasource credential under TRELLIS_SECRET_KEY.
    /// Run it after moving the old key to TRELLIS_SECRET_KEYS_PREVIOUS; once
    /// it reports success the old key can be dropped. Safe to run while
    /// servers run, and to run again.
    Rotate,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a platform administrator and print its id. The password is
    /// read from standard input (one line).
    Create {
        /// The administrator's sign-in email.
        #[arg(long, value_name = "EMAIL")]
        email: String,
        /// The administrator's display name.
        #[arg(long, value_name = "NAME", default_value = "Administrator")]
        name: String,
    },
}

/// Runs one command to completion.
///
/// # Errors
/// Whatever stopped the command, with context for the operator.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        // The SDL depends on no configuration, so none is read: the command
        // works anywhere, including CI without secrets.
        Command::Schema => print_schema().await,
        Command::Serve { bind, no_migrate } => {
            let mut config = load_config()?;
            if let Some(bind) = bind {
                config.bind = bind;
            }
            server::serve(config, no_migrate).await
        }
        Command::Migrate => {
            let config = load_config()?;
            let applied = server::migrate_database(&config).await?;
            println!("{}", migration_report(&applied));
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => {
            let config = load_config()?;
            create_admin(config, email, name).await
        }
        Command::Secrets {
            command: SecretsCommand::Rotate,
        } => {
            let config = load_config()?;
            rotate_secrets(config).await
        }
        Command::Purge { older_than } => {
            let config = load_config()?;
            purge::purge_deleted_items(config, older_than).await
        }
    }
}

/// What `trellis migrate` says it did.
fn migration_report(applied: &[String]) -> String {
    match applied {
        [] => "no pending migrations; the database is up to date".to_owned(),
        [one] => format!("applied 1 migration ({one}); the database is up to date"),
        many => format!(
            "applied {} migrations ({}); the database is up to date",
            many.len(),
            many.join(", ")
        ),
    }
}

fn load_config() -> anyhow::Result<Config> {
    let config = Config::from_env()?;
    telemetry::init(config.log_format)?;
    Ok(config)
}

async fn print_schema() -> anyhow::Result<()> {
    // An empty in-memory database stands in for the store: building the
    // schema needs the wired use cases, printing it queries nothing.
    let db = trellis_store_seaorm::connect("sqlite::memory:")
        .await
        .context("cannot open an in-memory SQLite database")?;
    let state = server::build_state(&Config::for_tests(), db);
    let sdl = build_schema(state, &GraphqlLimits::default()).sdl();
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(sdl.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write the schema to standard output")
}

async fn create_admin(config: Config, email: String, name: String) -> anyhow::Result<()> {
    let password = tokio::task::spawn_blocking(read_password)
        .await
        .context("reading the password was interrupted")??;
    // So that the first administrator can be created before the first `serve`.
    if config.auto_migrate {
        server::migrate_database(&config).await?;
    }
    let db = server::connect(&config).await?;
    let state = server::build_state(&config, db);
    let user = state
        .tenancy
        .admin
        .create_admin(&email, &password, &name)
        .await
        .context("cannot create the administrator")?;
    tracing::info!(user = %user.id, "platform administrator created");
    println!("{}", user.id);
    Ok(())
}

async fn rotate_secrets(config: Config) -> anyhow::Result<()> {
    if config.keyring_is_development {
        tracing::warn!(
            "TRELLIS_SECRET_KEY is not set: re-encrypting under the well-known development key"
        );
    }
    server::migrate_database(&config).await?;
    let db = server::connect(&config).await?;
    let key_id = config.keyring.current_key_id().to_owned();
    let state = server::build_state(&config, db);
    let report = state
        .routing
        .datasources
        .rotate_credentials()
        .await
        .context("cannot re-encrypt the datasource credentials")?;
    println!(
        "re-encrypted {} datasource configs under key `{key_id}` ({} changed meanwhile)",
        report.rotated, report.skipped
    );
    Ok(())
}

/// One line from standard input, prompting on stderr when it is a terminal.
/// Only the line ending is removed: spaces may be part of a password.
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        // Echo stays on: hiding it needs a terminal crate we do not carry.
        eprint!("Password for the new administrator (visible as you type): ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        bail!(
            "no password given: send it on standard input, \
             e.g. `printf '%s\\n' \"$ADMIN_PASSWORD\" | trellis admin create --email admin@example.com`"
        );
    }
    Ok(password.to_owned())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// Every subcommand says what it does and every option what it is for,
    /// at every level of `--help`.
    #[test]
    fn every_command_and_option_has_help() {
        fn missing(command: &clap::Command, path: &str, out: &mut Vec<String>) {
            let path = format!("{path} {}", command.get_name()).trim().to_owned();
            if command.get_about().is_none() {
                out.push(format!("`{path}` has no description"));
            }
            for arg in command.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin && arg.get_help().is_none() {
                    out.push(format!("`{path}` argument `{}` has no help", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                if sub.get_name() != "help" {
                    missing(sub, &path, out);
                }
            }
        }
        let mut problems = Vec::new();
        missing(&Cli::command(), "", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_help_says_what_trellis_is() {
        let help = Cli::command().render_long_help().to_string();
        for words in [
            "multi-tenant",
            "GraphQL",
            "email",
            "TRELLIS_",
            "serve",
            "migrate",
        ] {
            assert!(help.contains(words), "`{words}` missing from:\n{help}");
        }
        // Not the crate's own description, which speaks to its developers.
        assert!(!help.contains("The HTTP and GraphQL edge"), "{help}");
    }

    #[test]
    fn the_migration_report_counts_and_names_what_was_applied() {
        assert_eq!(
            migration_report(&[]),
            "no pending migrations; the database is up to date"
        );
        assert_eq!(
            migration_report(&["m1".into()]),
            "applied 1 migration (m1); the database is up to date"
        );
        assert_eq!(
            migration_report(&["m1".into(), "m2".into()]),
            "applied 2 migrations (m1, m2); the database is up to date"
        );
    }

    #[test]
    fn serve_takes_a_bind_address_and_no_migrate() {
        let cli =
            Cli::try_parse_from(["trellis", "serve", "--bind", "0.0.0.0:9000", "--no-migrate"])
                .unwrap();
        let Command::Serve { bind, no_migrate } = cli.command else {
            panic!("parsed {cli:?}");
        };
        assert_eq!(bind, Some(SocketAddr::from(([0, 0, 0, 0], 9000))));
        assert!(no_migrate);
    }

    #[test]
    fn secrets_rotate_takes_no_arguments() {
        let cli = Cli::try_parse_from(["trellis", "secrets", "rotate"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Secrets {
                command: SecretsCommand::Rotate
            }
        ));
        assert!(Cli::try_parse_from(["trellis", "secrets"]).is_err());
    }

    #[test]
    fn purge_takes_an_age_of_thirty_days_unless_told() {
        let parsed = |args: &[&str]| match Cli::try_parse_from(args).map(|cli| cli.command) {
            Ok(Command::Purge { older_than }) => Ok(older_than),
            Ok(other) => panic!("parsed {other:?}"),
            Err(err) => Err(err.to_string()),
        };
        assert_eq!(
            parsed(&["trellis", "purge"]),
            Ok(chrono::Duration::days(30))
        );
        assert_eq!(
            parsed(&["trellis", "purge", "--older-than", "12h"]),
            Ok(chrono::Duration::hours(12))
        );
        let err = parsed(&["trellis", "purge", "--older-than", "soon"]).unwrap_err();
        assert!(err.contains("e.g. `30d`"), "{err}");
    }

    #[test]
    fn admin_create_needs_an_email() {
        assert!(Cli::try_parse_from(["trellis", "admin", "create"]).is_err());
        let cli = Cli::try_parse_from(["trellis", "admin", "create", "--email", "a@b.co"]).unwrap();
        let Command::Admin {
            command: AdminCommand::Create { email, name },
        } = cli.command
        else {
            panic!("parsed {cli:?}");
        };
        assert_eq!((email.as_str(), name.as_str()), ("a@b.co", "Administrator"));
    }
}
