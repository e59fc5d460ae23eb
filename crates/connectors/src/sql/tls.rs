//! TLS to SQL servers. The connectors resolve a server's host name once,
//! check the address against the network policy, and connect to that
//! address only. For `VERIFY_FULL` the certificate must be checked against
//! the host name, yet sqlx takes one `host` for both where it connects (it
//! would resolve the name again) and what it verifies. So the pool is given
//! the host name and a Unix socket of its own, private to this process, that
//! forwards each connection to the approved address: TLS runs end to end
//! between sqlx and the server, verified against the name, over a TCP
//! connection to the checked IP.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tokio::net::{TcpStream, UnixListener};
use tokio::task::JoinHandle;

/// A Unix socket forwarding to one approved address, for as long as the
/// pool that uses it lives.
pub struct Forwarder {
    dir: PathBuf,
    socket: PathBuf,
    accept: JoinHandle<()>,
}

impl Forwarder {
    /// Listens at `<temp>/trellis-sql-<uuid>/.s.PGSQL.<port>` (the name
    /// PostgreSQL clients derive from a directory; MySQL takes the full
    /// path), in a directory only this process's user can enter.
    pub fn start(addr: SocketAddr) -> std::io::Result<Self> {
        let dir = std::env::temp_dir().join(format!(
            "trellis-sql-{}",
            sqlx::types::Uuid::now_v7().simple()
        ));
        std::fs::create_dir(&dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        }
        let socket = dir.join(format!(".s.PGSQL.{}", addr.port()));
        let listener = match UnixListener::bind(&socket) {
            Ok(listener) => listener,
            Err(err) => {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(err);
            }
        };
        let accept = tokio::spawn(async move {
            while let Ok((mut local, _)) = listener.accept().await {
                tokio::spawn(async move {
                    // A failed connect closes `local`: the driver reports the
                    // broken connection and the pool's timeouts apply.
                    match TcpStream::connect(addr).await {
                        Ok(mut remote) => {
                            let _ = remote.set_nodelay(true);
                            let _ = tokio::io::copy_bidirectional(&mut local, &mut remote).await;
                        }
                        Err(err) => {
                            tracing::debug!(%addr, error = %err, "SQL datasource connect failed");
                        }
                    }
                });
            }
        });
        Ok(Self {
            dir,
            socket,
            accept,
        })
    }

    /// The directory, for `PgConnectOptions::socket`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The socket itself, for `MySqlConnectOptions::socket`.
    pub fn socket(&self) -> &Path {
        &self.socket
    }
}

impl Drop for Forwarder {
    fn drop(&mut self) {
        // Connections already forwarded end with their pool's connections.
        self.accept.abort();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, UnixStream};

    use super::*;

    #[tokio::test]
    async fn the_socket_reaches_the_approved_address_and_goes_with_the_forwarder() {
        let server = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let approved = server.local_addr().unwrap();
        let forwarder = Forwarder::start(approved).unwrap();
        assert_eq!(
            forwarder.socket(),
            forwarder
                .dir()
                .join(format!(".s.PGSQL.{}", approved.port()))
        );
        let mut client = UnixStream::connect(forwarder.socket()).await.unwrap();
        client.write_all(b"ping").await.unwrap();
        let (mut accepted, _) = server.accept().await.unwrap();
        let mut got = [0u8; 4];
        accepted.read_exact(&mut got).await.unwrap();
        assert_eq!(&got, b"ping");
        accepted.write_all(b"pong").await.unwrap();
        client.read_exact(&mut got).await.unwrap();
        assert_eq!(&got, b"pong");
        let dir = forwarder.dir().to_owned();
        drop(forwarder);
        assert!(!dir.exists());
    }
}
