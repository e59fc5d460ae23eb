//! HTTP lookups against a small HTTP/1.1 server on loopback, written out by
//! hand so each answer (oversize, chunked, garbage, redirect, silence) is
//! exactly what the test needs.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use trellis_datasources::ports::Connector;
use trellis_datasources::{
    Credentials, DatasourceConfig, HttpMethod, Lookup, LookupErrorKind, LookupResult, Protocol,
};

use crate::helpers::*;

struct Server {
    port: u16,
    requests: Arc<AtomicUsize>,
}

impl Server {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(answer(stream, port));
            }
        });
        Self { port, requests }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn config(&self, credentials: Option<Credentials>) -> DatasourceConfig {
        let mut options = options(2_000);
        options.max_response_bytes = 1024;
        options.headers = BTreeMap::from([("X-Plan".to_owned(), "gold".to_owned())]);
        config(Protocol::Http, &self.base(), credentials, options)
    }
}

async fn answer(mut stream: TcpStream, port: u16) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_owned();
    let path = request_line.next().unwrap_or_default().to_owned();
    let headers: BTreeMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).into_owned();

    let route = path.split('?').next().unwrap_or_default();
    let (status, extra, body): (u16, String, Vec<u8>) = match route {
        "/json" => (200, String::new(), br#"{"plan":"gold","seats":3}"#.to_vec()),
        "/missing" => (
            404,
            String::new(),
            br#"{"error":"no such customer"}"#.to_vec(),
        ),
        "/garbage" => (200, String::new(), b"<html>not json".to_vec()),
        "/empty" => (204, String::new(), Vec::new()),
        "/big" => (200, String::new(), vec![b' '; 2048]),
        "/echo" => {
            let seen = json!({
                "method": method,
                "authorization": headers.get("authorization"),
                "x-api-key": headers.get("x-api-key"),
                "x-plan": headers.get("x-plan"),
                "content-type": headers.get("content-type"),
                "referer": headers.get("referer"),
                "body": body,
            });
            (200, String::new(), seen.to_string().into_bytes())
        }
        "/loop" => (302, "Location: /loop\r\n".into(), Vec::new()),
        "/away" => (
            302,
            format!("Location: http://localhost:{port}/echo\r\n"),
            Vec::new(),
        ),
        "/big-chunked" => {
            let mut out =
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    .to_vec();
            for _ in 0..4 {
                out.extend_from_slice(b"200\r\n");
                out.extend_from_slice(&[b' '; 0x200]);
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"0\r\n\r\n");
            let _ = stream.write_all(&out).await;
            return;
        }
        "/hang" => {
            // Say nothing until the client gives up and closes.
            let _ = stream.read(&mut chunk).await;
            return;
        }
        _ => (404, String::new(), Vec::new()),
    };
    let mut out = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        out.extend_from_slice(&body);
    }
    let _ = stream.write_all(&out).await;
}

fn get(path: &str) -> Lookup {
    Lookup::Http {
        method: HttpMethod::Get,
        path_and_query: path.into(),
        body: None,
    }
}

fn http(result: LookupResult) -> (u16, Option<Value>) {
    match result {
        LookupResult::Http { status, body } => (status, body),
        other => panic!("not an HTTP result: {other:?}"),
    }
}

#[tokio::test]
async fn json_bodies_are_parsed_and_every_status_is_a_result() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let config = server.config(None);
    let source = datasource(&config);
    let lookup = |path: &'static str| {
        let (connectors, config, source) = (connectors.clone(), config.clone(), source.clone());
        async move { connectors.lookup(&config, &source, &get(path)).await }
    };
    assert_eq!(
        http(lookup("/json").await.unwrap()),
        (200, Some(json!({"plan": "gold", "seats": 3})))
    );
    assert_eq!(
        http(lookup("/missing").await.unwrap()),
        (404, Some(json!({"error": "no such customer"})))
    );
    assert_eq!(http(lookup("/garbage").await.unwrap()), (200, None));
    assert_eq!(http(lookup("/empty").await.unwrap()), (204, None));
    assert_eq!(http(lookup("/json?email=a%40b.c").await.unwrap()).0, 200);
}

#[tokio::test]
async fn bodies_over_the_limit_are_too_large_with_or_without_a_length() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let config = server.config(None);
    let source = datasource(&config);
    for path in ["/big", "/big-chunked"] {
        let message = assert_kind(
            connectors.lookup(&config, &source, &get(path)).await,
            LookupErrorKind::TooLarge,
        );
        assert_eq!(message, "the response is larger than 1024 bytes");
    }
}

#[tokio::test]
async fn headers_credentials_and_bodies_are_sent() {
    let server = Server::start().await;
    let connectors = connectors(true);
    for (credentials, header, expected) in [
        (
            Credentials::Bearer {
                token: "t0k".into(),
            },
            "authorization",
            "Bearer t0k",
        ),
        (
            Credentials::Basic {
                username: "u".into(),
                password: "p".into(),
            },
            "authorization",
            "Basic dTpw",
        ),
        (
            Credentials::ApiKey {
                header: "X-Api-Key".into(),
                key: "k3y".into(),
            },
            "x-api-key",
            "k3y",
        ),
    ] {
        let config = server.config(Some(credentials));
        let (status, body) = http(
            connectors
                .lookup(&config, &datasource(&config), &get("/echo"))
                .await
                .unwrap(),
        );
        let seen = body.unwrap();
        assert_eq!(status, 200);
        assert_eq!(seen[header], expected);
        assert_eq!(seen["x-plan"], "gold");
    }
    let config = server.config(None);
    let post = Lookup::Http {
        method: HttpMethod::Post,
        path_and_query: "/echo".into(),
        body: Some(json!({"email": "a@b.c"})),
    };
    let seen = http(
        connectors
            .lookup(&config, &datasource(&config), &post)
            .await
            .unwrap(),
    )
    .1
    .unwrap();
    assert_eq!(seen["method"], "POST");
    assert_eq!(seen["content-type"], "application/json");
    assert_eq!(
        serde_json::from_str::<Value>(seen["body"].as_str().unwrap()).unwrap(),
        json!({"email": "a@b.c"})
    );
    assert_eq!(seen["authorization"], Value::Null);
}

#[tokio::test]
async fn redirects_are_limited_and_credentials_do_not_follow_them_elsewhere() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let plain = server.config(None);
    let message = assert_kind(
        connectors
            .lookup(&plain, &datasource(&plain), &get("/loop"))
            .await,
        LookupErrorKind::BadResponse,
    );
    assert!(message.contains("more than 5"), "{message}");

    let (status, body) = http(
        connectors
            .lookup(&plain, &datasource(&plain), &get("/away?email=a"))
            .await
            .unwrap(),
    );
    assert_eq!(
        status, 200,
        "a redirect to another origin is followed without credentials"
    );
    assert_eq!(
        body.unwrap()["referer"],
        Value::Null,
        "the email's values are not passed on"
    );

    let keyed = server.config(Some(Credentials::ApiKey {
        header: "X-Api-Key".into(),
        key: "k3y".into(),
    }));
    let (status, _) = http(
        connectors
            .lookup(&keyed, &datasource(&keyed), &get("/away"))
            .await
            .unwrap(),
    );
    assert_eq!(status, 302, "the key is not carried to another origin");
}

#[tokio::test]
async fn a_silent_server_times_out() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let mut config = server.config(None);
    config.connection.statement_timeout_ms = 200;
    let message = assert_kind(
        connectors
            .lookup(&config, &datasource(&config), &get("/hang"))
            .await,
        LookupErrorKind::Timeout,
    );
    assert_eq!(message, "the datasource did not answer within 200 ms");
}

#[tokio::test]
async fn private_addresses_are_refused_before_any_request() {
    let server = Server::start().await;
    let connectors = connectors(false);
    let literal = server.config(None);
    let by_name = config(
        Protocol::Http,
        &format!("http://localhost:{}", server.port),
        None,
        options(2_000),
    );
    for (config, shown) in [(literal, "`127.0.0.1`"), (by_name, "`localhost`")] {
        let message = assert_kind(
            connectors
                .lookup(&config, &datasource(&config), &get("/json"))
                .await,
            LookupErrorKind::Refused,
        );
        assert!(message.contains(shown), "{message}");
        assert!(
            message.contains("TRELLIS_ALLOW_PRIVATE_NETWORKS=true"),
            "{message}"
        );
        assert_eq!(
            connectors.probe(&config).await.unwrap_err().kind,
            LookupErrorKind::Refused
        );
    }
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn paths_cannot_leave_the_base_address() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let config = server.config(None);
    for path in ["@evil.example.com/", "evil", ".evil.example.com/"] {
        assert_kind(
            connectors
                .lookup(&config, &datasource(&config), &get(path))
                .await,
            LookupErrorKind::Config,
        );
    }
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn probe_accepts_any_answer_and_reports_silence_as_unreachable() {
    let server = Server::start().await;
    let connectors = connectors(true);
    connectors.probe(&server.config(None)).await.unwrap();

    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let config = config(
        Protocol::Http,
        &format!("http://127.0.0.1:{port}"),
        None,
        options(2_000),
    );
    let err = connectors.probe(&config).await.unwrap_err();
    assert_eq!(err.kind, LookupErrorKind::Unreachable, "{}", err.message);
    assert!(
        err.message.contains("could not connect to `127.0.0.1`"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn credentials_copied_from_another_config_do_not_decrypt() {
    let server = Server::start().await;
    let connectors = connectors(true);
    let mut copied = server.config(Some(Credentials::Bearer {
        token: "t0k".into(),
    }));
    copied.id = trellis_datasources::DatasourceConfigId::generate();
    let message = assert_kind(
        connectors
            .lookup(&copied, &datasource(&copied), &get("/echo"))
            .await,
        LookupErrorKind::Config,
    );
    assert_eq!(
        message,
        "the stored credentials of `crm` cannot be read; enter them again"
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}
