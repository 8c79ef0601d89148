//! A load balancer in front of several instances, as a TCP (layer 4) balancer works: each new
//! connection goes to the next instance in turn. No sticky sessions: a user's next connection
//! may land anywhere, and the store must not care.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};

/// Listens on a free local port; returns its URL. Runs until the process ends.
pub async fn start(upstreams: Vec<String>) -> Result<String, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let url = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let hosts: Arc<Vec<String>> = Arc::new(
        upstreams
            .iter()
            .map(|u| {
                u.trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_string()
            })
            .collect(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let host = hosts[next.fetch_add(1, Ordering::Relaxed) % hosts.len()].clone();
            tokio::spawn(async move {
                if let Ok(mut server) = TcpStream::connect(&host).await {
                    let _ = client.set_nodelay(true);
                    let _ = server.set_nodelay(true);
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                }
            });
        }
    });
    Ok(url)
}
