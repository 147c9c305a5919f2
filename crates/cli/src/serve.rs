//! `chronik serve`: the chronicle as a local web page (crate
//! `chronik-web`). Reads the database only; binds to 127.0.0.1 unless
//! `--host` names another address.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::chronicle::{DbArgs, is_memory};

/// `chronik serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to bind. The default serves this machine only; any other
    /// address lets other machines read the chronicle.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub host: IpAddr,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    if is_memory(&args.db.db) {
        bail!("chronik serve needs a database file (`--db PATH`), not :memory:");
    }
    let config = chronik_web::Config {
        db: args.db.db.clone(),
        addr: SocketAddr::new(args.host, args.port),
    };
    let db = args.db.db.display().to_string();
    chronik_web::serve_blocking(config, |addr| {
        // One line on stdout, for people and for scripts waiting for it.
        println!("chronik: serving {db} at http://{addr}/ (Ctrl-C to stop)");
        if !addr.ip().is_loopback() {
            eprintln!(
                "chronik: warning: {} is reachable from other machines",
                addr.ip()
            );
        }
    })
    .with_context(|| format!("serving {db}"))?;
    Ok(ExitCode::SUCCESS)
}
