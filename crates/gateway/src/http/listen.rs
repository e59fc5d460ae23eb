//! Accepting connections: at most `max_connections` at once, a request head
//! within the header-read timeout, and no connection kept idle past the
//! keep-alive timeout. Silent clients cannot hold file descriptors for long,
//! and clients past the cap wait in the listen backlog instead of taking
//! one.
//!
//! axum::serve has no header-read timeout, so connections are served with
//! hyper's HTTP/1 builder (as axum::serve does without the `http2` feature).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tokio::time::Instant;
use tower::ServiceExt as _;

use crate::config::ConnectionLimits;

/// After a failed accept (out of file descriptors, say), before the next.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Serves `app` on `listener` until `shutdown` resolves, then lets every
/// open connection finish its request in flight and close.
///
/// Each request carries `ConnectInfo<SocketAddr>`, as with
/// `into_make_service_with_connect_info`.
pub async fn serve_connections(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let cap = limits.max_connections.clamp(1, Semaphore::MAX_PERMITS);
    let permits = Arc::new(Semaphore::new(cap));
    let (closing, closing_rx) = watch::channel(false);
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        // A permit first: at the cap, clients wait in the backlog, holding
        // no descriptor of ours.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot accept a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let connection = serve_one(
            builder.clone(),
            stream,
            remote,
            app.clone(),
            limits,
            closing_rx.clone(),
        );
        tokio::spawn(async move {
            connection.await;
            drop(permit);
        });
    }
    let _ = closing.send(true);
    // Every open connection holds a permit until it has closed.
    let all = u32::try_from(cap).unwrap_or(u32::MAX);
    let _ = permits.acquire_many(all).await;
}

async fn serve_one(
    builder: http1::Builder,
    stream: TcpStream,
    remote: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    mut closing: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let activity = Arc::new(Activity::new());
    let service = {
        let activity = activity.clone();
        hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            let busy = activity.begin();
            let app = app.clone();
            async move {
                let response = app.oneshot(request).await;
                drop(busy);
                response
            }
        })
    };
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        result = connection.as_mut() => {
            if let Err(err) = result {
                tracing::debug!(%remote, error = %err, "connection ended with an error");
            }
            return;
        }
        () = activity.idle_past(limits) => {
            tracing::debug!(%remote, "closing an idle connection");
        }
        _ = closing.wait_for(|closing| *closing) => {}
    }
    // Finishes a request in flight, then closes.
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// Whether a connection has a request in flight, and since when it has
/// had none.
struct Activity {
    busy: AtomicUsize,
    /// When the last request ended; `None` before the first.
    last_done: Mutex<Option<Instant>>,
    opened: Instant,
    changed: Notify,
}

impl Activity {
    fn new() -> Self {
        Self {
            busy: AtomicUsize::new(0),
            last_done: Mutex::new(None),
            opened: Instant::now(),
            changed: Notify::new(),
        }
    }

    fn begin(self: &Arc<Self>) -> Busy {
        self.busy.fetch_add(1, Ordering::SeqCst);
        Busy(self.clone())
    }

    /// Resolves once the connection has been idle too long: no request by
    /// the header-read timeout after opening, or none by the keep-alive
    /// timeout after the last one ended.
    async fn idle_past(&self, limits: ConnectionLimits) {
        loop {
            if self.busy.load(Ordering::SeqCst) > 0 {
                self.changed.notified().await;
                continue;
            }
            let last_done = *self
                .last_done
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let deadline = match last_done {
                None => self.opened + limits.header_read_timeout,
                Some(done) => done + limits.keep_alive_timeout,
            };
            if Instant::now() >= deadline && self.busy.load(Ordering::SeqCst) == 0 {
                return;
            }
            tokio::select! {
                () = tokio::time::sleep_until(deadline) => {}
                () = self.changed.notified() => {}
            }
        }
    }
}

/// One request in flight; its end is recorded on drop.
struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        *self
            .0
            .last_done
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Instant::now());
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
        self.0.changed.notify_one();
    }
}
