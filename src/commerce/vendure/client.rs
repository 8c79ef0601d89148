//! One Shop API call: the session token in and out, a deadline, retries for reads only, and
//! GraphQL errors turned into the storefront's typed errors.

use crate::commerce::backend::{CommerceError, CommerceResult};
use graphql_client::{GraphQLQuery, Response};
use std::time::Duration;

/// Vendure sends this header whenever it creates or replaces a session (bearer token method).
const TOKEN_HEADER: &str = "vendure-auth-token";
/// Where the order-code proof goes (scripts/vendure/server.js checks it).
const PROOF_HEADER: &str = "vitrine-order-proof";
/// A page waits at most this long for one call; a stuck backend must not hang the shopper.
const TIMEOUT: Duration = Duration::from_secs(5);
/// Below Node's default `keepAliveTimeout` (5 s), which Vendure's server keeps.
const POOL_IDLE: Duration = Duration::from_secs(4);
/// After a call times out, Vendure is taken for down this long: calls fail at once instead of
/// each waiting out its own timeout (five cold category pages once took 74 to 200 s).
const COOL_DOWN: Duration = Duration::from_secs(5);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// Pauses before each retry of a read.
const BACKOFF: [Duration; 2] = [Duration::from_millis(100), Duration::from_millis(400)];

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    url: String,
    /// The Shop API's `languageCode`: names and descriptions come back in it.
    language: &'static str,
    /// Until when calls fail at once, after Vendure stopped answering.
    down_until: std::sync::Arc<std::sync::Mutex<Option<std::time::Instant>>>,
}

/// What came back, and the session token when Vendure issued one.
pub struct Reply<T> {
    pub data: T,
    pub token: Option<String>,
}

/// Whether a call may be repeated when it fails: reads may; a write may only when it cannot
/// have reached Vendure (the connection was refused), or an order could be placed twice.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Read,
    Write,
    /// One read, sent even while cooling down and never repeated, to learn whether a write
    /// whose answer never came went through.
    Check,
}

impl Client {
    pub fn new(url: &str) -> Result<Client, String> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            // Node closes an idle keep-alive connection after 5 s; a write sent on one just as
            // it closes fails ("error sending request", seen once in CI) and writes are not
            // retried. Dropping idle connections first avoids the race.
            .pool_idle_timeout(POOL_IDLE)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Client {
            http,
            url: url.to_string(),
            language: "en",
            down_until: Default::default(),
        })
    }

    /// The same Vendure, asked in `language` (sharing connections and the cool-down).
    pub fn speaking(&self, language: &'static str) -> Client {
        Client {
            language,
            ..self.clone()
        }
    }

    pub async fn call<Q: GraphQLQuery>(
        &self,
        variables: Q::Variables,
        token: Option<&str>,
        kind: Kind,
    ) -> CommerceResult<Reply<Q::ResponseData>> {
        self.send::<Q>(variables, token, None, kind).await
    }

    /// A read of one order by its code, with the storefront's proof that the shopper may see
    /// it (see `VendureStore::order`).
    pub async fn call_proved<Q: GraphQLQuery>(
        &self,
        variables: Q::Variables,
        proof: Option<&str>,
        kind: Kind,
    ) -> CommerceResult<Reply<Q::ResponseData>> {
        self.send::<Q>(variables, None, proof, kind).await
    }

    async fn send<Q: GraphQLQuery>(
        &self,
        variables: Q::Variables,
        token: Option<&str>,
        proof: Option<&str>,
        kind: Kind,
    ) -> CommerceResult<Reply<Q::ResponseData>> {
        let body = Q::build_query(variables);
        if kind != Kind::Check && self.cooling_down() {
            return Err(CommerceError::Unavailable(
                "Vendure is not answering (cooling down)".into(),
            ));
        }
        let mut attempt = 0;
        loop {
            let mut req = self
                .http
                .post(&self.url)
                .query(&[("languageCode", self.language)])
                .json(&body);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if let Some(p) = proof {
                req = req.header(PROOF_HEADER, p);
            }
            let outcome = match req.send().await {
                Ok(res) => read::<Q>(res).await,
                Err(e) => {
                    if e.is_timeout() {
                        // Hanging, not refusing: another try would only wait as long again.
                        self.cool_down();
                    }
                    Err(Failure {
                        retry: !e.is_timeout() && (kind == Kind::Read || e.is_connect()),
                        error: unavailable(&e),
                    })
                }
            };
            match outcome {
                Ok(reply) => {
                    // A check answered while cooling down: Vendure is back for everyone.
                    if kind == Kind::Check {
                        self.warm_up();
                    }
                    return Ok(reply);
                }
                Err(f) if f.retry && attempt < BACKOFF.len() => {
                    tokio::time::sleep(BACKOFF[attempt]).await;
                    attempt += 1;
                }
                Err(f) => {
                    if let CommerceError::Unavailable(why) = &f.error {
                        tracing::warn!(operation = body.operation_name, %why, "Vendure call failed");
                    }
                    return Err(f.error);
                }
            }
        }
    }
}

impl Client {
    fn cooling_down(&self) -> bool {
        let mut until = self.down_until.lock().unwrap_or_else(|p| p.into_inner());
        match *until {
            Some(t) if std::time::Instant::now() < t => true,
            Some(_) => {
                // Cooled down: the next calls find out whether it answers again.
                *until = None;
                false
            }
            None => false,
        }
    }

    fn warm_up(&self) {
        *self.down_until.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    fn cool_down(&self) {
        let mut until = self.down_until.lock().unwrap_or_else(|p| p.into_inner());
        *until = Some(std::time::Instant::now() + COOL_DOWN);
    }
}

struct Failure {
    retry: bool,
    error: CommerceError,
}

async fn read<Q: GraphQLQuery>(res: reqwest::Response) -> Result<Reply<Q::ResponseData>, Failure> {
    let status = res.status();
    let token = res
        .headers()
        .get(TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if status.is_server_error() {
        return Err(Failure {
            retry: true,
            error: CommerceError::Unavailable(format!("Vendure answered {status}")),
        });
    }
    let body: Response<Q::ResponseData> = res.json().await.map_err(|e| Failure {
        retry: false,
        error: CommerceError::Unavailable(format!("unreadable Vendure answer ({status}): {e}")),
    })?;
    if let Some(error) = body.errors.as_ref().and_then(|es| es.first()) {
        let code = error
            .extensions
            .as_ref()
            .and_then(|x| x.get("code"))
            .and_then(|c| c.as_str())
            .unwrap_or_default();
        let error = match code {
            // Vendure's answer for an order (or anything) this session may not see: the
            // shopper hears "not found", never which.
            "FORBIDDEN" | "ENTITY_NOT_FOUND" => {
                CommerceError::NotFound(crate::commerce::Thing::Record)
            }
            "USER_INPUT_ERROR" | "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED" => {
                super::refused(error.message.clone())
            }
            _ => CommerceError::Unavailable(format!("Vendure error {code}: {}", error.message)),
        };
        return Err(Failure {
            retry: false,
            error,
        });
    }
    let data = body.data.ok_or_else(|| Failure {
        retry: false,
        error: CommerceError::Unavailable("Vendure sent no data".into()),
    })?;
    Ok(Reply { data, token })
}

fn unavailable(e: &reqwest::Error) -> CommerceError {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    };
    CommerceError::Unavailable(format!("Vendure {what}: {e}"))
}
