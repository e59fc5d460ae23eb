//! The real server on a loopback socket: silent and idle connections are
//! closed, and past the connection cap clients wait instead of taking a
//! descriptor, then are served.

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use support::{Mocks, MocksExt};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::time::{Instant, timeout};
use trellis_gateway::Config;
use trellis_gateway::config::ConnectionLimits;
use trellis_gateway::http::listen::serve_connections;

/// Far beyond every limit below: reaching it means the server never acted.
const PATIENCE: Duration = Duration::from_secs(10);
const HEALTH: &[u8] = b"GET /health HTTP/1.1\r\nHost: trellis\r\n\r\n";

struct Server {
    address: SocketAddr,
    _stop: oneshot::Sender<()>,
}

async fn start(limits: ConnectionLimits) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = trellis_gateway::router(Mocks::default().into_state(), &Config::for_tests());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(serve_connections(listener, app, limits, async move {
        let _ = stopped.await;
    }));
    Server {
        address,
        _stop: stop,
    }
}

fn limits(max_connections: usize) -> ConnectionLimits {
    ConnectionLimits {
        header_read_timeout: Duration::from_millis(300),
        keep_alive_timeout: Duration::from_millis(300),
        max_connections,
    }
}

/// Reads until the server closes the connection; what it sent meanwhile.
async fn until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match timeout(PATIENCE, stream.read(&mut buffer)).await {
            Ok(Ok(0) | Err(_)) => return received,
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
            Err(_) => panic!(
                "the server kept the connection open for {PATIENCE:?}; it sent {:?}",
                String::from_utf8_lossy(&received)
            ),
        }
    }
}

/// One response to `GET /health`, read up to the end of its JSON body.
async fn health_response(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&received).ends_with('}') {
        let n = timeout(PATIENCE, stream.read(&mut buffer))
            .await
            .expect("an answer in time")
            .expect("the connection reads");
        assert!(n > 0, "closed before answering");
        received.extend_from_slice(&buffer[..n]);
    }
    String::from_utf8_lossy(&received).into_owned()
}

#[tokio::test]
async fn silent_and_half_sent_requests_are_cut_off_at_the_header_timeout() {
    let server = start(limits(64)).await;
    let mut silent = TcpStream::connect(server.address).await.unwrap();
    let mut dribbling = TcpStream::connect(server.address).await.unwrap();
    dribbling
        .write_all(b"GET /health HTTP/1.1\r\nHost: tre")
        .await
        .unwrap();
    let received = until_closed(&mut silent).await;
    assert!(received.is_empty() || received.starts_with(b"HTTP/1.1 408"));
    until_closed(&mut dribbling).await;
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let server = start(limits(64)).await;
    let mut client = TcpStream::connect(server.address).await.unwrap();
    client.write_all(HEALTH).await.unwrap();
    let answer = health_response(&mut client).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Kept alive for another request, but not forever.
    assert!(until_closed(&mut client).await.is_empty());
}

#[tokio::test]
async fn past_the_cap_a_client_waits_for_a_slot_then_is_served() {
    let server = start(limits(2)).await;
    let mut idle: Vec<TcpStream> = Vec::new();
    for _ in 0..2 {
        idle.push(TcpStream::connect(server.address).await.unwrap());
    }
    // The kernel completes the handshake; the server takes the connection
    // only once a slot is free.
    let mut client = TcpStream::connect(server.address).await.unwrap();
    client.write_all(HEALTH).await.unwrap();
    let waiting = tokio::spawn(async move {
        let answer = health_response(&mut client).await;
        (answer, Instant::now())
    });
    let mut first_closed = None;
    for stream in &mut idle {
        until_closed(stream).await;
        first_closed.get_or_insert_with(Instant::now);
    }
    let (answer, served_at) = waiting.await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // The cap held: the client was answered only once an idle one had gone.
    let first_closed = first_closed.unwrap();
    assert!(
        served_at + Duration::from_millis(50) >= first_closed,
        "served {:?} before any idle connection closed",
        first_closed - served_at
    );
}
