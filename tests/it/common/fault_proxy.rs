//! A TCP proxy between the storefront and its commerce backend that can break on command, the
//! way a backend breaks in production: stopped (connections refused), slow (answers held
//! back), or answering garbage. Changing the fault closes the connections already open, so
//! the storefront's pooled keep-alive connections meet the new fault at once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// Every byte passes.
    None,
    /// Nothing listens: connections are refused, as when the backend is stopped.
    Stopped,
    /// Requests pass at once; every answer is held back this long.
    Slow(Duration),
    /// As `None` until a request containing `marker` passes; from then on answers are held
    /// back `delay`, as a backend that slows down in the middle of a checkout.
    SlowFrom { marker: String, delay: Duration },
    /// Every request is answered by the proxy itself with a 200 whose body is not JSON.
    Garbage,
}

pub struct FaultProxy {
    pub addr: std::net::SocketAddr,
    fault: watch::Sender<Fault>,
    /// Whether a `SlowFrom` marker has passed since the fault was set.
    tripped: Arc<Mutex<bool>>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultProxy {
    /// A proxy to `upstream` (host:port), passing everything until told otherwise. Call from
    /// inside the test runtime.
    pub async fn start(upstream: &str) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy port");
        let addr = listener.local_addr().unwrap();
        let (fault, watching) = watch::channel(Fault::None);
        let tripped = Arc::new(Mutex::new(false));
        let task = tokio::spawn(serve(
            listener,
            upstream.to_string(),
            watching,
            tripped.clone(),
        ));
        FaultProxy {
            addr,
            fault,
            tripped,
            task,
        }
    }

    pub fn set(&self, fault: Fault) {
        *self.tripped.lock().unwrap() = false;
        self.fault.send_replace(fault);
    }

    /// Whether a `SlowFrom` marker has passed since the fault was set.
    pub fn tripped(&self) -> bool {
        *self.tripped.lock().unwrap()
    }

    /// `url` (the backend's) with this proxy's address in its place.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    listener: TcpListener,
    upstream: String,
    mut fault: watch::Receiver<Fault>,
    tripped: Arc<Mutex<bool>>,
) {
    let addr = listener.local_addr().unwrap();
    let mut listener = Some(listener);
    loop {
        let now = fault.borrow_and_update().clone();
        if now == Fault::Stopped {
            // Closing the socket is what makes connections refused, not merely unanswered.
            listener = None;
        } else if listener.is_none() {
            listener = Some(rebind(addr).await);
        }
        let Some(open) = &listener else {
            if fault.changed().await.is_err() {
                return;
            }
            continue;
        };
        tokio::select! {
            changed = fault.changed() => if changed.is_err() { return },
            accepted = open.accept() => {
                let Ok((client, _)) = accepted else { continue };
                let watching = fault.clone();
                tokio::spawn(connection(client, upstream.clone(), now, watching, tripped.clone()));
            }
        }
    }
}

/// The port again, once the "stopped" fault ends (a moment may pass before the kernel frees
/// it).
async fn rebind(addr: std::net::SocketAddr) -> TcpListener {
    for _ in 0..50 {
        if let Ok(l) = TcpListener::bind(addr).await {
            return l;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the proxy cannot listen on {addr} again");
}

/// One client connection under `fault`, closed when the fault changes.
async fn connection(
    client: TcpStream,
    upstream: String,
    fault: Fault,
    mut changes: watch::Receiver<Fault>,
    tripped: Arc<Mutex<bool>>,
) {
    let work = async move {
        if fault == Fault::Garbage {
            return garbage(client).await;
        }
        let Ok(server) = TcpStream::connect(&upstream).await else {
            return;
        };
        pipe(client, server, fault, tripped).await;
    };
    tokio::select! {
        _ = changes.changed() => {}
        _ = work => {}
    }
}

/// Answers each request on `client` with a 200 that no GraphQL client can read.
async fn garbage(mut client: TcpStream) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match client.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) if !buf[..n].windows(4).any(|w| w == b"\r\n\r\n") => {
                // The rest of a body; the answer went out with its headers.
                continue;
            }
            Ok(_) => {}
        }
        let body = "<html><body>502 upstream glitch{\"data\":";
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if client.write_all(answer.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// Copies both ways; answers wait as `fault` says.
async fn pipe(client: TcpStream, server: TcpStream, fault: Fault, tripped: Arc<Mutex<bool>>) {
    let (mut from_client, mut to_client) = client.into_split();
    let (mut from_server, mut to_server) = server.into_split();
    // HTTP/1.1 without pipelining: bytes from the server after a new request are the start
    // of its answer.
    let asked = Arc::new(AtomicUsize::new(0));
    let up = {
        let (fault, tripped, asked) = (fault.clone(), tripped.clone(), asked.clone());
        async move {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = match from_client.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                if let Fault::SlowFrom { marker, .. } = &fault {
                    if buf[..n]
                        .windows(marker.len())
                        .any(|w| w == marker.as_bytes())
                    {
                        *tripped.lock().unwrap() = true;
                    }
                }
                asked.fetch_add(1, Ordering::SeqCst);
                if to_server.write_all(&buf[..n]).await.is_err() {
                    return;
                }
            }
        }
    };
    let down = async move {
        let mut buf = vec![0u8; 64 * 1024];
        let mut answered = 0;
        loop {
            let n = match from_server.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            let now = asked.load(Ordering::SeqCst);
            if now != answered {
                answered = now;
                let delay = match &fault {
                    Fault::Slow(d) => Some(*d),
                    Fault::SlowFrom { delay, .. } if *tripped.lock().unwrap() => Some(*delay),
                    _ => None,
                };
                if let Some(d) = delay {
                    tokio::time::sleep(d).await;
                }
            }
            if to_client.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    tokio::join!(up, down);
}
