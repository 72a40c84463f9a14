//! A bore server from the `bore-cli` crate, in the test process, on a loopback address of its
//! own: the protocol fixes the control port (7835), so each server takes a random 127.x.y.z
//! (never 127.0.0.1) and parallel tests or test runs do not collide.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use bore_cli::server::Server;
use bore_cli::shared::CONTROL_PORT;

pub struct BoreServer {
    pub ip: Ipv4Addr,
    secret: Option<String>,
    rt: Option<tokio::runtime::Runtime>,
}

impl BoreServer {
    /// A server on a free loopback address.
    pub fn start() -> BoreServer {
        Self::start_with(None)
    }

    /// A server that requires `secret` from its clients (`bore server --secret`).
    pub fn start_with(secret: Option<&str>) -> BoreServer {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        for _ in 0..50 {
            let ip = Ipv4Addr::new(127, rng.gen_range(1..=254), rng.gen(), rng.gen_range(2..=254));
            // Free, and this machine routes all of 127/8 to loopback (Linux does).
            if TcpListener::bind((ip, CONTROL_PORT)).is_ok() {
                let mut s = BoreServer { ip, secret: secret.map(str::to_string), rt: None };
                s.restart();
                return s;
            }
        }
        panic!("no free loopback address for a bore server");
    }

    /// `bore:IP` for `listen --tunnel`.
    pub fn spec(&self) -> String {
        format!("bore:{}", self.ip)
    }

    /// Starts the server (again) on its address and waits until the control port answers.
    pub fn restart(&mut self) {
        assert!(self.rt.is_none(), "already running");
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let mut server = Server::new(1024..=65535, self.secret.as_deref());
        server.set_bind_addr(self.ip.into());
        server.set_bind_tunnels(self.ip.into());
        rt.spawn(server.listen());
        self.rt = Some(rt);
        let deadline = Instant::now() + Duration::from_secs(10);
        let addr = SocketAddr::from((self.ip, CONTROL_PORT));
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(Instant::now() < deadline, "bore server on {addr} did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Stops the server and every connection it holds (control and public ports close).
    pub fn stop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_timeout(Duration::from_secs(2));
        }
    }
}

impl Drop for BoreServer {
    fn drop(&mut self) {
        self.stop();
    }
}
