//! One Shop API call: the session token in and out, a deadline, retries for reads only, and
//! GraphQL errors turned into the storefront's typed errors.

use crate::commerce::backend::{CommerceError, CommerceResult};
use graphql_client::{GraphQLQuery, Response};
use std::time::Duration;

/// Vendure sends this header whenever it creates or replaces a session (bearer token method).
const TOKEN_HEADER: &str = "vendure-auth-token";
/// A page waits at most this long for one call; a stuck backend must not hang the shopper.
const TIMEOUT: Duration = Duration::from_secs(8);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// Pauses before each retry of a read.
const BACKOFF: [Duration; 2] = [Duration::from_millis(100), Duration::from_millis(400)];

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    url: String,
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
}

impl Client {
    pub fn new(url: &str) -> Result<Client, String> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Client {
            http,
            url: url.to_string(),
        })
    }

    pub async fn call<Q: GraphQLQuery>(
        &self,
        variables: Q::Variables,
        token: Option<&str>,
        kind: Kind,
    ) -> CommerceResult<Reply<Q::ResponseData>> {
        let body = Q::build_query(variables);
        let mut attempt = 0;
        loop {
            let mut req = self.http.post(&self.url).json(&body);
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            let outcome = match req.send().await {
                Ok(res) => read::<Q>(res).await,
                Err(e) => Err(Failure {
                    retry: kind == Kind::Read || e.is_connect(),
                    error: unavailable(&e),
                }),
            };
            match outcome {
                Ok(reply) => return Ok(reply),
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
            "FORBIDDEN" | "ENTITY_NOT_FOUND" => CommerceError::NotFound(error.message.clone()),
            "USER_INPUT_ERROR" | "BAD_USER_INPUT" | "GRAPHQL_VALIDATION_FAILED" => {
                CommerceError::InvalidInput(error.message.clone())
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
