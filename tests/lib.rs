//! The end-to-end harness: a Trellis app per test, driven through its HTTP
//! router exactly as a client would, over a fresh database of its own.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};
use tower::ServiceExt;
use trellis_datasources::ports::Connector;
use trellis_gateway::throttle::ThrottleClock;
use trellis_gateway::{AppState, Config};
use trellis_store_seaorm::SeaOrmStore;

pub struct TestApp {
    pub router: Router,
    /// The credential throttle's clock: advance it to pass a window.
    pub clock: ThrottleClock,
    pub state: AppState,
    pub config: Config,
    /// Every statement the app has sent its database.
    pub statements: StatementLog,
    /// Keeps the per-test database alive as long as the app.
    _database: Option<trellis_store_seaorm::testing::TestDatabase>,
    /// The app's own `TRELLIS_DATASOURCE_FILES_DIR`, removed with it.
    files: FilesDir,
}

/// The SQL of every statement an app sends its database, in order, for
/// tests that count what a request costs.
#[derive(Debug, Clone, Default)]
pub struct StatementLog(Arc<Mutex<Vec<String>>>);

impl StatementLog {
    fn push(&self, sql: &str) {
        self.lock().push(sql.to_owned());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The statements sent since the log held `mark` of them.
    pub fn since(&self, mark: usize) -> Vec<String> {
        self.lock()
            .get(mark..)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }

    /// A store over `db` whose every statement this log records. On
    /// PostgreSQL it already keeps the callers it reads, as a server does
    /// from its first requests on, so that what a request costs does not
    /// depend on how soon the store began listening for their changes.
    async fn watch(&self, db: &DatabaseConnection) -> SeaOrmStore {
        let mut store = SeaOrmStore::new(db.clone());
        let log = self.clone();
        store.observe_statements(Arc::new(move |sql| log.push(sql)));
        trellis_store_seaorm::testing::until_keeping_callers(&store).await;
        store
    }
}

/// A directory of one test's SQLite datasource files, deleted on drop.
struct FilesDir(PathBuf);

impl FilesDir {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!("trellis-e2e-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&path).expect("temporary datasource files directory");
        Self(path)
    }
}

impl Drop for FilesDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The router over `state`, with a throttle clock that moves only when the
/// test advances it.
fn app_router(state: &AppState, config: &Config) -> (Router, ThrottleClock) {
    let clock = ThrottleClock::stopped();
    let router = trellis_gateway::http::router_with_clock(state.clone(), config, clock.clone());
    (router, clock)
}

/// The test configuration, with SQLite datasource files in `files`.
fn test_config(files: &FilesDir) -> Config {
    let mut config = Config::for_tests();
    config.datasource_files_dir = files.0.clone();
    // Attachments land under `<files>/data/attachments/`, removed with it.
    config.data_dir = files.0.join("data");
    config
}

/// One GraphQL response: `data` and `errors` as the client sees them.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Response {
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// The `data` of a successful operation: HTTP 200, no `errors`, and a
    /// `data` that is not null. Panics with the status and the whole body
    /// otherwise (a panic turned into a plain-text 500 has no `errors` key,
    /// so that alone proves nothing).
    pub fn ok(self) -> Value {
        let data = self.body.get("data").filter(|data| !data.is_null());
        assert!(
            self.status == StatusCode::OK && self.body.get("errors").is_none() && data.is_some(),
            "expected success (HTTP 200, non-null `data`, no `errors`), got HTTP {}: {}",
            self.status,
            self.body
        );
        self.body["data"].clone()
    }

    /// The `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    pub fn message(&self) -> &str {
        self.body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
    }

    /// The field names listed by a BAD_USER_INPUT error.
    pub fn bad_fields(&self) -> Vec<String> {
        self.body["errors"][0]["extensions"]["fields"]
            .as_array()
            .map(|fields| {
                fields
                    .iter()
                    .filter_map(|f| f["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// What a signed-in client holds.
#[derive(Debug, Clone)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub user_id: String,
}

impl TestApp {
    /// An app over an in-memory SQLite database.
    pub async fn sqlite() -> Self {
        let database = trellis_store_seaorm::testing::fresh_sqlite()
            .await
            .expect("in-memory SQLite opens");
        Self::over(database).await
    }

    /// An app over a fresh PostgreSQL database next to `TEST_DATABASE_URL`.
    ///
    /// # Panics
    /// When `TEST_DATABASE_URL` is not set: mark the test
    /// `#[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]`
    /// (as [`on_every_backend!`] does) so that it is reported as ignored then.
    pub async fn postgres() -> Self {
        let url = trellis_store_seaorm::testing::test_database_url();
        let database = trellis_store_seaorm::testing::fresh_postgres(&url)
            .await
            .expect("fresh PostgreSQL database");
        Self::over(database).await
    }

    async fn over(database: trellis_store_seaorm::testing::TestDatabase) -> Self {
        let files = FilesDir::new();
        let config = test_config(&files);
        let statements = StatementLog::default();
        let store = statements.watch(database.connection()).await;
        let state = AppState::new(trellis_gateway::server::ports_over(&config, store), &config);
        let (router, clock) = app_router(&state, &config);
        Self {
            router,
            clock,
            state,
            config,
            statements,
            _database: Some(database),
            files,
        }
    }

    /// An app over in-memory SQLite whose datasources are reached through
    /// `connector` (a mock, usually) instead of the real connectors.
    pub async fn sqlite_with_connector(connector: Arc<dyn Connector>) -> Self {
        let database = trellis_store_seaorm::testing::fresh_sqlite()
            .await
            .expect("in-memory SQLite opens");
        let files = FilesDir::new();
        let config = test_config(&files);
        let statements = StatementLog::default();
        let mut ports = trellis_gateway::server::ports_over(
            &config,
            statements.watch(database.connection()).await,
        );
        ports.connector = connector;
        let state = AppState::new(ports, &config);
        let (router, clock) = app_router(&state, &config);
        Self {
            router,
            clock,
            state,
            config,
            statements,
            _database: Some(database),
            files,
        }
    }

    /// Whether the app's database is PostgreSQL, where some reads cost
    /// fewer statements.
    pub fn on_postgres(&self) -> bool {
        self._database.as_ref().is_some_and(|database| {
            database.connection().get_database_backend() == sea_orm::DbBackend::Postgres
        })
    }

    /// An app over `db`, a pool the caller built (one that cannot connect,
    /// say), with the test configuration.
    pub fn over_pool(db: DatabaseConnection) -> Self {
        let files = FilesDir::new();
        let config = test_config(&files);
        let state = trellis_gateway::server::build_state(&config, db);
        Self::with_state(state)
    }

    /// An app over whatever ports the caller built (mocks, usually).
    pub fn with_state(state: AppState) -> Self {
        let files = FilesDir::new();
        let config = test_config(&files);
        let (router, clock) = app_router(&state, &config);
        Self {
            router,
            clock,
            state,
            config,
            statements: StatementLog::default(),
            _database: None,
            files,
        }
    }

    /// The same database and files behind a new app whose configuration
    /// `change` adjusted: a restart with other settings (a new key, say).
    pub async fn restart_with(self, change: impl FnOnce(&mut Config)) -> Self {
        let Self {
            _database: database,
            files,
            ..
        } = self;
        let database = database.expect("restart needs an app over a database");
        let mut config = test_config(&files);
        change(&mut config);
        let statements = StatementLog::default();
        let ports = trellis_gateway::server::ports_over(
            &config,
            statements.watch(database.connection()).await,
        );
        let state = AppState::new(ports, &config);
        let (router, clock) = app_router(&state, &config);
        Self {
            router,
            clock,
            state,
            config,
            statements,
            _database: Some(database),
            files,
        }
    }

    /// The app's `TRELLIS_DATASOURCE_FILES_DIR`.
    pub fn files_dir(&self) -> &Path {
        &self.files.0
    }

    /// The app's `TRELLIS_DATA_DIR`, where attachments' files are kept.
    pub fn data_dir(&self) -> PathBuf {
        self.files.0.join("data")
    }

    /// The datasource files directory of the tenant `session` acts in.
    pub fn tenant_files_dir(&self, session: &Session) -> PathBuf {
        self.files_dir().join(session.tenant_id())
    }

    /// Creates the SQLite file `name` in the datasource files directory of
    /// the tenant `session` acts in and runs `statements` in it.
    pub async fn sqlite_datasource_file(&self, session: &Session, name: &str, statements: &[&str]) {
        let path = self.tenant_files_dir(session).join(name);
        std::fs::create_dir_all(path.parent().expect("a parent"))
            .expect("datasource files directory");
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let db = sea_orm::Database::connect(url)
            .await
            .expect("SQLite datasource file opens");
        for statement in statements {
            db.execute_unprepared(statement)
                .await
                .unwrap_or_else(|err| panic!("{statement}: {err}"));
        }
        db.close().await.expect("SQLite datasource file closes");
    }

    pub async fn post(&self, body: Value, token: Option<&str>) -> Response {
        self.send("application/json", body.to_string().into_bytes(), token)
            .await
    }

    /// One operation with one file, as the GraphQL multipart request spec
    /// has it: an `operations` part, a `map` part saying which variable the
    /// file is, and the file part itself.
    pub async fn gql_upload(
        &self,
        query: &str,
        variables: Value,
        variable_path: &str,
        file: (&str, &[u8]),
        token: Option<&str>,
    ) -> Response {
        const BOUNDARY: &str = "trellis-e2e-boundary-7c1f";
        let (filename, content) = file;
        let operations = json!({ "query": query, "variables": variables });
        let map = json!({ "0": [variable_path] });
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n\
                 {operations}\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n\
                 {map}\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"0\"; \
                 filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        self.send(
            &format!("multipart/form-data; boundary={BOUNDARY}"),
            body,
            token,
        )
        .await
    }

    async fn send(&self, content_type: &str, body: Vec<u8>, token: Option<&str>) -> Response {
        self.send_from(None, content_type, body, token).await
    }

    /// One operation from a client at `ip`, as the server sees a peer.
    pub async fn gql_from(
        &self,
        ip: IpAddr,
        query: &str,
        variables: Value,
        token: Option<&str>,
    ) -> Response {
        let body = json!({ "query": query, "variables": variables });
        self.send_from(
            Some(ip),
            "application/json",
            body.to_string().into_bytes(),
            token,
        )
        .await
    }

    async fn send_from(
        &self,
        ip: Option<IpAddr>,
        content_type: &str,
        body: Vec<u8>,
        token: Option<&str>,
    ) -> Response {
        let mut request = Request::post("/graphql").header(header::CONTENT_TYPE, content_type);
        if let Some(ip) = ip {
            // What `into_make_service_with_connect_info` adds for a real socket.
            request = request.extension(ConnectInfo(SocketAddr::new(ip, 40_000)));
        }
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.request(request.body(Body::from(body)).expect("request builds"))
            .await
    }

    /// Any request to the app, as a browser or client would send it.
    pub async fn request(&self, request: Request<Body>) -> Response {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| json!({ "raw": String::from_utf8_lossy(&bytes).to_string() }));
        Response {
            status,
            headers,
            body,
        }
    }

    /// `GET path` with the bearer `token`, answered as raw bytes: a file
    /// download is no JSON.
    pub async fn get_bytes(
        &self,
        path: &str,
        token: Option<&str>,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut request = Request::get(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).expect("request builds"))
            .await
            .expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes();
        (status, headers, bytes.to_vec())
    }

    pub async fn gql(&self, query: &str, variables: Value, token: Option<&str>) -> Response {
        self.post(json!({ "query": query, "variables": variables }), token)
            .await
    }

    pub async fn sign_up(&self, email: &str) -> Session {
        let data = self
            .gql(
                "mutation($input: SignUpInput!) { signUp(input: $input) {
                    accessToken refreshToken user { id } } }",
                json!({ "input": { "email": email, "password": "correct-horse-9", "name": "Test User" } }),
                None,
            )
            .await
            .ok();
        session_from(&data["signUp"])
    }

    pub async fn sign_in(&self, email: &str, tenant_id: Option<&str>) -> Response {
        self.gql(
            "mutation($input: SignInInput!) { signIn(input: $input) {
                accessToken refreshToken user { id } tenant { id } } }",
            json!({ "input": { "email": email, "password": "correct-horse-9", "tenantId": tenant_id } }),
            None,
        )
        .await
    }

    /// Creates a tenant as `session`'s user and returns its id.
    pub async fn create_tenant(&self, session: &Session, slug: &str, plan: &str) -> String {
        let data = self
            .gql(
                "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
                json!({ "input": { "name": format!("Org {slug}"), "slug": slug, "plan": plan } }),
                Some(&session.access_token),
            )
            .await
            .ok();
        data["createTenant"]["tenant"]["id"]
            .as_str()
            .expect("tenant id")
            .to_owned()
    }

    pub async fn switch_tenant(&self, session: &Session, tenant_id: &str) -> Response {
        self.gql(
            "mutation($input: SwitchTenantInput!) { switchTenant(input: $input) {
                accessToken refreshToken user { id } tenant { id } role } }",
            json!({ "input": { "tenantId": tenant_id } }),
            Some(&session.access_token),
        )
        .await
    }

    /// Signs up `email`, creates a tenant and returns a session acting in it as OWNER.
    pub async fn owner_of(&self, email: &str, slug: &str, plan: &str) -> (Session, String) {
        let session = self.sign_up(email).await;
        let tenant = self.create_tenant(&session, slug, plan).await;
        let data = self.switch_tenant(&session, &tenant).await.ok();
        (session_from(&data["switchTenant"]), tenant)
    }

    pub async fn invite(&self, session: &Session, email: &str, role: &str) -> Response {
        self.gql(
            "mutation($input: InviteMemberInput!) { inviteMember(input: $input) {
                invitation { id email role } token } }",
            json!({ "input": { "email": email, "role": role } }),
            Some(&session.access_token),
        )
        .await
    }

    /// Invites `email` into `owner`'s tenant with `role`, signs the person up,
    /// accepts, and returns their session acting in the tenant.
    pub async fn join(&self, owner: &Session, tenant: &str, email: &str, role: &str) -> Session {
        let invited = self.invite(owner, email, role).await.ok();
        let token = invited["inviteMember"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let member = self.sign_up(email).await;
        self.gql(
            "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { tenant { id } } }",
            json!({ "input": { "token": token } }),
            Some(&member.access_token),
        )
        .await
        .ok();
        let data = self.switch_tenant(&member, tenant).await.ok();
        session_from(&data["switchTenant"])
    }

    pub async fn member_roles(&self, session: &Session) -> Vec<(String, String)> {
        let data = self
            .gql(
                "{ tenant { members(first: 100) { edges { node { user { email } role } } } } }",
                json!({}),
                Some(&session.access_token),
            )
            .await
            .ok();
        data["tenant"]["members"]["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|edge| {
                (
                    edge["node"]["user"]["email"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    edge["node"]["role"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }
}

impl Session {
    /// The tenant the access token acts in (its `tid` claim).
    pub fn tenant_id(&self) -> String {
        use base64::Engine;
        let payload = self.access_token.split('.').nth(1).expect("a JWT payload");
        let claims: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .expect("base64url"),
        )
        .expect("JSON claims");
        claims["tid"].as_str().expect("a tenant").to_owned()
    }
}

pub fn session_from(payload: &Value) -> Session {
    Session {
        access_token: payload["accessToken"]
            .as_str()
            .expect("accessToken")
            .to_owned(),
        refresh_token: payload["refreshToken"]
            .as_str()
            .expect("refreshToken")
            .to_owned(),
        user_id: payload["user"]["id"].as_str().expect("user id").to_owned(),
    }
}

/// Runs one scenario on SQLite, and on PostgreSQL. Without
/// `TEST_DATABASE_URL` the PostgreSQL variant is built ignored (this
/// package's build script), so the harness reports it as such; with
/// `TRELLIS_REQUIRE_TEST_DATABASES=1` (CI) it fails instead.
#[macro_export]
macro_rules! on_every_backend {
    ($($name:ident => $scenario:ident;)*) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$scenario($crate::TestApp::sqlite().await).await;
                }

                #[tokio::test]
                #[cfg_attr(no_test_database, ignore = "TEST_DATABASE_URL is not set")]
                async fn postgres() {
                    super::$scenario($crate::TestApp::postgres().await).await;
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "got HTTP 500 Internal Server Error")]
    fn a_panic_answered_as_plain_text_is_no_success() {
        Response {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            headers: HeaderMap::new(),
            body: json!({ "raw": "internal error" }),
        }
        .ok();
    }

    #[test]
    #[should_panic(expected = "got HTTP 200 OK")]
    fn null_data_is_no_success() {
        Response {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: json!({ "data": null }),
        }
        .ok();
    }

    #[test]
    fn data_with_http_200_is_a_success() {
        let data = Response {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: json!({ "data": { "me": { "id": "1" } } }),
        }
        .ok();
        assert_eq!(data, json!({ "me": { "id": "1" } }));
    }
}
